package domain

import (
	"errors"
	"strings"
)

// Kind classifies an error so that the HTTP layer can translate it to a
// status code in exactly one place.
type Kind int

// The kinds of error the registry knows.
const (
	KindInvalid            Kind = iota + 1 // 400: validation failed, see Params
	KindNotFound                           // 404
	KindConflict                           // 409: optimistic concurrency or uniqueness race
	KindForbidden                          // 403: authenticated but not allowed
	KindUnauthenticated                    // 403 in ZGW (the reference implementations answer 403)
	KindPreconditionFailed                 // 412
	KindNotAcceptable                      // 406
	KindGone                               // 410
	KindUnsupportedMedia                   // 415
	KindTooLarge                           // 413
)

// InvalidParam names one invalid field: Name is the camelCase field path
// ("autorisaties.0.zaaktype"), Code a stable machine code, Reason the text a
// person reads.
type InvalidParam struct {
	Name   string
	Code   string
	Reason string
}

// Error is the one error type of the domain. Code is the ZGW error code
// ("invalid", "not_found", "ambiguous-authorizations-specified", ...).
type Error struct {
	Kind   Kind
	Code   string
	Detail string
	Params []InvalidParam
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Code)
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	for _, p := range e.Params {
		b.WriteString("; ")
		b.WriteString(p.Name)
		b.WriteString(": ")
		b.WriteString(p.Code)
	}
	return b.String()
}

// Is makes errors.Is(err, ErrNotFound) true for every *Error of that kind.
// A sentinel (empty Code) matches by kind only.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	if !ok {
		return false
	}
	return t.Kind == e.Kind && (t.Code == "" || t.Code == e.Code)
}

// Sentinels for errors.Is; they match any *Error of their kind.
var (
	ErrInvalid            = &Error{Kind: KindInvalid}
	ErrNotFound           = &Error{Kind: KindNotFound}
	ErrConflict           = &Error{Kind: KindConflict}
	ErrForbidden          = &Error{Kind: KindForbidden}
	ErrUnauthenticated    = &Error{Kind: KindUnauthenticated}
	ErrPreconditionFailed = &Error{Kind: KindPreconditionFailed}
)

// NotFound returns a not-found error with a detail for people.
func NotFound(detail string) *Error {
	return &Error{Kind: KindNotFound, Code: "not_found", Detail: detail}
}

// Conflict returns a conflict error with a detail for people.
func Conflict(code, detail string) *Error {
	return &Error{Kind: KindConflict, Code: code, Detail: detail}
}

// Forbidden returns a permission error with the ZGW code.
func Forbidden(code, detail string) *Error {
	return &Error{Kind: KindForbidden, Code: code, Detail: detail}
}

// Invalid returns a validation error for one field.
func Invalid(name, code, reason string) *Error {
	return &Error{Kind: KindInvalid, Code: "invalid", Params: []InvalidParam{{Name: name, Code: code, Reason: reason}}}
}

// Problems collects validation failures so that a request learns all its
// faults at once instead of one per round trip.
type Problems struct {
	params []InvalidParam
}

// Add records one invalid field.
func (p *Problems) Add(name, code, reason string) {
	p.params = append(p.params, InvalidParam{Name: name, Code: code, Reason: reason})
}

// Merge adds the params of err when it is a validation *Error and reports
// whether it was one.
func (p *Problems) Merge(err error) bool {
	var e *Error
	if errors.As(err, &e) && e.Kind == KindInvalid {
		p.params = append(p.params, e.Params...)
		return true
	}
	return false
}

// Err returns nil when nothing was added, else one KindInvalid *Error.
func (p *Problems) Err() error {
	if len(p.params) == 0 {
		return nil
	}
	return &Error{Kind: KindInvalid, Code: "invalid", Params: p.params}
}
