package contracts

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

var maxUint256 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))

func TestCollectionCreated(t *testing.T) {
	e := newEnv(t)
	p := e.collectionParams()
	salt := crypto.Keccak256Hash([]byte("launch-1"))
	args, ok := CloneArgs(p)
	if !ok {
		t.Fatal("CloneArgs not ok")
	}
	predicted := view(t, e, e.factory, e.pf.PackPredictCollection(e.admin.From, salt, p), e.pf.UnpackPredictCollection)
	if off := PredictCollection(e.factory, e.impl, e.admin.From, salt, args); off != predicted {
		t.Fatalf("PredictCollection = %s, factory says %s", off, predicted)
	}
	if onChain := view(t, e, e.factory, e.pf.PackCloneArgs(p), e.pf.UnpackCloneArgs); string(onChain) != string(args) {
		t.Fatalf("CloneArgs = %x, factory packs %x", args, onChain)
	}
	rcpt := e.send(t, e.admin, e.factory, e.pf.PackCreateCollection(salt, p))

	pc := e.pc
	minterRoleTopic := common.Hash(minterRole)
	initialized := func(version uint64) []byte { return common.BigToHash(new(big.Int).SetUint64(version)).Bytes() }
	roleGranted := e.event(t, "RoleGranted").ID
	wantLogs(t, rcpt,
		types.Log{Address: predicted, Topics: []common.Hash{roleGranted, {}, addrTopic(p.Admin), addrTopic(e.factory)}},
		types.Log{Address: predicted, Topics: []common.Hash{roleGranted, minterRoleTopic, addrTopic(p.Minter), addrTopic(e.factory)}},
		types.Log{Address: predicted, Topics: []common.Hash{e.event(t, "Initialized").ID}, Data: initialized(1)},
		types.Log{Address: e.factory, Topics: []common.Hash{e.event(t, "CollectionCreated").ID, addrTopic(predicted), addrTopic(e.admin.From), salt}},
	)
	code, err := e.client.CodeAt(t.Context(), predicted, nil)
	if err != nil {
		t.Fatal(err)
	}
	proxy := "363d3d373d3d3d363d73" + strings.ToLower(e.impl.Hex()[2:]) + "5af43d82803e903d91602b57fd5bf3"
	if got := common.Bytes2Hex(code); got != proxy+common.Bytes2Hex(args) {
		t.Errorf("clone code = %s, want the EIP-1167 proxy %s followed by the args", got, proxy)
	}

	c := &collection{e: e, addr: predicted}
	for _, tt := range []struct {
		name string
		got  any
		want any
	}{
		{"name", view(t, e, c.addr, pc.PackName(), pc.UnpackName), testName},
		{"symbol", view(t, e, c.addr, pc.PackSymbol(), pc.UnpackSymbol), testSymbol},
		{"uriPrefix", view(t, e, c.addr, pc.PackUriPrefix(), pc.UnpackUriPrefix), testURIPrefix},
		{"baseURI", view(t, e, c.addr, pc.PackBaseURI(), pc.UnpackBaseURI), testURIPrefix + c.addr.Hex() + "/"},
		{"contractURI", view(t, e, c.addr, pc.PackContractURI(), pc.UnpackContractURI), testURIPrefix + c.addr.Hex()},
		{"maxSupply", view(t, e, c.addr, pc.PackMaxSupply(), pc.UnpackMaxSupply).Int64(), int64(1000)},
		{"totalMinted", view(t, e, c.addr, pc.PackTotalMinted(), pc.UnpackTotalMinted).Int64(), int64(0)},
		{"totalSupply", view(t, e, c.addr, pc.PackTotalSupply(), pc.UnpackTotalSupply).Int64(), int64(0)},
		{"soulbound", view(t, e, c.addr, pc.PackSoulbound(), pc.UnpackSoulbound), false},
		{"paused", view(t, e, c.addr, pc.PackPaused(), pc.UnpackPaused), false},
		{"MINTER_ROLE", common.Hash(view(t, e, c.addr, pc.PackMINTERROLE(), pc.UnpackMINTERROLE)), common.Hash(minterRole)},
		{"admin is admin", view(t, e, c.addr, pc.PackHasRole([32]byte{}, e.admin.From), pc.UnpackHasRole), true},
		{"admin is not minter", view(t, e, c.addr, pc.PackHasRole(minterRole, e.admin.From), pc.UnpackHasRole), false},
		{"minter is minter", view(t, e, c.addr, pc.PackHasRole(minterRole, e.minter.From), pc.UnpackHasRole), true},
		{"minter is not admin", view(t, e, c.addr, pc.PackHasRole([32]byte{}, e.minter.From), pc.UnpackHasRole), false},
		{"zero is not minter", view(t, e, c.addr, pc.PackHasRole(minterRole, common.Address{}), pc.UnpackHasRole), false},
		{"nextTokenId", view(t, e, c.addr, pc.PackNextTokenId(e.alice.From), pc.UnpackNextTokenId).String(), PassTokenID(e.alice.From, 1).String()},
	} {
		if tt.got != tt.want {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	e.callReverts(t, c.addr, pc.PackNextTokenId(common.Address{}), e.revertData(t, "ERC721InvalidReceiver", common.Address{}))
	t.Logf("createCollection: %d gas", rcpt.GasUsed)
}

func TestCollectionFactory(t *testing.T) {
	e := newEnv(t)
	p := e.collectionParams()
	salt := crypto.Keccak256Hash([]byte("launch"))
	e.send(t, e.admin, e.factory, e.pf.PackCreateCollection(salt, p))

	t.Run("same salt and settings again", func(t *testing.T) {
		e.reverts(t, e.admin, e.factory, e.pf.PackCreateCollection(salt, p), e.revertData(t, "FailedDeployment"))
	})
	t.Run("the salt is the deployer's own", func(t *testing.T) {
		// Another account with the same salt and settings gets another address
		// and cannot take the admin's.
		mine := view(t, e, e.factory, e.pf.PackPredictCollection(e.admin.From, salt, p), e.pf.UnpackPredictCollection)
		theirs := view(t, e, e.factory, e.pf.PackPredictCollection(e.bob.From, salt, p), e.pf.UnpackPredictCollection)
		if mine == theirs {
			t.Fatal("two deployers predict the same address")
		}
		rcpt := e.send(t, e.bob, e.factory, e.pf.PackCreateCollection(salt, p))
		ev, err := e.pf.UnpackCollectionCreatedEvent(rcpt.Logs[len(rcpt.Logs)-1])
		if err != nil {
			t.Fatal(err)
		}
		if ev.Collection != theirs || ev.Deployer != e.bob.From || ev.Salt != salt {
			t.Errorf("CollectionCreated = %+v, want collection %s", ev, theirs)
		}
	})
	t.Run("settings are part of the address", func(t *testing.T) {
		other := p
		other.Name = "Another"
		a := view(t, e, e.factory, e.pf.PackPredictCollection(e.admin.From, salt, p), e.pf.UnpackPredictCollection)
		b := view(t, e, e.factory, e.pf.PackPredictCollection(e.admin.From, salt, other), e.pf.UnpackPredictCollection)
		if a == b {
			t.Fatal("different settings predict the same address")
		}
	})
	t.Run("implementation without code", func(t *testing.T) {
		_, _, err := bind.DeployContract(e.admin, common.FromHex(PassFactoryMetaData.Bin), e.client, e.pf.PackConstructor(e.bob.From))
		if err == nil {
			t.Fatal("deploying a factory for an account without code succeeded")
		}
		e.sameRevert(t, err, e.revertData(t, "InvalidImplementation", e.bob.From))
	})
}

func TestCollectionCreateRejects(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name   string
		modify func(p *PassFactoryParams)
		err    string
		args   []any
	}{
		{"zero supply", func(p *PassFactoryParams) { p.MaxSupply = big.NewInt(0) }, "InvalidMaxSupply", nil},
		{"supply above 2^40-1", func(p *PassFactoryParams) { p.MaxSupply = new(big.Int).Lsh(big.NewInt(1), 40) }, "InvalidMaxSupply", nil},
		{"zero admin", func(p *PassFactoryParams) { p.Admin = common.Address{} }, "InvalidAdmin", nil},
		{"royalty above 100%", func(p *PassFactoryParams) { p.RoyaltyBps = 10001 }, "InvalidRoyalty", []any{big.NewInt(10001)}},
		{"name over 255 bytes", func(p *PassFactoryParams) { p.Name = strings.Repeat("n", 256) }, "StringTooLong", []any{strings.Repeat("n", 256)}},
		{"symbol over 255 bytes", func(p *PassFactoryParams) { p.Symbol = strings.Repeat("s", 256) }, "StringTooLong", []any{strings.Repeat("s", 256)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := e.collectionParams()
			tt.modify(&p)
			e.reverts(t, e.admin, e.factory, e.pf.PackCreateCollection([32]byte{1}, p), e.revertData(t, tt.err, tt.args...))
			if _, ok := CloneArgs(p); ok && (tt.err == "InvalidRoyalty" || tt.err == "StringTooLong") {
				t.Error("CloneArgs accepts what the factory rejects")
			}
		})
	}
	t.Run("largest supply", func(t *testing.T) {
		p := e.collectionParams()
		p.MaxSupply = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 40), big.NewInt(1))
		c := e.newCollection(t, p)
		if got := view(t, e, c.addr, e.pc.PackMaxSupply(), e.pc.UnpackMaxSupply); got.Cmp(p.MaxSupply) != 0 {
			t.Errorf("maxSupply = %v, want %v", got, p.MaxSupply)
		}
	})
}

