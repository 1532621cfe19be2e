package httpapi_test

import (
	"bytes"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/metapass/metapass/brands"
)

// BenchmarkPlaceOrder measures order intake through the whole HTTP stack
// (auth, decoding, validation, one durable SQLite transaction) with the
// minter running beside it, and the latency of each order. Figures are in
// the README.
func BenchmarkPlaceOrder(b *testing.B) {
	for _, parallel := range []bool{false, true} {
		b.Run(map[bool]string{false: "serial", true: "parallel"}[parallel], func(b *testing.B) {
			s := newStack(b, stackOptions{})
			_, keys := s.brand(b, "A")
			admin := keys[brands.RoleAdmin]
			id := s.launch(b, admin, map[string]any{"supply_cap": 1_000_000_000})
			s.must(b, 202, "POST", "/v1/launches/"+id+"/publish", admin, nil)
			path := "/v1/launches/" + id + "/orders"
			w := wallet(b)
			var (
				n   atomic.Int64
				mu  sync.Mutex
				lat []time.Duration
			)
			place := func() {
				body := order(fmt.Sprintf("B-%d", n.Add(1)), "XO-70CL", 1, w)
				start := time.Now()
				if r := s.do(b, "POST", path, admin, body); r.status != 202 {
					b.Fatalf("status %d: %s", r.status, r.body)
				}
				d := time.Since(start)
				mu.Lock()
				lat = append(lat, d)
				mu.Unlock()
			}
			b.ResetTimer()
			if parallel {
				b.SetParallelism(32) // 64 clients on this 2-core machine
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						place()
					}
				})
			} else {
				for b.Loop() {
					place()
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "orders/s")
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
		})
	}
}

// BenchmarkRedeem measures redemptions through HTTP with a customer
// session: each re-checks the holder on chain and commits one SQLite
// transaction. "serial" is one client; "contended" is concurrent clients on
// the same perk row.
func BenchmarkRedeem(b *testing.B) {
	s := newStack(b, stackOptions{})
	brandID, keys := s.brand(b, "A")
	admin := keys[brands.RoleAdmin]
	key := newKey(b)
	addr := crypto.PubkeyToAddress(key.PublicKey).Hex()
	launch := s.launch(b, admin, nil)
	s.must(b, 202, "POST", "/v1/launches/"+launch+"/publish", admin, nil)
	o := s.must(b, 202, "POST", "/v1/launches/"+launch+"/orders", admin, order("o-1", "XO-70CL", 1, addr))
	s.waitOrder(b, admin, o["id"].(string), "minted")
	perk := s.must(b, 201, "POST", "/v1/launches/"+launch+"/perks", admin, map[string]any{
		"kind": "access", "title": "lounge", "rule": map[string]any{"holds": map[string]any{"launches": []string{launch}}},
	})["id"].(string)
	session := s.signIn(b, brandID, key)
	s.poll(b, "/v1/wallets/"+addr+"/perks", session, func(m map[string]any) bool {
		return m["data"].([]any)[0].(map[string]any)["eligible"] == true
	})
	var (
		mu  sync.Mutex
		lat []time.Duration
	)
	redeem := func() {
		start := time.Now()
		if r := s.do(b, "POST", "/v1/perks/"+perk+"/redemptions", session, map[string]any{}); r.status != 201 {
			b.Fatalf("status %d: %s", r.status, r.body)
		}
		mu.Lock()
		lat = append(lat, time.Since(start))
		mu.Unlock()
	}
	report := func(b *testing.B) {
		slices.Sort(lat)
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "redemptions/s")
		b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
		lat = lat[:0]
	}
	b.Run("serial", func(b *testing.B) {
		for b.Loop() {
			redeem()
		}
		report(b)
	})
	b.Run("contended", func(b *testing.B) {
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				redeem()
			}
		})
		report(b)
	})
}

// BenchmarkWalletPerks measures GET /v1/wallets/{address}/perks for a wallet
// holding 10 passes with 50 perks: auth, the ownership index, limits, JSON.
func BenchmarkWalletPerks(b *testing.B) {
	s := newStack(b, stackOptions{blockInterval: time.Second})
	session, addr := s.perkedWallet(b, 10, 50)
	reads := s.chainReads.Load()
	lat := make([]time.Duration, 0, 1<<16)
	for b.Loop() {
		start := time.Now()
		r := s.do(b, "GET", "/v1/wallets/"+addr+"/perks", session, nil)
		lat = append(lat, time.Since(start))
		if r.status != 200 {
			b.Fatalf("status %d: %s", r.status, r.body)
		}
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
	b.ReportMetric(float64(s.chainReads.Load()-reads), "chain-calls")
}

// BenchmarkCheckIn measures a door scan through HTTP: staff key, code
// signature, owner read on chain at the confirmed head, one SQLite write
// transaction. Each iteration admits a new pass (rejections are cheaper).
func BenchmarkCheckIn(b *testing.B) {
	s := newStack(b, stackOptions{blockInterval: time.Second})
	brandID, keys := s.brand(b, "A")
	admin := keys[brands.RoleAdmin]
	key := newKey(b)
	addr := crypto.PubkeyToAddress(key.PublicKey).Hex()
	launch := s.launch(b, admin, map[string]any{"supply_cap": 100_000})
	s.must(b, 202, "POST", "/v1/launches/"+launch+"/publish", admin, nil)
	o := s.must(b, 202, "POST", "/v1/launches/"+launch+"/orders", admin, order("o-1", "XO-70CL", 1, addr))
	token := s.waitOrder(b, admin, o["id"].(string), "minted")["passes"].([]any)[0].(map[string]any)["token_id"]
	session := s.signIn(b, brandID, key)
	s.poll(b, "/v1/wallets/"+addr+"/passes", session, func(m map[string]any) bool { return len(m["data"].([]any)) == 1 })
	now := time.Now().UTC()
	var lat []time.Duration
	n := 0
	for b.Loop() {
		b.StopTimer()
		n++
		ev := s.must(b, 201, "POST", "/v1/events", admin, map[string]any{
			"name": fmt.Sprint("night ", n), "starts_at": now.Add(-time.Minute).Format(time.RFC3339),
			"ends_at": now.Add(time.Hour).Format(time.RFC3339), "capacity": 10, "launches": []string{launch},
		})["id"].(string)
		staff := s.must(b, 201, "POST", "/v1/events/"+ev+"/staff-keys", admin, map[string]any{})["secret"].(string)
		code := s.must(b, 200, "GET", fmt.Sprintf("/v1/events/%s/entry-code?launch_id=%s&token_id=%v", ev, launch, token), session, nil)["code"]
		b.StartTimer()
		start := time.Now()
		r := s.do(b, "POST", "/v1/events/"+ev+"/checkins", staff, map[string]any{"code": code})
		lat = append(lat, time.Since(start))
		if r.status != 200 || !bytes.Contains(r.body, []byte(`"admitted"`)) {
			b.Fatalf("status %d: %s", r.status, r.body)
		}
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}
