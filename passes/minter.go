package passes

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"
)

// Chain is the EVM chain the minter writes to, with the service's signer.
type Chain interface {
	ID() uint64
	// Sender is the signer's address.
	Sender() string
	// PendingNonce is the signer's next nonce as the node sees it.
	PendingNonce(ctx context.Context) (uint64, error)
	// SignDeploy signs, without sending, the deployment of l's contract,
	// asking uris for its metadata URIs given the address it will have,
	// which it returns. A deployment that would revert returns ErrReverted.
	SignDeploy(ctx context.Context, nonce uint64, l Launch, uris func(contract string) (baseURI, contractURI string)) (SignedTx, string, error)
	// SignMint signs, without sending, one mint of tokenIDs[i] to to[i].
	// A mint that would revert returns ErrReverted; one too large for a
	// transaction returns ErrTooMuchGas.
	SignMint(ctx context.Context, nonce uint64, contract string, to []string, tokenIDs []uint64) (SignedTx, error)
	// Send broadcasts a signed transaction; sending one the node already
	// knows is not an error.
	Send(ctx context.Context, raw []byte) error
	// Receipt returns the receipt of hash on the canonical chain, or nil
	// when it is not mined (yet, or any more).
	Receipt(ctx context.Context, hash string) (*Receipt, error)
	// Head is the number of the latest block.
	Head(ctx context.Context) (uint64, error)
}

// Errors a Chain returns when signing.
var (
	// ErrReverted means the chain would reject (or did reject) a transaction.
	ErrReverted = errors.New("transaction reverted")
	// ErrTooMuchGas means a transaction needs more gas than one may use;
	// a smaller batch may fit.
	ErrTooMuchGas = errors.New("transaction needs more gas than allowed")
)

// SignedTx is a transaction ready to broadcast.
type SignedTx struct {
	Hash  string
	Nonce uint64
	Raw   []byte
}

// Receipt is what the chain says of a mined transaction.
type Receipt struct {
	BlockNumber uint64
	BlockHash   string
	Success     bool
	GasUsed     uint64
}

// TxKind says what a recorded transaction does.
type TxKind string

// Transaction kinds.
const (
	TxDeploy TxKind = "deploy"
	TxMint   TxKind = "mint"
)

// ChainTx is a signed transaction as recorded before it is broadcast.
type ChainTx struct {
	ID        int64
	ChainID   uint64
	Sender    string
	Nonce     uint64
	Hash      string
	Raw       []byte
	Kind      TxKind
	LaunchID  string
	CreatedAt time.Time
}

// MintStore is what the minter needs from storage.
type MintStore interface {
	// NextNonce is one past the highest nonce recorded for sender on
	// chainID, or 0 when none is.
	NextNonce(ctx context.Context, chainID uint64, sender string) (uint64, error)
	// PendingTxs lists recorded transactions of chainID not yet confirmed
	// or failed, by nonce.
	PendingTxs(ctx context.Context, chainID uint64) ([]ChainTx, error)
	// LaunchesToDeploy lists published launches of chainID with no deploy
	// transaction recorded.
	LaunchesToDeploy(ctx context.Context, chainID uint64) ([]Launch, error)
	// LaunchesToMint lists launches of chainID with a confirmed contract
	// and queued passes.
	LaunchesToMint(ctx context.Context, chainID uint64) ([]Launch, error)
	// QueuedPasses returns up to limit queued passes of launchID, oldest
	// first.
	QueuedPasses(ctx context.Context, launchID string, limit int) ([]Pass, error)
	// RecordDeploy stores tx as launchID's deployment to contract.
	RecordDeploy(ctx context.Context, tx ChainTx, contract string) (int64, error)
	// RecordMint stores tx and marks passIDs submitted in it.
	RecordMint(ctx context.Context, tx ChainTx, passIDs []int64) (int64, error)
	// ConfirmTx settles tx with its receipt: a successful deploy makes its
	// launch live and a successful mint its passes minted; a failed one
	// returns the launch to draft or fails the passes, with reason.
	ConfirmTx(ctx context.Context, tx ChainTx, r Receipt, reason string) error
	// FailPasses marks passes failed before any transaction carried them.
	FailPasses(ctx context.Context, passIDs []int64, reason string) error
	// FailDeploy returns a deploying launch to draft with reason.
	FailDeploy(ctx context.Context, launchID, reason string) error
}

