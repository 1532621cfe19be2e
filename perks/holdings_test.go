package perks_test

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/chain"
	"github.com/metapass/metapass/chain/chaintest"
	"github.com/metapass/metapass/passes"
	"github.com/metapass/metapass/perks"
	"github.com/metapass/metapass/sqlite"
)

// TestPassHoldings: what a wallet holds comes from the ownership index,
// limited to the asking brand's launches, with launch attributes and the
// edition; a transfer moves it to the new holder.
func TestPassHoldings(t *testing.T) {
	ctx := t.Context()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	contracts := map[string]string{}
	for i, brand := range []string{"brd_1", "brd_2"} {
		if err := db.Brands().CreateBrand(ctx, brands.Brand{ID: brand, Name: brand, CreatedAt: now}); err != nil {
			t.Fatal(err)
		}
		ps := &passes.Service{Store: db.Passes(), ChainID: 1337, Now: time.Now}
		l, err := ps.CreateLaunch(ctx, brand, passes.Launch{Name: "XO", Symbol: "XO", SupplyCap: 10,
			SKUs: []passes.SKU{{SKU: "A", PassesPerUnit: 1}}, Attributes: []passes.Attribute{{TraitType: "Tier", Value: "Gold"}}})
		if err != nil {
			t.Fatal(err)
		}
		contract := []string{"0x00000000000000000000000000000000000000C1", "0x00000000000000000000000000000000000000C2"}[i]
		if _, err := db.Passes().RecordDeploy(ctx, passes.ChainTx{ChainID: 1337, Sender: "0xS", Nonce: uint64(i), Hash: contract,
			Raw: []byte{1}, Kind: passes.TxDeploy, LaunchID: l.ID, CreatedAt: now}, contract); err != nil {
			t.Fatal(err)
		}
		contracts[brand] = contract
	}
	const w, x = "0x000000000000000000000000000000000000000A", "0x000000000000000000000000000000000000000b"
	transfer := func(block uint64, contract, from, to string, token uint64) passes.Transfer {
		return passes.Transfer{Contract: contract, From: from, To: to, TokenID: token, BlockNumber: block,
			BlockHash: fmt.Sprintf("0xb%d", block), BlockTime: now.Add(time.Duration(block) * time.Hour), TxHash: fmt.Sprintf("%s-%d", contract, block)}
	}
	apply := func(block uint64, ts ...passes.Transfer) {
		t.Helper()
		if err := db.Ownership().ApplyRange(ctx, 1337, passes.IndexedRange{
			Contracts: []string{contracts["brd_1"], contracts["brd_2"]}, From: block, To: block,
			Blocks: []passes.IndexedBlock{{Number: block, Hash: fmt.Sprintf("0xb%d", block)}}, Transfers: ts,
		}); err != nil {
			t.Fatal(err)
		}
	}
	apply(1, transfer(1, contracts["brd_1"], passes.ZeroAddress, w, 7))
	apply(2, transfer(2, contracts["brd_2"], passes.ZeroAddress, w, 1))

	h := perks.PassHoldings{Owners: db.Ownership(), Launches: db.Passes(), ChainID: 1337}
	held, err := h.Held(ctx, "brd_1", w)
	if err != nil {
		t.Fatal(err)
	}
	if len(held) != 1 || held[0].TokenID != 7 || held[0].Attributes["Tier"] != "Gold" || held[0].Attributes["Edition"] != "7" ||
		!held[0].Since.Equal(now.Add(time.Hour)) {
		t.Fatalf("held by w for brand 1: %+v", held)
	}

	apply(3, transfer(3, contracts["brd_1"], w, x, 7))
	if held, _ := h.Held(ctx, "brd_1", w); len(held) != 0 {
		t.Fatalf("w still holds %+v after the transfer", held)
	}
	if held, _ := h.Held(ctx, "brd_1", x); len(held) != 1 || !held[0].Since.Equal(now.Add(3*time.Hour)) {
		t.Fatalf("x holds %+v", held)
	}
}

// TestIsHolderAtConfirmedHead: the chain is asked who holds a token as of
// the confirmed head, so a pass minted fewer than Confirmations blocks ago
// does not count yet.
func TestIsHolderAtConfirmedHead(t *testing.T) {
	ctx := t.Context()
	key, _ := crypto.GenerateKey()
	dev, err := chain.StartDevChain(chain.DevConfig{Funded: []common.Address{crypto.PubkeyToAddress(key.PublicKey)}, BlockInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = dev.Close() })
	c, err := chain.NewClient(ctx, dev.RPC(), key)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := db.Brands().CreateBrand(ctx, brands.Brand{ID: "brd_1", Name: "A", CreatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	l, err := (&passes.Service{Store: db.Passes(), ChainID: c.ID(), Now: time.Now}).CreateLaunch(ctx, "brd_1",
		passes.Launch{Name: "XO", Symbol: "XO", SupplyCap: 10, SKUs: []passes.SKU{{SKU: "A", PassesPerUnit: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	svc := &passes.Service{Store: db.Passes(), ChainID: c.ID(), Now: time.Now}
	if l, err = svc.Transition(ctx, "brd_1", l.ID, passes.Publish); err != nil {
		t.Fatal(err)
	}
	contract, _ := chaintest.Collection(t, c, chaintest.Factory(t, c), l, "")
	const holder = "0x000000000000000000000000000000000000A11C"
	first, _ := passes.ChainTokenID(holder, 1)
	token := perks.Held{LaunchID: l.ID, ChainID: c.ID(), Contract: contract, TokenID: 1, ChainTokenID: first}
	mint := func(n uint64) { chaintest.Mint(t, c, contract, []string{holder}, []uint64{n}) }
	h := perks.PassHoldings{Owners: db.Ownership(), Launches: db.Passes(), Chain: c, ChainID: c.ID(), Confirmations: 3}
	isHolder := func() bool {
		t.Helper()
		ok, err := h.IsHolder(ctx, token, holder)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	mint(1)
	for i, want := range []bool{false, false, true} { // 1, 2 and 3 blocks deep
		if got := isHolder(); got != want {
			t.Fatalf("mint %d block(s) deep: holder %v, want %v", i+1, got, want)
		}
		mint(uint64(i + 2))
	}
	h.Confirmations = 0
	if !isHolder() {
		t.Fatal("at the latest block the mint is not seen")
	}
}
