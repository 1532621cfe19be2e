package passes

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/metapass/metapass"
)

// Store persists launches, orders and passes. Lookups scoped by brandID
// return ENOTFOUND for another brand's records.
type Store interface {
	// InTx runs fn in one serializable write transaction; fn's error rolls
	// it back. fn may run more than once (PostgreSQL retries a transaction
	// it aborted to break a deadlock), so it starts from scratch each time.
	InTx(ctx context.Context, fn func(Tx) error) error
	CreateLaunch(ctx context.Context, l Launch) error
	GetLaunch(ctx context.Context, brandID, id string) (Launch, error)
	ListLaunches(ctx context.Context, brandID string) ([]Launch, error)
	// LaunchByContract finds a launch by its contract, across brands.
	LaunchByContract(ctx context.Context, chainID uint64, contract string) (Launch, error)
	GetOrder(ctx context.Context, brandID, id string) (Order, error)
	ListOrders(ctx context.Context, brandID, launchID string, limit int) ([]Order, error)
	ListPasses(ctx context.Context, brandID string, f PassFilter) ([]Pass, error)
	// GetPass returns the pass of launchID with that edition number.
	GetPass(ctx context.Context, launchID string, tokenID uint64) (Pass, error)
	// PassByChainTokenID returns the pass of launchID with that (decimal)
	// token id on chain.
	PassByChainTokenID(ctx context.Context, launchID, chainTokenID string) (Pass, error)
}

// Tx is the part of Store usable inside InTx.
type Tx interface {
	// LaunchForUpdate reads a launch and locks it for the transaction.
	LaunchForUpdate(ctx context.Context, brandID, id string) (Launch, error)
	UpdateLaunch(ctx context.Context, l Launch) error
	// Allocate records that launch id's editions up to allocated are
	// taken, at at: what an order changes of its launch.
	Allocate(ctx context.Context, id string, allocated int64, at time.Time) error
	// OrderByKey returns brandID's order with that order id or, when key
	// is non-empty, that idempotency key; ENOTFOUND when there is none.
	OrderByKey(ctx context.Context, brandID, orderID, key string) (Order, error)
	// CountRecipientPasses counts launchID's passes earned for wallet.
	CountRecipientPasses(ctx context.Context, launchID, wallet string) (int64, error)
	// CountWaitingPasses counts launchID's passes waiting to mint: queued
	// or waiting for funds.
	CountWaitingPasses(ctx context.Context, launchID string) (int64, error)
	// InsertOrder writes o and its passes.
	InsertOrder(ctx context.Context, o Order) error
	// RefundOrder marks brandID's order id refunded at at, once: passes
	// not yet carried by a transaction become refunded, the others are
	// marked for burning once minted. It returns the order as it is now.
	RefundOrder(ctx context.Context, brandID, id string, at time.Time) (Order, error)
}

// PassFilter selects passes; empty fields match everything.
type PassFilter struct {
	Recipient string
	LaunchID  string
	Limit     int
}

// Service is what brands do with launches and orders.
type Service struct {
	Store   Store
	ChainID uint64 // the chain new launches go to
	Now     func() time.Time
	// Notify, when set, is called after an order or a publish is committed,
	// so the minter can act without waiting for its next tick.
	Notify func()
	// Custody, when set, gives the custodial wallet of an order that names
	// a customer reference instead of a wallet.
	Custody Custody
	// MaxPassesPerOrder is the most passes one order may earn (quantity ×
	// the SKU's passes per unit). Defaults to DefaultMaxPassesPerOrder.
	MaxPassesPerOrder int64
	// MaxQueuedPerLaunch is the most passes of one launch that may wait to
	// mint at once (queued or waiting for funds): an order that would go
	// past it is refused until the minter catches up. Defaults to
	// DefaultMaxQueuedPerLaunch.
	MaxQueuedPerLaunch int64
}

// Defaults of the order limits.
const (
	DefaultMaxPassesPerOrder  = 1_000
	DefaultMaxQueuedPerLaunch = 100_000
)

func orDefault(n, def int64) int64 {
	if n <= 0 {
		return def
	}
	return n
}

// Custody keeps a wallet for each of a brand's customers who have none.
type Custody interface {
	// Address returns customerRef's custodial wallet at brandID.
	Address(brandID, customerRef string) string
}

