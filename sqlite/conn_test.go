package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// TestWriterKeepsStatements: the writer's kept statements answer like fresh
// ones when the same query runs again while its rows are still open, when
// a statement fails, and when more distinct queries run than it keeps.
func TestWriterKeepsStatements(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const insert = `INSERT INTO brands (id, name, created_at) VALUES (?, ?, ?)`
	err = db.inTx(ctx, func(tx *sql.Tx) error {
		for i := range 3 {
			if _, err := tx.ExecContext(ctx, insert, fmt.Sprint("brd_", i), fmt.Sprint("B", i), time.Now()); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, insert, "brd_0", "again", time.Now()); err == nil {
			return fmt.Errorf("a duplicate id was inserted")
		}
		const byName = `SELECT id FROM brands WHERE name >= ? ORDER BY id`
		outer, err := tx.QueryContext(ctx, byName, "B0")
		if err != nil {
			return err
		}
		defer outer.Close()
		var pairs []string
		for outer.Next() {
			var id string
			if err := outer.Scan(&id); err != nil {
				return err
			}
			var inner string // the same query while outer is open
			if err := tx.QueryRowContext(ctx, byName, "B2").Scan(&inner); err != nil {
				return err
			}
			pairs = append(pairs, id+"/"+inner)
		}
		if err := outer.Err(); err != nil {
			return err
		}
		if got := fmt.Sprint(pairs); got != "[brd_0/brd_2 brd_1/brd_2 brd_2/brd_2]" {
			return fmt.Errorf("nested queries read %s", got)
		}
		for i := range maxConnStmts + 10 {
			var n int
			if err := tx.QueryRowContext(ctx, fmt.Sprintf(`SELECT COUNT(*) + %d FROM brands`, i)).Scan(&n); err != nil || n != 3+i {
				return fmt.Errorf("query %d: %d, %v", i, n, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.w.QueryRowContext(ctx, `SELECT COUNT(*) FROM brands`).Scan(&n); err != nil || n != 3 {
		t.Fatalf("%d brands (%v), want 3", n, err)
	}
}

// TestListsShareAStatement: a write given lists of every length keeps one
// statement per query on its connection, not one per length.
func TestListsShareAStatement(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	kept := func() int {
		t.Helper()
		conn, err := db.w.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		var n int
		if err := conn.Raw(func(dc any) error { n = len(dc.(*stmtConn).stmts); return nil }); err != nil {
			t.Fatal(err)
		}
		return n
	}
	ids := []int64{}
	for i := range 40 {
		ids = append(ids, int64(i+1))
		if err := db.Passes().FailPasses(ctx, ids, "test"); err != nil {
			t.Fatal(err)
		}
	}
	before := kept()
	if err := db.Passes().FailPasses(ctx, append(ids, 41), "test"); err != nil {
		t.Fatal(err)
	}
	if after := kept(); after != before {
		t.Fatalf("the writer keeps %d statements after 40 lists, %d after one more of a new length; want no more", before, after)
	}
}
