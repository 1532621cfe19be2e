package main

import (
	"context"
	"fmt"
	"io"
	"math/big"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/metapass/metapass/contracts"
)

// batchSize is the batch: one recipient per pass.
const batchSize = 100

// recipients are fresh addresses with random-looking bytes (so calldata costs
// what it does for real addresses), the same for every contract: warmUp gets
// each contract's first pass (which for some writes a counter from zero),
// single the measured single pass, batch the measured batch.
type recipients struct {
	warmUp, single common.Address
	batch          []common.Address
}

func newRecipients() recipients {
	addr := func(tag string) common.Address {
		return common.BytesToAddress(crypto.Keccak256([]byte("metapass gas report/" + tag))[12:])
	}
	r := recipients{warmUp: addr("warm-up"), single: addr("single")}
	for i := range batchSize {
		r.batch = append(r.batch, addr(fmt.Sprint("batch/", i)))
	}
	return r
}

// row is one contract's mint figures.
type row struct {
	name            string
	single, perMint uint64
}

// deployment is one contract creation's gas.
type deployment struct {
	name string
	gas  uint64
}

// report is everything measured.
type report struct {
	rows    []row
	deploys []deployment
	// impl is the implementation's deployment, clone createCollection's.
	impl, clone uint64
	// accessListImpl and accessListSlots are the single pass through a clone
	// with mint(id) and an access list: of the implementation, and of that
	// and the storage slots the pass touches.
	accessListImpl, accessListSlots uint64
	breakdown                       breakdown
}

// breakdown is where the gas of the single pass through a clone went.
type breakdown struct {
	gasUsed  uint64
	calldata []byte
	trace    *txGas
}

