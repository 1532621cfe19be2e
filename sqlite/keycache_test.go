package sqlite

import (
	"context"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/brands"
)

// TestRevokedKeyIsNotCached: once RevokeKey returns, no lookup of the key
// succeeds, however many lookups raced with the revocation.
func TestRevokedKeyIsNotCached(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := db.Brands()
	if err := s.CreateBrand(ctx, brands.Brand{ID: "brd_a", Name: "A", CreatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	hash := metapass.HashSecret("mpk_a")
	if err := s.CreateKey(ctx, brands.Key{ID: "key_a", BrandID: "brd_a", Role: brands.RoleAdmin, CreatedAt: time.Now()}, hash); err != nil {
		t.Fatal(err)
	}
	var (
		revoked atomic.Bool
		stop    atomic.Bool
		wg      sync.WaitGroup
		late    atomic.Int64
	)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				after := revoked.Load()
				if _, err := s.KeyByHash(ctx, hash); err == nil && after {
					late.Add(1)
				}
			}
		}()
	}
	time.Sleep(20 * time.Millisecond)
	if err := s.RevokeKey(ctx, "brd_a", "key_a", time.Now()); err != nil {
		t.Fatal(err)
	}
	revoked.Store(true)
	time.Sleep(20 * time.Millisecond)
	stop.Store(true)
	wg.Wait()
	if n := late.Load(); n > 0 {
		t.Fatalf("%d lookups found the key after its revocation", n)
	}
	if _, err := s.KeyByHash(ctx, hash); metapass.ErrorCode(err) != metapass.ENOTFOUND {
		t.Fatalf("revoked key: %v", err)
	}
}

// TestKeyRevokedElsewhere: a revocation written by another process on the
// same file is seen within keyTTL.
func TestKeyRevokedElsewhere(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	here, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer here.Close()
	elsewhere, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer elsewhere.Close()
	if err := here.Brands().CreateBrand(ctx, brands.Brand{ID: "brd_a", Name: "A", CreatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	hash := metapass.HashSecret("mpk_a")
	if err := here.Brands().CreateKey(ctx, brands.Key{ID: "key_a", BrandID: "brd_a", Role: brands.RoleAdmin, CreatedAt: time.Now()}, hash); err != nil {
		t.Fatal(err)
	}
	if _, err := here.Brands().KeyByHash(ctx, hash); err != nil {
		t.Fatal(err)
	}
	if err := elsewhere.Brands().RevokeKey(ctx, "brd_a", "key_a", time.Now()); err != nil {
		t.Fatal(err)
	}
	time.Sleep(keyTTL)
	if _, err := here.Brands().KeyByHash(ctx, hash); metapass.ErrorCode(err) != metapass.ENOTFOUND {
		t.Fatalf("key revoked by another process, %v later: %v", keyTTL, err)
	}
}
