package storetest

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/customers"
	"github.com/metapass/metapass/perks"
	"github.com/metapass/metapass/siwe"
)

func testCustomers(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	at := now()
	for _, n := range []string{"n-used", "n-expired", "n-race"} {
		if err := s.Customers.CreateNonce(ctx, brandA, n, at.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name, brand, nonce string
		at                 time.Time
		want               error
	}{
		{"unknown", brandA, "n-none", at, siwe.ErrBadNonce},
		{"another brand's", brandB, "n-used", at, siwe.ErrBadNonce},
		{"first use", brandA, "n-used", at, nil},
		{"second use", brandA, "n-used", at, siwe.ErrNonceUsed},
		{"expired", brandA, "n-expired", at.Add(time.Minute), siwe.ErrBadNonce},
	} {
		if err := s.Customers.ConsumeNonce(ctx, tc.brand, tc.nonce, tc.at); !errors.Is(err, tc.want) {
			t.Errorf("%s nonce: %v, want %v", tc.name, err, tc.want)
		}
	}
	errs := concurrently(20, func(int) error { return s.Customers.ConsumeNonce(ctx, brandA, "n-race", at) })
	ok := 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case !errors.Is(err, siwe.ErrNonceUsed):
			t.Errorf("racing sign-in: %v", err)
		}
	}
	if ok != 1 {
		t.Fatalf("nonce consumed %d times, want once", ok)
	}

	hash := metapass.HashSecret("session")
	if err := s.Customers.CreateSession(ctx, hash, customers.Session{BrandID: brandA, Wallet: walletA, ExpiresAt: at}); err != nil {
		t.Fatal(err)
	}
	c, err := s.Customers.SessionByHash(ctx, hash)
	if err != nil || c.BrandID != brandA || c.Wallet != walletA || !c.ExpiresAt.Equal(at) {
		t.Fatalf("session: %+v %v", c, err)
	}
	_, err = s.Customers.SessionByHash(ctx, metapass.HashSecret("other"))
	wantCode(t, "unknown session", err, metapass.ENOTFOUND)
}

// perk creates a perk of brand A on launchID.
func perk(t *testing.T, s Stores, launchID string, limit perks.Limit, codes []string) perks.Perk {
	t.Helper()
	p := perks.Perk{ID: metapass.NewID("prk"), BrandID: brandA, LaunchID: launchID, Kind: perks.KindDiscount, Title: "10% off",
		Rule: perks.Rule{Holds: &perks.Holds{Launches: []string{launchID}}}, Limit: limit, CodePool: len(codes),
		Payload: perks.Payload{URL: "https://example.com", Codes: codes}, CreatedAt: now()}
	if n := int64(len(codes)); n > 0 {
		p.Inventory = &n
	}
	if err := s.Perks.CreatePerk(t.Context(), p); err != nil {
		t.Fatal(err)
	}
	return p
}

// redeem is the transaction of perks.Service.Redeem: charge token to
// wallet unless a limit is reached.
func redeem(t *testing.T, s Stores, perkID, wallet string, token perks.TokenKey) (perks.Redemption, error) {
	ctx := t.Context()
	var r perks.Redemption
	err := s.Perks.InTx(ctx, func(tx perks.Tx) error {
		p, err := tx.PerkForUpdate(ctx, brandA, perkID)
		if err != nil {
			return err
		}
		period := p.Limit.Period.Key(time.Now())
		u, err := tx.Usage(ctx, p.ID, wallet, []perks.TokenKey{token}, period)
		if err != nil {
			return err
		}
		if (p.Limit.PerToken > 0 && u.Tokens[token] >= p.Limit.PerToken) || (p.Limit.PerWallet > 0 && u.Wallet >= p.Limit.PerWallet) ||
			(p.Inventory != nil && p.Redeemed >= *p.Inventory) {
			return errLimit
		}
		r = perks.Redemption{ID: metapass.NewID("rdm"), PerkID: p.ID, BrandID: brandA, LaunchID: token.LaunchID, TokenID: token.TokenID,
			Wallet: wallet, Period: period, CreatedAt: now()}
		if err := tx.InsertRedemption(ctx, r); err != nil {
			return err
		}
		if p.CodePool > 0 {
			code, ok, err := tx.TakeCode(ctx, p.ID, r.ID)
			if err != nil {
				return err
			}
			if !ok {
				return fmt.Errorf("perk %s: inventory left but no code", p.ID)
			}
			r.Payload.Codes = []string{code}
		}
		return tx.Emit(ctx, metapass.NewEvent(perks.EventRedeemed, brandA, r.CreatedAt, r))
	})
	return r, err
}