func measure(ctx context.Context, c *chain, built map[string]contract) (*report, error) {
	rcp := newRecipients()
	r := &report{}
	refs := []struct{ name, contract string }{
		{"OpenZeppelin ERC721 `_mint`", "GasOZMint"},
		{"OpenZeppelin ERC721 `_safeMint`", "GasOZSafeMint"},
		{"ERC721A `_mint(to, 1)`", "GasERC721AMint"},
		{"Solady ERC721 `_mint`", "GasSoladyMint"},
	}
	for _, ref := range refs {
		k := built[ref.contract]
		addr, dep, err := c.deploy(ctx, k.bin, nil)
		if err != nil {
			return nil, fmt.Errorf("deploy %s: %w", ref.contract, err)
		}
		var gas [3]uint64
		for i, data := range [][]byte{
			k.pack("mint", rcp.warmUp), k.pack("mint", rcp.single), k.pack("mintBatch", rcp.batch),
		} {
			rcpt, err := c.send(ctx, &addr, data, nil)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", ref.contract, err)
			}
			gas[i] = rcpt.GasUsed
		}
		r.rows = append(r.rows, row{ref.name, gas[1], gas[2] / batchSize})
		r.deploys = append(r.deploys, deployment{ref.name + " (full contract)", dep.GasUsed})
	}

	pc, pf := built["PassCollection"], built["PassFactory"]
	impl, implRcpt, err := c.deploy(ctx, pc.bin, nil)
	if err != nil {
		return nil, fmt.Errorf("deploy PassCollection: %w", err)
	}
	ctor, err := pf.abi.Pack("", impl)
	if err != nil {
		return nil, err
	}
	factory, factoryRcpt, err := c.deploy(ctx, pf.bin, ctor)
	if err != nil {
		return nil, fmt.Errorf("deploy PassFactory: %w", err)
	}
	r.impl = implRcpt.GasUsed
	r.deploys = append(r.deploys,
		deployment{"PassCollection implementation (full contract, once per chain)", implRcpt.GasUsed},
		deployment{"PassFactory (once per chain)", factoryRcpt.GasUsed})

	// newClone creates a collection as the service does, minter and admin
	// being the sender, and mints its first pass to the warm-up address.
	salts := 0
	newClone := func(soulbound bool) (common.Address, error) {
		salts++
		p := contracts.PassFactoryParams{
			Name: "Gas report", Symbol: "GAS", UriPrefix: "https://passes.example/metadata/1337/",
			MaxSupply: big.NewInt(1000), Soulbound: soulbound, Admin: c.from, Minter: c.from,
			RoyaltyReceiver: common.HexToAddress("0xf0"), RoyaltyBps: 500,
		}
		salt := crypto.Keccak256Hash([]byte(fmt.Sprint("gas report ", salts)))
		rcpt, err := c.send(ctx, &factory, pf.pack("createCollection", salt, p), nil)
		if err != nil {
			return common.Address{}, fmt.Errorf("createCollection: %w", err)
		}
		r.clone = rcpt.GasUsed
		// CloneArgs is not ok only where createCollection reverts, which send reported.
		args, _ := contracts.CloneArgs(p)
		addr := contracts.PredictCollection(factory, impl, c.from, salt, args)
		_, err = c.send(ctx, &addr, pc.pack("mintBatch", ids(rcp.warmUp)), nil)
		return addr, err
	}
	for _, soulbound := range []bool{false, true} {
		clone, err := newClone(soulbound)
		if err != nil {
			return nil, err
		}
		single, err := c.send(ctx, &clone, pc.pack("mintBatch", ids(rcp.single)), nil)
		if err != nil {
			return nil, err
		}
		batch, err := c.send(ctx, &clone, pc.pack("mintBatch", ids(rcp.batch...)), nil)
		if err != nil {
			return nil, err
		}
		name := "PassCollection clone `mintBatch`"
		if soulbound {
			name += ", soulbound (ERC-5192 `Locked` per pass)"
		}
		r.rows = append(r.rows, row{name, single.GasUsed, batch.GasUsed / batchSize})
	}

	// The single pass through mint(id), in a collection of its own, then in
	// two more with EIP-2930 access lists: the implementation (cold for the
	// proxy's DELEGATECALL), and that plus the two storage slots the pass
	// touched (the same in each collection), which must be listed under the
	// clone's address although the clone, the transaction's recipient, is warm
	// already.
	single := pc.pack("mint", contracts.PassTokenID(rcp.single, 1))
	for i, al := range []func(clone common.Address) types.AccessList{
		nil,
		func(common.Address) types.AccessList {
			return types.AccessList{{Address: impl, StorageKeys: []common.Hash{}}}
		},
		func(clone common.Address) types.AccessList {
			return types.AccessList{{Address: impl, StorageKeys: []common.Hash{}},
				{Address: clone, StorageKeys: r.breakdown.slots()}}
		},
	} {
		clone, err := newClone(false)
		if err != nil {
			return nil, err
		}
		var list types.AccessList
		if al != nil {
			list = al(clone)
		}
		rcpt, err := c.send(ctx, &clone, single, list)
		if err != nil {
			return nil, err
		}
		switch i {
		case 0:
			r.rows = append(r.rows, row{name: "PassCollection clone `mint(id)`", single: rcpt.GasUsed})
			tr, err := c.trace.gasOf(rcpt.TxHash)
			if err != nil {
				return nil, err
			}
			r.breakdown = breakdown{gasUsed: rcpt.GasUsed, calldata: single, trace: tr}
			if sum := r.breakdown.sum(); sum != rcpt.GasUsed {
				return nil, fmt.Errorf("the traced parts of the single pass add up to %d gas, the receipt says %d", sum, rcpt.GasUsed)
			}
		case 1:
			r.accessListImpl = rcpt.GasUsed
		case 2:
			r.accessListSlots = rcpt.GasUsed
		}
	}
	return r, nil
}

// ids are the first pass ids of owners in a PassCollection.
func ids(owners ...common.Address) []*big.Int {
	out := make([]*big.Int, len(owners))
	for i, o := range owners {
		out[i] = contracts.PassTokenID(o, 1)
	}
	return out
}

