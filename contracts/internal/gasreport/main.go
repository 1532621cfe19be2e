// Command gasreport is `make gas`: it compiles PassCollection, PassFactory and
// reference ERC-721s (OpenZeppelin `_mint` and `_safeMint`, ERC721A, Solady;
// src/gas/References.sol) with the pinned solc-js and the build's settings
// (contracts/compile.js), deploys them on go-ethereum's simulated backend with
// Osaka rules, mints one pass each to the same fresh recipients and prints
// markdown tables of the gas used: per contract, for deployments, and where a
// single pass's gas goes through a PassCollection clone.
//
// Usage: go run ./contracts/internal/gasreport [-contracts dir]
//
// It needs node and contracts/node_modules (npm ci in contracts/).
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/compiler"
)

func main() {
	dir := flag.String("contracts", "contracts", "the contracts directory (holds compile.js and node_modules)")
	flag.Parse()
	if err := run(context.Background(), *dir, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "gasreport:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, dir string, w io.Writer) error {
	r, err := compileAndMeasure(ctx, dir)
	if err != nil {
		return err
	}
	r.print(w)
	return nil
}

// compileAndMeasure compiles the sources in dir and measures them on a new chain.
func compileAndMeasure(ctx context.Context, dir string) (*report, error) {
	built, err := compile(ctx, dir)
	if err != nil {
		return nil, err
	}
	c, err := newChain()
	if err != nil {
		return nil, err
	}
	defer c.sim.Close()
	return measure(ctx, c, built)
}

// sources are the contracts the report compiles, in compile.js's manifest shape.
var sources = []struct {
	Source   string `json:"source"`
	Contract string `json:"contract"`
}{
	{"src/PassCollection.sol", "PassCollection"},
	{"src/PassFactory.sol", "PassFactory"},
	{"src/gas/References.sol", "GasOZMint"},
	{"src/gas/References.sol", "GasOZSafeMint"},
	{"src/gas/References.sol", "GasERC721AMint"},
	{"src/gas/References.sol", "GasSoladyMint"},
}

// contract is a compiled contract: its ABI and creation code.
type contract struct {
	abi abi.ABI
	bin []byte
}

// pack packs a call of method; the ABIs come from this run's compilation, so
// a failure is a mismatch between this program and the sources.
func (c contract) pack(method string, args ...any) []byte {
	data, err := c.abi.Pack(method, args...)
	if err != nil {
		panic(fmt.Sprintf("pack %s: %v", method, err))
	}
	return data
}

// compile runs compile.js on sources into a temporary directory.
func compile(ctx context.Context, dir string) (map[string]contract, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("node is needed to compile the contracts: %w", err)
	}
	tmp, err := os.MkdirTemp("", "gasreport")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	manifest, err := json.Marshal(sources)
	if err != nil {
		return nil, err
	}
	manifestFile := filepath.Join(tmp, "manifest.json")
	if err := os.WriteFile(manifestFile, manifest, 0o600); err != nil {
		return nil, err
	}
	out := filepath.Join(tmp, "out")
	cmd := exec.CommandContext(ctx, node, "compile.js", out, manifestFile)
	cmd.Dir = dir
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("node compile.js (run npm ci in %s if a package is missing): %w\n%s", dir, err, msg)
	}
	built := map[string]contract{}
	for _, s := range sources {
		raw, err := os.ReadFile(filepath.Join(out, s.Contract+".json"))
		if err != nil {
			return nil, err
		}
		parsed, err := compiler.ParseCombinedJSON(raw, "", "", "", "")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.Contract, err)
		}
		c, ok := parsed[s.Source+":"+s.Contract]
		if !ok {
			return nil, fmt.Errorf("%s: not in compile.js's output", s.Contract)
		}
		abiJSON, err := json.Marshal(c.Info.AbiDefinition)
		if err != nil {
			return nil, err
		}
		a, err := abi.JSON(bytes.NewReader(abiJSON))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.Contract, err)
		}
		built[s.Contract] = contract{abi: a, bin: common.FromHex(c.Code)}
	}
	return built, nil
}
