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

// catalogiAPI is the route table of the Catalogi API 1.3.1. Scopes come
// from the OAS through zgw.API.Middleware: every read needs catalogi.lezen,
// those of zaaktypen also zaken.lezen or documenten.lezen (ztc-014), a HEAD
// those of its GET; writes catalogi.schrijven or the geforceerd scopes.
func catalogiAPI(cfg Config, base commands.Base) (*zgw.API, http.Handler, error) {
	spec, err := oas.Load("catalogi-1.3.1")
	if err != nil {
		return nil, nil, err
	}
	api := &zgw.API{Name: "catalogi", Root: "/catalogi/api/v1", Component: autorisaties.ZTC, Spec: spec, BaseURL: cfg.BaseURL, Aliases: cfg.Aliases, StrictBodies: cfg.StrictBodies}
	c := &readapi.Catalogi{Pool: cfg.Pool}
	catalogussen := readapi.Catalogussen{Catalogi: c}
	zaaktypen := readapi.Zaaktypen{Catalogi: c}
	informatieobjecttypen := readapi.Informatieobjecttypen{Catalogi: c}
	besluittypen := readapi.Besluittypen{Catalogi: c}
	statustypen := readapi.Statustypen{Catalogi: c}
	roltypen := readapi.Roltypen{Catalogi: c}
	resultaattypen := readapi.Resultaattypen{Catalogi: c}
	eigenschappen := readapi.Eigenschappen{Catalogi: c}
	zaakobjecttypen := readapi.Zaakobjecttypen{Catalogi: c}
	ziots := readapi.ZaaktypeInformatieobjecttypen{Catalogi: c}
	w := &commands.Catalogi{
		Base: base, Catalogussen: catalogussen, Zaaktypen: zaaktypen, Informatieobjecttypen: informatieobjecttypen,
		Besluittypen: besluittypen, Statustypen: statustypen, Roltypen: roltypen, Resultaattypen: resultaattypen,
		Eigenschappen: eigenschappen, Zaakobjecttypen: zaakobjecttypen, ZaaktypeInformatieobjecttypen: ziots,
		Selectielijst: cfg.Selectielijst, Subtypes: c, Versions: c, Projections: cfg.WaitFor["catalogi"],
	}

	type resource struct {
		collection     string
		list, read     http.HandlerFunc
		create, delete http.HandlerFunc
		update         func(partial bool) http.HandlerFunc
		publish        http.HandlerFunc // nil: not a versioned type
	}
	resources := []resource{
		{"zaaktypen", zaaktypen.List, zaaktypen.Read, w.CreateZaaktype, w.DeleteZaaktype, w.UpdateZaaktype, w.PublishZaaktype},
		{"informatieobjecttypen", informatieobjecttypen.List, informatieobjecttypen.Read, w.CreateInformatieobjecttype, w.DeleteInformatieobjecttype, w.UpdateInformatieobjecttype, w.PublishInformatieobjecttype},
		{"besluittypen", besluittypen.List, besluittypen.Read, w.CreateBesluittype, w.DeleteBesluittype, w.UpdateBesluittype, w.PublishBesluittype},
		{"statustypen", statustypen.List, statustypen.Read, w.CreateStatustype, w.DeleteStatustype, w.UpdateStatustype, nil},
		{"roltypen", roltypen.List, roltypen.Read, w.CreateRoltype, w.DeleteRoltype, w.UpdateRoltype, nil},
		{"resultaattypen", resultaattypen.List, resultaattypen.Read, w.CreateResultaattype, w.DeleteResultaattype, w.UpdateResultaattype, nil},
		{"eigenschappen", eigenschappen.List, eigenschappen.Read, w.CreateEigenschap, w.DeleteEigenschap, w.UpdateEigenschap, nil},
		{"zaakobjecttypen", zaakobjecttypen.List, zaakobjecttypen.Read, w.CreateZaakobjecttype, w.DeleteZaakobjecttype, w.UpdateZaakobjecttype, nil},
		{"zaaktype-informatieobjecttypen", ziots.List, ziots.Read, w.CreateZaaktypeInformatieobjecttype, w.DeleteZaaktypeInformatieobjecttype, w.UpdateZaaktypeInformatieobjecttype, nil},
	}

	r := chi.NewRouter()
	r.Route(api.Root, func(r chi.Router) {
		// Catalogi 1.3.1 has no PUT, PATCH or DELETE of a catalogus.
		r.Get("/catalogussen", catalogussen.List)
		r.Post("/catalogussen", w.CreateCatalogus)
		r.Get("/catalogussen/{uuid}", catalogussen.Read)
		r.Head("/catalogussen/{uuid}", catalogussen.Read)
		for _, res := range resources {
			r.Get("/"+res.collection, res.list)
			r.Post("/"+res.collection, res.create)
			r.Get("/"+res.collection+"/{uuid}", res.read)
			r.Head("/"+res.collection+"/{uuid}", res.read)
			r.Put("/"+res.collection+"/{uuid}", res.update(false))
			r.Patch("/"+res.collection+"/{uuid}", res.update(true))
			r.Delete("/"+res.collection+"/{uuid}", res.delete)
			if res.publish != nil {
				r.Post("/"+res.collection+"/{uuid}/publish", res.publish)
			}
		}
	})
	if cfg.CatalogiCache == nil {
		return api, r, nil
	}
	// Inside the route table, so after authentication and the scope check:
	// a cached answer is only ever served to a client allowed to see it.
	return api, cfg.CatalogiCache.Middleware(c.CacheKey)(r), nil
}
