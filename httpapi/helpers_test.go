package httpapi_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"database/sql"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/gofiber/fiber/v2"

	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/chain"
	"github.com/metapass/metapass/custody"
	"github.com/metapass/metapass/customers"
	"github.com/metapass/metapass/egress"
	"github.com/metapass/metapass/events"
	"github.com/metapass/metapass/httpapi"
	"github.com/metapass/metapass/metrics"
	"github.com/metapass/metapass/passes"
	"github.com/metapass/metapass/perks"
	"github.com/metapass/metapass/sqlite"
	"github.com/metapass/metapass/webhooks"
)

// stack is the whole service in-process: a SQLite file, an in-memory dev
// chain, the minter and the Fiber app.
type stack struct {
	app         *fiber.App
	dbPath      string
	dev         *chain.DevChain
	client      *chain.Client
	operator    string
	startMinter func()
	// clock, when set, is the time the perks engine and events see.
	clock atomic.Pointer[time.Time]
	// vault keeps the custodial wallets.
	vault *custody.Vault
	// db is the stack's database.
	db *sqlite.DB
	// entryKey signs entry codes.
	entryKey ed25519.PrivateKey
	// chainReads counts the perks engine's questions to the chain.
	chainReads atomic.Int64
}

// countedOwners counts calls through to the chain.
type countedOwners struct {
	perks.ChainOwners
	n *atomic.Int64
}

func (c countedOwners) Head(ctx context.Context) (uint64, error) {
	c.n.Add(1)
	return c.ChainOwners.Head(ctx)
}

func (c countedOwners) OwnerOfAt(ctx context.Context, contract string, tokenID string, block uint64) (string, error) {
	c.n.Add(1)
	return c.ChainOwners.OwnerOfAt(ctx, contract, tokenID, block)
}

type stackOptions struct {
	batchSize int
	// holdMinter leaves the minter stopped until startMinter is called.
	holdMinter bool
	// fund are accounts funded in the dev chain's genesis.
	fund []common.Address
	// noCustody runs without custodial wallets.
	noCustody bool
	// blockInterval is the dev chain's empty-block period: 100 ms unless
	// set (benchmarks use the service's 1 s default).
	blockInterval time.Duration
	// indexPoll is how often the ownership indexer polls: 50 ms unless set
	// (a longer one makes the index lag the minter, as on a busy node).
	indexPoll time.Duration
}

// siweDomain is the domain sign-in messages must name on the test stack.
const siweDomain = "metapass.test"

