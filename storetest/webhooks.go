package storetest

import (
	"context"
	"encoding/json"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/perks"
	"github.com/metapass/metapass/webhooks"
)

// emitRedeemed writes a perk.redeemed event of brand to the outbox.
func emitRedeemed(t *testing.T, s Stores, brand string) metapass.Event {
	t.Helper()
	e := metapass.NewEvent(perks.EventRedeemed, brand, now(), map[string]string{"perk_id": "prk_1"})
	if err := s.Perks.InTx(t.Context(), func(tx perks.Tx) error { return tx.Emit(t.Context(), e) }); err != nil {
		t.Fatal(err)
	}
	return e
}

func endpoint(t *testing.T, s Stores, brand string, types ...string) webhooks.Endpoint {
	t.Helper()
	e := webhooks.Endpoint{ID: metapass.NewID("whk"), BrandID: brand, URL: "https://example.com/hook", Events: types,
		Secret: "whsec_x", CreatedAt: now()}
	if err := s.Webhooks.CreateEndpoint(t.Context(), e); err != nil {
		t.Fatal(err)
	}
	return e
}

// claim is a claim of up to limit deliveries, of at most 100 per endpoint.
func claim(limit int) webhooks.Claim { return webhooks.Claim{Limit: limit, PerEndpoint: 100} }

func testWebhooks(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	subscribed := endpoint(t, s, brandA, perks.EventRedeemed, "order.minted")
	endpoint(t, s, brandA, "order.minted")
	deleted := endpoint(t, s, brandA, perks.EventRedeemed)
	endpoint(t, s, brandB, perks.EventRedeemed)
	wantCode(t, "delete another brand's endpoint", s.Webhooks.DeleteEndpoint(ctx, brandB, deleted.ID), metapass.ENOTFOUND)
	if err := s.Webhooks.DeleteEndpoint(ctx, brandA, deleted.ID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, "delete twice", s.Webhooks.DeleteEndpoint(ctx, brandA, deleted.ID), metapass.ENOTFOUND)
	es, err := s.Webhooks.ListEndpoints(ctx, brandA)
	i := slices.IndexFunc(es, func(e webhooks.Endpoint) bool { return e.ID == subscribed.ID })
	if err != nil || len(es) != 2 || i < 0 || !slices.Equal(es[i].Events, subscribed.Events) || es[i].Secret != "" {
		t.Fatalf("ListEndpoints: %+v %v, want two without their secrets", es, err)
	}

	ev := emitRedeemed(t, s, brandA)
	at := now()
	if n, err := s.Webhooks.FanOut(ctx, 10, at); err != nil || n != 1 {
		t.Fatalf("FanOut: %d %v, want 1 event", n, err)
	}
	if n, err := s.Webhooks.FanOut(ctx, 10, at); err != nil || n != 0 {
		t.Fatalf("FanOut again: %d %v, want 0", n, err)
	}
	ds, err := s.Webhooks.ListDeliveries(ctx, brandA, "", 10)
	if err != nil || len(ds) != 1 || ds[0].EndpointID != subscribed.ID || ds[0].EventID != ev.ID || ds[0].State != webhooks.Pending ||
		ds[0].NextAt == nil || !ds[0].NextAt.Equal(at) {
		t.Fatalf("deliveries: %+v %v, want one to %s", ds, err, subscribed.ID)
	}
	if ds, err := s.Webhooks.ListDeliveries(ctx, brandB, "", 10); err != nil || len(ds) != 0 {
		t.Fatalf("brand B's deliveries: %+v %v", ds, err)
	}

	if due, err := s.Webhooks.ClaimDue(ctx, at.Add(-time.Second), time.Minute, claim(10)); err != nil || len(due) != 0 {
		t.Fatalf("claimed before due: %+v %v", due, err)
	}
	due, err := s.Webhooks.ClaimDue(ctx, at, time.Minute, claim(10))
	if err != nil || len(due) != 1 || due[0].URL != subscribed.URL || due[0].Secret != "whsec_x" {
		t.Fatalf("ClaimDue: %+v %v", due, err)
	}
	var payload metapass.Event
	if err := json.Unmarshal(due[0].Payload, &payload); err != nil || payload.ID != ev.ID || payload.Type != perks.EventRedeemed {
		t.Fatalf("payload %s: %v", due[0].Payload, err)
	}
	if again, err := s.Webhooks.ClaimDue(ctx, at.Add(30*time.Second), time.Minute, claim(10)); err != nil || len(again) != 0 {
		t.Fatalf("claimed within its lease: %+v %v", again, err)
	}
	if again, err := s.Webhooks.ClaimDue(ctx, at.Add(time.Minute), time.Minute, claim(10)); err != nil || len(again) != 1 {
		t.Fatalf("not claimed again after its lease: %+v %v", again, err)
	}

	d := due[0].Delivery
	delivered := at.Add(time.Second)
	d.State, d.Attempts, d.NextAt, d.LastStatus, d.DeliveredAt = webhooks.Delivered, 1, nil, 200, &delivered
	if err := s.Webhooks.SaveAttempts(ctx, []webhooks.Delivery{d}); err != nil {
		t.Fatal(err)
	}
	ds, err = s.Webhooks.ListDeliveries(ctx, brandA, subscribed.ID, 10)
	if err != nil || len(ds) != 1 || ds[0].State != webhooks.Delivered || ds[0].NextAt != nil || ds[0].LastStatus != 200 ||
		ds[0].DeliveredAt == nil || !ds[0].DeliveredAt.Equal(delivered) {
		t.Fatalf("after delivery: %+v %v", ds, err)
	}
	_, err = s.Webhooks.Redeliver(ctx, brandB, d.ID, at)
	wantCode(t, "redeliver another brand's delivery", err, metapass.ENOTFOUND)
	later := at.Add(time.Hour)
	r, err := s.Webhooks.Redeliver(ctx, brandA, d.ID, later)
	if err != nil || r.State != webhooks.Pending || r.NextAt == nil || !r.NextAt.Equal(later) || r.Attempts != 1 {
		t.Fatalf("Redeliver: %+v %v", r, err)
	}
	if due, err := s.Webhooks.ClaimDue(ctx, later, time.Minute, claim(10)); err != nil || len(due) != 1 {
		t.Fatalf("redelivery not due: %+v %v", due, err)
	}
}

