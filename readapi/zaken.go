package readapi

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/zgw"
)

// Zaken serves GET /zaken, POST /zaken/_zoek and GET /zaken/{uuid} of the
// Zaken API 1.5.1 from schema zrc. Every read is limited by the
// RightsFilter of the principal (component ZRC, scope zaken.lezen;
// zrc-006). The route table wraps the zaak routes in RequireCRS.
type Zaken struct {
	// Pool reaches the read model (schema zrc).
	Pool *pgxpool.Pool
	// Catalogi, when set, keeps the catalogi objects expand embeds; its
	// owner flushes it after every change of the catalogi read model.
	Catalogi *ExpandCache
	// Gegevens, when set, keeps the decoded state of the zaken read lately.
	Gegevens *GegevensCache
}

// zaakColumns are the columns of one zaak as zaakWire scans them: the
// stored state, the current status and resultaat, the hoofdzaak and the
// uuids of the deelzaken and sub-resources, each in creation order.
const zaakColumns = `z.uuid::text, z.zaaktype, z.vertrouwelijkheidaanduiding, z.data,
	coalesce(z.status::text, ''), coalesce(z.resultaat::text, ''), coalesce(z.hoofdzaak_uuid::text, ''),
	array(SELECT d.uuid::text FROM zrc.zaken d WHERE d.hoofdzaak_uuid = z.uuid ORDER BY d.created_commit, d.created_prepare, d.uuid),
	array(SELECT s.uuid::text FROM zrc.zaakeigenschappen s WHERE s.zaak = z.uuid ORDER BY s.created_commit, s.created_prepare, s.uuid),
	array(SELECT s.uuid::text FROM zrc.rollen s WHERE s.zaak = z.uuid ORDER BY s.created_commit, s.created_prepare, s.uuid),
	array(SELECT s.uuid::text FROM zrc.zaakinformatieobjecten s WHERE s.zaak = z.uuid ORDER BY s.created_commit, s.created_prepare, s.uuid),
	array(SELECT s.uuid::text FROM zrc.zaakobjecten s WHERE s.zaak = z.uuid ORDER BY s.created_commit, s.created_prepare, s.uuid)`

// zaakRow is one zaak as read with zaakColumns.
type zaakRow struct {
	uuid, zaaktype, vertrouwelijkheid    string
	status, resultaat, hoofdzaak         string
	deelzaken, eigenschappen, rollen     []string
	zaakinformatieobjecten, zaakobjecten []string
	g                                    zaken.ZaakGegevens
}

// scanZaak reads one zaakRow with scan; extra destinations follow.
func scanZaak(decoded *GegevensCache, scan func(dest ...any) error, extra ...any) (zaakRow, error) {
	var z zaakRow
	var data []byte
	dest := append([]any{&z.uuid, &z.zaaktype, &z.vertrouwelijkheid, &data, &z.status, &z.resultaat, &z.hoofdzaak,
		&z.deelzaken, &z.eigenschappen, &z.rollen, &z.zaakinformatieobjecten, &z.zaakobjecten}, extra...)
	if err := scan(dest...); err != nil {
		return z, err
	}
	var err error
	z.g, err = decoded.decode(z.uuid, data)
	return z, err
}

// rights is the RightsFilter of the request's principal for reading zaken.
func (Zaken) rights(r *http.Request) RightsFilter {
	var rights *autorisaties.Rights
	if p := zgw.PrincipalFrom(r.Context()); p != nil {
		rights = p.Rights
	}
	return NewRightsFilter(rights, autorisaties.ZRC, "zaken.lezen")
}

// List handles GET /zaken: the filters of the OAS that zrc.zaken answers,
// ordering and pagination, always AND-ed with the principal's
// RightsFilter (zrc-006).
func (s Zaken) List(w http.ResponseWriter, r *http.Request) {
	s.list(w, r, newZakenFilter(r.Context(), queryParams(r.URL.Query())), r.URL.Query().Get("expand"))
}

