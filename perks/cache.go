package perks

import (
	"context"
	"encoding/json"
	"slices"
	"sync"
	"sync/atomic"
)

// rules keeps up to maxRules parsed rules by their JSON text: a perk's
// rule never changes, and eligibility reads every perk of a brand on each
// request. Callers only read the shared values.
var (
	rules    sync.Map
	rulesLen atomic.Int64
)

const maxRules = 10_000

// ParseRule decodes a stored rule, parsing each distinct text once.
func ParseRule(text []byte) (Rule, error) {
	if r, ok := rules.Load(string(text)); ok {
		return r.(Rule), nil
	}
	var r Rule
	if err := json.Unmarshal(text, &r); err != nil {
		return r, err
	}
	if rulesLen.Load() < maxRules {
		if _, loaded := rules.LoadOrStore(string(text), r); !loaded {
			rulesLen.Add(1)
		}
	}
	return r, nil
}

// Version identifies the state of a brand's perks: a perk never changes
// once created except for its redeemed count, which only grows, so their
// number and the sum of their counts tell every change.
type Version struct {
	Count, Redeemed int64
}

// cachedPerks is a brand's perk list as read at one Version.
type cachedPerks struct {
	v     Version
	perks []Perk
}

// allPerks returns brandID's perks from the cache when the store's Version
// says nothing changed (one aggregate row), else from the store: every
// replica sees every change, and eligibility reads the whole list on each
// request.
func (s *Service) allPerks(ctx context.Context, brandID string) ([]Perk, error) {
	v, err := s.Store.Version(ctx, brandID)
	if err != nil {
		return nil, err
	}
	if c, ok := s.cache.Load(brandID); ok && c.(cachedPerks).v == v {
		return slices.Clone(c.(cachedPerks).perks), nil
	}
	ps, err := s.Store.ListPerks(ctx, brandID, "")
	if err != nil {
		return nil, err
	}
	var read Version // what was read, which may be newer than v
	for _, p := range ps {
		read.Count, read.Redeemed = read.Count+1, read.Redeemed+p.Redeemed
	}
	s.cache.Store(brandID, cachedPerks{read, ps})
	return slices.Clone(ps), nil
}
