package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
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
