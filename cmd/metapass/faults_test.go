package main

// The fault tier: exactly-once minting under crashes, RPC outages, reorgs,
// stuck fees and an empty signer, checked from the chain's Transfer events.

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/big"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/metapass/metapass/chain"
	"github.com/metapass/metapass/chain/anviltest"
	"github.com/metapass/metapass/contracts"
	"github.com/metapass/metapass/internal/localproc"
	"github.com/metapass/metapass/passes"
)

// newSigner writes a fresh signer key to a 0600 file.
func newSigner(t *testing.T) (*ecdsa.PrivateKey, string) {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "signer.key")
	if err := crypto.SaveECDSA(file, key); err != nil {
		t.Fatal(err)
	}
	return key, file
}

// waitLaunchMinted waits until the launch counts n passes minted.
func waitLaunchMinted(t testing.TB, ctx context.Context, admin client, id string, n int64) {
	t.Helper()
	eventually(t, ctx, fmt.Sprintf("%d passes of %s to be minted", n, id), 250*time.Millisecond, func() (bool, string, error) {
		var l passes.Launch
		if err := admin.call(ctx, "GET", "/v1/launches/"+id, nil, http.StatusOK, &l); err != nil {
			return false, err.Error(), nil // the service may be restarting
		}
		return l.Minted == n, fmt.Sprintf("minted %d of %d", l.Minted, n), nil
	})
}

// mintReport is what the chain says of a launch's mints.
type mintReport struct {
	Transfers int // Transfer events from the zero address
	MintTxs   int // distinct transactions emitting them
	Blocks    int // distinct blocks holding them
	Nonce     uint64
}

// checkMintedOnce checks, from the chain alone, that the collection minted
// each token id exactly once, that every wallet received exactly one pass,
// its first (the address in the token id, counter 1), and that the signer
// sent nothing but the implementation, the factory, the collection and
// those mint transactions (a duplicate landing would revert and still use a
// nonce).
func checkMintedOnce(t testing.TB, ctx context.Context, ec *ethclient.Client, contract string, signer common.Address, wallets []common.Address) mintReport {
	t.Helper()
	pc := contracts.NewPassCollection()
	logs, err := ec.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0), Addresses: []common.Address{common.HexToAddress(contract)},
		Topics: [][]common.Hash{{pc.GetABI().Events[contracts.PassCollectionTransferEventName].ID}}})
	if err != nil {
		t.Fatalf("eth_getLogs: %v", err)
	}
	tokens, received := map[string]int{}, map[common.Address]int{}
	txs, blocks := map[common.Hash]bool{}, map[uint64]bool{}
	for i := range logs {
		ev, err := pc.UnpackTransferEvent(&logs[i])
		if err != nil {
			t.Fatal(err)
		}
		if ev.From != (common.Address{}) {
			t.Errorf("unexpected transfer of token %v from %s", ev.TokenId, ev.From.Hex())
			continue
		}
		if first, n, _ := contracts.SplitPassTokenID(ev.TokenId); first != ev.To || n != 1 {
			t.Errorf("token %v minted to %s; want %s's first pass", ev.TokenId, ev.To.Hex(), first.Hex())
		}
		tokens[ev.TokenId.String()]++
		received[ev.To]++
		txs[logs[i].TxHash], blocks[logs[i].BlockNumber] = true, true
	}
	for id, n := range tokens {
		if n != 1 {
			t.Errorf("token %s minted %d times, want once", id, n)
		}
	}
	for _, w := range wallets {
		if received[w] != 1 {
			t.Errorf("wallet %s received %d passes, want 1", w.Hex(), received[w])
		}
	}
	if len(logs) != len(wallets) || len(tokens) != len(wallets) {
		t.Errorf("%d Transfer events for %d tokens; want %d of each", len(logs), len(tokens), len(wallets))
	}
	nonce, err := ec.NonceAt(ctx, signer, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := uint64(3 + len(txs)); nonce != want {
		t.Errorf("the signer sent %d transactions; want %d (implementation, factory, collection, %d mints)", nonce, want, len(txs))
	}
	return mintReport{Transfers: len(logs), MintTxs: len(txs), Blocks: len(blocks), Nonce: nonce}
}

