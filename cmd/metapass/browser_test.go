package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/metapass/metapass/passes"
	"github.com/metapass/metapass/siwe"
	"github.com/metapass/metapass/webhooks"
)

// TestBrowser drives the two web pages (package web) in headless Chromium
// against the real serve: the Go side sets up a brand, a launch with passes
// minted to wallets it holds the keys of, perks, an event and its staff key,
// signs the customers in with SIWE and fetches entry codes through the API;
// the playwright-core scripts in web/e2e act as the door staff and the
// customer:
//
//   - staff: the staff key signs in, the event is picked, a typed code is
//     ADMITTED, the same code then REJECTED as already_checked_in, a tampered
//     one as bad_signature; the exit toggle lets the pass out and it is
//     admitted again (the event allows re-entry);
//   - camera: Chromium's fake camera plays a Y4M video of an entry QR code
//     (rendered by the API as PNG); the page reads it and admits the pass once;
//   - wallet: SIWE through a stand-in window.ethereum (the page builds the
//     message, this test signs it), then a pasted session token lists passes and
//     perks and shows the entry QR, whose code then admits at the door.
//
// Every page load must stay on the service's origin and never put a
// credential in a URL. Screenshots of each state go to $METAPASS_SCREENSHOTS
// (a relative path is taken from cmd/metapass) or else a temporary directory;
// the path is logged. It needs node, web/node_modules
// (npm ci in web/) and Chromium ($METAPASS_CHROMIUM or chromium on PATH); it
// skips without them, except under CI=true where that is a failure.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts serve and Chromium")
	}
	tools := browserTools(t)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()

	shots := screenshotDir(t)

	srv := startServe(t, freeAddr(t), "-data-dir", t.TempDir())
	op := newClient(t, srv.base, srv.operatorKey(t))
	brand, admin, l := liveLaunch(t, ctx, op, "Browser", 100)

	// Three customers whose keys the test holds: one for each script.
	door, camera, wallet := newCustomer(t, "door"), newCustomer(t, "camera"), newCustomer(t, "wallet")
	bs := []buyer{door.buyer, camera.buyer, wallet.buyer}
	orders := waitMinted(t, ctx, admin, l.ID, placeOrders(t, ctx, admin, l.ID, bs, 3))
	for i, c := range []*customer{door, camera, wallet} {
		c.pass = orders[i].Passes[0]
	}

	admin.must(t, ctx, "POST", "/v1/launches/"+l.ID+"/perks", map[string]any{
		"kind": "gift", "title": "Welcome drink", "description": "One glass at the bar.",
		"rule":  map[string]any{"holds": map[string]any{"launches": []string{l.ID}}},
		"limit": map[string]any{"per_token": 1}, "payload": map[string]any{"message": "Show this at the bar."},
	}, http.StatusCreated, nil)
	admin.must(t, ctx, "POST", "/v1/launches/"+l.ID+"/perks", map[string]any{
		"kind": "access", "title": "Collectors' lounge",
		"rule": map[string]any{"holds": map[string]any{"launches": []string{l.ID}, "held_days": 30}},
	}, http.StatusCreated, nil)

	now := time.Now().UTC().Truncate(time.Second)
	var ev struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	admin.must(t, ctx, "POST", "/v1/events", map[string]any{
		"name": "Launch Night", "venue": "The Warehouse, Dock 4",
		"starts_at": now.Add(-30 * time.Minute).Format(time.RFC3339), "ends_at": now.Add(3 * time.Hour).Format(time.RFC3339),
		"doors_open_at": now.Add(-time.Hour).Format(time.RFC3339), "capacity": 100,
		"launches": []string{l.ID}, "reentry": "reentry",
	}, http.StatusCreated, &ev)
	var staffKey struct {
		Secret  string `json:"secret"`
		EventID string `json:"event_id"`
	}
	admin.must(t, ctx, "POST", "/v1/events/"+ev.ID+"/staff-keys", map[string]any{}, http.StatusCreated, &staffKey)
	if !strings.HasPrefix(staffKey.Secret, "mpk_") || staffKey.EventID != ev.ID {
		t.Fatalf("staff key %+v, want an mpk_ secret for event %s", staffKey, ev.ID)
	}
	staff := admin.as(staffKey.Secret)

	for _, c := range []*customer{door, camera, wallet} {
		c.session = admin.as(browserSignIn(t, ctx, admin.as(""), brand.ID, c.key))
		waitHolding(t, ctx, c)
	}

	base := map[string]string{
		"METAPASS_BASE":        srv.base,
		"METAPASS_SCREENSHOTS": shots,
		"CHROMIUM":             tools.chromium,
		"EVENT_ID":             ev.ID,
		"STAFF_KEY":            staffKey.Secret,
	}

	t.Run("staff", func(t *testing.T) {
		code := door.entryCode(t, ctx, ev.ID)
		var out struct {
			pageReport
			WrongKey    string     `json:"wrong_key"`
			EventName   string     `json:"event_name"`
			Admitted    panelState `json:"admitted"`
			Again       panelState `json:"again"`
			Tampered    panelState `json:"tampered"`
			ExitToggle  bool       `json:"exit_toggle"`
			Exited      panelState `json:"exited"`
			Reentered   panelState `json:"reentered"`
			History     []struct{ Result, Reason string }
			Counts      struct{ Admitted, Inside string }
			AfterReload struct {
				URL      string `json:"url"`
				SignedIn bool   `json:"signed_in"`
			} `json:"after_reload"`
		}
		tools.run(t, ctx, "staff.mjs", withEnv(base, map[string]string{
			"CODE": code, "TAMPERED_CODE": tamper(code), "GATE": "North door",
		}), &out)
		out.check(t)
		if out.WrongKey == "" {
			t.Error("a wrong staff key showed no sign-in error")
		}
		if out.EventName != ev.Name {
			t.Errorf("event shown %q, want %q", out.EventName, ev.Name)
		}
		wantToken := fmt.Sprintf("#%d", door.pass.TokenID)
		if a := out.Admitted; a.Result != "admitted" || a.Verdict != "ADMITTED" || !strings.Contains(a.Pass, wantToken) ||
			!strings.Contains(a.Holder, door.Wallet.Hex()[:6]) {
			t.Errorf("first check-in panel %+v; want ADMITTED showing pass %s and holder %s", a, wantToken, door.Wallet.Hex())
		}
		if a := out.Again; a.Result != "rejected" || a.Reason != "already_checked_in" || a.Verdict != "REJECTED" || a.Sentence == "" {
			t.Errorf("second check-in panel %+v; want REJECTED, already_checked_in, with a sentence", a)
		}
		if a := out.Tampered; a.Result != "rejected" || a.Reason != "bad_signature" || a.Sentence == "" {
			t.Errorf("tampered code panel %+v; want REJECTED, bad_signature", a)
		}
		if !out.ExitToggle {
			t.Error("no exit toggle for an event allowing re-entry")
		}
		if out.Exited.Result != "exited" || out.Exited.Verdict != "EXITED" || out.Reentered.Result != "admitted" {
			t.Errorf("exit scan %+v, then %+v; want EXITED, then ADMITTED again", out.Exited, out.Reentered)
		}
		if len(out.History) != 5 {
			t.Errorf("history lists %d check-ins, want 5: %+v", len(out.History), out.History)
		}
		if out.Counts.Admitted != "1" || out.Counts.Inside != "1" {
			t.Errorf("event counts shown %+v, want 1 admitted, 1 inside", out.Counts)
		}
		if !out.AfterReload.SignedIn || strings.Contains(out.AfterReload.URL, "mpk_") {
			t.Errorf("after a reload: %+v; want still signed in, no key in the URL", out.AfterReload)
		}
		// The page's check-ins are the service's: the gate typed in is recorded.
		var audit struct {
			Data []struct {
				Result string `json:"result"`
				Reason string `json:"reason"`
				Gate   string `json:"gate"`
				Pass   *struct {
					TokenID uint64 `json:"token_id"`
				} `json:"pass"`
			} `json:"data"`
		}
		admin.must(t, ctx, "GET", "/v1/events/"+ev.ID+"/checkins", nil, http.StatusOK, &audit)
		results := map[string]int{}
		for _, c := range audit.Data {
			if c.Pass != nil && c.Pass.TokenID == door.pass.TokenID {
				results[c.Result+" "+c.Reason]++
				if c.Gate != "North door" {
					t.Errorf("%s check-in recorded at gate %q, want the page's %q", c.Result, c.Gate, "North door")
				}
			}
		}
		if want := map[string]int{"admitted ": 2, "rejected already_checked_in": 1, "exited ": 1}; !maps.Equal(results, want) {
			t.Errorf("audit trail of token %d: %v, want %v", door.pass.TokenID, results, want)
		}
	})

	t.Run("camera", func(t *testing.T) {
		img := camera.entryPNG(t, ctx, ev.ID)
		y4m := filepath.Join(t.TempDir(), "entry-code.y4m")
		if err := writeY4M(y4m, img, 640, 480, 10); err != nil {
			t.Fatal(err)
		}
		var out struct {
			pageReport
			Camera string `json:"camera"`
			Status struct {
				State, Decoder, Text string
			} `json:"status"`
			Video    struct{ Width, Height int } `json:"video"`
			Admitted panelState                  `json:"admitted"`
			After    panelState                  `json:"after"`
			History  []struct{ Result, Reason string }
		}
		tools.run(t, ctx, "camera.mjs", withEnv(base, map[string]string{"Y4M_FILE": y4m, "HOLD_MS": "6000"}), &out)
		out.check(t)
		if out.Camera == "unavailable" {
			t.Skipf("Chromium could not open its fake camera here: %s (%s)", out.Status.Text, out.Status.State)
		}
		t.Logf("camera %dx%d, decoder %s", out.Video.Width, out.Video.Height, out.Status.Decoder)
		if a := out.Admitted; a.Result != "admitted" || !strings.Contains(a.Pass, fmt.Sprintf("#%d", camera.pass.TokenID)) {
			t.Errorf("camera check-in panel %+v; want ADMITTED for pass #%d", a, camera.pass.TokenID)
		}
		if out.After.Result != "admitted" || len(out.History) != 1 {
			t.Errorf("with the code kept in view, the panel went to %+v after %d submissions %+v; want it submitted once", out.After, len(out.History), out.History)
		}
	})

	t.Run("wallet", func(t *testing.T) {
		signer, signed := walletSigner(t, wallet.key)
		var out struct {
			pageReport
			SIWE *struct {
				Wallet string     `json:"wallet"`
				Report pageReport `json:"report"`
			} `json:"siwe"`
			SIWEOffered bool   `json:"siwe_offered_without_wallet"`
			Wallet      string `json:"wallet"`
			Passes      []struct {
				LaunchID string `json:"launch_id"`
				TokenID  string `json:"token_id"`
			} `json:"passes"`
			Perks []struct {
				Eligible string `json:"eligible"`
				Reason   string `json:"reason"`
				Text     string `json:"text"`
			} `json:"perks"`
			Code      string `json:"code"`
			Countdown string `json:"countdown"`
			Decoded   struct {
				Text *string `json:"text"`
			} `json:"decoded"`
		}
		tools.run(t, ctx, "wallet.mjs", withEnv(base, map[string]string{
			"SESSION_TOKEN": wallet.session.key, "WALLET": wallet.Wallet.Hex(),
			"LAUNCH_ID": l.ID, "TOKEN_ID": fmt.Sprint(wallet.pass.TokenID),
			"SIGNER_URL": signer, "SIWE_WALLET": wallet.Wallet.Hex(), "BRAND_ID": brand.ID,
		}), &out)
		out.check(t)

		if out.SIWE == nil || out.SIWE.Wallet != wallet.Wallet.Hex() {
			t.Errorf("SIWE sign-in showed wallet %+v, want %s", out.SIWE, wallet.Wallet.Hex())
		} else {
			out.SIWE.Report.check(t)
		}
		if msgs := signed(); len(msgs) != 1 {
			t.Errorf("the page asked for %d signatures, want 1", len(msgs))
		} else if m, err := siwe.Parse(msgs[0]); err != nil || m.Address != wallet.Wallet || m.Nonce == "" {
			t.Errorf("the page signed %q: parsed %+v, %v", msgs[0], m, err)
		}
		if out.SIWEOffered {
			t.Error("the page offered wallet sign-in without window.ethereum")
		}
		if out.Wallet != wallet.Wallet.Hex() {
			t.Errorf("signed in as %q, want %s", out.Wallet, wallet.Wallet.Hex())
		}
		if len(out.Passes) != 1 || out.Passes[0].LaunchID != l.ID || out.Passes[0].TokenID != fmt.Sprint(wallet.pass.TokenID) {
			t.Errorf("passes listed %+v, want token %d of %s", out.Passes, wallet.pass.TokenID, l.ID)
		}
		var eligible, notYet int
		for _, p := range out.Perks {
			switch {
			case p.Eligible == "true":
				eligible++
			case p.Reason == "held_too_short":
				notYet++
			}
		}
		if len(out.Perks) != 2 || eligible != 1 || notYet != 1 {
			t.Errorf("perks listed %+v; want one eligible and one held_too_short", out.Perks)
		}
		if !strings.HasPrefix(out.Code, "MP") || out.Countdown == "" {
			t.Errorf("entry code %q with countdown %q", out.Code, out.Countdown)
		}
		if out.Decoded.Text == nil || *out.Decoded.Text != out.Code {
			t.Errorf("the QR picture reads %v, want the code shown under it %q", out.Decoded.Text, out.Code)
		}
		// The code the page shows admits its holder at the door.
		var res struct {
			Result string `json:"result"`
			Reason string `json:"reason"`
		}
		staff.must(t, ctx, "POST", "/v1/events/"+ev.ID+"/checkins", map[string]any{"code": out.Code}, http.StatusOK, &res)
		if res.Result != "admitted" {
			t.Errorf("the wallet page's code checked in as %+v, want admitted", res)
		}
	})
}

