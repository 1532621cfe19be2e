package httpapi_test

import (
	"bytes"
	"crypto/ecdsa"
	"fmt"
	"image/png"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/metapass/metapass/brands"
)

// door is a brand with a live launch and customers holding minted passes,
// ready for events.
type door struct {
	s        *stack
	brandID  string
	admin    string
	launch   string
	contract common.Address
	// holders are the customers; tokens[i] is the pass of holders[i].
	holders []*ecdsa.PrivateKey
	tokens  []uint64 // editions
	// chainTokens[i] is tokens[i]'s id on chain.
	chainTokens []string
	// sessions[i] is holders[i]'s sign-in.
	sessions []string
}

func newDoor(t *testing.T, customers int) *door {
	t.Helper()
	d := &door{}
	var fund []common.Address
	for range customers {
		k := newKey(t)
		d.holders = append(d.holders, k)
		fund = append(fund, crypto.PubkeyToAddress(k.PublicKey))
	}
	d.s = newStack(t, stackOptions{fund: fund})
	var keys map[brands.Role]string
	d.brandID, keys = d.s.brand(t, "A")
	d.admin = keys[brands.RoleAdmin]
	d.launch = d.s.launch(t, d.admin, nil)
	d.s.must(t, 202, "POST", "/v1/launches/"+d.launch+"/publish", d.admin, nil)
	d.contract = common.HexToAddress(d.s.waitLaunch(t, d.admin, d.launch, "live")["contract_address"].(string))
	for i, k := range d.holders {
		addr := crypto.PubkeyToAddress(k.PublicKey).Hex()
		o := d.s.must(t, 202, "POST", "/v1/launches/"+d.launch+"/orders", d.admin, order(fmt.Sprintf("o-%d", i), "XO-70CL", 1, addr))
		m := d.s.waitOrder(t, d.admin, o["id"].(string), "minted")
		d.tokens = append(d.tokens, uint64(m["passes"].([]any)[0].(map[string]any)["token_id"].(float64)))
		d.chainTokens = append(d.chainTokens, m["passes"].([]any)[0].(map[string]any)["chain_token_id"].(string))
		d.sessions = append(d.sessions, d.s.signIn(t, d.brandID, k))
		d.s.poll(t, "/v1/wallets/"+addr+"/passes", d.sessions[i], func(m map[string]any) bool { return len(m["data"].([]any)) == 1 })
	}
	return d
}

// event creates an event admitting the door's launch, starting now.
func (d *door) event(t *testing.T, overrides map[string]any) string {
	t.Helper()
	now := time.Now().UTC()
	body := map[string]any{
		"name": "Cellar night", "venue": "Cognac", "starts_at": now.Add(-10 * time.Minute).Format(time.RFC3339),
		"ends_at": now.Add(3 * time.Hour).Format(time.RFC3339), "capacity": 100, "launches": []string{d.launch},
	}
	for k, v := range overrides {
		body[k] = v
	}
	return d.s.must(t, 201, "POST", "/v1/events", d.admin, body)["id"].(string)
}

// staff issues a staff key for event.
func (d *door) staff(t *testing.T, event string, body map[string]any) string {
	t.Helper()
	if body == nil {
		body = map[string]any{}
	}
	k := d.s.must(t, 201, "POST", "/v1/events/"+event+"/staff-keys", d.admin, body)
	if k["role"] != "staff" || k["event_id"] != event {
		t.Fatalf("staff key %v", k)
	}
	return k["secret"].(string)
}

// code asks for customer i's entry code to event.
func (d *door) code(t *testing.T, event string, i int) string {
	t.Helper()
	q := url.Values{"launch_id": {d.launch}, "token_id": {fmt.Sprint(d.tokens[i])}}
	return d.s.must(t, 200, "GET", "/v1/events/"+event+"/entry-code?"+q.Encode(), d.sessions[i], nil)["code"].(string)
}

