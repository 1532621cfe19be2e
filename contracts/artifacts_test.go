package contracts

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/abigen"
	"github.com/ethereum/go-ethereum/common/compiler"
	"github.com/ethereum/go-ethereum/crypto"
)

// TestArtifactsUpToDate recompiles src/MetaPass.sol and regenerates the binding,
// and fails if the committed build/MetaPass.json or metapass.go differ: run
// `make contracts` after changing the contract. It skips when node or
// node_modules is missing, except under CI=true where that is a failure.
func TestArtifactsUpToDate(t *testing.T) {
	node, err := exec.LookPath("node")
	if err == nil {
		_, err = os.Stat(filepath.Join("node_modules", "solc"))
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("node and contracts/node_modules are required under CI (run npm ci in contracts/): %v", err)
		}
		t.Skipf("node or contracts/node_modules missing (run npm ci in contracts/): %v", err)
	}

	// Read node's inputs here too, so that go test's result cache notices edits.
	for _, f := range []string{"compile.js", "package-lock.json", filepath.Join("src", "MetaPass.sol")} {
		if _, err := os.ReadFile(f); err != nil {
			t.Fatal(err)
		}
	}

	dir := t.TempDir()
	cmd := exec.Command(node, "compile.js", dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("node compile.js: %v\n%s", err, out)
	}
	fresh, err := os.ReadFile(filepath.Join(dir, "MetaPass.json"))
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join("build", "MetaPass.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fresh, committed) {
		t.Errorf("build/MetaPass.json is stale: run `make contracts`")
	}

	code, err := bindV2(fresh, "contracts")
	if err != nil {
		t.Fatal(err)
	}
	binding, err := os.ReadFile("metapass.go")
	if err != nil {
		t.Fatal(err)
	}
	if code != string(binding) {
		t.Errorf("metapass.go is stale: run `make contracts`")
	}
}

// bindV2 does what `abigen --v2 --combined-json` does with the given file.
func bindV2(combinedJSON []byte, pkg string) (string, error) {
	contracts, err := compiler.ParseCombinedJSON(combinedJSON, "", "", "", "")
	if err != nil {
		return "", err
	}
	var types, abis, bins []string
	libs := make(map[string]string)
	for name, c := range contracts {
		abi, err := json.Marshal(c.Info.AbiDefinition)
		if err != nil {
			return "", err
		}
		typeName := name[strings.LastIndex(name, ":")+1:]
		types = append(types, typeName)
		abis = append(abis, string(abi))
		bins = append(bins, c.Code)
		libs[crypto.Keccak256Hash([]byte(name)).String()[2:36]] = typeName
	}
	return abigen.BindV2(types, abis, bins, pkg, libs, map[string]string{})
}
