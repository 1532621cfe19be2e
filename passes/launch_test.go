package passes

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/metapass/metapass"
)

func validLaunch() Launch {
	return Launch{Name: "XO", Symbol: "XO", SupplyCap: 10, SKUs: []SKU{{SKU: "A", PassesPerUnit: 1}}}
}

func TestLaunchValidate(t *testing.T) {
	at := func(h int) *time.Time { v := time.Date(2026, 1, 1, h, 0, 0, 0, time.UTC); return &v }
	cases := []struct {
		name  string
		edit  func(*Launch)
		field string // "" = valid
	}{
		{"valid", func(*Launch) {}, ""},
		{"blank name", func(l *Launch) { l.Name = "  " }, "name"},
		{"blank symbol", func(l *Launch) { l.Symbol = "" }, "symbol"},
		{"no supply", func(l *Launch) { l.SupplyCap = 0 }, "supply_cap"},
		{"negative wallet cap", func(l *Launch) { l.PerWalletCap = -1 }, "per_wallet_cap"},
		{"window reversed", func(l *Launch) { l.SaleStartsAt, l.SaleEndsAt = at(2), at(1) }, "sale_ends_at"},
		{"window empty", func(l *Launch) { l.SaleStartsAt, l.SaleEndsAt = at(1), at(1) }, "sale_ends_at"},
		{"window ok", func(l *Launch) { l.SaleStartsAt, l.SaleEndsAt = at(1), at(2) }, ""},
		{"no SKU", func(l *Launch) { l.SKUs = nil }, "skus"},
		{"duplicate SKU", func(l *Launch) { l.SKUs = append(l.SKUs, SKU{SKU: "A", PassesPerUnit: 1}) }, "skus"},
		{"zero passes per unit", func(l *Launch) { l.SKUs[0].PassesPerUnit = 0 }, "skus[0].passes_per_unit"},
		{"royalty too high", func(l *Launch) { l.RoyaltyBps, l.RoyaltyReceiver = 10001, "0x1" }, "royalty_bps"},
		{"royalty without receiver", func(l *Launch) { l.RoyaltyBps = 500 }, "royalty_receiver"},
		{"cap below ordered", func(l *Launch) { l.Allocated = 11 }, "supply_cap"},
		{"name at the contract's 255 bytes", func(l *Launch) { l.Name = strings.Repeat("é", 127) + "x" }, ""},
		{"name beyond 255 bytes", func(l *Launch) { l.Name = strings.Repeat("🎟", 64) }, "name"},
		{"NUL in name", func(l *Launch) { l.Name = "a\x00b" }, "name"},
		{"bidi override in symbol", func(l *Launch) { l.Symbol = "X\u202eO" }, "symbol"},
		{"line break in name", func(l *Launch) { l.Name = "a\nb" }, "name"},
		{"lines in description", func(l *Launch) { l.Description = "one\ntwo" }, ""},
		{"javascript image", func(l *Launch) { l.ImageURL = "javascript:alert(1)" }, "image_url"},
		{"data external URL", func(l *Launch) { l.ExternalURL = "data:text/html,x" }, "external_url"},
		{"http image to localhost", func(l *Launch) { l.ImageURL = "http://localhost:8080/a.png" }, ""},
		{"control in attribute value", func(l *Launch) { l.Attributes = []Attribute{{TraitType: "T", Value: "a\x1bb"}} }, "attributes[0].value"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := validLaunch()
			c.edit(&l)
			err := l.Validate()
			var me *metapass.Error
			switch {
			case c.field == "" && err != nil:
				t.Fatalf("unexpected error %v", err)
			case c.field != "" && (err == nil || !errors.As(err, &me) || me.Field != c.field || me.Code != metapass.EINVALID):
				t.Fatalf("error %v, want EINVALID on %s", err, c.field)
			}
		})
	}
}

func TestNextState(t *testing.T) {
	all := []LaunchState{LaunchDraft, LaunchDeploying, LaunchLive, LaunchPaused, LaunchEnded}
	want := map[Transition]map[LaunchState]LaunchState{
		Publish: {LaunchDraft: LaunchDeploying},
		Pause:   {LaunchDeploying: LaunchPaused, LaunchLive: LaunchPaused},
		Resume:  {LaunchPaused: LaunchLive},
		End:     {LaunchDeploying: LaunchEnded, LaunchLive: LaunchEnded, LaunchPaused: LaunchEnded},
	}
	for tr, allowed := range want {
		for _, from := range all {
			got, err := nextState(from, tr)
			if to, ok := allowed[from]; ok {
				if err != nil || got != to {
					t.Errorf("%s from %s: %s, %v; want %s", tr, from, got, err, to)
				}
			} else if metapass.ErrorCode(err) != metapass.ERULE {
				t.Errorf("%s from %s: %v, want ERULE", tr, from, err)
			}
		}
	}
}

