// Command metapass issues Meta passes: NFTs minted alongside product
// purchases, whose ownership unlocks perks.
//
//	metapass serve    run the API and the minter (embedded dev chain by default)
//	metapass devnet   run the embedded dev chain alone
//	metapass keys rotate-operator  issue a new operator key, revoking the old
//	metapass version  print the version
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/metapass/metapass/chain"
	"github.com/metapass/metapass/passes"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "metapass:", err)
		}
		os.Exit(2)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cmd := "serve"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		cfg, err := parseServe(args, stderr)
		if err != nil {
			return err
		}
		// The RPC URL may carry an API key: nothing serve prints shows it.
		redact := chain.Redactor(cfg.RPCURL)
		if err := serve(ctx, cfg, stdout, newLogger(chain.RedactingWriter(stderr, redact), cfg.LogLevel)); err != nil {
			return errors.New(redact(err.Error()))
		}
		return nil
	case "devnet":
		cfg, err := parseDevnet(args, stderr)
		if err != nil {
			return err
		}
		return devnet(ctx, cfg, stdout)
	case "keys":
		if len(args) == 0 || args[0] != "rotate-operator" {
			return errors.New("usage: metapass keys rotate-operator [-data-dir dir] [-database url]")
		}
		cfg, err := parseKeys(args[1:], stderr)
		if err != nil {
			return err
		}
		return rotateOperator(ctx, cfg, stdout)
	case "version":
		fmt.Fprintln(stdout, "metapass", version())
		return nil
	}
	return fmt.Errorf("unknown command %q (want serve, devnet, keys or version)", cmd)
}

func newLogger(w io.Writer, level slog.Level) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// config is every setting of serve; each has a flag and a METAPASS_*
// environment variable.
type config struct {
	DataDir         string
	Listen          string
	PublicURL       string
	SIWEDomain      string
	Database        string
	RPCURL          string
	Factory         string
	SignerKeyFile   string
	CustodySeedFile string
	EntryKeyFile    string
	// CustodyKey seals the custodial seed; only from METAPASS_CUSTODY_KEY,
	// never a flag, so it stays out of process listings.
	CustodyKey         string
	Confirmations      uint64
	BatchSize          int
	MaxInFlight        int
	MaxBrandInFlight   int
	MaxPassesPerOrder  int64
	MaxQueuedPerLaunch int64
	MaxFeeGwei         float64
	MaxPriorityFeeGwei float64
	ReplaceAfterBlocks uint64
	ReplicaID          string
	LeaseTTL           time.Duration
	RPCTimeout         time.Duration
	DevRPCAddr         string
	DevBlockInterval   time.Duration
	// AllowPrivateTargets lets webhook endpoints be plain http and reach
	// loopback and private addresses: local development only.
	AllowPrivateTargets bool
	WebhookTimeout      time.Duration
	WebhookConcurrency  int
	LogLevel            slog.Level
	// MetricsToken, when set, serves /metrics on -listen to callers
	// sending it as a bearer token; MetricsListen serves /metrics on an
	// address of its own. With neither, /metrics is not served.
	MetricsToken   string
	MetricsListen  string
	FrameAncestors string
	RateAnon       float64
	RateKey        float64
	// TrustedProxies are the load balancers whose X-Forwarded-For names
	// the client of -rate-anon.
	TrustedProxies string
	RetainNonces   time.Duration
	RetainSessions time.Duration
	// RetainDeliveries also bounds outbox events, which go once their
	// deliveries have.
	RetainDeliveries  time.Duration
	RetentionInterval time.Duration
}

