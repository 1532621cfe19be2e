package chain

import (
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/txpool"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/catalyst"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/eth/filters"
	"github.com/ethereum/go-ethereum/event"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/rpc"
)

// DevChainID is the chain id of the embedded dev chain.
const DevChainID = 1337

// DevConfig configures an embedded dev chain. Zero values take the
// documented defaults.
type DevConfig struct {
	// DataDir holds the chain's database; empty keeps it in memory.
	DataDir string
	// Funded accounts get a large balance in the genesis block. The
	// genesis is written on first start only.
	Funded []common.Address
	// GasLimit is the block gas limit. Defaults to 30,000,000.
	GasLimit uint64
	// BlockInterval is how often an empty block is sealed; a block is also
	// sealed at once whenever a transaction arrives. Defaults to 1s;
	// negative disables the timer.
	BlockInterval time.Duration
	// FixedBlocks seals blocks only every BlockInterval, as a public chain
	// with a fixed block time does, not also when a transaction arrives:
	// transactions wait in the pool and a block holds what fits its gas
	// limit.
	FixedBlocks bool
	// HTTPAddr, when set (e.g. "127.0.0.1:8545"), serves the eth, net and
	// web3 JSON-RPC namespaces there for wallets and tools.
	HTTPAddr string
	// CORSOrigins are the browser origins whose pages may call HTTPAddr;
	// none by default, so no web page a developer visits can use the
	// chain's funded accounts' node.
	CORSOrigins []string
}

// DevChain is a go-ethereum node running in this process as a single-node
// proof-of-stake chain: a simulated beacon seals blocks on demand and on a
// timer. Its state is archived block by block, so a crash loses nothing
// the node had written.
type DevChain struct {
	node   *node.Node
	beacon *catalyst.SimulatedBeacon
	pool   *txpool.TxPool
	mu     sync.Mutex // serializes beacon.Commit
	stop   chan struct{}
	done   sync.WaitGroup
	closed sync.Once
	err    error
}

// StartDevChain starts a dev chain.
func StartDevChain(cfg DevConfig) (*DevChain, error) {
	if cfg.GasLimit == 0 {
		cfg.GasLimit = 30_000_000
	}
	if cfg.BlockInterval == 0 {
		cfg.BlockInterval = time.Second
	}
	nc := node.DefaultConfig
	nc.Name = "devchain"
	nc.DataDir = cfg.DataDir
	nc.IPCPath = ""
	nc.P2P = p2p.Config{NoDiscovery: true, MaxPeers: 0, ListenAddr: ""}
	nc.HTTPHost, nc.HTTPPort, nc.WSHost = "", 0, ""
	if cfg.HTTPAddr != "" {
		host, port, err := net.SplitHostPort(cfg.HTTPAddr)
		if err != nil {
			return nil, fmt.Errorf("dev chain rpc address %q: %w", cfg.HTTPAddr, err)
		}
		if nc.HTTPPort, err = strconv.Atoi(port); err != nil {
			return nil, fmt.Errorf("dev chain rpc port %q: %w", port, err)
		}
		nc.HTTPHost, nc.HTTPModules, nc.HTTPVirtualHosts, nc.HTTPCors = host, []string{"eth", "net", "web3"}, []string{"localhost"}, cfg.CORSOrigins
	}
	stack, err := node.New(&nc)
	if err != nil {
		return nil, fmt.Errorf("dev chain node: %w", err)
	}
	ec := ethconfig.Defaults
	ec.NetworkId = DevChainID
	ec.SyncMode = ethconfig.FullSync
	ec.NoPruning, ec.StateScheme, ec.Preimages = true, rawdb.HashScheme, true
	if !exists(cfg.DataDir) {
		g := core.DeveloperGenesisBlock(cfg.GasLimit, nil)
		// The dev config also enables forks not yet on any public chain
		// (Amsterdam's storage pricing makes a mint cost ~4x); stop at
		// Osaka, so gas here is what mainnet charges.
		osaka := *g.Config
		osaka.AmsterdamTime, osaka.BogotaTime = nil, nil
		g.Config = &osaka
		for _, a := range cfg.Funded {
			g.Alloc[a] = types.Account{Balance: new(big.Int).Lsh(big.NewInt(1), 128)}
		}
		ec.Genesis = g
	}
	ec.Miner.GasCeil = cfg.GasLimit
	// No log index: keeping it costs a tenth of a replica's CPU under load,
	// and eth_getLogs reads a dev chain's few blocks directly (their blooms,
	// then receipts) just as well.
	ec.LogNoHistory = true
	backend, err := eth.New(stack, &ec)
	if err != nil {
		stack.Close()
		return nil, fmt.Errorf("dev chain: %w", err)
	}
	stack.RegisterAPIs([]rpc.API{{Namespace: "eth", Service: filters.NewFilterAPI(filters.NewFilterSystem(backend.APIBackend, filters.Config{}))}})
	beacon, err := catalyst.NewSimulatedBeacon(0, common.Address{}, backend)
	if err != nil {
		stack.Close()
		return nil, fmt.Errorf("dev chain beacon: %w", err)
	}
	// Not catalyst.RegisterSimulatedBeaconAPIs: its on-demand loop calls
	// beacon.Commit from its own goroutine, and SimulatedBeacon is not safe
	// for concurrent sealing; d.seal below is the only committer.
	stack.RegisterLifecycle(beacon)
	if err := stack.Start(); err != nil {
		stack.Close()
		return nil, fmt.Errorf("dev chain start: %w", err)
	}
	d := &DevChain{node: stack, beacon: beacon, pool: backend.TxPool(), stop: make(chan struct{})}
	wake := make(chan struct{}, 1)
	if !cfg.FixedBlocks {
		// The pool's event feed blocks until every subscriber receives, and
		// sealing waits on the pool, so a separate goroutine drains the feed
		// into a one-slot wake-up, as geth's own on-demand loop does.
		txs := make(chan core.NewTxsEvent)
		sub := d.pool.SubscribeTransactions(txs, true)
		d.done.Add(1)
		go d.forward(txs, sub, wake)
	}
	d.done.Add(1)
	go d.seal(cfg.BlockInterval, wake)
	return d, nil
}

