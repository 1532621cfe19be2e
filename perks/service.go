package perks

import (
	"context"
	"fmt"
	"time"

	"github.com/metapass/metapass"
)

// Store persists perks and their redemptions. Lookups scoped by brandID
// return ENOTFOUND for another brand's perks.
type Store interface {
	// CreatePerk stores p with its code pool.
	CreatePerk(ctx context.Context, p Perk) error
	// ListPerks returns brandID's perks, of launchID when it is not empty.
	ListPerks(ctx context.Context, brandID, launchID string) ([]Perk, error)
	// Used counts redemptions of each of brandID's perks in the current
	// period: by wallet, and by each token.
	Used(ctx context.Context, brandID, wallet string, now time.Time) (map[string]Usage, error)
	// InTx runs fn in one serializable write transaction.
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
	// CountByToken counts perkID's redemptions charged to token in period.
	CountByToken(ctx context.Context, perkID string, token TokenKey, period string) (int, error)
	// CountByWallet counts perkID's redemptions by wallet in period.
	CountByWallet(ctx context.Context, perkID, wallet, period string) (int, error)
	// TakeCode assigns an unused code of perkID's pool to redemptionID and
	// returns it; ok is false when the pool is empty.
	TakeCode(ctx context.Context, perkID, redemptionID string) (code string, ok bool, err error)
	// InsertRedemption stores r and counts it against its perk.
	InsertRedemption(ctx context.Context, r Redemption) error
}

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
	IsHolder(ctx context.Context, brandID string, token TokenKey, wallet string) (bool, error)
}

// Service is what brands and customers do with perks.
type Service struct {
	Store    Store
	Holdings Holdings
	// Holders, when set, re-checks the charged token's holder before a
	// redemption commits.
	Holders Holders
	Now     func() time.Time
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
	ps, err := s.Store.ListPerks(ctx, brandID, "")
	if err != nil {
		return nil, err
	}
	used, err := s.Store.Used(ctx, brandID, wallet, now)
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
// launchID when given (else to the first eligible token). It is one
// transaction: concurrent attempts never exceed a limit. A wallet the rule
// refuses gets EFORBIDDEN naming the reason; a used-up limit ECONFLICT.
func (s *Service) Redeem(ctx context.Context, brandID, perkID, wallet string, token *TokenKey) (Redemption, error) {
	held, err := s.Holdings.Held(ctx, brandID, wallet)
	if err != nil {
		return Redemption{}, fmt.Errorf("holdings of %s: %w", wallet, err)
	}
	var r Redemption
	err = s.Store.InTx(ctx, func(tx Tx) error {
		now := s.Now().UTC()
		p, err := tx.PerkForUpdate(ctx, brandID, perkID)
		if err != nil {
			return err
		}
		if reason := p.open(now); reason == ReasonOutsideWindow {
			return notEligible(reason)
		}
		v := p.Rule.Evaluate(held, now)
		if !v.Eligible {
			return notEligible(v.Reason)
		}
		tokens := v.Tokens
		if token != nil {
			tokens = nil
			for _, t := range v.Tokens {
				if t.LaunchID == token.LaunchID && t.TokenID == token.TokenID {
					tokens = []Held{t}
				}
			}
			if tokens == nil {
				return notEligible(ReasonNotHolding)
			}
		}
		period := p.Limit.Period.Key(now)
		u := Usage{Tokens: map[TokenKey]int{}}
		if u.Wallet, err = tx.CountByWallet(ctx, p.ID, wallet, period); err != nil {
			return err
		}
		for _, t := range tokens {
			k := TokenKey{t.LaunchID, t.TokenID}
			if u.Tokens[k], err = tx.CountByToken(ctx, p.ID, k, period); err != nil {
				return err
			}
		}
		t, ok := p.pick(tokens, u)
		if !ok {
			return &metapass.Error{Code: metapass.ECONFLICT, Rule: ReasonLimitReached, Message: "this perk was already redeemed as often as its limit allows"}
		}
		if p.soldOut() { // after the limits, so a repeat attempt hears "already redeemed"
			return notEligible(ReasonSoldOut)
		}
		if s.Holders != nil {
			ok, err := s.Holders.IsHolder(ctx, brandID, TokenKey{t.LaunchID, t.TokenID}, wallet)
			if err != nil {
				return &metapass.Error{Code: metapass.EUNAVAILABLE, Message: fmt.Sprintf("the chain did not confirm the holder: %v", err)}
			}
			if !ok {
				return notEligible(ReasonNotOwnerNow)
			}
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
		return nil
	})
	return r, err
}

func notEligible(reason string) error {
	return &metapass.Error{Code: metapass.EFORBIDDEN, Rule: reason, Message: "not eligible: " + reason}
}
