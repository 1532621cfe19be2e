package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/metapass/metapass/sqlite"
	"github.com/metapass/metapass/webhooks"
)

// receiver is a brand's webhook endpoint in a test: it verifies every
// delivery's signature and answers with the next of its planned replies.
type receiver struct {
	t      *testing.T
	srv    *httptest.Server
	mu     sync.Mutex
	secret string
	plan   []int // statuses to answer, in order; 0 means hang past the timeout; then 200
	got    []delivery
}

type delivery struct {
	id    string
	event map[string]any
}

func newReceiver(t *testing.T, plan ...int) *receiver {
	r := &receiver{t: t, plan: plan}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		secret := r.secret
		r.mu.Unlock()
		if err := webhooks.Verify(secret, req.Header, body, time.Now(), 5*time.Minute); err != nil {
			t.Errorf("delivery does not verify: %v", err)
			w.WriteHeader(400)
			return
		}
		var e map[string]any
		if err := json.Unmarshal(body, &e); err != nil {
			t.Errorf("delivery body: %v", err)
		}
		r.mu.Lock()
		status := 200
		if len(r.plan) > 0 {
			status, r.plan = r.plan[0], r.plan[1:]
		}
		r.got = append(r.got, delivery{req.Header.Get("webhook-id"), e})
		r.mu.Unlock()
		if status == 0 {
			time.Sleep(400 * time.Millisecond)
			status = 200
		}
		w.WriteHeader(status)
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *receiver) deliveries() []delivery {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]delivery(nil), r.got...)
}

// dispatcher delivers the stack's outbox the way serve does, with retries
// a few milliseconds apart and a 200 ms timeout.
func (s *stack) dispatcher(db *sqlite.DB) *webhooks.Dispatcher {
	return webhooks.NewDispatcher(db.Webhooks(), &http.Client{}, webhooks.DispatcherConfig{
		Timeout: 200 * time.Millisecond, FirstRetry: time.Millisecond, MaxRetry: 5 * time.Millisecond,
	}, slog.New(slog.DiscardHandler))
}

