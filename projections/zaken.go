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
	// Blok is the number of zaken created into a block of
	// zrc.zaken_blokken before the next one opens; 0 is blokGrootte. Tests
	// take small blocks to cross many.
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

// onderdelenPerTabel counts the sub-resources of zaak $1 per table.
var onderdelenPerTabel = func() string {
	parts := make([]string, len(zakenTables))
	for i, t := range zakenTables {
		parts[i] = `SELECT '` + t + `' AS tabel, count(*) AS n FROM ` + t + ` WHERE zaak = $1`
	}
	return strings.Join(parts, " UNION ALL ")
}()

// moveOnderdelen moves the counts of the sub-resources of zaak $1 in
// zrc.onderdelen_aantallen to zaaktype $2 and rank $3 when the read model
// has the zaak under another zaaktype or rank; it runs before the zaak's
// row is written. A new zaak has no sub-resources yet, and an unchanged one
// costs one lookup: the counts are only taken when the zaak moves.
var moveOnderdelen = `WITH oud AS (SELECT zaaktype, vertrouwelijkheid_rank FROM zaken
		WHERE uuid = $1 AND (zaaktype, vertrouwelijkheid_rank) IS DISTINCT FROM ($2::text, $3::integer)),
	n AS (SELECT tabel, n FROM (` + onderdelenPerTabel + `) c WHERE n > 0 AND EXISTS (SELECT FROM oud)),
	af AS (UPDATE onderdelen_aantallen a SET aantal = a.aantal - n.n FROM n, oud
		WHERE a.tabel = n.tabel AND a.zaaktype = oud.zaaktype AND a.vertrouwelijkheid_rank = oud.vertrouwelijkheid_rank)
	INSERT INTO onderdelen_aantallen (tabel, zaaktype, vertrouwelijkheid_rank, aantal) SELECT tabel, $2, $3, n FROM n
	ON CONFLICT (tabel, zaaktype, vertrouwelijkheid_rank) DO UPDATE SET aantal = onderdelen_aantallen.aantal + EXCLUDED.aantal`

// uncountOnderdelen takes the sub-resources of zaak $1 out of
// zrc.onderdelen_aantallen before they are deleted with it.
var uncountOnderdelen = `UPDATE onderdelen_aantallen a SET aantal = a.aantal - n.n
	FROM (` + onderdelenPerTabel + `) n, zaken z
	WHERE z.uuid = $1 AND n.n > 0 AND a.tabel = n.tabel AND a.zaaktype = z.zaaktype
		AND a.vertrouwelijkheid_rank = z.vertrouwelijkheid_rank`

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
		w.tx.Exec(openBlok, e.Zaak, w.pos.Commit, w.pos.Prepare, w.blok)
		return w.zaak(e.Zaak, e.ZaakGegevens)
	case zaken.ZaakGewijzigd:
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
	w.uncount(id)
	w.tx.Exec(moveOnderdelen, id, g.Zaaktype, autorisaties.Rank(aanduiding))
	w.tx.Exec(`INSERT INTO zaken (uuid, identificatie, bronorganisatie, zaaktype, vertrouwelijkheidaanduiding,
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
			hoofdzaak_uuid = EXCLUDED.hoofdzaak_uuid, data = EXCLUDED.data, geometrie = EXCLUDED.geometrie`,
		id, g.Identificatie, g.Bronorganisatie, g.Zaaktype, aanduiding,
		autorisaties.Rank(aanduiding), dateArg(g.Registratiedatum), dateArg(g.Startdatum), dateArg(g.Einddatum),
		dateArg(g.EinddatumGepland), dateArg(g.UiterlijkeEinddatumAfdoening), dateArg(g.Publicatiedatum),
		textArg(string(g.Archiefnominatie)), string(g.Archiefstatus), dateArg(g.Archiefactiedatum),
		hoofdzaak, data, w.pos.Commit, w.pos.Prepare, textArg(string(g.Zaakgeometrie)))
	w.tx.Exec(countZaak, id)
	return nil
}

// uncount takes zaak id, as the read model has it, out of zaken_aantallen
// and zaken_blokaantallen before it is written again or deleted; with the
// count added after the write (countZaak), applying an event twice leaves
// the same numbers.
func (w zakenWriter) uncount(id string) {
	w.tx.Exec(uncountZaak, id)
}

