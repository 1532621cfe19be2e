package httpapi

import (
	"bytes"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"

	"github.com/gofiber/fiber/v2"
)

// FuzzDecode feeds arbitrary bodies to the strict decoder of each request
// type: a client's body may be refused, never answered with a 500.
func FuzzDecode(f *testing.F) {
	for _, seed := range []string{
		`{"order_id":"A-1","sku":"XO","quantity":1,"customer":{"wallet":"0x1111111111111111111111111111111111111111"}}`,
		`{"name":"XO","symbol":"X","supply_cap":10,"skus":[{"sku":"A","passes_per_unit":2}],"attributes":[{"trait_type":"t","value":1}]}`,
		`{"sale_starts_at":"2026-01-01T00:00:00Z","royalty_receiver":"0x1111111111111111111111111111111111111111"}`,
		`{"role":"admin"}`, `{"name":"B"}`, `{}`, `[]`, `null`, `{"a":1} {}`, `{"quantity":"1"}`, `{"quantity":1e99}`,
		`{"customer":{"wallet":123}}`, `{"sale_starts_at":"yesterday"}`, "\x00", `{"skus":[null]}`,
	} {
		f.Add([]byte(seed))
	}
	s := &Server{Log: slog.New(slog.DiscardHandler)}
	app := fiber.New(fiber.Config{ErrorHandler: s.errorHandler})
	route := func(path string, newReq func() any) {
		app.Post(path, func(c *fiber.Ctx) error {
			if err := decode(c, newReq()); err != nil {
				return err
			}
			return c.SendStatus(fiber.StatusNoContent)
		})
	}
	route("/order", func() any { return &orderRequest{} })
	route("/launch", func() any { return &launchRequest{} })
	route("/patch", func() any { return &launchPatchRequest{} })
	route("/key", func() any { return &keyRequest{} })
	route("/brand", func() any { return &brandRequest{} })
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, path := range []string{"/order", "/launch", "/patch", "/key", "/brand"} {
			req := httptest.NewRequest("POST", path, bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			res, err := app.Test(req, -1)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != fiber.StatusNoContent && res.StatusCode != fiber.StatusBadRequest {
				t.Fatalf("%s %q: status %d %s", path, body, res.StatusCode, b)
			}
		}
	})
}
