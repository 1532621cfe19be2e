package main

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"math/big"
	"math/bits"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"

	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/chain/devnettest"
	"github.com/metapass/metapass/contracts"
	"github.com/metapass/metapass/passes"
)

// TestGethDevnetFlow runs serve against a real geth --dev node in a
// container: brand, key, launch, publish, 100 orders, all minted; then it
// reads ownership and Transfer logs from geth itself.
//
// The orders are posted while the launch is still deploying, so they queue
// until the contract is confirmed and the minter then finds all of them at
// once: with -batch-size 50 they must go out in ceil(100/50) = 2 full
// transactions, or, where 50 mints need more gas than one transaction may
// use (geth --dev prices storage Amsterdam-style, ~226k gas a mint, and its
// blocks hold ~11.6M), in full batches of 25 or fewer as the minter halves the
// batch until it fits, which the test confirms with eth_estimateGas.
func TestGethDevnetFlow(t *testing.T) {
	g := devnettest.StartGeth(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	const nOrders, batchSize = 100, 50
	keyFile := filepath.Join(t.TempDir(), "signer.key")
	if err := crypto.SaveECDSA(keyFile, g.FundedKey); err != nil {
		t.Fatal(err)
	}
	signer := crypto.PubkeyToAddress(g.FundedKey.PublicKey)
	srv := startServe(t, freeAddr(t), "-data-dir", t.TempDir(), "-rpc-url", g.RPCURL, "-signer-key-file", keyFile,
		"-confirmations", "2", "-batch-size", strconv.Itoa(batchSize))

	op := newClient(t, srv.base, srv.operatorKey(t))
	_, admin := setupBrand(t, ctx, op, "Geth Devnet Brand")
	l := createLaunch(t, ctx, admin, "Geth Devnet Pass", 1000)
	bs := newBuyers(t, "geth", nOrders) // before publishing: keep the posting window short

	publish(t, ctx, admin, l.ID)
	start := time.Now()
	placed := placeOrders(t, ctx, admin, l.ID, bs, 8)
	posting := time.Since(start)
	queuedWhileDeploying := getLaunch(t, ctx, admin, l.ID).State == passes.LaunchDeploying
	t.Logf("posted %d orders in %v; launch still deploying afterwards: %v", nOrders, posting, queuedWhileDeploying)

	l = waitLive(t, ctx, admin, l.ID)
	if l.ChainID != g.ChainID.Uint64() {
		t.Errorf("launch chain id %d, geth's %v", l.ChainID, g.ChainID)
	}
	mintCtx, mintCancel := context.WithTimeout(ctx, 2*time.Minute)
	defer mintCancel()
	start = time.Now()
	orders := waitMinted(t, mintCtx, admin, l.ID, placed)
	t.Logf("all %d orders minted %v after the launch went live", nOrders, time.Since(start))

	ec, err := ethclient.DialContext(ctx, g.RPCURL)
	if err != nil {
		t.Fatal(err)
	}
	defer ec.Close()
	rep := checkOnChain(t, ctx, ec, l, signer, bs, orders)
	t.Logf("%d passes went out in %d mint transactions over %d blocks, %d gas per pass", nOrders, rep.MintTxs, rep.Blocks, rep.MintGas/uint64(nOrders))

	if queuedWhileDeploying {
		// Every order was queued before the contract was confirmed, so the
		// first minting round saw all of them and had to fill every
		// transaction to the largest batch that fits.
		size := checkFullBatches(t, ctx, ec, l, signer, orders, batchSize)
		t.Logf("batch size used: %d (asked for %d)", size, batchSize)
	} else {
		// The deploy was confirmed while orders were still arriving, so early
		// ones may have gone out in smaller batches.
		t.Logf("warning: the deploy was confirmed before all orders were posted (%v); only checking batching loosely", posting)
		if least := (nOrders + batchSize - 1) / batchSize; rep.MintTxs < least || rep.MintTxs >= nOrders {
			t.Errorf("%d mint transactions for %d passes with batch size %d; want between %d and %d", rep.MintTxs, nOrders, batchSize, least, nOrders-1)
		}
	}

	l = getLaunch(t, ctx, admin, l.ID)
	if l.State != passes.LaunchLive || l.Allocated != nOrders || l.Minted != nOrders {
		t.Errorf("launch after minting: state %s, allocated %d, minted %d; want live, %d, %d", l.State, l.Allocated, l.Minted, nOrders, nOrders)
	}
}

// TestRestartMidFlow stops serve gracefully while passes are being minted on
// the embedded chain, starts it again on the same data directory, and
// checks that every pass is minted exactly once, to the right wallet, with
// the brand's key and records surviving the restart.
func TestRestartMidFlow(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the embedded chain through a restart for several seconds")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	const nOrders = 60
	dataDir := t.TempDir()
	listen := freeAddr(t)
	// Small batches and 3 confirmations (two 200ms blocks after inclusion)
	// keep several transactions in flight when the first run stops.
	flags := []string{"-data-dir", dataDir, "-batch-size", "5", "-confirmations", "3"}

	// First run.
	first := startServe(t, listen, flags...)
	keyFile := filepath.Join(dataDir, "signer.key")
	fi, err := os.Stat(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("signer key file mode %v, want 0600", fi.Mode().Perm())
	}
	keyBytes, err := os.ReadFile(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	opKey := first.operatorKey(t)
	op := newClient(t, first.base, opKey)
	brand, admin, l := liveLaunch(t, ctx, op, "Restart", 100)

	bs := newBuyers(t, "restart", nOrders)
	placed := placeOrders(t, ctx, admin, l.ID, bs, 4)
	var atStop map[passes.OrderState]int
	eventually(t, ctx, "minting to be under way", 20*time.Millisecond, func() (bool, string, error) {
		n, err := orderStates(ctx, admin, l.ID)
		if err != nil {
			return false, "", err
		}
		if n[passes.OrderMinted] == nOrders {
			return false, "", fmt.Errorf("all %d orders were minted before the first run could be stopped mid-flow", nOrders)
		}
		if n[passes.OrderFailed] > 0 {
			return false, "", fmt.Errorf("%d orders failed", n[passes.OrderFailed])
		}
		atStop = n
		return n[passes.OrderSubmitted]+n[passes.OrderMinted] > 0, fmt.Sprint(n), nil
	})
	admin.hc.CloseIdleConnections()
	op.hc.CloseIdleConnections()
	stopStart := time.Now()
	if err := first.stop(); err != nil {
		t.Fatalf("first serve: %v", err)
	}
	t.Logf("stopped the first run in %v with orders %v", time.Since(stopStart), atStop)

	// Second run: same data directory and address, chain JSON-RPC served.
	rpcAddr := freeAddr(t)
	second := startServe(t, listen, append(flags, "-dev-rpc-addr", rpcAddr)...)
	if out := second.stdout.String(); strings.Contains(out, "mpk_") {
		t.Errorf("second start printed an operator key again: %q", out)
	}
	if b, err := os.ReadFile(keyFile); err != nil || !bytes.Equal(b, keyBytes) {
		t.Errorf("signer key file changed across the restart (err %v)", err)
	}
	op = newClient(t, second.base, opKey)
	admin = newClient(t, second.base, admin.key) // the first run's brand key
	start := time.Now()
	orders := waitMinted(t, ctx, admin, l.ID, placed)
	t.Logf("all %d orders minted %v after the restart", nOrders, time.Since(start))

	rep := checkOnDevChain(t, ctx, rpcAddr, keyFile, l, bs, orders)
	t.Logf("%d passes went out in %d mint transactions over %d blocks", nOrders, rep.MintTxs, rep.Blocks)

	// Everything written by the first run is still there.
	var brandList struct {
		Data []brands.Brand `json:"data"`
	}
	op.must(t, ctx, "GET", "/v1/brands", nil, http.StatusOK, &brandList)
	if !slices.ContainsFunc(brandList.Data, func(b brands.Brand) bool { return b.ID == brand.ID && b.Name == brand.Name }) {
		t.Errorf("brand %s missing after restart: %+v", brand.ID, brandList.Data)
	}
	after := getLaunch(t, ctx, admin, l.ID)
	if after.State != passes.LaunchLive || after.Contract != l.Contract || after.DeployTxHash != l.DeployTxHash ||
		after.Allocated != nOrders || after.Minted != nOrders {
		t.Errorf("launch after restart: state %s, contract %s, deploy tx %s, allocated %d, minted %d; want live, %s, %s, %d, %d",
			after.State, after.Contract, after.DeployTxHash, after.Allocated, after.Minted, l.Contract, l.DeployTxHash, nOrders, nOrders)
	}
	tests := []struct {
		name string
		idx  int
	}{{"first order", 0}, {"middle order", nOrders / 2}, {"last order", nOrders - 1}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := orders[tc.idx].Passes[0]
			var d passes.PassDetail
			admin.must(t, ctx, "GET", fmt.Sprintf("/v1/passes/%d/%s/%d", p.ChainID, p.Contract, p.TokenID), nil, http.StatusOK, &d)
			if d.State != passes.PassMinted || d.TxHash != p.TxHash || d.Launch.ID != l.ID ||
				!strings.EqualFold(d.CurrentOwner, bs[tc.idx].Wallet.Hex()) {
				t.Errorf("pass %d after restart: %+v; want minted in %s, owned by %s", p.TokenID, d, p.TxHash, bs[tc.idx].Wallet.Hex())
			}
			// A replayed order is recognised, not duplicated.
			var o passes.Order
			admin.must(t, ctx, "POST", "/v1/launches/"+l.ID+"/orders", bs[tc.idx].order(), http.StatusAccepted, &o)
			if o.ID != orders[tc.idx].ID || o.State != passes.OrderMinted {
				t.Errorf("replayed order %s: got %s in state %s, want %s minted", bs[tc.idx].OrderID, o.ID, o.State, orders[tc.idx].ID)
			}
		})
	}
	if got := getLaunch(t, ctx, admin, l.ID).Allocated; got != nOrders {
		t.Errorf("replays allocated passes: allocated %d, want %d", got, nOrders)
	}
}

