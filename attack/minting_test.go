package attack

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/metapass/metapass/internal/localproc"
)

// TestAttackOrderLimits: one order earning 100,000 passes (1,000 units of a
// SKU worth 100) is refused with 422 passes_per_order, and an order that
// would take a launch's passes waiting to mint past -max-queued-per-launch
// with 422 queue_full; neither writes anything.
func TestAttackOrderLimits(t *testing.T) {
	s := Start(t, "-max-queued-per-launch", "150")
	_, admin, orders, _ := s.Brand(t, "Whale")
	id := admin.Must(t, http.StatusCreated, "POST", "/v1/launches", map[string]any{"name": "Whale Pass", "symbol": "WP",
		"description": "a", "image_url": "https://example.com/w.png", "supply_cap": 1000000,
		"skus": []map[string]any{{"sku": TestSKU, "passes_per_unit": 100}}})["id"].(string)
	// Deploying, the launch takes orders but mints nothing yet: its queue
	// only grows.
	admin.Must(t, http.StatusAccepted, "POST", "/v1/launches/"+id+"/publish", nil)
	place := func(orderID string, qty int) Response {
		return orders.Do(t, "POST", "/v1/launches/"+id+"/orders", map[string]any{"order_id": orderID, "sku": TestSKU, "quantity": qty,
			"customer": map[string]any{"wallet": "0x52908400098527886E0F7030069857D2E4169EE7"}})
	}
	wantRule := func(r Response, rule string) {
		t.Helper()
		if r.Status != http.StatusUnprocessableEntity || r.Header.Get("Content-Type") != "application/problem+json" || r.JSON(t)["rule"] != rule {
			t.Fatalf("status %d %s, want 422 problem+json with rule %s: %s", r.Status, r.Header.Get("Content-Type"), rule, r)
		}
	}
	wantRule(place("WHALE-1", 1000), "passes_per_order")
	if r := place("OK-1", 1); r.Status != http.StatusAccepted {
		t.Fatalf("an order of 100 passes: status %d: %s", r.Status, r)
	}
	wantRule(place("FULL-1", 1), "queue_full")
	l := admin.Must(t, http.StatusOK, "GET", "/v1/launches/"+id, nil)
	list := admin.Must(t, http.StatusOK, "GET", "/v1/launches/"+id+"/orders", nil)
	if l["allocated"] != float64(100) || len(list["data"].([]any)) != 1 {
		t.Fatalf("after two refused orders: allocated %v, orders %v; want 100 and the one accepted", l["allocated"], list["data"])
	}
}

