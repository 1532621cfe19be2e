package httpapi

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"net/http/httptest"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/brands"
	"github.com/metapass/metapass/customers"
	"github.com/metapass/metapass/events"
	"github.com/metapass/metapass/passes"
	"github.com/metapass/metapass/perks"
	"github.com/metapass/metapass/siwe"
	"github.com/metapass/metapass/webhooks"
)

// The tests here keep openapi.json the truth of the API: every route is
// documented and every documented operation is served, every $ref resolves,
// every example validates against its schema, the request examples pass the
// handlers' own decoding, and real responses (from in-memory fakes, no chain
// or database) carry documented statuses and bodies matching their schemas.

// oaDoc is the parsed OpenAPI document.
type oaDoc map[string]any

func oaLoad(t *testing.T) oaDoc {
	t.Helper()
	var d oaDoc
	if err := json.Unmarshal(openAPI, &d); err != nil {
		t.Fatalf("openapi.json does not parse: %v", err)
	}
	return d
}

// resolve follows a local JSON pointer such as "#/components/schemas/Launch".
func (d oaDoc) resolve(ref string) (any, error) {
	if !strings.HasPrefix(ref, "#/") {
		return nil, fmt.Errorf("$ref %q is not local", ref)
	}
	var cur any = map[string]any(d)
	for _, tok := range strings.Split(ref[2:], "/") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("$ref %q: %q is not in an object", ref, tok)
		}
		if cur, ok = m[strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)]; !ok {
			return nil, fmt.Errorf("$ref %q: no %q", ref, tok)
		}
	}
	return cur, nil
}

// deref returns v, or what it points to when it is a {"$ref": …} object.
func (d oaDoc) deref(t *testing.T, v any) map[string]any {
	t.Helper()
	m, _ := v.(map[string]any)
	if ref, ok := m["$ref"].(string); ok {
		target, err := d.resolve(ref)
		if err != nil {
			t.Fatal(err)
		}
		m, _ = target.(map[string]any)
	}
	return m
}

var oaMethods = []string{"get", "put", "post", "delete", "patch", "options", "head", "trace"}

// oaOp is one documented operation with its path-level parameters merged in.
type oaOp struct {
	method, path string // "GET", "/v1/launches/{id}"
	op           map[string]any
	params       []map[string]any
}

func (o oaOp) String() string { return o.method + " " + o.path }

func (d oaDoc) ops(t *testing.T) []oaOp {
	t.Helper()
	paths, _ := d["paths"].(map[string]any)
	var out []oaOp
	for _, p := range slices.Sorted(mapKeys(paths)) {
		item := paths[p].(map[string]any)
		for _, m := range oaMethods {
			op, ok := item[m].(map[string]any)
			if !ok {
				continue
			}
			o := oaOp{method: strings.ToUpper(m), path: p, op: op}
			for _, list := range []any{item["parameters"], op["parameters"]} {
				ps, _ := list.([]any)
				for _, prm := range ps {
					o.params = append(o.params, d.deref(t, prm))
				}
			}
			out = append(out, o)
		}
	}
	return out
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// oaErrors validates v against schema s, returning every violation. It knows
// the keywords the document uses and fails on any other, so a keyword is
// never silently ignored; "format" is an annotation.
func (d oaDoc) oaErrors(s, v any, at string) []string {
	if b, ok := s.(bool); ok {
		if !b {
			return []string{at + ": no value is allowed"}
		}
		return nil
	}
	sm, _ := s.(map[string]any)
	var out []string
	fail := func(format string, args ...any) { out = append(out, at+": "+fmt.Sprintf(format, args...)) }
	obj, isObj := v.(map[string]any)
	arr, isArr := v.([]any)
	str, isStr := v.(string)
	num, isNum := v.(float64)
	for _, k := range slices.Sorted(mapKeys(sm)) {
		kw := sm[k]
		switch k {
		case "description", "format", "default", "examples", "title":
		case "$ref":
			target, err := d.resolve(kw.(string))
			if err != nil {
				fail("%v", err)
				continue
			}
			out = append(out, d.oaErrors(target, v, at)...)
		case "type":
			types, ok := kw.([]any)
			if !ok {
				types = []any{kw}
			}
			if !slices.ContainsFunc(types, func(t any) bool { return oaIsType(t.(string), v) }) {
				fail("%s is not of type %v", oaShow(v), kw)
			}
		case "const":
			if !reflect.DeepEqual(kw, v) {
				fail("%s is not %s", oaShow(v), oaShow(kw))
			}
		case "enum":
			if !slices.ContainsFunc(kw.([]any), func(e any) bool { return reflect.DeepEqual(e, v) }) {
				fail("%s is not one of %s", oaShow(v), oaShow(kw))
			}
		case "required":
			for _, name := range kw.([]any) {
				if _, ok := obj[name.(string)]; isObj && !ok {
					fail("%q is required", name)
				}
			}
		case "properties":
			for name, sub := range kw.(map[string]any) {
				if pv, ok := obj[name]; isObj && ok {
					out = append(out, d.oaErrors(sub, pv, at+"."+name)...)
				}
			}
		case "additionalProperties":
			props, _ := sm["properties"].(map[string]any)
			for name, pv := range obj {
				if _, ok := props[name]; !ok {
					out = append(out, d.oaErrors(kw, pv, at+"."+name)...)
				}
			}
		case "items":
			for i, e := range arr {
				out = append(out, d.oaErrors(kw, e, fmt.Sprintf("%s[%d]", at, i))...)
			}
		case "minimum", "maximum":
			if lim := kw.(float64); isNum && (k == "minimum" && num < lim || k == "maximum" && num > lim) {
				fail("%v breaks %s %v", num, k, lim)
			}
		case "minLength", "maxLength", "minItems", "maxItems":
			n, lim, apply := len(arr), int(kw.(float64)), isArr
			if strings.HasSuffix(k, "Length") {
				n, apply = utf8.RuneCountInString(str), isStr
			}
			if apply && (strings.HasPrefix(k, "min") && n < lim || strings.HasPrefix(k, "max") && n > lim) {
				fail("length %d breaks %s %d", n, k, lim)
			}
		case "pattern":
			re, err := regexp.Compile(kw.(string))
			if err != nil {
				fail("bad pattern: %v", err)
			} else if isStr && !re.MatchString(str) {
				fail("%q does not match %s", str, kw)
			}
		case "anyOf", "oneOf", "allOf":
			subs := kw.([]any)
			ok := 0
			for _, sub := range subs {
				if len(d.oaErrors(sub, v, at)) == 0 {
					ok++
				}
			}
			if k == "anyOf" && ok == 0 || k == "oneOf" && ok != 1 || k == "allOf" && ok != len(subs) {
				fail("%s matches %d of the %d %s schemas", oaShow(v), ok, len(subs), k)
			}
		case "not":
			if len(d.oaErrors(kw, v, at)) == 0 {
				fail("%s matches a schema it must not", oaShow(v))
			}
		default:
			fail("unsupported schema keyword %q", k)
		}
	}
	return out
}

func oaIsType(t string, v any) bool {
	switch x := v.(type) {
	case nil:
		return t == "null"
	case bool:
		return t == "boolean"
	case string:
		return t == "string"
	case float64:
		return t == "number" || t == "integer" && x == math.Trunc(x)
	case []any:
		return t == "array"
	case map[string]any:
		return t == "object"
	}
	return false
}

func oaShow(v any) string {
	b, _ := json.Marshal(v)
	if len(b) > 80 {
		return string(b[:77]) + "..."
	}
	return string(b)
}

func TestOpenAPIValidatorSelfCheck(t *testing.T) {
	d := oaDoc{"components": map[string]any{"schemas": map[string]any{"N": map[string]any{"type": "integer", "minimum": 1.0}}}}
	for _, tc := range []struct {
		schema, value string
		ok            bool
	}{
		{`{"type":"integer"}`, `1`, true},
		{`{"type":"integer"}`, `1.5`, false},
		{`{"type":["string","null"]}`, `null`, true},
		{`{"required":["a"],"properties":{"a":{"type":"string"}}}`, `{"a":1}`, false},
		{`{"required":["a"]}`, `{}`, false},
		{`{"properties":{"a":true},"additionalProperties":false}`, `{"a":1,"b":2}`, false},
		{`{"items":{"$ref":"#/components/schemas/N"},"maxItems":2}`, `[1,2]`, true},
		{`{"items":{"$ref":"#/components/schemas/N"}}`, `[1,0]`, false},
		{`{"maxItems":1}`, `[1,2]`, false},
		{`{"minLength":2,"maxLength":3}`, `"é"`, false},
		{`{"pattern":"^0x[0-9a-f]+$","not":{"pattern":"^0x0+$"}}`, `"0x00"`, false},
		{`{"enum":["a",""]}`, `""`, true},
		{`{"anyOf":[{"type":"string"},{"type":"number"}]}`, `true`, false},
		{`{"oneOf":[{"type":"number"},{"type":"integer"}]}`, `2`, false},
		{`{"const":"x"}`, `"y"`, false},
		{`{"maximum":10}`, `11`, false},
		{`{"$ref":"#/components/schemas/Missing"}`, `1`, false},
		{`{"unknownKeyword":1}`, `1`, false},
	} {
		var s, v any
		if err := json.Unmarshal([]byte(tc.schema), &s); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(tc.value), &v); err != nil {
			t.Fatal(err)
		}
		if errs := d.oaErrors(s, v, "$"); (len(errs) == 0) != tc.ok {
			t.Errorf("%s against %s: want ok=%v, got %v", tc.value, tc.schema, tc.ok, errs)
		}
	}
}

