package httpapi_test

import (
	"fmt"
	"net/url"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/passes"
)

// TestRefundBeforeMint: passes refunded before any transaction carries
// them are cancelled and never minted; refunding again changes nothing;
// the brand hears order.refunded once.
func TestRefundBeforeMint(t *testing.T) {
	s := newStack(t, stackOptions{holdMinter: true})
	_, keys := s.brand(t, "A")
	admin := keys[brands.RoleAdmin]
	hooks := newReceiver(t)
	hooks.secret = s.must(t, 201, "POST", "/v1/webhooks", admin, map[string]any{"url": hooks.srv.URL, "events": []string{"order.refunded", "order.minted"}})["secret"].(string)
	launch := s.launch(t, admin, nil)
	s.must(t, 202, "POST", "/v1/launches/"+launch+"/publish", admin, nil)
	refunded := s.must(t, 202, "POST", "/v1/launches/"+launch+"/orders", admin, order("o-1", "XO-70CL", 2, wallet(t)))
	kept := s.must(t, 202, "POST", "/v1/launches/"+launch+"/orders", admin, order("o-2", "XO-70CL", 1, wallet(t)))

	r := s.must(t, 202, "POST", "/v1/orders/"+refunded["id"].(string)+"/refund", keys[brands.RoleOrders], nil)
	if r["state"] != "refunded" || r["refunded_at"] == nil {
		t.Fatalf("refunded order %v", r)
	}
	for _, p := range r["passes"].([]any) {
		if p.(map[string]any)["state"] != "refunded" || p.(map[string]any)["refund"] != true {
			t.Fatalf("pass %v", p)
		}
	}
	again := s.must(t, 202, "POST", "/v1/orders/"+refunded["id"].(string)+"/refund", admin, nil)
	if again["refunded_at"] != r["refunded_at"] || again["state"] != "refunded" {
		t.Fatalf("second refund %v", again)
	}

	s.startMinter()
	minted := s.waitOrder(t, admin, kept["id"].(string), "minted")
	contract := minted["passes"].([]any)[0].(map[string]any)["contract_address"].(string)
	for _, p := range r["passes"].([]any) {
		// Never carried by a mint, it has no token id on chain; the one it
		// would have had is nobody's.
		if id := p.(map[string]any)["chain_token_id"]; id != nil {
			t.Fatalf("refunded pass with a token id on chain: %v", p)
		}
		token, err := passes.ChainTokenID(p.(map[string]any)["recipient"].(string), 1)
		if err != nil {
			t.Fatal(err)
		}
		if owner, err := s.client.OwnerOf(t.Context(), contract, token); err != nil || owner != "" {
			t.Fatalf("refunded token %s has owner %q (%v), want none", token, owner, err)
		}
	}
	if o := s.must(t, 200, "GET", "/v1/orders/"+refunded["id"].(string), admin, nil); o["state"] != "refunded" {
		t.Fatalf("refunded order now %v", o["state"])
	}
	if err := s.dispatcher(s.db).Step(t.Context()); err != nil {
		t.Fatal(err)
	}
	types := map[string]int{}
	for _, d := range hooks.deliveries() {
		types[fmt.Sprint(d.event["type"])]++
	}
	if types["order.refunded"] != 1 || types["order.minted"] != 1 {
		t.Fatalf("webhooks %v, want one order.refunded and one order.minted", types)
	}
	if s.do(t, "POST", "/v1/orders/ord_none/refund", admin, nil).status != 404 {
		t.Fatal("refunding an unknown order")
	}
}

// TestRefundAfterMint: a minted pass's refund stops its perks and its
// entry at once, then burns it on chain; the order ends refunded.
func TestRefundAfterMint(t *testing.T) {
	d := newDoor(t, 2)
	holder := crypto.PubkeyToAddress(d.holders[0].PublicKey).Hex()
	perk := d.s.must(t, 201, "POST", "/v1/launches/"+d.launch+"/perks", d.admin, map[string]any{
		"kind": "access", "title": "lounge", "rule": map[string]any{"holds": map[string]any{"launches": []string{d.launch}}},
	})["id"].(string)
	status := func() map[string]any {
		t.Helper()
		for _, p := range d.s.must(t, 200, "GET", "/v1/wallets/"+holder+"/perks", d.sessions[0], nil)["data"].([]any) {
			if p.(map[string]any)["id"] == perk {
				return p.(map[string]any)
			}
		}
		t.Fatal("perk not listed")
		return nil
	}
	if st := status(); st["eligible"] != true {
		t.Fatalf("before the refund: %v", st)
	}
	ev := d.event(t, nil)
	code := d.code(t, ev, 0)
	orders := d.s.must(t, 200, "GET", "/v1/launches/"+d.launch+"/orders", d.admin, nil)["data"].([]any)
	var id string
	for _, o := range orders {
		if o.(map[string]any)["wallet"] == holder {
			id = o.(map[string]any)["id"].(string)
		}
	}

	r := d.s.must(t, 202, "POST", "/v1/orders/"+id+"/refund", d.admin, nil)
	if r["state"] != "refunding" && r["state"] != "refunded" {
		t.Fatalf("refund of a minted order: %v", r["state"])
	}
	if st := status(); st["eligible"] != false || st["reason"] != "not_holding" {
		t.Fatalf("perk right after the refund: %v", st)
	}
	wantScan(t, d.scan(t, ev, d.staff(t, ev, nil), code, nil), "rejected", "refunded")
	q := url.Values{"launch_id": {d.launch}, "token_id": {fmt.Sprint(d.tokens[0])}}
	d.s.must(t, 403, "GET", "/v1/events/"+ev+"/entry-code?"+q.Encode(), d.sessions[0], nil)

	done := d.s.waitOrder(t, d.admin, id, "refunded")
	if p := done["passes"].([]any)[0].(map[string]any); p["state"] != "refunded" {
		t.Fatalf("pass after the burn: %v", p)
	}
	burned := d.chainTokens[0]
	if p := done["passes"].([]any)[0].(map[string]any); p["chain_token_id"] != burned {
		t.Fatalf("pass after the burn: %v, want token %s", p, burned)
	}
	if owner, err := d.s.client.OwnerOf(t.Context(), d.contract.Hex(), burned); err != nil || owner != "" {
		t.Fatalf("burned token %s has owner %q (%v)", burned, owner, err)
	}
	// The burn took that token and no other: the other customer's stands.
	if owner, err := d.s.client.OwnerOf(t.Context(), d.contract.Hex(), d.chainTokens[1]); err != nil || owner != crypto.PubkeyToAddress(d.holders[1].PublicKey).Hex() {
		t.Fatalf("the other customer's token %s has owner %q (%v)", d.chainTokens[1], owner, err)
	}
}
