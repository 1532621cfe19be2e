package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math/big"
	"time"

	"github.com/metapass/metapass"
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

const txColumns = `t.id, t.chain_id, t.sender, t.nonce, t.hash, t.raw, a.gas_tip_cap, a.gas_fee_cap, t.kind, t.launch_id,
	t.created_at, COALESCE(t.block_number, 0), COALESCE(t.block_hash, '')`

const txFrom = ` FROM chain_txs t LEFT JOIN tx_attempts a ON a.hash = t.hash `

// queryTxs lists the recorded transactions t matching cond, by nonce, with
// every attempt's hash.
func (s PassStore) queryTxs(ctx context.Context, cond string, args ...any) ([]passes.ChainTx, error) {
	rows, err := s.db.r.QueryContext(ctx, `SELECT `+txColumns+txFrom+`WHERE `+cond+` ORDER BY t.nonce`, args...)
	if err != nil {
		return nil, err
	}
	var out []passes.ChainTx
	byID := map[int64]int{}
	for rows.Next() {
		var t passes.ChainTx
		var tip, feeCap sql.NullString
		if err := rows.Scan(&t.ID, &t.ChainID, &t.Sender, &t.Nonce, &t.Hash, &t.Raw, &tip, &feeCap, &t.Kind, &t.LaunchID,
			&t.CreatedAt, &t.BlockNumber, &t.BlockHash); err != nil {
			rows.Close()
			return nil, err
		}
		t.GasTipCap, t.GasFeeCap = wei(tip), wei(feeCap)
		byID[t.ID] = len(out)
		out = append(out, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	rows, err = s.db.r.QueryContext(ctx, `SELECT a.tx_id, a.hash FROM tx_attempts a JOIN chain_txs t ON t.id = a.tx_id
		WHERE `+cond+` ORDER BY a.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var hash string
		if err := rows.Scan(&id, &hash); err != nil {
			return nil, err
		}
		if i, ok := byID[id]; ok { // not a row recorded since the first query
			out[i].Attempts = append(out[i].Attempts, hash)
		}
	}
	return out, rows.Err()
}

// wei parses a decimal amount stored as text; NULL (or garbage) is nil.
func wei(s sql.NullString) *big.Int {
	n, ok := new(big.Int).SetString(s.String, 10)
	if !s.Valid || !ok {
		return nil
	}
	return n
}

func weiText(n *big.Int) any {
	if n == nil {
		return nil
	}
	return n.String()
}

func (s PassStore) PendingTxs(ctx context.Context, chainID uint64) ([]passes.ChainTx, error) {
	return s.queryTxs(ctx, `t.chain_id = ? AND t.state = 'pending'`, chainID)
}

func (s PassStore) ConfirmedSince(ctx context.Context, chainID, block uint64) ([]passes.ChainTx, error) {
	return s.queryTxs(ctx, `t.chain_id = ? AND t.state = 'confirmed' AND t.block_number > ?`, chainID, block)
}

func (s PassStore) LaunchesToDeploy(ctx context.Context, chainID uint64) ([]passes.Launch, error) {
	return s.queryLaunches(ctx, `WHERE l.chain_id = ? AND l.state <> 'draft' AND l.deploy_tx_id IS NULL ORDER BY l.updated_at`, chainID)
}

func (s PassStore) LaunchesToMint(ctx context.Context, chainID uint64) ([]passes.Launch, error) {
	return s.queryLaunches(ctx, `WHERE l.chain_id = ? AND t.state = 'confirmed'
		AND EXISTS (SELECT 1 FROM passes p WHERE p.launch_id = l.id AND p.state = 'queued') ORDER BY l.updated_at`, chainID)
}

func (s PassStore) QueuedPasses(ctx context.Context, launchID string, limit int) ([]passes.Pass, error) {
	// The window of the oldest queued passes comes from passes_queued alone;
	// the recipients in flight, from passes_in_flight, are read once into
	// a set each of them is looked up in. The indexes are named, so
	// statistics (ANALYZE) cannot turn either into a walk of another.
	return queryPasses(ctx, s.db.r, `WHERE p.id IN (SELECT q.id FROM (SELECT id, recipient FROM passes INDEXED BY passes_queued
		WHERE launch_id = ? AND state = 'queued' ORDER BY id LIMIT ?) q WHERE q.recipient NOT IN (SELECT f.recipient
		FROM passes f INDEXED BY passes_in_flight WHERE f.launch_id = ? AND f.tx_id IS NOT NULL AND f.state IN ('submitted', 'waiting_for_funds'))
		ORDER BY q.id LIMIT ?) ORDER BY p.id`, launchID, passes.QueueWindow, launchID, limit)
}

func (s PassStore) Lease(ctx context.Context, chainID uint64, sender, holder string, now, until time.Time) (ok bool, err error) {
	err = s.db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO minter_leases (chain_id, sender, holder, expires_at_ms) VALUES (?, ?, ?, ?)
			ON CONFLICT (chain_id, sender) DO UPDATE SET holder = excluded.holder, expires_at_ms = excluded.expires_at_ms
			WHERE minter_leases.holder = excluded.holder OR minter_leases.expires_at_ms <= ?`,
			chainID, sender, holder, until.UnixMilli(), now.UnixMilli()); err != nil {
			return err
		}
		var current string
		err := tx.QueryRowContext(ctx, `SELECT holder FROM minter_leases WHERE chain_id = ? AND sender = ?`, chainID, sender).Scan(&current)
		ok = current == holder
		return err
	})
	return ok, err
}

