package httpapi_test

import (
	"crypto/ecdsa"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/customers"
	"github.com/metapass/metapass/siwe"
)

// siweMessage asks for a nonce, signs a SIWE sign-in message with key and
// returns the message and its signature.
func (s *stack) siweMessage(t testing.TB, brandID string, key *ecdsa.PrivateKey) (msg, sig string) {
	t.Helper()
	return s.signedMessage(t, brandID, key, nil)
}

// claimMessage is siweMessage for a claim of customer ref's passes: the
// claim statement and an expiration time.
func (s *stack) claimMessage(t testing.TB, brandID, ref string, key *ecdsa.PrivateKey) (msg, sig string) {
	t.Helper()
	return s.signedMessage(t, brandID, key, func(m *siwe.Message) {
		m.Statement, m.ExpirationTime = customers.ClaimStatement(brandID, ref), m.IssuedAt.Add(5*time.Minute)
	})
}

// signedMessage asks for a nonce and signs with key the message the nonce
// endpoint describes, changed by edit when it is set.
func (s *stack) signedMessage(t testing.TB, brandID string, key *ecdsa.PrivateKey, edit func(*siwe.Message)) (msg, sig string) {
	t.Helper()
	n := s.must(t, 200, "GET", "/v1/auth/siwe/nonce?brand_id="+brandID, "", nil)
	if n["domain"] != siweDomain || n["uri"] != "https://"+siweDomain {
		t.Fatalf("nonce domain %v, uri %v; want %s over https", n["domain"], n["uri"], siweDomain)
	}
	m := siwe.Message{
		Domain: siweDomain, Address: crypto.PubkeyToAddress(key.PublicKey), URI: "https://" + siweDomain,
		ChainID: uint64(n["chain_id"].(float64)), Nonce: n["nonce"].(string), IssuedAt: time.Now().UTC().Truncate(time.Second),
	}
	if edit != nil {
		edit(&m)
	}
	msg = m.String()
	b, err := crypto.Sign(accounts.TextHash([]byte(msg)), key)
	if err != nil {
		t.Fatal(err)
	}
	b[64] += 27
	return msg, hexutil.Encode(b)
}

// signIn signs key's wallet in to brandID and returns the session token.
func (s *stack) signIn(t testing.TB, brandID string, key *ecdsa.PrivateKey) string {
	t.Helper()
	msg, sig := s.siweMessage(t, brandID, key)
	r := s.must(t, 201, "POST", "/v1/auth/siwe/verify", "", map[string]any{"brand_id": brandID, "message": msg, "signature": sig})
	if r["wallet"] != crypto.PubkeyToAddress(key.PublicKey).Hex() || r["brand_id"] != brandID {
		t.Fatalf("session %v", r)
	}
	return r["token"].(string)
}

func newKey(t testing.TB) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestSignInProblems(t *testing.T) {
	s := newStack(t, stackOptions{})
	brandID, _ := s.brand(t, "A")
	key := newKey(t)

	t.Run("unknown brand", func(t *testing.T) {
		s.must(t, 404, "GET", "/v1/auth/siwe/nonce?brand_id=brd_nope", "", nil)
	})
	t.Run("bad signature", func(t *testing.T) {
		msg, _ := s.siweMessage(t, brandID, key)
		_, sig := s.siweMessage(t, brandID, newKey(t)) // another wallet's signature of another message
		p := s.must(t, 401, "POST", "/v1/auth/siwe/verify", "", map[string]any{"brand_id": brandID, "message": msg, "signature": sig})
		if p["rule"] != "bad_signature" {
			t.Fatalf("problem %v, want rule bad_signature", p)
		}
	})
	t.Run("replay", func(t *testing.T) {
		msg, sig := s.siweMessage(t, brandID, key)
		body := map[string]any{"brand_id": brandID, "message": msg, "signature": sig}
		s.must(t, 201, "POST", "/v1/auth/siwe/verify", "", body)
		p := s.must(t, 401, "POST", "/v1/auth/siwe/verify", "", body)
		if p["rule"] != "nonce_used" {
			t.Fatalf("problem %v, want rule nonce_used", p)
		}
	})
}

// TestPerkRedemption signs a holder in and redeems a once-per-pass perk
// 200 times at once: exactly one redemption wins.
func TestPerkRedemption(t *testing.T) {
	s := newStack(t, stackOptions{})
	brandID, keys := s.brand(t, "A")
	admin := keys[brands.RoleAdmin]
	key := newKey(t)
	addr := crypto.PubkeyToAddress(key.PublicKey).Hex()

	launch := s.launch(t, admin, nil)
	s.must(t, 202, "POST", "/v1/launches/"+launch+"/publish", admin, nil)
	s.waitLaunch(t, admin, launch, "live")
	perk := s.must(t, 201, "POST", "/v1/launches/"+launch+"/perks", admin, map[string]any{
		"kind": "gift", "title": "A bottle", "rule": map[string]any{"holds": map[string]any{"launches": []string{launch}}},
		"limit": map[string]any{"per_token": 1}, "payload": map[string]any{"message": "Ask at the counter."},
	})
	perkID := perk["id"].(string)
	if l := s.must(t, 200, "GET", "/v1/launches/"+launch+"/perks", keys[brands.RoleOrders], nil); len(l["data"].([]any)) != 1 {
		t.Fatalf("perks %v", l)
	}
	v := s.must(t, 200, "POST", "/v1/perks/"+perkID+"/dry-run", admin, map[string]any{"wallet": wallet(t)})
	if v["eligible"] != false || v["reason"] != "not_holding" {
		t.Fatalf("dry run %v, want not_holding", v)
	}

	o := s.must(t, 202, "POST", "/v1/launches/"+launch+"/orders", admin, order("o-1", "XO-70CL", 1, addr))
	s.waitOrder(t, admin, o["id"].(string), "minted")
	token := s.signIn(t, brandID, key)
	s.poll(t, "/v1/wallets/"+addr+"/perks", token, func(m map[string]any) bool {
		for _, st := range m["data"].([]any) {
			if st := st.(map[string]any); st["id"] == perkID && st["eligible"] == true {
				return true
			}
		}
		return false
	})

	t.Run("another wallet", func(t *testing.T) {
		s.must(t, 404, "GET", "/v1/wallets/"+wallet(t)+"/perks", token, nil)
	})
	t.Run("admin may read any wallet", func(t *testing.T) {
		s.must(t, 200, "GET", "/v1/wallets/"+wallet(t)+"/perks", admin, nil)
	})
	t.Run("admin redeems only for a named custodial customer", func(t *testing.T) {
		s.must(t, 400, "POST", "/v1/perks/"+perkID+"/redemptions", admin, map[string]any{})
	})
	t.Run("customer cannot list perks", func(t *testing.T) {
		s.must(t, 403, "GET", "/v1/launches/"+launch+"/perks", token, nil)
	})

	const n = 200
	statuses := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses[i] = s.do(t, "POST", "/v1/perks/"+perkID+"/redemptions", token, map[string]any{}).status
		}()
	}
	wg.Wait()
	count := map[int]int{}
	for _, st := range statuses {
		count[st]++
	}
	if count[201] != 1 || count[409] != n-1 {
		t.Fatalf("statuses %v, want one 201 and %d 409", count, n-1)
	}
	l := s.must(t, 200, "GET", "/v1/launches/"+launch+"/perks", admin, nil)
	if got := l["data"].([]any)[0].(map[string]any)["redeemed"]; got != float64(1) {
		t.Fatalf("redeemed %v, want 1", got)
	}
}
