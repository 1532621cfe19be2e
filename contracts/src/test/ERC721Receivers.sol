// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";

/// @notice Test only: accepts every ERC-721 and logs what it was told.
contract AcceptingReceiver is IERC721Receiver {
    /// @notice Emitted by every {onERC721Received} call.
    event Received(address operator, address from, uint256 tokenId, bytes data);

    function onERC721Received(address operator, address from, uint256 tokenId, bytes calldata data)
        external
        returns (bytes4)
    {
        emit Received(operator, from, tokenId, data);
        return IERC721Receiver.onERC721Received.selector;
    }
}

/// @notice Test only: answers {onERC721Received} with the wrong value.
contract RejectingReceiver is IERC721Receiver {
    function onERC721Received(address, address, uint256, bytes calldata) external pure returns (bytes4) {
        return 0xdeadbeef;
    }
}

/// @notice Test only: reverts in {onERC721Received} with {Refused}.
contract RevertingReceiver is IERC721Receiver {
    /// @notice The receiver refuses tokens.
    error Refused(uint256 tokenId);

    function onERC721Received(address, address, uint256 tokenId, bytes calldata) external pure returns (bytes4) {
        revert Refused(tokenId);
    }
}

/// @notice Test only: a contract that does not implement IERC721Receiver.
contract NonReceiver {
    /// @notice Something callable, so the contract has code and a dispatcher.
    function ping() external pure returns (bool) {
        return true;
    }
}
