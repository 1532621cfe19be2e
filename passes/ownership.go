package passes

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/metapass/metapass"
)

// Holding says who holds one pass, and since when.
type Holding struct {
	ChainID  uint64
	Contract string // checksummed
	TokenID  uint64
	Owner    string // checksummed
	// Since is the block time of the transfer that gave the token to Owner.
	Since time.Time
	// Block is the number of the block holding that transfer.
	Block uint64
	// ChainTokenID is the token's ERC-721 id on chain (decimal), TokenID
	// being its edition.
	ChainTokenID string
}

// Transfer is one ERC-721 Transfer(from, to, tokenId) event of a canonical
// block. A mint comes from, and a burn goes to, the zero address.
type Transfer struct {
	Contract string // checksummed
	From     string // checksummed
	To       string // checksummed
	// ChainTokenID is the event's tokenId, in decimal; TokenID the edition
	// of the pass holding it, which the indexer looks up.
	ChainTokenID string
	TokenID      uint64
	BlockNumber  uint64
	BlockHash    string
	BlockTime    time.Time
	TxHash       string
	LogIndex     uint
}

// ZeroAddress is where mints come from and burns go.
const ZeroAddress = "0x0000000000000000000000000000000000000000"

// LogSource is the chain as the ownership indexer reads it.
type LogSource interface {
	// Head is the number of the latest block.
	Head(ctx context.Context) (uint64, error)
	// BlockHash is the hash of the canonical block n, or "" when the chain
	// has no block n (yet, or any more).
	BlockHash(ctx context.Context, n uint64) (string, error)
	// Transfers lists the Transfer events of contracts in blocks from..to
	// (inclusive), by block and log index. Every transfer's BlockHash is the
	// canonical hash of its block when the call ran.
	Transfers(ctx context.Context, contracts []string, from, to uint64) ([]Transfer, error)
}

// WatchedContract is a launch contract whose transfers are indexed.
type WatchedContract struct {
	Address  string
	LaunchID string
	BrandID  string
	// Next is the first block not yet indexed for this contract: its deploy
	// block until indexing reaches it.
	Next uint64
}

// IndexedBlock is a block the indexer has recorded, with the hash it had.
type IndexedBlock struct {
	Number uint64
	Hash   string
}

// IndexedRange is the outcome of indexing blocks From..To for Contracts:
// every transfer among them, and the blocks recorded (every block holding
// a transfer, and To).
type IndexedRange struct {
	Contracts []string
	From, To  uint64
	Blocks    []IndexedBlock
	Transfers []Transfer // by block and log index
	// Events tell brands of their passes changing hands; an event's id
	// derives from its log, so a replay after a reorg repeats the id.
	Events []metapass.Event
}

// EventTransferred is the webhook event of a pass changing hands (not a
// mint or a burn), sent once the indexer records the transfer.
const EventTransferred = "pass.transferred"

// TransferredPass is the data of a pass.transferred event.
type TransferredPass struct {
	LaunchID     string    `json:"launch_id"`
	ChainID      uint64    `json:"chain_id"`
	Contract     string    `json:"contract_address"`
	TokenID      uint64    `json:"token_id"`
	ChainTokenID string    `json:"chain_token_id"`
	From         string    `json:"from"`
	To           string    `json:"to"`
	BlockNumber  uint64    `json:"block_number"`
	TxHash       string    `json:"tx_hash"`
	At           time.Time `json:"block_time"`
}

// HoldingStore answers who holds which pass.
type HoldingStore interface {
	// Holder returns the current holding of a token, or an ENOTFOUND
	// error when the token is not minted (or burned) as far as indexed.
	Holder(ctx context.Context, chainID uint64, contract string, tokenID uint64) (Holding, error)
	// Holdings lists what owner holds on chainID, by contract and token,
	// leaving out passes of refunded orders: the index's holdings, and
	// passes whose mint to owner is confirmed but not indexed yet (so a
	// pass the order API reports minted is held at once).
	Holdings(ctx context.Context, chainID uint64, owner string) ([]Holding, error)
}

// OwnershipStore is what the ownership indexer needs from storage.
type OwnershipStore interface {
	HoldingStore
	// Cursor is the highest recorded block of chainID; ok is false when
	// none is.
	Cursor(ctx context.Context, chainID uint64) (b IndexedBlock, ok bool, err error)
	// BlockBelow is the highest recorded block of chainID below n.
	BlockBelow(ctx context.Context, chainID, n uint64) (b IndexedBlock, ok bool, err error)
	// Editions maps chain token ids of launchID's passes to their editions,
	// leaving out ids no pass holds.
	Editions(ctx context.Context, launchID string, chainTokenIDs []string) (map[string]uint64, error)
	// WatchedContracts lists the contracts of chainID's launches whose
	// deployment is confirmed, with how far each is indexed.
	WatchedContracts(ctx context.Context, chainID uint64) ([]WatchedContract, error)
	// ApplyRange records r in one transaction: its blocks, its transfers,
	// the holdings they change, and r.To as how far r.Contracts are
	// indexed. A block recorded before with another hash is an error:
	// the chain reorganised and the caller must rewind.
	ApplyRange(ctx context.Context, chainID uint64, r IndexedRange) error
	// Rewind forgets every block and transfer of chainID above block,
	// winds back every contract's progress to it, and recomputes the
	// holdings of the tokens those transfers touched.
	Rewind(ctx context.Context, chainID, block uint64) error
}

