package server

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/zaakregister/zaakregister/commands"
	"github.com/zaakregister/zaakregister/oas"
	"github.com/zaakregister/zaakregister/referentielijsten"
	"github.com/zaakregister/zaakregister/zgw"
)

// referentielijstenAPI is the route table of the Referentielijsten API
// 0.6.0: read-only and public like VNG's own service (its specification
// declares no security), answered from the data embedded in the binary.
func referentielijstenAPI(cfg Config, _ commands.Base) (*zgw.API, http.Handler, error) {
	spec, err := oas.Load("referentielijsten-0.6.0")
	if err != nil {
		return nil, nil, err
	}
	lijsten, err := referentielijsten.Load()
	if err != nil {
		return nil, nil, err
	}
	api := &zgw.API{Name: "referentielijsten", Root: "/referentielijsten/api/v1", Spec: spec, BaseURL: cfg.BaseURL, Public: true}
	h := &referentielijsten.Handlers{Lijsten: lijsten}

	r := chi.NewRouter()
	r.Route(api.Root, func(r chi.Router) {
		r.Get("/communicatiekanalen", h.ListCommunicatiekanalen)
		r.Get("/communicatiekanalen/{uuid}", h.ReadCommunicatiekanaal)
		r.Get("/procestypen", h.ListProcestypen)
		r.Get("/procestypen/{uuid}", h.ReadProcestype)
		r.Get("/resultaattypeomschrijvingen", h.ListResultaatTypeOmschrijvingen)
		r.Get("/resultaattypeomschrijvingen/{uuid}", h.ReadResultaatTypeOmschrijving)
		r.Get("/resultaten", h.ListResultaten)
		r.Get("/resultaten/{uuid}", h.ReadResultaat)
	})
	return api, r, nil
}
