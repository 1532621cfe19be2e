package egress

import (
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestCheckURL(t *testing.T) {
	cases := []struct {
		url string
		ok  bool
	}{
		{"https://127.0.0.1/hook", false},
		{"https://127.1.2.3:8443/hook", false},
		{"https://[::1]/hook", false},
		{"https://[::ffff:127.0.0.1]/hook", false},
		{"https://10.1.2.3/hook", false},
		{"https://172.16.0.1/hook", false},
		{"https://192.168.1.1/hook", false},
		{"https://169.254.169.254/latest/meta-data", false},
		{"https://100.64.0.1/hook", false},
		{"https://224.0.0.1/hook", false},
		{"https://0.0.0.0/hook", false},
		{"https://[fd00::1]/hook", false},
		{"https://[fe80::1%25eth0]/hook", false},
		{"https://[ff02::1]/hook", false},
		{"https://localhost/hook", false}, // a name resolving inward
		{"https://8.8.8.8/hook", true},
		{"https://[2001:4860:4860::8888]/hook", true},
		{"https://does-not-resolve.invalid/hook", true}, // the dial-time check decides
	}
	for _, tc := range []struct {
		url          string
		allowPrivate bool
		want         error
	}{
		{"http://8.8.8.8/hook", false, ErrScheme},
		{"http://8.8.8.8/hook", true, nil},
		{"ftp://8.8.8.8/hook", true, ErrScheme},
		{"http://127.0.0.1/hook", false, ErrScheme},
	} {
		u, _ := url.Parse(tc.url)
		if err := (Options{AllowPrivate: tc.allowPrivate}).CheckURL(t.Context(), u); !errors.Is(err, tc.want) {
			t.Errorf("CheckURL(%s) allowing private targets %v = %v, want %v", tc.url, tc.allowPrivate, err, tc.want)
		}
	}
	for _, tc := range cases {
		u, err := url.Parse(tc.url)
		if err != nil {
			t.Fatal(err)
		}
		if err := (Options{}).CheckURL(t.Context(), u); (err == nil) != tc.ok {
			t.Errorf("CheckURL(%s) = %v, want ok=%v", tc.url, err, tc.ok)
		}
		if err := (Options{AllowPrivate: true}).CheckURL(t.Context(), u); err != nil {
			t.Errorf("CheckURL(%s) allowing private targets = %v", tc.url, err)
		}
	}
}

// TestClient: the guarded client refuses loopback targets, also by name
// (resolved at dial time), follows no redirect, and describes failures
// without what answered; allowing private targets lets it reach them.
func TestClient(t *testing.T) {
	var redirected atomic.Int32
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { redirected.Add(1) }))
	t.Cleanup(target.Close)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/redirect":
			http.Redirect(w, r, target.URL, http.StatusTemporaryRedirect)
		case "/hang":
			time.Sleep(time.Second)
		case "/fail":
			w.WriteHeader(500)
			_, _ = w.Write([]byte("internal secret stack trace"))
		}
	}))
	t.Cleanup(srv.Close)
	closed := func() string { // a port nobody listens on
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		return "http://" + l.Addr().String()
	}()
	byName := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)

	cases := []struct {
		name string
		o    Options
		url  string
		want string
	}{
		{"loopback refused", Options{}, srv.URL, "target address not allowed"},
		{"a name resolving to loopback refused", Options{}, byName, "target address not allowed"},
		{"allowed when private targets are", Options{AllowPrivate: true}, srv.URL, "HTTP 200"},
		{"redirect not followed", Options{AllowPrivate: true}, srv.URL + "/redirect", "redirect not followed (HTTP 307)"},
		{"status, not body", Options{AllowPrivate: true}, srv.URL + "/fail", "HTTP 500"},
		{"timeout", Options{AllowPrivate: true, Timeout: 100 * time.Millisecond}, srv.URL + "/hang", "timeout"},
		{"refused", Options{AllowPrivate: true}, closed, "connection refused"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var status int
			res, err := NewClient(tc.o).Post(tc.url, "application/json", strings.NewReader(`{}`))
			if err == nil {
				status = res.StatusCode
				res.Body.Close()
			}
			if got := Describe(status, err); got != tc.want {
				t.Errorf("Describe = %q (err %v), want %q", got, err, tc.want)
			}
		})
	}
	if n := redirected.Load(); n != 0 {
		t.Errorf("the redirect's target got %d requests, want 0", n)
	}
}
