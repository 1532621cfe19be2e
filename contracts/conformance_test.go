package contracts

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/metapass/metapass/contracts/internal/testcontracts"
)

// The ERC-721 conformance suite. It is written once against erc721, a small
// adapter, and run against PassCollection (a clone made by PassFactory) and
// against OpenZeppelin's ERC721 (ReferenceERC721, compiled in the same run):
// what passes on the reference is what the standard and OpenZeppelin expect.
// Standard calls are packed with the reference binding, whose ERC-721 ABI is
// the standard one; reverts are compared byte for byte.

// erc721 is one deployed implementation under test.
type erc721 interface {
	address() common.Address
	// mint mints a new token to `to` and returns its id and the receipt.
	mint(t *testing.T, to common.Address) (*big.Int, *types.Receipt)
	// burn burns id, held by holder, as the implementation allows: its
	// holder for the reference, the admin for PassCollection.
	burn(t *testing.T, holder *bind.TransactOpts, id *big.Int) *types.Receipt
	// name, symbol and baseURI are what the metadata functions should say.
	name() string
	symbol() string
	baseURI() string
}

// implementation deploys fresh instances of one ERC-721 implementation.
type implementation struct {
	name string
	// deploy deploys an instance on e; soulbound asks for soulbound mode.
	deploy func(t *testing.T, e *env, soulbound bool) erc721
	// hasSoulbound says whether the implementation has a soulbound mode.
	hasSoulbound bool
}

var implementations = []implementation{
	{name: "OpenZeppelin", deploy: deployReference},
	{name: "PassCollection", deploy: deployPassCollection, hasSoulbound: true},
}

// reference is OpenZeppelin's ERC721 + ERC721Burnable with an open mint.
type reference struct {
	e    *env
	ref  *testcontracts.ReferenceERC721
	addr common.Address
	next int64
}

func deployReference(t *testing.T, e *env, soulbound bool) erc721 {
	t.Helper()
	if soulbound {
		t.Fatal("the reference has no soulbound mode")
	}
	addr, _ := e.deploy(t, e.admin, testcontracts.ReferenceERC721MetaData.Bin, nil)
	return &reference{e: e, ref: testcontracts.NewReferenceERC721(), addr: addr, next: 1_000_000}
}

func (r *reference) address() common.Address { return r.addr }
func (r *reference) name() string            { return "Reference" }
func (r *reference) symbol() string          { return "REF" }
func (r *reference) baseURI() string         { return "https://reference.example/" }

func (r *reference) mint(t *testing.T, to common.Address) (*big.Int, *types.Receipt) {
	t.Helper()
	r.next++
	id := big.NewInt(r.next)
	return id, r.e.send(t, r.e.admin, r.addr, r.ref.PackMint(to, id))
}

func (r *reference) burn(t *testing.T, holder *bind.TransactOpts, id *big.Int) *types.Receipt {
	t.Helper()
	return r.e.send(t, holder, r.addr, r.ref.PackBurn(id))
}

// passCollection adapts a PassCollection clone.
type passCollection struct{ *collection }

func deployPassCollection(t *testing.T, e *env, soulbound bool) erc721 {
	t.Helper()
	p := e.collectionParams()
	p.Soulbound = soulbound
	return passCollection{e.newCollection(t, p)}
}

func (c passCollection) address() common.Address { return c.addr }
func (c passCollection) name() string            { return testName }
func (c passCollection) symbol() string          { return testSymbol }
func (c passCollection) baseURI() string         { return testURIPrefix + c.addr.Hex() + "/" }

func (c passCollection) mint(t *testing.T, to common.Address) (*big.Int, *types.Receipt) {
	t.Helper()
	ids, rcpt := c.collection.mint(t, to)
	return ids[0], rcpt
}

func (c passCollection) burn(t *testing.T, _ *bind.TransactOpts, id *big.Int) *types.Receipt {
	t.Helper()
	return c.e.send(t, c.e.admin, c.addr, c.e.pc.PackBurn(id))
}

// suite is one conformance case's world: a fresh chain and instance.
type suite struct {
	e    *env
	tok  erc721
	addr common.Address
	std  *testcontracts.ReferenceERC721 // packs standard ERC-721 calls
}

func (s *suite) ownerOf(t *testing.T, id *big.Int) common.Address {
	t.Helper()
	return view(t, s.e, s.addr, s.std.PackOwnerOf(id), s.std.UnpackOwnerOf)
}