func wallets(bs []buyer) []common.Address {
	out := make([]common.Address, len(bs))
	for i, b := range bs {
		out[i] = b.Wallet
	}
	return out
}

// subprocess is a running metapass binary.
type subprocess struct {
	cmd    *exec.Cmd
	exited chan struct{}
}

func spawn(bin string, stdout, stderr io.Writer, args ...string) (*subprocess, error) {
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s %v: %w", bin, args, err)
	}
	p := &subprocess{cmd: cmd, exited: make(chan struct{})}
	go func() { _ = cmd.Wait(); close(p.exited) }()
	return p, nil
}

// kill sends sig and waits for the process to exit.
func (p *subprocess) kill(sig syscall.Signal) {
	_ = p.cmd.Process.Signal(sig)
	select {
	case <-p.exited:
	case <-time.After(20 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.exited
	}
}

// lockedFile is a log file shared by successive processes.
type lockedFile struct {
	mu sync.Mutex
	f  *os.File
}

func (l *lockedFile) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f.Write(p)
}

func (l *lockedFile) tail(n int) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, _ := os.ReadFile(l.f.Name())
	return string(b[max(0, len(b)-n):])
}

// postOrder posts b's order until the service answers, retrying while it
// is down (killed and restarting); any answer but 202 fails the test.
func postOrder(ctx context.Context, c client, launchID string, b buyer) (passes.Order, int, error) {
	body, _ := json.Marshal(b.order())
	for retries := 0; ; retries++ {
		req, err := http.NewRequestWithContext(ctx, "POST", c.base+"/v1/launches/"+launchID+"/orders", bytes.NewReader(body))
		if err != nil {
			return passes.Order{}, retries, err
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+c.key)
		resp, err := c.hc.Do(req)
		var answer []byte
		if err == nil {
			answer, err = io.ReadAll(resp.Body)
			resp.Body.Close()
		}
		switch {
		case ctx.Err() != nil:
			return passes.Order{}, retries, ctx.Err()
		case err != nil: // down: refused, reset, cut mid-answer
			time.Sleep(50 * time.Millisecond)
			continue
		case resp.StatusCode != http.StatusAccepted:
			return passes.Order{}, retries, fmt.Errorf("order %s: status %d: %s", b.OrderID, resp.StatusCode, answer)
		}
		var o passes.Order
		return o, retries, json.Unmarshal(answer, &o)
	}
}

// devnetProcs is the real binary, built for the test, and a `metapass
// devnet` process funding signer: the chain outlives the services the test
// kills. Logs of every process go to logs, shown when the test fails.
type devnetProcs struct {
	dir, bin, rpc string
	logs          *lockedFile
	ec            *ethclient.Client
}

func startDevnetProcs(t *testing.T, ctx context.Context, signer common.Address) devnetProcs {
	t.Helper()
	p := devnetProcs{dir: t.TempDir()}
	p.bin = filepath.Join(p.dir, "metapass")
	start := time.Now()
	if out, err := exec.CommandContext(ctx, "go", "build", "-o", p.bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Logf("built the binary in %v", time.Since(start).Round(time.Millisecond))
	logf, err := os.Create(filepath.Join(p.dir, "metapass.log"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { logf.Close() })
	p.logs = &lockedFile{f: logf}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("log tail:\n%s", p.logs.tail(20000))
		}
	})
	p.rpc = freeAddr(t)
	devnet, err := spawn(p.bin, io.Discard, p.logs, "devnet", "-data-dir", filepath.Join(p.dir, "chain"), "-dev-rpc-addr", p.rpc,
		"-dev-block-interval", "500ms", "-fund", signer.Hex())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { devnet.kill(syscall.SIGTERM) })
	p.ec = dialUntil(t, ctx, "http://"+p.rpc)
	return p
}

