package siwe

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/url"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/metapass/metapass"
)

// DefaultClockSkew is how far in the future a message's Issued At may lie
// when VerifyOptions.ClockSkew is zero: wallets' clocks drift.
const DefaultClockSkew = time.Minute

// Bounds of the EIP-1271 call a contract wallet's sign-in makes, so that a
// hostile contract cannot make the node run long or the request wait:
// DefaultCallGas gas for isValidSignature (wallets need a few thousand to a
// few hundred thousand) and DefaultCallTimeout for the whole check.
const (
	DefaultCallGas     = 500_000
	DefaultCallTimeout = 3 * time.Second
)

// Verification failures. Each is a *metapass.Error with code EUNAUTHORIZED;
// Rule holds a stable machine-readable reason and Message tells the client
// what to do. Verify may wrap them with detail for logs, so test with
// errors.Is; the *metapass.Error found by errors.As is the sentinel itself.
var (
	ErrWrongDomain  = unauthorized("wrong_domain", "the sign-in message is for another site; sign a message for this domain")
	ErrWrongURI     = unauthorized("wrong_uri", "the sign-in message names another URI; sign a message for this URI")
	ErrWrongChain   = unauthorized("wrong_chain", "the sign-in message is for another chain; switch the wallet to the expected network and sign again")
	ErrExpired      = unauthorized("expired", "the sign-in message has expired; request a new nonce and sign again")
	ErrNotYetValid  = unauthorized("not_yet_valid", "the sign-in message is not valid yet; check the device clock or wait")
	ErrBadNonce     = unauthorized("bad_nonce", "the nonce is unknown or expired; request a new nonce and sign again")
	ErrNonceUsed    = unauthorized("nonce_used", "the nonce was already used; request a new nonce and sign again")
	ErrBadSignature = unauthorized("bad_signature", "the signature does not match the message and address; sign the message with the wallet it names")
	// ErrNoExpiration: this use of a signature requires a message that
	// expires (VerifyOptions.RequireExpiration).
	ErrNoExpiration = unauthorized("expiration_required", "the message must carry an Expiration Time; sign a message that expires")
	// ErrWrongStatement: the message's statement is not the one this use
	// of a signature requires (a sign-in message offered as a claim).
	ErrWrongStatement = unauthorized("wrong_statement", "the message's statement is not the one required; sign a message with the exact statement asked for")
)

func unauthorized(rule, msg string) *metapass.Error {
	return &metapass.Error{Code: metapass.EUNAUTHORIZED, Rule: rule, Message: msg}
}

// Nonces remembers the nonces the service handed out.
type Nonces interface {
	// Consume marks nonce as used. It succeeds at most once per nonce: it
	// returns ErrBadNonce (or an error wrapping it) for a nonce it never
	// issued or that expired, and ErrNonceUsed for one already consumed.
	// Any other error is a failure of the store and is reported as such.
	Consume(ctx context.Context, nonce string) error
}

// Contracts is the slice of a chain client (*ethclient.Client, a simulated
// backend's client) that EIP-1271 verification needs.
type Contracts interface {
	CodeAt(ctx context.Context, contract common.Address, blockNumber *big.Int) ([]byte, error)
	CallContract(ctx context.Context, call ethereum.CallMsg, blockNumber *big.Int) ([]byte, error)
}

// VerifyOptions are what a sign-in must match. Domain, ChainID and Nonces are
// required.
type VerifyOptions struct {
	// Domain is the authority (host[:port]) the service runs at; compared
	// case-insensitively with the message's domain.
	Domain string
	// Scheme, when set, must equal the message's scheme if the message names
	// one (EIP-4361 assumes https when it does not).
	Scheme string
	// URI, when set, must equal the message's URI exactly. Whether set or
	// not, the message's URI must be an https: URI (http: with AllowHTTP)
	// whose authority is Domain: a message signed for another site, or
	// for a plain-http copy of this one, is refused.
	URI string
	// AllowHTTP admits http: URIs, for a service on a local or plain-http
	// public URL.
	AllowHTTP bool
	// ChainID is the chain the session is for.
	ChainID uint64
	// Now returns the current time. Defaults to time.Now.
	Now func() time.Time
	// ClockSkew is how far in the future Issued At may be. Defaults to
	// DefaultClockSkew; negative means no tolerance.
	ClockSkew time.Duration
	// Nonces consumes the message's nonce on every attempt, before the
	// other checks.
	Nonces Nonces
	// Contracts, when set, lets contract wallets sign in through EIP-1271.
	// Without it only keys (EOAs) can sign in.
	Contracts Contracts
	// CallGas caps the gas of the EIP-1271 call; defaults to
	// DefaultCallGas.
	CallGas uint64
	// CallTimeout caps how long the EIP-1271 check may take; defaults to
	// DefaultCallTimeout.
	CallTimeout time.Duration
	// Statement, when set, must equal the message's statement exactly: a
	// signature for one purpose cannot be used for another.
	Statement string
	// RequireExpiration refuses a message without an Expiration Time.
	RequireExpiration bool
}

