package perks

import "time"

// Redeemed is one count of a perk's redemptions, grouped by period, wallet
// and token, as an adapter reads them to answer Store.Used.
type Redeemed struct {
	PerkID string
	Limit  Period   // the perk's limit period
	Period string   // the period key the redemptions were made in
	Mine   bool     // made by the wallet Used asks about
	Token  TokenKey // the token they were charged to
	N      int
}

// AddUsed adds r to used, by perk, when r falls in its perk's current
// period at now; older periods no longer count against a limit.
func AddUsed(used map[string]Usage, r Redeemed, now time.Time) {
	if r.Period != r.Limit.Key(now) {
		return
	}
	u, ok := used[r.PerkID]
	if !ok {
		u = Usage{Tokens: map[TokenKey]int{}}
	}
	u.Tokens[r.Token] += r.N
	if r.Mine {
		u.Wallet += r.N
	}
	used[r.PerkID] = u
}
