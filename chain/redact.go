package chain

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum/rpc"

	"github.com/metapass/metapass/egress"
)

// hidden stands in for a secret.
const hidden = "***"

// RedactURL returns raw with everything a provider may hide an API key in
// replaced by ***: credentials, path and query values. Scheme, host and
// query names stay, so the operator still sees where the service points.
func RedactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return hidden
	}
	r := url.URL{Scheme: u.Scheme, Host: u.Host}
	if u.User != nil {
		r.User = url.User(hidden)
	}
	if u.Path != "" && u.Path != "/" {
		r.Path = "/" + hidden
	}
	s := r.String()
	if u.RawQuery != "" {
		q := u.Query()
		names := make([]string, 0, len(q))
		for name := range q {
			names = append(names, name+"="+hidden)
		}
		slices.Sort(names)
		s += "?" + strings.Join(names, "&")
	}
	return strings.ReplaceAll(s, "%2A%2A%2A", hidden)
}

// Redactor returns the one function that hides the secrets of urls (RPC
// URLs) wherever they appear in text: logs, readiness reports, problem
// details. It replaces each URL whole (as given, and as net/http prints
// it, password masked) and then each secret part on its own: user
// information, path, query and query values.
func Redactor(urls ...string) func(string) string {
	type pair struct{ secret, with string }
	var pairs []pair
	secret := func(s string, min int, with string) {
		if len(s) >= min && s != with {
			pairs = append(pairs, pair{s, with})
		}
	}
	for _, raw := range urls {
		u, err := url.Parse(raw)
		if err != nil || u.Host == "" {
			secret(raw, 1, hidden)
			continue
		}
		secret(raw, 1, RedactURL(raw))
		secret(u.Redacted(), 1, RedactURL(raw))
		if u.User != nil {
			secret(u.User.String(), 1, hidden)
			secret(u.User.Username(), 4, hidden)
			if p, ok := u.User.Password(); ok {
				secret(p, 4, hidden)
			}
		}
		if u.Path != "/" {
			secret(u.EscapedPath(), 2, "/"+hidden)
			secret(u.Path, 2, "/"+hidden)
			for _, seg := range strings.Split(u.Path, "/") {
				secret(seg, 8, hidden)
			}
		}
		secret(u.RawQuery, 1, hidden)
		for _, vs := range u.Query() {
			for _, v := range vs {
				secret(v, 4, hidden)
				secret(url.QueryEscape(v), 4, hidden)
			}
		}
	}
	if len(pairs) == 0 {
		return func(s string) string { return s }
	}
	// Longest first, so a whole URL goes before its parts.
	slices.SortStableFunc(pairs, func(a, b pair) int { return len(b.secret) - len(a.secret) })
	args := make([]string, 0, 2*len(pairs))
	for _, p := range pairs {
		args = append(args, p.secret, p.with)
	}
	return strings.NewReplacer(args...).Replace
}

// RedactingWriter writes to w through redact: a logger writing through it
// never prints what redact hides. Each Write is redacted on its own, so it
// suits writers of whole records, as slog's handlers are.
func RedactingWriter(w io.Writer, redact func(string) string) io.Writer {
	return redactingWriter{w, redact}
}

type redactingWriter struct {
	w      io.Writer
	redact func(string) string
}

func (r redactingWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(r.w, r.redact(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Describe says what is wrong with a JSON-RPC call in words safe for a
// public page such as /readyz: the kind of failure (connection refused,
// timeout, an HTTP status, a malformed answer), never the endpoint's URL
// nor what it answered. The full error goes to the (redacted) log.
func Describe(err error) string {
	var httpErr rpc.HTTPError
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &httpErr):
		return fmt.Sprintf("HTTP %d", httpErr.StatusCode)
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || errors.As(err, &syntaxErr) || errors.As(err, &typeErr):
		return "malformed answer"
	}
	return egress.Describe(0, err)
}
