package httpapi_test

import (
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/contracts"
	"github.com/metapass/metapass/passes"
)

// TestBadInputChangesNothing sends each kind of client mistake and checks
// that it gets its 4xx as problem+json naming the field, and that no row
// was written.
func TestBadInputChangesNothing(t *testing.T) {
	s := newStack(t, stackOptions{})
	_, keysA := s.brand(t, "A")
	_, keysB := s.brand(t, "B")
	admin := keysA[brands.RoleAdmin]
	live := s.launch(t, admin, nil)
	s.must(t, 202, "POST", "/v1/launches/"+live+"/publish", admin, nil)
	draft := s.launch(t, admin, nil)
	ok := order("ok-1", "XO-70CL", 1, wallet(t))

	big := `{"order_id":"x","sku":"XO-70CL","quantity":1,"customer":{"wallet":"0x1111111111111111111111111111111111111111"},"pad":"` +
		strings.Repeat("a", 2<<20) + `"}`
	with := func(k string, v any) map[string]any {
		o := order("bad-1", "XO-70CL", 1, wallet(t))
		o[k] = v
		return o
	}
	ordersOf := func(id string) string { return "/v1/launches/" + id + "/orders" }
	cases := []struct {
		name   string
		method string
		path   string
		key    string
		body   any
		status int
		field  string // "" when the problem names no field
		rule   string
	}{
		{"invalid address", "POST", ordersOf(live), admin, order("o", "XO-70CL", 1, "0x12345"), 400, "customer.wallet", ""},
		{"zero address", "POST", ordersOf(live), admin, order("o", "XO-70CL", 1, "0x0000000000000000000000000000000000000000"), 400, "customer.wallet", ""},
		{"unknown SKU", "POST", ordersOf(live), admin, order("o", "NOPE", 1, wallet(t)), 422, "sku", "unknown_sku"},
		{"missing field", "POST", ordersOf(live), admin, map[string]any{"order_id": "o", "sku": "XO-70CL", "customer": map[string]any{"wallet": wallet(t)}}, 400, "quantity", ""},
		{"missing customer", "POST", ordersOf(live), admin, map[string]any{"order_id": "o", "sku": "XO-70CL", "quantity": 1}, 400, "customer", ""},
		{"extra field", "POST", ordersOf(live), admin, with("coupon", "FREE"), 400, "coupon", ""},
		{"wrong type", "POST", ordersOf(live), admin, with("quantity", "two"), 400, "quantity", ""},
		{"zero quantity", "POST", ordersOf(live), admin, with("quantity", 0), 400, "quantity", ""},
		{"malformed JSON", "POST", ordersOf(live), admin, `{"order_id": "o",`, 400, "", ""},
		{"two JSON values", "POST", ordersOf(live), admin, `{"order_id":"o"} {}`, 400, "", ""},
		{"not JSON content type", "POST", ordersOf(live), admin, nil, 415, "", ""},
		{"2 MB body", "POST", ordersOf(live), admin, big, 413, "", ""},
		{"no key", "POST", ordersOf(live), "", ok, 401, "", ""},
		{"wrong key", "POST", ordersOf(live), "mpk_" + strings.Repeat("0", 64), ok, 401, "", ""},
		{"malformed key", "POST", ordersOf(live), "hunter2", ok, 401, "", ""},
		{"another brand's launch", "POST", ordersOf(live), keysB[brands.RoleAdmin], ok, 404, "", ""},
		{"another brand's orders key", "POST", ordersOf(live), keysB[brands.RoleOrders], ok, 404, "", ""},
		{"staff key", "POST", ordersOf(live), keysA[brands.RoleStaff], ok, 403, "", ""},
		{"unknown launch", "POST", ordersOf("lch_nope"), admin, ok, 404, "", ""},
		{"draft launch", "POST", ordersOf(draft), admin, ok, 422, "", "launch_not_published"},
		{"quantity over the maximum", "POST", ordersOf(live), admin, order("o", "XO-70CL", 1001, wallet(t)), 400, "quantity", ""},
		{"launch missing name", "POST", "/v1/launches", admin, launchBody(map[string]any{"name": nil}), 400, "name", ""},
		{"launch bad image URL", "POST", "/v1/launches", admin, launchBody(map[string]any{"image_url": "not a url"}), 400, "image_url", ""},
		{"launch no SKUs", "POST", "/v1/launches", admin, launchBody(map[string]any{"skus": []any{}}), 400, "skus", ""},
		{"launch duplicate SKU", "POST", "/v1/launches", admin, launchBody(map[string]any{"skus": []any{map[string]any{"sku": "A"}, map[string]any{"sku": "A"}}}), 400, "skus", ""},
		{"launch window reversed", "POST", "/v1/launches", admin, launchBody(map[string]any{"sale_starts_at": "2030-01-02T00:00:00Z", "sale_ends_at": "2030-01-01T00:00:00Z"}), 400, "sale_ends_at", ""},
		{"launch royalty without receiver", "POST", "/v1/launches", admin, launchBody(map[string]any{"royalty_bps": 500}), 400, "royalty_receiver", ""},
		{"launch attribute object value", "POST", "/v1/launches", admin, launchBody(map[string]any{"attributes": []any{map[string]any{"trait_type": "x", "value": map[string]any{}}}}), 400, "attributes[0].value", ""},
		{"launch bad time", "POST", "/v1/launches", admin, launchBody(map[string]any{"sale_starts_at": "next tuesday"}), 400, "sale_starts_at", ""},
		{"launch by orders key", "POST", "/v1/launches", keysA[brands.RoleOrders], launchBody(nil), 403, "", ""},
		{"launch by operator", "POST", "/v1/launches", s.operator, launchBody(nil), 403, "", ""},
		{"publish twice", "POST", "/v1/launches/" + live + "/publish", admin, nil, 422, "", "launch_state"},
		{"patch contract field after publish", "PATCH", "/v1/launches/" + live, admin, map[string]any{"supply_cap": 5}, 409, "supply_cap", ""},
		{"brand by admin", "POST", "/v1/brands", admin, map[string]any{"name": "C"}, 403, "", ""},
		{"key of another brand", "POST", "/v1/brands/" + "brd_x" + "/keys", admin, map[string]any{"role": "admin"}, 404, "", ""},
		{"key with bad role", "POST", "/v1/brands/" + "brd_x" + "/keys", s.operator, map[string]any{"role": "root"}, 400, "role", ""},
		{"unknown route", "GET", "/v1/nothing", admin, nil, 404, "", ""},
		{"pass with bad contract", "GET", "/v1/passes/1337/0xnope/1", admin, nil, 400, "contract", ""},
		{"passes with bad owner", "GET", "/v1/passes?owner=abc", admin, nil, 400, "owner", ""},
		{"metadata of unknown token", "GET", "/metadata/1337/0x1111111111111111111111111111111111111111/1", "", nil, 404, "", ""},
	}
	before := s.counts(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var r response
			switch c.name {
			case "not JSON content type":
				r = s.doRaw(t, c.method, c.path, c.key, "text/plain", "order_id=o")
			case "2 MB body": // the limit is enforced by the server before routing: use a real listener
				r = s.overHTTP(t, c.method, c.path, c.key, c.body.(string))
			default:
				r = s.do(t, c.method, c.path, c.key, c.body)
			}
			if r.status != c.status {
				t.Fatalf("status %d, want %d\n%.600s", r.status, c.status, r.body)
			}
			if ct := r.header.Get("Content-Type"); ct != "application/problem+json" {
				t.Fatalf("content type %q, want application/problem+json", ct)
			}
			p := r.json(t)
			if p["status"] != float64(c.status) || p["title"] == "" || p["type"] == "" || p["detail"] == "" {
				t.Fatalf("incomplete problem: %v", p)
			}
			if c.field != "" && p["field"] != c.field {
				t.Fatalf("field %v, want %q: %v", p["field"], c.field, p)
			}
			if c.rule != "" && p["rule"] != c.rule {
				t.Fatalf("rule %v, want %q: %v", p["rule"], c.rule, p)
			}
		})
	}
	if after := s.counts(t); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("bad requests changed the database: before %v, after %v", before, after)
	}
}

