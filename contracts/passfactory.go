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

// PassFactoryParams is an auto generated low-level Go binding around an user-defined struct.
type PassFactoryParams struct {
	Name            string
	Symbol          string
	UriPrefix       string
	MaxSupply       *big.Int
	Soulbound       bool
	Admin           common.Address
	Minter          common.Address
	RoyaltyReceiver common.Address
	RoyaltyBps      uint16
}

// PassFactoryMetaData contains all meta data concerning the PassFactory contract.
var PassFactoryMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"implementation_\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"CloneArgumentsTooLong\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Create2EmptyBytecode\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"FailedDeployment\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"implementation\",\"type\":\"address\"}],\"name\":\"InvalidImplementation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"royaltyBps\",\"type\":\"uint256\"}],\"name\":\"InvalidRoyalty\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"s\",\"type\":\"string\"}],\"name\":\"StringTooLong\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"collection\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"deployer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"}],\"name\":\"CollectionCreated\",\"type\":\"event\"},{\"inputs\":[{\"components\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"symbol\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"uriPrefix\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"maxSupply\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"soulbound\",\"type\":\"bool\"},{\"internalType\":\"address\",\"name\":\"admin\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"minter\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"royaltyReceiver\",\"type\":\"address\"},{\"internalType\":\"uint16\",\"name\":\"royaltyBps\",\"type\":\"uint16\"}],\"internalType\":\"structPassFactory.Params\",\"name\":\"p\",\"type\":\"tuple\"}],\"name\":\"cloneArgs\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"symbol\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"uriPrefix\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"maxSupply\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"soulbound\",\"type\":\"bool\"},{\"internalType\":\"address\",\"name\":\"admin\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"minter\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"royaltyReceiver\",\"type\":\"address\"},{\"internalType\":\"uint16\",\"name\":\"royaltyBps\",\"type\":\"uint16\"}],\"internalType\":\"structPassFactory.Params\",\"name\":\"p\",\"type\":\"tuple\"}],\"name\":\"createCollection\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"collection\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"implementation\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"deployer\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"symbol\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"uriPrefix\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"maxSupply\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"soulbound\",\"type\":\"bool\"},{\"internalType\":\"address\",\"name\":\"admin\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"minter\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"royaltyReceiver\",\"type\":\"address\"},{\"internalType\":\"uint16\",\"name\":\"royaltyBps\",\"type\":\"uint16\"}],\"internalType\":\"structPassFactory.Params\",\"name\":\"p\",\"type\":\"tuple\"}],\"name\":\"predictCollection\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "6d9b771aef5c2e7f7cc1bdd925e1199635",
	Bin: "0x60a060405234801561000f575f5ffd5b506040516109bc3803806109bc83398101604081905261002e91610078565b806001600160a01b03163b5f0361006757604051630c76093760e01b81526001600160a01b038216600482015260240160405180910390fd5b6001600160a01b03166080526100a5565b5f60208284031215610088575f5ffd5b81516001600160a01b038116811461009e575f5ffd5b9392505050565b6080516108f36100c95f395f818160530152818160de015261020701526108f35ff3fe608060405234801561000f575f5ffd5b506004361061004a575f3560e01c80635c60da1b1461004e5780639b8c511414610092578063d350e6c3146100a5578063e60ae886146100b8575b5f5ffd5b6100757f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020015b60405180910390f35b6100756100a03660046105e3565b6100d8565b6100756100b3366004610642565b610201565b6100cb6100c6366004610695565b610248565b60405161008991906106fd565b5f6101157f000000000000000000000000000000000000000000000000000000000000000061010684610259565b610110338761034a565b610386565b90506001600160a01b0381166384863aab61013660c0850160a0860161070f565b61014660e0860160c0870161070f565b606086013561015b60a0880160808901610728565b6040516001600160e01b031960e087901b1681526001600160a01b0394851660048201529390921660248401526044830152151560648201526084015f604051808303815f87803b1580156101ae575f5ffd5b505af11580156101c0573d5f5f3e3d5ffd5b50506040518592503391506001600160a01b038416907fdac8d7ac7572e04074c3481cf92a231efb2e6a2f1142399e90b5b656f86978c4905f90a492915050565b5f61023e7f000000000000000000000000000000000000000000000000000000000000000061022f84610259565b610239878761034a565b610393565b90505b9392505050565b606061025382610259565b92915050565b60606102536102688380610747565b8080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152506102a9925050506020850185610747565b8080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152506102ea925050506040860186610747565b8080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525061032f92505050610100870160e0880161070f565b61034161012088016101008901610791565b61ffff166103a0565b604080516001600160a01b03841660208201529081018290525f9060600160405160208183030381529060405280519060200120905092915050565b5f61023e8484845f610465565b5f61023e84848430610488565b606060ff865111156103d0578560405163305a27a960e01b81526004016103c791906106fd565b60405180910390fd5b60ff855111156103f5578460405163305a27a960e01b81526004016103c791906106fd565b61271082111561041b57604051638243d3d760e01b8152600481018390526024016103c7565b6001600160a01b03831661042d575f91505b8551855160405161044b92869286928b91908b908b906020016107c9565b604051602081830303815290604052905095945050505050565b5f5f61047186866104a8565b905061047e838583610506565b9695505050505050565b5f5f61049486866104a8565b905061047e8482805190602001208561059a565b6060615fd3825111156104ce5760405163250a241560e21b815260040160405180910390fd5b81516104db90602d61084a565b83836040516020016104ef93929190610869565b604051602081830303815290604052905092915050565b5f834710156105315760405163cf47918160e01b8152476004820152602481018590526044016103c7565b81515f0361055257604051631328927760e21b815260040160405180910390fd5b8282516020840186f590503d151981151615610573576040513d5f823e3d81fd5b6001600160a01b0381166102415760405163b06ebf3d60e01b815260040160405180910390fd5b5f604051836040820152846020820152828152600b8101905060ff8153605590206001600160a01b0316949350505050565b5f61012082840312156105dd575f5ffd5b50919050565b5f5f604083850312156105f4575f5ffd5b82359150602083013567ffffffffffffffff811115610611575f5ffd5b61061d858286016105cc565b9150509250929050565b80356001600160a01b038116811461063d575f5ffd5b919050565b5f5f5f60608486031215610654575f5ffd5b61065d84610627565b925060208401359150604084013567ffffffffffffffff81111561067f575f5ffd5b61068b868287016105cc565b9150509250925092565b5f602082840312156106a5575f5ffd5b813567ffffffffffffffff8111156106bb575f5ffd5b6106c7848285016105cc565b949350505050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f61024160208301846106cf565b5f6020828403121561071f575f5ffd5b61024182610627565b5f60208284031215610738575f5ffd5b81358015158114610241575f5ffd5b5f5f8335601e1984360301811261075c575f5ffd5b83018035915067ffffffffffffffff821115610776575f5ffd5b60200191503681900382131561078a575f5ffd5b9250929050565b5f602082840312156107a1575f5ffd5b813561ffff81168114610241575f5ffd5b5f81518060208401855e5f93019283525090919050565b606088901b6bffffffffffffffffffffffff1916815260f087901b6001600160f01b031916601482015260f886901b6001600160f81b03191660168201525f61081560178301876107b2565b60f886901b6001600160f81b031916815261083c61083660018301876107b2565b856107b2565b9a9950505050505050505050565b8082018082111561025357634e487b7160e01b5f52601160045260245ffd5b606160f81b815260f084901b6001600160f01b0319166001820152703d81600a3d39f3363d3d373d3d3d363d7360781b6003820152606083901b6bffffffffffffffffffffffff191660148201526e5af43d82803e903d91602b57fd5bf360881b60288201525f6108dd60378301846107b2565b9594505050505056fea164736f6c634300081e000a",
}

