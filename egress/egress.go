// Package egress is the one way metapass calls addresses that brands
// choose: webhook endpoints today, shop connectors later. Its client
// refuses, at connect time and on the address actually dialled, every
// special-purpose destination (loopback, private, link-local, CGNAT,
// multicast, unspecified, IPv6 ULA and link-local…, per the IANA
// registries), so neither a URL nor a DNS name that resolves, or later
// re-resolves, inward reaches the operator's own network. It never follows
// a redirect, and it describes failures without echoing what answered.
package egress

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"syscall"
	"time"

	"code.dny.dev/ssrf"
)

var (
	// ErrForbiddenTarget is a destination the client may not reach.
	ErrForbiddenTarget = errors.New("target address not allowed")
	// ErrScheme is a URL neither https nor (when private targets are
	// allowed, for local development) http.
	ErrScheme = errors.New("scheme not allowed")
)

// Options configure the client. Zero values take the defaults.
type Options struct {
	// AllowPrivate lets requests reach special-purpose addresses
	// (loopback, private networks…), for local development only.
	AllowPrivate bool
	// Timeout bounds one request, from dialling to the end of the
	// response body. Defaults to 10s.
	Timeout time.Duration
}

// guard is the dial-time check: any port, TCP only, public addresses
// only.
var guard = ssrf.New(ssrf.WithAnyPort())

// NewClient returns the guarded client. Its responses are never
// redirects followed: a 3xx comes back as it is.
func NewClient(o Options) *http.Client {
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Second
	}
	dialer := &net.Dialer{Timeout: min(o.Timeout, 5*time.Second), KeepAlive: 30 * time.Second}
	if !o.AllowPrivate {
		dialer.Control = func(network, address string, c syscall.RawConn) error {
			if err := guard.Safe(network, address, c); err != nil {
				return fmt.Errorf("%w: %w", ErrForbiddenTarget, err)
			}
			return nil
		}
	}
	return &http.Client{
		Timeout: o.Timeout,
		Transport: &http.Transport{
			Proxy:                 nil, // a proxy would dial for us, unguarded
			DialContext:           dialer.DialContext,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          256,
			MaxIdleConnsPerHost:   64,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   min(o.Timeout, 10*time.Second),
			ResponseHeaderTimeout: o.Timeout,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// CheckURL tells whether u may be a target: its scheme is https (or http
// when AllowPrivate) and its host is not a special-purpose address, nor a
// name resolving to one, unless AllowPrivate. A name that does not resolve
// (yet) passes: the dial-time check of NewClient's client is the real
// guard. It is meant for registration, to refuse early what would fail.
func (o Options) CheckURL(ctx context.Context, u *url.URL) error {
	if u.Scheme != "https" && !(o.AllowPrivate && u.Scheme == "http") {
		return ErrScheme
	}
	if o.AllowPrivate {
		return nil
	}
	host := u.Hostname()
	if ip, err := netip.ParseAddr(host); err == nil {
		return checkAddr(ip)
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	ips, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return nil
	}
	for _, ip := range ips {
		if err := checkAddr(ip); err != nil {
			return err
		}
	}
	return nil
}

func checkAddr(ip netip.Addr) error {
	if err := guard.SafeAddr(ip.WithZone("")); err != nil {
		return ErrForbiddenTarget
	}
	return nil
}

// Describe says what went wrong with a request, or with its response's
// status, in words safe to show the one who chose the target: the kind of
// failure, never the target's body nor the address that answered.
func Describe(status int, err error) string {
	switch {
	case err == nil && status >= 300 && status < 400:
		return fmt.Sprintf("redirect not followed (HTTP %d)", status)
	case err == nil:
		return fmt.Sprintf("HTTP %d", status)
	case errors.Is(err, ErrForbiddenTarget):
		return ErrForbiddenTarget.Error()
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, os.ErrDeadlineExceeded) || isTimeout(err):
		return "timeout"
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE):
		return "connection reset"
	case errors.Is(err, syscall.EHOSTUNREACH) || errors.Is(err, syscall.ENETUNREACH):
		return "host unreachable"
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return "host name not resolved"
	}
	var certErr *tls.CertificateVerificationError
	var headerErr tls.RecordHeaderError
	switch {
	case errors.As(err, &certErr):
		return "TLS certificate not valid"
	case errors.As(err, &headerErr):
		return "TLS handshake failed"
	}
	return "request failed"
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}
