// Package brands owns the tenants of the service and their API keys. A key is
// random, shown once, stored only as a hash, and scoped to one brand (or to the
// operator, who has no brand).
package brands

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/metapass/metapass"
)

// Role is what a key may do.
type Role string

// Roles. The operator administers brands; the others act within one brand.
const (
	RoleOperator Role = "operator" // create brands, issue their keys
	RoleAdmin    Role = "admin"    // configure the brand's launches and keys
	RoleOrders   Role = "orders"   // post orders, read order and pass status
	RoleStaff    Role = "staff"    // verify passes at events
	// RoleCustomer is a wallet signed in to a brand's app with a session
	// token; it is never a key's role.
	RoleCustomer Role = "customer"
)

// Valid reports whether r is a role a brand key may carry.
func (r Role) Valid() bool {
	return r == RoleAdmin || r == RoleOrders || r == RoleStaff
}

// Brand is a tenant: a house selling passes.
type Brand struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	CreatedAt time.Time `json:"created_at"`
}

// Key is an API key's public record; the secret is never stored.
type Key struct {
	ID        string     `json:"id"`
	BrandID   string     `json:"brand_id,omitempty"`
	Role      Role       `json:"role"`
	Label     string     `json:"label,omitempty"`
	CreatedAt time.Time  `json:"created_at"`
	RevokedAt *time.Time `json:"revoked_at,omitempty"`
	// ExpiresAt, when set, is when the key stops working.
	ExpiresAt *time.Time `json:"expires_at,omitempty"`
	// Scope, on a staff key issued for one event, limits it to that event
	// and a time window.
	*Scope
}

// Scope is where and when an event staff key works.
type Scope struct {
	EventID    string    `json:"event_id"`
	ValidFrom  time.Time `json:"valid_from"`
	ValidUntil time.Time `json:"valid_until"`
}

// Principal is the authenticated caller of a request.
type Principal struct {
	KeyID   string
	BrandID string // empty for the operator
	Role    Role
	Wallet  string // the signed-in wallet of a customer, EIP-55; empty for keys
	Scope   *Scope // set for an event staff key
	Label   string // the key's label; empty for a session
	// ExpiresAt is when the credential stops working: a key's expiry
	// (nil when it has none) or a session's end.
	ExpiresAt *time.Time
}

// Identity is what a caller may learn about its own credential (GET
// /v1/me): never the secret nor its hash.
type Identity struct {
	// Kind is "key" for an API key, "session" for a customer's session.
	Kind      string     `json:"kind"`
	Role      Role       `json:"role"`
	KeyID     string     `json:"key_id,omitempty"`
	Label     string     `json:"label,omitempty"`
	ExpiresAt *time.Time `json:"expires_at,omitempty"`
	// Brand is the credential's brand; nil for the operator.
	Brand  *Brand `json:"brand,omitempty"`
	Wallet string `json:"wallet,omitempty"`
	*Scope
}

// Store persists brands and keys.
type Store interface {
	CreateBrand(ctx context.Context, b Brand) error
	ListBrands(ctx context.Context) ([]Brand, error)
	GetBrand(ctx context.Context, id string) (Brand, error)
	// CreateKey stores k with the hash of its secret.
	CreateKey(ctx context.Context, k Key, hash []byte) error
	// KeyByHash returns the unrevoked key with that secret hash, or ENOTFOUND.
	KeyByHash(ctx context.Context, hash []byte) (Key, error)
	ListKeys(ctx context.Context, brandID string) ([]Key, error)
	RevokeKey(ctx context.Context, brandID, keyID string, at time.Time) error
	// HasOperatorKey reports whether an operator key exists.
	HasOperatorKey(ctx context.Context) (bool, error)
	// RotateOperatorKey revokes every operator key at k.CreatedAt and
	// stores k, an operator key, with hash, in one transaction.
	RotateOperatorKey(ctx context.Context, k Key, hash []byte) error
}

// Service issues and checks credentials.
type Service struct {
	Store Store
	Now   func() time.Time
}

// ErrBadKey is returned for a missing, unknown, revoked or expired key.
var ErrBadKey = metapass.Errorf(metapass.EUNAUTHORIZED, "missing, unknown, revoked or expired API key")

