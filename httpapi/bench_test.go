package httpapi_test

import (
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/metapass/metapass/brands"
)

// BenchmarkPlaceOrder measures order intake through the whole HTTP stack
// (auth, decoding, validation, one durable SQLite transaction) with the
// minter running beside it. Figures are in the README.
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
			var n atomic.Int64
			place := func() {
				body := order(fmt.Sprintf("B-%d", n.Add(1)), "XO-70CL", 1, w)
				if r := s.do(b, "POST", path, admin, body); r.status != 202 {
					b.Fatalf("status %d: %s", r.status, r.body)
				}
			}
			b.ResetTimer()
			if parallel {
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
		})
	}
}
