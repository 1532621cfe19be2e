// Package pgtest gives tests a fresh PostgreSQL database each: on the
// server DATABASE_URL (a postgres:// URL) names when it is set, otherwise
// on a throwaway cluster started from the machine's PostgreSQL binaries,
// one per test package. Without binaries the tests skip, unless CI=true;
// with -short only DATABASE_URL is used.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

var (
	once    sync.Once
	cluster *Cluster
	errUp   error
	seq     atomic.Int64
)

// errNoBinaries means neither DATABASE_URL nor initdb is at hand.
var errNoBinaries = errors.New("no PostgreSQL: set DATABASE_URL or install the server binaries (initdb, postgres)")

// Cluster is a PostgreSQL server databases are created on: one started
// from the machine's binaries in a temporary directory (StartCluster), or
// the server DATABASE_URL names. admin is the URL of a database to connect
// to for CREATE DATABASE.
type Cluster struct {
	admin *url.URL
	dir   string    // of a cluster started here; empty for DATABASE_URL
	proc  *exec.Cmd // the postmaster started here
}

// Main runs m and then stops the cluster the tests started, if any. Call
// it from TestMain: os.Exit(pgtest.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	if cluster != nil {
		cluster.Stop()
	}
	return code
}

// URL returns the URL of a new, empty database, dropped when t ends.
func URL(t testing.TB) string {
	t.Helper()
	if testing.Short() && os.Getenv("DATABASE_URL") == "" {
		t.Skip("-short: no PostgreSQL cluster started (set DATABASE_URL to use a server)")
	}
	once.Do(func() { cluster, errUp = start() })
	switch {
	case errors.Is(errUp, errNoBinaries) && os.Getenv("CI") != "true":
		t.Skip(errUp)
	case errUp != nil:
		t.Fatal(errUp)
	}
	name := fmt.Sprintf("t%d_%d", os.Getpid(), seq.Add(1))
	ctx := context.Background()
	u, err := cluster.CreateDatabase(ctx, name)
	if err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(ctx, cluster.admin.String())
		if err != nil {
			t.Errorf("drop test database: %v", err)
			return
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, `DROP DATABASE `+name+` WITH (FORCE)`); err != nil {
			t.Errorf("drop test database: %v", err)
		}
	})
	return u
}

func start() (*Cluster, error) {
	if s := os.Getenv("DATABASE_URL"); s != "" {
		u, err := url.Parse(s)
		if err != nil {
			return nil, fmt.Errorf("DATABASE_URL: %w", err)
		}
		return &Cluster{admin: u}, nil
	}
	return StartCluster(false)
}

// StartCluster creates a cluster in a new temporary directory from the
// newest PostgreSQL server binaries and starts it on a unix socket there,
// with no TCP listener. Durable keeps fsync and synchronous commit on, as
// a production server runs (for benchmarks); tests run without them. Stop
// removes it.
func StartCluster(durable bool) (*Cluster, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "pgtest")
	if err != nil {
		return nil, err
	}
	c := &Cluster{dir: dir}
	if err := c.run(bin, durable); err != nil {
		c.Stop()
		return nil, err
	}
	return c, nil
}

// CreateDatabase creates the empty database name and returns its URL.
func (c *Cluster) CreateDatabase(ctx context.Context, name string) (string, error) {
	admin, err := pgx.Connect(ctx, c.admin.String())
	if err != nil {
		return "", fmt.Errorf("connect to %s: %w", c.admin.Redacted(), err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, `CREATE DATABASE `+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", err
	}
	u := *c.admin
	u.Path = "/" + name
	return u.String(), nil
}

// binDir finds the newest PostgreSQL server binaries.
func binDir() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.SortFunc(dirs, func(a, b string) int { return version(b) - version(a) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", errNoBinaries
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

// run creates a cluster in c.dir and starts it on a unix socket there,
// with no TCP listener, and without durability (fsync off) unless durable.
// initdb and postgres refuse to run as root: as root they run as the
// postgres user, or nobody.
func (c *Cluster) run(bin string, durable bool) error {
	attr, err := unprivileged(c.dir)
	if err != nil {
		return err
	}
	data := filepath.Join(c.dir, "data")
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", data, "-U", "metapass", "-A", "trust", "-E", "UTF8",
		"--locale=C", "--no-sync")
	initdb.SysProcAttr = attr
	if out, err := initdb.CombinedOutput(); err != nil {
		return fmt.Errorf("initdb: %w\n%s", err, out)
	}
	log, err := os.Create(filepath.Join(c.dir, "postgres.log"))
	if err != nil {
		return err
	}
	defer log.Close()
	args := []string{"-D", data, "-k", c.dir, "-c", "listen_addresses=", "-c", "max_connections=300"}
	if !durable {
		args = append(args, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	}
	c.proc = exec.Command(filepath.Join(bin, "postgres"), args...)
	c.proc.SysProcAttr, c.proc.Stdout, c.proc.Stderr = attr, log, log
	if err := c.proc.Start(); err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	c.admin = &url.URL{Scheme: "postgres", User: url.User("metapass"), Path: "/postgres",
		RawQuery: url.Values{"host": {c.dir}, "sslmode": {"disable"}}.Encode()}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for {
		conn, err := pgx.Connect(ctx, c.admin.String())
		if err == nil {
			return conn.Close(ctx)
		}
		if ctx.Err() != nil {
			out, _ := os.ReadFile(log.Name())
			return fmt.Errorf("postgres did not start: %w\n%s", err, out)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// unprivileged returns the process attributes that run the server as a
// user other than root, and gives that user dir; nil when not root.
func unprivileged(dir string) (*syscall.SysProcAttr, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	var u *user.User
	var err error
	for _, name := range []string{"postgres", "nobody"} {
		if u, err = user.Lookup(name); err == nil {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("running as root and no postgres or nobody user to run PostgreSQL as: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(dir, uid, gid); err != nil {
		return nil, err
	}
	return &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}}, nil
}

// Stop shuts a cluster started here down (fast shutdown) and removes its
// files; it leaves the server DATABASE_URL names alone.
func (c *Cluster) Stop() {
	if c.proc != nil && c.proc.Process != nil {
		_ = c.proc.Process.Signal(syscall.SIGINT)
		done := make(chan struct{})
		go func() { _ = c.proc.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = c.proc.Process.Kill()
			<-done
		}
	}
	if c.dir != "" {
		_ = os.RemoveAll(c.dir)
	}
}
