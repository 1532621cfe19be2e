package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/webhooks"
)

// Webhooks returns the webhooks.Store of db.
func (db *DB) Webhooks() WebhookStore { return WebhookStore{db} }

// WebhookStore implements webhooks.Store.
type WebhookStore struct{ db *DB }

var _ webhooks.Store = WebhookStore{}

// emit writes e to the outbox inside the caller's transaction q.
func emit(ctx context.Context, q querier, e metapass.Event) error {
	return emitAll(ctx, q, e.At, []metapass.Event{e})
}

// emitAll records events that all happened at at, in one statement. An
// event recorded before (one replayed with its id, e.g. a transfer indexed
// again after a reorg) is recorded once.
func emitAll(ctx context.Context, q querier, at time.Time, events []metapass.Event) error {
	if len(events) == 0 {
		return nil
	}
	rows := make([][4]string, len(events))
	for i, e := range events {
		payload, err := json.Marshal(e)
		if err != nil {
			return fmt.Errorf("encode event: %w", err)
		}
		rows[i] = [4]string{e.ID, e.BrandID, e.Type, string(payload)}
	}
	_, err := q.ExecContext(ctx, `INSERT INTO outbox (id, brand_id, type, payload, created_at)
		SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
			CAST(json_extract(value, '$[3]') AS BLOB), ? FROM json_each(?) WHERE true
		ON CONFLICT (id) DO NOTHING`, at, jsonList(rows))
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	if tx, ok := q.(*sql.Tx); ok {
		outboxWrites.Store(tx, struct{}{})
	}
	return nil
}

