package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/chain"
	"github.com/metapass/metapass/custody"
	"github.com/metapass/metapass/customers"
	"github.com/metapass/metapass/egress"
	"github.com/metapass/metapass/events"
	"github.com/metapass/metapass/httpapi"
	"github.com/metapass/metapass/metrics"
	"github.com/metapass/metapass/passes"
	"github.com/metapass/metapass/perks"
	"github.com/metapass/metapass/retention"
	"github.com/metapass/metapass/webhooks"
)

// serve runs the API and the minter until ctx is done, then drains both.
func serve(ctx context.Context, cfg config, stdout io.Writer, log *slog.Logger) error {
	if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		return err
	}
	db, err := openStores(ctx, cfg.Database)
	if err != nil {
		return err
	}
	defer db.close()
	key, created, err := chain.LoadOrCreateKey(cfg.SignerKeyFile)
	if err != nil {
		return err
	}
	signer := crypto.PubkeyToAddress(key.PublicKey)
	log.Info("signer", slog.String("address", signer.Hex()), slog.String("key_file", cfg.SignerKeyFile), slog.Bool("created", created))

	var rc *rpc.Client
	if cfg.RPCURL == "" {
		dev, err := chain.StartDevChain(chain.DevConfig{
			DataDir: filepath.Join(cfg.DataDir, "chain"), Funded: []common.Address{signer},
			BlockInterval: cfg.DevBlockInterval, HTTPAddr: cfg.DevRPCAddr,
		})
		if err != nil {
			return err
		}
		defer dev.Close()
		rc = dev.RPC()
		log.Info("embedded dev chain", slog.Int("chain_id", chain.DevChainID), slog.String("rpc", dev.HTTPEndpoint()))
	} else if rc, err = chain.DialRPC(ctx, cfg.RPCURL, cfg.RPCTimeout); err != nil {
		return err
	}
	client, err := connect(ctx, rc, key, log)
	if err != nil {
		return err
	}
	defer client.Close()
	client.MaxFeePerGas, client.MaxTipPerGas = gwei(cfg.MaxFeeGwei), gwei(cfg.MaxPriorityFeeGwei)

	vault, err := openCustody(cfg, log)
	if err != nil {
		return err
	}

	entryKey, created, err := events.LoadOrCreateKey(cfg.EntryKeyFile)
	if err != nil {
		return err
	}
	log.Info("entry-code key", slog.String("key_file", cfg.EntryKeyFile), slog.Bool("created", created))

	brandSvc := &brands.Service{Store: db.brands, Now: time.Now}
	secret, err := brandSvc.Bootstrap(ctx)
	if err != nil {
		return err
	}
	if secret != "" {
		fmt.Fprintf(stdout, "\n  Operator API key (shown once, store it now):\n\n    %s\n\n", secret)
	}

	replica, err := replicaID(cfg)
	if err != nil {
		return err
	}
	store := db.passes
	stats := metrics.New(db.stats(client.ID()), client, log.With(slog.String("component", "metrics")))
	minter := passes.NewMinter(store, client, passes.MinterConfig{
		BatchSize: cfg.BatchSize, MaxInFlight: cfg.MaxInFlight, MaxInFlightPerBrand: cfg.MaxBrandInFlight, Confirmations: cfg.Confirmations, ReplaceAfter: cfg.ReplaceAfterBlocks, BaseURL: cfg.PublicURL,
		Factory: cfg.Factory, Observe: stats, Holder: replica, LeaseTTL: cfg.LeaseTTL,
	}, log.With(slog.String("component", "minter")))
	indexer := passes.NewIndexer(db.ownership, client, client.ID(),
		passes.IndexerConfig{Confirmations: cfg.Confirmations}, log.With(slog.String("component", "ownership")))
	holdings := perks.PassHoldings{Owners: db.ownership, Launches: store, Chain: client, ChainID: client.ID(), Confirmations: cfg.Confirmations}
	var (
		custodial passes.Custody // a nil *custody.Vault must stay a nil interface
		claims    *custody.Claims
	)
	if vault != nil {
		custodial = vault
		claims = &custody.Claims{Store: db.claims, Vault: vault, Index: db.ownership, Launches: store, Chain: client,
			ChainID: client.ID(), Now: time.Now, Log: log.With(slog.String("component", "claims"))}
	}
	if cfg.AllowPrivateTargets {
		log.Warn("webhooks may target plain http, loopback and private addresses (-allow-private-targets): local development only")
	}
	targets := egress.Options{AllowPrivate: cfg.AllowPrivateTargets, Timeout: cfg.WebhookTimeout}
	passSvc := &passes.Service{Store: store, ChainID: client.ID(), Now: time.Now, Notify: minter.Notify, Custody: custodial,
		MaxPassesPerOrder: cfg.MaxPassesPerOrder, MaxQueuedPerLaunch: cfg.MaxQueuedPerLaunch}
	limits := httpapi.NewLimits(cfg.RateAnon, cfg.RateKey)
	if err := limits.TrustProxies(commaList(cfg.TrustedProxies)); err != nil {
		return fmt.Errorf("-trusted-proxies: %w", err)
	}
	srv := &httpapi.Server{
		Brands:  brandSvc,
		Passes:  passSvc,
		Custody: custodial,
		Claims:  claims,
		Events: &events.Service{Store: db.events, Launches: store, Index: db.ownership, Chain: client,
			Confirmations: cfg.Confirmations, Key: entryKey, Now: time.Now},
		Webhooks: &webhooks.Service{Store: db.webhooks, Now: time.Now, Targets: targets},
		Owners:   client,
		Perks:    &perks.Service{Store: db.perks, Holdings: holdings, Holders: holdings, Now: time.Now},
		Customers: &customers.Service{
			Store: db.customers, Now: time.Now, Domain: cfg.SIWEDomain, ChainID: client.ID(),
			Contracts: ethclient.NewClient(rc),
			// Sign-in URIs are https, or http when the service itself is.
			AllowHTTP: strings.HasPrefix(cfg.PublicURL, "http://"),
		},
		Ready: func(ctx context.Context) error {
			if err := db.ping(ctx); err != nil {
				return fmt.Errorf("database: %w", err)
			}
			return nil
		},
		Degraded:       func(ctx context.Context) map[string]string { return degraded(ctx, client, minter) },
		Metrics:        stats.Handler(),
		MetricsToken:   cfg.MetricsToken,
		FrameAncestors: cfg.FrameAncestors,
		Limits:         limits,
		Redact:         chain.Redactor(cfg.RPCURL),
		Log:            log,
	}
	app := srv.App()
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return err
	}

	if cfg.MetricsListen != "" {
		mln, err := net.Listen("tcp", cfg.MetricsListen)
		if err != nil {
			return fmt.Errorf("-metrics-listen: %w", err)
		}
		metricsApp := srv.MetricsApp()
		go func() { _ = metricsApp.Listener(mln) }()
		defer metricsApp.Shutdown()
		log.Info("metrics", slog.String("url", "http://"+mln.Addr().String()+"/metrics"))
	}

	var wg sync.WaitGroup
	mctx, stopMinter := context.WithCancel(context.WithoutCancel(ctx))
	janitor := &retention.Janitor{Store: db.retention, Interval: cfg.RetentionInterval, Now: time.Now,
		Policy: retention.Policy{retention.Nonces: cfg.RetainNonces, retention.Sessions: cfg.RetainSessions, retention.Deliveries: cfg.RetainDeliveries},
		Log:    log.With(slog.String("component", "retention"))}
	dispatcher := webhooks.NewDispatcher(db.webhooks, egress.NewClient(targets),
		webhooks.DispatcherConfig{Timeout: cfg.WebhookTimeout, PerEndpoint: cfg.WebhookConcurrency},
		log.With(slog.String("component", "webhooks")))
	wg.Add(6)
	go func() { defer wg.Done(); janitor.Run(mctx) }()
	if claims != nil {
		wg.Add(1)
		go func() { defer wg.Done(); claims.Run(mctx, time.Second) }()
	}
	go func() { defer wg.Done(); minter.Run(mctx) }()
	go func() { defer wg.Done(); indexer.Run(mctx) }()
	go func() { defer wg.Done(); dispatcher.Run(mctx) }()
	go func() { defer wg.Done(); db.listenOutbox(mctx, dispatcher.Notify) }()
	errc := make(chan error, 1)
	go func() { defer wg.Done(); errc <- app.Listener(ln) }()
	fmt.Fprintf(stdout, "  metapass is up at %[1]s\n    brand console: %[1]s/console (sign in with a brand admin key)\n    API reference: %[1]s/docs\n\n", cfg.PublicURL)
	log.Info("listening", slog.String("url", "http://"+ln.Addr().String()), slog.String("public_url", cfg.PublicURL),
		slog.Uint64("chain_id", client.ID()))

	select {
	case <-ctx.Done():
	case err = <-errc:
	}
	log.Info("shutting down")
	err = errors.Join(err, app.ShutdownWithTimeout(10*time.Second))
	stopMinter()
	wg.Wait()
	return err
}