// insertTx records t and its first attempt.
func insertTx(ctx context.Context, tx *sql.Tx, t passes.ChainTx) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO chain_txs (chain_id, sender, nonce, hash, raw, kind, launch_id, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, t.ChainID, t.Sender, t.Nonce, t.Hash, t.Raw, t.Kind, t.LaunchID, t.CreatedAt)
	if err != nil {
		return 0, fmt.Errorf("insert tx %s: %w", t.Hash, err)
	}
	if t.ID, err = res.LastInsertId(); err != nil {
		return 0, err
	}
	return t.ID, insertAttempt(ctx, tx, t)
}

func insertAttempt(ctx context.Context, tx *sql.Tx, t passes.ChainTx) error {
	if t.Holder != "" {
		// The fence: a replica that lost the lease records nothing, so it
		// broadcasts nothing.
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM minter_leases WHERE chain_id = ? AND sender = ? AND holder = ?
			AND expires_at_ms > ?`, t.ChainID, t.Sender, t.Holder, time.Now().UnixMilli()).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return passes.ErrLeaseLost
		}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO tx_attempts (tx_id, hash, raw, gas_tip_cap, gas_fee_cap, created_at)
		VALUES (?, ?, ?, ?, ?, ?)`, t.ID, t.Hash, t.Raw, weiText(t.GasTipCap), weiText(t.GasFeeCap), time.Now().UTC())
	if err != nil {
		return fmt.Errorf("insert attempt %s: %w", t.Hash, err)
	}
	return nil
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

func (s PassStore) RecordMint(ctx context.Context, t passes.ChainTx, passIDs []int64, chainTokenIDs []string) (id int64, err error) {
	if len(chainTokenIDs) != len(passIDs) {
		return 0, fmt.Errorf("record mint: %d passes, %d chain token ids", len(passIDs), len(chainTokenIDs))
	}
	err = s.db.inTx(ctx, func(tx *sql.Tx) error {
		if id, err = insertTx(ctx, tx, t); err != nil {
			return err
		}
		// One statement for the batch: [[pass id, chain token id], …].
		pairs := make([][2]any, len(passIDs))
		for i, pid := range passIDs {
			pairs[i] = [2]any{pid, chainTokenIDs[i]}
		}
		// "+state": not a term passes_queued could serve, so the batch's
		// ids drive the update rather than a scan of every queued pass.
		res, err := tx.ExecContext(ctx, `UPDATE passes SET state = 'submitted', tx_id = ?, chain_token_id = json_extract(j.value, '$[1]')
			FROM json_each(?) j WHERE passes.id = json_extract(j.value, '$[0]') AND +passes.state = 'queued'`, id, jsonList(pairs))
		if err != nil {
			return fmt.Errorf("record mint of passes %v: %w", passIDs, err)
		}
		if n, _ := res.RowsAffected(); n != int64(len(passIDs)) {
			return fmt.Errorf("record mint: %d of passes %v are no longer queued", int64(len(passIDs))-n, passIDs)
		}
		return nil
	})
	return id, err
}

func (s PassStore) PassesToBurn(ctx context.Context, chainID uint64, limit int) ([]passes.Pass, error) {
	return queryPasses(ctx, s.db.r, `WHERE p.refund = 1 AND p.state = 'minted' AND p.burn_tx_id IS NULL AND l.chain_id = ?
		ORDER BY p.id LIMIT ?`, chainID, limit)
}

func (s PassStore) RecordBurn(ctx context.Context, t passes.ChainTx, passID int64) (id int64, err error) {
	err = s.db.inTx(ctx, func(tx *sql.Tx) error {
		if id, err = insertTx(ctx, tx, t); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE passes SET state = 'burning', burn_tx_id = ? WHERE id = ? AND state = 'minted' AND burn_tx_id IS NULL`,
			id, passID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("record burn: pass %d is not a minted pass to burn", passID)
		}
		return nil
	})
	return id, err
}

func (s PassStore) KeepPass(ctx context.Context, passID int64, reason string) error {
	_, err := s.db.exec(ctx, `UPDATE passes SET refund = 0, fail_reason = ? WHERE id = ? AND state = 'minted'`, reason, passID)
	return err
}

func (s PassStore) RecordAttempt(ctx context.Context, t passes.ChainTx) error {
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		if err := insertAttempt(ctx, tx, t); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE chain_txs SET hash = ?, raw = ? WHERE id = ? AND nonce = ? AND state = 'pending'`,
			t.Hash, t.Raw, t.ID, t.Nonce)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("record attempt %s: transaction %d at nonce %d is not pending", t.Hash, t.ID, t.Nonce)
		}
		return nil
	})
}

