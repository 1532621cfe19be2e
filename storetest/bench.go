package storetest

import (
	"context"
	"fmt"
	"math/big"
	"slices"
	"testing"
	"time"

	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/passes"
)

// Bulk is a run of queued passes written straight in SQL: N passes of
// LaunchID under its order OrderID, editions First, First+1, …, to the
// recipients BenchAddress(Base), …, BenchAddress(Base+Recipients-1) in
// turn.
type Bulk struct {
	LaunchID, OrderID          string
	First, N, Base, Recipients int64
}

// BulkQueue writes every run of runs, leaving the planner's statistics
// as the service would have them.
type BulkQueue func(ctx context.Context, runs []Bulk) error

// BenchAddress is the address of recipient i of the benchmark's queues.
func BenchAddress(i int64) string { return fmt.Sprintf("0x%040x", i) }

// Shape of BenchQueuedPasses's queue: 1,000,000 queued passes.
const (
	benchWhale       = 100_000 // passes of the hostile launch, all to one recipient
	benchLaunches    = 90      // ordinary launches
	benchPerLaunch   = 10_000  // passes of each ordinary launch
	benchRecipients  = 1_000   // recipients of each ordinary launch
	benchBatch       = 100     // passes per mint, as the minter's default
	benchWhaleWallet = 1       // BenchAddress of the hostile launch's recipient
)

// BenchQueuedPasses measures QueuedPasses, the minter's read of each round,
// over 1,000,000 queued passes: one hostile launch of 100,000 passes to one
// recipient whose first batch is in flight, and 90 launches of 10,000
// passes to 1,000 recipients each, with a batch in flight too. Calls go to
// the launches in turn, the hostile one every tenth call; it reports the
// p99 of a call over all of them (p99-ms) and over the hostile launch's
// (hostile-p99-ms), and the median (p50-ms).
func BenchQueuedPasses(b *testing.B, s Stores, bulk BulkQueue) {
	ctx := b.Context()
	start := time.Now()
	if err := s.Brands.CreateBrand(ctx, brands.Brand{ID: brandA, Name: "Brand A", CreatedAt: now()}); err != nil {
		b.Fatal(err)
	}
	svc := &passes.Service{Store: s.Passes, ChainID: chainID, Now: time.Now}
	// Each launch gets one order through the service (its first pass), the
	// rest of its queue in bulk.
	var runs []Bulk
	var ids []string
	for i := range benchLaunches + 1 {
		n, base, recipients := int64(benchPerLaunch), int64(1_000_000*(i+1)), int64(benchRecipients)
		if i == 0 {
			n, base, recipients = benchWhale, benchWhaleWallet, 1
		}
		l, err := svc.CreateLaunch(ctx, brandA, passes.Launch{Name: "Bench", Symbol: "B", SupplyCap: n,
			SKUs: []passes.SKU{{SKU: "A", PassesPerUnit: 1}}})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := svc.Transition(ctx, brandA, l.ID, passes.Publish); err != nil {
			b.Fatal(err)
		}
		o, _, err := svc.PlaceOrder(ctx, brandA, l.ID, passes.OrderRequest{OrderID: "B-" + l.ID, SKU: "A", Quantity: 1, Wallet: BenchAddress(base)})
		if err != nil {
			b.Fatal(err)
		}
		runs = append(runs, Bulk{LaunchID: l.ID, OrderID: o.ID, First: 2, N: n - 1, Base: base, Recipients: recipients})
		ids = append(ids, l.ID)
	}
	if err := bulk(ctx, runs); err != nil {
		b.Fatal(err)
	}
	// A batch of each launch in flight.
	for i, id := range ids {
		ps, err := s.Passes.QueuedPasses(ctx, id, benchBatch)
		if err != nil || len(ps) == 0 {
			b.Fatalf("queued passes of %s: %d %v", id, len(ps), err)
		}
		pids, tokens := make([]int64, len(ps)), make([]string, len(ps))
		for j, p := range ps {
			pids[j] = p.ID
			if tokens[j], err = passes.ChainTokenID(p.Recipient, p.TokenID); err != nil {
				b.Fatal(err)
			}
		}
		tx := passes.ChainTx{ChainID: chainID, Sender: signer, Nonce: uint64(i), Hash: txHash(10_000 + i), Raw: []byte{1},
			Kind: passes.TxMint, LaunchID: id, CreatedAt: now(), GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(1)}
		if _, err := s.Passes.RecordMint(ctx, tx, pids, tokens); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("setup: %d queued passes in %v", benchWhale+benchLaunches*benchPerLaunch, time.Since(start).Round(time.Millisecond))

	var all, hostile []time.Duration
	i := 0
	for b.Loop() {
		id := ids[0]
		if i%10 != 0 {
			id = ids[1+i%benchLaunches]
		}
		t := time.Now()
		ps, err := s.Passes.QueuedPasses(ctx, id, benchBatch)
		d := time.Since(t)
		if err != nil {
			b.Fatal(err)
		}
		all = append(all, d)
		if id == ids[0] {
			if len(ps) != 0 {
				b.Fatalf("the hostile launch gave %d passes with its only recipient in flight", len(ps))
			}
			hostile = append(hostile, d)
		} else if len(ps) != benchBatch {
			b.Fatalf("launch %s gave %d passes, want %d", id, len(ps), benchBatch)
		}
		i++
	}
	b.ReportMetric(quantileMS(all, 50), "p50-ms")
	b.ReportMetric(quantileMS(all, 99), "p99-ms")
	b.ReportMetric(quantileMS(hostile, 99), "hostile-p99-ms")
}

// quantileMS is the q-th percentile of ds in milliseconds.
func quantileMS(ds []time.Duration, q int) float64 {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	return float64(ds[len(ds)*q/100]) / float64(time.Millisecond)
}
