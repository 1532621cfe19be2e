package passes

import (
	"context"
	"fmt"
	"strconv"

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

// TokenMetadata returns the metadata of a token of contract on chainID,
// named by its token id on chain (what tokenURI ends with) or its edition
// number. Only tokens that an order has earned exist; others are
// ENOTFOUND.
func (s *Service) TokenMetadata(ctx context.Context, chainID uint64, contract string, token string) (TokenMetadata, error) {
	l, err := s.Store.LaunchByContract(ctx, chainID, contract)
	if err != nil {
		return TokenMetadata{}, err
	}
	p, err := s.pass(ctx, l.ID, token)
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
	// OwnerOf returns the current owner of the token with the (decimal)
	// id tokenID on chain, or "" if it does not exist (yet, or any more).
	OwnerOf(ctx context.Context, contract string, tokenID string) (string, error)
}

// pass returns launchID's pass named by token: its token id on chain, or
// its edition number. They cannot be confused: an id on chain holds a
// non-zero address above 96 bits, so it never fits 64. A number between
// 2^63 and 2^96 is neither an edition (they fit int64) nor an id on chain:
// it is not found.
func (s *Service) pass(ctx context.Context, launchID, token string) (Pass, error) {
	if edition, err := strconv.ParseInt(token, 10, 64); err == nil {
		return s.Store.GetPass(ctx, launchID, uint64(edition))
	}
	return s.Store.PassByChainTokenID(ctx, launchID, token)
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

// GetPass returns brandID's pass of contract on chainID named by token
// (its token id on chain or its edition), asking owners for its current
// holder once it is minted.
func (s *Service) GetPass(ctx context.Context, owners Owners, brandID string, chainID uint64, contract string, token string) (PassDetail, error) {
	l, err := s.Store.LaunchByContract(ctx, chainID, contract)
	if err == nil && l.BrandID != brandID {
		err = metapass.Errorf(metapass.ENOTFOUND, "contract %s on chain %d not found", contract, chainID)
	}
	if err != nil {
		return PassDetail{}, err
	}
	p, err := s.pass(ctx, l.ID, token)
	if err != nil {
		return PassDetail{}, err
	}
	d := PassDetail{Pass: p, Launch: LaunchSummary{ID: l.ID, Name: l.Name, Symbol: l.Symbol, Soulbound: l.Soulbound}}
	if p.State == PassMinted {
		if d.CurrentOwner, err = owners.OwnerOf(ctx, l.Contract, p.ChainTokenID); err != nil {
			return PassDetail{}, &metapass.Error{Code: metapass.EUNAVAILABLE, Message: fmt.Sprintf("the chain did not say who holds token %s: %v", p.ChainTokenID, err)}
		}
	}
	return d, nil
}