func TestOnSale(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	before, after := now.Add(-time.Hour), now.Add(time.Hour)
	cases := []struct {
		name string
		l    Launch
		rule string
	}{
		{"live", Launch{State: LaunchLive}, ""},
		{"deploying", Launch{State: LaunchDeploying}, ""},
		{"draft", Launch{State: LaunchDraft}, "launch_not_published"},
		{"paused", Launch{State: LaunchPaused}, "launch_paused"},
		{"ended", Launch{State: LaunchEnded}, "launch_ended"},
		{"in window", Launch{State: LaunchLive, SaleStartsAt: &before, SaleEndsAt: &after}, ""},
		{"not open yet", Launch{State: LaunchLive, SaleStartsAt: &after}, "sale_window"},
		{"closed", Launch{State: LaunchLive, SaleEndsAt: &before}, "sale_window"},
		{"closes exactly now", Launch{State: LaunchLive, SaleEndsAt: &now}, "sale_window"},
		{"opens exactly now", Launch{State: LaunchLive, SaleStartsAt: &now}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.l.onSale(now)
			var me *metapass.Error
			if c.rule == "" && err != nil || c.rule != "" && (!errors.As(err, &me) || me.Rule != c.rule) {
				t.Fatalf("onSale = %v, want rule %q", err, c.rule)
			}
		})
	}
}

func TestSummarize(t *testing.T) {
	p := func(states ...PassState) []Pass {
		ps := make([]Pass, len(states))
		for i, s := range states {
			ps[i].State = s
		}
		return ps
	}
	cases := []struct {
		ps   []Pass
		want OrderState
	}{
		{p(PassQueued, PassQueued), OrderQueued},
		{p(PassQueued, PassSubmitted), OrderSubmitted},
		{p(PassMinted, PassQueued), OrderSubmitted},
		{p(PassMinted, PassMinted), OrderMinted},
		{p(PassMinted, PassFailed), OrderFailed},
		{p(PassMinted, PassWaitingForFunds), OrderWaitingForFunds},
		{p(PassWaitingForFunds, PassFailed), OrderFailed},
		{p(PassWaitingForFunds, PassSubmitted), OrderWaitingForFunds},
		{nil, OrderQueued},
	}
	for _, c := range cases {
		if got := summarize(c.ps); got != c.want {
			t.Errorf("summarize(%v) = %s, want %s", c.ps, got, c.want)
		}
	}
}

func TestRequestHash(t *testing.T) {
	r := OrderRequest{OrderID: "A", SKU: "S", Quantity: 1, Wallet: "0xAbC"}
	same := r
	same.Wallet = "0xabc"
	if string(r.hash("l")) != string(same.hash("l")) {
		t.Fatal("wallet case changed the hash")
	}
	for _, other := range []OrderRequest{{OrderID: "A", SKU: "S", Quantity: 2, Wallet: "0xabc"}, {OrderID: "A", SKU: "T", Quantity: 1, Wallet: "0xabc"}} {
		if string(r.hash("l")) == string(other.hash("l")) {
			t.Fatalf("%+v hashes like %+v", other, r)
		}
	}
	if string(r.hash("l")) == string(r.hash("m")) {
		t.Fatal("launch did not change the hash")
	}
}

func TestAttachPasses(t *testing.T) {
	orders := []Order{{ID: "ord_a", Passes: []Pass{}}, {ID: "ord_b", Passes: []Pass{}}}
	AttachPasses(orders, []Pass{
		{OrderID: "ord_b", TokenID: 1}, {OrderID: "ord_a", TokenID: 2}, {OrderID: "ord_x", TokenID: 3}, {OrderID: "ord_b", TokenID: 4},
	})
	got := map[string][]uint64{}
	for _, o := range orders {
		for _, p := range o.Passes {
			got[o.ID] = append(got[o.ID], p.TokenID)
		}
	}
	if fmt.Sprint(got) != "map[ord_a:[2] ord_b:[1 4]]" {
		t.Fatalf("attached %v, want ord_a [2], ord_b [1 4], ord_x's pass dropped", got)
	}
}