// MinterConfig tunes the minter. Zero values take the documented defaults.
type MinterConfig struct {
	// BatchSize is the most passes one mint transaction carries.
	// Defaults to 100.
	BatchSize int
	// Confirmations is the depth at which a transaction counts as final;
	// 1 means "in the latest block". Defaults to 1.
	Confirmations uint64
	// MaxInFlight caps transactions sent but not yet final. Defaults to 16.
	MaxInFlight int
	// Poll is how often the minter looks for work and receipts without
	// being notified. Defaults to 500ms.
	Poll time.Duration
	// Rebroadcast is how long a sent transaction may stay unmined before
	// it is sent again. Defaults to 10s.
	Rebroadcast time.Duration
	// BaseURL is this service's public URL, under which token and contract
	// metadata are served.
	BaseURL string
}

func (c MinterConfig) withDefaults() MinterConfig {
	if c.BatchSize <= 0 {
		c.BatchSize = 100
	}
	if c.Confirmations == 0 {
		c.Confirmations = 1
	}
	if c.MaxInFlight <= 0 {
		c.MaxInFlight = 16
	}
	if c.Poll <= 0 {
		c.Poll = 500 * time.Millisecond
	}
	if c.Rebroadcast <= 0 {
		c.Rebroadcast = 10 * time.Second
	}
	return c
}

// Minter carries queued passes onto the chain. Every transaction is signed,
// recorded, and only then broadcast; after a restart the recorded ones are
// broadcast again with their original nonce, so a pass is minted at most
// once, and the minter keeps at it until it is, so at least once.
type Minter struct {
	store  MintStore
	chain  Chain
	cfg    MinterConfig
	log    *slog.Logger
	now    func() time.Time
	wake   chan struct{}
	nonce  uint64
	synced bool
	sentAt map[string]time.Time // tx hash → last broadcast by this process
	fits   map[string]int       // launch id → largest batch known to fit in a transaction
}

// NewMinter returns a minter; Run starts it.
func NewMinter(store MintStore, chain Chain, cfg MinterConfig, log *slog.Logger) *Minter {
	return &Minter{
		store: store, chain: chain, cfg: cfg.withDefaults(), log: log, now: time.Now,
		wake: make(chan struct{}, 1), sentAt: map[string]time.Time{}, fits: map[string]int{},
	}
}

// Notify asks the minter to look for work now. It never blocks.
func (m *Minter) Notify() {
	select {
	case m.wake <- struct{}{}:
	default:
	}
}

// Run works until ctx is done.
func (m *Minter) Run(ctx context.Context) {
	t := time.NewTicker(m.cfg.Poll)
	defer t.Stop()
	for {
		if err := m.Step(ctx); err != nil && ctx.Err() == nil {
			m.log.Warn("minter step", slog.Any("err", err))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-m.wake:
		}
	}
}

// Step does one round of work: settle or re-send what is in flight, then
// deploy published launches and mint queued passes.
func (m *Minter) Step(ctx context.Context) error {
	if !m.synced {
		if err := m.syncNonce(ctx); err != nil {
			return err
		}
	}
	inFlight, err := m.settle(ctx)
	if err != nil {
		return err
	}
	room := m.cfg.MaxInFlight - inFlight
	if room <= 0 {
		return nil
	}
	deployed, err := m.deploy(ctx, room)
	if err != nil {
		return err
	}
	return m.mint(ctx, room-deployed)
}

