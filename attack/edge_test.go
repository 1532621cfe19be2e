package attack

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/metapass/metapass/internal/localproc"
)

// rpcSecrets are the parts of the RPC URL TestAttackRPCURLSecrets gives
// serve that must never come out of it.
var rpcSecrets = []string{"s3cr3t-pass", "SECRETKEY123", "SECRETQUERY", "user:"}

// TestAttackRPCURLSecrets: an RPC URL carrying credentials, a path token
// and an API key in its query, whose endpoint answers the chain id and
// then fails (with a body echoing the request, as a hostile endpoint
// might) and goes away: none of the secrets reaches /readyz, a problem
// body or the log, which still says where the chain was.
func TestAttackRPCURLSecrets(t *testing.T) {
	var up atomic.Bool
	up.Store(true)
	rpc := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			ID     json.RawMessage `json:"id"`
			Method string          `json:"method"`
		}
		body, _ := io.ReadAll(r.Body)
		if json.Unmarshal(body, &req) != nil || req.Method != "eth_chainId" || !up.Load() {
			http.Error(w, "upstream says: you called "+r.URL.String(), http.StatusBadGateway)
			return
		}
		fmt.Fprintf(w, `{"jsonrpc":"2.0","id":%s,"result":"0x539"}`, req.ID)
	}))
	defer rpc.Close()
	hostPort := strings.TrimPrefix(rpc.URL, "http://")
	rpcURL := "http://user:s3cr3t-pass@" + hostPort + "/v1/SECRETKEY123?apikey=SECRETQUERY"
	s := Start(t, "-rpc-url", rpcURL, "-rpc-timeout", "1s")
	op := s.Operator()
	_, admin, _, _ := s.Brand(t, "Leaky")

	leaks := func(where, text string) {
		t.Helper()
		for _, secret := range rpcSecrets {
			if strings.Contains(text, secret) {
				t.Errorf("%s shows %q: %.2000s", where, secret, text)
			}
		}
	}
	// The endpoint fails every call but the chain id, then goes away.
	check := func(phase string) {
		t.Helper()
		var ready Response
		Eventually(t, 30*time.Second, "/readyz to report the chain", func() (bool, string) {
			ready = op.Do(t, "GET", "/readyz", nil)
			return strings.Contains(ready.String(), `"chain"`), ready.String()
		})
		leaks(phase+" /readyz", ready.String())
		for _, path := range []string{"/v1/wallets/0x1111111111111111111111111111111111111111/passes", "/v1/launches"} {
			r := admin.Do(t, "GET", path, nil)
			leaks(phase+" GET "+path, r.String())
		}
		l := admin.Do(t, "POST", "/v1/launches", map[string]any{"name": "Leak", "symbol": "LK", "description": "d",
			"image_url": "https://example.com/a.png", "supply_cap": 5, "skus": []map[string]any{{"sku": TestSKU}}})
		leaks(phase+" POST /v1/launches", l.String())
		if l.Status == http.StatusCreated {
			r := admin.Do(t, "POST", "/v1/launches/"+l.JSON(t)["id"].(string)+"/publish", nil)
			leaks(phase+" publish", r.String())
		}
	}
	check("failing endpoint")
	up.Store(false)
	rpc.CloseClientConnections()
	rpc.Listener.Close()
	time.Sleep(3 * time.Second) // minter rounds fail and log
	check("endpoint gone")

	out := s.Out.String()
	leaks("the log", out)
	if !strings.Contains(out, hostPort) {
		t.Errorf("the log never names the RPC host %s; the test saw no RPC error:\n%s", hostPort, s.Out.Tail(3000))
	}
}

// TestAttackMetricsNeedToken: /metrics is not public; with
// -metrics-token it needs that bearer token, and -metrics-listen serves
// it on an address of its own.
func TestAttackMetricsNeedToken(t *testing.T) {
	plain := Start(t)
	if r := plain.Client("").Do(t, "GET", "/metrics", nil); r.Status != http.StatusNotFound {
		t.Errorf("/metrics with no token configured: status %d, want 404: %.300s", r.Status, r)
	}

	metricsAddr, err := localproc.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	const token = "scrape-me-7f3a"
	s := Start(t, "-metrics-token", token, "-metrics-listen", metricsAddr)
	for _, key := range []string{"", "wrong", s.OperatorKey} {
		if r := s.Client(key).Do(t, "GET", "/metrics", nil); r.Status != http.StatusUnauthorized {
			t.Errorf("/metrics with %q: status %d, want 401", key, r.Status)
		}
	}
	own := &Client{Base: "http://" + metricsAddr, HTTP: http.DefaultClient}
	for name, c := range map[string]*Client{"-listen": s.Client(token), "-metrics-listen": {Base: own.Base, Key: token, HTTP: own.HTTP}} {
		r := c.Do(t, "GET", "/metrics", nil)
		if r.Status != http.StatusOK || !strings.Contains(r.String(), "metapass_orders_accepted 0") {
			t.Errorf("/metrics on %s with the token: status %d: %.300s", name, r.Status, r)
		}
	}
	if r := own.Do(t, "GET", "/metrics", nil); r.Status != http.StatusUnauthorized {
		t.Errorf("-metrics-listen without the token: status %d, want 401", r.Status)
	}
}