// exists reports whether a chain database is already in dataDir.
func exists(dataDir string) bool {
	if dataDir == "" {
		return false
	}
	_, err := os.Stat(filepath.Join(dataDir, "devchain", "chaindata"))
	return err == nil
}

func (d *DevChain) forward(txs <-chan core.NewTxsEvent, sub event.Subscription, wake chan<- struct{}) {
	defer d.done.Done()
	defer sub.Unsubscribe()
	for {
		select {
		case <-d.stop:
			return
		case <-sub.Err():
			return
		case <-txs:
			select {
			case wake <- struct{}{}:
			default:
			}
		}
	}
}

// seal is the only caller of beacon.Commit besides Commit: it seals a block
// when transactions arrive and every interval.
func (d *DevChain) seal(every time.Duration, wake <-chan struct{}) {
	defer d.done.Done()
	var tick <-chan time.Time
	if every > 0 {
		t := time.NewTicker(every)
		defer t.Stop()
		tick = t.C
	}
	for {
		select {
		case <-d.stop:
			return
		case <-wake:
			// A wake-up may outlive the transactions it announced (already
			// sealed), so seal only while some are executable: no empty
			// blocks beyond the timer's.
			for range 8 {
				d.pool.Sync()
				if executable, _ := d.pool.Stats(); executable == 0 {
					break
				}
				d.Commit()
			}
		case <-tick:
			d.Commit()
		}
	}
}

// Commit seals a block now. Safe for concurrent use.
func (d *DevChain) Commit() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.beacon.Commit()
}

// RPC returns an in-process JSON-RPC client of the chain.
func (d *DevChain) RPC() *rpc.Client { return d.node.Attach() }

// HTTPEndpoint is the served JSON-RPC URL, or "" when none is served.
func (d *DevChain) HTTPEndpoint() string { return d.node.HTTPEndpoint() }

// Close stops the chain, flushing its database. Closing twice is harmless.
func (d *DevChain) Close() error {
	d.closed.Do(func() {
		close(d.stop)
		d.done.Wait()
		d.err = d.node.Close()
	})
	return d.err
}