// scan checks code in at event with staff's key and returns the answer.
func (d *door) scan(t testing.TB, event, staff, code string, extra map[string]any) map[string]any {
	t.Helper()
	body := map[string]any{"code": code, "gate": "North"}
	for k, v := range extra {
		body[k] = v
	}
	return d.s.must(t, 200, "POST", "/v1/events/"+event+"/checkins", staff, body)
}

func wantScan(t *testing.T, got map[string]any, result, reason string) {
	t.Helper()
	if got["result"] != result || (reason != "" && got["reason"] != reason) {
		t.Fatalf("scan answered %v %v, want %s %s: %v", got["result"], got["reason"], result, reason, got)
	}
}

// TestCheckInAdmitsOnce: a valid code admits its pass with a holder
// summary; the same pass is then refused; and every scan is in the audit
// trail with its staff key and gate.
func TestCheckInAdmitsOnce(t *testing.T) {
	d := newDoor(t, 1)
	ev := d.event(t, nil)
	staff := d.staff(t, ev, nil)
	code := d.code(t, ev, 0)

	got := d.scan(t, ev, staff, code, nil)
	wantScan(t, got, "admitted", "")
	pass, holder := got["pass"].(map[string]any), got["holder"].(map[string]any)
	if pass["token_id"] != float64(d.tokens[0]) || pass["contract_address"] != d.contract.Hex() || pass["launch_id"] != d.launch {
		t.Fatalf("pass %v", pass)
	}
	if holder["wallet"] != crypto.PubkeyToAddress(d.holders[0].PublicKey).Hex() || holder["passes_held"] != float64(1) || holder["held_since"] == nil {
		t.Fatalf("holder %v", holder)
	}
	wantScan(t, d.scan(t, ev, staff, code, nil), "rejected", "already_checked_in")
	wantScan(t, d.scan(t, ev, staff, d.code(t, ev, 0), nil), "rejected", "already_checked_in")

	e := d.s.must(t, 200, "GET", "/v1/events/"+ev, d.admin, nil)
	if e["admitted"] != float64(1) || e["inside"] != float64(1) {
		t.Fatalf("event counts %v", e)
	}
	trail := d.s.must(t, 200, "GET", "/v1/events/"+ev+"/checkins", d.admin, nil)["data"].([]any)
	if len(trail) != 3 {
		t.Fatalf("audit trail has %d scans, want 3: %v", len(trail), trail)
	}
	results := map[string]int{}
	for _, c := range trail {
		c := c.(map[string]any)
		results[fmt.Sprint(c["result"], c["reason"])]++
		if c["gate"] != "North" || !strings.HasPrefix(c["staff_key_id"].(string), "key_") || c["pass"] == nil {
			t.Fatalf("audit entry %v", c)
		}
	}
	if results["admitted<nil>"] != 1 || results["rejectedalready_checked_in"] != 2 {
		t.Fatalf("audit results %v", results)
	}
}

