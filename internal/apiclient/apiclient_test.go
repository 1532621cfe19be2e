package apiclient

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestDo(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var in map[string]string
		if r.Body != http.NoBody {
			if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
		}
		w.WriteHeader(http.StatusCreated)
		_ = json.NewEncoder(w).Encode(map[string]string{
			"auth": r.Header.Get("Authorization"), "type": r.Header.Get("Content-Type"), "name": in["name"], "path": r.URL.Path})
	}))
	defer srv.Close()
	ctx := context.Background()

	var got map[string]string
	if err := Do(ctx, srv.Client(), http.MethodPost, srv.URL+"/v1/x", "k1", map[string]string{"name": "a"}, http.StatusCreated, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"auth": "Bearer k1", "type": "application/json", "name": "a", "path": "/v1/x"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}

	got = nil
	if err := Do(ctx, srv.Client(), http.MethodGet, srv.URL+"/v1/y", "", nil, http.StatusCreated, &got); err != nil {
		t.Fatal(err)
	}
	if got["auth"] != "" || got["type"] != "" {
		t.Errorf("without key or body: auth %q, content type %q; want neither", got["auth"], got["type"])
	}

	err := Do(ctx, srv.Client(), http.MethodGet, srv.URL+"/v1/z", "", nil, http.StatusOK, nil)
	if err == nil || !strings.Contains(err.Error(), "GET /v1/z: status 201, want 200") {
		t.Errorf("wrong status: err = %v", err)
	}
}
