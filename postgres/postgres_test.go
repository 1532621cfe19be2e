package postgres_test

import (
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/postgres"
	"github.com/metapass/metapass/postgres/pgtest"
	"github.com/metapass/metapass/storetest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// open opens a fresh database with a pool large enough that the suite's
// concurrent transactions really run at once.
func open(t *testing.T) *postgres.DB {
	t.Helper()
	u, err := url.Parse(pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("pool_max_conns", "20")
	u.RawQuery = q.Encode()
	db, err := postgres.Open(t.Context(), u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestStoreContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Stores {
		db := open(t)
		return storetest.Stores{Brands: db.Brands(), Passes: db.Passes(), Ownership: db.Ownership(), Perks: db.Perks(),
			Customers: db.Customers(), Events: db.Events(), Webhooks: db.Webhooks(), Claims: db.Claims(),
			Retention: db.Retention(), Stats: db.Stats(1337), ListenOutbox: db.ListenOutbox}
	})
}

// TestReopen: a second Open of a migrated database applies nothing and
// sees what the first wrote; times come back in UTC.
func TestReopen(t *testing.T) {
	ctx := t.Context()
	dsn := pgtest.URL(t)
	db, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 5, 1, 12, 0, 0, 123456000, time.FixedZone("CEST", 2*3600))
	if err := db.Brands().CreateBrand(ctx, brands.Brand{ID: "brd_1", Name: "A", CreatedAt: at}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	b, err := db.Brands().GetBrand(ctx, "brd_1")
	if err != nil || !b.CreatedAt.Equal(at) || b.CreatedAt.Location() != time.UTC {
		t.Fatalf("brand after reopen: %+v %v", b, err)
	}
}
