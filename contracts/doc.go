// Package contracts holds the Solidity contracts of the service, their
// compiled artifacts (build/<Contract>.json, solc combined-json) and the Go
// bindings generated from them by abigen v2, one file per contract:
//
//   - PassCollection (src/PassCollection.sol, passcollection.go): the
//     cheap-mint ERC-721 whose EIP-1167 clones are launches; token ids derived
//     from the first owner (PassTokenID, SplitPassTokenID).
//   - PassFactory (src/PassFactory.sol, passfactory.go): creates and
//     initializes the clones at addresses known in advance (PredictCollection,
//     CloneArgs). The service deploys each launch with createCollection.
//
// Test-only contracts (OpenZeppelin's reference ERC-721 and ERC-721
// receivers) have their bindings in internal/testcontracts; internal/gasreport
// (`make gas`) measures mint gas against OpenZeppelin, ERC721A and Solady
// (src/gas/References.sol). The bindings are
// used with the helpers of github.com/ethereum/go-ethereum/accounts/abi/bind/v2:
// pack calldata with the Pack* methods, send it with bind.Transact or read
// with bind.Call, and deploy with bind.DeployContract.
//
// artifacts.json lists every contract and its binding. Regenerate everything
// with `make contracts` (bash contracts/build.sh); the drift test in
// artifacts_test.go fails when the committed artifacts do not match the
// sources. README.md describes the contracts, their design and gas figures.
package contracts
