package perks

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/metapass/metapass/passes"
)

// Launches lists a brand's launches.
type Launches interface {
	ListLaunches(ctx context.Context, brandID string) ([]passes.Launch, error)
}

// PassHoldings answers Held from the ownership index: a wallet's passes of
// the brand's launches on one chain, each with its launch's attributes and
// its edition number. With Chain set it also answers IsHolder from the
// chain itself.
type PassHoldings struct {
	Owners   passes.HoldingStore
	Launches Launches
	Chain    passes.Owners
	ChainID  uint64
}

// IsHolder asks the chain whether wallet holds token of brandID's launch.
func (h PassHoldings) IsHolder(ctx context.Context, brandID string, token TokenKey, wallet string) (bool, error) {
	ls, err := h.Launches.ListLaunches(ctx, brandID)
	if err != nil {
		return false, err
	}
	for _, l := range ls {
		if l.ID == token.LaunchID && l.Contract != "" {
			owner, err := h.Chain.OwnerOf(ctx, l.Contract, token.TokenID)
			return err == nil && strings.EqualFold(owner, wallet), err
		}
	}
	return false, nil
}

// Held returns what wallet holds of brandID's launches.
func (h PassHoldings) Held(ctx context.Context, brandID, wallet string) ([]Held, error) {
	hs, err := h.Owners.Holdings(ctx, h.ChainID, wallet)
	if err != nil || len(hs) == 0 {
		return nil, err
	}
	ls, err := h.Launches.ListLaunches(ctx, brandID)
	if err != nil {
		return nil, err
	}
	byContract := map[string]passes.Launch{}
	for _, l := range ls {
		if l.Contract != "" && l.ChainID == h.ChainID {
			byContract[strings.ToLower(l.Contract)] = l
		}
	}
	var out []Held
	for _, x := range hs {
		l, ok := byContract[strings.ToLower(x.Contract)]
		if !ok {
			continue // another brand's pass
		}
		attrs := map[string]string{"Edition": strconv.FormatUint(x.TokenID, 10)}
		for _, a := range l.Attributes {
			attrs[a.TraitType] = fmt.Sprint(a.Value)
		}
		out = append(out, Held{LaunchID: l.ID, TokenID: x.TokenID, Since: x.Since, Attributes: attrs})
	}
	return out, nil
}
