// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC2981} from "@openzeppelin/contracts/token/common/ERC2981.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {BitMaps} from "@openzeppelin/contracts/utils/structs/BitMaps.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";

/// @title ERC-5192: Minimal Soulbound NFTs
interface IERC5192 {
    /// @notice Emitted when the locking status is changed to locked.
    event Locked(uint256 tokenId);

    /// @notice Emitted when the locking status is changed to unlocked.
    event Unlocked(uint256 tokenId);

    /// @notice Returns the locking status of a Soulbound Token; reverts for a nonexistent token.
    function locked(uint256 tokenId) external view returns (bool);
}

/// @title ERC-7572: Contract-level metadata via `contractURI()`
interface IERC7572 {
    /// @notice Emitted when the contract-level metadata URI changes.
    event ContractURIUpdated();

    /// @notice Returns the URI of the contract-level metadata.
    function contractURI() external view returns (string memory);
}

/**
 * @title MetaPass
 * @notice A fixed-supply collection of event passes. Token ids are edition numbers
 * `1..maxSupply` chosen off-chain by the MetaPass service and minted in batches by
 * holders of {MINTER_ROLE}. Each id can be minted at most once, ever: minting an
 * existing id reverts, and so does re-minting an id that was burned.
 *
 * Features:
 * - ERC-721 with metadata; `tokenURI(id)` is `baseURI` followed by the decimal id.
 * - Optional soulbound mode (ERC-5192), fixed at deployment: tokens can be minted and
 *   burned but never transferred.
 * - ERC-4906 metadata-update events, ERC-7572 `contractURI`, EIP-2981 royalties.
 * - Pausable by the admin: a pause stops mints and transfers, but not admin burns.
 *
 * Roles:
 * - `DEFAULT_ADMIN_ROLE`: burns (refunds), pause/unpause, URI updates, role management.
 * - `MINTER_ROLE`: {mintBatch}.
 */
