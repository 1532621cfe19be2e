package perks_test

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/metapass/metapass/brands"
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
