package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

func TestPercentile(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		ds := make([]time.Duration, len(ns))
		for i, n := range ns {
			ds[i] = time.Duration(n) * time.Millisecond
		}
		return ds
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = 100 - i // 100..1, unsorted
	}
	for _, c := range []struct {
		name string
		ds   []time.Duration
		p    float64
		want time.Duration
	}{
		{"none", nil, 50, 0},
		{"one", ms(7), 99, 7 * time.Millisecond},
		{"median of four is the second", ms(4, 1, 3, 2), 50, 2 * time.Millisecond},
		{"p50 of 1..100", ms(hundred...), 50, 50 * time.Millisecond},
		{"p99 of 1..100", ms(hundred...), 99, 99 * time.Millisecond},
		{"p100 is the largest", ms(hundred...), 100, 100 * time.Millisecond},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := percentile(c.ds, c.p); got != c.want {
				t.Errorf("percentile(%v) = %v, want %v", c.p, got, c.want)
			}
		})
	}
}

func TestComputeFill(t *testing.T) {
	const limit = 30_000_000
	bs := []block{
		{Number: 1, GasLimit: limit},
		{Number: 2, GasLimit: limit, MintGas: 15_000_000, MintGasLimit: 18_000_000, MintTxs: 3, Passes: 300},
		{Number: 3, GasLimit: limit},
		{Number: 4, GasLimit: limit, MintGas: 30_000_000, MintGasLimit: 36_000_000, MintTxs: 6, Passes: 600},
		{Number: 5, GasLimit: limit},
	}
	f := computeFill(bs)
	if f.GasPerPass != 50_000 || f.Margin != 1.2 {
		t.Fatalf("gas per pass %v, margin %v; want 50000, 1.2", f.GasPerPass, f.Margin)
	}
	if f.First != 1 || f.Last != 3 {
		t.Fatalf("window %d..%d, want 1..3 (the first and last block with a mint)", f.First, f.Last)
	}
	for i, want := range []float64{0, 50, 0, 100, 0} {
		if f.Capacity[i] != 600 || f.Percent[i] != want {
			t.Errorf("block %d: capacity %v, fill %v %%; want 600, %v %%", bs[i].Number, f.Capacity[i], f.Percent[i], want)
		}
	}
	if f.Mean != 50 { // (50 + 0 + 100) / 3: the empty block in between counts
		t.Errorf("mean fill %v %%, want 50 %%", f.Mean)
	}
	if none := computeFill(bs[:1]); none.First != -1 || none.Mean != 0 {
		t.Errorf("no mints: %+v", none)
	}
}

// TestBatchSizing checks the block packing model against the burst
// measured on the devnet: 100-pass mints of 48,558 gas a pass with a 21 %
// larger gas limit fit five to a 30M block (the sixth's limit exceeds the
// gas left), 99-pass ones six.
func TestBatchSizing(t *testing.T) {
	const limit, perPass, margin = 30_000_000, 48_558.0, 1.21
	for _, c := range []struct{ batch, want int }{{100, 500}, {99, 594}, {1, 617}} {
		if got := perBlock(limit, perPass, margin, c.batch); got != c.want {
			t.Errorf("perBlock(batch %d) = %d, want %d", c.batch, got, c.want)
		}
	}
	if got := bestBatch(limit, perPass, margin, 100); got != 99 {
		t.Errorf("bestBatch = %d, want 99", got)
	}
	if got := bestBatch(limit, 0, 0, 100); got != 100 {
		t.Errorf("bestBatch without measurements = %d, want the limit, 100", got)
	}
}

func TestParseStatus(t *testing.T) {
	status := "Name:\tmetapass\nVmPeak:\t  900000 kB\nVmHWM:\t   90112 kB\nVmRSS:\t   81920 kB\nThreads:\t12\n"
	m, err := parseStatus(strings.NewReader(status))
	if err != nil {
		t.Fatal(err)
	}
	if m.RSS != 80<<20 || m.HWM != 88<<20 {
		t.Errorf("got RSS %d, HWM %d; want 80 MiB, 88 MiB", m.RSS, m.HWM)
	}
	if _, err := parseStatus(strings.NewReader("Name:\tx\n")); err == nil {
		t.Error("a status without VmRSS parsed")
	}
}

