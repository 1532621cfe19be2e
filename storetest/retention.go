package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/customers"
	"github.com/metapass/metapass/passes"
	"github.com/metapass/metapass/perks"
	"github.com/metapass/metapass/retention"
	"github.com/metapass/metapass/webhooks"
)

// testRetention: each kind goes once past its cutoff, in batches of the
// size asked, and nothing younger or still needed goes with it.
func testRetention(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	at := now()
	old, fresh := at.Add(-2*time.Hour), at.Add(time.Hour)
	for i := range 3 {
		if err := s.Customers.CreateNonce(ctx, brandA, fmt.Sprintf("old%d", i), old); err != nil {
			t.Fatal(err)
		}
		if err := s.Customers.CreateSession(ctx, []byte(fmt.Sprintf("old%d", i)), customers.Session{BrandID: brandA, Wallet: walletA, ExpiresAt: old}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Customers.CreateNonce(ctx, brandA, "fresh", fresh); err != nil {
		t.Fatal(err)
	}
	if err := s.Customers.CreateSession(ctx, []byte("fresh"), customers.Session{BrandID: brandA, Wallet: walletA, ExpiresAt: fresh}); err != nil {
		t.Fatal(err)
	}

	// Three events fanned out to one endpoint: one delivered, one pending;
	// and one event no endpoint wants.
	hook := endpoint(t, s, brandA, perks.EventRedeemed)
	emitRedeemed(t, s, brandA)
	emitRedeemed(t, s, brandA)
	if n, err := s.Webhooks.FanOut(ctx, 10, at); err != nil || n != 2 {
		t.Fatalf("FanOut: %d %v", n, err)
	}
	if err := s.Perks.InTx(ctx, func(tx perks.Tx) error {
		return tx.Emit(ctx, metapass.NewEvent("order.minted", brandA, at, map[string]string{}))
	}); err != nil {
		t.Fatal(err)
	}
	if n, err := s.Webhooks.FanOut(ctx, 10, at); err != nil || n != 1 {
		t.Fatalf("FanOut of the unwanted event: %d %v", n, err)
	}
	due, err := s.Webhooks.ClaimDue(ctx, at, time.Minute, webhooks.Claim{Limit: 1, PerEndpoint: 1})
	if err != nil || len(due) != 1 {
		t.Fatalf("ClaimDue: %+v %v", due, err)
	}
	d := due[0].Delivery
	d.State, d.Attempts, d.NextAt, d.LastStatus, d.DeliveredAt = webhooks.Delivered, 1, nil, 200, &at
	if err := s.Webhooks.SaveAttempts(ctx, []webhooks.Delivery{d}); err != nil {
		t.Fatal(err)
	}

	prune := func(kind retention.Kind, before time.Time, limit, want int) {
		t.Helper()
		if n, err := s.Retention.Prune(ctx, kind, before, limit); err != nil || n != want {
			t.Fatalf("Prune %s before %v limit %d: %d %v, want %d", kind, before, limit, n, err, want)
		}
	}
	prune(retention.Nonces, at, 2, 2)
	prune(retention.Nonces, at, 2, 1)
	prune(retention.Nonces, at, 2, 0)
	wantCode(t, "pruned nonce", s.Customers.ConsumeNonce(ctx, brandA, "old0", old.Add(-time.Hour)), metapass.EUNAUTHORIZED)
	if err := s.Customers.ConsumeNonce(ctx, brandA, "fresh", at); err != nil {
		t.Fatalf("fresh nonce: %v", err)
	}
	prune(retention.Sessions, at, 10, 3)
	_, err = s.Customers.SessionByHash(ctx, []byte("old1"))
	wantCode(t, "pruned session", err, metapass.ENOTFOUND)
	if _, err := s.Customers.SessionByHash(ctx, []byte("fresh")); err != nil {
		t.Fatalf("fresh session: %v", err)
	}

	// Deliveries created before the cutoff go unless pending; an outbox
	// event goes once no delivery of it is left.
	prune(retention.Deliveries, old, 10, 0)
	prune(retention.Outbox, old, 10, 0)
	prune(retention.Outbox, fresh, 10, 1) // the event no endpoint wanted
	prune(retention.Deliveries, fresh, 10, 1)
	ds, err := s.Webhooks.ListDeliveries(ctx, brandA, hook.ID, 10)
	if err != nil || len(ds) != 1 || ds[0].State != webhooks.Pending {
		t.Fatalf("deliveries left: %+v %v, want the pending one", ds, err)
	}
	prune(retention.Outbox, fresh, 10, 1) // the delivered one's event
	prune(retention.Outbox, fresh, 10, 0) // the pending one's stays
	if due, err := s.Webhooks.ClaimDue(ctx, at.Add(time.Hour), time.Minute, webhooks.Claim{Limit: 10, PerEndpoint: 10}); err != nil || len(due) != 1 || len(due[0].Payload) == 0 {
		t.Fatalf("the pending delivery after pruning: %+v %v", due, err)
	}
}

// testStats: the totals a scrape reads match the rows, through orders,
// mints and confirmations.
func testStats(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	l := deployed(t, s, 10)
	order(t, s, l.ID, "S-1", 3, walletA)
	order(t, s, l.ID, "S-2", 1, walletB)
	queued, err := s.Passes.QueuedPasses(ctx, l.ID, 3)
	if err != nil {
		t.Fatal(err)
	}
	tx := mintTx(t, s, l, 1, queued)
	want := func(what string) {
		t.Helper()
		got, err := s.Stats.Counts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		states := map[string]int64{}
		for _, st := range passStates(t, s, l.ID) {
			states["passes:"+string(st)]++
		}
		for name, n := range got {
			if name != "orders" && n != states[name] {
				t.Errorf("%s: %s = %d, want %d", what, name, n, states[name])
			}
		}
		for name, n := range states {
			if got[name] != n {
				t.Errorf("%s: %s = %d, want %d", what, name, got[name], n)
			}
		}
		if got["orders"] != 2 {
			t.Errorf("%s: orders = %d, want 2", what, got["orders"])
		}
	}
	want("submitted")
	if err := s.Passes.ConfirmTx(ctx, tx, passes.Receipt{BlockNumber: 20, BlockHash: "0xb20", Success: true, GasUsed: 90_000}, ""); err != nil {
		t.Fatal(err)
	}
	want("confirmed")
	if c, ok := s.Retention.(retention.Compactor); ok {
		if err := c.Compact(ctx); err != nil {
			t.Fatal(err)
		}
	}
	want("compacted")
}
