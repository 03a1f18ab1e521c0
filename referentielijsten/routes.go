package referentielijsten

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/zaakregister/zaakregister/oas"
	"github.com/zaakregister/zaakregister/zgw"
)

// Root is the path of the API root of the built-in Referentielijsten API.
const Root = "/referentielijsten/api/v1"

// NewAPI returns the built-in Referentielijsten API 0.6.0 for base URL
// baseURL and its route table: read-only and public like VNG's own service
// (its specification declares no security), answered from lijsten.
func NewAPI(baseURL string, lijsten *Lijsten) (*zgw.API, http.Handler, error) {
	spec, err := oas.Load("referentielijsten-0.6.0")
	if err != nil {
		return nil, nil, err
	}
	api := &zgw.API{Name: "referentielijsten", Root: Root, Spec: spec, BaseURL: baseURL, Public: true}
	h := &Handlers{Lijsten: lijsten}
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
