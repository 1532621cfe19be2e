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
	cluster *server
	errUp   error
	seq     atomic.Int64
)

// errNoBinaries means neither DATABASE_URL nor initdb is at hand.
var errNoBinaries = errors.New("no PostgreSQL: set DATABASE_URL or install the server binaries (initdb, postgres)")

// server is where test databases are created: admin is the URL of a
// database to connect to for CREATE DATABASE.
type server struct {
	admin *url.URL
	dir   string    // of a cluster started here; empty for DATABASE_URL
	proc  *exec.Cmd // the postmaster started here
}

// Main runs m and then stops the cluster the tests started, if any. Call
// it from TestMain: os.Exit(pgtest.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	if cluster != nil {
		cluster.stop()
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
	admin, err := pgx.Connect(ctx, cluster.admin.String())
	if err != nil {
		t.Fatalf("connect to test server: %v", err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, `CREATE DATABASE `+name); err != nil {
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
	u := *cluster.admin
	u.Path = "/" + name
	return u.String()
}

func start() (*server, error) {
	if s := os.Getenv("DATABASE_URL"); s != "" {
		u, err := url.Parse(s)
		if err != nil {
			return nil, fmt.Errorf("DATABASE_URL: %w", err)
		}
		return &server{admin: u}, nil
	}
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "pgtest")
	if err != nil {
		return nil, err
	}
	s := &server{dir: dir}
	if err := s.run(bin); err != nil {
		s.stop()
		return nil, err
	}
	return s, nil
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

// run creates a cluster in s.dir and starts it on a unix socket there,
// with no TCP listener and without durability (fsync off). initdb and
// postgres refuse to run as root: as root they run as the postgres user,
// or nobody.
func (s *server) run(bin string) error {
	attr, err := unprivileged(s.dir)
	if err != nil {
		return err
	}
	data := filepath.Join(s.dir, "data")
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", data, "-U", "metapass", "-A", "trust", "-E", "UTF8",
		"--locale=C", "--no-sync")
	initdb.SysProcAttr = attr
	if out, err := initdb.CombinedOutput(); err != nil {
		return fmt.Errorf("initdb: %w\n%s", err, out)
	}
	log, err := os.Create(filepath.Join(s.dir, "postgres.log"))
	if err != nil {
		return err
	}
	defer log.Close()
	s.proc = exec.Command(filepath.Join(bin, "postgres"), "-D", data, "-k", s.dir, "-c", "listen_addresses=",
		"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300")
	s.proc.SysProcAttr, s.proc.Stdout, s.proc.Stderr = attr, log, log
	if err := s.proc.Start(); err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	s.admin = &url.URL{Scheme: "postgres", User: url.User("metapass"), Path: "/postgres",
		RawQuery: url.Values{"host": {s.dir}, "sslmode": {"disable"}}.Encode()}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for {
		c, err := pgx.Connect(ctx, s.admin.String())
		if err == nil {
			return c.Close(ctx)
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

// stop shuts the cluster down (fast shutdown) and removes its files.
func (s *server) stop() {
	if s.proc != nil && s.proc.Process != nil {
		_ = s.proc.Process.Signal(syscall.SIGINT)
		done := make(chan struct{})
		go func() { _ = s.proc.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = s.proc.Process.Kill()
			<-done
		}
	}
	if s.dir != "" {
		_ = os.RemoveAll(s.dir)
	}
}
