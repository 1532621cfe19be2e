package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/metapass/metapass/passes"
)

// Ownership returns the store of the ownership indexer and of holdings.
func (db *DB) Ownership() OwnershipStore { return OwnershipStore{db} }

// OwnershipStore implements passes.OwnershipStore. Addresses are stored
// checksummed; addresses given to it are normalised first.
type OwnershipStore struct{ db *DB }

var _ passes.OwnershipStore = OwnershipStore{}

// checksum normalises a hex address; anything else is returned as is.
func checksum(a string) string {
	if common.IsHexAddress(a) {
		return common.HexToAddress(a).Hex()
	}
	return a
}

func (s OwnershipStore) Cursor(ctx context.Context, chainID uint64) (passes.IndexedBlock, bool, error) {
	return s.block(ctx, `WHERE chain_id = ?`, chainID)
}

func (s OwnershipStore) BlockBelow(ctx context.Context, chainID, n uint64) (passes.IndexedBlock, bool, error) {
	return s.block(ctx, `WHERE chain_id = ? AND number < ?`, chainID, n)
}

func (s OwnershipStore) block(ctx context.Context, where string, args ...any) (passes.IndexedBlock, bool, error) {
	var b passes.IndexedBlock
	err := s.db.r.QueryRowContext(ctx, `SELECT number, hash FROM indexed_blocks `+where+` ORDER BY number DESC LIMIT 1`, args...).
		Scan(&b.Number, &b.Hash)
	if errors.Is(err, sql.ErrNoRows) {
		return b, false, nil
	}
	return b, err == nil, err
}

