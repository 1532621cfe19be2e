package httpapi

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gofiber/fiber/v2"

	"github.com/metapass/metapass/passes"
)

type attributeRequest struct {
	TraitType   string `json:"trait_type" validate:"required,max=64"`
	Value       any    `json:"value" validate:"required"`
	DisplayType string `json:"display_type" validate:"omitempty,oneof=number boost_number boost_percentage date"`
}

type skuRequest struct {
	SKU           string `json:"sku" validate:"required,max=64,printascii"`
	PassesPerUnit int    `json:"passes_per_unit" validate:"omitempty,min=1,max=100"`
}

type launchRequest struct {
	Name            string             `json:"name" validate:"required,max=100"`
	Symbol          string             `json:"symbol" validate:"required,max=16,printascii"`
	Description     string             `json:"description" validate:"max=5000"`
	ImageURL        string             `json:"image_url" validate:"omitempty,url,max=2048"`
	ExternalURL     string             `json:"external_url" validate:"omitempty,url,max=2048"`
	Attributes      []attributeRequest `json:"attributes" validate:"max=50,dive"`
	SupplyCap       int64              `json:"supply_cap" validate:"required,min=1,max=1000000000"`
	PerWalletCap    int64              `json:"per_wallet_cap" validate:"min=0,max=1000000000"`
	SaleStartsAt    *timestamp         `json:"sale_starts_at"`
	SaleEndsAt      *timestamp         `json:"sale_ends_at"`
	SKUs            []skuRequest       `json:"skus" validate:"required,min=1,max=100,dive"`
	Soulbound       bool               `json:"soulbound"`
	RoyaltyReceiver string             `json:"royalty_receiver" validate:"omitempty,wallet"`
	RoyaltyBps      int                `json:"royalty_bps" validate:"min=0,max=10000"`
}

// launchPatchRequest is launchRequest with every field optional.
type launchPatchRequest struct {
	Name            *string             `json:"name" validate:"omitempty,min=1,max=100"`
	Symbol          *string             `json:"symbol" validate:"omitempty,min=1,max=16,printascii"`
	Description     *string             `json:"description" validate:"omitempty,max=5000"`
	ImageURL        *string             `json:"image_url" validate:"omitempty,url,max=2048"`
	ExternalURL     *string             `json:"external_url" validate:"omitempty,url,max=2048"`
	Attributes      *[]attributeRequest `json:"attributes" validate:"omitempty,max=50,dive"`
	SupplyCap       *int64              `json:"supply_cap" validate:"omitempty,min=1,max=1000000000"`
	PerWalletCap    *int64              `json:"per_wallet_cap" validate:"omitempty,min=0,max=1000000000"`
	SaleStartsAt    *timestamp          `json:"sale_starts_at"`
	SaleEndsAt      *timestamp          `json:"sale_ends_at"`
	SKUs            *[]skuRequest       `json:"skus" validate:"omitempty,min=1,max=100,dive"`
	Soulbound       *bool               `json:"soulbound"`
	RoyaltyReceiver *string             `json:"royalty_receiver" validate:"omitempty,wallet"`
	RoyaltyBps      *int                `json:"royalty_bps" validate:"omitempty,min=0,max=10000"`
}

func attributes(in []attributeRequest) ([]passes.Attribute, error) {
	out := make([]passes.Attribute, len(in))
	for i, a := range in {
		switch a.Value.(type) {
		case string, float64:
		default:
			return nil, invalid(fmt.Sprintf("attributes[%d].value", i), "must be a string or a number")
		}
		out[i] = passes.Attribute{TraitType: a.TraitType, Value: a.Value, DisplayType: a.DisplayType}
	}
	return out, nil
}

func skus(in []skuRequest) []passes.SKU {
	out := make([]passes.SKU, len(in))
	for i, s := range in {
		out[i] = passes.SKU{SKU: s.SKU, PassesPerUnit: max(1, s.PassesPerUnit)}
	}
	return out
}

func checksum(addr string) string {
	if addr == "" {
		return ""
	}
	return common.HexToAddress(addr).Hex()
}

func (s *Server) createLaunch(c *fiber.Ctx) error {
	var req launchRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	attrs, err := attributes(req.Attributes)
	if err != nil {
		return err
	}
	l, err := s.Passes.CreateLaunch(c.UserContext(), principal(c).BrandID, passes.Launch{
		Name: req.Name, Symbol: req.Symbol, Description: req.Description, ImageURL: req.ImageURL,
		ExternalURL: req.ExternalURL, Attributes: attrs, SupplyCap: req.SupplyCap, PerWalletCap: req.PerWalletCap,
		SaleStartsAt: req.SaleStartsAt.ptr(), SaleEndsAt: req.SaleEndsAt.ptr(), SKUs: skus(req.SKUs), Soulbound: req.Soulbound,
		RoyaltyReceiver: checksum(req.RoyaltyReceiver), RoyaltyBps: req.RoyaltyBps,
	})
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(l)
}

func (s *Server) updateLaunch(c *fiber.Ctx) error {
	var req launchPatchRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	p := passes.LaunchPatch{
		Name: req.Name, Symbol: req.Symbol, Description: req.Description, ImageURL: req.ImageURL,
		ExternalURL: req.ExternalURL, SupplyCap: req.SupplyCap, PerWalletCap: req.PerWalletCap,
		SaleStartsAt: req.SaleStartsAt.ptr(), SaleEndsAt: req.SaleEndsAt.ptr(), Soulbound: req.Soulbound,
		RoyaltyBps: req.RoyaltyBps,
	}
	if req.Attributes != nil {
		attrs, err := attributes(*req.Attributes)
		if err != nil {
			return err
		}
		p.Attributes = &attrs
	}
	if req.SKUs != nil {
		ss := skus(*req.SKUs)
		p.SKUs = &ss
	}
	if req.RoyaltyReceiver != nil {
		r := checksum(*req.RoyaltyReceiver)
		p.RoyaltyReceiver = &r
	}
	l, err := s.Passes.UpdateLaunch(c.UserContext(), principal(c).BrandID, c.Params("id"), p)
	if err != nil {
		return err
	}
	return c.JSON(l)
}

func (s *Server) getLaunch(c *fiber.Ctx) error {
	l, err := s.Passes.GetLaunch(c.UserContext(), principal(c).BrandID, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(l)
}

func (s *Server) listLaunches(c *fiber.Ctx) error {
	ls, err := s.Passes.ListLaunches(c.UserContext(), principal(c).BrandID)
	if err != nil {
		return err
	}
	return c.JSON(list(ls))
}

func (s *Server) transition(t passes.Transition) fiber.Handler {
	return func(c *fiber.Ctx) error {
		l, err := s.Passes.Transition(c.UserContext(), principal(c).BrandID, c.Params("id"), t)
		if err != nil {
			return err
		}
		status := fiber.StatusOK
		if t == passes.Publish {
			status = fiber.StatusAccepted // the deploy finishes in the background
		}
		return c.Status(status).JSON(l)
	}
}