// list answers one page of the zaken that f selects with every zaken
// filter (zakenFilter.zaken) and whatever the caller added, ordered by its
// ordering parameter, AND-ed with the principal's RightsFilter (zrc-006).
// List and Search share it, so that both answer in the same wire form and
// neither can skip the authorisation. Invalid values give one 400 naming
// them all.
func (s Zaken) list(w http.ResponseWriter, r *http.Request, f *zakenFilter, expand string) {
	f.zaken()
	order := f.ordering("ordering")
	page, err := zgw.PageParam(r)
	if err != nil {
		f.p.Merge(err)
	}
	if err := f.p.Err(); err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	rights := s.rights(r).SQL("z.zaaktype", "z.vertrouwelijkheid_rank", &f.args)
	where, whereArgs := f.sql(rights), slices.Clone(f.args)
	// Without filters other than on zaaktype and vertrouwelijkheid the
	// counts the projection keeps per zaaktype and rank answer (migration
	// 0009), under the same RightsFilter; else the rows are counted.
	cheap := f.onZaaktypeOnly()
	countAll := func() (n int, err error) {
		from := "(SELECT count(*) AS aantal FROM zrc.zaken z" + where + ") z"
		if cheap {
			from = "zrc.zaken_aantallen z" + where
		}
		err = s.Pool.QueryRow(r.Context(), `SELECT coalesce(sum(z.aantal), 0) FROM `+from, whereArgs...).Scan(&n)
		return n, err
	}
	count, counted := 0, false
	skip, take, pageOrder := zgw.Offset(page, pageSize), pageSize, order
	if cheap && page > 1 {
		// A page in the second half is read from the other end, in the
		// reverse order, and one in the middle from its block: the last
		// page skips nothing instead of a million.
		if count, err = countAll(); err != nil {
			zgw.WriteError(w, r, err)
			return
		}
		counted = true
		skip, take, pageOrder, where, err = pageIn(r.Context(), s.Pool, f, rights, rights, "zaken", whereArgs, skip, count, order, "z")
		if err != nil {
			zgw.WriteError(w, r, err)
			return
		}
	}
	limit, offset := f.arg(take), f.arg(skip)
	// The page's uuids first, so that the columns with their sub-selects
	// are computed for the hundred rows shown, not for every row skipped.
	rows, err := s.Pool.Query(r.Context(), `WITH page AS (SELECT z.uuid AS page_uuid FROM zrc.zaken z`+where+
		` ORDER BY `+pageOrder+` LIMIT `+limit+` OFFSET `+offset+`)
		SELECT `+zaakColumns+` FROM page JOIN zrc.zaken z ON z.uuid = page.page_uuid ORDER BY `+order, f.args...)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	results, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (zaak, error) {
		z, err := scanZaak(s.Gegevens, row.Scan)
		return z.wire(r.Context()), err
	})
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	if !counted {
		count = zgw.Offset(page, pageSize) + len(results)
		if len(results) == pageSize || (len(results) == 0 && page > 1) {
			// More may follow, or the page lies beyond the last: count them.
			if count, err = countAll(); err != nil {
				zgw.WriteError(w, r, err)
				return
			}
		}
	}
	expanded, err := s.expandWith(r, expand, results)
	if err != nil {
		zgw.WriteError(w, r, listExpandError(err))
		return
	}
	w.Header().Set("Content-Crs", crsWGS84)
	zgw.WritePage(w, r, page, pageSize, count, expanded)
}

// blokkenVanaf is the number of rows skipped from which a page of the
// creation order is found through zrc.blokken: summing the counts of every
// block (about 100 rows per 8192 rows) costs about as much as skipping
// 10,000 rows. A variable, so that the tests find every page through the
// blocks.
var blokkenVanaf = 10000

