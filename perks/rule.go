// Package perks owns what a pass unlocks: the rules that decide who is
// eligible for a perk, from the passes a wallet holds and for how long.
package perks

import (
	"encoding/json"
	"fmt"
	"math"
	"time"

	"github.com/metapass/metapass"
)

// Reasons a rule gives for not being met.
const (
	ReasonNotHolding   = "not_holding"    // too few matching passes
	ReasonHeldTooShort = "held_too_short" // enough passes, not held long enough
	ReasonHoldsTooMany = "holds_too_many" // more matching passes than the rule allows
	ReasonExcluded     = "excluded"       // a "none" clause matched
)

// Rule decides eligibility from a wallet's holdings. Exactly one of its
// fields is set: a leaf Holds, or a combination of nested rules that must
// all, any, or none of them be met.
type Rule struct {
	Holds *Holds `json:"holds,omitempty"`
	All   []Rule `json:"all,omitempty"`
	Any   []Rule `json:"any,omitempty"`
	None  []Rule `json:"none,omitempty"`
}

// Holds is met by holding between Min and Max passes that match: of one of
// Launches, optionally with a token id in TokenIDs and attribute values in
// Attributes, each held for at least HeldDays.
type Holds struct {
	Launches   []string            `json:"launches"`
	Min        int                 `json:"min,omitempty"` // defaults to 1
	Max        int                 `json:"max,omitempty"` // 0: no upper bound
	TokenIDs   []TokenRange        `json:"token_ids,omitempty"`
	Attributes map[string][]string `json:"attributes,omitempty"` // trait type → accepted values
	HeldDays   int                 `json:"held_days,omitempty"`
}

// TokenRange is an inclusive range of token ids; To 0 means just From.
type TokenRange struct {
	From uint64 `json:"from"`
	To   uint64 `json:"to,omitempty"`
}

// Held is one pass a wallet holds, as the ownership index knows it.
type Held struct {
	LaunchID     string            `json:"launch_id"`
	ChainID      uint64            `json:"chain_id"`
	Contract     string            `json:"contract_address"`
	TokenID      uint64            `json:"token_id"`                 // edition
	ChainTokenID string            `json:"chain_token_id,omitempty"` // ERC-721 token id on chain (decimal)
	Since        time.Time         `json:"held_since"`               // when the current holder received it
	Attributes   map[string]string `json:"attributes"`               // trait type → value, edition included
}

// Verdict is a rule's answer for one wallet.
type Verdict struct {
	Eligible bool   `json:"eligible"`
	Reason   string `json:"reason,omitempty"`
	// Tokens are the passes that met the rule's Holds clauses (the ones a
	// per-token limit is charged to).
	Tokens []Held `json:"-"`
}

// Bounds of a rule, so that one perk cannot make every eligibility check
// of its brand slow or every listing large.
const (
	maxDepth       = 8
	MaxRuleTerms   = 64        // rules (all, any, none, holds) in one tree
	MaxRuleBytes   = 16 << 10  // the rule as JSON
	MaxLaunches    = 50        // launches one holds clause names
	MaxTokenRanges = 100       // token id ranges of one holds clause
	MaxAttributes  = 20        // traits one holds clause constrains
	MaxValues      = 50        // accepted values of one trait
	MaxHeldDays    = 36500     // a hundred years
	MaxHoldCount   = 1_000_000 // min and max of a holds clause
	maxTextBytes   = 256       // a launch id, trait or value
)

// Validate checks the rule's shape and bounds; path names the field in
// errors.
func (r Rule) Validate() error {
	if b, err := json.Marshal(r); err != nil || len(b) > MaxRuleBytes {
		return metapass.FieldError("rule", "must be at most %d bytes of JSON", MaxRuleBytes)
	}
	terms := 0
	return r.validate("rule", 0, &terms)
}

