package server

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/zaakregister/zaakregister/commands"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/oas"
	"github.com/zaakregister/zaakregister/readapi"
	"github.com/zaakregister/zaakregister/zgw"
)

// autorisatiesAPI is the route table of the Autorisaties API 1.0.0.
func autorisatiesAPI(cfg Config, base commands.Base) (*zgw.API, http.Handler, error) {
	spec, err := oas.Load("autorisaties-1.0.0")
	if err != nil {
		return nil, nil, err
	}
	api := &zgw.API{Name: "autorisaties", Root: "/autorisaties/api/v1", Component: autorisaties.AC, Spec: spec, BaseURL: cfg.BaseURL, Aliases: cfg.Aliases, StrictBodies: cfg.StrictBodies}
	read := &readapi.Autorisaties{Pool: cfg.Pool}
	write := &commands.Autorisaties{Base: base, Render: read, Projections: cfg.WaitFor["autorisaties"]}

	r := chi.NewRouter()
	r.Route(api.Root, func(r chi.Router) {
		r.Get("/applicaties", read.List)
		r.Post("/applicaties", write.Create)
		r.Get("/applicaties/consumer", read.Consumer)
		r.Get("/applicaties/{uuid}", read.Read)
		r.Put("/applicaties/{uuid}", write.Update(false))
		r.Patch("/applicaties/{uuid}", write.Update(true))
		r.Delete("/applicaties/{uuid}", write.Delete)
	})
	return api, r, nil
}