func parseServe(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.DataDir, "data-dir", "./data", "directory for the database, the signer key and the embedded chain")
	fs.StringVar(&c.Listen, "listen", "127.0.0.1:8080", "HTTP listen address")
	fs.StringVar(&c.PublicURL, "public-url", "", "public base URL of this service, written into token URIs (default http://<listen>)")
	fs.StringVar(&c.SIWEDomain, "siwe-domain", "", "domain (host[:port]) wallet sign-in messages must name (default the host of -public-url)")
	fs.StringVar(&c.Database, "database", "", "SQLite file path, or postgres://… URL of a PostgreSQL database (default <data-dir>/metapass.db)")
	fs.StringVar(&c.RPCURL, "rpc-url", "", "JSON-RPC URL of an EVM chain; empty runs the embedded dev chain")
	fs.StringVar(&c.Factory, "factory", "", "address of an existing PassFactory to create launches with (default: the signer deploys one, once per chain)")
	fs.StringVar(&c.SignerKeyFile, "signer-key-file", "", "hex private key of the minting signer, created 0600 if absent (default <data-dir>/signer.key)")
	fs.StringVar(&c.CustodySeedFile, "custody-seed-file", "", "sealed master seed of custodial wallets, created if absent (default <data-dir>/custody.seed)")
	fs.StringVar(&c.EntryKeyFile, "entry-key-file", "", "hex Ed25519 seed that signs event entry codes, created 0600 if absent (default <data-dir>/entry.key)")
	fs.Uint64Var(&c.Confirmations, "confirmations", 1, "blocks deep a transaction must be to count as final (1 = included)")
	fs.IntVar(&c.BatchSize, "batch-size", 100, "most passes minted in one transaction")
	fs.IntVar(&c.MaxInFlight, "max-in-flight", 32, "most transactions of the signer sent and not yet final")
	fs.IntVar(&c.MaxBrandInFlight, "max-in-flight-per-brand", 0, "most transactions one brand's mints may have in flight (0 = half of -max-in-flight)")
	fs.Int64Var(&c.MaxPassesPerOrder, "max-passes-per-order", passes.DefaultMaxPassesPerOrder, "most passes one order may earn (quantity × passes per unit)")
	fs.Int64Var(&c.MaxQueuedPerLaunch, "max-queued-per-launch", passes.DefaultMaxQueuedPerLaunch, "most passes of one launch waiting to mint; orders past it get 422 queue_full")
	fs.Float64Var(&c.MaxFeeGwei, "max-fee-gwei", 0, "cap on the fee per gas the signer pays, in gwei (0 = no cap)")
	fs.Float64Var(&c.MaxPriorityFeeGwei, "max-priority-fee-gwei", 0, "cap on the priority fee (tip) per gas the signer pays, in gwei (0 = no cap)")
	fs.StringVar(&c.ReplicaID, "replica-id", "", "this replica's name among those sharing a database (default: generated once into <data-dir>/replica.id)")
	fs.DurationVar(&c.LeaseTTL, "lease-ttl", 10*time.Second, "how long the replica that mints may go silent before another takes over")
	fs.Uint64Var(&c.ReplaceAfterBlocks, "replace-after-blocks", 3, "blocks the lowest unmined transaction may wait before it is replaced with fees raised by an eighth")
	fs.DurationVar(&c.RPCTimeout, "rpc-timeout", 10*time.Second, "how long one JSON-RPC request to -rpc-url may take")
	fs.StringVar(&c.DevRPCAddr, "dev-rpc-addr", "127.0.0.1:8545", "where the embedded chain serves JSON-RPC (empty = not served)")
	fs.DurationVar(&c.DevBlockInterval, "dev-block-interval", time.Second, "how often the embedded chain seals a block besides on each transaction")
	fs.BoolVar(&c.AllowPrivateTargets, "allow-private-targets", false,
		"let webhook endpoints be plain http and reach loopback, private and link-local addresses (local development only)")
	fs.DurationVar(&c.WebhookTimeout, "webhook-timeout", 10*time.Second, "how long one webhook delivery attempt may take")
	fs.IntVar(&c.WebhookConcurrency, "webhook-concurrency", 16, "most webhook deliveries to one endpoint under way at once (per replica)")
	fs.TextVar(&c.LogLevel, "log-level", slog.LevelInfo, "debug, info, warn or error")
	fs.StringVar(&c.MetricsToken, "metrics-token", "", "bearer token /metrics on -listen requires (prefer METAPASS_METRICS_TOKEN; empty = /metrics not served on -listen)")
	fs.StringVar(&c.MetricsListen, "metrics-listen", "", "address serving /metrics alone, e.g. 127.0.0.1:9090 (with -metrics-token, that token is required there too)")
	fs.StringVar(&c.FrameAncestors, "frame-ancestors", "'none'", "CSP frame-ancestors sources allowed to frame the pages, e.g. https://shop.example")
	fs.Float64Var(&c.RateAnon, "rate-anon", 20, "requests a second per client IP on anonymous routes (sign-in, metadata) and failed authentications, burst 4x (0 = no limit)")
	fs.StringVar(&c.TrustedProxies, "trusted-proxies", "", "comma-separated addresses or CIDR blocks of load balancers whose X-Forwarded-For names the client the per-IP limit counts (default none: the peer is the client)")
	fs.Float64Var(&c.RateKey, "rate-key", 200, "requests a second per API key or customer session, burst 4x (0 = no limit)")
	fs.DurationVar(&c.RetainNonces, "retain-nonces", time.Hour, "how long sign-in nonces are kept after they expire (0 = forever)")
	fs.DurationVar(&c.RetainSessions, "retain-sessions", 24*time.Hour, "how long customer sessions are kept after they expire (0 = forever)")
	fs.DurationVar(&c.RetainDeliveries, "retain-deliveries", 30*24*time.Hour, "how long delivered or failed webhook deliveries, and outbox events with none left, are kept (0 = forever)")
	fs.DurationVar(&c.RetentionInterval, "retention-interval", time.Minute, "how often the service deletes what it no longer keeps")
	if err := parseWithEnv(fs, args); err != nil {
		return c, err
	}
	if strings.ContainsAny(c.FrameAncestors, ";,\r\n") || strings.TrimSpace(c.FrameAncestors) == "" {
		return c, fmt.Errorf("-frame-ancestors %q: want space-separated CSP sources ('none', 'self', https://host)", c.FrameAncestors)
	}
	if c.RateAnon < 0 || c.RateKey < 0 {
		return c, errors.New("-rate-anon and -rate-key cannot be negative")
	}
	if c.RetainNonces < 0 || c.RetainSessions < 0 || c.RetainDeliveries < 0 || c.RetentionInterval <= 0 {
		return c, errors.New("-retain-* cannot be negative and -retention-interval must be positive")
	}
	if c.PublicURL == "" {
		c.PublicURL = "http://" + c.Listen
	}
	c.PublicURL = strings.TrimRight(c.PublicURL, "/")
	if c.SIWEDomain == "" {
		u, err := url.Parse(c.PublicURL)
		if err != nil || u.Host == "" {
			return c, fmt.Errorf("-public-url %q is not an absolute URL", c.PublicURL)
		}
		c.SIWEDomain = u.Host
	}
	if c.Database == "" {
		c.Database = c.DataDir + "/metapass.db"
	}
	if c.Factory != "" && (!strings.HasPrefix(c.Factory, "0x") || !common.IsHexAddress(c.Factory)) {
		return c, fmt.Errorf("-factory %q is not a 0x-prefixed 20-byte hex address", c.Factory)
	}
	if c.SignerKeyFile == "" {
		c.SignerKeyFile = c.DataDir + "/signer.key"
	}
	if c.CustodySeedFile == "" {
		c.CustodySeedFile = c.DataDir + "/custody.seed"
	}
	if c.EntryKeyFile == "" {
		c.EntryKeyFile = c.DataDir + "/entry.key"
	}
	c.CustodyKey = os.Getenv("METAPASS_CUSTODY_KEY")
	if c.Confirmations == 0 {
		return c, errors.New("-confirmations must be at least 1")
	}
	if c.BatchSize < 1 {
		return c, errors.New("-batch-size must be at least 1")
	}
	if c.MaxInFlight < 1 {
		return c, errors.New("-max-in-flight must be at least 1")
	}
	if c.MaxBrandInFlight < 0 || c.MaxBrandInFlight > c.MaxInFlight {
		return c, errors.New("-max-in-flight-per-brand must be between 0 and -max-in-flight")
	}
	if c.MaxPassesPerOrder < 1 || c.MaxQueuedPerLaunch < 1 {
		return c, errors.New("-max-passes-per-order and -max-queued-per-launch must be at least 1")
	}
	if c.MaxFeeGwei < 0 || c.MaxPriorityFeeGwei < 0 {
		return c, errors.New("-max-fee-gwei and -max-priority-fee-gwei cannot be negative")
	}
	if c.ReplaceAfterBlocks == 0 {
		return c, errors.New("-replace-after-blocks must be at least 1")
	}
	if c.RPCTimeout <= 0 {
		return c, errors.New("-rpc-timeout must be positive")
	}
	if c.WebhookTimeout <= 0 {
		return c, errors.New("-webhook-timeout must be positive")
	}
	if c.WebhookConcurrency < 1 {
		return c, errors.New("-webhook-concurrency must be at least 1")
	}
	return c, nil
}

