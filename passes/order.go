package passes

import (
	"crypto/sha256"
	"encoding/json"
	"strings"
	"time"

	"github.com/metapass/metapass"
)

// OrderState summarizes the states of an order's passes.
type OrderState string

// Order states: queued → submitted → minted | failed, and
// waiting_for_funds while the signer cannot pay; once refunded,
// refunding → refunded.
const (
	OrderQueued          OrderState = "queued"
	OrderSubmitted       OrderState = "submitted"
	OrderWaitingForFunds OrderState = "waiting_for_funds"
	OrderMinted          OrderState = "minted"
	OrderFailed          OrderState = "failed"
	OrderRefunding       OrderState = "refunding" // some passes still to burn
	OrderRefunded        OrderState = "refunded"  // every pass cancelled or burned
)

// PassState is where one pass is on its way to the chain.
type PassState string

// Pass states.
const (
	PassQueued    PassState = "queued"    // written with its order; no transaction yet
	PassSubmitted PassState = "submitted" // carried by a signed, recorded transaction
	PassMinted    PassState = "minted"    // its mint transaction is confirmed
	PassFailed    PassState = "failed"    // its mint could not happen; see FailReason
	// PassWaitingForFunds: the signer cannot pay for its transaction; it
	// goes on by itself once the signer is funded.
	PassWaitingForFunds PassState = "waiting_for_funds"
	PassBurning         PassState = "burning"  // refunded; a burn transaction carries it
	PassRefunded        PassState = "refunded" // cancelled before its mint, or burned
)

// OrderRequest is a brand's purchase that earns passes for a wallet.
type OrderRequest struct {
	OrderID  string // the brand's own order id; unique per brand
	SKU      string
	Quantity int
	Wallet   string // checksummed recipient address
	// CustomerRef, instead of Wallet, names the brand's customer: the
	// passes go to the custodial wallet the service keeps for them.
	CustomerRef    string
	IdempotencyKey string // optional; unique per brand
}

// hash identifies the request's content, so a replay can be told from a
// conflicting reuse of the same order id.
func (r OrderRequest) hash(launchID string) []byte {
	b, _ := json.Marshal([]any{launchID, r.OrderID, r.SKU, r.Quantity, strings.ToLower(r.Wallet), r.CustomerRef})
	h := sha256.Sum256(b)
	return h[:]
}

// Order is an accepted purchase and the passes it earned.
type Order struct {
	ID             string     `json:"id"`
	BrandID        string     `json:"brand_id"`
	LaunchID       string     `json:"launch_id"`
	OrderID        string     `json:"order_id"`
	IdempotencyKey string     `json:"idempotency_key,omitempty"`
	SKU            string     `json:"sku"`
	Quantity       int        `json:"quantity"`
	Wallet         string     `json:"wallet"`
	CustomerRef    string     `json:"customer_ref,omitempty"`
	State          OrderState `json:"state"`
	Passes         []Pass     `json:"passes"`
	CreatedAt      time.Time  `json:"created_at"`
	RefundedAt     *time.Time `json:"refunded_at,omitempty"`
	RequestHash    []byte     `json:"-"`

	// Passes are every pass of the order, or in a list of orders its first
	// ListedPasses: PassCount and PassStates (by state) then tell them all.
	PassCount  int               `json:"pass_count,omitempty"`
	PassStates map[PassState]int `json:"pass_states,omitempty"`
}

// Pass is one token of a launch, earned by an order.
type Pass struct {
	ID       int64  `json:"-"`
	LaunchID string `json:"launch_id"`
	OrderID  string `json:"order_id"`
	ChainID  uint64 `json:"chain_id"`
	Contract string `json:"contract_address,omitempty"`
	// TokenID is the pass's edition number in its launch, 1..supply cap.
	TokenID uint64 `json:"token_id"`
	// ChainTokenID is its ERC-721 token id on chain, in decimal: the
	// recipient's address above a 96-bit count of the launch's passes
	// minted to it. Set once a mint transaction carries the pass.
	ChainTokenID string    `json:"chain_token_id,omitempty"`
	Recipient    string    `json:"recipient"`
	State        PassState `json:"state"`
	TxHash       string    `json:"tx_hash,omitempty"`
	Nonce        *uint64   `json:"nonce,omitempty"`
	BlockNumber  *uint64   `json:"block_number,omitempty"`
	FailReason   string    `json:"fail_reason,omitempty"`
	// Refund says its order was refunded: it no longer counts for perks
	// or entry, and is burned once minted.
	Refund bool `json:"refund,omitempty"`
}

// state is o's state: its passes' summary, or, once refunded, refunded
// when no refunded pass is left to burn and refunding until then.
func (o Order) state() OrderState {
	if o.RefundedAt == nil {
		return summarize(o.Passes)
	}
	for _, p := range o.Passes {
		if p.Refund && p.State != PassRefunded && p.State != PassFailed {
			return OrderRefunding
		}
	}
	return OrderRefunded
}

// summarize derives the order's state from its passes: failed if any failed,
// minted when all are, waiting_for_funds if any waits for the signer's
// funds, submitted once any is on its way, queued otherwise.
func summarize(ps []Pass) OrderState {
	minted, submitted, waiting := 0, 0, false
	for _, p := range ps {
		switch p.State {
		case PassFailed:
			return OrderFailed
		case PassMinted:
			minted++
		case PassSubmitted:
			submitted++
		case PassWaitingForFunds:
			waiting = true
		}
	}
	switch {
	case len(ps) > 0 && minted == len(ps):
		return OrderMinted
	case waiting:
		return OrderWaitingForFunds
	case minted+submitted > 0:
		return OrderSubmitted
	}
	return OrderQueued
}

// Order events, told to brands' webhooks once per order.
const (
	EventOrderMinted   = "order.minted"
	EventOrderFailed   = "order.failed"
	EventOrderRefunded = "order.refunded"
)

// ListedPasses is how many of its passes an order carries in a list of
// orders, so that a page's size is bounded by its number of orders.
const ListedPasses = 5

// summarize sets o's PassCount and PassStates and keeps its first keep
// passes (all when keep is negative).
func (o *Order) summarize(keep int) {
	o.PassCount = len(o.Passes)
	o.PassStates = make(map[PassState]int)
	for _, p := range o.Passes {
		o.PassStates[p.State]++
	}
	if keep >= 0 && len(o.Passes) > keep {
		o.Passes = o.Passes[:keep:keep]
	}
}

// AttachPasses appends each of ps to the Passes of its order in orders,
// keeping their order; a pass of no order there is dropped.
func AttachPasses(orders []Order, ps []Pass) {
	at := make(map[string]int, len(orders))
	for i, o := range orders {
		at[o.ID] = i
	}
	for _, p := range ps {
		if i, ok := at[p.OrderID]; ok {
			orders[i].Passes = append(orders[i].Passes, p)
		}
	}
}

// SettledEvent returns the webhook event of o once all its passes are
// minted (order.minted), one failed (order.failed), or, refunded, none is
// left to burn (order.refunded); ok is false while it is on its way. The event's id derives from the order and the outcome, so
// an order minted again after a reorg is told once.
func SettledEvent(o Order, at time.Time) (e metapass.Event, ok bool) {
	o.State = o.state()
	typ := map[OrderState]string{OrderMinted: EventOrderMinted, OrderFailed: EventOrderFailed, OrderRefunded: EventOrderRefunded}[o.State]
	if typ == "" {
		return metapass.Event{}, false
	}
	return metapass.NewEvent(typ, o.BrandID, at, o).Once(typ + "/" + o.ID), true
}