// TestCrashBurst runs the real binary: the dev chain as one process
// (`metapass devnet`, whose pool outlives the service) and `metapass serve`
// as another, killed with SIGKILL at random moments and restarted on the
// same data directory from the start of a burst of 1,000 orders until
// every one is minted (at least 10 times). Every order is minted exactly
// once, as the chain's Transfer events show, and the signer sent nothing
// else.
func TestCrashBurst(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and kills it repeatedly for a minute or more")
	}
	const nOrders, minKills = 1000, 10
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	key, keyFile := newSigner(t)
	signer := crypto.PubkeyToAddress(key.PublicKey)
	env := startDevnetProcs(t, ctx, signer)
	dir, bin, rpcAddr, logs, ec := env.dir, env.bin, env.rpc, env.logs, env.ec

	listen := freeAddr(t)
	args := []string{"serve", "-data-dir", filepath.Join(dir, "data"), "-listen", listen, "-public-url", "http://" + listen,
		"-rpc-url", "http://" + rpcAddr, "-signer-key-file", keyFile, "-batch-size", "2", "-confirmations", "3", "-log-level", "warn"}
	var stdout localproc.Buffer
	var mu sync.Mutex // guards serve
	serve, err := spawn(bin, &stdout, logs, args...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mu.Lock(); serve.kill(syscall.SIGTERM); mu.Unlock() })
	base := "http://" + listen
	waitReady(t, ctx, base)

	op := newClient(t, base, operatorKeyIn(t, stdout.String()))
	_, admin, l := liveLaunch(t, ctx, op, "Crash", nOrders)
	bs := newBuyers(t, "crash", nOrders)

	// The killer: SIGKILL at a random moment 50-650 ms after the last
	// restart, and restart at once, until every order is minted; the test
	// wants at least minKills of them to land before that.
	seed := uint64(time.Now().UnixNano())
	t.Logf("kill schedule seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, seed>>1))
	var burstDone atomic.Bool
	burstStart := time.Now()
	killerDone, killerStopped := make(chan []string, 1), make(chan struct{})
	var killerErr error
	t.Cleanup(func() { cancel(); <-killerStopped }) // before serve's own cleanup
	go func() {
		defer close(killerStopped)
		var timeline []string
		for {
			time.Sleep(50*time.Millisecond + time.Duration(rng.Int64N(int64(600*time.Millisecond))))
			minted := launchMinted(ctx, admin, l.ID)
			if minted == nOrders || ctx.Err() != nil {
				break
			}
			mu.Lock()
			if ctx.Err() != nil {
				mu.Unlock()
				break
			}
			serve.kill(syscall.SIGKILL)
			next, err := spawn(bin, io.Discard, logs, args...)
			if err == nil {
				serve = next
			}
			mu.Unlock()
			if err != nil {
				killerErr = err
				break
			}
			timeline = append(timeline, fmt.Sprintf("SIGKILL %d at %v: burst done %v, minted so far %d (-1: the service was not answering)",
				len(timeline)+1, time.Since(burstStart).Round(time.Millisecond), burstDone.Load(), minted))
		}
		killerDone <- timeline
	}()

	var retried atomic.Int64
	placed := make([]passes.Order, nOrders)
	var wg sync.WaitGroup
	errs := make(chan error, nOrders)
	next := make(chan int)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				o, retries, err := postOrder(ctx, admin, l.ID, bs[i])
				retried.Add(int64(retries))
				if err != nil {
					errs <- err
					continue
				}
				placed[i] = o
			}
		}()
	}
	for i := range bs {
		next <- i
	}
	close(next)
	wg.Wait()
	burstDone.Store(true)
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	t.Logf("posted %d orders in %v (%d requests retried while the service was down)", nOrders, time.Since(burstStart).Round(time.Millisecond), retried.Load())
	ids := map[string]bool{}
	for i, o := range placed {
		if o.OrderID != bs[i].OrderID || len(o.Passes) != 1 {
			t.Fatalf("order %d accepted as %+v", i, o)
		}
		ids[o.ID] = true
	}
	if len(ids) != nOrders {
		t.Fatalf("%d distinct orders for %d order ids", len(ids), nOrders)
	}

	timeline := <-killerDone // every order minted, or the context done
	if killerErr != nil {
		t.Fatal(killerErr)
	}
	for _, line := range timeline {
		t.Log(line)
	}
	waitLaunchMinted(t, ctx, admin, l.ID, nOrders)
	t.Logf("all %d orders minted %v after the burst began", nOrders, time.Since(burstStart).Round(time.Millisecond))

	rep := checkMintedOnce(t, ctx, ec, l.Contract, signer, wallets(bs))
	t.Logf("chain: %d Transfer events, %d mint transactions in %d blocks, signer nonce %d", rep.Transfers, rep.MintTxs, rep.Blocks, rep.Nonce)
	if len(timeline) < minKills {
		t.Errorf("%d SIGKILLs before every order was minted, want at least %d", len(timeline), minKills)
	}
}