// TestCheckInRejections: each rejection reason from a real scenario.
func TestCheckInRejections(t *testing.T) {
	d := newDoor(t, 3)
	now := time.Now().UTC()
	ev := d.event(t, nil)
	staff := d.staff(t, ev, nil)

	t.Run("bad_signature", func(t *testing.T) {
		code := d.code(t, ev, 0)
		i := strings.LastIndexByte(code, '.') + 5
		tampered := code[:i] + map[bool]string{true: "A", false: "B"}[code[i] != 'A'] + code[i+1:]
		wantScan(t, d.scan(t, ev, staff, tampered, nil), "rejected", "bad_signature")
		wantScan(t, d.scan(t, ev, staff, "not a code", nil), "rejected", "bad_signature")
		// A code whose payload names another token, signed by nobody.
		wantScan(t, d.scan(t, ev, staff, "MP1.AAAA."+strings.Repeat("A", 86), nil), "rejected", "bad_signature")
	})
	t.Run("expired_code", func(t *testing.T) {
		q := url.Values{"launch_id": {d.launch}, "token_id": {fmt.Sprint(d.tokens[0])}}
		c := d.s.must(t, 200, "GET", "/v1/events/"+ev+"/entry-code?"+q.Encode(), d.sessions[0], nil)
		code := c["code"].(string)
		expires, _ := time.Parse(time.RFC3339, c["expires_at"].(string))
		later := expires.Add(time.Second)
		d.s.clock.Store(&later)
		defer d.s.clock.Store(nil)
		wantScan(t, d.scan(t, ev, staff, code, nil), "rejected", "expired_code")
	})
	t.Run("wrong_event", func(t *testing.T) {
		other := d.event(t, map[string]any{"name": "Other"})
		wantScan(t, d.scan(t, other, d.staff(t, other, nil), d.code(t, ev, 0), nil), "rejected", "wrong_event")
	})
	t.Run("outside_hours", func(t *testing.T) {
		future := d.event(t, map[string]any{"starts_at": now.Add(time.Hour).Format(time.RFC3339)})
		early := d.staff(t, future, map[string]any{"valid_from": now.Add(-time.Hour).Format(time.RFC3339)})
		wantScan(t, d.scan(t, future, early, d.code(t, future, 0), nil), "rejected", "outside_hours")
	})
	t.Run("capacity_full", func(t *testing.T) {
		small := d.event(t, map[string]any{"capacity": 1})
		k := d.staff(t, small, nil)
		wantScan(t, d.scan(t, small, k, d.code(t, small, 0), nil), "admitted", "")
		wantScan(t, d.scan(t, small, k, d.code(t, small, 1), nil), "rejected", "capacity_full")
	})
	t.Run("not_owner_now", func(t *testing.T) {
		code := d.code(t, ev, 2)
		buyer := crypto.PubkeyToAddress(newKey(t).PublicKey)
		transfer(t, ethclient.NewClient(d.s.dev.RPC()), d.holders[2], d.contract, buyer, d.chainTokens[2])
		wantScan(t, d.scan(t, ev, staff, code, nil), "rejected", "not_owner_now")
	})
}

// TestCheckInConcurrent: 100 simultaneous scans of one code admit once;
// two staff devices scanning the same code at the same instant give one
// admitted and one already_checked_in.
func TestCheckInConcurrent(t *testing.T) {
	d := newDoor(t, 2)
	ev := d.event(t, nil)
	for _, tc := range []struct {
		name     string
		customer int
		scans    int
		devices  int
	}{
		{"100 scans of one code", 0, 100, 4},
		{"two devices at the same instant", 1, 2, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			devices := make([]string, tc.devices)
			for i := range devices {
				devices[i] = d.staff(t, ev, map[string]any{"label": fmt.Sprint("device ", i)})
			}
			code := d.code(t, ev, tc.customer)
			var (
				wg      sync.WaitGroup
				start   = make(chan struct{})
				mu      sync.Mutex
				answers = map[string]int{}
			)
			for i := range tc.scans {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					r := d.s.do(t, "POST", "/v1/events/"+ev+"/checkins", devices[i%len(devices)], map[string]any{"code": code})
					m := r.json(t)
					mu.Lock()
					answers[fmt.Sprint(r.status, " ", m["result"], " ", m["reason"])]++
					mu.Unlock()
				}()
			}
			close(start)
			wg.Wait()
			if answers["200 admitted <nil>"] != 1 || answers["200 rejected already_checked_in"] != tc.scans-1 {
				t.Fatalf("answers %v", answers)
			}
		})
	}
	if e := d.s.must(t, 200, "GET", "/v1/events/"+ev, d.admin, nil); e["admitted"] != float64(2) {
		t.Fatalf("event counts %v", e)
	}
}

