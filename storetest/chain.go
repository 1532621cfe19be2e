package storetest

import (
	"errors"
	"math/big"
	"slices"
	"testing"
	"time"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/custody"
	"github.com/metapass/metapass/passes"
)

const (
	contractA = "0xaAaAaAaaAaAaAaaAaAAAAAAAAaaaAaAaAaaAaaAa" // checksummed
	signer    = "0x5555555555555555555555555555555555555555"
)

// deployed publishes a launch of n passes and confirms its deployment to
// contractA at block 10.
func deployed(t *testing.T, s Stores, n int64) passes.Launch {
	t.Helper()
	return deployedAt(t, s, n, 0)
}

// deployedAt is deployed with the deployment at nonce.
func deployedAt(t *testing.T, s Stores, n int64, nonce uint64) passes.Launch {
	t.Helper()
	ctx := t.Context()
	l := launch(t, s, n)
	todo, err := s.Passes.LaunchesToDeploy(ctx, chainID)
	if err != nil || len(todo) != 1 || todo[0].ID != l.ID {
		t.Fatalf("LaunchesToDeploy: %+v %v", todo, err)
	}
	tx := passes.ChainTx{ChainID: chainID, Sender: signer, Nonce: nonce, Hash: txHash(1 + int(nonce)), Raw: []byte{1}, Kind: passes.TxDeploy,
		LaunchID: l.ID, CreatedAt: now(), GasTipCap: big.NewInt(1), GasFeeCap: new(big.Int).Lsh(big.NewInt(1), 100)}
	if tx.ID, err = s.Passes.RecordDeploy(ctx, tx, contractA); err != nil {
		t.Fatal(err)
	}
	if err := s.Passes.ConfirmTx(ctx, tx, passes.Receipt{BlockNumber: 10, BlockHash: "0xb10", Success: true, GasUsed: 21000}, ""); err != nil {
		t.Fatal(err)
	}
	if l, err = s.Passes.GetLaunch(ctx, brandA, l.ID); err != nil || l.State != passes.LaunchLive || !l.Deployed ||
		l.Contract != contractA || l.DeployTxHash != tx.Hash {
		t.Fatalf("launch after its deploy: %+v %v", l, err)
	}
	return l
}

func transfer(from, to string, token, block uint64, log uint) passes.Transfer {
	return passes.Transfer{Contract: contractA, From: from, To: to, TokenID: token, BlockNumber: block,
		BlockHash: blockHash(block), BlockTime: time.Unix(int64(block), 0).UTC(), TxHash: txHash(int(block*100) + int(log)), LogIndex: log}
}

func blockHash(n uint64) string { return txHash(int(n) + 1_000_000) }

