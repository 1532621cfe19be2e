package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/events"
)

// Events returns the events.Store of db.
func (db *DB) Events() EventStore { return EventStore{db} }

// EventStore implements events.Store.
type EventStore struct{ db *DB }

var (
	_ events.Store = EventStore{}
	_ events.Tx    = eventTx{}
)

func (s EventStore) CreateEvent(ctx context.Context, e events.Event) error {
	_, err := s.db.pool.Exec(ctx, `INSERT INTO events (id, brand_id, name, venue, starts_at, ends_at, doors_open_at,
		capacity, launches, reentry, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		e.ID, e.BrandID, e.Name, e.Venue, e.StartsAt.UTC(), e.EndsAt.UTC(), e.DoorsOpenAt.UTC(), e.Capacity, jsonText(e.Launches),
		e.Reentry, e.CreatedAt)
	return err
}

const eventColumns = `id, brand_id, name, venue, starts_at, ends_at, doors_open_at, capacity, launches, reentry, admitted, inside, created_at`

func scanEvent(row pgx.Row) (events.Event, error) {
	var e events.Event
	err := row.Scan(&e.ID, &e.BrandID, &e.Name, &e.Venue, &e.StartsAt, &e.EndsAt, &e.DoorsOpenAt, &e.Capacity, &e.Launches,
		&e.Reentry, &e.Admitted, &e.Inside, &e.CreatedAt)
	return e, err
}

func (s EventStore) GetEvent(ctx context.Context, brandID, id string) (events.Event, error) {
	e, err := scanEvent(s.db.pool.QueryRow(ctx, `SELECT `+eventColumns+` FROM events WHERE id = $1 AND brand_id = $2`, id, brandID))
	return e, notFound(err, "event %s", id)
}

func (s EventStore) ListEvents(ctx context.Context, brandID string) ([]events.Event, error) {
	rows, err := s.db.pool.Query(ctx, `SELECT `+eventColumns+` FROM events WHERE brand_id = $1 ORDER BY starts_at, id`, brandID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []events.Event{}
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func (s EventStore) ListCheckins(ctx context.Context, brandID, eventID string, limit int) ([]events.Checkin, error) {
	rows, err := s.db.pool.Query(ctx, `SELECT c.id, c.event_id, c.staff_key_id, c.gate, c.direction, c.result, c.reason,
		c.launch_id, c.token_id, c.holder, c.at, COALESCE(l.chain_id, 0), COALESCE(l.contract, '')
		FROM checkins c LEFT JOIN launches l ON l.id = c.launch_id
		WHERE c.event_id = $1 AND c.brand_id = $2 ORDER BY c.at DESC, c.id DESC LIMIT $3`, eventID, brandID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []events.Checkin{}
	for rows.Next() {
		var (
			c        events.Checkin
			launchID string
			token    *uint64
			holder   string
			p        events.PassRef
		)
		if err := rows.Scan(&c.ID, &c.EventID, &c.StaffKeyID, &c.Gate, &c.Direction, &c.Result, &c.Reason, &launchID, &token,
			&holder, &c.At, &p.ChainID, &p.Contract); err != nil {
			return nil, err
		}
		if launchID != "" && token != nil {
			p.LaunchID, p.TokenID = launchID, *token
			c.Pass = &p
		}
		if holder != "" {
			c.Holder = &events.Holder{Wallet: holder}
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func (s EventStore) InsertCheckin(ctx context.Context, c events.Checkin) error {
	return insertCheckin(ctx, s.db.pool, c)
}

func insertCheckin(ctx context.Context, q querier, c events.Checkin) error {
	var (
		launchID, holder string
		token            *uint64
	)
	if c.Pass != nil {
		launchID, token = c.Pass.LaunchID, &c.Pass.TokenID
	}
	if c.Holder != nil {
		holder = c.Holder.Wallet
	}
	_, err := q.Exec(ctx, `INSERT INTO checkins (id, event_id, brand_id, staff_key_id, gate, direction, result, reason,
		launch_id, token_id, holder, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
		c.ID, c.EventID, c.BrandID, c.StaffKeyID, c.Gate, c.Direction, c.Result, c.Reason, launchID, token, holder, c.At)
	if err != nil {
		return fmt.Errorf("insert check-in: %w", err)
	}
	return nil
}

func (s EventStore) InTx(ctx context.Context, fn func(events.Tx) error) error {
	return s.db.inTx(ctx, func(tx pgx.Tx) error { return fn(eventTx{tx}) })
}

// eventTx is an events.Tx on one PostgreSQL transaction. EventForUpdate
// locks the event's row: every admission to an event and its counts are
// written under it, so a pass is admitted once and capacity holds.
type eventTx struct{ tx pgx.Tx }

func (t eventTx) EventForUpdate(ctx context.Context, brandID, id string) (events.Event, error) {
	e, err := scanEvent(t.tx.QueryRow(ctx, `SELECT `+eventColumns+` FROM events WHERE id = $1 AND brand_id = $2 FOR UPDATE`, id, brandID))
	return e, notFound(err, "event %s", id)
}

func (t eventTx) Admission(ctx context.Context, eventID, launchID string, tokenID uint64) (events.Admission, bool, error) {
	a := events.Admission{EventID: eventID, LaunchID: launchID, TokenID: tokenID}
	err := t.tx.QueryRow(ctx, `SELECT inside, first_at, last_at FROM admissions WHERE event_id = $1 AND launch_id = $2 AND token_id = $3`,
		eventID, launchID, tokenID).Scan(&a.Inside, &a.FirstAt, &a.LastAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return a, false, nil
	}
	return a, err == nil, err
}

func (t eventTx) PutAdmission(ctx context.Context, a events.Admission) error {
	_, err := t.tx.Exec(ctx, `INSERT INTO admissions (event_id, launch_id, token_id, inside, first_at, last_at)
		VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id, launch_id, token_id) DO UPDATE SET inside = excluded.inside, last_at = excluded.last_at`,
		a.EventID, a.LaunchID, a.TokenID, a.Inside, a.FirstAt, a.LastAt)
	return err
}

func (t eventTx) SetCounts(ctx context.Context, eventID string, admitted, inside int) error {
	_, err := t.tx.Exec(ctx, `UPDATE events SET admitted = $1, inside = $2 WHERE id = $3`, admitted, inside, eventID)
	return err
}

func (t eventTx) Emit(ctx context.Context, e metapass.Event) error { return emit(ctx, t.tx, e) }

func (t eventTx) InsertCheckin(ctx context.Context, c events.Checkin) error {
	return insertCheckin(ctx, t.tx, c)
}
