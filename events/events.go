// Package events owns what passes admit to: events, their entry codes
// (short-lived, signed, rotating), staff check-ins at the door and the
// audit trail of every scan.
package events

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/passes"
)

// Reentry is an event's policy for passes that leave.
type Reentry string

// Re-entry policies.
const (
	// Once admits a pass a single time.
	Once Reentry = "once"
	// ReentryAllowed lets a pass out with an exit scan and in again.
	ReentryAllowed Reentry = "reentry"
)

// Event is something a brand's passes admit to.
type Event struct {
	ID          string    `json:"id"`
	BrandID     string    `json:"brand_id"`
	Name        string    `json:"name"`
	Venue       string    `json:"venue"`
	StartsAt    time.Time `json:"starts_at"`
	EndsAt      time.Time `json:"ends_at"`
	DoorsOpenAt time.Time `json:"doors_open_at"`
	Capacity    int       `json:"capacity"`
	Launches    []string  `json:"launches"`
	Reentry     Reentry   `json:"reentry"`
	// Admitted counts distinct passes ever admitted; Inside, those in now.
	Admitted  int       `json:"admitted"`
	Inside    int       `json:"inside"`
	CreatedAt time.Time `json:"created_at"`
}

// Validate checks an event before it is stored.
func (e Event) Validate() error {
	switch {
	case strings.TrimSpace(e.Name) == "":
		return metapass.FieldError("name", "must not be empty")
	case !e.EndsAt.After(e.StartsAt):
		return metapass.FieldError("ends_at", "must be after starts_at")
	case e.DoorsOpenAt.After(e.StartsAt):
		return metapass.FieldError("doors_open_at", "must not be after starts_at")
	case e.Capacity < 1:
		return metapass.FieldError("capacity", "must be at least 1")
	case len(e.Launches) == 0:
		return metapass.FieldError("launches", "must name at least one launch")
	case e.Reentry != Once && e.Reentry != ReentryAllowed:
		return metapass.FieldError("reentry", "must be once or reentry")
	}
	return nil
}

// open reports whether the doors are open at now.
func (e Event) open(now time.Time) bool { return !now.Before(e.DoorsOpenAt) && now.Before(e.EndsAt) }

// Rejection reasons of a check-in.
const (
	ReasonExpiredCode      = "expired_code"
	ReasonBadSignature     = "bad_signature"
	ReasonNotOwnerNow      = "not_owner_now"
	ReasonAlreadyCheckedIn = "already_checked_in"
	ReasonWrongEvent       = "wrong_event"
	ReasonOutsideHours     = "outside_hours"
	ReasonCapacityFull     = "capacity_full"
	ReasonNotInside        = "not_inside"
	ReasonRefunded         = "refunded"
)

// Results of a check-in.
const (
	Admitted = "admitted"
	Rejected = "rejected"
	Exited   = "exited"
)

// Directions of a scan.
const (
	In  = "in"
	Out = "out"
)

// Checkin is one scan at the door, admitted or not: the audit trail.
type Checkin struct {
	ID         string    `json:"id"`
	EventID    string    `json:"event_id"`
	BrandID    string    `json:"-"`
	StaffKeyID string    `json:"staff_key_id"`
	Gate       string    `json:"gate"`
	Direction  string    `json:"direction"`
	Result     string    `json:"result"`
	Reason     string    `json:"reason,omitempty"`
	Pass       *PassRef  `json:"pass,omitempty"`
	Holder     *Holder   `json:"holder,omitempty"`
	At         time.Time `json:"at"`
}

// PassRef names the pass a code was for.
type PassRef struct {
	LaunchID string `json:"launch_id"`
	ChainID  uint64 `json:"chain_id"`
	Contract string `json:"contract_address"`
	TokenID  uint64 `json:"token_id"`
}

// Holder summarizes the person at the door for the staff.
type Holder struct {
	Wallet     string     `json:"wallet"`
	PassesHeld int        `json:"passes_held"`
	HeldSince  *time.Time `json:"held_since,omitempty"`
}

