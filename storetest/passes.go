package storetest

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/passes"
)

func testBrands(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	b, err := s.Brands.GetBrand(ctx, brandA)
	if err != nil || b.Name != "Brand "+brandA || b.CreatedAt.IsZero() {
		t.Fatalf("GetBrand: %+v %v", b, err)
	}
	_, err = s.Brands.GetBrand(ctx, "brd_none")
	wantCode(t, "unknown brand", err, metapass.ENOTFOUND)
	all, err := s.Brands.ListBrands(ctx)
	if err != nil || len(all) != 2 {
		t.Fatalf("ListBrands: %+v %v", all, err)
	}
}

func testKeys(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	at := now()
	if ok, err := s.Brands.HasOperatorKey(ctx); ok || err != nil {
		t.Fatalf("HasOperatorKey before any: %v %v", ok, err)
	}
	from, until := at.Add(-time.Hour), at.Add(time.Hour)
	for _, k := range []struct {
		key  brands.Key
		hash string
	}{
		{brands.Key{ID: "key_op", Role: brands.RoleOperator, CreatedAt: at}, "op"},
		{brands.Key{ID: "key_a", BrandID: brandA, Role: brands.RoleAdmin, Label: "ci", CreatedAt: at}, "a"},
		{brands.Key{ID: "key_b", BrandID: brandB, Role: brands.RoleAdmin, CreatedAt: at}, "b"},
	} {
		if err := s.Brands.CreateKey(ctx, k.key, metapass.HashSecret(k.hash)); err != nil {
			t.Fatal(err)
		}
	}
	if ok, err := s.Brands.HasOperatorKey(ctx); !ok || err != nil {
		t.Fatalf("HasOperatorKey: %v %v", ok, err)
	}
	k, err := s.Brands.KeyByHash(ctx, metapass.HashSecret("a"))
	if err != nil || k.ID != "key_a" || k.BrandID != brandA || k.Label != "ci" || k.Scope != nil || !k.CreatedAt.Equal(at) {
		t.Fatalf("KeyByHash: %+v %v", k, err)
	}
	if k, err := s.Brands.KeyByHash(ctx, metapass.HashSecret("op")); err != nil || k.BrandID != "" {
		t.Fatalf("operator key: %+v %v", k, err)
	}
	_, err = s.Brands.KeyByHash(ctx, metapass.HashSecret("nope"))
	wantCode(t, "unknown secret", err, metapass.ENOTFOUND)

	wantCode(t, "revoke another brand's key", s.Brands.RevokeKey(ctx, brandB, "key_a", at), metapass.ENOTFOUND)
	if err := s.Brands.RevokeKey(ctx, brandA, "key_a", at); err != nil {
		t.Fatal(err)
	}
	if err := s.Brands.RevokeKey(ctx, brandA, "key_a", at.Add(time.Hour)); err != nil {
		t.Fatalf("revoking again: %v", err)
	}
	_, err = s.Brands.KeyByHash(ctx, metapass.HashSecret("a"))
	wantCode(t, "revoked key", err, metapass.ENOTFOUND)
	ks, err := s.Brands.ListKeys(ctx, brandA)
	if err != nil || len(ks) != 1 || ks[0].RevokedAt == nil || !ks[0].RevokedAt.Equal(at) {
		t.Fatalf("ListKeys after revoke: %+v %v", ks, err)
	}

	// A staff key scoped to an event and a window.
	ev := event(t, s, 10, "")
	staff := brands.Key{ID: "key_s", BrandID: brandA, Role: brands.RoleStaff, CreatedAt: at,
		Scope: &brands.Scope{EventID: ev.ID, ValidFrom: from, ValidUntil: until}}
	if err := s.Brands.CreateKey(ctx, staff, metapass.HashSecret("s")); err != nil {
		t.Fatal(err)
	}
	k, err = s.Brands.KeyByHash(ctx, metapass.HashSecret("s"))
	if err != nil || k.Scope == nil || k.Scope.EventID != ev.ID || !k.Scope.ValidFrom.Equal(from) || !k.Scope.ValidUntil.Equal(until) {
		t.Fatalf("scoped key: %+v %v", k, err)
	}

	// A key with an expiry keeps it.
	expires := at.Add(24 * time.Hour)
	if err := s.Brands.CreateKey(ctx, brands.Key{ID: "key_e", BrandID: brandB, Role: brands.RoleOrders, CreatedAt: at, ExpiresAt: &expires},
		metapass.HashSecret("e")); err != nil {
		t.Fatal(err)
	}
	if k, err := s.Brands.KeyByHash(ctx, metapass.HashSecret("e")); err != nil || k.ExpiresAt == nil || !k.ExpiresAt.Equal(expires) {
		t.Fatalf("key with expiry: %+v %v", k, err)
	}

	// Rotating the operator key revokes every other and leaves one.
	rotated := brands.Key{ID: "key_op2", Role: brands.RoleOperator, Label: "rotated", CreatedAt: at.Add(time.Minute)}
	if err := s.Brands.RotateOperatorKey(ctx, rotated, metapass.HashSecret("op2")); err != nil {
		t.Fatal(err)
	}
	_, err = s.Brands.KeyByHash(ctx, metapass.HashSecret("op"))
	wantCode(t, "old operator key after rotation", err, metapass.ENOTFOUND)
	if k, err := s.Brands.KeyByHash(ctx, metapass.HashSecret("op2")); err != nil || k.ID != "key_op2" || k.Role != brands.RoleOperator || k.BrandID != "" {
		t.Fatalf("rotated operator key: %+v %v", k, err)
	}
	if k, err := s.Brands.KeyByHash(ctx, metapass.HashSecret("b")); err != nil || k.ID != "key_b" {
		t.Fatalf("a brand key after rotation: %+v %v", k, err)
	}
}