func (s PassStore) ConfirmTx(ctx context.Context, t passes.ChainTx, r passes.Receipt, reason string) error {
	state := "confirmed"
	if !r.Success {
		state = "failed"
	}
	now := time.Now().UTC()
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		// The mined attempt becomes the transaction's hash and raw bytes.
		res, err := tx.ExecContext(ctx, `UPDATE chain_txs SET hash = a.hash, raw = a.raw, state = ?, block_number = ?,
			block_hash = ?, gas_used = ?, settled_at = ? FROM tx_attempts a WHERE a.tx_id = chain_txs.id AND a.hash = ?
			AND chain_txs.id = ? AND chain_txs.state = 'pending'`,
			state, r.BlockNumber, r.BlockHash, r.GasUsed, now, t.Hash, t.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("confirm %s: no pending transaction %d with that attempt", t.Hash, t.ID)
		}
		switch {
		case t.Kind == passes.TxImplementation || t.Kind == passes.TxFactory:
			if !r.Success {
				err = forgetFactoryTx(ctx, tx, t)
			}
		case t.Kind == passes.TxFund:
			err = settleFund(ctx, tx, t.ID, state)
		case t.Kind == passes.TxBurn && r.Success:
			_, err = tx.ExecContext(ctx, `UPDATE passes SET state = 'refunded' WHERE burn_tx_id = ?`, t.ID)
		case t.Kind == passes.TxBurn:
			_, err = tx.ExecContext(ctx, `UPDATE passes SET state = 'minted', burn_tx_id = NULL, fail_reason = ? WHERE burn_tx_id = ?`, reason, t.ID)
		case t.Kind == passes.TxDeploy && r.Success:
			_, err = tx.ExecContext(ctx, `UPDATE launches SET state = CASE state WHEN 'deploying' THEN 'live' ELSE state END,
				updated_at = ? WHERE id = ?`, now, t.LaunchID)
		case t.Kind == passes.TxDeploy:
			_, err = tx.ExecContext(ctx, `UPDATE launches SET state = CASE state WHEN 'ended' THEN state ELSE 'draft' END,
				deploy_tx_id = NULL, contract = '', deploy_error = ?, updated_at = ? WHERE id = ?`, reason, now, t.LaunchID)
		case r.Success:
			if res, err = tx.ExecContext(ctx, `UPDATE passes SET state = 'minted' WHERE tx_id = ?`, t.ID); err == nil {
				n, _ := res.RowsAffected()
				_, err = tx.ExecContext(ctx, `UPDATE launches SET minted = minted + ? WHERE id = ?`, n, t.LaunchID)
			}
		default:
			_, err = tx.ExecContext(ctx, `UPDATE passes SET state = 'failed', fail_reason = ?, chain_token_id = NULL WHERE tx_id = ?`, reason, t.ID)
		}
		switch {
		case err != nil:
			return err
		case t.Kind == passes.TxMint:
			return emitSettled(ctx, tx, now, `tx_id = ?`, t.ID)
		case t.Kind == passes.TxBurn:
			return emitSettled(ctx, tx, now, `burn_tx_id = ?`, t.ID)
		}
		return nil
	})
}

// emitSettled tells the webhooks of every order with a pass matching where
// that is now minted or failed.
func emitSettled(ctx context.Context, tx *sql.Tx, now time.Time, where string, args ...any) error {
	orders, err := getOrders(ctx, tx, `id IN (SELECT order_id FROM passes WHERE `+where+`)`, args...)
	if err != nil {
		return err
	}
	var events []metapass.Event
	for _, o := range orders {
		if e, ok := passes.SettledEvent(o, now); ok {
			events = append(events, e)
		}
	}
	return emitAll(ctx, tx, now, events)
}

