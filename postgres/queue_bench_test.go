package postgres_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/metapass/metapass/postgres"
	"github.com/metapass/metapass/postgres/pgtest"
	"github.com/metapass/metapass/storetest"
)

// BenchmarkQueuedPasses: storetest.BenchQueuedPasses on PostgreSQL.
//
//	go test -run '^$' -bench QueuedPasses ./postgres
func BenchmarkQueuedPasses(b *testing.B) {
	url := pgtest.URL(b)
	db, err := postgres.Open(b.Context(), url)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	stores := storetest.Stores{Brands: db.Brands(), Passes: db.Passes()}
	storetest.BenchQueuedPasses(b, stores, func(ctx context.Context, runs []storetest.Bulk) error {
		conn, err := pgx.Connect(ctx, url)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		for _, r := range runs {
			if _, err := conn.Exec(ctx, `INSERT INTO passes (launch_id, order_id, token_id, recipient, state)
				SELECT $1, $2, $3 + i, '0x' || lpad(to_hex($4 + i % $5), 40, '0'), 'queued' FROM generate_series(0, $6 - 1) i`,
				r.LaunchID, r.OrderID, r.First, r.Base, r.Recipients, r.N); err != nil {
				return err
			}
		}
		_, err = conn.Exec(ctx, `VACUUM ANALYZE passes`)
		return err
	})
}
