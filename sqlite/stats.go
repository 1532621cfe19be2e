package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/metapass/metapass/metrics"
)

// Stats returns what a metrics scrape reads, for the chain chainID.
func (db *DB) Stats(chainID uint64) metrics.Stats { return statsStore{db, chainID} }

type statsStore struct {
	db      *DB
	chainID uint64
}

// Counts reads the totals triggers keep in stat_counters (migration 16):
// a few rows, whatever the size of the tables counted.
func (s statsStore) Counts(ctx context.Context) (map[string]int64, error) {
	return readCounts(s.db.r.QueryContext(ctx, `SELECT name, n FROM stat_counters`))
}

func readCounts(rows *sql.Rows, err error) (map[string]int64, error) {
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

func (s statsStore) TimesToMinted(ctx context.Context, n int) ([]time.Duration, error) {
	rows, err := s.db.r.QueryContext(ctx, `SELECT o.created_at, t.settled_at FROM passes p
		JOIN orders o ON o.id = p.order_id JOIN chain_txs t ON t.id = p.tx_id
		WHERE p.state = 'minted' AND t.settled_at IS NOT NULL ORDER BY t.id DESC LIMIT ?`, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []time.Duration
	for rows.Next() {
		var ordered, settled time.Time
		if err := rows.Scan(&ordered, &settled); err != nil {
			return nil, fmt.Errorf("time to minted: %w", err)
		}
		out = append(out, settled.Sub(ordered))
	}
	return out, rows.Err()
}

func (s statsStore) IndexedTo(ctx context.Context) (uint64, bool, error) {
	b, ok, err := s.db.Ownership().Cursor(ctx, s.chainID)
	return b.Number, ok, err
}
