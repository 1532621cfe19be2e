package brands_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/sqlite"
)

func newService(t *testing.T) (*brands.Service, string) {
	t.Helper()
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s := &brands.Service{Store: db.Brands(), Now: time.Now}
	op, err := s.Bootstrap(t.Context())
	if err != nil || op == "" {
		t.Fatalf("bootstrap: %q %v", op, err)
	}
	if again, err := s.Bootstrap(t.Context()); err != nil || again != "" {
		t.Fatalf("second bootstrap issued %q (%v)", again, err)
	}
	return s, op
}

func TestKeysAreScopedToTheirBrand(t *testing.T) {
	s, opSecret := newService(t)
	ctx := t.Context()
	op, err := s.Authenticate(ctx, opSecret)
	if err != nil || op.Role != brands.RoleOperator {
		t.Fatalf("operator: %+v %v", op, err)
	}
	a, _ := s.CreateBrand(ctx, op, "A")
	b, _ := s.CreateBrand(ctx, op, "B")
	_, adminA, err := s.IssueKey(ctx, op, a.ID, brands.RoleAdmin, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	pa, err := s.Authenticate(ctx, adminA)
	if err != nil || pa.BrandID != a.ID || pa.Role != brands.RoleAdmin {
		t.Fatalf("admin of A: %+v %v", pa, err)
	}
	_, ordersA, _ := s.IssueKey(ctx, pa, a.ID, brands.RoleOrders, "shop", nil)
	po, _ := s.Authenticate(ctx, ordersA)

	cases := []struct {
		name string
		err  error
		code string
	}{
		{"admin issues for another brand", second(s.IssueKey(ctx, pa, b.ID, brands.RoleAdmin, "", nil)), metapass.ENOTFOUND},
		{"orders key issues keys", second(s.IssueKey(ctx, po, a.ID, brands.RoleAdmin, "", nil)), metapass.EFORBIDDEN},
		{"operator role for a brand key", second(s.IssueKey(ctx, op, a.ID, brands.RoleOperator, "", nil)), metapass.EINVALID},
		{"admin creates a brand", func() error { _, err := s.CreateBrand(ctx, pa, "C"); return err }(), metapass.EFORBIDDEN},
		{"admin lists brands", func() error { _, err := s.ListBrands(ctx, pa); return err }(), metapass.EFORBIDDEN},
		{"admin lists another brand's keys", func() error { _, err := s.ListKeys(ctx, pa, b.ID); return err }(), metapass.ENOTFOUND},
		{"key for an unknown brand", second(s.IssueKey(ctx, op, "brd_nope", brands.RoleAdmin, "", nil)), metapass.ENOTFOUND},
		{"key revokes itself", s.RevokeKey(ctx, pa, a.ID, pa.KeyID), metapass.ECONFLICT},
		{"unknown secret", func() error { _, err := s.Authenticate(ctx, "mpk_00"); return err }(), metapass.EUNAUTHORIZED},
		{"secret without prefix", func() error { _, err := s.Authenticate(ctx, "password"); return err }(), metapass.EUNAUTHORIZED},
	}
	for _, c := range cases {
		if got := metapass.ErrorCode(c.err); got != c.code {
			t.Errorf("%s: %v (code %q), want %q", c.name, c.err, got, c.code)
		}
	}

	keys, err := s.ListKeys(ctx, pa, a.ID)
	if err != nil || len(keys) != 2 {
		t.Fatalf("keys of A: %v %v", keys, err)
	}
	if err := s.RevokeKey(ctx, pa, a.ID, po.KeyID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(ctx, ordersA); metapass.ErrorCode(err) != metapass.EUNAUTHORIZED {
		t.Fatalf("revoked key: %v", err)
	}
}

func second[A, B any](_ A, b B, err error) error { return err }

func TestExpiryAndWindowAtAuthentication(t *testing.T) {
	s, opSecret := newService(t)
	ctx := t.Context()
	op, _ := s.Authenticate(ctx, opSecret)
	b, _ := s.CreateBrand(ctx, op, "B")
	at := time.Now()
	soon := at.Add(time.Hour)
	_, expiring, err := s.IssueKey(ctx, op, b.ID, brands.RoleOrders, "", &soon)
	if err != nil {
		t.Fatal(err)
	}
	past := at.Add(-time.Second)
	if _, _, err := s.IssueKey(ctx, op, b.ID, brands.RoleOrders, "", &past); metapass.ErrorCode(err) != metapass.EINVALID {
		t.Fatalf("expiry in the past: %v, want invalid", err)
	}
	// A staff key's event must exist: the store of this test serves one
	// scoped key whatever the secret.
	const staff = "mpk_staff"
	scoped := &brands.Service{Now: time.Now, Store: scopedStore{Store: s.Store, key: brands.Key{ID: "key_s", BrandID: b.ID, Role: brands.RoleStaff,
		Scope: &brands.Scope{EventID: "evt_1", ValidFrom: at.Add(-time.Hour), ValidUntil: at.Add(30 * time.Minute)}}}}
	for _, tc := range []struct {
		name   string
		secret string
		now    time.Time
		want   string
	}{
		{"before expiry", expiring, at, ""},
		{"at expiry", expiring, soon, metapass.EUNAUTHORIZED},
		{"staff in window", staff, at, ""},
		{"staff after window", staff, at.Add(31 * time.Minute), metapass.EUNAUTHORIZED},
		{"staff before window", staff, at.Add(-2 * time.Hour), metapass.EUNAUTHORIZED},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc := s
			if tc.secret == staff {
				svc = scoped
			}
			svc.Now = func() time.Time { return tc.now }
			if _, err := svc.Authenticate(ctx, tc.secret); metapass.ErrorCode(err) != tc.want && (err != nil || tc.want != "") {
				t.Fatalf("Authenticate: %v, want %q", err, tc.want)
			}
		})
	}
}

type scopedStore struct {
	brands.Store
	key brands.Key
}

func (s scopedStore) KeyByHash(context.Context, []byte) (brands.Key, error) { return s.key, nil }

func TestRotateOperator(t *testing.T) {
	s, old := newService(t)
	ctx := t.Context()
	fresh, err := s.RotateOperator(ctx)
	if err != nil || fresh == "" || fresh == old {
		t.Fatalf("RotateOperator: %q %v", fresh, err)
	}
	if _, err := s.Authenticate(ctx, old); metapass.ErrorCode(err) != metapass.EUNAUTHORIZED {
		t.Fatalf("old operator key: %v, want unauthorized", err)
	}
	if p, err := s.Authenticate(ctx, fresh); err != nil || p.Role != brands.RoleOperator {
		t.Fatalf("new operator key: %+v %v", p, err)
	}
}

func TestPermits(t *testing.T) {
	scoped := brands.Principal{Role: brands.RoleStaff, Scope: &brands.Scope{EventID: "evt_1"}}
	for path, want := range map[string]bool{
		"/v1/events": true, "/v1/events/evt_1": true, "/v1/events/evt_1/checkins": true,
		"/v1/events/evt_10": false, "/v1/events/evt_2/checkins": false, "/v1/passes/1337/0xabc/1": true,
	} {
		if got := scoped.Permits(path); got != want {
			t.Errorf("Permits(%s) = %v, want %v", path, got, want)
		}
	}
	if !(brands.Principal{Role: brands.RoleStaff}).Permits("/v1/events/evt_2") {
		t.Error("a brand-wide key is not limited to one event")
	}
}
