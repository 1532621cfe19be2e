package main

import (
	"context"
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

	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/chain"
	"github.com/metapass/metapass/customers"
	"github.com/metapass/metapass/httpapi"
	"github.com/metapass/metapass/passes"
	"github.com/metapass/metapass/perks"
	"github.com/metapass/metapass/sqlite"
)

// serve runs the API and the minter until ctx is done, then drains both.
func serve(ctx context.Context, cfg config, stdout io.Writer, log *slog.Logger) error {
	if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		return err
	}
	db, err := sqlite.Open(ctx, cfg.Database)
	if err != nil {
		return err
	}
	defer db.Close()
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
	} else if rc, err = rpc.DialContext(ctx, cfg.RPCURL); err != nil {
		return fmt.Errorf("dial %s: %w", cfg.RPCURL, err)
	}
	client, err := chain.NewClient(ctx, rc, key)
	if err != nil {
		return err
	}
	defer client.Close()
	if cfg.MaxFeeGwei > 0 {
		client.MaxFeePerGas = new(big.Int).Mul(new(big.Int).SetUint64(cfg.MaxFeeGwei), big.NewInt(1e9))
	}

	brandSvc := &brands.Service{Store: db.Brands(), Now: time.Now}
	secret, err := brandSvc.Bootstrap(ctx)
	if err != nil {
		return err
	}
	if secret != "" {
		fmt.Fprintf(stdout, "\n  Operator API key (shown once, store it now):\n\n    %s\n\n", secret)
	}

	store := db.Passes()
	minter := passes.NewMinter(store, client, passes.MinterConfig{
		BatchSize: cfg.BatchSize, Confirmations: cfg.Confirmations, BaseURL: cfg.PublicURL,
	}, log.With(slog.String("component", "minter")))
	indexer := passes.NewIndexer(db.Ownership(), client, client.ID(),
		passes.IndexerConfig{Confirmations: cfg.Confirmations}, log.With(slog.String("component", "ownership")))
	holdings := perks.PassHoldings{Owners: db.Ownership(), Launches: store, Chain: client, ChainID: client.ID(), Confirmations: cfg.Confirmations}
	srv := &httpapi.Server{
		Brands: brandSvc,
		Passes: &passes.Service{Store: store, ChainID: client.ID(), Now: time.Now, Notify: minter.Notify},
		Owners: client,
		Perks:  &perks.Service{Store: db.Perks(), Holdings: holdings, Holders: holdings, Now: time.Now},
		Customers: &customers.Service{
			Store: db.Customers(), Now: time.Now, Domain: cfg.SIWEDomain, ChainID: client.ID(),
			Contracts: ethclient.NewClient(rc),
		},
		Ready: func(ctx context.Context) error {
			if err := db.Ping(ctx); err != nil {
				return fmt.Errorf("database: %w", err)
			}
			if _, err := client.Head(ctx); err != nil {
				return fmt.Errorf("chain: %w", err)
			}
			return nil
		},
		Log: log,
	}
	app := srv.App()
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return err
	}

	var wg sync.WaitGroup
	mctx, stopMinter := context.WithCancel(context.WithoutCancel(ctx))
	wg.Add(3)
	go func() { defer wg.Done(); minter.Run(mctx) }()
	go func() { defer wg.Done(); indexer.Run(mctx) }()
	errc := make(chan error, 1)
	go func() { defer wg.Done(); errc <- app.Listener(ln) }()
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

// devnet runs the embedded dev chain alone, for wallets, cast, or a
// metapass serve pointed at it with -rpc-url.
func devnet(ctx context.Context, cfg devnetConfig, stdout io.Writer) error {
	var funded []common.Address
	for _, a := range strings.Split(cfg.Fund, ",") {
		if a = strings.TrimSpace(a); a == "" {
			continue
		}
		if !common.IsHexAddress(a) {
			return fmt.Errorf("-fund: %q is not an address", a)
		}
		funded = append(funded, common.HexToAddress(a))
	}
	dev, err := chain.StartDevChain(chain.DevConfig{DataDir: cfg.DataDir, Funded: funded, BlockInterval: cfg.BlockInterval, HTTPAddr: cfg.RPCAddr})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "dev chain %d serving JSON-RPC at %s\n", chain.DevChainID, dev.HTTPEndpoint())
	<-ctx.Done()
	return dev.Close()
}