func TestOpenAPIDocument(t *testing.T) {
	d := oaLoad(t)
	if d["openapi"] != "3.1.0" {
		t.Errorf("openapi is %v, want 3.1.0", d["openapi"])
	}
	info, _ := d["info"].(map[string]any)
	if info["title"] != "metapass" || info["version"] != "1.0.0" || info["description"] == "" {
		t.Errorf("info = %v", info)
	}
	if !bytes.HasSuffix(openAPI, []byte("}\n")) || !bytes.Contains(openAPI, []byte("\n  \"")) {
		t.Error("openapi.json is not pretty-printed")
	}

	t.Run("refs", func(t *testing.T) {
		var walk func(v any, at string)
		walk = func(v any, at string) {
			switch x := v.(type) {
			case map[string]any:
				if ref, ok := x["$ref"].(string); ok {
					if _, err := d.resolve(ref); err != nil {
						t.Errorf("%s: %v", at, err)
					}
				}
				for k, e := range x {
					walk(e, at+"/"+k)
				}
			case []any:
				for i, e := range x {
					walk(e, at+"/"+strconv.Itoa(i))
				}
			}
		}
		walk(map[string]any(d), "#")
	})

	t.Run("schema keywords", func(t *testing.T) {
		// Every component schema must use only keywords the validator
		// knows; validating null against each reaches every keyword.
		schemas := d["components"].(map[string]any)["schemas"].(map[string]any)
		for name, s := range schemas {
			for _, e := range d.oaErrors(s, nil, name) {
				if strings.Contains(e, "unsupported") || strings.Contains(e, "bad pattern") {
					t.Error(e)
				}
			}
		}
	})

	for _, o := range d.ops(t) {
		t.Run(o.String(), func(t *testing.T) {
			id, _ := o.op["operationId"].(string)
			if id == "" || o.op["summary"] == nil || o.op["description"] == nil {
				t.Error("needs an operationId, a summary and a description")
			}
			// Path parameters match the template.
			var inPath, declared []string
			for _, m := range regexp.MustCompile(`\{(\w+)\}`).FindAllStringSubmatch(o.path, -1) {
				inPath = append(inPath, m[1])
			}
			for _, p := range o.params {
				if p["in"] == "path" {
					declared = append(declared, p["name"].(string))
					if p["required"] != true {
						t.Errorf("path parameter %v must be required", p["name"])
					}
				}
			}
			slices.Sort(inPath)
			slices.Sort(declared)
			if !slices.Equal(inPath, declared) {
				t.Errorf("path parameters %v, declared %v", inPath, declared)
			}
			// /v1 needs a credential, except sign-in; everything else is public.
			sec, hasSec := o.op["security"].([]any)
			public := hasSec && len(sec) == 0
			if v1 := strings.HasPrefix(o.path, "/v1/") && !strings.HasPrefix(o.path, "/v1/auth/"); v1 == public {
				t.Errorf("security: public=%v for a %s route", public, map[bool]string{true: "/v1", false: "public"}[v1])
			}
			roles, _ := o.op["x-roles"].([]any)
			if public != (roles == nil) {
				t.Errorf("x-roles %v on a route with public=%v", roles, public)
			}
			responses, _ := o.op["responses"].(map[string]any)
			for _, status := range []string{"401", "403"} {
				if _, ok := responses[status]; !public && !ok {
					t.Errorf("no %s response", status)
				}
			}
			if o.op["requestBody"] != nil {
				for _, status := range []string{"400", "413", "415"} {
					if _, ok := responses[status]; !ok {
						t.Errorf("a route with a body needs a %s response", status)
					}
				}
			}
		})
	}
}

