package postgres

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/metapass/metapass/passes"
)

// The minter is one process per signer: its transactions take the rows
// they change by state (… WHERE state = 'pending'), and a second minter
// recording the same nonce fails on UNIQUE (chain_id, sender, nonce).

func (s PassStore) NextNonce(ctx context.Context, chainID uint64, sender string) (uint64, error) {
	var n *int64
	err := s.db.pool.QueryRow(ctx, `SELECT MAX(nonce) FROM chain_txs WHERE chain_id = $1 AND sender = $2`, chainID, sender).Scan(&n)
	if err != nil || n == nil {
		return 0, err
	}
	return uint64(*n) + 1, nil
}

const txColumns = `t.id, t.chain_id, t.sender, t.nonce, t.hash, t.raw, a.gas_tip_cap::text, a.gas_fee_cap::text, t.kind, t.launch_id,
	t.created_at, COALESCE(t.block_number, 0), COALESCE(t.block_hash, '')`

const txFrom = ` FROM chain_txs t LEFT JOIN tx_attempts a ON a.hash = t.hash `

// queryTxs lists the recorded transactions t matching cond, by nonce, with
// every attempt's hash, as of one snapshot.
func (s PassStore) queryTxs(ctx context.Context, cond string, args ...any) (out []passes.ChainTx, err error) {
	err = pgx.BeginTxFunc(ctx, s.db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		out = nil
		rows, err := tx.Query(ctx, `SELECT `+txColumns+txFrom+`WHERE `+cond+` ORDER BY t.nonce`, args...)
		if err != nil {
			return err
		}
		byID := map[int64]int{}
		for rows.Next() {
			var t passes.ChainTx
			var tip, feeCap *string
			if err := rows.Scan(&t.ID, &t.ChainID, &t.Sender, &t.Nonce, &t.Hash, &t.Raw, &tip, &feeCap, &t.Kind, &t.LaunchID,
				&t.CreatedAt, &t.BlockNumber, &t.BlockHash); err != nil {
				rows.Close()
				return err
			}
			t.GasTipCap, t.GasFeeCap = wei(tip), wei(feeCap)
			byID[t.ID] = len(out)
			out = append(out, t)
		}
		rows.Close()
		if err := rows.Err(); err != nil || len(out) == 0 {
			return err
		}
		rows, err = tx.Query(ctx, `SELECT a.tx_id, a.hash FROM tx_attempts a JOIN chain_txs t ON t.id = a.tx_id
			WHERE `+cond+` ORDER BY a.id`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var hash string
			if err := rows.Scan(&id, &hash); err != nil {
				return err
			}
			if i, ok := byID[id]; ok {
				out[i].Attempts = append(out[i].Attempts, hash)
			}
		}
		return rows.Err()
	})
	return out, err
}

// wei parses a decimal amount; NULL is nil.
func wei(s *string) *big.Int {
	if s == nil {
		return nil
	}
	n, ok := new(big.Int).SetString(*s, 10)
	if !ok {
		return nil
	}
	return n
}

func weiText(n *big.Int) *string {
	if n == nil {
		return nil
	}
	s := n.String()
	return &s
}

func (s PassStore) PendingTxs(ctx context.Context, chainID uint64) ([]passes.ChainTx, error) {
	return s.queryTxs(ctx, `t.chain_id = $1 AND t.state = 'pending'`, chainID)
}

func (s PassStore) ConfirmedSince(ctx context.Context, chainID, block uint64) ([]passes.ChainTx, error) {
	return s.queryTxs(ctx, `t.chain_id = $1 AND t.state = 'confirmed' AND t.block_number > $2`, chainID, block)
}

func (s PassStore) LaunchesToDeploy(ctx context.Context, chainID uint64) ([]passes.Launch, error) {
	return s.queryLaunches(ctx, `WHERE l.chain_id = $1 AND l.state <> 'draft' AND l.deploy_tx_id IS NULL ORDER BY l.updated_at`, chainID)
}

func (s PassStore) LaunchesToMint(ctx context.Context, chainID uint64) ([]passes.Launch, error) {
	return s.queryLaunches(ctx, `WHERE l.chain_id = $1 AND t.state = 'confirmed'
		AND EXISTS (SELECT 1 FROM passes p WHERE p.launch_id = l.id AND p.state = 'queued') ORDER BY l.updated_at`, chainID)
}

