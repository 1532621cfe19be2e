// Package anviltest starts anvil, Foundry's EVM node (a second EVM
// implementation beside geth), for tests. The binary is the npm package
// pinned in this directory's package.json; `npm ci` here installs it.
package anviltest

import (
	"context"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/metapass/metapass/internal/localproc"
)

// ChainID is the chain id anvil runs with here.
const ChainID = 31337

// Anvil is a running anvil node.
type Anvil struct {
	// RPCURL is its HTTP JSON-RPC endpoint.
	RPCURL string
	rpc    *rpc.Client
}

// Binary is where `npm ci` in this directory puts anvil.
func Binary() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil")
}

// Start starts anvil on a free port with chain id ChainID and args (such
// as "--no-mining" or "--block-time", "1"), and stops it when the test
// ends. It skips the test under -short, and when anvil is not installed
// unless CI=true, where a missing anvil fails it.
func Start(t testing.TB, args ...string) *Anvil {
	t.Helper()
	if testing.Short() {
		t.Skip("anviltest: skipping a test against anvil in -short mode")
	}
	bin := Binary()
	if err := executable(bin); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("anviltest: anvil is required when CI=true: %v (run npm ci in chain/anviltest)", err)
		}
		t.Skipf("anviltest: anvil is not installed, skipping: %v (run npm ci in chain/anviltest)", err)
	}
	addr, err := localproc.FreeAddr()
	if err != nil {
		t.Fatalf("anviltest: %v", err)
	}
	_, port, _ := net.SplitHostPort(addr)
	var out localproc.Buffer
	cmd := exec.Command(bin, append([]string{"--host", "127.0.0.1", "--port", port,
		"--chain-id", strconv.Itoa(ChainID)}, args...)...)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatalf("anviltest: start %s: %v", bin, err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-exited
		if t.Failed() {
			t.Logf("anvil output (tail):\n%s", out.Tail(4000))
		}
	})

	a := &Anvil{RPCURL: "http://" + addr}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if a.rpc, err = rpc.DialContext(ctx, a.RPCURL); err != nil {
		t.Fatalf("anviltest: dial %s: %v", a.RPCURL, err)
	}
	t.Cleanup(a.rpc.Close)
	for {
		var id hexutil.Uint64
		if err = a.rpc.CallContext(ctx, &id, "eth_chainId"); err == nil {
			return a
		}
		select {
		case <-exited:
			t.Fatalf("anviltest: anvil exited: %s", out.Tail(2000))
		case <-ctx.Done():
			t.Fatalf("anviltest: anvil at %s did not answer: %v", a.RPCURL, err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// Call calls method on the node, failing the test on error.
func (a *Anvil) Call(t testing.TB, result any, method string, args ...any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := a.rpc.CallContext(ctx, result, method, args...); err != nil {
		t.Fatalf("anviltest: %s: %v", method, err)
	}
}

// SetBalance sets addr's balance (anvil_setBalance).
func (a *Anvil) SetBalance(t testing.TB, addr common.Address, wei *big.Int) {
	t.Helper()
	a.Call(t, nil, "anvil_setBalance", addr, (*hexutil.Big)(wei))
}

// Mine seals n blocks now (anvil_mine).
func (a *Anvil) Mine(t testing.TB, n int) {
	t.Helper()
	a.Call(t, nil, "anvil_mine", hexutil.Uint64(n))
}

// SetNextBaseFee sets the base fee of the next block
// (anvil_setNextBlockBaseFeePerGas); later blocks follow EIP-1559 from it.
func (a *Anvil) SetNextBaseFee(t testing.TB, wei *big.Int) {
	t.Helper()
	a.Call(t, nil, "anvil_setNextBlockBaseFeePerGas", (*hexutil.Big)(wei))
}

// Reorg replaces the latest depth blocks with as many empty ones
// (anvil_reorg); their transactions are gone from the chain and the pool.
func (a *Anvil) Reorg(t testing.TB, depth int) {
	t.Helper()
	a.Call(t, nil, "anvil_reorg", depth, []any{})
}

func executable(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if fi.Mode()&0o111 == 0 {
		return os.Chmod(path, fi.Mode()|0o755)
	}
	return nil
}
