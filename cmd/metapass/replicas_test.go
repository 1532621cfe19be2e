package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/jackc/pgx/v5"

	"github.com/metapass/metapass/internal/localproc"
	"github.com/metapass/metapass/postgres/pgtest"
)

// TestReplicas runs three `metapass serve` processes on one PostgreSQL and
// one chain, with one signer. 3,000 orders are spread over them and the
// replica holding the minting lease is killed with SIGKILL midway: another
// takes the lease over, and every order is minted exactly once, as the
// chain's Transfer events show, with no nonce wasted or used twice.
func TestReplicas(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs three replicas")
	}
	const nOrders, nReplicas = 3000, 3
	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
	defer cancel()
	database := pgtest.URL(t)
	key, keyFile := newSigner(t)
	signer := crypto.PubkeyToAddress(key.PublicKey)
	env := startDevnetProcs(t, ctx, signer)
	dir, bin, rpcAddr, logs, ec := env.dir, env.bin, env.rpc, env.logs, env.ec

	type replica struct {
		id, base string
		proc     *subprocess
		stdout   *localproc.Buffer
		dead     atomic.Bool
	}
	replicas := make([]*replica, nReplicas)
	for i := range replicas {
		listen := freeAddr(t)
		r := &replica{id: fmt.Sprint("r", i), base: "http://" + listen, stdout: &localproc.Buffer{}}
		var err error
		r.proc, err = spawn(bin, r.stdout, logs, "serve", "-data-dir", filepath.Join(dir, r.id), "-listen", listen,
			"-public-url", "http://"+listen, "-rpc-url", "http://"+rpcAddr, "-signer-key-file", keyFile, "-database", database,
			"-replica-id", r.id, "-lease-ttl", "2s", "-log-level", "warn")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { r.proc.kill(syscall.SIGTERM) })
		waitReady(t, ctx, r.base) // one at a time: the first creates the operator key
		replicas[i] = r
	}
	op := newClient(t, replicas[0].base, operatorKeyIn(t, replicas[0].stdout.String()))
	_, admin, l := liveLaunch(t, ctx, op, "Replica", nOrders)
	bs := newBuyers(t, "replica", nOrders)

	// post sends one order to replica i, moving on to the next replica
	// while one does not answer.
	post := func(i int, b buyer) error {
		body, _ := json.Marshal(b.order())
		for try := 0; ctx.Err() == nil; try++ {
			r := replicas[(i+try)%nReplicas]
			req, _ := http.NewRequestWithContext(ctx, "POST", r.base+"/v1/launches/"+l.ID+"/orders", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+admin.key)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				continue
			}
			answer, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusAccepted {
				return fmt.Errorf("order %s on %s: %d %s", b.OrderID, r.id, resp.StatusCode, answer)
			}
			return nil
		}
		return ctx.Err()
	}
	holder := func() string {
		t.Helper()
		conn, err := pgx.Connect(ctx, database)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		var h string
		if err := conn.QueryRow(ctx, `SELECT holder FROM minter_leases`).Scan(&h); err != nil {
			t.Fatal(err)
		}
		return h
	}

	start := time.Now()
	var (
		wg     sync.WaitGroup
		posted atomic.Int64
		next   = make(chan int)
		errs   = make(chan error, nOrders)
		killed = make(chan string, 1)
	)
	for w := range 12 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := post(w, bs[i]); err != nil {
					errs <- err
				}
				if posted.Add(1) == nOrders/2 {
					// Midway: kill the replica that mints.
					leader := holder()
					for _, r := range replicas {
						if r.id == leader {
							r.proc.kill(syscall.SIGKILL)
							r.dead.Store(true)
						}
					}
					killed <- leader
				}
			}
		}()
	}
	for i := range bs {
		next <- i
	}
	close(next)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	leader := <-killed
	t.Logf("posted %d orders over %d replicas in %v; SIGKILLed %s, the lease holder, after %d", nOrders, nReplicas,
		time.Since(start).Round(time.Millisecond), leader, nOrders/2)
	var live *replica
	for _, r := range replicas {
		if !r.dead.Load() {
			live = r
		}
	}
	alive := admin
	alive.base = live.base
	waitLaunchMinted(t, ctx, alive, l.ID, nOrders)
	t.Logf("all %d orders minted %v after the burst began; the lease is now %s's", nOrders, time.Since(start).Round(time.Millisecond), holder())
	if h := holder(); h == leader {
		t.Errorf("the killed replica %s still holds the lease", h)
	}
	rep := checkMintedOnce(t, ctx, ec, l.Contract, signer, wallets(bs))
	t.Logf("chain: %d Transfer events, %d mint transactions in %d blocks, signer nonce %d", rep.Transfers, rep.MintTxs, rep.Blocks, rep.Nonce)
}