func TestCollectionInitializeOnlyOnce(t *testing.T) {
	e := newEnv(t)
	c := e.newCollection(t, e.collectionParams())
	want := e.revertData(t, "InvalidInitialization")
	for _, tt := range []struct {
		name string
		addr common.Address
	}{{"clone", c.addr}, {"implementation", e.impl}} {
		t.Run(tt.name, func(t *testing.T) {
			// Even an attempt to make oneself admin and minter of a huge collection.
			e.reverts(t, e.bob, tt.addr, e.pc.PackInitialize(e.bob.From, e.bob.From, big.NewInt(1), false), want)
		})
	}
	// The implementation was locked by its constructor and holds nothing.
	lock := e.event(t, "Initialized")
	if len(e.implRcpt.Logs) != 1 || e.implRcpt.Logs[0].Topics[0] != lock.ID ||
		new(big.Int).SetBytes(e.implRcpt.Logs[0].Data).Uint64() != ^uint64(0) {
		t.Errorf("implementation deployment logs = %v, want Initialized(max uint64)", e.implRcpt.Logs)
	}
	if view(t, e, e.impl, e.pc.PackHasRole([32]byte{}, e.admin.From), e.pc.UnpackHasRole) {
		t.Error("the implementation has an admin")
	}
	e.reverts(t, e.admin, e.impl, e.pc.PackMintBatch([]*big.Int{PassTokenID(e.alice.From, 1)}),
		e.revertData(t, "AccessControlUnauthorizedAccount", e.admin.From, minterRole))
	if got := view(t, e, e.impl, e.pc.PackName(), e.pc.UnpackName); got != "" {
		t.Errorf("implementation name = %q", got)
	}
	if got := view(t, e, e.impl, e.pc.PackRoyaltyInfo(big.NewInt(1), big.NewInt(100)), e.pc.UnpackRoyaltyInfo); got.Receiver != (common.Address{}) {
		t.Errorf("implementation royalty receiver = %s", got.Receiver)
	}
}

