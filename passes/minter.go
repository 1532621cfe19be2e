package passes

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"time"
)

// Chain is the EVM chain the minter writes to, with the service's signer.
type Chain interface {
	ID() uint64
	// Sender is the signer's address.
	Sender() string
	// NonceAt is the signer's nonce as of block n: how many of its
	// transactions the chain holds up to and including n.
	NonceAt(ctx context.Context, n uint64) (uint64, error)
	// PendingNonce is the signer's next nonce as the node sees it,
	// counting the transactions in its pool.
	PendingNonce(ctx context.Context) (uint64, error)
	// SignImplementation signs, without sending, the deployment of the
	// PassCollection implementation launches are clones of, and returns
	// the address it will have.
	SignImplementation(ctx context.Context, nonce uint64) (SignedTx, string, error)
	// SignFactory signs, without sending, the deployment of a PassFactory
	// of implementation (whose code must be on chain), and returns the
	// address it will have.
	SignFactory(ctx context.Context, nonce uint64, implementation string) (SignedTx, string, error)
	// FactoryImplementation reads the implementation of the PassFactory at
	// factory; an error when there is none there.
	FactoryImplementation(ctx context.Context, factory string) (string, error)
	// SignDeploy signs, without sending, the creation of l's collection by
	// f, with token URIs under uriPrefix, and returns the address the
	// collection will have. A deployment that would revert returns
	// ErrReverted.
	SignDeploy(ctx context.Context, nonce uint64, f Factory, l Launch, uriPrefix string) (SignedTx, string, error)
	// SignMint signs, without sending, one mint of the passes with the
	// (decimal) token ids tokenIDs. A mint that would revert returns
	// ErrReverted; one too large for a transaction returns ErrTooMuchGas.
	SignMint(ctx context.Context, nonce uint64, contract string, tokenIDs []string) (SignedTx, error)
	// SignFund signs, without sending, a payment of value wei to the
	// address to.
	SignFund(ctx context.Context, nonce uint64, to string, value *big.Int) (SignedTx, error)
	// SignBurn signs, without sending, the burn of the pass with the
	// (decimal) token id tokenID; one that would revert returns ErrReverted.
	SignBurn(ctx context.Context, nonce uint64, contract string, tokenID string) (SignedTx, error)
	// Replace signs raw's transaction again, at its nonce, with both fees
	// raised enough for a node to take it in raw's place (and to at least
	// what the node now suggests); ErrFeeCapReached when the operator's
	// caps leave no room for that.
	Replace(ctx context.Context, raw []byte) (SignedTx, error)
	// Send broadcasts a signed transaction; sending one the node already
	// has is not an error. A refusal the minter acts on wraps
	// ErrNonceTooLow, ErrInsufficientFunds, ErrUnderpriced or ErrFeeTooLow.
	Send(ctx context.Context, raw []byte) error
	// Receipt returns the receipt of hash on the canonical chain, or nil
	// when it is not mined (yet, or any more); ErrIndexing when the node
	// cannot tell yet.
	Receipt(ctx context.Context, hash string) (*Receipt, error)
	// Head is the number of the latest block.
	Head(ctx context.Context) (uint64, error)
	// BlockHashes returns the canonical hash of each block of ns, "" for
	// one the chain does not have (yet, or any more).
	BlockHashes(ctx context.Context, ns []uint64) (map[uint64]string, error)
}

// Errors a Chain returns when signing or sending.
var (
	// ErrReverted means the chain would reject (or did reject) a transaction.
	ErrReverted = errors.New("transaction reverted")
	// ErrTooMuchGas means a transaction needs more gas than one may use;
	// a smaller batch may fit.
	ErrTooMuchGas = errors.New("transaction needs more gas than allowed")
	// ErrInsufficientFunds means the signer cannot pay for a transaction.
	ErrInsufficientFunds = errors.New("signer has insufficient funds")
	// ErrNonceTooLow means the chain already holds a transaction of the
	// signer at that nonce.
	ErrNonceTooLow = errors.New("nonce too low")
	// ErrUnderpriced means the node's pool holds another transaction at
	// that nonce paying as much or more.
	ErrUnderpriced = errors.New("replacement transaction underpriced")
	// ErrFeeTooLow means the node refused a transaction for fees it cannot
	// include now (a fee cap below the base fee, a tip below its minimum).
	ErrFeeTooLow = errors.New("fee too low")
	// ErrFeeCapReached means a replacement would pay more per gas than
	// the operator's caps allow.
	ErrFeeCapReached = errors.New("fee cap reached")
	// ErrIndexing means the node cannot yet tell whether a transaction is
	// mined: it is still indexing transactions.
	ErrIndexing = errors.New("node is still indexing transactions")
	// ErrLeaseLost means another replica holds the signer's minting lease:
	// this one may no longer record transactions.
	ErrLeaseLost = errors.New("another replica holds the minting lease")
)

// SignedTx is a transaction ready to broadcast.
type SignedTx struct {
	Hash  string
	Nonce uint64
	Raw   []byte
	// GasTipCap and GasFeeCap are its EIP-1559 fees, in wei per gas.
	GasTipCap, GasFeeCap *big.Int
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
	TxBurn   TxKind = "burn"
	// TxFund pays a custodial wallet the gas of moving a pass out of it.
	TxFund TxKind = "fund"
	// TxImplementation deploys the PassCollection launches are clones of.
	TxImplementation TxKind = "implementation"
	// TxFactory deploys the PassFactory that creates launches' clones.
	TxFactory TxKind = "factory"
)

// Factory is the PassFactory that creates a chain's launches as clones of
// its PassCollection implementation.
type Factory struct {
	Address        string
	Implementation string
	// ImplementationDeployed and Deployed say the deployments of the
	// implementation and of the factory are final.
	ImplementationDeployed, Deployed bool
}

// Funding is a payment the signer owes a wallet: the gas of a custodial
// claim's transfer.
type Funding struct {
	ID       string
	LaunchID string
	To       string
	Value    *big.Int
}

// ChainTx is one nonce of the signer as recorded before anything is
// broadcast at it: what it carries, and every signed attempt at it (the
// first and its fee-bumped replacements), any one of which may be mined.
type ChainTx struct {
	ID      int64
	ChainID uint64
	Sender  string
	Nonce   uint64
	// Hash, Raw and the fees are those of the attempt broadcast now, or
	// of the mined one once it is mined.
	Hash                 string
	Raw                  []byte
	GasTipCap, GasFeeCap *big.Int
	// Attempts are the hashes of every attempt, oldest first.
	Attempts  []string
	Kind      TxKind
	LaunchID  string
	CreatedAt time.Time
	// Holder is the replica recording the transaction; a store records it
	// only while Holder holds the signer's lease (none when empty).
	Holder string
	// BlockNumber and BlockHash place a confirmed transaction.
	BlockNumber uint64
	BlockHash   string
}

