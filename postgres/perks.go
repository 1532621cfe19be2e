package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

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
	return s.db.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO perks (id, brand_id, launch_id, kind, title, description, rule,
			per_token, per_wallet, period, starts_at, ends_at, inventory, code_pool, url, message, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
			p.ID, p.BrandID, p.LaunchID, p.Kind, p.Title, p.Description, string(rule), p.Limit.PerToken, p.Limit.PerWallet,
			p.Limit.Period, p.StartsAt, p.EndsAt, p.Inventory, p.CodePool, p.Payload.URL, p.Payload.Message,
			p.CreatedAt); err != nil {
			return fmt.Errorf("insert perk: %w", err)
		}
		if len(p.Payload.Codes) == 0 {
			return nil
		}
		if _, err := tx.Exec(ctx, `INSERT INTO perk_codes (perk_id, seq, code)
			SELECT $1, seq - 1, code FROM unnest($2::text[]) WITH ORDINALITY AS c(code, seq)`, p.ID, p.Payload.Codes); err != nil {
			return fmt.Errorf("insert codes: %w", err)
		}
		return nil
	})
}

const perkColumns = `id, brand_id, launch_id, kind, title, description, rule::text, per_token, per_wallet, period,
	starts_at, ends_at, inventory, redeemed, code_pool, url, message, created_at`

func scanPerk(row pgx.Row) (perks.Perk, error) {
	var (
		p    perks.Perk
		rule string
	)
	err := row.Scan(&p.ID, &p.BrandID, &p.LaunchID, &p.Kind, &p.Title, &p.Description, &rule, &p.Limit.PerToken,
		&p.Limit.PerWallet, &p.Limit.Period, &p.StartsAt, &p.EndsAt, &p.Inventory, &p.Redeemed, &p.CodePool, &p.Payload.URL,
		&p.Payload.Message, &p.CreatedAt)
	if err != nil {
		return p, err
	}
	p.Rule, err = perks.ParseRule([]byte(rule))
	return p, err
}

func (s PerkStore) Version(ctx context.Context, brandID string) (perks.Version, error) {
	var v perks.Version
	err := s.db.pool.QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(redeemed), 0) FROM perks WHERE brand_id = $1`, brandID).
		Scan(&v.Count, &v.Redeemed)
	return v, err
}

func (s PerkStore) ListPerks(ctx context.Context, brandID, launchID string) ([]perks.Perk, error) {
	rows, err := s.db.pool.Query(ctx, `SELECT `+perkColumns+` FROM perks WHERE brand_id = $1 AND ($2 = '' OR launch_id = $2)
		ORDER BY created_at, id`, brandID, launchID)
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
	p, err := scanPerk(s.db.pool.QueryRow(ctx, `SELECT `+perkColumns+` FROM perks WHERE id = $1 AND brand_id = $2`, id, brandID))
	return p, notFound(err, "perk %s", id)
}

// tokenArrays splits tokens into parallel arrays, for unnest.
func tokenArrays(tokens []perks.TokenKey) ([]string, []int64) {
	launches, ids := make([]string, len(tokens)), make([]int64, len(tokens))
	for i, k := range tokens {
		launches[i], ids[i] = k.LaunchID, int64(k.TokenID)
	}
	return launches, ids
}

func (s PerkStore) Used(ctx context.Context, brandID, wallet string, tokens []perks.TokenKey, now time.Time) (map[string]perks.Usage, error) {
	// Only the wallet's own redemptions and those charged to its tokens
	// count; their periods are filtered below, per perk. A launch id
	// belongs to one brand, so the tokens need no brand filter.
	launches, ids := tokenArrays(tokens)
	rows, err := s.db.pool.Query(ctx, `SELECT r.perk_id, p.period, r.period, r.wallet = $1, r.launch_id, r.token_id, COUNT(*)
		FROM redemptions r JOIN perks p ON p.id = r.perk_id
		WHERE r.brand_id = $2 AND r.wallet = $1
		   OR r.id IN (SELECT x.id FROM unnest($3::text[], $4::bigint[]) t (launch_id, token_id)
		               JOIN redemptions x ON x.launch_id = t.launch_id AND x.token_id = t.token_id)
		GROUP BY r.perk_id, p.period, r.period, r.wallet = $1, r.launch_id, r.token_id`, wallet, brandID, launches, ids)
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
	return usage(ctx, s.db.pool, perkID, wallet, tokens, period)
}

// usage counts with the indexes on (perk, wallet, period) and (perk, token,
// period); q is the pool or a transaction.
func usage(ctx context.Context, q querier, perkID, wallet string, tokens []perks.TokenKey, period string) (perks.Usage, error) {
	u := perks.Usage{Tokens: map[perks.TokenKey]int{}}
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM redemptions WHERE perk_id = $1 AND wallet = $2 AND period = $3`,
		perkID, wallet, period).Scan(&u.Wallet); err != nil {
		return u, err
	}
	for _, k := range tokens {
		var n int
		if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM redemptions WHERE perk_id = $1 AND launch_id = $2 AND token_id = $3 AND period = $4`,
			perkID, k.LaunchID, k.TokenID, period).Scan(&n); err != nil {
			return u, err
		}
		u.Tokens[k] = n
	}
	return u, nil
}

func (s PerkStore) InTx(ctx context.Context, fn func(perks.Tx) error) error {
	return s.db.inTx(ctx, func(tx pgx.Tx) error { return fn(perkTx{tx}) })
}

// perkTx is a perks.Tx on one PostgreSQL transaction. PerkForUpdate locks
// the perk's row: every redemption of a perk is written under it, so the
// counts read after it stay true until commit.
type perkTx struct{ tx pgx.Tx }

func (t perkTx) PerkForUpdate(ctx context.Context, brandID, id string) (perks.Perk, error) {
	p, err := scanPerk(t.tx.QueryRow(ctx, `SELECT `+perkColumns+` FROM perks WHERE id = $1 AND brand_id = $2 FOR UPDATE`, id, brandID))
	return p, notFound(err, "perk %s", id)
}

func (t perkTx) Usage(ctx context.Context, perkID, wallet string, tokens []perks.TokenKey, period string) (perks.Usage, error) {
	return usage(ctx, t.tx, perkID, wallet, tokens, period)
}

func (t perkTx) TakeCode(ctx context.Context, perkID, redemptionID string) (string, bool, error) {
	var code string
	err := t.tx.QueryRow(ctx, `UPDATE perk_codes SET redemption_id = $2 WHERE (perk_id, seq) = (
		SELECT perk_id, seq FROM perk_codes WHERE perk_id = $1 AND redemption_id IS NULL ORDER BY seq LIMIT 1 FOR UPDATE)
		RETURNING code`, perkID, redemptionID).Scan(&code)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, nil
	}
	return code, err == nil, err
}

func (t perkTx) Emit(ctx context.Context, e metapass.Event) error { return emit(ctx, t.tx, e) }

func (t perkTx) InsertRedemption(ctx context.Context, r perks.Redemption) error {
	if _, err := t.tx.Exec(ctx, `INSERT INTO redemptions (id, perk_id, brand_id, launch_id, token_id, wallet, period, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, r.ID, r.PerkID, r.BrandID, r.LaunchID, r.TokenID, r.Wallet, r.Period, r.CreatedAt); err != nil {
		return fmt.Errorf("insert redemption: %w", err)
	}
	_, err := t.tx.Exec(ctx, `UPDATE perks SET redeemed = redeemed + 1 WHERE id = $1`, r.PerkID)
	return err
}