contract MetaPass is ERC721, ERC2981, AccessControl, Pausable, IERC4906, IERC5192, IERC7572 {
    using BitMaps for BitMaps.BitMap;

    /// @notice Role allowed to call {mintBatch}.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    /// @dev ERC-165 interface id of ERC-5192 (`locked(uint256)`).
    bytes4 private constant _INTERFACE_ID_ERC5192 = 0xb45a3c0e;

    /// @dev ERC-165 interface id of ERC-4906, fixed by the standard.
    bytes4 private constant _INTERFACE_ID_ERC4906 = 0x49064906;

    /// @notice Highest valid token id; ids range over `1..maxSupply`.
    uint256 public immutable maxSupply;

    /// @notice Whether tokens are soulbound (non-transferable, ERC-5192 locked).
    bool public immutable soulbound;

    /// @notice Number of tokens ever minted, burned ones included.
    uint256 public totalMinted;

    /// @dev Number of tokens burned.
    uint256 private _totalBurned;

    /// @dev Ids that were burned; they can never be minted again.
    BitMaps.BitMap private _burnedIds;

    string private _baseTokenURI;
    string private _contractURI;

    /// @notice `maxSupply_` was zero.
    error InvalidMaxSupply();

    /// @notice The admin address given to the constructor was zero.
    error InvalidAdmin();

    /// @notice The two arrays given to {mintBatch} were empty or of different lengths.
    error InvalidBatchLength(uint256 recipients, uint256 tokenIds);

    /// @notice `tokenId` is outside `1..maxSupply`.
    error InvalidTokenId(uint256 tokenId);

    /// @notice `tokenId` was minted and burned before; it cannot be minted again.
    error TokenIdBurned(uint256 tokenId);

    /// @notice Minting `requested` more tokens would exceed the supply cap; `remaining` are left.
    error SupplyCapExceeded(uint256 requested, uint256 remaining);

    /// @notice Tokens are soulbound and cannot be transferred.
    error Soulbound();

    /**
     * @param name_ ERC-721 collection name.
     * @param symbol_ ERC-721 collection symbol.
     * @param baseURI_ Prefix of every `tokenURI`; the decimal token id is appended.
     * @param contractURI_ ERC-7572 contract-level metadata URI.
     * @param maxSupply_ Supply cap and highest valid token id; must be non-zero.
     * @param soulbound_ Whether tokens are non-transferable (ERC-5192).
     * @param admin Receives `DEFAULT_ADMIN_ROLE` and `MINTER_ROLE`.
     * @param royaltyReceiver EIP-2981 default royalty receiver; zero for no royalty.
     * @param royaltyBps Default royalty in basis points (at most 10000); ignored if `royaltyReceiver` is zero.
     */
    constructor(
        string memory name_,
        string memory symbol_,
        string memory baseURI_,
        string memory contractURI_,
        uint256 maxSupply_,
        bool soulbound_,
        address admin,
        address royaltyReceiver,
        uint96 royaltyBps
    ) ERC721(name_, symbol_) {
        if (maxSupply_ == 0) revert InvalidMaxSupply();
        if (admin == address(0)) revert InvalidAdmin();
        maxSupply = maxSupply_;
        soulbound = soulbound_;
        _baseTokenURI = baseURI_;
        _contractURI = contractURI_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
        if (royaltyReceiver != address(0)) _setDefaultRoyalty(royaltyReceiver, royaltyBps);
    }

    // ------------------------------------------------------------------ minting

    /**
     * @notice Mints `tokenIds[i]` to `to[i]` for every `i`, in one transaction.
     * @dev Only `MINTER_ROLE`, only when not paused. Reverts with {InvalidBatchLength},
     * {InvalidTokenId}, {TokenIdBurned}, {SupplyCapExceeded}, or OpenZeppelin's
     * `ERC721InvalidSender(address(0))` when an id already exists, so a retried batch
     * can never mint an edition twice. Emits ERC-5192 {Locked} per token when soulbound.
     * Uses `_mint`, not `_safeMint`: recipients are not called back.
     */
    function mintBatch(address[] calldata to, uint256[] calldata tokenIds)
        external
        onlyRole(MINTER_ROLE)
        whenNotPaused
    {
        uint256 n = to.length;
        if (n == 0 || n != tokenIds.length) revert InvalidBatchLength(n, tokenIds.length);
        uint256 minted = totalMinted;
        if (n > maxSupply - minted) revert SupplyCapExceeded(n, maxSupply - minted);
        for (uint256 i = 0; i < n; ++i) {
            uint256 tokenId = tokenIds[i];
            if (tokenId == 0 || tokenId > maxSupply) revert InvalidTokenId(tokenId);
            if (_burnedIds.get(tokenId)) revert TokenIdBurned(tokenId);
            _mint(to[i], tokenId);
            if (soulbound) emit Locked(tokenId);
        }
        totalMinted = minted + n;
    }

    /**
     * @notice Burns `tokenId` (for refunds). Only `DEFAULT_ADMIN_ROLE`; works while paused
     * and in soulbound mode. The id can never be minted again.
     */
    function burn(uint256 tokenId) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _burn(tokenId);
        _burnedIds.set(tokenId);
        ++_totalBurned;
    }

    /// @notice Number of existing tokens: minted minus burned.
    function totalSupply() external view returns (uint256) {
            return totalMinted - _totalBurned;
    }

    // ------------------------------------------------------------------ pausing

    /// @notice Pauses mints and transfers. Only `DEFAULT_ADMIN_ROLE`.
    function pause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _pause();
    }

    /// @notice Lifts a pause. Only `DEFAULT_ADMIN_ROLE`.
    function unpause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _unpause();
    }

    // ------------------------------------------------------------------ metadata

    /// @notice Sets the `tokenURI` prefix and emits ERC-4906 `BatchMetadataUpdate(1, maxSupply)`.
    function setBaseURI(string calldata baseURI_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _baseTokenURI = baseURI_;
        emit BatchMetadataUpdate(1, maxSupply);
    }

    /// @notice Sets the ERC-7572 contract-level metadata URI and emits {ContractURIUpdated}.
    function setContractURI(string calldata contractURI_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _contractURI = contractURI_;
        emit ContractURIUpdated();
    }

    /// @inheritdoc IERC7572
    function contractURI() external view returns (string memory) {
        return _contractURI;
    }

    /// @inheritdoc IERC5192
    function locked(uint256 tokenId) external view returns (bool) {
        _requireOwned(tokenId);
        return soulbound;
    }

    /// @notice ERC-165: ERC-721, ERC-721 Metadata, AccessControl, EIP-2981, ERC-4906, ERC-5192.
    function supportsInterface(bytes4 interfaceId)
        public
        view
        override(ERC721, ERC2981, AccessControl, IERC165)
        returns (bool)
    {
        return interfaceId == _INTERFACE_ID_ERC5192 || interfaceId == _INTERFACE_ID_ERC4906
            || super.supportsInterface(interfaceId);
    }

    // ------------------------------------------------------------------ internals

    /// @dev Base of `tokenURI`.
    function _baseURI() internal view override returns (string memory) {
        return _baseTokenURI;
    }

    /**
     * @dev Hook for every mint, transfer and burn. Mints and transfers are blocked while
     * paused; burns are not. Transfers between two non-zero addresses revert with
     * {Soulbound} in soulbound mode.
     */
    function _update(address to, uint256 tokenId, address auth) internal override returns (address) {
        if (to != address(0)) {
            _requireNotPaused();
            if (soulbound && _ownerOf(tokenId) != address(0)) revert Soulbound();
        }
        return super._update(to, tokenId, auth);
    }
}