// TestAttackAnonymousWrites: the sign-in nonce endpoint, hammered from
// one address, answers 429 problem+json with Retry-After once the
// address's burst is spent, so it writes at most burst + rate×time rows;
// a key's requests are limited per key; and the service itself deletes
// expired nonces and sessions, finished deliveries and their outbox
// events, keeping what is still young or pending.
func TestAttackAnonymousWrites(t *testing.T) {
	s := Start(t, "-rate-anon", "5", "-rate-key", "5", "-retain-nonces", "1s", "-retain-sessions", "1s",
		"-retain-deliveries", "1h", "-retention-interval", "200ms")
	brand, admin, _, _ := s.Brand(t, "Hammered")
	anon := s.Client("")
	start := time.Now()
	var ok, limited int
	for range 100 {
		r := anon.Do(t, "GET", "/v1/auth/siwe/nonce?brand_id="+brand, nil)
		switch r.Status {
		case http.StatusOK:
			ok++
		case http.StatusTooManyRequests:
			limited++
			if r.Header.Get("Retry-After") == "" || r.Header.Get("Content-Type") != "application/problem+json" ||
				r.JSON(t)["code"] != "rate_limited" {
				t.Fatalf("429 without Retry-After or problem+json: %v %s", r.Header, r)
			}
		default:
			t.Fatalf("nonce: status %d: %s", r.Status, r)
		}
	}
	if most := 20 + int(5*time.Since(start).Seconds()) + 1; ok > most || limited == 0 {
		t.Errorf("100 nonce requests from one address: %d issued, %d limited; want at most %d issued", ok, limited, most)
	}
	var keyLimited int
	for range 60 {
		if r := admin.Do(t, "GET", "/v1/launches", nil); r.Status == http.StatusTooManyRequests {
			keyLimited++
		}
	}
	if keyLimited == 0 {
		t.Error("60 requests at once with one key were never limited (-rate-key 5)")
	}

	// Rows past their age, written as the service would have long ago,
	// beside young ones.
	db, err := sql.Open("sqlite", "file:"+filepath.Join(s.DataDir, "metapass.db")+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	old, young := time.Now().UTC().Add(-2*time.Hour), time.Now().UTC().Add(time.Hour)
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO siwe_nonces (nonce, brand_id, expires_at) VALUES ('old-nonce', ?, ?), ('young-nonce', ?, ?)`, []any{brand, old, brand, young}},
		{`INSERT INTO sessions (hash, brand_id, wallet, expires_at) VALUES (x'01', ?, '0x1', ?), (x'02', ?, '0x1', ?)`, []any{brand, old, brand, young}},
		{`INSERT INTO webhook_endpoints (id, brand_id, url, events, secret, created_at) VALUES ('whk_old', ?, 'https://example.com/h', '[]', 's', ?)`, []any{brand, old}},
		{`INSERT INTO outbox (id, brand_id, type, payload, created_at, fanned_out) VALUES
			('evt_done', ?, 'order.minted', '{}', ?, 1), ('evt_delivered', ?, 'order.minted', '{}', ?, 1),
			('evt_pending', ?, 'order.minted', '{}', ?, 1), ('evt_young', ?, 'order.minted', '{}', ?, 1)`,
			[]any{brand, old, brand, old, brand, old, brand, young}},
		{`INSERT INTO webhook_deliveries (id, endpoint_id, brand_id, event_id, event_type, state, created_at) VALUES
			('dlv_delivered', 'whk_old', ?, 'evt_delivered', 'order.minted', 'delivered', ?),
			('dlv_pending', 'whk_old', ?, 'evt_pending', 'order.minted', 'pending', ?)`, []any{brand, old, brand, old}},
	} {
		if _, err := db.Exec(q.sql, q.args...); err != nil {
			t.Fatalf("%s: %v", q.sql, err)
		}
	}
	ids := func(query string) string {
		rows, err := db.Query(query)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			out = append(out, id)
		}
		return strings.Join(out, ",")
	}
	want := map[string]string{
		`SELECT nonce FROM siwe_nonces WHERE nonce LIKE '%-nonce' ORDER BY nonce`: "young-nonce",
		`SELECT hex(hash) FROM sessions ORDER BY hash`:                            "02",
		`SELECT id FROM webhook_deliveries ORDER BY id`:                           "dlv_pending",
		`SELECT id FROM outbox WHERE id LIKE 'evt_%' ORDER BY id`:                 "evt_pending,evt_young",
	}
	Eventually(t, 10*time.Second, "the janitor to delete what is past its age", func() (bool, string) {
		var status []string
		for q, w := range want {
			if got := ids(q); got != w {
				status = append(status, fmt.Sprintf("%s: %s, want %s", q, got, w))
			}
		}
		return len(status) == 0, strings.Join(status, "; ")
	})
	var nonces int
	if err := db.QueryRow(`SELECT COUNT(*) FROM siwe_nonces WHERE nonce NOT LIKE '%-nonce'`).Scan(&nonces); err != nil || nonces != ok {
		t.Errorf("nonces issued in the last minutes: %d rows (%v), want the %d issued (not yet expired)", nonces, err, ok)
	}
}

// TestAttackBrowserHeaders: every response carries a CSP that forbids
// framing, nosniff and a Referrer-Policy; the dev chain's JSON-RPC gives
// no web page's origin the right to call it.
func TestAttackBrowserHeaders(t *testing.T) {
	rpcAddr, err := localproc.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	s := Start(t, "-dev-rpc-addr", rpcAddr)
	anon := s.Client("")
	for _, path := range []string{"/wallet", "/staff", "/console", "/docs", "/assets/api.js", "/healthz", "/v1/launches", "/nope", "/openapi.json"} {
		r := anon.Do(t, "GET", path, nil)
		csp := r.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "img-src 'self' https:") ||
			r.Header.Get("X-Content-Type-Options") != "nosniff" || r.Header.Get("Referrer-Policy") == "" {
			t.Errorf("GET %s (%d): CSP %q, X-Content-Type-Options %q, Referrer-Policy %q", path, r.Status, csp,
				r.Header.Get("X-Content-Type-Options"), r.Header.Get("Referrer-Policy"))
		}
	}

	evil := &Client{Base: "http://" + rpcAddr, HTTP: http.DefaultClient}
	for _, method := range []string{"OPTIONS", "POST"} {
		r := evil.Do(t, method, "/", `{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}`,
			"Origin", "https://evil.example", "Access-Control-Request-Method", "POST", "Content-Type", "application/json")
		if acao := r.Header.Get("Access-Control-Allow-Origin"); acao != "" {
			t.Errorf("dev chain %s from https://evil.example: Access-Control-Allow-Origin %q", method, acao)
		}
	}
	// A DNS-rebound name is not a host the dev chain answers.
	req, _ := http.NewRequest("POST", "http://"+rpcAddr+"/", strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}`))
	req.Host = "evil.example:" + portOf(t, rpcAddr)
	req.Header.Set("Content-Type", "application/json")
	if resp, err := http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	} else if resp.Body.Close(); resp.StatusCode == http.StatusOK {
		t.Errorf("dev chain answered Host %s", req.Host)
	}
}

