package contracts

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
)

const (
	testName        = "MetaPass Test"
	testSymbol      = "MPT"
	testBaseURI     = "https://passes.example/meta/"
	testContractURI = "https://passes.example/contract.json"
	testRoyaltyBps  = 500
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

// chain is a simulated chain with a freshly deployed MetaPass.
type chain struct {
	sim      *simulated.Backend
	mp       *MetaPass
	c        *bind.BoundContract
	addr     common.Address
	admin    *bind.TransactOpts // DEFAULT_ADMIN_ROLE and MINTER_ROLE
	user     *bind.TransactOpts // no role
	royalty  common.Address
	max      int64
	deployTx *types.Receipt
}

// deployConfig selects the constructor arguments that vary between tests.
type deployConfig struct {
	maxSupply  int64
	soulbound  bool
	noRoyalty  bool
	royaltyBps int64
}

func newKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return key
}

// newChain starts a simulated chain and deploys MetaPass with cfg.
func newChain(t *testing.T, cfg deployConfig) *chain {
	t.Helper()
	adminKey, userKey := newKey(t), newKey(t)
	funds := new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))
	sim := simulated.NewBackend(types.GenesisAlloc{
		crypto.PubkeyToAddress(adminKey.PublicKey): {Balance: funds},
		crypto.PubkeyToAddress(userKey.PublicKey):  {Balance: funds},
	}, osakaRules)
	t.Cleanup(func() { sim.Close() })
	chainID := big.NewInt(1337)
	ch := &chain{
		sim:     sim,
		mp:      NewMetaPass(),
		admin:   bind.NewKeyedTransactor(adminKey, chainID),
		user:    bind.NewKeyedTransactor(userKey, chainID),
		royalty: common.HexToAddress("0x00000000000000000000000000000000000000f0"),
		max:     cfg.maxSupply,
	}
	receiver, bps := ch.royalty, big.NewInt(testRoyaltyBps)
	if cfg.noRoyalty {
		receiver = common.Address{}
	}
	if cfg.royaltyBps != 0 {
		bps = big.NewInt(cfg.royaltyBps)
	}
	input := ch.mp.PackConstructor(testName, testSymbol, testBaseURI, testContractURI,
		big.NewInt(cfg.maxSupply), cfg.soulbound, ch.admin.From, receiver, bps)
	addr, tx, err := bind.DeployContract(ch.admin, common.FromHex(MetaPassMetaData.Bin), sim.Client(), input)
	if err != nil {
		t.Fatalf("deploy: %v", err)
	}
	sim.Commit()
	ch.deployTx = ch.waitOK(t, tx)
	ch.addr = addr
	ch.c = ch.mp.Instance(sim.Client(), addr)
	return ch
}

// waitOK waits for tx and fails the test unless it succeeded.
func (ch *chain) waitOK(t *testing.T, tx *types.Transaction) *types.Receipt {
	t.Helper()
	rcpt, err := bind.WaitMined(context.Background(), ch.sim.Client(), tx.Hash())
	if err != nil {
		t.Fatalf("wait mined: %v", err)
	}
	if rcpt.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("tx %s failed", tx.Hash())
	}
	return rcpt
}

// send transacts calldata from opts, mines it, and returns the successful receipt.
func (ch *chain) send(t *testing.T, opts *bind.TransactOpts, calldata []byte) *types.Receipt {
	t.Helper()
	tx, err := bind.Transact(ch.c, opts, calldata)
	if err != nil {
		t.Fatalf("transact: %v", err)
	}
	ch.sim.Commit()
	return ch.waitOK(t, tx)
}

// sendReverts transacts calldata from opts, expects gas estimation to revert,
// and returns the decoded custom error.
func (ch *chain) sendReverts(t *testing.T, opts *bind.TransactOpts, calldata []byte) any {
	t.Helper()
	tx, err := bind.Transact(ch.c, opts, calldata)
	if err == nil {
		ch.sim.Commit()
		t.Fatalf("tx %s did not revert", tx.Hash())
	}
	return ch.decodeRevert(t, err)
}

// decodeRevert turns a revert error from the node into the binding's error struct.
func (ch *chain) decodeRevert(t *testing.T, err error) any {
	t.Helper()
	data, ok := ethclient.RevertErrorData(err)
	if !ok || len(data) < 4 {
		t.Fatalf("not a custom-error revert: %v", err)
	}
	decoded, uerr := ch.mp.UnpackError(data)
	if uerr != nil {
		t.Fatalf("unpack revert %x: %v", data, uerr)
	}
	return decoded
}