func (s PassStore) DropTx(ctx context.Context, t passes.ChainTx) error {
	now := time.Now().UTC()
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE chain_txs SET state = 'dropped', settled_at = ? WHERE id = ? AND state = 'pending'`, now, t.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("drop %s: transaction %d is not pending", t.Hash, t.ID)
		}
		if t.Kind == passes.TxDeploy {
			_, err = tx.ExecContext(ctx, `UPDATE launches SET deploy_tx_id = NULL, contract = '', updated_at = ?
				WHERE id = ? AND deploy_tx_id = ?`, now, t.LaunchID, t.ID)
			return err
		}
		if t.Kind == passes.TxFund {
			return settleFund(ctx, tx, t.ID, "dropped")
		}
		if t.Kind == passes.TxImplementation || t.Kind == passes.TxFactory {
			return forgetFactoryTx(ctx, tx, t)
		}
		if t.Kind == passes.TxBurn {
			_, err = tx.ExecContext(ctx, `UPDATE passes SET state = 'minted', burn_tx_id = NULL WHERE burn_tx_id = ?`, t.ID)
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE passes SET state = 'queued', tx_id = NULL, chain_token_id = NULL WHERE tx_id = ?`, t.ID)
		return err
	})
}

func (s PassStore) ReopenTx(ctx context.Context, t passes.ChainTx) error {
	now := time.Now().UTC()
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE chain_txs SET state = 'pending', block_number = NULL, block_hash = NULL,
			gas_used = NULL, settled_at = NULL WHERE id = ? AND state = 'confirmed'`, t.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("reopen %s: transaction %d is not confirmed", t.Hash, t.ID)
		}
		if t.Kind == passes.TxDeploy {
			_, err = tx.ExecContext(ctx, `UPDATE launches SET state = CASE state WHEN 'live' THEN 'deploying' ELSE state END,
				updated_at = ? WHERE id = ?`, now, t.LaunchID)
			return err
		}
		if t.Kind == passes.TxFund {
			return settleFund(ctx, tx, t.ID, "reopened")
		}
		if t.Kind == passes.TxImplementation || t.Kind == passes.TxFactory {
			return nil
		}
		if t.Kind == passes.TxBurn {
			_, err = tx.ExecContext(ctx, `UPDATE passes SET state = 'burning' WHERE burn_tx_id = ? AND state = 'refunded'`, t.ID)
			return err
		}
		if res, err = tx.ExecContext(ctx, `UPDATE passes SET state = 'submitted' WHERE tx_id = ? AND state = 'minted'`, t.ID); err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		_, err = tx.ExecContext(ctx, `UPDATE launches SET minted = minted - ? WHERE id = ?`, n, t.LaunchID)
		return err
	})
}

func (s PassStore) HoldForFunds(ctx context.Context, chainID uint64, txID int64) error {
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE passes SET state = 'waiting_for_funds' WHERE state = 'queued'
			AND launch_id IN (SELECT id FROM launches WHERE chain_id = ?)`, chainID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE passes SET state = 'waiting_for_funds' WHERE tx_id = ? AND state = 'submitted'`, txID)
		return err
	})
}

func (s PassStore) ReleaseFunds(ctx context.Context, chainID uint64) error {
	_, err := s.db.exec(ctx, `UPDATE passes SET state = CASE WHEN tx_id IS NULL THEN 'queued' ELSE 'submitted' END
		WHERE state = 'waiting_for_funds' AND launch_id IN (SELECT id FROM launches WHERE chain_id = ?)`, chainID)
	return err
}

func (s PassStore) FailPasses(ctx context.Context, passIDs []int64, reason string) error {
	ids := jsonList(passIDs)
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		// "+state": the ids drive the update, not a scan of passes_queued.
		if _, err := tx.ExecContext(ctx, `UPDATE passes SET state = 'failed', fail_reason = ?
			WHERE +state = 'queued' AND id IN (SELECT value FROM json_each(?))`, reason, ids); err != nil {
			return err
		}
		return emitSettled(ctx, tx, time.Now().UTC(), `id IN (SELECT value FROM json_each(?))`, ids)
	})
}

func (s PassStore) FailDeploy(ctx context.Context, launchID, reason string) error {
	_, err := s.db.exec(ctx, `UPDATE launches SET state = CASE state WHEN 'ended' THEN state ELSE 'draft' END,
		deploy_error = ?, updated_at = ? WHERE id = ? AND deploy_tx_id IS NULL`, reason, time.Now().UTC(), launchID)
	return err
}
