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

// ChainOwners reads a token's owner from the chain as of a block; tokenID
// is its (decimal) id on chain.
type ChainOwners interface {
	Head(ctx context.Context) (uint64, error)
	OwnerOfAt(ctx context.Context, contract string, tokenID string, block uint64) (string, error)
}

// PassHoldings answers Held from the ownership index: a wallet's passes of
// the brand's launches on one chain, each with its launch's attributes and
// its edition number. With Chain set it also answers IsHolder from the
// chain itself, at the confirmed head: Confirmations deep, 1 (the default)
// meaning the latest block.
type PassHoldings struct {
	Owners        passes.HoldingStore
	Launches      Launches
	Chain         ChainOwners
	ChainID       uint64
	Confirmations uint64
}

// IsHolder asks the chain whether wallet holds token (as Held found it,
// which names its contract and id on chain) at the confirmed head. A token
// minted or transferred to wallet less than Confirmations blocks ago is
// not held yet.
func (h PassHoldings) IsHolder(ctx context.Context, token Held, wallet string) (bool, error) {
	if token.Contract == "" || token.ChainTokenID == "" {
		return false, nil
	}
	head, err := h.Chain.Head(ctx)
	if err != nil {
		return false, fmt.Errorf("head: %w", err)
	}
	depth := max(h.Confirmations, 1) - 1
	if head < depth {
		return false, nil
	}
	owner, err := h.Chain.OwnerOfAt(ctx, token.Contract, token.ChainTokenID, head-depth)
	return err == nil && strings.EqualFold(owner, wallet), err
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
		out = append(out, Held{LaunchID: l.ID, ChainID: h.ChainID, Contract: l.Contract, TokenID: x.TokenID, ChainTokenID: x.ChainTokenID, Since: x.Since, Attributes: attrs})
	}
	return out, nil
}