func testOwnership(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	l := deployed(t, s, 10)
	if _, ok, err := s.Ownership.Cursor(ctx, chainID); ok || err != nil {
		t.Fatalf("cursor before indexing: %v %v", ok, err)
	}
	ws, err := s.Ownership.WatchedContracts(ctx, chainID)
	if err != nil || len(ws) != 1 || ws[0].Address != contractA || ws[0].LaunchID != l.ID || ws[0].BrandID != brandA || ws[0].Next != 10 {
		t.Fatalf("WatchedContracts: %+v %v", ws, err)
	}
	lower := "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	apply := func(from, to uint64, ts ...passes.Transfer) error {
		r := passes.IndexedRange{Contracts: []string{lower}, From: from, To: to, Transfers: ts}
		for _, tr := range ts {
			r.Blocks = append(r.Blocks, passes.IndexedBlock{Number: tr.BlockNumber, Hash: tr.BlockHash})
		}
		r.Blocks = append(r.Blocks, passes.IndexedBlock{Number: to, Hash: blockHash(to)})
		return s.Ownership.ApplyRange(ctx, chainID, r)
	}
	if err := apply(10, 20,
		transfer(passes.ZeroAddress, walletA, 1, 11, 0),
		transfer(passes.ZeroAddress, walletA, 2, 11, 1),
		transfer(walletA, walletB, 1, 15, 0),
	); err != nil {
		t.Fatal(err)
	}
	if err := apply(21, 30, transfer(walletB, walletA, 1, 25, 0), transfer(walletA, passes.ZeroAddress, 2, 26, 0)); err != nil {
		t.Fatal(err)
	}
	holder := func(token uint64) string {
		h, err := s.Ownership.Holder(ctx, chainID, lower, token)
		if metapass.ErrorCode(err) == metapass.ENOTFOUND {
			return "none"
		}
		if err != nil {
			t.Fatal(err)
		}
		return h.Owner
	}
	if a, b := holder(1), holder(2); a != walletA || b != "none" {
		t.Fatalf("holders after block 30: %s, %s", a, b)
	}
	if b, ok, err := s.Ownership.Cursor(ctx, chainID); !ok || err != nil || b.Number != 30 {
		t.Fatalf("cursor %+v %v %v", b, ok, err)
	}
	if b, ok, err := s.Ownership.BlockBelow(ctx, chainID, 25); !ok || err != nil || b.Number != 20 || b.Hash != blockHash(20) {
		t.Fatalf("BlockBelow 25: %+v %v %v", b, ok, err)
	}
	if ws, _ := s.Ownership.WatchedContracts(ctx, chainID); len(ws) != 1 || ws[0].Next != 31 {
		t.Fatalf("WatchedContracts after indexing: %+v", ws)
	}
	// A block seen again with another hash is a reorganisation.
	r := passes.IndexedRange{Contracts: []string{contractA}, From: 31, To: 31,
		Blocks: []passes.IndexedBlock{{Number: 30, Hash: "0xother"}, {Number: 31, Hash: blockHash(31)}}}
	if err := s.Ownership.ApplyRange(ctx, chainID, r); !errors.Is(err, passes.ErrReorged) {
		t.Fatalf("reorg: %v", err)
	}
	if b, _, _ := s.Ownership.Cursor(ctx, chainID); b.Number != 30 {
		t.Fatalf("a refused range left block %d", b.Number)
	}

	if err := s.Ownership.Rewind(ctx, chainID, 20); err != nil {
		t.Fatal(err)
	}
	if a, b := holder(1), holder(2); a != walletB || b != walletA {
		t.Fatalf("holders after rewinding to 20: %s, %s", a, b)
	}
	h, err := s.Ownership.Holder(ctx, chainID, contractA, 1)
	if err != nil || h.Block != 15 || !h.Since.Equal(time.Unix(15, 0)) || h.Since.Location() != time.UTC {
		t.Fatalf("holding of token 1: %+v %v", h, err)
	}
	if b, _, _ := s.Ownership.Cursor(ctx, chainID); b.Number != 20 {
		t.Fatalf("cursor after rewind: %d", b.Number)
	}
	if ws, _ := s.Ownership.WatchedContracts(ctx, chainID); ws[0].Next != 21 {
		t.Fatalf("WatchedContracts after rewind: %+v", ws)
	}
	// Replaying the forgotten range applies it again.
	if err := apply(21, 30, transfer(walletB, walletA, 1, 25, 0)); err != nil {
		t.Fatal(err)
	}
	// Holdings leave out passes of refunded orders.
	o := order(t, s, l.ID, "H-1", 2, walletA) // tokens 1 and 2
	hs, err := s.Ownership.Holdings(ctx, chainID, "0x1111111111111111111111111111111111111111")
	if err != nil || len(hs) != 2 || hs[0].TokenID != 1 || hs[1].TokenID != 2 || hs[0].ChainTokenID != "" {
		t.Fatalf("Holdings: %+v %v", hs, err)
	}
	// Once a mint carries them, holdings name their token ids on chain.
	queued, err := s.Passes.QueuedPasses(ctx, l.ID, 10)
	if err != nil || len(queued) != 2 {
		t.Fatalf("queued: %+v %v", queued, err)
	}
	mintTx(t, s, l, 50, queued)
	hs, err = s.Ownership.Holdings(ctx, chainID, walletA)
	if err != nil || len(hs) != 2 || hs[0].ChainTokenID != ChainToken(t, walletA, 1) || hs[1].ChainTokenID != ChainToken(t, walletA, 2) {
		t.Fatalf("Holdings after the mint is recorded: %+v %v", hs, err)
	}
	if h, err := s.Ownership.Holder(ctx, chainID, contractA, 2); err != nil || h.ChainTokenID != ChainToken(t, walletA, 2) {
		t.Fatalf("Holder of token 2: %+v %v", h, err)
	}
	if _, err := service(s).Refund(ctx, brandA, o.ID); err != nil {
		t.Fatal(err)
	}
	if hs, err := s.Ownership.Holdings(ctx, chainID, walletA); err != nil || len(hs) != 0 {
		t.Fatalf("Holdings after refund: %+v %v", hs, err)
	}
}

