package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestGroupCommit: transactions queued together commit together, yet each
// is its own unit: one that fails leaves no trace and the others stand,
// durable across a reopen.
func TestGroupCommit(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	const n = 200
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = db.inTx(ctx, func(tx *sql.Tx) error {
				if _, err := tx.ExecContext(ctx, `INSERT INTO brands (id, name, created_at) VALUES (?, ?, ?)`,
					fmt.Sprint("brd_", i), "B", time.Now()); err != nil {
					return err
				}
				if i%10 == 0 {
					return errors.New("refused") // after writing: the write must be undone
				}
				return nil
			})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if (i%10 == 0) != (err != nil) {
			t.Fatalf("transaction %d: %v", i, err)
		}
	}
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if err := db.inTx(canceled, func(*sql.Tx) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Fatalf("a canceled caller: %v", err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var count int
	if err := db.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM brands`).Scan(&count); err != nil || count != n-n/10 {
		t.Fatalf("%d brands after reopen (%v), want %d", count, err, n-n/10)
	}
}

// TestWritePanics: a transaction that panics fails alone, its writes undone,
// and the writer goes on.
func TestWritePanics(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	insert := func(id string) func(*sql.Tx) error {
		return func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `INSERT INTO brands (id, name, created_at) VALUES (?, 'B', ?)`, id, time.Now())
			return err
		}
	}
	err = db.inTx(ctx, func(tx *sql.Tx) error {
		if err := insert("brd_p")(tx); err != nil {
			return err
		}
		panic("boom")
	})
	if err == nil {
		t.Fatal("a panicking transaction succeeded")
	}
	if err := db.inTx(ctx, insert("brd_q")); err != nil {
		t.Fatalf("the write after a panic: %v", err)
	}
	var ids []string
	rows, err := db.r.QueryContext(ctx, `SELECT id FROM brands ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if fmt.Sprint(ids) != "[brd_q]" {
		t.Fatalf("brands %v, want [brd_q]", ids)
	}
}

// TestWriteWaitsForSync: a write returns only after an fsync of the WAL
// that began after its commit, the next group commits while that fsync
// runs, and a failed fsync fails the writes it was to make durable.
func TestWriteWaitsForSync(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	var (
		gated   atomic.Bool
		entered = make(chan struct{})
		release = make(chan error)
		wal     = walFile{path: path + "-wal"}
	)
	defer wal.close()
	db, err := open(ctx, path, func() error {
		if !gated.Load() {
			return wal.sync()
		}
		entered <- struct{}{}
		return <-release
	})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	insert := func(id string, ran chan<- struct{}) <-chan error {
		done := make(chan error, 1)
		go func() {
			done <- db.inTx(ctx, func(tx *sql.Tx) error {
				_, err := tx.ExecContext(ctx, `INSERT INTO brands (id, name, created_at) VALUES (?, 'B', ?)`, id, time.Now())
				close(ran)
				return err
			})
		}()
		return done
	}
	gated.Store(true)
	ranA, ranB := make(chan struct{}), make(chan struct{})
	doneA := insert("brd_a", ranA)
	<-ranA
	<-entered // A committed; its fsync has begun and hangs
	doneB := insert("brd_b", ranB)
	<-ranB // B runs and commits while A's fsync is still out
	select {
	case err := <-doneA:
		t.Fatalf("A returned (%v) before its fsync ended", err)
	case err := <-doneB:
		t.Fatalf("B returned (%v) before any fsync after its commit", err)
	case <-time.After(50 * time.Millisecond):
	}
	release <- nil
	if err := <-doneA; err != nil {
		t.Fatalf("A: %v", err)
	}
	<-entered // B's fsync
	select {
	case err := <-doneB:
		t.Fatalf("B returned (%v) before its fsync ended", err)
	case <-time.After(50 * time.Millisecond):
	}
	disk := errors.New("disk gone")
	release <- disk
	if err := <-doneB; !errors.Is(err, disk) {
		t.Fatalf("B after a failed fsync: %v, want %v", err, disk)
	}
	gated.Store(false)
	if err := db.inTx(ctx, func(*sql.Tx) error { return nil }); err != nil {
		t.Fatalf("a write after the failed fsync: %v", err)
	}
}

// TestWALFileFollowsTheWAL: syncing a WAL that does not exist is a no-op,
// and a WAL deleted and made again is opened afresh.
func TestWALFileFollowsTheWAL(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db-wal")
	w := walFile{path: path}
	defer w.close()
	if err := w.sync(); err != nil || w.f != nil {
		t.Fatalf("no WAL: %v, file %v", err, w.f)
	}
	for range 2 {
		if err := os.WriteFile(path, []byte("frames"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := w.sync(); err != nil {
			t.Fatal(err)
		}
		open, err := w.f.Stat()
		if err != nil {
			t.Fatal(err)
		}
		now, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if !os.SameFile(open, now) {
			t.Fatal("synced a WAL other than the one on disk")
		}
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
	}
}
