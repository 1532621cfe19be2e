package main

import (
	"math"
	"slices"
	"time"
)

// percentile returns the p-th percentile (0 < p ≤ 100) of ds by the
// nearest-rank method, 0 for none. ds is sorted in place.
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	rank := int(math.Ceil(p * float64(len(ds)) / 100))
	return ds[min(max(rank, 1), len(ds))-1]
}

// block is what one block of the burst held.
type block struct {
	Number   uint64
	GasLimit uint64
	GasUsed  uint64 // by every transaction
	MintGas  uint64 // by the launch's mint transactions
	// MintGasLimit is the sum of their gas limits: a block builder takes a
	// transaction only while its limit fits in the gas the block has left.
	MintGasLimit uint64
	MintTxs      int
	Passes       int       // Transfer events from the zero address of the launch
	Seen         time.Time // when the benchmark read it
}

// fill is the burst's blocks set against their capacity: the passes a
// block could hold at the measured gas per pass.
type fill struct {
	GasPerPass float64
	// Margin is the mints' gas limit over their gas used (the signer's
	// estimate and its headroom).
	Margin float64
	// First and Last index Blocks: the first and last block with a mint,
	// while the queue was not empty; -1 when nothing was minted.
	First, Last int
	// Capacity and Percent are per block, as Blocks.
	Capacity []float64
	Percent  []float64
	// Mean is the mean of Percent from First to Last.
	Mean float64
}

// computeFill measures gas per pass over every mint of bs and sets each
// block's passes against its gas limit divided by it.
func computeFill(bs []block) fill {
	f := fill{First: -1, Last: -1, Capacity: make([]float64, len(bs)), Percent: make([]float64, len(bs))}
	var gas, limit uint64
	var n int
	for i, b := range bs {
		gas += b.MintGas
		limit += b.MintGasLimit
		n += b.Passes
		if b.Passes > 0 {
			if f.First < 0 {
				f.First = i
			}
			f.Last = i
		}
	}
	if n == 0 {
		return f
	}
	f.GasPerPass = float64(gas) / float64(n)
	f.Margin = float64(limit) / float64(gas)
	for i, b := range bs {
		f.Capacity[i] = float64(b.GasLimit) / f.GasPerPass
		f.Percent[i] = 100 * float64(b.Passes) / f.Capacity[i]
	}
	var sum float64
	for _, p := range f.Percent[f.First : f.Last+1] {
		sum += p
	}
	f.Mean = sum / float64(f.Last-f.First+1)
	return f
}

// perBlock is how many passes blocks of gasLimit hold in mints of batch
// passes each, at gasPerPass used and a gas limit of margin times that per
// transaction: transactions are taken, in nonce order, while the next one's
// limit fits in the gas the block has left.
func perBlock(gasLimit uint64, gasPerPass, margin float64, batch int) int {
	used := gasPerPass * float64(batch)
	left, n := float64(gasLimit), 0
	for used*margin <= left {
		left -= used
		n += batch
	}
	return n
}

// bestBatch is the largest batch size, at most limit, whose mints fill
// blocks of gasLimit within 5 % of the best any size does: the fewest
// transactions to sign, send and settle for nearly full blocks.
func bestBatch(gasLimit uint64, gasPerPass, margin float64, limit int) int {
	if gasPerPass <= 0 || margin < 1 {
		return limit
	}
	most := 0
	for b := 1; b <= limit; b++ {
		most = max(most, perBlock(gasLimit, gasPerPass, margin, b))
	}
	for b := limit; b > 1; b-- {
		if float64(perBlock(gasLimit, gasPerPass, margin, b)) >= 0.95*float64(most) {
			return b
		}
	}
	return 1
}

// queued is, for each of bs, how many accepted orders (one pass each,
// accepted at the times given) were not yet minted when it was read: the
// minter's queue as the block was sealed. full is the mean fill of the
// blocks whose queue held at least their capacity, and n their number.
func queued(bs []block, f fill, accepted []time.Time) (backlog []int, full float64, n int) {
	at := slices.Clone(accepted)
	slices.SortFunc(at, func(a, b time.Time) int { return a.Compare(b) })
	backlog = make([]int, len(bs))
	minted, k := 0, 0
	var sum float64
	for i, b := range bs {
		for k < len(at) && at[k].Before(b.Seen) {
			k++
		}
		backlog[i] = k - minted
		minted += b.Passes
		if len(f.Capacity) == len(bs) && float64(backlog[i]) >= f.Capacity[i] {
			sum += f.Percent[i]
			n++
		}
	}
	if n > 0 {
		full = sum / float64(n)
	}
	return backlog, full, n
}
