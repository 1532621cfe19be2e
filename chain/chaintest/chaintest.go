// Package chaintest deploys and mints the pass contracts through a
// chain.Client for tests, as the minter does: the PassCollection
// implementation and its PassFactory once, then a clone per launch.
package chaintest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/metapass/metapass/chain"
	"github.com/metapass/metapass/passes"
)

// Send signs with sign at the signer's next nonce, broadcasts it and waits
// for its receipt, failing t unless it succeeds.
func Send(t testing.TB, c *chain.Client, sign func(nonce uint64) (passes.SignedTx, error)) *passes.Receipt {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	nonce, err := c.PendingNonce(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stx, err := sign(nonce)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Send(ctx, stx.Raw); err != nil {
		t.Fatal(err)
	}
	for {
		r, err := c.Receipt(ctx, stx.Hash)
		if err != nil && !errors.Is(err, passes.ErrIndexing) {
			t.Fatal(err)
		}
		if r != nil {
			if !r.Success {
				t.Fatalf("transaction %s reverted", stx.Hash)
			}
			return r
		}
		select {
		case <-ctx.Done():
			t.Fatalf("no receipt for %s", stx.Hash)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// Factory deploys a PassCollection implementation and a PassFactory of it.
func Factory(t testing.TB, c *chain.Client) passes.Factory {
	t.Helper()
	f := passes.Factory{ImplementationDeployed: true, Deployed: true}
	Send(t, c, func(nonce uint64) (stx passes.SignedTx, err error) {
		stx, f.Implementation, err = c.SignImplementation(context.Background(), nonce)
		return stx, err
	})
	Send(t, c, func(nonce uint64) (stx passes.SignedTx, err error) {
		stx, f.Address, err = c.SignFactory(context.Background(), nonce, f.Implementation)
		return stx, err
	})
	return f
}

// Collection creates l's collection with f (URIs under uriPrefix) and
// returns its address and the block holding its creation.
func Collection(t testing.TB, c *chain.Client, f passes.Factory, l passes.Launch, uriPrefix string) (string, uint64) {
	t.Helper()
	var addr string
	r := Send(t, c, func(nonce uint64) (stx passes.SignedTx, err error) {
		stx, addr, err = c.SignDeploy(context.Background(), nonce, f, l, uriPrefix)
		return stx, err
	})
	return addr, r.BlockNumber
}

// Mint mints, in one transaction, the counters[i]-th pass of to[i] into
// the collection at contract, and returns their token ids and the block
// holding the mint.
func Mint(t testing.TB, c *chain.Client, contract string, to []string, counters []uint64) ([]string, uint64) {
	t.Helper()
	ids := make([]string, len(to))
	for i := range to {
		var err error
		if ids[i], err = passes.ChainTokenID(to[i], counters[i]); err != nil {
			t.Fatal(err)
		}
	}
	r := Send(t, c, func(nonce uint64) (passes.SignedTx, error) {
		return c.SignMint(context.Background(), nonce, contract, ids)
	})
	return ids, r.BlockNumber
}
