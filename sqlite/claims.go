package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math/big"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/custody"
	"github.com/metapass/metapass/passes"
)

// Claims returns the custody.ClaimStore of db.
func (db *DB) Claims() ClaimStore { return ClaimStore{db} }

// ClaimStore implements custody.ClaimStore.
type ClaimStore struct{ db *DB }

var _ custody.ClaimStore = ClaimStore{}

func (s ClaimStore) CreateClaims(ctx context.Context, cs []custody.Claim) error {
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		for _, c := range cs {
			_, err := tx.ExecContext(ctx, `INSERT INTO claims (id, brand_id, customer_ref, launch_id, chain_id, contract, token_id,
				from_wallet, to_wallet, state, fund_wei, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
	fund_wei, tx_hash, raw, fail_reason, created_at, claimed_at`

func scanClaims(rows *sql.Rows) ([]custody.Claim, error) {
	defer rows.Close()
	out := []custody.Claim{}
	for rows.Next() {
		var (
			c       custody.Claim
			fund    string
			claimed sql.NullTime
		)
		if err := rows.Scan(&c.ID, &c.BrandID, &c.CustomerRef, &c.LaunchID, &c.ChainID, &c.Contract, &c.TokenID, &c.From, &c.To,
			&c.State, &fund, &c.TxHash, &c.Raw, &c.FailReason, &c.CreatedAt, &claimed); err != nil {
			return nil, err
		}
		c.Fund, _ = new(big.Int).SetString(fund, 10)
		if claimed.Valid {
			c.ClaimedAt = &claimed.Time
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func (s ClaimStore) ListClaims(ctx context.Context, brandID, customerRef string) ([]custody.Claim, error) {
	rows, err := s.db.r.QueryContext(ctx, `SELECT `+claimColumns+` FROM claims WHERE brand_id = ? AND customer_ref = ?
		ORDER BY created_at DESC, id`, brandID, customerRef)
	if err != nil {
		return nil, err
	}
	return scanClaims(rows)
}

func (s ClaimStore) OpenClaims(ctx context.Context, chainID uint64) ([]custody.Claim, error) {
	rows, err := s.db.r.QueryContext(ctx, `SELECT `+claimColumns+` FROM claims WHERE chain_id = ? AND state IN ('funded', 'transferring')
		ORDER BY created_at, id`, chainID)
	if err != nil {
		return nil, err
	}
	return scanClaims(rows)
}

func (s ClaimStore) RecordTransfer(ctx context.Context, c custody.Claim) error {
	return s.update(ctx, `UPDATE claims SET state = 'transferring', tx_hash = ?, raw = ? WHERE id = ? AND state = 'funded'`,
		c.TxHash, c.Raw, c.ID)
}

func (s ClaimStore) Refund(ctx context.Context, c custody.Claim) error {
	return s.update(ctx, `UPDATE claims SET state = 'funding', fund_wei = ?, fund_tx_id = NULL, tx_hash = '', raw = NULL
		WHERE id = ? AND state = 'transferring'`, c.Fund.String(), c.ID)
}

func (s ClaimStore) Settle(ctx context.Context, c custody.Claim) error {
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE claims SET state = ?, fail_reason = ?, claimed_at = ? WHERE id = ? AND state IN ('funded', 'transferring')`,
			c.State, c.FailReason, nullTime(c.ClaimedAt), c.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("settle claim %s: not open", c.ID)
		}
		if c.State != custody.ClaimClaimed {
			return nil
		}
		return emit(ctx, tx, metapass.NewEvent(custody.EventClaimed, c.BrandID, *c.ClaimedAt, c))
	})
}

func (s ClaimStore) update(ctx context.Context, query string, args ...any) error {
	res, err := s.db.exec(ctx, query, args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("claim %v: not in the expected state", args[len(args)-1])
	}
	return nil
}

func (s PassStore) FundingsDue(ctx context.Context, chainID uint64, limit int) ([]passes.Funding, error) {
	rows, err := s.db.r.QueryContext(ctx, `SELECT id, launch_id, from_wallet, fund_wei FROM claims
		WHERE chain_id = ? AND state = 'funding' AND fund_tx_id IS NULL ORDER BY created_at, id LIMIT ?`, chainID, limit)
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
		f.Value, _ = new(big.Int).SetString(fund, 10)
		out = append(out, f)
	}
	return out, rows.Err()
}

func (s PassStore) RecordFund(ctx context.Context, t passes.ChainTx, fundingID string) (id int64, err error) {
	err = s.db.inTx(ctx, func(tx *sql.Tx) error {
		if id, err = insertTx(ctx, tx, t); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE claims SET fund_tx_id = ? WHERE id = ? AND state = 'funding' AND fund_tx_id IS NULL`, id, fundingID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("record funding: claim %s is not waiting for funds", fundingID)
		}
		return nil
	})
	return id, err
}

// settleFund applies a funding transaction's outcome to its claim in tx:
// funded when it succeeded, funded again from scratch when it failed or
// was dropped, back in flight when its block left the chain.
func settleFund(ctx context.Context, tx *sql.Tx, txID int64, outcome string) error {
	var err error
	switch outcome {
	case "confirmed":
		_, err = tx.ExecContext(ctx, `UPDATE claims SET state = 'funded' WHERE fund_tx_id = ? AND state = 'funding'`, txID)
	case "reopened":
		_, err = tx.ExecContext(ctx, `UPDATE claims SET state = 'funding' WHERE fund_tx_id = ? AND state = 'funded'`, txID)
	default: // failed or dropped
		_, err = tx.ExecContext(ctx, `UPDATE claims SET fund_tx_id = NULL WHERE fund_tx_id = ? AND state = 'funding'`, txID)
	}
	return err
}
