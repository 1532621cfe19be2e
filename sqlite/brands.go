package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/brands"
)

// Brands returns the brands.Store of db.
func (db *DB) Brands() brands.Store { return brandStore{db} }

type brandStore struct{ db *DB }

func (s brandStore) CreateBrand(ctx context.Context, b brands.Brand) error {
	_, err := s.db.exec(ctx, `INSERT INTO brands (id, name, created_at) VALUES (?, ?, ?)`, b.ID, b.Name, b.CreatedAt)
	return err
}

func (s brandStore) ListBrands(ctx context.Context) ([]brands.Brand, error) {
	rows, err := s.db.r.QueryContext(ctx, `SELECT id, name, created_at FROM brands ORDER BY created_at, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []brands.Brand{}
	for rows.Next() {
		var b brands.Brand
		if err := rows.Scan(&b.ID, &b.Name, &b.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

func (s brandStore) GetBrand(ctx context.Context, id string) (brands.Brand, error) {
	b := brands.Brand{}
	err := s.db.r.QueryRowContext(ctx, `SELECT id, name, created_at FROM brands WHERE id = ?`, id).Scan(&b.ID, &b.Name, &b.CreatedAt)
	return b, notFound(err, "brand %s", id)
}

func (s brandStore) CreateKey(ctx context.Context, k brands.Key, hash []byte) error {
	_, err := s.db.exec(ctx,
		`INSERT INTO api_keys (id, brand_id, role, label, hash, created_at, expires_at, event_id, valid_from, valid_until)
		VALUES (?, NULLIF(?, ''), ?, ?, ?, ?, ?, ?, ?, ?)`,
		k.ID, k.BrandID, k.Role, k.Label, hash, k.CreatedAt, k.ExpiresAt, scopeValue(k.Scope, func(s brands.Scope) any { return s.EventID }),
		scopeValue(k.Scope, func(s brands.Scope) any { return s.ValidFrom }), scopeValue(k.Scope, func(s brands.Scope) any { return s.ValidUntil }))
	return err
}

func scopeValue(s *brands.Scope, f func(brands.Scope) any) any {
	if s == nil {
		return nil
	}
	return f(*s)
}

const keyColumns = `id, COALESCE(brand_id, ''), role, label, created_at, revoked_at, expires_at, event_id, valid_from, valid_until`

func scanKey(row interface{ Scan(...any) error }) (brands.Key, error) {
	var (
		k           brands.Key
		revoked     sql.NullTime
		expires     sql.NullTime
		event       sql.NullString
		from, until sql.NullTime
	)
	err := row.Scan(&k.ID, &k.BrandID, &k.Role, &k.Label, &k.CreatedAt, &revoked, &expires, &event, &from, &until)
	if revoked.Valid {
		k.RevokedAt = &revoked.Time
	}
	if expires.Valid {
		k.ExpiresAt = &expires.Time
	}
	if event.Valid {
		k.Scope = &brands.Scope{EventID: event.String, ValidFrom: from.Time, ValidUntil: until.Time}
	}
	return k, err
}

func (s brandStore) KeyByHash(ctx context.Context, hash []byte) (brands.Key, error) {
	now := time.Now()
	k, ok, gen := s.db.keys.get(hash, now)
	if ok {
		return k, nil
	}
	k, err := scanKey(s.db.r.QueryRowContext(ctx, `SELECT `+keyColumns+` FROM api_keys WHERE hash = ? AND revoked_at IS NULL`, hash))
	if err != nil {
		return k, notFound(err, "key")
	}
	s.db.keys.put(gen, hash, k, now)
	return k, nil
}

func (s brandStore) ListKeys(ctx context.Context, brandID string) ([]brands.Key, error) {
	rows, err := s.db.r.QueryContext(ctx, `SELECT `+keyColumns+` FROM api_keys WHERE brand_id = ? ORDER BY created_at, id`, brandID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []brands.Key{}
	for rows.Next() {
		k, err := scanKey(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

func (s brandStore) RevokeKey(ctx context.Context, brandID, keyID string, at time.Time) error {
	res, err := s.db.exec(ctx, `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND brand_id = ?`, at, keyID, brandID)
	s.db.keys.drop()
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return metapass.Errorf(metapass.ENOTFOUND, "key %s not found", keyID)
	}
	return nil
}

func (s brandStore) HasOperatorKey(ctx context.Context) (bool, error) {
	var n int
	if err := s.db.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM api_keys WHERE role = 'operator'`).Scan(&n); err != nil {
		return false, fmt.Errorf("count operator keys: %w", err)
	}
	return n > 0, nil
}

func (s brandStore) RotateOperatorKey(ctx context.Context, k brands.Key, hash []byte) error {
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE api_keys SET revoked_at = ? WHERE role = 'operator' AND revoked_at IS NULL`, k.CreatedAt); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO api_keys (id, role, label, hash, created_at) VALUES (?, 'operator', ?, ?, ?)`,
			k.ID, k.Label, hash, k.CreatedAt)
		return err
	})
	s.db.keys.drop()
	return err
}