func TestCollectionMintBatch(t *testing.T) {
	e := newEnv(t)
	c := e.newCollection(t, e.collectionParams())
	alice, bob, carol := e.alice.From, e.bob.From, e.carol.From

	// An owner may appear several times in a batch, with consecutive counters.
	to := []common.Address{alice, bob, alice, carol, alice}
	ids, rcpt := c.mint(t, to...)
	counters := []uint64{1, 1, 2, 1, 3}
	var want []types.Log
	for i, id := range ids {
		if wantID := PassTokenID(to[i], counters[i]); id.Cmp(wantID) != 0 {
			t.Fatalf("id %d = %x, want %x", i, id, wantID)
		}
		want = append(want, transferLog(c.addr, common.Address{}, to[i], id))
	}
	// The service recovers the batch's ids from the receipt: the i-th
	// Transfer from zero is the i-th id of the call, owned by to[i].
	wantLogs(t, rcpt, want...)
	for i, id := range ids {
		if got := c.ownerOf(t, id); got != to[i] {
			t.Errorf("ownerOf(%x) = %s, want %s", id, got, to[i])
		}
		owner, counter, ok := SplitPassTokenID(id)
		if !ok || owner != to[i] || counter != counters[i] {
			t.Errorf("SplitPassTokenID(%x) = %s, %d, %v", id, owner, counter, ok)
		}
	}
	for a, n := range map[common.Address]int64{alice: 3, bob: 1, carol: 1, e.dave.From: 0} {
		if got := c.balanceOf(t, a); got != n {
			t.Errorf("balanceOf(%s) = %d, want %d", a, got, n)
		}
	}
	if got := view(t, e, c.addr, e.pc.PackTotalMinted(), e.pc.UnpackTotalMinted).Int64(); got != 5 {
		t.Errorf("totalMinted = %d", got)
	}
	if got := view(t, e, c.addr, e.pc.PackNextTokenId(alice), e.pc.UnpackNextTokenId); got.Cmp(PassTokenID(alice, 4)) != 0 {
		t.Errorf("nextTokenId(alice) = %x", got)
	}
	// Ids of the same owner beyond the minted ones do not exist.
	for _, id := range []*big.Int{PassTokenID(alice, 4), PassTokenID(alice, 0), PassTokenID(e.dave.From, 1)} {
		e.callReverts(t, c.addr, e.pc.PackOwnerOf(id), e.revertData(t, "ERC721NonexistentToken", id))
	}
}

