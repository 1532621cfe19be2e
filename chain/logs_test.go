package chain_test

import (
	"math/big"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/metapass/metapass/chain"
	"github.com/metapass/metapass/contracts"
	"github.com/metapass/metapass/passes"
)

// TestLogsTransfers: Transfer events are decoded with their block's hash
// and time, filtered by contract and block range; a block past the head
// has no hash.
func TestLogsTransfers(t *testing.T) {
	ctx := t.Context()
	key, _ := crypto.GenerateKey()
	admin := crypto.PubkeyToAddress(key.PublicKey)
	sim := simulated.NewBackend(types.GenesisAlloc{admin: {Balance: new(big.Int).Lsh(big.NewInt(1), 100)}})
	t.Cleanup(func() { _ = sim.Close() })
	ec := sim.Client()
	pc, pf := contracts.NewPassCollection(), contracts.NewPassFactory()
	auth := bind.NewKeyedTransactor(key, big.NewInt(1337))
	wait := func(tx *types.Transaction, err error) *types.Receipt {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		sim.Commit()
		r, err := bind.WaitMined(ctx, ec, tx.Hash())
		if err != nil || r.Status != types.ReceiptStatusSuccessful {
			t.Fatalf("tx %s: %v", tx.Hash(), err)
		}
		return r
	}
	impl, tx, err := bind.DeployContract(auth, common.FromHex(contracts.PassCollectionMetaData.Bin), ec, nil)
	wait(tx, err)
	factory, tx, err := bind.DeployContract(auth, common.FromHex(contracts.PassFactoryMetaData.Bin), ec, pf.PackConstructor(impl))
	wait(tx, err)
	deploy := func(salt byte) common.Address {
		t.Helper()
		p := contracts.PassFactoryParams{Name: "XO", Symbol: "XO", UriPrefix: "http://x/", MaxSupply: big.NewInt(10), Admin: admin, Minter: admin}
		tx, err := bind.Transact(pf.Instance(ec, factory), auth, pf.PackCreateCollection([32]byte{salt}, p))
		wait(tx, err)
		args, _ := contracts.CloneArgs(p)
		return contracts.PredictCollection(factory, impl, admin, [32]byte{salt}, args)
	}
	mint := func(c common.Address, to common.Address, n uint64) uint64 {
		t.Helper()
		tx, err := bind.Transact(pc.Instance(ec, c), auth, pc.PackMintBatch([]*big.Int{contracts.PassTokenID(to, n)}))
		return wait(tx, err).BlockNumber.Uint64()
	}
	a, b := deploy(1), deploy(2)
	alice, bob := common.HexToAddress("0xa1"), common.HexToAddress("0xb0")
	blockA1 := mint(a, alice, 1)
	blockB1 := mint(b, bob, 1)
	blockA2 := mint(a, bob, 1)

	logs := chain.NewLogs(ec)
	head, err := logs.Head(ctx)
	if err != nil || head != blockA2 {
		t.Fatalf("head %d, %v; want %d", head, err, blockA2)
	}
	cases := []struct {
		name      string
		contracts []common.Address
		from, to  uint64
		want      []uint64 // blocks of the transfers found
	}{
		{"one contract", []common.Address{a}, 0, head, []uint64{blockA1, blockA2}},
		{"both contracts", []common.Address{a, b}, 0, head, []uint64{blockA1, blockB1, blockA2}},
		{"range", []common.Address{a, b}, blockB1, blockB1, []uint64{blockB1}},
		{"no contract", nil, 0, head, nil},
		{"empty range", []common.Address{a}, blockA1 + 1, blockA2 - 1, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var addrs []string
			for _, c := range tc.contracts {
				addrs = append(addrs, c.Hex())
			}
			ts, err := logs.Transfers(ctx, addrs, tc.from, tc.to)
			if err != nil {
				t.Fatal(err)
			}
			var got []uint64
			for _, tr := range ts {
				got = append(got, tr.BlockNumber)
				h, err := ec.HeaderByNumber(ctx, new(big.Int).SetUint64(tr.BlockNumber))
				if err != nil {
					t.Fatal(err)
				}
				if tr.BlockHash != h.Hash().Hex() || !tr.BlockTime.Equal(time.Unix(int64(h.Time), 0)) {
					t.Errorf("transfer %+v: block %s at %d", tr, h.Hash(), h.Time)
				}
				if tr.From != passes.ZeroAddress || !slices.Contains(addrs, tr.Contract) {
					t.Errorf("transfer %+v is not a mint by one of %v", tr, addrs)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("transfers in blocks %v, want %v", got, tc.want)
			}
		})
	}
	if ts, _ := logs.Transfers(ctx, []string{a.Hex()}, 0, head); len(ts) != 2 || ts[0].To != alice.Hex() ||
		ts[0].ChainTokenID != contracts.PassTokenID(alice, 1).String() || ts[1].To != bob.Hex() || ts[1].ChainTokenID != contracts.PassTokenID(bob, 1).String() {
		t.Fatalf("transfers of %s: %+v", a, ts)
	}

	if h, err := logs.BlockHash(ctx, head+1); err != nil || h != "" {
		t.Fatalf("hash past the head: %q, %v", h, err)
	}
	hdr, _ := ec.HeaderByNumber(ctx, nil)
	if h, err := logs.BlockHash(ctx, head); err != nil || h != hdr.Hash().Hex() {
		t.Fatalf("hash of head: %q, %v; want %s", h, err, hdr.Hash())
	}
}
