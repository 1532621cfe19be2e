package passes_test

import (
	"crypto/ecdsa"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/chain"
	"github.com/metapass/metapass/contracts"
	"github.com/metapass/metapass/passes"
	"github.com/metapass/metapass/sqlite"
	"github.com/metapass/metapass/storetest"
)

// rig is the minter on a SQLite file and the embedded dev chain (geth),
// stepped by the test itself so it can change the client between rounds.
type rig struct {
	dev    *chain.DevChain
	ec     *ethclient.Client
	client *chain.Client
	key    *ecdsa.PrivateKey // the signer's
	funder *ecdsa.PrivateKey // funded in the genesis block
	dbPath string
	brands brands.Store
	svc    *passes.Service
	minter *passes.Minter
}

// newRig starts a dev chain sealing a block every 100 ms; the signer is
// funded in its genesis block unless broke.
func newRig(t *testing.T, broke bool) *rig {
	t.Helper()
	return newRigGas(t, broke, 0)
}

// newRigGas is newRig with blocks of gasLimit gas (0 for the default).
func newRigGas(t *testing.T, broke bool, gasLimit uint64) *rig {
	t.Helper()
	return newRigDev(t, broke, chain.DevConfig{BlockInterval: 100 * time.Millisecond, GasLimit: gasLimit})
}

// newRigDev is newRig on a dev chain configured as dev (its Funded set
// here).
func newRigDev(t *testing.T, broke bool, dev chain.DevConfig) *rig {
	t.Helper()
	r := &rig{}
	r.key, _ = newAccount(t)
	r.funder, _ = newAccount(t)
	funded := []common.Address{crypto.PubkeyToAddress(r.funder.PublicKey)}
	if !broke {
		funded = append(funded, crypto.PubkeyToAddress(r.key.PublicKey))
	}
	var err error
	dev.Funded = funded
	if r.dev, err = chain.StartDevChain(dev); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.dev.Close() })
	r.ec = ethclient.NewClient(r.dev.RPC())
	if r.client, err = chain.NewClient(t.Context(), r.dev.RPC(), r.key); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.client.Close)
	r.dbPath = filepath.Join(t.TempDir(), "m.db")
	db, err := sqlite.Open(t.Context(), r.dbPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	r.brands = db.Brands()
	if err := db.Brands().CreateBrand(t.Context(), brands.Brand{ID: "brd_1", Name: "A", CreatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	log := discard
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(tlog{t}, nil))
	}
	r.svc = &passes.Service{Store: db.Passes(), ChainID: r.client.ID(), Now: time.Now}
	r.minter = passes.NewMinter(db.Passes(), r.client, passes.MinterConfig{BaseURL: "http://x", ReplaceAfter: 2}, log)
	return r
}

type tlog struct{ t *testing.T }

func (w tlog) Write(p []byte) (int, error) { w.t.Log(strings.TrimSpace(string(p))); return len(p), nil }

