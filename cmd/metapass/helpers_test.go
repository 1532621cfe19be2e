package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/contracts"
	"github.com/metapass/metapass/internal/apiclient"
	"github.com/metapass/metapass/internal/localproc"
	"github.com/metapass/metapass/passes"
)

// logWriter forwards serve's log lines to t.Log.
type logWriter struct{ t testing.TB }

func (w logWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// freeAddr returns a 127.0.0.1 address whose port was free a moment ago.
func freeAddr(t testing.TB) string {
	t.Helper()
	addr, err := localproc.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	return addr
}

// instance is one in-process run of serve.
type instance struct {
	cfg    config
	base   string // http://127.0.0.1:port
	stdout *localproc.Buffer
	cancel context.CancelFunc
	done   chan error
	once   sync.Once
	err    error
}

// startServe runs serve with flags parsed by parseServe (so defaults apply)
// on listen, with the embedded chain's JSON-RPC off and a 200ms block
// interval unless extra overrides them. It returns once /readyz answers and
// stops serve when the test ends.
func startServe(t testing.TB, listen string, extra ...string) *instance {
	t.Helper()
	args := append([]string{
		"-listen", listen, "-public-url", "http://" + listen,
		"-dev-rpc-addr", "", "-dev-block-interval", "200ms",
	}, extra...)
	cfg, err := parseServe(args, io.Discard)
	if err != nil {
		t.Fatalf("parseServe(%q): %v", args, err)
	}
	level := slog.LevelWarn
	if testing.Verbose() {
		level = slog.LevelInfo
	}
	log := newLogger(logWriter{t}, level)

	ctx, cancel := context.WithCancel(context.Background())
	in := &instance{cfg: cfg, base: "http://" + listen, stdout: &localproc.Buffer{}, cancel: cancel, done: make(chan error, 1)}
	go func() { in.done <- serve(ctx, cfg, in.stdout, log) }()
	t.Cleanup(func() {
		if err := in.stop(); err != nil {
			t.Errorf("serve returned: %v", err)
		}
	})

	hc := &http.Client{Timeout: 2 * time.Second}
	defer hc.CloseIdleConnections()
	deadline := time.After(2 * time.Minute)
	for {
		select {
		case err := <-in.done:
			in.done <- err // let stop see it too
			t.Fatalf("serve exited before becoming ready: %v", err)
		case <-deadline:
			t.Fatalf("serve at %s not ready after 2 minutes", in.base)
		case <-time.After(50 * time.Millisecond):
		}
		resp, err := hc.Get(in.base + "/readyz")
		if err != nil {
			continue
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return in
		}
	}
}

// stop cancels serve and waits for it to drain; it returns serve's error.
// Stopping twice is harmless.
func (in *instance) stop() error {
	in.once.Do(func() {
		in.cancel()
		select {
		case in.err = <-in.done:
		case <-time.After(time.Minute):
			in.err = errors.New("serve did not return within a minute of being cancelled")
		}
	})
	return in.err
}

var operatorKeyRE = regexp.MustCompile(`mpk_[A-Za-z0-9_\-]+`)

// operatorKeyIn returns the one operator key serve printed in stdout.
func operatorKeyIn(t testing.TB, stdout string) string {
	t.Helper()
	keys := operatorKeyRE.FindAllString(stdout, -1)
	if len(keys) != 1 {
		t.Fatalf("want one operator key on stdout, found %d in %q", len(keys), stdout)
	}
	return keys[0]
}

// operatorKey returns the operator key serve printed on stdout.
func (in *instance) operatorKey(t testing.TB) string {
	t.Helper()
	return operatorKeyIn(t, in.stdout.String())
}

// client calls the API with one key.
type client struct {
	base string
	key  string
	hc   *http.Client
}

func newClient(t testing.TB, base, key string) client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 32
	hc := &http.Client{Timeout: 30 * time.Second, Transport: tr}
	t.Cleanup(hc.CloseIdleConnections)
	return client{base: base, key: key, hc: hc}
}