func testClaims(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	l := deployed(t, s, 10)
	fund, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	at := now()
	claim := func(id string, token uint64) custody.Claim {
		return custody.Claim{ID: id, BrandID: brandA, CustomerRef: "cust-1", LaunchID: l.ID, ChainID: chainID, Contract: contractA,
			TokenID: token, From: walletA, To: walletB, State: custody.ClaimFunding, Fund: fund, CreatedAt: at}
	}
	if err := s.Claims.CreateClaims(ctx, []custody.Claim{claim("clm_1", 1), claim("clm_2", 2)}); err != nil {
		t.Fatal(err)
	}
	err := s.Claims.CreateClaims(ctx, []custody.Claim{claim("clm_3", 3), claim("clm_4", 1)})
	wantCode(t, "a pass claimed twice", err, metapass.ECONFLICT)
	cs, err := s.Claims.ListClaims(ctx, brandA, "cust-1")
	if err != nil || len(cs) != 2 || cs[0].Fund.Cmp(fund) != 0 || cs[0].State != custody.ClaimFunding {
		t.Fatalf("ListClaims: %+v %v (a refused batch writes nothing)", cs, err)
	}
	if cs, err := s.Claims.ListClaims(ctx, brandB, "cust-1"); err != nil || len(cs) != 0 {
		t.Fatalf("brand B's claims: %+v %v", cs, err)
	}

	fs, err := s.Passes.FundingsDue(ctx, chainID, 10)
	if err != nil || len(fs) != 2 || fs[0].ID != "clm_1" || fs[0].To != walletA || fs[0].Value.Cmp(fund) != 0 {
		t.Fatalf("FundingsDue: %+v %v", fs, err)
	}
	tx := passes.ChainTx{ChainID: chainID, Sender: signer, Nonce: 1, Hash: txHash(2), Raw: []byte{2}, Kind: passes.TxFund,
		LaunchID: l.ID, CreatedAt: at}
	if tx.ID, err = s.Passes.RecordFund(ctx, tx, "clm_1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Passes.RecordFund(ctx, passes.ChainTx{ChainID: chainID, Sender: signer, Nonce: 2, Hash: txHash(3), Raw: []byte{3},
		Kind: passes.TxFund, LaunchID: l.ID, CreatedAt: at}, "clm_1"); err == nil {
		t.Fatal("a claim funded twice")
	}
	if fs, _ := s.Passes.FundingsDue(ctx, chainID, 10); len(fs) != 1 || fs[0].ID != "clm_2" {
		t.Fatalf("FundingsDue after funding: %+v", fs)
	}
	if err := s.Passes.ConfirmTx(ctx, tx, passes.Receipt{BlockNumber: 12, BlockHash: "0xb12", Success: true}, ""); err != nil {
		t.Fatal(err)
	}
	open, err := s.Claims.OpenClaims(ctx, chainID)
	if err != nil || len(open) != 1 || open[0].ID != "clm_1" || open[0].State != custody.ClaimFunded {
		t.Fatalf("OpenClaims: %+v %v", open, err)
	}
	c := open[0]
	c.TxHash, c.Raw = txHash(4), []byte{4}
	if err := s.Claims.RecordTransfer(ctx, c); err != nil {
		t.Fatal(err)
	}
	if err := s.Claims.RecordTransfer(ctx, c); err == nil {
		t.Fatal("a transfer recorded twice")
	}
	claimed := at.Add(time.Minute)
	c.State, c.ClaimedAt = custody.ClaimClaimed, &claimed
	if err := s.Claims.Settle(ctx, c); err != nil {
		t.Fatal(err)
	}
	if err := s.Claims.Settle(ctx, c); err == nil {
		t.Fatal("a claim settled twice")
	}
	cs, _ = s.Claims.ListClaims(ctx, brandA, "cust-1")
	i := slices.IndexFunc(cs, func(c custody.Claim) bool { return c.ID == "clm_1" })
	if i < 0 || cs[i].State != custody.ClaimClaimed || cs[i].TxHash != txHash(4) || !slices.Equal(cs[i].Raw, []byte{4}) ||
		cs[i].ClaimedAt == nil || !cs[i].ClaimedAt.Equal(claimed) {
		t.Fatalf("claim after settling: %+v", cs)
	}
	// Claiming told the brand's webhooks.
	if n, err := s.Webhooks.FanOut(ctx, 10, at); err != nil || n != 1 {
		t.Fatalf("outbox: %d %v, want the pass.claimed event", n, err)
	}
}

