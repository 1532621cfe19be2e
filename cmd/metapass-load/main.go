// Command metapass-load is the load benchmark of issue 7. It builds the
// real metapass binary and measures what it starts as subprocesses:
//
//   - order intake: orders accepted per second through HTTP by one replica
//     on SQLite and by one and three replicas on one PostgreSQL database,
//     with p50/p99 latency, beside the raw rate of the same orders placed
//     straight into the same SQLite file (no HTTP, one durable transaction
//     each);
//   - minting: a burst of orders on a devnet sealing a block every second,
//     passes minted per block against the block's capacity (gas limit ÷
//     measured gas per pass), and order → minted p50/p99;
//   - memory: the resident set of the replica after the burst;
//   - webhooks: -orders orders' order.minted events delivered to one fast
//     local endpoint: deliveries per second, and from the confirming
//     commit to arrival p50/p99.
//
// It prints a markdown report and writes SVG charts:
//
//	go run ./cmd/metapass-load [-duration 10s] [-clients 64] [-orders 10000] [-out docs/bench] [-only webhooks]
//
// Run it from the repository root (make load).
package main

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/metapass/metapass/internal/localproc"
	"github.com/metapass/metapass/postgres/pgtest"
)

// options are the command's flags.
type options struct {
	Bin           string
	Duration      time.Duration
	Warmup        time.Duration
	Clients       int
	Orders        int
	BatchSize     int
	MaxInFlight   int
	Tune          bool
	BlockInterval time.Duration
	Postgres      bool
	Intake, Burst bool
	Webhooks      bool
	// WebhookConcurrency is -webhook-concurrency of the webhooks run;
	// WebhookOrderRate the orders it places a second (0: as fast as taken).
	WebhookConcurrency, WebhookOrderRate int
	Out                                  string
	Keep                                 bool
	LogLevel                             string
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var o options
	flag.StringVar(&o.Bin, "bin", "", "metapass binary to run (default: go build ./cmd/metapass into a temporary directory)")
	flag.DurationVar(&o.Duration, "duration", 10*time.Second, "how long each intake run counts orders")
	flag.DurationVar(&o.Warmup, "warmup", 2*time.Second, "orders posted before each intake run starts counting")
	flag.IntVar(&o.Clients, "clients", 64, "concurrent HTTP clients")
	flag.IntVar(&o.Orders, "orders", 10_000, "orders in the minting burst")
	flag.IntVar(&o.BatchSize, "batch-size", 100, "-batch-size of the replicas (100: metapass's default)")
	flag.IntVar(&o.MaxInFlight, "max-in-flight", 32, "-max-in-flight of the replicas (32: metapass's default)")
	flag.BoolVar(&o.Tune, "tune", true, "after the burst, run it again with the batch size that fills the measured blocks best")
	flag.DurationVar(&o.BlockInterval, "block-interval", time.Second, "block time of the burst's devnet")
	flag.BoolVar(&o.Postgres, "postgres", true, "measure intake on PostgreSQL too (needs initdb and postgres)")
	flag.BoolVar(&o.Intake, "intake", true, "measure order intake")
	flag.BoolVar(&o.Burst, "burst", true, "measure the minting burst")
	flag.BoolVar(&o.Webhooks, "webhooks", true, "measure webhook delivery")
	flag.IntVar(&o.WebhookConcurrency, "webhook-concurrency", 16, "-webhook-concurrency of the webhooks run (16: metapass's default)")
	flag.IntVar(&o.WebhookOrderRate, "webhook-order-rate", 1000, "orders a second the webhooks run places (0: as fast as they are taken)")
	only := flag.String("only", "", "run just one part: intake, burst or webhooks")
	flag.StringVar(&o.Out, "out", "docs/bench", "directory the SVG charts are written to (empty: none)")
	flag.BoolVar(&o.Keep, "keep", false, "keep the working directory (data, logs)")
	flag.StringVar(&o.LogLevel, "log-level", "warn", "-log-level of the replicas, logged into <working directory>/metapass.log")
	flag.Parse()
	if *only != "" {
		o.Intake, o.Burst, o.Webhooks = *only == "intake", *only == "burst", *only == "webhooks"
		if !o.Intake && !o.Burst && !o.Webhooks {
			fmt.Fprintf(os.Stderr, "metapass-load: -only %q: want intake, burst or webhooks\n", *only)
			os.Exit(2)
		}
	}
	if err := run(ctx, o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "metapass-load:", err)
		os.Exit(1)
	}
}

