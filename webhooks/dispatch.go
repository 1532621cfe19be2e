package webhooks

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/metapass/metapass/egress"
)

// Sign returns the Standard Webhooks signature header value of a delivery:
// "v1," + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)),
// where key is the base64 part of the whsec_ secret.
func Sign(secret, id string, timestamp int64, body []byte) (string, error) {
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	if err != nil {
		return "", fmt.Errorf("webhooks: malformed secret: %w", err)
	}
	mac := hmac.New(sha256.New, key)
	fmt.Fprintf(mac, "%s.%d.", id, timestamp)
	mac.Write(body)
	return "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil)), nil
}

// Verify checks a delivery as a receiver would: the signature header holds
// a valid v1 signature of id, timestamp and body, and the timestamp is
// within tolerance of now (against replays).
func Verify(secret string, header http.Header, body []byte, now time.Time, tolerance time.Duration) error {
	id, ts := header.Get("webhook-id"), header.Get("webhook-timestamp")
	t, err := strconv.ParseInt(ts, 10, 64)
	if id == "" || err != nil {
		return errors.New("webhooks: missing webhook-id or webhook-timestamp")
	}
	if d := now.Sub(time.Unix(t, 0)); d > tolerance || d < -tolerance {
		return errors.New("webhooks: timestamp outside tolerance")
	}
	want, err := Sign(secret, id, t, body)
	if err != nil {
		return err
	}
	for _, sig := range strings.Fields(header.Get("webhook-signature")) {
		if hmac.Equal([]byte(sig), []byte(want)) {
			return nil
		}
	}
	return errors.New("webhooks: no valid signature")
}

// DispatcherConfig tunes delivery. Zero values take the defaults.
type DispatcherConfig struct {
	// Poll is how often the dispatcher looks for due work when nothing
	// woke it: retries coming due, events committed by another replica.
	// Events committed here wake it at once (Notify). Defaults to 1s.
	Poll time.Duration
	// Timeout bounds one attempt. Defaults to 10s.
	Timeout time.Duration
	// PerEndpoint is how many attempts to one endpoint run at once (in
	// each dispatcher); there is no limit across endpoints, so endpoints
	// that hang slow only themselves. Defaults to 16.
	PerEndpoint int
	// FirstRetry is the wait after the first failure; each later failure
	// doubles it, up to MaxRetry. Default 5s and 1h.
	FirstRetry, MaxRetry time.Duration
	// RetryFor is how long a delivery is retried before it fails. Defaults
	// to 24h.
	RetryFor time.Duration
}

func (c DispatcherConfig) withDefaults() DispatcherConfig {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&c.Poll, time.Second)
	def(&c.Timeout, 10*time.Second)
	def(&c.FirstRetry, 5*time.Second)
	def(&c.MaxRetry, time.Hour)
	def(&c.RetryFor, 24*time.Hour)
	if c.PerEndpoint <= 0 {
		c.PerEndpoint = 16
	}
	return c
}

const (
	// claimBatch is the most deliveries claimed at once.
	claimBatch = 256
	// claimAhead is how many PerEndpoint shares of one endpoint's due
	// deliveries a dispatcher holds (under way, or claimed and waiting for
	// a free attempt), so that claims, one database write each, keep up
	// with a fast endpoint. A delivery that waits so long that its lease
	// could end before its attempt does is let go, not attempted: it is
	// claimed again once the lease has ended.
	claimAhead = 32
)

// Dispatcher delivers the outbox. It runs apart from the minter, so a
// slow or failing endpoint never slows minting.
type Dispatcher struct {
	store  Store
	client *http.Client
	cfg    DispatcherConfig
	log    *slog.Logger
	now    func() time.Time
	// events wakes Run for new outbox events; freed, for an endpoint with
	// room for more.
	events, freed chan struct{}
	mu            sync.Mutex
	endpoints     map[string]*endpointWork
}

// endpointWork is what a dispatcher holds of one endpoint: deliveries
// claimed and waiting, and how many attempts are under way.
type endpointWork struct {
	queue   []queued
	running int
}

// queued is a claimed delivery and when its attempt must start at the
// latest, to end within its lease.
type queued struct {
	Due
	startBy time.Time
}

