package attack

import (
	"net/http"
	"testing"
)

// TestCrossBrandIsNotFound: a key of brand A reading brand B's launch gets
// 404, not 403, so existence does not leak.
func TestCrossBrandIsNotFound(t *testing.T) {
	s := Start(t)
	_, adminA, _, _ := s.Brand(t, "Brand A")
	_, adminB, _, _ := s.Brand(t, "Brand B")
	l := adminA.Must(t, http.StatusCreated, "POST", "/v1/launches", map[string]any{"name": "A Pass", "symbol": "AP",
		"description": "a", "image_url": "https://example.com/a.png", "supply_cap": 10, "skus": []map[string]any{{"sku": TestSKU}}})
	if r := adminB.Do(t, "GET", "/v1/launches/"+l["id"].(string), nil); r.Status != http.StatusNotFound {
		t.Fatalf("brand B reading brand A's launch: status %d, want 404: %s", r.Status, r)
	}
}