// ErrOutsideWindow is returned for an event staff key used before or after
// its time window.
var ErrOutsideWindow = &metapass.Error{Code: metapass.EUNAUTHORIZED, Rule: "staff_scope",
	Message: "this staff key is outside its valid_from–valid_until window"}

const secretPrefix = "mpk_"

// Bootstrap creates the operator key on first start and returns its secret.
// It returns "" when an operator key already exists.
func (s *Service) Bootstrap(ctx context.Context) (string, error) {
	ok, err := s.Store.HasOperatorKey(ctx)
	if err != nil || ok {
		return "", err
	}
	secret := metapass.NewSecret(secretPrefix)
	k := Key{ID: metapass.NewID("key"), Role: RoleOperator, Label: "bootstrap", CreatedAt: s.Now().UTC()}
	if err := s.Store.CreateKey(ctx, k, metapass.HashSecret(secret)); err != nil {
		return "", fmt.Errorf("store operator key: %w", err)
	}
	return secret, nil
}

// Authenticate returns the principal holding secret.
func (s *Service) Authenticate(ctx context.Context, secret string) (Principal, error) {
	if !strings.HasPrefix(secret, secretPrefix) {
		return Principal{}, ErrBadKey
	}
	k, err := s.Store.KeyByHash(ctx, metapass.HashSecret(secret))
	if metapass.ErrorCode(err) == metapass.ENOTFOUND {
		return Principal{}, ErrBadKey
	}
	if err != nil {
		return Principal{}, fmt.Errorf("look up key: %w", err)
	}
	now := s.Now()
	if k.ExpiresAt != nil && !now.Before(*k.ExpiresAt) {
		return Principal{}, ErrBadKey
	}
	if k.Scope != nil && (now.Before(k.Scope.ValidFrom) || !now.Before(k.Scope.ValidUntil)) {
		return Principal{}, ErrOutsideWindow
	}
	return Principal{KeyID: k.ID, BrandID: k.BrandID, Role: k.Role, Scope: k.Scope, Label: k.Label, ExpiresAt: k.ExpiresAt}, nil
}

// Me describes p's own credential with its brand's record.
func (s *Service) Me(ctx context.Context, p Principal) (Identity, error) {
	id := Identity{Kind: "key", Role: p.Role, KeyID: p.KeyID, Label: p.Label, ExpiresAt: p.ExpiresAt, Wallet: p.Wallet, Scope: p.Scope}
	if p.Role == RoleCustomer {
		id.Kind = "session"
	}
	if p.BrandID != "" {
		b, err := s.Store.GetBrand(ctx, p.BrandID)
		if err != nil {
			return Identity{}, fmt.Errorf("look up brand: %w", err)
		}
		id.Brand = &b
	}
	return id, nil
}

// Permits reports whether p may call a route of path (the request's URL
// path) as far as its scope goes: a key scoped to an event reaches no
// other event's routes. (Its role decides the rest: door staff may still
// look a pass up.)
func (p Principal) Permits(path string) bool {
	rest, ok := strings.CutPrefix(path, "/v1/events/")
	if p.Scope == nil || !ok {
		return true
	}
	id, _, _ := strings.Cut(rest, "/")
	return id == p.Scope.EventID
}

// RotateOperator issues a new operator key and revokes every other one,
// for an operator key lost or leaked. It returns the new secret.
func (s *Service) RotateOperator(ctx context.Context) (string, error) {
	secret := metapass.NewSecret(secretPrefix)
	k := Key{ID: metapass.NewID("key"), Role: RoleOperator, Label: "rotated", CreatedAt: s.Now().UTC()}
	if err := s.Store.RotateOperatorKey(ctx, k, metapass.HashSecret(secret)); err != nil {
		return "", fmt.Errorf("rotate operator key: %w", err)
	}
	return secret, nil
}

// CreateBrand creates a brand. Only the operator may.
func (s *Service) CreateBrand(ctx context.Context, p Principal, name string) (Brand, error) {
	if p.Role != RoleOperator {
		return Brand{}, errForbidden
	}
	b := Brand{ID: metapass.NewID("brd"), Name: strings.TrimSpace(name), CreatedAt: s.Now().UTC()}
	if b.Name == "" {
		return Brand{}, metapass.FieldError("name", "must not be empty")
	}
	return b, s.Store.CreateBrand(ctx, b)
}

