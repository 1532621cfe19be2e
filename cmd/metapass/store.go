package main

import (
	"context"
	"strings"

	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/custody"
	"github.com/metapass/metapass/customers"
	"github.com/metapass/metapass/events"
	"github.com/metapass/metapass/metrics"
	"github.com/metapass/metapass/passes"
	"github.com/metapass/metapass/perks"
	"github.com/metapass/metapass/postgres"
	"github.com/metapass/metapass/retention"
	"github.com/metapass/metapass/sqlite"
	"github.com/metapass/metapass/webhooks"
)

// stores are the service's stores on one database, SQLite or PostgreSQL.
type stores struct {
	brands brands.Store
	passes interface {
		passes.Store
		passes.MintStore
	}
	ownership passes.OwnershipStore
	perks     perks.Store
	customers customers.Store
	events    events.Store
	webhooks  webhooks.Store
	claims    custody.ClaimStore
	retention retention.Store
	stats     func(chainID uint64) metrics.Stats
	ping      func(context.Context) error
	close     func() error
	// listenOutbox calls notify after commits of outbox events until ctx
	// is done.
	listenOutbox func(ctx context.Context, notify func())
}

// openStores opens database: a postgres:// URL or a SQLite file path.
func openStores(ctx context.Context, database string) (stores, error) {
	if strings.HasPrefix(database, "postgres://") || strings.HasPrefix(database, "postgresql://") {
		db, err := postgres.Open(ctx, database)
		if err != nil {
			return stores{}, err
		}
		return stores{db.Brands(), db.Passes(), db.Ownership(), db.Perks(), db.Customers(), db.Events(), db.Webhooks(), db.Claims(), db.Retention(),
			func(id uint64) metrics.Stats { return db.Stats(id) }, db.Ping, db.Close, db.ListenOutbox}, nil
	}
	db, err := sqlite.Open(ctx, database)
	if err != nil {
		return stores{}, err
	}
	return stores{db.Brands(), db.Passes(), db.Ownership(), db.Perks(), db.Customers(), db.Events(), db.Webhooks(), db.Claims(), db.Retention(),
		func(id uint64) metrics.Stats { return db.Stats(id) }, db.Ping, db.Close, db.ListenOutbox}, nil
}
