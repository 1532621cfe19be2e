package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/brands"
)

// Brands returns the brands.Store of db.
func (db *DB) Brands() brands.Store { return brandStore{db} }

type brandStore struct{ db *DB }

func (s brandStore) CreateBrand(ctx context.Context, b brands.Brand) error {
	_, err := s.db.pool.Exec(ctx, `INSERT INTO brands (id, name, created_at) VALUES ($1, $2, $3)`, b.ID, b.Name, b.CreatedAt)
	return err
}

func (s brandStore) ListBrands(ctx context.Context) ([]brands.Brand, error) {
	rows, err := s.db.pool.Query(ctx, `SELECT id, name, created_at FROM brands ORDER BY created_at, id`)
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
	err := s.db.pool.QueryRow(ctx, `SELECT id, name, created_at FROM brands WHERE id = $1`, id).Scan(&b.ID, &b.Name, &b.CreatedAt)
	return b, notFound(err, "brand %s", id)
}

func (s brandStore) CreateKey(ctx context.Context, k brands.Key, hash []byte) error {
	var (
		event       *string
		from, until *time.Time
	)
	if k.Scope != nil {
		event, from, until = &k.Scope.EventID, &k.Scope.ValidFrom, &k.Scope.ValidUntil
	}
	_, err := s.db.pool.Exec(ctx,
		`INSERT INTO api_keys (id, brand_id, role, label, hash, created_at, expires_at, event_id, valid_from, valid_until)
		VALUES ($1, NULLIF($2, ''), $3, $4, $5, $6, $7, $8, $9, $10)`,
		k.ID, k.BrandID, k.Role, k.Label, hash, k.CreatedAt, k.ExpiresAt, event, from, until)
	return err
}

const keyColumns = `id, COALESCE(brand_id, ''), role, label, created_at, revoked_at, expires_at, event_id, valid_from, valid_until`

func scanKey(row interface{ Scan(...any) error }) (brands.Key, error) {
	var (
		k           brands.Key
		event       *string
		from, until *time.Time
	)
	err := row.Scan(&k.ID, &k.BrandID, &k.Role, &k.Label, &k.CreatedAt, &k.RevokedAt, &k.ExpiresAt, &event, &from, &until)
	if event != nil {
		k.Scope = &brands.Scope{EventID: *event}
		if from != nil {
			k.Scope.ValidFrom = *from
		}
		if until != nil {
			k.Scope.ValidUntil = *until
		}
	}
	return k, err
}

func (s brandStore) KeyByHash(ctx context.Context, hash []byte) (brands.Key, error) {
	k, err := scanKey(s.db.pool.QueryRow(ctx, `SELECT `+keyColumns+` FROM api_keys WHERE hash = $1 AND revoked_at IS NULL`, hash))
	return k, notFound(err, "key")
}

func (s brandStore) ListKeys(ctx context.Context, brandID string) ([]brands.Key, error) {
	rows, err := s.db.pool.Query(ctx, `SELECT `+keyColumns+` FROM api_keys WHERE brand_id = $1 ORDER BY created_at, id`, brandID)
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
	tag, err := s.db.pool.Exec(ctx, `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 AND brand_id = $3`, at, keyID, brandID)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return metapass.Errorf(metapass.ENOTFOUND, "key %s not found", keyID)
	}
	return nil
}

func (s brandStore) HasOperatorKey(ctx context.Context) (bool, error) {
	var ok bool
	if err := s.db.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM api_keys WHERE role = 'operator')`).Scan(&ok); err != nil {
		return false, fmt.Errorf("count operator keys: %w", err)
	}
	return ok, nil
}

func (s brandStore) RotateOperatorKey(ctx context.Context, k brands.Key, hash []byte) error {
	return s.db.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE api_keys SET revoked_at = $1 WHERE role = 'operator' AND revoked_at IS NULL`, k.CreatedAt); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO api_keys (id, role, label, hash, created_at) VALUES ($1, 'operator', $2, $3, $4)`,
			k.ID, k.Label, hash, k.CreatedAt)
		return err
	})
}