// env is the working directory of one run of the command.
type env struct {
	dir  string
	bin  string
	logs *os.File
	log  *slog.Logger
}

func run(ctx context.Context, o options, stdout io.Writer) (err error) {
	if o.Clients < 1 || o.Orders < 1 || o.Duration <= 0 || o.BatchSize < 1 || o.MaxInFlight < 1 || o.WebhookConcurrency < 1 {
		return errors.New("-clients, -orders, -duration, -batch-size, -max-in-flight and -webhook-concurrency must be positive")
	}
	dir, err := os.MkdirTemp("", "metapass-load")
	if err != nil {
		return err
	}
	e := &env{dir: dir, bin: o.Bin, log: slog.New(slog.NewTextHandler(os.Stderr, nil))}
	if e.logs, err = os.Create(filepath.Join(dir, "metapass.log")); err != nil {
		return err
	}
	defer func() {
		e.logs.Close()
		if err != nil || o.Keep {
			e.log.Info("working directory kept", slog.String("dir", dir), slog.String("logs", e.logs.Name()))
			return
		}
		os.RemoveAll(dir)
	}()
	if e.bin == "" {
		e.log.Info("building ./cmd/metapass")
		if e.bin, err = buildBinary(ctx, dir); err != nil {
			return err
		}
	}

	var rep report
	rep.Options = o
	if o.Intake {
		if rep.Intake, err = e.intake(ctx, o); err != nil {
			return err
		}
	}
	if o.Burst {
		b, err := e.burst(ctx, o)
		if err != nil {
			return err
		}
		rep.Bursts = append(rep.Bursts, b)
		t := o
		if b.Fill.GasPerPass > 0 {
			t.BatchSize = bestBatch(b.Blocks[0].GasLimit, b.Fill.GasPerPass, b.Fill.Margin, b.BatchSize)
		}
		if o.Tune && t.BatchSize != o.BatchSize {
			e.log.Info("burst again, tuned", slog.Int("batch_size", t.BatchSize))
			if b, err = e.burst(ctx, t); err != nil {
				return err
			}
			rep.Bursts = append(rep.Bursts, b)
		}
	}
	if o.Webhooks {
		w, err := e.webhooks(ctx, o)
		if err != nil {
			return fmt.Errorf("webhooks: %w", err)
		}
		rep.Webhooks = &w
	}
	rep.markdown(stdout)
	if o.Out != "" {
		return rep.writeCharts(o.Out)
	}
	return nil
}

// intakeReport is every intake run.
type intakeReport struct {
	Runs []rate // SQLite, then PostgreSQL with 1 and 3 replicas
	Raw  rate   // the same orders straight into the SQLite file
}

func (e *env) intake(ctx context.Context, o options) (*intakeReport, error) {
	var r intakeReport
	sq, raw, err := e.intakeSQLite(ctx, o)
	if err != nil {
		return nil, fmt.Errorf("intake on SQLite: %w", err)
	}
	r.Runs, r.Raw = append(r.Runs, sq), raw
	embedded, err := e.intakeEmbedded(ctx, o)
	if err != nil {
		return nil, fmt.Errorf("intake on SQLite with the embedded chain: %w", err)
	}
	r.Runs = append(r.Runs, embedded)
	if !o.Postgres {
		return &r, nil
	}
	e.log.Info("starting a PostgreSQL cluster (durable: fsync and synchronous commit on)")
	cluster, err := pgtest.StartCluster(true)
	if err != nil {
		return nil, err
	}
	defer cluster.Stop()
	for _, n := range []int{1, 3} {
		pg, err := e.intakePostgres(ctx, o, cluster, n)
		if err != nil {
			return nil, fmt.Errorf("intake on PostgreSQL, %d replicas: %w", n, err)
		}
		r.Runs = append(r.Runs, pg)
	}
	return &r, nil
}

