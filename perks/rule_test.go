package perks

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/metapass/metapass"
)

func TestEvaluate(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	daysAgo := func(d int) time.Time { return now.Add(-time.Duration(d) * 24 * time.Hour) }
	gold := map[string]string{"Tier": "Gold"}
	silver := map[string]string{"Tier": "Silver"}
	wallet := []Held{
		{LaunchID: "xo", TokenID: 1, Since: daysAgo(40), Attributes: gold},
		{LaunchID: "xo", TokenID: 7, Since: daysAgo(2), Attributes: silver},
		{LaunchID: "vsop", TokenID: 100, Since: daysAgo(10), Attributes: silver},
	}
	holds := func(h Holds) Rule { return Rule{Holds: &h} }
	cases := []struct {
		name   string
		rule   Rule
		held   []Held
		want   bool
		reason string
		tokens int
	}{
		{"holds one", holds(Holds{Launches: []string{"xo"}}), wallet, true, "", 2},
		{"holds nothing", holds(Holds{Launches: []string{"xo"}}), nil, false, ReasonNotHolding, 0},
		{"other launch", holds(Holds{Launches: []string{"cognac"}}), wallet, false, ReasonNotHolding, 0},
		{"one of two launches", holds(Holds{Launches: []string{"cognac", "vsop"}}), wallet, true, "", 1},
		{"at least 2", holds(Holds{Launches: []string{"xo"}, Min: 2}), wallet, true, "", 2},
		{"at least 3", holds(Holds{Launches: []string{"xo"}, Min: 3}), wallet, false, ReasonNotHolding, 0},
		{"at least 3 across launches", holds(Holds{Launches: []string{"xo", "vsop"}, Min: 3}), wallet, true, "", 3},
		{"at most 1, holds 2", holds(Holds{Launches: []string{"xo"}, Max: 1}), wallet, false, ReasonHoldsTooMany, 0},
		{"at most 2, holds 2", holds(Holds{Launches: []string{"xo"}, Max: 2}), wallet, true, "", 2},
		{"token id exact", holds(Holds{Launches: []string{"xo"}, TokenIDs: []TokenRange{{From: 7}}}), wallet, true, "", 1},
		{"token id range", holds(Holds{Launches: []string{"xo"}, TokenIDs: []TokenRange{{From: 2, To: 6}}}), wallet, false, ReasonNotHolding, 0},
		{"token id ranges", holds(Holds{Launches: []string{"xo"}, TokenIDs: []TokenRange{{From: 2, To: 6}, {From: 1, To: 1}}}), wallet, true, "", 1},
		{"attribute value", holds(Holds{Launches: []string{"xo", "vsop"}, Attributes: map[string][]string{"Tier": {"Gold"}}}), wallet, true, "", 1},
		{"attribute values", holds(Holds{Launches: []string{"xo", "vsop"}, Min: 3, Attributes: map[string][]string{"Tier": {"Gold", "Silver"}}}), wallet, true, "", 3},
		{"attribute missing", holds(Holds{Launches: []string{"xo"}, Attributes: map[string][]string{"Cask": {"Oak"}}}), wallet, false, ReasonNotHolding, 0},
		{"held 30 days", holds(Holds{Launches: []string{"xo"}, HeldDays: 30}), wallet, true, "", 1},
		{"held 30 days, two needed", holds(Holds{Launches: []string{"xo"}, Min: 2, HeldDays: 30}), wallet, false, ReasonHeldTooShort, 0},
		{"held 60 days", holds(Holds{Launches: []string{"xo", "vsop"}, HeldDays: 60}), wallet, false, ReasonHeldTooShort, 0},
		{"held exactly the days", holds(Holds{Launches: []string{"vsop"}, HeldDays: 10}), wallet, true, "", 1},
		{"all met", Rule{All: []Rule{holds(Holds{Launches: []string{"xo"}}), holds(Holds{Launches: []string{"vsop"}})}}, wallet, true, "", 3},
		{"all, one unmet", Rule{All: []Rule{holds(Holds{Launches: []string{"xo"}}), holds(Holds{Launches: []string{"cognac"}})}}, wallet, false, ReasonNotHolding, 0},
		{"any, one met", Rule{Any: []Rule{holds(Holds{Launches: []string{"cognac"}}), holds(Holds{Launches: []string{"vsop"}})}}, wallet, true, "", 1},
		{"any, none met", Rule{Any: []Rule{holds(Holds{Launches: []string{"cognac"}}), holds(Holds{Launches: []string{"rum"}})}}, wallet, false, ReasonNotHolding, 0},
		{"any, nearest miss is too short", Rule{Any: []Rule{holds(Holds{Launches: []string{"cognac"}}), holds(Holds{Launches: []string{"vsop"}, HeldDays: 99})}}, wallet, false, ReasonHeldTooShort, 0},
		{"none, nothing matches", Rule{None: []Rule{holds(Holds{Launches: []string{"cognac"}})}}, wallet, true, "", 0},
		{"none, one matches", Rule{None: []Rule{holds(Holds{Launches: []string{"cognac"}}), holds(Holds{Launches: []string{"vsop"}})}}, wallet, false, ReasonExcluded, 0},
		{"nested: xo gold and not vsop", Rule{All: []Rule{
			holds(Holds{Launches: []string{"xo"}, Attributes: map[string][]string{"Tier": {"Gold"}}}),
			{None: []Rule{holds(Holds{Launches: []string{"vsop"}})}},
		}}, wallet, false, ReasonExcluded, 0},
		{"nested: any of (2 xo held 30d) or (vsop and gold)", Rule{Any: []Rule{
			holds(Holds{Launches: []string{"xo"}, Min: 2, HeldDays: 30}),
			{All: []Rule{holds(Holds{Launches: []string{"vsop"}}), holds(Holds{Launches: []string{"xo"}, Attributes: map[string][]string{"Tier": {"Gold"}}})}},
		}}, wallet, true, "", 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := c.rule.Validate(); err != nil {
				t.Fatalf("rule invalid: %v", err)
			}
			v := c.rule.Evaluate(c.held, now)
			if v.Eligible != c.want || v.Reason != c.reason || len(v.Tokens) != c.tokens {
				t.Fatalf("got eligible=%v reason=%q tokens=%d, want %v %q %d", v.Eligible, v.Reason, len(v.Tokens), c.want, c.reason, c.tokens)
			}
		})
	}
}