// eip1271Magic is both the selector of isValidSignature(bytes32,bytes) and
// the value a contract returns when it accepts the signature.
var eip1271Magic = [4]byte{0x16, 0x26, 0xba, 0x7e}

// Verify parses msg and checks that sig is a valid sign-in with it: the
// message is for opts.Domain (and opts.Scheme, opts.URI when set) and
// opts.ChainID, it is within its validity window, sig was made over it by
// the account it names, and its nonce was unused. It returns the parsed
// message on success.
//
// The signature is an EIP-191 personal_sign signature (65 bytes, v of 27/28
// or 0/1) recovering to the message's address or, if that fails and the
// address holds code, any signature the contract accepts through EIP-1271
// isValidSignature over the personal_sign hash of msg.
//
// The nonce is consumed first, once the message parses: every attempt
// spends it, whether it then passes or fails, so a nonce buys one try (no
// guessing signatures, no repeated EIP-1271 calls), and a replay of an
// accepted message fails with ErrNonceUsed. Malformed messages fail with an
// EINVALID *metapass.Error; the checks with the Err… values above; a chain
// that cannot be reached, or does not answer within the call's time cap,
// with EUNAVAILABLE.
func Verify(ctx context.Context, msg string, sig []byte, opts VerifyOptions) (Message, error) {
	if opts.Domain == "" || opts.ChainID == 0 || opts.Nonces == nil {
		return Message{}, errors.New("siwe: VerifyOptions needs Domain, ChainID and Nonces")
	}
	m, err := Parse(msg)
	if err != nil {
		return Message{}, err
	}
	if err := opts.Nonces.Consume(ctx, m.Nonce); err != nil {
		if errors.Is(err, ErrBadNonce) || errors.Is(err, ErrNonceUsed) {
			return Message{}, err
		}
		return Message{}, fmt.Errorf("siwe: consume nonce: %w", err)
	}
	if !strings.EqualFold(m.Domain, opts.Domain) {
		return Message{}, fmt.Errorf("%w: message domain %q", ErrWrongDomain, m.Domain)
	}
	if opts.Scheme != "" && m.Scheme != "" && !strings.EqualFold(m.Scheme, opts.Scheme) {
		return Message{}, fmt.Errorf("%w: message scheme %q", ErrWrongDomain, m.Scheme)
	}
	if opts.URI != "" && m.URI != opts.URI {
		return Message{}, fmt.Errorf("%w: message URI %q", ErrWrongURI, m.URI)
	}
	if err := checkURI(m.URI, opts); err != nil {
		return Message{}, err
	}
	if opts.Statement != "" && m.Statement != opts.Statement {
		return Message{}, fmt.Errorf("%w: statement %q", ErrWrongStatement, m.Statement)
	}
	if m.ChainID != opts.ChainID {
		return Message{}, fmt.Errorf("%w: message chain %d", ErrWrongChain, m.ChainID)
	}

	now := time.Now()
	if opts.Now != nil {
		now = opts.Now()
	}
	skew := opts.ClockSkew
	switch {
	case skew == 0:
		skew = DefaultClockSkew
	case skew < 0:
		skew = 0
	}
	if opts.RequireExpiration && m.ExpirationTime.IsZero() {
		return Message{}, fmt.Errorf("%w: no Expiration Time", ErrNoExpiration)
	}
	if !m.ExpirationTime.IsZero() && !now.Before(m.ExpirationTime) {
		return Message{}, fmt.Errorf("%w: expired at %s", ErrExpired, m.ExpirationTime.Format(time.RFC3339))
	}
	if !m.NotBefore.IsZero() && now.Before(m.NotBefore) {
		return Message{}, fmt.Errorf("%w: not before %s", ErrNotYetValid, m.NotBefore.Format(time.RFC3339))
	}
	if m.IssuedAt.After(now.Add(skew)) {
		return Message{}, fmt.Errorf("%w: issued at %s, in the future", ErrNotYetValid, m.IssuedAt.Format(time.RFC3339))
	}

	if err := verifySignature(ctx, msg, m.Address, sig, opts); err != nil {
		return Message{}, err
	}
	return m, nil
}

