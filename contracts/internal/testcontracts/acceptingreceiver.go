// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package testcontracts

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

// AcceptingReceiverMetaData contains all meta data concerning the AcceptingReceiver contract.
var AcceptingReceiverMetaData = bind.MetaData{
	ABI: "[{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"Received\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"onERC721Received\",\"outputs\":[{\"internalType\":\"bytes4\",\"name\":\"\",\"type\":\"bytes4\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "cc53fc4047311621d2de5027f312c4ec19",
	Bin: "0x6080604052348015600e575f5ffd5b506101bb8061001c5f395ff3fe608060405234801561000f575f5ffd5b5060043610610029575f3560e01c8063150b7a021461002d575b5f5ffd5b61004061003b3660046100c9565b61005d565b6040516001600160e01b0319909116815260200160405180910390f35b5f7ed9411ae77b2bacabe5cbe62a2abdbeb78992a0182c6f3c83e0029c7615d6b6868686868660405161009495949392919061015e565b60405180910390a150630a85bd0160e11b95945050505050565b80356001600160a01b03811681146100c4575f5ffd5b919050565b5f5f5f5f5f608086880312156100dd575f5ffd5b6100e6866100ae565b94506100f4602087016100ae565b935060408601359250606086013567ffffffffffffffff811115610116575f5ffd5b8601601f81018813610126575f5ffd5b803567ffffffffffffffff81111561013c575f5ffd5b88602082840101111561014d575f5ffd5b959894975092955050506020019190565b6001600160a01b03868116825285166020820152604081018490526080606082018190528101829052818360a08301375f81830160a090810191909152601f909201601f1916010194935050505056fea164736f6c634300081e000a",
}

// AcceptingReceiver is an auto generated Go binding around an Ethereum contract.
type AcceptingReceiver struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *AcceptingReceiver) GetABI() abi.ABI {
	return c.abi
}

// NewAcceptingReceiver creates a new instance of AcceptingReceiver.
func NewAcceptingReceiver() *AcceptingReceiver {
	parsed, err := AcceptingReceiverMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &AcceptingReceiver{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *AcceptingReceiver) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackOnERC721Received is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x150b7a02.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function onERC721Received(address operator, address from, uint256 tokenId, bytes data) returns(bytes4)
func (acceptingReceiver *AcceptingReceiver) PackOnERC721Received(operator common.Address, from common.Address, tokenId *big.Int, data []byte) []byte {
	enc, err := acceptingReceiver.abi.Pack("onERC721Received", operator, from, tokenId, data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOnERC721Received is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x150b7a02.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function onERC721Received(address operator, address from, uint256 tokenId, bytes data) returns(bytes4)
func (acceptingReceiver *AcceptingReceiver) TryPackOnERC721Received(operator common.Address, from common.Address, tokenId *big.Int, data []byte) ([]byte, error) {
	return acceptingReceiver.abi.Pack("onERC721Received", operator, from, tokenId, data)
}

// UnpackOnERC721Received is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x150b7a02.
//
// Solidity: function onERC721Received(address operator, address from, uint256 tokenId, bytes data) returns(bytes4)
func (acceptingReceiver *AcceptingReceiver) UnpackOnERC721Received(data []byte) ([4]byte, error) {
	out, err := acceptingReceiver.abi.Unpack("onERC721Received", data)
	if err != nil {
		return *new([4]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([4]byte)).(*[4]byte)
	return out0, nil
}

// AcceptingReceiverReceived represents a Received event raised by the AcceptingReceiver contract.
type AcceptingReceiverReceived struct {
	Operator common.Address
	From     common.Address
	TokenId  *big.Int
	Data     []byte
	Raw      *types.Log // Blockchain specific contextual infos
}

const AcceptingReceiverReceivedEventName = "Received"

// ContractEventName returns the user-defined event name.
func (AcceptingReceiverReceived) ContractEventName() string {
	return AcceptingReceiverReceivedEventName
}

// UnpackReceivedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Received(address operator, address from, uint256 tokenId, bytes data)
func (acceptingReceiver *AcceptingReceiver) UnpackReceivedEvent(log *types.Log) (*AcceptingReceiverReceived, error) {
	event := "Received"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != acceptingReceiver.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AcceptingReceiverReceived)
	if len(log.Data) > 0 {
		if err := acceptingReceiver.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range acceptingReceiver.abi.Events[event].Inputs {
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