func TestCollectionMintBatchReverts(t *testing.T) {
	e := newEnv(t)
	p := e.collectionParams()
	p.MaxSupply = big.NewInt(5)
	c := e.newCollection(t, p)
	alice, bob := e.alice.From, e.bob.From
	c.mint(t, alice, alice)

	tests := []struct {
		name   string
		from   *bind.TransactOpts
		ids    []*big.Int
		paused bool
		err    string
		args   []any
	}{
		{"not a minter", e.bob, []*big.Int{PassTokenID(bob, 1)}, false, "AccessControlUnauthorizedAccount", []any{bob, minterRole}},
		{"admin is not a minter", e.admin, []*big.Int{PassTokenID(bob, 1)}, false, "AccessControlUnauthorizedAccount", []any{e.admin.From, minterRole}},
		{"paused", e.minter, []*big.Int{PassTokenID(bob, 1)}, true, "EnforcedPause", nil},
		{"empty", e.minter, nil, false, "EmptyBatch", nil},
		// The role and the pause are checked before the batch's length.
		{"empty, not a minter", e.bob, nil, false, "AccessControlUnauthorizedAccount", []any{bob, minterRole}},
		{"empty, paused", e.minter, nil, true, "EnforcedPause", nil},
		{"over the cap", e.minter, []*big.Int{PassTokenID(bob, 1), PassTokenID(bob, 2), PassTokenID(bob, 3), PassTokenID(bob, 4)}, false,
			"SupplyCapExceeded", []any{big.NewInt(4), big.NewInt(3)}},
		{"already minted", e.minter, []*big.Int{PassTokenID(bob, 1), PassTokenID(alice, 2)}, false,
			"TokenIdNotNext", []any{PassTokenID(alice, 2), PassTokenID(alice, 3)}},
		{"gap in the counter", e.minter, []*big.Int{PassTokenID(alice, 4)}, false, "TokenIdNotNext", []any{PassTokenID(alice, 4), PassTokenID(alice, 3)}},
		{"counter zero", e.minter, []*big.Int{PassTokenID(bob, 0)}, false, "TokenIdNotNext", []any{PassTokenID(bob, 0), PassTokenID(bob, 1)}},
		{"same id twice in a batch", e.minter, []*big.Int{PassTokenID(bob, 1), PassTokenID(bob, 1)}, false,
			"TokenIdNotNext", []any{PassTokenID(bob, 1), PassTokenID(bob, 2)}},
		{"owner zero", e.minter, []*big.Int{big.NewInt(1)}, false, "ERC721InvalidReceiver", []any{common.Address{}}},
		{"id zero", e.minter, []*big.Int{big.NewInt(0)}, false, "ERC721InvalidReceiver", []any{common.Address{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.paused {
				e.send(t, e.admin, c.addr, e.pc.PackPause())
				defer e.send(t, e.admin, c.addr, e.pc.PackUnpause())
			}
			want := e.revertData(t, tt.err, tt.args...)
			e.reverts(t, tt.from, c.addr, e.pc.PackMintBatch(tt.ids), want)
			// mint(id) is mintBatch of one id, errors included.
			if len(tt.ids) == 1 {
				e.reverts(t, tt.from, c.addr, e.pc.PackMint(tt.ids[0]), want)
			}
		})
	}
	if got := view(t, e, c.addr, e.pc.PackTotalMinted(), e.pc.UnpackTotalMinted).Int64(); got != 2 {
		t.Errorf("totalMinted = %d after reverted mints", got)
	}
}

// TestCollectionMint: mint(id) mints exactly what mintBatch of [id] does, with
// the same events, and once only.
func TestCollectionMint(t *testing.T) {
	for _, soulbound := range []bool{false, true} {
		t.Run(fmt.Sprintf("soulbound=%v", soulbound), func(t *testing.T) {
			e := newEnv(t)
			p := e.collectionParams()
			p.Soulbound = soulbound
			c := e.newCollection(t, p)
			alice := e.alice.From
			for n := uint64(1); n <= 2; n++ {
				id := PassTokenID(alice, n)
				rcpt := e.send(t, e.minter, c.addr, e.pc.PackMint(id))
				want := []types.Log{transferLog(c.addr, common.Address{}, alice, id)}
				if soulbound {
					want = append(want, lockedLog(c.addr, id))
				}
				wantLogs(t, rcpt, want...)
				if got := c.ownerOf(t, id); got != alice {
					t.Errorf("ownerOf(%x) = %s", id, got)
				}
				e.reverts(t, e.minter, c.addr, e.pc.PackMint(id), e.revertData(t, "TokenIdNotNext", id, PassTokenID(alice, n+1)))
			}
			if got := c.balanceOf(t, alice); got != 2 {
				t.Errorf("balanceOf = %d", got)
			}
			if got := view(t, e, c.addr, e.pc.PackTotalMinted(), e.pc.UnpackTotalMinted).Int64(); got != 2 {
				t.Errorf("totalMinted = %d", got)
			}
		})
	}
}

// TestCollectionReplayGuard: a batch that is signed again (a new nonce, as after a
// lost or dropped transaction) or that lands twice mints nothing the second
// time, so every pass is minted at most once.
func TestCollectionReplayGuard(t *testing.T) {
	e := newEnv(t)
	c := e.newCollection(t, e.collectionParams())
	to := freshAddrs(3, t.Name())
	ids := c.nextIDs(t, to...)
	batch := e.pc.PackMintBatch(ids)

	// Two signed transactions carrying the same batch, both broadcast.
	opts := *e.minter
	opts.NoSend = true
	first, err := bind.Transact(e.bound(c.addr), &opts, batch)
	if err != nil {
		t.Fatal(err)
	}
	opts.Nonce = new(big.Int).SetUint64(first.Nonce() + 1)
	opts.GasLimit = first.Gas()
	second, err := bind.Transact(e.bound(c.addr), &opts, batch)
	if err != nil {
		t.Fatal(err)
	}
	for _, tx := range []*types.Transaction{first, second} {
		if err := e.client.SendTransaction(t.Context(), tx); err != nil {
			t.Fatal(err)
		}
	}
	e.sim.Commit()
	// WaitMined: the receipts are there once the chain has indexed the block,
	// which may be just after Commit returns.
	r1, err := bind.WaitMined(t.Context(), e.client, first.Hash())
	if err != nil {
		t.Fatal(err)
	}
	r2, err := bind.WaitMined(t.Context(), e.client, second.Hash())
	if err != nil {
		t.Fatal(err)
	}
	if r1.Status != types.ReceiptStatusSuccessful || r2.Status != types.ReceiptStatusFailed {
		t.Fatalf("statuses %d, %d: want the first to succeed and the second to revert", r1.Status, r2.Status)
	}
	if got := view(t, e, c.addr, e.pc.PackTotalMinted(), e.pc.UnpackTotalMinted).Int64(); got != 3 {
		t.Errorf("totalMinted = %d, want 3", got)
	}
	// Signing it again later fails at estimation with the first id already minted.
	e.reverts(t, e.minter, c.addr, batch, e.revertData(t, "TokenIdNotNext", ids[0], PassTokenID(to[0], 2)))
	// A batch overlapping a landed one reverts as a whole: the service drops
	// the passes it finds minted and signs the rest again.
	more := freshAddrs(1, t.Name()+"/more")
	overlap := append(c.nextIDs(t, more...), ids[1])
	e.reverts(t, e.minter, c.addr, e.pc.PackMintBatch(overlap), e.revertData(t, "TokenIdNotNext", ids[1], PassTokenID(to[1], 2)))
	e.send(t, e.minter, c.addr, e.pc.PackMintBatch(overlap[:1]))
}

func TestCollectionSupplyCap(t *testing.T) {
	e := newEnv(t)
	p := e.collectionParams()
	p.MaxSupply = big.NewInt(3)
	c := e.newCollection(t, p)
	supply := func() (minted, existing int64) {
		return view(t, e, c.addr, e.pc.PackTotalMinted(), e.pc.UnpackTotalMinted).Int64(),
			view(t, e, c.addr, e.pc.PackTotalSupply(), e.pc.UnpackTotalSupply).Int64()
	}
	ids, _ := c.mint(t, e.alice.From, e.bob.From)
	over := c.nextIDs(t, e.carol.From, e.dave.From)
	e.reverts(t, e.minter, c.addr, e.pc.PackMintBatch(over), e.revertData(t, "SupplyCapExceeded", big.NewInt(2), big.NewInt(1)))
	c.mint(t, e.carol.From)
	// A burn does not give the pass back to the cap.
	e.send(t, e.admin, c.addr, e.pc.PackBurn(ids[0]))
	if m, s := supply(); m != 3 || s != 2 {
		t.Errorf("totalMinted, totalSupply = %d, %d, want 3, 2", m, s)
	}
	full := e.revertData(t, "SupplyCapExceeded", big.NewInt(1), big.NewInt(0))
	e.reverts(t, e.minter, c.addr, e.pc.PackMintBatch(c.nextIDs(t, e.dave.From)), full)
	e.reverts(t, e.minter, c.addr, e.pc.PackMint(c.nextIDs(t, e.dave.From)[0]), full)
}

func TestCollectionMinterRole(t *testing.T) {
	e := newEnv(t)
	c := e.newCollection(t, e.collectionParams())
	pc := e.pc
	isMinter := func(a common.Address) bool {
		return view(t, e, c.addr, pc.PackHasRole(minterRole, a), pc.UnpackHasRole)
	}
	canMint := func(t *testing.T, from *bind.TransactOpts) {
		t.Helper()
		e.send(t, from, c.addr, pc.PackMintBatch(c.nextIDs(t, e.carol.From)))
	}
	cannotMint := func(t *testing.T, from *bind.TransactOpts) {
		t.Helper()
		e.reverts(t, from, c.addr, pc.PackMintBatch(c.nextIDs(t, e.carol.From)),
			e.revertData(t, "AccessControlUnauthorizedAccount", from.From, minterRole))
	}
	roleLog := func(event string, account common.Address) types.Log {
		return types.Log{Address: c.addr, Topics: []common.Hash{e.event(t, event).ID, minterRole, addrTopic(account), addrTopic(e.admin.From)}}
	}

	// Only the admin grants.
	e.reverts(t, e.bob, c.addr, pc.PackGrantRole(minterRole, e.bob.From),
		e.revertData(t, "AccessControlUnauthorizedAccount", e.bob.From, [32]byte{}))
	// A second minter is an ordinary AccessControl member.
	wantLogs(t, e.send(t, e.admin, c.addr, pc.PackGrantRole(minterRole, e.bob.From)), roleLog("RoleGranted", e.bob.From))
	wantLogs(t, e.send(t, e.admin, c.addr, pc.PackGrantRole(minterRole, e.bob.From))) // already: no event
	wantLogs(t, e.send(t, e.admin, c.addr, pc.PackGrantRole(minterRole, e.minter.From)))
	canMint(t, e.minter)
	canMint(t, e.bob)
	// Revoking the primary minter.
	wantLogs(t, e.send(t, e.admin, c.addr, pc.PackRevokeRole(minterRole, e.minter.From)), roleLog("RoleRevoked", e.minter.From))
	wantLogs(t, e.send(t, e.admin, c.addr, pc.PackRevokeRole(minterRole, e.minter.From)))
	if isMinter(e.minter.From) || !isMinter(e.bob.From) {
		t.Fatalf("after revoking: minter %v, bob %v", isMinter(e.minter.From), isMinter(e.bob.From))
	}
	cannotMint(t, e.minter)
	canMint(t, e.bob)
	// bob is already a minter: granting him again changes nothing.
	wantLogs(t, e.send(t, e.admin, c.addr, pc.PackGrantRole(minterRole, e.bob.From)))
	// The next grant fills the primary slot again.
	wantLogs(t, e.send(t, e.admin, c.addr, pc.PackGrantRole(minterRole, e.dave.From)), roleLog("RoleGranted", e.dave.From))
	canMint(t, e.dave)
	// Renouncing, from the mapping and from the primary slot.
	e.send(t, e.bob, c.addr, pc.PackRenounceRole(minterRole, e.bob.From))
	e.send(t, e.dave, c.addr, pc.PackRenounceRole(minterRole, e.dave.From))
	cannotMint(t, e.bob)
	cannotMint(t, e.dave)
	for _, a := range []common.Address{e.minter.From, e.bob.From, e.dave.From} {
		if isMinter(a) {
			t.Errorf("%s is still a minter", a)
		}
	}
	// A collection created without a minter gets one by a grant.
	p := e.collectionParams()
	p.Minter = common.Address{}
	c2 := e.newCollection(t, p)
	if view(t, e, c2.addr, pc.PackHasRole(minterRole, common.Address{}), pc.UnpackHasRole) {
		t.Error("zero address is a minter")
	}
	e.send(t, e.admin, c2.addr, pc.PackGrantRole(minterRole, e.minter.From))
	c2.mint(t, e.alice.From)
}

func TestCollectionPause(t *testing.T) {
	e := newEnv(t)
	c := e.newCollection(t, e.collectionParams())
	pc := e.pc
	ids, _ := c.mint(t, e.alice.From, e.alice.From)

	e.reverts(t, e.bob, c.addr, pc.PackPause(), e.revertData(t, "AccessControlUnauthorizedAccount", e.bob.From, [32]byte{}))
	e.reverts(t, e.admin, c.addr, pc.PackUnpause(), e.revertData(t, "ExpectedPause"))
	paused := types.Log{Address: c.addr, Topics: []common.Hash{e.event(t, "Paused").ID}, Data: common.LeftPadBytes(e.admin.From.Bytes(), 32)}
	wantLogs(t, e.send(t, e.admin, c.addr, pc.PackPause()), paused)
	e.reverts(t, e.admin, c.addr, pc.PackPause(), e.revertData(t, "EnforcedPause"))
	if !view(t, e, c.addr, pc.PackPaused(), pc.UnpackPaused) {
		t.Fatal("paused = false")
	}

	e.reverts(t, e.minter, c.addr, pc.PackMintBatch(c.nextIDs(t, e.bob.From)), e.revertData(t, "EnforcedPause"))
	e.reverts(t, e.alice, c.addr, pc.PackTransferFrom(e.alice.From, e.bob.From, ids[0]), e.revertData(t, "EnforcedPause"))
	e.reverts(t, e.alice, c.addr, pc.PackSafeTransferFrom(e.alice.From, e.bob.From, ids[0]), e.revertData(t, "EnforcedPause"))
	// Approvals and admin burns still work.
	e.send(t, e.alice, c.addr, pc.PackApprove(e.bob.From, ids[0]))
	e.send(t, e.admin, c.addr, pc.PackBurn(ids[1]))

	unpaused := paused
	unpaused.Topics = []common.Hash{e.event(t, "Unpaused").ID}
	wantLogs(t, e.send(t, e.admin, c.addr, pc.PackUnpause()), unpaused)
	e.send(t, e.bob, c.addr, pc.PackTransferFrom(e.alice.From, e.bob.From, ids[0]))
	c.mint(t, e.bob.From)
}

func TestCollectionSoulbound(t *testing.T) {
	e := newEnv(t)
	p := e.collectionParams()
	p.Soulbound = true
	c := e.newCollection(t, p)
	pc := e.pc
	to := []common.Address{e.alice.From, e.bob.From}
	ids, rcpt := c.mint(t, to...)
	wantLogs(t, rcpt,
		transferLog(c.addr, common.Address{}, to[0], ids[0]), lockedLog(c.addr, ids[0]),
		transferLog(c.addr, common.Address{}, to[1], ids[1]), lockedLog(c.addr, ids[1]))
	if !view(t, e, c.addr, pc.PackSoulbound(), pc.UnpackSoulbound) {
		t.Error("soulbound = false")
	}
	for _, id := range ids {
		if !view(t, e, c.addr, pc.PackLocked(id), pc.UnpackLocked) {
			t.Errorf("locked(%x) = false", id)
		}
	}
	e.reverts(t, e.alice, c.addr, pc.PackTransferFrom(e.alice.From, e.carol.From, ids[0]), e.revertData(t, "Soulbound"))
	// The admin can burn, not move.
	e.reverts(t, e.admin, c.addr, pc.PackTransferFrom(e.alice.From, e.carol.From, ids[0]),
		e.revertData(t, "Soulbound"))
	e.send(t, e.admin, c.addr, pc.PackBurn(ids[0]))
	if got := c.balanceOf(t, e.alice.From); got != 0 {
		t.Errorf("balanceOf(alice) = %d after burn", got)
	}

	// In a transferable collection, locked is false.
	c2 := e.newCollection(t, e.collectionParams())
	ids2, _ := c2.mint(t, e.alice.From)
	if view(t, e, c2.addr, pc.PackLocked(ids2[0]), pc.UnpackLocked) {
		t.Error("locked = true in a transferable collection")
	}
	e.callReverts(t, c2.addr, pc.PackLocked(PassTokenID(e.bob.From, 1)), e.revertData(t, "ERC721NonexistentToken", PassTokenID(e.bob.From, 1)))
}

func TestCollectionRoyaltyInfo(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name     string
		receiver common.Address
		bps      uint16
		wantTo   common.Address
		want     int64
	}{
		{"5%", testRoyaltyReceiver, 500, testRoyaltyReceiver, 5_000},
		{"100%", testRoyaltyReceiver, 10_000, testRoyaltyReceiver, 100_000},
		{"0.01%", testRoyaltyReceiver, 1, testRoyaltyReceiver, 10},
		{"no receiver", common.Address{}, 500, common.Address{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := e.collectionParams()
			p.RoyaltyReceiver, p.RoyaltyBps = tt.receiver, tt.bps
			c := e.newCollection(t, p)
			// The same royalty for every id, minted or not.
			for _, id := range []*big.Int{big.NewInt(0), PassTokenID(e.alice.From, 1), maxUint256} {
				got := view(t, e, c.addr, e.pc.PackRoyaltyInfo(id, big.NewInt(100_000)), e.pc.UnpackRoyaltyInfo)
				if got.Receiver != tt.wantTo || got.Amount.Int64() != tt.want {
					t.Errorf("royaltyInfo = (%s, %v), want (%s, %d)", got.Receiver, got.Amount, tt.wantTo, tt.want)
				}
			}
		})
	}
}