// MintStore is what the minter needs from storage.
type MintStore interface {
	// Lease gives holder the minting lease of sender on chainID until
	// until, when it is free, expired at now, or already holder's; ok
	// tells whether holder has it.
	Lease(ctx context.Context, chainID uint64, sender, holder string, now, until time.Time) (ok bool, err error)
	// NextNonce is one past the highest nonce recorded for sender on
	// chainID, or 0 when none is.
	NextNonce(ctx context.Context, chainID uint64, sender string) (uint64, error)
	// PendingTxs lists recorded transactions of chainID not yet confirmed,
	// failed or dropped, by nonce, with their attempts.
	PendingTxs(ctx context.Context, chainID uint64) ([]ChainTx, error)
	// ConfirmedSince lists chainID's confirmed transactions in blocks
	// above block.
	ConfirmedSince(ctx context.Context, chainID, block uint64) ([]ChainTx, error)
	// LaunchesToDeploy lists published launches of chainID with no deploy
	// transaction recorded.
	LaunchesToDeploy(ctx context.Context, chainID uint64) ([]Launch, error)
	// LaunchesToMint lists launches of chainID with a confirmed contract
	// and queued passes.
	LaunchesToMint(ctx context.Context, chainID uint64) ([]Launch, error)
	// QueuedPasses returns up to limit queued passes of launchID, oldest
	// first, leaving out those of recipients with a pass of launchID in a
	// transaction not yet confirmed: a recipient's token ids must land in
	// order. It looks only at the launch's QueueWindow oldest queued
	// passes, so a call costs the same whatever the queue holds.
	QueuedPasses(ctx context.Context, launchID string, limit int) ([]Pass, error)
	// ChainTokenCounts counts, for each of recipients, launchID's passes
	// holding a chain token id.
	ChainTokenCounts(ctx context.Context, launchID string, recipients []string) (map[string]uint64, error)
	// Factory returns the factory recorded for sender on chainID, the zero
	// Factory when none is.
	Factory(ctx context.Context, chainID uint64, sender string) (Factory, error)
	// RecordImplementation stores tx, with its first attempt, as the
	// deployment of the implementation of tx.Sender's factory on
	// tx.ChainID, at implementation.
	RecordImplementation(ctx context.Context, tx ChainTx, implementation string) (int64, error)
	// RecordFactory stores tx, with its first attempt, as the deployment
	// of tx.Sender's factory on tx.ChainID, at factory.
	RecordFactory(ctx context.Context, tx ChainTx, factory string) (int64, error)
	// RecordDeploy stores tx, with its first attempt, as launchID's
	// deployment to contract.
	RecordDeploy(ctx context.Context, tx ChainTx, contract string) (int64, error)
	// RecordMint stores tx, with its first attempt, and marks passIDs
	// submitted in it with the chain token ids chainTokenIDs.
	RecordMint(ctx context.Context, tx ChainTx, passIDs []int64, chainTokenIDs []string) (int64, error)
	// FundingsDue returns up to limit of chainID's fundings no
	// transaction carries yet.
	FundingsDue(ctx context.Context, chainID uint64, limit int) ([]Funding, error)
	// RecordFund stores tx, with its first attempt, as the payment of
	// fundingID.
	RecordFund(ctx context.Context, tx ChainTx, fundingID string) (int64, error)
	// PassesToBurn returns up to limit minted passes of chainID's launches
	// whose orders were refunded and that no burn carries yet.
	PassesToBurn(ctx context.Context, chainID uint64, limit int) ([]Pass, error)
	// RecordBurn stores tx, with its first attempt, and marks passID
	// burning in it.
	RecordBurn(ctx context.Context, tx ChainTx, passID int64) (int64, error)
	// KeepPass gives up burning passID (its burn would revert), with
	// reason.
	KeepPass(ctx context.Context, passID int64, reason string) error
	// RecordAttempt stores tx's Hash, Raw and fees as a new attempt at its
	// nonce, the one broadcast from now on.
	RecordAttempt(ctx context.Context, tx ChainTx) error
	// ConfirmTx settles tx with the receipt of its attempt tx.Hash: a
	// successful deploy makes its launch live and a successful mint its
	// passes minted; a failed one returns the launch to draft or fails the
	// passes (and frees their chain token ids), with reason. A failed
	// deployment of the implementation or the factory forgets it, so it is
	// deployed again.
	ConfirmTx(ctx context.Context, tx ChainTx, r Receipt, reason string) error
	// DropTx gives tx up: another transaction took its nonce. Its passes
	// are queued again, without chain token ids; its launch's deployment
	// (or the factory's) is to be signed again.
	DropTx(ctx context.Context, tx ChainTx) error
	// ReopenTx puts a confirmed tx whose block left the canonical chain
	// back in flight: its passes are submitted again, its launch's
	// contract unconfirmed.
	ReopenTx(ctx context.Context, tx ChainTx) error
	// HoldForFunds marks chainID's queued passes, and those txID carries
	// (0 for none), waiting for funds.
	HoldForFunds(ctx context.Context, chainID uint64, txID int64) error
	// ReleaseFunds puts chainID's passes waiting for funds back: submitted
	// when a transaction carries them, else queued.
	ReleaseFunds(ctx context.Context, chainID uint64) error
	// FailPasses marks passes failed before any transaction carried them.
	FailPasses(ctx context.Context, passIDs []int64, reason string) error
	// FailDeploy returns a deploying launch to draft with reason.
	FailDeploy(ctx context.Context, launchID, reason string) error
}

// QueueWindow is how many of a launch's oldest queued passes QueuedPasses
// looks at. It bounds the work of a call: without it, a recipient with a
// batch in flight and many passes queued behind it (one wallet's large
// orders) would have every call walk past all of them. The price: while a
// launch's QueueWindow oldest queued passes all go to recipients with a
// batch in flight, that launch gets no new batch until one of those
// confirms (a block or so), and its passes queued further back wait their
// turn behind them; other launches are not affected.
const QueueWindow = 1000

// MintObserver is told what the minter does, for metrics.
type MintObserver interface {
	// Settled: a transaction of kind ended with outcome (confirmed,
	// failed, dropped or replaced) using gasUsed.
	Settled(kind TxKind, outcome string, gasUsed uint64)
	// Minting: a mint transaction carrying n passes was recorded.
	Minting(n int)
	// Failed: a round of the minter failed (the chain unreachable, a
	// malformed answer).
	Failed()
}