// customer is a buyer whose wallet key the test holds.
type customer struct {
	buyer
	key     *ecdsa.PrivateKey
	pass    passes.Pass
	session client // calls the API with the customer's session token
}

func newCustomer(t *testing.T, name string) *customer {
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return &customer{buyer: buyer{OrderID: "browser-" + name, Wallet: crypto.PubkeyToAddress(k.PublicKey)}, key: k}
}

func (c *customer) entryPath(eventID string) string {
	q := url.Values{"launch_id": {c.pass.LaunchID}, "token_id": {fmt.Sprint(c.pass.TokenID)}}
	return "/v1/events/" + eventID + "/entry-code?" + q.Encode()
}

// entryCode fetches the customer's current entry code through the API.
func (c *customer) entryCode(t *testing.T, ctx context.Context, eventID string) string {
	t.Helper()
	var ec struct {
		Code      string `json:"code"`
		ExpiresAt string `json:"expires_at"`
	}
	c.session.must(t, ctx, "GET", c.entryPath(eventID), nil, http.StatusOK, &ec)
	if !strings.HasPrefix(ec.Code, "MP") {
		t.Fatalf("entry code %+v", ec)
	}
	return ec.Code
}

// entryPNG fetches the QR code of the customer's entry code as PNG.
func (c *customer) entryPNG(t *testing.T, ctx context.Context, eventID string) image.Image {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, "GET", c.session.base+c.entryPath(eventID)+"&format=png", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+c.session.key)
	resp, err := c.session.hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "image/png" {
		t.Fatalf("entry code PNG: status %d, type %q: %.300s", resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("entry code PNG: %v", err)
	}
	return img
}

