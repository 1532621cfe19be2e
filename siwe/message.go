// Package siwe implements Sign-In with Ethereum (EIP-4361): parsing and
// rendering the sign-in message, and verifying a wallet's signature over it
// (EIP-191 personal_sign for keys, EIP-1271 for contract wallets).
//
// The HTTP layer hands out a nonce (NewNonce, remembered by a Nonces store),
// the wallet signs a message naming it, and Verify checks the message against
// the site's expectations, checks the signature, and consumes the nonce once.
package siwe

import (
	"crypto/rand"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/metapass/metapass"
)

// Version is the only EIP-4361 message version.
const Version = "1"

// headerSuffix follows the (optional scheme and) domain on the first line.
const headerSuffix = " wants you to sign in with your Ethereum account:"

// Field prefixes, in the order the message must carry them.
const (
	prefixURI        = "URI: "
	prefixVersion    = "Version: "
	prefixChainID    = "Chain ID: "
	prefixNonce      = "Nonce: "
	prefixIssuedAt   = "Issued At: "
	prefixExpiration = "Expiration Time: "
	prefixNotBefore  = "Not Before: "
	prefixRequestID  = "Request ID: "
	lineResources    = "Resources:"
	prefixResource   = "- "
)

// Message is a parsed EIP-4361 sign-in message. Empty strings, zero times and
// a nil Resources mean the optional field is absent.
type Message struct {
	Scheme         string         // optional URI scheme of the requesting origin, e.g. "https"
	Domain         string         // RFC 3986 authority asking for the sign-in, e.g. "example.com:8443"
	Address        common.Address // account signing in
	Statement      string         // optional human-readable assertion (one line, ASCII)
	URI            string         // RFC 3986 URI of the resource that is the subject of the signing
	ChainID        uint64         // EIP-155 chain id the session is bound to
	Nonce          string         // at least 8 ASCII letters or digits, single use
	IssuedAt       time.Time      // when the message was made
	ExpirationTime time.Time      // optional: the message is invalid from this instant on
	NotBefore      time.Time      // optional: the message is invalid before this instant
	RequestID      string         // optional system-specific identifier
	Resources      []string       // optional RFC 3986 URIs the user wishes to have resolved
}

// NewNonce returns a fresh random nonce suitable for a sign-in message
// (26 base32 characters, 130 bits from crypto/rand).
func NewNonce() string {
	return rand.Text()
}

// String renders m as canonical EIP-4361 text (LF line endings, no trailing
// newline, times in RFC 3339 with the minimal fractional seconds). Parse of
// the result yields a Message equal to m when m is valid. A message parsed
// from a client may render differently from the text the client signed (for
// example "…00.000Z" renders as "…00Z"); signatures are always checked
// against the text as received.
func (m Message) String() string {
	var b strings.Builder
	if m.Scheme != "" {
		b.WriteString(m.Scheme + "://")
	}
	b.WriteString(m.Domain + headerSuffix + "\n")
	b.WriteString(m.Address.Hex() + "\n\n")
	if m.Statement != "" {
		b.WriteString(m.Statement + "\n")
	}
	b.WriteString("\n")
	b.WriteString(prefixURI + m.URI + "\n")
	b.WriteString(prefixVersion + Version + "\n")
	b.WriteString(prefixChainID + strconv.FormatUint(m.ChainID, 10) + "\n")
	b.WriteString(prefixNonce + m.Nonce + "\n")
	b.WriteString(prefixIssuedAt + m.IssuedAt.Format(time.RFC3339Nano))
	if !m.ExpirationTime.IsZero() {
		b.WriteString("\n" + prefixExpiration + m.ExpirationTime.Format(time.RFC3339Nano))
	}
	if !m.NotBefore.IsZero() {
		b.WriteString("\n" + prefixNotBefore + m.NotBefore.Format(time.RFC3339Nano))
	}
	if m.RequestID != "" {
		b.WriteString("\n" + prefixRequestID + m.RequestID)
	}
	if len(m.Resources) > 0 {
		b.WriteString("\n" + lineResources)
		for _, r := range m.Resources {
			b.WriteString("\n" + prefixResource + r)
		}
	}
	return b.String()
}

