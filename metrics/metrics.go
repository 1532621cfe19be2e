// Package metrics exposes the service to Prometheus: counters the minter
// feeds as it works, and gauges read from the database at each scrape, so
// every replica reports the same totals.
package metrics

import (
	"context"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/metapass/metapass/passes"
)

// Stats reads what a scrape reports from storage.
type Stats interface {
	// Counts returns totals by name: orders, passes by state
	// ("passes:minted"), check-ins by result ("checkins:admitted"),
	// redemptions.
	Counts(ctx context.Context) (map[string]int64, error)
	// TimesToMinted returns, for up to the last n minted passes, the time
	// from their order to their mint's confirmation.
	TimesToMinted(ctx context.Context, n int) ([]time.Duration, error)
	// IndexedTo is the highest block the ownership index recorded.
	IndexedTo(ctx context.Context) (uint64, bool, error)
}

// Head reads the chain's latest block.
type Head interface {
	Head(ctx context.Context) (uint64, error)
}

// Metrics are the service's Prometheus metrics.
type Metrics struct {
	registry  *prometheus.Registry
	mintTxs   *prometheus.CounterVec
	batchSize prometheus.Histogram
	gasUsed   prometheus.Counter
	failures  prometheus.Counter
}

var _ passes.MintObserver = (*Metrics)(nil)

// New registers the metrics, reading scrape-time ones from stats and head.
func New(stats Stats, head Head, log *slog.Logger) *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		mintTxs: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "metapass_chain_transactions_total",
			Help: "Transactions of this replica's minter by kind (deploy, mint, burn, fund) and outcome (confirmed, failed, dropped, replaced)."},
			[]string{"kind", "outcome"}),
		batchSize: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "metapass_mint_batch_passes",
			Help: "Passes carried by each mint transaction.", Buckets: []float64{1, 2, 5, 10, 25, 50, 100, 200}}),
		gasUsed: prometheus.NewCounter(prometheus.CounterOpts{Name: "metapass_gas_used_total",
			Help: "Gas used by this replica's confirmed and failed transactions."}),
		failures: prometheus.NewCounter(prometheus.CounterOpts{Name: "metapass_rpc_errors_total",
			Help: "Minter rounds that failed on the chain (unreachable, timeouts, malformed answers)."}),
	}
	m.registry.MustRegister(m.mintTxs, m.batchSize, m.gasUsed, m.failures,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		&scrape{stats: stats, head: head, log: log})
	return m
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}

// Settled counts a transaction's outcome and its gas.
func (m *Metrics) Settled(kind passes.TxKind, outcome string, gasUsed uint64) {
	m.mintTxs.WithLabelValues(string(kind), outcome).Inc()
	m.gasUsed.Add(float64(gasUsed))
}

// Minting records a mint batch's size.
func (m *Metrics) Minting(n int) { m.batchSize.Observe(float64(n)) }

// Failed counts a failed minter round.
func (m *Metrics) Failed() { m.failures.Inc() }

// scrape reads the database and the chain when Prometheus asks.
type scrape struct {
	stats Stats
	head  Head
	log   *slog.Logger
}

var (
	descOrders      = prometheus.NewDesc("metapass_orders_accepted", "Orders accepted (all replicas).", nil, nil)
	descPasses      = prometheus.NewDesc("metapass_passes", "Passes by state (all replicas).", []string{"state"}, nil)
	descCheckins    = prometheus.NewDesc("metapass_checkins", "Door scans by result.", []string{"result"}, nil)
	descRedemptions = prometheus.NewDesc("metapass_redemptions", "Perk redemptions.", nil, nil)
	descToMinted    = prometheus.NewDesc("metapass_time_to_minted_seconds", "Time from order to confirmed mint over the last 1,000 minted passes.", []string{"quantile"}, nil)
	descIndexLag    = prometheus.NewDesc("metapass_index_lag_blocks", "Blocks between the chain's head and the ownership index.", nil, nil)
)

func (s *scrape) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descOrders, descPasses, descCheckins, descRedemptions, descToMinted, descIndexLag} {
		ch <- d
	}
}

func (s *scrape) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	counts, err := s.stats.Counts(ctx)
	if err != nil {
		s.log.Warn("metrics: counts", slog.Any("err", err))
	}
	for name, n := range counts {
		kind, label, _ := strings.Cut(name, ":")
		switch kind {
		case "orders":
			ch <- prometheus.MustNewConstMetric(descOrders, prometheus.GaugeValue, float64(n))
		case "passes":
			ch <- prometheus.MustNewConstMetric(descPasses, prometheus.GaugeValue, float64(n), label)
		case "checkins":
			ch <- prometheus.MustNewConstMetric(descCheckins, prometheus.GaugeValue, float64(n), label)
		case "redemptions":
			ch <- prometheus.MustNewConstMetric(descRedemptions, prometheus.GaugeValue, float64(n))
		}
	}
	if ds, err := s.stats.TimesToMinted(ctx, 1000); err != nil {
		s.log.Warn("metrics: time to minted", slog.Any("err", err))
	} else if len(ds) > 0 {
		slices.Sort(ds)
		for _, q := range []struct {
			label string
			at    float64
		}{{"0.5", 0.5}, {"0.99", 0.99}} {
			ch <- prometheus.MustNewConstMetric(descToMinted, prometheus.GaugeValue, ds[int(q.at*float64(len(ds)-1))].Seconds(), q.label)
		}
	}
	indexed, ok, err := s.stats.IndexedTo(ctx)
	if err != nil || !ok {
		return
	}
	if head, err := s.head.Head(ctx); err == nil && head >= indexed {
		ch <- prometheus.MustNewConstMetric(descIndexLag, prometheus.GaugeValue, float64(head-indexed))
	}
}