// waitHolding waits until the ownership index lists the customer's pass.
func waitHolding(t *testing.T, ctx context.Context, c *customer) {
	t.Helper()
	eventually(t, ctx, "the index to list "+c.Wallet.Hex()+"'s pass", 100*time.Millisecond, func() (bool, string, error) {
		var held struct {
			Data []json.RawMessage `json:"data"`
		}
		if err := c.session.call(ctx, "GET", "/v1/wallets/"+c.Wallet.Hex()+"/passes", nil, http.StatusOK, &held); err != nil {
			return false, "", err
		}
		return len(held.Data) == 1, fmt.Sprintf("%d passes", len(held.Data)), nil
	})
}

// browserSignIn signs key's wallet in to brandID with SIWE through the API
// (public routes: c needs no key) and returns the session token.
func browserSignIn(t *testing.T, ctx context.Context, c client, brandID string, key *ecdsa.PrivateKey) string {
	t.Helper()
	var n struct {
		Nonce   string `json:"nonce"`
		Domain  string `json:"domain"`
		URI     string `json:"uri"`
		ChainID uint64 `json:"chain_id"`
	}
	c.must(t, ctx, "GET", "/v1/auth/siwe/nonce?brand_id="+brandID, nil, http.StatusOK, &n)
	msg := siwe.Message{
		Domain: n.Domain, Address: crypto.PubkeyToAddress(key.PublicKey), URI: n.URI,
		ChainID: n.ChainID, Nonce: n.Nonce, IssuedAt: time.Now().UTC().Truncate(time.Second),
	}.String()
	var s struct {
		Token string `json:"token"`
	}
	c.must(t, ctx, "POST", "/v1/auth/siwe/verify", map[string]any{
		"brand_id": brandID, "message": msg, "signature": personalSign(t, key, []byte(msg)),
	}, http.StatusCreated, &s)
	if !strings.HasPrefix(s.Token, "mps_") {
		t.Fatalf("session token %q", s.Token)
	}
	return s.Token
}