// TestOrderIdempotency: a replayed order returns the same order and writes
// one pass, also when 20 copies arrive at once; a reused order id with
// another body is a conflict.
func TestOrderIdempotency(t *testing.T) {
	s := newStack(t, stackOptions{})
	_, keys := s.brand(t, "A")
	admin, orders := keys[brands.RoleAdmin], keys[brands.RoleOrders]
	id := s.launch(t, admin, nil)
	s.must(t, 202, "POST", "/v1/launches/"+id+"/publish", admin, nil)
	path := "/v1/launches/" + id + "/orders"
	w := wallet(t)

	first := s.do(t, "POST", path, orders, order("A-1", "XO-70CL", 1, w))
	again := s.do(t, "POST", path, orders, order("A-1", "XO-70CL", 1, w))
	if first.status != 202 || again.status != 202 {
		t.Fatalf("statuses %d, %d, want 202, 202", first.status, again.status)
	}
	if first.json(t)["id"] != again.json(t)["id"] || again.header.Get("Idempotent-Replayed") != "true" {
		t.Fatalf("replay returned another order: %s vs %s", first.body, again.body)
	}
	s.must(t, 409, "POST", path, orders, order("A-1", "XO-70CL", 2, w))

	var wg sync.WaitGroup
	ids := make([]any, 20)
	statuses := make([]int, 20)
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := s.do(t, "POST", path, orders, order("B-1", "XO-MAGNUM", 1, w))
			statuses[i], ids[i] = r.status, r.json(t)["id"]
		}()
	}
	wg.Wait()
	for i := range 20 {
		if statuses[i] != 202 || ids[i] != ids[0] {
			t.Fatalf("concurrent copy %d: status %d id %v, want 202 and %v", i, statuses[i], ids[i], ids[0])
		}
	}
	if n := s.counts(t)["passes"]; n != 3 { // 1 for A-1, 2 for B-1 (a magnum earns two)
		t.Fatalf("%d passes, want 3", n)
	}
	o := s.waitOrder(t, orders, ids[0].(string), "minted")
	if ps := o["passes"].([]any); len(ps) != 2 {
		t.Fatalf("order has %d passes, want 2", len(ps))
	}
}

