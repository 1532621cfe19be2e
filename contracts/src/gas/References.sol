// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// The reference ERC-721s `make gas` measures PassCollection against: each a thin wrapper
// around a library's mint, with token ids 1, 2, 3, ... from an on-chain counter (non-zero
// from deployment, as PassCollection's hot slot is), no access control and no cap.
// `mint(to)` mints one pass; `mintBatch(to)` one pass to each of `to`. Compiled by
// `make gas` only (not in artifacts.json).

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721A} from "erc721a/contracts/ERC721A.sol";
import {ERC721 as SoladyERC721} from "solady/src/tokens/ERC721.sol";

/// @notice OpenZeppelin ERC721 `_mint`.
contract GasOZMint is ERC721 {
    uint256 private _next = 1;

    constructor() ERC721("OZ", "OZ") {}

    function mint(address to) external {
        _mint(to, _next++);
    }

    function mintBatch(address[] calldata to) external {
        uint256 id = _next;
        for (uint256 i; i < to.length; ++i) {
            _mint(to[i], id++);
        }
        _next = id;
    }
}

/// @notice OpenZeppelin ERC721 `_safeMint` (checks whether the recipient has code).
contract GasOZSafeMint is ERC721 {
    uint256 private _next = 1;

    constructor() ERC721("OZ", "OZ") {}

    function mint(address to) external {
        _safeMint(to, _next++);
    }

    function mintBatch(address[] calldata to) external {
        uint256 id = _next;
        for (uint256 i; i < to.length; ++i) {
            _safeMint(to[i], id++);
        }
        _next = id;
    }
}

/// @notice ERC721A `_mint(to, 1)`, once per recipient; ids start at 1.
contract GasERC721AMint is ERC721A {
    constructor() ERC721A("A", "A") {}

    function mint(address to) external {
        _mint(to, 1);
    }

    function mintBatch(address[] calldata to) external {
        for (uint256 i; i < to.length; ++i) {
            _mint(to[i], 1);
        }
    }

    function _startTokenId() internal pure override returns (uint256) {
        return 1;
    }
}

/// @notice Solady ERC721 `_mint`.
contract GasSoladyMint is SoladyERC721 {
    uint256 private _next = 1;

    function name() public pure override returns (string memory) {
        return "Solady";
    }

    function symbol() public pure override returns (string memory) {
        return "S";
    }

    function tokenURI(uint256) public pure override returns (string memory) {
        return "";
    }

    function mint(address to) external {
        _mint(to, _next++);
    }

    function mintBatch(address[] calldata to) external {
        uint256 id = _next;
        for (uint256 i; i < to.length; ++i) {
            _mint(to[i], id++);
        }
        _next = id;
    }
}