func (s WebhookStore) CreateEndpoint(ctx context.Context, e webhooks.Endpoint) error {
	_, err := s.db.exec(ctx, `INSERT INTO webhook_endpoints (id, brand_id, url, events, secret, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		e.ID, e.BrandID, e.URL, jsonText(e.Events), e.Secret, e.CreatedAt)
	return err
}

func (s WebhookStore) ListEndpoints(ctx context.Context, brandID string) ([]webhooks.Endpoint, error) {
	rows, err := s.db.r.QueryContext(ctx, `SELECT id, brand_id, url, events, created_at FROM webhook_endpoints
		WHERE brand_id = ? AND deleted_at IS NULL ORDER BY created_at, id`, brandID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []webhooks.Endpoint{}
	for rows.Next() {
		var (
			e      webhooks.Endpoint
			events string
		)
		if err := rows.Scan(&e.ID, &e.BrandID, &e.URL, &events, &e.CreatedAt); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(events), &e.Events); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func (s WebhookStore) DeleteEndpoint(ctx context.Context, brandID, id string) error {
	res, err := s.db.exec(ctx, `UPDATE webhook_endpoints SET deleted_at = ? WHERE id = ? AND brand_id = ? AND deleted_at IS NULL`,
		time.Now().UTC(), id, brandID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return metapass.Errorf(metapass.ENOTFOUND, "webhook endpoint %s not found", id)
	}
	return nil
}

func (s WebhookStore) FanOut(ctx context.Context, limit int, now time.Time) (int, error) {
	var n int64
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		const batch = `SELECT id FROM outbox WHERE fanned_out = 0 ORDER BY created_at, id LIMIT ?`
		if _, err := tx.ExecContext(ctx, `INSERT INTO webhook_deliveries (id, endpoint_id, brand_id, event_id, event_type, state, next_at_ms, created_at)
			SELECT 'dlv_' || lower(hex(randomblob(10))), e.id, o.brand_id, o.id, o.type, 'pending', ?, ?
			FROM outbox o JOIN webhook_endpoints e ON e.brand_id = o.brand_id AND e.deleted_at IS NULL
			WHERE o.id IN (`+batch+`) AND EXISTS (SELECT 1 FROM json_each(e.events) WHERE value = o.type)
			ON CONFLICT (endpoint_id, event_id) DO NOTHING`, now.UnixMilli(), now, limit); err != nil {
			return fmt.Errorf("deliveries: %w", err)
		}
		res, err := tx.ExecContext(ctx, `UPDATE outbox SET fanned_out = 1 WHERE id IN (`+batch+`)`, limit)
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		return nil
	})
	return int(n), err
}

const deliveryColumns = `d.id, d.endpoint_id, d.event_id, d.event_type, d.state, d.attempts, d.next_at_ms, d.last_status, d.last_error,
	d.created_at, d.delivered_at`

func scanDelivery(row interface{ Scan(...any) error }, extra ...any) (webhooks.Delivery, error) {
	var (
		d         webhooks.Delivery
		next      sql.NullInt64
		delivered sql.NullTime
	)
	err := row.Scan(append([]any{&d.ID, &d.EndpointID, &d.EventID, &d.EventType, &d.State, &d.Attempts, &next, &d.LastStatus,
		&d.LastError, &d.CreatedAt, &delivered}, extra...)...)
	if next.Valid {
		t := time.UnixMilli(next.Int64).UTC()
		d.NextAt = &t
	}
	if delivered.Valid {
		d.DeliveredAt = &delivered.Time
	}
	return d, err
}

// ClaimDue looks at no more than c.PerEndpoint due deliveries of each
// endpoint not full, each through the index of its endpoint's due
// deliveries, so however long one endpoint's backlog, claiming costs the
// same.
func (s WebhookStore) ClaimDue(ctx context.Context, now time.Time, lease time.Duration, c webhooks.Claim) ([]webhooks.Due, error) {
	var out []webhooks.Due
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		out = nil
		rows, err := tx.QueryContext(ctx, `SELECT `+deliveryColumns+`, e.url, e.secret, o.payload
			FROM webhook_endpoints e
			JOIN webhook_deliveries d ON d.id IN (SELECT x.id FROM webhook_deliveries x
				WHERE x.endpoint_id = e.id AND x.state = 'pending' AND x.next_at_ms <= ? ORDER BY x.next_at_ms LIMIT ?)
			JOIN outbox o ON o.id = d.event_id
			WHERE e.deleted_at IS NULL AND e.id NOT IN (SELECT value FROM json_each(?))
			ORDER BY d.next_at_ms, d.id LIMIT ?`, now.UnixMilli(), c.PerEndpoint, jsonList(c.Full()), c.Candidates())
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var x webhooks.Due
			if x.Delivery, err = scanDelivery(rows, &x.URL, &x.Secret, &x.Payload); err != nil {
				return err
			}
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
		_, err = tx.ExecContext(ctx, `UPDATE webhook_deliveries SET next_at_ms = ? WHERE id IN (SELECT value FROM json_each(?))`,
			now.Add(lease).UnixMilli(), jsonList(ids))
		return err
	})
	return out, err
}

func (s WebhookStore) SaveAttempts(ctx context.Context, ds []webhooks.Delivery) error {
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		for _, d := range ds {
			var next sql.NullInt64
			if d.NextAt != nil {
				next = sql.NullInt64{Int64: d.NextAt.UnixMilli(), Valid: true}
			}
			if _, err := tx.ExecContext(ctx, `UPDATE webhook_deliveries SET state = ?, attempts = ?, next_at_ms = ?, last_status = ?,
				last_error = ?, delivered_at = ? WHERE id = ?`, d.State, d.Attempts, next, d.LastStatus, d.LastError, nullTime(d.DeliveredAt), d.ID); err != nil {
				return err
			}
		}
		return nil
	})
}

func (s WebhookStore) ListDeliveries(ctx context.Context, brandID, endpointID string, limit int) ([]webhooks.Delivery, error) {
	rows, err := s.db.r.QueryContext(ctx, `SELECT `+deliveryColumns+` FROM webhook_deliveries d
		WHERE d.brand_id = ? AND (? = '' OR d.endpoint_id = ?) ORDER BY d.created_at DESC, d.id DESC LIMIT ?`,
		brandID, endpointID, endpointID, limit)
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
	var d webhooks.Delivery
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE webhook_deliveries SET state = 'pending', next_at_ms = ? WHERE id = ? AND brand_id = ?`,
			now.UnixMilli(), id, brandID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return metapass.Errorf(metapass.ENOTFOUND, "delivery %s not found", id)
		}
		d, err = scanDelivery(tx.QueryRowContext(ctx, `SELECT `+deliveryColumns+` FROM webhook_deliveries d WHERE d.id = ?`, id))
		return err
	})
	return d, err
}