func TestCollectionBurn(t *testing.T) {
	e := newEnv(t)
	c := e.newCollection(t, e.collectionParams())
	pc := e.pc
	alice, bob := e.alice.From, e.bob.From
	ids, _ := c.mint(t, alice, alice, alice)

	// Only the admin burns: not the holder, not the minter.
	for _, from := range []*bind.TransactOpts{e.alice, e.minter} {
		e.reverts(t, from, c.addr, pc.PackBurn(ids[0]), e.revertData(t, "AccessControlUnauthorizedAccount", from.From, [32]byte{}))
	}
	// A pass that never moved, one that moved, and one back with its first owner.
	e.send(t, e.alice, c.addr, pc.PackTransferFrom(alice, bob, ids[1]))
	e.send(t, e.alice, c.addr, pc.PackTransferFrom(alice, bob, ids[2]))
	e.send(t, e.bob, c.addr, pc.PackTransferFrom(bob, alice, ids[2]))
	for i, holder := range []common.Address{alice, bob, alice} {
		wantLogs(t, e.send(t, e.admin, c.addr, pc.PackBurn(ids[i])), transferLog(c.addr, holder, common.Address{}, ids[i]))
		e.callReverts(t, c.addr, pc.PackOwnerOf(ids[i]), e.revertData(t, "ERC721NonexistentToken", ids[i]))
		e.reverts(t, e.admin, c.addr, pc.PackBurn(ids[i]), e.revertData(t, "ERC721NonexistentToken", ids[i]))
	}
	for _, a := range []common.Address{alice, bob} {
		if got := c.balanceOf(t, a); got != 0 {
			t.Errorf("balanceOf(%s) = %d", a, got)
		}
	}
	// Burned ids are never minted again: alice's next pass gets a new counter.
	next, _ := c.mint(t, alice)
	if next[0].Cmp(PassTokenID(alice, 4)) != 0 {
		t.Errorf("next id after burns = %x, want counter 4", next[0])
	}
	e.reverts(t, e.minter, c.addr, pc.PackMintBatch([]*big.Int{ids[0]}), e.revertData(t, "TokenIdNotNext", ids[0], PassTokenID(alice, 5)))
	if got := view(t, e, c.addr, pc.PackTotalSupply(), pc.UnpackTotalSupply).Int64(); got != 1 {
		t.Errorf("totalSupply = %d, want 1", got)
	}
}