func newStack(t testing.TB, opt stackOptions) *stack {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "metapass.db")
	db, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	if opt.blockInterval == 0 {
		opt.blockInterval = 100 * time.Millisecond
	}
	dev, err := chain.StartDevChain(chain.DevConfig{Funded: append([]common.Address{crypto.PubkeyToAddress(key.PublicKey)}, opt.fund...), BlockInterval: opt.blockInterval})
	if err != nil {
		t.Fatal(err)
	}
	client, err := chain.NewClient(ctx, dev.RPC(), key)
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	bs := &brands.Service{Store: db.Brands(), Now: time.Now}
	op, err := bs.Bootstrap(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stats := metrics.New(db.Stats(client.ID()), client, log)
	minter := passes.NewMinter(db.Passes(), client, passes.MinterConfig{Observe: stats, BatchSize: opt.batchSize, Poll: 50 * time.Millisecond, BaseURL: "http://metapass.test"}, log)
	if opt.indexPoll == 0 {
		opt.indexPoll = 50 * time.Millisecond
	}
	indexer := passes.NewIndexer(db.Ownership(), client, client.ID(), passes.IndexerConfig{Poll: opt.indexPoll}, log)
	s := &stack{dbPath: dbPath, dev: dev, client: client, operator: op, db: db}
	now := func() time.Time {
		if t := s.clock.Load(); t != nil {
			return *t
		}
		return time.Now()
	}
	_, entryKey, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	s.entryKey = entryKey
	var (
		vault  passes.Custody
		claims *custody.Claims
	)
	if !opt.noCustody {
		v, _, err := custody.Open(filepath.Join(dir, "custody.seed"), custody.NewKey())
		if err != nil {
			t.Fatal(err)
		}
		vault, s.vault = v, v
		claims = &custody.Claims{Store: db.Claims(), Vault: v, Index: db.Ownership(), Launches: db.Passes(), Chain: client,
			ChainID: client.ID(), Now: time.Now, Log: log}
	}
	holdings := perks.PassHoldings{Owners: db.Ownership(), Launches: db.Passes(), Chain: countedOwners{client, &s.chainReads}, ChainID: client.ID()}
	srv := &httpapi.Server{
		Brands:  bs,
		Passes:  &passes.Service{Store: db.Passes(), ChainID: client.ID(), Now: time.Now, Notify: minter.Notify, Custody: vault},
		Custody: vault,
		Claims:  claims,
		Metrics: stats.Handler(), MetricsToken: testMetricsToken,
		Owners:   client,
		Perks:    &perks.Service{Store: db.Perks(), Holdings: holdings, Holders: holdings, Now: now},
		Webhooks: &webhooks.Service{Store: db.Webhooks(), Now: time.Now, Targets: egress.Options{AllowPrivate: true}},
		Events:   &events.Service{Store: db.Events(), Launches: db.Passes(), Index: db.Ownership(), Chain: client, Key: entryKey, Now: now},
		Customers: &customers.Service{Store: db.Customers(), Now: time.Now, Domain: siweDomain, ChainID: client.ID(),
			Contracts: ethclient.NewClient(dev.RPC())},
		Ready: db.Ping,
		Log:   log,
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); indexer.Run(ctx) }()
	if claims != nil {
		wg.Add(1)
		// Every 50 ms in tests, 500 ms in benchmarks (1 s blocks).
		go func() { defer wg.Done(); claims.Run(ctx, opt.blockInterval/2) }()
	}
	start := sync.OnceFunc(func() {
		wg.Add(1)
		go func() { defer wg.Done(); minter.Run(ctx) }()
	})
	if !opt.holdMinter {
		start()
	}
	t.Cleanup(func() {
		cancel()
		wg.Wait()
		client.Close()
		_ = dev.Close()
		_ = db.Close()
	})
	s.app, s.startMinter = srv.App(), start
	return s
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// response is a decoded HTTP answer.
type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) json(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("response %d is not a JSON object: %v\n%s", r.status, err, r.body)
	}
	return m
}

// do sends a request through the app; body is JSON-encoded unless it is
// already a string or []byte.
func (s *stack) do(t testing.TB, method, path, key string, body any) response {
	t.Helper()
	return s.doWithHeader(t, method, path, key, body, "", "")
}

// doRaw sends body as is with the given content type.
func (s *stack) doRaw(t testing.TB, method, path, key, contentType, body string) response {
	t.Helper()
	return s.doWithHeader(t, method, path, key, body, "Content-Type", contentType)
}

// doWithHeader is do with one extra request header.
func (s *stack) doWithHeader(t testing.TB, method, path, key string, body any, header, value string) response {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		enc, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(enc)
	}
	req := httptest.NewRequest(method, path, rd)
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	if header != "" {
		req.Header.Set(header, value)
	}
	res, err := s.app.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	return readResponse(t, res)
}

// overHTTP sends a JSON body to the app served on a real loopback listener
// over a raw connection: the server may answer (and close) before the whole
// body is written, as it does for an oversized one, and the answer is what
// counts.
func (s *stack) overHTTP(t testing.TB, method, path, key, body string) response {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = s.app.Listener(ln) }()
	t.Cleanup(func() { _ = s.app.Shutdown() })
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	req, err := http.NewRequest(method, "http://"+ln.Addr().String()+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+key)
	go func() { _ = req.Write(conn) }() // may fail once the server has answered
	res, err := http.ReadResponse(bufio.NewReader(conn), req)
	if err != nil {
		t.Fatal(err)
	}
	return readResponse(t, res)
}

