// Package sqlite stores brands, launches, orders, passes and recorded chain
// transactions in one SQLite file, through a pure-Go driver (no cgo).
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"runtime"
	"sync"
	"sync/atomic"

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
// connection keeps the statements it runs prepared.
//
// Write transactions that queue together commit together (group commit),
// and their callers are answered only once the WAL holding them is on
// disk. The COMMIT itself only appends to the WAL (synchronous=NORMAL,
// under which SQLite keeps the file consistent through a crash and syncs
// every checkpoint); a second goroutine fsyncs the WAL for every group
// committed meanwhile and then answers them, while the writer already runs
// the next group. So no acknowledged write is lost to a power cut, and the
// fsync does not hold the writer up.
type DB struct {
	w *sql.DB
	r *sql.DB
	// keys caches API keys for authentication.
	keys keyCache
	// syncWAL makes every committed write durable.
	syncWAL func() error
	wal     walFile
	// writes feeds the committer; stop ends it.
	writes   chan write
	stop     chan struct{}
	stopOnce sync.Once
	done     chan struct{}
	// onOutbox, if set, is called after each commit that wrote outbox
	// events, once they are durable (see ListenOutbox).
	onOutbox atomic.Pointer[func()]
}

// write is one caller's transaction waiting for the committer.
type write struct {
	ctx  context.Context
	fn   func(*sql.Tx) error
	errc chan error
}

// committed is a group whose transaction has committed, waiting for the
// WAL's fsync before its callers are answered.
type committed struct {
	group  []write
	errs   []error
	outbox bool // the group wrote outbox events
}

const (
	// maxGroup bounds how many transactions commit together.
	maxGroup = 256
	// maxUnsynced bounds the groups committed and waiting for one fsync.
	maxUnsynced = 64
)

// walPages is how many pages the WAL may grow to before the writer
// copies them into the database file (SQLite's default is 1,000): each
// checkpoint costs two fsyncs on the writer's path, and a page written
// again meanwhile is copied once.
const walPages = 16384

// Open opens (creating if needed) the database file at path and applies
// pending migrations. A write is durable when it returns.
func Open(ctx context.Context, path string) (*DB, error) {
	return open(ctx, path, nil)
}

// open is Open with the fsync of the WAL replaced by syncWAL, if not nil.
func open(ctx context.Context, path string, syncWAL func() error) (*DB, error) {
	dsn := func(extra ...string) string {
		q := url.Values{}
		for _, p := range append([]string{"journal_mode(WAL)", "busy_timeout(10000)", "foreign_keys(1)"}, extra...) {
			q.Add("_pragma", p)
		}
		q.Set("_txlock", "immediate")
		return "file:" + path + "?" + q.Encode()
	}
	// The writer's savepoints (one per transaction of a group) keep their
	// undo pages in memory, not in a temporary file written page by page;
	// commits go through the WAL as before. Its commits are not synced by
	// SQLite but by the committer (see DB).
	wc, err := newCachingConnector(dsn("synchronous(NORMAL)", "temp_store(memory)", fmt.Sprintf("wal_autocheckpoint(%d)", walPages)))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	w := sql.OpenDB(wc)
	w.SetMaxOpenConns(1)
	db := &DB{w: w, wal: walFile{path: path + "-wal"}, writes: make(chan write), stop: make(chan struct{}), done: make(chan struct{})}
	db.syncWAL = syncWAL
	if syncWAL == nil {
		db.syncWAL = db.wal.sync
	}
	if err := db.migrate(ctx); err != nil {
		w.Close()
		return nil, err
	}
	if err := db.syncWAL(); err != nil {
		w.Close()
		return nil, fmt.Errorf("sync %s after migrating: %w", path, err)
	}
	rc, err := newCachingConnector(dsn("query_only(1)"))
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
	return errors.Join(db.r.Close(), db.w.Close(), db.wal.close())
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

// exec runs one write statement as its own transaction, durable when exec
// returns nil.
func (db *DB) exec(ctx context.Context, query string, args ...any) (res sql.Result, err error) {
	err = db.inTx(ctx, func(tx *sql.Tx) error {
		res, err = tx.ExecContext(ctx, query, args...)
		return err
	})
	return res, err
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
// maxGroup), runs each in a savepoint of one IMMEDIATE transaction and,
// after the one COMMIT, hands the group to sync to be answered.
func (db *DB) commit() {
	defer close(db.done)
	unsynced := make(chan committed, maxUnsynced)
	synced := make(chan struct{})
	go db.sync(unsynced, synced)
	defer func() {
		close(unsynced)
		<-synced
	}()
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
		errs, outbox := db.run(group)
		unsynced <- committed{group: group, errs: errs, outbox: outbox}
	}
}

// sync answers committed groups once the WAL holding them is on disk: one
// fsync for every group committed since the last, while the committer goes
// on. A failed fsync fails every write it was to make durable.
func (db *DB) sync(unsynced <-chan committed, done chan<- struct{}) {
	defer close(done)
	for c := range unsynced {
		batch := []committed{c}
	more:
		for {
			select {
			case c, ok := <-unsynced:
				if !ok {
					break more
				}
				batch = append(batch, c)
			default:
				break more
			}
		}
		err := db.syncWAL()
		outbox := false
		for _, c := range batch {
			for i, w := range c.group {
				if c.errs[i] == nil && err != nil {
					c.errs[i] = fmt.Errorf("sync the WAL: %w", err)
				}
				w.errc <- c.errs[i]
			}
			outbox = outbox || c.outbox
		}
		if fn := db.onOutbox.Load(); outbox && err == nil && fn != nil {
			(*fn)()
		}
	}
}

// ListenOutbox calls notify after every commit that wrote outbox events,
// once they are durable, until ctx is done. It never misses one of this
// process's commits; other processes' are not seen.
func (db *DB) ListenOutbox(ctx context.Context, notify func()) {
	db.onOutbox.Store(&notify)
	<-ctx.Done()
	db.onOutbox.Store(nil)
}

// outboxWrites marks the group transactions that wrote outbox events
// (emitAll runs inside them, on the committer's goroutine).
var outboxWrites sync.Map // *sql.Tx → struct{}

// run runs group in one transaction and reports each write's outcome, and
// whether it committed outbox events.
func (db *DB) run(group []write) ([]error, bool) {
	errs := make([]error, len(group))
	tx, err := db.w.BeginTx(context.Background(), nil)
	if err != nil {
		for i := range errs {
			errs[i] = fmt.Errorf("begin: %w", err)
		}
		return errs, false
	}
	defer outboxWrites.Delete(tx)
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
			for j := range errs {
				if errs[j] == nil || j >= i {
					errs[j] = fmt.Errorf("group transaction: %w", err)
				}
			}
			return errs, false
		}
	}
	if err := tx.Commit(); err != nil {
		for i := range errs {
			if errs[i] == nil {
				errs[i] = fmt.Errorf("commit: %w", err)
			}
		}
		return errs, false
	}
	_, outbox := outboxWrites.Load(tx)
	return errs, outbox
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

// jsonList passes values as one JSON array, read in SQL as
// `IN (SELECT value FROM json_each(?))`: one statement text however many
// values, so lists of every length do not crowd the statements each
// connection keeps out of its cache.
func jsonList[T any](values []T) string {
	b, _ := json.Marshal(values) // strings and integers always marshal
	return string(b)
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
