package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/metapass/metapass/retention"
)

// Retention returns the retention.Store of db.
func (db *DB) Retention() retention.Store { return retentionStore{db} }

type retentionStore struct{ db *DB }

// prunes are the batch deletes by kind: each takes the cutoff and the
// batch size, walks an index in age order and skips rows another
// replica's janitor holds.
var prunes = map[retention.Kind]string{
	retention.Nonces: `DELETE FROM siwe_nonces WHERE nonce IN
		(SELECT nonce FROM siwe_nonces WHERE expires_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`,
	retention.Sessions: `DELETE FROM sessions WHERE hash IN
		(SELECT hash FROM sessions WHERE expires_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`,
	retention.Deliveries: `DELETE FROM webhook_deliveries WHERE id IN
		(SELECT id FROM webhook_deliveries WHERE state <> 'pending' AND created_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`,
	retention.Outbox: `DELETE FROM outbox WHERE id IN
		(SELECT id FROM outbox o WHERE fanned_out AND created_at < $1
			AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = o.id) LIMIT $2 FOR UPDATE SKIP LOCKED)`,
}

func (s retentionStore) Prune(ctx context.Context, kind retention.Kind, before time.Time, limit int) (int, error) {
	q, ok := prunes[kind]
	if !ok {
		return 0, fmt.Errorf("retention: unknown kind %q", kind)
	}
	tag, err := s.db.pool.Exec(ctx, q, before, limit)
	if err != nil {
		return 0, fmt.Errorf("prune %s: %w", kind, err)
	}
	return int(tag.RowsAffected()), nil
}

// Compact folds the metric counters' deltas into their totals.
func (s retentionStore) Compact(ctx context.Context) error { return compactStats(ctx, s.db) }
