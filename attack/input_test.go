package attack

import (
	"crypto/ecdsa"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/metapass/metapass/siwe"
)

// signed asks the service for a sign-in nonce of brandID and returns the
// message it describes, changed by edit, signed by key.
func signed(t *testing.T, s *Service, brandID string, key *ecdsa.PrivateKey, edit func(*siwe.Message)) map[string]any {
	t.Helper()
	n := s.Client("").Must(t, http.StatusOK, "GET", "/v1/auth/siwe/nonce?brand_id="+brandID, nil)
	m := siwe.Message{Domain: n["domain"].(string), Address: crypto.PubkeyToAddress(key.PublicKey), URI: n["uri"].(string),
		ChainID: uint64(n["chain_id"].(float64)), Nonce: n["nonce"].(string), IssuedAt: time.Now().UTC().Truncate(time.Second)}
	if edit != nil {
		edit(&m)
	}
	text := m.String()
	sig, err := crypto.Sign(accounts.TextHash([]byte(text)), key)
	if err != nil {
		t.Fatal(err)
	}
	sig[64] += 27
	return map[string]any{"brand_id": brandID, "message": text, "signature": hexutil.Encode(sig)}
}

func newKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// rule is the problem's rule of a 4xx answer.
func rule(t *testing.T, r Response) any { return r.JSON(t)["rule"] }

// TestAttackSignInOneTryPerNonce (finding 6): a failed sign-in spends its
// nonce, so a nonce buys one try; a message naming another site's URI, or
// this site over plain http when the service is https, is refused.
func TestAttackSignInOneTryPerNonce(t *testing.T) {
	s := Start(t)
	brand, _, _, _ := s.Brand(t, "A")
	anon, key := s.Client(""), newKey(t)

	good := signed(t, s, brand, key, nil)
	bad := map[string]any{"brand_id": brand, "message": good["message"], "signature": "0x" + strings.Repeat("11", 65)}
	if r := anon.Do(t, "POST", "/v1/auth/siwe/verify", bad); r.Status != http.StatusUnauthorized {
		t.Fatalf("forged signature: %d %s", r.Status, r)
	}
	if r := anon.Do(t, "POST", "/v1/auth/siwe/verify", good); r.Status != http.StatusUnauthorized || rule(t, r) != "nonce_used" {
		t.Fatalf("the genuine signature after a failed try with its nonce: %d %s, want 401 nonce_used", r.Status, r)
	}

	for name, uri := range map[string]string{"another host": "https://evil.example/login", "another port": "http://127.0.0.1:1/"} {
		r := anon.Do(t, "POST", "/v1/auth/siwe/verify", signed(t, s, brand, key, func(m *siwe.Message) { m.URI = uri }))
		if r.Status != http.StatusUnauthorized || rule(t, r) != "wrong_uri" {
			t.Fatalf("URI of %s: %d %s, want 401 wrong_uri", name, r.Status, r)
		}
	}
	anon.Must(t, http.StatusCreated, "POST", "/v1/auth/siwe/verify", signed(t, s, brand, key, nil))
}

// TestAttackClaimNeedsCustomerProof (finding 7): an orders key cannot move a
// custodial customer's passes to a wallet of its choosing with any sign-in
// message: the claim must be signed over the statement naming the brand
// and the customer, with an expiration.
func TestAttackClaimNeedsCustomerProof(t *testing.T) {
	s := Start(t)
	brand, _, orders, _ := s.Brand(t, "A")
	thief := newKey(t)
	claim := func(proof map[string]any) Response {
		delete(proof, "brand_id")
		return orders.Do(t, "POST", "/v1/customers/C-1/claims", proof)
	}
	statement := "Claim the passes of customer C-1 of " + brand + " into this wallet"
	refused := map[string]map[string]any{
		"a plain sign-in message": signed(t, s, brand, thief, nil),
		"another customer's claim": signed(t, s, brand, thief, func(m *siwe.Message) {
			m.Statement, m.ExpirationTime = "Claim the passes of customer C-2 of "+brand+" into this wallet", m.IssuedAt.Add(time.Minute)
		}),
		"a claim that never expires": signed(t, s, brand, thief, func(m *siwe.Message) { m.Statement = statement }),
	}
	for name, proof := range refused {
		if r := claim(proof); r.Status != http.StatusUnauthorized {
			t.Fatalf("claim with %s: %d %s, want 401", name, r.Status, r)
		}
	}
	if r := claim(signed(t, s, brand, thief, func(m *siwe.Message) {
		m.Statement, m.ExpirationTime = statement, m.IssuedAt.Add(time.Minute)
	})); r.Status != http.StatusAccepted {
		t.Fatalf("claim signed over its statement: %d %s", r.Status, r)
	}
}

