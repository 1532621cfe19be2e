package siwe_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/siwe"
)

// specExample is the example message of EIP-4361, in canonical form.
const specExample = `service.invalid wants you to sign in with your Ethereum account:
0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2

I accept the ServiceOrg Terms of Service: https://service.invalid/tos

URI: https://service.invalid/login
Version: 1
Chain ID: 1
Nonce: 32891756
Issued At: 2021-09-30T16:25:24Z
Resources:
- ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/
- https://example.com/my-web2-claim.json`

// minimalExample has no statement and no optional field.
const minimalExample = `example.com wants you to sign in with your Ethereum account:
0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2


URI: https://example.com
Version: 1
Chain ID: 1337
Nonce: abcdefgh
Issued At: 2026-01-02T03:04:05Z`

var now = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// memNonces is an in-memory Nonces: issued nonces map to whether they were used.
type memNonces struct {
	mu   sync.Mutex
	used map[string]bool
}

func newNonces(issued ...string) *memNonces {
	n := &memNonces{used: map[string]bool{}}
	for _, s := range issued {
		n.used[s] = false
	}
	return n
}

func (n *memNonces) Consume(_ context.Context, nonce string) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	used, ok := n.used[nonce]
	switch {
	case !ok:
		return siwe.ErrBadNonce
	case used:
		return siwe.ErrNonceUsed
	}
	n.used[nonce] = true
	return nil
}

func (n *memNonces) isUsed(nonce string) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.used[nonce]
}

func newKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return key
}

// personalSign signs text as a wallet's personal_sign does (v of 27/28).
func personalSign(t *testing.T, key *ecdsa.PrivateKey, text string) []byte {
	t.Helper()
	sig, err := crypto.Sign(accounts.TextHash([]byte(text)), key)
	if err != nil {
		t.Fatal(err)
	}
	sig[crypto.RecoveryIDOffset] += 27
	return sig
}

// message is a valid sign-in for addr at now, for the options of opts().
func message(addr common.Address, nonce string) siwe.Message {
	return siwe.Message{
		Scheme:         "https",
		Domain:         "pass.example",
		Address:        addr,
		Statement:      "Sign in to MetaPass.",
		URI:            "https://pass.example/login",
		ChainID:        1337,
		Nonce:          nonce,
		IssuedAt:       now.Add(-time.Minute),
		ExpirationTime: now.Add(10 * time.Minute),
		NotBefore:      now.Add(-time.Minute),
		RequestID:      "req-1",
		Resources:      []string{"https://pass.example/passes"},
	}
}

func opts(nonces siwe.Nonces) siwe.VerifyOptions {
	return siwe.VerifyOptions{
		Domain:  "pass.example",
		Scheme:  "https",
		URI:     "https://pass.example/login",
		ChainID: 1337,
		Now:     func() time.Time { return now },
		Nonces:  nonces,
	}
}