// until steps the minter until cond holds.
func (r *rig) until(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if err := r.minter.Step(t.Context()); err != nil {
			t.Logf("step: %v", err)
		}
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// launch creates and publishes a launch of 10 passes.
func (r *rig) launch(t *testing.T) passes.Launch {
	t.Helper()
	l, err := r.svc.CreateLaunch(t.Context(), "brd_1", passes.Launch{Name: "XO", Symbol: "XO", SupplyCap: 10,
		SKUs: []passes.SKU{{SKU: "A", PassesPerUnit: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	if l, err = r.svc.Transition(t.Context(), "brd_1", l.ID, passes.Publish); err != nil {
		t.Fatal(err)
	}
	return l
}

func (r *rig) liveLaunch(t *testing.T) passes.Launch {
	t.Helper()
	l := r.launch(t)
	r.until(t, "the launch to go live", func() bool { return r.getLaunch(t, l.ID).State == passes.LaunchLive })
	return r.getLaunch(t, l.ID)
}

func (r *rig) getLaunch(t *testing.T, id string) passes.Launch {
	t.Helper()
	l, err := r.svc.GetLaunch(t.Context(), "brd_1", id)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func (r *rig) order(t *testing.T, launchID, id, wallet string) passes.Order {
	t.Helper()
	o, _, err := r.svc.PlaceOrder(t.Context(), "brd_1", launchID, passes.OrderRequest{OrderID: id, SKU: "A", Quantity: 1, Wallet: wallet})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func (r *rig) getOrder(t *testing.T, id string) passes.Order {
	t.Helper()
	o, err := r.svc.GetOrder(t.Context(), "brd_1", id)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// mints counts the Transfer events from the zero address of contract, by
// token id on chain, with the recipient of each.
func (r *rig) mints(t *testing.T, contract string) map[string][]string {
	t.Helper()
	pc := contracts.NewPassCollection()
	logs, err := r.ec.FilterLogs(t.Context(), ethereum.FilterQuery{FromBlock: big.NewInt(0), Addresses: []common.Address{common.HexToAddress(contract)},
		Topics: [][]common.Hash{{pc.GetABI().Events[contracts.PassCollectionTransferEventName].ID}}})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for i := range logs {
		ev, err := pc.UnpackTransferEvent(&logs[i])
		if err != nil {
			t.Fatal(err)
		}
		if ev.From == (common.Address{}) {
			out[ev.TokenId.String()] = append(out[ev.TokenId.String()], ev.To.Hex())
		}
	}
	return out
}

// attempts lists the recorded attempts of the transaction at nonce, oldest
// first, and that transaction's state.
func (r *rig) attempts(t *testing.T, nonce uint64) (hashes []string, state string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+r.dbPath+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.QueryContext(t.Context(), `SELECT a.hash, t.state FROM tx_attempts a JOIN chain_txs t ON t.id = a.tx_id
		WHERE t.nonce = ? ORDER BY a.id`, nonce)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var h string
		if err := rows.Scan(&h, &state); err != nil {
			t.Fatal(err)
		}
		hashes = append(hashes, h)
	}
	return hashes, state
}

// transfer sends value from key to to at nonce (the next one when nil),
// with the node's suggested fees, and waits for it.
func (r *rig) transfer(t *testing.T, key *ecdsa.PrivateKey, nonce *uint64, to common.Address, value *big.Int) *types.Receipt {
	t.Helper()
	ctx := t.Context()
	n := uint64(0)
	if nonce != nil {
		n = *nonce
	} else {
		var err error
		if n, err = r.ec.NonceAt(ctx, crypto.PubkeyToAddress(key.PublicKey), nil); err != nil {
			t.Fatal(err)
		}
	}
	head, err := r.ec.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	tip, err := r.ec.SuggestGasTipCap(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(big.NewInt(chain.DevChainID)), &types.DynamicFeeTx{
		ChainID: big.NewInt(chain.DevChainID), Nonce: n, GasTipCap: tip, Gas: 21000, To: &to, Value: value,
		GasFeeCap: new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.ec.SendTransaction(ctx, tx); err != nil {
		t.Fatalf("send: %v", err)
	}
	return sender{b: r.ec}.receipt(t, tx.Hash())
}

func (r *rig) receipt(t *testing.T, hash string) *types.Receipt {
	t.Helper()
	rc, err := r.ec.TransactionReceipt(t.Context(), common.HexToHash(hash))
	if errors.Is(err, ethereum.NotFound) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return rc
}

// stuck caps the signer's fees at 2 wei a gas: geth's pool keeps what it
// signs then, but no block takes it.
func (r *rig) stuck() { r.client.MaxFeePerGas = big.NewInt(2) }

// TestMinterReplacesStuckTransaction: a mint that no block takes holds the
// line; after ReplaceAfter blocks the minter replaces it at the same nonce
// with higher fees, which geth's pool takes (its price bump is 10%) and
// mines, and the pass is minted once. While the operator's cap forbids the
// replacement, the minter says it is stuck and the order stays submitted.
func TestMinterReplacesStuckTransaction(t *testing.T) {
	r := newRig(t, false)
	l := r.liveLaunch(t)
	r.stuck()
	_, wallet := newAccount(t)
	o := r.order(t, l.ID, "O-1", wallet)
	r.until(t, "the replacement to hit the fee cap", func() bool { return r.minter.Status().Stuck != "" })
	t.Logf("stuck: %s", r.minter.Status().Stuck)
	if got := r.getOrder(t, o.ID); got.State != passes.OrderSubmitted {
		t.Fatalf("order while stuck: %s, want submitted", got.State)
	}
	nonce := *r.getOrder(t, o.ID).Passes[0].Nonce

	r.client.MaxFeePerGas = nil // the operator raises the cap
	r.until(t, "the order to be minted", func() bool { return r.getOrder(t, o.ID).State == passes.OrderMinted })
	if s := r.minter.Status().Stuck; s != "" {
		t.Errorf("still stuck after minting: %s", s)
	}

	hashes, state := r.attempts(t, nonce)
	p := r.getOrder(t, o.ID).Passes[0]
	if len(hashes) != 2 || state != "confirmed" || p.TxHash != hashes[1] || *p.Nonce != nonce {
		t.Fatalf("nonce %d: attempts %v (%s); pass minted by %s at nonce %d; want 2 attempts, the second mined", nonce, hashes, state, p.TxHash, *p.Nonce)
	}
	if r.receipt(t, hashes[0]) != nil {
		t.Errorf("the replaced attempt %s was mined too", hashes[0])
	}
	first, _, err := r.ec.TransactionByHash(t.Context(), common.HexToHash(hashes[1]))
	if err != nil {
		t.Fatal(err)
	}
	if first.GasFeeCap().Cmp(big.NewInt(3)) < 0 || first.GasTipCap().Cmp(big.NewInt(3)) < 0 {
		t.Errorf("replacement fees tip %v, cap %v; want both at least 2 wei + 10%%", first.GasTipCap(), first.GasFeeCap())
	}
	if m, id := r.mints(t, l.Contract), storetest.ChainToken(t, wallet, 1); len(m) != 1 || len(m[id]) != 1 || m[id][0] != wallet || p.ChainTokenID != id {
		t.Errorf("mints %v; want %s's first pass (%s) once", m, wallet, p.ChainTokenID)
	}
}

// TestMinterNonceTakenByAnotherSender: while a mint waits in the pool,
// another sender using the signer's key takes its nonce. The minter finds
// the nonce final with none of its attempts mined, queues the pass again
// and mints it once under a new nonce.
func TestMinterNonceTakenByAnotherSender(t *testing.T) {
	r := newRig(t, false)
	l := r.liveLaunch(t)
	r.stuck()
	_, wallet := newAccount(t)
	o := r.order(t, l.ID, "O-1", wallet)
	r.until(t, "the mint to be submitted", func() bool { return r.getOrder(t, o.ID).State == passes.OrderSubmitted })
	taken := *r.getOrder(t, o.ID).Passes[0].Nonce
	hashes, _ := r.attempts(t, taken)

	// Another process holding the key sends a transfer at that nonce, with
	// fees the pool prefers.
	r.transfer(t, r.key, &taken, crypto.PubkeyToAddress(r.funder.PublicKey), big.NewInt(1))
	r.client.MaxFeePerGas = nil
	r.until(t, "the order to be minted", func() bool { return r.getOrder(t, o.ID).State == passes.OrderMinted })

	p := r.getOrder(t, o.ID).Passes[0]
	if *p.Nonce <= taken {
		t.Errorf("pass minted at nonce %d; want past the taken %d", *p.Nonce, taken)
	}
	if _, state := r.attempts(t, taken); state != "dropped" {
		t.Errorf("transaction at the taken nonce %d is %s, want dropped", taken, state)
	}
	for _, h := range hashes {
		if r.receipt(t, h) != nil {
			t.Errorf("attempt %s at the taken nonce was mined", h)
		}
	}
	if m, id := r.mints(t, l.Contract), storetest.ChainToken(t, wallet, 1); len(m) != 1 || len(m[id]) != 1 || m[id][0] != wallet || p.ChainTokenID != id {
		t.Errorf("mints %v; want %s's first pass (%s) once", m, wallet, p.ChainTokenID)
	}
}

// TestMinterWaitsForFunds: a signer that cannot pay puts the passes in
// waiting_for_funds (the order shows it) with one transaction recorded to
// find out when it can; funded, it deploys and mints everything once.
func TestMinterWaitsForFunds(t *testing.T) {
	r := newRig(t, true)
	l := r.launch(t)
	var orders []passes.Order
	wallets := map[string]string{} // chain token id → recipient
	for i := range 3 {
		_, w := newAccount(t)
		orders = append(orders, r.order(t, l.ID, fmt.Sprintf("O-%d", i), w))
		wallets[storetest.ChainToken(t, w, 1)] = w
	}
	r.until(t, "the orders to wait for funds", func() bool {
		for _, o := range orders {
			if r.getOrder(t, o.ID).State != passes.OrderWaitingForFunds {
				return false
			}
		}
		return true
	})
	for range 5 { // more rounds sign nothing more
		if err := r.minter.Step(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
	if hashes, _ := r.attempts(t, 1); len(hashes) != 0 {
		t.Fatalf("a second transaction was recorded while the signer could not pay: %v", hashes)
	}

	r.transfer(t, r.funder, nil, crypto.PubkeyToAddress(r.key.PublicKey), new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil))
	r.until(t, "every order to be minted", func() bool {
		for _, o := range orders {
			if r.getOrder(t, o.ID).State != passes.OrderMinted {
				return false
			}
		}
		return true
	})
	m := r.mints(t, r.getLaunch(t, l.ID).Contract)
	for id, w := range wallets {
		if len(m[id]) != 1 || m[id][0] != w {
			t.Errorf("token %s minted to %v; want once, to %s", id, m[id], w)
		}
	}
	if len(m) != len(wallets) {
		t.Errorf("%d tokens minted, want %d", len(m), len(wallets))
	}
}

// TestMinterCollections: the minter deploys the implementation and the
// factory once, creates each launch's collection at the address computed
// before signing, and gives each recipient's passes consecutive token ids
// on chain (two orders in one batch take counters 1 and 2, later ones 3
// and 4), which own their metadata URIs.
func TestMinterCollections(t *testing.T) {
	r := newRig(t, false)
	ctx := t.Context()
	store := r.svc.Store.(passes.MintStore)
	l := r.liveLaunch(t)
	f, err := store.Factory(ctx, r.client.ID(), r.client.Sender())
	if err != nil || !f.Deployed || f.Address == "" || f.Implementation == "" {
		t.Fatalf("factory after the first launch: %+v %v", f, err)
	}
	predicted := func(l passes.Launch) string {
		p := contracts.PassFactoryParams{Name: l.Name, Symbol: l.Symbol, UriPrefix: passes.MetadataPrefix("http://x", l.ChainID),
			MaxSupply: big.NewInt(l.SupplyCap), Admin: common.HexToAddress(r.client.Sender()), Minter: common.HexToAddress(r.client.Sender())}
		args, _ := contracts.CloneArgs(p)
		return contracts.PredictCollection(common.HexToAddress(f.Address), common.HexToAddress(f.Implementation),
			common.HexToAddress(r.client.Sender()), chain.LaunchSalt(l.ID), args).Hex()
	}
	if l.Contract != predicted(l) {
		t.Fatalf("launch at %s, predicted %s", l.Contract, predicted(l))
	}

	_, wallet := newAccount(t)
	_, other := newAccount(t)
	orders := []passes.Order{r.order(t, l.ID, "O-1", wallet), r.order(t, l.ID, "O-2", other), r.order(t, l.ID, "O-3", wallet)}
	minted := func(os ...passes.Order) func() bool {
		return func() bool {
			for _, o := range os {
				if r.getOrder(t, o.ID).State != passes.OrderMinted {
					return false
				}
			}
			return true
		}
	}
	r.until(t, "the first orders to be minted", minted(orders...))
	orders = append(orders, r.order(t, l.ID, "O-4", wallet))
	orders = append(orders, r.order(t, l.ID, "O-5", wallet))
	r.until(t, "the later orders to be minted", minted(orders...))

	want := []struct {
		owner   string
		counter uint64
	}{{wallet, 1}, {other, 1}, {wallet, 2}, {wallet, 3}, {wallet, 4}}
	m := r.mints(t, l.Contract)
	for i, w := range want {
		p := r.getOrder(t, orders[i].ID).Passes[0]
		id := storetest.ChainToken(t, w.owner, w.counter)
		if p.ChainTokenID != id || p.TokenID != uint64(i+1) {
			t.Errorf("order %d: edition %d, token %s; want edition %d, %s's pass %d (%s)", i+1, p.TokenID, p.ChainTokenID, i+1, w.owner, w.counter, id)
		}
		if owner, err := r.client.OwnerOf(ctx, l.Contract, id); err != nil || owner != w.owner {
			t.Errorf("ownerOf(%s's pass %d) = %s, %v", w.owner, w.counter, owner, err)
		}
		if len(m[id]) != 1 {
			t.Errorf("%s minted %d times", id, len(m[id]))
		}
		md, err := r.svc.TokenMetadata(ctx, l.ChainID, l.Contract, id)
		if err != nil || md.Name != fmt.Sprintf("XO #%d", i+1) {
			t.Errorf("metadata of %s: %+v %v", id, md, err)
		}
	}
	if len(m) != len(want) {
		t.Errorf("%d tokens minted, want %d", len(m), len(want))
	}
	pc := contracts.NewPassCollection()
	uri, err := bind.Call(pc.Instance(r.ec, common.HexToAddress(l.Contract)), nil, pc.PackTokenURI(bigID(t, storetest.ChainToken(t, wallet, 1))), pc.UnpackTokenURI)
	if wantURI := passes.MetadataPrefix("http://x", l.ChainID) + l.Contract + "/" + storetest.ChainToken(t, wallet, 1); err != nil || uri != wantURI {
		t.Errorf("tokenURI %q, %v; want %q", uri, err, wantURI)
	}

	// A second launch is another clone of the same factory.
	l2 := r.liveLaunch(t)
	if f2, _ := store.Factory(ctx, r.client.ID(), r.client.Sender()); f2 != f {
		t.Fatalf("factory after the second launch: %+v, was %+v", f2, f)
	}
	if l2.Contract != predicted(l2) || l2.Contract == l.Contract {
		t.Fatalf("second launch at %s, predicted %s (first at %s)", l2.Contract, predicted(l2), l.Contract)
	}
	kinds := r.kinds(t)
	if kinds[passes.TxImplementation] != 1 || kinds[passes.TxFactory] != 1 || kinds[passes.TxDeploy] != 2 {
		t.Fatalf("transactions by kind: %v; want one implementation, one factory, two deploys", kinds)
	}

	// Another service, with its own signer and database, given the factory
	// (-factory), deploys nothing but its launch's clone.
	given := &rig{dev: r.dev, ec: r.ec, key: r.funder, funder: r.funder, dbPath: filepath.Join(t.TempDir(), "m.db")}
	if given.client, err = chain.NewClient(ctx, r.dev.RPC(), r.funder); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(given.client.Close)
	db, err := sqlite.Open(ctx, given.dbPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := db.Brands().CreateBrand(ctx, brands.Brand{ID: "brd_1", Name: "A", CreatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	given.svc = &passes.Service{Store: db.Passes(), ChainID: given.client.ID(), Now: time.Now}
	given.minter = passes.NewMinter(db.Passes(), given.client, passes.MinterConfig{BaseURL: "http://x", Factory: f.Address}, discard)
	l3 := given.liveLaunch(t)
	p := contracts.PassFactoryParams{Name: l3.Name, Symbol: l3.Symbol, UriPrefix: passes.MetadataPrefix("http://x", l3.ChainID),
		MaxSupply: big.NewInt(l3.SupplyCap), Admin: common.HexToAddress(given.client.Sender()), Minter: common.HexToAddress(given.client.Sender())}
	args, _ := contracts.CloneArgs(p)
	if want := contracts.PredictCollection(common.HexToAddress(f.Address), common.HexToAddress(f.Implementation),
		common.HexToAddress(given.client.Sender()), chain.LaunchSalt(l3.ID), args).Hex(); l3.Contract != want {
		t.Fatalf("launch with -factory at %s, predicted %s", l3.Contract, want)
	}
	if kinds := given.kinds(t); len(kinds) != 1 || kinds[passes.TxDeploy] != 1 {
		t.Fatalf("transactions with -factory: %v; want the launch's deploy alone", kinds)
	}
	if f3, _ := db.Passes().Factory(ctx, given.client.ID(), given.client.Sender()); f3 != (passes.Factory{}) {
		t.Fatalf("a given factory recorded as deployed: %+v", f3)
	}
}

// kinds counts the recorded transactions by kind.
func (r *rig) kinds(t *testing.T) map[passes.TxKind]int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+r.dbPath+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.QueryContext(t.Context(), `SELECT kind, COUNT(*) FROM chain_txs GROUP BY kind`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[passes.TxKind]int{}
	for rows.Next() {
		var k passes.TxKind
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			t.Fatal(err)
		}
		out[k] = n
	}
	return out
}

func bigID(t *testing.T, s string) *big.Int {
	t.Helper()
	id, ok := new(big.Int).SetString(s, 10)
	if !ok {
		t.Fatalf("token id %q", s)
	}
	return id
}

// TestMinterWaitsForFullBatchWhileBusy: with half of MaxInFlight out (here
// a mint no block takes), a partial batch waits for passes to fill it; with
// nothing out it goes at once.
func TestMinterWaitsForFullBatchWhileBusy(t *testing.T) {
	r := newRig(t, false)
	r.minter = passes.NewMinter(r.svc.Store.(passes.MintStore), r.client,
		passes.MinterConfig{BaseURL: "http://x", BatchSize: 3, MaxInFlight: 2, MaxInFlightPerBrand: 2, ReplaceAfter: 1000}, discard)
	l := r.liveLaunch(t)
	r.stuck()
	state := func(id string) passes.OrderState { return r.getOrder(t, id).State }
	step := func() {
		t.Helper()
		if err := r.minter.Step(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
	wallet := func() string { _, a := newAccount(t); return a }

	first := r.order(t, l.ID, "B-1", wallet())
	step()
	if s := state(first.ID); s != passes.OrderSubmitted {
		t.Fatalf("a lone pass with nothing in flight is %s, want submitted at once", s)
	}
	second := r.order(t, l.ID, "B-2", wallet())
	step()
	if s := state(second.ID); s != passes.OrderQueued {
		t.Fatalf("a partial batch with half the in-flight limit out is %s, want queued", s)
	}
	third, fourth := r.order(t, l.ID, "B-3", wallet()), r.order(t, l.ID, "B-4", wallet())
	step()
	for _, o := range []passes.Order{second, third, fourth} {
		if s := state(o.ID); s != passes.OrderSubmitted {
			t.Errorf("order %s of a full batch is %s, want submitted", o.OrderID, s)
		}
	}
}

// TestMinterSplitsBatchTooLarge: a batch needing more gas than a
// transaction may use is halved until it fits, and every pass is minted
// once.
func TestMinterSplitsBatchTooLarge(t *testing.T) {
	// 3M gas blocks: the implementation's deployment fits, a mint to 120
	// fresh recipients (~25,000 gas each) does not, one to 60 does.
	r := newRigGas(t, false, 3_000_000)
	r.minter = passes.NewMinter(r.svc.Store.(passes.MintStore), r.client,
		passes.MinterConfig{BaseURL: "http://x", BatchSize: 120}, discard)
	l, err := r.svc.CreateLaunch(t.Context(), "brd_1", passes.Launch{Name: "XO", Symbol: "XO", SupplyCap: 120,
		SKUs: []passes.SKU{{SKU: "A", PassesPerUnit: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err = r.svc.Transition(t.Context(), "brd_1", l.ID, passes.Publish); err != nil {
		t.Fatal(err)
	}
	r.until(t, "the launch to go live", func() bool { return r.getLaunch(t, l.ID).State == passes.LaunchLive })
	wallets := map[string]string{} // order id → recipient
	for i := range 120 {
		_, w := newAccount(t)
		wallets[r.order(t, l.ID, fmt.Sprintf("O-%d", i), w).ID] = w
	}
	r.until(t, "the orders to be minted", func() bool {
		for id := range wallets {
			if r.getOrder(t, id).State != passes.OrderMinted {
				return false
			}
		}
		return true
	})
	if kinds := r.kinds(t); kinds[passes.TxMint] != 2 {
		t.Errorf("transactions by kind: %v; want two mints of 60", kinds)
	}
	m := r.mints(t, r.getLaunch(t, l.ID).Contract)
	for _, w := range wallets {
		if id := storetest.ChainToken(t, w, 1); len(m[id]) != 1 || m[id][0] != w {
			t.Errorf("%s's pass minted to %v; want once, to it", w, m[id])
		}
	}
	if len(m) != len(wallets) {
		t.Errorf("%d tokens minted, want %d", len(m), len(wallets))
	}
}
