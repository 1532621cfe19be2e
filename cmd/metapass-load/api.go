package main

import (
	"context"
	"crypto/rand"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/valyala/fasthttp"

	"github.com/metapass/metapass/internal/apiclient"
)

// loadSKU is the one SKU of the benchmark's launches: one pass a unit.
const loadSKU = "LOAD-1"

// api calls the service's API with one key.
type api struct {
	base, key string
	hc        *http.Client
}

func newHTTPClient(conns int) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns, tr.MaxIdleConnsPerHost = conns, conns
	return &http.Client{Timeout: 30 * time.Second, Transport: tr}
}

// do sends body as JSON and decodes the answer into out, failing unless
// the status is want.
func (a api) do(ctx context.Context, method, path string, body any, want int, out any) error {
	return apiclient.Do(ctx, a.hc, method, a.base+path, a.key, body, want, out)
}

// launch is the part of a launch the benchmark reads.
type launch struct {
	ID          string `json:"id"`
	BrandID     string `json:"brand_id"`
	State       string `json:"state"`
	Contract    string `json:"contract_address"`
	DeployError string `json:"deploy_error"`
	Minted      int64  `json:"minted"`
}

// setup creates, with the operator key, a brand and an admin key of it,
// then a launch with room for a billion passes, publishes it and waits
// until its contract is deployed. It returns an api holding the admin key.
func setup(ctx context.Context, op api) (api, launch, error) {
	var b struct {
		ID string `json:"id"`
	}
	if err := op.do(ctx, "POST", "/v1/brands", map[string]any{"name": "Load Brand"}, http.StatusCreated, &b); err != nil {
		return api{}, launch{}, err
	}
	var k struct {
		Secret string `json:"secret"`
	}
	if err := op.do(ctx, "POST", "/v1/brands/"+b.ID+"/keys", map[string]any{"role": "admin"}, http.StatusCreated, &k); err != nil {
		return api{}, launch{}, err
	}
	admin := op
	admin.key = k.Secret
	var l launch
	if err := admin.do(ctx, "POST", "/v1/launches", map[string]any{
		"name": "Load Pass", "symbol": "LOAD", "description": "load benchmark passes",
		"image_url": "https://example.com/pass.png", "supply_cap": 1_000_000_000,
		"skus": []map[string]any{{"sku": loadSKU}},
	}, http.StatusCreated, &l); err != nil {
		return api{}, launch{}, err
	}
	if err := admin.do(ctx, "POST", "/v1/launches/"+l.ID+"/publish", nil, http.StatusAccepted, nil); err != nil {
		return api{}, launch{}, err
	}
	for l.State != "live" {
		select {
		case <-ctx.Done():
			return api{}, launch{}, fmt.Errorf("launch %s not live (%s): %w", l.ID, l.State, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
		if err := admin.do(ctx, "GET", "/v1/launches/"+l.ID, nil, http.StatusOK, &l); err != nil {
			return api{}, launch{}, err
		}
		if l.State == "draft" {
			return api{}, launch{}, fmt.Errorf("deploy of launch %s failed: %s", l.ID, l.DeployError)
		}
	}
	return admin, l, nil
}

// minted reads how many passes of launch id are minted.
func (a api) minted(ctx context.Context, id string) (int64, error) {
	var l launch
	err := a.do(ctx, "GET", "/v1/launches/"+id, nil, http.StatusOK, &l)
	return l.Minted, err
}

// randomWallet is a fresh address: every order goes to a wallet of its own.
func randomWallet() common.Address {
	var a common.Address
	_, _ = rand.Read(a[:])
	return a
}

// orderBody is the JSON of one order of one unit for wallet.
func orderBody(orderID string, wallet common.Address) []byte {
	b := make([]byte, 0, 160)
	b = append(b, `{"order_id":`...)
	b = strconv.AppendQuote(b, orderID)
	b = append(b, `,"sku":"`+loadSKU+`","quantity":1,"customer":{"wallet":"`...)
	b = append(b, wallet.Hex()...)
	return append(b, `"}}`...)
}

// outcome is one order request: its status (0 when the request itself
// failed), how long it took and when it was answered.
type outcome struct {
	status  int
	latency time.Duration
	at      time.Time
}

// orderClient is the HTTP client orders are posted with: fasthttp's, whose
// cost per request is a fraction of net/http's, so that on a small machine
// the load generator takes as little as it can of the CPU the service runs
// on.
func orderClient(conns int) *fasthttp.Client {
	return &fasthttp.Client{MaxConnsPerHost: conns, ReadTimeout: 30 * time.Second, WriteTimeout: 30 * time.Second}
}

// postOrder posts one order to base as admin.
func postOrder(hc *fasthttp.Client, base, key, launchID string, body []byte) outcome {
	req, resp := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
	defer fasthttp.ReleaseRequest(req)
	defer fasthttp.ReleaseResponse(resp)
	req.Header.SetMethod(fasthttp.MethodPost)
	req.SetRequestURI(base + "/v1/launches/" + launchID + "/orders")
	req.Header.SetContentType("application/json")
	req.Header.Set("Authorization", "Bearer "+key)
	req.SetBodyRaw(body)
	start := time.Now()
	err := hc.Do(req, resp)
	now := time.Now()
	if err != nil {
		return outcome{latency: now.Sub(start), at: now}
	}
	return outcome{status: resp.StatusCode(), latency: now.Sub(start), at: now}
}
