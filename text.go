package metapass

import (
	"net"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxURLBytes is the longest URL a brand may give for an image, a site or a
// perk's link.
const MaxURLBytes = 2048

// CheckLine checks a one-line string that reaches a chain or a screen (a
// collection's name or symbol, an attribute): valid UTF-8 of at most
// maxBytes bytes (the unit the chain counts), with no control character
// (NUL, line breaks…) and no Unicode bidirectional control, which can make
// a name display as another. The error is EINVALID naming field.
func CheckLine(field, s string, maxBytes int) error {
	return checkText(field, s, maxBytes, false)
}

// CheckProse is CheckLine for text of several lines (a description): line
// feeds and tabs are allowed.
func CheckProse(field, s string, maxBytes int) error {
	return checkText(field, s, maxBytes, true)
}

func checkText(field, s string, maxBytes int, prose bool) error {
	if len(s) > maxBytes {
		return FieldError(field, "must have at most %d bytes of UTF-8 (has %d)", maxBytes, len(s))
	}
	if !utf8.ValidString(s) {
		return FieldError(field, "must be valid UTF-8")
	}
	for i, r := range s {
		switch {
		case prose && (r == '\n' || r == '\t'):
		case unicode.IsControl(r):
			return FieldError(field, "must not contain control characters (U+%04X at byte %d)", r, i)
		case isBidiControl(r):
			return FieldError(field, "must not contain bidirectional control characters (U+%04X at byte %d)", r, i)
		}
	}
	return nil
}

// isBidiControl reports whether r is one of Unicode's explicit
// bidirectional formatting characters (UAX #9): embeddings, overrides,
// isolates and marks.
func isBidiControl(r rune) bool {
	switch {
	case r == 0x061C, r == 0x200E, r == 0x200F:
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// CheckWebURL checks a URL a browser or a marketplace will open or load: an
// absolute https: URL with a host and no credentials, or http: to a local
// host (localhost, a loopback address) for development; never javascript:,
// data: or any other scheme. The error is EINVALID naming field.
func CheckWebURL(field, raw string) error {
	if len(raw) > MaxURLBytes {
		return FieldError(field, "must have at most %d bytes", MaxURLBytes)
	}
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() || u.Opaque != "" || u.Host == "" {
		return FieldError(field, "must be an absolute https URL")
	}
	if u.User != nil {
		return FieldError(field, "must not carry a user name or password")
	}
	if strings.ContainsFunc(raw, func(r rune) bool { return unicode.IsControl(r) || unicode.IsSpace(r) || isBidiControl(r) }) {
		return FieldError(field, "must not contain spaces or control characters")
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		return nil
	case "http":
		if IsLocalHost(u.Hostname()) {
			return nil
		}
	}
	return FieldError(field, "must be an https URL (http only for localhost)")
}

// IsLocalHost reports whether host (without port) names this machine:
// localhost, a name under .localhost, or a loopback address.
func IsLocalHost(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