// TestIdempotencyKeyHeader: a replay under the same Idempotency-Key returns
// the stored order; the same key on another order id is a conflict.
func TestIdempotencyKeyHeader(t *testing.T) {
	s := newStack(t, stackOptions{})
	_, keys := s.brand(t, "A")
	admin := keys[brands.RoleAdmin]
	id := s.launch(t, admin, nil)
	s.must(t, 202, "POST", "/v1/launches/"+id+"/publish", admin, nil)
	path := "/v1/launches/" + id + "/orders"
	w := wallet(t)
	send := func(orderID string) response {
		return s.doWithHeader(t, "POST", path, admin, order(orderID, "XO-70CL", 1, w), "Idempotency-Key", "key-1")
	}
	if a, b := send("K-1"), send("K-1"); a.status != 202 || b.status != 202 || a.json(t)["id"] != b.json(t)["id"] {
		t.Fatalf("replay: %d %s / %d %s", a.status, a.body, b.status, b.body)
	}
	if r := send("K-2"); r.status != 409 {
		t.Fatalf("same key, other order: status %d, want 409\n%s", r.status, r.body)
	}
}

// TestSaleRules: each sale rule refuses with 422 naming it and writes
// nothing.
func TestSaleRules(t *testing.T) {
	s := newStack(t, stackOptions{})
	_, keys := s.brand(t, "A")
	admin := keys[brands.RoleAdmin]
	future := time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
	past := time.Now().Add(-time.Hour).UTC().Format(time.RFC3339)
	longAgo := time.Now().Add(-2 * time.Hour).UTC().Format(time.RFC3339)
	publish := func(overrides map[string]any) string {
		id := s.launch(t, admin, overrides)
		s.must(t, 202, "POST", "/v1/launches/"+id+"/publish", admin, nil)
		return id
	}
	small := publish(map[string]any{"supply_cap": 3})
	capped := publish(map[string]any{"per_wallet_cap": 2})
	early := publish(map[string]any{"sale_starts_at": future})
	late := publish(map[string]any{"sale_starts_at": longAgo, "sale_ends_at": past})
	paused := publish(nil)
	s.must(t, 200, "POST", "/v1/launches/"+paused+"/pause", admin, nil)
	ended := publish(nil)
	s.must(t, 200, "POST", "/v1/launches/"+ended+"/end", admin, nil)
	w := wallet(t)
	s.must(t, 202, "POST", "/v1/launches/"+small+"/orders", admin, order("S-1", "XO-MAGNUM", 1, w))
	s.must(t, 202, "POST", "/v1/launches/"+capped+"/orders", admin, order("C-1", "XO-70CL", 1, w))

	cases := []struct {
		name, launch string
		body         map[string]any
		rule         string
	}{
		{"supply cap", small, order("S-2", "XO-MAGNUM", 1, wallet(t)), "supply_cap"},
		{"per-wallet cap", capped, order("C-2", "XO-MAGNUM", 1, w), "per_wallet_cap"},
		{"before the window", early, order("E-1", "XO-70CL", 1, w), "sale_window"},
		{"after the window", late, order("L-1", "XO-70CL", 1, w), "sale_window"},
		{"paused", paused, order("P-1", "XO-70CL", 1, w), "launch_paused"},
		{"ended", ended, order("N-1", "XO-70CL", 1, w), "launch_ended"},
	}
	before := s.counts(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := s.must(t, 422, "POST", "/v1/launches/"+c.launch+"/orders", admin, c.body)
			if p["rule"] != c.rule || !strings.HasSuffix(p["type"].(string), c.rule) {
				t.Fatalf("rule %v type %v, want %s", p["rule"], p["type"], c.rule)
			}
		})
	}
	if after := s.counts(t); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("refused orders changed the database: before %v, after %v", before, after)
	}
	// The remaining supply is still sold exactly.
	s.must(t, 202, "POST", "/v1/launches/"+small+"/orders", admin, order("S-3", "XO-70CL", 1, wallet(t)))
	s.must(t, 422, "POST", "/v1/launches/"+small+"/orders", admin, order("S-4", "XO-70CL", 1, wallet(t)))
	// Resuming reopens the sale.
	s.must(t, 200, "POST", "/v1/launches/"+paused+"/resume", admin, nil)
	s.must(t, 202, "POST", "/v1/launches/"+paused+"/orders", admin, order("P-2", "XO-70CL", 1, w))
}

