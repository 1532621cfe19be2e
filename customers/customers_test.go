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

func TestSignIn(t *testing.T) {
	ctx := t.Context()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	for _, b := range []string{"brd_1", "brd_2"} {
		if err := db.Brands().CreateBrand(ctx, brands.Brand{ID: b, Name: b, CreatedAt: now}); err != nil {
			t.Fatal(err)
		}
	}
	svc := &customers.Service{Store: db.Customers(), Now: func() time.Time { return now }, Domain: "shop.example", ChainID: 1337}
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
