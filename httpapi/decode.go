package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"time"
	"unicode"

	"github.com/ethereum/go-ethereum/common"
	"github.com/go-playground/validator/v10"
	"github.com/gofiber/fiber/v2"
)

// validate is the one validator of request bodies; field names in its
// errors are JSON paths.
var validate = newValidator()

func newValidator() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		return name
	})
	// wallet: a 0x address that is not the zero address.
	_ = v.RegisterValidation("wallet", func(fl validator.FieldLevel) bool {
		s := fl.Field().String()
		return common.IsHexAddress(s) && strings.HasPrefix(s, "0x") && common.HexToAddress(s) != (common.Address{})
	})
	return v
}

// decode reads a JSON object into dst strictly (another JSON value such
// as null, unknown fields, trailing data and wrong types are errors naming
// the field) and validates it.
func decode(c *fiber.Ctx, dst any) error {
	if ct := c.Get(fiber.HeaderContentType); ct != "" && !strings.HasPrefix(ct, fiber.MIMEApplicationJSON) {
		return fiber.NewError(fiber.StatusUnsupportedMediaType, "the body must be application/json")
	}
	body := bytes.TrimLeft(c.Body(), " \t\r\n")
	if len(body) > 0 && body[0] != '{' {
		return invalid("", "the body must be a JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return invalid("", "the body must hold exactly one JSON value")
	}
	return check(dst)
}

// check validates v's struct tags.
func check(v any) error {
	err := validate.Struct(v)
	var ves validator.ValidationErrors
	if !errors.As(err, &ves) {
		return err
	}
	params := make([]InvalidParam, len(ves))
	for i, fe := range ves {
		_, path, _ := strings.Cut(fe.Namespace(), ".") // drop the struct's own name
		params[i] = InvalidParam{Name: path, Reason: reason(fe)}
	}
	return &validationError{params}
}

func reason(fe validator.FieldError) string {
	switch fe.Tag() {
	case "required":
		return "is required"
	case "min":
		if fe.Kind() == reflect.String || fe.Kind() == reflect.Slice {
			return "must have at least " + fe.Param() + " items or characters"
		}
		return "must be at least " + fe.Param()
	case "max":
		if fe.Kind() == reflect.String || fe.Kind() == reflect.Slice {
			return "must have at most " + fe.Param() + " items or characters"
		}
		return "must be at most " + fe.Param()
	case "wallet", "eth_addr":
		return "must be a 0x-prefixed 20-byte hex address, not the zero address"
	case "url", "http_url":
		return "must be an absolute URL"
	case "oneof":
		return "must be one of: " + fe.Param()
	case "printascii":
		return "must be printable ASCII"
	case "required_without":
		return "is required when " + snake(fe.Param()) + " is not given"
	case "required_with":
		return "is required with " + snake(fe.Param())
	case "excluded_with":
		return "must not be given with " + snake(fe.Param())
	}
	return "fails the " + fe.Tag() + " check"
}

// snake turns a Go field name (TokenID) into its JSON name (token_id).
func snake(name string) string {
	var b strings.Builder
	for i, r := range name {
		upper := unicode.IsUpper(r)
		if upper && i > 0 && !unicode.IsUpper(rune(name[i-1])) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func invalid(field, reason string) error {
	return &validationError{[]InvalidParam{{Name: field, Reason: reason}}}
}

func jsonError(err error) error {
	var (
		se *json.SyntaxError
		te *json.UnmarshalTypeError
	)
	switch {
	case errors.As(err, &se):
		return invalid("", fmt.Sprintf("malformed JSON at byte %d: %s", se.Offset, se.Error()))
	case errors.As(err, &te):
		return invalid(te.Field, "must be a JSON "+jsonKind(te.Type))
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return invalid("", "the body is empty or truncated JSON")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return invalid(field, "is not a known field")
	}
	return invalid("", err.Error())
}

// timestamp is an RFC 3339 time in a request body; a bad one is reported
// as a type error, so the error names its field.
type timestamp struct{ time.Time }

func (t *timestamp) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		if v, err := time.Parse(time.RFC3339, s); err == nil {
			t.Time = v
			return nil
		}
	}
	return &json.UnmarshalTypeError{Value: string(b), Type: reflect.TypeFor[time.Time]()}
}

// ptr returns the time of t, or nil.
func (t *timestamp) ptr() *time.Time {
	if t == nil {
		return nil
	}
	return &t.Time
}

func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Struct, reflect.Map:
		if t.String() == "time.Time" {
			return "string (RFC 3339 time)"
		}
		return "object"
	}
	return "number (" + t.Kind().String() + ")"
}