// connect wraps rc in a chain client, asking the chain for its id until it
// answers: a node still starting, or briefly unreachable, delays the
// service rather than failing it.
func connect(ctx context.Context, rc *rpc.Client, key *ecdsa.PrivateKey, log *slog.Logger) (*chain.Client, error) {
	wait := time.Second
	for {
		c, err := chain.NewClient(ctx, rc, key)
		if err == nil || ctx.Err() != nil {
			return c, err
		}
		log.Warn("chain unreachable; retrying", slog.Any("err", err), slog.Duration("retry_in", wait))
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(wait):
		}
		wait = min(2*wait, 15*time.Second)
	}
}

// gwei converts an amount in gwei to wei; 0 is nil (no cap).
func gwei(g float64) *big.Int {
	if g == 0 {
		return nil
	}
	wei, _ := new(big.Float).Mul(big.NewFloat(g), big.NewFloat(1e9)).Int(nil)
	return wei
}

// degraded names what is wrong while the service still takes orders: the
// chain not answering, the signer unable to pay, the minter failing or
// stuck under the fee caps.
func degraded(ctx context.Context, client *chain.Client, minter *passes.Minter) map[string]string {
	// Only the kind of failure is shown (chain.Describe): an RPC error may
	// carry the endpoint's URL, or whatever a hostile endpoint answered;
	// the whole error is in the (redacted) log.
	out := map[string]string{}
	if _, err := client.Head(ctx); err != nil {
		out["chain"] = "unreachable: " + chain.Describe(err) + "; the service log says more"
	}
	st := minter.Status()
	if st.WaitingForFunds {
		out["signer"] = "waiting_for_funds: " + client.Sender() + " cannot pay for its transactions; fund it and minting goes on"
	}
	switch {
	case st.Stuck != "":
		out["minter"] = "stuck: " + st.Stuck
	case st.Err != nil:
		out["minter"] = fmt.Sprintf("failing since %s: %s; the service log says more", st.Since.UTC().Format(time.RFC3339), chain.Describe(st.Err))
	}
	return out
}

