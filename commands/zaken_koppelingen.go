package commands

import (
	"context"

	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/zgw"
)

// A write that links a zaak to another zaak of this registry shows on that
// other zaak too: a hoofdzaak lists its deelzaken, and expand follows
// hoofdzaak and relevanteAndereZaken. So a new link needs the right to
// read the zaak it points at (zrc-006, as mayRead), and a zaak the principal
// may not read is answered exactly as one that does not exist: the answer
// tells nothing about it. Links a zaak has already need no such right, so
// that a client can still PATCH or PUT back a zaak that someone with more
// rights linked.

// koppelingen are the zaken a zaak links to already, as uuids, per field;
// the zaak itself counts in both. The zero value, for a new zaak, has none.
type koppelingen struct {
	hoofdzaak map[string]bool
	relevant  map[string]bool
}

// koppelingenVan returns the links zaak z has now.
func koppelingenVan(ctx context.Context, z *zaken.Zaak) koppelingen {
	k := koppelingen{hoofdzaak: map[string]bool{z.UUID(): true}, relevant: map[string]bool{z.UUID(): true}}
	g := z.Gegevens()
	if id, ok := zgw.ParseResourceURLIn(ctx, ZakenRoot, collZaken, g.Hoofdzaak); ok {
		k.hoofdzaak[id] = true
	}
	for _, r := range g.RelevanteAndereZaken {
		if id, ok := zgw.ParseResourceURLIn(ctx, ZakenRoot, collZaken, r.URL); ok {
			k.relevant[id] = true
		}
	}
	return k
}

// gekoppeldeZaak loads zaak id, which a write links to. It returns nil
// when the zaak does not exist and, unless the link is one the zaak has
// already (bekend), when the principal may not read it.
func (h *Zaken) gekoppeldeZaak(ctx context.Context, id string, bekend bool) (*zaken.Zaak, error) {
	z, _, err := h.loadZaak(ctx, id)
	if err != nil || !z.Exists() {
		return nil, err
	}
	if !bekend && !mayRead(ctx, z.Gegevens()) {
		return nil, nil
	}
	return z, nil
}

// gezetdoorFeit resolves the gezetdoor URL raw of a new status of zaak z
// into the rol it names and returns the canonical URL to store. A URL that
// is no rol of this registry's Zaken API, a rol that does not exist and a
// rol of a zaak the principal may not read all give no fact, which the
// domain answers alike (bad-url); a rol of another zaak it may read is
// zaak-mismatch there.
func (h *Zaken) gezetdoorFeit(ctx context.Context, z *zaken.Zaak, raw string) (string, *zaken.RolFeit, error) {
	id, ok := zgw.ParseResourceURLIn(ctx, ZakenRoot, collRollen, raw)
	if raw == "" || !ok {
		return raw, nil, nil
	}
	url := zgw.ResourceRef(ZakenRoot, collRollen, id)
	if _, eigen := z.RolVan(id); eigen {
		return url, &zaken.RolFeit{Zaak: z.UUID(), UUID: id}, nil
	}
	zaak, err := h.Index.ZaakOf(ctx, collRollen, id)
	if err != nil || zaak == "" || zaak == z.UUID() {
		return url, nil, err
	}
	ander, err := h.gekoppeldeZaak(ctx, zaak, false)
	if err != nil || ander == nil {
		return url, nil, err
	}
	if _, ok := ander.RolVan(id); !ok {
		return url, nil, nil
	}
	return url, &zaken.RolFeit{Zaak: zaak, UUID: id}, nil
}
