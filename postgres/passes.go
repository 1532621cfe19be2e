package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/passes"
)

// Passes returns the passes.Store and passes.MintStore of db.
func (db *DB) Passes() PassStore { return PassStore{db} }

// PassStore implements passes.Store and passes.MintStore.
type PassStore struct{ db *DB }

var (
	_ passes.Store     = PassStore{}
	_ passes.MintStore = PassStore{}
	_ passes.Tx        = passTx{}
)

const launchColumns = `l.id, l.brand_id, l.state, l.name, l.symbol, l.description, l.image_url, l.external_url,
	l.attributes, l.supply_cap, l.per_wallet_cap, l.sale_starts_at, l.sale_ends_at, l.skus, l.soulbound,
	l.royalty_receiver, l.royalty_bps, l.chain_id, l.contract, COALESCE(t.hash, ''), l.deploy_error,
	COALESCE(t.state = 'confirmed', false),
	l.allocated, l.minted, l.created_at, l.updated_at`

const launchFrom = ` FROM launches l LEFT JOIN chain_txs t ON t.id = l.deploy_tx_id `

func scanLaunch(row pgx.Row) (passes.Launch, error) {
	var l passes.Launch
	err := row.Scan(&l.ID, &l.BrandID, &l.State, &l.Name, &l.Symbol, &l.Description, &l.ImageURL, &l.ExternalURL,
		&l.Attributes, &l.SupplyCap, &l.PerWalletCap, &l.SaleStartsAt, &l.SaleEndsAt, &l.SKUs, &l.Soulbound,
		&l.RoyaltyReceiver, &l.RoyaltyBps, &l.ChainID, &l.Contract, &l.DeployTxHash, &l.DeployError, &l.Deployed,
		&l.Allocated, &l.Minted, &l.CreatedAt, &l.UpdatedAt)
	return l, err
}

// jsonText is v as JSON text, for a JSONB parameter (a nil slice is JSON
// null, as in the SQLite adapter, not SQL NULL).
func jsonText(v any) string {
	b, _ := json.Marshal(v) // launch attributes, SKUs and id lists always marshal
	return string(b)
}

func (s PassStore) InTx(ctx context.Context, fn func(passes.Tx) error) error {
	return s.db.inTx(ctx, func(tx pgx.Tx) error { return fn(passTx{tx}) })
}

