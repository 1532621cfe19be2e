package sqlite_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/passes"
	"github.com/metapass/metapass/sqlite"
)

// TestReopen: everything written survives closing and reopening the file,
// and migrations applied once are not applied again.
func TestReopen(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "m.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC().Truncate(time.Microsecond)
	if err := db.Brands().CreateBrand(ctx, brands.Brand{ID: "brd_1", Name: "A", CreatedAt: now}); err != nil {
		t.Fatal(err)
	}
	start := now.Add(time.Hour)
	l := passes.Launch{
		ID: "lch_1", BrandID: "brd_1", State: passes.LaunchDraft, Name: "XO", Symbol: "XO", SupplyCap: 5,
		Attributes: []passes.Attribute{{TraitType: "Vintage", Value: "2026"}}, SKUs: []passes.SKU{{SKU: "A", PassesPerUnit: 2}},
		SaleStartsAt: &start, ChainID: 1337, CreatedAt: now, UpdatedAt: now,
	}
	if err := db.Passes().CreateLaunch(ctx, l); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	got, err := db.Passes().GetLaunch(ctx, "brd_1", "lch_1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "XO" || got.SKUs[0].PassesPerUnit != 2 || got.Attributes[0].Value != "2026" ||
		got.SaleStartsAt == nil || !got.SaleStartsAt.Equal(start) || !got.CreatedAt.Equal(now) {
		t.Fatalf("launch after reopen: %+v", got)
	}
	if _, err := db.Passes().GetLaunch(ctx, "brd_2", "lch_1"); metapass.ErrorCode(err) != metapass.ENOTFOUND {
		t.Fatalf("another brand's launch: %v", err)
	}
}

// TestPlaceOrderAtomic: an order that breaks a rule after its launch row was
// touched leaves nothing behind.
func TestPlaceOrderAtomic(t *testing.T) {
	ctx := t.Context()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := time.Now()
	_ = db.Brands().CreateBrand(ctx, brands.Brand{ID: "brd_1", Name: "A", CreatedAt: now})
	svc := &passes.Service{Store: db.Passes(), ChainID: 1337, Now: time.Now}
	l, err := svc.CreateLaunch(ctx, "brd_1", passes.Launch{Name: "XO", Symbol: "XO", SupplyCap: 3, SKUs: []passes.SKU{{SKU: "A", PassesPerUnit: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Transition(ctx, "brd_1", l.ID, passes.Publish); err != nil {
		t.Fatal(err)
	}
	req := passes.OrderRequest{OrderID: "O-1", SKU: "A", Quantity: 2, Wallet: "0x1111111111111111111111111111111111111111"}
	if _, created, err := svc.PlaceOrder(ctx, "brd_1", l.ID, req); err != nil || !created {
		t.Fatalf("first order: %v", err)
	}
	req.OrderID = "O-2"
	if _, _, err := svc.PlaceOrder(ctx, "brd_1", l.ID, req); metapass.ErrorCode(err) != metapass.ERULE {
		t.Fatalf("over supply: %v", err)
	}
	got, _ := svc.GetLaunch(ctx, "brd_1", l.ID)
	if got.Allocated != 2 {
		t.Fatalf("allocated %d after a refused order, want 2", got.Allocated)
	}
	if _, err := svc.GetOrder(ctx, "brd_1", "O-2"); metapass.ErrorCode(err) != metapass.ENOTFOUND {
		t.Fatalf("refused order stored: %v", err)
	}
	ps, err := svc.ListPasses(ctx, "brd_1", passes.PassFilter{LaunchID: l.ID})
	if err != nil || len(ps) != 2 || ps[0].TokenID != 1 || ps[1].TokenID != 2 {
		t.Fatalf("passes %+v %v", ps, err)
	}
}