func testPerks(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	l := launch(t, s, 10)
	p := perk(t, s, l.ID, perks.Limit{PerToken: 1}, []string{"C1", "C2"})
	other := perk(t, s, l.ID, perks.Limit{PerWallet: 2, Period: perks.PeriodDay}, nil)
	got, err := s.Perks.GetPerk(ctx, brandA, p.ID)
	if err != nil || got.Title != p.Title || got.Rule.Holds == nil || got.Rule.Holds.Launches[0] != l.ID || got.Limit != p.Limit ||
		got.Inventory == nil || *got.Inventory != 2 || got.CodePool != 2 || got.Payload.URL != p.Payload.URL || !got.CreatedAt.Equal(p.CreatedAt) {
		t.Fatalf("GetPerk: %+v %v", got, err)
	}
	_, err = s.Perks.GetPerk(ctx, brandB, p.ID)
	wantCode(t, "another brand's perk", err, metapass.ENOTFOUND)
	err = s.Perks.InTx(ctx, func(tx perks.Tx) error {
		_, err := tx.PerkForUpdate(ctx, brandB, p.ID)
		return err
	})
	wantCode(t, "PerkForUpdate of another brand", err, metapass.ENOTFOUND)
	for _, tc := range []struct {
		brand, launch string
		want          int
	}{{brandA, "", 2}, {brandA, l.ID, 2}, {brandA, "lch_none", 0}, {brandB, "", 0}} {
		if ps, err := s.Perks.ListPerks(ctx, tc.brand, tc.launch); err != nil || len(ps) != tc.want {
			t.Errorf("ListPerks(%s, %q): %d %v, want %d", tc.brand, tc.launch, len(ps), err, tc.want)
		}
	}

	tok1, tok2 := perks.TokenKey{LaunchID: l.ID, TokenID: 1}, perks.TokenKey{LaunchID: l.ID, TokenID: 2}
	r, err := redeem(t, s, p.ID, walletA, tok1)
	if err != nil || !slices.Equal(r.Payload.Codes, []string{"C1"}) {
		t.Fatalf("first redemption: %+v %v", r, err)
	}
	if _, err := redeem(t, s, p.ID, walletB, tok1); !errors.Is(err, errLimit) {
		t.Fatalf("token redeemed twice: %v", err)
	}
	if r, err = redeem(t, s, p.ID, walletB, tok2); err != nil || !slices.Equal(r.Payload.Codes, []string{"C2"}) {
		t.Fatalf("second token: %+v %v", r, err)
	}
	// The other perk was redeemed on a day long gone.
	if err := s.Perks.InTx(ctx, func(tx perks.Tx) error {
		return tx.InsertRedemption(ctx, perks.Redemption{ID: metapass.NewID("rdm"), PerkID: other.ID, BrandID: brandA, LaunchID: l.ID,
			TokenID: 1, Wallet: walletA, Period: "2000-01-01", CreatedAt: now()})
	}); err != nil {
		t.Fatal(err)
	}
	u, err := s.Perks.Usage(ctx, p.ID, walletA, []perks.TokenKey{tok1, tok2}, perks.PeriodNone.Key(time.Now()))
	if err != nil || u.Wallet != 1 || u.Tokens[tok1] != 1 || u.Tokens[tok2] != 1 {
		t.Fatalf("Usage: %+v %v", u, err)
	}
	used, err := s.Perks.Used(ctx, brandA, walletA, []perks.TokenKey{tok2}, time.Now())
	if err != nil || used[p.ID].Wallet != 1 || used[p.ID].Tokens[tok1] != 1 || used[p.ID].Tokens[tok2] != 1 {
		t.Fatalf("Used of perk %s: %+v %v", p.ID, used, err)
	}
	if _, ok := used[other.ID]; ok {
		t.Errorf("Used counts a redemption of another period: %+v", used[other.ID])
	}
	if ps, _ := s.Perks.ListPerks(ctx, brandA, ""); ps[0].Redeemed+ps[1].Redeemed != 3 {
		t.Errorf("redeemed counts %d+%d, want 3", ps[0].Redeemed, ps[1].Redeemed)
	}
}

// testPerkLimits: 50 redemptions at once of one token of a perk limited to
// 5 per token give exactly 5; 50 at once of distinct tokens of a perk with
// 7 codes give exactly 7, with distinct codes.
func testPerkLimits(t *testing.T, s Stores) {
	seed(t, s)
	l := launch(t, s, 100)
	for _, tc := range []struct {
		name  string
		limit perks.Limit
		codes []string
		token func(i int) uint64
		want  int
	}{
		{"per token", perks.Limit{PerToken: 5}, nil, func(int) uint64 { return 1 }, 5},
		{"code pool", perks.Limit{}, []string{"K1", "K2", "K3", "K4", "K5", "K6", "K7"}, func(i int) uint64 { return uint64(i + 1) }, 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := perk(t, s, l.ID, tc.limit, tc.codes)
			codes := make([][]string, 50)
			errs := concurrently(50, func(i int) error {
				r, err := redeem(t, s, p.ID, fmt.Sprintf("0x%040x", i), perks.TokenKey{LaunchID: l.ID, TokenID: tc.token(i)})
				codes[i] = r.Payload.Codes
				return err
			})
			if n := tally(t, errs, metapass.ECONFLICT); n != tc.want {
				t.Fatalf("%d redemptions, want %d", n, tc.want)
			}
			got, err := s.Perks.GetPerk(t.Context(), brandA, p.ID)
			if err != nil || got.Redeemed != int64(tc.want) {
				t.Fatalf("redeemed %d %v, want %d", got.Redeemed, err, tc.want)
			}
			given := slices.Concat(codes...)
			slices.Sort(given)
			if !slices.Equal(given, tc.codes) {
				t.Fatalf("codes given %v, want each of %v once", given, tc.codes)
			}
		})
	}
}
