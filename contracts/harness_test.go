package contracts

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"

	"github.com/metapass/metapass/contracts/internal/testcontracts"
)

const (
	testName       = "MetaPass Test"
	testSymbol     = "MPT"
	testRoyaltyBps = 500
)

var minterRole = crypto.Keccak256Hash([]byte("MINTER_ROLE"))

// osakaRules runs the simulated chain on Osaka (mainnet) rules. The simulated
// backend's default dev config also activates the unreleased Bogota fork, whose
// EIP-8037 state-gas pricing makes each new storage slot roughly 5x dearer and
// would make the gas figures meaningless for today's chains.
func osakaRules(_ *node.Config, ethConf *ethconfig.Config) {
	cfg := *ethConf.Genesis.Config
	cfg.AmsterdamTime, cfg.BogotaTime = nil, nil
	ethConf.Genesis.Config = &cfg
}

// env is a simulated chain (Osaka rules) with funded accounts, one
// PassCollection implementation and a PassFactory for it.
type env struct {
	sim    *simulated.Backend
	client simulated.Client

	// admin deploys the implementation and the factory, creates collections
	// and holds DEFAULT_ADMIN_ROLE in them; minter holds MINTER_ROLE.
	admin, minter *bind.TransactOpts
	// alice, bob, carol and dave hold no role.
	alice, bob, carol, dave *bind.TransactOpts

	pc *PassCollection
	pf *PassFactory

	impl, factory         common.Address
	implRcpt, factoryRcpt *types.Receipt

	// abis decode revert data and events of every contract the tests use.
	abis []*abi.ABI
	// salts counts the collections created, for fresh salts.
	salts int
}

func newEnv(t *testing.T) *env {
	t.Helper()
	keys := make([]*ecdsa.PrivateKey, 6)
	alloc := types.GenesisAlloc{}
	funds := new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))
	for i := range keys {
		// Fixed keys, so that gas figures (which depend on calldata bytes) repeat.
		key, err := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprintf("metapass test account %d", i))))
		if err != nil {
			t.Fatal(err)
		}
		keys[i] = key
		alloc[crypto.PubkeyToAddress(keys[i].PublicKey)] = types.Account{Balance: funds}
	}
	sim := simulated.NewBackend(alloc, osakaRules)
	t.Cleanup(func() { sim.Close() })
	chainID := big.NewInt(1337)
	opts := make([]*bind.TransactOpts, len(keys))
	for i, k := range keys {
		opts[i] = bind.NewKeyedTransactor(k, chainID)
	}
	e := &env{
		sim: sim, client: sim.Client(),
		admin: opts[0], minter: opts[1], alice: opts[2], bob: opts[3], carol: opts[4], dave: opts[5],
		pc: NewPassCollection(), pf: NewPassFactory(),
	}
	for _, m := range []*bind.MetaData{&PassCollectionMetaData, &PassFactoryMetaData, &testcontracts.ReferenceERC721MetaData,
		&testcontracts.AcceptingReceiverMetaData, &testcontracts.RevertingReceiverMetaData} {
		parsed, err := m.ParseABI()
		if err != nil {
			t.Fatal(err)
		}
		e.abis = append(e.abis, parsed)
	}
	e.impl, e.implRcpt = e.deploy(t, e.admin, PassCollectionMetaData.Bin, nil)
	e.factory, e.factoryRcpt = e.deploy(t, e.admin, PassFactoryMetaData.Bin, e.pf.PackConstructor(e.impl))
	return e
}

// deploy deploys bin with constructor input from opts and waits for it.
func (e *env) deploy(t *testing.T, opts *bind.TransactOpts, bin string, input []byte) (common.Address, *types.Receipt) {
	t.Helper()
	addr, tx, err := bind.DeployContract(opts, common.FromHex(bin), e.client, input)
	if err != nil {
		t.Fatalf("deploy: %v", e.describe(err))
	}
	return addr, e.mined(t, tx)
}

func (e *env) bound(addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, abi.ABI{}, e.client, e.client, e.client)
}

// mined commits a block and returns tx's receipt, failing unless it succeeded.
func (e *env) mined(t *testing.T, tx *types.Transaction) *types.Receipt {
	t.Helper()
	e.sim.Commit()
	rcpt, err := bind.WaitMined(context.Background(), e.client, tx.Hash())
	if err != nil {
		t.Fatalf("wait mined: %v", err)
	}
	if rcpt.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("tx %s failed", tx.Hash())
	}
	return rcpt
}

// send transacts data from opts to addr and returns the successful receipt.
func (e *env) send(t *testing.T, opts *bind.TransactOpts, addr common.Address, data []byte) *types.Receipt {
	t.Helper()
	tx, err := bind.Transact(e.bound(addr), opts, data)
	if err != nil {
		t.Fatalf("transact: %v", e.describe(err))
	}
	return e.mined(t, tx)
}

