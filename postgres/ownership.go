package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/ethereum/go-ethereum/common"
	"github.com/jackc/pgx/v5"

	"github.com/metapass/metapass/passes"
)

// Ownership returns the store of the ownership indexer and of holdings.
func (db *DB) Ownership() OwnershipStore { return OwnershipStore{db} }

// OwnershipStore implements passes.OwnershipStore. Addresses are stored
// checksummed; addresses given to it are normalised first. ApplyRange and
// Rewind hold an advisory lock on their chain, so two indexers (one per
// replica) apply and rewind one at a time.
type OwnershipStore struct{ db *DB }

var _ passes.OwnershipStore = OwnershipStore{}

// checksum normalises a hex address; anything else is returned as is.
func checksum(a string) string {
	if common.IsHexAddress(a) {
		return common.HexToAddress(a).Hex()
	}
	return a
}

func lockChain(ctx context.Context, tx pgx.Tx, chainID uint64) error {
	return lock(ctx, tx, "ownership\x00"+strconv.FormatUint(chainID, 10))
}

func (s OwnershipStore) Cursor(ctx context.Context, chainID uint64) (passes.IndexedBlock, bool, error) {
	return s.block(ctx, `WHERE chain_id = $1`, chainID)
}

func (s OwnershipStore) BlockBelow(ctx context.Context, chainID, n uint64) (passes.IndexedBlock, bool, error) {
	return s.block(ctx, `WHERE chain_id = $1 AND number < $2`, chainID, n)
}

func (s OwnershipStore) block(ctx context.Context, where string, args ...any) (passes.IndexedBlock, bool, error) {
	var b passes.IndexedBlock
	err := s.db.pool.QueryRow(ctx, `SELECT number, hash FROM indexed_blocks `+where+` ORDER BY number DESC LIMIT 1`, args...).
		Scan(&b.Number, &b.Hash)
	if errors.Is(err, pgx.ErrNoRows) {
		return b, false, nil
	}
	return b, err == nil, err
}