// blokGrootte is the number of zaken created into a block of
// zrc.zaken_blokken (migration 0012, which cuts the zaken there are into
// blocks of the same size) before the next one is opened.
const blokGrootte = 8192

// zaakInBlok is zaak $1 as the read model has it, with the block of
// zrc.zaken_blokken its creation position lies in: the last block starting
// at or before it.
const zaakInBlok = `SELECT z.zaaktype, z.vertrouwelijkheid_rank,
		(SELECT g.blok FROM zaken_blokken g WHERE (g.created_commit, g.created_prepare, g.uuid) <= (z.created_commit, z.created_prepare, z.uuid)
			ORDER BY g.created_commit DESC, g.created_prepare DESC, g.uuid DESC LIMIT 1) AS blok
	FROM zaken z WHERE z.uuid = $1`

// countZaak counts zaak $1, as the read model has it, in zaken_aantallen
// (migration 0009) and in zaken_blokaantallen (migration 0012).
const countZaak = `WITH z AS (` + zaakInBlok + `),
	a AS (INSERT INTO zaken_aantallen (zaaktype, vertrouwelijkheid_rank, aantal) SELECT zaaktype, vertrouwelijkheid_rank, 1 FROM z
		ON CONFLICT (zaaktype, vertrouwelijkheid_rank) DO UPDATE SET aantal = zaken_aantallen.aantal + 1)
	INSERT INTO zaken_blokaantallen (blok, zaaktype, vertrouwelijkheid_rank, aantal) SELECT blok, zaaktype, vertrouwelijkheid_rank, 1 FROM z
	ON CONFLICT (blok, zaaktype, vertrouwelijkheid_rank) DO UPDATE SET aantal = zaken_blokaantallen.aantal + 1`

// uncountZaak undoes countZaak.
const uncountZaak = `WITH z AS (` + zaakInBlok + `),
	a AS (UPDATE zaken_aantallen a SET aantal = a.aantal - 1 FROM z
		WHERE a.zaaktype = z.zaaktype AND a.vertrouwelijkheid_rank = z.vertrouwelijkheid_rank)
	UPDATE zaken_blokaantallen b SET aantal = b.aantal - 1 FROM z
	WHERE b.blok = z.blok AND b.zaaktype = z.zaaktype AND b.vertrouwelijkheid_rank = z.vertrouwelijkheid_rank`

// openBlok runs before zaak $1, created at position ($2, $3), is first
// written: when the zaak is new and comes after every zaak there is, it is
// counted as created into the last block of zaken_blokken, or opens the
// next block at its position when the last one is full (block 0, the
// first, starts below every position). A zaak that is already there, or one that would
// land before a zaak there is, changes no block, so no zaak ever moves to
// another block; applying an event twice changes nothing.
const openBlok = `WITH laatste AS (SELECT blok, aangemaakt FROM zaken_blokken ORDER BY blok DESC LIMIT 1),
	nieuw AS (SELECT WHERE NOT EXISTS (SELECT FROM zaken WHERE uuid = $1::uuid)
		AND NOT EXISTS (SELECT FROM zaken WHERE (created_commit, created_prepare, uuid) >= ($2::bigint, $3::bigint, $1::uuid))),
	erbij AS (UPDATE zaken_blokken b SET aangemaakt = b.aangemaakt + 1 FROM laatste, nieuw
		WHERE b.blok = laatste.blok AND laatste.aangemaakt < $4)
	INSERT INTO zaken_blokken (blok, created_commit, created_prepare, uuid, aangemaakt)
	SELECT coalesce(laatste.blok + 1, 0), CASE WHEN laatste.blok IS NULL THEN -1 ELSE $2::bigint END,
		CASE WHEN laatste.blok IS NULL THEN -1 ELSE $3::bigint END,
		CASE WHEN laatste.blok IS NULL THEN '00000000-0000-0000-0000-000000000000' ELSE $1::uuid END, 1
	FROM nieuw LEFT JOIN laatste ON true WHERE laatste.blok IS NULL OR laatste.aangemaakt >= $4`

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