// Admission is a pass's state at one event.
type Admission struct {
	EventID  string
	LaunchID string
	TokenID  uint64
	Inside   bool
	FirstAt  time.Time
	LastAt   time.Time
}

// Store persists events, admissions and scans. Lookups scoped by brandID
// return ENOTFOUND for another brand's events.
type Store interface {
	CreateEvent(ctx context.Context, e Event) error
	GetEvent(ctx context.Context, brandID, id string) (Event, error)
	ListEvents(ctx context.Context, brandID string) ([]Event, error)
	// ListCheckins returns an event's scans, newest first.
	ListCheckins(ctx context.Context, brandID, eventID string, limit int) ([]Checkin, error)
	// InsertCheckin records a scan that changed nothing (a rejection).
	InsertCheckin(ctx context.Context, c Checkin) error
	// InTx runs fn in one serializable write transaction. fn may run more
	// than once (see passes.Store.InTx), so it starts from scratch each time.
	InTx(ctx context.Context, fn func(Tx) error) error
}

// Tx is the part of Store usable inside InTx.
type Tx interface {
	// EventForUpdate reads an event and holds it for the transaction.
	EventForUpdate(ctx context.Context, brandID, id string) (Event, error)
	// Admission returns a pass's state at an event; ok is false when it
	// was never admitted.
	Admission(ctx context.Context, eventID, launchID string, tokenID uint64) (a Admission, ok bool, err error)
	// PutAdmission writes a pass's state at an event.
	PutAdmission(ctx context.Context, a Admission) error
	// SetCounts stores an event's admitted and inside counts.
	SetCounts(ctx context.Context, eventID string, admitted, inside int) error
	InsertCheckin(ctx context.Context, c Checkin) error
	// Emit records e for the brand's webhooks with the transaction.
	Emit(ctx context.Context, e metapass.Event) error
}

// EventAdmitted is the webhook event of an admission; its data is the
// check-in.
const EventAdmitted = "checkin.admitted"

// Launches finds a brand's launches and their passes.
type Launches interface {
	GetLaunch(ctx context.Context, brandID, id string) (passes.Launch, error)
	// LaunchByContract finds a launch by its contract, across brands.
	LaunchByContract(ctx context.Context, chainID uint64, contract string) (passes.Launch, error)
	// GetPass returns the pass of launchID with that edition number.
	GetPass(ctx context.Context, launchID string, tokenID uint64) (passes.Pass, error)
}

// Index answers from the ownership index what a wallet holds.
type Index interface {
	Holdings(ctx context.Context, chainID uint64, owner string) ([]passes.Holding, error)
}

// ChainOwners reads a token's owner from the chain as of a block; tokenID
// is its (decimal) id on chain.
type ChainOwners interface {
	Head(ctx context.Context) (uint64, error)
	OwnerOfAt(ctx context.Context, contract string, tokenID string, block uint64) (string, error)
}

// Staff is the credential that scans: an event staff key's scope.
type Staff struct {
	KeyID      string
	EventID    string // empty for a key without an event scope
	ValidFrom  time.Time
	ValidUntil time.Time
}

// Service is what brands, customers and door staff do with events.
type Service struct {
	Store    Store
	Launches Launches
	Index    Index
	Chain    ChainOwners
	// Confirmations is how deep the owner check at the door reads: 1 (the
	// default) means the latest block.
	Confirmations uint64
	// Key signs entry codes.
	Key ed25519.PrivateKey
	Now func() time.Time
}

// Code lifetimes: a code is valid for CodeLife and a new one is issued
// every CodeRotation, so a screenshot stops working within a minute.
const (
	CodeLife     = 60 * time.Second
	CodeRotation = 30 * time.Second
)