// oaPath writes a route's path in OpenAPI form: /a/:b → /a/{b}.
func oaPath(fiberPath string) string {
	return regexp.MustCompile(`:(\w+)`).ReplaceAllString(fiberPath, "{$1}")
}

func TestOpenAPIRoutes(t *testing.T) {
	d := oaLoad(t)
	app := (&Server{Log: slog.New(slog.DiscardHandler)}).App()
	registered := map[string]bool{}
	for _, r := range app.GetRoutes(true) { // true drops app.Use and group middleware
		if r.Method == fiber.MethodHead { // Fiber adds HEAD for every GET
			continue
		}
		registered[r.Method+" "+oaPath(r.Path)] = true
	}
	documented := map[string]bool{}
	for _, o := range d.ops(t) {
		documented[o.String()] = true
	}
	if len(registered) == 0 {
		t.Fatal("App registered no routes")
	}
	for _, tc := range []struct {
		what     string
		from, in map[string]bool
	}{
		{"registered by App() but missing from openapi.json", registered, documented},
		{"documented in openapi.json but not registered by App()", documented, registered},
	} {
		t.Run(tc.what, func(t *testing.T) {
			for _, r := range slices.Sorted(mapKeys(tc.from)) {
				if !tc.in[r] {
					t.Errorf("%s is %s", r, tc.what)
				}
			}
		})
	}
}

// oaExample is one example of the document with the schema it illustrates.
type oaExample struct {
	name    string
	schema  any
	example any
}

func (d oaDoc) examples(t *testing.T) []oaExample {
	t.Helper()
	var out []oaExample
	media := func(at string, content any, needExample bool) {
		for _, ct := range slices.Sorted(mapKeys(asMap(content))) {
			m := asMap(asMap(content)[ct])
			ex, ok := m["example"]
			if !ok {
				if needExample {
					t.Errorf("%s %s has no example", at, ct)
				}
				continue
			}
			out = append(out, oaExample{at + " " + ct, m["schema"], ex})
		}
	}
	for _, o := range d.ops(t) {
		for _, p := range o.params {
			if ex, ok := p["example"]; ok {
				out = append(out, oaExample{fmt.Sprintf("%s parameter %v", o, p["name"]), p["schema"], ex})
			}
		}
		if rb := o.op["requestBody"]; rb != nil {
			media(o.String()+" request", d.deref(t, rb)["content"], true)
		}
		responses := asMap(o.op["responses"])
		for _, status := range slices.Sorted(mapKeys(responses)) {
			r := d.deref(t, responses[status])
			at := o.String() + " " + status
			media(at, r["content"], strings.HasPrefix(status, "2"))
			for name, h := range asMap(r["headers"]) {
				if ex, ok := asMap(h)["example"]; ok {
					out = append(out, oaExample{at + " header " + name, asMap(h)["schema"], ex})
				}
			}
		}
	}
	return out
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func TestOpenAPIExamples(t *testing.T) {
	d := oaLoad(t)
	examples := d.examples(t)
	if len(examples) < 40 {
		t.Fatalf("only %d examples found", len(examples))
	}
	for _, ex := range examples {
		t.Run(ex.name, func(t *testing.T) {
			if ex.schema == nil {
				t.Fatal("example without a schema")
			}
			for _, e := range d.oaErrors(ex.schema, ex.example, "$") {
				t.Error(e)
			}
		})
	}
}

// oaDecode feeds body to the package's decode through a throwaway app and
// returns its error.
func oaDecode(t *testing.T, body []byte, dst any) error {
	t.Helper()
	app := fiber.New()
	app.Post("/", func(c *fiber.Ctx) error {
		if err := decode(c, dst); err != nil {
			return c.Status(http.StatusTeapot).SendString(err.Error())
		}
		return c.SendStatus(http.StatusNoContent)
	})
	req := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(body))
	req.Header.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSON)
	res, err := app.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	msg, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusNoContent {
		return errors.New(string(msg))
	}
	return nil
}

// oaRequestExample returns the request body example of an operation.
func (d oaDoc) requestExample(t *testing.T, op string) (schema, example any) {
	t.Helper()
	for _, o := range d.ops(t) {
		if o.String() == op {
			m := asMap(asMap(d.deref(t, o.op["requestBody"])["content"])["application/json"])
			return m["schema"], m["example"]
		}
	}
	t.Fatalf("no operation %s", op)
	return nil, nil
}