func (s PassStore) CreateLaunch(ctx context.Context, l passes.Launch) error {
	_, err := s.db.pool.Exec(ctx, `INSERT INTO launches (id, brand_id, state, name, symbol, description, image_url,
		external_url, attributes, supply_cap, per_wallet_cap, sale_starts_at, sale_ends_at, skus, soulbound,
		royalty_receiver, royalty_bps, chain_id, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
		l.ID, l.BrandID, l.State, l.Name, l.Symbol, l.Description, l.ImageURL, l.ExternalURL, jsonText(l.Attributes),
		l.SupplyCap, l.PerWalletCap, l.SaleStartsAt, l.SaleEndsAt, jsonText(l.SKUs), l.Soulbound,
		l.RoyaltyReceiver, l.RoyaltyBps, l.ChainID, l.CreatedAt, l.UpdatedAt)
	return err
}

func getLaunch(ctx context.Context, q querier, brandID, id, suffix string) (passes.Launch, error) {
	l, err := scanLaunch(q.QueryRow(ctx, `SELECT `+launchColumns+launchFrom+`WHERE l.id = $1 AND l.brand_id = $2`+suffix, id, brandID))
	return l, notFound(err, "launch %s", id)
}

func (s PassStore) GetLaunch(ctx context.Context, brandID, id string) (passes.Launch, error) {
	return getLaunch(ctx, s.db.pool, brandID, id, "")
}

func (s PassStore) queryLaunches(ctx context.Context, where string, args ...any) ([]passes.Launch, error) {
	rows, err := s.db.pool.Query(ctx, `SELECT `+launchColumns+launchFrom+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []passes.Launch{}
	for rows.Next() {
		l, err := scanLaunch(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

func (s PassStore) ListLaunches(ctx context.Context, brandID string) ([]passes.Launch, error) {
	return s.queryLaunches(ctx, `WHERE l.brand_id = $1 ORDER BY l.created_at DESC, l.id`, brandID)
}

func (s PassStore) LaunchByContract(ctx context.Context, chainID uint64, contract string) (passes.Launch, error) {
	l, err := scanLaunch(s.db.pool.QueryRow(ctx, `SELECT `+launchColumns+launchFrom+`WHERE l.chain_id = $1 AND lower(l.contract) = lower($2)`,
		chainID, contract))
	return l, notFound(err, "contract %s on chain %d", contract, chainID)
}

const passColumns = `p.id, p.launch_id, p.order_id, l.chain_id, l.contract, p.token_id, p.recipient, p.state,
	COALESCE(t.hash, ''), t.nonce, t.block_number, p.fail_reason, p.refund, COALESCE(p.chain_token_id, '')`

const passFrom = ` FROM passes p JOIN launches l ON l.id = p.launch_id LEFT JOIN chain_txs t ON t.id = p.tx_id `

func scanPass(row pgx.Row) (passes.Pass, error) {
	var p passes.Pass
	var block *uint64
	err := row.Scan(&p.ID, &p.LaunchID, &p.OrderID, &p.ChainID, &p.Contract, &p.TokenID, &p.Recipient, &p.State,
		&p.TxHash, &p.Nonce, &block, &p.FailReason, &p.Refund, &p.ChainTokenID)
	if p.State == passes.PassMinted {
		p.BlockNumber = block
	}
	return p, err
}

func queryPasses(ctx context.Context, q querier, where string, args ...any) ([]passes.Pass, error) {
	rows, err := q.Query(ctx, `SELECT `+passColumns+passFrom+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []passes.Pass{}
	for rows.Next() {
		p, err := scanPass(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

const orderColumns = `id, brand_id, launch_id, order_id, COALESCE(idempotency_key, ''), sku, quantity, wallet, customer_ref, request_hash, created_at, refunded_at`

// getOrder returns the first order where selects, with its passes.
func getOrder(ctx context.Context, q querier, where string, args ...any) (passes.Order, error) {
	orders, err := getOrders(ctx, q, where, args...)
	if err == nil && len(orders) == 0 {
		err = metapass.Errorf(metapass.ENOTFOUND, "order not found")
	}
	if err != nil {
		return passes.Order{}, err
	}
	return orders[0], nil
}

// getOrders returns the orders where selects, in its order, each with its
// passes: two queries, however many orders.
func getOrders(ctx context.Context, q querier, where string, args ...any) ([]passes.Order, error) {
	rows, err := q.Query(ctx, `SELECT `+orderColumns+` FROM orders WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (passes.Order, error) {
		o := passes.Order{Passes: []passes.Pass{}}
		err := row.Scan(&o.ID, &o.BrandID, &o.LaunchID, &o.OrderID, &o.IdempotencyKey, &o.SKU, &o.Quantity, &o.Wallet,
			&o.CustomerRef, &o.RequestHash, &o.CreatedAt, &o.RefundedAt)
		return o, err
	})
	if err != nil || len(out) == 0 {
		return []passes.Order{}, err
	}
	ps, err := queryPasses(ctx, q, `WHERE p.order_id IN (SELECT id FROM orders WHERE `+where+`) ORDER BY p.token_id`, args...)
	passes.AttachPasses(out, ps)
	return out, err
}

func (s PassStore) GetOrder(ctx context.Context, brandID, id string) (passes.Order, error) {
	o, err := getOrder(ctx, s.db.pool, `id = $1 AND brand_id = $2`, id, brandID)
	if metapass.ErrorCode(err) == metapass.ENOTFOUND {
		return o, metapass.Errorf(metapass.ENOTFOUND, "order %s not found", id)
	}
	return o, err
}

