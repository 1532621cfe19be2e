// Package httpapi is the service's HTTP edge: a Fiber app with API-key
// authentication, strict request decoding and RFC 9457 problem+json errors.
package httpapi

import (
	"context"
	"crypto/subtle"
	_ "embed"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	"github.com/gofiber/fiber/v2/middleware/filesystem"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/custody"
	"github.com/metapass/metapass/customers"
	"github.com/metapass/metapass/events"
	"github.com/metapass/metapass/passes"
	"github.com/metapass/metapass/perks"
	"github.com/metapass/metapass/web"
	"github.com/metapass/metapass/webhooks"
)

// BodyLimit is the largest request body accepted.
const BodyLimit = 1 << 20

//go:embed openapi.json
var openAPI []byte

// Server holds the services the routes call.
type Server struct {
	Brands *brands.Service
	Passes *passes.Service
	Owners passes.Owners
	// Perks answers eligibility and redeems perks.
	Perks *perks.Service
	// Customers signs wallets in with SIWE and checks their sessions.
	Customers *customers.Service
	// Events runs events, entry codes and check-ins.
	Events *events.Service
	// Metrics, when set with MetricsToken, serves /metrics for Prometheus
	// to callers sending 'Authorization: Bearer <MetricsToken>'. Without a
	// token /metrics is not served here (404): the operator serves it on
	// an address of its own.
	Metrics      http.Handler
	MetricsToken string
	// FrameAncestors is the CSP frame-ancestors source list: who may
	// frame the pages. Empty is 'none'.
	FrameAncestors string
	// Limits, when set, rate-limits requests per IP and per key.
	Limits *Limits
	// Redact, when set, hides secrets (an RPC URL's credentials) in
	// problem details.
	Redact func(string) string
	// Webhooks manages brands' webhook endpoints and deliveries.
	Webhooks *webhooks.Service
	// Claims, when set, moves custodial customers' passes to their own
	// wallets.
	Claims *custody.Claims
	// Custody, when set, gives the custodial wallets brands' backends act
	// for by customer reference.
	Custody passes.Custody
	// Ready reports whether the service can take traffic (the database
	// answers); an error makes /readyz 503.
	Ready func(ctx context.Context) error
	// Degraded, when set, names what is wrong while the service still
	// takes traffic (the chain unreachable: orders are accepted and
	// queue), by component; empty when nothing is.
	Degraded func(ctx context.Context) map[string]string
	Log      *slog.Logger
}