// CreateEvent stores a new event of brandID; its launches must be the
// brand's. Doors open at the start unless said otherwise.
func (s *Service) CreateEvent(ctx context.Context, brandID string, e Event) (Event, error) {
	e.ID, e.BrandID, e.Admitted, e.Inside, e.CreatedAt = metapass.NewID("evt"), brandID, 0, 0, s.Now().UTC()
	if e.DoorsOpenAt.IsZero() {
		e.DoorsOpenAt = e.StartsAt
	}
	if e.Reentry == "" {
		e.Reentry = Once
	}
	if err := e.Validate(); err != nil {
		return Event{}, err
	}
	for i, id := range e.Launches {
		if _, err := s.Launches.GetLaunch(ctx, brandID, id); err != nil {
			if metapass.ErrorCode(err) == metapass.ENOTFOUND {
				return Event{}, metapass.FieldError(fmt.Sprintf("launches[%d]", i), "is not a launch of this brand")
			}
			return Event{}, err
		}
	}
	if err := s.Store.CreateEvent(ctx, e); err != nil {
		return Event{}, fmt.Errorf("create event: %w", err)
	}
	return e, nil
}

// GetEvent returns brandID's event id.
func (s *Service) GetEvent(ctx context.Context, brandID, id string) (Event, error) {
	return s.Store.GetEvent(ctx, brandID, id)
}

// ListEvents returns brandID's events, soonest first.
func (s *Service) ListEvents(ctx context.Context, brandID string) ([]Event, error) {
	return s.Store.ListEvents(ctx, brandID)
}

// ListCheckins returns the audit trail of brandID's event, newest first.
func (s *Service) ListCheckins(ctx context.Context, brandID, eventID string, limit int) ([]Checkin, error) {
	if _, err := s.Store.GetEvent(ctx, brandID, eventID); err != nil {
		return nil, err
	}
	return s.Store.ListCheckins(ctx, brandID, eventID, limit)
}

// StaffWindow is the window of a new staff key for e: from and until when
// given, else the doors' opening and the event's end.
func (e Event) StaffWindow(from, until *time.Time) (time.Time, time.Time) {
	f, u := e.DoorsOpenAt, e.EndsAt
	if from != nil {
		f = *from
	}
	if until != nil {
		u = *until
	}
	return f.UTC(), u.UTC()
}

// EntryCode issues the code wallet shows at eventID's door for its pass
// tokenID of launchID. Within one rotation period the same code comes
// back. The wallet must hold the pass (per the ownership index) and the
// pass's launch must admit to the event.
func (s *Service) EntryCode(ctx context.Context, brandID, eventID, launchID string, tokenID uint64, wallet string) (Code, string, error) {
	e, err := s.Store.GetEvent(ctx, brandID, eventID)
	if err != nil {
		return Code{}, "", err
	}
	now := s.Now().UTC()
	if !now.Before(e.EndsAt) {
		return Code{}, "", metapass.RuleError("event_ended", "the event ended at %s", e.EndsAt.Format(time.RFC3339))
	}
	if !slices.Contains(e.Launches, launchID) {
		return Code{}, "", &metapass.Error{Code: metapass.EFORBIDDEN, Rule: ReasonWrongEvent, Field: "launch_id",
			Message: "passes of this launch do not admit to this event"}
	}
	l, err := s.Launches.GetLaunch(ctx, brandID, launchID)
	if err != nil {
		return Code{}, "", err
	}
	if _, ok, err := s.holding(ctx, l, tokenID, wallet); err != nil || !ok {
		if err == nil {
			err = &metapass.Error{Code: metapass.EFORBIDDEN, Rule: "not_holding", Message: fmt.Sprintf("%s does not hold token %d of this launch", wallet, tokenID)}
		}
		return Code{}, "", err
	}
	issued := now.Truncate(CodeRotation)
	c := Code{EventID: e.ID, ChainID: l.ChainID, Contract: l.Contract, TokenID: tokenID, Holder: wallet,
		IssuedAt: issued, ExpiresAt: issued.Add(CodeLife)}
	return c, c.Sign(s.Key), nil
}