// ErrNoCustody means custodial wallets are not configured.
var ErrNoCustody = &metapass.Error{Code: metapass.ERULE, Field: "customer.ref", Rule: "custody_disabled",
	Message: "custodial wallets are not enabled on this service; name the customer's wallet"}

func (s *Service) notify() {
	if s.Notify != nil {
		s.Notify()
	}
}

// CreateLaunch stores a new draft launch for brandID.
func (s *Service) CreateLaunch(ctx context.Context, brandID string, l Launch) (Launch, error) {
	now := s.Now().UTC()
	l.ID, l.BrandID, l.State, l.ChainID = metapass.NewID("lch"), brandID, LaunchDraft, s.ChainID
	l.Allocated, l.Minted, l.Contract, l.DeployTxHash, l.DeployError = 0, 0, "", "", ""
	l.CreatedAt, l.UpdatedAt = now, now
	if err := l.Validate(); err != nil {
		return Launch{}, err
	}
	if err := s.Store.CreateLaunch(ctx, l); err != nil {
		return Launch{}, fmt.Errorf("create launch: %w", err)
	}
	return l, nil
}

// LaunchPatch holds the fields a PATCH may change; nil leaves a field as is.
// Fields written into the contract at deploy (name, symbol, supply cap,
// soulbound, royalty) may change only while the launch is a draft.
type LaunchPatch struct {
	Name, Symbol, Description, ImageURL, ExternalURL *string
	Attributes                                       *[]Attribute
	SupplyCap, PerWalletCap                          *int64
	SaleStartsAt, SaleEndsAt                         *time.Time
	SKUs                                             *[]SKU
	Soulbound                                        *bool
	RoyaltyReceiver                                  *string
	RoyaltyBps                                       *int
}

func (p LaunchPatch) touchesContract() string {
	switch {
	case p.Name != nil:
		return "name"
	case p.Symbol != nil:
		return "symbol"
	case p.SupplyCap != nil:
		return "supply_cap"
	case p.Soulbound != nil:
		return "soulbound"
	case p.RoyaltyReceiver != nil:
		return "royalty_receiver"
	case p.RoyaltyBps != nil:
		return "royalty_bps"
	}
	return ""
}

