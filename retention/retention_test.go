package retention_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/metapass/metapass/retention"
)

// fakeStore holds n rows of each kind, all old enough.
type fakeStore struct {
	rows    map[retention.Kind]int
	calls   []retention.Kind
	before  map[retention.Kind]time.Time
	compact int
}

func (s *fakeStore) Prune(_ context.Context, kind retention.Kind, before time.Time, limit int) (int, error) {
	s.calls = append(s.calls, kind)
	s.before[kind] = before
	n := min(limit, s.rows[kind])
	s.rows[kind] -= n
	return n, nil
}

func (s *fakeStore) Compact(context.Context) error { s.compact++; return nil }

// TestSweep: each kind is deleted in batches until none is left, in
// order (deliveries before the outbox, which follows their age); a kind
// kept forever is not touched; a compactor is compacted.
func TestSweep(t *testing.T) {
	s := &fakeStore{rows: map[retention.Kind]int{retention.Nonces: 25, retention.Sessions: 3, retention.Deliveries: 10, retention.Outbox: 10},
		before: map[retention.Kind]time.Time{}}
	now := time.Unix(1_000_000, 0)
	j := &retention.Janitor{Store: s, Batch: 10, Now: func() time.Time { return now },
		Policy: retention.Policy{retention.Nonces: time.Hour, retention.Deliveries: 24 * time.Hour},
		Log:    slog.New(slog.NewTextHandler(io.Discard, nil))}
	got, err := j.Sweep(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if got[retention.Nonces] != 25 || got[retention.Deliveries] != 10 || got[retention.Outbox] != 10 || got[retention.Sessions] != 0 {
		t.Fatalf("deleted %v", got)
	}
	want := []retention.Kind{retention.Nonces, retention.Nonces, retention.Nonces, retention.Deliveries, retention.Deliveries,
		retention.Outbox, retention.Outbox}
	if len(s.calls) != len(want) {
		t.Fatalf("calls %v, want %v", s.calls, want)
	}
	for i := range want {
		if s.calls[i] != want[i] {
			t.Fatalf("calls %v, want %v", s.calls, want)
		}
	}
	if !s.before[retention.Nonces].Equal(now.Add(-time.Hour)) || !s.before[retention.Outbox].Equal(now.Add(-24*time.Hour)) {
		t.Fatalf("cutoffs %v", s.before)
	}
	if s.compact != 1 {
		t.Fatalf("compacted %d times", s.compact)
	}
}