// App returns the Fiber app serving every route.
func (s *Server) App() *fiber.App {
	app := fiber.New(fiber.Config{
		AppName:               "metapass",
		BodyLimit:             BodyLimit,
		ErrorHandler:          s.errorHandler,
		DisableStartupMessage: true,
		ReadTimeout:           30 * time.Second,
		WriteTimeout:          30 * time.Second,
		IdleTimeout:           2 * time.Minute,

		// Path parameters arrive percent-decoded (a customer reference
		// "a b" sent as a%20b is "a b").
		UnescapePath: true,
	})
	app.Use(securityHeaders(s.FrameAncestors))
	app.Use(strictQuery(operations))
	app.Get("/healthz", func(c *fiber.Ctx) error { return c.JSON(fiber.Map{"status": "ok"}) })
	app.Get("/readyz", s.ready)
	if s.Metrics != nil && s.MetricsToken != "" {
		app.Get("/metrics", bearer(s.MetricsToken), adaptor.HTTPHandler(s.Metrics))
	} else {
		app.Get("/metrics", func(*fiber.Ctx) error { return metapass.Errorf(metapass.ENOTFOUND, "metrics are not served here") })
	}
	app.Get("/openapi.json", func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSON)
		return c.Send(openAPI)
	})
	anonymous := s.Limits.anonymous
	app.Get("/metadata/:chain/:contract/:token", anonymous, s.tokenMetadata)
	app.Get("/metadata/:chain/:contract", anonymous, s.contractMetadata)

	// Sign-in is public: it is how a customer gets a credential.
	app.Get("/v1/auth/siwe/nonce", anonymous, s.siweNonce)
	app.Post("/v1/auth/siwe/verify", anonymous, s.siweVerify)

	v1 := app.Group("/v1", s.authenticate, s.Limits.perKey)
	operator := allow(brands.RoleOperator)
	admin := allow(brands.RoleAdmin)
	keyManager := allow(brands.RoleOperator, brands.RoleAdmin)
	commerce := allow(brands.RoleAdmin, brands.RoleOrders)
	lookup := allow(brands.RoleAdmin, brands.RoleOrders, brands.RoleStaff)
	redeemer := allow(brands.RoleCustomer, brands.RoleAdmin, brands.RoleOrders)
	wallets := allow(brands.RoleAdmin, brands.RoleOrders, brands.RoleCustomer)

	v1.Get("/me", s.me) // every role: who the caller is
	v1.Post("/brands", operator, s.createBrand)
	v1.Get("/brands", operator, s.listBrands)
	v1.Get("/brands/:brand", keyManager, s.getBrand)
	v1.Post("/brands/:brand/keys", keyManager, s.issueKey)
	v1.Get("/brands/:brand/keys", keyManager, s.listKeys)
	v1.Delete("/brands/:brand/keys/:key", keyManager, s.revokeKey)

	v1.Post("/launches", admin, s.createLaunch)
	v1.Get("/launches", commerce, s.listLaunches)
	v1.Get("/launches/:id", commerce, s.getLaunch)
	v1.Patch("/launches/:id", admin, s.updateLaunch)
	for _, t := range []passes.Transition{passes.Publish, passes.Pause, passes.Resume, passes.End} {
		v1.Post("/launches/:id/"+string(t), admin, s.transition(t))
	}
	v1.Post("/launches/:id/orders", commerce, s.placeOrder)
	v1.Get("/launches/:id/orders", commerce, s.listOrders)
	v1.Get("/orders/:id", commerce, s.getOrder)
	v1.Post("/orders/:id/refund", commerce, s.refundOrder)
	v1.Get("/passes", commerce, s.listPasses)
	v1.Get("/passes/:chain/:contract/:token", lookup, s.getPass)

	v1.Post("/launches/:id/perks", admin, s.createPerk)
	v1.Get("/launches/:id/perks", commerce, s.listPerks)
	v1.Post("/perks/:id/dry-run", admin, s.dryRun)
	v1.Post("/perks/:id/redemptions", redeemer, s.redeem)
	v1.Get("/wallets/:address/perks", wallets, s.walletPerks)
	v1.Get("/wallets/:address/passes", wallets, s.walletPasses)
	v1.Get("/customers/:ref", commerce, s.getCustomer)
	v1.Get("/customers/:ref/perks", commerce, s.customerPerks)
	v1.Get("/customers/:ref/passes", commerce, s.customerPasses)
	v1.Post("/customers/:ref/claims", commerce, s.claim)
	v1.Get("/customers/:ref/claims", commerce, s.listClaims)

	attendees := allow(brands.RoleAdmin, brands.RoleOrders, brands.RoleStaff, brands.RoleCustomer)
	v1.Post("/events", admin, s.createEvent)
	v1.Get("/events", attendees, s.listEvents)
	v1.Get("/events/:id", attendees, s.getEvent)
	v1.Post("/events/:id/staff-keys", admin, s.issueStaffKey)
	v1.Get("/events/:id/entry-code", redeemer, s.entryCode)
	v1.Post("/events/:id/checkins", allow(brands.RoleStaff), s.checkIn)
	v1.Get("/events/:id/checkins", admin, s.listCheckins)

	v1.Post("/webhooks", admin, s.createWebhook)
	v1.Get("/webhooks", admin, s.listWebhooks)
	v1.Get("/webhooks/deliveries", admin, s.listDeliveries)
	v1.Delete("/webhooks/:id", admin, s.deleteWebhook)
	v1.Post("/webhooks/deliveries/:id/redeliver", admin, s.redeliver)

	// The browser pages (package web) are not API operations: they are
	// mounted as middleware, which keeps them out of the OpenAPI route list.
	app.Use("/assets", filesystem.New(filesystem.Config{Root: http.FS(web.Files), PathPrefix: "assets"}))
	app.Use(webPages)

	app.Use(func(c *fiber.Ctx) error {
		return metapass.Errorf(metapass.ENOTFOUND, "no route %s %s", c.Method(), c.Path())
	})
	return app
}