func TestVerify(t *testing.T) {
	key, other := newKey(t), newKey(t)
	addr := crypto.PubkeyToAddress(key.PublicKey)
	tests := []struct {
		name      string
		edit      func(*siwe.Message)       // changes the signed message
		sign      func(text string) []byte  // defaults to key's personal_sign of text
		opts      func(*siwe.VerifyOptions) // changes the expectations
		want      error                     // nil: accepted
		wantBurnt bool                      // the nonce is used afterwards
	}{
		{name: "valid", wantBurnt: true},
		{name: "valid without optional fields", edit: func(m *siwe.Message) {
			m.Scheme, m.Statement, m.ExpirationTime, m.NotBefore, m.RequestID, m.Resources = "", "", time.Time{}, time.Time{}, "", nil
		}, wantBurnt: true},
		{name: "v of 0/1", sign: func(text string) []byte {
			sig := personalSign(t, key, text)
			sig[64] -= 27
			return sig
		}, wantBurnt: true},
		{name: "domain case-insensitive", opts: func(o *siwe.VerifyOptions) { o.Domain = "PASS.example" }, wantBurnt: true},
		{name: "URI not configured", edit: func(m *siwe.Message) { m.URI = "https://pass.example/other" },
			opts: func(o *siwe.VerifyOptions) { o.URI = "" }, wantBurnt: true},
		{name: "wrong domain", edit: func(m *siwe.Message) { m.Domain = "evil.example" }, want: siwe.ErrWrongDomain, wantBurnt: true},
		{name: "wrong scheme", edit: func(m *siwe.Message) { m.Scheme = "http" }, want: siwe.ErrWrongDomain, wantBurnt: true},
		{name: "wrong URI", edit: func(m *siwe.Message) { m.URI = "https://pass.example/other" }, want: siwe.ErrWrongURI, wantBurnt: true},
		{name: "wrong chain", edit: func(m *siwe.Message) { m.ChainID = 1 }, want: siwe.ErrWrongChain, wantBurnt: true},
		{name: "expired", edit: func(m *siwe.Message) { m.ExpirationTime = now.Add(-time.Second) }, want: siwe.ErrExpired, wantBurnt: true},
		{name: "expires now", edit: func(m *siwe.Message) { m.ExpirationTime = now }, want: siwe.ErrExpired, wantBurnt: true},
		{name: "not yet valid", edit: func(m *siwe.Message) { m.NotBefore = now.Add(time.Second) }, want: siwe.ErrNotYetValid, wantBurnt: true},
		{name: "issued in the future", edit: func(m *siwe.Message) { m.IssuedAt = now.Add(2 * time.Minute) }, want: siwe.ErrNotYetValid, wantBurnt: true},
		{name: "issued within skew", edit: func(m *siwe.Message) { m.IssuedAt = now.Add(30 * time.Second) }, wantBurnt: true},
		{name: "unknown nonce", edit: func(m *siwe.Message) { m.Nonce = "neverissued" }, want: siwe.ErrBadNonce},
		{name: "tampered message", sign: func(text string) []byte {
			return personalSign(t, key, strings.Replace(text, "Chain ID: 1337", "Chain ID: 1", 1))
		}, want: siwe.ErrBadSignature, wantBurnt: true},
		{name: "another key", sign: func(text string) []byte { return personalSign(t, other, text) }, want: siwe.ErrBadSignature, wantBurnt: true},
		{name: "bad v", sign: func(text string) []byte {
			sig := personalSign(t, key, text)
			sig[64] = 29
			return sig
		}, want: siwe.ErrBadSignature, wantBurnt: true},
		{name: "short signature", sign: func(text string) []byte { return personalSign(t, key, text)[:64] }, want: siwe.ErrBadSignature, wantBurnt: true},
		{name: "no signature", sign: func(string) []byte { return nil }, want: siwe.ErrBadSignature, wantBurnt: true},
		{name: "URI over http", edit: func(m *siwe.Message) { m.URI = "http://pass.example/login" },
			opts: func(o *siwe.VerifyOptions) { o.URI = "" }, want: siwe.ErrWrongURI, wantBurnt: true},
		{name: "URI over http allowed", edit: func(m *siwe.Message) { m.URI = "http://pass.example/login" },
			opts: func(o *siwe.VerifyOptions) { o.URI, o.AllowHTTP = "", true }, wantBurnt: true},
		{name: "URI of another host", edit: func(m *siwe.Message) { m.URI = "https://evil.example/login" },
			opts: func(o *siwe.VerifyOptions) { o.URI = "" }, want: siwe.ErrWrongURI, wantBurnt: true},
		{name: "URI of another port", edit: func(m *siwe.Message) { m.URI = "https://pass.example:8443/login" },
			opts: func(o *siwe.VerifyOptions) { o.URI = "" }, want: siwe.ErrWrongURI, wantBurnt: true},
		{name: "URI with credentials", edit: func(m *siwe.Message) { m.URI = "https://me@pass.example/login" },
			opts: func(o *siwe.VerifyOptions) { o.URI = "" }, want: siwe.ErrWrongURI, wantBurnt: true},
		{name: "URI of another scheme", edit: func(m *siwe.Message) { m.URI = "ftp://pass.example/login" },
			opts: func(o *siwe.VerifyOptions) { o.URI, o.AllowHTTP = "", true }, want: siwe.ErrWrongURI, wantBurnt: true},
		{name: "statement required", opts: func(o *siwe.VerifyOptions) {
			o.Statement = "Claim the passes of customer C-1 of brd_1 into this wallet"
		},
			want: siwe.ErrWrongStatement, wantBurnt: true},
		{name: "statement matches", edit: func(m *siwe.Message) { m.Statement = "Claim the passes of customer C-1 of brd_1 into this wallet" },
			opts: func(o *siwe.VerifyOptions) {
				o.Statement = "Claim the passes of customer C-1 of brd_1 into this wallet"
			}, wantBurnt: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nonce := siwe.NewNonce()
			nonces := newNonces(nonce)
			m := message(addr, nonce)
			if tt.edit != nil {
				tt.edit(&m)
			}
			text := m.String()
			sig := personalSign(t, key, text)
			if tt.sign != nil {
				sig = tt.sign(text)
			}
			o := opts(nonces)
			if tt.opts != nil {
				tt.opts(&o)
			}
			got, err := siwe.Verify(t.Context(), text, sig, o)
			switch {
			case tt.want == nil && err != nil:
				t.Fatalf("rejected: %v", err)
			case tt.want == nil && got.Address != addr:
				t.Fatalf("address %s, want %s", got.Address, addr)
			case tt.want != nil && !errors.Is(err, tt.want):
				t.Fatalf("error %v, want %v", err, tt.want)
			case tt.want != nil && metapass.ErrorCode(err) != metapass.EUNAUTHORIZED:
				t.Fatalf("code %q, want %q", metapass.ErrorCode(err), metapass.EUNAUTHORIZED)
			}
			if burnt := nonces.isUsed(nonce); burnt != tt.wantBurnt {
				t.Fatalf("nonce used = %v, want %v", burnt, tt.wantBurnt)
			}
		})
	}
}

