package httpapi_test

import (
	"fmt"
	"math/big"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/metapass/metapass/brands"
)

// TestHostileInput: input that would reach the chain or a browser
// unchecked, or make a server error, is a 4xx problem naming the field, and
// nothing is written.
func TestHostileInput(t *testing.T) {
	s := newStack(t, stackOptions{})
	_, keys := s.brand(t, "A")
	admin, orders := keys[brands.RoleAdmin], keys[brands.RoleOrders]
	launch := s.launch(t, admin, nil)
	s.must(t, 202, "POST", "/v1/launches/"+launch+"/publish", admin, nil)
	contract := s.waitLaunch(t, admin, launch, "live")["contract_address"].(string)
	before := s.counts(t)

	holds := func(h map[string]any) map[string]any {
		h["launches"] = []string{launch}
		return map[string]any{"kind": "gift", "title": "t", "rule": map[string]any{"holds": h}}
	}
	var wide []map[string]any
	for range 300 {
		wide = append(wide, map[string]any{"holds": map[string]any{"launches": []string{launch}, "attributes": map[string]any{"Vintage": []string{strings.Repeat("v", 200)}}}})
	}
	cases := []struct {
		name, method, path string
		body               any
		status             int
		field              string
	}{
		{"name of 400 bytes", "POST", "/v1/launches", launchBody(map[string]any{"name": strings.Repeat("🎟", 100)}), 400, "name"},
		{"NUL in name", "POST", "/v1/launches", launchBody(map[string]any{"name": "XO\x00Pass"}), 400, "name"},
		{"bidi override in name", "POST", "/v1/launches", launchBody(map[string]any{"name": "XO \u202egnp.exe"}), 400, "name"},
		{"bidi isolate in attribute", "POST", "/v1/launches", launchBody(map[string]any{"attributes": []map[string]any{{"trait_type": "V\u2066", "value": "1"}}}), 400, "attributes[0].trait_type"},
		{"attribute value of 100 KB", "POST", "/v1/launches", launchBody(map[string]any{"attributes": []map[string]any{{"trait_type": "V", "value": strings.Repeat("x", 100_000)}}}), 400, "attributes[0].value"},
		{"javascript image", "POST", "/v1/launches", launchBody(map[string]any{"image_url": "javascript:alert(1)"}), 400, "image_url"},
		{"data image", "POST", "/v1/launches", launchBody(map[string]any{"image_url": "data:text/html;base64,PHNjcmlwdD4="}), 400, "image_url"},
		{"http external URL", "POST", "/v1/launches", launchBody(map[string]any{"external_url": "http://example.com/"}), 400, "external_url"},
		{"per-wallet cap beyond bounds", "POST", "/v1/launches", launchBody(map[string]any{"per_wallet_cap": int64(1) << 62}), 400, "per_wallet_cap"},
		{"javascript image on patch", "PATCH", "/v1/launches/" + launch, map[string]any{"image_url": "javascript:alert(1)"}, 400, "image_url"},
		{"null patch", "PATCH", "/v1/launches/" + launch, "null", 400, ""},
		{"held_days overflowing", "POST", "/v1/launches/" + launch + "/perks", holds(map[string]any{"held_days": int64(1) << 62}), 400, "rule.holds.held_days"},
		{"min beyond bounds", "POST", "/v1/launches/" + launch + "/perks", holds(map[string]any{"min": int64(1) << 40}), 400, "rule.holds.min"},
		{"token range beyond int64", "POST", "/v1/launches/" + launch + "/perks", holds(map[string]any{"token_ids": []map[string]any{{"from": uint64(1) << 63}}}), 400, "rule.holds.token_ids[0].from"},
		{"rule of 100 KB", "POST", "/v1/launches/" + launch + "/perks", map[string]any{"kind": "gift", "title": "t", "rule": map[string]any{"any": wide}}, 400, "rule"},
		{"javascript perk link", "POST", "/v1/launches/" + launch + "/perks", map[string]any{"kind": "gift", "title": "t",
			"rule": map[string]any{"holds": map[string]any{"launches": []string{launch}}}, "payload": map[string]any{"url": "javascript:alert(1)"}}, 400, "payload.url"},
		{"per-token limit beyond bounds", "POST", "/v1/launches/" + launch + "/perks", map[string]any{"kind": "gift", "title": "t",
			"rule": map[string]any{"holds": map[string]any{"launches": []string{launch}}}, "limit": map[string]any{"per_token": int64(1) << 40}}, 400, "limit.per_token"},
		{"empty owner", "GET", "/v1/passes?owner=", nil, 400, "owner"},
		{"empty launch_id", "GET", "/v1/passes?launch_id=", nil, 400, "launch_id"},
		{"owner not an address", "GET", "/v1/passes?owner=0x12", nil, 400, "owner"},
		{"contract without 0x", "GET", "/metadata/1337/" + strings.TrimPrefix(contract, "0x") + "/1", nil, 400, "contract"},
		{"edition 2^63", "GET", "/metadata/1337/" + contract + "/9223372036854775808", nil, 404, ""},
		{"token 2^64", "GET", "/metadata/1337/" + contract + "/18446744073709551616", nil, 404, ""},
		{"token beyond uint256", "GET", "/metadata/1337/" + contract + "/" + new(big.Int).Lsh(big.NewInt(1), 256).String(), nil, 404, ""},
		{"chain 2^63", "GET", "/metadata/9223372036854775808/" + contract + "/1", nil, 404, ""},
		{"chain beyond uint64", "GET", "/metadata/99999999999999999999/" + contract, nil, 404, ""},
		{"pass 2^63", "GET", "/v1/passes/1337/" + contract + "/9223372036854775808", nil, 404, ""},
		{"entry code of edition 2^63", "GET", "/v1/events/evt_00000000000000000000/entry-code?launch_id=" + launch + "&token_id=9223372036854775808&customer_ref=C-1", nil, 400, "token_id"},
		{"redemption of edition 2^63", "POST", "/v1/perks/prk_00000000000000000000/redemptions", map[string]any{"launch_id": launch, "token_id": uint64(1) << 63, "customer_ref": "C-1"}, 400, "token_id"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			key := admin
			if tc.method == "POST" && strings.Contains(tc.path, "redemptions") || strings.Contains(tc.path, "entry-code") {
				key = orders
			}
			var r response
			if raw, ok := tc.body.(string); ok {
				r = s.doRaw(t, tc.method, tc.path, key, "application/json", raw)
			} else {
				r = s.do(t, tc.method, tc.path, key, tc.body)
			}
			if r.status != tc.status || !strings.HasPrefix(r.header.Get("Content-Type"), "application/problem+json") {
				t.Fatalf("status %d (%s), want %d problem+json:\n%.600s", r.status, r.header.Get("Content-Type"), tc.status, r.body)
			}
			if tc.field != "" && r.json(t)["field"] != tc.field {
				t.Fatalf("problem names %v, want %s:\n%.600s", r.json(t)["field"], tc.field, r.body)
			}
		})
	}
	if after := s.counts(t); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("rows written by refused requests: %v, before %v", after, before)
	}

	// Web URLs over https, or http to this machine, are fine.
	s.must(t, 201, "POST", "/v1/launches", admin, launchBody(map[string]any{"image_url": "http://localhost:8080/x.png", "external_url": "https://example.com/a"}))
}

