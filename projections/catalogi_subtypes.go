package projections

import (
	"encoding/json"
	"fmt"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
)

// subtype applies the events of the sub-types of a zaaktype; the Versie
// events, which need nothing, end here too.
func (w catalogiWriter) subtype(e domain.Event) error {
	switch e := e.(type) {
	case catalogi.StatustypeAangemaakt:
		return w.statustype(e.Subtype, e.StatustypeGegevens)
	case catalogi.StatustypeGewijzigd:
		return w.statustype(e.Subtype, e.StatustypeGegevens)
	case catalogi.StatustypeVerwijderd:
		w.tx.Exec(`DELETE FROM statustypen WHERE uuid = $1`, e.UUID)
	case catalogi.RoltypeAangemaakt:
		return w.roltype(e.Subtype, e.RoltypeGegevens)
	case catalogi.RoltypeGewijzigd:
		return w.roltype(e.Subtype, e.RoltypeGegevens)
	case catalogi.RoltypeVerwijderd:
		w.tx.Exec(`DELETE FROM roltypen WHERE uuid = $1`, e.UUID)
	case catalogi.ResultaattypeAangemaakt:
		return w.resultaattype(e.Subtype, e.ResultaattypeGegevens)
	case catalogi.ResultaattypeGewijzigd:
		return w.resultaattype(e.Subtype, e.ResultaattypeGegevens)
	case catalogi.ResultaattypeVerwijderd:
		w.tx.Exec(`DELETE FROM resultaattypen WHERE uuid = $1`, e.UUID)
	case catalogi.EigenschapAangemaakt:
		return w.eigenschap(e.Subtype, e.EigenschapGegevens)
	case catalogi.EigenschapGewijzigd:
		return w.eigenschap(e.Subtype, e.EigenschapGegevens)
	case catalogi.EigenschapVerwijderd:
		w.tx.Exec(`DELETE FROM eigenschappen WHERE uuid = $1`, e.UUID)
	case catalogi.ZaakobjecttypeAangemaakt:
		return w.zaakobjecttype(e.Subtype, e.ZaakobjecttypeGegevens)
	case catalogi.ZaakobjecttypeGewijzigd:
		return w.zaakobjecttype(e.Subtype, e.ZaakobjecttypeGegevens)
	case catalogi.ZaakobjecttypeVerwijderd:
		w.tx.Exec(`DELETE FROM zaakobjecttypen WHERE uuid = $1`, e.UUID)
	case catalogi.ZaaktypeInformatieobjecttypeAangemaakt:
		return w.ziot(e.Subtype, e.ZaaktypeInformatieobjecttypeGegevens)
	case catalogi.ZaaktypeInformatieobjecttypeGewijzigd:
		return w.ziot(e.Subtype, e.ZaaktypeInformatieobjecttypeGegevens)
	case catalogi.ZaaktypeInformatieobjecttypeVerwijderd:
		w.tx.Exec(`DELETE FROM zaaktypeinformatieobjecttypen WHERE uuid = $1`, e.UUID)
	case catalogi.VersieGepubliceerd, catalogi.VersieGewijzigd, catalogi.VersieVerwijderd:
	default:
		// Decode knows the type but this switch does not: a new event
		// must not be skipped silently, so the event is poisoned.
		return fmt.Errorf("catalogi projection: no handling for %s", e.EventType())
	}
	return nil
}

func (w catalogiWriter) statustype(s catalogi.Subtype, g catalogi.StatustypeGegevens) error {
	data, err := json.Marshal(g)
	if err != nil {
		return err
	}
	w.tx.Exec(`INSERT INTO statustypen (uuid, zaaktype, catalogus, volgnummer, begin_geldigheid, einde_geldigheid,
			data, created_commit, created_prepare)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		ON CONFLICT (uuid) DO UPDATE SET zaaktype = EXCLUDED.zaaktype, catalogus = EXCLUDED.catalogus,
			volgnummer = EXCLUDED.volgnummer, begin_geldigheid = EXCLUDED.begin_geldigheid,
			einde_geldigheid = EXCLUDED.einde_geldigheid, data = EXCLUDED.data`,
		s.UUID, s.Zaaktype, s.Catalogus, g.Volgnummer, dateArg(g.BeginGeldigheid), dateArg(g.EindeGeldigheid),
		data, w.pos.Commit, w.pos.Prepare)
	return nil
}

func (w catalogiWriter) roltype(s catalogi.Subtype, g catalogi.RoltypeGegevens) error {
	data, err := json.Marshal(g)
	if err != nil {
		return err
	}
	w.tx.Exec(`INSERT INTO roltypen (uuid, zaaktype, catalogus, omschrijving_generiek, begin_geldigheid, einde_geldigheid,
			data, created_commit, created_prepare)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		ON CONFLICT (uuid) DO UPDATE SET zaaktype = EXCLUDED.zaaktype, catalogus = EXCLUDED.catalogus,
			omschrijving_generiek = EXCLUDED.omschrijving_generiek, begin_geldigheid = EXCLUDED.begin_geldigheid,
			einde_geldigheid = EXCLUDED.einde_geldigheid, data = EXCLUDED.data`,
		s.UUID, s.Zaaktype, s.Catalogus, string(g.OmschrijvingGeneriek), dateArg(g.BeginGeldigheid), dateArg(g.EindeGeldigheid),
		data, w.pos.Commit, w.pos.Prepare)
	return nil
}

