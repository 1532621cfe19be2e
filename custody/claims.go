package custody

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"strings"
	"time"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/passes"
)

// Claim states: the signer funds the custodial wallet, which then sends
// the pass to the customer's own wallet.
const (
	ClaimFunding      = "funding"
	ClaimFunded       = "funded"
	ClaimTransferring = "transferring"
	ClaimClaimed      = "claimed"
	ClaimFailed       = "failed"
)

// EventClaimed is the webhook event of a pass leaving custody.
const EventClaimed = "pass.claimed"

// Claim moves one pass out of a custodial wallet into its customer's own
// wallet; afterwards the pass is theirs alone.
type Claim struct {
	ID          string     `json:"id"`
	BrandID     string     `json:"brand_id"`
	CustomerRef string     `json:"customer_ref"`
	LaunchID    string     `json:"launch_id"`
	ChainID     uint64     `json:"chain_id"`
	Contract    string     `json:"contract_address"`
	TokenID     uint64     `json:"token_id"` // edition
	From        string     `json:"from"`
	To          string     `json:"to"`
	State       string     `json:"state"`
	Fund        *big.Int   `json:"-"` // wei the signer pays the custodial wallet
	TxHash      string     `json:"tx_hash,omitempty"`
	Raw         []byte     `json:"-"`
	FailReason  string     `json:"fail_reason,omitempty"`
	CreatedAt   time.Time  `json:"created_at"`
	ClaimedAt   *time.Time `json:"claimed_at,omitempty"`
}

// ClaimStore persists claims.
type ClaimStore interface {
	// CreateClaims stores new claims; a pass already being claimed is
	// ECONFLICT.
	CreateClaims(ctx context.Context, cs []Claim) error
	ListClaims(ctx context.Context, brandID, customerRef string) ([]Claim, error)
	// OpenClaims returns chainID's claims funded or transferring.
	OpenClaims(ctx context.Context, chainID uint64) ([]Claim, error)
	// RecordTransfer stores c's signed transfer (TxHash, Raw) before it is
	// broadcast, and makes it transferring.
	RecordTransfer(ctx context.Context, c Claim) error
	// Refund asks the signer to fund c again with c.Fund wei.
	Refund(ctx context.Context, c Claim) error
	// Settle ends c as claimed (telling the brand's webhooks) or failed.
	Settle(ctx context.Context, c Claim) error
}

// ClaimChain is the chain as claims need it; token ids are the passes'
// (decimal) ids on chain.
type ClaimChain interface {
	TransferCost(ctx context.Context, contract, from, to string, tokenID string) (*big.Int, error)
	SignTransferFrom(ctx context.Context, key *ecdsa.PrivateKey, contract, to string, tokenID string) (passes.SignedTx, error)
	Send(ctx context.Context, raw []byte) error
	Receipt(ctx context.Context, hash string) (*passes.Receipt, error)
}

// Launches lists a brand's launches and finds their passes.
type Launches interface {
	ListLaunches(ctx context.Context, brandID string) ([]passes.Launch, error)
	// GetPass returns the pass of launchID with that edition number.
	GetPass(ctx context.Context, launchID string, tokenID uint64) (passes.Pass, error)
}

// Claims moves custodial customers' passes into their own wallets.
type Claims struct {
	Store    ClaimStore
	Vault    *Vault
	Index    passes.HoldingStore
	Launches Launches
	Chain    ClaimChain
	ChainID  uint64
	Now      func() time.Time
	Log      *slog.Logger
}

// Claim starts moving every pass of brandID's launches that customerRef's
// custodial wallet holds to wallet, which the customer proved is theirs.
// The service pays the gas. Asking again while claims are on their way
// changes nothing.
func (s *Claims) Claim(ctx context.Context, brandID, customerRef, wallet string) ([]Claim, error) {
	from := s.Vault.Address(brandID, customerRef)
	if strings.EqualFold(from, wallet) {
		return nil, metapass.FieldError("wallet", "is the custodial wallet itself")
	}
	hs, err := s.Index.Holdings(ctx, s.ChainID, from)
	if err != nil {
		return nil, fmt.Errorf("holdings of %s: %w", from, err)
	}
	ls, err := s.Launches.ListLaunches(ctx, brandID)
	if err != nil {
		return nil, err
	}
	open, err := s.Store.ListClaims(ctx, brandID, customerRef)
	if err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	var cs []Claim
	for _, h := range hs {
		for _, l := range ls {
			if !strings.EqualFold(l.Contract, h.Contract) || claiming(open, l.ID, h.TokenID) {
				continue
			}
			cost, err := s.Chain.TransferCost(ctx, l.Contract, from, wallet, h.ChainTokenID)
			if err != nil {
				return nil, &metapass.Error{Code: metapass.ERULE, Rule: "not_transferable",
					Message: fmt.Sprintf("pass %d cannot leave custody: %v", h.TokenID, err)}
			}
			cs = append(cs, Claim{ID: metapass.NewID("clm"), BrandID: brandID, CustomerRef: customerRef, LaunchID: l.ID,
				ChainID: s.ChainID, Contract: l.Contract, TokenID: h.TokenID, From: from, To: wallet, State: ClaimFunding,
				Fund: new(big.Int).Mul(cost, big.NewInt(2)), CreatedAt: now})
		}
	}
	if len(cs) > 0 {
		if err := s.Store.CreateClaims(ctx, cs); err != nil {
			return nil, err
		}
	}
	return s.Store.ListClaims(ctx, brandID, customerRef)
}

