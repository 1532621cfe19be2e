package httpapi

import (
	"fmt"
	"io"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
)

// TestBuckets: a caller gets its burst, then waits for tokens; callers do
// not share buckets; idle buckets are evicted, and past maxBuckets new
// callers share one overflow bucket, so memory stays bounded.
func TestBuckets(t *testing.T) {
	b := newBuckets(2) // burst 8
	at := time.Unix(1_000_000, 0)
	for i := range 8 {
		if _, ok := b.take("a", at); !ok {
			t.Fatalf("request %d of the burst refused", i)
		}
	}
	wait, ok := b.take("a", at)
	if ok || wait <= 0 || wait > time.Second {
		t.Fatalf("past the burst: ok %v, wait %v; want refused with a wait of 0.5s", ok, wait)
	}
	if _, ok := b.take("b", at); !ok {
		t.Fatal("another caller shares a's bucket")
	}
	if _, ok := b.take("a", at.Add(500*time.Millisecond)); !ok {
		t.Fatal("no token after waiting for one")
	}

	later := at.Add(time.Hour)
	b.take("c", later)
	if n := b.len(); n != 1 {
		t.Fatalf("%d buckets after an hour idle, want 1 (the new caller's)", n)
	}
	for i := range maxBuckets + 100 {
		b.take(fmt.Sprint("ip", i), later)
	}
	if n := b.len(); n > maxBuckets {
		t.Fatalf("%d buckets, want at most %d", n, maxBuckets)
	}
	if newBuckets(0) != nil {
		t.Fatal("rate 0 is not off")
	}
	if _, ok := (*buckets)(nil).take("a", at); !ok {
		t.Fatal("no limit refused a request")
	}
}

// TestClientIPBehindProxies: without trusted proxies the peer is the
// client, whatever X-Forwarded-For says; behind them the client is the
// rightmost address that is not a proxy, so a client cannot pick its
// bucket by writing the header itself.
func TestClientIPBehindProxies(t *testing.T) {
	// app.Test's connections come from 0.0.0.0.
	for _, tc := range []struct {
		name      string
		trusted   []string
		xff, want string
	}{
		{"no proxy trusted", nil, "203.0.113.9", "0.0.0.0"},
		{"proxy trusted", []string{"0.0.0.0/32"}, "203.0.113.9", "203.0.113.9"},
		{"client-written prefix ignored", []string{"0.0.0.0/32", "10.0.0.0/8"}, "1.2.3.4, 203.0.113.9, 10.1.2.3", "203.0.113.9"},
		{"every hop a proxy", []string{"0.0.0.0/32", "10.0.0.0/8"}, "10.0.0.1", "10.0.0.1"},
		{"garbage stops the walk", []string{"0.0.0.0"}, "203.0.113.9, junk", "0.0.0.0"},
		{"IPv6 by /64", []string{"0.0.0.0"}, "2001:db8::1:2:3:4", "2001:db8::"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := NewLimits(1, 1)
			if err := l.TrustProxies(tc.trusted); err != nil {
				t.Fatal(err)
			}
			app := fiber.New()
			app.Get("/", func(c *fiber.Ctx) error { return c.SendString(l.clientIP(c)) })
			req := httptest.NewRequest("GET", "/", nil)
			req.Header.Set("X-Forwarded-For", tc.xff)
			res, err := app.Test(req, -1)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := io.ReadAll(res.Body)
			if string(got) != tc.want {
				t.Fatalf("client %q, want %q", got, tc.want)
			}
		})
	}
	if err := NewLimits(1, 1).TrustProxies([]string{"10.0.0.0/8", "not-an-ip"}); err == nil {
		t.Fatal("a malformed proxy was accepted")
	}
}
