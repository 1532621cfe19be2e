package httpapi_test

import (
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/metapass/metapass/brands"
)

// TestMe checks that every kind of credential can read who it is, with its
// brand, and never its secret.
func TestMe(t *testing.T) {
	s := newStack(t, stackOptions{})
	brandID, keys := s.brand(t, "Maison Aurel")
	admin := keys[brands.RoleAdmin]
	expires := time.Now().Add(time.Hour).UTC().Truncate(time.Second)
	labelled := s.must(t, 201, "POST", "/v1/brands/"+brandID+"/keys", admin,
		map[string]any{"role": "orders", "label": "Shopify webhook", "expires_at": expires.Format(time.RFC3339)})
	launch := s.launch(t, admin, nil)
	now := time.Now().UTC()
	ev := s.must(t, 201, "POST", "/v1/events", admin, map[string]any{"name": "Cellar night",
		"starts_at": now.Add(-10 * time.Minute).Format(time.RFC3339), "ends_at": now.Add(3 * time.Hour).Format(time.RFC3339),
		"capacity": 100, "launches": []string{launch}})["id"].(string)
	door := s.must(t, 201, "POST", "/v1/events/"+ev+"/staff-keys", admin, map[string]any{"label": "door 1"})
	holder := newKey(t)
	session := s.signIn(t, brandID, holder)

	cases := []struct {
		name   string
		secret string
		want   map[string]any // fields with their values; nil: present, any value
		absent []string
	}{
		{"operator", s.operator, map[string]any{"kind": "key", "role": "operator", "key_id": nil, "label": "bootstrap"},
			[]string{"brand", "expires_at", "event_id", "valid_from", "valid_until", "wallet"}},
		{"admin", admin, map[string]any{"kind": "key", "role": "admin", "key_id": nil},
			[]string{"label", "expires_at", "event_id", "wallet"}},
		{"orders with label and expiry", labelled["secret"].(string), map[string]any{"kind": "key", "role": "orders",
			"key_id": labelled["id"], "label": "Shopify webhook", "expires_at": expires.Format(time.RFC3339)},
			[]string{"event_id", "valid_from", "valid_until", "wallet"}},
		{"staff", keys[brands.RoleStaff], map[string]any{"kind": "key", "role": "staff", "key_id": nil},
			[]string{"event_id", "wallet"}},
		{"event staff", door["secret"].(string), map[string]any{"kind": "key", "role": "staff", "key_id": door["id"],
			"label": "door 1", "event_id": ev, "valid_from": door["valid_from"], "valid_until": door["valid_until"]},
			[]string{"expires_at", "wallet"}},
		{"customer session", session, map[string]any{"kind": "session", "role": "customer",
			"wallet": crypto.PubkeyToAddress(holder.PublicKey).Hex(), "expires_at": nil},
			[]string{"key_id", "label", "event_id"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := s.do(t, "GET", "/v1/me", tc.secret, nil)
			if r.status != 200 {
				t.Fatalf("status %d: %s", r.status, r.body)
			}
			if strings.Contains(string(r.body), tc.secret) || strings.Contains(string(r.body), "secret") || strings.Contains(string(r.body), "hash") {
				t.Fatalf("the answer shows the credential: %s", r.body)
			}
			m := r.json(t)
			for k, v := range tc.want {
				got, ok := m[k]
				if !ok || (v != nil && got != v) {
					t.Errorf("%s = %v, want %v", k, got, v)
				}
			}
			for _, k := range tc.absent {
				if v, ok := m[k]; ok {
					t.Errorf("%s = %v, want absent", k, v)
				}
			}
			if kid, _ := m["key_id"].(string); m["kind"] == "key" && !strings.HasPrefix(kid, "key_") {
				t.Errorf("key_id %q", kid)
			}
			b, _ := m["brand"].(map[string]any)
			if tc.name != "operator" && (b["id"] != brandID || b["name"] != "Maison Aurel" || b["created_at"] == nil) {
				t.Errorf("brand %v, want %s", b, brandID)
			}
		})
	}
}

// TestMeRejectsDeadKeys checks that a revoked or expired key cannot ask who
// it is.
func TestMeRejectsDeadKeys(t *testing.T) {
	s := newStack(t, stackOptions{})
	brandID, keys := s.brand(t, "A")
	admin := keys[brands.RoleAdmin]
	expiring := s.must(t, 201, "POST", "/v1/brands/"+brandID+"/keys", admin,
		map[string]any{"role": "orders", "expires_at": time.Now().Add(time.Second).UTC().Format(time.RFC3339Nano)})
	revoked := s.must(t, 201, "POST", "/v1/brands/"+brandID+"/keys", admin, map[string]any{"role": "orders"})
	s.must(t, 200, "GET", "/v1/me", revoked["secret"].(string), nil)
	s.must(t, 204, "DELETE", "/v1/brands/"+brandID+"/keys/"+revoked["id"].(string), admin, nil)
	time.Sleep(1100 * time.Millisecond) // past the expiring key's expires_at
	for name, secret := range map[string]string{"revoked": revoked["secret"].(string), "expired": expiring["secret"].(string)} {
		t.Run(name, func(t *testing.T) {
			if r := s.do(t, "GET", "/v1/me", secret, nil); r.status != 401 {
				t.Errorf("status %d, want 401: %s", r.status, r.body)
			}
		})
	}
}

// TestGetBrand checks who may read a brand: the operator any, an admin its
// own; another brand's admin gets 404 as if it did not exist.
func TestGetBrand(t *testing.T) {
	s := newStack(t, stackOptions{})
	a, keysA := s.brand(t, "A")
	_, keysB := s.brand(t, "B")
	session := s.signIn(t, a, newKey(t))
	for _, tc := range []struct {
		name, path, key string
		want            int
	}{
		{"operator", "/v1/brands/" + a, s.operator, 200},
		{"own admin", "/v1/brands/" + a, keysA[brands.RoleAdmin], 200},
		{"another brand's admin", "/v1/brands/" + a, keysB[brands.RoleAdmin], 404},
		{"operator, unknown brand", "/v1/brands/brd_00000000000000000000", s.operator, 404},
		{"own orders key", "/v1/brands/" + a, keysA[brands.RoleOrders], 403},
		{"own staff key", "/v1/brands/" + a, keysA[brands.RoleStaff], 403},
		{"customer", "/v1/brands/" + a, session, 403},
		{"no key", "/v1/brands/" + a, "", 401},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := s.do(t, "GET", tc.path, tc.key, nil)
			if r.status != tc.want {
				t.Fatalf("status %d, want %d: %s", r.status, tc.want, r.body)
			}
			if tc.want == 200 {
				if m := r.json(t); m["id"] != a || m["name"] != "A" || m["created_at"] == nil {
					t.Errorf("brand %v", m)
				}
			}
		})
	}
}