// serveArgs are the flags every replica gets; rate limits are off, since
// one key posting thousands of orders a second is the point of the run.
func serveArgs(o options, dataDir, listen string, more ...string) []string {
	args := []string{"serve", "-data-dir", dataDir, "-listen", listen, "-public-url", "http://" + listen, "-log-level", o.LogLevel,
		"-batch-size", fmt.Sprint(o.BatchSize), "-max-in-flight", fmt.Sprint(o.MaxInFlight), "-rate-anon", "0", "-rate-key", "0"}
	return append(args, more...)
}

// startServe starts a replica listening on listen and waits for it to be
// ready; it returns the replica's base URL.
func (e *env) startServe(ctx context.Context, name, listen string, args []string) (*proc, string, error) {
	p, err := spawn(name, e.bin, e.logs, args...)
	if err != nil {
		return nil, "", err
	}
	rctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	base := "http://" + listen
	if err := waitReady(rctx, p, base); err != nil {
		p.stop()
		return nil, "", err
	}
	return p, base, nil
}

// intakeSQLite measures one replica on SQLite against a devnet sealing a
// block every -block-interval, then the same orders straight into its file.
func (e *env) intakeSQLite(ctx context.Context, o options) (rate, rate, error) {
	dir := filepath.Join(e.dir, "sqlite")
	e.log.Info("intake: 1 replica on SQLite, one devnet")
	chain, err := e.startDevnet(ctx, o, "sqlite-devnet", dir)
	if err != nil {
		return rate{}, rate{}, err
	}
	defer chain.stop()
	res, err := e.intakeOne(ctx, o, "sqlite", blocksEvery(o), filepath.Join(dir, "r0"), chain.serveFlags()...)
	if err != nil {
		return rate{}, rate{}, err
	}
	e.log.Info("intake: the same orders straight into the SQLite file, one at a time")
	raw, err := runRaw(ctx, filepath.Join(dir, "r0", "metapass.db"), res.brandID, res.launchID, max(res.Accepted, 1000), o.Duration)
	return res.rate, raw, err
}

// intakeEmbedded measures one replica on SQLite with its embedded dev
// chain, `make run`'s default, which seals a block on every transaction:
// the minter keeps up with the orders, so it works as hard as they come.
func (e *env) intakeEmbedded(ctx context.Context, o options) (rate, error) {
	e.log.Info("intake: 1 replica on SQLite, embedded dev chain")
	res, err := e.intakeOne(ctx, o, "embedded", "embedded dev chain, a block per transaction", filepath.Join(e.dir, "embedded"), "-dev-rpc-addr", "")
	return res.rate, err
}

// oneRun is an intake run of one replica, and the launch it ordered from.
type oneRun struct {
	rate
	brandID, launchID string
}

// intakeOne starts one replica on SQLite in dataDir with more flags for
// its chain, named chain in the report, measures its intake and stops it.
func (e *env) intakeOne(ctx context.Context, o options, name, chain, dataDir string, more ...string) (oneRun, error) {
	listen, err := localproc.FreeAddr()
	if err != nil {
		return oneRun{}, err
	}
	p, base, err := e.startServe(ctx, name, listen, serveArgs(o, dataDir, listen, more...))
	if err != nil {
		return oneRun{}, err
	}
	defer p.stop()
	admin, l, err := e.admin(ctx, p, base)
	if err != nil {
		return oneRun{}, err
	}
	res := runIntake(ctx, intakeRun{Name: "SQLite", Chain: chain, Bases: []string{base}, Key: admin.key, LaunchID: l.ID,
		Clients: o.Clients, Warmup: o.Warmup, Duration: o.Duration})
	if res.Minted, err = admin.minted(ctx, l.ID); err != nil {
		return oneRun{}, err
	}
	e.log.Info("intake", slog.String("run", name), slog.Float64("per_second", res.PerSecond()))
	return oneRun{rate: res, brandID: l.BrandID, launchID: l.ID}, nil
}

// blocksEvery names the intake runs' chain.
func blocksEvery(o options) string {
	return fmt.Sprintf("one devnet, a block every %v", o.BlockInterval)
}

// admin sets a brand, its admin key and a live launch up through the
// replica p that printed the operator key.
func (e *env) admin(ctx context.Context, p *proc, base string) (api, launch, error) {
	key, err := p.operatorKey()
	if err != nil {
		return api{}, launch{}, err
	}
	sctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	return setup(sctx, api{base: base, key: key, hc: newHTTPClient(4)})
}