// UpdateLaunch applies p to brandID's launch id.
func (s *Service) UpdateLaunch(ctx context.Context, brandID, id string, p LaunchPatch) (Launch, error) {
	var out Launch
	err := s.Store.InTx(ctx, func(tx Tx) error {
		l, err := tx.LaunchForUpdate(ctx, brandID, id)
		if err != nil {
			return err
		}
		if f := p.touchesContract(); f != "" && l.Published() {
			return &metapass.Error{Code: metapass.ECONFLICT, Field: f, Message: "is written into the deployed contract and cannot change after publish"}
		}
		set(&l.Name, p.Name)
		set(&l.Symbol, p.Symbol)
		set(&l.Description, p.Description)
		set(&l.ImageURL, p.ImageURL)
		set(&l.ExternalURL, p.ExternalURL)
		set(&l.Attributes, p.Attributes)
		set(&l.SupplyCap, p.SupplyCap)
		set(&l.PerWalletCap, p.PerWalletCap)
		set(&l.SKUs, p.SKUs)
		set(&l.Soulbound, p.Soulbound)
		set(&l.RoyaltyReceiver, p.RoyaltyReceiver)
		set(&l.RoyaltyBps, p.RoyaltyBps)
		if p.SaleStartsAt != nil {
			l.SaleStartsAt = p.SaleStartsAt
		}
		if p.SaleEndsAt != nil {
			l.SaleEndsAt = p.SaleEndsAt
		}
		if err := l.Validate(); err != nil {
			return err
		}
		l.UpdatedAt = s.Now().UTC()
		out = l
		return tx.UpdateLaunch(ctx, l)
	})
	return out, err
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// Transition names a launch state change requested through the API.
type Transition string

// Transitions.
const (
	Publish Transition = "publish"
	Pause   Transition = "pause"
	Resume  Transition = "resume"
	End     Transition = "end"
)

// Transition moves brandID's launch id through t. Publishing asks the minter
// to deploy the contract; the launch is live once the deploy is confirmed.
func (s *Service) Transition(ctx context.Context, brandID, id string, t Transition) (Launch, error) {
	var out Launch
	err := s.Store.InTx(ctx, func(tx Tx) error {
		l, err := tx.LaunchForUpdate(ctx, brandID, id)
		if err != nil {
			return err
		}
		next, err := nextState(l.State, t)
		if err != nil {
			return err
		}
		if next == LaunchLive && !l.Deployed {
			next = LaunchDeploying // resumed before its contract is final
		}
		l.State, l.DeployError, l.UpdatedAt = next, "", s.Now().UTC()
		out = l
		return tx.UpdateLaunch(ctx, l)
	})
	if err == nil && t == Publish {
		s.notify()
	}
	return out, err
}

func nextState(from LaunchState, t Transition) (LaunchState, error) {
	to, ok := map[Transition]map[LaunchState]LaunchState{
		Publish: {LaunchDraft: LaunchDeploying},
		Pause:   {LaunchLive: LaunchPaused, LaunchDeploying: LaunchPaused},
		Resume:  {LaunchPaused: LaunchLive},
		End:     {LaunchLive: LaunchEnded, LaunchPaused: LaunchEnded, LaunchDeploying: LaunchEnded},
	}[t][from]
	if !ok {
		return "", metapass.RuleError("launch_state", "cannot %s a launch that is %s", t, from)
	}
	return to, nil
}

// GetLaunch returns brandID's launch id.
func (s *Service) GetLaunch(ctx context.Context, brandID, id string) (Launch, error) {
	return s.Store.GetLaunch(ctx, brandID, id)
}

// ListLaunches returns brandID's launches, newest first.
func (s *Service) ListLaunches(ctx context.Context, brandID string) ([]Launch, error) {
	return s.Store.ListLaunches(ctx, brandID)
}

// PlaceOrder accepts an order for launchID and queues its passes, all in one
// transaction. Replaying the same request returns the stored order with
// created false; reusing its order id or idempotency key with a different
// body is ECONFLICT. Breaking a sale rule is ERULE and writes nothing.
func (s *Service) PlaceOrder(ctx context.Context, brandID, launchID string, r OrderRequest) (o Order, created bool, err error) {
	if r.CustomerRef != "" {
		if s.Custody == nil {
			return Order{}, false, ErrNoCustody
		}
		r.Wallet = s.Custody.Address(brandID, r.CustomerRef)
	}
	hash := r.hash(launchID)
	err = s.Store.InTx(ctx, func(tx Tx) error {
		created = false // from scratch when the transaction is run again
		prev, err := tx.OrderByKey(ctx, brandID, r.OrderID, r.IdempotencyKey)
		switch {
		case err == nil && bytes.Equal(prev.RequestHash, hash) && prev.IdempotencyKey == r.IdempotencyKey:
			o = prev
			return nil
		case err == nil:
			return metapass.Errorf(metapass.ECONFLICT, "order %q was already placed with a different body or idempotency key", r.OrderID)
		case metapass.ErrorCode(err) != metapass.ENOTFOUND:
			return err
		}
		l, err := tx.LaunchForUpdate(ctx, brandID, launchID)
		if err != nil {
			return err
		}
		now := s.Now().UTC()
		if err := l.onSale(now); err != nil {
			return err
		}
		sku, ok := l.SKU(r.SKU)
		if !ok {
			return &metapass.Error{Code: metapass.ERULE, Field: "sku", Rule: "unknown_sku", Message: fmt.Sprintf("SKU %q does not earn passes of this launch", r.SKU)}
		}
		n := int64(r.Quantity) * int64(sku.PassesPerUnit)
		if limit := orDefault(s.MaxPassesPerOrder, DefaultMaxPassesPerOrder); n > limit {
			return &metapass.Error{Code: metapass.ERULE, Field: "quantity", Rule: "passes_per_order",
				Message: fmt.Sprintf("an order may earn at most %d passes; this one would earn %d", limit, n)}
		}
		if err := s.checkQueue(ctx, tx, l, n); err != nil {
			return err
		}
		if l.Allocated+n > l.SupplyCap {
			return metapass.RuleError("supply_cap", "only %d of %d passes are left; this order needs %d", l.SupplyCap-l.Allocated, l.SupplyCap, n)
		}
		if l.PerWalletCap > 0 {
			held, err := tx.CountRecipientPasses(ctx, l.ID, r.Wallet)
			if err != nil {
				return err
			}
			if held+n > l.PerWalletCap {
				return metapass.RuleError("per_wallet_cap", "wallet %s already has %d of at most %d passes; this order needs %d", r.Wallet, held, l.PerWalletCap, n)
			}
		}
		o = Order{
			ID: metapass.NewID("ord"), BrandID: brandID, LaunchID: l.ID, OrderID: r.OrderID, IdempotencyKey: r.IdempotencyKey,
			SKU: r.SKU, Quantity: r.Quantity, Wallet: r.Wallet, CustomerRef: r.CustomerRef, State: OrderQueued, CreatedAt: now, RequestHash: hash,
		}
		for i := int64(1); i <= n; i++ {
			o.Passes = append(o.Passes, Pass{
				LaunchID: l.ID, OrderID: o.ID, ChainID: l.ChainID, Contract: l.Contract,
				TokenID: uint64(l.Allocated + i), Recipient: r.Wallet, State: PassQueued,
			})
		}
		l.Allocated += n
		l.UpdatedAt = now
		if err := tx.Allocate(ctx, l.ID, l.Allocated, now); err != nil {
			return err
		}
		created = true
		return tx.InsertOrder(ctx, o)
	})
	if err != nil {
		return Order{}, false, err
	}
	if created {
		s.notify()
	}
	o.State = o.state()
	return o, created, nil
}

// checkQueue refuses n more passes for l when they would take its passes
// waiting to mint past MaxQueuedPerLaunch. l is locked for the
// transaction, so orders of l count one after another and the limit is
// exact; the minter only ever lowers the count meanwhile. Only passes
// allocated and not minted can wait, so the count is read only when that
// bound does not already settle it.
func (s *Service) checkQueue(ctx context.Context, tx Tx, l Launch, n int64) error {
	limit := orDefault(s.MaxQueuedPerLaunch, DefaultMaxQueuedPerLaunch)
	if l.Allocated-l.Minted+n <= limit {
		return nil
	}
	waiting, err := tx.CountWaitingPasses(ctx, l.ID)
	if err != nil {
		return err
	}
	if waiting+n > limit {
		return metapass.RuleError("queue_full", "%d passes of this launch are waiting to mint, at most %d may; this order needs %d: retry once they are minted",
			waiting, limit, n)
	}
	return nil
}

// Refund refunds brandID's order id: its passes stop counting for perks
// and entry at once; those not yet on their way are cancelled and the
// others burned once minted. Refunding again changes nothing.
func (s *Service) Refund(ctx context.Context, brandID, id string) (Order, error) {
	var o Order
	err := s.Store.InTx(ctx, func(tx Tx) (err error) {
		o, err = tx.RefundOrder(ctx, brandID, id, s.Now().UTC())
		return err
	})
	if err != nil {
		return Order{}, err
	}
	s.notify()
	o.State = o.state()
	return o, nil
}

// GetOrder returns brandID's order id with its passes.
func (s *Service) GetOrder(ctx context.Context, brandID, id string) (Order, error) {
	o, err := s.Store.GetOrder(ctx, brandID, id)
	if err != nil {
		return Order{}, err
	}
	o.State = o.state()
	o.summarize(-1)
	return o, nil
}

// ListOrders returns brandID's most recent orders of launchID, each with
// its pass counts and its first ListedPasses passes.
func (s *Service) ListOrders(ctx context.Context, brandID, launchID string, limit int) ([]Order, error) {
	if _, err := s.Store.GetLaunch(ctx, brandID, launchID); err != nil {
		return nil, err
	}
	os, err := s.Store.ListOrders(ctx, brandID, launchID, limit)
	for i := range os {
		os[i].State = os[i].state()
		os[i].summarize(ListedPasses)
	}
	return os, err
}

// ListPasses returns brandID's passes matching f.
func (s *Service) ListPasses(ctx context.Context, brandID string, f PassFilter) ([]Pass, error) {
	return s.Store.ListPasses(ctx, brandID, f)
}
