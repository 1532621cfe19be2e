package chain

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/crypto"
)

// LoadOrCreateKey reads the hex private key at path, or generates one and
// writes it there readable by the owner only (0600). created says which.
func LoadOrCreateKey(path string) (key *ecdsa.PrivateKey, created bool, err error) {
	key, err = crypto.LoadECDSA(path)
	if err == nil {
		return key, false, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, false, fmt.Errorf("signer key %s: %w", path, err)
	}
	if key, err = crypto.GenerateKey(); err != nil {
		return nil, false, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, false, err
	}
	if err := crypto.SaveECDSA(path, key); err != nil { // SaveECDSA writes with mode 0600
		return nil, false, fmt.Errorf("save signer key: %w", err)
	}
	return key, true, nil
}