// PassFactory is an auto generated Go binding around an Ethereum contract.
type PassFactory struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *PassFactory) GetABI() abi.ABI {
	return c.abi
}

// NewPassFactory creates a new instance of PassFactory.
func NewPassFactory() *PassFactory {
	parsed, err := PassFactoryMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &PassFactory{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *PassFactory) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address implementation_) returns()
func (passFactory *PassFactory) PackConstructor(implementation_ common.Address) []byte {
	enc, err := passFactory.abi.Pack("", implementation_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackCloneArgs is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe60ae886.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function cloneArgs((string,string,string,uint256,bool,address,address,address,uint16) p) pure returns(bytes)
func (passFactory *PassFactory) PackCloneArgs(p PassFactoryParams) []byte {
	enc, err := passFactory.abi.Pack("cloneArgs", p)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCloneArgs is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe60ae886.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function cloneArgs((string,string,string,uint256,bool,address,address,address,uint16) p) pure returns(bytes)
func (passFactory *PassFactory) TryPackCloneArgs(p PassFactoryParams) ([]byte, error) {
	return passFactory.abi.Pack("cloneArgs", p)
}

// UnpackCloneArgs is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe60ae886.
//
// Solidity: function cloneArgs((string,string,string,uint256,bool,address,address,address,uint16) p) pure returns(bytes)
func (passFactory *PassFactory) UnpackCloneArgs(data []byte) ([]byte, error) {
	out, err := passFactory.abi.Unpack("cloneArgs", data)
	if err != nil {
		return *new([]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)
	return out0, nil
}

// PackCreateCollection is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9b8c5114.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function createCollection(bytes32 salt, (string,string,string,uint256,bool,address,address,address,uint16) p) returns(address collection)
func (passFactory *PassFactory) PackCreateCollection(salt [32]byte, p PassFactoryParams) []byte {
	enc, err := passFactory.abi.Pack("createCollection", salt, p)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCreateCollection is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9b8c5114.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function createCollection(bytes32 salt, (string,string,string,uint256,bool,address,address,address,uint16) p) returns(address collection)
func (passFactory *PassFactory) TryPackCreateCollection(salt [32]byte, p PassFactoryParams) ([]byte, error) {
	return passFactory.abi.Pack("createCollection", salt, p)
}

// UnpackCreateCollection is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9b8c5114.
//
// Solidity: function createCollection(bytes32 salt, (string,string,string,uint256,bool,address,address,address,uint16) p) returns(address collection)
func (passFactory *PassFactory) UnpackCreateCollection(data []byte) (common.Address, error) {
	out, err := passFactory.abi.Unpack("createCollection", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackImplementation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c60da1b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function implementation() view returns(address)
func (passFactory *PassFactory) PackImplementation() []byte {
	enc, err := passFactory.abi.Pack("implementation")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackImplementation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c60da1b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function implementation() view returns(address)
func (passFactory *PassFactory) TryPackImplementation() ([]byte, error) {
	return passFactory.abi.Pack("implementation")
}

// UnpackImplementation is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5c60da1b.
//
// Solidity: function implementation() view returns(address)
func (passFactory *PassFactory) UnpackImplementation(data []byte) (common.Address, error) {
	out, err := passFactory.abi.Unpack("implementation", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPredictCollection is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd350e6c3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function predictCollection(address deployer, bytes32 salt, (string,string,string,uint256,bool,address,address,address,uint16) p) view returns(address)
func (passFactory *PassFactory) PackPredictCollection(deployer common.Address, salt [32]byte, p PassFactoryParams) []byte {
	enc, err := passFactory.abi.Pack("predictCollection", deployer, salt, p)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPredictCollection is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd350e6c3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function predictCollection(address deployer, bytes32 salt, (string,string,string,uint256,bool,address,address,address,uint16) p) view returns(address)
func (passFactory *PassFactory) TryPackPredictCollection(deployer common.Address, salt [32]byte, p PassFactoryParams) ([]byte, error) {
	return passFactory.abi.Pack("predictCollection", deployer, salt, p)
}

// UnpackPredictCollection is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd350e6c3.
//
// Solidity: function predictCollection(address deployer, bytes32 salt, (string,string,string,uint256,bool,address,address,address,uint16) p) view returns(address)
func (passFactory *PassFactory) UnpackPredictCollection(data []byte) (common.Address, error) {
	out, err := passFactory.abi.Unpack("predictCollection", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PassFactoryCollectionCreated represents a CollectionCreated event raised by the PassFactory contract.
type PassFactoryCollectionCreated struct {
	Collection common.Address
	Deployer   common.Address
	Salt       [32]byte
	Raw        *types.Log // Blockchain specific contextual infos
}

const PassFactoryCollectionCreatedEventName = "CollectionCreated"

// ContractEventName returns the user-defined event name.
func (PassFactoryCollectionCreated) ContractEventName() string {
	return PassFactoryCollectionCreatedEventName
}

// UnpackCollectionCreatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event CollectionCreated(address indexed collection, address indexed deployer, bytes32 indexed salt)
func (passFactory *PassFactory) UnpackCollectionCreatedEvent(log *types.Log) (*PassFactoryCollectionCreated, error) {
	event := "CollectionCreated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != passFactory.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PassFactoryCollectionCreated)
	if len(log.Data) > 0 {
		if err := passFactory.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range passFactory.abi.Events[event].Inputs {
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
func (passFactory *PassFactory) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], passFactory.abi.Errors["CloneArgumentsTooLong"].ID.Bytes()[:4]) {
		return passFactory.UnpackCloneArgumentsTooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], passFactory.abi.Errors["Create2EmptyBytecode"].ID.Bytes()[:4]) {
		return passFactory.UnpackCreate2EmptyBytecodeError(raw[4:])
	}
	if bytes.Equal(raw[:4], passFactory.abi.Errors["FailedDeployment"].ID.Bytes()[:4]) {
		return passFactory.UnpackFailedDeploymentError(raw[4:])
	}
	if bytes.Equal(raw[:4], passFactory.abi.Errors["InsufficientBalance"].ID.Bytes()[:4]) {
		return passFactory.UnpackInsufficientBalanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], passFactory.abi.Errors["InvalidImplementation"].ID.Bytes()[:4]) {
		return passFactory.UnpackInvalidImplementationError(raw[4:])
	}
	if bytes.Equal(raw[:4], passFactory.abi.Errors["InvalidRoyalty"].ID.Bytes()[:4]) {
		return passFactory.UnpackInvalidRoyaltyError(raw[4:])
	}
	if bytes.Equal(raw[:4], passFactory.abi.Errors["StringTooLong"].ID.Bytes()[:4]) {
		return passFactory.UnpackStringTooLongError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// PassFactoryCloneArgumentsTooLong represents a CloneArgumentsTooLong error raised by the PassFactory contract.
type PassFactoryCloneArgumentsTooLong struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CloneArgumentsTooLong()
func PassFactoryCloneArgumentsTooLongErrorID() common.Hash {
	return common.HexToHash("0x94289054871591d3430cc609d2f0e85b3474ba36313e71e06c09c95ae956555b")
}

// UnpackCloneArgumentsTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CloneArgumentsTooLong()
func (passFactory *PassFactory) UnpackCloneArgumentsTooLongError(raw []byte) (*PassFactoryCloneArgumentsTooLong, error) {
	out := new(PassFactoryCloneArgumentsTooLong)
	if err := passFactory.abi.UnpackIntoInterface(out, "CloneArgumentsTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassFactoryCreate2EmptyBytecode represents a Create2EmptyBytecode error raised by the PassFactory contract.
type PassFactoryCreate2EmptyBytecode struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error Create2EmptyBytecode()
func PassFactoryCreate2EmptyBytecodeErrorID() common.Hash {
	return common.HexToHash("0x4ca249dcffe41558ef8b961d71c905e4fa4317a1663f377b9610642e4e0abdb6")
}

// UnpackCreate2EmptyBytecodeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error Create2EmptyBytecode()
func (passFactory *PassFactory) UnpackCreate2EmptyBytecodeError(raw []byte) (*PassFactoryCreate2EmptyBytecode, error) {
	out := new(PassFactoryCreate2EmptyBytecode)
	if err := passFactory.abi.UnpackIntoInterface(out, "Create2EmptyBytecode", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassFactoryFailedDeployment represents a FailedDeployment error raised by the PassFactory contract.
type PassFactoryFailedDeployment struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error FailedDeployment()
func PassFactoryFailedDeploymentErrorID() common.Hash {
	return common.HexToHash("0xb06ebf3d5067824a3fe5d5ba19471e035a7de6c88dac362c77b162830a5b9093")
}

// UnpackFailedDeploymentError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error FailedDeployment()
func (passFactory *PassFactory) UnpackFailedDeploymentError(raw []byte) (*PassFactoryFailedDeployment, error) {
	out := new(PassFactoryFailedDeployment)
	if err := passFactory.abi.UnpackIntoInterface(out, "FailedDeployment", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassFactoryInsufficientBalance represents a InsufficientBalance error raised by the PassFactory contract.
type PassFactoryInsufficientBalance struct {
	Balance *big.Int
	Needed  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InsufficientBalance(uint256 balance, uint256 needed)
func PassFactoryInsufficientBalanceErrorID() common.Hash {
	return common.HexToHash("0xcf4791818fba6e019216eb4864093b4947f674afada5d305e57d598b641dad1d")
}

// UnpackInsufficientBalanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InsufficientBalance(uint256 balance, uint256 needed)
func (passFactory *PassFactory) UnpackInsufficientBalanceError(raw []byte) (*PassFactoryInsufficientBalance, error) {
	out := new(PassFactoryInsufficientBalance)
	if err := passFactory.abi.UnpackIntoInterface(out, "InsufficientBalance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassFactoryInvalidImplementation represents a InvalidImplementation error raised by the PassFactory contract.
type PassFactoryInvalidImplementation struct {
	Implementation common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidImplementation(address implementation)
func PassFactoryInvalidImplementationErrorID() common.Hash {
	return common.HexToHash("0x0c76093759641379d230b6d3062939c31d1f5be7dc637c7ec6aacd8899e7b786")
}

// UnpackInvalidImplementationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidImplementation(address implementation)
func (passFactory *PassFactory) UnpackInvalidImplementationError(raw []byte) (*PassFactoryInvalidImplementation, error) {
	out := new(PassFactoryInvalidImplementation)
	if err := passFactory.abi.UnpackIntoInterface(out, "InvalidImplementation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassFactoryInvalidRoyalty represents a InvalidRoyalty error raised by the PassFactory contract.
type PassFactoryInvalidRoyalty struct {
	RoyaltyBps *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidRoyalty(uint256 royaltyBps)
func PassFactoryInvalidRoyaltyErrorID() common.Hash {
	return common.HexToHash("0x8243d3d7ede55f76687ee3805fb51566a871d00fe58b15476648f0ed5078c512")
}

// UnpackInvalidRoyaltyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidRoyalty(uint256 royaltyBps)
func (passFactory *PassFactory) UnpackInvalidRoyaltyError(raw []byte) (*PassFactoryInvalidRoyalty, error) {
	out := new(PassFactoryInvalidRoyalty)
	if err := passFactory.abi.UnpackIntoInterface(out, "InvalidRoyalty", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PassFactoryStringTooLong represents a StringTooLong error raised by the PassFactory contract.
type PassFactoryStringTooLong struct {
	S string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StringTooLong(string s)
func PassFactoryStringTooLongErrorID() common.Hash {
	return common.HexToHash("0x305a27a93f8e33b7392df0a0f91d6fc63847395853c45991eec52dbf24d72381")
}

// UnpackStringTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StringTooLong(string s)
func (passFactory *PassFactory) UnpackStringTooLongError(raw []byte) (*PassFactoryStringTooLong, error) {
	out := new(PassFactoryStringTooLong)
	if err := passFactory.abi.UnpackIntoInterface(out, "StringTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}