// reverts checks that sending data from opts to addr reverts with exactly want
// (ABI-encoded revert data, see revertData).
func (e *env) reverts(t *testing.T, opts *bind.TransactOpts, addr common.Address, data, want []byte) {
	t.Helper()
	tx, err := bind.Transact(e.bound(addr), opts, data)
	if err == nil {
		e.sim.Commit()
		t.Fatalf("tx %s did not revert, want %s", tx.Hash(), e.describeData(want))
	}
	e.sameRevert(t, err, want)
}

// callReverts checks that a call of data on addr reverts with exactly want.
func (e *env) callReverts(t *testing.T, addr common.Address, data, want []byte) {
	t.Helper()
	_, err := e.client.CallContract(context.Background(), ethereum.CallMsg{To: &addr, Data: data}, nil)
	if err == nil {
		t.Fatalf("call did not revert, want %s", e.describeData(want))
	}
	e.sameRevert(t, err, want)
}

func (e *env) sameRevert(t *testing.T, err error, want []byte) {
	t.Helper()
	got, ok := ethclient.RevertErrorData(err)
	if !ok {
		t.Fatalf("not a revert: %v; want %s", err, e.describeData(want))
	}
	if !bytes.Equal(got, want) {
		t.Errorf("revert = %s, want %s", e.describeData(got), e.describeData(want))
	}
}

// view calls data on addr and unpacks the result, failing on error.
func view[T any](t *testing.T, e *env, addr common.Address, data []byte, unpack func([]byte) (T, error)) T {
	t.Helper()
	v, err := bind.Call(e.bound(addr), nil, data, unpack)
	if err != nil {
		t.Fatalf("call: %v", e.describe(err))
	}
	return v
}

// revertData is the revert data of custom error name with args, found in any
// ABI of the env.
func (e *env) revertData(t *testing.T, name string, args ...any) []byte {
	t.Helper()
	for _, a := range e.abis {
		if ae, ok := a.Errors[name]; ok {
			packed, err := ae.Inputs.Pack(args...)
			if err != nil {
				t.Fatalf("pack %s: %v", name, err)
			}
			return append(append([]byte{}, ae.ID[:4]...), packed...)
		}
	}
	t.Fatalf("no error %s in the ABIs", name)
	return nil
}

// describeData renders revert data as Name(args) when an ABI knows it.
func (e *env) describeData(data []byte) string {
	if len(data) >= 4 {
		for _, a := range e.abis {
			for _, ae := range a.Errors {
				if bytes.Equal(ae.ID[:4], data[:4]) {
					args, err := ae.Inputs.Unpack(data[4:])
					if err == nil {
						return fmt.Sprintf("%s%v", ae.Name, args)
					}
				}
			}
		}
	}
	return fmt.Sprintf("0x%x", data)
}

func (e *env) describe(err error) string {
	if data, ok := ethclient.RevertErrorData(err); ok {
		return e.describeData(data)
	}
	return err.Error()
}

// Event signatures, spelled out so the suite does not trust any binding.
var (
	transferSig       = crypto.Keccak256Hash([]byte("Transfer(address,address,uint256)"))
	approvalSig       = crypto.Keccak256Hash([]byte("Approval(address,address,uint256)"))
	approvalForAllSig = crypto.Keccak256Hash([]byte("ApprovalForAll(address,address,bool)"))
	lockedSig         = crypto.Keccak256Hash([]byte("Locked(uint256)"))
)

func addrTopic(a common.Address) common.Hash { return common.BytesToHash(a.Bytes()) }

func transferLog(contract, from, to common.Address, id *big.Int) types.Log {
	return types.Log{Address: contract, Topics: []common.Hash{transferSig, addrTopic(from), addrTopic(to), common.BigToHash(id)}}
}

func approvalLog(contract, owner, approved common.Address, id *big.Int) types.Log {
	return types.Log{Address: contract, Topics: []common.Hash{approvalSig, addrTopic(owner), addrTopic(approved), common.BigToHash(id)}}
}

func approvalForAllLog(contract, owner, operator common.Address, approved bool) types.Log {
	data := make([]byte, 32)
	if approved {
		data[31] = 1
	}
	return types.Log{Address: contract, Topics: []common.Hash{approvalForAllSig, addrTopic(owner), addrTopic(operator)}, Data: data}
}

func lockedLog(contract common.Address, id *big.Int) types.Log {
	return types.Log{Address: contract, Topics: []common.Hash{lockedSig}, Data: common.BigToHash(id).Bytes()}
}

// wantLogs checks that rcpt holds exactly want: same count, order, emitter,
// topics and data.
func wantLogs(t *testing.T, rcpt *types.Receipt, want ...types.Log) {
	t.Helper()
	if d := diffLogs(rcpt, want...); d != "" {
		t.Error(d)
	}
}

