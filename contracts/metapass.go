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

// MetaPassMetaData contains all meta data concerning the MetaPass contract.
var MetaPassMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name_\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"symbol_\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"baseURI_\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"contractURI_\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"maxSupply_\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"soulbound_\",\"type\":\"bool\"},{\"internalType\":\"address\",\"name\":\"admin\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"royaltyReceiver\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"royaltyBps\",\"type\":\"uint96\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"AccessControlBadConfirmation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"neededRole\",\"type\":\"bytes32\"}],\"name\":\"AccessControlUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"numerator\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"denominator\",\"type\":\"uint256\"}],\"name\":\"ERC2981InvalidDefaultRoyalty\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC2981InvalidDefaultRoyaltyReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"numerator\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"denominator\",\"type\":\"uint256\"}],\"name\":\"ERC2981InvalidTokenRoyalty\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC2981InvalidTokenRoyaltyReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC721IncorrectOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ERC721InsufficientApproval\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC721InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"ERC721InvalidOperator\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC721InvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC721InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC721InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ERC721NonexistentToken\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EnforcedPause\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ExpectedPause\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidAdmin\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"recipients\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"tokenIds\",\"type\":\"uint256\"}],\"name\":\"InvalidBatchLength\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidMaxSupply\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"InvalidTokenId\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Soulbound\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requested\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"remaining\",\"type\":\"uint256\"}],\"name\":\"SupplyCapExceeded\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"TokenIdBurned\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"approved\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"approved\",\"type\":\"bool\"}],\"name\":\"ApprovalForAll\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"_fromTokenId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"_toTokenId\",\"type\":\"uint256\"}],\"name\":\"BatchMetadataUpdate\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"ContractURIUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Locked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"_tokenId\",\"type\":\"uint256\"}],\"name\":\"MetadataUpdate\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"Paused\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"previousAdminRole\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"newAdminRole\",\"type\":\"bytes32\"}],\"name\":\"RoleAdminChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"RoleGranted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"RoleRevoked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Unlocked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"Unpaused\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"DEFAULT_ADMIN_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MINTER_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"burn\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"contractURI\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"getApproved\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"}],\"name\":\"getRoleAdmin\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"grantRole\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"hasRole\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"isApprovedForAll\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"locked\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"maxSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address[]\",\"name\":\"to\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"tokenIds\",\"type\":\"uint256[]\"}],\"name\":\"mintBatch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ownerOf\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pause\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"paused\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"callerConfirmation\",\"type\":\"address\"}],\"name\":\"renounceRole\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"revokeRole\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"salePrice\",\"type\":\"uint256\"}],\"name\":\"royaltyInfo\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"safeTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"safeTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"approved\",\"type\":\"bool\"}],\"name\":\"setApprovalForAll\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"baseURI_\",\"type\":\"string\"}],\"name\":\"setBaseURI\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"contractURI_\",\"type\":\"string\"}],\"name\":\"setContractURI\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"soulbound\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes4\",\"name\":\"interfaceId\",\"type\":\"bytes4\"}],\"name\":\"supportsInterface\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"tokenURI\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalMinted\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"unpause\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "2fee8b69adacea4c982868a2cb95355f7b",
	Bin: "0x60c060405234801561000f575f5ffd5b506040516122b13803806122b183398101604081905261002e91610345565b88885f61003b83826104d0565b50600161004882826104d0565b505050845f0361006b5760405163066f305360e21b815260040160405180910390fd5b6001600160a01b03831661009257604051630b5eba9f60e41b815260040160405180910390fd5b608085905283151560a052600d6100a988826104d0565b50600e6100b687826104d0565b506100c15f84610114565b506100ec7f9f2df0fed2c77648de5860a4cc508cd0818c85b8b8a1ab4ceeef8d981c8956a684610114565b506001600160a01b038216156101065761010682826101c1565b50505050505050505061058a565b5f8281526008602090815260408083206001600160a01b038516845290915281205460ff166101b8575f8381526008602090815260408083206001600160a01b03861684529091529020805460ff191660011790556101703390565b6001600160a01b0316826001600160a01b0316847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a45060016101bb565b505f5b92915050565b6127106001600160601b03821681101561020557604051636f483d0960e01b81526001600160601b0383166004820152602481018290526044015b60405180910390fd5b6001600160a01b03831661022e57604051635b6cc80560e11b81525f60048201526024016101fc565b50604080518082019091526001600160a01b039092168083526001600160601b039091166020909201829052600160a01b90910217600655565b634e487b7160e01b5f52604160045260245ffd5b5f82601f83011261028b575f5ffd5b81516001600160401b038111156102a4576102a4610268565b604051601f8201601f19908116603f011681016001600160401b03811182821017156102d2576102d2610268565b6040528181528382016020018510156102e9575f5ffd5b8160208501602083015e5f918101602001919091529392505050565b80518015158114610314575f5ffd5b919050565b80516001600160a01b0381168114610314575f5ffd5b80516001600160601b0381168114610314575f5ffd5b5f5f5f5f5f5f5f5f5f6101208a8c03121561035e575f5ffd5b89516001600160401b03811115610373575f5ffd5b61037f8c828d0161027c565b60208c0151909a5090506001600160401b0381111561039c575f5ffd5b6103a88c828d0161027c565b60408c015190995090506001600160401b038111156103c5575f5ffd5b6103d18c828d0161027c565b60608c015190985090506001600160401b038111156103ee575f5ffd5b6103fa8c828d0161027c565b60808c01519097509550610412905060a08b01610305565b935061042060c08b01610319565b925061042e60e08b01610319565b915061043d6101008b0161032f565b90509295985092959850929598565b600181811c9082168061046057607f821691505b60208210810361047e57634e487b7160e01b5f52602260045260245ffd5b50919050565b601f8211156104cb57805f5260205f20601f840160051c810160208510156104a95750805b601f840160051c820191505b818110156104c8575f81556001016104b5565b50505b505050565b81516001600160401b038111156104e9576104e9610268565b6104fd816104f7845461044c565b84610484565b6020601f82116001811461052f575f83156105185750848201515b5f19600385901b1c1916600184901b1784556104c8565b5f84815260208120601f198516915b8281101561055e578785015182556020948501946001909201910161053e565b508482101561057b57868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b60805160a051611cd56105dc5f395f818161028301528181610a7001528181610b900152610d1501525f818161049e01528181610802015281816109160152818161094801526109bf0152611cd55ff3fe608060405234801561000f575f5ffd5b50600436106101fd575f3560e01c806370a0823111610114578063a2309ff8116100a9578063d539139311610079578063d53913931461045f578063d547741f14610486578063d5abeb0114610499578063e8a3d485146104c0578063e985e9c5146104c8575f5ffd5b8063a2309ff81461041d578063b45a3c0e14610426578063b88d4fde14610439578063c87b56dd1461044c575f5ffd5b8063938e3d7b116100e4578063938e3d7b146103e857806395d89b41146103fb578063a217fddf14610403578063a22cb4651461040a575f5ffd5b806370a08231146103a75780637c88e3d9146103ba5780638456cb59146103cd57806391d14854146103d5575f5ffd5b80632a55205a1161019557806342842e0e1161016557806342842e0e1461035057806342966c681461036357806355f804b3146103765780635c975abb146103895780636352211e14610394575f5ffd5b80632a55205a146102f05780632f2ff15d1461032257806336568abe146103355780633f4ba83a14610348575f5ffd5b80630fad0f51116101d05780630fad0f511461027e57806318160ddd146102a557806323b872dd146102bb578063248a9ca3146102ce575f5ffd5b806301ffc9a71461020157806306fdde0314610229578063081812fc1461023e578063095ea7b314610269575b5f5ffd5b61021461020f3660046116b5565b6104db565b60405190151581526020015b60405180910390f35b610231610520565b60405161022091906116fe565b61025161024c366004611710565b6105af565b6040516001600160a01b039091168152602001610220565b61027c610277366004611742565b6105d6565b005b6102147f000000000000000000000000000000000000000000000000000000000000000081565b6102ad6105e5565b604051908152602001610220565b61027c6102c936600461176a565b6105fb565b6102ad6102dc366004611710565b5f9081526008602052604090206001015490565b6103036102fe3660046117a4565b610689565b604080516001600160a01b039093168352602083019190915201610220565b61027c6103303660046117c4565b61070e565b61027c6103433660046117c4565b610732565b61027c61076a565b61027c61035e36600461176a565b61077f565b61027c610371366004611710565b610799565b61027c6103843660046117ee565b6107e0565b60095460ff16610214565b6102516103a2366004611710565b610856565b6102ad6103b536600461185c565b610860565b61027c6103c83660046118b6565b6108a5565b61027c610ae8565b6102146103e33660046117c4565b610afa565b61027c6103f63660046117ee565b610b24565b610231610b69565b6102ad5f81565b61027c610418366004611922565b610b78565b6102ad600a5481565b610214610434366004611710565b610b83565b61027c61044736600461196f565b610bb5565b61023161045a366004611710565b610bcd565b6102ad7f9f2df0fed2c77648de5860a4cc508cd0818c85b8b8a1ab4ceeef8d981c8956a681565b61027c6104943660046117c4565b610c32565b6102ad7f000000000000000000000000000000000000000000000000000000000000000081565b610231610c56565b6102146104d6366004611a4c565b610c65565b5f6001600160e01b03198216635a2d1e0760e11b148061050b57506001600160e01b03198216632483248360e11b145b8061051a575061051a82610c92565b92915050565b60605f805461052e90611a74565b80601f016020809104026020016040519081016040528092919081815260200182805461055a90611a74565b80156105a55780601f1061057c576101008083540402835291602001916105a5565b820191905f5260205f20905b81548152906001019060200180831161058857829003601f168201915b5050505050905090565b5f6105b982610cb6565b505f828152600460205260409020546001600160a01b031661051a565b6105e1828233610cee565b5050565b5f600b54600a546105f69190611ac0565b905090565b6001600160a01b03821661062957604051633250574960e11b81525f60048201526024015b60405180910390fd5b5f610635838333610cfb565b9050836001600160a01b0316816001600160a01b031614610683576040516364283d7b60e01b81526001600160a01b0380861660048301526024820184905282166044820152606401610620565b50505050565b5f82815260076020526040812080548291906001600160a01b03811690600160a01b90046001600160601b0316816106dc5750506006546001600160a01b03811690600160a01b90046001600160601b03165b5f6127106106f36001600160601b03841689611ad3565b6106fd9190611aea565b9295509193505050505b9250929050565b5f8281526008602052604090206001015461072881610d86565b6106838383610d90565b6001600160a01b038116331461075b5760405163334bd91960e11b815260040160405180910390fd5b6107658282610e21565b505050565b5f61077481610d86565b61077c610e8c565b50565b61076583838360405180602001604052805f815250610bb5565b5f6107a381610d86565b6107ac82610ede565b600882901c5f908152600c602052604090208054600160ff85161b179055600b5f81546107d890611b09565b909155505050565b5f6107ea81610d86565b600d6107f7838583611b65565b5060408051600181527f000000000000000000000000000000000000000000000000000000000000000060208201527f6bd5c950a8d8df17f772f5af37cb3655737899cbf903264b9795592da439661c910160405180910390a1505050565b5f61051a82610cb6565b5f6001600160a01b03821661088a576040516322718ad960e21b81525f6004820152602401610620565b506001600160a01b03165f9081526003602052604090205490565b7f9f2df0fed2c77648de5860a4cc508cd0818c85b8b8a1ab4ceeef8d981c8956a66108cf81610d86565b6108d7610f16565b838015806108e55750808314155b1561090d5760405163cc582fc560e01b81526004810182905260248101849052604401610620565b600a5461093a817f0000000000000000000000000000000000000000000000000000000000000000611ac0565b82111561098e578161096c827f0000000000000000000000000000000000000000000000000000000000000000611ac0565b604051634b344b1160e01b815260048101929092526024820152604401610620565b5f5b82811015610ad1575f8686838181106109ab576109ab611c1f565b905060200201359050805f14806109e157507f000000000000000000000000000000000000000000000000000000000000000081115b15610a025760405163ed15e6cf60e01b815260048101829052602401610620565b600881901c5f908152600c6020526040902054600160ff83161b1615610a3e57604051634feb32c560e11b815260048101829052602401610620565b610a6e898984818110610a5357610a53611c1f565b9050602002016020810190610a68919061185c565b82610f3c565b7f000000000000000000000000000000000000000000000000000000000000000015610ac8576040518181527f032bc66be43dbccb7487781d168eb7bda224628a3b2c3388bdf69b532a3a16119060200160405180910390a15b50600101610990565b50610adc8282611c33565b600a5550505050505050565b5f610af281610d86565b61077c610f9d565b5f9182526008602090815260408084206001600160a01b0393909316845291905290205460ff1690565b5f610b2e81610d86565b600e610b3b838583611b65565b506040517fa5d4097edda6d87cb9329af83fb3712ef77eeb13738ffe43cc35a4ce305ad962905f90a1505050565b60606001805461052e90611a74565b6105e1338383610fda565b5f610b8d82610cb6565b507f000000000000000000000000000000000000000000000000000000000000000092915050565b610bc08484846105fb565b6106833385858585611078565b6060610bd882610cb6565b505f610be26111a0565b90505f815111610c005760405180602001604052805f815250610c2b565b80610c0a846111af565b604051602001610c1b929190611c5d565b6040516020818303038152906040525b9392505050565b5f82815260086020526040902060010154610c4c81610d86565b6106838383610e21565b6060600e805461052e90611a74565b6001600160a01b039182165f90815260056020908152604080832093909416825291909152205460ff1690565b5f6001600160e01b03198216637965db0b60e01b148061051a575061051a8261123f565b5f818152600260205260408120546001600160a01b03168061051a57604051637e27328960e01b815260048101849052602401610620565b6107658383836001611263565b5f6001600160a01b03841615610d7357610d13610f16565b7f00000000000000000000000000000000000000000000000000000000000000008015610d5557505f838152600260205260409020546001600160a01b031615155b15610d735760405163a4420a9560e01b815260040160405180910390fd5b610d7e848484611367565b949350505050565b61077c8133611459565b5f610d9b8383610afa565b610e1a575f8381526008602090815260408083206001600160a01b03861684529091529020805460ff19166001179055610dd23390565b6001600160a01b0316826001600160a01b0316847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a450600161051a565b505f61051a565b5f610e2c8383610afa565b15610e1a575f8381526008602090815260408083206001600160a01b0386168085529252808320805460ff1916905551339286917ff6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b9190a450600161051a565b610e94611492565b6009805460ff191690557f5db9ee0a495bf2e6ff9c91a7834c1ba4fdd244a5e8aa4e537bd38aeae4b073aa335b6040516001600160a01b03909116815260200160405180910390a1565b5f610eea5f835f610cfb565b90506001600160a01b0381166105e157604051637e27328960e01b815260048101839052602401610620565b60095460ff1615610f3a5760405163d93c066560e01b815260040160405180910390fd5b565b6001600160a01b038216610f6557604051633250574960e11b81525f6004820152602401610620565b5f610f7183835f610cfb565b90506001600160a01b03811615610765576040516339e3563760e11b81525f6004820152602401610620565b610fa5610f16565b6009805460ff191660011790557f62e78cea01bee320cd4e420270b5ea74000d11b0c9f74754ebdbfc544b05a258610ec13390565b6001600160a01b03821661100c57604051630b61174360e31b81526001600160a01b0383166004820152602401610620565b6001600160a01b038381165f81815260056020908152604080832094871680845294825291829020805460ff191686151590811790915591519182527f17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31910160405180910390a3505050565b6001600160a01b0383163b1561119957604051630a85bd0160e11b81526001600160a01b0384169063150b7a02906110ba908890889087908790600401611c71565b6020604051808303815f875af19250505080156110f4575060408051601f3d908101601f191682019092526110f191810190611cad565b60015b61115b573d808015611121576040519150601f19603f3d011682016040523d82523d5f602084013e611126565b606091505b5080515f0361115357604051633250574960e11b81526001600160a01b0385166004820152602401610620565b805160208201fd5b6001600160e01b03198116630a85bd0160e11b1461119757604051633250574960e11b81526001600160a01b0385166004820152602401610620565b505b5050505050565b6060600d805461052e90611a74565b60605f6111bb836114b5565b60010190505f8167ffffffffffffffff8111156111da576111da61195b565b6040519080825280601f01601f191660200182016040528015611204576020820181803683370190505b5090508181016020015b5f19016f181899199a1a9b1b9c1cb0b131b232b360811b600a86061a8153600a850494508461120e57509392505050565b5f6001600160e01b0319821663152a902d60e11b148061051a575061051a8261158c565b808061127757506001600160a01b03821615155b15611338575f61128684610cb6565b90506001600160a01b038316158015906112b25750826001600160a01b0316816001600160a01b031614155b80156112c557506112c38184610c65565b155b156112ee5760405163a9fbf51f60e01b81526001600160a01b0384166004820152602401610620565b81156113365783856001600160a01b0316826001600160a01b03167f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b92560405160405180910390a45b505b50505f90815260046020526040902080546001600160a01b0319166001600160a01b0392909216919091179055565b5f828152600260205260408120546001600160a01b0390811690831615611393576113938184866115db565b6001600160a01b038116156113cd576113ae5f855f5f611263565b6001600160a01b0381165f90815260036020526040902080545f190190555b6001600160a01b038516156113fb576001600160a01b0385165f908152600360205260409020805460010190555b5f8481526002602052604080822080546001600160a01b0319166001600160a01b0389811691821790925591518793918516917fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef91a4949350505050565b6114638282610afa565b6105e15760405163e2517d3f60e01b81526001600160a01b038216600482015260248101839052604401610620565b60095460ff16610f3a57604051638dfc202b60e01b815260040160405180910390fd5b5f8072184f03e93ff9f4daa797ed6e38ed64bf6a1f0160401b83106114f35772184f03e93ff9f4daa797ed6e38ed64bf6a1f0160401b830492506040015b6d04ee2d6d415b85acef8100000000831061151f576d04ee2d6d415b85acef8100000000830492506020015b662386f26fc10000831061153d57662386f26fc10000830492506010015b6305f5e1008310611555576305f5e100830492506008015b612710831061156957612710830492506004015b6064831061157b576064830492506002015b600a831061051a5760010192915050565b5f6001600160e01b031982166380ac58cd60e01b14806115bc57506001600160e01b03198216635b5e139f60e01b145b8061051a57506301ffc9a760e01b6001600160e01b031983161461051a565b6115e683838361163f565b610765576001600160a01b03831661161457604051637e27328960e01b815260048101829052602401610620565b60405163177e802f60e01b81526001600160a01b038316600482015260248101829052604401610620565b5f6001600160a01b03831615801590610d7e5750826001600160a01b0316846001600160a01b0316148061167857506116788484610c65565b80610d7e5750505f908152600460205260409020546001600160a01b03908116911614919050565b6001600160e01b03198116811461077c575f5ffd5b5f602082840312156116c5575f5ffd5b8135610c2b816116a0565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f610c2b60208301846116d0565b5f60208284031215611720575f5ffd5b5035919050565b80356001600160a01b038116811461173d575f5ffd5b919050565b5f5f60408385031215611753575f5ffd5b61175c83611727565b946020939093013593505050565b5f5f5f6060848603121561177c575f5ffd5b61178584611727565b925061179360208501611727565b929592945050506040919091013590565b5f5f604083850312156117b5575f5ffd5b50508035926020909101359150565b5f5f604083850312156117d5575f5ffd5b823591506117e560208401611727565b90509250929050565b5f5f602083850312156117ff575f5ffd5b823567ffffffffffffffff811115611815575f5ffd5b8301601f81018513611825575f5ffd5b803567ffffffffffffffff81111561183b575f5ffd5b85602082840101111561184c575f5ffd5b6020919091019590945092505050565b5f6020828403121561186c575f5ffd5b610c2b82611727565b5f5f83601f840112611885575f5ffd5b50813567ffffffffffffffff81111561189c575f5ffd5b6020830191508360208260051b8501011115610707575f5ffd5b5f5f5f5f604085870312156118c9575f5ffd5b843567ffffffffffffffff8111156118df575f5ffd5b6118eb87828801611875565b909550935050602085013567ffffffffffffffff81111561190a575f5ffd5b61191687828801611875565b95989497509550505050565b5f5f60408385031215611933575f5ffd5b61193c83611727565b915060208301358015158114611950575f5ffd5b809150509250929050565b634e487b7160e01b5f52604160045260245ffd5b5f5f5f5f60808587031215611982575f5ffd5b61198b85611727565b935061199960208601611727565b925060408501359150606085013567ffffffffffffffff8111156119bb575f5ffd5b8501601f810187136119cb575f5ffd5b803567ffffffffffffffff8111156119e5576119e561195b565b604051601f8201601f19908116603f0116810167ffffffffffffffff81118282101715611a1457611a1461195b565b604052818152828201602001891015611a2b575f5ffd5b816020840160208301375f6020838301015280935050505092959194509250565b5f5f60408385031215611a5d575f5ffd5b611a6683611727565b91506117e560208401611727565b600181811c90821680611a8857607f821691505b602082108103611aa657634e487b7160e01b5f52602260045260245ffd5b50919050565b634e487b7160e01b5f52601160045260245ffd5b8181038181111561051a5761051a611aac565b808202811582820484141761051a5761051a611aac565b5f82611b0457634e487b7160e01b5f52601260045260245ffd5b500490565b5f60018201611b1a57611b1a611aac565b5060010190565b601f82111561076557805f5260205f20601f840160051c81016020851015611b465750805b601f840160051c820191505b81811015611199575f8155600101611b52565b67ffffffffffffffff831115611b7d57611b7d61195b565b611b9183611b8b8354611a74565b83611b21565b5f601f841160018114611bc2575f8515611bab5750838201355b5f19600387901b1c1916600186901b178355611199565b5f83815260208120601f198716915b82811015611bf15786850135825560209485019460019092019101611bd1565b5086821015611c0d575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b634e487b7160e01b5f52603260045260245ffd5b8082018082111561051a5761051a611aac565b5f81518060208401855e5f93019283525090919050565b5f610d7e611c6b8386611c46565b84611c46565b6001600160a01b03858116825284166020820152604081018390526080606082018190525f90611ca3908301846116d0565b9695505050505050565b5f60208284031215611cbd575f5ffd5b8151610c2b816116a056fea164736f6c634300081e000a",
}

