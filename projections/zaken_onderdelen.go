package projections

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/zaken"
)

// onderdeel applies the events of the sub-resources of a zaak.
func (w zakenWriter) onderdeel(e domain.Event) error {
	switch e := e.(type) {
	case zaken.StatusAangemaakt:
		return w.status(e.Zaak, e.UUID, e.Gegevens)
	case zaken.ResultaatAangemaakt:
		return w.resultaat(e.Zaak, e.UUID, e.Gegevens)
	case zaken.ResultaatGewijzigd:
		return w.resultaat(e.Zaak, e.UUID, e.Gegevens)
	case zaken.ResultaatVerwijderd:
		w.forget("resultaten", e.UUID)
		w.tx.Exec(`UPDATE zaken SET resultaat = NULL WHERE uuid = $1 AND resultaat = $2`, e.Zaak, e.UUID)
	case zaken.RolAangemaakt:
		return w.rol(e.Zaak, e.UUID, e.Gegevens)
	case zaken.RolGewijzigd:
		return w.rol(e.Zaak, e.UUID, e.Gegevens)
	case zaken.RolVerwijderd:
		w.forget("rollen", e.UUID)
	case zaken.ZaakObjectAangemaakt:
		return w.zaakobject(e.Zaak, e.UUID, e.Gegevens)
	case zaken.ZaakObjectGewijzigd:
		return w.zaakobject(e.Zaak, e.UUID, e.Gegevens)
	case zaken.ZaakObjectVerwijderd:
		w.forget("zaakobjecten", e.UUID)
	case zaken.ZaakEigenschapAangemaakt:
		return w.zaakeigenschap(e.Zaak, e.UUID, e.Gegevens)
	case zaken.ZaakEigenschapGewijzigd:
		return w.zaakeigenschap(e.Zaak, e.UUID, e.Gegevens)
	case zaken.ZaakEigenschapVerwijderd:
		w.forget("zaakeigenschappen", e.UUID)
	case zaken.ZaakInformatieObjectAangemaakt:
		return w.zaakinformatieobject(e.Zaak, e.UUID, e.Gegevens)
	case zaken.ZaakInformatieObjectGewijzigd:
		return w.zaakinformatieobject(e.Zaak, e.UUID, e.Gegevens)
	case zaken.ZaakInformatieObjectVerwijderd:
		w.forget("zaakinformatieobjecten", e.UUID)
	case zaken.KlantContactAangemaakt:
		return w.klantcontact(e.Zaak, e.UUID, e.Gegevens)
	case zaken.ZaakBesluitAangemaakt:
		return w.zaakbesluit(e.Zaak, e.UUID, e.Gegevens)
	case zaken.ZaakBesluitVerwijderd:
		w.forget("zaakbesluiten", e.UUID)
	case zaken.ZaakContactMomentAangemaakt:
		return w.zaakcontactmoment(e.Zaak, e.UUID, e.Gegevens)
	case zaken.ZaakContactMomentVerwijderd:
		w.forget("zaakcontactmomenten", e.UUID)
	case zaken.ZaakVerzoekAangemaakt:
		return w.zaakverzoek(e.Zaak, e.UUID, e.Gegevens)
	case zaken.ZaakVerzoekVerwijderd:
		w.forget("zaakverzoeken", e.UUID)
	default:
		// Decode knows the type but this switch does not: a new event
		// must not be skipped silently, so the event is poisoned.
		return fmt.Errorf("zaken projection: no handling for %s", e.EventType())
	}
	return nil
}

// onderdeelTabel is the table of a sub-resource and the statement that
// writes one of its rows: $1 its uuid, $2 its zaak, then a parameter per
// column of the table, then its position. The row takes the zaaktype (as
// its number) and the rank of its zaak from the read model (migration
// 0014). A row that is there already gets the new values and keeps its
// place in the creation order. The statement also counts a new row
// (schrijfRij).
type onderdeelTabel struct{ naam, upsert string }

