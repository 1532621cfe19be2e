package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/metapass/metapass/passes"
	"github.com/metapass/metapass/postgres/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// TestPostgresFlow runs serve on PostgreSQL (-database postgres://…) and
// the embedded chain: a launch is deployed, 30 orders placed by 8 clients
// at once are each minted once, to the right wallet, as the chain itself
// confirms.
func TestPostgresFlow(t *testing.T) {
	if testing.Short() {
		t.Skip("mints on the embedded chain for several seconds")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	const nOrders = 30
	dataDir, rpcAddr := t.TempDir(), freeAddr(t)
	srv := startServe(t, freeAddr(t), "-data-dir", dataDir, "-database", pgtest.URL(t), "-batch-size", "10",
		"-dev-rpc-addr", rpcAddr, "-metrics-token", "pg-metrics")
	if _, err := os.Stat(filepath.Join(dataDir, "metapass.db")); !os.IsNotExist(err) {
		t.Errorf("a SQLite file was created next to PostgreSQL (%v)", err)
	}
	op := newClient(t, srv.base, srv.operatorKey(t))
	_, admin, l := liveLaunch(t, ctx, op, "Postgres", 100)

	bs := newBuyers(t, "pg", nOrders)
	placed := placeOrders(t, ctx, admin, l.ID, bs, 8)
	start := time.Now()
	orders := waitMinted(t, ctx, admin, l.ID, placed)
	t.Logf("all %d orders minted %v after they were placed", nOrders, time.Since(start))

	rep := checkOnDevChain(t, ctx, rpcAddr, filepath.Join(dataDir, "signer.key"), l, bs, orders)
	t.Logf("%d passes went out in %d mint transactions over %d blocks", nOrders, rep.MintTxs, rep.Blocks)
	if l = getLaunch(t, ctx, admin, l.ID); l.State != passes.LaunchLive || l.Allocated != nOrders || l.Minted != nOrders {
		t.Errorf("launch after minting: state %s, allocated %d, minted %d; want live, %d, %d", l.State, l.Allocated, l.Minted, nOrders, nOrders)
	}
	// The metrics read PostgreSQL too.
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.base+"/metrics", nil)
	req.Header.Set("Authorization", "Bearer pg-metrics")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	for _, want := range []string{"metapass_orders_accepted 30\n", "metapass_passes{state=\"minted\"} 30\n", `metapass_time_to_minted_seconds{quantile="0.99"}`} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}
