package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/eth/tracers"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
)

// chain is go-ethereum's simulated backend on Osaka (mainnet) rules with one
// funded account that sends every transaction, and a tracer that breaks each
// mined transaction's gas down by opcode.
type chain struct {
	sim     *simulated.Backend
	client  simulated.Client
	key     *ecdsa.PrivateKey
	from    common.Address
	chainID *big.Int
	trace   *gasTracer
}

// tracerName is the live tracer's name in go-ethereum's registry.
const tracerName = "metapass-gasreport"

func newChain() (*chain, error) {
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte("metapass gas report")))
	if err != nil {
		return nil, err
	}
	from := crypto.PubkeyToAddress(key.PublicKey)
	t := &gasTracer{traces: map[common.Hash]*txGas{}}
	tracers.LiveDirectory.Register(tracerName, func(json.RawMessage) (*tracing.Hooks, error) { return t.hooks(), nil })
	alloc := types.GenesisAlloc{from: {Balance: new(big.Int).Mul(big.NewInt(1e6), big.NewInt(1e18))}}
	sim := simulated.NewBackend(alloc, osakaRules, func(_ *node.Config, ethConf *ethconfig.Config) {
		ethConf.VMTrace = tracerName
	})
	c := &chain{sim: sim, client: sim.Client(), key: key, from: from, trace: t}
	if c.chainID, err = c.client.ChainID(context.Background()); err != nil {
		sim.Close()
		return nil, err
	}
	return c, nil
}

// osakaRules runs the chain on Osaka rules: go-ethereum's dev config also
// activates the unreleased Bogota fork, whose EIP-8037 state-gas pricing makes
// new storage about 5x dearer (see contracts/README.md).
func osakaRules(_ *node.Config, ethConf *ethconfig.Config) {
	cfg := *ethConf.Genesis.Config
	cfg.AmsterdamTime, cfg.BogotaTime = nil, nil
	ethConf.Genesis.Config = &cfg
}

// send signs data to to (nil: a deployment) with accessList, mines it and
// returns its receipt; a failed transaction is an error.
func (c *chain) send(ctx context.Context, to *common.Address, data []byte, accessList types.AccessList) (*types.Receipt, error) {
	nonce, err := c.client.PendingNonceAt(ctx, c.from)
	if err != nil {
		return nil, err
	}
	head, err := c.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, err
	}
	gas, err := c.client.EstimateGas(ctx, ethereum.CallMsg{From: c.from, To: to, Data: data, AccessList: accessList})
	if err != nil {
		return nil, fmt.Errorf("estimate gas: %w", err)
	}
	tip, err := c.client.SuggestGasTipCap(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := types.SignNewTx(c.key, types.LatestSignerForChainID(c.chainID), &types.DynamicFeeTx{
		ChainID: c.chainID, Nonce: nonce, To: to, Data: data, AccessList: accessList, Gas: gas,
		GasTipCap: tip, GasFeeCap: new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip),
	})
	if err != nil {
		return nil, err
	}
	if err := c.client.SendTransaction(ctx, tx); err != nil {
		return nil, err
	}
	c.sim.Commit()
	// The receipt is there once the chain has indexed the block.
	var rcpt *types.Receipt
	for try := 0; ; try++ {
		if rcpt, err = c.client.TransactionReceipt(ctx, tx.Hash()); err == nil {
			break
		}
		if try == 500 {
			return nil, fmt.Errorf("receipt of %s: %w", tx.Hash(), err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if rcpt.Status != types.ReceiptStatusSuccessful {
		return nil, fmt.Errorf("transaction %s failed", tx.Hash())
	}
	return rcpt, nil
}

// deploy deploys bin with constructor arguments args.
func (c *chain) deploy(ctx context.Context, bin, args []byte) (common.Address, *types.Receipt, error) {
	rcpt, err := c.send(ctx, nil, append(append([]byte{}, bin...), args...), nil)
	if err != nil {
		return common.Address{}, nil, err
	}
	return rcpt.ContractAddress, rcpt, nil
}

// txGas is one transaction's execution gas by where it went.
type txGas struct {
	// storage is SLOAD and SSTORE gas by slot (of any contract: here one).
	storage map[common.Hash]uint64
	// calls is what CALL-like opcodes cost beyond the gas they forward
	// (account access, EIP-2929 cold surcharge included).
	calls uint64
	// logs is LOG0..LOG4's gas; other is every other opcode's.
	logs, other uint64
}

func (g *txGas) total() uint64 {
	sum := g.calls + g.logs + g.other
	for _, v := range g.storage {
		sum += v
	}
	return sum
}

// gasTracer records a txGas per mined transaction. The chain may execute a
// transaction more than once (building and importing its block): the result
// is the same each time.
type gasTracer struct {
	mu     sync.Mutex
	cur    *txGas
	traces map[common.Hash]*txGas
	hash   common.Hash
}

func (t *gasTracer) hooks() *tracing.Hooks {
	return &tracing.Hooks{
		OnTxStart: func(_ *tracing.VMContext, tx *types.Transaction, _ common.Address) {
			t.mu.Lock()
			defer t.mu.Unlock()
			t.cur, t.hash = &txGas{storage: map[common.Hash]uint64{}}, tx.Hash()
		},
		OnTxEnd: func(*types.Receipt, error) {
			t.mu.Lock()
			defer t.mu.Unlock()
			t.traces[t.hash], t.cur = t.cur, nil
		},
		OnEnter: func(depth int, _ byte, _, _ common.Address, _ []byte, gas uint64, _ *big.Int) {
			t.mu.Lock()
			defer t.mu.Unlock()
			if t.cur != nil && depth > 0 {
				t.cur.calls -= gas
			}
		},
		OnOpcode: func(_ uint64, op byte, _, cost uint64, scope tracing.OpContext, _ []byte, _ int, _ error) {
			t.mu.Lock()
			defer t.mu.Unlock()
			if t.cur == nil {
				return
			}
			switch vm.OpCode(op) {
			case vm.SLOAD, vm.SSTORE:
				stack := scope.StackData()
				t.cur.storage[common.Hash(stack[len(stack)-1].Bytes32())] += cost
			case vm.CALL, vm.CALLCODE, vm.DELEGATECALL, vm.STATICCALL:
				t.cur.calls += cost
			case vm.LOG0, vm.LOG1, vm.LOG2, vm.LOG3, vm.LOG4:
				t.cur.logs += cost
			default:
				t.cur.other += cost
			}
		},
	}
}

// gasOf is the breakdown of the mined transaction hash.
func (t *gasTracer) gasOf(hash common.Hash) (*txGas, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	g, ok := t.traces[hash]
	if !ok {
		return nil, fmt.Errorf("no trace of transaction %s", hash)
	}
	return g, nil
}