func TestVerifyReplay(t *testing.T) {
	key := newKey(t)
	nonce := siwe.NewNonce()
	nonces := newNonces(nonce)
	text := message(crypto.PubkeyToAddress(key.PublicKey), nonce).String()
	sig := personalSign(t, key, text)
	if _, err := siwe.Verify(t.Context(), text, sig, opts(nonces)); err != nil {
		t.Fatalf("first sign-in: %v", err)
	}
	_, err := siwe.Verify(t.Context(), text, sig, opts(nonces))
	if !errors.Is(err, siwe.ErrNonceUsed) {
		t.Fatalf("replay: %v, want %v", err, siwe.ErrNonceUsed)
	}
	var e *metapass.Error
	if !errors.As(err, &e) || e.Rule != "nonce_used" {
		t.Fatalf("replay error %#v, want rule nonce_used", e)
	}
}

func TestVerifyMalformed(t *testing.T) {
	nonces := newNonces("abcdefgh")
	_, err := siwe.Verify(t.Context(), "hello", make([]byte, 65), opts(nonces))
	if metapass.ErrorCode(err) != metapass.EINVALID {
		t.Fatalf("error %v, want code %s", err, metapass.EINVALID)
	}
	if _, err := siwe.Verify(t.Context(), minimalExample, nil, siwe.VerifyOptions{}); err == nil || metapass.ErrorCode(err) != metapass.EINTERNAL {
		t.Fatalf("empty options: %v, want an internal error", err)
	}
}

// failingNonces is a store that is down.
type failingNonces struct{}

func (failingNonces) Consume(context.Context, string) error { return errors.New("database is down") }

func TestVerifyNonceStoreDown(t *testing.T) {
	key := newKey(t)
	text := message(crypto.PubkeyToAddress(key.PublicKey), "abcdefgh").String()
	_, err := siwe.Verify(t.Context(), text, personalSign(t, key, text), opts(failingNonces{}))
	if err == nil || metapass.ErrorCode(err) != metapass.EINTERNAL {
		t.Fatalf("error %v, want an internal error", err)
	}
}

