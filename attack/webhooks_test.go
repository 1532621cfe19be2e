package attack

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// hookServer is a local webhook receiver: it records what it gets and
// answers with reply.
type hookServer struct {
	*httptest.Server
	mu  sync.Mutex
	got []hookHit
}

type hookHit struct {
	path  string
	at    time.Time
	event struct {
		ID   string    `json:"id"`
		Type string    `json:"type"`
		At   time.Time `json:"created_at"`
	}
}

func newHookServer(t *testing.T, reply func(w http.ResponseWriter, r *http.Request)) *hookServer {
	t.Helper()
	h := &hookServer{}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hit := hookHit{path: r.URL.Path, at: time.Now()}
		body, _ := io.ReadAll(r.Body)
		_ = json.Unmarshal(body, &hit.event)
		h.mu.Lock()
		h.got = append(h.got, hit)
		h.mu.Unlock()
		reply(w, r)
	}))
	t.Cleanup(h.Close)
	return h
}

func (h *hookServer) hits() []hookHit {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.got)
}

// stop ends s's process and waits until it is gone, so another may open
// its data directory.
func (s *Service) stop(t *testing.T) {
	t.Helper()
	pid := s.cmd.Process.Pid
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	Eventually(t, 30*time.Second, "serve to exit", func() (bool, string) {
		return errors.Is(syscall.Kill(pid, 0), syscall.ESRCH), "still running"
	})
}

func randomWallet(t *testing.T) string {
	t.Helper()
	b := make([]byte, 20)
	_, _ = rand.Read(b)
	return "0x" + hex.EncodeToString(b)
}

// placeOrder places a one-unit order on launch and returns its id.
func placeOrder(t *testing.T, orders *Client, launch string) string {
	t.Helper()
	ref := "atk-" + randomWallet(t)[2:14]
	return orders.Must(t, http.StatusAccepted, "POST", "/v1/launches/"+launch+"/orders", map[string]any{
		"order_id": ref, "sku": TestSKU, "quantity": 1, "customer": map[string]any{"wallet": randomWallet(t)},
	})["id"].(string)
}

// deliveries lists admin's brand's webhook deliveries.
func deliveries(t *testing.T, admin *Client) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, d := range admin.Must(t, http.StatusOK, "GET", "/v1/webhooks/deliveries?limit=200", nil)["data"].([]any) {
		out = append(out, d.(map[string]any))
	}
	return out
}

// TestAttackWebhookTargets (finding 2): a brand cannot aim webhooks at the
// operator's network. Registration refuses loopback, private, link-local,
// CGNAT, multicast, unspecified and IPv6 ULA/link-local targets, and names
// resolving to them; a stored endpoint that points inward (registered
// while private targets were allowed, as a rebinding name would end up) is
// refused at dial time; a redirect is never followed; a failure is stored
// as what failed, never as what the target answered.
func TestAttackWebhookTargets(t *testing.T) {
	secret := "INTERNAL-BANNER-do-not-echo"
	redirectTarget := newHookServer(t, func(w http.ResponseWriter, r *http.Request) {})
	redirector := newHookServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, redirectTarget.URL+"/stolen", http.StatusTemporaryRedirect)
	})
	failing := newHookServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = io.WriteString(w, secret)
	})

	t.Run("registration", func(t *testing.T) {
		s := Start(t)
		_, admin, _, _ := s.Brand(t, "SSRF Brand")
		for _, u := range []string{
			failing.URL, // plain http, and loopback
			"https://127.0.0.1/hook", "https://127.0.0.1:8443/hook", "https://[::1]/hook", "https://[::ffff:127.0.0.1]/hook",
			"https://10.0.0.1/hook", "https://172.16.5.4/hook", "https://192.168.0.1/hook", "https://169.254.169.254/latest/meta-data/",
			"https://100.64.0.1/hook", "https://224.0.0.1/hook", "https://0.0.0.0/hook", "https://[fd12:3456::1]/hook",
			"https://[fe80::1]/hook", "https://localhost/hook", "http://93.184.215.14/hook",
		} {
			r := admin.Do(t, "POST", "/v1/webhooks", map[string]any{"url": u, "events": []string{"order.minted"}})
			if r.Status != http.StatusBadRequest || r.JSON(t)["field"] != "url" {
				t.Errorf("registering %s: %d %s, want 400 naming url", u, r.Status, r.Body)
			}
		}
		admin.Must(t, http.StatusCreated, "POST", "/v1/webhooks", map[string]any{"url": "https://93.184.215.14/hook", "events": []string{"order.minted"}})
		if eps := admin.Must(t, http.StatusOK, "GET", "/v1/webhooks", nil)["data"].([]any); len(eps) != 1 {
			t.Fatalf("%d endpoints stored, want the one public one", len(eps))
		}
	})

	t.Run("delivery", func(t *testing.T) {
		s := Start(t, "-allow-private-targets")
		_, admin, orders, _ := s.Brand(t, "SSRF Delivery Brand")
		launch := LiveLaunch(t, admin, nil)["id"].(string)
		for _, u := range []string{redirector.URL + "/hook", failing.URL + "/hook"} {
			admin.Must(t, http.StatusCreated, "POST", "/v1/webhooks", map[string]any{"url": u, "events": []string{"order.minted"}})
		}
		placeOrder(t, orders, launch)
		Eventually(t, time.Minute, "two failed attempts", func() (bool, string) {
			ds := deliveries(t, admin)
			return len(ds) == 2 && ds[0]["attempts"].(float64) >= 1 && ds[1]["attempts"].(float64) >= 1, fmt.Sprint(ds)
		})
		for _, d := range deliveries(t, admin) {
			want := "HTTP 500"
			if d["last_status"].(float64) == 307 {
				want = "redirect not followed (HTTP 307)"
			}
			if d["state"] != "pending" || d["last_error"] != want {
				t.Errorf("delivery %v, want pending with last_error %q", d, want)
			}
		}
		if hits := redirectTarget.hits(); len(hits) != 0 {
			t.Errorf("the redirect was followed: its target got %v", hits)
		}

		// The same data, served without private targets: the stored
		// endpoints point inward and every attempt is refused at dial time.
		s.stop(t)
		before := len(redirector.hits()) + len(failing.hits())
		s2 := Start(t, "-data-dir", s.DataDir)
		admin.Base, orders.Base = s2.Base, s2.Base
		id := placeOrder(t, orders, launch)
		Eventually(t, time.Minute, "the new order's deliveries refused", func() (bool, string) {
			var refused int
			ds := deliveries(t, admin)
			for _, d := range ds {
				if d["last_error"] == "target address not allowed" {
					refused++
				}
			}
			return refused == 2, fmt.Sprint(ds)
		})
		if after := len(redirector.hits()) + len(failing.hits()); after != before {
			t.Errorf("the receivers got %d requests after private targets were disallowed (order %s)", after-before, id)
		}
		for _, d := range deliveries(t, admin) {
			if b, _ := json.Marshal(d); strings.Contains(string(b), secret) || strings.Contains(string(b), "127.0.0.1") {
				t.Errorf("a delivery shows what answered: %s", b)
			}
		}
	})
}