// personalSign signs msg as a wallet's personal_sign does (v of 27/28).
func personalSign(t testing.TB, key *ecdsa.PrivateKey, msg []byte) string {
	b, err := crypto.Sign(accounts.TextHash(msg), key)
	if err != nil {
		t.Fatal(err)
	}
	b[64] += 27
	return hexutil.Encode(b)
}

// walletSigner serves personal_sign for the page's stand-in window.ethereum:
// POST {message_hex, address} → the signature. It returns its URL and the
// messages signed so far.
func walletSigner(t *testing.T, key *ecdsa.PrivateKey) (string, func() []string) {
	var mu sync.Mutex
	var msgs []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			MessageHex string `json:"message_hex"`
			Address    string `json:"address"`
		}
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		msg, err := hexutil.Decode(req.MessageHex)
		if err != nil {
			http.Error(w, "message_hex: "+err.Error(), http.StatusBadRequest)
			return
		}
		if !common.IsHexAddress(req.Address) || common.HexToAddress(req.Address) != crypto.PubkeyToAddress(key.PublicKey) {
			http.Error(w, "asked to sign for "+req.Address, http.StatusBadRequest)
			return
		}
		mu.Lock()
		msgs = append(msgs, string(msg))
		mu.Unlock()
		io.WriteString(w, personalSign(t, key, msg))
	}))
	t.Cleanup(srv.Close)
	return srv.URL, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), msgs...)
	}
}

// tamper changes one character in the middle of the code's last
// (signature) segment.
func tamper(code string) string {
	i := strings.LastIndex(code, ".")
	sig := []byte(code[i+1:])
	j := len(sig) / 2
	if sig[j] == 'A' {
		sig[j] = 'B'
	} else {
		sig[j] = 'A'
	}
	return code[:i+1] + string(sig)
}

// writeY4M writes a w×h, 10 fps YUV4MPEG2 (4:2:0) video of n identical
// frames showing img in grey, scaled by a whole factor to about 4/5 of the
// frame's height and centred on white: what Chromium's fake camera plays.
func writeY4M(path string, img image.Image, w, h, n int) error {
	b := img.Bounds()
	scale := max(1, (h*4/5)/max(b.Dx(), b.Dy()))
	x0, y0 := (w-b.Dx()*scale)/2, (h-b.Dy()*scale)/2
	luma := bytes.Repeat([]byte{255}, w*h)
	for y := 0; y < b.Dy()*scale; y++ {
		for x := 0; x < b.Dx()*scale; x++ {
			if px, py := x0+x, y0+y; px >= 0 && px < w && py >= 0 && py < h {
				luma[py*w+px] = color.GrayModel.Convert(img.At(b.Min.X+x/scale, b.Min.Y+y/scale)).(color.Gray).Y
			}
		}
	}
	chroma := bytes.Repeat([]byte{128}, (w/2)*(h/2))
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	fmt.Fprintf(bw, "YUV4MPEG2 W%d H%d F10:1 Ip A1:1 C420jpeg\n", w, h)
	for range n {
		bw.WriteString("FRAME\n")
		bw.Write(luma)
		bw.Write(chroma) // U
		bw.Write(chroma) // V
	}
	return errors.Join(bw.Flush(), f.Close())
}

// panelState is what a script read off the staff page's result panel.
type panelState struct {
	Result    string `json:"result"`
	Reason    string `json:"reason"`
	CheckinID string `json:"checkin_id"`
	Verdict   string `json:"verdict"`
	Sentence  string `json:"sentence"`
	Pass      string `json:"pass"`
	Holder    string `json:"holder"`
}

// pageReport is what every script reports of the pages' network and errors.
type pageReport struct {
	External      []string `json:"external"`
	Leaked        []string `json:"leaked"`
	PageErrors    []string `json:"page_errors"`
	ConsoleErrors []string `json:"console_errors"`
	Requests      int      `json:"requests"`
	Shots         []string `json:"shots"`
}

