package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

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
	COALESCE(t.state = 'confirmed', 0),
	l.allocated, l.minted, l.created_at, l.updated_at`

const launchFrom = ` FROM launches l LEFT JOIN chain_txs t ON t.id = l.deploy_tx_id `

func scanLaunch(row interface{ Scan(...any) error }) (passes.Launch, error) {
	var l passes.Launch
	var attrs, skus string
	var starts, ends sql.NullTime
	err := row.Scan(&l.ID, &l.BrandID, &l.State, &l.Name, &l.Symbol, &l.Description, &l.ImageURL, &l.ExternalURL,
		&attrs, &l.SupplyCap, &l.PerWalletCap, &starts, &ends, &skus, &l.Soulbound,
		&l.RoyaltyReceiver, &l.RoyaltyBps, &l.ChainID, &l.Contract, &l.DeployTxHash, &l.DeployError, &l.Deployed,
		&l.Allocated, &l.Minted, &l.CreatedAt, &l.UpdatedAt)
	if err != nil {
		return l, err
	}
	if starts.Valid {
		l.SaleStartsAt = &starts.Time
	}
	if ends.Valid {
		l.SaleEndsAt = &ends.Time
	}
	if err := json.Unmarshal([]byte(attrs), &l.Attributes); err != nil {
		return l, fmt.Errorf("launch %s attributes: %w", l.ID, err)
	}
	if err := json.Unmarshal([]byte(skus), &l.SKUs); err != nil {
		return l, fmt.Errorf("launch %s skus: %w", l.ID, err)
	}
	return l, nil
}

func jsonText(v any) string {
	b, _ := json.Marshal(v) // launch attributes and SKUs always marshal
	return string(b)
}

func nullTime(t *time.Time) sql.NullTime {
	if t == nil {
		return sql.NullTime{}
	}
	return sql.NullTime{Time: t.UTC(), Valid: true}
}

func (s PassStore) InTx(ctx context.Context, fn func(passes.Tx) error) error {
	return s.db.inTx(ctx, func(tx *sql.Tx) error { return fn(passTx{tx}) })
}

func (s PassStore) CreateLaunch(ctx context.Context, l passes.Launch) error {
	_, err := s.db.exec(ctx, `INSERT INTO launches (id, brand_id, state, name, symbol, description, image_url,
		external_url, attributes, supply_cap, per_wallet_cap, sale_starts_at, sale_ends_at, skus, soulbound,
		royalty_receiver, royalty_bps, chain_id, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		l.ID, l.BrandID, l.State, l.Name, l.Symbol, l.Description, l.ImageURL, l.ExternalURL, jsonText(l.Attributes),
		l.SupplyCap, l.PerWalletCap, nullTime(l.SaleStartsAt), nullTime(l.SaleEndsAt), jsonText(l.SKUs), l.Soulbound,
		l.RoyaltyReceiver, l.RoyaltyBps, l.ChainID, l.CreatedAt, l.UpdatedAt)
	return err
}

func getLaunch(ctx context.Context, q querier, brandID, id string) (passes.Launch, error) {
	l, err := scanLaunch(q.QueryRowContext(ctx, `SELECT `+launchColumns+launchFrom+`WHERE l.id = ? AND l.brand_id = ?`, id, brandID))
	return l, notFound(err, "launch %s", id)
}

func (s PassStore) GetLaunch(ctx context.Context, brandID, id string) (passes.Launch, error) {
	return getLaunch(ctx, s.db.r, brandID, id)
}

func (s PassStore) queryLaunches(ctx context.Context, where string, args ...any) ([]passes.Launch, error) {
	rows, err := s.db.r.QueryContext(ctx, `SELECT `+launchColumns+launchFrom+where, args...)
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
	return s.queryLaunches(ctx, `WHERE l.brand_id = ? ORDER BY l.created_at DESC, l.id`, brandID)
}

func (s PassStore) LaunchByContract(ctx context.Context, chainID uint64, contract string) (passes.Launch, error) {
	l, err := scanLaunch(s.db.r.QueryRowContext(ctx, `SELECT `+launchColumns+launchFrom+`WHERE l.chain_id = ? AND lower(l.contract) = lower(?)`, chainID, contract))
	return l, notFound(err, "contract %s on chain %d", contract, chainID)
}

const passColumns = `p.id, p.launch_id, p.order_id, l.chain_id, l.contract, p.token_id, p.recipient, p.state,
	COALESCE(t.hash, ''), t.nonce, t.block_number, p.fail_reason, p.refund, COALESCE(p.chain_token_id, '')`