func (s PassStore) ListOrders(ctx context.Context, brandID, launchID string, limit int) ([]passes.Order, error) {
	return getOrders(ctx, s.db.pool, `brand_id = $1 AND launch_id = $2 ORDER BY created_at DESC, id LIMIT $3`, brandID, launchID, limit)
}

func (s PassStore) ListPasses(ctx context.Context, brandID string, f passes.PassFilter) ([]passes.Pass, error) {
	where, args := []string{"l.brand_id = $1"}, []any{brandID}
	if f.Recipient != "" {
		args = append(args, f.Recipient)
		where = append(where, "lower(p.recipient) = lower($"+strconv.Itoa(len(args))+")")
	}
	if f.LaunchID != "" {
		args = append(args, f.LaunchID)
		where = append(where, "p.launch_id = $"+strconv.Itoa(len(args)))
	}
	if f.Limit <= 0 {
		f.Limit = 100
	}
	args = append(args, f.Limit)
	return queryPasses(ctx, s.db.pool, `WHERE `+strings.Join(where, " AND ")+` ORDER BY p.id LIMIT $`+strconv.Itoa(len(args)), args...)
}

func (s PassStore) GetPass(ctx context.Context, launchID string, tokenID uint64) (passes.Pass, error) {
	p, err := scanPass(s.db.pool.QueryRow(ctx, `SELECT `+passColumns+passFrom+`WHERE p.launch_id = $1 AND p.token_id = $2`, launchID, tokenID))
	return p, notFound(err, "token %d", tokenID)
}

// passTx is a passes.Tx on one PostgreSQL transaction. LaunchForUpdate
// locks the launch row, which serializes orders of a launch (its supply
// and per-wallet caps, its token ids); OrderByKey locks the order id and
// idempotency key, which serializes placements of one order across
// launches.
type passTx struct{ tx pgx.Tx }

func (t passTx) LaunchForUpdate(ctx context.Context, brandID, id string) (passes.Launch, error) {
	return getLaunch(ctx, t.tx, brandID, id, ` FOR UPDATE OF l`)
}

func (t passTx) UpdateLaunch(ctx context.Context, l passes.Launch) error {
	_, err := t.tx.Exec(ctx, `UPDATE launches SET state = $1, name = $2, symbol = $3, description = $4, image_url = $5,
		external_url = $6, attributes = $7, supply_cap = $8, per_wallet_cap = $9, sale_starts_at = $10, sale_ends_at = $11,
		skus = $12, soulbound = $13, royalty_receiver = $14, royalty_bps = $15, deploy_error = $16, allocated = $17, updated_at = $18
		WHERE id = $19`,
		l.State, l.Name, l.Symbol, l.Description, l.ImageURL, l.ExternalURL, jsonText(l.Attributes), l.SupplyCap,
		l.PerWalletCap, l.SaleStartsAt, l.SaleEndsAt, jsonText(l.SKUs), l.Soulbound,
		l.RoyaltyReceiver, l.RoyaltyBps, l.DeployError, l.Allocated, l.UpdatedAt, l.ID)
	return err
}

func (t passTx) Allocate(ctx context.Context, id string, allocated int64, at time.Time) error {
	_, err := t.tx.Exec(ctx, `UPDATE launches SET allocated = $1, updated_at = $2 WHERE id = $3`, allocated, at, id)
	return err
}

func (t passTx) OrderByKey(ctx context.Context, brandID, orderID, key string) (passes.Order, error) {
	keys := []string{"order\x00" + brandID + "\x00" + orderID}
	if key != "" {
		keys = append(keys, "idempotency\x00"+brandID+"\x00"+key)
	}
	if err := lock(ctx, t.tx, keys...); err != nil {
		return passes.Order{}, err
	}
	if key == "" {
		return getOrder(ctx, t.tx, `brand_id = $1 AND order_id = $2`, brandID, orderID)
	}
	return getOrder(ctx, t.tx, `brand_id = $1 AND (order_id = $2 OR idempotency_key = $3) ORDER BY (order_id = $2) DESC LIMIT 1`,
		brandID, orderID, key)
}