// TestOpenAPIRequestBodies proves the document and the validator tags agree:
// each request example, and variants of it, is accepted (or rejected) alike
// by the documented schema and by the handler's decode.
func TestOpenAPIRequestBodies(t *testing.T) {
	d := oaLoad(t)
	structs := map[string]func() any{
		"POST /v1/brands":                 func() any { return new(brandRequest) },
		"POST /v1/brands/{brand}/keys":    func() any { return new(keyRequest) },
		"POST /v1/launches":               func() any { return new(launchRequest) },
		"PATCH /v1/launches/{id}":         func() any { return new(launchPatchRequest) },
		"POST /v1/launches/{id}/orders":   func() any { return new(orderRequest) },
		"POST /v1/auth/siwe/verify":       func() any { return new(siweVerifyRequest) },
		"POST /v1/launches/{id}/perks":    func() any { return new(perkRequest) },
		"POST /v1/perks/{id}/dry-run":     func() any { return new(dryRunRequest) },
		"POST /v1/perks/{id}/redemptions": func() any { return new(redemptionRequest) },
		"POST /v1/events":                 func() any { return new(eventRequest) },
		"POST /v1/events/{id}/staff-keys": func() any { return new(staffKeyRequest) },
		"POST /v1/events/{id}/checkins":   func() any { return new(checkinRequest) },
		"POST /v1/webhooks":               func() any { return new(webhookRequest) },
		"POST /v1/customers/{ref}/claims": func() any { return new(claimRequest) },
	}
	// Every documented request body has its struct here.
	for _, o := range d.ops(t) {
		if _, ok := structs[o.String()]; o.op["requestBody"] != nil && !ok {
			t.Errorf("%s has a request body but no request struct in this test", o)
		}
	}
	long := func(n int) string { return strings.Repeat("a", n) }
	type edit = map[string]any // top-level fields to set; nil deletes
	cases := []struct {
		op   string
		name string
		edit edit
		ok   bool
	}{
		{"POST /v1/brands", "example", nil, true},
		{"POST /v1/brands", "no name", edit{"name": nil}, false},
		{"POST /v1/brands", "name too long", edit{"name": long(201)}, false},
		{"POST /v1/brands", "unknown field", edit{"slug": "aurel"}, false},
		{"POST /v1/brands/{brand}/keys", "example", nil, true},
		{"POST /v1/brands/{brand}/keys", "operator role", edit{"role": "operator"}, false},
		{"POST /v1/brands/{brand}/keys", "no role", edit{"role": nil}, false},
		{"POST /v1/brands/{brand}/keys", "empty label", edit{"label": ""}, true},
		{"POST /v1/brands/{brand}/keys", "label too long", edit{"label": long(201)}, false},
		{"POST /v1/launches", "example", nil, true},
		{"POST /v1/launches", "only required", edit{"description": nil, "image_url": nil, "external_url": nil, "attributes": nil,
			"per_wallet_cap": nil, "sale_starts_at": nil, "sale_ends_at": nil, "soulbound": nil, "royalty_receiver": nil, "royalty_bps": nil}, true},
		{"POST /v1/launches", "empty optional strings", edit{"image_url": "", "external_url": "", "royalty_receiver": "", "royalty_bps": 0}, true},
		{"POST /v1/launches", "passes_per_unit 0", edit{"skus": []any{map[string]any{"sku": "A", "passes_per_unit": 0}}}, true},
		{"POST /v1/launches", "passes_per_unit 101", edit{"skus": []any{map[string]any{"sku": "A", "passes_per_unit": 101}}}, false},
		{"POST /v1/launches", "no skus", edit{"skus": nil}, false},
		{"POST /v1/launches", "empty skus", edit{"skus": []any{}}, false},
		{"POST /v1/launches", "sku not ASCII", edit{"skus": []any{map[string]any{"sku": "SAC-ÉTÉ"}}}, false},
		{"POST /v1/launches", "unknown sku field", edit{"skus": []any{map[string]any{"sku": "A", "price": 1}}}, false},
		{"POST /v1/launches", "supply_cap 0", edit{"supply_cap": 0}, false},
		{"POST /v1/launches", "supply_cap too big", edit{"supply_cap": 1000000001}, false},
		{"POST /v1/launches", "symbol too long", edit{"symbol": long(17)}, false},
		{"POST /v1/launches", "royalty_bps too big", edit{"royalty_bps": 10001}, false},
		{"POST /v1/launches", "zero royalty_receiver", edit{"royalty_receiver": "0x0000000000000000000000000000000000000000"}, false},
		{"POST /v1/launches", "bad display_type", edit{"attributes": []any{map[string]any{"trait_type": "T", "value": 1, "display_type": "stars"}}}, false},
		{"POST /v1/launches", "empty display_type", edit{"attributes": []any{map[string]any{"trait_type": "T", "value": "x", "display_type": ""}}}, true},
		{"POST /v1/launches", "attribute without value", edit{"attributes": []any{map[string]any{"trait_type": "T"}}}, false},
		{"POST /v1/launches", "date-only sale_starts_at", edit{"sale_starts_at": "2026-04-01"}, false},
		{"POST /v1/launches", "offset sale_ends_at", edit{"sale_ends_at": "2026-10-01T02:00:00.5+02:00"}, true},
		{"POST /v1/launches", "negative per_wallet_cap", edit{"per_wallet_cap": -1}, false},
		{"POST /v1/launches", "unknown field", edit{"price": 10}, false},
		{"PATCH /v1/launches/{id}", "example", nil, true},
		{"PATCH /v1/launches/{id}", "empty patch", edit{"description": nil, "per_wallet_cap": nil, "sale_ends_at": nil}, true},
		{"PATCH /v1/launches/{id}", "empty name", edit{"name": ""}, false},
		{"PATCH /v1/launches/{id}", "empty image_url", edit{"image_url": ""}, false},
		{"PATCH /v1/launches/{id}", "empty royalty_receiver", edit{"royalty_receiver": ""}, false},
		{"PATCH /v1/launches/{id}", "empty skus", edit{"skus": []any{}}, false},
		{"PATCH /v1/launches/{id}", "no attributes", edit{"attributes": []any{}}, true},
		{"PATCH /v1/launches/{id}", "sale_ends_at without zone", edit{"sale_ends_at": "2026-12-31T23:00:00"}, false},
		{"PATCH /v1/launches/{id}", "supply_cap 0", edit{"supply_cap": 0}, false},
		{"PATCH /v1/launches/{id}", "unknown field", edit{"state": "live"}, false},
		{"POST /v1/launches/{id}/orders", "example", nil, true},
		{"POST /v1/launches/{id}/orders", "quantity 0", edit{"quantity": 0}, false},
		{"POST /v1/launches/{id}/orders", "quantity 1001", edit{"quantity": 1001}, false},
		{"POST /v1/launches/{id}/orders", "no customer", edit{"customer": nil}, false},
		{"POST /v1/launches/{id}/orders", "empty customer", edit{"customer": map[string]any{}}, false},
		{"POST /v1/launches/{id}/orders", "wallet without 0x", edit{"customer": map[string]any{"wallet": "52908400098527886E0F7030069857D2E4169EE7"}}, false},
		{"POST /v1/launches/{id}/orders", "zero wallet", edit{"customer": map[string]any{"wallet": "0x0000000000000000000000000000000000000000"}}, false},
		{"POST /v1/launches/{id}/orders", "unknown customer field", edit{"customer": map[string]any{"wallet": "0x52908400098527886E0F7030069857D2E4169EE7", "email": "a@b.c"}}, false},
		{"POST /v1/launches/{id}/orders", "order_id too long", edit{"order_id": long(129)}, false},
		{"POST /v1/launches/{id}/orders", "empty sku", edit{"sku": ""}, false},
		{"POST /v1/auth/siwe/verify", "example", nil, true},
		{"POST /v1/auth/siwe/verify", "no signature", edit{"signature": nil}, false},
		{"POST /v1/auth/siwe/verify", "empty message", edit{"message": ""}, false},
		{"POST /v1/auth/siwe/verify", "unknown field", edit{"wallet": "0x52908400098527886E0F7030069857D2E4169EE7"}, false},
		{"POST /v1/customers/{ref}/claims", "example", nil, true},
		{"POST /v1/customers/{ref}/claims", "no signature", edit{"signature": nil}, false},
		{"POST /v1/webhooks", "example", nil, true},
		{"POST /v1/webhooks", "no events", edit{"events": []any{}}, false},
		{"POST /v1/webhooks", "no url", edit{"url": nil}, false},
		{"POST /v1/events", "example", nil, true},
		{"POST /v1/events", "only required", edit{"venue": nil, "doors_open_at": nil, "reentry": nil}, true},
		{"POST /v1/events", "no launches", edit{"launches": []any{}}, false},
		{"POST /v1/events", "capacity 0", edit{"capacity": 0}, false},
		{"POST /v1/events", "bad reentry", edit{"reentry": "twice"}, false},
		{"POST /v1/events", "no starts_at", edit{"starts_at": nil}, false},
		{"POST /v1/events", "unknown field", edit{"price": 1}, false},
		{"POST /v1/events/{id}/staff-keys", "example", nil, true},
		{"POST /v1/events/{id}/staff-keys", "empty", edit{"label": nil}, true},
		{"POST /v1/events/{id}/staff-keys", "bad valid_from", edit{"valid_from": "tomorrow"}, false},
		{"POST /v1/events/{id}/checkins", "example", nil, true},
		{"POST /v1/events/{id}/checkins", "no code", edit{"code": nil}, false},
		{"POST /v1/events/{id}/checkins", "exit scan", edit{"direction": "out"}, true},
		{"POST /v1/events/{id}/checkins", "bad direction", edit{"direction": "up"}, false},
		{"POST /v1/events/{id}/checkins", "gate too long", edit{"gate": long(101)}, false},
		{"POST /v1/launches/{id}/perks", "example", nil, true},
		{"POST /v1/launches/{id}/perks", "only required", edit{"description": nil, "limit": nil, "starts_at": nil, "payload": nil}, true},
		{"POST /v1/launches/{id}/perks", "no rule", edit{"rule": nil}, false},
		{"POST /v1/launches/{id}/perks", "bad kind", edit{"kind": "coupon"}, false},
		{"POST /v1/launches/{id}/perks", "empty title", edit{"title": ""}, false},
		{"POST /v1/launches/{id}/perks", "bad period", edit{"limit": map[string]any{"per_token": 1, "period": "year"}}, false},
		{"POST /v1/launches/{id}/perks", "negative per_wallet", edit{"limit": map[string]any{"per_wallet": -1}}, false},
		{"POST /v1/launches/{id}/perks", "negative inventory", edit{"inventory": -1}, false},
		{"POST /v1/launches/{id}/perks", "unknown rule field", edit{"rule": map[string]any{"owns": map[string]any{}}}, false},
		{"POST /v1/launches/{id}/perks", "unknown holds field", edit{"rule": map[string]any{"holds": map[string]any{"launches": []any{"lch_1"}, "since": 1}}}, false},
		{"POST /v1/launches/{id}/perks", "nested rule", edit{"rule": map[string]any{"any": []any{map[string]any{"holds": map[string]any{"launches": []any{"lch_1"}, "token_ids": []any{map[string]any{"from": 1, "to": 10}}}}, map[string]any{"holds": map[string]any{"launches": []any{"lch_2"}, "attributes": map[string]any{"Vintage": []any{"2026"}}}}}}}, true},
		{"POST /v1/launches/{id}/perks", "empty code", edit{"payload": map[string]any{"codes": []any{""}}}, false},
		{"POST /v1/launches/{id}/perks", "unknown payload field", edit{"payload": map[string]any{"pdf": "x"}}, false},
		{"POST /v1/launches/{id}/perks", "bad starts_at", edit{"starts_at": "soon"}, false},
		{"POST /v1/perks/{id}/dry-run", "example", nil, true},
		{"POST /v1/perks/{id}/dry-run", "zero wallet", edit{"wallet": "0x0000000000000000000000000000000000000000"}, false},
		{"POST /v1/perks/{id}/dry-run", "no wallet", edit{"wallet": nil}, false},
		{"POST /v1/perks/{id}/redemptions", "example", nil, true},
		{"POST /v1/perks/{id}/redemptions", "neither", edit{"launch_id": nil, "token_id": nil}, true},
		{"POST /v1/perks/{id}/redemptions", "token without launch", edit{"launch_id": nil}, false},
		{"POST /v1/perks/{id}/redemptions", "launch without token", edit{"token_id": nil}, false},
		{"POST /v1/perks/{id}/redemptions", "negative token", edit{"token_id": -1}, false},
	}
	for _, tc := range cases {
		t.Run(tc.op+" "+tc.name, func(t *testing.T) {
			schema, example := d.requestExample(t, tc.op)
			if example == nil {
				t.Fatal("no request example")
			}
			var body map[string]any
			b, _ := json.Marshal(example)
			_ = json.Unmarshal(b, &body) // a deep copy
			for k, v := range tc.edit {
				if v == nil {
					delete(body, k)
				} else {
					body[k] = v
				}
			}
			errs := d.oaErrors(schema, oaNumbers(body), "$")
			if (len(errs) == 0) != tc.ok {
				t.Errorf("schema: want ok=%v, got %v", tc.ok, errs)
			}
			b, _ = json.Marshal(body)
			err := oaDecode(t, b, structs[tc.op]())
			if (err == nil) != tc.ok {
				t.Errorf("decode %s: want ok=%v, got %v", b, tc.ok, err)
			}
		})
	}
}