func nieuwOnderdeel(naam string, kolommen ...string) onderdeelTabel {
	params := make([]string, len(kolommen))
	set := []string{"zaak = EXCLUDED.zaak"}
	for i, k := range kolommen {
		params[i] = "$" + strconv.Itoa(i+3)
		set = append(set, k+" = EXCLUDED."+k)
	}
	n := len(kolommen) + 2
	return onderdeelTabel{naam: naam, upsert: schrijfRij(naam, `INSERT INTO `+naam+` (uuid, zaak, `+strings.Join(kolommen, ", ")+`,
			created_commit, created_prepare, zaaktype_nummer, vertrouwelijkheid_rank)
		VALUES ($1, $2, `+strings.Join(params, ", ")+`, $`+strconv.Itoa(n+1)+`, $`+strconv.Itoa(n+2)+`,
			(SELECT n.nummer FROM zaken z JOIN zaaktype_nummers n ON n.zaaktype = z.zaaktype WHERE z.uuid = $2),
			(SELECT z.vertrouwelijkheid_rank FROM zaken z WHERE z.uuid = $2))
		ON CONFLICT (uuid) DO UPDATE SET `+strings.Join(set, ", ")+`,
			zaaktype_nummer = EXCLUDED.zaaktype_nummer, vertrouwelijkheid_rank = EXCLUDED.vertrouwelijkheid_rank
		RETURNING uuid, zaak, created_commit, created_prepare`)}
}

var (
	onderdeelStatussen  = nieuwOnderdeel("statussen", "statustype", "datum_status_gezet", "indicatie_laatst_gezette_status", "data")
	onderdeelResultaten = nieuwOnderdeel("resultaten", "resultaattype", "data")
	onderdeelRollen     = nieuwOnderdeel("rollen", "betrokkene", "betrokkene_type", "roltype", "omschrijving",
		"omschrijving_generiek", "np_inp_bsn", "np_anp_identificatie", "np_inp_a_nummer", "nnp_inn_nnp_id",
		"nnp_ann_identificatie", "vestigings_nummer", "organisatorische_eenheid_identificatie",
		"medewerker_identificatie", "data")
	onderdeelZaakobjecten           = nieuwOnderdeel("zaakobjecten", "object", "object_type", "zaakobjecttype", "data")
	onderdeelZaakeigenschappen      = nieuwOnderdeel("zaakeigenschappen", "eigenschap", "data")
	onderdeelZaakinformatieobjecten = nieuwOnderdeel("zaakinformatieobjecten", "informatieobject", "data")
	onderdeelKlantcontacten         = nieuwOnderdeel("klantcontacten", "data")
	onderdeelZaakbesluiten          = nieuwOnderdeel("zaakbesluiten", "besluit", "data")
	onderdeelZaakcontactmomenten    = nieuwOnderdeel("zaakcontactmomenten", "contactmoment", "data")
	onderdeelZaakverzoeken          = nieuwOnderdeel("zaakverzoeken", "verzoek", "data")
)

// zaaktypeNummer gives zaaktype $1 its number in zaaktype_nummers when it
// has none yet, before a zaak of that zaaktype is written (and with it,
// later, its sub-resources).
const zaaktypeNummer = `INSERT INTO zaaktype_nummers (zaaktype) SELECT $1::text
	WHERE NOT EXISTS (SELECT FROM zaaktype_nummers WHERE zaaktype = $1::text) ON CONFLICT DO NOTHING`

// onderdelenNaar gives the sub-resources of zaak $1 zaaktype $2 and rank
// $3 when the read model has the zaak under another zaaktype or rank; it
// runs before the zaak's row is written, for a change of a zaak (a new one
// has no sub-resources, and closing or reopening keeps both).
var onderdelenNaar = func() string {
	parts := make([]string, len(zakenTables))
	for i, t := range zakenTables {
		parts[i] = `naar_` + t + ` AS (UPDATE ` + t + ` o SET zaaktype_nummer = nummer.nummer, vertrouwelijkheid_rank = $3
		FROM nummer WHERE o.zaak = $1 AND EXISTS (SELECT FROM oud))`
	}
	return `WITH oud AS (SELECT FROM zaken
		WHERE uuid = $1 AND (zaaktype, vertrouwelijkheid_rank) IS DISTINCT FROM ($2::text, $3::integer)),
	nummer AS (SELECT nummer FROM zaaktype_nummers WHERE zaaktype = $2),
	` + strings.Join(parts, ",\n\t") + `
	SELECT`
}()