// pageIn tells how to read the page that skips skip of the count rows of
// a list of tabel (alias) under f's filters and rights, in order: from the
// nearer end (fromTheEnd), and, when that still skips blokkenVanaf rows or
// more of the creation order, forward from the block of zrc.blokken that
// holds the page's first row (blokVan, with the list's arguments args,
// under countRights: the rights on zrc.blokaantallen, alias z). It returns
// the rows to skip and to take, the order to read in and the list's WHERE
// clause, from the block's start on.
func pageIn(ctx context.Context, pool *pgxpool.Pool, f *zakenFilter, rights, countRights, tabel string, args []any,
	skip, count int, order, alias string) (int, int, string, string, error) {
	near, take, nearOrder := fromTheEnd(skip, count, order)
	if near < blokkenVanaf || order != createdOrder(alias) {
		return near, take, nearOrder, f.sql(rights), nil
	}
	where := ""
	if len(f.where) > 0 || countRights != "TRUE" {
		where = f.sql(countRights, "z.tabel = '"+tabel+"'")
	}
	b, err := blokVan(ctx, pool, tabel, where, args, skip)
	return skip - b.voor, pageSize, order, f.sql(rights, b.vanaf(f, alias)), err
}

// blokStart is where a page of the creation order starts looking: the
// first position of a block of zrc.blokken and the rows before that block,
// with the rows in all (totaal), under a list's filter.
type blokStart struct {
	commit, prepare int64
	voor, totaal    int
}

// vanaf is the condition on the rows of alias from the block's start on,
// with its arguments added to f. A position is unique per row, so the
// uuid need not take part (and must not: the generic plan of a prepared
// statement then scans a whole sub-resource table, whose index has none).
func (b blokStart) vanaf(f *zakenFilter, alias string) string {
	return "(" + alias + ".created_commit, " + alias + ".created_prepare) >= (" +
		f.arg(b.commit) + "::bigint, " + f.arg(b.prepare) + "::bigint)"
}

// blokVan finds the block of zrc.blokken of tabel that holds row skip
// (from 0) of the rows that where selects from zrc.blokaantallen (alias z:
// the table, zaaktype and vertrouwelijkheid_rank only, as the counts of
// zaken_aantallen and onderdelen_aantallen), or of all its rows when where
// is "": then the blocks' own counts answer. No rows give a zero
// blokStart.
func blokVan(ctx context.Context, pool *pgxpool.Pool, tabel, where string, args []any, skip int) (blokStart, error) {
	counts := `SELECT z.blok, sum(z.aantal) AS n FROM zrc.blokaantallen z` + where + ` GROUP BY z.blok HAVING sum(z.aantal) > 0`
	if where == "" {
		args = nil
		counts = `SELECT z.blok, z.aantal AS n FROM zrc.blokken z WHERE z.tabel = $1 AND z.aantal > 0`
	}
	var b blokStart
	err := pool.QueryRow(ctx, `WITH b AS (`+counts+`),
		c AS (SELECT blok, (sum(n) OVER (ORDER BY blok) - n)::bigint AS voor, (sum(n) OVER ())::bigint AS totaal FROM b)
		SELECT g.created_commit, g.created_prepare, c.voor, c.totaal
		FROM c JOIN zrc.blokken g ON g.tabel = `+placeholder(len(args)+1)+` AND g.blok = c.blok
		WHERE c.voor <= `+placeholder(len(args)+2)+` ORDER BY c.blok DESC LIMIT 1`, append(slices.Clip(args), tabel, skip)...).
		Scan(&b.commit, &b.prepare, &b.voor, &b.totaal)
	if errors.Is(err, pgx.ErrNoRows) {
		return blokStart{}, nil
	}
	return b, err
}

// listExpandError is the answer of a list or _zoek to an expand that
// failed: the detail's 404 (zrc-027, zrc-028) becomes a 400 on expand,
// since the OAS declares no 404 for them.
func listExpandError(err error) error {
	var de *domain.Error
	if errors.As(err, &de) && de.Kind == domain.KindNotFound {
		return domain.Invalid("expand", "invalid", de.Detail)
	}
	return err
}

