package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// report is everything one run measured.
type report struct {
	Options  options
	Intake   *intakeReport
	Bursts   []burstResult // as configured, then tuned
	Webhooks *webhooksResult
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

func mib(b int64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }

// setupName names an intake run's storage and chain.
func setupName(r rate) string { return r.Name + ", " + r.Chain }

// markdown writes the report as markdown.
func (r report) markdown(w io.Writer) {
	o := r.Options
	if in := r.Intake; in != nil {
		fmt.Fprintf(w, "### Order intake\n\n%d concurrent clients, %v counted after %v of warm-up, minter running beside it; each order one pass to a new wallet. A devnet sealing a block every %v mints at most a block's capacity per interval, as a public chain would; the embedded dev chain seals on every transaction, so its minter mints as fast as orders come.\n\n",
			o.Clients, o.Duration, o.Warmup, o.BlockInterval)
		fmt.Fprintln(w, "| storage, chain | replicas | accepted/s | p50 | p99 | non-2xx | no answer | minted meanwhile | CPU stolen by the host |")
		fmt.Fprintln(w, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
		for _, x := range in.Runs {
			fmt.Fprintf(w, "| %s | %d | %s | %s | %s | %d | %d | %s | %.1f %% |\n", setupName(x), x.Replicas, thousands(x.PerSecond()), ms(x.P50), ms(x.P99),
				x.Refused, x.Failed, thousands(float64(x.Minted)), 100*x.Stolen)
		}
		raw := in.Raw
		fmt.Fprintf(w, "| same SQLite file, no HTTP: the store, 1 thread, one durable transaction per order | — | %s | %s | %s | — | — | — | — |\n\n",
			thousands(raw.PerSecond()), ms(raw.P50), ms(raw.P99))
		if raw.PerSecond() > 0 && len(in.Runs) > 0 {
			fmt.Fprintf(w, "HTTP on SQLite ÷ raw single-threaded inserts: %.2f× (%d raw orders in %v).\n\n",
				in.Runs[0].PerSecond()/raw.PerSecond(), raw.Accepted, raw.Elapsed.Round(time.Millisecond))
		}
	}
	if wh := r.Webhooks; wh != nil {
		rate := "as fast as they were taken"
		if wh.OrderRate > 0 {
			rate = fmt.Sprintf("at most %s a second", thousands(float64(wh.OrderRate)))
		}
		fmt.Fprintf(w, "### Webhook delivery\n\n%s orders from %d clients, %s (placed in %v), to one replica on SQLite with its embedded dev chain; each order's order.minted to one local endpoint answering 204 at once, -webhook-concurrency %d. Latency: from the event's created_at (the commit confirming the mint) to its arrival.\n\n",
			thousands(float64(wh.Orders)), o.Clients, rate, wh.Placed.Round(time.Millisecond), wh.PerEndpoint)
		fmt.Fprintln(w, "| delivered | first → last | deliveries/s | p50 | p90 | p99 | max |")
		fmt.Fprintln(w, "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
		fmt.Fprintf(w, "| %s | %v | **%s** | %s | %s | **%s** | %s |\n\n", thousands(float64(wh.Delivered)), wh.Span.Round(time.Millisecond),
			thousands(wh.PerSecond()), ms(wh.Latency.P50), ms(wh.Latency.P90), ms(wh.Latency.P99), ms(wh.Latency.Max))
	}
	if len(r.Bursts) == 0 {
		return
	}
	fmt.Fprintf(w, "### Minting burst\n\n%s orders from %d clients to one replica on SQLite, against a devnet sealing a block every %v (and only then, as a public chain).\n",
		thousands(float64(o.Orders)), o.Clients, o.BlockInterval)
	fmt.Fprintln(w, "Capacity of a block: its gas limit ÷ the gas per pass measured over every mint; fill: passes minted ÷ capacity, averaged from the first to the last block with a mint.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| -batch-size | -max-in-flight | placed in | gas per pass | capacity | blocks | mean fill | blocks with queue ≥ capacity: mean fill | order → minted p50 | p99 | VmRSS after | VmHWM |")
	fmt.Fprintln(w, "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, b := range r.Bursts {
		f := b.Fill
		capacity := 0.0
		if len(f.Capacity) > 0 {
			capacity = f.Capacity[0]
		}
		fmt.Fprintf(w, "| %d | %d | %v | %s | %s | %d | **%.1f %%** | %d: %.1f %% | %v | %v | %s | %s |\n", b.BatchSize, b.MaxInFlight,
			b.Placed.Round(time.Millisecond), thousands(f.GasPerPass), thousands(capacity), len(b.Blocks), f.Mean, b.FullBlocks, b.FullFill,
			b.ToMinted.P50.Round(time.Millisecond), b.ToMinted.P99.Round(time.Millisecond), mib(b.Memory.RSS), mib(b.Memory.HWM))
	}
	fmt.Fprintln(w, "\nQueue: orders accepted and not yet minted when the block was read. Order → minted: from the order's 202 to its Transfer seen in a new block (polled every 100 ms).")
	for _, b := range r.Bursts {
		f := b.Fill
		fmt.Fprintf(w, "\n-batch-size %d, -max-in-flight %d: mints' gas limit ÷ gas used %.2f.\n\n", b.BatchSize, b.MaxInFlight, f.Margin)
		fmt.Fprintln(w, "| block | queue | passes | mint txs | gas used by mints | block gas limit | capacity | fill |")
		fmt.Fprintln(w, "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
		for i, x := range b.Blocks {
			fmt.Fprintf(w, "| %d | %d | %d | %d | %s | %s | %s | %.1f %% |\n", x.Number, b.Backlog[i], x.Passes, x.MintTxs,
				thousands(float64(x.MintGas)), thousands(float64(x.GasLimit)), thousands(f.Capacity[i]), f.Percent[i])
		}
	}
}

// writeCharts writes intake.svg and fill.svg into dir.
func (r report) writeCharts(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if in := r.Intake; in != nil {
		var rows []bar
		for _, x := range in.Runs {
			label := fmt.Sprintf("%s, %d replicas", x.Name, x.Replicas)
			if x.Replicas == 1 {
				label = x.Name + ", 1 replica"
			}
			if strings.HasPrefix(x.Chain, "embedded") {
				label += ", embedded chain"
			}
			rows = append(rows, bar{Label: label, Value: x.PerSecond(),
				Note: fmt.Sprintf(" · p50 %s · p99 %s", ms(x.P50), ms(x.P99))})
		}
		rows = append(rows, bar{Label: "SQLite file, no HTTP, 1 thread", Value: in.Raw.PerSecond(),
			Note: fmt.Sprintf(" · p50 %s · p99 %s", ms(in.Raw.P50), ms(in.Raw.P99))})
		title := fmt.Sprintf("Orders accepted per second (%d HTTP clients; a devnet with %v blocks unless marked)", r.Options.Clients, r.Options.BlockInterval)
		if err := os.WriteFile(filepath.Join(dir, "intake.svg"), []byte(barChart(title, "/s", rows)), 0o644); err != nil {
			return err
		}
	}
	for i, b := range r.Bursts {
		title := fmt.Sprintf("Fill per block (minted ÷ capacity): %s orders, %v blocks, -batch-size %d, -max-in-flight %d",
			thousands(float64(b.Orders)), r.Options.BlockInterval, b.BatchSize, b.MaxInFlight)
		name := "fill.svg"
		if i > 0 {
			name = "fill-tuned.svg"
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(fillChart(title, b.Blocks, b.Fill)), 0o644); err != nil {
			return err
		}
	}
	return nil
}
