// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC2981} from "@openzeppelin/contracts/interfaces/IERC2981.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {ERC721Utils} from "@openzeppelin/contracts/token/ERC721/utils/ERC721Utils.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {IERC5192, IERC7572} from "./PassInterfaces.sol";

/**
 * @title PassCloneArgs
 * @notice The immutable arguments a {PassFactory} appends to each clone's code (after the 45
 * bytes of the EIP-1167 proxy), packed: royalty receiver (20 bytes), royalty in basis points
 * (2 bytes), name length (1 byte), name, symbol length (1 byte), symbol, then the URI prefix
 * up to the end. Code costs 200 gas a byte where storage costs about 690, and what is in code
 * cannot change: these are the collection's fixed settings.
 */
library PassCloneArgs {
    /// @notice A name or symbol longer than 255 bytes.
    error StringTooLong(string s);

    /// @notice Royalty above 10000 basis points.
    error InvalidRoyalty(uint256 royaltyBps);

    /// @notice Packs a clone's arguments. Without a receiver the royalty is zero.
    function encode(
        string memory name,
        string memory symbol,
        string memory uriPrefix,
        address royaltyReceiver,
        uint256 royaltyBps
    ) internal pure returns (bytes memory) {
        if (bytes(name).length > 255) revert StringTooLong(name);
        if (bytes(symbol).length > 255) revert StringTooLong(symbol);
        if (royaltyBps > 10000) revert InvalidRoyalty(royaltyBps);
        if (royaltyReceiver == address(0)) royaltyBps = 0;
        return abi.encodePacked(
            royaltyReceiver,
            uint16(royaltyBps),
            uint8(bytes(name).length),
            name,
            uint8(bytes(symbol).length),
            symbol,
            uriPrefix
        );
    }
}

/**
 * @title PassCollection
 * @notice One launch's collection of passes, an ERC-721 built for cheap batch mints and
 * deployed as EIP-1167 clones of one implementation per chain (see {PassFactory}).
 *
 * Token ids are derived from a pass's first owner: `id = uint256(uint160(owner)) << 96 | n`,
 * where `n` (1, 2, 3, ...) counts the passes ever minted to `owner` in this collection.
 * That counter lives in the owner's account slot next to its balance, so minting a pass to
 * a fresh address writes exactly one new storage slot. `ownerOf(id)` falls back to the owner
 * encoded in the id until the pass first moves, which writes an explicit owner.
 *
 * The minter names the ids it mints, and each must be its owner's next id (counter = passes
 * minted to that owner so far + 1): an id can be minted at most once, ever, so a batch that
 * is signed twice or lands twice reverts instead of minting passes again.
 *
 * Features: supply cap, optional soulbound mode (ERC-5192, fixed at initialization), EIP-2981
 * royalty, ERC-4906 metadata-update events, ERC-7572 `contractURI`, pause (mints and
 * transfers), admin burns (refunds). `tokenURI(id)` is the base URI followed by the decimal id.
 * Name, symbol, URI prefix and royalty are the clone's immutable arguments ({PassCloneArgs}).
 *
 * Roles: `DEFAULT_ADMIN_ROLE` (burn, pause, URIs, role management) and `MINTER_ROLE`
 * ({mintBatch}), with OpenZeppelin AccessControl's interface and events. One `MINTER_ROLE`
 * holder (the first granted while the field is empty) is kept in the collection's hot slot, so
 * its mints read no other shared slot; further minters are ordinary AccessControl members
 * and pay one more storage read per batch.
 */
