package httpapi

import (
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/brands"
)

const principalKey = "principal"

// authenticate resolves the bearer API key into the request's principal.
func (s *Server) authenticate(c *fiber.Ctx) error {
	scheme, secret, _ := strings.Cut(c.Get(fiber.HeaderAuthorization), " ")
	if !strings.EqualFold(scheme, "Bearer") || secret == "" {
		return metapass.Errorf(metapass.EUNAUTHORIZED, "send an API key as 'Authorization: Bearer <key>'")
	}
	p, err := s.Brands.Authenticate(c.UserContext(), strings.TrimSpace(secret))
	if err != nil {
		return err
	}
	c.Locals(principalKey, p)
	return c.Next()
}

func principal(c *fiber.Ctx) brands.Principal {
	p, _ := c.Locals(principalKey).(brands.Principal)
	return p
}

// allow admits principals with one of roles.
func allow(roles ...brands.Role) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if !slices.Contains(roles, principal(c).Role) {
			return metapass.Errorf(metapass.EFORBIDDEN, "a key with role %s may not do this", principal(c).Role)
		}
		return c.Next()
	}
}
