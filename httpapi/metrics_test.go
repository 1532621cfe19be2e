package httpapi_test

import (
	"regexp"
	"strconv"
	"testing"
)

const testMetricsToken = "metrics-secret"

// TestMetrics: /metrics, with its bearer token, reports orders, passes by state, mint transactions
// and their batches, time to minted, check-ins, redemptions and index lag.
func TestMetrics(t *testing.T) {
	d := newDoor(t, 1) // one order minted, indexed and signed in
	perk := d.s.must(t, 201, "POST", "/v1/launches/"+d.launch+"/perks", d.admin, map[string]any{
		"kind": "access", "title": "lounge", "rule": map[string]any{"holds": map[string]any{"launches": []string{d.launch}}},
	})["id"].(string)
	d.s.must(t, 201, "POST", "/v1/perks/"+perk+"/redemptions", d.sessions[0], map[string]any{})
	ev := d.event(t, nil)
	staff := d.staff(t, ev, nil)
	code := d.code(t, ev, 0)
	d.scan(t, ev, staff, code, nil)
	d.scan(t, ev, staff, code, nil)

	for _, token := range []string{"", "wrong", d.admin} {
		if r := d.s.do(t, "GET", "/metrics", token, nil); r.status != 401 {
			t.Errorf("/metrics with token %q: status %d, want 401", token, r.status)
		}
	}
	r := d.s.do(t, "GET", "/metrics", testMetricsToken, nil)
	if r.status != 200 {
		t.Fatalf("status %d", r.status)
	}
	value := func(series string) float64 {
		t.Helper()
		m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(series) + ` ([0-9.e+-]+)$`).FindSubmatch(r.body)
		if m == nil {
			t.Fatalf("no %s in\n%s", series, r.body)
		}
		v, _ := strconv.ParseFloat(string(m[1]), 64)
		return v
	}
	for series, want := range map[string]float64{
		`metapass_orders_accepted`:                                           1,
		`metapass_passes{state="minted"}`:                                    1,
		`metapass_checkins{result="admitted"}`:                               1,
		`metapass_checkins{result="rejected"}`:                               1,
		`metapass_redemptions`:                                               1,
		`metapass_chain_transactions_total{kind="mint",outcome="confirmed"}`: 1,
		`metapass_mint_batch_passes_count`:                                   1,
		`metapass_mint_batch_passes_sum`:                                     1,
	} {
		if got := value(series); got != want {
			t.Errorf("%s = %v, want %v", series, got, want)
		}
	}
	if v := value(`metapass_time_to_minted_seconds{quantile="0.99"}`); v <= 0 || v > 60 {
		t.Errorf("time to minted p99 = %v s", v)
	}
	if v := value(`metapass_gas_used_total`); v < 21000 {
		t.Errorf("gas used %v", v)
	}
	value(`metapass_index_lag_blocks`)
	value(`metapass_rpc_errors_total`)
}