// testConfirmedMintHeld: a pass whose mint the minter confirmed is held by
// its recipient at once, before the index records the mint; the index's
// later record of the same mint does not count it twice, a reopened mint
// (a reorg) takes it back, and a refund leaves it out.
func testConfirmedMintHeld(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	l := deployed(t, s, 10)
	o := order(t, s, l.ID, "M-1", 2, walletB)
	queued, err := s.Passes.QueuedPasses(ctx, l.ID, 10)
	if err != nil || len(queued) != 2 {
		t.Fatalf("queued: %+v %v", queued, err)
	}
	tx := mintTx(t, s, l, 60, queued)
	held := func(want int) []passes.Holding {
		t.Helper()
		hs, err := s.Ownership.Holdings(ctx, chainID, walletB)
		if err != nil || len(hs) != want {
			t.Fatalf("Holdings: %+v %v, want %d", hs, err, want)
		}
		return hs
	}
	held(0) // submitted, not confirmed
	if err := s.Passes.ConfirmTx(ctx, tx, passes.Receipt{BlockNumber: 61, BlockHash: "0xb61", Success: true, GasUsed: 90000}, ""); err != nil {
		t.Fatal(err)
	}
	hs := held(2)
	for i, h := range hs {
		if h.TokenID != uint64(i+1) || h.Owner != walletB || h.Contract != contractA || h.Block != 61 ||
			h.ChainTokenID != ChainToken(t, walletB, uint64(i+1)) || h.Since.IsZero() || h.Since.Location() != time.UTC {
			t.Fatalf("holding %d before indexing: %+v", i, h)
		}
	}

	// The indexer records the same mint: still one holding per pass, now
	// the index's.
	r := passes.IndexedRange{Contracts: []string{contractA}, From: 10, To: 61,
		Blocks:    []passes.IndexedBlock{{Number: 61, Hash: blockHash(61)}},
		Transfers: []passes.Transfer{transfer(passes.ZeroAddress, walletB, 1, 61, 0), transfer(passes.ZeroAddress, walletB, 2, 61, 1)}}
	if err := s.Ownership.ApplyRange(ctx, chainID, r); err != nil {
		t.Fatal(err)
	}
	if hs := held(2); !hs[0].Since.Equal(time.Unix(61, 0)) {
		t.Fatalf("holding after indexing: %+v", hs[0])
	}
	// The index rewinds and the mint is reopened by the same reorg: held
	// by nobody until it is confirmed again.
	if err := s.Ownership.Rewind(ctx, chainID, 20); err != nil {
		t.Fatal(err)
	}
	held(2)
	if err := s.Passes.ReopenTx(ctx, tx); err != nil {
		t.Fatal(err)
	}
	held(0)
	if err := s.Passes.ConfirmTx(ctx, tx, passes.Receipt{BlockNumber: 62, BlockHash: "0xb62", Success: true, GasUsed: 90000}, ""); err != nil {
		t.Fatal(err)
	}
	held(2)
	if _, err := service(s).Refund(ctx, brandA, o.ID); err != nil {
		t.Fatal(err)
	}
	held(0)
}