// TestCollectionOwnershipAcrossTransfers follows passes through the ownerOf fallback
// (owner in the id), the explicit owner a transfer writes, its clearing on a
// return to the first owner, and new mints to a first owner whose earlier
// passes moved.
func TestCollectionOwnershipAcrossTransfers(t *testing.T) {
	e := newEnv(t)
	c := e.newCollection(t, e.collectionParams())
	pc := e.pc
	alice, bob, carol := e.alice, e.bob, e.carol
	ids, _ := c.mint(t, alice.From, alice.From, bob.From)
	a1, a2, b1 := ids[0], ids[1], ids[2]

	type holding struct {
		id    *big.Int
		owner common.Address
	}
	steps := []struct {
		name     string
		from     *bind.TransactOpts
		to       common.Address
		id       *big.Int
		owners   []holding
		balances map[common.Address]int64
	}{
		{"alice gives a1 to bob", alice, bob.From, a1,
			[]holding{{a1, bob.From}, {a2, alice.From}, {b1, bob.From}},
			map[common.Address]int64{alice.From: 1, bob.From: 2, carol.From: 0}},
		{"bob gives his own b1 to alice", bob, alice.From, b1,
			[]holding{{a1, bob.From}, {a2, alice.From}, {b1, alice.From}},
			map[common.Address]int64{alice.From: 2, bob.From: 1}},
		{"bob gives a1 back to alice", bob, alice.From, a1,
			[]holding{{a1, alice.From}, {a2, alice.From}, {b1, alice.From}},
			map[common.Address]int64{alice.From: 3, bob.From: 0}},
		{"alice gives b1 back to bob", alice, bob.From, b1,
			[]holding{{a1, alice.From}, {b1, bob.From}},
			map[common.Address]int64{alice.From: 2, bob.From: 1}},
		{"alice gives a1 to carol", alice, carol.From, a1,
			[]holding{{a1, carol.From}, {a2, alice.From}},
			map[common.Address]int64{alice.From: 1, carol.From: 1}},
		{"carol gives a1 to bob", carol, bob.From, a1,
			[]holding{{a1, bob.From}},
			map[common.Address]int64{bob.From: 2, carol.From: 0}},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			e.send(t, st.from, c.addr, pc.PackTransferFrom(st.from.From, st.to, st.id))
			for _, h := range st.owners {
				if got := c.ownerOf(t, h.id); got != h.owner {
					t.Errorf("ownerOf(%x) = %s, want %s", h.id, got, h.owner)
				}
			}
			for a, n := range st.balances {
				if got := c.balanceOf(t, a); got != n {
					t.Errorf("balanceOf(%s) = %d, want %d", a, got, n)
				}
			}
		})
	}
	// alice's counter is hers for good: a new mint to her is a3, a1 stays bob's.
	more, _ := c.mint(t, alice.From)
	if more[0].Cmp(PassTokenID(alice.From, 3)) != 0 {
		t.Fatalf("new id = %x, want a3", more[0])
	}
	if got := c.ownerOf(t, a1); got != bob.From {
		t.Errorf("ownerOf(a1) = %s after a new mint to alice", got)
	}
	if got := c.balanceOf(t, alice.From); got != 2 {
		t.Errorf("balanceOf(alice) = %d, want 2", got)
	}
	// Burning a1 (held by bob) leaves alice's other passes alone.
	e.send(t, e.admin, c.addr, pc.PackBurn(a1))
	e.callReverts(t, c.addr, pc.PackOwnerOf(a1), e.revertData(t, "ERC721NonexistentToken", a1))
	for _, id := range []*big.Int{a2, more[0]} {
		if got := c.ownerOf(t, id); got != alice.From {
			t.Errorf("ownerOf(%x) = %s", id, got)
		}
	}
	if got := c.balanceOf(t, bob.From); got != 1 {
		t.Errorf("balanceOf(bob) = %d, want 1", got)
	}
}

