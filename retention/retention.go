// Package retention deletes what the service no longer needs, so anonymous
// sign-ins and years of webhooks do not grow the database without end:
// expired sign-in nonces and sessions, finished webhook deliveries and the
// outbox events they came from. The service runs it itself (Janitor), in
// bounded batches, each its own short transaction.
package retention

import (
	"context"
	"log/slog"
	"time"
)

// Kind is a kind of row the janitor deletes, and what its age counts from.
type Kind string

// Kinds, in the order a sweep deletes them (deliveries before the outbox
// events they reference).
const (
	Nonces     Kind = "nonces"     // sign-in nonces, by expiry (used or not)
	Sessions   Kind = "sessions"   // customers' sessions, by expiry
	Deliveries Kind = "deliveries" // delivered or failed webhook deliveries, by creation
	// Outbox events fanned out with no delivery left, by creation. They
	// follow the Deliveries age: an event older than it has none left but
	// those still pending.
	Outbox Kind = "outbox"
)

// Store deletes old rows.
type Store interface {
	// Prune deletes up to limit rows of kind older than before, as Kind
	// says, and returns how many it deleted.
	Prune(ctx context.Context, kind Kind, before time.Time, limit int) (int, error)
}

// Compactor is a Store with bookkeeping to fold on each sweep (the
// PostgreSQL adapter's metric counter deltas).
type Compactor interface {
	Compact(ctx context.Context) error
}

// Policy is how long each kind is kept past the moment its age counts
// from; a kind absent or 0 is kept forever.
type Policy map[Kind]time.Duration

// Janitor sweeps a Store by a Policy every Interval.
type Janitor struct {
	Store  Store
	Policy Policy
	// Interval between sweeps. Defaults to a minute.
	Interval time.Duration
	// Batch is the most rows one statement deletes. Defaults to 1,000.
	Batch int
	Now   func() time.Time
	Log   *slog.Logger
}

// Run sweeps until ctx is done.
func (j *Janitor) Run(ctx context.Context) {
	interval := j.Interval
	if interval <= 0 {
		interval = time.Minute
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if n, err := j.Sweep(ctx); err != nil && ctx.Err() == nil {
			j.Log.Warn("retention sweep failed", slog.Any("err", err))
		} else if len(n) > 0 {
			attrs := make([]any, 0, len(n))
			for k, c := range n {
				attrs = append(attrs, slog.Int(string(k), c))
			}
			j.Log.Info("retention deleted", attrs...)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Sweep deletes every kind's rows past its age, batch by batch, and
// returns how many of each it deleted (kinds with none left out).
func (j *Janitor) Sweep(ctx context.Context) (map[Kind]int, error) {
	batch := j.Batch
	if batch <= 0 {
		batch = 1000
	}
	if c, ok := j.Store.(Compactor); ok {
		if err := c.Compact(ctx); err != nil {
			return nil, err
		}
	}
	now := j.Now()
	deleted := map[Kind]int{}
	for _, kind := range []Kind{Nonces, Sessions, Deliveries, Outbox} {
		age := j.Policy[kind]
		if kind == Outbox {
			age = j.Policy[Deliveries]
		}
		if age <= 0 {
			continue
		}
		for {
			n, err := j.Store.Prune(ctx, kind, now.Add(-age), batch)
			if err != nil {
				return deleted, err
			}
			if n > 0 {
				deleted[kind] += n
			}
			if n < batch {
				break
			}
		}
	}
	return deleted, nil
}
