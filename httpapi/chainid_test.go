package httpapi_test

import (
	"testing"

	"github.com/metapass/metapass/brands"
)

// TestChainIDBeyondInt63: a chain id in a path that no database column
// holds (2^63 and up; EIP-2294 bounds chain ids well below) is a 400
// naming chain, not a 500 from the driver. Found by the route fuzz.
func TestChainIDBeyondInt63(t *testing.T) {
	s := newStack(t, stackOptions{})
	_, keys := s.brand(t, "A")
	const contract = "0x5FbDB2315678afecb367f032d93F642f64180aa3"
	for _, tc := range []struct{ name, path, key string }{
		{"contract metadata", "/metadata/9223372036854775808/" + contract, ""},
		{"token metadata", "/metadata/9223372036854775808/" + contract + "/1", ""},
		{"pass", "/v1/passes/18446744073709551615/" + contract + "/1", keys[brands.RoleOrders]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := s.do(t, "GET", tc.path, tc.key, nil)
			if r.status != 400 || r.json(t)["field"] != "chain" {
				t.Fatalf("status %d, want 400 naming chain: %s", r.status, r.body)
			}
		})
	}
}