const passFrom = ` FROM passes p JOIN launches l ON l.id = p.launch_id LEFT JOIN chain_txs t ON t.id = p.tx_id `

func scanPass(row interface{ Scan(...any) error }) (passes.Pass, error) {
	var p passes.Pass
	var nonce, block sql.NullInt64
	err := row.Scan(&p.ID, &p.LaunchID, &p.OrderID, &p.ChainID, &p.Contract, &p.TokenID, &p.Recipient, &p.State,
		&p.TxHash, &nonce, &block, &p.FailReason, &p.Refund, &p.ChainTokenID)
	if nonce.Valid {
		n := uint64(nonce.Int64)
		p.Nonce = &n
	}
	if block.Valid && p.State == passes.PassMinted {
		b := uint64(block.Int64)
		p.BlockNumber = &b
	}
	return p, err
}

func queryPasses(ctx context.Context, q querier, where string, args ...any) ([]passes.Pass, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+passColumns+passFrom+where, args...)
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
	rows, err := q.QueryContext(ctx, `SELECT `+orderColumns+` FROM orders WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	out := []passes.Order{}
	for rows.Next() {
		var (
			o        = passes.Order{Passes: []passes.Pass{}}
			refunded sql.NullTime
		)
		if err := rows.Scan(&o.ID, &o.BrandID, &o.LaunchID, &o.OrderID, &o.IdempotencyKey, &o.SKU, &o.Quantity, &o.Wallet,
			&o.CustomerRef, &o.RequestHash, &o.CreatedAt, &refunded); err != nil {
			rows.Close()
			return nil, err
		}
		if refunded.Valid {
			o.RefundedAt = &refunded.Time
		}
		out = append(out, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	ps, err := queryPasses(ctx, q, `WHERE p.order_id IN (SELECT id FROM orders WHERE `+where+`) ORDER BY p.token_id`, args...)
	passes.AttachPasses(out, ps)
	return out, err
}

func (s PassStore) GetOrder(ctx context.Context, brandID, id string) (passes.Order, error) {
	o, err := getOrder(ctx, s.db.r, `id = ? AND brand_id = ?`, id, brandID)
	if metapass.ErrorCode(err) == metapass.ENOTFOUND {
		return o, metapass.Errorf(metapass.ENOTFOUND, "order %s not found", id)
	}
	return o, err
}

func (s PassStore) ListOrders(ctx context.Context, brandID, launchID string, limit int) ([]passes.Order, error) {
	return getOrders(ctx, s.db.r, `brand_id = ? AND launch_id = ? ORDER BY created_at DESC, id LIMIT ?`, brandID, launchID, limit)
}

func (s PassStore) ListPasses(ctx context.Context, brandID string, f passes.PassFilter) ([]passes.Pass, error) {
	where, args := []string{"l.brand_id = ?"}, []any{brandID}
	if f.Recipient != "" {
		where, args = append(where, "lower(p.recipient) = lower(?)"), append(args, f.Recipient)
	}
	if f.LaunchID != "" {
		where, args = append(where, "p.launch_id = ?"), append(args, f.LaunchID)
	}
	if f.Limit <= 0 {
		f.Limit = 100
	}
	return queryPasses(ctx, s.db.r, `WHERE `+strings.Join(where, " AND ")+` ORDER BY p.id LIMIT ?`, append(args, f.Limit)...)
}

func (s PassStore) GetPass(ctx context.Context, launchID string, tokenID uint64) (passes.Pass, error) {
	p, err := scanPass(s.db.r.QueryRowContext(ctx, `SELECT `+passColumns+passFrom+`WHERE p.launch_id = ? AND p.token_id = ?`, launchID, tokenID))
	return p, notFound(err, "token %d", tokenID)
}

// passTx is a passes.Tx on one SQLite write transaction. SQLite's
// IMMEDIATE transaction already holds the database's write lock, so
// LaunchForUpdate needs no row lock.
type passTx struct{ tx *sql.Tx }

func (t passTx) LaunchForUpdate(ctx context.Context, brandID, id string) (passes.Launch, error) {
	return getLaunch(ctx, t.tx, brandID, id)
}

func (t passTx) UpdateLaunch(ctx context.Context, l passes.Launch) error {
	_, err := t.tx.ExecContext(ctx, `UPDATE launches SET state = ?, name = ?, symbol = ?, description = ?, image_url = ?,
		external_url = ?, attributes = ?, supply_cap = ?, per_wallet_cap = ?, sale_starts_at = ?, sale_ends_at = ?,
		skus = ?, soulbound = ?, royalty_receiver = ?, royalty_bps = ?, deploy_error = ?, allocated = ?, updated_at = ?
		WHERE id = ?`,
		l.State, l.Name, l.Symbol, l.Description, l.ImageURL, l.ExternalURL, jsonText(l.Attributes), l.SupplyCap,
		l.PerWalletCap, nullTime(l.SaleStartsAt), nullTime(l.SaleEndsAt), jsonText(l.SKUs), l.Soulbound,
		l.RoyaltyReceiver, l.RoyaltyBps, l.DeployError, l.Allocated, l.UpdatedAt, l.ID)
	return err
}

func (t passTx) Allocate(ctx context.Context, id string, allocated int64, at time.Time) error {
	_, err := t.tx.ExecContext(ctx, `UPDATE launches SET allocated = ?, updated_at = ? WHERE id = ?`, allocated, at, id)
	return err
}

func (t passTx) OrderByKey(ctx context.Context, brandID, orderID, key string) (passes.Order, error) {
	if key == "" {
		return getOrder(ctx, t.tx, `brand_id = ? AND order_id = ?`, brandID, orderID)
	}
	return getOrder(ctx, t.tx, `brand_id = ? AND (order_id = ? OR idempotency_key = ?) ORDER BY order_id = ? DESC LIMIT 1`,
		brandID, orderID, key, orderID)
}

func (t passTx) CountRecipientPasses(ctx context.Context, launchID, wallet string) (int64, error) {
	var n int64
	err := t.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM passes WHERE recipient = ? AND launch_id = ? AND state <> 'failed'`, wallet, launchID).Scan(&n)
	return n, err
}

