package readapi

import (
	"context"
	"errors"
	"net/http"
	"slices"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/zgw"
)

// The sub-resources of a zaak (statussen, resultaten, rollen, ...) are read
// the same way: one table in schema zrc under alias o, joined with its zaak
// under alias z for the authorisation (zrc-006). A list ANDs the
// principal's RightsFilter on the zaak into its one query; a detail of a
// sub-resource whose zaak the principal may not read is a 403. The types
// below (Statussen, Resultaten, Rollen, Zaakobjecten,
// Zaakinformatieobjecten, Zaakeigenschappen, Klantcontacten,
// Zaakbesluiten) only add their filters and wire form.

// onderdeel describes how one sub-resource is read.
type onderdeel struct {
	// table is the table in schema zrc.
	table string
	// related is an SQL text[] over alias o that the wire form lists
	// besides the row (the zaakinformatieobjecten of a status), or "".
	related string
	// wire renders one row.
	wire func(ctx context.Context, row onderdeelRow) (any, error)
}

// onderdeelRow is one sub-resource as the read model holds it, with the
// zaaktype and vertrouwelijkheidaanduiding of its zaak.
type onderdeelRow struct {
	uuid, zaak, zaaktype, vertrouwelijkheid string
	data                                    []byte
	related                                 []string
}

// columns are the columns scanOnderdeel reads, over o and z.
func (o onderdeel) columns() string {
	related := o.related
	if related == "" {
		related = "'{}'::text[]"
	}
	return "o.uuid::text, o.zaak::text, o.data, " + related + ", z.zaaktype, z.vertrouwelijkheidaanduiding"
}

// from joins the table (o) with its zaak (z).
func (o onderdeel) from() string {
	return "zrc." + o.table + " o JOIN zrc.zaken z ON z.uuid = o.zaak"
}

// zaaktypeNummer is TypeIn for the rows of a sub-resource table (alias
// a): the numbers of the zaaktypen are looked up once per query.
func zaaktypeNummer(a string) TypeIn {
	return func(types string) string {
		return a + ".zaaktype_nummer = ANY(ARRAY(SELECT n.nummer FROM zrc.zaaktype_nummers n WHERE n.zaaktype = ANY(" + types + ")))"
	}
}

// scanOnderdeel reads one row of onderdeel.columns.
func scanOnderdeel(scan func(dest ...any) error) (onderdeelRow, error) {
	var row onderdeelRow
	err := scan(&row.uuid, &row.zaak, &row.data, &row.related, &row.zaaktype, &row.vertrouwelijkheid)
	return row, err
}

