package zgw

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/google/uuid"

	"github.com/zaakregister/zaakregister/domain"
)

// Problem is the body of every error response (RULES 2.4): the OAS schema
// Fout, and ValidatieFout when InvalidParams is set (always for 400).
type Problem struct {
	Type          string                `json:"type"`
	Code          string                `json:"code"`
	Title         string                `json:"title"`
	Status        int                   `json:"status"`
	Detail        string                `json:"detail"`
	Instance      string                `json:"instance"`
	InvalidParams []ProblemInvalidParam `json:"invalidParams,omitzero"`
}

// ProblemInvalidParam is one entry of ValidatieFout.invalidParams.
type ProblemInvalidParam struct {
	Name   string `json:"name"`
	Code   string `json:"code"`
	Reason string `json:"reason"`
}

// ProblemContentType is the media type of every error response.
const ProblemContentType = "application/problem+json"

// kindInfo is how one domain.Kind looks on the wire. name is the error type
// of the reference implementation, used in the type URI
// ({base}/ref/fouten/{name}/).
type kindInfo struct {
	status int
	name   string
	code   string // default when the error has none
	title  string
}

var kinds = map[domain.Kind]kindInfo{
	domain.KindInvalid:            {http.StatusBadRequest, "ValidationError", "invalid", "Ongeldige invoer."},
	domain.KindNotFound:           {http.StatusNotFound, "NotFound", "not_found", "Niet gevonden."},
	domain.KindConflict:           {http.StatusConflict, "Conflict", "conflict", "Er is een conflict met de huidige toestand van de resource."},
	domain.KindForbidden:          {http.StatusForbidden, "PermissionDenied", "permission_denied", "U heeft geen toestemming om deze actie uit te voeren."},
	domain.KindUnauthenticated:    {http.StatusForbidden, "NotAuthenticated", "not_authenticated", "Authenticatiegegevens zijn niet opgegeven of ongeldig."},
	domain.KindPreconditionFailed: {http.StatusPreconditionFailed, "PreconditionFailed", "precondition_failed", "Niet voldaan aan een voorwaarde van het verzoek."},
	domain.KindNotAcceptable:      {http.StatusNotAcceptable, "NotAcceptable", "not_acceptable", "Kan niet voldoen aan de opgegeven Accept header."},
	domain.KindGone:               {http.StatusGone, "Gone", "gone", "De resource is niet langer beschikbaar."},
	domain.KindUnsupportedMedia:   {http.StatusUnsupportedMediaType, "UnsupportedMediaType", "unsupported_media_type", "Niet-ondersteund mediatype in het verzoek."},
	domain.KindTooLarge:           {http.StatusRequestEntityTooLarge, "RequestEntityTooLarge", "too_large", "Het verzoek is te groot."},
}

// codeTitles override the title of a kind for codes with their own wording.
var codeTitles = map[string]string{
	"not_authenticated": "Authenticatiegegevens zijn niet opgegeven.",
	"parse_error":       "Ongeldig samengestelde JSON in het verzoek.",
}

// methodNotAllowed is the one error the domain has no kind for: only the
// router knows which methods a path has.
type methodNotAllowed struct {
	method  string
	allowed []string
}

func (e methodNotAllowed) Error() string { return "method " + e.method + " not allowed" }

const serverErrorTitle = "Er is een serverfout opgetreden."

// NotYetReadable is a write that is stored, but that the read models did
// not show within the bound of read your writes (DESIGN.md rule 3). It is
// answered 500, the one server error every write of the OAS declares, with
// CodeNotYetReadable and Detail; a create also names the new resource in
// Location, so that a client can read it later instead of creating it
// again. Answering from the read model instead would say a created
// resource does not exist (a 404 the OAS does not declare for a create) or
// show an update's old state as its outcome.
type NotYetReadable struct{ Detail string }

func (e *NotYetReadable) Error() string { return e.Detail }

// CodeNotYetReadable is the code of a NotYetReadable problem.
const CodeNotYetReadable = "nog-niet-leesbaar"

const notYetReadableTitle = "De wijziging is opgeslagen, maar nog niet leesbaar."

// WriteError writes err as an application/problem+json response. It is the
// only place where errors become responses: a *domain.Error (also wrapped)
// gets the status of its kind, its code, detail and invalidParams; anything
// else is an internal error, logged with the request id and answered with a
// generic 500 that reveals nothing.
func WriteError(w http.ResponseWriter, r *http.Request, err error) {
	p := problemFor(r, err)
	body, _ := json.Marshal(p)
	h := w.Header()
	h.Set("Content-Type", ProblemContentType)
	h.Del("ETag")
	h.Del("Content-Length")
	var mna methodNotAllowed
	if errors.As(err, &mna) {
		h.Set("Allow", strings.Join(mna.allowed, ", "))
	}
	w.WriteHeader(p.Status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

func problemFor(r *http.Request, err error) Problem {
	instance := "urn:uuid:" + uuid.NewString()
	var de *domain.Error
	var mna methodNotAllowed
	var late *NotYetReadable
	switch {
	case errors.As(err, &de) && kinds[de.Kind].status != 0:
		k := kinds[de.Kind]
		p := Problem{Type: typeURI(r, k.name), Code: de.Code, Title: k.title, Status: k.status, Detail: de.Detail, Instance: instance}
		if p.Code == "" {
			p.Code = k.code
		}
		if t, ok := codeTitles[p.Code]; ok {
			p.Title = t
		}
		if p.Detail == "" {
			p.Detail = p.Title
		}
		if k.status == http.StatusBadRequest || len(de.Params) > 0 {
			p.InvalidParams = make([]ProblemInvalidParam, 0, len(de.Params))
			for _, ip := range de.Params {
				p.InvalidParams = append(p.InvalidParams, ProblemInvalidParam(ip))
			}
		}
		return p
	case errors.As(err, &mna):
		return Problem{Type: typeURI(r, "MethodNotAllowed"), Code: "method_not_allowed", Title: "Methode niet toegestaan.",
			Status: http.StatusMethodNotAllowed, Detail: "Methode \"" + mna.method + "\" niet toegestaan.", Instance: instance}
	case errors.As(err, &late):
		logServerError(r, err, instance)
		return Problem{Type: typeURI(r, "APIException"), Code: CodeNotYetReadable, Title: notYetReadableTitle,
			Status: http.StatusInternalServerError, Detail: late.Detail, Instance: instance}
	}
	logServerError(r, err, instance)
	return Problem{Type: typeURI(r, "APIException"), Code: "error", Title: serverErrorTitle,
		Status: http.StatusInternalServerError, Detail: serverErrorTitle, Instance: instance}
}

// logServerError records what the client is not told. A request the client
// abandoned is no server fault and logs quietly.
func logServerError(r *http.Request, err error, instance string) {
	l := Logger(r.Context())
	if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
		l.InfoContext(r.Context(), "request cancelled by client", "error", err, "instance", instance)
		return
	}
	l.ErrorContext(r.Context(), "internal error", "error", err, "instance", instance,
		"method", r.Method, "path", r.URL.Path)
}

// typeURI follows the reference implementation: {base}/ref/fouten/{name}/.
func typeURI(r *http.Request, name string) string {
	return BaseURL(r.Context()) + "/ref/fouten/" + name + "/"
}
