package httpapi_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/customers"
	"github.com/metapass/metapass/passes"
	"github.com/metapass/metapass/siwe"
)

// TestCustodialCustomer: a brand's backend orders for a customer reference
// instead of a wallet; the pass goes to that customer's custodial wallet,
// and the backend lists and redeems the customer's perks with its own key.
func TestCustodialCustomer(t *testing.T) {
	s := newStack(t, stackOptions{})
	_, keys := s.brand(t, "A")
	_, otherKeys := s.brand(t, "B")
	admin, orders, staff := keys[brands.RoleAdmin], keys[brands.RoleOrders], keys[brands.RoleStaff]
	launch := s.launch(t, admin, nil)
	s.must(t, 202, "POST", "/v1/launches/"+launch+"/publish", admin, nil)

	customer := s.must(t, 200, "GET", "/v1/customers/C-1001", orders, nil)
	addr, _ := customer["wallet"].(string)
	if len(addr) != 42 || customer["customer_ref"] != "C-1001" {
		t.Fatalf("customer %v", customer)
	}
	if again := s.must(t, 200, "GET", "/v1/customers/C-1001", admin, nil); again["wallet"] != addr {
		t.Fatalf("the same customer got another wallet: %v", again)
	}
	if other := s.must(t, 200, "GET", "/v1/customers/C-1001", otherKeys[brands.RoleAdmin], nil); other["wallet"] == addr {
		t.Fatal("two brands' customers with the same reference share a wallet")
	}

	body := map[string]any{"order_id": "o-1", "sku": "XO-70CL", "quantity": 1, "customer": map[string]any{"ref": "C-1001"}}
	o := s.must(t, 202, "POST", "/v1/launches/"+launch+"/orders", orders, body)
	if o["wallet"] != addr || o["customer_ref"] != "C-1001" {
		t.Fatalf("order %v, want wallet %s", o, addr)
	}
	minted := s.waitOrder(t, orders, o["id"].(string), "minted")
	token := uint64(minted["passes"].([]any)[0].(map[string]any)["token_id"].(float64))
	contract := minted["passes"].([]any)[0].(map[string]any)["contract_address"].(string)
	chainToken := minted["passes"].([]any)[0].(map[string]any)["chain_token_id"].(string)
	if owner, err := s.client.OwnerOf(t.Context(), contract, chainToken); err != nil || owner != addr {
		t.Fatalf("ownerOf on chain = %s, %v; want the custodial wallet %s", owner, err, addr)
	}

	perk := s.must(t, 201, "POST", "/v1/launches/"+launch+"/perks", admin, map[string]any{
		"kind": "gift", "title": "engraving", "rule": map[string]any{"holds": map[string]any{"launches": []string{launch}}},
		"limit": map[string]any{"per_token": 1}, "payload": map[string]any{"message": "show this at the counter"},
	})["id"].(string)
	s.poll(t, "/v1/customers/C-1001/perks", orders, func(m map[string]any) bool {
		return m["data"].([]any)[0].(map[string]any)["eligible"] == true
	})
	held := s.must(t, 200, "GET", "/v1/customers/C-1001/passes", orders, nil)["data"].([]any)
	if len(held) != 1 || held[0].(map[string]any)["contract_address"] != contract || held[0].(map[string]any)["token_id"] != float64(token) {
		t.Fatalf("the customer's passes: %v", held)
	}
	path := "/v1/perks/" + perk + "/redemptions"
	r := s.must(t, 201, "POST", path, orders, map[string]any{"customer_ref": "C-1001"})
	if r["wallet"] != addr || r["payload"].(map[string]any)["message"] != "show this at the counter" {
		t.Fatalf("redemption %v", r)
	}
	if st := s.do(t, "POST", path, orders, map[string]any{"customer_ref": "C-1001"}); st.status != 409 {
		t.Fatalf("second redemption: %d %s", st.status, st.body)
	}
	if st := s.do(t, "POST", path, orders, map[string]any{"customer_ref": "C-2002"}); st.status != 403 {
		t.Fatalf("a customer without the pass: %d %s", st.status, st.body)
	}
	if st := s.do(t, "POST", path, staff, map[string]any{"customer_ref": "C-1001"}); st.status != 403 {
		t.Fatalf("a staff key redeeming: %d %s", st.status, st.body)
	}
	if st := s.do(t, "POST", path, otherKeys[brands.RoleOrders], map[string]any{"customer_ref": "C-1001"}); st.status != 404 {
		t.Fatalf("another brand redeeming this perk: %d %s", st.status, st.body)
	}

	// The backend fetches the customer's entry code; the door admits it.
	now := time.Now().UTC()
	ev := s.must(t, 201, "POST", "/v1/events", admin, map[string]any{"name": "Night", "starts_at": now.Add(-time.Minute).Format(time.RFC3339),
		"ends_at": now.Add(time.Hour).Format(time.RFC3339), "capacity": 10, "launches": []string{launch}})["id"].(string)
	code := s.must(t, 200, "GET", fmt.Sprintf("/v1/events/%s/entry-code?launch_id=%s&token_id=%d&customer_ref=C-1001", ev, launch, token), orders, nil)
	if code["holder"] != addr {
		t.Fatalf("entry code for %v, want the custodial wallet %s", code["holder"], addr)
	}
	door := s.must(t, 201, "POST", "/v1/events/"+ev+"/staff-keys", admin, map[string]any{})["secret"].(string)
	if got := s.must(t, 200, "POST", "/v1/events/"+ev+"/checkins", door, map[string]any{"code": code["code"]}); got["result"] != "admitted" {
		t.Fatalf("custodial customer's code: %v", got)
	}
	s.must(t, 403, "GET", fmt.Sprintf("/v1/events/%s/entry-code?launch_id=%s&token_id=%d&customer_ref=C-2002", ev, launch, token), orders, nil)
}

