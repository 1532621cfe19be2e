// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {PassCollection, PassCloneArgs} from "./PassCollection.sol";

/**
 * @title PassFactory
 * @notice Deploys launches as EIP-1167 minimal-proxy clones of one {PassCollection}
 * implementation and initializes each in the same transaction.
 *
 * Each clone carries its fixed settings (name, symbol, URI prefix, royalty) as immutable
 * arguments appended to the proxy code ({PassCloneArgs}); the rest is written by
 * {PassCollection-initialize}. Clones are deployed with CREATE2, the salt mixed with the
 * caller's address, so a deployer knows its collection's address before the transaction
 * lands ({predictCollection}) and nobody else can take that address first.
 */
contract PassFactory {
    /// @notice A launch's settings.
    /// @param name ERC-721 collection name (at most 255 bytes).
    /// @param symbol ERC-721 collection symbol (at most 255 bytes).
    /// @param uriPrefix `tokenURI(id)` is `uriPrefix + <collection address, EIP-55> + "/" + id` and
    /// `contractURI()` is `uriPrefix + <collection address>`; empty for none.
    /// @param maxSupply Supply cap, 1..2^40-1.
    /// @param soulbound Whether passes are non-transferable (ERC-5192 locked).
    /// @param admin Receives `DEFAULT_ADMIN_ROLE`; must be non-zero.
    /// @param minter Receives `MINTER_ROLE`; zero for none yet.
    /// @param royaltyReceiver EIP-2981 royalty receiver; zero for no royalty.
    /// @param royaltyBps Royalty in basis points (at most 10000); ignored without a receiver.
    struct Params {
        string name;
        string symbol;
        string uriPrefix;
        uint256 maxSupply;
        bool soulbound;
        address admin;
        address minter;
        address royaltyReceiver;
        uint16 royaltyBps;
    }

    /// @notice The {PassCollection} every clone delegates to.
    address public immutable implementation;

    /// @notice `deployer` created `collection` with `salt`.
    event CollectionCreated(address indexed collection, address indexed deployer, bytes32 indexed salt);

    /// @notice The implementation given to the constructor has no code.
    error InvalidImplementation(address implementation);

    constructor(address implementation_) {
        if (implementation_.code.length == 0) revert InvalidImplementation(implementation_);
        implementation = implementation_;
    }

    /**
     * @notice Deploys a clone of {implementation} with `p`'s fixed settings as immutable
     * arguments at {predictCollection}`(msg.sender, salt, p)`, and initializes it. Reverts
     * are those of {PassCloneArgs-encode} and {PassCollection-initialize}; reusing a salt
     * with the same settings reverts with `FailedDeployment`.
     * @return collection The new collection's address.
     */
    function createCollection(bytes32 salt, Params calldata p) external returns (address collection) {
        collection = Clones.cloneDeterministicWithImmutableArgs(implementation, _args(p), _cloneSalt(msg.sender, salt));
        PassCollection(collection).initialize(p.admin, p.minter, p.maxSupply, p.soulbound);
        emit CollectionCreated(collection, msg.sender, salt);
    }

    /// @notice Address of the collection `deployer` creates (or created) with `salt` and `p`.
    function predictCollection(address deployer, bytes32 salt, Params calldata p) external view returns (address) {
        return Clones.predictDeterministicAddressWithImmutableArgs(implementation, _args(p), _cloneSalt(deployer, salt));
    }

    /// @notice The immutable arguments a clone created with `p` carries.
    function cloneArgs(Params calldata p) external pure returns (bytes memory) {
        return _args(p);
    }

    function _args(Params calldata p) private pure returns (bytes memory) {
        return PassCloneArgs.encode(p.name, p.symbol, p.uriPrefix, p.royaltyReceiver, p.royaltyBps);
    }

    /// @dev CREATE2 salt of a clone: `keccak256(abi.encode(deployer, salt))`.
    function _cloneSalt(address deployer, bytes32 salt) private pure returns (bytes32) {
        return keccak256(abi.encode(deployer, salt));
    }
}
