package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/custody"
	"github.com/metapass/metapass/passes"
)

// Claims returns the custody.ClaimStore of db.
func (db *DB) Claims() ClaimStore { return ClaimStore{db} }

// ClaimStore implements custody.ClaimStore. Its updates name the state
// they leave, so concurrent ones change a claim once.
type ClaimStore struct{ db *DB }

var _ custody.ClaimStore = ClaimStore{}

func (s ClaimStore) CreateClaims(ctx context.Context, cs []custody.Claim) error {
	return s.db.inTx(ctx, func(tx pgx.Tx) error {
		for _, c := range cs {
			_, err := tx.Exec(ctx, `INSERT INTO claims (id, brand_id, customer_ref, launch_id, chain_id, contract, token_id,
				from_wallet, to_wallet, state, fund_wei, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::numeric, $12)`,
				c.ID, c.BrandID, c.CustomerRef, c.LaunchID, c.ChainID, c.Contract, c.TokenID, c.From, c.To, c.State, c.Fund.String(), c.CreatedAt)
			if isUnique(err) {
				return metapass.Errorf(metapass.ECONFLICT, "pass %d is already being claimed", c.TokenID)
			}
			if err != nil {
				return fmt.Errorf("insert claim: %w", err)
			}
		}
		return nil
	})
}

const claimColumns = `id, brand_id, customer_ref, launch_id, chain_id, contract, token_id, from_wallet, to_wallet, state,
	fund_wei::text, tx_hash, raw, fail_reason, created_at, claimed_at`

func scanClaims(rows pgx.Rows) ([]custody.Claim, error) {
	defer rows.Close()
	out := []custody.Claim{}
	for rows.Next() {
		var (
			c    custody.Claim
			fund string
		)
		if err := rows.Scan(&c.ID, &c.BrandID, &c.CustomerRef, &c.LaunchID, &c.ChainID, &c.Contract, &c.TokenID, &c.From, &c.To,
			&c.State, &fund, &c.TxHash, &c.Raw, &c.FailReason, &c.CreatedAt, &c.ClaimedAt); err != nil {
			return nil, err
		}
		c.Fund = wei(&fund)
		out = append(out, c)
	}
	return out, rows.Err()
}

func (s ClaimStore) ListClaims(ctx context.Context, brandID, customerRef string) ([]custody.Claim, error) {
	rows, err := s.db.pool.Query(ctx, `SELECT `+claimColumns+` FROM claims WHERE brand_id = $1 AND customer_ref = $2
		ORDER BY created_at DESC, id`, brandID, customerRef)
	if err != nil {
		return nil, err
	}
	return scanClaims(rows)
}

func (s ClaimStore) OpenClaims(ctx context.Context, chainID uint64) ([]custody.Claim, error) {
	rows, err := s.db.pool.Query(ctx, `SELECT `+claimColumns+` FROM claims WHERE chain_id = $1 AND state IN ('funded', 'transferring')
		ORDER BY created_at, id`, chainID)
	if err != nil {
		return nil, err
	}
	return scanClaims(rows)
}

func (s ClaimStore) RecordTransfer(ctx context.Context, c custody.Claim) error {
	return s.update(ctx, c.ID, `UPDATE claims SET state = 'transferring', tx_hash = $2, raw = $3 WHERE id = $1 AND state = 'funded'`,
		c.TxHash, c.Raw)
}

func (s ClaimStore) Refund(ctx context.Context, c custody.Claim) error {
	return s.update(ctx, c.ID, `UPDATE claims SET state = 'funding', fund_wei = $2::numeric, fund_tx_id = NULL, tx_hash = '', raw = NULL
		WHERE id = $1 AND state = 'transferring'`, c.Fund.String())
}

func (s ClaimStore) Settle(ctx context.Context, c custody.Claim) error {
	return s.db.inTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE claims SET state = $1, fail_reason = $2, claimed_at = $3 WHERE id = $4 AND state IN ('funded', 'transferring')`,
			c.State, c.FailReason, c.ClaimedAt, c.ID)
		if err != nil {
			return err
		}
		if tag.RowsAffected() != 1 {
			return fmt.Errorf("settle claim %s: not open", c.ID)
		}
		if c.State != custody.ClaimClaimed {
			return nil
		}
		return emit(ctx, tx, metapass.NewEvent(custody.EventClaimed, c.BrandID, *c.ClaimedAt, c))
	})
}

func (s ClaimStore) update(ctx context.Context, id, query string, args ...any) error {
	tag, err := s.db.pool.Exec(ctx, query, append([]any{id}, args...)...)
	if err != nil {
		return err
	}
	if tag.RowsAffected() != 1 {
		return fmt.Errorf("claim %s: not in the expected state", id)
	}
	return nil
}

func (s PassStore) FundingsDue(ctx context.Context, chainID uint64, limit int) ([]passes.Funding, error) {
	rows, err := s.db.pool.Query(ctx, `SELECT id, launch_id, from_wallet, fund_wei::text FROM claims
		WHERE chain_id = $1 AND state = 'funding' AND fund_tx_id IS NULL ORDER BY created_at, id LIMIT $2`, chainID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []passes.Funding
	for rows.Next() {
		var (
			f    passes.Funding
			fund string
		)
		if err := rows.Scan(&f.ID, &f.LaunchID, &f.To, &fund); err != nil {
			return nil, err
		}
		f.Value = wei(&fund)
		out = append(out, f)
	}
	return out, rows.Err()
}

func (s PassStore) RecordFund(ctx context.Context, t passes.ChainTx, fundingID string) (id int64, err error) {
	err = s.db.inTx(ctx, func(tx pgx.Tx) error {
		if id, err = insertTx(ctx, tx, t); err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `UPDATE claims SET fund_tx_id = $1 WHERE id = $2 AND state = 'funding' AND fund_tx_id IS NULL`, id, fundingID)
		if err != nil {
			return err
		}
		if tag.RowsAffected() != 1 {
			return fmt.Errorf("record funding: claim %s is not waiting for funds", fundingID)
		}
		return nil
	})
	return id, err
}

// settleFund applies a funding transaction's outcome to its claim in tx:
// funded when it succeeded, funded again from scratch when it failed or
// was dropped, back in flight when its block left the chain.
func settleFund(ctx context.Context, tx pgx.Tx, txID int64, outcome string) error {
	var err error
	switch outcome {
	case "confirmed":
		_, err = tx.Exec(ctx, `UPDATE claims SET state = 'funded' WHERE fund_tx_id = $1 AND state = 'funding'`, txID)
	case "reopened":
		_, err = tx.Exec(ctx, `UPDATE claims SET state = 'funding' WHERE fund_tx_id = $1 AND state = 'funded'`, txID)
	default: // failed or dropped
		_, err = tx.Exec(ctx, `UPDATE claims SET fund_tx_id = NULL WHERE fund_tx_id = $1 AND state = 'funding'`, txID)
	}
	return err
}
