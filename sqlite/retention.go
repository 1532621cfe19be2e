package sqlite

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
// batch size, and walks an index in age order.
var prunes = map[retention.Kind]string{
	retention.Nonces: `DELETE FROM siwe_nonces WHERE nonce IN
		(SELECT nonce FROM siwe_nonces WHERE expires_at < ? LIMIT ?)`,
	retention.Sessions: `DELETE FROM sessions WHERE hash IN
		(SELECT hash FROM sessions WHERE expires_at < ? LIMIT ?)`,
	retention.Deliveries: `DELETE FROM webhook_deliveries WHERE id IN
		(SELECT id FROM webhook_deliveries WHERE state <> 'pending' AND created_at < ? LIMIT ?)`,
	retention.Outbox: `DELETE FROM outbox WHERE id IN
		(SELECT id FROM outbox o WHERE fanned_out = 1 AND created_at < ?
			AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = o.id) LIMIT ?)`,
}

func (s retentionStore) Prune(ctx context.Context, kind retention.Kind, before time.Time, limit int) (int, error) {
	q, ok := prunes[kind]
	if !ok {
		return 0, fmt.Errorf("retention: unknown kind %q", kind)
	}
	res, err := s.db.exec(ctx, q, before.UTC(), limit)
	if err != nil {
		return 0, fmt.Errorf("prune %s: %w", kind, err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}
