// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

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