func (t passTx) CountRecipientPasses(ctx context.Context, launchID, wallet string) (int64, error) {
	var n int64
	err := t.tx.QueryRow(ctx, `SELECT COUNT(*) FROM passes WHERE recipient = $1 AND launch_id = $2 AND state <> 'failed'`, wallet, launchID).Scan(&n)
	return n, err
}

func (t passTx) CountWaitingPasses(ctx context.Context, launchID string) (int64, error) {
	var n int64
	// Two counts, each over its partial index.
	err := t.tx.QueryRow(ctx, `SELECT (SELECT COUNT(*) FROM passes WHERE launch_id = $1 AND state = 'queued')
		+ (SELECT COUNT(*) FROM passes WHERE launch_id = $1 AND state = 'waiting_for_funds')`, launchID).Scan(&n)
	return n, err
}

func (t passTx) RefundOrder(ctx context.Context, brandID, id string, at time.Time) (passes.Order, error) {
	tag, err := t.tx.Exec(ctx, `UPDATE orders SET refunded_at = $1 WHERE id = $2 AND brand_id = $3 AND refunded_at IS NULL`, at, id, brandID)
	if err != nil {
		return passes.Order{}, err
	}
	if tag.RowsAffected() == 1 {
		// Not yet carried by a transaction: cancelled. On its way or
		// minted: burned once minted. Failed: nothing to undo. Claimed
		// into the customer's own wallet: theirs alone, left as it is.
		if _, err := t.tx.Exec(ctx, `UPDATE passes SET refund = true,
			state = CASE WHEN state IN ('queued', 'waiting_for_funds') AND tx_id IS NULL THEN 'refunded' ELSE state END
			WHERE order_id = $1 AND state <> 'failed' AND NOT EXISTS (SELECT 1 FROM claims c
				WHERE c.launch_id = passes.launch_id AND c.token_id = passes.token_id AND c.state <> 'failed')`, id); err != nil {
			return passes.Order{}, err
		}
		if err := emitSettled(ctx, t.tx, at, `order_id = $1`, id); err != nil {
			return passes.Order{}, err
		}
	}
	o, err := getOrder(ctx, t.tx, `id = $1 AND brand_id = $2`, id, brandID)
	if metapass.ErrorCode(err) == metapass.ENOTFOUND {
		return o, metapass.Errorf(metapass.ENOTFOUND, "order %s not found", id)
	}
	return o, err
}

func (t passTx) InsertOrder(ctx context.Context, o passes.Order) error {
	var key *string
	if o.IdempotencyKey != "" {
		key = &o.IdempotencyKey
	}
	if _, err := t.tx.Exec(ctx, `INSERT INTO orders (id, brand_id, launch_id, order_id, idempotency_key, sku, quantity, wallet,
		customer_ref, request_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		o.ID, o.BrandID, o.LaunchID, o.OrderID, key, o.SKU, o.Quantity, o.Wallet, o.CustomerRef, o.RequestHash, o.CreatedAt); err != nil {
		return fmt.Errorf("insert order: %w", err)
	}
	n := len(o.Passes)
	launches, orders, recipients, states := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	tokens := make([]int64, n)
	for i, p := range o.Passes {
		launches[i], orders[i], tokens[i], recipients[i], states[i] = p.LaunchID, p.OrderID, int64(p.TokenID), p.Recipient, string(p.State)
	}
	if _, err := t.tx.Exec(ctx, `INSERT INTO passes (launch_id, order_id, token_id, recipient, state)
		SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[])`,
		launches, orders, tokens, recipients, states); err != nil {
		return fmt.Errorf("insert passes: %w", err)
	}
	return nil
}