func (w catalogiWriter) resultaattype(s catalogi.Subtype, g catalogi.ResultaattypeGegevens) error {
	data, err := json.Marshal(g)
	if err != nil {
		return err
	}
	besluittypen, besluittypenUUIDs := splitRefs(g.Besluittypen, "besluittypen")
	iots, iotUUIDs := splitRefs(g.Informatieobjecttypen, "informatieobjecttypen")
	w.tx.Exec(`INSERT INTO resultaattypen (uuid, zaaktype, catalogus, begin_geldigheid, einde_geldigheid,
			besluittypen_omschrijvingen, besluittypen_uuids, informatieobjecttypen_omschrijvingen, informatieobjecttypen_uuids,
			data, created_commit, created_prepare)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
		ON CONFLICT (uuid) DO UPDATE SET zaaktype = EXCLUDED.zaaktype, catalogus = EXCLUDED.catalogus,
			begin_geldigheid = EXCLUDED.begin_geldigheid, einde_geldigheid = EXCLUDED.einde_geldigheid,
			besluittypen_omschrijvingen = EXCLUDED.besluittypen_omschrijvingen, besluittypen_uuids = EXCLUDED.besluittypen_uuids,
			informatieobjecttypen_omschrijvingen = EXCLUDED.informatieobjecttypen_omschrijvingen,
			informatieobjecttypen_uuids = EXCLUDED.informatieobjecttypen_uuids, data = EXCLUDED.data`,
		s.UUID, s.Zaaktype, s.Catalogus, dateArg(g.BeginGeldigheid), dateArg(g.EindeGeldigheid),
		besluittypen, besluittypenUUIDs, iots, iotUUIDs, data, w.pos.Commit, w.pos.Prepare)
	return nil
}

func (w catalogiWriter) eigenschap(s catalogi.Subtype, g catalogi.EigenschapGegevens) error {
	data, err := json.Marshal(g)
	if err != nil {
		return err
	}
	w.tx.Exec(`INSERT INTO eigenschappen (uuid, zaaktype, catalogus, begin_geldigheid, einde_geldigheid,
			data, created_commit, created_prepare)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (uuid) DO UPDATE SET zaaktype = EXCLUDED.zaaktype, catalogus = EXCLUDED.catalogus,
			begin_geldigheid = EXCLUDED.begin_geldigheid, einde_geldigheid = EXCLUDED.einde_geldigheid, data = EXCLUDED.data`,
		s.UUID, s.Zaaktype, s.Catalogus, dateArg(g.BeginGeldigheid), dateArg(g.EindeGeldigheid),
		data, w.pos.Commit, w.pos.Prepare)
	return nil
}

func (w catalogiWriter) zaakobjecttype(s catalogi.Subtype, g catalogi.ZaakobjecttypeGegevens) error {
	data, err := json.Marshal(g)
	if err != nil {
		return err
	}
	w.tx.Exec(`INSERT INTO zaakobjecttypen (uuid, zaaktype, catalogus, ander_objecttype, objecttype, relatie_omschrijving,
			begin_geldigheid, einde_geldigheid, data, created_commit, created_prepare)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
		ON CONFLICT (uuid) DO UPDATE SET zaaktype = EXCLUDED.zaaktype, catalogus = EXCLUDED.catalogus,
			ander_objecttype = EXCLUDED.ander_objecttype, objecttype = EXCLUDED.objecttype,
			relatie_omschrijving = EXCLUDED.relatie_omschrijving, begin_geldigheid = EXCLUDED.begin_geldigheid,
			einde_geldigheid = EXCLUDED.einde_geldigheid, data = EXCLUDED.data`,
		s.UUID, s.Zaaktype, s.Catalogus, g.AnderObjecttype, g.Objecttype, g.RelatieOmschrijving,
		dateArg(g.BeginGeldigheid), dateArg(g.EindeGeldigheid), data, w.pos.Commit, w.pos.Prepare)
	return nil
}

// ziot stores a zaaktype-informatieobjecttype; its informatieobjecttype is
// an omschrijving (1.3.1) or the URL of one version.
func (w catalogiWriter) ziot(s catalogi.Subtype, g catalogi.ZaaktypeInformatieobjecttypeGegevens) error {
	data, err := json.Marshal(g)
	if err != nil {
		return err
	}
	var omschrijving, iotUUID any
	if id, ok := refUUID(g.Informatieobjecttype, "informatieobjecttypen"); ok {
		iotUUID = id
	} else {
		omschrijving = g.Informatieobjecttype
	}
	w.tx.Exec(`INSERT INTO zaaktypeinformatieobjecttypen (uuid, zaaktype, catalogus, volgnummer, richting,
			informatieobjecttype_omschrijving, informatieobjecttype_uuid, data, created_commit, created_prepare)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
		ON CONFLICT (uuid) DO UPDATE SET zaaktype = EXCLUDED.zaaktype, catalogus = EXCLUDED.catalogus,
			volgnummer = EXCLUDED.volgnummer, richting = EXCLUDED.richting,
			informatieobjecttype_omschrijving = EXCLUDED.informatieobjecttype_omschrijving,
			informatieobjecttype_uuid = EXCLUDED.informatieobjecttype_uuid, data = EXCLUDED.data`,
		s.UUID, s.Zaaktype, s.Catalogus, g.Volgnummer, string(g.Richting), omschrijving, iotUUID,
		data, w.pos.Commit, w.pos.Prepare)
	return nil
}
