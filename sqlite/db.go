// Package sqlite stores brands, launches, orders, passes and recorded chain
// transactions in one SQLite file, through a pure-Go driver (no cgo).
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"runtime"
	"sync"

	"github.com/pressly/goose/v3"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/metapass/metapass"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is a SQLite database in WAL mode. Writes go through one connection in
// IMMEDIATE transactions, so they queue in Go rather than spin on locks;
// reads use a pool of their own and never wait for writers. Every
// connection keeps the statements it runs prepared. Write
// transactions that queue together commit together (group commit): one
// fsync acknowledges them all.
type DB struct {
	w *sql.DB
	r *sql.DB
	// keys caches API keys for authentication.
	keys keyCache
	// writes feeds the committer; stop ends it.
	writes   chan write
	stop     chan struct{}
	stopOnce sync.Once
	done     chan struct{}
}

// write is one caller's transaction waiting for the committer.
type write struct {
	ctx  context.Context
	fn   func(*sql.Tx) error
	errc chan error
}

// maxGroup bounds how many transactions commit together.
const maxGroup = 256

// Open opens (creating if needed) the database file at path and applies
// pending migrations. Every commit is durable (synchronous=FULL).
func Open(ctx context.Context, path string) (*DB, error) {
	dsn := func(extra string) string {
		q := url.Values{}
		for _, p := range []string{"journal_mode(WAL)", "synchronous(FULL)", "busy_timeout(10000)", "foreign_keys(1)"} {
			q.Add("_pragma", p)
		}
		q.Set("_txlock", "immediate")
		return "file:" + path + "?" + q.Encode() + extra
	}
	// The writer's savepoints (one per transaction of a group) keep their
	// undo pages in memory, not in a temporary file written page by page;
	// commits stay as durable, they go through the WAL as before.
	wc, err := newCachingConnector(dsn("&_pragma=temp_store(memory)"))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	w := sql.OpenDB(wc)
	w.SetMaxOpenConns(1)
	db := &DB{w: w, writes: make(chan write), stop: make(chan struct{}), done: make(chan struct{})}
	if err := db.migrate(ctx); err != nil {
		w.Close()
		return nil, err
	}
	rc, err := newCachingConnector(dsn("&_pragma=query_only(1)"))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.r = sql.OpenDB(rc)
	db.r.SetMaxOpenConns(max(4, runtime.NumCPU()))
	db.r.SetMaxIdleConns(max(4, runtime.NumCPU()))
	go db.commit()
	return db, nil
}

func (db *DB) migrate(ctx context.Context) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, db.w, sub)
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// Close closes the database.
func (db *DB) Close() error {
	db.stopOnce.Do(func() { close(db.stop) })
	<-db.done
	return errors.Join(db.r.Close(), db.w.Close())
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	return db.r.PingContext(ctx)
}

// querier is what both *sql.DB and *sql.Tx offer.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// inTx runs fn as one write transaction, durable when inTx returns nil.
// Its writes commit with those of the transactions queued beside it, each
// inside a savepoint of its own, so fn's error undoes only fn's writes.
func (db *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	w := write{ctx: ctx, fn: fn, errc: make(chan error, 1)}
	select {
	case db.writes <- w:
	case <-ctx.Done():
		return ctx.Err()
	case <-db.stop:
		return errors.New("database closed")
	}
	return <-w.errc
}

// commit runs queued transactions: it takes every one waiting (up to
// maxGroup), runs each in a savepoint of one IMMEDIATE transaction, and
// answers them all after the one COMMIT.
func (db *DB) commit() {
	defer close(db.done)
	for {
		var group []write
		select {
		case w := <-db.writes:
			group = append(group, w)
		case <-db.stop:
			return
		}
	more:
		for len(group) < maxGroup {
			select {
			case w := <-db.writes:
				group = append(group, w)
			default:
				break more
			}
		}
		db.run(group)
	}
}

func (db *DB) run(group []write) {
	errs := make([]error, len(group))
	tx, err := db.w.BeginTx(context.Background(), nil)
	if err != nil {
		for _, w := range group {
			w.errc <- fmt.Errorf("begin: %w", err)
		}
		return
	}
	for i, w := range group {
		if errs[i] = w.ctx.Err(); errs[i] != nil {
			continue
		}
		if _, err := tx.Exec(`SAVEPOINT w`); err != nil {
			errs[i] = fmt.Errorf("savepoint: %w", err)
			continue
		}
		if errs[i] = protect(w.fn, tx); errs[i] != nil {
			_, err = tx.Exec(`ROLLBACK TO w`)
		}
		if _, rerr := tx.Exec(`RELEASE w`); err == nil {
			err = rerr
		}
		if err != nil { // the transaction itself is broken: nothing of it commits
			_ = tx.Rollback()
			for j, w := range group {
				if errs[j] == nil || j >= i {
					errs[j] = fmt.Errorf("group transaction: %w", err)
				}
				w.errc <- errs[j]
			}
			return
		}
	}
	if err := tx.Commit(); err != nil {
		for i := range errs {
			if errs[i] == nil {
				errs[i] = fmt.Errorf("commit: %w", err)
			}
		}
	}
	for i, w := range group {
		w.errc <- errs[i]
	}
}

// protect runs fn, turning a panic into its error: fn runs on the
// committer's goroutine, where a panic would end the process rather than
// the one request, and leave every later write waiting.
func protect(fn func(*sql.Tx) error, tx *sql.Tx) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("write transaction panicked: %v", p)
		}
	}()
	return fn(tx)
}

func notFound(err error, what string, args ...any) error {
	if errors.Is(err, sql.ErrNoRows) {
		return metapass.Errorf(metapass.ENOTFOUND, what+" not found", args...)
	}
	return err
}

// isUnique tells whether err is a violated UNIQUE or PRIMARY KEY constraint.
func isUnique(err error) bool {
	var e *sqlite.Error
	return errors.As(err, &e) && (e.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || e.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY)
}
