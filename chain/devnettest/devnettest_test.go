package devnettest

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
)

func TestStartGeth(t *testing.T) {
	g := StartGeth(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	ec, err := ethclient.DialContext(ctx, g.RPCURL)
	if err != nil {
		t.Fatal(err)
	}
	defer ec.Close()

	chainID, err := ec.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if chainID.Int64() != 1337 || g.ChainID.Cmp(chainID) != 0 {
		t.Fatalf("chain id = %v (Geth.ChainID %v), want 1337", chainID, g.ChainID)
	}

	from := crypto.PubkeyToAddress(g.FundedKey.PublicKey)
	bal, err := ec.BalanceAt(ctx, from, nil)
	if err != nil {
		t.Fatal(err)
	}
	if bal.Sign() <= 0 {
		t.Fatalf("funded key %s has balance %v", from, bal)
	}
	t.Logf("dev account %s balance %v wei", from, bal)

	nonce, err := ec.PendingNonceAt(ctx, from)
	if err != nil {
		t.Fatal(err)
	}
	tip, err := ec.SuggestGasTipCap(ctx)
	if err != nil {
		t.Fatal(err)
	}
	head, err := ec.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	to := common.HexToAddress("0x000000000000000000000000000000000000dEaD")
	value := big.NewInt(1_000_000_000)
	tx, err := types.SignNewTx(g.FundedKey, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{
		ChainID:   chainID,
		Nonce:     nonce,
		GasTipCap: tip,
		GasFeeCap: new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2))),
		Gas:       21000,
		To:        &to,
		Value:     value,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := ec.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	receipt, err := bind.WaitMined(ctx, ec, tx.Hash())
	if err != nil {
		t.Fatal(err)
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("transfer failed: status %d", receipt.Status)
	}
	got, err := ec.BalanceAt(ctx, to, receipt.BlockNumber)
	if err != nil {
		t.Fatal(err)
	}
	if got.Cmp(value) != 0 {
		t.Fatalf("recipient balance = %v, want %v", got, value)
	}
}