// holding returns the index's record of wallet holding tokenID of l.
func (s *Service) holding(ctx context.Context, l passes.Launch, tokenID uint64, wallet string) (passes.Holding, bool, error) {
	if l.Contract == "" {
		return passes.Holding{}, false, nil
	}
	hs, err := s.Index.Holdings(ctx, l.ChainID, wallet)
	if err != nil {
		return passes.Holding{}, false, fmt.Errorf("holdings of %s: %w", wallet, err)
	}
	for _, h := range hs {
		if strings.EqualFold(h.Contract, l.Contract) && h.TokenID == tokenID {
			return h, true, nil
		}
	}
	return passes.Holding{}, false, nil
}

// ErrNotScoped means a staff credential may not scan at this event now.
var ErrNotScoped = &metapass.Error{Code: metapass.EFORBIDDEN, Rule: "staff_scope",
	Message: "this staff key is not valid for this event at this time; issue one with POST /v1/events/{id}/staff-keys"}

// CheckIn answers a scan of code by staff at gate of brandID's event:
// admitted (or exited, for an exit scan) or rejected with one reason.
// Every scan is recorded. A pass is admitted once per event: concurrent
// scans of one code give exactly one admission, since the admission is
// written in one serializable transaction.
func (s *Service) CheckIn(ctx context.Context, brandID, eventID string, staff Staff, code, gate, direction string) (Checkin, error) {
	e, err := s.Store.GetEvent(ctx, brandID, eventID)
	if err != nil {
		return Checkin{}, err
	}
	now := s.Now().UTC()
	if staff.EventID != e.ID || now.Before(staff.ValidFrom) || !now.Before(staff.ValidUntil) {
		return Checkin{}, ErrNotScoped
	}
	if direction == "" {
		direction = In
	}
	if direction == Out && e.Reentry != ReentryAllowed {
		return Checkin{}, metapass.FieldError("direction", "exit scans are for events that allow re-entry")
	}
	ck := Checkin{ID: metapass.NewID("chk"), EventID: e.ID, BrandID: brandID, StaffKeyID: staff.KeyID, Gate: gate, Direction: direction, At: now}
	reject := func(reason string) (Checkin, error) {
		ck.Result, ck.Reason = Rejected, reason
		if err := s.Store.InsertCheckin(ctx, ck); err != nil {
			return Checkin{}, fmt.Errorf("record scan: %w", err)
		}
		return ck, nil
	}

	c, err := ParseCode(code, s.Key.Public().(ed25519.PublicKey))
	if err != nil {
		return reject(ReasonBadSignature)
	}
	ck.Holder = &Holder{Wallet: c.Holder}
	if c.EventID != e.ID {
		return reject(ReasonWrongEvent)
	}
	if now.Before(c.IssuedAt.Add(-time.Minute)) || !now.Before(c.ExpiresAt) {
		return reject(ReasonExpiredCode)
	}
	if !e.open(now) {
		return reject(ReasonOutsideHours)
	}
	l, err := s.launchOf(ctx, e, c)
	if err != nil {
		return Checkin{}, err
	}
	if l == nil {
		return reject(ReasonWrongEvent)
	}
	ck.Pass = &PassRef{LaunchID: l.ID, ChainID: l.ChainID, Contract: l.Contract, TokenID: c.TokenID}
	// Refunded first: once the refund's burn lands the chain would only
	// say the owner changed.
	p, err := s.Launches.GetPass(ctx, l.ID, c.TokenID)
	if err != nil {
		return Checkin{}, fmt.Errorf("pass %d: %w", c.TokenID, err)
	}
	if p.Refund {
		return reject(ReasonRefunded)
	}
	if p.ChainTokenID == "" { // no mint has carried it: nobody holds it
		return reject(ReasonNotOwnerNow)
	}
	owner, err := s.ownerNow(ctx, l.Contract, p.ChainTokenID)
	if err != nil {
		return Checkin{}, &metapass.Error{Code: metapass.EUNAVAILABLE, Message: fmt.Sprintf("the chain did not answer who holds the pass: %v", err)}
	}
	if !strings.EqualFold(owner, c.Holder) {
		return reject(ReasonNotOwnerNow)
	}
	if err := s.summarize(ctx, *l, c, ck.Holder); err != nil {
		return Checkin{}, err
	}

	var reason string
	err = s.Store.InTx(ctx, func(tx Tx) error {
		reason, ck.Result, ck.Reason = "", "", "" // from scratch when the transaction is run again
		e, err := tx.EventForUpdate(ctx, brandID, eventID)
		if err != nil {
			return err
		}
		a, seen, err := tx.Admission(ctx, e.ID, l.ID, c.TokenID)
		if err != nil {
			return err
		}
		admitted, inside := e.Admitted, e.Inside
		switch {
		case direction == Out && (!seen || !a.Inside):
			reason = ReasonNotInside
		case direction == Out:
			a.Inside, a.LastAt, inside = false, now, inside-1
			ck.Result = Exited
		case seen && (a.Inside || e.Reentry == Once):
			reason = ReasonAlreadyCheckedIn
		case inside >= e.Capacity:
			reason = ReasonCapacityFull
		default:
			if !seen {
				a = Admission{EventID: e.ID, LaunchID: l.ID, TokenID: c.TokenID, FirstAt: now}
				admitted++
			}
			a.Inside, a.LastAt, inside = true, now, inside+1
			ck.Result = Admitted
		}
		if reason != "" {
			ck.Result, ck.Reason = Rejected, reason
			return tx.InsertCheckin(ctx, ck)
		}
		if err := tx.PutAdmission(ctx, a); err != nil {
			return err
		}
		if err := tx.SetCounts(ctx, e.ID, admitted, inside); err != nil {
			return err
		}
		if err := tx.InsertCheckin(ctx, ck); err != nil {
			return err
		}
		if ck.Result != Admitted {
			return nil
		}
		return tx.Emit(ctx, metapass.NewEvent(EventAdmitted, brandID, now, ck))
	})
	if err != nil {
		return Checkin{}, err
	}
	return ck, nil
}

