package projections

import (
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
type Zaken struct{}

var _ Projection = Zaken{}

// Name implements Projection.
func (Zaken) Name() string { return "zaken" }

// Schema implements Projection.
func (Zaken) Schema() string { return "zrc" }

// zakenTables are the tables of the sub-resources of a zaak; each has a
// zaak column.
var zakenTables = []string{"statussen", "resultaten", "rollen", "zaakobjecten", "zaakeigenschappen",
	"zaakinformatieobjecten", "klantcontacten", "zaakbesluiten"}

// Apply implements Projection. An event type of the zaken context that
// Decode or this projection does not know is an error, so that the event
// is poisoned instead of skipped.
func (Zaken) Apply(_ context.Context, tx *Tx, ev eventstore.RecordedEvent) error {
	if !strings.HasPrefix(ev.Type, "zaken.") {
		return nil
	}
	e, err := zaken.Decode(ev.Type, ev.Data)
	if err != nil {
		return err
	}
	w := zakenWriter{tx: tx, pos: ev.Position}
	switch e := e.(type) {
	case zaken.ZaakAangemaakt:
		return w.zaak(e.Zaak, e.ZaakGegevens)
	case zaken.ZaakGewijzigd:
		return w.zaak(e.Zaak, e.ZaakGegevens)
	case zaken.ZaakAfgesloten:
		return w.zaak(e.Zaak, e.ZaakGegevens)
	case zaken.ZaakHeropend:
		return w.zaak(e.Zaak, e.ZaakGegevens)
	case zaken.ZaakVerwijderd:
		w.deleteZaak(e.Zaak)
	case zaken.IdentificatieGereserveerd, zaken.IdentificatieVrijgegeven, zaken.IdentificatieUitgegeven:
		// The reservation keeps identificaties unique; the read model
		// has nothing to show of it.
	default:
		return w.onderdeel(e)
	}
	return nil
}

// zakenWriter queues the statements of one event.
type zakenWriter struct {
	tx  *Tx
	pos eventstore.Position
}

// zaak writes the full state of a zaak. The status and resultaat columns
// belong to the sub-resource events and are left alone.
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
	w.tx.Exec(`INSERT INTO zaken (uuid, identificatie, bronorganisatie, zaaktype, vertrouwelijkheidaanduiding,
			vertrouwelijkheid_rank, registratiedatum, startdatum, einddatum, einddatum_gepland,
			uiterlijke_einddatum_afdoening, publicatiedatum, archiefnominatie, archiefstatus, archiefactiedatum,
			hoofdzaak_uuid, data, created_commit, created_prepare)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
		ON CONFLICT (uuid) DO UPDATE SET identificatie = EXCLUDED.identificatie,
			bronorganisatie = EXCLUDED.bronorganisatie, zaaktype = EXCLUDED.zaaktype,
			vertrouwelijkheidaanduiding = EXCLUDED.vertrouwelijkheidaanduiding,
			vertrouwelijkheid_rank = EXCLUDED.vertrouwelijkheid_rank, registratiedatum = EXCLUDED.registratiedatum,
			startdatum = EXCLUDED.startdatum, einddatum = EXCLUDED.einddatum,
			einddatum_gepland = EXCLUDED.einddatum_gepland,
			uiterlijke_einddatum_afdoening = EXCLUDED.uiterlijke_einddatum_afdoening,
			publicatiedatum = EXCLUDED.publicatiedatum, archiefnominatie = EXCLUDED.archiefnominatie,
			archiefstatus = EXCLUDED.archiefstatus, archiefactiedatum = EXCLUDED.archiefactiedatum,
			hoofdzaak_uuid = EXCLUDED.hoofdzaak_uuid, data = EXCLUDED.data`,
		id, g.Identificatie, g.Bronorganisatie, g.Zaaktype, aanduiding,
		autorisaties.Rank(aanduiding), dateArg(g.Registratiedatum), dateArg(g.Startdatum), dateArg(g.Einddatum),
		dateArg(g.EinddatumGepland), dateArg(g.UiterlijkeEinddatumAfdoening), dateArg(g.Publicatiedatum),
		textArg(string(g.Archiefnominatie)), string(g.Archiefstatus), dateArg(g.Archiefactiedatum),
		hoofdzaak, data, w.pos.Commit, w.pos.Prepare)
	return nil
}

// deleteZaak removes a zaak with every sub-resource in its stream
// (zrc-023).
func (w zakenWriter) deleteZaak(id string) {
	w.tx.Exec(`DELETE FROM zaken WHERE uuid = $1`, id)
	for _, table := range zakenTables {
		w.tx.Exec(`DELETE FROM `+table+` WHERE zaak = $1`, id)
	}
}

// textArg is the SQL value of an optional string: NULL when empty.
func textArg(s string) any {
	if s == "" {
		return nil
	}
	return s
}
