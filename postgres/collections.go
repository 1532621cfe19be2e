package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/metapass/metapass/passes"
)

// What launches as PassCollection clones need: the factory of each signer
// and the passes' token ids on chain.

func (s PassStore) PassByChainTokenID(ctx context.Context, launchID, chainTokenID string) (passes.Pass, error) {
	p, err := scanPass(s.db.pool.QueryRow(ctx, `SELECT `+passColumns+passFrom+`WHERE p.launch_id = $1 AND p.chain_token_id = $2`,
		launchID, chainTokenID))
	return p, notFound(err, "token %s of launch %s", chainTokenID, launchID)
}

func (s PassStore) ChainTokenCounts(ctx context.Context, launchID string, recipients []string) (map[string]uint64, error) {
	out := make(map[string]uint64, len(recipients))
	if len(recipients) == 0 {
		return out, nil
	}
	rows, err := s.db.pool.Query(ctx, `SELECT recipient, COUNT(*) FROM passes WHERE launch_id = $1 AND chain_token_id IS NOT NULL
		AND recipient = ANY($2) GROUP BY recipient`, launchID, recipients)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r string
		var n int64
		if err := rows.Scan(&r, &n); err != nil {
			return nil, err
		}
		out[r] = uint64(n)
	}
	return out, rows.Err()
}

func (s PassStore) Factory(ctx context.Context, chainID uint64, sender string) (passes.Factory, error) {
	var f passes.Factory
	err := s.db.pool.QueryRow(ctx, `SELECT f.implementation, f.factory, i.state = 'confirmed', COALESCE(t.state = 'confirmed', false)
		FROM factories f JOIN chain_txs i ON i.id = f.impl_tx_id LEFT JOIN chain_txs t ON t.id = f.factory_tx_id
		WHERE f.chain_id = $1 AND f.sender = $2`, chainID, sender).Scan(&f.Implementation, &f.Address, &f.ImplementationDeployed, &f.Deployed)
	if errors.Is(err, pgx.ErrNoRows) {
		return passes.Factory{}, nil
	}
	return f, err
}

func (s PassStore) RecordImplementation(ctx context.Context, t passes.ChainTx, implementation string) (id int64, err error) {
	err = s.db.inTx(ctx, func(tx pgx.Tx) error {
		if id, err = insertTx(ctx, tx, t); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO factories (chain_id, sender, implementation, impl_tx_id) VALUES ($1, $2, $3, $4)`,
			t.ChainID, t.Sender, implementation, id)
		return err
	})
	return id, err
}

func (s PassStore) RecordFactory(ctx context.Context, t passes.ChainTx, factory string) (id int64, err error) {
	err = s.db.inTx(ctx, func(tx pgx.Tx) error {
		if id, err = insertTx(ctx, tx, t); err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `UPDATE factories SET factory = $1, factory_tx_id = $2 WHERE chain_id = $3 AND sender = $4
			AND factory_tx_id IS NULL`, factory, id, t.ChainID, t.Sender)
		if err != nil {
			return err
		}
		if tag.RowsAffected() != 1 {
			return fmt.Errorf("record factory %s: no implementation waits for it", factory)
		}
		return nil
	})
	return id, err
}

// forgetFactoryTx undoes the record of t, a deployment of the
// implementation or of the factory that failed or was dropped, so it is
// signed again.
func forgetFactoryTx(ctx context.Context, tx pgx.Tx, t passes.ChainTx) error {
	if t.Kind == passes.TxImplementation {
		_, err := tx.Exec(ctx, `DELETE FROM factories WHERE impl_tx_id = $1`, t.ID)
		return err
	}
	_, err := tx.Exec(ctx, `UPDATE factories SET factory = '', factory_tx_id = NULL WHERE factory_tx_id = $1`, t.ID)
	return err
}

func (s OwnershipStore) Editions(ctx context.Context, launchID string, chainTokenIDs []string) (map[string]uint64, error) {
	out := make(map[string]uint64, len(chainTokenIDs))
	rows, err := s.db.pool.Query(ctx, `SELECT chain_token_id, token_id FROM passes WHERE launch_id = $1 AND chain_token_id = ANY($2)`,
		launchID, chainTokenIDs)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var edition int64
		if err := rows.Scan(&id, &edition); err != nil {
			return nil, err
		}
		out[id] = uint64(edition)
	}
	return out, rows.Err()
}