// call runs a view call and fails the test on error.
func call[T any](t *testing.T, ch *chain, calldata []byte, unpack func([]byte) (T, error)) T {
	t.Helper()
	v, err := bind.Call(ch.c, nil, calldata, unpack)
	if err != nil {
		t.Fatalf("call: %v", err)
	}
	return v
}

// callReverts runs a view call that must revert and returns the decoded error.
func callReverts[T any](t *testing.T, ch *chain, calldata []byte, unpack func([]byte) (T, error)) any {
	t.Helper()
	_, err := bind.Call(ch.c, nil, calldata, unpack)
	if err == nil {
		t.Fatal("call did not revert")
	}
	return ch.decodeRevert(t, err)
}

// mint mints ids to recipients (one each) from the admin and returns the receipt.
func (ch *chain) mint(t *testing.T, to []common.Address, ids ...int64) *types.Receipt {
	t.Helper()
	return ch.send(t, ch.admin, ch.mp.PackMintBatch(to, bigs(ids...)))
}

func bigs(ids ...int64) []*big.Int {
	out := make([]*big.Int, len(ids))
	for i, id := range ids {
		out[i] = big.NewInt(id)
	}
	return out
}

// addrs returns n distinct recipient addresses.
func addrs(n int) []common.Address {
	out := make([]common.Address, n)
	for i := range out {
		out[i] = common.BigToAddress(big.NewInt(int64(0x1000 + i)))
	}
	return out
}

// sameError compares decoded custom errors by type and field values.
func sameError(t *testing.T, got, want any) {
	t.Helper()
	if g, w := fmt.Sprintf("%T%+v", got, got), fmt.Sprintf("%T%+v", want, want); g != w {
		t.Errorf("revert = %s, want %s", g, w)
	}
}

func TestDeploy(t *testing.T) {
	ch := newChain(t, deployConfig{maxSupply: 500})
	mp := ch.mp
	if got := call(t, ch, mp.PackName(), mp.UnpackName); got != testName {
		t.Errorf("name = %q", got)
	}
	if got := call(t, ch, mp.PackSymbol(), mp.UnpackSymbol); got != testSymbol {
		t.Errorf("symbol = %q", got)
	}
	if got := call(t, ch, mp.PackMaxSupply(), mp.UnpackMaxSupply); got.Int64() != 500 {
		t.Errorf("maxSupply = %v", got)
	}
	if got := call(t, ch, mp.PackTotalSupply(), mp.UnpackTotalSupply); got.Sign() != 0 {
		t.Errorf("totalSupply = %v", got)
	}
	if got := call(t, ch, mp.PackSoulbound(), mp.UnpackSoulbound); got {
		t.Error("soulbound = true")
	}
	if got := call(t, ch, mp.PackMINTERROLE(), mp.UnpackMINTERROLE); got != minterRole {
		t.Errorf("MINTER_ROLE = %x", got)
	}
	for _, role := range [][32]byte{{}, minterRole} {
		if !call(t, ch, mp.PackHasRole(role, ch.admin.From), mp.UnpackHasRole) {
			t.Errorf("admin lacks role %x", role)
		}
		if call(t, ch, mp.PackHasRole(role, ch.user.From), mp.UnpackHasRole) {
			t.Errorf("user has role %x", role)
		}
	}
	t.Logf("deploy gas: %d", ch.deployTx.GasUsed)
}

func TestDeployRejectsZeroMaxSupply(t *testing.T) {
	ch := newChain(t, deployConfig{maxSupply: 1})
	input := ch.mp.PackConstructor(testName, testSymbol, testBaseURI, testContractURI,
		big.NewInt(0), false, ch.admin.From, common.Address{}, big.NewInt(0))
	_, _, err := bind.DeployContract(ch.admin, common.FromHex(MetaPassMetaData.Bin), ch.sim.Client(), input)
	if err == nil {
		t.Fatal("deploy with maxSupply 0 succeeded")
	}
	sameError(t, ch.decodeRevert(t, err), &MetaPassInvalidMaxSupply{})
}

func TestMintBatchOfHundred(t *testing.T) {
	for _, soulbound := range []bool{false, true} {
		t.Run(fmt.Sprintf("soulbound=%v", soulbound), func(t *testing.T) {
			testMintBatchOfHundred(t, soulbound)
		})
	}
}