// TestStaffScope: a staff key works only for its event and within its
// window (outside it, it does not authenticate: 401; another event is
// not found for it); a brand-wide staff
// key or another role cannot scan.
func TestStaffScope(t *testing.T) {
	d := newDoor(t, 1)
	now := time.Now().UTC()
	ev, other := d.event(t, nil), d.event(t, map[string]any{"name": "Other"})
	code := d.code(t, ev, 0)
	otherStaff := d.staff(t, other, nil)
	expired := d.staff(t, ev, map[string]any{"valid_from": now.Add(-2 * time.Hour).Format(time.RFC3339), "valid_until": now.Add(-time.Hour).Format(time.RFC3339)})
	notYet := d.staff(t, ev, map[string]any{"valid_from": now.Add(time.Hour).Format(time.RFC3339)})
	_, keys := d.s.brand(t, "B")
	brandStaff := d.s.must(t, 201, "POST", "/v1/brands/"+d.brandID+"/keys", d.s.operator, map[string]any{"role": "staff"})["secret"].(string)
	for name, key := range map[string]string{
		"another event's key": otherStaff, "an expired key": expired, "a key not valid yet": notYet,
		"a brand-wide staff key": brandStaff, "an admin key": d.admin, "a customer session": d.sessions[0],
	} {
		t.Run(name, func(t *testing.T) {
			want := 403
			switch key {
			case expired, notYet:
				want = 401
			case otherStaff: // another event does not exist for it
				want = 404
			}
			if r := d.s.do(t, "POST", "/v1/events/"+ev+"/checkins", key, map[string]any{"code": code}); r.status != want {
				t.Fatalf("status %d: %s", r.status, r.body)
			}
		})
	}
	t.Run("another brand's staff", func(t *testing.T) {
		if r := d.s.do(t, "GET", "/v1/events/"+ev, keys[brands.RoleAdmin], nil); r.status != 404 {
			t.Fatalf("another brand sees the event: %d", r.status)
		}
	})
	t.Run("staff see only their event", func(t *testing.T) {
		es := d.s.must(t, 200, "GET", "/v1/events", otherStaff, nil)["data"].([]any)
		if len(es) != 1 || es[0].(map[string]any)["id"] != other {
			t.Fatalf("staff of one event list %v", es)
		}
		d.s.must(t, 404, "GET", "/v1/events/"+ev, otherStaff, nil)
	})
	wantScan(t, d.scan(t, ev, d.staff(t, ev, nil), code, nil), "admitted", "")
}

// TestReentry: on an event that allows re-entry a pass goes out with an
// exit scan and in again, never in twice at once; on a once-only event an
// exit scan is a client error.
func TestReentry(t *testing.T) {
	d := newDoor(t, 1)
	ev := d.event(t, map[string]any{"reentry": "reentry", "capacity": 1})
	staff := d.staff(t, ev, nil)
	code := d.code(t, ev, 0)
	wantScan(t, d.scan(t, ev, staff, code, map[string]any{"direction": "out"}), "rejected", "not_inside")
	wantScan(t, d.scan(t, ev, staff, code, nil), "admitted", "")
	wantScan(t, d.scan(t, ev, staff, code, nil), "rejected", "already_checked_in")
	wantScan(t, d.scan(t, ev, staff, code, map[string]any{"direction": "out"}), "exited", "")
	wantScan(t, d.scan(t, ev, staff, code, map[string]any{"direction": "in"}), "admitted", "")
	if e := d.s.must(t, 200, "GET", "/v1/events/"+ev, d.admin, nil); e["admitted"] != float64(1) || e["inside"] != float64(1) {
		t.Fatalf("event counts %v", e)
	}
	once := d.event(t, nil)
	r := d.s.do(t, "POST", "/v1/events/"+once+"/checkins", d.staff(t, once, nil), map[string]any{"code": d.code(t, once, 0), "direction": "out"})
	if r.status != 400 || r.json(t)["field"] != "direction" {
		t.Fatalf("exit scan at a once-only event: %d %s", r.status, r.body)
	}
}

