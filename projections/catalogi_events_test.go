package projections

import (
	"context"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
)

// allCatalogiTypes are the event types of domain/catalogi; the test below
// fails when the histories no longer cover one of them.
var allCatalogiTypes = []string{
	catalogi.TypeCatalogusAangemaakt,
	catalogi.TypeZaaktypeAangemaakt, catalogi.TypeZaaktypeGewijzigd, catalogi.TypeZaaktypeGepubliceerd,
	catalogi.TypeZaaktypeBeeindigd, catalogi.TypeZaaktypeVerwijderd,
	catalogi.TypeStatustypeAangemaakt, catalogi.TypeStatustypeGewijzigd, catalogi.TypeStatustypeVerwijderd,
	catalogi.TypeRoltypeAangemaakt, catalogi.TypeRoltypeGewijzigd, catalogi.TypeRoltypeVerwijderd,
	catalogi.TypeResultaattypeAangemaakt, catalogi.TypeResultaattypeGewijzigd, catalogi.TypeResultaattypeVerwijderd,
	catalogi.TypeEigenschapAangemaakt, catalogi.TypeEigenschapGewijzigd, catalogi.TypeEigenschapVerwijderd,
	catalogi.TypeZaakobjecttypeAangemaakt, catalogi.TypeZaakobjecttypeGewijzigd, catalogi.TypeZaakobjecttypeVerwijderd,
	catalogi.TypeZaaktypeInformatieobjecttypeAangemaakt, catalogi.TypeZaaktypeInformatieobjecttypeGewijzigd,
	catalogi.TypeZaaktypeInformatieobjecttypeVerwijderd,
	catalogi.TypeInformatieobjecttypeAangemaakt, catalogi.TypeInformatieobjecttypeGewijzigd,
	catalogi.TypeInformatieobjecttypeGepubliceerd, catalogi.TypeInformatieobjecttypeBeeindigd,
	catalogi.TypeInformatieobjecttypeVerwijderd,
	catalogi.TypeBesluittypeAangemaakt, catalogi.TypeBesluittypeGewijzigd, catalogi.TypeBesluittypeGepubliceerd,
	catalogi.TypeBesluittypeBeeindigd, catalogi.TypeBesluittypeVerwijderd,
	catalogi.TypeVersieGepubliceerd, catalogi.TypeVersieGewijzigd, catalogi.TypeVersieVerwijderd,
}