func (r Rule) validate(path string, depth int, terms *int) error {
	if depth > maxDepth {
		return metapass.FieldError(path, "nests deeper than %d levels", maxDepth)
	}
	if *terms++; *terms > MaxRuleTerms {
		return metapass.FieldError(path, "makes the rule longer than %d terms", MaxRuleTerms)
	}
	set := 0
	for _, on := range []bool{r.Holds != nil, r.All != nil, r.Any != nil, r.None != nil} {
		if on {
			set++
		}
	}
	if set != 1 {
		return metapass.FieldError(path, "must have exactly one of holds, all, any, none")
	}
	for name, rs := range map[string][]Rule{"all": r.All, "any": r.Any, "none": r.None} {
		if rs == nil {
			continue
		}
		if len(rs) == 0 {
			return metapass.FieldError(path+"."+name, "must list at least one rule")
		}
		for i, c := range rs {
			if err := c.validate(fmt.Sprintf("%s.%s[%d]", path, name, i), depth+1, terms); err != nil {
				return err
			}
		}
	}
	if h := r.Holds; h != nil {
		p := path + ".holds"
		switch {
		case len(h.Launches) == 0:
			return metapass.FieldError(p+".launches", "must name at least one launch")
		case h.Min < 0:
			return metapass.FieldError(p+".min", "must not be negative")
		case len(h.Launches) > MaxLaunches:
			return metapass.FieldError(p+".launches", "must name at most %d launches", MaxLaunches)
		case h.Min > MaxHoldCount:
			return metapass.FieldError(p+".min", "must be at most %d", MaxHoldCount)
		case h.Max < 0 || h.Max > 0 && h.Max < h.min():
			return metapass.FieldError(p+".max", "must be at least min")
		case h.Max > MaxHoldCount:
			return metapass.FieldError(p+".max", "must be at most %d", MaxHoldCount)
		case h.HeldDays < 0 || h.HeldDays > MaxHeldDays:
			return metapass.FieldError(p+".held_days", "must be from 0 to %d", MaxHeldDays)
		case len(h.TokenIDs) > MaxTokenRanges:
			return metapass.FieldError(p+".token_ids", "must list at most %d ranges", MaxTokenRanges)
		case len(h.Attributes) > MaxAttributes:
			return metapass.FieldError(p+".attributes", "must constrain at most %d traits", MaxAttributes)
		}
		for i, l := range h.Launches {
			if err := metapass.CheckLine(fmt.Sprintf("%s.launches[%d]", p, i), l, maxTextBytes); err != nil {
				return err
			}
		}
		for i, tr := range h.TokenIDs {
			f := fmt.Sprintf("%s.token_ids[%d]", p, i)
			switch {
			case tr.From > math.MaxInt64:
				return metapass.FieldError(f+".from", "must be at most %d", int64(math.MaxInt64))
			case tr.To > math.MaxInt64:
				return metapass.FieldError(f+".to", "must be at most %d", int64(math.MaxInt64))
			case tr.To != 0 && tr.To < tr.From:
				return metapass.FieldError(f+".to", "must not be below from")
			}
		}
		for trait, values := range h.Attributes {
			f := p + ".attributes." + trait
			if err := metapass.CheckLine(p+".attributes", trait, maxTextBytes); err != nil {
				return err
			}
			if len(values) > MaxValues {
				return metapass.FieldError(f, "must list at most %d values", MaxValues)
			}
			for _, v := range values {
				if err := metapass.CheckLine(f, v, maxTextBytes); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (h Holds) min() int {
	if h.Min == 0 {
		return 1
	}
	return h.Min
}

// Evaluate answers the rule for a wallet holding held, at now.
func (r Rule) Evaluate(held []Held, now time.Time) Verdict {
	switch {
	case r.Holds != nil:
		return r.Holds.evaluate(held, now)
	case r.All != nil:
		out := Verdict{Eligible: true}
		for _, c := range r.All {
			v := c.Evaluate(held, now)
			if !v.Eligible {
				return v
			}
			out.Tokens = append(out.Tokens, v.Tokens...)
		}
		return out
	case r.Any != nil:
		out := Verdict{Reason: ReasonNotHolding}
		for _, c := range r.Any {
			v := c.Evaluate(held, now)
			if v.Eligible {
				return v
			}
			if v.Reason == ReasonHeldTooShort { // the nearest miss is the most useful to tell
				out.Reason = v.Reason
			}
		}
		return out
	case r.None != nil:
		for _, c := range r.None {
			if c.Evaluate(held, now).Eligible {
				return Verdict{Reason: ReasonExcluded}
			}
		}
		return Verdict{Eligible: true}
	}
	return Verdict{Reason: ReasonNotHolding}
}

func (h Holds) evaluate(held []Held, now time.Time) Verdict {
	// Count first, without allocating: most perks a wallet sees are not
	// eligible, and eligibility is asked of every perk on every listing.
	minAge := time.Duration(h.HeldDays) * 24 * time.Hour
	seasoned := func(p Held) bool { return h.HeldDays == 0 || now.Sub(p.Since) >= minAge } // a block may be stamped ahead of this clock
	matching, ripe := 0, 0
	for _, p := range held {
		if h.matches(p) {
			matching++
			if seasoned(p) {
				ripe++
			}
		}
	}
	switch {
	case h.Max > 0 && matching > h.Max:
		return Verdict{Reason: ReasonHoldsTooMany}
	case ripe >= h.min():
		tokens := make([]Held, 0, ripe)
		for _, p := range held {
			if h.matches(p) && seasoned(p) {
				tokens = append(tokens, p)
			}
		}
		return Verdict{Eligible: true, Tokens: tokens}
	case matching >= h.min():
		return Verdict{Reason: ReasonHeldTooShort}
	}
	return Verdict{Reason: ReasonNotHolding}
}

func (h Holds) matches(p Held) bool {
	launch := false
	for _, l := range h.Launches {
		launch = launch || l == p.LaunchID
	}
	if !launch {
		return false
	}
	if len(h.TokenIDs) > 0 {
		in := false
		for _, tr := range h.TokenIDs {
			to := max(tr.To, tr.From)
			in = in || p.TokenID >= tr.From && p.TokenID <= to
		}
		if !in {
			return false
		}
	}
	for trait, values := range h.Attributes {
		ok := false
		for _, v := range values {
			ok = ok || p.Attributes[trait] == v
		}
		if !ok {
			return false
		}
	}
	return true
}
