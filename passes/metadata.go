package passes

import (
	"context"
	"fmt"

	"github.com/metapass/metapass"
)

// TokenMetadata is the ERC-721 metadata JSON of one pass, served at its
// token URI.
type TokenMetadata struct {
	Name        string      `json:"name"`
	Description string      `json:"description"`
	Image       string      `json:"image,omitempty"`
	ExternalURL string      `json:"external_url,omitempty"`
	Attributes  []Attribute `json:"attributes"`
}

// ContractMetadata is the collection-level JSON served at the contract URI
// (ERC-7572, as marketplaces read it).
type ContractMetadata struct {
	Name                 string `json:"name"`
	Symbol               string `json:"symbol"`
	Description          string `json:"description"`
	Image                string `json:"image,omitempty"`
	ExternalLink         string `json:"external_link,omitempty"`
	SellerFeeBasisPoints int    `json:"seller_fee_basis_points"`
	FeeRecipient         string `json:"fee_recipient,omitempty"`
	TotalSupply          int64  `json:"total_supply"`
}

// TokenMetadata returns the metadata of a token of contract on chainID.
// Only tokens that an order has earned exist; others are ENOTFOUND.
func (s *Service) TokenMetadata(ctx context.Context, chainID uint64, contract string, tokenID uint64) (TokenMetadata, error) {
	l, err := s.Store.LaunchByContract(ctx, chainID, contract)
	if err != nil {
		return TokenMetadata{}, err
	}
	p, err := s.Store.GetPass(ctx, l.ID, tokenID)
	if err != nil {
		return TokenMetadata{}, err
	}
	attrs := append(append([]Attribute{}, l.Attributes...),
		Attribute{TraitType: "Edition", Value: p.TokenID, DisplayType: "number"},
		Attribute{TraitType: "Collection size", Value: l.SupplyCap, DisplayType: "number"},
	)
	if l.Soulbound {
		attrs = append(attrs, Attribute{TraitType: "Transferable", Value: "No"})
	}
	return TokenMetadata{
		Name:        fmt.Sprintf("%s #%d", l.Name, p.TokenID),
		Description: l.Description,
		Image:       l.ImageURL,
		ExternalURL: l.ExternalURL,
		Attributes:  attrs,
	}, nil
}

// ContractMetadata returns the collection metadata of contract on chainID.
func (s *Service) ContractMetadata(ctx context.Context, chainID uint64, contract string) (ContractMetadata, error) {
	l, err := s.Store.LaunchByContract(ctx, chainID, contract)
	if err != nil {
		return ContractMetadata{}, err
	}
	return ContractMetadata{
		Name: l.Name, Symbol: l.Symbol, Description: l.Description, Image: l.ImageURL, ExternalLink: l.ExternalURL,
		SellerFeeBasisPoints: l.RoyaltyBps, FeeRecipient: l.RoyaltyReceiver, TotalSupply: l.SupplyCap,
	}, nil
}

// Owners answers who holds a token now.
type Owners interface {
	// OwnerOf returns the token's current owner, or "" if it does not
	// exist (yet, or any more).
	OwnerOf(ctx context.Context, contract string, tokenID uint64) (string, error)
}

// PassDetail is a pass with its launch and its current holder.
type PassDetail struct {
	Pass
	Launch       LaunchSummary `json:"launch"`
	CurrentOwner string        `json:"current_owner,omitempty"`
}

// LaunchSummary names the launch a pass belongs to.
type LaunchSummary struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Symbol    string `json:"symbol"`
	Soulbound bool   `json:"soulbound"`
}

// GetPass returns brandID's pass tokenID of contract on chainID, asking
// owners for its current holder once it is minted.
func (s *Service) GetPass(ctx context.Context, owners Owners, brandID string, chainID uint64, contract string, tokenID uint64) (PassDetail, error) {
	l, err := s.Store.LaunchByContract(ctx, chainID, contract)
	if err == nil && l.BrandID != brandID {
		err = metapass.Errorf(metapass.ENOTFOUND, "contract %s on chain %d not found", contract, chainID)
	}
	if err != nil {
		return PassDetail{}, err
	}
	p, err := s.Store.GetPass(ctx, l.ID, tokenID)
	if err != nil {
		return PassDetail{}, err
	}
	d := PassDetail{Pass: p, Launch: LaunchSummary{ID: l.ID, Name: l.Name, Symbol: l.Symbol, Soulbound: l.Soulbound}}
	if p.State == PassMinted {
		if d.CurrentOwner, err = owners.OwnerOf(ctx, l.Contract, tokenID); err != nil {
			return PassDetail{}, &metapass.Error{Code: metapass.EUNAVAILABLE, Message: fmt.Sprintf("the chain did not say who holds token %d: %v", tokenID, err)}
		}
	}
	return d, nil
}