// MinterConfig tunes the minter. Zero values take the documented defaults.
type MinterConfig struct {
	// BatchSize is the most passes one mint transaction carries.
	// Defaults to 100.
	BatchSize int
	// Confirmations is the depth at which a transaction counts as final;
	// 1 means "in the latest block". Defaults to 1.
	Confirmations uint64
	// MaxInFlight caps transactions sent but not yet final; while half of
	// them are, a mint of a brand with some of them waits for a full
	// batch. Defaults to 32: at 1 s blocks of six mints, five blocks'
	// worth waits in the node's pool while the minter settles what was
	// mined.
	MaxInFlight int
	// MaxInFlightPerBrand caps the transactions one brand's mints may
	// have in flight, so another brand's next mint always has room and
	// few transactions ahead of it: the signer's transactions are mined in
	// nonce order, so a mint waits for every one sent before it. Defaults
	// to half of MaxInFlight (at least 1).
	MaxInFlightPerBrand int
	// Poll is how often the minter looks for work and receipts without
	// being notified. Defaults to 500ms.
	Poll time.Duration
	// MaxBackoff bounds the wait between rounds that fail (the chain
	// unreachable, a malformed answer), which doubles from Poll.
	// Defaults to 10s.
	MaxBackoff time.Duration
	// Rebroadcast is how long a sent transaction may stay unmined before
	// it is sent again. Defaults to 10s.
	Rebroadcast time.Duration
	// ReplaceAfter is how many blocks the lowest unmined nonce may wait
	// before its transaction is replaced with higher fees. Defaults to 3.
	ReplaceAfter uint64
	// ReorgWindow is how many blocks below the head confirmed
	// transactions are watched for leaving the canonical chain.
	// Defaults to 64.
	ReorgWindow uint64
	// BaseURL is this service's public URL, under which token and contract
	// metadata are served.
	BaseURL string
	// Factory is the address of an existing PassFactory to create
	// launches with. Empty means the minter deploys one (and its
	// implementation) itself, once per chain and signer.
	Factory string
	// Observe, when set, is told of transactions and failures.
	Observe MintObserver
	// Holder names this replica. Replicas sharing a database mint one at
	// a time: the holder of the signer's lease, taken or renewed at the
	// start of every round and every LeaseTTL/3 while a round runs, and
	// taken over by another replica LeaseTTL after its holder stops.
	// Empty means no lease (one replica).
	Holder string
	// LeaseTTL defaults to 10s.
	LeaseTTL time.Duration
}

func (c MinterConfig) withDefaults() MinterConfig {
	if c.BatchSize <= 0 {
		c.BatchSize = 100
	}
	if c.Confirmations == 0 {
		c.Confirmations = 1
	}
	if c.LeaseTTL <= 0 {
		c.LeaseTTL = 10 * time.Second
	}
	if c.MaxInFlight <= 0 {
		c.MaxInFlight = 32
	}
	if c.MaxInFlightPerBrand <= 0 {
		c.MaxInFlightPerBrand = max(1, c.MaxInFlight/2)
	}
	if c.Poll <= 0 {
		c.Poll = 500 * time.Millisecond
	}
	if c.MaxBackoff <= 0 {
		c.MaxBackoff = 10 * time.Second
	}
	if c.Rebroadcast <= 0 {
		c.Rebroadcast = 10 * time.Second
	}
	if c.ReplaceAfter == 0 {
		c.ReplaceAfter = 3
	}
	if c.ReorgWindow == 0 {
		c.ReorgWindow = 64
	}
	return c
}

// MinterStatus is the minter's health, for readiness reports.
type MinterStatus struct {
	// Err is why the last round failed (the chain unreachable, a
	// malformed answer), nil when it succeeded; Since is when rounds
	// started failing.
	Err   error
	Since time.Time
	// WaitingForFunds is set while the signer cannot pay for its
	// transactions.
	WaitingForFunds bool
	// Stuck says why the lowest unmined transaction cannot be replaced
	// (the operator's fee caps), empty when nothing is.
	Stuck string
}

// Minter carries queued passes onto the chain, exactly once:
//
//   - At most once: every transaction is signed and recorded, with the
//     passes it carries, before it is broadcast, and after a restart the
//     recorded one is broadcast again. A pass goes under a new nonce only
//     when its old nonce is final on chain with none of its attempts mined.
//   - At least once: an unmined transaction is re-broadcast, and replaced
//     at its nonce with higher fees when it holds the line too long; a
//     transaction whose block leaves the canonical chain is back in flight;
//     a signer that cannot pay puts its passes in waiting_for_funds until
//     it can.
type Minter struct {
	store MintStore
	chain Chain
	cfg   MinterConfig
	log   *slog.Logger
	now   func() time.Time
	wake  chan struct{}

	nonce   uint64
	synced  bool
	leader  bool                 // this replica holds the signer's lease
	broke   bool                 // the signer cannot pay
	sentAt  map[string]time.Time // tx hash → last broadcast by this process
	fits    map[string]int       // launch id → largest batch known to fit in a transaction
	given   Factory              // MinterConfig.Factory with its implementation, once read
	line    map[int64]uint64     // tx id → head when it became the lowest unmined nonce, or was last replaced
	refused map[int64]bool       // tx id → the node refused its attempt for its fees
	stuck   int64                // id of the tx the fee caps keep from being replaced, 0 for none
	brandOf map[string]string    // launch id → brand id, of launches minting or in flight
	served  map[string]uint64    // brand or launch id → turn of its last mint
	turn    uint64               // mints sent by this process, for served

	mu     sync.Mutex
	status MinterStatus
}

// NewMinter returns a minter; Run starts it.
func NewMinter(store MintStore, chain Chain, cfg MinterConfig, log *slog.Logger) *Minter {
	return &Minter{
		store: store, chain: chain, cfg: cfg.withDefaults(), log: log, now: time.Now,
		wake: make(chan struct{}, 1), sentAt: map[string]time.Time{}, fits: map[string]int{},
		line: map[int64]uint64{}, refused: map[int64]bool{}, brandOf: map[string]string{}, served: map[string]uint64{},
	}
}

// Notify asks the minter to look for work now. It never blocks.
func (m *Minter) Notify() {
	select {
	case m.wake <- struct{}{}:
	default:
	}
}

// Status reports the minter's health. Safe for concurrent use.
func (m *Minter) Status() MinterStatus {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.status
}

// Run works until ctx is done. A failing round is retried after a backoff
// that doubles up to MaxBackoff; notifications do not cut it short.
func (m *Minter) Run(ctx context.Context) {
	fails := 0
	for {
		err := m.Step(ctx)
		if ctx.Err() != nil {
			return
		}
		m.report(err)
		wait, wake := m.cfg.Poll, m.wake
		if err != nil {
			if m.cfg.Observe != nil {
				m.cfg.Observe.Failed()
			}
			fails++
			wait, wake = backoff(m.cfg.Poll, m.cfg.MaxBackoff, fails), nil
			m.log.Warn("minter step", slog.Any("err", err), slog.Int("failures", fails), slog.Duration("retry_in", wait))
		} else {
			fails = 0
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		case <-wake:
			t.Stop()
		}
	}
}

// backoff is base doubled for each of fails past the first, at most limit,
// less up to a quarter of jitter.
func backoff(base, limit time.Duration, fails int) time.Duration {
	d := base
	for i := 1; i < fails && d < limit; i++ {
		d *= 2
	}
	d = min(d, limit)
	return d - rand.N(d/4+1)
}

func (m *Minter) report(err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	switch {
	case err == nil:
		m.status.Err, m.status.Since = nil, time.Time{}
	case m.status.Err == nil:
		m.status.Err, m.status.Since = err, m.now()
	default:
		m.status.Err = err
	}
	m.status.WaitingForFunds = m.broke
}

// setStuck records that the fee caps keep tx from being replaced (why), or
// with why empty that they no longer do.
func (m *Minter) setStuck(txID int64, why string) {
	if why == "" && m.stuck != txID {
		return
	}
	m.stuck = txID
	m.mu.Lock()
	defer m.mu.Unlock()
	m.status.Stuck = why
}

