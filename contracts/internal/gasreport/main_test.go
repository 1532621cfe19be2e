package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestReport runs `make gas` and checks that every table and row is printed.
// It skips in -short mode and without node or contracts/node_modules, except
// under CI=true, where a missing toolchain is a failure.
func TestReport(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles five contracts with solc-js")
	}
	dir := filepath.Join("..", "..")
	if missing := missingToolchain(dir); missing != "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required under CI (npm ci in contracts/)", missing)
		}
		t.Skipf("%s missing (npm ci in contracts/)", missing)
	}
	// Read node's inputs here too, so that go test's result cache notices edits.
	inputs := []string{filepath.Join(dir, "compile.js"), filepath.Join(dir, "package-lock.json")}
	for _, pattern := range []string{"src/*.sol", "src/gas/*.sol"} {
		sols, err := filepath.Glob(filepath.Join(dir, filepath.FromSlash(pattern)))
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, sols...)
	}
	for _, f := range inputs {
		if _, err := os.ReadFile(f); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := run(context.Background(), dir, &out); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + out.String())
	for _, want := range []string{
		"| OpenZeppelin ERC721 `_mint` |", "| OpenZeppelin ERC721 `_safeMint` |", "| ERC721A `_mint(to, 1)` |",
		"| Solady ERC721 `_mint` |", "| PassCollection clone `mintBatch` |", "| PassCollection clone `mint(id)` |",
		"| PassFactory `createCollection`", "| DELEGATECALL to the implementation", "| **total** = the receipt's gasUsed |",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no %q in the report", want)
		}
	}
}

// missingToolchain names what the report needs and is not there, or is "".
func missingToolchain(dir string) string {
	if _, err := exec.LookPath("node"); err != nil {
		return "node"
	}
	for _, m := range []string{"solc", "@openzeppelin/contracts", "erc721a", "solady"} {
		if _, err := os.Stat(filepath.Join(dir, "node_modules", m)); err != nil {
			return "contracts/node_modules/" + m
		}
	}
	return ""
}
