// Package storetest is the contract every storage adapter (sqlite,
// postgres) must keep, run against each through the interfaces the
// services use: scoping by brand, idempotency, and the limits that must
// hold under concurrent transactions.
package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/custody"
	"github.com/metapass/metapass/customers"
	"github.com/metapass/metapass/events"
	"github.com/metapass/metapass/metrics"
	"github.com/metapass/metapass/passes"
	"github.com/metapass/metapass/perks"
	"github.com/metapass/metapass/retention"
	"github.com/metapass/metapass/webhooks"
)

// PassStore is what one adapter's pass store implements.
type PassStore interface {
	passes.Store
	passes.MintStore
}

// Stores are one adapter's stores over one fresh database.
type Stores struct {
	Brands    brands.Store
	Passes    PassStore
	Ownership passes.OwnershipStore
	Perks     perks.Store
	Customers customers.Store
	Events    events.Store
	Webhooks  webhooks.Store
	Claims    custody.ClaimStore
	Retention retention.Store
	Stats     metrics.Stats
	// ListenOutbox calls notify after commits of outbox events until ctx
	// is done.
	ListenOutbox func(ctx context.Context, notify func())
}

// Run runs the suite; open returns the stores of a new, empty database,
// closed when its test ends.
func Run(t *testing.T, open func(t *testing.T) Stores) {
	for _, tc := range []struct {
		name string
		run  func(*testing.T, Stores)
	}{
		{"brands", testBrands},
		{"keys", testKeys},
		{"launches", testLaunches},
		{"orders", testOrders},
		{"orders/supply cap under concurrency", testSupplyCap},
		{"orders/one order placed concurrently", testConcurrentReplay},
		{"orders/refund", testRefund},
		{"orders/limits under concurrency", testOrderLimits},
		{"customers", testCustomers},
		{"perks", testPerks},
		{"perks/limits under concurrency", testPerkLimits},
		{"events", testEvents},
		{"events/admission under concurrency", testAdmission},
		{"webhooks", testWebhooks},
		{"webhooks/claim under concurrency", testClaimDue},
		{"webhooks/claim per endpoint", testClaimPerEndpoint},
		{"webhooks/outbox commits notify", testOutboxNotifies},
		{"ownership", testOwnership},
		{"ownership/confirmed mint held at once", testConfirmedMintHeld},
		{"claims", testClaims},
		{"mint", testMint},
		{"mint/drop and reopen", testMintDropReopen},
		{"mint/lease", testLease},
		{"mint/queue window", testQueueWindow},
		{"mint/collections", testCollections},
		{"retention", testRetention},
		{"stats", testStats},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.run(t, open(t)) })
	}
}

const (
	brandA  = "brd_a"
	brandB  = "brd_b"
	chainID = 1337
	walletA = "0x1111111111111111111111111111111111111111"
	walletB = "0x2222222222222222222222222222222222222222"
)

// now is a time every adapter stores exactly (milliseconds, UTC).
func now() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }

// seed creates brands A and B.
func seed(t *testing.T, s Stores) {
	t.Helper()
	for _, id := range []string{brandA, brandB} {
		if err := s.Brands.CreateBrand(t.Context(), brands.Brand{ID: id, Name: "Brand " + id, CreatedAt: now()}); err != nil {
			t.Fatal(err)
		}
	}
}

func service(s Stores) *passes.Service {
	return &passes.Service{Store: s.Passes, ChainID: chainID, Now: time.Now}
}

// launch creates and publishes a launch of brand A with supply cap n and
// one SKU "A" worth one pass.
func launch(t *testing.T, s Stores, n int64) passes.Launch {
	t.Helper()
	svc := service(s)
	l, err := svc.CreateLaunch(t.Context(), brandA, passes.Launch{Name: "XO", Symbol: "XO", SupplyCap: n,
		SKUs: []passes.SKU{{SKU: "A", PassesPerUnit: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	if l, err = svc.Transition(t.Context(), brandA, l.ID, passes.Publish); err != nil {
		t.Fatal(err)
	}
	return l
}

func order(t *testing.T, s Stores, launchID, orderID string, qty int, wallet string) passes.Order {
	t.Helper()
	o, _, err := service(s).PlaceOrder(t.Context(), brandA, launchID, passes.OrderRequest{OrderID: orderID, SKU: "A", Quantity: qty, Wallet: wallet})
	if err != nil {
		t.Fatalf("order %s: %v", orderID, err)
	}
	return o
}

// wantCode fails t unless err carries code.
func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if got := metapass.ErrorCode(err); got != code {
		t.Errorf("%s: error %v (code %q), want code %q", what, err, got, code)
	}
}

// concurrently runs fn(i) for i < n at once and returns their errors.
func concurrently(n int, fn func(i int) error) []error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			<-start
			errs[i] = fn(i)
		})
	}
	close(start)
	wg.Wait()
	return errs
}

// tally counts nil errors and fails t on any error without code.
func tally(t *testing.T, errs []error, code string) int {
	t.Helper()
	ok := 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case metapass.ErrorCode(err) != code:
			t.Errorf("unexpected error: %v", err)
		}
	}
	return ok
}

// errLimit is what the suite's redemptions return past a limit.
var errLimit = metapass.Errorf(metapass.ECONFLICT, "limit reached")

func txHash(n int) string { return fmt.Sprintf("0x%064x", n) }
