package perks_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/metapass/metapass/perks"
)

// BenchmarkEligibility: a wallet holding 10 passes asks for all 50 perks of
// its brand, answered from SQLite alone (the holdings source here makes no
// chain call; in service it is the ownership index). It reports p99 too.
func BenchmarkEligibility(b *testing.B) {
	f := newFixture(b)
	held := make([]perks.Held, 10)
	for i := range held {
		held[i] = perks.Held{LaunchID: f.launchID, TokenID: uint64(i + 1), Since: f.now.AddDate(0, 0, -i*5),
			Attributes: map[string]string{"Tier": []string{"Gold", "Silver"}[i%2]}}
	}
	f.h.set("0xA", held...)
	for i := range 50 {
		f.perk(b, func(p *perks.Perk) {
			p.Title = fmt.Sprintf("perk %d", i)
			p.Limit = perks.Limit{PerToken: 1 + i%3, Period: []perks.Period{"", perks.PeriodMonth}[i%2]}
			p.Rule = perks.Rule{Any: []perks.Rule{
				{Holds: &perks.Holds{Launches: []string{f.launchID}, Min: 1 + i%4, HeldDays: i % 30}},
				{All: []perks.Rule{{Holds: &perks.Holds{Launches: []string{f.launchID}, Attributes: map[string][]string{"Tier": {"Gold"}}}}}},
			}}
		})
	}
	ctx := b.Context()
	lat := make([]time.Duration, 0, 1<<16)
	for b.Loop() {
		start := time.Now()
		st, err := f.svc.Eligibility(ctx, "brd_1", "0xA")
		if err != nil || len(st) != 50 {
			b.Fatalf("%d perks, %v", len(st), err)
		}
		lat = append(lat, time.Since(start))
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}