// MetaPass is an auto generated Go binding around an Ethereum contract.
type MetaPass struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *MetaPass) GetABI() abi.ABI {
	return c.abi
}

// NewMetaPass creates a new instance of MetaPass.
func NewMetaPass() *MetaPass {
	parsed, err := MetaPassMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &MetaPass{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *MetaPass) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(string name_, string symbol_, string baseURI_, string contractURI_, uint256 maxSupply_, bool soulbound_, address admin, address royaltyReceiver, uint96 royaltyBps) returns()
func (metaPass *MetaPass) PackConstructor(name_ string, symbol_ string, baseURI_ string, contractURI_ string, maxSupply_ *big.Int, soulbound_ bool, admin common.Address, royaltyReceiver common.Address, royaltyBps *big.Int) []byte {
	enc, err := metaPass.abi.Pack("", name_, symbol_, baseURI_, contractURI_, maxSupply_, soulbound_, admin, royaltyReceiver, royaltyBps)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackDEFAULTADMINROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa217fddf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (metaPass *MetaPass) PackDEFAULTADMINROLE() []byte {
	enc, err := metaPass.abi.Pack("DEFAULT_ADMIN_ROLE")
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
func (metaPass *MetaPass) TryPackDEFAULTADMINROLE() ([]byte, error) {
	return metaPass.abi.Pack("DEFAULT_ADMIN_ROLE")
}

// UnpackDEFAULTADMINROLE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa217fddf.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (metaPass *MetaPass) UnpackDEFAULTADMINROLE(data []byte) ([32]byte, error) {
	out, err := metaPass.abi.Unpack("DEFAULT_ADMIN_ROLE", data)
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
func (metaPass *MetaPass) PackMINTERROLE() []byte {
	enc, err := metaPass.abi.Pack("MINTER_ROLE")
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
func (metaPass *MetaPass) TryPackMINTERROLE() ([]byte, error) {
	return metaPass.abi.Pack("MINTER_ROLE")
}

// UnpackMINTERROLE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd5391393.
//
// Solidity: function MINTER_ROLE() view returns(bytes32)
func (metaPass *MetaPass) UnpackMINTERROLE(data []byte) ([32]byte, error) {
	out, err := metaPass.abi.Unpack("MINTER_ROLE", data)
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
func (metaPass *MetaPass) PackApprove(to common.Address, tokenId *big.Int) []byte {
	enc, err := metaPass.abi.Pack("approve", to, tokenId)
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
func (metaPass *MetaPass) TryPackApprove(to common.Address, tokenId *big.Int) ([]byte, error) {
	return metaPass.abi.Pack("approve", to, tokenId)
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (metaPass *MetaPass) PackBalanceOf(owner common.Address) []byte {
	enc, err := metaPass.abi.Pack("balanceOf", owner)
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
func (metaPass *MetaPass) TryPackBalanceOf(owner common.Address) ([]byte, error) {
	return metaPass.abi.Pack("balanceOf", owner)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (metaPass *MetaPass) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := metaPass.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBurn is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42966c68.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function burn(uint256 tokenId) returns()
func (metaPass *MetaPass) PackBurn(tokenId *big.Int) []byte {
	enc, err := metaPass.abi.Pack("burn", tokenId)
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
func (metaPass *MetaPass) TryPackBurn(tokenId *big.Int) ([]byte, error) {
	return metaPass.abi.Pack("burn", tokenId)
}

// PackContractURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe8a3d485.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function contractURI() view returns(string)
func (metaPass *MetaPass) PackContractURI() []byte {
	enc, err := metaPass.abi.Pack("contractURI")
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
func (metaPass *MetaPass) TryPackContractURI() ([]byte, error) {
	return metaPass.abi.Pack("contractURI")
}

// UnpackContractURI is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe8a3d485.
//
// Solidity: function contractURI() view returns(string)
func (metaPass *MetaPass) UnpackContractURI(data []byte) (string, error) {
	out, err := metaPass.abi.Unpack("contractURI", data)
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
func (metaPass *MetaPass) PackGetApproved(tokenId *big.Int) []byte {
	enc, err := metaPass.abi.Pack("getApproved", tokenId)
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
func (metaPass *MetaPass) TryPackGetApproved(tokenId *big.Int) ([]byte, error) {
	return metaPass.abi.Pack("getApproved", tokenId)
}

// UnpackGetApproved is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x081812fc.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (metaPass *MetaPass) UnpackGetApproved(data []byte) (common.Address, error) {
	out, err := metaPass.abi.Unpack("getApproved", data)
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
func (metaPass *MetaPass) PackGetRoleAdmin(role [32]byte) []byte {
	enc, err := metaPass.abi.Pack("getRoleAdmin", role)
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
func (metaPass *MetaPass) TryPackGetRoleAdmin(role [32]byte) ([]byte, error) {
	return metaPass.abi.Pack("getRoleAdmin", role)
}

// UnpackGetRoleAdmin is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x248a9ca3.
//
// Solidity: function getRoleAdmin(bytes32 role) view returns(bytes32)
func (metaPass *MetaPass) UnpackGetRoleAdmin(data []byte) ([32]byte, error) {
	out, err := metaPass.abi.Unpack("getRoleAdmin", data)
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
func (metaPass *MetaPass) PackGrantRole(role [32]byte, account common.Address) []byte {
	enc, err := metaPass.abi.Pack("grantRole", role, account)
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
func (metaPass *MetaPass) TryPackGrantRole(role [32]byte, account common.Address) ([]byte, error) {
	return metaPass.abi.Pack("grantRole", role, account)
}

// PackHasRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x91d14854.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (metaPass *MetaPass) PackHasRole(role [32]byte, account common.Address) []byte {
	enc, err := metaPass.abi.Pack("hasRole", role, account)
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
func (metaPass *MetaPass) TryPackHasRole(role [32]byte, account common.Address) ([]byte, error) {
	return metaPass.abi.Pack("hasRole", role, account)
}

// UnpackHasRole is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x91d14854.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (metaPass *MetaPass) UnpackHasRole(data []byte) (bool, error) {
	out, err := metaPass.abi.Unpack("hasRole", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackIsApprovedForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe985e9c5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (metaPass *MetaPass) PackIsApprovedForAll(owner common.Address, operator common.Address) []byte {
	enc, err := metaPass.abi.Pack("isApprovedForAll", owner, operator)
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
func (metaPass *MetaPass) TryPackIsApprovedForAll(owner common.Address, operator common.Address) ([]byte, error) {
	return metaPass.abi.Pack("isApprovedForAll", owner, operator)
}

// UnpackIsApprovedForAll is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe985e9c5.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (metaPass *MetaPass) UnpackIsApprovedForAll(data []byte) (bool, error) {
	out, err := metaPass.abi.Unpack("isApprovedForAll", data)
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
func (metaPass *MetaPass) PackLocked(tokenId *big.Int) []byte {
	enc, err := metaPass.abi.Pack("locked", tokenId)
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
func (metaPass *MetaPass) TryPackLocked(tokenId *big.Int) ([]byte, error) {
	return metaPass.abi.Pack("locked", tokenId)
}

// UnpackLocked is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb45a3c0e.
//
// Solidity: function locked(uint256 tokenId) view returns(bool)
func (metaPass *MetaPass) UnpackLocked(data []byte) (bool, error) {
	out, err := metaPass.abi.Unpack("locked", data)
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
func (metaPass *MetaPass) PackMaxSupply() []byte {
	enc, err := metaPass.abi.Pack("maxSupply")
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
func (metaPass *MetaPass) TryPackMaxSupply() ([]byte, error) {
	return metaPass.abi.Pack("maxSupply")
}

// UnpackMaxSupply is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd5abeb01.
//
// Solidity: function maxSupply() view returns(uint256)
func (metaPass *MetaPass) UnpackMaxSupply(data []byte) (*big.Int, error) {
	out, err := metaPass.abi.Unpack("maxSupply", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMintBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7c88e3d9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mintBatch(address[] to, uint256[] tokenIds) returns()
func (metaPass *MetaPass) PackMintBatch(to []common.Address, tokenIds []*big.Int) []byte {
	enc, err := metaPass.abi.Pack("mintBatch", to, tokenIds)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMintBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7c88e3d9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mintBatch(address[] to, uint256[] tokenIds) returns()
func (metaPass *MetaPass) TryPackMintBatch(to []common.Address, tokenIds []*big.Int) ([]byte, error) {
	return metaPass.abi.Pack("mintBatch", to, tokenIds)
}

// PackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function name() view returns(string)
func (metaPass *MetaPass) PackName() []byte {
	enc, err := metaPass.abi.Pack("name")
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
func (metaPass *MetaPass) TryPackName() ([]byte, error) {
	return metaPass.abi.Pack("name")
}

// UnpackName is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (metaPass *MetaPass) UnpackName(data []byte) (string, error) {
	out, err := metaPass.abi.Unpack("name", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackOwnerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6352211e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (metaPass *MetaPass) PackOwnerOf(tokenId *big.Int) []byte {
	enc, err := metaPass.abi.Pack("ownerOf", tokenId)
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
func (metaPass *MetaPass) TryPackOwnerOf(tokenId *big.Int) ([]byte, error) {
	return metaPass.abi.Pack("ownerOf", tokenId)
}

// UnpackOwnerOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6352211e.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (metaPass *MetaPass) UnpackOwnerOf(data []byte) (common.Address, error) {
	out, err := metaPass.abi.Unpack("ownerOf", data)
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
func (metaPass *MetaPass) PackPause() []byte {
	enc, err := metaPass.abi.Pack("pause")
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
func (metaPass *MetaPass) TryPackPause() ([]byte, error) {
	return metaPass.abi.Pack("pause")
}

// PackPaused is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c975abb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function paused() view returns(bool)
func (metaPass *MetaPass) PackPaused() []byte {
	enc, err := metaPass.abi.Pack("paused")
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
func (metaPass *MetaPass) TryPackPaused() ([]byte, error) {
	return metaPass.abi.Pack("paused")
}

// UnpackPaused is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5c975abb.
//
// Solidity: function paused() view returns(bool)
func (metaPass *MetaPass) UnpackPaused(data []byte) (bool, error) {
	out, err := metaPass.abi.Unpack("paused", data)
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
func (metaPass *MetaPass) PackRenounceRole(role [32]byte, callerConfirmation common.Address) []byte {
	enc, err := metaPass.abi.Pack("renounceRole", role, callerConfirmation)
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
func (metaPass *MetaPass) TryPackRenounceRole(role [32]byte, callerConfirmation common.Address) ([]byte, error) {
	return metaPass.abi.Pack("renounceRole", role, callerConfirmation)
}

// PackRevokeRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd547741f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revokeRole(bytes32 role, address account) returns()
func (metaPass *MetaPass) PackRevokeRole(role [32]byte, account common.Address) []byte {
	enc, err := metaPass.abi.Pack("revokeRole", role, account)
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
func (metaPass *MetaPass) TryPackRevokeRole(role [32]byte, account common.Address) ([]byte, error) {
	return metaPass.abi.Pack("revokeRole", role, account)
}

// PackRoyaltyInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2a55205a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function royaltyInfo(uint256 tokenId, uint256 salePrice) view returns(address receiver, uint256 amount)
func (metaPass *MetaPass) PackRoyaltyInfo(tokenId *big.Int, salePrice *big.Int) []byte {
	enc, err := metaPass.abi.Pack("royaltyInfo", tokenId, salePrice)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRoyaltyInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2a55205a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function royaltyInfo(uint256 tokenId, uint256 salePrice) view returns(address receiver, uint256 amount)
func (metaPass *MetaPass) TryPackRoyaltyInfo(tokenId *big.Int, salePrice *big.Int) ([]byte, error) {
	return metaPass.abi.Pack("royaltyInfo", tokenId, salePrice)
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
// Solidity: function royaltyInfo(uint256 tokenId, uint256 salePrice) view returns(address receiver, uint256 amount)
func (metaPass *MetaPass) UnpackRoyaltyInfo(data []byte) (RoyaltyInfoOutput, error) {
	out, err := metaPass.abi.Unpack("royaltyInfo", data)
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
func (metaPass *MetaPass) PackSafeTransferFrom(from common.Address, to common.Address, tokenId *big.Int) []byte {
	enc, err := metaPass.abi.Pack("safeTransferFrom", from, to, tokenId)
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
func (metaPass *MetaPass) TryPackSafeTransferFrom(from common.Address, to common.Address, tokenId *big.Int) ([]byte, error) {
	return metaPass.abi.Pack("safeTransferFrom", from, to, tokenId)
}

// PackSafeTransferFrom0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb88d4fde.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId, bytes data) returns()
func (metaPass *MetaPass) PackSafeTransferFrom0(from common.Address, to common.Address, tokenId *big.Int, data []byte) []byte {
	enc, err := metaPass.abi.Pack("safeTransferFrom0", from, to, tokenId, data)
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
func (metaPass *MetaPass) TryPackSafeTransferFrom0(from common.Address, to common.Address, tokenId *big.Int, data []byte) ([]byte, error) {
	return metaPass.abi.Pack("safeTransferFrom0", from, to, tokenId, data)
}

// PackSetApprovalForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa22cb465.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setApprovalForAll(address operator, bool approved) returns()
func (metaPass *MetaPass) PackSetApprovalForAll(operator common.Address, approved bool) []byte {
	enc, err := metaPass.abi.Pack("setApprovalForAll", operator, approved)
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
func (metaPass *MetaPass) TryPackSetApprovalForAll(operator common.Address, approved bool) ([]byte, error) {
	return metaPass.abi.Pack("setApprovalForAll", operator, approved)
}

// PackSetBaseURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x55f804b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setBaseURI(string baseURI_) returns()
func (metaPass *MetaPass) PackSetBaseURI(baseURI string) []byte {
	enc, err := metaPass.abi.Pack("setBaseURI", baseURI)
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
func (metaPass *MetaPass) TryPackSetBaseURI(baseURI string) ([]byte, error) {
	return metaPass.abi.Pack("setBaseURI", baseURI)
}

// PackSetContractURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x938e3d7b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setContractURI(string contractURI_) returns()
func (metaPass *MetaPass) PackSetContractURI(contractURI string) []byte {
	enc, err := metaPass.abi.Pack("setContractURI", contractURI)
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
func (metaPass *MetaPass) TryPackSetContractURI(contractURI string) ([]byte, error) {
	return metaPass.abi.Pack("setContractURI", contractURI)
}

// PackSoulbound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0fad0f51.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function soulbound() view returns(bool)
func (metaPass *MetaPass) PackSoulbound() []byte {
	enc, err := metaPass.abi.Pack("soulbound")
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
func (metaPass *MetaPass) TryPackSoulbound() ([]byte, error) {
	return metaPass.abi.Pack("soulbound")
}

// UnpackSoulbound is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0fad0f51.
//
// Solidity: function soulbound() view returns(bool)
func (metaPass *MetaPass) UnpackSoulbound(data []byte) (bool, error) {
	out, err := metaPass.abi.Unpack("soulbound", data)
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
func (metaPass *MetaPass) PackSupportsInterface(interfaceId [4]byte) []byte {
	enc, err := metaPass.abi.Pack("supportsInterface", interfaceId)
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
func (metaPass *MetaPass) TryPackSupportsInterface(interfaceId [4]byte) ([]byte, error) {
	return metaPass.abi.Pack("supportsInterface", interfaceId)
}

// UnpackSupportsInterface is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (metaPass *MetaPass) UnpackSupportsInterface(data []byte) (bool, error) {
	out, err := metaPass.abi.Unpack("supportsInterface", data)
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
func (metaPass *MetaPass) PackSymbol() []byte {
	enc, err := metaPass.abi.Pack("symbol")
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
func (metaPass *MetaPass) TryPackSymbol() ([]byte, error) {
	return metaPass.abi.Pack("symbol")
}

// UnpackSymbol is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (metaPass *MetaPass) UnpackSymbol(data []byte) (string, error) {
	out, err := metaPass.abi.Unpack("symbol", data)
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
func (metaPass *MetaPass) PackTokenURI(tokenId *big.Int) []byte {
	enc, err := metaPass.abi.Pack("tokenURI", tokenId)
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
func (metaPass *MetaPass) TryPackTokenURI(tokenId *big.Int) ([]byte, error) {
	return metaPass.abi.Pack("tokenURI", tokenId)
}

// UnpackTokenURI is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc87b56dd.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (metaPass *MetaPass) UnpackTokenURI(data []byte) (string, error) {
	out, err := metaPass.abi.Unpack("tokenURI", data)
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
func (metaPass *MetaPass) PackTotalMinted() []byte {
	enc, err := metaPass.abi.Pack("totalMinted")
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
func (metaPass *MetaPass) TryPackTotalMinted() ([]byte, error) {
	return metaPass.abi.Pack("totalMinted")
}

// UnpackTotalMinted is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa2309ff8.
//
// Solidity: function totalMinted() view returns(uint256)
func (metaPass *MetaPass) UnpackTotalMinted(data []byte) (*big.Int, error) {
	out, err := metaPass.abi.Unpack("totalMinted", data)
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
func (metaPass *MetaPass) PackTotalSupply() []byte {
	enc, err := metaPass.abi.Pack("totalSupply")
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
func (metaPass *MetaPass) TryPackTotalSupply() ([]byte, error) {
	return metaPass.abi.Pack("totalSupply")
}

// UnpackTotalSupply is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (metaPass *MetaPass) UnpackTotalSupply(data []byte) (*big.Int, error) {
	out, err := metaPass.abi.Unpack("totalSupply", data)
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
func (metaPass *MetaPass) PackTransferFrom(from common.Address, to common.Address, tokenId *big.Int) []byte {
	enc, err := metaPass.abi.Pack("transferFrom", from, to, tokenId)
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
func (metaPass *MetaPass) TryPackTransferFrom(from common.Address, to common.Address, tokenId *big.Int) ([]byte, error) {
	return metaPass.abi.Pack("transferFrom", from, to, tokenId)
}

// PackUnpause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3f4ba83a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unpause() returns()
func (metaPass *MetaPass) PackUnpause() []byte {
	enc, err := metaPass.abi.Pack("unpause")
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
func (metaPass *MetaPass) TryPackUnpause() ([]byte, error) {
	return metaPass.abi.Pack("unpause")
}

// MetaPassApproval represents a Approval event raised by the MetaPass contract.
type MetaPassApproval struct {
	Owner    common.Address
	Approved common.Address
	TokenId  *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const MetaPassApprovalEventName = "Approval"

// ContractEventName returns the user-defined event name.
func (MetaPassApproval) ContractEventName() string {
	return MetaPassApprovalEventName
}

// UnpackApprovalEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId)
func (metaPass *MetaPass) UnpackApprovalEvent(log *types.Log) (*MetaPassApproval, error) {
	event := "Approval"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != metaPass.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MetaPassApproval)
	if len(log.Data) > 0 {
		if err := metaPass.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range metaPass.abi.Events[event].Inputs {
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

// MetaPassApprovalForAll represents a ApprovalForAll event raised by the MetaPass contract.
type MetaPassApprovalForAll struct {
	Owner    common.Address
	Operator common.Address
	Approved bool
	Raw      *types.Log // Blockchain specific contextual infos
}

const MetaPassApprovalForAllEventName = "ApprovalForAll"

// ContractEventName returns the user-defined event name.
func (MetaPassApprovalForAll) ContractEventName() string {
	return MetaPassApprovalForAllEventName
}

// UnpackApprovalForAllEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ApprovalForAll(address indexed owner, address indexed operator, bool approved)
func (metaPass *MetaPass) UnpackApprovalForAllEvent(log *types.Log) (*MetaPassApprovalForAll, error) {
	event := "ApprovalForAll"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != metaPass.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MetaPassApprovalForAll)
	if len(log.Data) > 0 {
		if err := metaPass.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range metaPass.abi.Events[event].Inputs {
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

// MetaPassBatchMetadataUpdate represents a BatchMetadataUpdate event raised by the MetaPass contract.
type MetaPassBatchMetadataUpdate struct {
	FromTokenId *big.Int
	ToTokenId   *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const MetaPassBatchMetadataUpdateEventName = "BatchMetadataUpdate"

// ContractEventName returns the user-defined event name.
func (MetaPassBatchMetadataUpdate) ContractEventName() string {
	return MetaPassBatchMetadataUpdateEventName
}

// UnpackBatchMetadataUpdateEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event BatchMetadataUpdate(uint256 _fromTokenId, uint256 _toTokenId)
func (metaPass *MetaPass) UnpackBatchMetadataUpdateEvent(log *types.Log) (*MetaPassBatchMetadataUpdate, error) {
	event := "BatchMetadataUpdate"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != metaPass.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MetaPassBatchMetadataUpdate)
	if len(log.Data) > 0 {
		if err := metaPass.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range metaPass.abi.Events[event].Inputs {
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

// MetaPassContractURIUpdated represents a ContractURIUpdated event raised by the MetaPass contract.
type MetaPassContractURIUpdated struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const MetaPassContractURIUpdatedEventName = "ContractURIUpdated"

// ContractEventName returns the user-defined event name.
func (MetaPassContractURIUpdated) ContractEventName() string {
	return MetaPassContractURIUpdatedEventName
}

// UnpackContractURIUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ContractURIUpdated()
func (metaPass *MetaPass) UnpackContractURIUpdatedEvent(log *types.Log) (*MetaPassContractURIUpdated, error) {
	event := "ContractURIUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != metaPass.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MetaPassContractURIUpdated)
	if len(log.Data) > 0 {
		if err := metaPass.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range metaPass.abi.Events[event].Inputs {
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

// MetaPassLocked represents a Locked event raised by the MetaPass contract.
type MetaPassLocked struct {
	TokenId *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const MetaPassLockedEventName = "Locked"

// ContractEventName returns the user-defined event name.
func (MetaPassLocked) ContractEventName() string {
	return MetaPassLockedEventName
}

// UnpackLockedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Locked(uint256 tokenId)
func (metaPass *MetaPass) UnpackLockedEvent(log *types.Log) (*MetaPassLocked, error) {
	event := "Locked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != metaPass.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MetaPassLocked)
	if len(log.Data) > 0 {
		if err := metaPass.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range metaPass.abi.Events[event].Inputs {
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

// MetaPassMetadataUpdate represents a MetadataUpdate event raised by the MetaPass contract.
type MetaPassMetadataUpdate struct {
	TokenId *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const MetaPassMetadataUpdateEventName = "MetadataUpdate"

// ContractEventName returns the user-defined event name.
func (MetaPassMetadataUpdate) ContractEventName() string {
	return MetaPassMetadataUpdateEventName
}

// UnpackMetadataUpdateEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MetadataUpdate(uint256 _tokenId)
func (metaPass *MetaPass) UnpackMetadataUpdateEvent(log *types.Log) (*MetaPassMetadataUpdate, error) {
	event := "MetadataUpdate"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != metaPass.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MetaPassMetadataUpdate)
	if len(log.Data) > 0 {
		if err := metaPass.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range metaPass.abi.Events[event].Inputs {
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

// MetaPassPaused represents a Paused event raised by the MetaPass contract.
type MetaPassPaused struct {
	Account common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const MetaPassPausedEventName = "Paused"

// ContractEventName returns the user-defined event name.
func (MetaPassPaused) ContractEventName() string {
	return MetaPassPausedEventName
}

// UnpackPausedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Paused(address account)
func (metaPass *MetaPass) UnpackPausedEvent(log *types.Log) (*MetaPassPaused, error) {
	event := "Paused"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != metaPass.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MetaPassPaused)
	if len(log.Data) > 0 {
		if err := metaPass.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range metaPass.abi.Events[event].Inputs {
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

// MetaPassRoleAdminChanged represents a RoleAdminChanged event raised by the MetaPass contract.
type MetaPassRoleAdminChanged struct {
	Role              [32]byte
	PreviousAdminRole [32]byte
	NewAdminRole      [32]byte
	Raw               *types.Log // Blockchain specific contextual infos
}

const MetaPassRoleAdminChangedEventName = "RoleAdminChanged"

// ContractEventName returns the user-defined event name.
func (MetaPassRoleAdminChanged) ContractEventName() string {
	return MetaPassRoleAdminChangedEventName
}

// UnpackRoleAdminChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole)
func (metaPass *MetaPass) UnpackRoleAdminChangedEvent(log *types.Log) (*MetaPassRoleAdminChanged, error) {
	event := "RoleAdminChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != metaPass.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MetaPassRoleAdminChanged)
	if len(log.Data) > 0 {
		if err := metaPass.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range metaPass.abi.Events[event].Inputs {
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

// MetaPassRoleGranted represents a RoleGranted event raised by the MetaPass contract.
type MetaPassRoleGranted struct {
	Role    [32]byte
	Account common.Address
	Sender  common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const MetaPassRoleGrantedEventName = "RoleGranted"

// ContractEventName returns the user-defined event name.
func (MetaPassRoleGranted) ContractEventName() string {
	return MetaPassRoleGrantedEventName
}

// UnpackRoleGrantedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)
func (metaPass *MetaPass) UnpackRoleGrantedEvent(log *types.Log) (*MetaPassRoleGranted, error) {
	event := "RoleGranted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != metaPass.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MetaPassRoleGranted)
	if len(log.Data) > 0 {
		if err := metaPass.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range metaPass.abi.Events[event].Inputs {
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

// MetaPassRoleRevoked represents a RoleRevoked event raised by the MetaPass contract.
type MetaPassRoleRevoked struct {
	Role    [32]byte
	Account common.Address
	Sender  common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const MetaPassRoleRevokedEventName = "RoleRevoked"

// ContractEventName returns the user-defined event name.
func (MetaPassRoleRevoked) ContractEventName() string {
	return MetaPassRoleRevokedEventName
}

// UnpackRoleRevokedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)
func (metaPass *MetaPass) UnpackRoleRevokedEvent(log *types.Log) (*MetaPassRoleRevoked, error) {
	event := "RoleRevoked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != metaPass.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MetaPassRoleRevoked)
	if len(log.Data) > 0 {
		if err := metaPass.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range metaPass.abi.Events[event].Inputs {
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

// MetaPassTransfer represents a Transfer event raised by the MetaPass contract.
type MetaPassTransfer struct {
	From    common.Address
	To      common.Address
	TokenId *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const MetaPassTransferEventName = "Transfer"

// ContractEventName returns the user-defined event name.
func (MetaPassTransfer) ContractEventName() string {
	return MetaPassTransferEventName
}

// UnpackTransferEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)
func (metaPass *MetaPass) UnpackTransferEvent(log *types.Log) (*MetaPassTransfer, error) {
	event := "Transfer"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != metaPass.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MetaPassTransfer)
	if len(log.Data) > 0 {
		if err := metaPass.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range metaPass.abi.Events[event].Inputs {
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

// MetaPassUnlocked represents a Unlocked event raised by the MetaPass contract.
type MetaPassUnlocked struct {
	TokenId *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const MetaPassUnlockedEventName = "Unlocked"

// ContractEventName returns the user-defined event name.
func (MetaPassUnlocked) ContractEventName() string {
	return MetaPassUnlockedEventName
}

// UnpackUnlockedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Unlocked(uint256 tokenId)
func (metaPass *MetaPass) UnpackUnlockedEvent(log *types.Log) (*MetaPassUnlocked, error) {
	event := "Unlocked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != metaPass.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MetaPassUnlocked)
	if len(log.Data) > 0 {
		if err := metaPass.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range metaPass.abi.Events[event].Inputs {
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

// MetaPassUnpaused represents a Unpaused event raised by the MetaPass contract.
type MetaPassUnpaused struct {
	Account common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const MetaPassUnpausedEventName = "Unpaused"

// ContractEventName returns the user-defined event name.
func (MetaPassUnpaused) ContractEventName() string {
	return MetaPassUnpausedEventName
}

// UnpackUnpausedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Unpaused(address account)
func (metaPass *MetaPass) UnpackUnpausedEvent(log *types.Log) (*MetaPassUnpaused, error) {
	event := "Unpaused"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != metaPass.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MetaPassUnpaused)
	if len(log.Data) > 0 {
		if err := metaPass.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range metaPass.abi.Events[event].Inputs {
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
func (metaPass *MetaPass) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], metaPass.abi.Errors["AccessControlBadConfirmation"].ID.Bytes()[:4]) {
		return metaPass.UnpackAccessControlBadConfirmationError(raw[4:])
	}
	if bytes.Equal(raw[:4], metaPass.abi.Errors["AccessControlUnauthorizedAccount"].ID.Bytes()[:4]) {
		return metaPass.UnpackAccessControlUnauthorizedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], metaPass.abi.Errors["ERC2981InvalidDefaultRoyalty"].ID.Bytes()[:4]) {
		return metaPass.UnpackERC2981InvalidDefaultRoyaltyError(raw[4:])
	}
	if bytes.Equal(raw[:4], metaPass.abi.Errors["ERC2981InvalidDefaultRoyaltyReceiver"].ID.Bytes()[:4]) {
		return metaPass.UnpackERC2981InvalidDefaultRoyaltyReceiverError(raw[4:])
	}
	if bytes.Equal(raw[:4], metaPass.abi.Errors["ERC2981InvalidTokenRoyalty"].ID.Bytes()[:4]) {
		return metaPass.UnpackERC2981InvalidTokenRoyaltyError(raw[4:])
	}
	if bytes.Equal(raw[:4], metaPass.abi.Errors["ERC2981InvalidTokenRoyaltyReceiver"].ID.Bytes()[:4]) {
		return metaPass.UnpackERC2981InvalidTokenRoyaltyReceiverError(raw[4:])
	}
	if bytes.Equal(raw[:4], metaPass.abi.Errors["ERC721IncorrectOwner"].ID.Bytes()[:4]) {
		return metaPass.UnpackERC721IncorrectOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], metaPass.abi.Errors["ERC721InsufficientApproval"].ID.Bytes()[:4]) {
		return metaPass.UnpackERC721InsufficientApprovalError(raw[4:])
	}
	if bytes.Equal(raw[:4], metaPass.abi.Errors["ERC721InvalidApprover"].ID.Bytes()[:4]) {
		return metaPass.UnpackERC721InvalidApproverError(raw[4:])
	}
	if bytes.Equal(raw[:4], metaPass.abi.Errors["ERC721InvalidOperator"].ID.Bytes()[:4]) {
		return metaPass.UnpackERC721InvalidOperatorError(raw[4:])
	}
	if bytes.Equal(raw[:4], metaPass.abi.Errors["ERC721InvalidOwner"].ID.Bytes()[:4]) {
		return metaPass.UnpackERC721InvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], metaPass.abi.Errors["ERC721InvalidReceiver"].ID.Bytes()[:4]) {
		return metaPass.UnpackERC721InvalidReceiverError(raw[4:])
	}
	if bytes.Equal(raw[:4], metaPass.abi.Errors["ERC721InvalidSender"].ID.Bytes()[:4]) {
		return metaPass.UnpackERC721InvalidSenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], metaPass.abi.Errors["ERC721NonexistentToken"].ID.Bytes()[:4]) {
		return metaPass.UnpackERC721NonexistentTokenError(raw[4:])
	}
	if bytes.Equal(raw[:4], metaPass.abi.Errors["EnforcedPause"].ID.Bytes()[:4]) {
		return metaPass.UnpackEnforcedPauseError(raw[4:])
	}
	if bytes.Equal(raw[:4], metaPass.abi.Errors["ExpectedPause"].ID.Bytes()[:4]) {
		return metaPass.UnpackExpectedPauseError(raw[4:])
	}
	if bytes.Equal(raw[:4], metaPass.abi.Errors["InvalidAdmin"].ID.Bytes()[:4]) {
		return metaPass.UnpackInvalidAdminError(raw[4:])
	}
	if bytes.Equal(raw[:4], metaPass.abi.Errors["InvalidBatchLength"].ID.Bytes()[:4]) {
		return metaPass.UnpackInvalidBatchLengthError(raw[4:])
	}
	if bytes.Equal(raw[:4], metaPass.abi.Errors["InvalidMaxSupply"].ID.Bytes()[:4]) {
		return metaPass.UnpackInvalidMaxSupplyError(raw[4:])
	}
	if bytes.Equal(raw[:4], metaPass.abi.Errors["InvalidTokenId"].ID.Bytes()[:4]) {
		return metaPass.UnpackInvalidTokenIdError(raw[4:])
	}
	if bytes.Equal(raw[:4], metaPass.abi.Errors["Soulbound"].ID.Bytes()[:4]) {
		return metaPass.UnpackSoulboundError(raw[4:])
	}
	if bytes.Equal(raw[:4], metaPass.abi.Errors["SupplyCapExceeded"].ID.Bytes()[:4]) {
		return metaPass.UnpackSupplyCapExceededError(raw[4:])
	}
	if bytes.Equal(raw[:4], metaPass.abi.Errors["TokenIdBurned"].ID.Bytes()[:4]) {
		return metaPass.UnpackTokenIdBurnedError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// MetaPassAccessControlBadConfirmation represents a AccessControlBadConfirmation error raised by the MetaPass contract.
type MetaPassAccessControlBadConfirmation struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AccessControlBadConfirmation()
func MetaPassAccessControlBadConfirmationErrorID() common.Hash {
	return common.HexToHash("0x6697b23232a647058342c0724fe7c415cab25915b54e5dbc03f233173d37b41c")
}

// UnpackAccessControlBadConfirmationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AccessControlBadConfirmation()
func (metaPass *MetaPass) UnpackAccessControlBadConfirmationError(raw []byte) (*MetaPassAccessControlBadConfirmation, error) {
	out := new(MetaPassAccessControlBadConfirmation)
	if err := metaPass.abi.UnpackIntoInterface(out, "AccessControlBadConfirmation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetaPassAccessControlUnauthorizedAccount represents a AccessControlUnauthorizedAccount error raised by the MetaPass contract.
type MetaPassAccessControlUnauthorizedAccount struct {
	Account    common.Address
	NeededRole [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AccessControlUnauthorizedAccount(address account, bytes32 neededRole)
func MetaPassAccessControlUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0xe2517d3fbfae6f8515ef5ff1ccedc3933ab0cbbda0b492c06eb54ad10ef03b3e")
}

// UnpackAccessControlUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AccessControlUnauthorizedAccount(address account, bytes32 neededRole)
func (metaPass *MetaPass) UnpackAccessControlUnauthorizedAccountError(raw []byte) (*MetaPassAccessControlUnauthorizedAccount, error) {
	out := new(MetaPassAccessControlUnauthorizedAccount)
	if err := metaPass.abi.UnpackIntoInterface(out, "AccessControlUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetaPassERC2981InvalidDefaultRoyalty represents a ERC2981InvalidDefaultRoyalty error raised by the MetaPass contract.
type MetaPassERC2981InvalidDefaultRoyalty struct {
	Numerator   *big.Int
	Denominator *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC2981InvalidDefaultRoyalty(uint256 numerator, uint256 denominator)
func MetaPassERC2981InvalidDefaultRoyaltyErrorID() common.Hash {
	return common.HexToHash("0x6f483d09b3a1c4c035367ae09146a8a08a718cb6617416cc12a2457ab3d65514")
}

// UnpackERC2981InvalidDefaultRoyaltyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC2981InvalidDefaultRoyalty(uint256 numerator, uint256 denominator)
func (metaPass *MetaPass) UnpackERC2981InvalidDefaultRoyaltyError(raw []byte) (*MetaPassERC2981InvalidDefaultRoyalty, error) {
	out := new(MetaPassERC2981InvalidDefaultRoyalty)
	if err := metaPass.abi.UnpackIntoInterface(out, "ERC2981InvalidDefaultRoyalty", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetaPassERC2981InvalidDefaultRoyaltyReceiver represents a ERC2981InvalidDefaultRoyaltyReceiver error raised by the MetaPass contract.
type MetaPassERC2981InvalidDefaultRoyaltyReceiver struct {
	Receiver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC2981InvalidDefaultRoyaltyReceiver(address receiver)
func MetaPassERC2981InvalidDefaultRoyaltyReceiverErrorID() common.Hash {
	return common.HexToHash("0xb6d9900a710828c2d05fe8061d6309d02a20eaa45cd00228c2c2dfbfa2b86fc3")
}

// UnpackERC2981InvalidDefaultRoyaltyReceiverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC2981InvalidDefaultRoyaltyReceiver(address receiver)
func (metaPass *MetaPass) UnpackERC2981InvalidDefaultRoyaltyReceiverError(raw []byte) (*MetaPassERC2981InvalidDefaultRoyaltyReceiver, error) {
	out := new(MetaPassERC2981InvalidDefaultRoyaltyReceiver)
	if err := metaPass.abi.UnpackIntoInterface(out, "ERC2981InvalidDefaultRoyaltyReceiver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetaPassERC2981InvalidTokenRoyalty represents a ERC2981InvalidTokenRoyalty error raised by the MetaPass contract.
type MetaPassERC2981InvalidTokenRoyalty struct {
	TokenId     *big.Int
	Numerator   *big.Int
	Denominator *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC2981InvalidTokenRoyalty(uint256 tokenId, uint256 numerator, uint256 denominator)
func MetaPassERC2981InvalidTokenRoyaltyErrorID() common.Hash {
	return common.HexToHash("0xdfd1fc1b5658265f0993b87b75dd02b2fdcb36b128879bccdcf260effa0856bf")
}

// UnpackERC2981InvalidTokenRoyaltyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC2981InvalidTokenRoyalty(uint256 tokenId, uint256 numerator, uint256 denominator)
func (metaPass *MetaPass) UnpackERC2981InvalidTokenRoyaltyError(raw []byte) (*MetaPassERC2981InvalidTokenRoyalty, error) {
	out := new(MetaPassERC2981InvalidTokenRoyalty)
	if err := metaPass.abi.UnpackIntoInterface(out, "ERC2981InvalidTokenRoyalty", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetaPassERC2981InvalidTokenRoyaltyReceiver represents a ERC2981InvalidTokenRoyaltyReceiver error raised by the MetaPass contract.
type MetaPassERC2981InvalidTokenRoyaltyReceiver struct {
	TokenId  *big.Int
	Receiver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC2981InvalidTokenRoyaltyReceiver(uint256 tokenId, address receiver)
func MetaPassERC2981InvalidTokenRoyaltyReceiverErrorID() common.Hash {
	return common.HexToHash("0x969f0852135afead3ca9a1ff1e4fe485d35593f81a91d5dbe3a5737302cdbda8")
}

// UnpackERC2981InvalidTokenRoyaltyReceiverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC2981InvalidTokenRoyaltyReceiver(uint256 tokenId, address receiver)
func (metaPass *MetaPass) UnpackERC2981InvalidTokenRoyaltyReceiverError(raw []byte) (*MetaPassERC2981InvalidTokenRoyaltyReceiver, error) {
	out := new(MetaPassERC2981InvalidTokenRoyaltyReceiver)
	if err := metaPass.abi.UnpackIntoInterface(out, "ERC2981InvalidTokenRoyaltyReceiver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetaPassERC721IncorrectOwner represents a ERC721IncorrectOwner error raised by the MetaPass contract.
type MetaPassERC721IncorrectOwner struct {
	Sender  common.Address
	TokenId *big.Int
	Owner   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721IncorrectOwner(address sender, uint256 tokenId, address owner)
func MetaPassERC721IncorrectOwnerErrorID() common.Hash {
	return common.HexToHash("0x64283d7b313c8117c125f736876fa2b4e90ea3831a4716dfdb87d2f540e26289")
}

// UnpackERC721IncorrectOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721IncorrectOwner(address sender, uint256 tokenId, address owner)
func (metaPass *MetaPass) UnpackERC721IncorrectOwnerError(raw []byte) (*MetaPassERC721IncorrectOwner, error) {
	out := new(MetaPassERC721IncorrectOwner)
	if err := metaPass.abi.UnpackIntoInterface(out, "ERC721IncorrectOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetaPassERC721InsufficientApproval represents a ERC721InsufficientApproval error raised by the MetaPass contract.
type MetaPassERC721InsufficientApproval struct {
	Operator common.Address
	TokenId  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InsufficientApproval(address operator, uint256 tokenId)
func MetaPassERC721InsufficientApprovalErrorID() common.Hash {
	return common.HexToHash("0x177e802f6f313bc89797ecace66d6d29ab4719cbaaacbb87367264048b1eb861")
}

// UnpackERC721InsufficientApprovalError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InsufficientApproval(address operator, uint256 tokenId)
func (metaPass *MetaPass) UnpackERC721InsufficientApprovalError(raw []byte) (*MetaPassERC721InsufficientApproval, error) {
	out := new(MetaPassERC721InsufficientApproval)
	if err := metaPass.abi.UnpackIntoInterface(out, "ERC721InsufficientApproval", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetaPassERC721InvalidApprover represents a ERC721InvalidApprover error raised by the MetaPass contract.
type MetaPassERC721InvalidApprover struct {
	Approver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidApprover(address approver)
func MetaPassERC721InvalidApproverErrorID() common.Hash {
	return common.HexToHash("0xa9fbf51f86b8e03595d59dc726bb10c329bb24f62589be276d8dd193ca0b69ea")
}

// UnpackERC721InvalidApproverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidApprover(address approver)
func (metaPass *MetaPass) UnpackERC721InvalidApproverError(raw []byte) (*MetaPassERC721InvalidApprover, error) {
	out := new(MetaPassERC721InvalidApprover)
	if err := metaPass.abi.UnpackIntoInterface(out, "ERC721InvalidApprover", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetaPassERC721InvalidOperator represents a ERC721InvalidOperator error raised by the MetaPass contract.
type MetaPassERC721InvalidOperator struct {
	Operator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidOperator(address operator)
func MetaPassERC721InvalidOperatorErrorID() common.Hash {
	return common.HexToHash("0x5b08ba185e8f577075361f3a3555a6580a227ce22734dcc979c1aeadf894658b")
}

// UnpackERC721InvalidOperatorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidOperator(address operator)
func (metaPass *MetaPass) UnpackERC721InvalidOperatorError(raw []byte) (*MetaPassERC721InvalidOperator, error) {
	out := new(MetaPassERC721InvalidOperator)
	if err := metaPass.abi.UnpackIntoInterface(out, "ERC721InvalidOperator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetaPassERC721InvalidOwner represents a ERC721InvalidOwner error raised by the MetaPass contract.
type MetaPassERC721InvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidOwner(address owner)
func MetaPassERC721InvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x89c62b6479af2e623826dcc39c5133061d35b66d72de92833401dd2fd6567480")
}

// UnpackERC721InvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidOwner(address owner)
func (metaPass *MetaPass) UnpackERC721InvalidOwnerError(raw []byte) (*MetaPassERC721InvalidOwner, error) {
	out := new(MetaPassERC721InvalidOwner)
	if err := metaPass.abi.UnpackIntoInterface(out, "ERC721InvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetaPassERC721InvalidReceiver represents a ERC721InvalidReceiver error raised by the MetaPass contract.
type MetaPassERC721InvalidReceiver struct {
	Receiver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidReceiver(address receiver)
func MetaPassERC721InvalidReceiverErrorID() common.Hash {
	return common.HexToHash("0x64a0ae9278f805eaf991dcd18ca78756d280b7508b764ef1b255c55845c11df9")
}

// UnpackERC721InvalidReceiverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidReceiver(address receiver)
func (metaPass *MetaPass) UnpackERC721InvalidReceiverError(raw []byte) (*MetaPassERC721InvalidReceiver, error) {
	out := new(MetaPassERC721InvalidReceiver)
	if err := metaPass.abi.UnpackIntoInterface(out, "ERC721InvalidReceiver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetaPassERC721InvalidSender represents a ERC721InvalidSender error raised by the MetaPass contract.
type MetaPassERC721InvalidSender struct {
	Sender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidSender(address sender)
func MetaPassERC721InvalidSenderErrorID() common.Hash {
	return common.HexToHash("0x73c6ac6e10798e95d99e1f130d923eb40193ecb8d094ec3dce93292564eb3b17")
}

// UnpackERC721InvalidSenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidSender(address sender)
func (metaPass *MetaPass) UnpackERC721InvalidSenderError(raw []byte) (*MetaPassERC721InvalidSender, error) {
	out := new(MetaPassERC721InvalidSender)
	if err := metaPass.abi.UnpackIntoInterface(out, "ERC721InvalidSender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetaPassERC721NonexistentToken represents a ERC721NonexistentToken error raised by the MetaPass contract.
type MetaPassERC721NonexistentToken struct {
	TokenId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721NonexistentToken(uint256 tokenId)
func MetaPassERC721NonexistentTokenErrorID() common.Hash {
	return common.HexToHash("0x7e273289a3a9ef6670f06df7dca227856fc925e956db96980692764a8bc734d7")
}

// UnpackERC721NonexistentTokenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721NonexistentToken(uint256 tokenId)
func (metaPass *MetaPass) UnpackERC721NonexistentTokenError(raw []byte) (*MetaPassERC721NonexistentToken, error) {
	out := new(MetaPassERC721NonexistentToken)
	if err := metaPass.abi.UnpackIntoInterface(out, "ERC721NonexistentToken", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetaPassEnforcedPause represents a EnforcedPause error raised by the MetaPass contract.
type MetaPassEnforcedPause struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EnforcedPause()
func MetaPassEnforcedPauseErrorID() common.Hash {
	return common.HexToHash("0xd93c0665d6c96d04a8f174024fc4ddd66c250604aff22bbec808de86dd3637e3")
}

// UnpackEnforcedPauseError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EnforcedPause()
func (metaPass *MetaPass) UnpackEnforcedPauseError(raw []byte) (*MetaPassEnforcedPause, error) {
	out := new(MetaPassEnforcedPause)
	if err := metaPass.abi.UnpackIntoInterface(out, "EnforcedPause", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetaPassExpectedPause represents a ExpectedPause error raised by the MetaPass contract.
type MetaPassExpectedPause struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ExpectedPause()
func MetaPassExpectedPauseErrorID() common.Hash {
	return common.HexToHash("0x8dfc202bcfe9a735b559bee70674422512bc5c30f687046ae8778315fb81da44")
}

// UnpackExpectedPauseError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ExpectedPause()
func (metaPass *MetaPass) UnpackExpectedPauseError(raw []byte) (*MetaPassExpectedPause, error) {
	out := new(MetaPassExpectedPause)
	if err := metaPass.abi.UnpackIntoInterface(out, "ExpectedPause", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetaPassInvalidAdmin represents a InvalidAdmin error raised by the MetaPass contract.
type MetaPassInvalidAdmin struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidAdmin()
func MetaPassInvalidAdminErrorID() common.Hash {
	return common.HexToHash("0xb5eba9f01c7cbc6d71522850c06349630c7deaed3ac3e944712461ed3625f10e")
}

// UnpackInvalidAdminError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidAdmin()
func (metaPass *MetaPass) UnpackInvalidAdminError(raw []byte) (*MetaPassInvalidAdmin, error) {
	out := new(MetaPassInvalidAdmin)
	if err := metaPass.abi.UnpackIntoInterface(out, "InvalidAdmin", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetaPassInvalidBatchLength represents a InvalidBatchLength error raised by the MetaPass contract.
type MetaPassInvalidBatchLength struct {
	Recipients *big.Int
	TokenIds   *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidBatchLength(uint256 recipients, uint256 tokenIds)
func MetaPassInvalidBatchLengthErrorID() common.Hash {
	return common.HexToHash("0xcc582fc55dd3d7b401ef5d59153c5aedbf9429244f85934732568ad45d946b59")
}

// UnpackInvalidBatchLengthError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidBatchLength(uint256 recipients, uint256 tokenIds)
func (metaPass *MetaPass) UnpackInvalidBatchLengthError(raw []byte) (*MetaPassInvalidBatchLength, error) {
	out := new(MetaPassInvalidBatchLength)
	if err := metaPass.abi.UnpackIntoInterface(out, "InvalidBatchLength", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetaPassInvalidMaxSupply represents a InvalidMaxSupply error raised by the MetaPass contract.
type MetaPassInvalidMaxSupply struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidMaxSupply()
func MetaPassInvalidMaxSupplyErrorID() common.Hash {
	return common.HexToHash("0x19bcc14cb880f97c380b09eba67bf4681c27f4f362a3bf5717918c44d30070d3")
}

// UnpackInvalidMaxSupplyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidMaxSupply()
func (metaPass *MetaPass) UnpackInvalidMaxSupplyError(raw []byte) (*MetaPassInvalidMaxSupply, error) {
	out := new(MetaPassInvalidMaxSupply)
	if err := metaPass.abi.UnpackIntoInterface(out, "InvalidMaxSupply", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetaPassInvalidTokenId represents a InvalidTokenId error raised by the MetaPass contract.
type MetaPassInvalidTokenId struct {
	TokenId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidTokenId(uint256 tokenId)
func MetaPassInvalidTokenIdErrorID() common.Hash {
	return common.HexToHash("0xed15e6cf46a3fb42707d66be20883bf432411022cf2609950de1a6d5f8c0c28d")
}

// UnpackInvalidTokenIdError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidTokenId(uint256 tokenId)
func (metaPass *MetaPass) UnpackInvalidTokenIdError(raw []byte) (*MetaPassInvalidTokenId, error) {
	out := new(MetaPassInvalidTokenId)
	if err := metaPass.abi.UnpackIntoInterface(out, "InvalidTokenId", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetaPassSoulbound represents a Soulbound error raised by the MetaPass contract.
type MetaPassSoulbound struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error Soulbound()
func MetaPassSoulboundErrorID() common.Hash {
	return common.HexToHash("0xa4420a95d7f3ff69d13904950688298cd959b03d9bf658c77c6903bcb26e7911")
}

// UnpackSoulboundError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error Soulbound()
func (metaPass *MetaPass) UnpackSoulboundError(raw []byte) (*MetaPassSoulbound, error) {
	out := new(MetaPassSoulbound)
	if err := metaPass.abi.UnpackIntoInterface(out, "Soulbound", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetaPassSupplyCapExceeded represents a SupplyCapExceeded error raised by the MetaPass contract.
type MetaPassSupplyCapExceeded struct {
	Requested *big.Int
	Remaining *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SupplyCapExceeded(uint256 requested, uint256 remaining)
func MetaPassSupplyCapExceededErrorID() common.Hash {
	return common.HexToHash("0x4b344b11eba23caa214c65adbd2869e50bd62099a66779a6776501f75116ec93")
}

// UnpackSupplyCapExceededError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SupplyCapExceeded(uint256 requested, uint256 remaining)
func (metaPass *MetaPass) UnpackSupplyCapExceededError(raw []byte) (*MetaPassSupplyCapExceeded, error) {
	out := new(MetaPassSupplyCapExceeded)
	if err := metaPass.abi.UnpackIntoInterface(out, "SupplyCapExceeded", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetaPassTokenIdBurned represents a TokenIdBurned error raised by the MetaPass contract.
type MetaPassTokenIdBurned struct {
	TokenId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TokenIdBurned(uint256 tokenId)
func MetaPassTokenIdBurnedErrorID() common.Hash {
	return common.HexToHash("0x9fd6658a4b0030bc5db412c9a19e5eb8f60219fd111d5271b4da7b7fe618fd93")
}

// UnpackTokenIdBurnedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TokenIdBurned(uint256 tokenId)
func (metaPass *MetaPass) UnpackTokenIdBurnedError(raw []byte) (*MetaPassTokenIdBurned, error) {
	out := new(MetaPassTokenIdBurned)
	if err := metaPass.abi.UnpackIntoInterface(out, "TokenIdBurned", raw); err != nil {
		return nil, err
	}
	return out, nil
}