// TestAttackWebhookFairness (finding 3): one brand's 64 endpoints that
// hang do not delay another brand's deliveries: brand B's order.minted
// arrives within 5 s of the mint (p99) while all of brand A's attempts
// hang until their timeout.
func TestAttackWebhookFairness(t *testing.T) {
	hang := make(chan struct{})
	hanging := newHookServer(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-hang:
		case <-r.Context().Done():
		}
	})
	t.Cleanup(func() { close(hang) })
	fast := newHookServer(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })

	s := Start(t, "-allow-private-targets", "-webhook-timeout", "30s")
	_, adminA, ordersA, _ := s.Brand(t, "Hanging Brand")
	_, adminB, ordersB, _ := s.Brand(t, "Bystander Brand")
	launchA := LiveLaunch(t, adminA, nil)["id"].(string)
	launchB := LiveLaunch(t, adminB, nil)["id"].(string)
	for i := range 64 {
		adminA.Must(t, http.StatusCreated, "POST", "/v1/webhooks", map[string]any{
			"url": fmt.Sprintf("%s/a/%d", hanging.URL, i), "events": []string{"order.minted"}})
	}
	adminB.Must(t, http.StatusCreated, "POST", "/v1/webhooks", map[string]any{"url": fast.URL + "/b", "events": []string{"order.minted"}})

	ordersN, bN := 4, 10
	if full() {
		ordersN, bN = 20, 50
	}
	for range ordersN { // 64 hanging deliveries each
		placeOrder(t, ordersA, launchA)
	}
	Eventually(t, time.Minute, "brand A's endpoints hanging", func() (bool, string) {
		n := len(hanging.hits())
		return n >= 8, fmt.Sprint(n, " attempts hanging")
	})
	for range bN {
		placeOrder(t, ordersB, launchB)
		time.Sleep(100 * time.Millisecond)
	}
	Eventually(t, 30*time.Second, "brand B's deliveries", func() (bool, string) {
		n := len(fast.hits())
		return n >= bN, fmt.Sprint(n, " of ", bN, " delivered")
	})
	var lat []time.Duration
	for _, h := range fast.hits() {
		lat = append(lat, h.at.Sub(h.event.At))
	}
	slices.Sort(lat)
	p99 := lat[(len(lat)*99+99)/100-1]
	t.Logf("brand B: %d deliveries, p50 %v, p99 %v after the mint, while %d attempts to brand A hang",
		len(lat), lat[len(lat)/2], p99, len(hanging.hits()))
	if p99 > 5*time.Second {
		t.Fatalf("brand B's p99 delivery latency %v, want under 5s", p99)
	}
}
