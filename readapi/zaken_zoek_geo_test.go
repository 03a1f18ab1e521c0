package readapi

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/oas/oastest"
	"github.com/zaakregister/zaakregister/projections"
)

// zzGeoDeviations are the success bodies with polygons that the OAS
// validator cannot judge: GeoJSONGeometry is a oneOf whose discriminator
// has no mapping, which kin-openapi does not apply, so a Polygon also
// matches MultiLineString (the same coordinates shape) and fails oneOf.
var zzGeoDeviations = oastest.BodyDeviations{
	"zaak__zoek": "a Polygon zaakgeometrie matches both Polygon and MultiLineString of GeoJSONGeometry's oneOf",
	"zaak_list":  "a Polygon zaakgeometrie matches both Polygon and MultiLineString of GeoJSONGeometry's oneOf",
}

const (
	zzIDin     = "d1000000-0000-4000-8000-000000000001"
	zzIDhole   = "d1000000-0000-4000-8000-000000000002"
	zzIDout    = "d1000000-0000-4000-8000-000000000003"
	zzIDpoly   = "d1000000-0000-4000-8000-000000000004"
	zzID3D     = "d1000000-0000-4000-8000-000000000005"
	zzIDbad    = "d1000000-0000-4000-8000-000000000006"
	zzIDnone   = "d1000000-0000-4000-8000-000000000007"
	zzIDbowtie = "d1000000-0000-4000-8000-000000000008"
	zzIDb      = "d1000000-0000-4000-8000-000000000009"

	// zzSquare is 4..6 E, 51..53 N; zzHoled is the same with a hole
	// 4.8..5.2 E, 51.8..52.2 N.
	zzSquare = `{"type": "Polygon", "coordinates": [[[4,51],[6,51],[6,53],[4,53],[4,51]]]}`
	zzHoled  = `{"type": "Polygon", "coordinates": [[[4,51],[6,51],[6,53],[4,53],[4,51]],
		[[4.8,51.8],[5.2,51.8],[5.2,52.2],[4.8,52.2],[4.8,51.8]]]}`
)

// zzGeoZaak decides zaak id with identificatie and zaakgeometrie geometry
// ("" for none).
func zzGeoZaak(t *testing.T, id, identificatie, zaaktype, va, geometry string) zkStream {
	t.Helper()
	r := &zkRecorder{t: t}
	g := zkGegevens(identificatie, zkRSIN, zaaktype, va, "2025-01-01")
	if geometry != "" {
		g.Zaakgeometrie = json.RawMessage(geometry)
	}
	r.on(id)(zaken.NewZaak(id, domain.FixedClock{T: zkNow}).Create(g, zkFeiten(zaaktype, nil)))
	return r.out[0]
}

// zzGeoHistory are zaken of type A around zzHoled.
func zzGeoHistory(t *testing.T) []zkStream {
	return []zkStream{
		zzGeoZaak(t, zzIDin, "G-in", zkZaaktypeA, "openbaar", `{"type": "Point", "coordinates": [4.5, 52]}`),
		zzGeoZaak(t, zzIDhole, "G-hole", zkZaaktypeA, "openbaar", `{"type": "Point", "coordinates": [5, 52]}`),
		zzGeoZaak(t, zzIDout, "G-out", zkZaaktypeA, "openbaar", `{"type": "Point", "coordinates": [7, 52]}`),
		zzGeoZaak(t, zzIDpoly, "G-poly", zkZaaktypeA, "openbaar",
			`{"type": "Polygon", "coordinates": [[[4.1,51.1],[4.3,51.1],[4.3,51.3],[4.1,51.3],[4.1,51.1]]]}`),
		zzGeoZaak(t, zzID3D, "G-3d", zkZaaktypeA, "openbaar", `{"type": "Point", "coordinates": [5.5, 52.5, 10]}`),
		// A GeoJSON PostGIS refuses, and one it finds invalid: neither
		// may stop the projection.
		zzGeoZaak(t, zzIDbad, "G-bad", zkZaaktypeA, "openbaar", `{"type": "Kat", "coordinates": [5, 52]}`),
		zzGeoZaak(t, zzIDbowtie, "G-bowtie", zkZaaktypeA, "openbaar",
			`{"type": "Polygon", "coordinates": [[[4.1,52.6],[4.3,52.8],[4.3,52.6],[4.1,52.8],[4.1,52.6]]]}`),
		zzGeoZaak(t, zzIDnone, "G-none", zkZaaktypeA, "openbaar", ""),
	}
}

