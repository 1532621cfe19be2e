package contracts

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// PassTokenID is the id of the counter-th pass (1, 2, ...) minted to owner in a
// PassCollection: owner's 160 bits above a 96-bit counter.
func PassTokenID(owner common.Address, counter uint64) *big.Int {
	id := new(big.Int).SetBytes(owner.Bytes())
	id.Lsh(id, 96)
	return id.Or(id, new(big.Int).SetUint64(counter))
}

// SplitPassTokenID returns the first owner and counter encoded in a
// PassCollection token id. The owner is the pass's first owner, not
// necessarily its current one; ok is false if id does not fit 256 bits or
// its counter does not fit a uint64.
func SplitPassTokenID(id *big.Int) (owner common.Address, counter uint64, ok bool) {
	if id.Sign() < 0 || id.BitLen() > 256 {
		return common.Address{}, 0, false
	}
	low := new(big.Int).And(id, new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 96), big.NewInt(1)))
	if !low.IsUint64() {
		return common.Address{}, 0, false
	}
	return common.BigToAddress(new(big.Int).Rsh(id, 96)), low.Uint64(), true
}

// CloneArgs packs the immutable arguments PassFactory appends to the code of
// a collection created with p, as PassCloneArgs.encode does: royalty receiver
// (20 bytes), royalty basis points (2 bytes, zero without a receiver), name
// and symbol each after a length byte, then the URI prefix. ok is false where
// the factory would revert: a name or symbol over 255 bytes, royalty over
// 10000 basis points.
func CloneArgs(p PassFactoryParams) (args []byte, ok bool) {
	if len(p.Name) > 255 || len(p.Symbol) > 255 || p.RoyaltyBps > 10000 {
		return nil, false
	}
	bps := p.RoyaltyBps
	if p.RoyaltyReceiver == (common.Address{}) {
		bps = 0
	}
	args = make([]byte, 0, 24+len(p.Name)+len(p.Symbol)+len(p.UriPrefix))
	args = append(args, p.RoyaltyReceiver.Bytes()...)
	args = append(args, byte(bps>>8), byte(bps))
	args = append(append(args, byte(len(p.Name))), p.Name...)
	args = append(append(args, byte(len(p.Symbol))), p.Symbol...)
	return append(args, p.UriPrefix...), true
}

// PredictCollection is the address at which the PassFactory at factory, whose
// implementation is implementation, deploys the collection that deployer
// creates with salt and clone arguments args (see CloneArgs): what
// PassFactory.predictCollection returns, computed off chain.
func PredictCollection(factory, implementation, deployer common.Address, salt [32]byte, args []byte) common.Address {
	// EIP-1167 proxy with immutable args, as OpenZeppelin's Clones writes its creation code.
	size := 45 + len(args)
	initCode := make([]byte, 0, 55+len(args))
	initCode = append(initCode, 0x61, byte(size>>8), byte(size))
	initCode = append(initCode, common.FromHex("3d81600a3d39f3363d3d373d3d3d363d73")...)
	initCode = append(initCode, implementation.Bytes()...)
	initCode = append(initCode, common.FromHex("5af43d82803e903d91602b57fd5bf3")...)
	initCode = append(initCode, args...)
	cloneSalt := crypto.Keccak256Hash(common.LeftPadBytes(deployer.Bytes(), 32), salt[:])
	return crypto.CreateAddress2(factory, cloneSalt, crypto.Keccak256(initCode))
}