// ListBrands lists every brand. Only the operator may.
func (s *Service) ListBrands(ctx context.Context, p Principal) ([]Brand, error) {
	if p.Role != RoleOperator {
		return nil, errForbidden
	}
	return s.Store.ListBrands(ctx)
}

// GetBrand returns brandID's record: to the operator for any brand, to a
// brand's admin for its own (another brand is ENOTFOUND).
func (s *Service) GetBrand(ctx context.Context, p Principal, brandID string) (Brand, error) {
	if p.Role != RoleOperator {
		if err := s.canManage(ctx, p, brandID); err != nil {
			return Brand{}, err
		}
	}
	return s.Store.GetBrand(ctx, brandID)
}

var errForbidden = metapass.Errorf(metapass.EFORBIDDEN, "this key's role may not do that")

// canManage reports whether p may manage brandID's keys: the operator, or
// that brand's admin. Another brand's admin gets ENOTFOUND, so existence does
// not leak.
func (s *Service) canManage(ctx context.Context, p Principal, brandID string) error {
	switch {
	case p.Role == RoleOperator:
		_, err := s.Store.GetBrand(ctx, brandID)
		return err
	case p.BrandID != brandID:
		return metapass.Errorf(metapass.ENOTFOUND, "brand %s not found", brandID)
	case p.Role != RoleAdmin:
		return errForbidden
	}
	return nil
}

// IssueKey creates a key of role for brandID, working until expiresAt when
// set, and returns it with its secret, which is not retrievable later.
func (s *Service) IssueKey(ctx context.Context, p Principal, brandID string, role Role, label string, expiresAt *time.Time) (Key, string, error) {
	if err := s.canManage(ctx, p, brandID); err != nil {
		return Key{}, "", err
	}
	if !role.Valid() {
		return Key{}, "", metapass.FieldError("role", "must be one of admin, orders, staff")
	}
	now := s.Now().UTC()
	if expiresAt != nil {
		if !expiresAt.After(now) {
			return Key{}, "", metapass.FieldError("expires_at", "must be in the future")
		}
		utc := expiresAt.UTC()
		expiresAt = &utc
	}
	secret := metapass.NewSecret(secretPrefix)
	k := Key{ID: metapass.NewID("key"), BrandID: brandID, Role: role, Label: label, CreatedAt: now, ExpiresAt: expiresAt}
	if err := s.Store.CreateKey(ctx, k, metapass.HashSecret(secret)); err != nil {
		return Key{}, "", err
	}
	return k, secret, nil
}

// IssueEventKey issues a staff key of brandID limited to scope: the
// credential event staff scan with. The caller has checked that the event
// is the brand's.
func (s *Service) IssueEventKey(ctx context.Context, brandID string, scope Scope, label string) (Key, string, error) {
	if !scope.ValidUntil.After(scope.ValidFrom) {
		return Key{}, "", metapass.FieldError("valid_until", "must be after valid_from")
	}
	secret := metapass.NewSecret(secretPrefix)
	k := Key{ID: metapass.NewID("key"), BrandID: brandID, Role: RoleStaff, Label: label, CreatedAt: s.Now().UTC(), Scope: &scope}
	if err := s.Store.CreateKey(ctx, k, metapass.HashSecret(secret)); err != nil {
		return Key{}, "", err
	}
	return k, secret, nil
}

// ListKeys lists brandID's keys, without secrets.
func (s *Service) ListKeys(ctx context.Context, p Principal, brandID string) ([]Key, error) {
	if err := s.canManage(ctx, p, brandID); err != nil {
		return nil, err
	}
	return s.Store.ListKeys(ctx, brandID)
}

// RevokeKey revokes one of brandID's keys; later requests with it get 401.
func (s *Service) RevokeKey(ctx context.Context, p Principal, brandID, keyID string) error {
	if err := s.canManage(ctx, p, brandID); err != nil {
		return err
	}
	if keyID == p.KeyID {
		return metapass.Errorf(metapass.ECONFLICT, "a key cannot revoke itself")
	}
	return s.Store.RevokeKey(ctx, brandID, keyID, s.Now().UTC())
}
