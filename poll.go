package metapass

import (
	"context"
	"log/slog"
	"time"
)

// Poll runs step every interval until ctx is done, logging a failed step
// as what and going on: the loop of a background worker whose next step
// retries whatever the last one could not do.
func Poll(ctx context.Context, every time.Duration, log *slog.Logger, what string, step func(context.Context) error) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if err := step(ctx); err != nil && ctx.Err() == nil {
			log.Warn(what, slog.Any("err", err))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