// securityHeaders sets, on every response, a Content-Security-Policy the
// pages work under (same-origin scripts, styles and calls; https images of
// launches; the staff page's camera and QR worker), not framable except by
// frameAncestors, no MIME sniffing and no Referer leaving the service.
func securityHeaders(frameAncestors string) fiber.Handler {
	if frameAncestors == "" {
		frameAncestors = "'none'"
	}
	csp := "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data: blob:; " +
		"media-src 'self' blob: mediastream:; connect-src 'self'; worker-src 'self'; font-src 'self'; object-src 'none'; " +
		"base-uri 'none'; form-action 'none'; frame-ancestors " + frameAncestors
	return func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderContentSecurityPolicy, csp)
		c.Set(fiber.HeaderXContentTypeOptions, "nosniff")
		c.Set(fiber.HeaderReferrerPolicy, "no-referrer")
		return c.Next()
	}
}

// MetricsApp serves /metrics alone, for -metrics-listen: behind the
// metrics token when one is set, with the same problem answers as App.
func (s *Server) MetricsApp() *fiber.App {
	app := fiber.New(fiber.Config{AppName: "metapass-metrics", ErrorHandler: s.errorHandler, DisableStartupMessage: true,
		ReadTimeout: 10 * time.Second, WriteTimeout: 30 * time.Second})
	guard := func(c *fiber.Ctx) error { return c.Next() }
	if s.MetricsToken != "" {
		guard = bearer(s.MetricsToken)
	}
	app.Get("/metrics", guard, adaptor.HTTPHandler(s.Metrics))
	app.Use(func(c *fiber.Ctx) error {
		return metapass.Errorf(metapass.ENOTFOUND, "no route %s %s", c.Method(), c.Path())
	})
	return app
}

// bearer admits requests carrying 'Authorization: Bearer <token>',
// compared in constant time.
func bearer(token string) fiber.Handler {
	want := []byte("Bearer " + token)
	return func(c *fiber.Ctx) error {
		if subtle.ConstantTimeCompare([]byte(c.Get(fiber.HeaderAuthorization)), want) != 1 {
			return metapass.Errorf(metapass.EUNAUTHORIZED, "send the metrics token as 'Authorization: Bearer <token>'")
		}
		return c.Next()
	}
}

// pages are the browser pages by route.
var pages = map[string]string{"/staff": "staff.html", "/wallet": "wallet.html", "/console": "console.html", "/docs": "docs.html"}

// webPages serves the pages of package web (/staff, /wallet, /console,
// /docs).
func webPages(c *fiber.Ctx) error {
	file, ok := pages[strings.TrimSuffix(c.Path(), "/")]
	if !ok || (c.Method() != fiber.MethodGet && c.Method() != fiber.MethodHead) {
		return c.Next()
	}
	page, err := web.Files.ReadFile(file)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	c.Set(fiber.HeaderCacheControl, "no-cache")
	return c.Send(page)
}

func (s *Server) ready(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(c.UserContext(), 3*time.Second)
	defer cancel()
	if err := s.Ready(ctx); err != nil {
		s.Log.Warn("not ready", slog.Any("err", err))
		return metapass.Errorf(metapass.EUNAVAILABLE, "not ready; the service log says why")
	}
	if s.Degraded != nil {
		if d := s.Degraded(ctx); len(d) > 0 {
			return c.JSON(fiber.Map{"status": "degraded", "degraded": d})
		}
	}
	return c.JSON(fiber.Map{"status": "ready"})
}

// list wraps a collection so it can grow paging fields later.
func list[T any](items []T) fiber.Map {
	if items == nil {
		items = []T{}
	}
	return fiber.Map{"data": items}
}
