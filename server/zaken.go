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

// zakenAPI is the route table of the Zaken API 1.5.1. Scopes come from the
// OAS through zgw.API.Middleware; the object-level checks (zrc-006) are the
// read API's and the command handlers'. The /zaken endpoints require the
// CRS headers (readapi.RequireCRS).
func zakenAPI(cfg Config, base commands.Base) (*zgw.API, http.Handler, error) {
	spec, err := oas.Load("zaken-1.5.1")
	if err != nil {
		return nil, nil, err
	}
	api := &zgw.API{Name: "zaken", Root: commands.ZakenRoot, Component: autorisaties.ZRC, Spec: spec, BaseURL: cfg.BaseURL, Aliases: cfg.Aliases, StrictBodies: cfg.StrictBodies}
	zaken := readapi.Zaken{Pool: cfg.Pool, Catalogi: cfg.ExpandCache, Gegevens: &readapi.GegevensCache{}}
	statussen := readapi.Statussen{Pool: cfg.Pool}
	resultaten := readapi.Resultaten{Pool: cfg.Pool}
	rollen := readapi.Rollen{Pool: cfg.Pool}
	zaakobjecten := readapi.Zaakobjecten{Pool: cfg.Pool}
	zios := readapi.Zaakinformatieobjecten{Pool: cfg.Pool}
	eigenschappen := readapi.Zaakeigenschappen{Pool: cfg.Pool}
	klantcontacten := readapi.Klantcontacten{Pool: cfg.Pool}
	besluiten := readapi.Zaakbesluiten{Pool: cfg.Pool}
	contactmomenten := readapi.ZaakContactMomenten{Pool: cfg.Pool}
	verzoeken := readapi.ZaakVerzoeken{Pool: cfg.Pool}
	audittrail := readapi.ZaakAudittrail{Pool: cfg.Pool, Store: cfg.Store}
	w := &commands.Zaken{
		Base: base, Identificaties: &commands.Identificaties{Base: base},
		Zaken: zaken, Statussen: statussen, Resultaten: resultaten, Rollen: rollen, Zaakobjecten: zaakobjecten,
		Zaakinformatieobjecten: zios, Zaakeigenschappen: eigenschappen, Klantcontacten: klantcontacten,
		Zaakbesluiten: besluiten, Zaakcontactmomenten: contactmomenten, Zaakverzoeken: verzoeken,
		Index: zaken, Refs: cfg.Resolver, Lijsten: cfg.Selectielijst, Projections: cfg.WaitFor["zaken"],
		CatalogiVersie: cfg.CatalogiVersie,
	}

	r := chi.NewRouter()
	r.Route(api.Root, func(r chi.Router) {
		r.Group(func(r chi.Router) {
			r.Use(readapi.RequireCRS)
			r.Get("/zaken", zaken.List)
			r.Post("/zaken", w.CreateZaak)
			r.Post("/zaken/_zoek", zaken.Search)
			// Inside the route table, so after authentication and the
			// scope check; the key holds the client for the RightsFilter.
			read := http.Handler(http.HandlerFunc(zaken.Read))
			if cfg.ZakenCache != nil {
				read = cfg.ZakenCache.Middleware(zaken.CacheKey)(read)
			}
			r.Method(http.MethodGet, "/zaken/{uuid}", read)
			r.Method(http.MethodHead, "/zaken/{uuid}", read)
			r.Put("/zaken/{uuid}", w.UpdateZaak(false))
			r.Patch("/zaken/{uuid}", w.UpdateZaak(true))
			r.Delete("/zaken/{uuid}", w.DeleteZaak)
		})
		r.Get("/zaken/{zaak_uuid}/zaakeigenschappen", eigenschappen.List)
		r.Post("/zaken/{zaak_uuid}/zaakeigenschappen", w.CreateZaakEigenschap)
		r.Get("/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}", eigenschappen.Read)
		r.Head("/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}", eigenschappen.Read)
		r.Put("/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}", w.UpdateZaakEigenschap(false))
		r.Patch("/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}", w.UpdateZaakEigenschap(true))
		r.Delete("/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}", w.DeleteZaakEigenschap)
		r.Get("/zaken/{zaak_uuid}/besluiten", besluiten.List)
		r.Post("/zaken/{zaak_uuid}/besluiten", w.CreateZaakBesluit)
		r.Get("/zaken/{zaak_uuid}/besluiten/{uuid}", besluiten.Read)
		r.Delete("/zaken/{zaak_uuid}/besluiten/{uuid}", w.DeleteZaakBesluit)
		r.Get("/zaken/{zaak_uuid}/audittrail", audittrail.List)
		r.Get("/zaken/{zaak_uuid}/audittrail/{uuid}", audittrail.Read)

		type resource struct {
			collection     string
			list, read     http.HandlerFunc
			create, delete http.HandlerFunc
			update         func(partial bool) http.HandlerFunc // nil: no PUT or PATCH
			head           bool
		}
		for _, res := range []resource{
			{"statussen", statussen.List, statussen.Read, w.CreateStatus, nil, nil, true},
			{"resultaten", resultaten.List, resultaten.Read, w.CreateResultaat, w.DeleteResultaat, w.UpdateResultaat, true},
			{"rollen", rollen.List, rollen.Read, w.CreateRol, w.DeleteRol, nil, true},
			{"zaakobjecten", zaakobjecten.List, zaakobjecten.Read, w.CreateZaakObject, w.DeleteZaakObject, w.UpdateZaakObject, true},
			{"zaakinformatieobjecten", zios.List, zios.Read, w.CreateZaakInformatieObject, w.DeleteZaakInformatieObject, w.UpdateZaakInformatieObject, true},
			{"klantcontacten", klantcontacten.List, klantcontacten.Read, w.CreateKlantContact, nil, nil, false},
			{"zaakcontactmomenten", contactmomenten.List, contactmomenten.Read, w.CreateZaakContactMoment, w.DeleteZaakContactMoment, nil, false},
			{"zaakverzoeken", verzoeken.List, verzoeken.Read, w.CreateZaakVerzoek, w.DeleteZaakVerzoek, nil, false},
		} {
			r.Get("/"+res.collection, res.list)
			r.Post("/"+res.collection, res.create)
			r.Get("/"+res.collection+"/{uuid}", res.read)
			if res.head {
				r.Head("/"+res.collection+"/{uuid}", res.read)
			}
			if res.update != nil {
				r.Put("/"+res.collection+"/{uuid}", res.update(false))
				r.Patch("/"+res.collection+"/{uuid}", res.update(true))
			}
			if res.delete != nil {
				r.Delete("/"+res.collection+"/{uuid}", res.delete)
			}
		}
	})
	return api, r, nil
}
