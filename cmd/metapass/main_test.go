package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/metapass/metapass/internal/localproc"
)

func TestParseServe(t *testing.T) {
	t.Setenv("METAPASS_BATCH_SIZE", "7")
	t.Setenv("METAPASS_CONFIRMATIONS", "3")
	t.Setenv("METAPASS_LOG_LEVEL", "debug")
	t.Setenv("METAPASS_CUSTODY_KEY", "k")
	t.Setenv("METAPASS_MAX_PRIORITY_FEE_GWEI", "0.5")
	t.Setenv("METAPASS_METRICS_TOKEN", "m")
	cfg, err := parseServe([]string{"-data-dir", "/d", "-confirmations", "5", "-listen", "0.0.0.0:9", "-max-fee-gwei", "40", "-replace-after-blocks", "6"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	want := config{
		DataDir: "/d", Listen: "0.0.0.0:9", PublicURL: "http://0.0.0.0:9", SIWEDomain: "0.0.0.0:9", Database: "/d/metapass.db",
		SignerKeyFile: "/d/signer.key", CustodySeedFile: "/d/custody.seed", EntryKeyFile: "/d/entry.key", CustodyKey: "k", Confirmations: 5, BatchSize: 7,
		MaxInFlight: 32, MaxFeeGwei: 40, MaxPriorityFeeGwei: 0.5, ReplaceAfterBlocks: 6, LeaseTTL: 10 * time.Second, RPCTimeout: 10 * time.Second, DevRPCAddr: "127.0.0.1:8545",
		DevBlockInterval: time.Second, WebhookTimeout: 10 * time.Second, WebhookConcurrency: 16, LogLevel: slog.LevelDebug, MetricsToken: "m", FrameAncestors: "'none'", RateAnon: 20, RateKey: 200,
		RetainNonces: time.Hour, RetainSessions: 24 * time.Hour, RetainDeliveries: 720 * time.Hour, RetentionInterval: time.Minute,
		MaxPassesPerOrder: 1000, MaxQueuedPerLaunch: 100_000,
	}
	if cfg != want {
		t.Fatalf("config\n got %+v\nwant %+v (flags win over the environment, which wins over defaults)", cfg, want)
	}

	for _, bad := range [][]string{{"-confirmations", "0"}, {"-batch-size", "0"}, {"-max-in-flight", "0"}, {"-nope"}, {"stray"}, {"-log-level", "loud"},
		{"-max-fee-gwei", "-1"}, {"-replace-after-blocks", "0"}, {"-rpc-timeout", "0s"}, {"-rate-key", "-1"}, {"-retain-nonces", "-1h"},
		{"-retention-interval", "0s"}, {"-frame-ancestors", "'self'; script-src *"}, {"-frame-ancestors", ""},
		{"-webhook-timeout", "0s"}, {"-webhook-concurrency", "0"}, {"-max-passes-per-order", "0"},
		{"-max-queued-per-launch", "0"}, {"-max-in-flight-per-brand", "33"}} {
		if _, err := parseServe(bad, io.Discard); err == nil {
			t.Errorf("parseServe(%q) accepted", bad)
		}
	}
	t.Setenv("METAPASS_BATCH_SIZE", "many")
	if _, err := parseServe(nil, io.Discard); err == nil || !strings.Contains(err.Error(), "METAPASS_BATCH_SIZE") {
		t.Errorf("a bad environment value: %v", err)
	}
}

func TestRunCommands(t *testing.T) {
	var out strings.Builder
	if err := run(t.Context(), []string{"version"}, &out, io.Discard); err != nil || !strings.HasPrefix(out.String(), "metapass ") {
		t.Fatalf("version: %q %v", out.String(), err)
	}
	for _, bad := range [][]string{{"mint-everything"}, {"keys"}, {"keys", "rotate-everything"}, {"keys", "rotate-operator", "-data-dir", t.TempDir()}} {
		if err := run(t.Context(), bad, io.Discard, io.Discard); err == nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}

// TestDevnetCommand: `metapass devnet` serves the dev chain's JSON-RPC with
// the asked-for accounts funded.
func TestDevnetCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a node")
	}
	addr := freeAddr(t)
	funded := common.HexToAddress("0x00000000000000000000000000000000000000f1")
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	var out localproc.Buffer
	go func() {
		done <- run(ctx, []string{"devnet", "-data-dir", t.TempDir(), "-dev-rpc-addr", addr, "-fund", funded.Hex()}, &out, io.Discard)
	}()
	var ec *ethclient.Client
	deadline := time.Now().Add(30 * time.Second)
	for {
		var err error
		if ec, err = ethclient.DialContext(ctx, "http://"+addr); err == nil {
			if _, err = ec.ChainID(ctx); err == nil {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("devnet did not answer: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if id, _ := ec.ChainID(ctx); id.Uint64() != 1337 {
		t.Fatalf("chain id %v", id)
	}
	if bal, err := ec.BalanceAt(ctx, funded, nil); err != nil || bal.Sign() <= 0 {
		t.Fatalf("funded balance %v, %v", bal, err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("devnet returned %v", err)
	}
	if !strings.Contains(out.String(), "http://"+addr) {
		t.Fatalf("devnet did not print its endpoint: %q", out.String())
	}
}

// TestOpenCustody: on the embedded chain a missing METAPASS_CUSTODY_KEY is
// generated beside the seed, and the same wallets come back on restart; on
// a real chain it disables custody; a wrong key stops the start.
func TestOpenCustody(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	dir := t.TempDir()
	dev := config{CustodySeedFile: filepath.Join(dir, "custody.seed")}
	v, err := openCustody(dev, log)
	if err != nil || v == nil {
		t.Fatalf("dev custody: %v, %v", v, err)
	}
	again, err := openCustody(dev, log)
	if err != nil || again.Address("brd_1", "C-1") != v.Address("brd_1", "C-1") {
		t.Fatalf("restart: %v, wallets differ", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "custody.key")); err != nil {
		t.Fatalf("generated key not kept: %v", err)
	}
	real := config{CustodySeedFile: filepath.Join(t.TempDir(), "custody.seed"), RPCURL: "http://chain"}
	if v, err := openCustody(real, log); err != nil || v != nil {
		t.Fatalf("real chain without a key: %v, %v; want custody off", v, err)
	}
	real.CustodyKey = strings.Repeat("ab", 32)
	if v, err := openCustody(real, log); err != nil || v == nil {
		t.Fatalf("real chain with a key: %v", err)
	}
	real.CustodyKey = strings.Repeat("cd", 32)
	if _, err := openCustody(real, log); err == nil {
		t.Fatal("a seed opened with another key")
	}
	real.CustodyKey = "short"
	if _, err := openCustody(real, log); err == nil || !strings.Contains(err.Error(), "METAPASS_CUSTODY_KEY") {
		t.Fatalf("a malformed key: %v", err)
	}
}
