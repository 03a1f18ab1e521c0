package zgw

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/zaakregister/zaakregister/domain"
)

// DefaultPageSize is the page size of the paginated lists, as in the
// reference implementations (RULES 2.2).
const DefaultPageSize = 100

// Page is the body of a paginated list (RULES 2.2).
type Page struct {
	Count    int     `json:"count"`
	Next     *string `json:"next"`
	Previous *string `json:"previous"`
	Results  any     `json:"results"`
}

// PageParam returns the page the request asks for: the query parameter
// page, 1 when absent. Anything but an integer >= 1 is a 400 with an
// invalidParam named "page".
func PageParam(r *http.Request) (int, error) {
	v := r.URL.Query().Get("page")
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	// The upper bound keeps page*pageSize and the offset far from overflow.
	if err != nil || n < 1 || n > maxPage {
		return 0, domain.Invalid("page", "invalid", "Ongeldige pagina: een geheel getal vanaf 1 is vereist.")
	}
	return n, nil
}

// maxPage is the highest page number accepted: no list has 2^31 pages.
const maxPage = 1 << 31

// Offset returns the number of results before page.
func Offset(page, pageSize int) int { return (page - 1) * pageSize }

// WritePage writes one page of a paginated list: count is the total number
// of results, results those on this page. next and previous are absolute
// URLs to the request's own URL with page replaced (page 1 is the first,
// and ?page=1 equals no page); null at either end. A page beyond the last
// is answered with no results rather than the reference implementation's
// 404, which the OAS does not declare for lists.
func WritePage(w http.ResponseWriter, r *http.Request, page, pageSize, count int, results any) {
	p := Page{Count: count, Results: results}
	if page > 1 {
		prev := pageURL(r, page-1)
		p.Previous = &prev
	}
	if pageSize > 0 && page*pageSize < count {
		next := pageURL(r, page+1)
		p.Next = &next
	}
	WriteJSON(w, r, http.StatusOK, p)
}

func pageURL(r *http.Request, page int) string {
	q := r.URL.Query()
	q.Set("page", strconv.Itoa(page))
	return BaseURL(r.Context()) + r.URL.EscapedPath() + "?" + q.Encode()
}

// ResourceURL returns the absolute URL of a resource of the API serving
// ctx: BaseURL + Root + "/" + collection + "/" + uuid.
func ResourceURL(ctx context.Context, collection, id string) string {
	root := ""
	if a := APIFrom(ctx); a != nil {
		root = a.Root
	}
	return ResourceURLIn(ctx, root, collection, id)
}

// ResourceURLIn returns the absolute URL of a resource of another API of
// this registry, the one at root ("/catalogi/api/v1").
func ResourceURLIn(ctx context.Context, root, collection, id string) string {
	return BaseURL(ctx) + root + "/" + collection + "/" + id
}

// ParseResourceURL reports whether raw is the URL of a resource in
// collection of the API serving ctx, and returns its UUID in canonical
// lower-case form. The URL may start with the base URL or with one of the
// API's Aliases; scheme and host compare case-insensitively, default ports
// aside; a query, fragment or trailing path makes it no local reference.
func ParseResourceURL(ctx context.Context, collection, raw string) (string, bool) {
	a := APIFrom(ctx)
	if a == nil {
		return "", false
	}
	return ParseResourceURLIn(ctx, a.Root, collection, raw)
}

// ParseResourceURLIn is ParseResourceURL for the API of this registry at
// root. It also takes the absolute-path reference the log keeps
// ("/zaken/api/v1/zaken/…", RefURL).
func ParseResourceURLIn(ctx context.Context, root, collection, raw string) (string, bool) {
	if strings.HasPrefix(raw, "/") {
		raw = BaseURL(ctx) + raw // a reference as the log keeps it (RefURL)
	}
	u, err := url.Parse(raw)
	if err != nil || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", false
	}
	for _, b := range BaseURLs(ctx) {
		base, err := url.Parse(b)
		if err != nil || !domain.SameOrigin(u, base) {
			continue
		}
		rest, ok := strings.CutPrefix(u.EscapedPath(), strings.TrimSuffix(base.EscapedPath(), "/")+root+"/"+collection+"/")
		if !ok || strings.Contains(rest, "/") {
			continue // another alias may share the origin, with another path
		}
		id, err := uuid.Parse(rest)
		if err != nil || len(rest) != 36 {
			return "", false
		}
		return id.String(), true
	}
	return "", false
}

// BaseURLs are the base URL of the API serving ctx and its aliases.
func BaseURLs(ctx context.Context) []string {
	bases := []string{BaseURL(ctx)}
	if a := APIFrom(ctx); a != nil {
		bases = append(bases, a.Aliases...)
	}
	return bases
}