// oaNumbers turns Go ints in hand-written test values into JSON's float64.
func oaNumbers(v any) any {
	b, _ := json.Marshal(v)
	var out any
	_ = json.Unmarshal(b, &out)
	return out
}

// Fakes: just enough of the stores to run every route without a database.

const oaBrand = "brd_7f3a9c1e5b2d4f608a1c" // the brand of the test's brand keys

type oaBrandStore struct{ keys map[string]brands.Key } // by secret hash

func (oaBrandStore) CreateBrand(context.Context, brands.Brand) error { return nil }
func (oaBrandStore) ListBrands(context.Context) ([]brands.Brand, error) {
	return []brands.Brand{{ID: oaBrand, Name: "Maison Aurel", CreatedAt: time.Now().UTC()}}, nil
}
func (oaBrandStore) GetBrand(_ context.Context, id string) (brands.Brand, error) {
	return brands.Brand{ID: id, Name: "Maison Aurel", CreatedAt: time.Now().UTC()}, nil
}
func (oaBrandStore) CreateKey(context.Context, brands.Key, []byte) error { return nil }
func (s oaBrandStore) KeyByHash(_ context.Context, hash []byte) (brands.Key, error) {
	if k, ok := s.keys[string(hash)]; ok {
		return k, nil
	}
	return brands.Key{}, metapass.Errorf(metapass.ENOTFOUND, "no key")
}
func (s oaBrandStore) ListKeys(context.Context, string) ([]brands.Key, error) {
	revoked := time.Now().UTC()
	return []brands.Key{
		{ID: "key_00000000000000000001", BrandID: oaBrand, Role: brands.RoleAdmin, CreatedAt: revoked},
		{ID: "key_00000000000000000002", BrandID: oaBrand, Role: brands.RoleOrders, Label: "shop", CreatedAt: revoked, RevokedAt: &revoked},
	}, nil
}
func (oaBrandStore) RevokeKey(context.Context, string, string, time.Time) error  { return nil }
func (oaBrandStore) HasOperatorKey(context.Context) (bool, error)                { return true, nil }
func (oaBrandStore) RotateOperatorKey(context.Context, brands.Key, []byte) error { return nil }