func TestCollectionMetadata(t *testing.T) {
	e := newEnv(t)
	c := e.newCollection(t, e.collectionParams())
	pc := e.pc
	ids, _ := c.mint(t, e.alice.From)
	id := ids[0]

	base := testURIPrefix + c.addr.Hex() + "/"
	if got := view(t, e, c.addr, pc.PackTokenURI(id), pc.UnpackTokenURI); got != base+id.String() {
		t.Errorf("tokenURI = %q, want %q", got, base+id.String())
	}
	missing := PassTokenID(e.alice.From, 2)
	e.callReverts(t, c.addr, pc.PackTokenURI(missing), e.revertData(t, "ERC721NonexistentToken", missing))

	// setBaseURI overrides the derived base, with an ERC-4906 event for all ids.
	wantLogs(t, e.send(t, e.admin, c.addr, pc.PackSetBaseURI("ipfs://new/")),
		types.Log{Address: c.addr, Topics: []common.Hash{e.event(t, "BatchMetadataUpdate").ID},
			Data: append(common.BigToHash(big.NewInt(0)).Bytes(), common.BigToHash(maxUint256).Bytes()...)})
	if got := view(t, e, c.addr, pc.PackTokenURI(id), pc.UnpackTokenURI); got != "ipfs://new/"+id.String() {
		t.Errorf("tokenURI after setBaseURI = %q", got)
	}
	// An empty base URI is an override too: tokenURI becomes empty.
	e.send(t, e.admin, c.addr, pc.PackSetBaseURI(""))
	if got := view(t, e, c.addr, pc.PackTokenURI(id), pc.UnpackTokenURI); got != "" {
		t.Errorf("tokenURI with an empty base = %q", got)
	}

	wantLogs(t, e.send(t, e.admin, c.addr, pc.PackSetContractURI("ipfs://contract")),
		types.Log{Address: c.addr, Topics: []common.Hash{e.event(t, "ContractURIUpdated").ID}})
	if got := view(t, e, c.addr, pc.PackContractURI(), pc.UnpackContractURI); got != "ipfs://contract" {
		t.Errorf("contractURI = %q", got)
	}
	for _, data := range [][]byte{pc.PackSetBaseURI("x"), pc.PackSetContractURI("x")} {
		e.reverts(t, e.minter, c.addr, data, e.revertData(t, "AccessControlUnauthorizedAccount", e.minter.From, [32]byte{}))
	}

	// Without a URI prefix there are no URIs until the admin sets them.
	p := e.collectionParams()
	p.UriPrefix = ""
	c2 := e.newCollection(t, p)
	ids2, _ := c2.mint(t, e.alice.From)
	if got := view(t, e, c2.addr, pc.PackTokenURI(ids2[0]), pc.UnpackTokenURI); got != "" {
		t.Errorf("tokenURI without prefix = %q", got)
	}
	if got := view(t, e, c2.addr, pc.PackContractURI(), pc.UnpackContractURI); got != "" {
		t.Errorf("contractURI without prefix = %q", got)
	}
	// Names and symbols of any length the factory takes, UTF-8 included.
	p.Name, p.Symbol = strings.Repeat("é", 127), ""
	c3 := e.newCollection(t, p)
	if got := view(t, e, c3.addr, pc.PackName(), pc.UnpackName); got != p.Name {
		t.Errorf("name = %q", got)
	}
	if got := view(t, e, c3.addr, pc.PackSymbol(), pc.UnpackSymbol); got != "" {
		t.Errorf("symbol = %q", got)
	}
}

