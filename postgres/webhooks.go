package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/webhooks"
)

// Webhooks returns the webhooks.Store of db.
func (db *DB) Webhooks() WebhookStore { return WebhookStore{db} }

// WebhookStore implements webhooks.Store. Fan-out and claiming lock the
// rows they take with SKIP LOCKED, so replicas share the work and never
// take the same event or delivery twice.
type WebhookStore struct{ db *DB }

var _ webhooks.Store = WebhookStore{}

// emit writes e to the outbox inside the caller's transaction q.
func emit(ctx context.Context, q querier, e metapass.Event) error {
	payload, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("encode event: %w", err)
	}
	// An event replayed with its id (a transfer indexed again after a
	// reorg) is recorded once.
	// The notification reaches every dispatcher listening (ListenOutbox)
	// when, and only if, the transaction commits.
	_, err = q.Exec(ctx, `WITH ins AS (INSERT INTO outbox (id, brand_id, type, payload, created_at) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (id) DO NOTHING RETURNING id)
		SELECT pg_notify('`+outboxChannel+`', '') FROM ins`,
		e.ID, e.BrandID, e.Type, string(payload), e.At)
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	return nil
}

func (s WebhookStore) CreateEndpoint(ctx context.Context, e webhooks.Endpoint) error {
	_, err := s.db.pool.Exec(ctx, `INSERT INTO webhook_endpoints (id, brand_id, url, events, secret, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
		e.ID, e.BrandID, e.URL, jsonText(e.Events), e.Secret, e.CreatedAt)
	return err
}

func (s WebhookStore) ListEndpoints(ctx context.Context, brandID string) ([]webhooks.Endpoint, error) {
	rows, err := s.db.pool.Query(ctx, `SELECT id, brand_id, url, events, created_at FROM webhook_endpoints
		WHERE brand_id = $1 AND deleted_at IS NULL ORDER BY created_at, id`, brandID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []webhooks.Endpoint{}
	for rows.Next() {
		var e webhooks.Endpoint
		if err := rows.Scan(&e.ID, &e.BrandID, &e.URL, &e.Events, &e.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func (s WebhookStore) DeleteEndpoint(ctx context.Context, brandID, id string) error {
	tag, err := s.db.pool.Exec(ctx, `UPDATE webhook_endpoints SET deleted_at = $1 WHERE id = $2 AND brand_id = $3 AND deleted_at IS NULL`,
		time.Now().UTC(), id, brandID)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return metapass.Errorf(metapass.ENOTFOUND, "webhook endpoint %s not found", id)
	}
	return nil
}

func (s WebhookStore) FanOut(ctx context.Context, limit int, now time.Time) (int, error) {
	var n int64
	err := s.db.inTx(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT id FROM outbox WHERE NOT fanned_out ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`, limit)
		if err != nil {
			return err
		}
		ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil || len(ids) == 0 {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO webhook_deliveries (id, endpoint_id, brand_id, event_id, event_type, state, next_at, created_at)
			SELECT 'dlv_' || left(replace(gen_random_uuid()::text, '-', ''), 20), e.id, o.brand_id, o.id, o.type, 'pending', $1, $1
			FROM outbox o JOIN webhook_endpoints e ON e.brand_id = o.brand_id AND e.deleted_at IS NULL
			WHERE o.id = ANY($2) AND e.events ? o.type
			ON CONFLICT (endpoint_id, event_id) DO NOTHING`, now, ids); err != nil {
			return fmt.Errorf("deliveries: %w", err)
		}
		tag, err := tx.Exec(ctx, `UPDATE outbox SET fanned_out = true WHERE id = ANY($1)`, ids)
		n = tag.RowsAffected()
		return err
	})
	return int(n), err
}

const deliveryColumns = `d.id, d.endpoint_id, d.event_id, d.event_type, d.state, d.attempts, d.next_at, d.last_status, d.last_error,
	d.created_at, d.delivered_at`

func scanDelivery(row pgx.Row, extra ...any) (webhooks.Delivery, error) {
	var d webhooks.Delivery
	err := row.Scan(append([]any{&d.ID, &d.EndpointID, &d.EventID, &d.EventType, &d.State, &d.Attempts, &d.NextAt, &d.LastStatus,
		&d.LastError, &d.CreatedAt, &d.DeliveredAt}, extra...)...)
	return d, err
}

// ClaimDue looks at no more than c.PerEndpoint due deliveries of each
// endpoint not full, each through the index of its endpoint's due
// deliveries, so however long one endpoint's backlog, claiming costs the
// same. Rows another dispatcher is claiming are skipped, not waited for.
func (s WebhookStore) ClaimDue(ctx context.Context, now time.Time, lease time.Duration, c webhooks.Claim) ([]webhooks.Due, error) {
	var out []webhooks.Due
	err := s.db.inTx(ctx, func(tx pgx.Tx) error {
		out = nil
		rows, err := tx.Query(ctx, `SELECT `+deliveryColumns+`, e.url, e.secret, o.payload::text
			FROM webhook_endpoints e
			CROSS JOIN LATERAL (SELECT * FROM webhook_deliveries x
				WHERE x.endpoint_id = e.id AND x.state = 'pending' AND x.next_at <= $1 ORDER BY x.next_at LIMIT $2
				FOR UPDATE SKIP LOCKED) d
			JOIN outbox o ON o.id = d.event_id
			WHERE e.deleted_at IS NULL AND NOT (e.id = ANY($3))
			ORDER BY d.next_at, d.id LIMIT $4`, now, c.PerEndpoint, c.Full(), c.Candidates())
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var (
				x       webhooks.Due
				payload string
			)
			if x.Delivery, err = scanDelivery(rows, &x.URL, &x.Secret, &payload); err != nil {
				return err
			}
			x.Payload = []byte(payload)
			out = append(out, x)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		out = c.Allot(out)
		ids := make([]string, len(out))
		for i, x := range out {
			ids[i] = x.ID
		}
		if len(ids) == 0 {
			return nil
		}
		_, err = tx.Exec(ctx, `UPDATE webhook_deliveries SET next_at = $1 WHERE id = ANY($2)`, now.Add(lease), ids)
		return err
	})
	return out, err
}

// outboxChannel is the LISTEN/NOTIFY channel of committed outbox events.
const outboxChannel = "metapass_outbox"

// ListenOutbox calls notify after every commit that wrote outbox events,
// by any process on the database, until ctx is done. While its connection
// is down it retries every second, and calls notify on reconnecting, for
// the commits it may have missed.
func (db *DB) ListenOutbox(ctx context.Context, notify func()) {
	for ctx.Err() == nil {
		err := db.listen(ctx, notify)
		if ctx.Err() != nil {
			return
		}
		slog.Warn("outbox notifications", slog.Any("err", err))
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}

func (db *DB) listen(ctx context.Context, notify func()) error {
	pc, err := db.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	// The connection ends with the listening: it goes back to no pool
	// still subscribed.
	conn := pc.Hijack()
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, `LISTEN `+outboxChannel); err != nil {
		return err
	}
	notify()
	for {
		if _, err := conn.WaitForNotification(ctx); err != nil {
			return err
		}
		notify()
	}
}

// SaveAttempts sends the updates as one batch, in one transaction.
func (s WebhookStore) SaveAttempts(ctx context.Context, ds []webhooks.Delivery) error {
	return s.db.inTx(ctx, func(tx pgx.Tx) error {
		var b pgx.Batch
		for _, d := range ds {
			b.Queue(`UPDATE webhook_deliveries SET state = $1, attempts = $2, next_at = $3, last_status = $4,
				last_error = $5, delivered_at = $6 WHERE id = $7`, d.State, d.Attempts, d.NextAt, d.LastStatus, d.LastError, d.DeliveredAt, d.ID)
		}
		return tx.SendBatch(ctx, &b).Close()
	})
}

func (s WebhookStore) ListDeliveries(ctx context.Context, brandID, endpointID string, limit int) ([]webhooks.Delivery, error) {
	rows, err := s.db.pool.Query(ctx, `SELECT `+deliveryColumns+` FROM webhook_deliveries d
		WHERE d.brand_id = $1 AND ($2 = '' OR d.endpoint_id = $2) ORDER BY d.created_at DESC, d.id DESC LIMIT $3`,
		brandID, endpointID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []webhooks.Delivery{}
	for rows.Next() {
		d, err := scanDelivery(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

func (s WebhookStore) Redeliver(ctx context.Context, brandID, id string, now time.Time) (webhooks.Delivery, error) {
	d, err := scanDelivery(s.db.pool.QueryRow(ctx, `UPDATE webhook_deliveries d SET state = 'pending', next_at = $1
		WHERE d.id = $2 AND d.brand_id = $3 RETURNING `+deliveryColumns, now, id, brandID))
	if err != nil {
		return d, notFound(err, "delivery %s", id)
	}
	return d, nil
}