// replicaID is -replica-id, or the name kept in the data dir (created on
// first start), so a restarted replica takes its minting lease back at once.
func replicaID(cfg config) (string, error) {
	if cfg.ReplicaID != "" {
		return cfg.ReplicaID, nil
	}
	path := filepath.Join(cfg.DataDir, "replica.id")
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		b = []byte(metapass.NewID("rep"))
		err = os.WriteFile(path, b, 0o600)
	}
	if err != nil {
		return "", fmt.Errorf("replica id: %w", err)
	}
	return strings.TrimSpace(string(b)), nil
}

// openCustody opens the custodial wallets' seed, sealed with
// METAPASS_CUSTODY_KEY. Without that key, the embedded dev setup keeps a
// generated one beside the seed (fine for a laptop, not for production),
// and a service on a real chain runs without custodial wallets.
func openCustody(cfg config, log *slog.Logger) (*custody.Vault, error) {
	keyText := cfg.CustodyKey
	if keyText == "" && cfg.RPCURL != "" {
		log.Warn("custodial wallets are disabled: set METAPASS_CUSTODY_KEY (32 bytes, hex or base64) to enable them")
		return nil, nil
	}
	if keyText == "" {
		keyFile := filepath.Join(filepath.Dir(cfg.CustodySeedFile), "custody.key")
		b, err := os.ReadFile(keyFile)
		if errors.Is(err, os.ErrNotExist) {
			b = []byte(hex.EncodeToString(custody.NewKey()))
			err = os.WriteFile(keyFile, b, 0o600)
		}
		if err != nil {
			return nil, fmt.Errorf("custody key: %w", err)
		}
		keyText = string(b)
		log.Warn("custodial seed sealed with a generated key kept beside it; set METAPASS_CUSTODY_KEY in production", slog.String("key_file", keyFile))
	}
	key, err := custody.ParseKey(keyText)
	if err != nil {
		return nil, fmt.Errorf("METAPASS_CUSTODY_KEY: %w", err)
	}
	v, created, err := custody.Open(cfg.CustodySeedFile, key)
	if err != nil {
		return nil, err
	}
	log.Info("custodial wallets", slog.String("seed_file", cfg.CustodySeedFile), slog.Bool("created", created))
	return v, nil
}

// rotateOperator issues a new operator key on cfg's database, revoking
// every other, and prints it: the way back from a lost or leaked one.
func rotateOperator(ctx context.Context, cfg keysConfig, stdout io.Writer) error {
	if !strings.Contains(cfg.Database, "://") {
		if _, err := os.Stat(cfg.Database); err != nil {
			return fmt.Errorf("database: %w", err)
		}
	}
	db, err := openStores(ctx, cfg.Database)
	if err != nil {
		return err
	}
	defer db.close()
	secret, err := (&brands.Service{Store: db.brands, Now: time.Now}).RotateOperator(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\n  New operator API key (shown once, store it now; the old ones are revoked):\n\n    %s\n\n", secret)
	return nil
}

// devnet runs the embedded dev chain alone, for wallets, cast, or a
// metapass serve pointed at it with -rpc-url.
func devnet(ctx context.Context, cfg devnetConfig, stdout io.Writer) error {
	var funded []common.Address
	for _, a := range commaList(cfg.Fund) {
		if !common.IsHexAddress(a) {
			return fmt.Errorf("-fund: %q is not an address", a)
		}
		funded = append(funded, common.HexToAddress(a))
	}
	dev, err := chain.StartDevChain(chain.DevConfig{DataDir: cfg.DataDir, Funded: funded, BlockInterval: cfg.BlockInterval,
		FixedBlocks: cfg.FixedBlocks, HTTPAddr: cfg.RPCAddr, CORSOrigins: commaList(cfg.CORS)})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "dev chain %d serving JSON-RPC at %s\n", chain.DevChainID, dev.HTTPEndpoint())
	<-ctx.Done()
	return dev.Close()
}

// commaList is the non-empty, trimmed items of a comma-separated flag.
func commaList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