func testMintBatchOfHundred(t *testing.T, soulbound bool) {
	ch := newChain(t, deployConfig{maxSupply: 1000, soulbound: soulbound})
	mp := ch.mp

	// Every mint goes to a fresh holder, the common case for passes.
	first := ch.mint(t, []common.Address{common.HexToAddress("0xf001")}, 1)
	to := addrs(100)
	ids := make([]int64, len(to))
	for i := range ids {
		ids[i] = int64(101 + i)
	}
	batch := ch.mint(t, to, ids...)
	next := ch.mint(t, []common.Address{common.HexToAddress("0xf002")}, 2)
	t.Logf("gas: mintBatch(1) first mint %d, later single mint %d, mintBatch(100) %d = %d per pass",
		first.GasUsed, next.GasUsed, batch.GasUsed, batch.GasUsed/100)

	transfers := 0
	for _, l := range batch.Logs {
		if l.Topics[0] != mp.GetABI().Events[MetaPassTransferEventName].ID {
			continue
		}
		ev, err := mp.UnpackTransferEvent(l)
		if err != nil {
			t.Fatal(err)
		}
		if ev.From != (common.Address{}) || ev.To != to[transfers] || ev.TokenId.Int64() != ids[transfers] {
			t.Errorf("transfer %d = %+v", transfers, ev)
		}
		transfers++
	}
	if transfers != 100 {
		t.Errorf("%d Transfer events, want 100", transfers)
	}
	for i, id := range ids {
		if got := call(t, ch, mp.PackOwnerOf(big.NewInt(id)), mp.UnpackOwnerOf); got != to[i] {
			t.Fatalf("ownerOf(%d) = %s, want %s", id, got, to[i])
		}
	}
	if got := call(t, ch, mp.PackTotalSupply(), mp.UnpackTotalSupply); got.Int64() != 102 {
		t.Errorf("totalSupply = %v, want 102", got)
	}
	if got := call(t, ch, mp.PackTotalMinted(), mp.UnpackTotalMinted); got.Int64() != 102 {
		t.Errorf("totalMinted = %v, want 102", got)
	}
	if got := call(t, ch, mp.PackBalanceOf(to[0]), mp.UnpackBalanceOf); got.Int64() != 1 {
		t.Errorf("balanceOf(%s) = %v, want 1", to[0], got)
	}
}

func TestMintBatchReverts(t *testing.T) {
	ch := newChain(t, deployConfig{maxSupply: 10})
	mp := ch.mp
	ch.mint(t, addrs(3), 1, 2, 3)
	ch.send(t, ch.admin, mp.PackBurn(big.NewInt(3)))

	tests := []struct {
		name   string
		from   *bind.TransactOpts
		to     []common.Address
		ids    []int64
		paused bool
		want   any
	}{
		{"already minted", ch.admin, addrs(1), []int64{2}, false, &MetaPassERC721InvalidSender{}},
		{"duplicate in batch", ch.admin, addrs(2), []int64{4, 4}, false, &MetaPassERC721InvalidSender{}},
		{"burned id", ch.admin, addrs(1), []int64{3}, false, &MetaPassTokenIdBurned{TokenId: big.NewInt(3)}},
		{"id zero", ch.admin, addrs(2), []int64{4, 0}, false, &MetaPassInvalidTokenId{TokenId: big.NewInt(0)}},
		{"id above max", ch.admin, addrs(1), []int64{11}, false, &MetaPassInvalidTokenId{TokenId: big.NewInt(11)}},
		{"length mismatch", ch.admin, addrs(2), []int64{4}, false, &MetaPassInvalidBatchLength{Recipients: big.NewInt(2), TokenIds: big.NewInt(1)}},
		{"empty", ch.admin, nil, nil, false, &MetaPassInvalidBatchLength{Recipients: big.NewInt(0), TokenIds: big.NewInt(0)}},
		{"over cap", ch.admin, addrs(8), []int64{4, 5, 6, 7, 8, 9, 10, 10}, false, &MetaPassSupplyCapExceeded{Requested: big.NewInt(8), Remaining: big.NewInt(7)}},
		{"not minter", ch.user, addrs(1), []int64{4}, false, &MetaPassAccessControlUnauthorizedAccount{Account: ch.user.From, NeededRole: minterRole}},
		{"paused", ch.admin, addrs(1), []int64{4}, true, &MetaPassEnforcedPause{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.paused {
				ch.send(t, ch.admin, mp.PackPause())
				defer ch.send(t, ch.admin, mp.PackUnpause())
			}
			got := ch.sendReverts(t, tt.from, mp.PackMintBatch(tt.to, bigs(tt.ids...)))
			sameError(t, got, tt.want)
		})
	}
	if got := call(t, ch, mp.PackTotalSupply(), mp.UnpackTotalSupply); got.Int64() != 2 {
		t.Errorf("totalSupply = %v, want 2", got)
	}
}

