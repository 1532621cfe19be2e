package httpapi

import (
	"github.com/gofiber/fiber/v2"

	"github.com/metapass/metapass/brands"
)

type brandRequest struct {
	Name string `json:"name" validate:"required,max=200"`
}

func (s *Server) createBrand(c *fiber.Ctx) error {
	var req brandRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	b, err := s.Brands.CreateBrand(c.UserContext(), principal(c), req.Name)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(b)
}

func (s *Server) listBrands(c *fiber.Ctx) error {
	bs, err := s.Brands.ListBrands(c.UserContext(), principal(c))
	if err != nil {
		return err
	}
	return c.JSON(list(bs))
}

func (s *Server) getBrand(c *fiber.Ctx) error {
	b, err := s.Brands.GetBrand(c.UserContext(), principal(c), c.Params("brand"))
	if err != nil {
		return err
	}
	return c.JSON(b)
}

// me answers who the caller is: its key or session and its brand.
func (s *Server) me(c *fiber.Ctx) error {
	id, err := s.Brands.Me(c.UserContext(), principal(c))
	if err != nil {
		return err
	}
	return c.JSON(id)
}

type keyRequest struct {
	Role  string `json:"role" validate:"required,oneof=admin orders staff"`
	Label string `json:"label" validate:"max=200"`
	// ExpiresAt, when set, is when the key stops working.
	ExpiresAt *timestamp `json:"expires_at"`
}

// issuedKey is a new key with its secret, shown this once.
type issuedKey struct {
	brands.Key
	Secret string `json:"secret"`
}

func (s *Server) issueKey(c *fiber.Ctx) error {
	var req keyRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	k, secret, err := s.Brands.IssueKey(c.UserContext(), principal(c), c.Params("brand"), brands.Role(req.Role), req.Label, req.ExpiresAt.ptr())
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(issuedKey{Key: k, Secret: secret})
}

func (s *Server) listKeys(c *fiber.Ctx) error {
	ks, err := s.Brands.ListKeys(c.UserContext(), principal(c), c.Params("brand"))
	if err != nil {
		return err
	}
	return c.JSON(list(ks))
}

func (s *Server) revokeKey(c *fiber.Ctx) error {
	if err := s.Brands.RevokeKey(c.UserContext(), principal(c), c.Params("brand"), c.Params("key")); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