// as returns a client with another key.
func (c client) as(key string) client { c.key = key; return c }

// call sends body as JSON and decodes the response into out, failing unless
// the status is want. Safe for concurrent use.
func (c client) call(ctx context.Context, method, path string, body any, want int, out any) error {
	return apiclient.Do(ctx, c.hc, method, c.base+path, c.key, body, want, out)
}

func (c client) must(t testing.TB, ctx context.Context, method, path string, body any, want int, out any) {
	t.Helper()
	if err := c.call(ctx, method, path, body, want, out); err != nil {
		t.Fatal(err)
	}
}

// eventually polls cond every interval until it reports done, failing the
// test when ctx ends first; status describes the last state seen.
func eventually(t testing.TB, ctx context.Context, what string, every time.Duration, cond func() (done bool, status string, err error)) {
	t.Helper()
	last := "never checked"
	for {
		done, status, err := cond()
		if err != nil {
			t.Fatalf("waiting for %s: %v", what, err)
		}
		if done {
			return
		}
		last = status
		select {
		case <-ctx.Done():
			t.Fatalf("gave up waiting for %s (%v); last seen: %s", what, ctx.Err(), last)
		case <-time.After(every):
		}
	}
}

// setupBrand creates a brand with the operator client and returns it with a
// client holding a fresh admin key of it.
func setupBrand(t testing.TB, ctx context.Context, op client, name string) (brands.Brand, client) {
	t.Helper()
	var b brands.Brand
	op.must(t, ctx, "POST", "/v1/brands", map[string]any{"name": name}, http.StatusCreated, &b)
	var k struct {
		Secret string `json:"secret"`
	}
	op.must(t, ctx, "POST", "/v1/brands/"+b.ID+"/keys", map[string]any{"role": "admin"}, http.StatusCreated, &k)
	if !strings.HasPrefix(k.Secret, "mpk_") {
		t.Fatalf("admin key secret %q lacks the mpk_ prefix", k.Secret)
	}
	return b, op.as(k.Secret)
}

const testSKU = "TEE-001"

// liveLaunch sets up brand name+" Brand" with op and, as its admin, a
// published launch name+" Pass" of supplyCap passes whose contract is
// deployed.
func liveLaunch(t testing.TB, ctx context.Context, op client, name string, supplyCap int64) (brands.Brand, client, passes.Launch) {
	t.Helper()
	brand, admin := setupBrand(t, ctx, op, name+" Brand")
	l := createLaunch(t, ctx, admin, name+" Pass", supplyCap)
	publish(t, ctx, admin, l.ID)
	return brand, admin, waitLive(t, ctx, admin, l.ID)
}

// createLaunch creates a draft launch with one SKU earning one pass a unit.
func createLaunch(t testing.TB, ctx context.Context, admin client, name string, supplyCap int64) passes.Launch {
	t.Helper()
	var l passes.Launch
	admin.must(t, ctx, "POST", "/v1/launches", map[string]any{
		"name": name, "symbol": "MPT", "description": "end-to-end test passes",
		"image_url": "https://example.com/pass.png", "supply_cap": supplyCap,
		"skus": []map[string]any{{"sku": testSKU}},
	}, http.StatusCreated, &l)
	if l.State != passes.LaunchDraft {
		t.Fatalf("new launch state = %s, want draft", l.State)
	}
	return l
}

// publish publishes a launch and checks it went deploying.
func publish(t testing.TB, ctx context.Context, admin client, id string) passes.Launch {
	t.Helper()
	var l passes.Launch
	admin.must(t, ctx, "POST", "/v1/launches/"+id+"/publish", nil, http.StatusAccepted, &l)
	if l.State != passes.LaunchDeploying {
		t.Fatalf("published launch state = %s, want deploying", l.State)
	}
	return l
}

func getLaunch(t testing.TB, ctx context.Context, admin client, id string) passes.Launch {
	t.Helper()
	var l passes.Launch
	admin.must(t, ctx, "GET", "/v1/launches/"+id, nil, http.StatusOK, &l)
	return l
}

