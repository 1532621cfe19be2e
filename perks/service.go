package perks

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/metapass/metapass"
)

// Store persists perks and their redemptions. Lookups scoped by brandID
// return ENOTFOUND for another brand's perks.
type Store interface {
	// CreatePerk stores p with its code pool.
	CreatePerk(ctx context.Context, p Perk) error
	// GetPerk returns brandID's perk id, or ENOTFOUND.
	GetPerk(ctx context.Context, brandID, id string) (Perk, error)
	// ListPerks returns brandID's perks, of launchID when it is not empty.
	ListPerks(ctx context.Context, brandID, launchID string) ([]Perk, error)
	// Version tells whether brandID's perks changed since a read.
	Version(ctx context.Context, brandID string) (Version, error)
	// Used counts, for each of brandID's perks, the redemptions in the
	// perk's current period by wallet and charged to each of tokens.
	Used(ctx context.Context, brandID, wallet string, tokens []TokenKey, now time.Time) (map[string]Usage, error)
	// Usage counts perkID's redemptions in period by wallet and charged to
	// each of tokens.
	Usage(ctx context.Context, perkID, wallet string, tokens []TokenKey, period string) (Usage, error)
	// InTx runs fn in one serializable write transaction. fn may run more
	// than once (see passes.Store.InTx), so it starts from scratch each time.
	InTx(ctx context.Context, fn func(Tx) error) error
}

// Usage is how much of a perk's limits one wallet has used this period.
type Usage struct {
	Wallet int
	Tokens map[TokenKey]int
}

// TokenKey names one pass across launches.
type TokenKey struct {
	LaunchID string
	TokenID  uint64
}

// Tx is the part of Store usable inside InTx.
type Tx interface {
	// PerkForUpdate reads a perk and holds it for the transaction.
	PerkForUpdate(ctx context.Context, brandID, id string) (Perk, error)
	// Usage is Store.Usage under the transaction's lock.
	Usage(ctx context.Context, perkID, wallet string, tokens []TokenKey, period string) (Usage, error)
	// TakeCode assigns an unused code of perkID's pool to redemptionID and
	// returns it; ok is false when the pool is empty.
	TakeCode(ctx context.Context, perkID, redemptionID string) (code string, ok bool, err error)
	// InsertRedemption stores r and counts it against its perk.
	InsertRedemption(ctx context.Context, r Redemption) error
	// Emit records e for the brand's webhooks with the transaction.
	Emit(ctx context.Context, e metapass.Event) error
}

// EventRedeemed is the webhook event of a redemption; its data is the
// redemption without its payload.
const EventRedeemed = "perk.redeemed"

// Holdings answers which passes a wallet holds now, from the ownership
// index.
type Holdings interface {
	Held(ctx context.Context, brandID, wallet string) ([]Held, error)
}

// Redemption is one use of a perk, charged to one token and one wallet.
type Redemption struct {
	ID        string    `json:"id"`
	PerkID    string    `json:"perk_id"`
	BrandID   string    `json:"brand_id"`
	LaunchID  string    `json:"launch_id"`
	TokenID   uint64    `json:"token_id"`
	Wallet    string    `json:"wallet"`
	Period    string    `json:"period"`
	Payload   Payload   `json:"payload"`
	CreatedAt time.Time `json:"created_at"`
}

// Holders confirms with the chain itself who holds a token now, so a
// redemption never rests on an index that lags a transfer.
type Holders interface {
	IsHolder(ctx context.Context, token Held, wallet string) (bool, error)
}

// Service is what brands and customers do with perks.
type Service struct {
	Store    Store
	Holdings Holdings
	// Holders, when set, re-checks the charged token's holder before a
	// redemption commits.
	Holders Holders
	Now     func() time.Time
	// cache keeps each brand's perks; see allPerks.
	cache sync.Map
}

// ReasonNotOwnerNow means the index said the wallet holds the pass but
// the chain says it no longer does.
const ReasonNotOwnerNow = "not_owner_now"

