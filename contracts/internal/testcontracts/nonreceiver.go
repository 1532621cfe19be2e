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

// NonReceiverMetaData contains all meta data concerning the NonReceiver contract.
var NonReceiverMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"name\":\"ping\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"pure\",\"type\":\"function\"}]",
	ID:  "836439856f20bde7327da6796f7370ae32",
	Bin: "0x6080604052348015600e575f5ffd5b50604b80601a5f395ff3fe6080604052348015600e575f5ffd5b50600436106026575f3560e01c80635c36b18614602a575b5f5ffd5b604080516001815290519081900360200190f3fea164736f6c634300081e000a",
}

// NonReceiver is an auto generated Go binding around an Ethereum contract.
type NonReceiver struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *NonReceiver) GetABI() abi.ABI {
	return c.abi
}

// NewNonReceiver creates a new instance of NonReceiver.
func NewNonReceiver() *NonReceiver {
	parsed, err := NonReceiverMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &NonReceiver{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *NonReceiver) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackPing is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c36b186.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function ping() pure returns(bool)
func (nonReceiver *NonReceiver) PackPing() []byte {
	enc, err := nonReceiver.abi.Pack("ping")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPing is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c36b186.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function ping() pure returns(bool)
func (nonReceiver *NonReceiver) TryPackPing() ([]byte, error) {
	return nonReceiver.abi.Pack("ping")
}

// UnpackPing is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5c36b186.
//
// Solidity: function ping() pure returns(bool)
func (nonReceiver *NonReceiver) UnpackPing(data []byte) (bool, error) {
	out, err := nonReceiver.abi.Unpack("ping", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}