// TestAttackHostileInput (finding 8): input that would reach the chain or a
// browser unchecked is a 4xx problem naming the field; ids no pass can
// have are 404, not 500; path parameters are percent-decoded; a page of
// orders does not carry every pass.
func TestAttackHostileInput(t *testing.T) {
	s := Start(t)
	_, admin, orders, _ := s.Brand(t, "A")
	l := LiveLaunch(t, admin, map[string]any{"skus": []map[string]any{{"sku": TestSKU, "passes_per_unit": 50}}})
	launch, contract := l["id"].(string), l["contract_address"].(string)
	base := func(k string, v any) map[string]any {
		b := map[string]any{"name": "P", "symbol": "P", "image_url": "https://example.com/p.png", "supply_cap": 10, "skus": []map[string]any{{"sku": "S"}}}
		b[k] = v
		return b
	}
	cases := []struct {
		name, method, path string
		body               any
		status             int
		field              string
	}{
		{"100 emoji as a name (400 bytes)", "POST", "/v1/launches", base("name", strings.Repeat("🎟", 100)), 400, "name"},
		{"NUL in a name", "POST", "/v1/launches", base("name", "a\x00b"), 400, "name"},
		{"right-to-left override in a name", "POST", "/v1/launches", base("name", "pass\u202egpj.exe"), 400, "name"},
		{"javascript: image", "POST", "/v1/launches", base("image_url", "javascript:alert(document.cookie)"), 400, "image_url"},
		{"data: external URL", "POST", "/v1/launches", base("external_url", "data:text/html,<script>alert(1)</script>"), 400, "external_url"},
		{"held_days overflowing", "POST", "/v1/launches/" + launch + "/perks", map[string]any{"kind": "gift", "title": "t",
			"rule": map[string]any{"holds": map[string]any{"launches": []string{launch}, "held_days": int64(1) << 62}}}, 400, "rule.holds.held_days"},
		{"a rule of 400 KB", "POST", "/v1/launches/" + launch + "/perks", map[string]any{"kind": "gift", "title": "t",
			"rule": map[string]any{"holds": map[string]any{"launches": []string{launch}, "attributes": map[string]any{"x": []string{strings.Repeat("y", 400_000)}}}}}, 400, "rule"},
		{"edition 2^63 in metadata", "GET", "/metadata/1337/" + contract + "/9223372036854775808", nil, 404, ""},
		{"edition 2^64-1 of a pass", "GET", "/v1/passes/1337/" + contract + "/18446744073709551615", nil, 404, ""},
		{"chain 2^63", "GET", "/metadata/9223372036854775808/" + contract + "/1", nil, 404, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := admin.Do(t, tc.method, tc.path, tc.body)
			if r.Status != tc.status || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/problem+json") {
				t.Fatalf("status %d %s, want %d problem+json: %.400s", r.Status, r.Header.Get("Content-Type"), tc.status, r)
			}
			if tc.field != "" && r.JSON(t)["field"] != tc.field {
				t.Fatalf("problem names %v, want %s", r.JSON(t)["field"], tc.field)
			}
		})
	}
	if c := orders.Must(t, http.StatusOK, "GET", "/v1/customers/"+url.PathEscape("a b"), nil); c["customer_ref"] != "a b" {
		t.Fatalf("customer a%%20b is %v, want the reference \"a b\"", c["customer_ref"])
	}
	for i := range 3 {
		orders.Must(t, http.StatusAccepted, "POST", "/v1/launches/"+launch+"/orders", map[string]any{"order_id": fmt.Sprint("big-", i), "sku": TestSKU,
			"quantity": 2, "customer": map[string]any{"wallet": crypto.PubkeyToAddress(newKey(t).PublicKey).Hex()}})
	}
	r := orders.Do(t, "GET", "/v1/launches/"+launch+"/orders?limit=500", nil)
	for _, o := range r.JSON(t)["data"].([]any) {
		if o := o.(map[string]any); len(o["passes"].([]any)) > 5 || o["pass_count"] != float64(100) {
			t.Fatalf("a listed order carries %d passes (pass_count %v); want at most 5 of 100", len(o["passes"].([]any)), o["pass_count"])
		}
	}
	t.Logf("a page of 3 orders of 100 passes each: %d bytes", len(r.Body))
}

