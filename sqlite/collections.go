package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/metapass/metapass/passes"
)

// What launches as PassCollection clones need: the factory of each signer
// and the passes' token ids on chain.

func (s PassStore) PassByChainTokenID(ctx context.Context, launchID, chainTokenID string) (passes.Pass, error) {
	p, err := scanPass(s.db.r.QueryRowContext(ctx, `SELECT `+passColumns+passFrom+`WHERE p.launch_id = ? AND p.chain_token_id = ?`,
		launchID, chainTokenID))
	return p, notFound(err, "token %s of launch %s", chainTokenID, launchID)
}

func (s PassStore) ChainTokenCounts(ctx context.Context, launchID string, recipients []string) (map[string]uint64, error) {
	out := make(map[string]uint64, len(recipients))
	if len(recipients) == 0 {
		return out, nil
	}
	// With a long list of recipients SQLite's planner would rather scan the
	// launch's passes through passes_chain_token: 20% of the service's CPU
	// under a burst of orders.
	rows, err := s.db.r.QueryContext(ctx, `SELECT recipient, COUNT(*) FROM passes INDEXED BY passes_recipient
		WHERE launch_id = ? AND chain_token_id IS NOT NULL
		AND recipient IN (SELECT value FROM json_each(?)) GROUP BY recipient`, launchID, jsonList(recipients))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r string
		var n uint64
		if err := rows.Scan(&r, &n); err != nil {
			return nil, err
		}
		out[r] = n
	}
	return out, rows.Err()
}

func (s PassStore) Factory(ctx context.Context, chainID uint64, sender string) (passes.Factory, error) {
	var f passes.Factory
	err := s.db.r.QueryRowContext(ctx, `SELECT f.implementation, f.factory, i.state = 'confirmed', COALESCE(t.state = 'confirmed', 0)
		FROM factories f JOIN chain_txs i ON i.id = f.impl_tx_id LEFT JOIN chain_txs t ON t.id = f.factory_tx_id
		WHERE f.chain_id = ? AND f.sender = ?`, chainID, sender).Scan(&f.Implementation, &f.Address, &f.ImplementationDeployed, &f.Deployed)
	if errors.Is(err, sql.ErrNoRows) {
		return passes.Factory{}, nil
	}
	return f, err
}

func (s PassStore) RecordImplementation(ctx context.Context, t passes.ChainTx, implementation string) (id int64, err error) {
	err = s.db.inTx(ctx, func(tx *sql.Tx) error {
		if id, err = insertTx(ctx, tx, t); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO factories (chain_id, sender, implementation, impl_tx_id) VALUES (?, ?, ?, ?)`,
			t.ChainID, t.Sender, implementation, id)
		return err
	})
	return id, err
}

func (s PassStore) RecordFactory(ctx context.Context, t passes.ChainTx, factory string) (id int64, err error) {
	err = s.db.inTx(ctx, func(tx *sql.Tx) error {
		if id, err = insertTx(ctx, tx, t); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE factories SET factory = ?, factory_tx_id = ? WHERE chain_id = ? AND sender = ?
			AND factory_tx_id IS NULL`, factory, id, t.ChainID, t.Sender)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("record factory %s: no implementation waits for it", factory)
		}
		return nil
	})
	return id, err
}

// forgetFactoryTx undoes the record of t, a deployment of the
// implementation or of the factory that failed or was dropped, so it is
// signed again.
func forgetFactoryTx(ctx context.Context, tx *sql.Tx, t passes.ChainTx) error {
	if t.Kind == passes.TxImplementation {
		_, err := tx.ExecContext(ctx, `DELETE FROM factories WHERE impl_tx_id = ?`, t.ID)
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE factories SET factory = '', factory_tx_id = NULL WHERE factory_tx_id = ?`, t.ID)
	return err
}

func (s OwnershipStore) Editions(ctx context.Context, launchID string, chainTokenIDs []string) (map[string]uint64, error) {
	out := make(map[string]uint64, len(chainTokenIDs))
	if len(chainTokenIDs) == 0 {
		return out, nil
	}
	rows, err := s.db.r.QueryContext(ctx, `SELECT chain_token_id, token_id FROM passes WHERE launch_id = ?
		AND chain_token_id IN (SELECT value FROM json_each(?))`, launchID, jsonList(chainTokenIDs))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var edition uint64
		if err := rows.Scan(&id, &edition); err != nil {
			return nil, err
		}
		out[id] = edition
	}
	return out, rows.Err()
}
