package sqlite_test

import (
	"path/filepath"
	"testing"

	"github.com/metapass/metapass/sqlite"
	"github.com/metapass/metapass/storetest"
)

func TestStoreContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Stores {
		db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "m.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return storetest.Stores{Brands: db.Brands(), Passes: db.Passes(), Ownership: db.Ownership(), Perks: db.Perks(),
			Customers: db.Customers(), Events: db.Events(), Webhooks: db.Webhooks(), Claims: db.Claims(),
			Retention: db.Retention(), Stats: db.Stats(1337), ListenOutbox: db.ListenOutbox}
	})
}
