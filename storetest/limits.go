package storetest

import (
	"errors"
	"fmt"
	"testing"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/passes"
)

// wantRule fails t unless err is an ERULE naming rule.
func wantRule(t *testing.T, what string, err error, rule string) {
	t.Helper()
	var e *metapass.Error
	if !errors.As(err, &e) || e.Code != metapass.ERULE || e.Rule != rule {
		t.Errorf("%s: error %v, want rule %q", what, err, rule)
	}
}

// testOrderLimits: an order earning more passes than one order may is
// refused and writes nothing; of orders placed at once on one launch,
// exactly those that fit its limit of passes waiting to mint are
// accepted; passes held for funds still count, minted ones no longer do.
func testOrderLimits(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	l := deployed(t, s, 100)
	svc := service(s)
	svc.MaxPassesPerOrder, svc.MaxQueuedPerLaunch = 5, 10
	place := func(id string, qty int) error {
		_, _, err := svc.PlaceOrder(ctx, brandA, l.ID, passes.OrderRequest{OrderID: id, SKU: "A", Quantity: qty, Wallet: walletA})
		return err
	}
	waiting := func() int64 {
		t.Helper()
		var n int64
		if err := s.Passes.InTx(ctx, func(tx passes.Tx) (err error) {
			n, err = tx.CountWaitingPasses(ctx, l.ID)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return n
	}

	wantRule(t, "6 passes in one order", place("L-big", 6), "passes_per_order")
	if got, err := s.Passes.GetLaunch(ctx, brandA, l.ID); err != nil || got.Allocated != 0 {
		t.Fatalf("allocated %d %v after a refused order, want 0", got.Allocated, err)
	}
	if os, err := s.Passes.ListOrders(ctx, brandA, l.ID, 10); err != nil || len(os) != 0 {
		t.Fatalf("orders after a refused one: %+v %v", os, err)
	}

	errs := concurrently(8, func(i int) error { return place(fmt.Sprintf("L-%d", i), 3) })
	accepted := 0
	for _, err := range errs {
		if err == nil {
			accepted++
			continue
		}
		wantRule(t, "an order past the queue", err, "queue_full")
	}
	if accepted != 3 || waiting() != 9 {
		t.Fatalf("%d orders of 3 accepted, %d passes waiting; want 3 and 9 under a limit of 10", accepted, waiting())
	}

	if err := s.Passes.HoldForFunds(ctx, chainID, 0); err != nil {
		t.Fatal(err)
	}
	if n := waiting(); n != 9 {
		t.Fatalf("%d passes waiting for funds counted, want 9", n)
	}
	wantRule(t, "2 more while 9 wait for funds", place("L-funds", 2), "queue_full")
	if err := s.Passes.ReleaseFunds(ctx, chainID); err != nil {
		t.Fatal(err)
	}

	queued, err := s.Passes.QueuedPasses(ctx, l.ID, 3)
	if err != nil || len(queued) != 3 {
		t.Fatalf("QueuedPasses: %+v %v", queued, err)
	}
	tx := mintTx(t, s, l, 1, queued)
	if n := waiting(); n != 6 {
		t.Fatalf("%d passes waiting with 3 submitted, want 6", n)
	}
	if err := s.Passes.ConfirmTx(ctx, tx, passes.Receipt{BlockNumber: 11, BlockHash: "0xb11", Success: true}, ""); err != nil {
		t.Fatal(err)
	}
	if err := place("L-after", 3); err != nil {
		t.Fatalf("3 more with 6 waiting: %v", err)
	}
	wantRule(t, "2 more with 9 waiting", place("L-past", 2), "queue_full")
}

// testQueueWindow: QueuedPasses leaves out the passes of a recipient with
// a batch in flight and looks no further back than QueueWindow queued
// passes: a recipient queued behind a full window of such passes waits for
// that batch to confirm.
func testQueueWindow(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	l := deployed(t, s, 10_000)
	order(t, s, l.ID, "W-1", 1, walletA)
	first, err := s.Passes.QueuedPasses(ctx, l.ID, 1)
	if err != nil || len(first) != 1 {
		t.Fatalf("QueuedPasses: %+v %v", first, err)
	}
	tx := mintTx(t, s, l, 1, first)
	order(t, s, l.ID, "W-2", 2, walletA)
	order(t, s, l.ID, "W-3", 1, walletB)
	ps, err := s.Passes.QueuedPasses(ctx, l.ID, 10)
	if err != nil || len(ps) != 1 || ps[0].Recipient != walletB || ps[0].TokenID != 4 {
		t.Fatalf("QueuedPasses with wallet A in flight: %+v %v, want wallet B's pass 4", ps, err)
	}
	for i := 0; i*passes.DefaultMaxPassesPerOrder < passes.QueueWindow; i++ {
		order(t, s, l.ID, fmt.Sprintf("W-big-%d", i), passes.DefaultMaxPassesPerOrder, walletA)
	}
	late := order(t, s, l.ID, "W-late", 1, walletB)
	if ps, err = s.Passes.QueuedPasses(ctx, l.ID, 10); err != nil || len(ps) != 1 || ps[0].TokenID != 4 {
		t.Fatalf("QueuedPasses: %+v %v, want only wallet B's pass 4 (its pass %d is past the window)", ps, err, late.Passes[0].TokenID)
	}
	b := mintTx(t, s, l, 2, ps)
	if ps, err = s.Passes.QueuedPasses(ctx, l.ID, 10); err != nil || len(ps) != 0 {
		t.Fatalf("QueuedPasses with a window of wallet A's passes: %+v %v, want none", ps, err)
	}
	for _, tx := range []passes.ChainTx{tx, b} {
		if err := s.Passes.ConfirmTx(ctx, tx, passes.Receipt{BlockNumber: 11, BlockHash: "0xb11", Success: true}, ""); err != nil {
			t.Fatal(err)
		}
	}
	if ps, err = s.Passes.QueuedPasses(ctx, l.ID, 10); err != nil || len(ps) != 10 || ps[0].Recipient != walletA || ps[0].TokenID != 2 {
		t.Fatalf("QueuedPasses once wallet A's batch confirmed: %d passes, first %+v, %v; want wallet A's 2…11", len(ps), ps, err)
	}
}
