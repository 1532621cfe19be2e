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
	"github.com/metapass/metapass/chain/chaintest"
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
	if n, _ := c.PendingNonce(t.Context()); n != 3 { // implementation, factory, collection
		t.Fatalf("nonce %d after restart, want 3", n)
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

// deploy deploys a factory and a collection with a supply of 100,000 made by
// it, and returns the collection's address.
func deploy(t *testing.T, c *chain.Client) string {
	t.Helper()
	addr, _ := chaintest.Collection(t, c, chaintest.Factory(t, c), passes.Launch{ID: "lch_1", Name: "XO", Symbol: "XO", SupplyCap: 100_000}, "http://x/")
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
	recipients := func(n int) []string {
		ids := make([]string, n)
		for i := range n {
			ids[i], _ = passes.ChainTokenID(common.BigToAddress(big.NewInt(int64(1000+i))).Hex(), 1)
		}
		return ids
	}
	nonce, _ := c.PendingNonce(t.Context())
	ids := recipients(2)
	stx, err := c.SignMint(t.Context(), nonce, contract, ids)
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
	if owner, err := c.OwnerOf(t.Context(), contract, ids[1]); err != nil || owner != common.BigToAddress(big.NewInt(1001)).Hex() {
		t.Fatalf("ownerOf(%s) = %s, %v", ids[1], owner, err)
	}
	next, _ := passes.ChainTokenID(common.BigToAddress(big.NewInt(1001)).Hex(), 2)
	if owner, err := c.OwnerOf(t.Context(), contract, next); err != nil || owner != "" {
		t.Fatalf("ownerOf(%s) = %q, %v; want none", next, owner, err)
	}

	cases := []struct {
		name string
		n    int
		ids  func([]string)
		want error
	}{
		{"already minted", 1, func(ids []string) {}, passes.ErrReverted},
		{"counter skipped", 1, func(ids []string) { ids[0], _ = passes.ChainTokenID(common.BigToAddress(big.NewInt(5000)).Hex(), 2) }, passes.ErrReverted},
		{"counter zero", 1, func(ids []string) { ids[0], _ = passes.ChainTokenID(common.BigToAddress(big.NewInt(5000)).Hex(), 0) }, passes.ErrReverted},
		{"more than one transaction may carry", 1200, func(ids []string) {
			for i := range ids {
				ids[i], _ = passes.ChainTokenID(common.BigToAddress(big.NewInt(int64(10_000+i))).Hex(), 1)
			}
		}, passes.ErrTooMuchGas},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ids := recipients(tc.n)
			tc.ids(ids)
			if _, err := c.SignMint(t.Context(), nonce+1, contract, ids); !errors.Is(err, tc.want) {
				t.Fatalf("SignMint: %v, want %v", err, tc.want)
			}
		})
	}
}
