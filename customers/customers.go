// Package customers owns the sessions of wallet holders in a brand's app:
// a wallet proves itself with Sign-In with Ethereum and gets a short-lived
// session token scoped to that brand.
package customers

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/siwe"
)

// Session is a wallet signed in to one brand's app.
type Session struct {
	BrandID   string    `json:"brand_id"`
	Wallet    string    `json:"wallet"`
	ExpiresAt time.Time `json:"expires_at"`
}

// Store persists sign-in nonces and sessions; only hashes of session
// tokens are stored.
type Store interface {
	CreateNonce(ctx context.Context, brandID, nonce string, expires time.Time) error
	// ConsumeNonce marks brandID's nonce used: siwe.ErrBadNonce when it is
	// unknown, another brand's or expired at now; siwe.ErrNonceUsed when
	// it was used.
	ConsumeNonce(ctx context.Context, brandID, nonce string, now time.Time) error
	CreateSession(ctx context.Context, hash []byte, s Session) error
	// SessionByHash returns the session, or ENOTFOUND.
	SessionByHash(ctx context.Context, hash []byte) (Session, error)
}

// Service signs wallets in.
type Service struct {
	Store Store
	Now   func() time.Time
	// Domain and URI are what sign-in messages must name (URI optional:
	// any https URI at Domain otherwise); ChainID the chain they must be
	// for.
	Domain  string
	URI     string
	ChainID uint64
	// AllowHTTP admits messages whose URI is http: at Domain, for a service
	// on a local or plain-http public URL.
	AllowHTTP bool
	// Contracts, when set, admits contract wallets through EIP-1271.
	Contracts siwe.Contracts
	// NonceTTL is how long a nonce may wait to be signed. Defaults to 10 minutes.
	NonceTTL time.Duration
	// SessionTTL is how long a session lasts. Defaults to 1 hour.
	SessionTTL time.Duration
}

const tokenPrefix = "mps_"

// ErrBadSession is returned for a missing, unknown or expired session token.
var ErrBadSession = metapass.Errorf(metapass.EUNAUTHORIZED, "unknown or expired session; sign in again")

// Nonce issues a single-use nonce for a sign-in with brandID.
func (s *Service) Nonce(ctx context.Context, brandID string) (string, error) {
	n := siwe.NewNonce()
	ttl := s.NonceTTL
	if ttl <= 0 {
		ttl = 10 * time.Minute
	}
	if err := s.Store.CreateNonce(ctx, brandID, n, s.Now().Add(ttl)); err != nil {
		return "", fmt.Errorf("store nonce: %w", err)
	}
	return n, nil
}

// SignIn verifies a signed EIP-4361 message for brandID and opens a session
// for its wallet. The token is returned once; only its hash is kept.
func (s *Service) SignIn(ctx context.Context, brandID, message string, sig []byte) (string, Session, error) {
	m, err := s.verify(ctx, brandID, message, sig)
	if err != nil {
		return "", Session{}, err
	}
	ttl := s.SessionTTL
	if ttl <= 0 {
		ttl = time.Hour
	}
	expires := s.Now().Add(ttl).UTC()
	if !m.ExpirationTime.IsZero() && m.ExpirationTime.Before(expires) {
		expires = m.ExpirationTime.UTC() // a session never outlives the message
	}
	token := metapass.NewSecret(tokenPrefix)
	sess := Session{BrandID: brandID, Wallet: m.Address.Hex(), ExpiresAt: expires}
	if err := s.Store.CreateSession(ctx, metapass.HashSecret(token), sess); err != nil {
		return "", Session{}, fmt.Errorf("store session: %w", err)
	}
	return token, sess, nil
}

// SignInURI is the URI sign-in messages name: URI when set, else the root
// of Domain over https (http with AllowHTTP).
func (s *Service) SignInURI() string {
	if s.URI != "" {
		return s.URI
	}
	if s.AllowHTTP {
		return "http://" + s.Domain
	}
	return "https://" + s.Domain
}

// ClaimStatement is the statement of the message a custodial customer signs
// with their own wallet to claim their passes into it: it names the brand
// and the customer, so a signature made to sign in, or to claim another
// customer's passes, cannot move these.
func ClaimStatement(brandID, customerRef string) string {
	return "Claim the passes of customer " + customerRef + " of " + brandID + " into this wallet"
}

// ProveClaim verifies a signed EIP-4361 message for brandID whose statement
// is exactly ClaimStatement(brandID, customerRef) and which carries an
// Expiration Time, consuming its nonce, and returns the wallet that signed
// it: how a custodial customer proves to the brand's backend the wallet
// their passes may go to. A reference that a statement cannot carry
// (characters outside the EIP-4361 statement alphabet) is ERULE.
func (s *Service) ProveClaim(ctx context.Context, brandID, customerRef, message string, sig []byte) (string, error) {
	statement := ClaimStatement(brandID, customerRef)
	if !siwe.ValidStatement(statement) {
		return "", &metapass.Error{Code: metapass.ERULE, Field: "customer_ref", Rule: "ref_not_claimable",
			Message: "this customer reference has characters a sign-in statement cannot carry; its passes cannot be claimed by signature"}
	}
	m, err := siwe.Verify(ctx, message, sig, s.options(brandID, func(o *siwe.VerifyOptions) {
		o.Statement, o.RequireExpiration = statement, true
	}))
	if err != nil {
		return "", err
	}
	return m.Address.Hex(), nil
}

func (s *Service) verify(ctx context.Context, brandID, message string, sig []byte) (siwe.Message, error) {
	return siwe.Verify(ctx, message, sig, s.options(brandID, nil))
}

// options are the VerifyOptions of a message for brandID, changed by edit
// when it is set.
func (s *Service) options(brandID string, edit func(*siwe.VerifyOptions)) siwe.VerifyOptions {
	o := siwe.VerifyOptions{
		Domain: s.Domain, URI: s.URI, AllowHTTP: s.AllowHTTP, ChainID: s.ChainID, Now: s.Now, Contracts: s.Contracts,
		Nonces: brandNonces{s, brandID},
	}
	if edit != nil {
		edit(&o)
	}
	return o
}

// IsToken reports whether secret looks like a session token (rather than
// an API key).
func IsToken(secret string) bool { return strings.HasPrefix(secret, tokenPrefix) }

// Authenticate returns the live session of token.
func (s *Service) Authenticate(ctx context.Context, token string) (Session, error) {
	if !IsToken(token) {
		return Session{}, ErrBadSession
	}
	sess, err := s.Store.SessionByHash(ctx, metapass.HashSecret(token))
	switch {
	case metapass.ErrorCode(err) == metapass.ENOTFOUND:
		return Session{}, ErrBadSession
	case err != nil:
		return Session{}, fmt.Errorf("look up session: %w", err)
	case !s.Now().Before(sess.ExpiresAt):
		return Session{}, ErrBadSession
	}
	return sess, nil
}

// brandNonces consumes nonces issued for one brand.
type brandNonces struct {
	s       *Service
	brandID string
}

func (n brandNonces) Consume(ctx context.Context, nonce string) error {
	return n.s.Store.ConsumeNonce(ctx, n.brandID, nonce, n.s.Now())
}