// TestPathAndQueryForms: path parameters arrive percent-decoded, and
// addresses are accepted in the forms the OpenAPI document states: 0x or
// 0X, hex digits of any case.
func TestPathAndQueryForms(t *testing.T) {
	s := newStack(t, stackOptions{})
	_, keys := s.brand(t, "A")
	orders := keys[brands.RoleOrders]
	if c := s.must(t, 200, "GET", "/v1/customers/"+url.PathEscape("a b"), orders, nil); c["customer_ref"] != "a b" {
		t.Fatalf("customer %v, want the reference \"a b\"", c)
	}
	if a, b := s.must(t, 200, "GET", "/v1/customers/a%20b", orders, nil), s.must(t, 200, "GET", "/v1/customers/"+url.PathEscape("a b"), orders, nil); a["wallet"] != b["wallet"] {
		t.Fatal("one reference, two wallets")
	}
	w := wallet(t)
	for _, form := range []string{w, strings.ToLower(w), "0x" + strings.ToUpper(w[2:]), "0X" + w[2:]} {
		s.must(t, 200, "GET", "/v1/wallets/"+form+"/passes", orders, nil)
		s.must(t, 200, "GET", "/v1/passes?owner="+form, orders, nil)
	}
	for _, bad := range []string{w[2:], w + "0", "0x" + strings.Repeat("g", 40)} {
		if r := s.do(t, "GET", "/v1/wallets/"+bad+"/passes", orders, nil); r.status != 400 || r.json(t)["field"] != "address" {
			t.Fatalf("address %s: %d %s", bad, r.status, r.body)
		}
	}
}

