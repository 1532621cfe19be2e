package passes_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/chain"
	"github.com/metapass/metapass/passes"
)

// TestMinterSharesBlocksAcrossBrands: with one launch of brand A holding
// 40 batches of queued passes, brand A never has more than its share of
// the in-flight transactions, and brand B's lone order, placed then, is
// minted within 3 blocks (the chain seals a block every 300ms, each with
// room for every transaction in flight).
func TestMinterSharesBlocksAcrossBrands(t *testing.T) {
	r := newRigDev(t, false, chain.DevConfig{BlockInterval: 300 * time.Millisecond, FixedBlocks: true})
	r.minter = passes.NewMinter(r.svc.Store.(passes.MintStore), r.client,
		passes.MinterConfig{BaseURL: "http://x", BatchSize: 10, MaxInFlight: 8, ReplaceAfter: 1000}, discard)
	ctx := t.Context()
	if err := r.brands.CreateBrand(ctx, brands.Brand{ID: "brd_2", Name: "B", CreatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	live := func(brand string, supply int64) passes.Launch {
		t.Helper()
		l, err := r.svc.CreateLaunch(ctx, brand, passes.Launch{Name: "XO", Symbol: "XO", SupplyCap: supply,
			SKUs: []passes.SKU{{SKU: "A", PassesPerUnit: 1}}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err = r.svc.Transition(ctx, brand, l.ID, passes.Publish); err != nil {
			t.Fatal(err)
		}
		r.until(t, "launch "+l.ID+" live", func() bool {
			l, err = r.svc.GetLaunch(ctx, brand, l.ID)
			return err == nil && l.State == passes.LaunchLive
		})
		return l
	}
	whale, lone := live("brd_1", 400), live("brd_2", 1)
	for i := range 40 {
		_, w := newAccount(t)
		if _, _, err := r.svc.PlaceOrder(ctx, "brd_1", whale.ID, passes.OrderRequest{OrderID: fmt.Sprintf("W-%d", i), SKU: "A", Quantity: 10, Wallet: w}); err != nil {
			t.Fatal(err)
		}
	}
	store := r.svc.Store.(passes.MintStore)
	whaleInFlight := func() int {
		t.Helper()
		txs, err := store.PendingTxs(ctx, r.client.ID())
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, tx := range txs {
			if tx.LaunchID == whale.ID {
				n++
			}
		}
		return n
	}
	r.until(t, "brand A's mints in flight", func() bool { return whaleInFlight() > 0 })
	for range 3 {
		if n := whaleInFlight(); n > 4 {
			t.Fatalf("brand A has %d of 8 transactions in flight, want at most its share of 4", n)
		}
		if err := r.minter.Step(ctx); err != nil {
			t.Fatal(err)
		}
	}

	head, err := r.ec.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	o, _, err := r.svc.PlaceOrder(ctx, "brd_2", lone.ID, passes.OrderRequest{OrderID: "B-1", SKU: "A", Quantity: 1, Wallet: r.client.Sender()})
	if err != nil {
		t.Fatal(err)
	}
	r.until(t, "brand B's order minted", func() bool {
		o, err = r.svc.GetOrder(ctx, "brd_2", o.ID)
		return err == nil && o.State == passes.OrderMinted
	})
	if at := *o.Passes[0].BlockNumber; at > head+3 {
		t.Fatalf("brand B's order, placed at block %d, minted in block %d: %d blocks, want at most 3", head, at, at-head)
	}
	if n := whaleInFlight(); n == 0 {
		t.Fatalf("brand A's launch drained before brand B's order was minted: the test shows nothing")
	}
}

// slowHead is a chain whose Head takes delay (while set), making a round
// as slow as wanted.
type slowHead struct {
	*chain.Client
	delay atomic.Int64
}

func (c *slowHead) Head(ctx context.Context) (uint64, error) {
	time.Sleep(time.Duration(c.delay.Load()))
	return c.Client.Head(ctx)
}

// TestMinterKeepsLeaseThroughSlowRound: a round lasting over three lease
// TTLs keeps the minting lease (another replica cannot take it meanwhile),
// and the replica mints on after it.
func TestMinterKeepsLeaseThroughSlowRound(t *testing.T) {
	r := newRig(t, false)
	const ttl = 300 * time.Millisecond
	slow := &slowHead{Client: r.client}
	store := r.svc.Store.(passes.MintStore)
	r.minter = passes.NewMinter(store, slow, passes.MinterConfig{BaseURL: "http://x", Holder: "a", LeaseTTL: ttl}, discard)
	l := r.liveLaunch(t)
	ctx := t.Context()

	slow.delay.Store(int64(4 * ttl))
	done := make(chan error, 1)
	go func() { done <- r.minter.Step(ctx) }()
	for round := true; round; {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			round = false
		case <-time.After(ttl / 6):
			now := time.Now()
			if ok, err := store.Lease(ctx, r.client.ID(), r.client.Sender(), "b", now, now.Add(ttl)); err != nil || ok {
				t.Fatalf("another replica took the lease during a slow round: %v %v", ok, err)
			}
		}
	}
	slow.delay.Store(0)
	o := r.order(t, l.ID, "S-1", r.client.Sender())
	r.until(t, "the order minted after the slow round", func() bool { return r.getOrder(t, o.ID).State == passes.OrderMinted })
}

// takenLease is a store on which every lease renewal after the first finds
// the lease taken by another replica.
type takenLease struct {
	passes.MintStore
	calls atomic.Int32
}

func (s *takenLease) Lease(ctx context.Context, chainID uint64, sender, holder string, now, until time.Time) (bool, error) {
	if s.calls.Add(1) > 1 {
		return false, nil
	}
	return s.MintStore.Lease(ctx, chainID, sender, holder, now, until)
}

// TestMinterStopsRoundWhenLeaseLost: a renewal during a round that finds
// the lease taken ends the round at once: nothing more is signed.
func TestMinterStopsRoundWhenLeaseLost(t *testing.T) {
	r := newRig(t, false)
	l := r.liveLaunch(t)
	o := r.order(t, l.ID, "L-1", r.client.Sender())
	// The round outlasts a renewal (every ttl/3) but not the lease, so
	// only the renewal can tell the round the lease is gone.
	const ttl = 1500 * time.Millisecond
	slow := &slowHead{Client: r.client}
	slow.delay.Store(int64(ttl * 2 / 5)) // a round reads the head twice
	r.minter = passes.NewMinter(&takenLease{MintStore: r.svc.Store.(passes.MintStore)}, slow,
		passes.MinterConfig{BaseURL: "http://x", Holder: "a", LeaseTTL: ttl}, discard)
	if err := r.minter.Step(t.Context()); err != nil {
		t.Fatalf("a round whose lease was taken: %v, want it ended quietly", err)
	}
	if s := r.getOrder(t, o.ID).State; s != passes.OrderQueued {
		t.Fatalf("order %s after a round that lost its lease, want queued", s)
	}
}