// IndexerConfig tunes the ownership indexer. Zero values take the
// documented defaults.
type IndexerConfig struct {
	// RangeSize is the most blocks one log query covers. Defaults to 500.
	RangeSize uint64
	// Poll is how often the indexer looks for new blocks. Defaults to 2s.
	Poll time.Duration
	// Confirmations is the depth a block must reach before it is indexed;
	// 1 means "the latest block". Defaults to 1. Reorganisations are
	// undone at any depth; a larger value only makes them rarer.
	Confirmations uint64
}

func (c IndexerConfig) withDefaults() IndexerConfig {
	if c.RangeSize == 0 {
		c.RangeSize = 500
	}
	if c.Poll <= 0 {
		c.Poll = 2 * time.Second
	}
	if c.Confirmations == 0 {
		c.Confirmations = 1
	}
	return c
}

// ErrReorged means the chain changed under the indexer while it read; the
// next step rewinds and tries again.
var ErrReorged = errors.New("chain reorganised while indexing")

// Indexer follows the Transfer events of every deployed launch contract
// into the store's holdings. It is reorg-safe: each step first checks that
// the last recorded block is still canonical, and if not rewinds to the
// highest recorded block that is, so the holdings always describe one
// canonical chain up to the cursor. A contract that starts being watched
// later is indexed from its deploy block.
type Indexer struct {
	store   OwnershipStore
	src     LogSource
	chainID uint64
	cfg     IndexerConfig
	log     *slog.Logger
}

// NewIndexer returns an indexer of chainID; Run starts it.
func NewIndexer(store OwnershipStore, src LogSource, chainID uint64, cfg IndexerConfig, log *slog.Logger) *Indexer {
	return &Indexer{store: store, src: src, chainID: chainID, cfg: cfg.withDefaults(), log: log}
}

// Run indexes until ctx is done.
func (x *Indexer) Run(ctx context.Context) {
	metapass.Poll(ctx, x.cfg.Poll, x.log, "ownership indexer step", x.Step)
}

// Step undoes a reorganisation if there was one, then indexes every
// watched contract up to the chain's head (less Confirmations-1 blocks).
func (x *Indexer) Step(ctx context.Context) error {
	if err := x.unwind(ctx); err != nil {
		return err
	}
	head, err := x.src.Head(ctx)
	if err != nil {
		return fmt.Errorf("head: %w", err)
	}
	if head+1 < x.cfg.Confirmations {
		return nil
	}
	head = head + 1 - x.cfg.Confirmations
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		cs, err := x.store.WatchedContracts(ctx, x.chainID)
		if err != nil {
			return fmt.Errorf("watched contracts: %w", err)
		}
		r, ok := x.nextRange(cs, head)
		if !ok {
			return nil
		}
		if err := x.index(ctx, r, cs); err != nil {
			return err
		}
	}
}

// nextRange picks the contracts furthest behind and the blocks to index for
// them: up to head, RangeSize, or the next contract's progress, so the
// laggards catch up and then move with the others.
func (x *Indexer) nextRange(cs []WatchedContract, head uint64) (IndexedRange, bool) {
	var r IndexedRange
	first := true
	for _, c := range cs {
		if c.Next > head {
			continue
		}
		if first || c.Next < r.From {
			r.From, first = c.Next, false
		}
	}
	if first {
		return r, false
	}
	r.To = min(head, r.From+x.cfg.RangeSize-1)
	for _, c := range cs {
		switch {
		case c.Next == r.From:
			r.Contracts = append(r.Contracts, c.Address)
		case c.Next > r.From && c.Next <= r.To:
			r.To = c.Next - 1
		}
	}
	return r, true
}

