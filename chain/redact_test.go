package chain_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/ethereum/go-ethereum/rpc"

	"github.com/metapass/metapass/chain"
)

func TestRedactURL(t *testing.T) {
	for raw, want := range map[string]string{
		"https://mainnet.infura.io/v3/0123456789abcdef":             "https://mainnet.infura.io/***",
		"http://user:secret@127.0.0.1:8545/v1/KEY?apikey=S&chain=1": "http://***@127.0.0.1:8545/***?apikey=***&chain=***",
		"http://127.0.0.1:8545":                                     "http://127.0.0.1:8545",
		"http://127.0.0.1:8545/":                                    "http://127.0.0.1:8545",
		"not a url":                                                 "***",
	} {
		if got := chain.RedactURL(raw); got != want {
			t.Errorf("RedactURL(%q) = %q, want %q", raw, got, want)
		}
	}
}

// TestRedactor: every form of the URL an error or a log line may carry is
// hidden: as given, as net/http prints it, and its parts alone.
func TestRedactor(t *testing.T) {
	const raw = "http://user:s3cr3t-pass@127.0.0.1:1/v1/SECRETKEY123?apikey=SECRETQUERY"
	redact := chain.Redactor(raw)
	_, httpErr := http.Get(raw) // nothing listens on port 1
	var log bytes.Buffer
	slog.New(slog.NewTextHandler(chain.RedactingWriter(&log, redact), nil)).Error("rpc", slog.Any("err", httpErr), slog.String("url", raw))
	for _, text := range []string{
		raw,
		fmt.Sprintf("dial %s: %v", raw, httpErr),
		"path /v1/SECRETKEY123 and query apikey=SECRETQUERY, password s3cr3t-pass",
		log.String(),
	} {
		got := redact(text)
		for _, secret := range []string{"s3cr3t-pass", "SECRETKEY123", "SECRETQUERY", "user:"} {
			if strings.Contains(got, secret) {
				t.Errorf("%q leaks %q", got, secret)
			}
		}
		if !strings.Contains(got, "127.0.0.1:1") && strings.Contains(text, "127.0.0.1:1") {
			t.Errorf("%q lost the host", got)
		}
	}
	if strings.Contains(log.String(), "SECRET") {
		t.Errorf("log leaks: %s", log.String())
	}
	if got := chain.Redactor()("nothing to hide"); got != "nothing to hide" {
		t.Errorf("no URLs changed %q", got)
	}
}

// TestDescribe: RPC failures are named by kind, never by what the endpoint
// said or where it is.
func TestDescribe(t *testing.T) {
	secretURL := "http://user:pw@127.0.0.1:1/key?apikey=secret"
	for _, tc := range []struct {
		err  error
		want string
	}{
		{nil, ""},
		{fmt.Errorf("head: %w", rpc.HTTPError{StatusCode: 502, Status: "502 Bad Gateway", Body: []byte("secret body")}), "HTTP 502"},
		{fmt.Errorf("head: %w", io.ErrUnexpectedEOF), "malformed answer"},
		{fmt.Errorf("head: %w", json.Unmarshal([]byte("{nope"), new(any))), "malformed answer"},
		{&url.Error{Op: "Post", URL: secretURL, Err: &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}}, "connection refused"},
		{&url.Error{Op: "Post", URL: secretURL, Err: context.DeadlineExceeded}, "timeout"},
		{errors.New("answered " + secretURL), "request failed"},
	} {
		if got := chain.Describe(tc.err); got != tc.want {
			t.Errorf("Describe(%v) = %q, want %q", tc.err, got, tc.want)
		}
	}
}
