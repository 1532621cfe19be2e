package storetest

import (
	"errors"
	"math/big"
	"slices"
	"testing"
	"time"

	"github.com/metapass/metapass/passes"
)

// mintTx records a mint of ps at nonce, each pass with its edition as its
// recipient's counter in its chain token id.
func mintTx(t *testing.T, s Stores, l passes.Launch, nonce uint64, ps []passes.Pass) passes.ChainTx {
	t.Helper()
	tx := passes.ChainTx{ChainID: chainID, Sender: signer, Nonce: nonce, Hash: txHash(100 + int(nonce)), Raw: []byte{byte(nonce)},
		Kind: passes.TxMint, LaunchID: l.ID, CreatedAt: now(), GasTipCap: big.NewInt(2), GasFeeCap: big.NewInt(30_000_000_000)}
	ids, tokens := make([]int64, len(ps)), make([]string, len(ps))
	for i, p := range ps {
		ids[i], tokens[i] = p.ID, ChainToken(t, p.Recipient, p.TokenID)
	}
	var err error
	if tx.ID, err = s.Passes.RecordMint(t.Context(), tx, ids, tokens); err != nil {
		t.Fatal(err)
	}
	return tx
}

// ChainToken is the token id on chain of owner's counter-th pass of a
// launch, failing t if owner is not an address.
func ChainToken(t *testing.T, owner string, counter uint64) string {
	t.Helper()
	id, err := passes.ChainTokenID(owner, counter)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func passStates(t *testing.T, s Stores, launchID string) []passes.PassState {
	t.Helper()
	ps, err := s.Passes.ListPasses(t.Context(), brandA, passes.PassFilter{LaunchID: launchID})
	if err != nil {
		t.Fatal(err)
	}
	var out []passes.PassState
	for _, p := range ps {
		out = append(out, p.State)
	}
	return out
}

func testMint(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	l := deployed(t, s, 10)
	if n, err := s.Passes.NextNonce(ctx, chainID, signer); err != nil || n != 1 {
		t.Fatalf("NextNonce after the deploy: %d %v", n, err)
	}
	if ts, err := s.Passes.LaunchesToMint(ctx, chainID); err != nil || len(ts) != 0 {
		t.Fatalf("LaunchesToMint with nothing queued: %+v %v", ts, err)
	}
	o := order(t, s, l.ID, "M-1", 3, walletA)
	if ts, err := s.Passes.LaunchesToMint(ctx, chainID); err != nil || len(ts) != 1 || ts[0].ID != l.ID {
		t.Fatalf("LaunchesToMint: %+v %v", ts, err)
	}
	queued, err := s.Passes.QueuedPasses(ctx, l.ID, 2)
	if err != nil || len(queued) != 2 || queued[0].TokenID != 1 || queued[1].TokenID != 2 {
		t.Fatalf("QueuedPasses: %+v %v", queued, err)
	}
	tx := mintTx(t, s, l, 1, queued)
	if _, err := s.Passes.RecordMint(ctx, passes.ChainTx{ChainID: chainID, Sender: signer, Nonce: 2, Hash: txHash(999), Raw: []byte{9},
		Kind: passes.TxMint, LaunchID: l.ID, CreatedAt: now()}, []int64{queued[0].ID}, []string{ChainToken(t, walletA, 9)}); err == nil {
		t.Fatal("a submitted pass recorded in a second mint")
	}
	if _, err := s.Passes.RecordMint(ctx, passes.ChainTx{ChainID: chainID, Sender: signer, Nonce: 1, Hash: txHash(998), Raw: []byte{9},
		Kind: passes.TxMint, LaunchID: l.ID, CreatedAt: now()}, nil, nil); err == nil {
		t.Fatal("a nonce recorded twice")
	}
	pending, err := s.Passes.PendingTxs(ctx, chainID)
	if err != nil || len(pending) != 1 || pending[0].ID != tx.ID || pending[0].Hash != tx.Hash || pending[0].GasFeeCap.Int64() != 30_000_000_000 ||
		!slices.Equal(pending[0].Attempts, []string{tx.Hash}) {
		t.Fatalf("PendingTxs: %+v %v", pending, err)
	}
	if n, _ := s.Passes.NextNonce(ctx, chainID, signer); n != 2 {
		t.Fatalf("NextNonce %d, want 2", n)
	}

	// A replacement at the same nonce is what gets mined.
	repl := tx
	repl.Hash, repl.Raw, repl.GasFeeCap = txHash(200), []byte{20}, big.NewInt(40_000_000_000)
	if err := s.Passes.RecordAttempt(ctx, repl); err != nil {
		t.Fatal(err)
	}
	pending, _ = s.Passes.PendingTxs(ctx, chainID)
	if len(pending) != 1 || pending[0].Hash != repl.Hash || pending[0].GasFeeCap.Int64() != 40_000_000_000 ||
		!slices.Equal(pending[0].Attempts, []string{tx.Hash, repl.Hash}) {
		t.Fatalf("PendingTxs after a replacement: %+v", pending)
	}
	mined := tx // the first attempt is mined after all
	if err := s.Passes.ConfirmTx(ctx, mined, passes.Receipt{BlockNumber: 20, BlockHash: "0xb20", Success: true, GasUsed: 90_000}, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.Passes.ConfirmTx(ctx, mined, passes.Receipt{BlockNumber: 20, Success: true}, ""); err == nil {
		t.Fatal("a transaction confirmed twice")
	}
	if got := passStates(t, s, l.ID); !slices.Equal(got, []passes.PassState{passes.PassMinted, passes.PassMinted, passes.PassQueued}) {
		t.Fatalf("pass states %v", got)
	}
	p, err := s.Passes.GetPass(ctx, l.ID, 1)
	if err != nil || p.TxHash != tx.Hash || p.Nonce == nil || *p.Nonce != 1 || p.BlockNumber == nil || *p.BlockNumber != 20 {
		t.Fatalf("minted pass: %+v %v", p, err)
	}
	since, err := s.Passes.ConfirmedSince(ctx, chainID, 15)
	if err != nil || len(since) != 1 || since[0].ID != tx.ID || since[0].BlockNumber != 20 || since[0].BlockHash != "0xb20" || since[0].Hash != tx.Hash {
		t.Fatalf("ConfirmedSince: %+v %v", since, err)
	}
	if l, err = s.Passes.GetLaunch(ctx, brandA, l.ID); err != nil || l.Minted != 2 {
		t.Fatalf("minted %d %v, want 2", l.Minted, err)
	}

	// The last pass fails; the order, now settled, tells the webhooks.
	rest, _ := s.Passes.QueuedPasses(ctx, l.ID, 10)
	if err := s.Passes.FailPasses(ctx, []int64{rest[0].ID}, "reverted"); err != nil {
		t.Fatal(err)
	}
	got, err := s.Passes.GetOrder(ctx, brandA, o.ID)
	if err != nil || got.Passes[2].State != passes.PassFailed || got.Passes[2].FailReason != "reverted" {
		t.Fatalf("order after a failure: %+v %v", got, err)
	}
	if n, err := s.Webhooks.FanOut(ctx, 10, now()); err != nil || n != 1 {
		t.Fatalf("outbox: %d %v, want the settled order's event", n, err)
	}

	// Refunded, the minted passes are burned.
	if _, err := service(s).Refund(ctx, brandA, o.ID); err != nil {
		t.Fatal(err)
	}
	burn, err := s.Passes.PassesToBurn(ctx, chainID, 10)
	if err != nil || len(burn) != 2 {
		t.Fatalf("PassesToBurn: %+v %v", burn, err)
	}
	if err := s.Passes.KeepPass(ctx, burn[1].ID, "soulbound"); err != nil {
		t.Fatal(err)
	}
	btx := passes.ChainTx{ChainID: chainID, Sender: signer, Nonce: 2, Hash: txHash(300), Raw: []byte{30}, Kind: passes.TxBurn,
		LaunchID: l.ID, CreatedAt: now()}
	if btx.ID, err = s.Passes.RecordBurn(ctx, btx, burn[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Passes.ConfirmTx(ctx, btx, passes.Receipt{BlockNumber: 21, BlockHash: "0xb21", Success: true}, ""); err != nil {
		t.Fatal(err)
	}
	if got := passStates(t, s, l.ID); !slices.Equal(got, []passes.PassState{passes.PassRefunded, passes.PassMinted, passes.PassFailed}) {
		t.Fatalf("pass states after the burn %v", got)
	}
	if burn, err := s.Passes.PassesToBurn(ctx, chainID, 10); err != nil || len(burn) != 0 {
		t.Fatalf("left to burn: %+v %v", burn, err)
	}
}

func testMintDropReopen(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	l := deployed(t, s, 10)
	order(t, s, l.ID, "D-1", 2, walletA)
	queued, _ := s.Passes.QueuedPasses(ctx, l.ID, 10)
	tx := mintTx(t, s, l, 1, queued)

	// Out of funds: queued and submitted passes wait, then go back.
	if err := s.Passes.HoldForFunds(ctx, chainID, tx.ID); err != nil {
		t.Fatal(err)
	}
	if got := passStates(t, s, l.ID); !slices.Equal(got, []passes.PassState{passes.PassWaitingForFunds, passes.PassWaitingForFunds}) {
		t.Fatalf("held: %v", got)
	}
	if err := s.Passes.ReleaseFunds(ctx, chainID); err != nil {
		t.Fatal(err)
	}
	if got := passStates(t, s, l.ID); !slices.Equal(got, []passes.PassState{passes.PassSubmitted, passes.PassSubmitted}) {
		t.Fatalf("released: %v", got)
	}

	// Another transaction took the nonce: the passes are queued again.
	if err := s.Passes.DropTx(ctx, tx); err != nil {
		t.Fatal(err)
	}
	if err := s.Passes.DropTx(ctx, tx); err == nil {
		t.Fatal("a transaction dropped twice")
	}
	if got := passStates(t, s, l.ID); !slices.Equal(got, []passes.PassState{passes.PassQueued, passes.PassQueued}) {
		t.Fatalf("dropped: %v", got)
	}
	if pending, err := s.Passes.PendingTxs(ctx, chainID); err != nil || len(pending) != 0 {
		t.Fatalf("pending after drop: %+v %v", pending, err)
	}

	// Mined, then its block left the chain: submitted again.
	tx = mintTx(t, s, l, 2, queued)
	if err := s.Passes.ConfirmTx(ctx, tx, passes.Receipt{BlockNumber: 30, BlockHash: "0xb30", Success: true}, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.Passes.ReopenTx(ctx, tx); err != nil {
		t.Fatal(err)
	}
	if err := s.Passes.ReopenTx(ctx, tx); err == nil {
		t.Fatal("a transaction reopened twice")
	}
	if got := passStates(t, s, l.ID); !slices.Equal(got, []passes.PassState{passes.PassSubmitted, passes.PassSubmitted}) {
		t.Fatalf("reopened: %v", got)
	}
	l, err := s.Passes.GetLaunch(ctx, brandA, l.ID)
	if err != nil || l.Minted != 0 {
		t.Fatalf("minted %d %v after reopening, want 0", l.Minted, err)
	}
	if pending, _ := s.Passes.PendingTxs(ctx, chainID); len(pending) != 1 || pending[0].ID != tx.ID {
		t.Fatalf("pending after reopen: %+v", pending)
	}

	// A failed deploy returns its launch to draft.
	l2 := launch(t, s, 5)
	dtx := passes.ChainTx{ChainID: chainID, Sender: signer, Nonce: 3, Hash: txHash(400), Raw: []byte{40}, Kind: passes.TxDeploy,
		LaunchID: l2.ID, CreatedAt: now()}
	if dtx.ID, err = s.Passes.RecordDeploy(ctx, dtx, "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"); err != nil {
		t.Fatal(err)
	}
	if err := s.Passes.ConfirmTx(ctx, dtx, passes.Receipt{BlockNumber: 31, Success: false}, "out of gas"); err != nil {
		t.Fatal(err)
	}
	if l2, err = s.Passes.GetLaunch(ctx, brandA, l2.ID); err != nil || l2.State != passes.LaunchDraft || l2.Contract != "" || l2.DeployError != "out of gas" {
		t.Fatalf("launch after a failed deploy: %+v %v", l2, err)
	}
}

// testLease: one holder at a time mints with a signer; another takes over
// only once the lease expires, and a holder that lost it records nothing.
func testLease(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	l := deployed(t, s, 10)
	t0 := time.Now()
	lease := func(holder string, at time.Time) bool {
		t.Helper()
		ok, err := s.Passes.Lease(ctx, chainID, signer, holder, at, at.Add(10*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if !lease("r1", t0) || !lease("r1", t0.Add(time.Second)) {
		t.Fatal("r1 could not take, then renew, a free lease")
	}
	if lease("r2", t0.Add(5*time.Second)) {
		t.Fatal("r2 took a lease r1 holds")
	}
	o := order(t, s, l.ID, "L-1", 1, walletA)
	rec := func(holder string, nonce uint64) error {
		_, err := s.Passes.RecordMint(ctx, passes.ChainTx{ChainID: chainID, Sender: signer, Nonce: nonce, Hash: txHash(300 + int(nonce)),
			Raw: []byte{1}, Kind: passes.TxMint, LaunchID: l.ID, CreatedAt: now(), Holder: holder}, []int64{o.Passes[0].ID},
			[]string{ChainToken(t, walletA, 1)})
		return err
	}
	if err := rec("r2", 1); !errors.Is(err, passes.ErrLeaseLost) {
		t.Fatalf("r2 recorded without the lease: %v", err)
	}
	// r1 goes silent; its lease runs out (11 s after its last renewal).
	if !lease("r2", t0.Add(12*time.Second)) {
		t.Fatal("r2 could not take over an expired lease")
	}
	if lease("r1", t0.Add(13*time.Second)) {
		t.Fatal("r1 took back a lease r2 holds")
	}
	if got := passStates(t, s, l.ID); !slices.Equal(got, []passes.PassState{passes.PassQueued}) {
		t.Fatalf("passes after a refused record: %v", got)
	}
}
