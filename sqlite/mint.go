package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/metapass/metapass/passes"
)

func (s PassStore) NextNonce(ctx context.Context, chainID uint64, sender string) (uint64, error) {
	var n sql.NullInt64
	err := s.db.r.QueryRowContext(ctx, `SELECT MAX(nonce) FROM chain_txs WHERE chain_id = ? AND sender = ?`, chainID, sender).Scan(&n)
	if err != nil || !n.Valid {
		return 0, err
	}
	return uint64(n.Int64) + 1, nil
}

func (s PassStore) PendingTxs(ctx context.Context, chainID uint64) ([]passes.ChainTx, error) {
	rows, err := s.db.r.QueryContext(ctx, `SELECT id, chain_id, sender, nonce, hash, raw, kind, launch_id, created_at
		FROM chain_txs WHERE chain_id = ? AND state = 'pending' ORDER BY nonce`, chainID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []passes.ChainTx
	for rows.Next() {
		var t passes.ChainTx
		if err := rows.Scan(&t.ID, &t.ChainID, &t.Sender, &t.Nonce, &t.Hash, &t.Raw, &t.Kind, &t.LaunchID, &t.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

func (s PassStore) LaunchesToDeploy(ctx context.Context, chainID uint64) ([]passes.Launch, error) {
	return s.queryLaunches(ctx, `WHERE l.chain_id = ? AND l.state <> 'draft' AND l.deploy_tx_id IS NULL ORDER BY l.updated_at`, chainID)
}

func (s PassStore) LaunchesToMint(ctx context.Context, chainID uint64) ([]passes.Launch, error) {
	return s.queryLaunches(ctx, `WHERE l.chain_id = ? AND t.state = 'confirmed'
		AND EXISTS (SELECT 1 FROM passes p WHERE p.launch_id = l.id AND p.state = 'queued') ORDER BY l.updated_at`, chainID)
}

func (s PassStore) QueuedPasses(ctx context.Context, launchID string, limit int) ([]passes.Pass, error) {
	return queryPasses(ctx, s.db.r, `WHERE p.launch_id = ? AND p.state = 'queued' ORDER BY p.id LIMIT ?`, launchID, limit)
}

func insertTx(ctx context.Context, tx *sql.Tx, t passes.ChainTx) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO chain_txs (chain_id, sender, nonce, hash, raw, kind, launch_id, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, t.ChainID, t.Sender, t.Nonce, t.Hash, t.Raw, t.Kind, t.LaunchID, t.CreatedAt)
	if err != nil {
		return 0, fmt.Errorf("insert tx %s: %w", t.Hash, err)
	}
	return res.LastInsertId()
}

func (s PassStore) RecordDeploy(ctx context.Context, t passes.ChainTx, contract string) (id int64, err error) {
	err = s.db.inTx(ctx, func(tx *sql.Tx) error {
		if id, err = insertTx(ctx, tx, t); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE launches SET deploy_tx_id = ?, contract = ?, updated_at = ? WHERE id = ?`,
			id, contract, t.CreatedAt, t.LaunchID)
		return err
	})
	return id, err
}

func (s PassStore) RecordMint(ctx context.Context, t passes.ChainTx, passIDs []int64) (id int64, err error) {
	err = s.db.inTx(ctx, func(tx *sql.Tx) error {
		if id, err = insertTx(ctx, tx, t); err != nil {
			return err
		}
		q, args := inList(passIDs)
		res, err := tx.ExecContext(ctx, `UPDATE passes SET state = 'submitted', tx_id = ? WHERE state = 'queued' AND id IN `+q,
			append([]any{id}, args...)...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != int64(len(passIDs)) {
			return fmt.Errorf("record mint: %d of %d passes were still queued", n, len(passIDs))
		}
		return nil
	})
	return id, err
}

func inList(ids []int64) (string, []any) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return "(" + strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",") + ")", args
}

func (s PassStore) ConfirmTx(ctx context.Context, t passes.ChainTx, r passes.Receipt, reason string) error {
	state := "confirmed"
	if !r.Success {
		state = "failed"
	}
	now := time.Now().UTC()
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE chain_txs SET state = ?, block_number = ?, block_hash = ?, gas_used = ?, settled_at = ?
			WHERE id = ?`, state, r.BlockNumber, r.BlockHash, r.GasUsed, now, t.ID); err != nil {
			return err
		}
		var err error
		switch {
		case t.Kind == passes.TxDeploy && r.Success:
			_, err = tx.ExecContext(ctx, `UPDATE launches SET state = CASE state WHEN 'deploying' THEN 'live' ELSE state END,
				updated_at = ? WHERE id = ?`, now, t.LaunchID)
		case t.Kind == passes.TxDeploy:
			_, err = tx.ExecContext(ctx, `UPDATE launches SET state = CASE state WHEN 'ended' THEN state ELSE 'draft' END,
				deploy_tx_id = NULL, contract = '', deploy_error = ?, updated_at = ? WHERE id = ?`, reason, now, t.LaunchID)
		case r.Success:
			var res sql.Result
			if res, err = tx.ExecContext(ctx, `UPDATE passes SET state = 'minted' WHERE tx_id = ?`, t.ID); err == nil {
				n, _ := res.RowsAffected()
				_, err = tx.ExecContext(ctx, `UPDATE launches SET minted = minted + ? WHERE id = ?`, n, t.LaunchID)
			}
		default:
			_, err = tx.ExecContext(ctx, `UPDATE passes SET state = 'failed', fail_reason = ? WHERE tx_id = ?`, reason, t.ID)
		}
		return err
	})
}

func (s PassStore) FailPasses(ctx context.Context, passIDs []int64, reason string) error {
	q, args := inList(passIDs)
	_, err := s.db.w.ExecContext(ctx, `UPDATE passes SET state = 'failed', fail_reason = ? WHERE state = 'queued' AND id IN `+q,
		append([]any{reason}, args...)...)
	return err
}

func (s PassStore) FailDeploy(ctx context.Context, launchID, reason string) error {
	_, err := s.db.w.ExecContext(ctx, `UPDATE launches SET state = CASE state WHEN 'ended' THEN state ELSE 'draft' END,
		deploy_error = ?, updated_at = ? WHERE id = ? AND deploy_tx_id IS NULL`, reason, time.Now().UTC(), launchID)
	return err
}
