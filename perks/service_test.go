package perks_test

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/passes"
	"github.com/metapass/metapass/perks"
	"github.com/metapass/metapass/sqlite"
)

// holdings is what the ownership index answers, set by the test; the
// transfers it stands for are real chain transfers in the indexer's tests.
type holdings struct {
	mu   sync.Mutex
	held map[string][]perks.Held
}

func (h *holdings) Held(_ context.Context, _, wallet string) ([]perks.Held, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.held[wallet], nil
}

func (h *holdings) set(wallet string, held ...perks.Held) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.held[wallet] = held
}

type fixture struct {
	svc      *perks.Service
	h        *holdings
	launchID string
	now      time.Time
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	ctx := t.Context()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	if err := db.Brands().CreateBrand(ctx, brands.Brand{ID: "brd_1", Name: "A", CreatedAt: now}); err != nil {
		t.Fatal(err)
	}
	ps := &passes.Service{Store: db.Passes(), ChainID: 1337, Now: func() time.Time { return now }}
	l, err := ps.CreateLaunch(ctx, "brd_1", passes.Launch{Name: "XO", Symbol: "XO", SupplyCap: 10, SKUs: []passes.SKU{{SKU: "A", PassesPerUnit: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	h := &holdings{held: map[string][]perks.Held{}}
	return &fixture{svc: &perks.Service{Store: db.Perks(), Holdings: h, Now: func() time.Time { return now }}, h: h, launchID: l.ID, now: now}
}

func (f *fixture) perk(t testing.TB, edit func(*perks.Perk)) perks.Perk {
	t.Helper()
	p := perks.Perk{LaunchID: f.launchID, Kind: perks.KindDiscount, Title: "10% off",
		Rule: perks.Rule{Holds: &perks.Holds{Launches: []string{f.launchID}}}, Payload: perks.Payload{Message: "Welcome"}}
	edit(&p)
	p, err := f.svc.CreatePerk(t.Context(), "brd_1", p)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func code(err error) string { return metapass.ErrorCode(err) }

// TestConcurrentRedemptions: 200 simultaneous attempts at a one-time perk
// give exactly one success and 199 conflicts, and its inventory is exact.
func TestConcurrentRedemptions(t *testing.T) {
	f := newFixture(t)
	one := int64(1)
	p := f.perk(t, func(p *perks.Perk) {
		p.Limit.PerToken, p.Inventory, p.Payload.Codes = 1, &one, []string{"ONLY-CODE"}
	})
	f.h.set("0xA", perks.Held{LaunchID: f.launchID, TokenID: 1, Since: f.now.AddDate(0, 0, -1)})
	var wg sync.WaitGroup
	errs := make([]error, 200)
	rs := make([]perks.Redemption, 200)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rs[i], errs[i] = f.svc.Redeem(context.Background(), "brd_1", p.ID, "0xA", nil)
		}()
	}
	wg.Wait()
	ok, conflicts := 0, 0
	for i, err := range errs {
		switch code(err) {
		case "":
			ok++
			if rs[i].Payload.Codes[0] != "ONLY-CODE" {
				t.Fatalf("payload %+v", rs[i].Payload)
			}
		case metapass.ECONFLICT:
			conflicts++
		default:
			t.Fatalf("attempt %d: %v", i, err)
		}
	}
	if ok != 1 || conflicts != 199 {
		t.Fatalf("%d successes and %d conflicts, want 1 and 199", ok, conflicts)
	}
	st, _ := f.svc.Eligibility(t.Context(), "brd_1", "0xA")
	if st[0].Redeemed != 1 || st[0].Eligible || st[0].Reason != perks.ReasonSoldOut {
		t.Fatalf("after: %+v", st[0])
	}
}

// TestLimitsFollowTheToken: a per-token perk used by one holder stays used
// for the next; a per-wallet perk is the new holder's to use.
func TestLimitsFollowTheToken(t *testing.T) {
	f := newFixture(t)
	perToken := f.perk(t, func(p *perks.Perk) { p.Limit.PerToken = 1 })
	perWallet := f.perk(t, func(p *perks.Perk) { p.Limit.PerWallet = 1 })
	token := perks.Held{LaunchID: f.launchID, TokenID: 3, Since: f.now.AddDate(0, 0, -5)}
	f.h.set("0xA", token)
	for _, p := range []perks.Perk{perToken, perWallet} {
		if _, err := f.svc.Redeem(t.Context(), "brd_1", p.ID, "0xA", nil); err != nil {
			t.Fatalf("first holder, %s: %v", p.Title, err)
		}
	}
	// The pass moves to 0xB.
	f.h.set("0xA")
	f.h.set("0xB", perks.Held{LaunchID: f.launchID, TokenID: 3, Since: f.now})
	if _, err := f.svc.Redeem(t.Context(), "brd_1", perToken.ID, "0xB", nil); code(err) != metapass.ECONFLICT {
		t.Fatalf("new holder, per-token perk: %v, want conflict", err)
	}
	if _, err := f.svc.Redeem(t.Context(), "brd_1", perWallet.ID, "0xB", nil); err != nil {
		t.Fatalf("new holder, per-wallet perk: %v", err)
	}
	if _, err := f.svc.Redeem(t.Context(), "brd_1", perWallet.ID, "0xA", nil); code(err) != metapass.EFORBIDDEN {
		t.Fatalf("old holder: %v, want forbidden", err)
	}
}

func TestEligibilityReasons(t *testing.T) {
	f := newFixture(t)
	past, future := f.now.Add(-time.Hour), f.now.Add(time.Hour)
	zero := int64(0)
	perks_ := []perks.Perk{
		f.perk(t, func(p *perks.Perk) { p.Title = "open" }),
		f.perk(t, func(p *perks.Perk) { p.Title = "later"; p.StartsAt = &future }),
		f.perk(t, func(p *perks.Perk) { p.Title = "over"; p.EndsAt = &past }),
		f.perk(t, func(p *perks.Perk) { p.Title = "none left"; p.Inventory = &zero }),
		f.perk(t, func(p *perks.Perk) { p.Title = "veterans"; p.Rule.Holds.HeldDays = 30 }),
		f.perk(t, func(p *perks.Perk) { p.Title = "collectors"; p.Rule.Holds.Min = 2 }),
		f.perk(t, func(p *perks.Perk) {
			p.Title = "monthly"
			p.Limit = perks.Limit{PerWallet: 1, Period: perks.PeriodMonth}
		}),
	}
	f.h.set("0xA", perks.Held{LaunchID: f.launchID, TokenID: 1, Since: f.now.AddDate(0, 0, -3)})
	if _, err := f.svc.Redeem(t.Context(), "brd_1", perks_[6].ID, "0xA", nil); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"open": "", "later": "outside_window", "over": "outside_window", "none left": "sold_out",
		"veterans": "held_too_short", "collectors": "not_holding", "monthly": "limit_reached"}
	st, err := f.svc.Eligibility(t.Context(), "brd_1", "0xA")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range st {
		if s.Reason != want[s.Title] || s.Eligible != (want[s.Title] == "") {
			t.Errorf("%s: eligible=%v reason=%q, want %q", s.Title, s.Eligible, s.Reason, want[s.Title])
		}
	}
	// Redeeming an ineligible perk names the reason.
	_, err = f.svc.Redeem(t.Context(), "brd_1", perks_[4].ID, "0xA", nil)
	var me *metapass.Error
	if !errors.As(err, &me) || me.Code != metapass.EFORBIDDEN || me.Rule != perks.ReasonHeldTooShort {
		t.Fatalf("redeem too early: %v", err)
	}
	// Another brand's perk does not exist for it.
	if _, err := f.svc.Redeem(t.Context(), "brd_2", perks_[0].ID, "0xA", nil); code(err) != metapass.ENOTFOUND {
		t.Fatalf("another brand: %v", err)
	}
}

// chainSays is the chain's answer to who holds a token, set by the test.
type chainSays map[perks.TokenKey]string

func (c chainSays) IsHolder(_ context.Context, t perks.Held, wallet string) (bool, error) {
	return c[perks.TokenKey{LaunchID: t.LaunchID, TokenID: t.TokenID}] == wallet, nil
}

// TestRedeemRechecksTheChain: when the index still shows a wallet holding a
// pass the chain says it sold, the redemption is refused and nothing is
// charged.
func TestRedeemRechecksTheChain(t *testing.T) {
	f := newFixture(t)
	p := f.perk(t, func(p *perks.Perk) { p.Limit.PerToken = 1 })
	k := perks.TokenKey{LaunchID: f.launchID, TokenID: 4}
	f.h.set("0xA", perks.Held{LaunchID: k.LaunchID, TokenID: k.TokenID, Since: f.now})
	chain := chainSays{k: "0xB"}
	f.svc.Holders = chain
	_, err := f.svc.Redeem(t.Context(), "brd_1", p.ID, "0xA", nil)
	var me *metapass.Error
	if !errors.As(err, &me) || me.Code != metapass.EFORBIDDEN || me.Rule != perks.ReasonNotOwnerNow {
		t.Fatalf("stale index: %v", err)
	}
	chain[k] = "0xA"
	if _, err := f.svc.Redeem(t.Context(), "brd_1", p.ID, "0xA", nil); err != nil {
		t.Fatalf("after the chain agrees: %v", err)
	}
}

func TestDryRun(t *testing.T) {
	f := newFixture(t)
	f.h.set("0xA", perks.Held{LaunchID: f.launchID, TokenID: 1, Since: f.now.AddDate(0, 0, -2)})
	rule := perks.Rule{Holds: &perks.Holds{Launches: []string{f.launchID}, HeldDays: 7}}
	v, err := f.svc.DryRun(t.Context(), "brd_1", rule, "0xA")
	if err != nil || v.Eligible || v.Reason != perks.ReasonHeldTooShort {
		t.Fatalf("dry run: %+v %v", v, err)
	}
	if _, err := f.svc.DryRun(t.Context(), "brd_1", perks.Rule{}, "0xA"); metapass.ErrorCode(err) != metapass.EINVALID {
		t.Fatalf("invalid rule: %v", err)
	}
}
