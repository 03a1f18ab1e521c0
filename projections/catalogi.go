package projections

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"

	"github.com/google/uuid"

	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/eventstore"
)

// Catalogi is the read model of the Catalogi API 1.3.1 (schema ztc): one
// row per catalogus, zaaktype, informatieobjecttype, besluittype and
// sub-type of a zaaktype, each holding the full state its latest event
// carries. Every write is an upsert or a delete keyed by uuid, so applying
// an event twice leaves the same rows, and a row keeps the log position of
// the event that created it for a stable list order.
type Catalogi struct{}

var _ Projection = Catalogi{}

// Name implements Projection.
func (Catalogi) Name() string { return "catalogi" }

// Schema implements Projection.
func (Catalogi) Schema() string { return "ztc" }

// Wants implements Selective: the events of the catalogi context.
func (Catalogi) Wants(eventType string) bool { return strings.HasPrefix(eventType, "catalogi.") }

// Apply implements Projection. The Versie events are ignored: every change
// of a validity period they record also reaches the type's own stream as a
// Gewijzigd or Beeindigd event with the type's full state.
func (c Catalogi) Apply(_ context.Context, tx *Tx, ev eventstore.RecordedEvent) error {
	if !c.Wants(ev.Type) {
		return nil
	}
	e, err := catalogi.Decode(ev.Type, ev.Data)
	if err != nil {
		return err
	}
	w := catalogiWriter{tx: tx, pos: ev.Position}
	switch e := e.(type) {
	case catalogi.CatalogusAangemaakt:
		return w.catalogus(e.UUID, e.CatalogusGegevens)
	case catalogi.ZaaktypeAangemaakt:
		return w.zaaktype(e.UUID, e.ZaaktypeGegevens, e.Concept)
	case catalogi.ZaaktypeGewijzigd:
		return w.zaaktype(e.UUID, e.ZaaktypeGegevens, e.Concept)
	case catalogi.ZaaktypeGepubliceerd:
		return w.zaaktype(e.UUID, e.ZaaktypeGegevens, false)
	case catalogi.ZaaktypeBeeindigd:
		return w.zaaktype(e.UUID, e.ZaaktypeGegevens, e.Concept)
	case catalogi.ZaaktypeVerwijderd:
		w.deleteZaaktype(e.UUID)
	case catalogi.InformatieobjecttypeAangemaakt:
		return w.informatieobjecttype(e.UUID, e.InformatieobjecttypeGegevens, e.Concept)
	case catalogi.InformatieobjecttypeGewijzigd:
		return w.informatieobjecttype(e.UUID, e.InformatieobjecttypeGegevens, e.Concept)
	case catalogi.InformatieobjecttypeGepubliceerd:
		return w.informatieobjecttype(e.UUID, e.InformatieobjecttypeGegevens, false)
	case catalogi.InformatieobjecttypeBeeindigd:
		return w.informatieobjecttype(e.UUID, e.InformatieobjecttypeGegevens, e.Concept)
	case catalogi.InformatieobjecttypeVerwijderd:
		tx.Exec(`DELETE FROM informatieobjecttypen WHERE uuid = $1`, e.UUID)
	case catalogi.BesluittypeAangemaakt:
		return w.besluittype(e.UUID, e.BesluittypeGegevens, e.Concept)
	case catalogi.BesluittypeGewijzigd:
		return w.besluittype(e.UUID, e.BesluittypeGegevens, e.Concept)
	case catalogi.BesluittypeGepubliceerd:
		return w.besluittype(e.UUID, e.BesluittypeGegevens, false)
	case catalogi.BesluittypeBeeindigd:
		return w.besluittype(e.UUID, e.BesluittypeGegevens, e.Concept)
	case catalogi.BesluittypeVerwijderd:
		tx.Exec(`DELETE FROM besluittypen WHERE uuid = $1`, e.UUID)
	default:
		return w.subtype(e)
	}
	return nil
}

// catalogiWriter queues the statements of one event.
type catalogiWriter struct {
	tx  *Tx
	pos eventstore.Position
}

func (w catalogiWriter) catalogus(id string, g catalogi.CatalogusGegevens) error {
	data, err := json.Marshal(g)
	if err != nil {
		return err
	}
	w.tx.Exec(`INSERT INTO catalogussen (uuid, domein, rsin, data, created_commit, created_prepare)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (uuid) DO UPDATE SET domein = EXCLUDED.domein, rsin = EXCLUDED.rsin, data = EXCLUDED.data`,
		id, g.Domein, g.Rsin, data, w.pos.Commit, w.pos.Prepare)
	return nil
}

func (w catalogiWriter) zaaktype(id string, g catalogi.ZaaktypeGegevens, concept bool) error {
	data, err := json.Marshal(g)
	if err != nil {
		return err
	}
	besluittypen, besluittypenUUIDs := splitRefs(g.Besluittypen, "besluittypen")
	deelzaaktypen, deelzaaktypenUUIDs := splitRefs(g.Deelzaaktypen, "zaaktypen")
	w.tx.Exec(`INSERT INTO zaaktypen (uuid, catalogus, identificatie, concept, begin_geldigheid, einde_geldigheid,
			trefwoorden, besluittypen_omschrijvingen, besluittypen_uuids, deelzaaktypen_identificaties, deelzaaktypen_uuids,
			data, created_commit, created_prepare)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
		ON CONFLICT (uuid) DO UPDATE SET catalogus = EXCLUDED.catalogus, identificatie = EXCLUDED.identificatie,
			concept = EXCLUDED.concept, begin_geldigheid = EXCLUDED.begin_geldigheid, einde_geldigheid = EXCLUDED.einde_geldigheid,
			trefwoorden = EXCLUDED.trefwoorden, besluittypen_omschrijvingen = EXCLUDED.besluittypen_omschrijvingen,
			besluittypen_uuids = EXCLUDED.besluittypen_uuids, deelzaaktypen_identificaties = EXCLUDED.deelzaaktypen_identificaties,
			deelzaaktypen_uuids = EXCLUDED.deelzaaktypen_uuids, data = EXCLUDED.data`,
		id, g.Catalogus, g.Identificatie, concept, dateArg(g.BeginGeldigheid), dateArg(g.EindeGeldigheid),
		nonNilStrings(g.Trefwoorden), besluittypen, besluittypenUUIDs, deelzaaktypen, deelzaaktypenUUIDs,
		data, w.pos.Commit, w.pos.Prepare)
	return nil
}