func TestCollectionSupportsInterface(t *testing.T) {
	e := newEnv(t)
	c := e.newCollection(t, e.collectionParams())
	tests := []struct {
		name string
		id   string
		want bool
	}{
		{"ERC165", "01ffc9a7", true},
		{"ERC721", "80ac58cd", true},
		{"ERC721Metadata", "5b5e139f", true},
		{"AccessControl", "7965db0b", true},
		{"ERC2981", "2a55205a", true},
		{"ERC5192", "b45a3c0e", true},
		{"ERC4906", "49064906", true},
		{"ERC721Enumerable", "780e9d63", false},
		{"invalid", "ffffffff", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var id [4]byte
			copy(id[:], common.FromHex(tt.id))
			if got := view(t, e, c.addr, e.pc.PackSupportsInterface(id), e.pc.UnpackSupportsInterface); got != tt.want {
				t.Errorf("supportsInterface(0x%s) = %v, want %v", tt.id, got, tt.want)
			}
		})
	}
}

func TestPassTokenID(t *testing.T) {
	owner := common.HexToAddress("0xfFfFfFffFFfffFFfFFfFFFFFffFFFffffFfFFFfF")
	tests := []struct {
		owner   common.Address
		counter uint64
		want    string
	}{
		{common.HexToAddress("0x01"), 1, "0x1000000000000000000000001"},
		{owner, 1, "0x" + strings.Repeat("f", 40) + strings.Repeat("0", 23) + "1"},
		{owner, ^uint64(0), "0x" + strings.Repeat("f", 40) + "00000000" + strings.Repeat("f", 16)},
	}
	for _, tt := range tests {
		id := PassTokenID(tt.owner, tt.counter)
		if got := "0x" + id.Text(16); got != tt.want {
			t.Errorf("PassTokenID(%s, %d) = %s, want %s", tt.owner, tt.counter, got, tt.want)
		}
		o, n, ok := SplitPassTokenID(id)
		if !ok || o != tt.owner || n != tt.counter {
			t.Errorf("SplitPassTokenID(%s) = %s, %d, %v", id.Text(16), o, n, ok)
		}
	}
	for _, bad := range []*big.Int{big.NewInt(-1), new(big.Int).Lsh(big.NewInt(1), 256), new(big.Int).Lsh(big.NewInt(1), 64)} {
		if _, _, ok := SplitPassTokenID(bad); ok {
			t.Errorf("SplitPassTokenID(%v) ok", bad)
		}
	}
}