// TestCustodialProblems: the customer is named once, by wallet or by
// reference, and a brand's key must name whom it redeems for.
func TestCustodialProblems(t *testing.T) {
	s := newStack(t, stackOptions{})
	brandID, keys := s.brand(t, "A")
	admin := keys[brands.RoleAdmin]
	launch := s.launch(t, admin, nil)
	s.must(t, 202, "POST", "/v1/launches/"+launch+"/publish", admin, nil)
	perk := s.must(t, 201, "POST", "/v1/launches/"+launch+"/perks", admin, map[string]any{
		"kind": "access", "title": "lounge", "rule": map[string]any{"holds": map[string]any{"launches": []string{launch}}},
	})["id"].(string)
	session := s.signIn(t, brandID, newKey(t))
	orderOf := func(customer map[string]any) map[string]any {
		return map[string]any{"order_id": "o-1", "sku": "XO-70CL", "quantity": 1, "customer": customer}
	}
	cases := []struct {
		name, method, path, key string
		body                    any
		field                   string
	}{
		{"wallet and ref", "POST", "/v1/launches/" + launch + "/orders", admin, orderOf(map[string]any{"wallet": wallet(t), "ref": "C-1"}), "customer.wallet"},
		{"neither", "POST", "/v1/launches/" + launch + "/orders", admin, orderOf(map[string]any{}), "customer"},
		{"ref not printable", "POST", "/v1/launches/" + launch + "/orders", admin, orderOf(map[string]any{"ref": "C\x001"}), "customer.ref"},
		{"brand key without customer_ref", "POST", "/v1/perks/" + perk + "/redemptions", admin, map[string]any{}, "customer_ref"},
		{"session with customer_ref", "POST", "/v1/perks/" + perk + "/redemptions", session, map[string]any{"customer_ref": "C-1"}, "customer_ref"},
		{"ref too long", "GET", "/v1/customers/" + strings.Repeat("x", 129), admin, nil, "customer_ref"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := s.do(t, tc.method, tc.path, tc.key, tc.body)
			if r.status != 400 || r.json(t)["field"] != tc.field {
				t.Fatalf("status %d, want 400 naming %s:\n%s", r.status, tc.field, r.body)
			}
		})
	}
	if n := s.counts(t)["orders"]; n != 0 {
		t.Fatalf("%d orders written by bad requests", n)
	}

	off := newStack(t, stackOptions{noCustody: true})
	_, keys = off.brand(t, "A")
	launch = off.launch(t, keys[brands.RoleAdmin], nil)
	off.must(t, 202, "POST", "/v1/launches/"+launch+"/publish", keys[brands.RoleAdmin], nil)
	r := off.do(t, "POST", "/v1/launches/"+launch+"/orders", keys[brands.RoleAdmin], orderOf(map[string]any{"ref": "C-1"}))
	if p := r.json(t); r.status != 422 || p["rule"] != "custody_disabled" {
		t.Fatalf("custody off: %d %s", r.status, r.body)
	}
}

