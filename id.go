package metapass

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
)

// NewID returns a random identifier with a type prefix, e.g. "ord_3f9a…", so
// an id in a log or a support ticket says what it names.
func NewID(prefix string) string {
	b := make([]byte, 10)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return prefix + "_" + hex.EncodeToString(b)
}

// NewSecret returns a bearer credential: prefix followed by 256 random
// bits in hex. Store only its HashSecret.
func NewSecret(prefix string) string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

// HashSecret is what is stored of a secret. A secret has 256 random bits,
// so one unsalted SHA-256 is enough and lets it be looked up by hash.
func HashSecret(secret string) []byte {
	h := sha256.Sum256([]byte(secret))
	return h[:]
}
