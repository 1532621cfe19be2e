package sqlite_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/passes"
	"github.com/metapass/metapass/perks"
	"github.com/metapass/metapass/sqlite"
)

// TestPerkCacheSeesEveryChange: the perks service caches a brand's perk
// list, yet a new perk and a redemption written through another handle on
// the same file (another replica) show at once, and another brand's list
// is apart.
func TestPerkCacheSeesEveryChange(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "m.db")
	a, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	now := time.Now().UTC()
	for _, id := range []string{"brd_1", "brd_2"} {
		if err := a.Brands().CreateBrand(ctx, brands.Brand{ID: id, Name: id, CreatedAt: now}); err != nil {
			t.Fatal(err)
		}
		if err := a.Passes().CreateLaunch(ctx, passes.Launch{ID: "lch_" + id, BrandID: id, State: passes.LaunchDraft, Name: "XO",
			Symbol: "XO", SupplyCap: 5, SKUs: []passes.SKU{{SKU: "A", PassesPerUnit: 1}}, ChainID: 1337, CreatedAt: now, UpdatedAt: now}); err != nil {
			t.Fatal(err)
		}
	}
	rule := perks.Rule{Holds: &perks.Holds{Launches: []string{"lch_brd_1"}}}
	create := func(db *sqlite.DB, id, brand string) {
		t.Helper()
		if err := db.Perks().CreatePerk(ctx, perks.Perk{ID: id, BrandID: brand, LaunchID: "lch_" + brand, Kind: "access",
			Title: id, Rule: rule, CreatedAt: now}); err != nil {
			t.Fatal(err)
		}
	}
	// The perks service caches the list it reads through handle a.
	svc := &perks.Service{Store: a.Perks(), Now: time.Now,
		Holdings: perks.PassHoldings{Owners: a.Ownership(), Launches: a.Passes(), ChainID: 1337}}
	list := func(brand string) []perks.Perk {
		t.Helper()
		st, err := svc.Eligibility(ctx, brand, "0x0000000000000000000000000000000000000001")
		if err != nil {
			t.Fatal(err)
		}
		ps := make([]perks.Perk, len(st))
		for i, s := range st {
			ps[i] = s.Perk
		}
		return ps
	}
	create(a, "prk_1", "brd_1")
	if ps := list("brd_1"); len(ps) != 1 || ps[0].Redeemed != 0 || ps[0].Rule.Holds == nil {
		t.Fatalf("first list %+v", ps)
	}
	create(b, "prk_2", "brd_1")
	create(b, "prk_3", "brd_2")
	if ps := list("brd_1"); len(ps) != 2 {
		t.Fatalf("a perk created elsewhere is missing: %+v", ps)
	}
	if err := b.Perks().InTx(ctx, func(tx perks.Tx) error {
		return tx.InsertRedemption(ctx, perks.Redemption{ID: "rdm_1", PerkID: "prk_1", BrandID: "brd_1", LaunchID: "lch_brd_1",
			TokenID: 1, Wallet: "0xA", Period: "", CreatedAt: now})
	}); err != nil {
		t.Fatal(err)
	}
	if ps := list("brd_1"); ps[0].Redeemed != 1 {
		t.Fatalf("a redemption made elsewhere is missing: %+v", ps[0])
	}
	if ps := list("brd_2"); len(ps) != 1 || ps[0].ID != "prk_3" {
		t.Fatalf("brand 2 sees %+v", ps)
	}
}
