package passes_test

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/chain"
	"github.com/metapass/metapass/chain/chaintest"
	"github.com/metapass/metapass/contracts"
	"github.com/metapass/metapass/passes"
	"github.com/metapass/metapass/sqlite"
)

var discard = slog.New(slog.NewTextHandler(io.Discard, nil))

// backend is what the tests need to send transactions, on the dev chain
// (ethclient.Client) and on the simulated backend (simulated.Client).
type backend interface {
	ChainID(ctx context.Context) (*big.Int, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	NonceAt(ctx context.Context, account common.Address, block *big.Int) (uint64, error)
	SuggestGasTipCap(ctx context.Context) (*big.Int, error)
	EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error)
	SendTransaction(ctx context.Context, tx *types.Transaction) error
	TransactionReceipt(ctx context.Context, hash common.Hash) (*types.Receipt, error)
}

// sender signs and sends transactions and waits for their receipts;
// commit seals a block where blocks are not sealed on their own.
type sender struct {
	b      backend
	commit func()
}

// send sends a transaction from key and waits for it to succeed.
func (s sender) send(t *testing.T, key *ecdsa.PrivateKey, to *common.Address, value *big.Int, data []byte) *types.Receipt {
	t.Helper()
	ctx := t.Context()
	from := crypto.PubkeyToAddress(key.PublicKey)
	id, err := s.b.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	nonce, err := s.b.NonceAt(ctx, from, nil)
	if err != nil {
		t.Fatal(err)
	}
	gas, err := s.b.EstimateGas(ctx, ethereum.CallMsg{From: from, To: to, Value: value, Data: data})
	if err != nil {
		t.Fatalf("estimate gas: %v", err)
	}
	head, err := s.b.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	tip, err := s.b.SuggestGasTipCap(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(id), &types.DynamicFeeTx{
		ChainID: id, Nonce: nonce, GasTipCap: tip, GasFeeCap: new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip),
		Gas: gas * 2, To: to, Value: value, Data: data,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.b.SendTransaction(ctx, tx); err != nil {
		t.Fatalf("send: %v", err)
	}
	if s.commit != nil {
		s.commit()
	}
	return s.receipt(t, tx.Hash())
}

// receipt waits for the receipt of hash and fails unless it succeeded.
func (s sender) receipt(t *testing.T, hash common.Hash) *types.Receipt {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	for {
		r, err := s.b.TransactionReceipt(ctx, hash)
		if err == nil {
			if r.Status != types.ReceiptStatusSuccessful {
				t.Fatalf("tx %s reverted", hash)
			}
			return r
		}
		select {
		case <-ctx.Done():
			t.Fatalf("no receipt for %s: %v", hash, err)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// blockTime is the time of block n.
func (s sender) blockTime(t *testing.T, n uint64) time.Time {
	t.Helper()
	h, err := s.b.HeaderByNumber(t.Context(), new(big.Int).SetUint64(n))
	if err != nil {
		t.Fatal(err)
	}
	return time.Unix(int64(h.Time), 0).UTC()
}

// ledger is a SQLite file with launches whose contracts the indexer watches.
type ledger struct {
	db      *sqlite.DB
	chainID uint64
	n       int
}

func newLedger(t *testing.T, chainID uint64) *ledger {
	t.Helper()
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := db.Brands().CreateBrand(t.Context(), brands.Brand{ID: "brd_1", Name: "A", CreatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	return &ledger{db: db, chainID: chainID}
}

// watch records a launch whose deployment to contract was confirmed in
// block, as the minter does, with a pass per token id on chain of tokens
// (editions 1, 2, ... in that order) carried by a recorded mint.
func (l *ledger) watch(t *testing.T, contract string, block uint64, tokens ...string) {
	t.Helper()
	ctx, ps := t.Context(), l.db.Passes()
	l.n++
	now := time.Now().UTC()
	launch := passes.Launch{ID: fmt.Sprintf("lch_%d", l.n), BrandID: "brd_1", State: passes.LaunchDeploying, Name: "XO",
		Symbol: "XO", SupplyCap: 10, ChainID: l.chainID, SKUs: []passes.SKU{{SKU: "A", PassesPerUnit: 1}}, CreatedAt: now, UpdatedAt: now}
	if err := ps.CreateLaunch(ctx, launch); err != nil {
		t.Fatal(err)
	}
	tx := passes.ChainTx{ChainID: l.chainID, Sender: "0x01", Nonce: uint64(2 * l.n), Hash: fmt.Sprintf("0xdeploy%d", l.n),
		Raw: []byte{1}, Kind: passes.TxDeploy, LaunchID: launch.ID, CreatedAt: now}
	var err error
	if tx.ID, err = ps.RecordDeploy(ctx, tx, contract); err != nil {
		t.Fatal(err)
	}
	if err := ps.ConfirmTx(ctx, tx, passes.Receipt{BlockNumber: block, Success: true}, ""); err != nil {
		t.Fatal(err)
	}
	if len(tokens) == 0 {
		return
	}
	svc := passes.Service{Store: ps, ChainID: l.chainID, Now: time.Now}
	for i, token := range tokens {
		id, _ := new(big.Int).SetString(token, 10)
		owner, _, _ := contracts.SplitPassTokenID(id)
		if _, _, err := svc.PlaceOrder(ctx, "brd_1", launch.ID, passes.OrderRequest{OrderID: fmt.Sprintf("%s-%d", launch.ID, i),
			SKU: "A", Quantity: 1, Wallet: owner.Hex()}); err != nil {
			t.Fatal(err)
		}
	}
	queued, err := ps.QueuedPasses(ctx, launch.ID, len(tokens))
	if err != nil || len(queued) != len(tokens) {
		t.Fatalf("queued %+v, %v", queued, err)
	}
	ids := make([]int64, len(queued))
	for i, p := range queued {
		ids[i] = p.ID
	}
	mint := passes.ChainTx{ChainID: l.chainID, Sender: "0x01", Nonce: uint64(2*l.n + 1), Hash: fmt.Sprintf("0xmint%d", l.n),
		Raw: []byte{1}, Kind: passes.TxMint, LaunchID: launch.ID, CreatedAt: now}
	// The mint stays recorded, not confirmed: the chain of these tests
	// mints, moves and reorganises the tokens itself, so the index alone
	// says who holds them (a confirmed mint would count for its recipient
	// until the index sees it).
	if mint.ID, err = ps.RecordMint(ctx, mint, ids, tokens); err != nil {
		t.Fatal(err)
	}
}

// want is the expected holder of a token: "" when it has none.
type want struct {
	contract string
	token    uint64
	owner    string
	block    uint64 // of the transfer to owner
}

// checkHoldings asserts each token's holding, and that every owner's
// holdings list exactly the tokens it holds.
func checkHoldings(t *testing.T, s sender, st passes.HoldingStore, chainID uint64, ws []want) {
	t.Helper()
	byOwner := map[string]int{}
	for _, w := range ws {
		h, err := st.Holder(t.Context(), chainID, w.contract, w.token)
		if w.owner == "" {
			if metapass.ErrorCode(err) != metapass.ENOTFOUND {
				t.Errorf("token %d of %s: holding %+v, %v; want none", w.token, w.contract, h, err)
			}
			continue
		}
		byOwner[w.owner]++
		since := s.blockTime(t, w.block)
		if err != nil || h.Owner != w.owner || h.Block != w.block || !h.Since.Equal(since) || h.Contract != w.contract {
			t.Errorf("token %d of %s: %+v, %v; want owner %s since block %d at %s", w.token, w.contract, h, err, w.owner, w.block, since)
		}
	}
	for owner, n := range byOwner {
		hs, err := st.Holdings(t.Context(), chainID, owner)
		if err != nil || len(hs) != n {
			t.Errorf("holdings of %s: %d (%v), want %d", owner, len(hs), err, n)
		}
	}
}

func newAccount(t *testing.T) (*ecdsa.PrivateKey, string) {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return key, crypto.PubkeyToAddress(key.PublicKey).Hex()
}

func addr(a string) *common.Address { c := common.HexToAddress(a); return &c }

// TestIndexerDevChain: mints, a transfer by the holder and a burn on the
// embedded dev chain end up as holdings with the block time of the transfer
// that made them; a contract watched only after its mint is back-filled
// from its deploy block.
func TestIndexerDevChain(t *testing.T) {
	signer, _ := newAccount(t)
	dev, err := chain.StartDevChain(chain.DevConfig{Funded: []common.Address{crypto.PubkeyToAddress(signer.PublicKey)}, BlockInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = dev.Close() })
	c, err := chain.NewClient(t.Context(), dev.RPC(), signer)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	ec := ethclient.NewClient(dev.RPC())
	s := sender{b: ec}
	pc := contracts.NewPassCollection()
	ctx := t.Context()

	f := chaintest.Factory(t, c)
	n := 0
	deploy := func() (string, uint64) {
		t.Helper()
		n++
		return chaintest.Collection(t, c, f, passes.Launch{ID: fmt.Sprintf("lch_%d", n), Name: "XO", Symbol: "XO", SupplyCap: 10}, "http://x/")
	}
	holderKey, holder := newAccount(t)
	_, buyer := newAccount(t)
	_, other := newAccount(t)
	passA, deployedA := deploy()
	tokensA, mintBlock := chaintest.Mint(t, c, passA, []string{holder, holder, other}, []uint64{1, 2, 1})
	s.send(t, signer, addr(holder), big.NewInt(1e18), nil)
	transferBlock := s.send(t, holderKey, addr(passA), nil,
		pc.PackTransferFrom(common.HexToAddress(holder), common.HexToAddress(buyer), bigID(t, tokensA[0]))).BlockNumber.Uint64()
	burnBlock := s.send(t, signer, addr(passA), nil, pc.PackBurn(bigID(t, tokensA[1]))).BlockNumber.Uint64()
	if !(deployedA < mintBlock && mintBlock < transferBlock && transferBlock < burnBlock) {
		t.Fatalf("blocks %d %d %d %d", deployedA, mintBlock, transferBlock, burnBlock)
	}

	l := newLedger(t, c.ID())
	store := l.db.Ownership()
	// A small range makes the indexer cover the blocks in several steps.
	x := passes.NewIndexer(store, c, c.ID(), passes.IndexerConfig{RangeSize: 2}, discard)
	if err := x.Step(ctx); err != nil {
		t.Fatalf("step with nothing watched: %v", err)
	}
	if _, ok, _ := store.Cursor(ctx, c.ID()); ok {
		t.Fatal("blocks recorded with no contract watched")
	}
	l.watch(t, passA, deployedA, tokensA...)

	// Two confirmations: the burn, in the latest block, waits.
	lagging := passes.NewIndexer(store, c, c.ID(), passes.IndexerConfig{Confirmations: 2}, discard)
	if err := lagging.Step(ctx); err != nil {
		t.Fatal(err)
	}
	if cur, ok, err := store.Cursor(ctx, c.ID()); err != nil || !ok || cur.Number != burnBlock-1 {
		t.Fatalf("cursor %+v %v %v with 2 confirmations, want block %d", cur, ok, err, burnBlock-1)
	}
	checkHoldings(t, s, store, c.ID(), []want{{passA, 2, holder, mintBlock}})

	// Contract B is deployed and minted before anyone watches it; its
	// second token is none of the service's passes, and is skipped.
	passB, deployedB := deploy()
	tokensB, mintB := chaintest.Mint(t, c, passB, []string{holder, buyer}, []uint64{1, 1})
	if err := x.Step(ctx); err != nil {
		t.Fatal(err)
	}
	wantA := []want{
		{passA, 1, buyer, transferBlock},
		{passA, 2, "", 0},
		{passA, 3, other, mintBlock},
		{passB, 1, "", 0},
	}
	checkHoldings(t, s, store, c.ID(), wantA)

	l.watch(t, passB, deployedB, tokensB[0])
	if err := x.Step(ctx); err != nil {
		t.Fatal(err)
	}
	wantA[3] = want{passB, 1, holder, mintB}
	checkHoldings(t, s, store, c.ID(), wantA)
	if hs, err := store.Holdings(ctx, c.ID(), strings.ToLower(holder)); err != nil || len(hs) != 1 || hs[0].Contract != passB {
		t.Fatalf("holdings by lower-case address: %+v, %v", hs, err)
	}
	if hs, err := store.Holdings(ctx, c.ID(), buyer); err != nil || len(hs) != 1 || hs[0].Contract != passA {
		t.Fatalf("holdings of %s, who holds a pass of A and a token of B no pass is: %+v, %v", buyer, hs, err)
	}
	head, _ := c.Head(ctx)
	if cur, ok, err := store.Cursor(ctx, c.ID()); err != nil || !ok || cur.Number != head {
		t.Fatalf("cursor %+v %v %v, want head %d", cur, ok, err, head)
	}

	// Indexing again changes nothing.
	if err := x.Step(ctx); err != nil {
		t.Fatal(err)
	}
	checkHoldings(t, s, store, c.ID(), wantA)
}

// osakaRules keeps the simulated chain on mainnet's rules (see contracts).
func osakaRules(_ *node.Config, ethConf *ethconfig.Config) {
	cfg := *ethConf.Genesis.Config
	cfg.AmsterdamTime, cfg.BogotaTime = nil, nil
	ethConf.Genesis.Config = &cfg
}

// TestIndexerReorg: holdings indexed from blocks that a reorganisation
// replaces are rolled back to the common ancestor and replayed from the new
// canonical chain.
func TestIndexerReorg(t *testing.T) {
	adminKey, admin := newAccount(t)
	aliceKey, alice := newAccount(t)
	_, carol := newAccount(t)
	_, dave := newAccount(t)
	_, erin := newAccount(t)
	funds := new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))
	sim := simulated.NewBackend(types.GenesisAlloc{
		common.HexToAddress(admin): {Balance: funds},
		common.HexToAddress(alice): {Balance: funds},
	}, osakaRules)
	t.Cleanup(func() { _ = sim.Close() })
	ec := sim.Client()
	s := sender{b: ec, commit: func() { sim.Commit() }}
	pc, pf := contracts.NewPassCollection(), contracts.NewPassFactory()
	ctx := t.Context()

	impl := s.send(t, adminKey, nil, nil, common.FromHex(contracts.PassCollectionMetaData.Bin)).ContractAddress
	factory := s.send(t, adminKey, nil, nil, append(common.FromHex(contracts.PassFactoryMetaData.Bin), pf.PackConstructor(impl)...)).ContractAddress
	params := contracts.PassFactoryParams{Name: "XO", Symbol: "XO", UriPrefix: "http://x/", MaxSupply: big.NewInt(10),
		Admin: common.HexToAddress(admin), Minter: common.HexToAddress(admin)}
	r := s.send(t, adminKey, &factory, nil, pf.PackCreateCollection([32]byte{1}, params))
	args, _ := contracts.CloneArgs(params)
	pass := contracts.PredictCollection(factory, impl, common.HexToAddress(admin), [32]byte{1}, args).Hex()
	token := func(owner string, n uint64) *big.Int { return contracts.PassTokenID(common.HexToAddress(owner), n) }
	mintBlock := s.send(t, adminKey, addr(pass), nil, pc.PackMintBatch([]*big.Int{token(alice, 1), token(carol, 1)})).BlockNumber.Uint64()

	l := newLedger(t, 1337)
	// Editions 1 to 4: Alice's first, Carol's first, Alice's second, Erin's first.
	l.watch(t, pass, r.BlockNumber.Uint64(), token(alice, 1).String(), token(carol, 1).String(), token(alice, 2).String(), token(erin, 1).String())
	store := l.db.Ownership()
	x := passes.NewIndexer(store, chain.NewLogs(ec), 1337, passes.IndexerConfig{}, discard)
	step := func() {
		t.Helper()
		if err := x.Step(ctx); err != nil {
			t.Fatal(err)
		}
	}
	step()

	// Alice gives edition 1 to Dave, and edition 3 is minted to her.
	forkPoint := mintBlock
	transferBlock := s.send(t, aliceKey, addr(pass), nil, pc.PackTransferFrom(common.HexToAddress(alice), common.HexToAddress(dave), token(alice, 1))).BlockNumber.Uint64()
	mint3Block := s.send(t, adminKey, addr(pass), nil, pc.PackMintBatch([]*big.Int{token(alice, 2)})).BlockNumber.Uint64()
	step()
	checkHoldings(t, s, store, 1337, []want{
		{pass, 1, dave, transferBlock},
		{pass, 2, carol, mintBlock},
		{pass, 3, alice, mint3Block},
	})

	// Reorganise: back to the mint block, where edition 4 goes to Erin
	// instead and Alice keeps edition 1, then a longer chain of empty blocks.
	fork, err := ec.HeaderByNumber(ctx, new(big.Int).SetUint64(forkPoint))
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Fork(fork.Hash()); err != nil {
		t.Fatal(err)
	}
	sim.Rollback() // drop the replaced blocks' transactions from the pool
	erinBlock := s.send(t, adminKey, addr(pass), nil, pc.PackMintBatch([]*big.Int{token(erin, 1)})).BlockNumber.Uint64()
	for range 3 {
		sim.Commit()
	}
	if erinBlock != forkPoint+1 {
		t.Fatalf("new branch's transfer in block %d, want %d", erinBlock, forkPoint+1)
	}
	step()
	checkHoldings(t, s, store, 1337, []want{
		{pass, 1, alice, mintBlock},
		{pass, 2, carol, mintBlock},
		{pass, 3, "", 0},
		{pass, 4, erin, erinBlock},
	})
	if hs, err := store.Holdings(ctx, 1337, dave); err != nil || len(hs) != 0 {
		t.Fatalf("Dave still holds %+v (%v) after the reorg", hs, err)
	}
	head, _ := ec.BlockNumber(ctx)
	if cur, ok, err := store.Cursor(ctx, 1337); err != nil || !ok || cur.Number != head {
		t.Fatalf("cursor %+v %v %v, want head %d", cur, ok, err, head)
	}
}