// newSigner writes a fresh signer key into dir.
func newSigner(dir string) (*ecdsa.PrivateKey, string, error) {
	key, err := crypto.GenerateKey()
	if err != nil {
		return nil, "", err
	}
	file := filepath.Join(dir, "signer.key")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, "", err
	}
	return key, file, crypto.SaveECDSA(file, key)
}

// devnet is a `metapass devnet` of one run and the signer it funds.
type devnet struct {
	*proc
	rpcURL, keyFile string
}

// serveFlags point a replica at the devnet and its signer.
func (d devnet) serveFlags() []string {
	return []string{"-rpc-url", d.rpcURL, "-signer-key-file", d.keyFile}
}

// startDevnet writes a fresh signer key into dir and runs `metapass
// devnet` in dir/chain, funding it and sealing a block every
// -block-interval and only then, as a public chain does: the minter mints
// at most a block's capacity per interval. It returns once the devnet
// answers JSON-RPC.
func (e *env) startDevnet(ctx context.Context, o options, name, dir string) (devnet, error) {
	key, keyFile, err := newSigner(dir)
	if err != nil {
		return devnet{}, err
	}
	rpcAddr, err := localproc.FreeAddr()
	if err != nil {
		return devnet{}, err
	}
	p, err := spawn(name, e.bin, e.logs, "devnet", "-data-dir", filepath.Join(dir, "chain"), "-dev-rpc-addr", rpcAddr,
		"-fund", crypto.PubkeyToAddress(key.PublicKey).Hex(), "-dev-fixed-blocks", "-dev-block-interval", o.BlockInterval.String())
	if err != nil {
		return devnet{}, err
	}
	rctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	for !strings.Contains(p.stdout.String(), "serving JSON-RPC") {
		select {
		case <-rctx.Done():
			p.stop()
			return devnet{}, fmt.Errorf("%s did not start: %w", name, rctx.Err())
		case <-p.exited:
			return devnet{}, fmt.Errorf("%s exited (see the log)", name)
		case <-time.After(100 * time.Millisecond):
		}
	}
	return devnet{proc: p, rpcURL: "http://" + rpcAddr, keyFile: keyFile}, nil
}

// intakePostgres measures n replicas on one durable PostgreSQL database,
// sharing one devnet and one signer.
func (e *env) intakePostgres(ctx context.Context, o options, cluster *pgtest.Cluster, n int) (rate, error) {
	dir := filepath.Join(e.dir, fmt.Sprintf("pg%d", n))
	e.log.Info("intake: replicas on PostgreSQL, one devnet", slog.Int("replicas", n))
	database, err := cluster.CreateDatabase(ctx, fmt.Sprintf("load%d", n))
	if err != nil {
		return rate{}, err
	}
	chain, err := e.startDevnet(ctx, o, fmt.Sprintf("pg%d-devnet", n), dir)
	if err != nil {
		return rate{}, err
	}
	defer chain.stop()
	var (
		procs []*proc
		bases []string
	)
	defer func() {
		for _, p := range procs {
			p.stop()
		}
	}()
	for i := range n {
		listen, err := localproc.FreeAddr()
		if err != nil {
			return rate{}, err
		}
		id := fmt.Sprintf("r%d", i)
		p, base, err := e.startServe(ctx, fmt.Sprintf("pg%d-%s", n, id), listen, serveArgs(o, filepath.Join(dir, id), listen,
			append(chain.serveFlags(), "-database", database, "-replica-id", id)...))
		if err != nil {
			return rate{}, err
		}
		procs, bases = append(procs, p), append(bases, base)
	}
	admin, l, err := e.admin(ctx, procs[0], bases[0])
	if err != nil {
		return rate{}, err
	}
	res := runIntake(ctx, intakeRun{Name: "PostgreSQL", Chain: blocksEvery(o), Bases: bases, Key: admin.key, LaunchID: l.ID,
		Clients: o.Clients, Warmup: o.Warmup, Duration: o.Duration})
	if res.Minted, err = admin.minted(ctx, l.ID); err != nil {
		return rate{}, err
	}
	e.log.Info("intake", slog.String("run", res.Name), slog.Int("replicas", n), slog.Float64("per_second", res.PerSecond()))
	return res, nil
}