// oaPassStore holds no launches: lookups are 404, lists are empty.
type oaPassStore struct{}

var oaNotFound = metapass.Errorf(metapass.ENOTFOUND, "not found")

func (oaPassStore) InTx(context.Context, func(passes.Tx) error) error { return oaNotFound }
func (oaPassStore) CreateLaunch(context.Context, passes.Launch) error { return nil }
func (oaPassStore) GetLaunch(context.Context, string, string) (passes.Launch, error) {
	return passes.Launch{}, oaNotFound
}
func (oaPassStore) ListLaunches(context.Context, string) ([]passes.Launch, error) {
	return []passes.Launch{}, nil
}
func (oaPassStore) LaunchByContract(context.Context, uint64, string) (passes.Launch, error) {
	return passes.Launch{}, oaNotFound
}
func (oaPassStore) GetOrder(context.Context, string, string) (passes.Order, error) {
	return passes.Order{}, oaNotFound
}
func (oaPassStore) ListOrders(context.Context, string, string, int) ([]passes.Order, error) {
	return nil, oaNotFound
}
func (oaPassStore) ListPasses(context.Context, string, passes.PassFilter) ([]passes.Pass, error) {
	return []passes.Pass{}, nil
}
func (oaPassStore) GetPass(context.Context, string, uint64) (passes.Pass, error) {
	return passes.Pass{}, oaNotFound
}

func (oaPassStore) PassByChainTokenID(context.Context, string, string) (passes.Pass, error) {
	return passes.Pass{}, oaNotFound
}

// oaPerkStore holds no perks: lists are empty, a redemption finds nothing.
type oaEventStore struct{}

func (oaEventStore) CreateEvent(context.Context, events.Event) error { return nil }
func (oaEventStore) GetEvent(context.Context, string, string) (events.Event, error) {
	return events.Event{}, oaNotFound
}
func (oaEventStore) ListEvents(context.Context, string) ([]events.Event, error) { return nil, nil }
func (oaEventStore) ListCheckins(context.Context, string, string, int) ([]events.Checkin, error) {
	return nil, nil
}
func (oaEventStore) InsertCheckin(context.Context, events.Checkin) error { return nil }
func (oaEventStore) InTx(context.Context, func(events.Tx) error) error   { return oaNotFound }

type oaWebhookStore struct{}

func (oaWebhookStore) CreateEndpoint(context.Context, webhooks.Endpoint) error { return nil }
func (oaWebhookStore) ListEndpoints(context.Context, string) ([]webhooks.Endpoint, error) {
	return nil, nil
}
func (oaWebhookStore) DeleteEndpoint(context.Context, string, string) error { return oaNotFound }
func (oaWebhookStore) FanOut(context.Context, int, time.Time) (int, error)  { return 0, nil }
func (oaWebhookStore) ClaimDue(context.Context, time.Time, time.Duration, webhooks.Claim) ([]webhooks.Due, error) {
	return nil, nil
}
func (oaWebhookStore) SaveAttempts(context.Context, []webhooks.Delivery) error { return nil }
func (oaWebhookStore) ListDeliveries(context.Context, string, string, int) ([]webhooks.Delivery, error) {
	return nil, nil
}
func (oaWebhookStore) Redeliver(context.Context, string, string, time.Time) (webhooks.Delivery, error) {
	return webhooks.Delivery{}, oaNotFound
}

type oaPerkStore struct{}

func (oaPerkStore) Version(context.Context, string) (perks.Version, error) {
	return perks.Version{}, nil
}

func (oaPerkStore) CreatePerk(context.Context, perks.Perk) error { return nil }
func (oaPerkStore) ListPerks(context.Context, string, string) ([]perks.Perk, error) {
	return []perks.Perk{}, nil
}
func (oaPerkStore) GetPerk(context.Context, string, string) (perks.Perk, error) {
	return perks.Perk{}, oaNotFound
}
func (oaPerkStore) Used(context.Context, string, string, []perks.TokenKey, time.Time) (map[string]perks.Usage, error) {
	return map[string]perks.Usage{}, nil
}
func (oaPerkStore) Usage(context.Context, string, string, []perks.TokenKey, string) (perks.Usage, error) {
	return perks.Usage{}, nil
}
func (oaPerkStore) InTx(context.Context, func(perks.Tx) error) error { return oaNotFound }

// oaHoldings says every wallet holds nothing.
// oaHoldings holds one pass, so the wallet's pass lists and verdicts
// are checked against their schemas with an item in them.
type oaHoldings struct{}

