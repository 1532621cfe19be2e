package httpapi

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/metapass/metapass/passes"
)

// customerRequest names who receives the passes: their own wallet, or the
// brand's reference for a customer with none (a custodial wallet).
type customerRequest struct {
	Wallet string `json:"wallet" validate:"required_without=Ref,excluded_with=Ref,omitempty,wallet"`
	Ref    string `json:"ref" validate:"omitempty,max=128,printascii"`
}

type orderRequest struct {
	OrderID  string          `json:"order_id" validate:"required,max=128,printascii"`
	SKU      string          `json:"sku" validate:"required,max=64"`
	Quantity int             `json:"quantity" validate:"required,min=1,max=1000"`
	Customer customerRequest `json:"customer" validate:"required"`
}

func (s *Server) placeOrder(c *fiber.Ctx) error {
	key := c.Get("Idempotency-Key")
	if len(key) > 255 {
		return invalid("Idempotency-Key", "must have at most 255 characters")
	}
	var req orderRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	o, created, err := s.Passes.PlaceOrder(c.UserContext(), principal(c).BrandID, c.Params("id"), passes.OrderRequest{
		OrderID: req.OrderID, SKU: req.SKU, Quantity: req.Quantity, Wallet: checksum(req.Customer.Wallet),
		CustomerRef: req.Customer.Ref, IdempotencyKey: key,
	})
	if err != nil {
		return err
	}
	if !created {
		c.Set("Idempotent-Replayed", "true")
	}
	c.Location("/v1/orders/" + o.ID)
	return c.Status(fiber.StatusAccepted).JSON(o)
}

func (s *Server) refundOrder(c *fiber.Ctx) error {
	o, err := s.Passes.Refund(c.UserContext(), principal(c).BrandID, c.Params("id"))
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusAccepted).JSON(o)
}

func (s *Server) getOrder(c *fiber.Ctx) error {
	o, err := s.Passes.GetOrder(c.UserContext(), principal(c).BrandID, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(o)
}

func (s *Server) listOrders(c *fiber.Ctx) error {
	limit, err := queryInt(c, "limit", 50, 1, 500)
	if err != nil {
		return err
	}
	os, err := s.Passes.ListOrders(c.UserContext(), principal(c).BrandID, c.Params("id"), limit)
	if err != nil {
		return err
	}
	return c.JSON(list(os))
}

// queryInt reads an optional integer query parameter within [lo, hi].
func queryInt(c *fiber.Ctx, name string, def, lo, hi int) (int, error) {
	v := c.Query(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, invalid(name, "must be an integer from "+strconv.Itoa(lo)+" to "+strconv.Itoa(hi))
	}
	return n, nil
}