// Parse parses s, which must be exactly an EIP-4361 message: LF line endings,
// no trailing newline, an EIP-55 checksummed address, fields in the order of
// the specification. It is stricter than the ABNF in three corners, so that
// every accepted message round-trips through String: an empty "Request ID:",
// an empty "Resources:" list and the zero time 0001-01-01T00:00:00Z are
// rejected. Errors are *metapass.Error with code EINVALID and a message that
// names the line and what is wrong with it.
func Parse(s string) (Message, error) {
	if strings.Contains(s, "\r") {
		return Message{}, invalid(0, "line endings must be LF, not CRLF")
	}
	p := parser{lines: strings.Split(s, "\n")}
	var m Message

	// Header: [scheme "://"] domain " wants you to sign in with your Ethereum account:"
	header, n := p.next()
	origin, ok := strings.CutSuffix(header, headerSuffix)
	if !ok {
		return Message{}, invalid(n, "first line must be %q", "${domain}"+headerSuffix)
	}
	if scheme, domain, found := strings.Cut(origin, "://"); found {
		if !validScheme(scheme) {
			return Message{}, invalid(n, "scheme %q is not a valid URI scheme", scheme)
		}
		m.Scheme, origin = scheme, domain
	}
	if !validAuthority(origin) {
		return Message{}, invalid(n, "domain %q is not a valid RFC 3986 authority", origin)
	}
	m.Domain = origin

	addr, n := p.next()
	if !common.IsHexAddress(addr) || !strings.HasPrefix(addr, "0x") {
		return Message{}, invalid(n, "second line must be a 0x-prefixed Ethereum address")
	}
	m.Address = common.HexToAddress(addr)
	if m.Address.Hex() != addr {
		return Message{}, invalid(n, "address must be EIP-55 checksummed (%s)", m.Address.Hex())
	}

	if l, n := p.next(); l != "" {
		return Message{}, invalid(n, "expected an empty line after the address")
	}
	if l, n := p.next(); l != "" {
		if !ValidStatement(l) {
			return Message{}, invalid(n, "statement must be printable ASCII URI characters and spaces")
		}
		m.Statement = l
		if l, n := p.next(); l != "" {
			return Message{}, invalid(n, "expected an empty line after the statement")
		}
	}

	v, n, err := p.field(prefixURI)
	if err != nil {
		return Message{}, err
	}
	if !validURI(v) {
		return Message{}, invalid(n, "URI %q is not an absolute RFC 3986 URI", v)
	}
	m.URI = v

	v, n, err = p.field(prefixVersion)
	if err != nil {
		return Message{}, err
	}
	if v != Version {
		return Message{}, invalid(n, "version must be %q", Version)
	}

	v, n, err = p.field(prefixChainID)
	if err != nil {
		return Message{}, err
	}
	if m.ChainID, err = parseChainID(v); err != nil {
		return Message{}, invalid(n, "chain id must be a decimal number without leading zeros")
	}

	v, n, err = p.field(prefixNonce)
	if err != nil {
		return Message{}, err
	}
	if !validNonce(v) {
		return Message{}, invalid(n, "nonce must be at least 8 ASCII letters or digits")
	}
	m.Nonce = v

	v, n, err = p.field(prefixIssuedAt)
	if err != nil {
		return Message{}, err
	}
	if m.IssuedAt, err = parseTime(v); err != nil {
		return Message{}, invalid(n, "issued at must be an RFC 3339 date-time")
	}

	if v, n, ok := p.optional(prefixExpiration); ok {
		if m.ExpirationTime, err = parseTime(v); err != nil {
			return Message{}, invalid(n, "expiration time must be an RFC 3339 date-time")
		}
	}
	if v, n, ok := p.optional(prefixNotBefore); ok {
		if m.NotBefore, err = parseTime(v); err != nil {
			return Message{}, invalid(n, "not before must be an RFC 3339 date-time")
		}
	}
	if v, n, ok := p.optional(prefixRequestID); ok {
		if v == "" || !validPchars(v) {
			return Message{}, invalid(n, "request id must be non-empty RFC 3986 path characters")
		}
		m.RequestID = v
	}
	if l, n := p.peek(); l == lineResources && n != 0 {
		p.next()
		for {
			l, n := p.peek()
			r, ok := strings.CutPrefix(l, prefixResource)
			if n == 0 || !ok {
				break
			}
			p.next()
			if !validURI(r) {
				return Message{}, invalid(n, "resource %q is not an absolute RFC 3986 URI", r)
			}
			m.Resources = append(m.Resources, r)
		}
		if len(m.Resources) == 0 {
			return Message{}, invalid(n, "resources list is empty")
		}
	}

	if l, n := p.peek(); n != 0 {
		if l == "" && n == len(p.lines) {
			return Message{}, invalid(n, "message must not end with a newline")
		}
		return Message{}, invalid(n, "unexpected line %q", truncate(l))
	}
	return m, nil
}

