package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/metapass/metapass/storetest"
)

// BenchmarkQueuedPasses: storetest.BenchQueuedPasses on SQLite.
//
//	go test -run '^$' -bench QueuedPasses ./sqlite
func BenchmarkQueuedPasses(b *testing.B) {
	path := filepath.Join(b.TempDir(), "m.db")
	db, err := Open(b.Context(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	stores := storetest.Stores{Brands: db.Brands(), Passes: db.Passes()}
	storetest.BenchQueuedPasses(b, stores, func(ctx context.Context, runs []storetest.Bulk) error {
		// A connection of its own with a large cache; the index by
		// recipient, written in random order, is built once at the end.
		bulk, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)&_pragma=cache_size(-262144)")
		if err != nil {
			return err
		}
		defer bulk.Close()
		tx, err := bulk.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		if _, err := tx.ExecContext(ctx, `DROP INDEX passes_recipient`); err != nil {
			return err
		}
		for _, r := range runs {
			if _, err := tx.ExecContext(ctx, `WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ?)
				INSERT INTO passes (launch_id, order_id, token_id, recipient, state)
				SELECT ?, ?, ? + i, printf('0x%040x', ? + i % ?), 'queued' FROM seq`,
				r.N, r.LaunchID, r.OrderID, r.First, r.Base, r.Recipients); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `CREATE INDEX passes_recipient ON passes (recipient, launch_id)`); err != nil {
			return err
		}
		// No ANALYZE: the service never runs it.
		return tx.Commit()
	})
}
