package metapass_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/metapass/metapass"
)

// TestPoll: a failed step is logged and the next one runs; Poll returns
// once ctx is done.
func TestPoll(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, nil))
	ctx, cancel := context.WithCancel(t.Context())
	calls := 0
	done := make(chan struct{})
	go func() {
		defer close(done)
		metapass.Poll(ctx, time.Millisecond, log, "test step", func(context.Context) error {
			calls++
			if calls >= 3 {
				cancel()
			}
			if calls == 1 {
				return errors.New("first fails")
			}
			return nil
		})
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Poll did not return after its context was cancelled")
	}
	if calls < 3 {
		t.Errorf("%d steps, want the 3 before the cancel (a tick ready with it may run one more)", calls)
	}
	if out := buf.String(); strings.Count(out, "test step") != 1 || !strings.Contains(out, "first fails") {
		t.Errorf("log %q: want the first step's failure, once", out)
	}
}
