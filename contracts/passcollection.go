// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package contracts

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// PassCollectionMetaData contains all meta data concerning the PassCollection contract.
var PassCollectionMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"AccessControlBadConfirmation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"neededRole\",\"type\":\"bytes32\"}],\"name\":\"AccessControlUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC721IncorrectOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ERC721InsufficientApproval\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC721InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"ERC721InvalidOperator\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC721InvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC721InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC721InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ERC721NonexistentToken\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyBatch\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EnforcedPause\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ExpectedPause\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidAdmin\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidInitialization\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidMaxSupply\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"MalformedCloneArgs\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Soulbound\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"StringsInsufficientHexLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requested\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"remaining\",\"type\":\"uint256\"}],\"name\":\"SupplyCapExceeded\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"}],\"name\":\"TokenIdNotNext\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"approved\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"approved\",\"type\":\"bool\"}],\"name\":\"ApprovalForAll\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"_fromTokenId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"_toTokenId\",\"type\":\"uint256\"}],\"name\":\"BatchMetadataUpdate\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"ContractURIUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"version\",\"type\":\"uint64\"}],\"name\":\"Initialized\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Locked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"_tokenId\",\"type\":\"uint256\"}],\"name\":\"MetadataUpdate\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"Paused\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"previousAdminRole\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"newAdminRole\",\"type\":\"bytes32\"}],\"name\":\"RoleAdminChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"RoleGranted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"RoleRevoked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Unlocked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"Unpaused\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"DEFAULT_ADMIN_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MINTER_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"baseURI\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"burn\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"contractURI\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"getApproved\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"}],\"name\":\"getRoleAdmin\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"grantRole\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"hasRole\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"admin\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"minter\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"maxSupply_\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"soulbound_\",\"type\":\"bool\"}],\"name\":\"initialize\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"isApprovedForAll\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"locked\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"maxSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"mint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256[]\",\"name\":\"tokenIds\",\"type\":\"uint256[]\"}],\"name\":\"mintBatch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"nextTokenId\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ownerOf\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pause\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"paused\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"callerConfirmation\",\"type\":\"address\"}],\"name\":\"renounceRole\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"revokeRole\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"salePrice\",\"type\":\"uint256\"}],\"name\":\"royaltyInfo\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"safeTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"safeTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"approved\",\"type\":\"bool\"}],\"name\":\"setApprovalForAll\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"baseURI_\",\"type\":\"string\"}],\"name\":\"setBaseURI\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"contractURI_\",\"type\":\"string\"}],\"name\":\"setContractURI\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"soulbound\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes4\",\"name\":\"interfaceId\",\"type\":\"bytes4\"}],\"name\":\"supportsInterface\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"tokenURI\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalMinted\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"unpause\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"uriPrefix\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "de774044110152cc27fd6b30e01c1721bd",
	Bin: "0x60a0604052306080523480156012575f5ffd5b50600160f21b6001556040516001600160401b0381527fc7f505b2f371ae2175ee4913f4499e1f2633a7b5936321eed1cdaeb6115181d29060200160405180910390a16080516124d36100745f395f818161078901526110cf01526124d35ff3fe608060405234801561000f575f5ffd5b5060043610610234575f3560e01c806370a0823111610135578063b45a3c0e116100b4578063d547741f11610079578063d547741f146104d8578063d5abeb01146104eb578063e8a3d485146104fe578063e985e9c514610506578063ffb2b55a14610541575f5ffd5b8063b45a3c0e14610478578063b88d4fde1461048b578063c852b1bf1461049e578063c87b56dd146104b1578063d5391393146104c4575f5ffd5b806395d89b41116100fa57806395d89b4114610430578063a0712d6814610438578063a217fddf1461044b578063a22cb46514610452578063a2309ff814610465575f5ffd5b806370a08231146103dc5780638456cb59146103ef57806384863aab146103f757806391d148541461040a578063938e3d7b1461041d575f5ffd5b80632f2ff15d116101c157806355f804b31161018657806355f804b3146103965780635c975abb146103a957806362b99ad4146103b95780636352211e146103c15780636c0360eb146103d4575f5ffd5b80632f2ff15d1461034257806336568abe146103555780633f4ba83a1461036857806342842e0e1461037057806342966c6814610383575f5ffd5b80630fad0f51116102075780630fad0f51146102b557806318160ddd146102c557806323b872dd146102db578063248a9ca3146102ee5780632a55205a14610310575f5ffd5b806301ffc9a71461023857806306fdde0314610260578063081812fc14610275578063095ea7b3146102a0575b5f5ffd5b61024b610246366004611e87565b610554565b60405190151581526020015b60405180910390f35b6102686105ea565b6040516102579190611ed0565b610288610283366004611ee2565b610630565b6040516001600160a01b039091168152602001610257565b6102b36102ae366004611f0f565b610656565b005b600154600160f11b16151561024b565b6102cd61071e565b604051908152602001610257565b6102b36102e9366004611f37565b610744565b6102cd6102fc366004611ee2565b5f9081526020819052604090206001015490565b61032361031e366004611f71565b61077d565b604080516001600160a01b039093168352602083019190915201610257565b6102b3610350366004611f91565b6107f5565b6102b3610363366004611f91565b61081f565b6102b3610852565b6102b361037e366004611f37565b6108c8565b6102b3610391366004611ee2565b6108e2565b6102b36103a4366004611fbb565b61096b565b600154600160f01b16151561024b565b6102686109cd565b6102886103cf366004611ee2565b610a61565b610268610a6b565b6102cd6103ea366004612027565b610b60565b6102b3610bae565b6102b361040536600461204f565b610c1a565b61024b610418366004611f91565b610d1e565b6102b361042b366004611fbb565b610d9a565b610268610deb565b6102b3610446366004611ee2565b610e56565b6102cd5f81565b6102b3610460366004612099565b610e65565b6102cd60015460a01c64ffffffffff1690565b61024b610486366004611ee2565b610ef9565b6102b36104993660046120d5565b610f15565b6102cd6104ac366004612027565b610f2d565b6102686104bf366004611ee2565b610f9c565b6102cd5f5160206124a75f395f51905f5281565b6102b36104e6366004611f91565b611000565b6102cd60015460c81c64ffffffffff1690565b610268611024565b61024b6105143660046121af565b6001600160a01b039182165f90815260056020908152604080832093909416825291909152205460ff1690565b6102b361054f3660046121d7565b611083565b5f6001600160e01b031982166380ac58cd60e01b148061058457506001600160e01b03198216635b5e139f60e01b145b8061059f57506001600160e01b0319821663152a902d60e11b145b806105ba57506001600160e01b03198216632483248360e11b145b806105d557506001600160e01b03198216635a2d1e0760e11b145b806105e457506105e48261108e565b92915050565b60605f5f6105f66110c2565b90925090506106298261060a83600161224a565b84848151811061061c5761061c61225d565b016020015160f81c61117f565b9250505090565b5f61063a82611207565b50505f908152600460205260409020546001600160a01b031690565b5f61066082611207565b90506001600160a01b038116331480159061069e57506001600160a01b0381165f90815260056020908152604080832033845290915290205460ff16155b156106c35760405163a9fbf51f60e01b81523360048201526024015b60405180910390fd5b5f8281526004602052604080822080546001600160a01b0319166001600160a01b0387811691821790925591518593918516917f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b92591a4505050565b5f60065461073560015460a01c64ffffffffff1690565b61073f9190612271565b905090565b6001600160a01b03821661076d57604051633250574960e11b81525f60048201526024016106ba565b610778838383611242565b505050565b5f806001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001630036107b957505f9050806107ee565b5f6020602d5f303c505f51606081901c92506127106107e061ffff605084901c1686612284565b6107ea919061229b565b9150505b9250929050565b5f8281526020819052604090206001015461080f81611450565b610819838361145a565b50505050565b6001600160a01b03811633146108485760405163334bd91960e11b815260040160405180910390fd5b6107788282611538565b5f61085c81611450565b600154600160f01b81165f0361088557604051638dfc202b60e01b815260040160405180910390fd5b600160f01b1981166001556040513381527f5db9ee0a495bf2e6ff9c91a7834c1ba4fdd244a5e8aa4e537bd38aeae4b073aa906020015b60405180910390a15050565b61077883838360405180602001604052805f815250610f15565b5f6108ec81611450565b5f6108f683611207565b9050610901836115d3565b6001600160a01b0381165f81815260026020908152604080832080545f190190556006805460010190558683526003909152808220600160a01b9055518592907fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef908390a4505050565b5f61097581611450565b6007610982838583612336565b5060018054600160f31b179055604080515f81525f1960208201527f6bd5c950a8d8df17f772f5af37cb3655737899cbf903264b9795592da439661c910160405180910390a1505050565b60605f5f6109d96110c2565b915091505f8282815181106109f0576109f061225d565b016020015160f81c610a0383600161224a565b610a0d919061224a565b90505f838281518110610a2257610a2261225d565b016020015160f81c610a3583600161224a565b610a3f919061224a565b9050610a588482838751610a539190612271565b61117f565b94505050505090565b5f6105e482611207565b6060600160f31b600154165f14610b0a5760078054610a89906122ba565b80601f0160208091040260200160405190810160405280929190818152602001828054610ab5906122ba565b8015610b005780601f10610ad757610100808354040283529160200191610b00565b820191905f5260205f20905b815481529060010190602001808311610ae357829003601f168201915b5050505050905090565b5f610b136109cd565b905080515f03610b3057505060408051602081019091525f815290565b80610b3a3061160c565b604051602001610b4b929190612406565b60405160208183030381529060405291505090565b5f6001600160a01b038216610b8a576040516322718ad960e21b81525f60048201526024016106ba565b506001600160a01b03165f908152600260205260409020546001600160401b031690565b5f610bb881611450565b600154600160f01b811615610be05760405163d93c066560e01b815260040160405180910390fd5b600160f01b81176001556040513381527f62e78cea01bee320cd4e420270b5ea74000d11b0c9f74754ebdbfc544b05a258906020016108bc565b60015415610c3b5760405163f92ee8a960e01b815260040160405180910390fd5b811580610c4c575064ffffffffff82115b15610c6a5760405163066f305360e21b815260040160405180910390fd5b6001600160a01b038416610c9157604051630b5eba9f60e41b815260040160405180910390fd5b80610c9c575f610ca2565b600160f11b5b60c883901b17600160f21b17600155610cbb5f8561145a565b506001600160a01b03831615610ce457610ce25f5160206124a75f395f51905f528461145a565b505b604051600181527fc7f505b2f371ae2175ee4913f4499e1f2633a7b5936321eed1cdaeb6115181d29060200160405180910390a150505050565b5f5f5160206124a75f395f51905f5283148015610d4357506001600160a01b03821615155b8015610d6257506001546001600160a01b0316826001600160a01b0316145b15610d6f575060016105e4565b5f838152602081815260408083206001600160a01b038616845290915290205460ff165b9392505050565b5f610da481611450565b6008610db1838583612336565b5060018054600160f41b1790556040517fa5d4097edda6d87cb9329af83fb3712ef77eeb13738ffe43cc35a4ce305ad962905f90a1505050565b60605f5f610df76110c2565b915091505f828281518110610e0e57610e0e61225d565b016020015160f81c610e2183600161224a565b610e2b919061224a565b9050610e4e83610e3c83600161224a565b85848151811061061c5761061c61225d565b935050505090565b610e62600460016116ba565b50565b6001600160a01b038216610e8e57604051630b61174360e31b81525f60048201526024016106ba565b335f8181526005602090815260408083206001600160a01b03871680855290835292819020805460ff191686151590811790915590519081529192917f17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31910160405180910390a35050565b5f610f0382611207565b5050600154600160f11b161515919050565b610f20848484610744565b61081933858585856118b8565b5f6001600160a01b038216610f5757604051633250574960e11b81525f60048201526024016106ba565b6001600160a01b0382165f908152600260205260409081902054610f86911c6001600160601b0316600161224a565b6060836001600160a01b0316901b179050919050565b6060610fa782611207565b505f610fb1610a6b565b90505f815111610fcf5760405180602001604052805f815250610d93565b80610fd9846119df565b604051602001610fea92919061242c565b6040516020818303038152906040529392505050565b5f8281526020819052604090206001015461101a81611450565b6108198383611538565b6060600160f41b600154165f146110425760088054610a89906122ba565b5f61104b6109cd565b905080515f0361106857505060408051602081019091525f815290565b806110723061160c565b604051602001610b4b92919061242c565b8161077881836116ba565b5f6001600160e01b03198216637965db0b60e01b14806105e457506301ffc9a760e01b6001600160e01b03198316146105e4565b60605f6001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016300361111b57604080516018808252818301909252906020820181803683370190505092601692509050565b303b611128602d82612271565b6001600160401b0381111561113f5761113f6120c1565b6040519080825280601f01601f191660200182016040528015611169576020820181803683370190505b5092508251602d60208501303c50909160169150565b825160609061118e838561224a565b11156111ad5760405163010f88f960e61b815260040160405180910390fd5b5f826001600160401b038111156111c6576111c66120c1565b6040519080825280601f01601f1916602001820160405280156111f0576020820181803683370190505b50905082846020870101602083015e949350505050565b5f61121182611a6f565b90506001600160a01b03811661123d57604051637e27328960e01b8152600481018390526024016106ba565b919050565b600154600160f01b81161561126a5760405163d93c066560e01b815260040160405180910390fd5b5f61127483611a6f565b9050600160f11b82161580159061129357506001600160a01b03811615155b156112b15760405163a4420a9560e01b815260040160405180910390fd5b6001600160a01b03811633148015906112ed57506001600160a01b0381165f90815260056020908152604080832033845290915290205460ff16155b801561130f57505f838152600460205260409020546001600160a01b03163314155b15611360576001600160a01b03811661133e57604051637e27328960e01b8152600481018490526024016106ba565b60405163177e802f60e01b8152336004820152602481018490526044016106ba565b846001600160a01b0316816001600160a01b0316146113ac576040516364283d7b60e01b81526001600160a01b03808716600483015260248201859052821660448201526064016106ba565b6113b5836115d3565b6001600160a01b038086165f9081526002602052604080822080545f1901905591861680825291902080546001019055606084901c146113fe57836001600160a01b0316611400565b5f5b5f8481526003602052604080822092909255905184916001600160a01b0380881692908916917fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef91a45050505050565b610e628133611ad7565b5f5f5160206124a75f395f51905f528314801561147f57506001600160a01b03821615155b1561152e576001546001600160a01b0381161580156114be57505f848152602081815260408083206001600160a01b038716845290915290205460ff16155b1561150a576001600160a01b03831681811760015560405133919086907f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d905f90a460019150506105e4565b826001600160a01b0316816001600160a01b03160361152c575f9150506105e4565b505b610d938383611b14565b5f5f5160206124a75f395f51905f528314801561155d57506001600160a01b03821615155b156115c9576001546001600160a01b03808416908216036115c7576001600160a01b0319811660015560405133906001600160a01b0385169086907ff6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b905f90a460019150506105e4565b505b610d938383611ba3565b5f818152600460205260409020546001600160a01b031615610e62575f90815260046020526040902080546001600160a01b0319169055565b60605f61161883611c0c565b6028602282012090915060601c60295b60018111156116b157600782600f1611801561165d575060608382815181106116535761165361225d565b016020015160f81c115b1561169a57602060f81b8382815181106116795761167961225d565b0160200180516001600160f81b0319908116909218909116905f82901a9053505b60049190911c906116aa8161243a565b9050611628565b50909392505050565b600154336001600160a01b038216146116e3576116e35f5160206124a75f395f51905f52611450565b600160f01b8116156117085760405163d93c066560e01b815260040160405180910390fd5b815f036117285760405163c2e5347d60e01b815260040160405180910390fd5b5f64ffffffffff60a083901c1664ffffffffff60c884901c160390508083111561176f57604051634b344b1160e01b815260048101849052602481018290526044016106ba565b5060a082901b81016001556002602052600160f11b811615155f600584901b8501855b8181101561184e5780358060601c805f5260405f20805460016001600160601b038260401c16016001600160601b0385161415831517156117e15760018b860360051c0196505050505061184e565b6801000000000000000101905581815f7fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef8180a450841561184557805f527f032bc66be43dbccb7487781d168eb7bda224628a3b2c3388bdf69b532a3a161160205fa15b50602001611792565b505080156118b1575f19810160051b850135606081901c8061188557604051633250574960e11b81525f60048201526024016106ba565b8161188f82610f2d565b6040516367b1937960e01b8152600481019290925260248201526044016106ba565b5050505050565b6001600160a01b0383163b156118b157604051630a85bd0160e11b81526001600160a01b0384169063150b7a02906118fa90889088908790879060040161244f565b6020604051808303815f875af1925050508015611934575060408051601f3d908101601f191682019092526119319181019061248b565b60015b61199b573d808015611961576040519150601f19603f3d011682016040523d82523d5f602084013e611966565b606091505b5080515f0361199357604051633250574960e11b81526001600160a01b03851660048201526024016106ba565b805160208201fd5b6001600160e01b03198116630a85bd0160e11b146119d757604051633250574960e11b81526001600160a01b03851660048201526024016106ba565b505050505050565b60605f6119eb83611c22565b60010190505f816001600160401b03811115611a0957611a096120c1565b6040519080825280601f01601f191660200182016040528015611a33576020820181803683370190505b5090508181016020015b5f19016f181899199a1a9b1b9c1cb0b131b232b360811b600a86061a8153600a8504945084611a3d575b509392505050565b5f818152600360205260408120548015611a895792915050565b606083901c6001600160601b038416801580611ac857506001600160a01b0382165f908152600260205260409081902054901c6001600160601b031681115b15611a6757505f949350505050565b611ae18282610d1e565b611b105760405163e2517d3f60e01b81526001600160a01b0382166004820152602481018390526044016106ba565b5050565b5f611b1f8383610d1e565b611b9c575f838152602081815260408083206001600160a01b03861684529091529020805460ff19166001179055611b543390565b6001600160a01b0316826001600160a01b0316847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a45060016105e4565b505f6105e4565b5f611bae8383610d1e565b15611b9c575f838152602081815260408083206001600160a01b0386168085529252808320805460ff1916905551339286917ff6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b9190a45060016105e4565b60606105e46001600160a01b0383166014611cf9565b5f8072184f03e93ff9f4daa797ed6e38ed64bf6a1f0160401b8310611c605772184f03e93ff9f4daa797ed6e38ed64bf6a1f0160401b830492506040015b6d04ee2d6d415b85acef81000000008310611c8c576d04ee2d6d415b85acef8100000000830492506020015b662386f26fc100008310611caa57662386f26fc10000830492506010015b6305f5e1008310611cc2576305f5e100830492506008015b6127108310611cd657612710830492506004015b60648310611ce8576064830492506002015b600a83106105e45760010192915050565b6060825f611d08846002612284565b611d1390600261224a565b6001600160401b03811115611d2a57611d2a6120c1565b6040519080825280601f01601f191660200182016040528015611d54576020820181803683370190505b509050600360fc1b815f81518110611d6e57611d6e61225d565b60200101906001600160f81b03191690815f1a905350600f60fb1b81600181518110611d9c57611d9c61225d565b60200101906001600160f81b03191690815f1a9053505f611dbe856002612284565b611dc990600161224a565b90505b6001811115611e40576f181899199a1a9b1b9c1cb0b131b232b360811b83600f1660108110611dfd57611dfd61225d565b1a60f81b828281518110611e1357611e1361225d565b60200101906001600160f81b03191690815f1a90535060049290921c91611e398161243a565b9050611dcc565b508115611e6a5760405163e22e27eb60e01b815260048101869052602481018590526044016106ba565b949350505050565b6001600160e01b031981168114610e62575f5ffd5b5f60208284031215611e97575f5ffd5b8135610d9381611e72565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f610d936020830184611ea2565b5f60208284031215611ef2575f5ffd5b5035919050565b80356001600160a01b038116811461123d575f5ffd5b5f5f60408385031215611f20575f5ffd5b611f2983611ef9565b946020939093013593505050565b5f5f5f60608486031215611f49575f5ffd5b611f5284611ef9565b9250611f6060208501611ef9565b929592945050506040919091013590565b5f5f60408385031215611f82575f5ffd5b50508035926020909101359150565b5f5f60408385031215611fa2575f5ffd5b82359150611fb260208401611ef9565b90509250929050565b5f5f60208385031215611fcc575f5ffd5b82356001600160401b03811115611fe1575f5ffd5b8301601f81018513611ff1575f5ffd5b80356001600160401b03811115612006575f5ffd5b856020828401011115612017575f5ffd5b6020919091019590945092505050565b5f60208284031215612037575f5ffd5b610d9382611ef9565b8035801515811461123d575f5ffd5b5f5f5f5f60808587031215612062575f5ffd5b61206b85611ef9565b935061207960208601611ef9565b92506040850135915061208e60608601612040565b905092959194509250565b5f5f604083850312156120aa575f5ffd5b6120b383611ef9565b9150611fb260208401612040565b634e487b7160e01b5f52604160045260245ffd5b5f5f5f5f608085870312156120e8575f5ffd5b6120f185611ef9565b93506120ff60208601611ef9565b92506040850135915060608501356001600160401b03811115612120575f5ffd5b8501601f81018713612130575f5ffd5b80356001600160401b03811115612149576121496120c1565b604051601f8201601f19908116603f011681016001600160401b0381118282101715612177576121776120c1565b60405281815282820160200189101561218e575f5ffd5b816020840160208301375f6020838301015280935050505092959194509250565b5f5f604083850312156121c0575f5ffd5b6121c983611ef9565b9150611fb260208401611ef9565b5f5f602083850312156121e8575f5ffd5b82356001600160401b038111156121fd575f5ffd5b8301601f8101851361220d575f5ffd5b80356001600160401b03811115612222575f5ffd5b8560208260051b8401011115612017575f5ffd5b634e487b7160e01b5f52601160045260245ffd5b808201808211156105e4576105e4612236565b634e487b7160e01b5f52603260045260245ffd5b818103818111156105e4576105e4612236565b80820281158282048414176105e4576105e4612236565b5f826122b557634e487b7160e01b5f52601260045260245ffd5b500490565b600181811c908216806122ce57607f821691505b6020821081036122ec57634e487b7160e01b5f52602260045260245ffd5b50919050565b601f82111561077857805f5260205f20601f840160051c810160208510156123175750805b601f840160051c820191505b818110156118b1575f8155600101612323565b6001600160401b0383111561234d5761234d6120c1565b6123618361235b83546122ba565b836122f2565b5f601f841160018114612392575f851561237b5750838201355b5f19600387901b1c1916600186901b1783556118b1565b5f83815260208120601f198716915b828110156123c157868501358255602094850194600190920191016123a1565b50868210156123dd575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b5f81518060208401855e5f93019283525090919050565b5f61241a61241483866123ef565b846123ef565b602f60f81b8152600101949350505050565b5f611e6a61241483866123ef565b5f8161244857612448612236565b505f190190565b6001600160a01b03858116825284166020820152604081018390526080606082018190525f9061248190830184611ea2565b9695505050505050565b5f6020828403121561249b575f5ffd5b8151610d9381611e7256fe9f2df0fed2c77648de5860a4cc508cd0818c85b8b8a1ab4ceeef8d981c8956a6a164736f6c634300081e000a",
}