func (oaHoldings) Held(context.Context, string, string) ([]perks.Held, error) {
	return []perks.Held{{LaunchID: "lch_0123456789abcdef0123", ChainID: 8453, Contract: "0x52908400098527886E0F7030069857D2E4169EE7",
		TokenID: 7, ChainTokenID: "37344990592676294723008695098726592924025138620336884140555893936518126895105",
		Since: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Attributes: map[string]string{"Edition": "7"}}}, nil
}

// oaWallet is the signed-in wallet of the customer session.
const oaWallet = "0x52908400098527886E0F7030069857D2E4169EE7"

// oaCustomerStore knows one session, the customer role's; nonces are unknown.
type oaCustomerStore struct{}

func (oaCustomerStore) CreateNonce(context.Context, string, string, time.Time) error { return nil }
func (oaCustomerStore) ConsumeNonce(context.Context, string, string, time.Time) error {
	return siwe.ErrBadNonce
}
func (oaCustomerStore) CreateSession(context.Context, []byte, customers.Session) error { return nil }
func (oaCustomerStore) SessionByHash(_ context.Context, hash []byte) (customers.Session, error) {
	if h := sha256.Sum256([]byte(oaSecret(brands.RoleCustomer))); string(h[:]) == string(hash) {
		return customers.Session{BrandID: oaBrand, Wallet: oaWallet, ExpiresAt: time.Now().Add(time.Hour)}, nil
	}
	return customers.Session{}, oaNotFound
}

// oaSecret is the test credential of a role: a key, or for the customer a
// session token.
func oaSecret(role brands.Role) string {
	if role == brands.RoleCustomer {
		return "mps_" + fmt.Sprintf("%064x", sha256.Sum256([]byte(role)))
	}
	return "mpk_" + fmt.Sprintf("%064x", sha256.Sum256([]byte(role)))
}

func oaServer(ready error) *Server {
	keys := map[string]brands.Key{}
	for i, role := range []brands.Role{brands.RoleOperator, brands.RoleAdmin, brands.RoleOrders, brands.RoleStaff} {
		k := brands.Key{ID: fmt.Sprintf("key_%020d", 100+i), Role: role, CreatedAt: time.Now()}
		if role != brands.RoleOperator {
			k.BrandID = oaBrand
		}
		if role == brands.RoleStaff { // scoped to the Event parameter's example
			k.Scope = &brands.Scope{EventID: "evt_3b7e1a9c5d2f8e4a6c0b", ValidFrom: time.Now().Add(-time.Hour), ValidUntil: time.Now().Add(time.Hour)}
		}
		h := sha256.Sum256([]byte(oaSecret(role)))
		keys[string(h[:])] = k
	}
	return &Server{
		Brands:   &brands.Service{Store: oaBrandStore{keys}, Now: time.Now},
		Passes:   &passes.Service{Store: oaPassStore{}, ChainID: 8453, Now: time.Now},
		Perks:    &perks.Service{Store: oaPerkStore{}, Holdings: oaHoldings{}, Now: time.Now},
		Events:   &events.Service{Store: oaEventStore{}, Launches: oaPassStore{}, Now: time.Now},
		Webhooks: &webhooks.Service{Store: oaWebhookStore{}, Now: time.Now},
		Customers: &customers.Service{Store: oaCustomerStore{}, Now: time.Now,
			Domain: "app.maison-aurel.com", ChainID: 8453},
		Ready: func(context.Context) error { return ready },
		Log:   slog.New(slog.DiscardHandler),
	}
}

// oaProbe is one request to the app and what its status must (not) be.
type oaProbe struct {
	name      string
	op        oaOp
	path      string // the concrete path with its query
	header    map[string]string
	body      []byte
	want, not int // 0: anything documented
}

// fill writes op's path with the parameters' examples, overridden by set.
func (o oaOp) fill(t *testing.T, set map[string]string) string {
	t.Helper()
	p := o.path
	for _, prm := range o.params {
		if prm["in"] != "path" {
			continue
		}
		v, ok := set[prm["name"].(string)]
		if !ok {
			v = fmt.Sprint(prm["example"])
		}
		p = strings.ReplaceAll(p, "{"+prm["name"].(string)+"}", v)
	}
	if strings.Contains(p, "{") {
		t.Fatalf("%s: a path parameter has no example", o)
	}
	return p
}

