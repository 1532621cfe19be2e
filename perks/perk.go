package perks

import (
	"fmt"
	"strings"
	"time"

	"github.com/metapass/metapass"
)

// Kind says what a perk gives.
type Kind string

// Perk kinds.
const (
	KindAccess     Kind = "access"
	KindDiscount   Kind = "discount"
	KindGift       Kind = "gift"
	KindExperience Kind = "experience"
	KindEvent      Kind = "event"
)

// Period is the window a per-token or per-wallet limit counts within.
type Period string

// Periods; PeriodNone counts for the perk's whole life.
const (
	PeriodNone  Period = ""
	PeriodDay   Period = "day"
	PeriodWeek  Period = "week"
	PeriodMonth Period = "month"
)

// Key names the period containing t, e.g. "2026-11" for a month; limits
// count redemptions with the same key.
func (p Period) Key(t time.Time) string {
	t = t.UTC()
	switch p {
	case PeriodDay:
		return t.Format("2006-01-02")
	case PeriodWeek:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%d-W%02d", y, w)
	case PeriodMonth:
		return t.Format("2006-01")
	}
	return "all"
}

// Limit caps redemptions. PerToken follows the token across transfers: a
// pass sold on does not bring its used perk back. Zero means no cap.
type Limit struct {
	PerToken  int    `json:"per_token,omitempty"`
	PerWallet int    `json:"per_wallet,omitempty"`
	Period    Period `json:"period,omitempty"`
}

// Payload is what a redemption reveals: one code from a pool (each code
// goes to one redemption), a gated URL, or a message.
type Payload struct {
	Codes   []string `json:"codes,omitempty"`
	URL     string   `json:"url,omitempty"`
	Message string   `json:"message,omitempty"`
}

// Perk is a benefit a brand attaches to a launch.
type Perk struct {
	ID          string     `json:"id"`
	BrandID     string     `json:"brand_id"`
	LaunchID    string     `json:"launch_id"`
	Kind        Kind       `json:"kind"`
	Title       string     `json:"title"`
	Description string     `json:"description,omitempty"`
	Rule        Rule       `json:"rule"`
	Limit       Limit      `json:"limit"`
	StartsAt    *time.Time `json:"starts_at,omitempty"`
	EndsAt      *time.Time `json:"ends_at,omitempty"`
	// Inventory caps redemptions in all; nil means unlimited. A code pool
	// caps it too, at the number of codes.
	Inventory *int64 `json:"inventory,omitempty"`
	Redeemed  int64  `json:"redeemed"`
	// CodePool is how many one-time codes the payload held at creation.
	CodePool int `json:"code_pool,omitempty"`
	// Payload is revealed only on redemption; the store need not load its
	// codes, which are handed out one by one.
	Payload   Payload   `json:"-"`
	CreatedAt time.Time `json:"created_at"`
}

// Validate checks the perk's own rules.
func (p Perk) Validate() error {
	switch p.Kind {
	case KindAccess, KindDiscount, KindGift, KindExperience, KindEvent:
	default:
		return metapass.FieldError("kind", "must be one of access, discount, gift, experience, event")
	}
	switch {
	case strings.TrimSpace(p.Title) == "":
		return metapass.FieldError("title", "must not be empty")
	case p.Limit.PerToken < 0:
		return metapass.FieldError("limit.per_token", "must not be negative")
	case p.Limit.PerWallet < 0:
		return metapass.FieldError("limit.per_wallet", "must not be negative")
	case p.Limit.Period != PeriodNone && p.Limit.Period != PeriodDay && p.Limit.Period != PeriodWeek && p.Limit.Period != PeriodMonth:
		return metapass.FieldError("limit.period", "must be day, week or month")
	case p.StartsAt != nil && p.EndsAt != nil && !p.EndsAt.After(*p.StartsAt):
		return metapass.FieldError("ends_at", "must be after starts_at")
	case p.Inventory != nil && *p.Inventory < 0:
		return metapass.FieldError("inventory", "must not be negative")
	}
	if p.Payload.URL != "" {
		if err := metapass.CheckWebURL("payload.url", p.Payload.URL); err != nil {
			return err
		}
	}
	if err := metapass.CheckLine("title", p.Title, 800); err != nil {
		return err
	}
	return p.Rule.Validate()
}

// Reasons a perk is not available, besides the rule's own.
const (
	ReasonOutsideWindow = "outside_window"
	ReasonSoldOut       = "sold_out"
	ReasonLimitReached  = "limit_reached"
)

// open returns "" when the perk can be redeemed at now as far as its window
// and inventory go, or the reason it cannot.
func (p Perk) open(now time.Time) string {
	switch {
	case p.StartsAt != nil && now.Before(*p.StartsAt), p.EndsAt != nil && !now.Before(*p.EndsAt):
		return ReasonOutsideWindow
	case p.soldOut():
		return ReasonSoldOut
	}
	return ""
}

func (p Perk) soldOut() bool { return p.Inventory != nil && p.Redeemed >= *p.Inventory }
