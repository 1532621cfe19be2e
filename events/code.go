package events

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// codePrefix starts every entry code and names its format.
const codePrefix = "MP1."

// signContext is signed before the payload, so an entry-code signature
// can never be taken for a signature over anything else.
const signContext = "metapass entry code v1\x00"

// Code is what an entry code says: this holder may enter this event with
// this pass, from IssuedAt until ExpiresAt.
type Code struct {
	EventID   string
	ChainID   uint64
	Contract  string // EIP-55
	TokenID   uint64
	Holder    string // EIP-55
	IssuedAt  time.Time
	ExpiresAt time.Time
}

// ErrBadCode means an entry code does not parse or its signature does not
// verify.
var ErrBadCode = errors.New("events: bad entry code")

// payload is the code's compact binary form: the event id with its length,
// then varints and raw addresses.
func (c Code) payload() []byte {
	var b []byte
	b = binary.AppendUvarint(b, uint64(len(c.EventID)))
	b = append(b, c.EventID...)
	b = binary.AppendUvarint(b, c.ChainID)
	b = append(b, common.HexToAddress(c.Contract).Bytes()...)
	b = binary.AppendUvarint(b, c.TokenID)
	b = append(b, common.HexToAddress(c.Holder).Bytes()...)
	b = binary.AppendUvarint(b, uint64(c.IssuedAt.Unix()))
	b = binary.AppendUvarint(b, uint64(c.ExpiresAt.Sub(c.IssuedAt)/time.Second))
	return b
}

// Sign returns the code as text: "MP1." + base64url(payload) + "." +
// base64url(Ed25519 signature). About 200 characters, a QR code of
// version 10 or so.
func (c Code) Sign(key ed25519.PrivateKey) string {
	p := c.payload()
	sig := ed25519.Sign(key, append([]byte(signContext), p...))
	enc := base64.RawURLEncoding
	return codePrefix + enc.EncodeToString(p) + "." + enc.EncodeToString(sig)
}

// ParseCode reads an entry code and verifies its signature with pub. It
// checks nothing else: expiry, event and holder are the check-in's rules.
func ParseCode(text string, pub ed25519.PublicKey) (Code, error) {
	body, ok := strings.CutPrefix(strings.TrimSpace(text), codePrefix)
	if !ok {
		return Code{}, fmt.Errorf("%w: no %q prefix", ErrBadCode, codePrefix)
	}
	p64, s64, ok := strings.Cut(body, ".")
	if !ok || len(p64) > 512 {
		return Code{}, fmt.Errorf("%w: malformed", ErrBadCode)
	}
	enc := base64.RawURLEncoding.Strict() // one text per code
	p, err1 := enc.DecodeString(p64)
	sig, err2 := enc.DecodeString(s64)
	if err1 != nil || err2 != nil || len(sig) != ed25519.SignatureSize {
		return Code{}, fmt.Errorf("%w: malformed", ErrBadCode)
	}
	if !ed25519.Verify(pub, append([]byte(signContext), p...), sig) {
		return Code{}, fmt.Errorf("%w: the signature does not verify", ErrBadCode)
	}
	c, err := decodePayload(p)
	if err != nil {
		return Code{}, fmt.Errorf("%w: %v", ErrBadCode, err)
	}
	return c, nil
}

func decodePayload(p []byte) (Code, error) {
	r := bytes.NewReader(p)
	uvarint := func() uint64 {
		v, err := binary.ReadUvarint(r)
		if err != nil {
			r.Reset(nil)
			return 0
		}
		return v
	}
	address := func() string {
		var a common.Address
		if n, _ := r.Read(a[:]); n != len(a) {
			return ""
		}
		return a.Hex()
	}
	var c Code
	n := uvarint()
	if n == 0 || n > 64 || int(n) > r.Len() {
		return Code{}, errors.New("bad event id")
	}
	id := make([]byte, n)
	_, _ = r.Read(id)
	c.EventID = string(id)
	c.ChainID = uvarint()
	c.Contract = address()
	c.TokenID = uvarint()
	c.Holder = address()
	issued, life := uvarint(), uvarint()
	if c.Contract == "" || c.Holder == "" || issued == 0 || life == 0 || issued > 1<<40 || life > 1<<20 || r.Len() != 0 {
		return Code{}, errors.New("truncated or trailing bytes")
	}
	c.IssuedAt = time.Unix(int64(issued), 0).UTC()
	c.ExpiresAt = c.IssuedAt.Add(time.Duration(life) * time.Second)
	return c, nil
}
