package attack

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/metapass/metapass/internal/localproc"
)

// bin is the metapass binary built once for the package's tests.
var bin string

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dir, err := os.MkdirTemp("", "metapass-attack-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	bin = filepath.Join(dir, "metapass")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/metapass").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// full reports whether the long cases run: under CI=true, with
// METAPASS_ATTACK_FULL=1, and never with -short.
func full() bool {
	if testing.Short() {
		return false
	}
	return os.Getenv("CI") == "true" || os.Getenv("METAPASS_ATTACK_FULL") == "1"
}

// needFull skips t unless the long cases run.
func needFull(t *testing.T) {
	t.Helper()
	if !full() {
		t.Skip("long case: runs with CI=true, METAPASS_ATTACK_FULL=1 or make attack")
	}
}

// Service is one `metapass serve` process started for a test, on a fresh
// data directory, stopped when the test ends.
type Service struct {
	Base        string // http://127.0.0.1:port
	DataDir     string
	OperatorKey string
	Out         *localproc.Buffer // stdout and stderr
	cmd         *exec.Cmd
}

var operatorKeyRE = regexp.MustCompile(`mpk_[A-Za-z0-9_\-]+`)

// Start runs serve with -listen on a free port, a fresh -data-dir, the
// embedded chain's JSON-RPC off and 200ms blocks, then flags (which may
// override those). It returns once /readyz answers 200.
func Start(t testing.TB, flags ...string) *Service {
	t.Helper()
	listen, err := localproc.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	s := &Service{Base: "http://" + listen, DataDir: t.TempDir(), Out: &localproc.Buffer{}}
	args := append([]string{"serve", "-listen", listen, "-public-url", s.Base, "-data-dir", s.DataDir,
		"-dev-rpc-addr", "", "-dev-block-interval", "200ms"}, flags...)
	s.cmd = exec.Command(bin, args...)
	s.cmd.Stdout, s.cmd.Stderr = s.Out, s.Out
	s.cmd.Env = append(os.Environ(), "METAPASS_LOG_LEVEL=warn")
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- s.cmd.Wait() }()
	t.Cleanup(func() {
		_ = s.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(30 * time.Second):
			_ = s.cmd.Process.Kill()
			<-exited
		}
		if t.Failed() {
			t.Logf("serve output (tail):\n%s", s.Out.Tail(8000))
		}
	})
	hc := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(2 * time.Minute)
	for {
		select {
		case err := <-exited:
			exited <- err // for the cleanup, which waits for the exit too
			t.Fatalf("serve exited before becoming ready: %v\n%s", err, s.Out.Tail(4000))
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve at %s not ready after 2 minutes\n%s", s.Base, s.Out.Tail(4000))
		}
		resp, err := hc.Get(s.Base + "/readyz")
		if err != nil {
			continue
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			break
		}
	}
	if keys := operatorKeyRE.FindAllString(s.Out.String(), -1); len(keys) > 0 {
		s.OperatorKey = keys[0]
	}
	return s
}

// Client calls the service with one bearer key (none when empty).
type Client struct {
	Base string
	Key  string
	HTTP *http.Client
}

// Client returns a client of s with key.
func (s *Service) Client(key string) *Client {
	return &Client{Base: s.Base, Key: key, HTTP: &http.Client{Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// Operator returns a client holding the operator key.
func (s *Service) Operator() *Client { return s.Client(s.OperatorKey) }

// Response is an answer read whole.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// JSON decodes the body as an object, failing t when it is not one.
func (r Response) JSON(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatalf("status %d: body is not a JSON object: %v: %.500s", r.Status, err, r.Body)
	}
	return m
}

// String is the body as text.
func (r Response) String() string { return string(r.Body) }

// Do sends body (JSON-encoded unless it is a string or []byte, sent as
// is; nothing when nil) with header pairs ("Name", "value", …).
func (c *Client) Do(t testing.TB, method, path string, body any, header ...string) Response {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequestWithContext(context.Background(), method, c.Base+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.Key != "" {
		req.Header.Set("Authorization", "Bearer "+c.Key)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: read: %v", method, path, err)
	}
	return Response{Status: resp.StatusCode, Header: resp.Header, Body: b}
}

// Must is Do failing t unless the status is want; it returns the body
// decoded as an object.
func (c *Client) Must(t testing.TB, want int, method, path string, body any, header ...string) map[string]any {
	t.Helper()
	r := c.Do(t, method, path, body, header...)
	if r.Status != want {
		t.Fatalf("%s %s: status %d, want %d: %.1000s", method, path, r.Status, want, r.Body)
	}
	if len(r.Body) == 0 {
		return nil
	}
	return r.JSON(t)
}

// Brand creates a brand named name and returns its id with clients holding
// a fresh admin, orders and staff key of it.
func (s *Service) Brand(t testing.TB, name string) (id string, admin, orders, staff *Client) {
	t.Helper()
	op := s.Operator()
	id = op.Must(t, http.StatusCreated, "POST", "/v1/brands", map[string]any{"name": name})["id"].(string)
	key := func(role string) *Client {
		k := op.Must(t, http.StatusCreated, "POST", "/v1/brands/"+id+"/keys", map[string]any{"role": role})
		return s.Client(k["secret"].(string))
	}
	return id, key("admin"), key("orders"), key("staff")
}

// TestSKU is the SKU of the launches LiveLaunch creates.
const TestSKU = "ATK-001"

// LiveLaunch creates and publishes a launch as admin (the fields of
// overrides replace the defaults) and waits until its contract is live.
func LiveLaunch(t testing.TB, admin *Client, overrides map[string]any) map[string]any {
	t.Helper()
	body := map[string]any{"name": "Attack Pass", "symbol": "ATK", "description": "hostile-tenant suite",
		"image_url": "https://example.com/pass.png", "supply_cap": 1000000, "skus": []map[string]any{{"sku": TestSKU}}}
	for k, v := range overrides {
		body[k] = v
	}
	id := admin.Must(t, http.StatusCreated, "POST", "/v1/launches", body)["id"].(string)
	admin.Must(t, http.StatusAccepted, "POST", "/v1/launches/"+id+"/publish", nil)
	var l map[string]any
	Eventually(t, 2*time.Minute, "launch "+id+" live", func() (bool, string) {
		l = admin.Must(t, http.StatusOK, "GET", "/v1/launches/"+id, nil)
		return l["state"] == "live", fmt.Sprint("state ", l["state"], " ", l["deploy_error"])
	})
	return l
}

// Eventually polls cond every 100ms until it is done, failing t after
// limit with the last status cond gave.
func Eventually(t testing.TB, limit time.Duration, what string, cond func() (done bool, status string)) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		done, status := cond()
		if done {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("gave up after %v waiting for %s; last seen: %s", limit, what, status)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// LogLines returns the lines of the service's output holding substr.
func (s *Service) LogLines(substr string) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(s.Out.String()))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.Contains(sc.Text(), substr) {
			out = append(out, sc.Text())
		}
	}
	return out
}