// diffLogs describes how rcpt's logs differ from want, or returns "".
func diffLogs(rcpt *types.Receipt, want ...types.Log) string {
	render := func(ls []types.Log) string {
		var b strings.Builder
		for _, l := range ls {
			fmt.Fprintf(&b, "\n  %s topics=%v data=%x", l.Address, l.Topics, l.Data)
		}
		return b.String()
	}
	got := make([]types.Log, len(rcpt.Logs))
	for i, l := range rcpt.Logs {
		got[i] = *l
	}
	same := len(got) == len(want)
	for i := 0; same && i < len(got); i++ {
		same = got[i].Address == want[i].Address && bytes.Equal(got[i].Data, want[i].Data) &&
			fmt.Sprint(got[i].Topics) == fmt.Sprint(want[i].Topics)
	}
	if !same {
		return fmt.Sprintf("logs:%s\nwant:%s", render(got), render(want))
	}
	return ""
}

// event finds an event by name in the env's ABIs.
func (e *env) event(t *testing.T, name string) abi.Event {
	t.Helper()
	for _, a := range e.abis {
		if ev, ok := a.Events[name]; ok {
			return ev
		}
	}
	t.Fatalf("no event %s in the ABIs", name)
	return abi.Event{}
}

// testURIPrefix is the URI prefix of test collections, shaped like the
// service's (passes.MetadataPrefix: <public URL>/metadata/<chain id>/).
const testURIPrefix = "https://passes.example/metadata/1337/"

var testRoyaltyReceiver = common.HexToAddress("0x00000000000000000000000000000000000000f0")

// collectionParams are the default settings of a test collection.
func (e *env) collectionParams() PassFactoryParams {
	return PassFactoryParams{
		Name: testName, Symbol: testSymbol, UriPrefix: testURIPrefix,
		MaxSupply: big.NewInt(1000), Admin: e.admin.From, Minter: e.minter.From,
		RoyaltyReceiver: testRoyaltyReceiver, RoyaltyBps: testRoyaltyBps,
	}
}

// collection is a PassCollection clone created through the factory.
type collection struct {
	e    *env
	addr common.Address
	rcpt *types.Receipt // of the factory call
}

// newCollection creates a clone with p through the factory, from admin, with a fresh salt.
func (e *env) newCollection(t *testing.T, p PassFactoryParams) *collection {
	t.Helper()
	e.salts++
	salt := crypto.Keccak256Hash([]byte(fmt.Sprintf("%s/%d", t.Name(), e.salts)))
	rcpt := e.send(t, e.admin, e.factory, e.pf.PackCreateCollection(salt, p))
	args, ok := CloneArgs(p)
	if !ok {
		t.Fatalf("CloneArgs(%+v) not ok", p)
	}
	addr := PredictCollection(e.factory, e.impl, e.admin.From, salt, args)
	if code, err := e.client.CodeAt(context.Background(), addr, nil); err != nil || len(code) == 0 {
		t.Fatalf("no collection at predicted %s: %v", addr, err)
	}
	return &collection{e: e, addr: addr, rcpt: rcpt}
}

// mint mints the next pass of each recipient (one each, in order) from the
// minter and returns their ids and the receipt.
func (c *collection) mint(t *testing.T, to ...common.Address) ([]*big.Int, *types.Receipt) {
	t.Helper()
	ids := c.nextIDs(t, to...)
	return ids, c.e.send(t, c.e.minter, c.addr, c.e.pc.PackMintBatch(ids))
}

// nextIDs are the ids the next passes minted to to[i] get, repeats counted.
func (c *collection) nextIDs(t *testing.T, to ...common.Address) []*big.Int {
	t.Helper()
	seen := map[common.Address]uint64{}
	ids := make([]*big.Int, len(to))
	for i, a := range to {
		next := view(t, c.e, c.addr, c.e.pc.PackNextTokenId(a), c.e.pc.UnpackNextTokenId)
		ids[i] = new(big.Int).Add(next, new(big.Int).SetUint64(seen[a]))
		seen[a]++
	}
	return ids
}

func (c *collection) ownerOf(t *testing.T, id *big.Int) common.Address {
	t.Helper()
	return view(t, c.e, c.addr, c.e.pc.PackOwnerOf(id), c.e.pc.UnpackOwnerOf)
}

func (c *collection) balanceOf(t *testing.T, a common.Address) int64 {
	t.Helper()
	return view(t, c.e, c.addr, c.e.pc.PackBalanceOf(a), c.e.pc.UnpackBalanceOf).Int64()
}

// freshAddrs returns n distinct addresses that look like real ones (no zero
// bytes to speak of, so calldata costs what it does on mainnet) and have never
// held anything.
func freshAddrs(n int, tag string) []common.Address {
	out := make([]common.Address, n)
	for i := range out {
		out[i] = common.BytesToAddress(crypto.Keccak256([]byte(fmt.Sprintf("%s/%d", tag, i)))[12:])
	}
	return out
}
