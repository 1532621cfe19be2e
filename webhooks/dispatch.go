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
	"maps"
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
	// that hang slow only themselves. Defaults to 8.
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
		c.PerEndpoint = 8
	}
	return c
}

// claimBatch is the most deliveries claimed at once.
const claimBatch = 256

// Dispatcher delivers the outbox. It runs apart from the minter, so a
// slow or failing endpoint never slows minting.
type Dispatcher struct {
	store  Store
	client *http.Client
	cfg    DispatcherConfig
	log    *slog.Logger
	now    func() time.Time
	// events wakes Run for new outbox events; freed, for an attempt done.
	events, freed chan struct{}
	mu            sync.Mutex
	inFlight      map[string]int // attempts under way, by endpoint
}

// NewDispatcher returns a dispatcher posting with client; Run starts it.
func NewDispatcher(store Store, client *http.Client, cfg DispatcherConfig, log *slog.Logger) *Dispatcher {
	return &Dispatcher{store: store, client: client, cfg: cfg.withDefaults(), log: log, now: time.Now,
		events: make(chan struct{}, 1), freed: make(chan struct{}, 1), inFlight: map[string]int{}}
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
// fans them out and starts their attempts at once; each finished attempt
// lets its endpoint take the next due one. Attempts to one endpoint are
// bounded (PerEndpoint), not those of all: an endpoint that hangs holds
// only its own share.
func (d *Dispatcher) Run(ctx context.Context) {
	var wg sync.WaitGroup
	defer wg.Wait()
	t := time.NewTicker(d.cfg.Poll)
	defer t.Stop()
	fan := true
	for {
		if fan {
			if err := d.fanOut(ctx); err != nil && ctx.Err() == nil {
				d.log.Warn("webhook fan-out", slog.Any("err", err))
			}
		}
		if err := d.start(ctx, &wg); err != nil && ctx.Err() == nil {
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

// start claims what the endpoints' free shares allow and starts those
// attempts, until nothing more is due or allowed.
func (d *Dispatcher) start(ctx context.Context, wg *sync.WaitGroup) error {
	for {
		d.mu.Lock()
		c := Claim{Limit: claimBatch, PerEndpoint: d.cfg.PerEndpoint, InFlight: maps.Clone(d.inFlight)}
		d.mu.Unlock()
		due, err := d.claim(ctx, c)
		if err != nil {
			return err
		}
		for _, x := range due {
			d.mu.Lock()
			d.inFlight[x.EndpointID]++
			d.mu.Unlock()
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := d.attempt(ctx, x); err != nil && ctx.Err() == nil {
					d.log.Warn("webhook attempt", slog.String("delivery", x.ID), slog.Any("err", err))
				}
				d.mu.Lock()
				if d.inFlight[x.EndpointID]--; d.inFlight[x.EndpointID] == 0 {
					delete(d.inFlight, x.EndpointID)
				}
				d.mu.Unlock()
				wake(d.freed)
			}()
		}
		if len(due) < claimBatch {
			return nil
		}
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
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	for _, x := range due {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := d.attempt(ctx, x); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
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

// claim takes the due deliveries c allows. The lease outlives an attempt,
// so a crash mid-attempt retries later, and nobody else takes them first.
func (d *Dispatcher) claim(ctx context.Context, c Claim) ([]Due, error) {
	due, err := d.store.ClaimDue(ctx, d.now().UTC(), 2*d.cfg.Timeout, c)
	if err != nil {
		return nil, fmt.Errorf("claim deliveries: %w", err)
	}
	return due, nil
}

// attempt posts one delivery and records the outcome: delivered on any
// 2xx; otherwise (429 and 403 included, redirects, which are never
// followed, and timeouts) retried with backoff until RetryFor has passed
// since the delivery was created. The error kept says what failed, never
// what the target answered.
func (d *Dispatcher) attempt(ctx context.Context, x Due) error {
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
	return d.store.SaveAttempt(ctx, x.Delivery)
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
