package chain_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/metapass/metapass/chain"
	"github.com/metapass/metapass/passes"
)

func TestLoadOrCreateKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "keys", "signer.key")
	k1, created, err := chain.LoadOrCreateKey(path)
	if err != nil || !created {
		t.Fatalf("first load: created=%v err=%v", created, err)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v (%v), want 0600", st.Mode().Perm(), err)
	}
	k2, created, err := chain.LoadOrCreateKey(path)
	if err != nil || created || !k1.Equal(k2) {
		t.Fatalf("second load: created=%v err=%v same=%v", created, err, k1.Equal(k2))
	}
	if err := os.WriteFile(path, []byte("not a key"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := chain.LoadOrCreateKey(path); err == nil {
		t.Fatal("a corrupt key file was accepted")
	}
}

// TestDevChainPersists: blocks, balances and contracts survive a restart on
// the same data dir.
func TestDevChainPersists(t *testing.T) {
	if testing.Short() {
		t.Skip("restarts a node")
	}
	dir := t.TempDir()
	key, _ := crypto.GenerateKey()
	from := crypto.PubkeyToAddress(key.PublicKey)
	start := func() (*chain.DevChain, *chain.Client) {
		t.Helper()
		return startDev(t, chain.DevConfig{DataDir: dir, Funded: []common.Address{from}, BlockInterval: -1}, key)
	}
	dev, c := start()
	contract := deploy(t, c)
	head, _ := c.Head(t.Context())
	c.Close()
	if err := dev.Close(); err != nil {
		t.Fatal(err)
	}

	dev, c = start()
	if h, _ := c.Head(t.Context()); h < head {
		t.Fatalf("head %d after restart, was %d", h, head)
	}
	code, err := ethclient.NewClient(dev.RPC()).CodeAt(t.Context(), common.HexToAddress(contract), nil)
	if err != nil || len(code) == 0 {
		t.Fatalf("contract code lost: %d bytes, %v", len(code), err)
	}
	if n, _ := c.PendingNonce(t.Context()); n != 1 {
		t.Fatalf("nonce %d after restart, want 1", n)
	}
}

// startDev starts a dev chain and a client of it signing with key, both
// closed when the test ends.
func startDev(t *testing.T, cfg chain.DevConfig, key *ecdsa.PrivateKey) (*chain.DevChain, *chain.Client) {
	t.Helper()
	dev, err := chain.StartDevChain(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = dev.Close() })
	c, err := chain.NewClient(t.Context(), dev.RPC(), key)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return dev, c
}

// deploy deploys a pass contract with a supply of 1000 and waits for it.
func deploy(t *testing.T, c *chain.Client) string {
	t.Helper()
	ctx := t.Context()
	nonce, err := c.PendingNonce(ctx)
	if err != nil {
		t.Fatal(err)
	}
	l := passes.Launch{Name: "XO", Symbol: "XO", SupplyCap: 1000}
	stx, addr, err := c.SignDeploy(ctx, nonce, l, func(a string) (string, string) { return "http://x/" + a + "/", "http://x/" + a })
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Send(ctx, stx.Raw); err != nil {
		t.Fatal(err)
	}
	waitReceipt(t, c, stx.Hash)
	return addr
}

func waitReceipt(t *testing.T, c *chain.Client, hash string) *passes.Receipt {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	for {
		r, err := c.Receipt(ctx, hash)
		if err != nil && !errors.Is(err, passes.ErrIndexing) {
			t.Fatal(err)
		}
		if r != nil {
			if !r.Success {
				t.Fatalf("tx %s reverted", hash)
			}
			return r
		}
		select {
		case <-ctx.Done():
			t.Fatalf("no receipt for %s", hash)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// TestSignMintErrors: a mint that would revert and one too large for a
// transaction are told apart, so the minter can fail or split them.
func TestSignMintErrors(t *testing.T) {
	key, _ := crypto.GenerateKey()
	_, c := startDev(t, chain.DevConfig{Funded: []common.Address{crypto.PubkeyToAddress(key.PublicKey)}, BlockInterval: -1}, key)
	contract := deploy(t, c)
	recipients := func(n int) ([]string, []uint64) {
		to, ids := make([]string, n), make([]uint64, n)
		for i := range n {
			to[i], ids[i] = common.BigToAddress(big.NewInt(int64(1000+i))).Hex(), uint64(i+1)
		}
		return to, ids
	}
	nonce, _ := c.PendingNonce(t.Context())
	to, ids := recipients(2)
	stx, err := c.SignMint(t.Context(), nonce, contract, to, ids)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Send(t.Context(), stx.Raw); err != nil {
		t.Fatal(err)
	}
	if err := c.Send(t.Context(), stx.Raw); err != nil {
		t.Fatalf("re-sending a known transaction: %v", err)
	}
	waitReceipt(t, c, stx.Hash)
	if owner, err := c.OwnerOf(t.Context(), contract, 2); err != nil || owner != to[1] {
		t.Fatalf("ownerOf(2) = %s, %v", owner, err)
	}
	if owner, err := c.OwnerOf(t.Context(), contract, 3); err != nil || owner != "" {
		t.Fatalf("ownerOf(3) = %q, %v; want none", owner, err)
	}

	cases := []struct {
		name string
		n    int
		ids  func([]uint64)
		want error
	}{
		{"already minted", 1, func(ids []uint64) { ids[0] = 2 }, passes.ErrReverted},
		{"id above supply", 1, func(ids []uint64) { ids[0] = 1001 }, passes.ErrReverted},
		{"id zero", 1, func(ids []uint64) { ids[0] = 0 }, passes.ErrReverted},
		{"more than one transaction may carry", 400, func(ids []uint64) {
			for i := range ids {
				ids[i] += 10
			}
		}, passes.ErrTooMuchGas},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			to, ids := recipients(tc.n)
			tc.ids(ids)
			if _, err := c.SignMint(t.Context(), nonce+1, contract, to, ids); !errors.Is(err, tc.want) {
				t.Fatalf("SignMint: %v, want %v", err, tc.want)
			}
		})
	}
}
