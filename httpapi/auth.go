package httpapi

import (
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/customers"
)

const principalKey = "principal"

// authenticate resolves the bearer credential into the request's
// principal: an API key, or a customer's session token (role customer,
// scoped to the session's brand and wallet).
//
// A failed authentication costs the caller's IP one anonymous request, so
// guessing credentials is rate-limited like any anonymous call.
func (s *Server) authenticate(c *fiber.Ctx) error {
	if err := s.checkCredential(c); err != nil {
		if limited := s.Limits.chargeIP(c); limited != nil {
			return limited
		}
		return err
	}
	return c.Next()
}

func (s *Server) checkCredential(c *fiber.Ctx) error {
	scheme, secret, _ := strings.Cut(c.Get(fiber.HeaderAuthorization), " ")
	secret = strings.TrimSpace(secret)
	if !strings.EqualFold(scheme, "Bearer") || secret == "" {
		return metapass.Errorf(metapass.EUNAUTHORIZED, "send an API key or session token as 'Authorization: Bearer <credential>'")
	}
	if customers.IsToken(secret) {
		if s.Customers == nil {
			return customers.ErrBadSession
		}
		sess, err := s.Customers.Authenticate(c.UserContext(), secret)
		if err != nil {
			return err
		}
		c.Locals(principalKey, brands.Principal{BrandID: sess.BrandID, Role: brands.RoleCustomer, Wallet: sess.Wallet, ExpiresAt: &sess.ExpiresAt})
		return nil
	}
	p, err := s.Brands.Authenticate(c.UserContext(), secret)
	if err != nil {
		return err
	}
	if !p.Permits(c.Path()) {
		return metapass.Errorf(metapass.ENOTFOUND, "event not found: this staff key is for another event")
	}
	c.Locals(principalKey, p)
	return nil
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