func (s OwnershipStore) WatchedContracts(ctx context.Context, chainID uint64) ([]passes.WatchedContract, error) {
	rows, err := s.db.pool.Query(ctx, `SELECT l.contract, l.id, l.brand_id, GREATEST(t.block_number, COALESCE(c.indexed_to + 1, 0))
		FROM launches l JOIN chain_txs t ON t.id = l.deploy_tx_id
		LEFT JOIN indexed_contracts c ON c.chain_id = l.chain_id AND c.contract = l.contract
		WHERE l.chain_id = $1 AND t.state = 'confirmed' AND l.contract <> '' ORDER BY l.contract`, chainID)
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
	return s.db.inTx(ctx, func(tx pgx.Tx) error {
		if err := lockChain(ctx, tx, chainID); err != nil {
			return err
		}
		for _, b := range r.Blocks {
			var hash string
			err := tx.QueryRow(ctx, `SELECT hash FROM indexed_blocks WHERE chain_id = $1 AND number = $2`, chainID, b.Number).Scan(&hash)
			switch {
			case errors.Is(err, pgx.ErrNoRows):
				if _, err := tx.Exec(ctx, `INSERT INTO indexed_blocks (chain_id, number, hash) VALUES ($1, $2, $3)`,
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
			if _, err := tx.Exec(ctx, `INSERT INTO indexed_contracts (chain_id, contract, indexed_to) VALUES ($1, $2, $3)
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
func applyTransfer(ctx context.Context, tx pgx.Tx, chainID uint64, t passes.Transfer) error {
	contract, to := checksum(t.Contract), checksum(t.To)
	tag, err := tx.Exec(ctx, `INSERT INTO transfers (chain_id, contract, token_id, from_address, to_address,
		block_number, block_hash, block_time, tx_hash, log_index) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
		ON CONFLICT (chain_id, tx_hash, log_index) DO NOTHING`,
		chainID, contract, t.TokenID, checksum(t.From), to, t.BlockNumber, t.BlockHash, t.BlockTime.UTC(), t.TxHash, t.LogIndex)
	if err != nil {
		return fmt.Errorf("insert transfer %s#%d: %w", t.TxHash, t.LogIndex, err)
	}
	if tag.RowsAffected() == 0 {
		return nil
	}
	if to == passes.ZeroAddress {
		_, err = tx.Exec(ctx, `DELETE FROM holdings WHERE chain_id = $1 AND contract = $2 AND token_id = $3
			AND (block_number, log_index) < ($4, $5)`, chainID, contract, t.TokenID, t.BlockNumber, t.LogIndex)
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO holdings (chain_id, contract, token_id, owner, since, block_number, log_index)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (chain_id, contract, token_id) DO UPDATE SET owner = excluded.owner, since = excluded.since,
			block_number = excluded.block_number, log_index = excluded.log_index
		WHERE (excluded.block_number, excluded.log_index) > (holdings.block_number, holdings.log_index)`,
		chainID, contract, t.TokenID, to, t.BlockTime.UTC(), t.BlockNumber, t.LogIndex)
	return err
}

func (s OwnershipStore) Rewind(ctx context.Context, chainID, block uint64) error {
	return s.db.inTx(ctx, func(tx pgx.Tx) error {
		if err := lockChain(ctx, tx, chainID); err != nil {
			return err
		}
		// The holdings of every token a forgotten transfer touched are
		// recomputed from the transfers that remain.
		var contracts []string
		var tokens []int64
		rows, err := tx.Query(ctx, `SELECT DISTINCT contract, token_id FROM transfers WHERE chain_id = $1 AND block_number > $2`,
			chainID, block)
		if err != nil {
			return err
		}
		var (
			contract string
			token    int64
		)
		if _, err := pgx.ForEachRow(rows, []any{&contract, &token}, func() error {
			contracts, tokens = append(contracts, contract), append(tokens, token)
			return nil
		}); err != nil {
			return err
		}
		for _, q := range []string{
			`DELETE FROM transfers WHERE chain_id = $1 AND block_number > $2`,
			`DELETE FROM indexed_blocks WHERE chain_id = $1 AND number > $2`,
			`UPDATE indexed_contracts SET indexed_to = $2 WHERE chain_id = $1 AND indexed_to > $2`,
		} {
			if _, err := tx.Exec(ctx, q, chainID, block); err != nil {
				return err
			}
		}
		if len(tokens) == 0 {
			return nil
		}
		if _, err := tx.Exec(ctx, `DELETE FROM holdings h USING unnest($2::text[], $3::bigint[]) r (contract, token_id)
			WHERE h.chain_id = $1 AND h.contract = r.contract AND h.token_id = r.token_id`, chainID, contracts, tokens); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO holdings (chain_id, contract, token_id, owner, since, block_number, log_index)
			SELECT chain_id, contract, token_id, to_address, block_time, block_number, log_index FROM (
				SELECT DISTINCT ON (t.contract, t.token_id) t.*
				FROM transfers t JOIN unnest($2::text[], $3::bigint[]) r (contract, token_id)
					ON t.contract = r.contract AND t.token_id = r.token_id
				WHERE t.chain_id = $1
				ORDER BY t.contract, t.token_id, t.block_number DESC, t.log_index DESC) last
			WHERE to_address <> $4`, chainID, contracts, tokens, passes.ZeroAddress)
		return err
	})
}

// holdingColumns reads holdings h with their pass p's token id on chain.
const holdingColumns = `SELECT h.chain_id, h.contract, h.token_id, h.owner, h.since, h.block_number, COALESCE(p.chain_token_id, '')
	FROM holdings h LEFT JOIN launches l ON l.chain_id = h.chain_id AND l.contract = h.contract
	LEFT JOIN passes p ON p.launch_id = l.id AND p.token_id = h.token_id `

func scanHolding(row pgx.Row) (passes.Holding, error) {
	var h passes.Holding
	err := row.Scan(&h.ChainID, &h.Contract, &h.TokenID, &h.Owner, &h.Since, &h.Block, &h.ChainTokenID)
	return h, err
}

func (s OwnershipStore) Holder(ctx context.Context, chainID uint64, contract string, tokenID uint64) (passes.Holding, error) {
	h, err := scanHolding(s.db.pool.QueryRow(ctx, holdingColumns+`WHERE h.chain_id = $1 AND h.contract = $2 AND h.token_id = $3`,
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
	WHERE p.recipient = $2 AND l.chain_id = $1 AND p.state = 'minted' AND NOT p.refund
	AND NOT EXISTS (SELECT 1 FROM transfers x WHERE x.chain_id = l.chain_id AND x.contract = l.contract AND x.token_id = p.token_id)`

func (s OwnershipStore) Holdings(ctx context.Context, chainID uint64, owner string) ([]passes.Holding, error) {
	// A pass of a refunded order no longer counts, even before its burn.
	rows, err := s.db.pool.Query(ctx, `SELECT * FROM (`+holdingColumns+`WHERE h.chain_id = $1 AND h.owner = $2 AND NOT COALESCE(p.refund, false)
		UNION ALL `+confirmedMints+`) AS held ORDER BY 2, 3`,
		chainID, checksum(owner))
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
