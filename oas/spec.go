package oas

import (
	"net/http"
	"sort"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
)

// Spec is one loaded, resolved specification with an index of its
// operations. It is immutable and safe for concurrent use.
type Spec struct {
	name  string
	raw   []byte
	doc   *openapi3.T
	paths []*pathTemplate
	ops   []*Operation

	// docs are the served renderings, made on first request.
	docsOnce   sync.Once
	yaml, json document
	docsErr    error
}

// Operation is what the HTTP layer needs to know about one operation of the
// specification.
type Operation struct {
	// ID is the operationId ("applicatie_list", "zaak_retrieve").
	ID string
	// Method is the upper-case HTTP method.
	Method string
	// Path is the path template relative to the API root ("/zaken/{uuid}").
	Path string
	// Scopes are the scopes of the JWT-Claims security requirement, any one
	// of which allows the operation; nil when the operation declares none
	// (HEAD operations, DRC verzendingen).
	Scopes []string
	// QueryParams are the query parameters the operation accepts; the value
	// tells whether the parameter is required.
	QueryParams map[string]bool
	// HeaderParams are the request headers the operation declares, by
	// canonical name (http.CanonicalHeaderKey); the value tells whether the
	// header is required.
	HeaderParams map[string]bool

	pathItem *openapi3.PathItem
	op       *openapi3.Operation
}

// OpenAPI returns the underlying kin-openapi operation, for validators.
func (o *Operation) OpenAPI() *openapi3.Operation { return o.op }

// PathItem returns the underlying kin-openapi path item, for validators.
func (o *Operation) PathItem() *openapi3.PathItem { return o.pathItem }

// pathTemplate is one entry of paths, split into segments for matching.
type pathTemplate struct {
	template string
	segments []string // "{...}" marks a parameter
	literals int
	methods  map[string]*Operation
}

// Name returns the name the specification was loaded by ("zaken-1.5.1").
func (s *Spec) Name() string { return s.name }

// Version returns info.version ("1.5.1"), the value of the API-version header.
func (s *Spec) Version() string {
	if s.doc.Info == nil {
		return ""
	}
	return s.doc.Info.Version
}

// Doc returns the resolved kin-openapi document. Callers must not modify it.
func (s *Spec) Doc() *openapi3.T { return s.doc }

// Operations returns every operation in path, then method order.
func (s *Spec) Operations() []*Operation { return s.ops }

// Operation finds the operation for method and a path relative to the API
// root ("/applicaties/6f2a..."). Literal segments win over parameters, so
// "/zaken/_zoek" is not taken for "/zaken/{uuid}".
func (s *Spec) Operation(method, path string) (*Operation, bool) {
	t := s.match(path)
	if t == nil {
		return nil, false
	}
	op, ok := t.methods[strings.ToUpper(method)]
	return op, ok
}

// Methods returns the methods the path template matching path declares,
// sorted, or nil when no template matches: the difference between a 405
// and a 404.
func (s *Spec) Methods(path string) []string {
	t := s.match(path)
	if t == nil {
		return nil
	}
	var ms []string
	for m := range t.methods {
		ms = append(ms, m)
	}
	sort.Strings(ms)
	return ms
}

func (s *Spec) match(path string) *pathTemplate {
	if path == "" || path[0] != '/' {
		return nil
	}
	segs := strings.Split(path[1:], "/")
	var best *pathTemplate
	for _, t := range s.paths {
		if len(t.segments) != len(segs) || (best != nil && t.literals <= best.literals) {
			continue
		}
		if t.matches(segs) {
			best = t
		}
	}
	return best
}

func (t *pathTemplate) matches(segs []string) bool {
	for i, want := range t.segments {
		if strings.HasPrefix(want, "{") {
			if segs[i] == "" {
				return false
			}
			continue
		}
		if segs[i] != want {
			return false
		}
	}
	return true
}

// index builds the path templates and operations of the document.
func (s *Spec) index() {
	for _, p := range s.doc.Paths.InMatchingOrder() {
		item := s.doc.Paths.Value(p)
		t := &pathTemplate{template: p, segments: strings.Split(strings.TrimPrefix(p, "/"), "/"), methods: map[string]*Operation{}}
		for _, seg := range t.segments {
			if !strings.HasPrefix(seg, "{") {
				t.literals++
			}
		}
		for method, op := range item.Operations() {
			o := &Operation{
				ID:           op.OperationID,
				Method:       strings.ToUpper(method),
				Path:         p,
				Scopes:       s.scopes(op),
				QueryParams:  map[string]bool{},
				HeaderParams: map[string]bool{},
				pathItem:     item,
				op:           op,
			}
			for _, params := range []openapi3.Parameters{item.Parameters, op.Parameters} {
				for _, pr := range params {
					if pr == nil || pr.Value == nil {
						continue
					}
					switch pr.Value.In {
					case openapi3.ParameterInQuery:
						o.QueryParams[pr.Value.Name] = pr.Value.Required
					case openapi3.ParameterInHeader:
						o.HeaderParams[http.CanonicalHeaderKey(pr.Value.Name)] = pr.Value.Required
					}
				}
			}
			t.methods[o.Method] = o
			s.ops = append(s.ops, o)
		}
		s.paths = append(s.paths, t)
	}
	sort.SliceStable(s.ops, func(i, j int) bool {
		if s.ops[i].Path != s.ops[j].Path {
			return s.ops[i].Path < s.ops[j].Path
		}
		return s.ops[i].Method < s.ops[j].Method
	})
}

// scopes unions the scopes of every security requirement of op (falling
// back to the document's). ZGW writes alternatives, any one of which
// suffices, as one expression: "(zaken.bijwerken | zaken.geforceerd-bijwerken)".
func (s *Spec) scopes(op *openapi3.Operation) []string {
	reqs := op.Security
	if reqs == nil {
		reqs = &s.doc.Security
	}
	var scopes []string
	seen := map[string]bool{}
	for _, req := range *reqs {
		for _, list := range req {
			for _, expr := range list {
				for _, sc := range strings.Split(strings.Trim(expr, "() "), "|") {
					sc = strings.TrimSpace(sc)
					if sc != "" && !seen[sc] {
						seen[sc] = true
						scopes = append(scopes, sc)
					}
				}
			}
		}
	}
	return scopes
}