// TestOpenAPIResponses sends requests to the real app over in-memory fakes
// and checks each answer against the document: its status is documented for
// the operation (and a role outside x-roles gets 403, one inside does not),
// its content type is documented, required headers are present, and its
// body validates against the documented schema.
func TestOpenAPIResponses(t *testing.T) {
	d := oaLoad(t)
	app := oaServer(nil).App()
	ops := map[string]oaOp{}
	var probes []oaProbe
	for _, o := range d.ops(t) {
		ops[o.String()] = o
		var body []byte
		if rb := o.op["requestBody"]; rb != nil {
			ex := asMap(asMap(d.deref(t, rb)["content"])["application/json"])["example"]
			body, _ = json.Marshal(ex)
		}
		jsonCT := map[string]string{fiber.HeaderContentType: fiber.MIMEApplicationJSON}
		roles, _ := o.op["x-roles"].([]any)
		if roles == nil { // public
			probes = append(probes, oaProbe{name: "public", op: o, path: o.fill(t, nil), body: body})
			continue
		}
		probes = append(probes, oaProbe{name: "no key", op: o, path: o.fill(t, nil), header: jsonCT, body: body, want: 401})
		probes = append(probes, oaProbe{name: "unknown key", op: o, path: o.fill(t, nil), body: body, want: 401,
			header: map[string]string{fiber.HeaderAuthorization: "Bearer mpk_unknown"}})
		for _, role := range []brands.Role{brands.RoleOperator, brands.RoleAdmin, brands.RoleOrders, brands.RoleStaff, brands.RoleCustomer} {
			p := oaProbe{name: "role " + string(role), op: o, path: o.fill(t, nil), body: body,
				header: map[string]string{fiber.HeaderAuthorization: "Bearer " + oaSecret(role), fiber.HeaderContentType: fiber.MIMEApplicationJSON}}
			if slices.Contains(roles, any(string(role))) {
				p.not = 403
				if body != nil {
					bad := p
					bad.name, bad.body, bad.not, bad.want = bad.name+" invalid body", []byte(`{"unknown": true}`), 0, 400
					wrongType := p
					wrongType.name, wrongType.not, wrongType.want = wrongType.name+" text body", 0, 415
					wrongType.header = map[string]string{fiber.HeaderAuthorization: p.header[fiber.HeaderAuthorization], fiber.HeaderContentType: "text/plain"}
					probes = append(probes, bad, wrongType)
				}
			} else {
				p.want = 403
			}
			probes = append(probes, p)
		}
	}
	admin := map[string]string{fiber.HeaderAuthorization: "Bearer " + oaSecret(brands.RoleAdmin), fiber.HeaderContentType: fiber.MIMEApplicationJSON}
	order := ops["POST /v1/launches/{id}/orders"]
	orderBody, _ := json.Marshal(asMap(asMap(d.deref(t, order.op["requestBody"])["content"])["application/json"])["example"])
	longKey := map[string]string{"Idempotency-Key": strings.Repeat("k", 256)}
	for k, v := range admin {
		longKey[k] = v
	}
	probes = append(probes,
		oaProbe{name: "bad chain", op: ops["GET /metadata/{chain}/{contract}/{token}"], path: ops["GET /metadata/{chain}/{contract}/{token}"].fill(t, map[string]string{"chain": "base"}), want: 400},
		oaProbe{name: "bad token", op: ops["GET /metadata/{chain}/{contract}/{token}"], path: ops["GET /metadata/{chain}/{contract}/{token}"].fill(t, map[string]string{"token": "-1"}), want: 400},
		oaProbe{name: "bad contract", op: ops["GET /metadata/{chain}/{contract}"], path: ops["GET /metadata/{chain}/{contract}"].fill(t, map[string]string{"contract": "0x1234"}), want: 400},
		oaProbe{name: "bad contract", op: ops["GET /v1/passes/{chain}/{contract}/{token}"], header: admin, path: ops["GET /v1/passes/{chain}/{contract}/{token}"].fill(t, map[string]string{"contract": "aurel"}), want: 400},
		oaProbe{name: "bad owner", op: ops["GET /v1/passes"], header: admin, path: "/v1/passes?owner=aurel", want: 400},
		oaProbe{name: "limit 0", op: ops["GET /v1/passes"], header: admin, path: "/v1/passes?limit=0", want: 400},
		oaProbe{name: "query", op: ops["GET /v1/passes"], header: admin, path: "/v1/passes?owner=0x52908400098527886E0F7030069857D2E4169EE7&launch_id=lch_1&limit=1000", want: 200},
		oaProbe{name: "limit 501", op: ops["GET /v1/launches/{id}/orders"], header: admin, path: order.fill(t, nil) + "?limit=501", want: 400},
		oaProbe{name: "brand", op: ops["GET /v1/auth/siwe/nonce"], path: "/v1/auth/siwe/nonce?brand_id=" + oaBrand, want: 200},
		oaProbe{name: "another wallet", op: ops["GET /v1/wallets/{address}/perks"], path: "/v1/wallets/0x1111111111111111111111111111111111111111/perks", want: 404,
			header: map[string]string{fiber.HeaderAuthorization: "Bearer " + oaSecret(brands.RoleCustomer)}},
		oaProbe{name: "bad address", op: ops["GET /v1/wallets/{address}/perks"], header: admin, path: "/v1/wallets/aurel/perks", want: 400},
		oaProbe{name: "unknown session", op: ops["GET /v1/wallets/{address}/perks"], path: "/v1/wallets/" + oaWallet + "/perks", want: 401,
			header: map[string]string{fiber.HeaderAuthorization: "Bearer mps_unknown"}},
		oaProbe{name: "long Idempotency-Key", op: order, header: longKey, path: order.fill(t, nil), body: orderBody, want: 400},
	)
	for _, p := range probes {
		t.Run(p.op.String()+" "+p.name, func(t *testing.T) {
			oaCheck(t, d, app, p)
		})
	}
	t.Run("GET /readyz not ready", func(t *testing.T) {
		oaCheck(t, d, oaServer(errors.New("database is locked")).App(), oaProbe{op: ops["GET /readyz"], path: "/readyz", want: 503})
	})
	t.Run("GET /readyz degraded", func(t *testing.T) {
		srv := oaServer(nil)
		srv.Degraded = func(context.Context) map[string]string {
			return map[string]string{"chain": "unreachable: connection refused", "signer": "waiting_for_funds: fund it"}
		}
		oaCheck(t, d, srv.App(), oaProbe{op: ops["GET /readyz"], path: "/readyz", want: 200})
	})
}

func oaCheck(t *testing.T, d oaDoc, app *fiber.App, p oaProbe) {
	t.Helper()
	if p.op.op == nil {
		t.Fatal("probe of an undocumented operation")
	}
	var body io.Reader
	if p.body != nil {
		body = bytes.NewReader(p.body)
	}
	req := httptest.NewRequest(p.op.method, p.path, body)
	for k, v := range p.header {
		req.Header.Set(k, v)
	}
	res, err := app.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	got, _ := io.ReadAll(res.Body)
	switch {
	case p.want != 0 && res.StatusCode != p.want:
		t.Errorf("status %d, want %d: %s", res.StatusCode, p.want, got)
	case p.not != 0 && res.StatusCode == p.not:
		t.Errorf("status %d, want any other: %s", res.StatusCode, got)
	}
	doc, ok := asMap(p.op.op["responses"])[strconv.Itoa(res.StatusCode)]
	if !ok {
		t.Fatalf("status %d is not documented: %s", res.StatusCode, got)
	}
	r := d.deref(t, doc)
	for name, h := range asMap(r["headers"]) {
		if asMap(h)["required"] == true && res.Header.Get(name) == "" {
			t.Errorf("no %s header", name)
		}
	}
	content := asMap(r["content"])
	if len(content) == 0 {
		if len(got) != 0 {
			t.Errorf("undocumented body %s", got)
		}
		return
	}
	ct, _, _ := strings.Cut(res.Header.Get(fiber.HeaderContentType), ";")
	media, ok := content[ct]
	if !ok {
		t.Fatalf("content type %q is not documented for %d (documented: %v)", ct, res.StatusCode, slices.Sorted(mapKeys(content)))
	}
	var v any
	if err := json.Unmarshal(got, &v); err != nil {
		t.Fatalf("body is not JSON: %v: %s", err, got)
	}
	for _, e := range d.oaErrors(asMap(media)["schema"], v, "$") {
		t.Errorf("%s (body %s)", e, got)
	}
}
