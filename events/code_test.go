package events

import (
	"crypto/ed25519"
	"errors"
	"strings"
	"testing"
	"time"
)

func testCode() Code {
	at := time.Date(2026, 11, 23, 20, 0, 30, 0, time.UTC)
	return Code{EventID: "evt_0123456789abcdef0123", ChainID: 8453, Contract: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
		TokenID: 38, Holder: "0x52908400098527886E0F7030069857D2E4169EE7", IssuedAt: at, ExpiresAt: at.Add(CodeLife)}
}

// TestCodeRoundTrip: a signed code parses back to itself, fits a small QR
// code, and any change, another key or another format is refused.
func TestCodeRoundTrip(t *testing.T) {
	pub, key, _ := ed25519.GenerateKey(nil)
	c := testCode()
	text := c.Sign(key)
	if len(text) > 220 {
		t.Fatalf("code is %d characters", len(text))
	}
	got, err := ParseCode(text, pub)
	if err != nil || got != c {
		t.Fatalf("ParseCode = %+v, %v; want %+v", got, err, c)
	}
	otherPub, _, _ := ed25519.GenerateKey(nil)
	flip := func(i int) string {
		b := []byte(text)
		b[i] = map[bool]byte{true: 'B', false: 'A'}[b[i] == 'A']
		return string(b)
	}
	for name, tc := range map[string]struct {
		text string
		pub  ed25519.PublicKey
	}{
		"another key":       {text, otherPub},
		"payload changed":   {flip(len(codePrefix) + 10), pub},
		"signature changed": {flip(len(text) - 5), pub},
		"no prefix":         {strings.TrimPrefix(text, codePrefix), pub},
		"no signature":      {text[:strings.LastIndexByte(text, '.')], pub},
		"empty":             {"", pub},
	} {
		if _, err := ParseCode(tc.text, tc.pub); !errors.Is(err, ErrBadCode) {
			t.Errorf("%s: %v, want ErrBadCode", name, err)
		}
	}
}

// FuzzParseCode: no input makes the parser panic, and whatever it accepts
// signs back to the same text.
func FuzzParseCode(f *testing.F) {
	pub, key, _ := ed25519.GenerateKey(nil)
	f.Add(testCode().Sign(key))
	f.Add("MP1.AAAA.AAAA")
	f.Add("MP1..")
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		c, err := ParseCode(text, pub)
		if err != nil {
			return
		}
		if again := c.Sign(key); again != strings.TrimSpace(text) {
			t.Fatalf("accepted %q but it signs back as %q", text, again)
		}
	})
}