func portOf(t *testing.T, addr string) string {
	t.Helper()
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	return port
}

// TestAttackKeys: the operator key can be rotated offline (old 401, new
// 200); a brand key past its expires_at is 401; a staff key outside its
// window is 401 on reads too, not only at the door.
func TestAttackKeys(t *testing.T) {
	s := Start(t)
	brand, admin, _, _ := s.Brand(t, "Keys")

	out, err := exec.Command(bin, "keys", "rotate-operator", "-data-dir", s.DataDir).CombinedOutput()
	if err != nil {
		t.Fatalf("keys rotate-operator: %v\n%s", err, out)
	}
	fresh := regexp.MustCompile(`mpk_[A-Za-z0-9_\-]+`).FindString(string(out))
	if fresh == "" || fresh == s.OperatorKey {
		t.Fatalf("rotate-operator printed no new key:\n%s", out)
	}
	Eventually(t, 5*time.Second, "the old operator key to stop working", func() (bool, string) {
		r := s.Operator().Do(t, "GET", "/v1/brands", nil)
		return r.Status == http.StatusUnauthorized, fmt.Sprint(r.Status)
	})
	s.Client(fresh).Must(t, http.StatusOK, "GET", "/v1/brands", nil)

	expires := time.Now().Add(2 * time.Second)
	k := admin.Must(t, http.StatusCreated, "POST", "/v1/brands/"+brand+"/keys", map[string]any{"role": "orders",
		"expires_at": expires.UTC().Format(time.RFC3339Nano)})
	if k["expires_at"] == nil {
		t.Errorf("issued key lacks expires_at: %v", k)
	}
	expiring := s.Client(k["secret"].(string))
	expiring.Must(t, http.StatusOK, "GET", "/v1/launches", nil)
	time.Sleep(time.Until(expires) + 100*time.Millisecond)
	if r := expiring.Do(t, "GET", "/v1/launches", nil); r.Status != http.StatusUnauthorized {
		t.Errorf("expired key: status %d, want 401: %s", r.Status, r)
	}
	if r := admin.Do(t, "POST", "/v1/brands/"+brand+"/keys", map[string]any{"role": "orders", "expires_at": "2020-01-01T00:00:00Z"}); r.Status != http.StatusBadRequest {
		t.Errorf("key expiring in the past: status %d, want 400", r.Status)
	}

	launch := admin.Must(t, http.StatusCreated, "POST", "/v1/launches", map[string]any{"name": "Door", "symbol": "DR", "description": "d",
		"image_url": "https://example.com/a.png", "supply_cap": 5, "skus": []map[string]any{{"sku": TestSKU}}})["id"].(string)
	now := time.Now().UTC()
	ev := admin.Must(t, http.StatusCreated, "POST", "/v1/events", map[string]any{"name": "Gala", "capacity": 10, "launches": []string{launch},
		"starts_at": now.Add(24 * time.Hour).Format(time.RFC3339), "ends_at": now.Add(30 * time.Hour).Format(time.RFC3339)})["id"].(string)
	staff := func(window map[string]any) *Client {
		return s.Client(admin.Must(t, http.StatusCreated, "POST", "/v1/events/"+ev+"/staff-keys", window)["secret"].(string))
	}
	notYet := staff(map[string]any{"valid_from": now.Add(time.Hour).Format(time.RFC3339)})
	over := staff(map[string]any{"valid_from": now.Add(-2 * time.Hour).Format(time.RFC3339), "valid_until": now.Add(-time.Hour).Format(time.RFC3339)})
	valid := staff(map[string]any{"valid_from": now.Add(-time.Hour).Format(time.RFC3339), "valid_until": now.Add(time.Hour).Format(time.RFC3339)})
	for _, path := range []string{"/v1/events", "/v1/events/" + ev} {
		valid.Must(t, http.StatusOK, "GET", path, nil)
		for name, c := range map[string]*Client{"not yet valid": notYet, "past its window": over} {
			if r := c.Do(t, "GET", path, nil); r.Status != http.StatusUnauthorized {
				t.Errorf("staff key %s reading %s: status %d, want 401: %s", name, path, r.Status, r)
			}
		}
	}
}

