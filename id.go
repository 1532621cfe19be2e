package metapass

import (
	"crypto/rand"
	"encoding/hex"
)

// NewID returns a random identifier with a type prefix, e.g. "ord_3f9a…", so
// an id in a log or a support ticket says what it names.
func NewID(prefix string) string {
	b := make([]byte, 10)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return prefix + "_" + hex.EncodeToString(b)
}
