package httpapi

import (
	"github.com/gofiber/fiber/v2"
)

type webhookRequest struct {
	URL    string   `json:"url" validate:"required,url,max=2048"`
	Events []string `json:"events" validate:"required,min=1,max=20,dive,required,max=64"`
}

func (s *Server) createWebhook(c *fiber.Ctx) error {
	var req webhookRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	e, secret, err := s.Webhooks.CreateEndpoint(c.UserContext(), principal(c).BrandID, req.URL, req.Events)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{
		"id": e.ID, "brand_id": e.BrandID, "url": e.URL, "events": e.Events, "created_at": e.CreatedAt, "secret": secret,
	})
}

func (s *Server) listWebhooks(c *fiber.Ctx) error {
	es, err := s.Webhooks.ListEndpoints(c.UserContext(), principal(c).BrandID)
	if err != nil {
		return err
	}
	return c.JSON(list(es))
}

func (s *Server) deleteWebhook(c *fiber.Ctx) error {
	if err := s.Webhooks.DeleteEndpoint(c.UserContext(), principal(c).BrandID, c.Params("id")); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) listDeliveries(c *fiber.Ctx) error {
	limit, err := queryInt(c, "limit", 100, 1, 1000)
	if err != nil {
		return err
	}
	ds, err := s.Webhooks.ListDeliveries(c.UserContext(), principal(c).BrandID, c.Query("endpoint_id"), limit)
	if err != nil {
		return err
	}
	return c.JSON(list(ds))
}

func (s *Server) redeliver(c *fiber.Ctx) error {
	d, err := s.Webhooks.Redeliver(c.UserContext(), principal(c).BrandID, c.Params("id"))
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusAccepted).JSON(d)
}
