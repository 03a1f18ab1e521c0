package commands

import (
	"context"
	"net/http"

	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/zgw"
)

// catalogusReadOnly are the response fields of a catalogus a client may
// send back.
var catalogusReadOnly = []string{"url", "zaaktypen", "besluittypen", "informatieobjecttypen"}

// CreateCatalogus handles POST /catalogussen. The request fields are those
// of the domain's CatalogusGegevens, name for name.
func (h *Catalogi) CreateCatalogus(w http.ResponseWriter, r *http.Request) {
	var g catalogi.CatalogusGegevens
	d, err := decodeBody(r, &g, catalogusReadOnly...)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	id, err := h.addCatalogus(r.Context(), Metadata(r), g, d.schema)
	created(w, r, err, h.Catalogussen, zgw.ResourceURL(r.Context(), collCatalogussen, id), id)
}

// AddCatalogus creates a catalogus and returns its uuid; it fails with the
// domain's validation error.
func (h *Catalogi) AddCatalogus(ctx context.Context, meta eventstore.Metadata, g catalogi.CatalogusGegevens) (string, error) {
	return h.addCatalogus(ctx, meta, g, nil)
}

// addCatalogus is AddCatalogus for a request whose body has the faults
// schema against the OAS; they count where the domain finds none on the
// same field (combine).
func (h *Catalogi) addCatalogus(ctx context.Context, meta eventstore.Metadata, g catalogi.CatalogusGegevens, schema error) (string, error) {
	id := newUUID()
	events, err := catalogi.NewCatalogus(id).Create(g)
	if err := combine(err, schema); err != nil {
		return "", err
	}
	res, err := h.append(ctx, meta, catalogi.CatalogusStream(id), eventstore.NoStream(), events)
	if err != nil {
		return "", err
	}
	return id, h.await(ctx, res.Position, h.Projections...)
}