func (s OwnershipStore) WatchedContracts(ctx context.Context, chainID uint64) ([]passes.WatchedContract, error) {
	rows, err := s.db.r.QueryContext(ctx, `SELECT l.contract, l.id, l.brand_id, MAX(t.block_number, COALESCE(c.indexed_to + 1, 0))
		FROM launches l JOIN chain_txs t ON t.id = l.deploy_tx_id
		LEFT JOIN indexed_contracts c ON c.chain_id = l.chain_id AND c.contract = l.contract
		WHERE l.chain_id = ? AND t.state = 'confirmed' AND l.contract <> '' ORDER BY l.contract`, chainID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []passes.WatchedContract
	for rows.Next() {
		var c passes.WatchedContract
		if err := rows.Scan(&c.Address, &c.LaunchID, &c.BrandID, &c.Next); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func (s OwnershipStore) ApplyRange(ctx context.Context, chainID uint64, r passes.IndexedRange) error {
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		for _, b := range r.Blocks {
			var hash string
			err := tx.QueryRowContext(ctx, `SELECT hash FROM indexed_blocks WHERE chain_id = ? AND number = ?`, chainID, b.Number).Scan(&hash)
			switch {
			case errors.Is(err, sql.ErrNoRows):
				if _, err := tx.ExecContext(ctx, `INSERT INTO indexed_blocks (chain_id, number, hash) VALUES (?, ?, ?)`,
					chainID, b.Number, b.Hash); err != nil {
					return err
				}
			case err != nil:
				return err
			case hash != b.Hash:
				return fmt.Errorf("block %d recorded as %s, now %s: %w", b.Number, hash, b.Hash, passes.ErrReorged)
			}
		}
		for _, t := range r.Transfers {
			if err := applyTransfer(ctx, tx, chainID, t); err != nil {
				return err
			}
		}
		for _, c := range r.Contracts {
			if _, err := tx.ExecContext(ctx, `INSERT INTO indexed_contracts (chain_id, contract, indexed_to) VALUES (?, ?, ?)
				ON CONFLICT (chain_id, contract) DO UPDATE SET indexed_to = excluded.indexed_to`,
				chainID, checksum(c), r.To); err != nil {
				return err
			}
		}
		for _, e := range r.Events {
			if err := emit(ctx, tx, e); err != nil {
				return err
			}
		}
		return nil
	})
}

// applyTransfer records t and moves its token to t.To, unless a later
// transfer of the token is already applied. A transfer recorded before is
// skipped.
func applyTransfer(ctx context.Context, tx *sql.Tx, chainID uint64, t passes.Transfer) error {
	contract, to := checksum(t.Contract), checksum(t.To)
	res, err := tx.ExecContext(ctx, `INSERT INTO transfers (chain_id, contract, token_id, from_address, to_address,
		block_number, block_hash, block_time, tx_hash, log_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (chain_id, tx_hash, log_index) DO NOTHING`,
		chainID, contract, t.TokenID, checksum(t.From), to, t.BlockNumber, t.BlockHash, t.BlockTime.UTC(), t.TxHash, t.LogIndex)
	if err != nil {
		return fmt.Errorf("insert transfer %s#%d: %w", t.TxHash, t.LogIndex, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	if to == passes.ZeroAddress {
		_, err = tx.ExecContext(ctx, `DELETE FROM holdings WHERE chain_id = ? AND contract = ? AND token_id = ?
			AND (block_number, log_index) < (?, ?)`, chainID, contract, t.TokenID, t.BlockNumber, t.LogIndex)
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO holdings (chain_id, contract, token_id, owner, since, block_number, log_index)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (chain_id, contract, token_id) DO UPDATE SET owner = excluded.owner, since = excluded.since,
			block_number = excluded.block_number, log_index = excluded.log_index
		WHERE (excluded.block_number, excluded.log_index) > (holdings.block_number, holdings.log_index)`,
		chainID, contract, t.TokenID, to, t.BlockTime.UTC(), t.BlockNumber, t.LogIndex)
	return err
}

func (s OwnershipStore) Rewind(ctx context.Context, chainID, block uint64) error {
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		type token struct {
			contract string
			id       uint64
		}
		rows, err := tx.QueryContext(ctx, `SELECT DISTINCT contract, token_id FROM transfers WHERE chain_id = ? AND block_number > ?`,
			chainID, block)
		if err != nil {
			return err
		}
		var touched []token
		for rows.Next() {
			var t token
			if err := rows.Scan(&t.contract, &t.id); err != nil {
				rows.Close()
				return err
			}
			touched = append(touched, t)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, q := range []string{
			`DELETE FROM transfers WHERE chain_id = ? AND block_number > ?`,
			`DELETE FROM indexed_blocks WHERE chain_id = ? AND number > ?`,
		} {
			if _, err := tx.ExecContext(ctx, q, chainID, block); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE indexed_contracts SET indexed_to = ? WHERE chain_id = ? AND indexed_to > ?`,
			block, chainID, block); err != nil {
			return err
		}
		for _, t := range touched {
			if _, err := tx.ExecContext(ctx, `DELETE FROM holdings WHERE chain_id = ? AND contract = ? AND token_id = ?`,
				chainID, t.contract, t.id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO holdings (chain_id, contract, token_id, owner, since, block_number, log_index)
				SELECT chain_id, contract, token_id, to_address, block_time, block_number, log_index FROM (
					SELECT * FROM transfers WHERE chain_id = ? AND contract = ? AND token_id = ?
					ORDER BY block_number DESC, log_index DESC LIMIT 1)
				WHERE to_address <> ?`, chainID, t.contract, t.id, passes.ZeroAddress); err != nil {
				return err
			}
		}
		return nil
	})
}

// holdingColumns reads holdings h with their pass p's token id on chain.
const holdingColumns = `SELECT h.chain_id, h.contract, h.token_id, h.owner, h.since, h.block_number, COALESCE(p.chain_token_id, '')
	FROM holdings h LEFT JOIN launches l ON l.chain_id = h.chain_id AND l.contract = h.contract
	LEFT JOIN passes p ON p.launch_id = l.id AND p.token_id = h.token_id `

func scanHolding(row interface{ Scan(...any) error }) (passes.Holding, error) {
	var h passes.Holding
	err := row.Scan(&h.ChainID, &h.Contract, &h.TokenID, &h.Owner, &h.Since, &h.Block, &h.ChainTokenID)
	h.Since = h.Since.UTC()
	return h, err
}

func (s OwnershipStore) Holder(ctx context.Context, chainID uint64, contract string, tokenID uint64) (passes.Holding, error) {
	h, err := scanHolding(s.db.r.QueryRowContext(ctx, holdingColumns+`WHERE h.chain_id = ? AND h.contract = ? AND h.token_id = ?`,
		chainID, checksum(contract), tokenID))
	return h, notFound(err, "token %d of %s on chain %d", tokenID, contract, chainID)
}

// confirmedMints are the passes whose mint the minter confirmed and the
// index has not seen yet (no transfer of theirs recorded: once one is,
// the index alone says who holds them, or that they are burned), as
// holdings of their recipient since the confirmation: what the order API reports minted is held at once, and a
// reorg that reopens the mint takes them back in the same commit.
const confirmedMints = `SELECT l.chain_id, l.contract, p.token_id, p.recipient, COALESCE(t.settled_at, t.created_at), t.block_number,
		COALESCE(p.chain_token_id, '')
	FROM passes p JOIN launches l ON l.id = p.launch_id JOIN chain_txs t ON t.id = p.tx_id
	WHERE p.recipient = ? AND l.chain_id = ? AND p.state = 'minted' AND p.refund = 0
	AND NOT EXISTS (SELECT 1 FROM transfers x WHERE x.chain_id = l.chain_id AND x.contract = l.contract AND x.token_id = p.token_id)`

func (s OwnershipStore) Holdings(ctx context.Context, chainID uint64, owner string) ([]passes.Holding, error) {
	// A pass of a refunded order no longer counts, even before its burn.
	rows, err := s.db.r.QueryContext(ctx, holdingColumns+`WHERE h.chain_id = ? AND h.owner = ? AND COALESCE(p.refund, 0) = 0
		UNION ALL `+confirmedMints+` ORDER BY 2, 3`,
		chainID, checksum(owner), checksum(owner), chainID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []passes.Holding{}
	for rows.Next() {
		h, err := scanHolding(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}