// TestMintHundredOrders: 100 orders placed while the contract deploys are
// minted in ceil(100 / batch size) transactions, each pass owned on-chain
// by its buyer, with metadata served at its token URI.
func TestMintHundredOrders(t *testing.T) {
	const batch = 40
	s := newStack(t, stackOptions{batchSize: batch, holdMinter: true})
	_, keys := s.brand(t, "A")
	admin, orders := keys[brands.RoleAdmin], keys[brands.RoleOrders]
	id := s.launch(t, admin, map[string]any{"soulbound": true})
	// Orders are accepted while the contract deploys; with the minter held,
	// all 100 are queued before it looks, so the batching is exact.
	s.must(t, 202, "POST", "/v1/launches/"+id+"/publish", admin, nil)

	wallets := make([]string, 100)
	orderIDs := make([]string, 100)
	for i := range wallets {
		wallets[i] = wallet(t)
		o := s.must(t, 202, "POST", "/v1/launches/"+id+"/orders", orders, order(fmt.Sprintf("O-%03d", i), "XO-70CL", 1, wallets[i]))
		orderIDs[i] = o["id"].(string)
	}
	s.startMinter()
	l := s.waitLaunch(t, admin, id, "live")
	contract := common.HexToAddress(l["contract_address"].(string))

	txs := map[string]bool{}
	tokens := make([]string, len(orderIDs)) // on chain
	for i, oid := range orderIDs {
		o := s.waitOrder(t, orders, oid, "minted")
		p := o["passes"].([]any)[0].(map[string]any)
		txs[p["tx_hash"].(string)] = true
		tokens[i], _ = p["chain_token_id"].(string)
		if want, _ := passes.ChainTokenID(wallets[i], 1); p["recipient"] != wallets[i] || p["block_number"] == nil ||
			p["token_id"] != float64(i+1) || tokens[i] != want {
			t.Fatalf("order %d pass %v; want edition %d, token %s", i, p, i+1, want)
		}
		owner, err := s.client.OwnerOf(t.Context(), contract.Hex(), tokens[i])
		if err != nil || owner != wallets[i] {
			t.Fatalf("ownerOf(%v) = %s, %v; want %s", tokens[i], owner, err, wallets[i])
		}
	}
	if want := (100 + batch - 1) / batch; len(txs) != want {
		t.Fatalf("%d mint transactions, want %d", len(txs), want)
	}

	// The token URI on chain points at the metadata this service serves.
	ec := ethclient.NewClient(s.dev.RPC())
	pc := contracts.NewPassCollection()
	seventh, _ := new(big.Int).SetString(tokens[6], 10)
	out, err := ec.CallContract(t.Context(), ethereum.CallMsg{To: &contract, Data: pc.PackTokenURI(seventh)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	uri, err := pc.UnpackTokenURI(out)
	if err != nil {
		t.Fatal(err)
	}
	path := strings.TrimPrefix(uri, "http://metapass.test")
	if path != fmt.Sprintf("/metadata/1337/%s/%s", contract.Hex(), tokens[6]) {
		t.Fatalf("tokenURI %s", uri)
	}
	m := s.must(t, 200, "GET", path, "", nil)
	if m["name"] != "XO Pass #7" || m["image"] != "https://example.com/xo.png" {
		t.Fatalf("metadata %v", m)
	}
	attrs := fmt.Sprint(m["attributes"])
	for _, want := range []string{"Vintage", "Edition", "Transferable"} {
		if !strings.Contains(attrs, want) {
			t.Fatalf("attributes %s lack %s", attrs, want)
		}
	}
	if byEdition := s.must(t, 200, "GET", fmt.Sprintf("/metadata/1337/%s/7", contract.Hex()), "", nil); fmt.Sprint(byEdition) != fmt.Sprint(m) {
		t.Fatalf("metadata by edition %v, by token %v", byEdition, m)
	}
	out, err = ec.CallContract(t.Context(), ethereum.CallMsg{To: &contract, Data: pc.PackContractURI()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if curi, err := pc.UnpackContractURI(out); err != nil || curi != fmt.Sprintf("http://metapass.test/metadata/1337/%s", contract.Hex()) {
		t.Fatalf("contractURI %s, %v", curi, err)
	}
	c := s.must(t, 200, "GET", fmt.Sprintf("/metadata/1337/%s", strings.ToLower(contract.Hex())), "", nil)
	if c["name"] != "XO Pass" || c["symbol"] != "XOP" {
		t.Fatalf("contract metadata %v", c)
	}

	// The pass endpoint reports the current on-chain owner.
	d := s.must(t, 200, "GET", fmt.Sprintf("/v1/passes/1337/%s/7", contract.Hex()), orders, nil)
	if d["current_owner"] != wallets[6] || d["launch"].(map[string]any)["soulbound"] != true || d["chain_token_id"] != tokens[6] {
		t.Fatalf("pass detail %v", d)
	}
	if byToken := s.must(t, 200, "GET", fmt.Sprintf("/v1/passes/1337/%s/%s", contract.Hex(), tokens[6]), orders, nil); fmt.Sprint(byToken) != fmt.Sprint(d) {
		t.Fatalf("pass by token id %v, by edition %v", byToken, d)
	}
	list := s.must(t, 200, "GET", "/v1/passes?owner="+strings.ToLower(wallets[6]), orders, nil)
	if got := len(list["data"].([]any)); got != 1 {
		t.Fatalf("%d passes for owner, want 1", got)
	}
	if r := s.do(t, "GET", "/readyz", "", nil); r.status != http.StatusOK {
		t.Fatalf("readyz %d", r.status)
	}
}

// TestResumeBeforeDeployFinal: a launch paused and resumed while its
// contract deploys goes back to deploying, and is live only once the deploy
// is final.
func TestResumeBeforeDeployFinal(t *testing.T) {
	s := newStack(t, stackOptions{holdMinter: true})
	_, keys := s.brand(t, "A")
	admin := keys[brands.RoleAdmin]
	id := s.launch(t, admin, nil)
	s.must(t, 202, "POST", "/v1/launches/"+id+"/publish", admin, nil)
	s.must(t, 200, "POST", "/v1/launches/"+id+"/pause", admin, nil)
	if l := s.must(t, 200, "POST", "/v1/launches/"+id+"/resume", admin, nil); l["state"] != "deploying" || l["deployed"] != false {
		t.Fatalf("resumed before deploy: %v", l)
	}
	s.startMinter()
	if l := s.waitLaunch(t, admin, id, "live"); l["deployed"] != true {
		t.Fatalf("live launch not deployed: %v", l)
	}
}
