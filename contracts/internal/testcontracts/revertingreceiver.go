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

// RevertingReceiverMetaData contains all meta data concerning the RevertingReceiver contract.
var RevertingReceiverMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Refused\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"name\":\"onERC721Received\",\"outputs\":[{\"internalType\":\"bytes4\",\"name\":\"\",\"type\":\"bytes4\"}],\"stateMutability\":\"pure\",\"type\":\"function\"}]",
	ID:  "ca2a94589fb0ef67bfb752e57bfbde7527",
	Bin: "0x6080604052348015600e575f5ffd5b506101418061001c5f395ff3fe608060405234801561000f575f5ffd5b5060043610610029575f3560e01c8063150b7a021461002d575b5f5ffd5b61004061003b36600461009f565b61005d565b6040516001600160e01b0319909116815260200160405180910390f35b5f8360405163590a515160e01b815260040161007b91815260200190565b60405180910390fd5b80356001600160a01b038116811461009a575f5ffd5b919050565b5f5f5f5f5f608086880312156100b3575f5ffd5b6100bc86610084565b94506100ca60208701610084565b935060408601359250606086013567ffffffffffffffff8111156100ec575f5ffd5b8601601f810188136100fc575f5ffd5b803567ffffffffffffffff811115610112575f5ffd5b886020828401011115610123575f5ffd5b95989497509295505050602001919056fea164736f6c634300081e000a",
}

// RevertingReceiver is an auto generated Go binding around an Ethereum contract.
type RevertingReceiver struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *RevertingReceiver) GetABI() abi.ABI {
	return c.abi
}

// NewRevertingReceiver creates a new instance of RevertingReceiver.
func NewRevertingReceiver() *RevertingReceiver {
	parsed, err := RevertingReceiverMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &RevertingReceiver{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *RevertingReceiver) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackOnERC721Received is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x150b7a02.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function onERC721Received(address , address , uint256 tokenId, bytes ) pure returns(bytes4)
func (revertingReceiver *RevertingReceiver) PackOnERC721Received(arg0 common.Address, arg1 common.Address, tokenId *big.Int, arg3 []byte) []byte {
	enc, err := revertingReceiver.abi.Pack("onERC721Received", arg0, arg1, tokenId, arg3)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOnERC721Received is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x150b7a02.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function onERC721Received(address , address , uint256 tokenId, bytes ) pure returns(bytes4)
func (revertingReceiver *RevertingReceiver) TryPackOnERC721Received(arg0 common.Address, arg1 common.Address, tokenId *big.Int, arg3 []byte) ([]byte, error) {
	return revertingReceiver.abi.Pack("onERC721Received", arg0, arg1, tokenId, arg3)
}

// UnpackOnERC721Received is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x150b7a02.
//
// Solidity: function onERC721Received(address , address , uint256 tokenId, bytes ) pure returns(bytes4)
func (revertingReceiver *RevertingReceiver) UnpackOnERC721Received(data []byte) ([4]byte, error) {
	out, err := revertingReceiver.abi.Unpack("onERC721Received", data)
	if err != nil {
		return *new([4]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([4]byte)).(*[4]byte)
	return out0, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (revertingReceiver *RevertingReceiver) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], revertingReceiver.abi.Errors["Refused"].ID.Bytes()[:4]) {
		return revertingReceiver.UnpackRefusedError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// RevertingReceiverRefused represents a Refused error raised by the RevertingReceiver contract.
type RevertingReceiverRefused struct {
	TokenId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error Refused(uint256 tokenId)
func RevertingReceiverRefusedErrorID() common.Hash {
	return common.HexToHash("0x590a51514d0080f6eb5d11921efcecd78518db251823115a2e2c0d450bf41755")
}

// UnpackRefusedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error Refused(uint256 tokenId)
func (revertingReceiver *RevertingReceiver) UnpackRefusedError(raw []byte) (*RevertingReceiverRefused, error) {
	out := new(RevertingReceiverRefused)
	if err := revertingReceiver.abi.UnpackIntoInterface(out, "Refused", raw); err != nil {
		return nil, err
	}
	return out, nil
}
