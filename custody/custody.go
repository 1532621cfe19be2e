// Package custody holds the wallets the service keeps for brands'
// customers who have none: one address per brand and customer reference,
// derived from a single master seed that is stored encrypted and never
// leaves the process.
package custody

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdsa"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/crypto"
)

// KeySize is the length of the key that encrypts the seed (AES-256).
const KeySize = 32

// sealedMagic starts a sealed seed file, naming its format.
const sealedMagic = "metapass-custody-seed-v1\n"

// ErrWrongKey means the seed file does not open with the key given.
var ErrWrongKey = errors.New("custody: the seed does not decrypt with this key (METAPASS_CUSTODY_KEY changed?)")

// Vault derives custodial keys: BIP-32 hardened derivation from the master
// seed along the path m / brand' / customer', where each step takes the
// brand id or the customer reference itself (not a 31-bit index) as its
// data, so distinct references never collide.
type Vault struct {
	key, chainCode [32]byte
}

// ParseKey reads a 32-byte key given as hex or base64.
func ParseKey(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	for _, dec := range []func(string) ([]byte, error){hex.DecodeString, base64.StdEncoding.DecodeString, base64.RawURLEncoding.DecodeString} {
		if k, err := dec(s); err == nil && len(k) == KeySize {
			return k, nil
		}
	}
	return nil, fmt.Errorf("custody: the key must be %d bytes as hex or base64", KeySize)
}

// NewKey returns a fresh random key for sealing a seed.
func NewKey() []byte {
	k := make([]byte, KeySize)
	_, _ = rand.Read(k) // crypto/rand.Read never fails
	return k
}

// Open opens the sealed seed at path with key, creating a new random seed
// there (mode 0600) when the file does not exist; created tells which.
func Open(path string, key []byte) (v *Vault, created bool, err error) {
	if len(key) != KeySize {
		return nil, false, fmt.Errorf("custody: the key must be %d bytes", KeySize)
	}
	aead, err := newAEAD(key)
	if err != nil {
		return nil, false, err
	}
	sealed, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		seed := make([]byte, 32)
		_, _ = rand.Read(seed)
		nonce := make([]byte, aead.NonceSize())
		_, _ = rand.Read(nonce)
		out := append([]byte(sealedMagic), aead.Seal(nonce, nonce, seed, []byte(sealedMagic))...)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, false, fmt.Errorf("custody: %w", err)
		}
		if err := writeNew(path, out); err != nil {
			return nil, false, err
		}
		return fromSeed(seed), true, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("custody: %w", err)
	}
	body, ok := strings.CutPrefix(string(sealed), sealedMagic)
	if !ok || len(body) < aead.NonceSize() {
		return nil, false, fmt.Errorf("custody: %s is not a sealed seed", path)
	}
	seed, err := aead.Open(nil, []byte(body[:aead.NonceSize()]), []byte(body[aead.NonceSize():]), []byte(sealedMagic))
	if err != nil {
		return nil, false, ErrWrongKey
	}
	return fromSeed(seed), false, nil
}

// writeNew writes data to a new file at path, failing if it exists, and
// syncs it so a crash cannot leave a seed half written.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("custody: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("custody: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("custody: %w", err)
	}
	return f.Close()
}

func newAEAD(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("custody: %w", err)
	}
	return cipher.NewGCM(block)
}

// fromSeed is BIP-32's master key generation.
func fromSeed(seed []byte) *Vault {
	mac := hmac.New(sha512.New, []byte("Bitcoin seed"))
	mac.Write(seed)
	i := mac.Sum(nil)
	v := &Vault{}
	copy(v.key[:], i[:32])
	copy(v.chainCode[:], i[32:])
	return v
}

var curveN = crypto.S256().Params().N

// child is BIP-32 hardened private derivation with data in place of the
// index; when the result is not a valid key (probability below 2^-127) a
// zero byte is appended to data and it is tried again, as BIP-32 moves on
// to the next index.
func child(key, chainCode [32]byte, data []byte) (k, c [32]byte) {
	for {
		mac := hmac.New(sha512.New, chainCode[:])
		mac.Write([]byte{0})
		mac.Write(key[:])
		mac.Write(data)
		i := mac.Sum(nil)
		il := new(big.Int).SetBytes(i[:32])
		if il.Cmp(curveN) < 0 {
			il.Add(il, new(big.Int).SetBytes(key[:])).Mod(il, curveN)
			if il.Sign() != 0 {
				il.FillBytes(k[:])
				copy(c[:], i[32:])
				return k, c
			}
		}
		data = append(data, 0)
	}
}

// Key returns the private key of customerRef's wallet at brandID: what
// signs when the service moves a pass out of custody.
func (v *Vault) Key(brandID, customerRef string) *ecdsa.PrivateKey {
	k, c := child(v.key, v.chainCode, []byte("brand:"+brandID))
	k, _ = child(k, c, []byte("customer:"+customerRef))
	return crypto.ToECDSAUnsafe(k[:]) // child returns a key in [1, n)
}

// Address returns the checksummed address of customerRef's wallet at
// brandID. The same brand and reference always give the same address.
func (v *Vault) Address(brandID, customerRef string) string {
	return crypto.PubkeyToAddress(v.Key(brandID, customerRef).PublicKey).Hex()
}