func (r pageReport) check(t *testing.T) {
	t.Helper()
	if len(r.External) > 0 {
		t.Errorf("the pages requested other origins: %q", r.External)
	}
	if len(r.Leaked) > 0 {
		t.Errorf("a credential appeared in a URL: %q", r.Leaked)
	}
	if len(r.PageErrors) > 0 {
		t.Errorf("uncaught errors in the page: %q", r.PageErrors)
	}
	if len(r.ConsoleErrors) > 0 {
		t.Logf("console errors (failed requests are expected where a check is refused): %q", r.ConsoleErrors)
	}
	if r.Requests == 0 {
		t.Error("the script saw no request at all; is the request listener working?")
	}
	for _, s := range r.Shots {
		t.Logf("screenshot %s", s)
	}
}

// browser is what the browser scripts need: node, Chromium, web/.
type browser struct {
	node, chromium, web string
}

// browserTools finds node, Chromium and web/node_modules, skipping the test
// (failing it under CI=true) when one is missing.
func browserTools(t *testing.T) browser {
	t.Helper()
	missing := func(format string, args ...any) {
		t.Helper()
		if os.Getenv("CI") == "true" {
			t.Fatalf(format+" (required under CI)", args...)
		}
		t.Skipf(format, args...)
	}
	var b browser
	var err error
	if b.node, err = exec.LookPath("node"); err != nil {
		missing("node not found: %v", err)
	}
	if b.chromium = os.Getenv("METAPASS_CHROMIUM"); b.chromium == "" {
		if b.chromium, err = exec.LookPath("chromium"); err != nil {
			missing("chromium not found (set METAPASS_CHROMIUM to its path): %v", err)
		}
	}
	if b.web, err = filepath.Abs(filepath.Join("..", "..", "web")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(b.web, "node_modules", "playwright-core", "package.json")); err != nil {
		missing("web/node_modules missing (run npm ci in web/): %v", err)
	}
	// Read the scripts here so that go test's cache notices their edits.
	for _, f := range []string{"lib.mjs", "staff.mjs", "camera.mjs", "wallet.mjs", "console.mjs", "docs.mjs"} {
		if _, err := os.ReadFile(filepath.Join(b.web, "e2e", f)); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

const resultPrefix = "E2E_RESULT " // web/e2e/lib.mjs

// run runs web/e2e/script with env added to the environment and decodes its
// result line into out; it fails the test when the script does.
func (b browser) run(t *testing.T, ctx context.Context, script string, env map[string]string, out any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, b.node, filepath.Join("e2e", script))
	cmd.Dir = b.web
	cmd.Env = os.Environ()
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	runErr := cmd.Run()
	t.Logf("node e2e/%s ran %v", script, time.Since(start).Round(time.Millisecond))
	var line string
	for l := range strings.Lines(stdout.String()) {
		if s, ok := strings.CutPrefix(l, resultPrefix); ok {
			line = s
		}
	}
	var res struct {
		OK         bool   `json:"ok"`
		Error      string `json:"error"`
		Screenshot string `json:"screenshot"`
	}
	if line == "" || json.Unmarshal([]byte(line), &res) != nil {
		t.Fatalf("node e2e/%s: %v; no result line\nstdout:\n%s\nstderr:\n%s", script, runErr, stdout.String(), stderr.String())
	}
	if !res.OK || runErr != nil {
		t.Fatalf("node e2e/%s failed (%v): %s\nscreenshot: %s\nstderr:\n%s", script, runErr, res.Error, res.Screenshot, stderr.String())
	}
	if err := json.Unmarshal([]byte(line), out); err != nil {
		t.Fatalf("node e2e/%s result %s: %v", script, line, err)
	}
}

func withEnv(base, more map[string]string) map[string]string {
	m := make(map[string]string, len(base)+len(more))
	for k, v := range base {
		m[k] = v
	}
	for k, v := range more {
		m[k] = v
	}
	return m
}

// screenshotDir is where a browser test puts its screenshots:
// $METAPASS_SCREENSHOTS (a relative path taken from cmd/metapass) or else a
// temporary directory. It logs the path.
func screenshotDir(t *testing.T) string {
	t.Helper()
	shots := os.Getenv("METAPASS_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if abs, err := filepath.Abs(shots); err == nil {
		shots = abs
	}
	t.Logf("screenshots in %s", shots)
	return shots
}

// TestBrowserConsole drives the brand console (/console) and the API
// reference (/docs) in headless Chromium against the real serve. The Go side
// only creates a brand and its admin key through the operator API and runs a
// webhook receiver; web/e2e/console.mjs does the rest through the page:
//
//   - console: a wrong key is refused, the admin key signs in; a launch is
//     created through the form, first without symbol and supply cap (the
//     API's invalid_params shown next to those two fields), then published
//     and seen going draft → deploying → live with its contract; a test order
//     for a fresh wallet is placed through the form and seen turning minted
//     in the live orders list; raising the supply cap after publish shows the
//     API's 409 next to that field, a description change saves; a perk is
//     made with the holds editor and dry-run (the buyer eligible, another
//     wallet not_holding); a webhook endpoint for perk.redeemed (pointing at
//     this test's receiver) is added, its secret shown once and copied; a
//     custodial test order mints, the script redeems the perk for that
//     customer through the API, and the delivery row appears delivered and
//     is redelivered by its button; an event is created and a staff key
//     issued (secret shown once, a link to /staff);
//   - docs: Swagger UI renders /openapi.json with every operation's summary,
//     under a same-origin-only CSP, without a violation.
//
// Then the API is asked whether the page did what it showed, the receiver's
// deliveries are verified with the secret the page showed, and the staff key
// the page showed is used. No request may leave the service's origin, and
// no credential may appear in a URL. Screenshots go where TestBrowser's go.
func TestBrowserConsole(t *testing.T) {
	if testing.Short() {
		t.Skip("starts serve and Chromium")
	}
	tools := browserTools(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	shots := screenshotDir(t)

	// The webhook receiver is local: private targets allowed, as in the
	// README's dev tour.
	srv := startServe(t, freeAddr(t), "-data-dir", t.TempDir(), "-allow-private-targets")
	op := newClient(t, srv.base, srv.operatorKey(t))
	_, admin := setupBrand(t, ctx, op, "Console Brand")
	hookURL, hooks := webhookReceiver(t)
	bs := newBuyers(t, "console", 2)
	buyer, other := bs[0], bs[1]
	base := map[string]string{
		"METAPASS_BASE":        srv.base,
		"METAPASS_SCREENSHOTS": shots,
		"CHROMIUM":             tools.chromium,
	}

	t.Run("console", func(t *testing.T) {
		type fieldError struct {
			Field  string `json:"field"`
			Text   string `json:"text"`
			NextTo string `json:"next_to"`
		}
		type formErrors struct {
			Errors  []fieldError `json:"errors"`
			Invalid []string     `json:"invalid"`
			Message string       `json:"message"`
		}
		var out struct {
			pageReport
			WrongKey     string     `json:"wrong_key"`
			CreateErrors formErrors `json:"create_errors"`
			LaunchID     string     `json:"launch_id"`
			LaunchStates []string   `json:"launch_states"`
			Contract     string     `json:"contract"`
			ActionsLive  []string   `json:"actions_live"`
			Order        struct {
				ID      string `json:"id"`
				OrderID string `json:"order_id"`
				State   string `json:"state"`
				Wallet  string `json:"wallet"`
				Passes  []struct {
					TokenID string `json:"token_id"`
					State   string `json:"state"`
				} `json:"passes"`
				StatesSeen []string `json:"states_seen"`
			} `json:"order"`
			Frozen        formErrors                        `json:"frozen"`
			LockShown     bool                              `json:"lock_shown"`
			Saved         string                            `json:"saved"`
			OwnLaunch     bool                              `json:"own_launch_checked"`
			PerkID        string                            `json:"perk_id"`
			DryRunHolder  struct{ Eligible, Reason string } `json:"dry_run_holder"`
			DryRunOther   struct{ Eligible, Reason string } `json:"dry_run_other"`
			WebhookSecret string                            `json:"webhook_secret"`
			Clipboard     *string                           `json:"clipboard"`
			EndpointID    string                            `json:"endpoint_id"`
			Custodial     struct{ Wallet, State string }    `json:"custodial"`
			Redemption    struct {
				ID     string `json:"id"`
				Wallet string `json:"wallet"`
			} `json:"redemption"`
			Delivered   struct{ ID, State, Attempts string } `json:"delivered"`
			Redelivered struct{ ID, State, Attempts string } `json:"redelivered"`
			EventID     string                               `json:"event_id"`
			StaffKey    string                               `json:"staff_key"`
			StaffLink   string                               `json:"staff_link"`
			AfterReload struct {
				URL      string `json:"url"`
				SignedIn bool   `json:"signed_in"`
			} `json:"after_reload"`
			Dialogs []string       `json:"dialogs"`
			CSP     []string       `json:"csp"`
			Timings map[string]int `json:"timings"`
		}
		const customerRef = "console-customer-1"
		tools.run(t, ctx, "console.mjs", withEnv(base, map[string]string{
			"ADMIN_KEY": admin.key, "WALLET": strings.ToLower(buyer.Wallet.Hex()), "OTHER_WALLET": other.Wallet.Hex(),
			"CUSTOMER_REF": customerRef, "WEBHOOK_URL": hookURL + "/metapass", "LAUNCH_NAME": "Console Pass",
			"ORDER_ID": buyer.OrderID, "ORDER_ID2": buyer.OrderID + "-custodial",
		}), &out)
		out.check(t)
		t.Logf("step timings (ms): %v", out.Timings)
		if len(out.CSP) > 0 {
			t.Errorf("the console broke its Content-Security-Policy: %q", out.CSP)
		}
		if out.WrongKey == "" {
			t.Error("a wrong key showed no sign-in error")
		}

		// invalid_params next to their fields.
		marked := map[string]string{}
		for _, e := range out.CreateErrors.Errors {
			marked[e.Field] = e.NextTo
		}
		if marked["symbol"] != "symbol" || marked["supply_cap"] != "supply_cap" || !slices.Contains(out.CreateErrors.Invalid, "symbol") ||
			!slices.Contains(out.CreateErrors.Invalid, "supply_cap") {
			t.Errorf("create without symbol and supply cap showed %+v; want both errors next to their fields, marked aria-invalid", out.CreateErrors)
		}
		if len(out.Frozen.Errors) != 1 || out.Frozen.Errors[0].Field != "supply_cap" || out.Frozen.Errors[0].NextTo != "supply_cap" ||
			!strings.Contains(out.Frozen.Errors[0].Text, "contract") || !slices.Equal(out.Frozen.Invalid, []string{"supply_cap"}) {
			t.Errorf("a supply cap change after publish showed %+v; want the API's 409 next to supply_cap", out.Frozen)
		}
		if !out.LockShown {
			t.Error("the contract fields of a published launch are not marked fixed")
		}
		if !strings.Contains(out.Saved, "description") {
			t.Errorf("saving a description change said %q", out.Saved)
		}

		// The launch the page created, published and edited is the service's.
		l := getLaunch(t, ctx, admin, out.LaunchID)
		if l.Name != "Console Pass" || l.Symbol != "CON" || l.SupplyCap != 100 || l.State != passes.LaunchLive ||
			l.Description != "Edited after publish." || len(l.SKUs) != 1 || l.SKUs[0].SKU != "TEE-001" {
			t.Errorf("launch %s is %+v; want Console Pass / CON, cap 100, live, edited description, SKU TEE-001", out.LaunchID, l)
		}
		if out.Contract != l.Contract || !common.IsHexAddress(out.Contract) {
			t.Errorf("the page showed contract %q, the API says %q", out.Contract, l.Contract)
		}
		if n := len(out.LaunchStates); n < 2 || out.LaunchStates[0] != "draft" || out.LaunchStates[n-1] != "live" {
			t.Errorf("launch states shown %q; want draft … live", out.LaunchStates)
		}
		if !slices.Equal(out.ActionsLive, []string{"pause", "end"}) {
			t.Errorf("actions offered on a live launch: %q, want pause and end", out.ActionsLive)
		}
		if len(out.Dialogs) != 1 || !strings.Contains(out.Dialogs[0], "Publish") {
			t.Errorf("confirmations asked: %q; want one, before publishing", out.Dialogs)
		}

		// The order placed through the form, minted to the fresh wallet.
		var o passes.Order
		admin.must(t, ctx, "GET", "/v1/orders/"+out.Order.ID, nil, http.StatusOK, &o)
		if o.OrderID != buyer.OrderID || o.Wallet != buyer.Wallet.Hex() || o.State != passes.OrderMinted || len(o.Passes) != 1 ||
			o.Passes[0].State != passes.PassMinted || o.Passes[0].TxHash == "" {
			t.Errorf("order %s is %+v; want %s minted to %s", out.Order.ID, o, buyer.OrderID, buyer.Wallet.Hex())
		}
		if out.Order.State != "minted" || len(out.Order.Passes) != 1 || out.Order.Passes[0].State != "minted" ||
			out.Order.Passes[0].TokenID != fmt.Sprint(o.Passes[0].TokenID) {
			t.Errorf("the orders list showed %+v", out.Order)
		}
		if n := len(out.Order.StatesSeen); n == 0 || out.Order.StatesSeen[n-1] != "minted" {
			t.Errorf("order states seen in the list: %q", out.Order.StatesSeen)
		}
		t.Logf("order states seen live: %s", strings.Join(out.Order.StatesSeen, " → "))

		// The perk and its dry-runs.
		var perkList struct {
			Data []struct {
				ID, Title, Kind string
				Rule            struct {
					Holds struct {
						Launches []string `json:"launches"`
						Min      *int     `json:"min"`
					} `json:"holds"`
				} `json:"rule"`
				Limit struct {
					PerToken int `json:"per_token"`
				} `json:"limit"`
				Redeemed int `json:"redeemed"`
			} `json:"data"`
		}
		admin.must(t, ctx, "GET", "/v1/launches/"+out.LaunchID+"/perks", nil, http.StatusOK, &perkList)
		if len(perkList.Data) != 1 || perkList.Data[0].ID != out.PerkID || perkList.Data[0].Title != "Welcome drink" || perkList.Data[0].Kind != "gift" ||
			!slices.Equal(perkList.Data[0].Rule.Holds.Launches, []string{out.LaunchID}) || perkList.Data[0].Limit.PerToken != 1 || perkList.Data[0].Redeemed != 1 {
			t.Errorf("perks of the launch: %+v; want the one gift made in the page, holds %s, 1 per pass, redeemed once", perkList.Data, out.LaunchID)
		}
		if !out.OwnLaunch {
			t.Error("the perk form did not preselect its own launch")
		}
		if out.DryRunHolder.Eligible != "true" || out.DryRunOther.Eligible != "false" || out.DryRunOther.Reason != "not_holding" {
			t.Errorf("dry-runs: holder %+v, other %+v; want eligible, and not_holding", out.DryRunHolder, out.DryRunOther)
		}

		// The custodial order went to the customer's custodial wallet.
		var cust struct {
			Wallet string `json:"wallet"`
		}
		admin.must(t, ctx, "GET", "/v1/customers/"+customerRef, nil, http.StatusOK, &cust)
		if out.Custodial.State != "minted" || out.Custodial.Wallet != cust.Wallet || out.Redemption.Wallet != cust.Wallet {
			t.Errorf("custodial order %+v, redemption %+v; want both on %s", out.Custodial, out.Redemption, cust.Wallet)
		}

		// The endpoint, and the deliveries the receiver verified with the
		// secret the page showed once.
		var eps struct {
			Data []struct {
				ID     string   `json:"id"`
				URL    string   `json:"url"`
				Events []string `json:"events"`
			} `json:"data"`
		}
		admin.must(t, ctx, "GET", "/v1/webhooks", nil, http.StatusOK, &eps)
		if len(eps.Data) != 1 || eps.Data[0].ID != out.EndpointID || eps.Data[0].URL != hookURL+"/metapass" ||
			!slices.Equal(eps.Data[0].Events, []string{"perk.redeemed"}) {
			t.Errorf("webhook endpoints %+v; want the page's %s for perk.redeemed at %s/metapass", eps.Data, out.EndpointID, hookURL)
		}
		if !strings.HasPrefix(out.WebhookSecret, "whsec_") {
			t.Fatalf("the page showed webhook secret %q", out.WebhookSecret)
		}
		if out.Clipboard == nil {
			t.Log("the clipboard could not be read back here; the copy button's status was checked")
		} else if *out.Clipboard != out.WebhookSecret {
			t.Errorf("the copy button put %q on the clipboard, want the secret", *out.Clipboard)
		}
		if out.Delivered.State != "delivered" || out.Delivered.Attempts != "1" || out.Redelivered.ID != out.Delivered.ID ||
			out.Redelivered.State != "delivered" || out.Redelivered.Attempts != "2" {
			t.Errorf("delivery row %+v, after Redeliver %+v; want delivered once, then twice", out.Delivered, out.Redelivered)
		}
		got := hooks()
		ids := map[string]int{}
		for _, h := range got {
			if err := webhooks.Verify(out.WebhookSecret, h.header, h.body, time.Now(), 5*time.Minute); err != nil {
				t.Errorf("delivery %s does not verify with the secret the page showed: %v", h.header.Get("webhook-id"), err)
			}
			var ev struct {
				Type string `json:"type"`
				Data struct {
					ID string `json:"id"`
				} `json:"data"`
			}
			if err := json.Unmarshal(h.body, &ev); err != nil || ev.Type != "perk.redeemed" {
				t.Errorf("delivery body %s: type %q, %v; want perk.redeemed", h.body, ev.Type, err)
			}
			ids[h.header.Get("webhook-id")]++
		}
		if len(got) != 2 || len(ids) != 1 {
			t.Errorf("the receiver got %d deliveries with webhook-ids %v; want 2 with one id (a redelivery keeps it)", len(got), ids)
		}

		// The event, and the staff key the page showed once.
		var ev struct {
			ID       string   `json:"id"`
			Name     string   `json:"name"`
			Venue    string   `json:"venue"`
			Launches []string `json:"launches"`
			Reentry  string   `json:"reentry"`
			Capacity int      `json:"capacity"`
		}
		admin.as(out.StaffKey).must(t, ctx, "GET", "/v1/events/"+out.EventID, nil, http.StatusOK, &ev)
		if ev.Name != "Console Night" || ev.Venue != "Hall 2" || !slices.Equal(ev.Launches, []string{out.LaunchID}) || ev.Reentry != "reentry" || ev.Capacity != 50 {
			t.Errorf("event seen with the page's staff key: %+v", ev)
		}
		if out.StaffLink != "/staff" {
			t.Errorf("staff key box links to %q, want /staff", out.StaffLink)
		}
		if !out.AfterReload.SignedIn || strings.Contains(out.AfterReload.URL, "mpk_") {
			t.Errorf("after a reload: %+v; want still signed in, no key in the URL", out.AfterReload)
		}
	})

	t.Run("docs", func(t *testing.T) {
		var out struct {
			pageReport
			Status        int      `json:"status"`
			CSP           string   `json:"csp"`
			RenderMs      int      `json:"render_ms"`
			Title         string   `json:"title"`
			Tags          []string `json:"tags"`
			Summaries     []string `json:"summaries"`
			SchemaShown   bool     `json:"schema_mentions_supply_cap"`
			CSPViolations []string `json:"csp_violations"`
		}
		tools.run(t, ctx, "docs.mjs", base, &out)
		out.check(t)
		t.Logf("Swagger UI rendered %d operations in %d ms", len(out.Summaries), out.RenderMs)
		if out.Status != http.StatusOK || !strings.Contains(out.Title, "metapass") {
			t.Errorf("/docs: status %d, title %q", out.Status, out.Title)
		}
		if !strings.Contains(out.CSP, "default-src 'self'") || strings.Contains(out.CSP, "unsafe") || strings.Contains(out.CSP, "http") {
			t.Errorf("/docs CSP %q; want same-origin only, nothing unsafe", out.CSP)
		}
		if len(out.CSPViolations) > 0 {
			t.Errorf("Swagger UI broke the page's CSP: %q", out.CSPViolations)
		}
		// Every operation of the document is shown by its summary.
		var doc struct {
			Paths map[string]map[string]json.RawMessage `json:"paths"`
		}
		admin.as("").must(t, ctx, "GET", "/openapi.json", nil, http.StatusOK, &doc)
		var want []string
		for _, ops := range doc.Paths {
			for method, raw := range ops {
				var op struct {
					Summary string `json:"summary"`
				}
				if method == "parameters" || json.Unmarshal(raw, &op) != nil || op.Summary == "" {
					continue
				}
				want = append(want, op.Summary)
			}
		}
		for _, s := range append(want, "Create a launch", "Place an order", "Redeliver") {
			if !slices.Contains(out.Summaries, s) {
				t.Errorf("/docs does not show the operation %q", s)
			}
		}
		if len(out.Summaries) != len(want) {
			t.Errorf("/docs shows %d operations, the document has %d", len(out.Summaries), len(want))
		}
		if !out.SchemaShown {
			t.Error("the expanded Create a launch shows no request schema with supply_cap")
		}
	})
}

// hookRequest is one request a webhookReceiver got.
type hookRequest struct {
	header http.Header
	body   []byte
}

// webhookReceiver serves webhook deliveries, answering 204, and returns its
// URL and the requests received so far.
func webhookReceiver(t *testing.T) (string, func() []hookRequest) {
	var mu sync.Mutex
	var got []hookRequest
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		mu.Lock()
		got = append(got, hookRequest{header: r.Header.Clone(), body: b})
		mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	return srv.URL, func() []hookRequest {
		mu.Lock()
		defer mu.Unlock()
		return append([]hookRequest(nil), got...)
	}
}
