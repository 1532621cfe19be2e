package httpapi

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"
)

// TestStrictQuery: a query parameter the OpenAPI document does not declare
// for the operation is a 400 naming it; declared ones, and requests that
// are no operation (pages, assets), pass.
func TestStrictQuery(t *testing.T) {
	s := &Server{Log: slog.New(slog.DiscardHandler)}
	app := fiber.New(fiber.Config{ErrorHandler: s.errorHandler})
	app.Use(strictQuery(operations))
	app.Use(func(c *fiber.Ctx) error { return c.SendStatus(http.StatusNoContent) })
	do := func(method, target string) (int, Problem) {
		t.Helper()
		res, err := app.Test(httptest.NewRequest(method, target, nil), -1)
		if err != nil {
			t.Fatal(err)
		}
		var p Problem
		b, _ := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusNoContent {
			if err := json.Unmarshal(b, &p); err != nil {
				t.Fatalf("%s %s: %d %s", method, target, res.StatusCode, b)
			}
		}
		return res.StatusCode, p
	}
	for _, tc := range []struct {
		method, target, unknown string
	}{
		{"GET", "/v1/launches?state=live", "state"},
		{"GET", "/v1/launches/lch_1/orders?limit=5", ""},
		{"GET", "/v1/launches/lch_1/orders?limit=5&cursor=abc", "cursor"},
		{"POST", "/v1/launches/lch_1/orders?dry_run=1", "dry_run"},
		{"GET", "/v1/webhooks/deliveries?endpoint_id=whk_1&limit=3", ""},
		{"HEAD", "/v1/passes?owner=0x1111111111111111111111111111111111111111", ""},
		{"GET", "/v1/passes?owner=0x1111111111111111111111111111111111111111&ownr=x", "ownr"},
		{"GET", "/v1/auth/siwe/nonce?brand_id=brd_1", ""},
		{"GET", "/metadata/1337/0x1111111111111111111111111111111111111111/1?raw=1", "raw"},
		{"GET", "/wallet?brand=maison", ""},
		{"GET", "/assets/app.css?v=3", ""},
	} {
		status, p := do(tc.method, tc.target)
		switch {
		case tc.unknown == "" && status != http.StatusNoContent:
			t.Errorf("%s %s: %d %+v, want it through", tc.method, tc.target, status, p)
		case tc.unknown != "" && (status != http.StatusBadRequest || p.Field != tc.unknown || !strings.Contains(p.Detail, "unknown query parameter")):
			t.Errorf("%s %s: %d %+v, want 400 naming %s", tc.method, tc.target, status, p, tc.unknown)
		}
	}

	// Every parameter every operation declares is taken.
	for _, r := range operations {
		if len(r.names) == 0 {
			continue
		}
		path := strings.Join(r.segs, "/")
		for _, seg := range r.segs {
			if strings.HasPrefix(seg, "{") {
				path = strings.Replace(path, seg, "x", 1)
			}
		}
		q := make([]string, len(r.names))
		for i, n := range r.names {
			q[i] = n + "=1"
		}
		if status, p := do(r.method, path+"?"+strings.Join(q, "&")); status != http.StatusNoContent {
			t.Errorf("%s %s with its declared parameters %v: %d %+v", r.method, path, r.names, status, p)
		}
	}
}