// syncNonce starts from whichever is higher: the chain's pending nonce or
// one past the last nonce recorded here.
func (m *Minter) syncNonce(ctx context.Context) error {
	onChain, err := m.chain.PendingNonce(ctx)
	if err != nil {
		return fmt.Errorf("pending nonce: %w", err)
	}
	recorded, err := m.store.NextNonce(ctx, m.chain.ID(), m.chain.Sender())
	if err != nil {
		return fmt.Errorf("recorded nonce: %w", err)
	}
	m.nonce, m.synced = max(onChain, recorded), true
	return nil
}

// settle checks every pending transaction: final ones are confirmed,
// unmined ones re-sent when due. It returns how many remain in flight.
func (m *Minter) settle(ctx context.Context) (int, error) {
	pending, err := m.store.PendingTxs(ctx, m.chain.ID())
	if err != nil {
		return 0, fmt.Errorf("pending txs: %w", err)
	}
	if len(pending) == 0 {
		return 0, nil
	}
	head, err := m.chain.Head(ctx)
	if err != nil {
		return len(pending), fmt.Errorf("head: %w", err)
	}
	inFlight := 0
	for _, tx := range pending {
		r, err := m.chain.Receipt(ctx, tx.Hash)
		if err != nil {
			return len(pending), fmt.Errorf("receipt %s: %w", tx.Hash, err)
		}
		if r == nil || head+1 < r.BlockNumber+m.cfg.Confirmations {
			inFlight++
			if r == nil {
				m.send(ctx, tx)
			}
			continue
		}
		reason := ""
		if !r.Success {
			reason = fmt.Sprintf("%s transaction %s reverted in block %d", tx.Kind, tx.Hash, r.BlockNumber)
		}
		if err := m.store.ConfirmTx(ctx, tx, *r, reason); err != nil {
			return len(pending), fmt.Errorf("confirm %s: %w", tx.Hash, err)
		}
		delete(m.sentAt, tx.Hash)
		m.log.Info("transaction final", slog.String("kind", string(tx.Kind)), slog.String("tx", tx.Hash),
			slog.Uint64("nonce", tx.Nonce), slog.Uint64("block", r.BlockNumber), slog.Bool("success", r.Success),
			slog.Uint64("gas_used", r.GasUsed))
	}
	return inFlight, nil
}

// send broadcasts tx unless this process sent it within the rebroadcast
// interval. Failures are logged; the next round tries again.
func (m *Minter) send(ctx context.Context, tx ChainTx) {
	if last, ok := m.sentAt[tx.Hash]; ok && m.now().Sub(last) < m.cfg.Rebroadcast {
		return
	}
	if err := m.chain.Send(ctx, tx.Raw); err != nil {
		m.log.Warn("broadcast", slog.String("tx", tx.Hash), slog.Uint64("nonce", tx.Nonce), slog.Any("err", err))
		return
	}
	m.sentAt[tx.Hash] = m.now()
}

func (m *Minter) deploy(ctx context.Context, room int) (int, error) {
	ls, err := m.store.LaunchesToDeploy(ctx, m.chain.ID())
	if err != nil {
		return 0, fmt.Errorf("launches to deploy: %w", err)
	}
	n := 0
	for _, l := range ls {
		if n == room {
			break
		}
		stx, contract, err := m.chain.SignDeploy(ctx, m.nonce, l, func(contract string) (string, string) {
			return MetadataURIs(m.cfg.BaseURL, l.ChainID, contract)
		})
		if errors.Is(err, ErrReverted) {
			if err := m.store.FailDeploy(ctx, l.ID, err.Error()); err != nil {
				return n, err
			}
			continue
		}
		if err != nil {
			return n, fmt.Errorf("sign deploy of %s: %w", l.ID, err)
		}
		tx := m.newTx(stx, TxDeploy, l.ID)
		if tx.ID, err = m.store.RecordDeploy(ctx, tx, contract); err != nil {
			return n, fmt.Errorf("record deploy of %s: %w", l.ID, err)
		}
		m.nonce++
		n++
		m.log.Info("deploying launch", slog.String("launch_id", l.ID), slog.String("contract", contract),
			slog.String("tx", tx.Hash), slog.Uint64("nonce", tx.Nonce))
		m.send(ctx, tx)
	}
	return n, nil
}

