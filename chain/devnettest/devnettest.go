// Package devnettest starts a throwaway go-ethereum --dev node in a Docker
// container for integration tests.
//
// The node runs the geth version pinned in go.mod. Because no container
// registry is assumed to be reachable, the image is built FROM scratch around
// a static geth binary compiled locally with `go build`. The image is tagged
// metapass-geth-dev:<geth version> and reused across runs; it is only rebuilt
// when missing.
package devnettest

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/moby/moby/client"
	"github.com/testcontainers/testcontainers-go"
	"github.com/testcontainers/testcontainers-go/wait"
)

const (
	gethModule = "github.com/ethereum/go-ethereum"
	imageRepo  = "metapass-geth-dev"
	rpcPort    = "8545/tcp"

	// developerKeyHex is utils.DeveloperKey from go-ethereum's
	// cmd/utils/flags.go: geth --dev without a datadir imports it into an
	// ephemeral keystore and prefunds its address in the genesis block.
	developerKeyHex = "b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291"
)

// Geth is a go-ethereum --dev node running in a container.
type Geth struct {
	// RPCURL is the host-reachable HTTP JSON-RPC endpoint, e.g. http://localhost:32768.
	RPCURL string
	// ChainID is the chain id reported by the node (1337 for --dev).
	ChainID *big.Int
	// FundedKey is geth's developer account key, prefunded in the genesis block.
	FundedKey *ecdsa.PrivateKey
}

// StartGeth starts a fresh geth --dev node (one block per second) and
// registers its termination with t.Cleanup.
//
// It skips the test under -short, and also when Docker is unreachable unless
// the environment has CI=true, in which case a missing Docker fails the test.
func StartGeth(t testing.TB) *Geth {
	t.Helper()
	if testing.Short() {
		t.Skip("devnettest: skipping container test in -short mode")
	}
	configureTestcontainers()

	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	if err := pingDocker(ctx); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("devnettest: Docker is required when CI=true but is unreachable: %v", err)
		}
		t.Skipf("devnettest: Docker is unreachable, skipping container test: %v", err)
	}

	image, err := ensureImage()
	if err != nil {
		t.Fatalf("devnettest: %v", err)
	}

	ctr, err := testcontainers.Run(ctx, image,
		testcontainers.WithCmd(
			"--dev", "--dev.period", "1",
			"--ipcdisable",
			"--http", "--http.addr", "0.0.0.0", "--http.port", "8545",
			"--http.api", "eth,net,web3,txpool,debug",
			"--http.vhosts", "*",
		),
		testcontainers.WithExposedPorts(rpcPort),
		testcontainers.WithWaitStrategy(wait.ForLog("HTTP server started").WithStartupTimeout(2*time.Minute)),
	)
	testcontainers.CleanupContainer(t, ctr)
	if err != nil {
		t.Fatalf("devnettest: start geth container: %v", err)
	}

	endpoint, err := ctr.PortEndpoint(ctx, rpcPort, "http")
	if err != nil {
		t.Fatalf("devnettest: geth RPC endpoint: %v", err)
	}
	key, err := crypto.HexToECDSA(developerKeyHex)
	if err != nil {
		t.Fatalf("devnettest: parse developer key: %v", err)
	}

	ec, err := ethclient.DialContext(ctx, endpoint)
	if err != nil {
		t.Fatalf("devnettest: dial %s: %v", endpoint, err)
	}
	defer ec.Close()
	chainID, err := ec.ChainID(ctx)
	if err != nil {
		t.Fatalf("devnettest: eth_chainId: %v", err)
	}
	// Guard against a geth upgrade changing which account --dev prefunds.
	bal, err := ec.BalanceAt(ctx, crypto.PubkeyToAddress(key.PublicKey), nil)
	if err != nil {
		t.Fatalf("devnettest: eth_getBalance: %v", err)
	}
	if bal.Sign() == 0 {
		t.Fatalf("devnettest: developer account %s is not funded; did geth --dev change its key?", crypto.PubkeyToAddress(key.PublicKey))
	}

	return &Geth{RPCURL: endpoint, ChainID: chainID, FundedKey: key}
}

// configureTestcontainers applies the settings testcontainers-go needs in this
// environment, without overriding explicit user choices. It must run before
// testcontainers reads its configuration.
func configureTestcontainers() {
	for k, v := range map[string]string{
		"TESTCONTAINERS_RYUK_DISABLED": "true",
		"TESTCONTAINERS_HOST_OVERRIDE": "localhost",
	} {
		if _, ok := os.LookupEnv(k); !ok {
			os.Setenv(k, v)
		}
	}
}

func pingDocker(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	cli, err := testcontainers.NewDockerClientWithOpts(ctx)
	if err != nil {
		return err
	}
	defer cli.Close()
	_, err = cli.Ping(ctx, client.PingOptions{})
	return err
}

// ensureImage returns the tag of the geth image, building it at most once per
// process and only if Docker does not already have it.
var ensureImage = sync.OnceValues(func() (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()

	version := gethVersion(ctx)
	tag := strings.NewReplacer("+", "_", "/", "_").Replace(version)
	if tag == "" {
		tag = "local"
	}
	image := imageRepo + ":" + tag

	cli, err := testcontainers.NewDockerClientWithOpts(ctx)
	if err != nil {
		return "", fmt.Errorf("docker client: %w", err)
	}
	defer cli.Close()
	if version != "" {
		if _, err := cli.ImageInspect(ctx, image); err == nil {
			return image, nil
		}
	}

	dir, err := os.MkdirTemp("", "devnettest-geth-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(dir)

	// Build from the current module so go.mod's geth version is used.
	build := exec.CommandContext(ctx, "go", "build", "-ldflags=-s -w", "-o", filepath.Join(dir, "geth"), gethModule+"/cmd/geth")
	build.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=linux", "GOARCH="+runtime.GOARCH)
	if out, err := build.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build geth: %w\n%s", err, out)
	}
	const dockerfile = "FROM scratch\nCOPY geth /geth\nWORKDIR /tmp\nEXPOSE 8545\nENTRYPOINT [\"/geth\"]\n"
	if err := os.WriteFile(filepath.Join(dir, "Dockerfile"), []byte(dockerfile), 0o644); err != nil {
		return "", err
	}

	provider, err := testcontainers.NewDockerProvider()
	if err != nil {
		return "", fmt.Errorf("docker provider: %w", err)
	}
	defer provider.Close()
	repo, tagPart, _ := strings.Cut(image, ":")
	var buildLog strings.Builder
	req := &testcontainers.ContainerRequest{FromDockerfile: testcontainers.FromDockerfile{
		Context: dir, Repo: repo, Tag: tagPart, KeepImage: true, BuildLogWriter: &buildLog,
	}}
	if _, err := provider.BuildImage(ctx, req); err != nil {
		return "", fmt.Errorf("build image %s: %w\n%s", image, err, buildLog.String())
	}
	return image, nil
})

// gethVersion returns the go-ethereum module version go.mod selects (what
// `go build` will compile), or "" if unknown (e.g. a local replace directive),
// in which case the image is always rebuilt.
func gethVersion(ctx context.Context) string {
	out, err := exec.CommandContext(ctx, "go", "list", "-m",
		"-f", "{{with .Replace}}{{.Version}}{{else}}{{.Version}}{{end}}", gethModule).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}