func TestOrderBody(t *testing.T) {
	w := common.HexToAddress("0x00000000000000000000000000000000000000aB")
	var got map[string]any
	if err := json.Unmarshal(orderBody(`A-"1"`, w), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"order_id": `A-"1"`, "sku": loadSKU, "quantity": 1.0, "customer": map[string]any{"wallet": w.Hex()}}
	gb, _ := json.Marshal(got)
	wb, _ := json.Marshal(want)
	if !bytes.Equal(gb, wb) {
		t.Errorf("order body %s, want %s", gb, wb)
	}
}

// wellFormed fails unless doc is one well-formed XML (SVG) document.
func wellFormed(t *testing.T, doc string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(doc))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, doc)
		}
	}
}

func TestCharts(t *testing.T) {
	bars := barChart("Orders <per> second & more", "/s", []bar{
		{Label: "SQLite, 1 replica(s)", Value: 1800, Note: " · p50 30.0 ms"},
		{Label: "PostgreSQL", Value: 900},
		{Label: "nothing", Value: 0},
	})
	wellFormed(t, bars)
	for _, want := range []string{"<svg ", "1,800 /s", "Orders &lt;per&gt; second &amp; more", `width="300.0"`, `width="150.0"`, `width="0.0"`} {
		if !strings.Contains(bars, want) {
			t.Errorf("bar chart lacks %q", want)
		}
	}
	bs := []block{{Number: 7, GasLimit: 30_000_000, MintGas: 29_000_000, Passes: 580}, {Number: 8, GasLimit: 30_000_000}}
	fills := fillChart("Fill", bs, computeFill(bs))
	wellFormed(t, fills)
	for _, want := range []string{"block 7: 580 passes, 96.7 %", "goal 90 %", "mean 96.7 %"} {
		if !strings.Contains(fills, want) {
			t.Errorf("fill chart lacks %q", want)
		}
	}
	wellFormed(t, fillChart("empty", nil, computeFill(nil)))
}

func TestThousands(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 999.5: "1,000", 1234567: "1,234,567", -4321: "-4,321", math.Round(617.4): "617"} {
		if got := thousands(v); got != want {
			t.Errorf("thousands(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestQueued(t *testing.T) {
	t0 := time.Now()
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	bs := []block{
		{Number: 1, GasLimit: 1000, MintGas: 500, Passes: 5, Seen: at(1000)},
		{Number: 2, GasLimit: 1000, MintGas: 1000, Passes: 10, Seen: at(2000)},
		{Number: 3, GasLimit: 1000, MintGas: 500, Passes: 5, Seen: at(3000)},
	}
	// 20 orders: 12 before block 1, 8 more before block 2.
	var accepted []time.Time
	for i := range 12 {
		accepted = append(accepted, at(900-i))
	}
	for range 8 {
		accepted = append(accepted, at(1500))
	}
	f := computeFill(bs) // 100 gas a pass: capacity 10
	backlog, full, n := queued(bs, f, accepted)
	if want := []int{12, 15, 5}; !slices.Equal(backlog, want) {
		t.Errorf("backlog %v, want %v", backlog, want)
	}
	if n != 2 || full != 75 { // blocks 1 (50 %) and 2 (100 %) had at least 10 queued
		t.Errorf("%d blocks with a full queue, mean fill %v %%; want 2, 75 %%", n, full)
	}
}

func TestCPUTimes(t *testing.T) {
	before, err := parseCPUTimes(strings.NewReader("cpu  100 0 50 800 10 0 0 40 0 0\ncpu0 1 2 3\n"))
	if err != nil {
		t.Fatal(err)
	}
	after, err := parseCPUTimes(strings.NewReader("cpu  200 0 100 950 10 0 0 140 20 0\n"))
	if err != nil {
		t.Fatal(err)
	}
	if before.total != 1000 || before.steal != 40 {
		t.Fatalf("parsed %+v, want total 1000, steal 40", before)
	}
	if got := after.stolenSince(before); got != 0.25 {
		t.Fatalf("stolen %v, want 0.25 (100 of 400 ticks)", got)
	}
	if _, err := parseCPUTimes(strings.NewReader("intr 1 2 3\n")); err == nil {
		t.Fatal("a line that is not cpu parsed")
	}
}
