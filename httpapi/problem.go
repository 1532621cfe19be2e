package httpapi

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/gofiber/fiber/v2"

	"github.com/metapass/metapass"
)

// Problem is an RFC 9457 problem details body. Code, Field, Rule and
// InvalidParams are extension members: a machine-readable error code, the
// offending request field, the business rule broken, and every invalid
// field with its reason.
type Problem struct {
	Type          string         `json:"type"`
	Title         string         `json:"title"`
	Status        int            `json:"status"`
	Detail        string         `json:"detail,omitempty"`
	Instance      string         `json:"instance,omitempty"`
	Code          string         `json:"code"`
	Field         string         `json:"field,omitempty"`
	Rule          string         `json:"rule,omitempty"`
	InvalidParams []InvalidParam `json:"invalid_params,omitempty"`
}

// InvalidParam names one invalid request field and why.
type InvalidParam struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// validationError carries every invalid field of one request.
type validationError struct{ params []InvalidParam }

func (e *validationError) Error() string {
	return "invalid request: " + e.params[0].Name + " " + e.params[0].Reason
}

// statuses maps error codes to HTTP statuses; it is the only such map.
var statuses = map[string]int{
	metapass.EINVALID:      http.StatusBadRequest,
	metapass.EUNAUTHORIZED: http.StatusUnauthorized,
	metapass.EFORBIDDEN:    http.StatusForbidden,
	metapass.ENOTFOUND:     http.StatusNotFound,
	metapass.ECONFLICT:     http.StatusConflict,
	metapass.ERULE:         http.StatusUnprocessableEntity,
	metapass.ETOOMANY:      http.StatusTooManyRequests,
	metapass.EUNAVAILABLE:  http.StatusServiceUnavailable,
	metapass.EINTERNAL:     http.StatusInternalServerError,
}

const problemType = "https://metapass.dev/problems/"

// errorHandler turns every error a handler returns into problem+json. An
// internal error is logged and shown only as "Internal error.".
func (s *Server) errorHandler(c *fiber.Ctx, err error) error {
	p := Problem{Instance: c.OriginalURL()}
	var (
		me *metapass.Error
		ve *validationError
		fe *fiber.Error
	)
	switch {
	case errors.As(err, &ve):
		p.Code, p.Status, p.Detail, p.InvalidParams = metapass.EINVALID, http.StatusBadRequest, ve.Error(), ve.params
		p.Field = ve.params[0].Name
	case errors.As(err, &me) && me.Code != metapass.EINTERNAL:
		p.Code, p.Status, p.Detail, p.Field, p.Rule = me.Code, statuses[me.Code], me.Message, me.Field, me.Rule
		if p.Field != "" {
			p.InvalidParams = []InvalidParam{{Name: me.Field, Reason: me.Message}}
		}
	case errors.As(err, &fe) && fe.Code < 500:
		p.Code, p.Status, p.Detail = fiberCode(fe.Code), fe.Code, fe.Message
	default:
		s.Log.ErrorContext(c.UserContext(), "request failed", slog.String("method", c.Method()),
			slog.String("path", c.Path()), slog.Any("err", err))
		p.Code, p.Status, p.Detail = metapass.EINTERNAL, http.StatusInternalServerError, "Internal error."
	}
	if s.Redact != nil {
		p.Detail = s.Redact(p.Detail)
		for i := range p.InvalidParams {
			p.InvalidParams[i].Reason = s.Redact(p.InvalidParams[i].Reason)
		}
	}
	p.Type, p.Title = problemType+p.Code, http.StatusText(p.Status)
	if p.Rule != "" {
		p.Type = problemType + p.Rule
	}
	c.Status(p.Status)
	if err := c.JSON(p); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "application/problem+json")
	return nil
}

// fiberCode names the statuses Fiber itself produces (unknown route, body
// too large, wrong method).
func fiberCode(status int) string {
	switch status {
	case http.StatusNotFound:
		return metapass.ENOTFOUND
	case http.StatusRequestEntityTooLarge:
		return "body_too_large"
	case http.StatusMethodNotAllowed:
		return "method_not_allowed"
	case http.StatusUnsupportedMediaType:
		return "unsupported_media_type"
	}
	return metapass.EINVALID
}