func (s PassStore) QueuedPasses(ctx context.Context, launchID string, limit int) ([]passes.Pass, error) {
	// The window of the oldest queued passes comes from passes_queued alone;
	// the recipients in flight come from passes_in_flight (the planner
	// hashes them, or probes the index for each recipient).
	return queryPasses(ctx, s.db.pool, `WHERE p.id IN (SELECT q.id FROM (SELECT id, recipient FROM passes
		WHERE launch_id = $1 AND state = 'queued' ORDER BY id LIMIT $2) q WHERE NOT EXISTS (SELECT 1 FROM passes f
		WHERE f.launch_id = $1 AND f.recipient = q.recipient AND f.tx_id IS NOT NULL AND f.state IN ('submitted', 'waiting_for_funds'))
		ORDER BY q.id LIMIT $3) ORDER BY p.id`, launchID, passes.QueueWindow, limit)
}

func (s PassStore) Lease(ctx context.Context, chainID uint64, sender, holder string, now, until time.Time) (ok bool, err error) {
	var current string
	err = s.db.pool.QueryRow(ctx, `INSERT INTO minter_leases (chain_id, sender, holder, expires_at_ms) VALUES ($1, $2, $3, $4)
		ON CONFLICT (chain_id, sender) DO UPDATE SET holder = excluded.holder, expires_at_ms = excluded.expires_at_ms
		WHERE minter_leases.holder = excluded.holder OR minter_leases.expires_at_ms <= $5
		RETURNING holder`, int64(chainID), sender, holder, until.UnixMilli(), now.UnixMilli()).Scan(&current)
	if errors.Is(err, pgx.ErrNoRows) { // held by another replica: the update did not apply
		return false, nil
	}
	return current == holder, err
}

// insertTx records t and its first attempt.
func insertTx(ctx context.Context, tx pgx.Tx, t passes.ChainTx) (int64, error) {
	err := tx.QueryRow(ctx, `INSERT INTO chain_txs (chain_id, sender, nonce, hash, raw, kind, launch_id, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, t.ChainID, t.Sender, t.Nonce, t.Hash, t.Raw, t.Kind, t.LaunchID, t.CreatedAt).
		Scan(&t.ID)
	if err != nil {
		return 0, fmt.Errorf("insert tx %s: %w", t.Hash, err)
	}
	return t.ID, insertAttempt(ctx, tx, t)
}

func insertAttempt(ctx context.Context, tx pgx.Tx, t passes.ChainTx) error {
	if t.Holder != "" {
		// The fence: a replica that lost the lease records nothing, so it
		// broadcasts nothing. The lease row is locked against a takeover
		// until this transaction ends.
		var holder string
		err := tx.QueryRow(ctx, `SELECT holder FROM minter_leases WHERE chain_id = $1 AND sender = $2 AND holder = $3
			AND expires_at_ms > $4 FOR SHARE`, int64(t.ChainID), t.Sender, t.Holder, time.Now().UnixMilli()).Scan(&holder)
		if errors.Is(err, pgx.ErrNoRows) {
			return passes.ErrLeaseLost
		}
		if err != nil {
			return err
		}
	}
	_, err := tx.Exec(ctx, `INSERT INTO tx_attempts (tx_id, hash, raw, gas_tip_cap, gas_fee_cap, created_at)
		VALUES ($1, $2, $3, $4::numeric, $5::numeric, $6)`, t.ID, t.Hash, t.Raw, weiText(t.GasTipCap), weiText(t.GasFeeCap), time.Now().UTC())
	if err != nil {
		return fmt.Errorf("insert attempt %s: %w", t.Hash, err)
	}
	return nil
}

func (s PassStore) RecordDeploy(ctx context.Context, t passes.ChainTx, contract string) (id int64, err error) {
	err = s.db.inTx(ctx, func(tx pgx.Tx) error {
		if id, err = insertTx(ctx, tx, t); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE launches SET deploy_tx_id = $1, contract = $2, updated_at = $3 WHERE id = $4`,
			id, contract, t.CreatedAt, t.LaunchID)
		return err
	})
	return id, err
}

func (s PassStore) RecordMint(ctx context.Context, t passes.ChainTx, passIDs []int64, chainTokenIDs []string) (id int64, err error) {
	if len(chainTokenIDs) != len(passIDs) {
		return 0, fmt.Errorf("record mint: %d passes, %d chain token ids", len(passIDs), len(chainTokenIDs))
	}
	err = s.db.inTx(ctx, func(tx pgx.Tx) error {
		if id, err = insertTx(ctx, tx, t); err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `UPDATE passes SET state = 'submitted', tx_id = $1, chain_token_id = m.chain_token_id
			FROM unnest($2::bigint[], $3::text[]) AS m (id, chain_token_id) WHERE passes.state = 'queued' AND passes.id = m.id`,
			id, passIDs, chainTokenIDs)
		if err != nil {
			return err
		}
		if n := tag.RowsAffected(); n != int64(len(passIDs)) {
			return fmt.Errorf("record mint: %d of %d passes were still queued", n, len(passIDs))
		}
		return nil
	})
	return id, err
}

