package projections

import (
	"encoding/json"
	"fmt"

	"github.com/zaakregister/zaakregister/domain"
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

// upsert writes sub-resource id into table with sql and args,
// keeping its counts (migrations 0011 and 0012): the row, as the read model
// has it, is counted out before the write and in after it, so that
// applying an event twice leaves the same numbers; a new row first finds
// its block.
func (w zakenWriter) upsert(table, id, sql string, args ...any) {
	w.tx.Exec(uncountRij[table], id)
	w.openBlok(table, id)
	w.tx.Exec(sql, args...)
	w.tx.Exec(countRij[table], id)
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
	w.upsert("statussen", id, `INSERT INTO statussen (uuid, zaak, statustype, datum_status_gezet, indicatie_laatst_gezette_status,
			data, created_commit, created_prepare)
		VALUES ($1, $2, $3, $4, TRUE, $5, $6, $7)
		ON CONFLICT (uuid) DO UPDATE SET zaak = EXCLUDED.zaak, statustype = EXCLUDED.statustype,
			datum_status_gezet = EXCLUDED.datum_status_gezet, data = EXCLUDED.data`,
		id, zaak, g.Statustype, g.DatumStatusGezet, data, w.pos.Commit, w.pos.Prepare)
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
	w.upsert("resultaten", id, `INSERT INTO resultaten (uuid, zaak, resultaattype, data, created_commit, created_prepare)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (uuid) DO UPDATE SET zaak = EXCLUDED.zaak, resultaattype = EXCLUDED.resultaattype,
			data = EXCLUDED.data`,
		id, zaak, g.Resultaattype, data, w.pos.Commit, w.pos.Prepare)
	w.tx.Exec(`UPDATE zaken SET resultaat = $2 WHERE uuid = $1`, zaak, id)
	return nil
}

func (w zakenWriter) rol(zaak, id string, g zaken.RolGegevens) error {
	data, err := marshalOnderdeel("rol", id, g)
	if err != nil {
		return err
	}
	k := rolKenmerkenVan(g)
	w.upsert("rollen", id, `INSERT INTO rollen (uuid, zaak, betrokkene, betrokkene_type, roltype, omschrijving, omschrijving_generiek,
			np_inp_bsn, np_anp_identificatie, np_inp_a_nummer, nnp_inn_nnp_id, nnp_ann_identificatie,
			vestigings_nummer, organisatorische_eenheid_identificatie, medewerker_identificatie,
			data, created_commit, created_prepare)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
		ON CONFLICT (uuid) DO UPDATE SET zaak = EXCLUDED.zaak, betrokkene = EXCLUDED.betrokkene,
			betrokkene_type = EXCLUDED.betrokkene_type, roltype = EXCLUDED.roltype,
			omschrijving = EXCLUDED.omschrijving, omschrijving_generiek = EXCLUDED.omschrijving_generiek,
			np_inp_bsn = EXCLUDED.np_inp_bsn, np_anp_identificatie = EXCLUDED.np_anp_identificatie,
			np_inp_a_nummer = EXCLUDED.np_inp_a_nummer, nnp_inn_nnp_id = EXCLUDED.nnp_inn_nnp_id,
			nnp_ann_identificatie = EXCLUDED.nnp_ann_identificatie, vestigings_nummer = EXCLUDED.vestigings_nummer,
			organisatorische_eenheid_identificatie = EXCLUDED.organisatorische_eenheid_identificatie,
			medewerker_identificatie = EXCLUDED.medewerker_identificatie, data = EXCLUDED.data`,
		id, zaak, textArg(g.Betrokkene), g.BetrokkeneType, g.Roltype, g.Omschrijving, g.OmschrijvingGeneriek,
		k.inpBsn, k.anpIdentificatie, k.inpANummer, k.innNnpID, k.annIdentificatie,
		k.vestigingsNummer, k.organisatorischeEenheid, k.medewerker,
		data, w.pos.Commit, w.pos.Prepare)
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
	w.upsert("zaakobjecten", id, `INSERT INTO zaakobjecten (uuid, zaak, object, object_type, zaakobjecttype, data, created_commit, created_prepare)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (uuid) DO UPDATE SET zaak = EXCLUDED.zaak, object = EXCLUDED.object,
			object_type = EXCLUDED.object_type, zaakobjecttype = EXCLUDED.zaakobjecttype, data = EXCLUDED.data`,
		id, zaak, textArg(g.Object), g.ObjectType, textArg(g.Zaakobjecttype), data, w.pos.Commit, w.pos.Prepare)
	return nil
}

func (w zakenWriter) zaakeigenschap(zaak, id string, g zaken.ZaakEigenschapGegevens) error {
	data, err := marshalOnderdeel("zaakeigenschap", id, g)
	if err != nil {
		return err
	}
	w.upsert("zaakeigenschappen", id, `INSERT INTO zaakeigenschappen (uuid, zaak, eigenschap, data, created_commit, created_prepare)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (uuid) DO UPDATE SET zaak = EXCLUDED.zaak, eigenschap = EXCLUDED.eigenschap, data = EXCLUDED.data`,
		id, zaak, g.Eigenschap, data, w.pos.Commit, w.pos.Prepare)
	return nil
}

func (w zakenWriter) zaakinformatieobject(zaak, id string, g zaken.ZaakInformatieObjectGegevens) error {
	data, err := marshalOnderdeel("zaakinformatieobject", id, g)
	if err != nil {
		return err
	}
	w.upsert("zaakinformatieobjecten", id, `INSERT INTO zaakinformatieobjecten (uuid, zaak, informatieobject, data, created_commit, created_prepare)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (uuid) DO UPDATE SET zaak = EXCLUDED.zaak, informatieobject = EXCLUDED.informatieobject,
			data = EXCLUDED.data`,
		id, zaak, g.Informatieobject, data, w.pos.Commit, w.pos.Prepare)
	return nil
}

func (w zakenWriter) klantcontact(zaak, id string, g zaken.KlantContactGegevens) error {
	data, err := marshalOnderdeel("klantcontact", id, g)
	if err != nil {
		return err
	}
	w.upsert("klantcontacten", id, `INSERT INTO klantcontacten (uuid, zaak, data, created_commit, created_prepare)
		VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (uuid) DO UPDATE SET zaak = EXCLUDED.zaak, data = EXCLUDED.data`,
		id, zaak, data, w.pos.Commit, w.pos.Prepare)
	return nil
}

func (w zakenWriter) zaakbesluit(zaak, id string, g zaken.ZaakBesluitGegevens) error {
	data, err := marshalOnderdeel("zaakbesluit", id, g)
	if err != nil {
		return err
	}
	w.upsert("zaakbesluiten", id, `INSERT INTO zaakbesluiten (uuid, zaak, besluit, data, created_commit, created_prepare)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (uuid) DO UPDATE SET zaak = EXCLUDED.zaak, besluit = EXCLUDED.besluit, data = EXCLUDED.data`,
		id, zaak, g.Besluit, data, w.pos.Commit, w.pos.Prepare)
	return nil
}

func (w zakenWriter) zaakcontactmoment(zaak, id string, g zaken.ZaakContactMomentGegevens) error {
	data, err := marshalOnderdeel("zaakcontactmoment", id, g)
	if err != nil {
		return err
	}
	w.upsert("zaakcontactmomenten", id, `INSERT INTO zaakcontactmomenten (uuid, zaak, contactmoment, data, created_commit, created_prepare)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (uuid) DO UPDATE SET zaak = EXCLUDED.zaak, contactmoment = EXCLUDED.contactmoment,
			data = EXCLUDED.data`,
		id, zaak, g.Contactmoment, data, w.pos.Commit, w.pos.Prepare)
	return nil
}

func (w zakenWriter) zaakverzoek(zaak, id string, g zaken.ZaakVerzoekGegevens) error {
	data, err := marshalOnderdeel("zaakverzoek", id, g)
	if err != nil {
		return err
	}
	w.upsert("zaakverzoeken", id, `INSERT INTO zaakverzoeken (uuid, zaak, verzoek, data, created_commit, created_prepare)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (uuid) DO UPDATE SET zaak = EXCLUDED.zaak, verzoek = EXCLUDED.verzoek, data = EXCLUDED.data`,
		id, zaak, g.Verzoek, data, w.pos.Commit, w.pos.Prepare)
	return nil
}