func TestParseErrors(t *testing.T) {
	valid := minimalExample
	tests := []struct {
		name  string
		input string
		want  string // part of the error message
	}{
		{"empty", "", "line 1: first line"},
		{"CRLF", strings.ReplaceAll(valid, "\n", "\r\n"), "CRLF"},
		{"trailing newline", valid + "\n", "must not end with a newline"},
		{"extra line", valid + "\nHello: there", "unexpected line"},
		{"bad header", strings.Replace(valid, "wants you", "want you", 1), "line 1: first line"},
		{"bad domain", strings.Replace(valid, "example.com", "exa mple.com", 1), "line 1: domain"},
		{"domain with path", strings.Replace(valid, "example.com wants", "example.com/x wants", 1), "line 1: domain"},
		{"bad scheme", "1http://" + valid, "line 1: scheme"},
		{"address not checksummed", strings.Replace(valid, "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", 1), "line 2: address must be EIP-55"},
		{"address without 0x", strings.Replace(valid, "0xC02a", "C02a", 1), "line 2:"},
		{"short address", strings.Replace(valid, "Cc2\n", "Cc\n", 1), "line 2:"},
		{"missing blank line", strings.Replace(valid, "Cc2\n\n\n", "Cc2\nURI", 1), "line 3: expected an empty line"},
		{"statement without blank line", strings.Replace(valid, "Cc2\n\n\n", "Cc2\n\nHi\n", 1), "line 5: expected an empty line after the statement"},
		{"statement non-ASCII", strings.Replace(valid, "Cc2\n\n\n", "Cc2\n\nHéllo\n\n", 1), "line 4: statement"},
		{"missing URI", strings.Replace(valid, "URI: https://example.com\n", "", 1), `line 5: expected "URI:"`},
		{"relative URI", strings.Replace(valid, "URI: https://example.com", "URI: /login", 1), "line 5: URI"},
		{"version 2", strings.Replace(valid, "Version: 1", "Version: 2", 1), "line 6: version"},
		{"chain id not a number", strings.Replace(valid, "Chain ID: 1337", "Chain ID: x", 1), "line 7: chain id"},
		{"chain id leading zero", strings.Replace(valid, "Chain ID: 1337", "Chain ID: 01337", 1), "line 7: chain id"},
		{"chain id overflow", strings.Replace(valid, "Chain ID: 1337", "Chain ID: 18446744073709551616", 1), "line 7: chain id"},
		{"short nonce", strings.Replace(valid, "abcdefgh", "abcdefg", 1), "line 8: nonce"},
		{"nonce with symbol", strings.Replace(valid, "abcdefgh", "abcd-efgh", 1), "line 8: nonce"},
		{"fields out of order", strings.Replace(valid, "Chain ID: 1337\nNonce: abcdefgh", "Nonce: abcdefgh\nChain ID: 1337", 1), `line 7: expected "Chain ID:"`},
		{"issued at not RFC 3339", strings.Replace(valid, "2026-01-02T03:04:05Z", "2026-01-02 03:04:05", 1), "line 9: issued at"},
		{"issued at with comma", strings.Replace(valid, "05Z", "05,5Z", 1), "line 9: issued at"},
		{"issued at missing", strings.Replace(valid, "\nIssued At: 2026-01-02T03:04:05Z", "", 1), `line 8: expected "Issued At:"`},
		{"bad expiration", valid + "\nExpiration Time: tomorrow", "line 10: expiration time"},
		{"bad not before", valid + "\nNot Before: 2026-13-01T00:00:00Z", "line 10: not before"},
		{"empty request id", valid + "\nRequest ID: ", "line 10: request id"},
		{"empty resources", valid + "\nResources:", "line 10: resources list is empty"},
		{"bad resource", valid + "\nResources:\n- not a uri", "line 11: resource"},
		{"optional fields out of order", valid + "\nNot Before: 2026-01-02T03:04:05Z\nExpiration Time: 2026-01-02T03:04:05Z", "line 11: unexpected line"},
		{"zero time", strings.Replace(valid, "2026-01-02T03:04:05Z", "0001-01-01T00:00:00Z", 1), "line 9: issued at"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := siwe.Parse(tt.input)
			var e *metapass.Error
			if !errors.As(err, &e) || e.Code != metapass.EINVALID {
				t.Fatalf("error %v, want a *metapass.Error with code %s", err, metapass.EINVALID)
			}
			if !strings.Contains(e.Message, tt.want) {
				t.Fatalf("message %q, want it to contain %q", e.Message, tt.want)
			}
		})
	}
}

func TestParse(t *testing.T) {
	m, err := siwe.Parse(specExample)
	if err != nil {
		t.Fatal(err)
	}
	want := siwe.Message{
		Domain:    "service.invalid",
		Address:   common.HexToAddress("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2"),
		Statement: "I accept the ServiceOrg Terms of Service: https://service.invalid/tos",
		URI:       "https://service.invalid/login",
		ChainID:   1,
		Nonce:     "32891756",
		IssuedAt:  time.Date(2021, 9, 30, 16, 25, 24, 0, time.UTC),
		Resources: []string{
			"ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/",
			"https://example.com/my-web2-claim.json",
		},
	}
	assertEqual(t, m, want)
}