// launchMinted is the launch's minted count, or -1 when the service does
// not answer.
func launchMinted(ctx context.Context, admin client, id string) int64 {
	ctx, cancel := context.WithTimeout(ctx, 500*time.Millisecond)
	defer cancel()
	var l passes.Launch
	if err := admin.call(ctx, "GET", "/v1/launches/"+id, nil, http.StatusOK, &l); err != nil {
		return -1
	}
	return l.Minted
}

// dialUntil dials a JSON-RPC node, waiting for it to answer.
func dialUntil(t *testing.T, ctx context.Context, url string) *ethclient.Client {
	t.Helper()
	ec, err := ethclient.DialContext(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ec.Close)
	eventually(t, ctx, url+" to answer", 100*time.Millisecond, func() (bool, string, error) {
		_, err := ec.ChainID(ctx)
		return err == nil, fmt.Sprint(err), nil
	})
	return ec
}

// waitReady waits for /readyz to answer 200.
func waitReady(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	hc := &http.Client{Timeout: 2 * time.Second}
	eventually(t, ctx, base+" to be ready", 100*time.Millisecond, func() (bool, string, error) {
		resp, err := hc.Get(base + "/readyz")
		if err != nil {
			return false, err.Error(), nil
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK, resp.Status, nil
	})
}

// readiness is the body of /readyz.
type readiness struct {
	Status   string            `json:"status"`
	Degraded map[string]string `json:"degraded"`
}

func getReadiness(ctx context.Context, base string) (int, readiness, error) {
	var r readiness
	req, err := http.NewRequestWithContext(ctx, "GET", base+"/readyz", nil)
	if err != nil {
		return 0, r, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, r, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, r, json.NewDecoder(resp.Body).Decode(&r)
}

// TestRPCOutage cuts the node off from the service for 30 s in the middle
// of a burst of orders, through a proxy that in turn refuses connections,
// holds them without answering, answers 502 and answers malformed JSON.
// Orders keep being accepted, /readyz says the chain is unreachable, and
// afterwards every order is minted exactly once.
func TestRPCOutage(t *testing.T) {
	if testing.Short() {
		t.Skip("cuts the chain for 30 s")
	}
	const nOrders = 300
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	key, keyFile := newSigner(t)
	signer := crypto.PubkeyToAddress(key.PublicKey)
	dev, err := chain.StartDevChain(chain.DevConfig{Funded: []common.Address{signer}, BlockInterval: 200 * time.Millisecond, HTTPAddr: freeAddr(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = dev.Close() })
	proxy := startProxy(t, strings.TrimPrefix(dev.HTTPEndpoint(), "http://"))
	srv := startServe(t, freeAddr(t), "-data-dir", t.TempDir(), "-rpc-url", "http://"+proxy.addr, "-signer-key-file", keyFile,
		"-batch-size", "10", "-confirmations", "2", "-rpc-timeout", "2s")
	op := newClient(t, srv.base, srv.operatorKey(t))
	_, admin, l := liveLaunch(t, ctx, op, "Outage", nOrders)
	bs := newBuyers(t, "outage", nOrders)

	// Readiness, sampled throughout.
	var cut atomic.Bool
	var degradedDuringCut, readyDuringCut, samples atomic.Int64
	var seenMu sync.Mutex
	seen := map[string]string{} // kind of fault → a /readyz report of it
	kinds := map[string][]string{
		"refused":   {"connection refused"},
		"timeout":   {"timeout"},
		"5xx":       {"HTTP 502"},
		"malformed": {"malformed answer"},
	}
	probeCtx, stopProbe := context.WithCancel(ctx)
	probed := make(chan struct{})
	go func() {
		defer close(probed)
		for probeCtx.Err() == nil {
			status, r, err := getReadiness(probeCtx, srv.base)
			if err == nil && cut.Load() {
				samples.Add(1)
				switch chainErr := r.Degraded["chain"]; {
				case status == http.StatusOK && r.Status == "degraded" && strings.HasPrefix(chainErr, "unreachable"):
					degradedDuringCut.Add(1)
					seenMu.Lock()
					for kind, texts := range kinds {
						for _, text := range texts {
							if strings.Contains(chainErr, text) {
								seen[kind] = chainErr
							}
						}
					}
					seenMu.Unlock()
				case status == http.StatusOK && r.Status == "ready":
					readyDuringCut.Add(1)
				}
			}
			time.Sleep(300 * time.Millisecond)
		}
	}()

	// The burst: orders at an even pace over 40 s; the cut from 5 s to 35 s.
	placed := make([]passes.Order, nOrders)
	burst := make(chan error, 1)
	var acceptedDuringCut atomic.Int64
	go func() {
		tick := time.NewTicker(40 * time.Second / nOrders)
		defer tick.Stop()
		for i := range bs {
			<-tick.C
			if err := admin.call(ctx, "POST", "/v1/launches/"+l.ID+"/orders", bs[i].order(), http.StatusAccepted, &placed[i]); err != nil {
				burst <- fmt.Errorf("order %d: %w", i, err)
				return
			}
			if cut.Load() {
				acceptedDuringCut.Add(1)
			}
		}
		burst <- nil
	}()
	time.Sleep(5 * time.Second)
	before := launchMinted(ctx, admin, l.ID)
	cut.Store(true)
	for _, f := range []fault{refuse, blackhole, badGateway, garbage} {
		t.Logf("cut: %s for 7.5 s", f)
		proxy.set(f)
		time.Sleep(7500 * time.Millisecond)
	}
	proxy.set(forward)
	cut.Store(false)
	t.Logf("node back; %d orders accepted during the 30 s cut, launch minted %d before it", acceptedDuringCut.Load(), before)
	if err := <-burst; err != nil {
		t.Fatal(err)
	}
	stopProbe()
	<-probed
	t.Logf("/readyz during the cut: %d of %d samples degraded with the chain unreachable, %d ready",
		degradedDuringCut.Load(), samples.Load(), readyDuringCut.Load())
	for _, kind := range slices.Sorted(maps.Keys(kinds)) {
		if seen[kind] == "" {
			t.Errorf("/readyz never reported a %s fault during the cut", kind)
		} else {
			t.Logf("  %s: %s", kind, seen[kind])
		}
	}
	if acceptedDuringCut.Load() < nOrders/4 {
		t.Errorf("only %d orders accepted during the cut", acceptedDuringCut.Load())
	}

	mintCtx, mintCancel := context.WithTimeout(ctx, 3*time.Minute)
	defer mintCancel()
	start := time.Now()
	orders := waitMinted(t, mintCtx, admin, l.ID, placed)
	t.Logf("all %d orders minted %v after the node came back", nOrders, time.Since(start).Round(time.Millisecond))
	eventually(t, ctx, "/readyz to be ready again", 200*time.Millisecond, func() (bool, string, error) {
		status, r, err := getReadiness(ctx, srv.base)
		return err == nil && status == http.StatusOK && r.Status == "ready", fmt.Sprint(status, r, err), nil
	})
	ec := ethclient.NewClient(dev.RPC())
	rep := checkOnChain(t, ctx, ec, l, signer, bs, orders)
	t.Logf("%d passes went out in %d mint transactions over %d blocks", nOrders, rep.MintTxs, rep.Blocks)
}

// startOnAnvil runs serve in-process against anvil with extra flags; the
// signer is funded with anvil_setBalance.
func startOnAnvil(t *testing.T, a *anviltest.Anvil, extra ...string) (*instance, common.Address, string) {
	t.Helper()
	key, keyFile := newSigner(t)
	signer := crypto.PubkeyToAddress(key.PublicKey)
	a.SetBalance(t, signer, ether(1000))
	srv := startServe(t, freeAddr(t), append([]string{"-data-dir", t.TempDir(), "-rpc-url", a.RPCURL, "-signer-key-file", keyFile}, extra...)...)
	return srv, signer, keyFile
}

func ether(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

// TestAnvilReorg: passes minted at the configured depth on anvil are
// reorganised out with anvil_reorg, deploy included. The service sees the
// blocks leave the canonical chain, puts the passes back in flight,
// broadcasts the same signed transactions again, and they are minted again
// exactly once.
func TestAnvilReorg(t *testing.T) {
	a := anviltest.Start(t, "--block-time", "1")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	const nOrders = 30
	srv, signer, _ := startOnAnvil(t, a, "-batch-size", "10", "-confirmations", "2")
	op := newClient(t, srv.base, srv.operatorKey(t))
	_, admin, l := liveLaunch(t, ctx, op, "Reorg", nOrders)
	bs := newBuyers(t, "reorg", nOrders)
	orders := waitMinted(t, ctx, admin, l.ID, placeOrders(t, ctx, admin, l.ID, bs, 4))
	ec := ethclient.NewClient(rpcOf(t, a))
	checkOnChain(t, ctx, ec, l, signer, bs, orders)

	deploy, err := ec.TransactionReceipt(ctx, common.HexToHash(l.DeployTxHash))
	if err != nil {
		t.Fatal(err)
	}
	head, err := ec.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	depth := int(head - deploy.BlockNumber.Uint64() + 1)
	a.Reorg(t, depth)
	if n := countLogs(t, ctx, ec, l.Contract); n != 0 {
		t.Fatalf("%d Transfer events left after the reorg", n)
	}
	t.Logf("reorganised out the last %d blocks (head %d): the deploy and the %d minted passes are gone", depth, head, nOrders)

	sawBack := false
	eventually(t, ctx, "every order to be minted again", 100*time.Millisecond, func() (bool, string, error) {
		n, err := orderStates(ctx, admin, l.ID)
		if err != nil {
			return false, "", err
		}
		if n[passes.OrderMinted] < nOrders {
			sawBack = true
		}
		return sawBack && n[passes.OrderMinted] == nOrders, fmt.Sprint(n), nil
	})
	again := waitMinted(t, ctx, admin, l.ID, orders)
	moved := 0
	for i, o := range again {
		before, after := orders[i].Passes[0], o.Passes[0]
		if after.TxHash != before.TxHash || *after.Nonce != *before.Nonce {
			t.Errorf("pass %d minted again by %s at nonce %d; want the same signed transaction %s at nonce %d",
				after.TokenID, after.TxHash, *after.Nonce, before.TxHash, *before.Nonce)
		}
		if *after.BlockNumber != *before.BlockNumber {
			moved++
		}
	}
	if moved == 0 {
		t.Error("no pass reports a new block after the reorg")
	}
	if l = getLaunch(t, ctx, admin, l.ID); l.State != passes.LaunchLive || l.Minted != nOrders {
		t.Errorf("launch after the reorg: %s, minted %d; want live, %d", l.State, l.Minted, nOrders)
	}
	rep := checkOnChain(t, ctx, ec, l, signer, bs, again)
	t.Logf("minted again: %d passes in %d transactions over %d blocks (%d passes in a new block)", nOrders, rep.MintTxs, rep.Blocks, moved)
}

func rpcOf(t *testing.T, a *anviltest.Anvil) *rpc.Client {
	t.Helper()
	rc, err := chain.DialRPC(t.Context(), a.RPCURL, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(rc.Close)
	return rc
}

// countLogs counts the events contract emitted on the canonical chain.
func countLogs(t *testing.T, ctx context.Context, ec *ethclient.Client, contract string) int {
	t.Helper()
	logs, err := ec.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0), Addresses: []common.Address{common.HexToAddress(contract)}})
	if err != nil {
		t.Fatal(err)
	}
	return len(logs)
}

// TestAnvilStuckFee: with anvil's automine off and the base fee raised
// (anvil_setNextBlockBaseFeePerGas) after the mint was broadcast, the mint
// cannot be included; after -replace-after-blocks blocks the service
// replaces it at the same nonce with fees at least 10% higher, the
// replacement is mined, the original never is, and each pass is minted
// once.
func TestAnvilStuckFee(t *testing.T) {
	a := anviltest.Start(t, "--no-mining")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var mining atomic.Bool
	mining.Store(true)
	miner := rpcOf(t, a)
	go func() { // the test's block producer: a block every 200 ms while mining
		for ctx.Err() == nil {
			if mining.Load() {
				_ = miner.CallContext(ctx, nil, "evm_mine")
			}
			time.Sleep(200 * time.Millisecond)
		}
	}()
	const nOrders = 5
	srv, signer, _ := startOnAnvil(t, a, "-confirmations", "1", "-replace-after-blocks", "2")
	op := newClient(t, srv.base, srv.operatorKey(t))
	_, admin, l := liveLaunch(t, ctx, op, "Stuck", nOrders)
	ec := ethclient.NewClient(rpcOf(t, a))

	mining.Store(false)
	bs := newBuyers(t, "stuck", nOrders)
	placed := placeOrders(t, ctx, admin, l.ID, bs, 1)
	stuck := map[common.Hash]*types.Transaction{} // the mints waiting in anvil's pool
	eventually(t, ctx, "every mint to wait in anvil's pool", 50*time.Millisecond, func() (bool, string, error) {
		for _, o := range placed {
			o = getOrder(t, ctx, admin, o.ID)
			if o.State != passes.OrderSubmitted {
				return false, fmt.Sprintf("order %s is %s", o.OrderID, o.State), nil
			}
			h := common.HexToHash(o.Passes[0].TxHash)
			tx, pending, err := ec.TransactionByHash(ctx, h)
			if err != nil || !pending {
				return false, fmt.Sprintf("mint %s: pending %v, %v", h.Hex(), pending, err), nil
			}
			stuck[h] = tx
		}
		return true, "", nil
	})
	var highest *big.Int
	for _, tx := range stuck {
		if highest == nil || tx.GasFeeCap().Cmp(highest) > 0 {
			highest = tx.GasFeeCap()
		}
	}
	spike := new(big.Int).Mul(highest, big.NewInt(20))
	a.SetNextBaseFee(t, spike)
	mining.Store(true)
	t.Logf("%d mint(s) wait in the pool, fee caps up to %v wei; next base fee raised to %v", len(stuck), highest, spike)

	orders := waitMinted(t, ctx, admin, l.ID, placed)
	tenPercent := func(x *big.Int) *big.Int { return new(big.Int).Add(x, new(big.Int).Div(x, big.NewInt(10))) }
	replaced := map[common.Hash]bool{}
	for _, o := range orders {
		mined := common.HexToHash(o.Passes[0].TxHash)
		var first common.Hash
		var orig *types.Transaction
		for h, tx := range stuck {
			if tx.Nonce() == *o.Passes[0].Nonce {
				orig, first = tx, h
			}
		}
		if orig == nil || mined == first {
			t.Fatalf("order %s minted by %s at nonce %d; want a replacement of the stuck mint at that nonce", o.OrderID, mined.Hex(), *o.Passes[0].Nonce)
		}
		if replaced[first] {
			continue
		}
		replaced[first] = true
		if r, err := ec.TransactionReceipt(ctx, first); !errors.Is(err, ethereum.NotFound) {
			t.Errorf("the replaced mint %s: receipt %v, %v; want none", first.Hex(), r, err)
		}
		repl, _, err := ec.TransactionByHash(ctx, mined)
		if err != nil {
			t.Fatal(err)
		}
		if repl.Nonce() != orig.Nonce() || repl.GasFeeCap().Cmp(tenPercent(orig.GasFeeCap())) < 0 || repl.GasTipCap().Cmp(tenPercent(orig.GasTipCap())) < 0 {
			t.Errorf("replacement at nonce %d, fee cap %v, tip %v; want nonce %d and both fees at least 10%% above %v, %v",
				repl.Nonce(), repl.GasFeeCap(), repl.GasTipCap(), orig.Nonce(), orig.GasFeeCap(), orig.GasTipCap())
		}
		attempts := recordedAttempts(t, srv, orig.Nonce())
		if len(attempts) < 2 || attempts[0] != first.Hex() || attempts[len(attempts)-1] != mined.Hex() {
			t.Errorf("attempts recorded at nonce %d: %v; want %s first and %s last", orig.Nonce(), attempts, first.Hex(), mined.Hex())
		}
		t.Logf("nonce %d: %d attempt(s); fee cap %v → %v wei, tip %v → %v", orig.Nonce(), len(attempts),
			orig.GasFeeCap(), repl.GasFeeCap(), orig.GasTipCap(), repl.GasTipCap())
	}
	rep := checkOnChain(t, ctx, ec, l, signer, bs, orders)
	t.Logf("%d stuck mint(s) replaced; %d passes minted in %d transaction(s), one Transfer each", len(replaced), nOrders, rep.MintTxs)
}

// recordedAttempts reads the attempts the service recorded at nonce from
// its database file.
func recordedAttempts(t *testing.T, srv *instance, nonce uint64) []string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+srv.cfg.Database+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT a.hash FROM tx_attempts a JOIN chain_txs t ON t.id = a.tx_id WHERE t.nonce = ? ORDER BY a.id`, nonce)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			t.Fatal(err)
		}
		out = append(out, h)
	}
	return out
}

func getOrder(t *testing.T, ctx context.Context, c client, id string) passes.Order {
	t.Helper()
	var o passes.Order
	c.must(t, ctx, "GET", "/v1/orders/"+id, nil, http.StatusOK, &o)
	return o
}

// TestAnvilWaitingForFunds: a signer emptied on anvil (anvil_setBalance)
// cannot pay for a mint; the orders show waiting_for_funds and /readyz
// names the signer; funded again, the service mints them by itself, once.
func TestAnvilWaitingForFunds(t *testing.T) {
	a := anviltest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	const nOrders = 5
	srv, signer, _ := startOnAnvil(t, a, "-confirmations", "1")
	op := newClient(t, srv.base, srv.operatorKey(t))
	_, admin, l := liveLaunch(t, ctx, op, "Funds", nOrders)

	a.SetBalance(t, signer, big.NewInt(0))
	bs := newBuyers(t, "funds", nOrders)
	placed := placeOrders(t, ctx, admin, l.ID, bs, 1)
	eventually(t, ctx, "every order to wait for funds", 100*time.Millisecond, func() (bool, string, error) {
		n, err := orderStates(ctx, admin, l.ID)
		return n[passes.OrderWaitingForFunds] == nOrders, fmt.Sprint(n), err
	})
	eventually(t, ctx, "/readyz to name the signer", 100*time.Millisecond, func() (bool, string, error) {
		status, r, err := getReadiness(ctx, srv.base)
		return err == nil && status == http.StatusOK && strings.HasPrefix(r.Degraded["signer"], "waiting_for_funds"), fmt.Sprint(status, r, err), nil
	})
	o := getOrder(t, ctx, admin, placed[0].ID)
	t.Logf("while the signer is empty: order %s is %s, pass %s", o.ID, o.State, o.Passes[0].State)

	a.SetBalance(t, signer, ether(1000))
	orders := waitMinted(t, ctx, admin, l.ID, placed)
	ec := ethclient.NewClient(rpcOf(t, a))
	rep := checkOnChain(t, ctx, ec, l, signer, bs, orders)
	t.Logf("funded again: %d passes minted in %d transaction(s)", nOrders, rep.MintTxs)
}