func (m *Minter) mint(ctx context.Context, room int) error {
	if room <= 0 {
		return nil
	}
	ls, err := m.store.LaunchesToMint(ctx, m.chain.ID())
	if err != nil {
		return fmt.Errorf("launches to mint: %w", err)
	}
	for _, l := range ls {
		for room > 0 {
			size := m.cfg.BatchSize
			if fit, ok := m.fits[l.ID]; ok {
				size = min(size, fit)
			}
			ps, err := m.store.QueuedPasses(ctx, l.ID, size)
			if err != nil {
				return fmt.Errorf("queued passes of %s: %w", l.ID, err)
			}
			if len(ps) == 0 {
				break
			}
			sent, err := m.mintBatch(ctx, l, ps)
			if err != nil {
				return err
			}
			if sent {
				room--
			}
		}
	}
	return nil
}

// mintBatch signs, records and sends one mint of ps. It reports whether a
// transaction was sent; passes whose mint would revert are failed instead,
// and a batch too large for one transaction is left queued for smaller ones.
func (m *Minter) mintBatch(ctx context.Context, l Launch, ps []Pass) (bool, error) {
	to, ids, pids := make([]string, len(ps)), make([]uint64, len(ps)), make([]int64, len(ps))
	for i, p := range ps {
		to[i], ids[i], pids[i] = p.Recipient, p.TokenID, p.ID
	}
	stx, err := m.chain.SignMint(ctx, m.nonce, l.Contract, to, ids)
	if errors.Is(err, ErrTooMuchGas) && len(ps) > 1 {
		m.fits[l.ID] = len(ps) / 2
		m.log.Info("batch too large for one transaction", slog.String("launch_id", l.ID), slog.Int("passes", len(ps)), slog.Int("next", len(ps)/2))
		return false, nil
	}
	if errors.Is(err, ErrReverted) {
		if len(ps) > 1 {
			// Find the offending passes: mint the halves on their own.
			half := len(ps) / 2
			a, err := m.mintBatch(ctx, l, ps[:half])
			if err != nil {
				return a, err
			}
			b, err := m.mintBatch(ctx, l, ps[half:])
			return a || b, err
		}
		m.log.Warn("mint would revert", slog.String("launch_id", l.ID), slog.Uint64("token_id", ps[0].TokenID), slog.Any("err", err))
		return false, m.store.FailPasses(ctx, pids, err.Error())
	}
	if err != nil {
		return false, fmt.Errorf("sign mint for %s: %w", l.ID, err)
	}
	tx := m.newTx(stx, TxMint, l.ID)
	if tx.ID, err = m.store.RecordMint(ctx, tx, pids); err != nil {
		return false, fmt.Errorf("record mint for %s: %w", l.ID, err)
	}
	m.nonce++
	m.log.Info("minting", slog.String("launch_id", l.ID), slog.Int("passes", len(ps)),
		slog.String("tx", tx.Hash), slog.Uint64("nonce", tx.Nonce))
	m.send(ctx, tx)
	return true, nil
}

// MetadataURIs returns the token base URI (the token id is appended) and
// the contract URI of a launch's contract, served by this service at baseURL.
func MetadataURIs(baseURL string, chainID uint64, contract string) (tokenBase, contractURI string) {
	contractURI = fmt.Sprintf("%s/metadata/%d/%s", strings.TrimRight(baseURL, "/"), chainID, contract)
	return contractURI + "/", contractURI
}

func (m *Minter) newTx(stx SignedTx, kind TxKind, launchID string) ChainTx {
	return ChainTx{
		ChainID: m.chain.ID(), Sender: m.chain.Sender(), Nonce: stx.Nonce, Hash: stx.Hash, Raw: stx.Raw,
		Kind: kind, LaunchID: launchID, CreatedAt: m.now().UTC(),
	}
}
