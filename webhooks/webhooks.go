// Package webhooks tells brands' systems what happened: endpoints
// subscribe to event types, each event becomes one delivery per endpoint,
// and deliveries are signed (Standard Webhooks), retried with exponential
// backoff for a day, listed and redelivered. Events come from an outbox
// written in the same transaction as the change they describe, so a
// committed change is delivered at least once, also across restarts.
package webhooks

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"time"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/egress"
)

// Types are the event types an endpoint may subscribe to.
var Types = []string{
	"order.minted", "order.failed", "order.refunded", "pass.transferred", "pass.claimed", "perk.redeemed", "checkin.admitted",
}

// Endpoint is where a brand wants events of some types delivered.
type Endpoint struct {
	ID        string    `json:"id"`
	BrandID   string    `json:"brand_id"`
	URL       string    `json:"url"`
	Events    []string  `json:"events"`
	Secret    string    `json:"-"` // signs deliveries; shown once, at creation
	CreatedAt time.Time `json:"created_at"`
}

// Delivery states.
const (
	Pending   = "pending"
	Delivered = "delivered"
	Failed    = "failed" // gave up after RetryFor; can be redelivered
)

// Delivery is one event on its way to one endpoint.
type Delivery struct {
	ID          string     `json:"id"`
	EndpointID  string     `json:"endpoint_id"`
	EventID     string     `json:"event_id"`
	EventType   string     `json:"event_type"`
	State       string     `json:"state"`
	Attempts    int        `json:"attempts"`
	NextAt      *time.Time `json:"next_attempt_at,omitempty"`
	LastStatus  int        `json:"last_status,omitempty"`
	LastError   string     `json:"last_error,omitempty"`
	CreatedAt   time.Time  `json:"created_at"`
	DeliveredAt *time.Time `json:"delivered_at,omitempty"`
}

// Due is a delivery claimed for an attempt, with what sending it needs.
type Due struct {
	Delivery
	URL     string
	Secret  string
	Payload []byte
}

// Store persists endpoints, the outbox and deliveries. Lookups scoped by
// brandID return ENOTFOUND for another brand's records.
type Store interface {
	CreateEndpoint(ctx context.Context, e Endpoint) error
	ListEndpoints(ctx context.Context, brandID string) ([]Endpoint, error)
	DeleteEndpoint(ctx context.Context, brandID, id string) error
	// FanOut turns up to limit outbox events into deliveries, one per
	// endpoint subscribed to the event's type, due at once; it returns how
	// many events it took.
	FanOut(ctx context.Context, limit int, now time.Time) (int, error)
	// ClaimDue returns the pending deliveries due at now that c allows,
	// oldest first, and moves their next attempt to now+lease, so no other
	// worker takes them.
	ClaimDue(ctx context.Context, now time.Time, lease time.Duration, c Claim) ([]Due, error)
	// SaveAttempts stores deliveries after their attempts.
	SaveAttempts(ctx context.Context, ds []Delivery) error
	// ListDeliveries returns brandID's deliveries, of endpointID when not
	// empty, newest first.
	ListDeliveries(ctx context.Context, brandID, endpointID string, limit int) ([]Delivery, error)
	// Redeliver makes brandID's delivery id pending and due at now.
	Redeliver(ctx context.Context, brandID, id string, now time.Time) (Delivery, error)
}

// Claim says which due deliveries one dispatcher may take: at most Limit,
// and no more of one endpoint than bring what it holds of it to
// PerEndpoint, so endpoints that hang hold only their own share.
type Claim struct {
	Limit       int
	PerEndpoint int
	// InFlight counts the deliveries the dispatcher holds (under way or
	// waiting for a free attempt), by endpoint.
	InFlight map[string]int
}

// Full lists the endpoints with no attempt to spare.
func (c Claim) Full() []string {
	full := []string{}
	for id, n := range c.InFlight {
		if n >= c.PerEndpoint {
			full = append(full, id)
		}
	}
	return full
}

// Candidates is how many of the oldest due deliveries, taking at most
// PerEndpoint of each endpoint not full, always hold what Allot would keep
// of them all: Allot passes over at most InFlight[e] of endpoint e's.
func (c Claim) Candidates() int {
	n := c.Limit
	for _, held := range c.InFlight {
		if held < c.PerEndpoint {
			n += held
		}
	}
	return n
}

// Allot keeps, of candidates ordered oldest first, those the claim allows.
func (c Claim) Allot(candidates []Due) []Due {
	taken := map[string]int{}
	out := candidates[:0:0]
	for _, x := range candidates {
		if len(out) == c.Limit {
			break
		}
		if c.InFlight[x.EndpointID]+taken[x.EndpointID] < c.PerEndpoint {
			taken[x.EndpointID]++
			out = append(out, x)
		}
	}
	return out
}

// Service is what brands do with their endpoints and deliveries.
type Service struct {
	Store Store
	Now   func() time.Time
	// Targets decides which endpoint URLs are accepted: https to public
	// addresses, or also http and private addresses when
	// Targets.AllowPrivate (local development and tests). Deliveries go
	// through a client built from the same options, which checks again at
	// every connection.
	Targets egress.Options
}

// CreateEndpoint registers url for events of types; the returned secret
// (whsec_…) signs its deliveries and is shown only here.
func (s *Service) CreateEndpoint(ctx context.Context, brandID, rawURL string, types []string) (Endpoint, string, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" || u.Hostname() == "" {
		return Endpoint{}, "", metapass.FieldError("url", "must be an absolute https URL")
	}
	switch err := s.Targets.CheckURL(ctx, u); {
	case errors.Is(err, egress.ErrScheme):
		return Endpoint{}, "", metapass.FieldError("url", "must be an absolute https URL")
	case err != nil:
		return Endpoint{}, "", metapass.FieldError("url", "must not point at a loopback, private, link-local or other special-purpose address")
	}
	for i, t := range types {
		if !slices.Contains(Types, t) {
			return Endpoint{}, "", metapass.FieldError(fmt.Sprintf("events[%d]", i), "is not an event type")
		}
	}
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	e := Endpoint{ID: metapass.NewID("whk"), BrandID: brandID, URL: u.String(), Events: slices.Compact(slices.Sorted(slices.Values(types))),
		Secret: "whsec_" + base64.StdEncoding.EncodeToString(key), CreatedAt: s.Now().UTC()}
	if err := s.Store.CreateEndpoint(ctx, e); err != nil {
		return Endpoint{}, "", fmt.Errorf("create endpoint: %w", err)
	}
	return e, e.Secret, nil
}

// ListEndpoints returns brandID's endpoints, without secrets.
func (s *Service) ListEndpoints(ctx context.Context, brandID string) ([]Endpoint, error) {
	return s.Store.ListEndpoints(ctx, brandID)
}

// DeleteEndpoint stops deliveries to brandID's endpoint id.
func (s *Service) DeleteEndpoint(ctx context.Context, brandID, id string) error {
	return s.Store.DeleteEndpoint(ctx, brandID, id)
}

// ListDeliveries returns brandID's recent deliveries.
func (s *Service) ListDeliveries(ctx context.Context, brandID, endpointID string, limit int) ([]Delivery, error) {
	return s.Store.ListDeliveries(ctx, brandID, endpointID, limit)
}

// Redeliver sends brandID's delivery id again now, whatever its state; its
// id, and so the receiver's de-duplication, stays the same.
func (s *Service) Redeliver(ctx context.Context, brandID, id string) (Delivery, error) {
	return s.Store.Redeliver(ctx, brandID, id, s.Now().UTC())
}
