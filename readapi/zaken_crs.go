package readapi

import (
	"fmt"
	"net/http"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/zgw"
)

// crsWGS84 is the one coordinate reference system the Zaken API speaks
// (EPSG:4326 is WGS84, the GeoJSON default).
const crsWGS84 = "EPSG:4326"

// RequireCRS negotiates the coordinate reference system of the zaak
// operations that carry a geometry (GET/POST /zaken, POST /zaken/_zoek and
// GET/HEAD/PUT/PATCH/DELETE /zaken/{uuid}; RULES 2.6), as the reference
// implementation does (vng-api-common's GeoMixin):
//
//   - POST, PUT and PATCH must send Content-Crs, the CRS of the geometry in
//     their body;
//   - every method but DELETE must send Accept-Crs, the CRS wanted in the
//     response;
//   - a missing header is 412 precondition_failed, a value other than
//     EPSG:4326 406 not_acceptable.
//
// The Content-Crs response header is set on every answer, as the mixin's
// default response headers are. Put it after authentication and the
// zgw.API middleware, so that an unauthorised client learns nothing else
// first.
func RequireCRS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Crs", crsWGS84)
		if err := checkCRS(r); err != nil {
			zgw.WriteError(w, r, err)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// checkCRS returns the *domain.Error for the CRS headers of r, or nil.
func checkCRS(r *http.Request) error {
	switch r.Method {
	case http.MethodPost, http.MethodPut, http.MethodPatch:
		if err := crsHeader(r, "Content-Crs"); err != nil {
			return err
		}
	}
	if r.Method == http.MethodDelete {
		return nil
	}
	return crsHeader(r, "Accept-Crs")
}

// crsHeader checks that header name is present and EPSG:4326.
func crsHeader(r *http.Request, name string) error {
	values := r.Header.Values(name)
	switch {
	case len(values) == 0:
		return &domain.Error{Kind: domain.KindPreconditionFailed, Code: "precondition_failed",
			Detail: fmt.Sprintf("'%s' header ontbreekt", name)}
	case len(values) > 1 || values[0] != crsWGS84:
		return &domain.Error{Kind: domain.KindNotAcceptable, Code: "not_acceptable",
			Detail: fmt.Sprintf("CRS '%s' is niet ondersteund", r.Header.Get(name))}
	}
	return nil
}