func TestRoundTrip(t *testing.T) {
	addr := common.HexToAddress("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2")
	full := message(addr, "abcdefgh12")
	full.IssuedAt = time.Date(2026, 1, 2, 3, 4, 5, 120000000, time.FixedZone("", 2*3600))
	tests := []struct {
		name  string
		input string
	}{
		{"spec example", specExample},
		{"minimal", minimalExample},
		{"all fields", full.String()},
		{"scheme and port", strings.Replace(minimalExample, "example.com wants", "http://localhost:8080 wants", 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := siwe.Parse(tt.input)
			if err != nil {
				t.Fatal(err)
			}
			if got := m.String(); got != tt.input {
				t.Fatalf("String() =\n%s\nwant\n%s", got, tt.input)
			}
			again, err := siwe.Parse(m.String())
			if err != nil {
				t.Fatal(err)
			}
			assertEqual(t, again, m)
		})
	}
	m, err := siwe.Parse(full.String())
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, m, full)
}

// assertEqual fails the test unless got and want are the same message: the
// same fields, times at the same instant with the same UTC offset.
func assertEqual(t *testing.T, got, want siwe.Message) {
	t.Helper()
	if d := diff(got, want); d != "" {
		t.Fatalf("messages differ in %s:\ngot  %#v\nwant %#v", d, got, want)
	}
}

func diff(a, b siwe.Message) string {
	sameTime := func(x, y time.Time) bool {
		_, ox := x.Zone()
		_, oy := y.Zone()
		return x.Equal(y) && ox == oy
	}
	switch {
	case a.Scheme != b.Scheme:
		return "Scheme"
	case a.Domain != b.Domain:
		return "Domain"
	case a.Address != b.Address:
		return "Address"
	case a.Statement != b.Statement:
		return "Statement"
	case a.URI != b.URI:
		return "URI"
	case a.ChainID != b.ChainID:
		return "ChainID"
	case a.Nonce != b.Nonce:
		return "Nonce"
	case !sameTime(a.IssuedAt, b.IssuedAt):
		return "IssuedAt"
	case !sameTime(a.ExpirationTime, b.ExpirationTime):
		return "ExpirationTime"
	case !sameTime(a.NotBefore, b.NotBefore):
		return "NotBefore"
	case a.RequestID != b.RequestID:
		return "RequestID"
	case strings.Join(a.Resources, "\n") != strings.Join(b.Resources, "\n") || len(a.Resources) != len(b.Resources):
		return "Resources"
	}
	return ""
}

func FuzzParse(f *testing.F) {
	withAll := message(common.HexToAddress("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2"), "abcdefgh12").String()
	for _, s := range []string{
		specExample,
		minimalExample,
		withAll,
		specExample[:len(specExample)/2], // truncated
		minimalExample + "\n",            // trailing newline
		minimalExample + "\nExtra: line", // extra line
		strings.ReplaceAll(specExample, "\n", "\r\n"),                       // CRLF
		strings.Replace(specExample, "I accept", "J'accepte é ✓", 1),        // unicode statement
		strings.Replace(minimalExample, "example.com", "exämple.com", 1),    // unicode domain
		strings.Replace(minimalExample, "03:04:05Z", "03:04:05.5+05:30", 1), // offset and fraction
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := siwe.Parse(s)
		if err != nil {
			if metapass.ErrorCode(err) != metapass.EINVALID {
				t.Fatalf("error %v has code %q, want %q", err, metapass.ErrorCode(err), metapass.EINVALID)
			}
			return
		}
		text := m.String()
		again, err := siwe.Parse(text)
		if err != nil {
			t.Fatalf("accepted %q but not its rendering %q: %v", s, text, err)
		}
		if d := diff(again, m); d != "" {
			t.Fatalf("round trip of %q changed %s", s, d)
		}
		if again.String() != text {
			t.Fatalf("rendering not stable: %q then %q", text, again.String())
		}
	})
}

// The wallets below are EVM bytecode assembled by hand, one instruction per
// line. Comments give the stack after each instruction, top first.

// op encodes one instruction with its immediate bytes (for PUSHn).
func op(o vm.OpCode, immediate ...byte) []byte { return append([]byte{byte(o)}, immediate...) }

// asm concatenates instructions into code.
func asm(ops ...[]byte) []byte { return bytes.Join(ops, nil) }

