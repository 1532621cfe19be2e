package httpapi

import (
	"fmt"
	"testing"
	"time"
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