// TestEntryCodes: a code rotates every 30 s and lives 60 s, renders as
// PNG and SVG QR codes, and is only issued for a held pass of a launch the
// event admits.
func TestEntryCodes(t *testing.T) {
	d := newDoor(t, 2)
	ev := d.event(t, nil)
	q := url.Values{"launch_id": {d.launch}, "token_id": {fmt.Sprint(d.tokens[0])}}
	path := "/v1/events/" + ev + "/entry-code?" + q.Encode()

	base := time.Now().UTC().Truncate(30 * time.Second).Add(2 * time.Second)
	d.s.clock.Store(&base)
	first := d.s.must(t, 200, "GET", path, d.sessions[0], nil)
	later := base.Add(20 * time.Second)
	d.s.clock.Store(&later)
	if again := d.s.must(t, 200, "GET", path, d.sessions[0], nil); again["code"] != first["code"] {
		t.Fatal("a new code within the same 30 s")
	}
	next := base.Add(30 * time.Second)
	d.s.clock.Store(&next)
	second := d.s.must(t, 200, "GET", path, d.sessions[0], nil)
	if second["code"] == first["code"] {
		t.Fatal("the code did not rotate after 30 s")
	}
	issued, _ := time.Parse(time.RFC3339, first["issued_at"].(string))
	expires, _ := time.Parse(time.RFC3339, first["expires_at"].(string))
	refresh, _ := time.Parse(time.RFC3339, first["refresh_at"].(string))
	if expires.Sub(issued) != time.Minute || refresh.Sub(issued) != 30*time.Second {
		t.Fatalf("code times %v", first)
	}
	d.s.clock.Store(nil)

	r := d.s.do(t, "GET", path+"&format=png", d.sessions[0], nil)
	if r.status != 200 || r.header.Get("Content-Type") != "image/png" {
		t.Fatalf("png: %d %s", r.status, r.header.Get("Content-Type"))
	}
	if img, err := png.Decode(bytes.NewReader(r.body)); err != nil || img.Bounds().Dx() < 200 {
		t.Fatalf("png does not decode: %v", err)
	}
	r = d.s.do(t, "GET", path+"&format=svg", d.sessions[0], nil)
	if r.status != 200 || r.header.Get("Content-Type") != "image/svg+xml" || !bytes.HasPrefix(r.body, []byte("<svg")) {
		t.Fatalf("svg: %d %s %.60s", r.status, r.header.Get("Content-Type"), r.body)
	}

	cases := []struct {
		name, path, key string
		status          int
		field, rule     string
	}{
		{"another's pass", path, d.sessions[1], 403, "", "not_holding"},
		{"no launch", "/v1/events/" + ev + "/entry-code?token_id=1", d.sessions[0], 400, "launch_id", ""},
		{"bad token", "/v1/events/" + ev + "/entry-code?launch_id=" + d.launch + "&token_id=x", d.sessions[0], 400, "token_id", ""},
		{"bad format", path + "&format=gif", d.sessions[0], 400, "format", ""},
		{"launch not admitted", "/v1/events/" + ev + "/entry-code?launch_id=lch_other&token_id=1", d.sessions[0], 403, "launch_id", "wrong_event"},
		{"unknown event", "/v1/events/evt_none/entry-code?" + q.Encode(), d.sessions[0], 404, "", ""},
		{"brand key without customer_ref", path, d.admin, 400, "customer_ref", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := d.s.do(t, "GET", tc.path, tc.key, nil)
			p := r.json(t)
			if r.status != tc.status || (tc.field != "" && p["field"] != tc.field) || (tc.rule != "" && p["rule"] != tc.rule) {
				t.Fatalf("status %d, want %d (field %q rule %q): %s", r.status, tc.status, tc.field, tc.rule, r.body)
			}
		})
	}
	ended := d.event(t, map[string]any{"starts_at": time.Now().Add(-3 * time.Hour).Format(time.RFC3339), "ends_at": time.Now().Add(-time.Hour).Format(time.RFC3339)})
	if r := d.s.do(t, "GET", strings.Replace(path, ev, ended, 1), d.sessions[0], nil); r.status != 422 || r.json(t)["rule"] != "event_ended" {
		t.Fatalf("code for an ended event: %d %s", r.status, r.body)
	}
}