func (s *suite) balanceOf(t *testing.T, a common.Address) int64 {
	t.Helper()
	return view(t, s.e, s.addr, s.std.PackBalanceOf(a), s.std.UnpackBalanceOf).Int64()
}

func (s *suite) getApproved(t *testing.T, id *big.Int) common.Address {
	t.Helper()
	return view(t, s.e, s.addr, s.std.PackGetApproved(id), s.std.UnpackGetApproved)
}

// holds checks ownerOf(id) and that each of the given accounts has its balance.
func (s *suite) holds(t *testing.T, id *big.Int, owner common.Address, balances map[common.Address]int64) {
	t.Helper()
	if got := s.ownerOf(t, id); got != owner {
		t.Errorf("ownerOf(%v) = %s, want %s", id, got, owner)
	}
	for a, want := range balances {
		if got := s.balanceOf(t, a); got != want {
			t.Errorf("balanceOf(%s) = %d, want %d", a, got, want)
		}
	}
}

func (s *suite) send(t *testing.T, from *bind.TransactOpts, data []byte) *types.Receipt {
	t.Helper()
	return s.e.send(t, from, s.addr, data)
}

func (s *suite) reverts(t *testing.T, from *bind.TransactOpts, data []byte, errName string, args ...any) {
	t.Helper()
	s.e.reverts(t, from, s.addr, data, s.e.revertData(t, errName, args...))
}

func (s *suite) callReverts(t *testing.T, data []byte, errName string, args ...any) {
	t.Helper()
	s.e.callReverts(t, s.addr, data, s.e.revertData(t, errName, args...))
}

// deployReceiver deploys one of the receiver test contracts.
func (s *suite) deployReceiver(t *testing.T, bin string) common.Address {
	t.Helper()
	addr, _ := s.e.deploy(t, s.e.admin, bin, nil)
	return addr
}

