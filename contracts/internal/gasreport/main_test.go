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

// TestReport runs what `make gas` does and checks that every table and row is
// printed and that the figures hold together.
// It skips in -short mode and without node or contracts/node_modules, except
// under CI=true, where a missing toolchain is a failure.
func TestReport(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles six contracts with solc-js")
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
	r, err := compileAndMeasure(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	r.print(&buf)
	out := buf.String()
	t.Log("\n" + out)
	for _, want := range []string{
		"| OpenZeppelin ERC721 `_mint` |", "| OpenZeppelin ERC721 `_safeMint` |", "| ERC721A `_mint(to, 1)` |",
		"| Solady ERC721 `_mint` |", "| PassCollection clone `mintBatch` |", "| PassCollection clone `mint(id)` |",
		"| PassFactory `createCollection`", "| DELEGATECALL to the implementation", "| **total** = the receipt's gasUsed |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in the report", want)
		}
	}

	// The figures, not only the labels: measure already checks that the
	// traced parts of the single pass add up to its receipt.
	var batched []row
	for _, x := range r.rows {
		if x.single <= 21_000 {
			t.Errorf("%s: one mint %d gas, no more than the intrinsic 21,000", x.name, x.single)
		}
		if x.perMint != 0 {
			batched = append(batched, x)
		}
	}
	if len(batched) != len(r.rows)-1 {
		t.Errorf("%d of %d rows have a batch figure, want all but mint(id)'s", len(batched), len(r.rows))
	}
	for _, x := range batched {
		if x.perMint >= x.single {
			t.Errorf("%s: %d gas per mint in a batch, not below one mint's %d", x.name, x.perMint, x.single)
		}
	}
	// Listing the implementation turns the DELEGATECALL's cold access (2,600)
	// into a warm one (100) for 2,400 (EIP-2930): 100 less.
	if b := r.breakdown; b.trace.calls != 2_600 || r.accessListImpl != b.gasUsed-100 {
		t.Errorf("DELEGATECALL %d gas (want 2,600); with the implementation listed %d gas (want %d)",
			b.trace.calls, r.accessListImpl, b.gasUsed-100)
	}
	if len(r.breakdown.slots()) != 2 || r.accessListSlots <= r.accessListImpl {
		t.Errorf("%d slots touched (want 2); listing them %d gas, not above %d", len(r.breakdown.slots()), r.accessListSlots, r.accessListImpl)
	}
	if r.clone == 0 || r.clone >= r.impl/10 {
		t.Errorf("createCollection %d gas, implementation %d", r.clone, r.impl)
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
