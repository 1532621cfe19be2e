package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"sync"
	"time"

	"github.com/metapass/metapass/internal/localproc"
)

// webhooksResult is what the delivery run measured: o.Orders orders whose
// order.minted events go to one fast local endpoint.
type webhooksResult struct {
	Orders      int
	PerEndpoint int           // the replica's -webhook-concurrency
	OrderRate   int           // orders placed per second (0: as fast as accepted)
	Placed      time.Duration // to place them all
	Delivered   int           // distinct order.minted events received
	Span        time.Duration // first to last delivery
	// Latency is from the event's created_at (the confirming commit) to
	// its arrival at the endpoint.
	Latency struct{ P50, P90, P99, Max time.Duration }
}

// PerSecond is deliveries per second from the first to the last.
func (r webhooksResult) PerSecond() float64 {
	if r.Span <= 0 {
		return 0
	}
	return float64(r.Delivered-1) / r.Span.Seconds()
}

// hookReceiver is the fast local endpoint: it answers 204 at once and
// keeps when each event first arrived.
type hookReceiver struct {
	mu      sync.Mutex
	arrived map[string]time.Duration // event id → arrival - created_at
	first   time.Time
	last    time.Time
}

func (h *hookReceiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	now := time.Now()
	var e struct {
		ID   string    `json:"id"`
		Type string    `json:"type"`
		At   time.Time `json:"created_at"`
	}
	body, _ := io.ReadAll(r.Body)
	w.WriteHeader(http.StatusNoContent)
	if json.Unmarshal(body, &e) != nil || e.Type != "order.minted" {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.arrived[e.ID]; ok {
		return
	}
	h.arrived[e.ID] = now.Sub(e.At)
	if h.first.IsZero() {
		h.first = now
	}
	h.last = now
}

func (h *hookReceiver) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.arrived)
}

// webhooks runs one replica on SQLite with its embedded dev chain (a block
// per transaction, so minting keeps up with the orders), an endpoint for
// order.minted on a local receiver, places o.Orders orders and waits until
// every order.minted has arrived.
func (e *env) webhooks(ctx context.Context, o options) (webhooksResult, error) {
	res := webhooksResult{Orders: o.Orders, PerEndpoint: o.WebhookConcurrency, OrderRate: o.WebhookOrderRate}
	h := &hookReceiver{arrived: make(map[string]time.Duration, o.Orders)}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return res, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()

	listen, err := localproc.FreeAddr()
	if err != nil {
		return res, err
	}
	e.log.Info("webhooks: 1 replica on SQLite, embedded dev chain, one local endpoint")
	p, base, err := e.startServe(ctx, "webhooks", listen, serveArgs(o, filepath.Join(e.dir, "webhooks"), listen,
		"-dev-rpc-addr", "", "-allow-private-targets", "-webhook-concurrency", fmt.Sprint(o.WebhookConcurrency)))
	if err != nil {
		return res, err
	}
	defer p.stop()
	admin, l, err := e.admin(ctx, p, base)
	if err != nil {
		return res, err
	}
	if err := admin.do(ctx, "POST", "/v1/webhooks", map[string]any{"url": "http://" + ln.Addr().String() + "/hook",
		"events": []string{"order.minted"}}, http.StatusCreated, nil); err != nil {
		return res, err
	}
	e.log.Info("webhooks: placing orders", slog.Int("orders", o.Orders), slog.Int("clients", o.Clients), slog.Int("per_second", o.WebhookOrderRate))
	accepted, refused, placed := placePaced(ctx, admin, l.ID, o.Orders, o.Clients, o.WebhookOrderRate)
	if refused > 0 {
		return res, fmt.Errorf("%d of %d orders were not accepted", refused, o.Orders)
	}
	res.Placed = placed
	e.log.Info("webhooks: placed", slog.Duration("in", placed.Round(time.Millisecond)))
	deadline := time.After(5 * time.Minute)
	for h.count() < accepted {
		select {
		case <-ctx.Done():
			return res, ctx.Err()
		case <-deadline:
			return res, fmt.Errorf("%d of %d order.minted delivered after 5 minutes", h.count(), accepted)
		case <-time.After(100 * time.Millisecond):
		}
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	lat := make([]time.Duration, 0, len(h.arrived))
	for _, d := range h.arrived {
		lat = append(lat, d)
	}
	res.Delivered, res.Span = len(lat), h.last.Sub(h.first)
	res.Latency.P50, res.Latency.P90, res.Latency.P99, res.Latency.Max = percentile(lat, 50), percentile(lat, 90), percentile(lat, 99), percentile(lat, 100)
	e.log.Info("webhooks: delivered", slog.Int("events", res.Delivered), slog.Float64("per_second", res.PerSecond()),
		slog.Duration("p99", res.Latency.P99))
	return res, nil
}

// placePaced posts n orders from clients concurrent clients, at most
// perSecond a second (0: as fast as they are taken), each to a wallet of
// its own. It returns how many were accepted and refused, and how long
// placing them took.
func placePaced(ctx context.Context, admin api, launchID string, n, clients, perSecond int) (int, int, time.Duration) {
	if perSecond <= 0 {
		accepted, refused, placed := placeBurst(ctx, admin, launchID, n, clients)
		return len(accepted), refused, placed
	}
	hc := orderClient(clients)
	next := make(chan int)
	var (
		mu                sync.Mutex
		wg                sync.WaitGroup
		accepted, refused int
	)
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out := postOrder(hc, admin.base, admin.key, launchID, orderBody(fmt.Sprintf("hook-%d", i), randomWallet()))
				mu.Lock()
				if out.status/100 == 2 {
					accepted++
				} else {
					refused++
				}
				mu.Unlock()
			}
		}()
	}
	for i := range n {
		if wait := time.Until(start.Add(time.Duration(i) * time.Second / time.Duration(perSecond))); wait > 0 {
			time.Sleep(wait)
		}
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return accepted, refused, time.Since(start)
}
