package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

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
	_, err := s.db.exec(ctx, `INSERT INTO events (id, brand_id, name, venue, starts_at, ends_at, doors_open_at,
		capacity, launches, reentry, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.ID, e.BrandID, e.Name, e.Venue, e.StartsAt.UTC(), e.EndsAt.UTC(), e.DoorsOpenAt.UTC(), e.Capacity, jsonText(e.Launches),
		e.Reentry, e.CreatedAt)
	return err
}

const eventColumns = `id, brand_id, name, venue, starts_at, ends_at, doors_open_at, capacity, launches, reentry, admitted, inside, created_at`

func scanEvent(row interface{ Scan(...any) error }) (events.Event, error) {
	var (
		e        events.Event
		launches string
	)
	if err := row.Scan(&e.ID, &e.BrandID, &e.Name, &e.Venue, &e.StartsAt, &e.EndsAt, &e.DoorsOpenAt, &e.Capacity, &launches,
		&e.Reentry, &e.Admitted, &e.Inside, &e.CreatedAt); err != nil {
		return e, err
	}
	return e, json.Unmarshal([]byte(launches), &e.Launches)
}

func (s EventStore) GetEvent(ctx context.Context, brandID, id string) (events.Event, error) {
	e, err := scanEvent(s.db.r.QueryRowContext(ctx, `SELECT `+eventColumns+` FROM events WHERE id = ? AND brand_id = ?`, id, brandID))
	return e, notFound(err, "event %s", id)
}

func (s EventStore) ListEvents(ctx context.Context, brandID string) ([]events.Event, error) {
	rows, err := s.db.r.QueryContext(ctx, `SELECT `+eventColumns+` FROM events WHERE brand_id = ? ORDER BY starts_at, id`, brandID)
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
	rows, err := s.db.r.QueryContext(ctx, `SELECT c.id, c.event_id, c.staff_key_id, c.gate, c.direction, c.result, c.reason,
		c.launch_id, c.token_id, c.holder, c.at, COALESCE(l.chain_id, 0), COALESCE(l.contract, '')
		FROM checkins c LEFT JOIN launches l ON l.id = c.launch_id
		WHERE c.event_id = ? AND c.brand_id = ? ORDER BY c.at DESC, c.id DESC LIMIT ?`, eventID, brandID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []events.Checkin{}
	for rows.Next() {
		var (
			c        events.Checkin
			launchID string
			token    sql.NullInt64
			holder   string
			p        events.PassRef
		)
		if err := rows.Scan(&c.ID, &c.EventID, &c.StaffKeyID, &c.Gate, &c.Direction, &c.Result, &c.Reason, &launchID, &token,
			&holder, &c.At, &p.ChainID, &p.Contract); err != nil {
			return nil, err
		}
		if launchID != "" && token.Valid {
			p.LaunchID, p.TokenID = launchID, uint64(token.Int64)
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
	return insertCheckin(ctx, s.db.w, c)
}

func insertCheckin(ctx context.Context, q querier, c events.Checkin) error {
	var (
		launchID, holder string
		token            sql.NullInt64
	)
	if c.Pass != nil {
		launchID, token = c.Pass.LaunchID, sql.NullInt64{Int64: int64(c.Pass.TokenID), Valid: true}
	}
	if c.Holder != nil {
		holder = c.Holder.Wallet
	}
	_, err := q.ExecContext(ctx, `INSERT INTO checkins (id, event_id, brand_id, staff_key_id, gate, direction, result, reason,
		launch_id, token_id, holder, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.ID, c.EventID, c.BrandID, c.StaffKeyID, c.Gate, c.Direction, c.Result, c.Reason, launchID, token, holder, c.At)
	if err != nil {
		return fmt.Errorf("insert check-in: %w", err)
	}
	return nil
}

func (s EventStore) InTx(ctx context.Context, fn func(events.Tx) error) error {
	return s.db.inTx(ctx, func(tx *sql.Tx) error { return fn(eventTx{tx}) })
}

// eventTx is an events.Tx on one IMMEDIATE SQLite transaction, which
// already holds the database's write lock.
type eventTx struct{ tx *sql.Tx }

func (t eventTx) EventForUpdate(ctx context.Context, brandID, id string) (events.Event, error) {
	e, err := scanEvent(t.tx.QueryRowContext(ctx, `SELECT `+eventColumns+` FROM events WHERE id = ? AND brand_id = ?`, id, brandID))
	return e, notFound(err, "event %s", id)
}

func (t eventTx) Admission(ctx context.Context, eventID, launchID string, tokenID uint64) (events.Admission, bool, error) {
	a := events.Admission{EventID: eventID, LaunchID: launchID, TokenID: tokenID}
	err := t.tx.QueryRowContext(ctx, `SELECT inside, first_at, last_at FROM admissions WHERE event_id = ? AND launch_id = ? AND token_id = ?`,
		eventID, launchID, tokenID).Scan(&a.Inside, &a.FirstAt, &a.LastAt)
	if errors.Is(err, sql.ErrNoRows) {
		return a, false, nil
	}
	return a, err == nil, err
}

func (t eventTx) PutAdmission(ctx context.Context, a events.Admission) error {
	_, err := t.tx.ExecContext(ctx, `INSERT INTO admissions (event_id, launch_id, token_id, inside, first_at, last_at)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id, launch_id, token_id) DO UPDATE SET inside = excluded.inside, last_at = excluded.last_at`,
		a.EventID, a.LaunchID, a.TokenID, a.Inside, a.FirstAt, a.LastAt)
	return err
}

func (t eventTx) SetCounts(ctx context.Context, eventID string, admitted, inside int) error {
	_, err := t.tx.ExecContext(ctx, `UPDATE events SET admitted = ?, inside = ? WHERE id = ?`, admitted, inside, eventID)
	return err
}

func (t eventTx) Emit(ctx context.Context, e metapass.Event) error { return emit(ctx, t.tx, e) }

func (t eventTx) InsertCheckin(ctx context.Context, c events.Checkin) error {
	return insertCheckin(ctx, t.tx, c)
}