var conformanceCases = []struct {
	name      string
	soulbound bool // runs on a soulbound instance, for implementations that have one
	run       func(t *testing.T, s *suite)
}{
	{name: "supportsInterface", run: func(t *testing.T, s *suite) {
		for _, tt := range []struct {
			id   string
			want bool
		}{{"80ac58cd", true}, {"5b5e139f", true}, {"01ffc9a7", true}, {"ffffffff", false}} {
			var id [4]byte
			copy(id[:], common.FromHex(tt.id))
			if got := view(t, s.e, s.addr, s.std.PackSupportsInterface(id), s.std.UnpackSupportsInterface); got != tt.want {
				t.Errorf("supportsInterface(0x%s) = %v, want %v", tt.id, got, tt.want)
			}
		}
	}},
	{name: "metadata", run: func(t *testing.T, s *suite) {
		if got := view(t, s.e, s.addr, s.std.PackName(), s.std.UnpackName); got != s.tok.name() {
			t.Errorf("name = %q, want %q", got, s.tok.name())
		}
		if got := view(t, s.e, s.addr, s.std.PackSymbol(), s.std.UnpackSymbol); got != s.tok.symbol() {
			t.Errorf("symbol = %q, want %q", got, s.tok.symbol())
		}
		id, _ := s.tok.mint(t, s.e.alice.From)
		if got, want := view(t, s.e, s.addr, s.std.PackTokenURI(id), s.std.UnpackTokenURI), s.tok.baseURI()+id.String(); got != want {
			t.Errorf("tokenURI = %q, want %q", got, want)
		}
		missing := new(big.Int).Add(id, big.NewInt(1))
		s.callReverts(t, s.std.PackTokenURI(missing), "ERC721NonexistentToken", missing)
	}},
	{name: "balanceOf(0) reverts", run: func(t *testing.T, s *suite) {
		s.callReverts(t, s.std.PackBalanceOf(common.Address{}), "ERC721InvalidOwner", common.Address{})
	}},
	{name: "ownerOf and getApproved of nonexistent tokens revert", run: func(t *testing.T, s *suite) {
		minted, _ := s.tok.mint(t, s.e.alice.From)
		for _, id := range []*big.Int{
			big.NewInt(0), big.NewInt(1), new(big.Int).Add(minted, big.NewInt(1)),
			PassTokenID(s.e.bob.From, 1), new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)),
		} {
			s.callReverts(t, s.std.PackOwnerOf(id), "ERC721NonexistentToken", id)
			s.callReverts(t, s.std.PackGetApproved(id), "ERC721NonexistentToken", id)
		}
	}},
	{name: "mint", run: func(t *testing.T, s *suite) {
		alice := s.e.alice.From
		id, rcpt := s.tok.mint(t, alice)
		wantLogs(t, rcpt, transferLog(s.addr, common.Address{}, alice, id))
		s.holds(t, id, alice, map[common.Address]int64{alice: 1})
		id2, _ := s.tok.mint(t, alice)
		if id2.Cmp(id) == 0 {
			t.Fatalf("two mints gave the same id %v", id)
		}
		s.holds(t, id2, alice, map[common.Address]int64{alice: 2})
	}},
	{name: "approve and getApproved", run: func(t *testing.T, s *suite) {
		alice, bob, carol, dave := s.e.alice, s.e.bob.From, s.e.carol, s.e.dave
		id, _ := s.tok.mint(t, alice.From)
		if got := s.getApproved(t, id); got != (common.Address{}) {
			t.Errorf("getApproved after mint = %s", got)
		}
		wantLogs(t, s.send(t, alice, s.std.PackApprove(bob, id)), approvalLog(s.addr, alice.From, bob, id))
		if got := s.getApproved(t, id); got != bob {
			t.Errorf("getApproved = %s, want %s", got, bob)
		}
		wantLogs(t, s.send(t, alice, s.std.PackApprove(common.Address{}, id)), approvalLog(s.addr, alice.From, common.Address{}, id))
		if got := s.getApproved(t, id); got != (common.Address{}) {
			t.Errorf("getApproved after clearing = %s", got)
		}
		// Neither the holder nor an operator: a stranger may not approve.
		s.reverts(t, carol, s.std.PackApprove(carol.From, id), "ERC721InvalidApprover", carol.From)
		// An operator may, and the event names the owner.
		s.send(t, alice, s.std.PackSetApprovalForAll(dave.From, true))
		wantLogs(t, s.send(t, dave, s.std.PackApprove(carol.From, id)), approvalLog(s.addr, alice.From, carol.From, id))
		if got := s.getApproved(t, id); got != carol.From {
			t.Errorf("getApproved = %s, want %s", got, carol.From)
		}
		missing := new(big.Int).Add(id, big.NewInt(1))
		s.reverts(t, alice, s.std.PackApprove(bob, missing), "ERC721NonexistentToken", missing)
	}},
	{name: "setApprovalForAll and isApprovedForAll", run: func(t *testing.T, s *suite) {
		alice, dave := s.e.alice, s.e.dave.From
		isOperator := func() bool {
			return view(t, s.e, s.addr, s.std.PackIsApprovedForAll(alice.From, dave), s.std.UnpackIsApprovedForAll)
		}
		if isOperator() {
			t.Error("operator before approval")
		}
		wantLogs(t, s.send(t, alice, s.std.PackSetApprovalForAll(dave, true)), approvalForAllLog(s.addr, alice.From, dave, true))
		if !isOperator() {
			t.Error("not operator after approval")
		}
		wantLogs(t, s.send(t, alice, s.std.PackSetApprovalForAll(dave, false)), approvalForAllLog(s.addr, alice.From, dave, false))
		if isOperator() {
			t.Error("operator after revocation")
		}
		s.reverts(t, alice, s.std.PackSetApprovalForAll(common.Address{}, true), "ERC721InvalidOperator", common.Address{})
	}},
	{name: "transferFrom by the owner", run: func(t *testing.T, s *suite) {
		alice, bob := s.e.alice, s.e.bob.From
		id, _ := s.tok.mint(t, alice.From)
		wantLogs(t, s.send(t, alice, s.std.PackTransferFrom(alice.From, bob, id)), transferLog(s.addr, alice.From, bob, id))
		s.holds(t, id, bob, map[common.Address]int64{alice.From: 0, bob: 1})
	}},
	{name: "transferFrom by the approved address clears the approval", run: func(t *testing.T, s *suite) {
		alice, bob, carol := s.e.alice, s.e.bob, s.e.carol.From
		id, _ := s.tok.mint(t, alice.From)
		s.send(t, alice, s.std.PackApprove(bob.From, id))
		// No Approval event for the clearing, as in OpenZeppelin 5.
		wantLogs(t, s.send(t, bob, s.std.PackTransferFrom(alice.From, carol, id)), transferLog(s.addr, alice.From, carol, id))
		s.holds(t, id, carol, map[common.Address]int64{alice.From: 0, carol: 1, bob.From: 0})
		if got := s.getApproved(t, id); got != (common.Address{}) {
			t.Errorf("getApproved after transfer = %s, want zero", got)
		}
		s.reverts(t, bob, s.std.PackTransferFrom(carol, bob.From, id), "ERC721InsufficientApproval", bob.From, id)
	}},
	{name: "transferFrom by an operator", run: func(t *testing.T, s *suite) {
		alice, bob, carol, dave := s.e.alice, s.e.bob, s.e.carol.From, s.e.dave
		id, _ := s.tok.mint(t, alice.From)
		s.send(t, alice, s.std.PackSetApprovalForAll(dave.From, true))
		wantLogs(t, s.send(t, dave, s.std.PackTransferFrom(alice.From, bob.From, id)), transferLog(s.addr, alice.From, bob.From, id))
		s.holds(t, id, bob.From, map[common.Address]int64{alice.From: 0, bob.From: 1})
		// dave operates for alice, not for bob.
		s.reverts(t, dave, s.std.PackTransferFrom(bob.From, carol, id), "ERC721InsufficientApproval", dave.From, id)
	}},
	{name: "transferFrom by a stranger reverts", run: func(t *testing.T, s *suite) {
		alice, carol := s.e.alice, s.e.carol
		id, _ := s.tok.mint(t, alice.From)
		s.reverts(t, carol, s.std.PackTransferFrom(alice.From, carol.From, id), "ERC721InsufficientApproval", carol.From, id)
		s.reverts(t, carol, s.std.PackSafeTransferFrom(alice.From, carol.From, id), "ERC721InsufficientApproval", carol.From, id)
		s.holds(t, id, alice.From, map[common.Address]int64{alice.From: 1, carol.From: 0})
	}},
	{name: "transferFrom with the wrong from reverts", run: func(t *testing.T, s *suite) {
		alice, bob, carol := s.e.alice, s.e.bob.From, s.e.carol.From
		id, _ := s.tok.mint(t, alice.From)
		s.reverts(t, alice, s.std.PackTransferFrom(bob, carol, id), "ERC721IncorrectOwner", bob, id, alice.From)
	}},
	{name: "transfer to the zero address reverts", run: func(t *testing.T, s *suite) {
		alice := s.e.alice
		id, _ := s.tok.mint(t, alice.From)
		zero := common.Address{}
		s.reverts(t, alice, s.std.PackTransferFrom(alice.From, zero, id), "ERC721InvalidReceiver", zero)
		s.reverts(t, alice, s.std.PackSafeTransferFrom(alice.From, zero, id), "ERC721InvalidReceiver", zero)
	}},
	{name: "transfer of a nonexistent token reverts", run: func(t *testing.T, s *suite) {
		alice := s.e.alice
		id, _ := s.tok.mint(t, alice.From)
		missing := new(big.Int).Add(id, big.NewInt(1))
		s.reverts(t, alice, s.std.PackTransferFrom(alice.From, s.e.bob.From, missing), "ERC721NonexistentToken", missing)
	}},
	{name: "safeTransferFrom to an account without code", run: func(t *testing.T, s *suite) {
		alice, bob := s.e.alice, s.e.bob.From
		id, _ := s.tok.mint(t, alice.From)
		wantLogs(t, s.send(t, alice, s.std.PackSafeTransferFrom(alice.From, bob, id)), transferLog(s.addr, alice.From, bob, id))
		s.holds(t, id, bob, map[common.Address]int64{alice.From: 0, bob: 1})
	}},
	{name: "safeTransferFrom to an accepting receiver", run: func(t *testing.T, s *suite) {
		alice, dave := s.e.alice, s.e.dave
		recv := s.deployReceiver(t, testcontracts.AcceptingReceiverMetaData.Bin)
		received := func(operator, from common.Address, id *big.Int, data []byte) types.Log {
			ev := s.e.event(t, "Received")
			packed, err := ev.Inputs.Pack(operator, from, id, data)
			if err != nil {
				t.Fatal(err)
			}
			return types.Log{Address: recv, Topics: []common.Hash{ev.ID}, Data: packed}
		}
		id, _ := s.tok.mint(t, alice.From)
		wantLogs(t, s.send(t, alice, s.std.PackSafeTransferFrom(alice.From, recv, id)),
			transferLog(s.addr, alice.From, recv, id), received(alice.From, alice.From, id, []byte{}))
		s.holds(t, id, recv, map[common.Address]int64{alice.From: 0, recv: 1})

		// With data, by an operator: the receiver is told the operator and the data.
		id2, _ := s.tok.mint(t, alice.From)
		s.send(t, alice, s.std.PackSetApprovalForAll(dave.From, true))
		data := []byte{0x42, 0xbe, 0xef}
		wantLogs(t, s.send(t, dave, s.std.PackSafeTransferFrom0(alice.From, recv, id2, data)),
			transferLog(s.addr, alice.From, recv, id2), received(dave.From, alice.From, id2, data))
		s.holds(t, id2, recv, map[common.Address]int64{alice.From: 0, recv: 2})
	}},
	{name: "safeTransferFrom to a receiver answering the wrong value reverts", run: func(t *testing.T, s *suite) {
		alice := s.e.alice
		recv := s.deployReceiver(t, testcontracts.RejectingReceiverMetaData.Bin)
		id, _ := s.tok.mint(t, alice.From)
		s.reverts(t, alice, s.std.PackSafeTransferFrom(alice.From, recv, id), "ERC721InvalidReceiver", recv)
		s.reverts(t, alice, s.std.PackSafeTransferFrom0(alice.From, recv, id, []byte{1}), "ERC721InvalidReceiver", recv)
		s.holds(t, id, alice.From, map[common.Address]int64{alice.From: 1, recv: 0})
		// A plain transferFrom does not ask the receiver.
		wantLogs(t, s.send(t, alice, s.std.PackTransferFrom(alice.From, recv, id)), transferLog(s.addr, alice.From, recv, id))
	}},
	{name: "safeTransferFrom to a reverting receiver bubbles its revert", run: func(t *testing.T, s *suite) {
		alice := s.e.alice
		recv := s.deployReceiver(t, testcontracts.RevertingReceiverMetaData.Bin)
		id, _ := s.tok.mint(t, alice.From)
		s.reverts(t, alice, s.std.PackSafeTransferFrom(alice.From, recv, id), "Refused", id)
		s.holds(t, id, alice.From, map[common.Address]int64{alice.From: 1, recv: 0})
	}},
	{name: "safeTransferFrom to a contract that is not a receiver reverts", run: func(t *testing.T, s *suite) {
		alice := s.e.alice
		recv := s.deployReceiver(t, testcontracts.NonReceiverMetaData.Bin)
		id, _ := s.tok.mint(t, alice.From)
		s.reverts(t, alice, s.std.PackSafeTransferFrom(alice.From, recv, id), "ERC721InvalidReceiver", recv)
		s.holds(t, id, alice.From, map[common.Address]int64{alice.From: 1, recv: 0})
	}},
	{name: "transfers back and forth", run: func(t *testing.T, s *suite) {
		alice, bob, carol := s.e.alice, s.e.bob, s.e.carol
		id, _ := s.tok.mint(t, alice.From)
		kept, _ := s.tok.mint(t, alice.From)
		steps := []struct {
			from *bind.TransactOpts
			to   common.Address
			want map[common.Address]int64
		}{
			{alice, bob.From, map[common.Address]int64{alice.From: 1, bob.From: 1}},
			{bob, alice.From, map[common.Address]int64{alice.From: 2, bob.From: 0}},
			{alice, bob.From, map[common.Address]int64{alice.From: 1, bob.From: 1}},
			{bob, carol.From, map[common.Address]int64{alice.From: 1, bob.From: 0, carol.From: 1}},
			{carol, alice.From, map[common.Address]int64{alice.From: 2, carol.From: 0}},
			{alice, alice.From, map[common.Address]int64{alice.From: 2}}, // to oneself
		}
		for i, st := range steps {
			wantLogs(t, s.send(t, st.from, s.std.PackTransferFrom(st.from.From, st.to, id)), transferLog(s.addr, st.from.From, st.to, id))
			s.holds(t, id, st.to, st.want)
			if got := s.ownerOf(t, kept); got != alice.From {
				t.Errorf("step %d: ownerOf(kept) = %s", i, got)
			}
		}
	}},
	{name: "burn", run: func(t *testing.T, s *suite) {
		alice, bob := s.e.alice, s.e.bob
		id, _ := s.tok.mint(t, alice.From)
		other, _ := s.tok.mint(t, alice.From)
		s.send(t, alice, s.std.PackApprove(bob.From, id))
		wantLogs(t, s.tok.burn(t, alice, id), transferLog(s.addr, alice.From, common.Address{}, id))
		s.callReverts(t, s.std.PackOwnerOf(id), "ERC721NonexistentToken", id)
		s.callReverts(t, s.std.PackGetApproved(id), "ERC721NonexistentToken", id)
		s.callReverts(t, s.std.PackTokenURI(id), "ERC721NonexistentToken", id)
		s.reverts(t, alice, s.std.PackTransferFrom(alice.From, bob.From, id), "ERC721NonexistentToken", id)
		s.reverts(t, bob, s.std.PackTransferFrom(alice.From, bob.From, id), "ERC721NonexistentToken", id)
		s.holds(t, other, alice.From, map[common.Address]int64{alice.From: 1})

		// A token that moved before it is burned.
		s.send(t, alice, s.std.PackTransferFrom(alice.From, bob.From, other))
		wantLogs(t, s.tok.burn(t, bob, other), transferLog(s.addr, bob.From, common.Address{}, other))
		s.callReverts(t, s.std.PackOwnerOf(other), "ERC721NonexistentToken", other)
		for _, a := range []common.Address{alice.From, bob.From} {
			if got := s.balanceOf(t, a); got != 0 {
				t.Errorf("balanceOf(%s) = %d after burns", a, got)
			}
		}
	}},
	{name: "soulbound transfers revert", soulbound: true, run: func(t *testing.T, s *suite) {
		alice, bob, dave := s.e.alice, s.e.bob.From, s.e.dave
		id, rcpt := s.tok.mint(t, alice.From)
		wantLogs(t, rcpt, transferLog(s.addr, common.Address{}, alice.From, id), lockedLog(s.addr, id))
		pc := s.e.pc
		if !view(t, s.e, s.addr, pc.PackLocked(id), pc.UnpackLocked) {
			t.Error("locked = false")
		}
		s.send(t, alice, s.std.PackSetApprovalForAll(dave.From, true))
		for _, from := range []*bind.TransactOpts{alice, dave} {
			s.reverts(t, from, s.std.PackTransferFrom(alice.From, bob, id), "Soulbound")
			s.reverts(t, from, s.std.PackSafeTransferFrom(alice.From, bob, id), "Soulbound")
			s.reverts(t, from, s.std.PackSafeTransferFrom0(alice.From, bob, id, []byte{1}), "Soulbound")
		}
		s.holds(t, id, alice.From, map[common.Address]int64{alice.From: 1, bob: 0})
		wantLogs(t, s.tok.burn(t, alice, id), transferLog(s.addr, alice.From, common.Address{}, id))
		s.callReverts(t, pc.PackLocked(id), "ERC721NonexistentToken", id)
	}},
}

