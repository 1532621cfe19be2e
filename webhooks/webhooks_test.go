package webhooks

import (
	"fmt"
	"net/http"
	"strconv"
	"testing"
	"time"
)

// TestSignStandardWebhooksVector: the signature matches the example of the
// Standard Webhooks specification, so any of its libraries verifies ours.
func TestSignStandardWebhooksVector(t *testing.T) {
	sig, err := Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, []byte(`{"test": 2432232314}`))
	if err != nil || sig != "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=" {
		t.Fatalf("Sign = %q, %v", sig, err)
	}
}

func TestVerify(t *testing.T) {
	const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	now := time.Unix(1614265330, 0)
	body := []byte(`{"test": 2432232314}`)
	header := func(id string, ts int64, sig string) http.Header {
		h := http.Header{}
		h.Set("webhook-id", id)
		h.Set("webhook-timestamp", strconv.FormatInt(ts, 10))
		h.Set("webhook-signature", sig)
		return h
	}
	good, _ := Sign(secret, "msg_1", now.Unix(), body)
	cases := []struct {
		name   string
		h      http.Header
		body   []byte
		secret string
		ok     bool
	}{
		{"valid", header("msg_1", now.Unix(), good), body, secret, true},
		{"one of several signatures", header("msg_1", now.Unix(), "v1,bm9wZQ== "+good), body, secret, true},
		{"body changed", header("msg_1", now.Unix(), good), []byte(`{"test": 1}`), secret, false},
		{"id changed", header("msg_2", now.Unix(), good), body, secret, false},
		{"other secret", header("msg_1", now.Unix(), good), body, "whsec_c2VjcmV0", false},
		{"too old", header("msg_1", now.Unix()-301, good), body, secret, false},
		{"no signature", header("msg_1", now.Unix(), ""), body, secret, false},
	}
	for _, tc := range cases {
		if err := Verify(tc.secret, tc.h, tc.body, now, 5*time.Minute); (err == nil) != tc.ok {
			t.Errorf("%s: %v, want ok=%v", tc.name, err, tc.ok)
		}
	}
}

func TestClaimAllot(t *testing.T) {
	due := func(endpoints ...string) []Due {
		out := make([]Due, len(endpoints))
		for i, e := range endpoints {
			out[i] = Due{Delivery: Delivery{ID: fmt.Sprint(i), EndpointID: e}}
		}
		return out
	}
	cases := []struct {
		name       string
		c          Claim
		candidates []Due
		want       string // endpoints of what is kept, in order
		enough     int
	}{
		{"share of each", Claim{Limit: 10, PerEndpoint: 2}, due("a", "a", "b", "a", "b"), "aabb", 10},
		{"less what is held", Claim{Limit: 10, PerEndpoint: 2, InFlight: map[string]int{"a": 1}}, due("a", "a", "b"), "ab", 11},
		{"none of a full endpoint", Claim{Limit: 10, PerEndpoint: 2, InFlight: map[string]int{"a": 2}}, due("b"), "b", 10},
		{"the limit, oldest first", Claim{Limit: 2, PerEndpoint: 5}, due("a", "b", "c"), "ab", 2},
	}
	for _, tc := range cases {
		var got string
		for _, x := range tc.c.Allot(tc.candidates) {
			got += x.EndpointID
		}
		if got != tc.want || tc.c.Candidates() != tc.enough {
			t.Errorf("%s: kept %q of %d candidates, want %q of %d", tc.name, got, tc.c.Candidates(), tc.want, tc.enough)
		}
		if full := tc.c.Full(); tc.name == "none of a full endpoint" && (len(full) != 1 || full[0] != "a") {
			t.Errorf("%s: full %v", tc.name, full)
		}
	}
}
