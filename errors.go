// Package metapass holds what every part of the service shares: the error
// vocabulary. Domain packages (brands, passes, perks) return *Error values;
// the HTTP edge maps their codes to statuses in one place.
package metapass

import (
	"errors"
	"fmt"
)

// Error codes. Each maps to one HTTP status at the edge.
const (
	EINVALID      = "invalid"       // malformed or invalid input (400)
	EUNAUTHORIZED = "unauthorized"  // missing or unknown credential (401)
	EFORBIDDEN    = "forbidden"     // credential lacks the role (403)
	ENOTFOUND     = "not_found"     // absent, or owned by another brand (404)
	ECONFLICT     = "conflict"      // clashes with existing state (409)
	ERULE         = "rule_violated" // well-formed but breaks a business rule (422)
	ETOOMANY      = "rate_limited"  // the caller sent too many requests (429)
	EUNAVAILABLE  = "unavailable"   // a dependency (chain, database) is down (503)
	EINTERNAL     = "internal"      // anything else (500); its message is never shown
)

// Error is a failure a client can act on. Field names the offending request
// field (JSON path) and Rule the business rule, when there is one.
type Error struct {
	Code    string
	Message string
	Field   string
	Rule    string
}

func (e *Error) Error() string {
	switch {
	case e.Field != "":
		return fmt.Sprintf("%s: %s (field %s)", e.Code, e.Message, e.Field)
	case e.Rule != "":
		return fmt.Sprintf("%s: %s (rule %s)", e.Code, e.Message, e.Rule)
	}
	return e.Code + ": " + e.Message
}

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldError returns an EINVALID error naming a request field.
func FieldError(field, format string, args ...any) *Error {
	return &Error{Code: EINVALID, Field: field, Message: fmt.Sprintf(format, args...)}
}

// RuleError returns an ERULE error naming a business rule.
func RuleError(rule, format string, args ...any) *Error {
	return &Error{Code: ERULE, Rule: rule, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}