func (s PassStore) PassesToBurn(ctx context.Context, chainID uint64, limit int) ([]passes.Pass, error) {
	return queryPasses(ctx, s.db.pool, `WHERE p.refund AND p.state = 'minted' AND p.burn_tx_id IS NULL AND l.chain_id = $1
		ORDER BY p.id LIMIT $2`, chainID, limit)
}

func (s PassStore) RecordBurn(ctx context.Context, t passes.ChainTx, passID int64) (id int64, err error) {
	err = s.db.inTx(ctx, func(tx pgx.Tx) error {
		if id, err = insertTx(ctx, tx, t); err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `UPDATE passes SET state = 'burning', burn_tx_id = $1 WHERE id = $2 AND state = 'minted' AND burn_tx_id IS NULL`,
			id, passID)
		if err != nil {
			return err
		}
		if tag.RowsAffected() != 1 {
			return fmt.Errorf("record burn: pass %d is not a minted pass to burn", passID)
		}
		return nil
	})
	return id, err
}

func (s PassStore) KeepPass(ctx context.Context, passID int64, reason string) error {
	_, err := s.db.pool.Exec(ctx, `UPDATE passes SET refund = false, fail_reason = $1 WHERE id = $2 AND state = 'minted'`, reason, passID)
	return err
}