// TestAttackRedeemRightAfterMinted (finding 12): the moment the order API
// says minted, the perks engine sees the pass: no not_holding.
func TestAttackRedeemRightAfterMinted(t *testing.T) {
	s := Start(t)
	_, admin, orders, _ := s.Brand(t, "A")
	launch := LiveLaunch(t, admin, nil)["id"].(string)
	perk := admin.Must(t, http.StatusCreated, "POST", "/v1/launches/"+launch+"/perks", map[string]any{"kind": "gift", "title": "welcome",
		"rule": map[string]any{"holds": map[string]any{"launches": []string{launch}}}})["id"].(string)
	n := 10
	if full() {
		n = 50
	}
	notHolding := 0
	for i := range n {
		ref := fmt.Sprint("R-", i)
		id := orders.Must(t, http.StatusAccepted, "POST", "/v1/launches/"+launch+"/orders", map[string]any{"order_id": ref, "sku": TestSKU,
			"quantity": 1, "customer": map[string]any{"ref": ref}})["id"].(string)
		Eventually(t, time.Minute, "order "+id+" minted", func() (bool, string) {
			o := orders.Must(t, http.StatusOK, "GET", "/v1/orders/"+id, nil)
			return o["state"] == "minted", fmt.Sprint(o["state"])
		})
		r := orders.Do(t, "POST", "/v1/perks/"+perk+"/redemptions", map[string]any{"customer_ref": ref})
		switch {
		case r.Status == http.StatusForbidden && rule(t, r) == "not_holding":
			notHolding++
		case r.Status != http.StatusCreated:
			t.Fatalf("redemption for %s: %d %s", ref, r.Status, r)
		}
	}
	if notHolding > 0 {
		t.Fatalf("%d of %d redemptions made right after minted answered not_holding", notHolding, n)
	}
}

// TestAttackContractMismatches (finding 13): the API accepts what the
// OpenAPI document allows and refuses what it does not.
func TestAttackContractMismatches(t *testing.T) {
	s := Start(t)
	_, admin, orders, _ := s.Brand(t, "A")
	w := crypto.PubkeyToAddress(newKey(t).PublicKey).Hex()
	for _, form := range []string{strings.ToLower(w), "0x" + strings.ToUpper(w[2:]), "0X" + w[2:]} {
		orders.Must(t, http.StatusOK, "GET", "/v1/wallets/"+form+"/passes", nil)
	}
	l := admin.Must(t, http.StatusCreated, "POST", "/v1/launches", map[string]any{"name": "P", "symbol": "P",
		"image_url": "https://example.com/p.png", "supply_cap": 10, "skus": []map[string]any{{"sku": "S"}}})
	if r := admin.Do(t, "PATCH", "/v1/launches/"+l["id"].(string), "null"); r.Status != http.StatusBadRequest {
		t.Fatalf("PATCH null: %d %s, want 400", r.Status, r)
	}
	if r := orders.Do(t, "GET", "/v1/passes?owner=", nil); r.Status != http.StatusBadRequest || r.JSON(t)["field"] != "owner" {
		t.Fatalf("GET /v1/passes?owner=: %d %.300s, want 400 naming owner", r.Status, r)
	}
}
