package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/metapass/metapass/passes"
	"github.com/metapass/metapass/sqlite"
)

// rate is what one intake run measured.
type rate struct {
	Name     string // storage
	Chain    string
	Replicas int
	Clients  int
	Accepted int // 2xx answers
	Refused  int // other answers
	Failed   int // requests that got no answer
	Elapsed  time.Duration
	P50, P99 time.Duration // of accepted orders
	Minted   int64         // passes of the launch minted by the end of the run
	Stolen   float64       // share of the machine's CPU time its host took while the run counted
}

// PerSecond is the accepted orders per second.
func (r rate) PerSecond() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Accepted) / r.Elapsed.Seconds()
}

// intakeRun configures one HTTP run.
type intakeRun struct {
	Name     string
	Chain    string
	Bases    []string // replicas, spread round-robin
	Key      string   // brand admin key
	LaunchID string
	Clients  int
	Warmup   time.Duration // posted but not counted
	Duration time.Duration
}

// runIntake posts orders from r.Clients concurrent clients, each request
// to the next replica in turn, for r.Warmup and then r.Duration; only the
// requests sent after the warm-up count.
func runIntake(ctx context.Context, r intakeRun) rate {
	hc := orderClient(r.Clients)
	var (
		seq     atomic.Int64
		mu      sync.Mutex
		wg      sync.WaitGroup
		lat     []time.Duration
		res     = rate{Name: r.Name, Chain: r.Chain, Replicas: len(r.Bases), Clients: r.Clients}
		start   = time.Now()
		counted = start.Add(r.Warmup)
		end     = counted.Add(r.Duration)
		last    time.Time
	)
	stolen := make(chan float64, 1)
	go func() {
		defer close(stolen)
		if !sleepUntil(ctx, counted) {
			return
		}
		before, _ := readCPUTimes()
		if !sleepUntil(ctx, end) {
			return
		}
		after, _ := readCPUTimes()
		stolen <- after.stolenSince(before)
	}()
	for w := range r.Clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			var ok, refused, failed int
			var lastAt time.Time
			for i := 0; ; i++ {
				sent := time.Now()
				if !sent.Before(end) || ctx.Err() != nil {
					break
				}
				n := seq.Add(1)
				body := orderBody(fmt.Sprintf("%s-%d-%d", r.Name, w, i), randomWallet())
				o := postOrder(hc, r.Bases[int(n)%len(r.Bases)], r.Key, r.LaunchID, body)
				if sent.Before(counted) {
					continue
				}
				lastAt = o.at
				switch {
				case o.status == 0:
					failed++
				case o.status/100 != 2:
					refused++
				default:
					ok++
					mine = append(mine, o.latency)
				}
			}
			mu.Lock()
			defer mu.Unlock()
			lat = append(lat, mine...)
			res.Accepted += ok
			res.Refused += refused
			res.Failed += failed
			if lastAt.After(last) {
				last = lastAt
			}
		}()
	}
	wg.Wait()
	res.Stolen = <-stolen
	res.Elapsed = last.Sub(counted)
	res.P50, res.P99 = percentile(lat, 50), percentile(lat, 99)
	return res
}

// runRaw places orders on launchID of brandID straight into the SQLite
// file at path through the adapter's store, with no HTTP: one at a time,
// each its own durable transaction, for up to d or n orders.
func runRaw(ctx context.Context, path, brandID, launchID string, n int, d time.Duration) (rate, error) {
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return rate{}, err
	}
	defer db.Close()
	svc := &passes.Service{Store: db.Passes(), ChainID: 0, Now: time.Now}
	res := rate{Name: "raw", Replicas: 0, Clients: 1}
	lat := make([]time.Duration, 0, n)
	start := time.Now()
	for i := 0; i < n && time.Since(start) < d; i++ {
		t := time.Now()
		_, created, err := svc.PlaceOrder(ctx, brandID, launchID, passes.OrderRequest{
			OrderID: fmt.Sprintf("raw-%d", i), SKU: loadSKU, Quantity: 1, Wallet: randomWallet().Hex(),
		})
		if err != nil {
			return res, fmt.Errorf("raw order %d: %w", i, err)
		}
		if !created {
			return res, fmt.Errorf("raw order %d was a replay", i)
		}
		lat = append(lat, time.Since(t))
	}
	res.Accepted, res.Elapsed = len(lat), time.Since(start)
	res.P50, res.P99 = percentile(lat, 50), percentile(lat, 99)
	return res, nil
}

// sleepUntil waits until t, or reports false if ctx ends first.
func sleepUntil(ctx context.Context, t time.Time) bool {
	timer := time.NewTimer(time.Until(t))
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// cpuTimes are the machine's CPU times from /proc/stat, in ticks.
type cpuTimes struct{ total, steal uint64 }

// readCPUTimes reads the machine's CPU times; zero where /proc/stat is not.
func readCPUTimes() (cpuTimes, error) {
	f, err := os.Open("/proc/stat")
	if err != nil {
		return cpuTimes{}, err
	}
	defer f.Close()
	return parseCPUTimes(f)
}

// parseCPUTimes reads the first line of /proc/stat: "cpu user nice system
// idle iowait irq softirq steal …".
func parseCPUTimes(r io.Reader) (cpuTimes, error) {
	line, err := bufio.NewReader(r).ReadString('\n')
	fields := strings.Fields(line)
	if len(fields) < 9 || fields[0] != "cpu" {
		return cpuTimes{}, fmt.Errorf("not a /proc/stat cpu line: %q (%v)", line, err)
	}
	var t cpuTimes
	for i, f := range fields[1:] {
		n, err := strconv.ParseUint(f, 10, 64)
		if err != nil {
			return cpuTimes{}, fmt.Errorf("/proc/stat field %d: %w", i+1, err)
		}
		if i < 8 { // guest times are counted in user and nice already
			t.total += n
		}
		if i == 7 {
			t.steal = n
		}
	}
	return t, nil
}

// stolenSince is the share of CPU time the host took between before and t.
func (t cpuTimes) stolenSince(before cpuTimes) float64 {
	if t.total <= before.total {
		return 0
	}
	return float64(t.steal-before.steal) / float64(t.total-before.total)
}
