package httpapi

import (
	"github.com/gofiber/fiber/v2"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/perks"
)

type limitRequest struct {
	PerToken  int    `json:"per_token" validate:"min=0,max=1000000"`
	PerWallet int    `json:"per_wallet" validate:"min=0,max=1000000"`
	Period    string `json:"period" validate:"omitempty,oneof=day week month"`
}

type payloadRequest struct {
	Codes   []string `json:"codes" validate:"max=10000,dive,required,max=200"`
	URL     string   `json:"url" validate:"omitempty,url,max=2048"`
	Message string   `json:"message" validate:"max=5000"`
}

type perkRequest struct {
	Kind        string         `json:"kind" validate:"required,oneof=access discount gift experience event"`
	Title       string         `json:"title" validate:"required,max=200"`
	Description string         `json:"description" validate:"max=5000"`
	Rule        *perks.Rule    `json:"rule" validate:"required"`
	Limit       limitRequest   `json:"limit"`
	StartsAt    *timestamp     `json:"starts_at"`
	EndsAt      *timestamp     `json:"ends_at"`
	Inventory   *int64         `json:"inventory" validate:"omitempty,min=0,max=1000000000000"`
	Payload     payloadRequest `json:"payload"`
}

type dryRunRequest struct {
	Wallet string `json:"wallet" validate:"required,wallet"`
}

// redemptionRequest names the pass to charge (both fields or neither) and,
// when the brand's backend redeems, the custodial customer it acts for.
type redemptionRequest struct {
	LaunchID    *string `json:"launch_id" validate:"required_with=TokenID,omitempty,min=1,max=64"`
	TokenID     *uint64 `json:"token_id" validate:"required_with=LaunchID,omitempty,max=9223372036854775807"`
	CustomerRef string  `json:"customer_ref" validate:"omitempty,max=128,printascii"`
}

func (s *Server) createPerk(c *fiber.Ctx) error {
	var req perkRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	brandID := principal(c).BrandID
	l, err := s.Passes.GetLaunch(c.UserContext(), brandID, c.Params("id"))
	if err != nil {
		return err
	}
	p, err := s.Perks.CreatePerk(c.UserContext(), brandID, perks.Perk{
		LaunchID: l.ID, Kind: perks.Kind(req.Kind), Title: req.Title, Description: req.Description, Rule: *req.Rule,
		Limit:    perks.Limit{PerToken: req.Limit.PerToken, PerWallet: req.Limit.PerWallet, Period: perks.Period(req.Limit.Period)},
		StartsAt: req.StartsAt.ptr(), EndsAt: req.EndsAt.ptr(), Inventory: req.Inventory,
		Payload: perks.Payload{Codes: req.Payload.Codes, URL: req.Payload.URL, Message: req.Payload.Message},
	})
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(p)
}

func (s *Server) listPerks(c *fiber.Ctx) error {
	brandID := principal(c).BrandID
	l, err := s.Passes.GetLaunch(c.UserContext(), brandID, c.Params("id"))
	if err != nil {
		return err
	}
	ps, err := s.Perks.ListPerks(c.UserContext(), brandID, l.ID)
	if err != nil {
		return err
	}
	return c.JSON(list(ps))
}

func (s *Server) dryRun(c *fiber.Ctx) error {
	var req dryRunRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	brandID := principal(c).BrandID
	p, err := s.Perks.GetPerk(c.UserContext(), brandID, c.Params("id"))
	if err != nil {
		return err
	}
	v, err := s.Perks.DryRun(c.UserContext(), brandID, p.Rule, checksum(req.Wallet))
	if err != nil {
		return err
	}
	return c.JSON(v)
}

// walletParam is the :address path parameter, checksummed; a customer may
// name only their own wallet.
func walletParam(c *fiber.Ctx) (string, error) {
	wallet, err := address("address", c.Params("address"))
	if err != nil {
		return "", err
	}
	if p := principal(c); p.Role == brands.RoleCustomer && p.Wallet != wallet {
		// A customer sees only their own wallet; another's does not exist for them.
		return "", metapass.Errorf(metapass.ENOTFOUND, "wallet %s not found", wallet)
	}
	return wallet, nil
}

func (s *Server) walletPerks(c *fiber.Ctx) error {
	wallet, err := walletParam(c)
	if err != nil {
		return err
	}
	return s.perksOf(c, wallet)
}

func (s *Server) walletPasses(c *fiber.Ctx) error {
	wallet, err := walletParam(c)
	if err != nil {
		return err
	}
	return s.passesOf(c, wallet)
}

func (s *Server) perksOf(c *fiber.Ctx, wallet string) error {
	st, err := s.Perks.Eligibility(c.UserContext(), principal(c).BrandID, wallet)
	if err != nil {
		return err
	}
	return c.JSON(list(st))
}

func (s *Server) passesOf(c *fiber.Ctx, wallet string) error {
	held, err := s.Perks.Passes(c.UserContext(), principal(c).BrandID, wallet)
	if err != nil {
		return err
	}
	return c.JSON(list(held))
}

func (s *Server) redeem(c *fiber.Ctx) error {
	var req redemptionRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	var token *perks.TokenKey
	if req.LaunchID != nil {
		token = &perks.TokenKey{LaunchID: *req.LaunchID, TokenID: *req.TokenID}
	}
	p := principal(c)
	wallet := p.Wallet
	switch {
	case p.Role == brands.RoleCustomer && req.CustomerRef != "":
		return invalid("customer_ref", "a customer session redeems for its own wallet; customer_ref is for a brand's key")
	case p.Role != brands.RoleCustomer && req.CustomerRef == "":
		return invalid("customer_ref", "is required when a brand's key redeems: name the custodial customer")
	case p.Role != brands.RoleCustomer:
		w, err := s.custodial(p.BrandID, req.CustomerRef)
		if err != nil {
			return err
		}
		wallet = w
	}
	r, err := s.Perks.Redeem(c.UserContext(), p.BrandID, c.Params("id"), wallet, token)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(r)
}