// zzGeoCases are geo searches on zzGeoHistory and what they find.
var zzGeoCases = []struct {
	body string
	want []string
}{
	{`{"zaakgeometrie": {"within": ` + zzSquare + `}}`, []string{"G-3d", "G-bowtie", "G-hole", "G-in", "G-poly"}},
	{`{"zaakgeometrie": {"within": ` + zzHoled + `}}`, []string{"G-3d", "G-bowtie", "G-in", "G-poly"}},
	{`{"zaakgeometrie": {"within": {"type": "MultiPolygon", "coordinates": [
		[[[4.4,51.9],[4.6,51.9],[4.6,52.1],[4.4,52.1],[4.4,51.9]]],
		[[[6.9,51.9],[7.1,51.9],[7.1,52.1],[6.9,52.1],[6.9,51.9]]]]}}}`, []string{"G-in", "G-out"}},
	// A point on the boundary is not within.
	{`{"zaakgeometrie": {"within": {"type": "Polygon", "coordinates": [[[4.5,52],[6,52],[6,53],[4.5,53],[4.5,52]]]}}}`, []string{"G-3d"}},
	{`{"zaakgeometrie": {"within": ` + zzSquare + `}, "identificatie": "G-in"}`, []string{"G-in"}},
	{`{"zaakgeometrie": {"within": {"type": "Point", "coordinates": [4.5, 52]}}}`, []string{"G-in"}},
}

func TestZaken_zoekWithin(t *testing.T) {
	h, rt := zzProjectRuntime(t, zzGeoHistory(t))
	srv := zzServeExcept(t, h, zkSuperuser, zzGeoDeviations)
	check := func(t *testing.T) {
		t.Helper()
		for _, c := range zzGeoCases {
			got := zkIdentificaties(t, zzSearch(t, srv, "", c.body))
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("%s: got %v, want %v", c.body, got, c.want)
			}
		}
	}
	check(t)

	t.Run("the projection stores every zaak", func(t *testing.T) {
		want := map[string]string{zzIDin: "POINT(4.5 52)", zzID3D: "POINT(5.5 52.5)", zzIDbad: "", zzIDnone: ""}
		for id, wkt := range want {
			var got string
			var srid int
			err := h.Pool.QueryRow(context.Background(), `SELECT coalesce(ST_AsText(geometrie), ''), coalesce(ST_SRID(geometrie), 0)
				FROM zrc.zaken WHERE uuid = $1`, id).Scan(&got, &srid)
			if err != nil {
				t.Fatalf("%s: %v", id, err)
			}
			if got != wkt || (wkt != "" && srid != 4326) {
				t.Errorf("%s: geometrie %q SRID %d, want %q", id, got, srid, wkt)
			}
		}
		// The refused GeoJSON is still the zaak's zaakgeometrie.
		_, out := zzDo(t, srv, http.MethodGet, "/zaken?identificatie=G-bad", "", zzCRS)
		results, _ := out["results"].([]any)
		if len(results) != 1 {
			t.Fatalf("G-bad: %v", out)
		}
		if g, _ := json.Marshal(results[0].(map[string]any)["zaakgeometrie"]); string(g) != `{"coordinates":[5,52],"type":"Kat"}` {
			t.Errorf("G-bad zaakgeometrie %s", g)
		}
	})

	t.Run("a rebuild keeps geometrie", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := rt.Rebuild(ctx, "zaken"); err != nil {
			t.Fatal(err)
		}
		var index string
		if err := h.Pool.QueryRow(ctx, `SELECT indexdef FROM pg_indexes WHERE schemaname = 'zrc' AND tablename = 'zaken'
			AND indexdef LIKE '%gist (geometrie)%'`).Scan(&index); err != nil {
			t.Errorf("no GiST index on the rebuilt zrc.zaken: %v", err)
		}
		check(t)
	})
}

// zzProjectRuntime is zkProject that also returns the runtime, for a
// rebuild.
func zzProjectRuntime(t *testing.T, history []zkStream) (Zaken, *projections.Runtime) {
	t.Helper()
	pool, _, rt := zkRun(t, history, zkZaken)
	return Zaken{Pool: pool}, rt
}
