package sqlite

import (
	"context"
	"database/sql/driver"
	"fmt"

	"modernc.org/sqlite"
)

// maxConnStmts bounds the statements one connection keeps prepared.
const maxConnStmts = 256

// cachingConnector opens SQLite connections that keep a prepared statement
// for each query they run (see stmtConn).
type cachingConnector struct{ driver.Connector }

// newCachingConnector returns a connector for dsn whose connections keep
// their prepared statements.
func newCachingConnector(dsn string) (driver.Connector, error) {
	c, err := sqlite.NewConnector(dsn)
	if err != nil {
		return nil, err
	}
	return cachingConnector{c}, nil
}

func (c cachingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	sc, ok := conn.(sqliteConn)
	if !ok {
		conn.Close()
		return nil, fmt.Errorf("sqlite connection %T lacks a method stmtConn needs", conn)
	}
	return &stmtConn{conn: sc, stmts: map[string]*cachedStmt{}}, nil
}

// sqliteConn is what the SQLite driver's connections offer.
type sqliteConn interface {
	driver.Conn
	driver.ConnPrepareContext
	driver.ConnBeginTx
	driver.ExecerContext
	driver.QueryerContext
	driver.Pinger
	driver.SessionResetter
	driver.Validator
}

// stmtConn is a SQLite connection that runs Exec and Query through a
// statement it prepared the first time it saw the query and keeps, so a
// hot query (every write transaction's, above all) is parsed once per
// connection instead of on every call. A statement whose rows are still
// open is busy: the same query run meanwhile is prepared afresh.
// database/sql never uses a connection from two goroutines at once, so
// stmtConn needs no lock.
type stmtConn struct {
	conn  sqliteConn
	stmts map[string]*cachedStmt
}

type cachedStmt struct {
	driver.Stmt
	busy bool // its rows are open
}

var _ sqliteConn = (*stmtConn)(nil)

// stmt returns the kept statement of query, preparing it the first time;
// nil when it is busy.
func (c *stmtConn) stmt(ctx context.Context, query string) (*cachedStmt, error) {
	if s, ok := c.stmts[query]; ok {
		if s.busy {
			return nil, nil
		}
		return s, nil
	}
	if len(c.stmts) >= maxConnStmts {
		c.evict()
	}
	st, err := c.conn.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	s := &cachedStmt{Stmt: st}
	c.stmts[query] = s
	return s, nil
}

// evict finalizes one statement that is not busy.
func (c *stmtConn) evict() {
	for q, s := range c.stmts {
		if !s.busy {
			s.Close()
			delete(c.stmts, q)
			return
		}
	}
}

func (c *stmtConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	s, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if s == nil {
		return c.conn.ExecContext(ctx, query, args)
	}
	return s.Stmt.(driver.StmtExecContext).ExecContext(ctx, args)
}

func (c *stmtConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	s, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if s == nil {
		return c.conn.QueryContext(ctx, query, args)
	}
	rows, err := s.Stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
	if err != nil {
		return nil, err
	}
	s.busy = true
	return &cachedRows{Rows: rows, s: s}, nil
}

// cachedRows frees its statement for the next call once closed.
type cachedRows struct {
	driver.Rows
	s *cachedStmt
}

func (r *cachedRows) Close() error {
	err := r.Rows.Close()
	r.s.busy = false
	return err
}

func (c *stmtConn) Prepare(query string) (driver.Stmt, error) {
	return c.conn.Prepare(query)
}

func (c *stmtConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.conn.PrepareContext(ctx, query)
}

func (c *stmtConn) Begin() (driver.Tx, error) {
	return c.conn.BeginTx(context.Background(), driver.TxOptions{})
}

func (c *stmtConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.conn.BeginTx(ctx, opts)
}

func (c *stmtConn) Ping(ctx context.Context) error { return c.conn.Ping(ctx) }

func (c *stmtConn) ResetSession(ctx context.Context) error { return c.conn.ResetSession(ctx) }

func (c *stmtConn) IsValid() bool { return c.conn.IsValid() }

// Close finalizes the kept statements, then closes the connection.
func (c *stmtConn) Close() error {
	for q, s := range c.stmts {
		s.Close()
		delete(c.stmts, q)
	}
	return c.conn.Close()
}