func (s PassStore) RecordAttempt(ctx context.Context, t passes.ChainTx) error {
	return s.db.inTx(ctx, func(tx pgx.Tx) error {
		if err := insertAttempt(ctx, tx, t); err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `UPDATE chain_txs SET hash = $1, raw = $2 WHERE id = $3 AND nonce = $4 AND state = 'pending'`,
			t.Hash, t.Raw, t.ID, t.Nonce)
		if err != nil {
			return err
		}
		if tag.RowsAffected() != 1 {
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
	return s.db.inTx(ctx, func(tx pgx.Tx) error {
		// The mined attempt becomes the transaction's hash and raw bytes.
		tag, err := tx.Exec(ctx, `UPDATE chain_txs SET hash = a.hash, raw = a.raw, state = $1, block_number = $2,
			block_hash = $3, gas_used = $4, settled_at = $5 FROM tx_attempts a WHERE a.tx_id = chain_txs.id AND a.hash = $6
			AND chain_txs.id = $7 AND chain_txs.state = 'pending'`,
			state, r.BlockNumber, r.BlockHash, r.GasUsed, now, t.Hash, t.ID)
		if err != nil {
			return err
		}
		if tag.RowsAffected() != 1 {
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
			_, err = tx.Exec(ctx, `UPDATE passes SET state = 'refunded' WHERE burn_tx_id = $1`, t.ID)
		case t.Kind == passes.TxBurn:
			_, err = tx.Exec(ctx, `UPDATE passes SET state = 'minted', burn_tx_id = NULL, fail_reason = $1 WHERE burn_tx_id = $2`, reason, t.ID)
		case t.Kind == passes.TxDeploy && r.Success:
			_, err = tx.Exec(ctx, `UPDATE launches SET state = CASE state WHEN 'deploying' THEN 'live' ELSE state END,
				updated_at = $1 WHERE id = $2`, now, t.LaunchID)
		case t.Kind == passes.TxDeploy:
			_, err = tx.Exec(ctx, `UPDATE launches SET state = CASE state WHEN 'ended' THEN state ELSE 'draft' END,
				deploy_tx_id = NULL, contract = '', deploy_error = $1, updated_at = $2 WHERE id = $3`, reason, now, t.LaunchID)
		case r.Success:
			if tag, err = tx.Exec(ctx, `UPDATE passes SET state = 'minted' WHERE tx_id = $1`, t.ID); err == nil {
				_, err = tx.Exec(ctx, `UPDATE launches SET minted = minted + $1 WHERE id = $2`, tag.RowsAffected(), t.LaunchID)
			}
		default:
			_, err = tx.Exec(ctx, `UPDATE passes SET state = 'failed', fail_reason = $1, chain_token_id = NULL WHERE tx_id = $2`, reason, t.ID)
		}
		switch {
		case err != nil:
			return err
		case t.Kind == passes.TxMint:
			return emitSettled(ctx, tx, now, `tx_id = $1`, t.ID)
		case t.Kind == passes.TxBurn:
			return emitSettled(ctx, tx, now, `burn_tx_id = $1`, t.ID)
		}
		return nil
	})
}

// emitSettled tells the webhooks of every order with a pass matching where
// that is now minted or failed.
func emitSettled(ctx context.Context, tx pgx.Tx, now time.Time, where string, args ...any) error {
	orders, err := getOrders(ctx, tx, `id IN (SELECT order_id FROM passes WHERE `+where+`)`, args...)
	if err != nil {
		return err
	}
	for _, o := range orders {
		if e, ok := passes.SettledEvent(o, now); ok {
			if err := emit(ctx, tx, e); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s PassStore) DropTx(ctx context.Context, t passes.ChainTx) error {
	now := time.Now().UTC()
	return s.db.inTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE chain_txs SET state = 'dropped', settled_at = $1 WHERE id = $2 AND state = 'pending'`, now, t.ID)
		if err != nil {
			return err
		}
		if tag.RowsAffected() != 1 {
			return fmt.Errorf("drop %s: transaction %d is not pending", t.Hash, t.ID)
		}
		switch t.Kind {
		case passes.TxDeploy:
			_, err = tx.Exec(ctx, `UPDATE launches SET deploy_tx_id = NULL, contract = '', updated_at = $1
				WHERE id = $2 AND deploy_tx_id = $3`, now, t.LaunchID, t.ID)
		case passes.TxFund:
			err = settleFund(ctx, tx, t.ID, "dropped")
		case passes.TxBurn:
			_, err = tx.Exec(ctx, `UPDATE passes SET state = 'minted', burn_tx_id = NULL WHERE burn_tx_id = $1`, t.ID)
		case passes.TxImplementation, passes.TxFactory:
			err = forgetFactoryTx(ctx, tx, t)
		default:
			_, err = tx.Exec(ctx, `UPDATE passes SET state = 'queued', tx_id = NULL, chain_token_id = NULL WHERE tx_id = $1`, t.ID)
		}
		return err
	})
}

func (s PassStore) ReopenTx(ctx context.Context, t passes.ChainTx) error {
	now := time.Now().UTC()
	return s.db.inTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE chain_txs SET state = 'pending', block_number = NULL, block_hash = NULL,
			gas_used = NULL, settled_at = NULL WHERE id = $1 AND state = 'confirmed'`, t.ID)
		if err != nil {
			return err
		}
		if tag.RowsAffected() != 1 {
			return fmt.Errorf("reopen %s: transaction %d is not confirmed", t.Hash, t.ID)
		}
		switch t.Kind {
		case passes.TxDeploy:
			_, err = tx.Exec(ctx, `UPDATE launches SET state = CASE state WHEN 'live' THEN 'deploying' ELSE state END,
				updated_at = $1 WHERE id = $2`, now, t.LaunchID)
			return err
		case passes.TxFund:
			return settleFund(ctx, tx, t.ID, "reopened")
		case passes.TxBurn:
			_, err = tx.Exec(ctx, `UPDATE passes SET state = 'burning' WHERE burn_tx_id = $1 AND state = 'refunded'`, t.ID)
			return err
		case passes.TxImplementation, passes.TxFactory:
			return nil
		}
		if tag, err = tx.Exec(ctx, `UPDATE passes SET state = 'submitted' WHERE tx_id = $1 AND state = 'minted'`, t.ID); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE launches SET minted = minted - $1 WHERE id = $2`, tag.RowsAffected(), t.LaunchID)
		return err
	})
}

func (s PassStore) HoldForFunds(ctx context.Context, chainID uint64, txID int64) error {
	return s.db.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE passes SET state = 'waiting_for_funds' WHERE state = 'queued'
			AND launch_id IN (SELECT id FROM launches WHERE chain_id = $1)`, chainID); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE passes SET state = 'waiting_for_funds' WHERE tx_id = $1 AND state = 'submitted'`, txID)
		return err
	})
}

func (s PassStore) ReleaseFunds(ctx context.Context, chainID uint64) error {
	_, err := s.db.pool.Exec(ctx, `UPDATE passes SET state = CASE WHEN tx_id IS NULL THEN 'queued' ELSE 'submitted' END
		WHERE state = 'waiting_for_funds' AND launch_id IN (SELECT id FROM launches WHERE chain_id = $1)`, chainID)
	return err
}

func (s PassStore) FailPasses(ctx context.Context, passIDs []int64, reason string) error {
	return s.db.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE passes SET state = 'failed', fail_reason = $1 WHERE state = 'queued' AND id = ANY($2)`,
			reason, passIDs); err != nil {
			return err
		}
		return emitSettled(ctx, tx, time.Now().UTC(), `id = ANY($1)`, passIDs)
	})
}

func (s PassStore) FailDeploy(ctx context.Context, launchID, reason string) error {
	_, err := s.db.pool.Exec(ctx, `UPDATE launches SET state = CASE state WHEN 'ended' THEN state ELSE 'draft' END,
		deploy_error = $1, updated_at = $2 WHERE id = $3 AND deploy_tx_id IS NULL`, reason, time.Now().UTC(), launchID)
	return err
}
