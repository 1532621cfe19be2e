package passes

import (
	"testing"
	"time"
)

func TestBackoff(t *testing.T) {
	cases := []struct {
		fails    int
		min, max time.Duration
	}{
		{1, 375 * time.Millisecond, 500 * time.Millisecond},
		{2, 750 * time.Millisecond, time.Second},
		{4, 3 * time.Second, 4 * time.Second},
		{5, 6 * time.Second, 8 * time.Second},
		{6, 7500 * time.Millisecond, 10 * time.Second},
		{1000, 7500 * time.Millisecond, 10 * time.Second},
	}
	for _, c := range cases {
		for range 100 {
			if d := backoff(500*time.Millisecond, 10*time.Second, c.fails); d < c.min || d > c.max {
				t.Fatalf("backoff after %d failures: %v, want %v..%v", c.fails, d, c.min, c.max)
			}
		}
	}
}
