package contracts

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/abigen"
	"github.com/ethereum/go-ethereum/common/compiler"
	"github.com/ethereum/go-ethereum/crypto"
)

// artifact is one entry of artifacts.json: a contract and its Go binding.
type artifact struct {
	Source   string `json:"source"`
	Contract string `json:"contract"`
	Binding  string `json:"binding"`
	Package  string `json:"package"`
}

func readManifest(t *testing.T) []artifact {
	t.Helper()
	raw, err := os.ReadFile("artifacts.json")
	if err != nil {
		t.Fatal(err)
	}
	var as []artifact
	if err := json.Unmarshal(raw, &as); err != nil {
		t.Fatalf("artifacts.json: %v", err)
	}
	return as
}

// TestArtifactsUpToDate recompiles every contract listed in artifacts.json and
// regenerates its binding, and fails if a committed build/<Contract>.json or
// binding differs, or if build/ holds an artifact the manifest does not list:
// run `make contracts` after changing a contract. It skips when node or
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
	manifest := readManifest(t)

	// Read node's inputs here too, so that go test's result cache notices edits.
	inputs := []string{"compile.js", "package-lock.json"}
	sources, err := filepath.Glob(filepath.Join("src", "*.sol"))
	if err != nil {
		t.Fatal(err)
	}
	tests, err := filepath.Glob(filepath.Join("src", "test", "*.sol"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range append(append(inputs, sources...), tests...) {
		if _, err := os.ReadFile(f); err != nil {
			t.Fatal(err)
		}
	}

	dir := t.TempDir()
	cmd := exec.Command(node, "compile.js", dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("node compile.js: %v\n%s", err, out)
	}

	var listed []string
	for _, a := range manifest {
		t.Run(a.Contract, func(t *testing.T) {
			name := a.Contract + ".json"
			listed = append(listed, name)
			fresh, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			committed, err := os.ReadFile(filepath.Join("build", name))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(fresh, committed) {
				t.Errorf("build/%s is stale: run `make contracts`", name)
			}

			code, err := bindV2(fresh, a.Package)
			if err != nil {
				t.Fatal(err)
			}
			binding, err := os.ReadFile(filepath.FromSlash(a.Binding))
			if err != nil {
				t.Fatal(err)
			}
			if code != string(binding) {
				t.Errorf("%s is stale: run `make contracts`", a.Binding)
			}
		})
	}

	built, err := filepath.Glob(filepath.Join("build", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range built {
		if !slices.Contains(listed, filepath.Base(f)) {
			t.Errorf("%s is not listed in artifacts.json: remove it or list it", f)
		}
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