// parser walks the lines of a message; line numbers are 1-based, 0 means
// past the end.
type parser struct {
	lines []string
	i     int
}

func (p *parser) peek() (string, int) {
	if p.i >= len(p.lines) {
		return "", 0
	}
	return p.lines[p.i], p.i + 1
}

func (p *parser) next() (string, int) {
	l, n := p.peek()
	if n != 0 {
		p.i++
	}
	return l, n
}

// field consumes a required "Prefix: value" line.
func (p *parser) field(prefix string) (string, int, error) {
	l, n := p.next()
	v, ok := strings.CutPrefix(l, prefix)
	if !ok || n == 0 {
		if n == 0 {
			n = len(p.lines)
		}
		return "", n, invalid(n, "expected %q", strings.TrimSpace(prefix))
	}
	return v, n, nil
}

// optional consumes a "Prefix: value" line if it is next.
func (p *parser) optional(prefix string) (string, int, bool) {
	l, n := p.peek()
	v, ok := strings.CutPrefix(l, prefix)
	if !ok || n == 0 {
		return "", 0, false
	}
	p.next()
	return v, n, true
}

func invalid(line int, format string, args ...any) *metapass.Error {
	e := metapass.Errorf(metapass.EINVALID, format, args...)
	if line > 0 {
		e.Message = "sign-in message line " + strconv.Itoa(line) + ": " + e.Message
	} else {
		e.Message = "sign-in message: " + e.Message
	}
	return e
}

func truncate(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

func parseChainID(s string) (uint64, error) {
	if s == "" || (len(s) > 1 && s[0] == '0') || strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return 0, strconv.ErrSyntax
	}
	return strconv.ParseUint(s, 10, 64)
}

// rfc3339 is the RFC 3339 date-time grammar (upper-case T and Z, which is
// what time.RFC3339 accepts); time.Parse is laxer (it takes ',' before
// fractional seconds).
var rfc3339 = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$`)

func parseTime(s string) (time.Time, error) {
	if !rfc3339.MatchString(s) {
		return time.Time{}, strconv.ErrSyntax
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, err
	}
	if t.IsZero() {
		return time.Time{}, strconv.ErrRange
	}
	return t, nil
}

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isUnreserved, isSubDelim and isGenDelim are the RFC 3986 character classes.
func isUnreserved(c byte) bool {
	return isAlpha(c) || isDigit(c) || strings.IndexByte("-._~", c) >= 0
}
func isSubDelim(c byte) bool { return strings.IndexByte("!$&'()*+,;=", c) >= 0 }
func isGenDelim(c byte) bool { return strings.IndexByte(":/?#[]@", c) >= 0 }

func all(s string, ok func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !ok(s[i]) {
			return false
		}
	}
	return true
}

func validNonce(s string) bool {
	return len(s) >= 8 && all(s, func(c byte) bool { return isAlpha(c) || isDigit(c) })
}

// ValidStatement reports whether s can be a message's statement: printable
// ASCII URI characters and spaces (EIP-4361's reserved, unreserved and
// space), one line.
func ValidStatement(s string) bool {
	return all(s, func(c byte) bool { return isUnreserved(c) || isSubDelim(c) || isGenDelim(c) || c == ' ' })
}

func validScheme(s string) bool {
	return s != "" && isAlpha(s[0]) && all(s, func(c byte) bool { return isAlpha(c) || isDigit(c) || c == '+' || c == '-' || c == '.' })
}

func validPchars(s string) bool {
	return all(s, func(c byte) bool { return isUnreserved(c) || isSubDelim(c) || c == '%' || c == ':' || c == '@' })
}

// validAuthority reports whether s is [userinfo "@"] host [":" port].
func validAuthority(s string) bool {
	if s == "" || !all(s, func(c byte) bool {
		return isUnreserved(c) || isSubDelim(c) || c == '%' || c == ':' || c == '@' || c == '[' || c == ']'
	}) {
		return false
	}
	u, err := url.Parse("//" + s)
	return err == nil && u.Host != "" && u.Path == "" && u.RawQuery == "" && u.Fragment == "" && u.Opaque == ""
}

// validURI reports whether s is an absolute URI made of RFC 3986 characters.
func validURI(s string) bool {
	if !all(s, func(c byte) bool { return isUnreserved(c) || isSubDelim(c) || isGenDelim(c) || c == '%' }) {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && validScheme(u.Scheme)
}
