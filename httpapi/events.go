package httpapi

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/gofiber/fiber/v2"
	"github.com/skip2/go-qrcode"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/events"
)

type eventRequest struct {
	Name        string     `json:"name" validate:"required,max=200"`
	Venue       string     `json:"venue" validate:"max=500"`
	StartsAt    *timestamp `json:"starts_at" validate:"required"`
	EndsAt      *timestamp `json:"ends_at" validate:"required"`
	DoorsOpenAt *timestamp `json:"doors_open_at"`
	Capacity    int        `json:"capacity" validate:"required,min=1,max=10000000"`
	Launches    []string   `json:"launches" validate:"required,min=1,max=100,dive,required,max=64"`
	Reentry     string     `json:"reentry" validate:"omitempty,oneof=once reentry"`
}

type staffKeyRequest struct {
	Label      string     `json:"label" validate:"max=200"`
	ValidFrom  *timestamp `json:"valid_from"`
	ValidUntil *timestamp `json:"valid_until"`
}

type checkinRequest struct {
	Code      string `json:"code" validate:"required,max=1024"`
	Gate      string `json:"gate" validate:"max=100"`
	Direction string `json:"direction" validate:"omitempty,oneof=in out"`
}

func (s *Server) createEvent(c *fiber.Ctx) error {
	var req eventRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	e := events.Event{Name: req.Name, Venue: req.Venue, StartsAt: req.StartsAt.Time.UTC(), EndsAt: req.EndsAt.Time.UTC(),
		Capacity: req.Capacity, Launches: req.Launches, Reentry: events.Reentry(req.Reentry)}
	if req.DoorsOpenAt != nil {
		e.DoorsOpenAt = req.DoorsOpenAt.Time.UTC()
	}
	e, err := s.Events.CreateEvent(c.UserContext(), principal(c).BrandID, e)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(e)
}

func (s *Server) listEvents(c *fiber.Ctx) error {
	p := principal(c)
	es, err := s.Events.ListEvents(c.UserContext(), p.BrandID)
	if err != nil {
		return err
	}
	if p.Role == brands.RoleStaff {
		// Door staff see the event their key is for, and nothing else.
		scoped := es[:0]
		for _, e := range es {
			if p.Scope != nil && e.ID == p.Scope.EventID {
				scoped = append(scoped, e)
			}
		}
		es = scoped
	}
	return c.JSON(list(es))
}

func (s *Server) getEvent(c *fiber.Ctx) error {
	p := principal(c)
	if p.Role == brands.RoleStaff && (p.Scope == nil || p.Scope.EventID != c.Params("id")) {
		return metapass.Errorf(metapass.ENOTFOUND, "event %s not found", c.Params("id"))
	}
	e, err := s.Events.GetEvent(c.UserContext(), p.BrandID, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(e)
}

func (s *Server) issueStaffKey(c *fiber.Ctx) error {
	var req staffKeyRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	brandID := principal(c).BrandID
	e, err := s.Events.GetEvent(c.UserContext(), brandID, c.Params("id"))
	if err != nil {
		return err
	}
	from, until := e.StaffWindow(req.ValidFrom.ptr(), req.ValidUntil.ptr())
	k, secret, err := s.Brands.IssueEventKey(c.UserContext(), brandID, brands.Scope{EventID: e.ID, ValidFrom: from, ValidUntil: until}, req.Label)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(issuedKey{Key: k, Secret: secret})
}

func (s *Server) checkIn(c *fiber.Ctx) error {
	var req checkinRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	p := principal(c)
	staff := events.Staff{KeyID: p.KeyID}
	if p.Scope != nil {
		staff.EventID, staff.ValidFrom, staff.ValidUntil = p.Scope.EventID, p.Scope.ValidFrom, p.Scope.ValidUntil
	}
	ck, err := s.Events.CheckIn(c.UserContext(), p.BrandID, c.Params("id"), staff, req.Code, req.Gate, req.Direction)
	if err != nil {
		return err
	}
	return c.JSON(ck)
}

func (s *Server) listCheckins(c *fiber.Ctx) error {
	limit, err := queryInt(c, "limit", 100, 1, 1000)
	if err != nil {
		return err
	}
	cks, err := s.Events.ListCheckins(c.UserContext(), principal(c).BrandID, c.Params("id"), limit)
	if err != nil {
		return err
	}
	return c.JSON(list(cks))
}

// entryCode answers a customer (or the brand's backend for a custodial
// customer) with the current entry code for one pass, as JSON or as a QR
// image (format=png or svg).
func (s *Server) entryCode(c *fiber.Ctx) error {
	launchID := c.Query("launch_id")
	if launchID == "" || len(launchID) > 64 {
		return invalid("launch_id", "is required")
	}
	edition, err := strconv.ParseInt(c.Query("token_id"), 10, 64)
	if err != nil || edition < 0 {
		return invalid("token_id", "must be a decimal edition number below 2^63")
	}
	tokenID := uint64(edition)
	format := c.Query("format", "json")
	if format != "json" && format != "png" && format != "svg" {
		return invalid("format", "must be one of: json png svg")
	}
	p := principal(c)
	wallet := p.Wallet
	ref := c.Query("customer_ref")
	switch {
	case p.Role == brands.RoleCustomer && ref != "":
		return invalid("customer_ref", "a customer session asks for its own wallet; customer_ref is for a brand's key")
	case p.Role != brands.RoleCustomer:
		if err := check(customerRef{Ref: ref}); err != nil {
			return err
		}
		if wallet, err = s.custodial(p.BrandID, ref); err != nil {
			return err
		}
	}
	code, text, err := s.Events.EntryCode(c.UserContext(), p.BrandID, c.Params("id"), launchID, tokenID, wallet)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	switch format {
	case "png":
		png, err := qrcode.Encode(text, qrcode.Medium, 384)
		if err != nil {
			return fmt.Errorf("render QR: %w", err)
		}
		c.Set(fiber.HeaderContentType, "image/png")
		return c.Send(png)
	case "svg":
		svg, err := qrSVG(text)
		if err != nil {
			return err
		}
		c.Set(fiber.HeaderContentType, "image/svg+xml")
		return c.Send(svg)
	}
	return c.JSON(fiber.Map{
		"code": text, "event_id": code.EventID, "launch_id": launchID, "token_id": code.TokenID, "holder": code.Holder,
		"issued_at": code.IssuedAt, "expires_at": code.ExpiresAt, "refresh_at": code.IssuedAt.Add(events.CodeRotation),
	})
}

// qrSVG draws text's QR code as an SVG of one path, one unit per module.
func qrSVG(text string) ([]byte, error) {
	q, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return nil, fmt.Errorf("render QR: %w", err)
	}
	bm := q.Bitmap()
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges">`, len(bm), len(bm))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="`, len(bm), len(bm))
	for y, row := range bm {
		for x, dark := range row {
			if dark {
				fmt.Fprintf(&b, "M%d %dh1v1h-1z", x, y)
			}
		}
	}
	b.WriteString(`"/></svg>`)
	return b.Bytes(), nil
}