// deleteZaaktype removes a zaaktype with every sub-type in its stream.
func (w catalogiWriter) deleteZaaktype(id string) {
	w.tx.Exec(`DELETE FROM zaaktypen WHERE uuid = $1`, id)
	for _, table := range subtypeTables {
		w.tx.Exec(`DELETE FROM `+table+` WHERE zaaktype = $1`, id)
	}
}

// subtypeTables are the tables of the sub-types of a zaaktype.
var subtypeTables = []string{"statustypen", "roltypen", "resultaattypen", "eigenschappen",
	"zaakobjecttypen", "zaaktypeinformatieobjecttypen"}

func (w catalogiWriter) informatieobjecttype(id string, g catalogi.InformatieobjecttypeGegevens, concept bool) error {
	data, err := json.Marshal(g)
	if err != nil {
		return err
	}
	w.tx.Exec(`INSERT INTO informatieobjecttypen (uuid, catalogus, omschrijving, concept, begin_geldigheid, einde_geldigheid,
			data, created_commit, created_prepare)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		ON CONFLICT (uuid) DO UPDATE SET catalogus = EXCLUDED.catalogus, omschrijving = EXCLUDED.omschrijving,
			concept = EXCLUDED.concept, begin_geldigheid = EXCLUDED.begin_geldigheid,
			einde_geldigheid = EXCLUDED.einde_geldigheid, data = EXCLUDED.data`,
		id, g.Catalogus, g.Omschrijving, concept, dateArg(g.BeginGeldigheid), dateArg(g.EindeGeldigheid),
		data, w.pos.Commit, w.pos.Prepare)
	return nil
}

func (w catalogiWriter) besluittype(id string, g catalogi.BesluittypeGegevens, concept bool) error {
	data, err := json.Marshal(g)
	if err != nil {
		return err
	}
	iots, iotUUIDs := splitRefs(g.Informatieobjecttypen, "informatieobjecttypen")
	w.tx.Exec(`INSERT INTO besluittypen (uuid, catalogus, omschrijving, concept, begin_geldigheid, einde_geldigheid,
			informatieobjecttypen_omschrijvingen, informatieobjecttypen_uuids, data, created_commit, created_prepare)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
		ON CONFLICT (uuid) DO UPDATE SET catalogus = EXCLUDED.catalogus, omschrijving = EXCLUDED.omschrijving,
			concept = EXCLUDED.concept, begin_geldigheid = EXCLUDED.begin_geldigheid, einde_geldigheid = EXCLUDED.einde_geldigheid,
			informatieobjecttypen_omschrijvingen = EXCLUDED.informatieobjecttypen_omschrijvingen,
			informatieobjecttypen_uuids = EXCLUDED.informatieobjecttypen_uuids, data = EXCLUDED.data`,
		id, g.Catalogus, g.Omschrijving, concept, dateArg(g.BeginGeldigheid), dateArg(g.EindeGeldigheid),
		iots, iotUUIDs, data, w.pos.Commit, w.pos.Prepare)
	return nil
}

// splitRefs sorts references to the versions of a type into the names it
// is known by (omschrijving or identificatie, the 1.3 historiemodel) and
// the uuids of the versions named by their URL in collection. Both lists
// are non-nil and keep the given order.
func splitRefs(refs []string, collection string) (names, uuids []string) {
	names, uuids = []string{}, []string{}
	for _, ref := range refs {
		if id, ok := refUUID(ref, collection); ok {
			uuids = append(uuids, id)
		} else {
			names = append(names, ref)
		}
	}
	return names, uuids
}

// refUUID returns the uuid of a reference that is the URL of a resource in
// collection of any Catalogi API root ("…/catalogi/api/v1/zaaktypen/{uuid}"),
// or the reference the log keeps to one ("/catalogi/api/v1/zaaktypen/{uuid}").
// The host is not checked: the domain has already resolved the reference
// within the catalogus, and the read model must not depend on the public
// base URL, which may change.
func refUUID(ref, collection string) (string, bool) {
	if !strings.Contains(ref, "://") && !strings.HasPrefix(ref, "/") {
		return "", false // a name: an omschrijving or identificatie
	}
	u, err := url.Parse(ref)
	if err != nil {
		return "", false
	}
	path := strings.TrimSuffix(u.Path, "/")
	i := strings.LastIndex(path, "/"+collection+"/")
	if i < 0 {
		return "", false
	}
	rest := path[i+len(collection)+2:]
	id, err := uuid.Parse(rest)
	if err != nil || len(rest) != 36 {
		return "", false
	}
	return id.String(), true
}

// dateArg is the SQL value of a date: NULL for the zero Date.
func dateArg(d catalogi.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.Time()
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
