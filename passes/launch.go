// Package passes owns launches (one ERC-721 collection each), the orders that
// earn passes, the passes themselves, and the minting policy that carries
// queued passes onto the chain.
package passes

import (
	"fmt"
	"strings"
	"time"

	"github.com/metapass/metapass"
)

// LaunchState is where a launch is in its life.
type LaunchState string

// Launch states: draft → deploying → live ⇄ paused → ended.
const (
	LaunchDraft     LaunchState = "draft"     // editable, no contract yet
	LaunchDeploying LaunchState = "deploying" // published; contract deploy in flight; orders queue
	LaunchLive      LaunchState = "live"      // contract deployed; orders accepted and minted
	LaunchPaused    LaunchState = "paused"    // orders refused; queued passes still mint
	LaunchEnded     LaunchState = "ended"     // closed for good; queued passes still mint
)

// SKU is a product whose purchase earns passes.
type SKU struct {
	SKU           string `json:"sku"`
	PassesPerUnit int    `json:"passes_per_unit"`
}

// Attribute is an ERC-721 metadata trait shared by every pass of a launch.
type Attribute struct {
	TraitType   string `json:"trait_type"`
	Value       any    `json:"value"`
	DisplayType string `json:"display_type,omitempty"`
}

// Launch is one collection: one pass contract on one chain.
type Launch struct {
	ID              string      `json:"id"`
	BrandID         string      `json:"brand_id"`
	State           LaunchState `json:"state"`
	Name            string      `json:"name"`
	Symbol          string      `json:"symbol"`
	Description     string      `json:"description"`
	ImageURL        string      `json:"image_url"`
	ExternalURL     string      `json:"external_url,omitempty"`
	Attributes      []Attribute `json:"attributes"`
	SupplyCap       int64       `json:"supply_cap"`
	PerWalletCap    int64       `json:"per_wallet_cap,omitempty"`
	SaleStartsAt    *time.Time  `json:"sale_starts_at,omitempty"`
	SaleEndsAt      *time.Time  `json:"sale_ends_at,omitempty"`
	SKUs            []SKU       `json:"skus"`
	Soulbound       bool        `json:"soulbound"`
	RoyaltyReceiver string      `json:"royalty_receiver,omitempty"`
	RoyaltyBps      int         `json:"royalty_bps"`
	ChainID         uint64      `json:"chain_id"`
	Contract        string      `json:"contract_address,omitempty"`
	DeployTxHash    string      `json:"deploy_tx_hash,omitempty"`
	DeployError     string      `json:"deploy_error,omitempty"`
	Deployed        bool        `json:"deployed"`  // the deploy transaction is final
	Allocated       int64       `json:"allocated"` // passes ordered so far (token ids 1..Allocated)
	Minted          int64       `json:"minted"`
	CreatedAt       time.Time   `json:"created_at"`
	UpdatedAt       time.Time   `json:"updated_at"`
}

// Published reports whether the launch has been published (it has, or is
// getting, a contract).
func (l Launch) Published() bool { return l.State != LaunchDraft }

// SKU returns the launch's SKU with that code.
func (l Launch) SKU(code string) (SKU, bool) {
	for _, s := range l.SKUs {
		if s.SKU == code {
			return s, true
		}
	}
	return SKU{}, false
}

// Limits of a launch's text, in bytes of UTF-8: what its collection's
// contract accepts for the on-chain name and symbol (PassCollection reverts
// StringTooLong above 255), and what its metadata documents carry.
const (
	MaxNameBytes        = 255
	MaxSymbolBytes      = 16
	MaxDescriptionBytes = 20000
	MaxAttributeBytes   = 256
)

// Validate checks the rules that span fields, and the text that reaches the
// chain or a marketplace's page: byte limits, no control or bidirectional
// characters, web URLs only (https:, http: for localhost). Per-field syntax
// is checked at the edge.
func (l Launch) Validate() error {
	if err := l.validateText(); err != nil {
		return err
	}
	switch {
	case strings.TrimSpace(l.Name) == "":
		return metapass.FieldError("name", "must not be empty")
	case strings.TrimSpace(l.Symbol) == "":
		return metapass.FieldError("symbol", "must not be empty")
	case l.SupplyCap < 1:
		return metapass.FieldError("supply_cap", "must be at least 1")
	case l.PerWalletCap < 0:
		return metapass.FieldError("per_wallet_cap", "must not be negative")
	case l.SaleStartsAt != nil && l.SaleEndsAt != nil && !l.SaleEndsAt.After(*l.SaleStartsAt):
		return metapass.FieldError("sale_ends_at", "must be after sale_starts_at")
	case len(l.SKUs) == 0:
		return metapass.FieldError("skus", "must name at least one SKU")
	case l.RoyaltyBps < 0 || l.RoyaltyBps > 10000:
		return metapass.FieldError("royalty_bps", "must be between 0 and 10000")
	case l.RoyaltyBps > 0 && l.RoyaltyReceiver == "":
		return metapass.FieldError("royalty_receiver", "is required when royalty_bps is set")
	case l.SupplyCap < l.Allocated:
		return metapass.FieldError("supply_cap", "must not be below the %d passes already ordered", l.Allocated)
	}
	seen := map[string]bool{}
	for i, s := range l.SKUs {
		if seen[s.SKU] {
			return metapass.FieldError("skus", "SKU %q appears twice", s.SKU)
		}
		seen[s.SKU] = true
		if s.PassesPerUnit < 1 {
			return metapass.FieldError(fmt.Sprintf("skus[%d].passes_per_unit", i), "must be at least 1")
		}
	}
	return nil
}

func (l Launch) validateText() error {
	checks := []error{
		metapass.CheckLine("name", l.Name, MaxNameBytes),
		metapass.CheckLine("symbol", l.Symbol, MaxSymbolBytes),
		metapass.CheckProse("description", l.Description, MaxDescriptionBytes),
	}
	if l.ImageURL != "" {
		checks = append(checks, metapass.CheckWebURL("image_url", l.ImageURL))
	}
	if l.ExternalURL != "" {
		checks = append(checks, metapass.CheckWebURL("external_url", l.ExternalURL))
	}
	for i, a := range l.Attributes {
		checks = append(checks, metapass.CheckLine(fmt.Sprintf("attributes[%d].trait_type", i), a.TraitType, MaxAttributeBytes))
		if v, ok := a.Value.(string); ok {
			checks = append(checks, metapass.CheckLine(fmt.Sprintf("attributes[%d].value", i), v, MaxAttributeBytes))
		}
	}
	for _, err := range checks {
		if err != nil {
			return err
		}
	}
	return nil
}

// onSale returns nil when the launch accepts orders at now, or the rule it
// breaks.
func (l Launch) onSale(now time.Time) error {
	switch {
	case l.State == LaunchDraft:
		return metapass.RuleError("launch_not_published", "launch %s is not published", l.ID)
	case l.State == LaunchPaused:
		return metapass.RuleError("launch_paused", "launch %s is paused", l.ID)
	case l.State == LaunchEnded:
		return metapass.RuleError("launch_ended", "launch %s has ended", l.ID)
	case l.SaleStartsAt != nil && now.Before(*l.SaleStartsAt):
		return metapass.RuleError("sale_window", "the sale opens at %s", l.SaleStartsAt.UTC().Format(time.RFC3339))
	case l.SaleEndsAt != nil && !now.Before(*l.SaleEndsAt):
		return metapass.RuleError("sale_window", "the sale closed at %s", l.SaleEndsAt.UTC().Format(time.RFC3339))
	}
	return nil
}