// checkURI checks that the message's URI is this service's: https: (or
// http: with AllowHTTP), no credentials, authority equal to Domain.
func checkURI(uri string, opts VerifyOptions) error {
	u, err := url.Parse(uri)
	if err != nil {
		return fmt.Errorf("%w: message URI %q", ErrWrongURI, uri)
	}
	scheme := strings.ToLower(u.Scheme)
	switch {
	case scheme != "https" && (scheme != "http" || !opts.AllowHTTP):
		return fmt.Errorf("%w: message URI scheme %q", ErrWrongURI, u.Scheme)
	case u.User != nil || !strings.EqualFold(u.Host, opts.Domain):
		return fmt.Errorf("%w: message URI authority %q", ErrWrongURI, u.Host)
	}
	return nil
}

// verifySignature checks sig over msg for addr: personal_sign recovery first,
// EIP-1271 when that does not yield addr and opts.Contracts is set, within
// the call's gas and time caps.
func verifySignature(ctx context.Context, msg string, addr common.Address, sig []byte, opts VerifyOptions) error {
	hash := accounts.TextHash([]byte(msg))
	if recovered, ok := recoverSigner(hash, sig); ok && recovered == addr {
		return nil
	}
	c := opts.Contracts
	if c == nil {
		return ErrBadSignature
	}
	gas, timeout := opts.CallGas, opts.CallTimeout
	if gas == 0 {
		gas = DefaultCallGas
	}
	if timeout <= 0 {
		timeout = DefaultCallTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	code, err := c.CodeAt(ctx, addr, nil)
	if err != nil {
		return metapass.Errorf(metapass.EUNAVAILABLE, "cannot reach the chain to check a contract wallet signature")
	}
	if len(code) == 0 {
		return ErrBadSignature
	}
	out, err := c.CallContract(ctx, ethereum.CallMsg{To: &addr, Gas: gas, Data: packIsValidSignature(hash, sig)}, nil)
	if err != nil {
		// A revert, or running out of the gas cap, is the contract's
		// answer; anything else is the chain's failure.
		var de rpc.DataError
		msg := err.Error()
		if errors.As(err, &de) || strings.Contains(msg, "execution reverted") || strings.Contains(msg, "out of gas") {
			return fmt.Errorf("%w: isValidSignature reverted or ran out of gas", ErrBadSignature)
		}
		return metapass.Errorf(metapass.EUNAVAILABLE, "cannot reach the chain to check a contract wallet signature")
	}
	// The bytes4 result is ABI-encoded left-aligned in one 32-byte word.
	if len(out) < 32 || !bytes.Equal(out[:4], eip1271Magic[:]) {
		return fmt.Errorf("%w: contract wallet rejected the signature", ErrBadSignature)
	}
	return nil
}

// recoverSigner returns the address that made the 65-byte signature sig over
// hash, accepting v as 27/28 (wallets) or 0/1 (raw secp256k1).
func recoverSigner(hash, sig []byte) (common.Address, bool) {
	if len(sig) != crypto.SignatureLength {
		return common.Address{}, false
	}
	s := bytes.Clone(sig)
	switch s[crypto.RecoveryIDOffset] {
	case 27, 28:
		s[crypto.RecoveryIDOffset] -= 27
	case 0, 1:
	default:
		return common.Address{}, false
	}
	pub, err := crypto.SigToPub(hash, s)
	if err != nil {
		return common.Address{}, false
	}
	return crypto.PubkeyToAddress(*pub), true
}

// packIsValidSignature ABI-encodes isValidSignature(bytes32 hash, bytes sig):
// selector, hash, offset of the bytes (0x40), their length, the bytes padded
// to a multiple of 32.
func packIsValidSignature(hash, sig []byte) []byte {
	padded := (len(sig) + 31) / 32 * 32
	data := make([]byte, 0, 4+32*3+padded)
	data = append(data, eip1271Magic[:]...)
	data = append(data, common.BytesToHash(hash).Bytes()...)
	data = append(data, common.BigToHash(big.NewInt(0x40)).Bytes()...)
	data = append(data, common.BigToHash(big.NewInt(int64(len(sig)))).Bytes()...)
	data = append(data, sig...)
	return append(data, make([]byte, padded-len(sig))...)
}