// PassCollection is an auto generated Go binding around an Ethereum contract.
type PassCollection struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *PassCollection) GetABI() abi.ABI {
	return c.abi
}

// NewPassCollection creates a new instance of PassCollection.
func NewPassCollection() *PassCollection {
	parsed, err := PassCollectionMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &PassCollection{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *PassCollection) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackDEFAULTADMINROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa217fddf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (passCollection *PassCollection) PackDEFAULTADMINROLE() []byte {
	enc, err := passCollection.abi.Pack("DEFAULT_ADMIN_ROLE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDEFAULTADMINROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa217fddf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (passCollection *PassCollection) TryPackDEFAULTADMINROLE() ([]byte, error) {
	return passCollection.abi.Pack("DEFAULT_ADMIN_ROLE")
}

// UnpackDEFAULTADMINROLE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa217fddf.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (passCollection *PassCollection) UnpackDEFAULTADMINROLE(data []byte) ([32]byte, error) {
	out, err := passCollection.abi.Unpack("DEFAULT_ADMIN_ROLE", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackMINTERROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd5391393.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MINTER_ROLE() view returns(bytes32)
func (passCollection *PassCollection) PackMINTERROLE() []byte {
	enc, err := passCollection.abi.Pack("MINTER_ROLE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMINTERROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd5391393.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MINTER_ROLE() view returns(bytes32)
func (passCollection *PassCollection) TryPackMINTERROLE() ([]byte, error) {
	return passCollection.abi.Pack("MINTER_ROLE")
}

// UnpackMINTERROLE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd5391393.
//
// Solidity: function MINTER_ROLE() view returns(bytes32)
func (passCollection *PassCollection) UnpackMINTERROLE(data []byte) ([32]byte, error) {
	out, err := passCollection.abi.Unpack("MINTER_ROLE", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approve(address to, uint256 tokenId) returns()
func (passCollection *PassCollection) PackApprove(to common.Address, tokenId *big.Int) []byte {
	enc, err := passCollection.abi.Pack("approve", to, tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approve(address to, uint256 tokenId) returns()
func (passCollection *PassCollection) TryPackApprove(to common.Address, tokenId *big.Int) ([]byte, error) {
	return passCollection.abi.Pack("approve", to, tokenId)
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (passCollection *PassCollection) PackBalanceOf(owner common.Address) []byte {
	enc, err := passCollection.abi.Pack("balanceOf", owner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (passCollection *PassCollection) TryPackBalanceOf(owner common.Address) ([]byte, error) {
	return passCollection.abi.Pack("balanceOf", owner)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (passCollection *PassCollection) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := passCollection.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBaseURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6c0360eb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function baseURI() view returns(string)
func (passCollection *PassCollection) PackBaseURI() []byte {
	enc, err := passCollection.abi.Pack("baseURI")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBaseURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6c0360eb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function baseURI() view returns(string)
func (passCollection *PassCollection) TryPackBaseURI() ([]byte, error) {
	return passCollection.abi.Pack("baseURI")
}

// UnpackBaseURI is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6c0360eb.
//
// Solidity: function baseURI() view returns(string)
func (passCollection *PassCollection) UnpackBaseURI(data []byte) (string, error) {
	out, err := passCollection.abi.Unpack("baseURI", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackBurn is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42966c68.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function burn(uint256 tokenId) returns()
func (passCollection *PassCollection) PackBurn(tokenId *big.Int) []byte {
	enc, err := passCollection.abi.Pack("burn", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBurn is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42966c68.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function burn(uint256 tokenId) returns()
func (passCollection *PassCollection) TryPackBurn(tokenId *big.Int) ([]byte, error) {
	return passCollection.abi.Pack("burn", tokenId)
}

// PackContractURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe8a3d485.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function contractURI() view returns(string)
func (passCollection *PassCollection) PackContractURI() []byte {
	enc, err := passCollection.abi.Pack("contractURI")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackContractURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe8a3d485.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function contractURI() view returns(string)
func (passCollection *PassCollection) TryPackContractURI() ([]byte, error) {
	return passCollection.abi.Pack("contractURI")
}

// UnpackContractURI is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe8a3d485.
//
// Solidity: function contractURI() view returns(string)
func (passCollection *PassCollection) UnpackContractURI(data []byte) (string, error) {
	out, err := passCollection.abi.Unpack("contractURI", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackGetApproved is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x081812fc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (passCollection *PassCollection) PackGetApproved(tokenId *big.Int) []byte {
	enc, err := passCollection.abi.Pack("getApproved", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetApproved is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x081812fc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (passCollection *PassCollection) TryPackGetApproved(tokenId *big.Int) ([]byte, error) {
	return passCollection.abi.Pack("getApproved", tokenId)
}

// UnpackGetApproved is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x081812fc.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (passCollection *PassCollection) UnpackGetApproved(data []byte) (common.Address, error) {
	out, err := passCollection.abi.Unpack("getApproved", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackGetRoleAdmin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x248a9ca3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getRoleAdmin(bytes32 role) view returns(bytes32)
func (passCollection *PassCollection) PackGetRoleAdmin(role [32]byte) []byte {
	enc, err := passCollection.abi.Pack("getRoleAdmin", role)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetRoleAdmin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x248a9ca3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getRoleAdmin(bytes32 role) view returns(bytes32)
func (passCollection *PassCollection) TryPackGetRoleAdmin(role [32]byte) ([]byte, error) {
	return passCollection.abi.Pack("getRoleAdmin", role)
}

// UnpackGetRoleAdmin is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x248a9ca3.
//
// Solidity: function getRoleAdmin(bytes32 role) view returns(bytes32)
func (passCollection *PassCollection) UnpackGetRoleAdmin(data []byte) ([32]byte, error) {
	out, err := passCollection.abi.Unpack("getRoleAdmin", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackGrantRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2f2ff15d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function grantRole(bytes32 role, address account) returns()
func (passCollection *PassCollection) PackGrantRole(role [32]byte, account common.Address) []byte {
	enc, err := passCollection.abi.Pack("grantRole", role, account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGrantRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2f2ff15d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function grantRole(bytes32 role, address account) returns()
func (passCollection *PassCollection) TryPackGrantRole(role [32]byte, account common.Address) ([]byte, error) {
	return passCollection.abi.Pack("grantRole", role, account)
}

// PackHasRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x91d14854.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (passCollection *PassCollection) PackHasRole(role [32]byte, account common.Address) []byte {
	enc, err := passCollection.abi.Pack("hasRole", role, account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHasRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x91d14854.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (passCollection *PassCollection) TryPackHasRole(role [32]byte, account common.Address) ([]byte, error) {
	return passCollection.abi.Pack("hasRole", role, account)
}

// UnpackHasRole is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x91d14854.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (passCollection *PassCollection) UnpackHasRole(data []byte) (bool, error) {
	out, err := passCollection.abi.Unpack("hasRole", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackInitialize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84863aab.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function initialize(address admin, address minter, uint256 maxSupply_, bool soulbound_) returns()
func (passCollection *PassCollection) PackInitialize(admin common.Address, minter common.Address, maxSupply *big.Int, soulbound bool) []byte {
	enc, err := passCollection.abi.Pack("initialize", admin, minter, maxSupply, soulbound)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackInitialize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84863aab.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function initialize(address admin, address minter, uint256 maxSupply_, bool soulbound_) returns()
func (passCollection *PassCollection) TryPackInitialize(admin common.Address, minter common.Address, maxSupply *big.Int, soulbound bool) ([]byte, error) {
	return passCollection.abi.Pack("initialize", admin, minter, maxSupply, soulbound)
}

// PackIsApprovedForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe985e9c5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (passCollection *PassCollection) PackIsApprovedForAll(owner common.Address, operator common.Address) []byte {
	enc, err := passCollection.abi.Pack("isApprovedForAll", owner, operator)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsApprovedForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe985e9c5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (passCollection *PassCollection) TryPackIsApprovedForAll(owner common.Address, operator common.Address) ([]byte, error) {
	return passCollection.abi.Pack("isApprovedForAll", owner, operator)
}

// UnpackIsApprovedForAll is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe985e9c5.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (passCollection *PassCollection) UnpackIsApprovedForAll(data []byte) (bool, error) {
	out, err := passCollection.abi.Unpack("isApprovedForAll", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackLocked is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb45a3c0e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function locked(uint256 tokenId) view returns(bool)
func (passCollection *PassCollection) PackLocked(tokenId *big.Int) []byte {
	enc, err := passCollection.abi.Pack("locked", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLocked is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb45a3c0e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function locked(uint256 tokenId) view returns(bool)
func (passCollection *PassCollection) TryPackLocked(tokenId *big.Int) ([]byte, error) {
	return passCollection.abi.Pack("locked", tokenId)
}

// UnpackLocked is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb45a3c0e.
//
// Solidity: function locked(uint256 tokenId) view returns(bool)
func (passCollection *PassCollection) UnpackLocked(data []byte) (bool, error) {
	out, err := passCollection.abi.Unpack("locked", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackMaxSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd5abeb01.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function maxSupply() view returns(uint256)
func (passCollection *PassCollection) PackMaxSupply() []byte {
	enc, err := passCollection.abi.Pack("maxSupply")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMaxSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd5abeb01.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function maxSupply() view returns(uint256)
func (passCollection *PassCollection) TryPackMaxSupply() ([]byte, error) {
	return passCollection.abi.Pack("maxSupply")
}

// UnpackMaxSupply is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd5abeb01.
//
// Solidity: function maxSupply() view returns(uint256)
func (passCollection *PassCollection) UnpackMaxSupply(data []byte) (*big.Int, error) {
	out, err := passCollection.abi.Unpack("maxSupply", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa0712d68.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mint(uint256 tokenId) returns()
func (passCollection *PassCollection) PackMint(tokenId *big.Int) []byte {
	enc, err := passCollection.abi.Pack("mint", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa0712d68.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mint(uint256 tokenId) returns()
func (passCollection *PassCollection) TryPackMint(tokenId *big.Int) ([]byte, error) {
	return passCollection.abi.Pack("mint", tokenId)
}

// PackMintBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xffb2b55a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mintBatch(uint256[] tokenIds) returns()
func (passCollection *PassCollection) PackMintBatch(tokenIds []*big.Int) []byte {
	enc, err := passCollection.abi.Pack("mintBatch", tokenIds)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMintBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xffb2b55a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mintBatch(uint256[] tokenIds) returns()
func (passCollection *PassCollection) TryPackMintBatch(tokenIds []*big.Int) ([]byte, error) {
	return passCollection.abi.Pack("mintBatch", tokenIds)
}

// PackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function name() view returns(string)
func (passCollection *PassCollection) PackName() []byte {
	enc, err := passCollection.abi.Pack("name")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function name() view returns(string)
func (passCollection *PassCollection) TryPackName() ([]byte, error) {
	return passCollection.abi.Pack("name")
}

// UnpackName is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (passCollection *PassCollection) UnpackName(data []byte) (string, error) {
	out, err := passCollection.abi.Unpack("name", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackNextTokenId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc852b1bf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nextTokenId(address owner) view returns(uint256)
func (passCollection *PassCollection) PackNextTokenId(owner common.Address) []byte {
	enc, err := passCollection.abi.Pack("nextTokenId", owner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNextTokenId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc852b1bf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nextTokenId(address owner) view returns(uint256)
func (passCollection *PassCollection) TryPackNextTokenId(owner common.Address) ([]byte, error) {
	return passCollection.abi.Pack("nextTokenId", owner)
}

// UnpackNextTokenId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc852b1bf.
//
// Solidity: function nextTokenId(address owner) view returns(uint256)
func (passCollection *PassCollection) UnpackNextTokenId(data []byte) (*big.Int, error) {
	out, err := passCollection.abi.Unpack("nextTokenId", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackOwnerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6352211e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (passCollection *PassCollection) PackOwnerOf(tokenId *big.Int) []byte {
	enc, err := passCollection.abi.Pack("ownerOf", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwnerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6352211e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (passCollection *PassCollection) TryPackOwnerOf(tokenId *big.Int) ([]byte, error) {
	return passCollection.abi.Pack("ownerOf", tokenId)
}

// UnpackOwnerOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6352211e.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (passCollection *PassCollection) UnpackOwnerOf(data []byte) (common.Address, error) {
	out, err := passCollection.abi.Unpack("ownerOf", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8456cb59.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pause() returns()
func (passCollection *PassCollection) PackPause() []byte {
	enc, err := passCollection.abi.Pack("pause")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8456cb59.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pause() returns()
func (passCollection *PassCollection) TryPackPause() ([]byte, error) {
	return passCollection.abi.Pack("pause")
}

// PackPaused is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c975abb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function paused() view returns(bool)
func (passCollection *PassCollection) PackPaused() []byte {
	enc, err := passCollection.abi.Pack("paused")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPaused is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c975abb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function paused() view returns(bool)
func (passCollection *PassCollection) TryPackPaused() ([]byte, error) {
	return passCollection.abi.Pack("paused")
}

// UnpackPaused is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5c975abb.
//
// Solidity: function paused() view returns(bool)
func (passCollection *PassCollection) UnpackPaused(data []byte) (bool, error) {
	out, err := passCollection.abi.Unpack("paused", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackRenounceRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x36568abe.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceRole(bytes32 role, address callerConfirmation) returns()
func (passCollection *PassCollection) PackRenounceRole(role [32]byte, callerConfirmation common.Address) []byte {
	enc, err := passCollection.abi.Pack("renounceRole", role, callerConfirmation)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRenounceRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x36568abe.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function renounceRole(bytes32 role, address callerConfirmation) returns()
func (passCollection *PassCollection) TryPackRenounceRole(role [32]byte, callerConfirmation common.Address) ([]byte, error) {
	return passCollection.abi.Pack("renounceRole", role, callerConfirmation)
}

// PackRevokeRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd547741f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revokeRole(bytes32 role, address account) returns()
func (passCollection *PassCollection) PackRevokeRole(role [32]byte, account common.Address) []byte {
	enc, err := passCollection.abi.Pack("revokeRole", role, account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRevokeRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd547741f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function revokeRole(bytes32 role, address account) returns()
func (passCollection *PassCollection) TryPackRevokeRole(role [32]byte, account common.Address) ([]byte, error) {
	return passCollection.abi.Pack("revokeRole", role, account)
}

// PackRoyaltyInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2a55205a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function royaltyInfo(uint256 , uint256 salePrice) view returns(address receiver, uint256 amount)
func (passCollection *PassCollection) PackRoyaltyInfo(arg0 *big.Int, salePrice *big.Int) []byte {
	enc, err := passCollection.abi.Pack("royaltyInfo", arg0, salePrice)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRoyaltyInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2a55205a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function royaltyInfo(uint256 , uint256 salePrice) view returns(address receiver, uint256 amount)
func (passCollection *PassCollection) TryPackRoyaltyInfo(arg0 *big.Int, salePrice *big.Int) ([]byte, error) {
	return passCollection.abi.Pack("royaltyInfo", arg0, salePrice)
}

// RoyaltyInfoOutput serves as a container for the return parameters of contract
// method RoyaltyInfo.
type RoyaltyInfoOutput struct {
	Receiver common.Address
	Amount   *big.Int
}

// UnpackRoyaltyInfo is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2a55205a.
//
// Solidity: function royaltyInfo(uint256 , uint256 salePrice) view returns(address receiver, uint256 amount)
func (passCollection *PassCollection) UnpackRoyaltyInfo(data []byte) (RoyaltyInfoOutput, error) {
	out, err := passCollection.abi.Unpack("royaltyInfo", data)
	outstruct := new(RoyaltyInfoOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Receiver = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.Amount = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackSafeTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42842e0e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId) returns()
func (passCollection *PassCollection) PackSafeTransferFrom(from common.Address, to common.Address, tokenId *big.Int) []byte {
	enc, err := passCollection.abi.Pack("safeTransferFrom", from, to, tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSafeTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42842e0e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId) returns()
func (passCollection *PassCollection) TryPackSafeTransferFrom(from common.Address, to common.Address, tokenId *big.Int) ([]byte, error) {
	return passCollection.abi.Pack("safeTransferFrom", from, to, tokenId)
}

// PackSafeTransferFrom0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb88d4fde.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId, bytes data) returns()
func (passCollection *PassCollection) PackSafeTransferFrom0(from common.Address, to common.Address, tokenId *big.Int, data []byte) []byte {
	enc, err := passCollection.abi.Pack("safeTransferFrom0", from, to, tokenId, data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSafeTransferFrom0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb88d4fde.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId, bytes data) returns()
func (passCollection *PassCollection) TryPackSafeTransferFrom0(from common.Address, to common.Address, tokenId *big.Int, data []byte) ([]byte, error) {
	return passCollection.abi.Pack("safeTransferFrom0", from, to, tokenId, data)
}

// PackSetApprovalForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa22cb465.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setApprovalForAll(address operator, bool approved) returns()
func (passCollection *PassCollection) PackSetApprovalForAll(operator common.Address, approved bool) []byte {
	enc, err := passCollection.abi.Pack("setApprovalForAll", operator, approved)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetApprovalForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa22cb465.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setApprovalForAll(address operator, bool approved) returns()
func (passCollection *PassCollection) TryPackSetApprovalForAll(operator common.Address, approved bool) ([]byte, error) {
	return passCollection.abi.Pack("setApprovalForAll", operator, approved)
}

// PackSetBaseURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x55f804b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setBaseURI(string baseURI_) returns()
func (passCollection *PassCollection) PackSetBaseURI(baseURI string) []byte {
	enc, err := passCollection.abi.Pack("setBaseURI", baseURI)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetBaseURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x55f804b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setBaseURI(string baseURI_) returns()
func (passCollection *PassCollection) TryPackSetBaseURI(baseURI string) ([]byte, error) {
	return passCollection.abi.Pack("setBaseURI", baseURI)
}

// PackSetContractURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x938e3d7b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setContractURI(string contractURI_) returns()
func (passCollection *PassCollection) PackSetContractURI(contractURI string) []byte {
	enc, err := passCollection.abi.Pack("setContractURI", contractURI)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetContractURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x938e3d7b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setContractURI(string contractURI_) returns()
func (passCollection *PassCollection) TryPackSetContractURI(contractURI string) ([]byte, error) {
	return passCollection.abi.Pack("setContractURI", contractURI)
}

// PackSoulbound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0fad0f51.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function soulbound() view returns(bool)
func (passCollection *PassCollection) PackSoulbound() []byte {
	enc, err := passCollection.abi.Pack("soulbound")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSoulbound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0fad0f51.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function soulbound() view returns(bool)
func (passCollection *PassCollection) TryPackSoulbound() ([]byte, error) {
	return passCollection.abi.Pack("soulbound")
}

// UnpackSoulbound is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0fad0f51.
//
// Solidity: function soulbound() view returns(bool)
func (passCollection *PassCollection) UnpackSoulbound(data []byte) (bool, error) {
	out, err := passCollection.abi.Unpack("soulbound", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackSupportsInterface is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ffc9a7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (passCollection *PassCollection) PackSupportsInterface(interfaceId [4]byte) []byte {
	enc, err := passCollection.abi.Pack("supportsInterface", interfaceId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSupportsInterface is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ffc9a7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (passCollection *PassCollection) TryPackSupportsInterface(interfaceId [4]byte) ([]byte, error) {
	return passCollection.abi.Pack("supportsInterface", interfaceId)
}

// UnpackSupportsInterface is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (passCollection *PassCollection) UnpackSupportsInterface(data []byte) (bool, error) {
	out, err := passCollection.abi.Unpack("supportsInterface", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function symbol() view returns(string)
func (passCollection *PassCollection) PackSymbol() []byte {
	enc, err := passCollection.abi.Pack("symbol")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function symbol() view returns(string)
func (passCollection *PassCollection) TryPackSymbol() ([]byte, error) {
	return passCollection.abi.Pack("symbol")
}

// UnpackSymbol is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (passCollection *PassCollection) UnpackSymbol(data []byte) (string, error) {
	out, err := passCollection.abi.Unpack("symbol", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackTokenURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc87b56dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (passCollection *PassCollection) PackTokenURI(tokenId *big.Int) []byte {
	enc, err := passCollection.abi.Pack("tokenURI", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTokenURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc87b56dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (passCollection *PassCollection) TryPackTokenURI(tokenId *big.Int) ([]byte, error) {
	return passCollection.abi.Pack("tokenURI", tokenId)
}

// UnpackTokenURI is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc87b56dd.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (passCollection *PassCollection) UnpackTokenURI(data []byte) (string, error) {
	out, err := passCollection.abi.Unpack("tokenURI", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackTotalMinted is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa2309ff8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function totalMinted() view returns(uint256)
func (passCollection *PassCollection) PackTotalMinted() []byte {
	enc, err := passCollection.abi.Pack("totalMinted")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTotalMinted is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa2309ff8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function totalMinted() view returns(uint256)
func (passCollection *PassCollection) TryPackTotalMinted() ([]byte, error) {
	return passCollection.abi.Pack("totalMinted")
}

// UnpackTotalMinted is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa2309ff8.
//
// Solidity: function totalMinted() view returns(uint256)
func (passCollection *PassCollection) UnpackTotalMinted(data []byte) (*big.Int, error) {
	out, err := passCollection.abi.Unpack("totalMinted", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function totalSupply() view returns(uint256)
func (passCollection *PassCollection) PackTotalSupply() []byte {
	enc, err := passCollection.abi.Pack("totalSupply")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function totalSupply() view returns(uint256)
func (passCollection *PassCollection) TryPackTotalSupply() ([]byte, error) {
	return passCollection.abi.Pack("totalSupply")
}

// UnpackTotalSupply is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (passCollection *PassCollection) UnpackTotalSupply(data []byte) (*big.Int, error) {
	out, err := passCollection.abi.Unpack("totalSupply", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferFrom(address from, address to, uint256 tokenId) returns()
func (passCollection *PassCollection) PackTransferFrom(from common.Address, to common.Address, tokenId *big.Int) []byte {
	enc, err := passCollection.abi.Pack("transferFrom", from, to, tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferFrom(address from, address to, uint256 tokenId) returns()
func (passCollection *PassCollection) TryPackTransferFrom(from common.Address, to common.Address, tokenId *big.Int) ([]byte, error) {
	return passCollection.abi.Pack("transferFrom", from, to, tokenId)
}

// PackUnpause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3f4ba83a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unpause() returns()
func (passCollection *PassCollection) PackUnpause() []byte {
	enc, err := passCollection.abi.Pack("unpause")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUnpause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3f4ba83a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function unpause() returns()
func (passCollection *PassCollection) TryPackUnpause() ([]byte, error) {
	return passCollection.abi.Pack("unpause")
}

// PackUriPrefix is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x62b99ad4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function uriPrefix() view returns(string)
func (passCollection *PassCollection) PackUriPrefix() []byte {
	enc, err := passCollection.abi.Pack("uriPrefix")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUriPrefix is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x62b99ad4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function uriPrefix() view returns(string)
func (passCollection *PassCollection) TryPackUriPrefix() ([]byte, error) {
	return passCollection.abi.Pack("uriPrefix")
}

// UnpackUriPrefix is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x62b99ad4.
//
// Solidity: function uriPrefix() view returns(string)
func (passCollection *PassCollection) UnpackUriPrefix(data []byte) (string, error) {
	out, err := passCollection.abi.Unpack("uriPrefix", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PassCollectionApproval represents a Approval event raised by the PassCollection contract.
type PassCollectionApproval struct {
	Owner    common.Address
	Approved common.Address
	TokenId  *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const PassCollectionApprovalEventName = "Approval"

// ContractEventName returns the user-defined event name.
func (PassCollectionApproval) ContractEventName() string {
	return PassCollectionApprovalEventName
}

// UnpackApprovalEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId)
func (passCollection *PassCollection) UnpackApprovalEvent(log *types.Log) (*PassCollectionApproval, error) {
	event := "Approval"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != passCollection.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PassCollectionApproval)
	if len(log.Data) > 0 {
		if err := passCollection.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range passCollection.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PassCollectionApprovalForAll represents a ApprovalForAll event raised by the PassCollection contract.
type PassCollectionApprovalForAll struct {
	Owner    common.Address
	Operator common.Address
	Approved bool
	Raw      *types.Log // Blockchain specific contextual infos
}

const PassCollectionApprovalForAllEventName = "ApprovalForAll"

// ContractEventName returns the user-defined event name.
func (PassCollectionApprovalForAll) ContractEventName() string {
	return PassCollectionApprovalForAllEventName
}

// UnpackApprovalForAllEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ApprovalForAll(address indexed owner, address indexed operator, bool approved)
func (passCollection *PassCollection) UnpackApprovalForAllEvent(log *types.Log) (*PassCollectionApprovalForAll, error) {
	event := "ApprovalForAll"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != passCollection.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PassCollectionApprovalForAll)
	if len(log.Data) > 0 {
		if err := passCollection.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range passCollection.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PassCollectionBatchMetadataUpdate represents a BatchMetadataUpdate event raised by the PassCollection contract.
type PassCollectionBatchMetadataUpdate struct {
	FromTokenId *big.Int
	ToTokenId   *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const PassCollectionBatchMetadataUpdateEventName = "BatchMetadataUpdate"

// ContractEventName returns the user-defined event name.
func (PassCollectionBatchMetadataUpdate) ContractEventName() string {
	return PassCollectionBatchMetadataUpdateEventName
}

// UnpackBatchMetadataUpdateEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event BatchMetadataUpdate(uint256 _fromTokenId, uint256 _toTokenId)
func (passCollection *PassCollection) UnpackBatchMetadataUpdateEvent(log *types.Log) (*PassCollectionBatchMetadataUpdate, error) {
	event := "BatchMetadataUpdate"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != passCollection.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PassCollectionBatchMetadataUpdate)
	if len(log.Data) > 0 {
		if err := passCollection.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range passCollection.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PassCollectionContractURIUpdated represents a ContractURIUpdated event raised by the PassCollection contract.
type PassCollectionContractURIUpdated struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const PassCollectionContractURIUpdatedEventName = "ContractURIUpdated"

// ContractEventName returns the user-defined event name.
func (PassCollectionContractURIUpdated) ContractEventName() string {
	return PassCollectionContractURIUpdatedEventName
}

// UnpackContractURIUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ContractURIUpdated()
func (passCollection *PassCollection) UnpackContractURIUpdatedEvent(log *types.Log) (*PassCollectionContractURIUpdated, error) {
	event := "ContractURIUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != passCollection.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PassCollectionContractURIUpdated)
	if len(log.Data) > 0 {
		if err := passCollection.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range passCollection.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PassCollectionInitialized represents a Initialized event raised by the PassCollection contract.
type PassCollectionInitialized struct {
	Version uint64
	Raw     *types.Log // Blockchain specific contextual infos
}

const PassCollectionInitializedEventName = "Initialized"

// ContractEventName returns the user-defined event name.
func (PassCollectionInitialized) ContractEventName() string {
	return PassCollectionInitializedEventName
}

// UnpackInitializedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Initialized(uint64 version)
func (passCollection *PassCollection) UnpackInitializedEvent(log *types.Log) (*PassCollectionInitialized, error) {
	event := "Initialized"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != passCollection.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PassCollectionInitialized)
	if len(log.Data) > 0 {
		if err := passCollection.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range passCollection.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PassCollectionLocked represents a Locked event raised by the PassCollection contract.
type PassCollectionLocked struct {
	TokenId *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const PassCollectionLockedEventName = "Locked"

// ContractEventName returns the user-defined event name.
func (PassCollectionLocked) ContractEventName() string {
	return PassCollectionLockedEventName
}

// UnpackLockedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Locked(uint256 tokenId)
func (passCollection *PassCollection) UnpackLockedEvent(log *types.Log) (*PassCollectionLocked, error) {
	event := "Locked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != passCollection.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PassCollectionLocked)
	if len(log.Data) > 0 {
		if err := passCollection.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range passCollection.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PassCollectionMetadataUpdate represents a MetadataUpdate event raised by the PassCollection contract.
type PassCollectionMetadataUpdate struct {
	TokenId *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const PassCollectionMetadataUpdateEventName = "MetadataUpdate"

// ContractEventName returns the user-defined event name.
func (PassCollectionMetadataUpdate) ContractEventName() string {
	return PassCollectionMetadataUpdateEventName
}

// UnpackMetadataUpdateEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MetadataUpdate(uint256 _tokenId)
func (passCollection *PassCollection) UnpackMetadataUpdateEvent(log *types.Log) (*PassCollectionMetadataUpdate, error) {
	event := "MetadataUpdate"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != passCollection.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PassCollectionMetadataUpdate)
	if len(log.Data) > 0 {
		if err := passCollection.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range passCollection.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PassCollectionPaused represents a Paused event raised by the PassCollection contract.
type PassCollectionPaused struct {
	Account common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const PassCollectionPausedEventName = "Paused"

// ContractEventName returns the user-defined event name.
func (PassCollectionPaused) ContractEventName() string {
	return PassCollectionPausedEventName
}

// UnpackPausedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Paused(address account)
func (passCollection *PassCollection) UnpackPausedEvent(log *types.Log) (*PassCollectionPaused, error) {
	event := "Paused"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != passCollection.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PassCollectionPaused)
	if len(log.Data) > 0 {
		if err := passCollection.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range passCollection.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PassCollectionRoleAdminChanged represents a RoleAdminChanged event raised by the PassCollection contract.
type PassCollectionRoleAdminChanged struct {
	Role              [32]byte
	PreviousAdminRole [32]byte
	NewAdminRole      [32]byte
	Raw               *types.Log // Blockchain specific contextual infos
}

const PassCollectionRoleAdminChangedEventName = "RoleAdminChanged"

// ContractEventName returns the user-defined event name.
func (PassCollectionRoleAdminChanged) ContractEventName() string {
	return PassCollectionRoleAdminChangedEventName
}

// UnpackRoleAdminChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole)
func (passCollection *PassCollection) UnpackRoleAdminChangedEvent(log *types.Log) (*PassCollectionRoleAdminChanged, error) {
	event := "RoleAdminChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != passCollection.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PassCollectionRoleAdminChanged)
	if len(log.Data) > 0 {
		if err := passCollection.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range passCollection.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PassCollectionRoleGranted represents a RoleGranted event raised by the PassCollection contract.
type PassCollectionRoleGranted struct {
	Role    [32]byte
	Account common.Address
	Sender  common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const PassCollectionRoleGrantedEventName = "RoleGranted"

// ContractEventName returns the user-defined event name.
func (PassCollectionRoleGranted) ContractEventName() string {
	return PassCollectionRoleGrantedEventName
}

// UnpackRoleGrantedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)
func (passCollection *PassCollection) UnpackRoleGrantedEvent(log *types.Log) (*PassCollectionRoleGranted, error) {
	event := "RoleGranted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != passCollection.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PassCollectionRoleGranted)
	if len(log.Data) > 0 {
		if err := passCollection.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range passCollection.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PassCollectionRoleRevoked represents a RoleRevoked event raised by the PassCollection contract.
type PassCollectionRoleRevoked struct {
	Role    [32]byte
	Account common.Address
	Sender  common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const PassCollectionRoleRevokedEventName = "RoleRevoked"

// ContractEventName returns the user-defined event name.
func (PassCollectionRoleRevoked) ContractEventName() string {
	return PassCollectionRoleRevokedEventName
}

// UnpackRoleRevokedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)
func (passCollection *PassCollection) UnpackRoleRevokedEvent(log *types.Log) (*PassCollectionRoleRevoked, error) {
	event := "RoleRevoked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != passCollection.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PassCollectionRoleRevoked)
	if len(log.Data) > 0 {
		if err := passCollection.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range passCollection.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PassCollectionTransfer represents a Transfer event raised by the PassCollection contract.
type PassCollectionTransfer struct {
	From    common.Address
	To      common.Address
	TokenId *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const PassCollectionTransferEventName = "Transfer"

// ContractEventName returns the user-defined event name.
func (PassCollectionTransfer) ContractEventName() string {
	return PassCollectionTransferEventName
}

// UnpackTransferEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)
func (passCollection *PassCollection) UnpackTransferEvent(log *types.Log) (*PassCollectionTransfer, error) {
	event := "Transfer"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != passCollection.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PassCollectionTransfer)
	if len(log.Data) > 0 {
		if err := passCollection.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range passCollection.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PassCollectionUnlocked represents a Unlocked event raised by the PassCollection contract.
type PassCollectionUnlocked struct {
	TokenId *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const PassCollectionUnlockedEventName = "Unlocked"

// ContractEventName returns the user-defined event name.
func (PassCollectionUnlocked) ContractEventName() string {
	return PassCollectionUnlockedEventName
}

// UnpackUnlockedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Unlocked(uint256 tokenId)
func (passCollection *PassCollection) UnpackUnlockedEvent(log *types.Log) (*PassCollectionUnlocked, error) {
	event := "Unlocked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != passCollection.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PassCollectionUnlocked)
	if len(log.Data) > 0 {
		if err := passCollection.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range passCollection.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PassCollectionUnpaused represents a Unpaused event raised by the PassCollection contract.
type PassCollectionUnpaused struct {
	Account common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const PassCollectionUnpausedEventName = "Unpaused"

// ContractEventName returns the user-defined event name.
func (PassCollectionUnpaused) ContractEventName() string {
	return PassCollectionUnpausedEventName
}

// UnpackUnpausedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Unpaused(address account)
func (passCollection *PassCollection) UnpackUnpausedEvent(log *types.Log) (*PassCollectionUnpaused, error) {
	event := "Unpaused"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != passCollection.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PassCollectionUnpaused)
	if len(log.Data) > 0 {
		if err := passCollection.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range passCollection.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (passCollection *PassCollection) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], passCollection.abi.Errors["AccessControlBadConfirmation"].ID.Bytes()[:4]) {
		return passCollection.UnpackAccessControlBadConfirmationError(raw[4:])
	}
	if bytes.Equal(raw[:4], passCollection.abi.Errors["AccessControlUnauthorizedAccount"].ID.Bytes()[:4]) {
		return passCollection.UnpackAccessControlUnauthorizedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], passCollection.abi.Errors["ERC721IncorrectOwner"].ID.Bytes()[:4]) {
		return passCollection.UnpackERC721IncorrectOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], passCollection.abi.Errors["ERC721InsufficientApproval"].ID.Bytes()[:4]) {
		return passCollection.UnpackERC721InsufficientApprovalError(raw[4:])
	}
	if bytes.Equal(raw[:4], passCollection.abi.Errors["ERC721InvalidApprover"].ID.Bytes()[:4]) {
		return passCollection.UnpackERC721InvalidApproverError(raw[4:])
	}
	if bytes.Equal(raw[:4], passCollection.abi.Errors["ERC721InvalidOperator"].ID.Bytes()[:4]) {
		return passCollection.UnpackERC721InvalidOperatorError(raw[4:])
	}
	if bytes.Equal(raw[:4], passCollection.abi.Errors["ERC721InvalidOwner"].ID.Bytes()[:4]) {
		return passCollection.UnpackERC721InvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], passCollection.abi.Errors["ERC721InvalidReceiver"].ID.Bytes()[:4]) {
		return passCollection.UnpackERC721InvalidReceiverError(raw[4:])
	}
	if bytes.Equal(raw[:4], passCollection.abi.Errors["ERC721InvalidSender"].ID.Bytes()[:4]) {
		return passCollection.UnpackERC721InvalidSenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], passCollection.abi.Errors["ERC721NonexistentToken"].ID.Bytes()[:4]) {
		return passCollection.UnpackERC721NonexistentTokenError(raw[4:])
	}
	if bytes.Equal(raw[:4], passCollection.abi.Errors["EmptyBatch"].ID.Bytes()[:4]) {
		return passCollection.UnpackEmptyBatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], passCollection.abi.Errors["EnforcedPause"].ID.Bytes()[:4]) {
		return passCollection.UnpackEnforcedPauseError(raw[4:])
	}
	if bytes.Equal(raw[:4], passCollection.abi.Errors["ExpectedPause"].ID.Bytes()[:4]) {
		return passCollection.UnpackExpectedPauseError(raw[4:])
	}
	if bytes.Equal(raw[:4], passCollection.abi.Errors["InvalidAdmin"].ID.Bytes()[:4]) {
		return passCollection.UnpackInvalidAdminError(raw[4:])
	}
	if bytes.Equal(raw[:4], passCollection.abi.Errors["InvalidInitialization"].ID.Bytes()[:4]) {
		return passCollection.UnpackInvalidInitializationError(raw[4:])
	}
	if bytes.Equal(raw[:4], passCollection.abi.Errors["InvalidMaxSupply"].ID.Bytes()[:4]) {
		return passCollection.UnpackInvalidMaxSupplyError(raw[4:])
	}
	if bytes.Equal(raw[:4], passCollection.abi.Errors["MalformedCloneArgs"].ID.Bytes()[:4]) {
		return passCollection.UnpackMalformedCloneArgsError(raw[4:])
	}
	if bytes.Equal(raw[:4], passCollection.abi.Errors["Soulbound"].ID.Bytes()[:4]) {
		return passCollection.UnpackSoulboundError(raw[4:])
	}
	if bytes.Equal(raw[:4], passCollection.abi.Errors["StringsInsufficientHexLength"].ID.Bytes()[:4]) {
		return passCollection.UnpackStringsInsufficientHexLengthError(raw[4:])
	}
	if bytes.Equal(raw[:4], passCollection.abi.Errors["SupplyCapExceeded"].ID.Bytes()[:4]) {
		return passCollection.UnpackSupplyCapExceededError(raw[4:])
	}
	if bytes.Equal(raw[:4], passCollection.abi.Errors["TokenIdNotNext"].ID.Bytes()[:4]) {
		return passCollection.UnpackTokenIdNotNextError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// PassCollectionAccessControlBadConfirmation represents a AccessControlBadConfirmation error raised by the PassCollection contract.
type PassCollectionAccessControlBadConfirmation struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AccessControlBadConfirmation()
func PassCollectionAccessControlBadConfirmationErrorID() common.Hash {
	return common.HexToHash("0x6697b23232a647058342c0724fe7c415cab25915b54e5dbc03f233173d37b41c")
}

// UnpackAccessControlBadConfirmationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AccessControlBadConfirmation()
func (passCollection *PassCollection) UnpackAccessControlBadConfirmationError(raw []byte) (*PassCollectionAccessControlBadConfirmation, error) {
	out := new(PassCollectionAccessControlBadConfirmation)
	if err := passCollection.abi.UnpackIntoInterface(out, "AccessControlBadConfirmation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassCollectionAccessControlUnauthorizedAccount represents a AccessControlUnauthorizedAccount error raised by the PassCollection contract.
type PassCollectionAccessControlUnauthorizedAccount struct {
	Account    common.Address
	NeededRole [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AccessControlUnauthorizedAccount(address account, bytes32 neededRole)
func PassCollectionAccessControlUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0xe2517d3fbfae6f8515ef5ff1ccedc3933ab0cbbda0b492c06eb54ad10ef03b3e")
}

// UnpackAccessControlUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AccessControlUnauthorizedAccount(address account, bytes32 neededRole)
func (passCollection *PassCollection) UnpackAccessControlUnauthorizedAccountError(raw []byte) (*PassCollectionAccessControlUnauthorizedAccount, error) {
	out := new(PassCollectionAccessControlUnauthorizedAccount)
	if err := passCollection.abi.UnpackIntoInterface(out, "AccessControlUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassCollectionERC721IncorrectOwner represents a ERC721IncorrectOwner error raised by the PassCollection contract.
type PassCollectionERC721IncorrectOwner struct {
	Sender  common.Address
	TokenId *big.Int
	Owner   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721IncorrectOwner(address sender, uint256 tokenId, address owner)
func PassCollectionERC721IncorrectOwnerErrorID() common.Hash {
	return common.HexToHash("0x64283d7b313c8117c125f736876fa2b4e90ea3831a4716dfdb87d2f540e26289")
}

// UnpackERC721IncorrectOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721IncorrectOwner(address sender, uint256 tokenId, address owner)
func (passCollection *PassCollection) UnpackERC721IncorrectOwnerError(raw []byte) (*PassCollectionERC721IncorrectOwner, error) {
	out := new(PassCollectionERC721IncorrectOwner)
	if err := passCollection.abi.UnpackIntoInterface(out, "ERC721IncorrectOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassCollectionERC721InsufficientApproval represents a ERC721InsufficientApproval error raised by the PassCollection contract.
type PassCollectionERC721InsufficientApproval struct {
	Operator common.Address
	TokenId  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InsufficientApproval(address operator, uint256 tokenId)
func PassCollectionERC721InsufficientApprovalErrorID() common.Hash {
	return common.HexToHash("0x177e802f6f313bc89797ecace66d6d29ab4719cbaaacbb87367264048b1eb861")
}

// UnpackERC721InsufficientApprovalError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InsufficientApproval(address operator, uint256 tokenId)
func (passCollection *PassCollection) UnpackERC721InsufficientApprovalError(raw []byte) (*PassCollectionERC721InsufficientApproval, error) {
	out := new(PassCollectionERC721InsufficientApproval)
	if err := passCollection.abi.UnpackIntoInterface(out, "ERC721InsufficientApproval", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassCollectionERC721InvalidApprover represents a ERC721InvalidApprover error raised by the PassCollection contract.
type PassCollectionERC721InvalidApprover struct {
	Approver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidApprover(address approver)
func PassCollectionERC721InvalidApproverErrorID() common.Hash {
	return common.HexToHash("0xa9fbf51f86b8e03595d59dc726bb10c329bb24f62589be276d8dd193ca0b69ea")
}

// UnpackERC721InvalidApproverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidApprover(address approver)
func (passCollection *PassCollection) UnpackERC721InvalidApproverError(raw []byte) (*PassCollectionERC721InvalidApprover, error) {
	out := new(PassCollectionERC721InvalidApprover)
	if err := passCollection.abi.UnpackIntoInterface(out, "ERC721InvalidApprover", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassCollectionERC721InvalidOperator represents a ERC721InvalidOperator error raised by the PassCollection contract.
type PassCollectionERC721InvalidOperator struct {
	Operator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidOperator(address operator)
func PassCollectionERC721InvalidOperatorErrorID() common.Hash {
	return common.HexToHash("0x5b08ba185e8f577075361f3a3555a6580a227ce22734dcc979c1aeadf894658b")
}

// UnpackERC721InvalidOperatorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidOperator(address operator)
func (passCollection *PassCollection) UnpackERC721InvalidOperatorError(raw []byte) (*PassCollectionERC721InvalidOperator, error) {
	out := new(PassCollectionERC721InvalidOperator)
	if err := passCollection.abi.UnpackIntoInterface(out, "ERC721InvalidOperator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassCollectionERC721InvalidOwner represents a ERC721InvalidOwner error raised by the PassCollection contract.
type PassCollectionERC721InvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidOwner(address owner)
func PassCollectionERC721InvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x89c62b6479af2e623826dcc39c5133061d35b66d72de92833401dd2fd6567480")
}

// UnpackERC721InvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidOwner(address owner)
func (passCollection *PassCollection) UnpackERC721InvalidOwnerError(raw []byte) (*PassCollectionERC721InvalidOwner, error) {
	out := new(PassCollectionERC721InvalidOwner)
	if err := passCollection.abi.UnpackIntoInterface(out, "ERC721InvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassCollectionERC721InvalidReceiver represents a ERC721InvalidReceiver error raised by the PassCollection contract.
type PassCollectionERC721InvalidReceiver struct {
	Receiver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidReceiver(address receiver)
func PassCollectionERC721InvalidReceiverErrorID() common.Hash {
	return common.HexToHash("0x64a0ae9278f805eaf991dcd18ca78756d280b7508b764ef1b255c55845c11df9")
}

// UnpackERC721InvalidReceiverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidReceiver(address receiver)
func (passCollection *PassCollection) UnpackERC721InvalidReceiverError(raw []byte) (*PassCollectionERC721InvalidReceiver, error) {
	out := new(PassCollectionERC721InvalidReceiver)
	if err := passCollection.abi.UnpackIntoInterface(out, "ERC721InvalidReceiver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassCollectionERC721InvalidSender represents a ERC721InvalidSender error raised by the PassCollection contract.
type PassCollectionERC721InvalidSender struct {
	Sender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidSender(address sender)
func PassCollectionERC721InvalidSenderErrorID() common.Hash {
	return common.HexToHash("0x73c6ac6e10798e95d99e1f130d923eb40193ecb8d094ec3dce93292564eb3b17")
}

// UnpackERC721InvalidSenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidSender(address sender)
func (passCollection *PassCollection) UnpackERC721InvalidSenderError(raw []byte) (*PassCollectionERC721InvalidSender, error) {
	out := new(PassCollectionERC721InvalidSender)
	if err := passCollection.abi.UnpackIntoInterface(out, "ERC721InvalidSender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassCollectionERC721NonexistentToken represents a ERC721NonexistentToken error raised by the PassCollection contract.
type PassCollectionERC721NonexistentToken struct {
	TokenId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721NonexistentToken(uint256 tokenId)
func PassCollectionERC721NonexistentTokenErrorID() common.Hash {
	return common.HexToHash("0x7e273289a3a9ef6670f06df7dca227856fc925e956db96980692764a8bc734d7")
}

// UnpackERC721NonexistentTokenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721NonexistentToken(uint256 tokenId)
func (passCollection *PassCollection) UnpackERC721NonexistentTokenError(raw []byte) (*PassCollectionERC721NonexistentToken, error) {
	out := new(PassCollectionERC721NonexistentToken)
	if err := passCollection.abi.UnpackIntoInterface(out, "ERC721NonexistentToken", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassCollectionEmptyBatch represents a EmptyBatch error raised by the PassCollection contract.
type PassCollectionEmptyBatch struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EmptyBatch()
func PassCollectionEmptyBatchErrorID() common.Hash {
	return common.HexToHash("0xc2e5347df6cf8d1bf68f8a9651642312bd381b900d857d97cd665976180d6ae0")
}

// UnpackEmptyBatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EmptyBatch()
func (passCollection *PassCollection) UnpackEmptyBatchError(raw []byte) (*PassCollectionEmptyBatch, error) {
	out := new(PassCollectionEmptyBatch)
	if err := passCollection.abi.UnpackIntoInterface(out, "EmptyBatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassCollectionEnforcedPause represents a EnforcedPause error raised by the PassCollection contract.
type PassCollectionEnforcedPause struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EnforcedPause()
func PassCollectionEnforcedPauseErrorID() common.Hash {
	return common.HexToHash("0xd93c0665d6c96d04a8f174024fc4ddd66c250604aff22bbec808de86dd3637e3")
}

// UnpackEnforcedPauseError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EnforcedPause()
func (passCollection *PassCollection) UnpackEnforcedPauseError(raw []byte) (*PassCollectionEnforcedPause, error) {
	out := new(PassCollectionEnforcedPause)
	if err := passCollection.abi.UnpackIntoInterface(out, "EnforcedPause", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassCollectionExpectedPause represents a ExpectedPause error raised by the PassCollection contract.
type PassCollectionExpectedPause struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ExpectedPause()
func PassCollectionExpectedPauseErrorID() common.Hash {
	return common.HexToHash("0x8dfc202bcfe9a735b559bee70674422512bc5c30f687046ae8778315fb81da44")
}

// UnpackExpectedPauseError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ExpectedPause()
func (passCollection *PassCollection) UnpackExpectedPauseError(raw []byte) (*PassCollectionExpectedPause, error) {
	out := new(PassCollectionExpectedPause)
	if err := passCollection.abi.UnpackIntoInterface(out, "ExpectedPause", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassCollectionInvalidAdmin represents a InvalidAdmin error raised by the PassCollection contract.
type PassCollectionInvalidAdmin struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidAdmin()
func PassCollectionInvalidAdminErrorID() common.Hash {
	return common.HexToHash("0xb5eba9f01c7cbc6d71522850c06349630c7deaed3ac3e944712461ed3625f10e")
}

// UnpackInvalidAdminError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidAdmin()
func (passCollection *PassCollection) UnpackInvalidAdminError(raw []byte) (*PassCollectionInvalidAdmin, error) {
	out := new(PassCollectionInvalidAdmin)
	if err := passCollection.abi.UnpackIntoInterface(out, "InvalidAdmin", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassCollectionInvalidInitialization represents a InvalidInitialization error raised by the PassCollection contract.
type PassCollectionInvalidInitialization struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidInitialization()
func PassCollectionInvalidInitializationErrorID() common.Hash {
	return common.HexToHash("0xf92ee8a957075833165f68c320933b1a1294aafc84ee6e0dd3fb178008f9aaf5")
}

// UnpackInvalidInitializationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidInitialization()
func (passCollection *PassCollection) UnpackInvalidInitializationError(raw []byte) (*PassCollectionInvalidInitialization, error) {
	out := new(PassCollectionInvalidInitialization)
	if err := passCollection.abi.UnpackIntoInterface(out, "InvalidInitialization", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassCollectionInvalidMaxSupply represents a InvalidMaxSupply error raised by the PassCollection contract.
type PassCollectionInvalidMaxSupply struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidMaxSupply()
func PassCollectionInvalidMaxSupplyErrorID() common.Hash {
	return common.HexToHash("0x19bcc14cb880f97c380b09eba67bf4681c27f4f362a3bf5717918c44d30070d3")
}

// UnpackInvalidMaxSupplyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidMaxSupply()
func (passCollection *PassCollection) UnpackInvalidMaxSupplyError(raw []byte) (*PassCollectionInvalidMaxSupply, error) {
	out := new(PassCollectionInvalidMaxSupply)
	if err := passCollection.abi.UnpackIntoInterface(out, "InvalidMaxSupply", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassCollectionMalformedCloneArgs represents a MalformedCloneArgs error raised by the PassCollection contract.
type PassCollectionMalformedCloneArgs struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MalformedCloneArgs()
func PassCollectionMalformedCloneArgsErrorID() common.Hash {
	return common.HexToHash("0x43e23e40daf0635f21d698f3a5ef8445a4489e207c485c326f387100e051d8a7")
}

// UnpackMalformedCloneArgsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MalformedCloneArgs()
func (passCollection *PassCollection) UnpackMalformedCloneArgsError(raw []byte) (*PassCollectionMalformedCloneArgs, error) {
	out := new(PassCollectionMalformedCloneArgs)
	if err := passCollection.abi.UnpackIntoInterface(out, "MalformedCloneArgs", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassCollectionSoulbound represents a Soulbound error raised by the PassCollection contract.
type PassCollectionSoulbound struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error Soulbound()
func PassCollectionSoulboundErrorID() common.Hash {
	return common.HexToHash("0xa4420a95d7f3ff69d13904950688298cd959b03d9bf658c77c6903bcb26e7911")
}

// UnpackSoulboundError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error Soulbound()
func (passCollection *PassCollection) UnpackSoulboundError(raw []byte) (*PassCollectionSoulbound, error) {
	out := new(PassCollectionSoulbound)
	if err := passCollection.abi.UnpackIntoInterface(out, "Soulbound", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassCollectionStringsInsufficientHexLength represents a StringsInsufficientHexLength error raised by the PassCollection contract.
type PassCollectionStringsInsufficientHexLength struct {
	Value  *big.Int
	Length *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StringsInsufficientHexLength(uint256 value, uint256 length)
func PassCollectionStringsInsufficientHexLengthErrorID() common.Hash {
	return common.HexToHash("0xe22e27eb9593f9947dc34771120a3349dd201c662753f0b60502fc1d8e422233")
}

// UnpackStringsInsufficientHexLengthError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StringsInsufficientHexLength(uint256 value, uint256 length)
func (passCollection *PassCollection) UnpackStringsInsufficientHexLengthError(raw []byte) (*PassCollectionStringsInsufficientHexLength, error) {
	out := new(PassCollectionStringsInsufficientHexLength)
	if err := passCollection.abi.UnpackIntoInterface(out, "StringsInsufficientHexLength", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassCollectionSupplyCapExceeded represents a SupplyCapExceeded error raised by the PassCollection contract.
type PassCollectionSupplyCapExceeded struct {
	Requested *big.Int
	Remaining *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SupplyCapExceeded(uint256 requested, uint256 remaining)
func PassCollectionSupplyCapExceededErrorID() common.Hash {
	return common.HexToHash("0x4b344b11eba23caa214c65adbd2869e50bd62099a66779a6776501f75116ec93")
}

// UnpackSupplyCapExceededError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SupplyCapExceeded(uint256 requested, uint256 remaining)
func (passCollection *PassCollection) UnpackSupplyCapExceededError(raw []byte) (*PassCollectionSupplyCapExceeded, error) {
	out := new(PassCollectionSupplyCapExceeded)
	if err := passCollection.abi.UnpackIntoInterface(out, "SupplyCapExceeded", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassCollectionTokenIdNotNext represents a TokenIdNotNext error raised by the PassCollection contract.
type PassCollectionTokenIdNotNext struct {
	TokenId  *big.Int
	Expected *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TokenIdNotNext(uint256 tokenId, uint256 expected)
func PassCollectionTokenIdNotNextErrorID() common.Hash {
	return common.HexToHash("0x67b19379bbbe78e8f163cc92b25165efaa64565509e47b955fd337984a413c93")
}

// UnpackTokenIdNotNextError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TokenIdNotNext(uint256 tokenId, uint256 expected)
func (passCollection *PassCollection) UnpackTokenIdNotNextError(raw []byte) (*PassCollectionTokenIdNotNext, error) {
	out := new(PassCollectionTokenIdNotNext)
	if err := passCollection.abi.UnpackIntoInterface(out, "TokenIdNotNext", raw); err != nil {
		return nil, err
	}
	return out, nil
}