func readResponse(t testing.TB, res *http.Response) response {
	t.Helper()
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{status: res.StatusCode, header: res.Header, body: b}
}

// must sends a request and fails the test unless it answers want.
func (s *stack) must(t testing.TB, want int, method, path, key string, body any) map[string]any {
	t.Helper()
	r := s.do(t, method, path, key, body)
	if r.status != want {
		t.Fatalf("%s %s: status %d, want %d\n%.600s", method, path, r.status, want, r.body)
	}
	if len(r.body) == 0 {
		return nil
	}
	return r.json(t)
}

// brand creates a brand and returns its id and a key of each role.
func (s *stack) brand(t testing.TB, name string) (id string, keys map[brands.Role]string) {
	t.Helper()
	b := s.must(t, 201, "POST", "/v1/brands", s.operator, map[string]any{"name": name})
	id, keys = b["id"].(string), map[brands.Role]string{}
	for _, role := range []brands.Role{brands.RoleAdmin, brands.RoleOrders, brands.RoleStaff} {
		k := s.must(t, 201, "POST", "/v1/brands/"+id+"/keys", s.operator, map[string]any{"role": role})
		keys[role] = k["secret"].(string)
	}
	return id, keys
}

func launchBody(overrides map[string]any) map[string]any {
	b := map[string]any{
		"name": "XO Pass", "symbol": "XOP", "description": "A pass for XO buyers.",
		"image_url": "https://example.com/xo.png", "supply_cap": 1000,
		"skus":       []map[string]any{{"sku": "XO-70CL"}, {"sku": "XO-MAGNUM", "passes_per_unit": 2}},
		"attributes": []map[string]any{{"trait_type": "Vintage", "value": "2026"}},
	}
	for k, v := range overrides {
		if v == nil {
			delete(b, k)
		} else {
			b[k] = v
		}
	}
	return b
}

// launch creates a launch with overrides and returns its id.
func (s *stack) launch(t testing.TB, adminKey string, overrides map[string]any) string {
	t.Helper()
	return s.must(t, 201, "POST", "/v1/launches", adminKey, launchBody(overrides))["id"].(string)
}

// waitLaunch polls until the launch reaches state.
func (s *stack) waitLaunch(t testing.TB, key, id, state string) map[string]any {
	t.Helper()
	return s.poll(t, "/v1/launches/"+id, key, func(m map[string]any) bool { return m["state"] == state })
}

// waitOrder polls until the order reaches state.
func (s *stack) waitOrder(t testing.TB, key, id, state string) map[string]any {
	t.Helper()
	return s.poll(t, "/v1/orders/"+id, key, func(m map[string]any) bool { return m["state"] == state })
}

func (s *stack) poll(t testing.TB, path, key string, done func(map[string]any) bool) map[string]any {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		m := s.must(t, 200, "GET", path, key, nil)
		if done(m) {
			return m
		}
		if time.Now().After(deadline) {
			t.Fatalf("GET %s: gave up waiting; last %v", path, m)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// counts returns the number of rows of each table that requests write (the
// minter's chain_txs moves on its own).
func (s *stack) counts(t testing.TB) map[string]int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+s.dbPath+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := map[string]int{}
	for _, table := range []string{"brands", "api_keys", "launches", "orders", "passes", "perks", "claims"} {
		var n int
		if err := db.QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[table] = n
	}
	return out
}

func wallet(t testing.TB) string {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return crypto.PubkeyToAddress(k.PublicKey).Hex()
}

func order(id, sku string, qty int, wallet string) map[string]any {
	return map[string]any{"order_id": id, "sku": sku, "quantity": qty, "customer": map[string]any{"wallet": wallet}}
}