// Read handles GET and HEAD /zaken/{uuid}: 404 for an unknown zaak, 403
// for one the principal may not read (zrc-006).
func (s Zaken) Read(w http.ResponseWriter, r *http.Request) {
	z, err := s.one(r.Context(), zgw.PathUUID(r))
	if err == nil && !s.rights(r).Allows(z.zaaktype, z.vertrouwelijkheid) {
		err = domain.Forbidden("permission_denied", "U heeft geen toestemming om deze actie uit te voeren.")
	}
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	z.cacheDependsOn(r.Context())
	expanded, err := s.expand(r, []zaak{z.wire(r.Context())})
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	w.Header().Set("Content-Crs", crsWGS84)
	zgw.WriteJSONETag(w, r, http.StatusOK, expanded[0])
}

// Render writes zaak uuid with status exactly as a GET shows it; the write
// endpoints, which check the rights themselves, answer with it. An unknown
// uuid is a 404. A GET or HEAD gets an ETag, a write's answer does not.
func (s Zaken) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	z, err := s.one(r.Context(), zgw.CanonicalUUID(uuid))
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	w.Header().Set("Content-Crs", crsWGS84)
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		zgw.WriteJSONETag(w, r, status, z.wire(r.Context()))
		return
	}
	zgw.WriteJSON(w, r, status, z.wire(r.Context()))
}

// CacheKey is the key of GET /zaken/{uuid} in a zgw.ResponseCache: the
// answer depends on the path, the query (expand) and, through the
// RightsFilter of expand, on the client. What it shows of the read model
// it names itself (cacheDependsOn); the catalogue and the rights flush the
// cache when they change.
func (Zaken) CacheKey(r *http.Request) string {
	client := ""
	if p := zgw.PrincipalFrom(r.Context()); p != nil {
		client = p.ClientID
	}
	return r.URL.Path + "?" + r.URL.RawQuery + "\x00" + client
}

// cacheDependsOn names, for a cached answer, the zaken whose changes change
// z's wire form: z itself (its sub-resources are events of its stream), its
// deelzaken (their hoofdzaak names z) and its hoofdzaak (whose delete
// deletes z). ZaakCacheTags names the same zaken from the events.
func (z zaakRow) cacheDependsOn(ctx context.Context) {
	zgw.CacheDependsOn(ctx, z.uuid)
	if z.hoofdzaak != "" {
		zgw.CacheDependsOn(ctx, z.hoofdzaak)
	}
	zgw.CacheDependsOn(ctx, z.deelzaken...)
}

// ZaakCacheTags names the zaken an event of the zaken context changes, as
// cacheDependsOn names them: the zaak of its stream and the hoofdzaak the
// event names, whose deelzaken change.
func ZaakCacheTags(ev eventstore.RecordedEvent) []string {
	var e struct {
		Zaak      string `json:"zaak"`
		Hoofdzaak string `json:"hoofdzaak"`
	}
	var tags []string
	if id, ok := strings.CutPrefix(ev.StreamID, zaken.ZaakStream("")); ok {
		tags = append(tags, id)
		if !strings.HasPrefix(ev.Type, "zaken.zaak.") {
			return tags // a sub-resource's event names no hoofdzaak
		}
	}
	if json.Unmarshal(ev.Data, &e) == nil {
		for _, ref := range []string{e.Zaak, e.Hoofdzaak} {
			if id := zgw.CanonicalUUID(ref[strings.LastIndexByte(ref, '/')+1:]); id != "" {
				tags = append(tags, id)
			}
		}
	}
	return tags
}

// one reads zaak id.
func (s Zaken) one(ctx context.Context, id string) (zaakRow, error) {
	if id == "" {
		return zaakRow{}, domain.NotFound("Niet gevonden.")
	}
	z, err := scanZaak(s.Gegevens, s.Pool.QueryRow(ctx, `SELECT `+zaakColumns+` FROM zrc.zaken z WHERE z.uuid = $1`, id).Scan)
	if errors.Is(err, pgx.ErrNoRows) {
		return z, domain.NotFound("Niet gevonden.")
	}
	return z, err
}
