package httpapi

import (
	"github.com/gofiber/fiber/v2"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/passes"
)

// customerRef is a brand's reference for a customer, as a path parameter
// or in a body.
type customerRef struct {
	Ref string `json:"customer_ref" validate:"required,max=128,printascii"`
}

// custodialWallet returns the custodial wallet the brand's backend acts
// for, from the :ref path parameter.
func (s *Server) custodialWallet(c *fiber.Ctx) (string, error) {
	ref := customerRef{Ref: c.Params("ref")}
	if err := check(ref); err != nil {
		return "", err
	}
	return s.custodial(principal(c).BrandID, ref.Ref)
}

func (s *Server) custodial(brandID, ref string) (string, error) {
	if s.Custody == nil {
		return "", &metapass.Error{Code: metapass.ERULE, Field: "customer_ref", Rule: passes.ErrNoCustody.Rule, Message: passes.ErrNoCustody.Message}
	}
	return s.Custody.Address(brandID, ref), nil
}

// getCustomer shows a custodial customer's wallet, so the brand's backend
// can list its passes.
func (s *Server) getCustomer(c *fiber.Ctx) error {
	wallet, err := s.custodialWallet(c)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"customer_ref": c.Params("ref"), "wallet": wallet})
}

// customerPerks is walletPerks for a custodial customer, asked by the
// brand's backend.
func (s *Server) customerPerks(c *fiber.Ctx) error {
	wallet, err := s.custodialWallet(c)
	if err != nil {
		return err
	}
	return s.perksOf(c, wallet)
}

// customerPasses is walletPasses for a custodial customer.
func (s *Server) customerPasses(c *fiber.Ctx) error {
	wallet, err := s.custodialWallet(c)
	if err != nil {
		return err
	}
	return s.passesOf(c, wallet)
}

// claimRequest is the customer's proof of their own wallet: an EIP-4361
// message for the brand (nonce from /v1/auth/siwe/nonce) whose statement is
// customers.ClaimStatement of the brand and the reference, with an
// Expiration Time, and its signature by that wallet.
type claimRequest struct {
	Message   string `json:"message" validate:"required,max=4096"`
	Signature string `json:"signature" validate:"required,max=4096"`
}

// claim moves a custodial customer's passes into the wallet that signed
// the claim statement naming them: the brand's key alone cannot choose
// where they go.
func (s *Server) claim(c *fiber.Ctx) error {
	var req claimRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	// Claims run wherever custodial wallets do.
	if _, err := s.custodialWallet(c); err != nil {
		return err
	}
	sig, err := signature(req.Signature)
	if err != nil {
		return err
	}
	p, ref := principal(c), c.Params("ref")
	wallet, err := s.Customers.ProveClaim(c.UserContext(), p.BrandID, ref, req.Message, sig)
	if err != nil {
		return err
	}
	cs, err := s.Claims.Claim(c.UserContext(), p.BrandID, ref, wallet)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusAccepted).JSON(list(cs))
}

func (s *Server) listClaims(c *fiber.Ctx) error {
	if _, err := s.custodialWallet(c); err != nil {
		return err
	}
	cs, err := s.Claims.List(c.UserContext(), principal(c).BrandID, c.Params("ref"))
	if err != nil {
		return err
	}
	return c.JSON(list(cs))
}