func TestRuleValidate(t *testing.T) {
	deep := `{"holds":{"launches":["x"]}}`
	for range 9 {
		deep = `{"all":[` + deep + `]}`
	}
	leaf := `{"holds":{"launches":["x"]}}`
	wide := `{"any":[` + leaf + strings.Repeat(","+leaf, MaxRuleTerms) + `]}`
	big := `{"holds":{"launches":["x"],"attributes":{"t":["` + strings.Repeat("v", MaxRuleBytes) + `"]}}}`
	cases := []struct {
		name, json, field string
	}{
		{"empty", `{}`, "rule"},
		{"two kinds", `{"holds":{"launches":["x"]},"all":[{"holds":{"launches":["x"]}}]}`, "rule"},
		{"no launches", `{"holds":{}}`, "rule.holds.launches"},
		{"max below min", `{"holds":{"launches":["x"],"min":3,"max":2}}`, "rule.holds.max"},
		{"max below default min", `{"holds":{"launches":["x"],"max":-1}}`, "rule.holds.max"},
		{"negative days", `{"holds":{"launches":["x"],"held_days":-1}}`, "rule.holds.held_days"},
		{"reversed range", `{"holds":{"launches":["x"],"token_ids":[{"from":5,"to":2}]}}`, "rule.holds.token_ids[0].to"},
		{"empty all", `{"all":[]}`, "rule.all"},
		{"bad child", `{"any":[{"holds":{"launches":["x"]}},{}]}`, "rule.any[1]"},
		{"too deep", deep, ""},
		{"too many terms", wide, "rule.any[63]"},
		{"too large", big, "rule"},
		{"days overflowing", `{"holds":{"launches":["x"],"held_days":4611686018427387904}}`, "rule.holds.held_days"},
		{"min beyond bounds", `{"holds":{"launches":["x"],"min":1000001}}`, "rule.holds.min"},
		{"max beyond bounds", `{"holds":{"launches":["x"],"max":1000001}}`, "rule.holds.max"},
		{"token id beyond int64", `{"holds":{"launches":["x"],"token_ids":[{"from":9223372036854775808}]}}`, "rule.holds.token_ids[0].from"},
		{"NUL in a value", `{"holds":{"launches":["x"],"attributes":{"t":["a\u0000b"]}}}`, "rule.holds.attributes.t"},
		{"bidi in a launch", `{"holds":{"launches":["x\u202e"]}}`, "rule.holds.launches[0]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var r Rule
			if err := json.Unmarshal([]byte(c.json), &r); err != nil {
				t.Fatal(err)
			}
			err := r.Validate()
			var e *metapass.Error
			if !errors.As(err, &e) || e.Code != metapass.EINVALID || c.field != "" && e.Field != c.field {
				t.Fatalf("Validate() = %v, want EINVALID on %q", err, c.field)
			}
		})
	}
}
