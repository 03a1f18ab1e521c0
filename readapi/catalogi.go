package readapi

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/zgw"
)

// Catalogi serves the reads of the Catalogi API 1.3.1 from schema ztc. The
// resources are served by Catalogussen, Zaaktypen, Informatieobjecttypen,
// Besluittypen, Statustypen, Roltypen, Resultaattypen, Eigenschappen,
// Zaakobjecttypen and ZaaktypeInformatieobjecttypen, which share it.
//
// Relations between zaaktypen, besluittypen and informatieobjecttypen
// follow the 1.3 historiemodel: a reference by omschrijving (or
// identificatie) shows the published versions valid on a date, the
// request's datumGeldigheid or else today; a reference by URL always shows
// that one version.
type Catalogi struct {
	// Pool reaches the read model (schema ztc).
	Pool *pgxpool.Pool
	// Clock tells today's date; nil means the system clock.
	Clock domain.Clock
	// Zone is where today is taken; nil means Europe/Amsterdam (UTC where
	// the zone database is missing).
	Zone *time.Location
}

var amsterdam = func() *time.Location {
	if loc, err := time.LoadLocation("Europe/Amsterdam"); err == nil {
		return loc
	}
	return time.UTC
}()

func (c *Catalogi) today() catalogi.Date {
	clock, zone := c.Clock, c.Zone
	if clock == nil {
		clock = domain.SystemClock{}
	}
	if zone == nil {
		zone = amsterdam
	}
	return catalogi.Today(clock, zone)
}

// resource is how one Catalogi resource is read: one row per object from
// table (under alias) with joins, carrying in columns everything its wire
// form needs; $1 is the date relations are resolved on and $2 the
// datumGeldigheid of the request (NULL without one). Filters and order may
// use table and joins; extra holds the lateral joins only columns use, so
// that a list computes them for the objects on its page alone.
type resource struct {
	columns string
	table   string
	alias   string
	joins   string
	extra   string
	order   string
	// wire turns one row, read by scan, into the wire form.
	wire func(ctx context.Context, scan func(dest ...any) error) (any, error)
}

// render writes object id of res with status; a GET or HEAD gets an ETag
// and may be answered 304 (RULES 2.5), a write's answer does not. f holds
// the dates of the request and any condition the object must meet besides
// its uuid (a zaaktype valid on datumGeldigheid); one that does not is not
// found.
func (c *Catalogi) render(w http.ResponseWriter, r *http.Request, status int, res resource, id string, f *filter) {
	v, err := c.one(r.Context(), res, id, f)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		zgw.WriteJSONETag(w, r, status, v)
		return
	}
	zgw.WriteJSON(w, r, status, v)
}

// one reads object id of res with one query.
func (c *Catalogi) one(ctx context.Context, res resource, id string, f *filter) (any, error) {
	if id == "" {
		return nil, domain.NotFound("Niet gevonden.")
	}
	cond := f.sql(res.alias + ".uuid = " + f.arg(id))
	row := c.Pool.QueryRow(ctx, paramTypes+`SELECT `+res.columns+` FROM `+res.table+res.joins+res.extra+cond, f.args...)
	v, err := res.wire(ctx, row.Scan)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, domain.NotFound("Niet gevonden.")
	}
	return v, err
}

// read handles a detail GET or HEAD without query parameters.
func (c *Catalogi) read(w http.ResponseWriter, r *http.Request, res resource) {
	c.render(w, r, http.StatusOK, res, zgw.PathUUID(r), c.filter(r))
}

// list writes one page of res's objects that meet f, in res.order.
func (c *Catalogi) list(w http.ResponseWriter, r *http.Request, res resource, f *filter) {
	page, err := zgw.PageParam(r)
	if err != nil {
		f.p.Merge(err)
	}
	if err := f.p.Err(); err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	// The page is chosen on the bare rows first; the costly columns are
	// computed for its objects only (a window count next to them would
	// compute them for every match).
	limit, offset := f.arg(pageSize), f.arg(zgw.Offset(page, pageSize))
	rows, err := c.Pool.Query(r.Context(), paramTypes+`, page AS (SELECT `+res.alias+`.uuid AS page_uuid, count(*) OVER () AS page_total
		FROM `+res.table+res.joins+f.sql()+` ORDER BY `+res.order+` LIMIT `+limit+` OFFSET `+offset+`)
		SELECT `+res.columns+`, page.page_total FROM page JOIN `+res.table+` ON `+res.alias+`.uuid = page.page_uuid`+
		res.joins+res.extra+` ORDER BY `+res.order, f.args...)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	defer rows.Close()
	results := []any{}
	count := 0
	for rows.Next() {
		v, err := res.wire(r.Context(), func(dest ...any) error { return rows.Scan(append(dest, &count)...) })
		if err != nil {
			zgw.WriteError(w, r, err)
			return
		}
		results = append(results, v)
	}
	if err := rows.Err(); err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	zgw.WritePage(w, r, page, pageSize, count, results)
}

// urls returns the absolute URLs of ids in collection, never nil.
func urls(ctx context.Context, collection string, ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, zgw.ResourceURL(ctx, collection, id))
	}
	return out
}

// optionalURL is the URL of id in collection, or null for "".
func optionalURL(ctx context.Context, collection, id string) *string {
	if id == "" {
		return nil
	}
	u := zgw.ResourceURL(ctx, collection, id)
	return &u
}

// nullable is s, or null for "": the empty value of a field the OAS marks
// nullable is rendered as null.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// nullDate is d as YYYY-MM-DD, or null for the zero Date.
func nullDate(d catalogi.Date) *string { return nullable(d.String()) }

// strs is s, or an empty list for nil.
func strs(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// isURL tells a reference given as a URL from one given by name.
func isURL(ref string) bool { return strings.Contains(ref, "://") }

// paramTypes starts every query: it types $1 and $2 also in the queries
// that do not use them, which PostgreSQL would otherwise refuse.
const paramTypes = `WITH params AS (SELECT $1::date AS resolve_on, $2::date AS geldigheid) `

// placeholder returns the SQL placeholder of argument n (1-based).
func placeholder(n int) string { return "$" + strconv.Itoa(n) }

// CacheKey is what a Catalogi answer depends on besides the read model: the
// public base URL, the path and query, and today's date (relations by
// omschrijving resolve on it); zgw.ResponseCache keys on it.
func (c *Catalogi) CacheKey(r *http.Request) string {
	return zgw.BaseURL(r.Context()) + r.URL.Path + "?" + r.URL.RawQuery + "|" + c.today().String()
}
