package httpapi

import (
	"fmt"
	"math"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	"golang.org/x/time/rate"

	"github.com/metapass/metapass"
)

// Limits rate-limits requests with token buckets: per client IP on the
// anonymous routes (sign-in, metadata) and for failed authentications,
// per credential on authenticated ones. A nil *Limits limits nothing.
type Limits struct {
	anon, key *buckets
	// trusted are the proxies (load balancers) whose X-Forwarded-For is
	// believed: the client is the last address it names that is not one
	// of them.
	trusted []netip.Prefix
}

// NewLimits returns limits of anonPerSec requests a second per IP and
// keyPerSec per credential, each with a burst of four seconds' worth; 0
// turns a limit off.
func NewLimits(anonPerSec, keyPerSec float64) *Limits {
	return &Limits{anon: newBuckets(anonPerSec), key: newBuckets(keyPerSec)}
}

// TrustProxies makes requests arriving from the addresses or CIDR blocks
// of list (e.g. "10.0.0.0/8", "192.0.2.7") count against the client
// X-Forwarded-For names, not against the proxy.
func (l *Limits) TrustProxies(list []string) error {
	for _, item := range list {
		p, err := netip.ParsePrefix(item)
		if err != nil {
			a, aerr := netip.ParseAddr(item)
			if aerr != nil {
				return fmt.Errorf("trusted proxy %q is neither an address nor a CIDR block", item)
			}
			p = netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen())
		}
		l.trusted = append(l.trusted, p.Masked())
	}
	return nil
}

func (l *Limits) isTrusted(a netip.Addr) bool {
	for _, p := range l.trusted {
		if p.Contains(a.Unmap()) {
			return true
		}
	}
	return false
}

// maxBuckets bounds each bucket map; past it, new callers share one
// overflow bucket until idle ones are evicted.
const maxBuckets = 1 << 16

// buckets are token buckets by caller, evicted once idle long enough to
// have refilled (a full bucket is the same as a new one).
type buckets struct {
	limit rate.Limit
	burst int
	idle  time.Duration // time to refill from empty

	mu        sync.Mutex
	m         map[string]*bucket
	overflow  *rate.Limiter
	lastSweep time.Time
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

func newBuckets(perSec float64) *buckets {
	if perSec <= 0 {
		return nil
	}
	burst := max(1, int(math.Ceil(4*perSec)))
	return &buckets{limit: rate.Limit(perSec), burst: burst, m: map[string]*bucket{},
		overflow: rate.NewLimiter(rate.Limit(perSec), burst),
		idle:     time.Duration(float64(burst) / perSec * float64(time.Second))}
}

// take spends one token of caller's bucket; when there is none it
// returns how long until there is.
func (b *buckets) take(caller string, now time.Time) (time.Duration, bool) {
	if b == nil {
		return 0, true
	}
	b.mu.Lock()
	if now.Sub(b.lastSweep) >= b.idle {
		for k, bk := range b.m {
			if now.Sub(bk.seen) >= b.idle {
				delete(b.m, k)
			}
		}
		b.lastSweep = now
	}
	lim := b.overflow
	if bk, ok := b.m[caller]; ok {
		bk.seen, lim = now, bk.lim
	} else if len(b.m) < maxBuckets {
		lim = rate.NewLimiter(b.limit, b.burst)
		b.m[caller] = &bucket{lim: lim, seen: now}
	}
	b.mu.Unlock()
	r := lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return d, false
	}
	return 0, true
}

// len is how many callers have a bucket.
func (b *buckets) len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.m)
}

// tooMany answers 429 with Retry-After in whole seconds.
func tooMany(c *fiber.Ctx, wait time.Duration) error {
	c.Set(fiber.HeaderRetryAfter, strconv.Itoa(max(1, int(math.Ceil(wait.Seconds())))))
	return metapass.Errorf(metapass.ETOOMANY, "too many requests; retry after %s", c.GetRespHeader(fiber.HeaderRetryAfter)+"s")
}

// clientIP is the caller's address; IPv6 callers are grouped by /64,
// the block one host usually holds. Behind trusted proxies it is the
// rightmost address of X-Forwarded-For that is not a trusted proxy: the
// addresses left of it were written by the client, who could name anyone.
func (l *Limits) clientIP(c *fiber.Ctx) string {
	peer, ok := netip.AddrFromSlice(c.Context().RemoteIP())
	if !ok {
		return c.IP()
	}
	peer = peer.Unmap()
	if l.isTrusted(peer) {
		hops := strings.Split(c.Get(fiber.HeaderXForwardedFor), ",")
		for i := len(hops) - 1; i >= 0; i-- {
			a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
			if err != nil {
				break
			}
			if peer = a.Unmap(); !l.isTrusted(peer) {
				break
			}
		}
	}
	if peer.Is6() {
		return netip.PrefixFrom(peer, 64).Masked().Addr().String()
	}
	return peer.String()
}

// anonymous limits a route per client IP.
func (l *Limits) anonymous(c *fiber.Ctx) error {
	if err := l.chargeIP(c); err != nil {
		return err
	}
	return c.Next()
}

// chargeIP spends one of the caller IP's tokens, or answers 429.
func (l *Limits) chargeIP(c *fiber.Ctx) error {
	if l == nil {
		return nil
	}
	if wait, ok := l.anon.take(l.clientIP(c), time.Now()); !ok {
		return tooMany(c, wait)
	}
	return nil
}

// perKey limits an authenticated route per credential (a key, or a
// customer's session by brand and wallet).
func (l *Limits) perKey(c *fiber.Ctx) error {
	if l == nil {
		return c.Next()
	}
	p := principal(c)
	caller := p.KeyID
	if caller == "" {
		caller = p.BrandID + "/" + p.Wallet
	}
	if wait, ok := l.key.take(caller, time.Now()); !ok {
		return tooMany(c, wait)
	}
	return c.Next()
}
