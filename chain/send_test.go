package chain_test

import (
	"crypto/ecdsa"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/metapass/metapass/chain"
	"github.com/metapass/metapass/chain/anviltest"
	"github.com/metapass/metapass/passes"
)

// node is one EVM implementation under test, with a funded signer.
type node struct {
	name string
	// start returns a client of a fresh node signing with key (funded),
	// a plain client of it, and mine, which seals a block where blocks are
	// not sealed on their own.
	start func(t *testing.T, key *ecdsa.PrivateKey) (c *chain.Client, ec *ethclient.Client, mine func())
	// stuckFeeCap is a fee cap the node pools but does not mine (geth), or
	// 0 where the node does not mine without being told (anvil).
	stuckFeeCap int64
	// belowBaseFee is what sending a transaction whose fee cap is below
	// the base fee yields.
	belowBaseFee error
	// underpriced is what a replacement paying 1% more yields.
	underpriced error
}

var nodes = []node{
	{
		name: "geth",
		start: func(t *testing.T, key *ecdsa.PrivateKey) (*chain.Client, *ethclient.Client, func()) {
			dev, c := startDev(t, chain.DevConfig{Funded: []common.Address{crypto.PubkeyToAddress(key.PublicKey)}, BlockInterval: -1}, key)
			return c, ethclient.NewClient(dev.RPC()), func() {}
		},
		stuckFeeCap: 1000,
		underpriced: passes.ErrUnderpriced, // geth's pool asks 10% more of a replacement
	},
	{
		name: "anvil",
		start: func(t *testing.T, key *ecdsa.PrivateKey) (*chain.Client, *ethclient.Client, func()) {
			a := anviltest.Start(t, "--no-mining")
			a.SetBalance(t, crypto.PubkeyToAddress(key.PublicKey), new(big.Int).Lsh(big.NewInt(1), 100))
			rc, err := chain.DialRPC(t.Context(), a.RPCURL, 10*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			c, err := chain.NewClient(t.Context(), rc, key)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(c.Close)
			return c, ethclient.NewClient(rc), func() { a.Mine(t, 1) }
		},
		belowBaseFee: passes.ErrFeeTooLow, // anvil refuses it; geth pools it until the base fee falls
	},
}

// TestSendAndReplace, on geth and on anvil: the node's answers to a
// broadcast are told apart (already known, nonce too low, insufficient
// funds, underpriced, fee too low), and Replace signs the same call at the
// same nonce with both fees raised enough that the pool takes it and the
// chain mines it instead of the original; the operator's caps stop it.
func TestSendAndReplace(t *testing.T) {
	for _, n := range nodes {
		t.Run(n.name, func(t *testing.T) {
			key, _ := crypto.GenerateKey()
			c, ec, mine := n.start(t, key)
			ctx := t.Context()
			head, err := ec.HeaderByNumber(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			tip, feeCap := big.NewInt(1e9), new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), big.NewInt(1e9))
			if n.stuckFeeCap > 0 {
				tip, feeCap = big.NewInt(n.stuckFeeCap), big.NewInt(n.stuckFeeCap)
			}
			to := common.HexToAddress("0x00000000000000000000000000000000000000b0")
			first := transfer(t, key, c.ID(), 0, tip, feeCap, to)

			if err := c.Send(ctx, first); err != nil {
				t.Fatalf("send: %v", err)
			}
			if err := c.Send(ctx, first); err != nil {
				t.Fatalf("send again: %v, want nil (already known)", err)
			}
			plus1 := func(x *big.Int) *big.Int {
				return new(big.Int).Add(x, new(big.Int).Add(new(big.Int).Div(x, big.NewInt(100)), big.NewInt(1)))
			}
			if err := c.Send(ctx, transfer(t, key, c.ID(), 0, plus1(tip), plus1(feeCap), to)); !errors.Is(err, n.underpriced) {
				t.Fatalf("a replacement paying 1%% more: %v, want %v", err, n.underpriced)
			}

			c.MaxFeePerGas = new(big.Int).Set(feeCap)
			if _, err := c.Replace(ctx, first); !errors.Is(err, passes.ErrFeeCapReached) {
				t.Fatalf("replace under a cap of the original fee: %v, want ErrFeeCapReached", err)
			}
			c.MaxFeePerGas = nil
			stx, err := c.Replace(ctx, first)
			if err != nil {
				t.Fatal(err)
			}
			var orig types.Transaction
			if err := orig.UnmarshalBinary(first); err != nil {
				t.Fatal(err)
			}
			tenth := func(x *big.Int) *big.Int { return new(big.Int).Add(x, new(big.Int).Div(x, big.NewInt(10))) }
			if stx.Nonce != 0 || stx.GasTipCap.Cmp(tenth(orig.GasTipCap())) < 0 || stx.GasFeeCap.Cmp(tenth(orig.GasFeeCap())) < 0 {
				t.Fatalf("replacement at nonce %d, tip %v, cap %v; want nonce 0 and both fees 10%% above %v, %v",
					stx.Nonce, stx.GasTipCap, stx.GasFeeCap, orig.GasTipCap(), orig.GasFeeCap())
			}
			if err := c.Send(ctx, stx.Raw); err != nil {
				t.Fatalf("send the replacement: %v", err)
			}
			mine()
			if r := waitReceipt(t, c, stx.Hash); r == nil {
				t.Fatal("replacement not mined")
			}
			// A loaded geth may still be indexing the block's transactions.
			r, err := c.Receipt(ctx, orig.Hash().Hex())
			for deadline := time.Now().Add(10 * time.Second); errors.Is(err, passes.ErrIndexing) && time.Now().Before(deadline); {
				time.Sleep(20 * time.Millisecond)
				r, err = c.Receipt(ctx, orig.Hash().Hex())
			}
			if err != nil || r != nil {
				t.Fatalf("the replaced transaction: receipt %+v, %v; want none", r, err)
			}
			// geth's pool drops the mined replacement a moment after its
			// block; until then the original is an underpriced replacement.
			err = c.Send(ctx, first)
			for deadline := time.Now().Add(5 * time.Second); errors.Is(err, passes.ErrUnderpriced) && time.Now().Before(deadline); {
				time.Sleep(20 * time.Millisecond)
				err = c.Send(ctx, first)
			}
			if !errors.Is(err, passes.ErrNonceTooLow) {
				t.Fatalf("sending the replaced transaction after its nonce was mined: %v, want ErrNonceTooLow", err)
			}

			head, err = ec.HeaderByNumber(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := c.Send(ctx, transfer(t, key, c.ID(), 1, big.NewInt(1), new(big.Int).Div(head.BaseFee, big.NewInt(4)), to)); !errors.Is(err, n.belowBaseFee) {
				t.Fatalf("a fee cap below the base fee: %v, want %v", err, n.belowBaseFee)
			}
			broke, _ := crypto.GenerateKey()
			if err := c.Send(ctx, transfer(t, broke, c.ID(), 0, tip, feeCap, to)); !errors.Is(err, passes.ErrInsufficientFunds) {
				t.Fatalf("a signer with no funds: %v, want ErrInsufficientFunds", err)
			}
		})
	}
}

// transfer signs a transfer of 1 wei.
func transfer(t *testing.T, key *ecdsa.PrivateKey, chainID, nonce uint64, tip, feeCap *big.Int, to common.Address) []byte {
	t.Helper()
	id := new(big.Int).SetUint64(chainID)
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(id), &types.DynamicFeeTx{
		ChainID: id, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: 21000, To: &to, Value: big.NewInt(1),
	})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := tx.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return raw
}
