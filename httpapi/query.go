package httpapi

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/metapass/metapass"
)

// operations are the query rules of the embedded OpenAPI document. The
// document is compiled in and checked by the tests, so a failure to read
// it is a broken build, like a bad regexp.MustCompile.
var operations = func() []queryRule {
	rules, err := queryRules(openAPI)
	if err != nil {
		panic(err)
	}
	return rules
}()

// queryRule is one operation of the OpenAPI document: its method, its path
// template split into segments ("{…}" matches any one segment) and the
// query parameters it declares.
type queryRule struct {
	method string
	segs   []string
	names  []string
}

// queryRules reads every operation's declared query parameters from the
// OpenAPI document, so the document stays the one list of what a route
// takes.
func queryRules(doc []byte) ([]queryRule, error) {
	type param struct {
		Ref  string `json:"$ref"`
		Name string `json:"name"`
		In   string `json:"in"`
	}
	var d struct {
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			Parameters map[string]param `json:"parameters"`
		} `json:"components"`
	}
	if err := json.Unmarshal(doc, &d); err != nil {
		return nil, fmt.Errorf("openapi.json: %w", err)
	}
	queryNames := func(raw json.RawMessage) ([]string, error) {
		var ps []param
		if err := json.Unmarshal(raw, &ps); err != nil {
			return nil, err
		}
		var names []string
		for _, p := range ps {
			if p.Ref != "" {
				p = d.Components.Parameters[strings.TrimPrefix(p.Ref, "#/components/parameters/")]
			}
			if p.In == "query" {
				names = append(names, p.Name)
			}
		}
		return names, nil
	}
	var rules []queryRule
	for path, item := range d.Paths {
		var common []string
		if raw, ok := item["parameters"]; ok {
			var err error
			if common, err = queryNames(raw); err != nil {
				return nil, fmt.Errorf("openapi.json %s: %w", path, err)
			}
		}
		for method, raw := range item {
			if method == "parameters" {
				continue
			}
			var op struct {
				Parameters json.RawMessage `json:"parameters"`
			}
			if err := json.Unmarshal(raw, &op); err != nil {
				return nil, fmt.Errorf("openapi.json %s %s: %w", method, path, err)
			}
			names := slices.Clone(common)
			if op.Parameters != nil {
				own, err := queryNames(op.Parameters)
				if err != nil {
					return nil, fmt.Errorf("openapi.json %s %s: %w", method, path, err)
				}
				names = append(names, own...)
			}
			rules = append(rules, queryRule{method: strings.ToUpper(method), segs: strings.Split(path, "/"), names: names})
		}
	}
	return rules, nil
}

// match finds the rule of method and path: among templates that fit, the
// one with the most literal segments (/v1/webhooks/deliveries before
// /v1/webhooks/{id}).
func match(rules []queryRule, method, path string) (queryRule, bool) {
	if method == fiber.MethodHead {
		method = fiber.MethodGet
	}
	segs := strings.Split(path, "/")
	best, bestLiterals := queryRule{}, -1
	for _, r := range rules {
		if r.method != method || len(r.segs) != len(segs) {
			continue
		}
		literals, fits := 0, true
		for i, s := range r.segs {
			switch {
			case strings.HasPrefix(s, "{"):
				fits = segs[i] != ""
			case s == segs[i]:
				literals++
			default:
				fits = false
			}
			if !fits {
				break
			}
		}
		if fits && literals > bestLiterals {
			best, bestLiterals = r, literals
		}
	}
	return best, bestLiterals >= 0
}

// strictQuery refuses a query parameter the operation does not declare
// (400 naming it), so a misspelt or unsupported filter (`?state=`) is an
// error rather than a list of everything. Requests that are no operation
// (pages, assets) pass.
func strictQuery(rules []queryRule) fiber.Handler {
	return func(c *fiber.Ctx) error {
		r, ok := match(rules, c.Method(), c.Path())
		if !ok {
			return c.Next()
		}
		var unknown string
		c.Context().QueryArgs().VisitAll(func(k, _ []byte) {
			if unknown == "" && !slices.Contains(r.names, string(k)) {
				unknown = string(k)
			}
		})
		if unknown != "" {
			takes := "no query parameters"
			if len(r.names) > 0 {
				takes = "only " + strings.Join(r.names, ", ")
			}
			return metapass.FieldError(unknown, "unknown query parameter: this operation takes %s", takes)
		}
		return c.Next()
	}
}