// waitLive waits for the launch's deploy to be confirmed.
func waitLive(t testing.TB, ctx context.Context, admin client, id string) passes.Launch {
	t.Helper()
	var l passes.Launch
	eventually(t, ctx, "launch "+id+" to go live", 100*time.Millisecond, func() (bool, string, error) {
		if err := admin.call(ctx, "GET", "/v1/launches/"+id, nil, http.StatusOK, &l); err != nil {
			return false, "", err
		}
		if l.State == passes.LaunchDraft {
			return false, "", fmt.Errorf("launch fell back to draft: %s", l.DeployError)
		}
		return l.State == passes.LaunchLive, fmt.Sprintf("state %s", l.State), nil
	})
	if !common.IsHexAddress(l.Contract) || l.DeployTxHash == "" {
		t.Fatalf("live launch has contract %q, deploy tx %q", l.Contract, l.DeployTxHash)
	}
	return l
}

// buyer is one customer's order: a unique order id and a fresh wallet.
type buyer struct {
	OrderID string
	Wallet  common.Address
}

// order is the body of b's order of one pass of testSKU.
func (b buyer) order() map[string]any {
	return map[string]any{"order_id": b.OrderID, "sku": testSKU, "quantity": 1,
		"customer": map[string]any{"wallet": b.Wallet.Hex()}}
}

func newBuyers(t testing.TB, prefix string, n int) []buyer {
	t.Helper()
	bs := make([]buyer, n)
	for i := range bs {
		k, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		bs[i] = buyer{OrderID: fmt.Sprintf("%s-%03d", prefix, i+1), Wallet: crypto.PubkeyToAddress(k.PublicKey)}
	}
	return bs
}

// placeOrders posts one order of one unit per buyer, with up to workers
// requests in flight, and returns the accepted orders in buyer order.
func placeOrders(t testing.TB, ctx context.Context, c client, launchID string, bs []buyer, workers int) []passes.Order {
	t.Helper()
	out := make([]passes.Order, len(bs))
	errs := make([]error, len(bs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = c.call(ctx, "POST", "/v1/launches/"+launchID+"/orders", bs[i].order(), http.StatusAccepted, &out[i])
			}
		}()
	}
	for i := range bs {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	for i, o := range out {
		if o.ID == "" || o.OrderID != bs[i].OrderID || o.Wallet != bs[i].Wallet.Hex() || len(o.Passes) != 1 {
			t.Fatalf("order %d accepted as %+v, want order_id %s for %s with one pass", i, o, bs[i].OrderID, bs[i].Wallet.Hex())
		}
	}
	return out
}

// orderStates counts a launch's orders by state.
func orderStates(ctx context.Context, c client, launchID string) (map[passes.OrderState]int, error) {
	var list struct {
		Data []passes.Order `json:"data"`
	}
	if err := c.call(ctx, "GET", "/v1/launches/"+launchID+"/orders?limit=500", nil, http.StatusOK, &list); err != nil {
		return nil, err
	}
	n := map[passes.OrderState]int{}
	for _, o := range list.Data {
		n[o.State]++
	}
	return n, nil
}

// waitMinted waits until all n orders of the launch are minted, failing
// fast if one fails, and returns the orders re-read one by one.
func waitMinted(t testing.TB, ctx context.Context, c client, launchID string, orders []passes.Order) []passes.Order {
	t.Helper()
	eventually(t, ctx, "every order to be minted", 250*time.Millisecond, func() (bool, string, error) {
		n, err := orderStates(ctx, c, launchID)
		if err != nil {
			return false, "", err
		}
		if n[passes.OrderFailed] > 0 {
			return false, "", fmt.Errorf("%d orders failed", n[passes.OrderFailed])
		}
		return n[passes.OrderMinted] == len(orders), fmt.Sprint(n), nil
	})
	out := make([]passes.Order, len(orders))
	for i, o := range orders {
		c.must(t, ctx, "GET", "/v1/orders/"+o.ID, nil, http.StatusOK, &out[i])
		if out[i].State != passes.OrderMinted {
			t.Fatalf("order %s is %s after the list said minted", o.ID, out[i].State)
		}
	}
	return out
}

