package projections

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
)

// Zaken is the read model of the Zaken API 1.5.1 (schema zrc): one row per
// zaak and per sub-resource, each holding the full state its latest event
// carries, with the columns the list filters, orderings and the
// authorisation need. Every write is an upsert or a delete keyed by uuid
// (or by zaak), so applying an event twice leaves the same rows, and a row
// keeps the log position of the event that created it as its list order.
type Zaken struct {
	// Blok is the number of rows created into a block of zrc.blokken
	// before the next one opens; 0 is blokGrootte. Tests take small blocks
	// to cross many.
	Blok int
}

var _ Projection = Zaken{}

// Name implements Projection.
func (Zaken) Name() string { return "zaken" }

// Schema implements Projection.
func (Zaken) Schema() string { return "zrc" }

// Wants implements Selective: the events of the zaken context except the
// reservations that keep identificaties unique, of which the read model
// shows nothing.
func (Zaken) Wants(eventType string) bool {
	return strings.HasPrefix(eventType, "zaken.") &&
		eventType != zaken.TypeIdentificatieGereserveerd && eventType != zaken.TypeIdentificatieUitgegeven
}

// zakenTables are the tables of the sub-resources of a zaak; each has a
// zaak column.
var zakenTables = []string{"statussen", "resultaten", "rollen", "zaakobjecten", "zaakeigenschappen",
	"zaakinformatieobjecten", "klantcontacten", "zaakbesluiten", "zaakcontactmomenten", "zaakverzoeken"}

// Apply implements Projection. An event type of the zaken context that
// Decode or this projection does not know is an error, so that the event
// is poisoned instead of skipped.
func (z Zaken) Apply(_ context.Context, tx *Tx, ev eventstore.RecordedEvent) error {
	if !z.Wants(ev.Type) {
		return nil
	}
	e, err := zaken.Decode(ev.Type, ev.Data)
	if err != nil {
		return err
	}
	w := zakenWriter{tx: tx, pos: ev.Position, blok: cmp.Or(z.Blok, blokGrootte)}
	switch e := e.(type) {
	case zaken.ZaakAangemaakt:
		w.zaakType(e.Zaak, e.ZaakGegevens, false)
		return w.zaak(e.Zaak, e.ZaakGegevens)
	case zaken.ZaakGewijzigd:
		w.zaakType(e.Zaak, e.ZaakGegevens, true)
		return w.zaak(e.Zaak, e.ZaakGegevens)
	case zaken.ZaakAfgesloten:
		return w.zaak(e.Zaak, e.ZaakGegevens)
	case zaken.ZaakHeropend:
		return w.zaak(e.Zaak, e.ZaakGegevens)
	case zaken.ZaakVerwijderd:
		w.deleteZaak(e.Zaak)
		w.verwijderd(e, ev)
	case zaken.ZaakVernietigd:
		w.vernietigd(e, ev)
	default:
		return w.onderdeel(e)
	}
	return nil
}

// zakenWriter queues the statements of one event.
type zakenWriter struct {
	tx   *Tx
	pos  eventstore.Position
	blok int
}

// zaak writes the full state of a zaak. The status and resultaat columns
// belong to the sub-resource events and are left alone. geometrie is
// public.zrc_geometrie (migration 0006) of the zaakgeometrie: NULL, with a
// warning in the server log, for a GeoJSON PostGIS refuses, so that such an
// event never stops the projection.
func (w zakenWriter) zaak(id string, g zaken.ZaakGegevens) error {
	data, err := json.Marshal(g)
	if err != nil {
		return fmt.Errorf("zaken projection: zaak %s: %w", id, err)
	}
	var hoofdzaak any
	if h, ok := refUUID(g.Hoofdzaak, "zaken"); ok {
		hoofdzaak = h
	}
	aanduiding := string(g.Vertrouwelijkheidaanduiding)
	w.voor("zaken", id)
	w.tx.Exec(zaakSchrijven,
		id, g.Identificatie, g.Bronorganisatie, g.Zaaktype, aanduiding,
		autorisaties.Rank(aanduiding), dateArg(g.Registratiedatum), dateArg(g.Startdatum), dateArg(g.Einddatum),
		dateArg(g.EinddatumGepland), dateArg(g.UiterlijkeEinddatumAfdoening), dateArg(g.Publicatiedatum),
		textArg(string(g.Archiefnominatie)), string(g.Archiefstatus), dateArg(g.Archiefactiedatum),
		hoofdzaak, data, w.pos.Commit, w.pos.Prepare, textArg(string(g.Zaakgeometrie)))
	return nil
}

