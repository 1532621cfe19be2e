package sqlite_test

import (
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/metapass/metapass/sqlite"
)

// BenchmarkScrapeCounts: what one /metrics scrape costs with 1,000,000
// passes of 100,000 orders: the totals the triggers keep (Counts) against
// the full-table counts scrapes used to run. It also reports what the
// triggers add to writing those rows.
func BenchmarkScrapeCounts(b *testing.B) {
	path := filepath.Join(b.TempDir(), "m.db")
	db, err := sqlite.Open(b.Context(), path)
	if err != nil {
		b.Fatal(err)
	}
	db.Close()
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(0)&_pragma=journal_mode(wal)&_pragma=synchronous(normal)")
	if err != nil {
		b.Fatal(err)
	}
	defer raw.Close()
	seed := func(table string, n, from int) time.Duration {
		b.Helper()
		q := map[string]string{
			"orders": `INSERT INTO orders (id, brand_id, launch_id, order_id, sku, quantity, wallet, request_hash, created_at)
				WITH RECURSIVE i(n) AS (SELECT ? UNION ALL SELECT n + 1 FROM i WHERE n < ?)
				SELECT 'ord_' || n, 'brd_a', 'lch_1', 'O-' || n, 'A', 10, '0x1', x'00', '2026-01-01 00:00:00+00:00' FROM i`,
			"passes": `INSERT INTO passes (launch_id, order_id, token_id, recipient, state)
				WITH RECURSIVE i(n) AS (SELECT ? UNION ALL SELECT n + 1 FROM i WHERE n < ?)
				SELECT 'lch_1', 'ord_' || (n / 10), n, '0x1', CASE WHEN n % 4 = 0 THEN 'queued' ELSE 'minted' END FROM i`,
		}[table]
		start := time.Now()
		if _, err := raw.Exec(q, from, from+n-1); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	seed("orders", 100_000, 0)
	withTriggers := seed("passes", 500_000, 0)
	for _, trg := range []string{"stat_passes_insert", "stat_orders"} {
		if _, err := raw.Exec(`DROP TRIGGER ` + trg); err != nil {
			b.Fatal(err)
		}
	}
	without := seed("passes", 500_000, 500_000)
	b.Logf("500,000 pass inserts: %v with the counting trigger, %v without", withTriggers, without)

	db, err = sqlite.Open(b.Context(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	stats := db.Stats(1337)
	b.Run("counters", func(b *testing.B) {
		for b.Loop() {
			if _, err := stats.Counts(b.Context()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("table-counts", func(b *testing.B) {
		for b.Loop() {
			rows, err := raw.Query(`SELECT 'orders', COUNT(*) FROM orders
				UNION ALL SELECT 'passes:' || state, COUNT(*) FROM passes GROUP BY state
				UNION ALL SELECT 'checkins:' || result, COUNT(*) FROM checkins GROUP BY result
				UNION ALL SELECT 'redemptions', COUNT(*) FROM redemptions`)
			if err != nil {
				b.Fatal(err)
			}
			for rows.Next() {
			}
			rows.Close()
		}
	})
}
