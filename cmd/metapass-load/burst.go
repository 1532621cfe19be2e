package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"path/filepath"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/metapass/metapass/internal/localproc"
)

// burstResult is what a burst of orders measured.
type burstResult struct {
	Orders      int
	BatchSize   int           // the replica's -batch-size
	MaxInFlight int           // and -max-in-flight
	Placed      time.Duration // to place them all
	Blocks      []block       // from the first to the last block with a mint
	Fill        fill
	// Backlog is each block's queue of unminted orders as it was sealed;
	// FullFill the mean fill of the FullBlocks blocks whose queue held at
	// least their capacity.
	Backlog    []int
	FullFill   float64
	FullBlocks int
	ToMinted   struct{ P50, P99 time.Duration } // order accepted → its Transfer seen in a block
	Minted     int
	Memory     memory
}

// follower reads every new block of the chain: the launch's mints in it
// and their gas, and when each wallet's pass was seen minted.
type follower struct {
	ec       *ethclient.Client
	contract common.Address
	transfer common.Hash

	mu     sync.Mutex
	blocks []block
	seen   map[common.Address]time.Time
}

func newFollower(ec *ethclient.Client, contract string) *follower {
	return &follower{ec: ec, contract: common.HexToAddress(contract),
		transfer: crypto.Keccak256Hash([]byte("Transfer(address,address,uint256)")),
		seen:     map[common.Address]time.Time{}}
}

// run reads blocks from next on, polling the head every 100 ms, until ctx
// ends.
func (f *follower) run(ctx context.Context, next uint64) error {
	for ctx.Err() == nil {
		head, err := f.ec.BlockNumber(ctx)
		if err != nil {
			return fmt.Errorf("head: %w", err)
		}
		for ; next <= head; next++ {
			if err := f.read(ctx, next); err != nil {
				return err
			}
		}
		select {
		case <-ctx.Done():
		case <-time.After(100 * time.Millisecond):
		}
	}
	return nil
}

// read records block n: its gas, and the launch's mints with their gas.
func (f *follower) read(ctx context.Context, n uint64) error {
	blk, err := f.ec.BlockByNumber(ctx, new(big.Int).SetUint64(n))
	if err != nil {
		return fmt.Errorf("block %d: %w", n, err)
	}
	rs, err := f.ec.BlockReceipts(ctx, rpc.BlockNumberOrHashWithNumber(rpc.BlockNumber(n)))
	if err != nil {
		return fmt.Errorf("receipts of block %d: %w", n, err)
	}
	now := time.Now()
	b := block{Number: n, GasLimit: blk.GasLimit(), GasUsed: blk.GasUsed(), Seen: now}
	var to []common.Address
	for i, r := range rs {
		mints := 0
		for _, l := range r.Logs {
			// Transfer(from, to, tokenId): a mint is from the zero address.
			if l.Address != f.contract || len(l.Topics) != 4 || l.Topics[0] != f.transfer || l.Topics[1] != (common.Hash{}) {
				continue
			}
			mints++
			to = append(to, common.BytesToAddress(l.Topics[2].Bytes()))
		}
		if mints > 0 {
			b.MintTxs++
			b.MintGas += r.GasUsed
			b.MintGasLimit += blk.Transactions()[i].Gas()
			b.Passes += mints
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.blocks = append(f.blocks, b)
	for _, w := range to {
		if _, ok := f.seen[w]; !ok {
			f.seen[w] = now
		}
	}
	return nil
}

// minted is how many passes were seen minted so far.
func (f *follower) minted() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.seen)
}

// result returns the blocks read and when each wallet's pass was minted.
func (f *follower) result() ([]block, map[common.Address]time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]block(nil), f.blocks...), f.seen
}