// launchOf returns the launch of e whose contract c names, or nil.
func (s *Service) launchOf(ctx context.Context, e Event, c Code) (*passes.Launch, error) {
	l, err := s.Launches.LaunchByContract(ctx, c.ChainID, c.Contract)
	switch {
	case metapass.ErrorCode(err) == metapass.ENOTFOUND:
		return nil, nil
	case err != nil:
		return nil, err
	case l.BrandID != e.BrandID || !slices.Contains(e.Launches, l.ID):
		return nil, nil
	}
	return &l, nil
}

// ownerNow reads the owner of the token with the (decimal) id tokenID on
// chain at the confirmed head.
func (s *Service) ownerNow(ctx context.Context, contract string, tokenID string) (string, error) {
	head, err := s.Chain.Head(ctx)
	if err != nil {
		return "", err
	}
	depth := max(s.Confirmations, 1) - 1
	if head < depth {
		return "", errors.New("the chain is shorter than the confirmation depth")
	}
	return s.Chain.OwnerOfAt(ctx, contract, tokenID, head-depth)
}

// summarize fills in what the index knows of the holder: how many passes
// of this launch they hold, and since when this one.
func (s *Service) summarize(ctx context.Context, l passes.Launch, c Code, h *Holder) error {
	hs, err := s.Index.Holdings(ctx, l.ChainID, c.Holder)
	if err != nil {
		return fmt.Errorf("holdings of %s: %w", c.Holder, err)
	}
	for _, x := range hs {
		if !strings.EqualFold(x.Contract, l.Contract) {
			continue
		}
		h.PassesHeld++
		if x.TokenID == c.TokenID {
			since := x.Since
			h.HeldSince = &since
		}
	}
	return nil
}