// deployPrefix returns init code that deploys runtime as a contract's code:
// it copies the runtime, which follows these 9 bytes, into memory and
// returns it.
func deployPrefix(runtime []byte) []byte {
	return asm(
		op(vm.PUSH1, byte(len(runtime))), // [len]
		op(vm.DUP1),                      // [len len]
		op(vm.PUSH1, 0x09),               // [9 len len], 9 = offset of the runtime
		op(vm.PUSH0),                     // [0 9 len len]
		op(vm.CODECOPY),                  // [len], mem[0:len] = code[9:9+len]
		op(vm.PUSH0),                     // [0 len]
		op(vm.RETURN),                    // mem[0:len] becomes the contract's code
		runtime,
	)
}

// magic is the EIP-1271 value isValidSignature returns to accept.
var magic = []byte{0x16, 0x26, 0xba, 0x7e}

// acceptAll is a wallet whose isValidSignature returns the magic value for any input.
var acceptAll = asm(
	op(vm.PUSH4, magic...), // [magic]
	op(vm.PUSH1, 0xe0),     // [224 magic]
	op(vm.SHL),             // [magic<<224], bytes4 left-aligned in a word as the ABI wants
	op(vm.PUSH0),           // [0 word]
	op(vm.MSTORE),          // [], mem[0:32] = word
	op(vm.PUSH1, 0x20),     // [32]
	op(vm.PUSH0),           // [0 32]
	op(vm.RETURN),          // returns mem[0:32]
)

// rejectAll is a wallet whose isValidSignature returns zero for any input.
var rejectAll = asm(
	op(vm.PUSH1, 0x20), // [32]
	op(vm.PUSH0),       // [0 32]
	op(vm.RETURN),      // returns mem[0:32], never written: zero
)

// revertAll is a wallet whose isValidSignature always reverts.
var revertAll = asm(
	op(vm.PUSH0),  // [0]
	op(vm.PUSH0),  // [0 0]
	op(vm.REVERT), // reverts with empty data
)

// ownerWallet is a wallet that accepts exactly the 65-byte ECDSA signatures
// (v of 27/28) its owner made over the hash. It reads the standard ABI
// encoding of isValidSignature(bytes32 hash, bytes sig) with sig 65 bytes:
// hash at calldata 0x04, r at 0x64, s at 0x84, v the byte at 0xa4. Comments
// start with the instruction's offset.
func ownerWallet(owner common.Address) []byte {
	return asm(
		op(vm.PUSH1, 0x04),              // 00 [4]
		op(vm.CALLDATALOAD),             // 02 [hash]
		op(vm.PUSH0),                    // 03 [0 hash]
		op(vm.MSTORE),                   // 04 [], mem[0x00] = hash
		op(vm.PUSH1, 0xa4),              // 05 [0xa4]
		op(vm.CALLDATALOAD),             // 07 [word starting with v]
		op(vm.PUSH0),                    // 08 [0 word]
		op(vm.BYTE),                     // 09 [v], byte 0 of the word
		op(vm.PUSH1, 0x20),              // 0a [0x20 v]
		op(vm.MSTORE),                   // 0c [], mem[0x20] = v
		op(vm.PUSH1, 0x64),              // 0d [0x64]
		op(vm.CALLDATALOAD),             // 0f [r]
		op(vm.PUSH1, 0x40),              // 10 [0x40 r]
		op(vm.MSTORE),                   // 12 [], mem[0x40] = r
		op(vm.PUSH1, 0x84),              // 13 [0x84]
		op(vm.CALLDATALOAD),             // 15 [s]
		op(vm.PUSH1, 0x60),              // 16 [0x60 s]
		op(vm.MSTORE),                   // 18 [], mem[0x60] = s
		op(vm.PUSH1, 0x20),              // 19 [retSize=32]
		op(vm.PUSH1, 0x80),              // 1b [retOffset=0x80 retSize]
		op(vm.PUSH1, 0x80),              // 1d [argsSize=0x80 retOffset retSize]
		op(vm.PUSH0),                    // 1f [argsOffset=0 argsSize retOffset retSize]
		op(vm.PUSH1, 0x01),              // 20 [1 argsOffset ...], the ecrecover precompile
		op(vm.GAS),                      // 22 [gas 1 argsOffset ...]
		op(vm.STATICCALL),               // 23 [success], mem[0x80:0xa0] = ecrecover(hash, v, r, s)
		op(vm.POP),                      // 24 [], a failed recovery leaves mem[0x80] zero: no owner
		op(vm.PUSH1, 0x80),              // 25 [0x80]
		op(vm.MLOAD),                    // 27 [recovered]
		op(vm.PUSH20, owner.Bytes()...), // 28 [owner recovered]
		op(vm.EQ),                       // 3d [owner==recovered]
		op(vm.PUSH1, 0x46),              // 3e [0x46 cond]
		op(vm.JUMPI),                    // 40 [], to 0x46 if cond
		op(vm.PUSH1, 0x20),              // 41 [32]
		op(vm.PUSH1, 0xa0),              // 43 [0xa0 32]
		op(vm.RETURN),                   // 45 returns mem[0xa0:0xc0], never written: zero, rejected
		op(vm.JUMPDEST),                 // 46 []
		op(vm.PUSH4, magic...),          // 47 [magic]
		op(vm.PUSH1, 0xe0),              // 4c [224 magic]
		op(vm.SHL),                      // 4e [magic<<224]
		op(vm.PUSH0),                    // 4f [0 word]
		op(vm.MSTORE),                   // 50 [], mem[0:32] = word
		op(vm.PUSH1, 0x20),              // 51 [32]
		op(vm.PUSH0),                    // 53 [0 32]
		op(vm.RETURN),                   // 54 returns mem[0:32], accepted
	)
}