// DryRun evaluates rule for wallet as it holds passes now, without
// redeeming anything: what an admin checks before a perk goes live.
func (s *Service) DryRun(ctx context.Context, brandID string, rule Rule, wallet string) (Verdict, error) {
	if err := rule.Validate(); err != nil {
		return Verdict{}, err
	}
	held, err := s.Holdings.Held(ctx, brandID, wallet)
	if err != nil {
		return Verdict{}, fmt.Errorf("holdings of %s: %w", wallet, err)
	}
	return rule.Evaluate(held, s.Now()), nil
}

// CreatePerk stores a new perk on brandID's launch. A code pool caps the
// inventory at the number of codes.
func (s *Service) CreatePerk(ctx context.Context, brandID string, p Perk) (Perk, error) {
	p.ID, p.BrandID, p.Redeemed, p.CreatedAt = metapass.NewID("prk"), brandID, 0, s.Now().UTC()
	p.CodePool = len(p.Payload.Codes)
	if n := int64(len(p.Payload.Codes)); n > 0 && (p.Inventory == nil || *p.Inventory > n) {
		p.Inventory = &n
	}
	if err := p.Validate(); err != nil {
		return Perk{}, err
	}
	if err := s.Store.CreatePerk(ctx, p); err != nil {
		return Perk{}, fmt.Errorf("create perk: %w", err)
	}
	return p, nil
}

// Status is a perk as one wallet sees it.
type Status struct {
	Perk
	Eligible bool   `json:"eligible"`
	Reason   string `json:"reason,omitempty"`
}

// Eligibility returns each of brandID's perks with whether wallet may
// redeem it now and, when not, why.
func (s *Service) Eligibility(ctx context.Context, brandID, wallet string) ([]Status, error) {
	now := s.Now()
	held, err := s.Holdings.Held(ctx, brandID, wallet)
	if err != nil {
		return nil, fmt.Errorf("holdings of %s: %w", wallet, err)
	}
	ps, err := s.allPerks(ctx, brandID)
	if err != nil {
		return nil, err
	}
	used, err := s.Store.Used(ctx, brandID, wallet, keys(held), now)
	if err != nil {
		return nil, err
	}
	out := make([]Status, len(ps))
	for i, p := range ps {
		out[i] = Status{Perk: p, Reason: p.open(now)}
		if out[i].Reason != "" {
			continue
		}
		v := p.Rule.Evaluate(held, now)
		if !v.Eligible {
			out[i].Reason = v.Reason
			continue
		}
		if _, ok := p.pick(v.Tokens, used[p.ID]); !ok {
			out[i].Reason = ReasonLimitReached
			continue
		}
		out[i].Eligible = true
	}
	return out, nil
}

// pick returns the first token of tokens that still has a redemption left
// under the perk's limits, given usage u.
func (p Perk) pick(tokens []Held, u Usage) (Held, bool) {
	if p.Limit.PerWallet > 0 && u.Wallet >= p.Limit.PerWallet {
		return Held{}, false
	}
	for _, t := range tokens {
		if p.Limit.PerToken == 0 || u.Tokens[TokenKey{t.LaunchID, t.TokenID}] < p.Limit.PerToken {
			return t, true
		}
	}
	return Held{}, false
}