// TestClaimToSelfCustody: a custodial customer proves their own wallet by
// SIWE, the brand's backend asks for the claim, the service funds the
// custodial wallet and moves the pass; afterwards neither the custodial key
// nor the service's signer can move it.
func TestClaimToSelfCustody(t *testing.T) {
	s := newStack(t, stackOptions{})
	brandID, keys := s.brand(t, "A")
	admin, orders := keys[brands.RoleAdmin], keys[brands.RoleOrders]
	hooks := newReceiver(t)
	hooks.secret = s.must(t, 201, "POST", "/v1/webhooks", admin, map[string]any{"url": hooks.srv.URL, "events": []string{"pass.claimed"}})["secret"].(string)
	launch := s.launch(t, admin, nil)
	s.must(t, 202, "POST", "/v1/launches/"+launch+"/publish", admin, nil)
	o := s.must(t, 202, "POST", "/v1/launches/"+launch+"/orders", orders,
		map[string]any{"order_id": "o-1", "sku": "XO-70CL", "quantity": 1, "customer": map[string]any{"ref": "C-7"}})
	pass := s.waitOrder(t, orders, o["id"].(string), "minted")["passes"].([]any)[0].(map[string]any)
	contract, token := pass["contract_address"].(string), pass["chain_token_id"].(string)
	custodial := o["wallet"].(string)
	s.poll(t, "/v1/customers/C-7/passes", orders, func(m map[string]any) bool { return len(m["data"].([]any)) == 1 })

	own := newKey(t)
	ownAddr := crypto.PubkeyToAddress(own.PublicKey).Hex()
	// The brand's key alone cannot choose the wallet: a sign-in message, a
	// claim of another customer or of another brand, or one that never
	// expires, is refused, and each spends its nonce.
	refused := map[string]func() (string, string){
		"sign-in message":  func() (string, string) { return s.siweMessage(t, brandID, own) },
		"another customer": func() (string, string) { return s.claimMessage(t, brandID, "C-8", own) },
		"another brand": func() (string, string) {
			return s.signedMessage(t, brandID, own, func(m *siwe.Message) {
				m.Statement, m.ExpirationTime = customers.ClaimStatement("brd_00000000000000000000", "C-7"), m.IssuedAt.Add(time.Minute)
			})
		},
		"without expiration": func() (string, string) {
			return s.signedMessage(t, brandID, own, func(m *siwe.Message) { m.Statement = customers.ClaimStatement(brandID, "C-7") })
		},
	}
	for name, proof := range refused {
		msg, sig := proof()
		r := s.do(t, "POST", "/v1/customers/C-7/claims", orders, map[string]any{"message": msg, "signature": sig})
		if r.status != 401 {
			t.Fatalf("claim with a %s: %d %s", name, r.status, r.body)
		}
	}
	if n := s.counts(t)["claims"]; n != 0 {
		t.Fatalf("%d claims written by refused proofs", n)
	}
	msg, sig := s.claimMessage(t, brandID, "C-7", own)
	started := s.must(t, 202, "POST", "/v1/customers/C-7/claims", orders, map[string]any{"message": msg, "signature": sig})["data"].([]any)
	if len(started) != 1 || started[0].(map[string]any)["to"] != ownAddr || started[0].(map[string]any)["from"] != custodial {
		t.Fatalf("claims %v", started)
	}
	if r := s.do(t, "POST", "/v1/customers/C-7/claims", orders, map[string]any{"message": msg, "signature": sig}); r.status != 401 {
		t.Fatalf("the same proof twice: %d %s", r.status, r.body)
	}
	done := s.poll(t, "/v1/customers/C-7/claims", orders, func(m map[string]any) bool {
		return m["data"].([]any)[0].(map[string]any)["state"] == "claimed"
	})["data"].([]any)[0].(map[string]any)
	if done["tx_hash"] == "" || done["claimed_at"] == nil {
		t.Fatalf("claimed %v", done)
	}
	if owner, err := s.client.OwnerOf(t.Context(), contract, token); err != nil || owner != ownAddr {
		t.Fatalf("ownerOf = %s, %v; want the customer's own wallet %s", owner, err, ownAddr)
	}

	// Theirs alone: the custodial key and the service's signer cannot move it.
	if _, err := s.client.SignTransferFrom(t.Context(), s.vault.Key(brandID, "C-7"), contract, custodial, token); !errors.Is(err, passes.ErrReverted) {
		t.Fatalf("custodial key moving the claimed pass: %v, want a revert", err)
	}
	if _, err := s.client.TransferCost(t.Context(), contract, s.client.Sender(), custodial, token); !errors.Is(err, passes.ErrReverted) {
		t.Fatalf("the service's signer moving the claimed pass: %v, want a revert", err)
	}

	// A refund leaves a claimed pass alone, with nothing to burn: it is no
	// longer the service's.
	if r := s.must(t, 202, "POST", "/v1/orders/"+o["id"].(string)+"/refund", orders, nil); r["state"] != "refunded" {
		t.Fatalf("refund after the claim: %v", r)
	}
	if owner, err := s.client.OwnerOf(t.Context(), contract, token); err != nil || owner != ownAddr {
		t.Fatalf("after the refund ownerOf = %s, %v", owner, err)
	}

	// Claiming again finds nothing left in custody.
	msg, sig = s.claimMessage(t, brandID, "C-7", own)
	if again := s.must(t, 202, "POST", "/v1/customers/C-7/claims", orders, map[string]any{"message": msg, "signature": sig})["data"].([]any); len(again) != 1 {
		t.Fatalf("a second claim made %d claims", len(again))
	}
	s.poll(t, "/v1/wallets/"+ownAddr+"/passes", admin, func(m map[string]any) bool { return len(m["data"].([]any)) == 1 })
	if err := s.dispatcher(s.db).Step(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got := hooks.deliveries(); len(got) != 1 || got[0].event["type"] != "pass.claimed" {
		t.Fatalf("webhooks %v, want one pass.claimed", got)
	}
}