// deployWallet deploys runtime on sim and returns its address.
func deployWallet(t *testing.T, sim *simulated.Backend, deployer *bind.TransactOpts, runtime []byte) common.Address {
	t.Helper()
	addr, tx, err := bind.DeployContract(deployer, deployPrefix(runtime), sim.Client(), nil)
	if err != nil {
		t.Fatalf("deploy: %v", err)
	}
	sim.Commit()
	receipt, err := bind.WaitMined(t.Context(), sim.Client(), tx.Hash())
	if err != nil || receipt.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("deploy receipt %+v, %v", receipt, err)
	}
	code, err := sim.Client().CodeAt(t.Context(), addr, nil)
	if err != nil || string(code) != string(runtime) {
		t.Fatalf("deployed code %x (%v), want %x", code, err, runtime)
	}
	return addr
}

func TestVerifyEIP1271(t *testing.T) {
	deployerKey, owner, stranger := newKey(t), newKey(t), newKey(t)
	sim := simulated.NewBackend(types.GenesisAlloc{
		crypto.PubkeyToAddress(deployerKey.PublicKey): {Balance: new(big.Int).Mul(big.NewInt(100), big.NewInt(1e18))},
	})
	t.Cleanup(func() { sim.Close() })
	deployer := bind.NewKeyedTransactor(deployerKey, big.NewInt(1337))

	ownerCode := ownerWallet(crypto.PubkeyToAddress(owner.PublicKey))
	if ownerCode[0x46] != 0x5b {
		t.Fatalf("jump target 0x46 is %#x, not JUMPDEST", ownerCode[0x46])
	}
	wallets := map[string]common.Address{
		"accept": deployWallet(t, sim, deployer, acceptAll),
		"reject": deployWallet(t, sim, deployer, rejectAll),
		"revert": deployWallet(t, sim, deployer, revertAll),
		"owner":  deployWallet(t, sim, deployer, ownerCode),
		"eoa":    crypto.PubkeyToAddress(stranger.PublicKey), // no code
	}
	tests := []struct {
		name   string
		wallet string
		signer *ecdsa.PrivateKey
		sig    []byte // overrides signer
		want   error
	}{
		{name: "accepting wallet", wallet: "accept", signer: stranger},
		{name: "accepting wallet, arbitrary-length signature", wallet: "accept", sig: []byte("multisig blob of any length")},
		{name: "rejecting wallet", wallet: "reject", signer: owner, want: siwe.ErrBadSignature},
		{name: "reverting wallet", wallet: "revert", signer: owner, want: siwe.ErrBadSignature},
		{name: "owner signs for their wallet", wallet: "owner", signer: owner},
		{name: "stranger signs for the wallet", wallet: "owner", signer: stranger, want: siwe.ErrBadSignature},
		{name: "account without code", wallet: "eoa", signer: owner, want: siwe.ErrBadSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nonce := siwe.NewNonce()
			nonces := newNonces(nonce)
			text := message(wallets[tt.wallet], nonce).String()
			sig := tt.sig
			if sig == nil {
				sig = personalSign(t, tt.signer, text)
			}
			o := opts(nonces)
			o.Contracts = sim.Client()
			_, err := siwe.Verify(t.Context(), text, sig, o)
			if tt.want == nil && err != nil {
				t.Fatalf("rejected: %v", err)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
			if !nonces.isUsed(nonce) {
				t.Fatal("nonce left usable after an attempt")
			}
		})
	}
}