// Redeem uses brandID's perk perkID for wallet, charged to tokenID of
// launchID when given (else to the first eligible token with a use left).
// The token is chosen, and its holder confirmed on chain, before the write
// transaction, which re-counts the limits under its lock: concurrent
// attempts never exceed a limit, and no chain call holds the lock. A wallet
// the rule refuses gets EFORBIDDEN naming the reason; a used-up limit
// ECONFLICT.
func (s *Service) Redeem(ctx context.Context, brandID, perkID, wallet string, token *TokenKey) (Redemption, error) {
	p, err := s.Store.GetPerk(ctx, brandID, perkID)
	if err != nil {
		return Redemption{}, err
	}
	now := s.Now().UTC()
	if reason := p.open(now); reason == ReasonOutsideWindow {
		return Redemption{}, notEligible(reason)
	}
	held, err := s.Holdings.Held(ctx, brandID, wallet)
	if err != nil {
		return Redemption{}, fmt.Errorf("holdings of %s: %w", wallet, err)
	}
	v := p.Rule.Evaluate(held, now)
	if !v.Eligible {
		return Redemption{}, notEligible(v.Reason)
	}
	tokens := v.Tokens
	if token != nil {
		tokens = slices.DeleteFunc(slices.Clone(v.Tokens), func(t Held) bool { return t.LaunchID != token.LaunchID || t.TokenID != token.TokenID })
		if len(tokens) == 0 {
			return Redemption{}, notEligible(ReasonNotHolding)
		}
	}
	u, err := s.Store.Usage(ctx, p.ID, wallet, keys(tokens), p.Limit.Period.Key(now))
	if err != nil {
		return Redemption{}, err
	}
	t, ok := p.pick(tokens, u)
	if !ok {
		return Redemption{}, errLimitReached
	}
	k := TokenKey{t.LaunchID, t.TokenID}
	if s.Holders != nil {
		ok, err := s.Holders.IsHolder(ctx, t, wallet)
		if err != nil {
			return Redemption{}, &metapass.Error{Code: metapass.EUNAVAILABLE, Message: fmt.Sprintf("the chain did not confirm the holder: %v", err)}
		}
		if !ok {
			return Redemption{}, notEligible(ReasonNotOwnerNow)
		}
	}
	var r Redemption
	err = s.Store.InTx(ctx, func(tx Tx) error {
		p, err := tx.PerkForUpdate(ctx, brandID, perkID)
		if err != nil {
			return err
		}
		if reason := p.open(now); reason == ReasonOutsideWindow {
			return notEligible(reason)
		}
		period := p.Limit.Period.Key(now)
		u, err := tx.Usage(ctx, p.ID, wallet, []TokenKey{k}, period)
		if err != nil {
			return err
		}
		if _, ok := p.pick([]Held{t}, u); !ok {
			return errLimitReached
		}
		if p.soldOut() { // after the limits, so a repeat attempt hears "already redeemed"
			return notEligible(ReasonSoldOut)
		}
		r = Redemption{
			ID: metapass.NewID("rdm"), PerkID: p.ID, BrandID: brandID, LaunchID: t.LaunchID, TokenID: t.TokenID,
			Wallet: wallet, Period: period, CreatedAt: now, Payload: Payload{URL: p.Payload.URL, Message: p.Payload.Message},
		}
		if err := tx.InsertRedemption(ctx, r); err != nil {
			return err
		}
		if p.CodePool > 0 {
			code, ok, err := tx.TakeCode(ctx, p.ID, r.ID)
			if err != nil {
				return err
			}
			if !ok {
				return notEligible(ReasonSoldOut)
			}
			r.Payload.Codes = []string{code}
		}
		told := r
		told.Payload = Payload{}
		return tx.Emit(ctx, metapass.NewEvent(EventRedeemed, brandID, now, told))
	})
	return r, err
}

var errLimitReached = &metapass.Error{Code: metapass.ECONFLICT, Rule: ReasonLimitReached, Message: "this perk was already redeemed as often as its limit allows"}

func keys(held []Held) []TokenKey {
	ks := make([]TokenKey, len(held))
	for i, h := range held {
		ks[i] = TokenKey{h.LaunchID, h.TokenID}
	}
	return ks
}

// Passes returns the passes of brandID's launches wallet holds now, from
// the ownership index.
func (s *Service) Passes(ctx context.Context, brandID, wallet string) ([]Held, error) {
	held, err := s.Holdings.Held(ctx, brandID, wallet)
	if err != nil {
		return nil, fmt.Errorf("holdings of %s: %w", wallet, err)
	}
	return held, nil
}

// GetPerk returns brandID's perk id.
func (s *Service) GetPerk(ctx context.Context, brandID, id string) (Perk, error) {
	return s.Store.GetPerk(ctx, brandID, id)
}

// ListPerks returns brandID's perks of launchID (all when empty).
func (s *Service) ListPerks(ctx context.Context, brandID, launchID string) ([]Perk, error) {
	return s.Store.ListPerks(ctx, brandID, launchID)
}

func notEligible(reason string) error {
	return &metapass.Error{Code: metapass.EFORBIDDEN, Rule: reason, Message: "not eligible: " + reason}
}
