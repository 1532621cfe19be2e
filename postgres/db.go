// Package postgres stores what package sqlite stores, in PostgreSQL through
// pgx, so several replicas of the service can share one database.
//
// Write transactions run at READ COMMITTED and lock the row the SQLite
// adapter's single writer implicitly guards (SELECT … FOR UPDATE): the
// launch of an order, the perk of a redemption, the event of an admission.
// Where no row exists to lock yet, a transaction-scoped advisory lock
// stands in (an order id, an indexed chain). Serialization failures and
// deadlocks are retried.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"

	"github.com/metapass/metapass"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is a pool of connections to one PostgreSQL database.
type DB struct {
	pool *pgxpool.Pool
}

// Open connects to the database at url (postgres://…) and applies pending
// migrations.
func Open(ctx context.Context, url string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("database url: %w", err)
	}
	cfg.AfterConnect = func(_ context.Context, c *pgx.Conn) error {
		// Times come back in UTC, as from the SQLite adapter.
		c.TypeMap().RegisterType(&pgtype.Type{Name: "timestamptz", OID: pgtype.TimestamptzOID,
			Codec: &pgtype.TimestamptzCodec{ScanLocation: time.UTC}})
		return nil
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	db := &DB{pool: pool}
	if err := db.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return db, nil
}

func (db *DB) migrate(ctx context.Context) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	sqlDB := stdlib.OpenDBFromPool(db.pool)
	defer sqlDB.Close()
	p, err := goose.NewProvider(goose.DialectPostgres, sqlDB, sub)
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// Close closes every connection.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	return db.pool.Ping(ctx)
}

// querier is what both *pgxpool.Pool and pgx.Tx offer.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// maxAttempts bounds how often inTx runs a transaction that lost a
// serialization conflict or a deadlock.
const maxAttempts = 10

// inTx runs fn in one READ COMMITTED transaction, again when PostgreSQL
// aborts it for a serialization failure or a deadlock.
func (db *DB) inTx(ctx context.Context, fn func(pgx.Tx) error) error {
	for attempt := 1; ; attempt++ {
		err := pgx.BeginFunc(ctx, db.pool, fn)
		if err == nil || attempt == maxAttempts || !retryable(err) {
			return err
		}
	}
}

func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

// isUnique reports whether err is a unique violation.
func isUnique(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}

// lock takes transaction-scoped advisory locks on keys, in a fixed order so
// two transactions never wait on each other.
func lock(ctx context.Context, tx pgx.Tx, keys ...string) error {
	ids := make([]int64, 0, len(keys))
	for _, k := range keys {
		h := fnv.New64a()
		h.Write([]byte(k))
		ids = append(ids, int64(h.Sum64()))
	}
	slices.Sort(ids)
	_, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) k ORDER BY k`, ids)
	return err
}

func notFound(err error, what string, args ...any) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return metapass.Errorf(metapass.ENOTFOUND, what+" not found", args...)
	}
	return err
}