// zaakType keeps the zaaktype and rank on the sub-resources of zaak id
// right (migration 0014), and their counts, before the zaak is written
// with g: the zaaktype gets its number, and a change of the zaak moves its
// sub-resources and their counts. Only a change can move them: a new zaak
// has no sub-resources, and closing or reopening keeps both. The two
// statements of a move are large (ten tables each); PostgreSQL sets up
// their whole plan on every run, even when the zaak did not move, which
// made them a quarter of a catch-up when they ran for every zaak event.
func (w zakenWriter) zaakType(id string, g zaken.ZaakGegevens, gewijzigd bool) {
	w.tx.Exec(zaaktypeNummer, g.Zaaktype)
	if gewijzigd {
		rank := autorisaties.Rank(string(g.Vertrouwelijkheidaanduiding))
		w.tx.Exec(onderdelenNaar, id, g.Zaaktype, rank)
		w.tx.Exec(moveOnderdelen, id, g.Zaaktype, rank)
	}
}

// upsert writes sub-resource id of zaak into table t with values, one per
// column, keeping its counts (migrations 0011 and 0012): a new row first
// finds its block, and is counted when written; applying an event twice
// leaves the same numbers (voorRij, schrijfRij).
func (w zakenWriter) upsert(t onderdeelTabel, id, zaak string, values ...any) {
	w.voor(t.naam, id)
	w.tx.Exec(t.upsert, append(append([]any{id, zaak}, values...), w.pos.Commit, w.pos.Prepare)...)
}

// forget deletes sub-resource id from table, and from its counts.
func (w zakenWriter) forget(table, id string) {
	w.tx.Exec(uncountRij[table], id)
	w.tx.Exec(`DELETE FROM `+table+` WHERE uuid = $1`, id)
}

// marshalOnderdeel is the data column of a sub-resource.
func marshalOnderdeel(soort, id string, g any) ([]byte, error) {
	data, err := json.Marshal(g)
	if err != nil {
		return nil, fmt.Errorf("zaken projection: %s %s: %w", soort, id, err)
	}
	return data, nil
}

// status writes a new status and makes it the zaak's current one, as the
// aggregate does: the last status set is the current one, and only it has
// indicatieLaatstGezetteStatus.
func (w zakenWriter) status(zaak, id string, g zaken.StatusGegevens) error {
	data, err := marshalOnderdeel("status", id, g)
	if err != nil {
		return err
	}
	w.upsert(onderdeelStatussen, id, zaak, g.Statustype, g.DatumStatusGezet, true, data)
	w.tx.Exec(`UPDATE statussen SET indicatie_laatst_gezette_status = (uuid = $2),
			data = jsonb_set(data, '{indicatieLaatstGezetteStatus}', to_jsonb(uuid = $2))
		WHERE zaak = $1`, zaak, id)
	w.tx.Exec(`UPDATE zaken SET status = $2 WHERE uuid = $1`, zaak, id)
	return nil
}

// resultaat writes the resultaat and names it on the zaak.
func (w zakenWriter) resultaat(zaak, id string, g zaken.ResultaatGegevens) error {
	data, err := marshalOnderdeel("resultaat", id, g)
	if err != nil {
		return err
	}
	w.upsert(onderdeelResultaten, id, zaak, g.Resultaattype, data)
	w.tx.Exec(`UPDATE zaken SET resultaat = $2 WHERE uuid = $1`, zaak, id)
	return nil
}

func (w zakenWriter) rol(zaak, id string, g zaken.RolGegevens) error {
	data, err := marshalOnderdeel("rol", id, g)
	if err != nil {
		return err
	}
	k := rolKenmerkenVan(g)
	w.upsert(onderdeelRollen, id, zaak, textArg(g.Betrokkene), g.BetrokkeneType, g.Roltype, g.Omschrijving,
		g.OmschrijvingGeneriek, k.inpBsn, k.anpIdentificatie, k.inpANummer, k.innNnpID, k.annIdentificatie,
		k.vestigingsNummer, k.organisatorischeEenheid, k.medewerker, data)
	return nil
}