func testLaunches(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	at := now()
	start := at.Add(time.Hour)
	l := passes.Launch{
		ID: "lch_1", BrandID: brandA, State: passes.LaunchDraft, Name: "XO", Symbol: "XO", Description: "d", SupplyCap: 5,
		Attributes: []passes.Attribute{{TraitType: "Vintage", Value: "2026"}}, SKUs: []passes.SKU{{SKU: "A", PassesPerUnit: 2}},
		SaleStartsAt: &start, Soulbound: true, RoyaltyBps: 250, ChainID: chainID, CreatedAt: at, UpdatedAt: at,
	}
	if err := s.Passes.CreateLaunch(ctx, l); err != nil {
		t.Fatal(err)
	}
	got, err := s.Passes.GetLaunch(ctx, brandA, "lch_1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "XO" || got.SKUs[0].PassesPerUnit != 2 || got.Attributes[0].Value != "2026" || !got.Soulbound ||
		got.RoyaltyBps != 250 || got.SaleStartsAt == nil || !got.SaleStartsAt.Equal(start) || got.SaleEndsAt != nil ||
		!got.CreatedAt.Equal(at) || got.Deployed || got.DeployTxHash != "" {
		t.Fatalf("launch read back: %+v", got)
	}
	_, err = s.Passes.GetLaunch(ctx, brandB, "lch_1")
	wantCode(t, "another brand's launch", err, metapass.ENOTFOUND)
	if ls, err := s.Passes.ListLaunches(ctx, brandB); err != nil || len(ls) != 0 {
		t.Fatalf("brand B lists %+v %v", ls, err)
	}
	if ls, err := s.Passes.ListLaunches(ctx, brandA); err != nil || len(ls) != 1 {
		t.Fatalf("brand A lists %+v %v", ls, err)
	}
	_, err = s.Passes.LaunchByContract(ctx, chainID, "0x3333333333333333333333333333333333333333")
	wantCode(t, "unknown contract", err, metapass.ENOTFOUND)

	if err := s.Passes.InTx(ctx, func(tx passes.Tx) error {
		l, err := tx.LaunchForUpdate(ctx, brandA, "lch_1")
		if err != nil {
			return err
		}
		l.Name, l.SaleStartsAt, l.SKUs = "XO 2", nil, append(l.SKUs, passes.SKU{SKU: "B", PassesPerUnit: 1})
		return tx.UpdateLaunch(ctx, l)
	}); err != nil {
		t.Fatal(err)
	}
	if got, err = s.Passes.GetLaunch(ctx, brandA, "lch_1"); err != nil || got.Name != "XO 2" || got.SaleStartsAt != nil || len(got.SKUs) != 2 {
		t.Fatalf("after update: %+v %v", got, err)
	}
	err = s.Passes.InTx(ctx, func(tx passes.Tx) error {
		_, err := tx.LaunchForUpdate(ctx, brandB, "lch_1")
		return err
	})
	wantCode(t, "LaunchForUpdate of another brand", err, metapass.ENOTFOUND)
}

func testOrders(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	svc := service(s)
	l := launch(t, s, 10)
	req := passes.OrderRequest{OrderID: "O-1", SKU: "A", Quantity: 2, Wallet: walletA, IdempotencyKey: "idem-1"}
	o, created, err := svc.PlaceOrder(ctx, brandA, l.ID, req)
	if err != nil || !created || len(o.Passes) != 2 {
		t.Fatalf("first order: %+v %v %v", o, created, err)
	}
	for _, tc := range []struct {
		name    string
		req     passes.OrderRequest
		created bool
		code    string
	}{
		{"replay", req, false, ""},
		{"same order id, other body", passes.OrderRequest{OrderID: "O-1", SKU: "A", Quantity: 1, Wallet: walletA, IdempotencyKey: "idem-1"}, false, metapass.ECONFLICT},
		{"same key, other order id", passes.OrderRequest{OrderID: "O-2", SKU: "A", Quantity: 2, Wallet: walletA, IdempotencyKey: "idem-1"}, false, metapass.ECONFLICT},
		{"unknown sku", passes.OrderRequest{OrderID: "O-3", SKU: "Z", Quantity: 1, Wallet: walletA}, false, metapass.ERULE},
	} {
		got, created, err := svc.PlaceOrder(ctx, brandA, l.ID, tc.req)
		if tc.code != "" {
			wantCode(t, tc.name, err, tc.code)
			continue
		}
		if err != nil || created != tc.created || got.ID != o.ID || len(got.Passes) != 2 {
			t.Errorf("%s: %+v created %v: %v", tc.name, got, created, err)
		}
	}
	got, err := s.Passes.GetOrder(ctx, brandA, o.ID)
	if err != nil || got.OrderID != "O-1" || got.IdempotencyKey != "idem-1" || got.Wallet != walletA || len(got.Passes) != 2 ||
		got.Passes[0].TokenID != 1 || got.Passes[1].TokenID != 2 || got.Passes[0].State != passes.PassQueued || got.RefundedAt != nil {
		t.Fatalf("GetOrder: %+v %v", got, err)
	}
	_, err = s.Passes.GetOrder(ctx, brandB, o.ID)
	wantCode(t, "another brand's order", err, metapass.ENOTFOUND)
	if os, err := s.Passes.ListOrders(ctx, brandA, l.ID, 10); err != nil || len(os) != 1 || len(os[0].Passes) != 2 {
		t.Fatalf("ListOrders: %+v %v", os, err)
	}
	order(t, s, l.ID, "O-4", 1, walletB)
	for _, tc := range []struct {
		name  string
		brand string
		f     passes.PassFilter
		want  []uint64
	}{
		{"all", brandA, passes.PassFilter{}, []uint64{1, 2, 3}},
		{"by recipient, any case", brandA, passes.PassFilter{Recipient: "0x2222222222222222222222222222222222222222"}, []uint64{3}},
		{"by launch", brandA, passes.PassFilter{LaunchID: l.ID, Limit: 2}, []uint64{1, 2}},
		{"another brand", brandB, passes.PassFilter{}, nil},
	} {
		ps, err := s.Passes.ListPasses(ctx, tc.brand, tc.f)
		var ids []uint64
		for _, p := range ps {
			ids = append(ids, p.TokenID)
		}
		if err != nil || !slices.Equal(ids, tc.want) {
			t.Errorf("ListPasses %s: %v %v, want %v", tc.name, ids, err, tc.want)
		}
	}
	p, err := s.Passes.GetPass(ctx, l.ID, 3)
	if err != nil || p.Recipient != walletB || p.ChainID != chainID || p.Nonce != nil || p.BlockNumber != nil {
		t.Fatalf("GetPass: %+v %v", p, err)
	}
	_, err = s.Passes.GetPass(ctx, l.ID, 4)
	wantCode(t, "unallocated token", err, metapass.ENOTFOUND)
	if l, err = s.Passes.GetLaunch(ctx, brandA, l.ID); err != nil || l.Allocated != 3 {
		t.Fatalf("allocated %d %v, want 3", l.Allocated, err)
	}
}

// testSupplyCap: of 40 one-pass orders placed at once on a launch of 20
// passes, exactly 20 are accepted and their token ids are 1…20.
func testSupplyCap(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	l := launch(t, s, 20)
	svc := service(s)
	errs := concurrently(40, func(i int) error {
		_, _, err := svc.PlaceOrder(ctx, brandA, l.ID, passes.OrderRequest{OrderID: fmt.Sprintf("C-%d", i), SKU: "A", Quantity: 1,
			Wallet: walletA})
		return err
	})
	if n := tally(t, errs, metapass.ERULE); n != 20 {
		t.Fatalf("%d orders accepted, want 20", n)
	}
	ps, err := s.Passes.ListPasses(ctx, brandA, passes.PassFilter{LaunchID: l.ID})
	if err != nil || len(ps) != 20 {
		t.Fatalf("%d passes %v, want 20", len(ps), err)
	}
	ids := make([]uint64, len(ps))
	for i, p := range ps {
		ids[i] = p.TokenID
	}
	slices.Sort(ids)
	for i, id := range ids {
		if id != uint64(i+1) {
			t.Fatalf("token ids %v, want 1…20", ids)
		}
	}
	if l, err = s.Passes.GetLaunch(ctx, brandA, l.ID); err != nil || l.Allocated != 20 {
		t.Fatalf("allocated %d %v, want 20", l.Allocated, err)
	}
}

// testConcurrentReplay: one order posted ten times at once, half of them
// to a second launch, is placed once; the replays get it back.
func testConcurrentReplay(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	l1, l2 := launch(t, s, 100), launch(t, s, 100)
	svc := service(s)
	ids := make([]string, 10)
	created := make([]bool, 10)
	errs := concurrently(10, func(i int) error {
		l := l1
		if i%2 == 1 {
			l = l2
		}
		o, c, err := svc.PlaceOrder(ctx, brandA, l.ID, passes.OrderRequest{OrderID: "R-1", SKU: "A", Quantity: 1, Wallet: walletA})
		ids[i], created[i] = o.ID, c
		return err
	})
	n := 0
	for i, err := range errs {
		switch {
		case err == nil && created[i]:
			n++
		case err == nil && ids[i] == "":
			t.Errorf("replay %d returned no order", i)
		case err != nil && metapass.ErrorCode(err) != metapass.ECONFLICT: // the other launch's body differs
			t.Errorf("placement %d: %v", i, err)
		}
	}
	if n != 1 {
		t.Fatalf("order placed %d times, want once", n)
	}
	a, _ := s.Passes.ListPasses(ctx, brandA, passes.PassFilter{LaunchID: l1.ID})
	b, _ := s.Passes.ListPasses(ctx, brandA, passes.PassFilter{LaunchID: l2.ID})
	if len(a)+len(b) != 1 {
		t.Fatalf("%d passes, want 1", len(a)+len(b))
	}
}

func testRefund(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	l := launch(t, s, 10)
	o := order(t, s, l.ID, "F-1", 2, walletA)
	svc := service(s)
	got, err := svc.Refund(ctx, brandA, o.ID)
	if err != nil || got.RefundedAt == nil || got.State != passes.OrderRefunded {
		t.Fatalf("refund: %+v %v", got, err)
	}
	for _, p := range got.Passes {
		if p.State != passes.PassRefunded || !p.Refund {
			t.Errorf("pass %d after refund: %s refund=%v", p.TokenID, p.State, p.Refund)
		}
	}
	again, err := svc.Refund(ctx, brandA, o.ID)
	if err != nil || !again.RefundedAt.Equal(*got.RefundedAt) {
		t.Fatalf("second refund: %+v %v", again, err)
	}
	_, err = svc.Refund(ctx, brandB, o.ID)
	wantCode(t, "refund another brand's order", err, metapass.ENOTFOUND)
	// The refund told the brand's webhooks, once.
	if n, err := s.Webhooks.FanOut(ctx, 100, time.Now()); err != nil || n != 1 {
		t.Fatalf("outbox after refunds: %d %v, want 1 event", n, err)
	}
}