// checkFullBatches checks that the passes of orders, all queued before the
// first mint, went out oldest first in full batches: every mint transaction,
// by nonce, carries the next size token ids, the last one possibly fewer,
// where size is maxBatch, or maxBatch halved until a mint of size passes fits in a
// transaction (and one of 2*size would not, by the node's gas estimate).
// It returns size.
func checkFullBatches(t testing.TB, ctx context.Context, ec *ethclient.Client, l passes.Launch, signer common.Address, orders []passes.Order, maxBatch int) int {
	t.Helper()
	type batch struct {
		nonce uint64
		ids   []uint64
	}
	byTx := map[string]*batch{}
	for _, o := range orders {
		p := o.Passes[0]
		if byTx[p.TxHash] == nil {
			byTx[p.TxHash] = &batch{nonce: *p.Nonce}
		}
		byTx[p.TxHash].ids = append(byTx[p.TxHash].ids, p.TokenID)
	}
	var bs []*batch
	for _, b := range byTx {
		slices.Sort(b.ids)
		bs = append(bs, b)
	}
	slices.SortFunc(bs, func(a, b *batch) int { return cmp.Compare(a.nonce, b.nonce) })
	size := len(bs[0].ids)
	if size < 1 || maxBatch%size != 0 || bits.OnesCount(uint(maxBatch/size)) != 1 {
		t.Fatalf("first mint carried %d passes; want %d halved zero or more times", size, maxBatch)
	}
	if want := (len(orders) + size - 1) / size; len(bs) != want {
		t.Errorf("%d passes went out in %d transactions of up to %d; want %d", len(orders), len(bs), size, want)
	}
	next := uint64(1)
	for i, b := range bs {
		if n := len(b.ids); n != size && !(i == len(bs)-1 && n < size) {
			t.Errorf("mint %d (nonce %d) carried %d passes, want %d", i, b.nonce, n, size)
		}
		for _, id := range b.ids {
			if id != next {
				t.Errorf("mint %d (nonce %d) carried tokens %v; want them to continue from %d", i, b.nonce, b.ids, next)
				break
			}
			next++
		}
	}
	if size < maxBatch {
		// The minter halved the batch: a mint of 2*size passes must indeed
		// need more gas than a transaction may use (see chain.Client.sign).
		head, err := ec.HeaderByNumber(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		ids := make([]*big.Int, 2*size)
		for i := range ids {
			ids[i] = contracts.PassTokenID(common.BigToAddress(big.NewInt(int64(0x1000+i))), 1) // not minted yet
		}
		contract := common.HexToAddress(l.Contract)
		gas, err := ec.EstimateGas(ctx, ethereum.CallMsg{From: signer, To: &contract, Data: contracts.NewPassCollection().PackMintBatch(ids)})
		limit := min(params.MaxTxGas, head.GasLimit/10*9)
		data, reverted := ethclient.RevertErrorData(err)
		switch {
		case err != nil && strings.Contains(err.Error(), "gas required exceeds"):
			t.Logf("a mint of %d passes exceeds the node's gas cap: %v", 2*size, err)
		case reverted && len(data) == 0:
			t.Logf("a mint of %d passes runs out of gas at the node's cap (the clone reverts without data): %v", 2*size, err)
		case err != nil:
			t.Fatalf("estimate a mint of %d passes: %v", 2*size, err)
		case gas+gas/50 <= limit:
			t.Errorf("the minter used batches of %d, but a mint of %d needs %d gas (+2%%), within the %d allowed", size, 2*size, gas, limit)
		default:
			t.Logf("a mint of %d passes needs %d gas (+2%%), over the %d allowed; %d fit", 2*size, gas, limit, size)
		}
	}
	return size
}
