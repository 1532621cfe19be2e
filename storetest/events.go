package storetest

import (
	"testing"
	"time"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/events"
)

// event creates an event of brand A on launchID with capacity n, open now.
func event(t *testing.T, s Stores, n int, launchID string) events.Event {
	t.Helper()
	at := now()
	e := events.Event{ID: metapass.NewID("evt"), BrandID: brandA, Name: "Launch party", Venue: "Cellar", StartsAt: at,
		EndsAt: at.Add(3 * time.Hour), DoorsOpenAt: at.Add(-time.Hour), Capacity: n, Launches: []string{launchID},
		Reentry: events.Once, CreatedAt: at}
	if err := s.Events.CreateEvent(t.Context(), e); err != nil {
		t.Fatal(err)
	}
	return e
}

// admit is the transaction of an entry scan: admit the pass once, within
// capacity.
func admit(t *testing.T, s Stores, eventID, launchID string, tokenID uint64, staff string) (admitted bool, err error) {
	ctx := t.Context()
	at := now()
	err = s.Events.InTx(ctx, func(tx events.Tx) error {
		admitted = false
		e, err := tx.EventForUpdate(ctx, brandA, eventID)
		if err != nil {
			return err
		}
		if _, seen, err := tx.Admission(ctx, eventID, launchID, tokenID); err != nil || seen || e.Inside >= e.Capacity {
			return err
		}
		if err := tx.PutAdmission(ctx, events.Admission{EventID: eventID, LaunchID: launchID, TokenID: tokenID, Inside: true,
			FirstAt: at, LastAt: at}); err != nil {
			return err
		}
		if err := tx.SetCounts(ctx, eventID, e.Admitted+1, e.Inside+1); err != nil {
			return err
		}
		c := events.Checkin{ID: metapass.NewID("chk"), EventID: eventID, BrandID: brandA, StaffKeyID: staff, Gate: "main",
			Direction: "in", Result: "admitted", Pass: &events.PassRef{LaunchID: launchID, TokenID: tokenID},
			Holder: &events.Holder{Wallet: walletA}, At: at}
		if err := tx.InsertCheckin(ctx, c); err != nil {
			return err
		}
		admitted = true
		return tx.Emit(ctx, metapass.NewEvent(events.EventAdmitted, brandA, at, c))
	})
	return admitted, err
}

func testEvents(t *testing.T, s Stores) {
	seed(t, s)
	ctx := t.Context()
	l := launch(t, s, 10)
	e := event(t, s, 1, l.ID)
	got, err := s.Events.GetEvent(ctx, brandA, e.ID)
	if err != nil || got.Name != e.Name || got.Launches[0] != l.ID || got.Reentry != events.Once || !got.StartsAt.Equal(e.StartsAt) ||
		!got.DoorsOpenAt.Equal(e.DoorsOpenAt) || got.Capacity != 1 {
		t.Fatalf("GetEvent: %+v %v", got, err)
	}
	_, err = s.Events.GetEvent(ctx, brandB, e.ID)
	wantCode(t, "another brand's event", err, metapass.ENOTFOUND)
	err = s.Events.InTx(ctx, func(tx events.Tx) error {
		_, err := tx.EventForUpdate(ctx, brandB, e.ID)
		return err
	})
	wantCode(t, "EventForUpdate of another brand", err, metapass.ENOTFOUND)
	if es, err := s.Events.ListEvents(ctx, brandB); err != nil || len(es) != 0 {
		t.Fatalf("brand B lists %+v %v", es, err)
	}

	for _, tc := range []struct {
		token uint64
		want  bool
	}{{1, true}, {1, false}, {2, false}} { // again; over capacity
		if ok, err := admit(t, s, e.ID, l.ID, tc.token, "key_s"); err != nil || ok != tc.want {
			t.Errorf("admit token %d: %v %v, want %v", tc.token, ok, err, tc.want)
		}
	}
	rejected := events.Checkin{ID: metapass.NewID("chk"), EventID: e.ID, BrandID: brandA, StaffKeyID: "key_s", Gate: "side",
		Direction: "in", Result: "rejected", Reason: "bad_code", At: now().Add(time.Second)}
	if err := s.Events.InsertCheckin(ctx, rejected); err != nil {
		t.Fatal(err)
	}
	cs, err := s.Events.ListCheckins(ctx, brandA, e.ID, 10)
	if err != nil || len(cs) != 2 || cs[0].Reason != "bad_code" || cs[0].Pass != nil || cs[0].Holder != nil ||
		cs[1].Pass == nil || cs[1].Pass.TokenID != 1 || cs[1].Pass.ChainID != chainID || cs[1].Holder.Wallet != walletA {
		t.Fatalf("ListCheckins: %+v %v", cs, err)
	}
	if cs, err := s.Events.ListCheckins(ctx, brandB, e.ID, 10); err != nil || len(cs) != 0 {
		t.Fatalf("brand B sees check-ins %+v %v", cs, err)
	}
}

// testAdmission: one pass scanned at 50 gates at once is admitted once;
// 30 passes scanned at once into 10 places admit 10.
func testAdmission(t *testing.T, s Stores) {
	seed(t, s)
	l := launch(t, s, 100)
	for _, tc := range []struct {
		name     string
		capacity int
		scans    int
		token    func(i int) uint64
		want     int
	}{
		{"one pass", 100, 50, func(int) uint64 { return 7 }, 1},
		{"capacity", 10, 30, func(i int) uint64 { return uint64(i + 1) }, 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := event(t, s, tc.capacity, l.ID)
			admitted := make([]bool, tc.scans)
			errs := concurrently(tc.scans, func(i int) (err error) {
				admitted[i], err = admit(t, s, e.ID, l.ID, tc.token(i), "key_s")
				return err
			})
			n := 0
			for i, err := range errs {
				if err != nil {
					t.Errorf("scan %d: %v", i, err)
				}
				if admitted[i] {
					n++
				}
			}
			got, err := s.Events.GetEvent(t.Context(), brandA, e.ID)
			if n != tc.want || err != nil || got.Admitted != tc.want || got.Inside != tc.want {
				t.Fatalf("%d admitted, event counts %d/%d %v; want %d", n, got.Admitted, got.Inside, err, tc.want)
			}
		})
	}
}
