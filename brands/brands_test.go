package brands_test

import (
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
	_, adminA, err := s.IssueKey(ctx, op, a.ID, brands.RoleAdmin, "")
	if err != nil {
		t.Fatal(err)
	}
	pa, err := s.Authenticate(ctx, adminA)
	if err != nil || pa.BrandID != a.ID || pa.Role != brands.RoleAdmin {
		t.Fatalf("admin of A: %+v %v", pa, err)
	}
	_, ordersA, _ := s.IssueKey(ctx, pa, a.ID, brands.RoleOrders, "shop")
	po, _ := s.Authenticate(ctx, ordersA)

	cases := []struct {
		name string
		err  error
		code string
	}{
		{"admin issues for another brand", second(s.IssueKey(ctx, pa, b.ID, brands.RoleAdmin, "")), metapass.ENOTFOUND},
		{"orders key issues keys", second(s.IssueKey(ctx, po, a.ID, brands.RoleAdmin, "")), metapass.EFORBIDDEN},
		{"operator role for a brand key", second(s.IssueKey(ctx, op, a.ID, brands.RoleOperator, "")), metapass.EINVALID},
		{"admin creates a brand", func() error { _, err := s.CreateBrand(ctx, pa, "C"); return err }(), metapass.EFORBIDDEN},
		{"admin lists brands", func() error { _, err := s.ListBrands(ctx, pa); return err }(), metapass.EFORBIDDEN},
		{"admin lists another brand's keys", func() error { _, err := s.ListKeys(ctx, pa, b.ID); return err }(), metapass.ENOTFOUND},
		{"key for an unknown brand", second(s.IssueKey(ctx, op, "brd_nope", brands.RoleAdmin, "")), metapass.ENOTFOUND},
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
