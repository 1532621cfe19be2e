package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/perks"
)

// Perks returns the perks.Store of db.
func (db *DB) Perks() PerkStore { return PerkStore{db} }

// PerkStore implements perks.Store.
type PerkStore struct{ db *DB }

var (
	_ perks.Store = PerkStore{}
	_ perks.Tx    = perkTx{}
)

func (s PerkStore) CreatePerk(ctx context.Context, p perks.Perk) error {
	rule, err := json.Marshal(p.Rule)
	if err != nil {
		return err
	}
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		var inventory sql.NullInt64
		if p.Inventory != nil {
			inventory = sql.NullInt64{Int64: *p.Inventory, Valid: true}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO perks (id, brand_id, launch_id, kind, title, description, rule,
			per_token, per_wallet, period, starts_at, ends_at, inventory, code_pool, url, message, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.ID, p.BrandID, p.LaunchID, p.Kind, p.Title, p.Description, string(rule), p.Limit.PerToken, p.Limit.PerWallet,
			p.Limit.Period, nullTime(p.StartsAt), nullTime(p.EndsAt), inventory, p.CodePool, p.Payload.URL, p.Payload.Message,
			p.CreatedAt); err != nil {
			return fmt.Errorf("insert perk: %w", err)
		}
		for i, code := range p.Payload.Codes {
			if _, err := tx.ExecContext(ctx, `INSERT INTO perk_codes (perk_id, seq, code) VALUES (?, ?, ?)`, p.ID, i, code); err != nil {
				return fmt.Errorf("insert code: %w", err)
			}
		}
		return nil
	})
}

const perkColumns = `id, brand_id, launch_id, kind, title, description, rule, per_token, per_wallet, period,
	starts_at, ends_at, inventory, redeemed, code_pool, url, message, created_at`

func scanPerk(row interface{ Scan(...any) error }) (perks.Perk, error) {
	var (
		p          perks.Perk
		rule       string
		start, end sql.NullTime
		inventory  sql.NullInt64
	)
	err := row.Scan(&p.ID, &p.BrandID, &p.LaunchID, &p.Kind, &p.Title, &p.Description, &rule, &p.Limit.PerToken,
		&p.Limit.PerWallet, &p.Limit.Period, &start, &end, &inventory, &p.Redeemed, &p.CodePool, &p.Payload.URL,
		&p.Payload.Message, &p.CreatedAt)
	if err != nil {
		return p, err
	}
	if start.Valid {
		p.StartsAt = &start.Time
	}
	if end.Valid {
		p.EndsAt = &end.Time
	}
	if inventory.Valid {
		p.Inventory = &inventory.Int64
	}
	p.Rule, err = perks.ParseRule([]byte(rule))
	return p, err
}