func (t passTx) CountWaitingPasses(ctx context.Context, launchID string) (int64, error) {
	var n int64
	// Two counts, each over its partial index.
	err := t.tx.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM passes WHERE launch_id = ? AND state = 'queued')
		+ (SELECT COUNT(*) FROM passes WHERE launch_id = ? AND state = 'waiting_for_funds')`, launchID, launchID).Scan(&n)
	return n, err
}

func (t passTx) RefundOrder(ctx context.Context, brandID, id string, at time.Time) (passes.Order, error) {
	res, err := t.tx.ExecContext(ctx, `UPDATE orders SET refunded_at = ? WHERE id = ? AND brand_id = ? AND refunded_at IS NULL`, at, id, brandID)
	if err != nil {
		return passes.Order{}, err
	}
	if n, _ := res.RowsAffected(); n == 1 {
		// Not yet carried by a transaction: cancelled. On its way or
		// minted: burned once minted. Failed: nothing to undo. Claimed
		// into the customer's own wallet: theirs alone, left as it is.
		if _, err := t.tx.ExecContext(ctx, `UPDATE passes SET refund = 1,
			state = CASE WHEN state IN ('queued', 'waiting_for_funds') AND tx_id IS NULL THEN 'refunded' ELSE state END
			WHERE order_id = ? AND state <> 'failed' AND NOT EXISTS (SELECT 1 FROM claims c
				WHERE c.launch_id = passes.launch_id AND c.token_id = passes.token_id AND c.state <> 'failed')`, id); err != nil {
			return passes.Order{}, err
		}
		if err := emitSettled(ctx, t.tx, at, `order_id = ?`, id); err != nil {
			return passes.Order{}, err
		}
	}
	o, err := getOrder(ctx, t.tx, `id = ? AND brand_id = ?`, id, brandID)
	if metapass.ErrorCode(err) == metapass.ENOTFOUND {
		return o, metapass.Errorf(metapass.ENOTFOUND, "order %s not found", id)
	}
	return o, err
}

func (t passTx) InsertOrder(ctx context.Context, o passes.Order) error {
	var key any
	if o.IdempotencyKey != "" {
		key = o.IdempotencyKey
	}
	if _, err := t.tx.ExecContext(ctx, `INSERT INTO orders (id, brand_id, launch_id, order_id, idempotency_key, sku, quantity, wallet, customer_ref, request_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		o.ID, o.BrandID, o.LaunchID, o.OrderID, key, o.SKU, o.Quantity, o.Wallet, o.CustomerRef, o.RequestHash, o.CreatedAt); err != nil {
		return fmt.Errorf("insert order: %w", err)
	}
	for _, p := range o.Passes {
		if _, err := t.tx.ExecContext(ctx, `INSERT INTO passes (launch_id, order_id, token_id, recipient, state) VALUES (?, ?, ?, ?, ?)`,
			p.LaunchID, p.OrderID, p.TokenID, p.Recipient, p.State); err != nil {
			return fmt.Errorf("insert pass %d: %w", p.TokenID, err)
		}
	}
	return nil
}
