package httpapi

import (
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/gofiber/fiber/v2"

	"github.com/metapass/metapass"
)

type siweVerifyRequest struct {
	BrandID   string `json:"brand_id" validate:"required,max=64"`
	Message   string `json:"message" validate:"required,max=4096"`
	Signature string `json:"signature" validate:"required,max=4096"`
}

// siweNonce issues a sign-in nonce for a brand's app with what the message
// must name.
func (s *Server) siweNonce(c *fiber.Ctx) error {
	brandID := c.Query("brand_id")
	if brandID == "" {
		return metapass.FieldError("brand_id", "is required")
	}
	if _, err := s.Brands.Store.GetBrand(c.UserContext(), brandID); err != nil {
		return err
	}
	nonce, err := s.Customers.Nonce(c.UserContext(), brandID)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"nonce": nonce, "domain": s.Customers.Domain, "uri": s.Customers.SignInURI(), "chain_id": s.Customers.ChainID})
}

// siweVerify signs a wallet in and returns its session token, once.
func (s *Server) siweVerify(c *fiber.Ctx) error {
	var req siweVerifyRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	sig, err := signature(req.Signature)
	if err != nil {
		return err
	}
	token, sess, err := s.Customers.SignIn(c.UserContext(), req.BrandID, req.Message, sig)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{
		"token": token, "wallet": sess.Wallet, "brand_id": sess.BrandID, "expires_at": sess.ExpiresAt.Format(time.RFC3339),
	})
}

// signature decodes a 0x-prefixed hex signature field.
func signature(text string) ([]byte, error) {
	sig, err := hexutil.Decode(text)
	if err != nil || !strings.HasPrefix(text, "0x") {
		return nil, invalid("signature", "must be 0x-prefixed hex")
	}
	return sig, nil
}