// claiming reports whether a pass is already claimed or on its way: the
// index may still show a claimed pass in custody for a few blocks.
func claiming(cs []Claim, launchID string, tokenID uint64) bool {
	for _, c := range cs {
		if c.LaunchID == launchID && c.TokenID == tokenID && c.State != ClaimFailed {
			return true
		}
	}
	return false
}

// List returns customerRef's claims at brandID, newest first.
func (s *Claims) List(ctx context.Context, brandID, customerRef string) ([]Claim, error) {
	return s.Store.ListClaims(ctx, brandID, customerRef)
}

// Run moves funded claims along until ctx is done.
func (s *Claims) Run(ctx context.Context, every time.Duration) {
	metapass.Poll(ctx, every, s.Log, "claims step", s.Step)
}

// Step signs, records and sends the transfer of every funded claim, and
// settles or re-sends every transferring one. A transfer is recorded
// before it is broadcast, and re-broadcast as recorded, so a crash never
// signs a second one while the first could land.
func (s *Claims) Step(ctx context.Context) error {
	cs, err := s.Store.OpenClaims(ctx, s.ChainID)
	if err != nil {
		return fmt.Errorf("open claims: %w", err)
	}
	var errs []error
	for _, c := range cs {
		if err := s.step(ctx, c); err != nil {
			errs = append(errs, fmt.Errorf("claim %s: %w", c.ID, err))
		}
	}
	return errors.Join(errs...)
}

func (s *Claims) step(ctx context.Context, c Claim) error {
	// chainTokenID reads the pass only when a transfer is signed or costed,
	// not on each poll of a transfer's receipt.
	chainTokenID := func() (string, error) {
		p, err := s.Launches.GetPass(ctx, c.LaunchID, c.TokenID)
		if err != nil {
			return "", fmt.Errorf("pass %d of %s: %w", c.TokenID, c.LaunchID, err)
		}
		return p.ChainTokenID, nil
	}
	if c.State == ClaimFunded {
		id, err := chainTokenID()
		if err != nil {
			return err
		}
		stx, err := s.Chain.SignTransferFrom(ctx, s.Vault.Key(c.BrandID, c.CustomerRef), c.Contract, c.To, id)
		if errors.Is(err, passes.ErrReverted) {
			c.State, c.FailReason = ClaimFailed, err.Error()
			return s.Store.Settle(ctx, c)
		}
		if err != nil {
			return err
		}
		c.TxHash, c.Raw, c.State = stx.Hash, stx.Raw, ClaimTransferring
		if err := s.Store.RecordTransfer(ctx, c); err != nil {
			return err
		}
	}
	r, err := s.Chain.Receipt(ctx, c.TxHash)
	if err != nil && !errors.Is(err, passes.ErrIndexing) {
		return err
	}
	if r == nil {
		err := s.Chain.Send(ctx, c.Raw)
		if errors.Is(err, passes.ErrInsufficientFunds) {
			// Fees rose since the funding: fund it again, then sign anew.
			id, cerr := chainTokenID()
			if cerr != nil {
				return cerr
			}
			cost, cerr := s.Chain.TransferCost(ctx, c.Contract, c.From, c.To, id)
			if cerr != nil {
				return cerr
			}
			c.Fund = new(big.Int).Mul(cost, big.NewInt(2))
			return s.Store.Refund(ctx, c)
		}
		return err
	}
	if r.Success {
		at := s.Now().UTC()
		c.State, c.ClaimedAt = ClaimClaimed, &at
	} else {
		c.State, c.FailReason = ClaimFailed, fmt.Sprintf("transfer %s reverted in block %d", c.TxHash, r.BlockNumber)
	}
	s.Log.Info("claim settled", slog.String("claim", c.ID), slog.String("state", c.State), slog.Uint64("token_id", c.TokenID))
	return s.Store.Settle(ctx, c)
}