// list writes the sub-resources meeting f that the principal may read, in
// creation order: one page with count, next and previous when paginated,
// else a plain array, as the OAS has it per list (RULES 2.2).
func (o onderdeel) list(w http.ResponseWriter, r *http.Request, pool *pgxpool.Pool, f *zakenFilter, paginated bool) {
	page := 1
	if paginated {
		p, err := zgw.PageParam(r)
		if err != nil {
			f.p.Merge(err)
		}
		page = p
	}
	if err := f.p.Err(); err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	// Each row is tested by the zaaktype and rank of its zaak that it
	// holds itself (migration 0014), without a join; the counts by theirs.
	bind := Zaken{}.rights(r).Bind(&f.args)
	rights := bind(zaaktypeNummer("o"), "o.vertrouwelijkheid_rank")
	countRights := bind(TypeColumn("z.zaaktype"), "z.vertrouwelijkheid_rank")
	// A full page, or one beyond the last, needs the count. Without
	// filters the counts the projection keeps per table, zaaktype and rank
	// answer (migration 0011), under the same RightsFilter, instead of
	// counting every row.
	cheap := len(f.where) == 0
	countQuery := `SELECT count(*) FROM zrc.` + o.table + ` o` + f.sql(rights)
	if cheap {
		countQuery = `SELECT coalesce(sum(z.aantal), 0) FROM zrc.onderdelen_aantallen z` +
			f.sql(countRights, "z.tabel = '"+o.table+"'")
	}
	countArgs := slices.Clone(f.args)
	count, counted := 0, false
	countAll := func() error { return pool.QueryRow(r.Context(), countQuery, countArgs...).Scan(&count) }
	order := createdOrder("o")
	query := `SELECT ` + o.columns() + ` FROM ` + o.from() + f.sql(rights) + ` ORDER BY ` + order
	if paginated {
		skip, take, pageOrder := zgw.Offset(page, pageSize), pageSize, order
		where := f.sql(rights)
		if cheap && page > 1 {
			// A page in the second half is read from the other end, in
			// the reverse order, and one in the middle from its block, as
			// GET /zaken does.
			if err := countAll(); err != nil {
				zgw.WriteError(w, r, err)
				return
			}
			counted = true
			var err error
			skip, take, pageOrder, where, err = pageIn(r.Context(), pool, f, rights, countRights, o.table, countArgs, skip, count, order, "o")
			if err != nil {
				zgw.WriteError(w, r, err)
				return
			}
		}
		// The page is chosen on the bare rows; the related uuids are
		// computed for its rows only.
		limit, offset := f.arg(take), f.arg(skip)
		query = `WITH page AS (SELECT o.uuid AS page_uuid
			FROM zrc.` + o.table + ` o` + where + ` ORDER BY ` + pageOrder + ` LIMIT ` + limit + ` OFFSET ` + offset + `)
			SELECT ` + o.columns() + ` FROM page JOIN ` + o.from() + ` ON o.uuid = page.page_uuid
			ORDER BY ` + order
	}
	rows, err := pool.Query(r.Context(), query, f.args...)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	defer rows.Close()
	results := []any{}
	for rows.Next() {
		row, err := scanOnderdeel(rows.Scan)
		if err != nil {
			zgw.WriteError(w, r, err)
			return
		}
		v, err := o.wire(r.Context(), row)
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
	if !paginated {
		zgw.WriteJSON(w, r, http.StatusOK, results)
		return
	}
	// A short page tells the count itself.
	if !counted {
		count = zgw.Offset(page, pageSize) + len(results)
		if len(results) == pageSize || (len(results) == 0 && page > 1) {
			if err := countAll(); err != nil {
				zgw.WriteError(w, r, err)
				return
			}
		}
	}
	zgw.WritePage(w, r, page, pageSize, count, results)
}

// nestedList writes, as a plain array, the sub-resources of the zaak in
// the chi URL parameter zaak_uuid (/zaken/{zaak_uuid}/...), in creation
// order, with one query. A zaak the principal may not read is a 403; an
// unknown zaak has none (the OAS declares no 404 for these lists).
func (o onderdeel) nestedList(w http.ResponseWriter, r *http.Request, pool *pgxpool.Pool) {
	results := []any{}
	zaak := zgw.CanonicalUUID(chi.URLParam(r, "zaak_uuid"))
	if zaak == "" {
		zgw.WriteJSON(w, r, http.StatusOK, results)
		return
	}
	related := o.related
	if related == "" {
		related = "'{}'::text[]"
	}
	// The zaak is the driving row, so that a zaak without sub-resources
	// still tells its zaaktype and vertrouwelijkheidaanduiding.
	rows, err := pool.Query(r.Context(), `SELECT coalesce(o.uuid::text, ''), z.uuid::text, coalesce(o.data, '{}'),
			CASE WHEN o.uuid IS NULL THEN '{}'::text[] ELSE `+related+` END, z.zaaktype, z.vertrouwelijkheidaanduiding
		FROM zrc.zaken z LEFT JOIN zrc.`+o.table+` o ON o.zaak = z.uuid
		WHERE z.uuid = $1 ORDER BY `+createdOrder("o"), zaak)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	defer rows.Close()
	rights := Zaken{}.rights(r)
	for rows.Next() {
		row, err := scanOnderdeel(rows.Scan)
		if err != nil {
			zgw.WriteError(w, r, err)
			return
		}
		if !rights.Allows(row.zaaktype, row.vertrouwelijkheid) {
			zgw.WriteError(w, r, permissionDenied())
			return
		}
		if row.uuid == "" {
			continue
		}
		v, err := o.wire(r.Context(), row)
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
	zgw.WriteJSON(w, r, http.StatusOK, results)
}

// read handles GET and HEAD of sub-resource {uuid}: 404 when unknown (or,
// for a nested one, of another zaak than {zaak_uuid}), 403 when the
// principal may not read its zaak (zrc-006), else the resource with an
// ETag, or 304 (RULES 2.5).
func (o onderdeel) read(w http.ResponseWriter, r *http.Request, pool *pgxpool.Pool, nested bool) {
	row, err := o.one(r.Context(), pool, zgw.PathUUID(r))
	switch {
	case err != nil:
	case nested && row.zaak != zgw.CanonicalUUID(chi.URLParam(r, "zaak_uuid")):
		err = domain.NotFound("Niet gevonden.")
	case !Zaken{}.rights(r).Allows(row.zaaktype, row.vertrouwelijkheid):
		err = permissionDenied()
	}
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	v, err := o.wire(r.Context(), row)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	zgw.WriteJSONETag(w, r, http.StatusOK, v)
}

// render writes sub-resource id with status exactly as a GET shows it, for
// the write endpoints, which check the rights themselves. An unknown id is
// a 404. A GET or HEAD gets an ETag, a write's answer does not.
func (o onderdeel) render(w http.ResponseWriter, r *http.Request, pool *pgxpool.Pool, status int, id string) {
	row, err := o.one(r.Context(), pool, zgw.CanonicalUUID(id))
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	v, err := o.wire(r.Context(), row)
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

// one reads sub-resource id with its zaak's authorisation columns.
func (o onderdeel) one(ctx context.Context, pool *pgxpool.Pool, id string) (onderdeelRow, error) {
	if id == "" {
		return onderdeelRow{}, domain.NotFound("Niet gevonden.")
	}
	row, err := scanOnderdeel(pool.QueryRow(ctx, `SELECT `+o.columns()+` FROM `+o.from()+` WHERE o.uuid = $1`, id).Scan)
	if errors.Is(err, pgx.ErrNoRows) {
		return row, domain.NotFound("Niet gevonden.")
	}
	return row, err
}

// permissionDenied is the 403 of an object outside the principal's rights.
func permissionDenied() error {
	return domain.Forbidden("permission_denied", "U heeft geen toestemming om deze actie uit te voeren.")
}

// onderdeelFilter returns the filter of a sub-resource list on the query
// of r, with the filter on zaak that every such list has: a value that is
// no absolute URL is a 400, the URL of anything but a zaak of this API
// matches nothing.
func onderdeelFilter(r *http.Request) *zakenFilter {
	f := newZakenFilter(r.Context(), queryParams(r.URL.Query()))
	v := f.value("zaak")
	if v == "" || !f.validURL("zaak", v) {
		return f
	}
	if id, ok := zgw.ParseResourceURL(r.Context(), "zaken", v); ok {
		f.add("o.zaak = %s::uuid", id)
	} else {
		f.where = append(f.where, "FALSE")
	}
	return f
}
