package custody

import (
	"bytes"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestBIP32Vector1: master generation and a hardened step match BIP-32's
// test vector 1 (chain m/0H), since a step given ser32(0x80000000) as its
// data is exactly BIP-32's hardened derivation. The child's chain code
// depends on the master's, so both are checked.
func TestBIP32Vector1(t *testing.T) {
	seed, _ := hex.DecodeString("000102030405060708090a0b0c0d0e0f")
	m := fromSeed(seed)
	if got := hex.EncodeToString(m.key[:]); got != "e8f32e723decf4051aefac8e2c93c9c5b214313817cdb01a1494b917c8436b35" {
		t.Fatalf("master key %s", got)
	}
	k, c := child(m.key, m.chainCode, []byte{0x80, 0, 0, 0})
	if got := hex.EncodeToString(k[:]); got != "edb2e14f9ee77d26dd93b4ecede8d16ed408ce149b6cd80b0715a2d911a0afea" {
		t.Fatalf("m/0H key %s", got)
	}
	if got := hex.EncodeToString(c[:]); got != "47fdacbd0f1097043b78c63c20c34ef4ed9a111d980047ad16282c7ae6236141" {
		t.Fatalf("m/0H chain code %s", got)
	}
}

// TestVault: addresses are stable across reopening, distinct per brand and
// per customer, the file holds no plaintext seed, and another key does not
// open it.
func TestVault(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", "custody.seed")
	key := NewKey()
	v, created, err := Open(path, key)
	if err != nil || !created {
		t.Fatalf("create: %v created=%v", err, created)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("seed file mode %v, %v", st.Mode().Perm(), err)
	}
	a := v.Address("brd_1", "C-1")
	for _, other := range [][2]string{{"brd_1", "C-2"}, {"brd_2", "C-1"}, {"brd_1", "C-1 "}, {"brd_1C", "-1"}} {
		if v.Address(other[0], other[1]) == a {
			t.Fatalf("%v shares C-1's address", other)
		}
	}
	v2, created, err := Open(path, key)
	if err != nil || created || v2.Address("brd_1", "C-1") != a {
		t.Fatalf("reopen: %v created=%v address %s, want %s", err, created, v2.Address("brd_1", "C-1"), a)
	}
	raw, _ := os.ReadFile(path)
	if bytes.Contains(raw, v.key[:]) || bytes.Contains(raw, v.chainCode[:]) {
		t.Fatal("the seed file holds the master key in the clear")
	}
	if _, _, err := Open(path, NewKey()); !errors.Is(err, ErrWrongKey) {
		t.Fatalf("another key: %v, want ErrWrongKey", err)
	}
	if err := os.WriteFile(path, []byte("junk"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Open(path, key); err == nil {
		t.Fatal("a corrupt seed file opened")
	}
}

func TestParseKey(t *testing.T) {
	k := bytes.Repeat([]byte{7}, KeySize)
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{hex.EncodeToString(k), true},
		{"  " + hex.EncodeToString(k) + "\n", true},
		{"BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=", true},
		{hex.EncodeToString(k[:16]), false},
		{"not a key", false},
		{"", false},
	} {
		got, err := ParseKey(tc.in)
		if (err == nil) != tc.ok || (tc.ok && !bytes.Equal(got, k)) {
			t.Errorf("ParseKey(%q) = %x, %v; ok %v", tc.in, got, err, tc.ok)
		}
	}
}