// TestAttackRateLimitBehindProxy: behind a trusted load balancer each
// client has its own bucket, and a client cannot escape its bucket by
// writing addresses into X-Forwarded-For itself (the rightmost address not
// of a trusted proxy counts).
func TestAttackRateLimitBehindProxy(t *testing.T) {
	s := Start(t, "-rate-anon", "1", "-trusted-proxies", "127.0.0.0/8")
	anon := s.Client("")
	path := "/metadata/1337/0x0000000000000000000000000000000000000001"
	status := func(xff string) int {
		return anon.Do(t, "GET", path, nil, "X-Forwarded-For", xff).Status
	}
	limitedWithin := func(n int, xff func(i int) string) bool {
		for i := range n {
			if status(xff(i)) == http.StatusTooManyRequests {
				return true
			}
		}
		return false
	}
	if !limitedWithin(20, func(int) string { return "198.51.100.7" }) {
		t.Fatal("20 quick requests of one client behind the proxy: never limited (burst is 4)")
	}
	if got := status("198.51.100.8"); got == http.StatusTooManyRequests {
		t.Fatal("another client behind the same proxy shares the first one's bucket")
	}
	if !limitedWithin(20, func(i int) string { return fmt.Sprintf("192.0.2.%d, 198.51.100.9", i) }) {
		t.Fatal("a client writing a new address before its own in X-Forwarded-For escaped its bucket")
	}
}