// NewDispatcher returns a dispatcher posting with client; Run starts it.
func NewDispatcher(store Store, client *http.Client, cfg DispatcherConfig, log *slog.Logger) *Dispatcher {
	return &Dispatcher{store: store, client: client, cfg: cfg.withDefaults(), log: log, now: time.Now,
		events: make(chan struct{}, 1), freed: make(chan struct{}, 1), endpoints: map[string]*endpointWork{}}
}

// Notify tells the dispatcher that outbox events were committed; the
// stores call it after each such commit. It never blocks.
func (d *Dispatcher) Notify() { wake(d.events) }

func wake(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// Run delivers until ctx is done. Each commit of outbox events (Notify)
// fans them out and starts their attempts at once; as an endpoint's
// attempts finish, it takes its next due deliveries. Attempts to one
// endpoint are bounded (PerEndpoint), not those of all: an endpoint that
// hangs holds only its own share.
func (d *Dispatcher) Run(ctx context.Context) {
	saves, saved := make(chan Delivery, 1024), make(chan struct{})
	go func() { defer close(saved); d.save(saves) }()
	var wg sync.WaitGroup
	defer func() { wg.Wait(); close(saves); <-saved }()
	t := time.NewTicker(d.cfg.Poll)
	defer t.Stop()
	fan := true
	for {
		if fan {
			if err := d.fanOut(ctx); err != nil && ctx.Err() == nil {
				d.log.Warn("webhook fan-out", slog.Any("err", err))
			}
		}
		if err := d.start(ctx, &wg, saves); err != nil && ctx.Err() == nil {
			d.log.Warn("webhook claim", slog.Any("err", err))
		}
		select {
		case <-ctx.Done():
			return
		case <-d.events:
			fan = true
		case <-t.C:
			fan = true
		case <-d.freed:
			fan = false
		}
	}
}

// start claims what the endpoints' free shares allow and queues them,
// starting attempts up to PerEndpoint an endpoint, until nothing more is
// due or allowed.
func (d *Dispatcher) start(ctx context.Context, wg *sync.WaitGroup, saves chan<- Delivery) error {
	for {
		d.mu.Lock()
		held := make(map[string]int, len(d.endpoints))
		for id, w := range d.endpoints {
			held[id] = w.running + len(w.queue)
		}
		d.mu.Unlock()
		now := d.now()
		due, err := d.claim(ctx, Claim{Limit: claimBatch, PerEndpoint: claimAhead * d.cfg.PerEndpoint, InFlight: held})
		if err != nil {
			return err
		}
		startBy := now.Add(d.lease() - d.cfg.Timeout - time.Second)
		d.mu.Lock()
		for _, x := range due {
			w := d.endpoints[x.EndpointID]
			if w == nil {
				w = &endpointWork{}
				d.endpoints[x.EndpointID] = w
			}
			w.queue = append(w.queue, queued{x, startBy})
			if w.running < d.cfg.PerEndpoint {
				w.running++
				wg.Add(1)
				go d.work(ctx, wg, x.EndpointID, saves)
			}
		}
		d.mu.Unlock()
		if len(due) < claimBatch {
			return nil
		}
	}
}

// work attempts endpoint id's queued deliveries one after another until
// its queue is empty, asking for more when it runs low. Outcomes go to
// saves, so the next attempt need not wait for the database.
func (d *Dispatcher) work(ctx context.Context, wg *sync.WaitGroup, id string, saves chan<- Delivery) {
	defer wg.Done()
	for {
		d.mu.Lock()
		w := d.endpoints[id]
		if len(w.queue) == 0 || ctx.Err() != nil {
			if w.running--; w.running == 0 && len(w.queue) == 0 {
				delete(d.endpoints, id)
			}
			d.mu.Unlock()
			wake(d.freed)
			return
		}
		x := w.queue[0]
		w.queue = w.queue[1:]
		low := len(w.queue) < d.cfg.PerEndpoint
		d.mu.Unlock()
		if low {
			wake(d.freed)
		}
		if d.now().After(x.startBy) {
			continue // its lease may end mid-attempt: left to be claimed again
		}
		saves <- d.attempt(ctx, x.Due)
	}
}

// save stores the outcomes from saves until it is closed, as many at once
// as have come in meanwhile. An outcome not saved leaves its delivery
// leased, to be attempted again when the lease ends.
func (d *Dispatcher) save(saves <-chan Delivery) {
	for x := range saves {
		batch := []Delivery{x}
	more:
		for len(batch) < 500 {
			select {
			case y, ok := <-saves:
				if !ok {
					break more
				}
				batch = append(batch, y)
			default:
				break more
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		if err := d.store.SaveAttempts(ctx, batch); err != nil {
			d.log.Warn("webhook attempts not saved", slog.Int("deliveries", len(batch)), slog.Any("err", err))
		}
		cancel()
	}
}

// Step fans new events out to their endpoints and attempts every due
// delivery once (up to PerEndpoint of each endpoint), returning when all
// attempts are done.
func (d *Dispatcher) Step(ctx context.Context) error {
	if err := d.fanOut(ctx); err != nil {
		return err
	}
	due, err := d.claim(ctx, Claim{Limit: claimBatch, PerEndpoint: d.cfg.PerEndpoint})
	if err != nil {
		return err
	}
	out := make([]Delivery, len(due))
	var wg sync.WaitGroup
	for i, x := range due {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = d.attempt(ctx, x)
		}()
	}
	wg.Wait()
	if len(out) == 0 {
		return nil
	}
	return d.store.SaveAttempts(ctx, out)
}

// fanOut turns every new outbox event into its deliveries.
func (d *Dispatcher) fanOut(ctx context.Context) error {
	for {
		n, err := d.store.FanOut(ctx, 500, d.now().UTC())
		if err != nil {
			return fmt.Errorf("fan out: %w", err)
		}
		if n < 500 {
			return nil
		}
	}
}

// lease is how long a claimed delivery is this dispatcher's: long enough
// for an attempt after a wait of two, so a crash mid-attempt retries later,
// and nobody else takes them first.
func (d *Dispatcher) lease() time.Duration { return 3*d.cfg.Timeout + time.Second }

// claim takes the due deliveries c allows.
func (d *Dispatcher) claim(ctx context.Context, c Claim) ([]Due, error) {
	due, err := d.store.ClaimDue(ctx, d.now().UTC(), d.lease(), c)
	if err != nil {
		return nil, fmt.Errorf("claim deliveries: %w", err)
	}
	return due, nil
}

// attempt posts one delivery and returns the outcome, to be saved:
// delivered on any 2xx; otherwise (429 and 403 included, redirects,
// which are never followed, and timeouts) retried with backoff until
// RetryFor has passed since the delivery was created. The error kept says
// what failed, never what the target answered. Until the outcome is saved
// the delivery stays leased.
func (d *Dispatcher) attempt(ctx context.Context, x Due) Delivery {
	now := d.now()
	status, err := d.post(ctx, x, now)
	x.Attempts++
	x.LastStatus, x.LastError = status, ""
	switch {
	case err == nil && status >= 200 && status < 300:
		at := d.now().UTC()
		x.State, x.NextAt, x.DeliveredAt = Delivered, nil, &at
	default:
		x.LastError = egress.Describe(status, err)
		next := now.Add(d.backoff(x.Attempts)).UTC()
		if next.Sub(x.CreatedAt) > d.cfg.RetryFor {
			x.State, x.NextAt = Failed, nil
		} else {
			x.State, x.NextAt = Pending, &next
		}
	}
	d.log.Debug("webhook attempt", slog.String("delivery", x.ID), slog.String("state", x.State), slog.Int("status", status),
		slog.Int("attempts", x.Attempts))
	return x.Delivery
}

func (d *Dispatcher) post(ctx context.Context, x Due, now time.Time) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, d.cfg.Timeout)
	defer cancel()
	ts := now.Unix()
	sig, err := Sign(x.Secret, x.EventID, ts, x.Payload)
	if err != nil {
		return 0, errors.New("malformed endpoint secret")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, x.URL, bytes.NewReader(x.Payload))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "metapass-webhooks/1")
	req.Header.Set("webhook-id", x.EventID)
	req.Header.Set("webhook-timestamp", strconv.FormatInt(ts, 10))
	req.Header.Set("webhook-signature", sig)
	res, err := d.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	return res.StatusCode, nil
}

// backoff is FirstRetry·2^(attempts-1), capped at MaxRetry, less up to a
// tenth at random so retries of many deliveries spread out.
func (d *Dispatcher) backoff(attempts int) time.Duration {
	b := d.cfg.MaxRetry
	if attempts < 30 {
		b = min(d.cfg.FirstRetry<<(attempts-1), d.cfg.MaxRetry)
	}
	return b - time.Duration(rand.Int64N(int64(b/10)+1))
}