func TestBurn(t *testing.T) {
	ch := newChain(t, deployConfig{maxSupply: 100, soulbound: true})
	mp := ch.mp
	ch.mint(t, addrs(3), 1, 2, 3)

	sameError(t, ch.sendReverts(t, ch.user, mp.PackBurn(big.NewInt(1))),
		&MetaPassAccessControlUnauthorizedAccount{Account: ch.user.From, NeededRole: [32]byte{}})

	ch.send(t, ch.admin, mp.PackBurn(big.NewInt(1)))
	ch.send(t, ch.admin, mp.PackPause())
	ch.send(t, ch.admin, mp.PackBurn(big.NewInt(2))) // burns work while paused

	for _, id := range []int64{1, 2} {
		got := callReverts(t, ch, mp.PackOwnerOf(big.NewInt(id)), mp.UnpackOwnerOf)
		sameError(t, got, &MetaPassERC721NonexistentToken{TokenId: big.NewInt(id)})
	}
	sameError(t, ch.sendReverts(t, ch.admin, mp.PackBurn(big.NewInt(1))),
		&MetaPassERC721NonexistentToken{TokenId: big.NewInt(1)})
	if got := call(t, ch, mp.PackTotalSupply(), mp.UnpackTotalSupply); got.Int64() != 1 {
		t.Errorf("totalSupply = %v, want 1", got)
	}
	if got := call(t, ch, mp.PackTotalMinted(), mp.UnpackTotalMinted); got.Int64() != 3 {
		t.Errorf("totalMinted = %v, want 3", got)
	}
}

func TestTransfers(t *testing.T) {
	tests := []struct {
		name      string
		soulbound bool
	}{
		{"soulbound", true},
		{"transferable", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := newChain(t, deployConfig{maxSupply: 10, soulbound: tt.soulbound})
			mp := ch.mp
			holder, other := ch.user.From, common.HexToAddress("0xbeef")
			rcpt := ch.mint(t, []common.Address{holder, holder}, 1, 2)

			var lockedEvents []int64
			for _, l := range rcpt.Logs {
				if ev, err := mp.UnpackLockedEvent(l); err == nil {
					lockedEvents = append(lockedEvents, ev.TokenId.Int64())
				}
			}
			if want := map[bool]int{true: 2, false: 0}[tt.soulbound]; len(lockedEvents) != want {
				t.Errorf("Locked events for %v, want %d", lockedEvents, want)
			}
			if got := call(t, ch, mp.PackLocked(big.NewInt(1)), mp.UnpackLocked); got != tt.soulbound {
				t.Errorf("locked(1) = %v", got)
			}
			sameError(t, callReverts(t, ch, mp.PackLocked(big.NewInt(9)), mp.UnpackLocked),
				&MetaPassERC721NonexistentToken{TokenId: big.NewInt(9)})

			transfer := mp.PackTransferFrom(holder, other, big.NewInt(1))
			safeTransfer := mp.PackSafeTransferFrom(holder, other, big.NewInt(2))

			ch.send(t, ch.admin, mp.PackPause())
			sameError(t, ch.sendReverts(t, ch.user, transfer), &MetaPassEnforcedPause{})
			ch.send(t, ch.admin, mp.PackUnpause())

			if tt.soulbound {
				sameError(t, ch.sendReverts(t, ch.user, transfer), &MetaPassSoulbound{})
				sameError(t, ch.sendReverts(t, ch.user, safeTransfer), &MetaPassSoulbound{})
				return
			}
			ch.send(t, ch.user, transfer)
			ch.send(t, ch.user, safeTransfer)
			for _, id := range []int64{1, 2} {
				if got := call(t, ch, mp.PackOwnerOf(big.NewInt(id)), mp.UnpackOwnerOf); got != other {
					t.Errorf("ownerOf(%d) = %s, want %s", id, got, other)
				}
			}
		})
	}
}