contract PassCollection is AccessControl, IERC2981, IERC721Metadata, IERC4906, IERC5192, IERC7572, IERC721Errors {
    /// @notice Role allowed to call {mintBatch}.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    // ---------------------------------------------------------------- storage layout

    // `_config`, the hot slot every mint reads and writes once per batch:
    //   bits   0..159  primary minter (first MINTER_ROLE holder; zero for none)
    //   bits 160..199  passes minted so far (burned ones included)
    //   bits 200..239  supply cap
    //   bit  240       paused
    //   bit  241       soulbound
    //   bit  242       initialized
    //   bit  243       base URI set by setBaseURI
    //   bit  244       contract URI set by setContractURI
    uint256 private _config;

    uint256 private constant _MASK40 = (1 << 40) - 1;
    uint256 private constant _MASK64 = (1 << 64) - 1;
    uint256 private constant _MASK96 = (1 << 96) - 1;
    uint256 private constant _MASK160 = (1 << 160) - 1;
    uint256 private constant _MINTED_SHIFT = 160;
    uint256 private constant _CAP_SHIFT = 200;
    uint256 private constant _PAUSED = 1 << 240;
    uint256 private constant _SOULBOUND = 1 << 241;
    uint256 private constant _INITIALIZED = 1 << 242;
    uint256 private constant _BASE_URI_SET = 1 << 243;
    uint256 private constant _CONTRACT_URI_SET = 1 << 244;

    /// @dev The implementation's own address: clones see it too, and tell themselves apart by it.
    address private immutable _self = address(this);

    /// @dev Length of the EIP-1167 proxy code, after which a clone's immutable arguments start.
    uint256 private constant _PROXY_LENGTH = 45;

    /// @dev Account slot of every address: bits 0..63 its balance, bits 64..159 the number of
    /// passes ever minted to it here (the counter in the ids of its passes).
    mapping(address account => uint256) private _accounts;

    /// @dev Explicit owner of a pass that has moved since its mint: zero while its owner is
    /// the one encoded in its id, the owner's address otherwise, or {_BURNED}.
    mapping(uint256 tokenId => uint256) private _owners;

    /// @dev `_owners` value of a burned pass: no address, and non-zero.
    uint256 private constant _BURNED = 1 << 160;

    mapping(uint256 tokenId => address) private _tokenApprovals;
    mapping(address owner => mapping(address operator => bool)) private _operatorApprovals;

    /// @dev Number of passes burned.
    uint256 private _burned;

    /// @dev Overrides of the URIs derived from the clone's URI prefix, set by the admin.
    string private _baseTokenURI;
    string private _contractURI;

    // ---------------------------------------------------------------- events and errors

    /// @notice The collection was initialized (`version` 1), or the implementation locked (max uint64).
    event Initialized(uint64 version);

    /// @notice The admin `account` paused mints and transfers.
    event Paused(address account);

    /// @notice The admin `account` lifted a pause.
    event Unpaused(address account);

    /// @notice The collection is already initialized, or is the locked implementation.
    error InvalidInitialization();

    /// @notice `maxSupply` was zero or above 2^40-1.
    error InvalidMaxSupply();

    /// @notice The admin given to {initialize} was zero.
    error InvalidAdmin();

    /// @notice {mintBatch} got no token ids.
    error EmptyBatch();

    /// @notice `tokenId` is not its owner's next id: `expected` is. A smaller counter than
    /// `expected`'s was minted already; a larger one would leave a gap.
    error TokenIdNotNext(uint256 tokenId, uint256 expected);

    /// @notice Minting `requested` more passes would exceed the supply cap; `remaining` are left.
    error SupplyCapExceeded(uint256 requested, uint256 remaining);

    /// @notice Passes are soulbound and cannot be transferred.
    error Soulbound();

    /// @notice The clone's immutable arguments are not what {PassCloneArgs} packs.
    error MalformedCloneArgs();

    /// @notice The operation is not allowed while paused.
    error EnforcedPause();

    /// @notice The operation needs the collection to be paused.
    error ExpectedPause();

    /// @notice The implementation is never initialized: clones are.
    constructor() {
        _config = _INITIALIZED;
        emit Initialized(type(uint64).max);
    }

    /**
     * @notice Initializes a fresh clone; reverts with {InvalidInitialization} on a collection
     * that is already initialized and on the implementation itself. {PassFactory} calls it in
     * the transaction that creates the clone; name, symbol, URI prefix and royalty are the
     * clone's immutable arguments ({PassCloneArgs}).
     * @param admin Receives `DEFAULT_ADMIN_ROLE`; must be non-zero.
     * @param minter Receives `MINTER_ROLE`; zero for none yet.
     * @param maxSupply_ Supply cap: passes that can ever be minted, burned ones included; 1..2^40-1.
     * @param soulbound_ Whether passes are non-transferable (ERC-5192 locked).
     */
    function initialize(address admin, address minter, uint256 maxSupply_, bool soulbound_) external {
        if (_config != 0) revert InvalidInitialization();
        if (maxSupply_ == 0 || maxSupply_ > _MASK40) revert InvalidMaxSupply();
        if (admin == address(0)) revert InvalidAdmin();
        _config = _INITIALIZED | (maxSupply_ << _CAP_SHIFT) | (soulbound_ ? _SOULBOUND : 0);
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        if (minter != address(0)) _grantRole(MINTER_ROLE, minter);
        emit Initialized(1);
    }

    // ---------------------------------------------------------------- minting

    /**
     * @notice Mints each of `tokenIds` to the owner encoded in it: `tokenIds[i] >> 96`.
     * @dev Only `MINTER_ROLE`, only when not paused. Every id must be its owner's next id
     * ({nextTokenId}; an owner may appear several times with consecutive counters), else the
     * whole batch reverts with {TokenIdNotNext} (or `ERC721InvalidReceiver(0)` for owner zero).
     * So a pass is minted at most once even if its batch is signed or broadcast again.
     * Reverts with {EmptyBatch} and {SupplyCapExceeded}. Emits `Transfer(0, owner, id)` per
     * pass, in order, and ERC-5192 `Locked(id)` after each when soulbound. Recipients'
     * code is not called (no `onERC721Received`), as with OpenZeppelin's `_mint`.
     */
    function mintBatch(uint256[] calldata tokenIds) external {
        uint256 offset;
        assembly ("memory-safe") {
            offset := tokenIds.offset
        }
        _mintIds(offset, tokenIds.length);
    }

    /**
     * @notice Mints one pass: exactly {mintBatch} of `[tokenId]` (same checks, errors and
     * events) for ~555 gas less: the calldata and decoding of an array of one.
     */
    function mint(uint256 tokenId) external {
        tokenId; // read from calldata by _mintIds
        _mintIds(4, 1);
    }

    /// @dev Mints the `n` ids in calldata at `offset`, for {mintBatch} and {mint}.
    function _mintIds(uint256 offset, uint256 n) private {
        uint256 config = _config;
        if (msg.sender != address(uint160(config))) _checkRole(MINTER_ROLE);
        if (config & _PAUSED != 0) revert EnforcedPause();
        if (n == 0) revert EmptyBatch();
        unchecked {
            // minted <= cap always, and minted + n <= cap stays within its 40 bits.
            uint256 remaining = ((config >> _CAP_SHIFT) & _MASK40) - ((config >> _MINTED_SHIFT) & _MASK40);
            if (n > remaining) revert SupplyCapExceeded(n, remaining);
            _config = config + (n << _MINTED_SHIFT);
        }
        bool soulbound_ = config & _SOULBOUND != 0;
        uint256 failed; // 1 + index of the first id that is not its owner's next
        assembly ("memory-safe") {
            mstore(0x20, _accounts.slot)
            let end := add(offset, shl(5, n))
            for { let p := offset } lt(p, end) { p := add(p, 0x20) } {
                let id := calldataload(p)
                let owner := shr(96, id)
                mstore(0x00, owner)
                let slot := keccak256(0x00, 0x40)
                let account := sload(slot)
                // The id's counter must be the owner's minted count plus one, the owner non-zero.
                if or(iszero(owner), iszero(eq(and(id, _MASK96), add(and(shr(64, account), _MASK96), 1)))) {
                    failed := add(shr(5, sub(p, offset)), 1)
                    break
                }
                // One more pass minted to owner, one more held: (1 << 64) | 1.
                sstore(slot, add(account, 0x10000000000000001))
                // Transfer(address(0), owner, id)
                log4(0, 0, 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef, 0, owner, id)
                if soulbound_ {
                    // Locked(id)
                    mstore(0x00, id)
                    log1(0x00, 0x20, 0x032bc66be43dbccb7487781d168eb7bda224628a3b2c3388bdf69b532a3a1611)
                }
            }
        }
        if (failed != 0) {
            uint256 id;
            assembly ("memory-safe") {
                id := calldataload(add(offset, shl(5, sub(failed, 1))))
            }
            address owner = address(uint160(id >> 96));
            if (owner == address(0)) revert ERC721InvalidReceiver(address(0));
            revert TokenIdNotNext(id, nextTokenId(owner));
        }
    }

    /**
     * @notice The id the next pass minted to `owner` gets: `owner << 96 | (passes minted to owner + 1)`.
     * Reverts with `ERC721InvalidReceiver(0)` for the zero address.
     */
    function nextTokenId(address owner) public view returns (uint256) {
        if (owner == address(0)) revert ERC721InvalidReceiver(address(0));
        return (uint256(uint160(owner)) << 96) | (((_accounts[owner] >> 64) & _MASK96) + 1);
    }

    /**
     * @notice Burns `tokenId` (for refunds). Only `DEFAULT_ADMIN_ROLE`; works while paused and
     * in soulbound mode. A burned id is never minted again.
     */
    function burn(uint256 tokenId) external onlyRole(DEFAULT_ADMIN_ROLE) {
        address owner = _requireOwned(tokenId);
        _clearApproval(tokenId);
        unchecked {
            _accounts[owner] -= 1;
            ++_burned;
        }
        _owners[tokenId] = _BURNED;
        emit Transfer(owner, address(0), tokenId);
    }

    /// @notice Supply cap: passes that can ever be minted, burned ones included.
    function maxSupply() external view returns (uint256) {
        return (_config >> _CAP_SHIFT) & _MASK40;
    }

    /// @notice Number of passes ever minted, burned ones included.
    function totalMinted() public view returns (uint256) {
        return (_config >> _MINTED_SHIFT) & _MASK40;
    }

    /// @notice Number of existing passes: minted minus burned.
    function totalSupply() external view returns (uint256) {
        return totalMinted() - _burned;
    }

    /// @notice Whether passes are soulbound (non-transferable, ERC-5192 locked).
    function soulbound() external view returns (bool) {
        return _config & _SOULBOUND != 0;
    }

    // ---------------------------------------------------------------- ERC-721

    /// @inheritdoc IERC721
    function balanceOf(address owner) external view returns (uint256) {
        if (owner == address(0)) revert ERC721InvalidOwner(address(0));
        return _accounts[owner] & _MASK64;
    }

    /// @inheritdoc IERC721
    function ownerOf(uint256 tokenId) external view returns (address) {
        return _requireOwned(tokenId);
    }

    /// @inheritdoc IERC721
    function approve(address to, uint256 tokenId) external {
        address owner = _requireOwned(tokenId);
        if (owner != msg.sender && !_operatorApprovals[owner][msg.sender]) revert ERC721InvalidApprover(msg.sender);
        _tokenApprovals[tokenId] = to;
        emit Approval(owner, to, tokenId);
    }

    /// @inheritdoc IERC721
    function getApproved(uint256 tokenId) external view returns (address) {
        _requireOwned(tokenId);
        return _tokenApprovals[tokenId];
    }

    /// @inheritdoc IERC721
    function setApprovalForAll(address operator, bool approved) external {
        if (operator == address(0)) revert ERC721InvalidOperator(address(0));
        _operatorApprovals[msg.sender][operator] = approved;
        emit ApprovalForAll(msg.sender, operator, approved);
    }

    /// @inheritdoc IERC721
    function isApprovedForAll(address owner, address operator) external view returns (bool) {
        return _operatorApprovals[owner][operator];
    }

    /// @inheritdoc IERC721
    function transferFrom(address from, address to, uint256 tokenId) public {
        if (to == address(0)) revert ERC721InvalidReceiver(address(0));
        _transfer(from, to, tokenId);
    }

    /// @inheritdoc IERC721
    function safeTransferFrom(address from, address to, uint256 tokenId) external {
        safeTransferFrom(from, to, tokenId, "");
    }

    /// @inheritdoc IERC721
    function safeTransferFrom(address from, address to, uint256 tokenId, bytes memory data) public {
        transferFrom(from, to, tokenId);
        ERC721Utils.checkOnERC721Received(msg.sender, from, to, tokenId, data);
    }

    // ---------------------------------------------------------------- metadata

    /// @inheritdoc IERC721Metadata
    function name() external view returns (string memory) {
        (bytes memory args, uint256 nameAt) = _args();
        return _slice(args, nameAt + 1, uint8(args[nameAt]));
    }

    /// @inheritdoc IERC721Metadata
    function symbol() external view returns (string memory) {
        (bytes memory args, uint256 nameAt) = _args();
        uint256 symbolAt = nameAt + 1 + uint8(args[nameAt]);
        return _slice(args, symbolAt + 1, uint8(args[symbolAt]));
    }

    /**
     * @notice The clone's URI prefix: `tokenURI(id)` is `uriPrefix() + <this address, EIP-55> + "/" + id`
     * and `contractURI()` is `uriPrefix() + <this address>`, unless the admin set others.
     */
    function uriPrefix() public view returns (string memory) {
        (bytes memory args, uint256 nameAt) = _args();
        uint256 symbolAt = nameAt + 1 + uint8(args[nameAt]);
        uint256 prefixAt = symbolAt + 1 + uint8(args[symbolAt]);
        return _slice(args, prefixAt, args.length - prefixAt);
    }

    /**
     * @inheritdoc IERC721Metadata
     * @dev The base URI (set by {setBaseURI}, else `uriPrefix() + <address> + "/"`) followed by
     * the decimal id; empty when the base is.
     */
    function tokenURI(uint256 tokenId) external view returns (string memory) {
        _requireOwned(tokenId);
        string memory base = baseURI();
        return bytes(base).length > 0 ? string.concat(base, Strings.toString(tokenId)) : "";
    }

    /// @notice Prefix of every `tokenURI`: the one set by {setBaseURI}, else `uriPrefix() + <address> + "/"` (empty without a prefix).
    function baseURI() public view returns (string memory) {
        if (_config & _BASE_URI_SET != 0) return _baseTokenURI;
        string memory prefix = uriPrefix();
        if (bytes(prefix).length == 0) return "";
        return string.concat(prefix, Strings.toChecksumHexString(address(this)), "/");
    }

    /// @notice Sets the `tokenURI` prefix; emits ERC-4906 `BatchMetadataUpdate(0, type(uint256).max)`.
    function setBaseURI(string calldata baseURI_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _baseTokenURI = baseURI_;
        _config |= _BASE_URI_SET;
        emit BatchMetadataUpdate(0, type(uint256).max);
    }

    /// @notice Sets the ERC-7572 contract-level metadata URI and emits {ContractURIUpdated}.
    function setContractURI(string calldata contractURI_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _contractURI = contractURI_;
        _config |= _CONTRACT_URI_SET;
        emit ContractURIUpdated();
    }

    /// @inheritdoc IERC7572
    /// @dev The URI set by {setContractURI}, else `uriPrefix() + <address>` (empty without a prefix).
    function contractURI() external view returns (string memory) {
        if (_config & _CONTRACT_URI_SET != 0) return _contractURI;
        string memory prefix = uriPrefix();
        if (bytes(prefix).length == 0) return "";
        return string.concat(prefix, Strings.toChecksumHexString(address(this)));
    }

    /// @inheritdoc IERC2981
    /// @dev One default royalty for every pass, fixed when the clone is created.
    function royaltyInfo(uint256, uint256 salePrice) external view returns (address receiver, uint256 amount) {
        if (address(this) == _self) return (address(0), 0);
        bytes32 head;
        assembly ("memory-safe") {
            extcodecopy(address(), 0x00, _PROXY_LENGTH, 0x20)
            head := mload(0x00)
        }
        receiver = address(bytes20(head));
        amount = salePrice * uint16(bytes2(head << 160)) / 10000;
    }

    /// @inheritdoc IERC5192
    function locked(uint256 tokenId) external view returns (bool) {
        _requireOwned(tokenId);
        return _config & _SOULBOUND != 0;
    }

    /// @notice ERC-165: ERC-165, ERC-721, ERC-721 Metadata, AccessControl, EIP-2981, ERC-4906, ERC-5192.
    function supportsInterface(bytes4 interfaceId) public view override(AccessControl, IERC165) returns (bool) {
        return interfaceId == type(IERC721).interfaceId || interfaceId == type(IERC721Metadata).interfaceId
            || interfaceId == type(IERC2981).interfaceId || interfaceId == bytes4(0x49064906)
            || interfaceId == type(IERC5192).interfaceId || super.supportsInterface(interfaceId);
    }

    // ---------------------------------------------------------------- pausing

    /// @notice Whether mints and transfers are paused.
    function paused() external view returns (bool) {
        return _config & _PAUSED != 0;
    }

    /// @notice Pauses mints and transfers (not burns). Only `DEFAULT_ADMIN_ROLE`.
    function pause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        uint256 config = _config;
        if (config & _PAUSED != 0) revert EnforcedPause();
        _config = config | _PAUSED;
        emit Paused(msg.sender);
    }

    /// @notice Lifts a pause. Only `DEFAULT_ADMIN_ROLE`.
    function unpause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        uint256 config = _config;
        if (config & _PAUSED == 0) revert ExpectedPause();
        _config = config & ~_PAUSED;
        emit Unpaused(msg.sender);
    }

    // ---------------------------------------------------------------- roles

    /// @notice AccessControl's `hasRole`; the primary minter is kept in the hot slot.
    function hasRole(bytes32 role, address account) public view override returns (bool) {
        if (role == MINTER_ROLE && account != address(0) && account == address(uint160(_config))) return true;
        return super.hasRole(role, account);
    }

    /// @dev A `MINTER_ROLE` grant fills the primary-minter field of the hot slot when it is
    /// empty, and AccessControl's own storage otherwise.
    function _grantRole(bytes32 role, address account) internal override returns (bool) {
        if (role == MINTER_ROLE && account != address(0)) {
            uint256 config = _config;
            if (address(uint160(config)) == address(0) && !super.hasRole(role, account)) {
                _config = config | uint160(account);
                emit RoleGranted(role, account, _msgSender());
                return true;
            }
            if (address(uint160(config)) == account) return false;
        }
        return super._grantRole(role, account);
    }

    /// @dev Revoking the primary minter empties the hot slot's field.
    function _revokeRole(bytes32 role, address account) internal override returns (bool) {
        if (role == MINTER_ROLE && account != address(0)) {
            uint256 config = _config;
            if (address(uint160(config)) == account) {
                _config = config & ~_MASK160;
                emit RoleRevoked(role, account, _msgSender());
                return true;
            }
        }
        return super._revokeRole(role, account);
    }

    // ---------------------------------------------------------------- internals

    /// @dev Current owner of `tokenId`, or zero if it does not exist (never minted, or burned).
    function _ownerOf(uint256 tokenId) internal view returns (address) {
        uint256 explicit = _owners[tokenId];
        if (explicit != 0) return address(uint160(explicit)); // zero when burned
        address first = address(uint160(tokenId >> 96));
        uint256 counter = tokenId & _MASK96;
        if (counter == 0 || counter > ((_accounts[first] >> 64) & _MASK96)) return address(0);
        return first;
    }

    /// @dev Owner of `tokenId`; reverts with `ERC721NonexistentToken` if there is none.
    function _requireOwned(uint256 tokenId) internal view returns (address owner) {
        owner = _ownerOf(tokenId);
        if (owner == address(0)) revert ERC721NonexistentToken(tokenId);
    }

    /// @dev The clone's immutable arguments and the offset of the name's length byte in them
    /// (the implementation itself has none: it answers as if name, symbol and prefix were empty).
    function _args() private view returns (bytes memory args, uint256 nameAt) {
        if (address(this) == _self) return (new bytes(24), 22);
        uint256 size;
        assembly ("memory-safe") {
            size := extcodesize(address())
        }
        args = new bytes(size - _PROXY_LENGTH);
        assembly ("memory-safe") {
            extcodecopy(address(), add(args, 0x20), _PROXY_LENGTH, mload(args))
        }
        return (args, 22);
    }

    /// @dev `args[start:start+length]` as a string.
    function _slice(bytes memory args, uint256 start, uint256 length) private pure returns (string memory out) {
        if (start + length > args.length) revert MalformedCloneArgs();
        bytes memory b = new bytes(length);
        assembly ("memory-safe") {
            mcopy(add(b, 0x20), add(add(args, 0x20), start), length)
        }
        return string(b);
    }

    function _clearApproval(uint256 tokenId) private {
        if (_tokenApprovals[tokenId] != address(0)) delete _tokenApprovals[tokenId];
    }

    /**
     * @dev Moves `tokenId` from `from` to `to` (non-zero) for `msg.sender`, with the checks,
     * errors and order of OpenZeppelin's ERC721 (preceded by the pause and soulbound checks).
     * Writes the explicit owner, or clears it when the pass returns to the owner in its id.
     */
    function _transfer(address from, address to, uint256 tokenId) private {
        uint256 config = _config;
        if (config & _PAUSED != 0) revert EnforcedPause();
        address owner = _ownerOf(tokenId);
        if (config & _SOULBOUND != 0 && owner != address(0)) revert Soulbound();
        if (
            owner != msg.sender && !_operatorApprovals[owner][msg.sender] && _tokenApprovals[tokenId] != msg.sender
        ) {
            if (owner == address(0)) revert ERC721NonexistentToken(tokenId);
            revert ERC721InsufficientApproval(msg.sender, tokenId);
        }
        if (owner != from) revert ERC721IncorrectOwner(from, tokenId, owner);
        _clearApproval(tokenId);
        unchecked {
            _accounts[from] -= 1;
            _accounts[to] += 1;
        }
        _owners[tokenId] = to == address(uint160(tokenId >> 96)) ? 0 : uint256(uint160(to));
        emit Transfer(from, to, tokenId);
    }
}