// testClaimDue: four dispatchers fanning out and claiming at once deliver
// each of 40 events once.
func testClaimDue(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	endpoint(t, s, brandA, perks.EventRedeemed)
	for range 40 {
		emitRedeemed(t, s, brandA)
	}
	at := now()
	var (
		mu      sync.Mutex
		claimed []string
		fanned  int
	)
	errs := concurrently(4, func(int) error {
		for {
			n, err := s.Webhooks.FanOut(ctx, 5, at)
			if err != nil {
				return err
			}
			due, err := s.Webhooks.ClaimDue(ctx, at, time.Hour, claim(3))
			if err != nil {
				return err
			}
			mu.Lock()
			fanned += n
			for _, d := range due {
				claimed = append(claimed, d.ID)
			}
			mu.Unlock()
			if n == 0 && len(due) == 0 {
				return nil
			}
		}
	})
	tally(t, errs, "")
	slices.Sort(claimed)
	if fanned != 40 || len(claimed) != 40 || len(slices.Compact(claimed)) != 40 {
		t.Fatalf("fanned out %d events, claimed %d deliveries (%d distinct); want 40 each, once", fanned, len(claimed), len(slices.Compact(claimed)))
	}
}

// testClaimPerEndpoint: a claim takes no more of one endpoint than its
// share less its attempts under way, oldest first, and takes from every
// other endpoint meanwhile, however long the first one's backlog.
func testClaimPerEndpoint(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	busy := endpoint(t, s, brandA, perks.EventRedeemed)
	for range 30 {
		emitRedeemed(t, s, brandA)
	}
	other := endpoint(t, s, brandB, perks.EventRedeemed)
	for range 3 {
		emitRedeemed(t, s, brandB)
	}
	at := now()
	for {
		if n, err := s.Webhooks.FanOut(ctx, 100, at); err != nil || n == 0 {
			if err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	count := func(due []webhooks.Due) map[string]int {
		n := map[string]int{}
		for _, d := range due {
			n[d.EndpointID]++
		}
		return n
	}
	cases := []struct {
		name     string
		c        webhooks.Claim
		busy, to int
	}{
		{"a share of each", webhooks.Claim{Limit: 100, PerEndpoint: 4, InFlight: map[string]int{busy.ID: 1}}, 3, 3},
		{"none of a full endpoint", webhooks.Claim{Limit: 100, PerEndpoint: 4, InFlight: map[string]int{busy.ID: 4}}, 0, 3},
		{"the limit", webhooks.Claim{Limit: 2, PerEndpoint: 4}, 2, 0},
	}
	for _, tc := range cases {
		due, err := s.Webhooks.ClaimDue(ctx, at, time.Minute, tc.c)
		if err != nil {
			t.Fatal(err)
		}
		if n := count(due); n[busy.ID] != tc.busy || n[other.ID] != tc.to || len(due) != tc.busy+tc.to {
			t.Fatalf("%s: claimed %v, want %d of the busy endpoint and %d of the other", tc.name, n, tc.busy, tc.to)
		}
		at = at.Add(time.Minute) // what was claimed is leased until then
	}
}

// testOutboxNotifies: a listener hears of each commit of outbox events,
// once it is committed, so a dispatcher can wake at once.
func testOutboxNotifies(t *testing.T, s Stores) {
	seed(t, s)
	ctx, cancel := context.WithCancel(t.Context())
	heard := make(chan struct{}, 100)
	done := make(chan struct{})
	go func() { defer close(done); s.ListenOutbox(ctx, func() { heard <- struct{}{} }) }()
	defer func() { cancel(); <-done }()
	time.Sleep(100 * time.Millisecond) // listening
	for len(heard) > 0 {
		<-heard // on (re)connecting, a listener may call notify for what it could have missed
	}
	for i := range 3 {
		emitRedeemed(t, s, brandA)
		select {
		case <-heard:
		case <-time.After(5 * time.Second):
			t.Fatalf("commit %d of an outbox event: no notification", i)
		}
	}
}