// downChain is a Contracts whose node cannot be reached.
type downChain struct{}

func (downChain) CodeAt(context.Context, common.Address, *big.Int) ([]byte, error) {
	return nil, errors.New("dial tcp: connection refused")
}

func (downChain) CallContract(context.Context, ethereum.CallMsg, *big.Int) ([]byte, error) {
	return nil, errors.New("dial tcp: connection refused")
}

func TestVerifyChainDown(t *testing.T) {
	key := newKey(t)
	nonce := siwe.NewNonce()
	nonces := newNonces(nonce)
	text := message(common.HexToAddress("0x00000000000000000000000000000000000000aa"), nonce).String()
	o := opts(nonces)
	o.Contracts = downChain{}
	_, err := siwe.Verify(t.Context(), text, personalSign(t, key, text), o)
	if metapass.ErrorCode(err) != metapass.EUNAVAILABLE {
		t.Fatalf("error %v, want code %s", err, metapass.EUNAVAILABLE)
	}
	if !nonces.isUsed(nonce) {
		t.Fatal("nonce left usable: every attempt spends it")
	}
}

// slowChain is a Contracts whose node never answers a call.
type slowChain struct{}

func (slowChain) CodeAt(context.Context, common.Address, *big.Int) ([]byte, error) {
	return []byte{0x00}, nil
}

func (slowChain) CallContract(ctx context.Context, _ ethereum.CallMsg, _ *big.Int) ([]byte, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

// TestVerifyEIP1271Caps: the contract call of a sign-in is bounded in time
// and gas: a node that hangs answers EUNAVAILABLE at the time cap, a wallet
// that loops forever is a bad signature, and neither leaves the nonce
// usable for another try.
func TestVerifyEIP1271Caps(t *testing.T) {
	key := newKey(t)
	nonce := siwe.NewNonce()
	nonces := newNonces(nonce)
	text := message(common.HexToAddress("0x00000000000000000000000000000000000000aa"), nonce).String()
	o := opts(nonces)
	o.Contracts, o.CallTimeout = slowChain{}, 200*time.Millisecond
	start := time.Now()
	_, err := siwe.Verify(t.Context(), text, personalSign(t, key, text), o)
	if metapass.ErrorCode(err) != metapass.EUNAVAILABLE || time.Since(start) > 2*time.Second {
		t.Fatalf("hanging node: %v after %v, want %s at the time cap", err, time.Since(start), metapass.EUNAVAILABLE)
	}
	if _, err := siwe.Verify(t.Context(), text, personalSign(t, key, text), o); !errors.Is(err, siwe.ErrNonceUsed) {
		t.Fatalf("second try with the same nonce: %v, want %v", err, siwe.ErrNonceUsed)
	}

	deployerKey := newKey(t)
	sim := simulated.NewBackend(types.GenesisAlloc{
		crypto.PubkeyToAddress(deployerKey.PublicKey): {Balance: new(big.Int).Mul(big.NewInt(100), big.NewInt(1e18))},
	})
	t.Cleanup(func() { sim.Close() })
	loop := deployWallet(t, sim, bind.NewKeyedTransactor(deployerKey, big.NewInt(1337)), asm(
		op(vm.JUMPDEST), // 0
		op(vm.PUSH0),    // [0]
		op(vm.JUMP),     // back to 0, forever
	))
	nonce = siwe.NewNonce()
	o = opts(newNonces(nonce))
	o.Contracts = sim.Client()
	text = message(loop, nonce).String()
	start = time.Now()
	if _, err := siwe.Verify(t.Context(), text, personalSign(t, key, text), o); !errors.Is(err, siwe.ErrBadSignature) {
		t.Fatalf("gas-burning wallet: %v, want %v", err, siwe.ErrBadSignature)
	}
	t.Logf("gas-burning wallet refused in %v", time.Since(start))
}