// laterHistory continues catalogiHistory with every change it leaves out:
// corrections of each sub-type of the published zaaktype, deletes, an end
// of validity, and the deletion of the informatieobjecttype and
// besluittype.
func laterHistory(t *testing.T, earlier []streamEvents) []streamEvents {
	t.Helper()
	var out []streamEvents
	step := func(stream string) func([]domain.Event, error) {
		return func(events []domain.Event, err error) {
			t.Helper()
			if err != nil {
				t.Fatalf("%s: %v", stream, err)
			}
			out = append(out, streamEvents{stream, events})
		}
	}
	replay := func(stream string, apply func(domain.Event)) {
		for _, se := range earlier {
			if se.stream == stream {
				for _, e := range se.events {
					apply(e)
				}
			}
		}
	}
	zs := catalogi.ZaaktypeStream(ctZT)
	z := catalogi.NewZaaktype(ctZT)
	replay(zs, z.Apply)
	step(zs)(z.UpdateRoltype(ctRol, catalogi.RoltypeGegevens{Omschrijving: "Indiener", OmschrijvingGeneriek: catalogi.Initiator}, catalogi.ActieUpdate, true))
	res, _ := z.Resultaattype(ctResultaat)
	res.Toelichting = "gecorrigeerd"
	step(zs)(z.UpdateResultaattype(ctResultaat, res, catalogi.ResultaattypeFeiten{
		Selectielijstklasse:  catalogi.SelectielijstResultaat{URL: ctResultURL, ProcestypeURL: ctProces, Waardering: "vernietigen", Bewaartermijn: "P10Y"},
		OmschrijvingGeneriek: "Verleend", Besluittypen: catalogi.Verwijzingen{res.Besluittypen[0]: {Catalogus: ctCatalogus}},
	}, catalogi.ActieUpdate, true))
	eig, _ := z.Eigenschap(ctEig)
	eig.Statustype = ctStatus2
	step(zs)(z.UpdateEigenschap(ctEig, eig, catalogi.ActieUpdate, true))
	zot, _ := z.Zaakobjecttype(ctZOT)
	zot.AnderObjecttype = true
	step(zs)(z.UpdateZaakobjecttype(ctZOT, zot, catalogi.ActiePartialUpdate, true))
	ziot, _ := z.ZaaktypeInformatieobjecttype(ctZIOT)
	ziot.Statustype = ctStatus2
	aanvraag := catalogi.Verwijzingen{"Aanvraag": {Catalogus: ctCatalogus}}
	step(zs)(z.UpdateZaaktypeInformatieobjecttype(ctZIOT, ziot, aanvraag, catalogi.ActieUpdate, true))
	// Deleting statustype 2 also changes the eigenschap and the
	// zaaktype-informatieobjecttype that named it.
	step(zs)(z.DeleteStatustype(ctStatus2, true))
	step(zs)(z.DeleteResultaattype(ctResultaat, true))
	step(zs)(z.DeleteEigenschap(ctEig, true))
	step(zs)(z.DeleteZaakobjecttype(ctZOT, true))
	step(zs)(z.DeleteZaaktypeInformatieobjecttype(ctZIOT, aanvraag, true))
	g := z.Gegevens()
	g.EindeGeldigheid = catalogi.MustDate("2030-12-31")
	step(zs)(z.Update(g, catalogi.ZaaktypeFeiten{Besluittypen: catalogi.Verwijzingen{"Besluit A": {Catalogus: ctCatalogus}}},
		catalogi.ActiePartialUpdate, false))
	step(zs)(z.Beeindig(catalogi.MustDate("2031-12-31")))

	is := catalogi.InformatieobjecttypeStream(ctIOT)
	iot := catalogi.NewInformatieobjecttype(ctIOT)
	replay(is, iot.Apply)
	ig := iot.Gegevens()
	ig.EindeGeldigheid = catalogi.MustDate("2030-12-31")
	step(is)(iot.Update(ig, catalogi.ActiePartialUpdate, false))
	step(is)(iot.Beeindig(catalogi.MustDate("2029-06-30")))
	versies := catalogi.NewVersies(catalogi.SoortInformatieobjecttype, ctCatalogus, "Aanvraag")
	replay(versies.Stream(), versies.Apply)
	step(versies.Stream())(versies.Wijzig(ctIOT, iot.Periode()))
	step(versies.Stream())(versies.Verwijder(ctIOT), nil)
	step(is)(iot.Delete(true))

	bs := catalogi.BesluittypeStream(ctBT)
	bt := catalogi.NewBesluittype(ctBT)
	replay(bs, bt.Apply)
	bg := bt.Gegevens()
	bg.Toelichting = "gecorrigeerd"
	step(bs)(bt.Update(bg, catalogi.Verwijzingen{"Aanvraag": {Catalogus: ctCatalogus}}, catalogi.ActieUpdate, true))
	step(bs)(bt.Beeindig(catalogi.MustDate("2029-12-31")))
	step(bs)(bt.Delete(true))
	return out
}

func TestCatalogi_EveryEventType(t *testing.T) {
	rt, pool, store := startCatalogi(t)
	all := fullHistory(t)
	seen := map[string]bool{}
	for _, se := range all {
		for _, e := range se.events {
			seen[e.EventType()] = true
		}
	}
	for _, typ := range allCatalogiTypes {
		if !seen[typ] {
			t.Errorf("no %s in the test histories", typ)
		}
	}
	waitFor(t, rt, appendHistory(t, store, all))
	ctx := context.Background()

	counts := map[string]int{"zaaktypen": 1, "informatieobjecttypen": 0, "besluittypen": 0, "statustypen": 1,
		"roltypen": 1, "resultaattypen": 0, "eigenschappen": 0, "zaakobjecttypen": 0, "zaaktypeinformatieobjecttypen": 0}
	for table, want := range counts {
		var n int
		if err := pool.QueryRow(ctx, `SELECT count(*) FROM ztc.`+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("%s: %d rows, want %d", table, n, want)
		}
	}
	var einde, rol string
	if err := pool.QueryRow(ctx, `SELECT einde_geldigheid::text, (SELECT data->>'omschrijving' FROM ztc.roltypen)
		FROM ztc.zaaktypen`).Scan(&einde, &rol); err != nil {
		t.Fatal(err)
	}
	if einde != "2031-12-31" || rol != "Indiener" {
		t.Errorf("zaaktype ends %s, roltype %q", einde, rol)
	}
}