// devnet runs `metapass devnet` sealing a block every second and only
// then, as a public chain does (a block holds what fits its 30M gas), with
// a fresh signer funded in its genesis; it returns serve's flags for it and
// a way to read its head.
func devnet(t *testing.T) (flags []string, head func() uint64) {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "signer.key")
	if err := crypto.SaveECDSA(keyFile, key); err != nil {
		t.Fatal(err)
	}
	addr, err := localproc.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	out := &localproc.Buffer{}
	cmd := exec.Command(bin, "devnet", "-data-dir", filepath.Join(dir, "chain"), "-dev-rpc-addr", addr,
		"-fund", crypto.PubkeyToAddress(key.PublicKey).Hex(), "-dev-fixed-blocks", "-dev-block-interval", "1s")
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		_ = cmd.Wait()
	})
	url := "http://" + addr
	rpc := func() (uint64, error) {
		resp, err := http.Post(url, "application/json", strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}`))
		if err != nil {
			return 0, err
		}
		defer resp.Body.Close()
		var r struct{ Result string }
		if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
			return 0, err
		}
		return strconv.ParseUint(strings.TrimPrefix(r.Result, "0x"), 16, 64)
	}
	Eventually(t, time.Minute, "the devnet's JSON-RPC", func() (bool, string) {
		_, err := rpc()
		return err == nil, fmt.Sprint(err, " ", out.Tail(500))
	})
	return []string{"-rpc-url", url, "-signer-key-file", keyFile}, func() uint64 {
		t.Helper()
		n, err := rpc()
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
}

// wallet is a distinct address for each i.
func wallet(i int) string { return fmt.Sprintf("0x%040x", 0x1000+i) }

// fairMinting has brand A queue orders of a SKU worth 100 passes on a
// chain sealing 1 s blocks: whaleUnits units to one wallet when not 0,
// then one unit to each of wallets other wallets. It then places brand B's
// lone order and asserts it is minted within 3 blocks of the head when it
// was accepted, while brand A's queue is not drained.
func fairMinting(t *testing.T, whaleUnits, wallets int, flags ...string) {
	chainFlags, head := devnet(t)
	s := Start(t, append(chainFlags, flags...)...)
	_, adminA, ordersA, _ := s.Brand(t, "Whale")
	_, adminB, ordersB, _ := s.Brand(t, "Small")
	whale := LiveLaunch(t, adminA, map[string]any{"skus": []map[string]any{{"sku": TestSKU, "passes_per_unit": 100}}})["id"].(string)
	lone := LiveLaunch(t, adminB, nil)["id"].(string)
	var whaleOrders []string
	place := func(i, units int) {
		o := ordersA.Must(t, http.StatusAccepted, "POST", "/v1/launches/"+whale+"/orders", map[string]any{"order_id": fmt.Sprint("W-", i),
			"sku": TestSKU, "quantity": units, "customer": map[string]any{"wallet": wallet(i)}})
		whaleOrders = append(whaleOrders, o["id"].(string))
	}
	if whaleUnits > 0 {
		place(0, whaleUnits)
	}
	for i := range wallets {
		place(i+1, 1)
	}
	Eventually(t, time.Minute, "brand A's first mints", func() (bool, string) {
		o := ordersA.Must(t, http.StatusOK, "GET", "/v1/orders/"+whaleOrders[0], nil)
		return o["state"] != "queued", fmt.Sprint(o["state"])
	})

	at := head()
	o := ordersB.Must(t, http.StatusAccepted, "POST", "/v1/launches/"+lone+"/orders", map[string]any{"order_id": "B-1", "sku": TestSKU,
		"quantity": 1, "customer": map[string]any{"wallet": wallet(1_000_000)}})
	var minted uint64
	Eventually(t, 2*time.Minute, "brand B's order minted", func() (bool, string) {
		o = ordersB.Must(t, http.StatusOK, "GET", "/v1/orders/"+o["id"].(string), nil)
		if o["state"] != "minted" {
			return false, fmt.Sprint(o["state"], ", head ", head(), ", accepted at ", at)
		}
		minted = uint64(o["passes"].([]any)[0].(map[string]any)["block_number"].(float64))
		return true, ""
	})
	if minted > at+3 {
		t.Errorf("brand B's lone order, accepted at block %d, minted in block %d: %d blocks, want at most 3", at, minted, minted-at)
	}
	last := ordersA.Must(t, http.StatusOK, "GET", "/v1/orders/"+whaleOrders[len(whaleOrders)-1], nil)
	if last["state"] == "minted" {
		t.Errorf("brand A's queue drained before brand B's order was minted: the case shows nothing")
	}
	if lost := s.LogLines("lost the minting lease"); len(lost) > 0 {
		t.Errorf("the minter lost its lease %d times: %s", len(lost), lost[0])
	}
	t.Logf("brand B's order: accepted at block %d, minted in block %d", at, minted)
}

// TestAttackFairMinting: brand A queues 12,000 passes (120 orders of 100
// to distinct wallets: 120 full batches, about ten blocks' worth); brand
// B's lone order is minted within 3 blocks of being accepted. (Before: the
// launch first in line filled every in-flight slot each round, and B's
// order waited for A's queue to drain.)
func TestAttackFairMinting(t *testing.T) {
	fairMinting(t, 0, 120)
}

// TestAttackFairMintingWhale: the case. Brand A queues 100,000
// passes to one wallet in one order (allowed here by raising
// -max-passes-per-order and -max-queued-per-launch) and 100 orders of 100
// passes to other wallets;
// brand B's lone order is minted within 3 blocks of being accepted and the
// minter keeps its lease.
func TestAttackFairMintingWhale(t *testing.T) {
	needFull(t)
	fairMinting(t, 1000, 100, "-max-passes-per-order", "100000", "-max-queued-per-launch", "200000")
}
