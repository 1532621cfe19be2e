package customers_test

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/customers"
	"github.com/metapass/metapass/siwe"
	"github.com/metapass/metapass/sqlite"
)

// now is the tests' clock.
var now = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// newService returns a sign-in service for domain shop.example on a fresh
// SQLite file holding brands brandIDs.
func newService(t *testing.T, brandIDs ...string) *customers.Service {
	t.Helper()
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for _, b := range brandIDs {
		if err := db.Brands().CreateBrand(t.Context(), brands.Brand{ID: b, Name: b, CreatedAt: now}); err != nil {
			t.Fatal(err)
		}
	}
	return &customers.Service{Store: db.Customers(), Now: func() time.Time { return now }, Domain: "shop.example", ChainID: 1337}
}

func TestSignIn(t *testing.T) {
	ctx := t.Context()
	svc := newService(t, "brd_1", "brd_2")
	key, _ := crypto.GenerateKey()
	sign := func(nonce string, exp time.Time) (string, []byte) {
		t.Helper()
		msg := siwe.Message{Domain: "shop.example", Address: crypto.PubkeyToAddress(key.PublicKey), URI: "https://shop.example/login",
			ChainID: 1337, Nonce: nonce, IssuedAt: now, ExpirationTime: exp}.String()
		sig, err := crypto.Sign(accounts.TextHash([]byte(msg)), key)
		if err != nil {
			t.Fatal(err)
		}
		sig[64] += 27
		return msg, sig
	}

	nonce, err := svc.Nonce(ctx, "brd_1")
	if err != nil {
		t.Fatal(err)
	}
	msg, sig := sign(nonce, time.Time{})
	token, sess, err := svc.SignIn(ctx, "brd_1", msg, sig)
	if err != nil {
		t.Fatal(err)
	}
	if sess.Wallet != crypto.PubkeyToAddress(key.PublicKey).Hex() || !sess.ExpiresAt.Equal(now.Add(time.Hour)) {
		t.Fatalf("session %+v", sess)
	}
	if got, err := svc.Authenticate(ctx, token); err != nil || got.Wallet != sess.Wallet || got.BrandID != "brd_1" {
		t.Fatalf("authenticate: %+v %v", got, err)
	}
	if _, _, err := svc.SignIn(ctx, "brd_1", msg, sig); !errors.Is(err, siwe.ErrNonceUsed) {
		t.Fatalf("replay: %v", err)
	}

	other, _ := svc.Nonce(ctx, "brd_2")
	msg, sig = sign(other, time.Time{})
	if _, _, err := svc.SignIn(ctx, "brd_1", msg, sig); !errors.Is(err, siwe.ErrBadNonce) {
		t.Fatalf("another brand's nonce: %v", err)
	}

	// A message expiring sooner than the session TTL caps the session.
	soon, _ := svc.Nonce(ctx, "brd_1")
	msg, sig = sign(soon, now.Add(10*time.Minute))
	token, sess, err = svc.SignIn(ctx, "brd_1", msg, sig)
	if err != nil || !sess.ExpiresAt.Equal(now.Add(10*time.Minute)) {
		t.Fatalf("short message: %+v %v", sess, err)
	}
	now = now.Add(11 * time.Minute)
	for _, bad := range []string{token, "mps_unknown", "mpk_not_a_session"} {
		if _, err := svc.Authenticate(ctx, bad); metapass.ErrorCode(err) != metapass.EUNAUTHORIZED {
			t.Fatalf("authenticate %q: %v", bad, err)
		}
	}
	// A nonce left unsigned past its TTL is refused.
	stale, _ := svc.Nonce(ctx, "brd_1")
	now = now.Add(11 * time.Minute)
	msg, sig = sign(stale, time.Time{})
	if _, _, err := svc.SignIn(ctx, "brd_1", msg, sig); !errors.Is(err, siwe.ErrBadNonce) {
		t.Fatalf("stale nonce: %v", err)
	}
}

// TestProveClaim: a claim is proved only by a message whose statement names
// the brand and the customer and which expires; every attempt spends its
// nonce; the sign-in URI is https at the domain unless the service is http.
func TestProveClaim(t *testing.T) {
	ctx := t.Context()
	svc := newService(t, "brd_1")
	if got := svc.SignInURI(); got != "https://shop.example" {
		t.Fatalf("sign-in URI %q", got)
	}
	if got := (&customers.Service{Domain: "127.0.0.1:8080", AllowHTTP: true}).SignInURI(); got != "http://127.0.0.1:8080" {
		t.Fatalf("sign-in URI of an http service %q", got)
	}
	key, _ := crypto.GenerateKey()
	prove := func(ref string, edit func(*siwe.Message)) (string, string, error) {
		t.Helper()
		nonce, err := svc.Nonce(ctx, "brd_1")
		if err != nil {
			t.Fatal(err)
		}
		m := siwe.Message{Domain: "shop.example", Address: crypto.PubkeyToAddress(key.PublicKey), URI: svc.SignInURI(),
			Statement: customers.ClaimStatement("brd_1", "C-1"), ChainID: 1337, Nonce: nonce, IssuedAt: now, ExpirationTime: now.Add(time.Minute)}
		if edit != nil {
			edit(&m)
		}
		msg := m.String()
		sig, err := crypto.Sign(accounts.TextHash([]byte(msg)), key)
		if err != nil {
			t.Fatal(err)
		}
		sig[64] += 27
		wallet, err := svc.ProveClaim(ctx, "brd_1", ref, msg, sig)
		if err != nil {
			if _, _, again := svc.SignIn(ctx, "brd_1", msg, sig); !errors.Is(again, siwe.ErrNonceUsed) {
				t.Fatalf("a failed claim left its nonce usable: %v", again)
			}
		}
		return wallet, nonce, err
	}
	if got := customers.ClaimStatement("brd_1", "C-1"); got != "Claim the passes of customer C-1 of brd_1 into this wallet" {
		t.Fatalf("statement %q", got)
	}
	tests := []struct {
		name string
		ref  string
		edit func(*siwe.Message)
		want error
	}{
		{"proved", "C-1", nil, nil},
		{"sign-in message", "C-1", func(m *siwe.Message) { m.Statement = "" }, siwe.ErrWrongStatement},
		{"another customer", "C-2", nil, siwe.ErrWrongStatement},
		{"without expiration", "C-1", func(m *siwe.Message) { m.ExpirationTime = time.Time{} }, siwe.ErrNoExpiration},
		{"expired", "C-1", func(m *siwe.Message) { m.ExpirationTime = now }, siwe.ErrExpired},
		{"over http", "C-1", func(m *siwe.Message) { m.URI = "http://shop.example" }, siwe.ErrWrongURI},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wallet, _, err := prove(tt.ref, tt.edit)
			switch {
			case tt.want == nil && (err != nil || wallet != crypto.PubkeyToAddress(key.PublicKey).Hex()):
				t.Fatalf("wallet %q, %v", wallet, err)
			case tt.want != nil && !errors.Is(err, tt.want):
				t.Fatalf("error %v, want %v", err, tt.want)
			}
		})
	}
	// A reference a statement cannot carry cannot be claimed by signature.
	if _, err := svc.ProveClaim(ctx, "brd_1", `C"1`, "x", nil); metapass.ErrorCode(err) != metapass.ERULE {
		t.Fatalf("unclaimable reference: %v", err)
	}
}