// rolKenmerken are the identification values of a betrokkene that the
// rol filters search, each NULL (nil) when absent.
type rolKenmerken struct {
	inpBsn, anpIdentificatie, inpANummer any
	innNnpID, annIdentificatie           any
	vestigingsNummer                     any
	organisatorischeEenheid, medewerker  any
}

// rolKenmerkenVan reads the identification of the rol's betrokkeneType
// from betrokkeneIdentificatie. The field is the client's JSON as the
// domain accepted it: whatever is not an object of strings yields no
// values rather than an error, since poisoning the projection would not
// make the data better.
func rolKenmerkenVan(g zaken.RolGegevens) rolKenmerken {
	var ident map[string]any
	_ = json.Unmarshal(g.BetrokkeneIdentificatie, &ident)
	get := func(key string) any {
		s, _ := ident[key].(string)
		return textArg(s)
	}
	var k rolKenmerken
	switch g.BetrokkeneType {
	case "natuurlijk_persoon":
		k.inpBsn, k.anpIdentificatie, k.inpANummer = get("inpBsn"), get("anpIdentificatie"), get("inpA_nummer")
	case "niet_natuurlijk_persoon":
		k.innNnpID, k.annIdentificatie = get("innNnpId"), get("annIdentificatie")
	case "vestiging":
		k.vestigingsNummer = get("vestigingsNummer")
	case "organisatorische_eenheid":
		k.organisatorischeEenheid = get("identificatie")
	case "medewerker":
		k.medewerker = get("identificatie")
	}
	return k
}

func (w zakenWriter) zaakobject(zaak, id string, g zaken.ZaakObjectGegevens) error {
	data, err := marshalOnderdeel("zaakobject", id, g)
	if err != nil {
		return err
	}
	w.upsert(onderdeelZaakobjecten, id, zaak, textArg(g.Object), g.ObjectType, textArg(g.Zaakobjecttype), data)
	return nil
}

func (w zakenWriter) zaakeigenschap(zaak, id string, g zaken.ZaakEigenschapGegevens) error {
	data, err := marshalOnderdeel("zaakeigenschap", id, g)
	if err != nil {
		return err
	}
	w.upsert(onderdeelZaakeigenschappen, id, zaak, g.Eigenschap, data)
	return nil
}

func (w zakenWriter) zaakinformatieobject(zaak, id string, g zaken.ZaakInformatieObjectGegevens) error {
	data, err := marshalOnderdeel("zaakinformatieobject", id, g)
	if err != nil {
		return err
	}
	w.upsert(onderdeelZaakinformatieobjecten, id, zaak, g.Informatieobject, data)
	return nil
}

func (w zakenWriter) klantcontact(zaak, id string, g zaken.KlantContactGegevens) error {
	data, err := marshalOnderdeel("klantcontact", id, g)
	if err != nil {
		return err
	}
	w.upsert(onderdeelKlantcontacten, id, zaak, data)
	return nil
}

func (w zakenWriter) zaakbesluit(zaak, id string, g zaken.ZaakBesluitGegevens) error {
	data, err := marshalOnderdeel("zaakbesluit", id, g)
	if err != nil {
		return err
	}
	w.upsert(onderdeelZaakbesluiten, id, zaak, g.Besluit, data)
	return nil
}

func (w zakenWriter) zaakcontactmoment(zaak, id string, g zaken.ZaakContactMomentGegevens) error {
	data, err := marshalOnderdeel("zaakcontactmoment", id, g)
	if err != nil {
		return err
	}
	w.upsert(onderdeelZaakcontactmomenten, id, zaak, g.Contactmoment, data)
	return nil
}

func (w zakenWriter) zaakverzoek(zaak, id string, g zaken.ZaakVerzoekGegevens) error {
	data, err := marshalOnderdeel("zaakverzoek", id, g)
	if err != nil {
		return err
	}
	w.upsert(onderdeelZaakverzoeken, id, zaak, g.Verzoek, data)
	return nil
}