// TestOrderListIsBounded: an order in a list carries its pass counts and
// its first few passes; the order itself carries every pass.
func TestOrderListIsBounded(t *testing.T) {
	s := newStack(t, stackOptions{})
	_, keys := s.brand(t, "A")
	admin := keys[brands.RoleAdmin]
	launch := s.launch(t, admin, map[string]any{"skus": []map[string]any{{"sku": "BOX", "passes_per_unit": 20}}})
	s.must(t, 202, "POST", "/v1/launches/"+launch+"/publish", admin, nil)
	o := s.must(t, 202, "POST", "/v1/launches/"+launch+"/orders", admin, order("o-1", "BOX", 2, wallet(t)))
	listed := s.must(t, 200, "GET", "/v1/launches/"+launch+"/orders", admin, nil)["data"].([]any)[0].(map[string]any)
	if n := len(listed["passes"].([]any)); n != 5 || listed["pass_count"] != float64(40) {
		t.Fatalf("listed order with %d passes, pass_count %v; want 5 of 40", n, listed["pass_count"])
	}
	states := listed["pass_states"].(map[string]any)
	var total float64
	for _, n := range states {
		total += n.(float64)
	}
	if total != 40 {
		t.Fatalf("pass_states %v do not add up to 40", states)
	}
	if full := s.must(t, 200, "GET", "/v1/orders/"+o["id"].(string), admin, nil); len(full["passes"].([]any)) != 40 || full["pass_count"] != float64(40) {
		t.Fatalf("the order itself carries %d passes", len(full["passes"].([]any)))
	}
}

// TestRedeemAtOnceAfterMinted: a perk check made the moment the order API
// says minted already sees the pass, though the ownership index lags the
// minter (here by up to its 1 s poll).
func TestRedeemAtOnceAfterMinted(t *testing.T) {
	s := newStack(t, stackOptions{indexPoll: time.Second})
	_, keys := s.brand(t, "A")
	admin, orders := keys[brands.RoleAdmin], keys[brands.RoleOrders]
	launch := s.launch(t, admin, nil)
	s.must(t, 202, "POST", "/v1/launches/"+launch+"/publish", admin, nil)
	s.waitLaunch(t, admin, launch, "live")
	perk := s.must(t, 201, "POST", "/v1/launches/"+launch+"/perks", admin, map[string]any{
		"kind": "gift", "title": "welcome", "rule": map[string]any{"holds": map[string]any{"launches": []string{launch}}},
	})["id"].(string)
	notHolding := 0
	for i := range 10 {
		ref := fmt.Sprintf("R-%d", i)
		id := s.must(t, 202, "POST", "/v1/launches/"+launch+"/orders", orders,
			map[string]any{"order_id": ref, "sku": "XO-70CL", "quantity": 1, "customer": map[string]any{"ref": ref}})["id"].(string)
		deadline := time.Now().Add(time.Minute)
		for s.must(t, 200, "GET", "/v1/orders/"+id, orders, nil)["state"] != "minted" {
			if time.Now().After(deadline) {
				t.Fatalf("order %s not minted after a minute", id)
			}
		}
		r := s.do(t, "POST", "/v1/perks/"+perk+"/redemptions", orders, map[string]any{"customer_ref": ref})
		switch {
		case r.status == 403 && r.json(t)["rule"] == "not_holding":
			notHolding++
		case r.status != 201:
			t.Fatalf("redemption of %s: %d %s", ref, r.status, r.body)
		}
	}
	if notHolding > 0 {
		t.Fatalf("%d of 10 redemptions right after minted answered not_holding", notHolding)
	}
}
