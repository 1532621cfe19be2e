package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/metapass/metapass/customers"
	"github.com/metapass/metapass/siwe"
)

// Customers returns the customers.Store of db.
func (db *DB) Customers() customers.Store { return customerStore{db} }

type customerStore struct{ db *DB }

func (s customerStore) CreateNonce(ctx context.Context, brandID, nonce string, expires time.Time) error {
	_, err := s.db.pool.Exec(ctx, `INSERT INTO siwe_nonces (nonce, brand_id, expires_at) VALUES ($1, $2, $3)`, nonce, brandID, expires.UTC())
	return err
}

// ConsumeNonce locks the nonce's row, so of concurrent sign-ins with one
// nonce exactly one succeeds.
func (s customerStore) ConsumeNonce(ctx context.Context, brandID, nonce string, now time.Time) error {
	return s.db.inTx(ctx, func(tx pgx.Tx) error {
		var (
			expires time.Time
			used    *time.Time
		)
		err := tx.QueryRow(ctx, `SELECT expires_at, used_at FROM siwe_nonces WHERE nonce = $1 AND brand_id = $2 FOR UPDATE`, nonce, brandID).
			Scan(&expires, &used)
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			return siwe.ErrBadNonce
		case err != nil:
			return err
		case used != nil:
			return siwe.ErrNonceUsed
		case !now.Before(expires):
			return siwe.ErrBadNonce
		}
		_, err = tx.Exec(ctx, `UPDATE siwe_nonces SET used_at = $1 WHERE nonce = $2`, now.UTC(), nonce)
		return err
	})
}

func (s customerStore) CreateSession(ctx context.Context, hash []byte, c customers.Session) error {
	_, err := s.db.pool.Exec(ctx, `INSERT INTO sessions (hash, brand_id, wallet, expires_at) VALUES ($1, $2, $3, $4)`,
		hash, c.BrandID, c.Wallet, c.ExpiresAt.UTC())
	return err
}

func (s customerStore) SessionByHash(ctx context.Context, hash []byte) (customers.Session, error) {
	var c customers.Session
	err := s.db.pool.QueryRow(ctx, `SELECT brand_id, wallet, expires_at FROM sessions WHERE hash = $1`, hash).
		Scan(&c.BrandID, &c.Wallet, &c.ExpiresAt)
	return c, notFound(err, "session")
}
