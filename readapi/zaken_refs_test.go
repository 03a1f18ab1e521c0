package readapi

import (
	"testing"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/zaken"
)

// TestZaken_RendersLocalRefs: references to resources of this registry
// kept as absolute-path references (docs/decisions.md) render under the
// base URL of the request, whatever it is; references to other
// registries render as they are.
func TestZaken_RendersLocalRefs(t *testing.T) {
	const (
		zaaktype = "/catalogi/api/v1/zaaktypen/20000000-0000-4000-8000-0000000000aa"
		kanaal   = "/referentielijsten/api/v1/communicatiekanalen/30000000-0000-4000-8000-000000000001"
		elders   = "https://elders.example/zaken/api/v1/zaken/a1000000-0000-4000-8000-0000000000ff"
	)
	r := &zkRecorder{t: t}
	z, s := zaken.NewZaak(zk1, domain.FixedClock{T: zkNow}), r.on(zk1)
	g := zkGegevens("Z-1", zkRSIN, zaaktype, "openbaar", "2025-01-01")
	g.Communicatiekanaal = kanaal
	g.RelevanteAndereZaken = []zaken.RelevanteZaak{{URL: "/zaken/api/v1/zaken/" + zk2, AardRelatie: "vervolg"}, {URL: elders, AardRelatie: "bijdrage"}}
	f := zkFeiten(zaaktype, nil)
	s(z.Create(g, f))
	h := zkProject(t, r.out)

	all := &autorisaties.Rights{HeeftAlleAutorisaties: true}
	for _, base := range []string{zkBase, "https://zaken.example.org"} {
		_, body := zkGetAt(t, h, all, base, "/zaken/"+zk1)
		if body["zaaktype"] != base+zaaktype || body["communicatiekanaal"] != base+kanaal {
			t.Errorf("under %s: zaaktype %v, communicatiekanaal %v", base, body["zaaktype"], body["communicatiekanaal"])
		}
		rel, _ := body["relevanteAndereZaken"].([]any)
		if len(rel) != 2 || rel[0].(map[string]any)["url"] != base+"/zaken/api/v1/zaken/"+zk2 || rel[1].(map[string]any)["url"] != elders {
			t.Errorf("under %s: relevanteAndereZaken %v", base, rel)
		}
	}
}