// keysConfig names the database the keys subcommands work on, offline.
type keysConfig struct {
	DataDir  string
	Database string
}

func parseKeys(args []string, stderr io.Writer) (keysConfig, error) {
	var c keysConfig
	fs := flag.NewFlagSet("keys rotate-operator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.DataDir, "data-dir", "./data", "directory of the database, as given to serve")
	fs.StringVar(&c.Database, "database", "", "SQLite file path, or postgres://… URL (default <data-dir>/metapass.db)")
	if err := parseWithEnv(fs, args); err != nil {
		return c, err
	}
	if c.Database == "" {
		c.Database = c.DataDir + "/metapass.db"
	}
	return c, nil
}

type devnetConfig struct {
	CORS          string
	DataDir       string
	RPCAddr       string
	BlockInterval time.Duration
	FixedBlocks   bool
	Fund          string
}

func parseDevnet(args []string, stderr io.Writer) (devnetConfig, error) {
	var c devnetConfig
	fs := flag.NewFlagSet("devnet", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.DataDir, "data-dir", "./devnet", "directory for the chain database (empty = in memory)")
	fs.StringVar(&c.RPCAddr, "dev-rpc-addr", "127.0.0.1:8545", "where to serve JSON-RPC")
	fs.DurationVar(&c.BlockInterval, "dev-block-interval", time.Second, "how often to seal a block besides on each transaction")
	fs.BoolVar(&c.FixedBlocks, "dev-fixed-blocks", false, "seal blocks only every -dev-block-interval, as a public chain does, not also on each transaction")
	fs.StringVar(&c.CORS, "dev-rpc-cors", "", "comma-separated browser origins allowed to call the JSON-RPC (default none)")
	fs.StringVar(&c.Fund, "fund", "", "comma-separated addresses funded in the genesis block (first start only)")
	return c, parseWithEnv(fs, args)
}

// parseWithEnv parses args; a flag not given takes METAPASS_<NAME> from the
// environment when set (-data-dir ← METAPASS_DATA_DIR).
func parseWithEnv(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		env := "METAPASS_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
		if v, ok := os.LookupEnv(env); ok && !given[f.Name] && err == nil {
			if serr := fs.Set(f.Name, v); serr != nil {
				err = fmt.Errorf("%s: %w", env, serr)
			}
		}
	})
	return err
}
