package storetest

import (
	"slices"
	"testing"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/passes"
)

// testCollections: the factory's record through its deployments, and the
// passes' token ids on chain: a recipient with a pass in flight waits, ids
// are counted per recipient, found again by id, and freed when their
// transaction is dropped or fails.
func testCollections(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	if f, err := s.Passes.Factory(ctx, chainID, signer); err != nil || f != (passes.Factory{}) {
		t.Fatalf("factory before any: %+v %v", f, err)
	}
	const impl, factory = "0x1000000000000000000000000000000000000001", "0x2000000000000000000000000000000000000002"
	itx := passes.ChainTx{ChainID: chainID, Sender: signer, Nonce: 0, Hash: txHash(500), Raw: []byte{50}, Kind: passes.TxImplementation, CreatedAt: now()}
	var err error
	if itx.ID, err = s.Passes.RecordImplementation(ctx, itx, impl); err != nil {
		t.Fatal(err)
	}
	if f, _ := s.Passes.Factory(ctx, chainID, signer); f != (passes.Factory{Implementation: impl}) {
		t.Fatalf("factory with its implementation in flight: %+v", f)
	}
	// The implementation's deployment fails: it is forgotten, to be signed again.
	if err := s.Passes.ConfirmTx(ctx, itx, passes.Receipt{BlockNumber: 5, BlockHash: "0xb5"}, "reverted"); err != nil {
		t.Fatal(err)
	}
	if f, err := s.Passes.Factory(ctx, chainID, signer); err != nil || f != (passes.Factory{}) {
		t.Fatalf("factory after its implementation failed: %+v %v", f, err)
	}
	itx = passes.ChainTx{ChainID: chainID, Sender: signer, Nonce: 1, Hash: txHash(501), Raw: []byte{51}, Kind: passes.TxImplementation, CreatedAt: now()}
	if itx.ID, err = s.Passes.RecordImplementation(ctx, itx, impl); err != nil {
		t.Fatal(err)
	}
	if err := s.Passes.ConfirmTx(ctx, itx, passes.Receipt{BlockNumber: 6, BlockHash: "0xb6", Success: true}, ""); err != nil {
		t.Fatal(err)
	}
	ftx := passes.ChainTx{ChainID: chainID, Sender: signer, Nonce: 2, Hash: txHash(502), Raw: []byte{52}, Kind: passes.TxFactory, CreatedAt: now()}
	if ftx.ID, err = s.Passes.RecordFactory(ctx, ftx, factory); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Passes.RecordFactory(ctx, passes.ChainTx{ChainID: chainID, Sender: signer, Nonce: 3, Hash: txHash(503), Raw: []byte{53},
		Kind: passes.TxFactory, CreatedAt: now()}, factory); err == nil {
		t.Fatal("a second factory recorded while one is")
	}
	// Dropped: the factory alone is to be deployed again.
	if err := s.Passes.DropTx(ctx, ftx); err != nil {
		t.Fatal(err)
	}
	if f, _ := s.Passes.Factory(ctx, chainID, signer); f != (passes.Factory{Implementation: impl, ImplementationDeployed: true}) {
		t.Fatalf("factory after its deployment was dropped: %+v", f)
	}
	ftx = passes.ChainTx{ChainID: chainID, Sender: signer, Nonce: 4, Hash: txHash(504), Raw: []byte{54}, Kind: passes.TxFactory, CreatedAt: now()}
	if ftx.ID, err = s.Passes.RecordFactory(ctx, ftx, factory); err != nil {
		t.Fatal(err)
	}
	if err := s.Passes.ConfirmTx(ctx, ftx, passes.Receipt{BlockNumber: 7, BlockHash: "0xb7", Success: true}, ""); err != nil {
		t.Fatal(err)
	}
	want := passes.Factory{Address: factory, Implementation: impl, ImplementationDeployed: true, Deployed: true}
	if f, _ := s.Passes.Factory(ctx, chainID, signer); f != want {
		t.Fatalf("factory: %+v, want %+v", f, want)
	}
	if err := s.Passes.ReopenTx(ctx, ftx); err != nil {
		t.Fatal(err)
	}
	if f, _ := s.Passes.Factory(ctx, chainID, signer); f.Deployed || f.Address != factory {
		t.Fatalf("factory whose deployment left the chain: %+v", f)
	}

	l := deployedAt(t, s, 10, 5)
	order(t, s, l.ID, "C-1", 2, walletA)
	order(t, s, l.ID, "C-2", 1, walletB)
	queued, _ := s.Passes.QueuedPasses(ctx, l.ID, 10)
	if len(queued) != 3 {
		t.Fatalf("queued: %+v", queued)
	}
	tx := mintTx(t, s, l, 10, queued[:1]) // walletA's first pass
	queued, _ = s.Passes.QueuedPasses(ctx, l.ID, 10)
	if len(queued) != 1 || queued[0].Recipient != walletB {
		t.Fatalf("queued while walletA has a pass in flight: %+v, want walletB's alone", queued)
	}
	counts, err := s.Passes.ChainTokenCounts(ctx, l.ID, []string{walletA, walletB})
	if err != nil || counts[walletA] != 1 || counts[walletB] != 0 {
		t.Fatalf("ChainTokenCounts: %v %v", counts, err)
	}
	first := ChainToken(t, walletA, 1)
	if p, err := s.Passes.PassByChainTokenID(ctx, l.ID, first); err != nil || p.TokenID != 1 || p.ChainTokenID != first {
		t.Fatalf("PassByChainTokenID: %+v %v", p, err)
	}
	if _, err := s.Passes.PassByChainTokenID(ctx, l.ID, ChainToken(t, walletA, 2)); metapass.ErrorCode(err) != metapass.ENOTFOUND {
		t.Fatalf("an id no pass holds: %v", err)
	}
	if _, err := s.Passes.RecordMint(ctx, passes.ChainTx{ChainID: chainID, Sender: signer, Nonce: 11, Hash: txHash(511), Raw: []byte{1},
		Kind: passes.TxMint, LaunchID: l.ID, CreatedAt: now()}, []int64{queued[0].ID}, []string{first}); err == nil {
		t.Fatal("one chain token id recorded for two passes")
	}
	if m, err := s.Ownership.Editions(ctx, l.ID, []string{first, ChainToken(t, walletB, 1)}); err != nil || len(m) != 1 || m[first] != 1 {
		t.Fatalf("Editions: %v %v", m, err)
	}

	// Dropped, the pass is queued again without its id; walletA's passes go out together.
	if err := s.Passes.DropTx(ctx, tx); err != nil {
		t.Fatal(err)
	}
	queued, _ = s.Passes.QueuedPasses(ctx, l.ID, 10)
	if len(queued) != 3 || slices.ContainsFunc(queued, func(p passes.Pass) bool { return p.ChainTokenID != "" }) {
		t.Fatalf("queued after the drop: %+v", queued)
	}
	if counts, err := s.Passes.ChainTokenCounts(ctx, l.ID, []string{walletA}); err != nil || counts[walletA] != 0 {
		t.Fatalf("walletA's ids after the drop: %v %v", counts, err)
	}
	tx = mintTx(t, s, l, 12, queued)
	// The mint fails on chain: its passes fail and give their ids up.
	if err := s.Passes.ConfirmTx(ctx, tx, passes.Receipt{BlockNumber: 12, BlockHash: "0xb12"}, "reverted"); err != nil {
		t.Fatal(err)
	}
	if counts, err := s.Passes.ChainTokenCounts(ctx, l.ID, []string{walletA, walletB}); err != nil || counts[walletA] != 0 || counts[walletB] != 0 {
		t.Fatalf("ids after a failed mint: %v %v", counts, err)
	}
}