// zaakSchrijven writes a zaak's row and counts it (schrijfRij).
var zaakSchrijven = schrijfRij("zaken", `INSERT INTO zaken (uuid, identificatie, bronorganisatie, zaaktype, vertrouwelijkheidaanduiding,
			vertrouwelijkheid_rank, registratiedatum, startdatum, einddatum, einddatum_gepland,
			uiterlijke_einddatum_afdoening, publicatiedatum, archiefnominatie, archiefstatus, archiefactiedatum,
			hoofdzaak_uuid, data, created_commit, created_prepare, geometrie)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
			public.zrc_geometrie($1, $20))
		ON CONFLICT (uuid) DO UPDATE SET identificatie = EXCLUDED.identificatie,
			bronorganisatie = EXCLUDED.bronorganisatie, zaaktype = EXCLUDED.zaaktype,
			vertrouwelijkheidaanduiding = EXCLUDED.vertrouwelijkheidaanduiding,
			vertrouwelijkheid_rank = EXCLUDED.vertrouwelijkheid_rank, registratiedatum = EXCLUDED.registratiedatum,
			startdatum = EXCLUDED.startdatum, einddatum = EXCLUDED.einddatum,
			einddatum_gepland = EXCLUDED.einddatum_gepland,
			uiterlijke_einddatum_afdoening = EXCLUDED.uiterlijke_einddatum_afdoening,
			publicatiedatum = EXCLUDED.publicatiedatum, archiefnominatie = EXCLUDED.archiefnominatie,
			archiefstatus = EXCLUDED.archiefstatus, archiefactiedatum = EXCLUDED.archiefactiedatum,
			hoofdzaak_uuid = EXCLUDED.hoofdzaak_uuid, data = EXCLUDED.data, geometrie = EXCLUDED.geometrie
		RETURNING uuid, zaaktype, vertrouwelijkheid_rank, created_commit, created_prepare`)

// uncount takes zaak id, as the read model has it, out of its counts
// before it is deleted.
func (w zakenWriter) uncount(id string) {
	w.tx.Exec(uncountRij["zaken"], id)
}

// deleteZaak removes a zaak with every sub-resource in its stream
// (zrc-023).
func (w zakenWriter) deleteZaak(id string) {
	w.uncount(id)
	w.tx.Exec(uncountOnderdelen, id)
	w.tx.Exec(`DELETE FROM zaken WHERE uuid = $1`, id)
	for _, table := range zakenTables {
		w.tx.Exec(`DELETE FROM `+table+` WHERE zaak = $1`, id)
	}
}

// verwijderd puts a deleted zaak on the work list of the retention purge
// (docs/retention.md), with the time of its deletion.
func (w zakenWriter) verwijderd(e zaken.ZaakVerwijderd, ev eventstore.RecordedEvent) {
	w.tx.Exec(`INSERT INTO verwijderde_zaken (uuid, identificatie, bronorganisatie, zaaktype, verwijderd_op, laatste_revisie)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (uuid) DO UPDATE SET identificatie = EXCLUDED.identificatie,
			bronorganisatie = EXCLUDED.bronorganisatie, zaaktype = EXCLUDED.zaaktype,
			verwijderd_op = EXCLUDED.verwijderd_op, laatste_revisie = EXCLUDED.laatste_revisie`,
		e.Zaak, e.Identificatie, e.Kanaal.Bronorganisatie, e.Kanaal.Zaaktype, ev.Metadata.Time, int64(ev.Revision))
}

// vernietigd keeps the record of the destruction of a zaak's event history
// and takes the zaak off the purge's work list.
func (w zakenWriter) vernietigd(e zaken.ZaakVernietigd, ev eventstore.RecordedEvent) {
	w.tx.Exec(`INSERT INTO vernietigingen (zaak, identificatie, bronorganisatie, zaaktype, verwijderd_op, vernietigd_op,
			bewaartermijn, aantal_events, laatste_revisie, sha256, record_id, record_revisie)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
		ON CONFLICT (zaak) DO UPDATE SET identificatie = EXCLUDED.identificatie,
			bronorganisatie = EXCLUDED.bronorganisatie, zaaktype = EXCLUDED.zaaktype,
			verwijderd_op = EXCLUDED.verwijderd_op, vernietigd_op = EXCLUDED.vernietigd_op,
			bewaartermijn = EXCLUDED.bewaartermijn, aantal_events = EXCLUDED.aantal_events,
			laatste_revisie = EXCLUDED.laatste_revisie, sha256 = EXCLUDED.sha256,
			record_id = EXCLUDED.record_id, record_revisie = EXCLUDED.record_revisie`,
		e.Zaak, e.Identificatie, e.Bronorganisatie, e.Zaaktype, e.VerwijderdOp, ev.Metadata.Time,
		e.Bewaartermijn, e.AantalEvents, int64(e.LaatsteRevisie), e.SHA256, ev.ID, int64(ev.Revision))
	w.tx.Exec(`DELETE FROM verwijderde_zaken WHERE uuid = $1`, e.Zaak)
}

// textArg is the SQL value of an optional string: NULL when empty.
func textArg(s string) any {
	if s == "" {
		return nil
	}
	return s
}
