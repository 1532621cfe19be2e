// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721Burnable} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721Burnable.sol";

/**
 * @title ReferenceERC721
 * @notice Test only: OpenZeppelin's ERC721 with ERC721Burnable and an unrestricted mint, the
 * reference the Go ERC-721 conformance suite is checked against.
 */
contract ReferenceERC721 is ERC721, ERC721Burnable {
    constructor() ERC721("Reference", "REF") {}

    /// @notice Mints `tokenId` to `to`; anyone may call it.
    function mint(address to, uint256 tokenId) external {
        _mint(to, tokenId);
    }

    function _baseURI() internal pure override returns (string memory) {
        return "https://reference.example/";
    }
}