// Step does one round of work: re-check recently confirmed transactions,
// settle, re-send or replace what is in flight, then deploy published
// launches and mint queued passes.
func (m *Minter) Step(ctx context.Context) error {
	if lead, err := m.lead(ctx); err != nil || !lead {
		return err
	}
	round, lost := context.WithCancelCause(ctx)
	stop := m.keepLease(round, lost)
	err := m.step(round)
	stop()
	lost(nil)
	if errors.Is(err, ErrLeaseLost) || errors.Is(context.Cause(round), ErrLeaseLost) && ctx.Err() == nil {
		m.leader, m.synced = false, false
		m.log.Warn("lost the minting lease to another replica")
		return nil
	}
	return err
}

// keepLease renews the signer's lease every LeaseTTL/3 until stop is
// called, so a round that outlasts LeaseTTL keeps it. A renewal that finds
// the lease taken cancels the round with ErrLeaseLost; one that fails is
// tried again at the next tick (the store's fence refuses what the round
// records once the lease is really gone).
func (m *Minter) keepLease(ctx context.Context, lost context.CancelCauseFunc) (stop func()) {
	if m.cfg.Holder == "" {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(max(m.cfg.LeaseTTL/3, time.Millisecond))
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			now := m.now()
			ok, err := m.store.Lease(ctx, m.chain.ID(), m.chain.Sender(), m.cfg.Holder, now, now.Add(m.cfg.LeaseTTL))
			switch {
			case err != nil && ctx.Err() == nil:
				m.log.Warn("renew the minting lease", slog.Any("err", err))
			case err == nil && !ok:
				lost(ErrLeaseLost)
				return
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
	}
}

// lead takes or renews the signer's lease when replicas share the
// database. A replica that takes it over starts from the shared records.
func (m *Minter) lead(ctx context.Context) (bool, error) {
	if m.cfg.Holder == "" {
		return true, nil
	}
	now := m.now()
	ok, err := m.store.Lease(ctx, m.chain.ID(), m.chain.Sender(), m.cfg.Holder, now, now.Add(m.cfg.LeaseTTL))
	if err != nil {
		return false, fmt.Errorf("minting lease: %w", err)
	}
	switch {
	case ok && !m.leader:
		m.log.Info("holding the minting lease", slog.String("holder", m.cfg.Holder))
		m.leader, m.synced = true, false
	case !ok && m.leader:
		m.log.Warn("lost the minting lease to another replica")
		m.leader, m.synced = false, false
	}
	return ok, nil
}

// step is one round of work for the lease holder.
func (m *Minter) step(ctx context.Context) error {
	if !m.synced {
		if err := m.reconcile(ctx); err != nil {
			return err
		}
	}
	head, err := m.chain.Head(ctx)
	if err != nil {
		return fmt.Errorf("head: %w", err)
	}
	if err := m.watch(ctx, head); err != nil {
		return err
	}
	inFlight, byLaunch, err := m.settle(ctx, head)
	if err != nil {
		return err
	}
	room := m.cfg.MaxInFlight - inFlight
	if m.broke {
		// Waiting for funds: one transaction in flight finds out when the
		// signer can pay again.
		room = 1 - inFlight
	}
	if room <= 0 || !m.synced {
		return nil
	}
	deployed, err := m.deploy(ctx, room)
	if err != nil {
		return err
	}
	burned, err := m.burn(ctx, room-deployed)
	if err != nil {
		return err
	}
	funded, err := m.fund(ctx, room-deployed-burned)
	if err != nil {
		return err
	}
	return m.mint(ctx, room-deployed-burned-funded, inFlight+deployed+burned+funded, byLaunch)
}

// fund signs, records and sends the payments custodial claims wait for,
// up to room transactions, and reports how many it sent.
func (m *Minter) fund(ctx context.Context, room int) (int, error) {
	if room <= 0 {
		return 0, nil
	}
	fs, err := m.store.FundingsDue(ctx, m.chain.ID(), room)
	if err != nil {
		return 0, fmt.Errorf("fundings due: %w", err)
	}
	n := 0
	for _, f := range fs {
		stx, err := m.chain.SignFund(ctx, m.nonce, f.To, f.Value)
		switch {
		case errors.Is(err, ErrInsufficientFunds):
			return n, m.holdForFunds(ctx, 0, err)
		case err != nil:
			return n, fmt.Errorf("sign funding of %s: %w", f.To, err)
		}
		tx := m.newTx(stx, TxFund, f.LaunchID)
		if tx.ID, err = m.store.RecordFund(ctx, tx, f.ID); err != nil {
			return n, fmt.Errorf("record funding %s: %w", f.ID, err)
		}
		m.nonce++
		n++
		m.log.Info("funding a custodial wallet", slog.String("to", f.To), slog.String("wei", f.Value.String()),
			slog.String("tx", tx.Hash), slog.Uint64("nonce", tx.Nonce))
		if err := m.send(ctx, tx); err != nil || m.halted() {
			return n, err
		}
	}
	return n, nil
}

// burn signs, records and sends one burn per refunded, minted pass, up to
// room transactions, and reports how many it sent.
func (m *Minter) burn(ctx context.Context, room int) (int, error) {
	if room <= 0 {
		return 0, nil
	}
	ps, err := m.store.PassesToBurn(ctx, m.chain.ID(), room)
	if err != nil {
		return 0, fmt.Errorf("passes to burn: %w", err)
	}
	n := 0
	for _, p := range ps {
		stx, err := m.chain.SignBurn(ctx, m.nonce, p.Contract, p.ChainTokenID)
		switch {
		case errors.Is(err, ErrInsufficientFunds):
			return n, m.holdForFunds(ctx, 0, err)
		case errors.Is(err, ErrReverted):
			m.log.Warn("burn would revert", slog.String("launch_id", p.LaunchID), slog.Uint64("token_id", p.TokenID), slog.Any("err", err))
			if err := m.store.KeepPass(ctx, p.ID, "burn would revert: "+err.Error()); err != nil {
				return n, err
			}
			continue
		case err != nil:
			return n, fmt.Errorf("sign burn of %d: %w", p.TokenID, err)
		}
		tx := m.newTx(stx, TxBurn, p.LaunchID)
		if tx.ID, err = m.store.RecordBurn(ctx, tx, p.ID); err != nil {
			return n, fmt.Errorf("record burn of %d: %w", p.TokenID, err)
		}
		m.nonce++
		n++
		m.log.Info("burning refunded pass", slog.String("launch_id", p.LaunchID), slog.Uint64("token_id", p.TokenID),
			slog.String("tx", tx.Hash), slog.Uint64("nonce", tx.Nonce))
		if err := m.send(ctx, tx); err != nil || m.halted() {
			return n, err
		}
	}
	return n, nil
}

// reconcile takes the next nonce from this service's record, raised to the
// chain's latest nonce when another sender used the key. It never takes the
// node's pending nonce: transactions in a pool may yet be dropped, and a
// nonce skipped for them would leave a gap that stalls every later one.
// Recorded nonces the node lost are filled by settle re-broadcasting them.
func (m *Minter) reconcile(ctx context.Context) error {
	head, err := m.chain.Head(ctx)
	if err != nil {
		return fmt.Errorf("head: %w", err)
	}
	latest, err := m.chain.NonceAt(ctx, head)
	if err != nil {
		return fmt.Errorf("latest nonce: %w", err)
	}
	pending, err := m.chain.PendingNonce(ctx)
	if err != nil {
		return fmt.Errorf("pending nonce: %w", err)
	}
	recorded, err := m.store.NextNonce(ctx, m.chain.ID(), m.chain.Sender())
	if err != nil {
		return fmt.Errorf("recorded nonce: %w", err)
	}
	if !m.broke {
		// Passes a previous run held for funds are released; the next
		// broadcast finds out whether the signer can pay now.
		if err := m.store.ReleaseFunds(ctx, m.chain.ID()); err != nil {
			return fmt.Errorf("release funds: %w", err)
		}
	}
	m.nonce, m.synced = max(recorded, latest), true
	if latest > recorded {
		m.log.Warn("the chain holds transactions of the signer this service did not record",
			slog.Uint64("chain_nonce", latest), slog.Uint64("recorded_next", recorded))
	}
	if pending > m.nonce {
		m.log.Warn("the node's pool holds transactions of the signer this service did not record; the next ones compete with them",
			slog.Uint64("pending_nonce", pending), slog.Uint64("next_nonce", m.nonce))
	}
	m.log.Info("nonce reconciled", slog.Uint64("next", m.nonce), slog.Uint64("recorded_next", recorded),
		slog.Uint64("chain_latest", latest), slog.Uint64("chain_pending", pending))
	return nil
}

// watch re-checks the transactions confirmed within ReorgWindow blocks of
// head: one whose block is no longer canonical goes back in flight, and
// settle finds it mined again or broadcasts it again (its nonce is free
// again too).
func (m *Minter) watch(ctx context.Context, head uint64) error {
	var from uint64
	if head > m.cfg.ReorgWindow {
		from = head - m.cfg.ReorgWindow
	}
	txs, err := m.store.ConfirmedSince(ctx, m.chain.ID(), from)
	if err != nil || len(txs) == 0 {
		return err
	}
	var blocks []uint64
	seen := map[uint64]bool{}
	for _, tx := range txs {
		if !seen[tx.BlockNumber] {
			seen[tx.BlockNumber] = true
			blocks = append(blocks, tx.BlockNumber)
		}
	}
	hashes, err := m.chain.BlockHashes(ctx, blocks)
	if err != nil {
		return fmt.Errorf("block hashes: %w", err)
	}
	for _, tx := range txs {
		if hashes[tx.BlockNumber] == tx.BlockHash {
			continue
		}
		if err := m.store.ReopenTx(ctx, tx); err != nil {
			return fmt.Errorf("reopen %s: %w", tx.Hash, err)
		}
		delete(m.sentAt, tx.Hash)
		m.log.Warn("transaction left the canonical chain; back in flight", slog.String("kind", string(tx.Kind)),
			slog.String("tx", tx.Hash), slog.Uint64("nonce", tx.Nonce), slog.Uint64("block", tx.BlockNumber),
			slog.String("block_hash", tx.BlockHash), slog.String("canonical_hash", hashes[tx.BlockNumber]))
	}
	return nil
}

// settle checks every pending transaction: one mined at the confirmation
// depth is confirmed; one whose nonce another transaction took for good is
// dropped; the rest are pushed on. It returns how many remain in flight,
// in all and by launch.
func (m *Minter) settle(ctx context.Context, head uint64) (int, map[string]int, error) {
	byLaunch := map[string]int{}
	inFlight, err := m.settleTxs(ctx, head, byLaunch)
	return inFlight, byLaunch, err
}

func (m *Minter) settleTxs(ctx context.Context, head uint64, byLaunch map[string]int) (int, error) {
	pending, err := m.store.PendingTxs(ctx, m.chain.ID())
	if err != nil {
		return 0, fmt.Errorf("pending txs: %w", err)
	}
	if len(pending) == 0 {
		return 0, nil
	}
	// The signer's nonces are read before the receipts: a nonce the chain
	// had consumed by then, with none of its attempts mined now, was taken
	// by a transaction this service did not sign.
	latest, err := m.chain.NonceAt(ctx, head)
	if err != nil {
		return len(pending), fmt.Errorf("latest nonce: %w", err)
	}
	final := latest // the nonce as of the deepest block counted final
	switch {
	case head+1 < m.cfg.Confirmations:
		final = 0
	case m.cfg.Confirmations > 1:
		if final, err = m.chain.NonceAt(ctx, head+1-m.cfg.Confirmations); err != nil {
			return len(pending), fmt.Errorf("final nonce: %w", err)
		}
	}
	inFlight := 0
	var settled []ChainTx // mined deep enough, with their receipts
	var receipts []Receipt
	for _, tx := range pending {
		mined, r, sure, err := m.receipt(ctx, tx)
		if err != nil {
			return len(pending), err
		}
		switch {
		case r != nil && head+1 >= r.BlockNumber+m.cfg.Confirmations:
			settled, receipts = append(settled, mined), append(receipts, *r)
		case r != nil:
			inFlight++
			byLaunch[tx.LaunchID]++
		case tx.Nonce < final && sure:
			if err := m.drop(ctx, tx); err != nil {
				return len(pending), err
			}
		case tx.Nonce < latest:
			inFlight++ // taken by another transaction, not final yet
			byLaunch[tx.LaunchID]++
		default:
			inFlight++
			byLaunch[tx.LaunchID]++
			if err := m.push(ctx, tx, head, tx.Nonce == latest); err != nil {
				return len(pending), err
			}
		}
	}
	if err := m.confirm(ctx, settled, receipts); err != nil {
		return len(pending), err
	}
	return inFlight, nil
}

// receipt looks for a mined attempt of tx, newest first, and returns tx as
// that attempt with its receipt. A nil receipt means none is mined, for
// sure unless the node is still indexing.
func (m *Minter) receipt(ctx context.Context, tx ChainTx) (mined ChainTx, r *Receipt, sure bool, err error) {
	sure = true
	for i := len(tx.Attempts) - 1; i >= 0; i-- {
		r, err := m.chain.Receipt(ctx, tx.Attempts[i])
		if errors.Is(err, ErrIndexing) {
			sure = false
			continue
		}
		if err != nil {
			return tx, nil, false, fmt.Errorf("receipt %s: %w", tx.Attempts[i], err)
		}
		if r != nil {
			tx.Hash = tx.Attempts[i]
			return tx, r, true, nil
		}
	}
	return tx, nil, sure, nil
}

// confirm settles each of txs with its receipt in rs: a successful deploy
// makes its launch live and a successful mint its passes minted; a failed
// one returns the launch to draft or fails the passes.
func (m *Minter) confirm(ctx context.Context, txs []ChainTx, rs []Receipt) error {
	// Written concurrently: a store that commits the transactions queued
	// together in one commit (SQLite) makes a round's confirmations durable
	// at once, rather than one commit each while no mint is signed, and the
	// pool runs dry.
	errs := make([]error, len(txs))
	var wg sync.WaitGroup
	for i, tx := range txs {
		reason := ""
		if !rs[i].Success {
			reason = fmt.Sprintf("%s transaction %s reverted in block %d", tx.Kind, tx.Hash, rs[i].BlockNumber)
		}
		wg.Go(func() { errs[i] = m.store.ConfirmTx(ctx, tx, rs[i], reason) })
	}
	wg.Wait()
	var failed error
	for i, tx := range txs {
		r := rs[i]
		if errs[i] != nil {
			failed = errors.Join(failed, fmt.Errorf("confirm %s: %w", tx.Hash, errs[i]))
			continue
		}
		m.forget(tx)
		if m.cfg.Observe != nil {
			outcome := "failed"
			if r.Success {
				outcome = "confirmed"
			}
			m.cfg.Observe.Settled(tx.Kind, outcome, r.GasUsed)
		}
		m.log.Info("transaction final", slog.String("kind", string(tx.Kind)), slog.String("tx", tx.Hash),
			slog.Uint64("nonce", tx.Nonce), slog.Int("attempts", len(tx.Attempts)), slog.Uint64("block", r.BlockNumber),
			slog.Bool("success", r.Success), slog.Uint64("gas_used", r.GasUsed))
	}
	return failed
}

// drop gives tx up: its nonce is final on chain and none of its attempts
// is mined, so a transaction this service did not sign took it. Its passes
// never landed; they are queued again and go out under a new nonce.
func (m *Minter) drop(ctx context.Context, tx ChainTx) error {
	if err := m.store.DropTx(ctx, tx); err != nil {
		return fmt.Errorf("drop %s: %w", tx.Hash, err)
	}
	m.forget(tx)
	if m.cfg.Observe != nil {
		m.cfg.Observe.Settled(tx.Kind, "dropped", 0)
	}
	m.log.Warn("another transaction took the nonce; its passes are queued again", slog.String("kind", string(tx.Kind)),
		slog.String("launch_id", tx.LaunchID), slog.Uint64("nonce", tx.Nonce), slog.Any("attempts", tx.Attempts))
	return nil
}

func (m *Minter) forget(tx ChainTx) {
	for _, h := range tx.Attempts {
		delete(m.sentAt, h)
	}
	delete(m.line, tx.ID)
	delete(m.refused, tx.ID)
	m.setStuck(tx.ID, "")
}

// push keeps an unmined transaction moving. The lowest unmined nonce
// (lowest) holds the line for every later one: once it has waited
// ReplaceAfter blocks there, or at once when the node refused it for its
// fees, it is replaced at the same nonce with higher fees. Otherwise its
// latest attempt is broadcast again when due.
func (m *Minter) push(ctx context.Context, tx ChainTx, head uint64, lowest bool) error {
	if _, ok := m.line[tx.ID]; lowest && !ok {
		m.line[tx.ID] = head
	}
	if since, ok := m.line[tx.ID]; m.refused[tx.ID] || lowest && ok && head >= since+m.cfg.ReplaceAfter {
		var err error
		if tx, err = m.replace(ctx, tx, head); err != nil {
			return err
		}
	}
	return m.send(ctx, tx)
}

// replace signs tx again with bumped fees and records the new attempt
// before it is broadcast; every attempt stays tracked until one is mined.
func (m *Minter) replace(ctx context.Context, tx ChainTx, head uint64) (ChainTx, error) {
	// The next try, if this one fails, is ReplaceAfter blocks away.
	m.line[tx.ID] = head
	delete(m.refused, tx.ID)
	stx, err := m.chain.Replace(ctx, tx.Raw)
	if errors.Is(err, ErrFeeCapReached) {
		m.setStuck(tx.ID, fmt.Sprintf("%s transaction %s at nonce %d is not mined and cannot be replaced: %v", tx.Kind, tx.Hash, tx.Nonce, err))
		m.log.Warn("transaction stuck; raise the fee caps", slog.String("tx", tx.Hash), slog.Uint64("nonce", tx.Nonce), slog.Any("err", err))
		return tx, nil
	}
	if err != nil {
		m.log.Warn("replace", slog.String("tx", tx.Hash), slog.Uint64("nonce", tx.Nonce), slog.Any("err", err))
		return tx, nil
	}
	m.setStuck(tx.ID, "")
	next := tx
	next.Holder = m.cfg.Holder
	next.Hash, next.Raw, next.GasTipCap, next.GasFeeCap = stx.Hash, stx.Raw, stx.GasTipCap, stx.GasFeeCap
	next.Attempts = append(tx.Attempts[:len(tx.Attempts):len(tx.Attempts)], stx.Hash)
	if err := m.store.RecordAttempt(ctx, next); err != nil {
		return tx, fmt.Errorf("record attempt of nonce %d: %w", tx.Nonce, err)
	}
	if m.cfg.Observe != nil {
		m.cfg.Observe.Settled(tx.Kind, "replaced", 0)
	}
	m.log.Info("replacing transaction", slog.String("kind", string(tx.Kind)), slog.Uint64("nonce", tx.Nonce),
		slog.String("replaced", tx.Hash), slog.String("tx", next.Hash), slog.Int("attempt", len(next.Attempts)),
		slog.Any("fee_cap", tx.GasFeeCap), slog.Any("new_fee_cap", next.GasFeeCap),
		slog.Any("tip_cap", tx.GasTipCap), slog.Any("new_tip_cap", next.GasTipCap))
	return next, nil
}

// send broadcasts tx's latest attempt unless this process sent it within
// the rebroadcast interval. The node's refusals are acted on: a signer
// that cannot pay holds the passes for funds (and a later success releases
// them), fees refused get the transaction replaced, a nonce too low has
// the nonce reconciled. Other failures are logged; the next round tries
// again. Only storage failures are returned.
func (m *Minter) send(ctx context.Context, tx ChainTx) error {
	if last, ok := m.sentAt[tx.Hash]; ok && m.now().Sub(last) < m.cfg.Rebroadcast {
		return nil
	}
	err := m.chain.Send(ctx, tx.Raw)
	switch {
	case err == nil:
		m.sentAt[tx.Hash] = m.now()
		if m.broke {
			return m.releaseFunds(ctx)
		}
		return nil
	case errors.Is(err, ErrInsufficientFunds):
		return m.holdForFunds(ctx, tx.ID, err)
	case errors.Is(err, ErrFeeTooLow):
		m.refused[tx.ID] = true
	case errors.Is(err, ErrNonceTooLow):
		m.synced = false
	}
	m.log.Warn("broadcast", slog.String("tx", tx.Hash), slog.Uint64("nonce", tx.Nonce), slog.Any("err", err))
	return nil
}

// holdForFunds records that the signer cannot pay: chainID's queued passes,
// and those txID carries, wait for funds, and nothing new is signed while
// a transaction is in flight to find out when the signer can pay again.
func (m *Minter) holdForFunds(ctx context.Context, txID int64, cause error) error {
	if err := m.store.HoldForFunds(ctx, m.chain.ID(), txID); err != nil {
		return fmt.Errorf("hold for funds: %w", err)
	}
	if !m.broke {
		m.log.Warn("the signer cannot pay; passes wait for funds", slog.String("signer", m.chain.Sender()), slog.Any("err", cause))
	}
	m.broke = true
	return nil
}

func (m *Minter) releaseFunds(ctx context.Context) error {
	if err := m.store.ReleaseFunds(ctx, m.chain.ID()); err != nil {
		return fmt.Errorf("release funds: %w", err)
	}
	m.broke = false
	m.log.Info("the signer can pay again; passes go on", slog.String("signer", m.chain.Sender()))
	return nil
}

// halted says whether signing must stop for this round: the signer cannot
// pay, or the nonce needs reconciling.
func (m *Minter) halted() bool { return m.broke || !m.synced }

// deploy signs, records and sends the creation of published launches'
// collections, up to room transactions, and reports how many it sent. The
// factory comes first: until its deployment is final, launches wait.
func (m *Minter) deploy(ctx context.Context, room int) (int, error) {
	if room <= 0 {
		return 0, nil
	}
	ls, err := m.store.LaunchesToDeploy(ctx, m.chain.ID())
	if err != nil {
		return 0, fmt.Errorf("launches to deploy: %w", err)
	}
	if len(ls) == 0 {
		return 0, nil
	}
	f, n, err := m.factory(ctx)
	if err != nil || !f.Deployed || m.halted() {
		return n, err
	}
	for _, l := range ls {
		if n == room {
			break
		}
		stx, contract, err := m.chain.SignDeploy(ctx, m.nonce, f, l, MetadataPrefix(m.cfg.BaseURL, l.ChainID))
		switch {
		case errors.Is(err, ErrReverted):
			if err := m.store.FailDeploy(ctx, l.ID, err.Error()); err != nil {
				return n, err
			}
			continue
		case errors.Is(err, ErrInsufficientFunds):
			return n, m.holdForFunds(ctx, 0, err)
		case err != nil:
			return n, fmt.Errorf("sign deploy of %s: %w", l.ID, err)
		}
		tx := m.newTx(stx, TxDeploy, l.ID)
		if tx.ID, err = m.store.RecordDeploy(ctx, tx, contract); err != nil {
			return n, fmt.Errorf("record deploy of %s: %w", l.ID, err)
		}
		m.nonce++
		n++
		m.log.Info("deploying launch", slog.String("launch_id", l.ID), slog.String("contract", contract),
			slog.String("factory", f.Address), slog.String("tx", tx.Hash), slog.Uint64("nonce", tx.Nonce))
		if err := m.send(ctx, tx); err != nil || m.halted() {
			return n, err
		}
	}
	return n, nil
}

// factory returns the PassFactory launches are created with: the one the
// operator named, or the one this signer deployed on this chain. Without
// one it signs, records and sends the next step of deploying it (the
// implementation, then, once that is final, the factory), reporting how
// many transactions it sent.
func (m *Minter) factory(ctx context.Context) (Factory, int, error) {
	if m.cfg.Factory != "" {
		if m.given.Address == "" {
			impl, err := m.chain.FactoryImplementation(ctx, m.cfg.Factory)
			if err != nil {
				return Factory{}, 0, fmt.Errorf("factory %s: %w", m.cfg.Factory, err)
			}
			m.given = Factory{Address: m.cfg.Factory, Implementation: impl, ImplementationDeployed: true, Deployed: true}
		}
		return m.given, 0, nil
	}
	f, err := m.store.Factory(ctx, m.chain.ID(), m.chain.Sender())
	if err != nil {
		return f, 0, fmt.Errorf("factory: %w", err)
	}
	var (
		stx  SignedTx
		addr string
		kind TxKind
	)
	switch {
	case f.Implementation == "":
		kind = TxImplementation
		stx, addr, err = m.chain.SignImplementation(ctx, m.nonce)
	case f.ImplementationDeployed && f.Address == "":
		kind = TxFactory
		stx, addr, err = m.chain.SignFactory(ctx, m.nonce, f.Implementation)
	default:
		return f, 0, nil
	}
	switch {
	case errors.Is(err, ErrInsufficientFunds):
		return f, 0, m.holdForFunds(ctx, 0, err)
	case err != nil:
		return f, 0, fmt.Errorf("sign %s deployment: %w", kind, err)
	}
	tx := m.newTx(stx, kind, "")
	if kind == TxImplementation {
		tx.ID, err = m.store.RecordImplementation(ctx, tx, addr)
	} else {
		tx.ID, err = m.store.RecordFactory(ctx, tx, addr)
	}
	if err != nil {
		return f, 0, fmt.Errorf("record %s deployment: %w", kind, err)
	}
	m.nonce++
	m.log.Info("deploying the pass "+string(kind), slog.String("address", addr), slog.String("tx", tx.Hash), slog.Uint64("nonce", tx.Nonce))
	return f, 1, m.send(ctx, tx)
}

// mint signs, records and sends mints of queued passes, up to room
// transactions, with inFlight already out (byLaunch of them by launch).
// Block space is shared in turns: brands in turn, least recently served
// first, one batch each, and each brand's launches in turn likewise; a
// brand with MaxInFlightPerBrand transactions in flight waits for some to
// confirm. So a brand's lone order goes out in the next round, behind at
// most what other brands may have in flight, however much one launch has
// queued.
func (m *Minter) mint(ctx context.Context, room, inFlight int, byLaunch map[string]int) error {
	if room <= 0 {
		return nil
	}
	ls, err := m.store.LaunchesToMint(ctx, m.chain.ID())
	if err != nil {
		return fmt.Errorf("launches to mint: %w", err)
	}
	busy := m.brandsInFlight(ls, byLaunch)
	queues := m.turns(ls)
	for room > 0 && len(queues) > 0 {
		next := queues[:0]
		for _, q := range queues {
			l := q[0]
			if room == 0 || busy[l.BrandID] >= m.cfg.MaxInFlightPerBrand {
				continue
			}
			sent, more, err := m.mintLaunch(ctx, l, inFlight, busy[l.BrandID])
			if err != nil || m.halted() {
				return err
			}
			if sent {
				room--
				inFlight++
				busy[l.BrandID]++
				m.turn++
				m.served[l.BrandID], m.served[l.ID] = m.turn, m.turn
			}
			if q = q[1:]; more {
				q = append(q, l) // the launch's next batch after its brand's other launches
			}
			if len(q) > 0 {
				next = append(next, q)
			}
		}
		queues = next
	}
	return nil
}

// brandsInFlight counts the transactions in flight by brand, from the
// counts by launch; it remembers the brand of each launch of ls, and of
// launches in flight, for the rounds to come.
func (m *Minter) brandsInFlight(ls []Launch, byLaunch map[string]int) map[string]int {
	known := make(map[string]string, len(ls))
	for _, l := range ls {
		known[l.ID] = l.BrandID
	}
	for id := range byLaunch {
		if b, ok := m.brandOf[id]; ok {
			known[id] = b
		}
	}
	m.brandOf = known
	busy := map[string]int{}
	for id, n := range byLaunch {
		if b, ok := known[id]; ok {
			busy[b] += n
		}
	}
	return busy
}

// turns groups ls by brand, brands and each brand's launches least
// recently served first (ties in ls's order), and forgets the turns of
// brands and launches with nothing queued.
func (m *Minter) turns(ls []Launch) [][]Launch {
	byBrand := map[string][]Launch{}
	var brands []string
	for _, l := range ls {
		if _, ok := byBrand[l.BrandID]; !ok {
			brands = append(brands, l.BrandID)
		}
		byBrand[l.BrandID] = append(byBrand[l.BrandID], l)
	}
	served := make(map[string]uint64, len(ls)+len(brands))
	for _, id := range brands {
		served[id] = m.served[id]
	}
	for _, l := range ls {
		served[l.ID] = m.served[l.ID]
	}
	m.served = served
	slices.SortStableFunc(brands, func(a, b string) int { return cmp.Compare(served[a], served[b]) })
	queues := make([][]Launch, len(brands))
	for i, b := range brands {
		q := byBrand[b]
		slices.SortStableFunc(q, func(a, b Launch) int { return cmp.Compare(served[a.ID], served[b.ID]) })
		queues[i] = q
	}
	return queues
}

// mintLaunch sends l's next batch, if it has one to send now: sent says
// it did, more that l may have another.
func (m *Minter) mintLaunch(ctx context.Context, l Launch, inFlight, brandInFlight int) (sent, more bool, err error) {
	size := m.cfg.BatchSize
	if fit, ok := m.fits[l.ID]; ok {
		size = min(size, fit)
	}
	ps, err := m.store.QueuedPasses(ctx, l.ID, size)
	if err != nil {
		return false, false, fmt.Errorf("queued passes of %s: %w", l.ID, err)
	}
	// A partial batch waits while half the in-flight transactions are out
	// and its brand has some of them: the chain has work for a while, and
	// passes still arriving fill the batch before a block could take it.
	// A brand with nothing in flight is not kept waiting.
	if len(ps) == 0 || len(ps) < size && inFlight >= m.cfg.MaxInFlight/2 && brandInFlight > 0 {
		return false, false, nil
	}
	sent, err = m.mintBatch(ctx, l, ps)
	return sent, len(ps) == size || !sent, err
}

// mintBatch signs, records and sends one mint of ps. It reports whether a
// transaction was sent; passes whose mint would revert are failed instead,
// a batch too large for one transaction goes out as its largest first half
// that fits, and a signer that cannot pay holds them for funds. Each pass gets its
// token id on chain here: its recipient's address above the count of the
// launch's passes to that recipient holding one, plus one (QueuedPasses
// leaves out recipients with a pass still in flight, so that count is
// what the chain holds, and a batch's passes to one recipient take
// consecutive counters).
func (m *Minter) mintBatch(ctx context.Context, l Launch, ps []Pass) (bool, error) {
	ids, err := m.chainTokenIDs(ctx, l.ID, ps)
	if err != nil {
		return false, err
	}
	return m.signMint(ctx, l, ps, ids)
}

func (m *Minter) chainTokenIDs(ctx context.Context, launchID string, ps []Pass) ([]string, error) {
	var recipients []string
	for _, p := range ps {
		recipients = append(recipients, p.Recipient)
	}
	counts, err := m.store.ChainTokenCounts(ctx, launchID, recipients)
	if err != nil {
		return nil, fmt.Errorf("chain token counts of %s: %w", launchID, err)
	}
	ids := make([]string, len(ps))
	for i, p := range ps {
		counts[p.Recipient]++
		if ids[i], err = ChainTokenID(p.Recipient, counts[p.Recipient]); err != nil {
			return nil, fmt.Errorf("pass %d: %w", p.TokenID, err)
		}
	}
	return ids, nil
}

// signMint is mintBatch with the chain token ids chosen. A prefix of a
// batch keeps valid ids; a batch too large for one transaction, or that
// would revert, is halved and its first half tried alone, the rest left
// queued for the next batch (whose ids are chosen again: a recipient in
// the first half waits for it to confirm). The launch's later batches
// start at the size that fit.
func (m *Minter) signMint(ctx context.Context, l Launch, ps []Pass, ids []string) (bool, error) {
	pids := make([]int64, len(ps))
	for i, p := range ps {
		pids[i] = p.ID
	}
	stx, err := m.chain.SignMint(ctx, m.nonce, l.Contract, ids)
	if errors.Is(err, ErrTooMuchGas) && len(ps) > 1 {
		m.fits[l.ID] = len(ps) / 2
		m.log.Info("batch too large for one transaction", slog.String("launch_id", l.ID), slog.Int("passes", len(ps)), slog.Int("next", len(ps)/2))
		return m.signMint(ctx, l, ps[:len(ps)/2], ids[:len(ps)/2])
	}
	if errors.Is(err, ErrInsufficientFunds) {
		return false, m.holdForFunds(ctx, 0, err)
	}
	if errors.Is(err, ErrReverted) {
		if len(ps) > 1 {
			// Find the offending passes: the first half on its own.
			return m.signMint(ctx, l, ps[:len(ps)/2], ids[:len(ps)/2])
		}
		m.log.Warn("mint would revert", slog.String("launch_id", l.ID), slog.Uint64("token_id", ps[0].TokenID),
			slog.String("chain_token_id", ids[0]), slog.Any("err", err))
		return false, m.store.FailPasses(ctx, pids, err.Error())
	}
	if err != nil {
		return false, fmt.Errorf("sign mint for %s: %w", l.ID, err)
	}
	tx := m.newTx(stx, TxMint, l.ID)
	if tx.ID, err = m.store.RecordMint(ctx, tx, pids, ids); err != nil {
		return false, fmt.Errorf("record mint for %s: %w", l.ID, err)
	}
	m.nonce++
	if m.cfg.Observe != nil {
		m.cfg.Observe.Minting(len(ps))
	}
	m.log.Info("minting", slog.String("launch_id", l.ID), slog.Int("passes", len(ps)),
		slog.String("tx", tx.Hash), slog.Uint64("nonce", tx.Nonce))
	return true, m.send(ctx, tx)
}

// ChainTokenID is the decimal ERC-721 token id of the counter-th pass (1,
// 2, ...) minted to owner in a launch's collection: owner's 160 bits above
// a 96-bit counter.
func ChainTokenID(owner string, counter uint64) (string, error) {
	hex, ok := strings.CutPrefix(owner, "0x")
	a, parsed := new(big.Int).SetString(hex, 16)
	if !ok || !parsed || len(hex) != 40 || a.Sign() == 0 {
		return "", fmt.Errorf("recipient %q is not a non-zero address", owner)
	}
	return a.Lsh(a, 96).Or(a, new(big.Int).SetUint64(counter)).String(), nil
}

// MetadataPrefix is what a launch's collection puts before its own address
// in its URIs: its contract URI is the prefix and its address, and each
// token URI that, "/" and the token id, all served by this service at
// baseURL.
func MetadataPrefix(baseURL string, chainID uint64) string {
	return fmt.Sprintf("%s/metadata/%d/", strings.TrimRight(baseURL, "/"), chainID)
}

func (m *Minter) newTx(stx SignedTx, kind TxKind, launchID string) ChainTx {
	return ChainTx{
		ChainID: m.chain.ID(), Sender: m.chain.Sender(), Nonce: stx.Nonce, Hash: stx.Hash, Raw: stx.Raw,
		GasTipCap: stx.GasTipCap, GasFeeCap: stx.GasFeeCap, Attempts: []string{stx.Hash},
		Kind: kind, LaunchID: launchID, CreatedAt: m.now().UTC(), Holder: m.cfg.Holder,
	}
}