// index reads r's transfers and records them, checking that the chain did
// not change under the reads.
func (x *Indexer) index(ctx context.Context, r IndexedRange, cs []WatchedContract) error {
	endHash, err := x.src.BlockHash(ctx, r.To)
	if err != nil {
		return fmt.Errorf("hash of block %d: %w", r.To, err)
	}
	ts, err := x.src.Transfers(ctx, r.Contracts, r.From, r.To)
	if err != nil {
		return fmt.Errorf("transfers in %d..%d: %w", r.From, r.To, err)
	}
	again, err := x.src.BlockHash(ctx, r.To)
	if err != nil {
		return fmt.Errorf("hash of block %d: %w", r.To, err)
	}
	if endHash == "" || again != endHash {
		return fmt.Errorf("block %d: %w", r.To, ErrReorged)
	}
	// What is recorded must still be canonical, or the transfers just read
	// may belong to another branch than the recorded blocks.
	if cur, ok, err := x.store.Cursor(ctx, x.chainID); err != nil {
		return err
	} else if ok && cur.Number != r.To {
		canon, err := x.src.BlockHash(ctx, cur.Number)
		if err != nil {
			return fmt.Errorf("hash of block %d: %w", cur.Number, err)
		}
		if canon != cur.Hash {
			return fmt.Errorf("block %d: %w", cur.Number, ErrReorged)
		}
	}
	launches := map[string]WatchedContract{}
	for _, c := range cs {
		launches[strings.ToLower(c.Address)] = c
	}
	if r.Transfers, err = x.editions(ctx, ts, launches); err != nil {
		return err
	}
	for _, t := range r.Transfers {
		if c, ok := launches[strings.ToLower(t.Contract)]; ok && t.From != ZeroAddress && t.To != ZeroAddress {
			e := metapass.NewEvent(EventTransferred, c.BrandID, t.BlockTime, TransferredPass{LaunchID: c.LaunchID, ChainID: x.chainID,
				Contract: t.Contract, TokenID: t.TokenID, ChainTokenID: t.ChainTokenID, From: t.From, To: t.To,
				BlockNumber: t.BlockNumber, TxHash: t.TxHash, At: t.BlockTime})
			r.Events = append(r.Events, e.Once(fmt.Sprintf("%d/%s/%d", x.chainID, t.TxHash, t.LogIndex)))
		}
	}
	for _, t := range ts {
		if n := len(r.Blocks); n == 0 || r.Blocks[n-1].Number != t.BlockNumber {
			r.Blocks = append(r.Blocks, IndexedBlock{Number: t.BlockNumber, Hash: t.BlockHash})
		}
	}
	if n := len(r.Blocks); n == 0 || r.Blocks[n-1].Number != r.To {
		r.Blocks = append(r.Blocks, IndexedBlock{Number: r.To, Hash: endHash})
	}
	if err := x.store.ApplyRange(ctx, x.chainID, r); err != nil {
		return fmt.Errorf("record blocks %d..%d: %w", r.From, r.To, err)
	}
	if len(ts) > 0 {
		x.log.Info("transfers indexed", slog.Uint64("from", r.From), slog.Uint64("to", r.To),
			slog.Int("contracts", len(r.Contracts)), slog.Int("transfers", len(ts)))
	}
	return nil
}

// editions gives each transfer of ts the edition of the pass its token id
// belongs to, leaving out (and logging) those of ids no pass holds: tokens
// this service did not mint.
func (x *Indexer) editions(ctx context.Context, ts []Transfer, launches map[string]WatchedContract) ([]Transfer, error) {
	ids := map[string][]string{} // launch id → chain token ids
	for _, t := range ts {
		if c, ok := launches[strings.ToLower(t.Contract)]; ok {
			ids[c.LaunchID] = append(ids[c.LaunchID], t.ChainTokenID)
		}
	}
	editions := map[string]map[string]uint64{}
	for launchID, tokens := range ids {
		m, err := x.store.Editions(ctx, launchID, tokens)
		if err != nil {
			return nil, fmt.Errorf("editions of %s: %w", launchID, err)
		}
		editions[launchID] = m
	}
	out := make([]Transfer, 0, len(ts))
	for _, t := range ts {
		c := launches[strings.ToLower(t.Contract)]
		edition, ok := editions[c.LaunchID][t.ChainTokenID]
		if !ok {
			x.log.Warn("transfer of a token no pass holds; skipped", slog.String("contract", t.Contract),
				slog.String("token_id", t.ChainTokenID), slog.String("tx", t.TxHash), slog.Uint64("log_index", uint64(t.LogIndex)))
			continue
		}
		t.TokenID = edition
		out = append(out, t)
	}
	return out, nil
}

// unwind compares the recorded blocks, highest first, with the canonical
// chain, and rewinds to the first that is still canonical.
func (x *Indexer) unwind(ctx context.Context) error {
	b, ok, err := x.store.Cursor(ctx, x.chainID)
	if err != nil || !ok {
		return err
	}
	from := b.Number
	for {
		canon, err := x.src.BlockHash(ctx, b.Number)
		if err != nil {
			return fmt.Errorf("hash of block %d: %w", b.Number, err)
		}
		if canon == b.Hash {
			break
		}
		if b, ok, err = x.store.BlockBelow(ctx, x.chainID, b.Number); err != nil {
			return err
		}
		if !ok {
			b = IndexedBlock{} // nothing recorded is canonical: forget it all
			break
		}
	}
	if b.Number == from {
		return nil
	}
	x.log.Warn("chain reorganised: rewinding ownership", slog.Uint64("from", from), slog.Uint64("to", b.Number))
	if err := x.store.Rewind(ctx, x.chainID, b.Number); err != nil {
		return fmt.Errorf("rewind to %d: %w", b.Number, err)
	}
	return nil
}