// TestWebhooks: a redemption and an admission reach the brand's endpoint
// signed, after 500s, a 429, a 403 and a timeout, each retry with the same
// webhook-id; a delivery can be redelivered; a restarted dispatcher picks
// up where the last one stopped.
func TestWebhooks(t *testing.T) {
	d := newDoor(t, 1)
	r := newReceiver(t, 500, 429, 403, 0)
	created := d.s.must(t, 201, "POST", "/v1/webhooks", d.admin, map[string]any{
		"url": r.srv.URL + "/hooks", "events": []string{"perk.redeemed", "checkin.admitted"},
	})
	r.secret = created["secret"].(string)

	perk := d.s.must(t, 201, "POST", "/v1/launches/"+d.launch+"/perks", d.admin, map[string]any{
		"kind": "gift", "title": "engraving", "rule": map[string]any{"holds": map[string]any{"launches": []string{d.launch}}},
		"payload": map[string]any{"codes": []string{"SECRET-1"}},
	})["id"].(string)
	d.s.must(t, 201, "POST", "/v1/perks/"+perk+"/redemptions", d.sessions[0], map[string]any{})

	disp := d.s.dispatcher(d.s.db)
	for range 5 { // four failures, then success
		if err := disp.Step(t.Context()); err != nil {
			t.Logf("step: %v", err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	got := r.deliveries()
	if len(got) != 5 {
		t.Fatalf("%d attempts, want 5 (500, 429, 403, timeout, 200)", len(got))
	}
	for _, g := range got {
		if g.id != got[0].id || g.event["type"] != "perk.redeemed" {
			t.Fatalf("attempt %v differs from the first %v", g, got[0])
		}
	}
	data := got[0].event["data"].(map[string]any)
	if data["perk_id"] != perk || data["payload"].(map[string]any)["codes"] != nil {
		t.Fatalf("redemption event data %v (the payload must not travel)", data)
	}
	ds := d.s.must(t, 200, "GET", "/v1/webhooks/deliveries", d.admin, nil)["data"].([]any)
	if len(ds) != 1 || ds[0].(map[string]any)["state"] != "delivered" || ds[0].(map[string]any)["attempts"] != float64(5) {
		t.Fatalf("deliveries %v", ds)
	}

	// Redelivery keeps the id, so the receiver can tell it is the same event.
	id := ds[0].(map[string]any)["id"].(string)
	d.s.must(t, 202, "POST", "/v1/webhooks/deliveries/"+id+"/redeliver", d.admin, nil)
	if err := disp.Step(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got := r.deliveries(); len(got) != 6 || got[5].id != got[0].id {
		t.Fatalf("redelivery: %d deliveries", len(got))
	}

	// An admission while the receiver is down, then a "restart": a new
	// dispatcher on another handle of the same file delivers it.
	r.mu.Lock()
	r.plan = []int{503}
	r.mu.Unlock()
	ev := d.event(t, nil)
	d.scan(t, ev, d.staff(t, ev, nil), d.code(t, ev, 0), nil)
	if err := disp.Step(t.Context()); err == nil && len(r.deliveries()) != 7 {
		t.Fatalf("the admission was not attempted: %d deliveries", len(r.deliveries()))
	}
	db, err := sqlite.Open(t.Context(), filepath.Join(filepath.Dir(d.s.dbPath), "metapass.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	time.Sleep(10 * time.Millisecond)
	if err := d.s.dispatcher(db).Step(t.Context()); err != nil {
		t.Fatal(err)
	}
	got = r.deliveries()
	if len(got) != 8 || got[7].event["type"] != "checkin.admitted" || got[7].id != got[6].id {
		t.Fatalf("after the restart: %d deliveries, last %v", len(got), got[len(got)-1])
	}
}

// TestWebhookEndpoints: registration checks its URL and event types, shows
// the secret once, and another brand sees none of it.
func TestWebhookEndpoints(t *testing.T) {
	d := newDoor(t, 0)
	for _, tc := range []struct {
		name  string
		body  map[string]any
		field string
	}{
		{"unknown event", map[string]any{"url": "https://brand.example/hooks", "events": []string{"order.shipped"}}, "events[0]"},
		{"not a URL", map[string]any{"url": "hooks", "events": []string{"order.minted"}}, "url"},
		{"no events", map[string]any{"url": "https://brand.example/hooks", "events": []string{}}, "events"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := d.s.do(t, "POST", "/v1/webhooks", d.admin, tc.body)
			if r.status != 400 || r.json(t)["field"] != tc.field {
				t.Fatalf("status %d, want 400 naming %s: %s", r.status, tc.field, r.body)
			}
		})
	}
	e := d.s.must(t, 201, "POST", "/v1/webhooks", d.admin, map[string]any{"url": "https://brand.example/hooks", "events": []string{"order.minted", "order.minted"}})
	if len(e["secret"].(string)) < 40 || len(e["events"].([]any)) != 1 {
		t.Fatalf("endpoint %v", e)
	}
	listed := d.s.must(t, 200, "GET", "/v1/webhooks", d.admin, nil)["data"].([]any)
	if len(listed) != 1 || listed[0].(map[string]any)["secret"] != nil {
		t.Fatalf("listed %v (the secret must not be listed)", listed)
	}
	_, other := d.s.brand(t, "B")
	if r := d.s.do(t, "DELETE", "/v1/webhooks/"+e["id"].(string), other["admin"], nil); r.status != 404 {
		t.Fatalf("another brand deleted it: %d", r.status)
	}
	d.s.must(t, 204, "DELETE", "/v1/webhooks/"+e["id"].(string), d.admin, nil)
	if listed := d.s.must(t, 200, "GET", "/v1/webhooks", d.admin, nil)["data"].([]any); len(listed) != 0 {
		t.Fatalf("deleted endpoint still listed: %v", listed)
	}
}

// TestOrderWebhooks: an order whose passes are minted is told once, with
// the order and its passes.
func TestOrderWebhooks(t *testing.T) {
	d := newDoor(t, 0)
	r := newReceiver(t)
	r.secret = d.s.must(t, 201, "POST", "/v1/webhooks", d.admin, map[string]any{
		"url": r.srv.URL, "events": []string{"order.minted", "order.failed"},
	})["secret"].(string)
	o := d.s.must(t, 202, "POST", "/v1/launches/"+d.launch+"/orders", d.admin, order("o-9", "XO-70CL", 2, wallet(t)))
	d.s.waitOrder(t, d.admin, o["id"].(string), "minted")
	disp := d.s.dispatcher(d.s.db)
	for range 2 {
		if err := disp.Step(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
	got := r.deliveries()
	if len(got) != 1 || got[0].event["type"] != "order.minted" {
		t.Fatalf("deliveries %v, want one order.minted", got)
	}
	data := got[0].event["data"].(map[string]any)
	if data["id"] != o["id"] || data["state"] != "minted" || len(data["passes"].([]any)) != 2 {
		t.Fatalf("order.minted data %v", data)
	}
}

// TestSlowEndpointNeverSlowsMinting: with every delivery attempt hanging
// on an endpoint that never answers, orders are still minted: the
// dispatcher runs apart from the minter.
func TestSlowEndpointNeverSlowsMinting(t *testing.T) {
	d := newDoor(t, 0)
	hang := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-hang:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(hang) })
	d.s.must(t, 201, "POST", "/v1/webhooks", d.admin, map[string]any{"url": srv.URL, "events": []string{"order.minted"}})
	disp := webhooks.NewDispatcher(d.s.db.Webhooks(), &http.Client{}, webhooks.DispatcherConfig{Poll: 10 * time.Millisecond, Timeout: time.Hour},
		slog.New(slog.DiscardHandler))
	ctx, cancel := context.WithCancel(t.Context())
	stopped := make(chan struct{})
	go func() { defer close(stopped); disp.Run(ctx) }()
	defer func() { cancel(); <-stopped }()

	var ids []string
	for i := range 20 {
		o := d.s.must(t, 202, "POST", "/v1/launches/"+d.launch+"/orders", d.admin, order(fmt.Sprint("slow-", i), "XO-70CL", 1, wallet(t)))
		ids = append(ids, o["id"].(string))
	}
	for _, id := range ids {
		d.s.waitOrder(t, d.admin, id, "minted")
	}
	ds := d.s.poll(t, "/v1/webhooks/deliveries", d.admin, func(m map[string]any) bool {
		return len(m["data"].([]any)) == 20 // one per minted order, fanned out while the workers hang
	})["data"].([]any)
	for _, x := range ds {
		if x.(map[string]any)["state"] != "pending" {
			t.Fatalf("a delivery to a hanging endpoint is %v", x)
		}
	}
}

// TestDispatcherWokenPerEndpoint: with no polling to speak of, each
// commit of outbox events wakes the dispatcher, so a fast endpoint gets
// every order.minted at once, while an endpoint that hangs never has more
// than its share of attempts under way.
func TestDispatcherWokenPerEndpoint(t *testing.T) {
	d := newDoor(t, 0)
	var (
		mu              sync.Mutex
		hanging, most   int
		hang            = make(chan struct{})
		fast            = newReceiver(t)
		hangingEndpoint = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			hanging++
			most = max(most, hanging)
			mu.Unlock()
			select {
			case <-hang:
			case <-r.Context().Done():
			}
			mu.Lock()
			hanging--
			mu.Unlock()
		}))
	)
	t.Cleanup(hangingEndpoint.Close)
	t.Cleanup(func() { close(hang) })
	d.s.must(t, 201, "POST", "/v1/webhooks", d.admin, map[string]any{"url": hangingEndpoint.URL, "events": []string{"order.minted"}})
	fast.secret = d.s.must(t, 201, "POST", "/v1/webhooks", d.admin, map[string]any{"url": fast.srv.URL, "events": []string{"order.minted"}})["secret"].(string)

	disp := webhooks.NewDispatcher(d.s.db.Webhooks(), &http.Client{}, webhooks.DispatcherConfig{Poll: time.Hour, Timeout: time.Hour, PerEndpoint: 2},
		slog.New(slog.DiscardHandler))
	ctx, cancel := context.WithCancel(t.Context())
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); disp.Run(ctx) }()
	go func() { defer wg.Done(); d.s.db.ListenOutbox(ctx, disp.Notify) }()
	defer func() { cancel(); wg.Wait() }()

	for i := range 6 {
		d.s.must(t, 202, "POST", "/v1/launches/"+d.launch+"/orders", d.admin, order(fmt.Sprint("woken-", i), "XO-70CL", 1, wallet(t)))
	}
	deadline := time.Now().Add(30 * time.Second)
	for len(fast.deliveries()) < 6 {
		if time.Now().After(deadline) {
			t.Fatalf("the fast endpoint got %d of 6 order.minted", len(fast.deliveries()))
		}
		time.Sleep(20 * time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	if most != 2 {
		t.Fatalf("the hanging endpoint had at most %d attempts under way at once, want its share: 2", most)
	}
}