func TestRoyaltyInfo(t *testing.T) {
	tests := []struct {
		name         string
		cfg          deployConfig
		wantReceiver bool
		wantAmount   int64
	}{
		{"default 5%", deployConfig{maxSupply: 10}, true, 5_000},
		{"10%", deployConfig{maxSupply: 10, royaltyBps: 1000}, true, 10_000},
		{"no receiver", deployConfig{maxSupply: 10, noRoyalty: true}, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := newChain(t, tt.cfg)
			got := call(t, ch, ch.mp.PackRoyaltyInfo(big.NewInt(1), big.NewInt(100_000)), ch.mp.UnpackRoyaltyInfo)
			want := common.Address{}
			if tt.wantReceiver {
				want = ch.royalty
			}
			if got.Receiver != want || got.Amount.Int64() != tt.wantAmount {
				t.Errorf("royaltyInfo = (%s, %v), want (%s, %d)", got.Receiver, got.Amount, want, tt.wantAmount)
			}
		})
	}
}

func TestMetadata(t *testing.T) {
	ch := newChain(t, deployConfig{maxSupply: 300})
	mp := ch.mp
	ch.mint(t, addrs(1), 42)

	if got := call(t, ch, mp.PackTokenURI(big.NewInt(42)), mp.UnpackTokenURI); got != testBaseURI+"42" {
		t.Errorf("tokenURI(42) = %q", got)
	}
	sameError(t, callReverts(t, ch, mp.PackTokenURI(big.NewInt(43)), mp.UnpackTokenURI),
		&MetaPassERC721NonexistentToken{TokenId: big.NewInt(43)})
	if got := call(t, ch, mp.PackContractURI(), mp.UnpackContractURI); got != testContractURI {
		t.Errorf("contractURI = %q", got)
	}

	rcpt := ch.send(t, ch.admin, mp.PackSetBaseURI("ipfs://new/"))
	if len(rcpt.Logs) != 1 {
		t.Fatalf("setBaseURI emitted %d logs", len(rcpt.Logs))
	}
	ev, err := mp.UnpackBatchMetadataUpdateEvent(rcpt.Logs[0])
	if err != nil {
		t.Fatal(err)
	}
	if ev.FromTokenId.Int64() != 1 || ev.ToTokenId.Int64() != 300 {
		t.Errorf("BatchMetadataUpdate(%v, %v), want (1, 300)", ev.FromTokenId, ev.ToTokenId)
	}
	if got := call(t, ch, mp.PackTokenURI(big.NewInt(42)), mp.UnpackTokenURI); got != "ipfs://new/42" {
		t.Errorf("tokenURI(42) after setBaseURI = %q", got)
	}

	rcpt = ch.send(t, ch.admin, mp.PackSetContractURI("ipfs://contract"))
	if len(rcpt.Logs) != 1 {
		t.Fatalf("setContractURI emitted %d logs", len(rcpt.Logs))
	}
	if _, err := mp.UnpackContractURIUpdatedEvent(rcpt.Logs[0]); err != nil {
		t.Fatal(err)
	}
	if got := call(t, ch, mp.PackContractURI(), mp.UnpackContractURI); got != "ipfs://contract" {
		t.Errorf("contractURI = %q", got)
	}

	notAdmin := &MetaPassAccessControlUnauthorizedAccount{Account: ch.user.From, NeededRole: [32]byte{}}
	for _, calldata := range [][]byte{mp.PackSetBaseURI("x"), mp.PackSetContractURI("x"), mp.PackPause(), mp.PackBurn(big.NewInt(42))} {
		sameError(t, ch.sendReverts(t, ch.user, calldata), notAdmin)
	}
}

func TestSupportsInterface(t *testing.T) {
	ch := newChain(t, deployConfig{maxSupply: 10})
	tests := []struct {
		name string
		id   string
		want bool
	}{
		{"ERC165", "01ffc9a7", true},
		{"ERC721", "80ac58cd", true},
		{"ERC721Metadata", "5b5e139f", true},
		{"AccessControl", "7965db0b", true},
		{"ERC2981", "2a55205a", true},
		{"ERC5192", "b45a3c0e", true},
		{"ERC4906", "49064906", true},
		{"ERC721Enumerable", "780e9d63", false},
		{"invalid", "ffffffff", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var id [4]byte
			copy(id[:], common.FromHex(tt.id))
			if got := call(t, ch, ch.mp.PackSupportsInterface(id), ch.mp.UnpackSupportsInterface); got != tt.want {
				t.Errorf("supportsInterface(0x%s) = %v, want %v", tt.id, got, tt.want)
			}
		})
	}
}
