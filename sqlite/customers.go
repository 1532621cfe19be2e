package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/metapass/metapass/customers"
	"github.com/metapass/metapass/siwe"
)

// Customers returns the customers.Store of db.
func (db *DB) Customers() customers.Store { return customerStore{db} }

type customerStore struct{ db *DB }

func (s customerStore) CreateNonce(ctx context.Context, brandID, nonce string, expires time.Time) error {
	_, err := s.db.exec(ctx, `INSERT INTO siwe_nonces (nonce, brand_id, expires_at) VALUES (?, ?, ?)`, nonce, brandID, expires.UTC())
	return err
}

func (s customerStore) ConsumeNonce(ctx context.Context, brandID, nonce string, now time.Time) error {
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		var expires time.Time
		var used sql.NullTime
		err := tx.QueryRowContext(ctx, `SELECT expires_at, used_at FROM siwe_nonces WHERE nonce = ? AND brand_id = ?`, nonce, brandID).
			Scan(&expires, &used)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return siwe.ErrBadNonce
		case err != nil:
			return err
		case used.Valid:
			return siwe.ErrNonceUsed
		case !now.Before(expires):
			return siwe.ErrBadNonce
		}
		_, err = tx.ExecContext(ctx, `UPDATE siwe_nonces SET used_at = ? WHERE nonce = ?`, now.UTC(), nonce)
		return err
	})
}

func (s customerStore) CreateSession(ctx context.Context, hash []byte, c customers.Session) error {
	_, err := s.db.exec(ctx, `INSERT INTO sessions (hash, brand_id, wallet, expires_at) VALUES (?, ?, ?, ?)`,
		hash, c.BrandID, c.Wallet, c.ExpiresAt.UTC())
	return err
}

func (s customerStore) SessionByHash(ctx context.Context, hash []byte) (customers.Session, error) {
	var c customers.Session
	err := s.db.r.QueryRowContext(ctx, `SELECT brand_id, wallet, expires_at FROM sessions WHERE hash = ?`, hash).
		Scan(&c.BrandID, &c.Wallet, &c.ExpiresAt)
	return c, notFound(err, "session")
}