// chainReport is what checkOnChain found.
type chainReport struct {
	MintTxs int    // distinct mint transactions carrying the passes
	Blocks  int    // distinct blocks they were mined in
	MintGas uint64 // gas the mint transactions used, together
}

// checkOnDevChain runs checkOnChain against the dev chain serve exposes
// at rpcAddr (-dev-rpc-addr), with the signer whose key is in keyFile.
func checkOnDevChain(t testing.TB, ctx context.Context, rpcAddr, keyFile string, l passes.Launch, bs []buyer, orders []passes.Order) chainReport {
	t.Helper()
	ec, err := ethclient.DialContext(ctx, "http://"+rpcAddr)
	if err != nil {
		t.Fatal(err)
	}
	defer ec.Close()
	key, err := crypto.LoadECDSA(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	return checkOnChain(t, ctx, ec, l, crypto.PubkeyToAddress(key.PublicKey), bs, orders)
}

// checkOnChain checks the minted orders against the chain: each order's one
// pass has edition, token id on chain, tx hash, nonce and block; editions
// are exactly 1..n; each token id holds its recipient's address above a
// counter, and each recipient's counters are 1..k; ownerOf(token) is the
// order's wallet; the collection logged exactly one Transfer from the zero
// address per token, to that wallet; every mint transaction succeeded in
// the block the pass reports; and the signer sent exactly the
// implementation, the factory, one collection and those mint transactions.
func checkOnChain(t testing.TB, ctx context.Context, ec *ethclient.Client, l passes.Launch, signer common.Address, bs []buyer, orders []passes.Order) chainReport {
	t.Helper()
	pc := contracts.NewPassCollection()
	contract := common.HexToAddress(l.Contract)
	owners := map[string]common.Address{} // token id on chain → owner
	editions := map[uint64]bool{}
	counters := map[common.Address][]uint64{}
	txs := map[string]uint64{} // mint tx hash → block
	for i, o := range orders {
		if o.OrderID != bs[i].OrderID || o.Wallet != bs[i].Wallet.Hex() || len(o.Passes) != 1 {
			t.Fatalf("order %s: %+v does not match buyer %+v", o.ID, o, bs[i])
		}
		p := o.Passes[0]
		id, _ := new(big.Int).SetString(p.ChainTokenID, 10)
		var first common.Address
		var counter uint64
		if id != nil {
			first, counter, _ = contracts.SplitPassTokenID(id)
		}
		switch {
		case p.State != passes.PassMinted:
			t.Fatalf("order %s pass state %s", o.OrderID, p.State)
		case p.Recipient != bs[i].Wallet.Hex():
			t.Fatalf("order %s pass recipient %s, want %s", o.OrderID, p.Recipient, bs[i].Wallet.Hex())
		case p.Contract != contract.Hex() || p.ChainID != l.ChainID:
			t.Fatalf("order %s pass on %d/%s, want %d/%s", o.OrderID, p.ChainID, p.Contract, l.ChainID, contract.Hex())
		case p.TokenID < 1 || p.TokenID > uint64(len(orders)) || editions[p.TokenID]:
			t.Fatalf("order %s edition %d outside 1..%d or given twice", o.OrderID, p.TokenID, len(orders))
		case id == nil || first != bs[i].Wallet || counter < 1:
			t.Fatalf("order %s token id on chain %q is not one of %s's", o.OrderID, p.ChainTokenID, bs[i].Wallet.Hex())
		case p.TxHash == "" || p.Nonce == nil || p.BlockNumber == nil:
			t.Fatalf("order %s minted pass lacks tx_hash/nonce/block_number: %+v", o.OrderID, p)
		}
		if prev, dup := owners[p.ChainTokenID]; dup {
			t.Fatalf("token %s given to both %s and %s", p.ChainTokenID, prev.Hex(), p.Recipient)
		}
		owners[p.ChainTokenID] = bs[i].Wallet
		editions[p.TokenID] = true
		counters[first] = append(counters[first], counter)
		if b, seen := txs[p.TxHash]; seen && b != *p.BlockNumber {
			t.Fatalf("tx %s reported in blocks %d and %d", p.TxHash, b, *p.BlockNumber)
		}
		txs[p.TxHash] = *p.BlockNumber
	}
	for owner, cs := range counters {
		slices.Sort(cs)
		for i, c := range cs {
			if c != uint64(i+1) {
				t.Fatalf("%s's passes have counters %v, want 1..%d", owner.Hex(), cs, len(cs))
			}
		}
	}

	// ownerOf, straight from the contract.
	for token, want := range owners {
		id, _ := new(big.Int).SetString(token, 10)
		out, err := ec.CallContract(ctx, ethereum.CallMsg{To: &contract, Data: pc.PackOwnerOf(id)}, nil)
		if err != nil {
			t.Fatalf("ownerOf(%s): %v", token, err)
		}
		got, err := pc.UnpackOwnerOf(out)
		if err != nil {
			t.Fatalf("ownerOf(%s): %v", token, err)
		}
		if got != want {
			t.Fatalf("ownerOf(%s) = %s, want %s", token, got.Hex(), want.Hex())
		}
	}

	// Transfer logs: exactly one mint per token, to its wallet.
	logs, err := ec.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: big.NewInt(0), Addresses: []common.Address{contract},
		Topics: [][]common.Hash{{pc.GetABI().Events[contracts.PassCollectionTransferEventName].ID}},
	})
	if err != nil {
		t.Fatalf("eth_getLogs: %v", err)
	}
	mints := map[string]int{}
	for i := range logs {
		ev, err := pc.UnpackTransferEvent(&logs[i])
		if err != nil {
			t.Fatalf("decode Transfer log %d: %v", i, err)
		}
		if ev.From != (common.Address{}) {
			t.Errorf("unexpected transfer of token %v from %s", ev.TokenId, ev.From.Hex())
			continue
		}
		id := ev.TokenId.String()
		mints[id]++
		if want, ok := owners[id]; !ok || ev.To != want {
			t.Errorf("Transfer(0x0 → %s, token %s) in tx %s; want owner %s", ev.To.Hex(), id, ev.Raw.TxHash.Hex(), want.Hex())
		}
		if _, ok := txs[ev.Raw.TxHash.Hex()]; !ok {
			t.Errorf("token %s minted by tx %s, which no pass reports", id, ev.Raw.TxHash.Hex())
		}
	}
	if len(logs) != len(orders) || len(mints) != len(orders) {
		t.Errorf("%d Transfer logs for %d distinct tokens; want %d of each", len(logs), len(mints), len(orders))
	}
	for id, n := range mints {
		if n != 1 {
			t.Errorf("token %s minted %d times", id, n)
		}
	}

	// Receipts of the mint transactions, and the signer's nonce.
	blocks := map[uint64]bool{}
	var gas uint64
	for hash, block := range txs {
		r, err := ec.TransactionReceipt(ctx, common.HexToHash(hash))
		if err != nil {
			t.Fatalf("receipt of %s: %v", hash, err)
		}
		gas += r.GasUsed
		if r.Status != types.ReceiptStatusSuccessful || r.BlockNumber.Uint64() != block {
			t.Errorf("mint tx %s: status %d in block %d; pass says block %d", hash, r.Status, r.BlockNumber, block)
		}
		blocks[block] = true
	}
	nonce, err := ec.NonceAt(ctx, signer, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := uint64(3 + len(txs)); nonce != want {
		t.Errorf("signer %s sent %d transactions; want %d (implementation, factory, collection, %d mints)", signer.Hex(), nonce, want, len(txs))
	}
	return chainReport{MintTxs: len(txs), Blocks: len(blocks), MintGas: gas}
}