// calldataGas is the EIP-2028 price of data: 4 gas a zero byte, 16 another.
func calldataGas(data []byte) (gas uint64, zeros int) {
	for _, b := range data {
		if b == 0 {
			gas += 4
			zeros++
		} else {
			gas += 16
		}
	}
	return gas, zeros
}

func (r *report) print(w io.Writer) {
	fmt.Fprintf(w, "Mints to fresh addresses (gas used by the whole transaction; solc 0.8.30, optimizer 200 runs, Osaka rules):\n\n")
	fmt.Fprintf(w, "| contract | one mint in its own tx | per mint in a batch of %d |\n| --- | ---: | ---: |\n", batchSize)
	for _, x := range r.rows {
		perMint := "—"
		if x.perMint != 0 {
			perMint = commas(x.perMint)
		}
		fmt.Fprintf(w, "| %s | %s | %s |\n", x.name, commas(x.single), perMint)
	}
	fmt.Fprintf(w, "\nThe single pass through a clone's `mint(id)` with an EIP-2930 access list: %s gas listing the implementation, %s listing it and the two storage slots.\n",
		commas(r.accessListImpl), commas(r.accessListSlots))

	fmt.Fprintf(w, "\nDeployments:\n\n| deployment | gas |\n| --- | ---: |\n")
	for _, x := range r.deploys {
		fmt.Fprintf(w, "| %s | %s |\n", x.name, commas(x.gas))
	}
	fmt.Fprintf(w, "| PassFactory `createCollection`: clone + initialize (per launch) | %s (%.1f %% of the implementation) |\n",
		commas(r.clone), 100*float64(r.clone)/float64(r.impl))

	b := r.breakdown
	cd, zeros := calldataGas(b.calldata)
	fmt.Fprintf(w, "\nWhere the single pass through a clone goes (`mint(id)`, opcode costs traced on the chain):\n\n| part | gas |\n| --- | ---: |\n")
	fmt.Fprintf(w, "| intrinsic | 21,000 |\n")
	fmt.Fprintf(w, "| calldata: %d bytes, %d zero | %s |\n", len(b.calldata), zeros, commas(cd))
	fmt.Fprintf(w, "| DELEGATECALL to the implementation, beyond the gas it forwards (cold account) | %s |\n", commas(b.trace.calls))
	for _, s := range b.slots() {
		fmt.Fprintf(w, "| SLOAD + SSTORE of %s | %s |\n", slotName(s), commas(b.trace.storage[s]))
	}
	fmt.Fprintf(w, "| LOG4 `Transfer` | %s |\n", commas(b.trace.logs))
	fmt.Fprintf(w, "| every other opcode (proxy, dispatch, checks, hashing) | %s |\n", commas(b.trace.other))
	fmt.Fprintf(w, "| **total** = the receipt's gasUsed | **%s** |\n", commas(b.gasUsed))
}

// sum is the intrinsic gas, calldata and every traced opcode: with no refund,
// what the receipt says.
func (b breakdown) sum() uint64 {
	cd, _ := calldataGas(b.calldata)
	return 21_000 + cd + b.trace.total()
}

// slots are the storage slots the pass touched, in order.
func (b breakdown) slots() []common.Hash {
	slots := make([]common.Hash, 0, len(b.trace.storage))
	for s := range b.trace.storage {
		slots = append(slots, s)
	}
	slices.SortFunc(slots, func(x, y common.Hash) int { return strings.Compare(x.Hex(), y.Hex()) })
	return slots
}

// slotName describes a storage slot: a small number is a declared variable,
// anything else a mapping entry.
func slotName(s common.Hash) string {
	n := s.Big()
	if n.IsUint64() && n.Uint64() < 1<<16 {
		return fmt.Sprintf("slot %d (the hot slot: minter, minted, cap, flags)", n.Uint64())
	}
	return fmt.Sprintf("slot %s… (the recipient's account: balance and counter)", s.Hex()[:10])
}

// commas formats n with thousands separators.
func commas(n uint64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
