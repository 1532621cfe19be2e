package httpapi_test

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/contracts"
)

// TestPerksFollowTheChain: a pass sold on the chain carries its used
// per-token perk to the buyer, who may still use a per-wallet one; the seller
// loses both; and "held for a day" counts from the block that gave the
// holder the pass, as the ownership index recorded it.
func TestPerksFollowTheChain(t *testing.T) {
	seller, buyer := newKey(t), newKey(t)
	sellerAddr, buyerAddr := crypto.PubkeyToAddress(seller.PublicKey), crypto.PubkeyToAddress(buyer.PublicKey)
	s := newStack(t, stackOptions{fund: []common.Address{sellerAddr}})
	brandID, keys := s.brand(t, "A")
	admin := keys[brands.RoleAdmin]
	launch := s.launch(t, admin, nil)
	s.must(t, 202, "POST", "/v1/launches/"+launch+"/publish", admin, nil)
	contract := common.HexToAddress(s.waitLaunch(t, admin, launch, "live")["contract_address"].(string))
	hooks := newReceiver(t)
	hooks.secret = s.must(t, 201, "POST", "/v1/webhooks", admin, map[string]any{"url": hooks.srv.URL, "events": []string{"pass.transferred"}})["secret"].(string)
	newPerk := func(title string, body map[string]any) string {
		body["kind"], body["title"] = "access", title
		return s.must(t, 201, "POST", "/v1/launches/"+launch+"/perks", admin, body)["id"].(string)
	}
	holds := func(days int) map[string]any {
		return map[string]any{"holds": map[string]any{"launches": []string{launch}, "held_days": days}}
	}
	perToken := newPerk("once per pass", map[string]any{"rule": holds(0), "limit": map[string]any{"per_token": 1}})
	perWallet := newPerk("once per holder", map[string]any{"rule": holds(0), "limit": map[string]any{"per_wallet": 1}})
	veteran := newPerk("held a day", map[string]any{"rule": holds(1)})

	o := s.must(t, 202, "POST", "/v1/launches/"+launch+"/orders", admin, order("o-1", "XO-70CL", 1, sellerAddr.Hex()))
	minted := s.waitOrder(t, admin, o["id"].(string), "minted")["passes"].([]any)[0].(map[string]any)
	status := func(wallet common.Address, perk string) map[string]any {
		t.Helper()
		for _, st := range s.must(t, 200, "GET", "/v1/wallets/"+wallet.Hex()+"/perks", admin, nil)["data"].([]any) {
			if st := st.(map[string]any); st["id"] == perk {
				return st
			}
		}
		t.Fatalf("perk %s not listed", perk)
		return nil
	}
	waitStatus := func(wallet common.Address, perk string, eligible bool, reason string) {
		t.Helper()
		s.poll(t, "/v1/wallets/"+wallet.Hex()+"/perks", admin, func(map[string]any) bool {
			st := status(wallet, perk)
			return st["eligible"] == eligible && (reason == "" || st["reason"] == reason)
		})
	}
	waitStatus(sellerAddr, perToken, true, "") // the index has seen the mint
	sellerToken := s.signIn(t, brandID, seller)
	s.must(t, 201, "POST", "/v1/perks/"+perToken+"/redemptions", sellerToken, map[string]any{})
	s.must(t, 201, "POST", "/v1/perks/"+perWallet+"/redemptions", sellerToken, map[string]any{})

	// Held-since: a day after the mint block, not a second before.
	ec := ethclient.NewClient(s.dev.RPC())
	blockTime := func(n uint64) time.Time {
		t.Helper()
		h, err := ec.HeaderByNumber(t.Context(), new(big.Int).SetUint64(n))
		if err != nil {
			t.Fatal(err)
		}
		return time.Unix(int64(h.Time), 0)
	}
	at := func(tm time.Time) { s.clock.Store(&tm) }
	mintedAt := blockTime(uint64(minted["block_number"].(float64)))
	at(mintedAt.Add(24*time.Hour - time.Second))
	if st := status(sellerAddr, veteran); st["eligible"] != false || st["reason"] != "held_too_short" {
		t.Fatalf("a second short of a day: %v", st)
	}
	at(mintedAt.Add(24 * time.Hour))
	if st := status(sellerAddr, veteran); st["eligible"] != true {
		t.Fatalf("a day after the mint: %v", st)
	}
	s.clock.Store(nil)

	// The seller sells the pass on chain.
	transferAt := transfer(t, ec, seller, contract, buyerAddr, minted["chain_token_id"].(string))
	waitStatus(buyerAddr, perToken, false, "limit_reached")
	buyerToken := s.signIn(t, brandID, buyer)
	s.must(t, 409, "POST", "/v1/perks/"+perToken+"/redemptions", buyerToken, map[string]any{})
	s.must(t, 201, "POST", "/v1/perks/"+perWallet+"/redemptions", buyerToken, map[string]any{})
	s.must(t, 403, "POST", "/v1/perks/"+perWallet+"/redemptions", sellerToken, map[string]any{})
	if st := status(sellerAddr, perToken); st["reason"] != "not_holding" {
		t.Fatalf("seller after the sale: %v", st)
	}
	if err := s.dispatcher(s.db).Step(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got := hooks.deliveries(); len(got) != 1 || got[0].event["type"] != "pass.transferred" ||
		got[0].event["data"].(map[string]any)["from"] != sellerAddr.Hex() || got[0].event["data"].(map[string]any)["to"] != buyerAddr.Hex() {
		t.Fatalf("transfer webhooks %v (the mint must not be one)", got)
	}
	held := s.must(t, 200, "GET", "/v1/wallets/"+buyerAddr.Hex()+"/passes", buyerToken, nil)["data"].([]any)
	if len(held) != 1 || held[0].(map[string]any)["token_id"] != minted["token_id"] ||
		held[0].(map[string]any)["chain_token_id"] != minted["chain_token_id"] ||
		held[0].(map[string]any)["held_since"] != blockTime(transferAt).UTC().Format(time.RFC3339) {
		t.Fatalf("the buyer's passes: %v", held)
	}
	if held := s.must(t, 200, "GET", "/v1/wallets/"+sellerAddr.Hex()+"/passes", sellerToken, nil)["data"].([]any); len(held) != 0 {
		t.Fatalf("the seller still lists %v", held)
	}
	s.must(t, 404, "GET", "/v1/wallets/"+buyerAddr.Hex()+"/passes", sellerToken, nil)

	// The buyer's day starts at the transfer, not the mint.
	at(blockTime(transferAt).Add(24*time.Hour - time.Second))
	if st := status(buyerAddr, veteran); st["eligible"] != false || st["reason"] != "held_too_short" {
		t.Fatalf("buyer a second short of a day after the transfer: %v", st)
	}
	at(blockTime(transferAt).Add(24 * time.Hour))
	if st := status(buyerAddr, veteran); st["eligible"] != true {
		t.Fatalf("buyer a day after the transfer: %v", st)
	}
}

// transfer sends transferFrom(from, to, tokenID) signed by from's key and
// returns the block it landed in.
func transfer(t *testing.T, ec *ethclient.Client, from *ecdsa.PrivateKey, contract, to common.Address, tokenID string) uint64 {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	sender := crypto.PubkeyToAddress(from.PublicKey)
	nonce, err := ec.PendingNonceAt(ctx, sender)
	if err != nil {
		t.Fatal(err)
	}
	chainID, err := ec.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	id, ok := new(big.Int).SetString(tokenID, 10)
	if !ok {
		t.Fatalf("token id %q", tokenID)
	}
	data := contracts.NewPassCollection().PackTransferFrom(sender, to, id)
	tx, err := types.SignNewTx(from, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{
		ChainID: chainID, Nonce: nonce, GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(100e9), Gas: 200_000, To: &contract, Data: data,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := ec.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	for {
		r, err := ec.TransactionReceipt(ctx, tx.Hash())
		if err == nil {
			if r.Status != types.ReceiptStatusSuccessful {
				t.Fatalf("transfer reverted")
			}
			return r.BlockNumber.Uint64()
		}
		select {
		case <-ctx.Done():
			t.Fatalf("transfer not mined: %v", err)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// TestEligibilityAsksTheIndexNotTheChain: listing a wallet's perks is
// answered from the ownership index with no chain call; only a redemption
// asks the chain, for the head and the owner at the confirmed head.
func TestEligibilityAsksTheIndexNotTheChain(t *testing.T) {
	s := newStack(t, stackOptions{})
	session, addr := s.perkedWallet(t, 1, 50)
	before := s.chainReads.Load()
	for range 100 {
		if got := len(s.must(t, 200, "GET", "/v1/wallets/"+addr+"/perks", session, nil)["data"].([]any)); got != 50 {
			t.Fatalf("%d perks listed, want 50", got)
		}
	}
	if n := s.chainReads.Load() - before; n != 0 {
		t.Fatalf("100 eligibility answers made %d chain calls, want 0", n)
	}
	perk := s.must(t, 200, "GET", "/v1/wallets/"+addr+"/perks", session, nil)["data"].([]any)[0].(map[string]any)["id"].(string)
	s.must(t, 201, "POST", "/v1/perks/"+perk+"/redemptions", session, map[string]any{})
	if n := s.chainReads.Load() - before; n != 2 {
		t.Fatalf("a redemption made %d chain calls, want 2 (the head, then ownerOf at the confirmed head)", n)
	}
}

// perkedWallet signs in a wallet holding n passes of a launch that has m
// perks, and waits until the index shows them; it returns the session and
// the wallet.
func (s *stack) perkedWallet(t testing.TB, n, m int) (session, addr string) {
	t.Helper()
	brandID, keys := s.brand(t, "A")
	admin := keys[brands.RoleAdmin]
	key := newKey(t)
	addr = crypto.PubkeyToAddress(key.PublicKey).Hex()
	launch := s.launch(t, admin, nil)
	s.must(t, 202, "POST", "/v1/launches/"+launch+"/publish", admin, nil)
	o := s.must(t, 202, "POST", "/v1/launches/"+launch+"/orders", admin, order("o-1", "XO-70CL", n, addr))
	s.waitOrder(t, admin, o["id"].(string), "minted")
	for i := range m {
		s.must(t, 201, "POST", "/v1/launches/"+launch+"/perks", admin, map[string]any{
			"kind": "access", "title": fmt.Sprintf("perk %d", i),
			"rule":  map[string]any{"holds": map[string]any{"launches": []string{launch}, "min": 1 + i%n}},
			"limit": map[string]any{"per_token": 1 + i%3},
		})
	}
	session = s.signIn(t, brandID, key)
	s.poll(t, "/v1/wallets/"+addr+"/perks", session, func(m map[string]any) bool {
		return m["data"].([]any)[0].(map[string]any)["eligible"] == true
	})
	return session, addr
}
