package referentielijsten

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/zgw"
)

// Handlers answers the eight operations of the Referentielijsten API from
// Lijsten. Mount them below a zgw.API (which puts the API in the request
// context, for the resource URLs, and rejects undeclared query parameters);
// the route table is the server's. Every handler is an http.HandlerFunc
// reading the {uuid} path parameter, where it has one, through chi.
type Handlers struct {
	Lijsten *Lijsten
}

// ListProcestypen answers procestype_list: every procestype, by nummer, or
// those of the edition in the query parameter jaar; a jaar that is no
// positive integer is a 400 naming it. The OAS declares no pagination.
func (h *Handlers) ListProcestypen(w http.ResponseWriter, r *http.Request) {
	jaar, err := jaarParam(r)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	writeList(w, r, h.Lijsten.Procestypen(jaar), procestypeWire)
}

// ReadProcestype answers procestype_retrieve; an unknown uuid is a 404.
func (h *Handlers) ReadProcestype(w http.ResponseWriter, r *http.Request) {
	writeOne(w, r, h.Lijsten.Procestype, procestypeWire)
}

// ListResultaten answers resultaat_list, paginated (query parameter page):
// every resultaat in tree order, or those of the procestype whose URL the
// query parameter proces_type gives. A URL of no procestype here (another
// host, an unknown uuid) matches nothing, as in the reference
// implementation; a value that is no absolute URL is a 400 naming it.
func (h *Handlers) ListResultaten(w http.ResponseWriter, r *http.Request) {
	id, filtered, err := procestypeParam(r)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	var items []Resultaat
	switch {
	case !filtered:
		items = h.Lijsten.Resultaten("")
	case id != "":
		items = h.Lijsten.Resultaten(id)
	}
	writePage(w, r, items, resultaatWire)
}

// ReadResultaat answers resultaat_retrieve; an unknown uuid is a 404.
func (h *Handlers) ReadResultaat(w http.ResponseWriter, r *http.Request) {
	writeOne(w, r, h.Lijsten.Resultaat, resultaatWire)
}

// ListResultaatTypeOmschrijvingen answers
// resultaattypeomschrijvinggeneriek_list: all of them, by omschrijving,
// unpaginated as the OAS declares.
func (h *Handlers) ListResultaatTypeOmschrijvingen(w http.ResponseWriter, r *http.Request) {
	writeList(w, r, h.Lijsten.ResultaatTypeOmschrijvingen(), omschrijvingWire)
}

// ReadResultaatTypeOmschrijving answers
// resultaattypeomschrijvinggeneriek_retrieve; an unknown uuid is a 404.
func (h *Handlers) ReadResultaatTypeOmschrijving(w http.ResponseWriter, r *http.Request) {
	writeOne(w, r, h.Lijsten.ResultaatTypeOmschrijving, omschrijvingWire)
}

// ListCommunicatiekanalen answers communicatiekanaal_list: all of them, by
// naam, paginated (query parameter page).
func (h *Handlers) ListCommunicatiekanalen(w http.ResponseWriter, r *http.Request) {
	writePage(w, r, h.Lijsten.Communicatiekanalen(), kanaalWire)
}

// ReadCommunicatiekanaal answers communicatiekanaal_retrieve; an unknown
// uuid is a 404.
func (h *Handlers) ReadCommunicatiekanaal(w http.ResponseWriter, r *http.Request) {
	writeOne(w, r, h.Lijsten.Communicatiekanaal, kanaalWire)
}

// writeOne answers a retrieve operation: the item with the {uuid} of the
// path, or a 404 (also for a uuid that is no UUID: nothing has it).
func writeOne[T, B any](w http.ResponseWriter, r *http.Request, find func(string) (T, bool), render func(context.Context, T) B) {
	item, ok := find(zgw.PathUUID(r))
	if !ok {
		zgw.WriteError(w, r, domain.NotFound("Niet gevonden."))
		return
	}
	zgw.WriteJSON(w, r, http.StatusOK, render(r.Context(), item))
}

// writeList answers an unpaginated list operation: a JSON array, [] when empty.
func writeList[T, B any](w http.ResponseWriter, r *http.Request, items []T, render func(context.Context, T) B) {
	zgw.WriteJSON(w, r, http.StatusOK, renderAll(r.Context(), items, render))
}

// writePage answers a paginated list operation with the page the query
// parameter page asks for; a page beyond the last has no results.
func writePage[T, B any](w http.ResponseWriter, r *http.Request, items []T, render func(context.Context, T) B) {
	page, err := zgw.PageParam(r)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	size := zgw.DefaultPageSize
	from := len(items)
	// Compare page numbers, not offsets: a huge page number would overflow
	// the offset.
	if pages := (len(items) + size - 1) / size; page <= pages {
		from = zgw.Offset(page, size)
	}
	to := min(from+size, len(items))
	zgw.WritePage(w, r, page, size, len(items), renderAll(r.Context(), items[from:to], render))
}

func renderAll[T, B any](ctx context.Context, items []T, render func(context.Context, T) B) []B {
	out := make([]B, 0, len(items))
	for _, it := range items {
		out = append(out, render(ctx, it))
	}
	return out
}

// jaarParam returns the query parameter jaar, 0 when absent or empty.
func jaarParam(r *http.Request) (int, error) {
	v := strings.TrimSpace(r.URL.Query().Get("jaar"))
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, domain.Invalid("jaar", "invalid", "Ongeldig jaar: een positief geheel getal, zoals 2020, is vereist.")
	}
	return n, nil
}

// procestypeParam reads the query parameter proces_type: filtered is false
// when it is absent or empty; id is the procestype's UUID when the URL is
// that of a procestype of this API, "" when it is a URL of nothing here.
func procestypeParam(r *http.Request) (id string, filtered bool, err error) {
	v := r.URL.Query().Get("proces_type")
	if v == "" {
		return "", false, nil
	}
	if id, ok := zgw.ParseResourceURL(r.Context(), procestypenPath, v); ok {
		return id, true, nil
	}
	if domain.URLFault(v) != "" {
		return "", false, domain.Invalid("proces_type", "invalid", "Voer een geldige URL in.")
	}
	return "", true, nil
}
