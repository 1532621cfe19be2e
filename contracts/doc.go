// Package contracts holds the MetaPass Solidity contract (src/MetaPass.sol),
// its compiled artifact (build/MetaPass.json, solc combined-json) and the Go
// binding generated from it by abigen v2 (metapass.go).
//
// The binding is used with the helpers of
// github.com/ethereum/go-ethereum/accounts/abi/bind/v2: pack calldata with the
// MetaPass Pack* methods, send it with bind.Transact or read with bind.Call,
// and deploy with bind.DeployContract using MetaPassMetaData.Bin and
// PackConstructor.
//
// Regenerate everything with `make contracts` (bash contracts/build.sh); the
// drift test in artifacts_test.go fails when the committed artifacts do not
// match the sources.
package contracts
