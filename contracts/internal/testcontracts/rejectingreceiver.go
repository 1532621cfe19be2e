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

// RejectingReceiverMetaData contains all meta data concerning the RejectingReceiver contract.
var RejectingReceiverMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"name\":\"onERC721Received\",\"outputs\":[{\"internalType\":\"bytes4\",\"name\":\"\",\"type\":\"bytes4\"}],\"stateMutability\":\"pure\",\"type\":\"function\"}]",
	ID:  "74724895a745d2384d9515d0b51a3d3e43",
	Bin: "0x6080604052348015600e575f5ffd5b506101268061001c5f395ff3fe608060405234801561000f575f5ffd5b5060043610610029575f3560e01c8063150b7a021461002d575b5f5ffd5b61004c61003b366004610084565b63deadbeef60e01b95945050505050565b6040516001600160e01b0319909116815260200160405180910390f35b80356001600160a01b038116811461007f575f5ffd5b919050565b5f5f5f5f5f60808688031215610098575f5ffd5b6100a186610069565b94506100af60208701610069565b935060408601359250606086013567ffffffffffffffff8111156100d1575f5ffd5b8601601f810188136100e1575f5ffd5b803567ffffffffffffffff8111156100f7575f5ffd5b886020828401011115610108575f5ffd5b95989497509295505050602001919056fea164736f6c634300081e000a",
}

// RejectingReceiver is an auto generated Go binding around an Ethereum contract.
type RejectingReceiver struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *RejectingReceiver) GetABI() abi.ABI {
	return c.abi
}

// NewRejectingReceiver creates a new instance of RejectingReceiver.
func NewRejectingReceiver() *RejectingReceiver {
	parsed, err := RejectingReceiverMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &RejectingReceiver{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *RejectingReceiver) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackOnERC721Received is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x150b7a02.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function onERC721Received(address , address , uint256 , bytes ) pure returns(bytes4)
func (rejectingReceiver *RejectingReceiver) PackOnERC721Received(arg0 common.Address, arg1 common.Address, arg2 *big.Int, arg3 []byte) []byte {
	enc, err := rejectingReceiver.abi.Pack("onERC721Received", arg0, arg1, arg2, arg3)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOnERC721Received is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x150b7a02.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function onERC721Received(address , address , uint256 , bytes ) pure returns(bytes4)
func (rejectingReceiver *RejectingReceiver) TryPackOnERC721Received(arg0 common.Address, arg1 common.Address, arg2 *big.Int, arg3 []byte) ([]byte, error) {
	return rejectingReceiver.abi.Pack("onERC721Received", arg0, arg1, arg2, arg3)
}

// UnpackOnERC721Received is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x150b7a02.
//
// Solidity: function onERC721Received(address , address , uint256 , bytes ) pure returns(bytes4)
func (rejectingReceiver *RejectingReceiver) UnpackOnERC721Received(data []byte) ([4]byte, error) {
	out, err := rejectingReceiver.abi.Unpack("onERC721Received", data)
	if err != nil {
		return *new([4]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([4]byte)).(*[4]byte)
	return out0, nil
}