// burst runs one replica on SQLite against a devnet sealing a block every
// o.BlockInterval (and only then, as a public chain does), places o.Orders
// orders from o.Clients clients as fast as it takes them, and follows the
// blocks until every accepted order's pass is minted.
func (e *env) burst(ctx context.Context, o options) (burstResult, error) {
	name := fmt.Sprintf("burst-b%d-f%d", o.BatchSize, o.MaxInFlight)
	dir := filepath.Join(e.dir, name)
	res := burstResult{Orders: o.Orders, BatchSize: o.BatchSize, MaxInFlight: o.MaxInFlight}
	e.log.Info("burst: devnet with fixed blocks", slog.Duration("block_interval", o.BlockInterval))
	chain, err := e.startDevnet(ctx, o, name+"-devnet", dir)
	if err != nil {
		return res, err
	}
	defer chain.stop()
	listen, err := localproc.FreeAddr()
	if err != nil {
		return res, err
	}
	p, base, err := e.startServe(ctx, name, listen, serveArgs(o, filepath.Join(dir, "data"), listen, chain.serveFlags()...))
	if err != nil {
		return res, err
	}
	defer p.stop()
	admin, l, err := e.admin(ctx, p, base)
	if err != nil {
		return res, err
	}
	ec, err := ethclient.DialContext(ctx, chain.rpcURL)
	if err != nil {
		return res, err
	}
	defer ec.Close()
	head, err := ec.BlockNumber(ctx)
	if err != nil {
		return res, err
	}
	f := newFollower(ec, l.Contract)
	fctx, stopFollowing := context.WithCancel(ctx)
	defer stopFollowing()
	ferr := make(chan error, 1)
	go func() { ferr <- f.run(fctx, head) }()

	e.log.Info("burst: placing orders", slog.Int("orders", o.Orders), slog.Int("clients", o.Clients))
	accepted, refused, placed := placeBurst(ctx, admin, l.ID, o.Orders, o.Clients)
	res.Placed = placed
	if refused > 0 {
		return res, fmt.Errorf("%d of %d burst orders were not accepted", refused, o.Orders)
	}
	e.log.Info("burst: placed", slog.Duration("in", placed.Round(time.Millisecond)))

	deadline := time.After(5 * time.Minute)
	for f.minted() < len(accepted) {
		select {
		case err := <-ferr:
			return res, err
		case <-ctx.Done():
			return res, ctx.Err()
		case <-deadline:
			return res, fmt.Errorf("%d of %d passes minted after 5 minutes", f.minted(), len(accepted))
		case <-time.After(200 * time.Millisecond):
		}
	}
	stopFollowing()
	if err := <-ferr; err != nil && !errors.Is(err, context.Canceled) {
		return res, err
	}
	if res.Memory, err = readMemory(p.cmd.Process.Pid); err != nil {
		return res, err
	}
	blocks, seen := f.result()
	if w := computeFill(blocks); w.First >= 0 {
		blocks = blocks[w.First : w.Last+1] // while the queue was not empty
	}
	res.Blocks, res.Fill = blocks, computeFill(blocks)
	var lat []time.Duration
	ats := make([]time.Time, 0, len(accepted))
	for w, at := range accepted {
		ats = append(ats, at)
		if m, ok := seen[w]; ok {
			lat = append(lat, m.Sub(at))
		}
	}
	res.Backlog, res.FullFill, res.FullBlocks = queued(res.Blocks, res.Fill, ats)
	res.Minted = len(lat)
	res.ToMinted.P50, res.ToMinted.P99 = percentile(lat, 50), percentile(lat, 99)
	e.log.Info("burst: minted", slog.Int("passes", res.Minted), slog.Float64("mean_fill_pct", res.Fill.Mean))
	return res, nil
}

// placeBurst posts n orders, each to a wallet of its own, from clients
// concurrent clients. It returns when each wallet's order was accepted,
// how many were not, and how long placing them took.
func placeBurst(ctx context.Context, admin api, launchID string, n, clients int) (map[common.Address]time.Time, int, time.Duration) {
	hc := orderClient(clients)
	next := make(chan int)
	var (
		mu       sync.Mutex
		wg       sync.WaitGroup
		accepted = make(map[common.Address]time.Time, n)
		refused  int
	)
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				w := randomWallet()
				out := postOrder(hc, admin.base, admin.key, launchID, orderBody(fmt.Sprintf("burst-%d", i), w))
				mu.Lock()
				if out.status/100 == 2 {
					accepted[w] = out.at
				} else {
					refused++
				}
				mu.Unlock()
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return accepted, refused, time.Since(start)
}
