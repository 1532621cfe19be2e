package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/metapass/metapass/metrics"
)

// Stats returns what a metrics scrape reads, for the chain chainID.
func (db *DB) Stats(chainID uint64) metrics.Stats { return statsStore{db, chainID} }

type statsStore struct {
	db      *DB
	chainID uint64
}

// Counts reads the totals triggers keep (migration 4): the folded
// stat_counters plus the deltas appended since, after folding them when no
// other replica is.
func (s statsStore) Counts(ctx context.Context) (map[string]int64, error) {
	if err := compactStats(ctx, s.db); err != nil {
		return nil, err
	}
	rows, err := s.db.pool.Query(ctx, `SELECT name, SUM(n)::bigint FROM
		(SELECT name, n FROM stat_counters UNION ALL SELECT name, n FROM stat_deltas) t GROUP BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var (
			name string
			n    int64
		)
		if err := rows.Scan(&name, &n); err != nil {
			return nil, err
		}
		out[name] = n
	}
	return out, rows.Err()
}

// compactStats folds stat_deltas into stat_counters in one transaction,
// unless another replica is doing so (then its fold will do).
func compactStats(ctx context.Context, db *DB) error {
	return db.inTx(ctx, func(tx pgx.Tx) error {
		var mine bool
		if err := tx.QueryRow(ctx, `SELECT pg_try_advisory_xact_lock(hashtext('metapass.stat_deltas'))`).Scan(&mine); err != nil || !mine {
			return err
		}
		_, err := tx.Exec(ctx, `WITH folded AS (DELETE FROM stat_deltas RETURNING name, n)
			INSERT INTO stat_counters (name, n) SELECT name, SUM(n) FROM folded GROUP BY name ORDER BY name
			ON CONFLICT (name) DO UPDATE SET n = stat_counters.n + EXCLUDED.n`)
		return err
	})
}

func (s statsStore) TimesToMinted(ctx context.Context, n int) ([]time.Duration, error) {
	rows, err := s.db.pool.Query(ctx, `SELECT o.created_at, t.settled_at FROM passes p
		JOIN orders o ON o.id = p.order_id JOIN chain_txs t ON t.id = p.tx_id
		WHERE p.state = 'minted' AND t.settled_at IS NOT NULL ORDER BY t.id DESC LIMIT $1`, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []time.Duration
	for rows.Next() {
		var ordered, settled time.Time
		if err := rows.Scan(&ordered, &settled); err != nil {
			return nil, err
		}
		out = append(out, settled.Sub(ordered))
	}
	return out, rows.Err()
}

func (s statsStore) IndexedTo(ctx context.Context) (uint64, bool, error) {
	b, ok, err := s.db.Ownership().Cursor(ctx, s.chainID)
	return b.Number, ok, err
}
