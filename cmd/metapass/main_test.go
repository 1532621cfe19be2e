package main

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
)

func TestParseServe(t *testing.T) {
	t.Setenv("METAPASS_BATCH_SIZE", "7")
	t.Setenv("METAPASS_CONFIRMATIONS", "3")
	t.Setenv("METAPASS_LOG_LEVEL", "debug")
	cfg, err := parseServe([]string{"-data-dir", "/d", "-confirmations", "5", "-listen", "0.0.0.0:9"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	want := config{
		DataDir: "/d", Listen: "0.0.0.0:9", PublicURL: "http://0.0.0.0:9", SIWEDomain: "0.0.0.0:9", Database: "/d/metapass.db",
		SignerKeyFile: "/d/signer.key", Confirmations: 5, BatchSize: 7, DevRPCAddr: "127.0.0.1:8545",
		DevBlockInterval: time.Second, LogLevel: slog.LevelDebug,
	}
	if cfg != want {
		t.Fatalf("config\n got %+v\nwant %+v (flags win over the environment, which wins over defaults)", cfg, want)
	}

	for _, bad := range [][]string{{"-confirmations", "0"}, {"-batch-size", "0"}, {"-nope"}, {"stray"}, {"-log-level", "loud"}} {
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
	if err := run(t.Context(), []string{"mint-everything"}, io.Discard, io.Discard); err == nil {
		t.Fatal("an unknown command was accepted")
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
	var out syncBuffer
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