func TestERC721Conformance(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name, func(t *testing.T) {
			for _, tc := range conformanceCases {
				t.Run(tc.name, func(t *testing.T) {
					if tc.soulbound && !impl.hasSoulbound {
						t.Skipf("%s has no soulbound mode", impl.name)
					}
					e := newEnv(t)
					tok := impl.deploy(t, e, tc.soulbound)
					tc.run(t, &suite{e: e, tok: tok, addr: tok.address(), std: testcontracts.NewReferenceERC721()})
				})
			}
		})
	}
}

// TestConformanceSuiteHasTeeth checks that the suite's log comparison is
// not vacuous: it tells a right Transfer from wrong ones.
func TestConformanceSuiteHasTeeth(t *testing.T) {
	e := newEnv(t)
	tok := deployReference(t, e, false)
	id, rcpt := tok.mint(t, e.alice.From)
	right := transferLog(tok.address(), common.Address{}, e.alice.From, id)
	if d := diffLogs(rcpt, right); d != "" {
		t.Errorf("the right Transfer differs: %s", d)
	}
	withData := right
	withData.Data = []byte{1}
	for name, wrong := range map[string][]types.Log{
		"recipient": {transferLog(tok.address(), common.Address{}, e.bob.From, id)},
		"id":        {transferLog(tok.address(), common.Address{}, e.alice.From, new(big.Int).Add(id, big.NewInt(1)))},
		"emitter":   {transferLog(e.factory, common.Address{}, e.alice.From, id)},
		"data":      {withData},
		"event":     {approvalLog(tok.address(), common.Address{}, e.alice.From, id)},
		"count":     {right, right},
	} {
		if diffLogs(rcpt, wrong...) == "" {
			t.Errorf("a Transfer with the wrong %s passes", name)
		}
	}
}