func (s PerkStore) Version(ctx context.Context, brandID string) (perks.Version, error) {
	var v perks.Version
	err := s.db.r.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(redeemed), 0) FROM perks WHERE brand_id = ?`, brandID).
		Scan(&v.Count, &v.Redeemed)
	return v, err
}

func (s PerkStore) ListPerks(ctx context.Context, brandID, launchID string) ([]perks.Perk, error) {
	rows, err := s.db.r.QueryContext(ctx, `SELECT `+perkColumns+` FROM perks WHERE brand_id = ? AND (? = '' OR launch_id = ?)
		ORDER BY created_at, id`, brandID, launchID, launchID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []perks.Perk{}
	for rows.Next() {
		p, err := scanPerk(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func (s PerkStore) GetPerk(ctx context.Context, brandID, id string) (perks.Perk, error) {
	p, err := scanPerk(s.db.r.QueryRowContext(ctx, `SELECT `+perkColumns+` FROM perks WHERE id = ? AND brand_id = ?`, id, brandID))
	return p, notFound(err, "perk %s", id)
}

func (s PerkStore) Used(ctx context.Context, brandID, wallet string, tokens []perks.TokenKey, now time.Time) (map[string]perks.Usage, error) {
	// Only the wallet's own redemptions and those charged to its tokens
	// (passed as one JSON array, so the statement stays the same) count;
	// their periods are filtered below, per perk. A launch id belongs to
	// one brand, so the tokens need no brand filter.
	ts := make([][2]any, len(tokens))
	for i, k := range tokens {
		ts[i] = [2]any{k.LaunchID, k.TokenID}
	}
	held, err := json.Marshal(ts)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.r.QueryContext(ctx, `SELECT r.perk_id, p.period, r.period, r.wallet = ?1, r.launch_id, r.token_id, COUNT(*)
		FROM redemptions r JOIN perks p ON p.id = r.perk_id
		WHERE r.brand_id = ?2 AND r.wallet = ?1
		   OR r.id IN (SELECT x.id FROM json_each(?3) t CROSS JOIN redemptions x
		               ON x.launch_id = t.value ->> 0 AND x.token_id = t.value ->> 1)
		GROUP BY r.perk_id, r.period, r.wallet = ?1, r.launch_id, r.token_id`, wallet, brandID, string(held))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]perks.Usage{}
	for rows.Next() {
		var r perks.Redeemed
		if err := rows.Scan(&r.PerkID, &r.Limit, &r.Period, &r.Mine, &r.Token.LaunchID, &r.Token.TokenID, &r.N); err != nil {
			return nil, err
		}
		perks.AddUsed(out, r, now)
	}
	return out, rows.Err()
}

func (s PerkStore) Usage(ctx context.Context, perkID, wallet string, tokens []perks.TokenKey, period string) (perks.Usage, error) {
	return usage(ctx, s.db.r, perkID, wallet, tokens, period)
}

// usage counts with the indexes on (perk, wallet, period) and (perk, token,
// period); q is the read pool or a write transaction.
func usage(ctx context.Context, q querier, perkID, wallet string, tokens []perks.TokenKey, period string) (perks.Usage, error) {
	u := perks.Usage{Tokens: map[perks.TokenKey]int{}}
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM redemptions WHERE perk_id = ? AND wallet = ? AND period = ?`,
		perkID, wallet, period).Scan(&u.Wallet); err != nil {
		return u, err
	}
	for _, k := range tokens {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM redemptions WHERE perk_id = ? AND launch_id = ? AND token_id = ? AND period = ?`,
			perkID, k.LaunchID, k.TokenID, period).Scan(&n); err != nil {
			return u, err
		}
		u.Tokens[k] = n
	}
	return u, nil
}

func (s PerkStore) InTx(ctx context.Context, fn func(perks.Tx) error) error {
	return s.db.inTx(ctx, func(tx *sql.Tx) error { return fn(perkTx{tx}) })
}

// perkTx is a perks.Tx on one IMMEDIATE SQLite transaction, which already
// holds the database's write lock.
type perkTx struct{ tx *sql.Tx }

func (t perkTx) PerkForUpdate(ctx context.Context, brandID, id string) (perks.Perk, error) {
	p, err := scanPerk(t.tx.QueryRowContext(ctx, `SELECT `+perkColumns+` FROM perks WHERE id = ? AND brand_id = ?`, id, brandID))
	return p, notFound(err, "perk %s", id)
}

func (t perkTx) Usage(ctx context.Context, perkID, wallet string, tokens []perks.TokenKey, period string) (perks.Usage, error) {
	return usage(ctx, t.tx, perkID, wallet, tokens, period)
}

func (t perkTx) TakeCode(ctx context.Context, perkID, redemptionID string) (string, bool, error) {
	var seq int
	var code string
	err := t.tx.QueryRowContext(ctx, `SELECT seq, code FROM perk_codes WHERE perk_id = ? AND redemption_id IS NULL ORDER BY seq LIMIT 1`,
		perkID).Scan(&seq, &code)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	_, err = t.tx.ExecContext(ctx, `UPDATE perk_codes SET redemption_id = ? WHERE perk_id = ? AND seq = ?`, redemptionID, perkID, seq)
	return code, err == nil, err
}

func (t perkTx) Emit(ctx context.Context, e metapass.Event) error { return emit(ctx, t.tx, e) }

func (t perkTx) InsertRedemption(ctx context.Context, r perks.Redemption) error {
	if _, err := t.tx.ExecContext(ctx, `INSERT INTO redemptions (id, perk_id, brand_id, launch_id, token_id, wallet, period, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, r.PerkID, r.BrandID, r.LaunchID, r.TokenID, r.Wallet, r.Period, r.CreatedAt); err != nil {
		return fmt.Errorf("insert redemption: %w", err)
	}
	_, err := t.tx.ExecContext(ctx, `UPDATE perks SET redeemed = redeemed + 1 WHERE id = ?`, r.PerkID)
	return err
}
