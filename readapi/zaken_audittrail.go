package readapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/zgw"
)

// ZaakAudittrail serves GET /zaken/{zaak_uuid}/audittrail and
// /zaken/{zaak_uuid}/audittrail/{uuid} of the Zaken API 1.5.1 (RULES 10).
// The audit trail is not stored: it is derived on each read from the
// zaak's stream in the event log, one entry per event of the zaak or of
// one of its sub-resources, so it can never disagree with the log. Its
// uuids are the event ids. A zaak that is not in the read model (unknown
// or deleted, zrc-023) shows no audit trail.
type ZaakAudittrail struct {
	// Pool reaches the read models: zrc for the zaak and its rights, ac
	// for the applicatie labels.
	Pool *pgxpool.Pool
	// Store is the event log the zaak's stream is read from.
	Store eventstore.Store
}

// auditTrail is the wire form of an AuditTrail (zaken-1.5.1).
type auditTrail struct {
	UUID               string      `json:"uuid"`
	Bron               string      `json:"bron"`
	ApplicatieID       string      `json:"applicatieId"`
	ApplicatieWeergave string      `json:"applicatieWeergave"`
	GebruikersID       string      `json:"gebruikersId"`
	GebruikersWeergave string      `json:"gebruikersWeergave"`
	Actie              string      `json:"actie"`
	ActieWeergave      string      `json:"actieWeergave"`
	Resultaat          int         `json:"resultaat"`
	HoofdObject        string      `json:"hoofdObject"`
	Resource           string      `json:"resource"`
	ResourceURL        string      `json:"resourceUrl"`
	Toelichting        string      `json:"toelichting"`
	ResourceWeergave   string      `json:"resourceWeergave"`
	Aanmaakdatum       time.Time   `json:"aanmaakdatum"`
	Wijzigingen        wijzigingen `json:"wijzigingen"`
}

// wijzigingen are the full representations before and after the action:
// oud is null on create, nieuw on destroy, as the reference implementation
// and RULES 10 have it (the OAS schema does not mark them nullable).
type wijzigingen struct {
	Oud   any `json:"oud"`
	Nieuw any `json:"nieuw"`
}

// The actions of the audit trail with their weergave (as the reference
// implementation words them) and the HTTP status of the write.
const (
	actieCreate        = "create"
	actieUpdate        = "update"
	actiePartialUpdate = "partial_update"
	actieDestroy       = "destroy"
)

var actieWeergaven = map[string]string{
	actieCreate:        "Object aangemaakt",
	actieUpdate:        "Object bijgewerkt",
	actiePartialUpdate: "Object deels bijgewerkt",
	actieDestroy:       "Object verwijderd",
}

var actieResultaten = map[string]int{
	actieCreate:        http.StatusCreated,
	actieUpdate:        http.StatusOK,
	actiePartialUpdate: http.StatusOK,
	actieDestroy:       http.StatusNoContent,
}

// List handles GET /zaken/{zaak_uuid}/audittrail: every entry of the zaak,
// oldest first, as a plain array (RULES 2.2). An unknown or deleted zaak
// has none: the OAS declares no 404 for this list.
func (s ZaakAudittrail) List(w http.ResponseWriter, r *http.Request) {
	entries, err := s.entries(r)
	if errors.Is(err, domain.ErrNotFound) {
		entries, err = []auditTrail{}, nil
	}
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	zgw.WriteJSON(w, r, http.StatusOK, entries)
}

// Read handles GET /zaken/{zaak_uuid}/audittrail/{uuid}: 404 for an
// unknown or deleted zaak and for a uuid that is no event of that zaak.
func (s ZaakAudittrail) Read(w http.ResponseWriter, r *http.Request) {
	entries, err := s.entries(r)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	id := zgw.PathUUID(r)
	i := slices.IndexFunc(entries, func(e auditTrail) bool { return id != "" && e.UUID == id })
	if i < 0 {
		zgw.WriteError(w, r, domain.NotFound("Niet gevonden."))
		return
	}
	zgw.WriteJSON(w, r, http.StatusOK, entries[i])
}

// entries returns the audit trail of the zaak in the path. The scope
// audittrails.lezen is checked by the API middleware; here the zaak must
// be in the read model (else not found) and the principal must have both audittrails.lezen and
// zaken.lezen for its zaaktype and vertrouwelijkheidaanduiding (zrc-006,
// RULES 3.3: the operation's scope for that zaaktype, and the zaak the
// entries show must be readable), else 403.
func (s ZaakAudittrail) entries(r *http.Request) ([]auditTrail, error) {
	ctx := r.Context()
	zaak := zgw.CanonicalUUID(chi.URLParam(r, "zaak_uuid"))
	if zaak == "" {
		return nil, domain.NotFound("Niet gevonden.")
	}
	var zaaktype, vertrouwelijkheid string
	err := s.Pool.QueryRow(ctx, `SELECT zaaktype, vertrouwelijkheidaanduiding FROM zrc.zaken WHERE uuid = $1`, zaak).
		Scan(&zaaktype, &vertrouwelijkheid)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, domain.NotFound("Niet gevonden.")
	}
	if err != nil {
		return nil, err
	}
	var rights *autorisaties.Rights
	if p := zgw.PrincipalFrom(ctx); p != nil {
		rights = p.Rights
	}
	for _, scope := range []string{"audittrails.lezen", "zaken.lezen"} {
		if !NewRightsFilter(rights, autorisaties.ZRC, scope).Allows(zaaktype, vertrouwelijkheid) {
			return nil, permissionDenied()
		}
	}
	events, err := s.stream(ctx, zaak)
	if err != nil {
		return nil, err
	}
	walk := auditWalk{ctx: ctx, zaak: zaakRow{uuid: zaak}, entries: []auditTrail{}}
	for _, ev := range events {
		if err := walk.apply(ev); err != nil {
			return nil, err
		}
	}
	return walk.entries, s.labels(ctx, walk.entries)
}

// streamBatch is the number of events read from the log at a time.
const streamBatch = 500

// stream reads every event of the zaak's stream, oldest first.
func (s ZaakAudittrail) stream(ctx context.Context, zaak string) ([]eventstore.RecordedEvent, error) {
	var all []eventstore.RecordedEvent
	var from uint64
	for {
		batch, err := s.Store.ReadStream(ctx, zaken.ZaakStream(zaak), from, streamBatch)
		if errors.Is(err, eventstore.ErrStreamNotFound) {
			return all, nil
		}
		if err != nil {
			return nil, err
		}
		all = append(all, batch...)
		if len(batch) < streamBatch {
			return all, nil
		}
		from = batch[len(batch)-1].Revision + 1
	}
}

// labels sets applicatieWeergave to the label of the applicatie that holds
// each entry's client id now (the read model keeps no earlier labels),
// leaving the client id where no applicatie holds it.
func (s ZaakAudittrail) labels(ctx context.Context, entries []auditTrail) error {
	var ids []string
	for _, e := range entries {
		if e.ApplicatieID != "" && !slices.Contains(ids, e.ApplicatieID) {
			ids = append(ids, e.ApplicatieID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	rows, err := s.Pool.Query(ctx, `SELECT c.id, a.label FROM ac.applicaties a
		CROSS JOIN LATERAL unnest(a.client_ids) AS c(id) WHERE c.id = ANY($1::text[])`, ids)
	if err != nil {
		return err
	}
	labels := map[string]string{}
	for rows.Next() {
		var id, label string
		if err := rows.Scan(&id, &label); err != nil {
			return err
		}
		labels[id] = label
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i, e := range entries {
		if label := labels[e.ApplicatieID]; label != "" {
			entries[i].ApplicatieWeergave = label
		}
	}
	return nil
}

// auditWalk turns the events of one zaak stream, in order, into audit
// trail entries. It keeps the zaak as a zaakRow, so that a zaak entry
// shows the zaak as a GET showed it at that moment (its status, resultaat
// and sub-resource lists included; deelzaken live in other streams and
// are left empty), and the last representation of every sub-resource, for
// the oud of a change.
type auditWalk struct {
	ctx     context.Context
	zaak    zaakRow
	exists  bool
	vorige  zaakRow        // the zaak before the last status, the oud of closing or reopening
	laatste map[string]any // the representation of each sub-resource by uuid
	entries []auditTrail
}

// apply adds the entries of one event.
func (a *auditWalk) apply(ev eventstore.RecordedEvent) error {
	// Decoding first makes an event type this package does not know an
	// error rather than a silent gap in the trail.
	e, err := zaken.Decode(ev.Type, ev.Data)
	if err != nil {
		return err
	}
	switch e := e.(type) {
	case zaken.ZaakAangemaakt:
		// A zaak deleted and created again starts a new audit trail.
		*a = auditWalk{ctx: a.ctx, zaak: zaakRow{uuid: a.zaak.uuid}, exists: true, laatste: map[string]any{}, entries: []auditTrail{}}
		a.zaak.g = e.ZaakGegevens
		a.zaakEntry(ev, actieCreate, nil)
	case zaken.ZaakGewijzigd:
		oud := a.zaak.wire(a.ctx)
		a.zaak.g = e.ZaakGegevens
		a.zaakEntry(ev, e.Actie, oud)
	case zaken.ZaakAfgesloten:
		a.zaak.g = e.ZaakGegevens
		a.zaakEntry(ev, actieUpdate, a.vorige.wire(a.ctx))
	case zaken.ZaakHeropend:
		a.zaak.g = e.ZaakGegevens
		a.zaakEntry(ev, actieUpdate, a.vorige.wire(a.ctx))
	case zaken.ZaakVerwijderd:
		// The hard delete takes the audit trail with it (RULES 10).
		a.exists, a.entries = false, []auditTrail{}
	default:
		return a.onderdeel(ev)
	}
	return nil
}

// zaakEntry adds the entry of a zaak event: oud as given (nil on create),
// nieuw the zaak as it is now.
func (a *auditWalk) zaakEntry(ev eventstore.RecordedEvent, actie string, oud any) {
	nieuw := a.zaak.wire(a.ctx)
	a.add(ev, "zaak", actie, nieuw.URL, a.zaakWeergave(), oud, nieuw)
}

// onderdeelEvent is what every sub-resource event carries, whatever its
// gegevens: "zaken.<resource>.aangemaakt|gewijzigd|verwijderd".
type onderdeelEvent struct {
	UUID     string          `json:"uuid"`
	Actie    string          `json:"actie"`
	Gegevens json.RawMessage `json:"gegevens"`
}

// onderdeel adds the entry of a sub-resource event and follows the
// change in the zaak's status, resultaat and sub-resource lists.
func (a *auditWalk) onderdeel(ev eventstore.RecordedEvent) error {
	parts := strings.Split(ev.Type, ".")
	if len(parts) != 3 || !a.exists {
		return fmt.Errorf("audittrail: event %s %s in zaak stream %s", ev.ID, ev.Type, a.zaak.uuid)
	}
	resource, verb := parts[1], parts[2]
	var o onderdeelEvent
	if err := json.Unmarshal(ev.Data, &o); err != nil {
		return fmt.Errorf("audittrail: %s: %w", ev.Type, err)
	}
	if resource == "status" {
		a.vorige = a.zaak
	}
	a.volg(resource, verb, o.UUID)
	weergave := "(" + a.zaakWeergave() + ") - " + o.UUID
	url := onderdeelURL(a.ctx, resource, a.zaak.uuid, o.UUID)
	switch verb {
	case "aangemaakt", "gewijzigd":
		nieuw, err := onderdeelWeergave(a.ctx, resource, a.zaak.uuid, o.UUID, o.Gegevens)
		if err != nil {
			return err
		}
		actie, oud := actieCreate, a.laatste[o.UUID]
		if verb == "gewijzigd" {
			actie = o.Actie
		}
		a.laatste[o.UUID] = nieuw
		a.add(ev, resource, actie, url, weergave, oud, nieuw)
	case "verwijderd":
		oud, err := onderdeelWeergave(a.ctx, resource, a.zaak.uuid, o.UUID, o.Gegevens)
		if err != nil {
			return err
		}
		delete(a.laatste, o.UUID)
		a.add(ev, resource, actieDestroy, url, weergave, oud, nil)
	default:
		return fmt.Errorf("audittrail: unknown event %s", ev.Type)
	}
	return nil
}

// volg follows a sub-resource change in the zaak's own fields.
func (a *auditWalk) volg(resource, verb, id string) {
	z := &a.zaak
	follow := func(ids []string) []string {
		ids = slices.DeleteFunc(slices.Clone(ids), func(x string) bool { return x == id })
		if verb != "verwijderd" {
			ids = append(ids, id)
		}
		return ids
	}
	switch resource {
	case "status":
		z.status = id
	case "resultaat":
		z.resultaat = id
		if verb == "verwijderd" {
			z.resultaat = ""
		}
	case "rol":
		if verb != "gewijzigd" {
			z.rollen = follow(z.rollen)
		}
	case "zaakeigenschap":
		if verb != "gewijzigd" {
			z.eigenschappen = follow(z.eigenschappen)
		}
	case "zaakinformatieobject":
		if verb != "gewijzigd" {
			z.zaakinformatieobjecten = follow(z.zaakinformatieobjecten)
		}
	case "zaakobject":
		if verb != "gewijzigd" {
			z.zaakobjecten = follow(z.zaakobjecten)
		}
	}
}

// zaakWeergave is the resourceWeergave of the zaak, as the reference
// implementation has it: "bronorganisatie - identificatie". A
// sub-resource shows "(<that>) - <uuid>".
func (a *auditWalk) zaakWeergave() string {
	return a.zaak.g.Bronorganisatie + " - " + a.zaak.g.Identificatie
}

// add appends one entry; who did it and why come from the event's
// metadata, applicatieWeergave is the client id until labels sets it.
func (a *auditWalk) add(ev eventstore.RecordedEvent, resource, actie, url, weergave string, oud, nieuw any) {
	m := ev.Metadata
	a.entries = append(a.entries, auditTrail{
		UUID: ev.ID, Bron: "zrc",
		ApplicatieID: m.ClientID, ApplicatieWeergave: m.ClientID,
		GebruikersID: m.UserID, GebruikersWeergave: m.UserRepresentation,
		Actie: actie, ActieWeergave: actieWeergaven[actie], Resultaat: actieResultaten[actie],
		HoofdObject: zgw.ResourceURL(a.ctx, "zaken", a.zaak.uuid), Resource: resource, ResourceURL: url,
		Toelichting: m.Toelichting, ResourceWeergave: weergave, Aanmaakdatum: m.Time.UTC(),
		Wijzigingen: wijzigingen{Oud: oud, Nieuw: nieuw},
	})
}

// onderdeelURL is the URL of sub-resource id of zaak: zaakeigenschappen
// and zaakbesluiten live under their zaak (/zaken/{zaak_uuid}/...).
func onderdeelURL(ctx context.Context, resource, zaak, id string) string {
	switch resource {
	case "zaakeigenschap":
		return nestedURL(ctx, zaak, "zaakeigenschappen", id)
	case "zaakbesluit":
		return nestedURL(ctx, zaak, "besluiten", id)
	}
	return zgw.ResourceURL(ctx, onderdeelCollecties[resource], id)
}

// onderdeelCollecties are the collections of the other sub-resources, by
// the resource name in their event types.
var onderdeelCollecties = map[string]string{
	"status": "statussen", "resultaat": "resultaten", "rol": "rollen", "zaakobject": "zaakobjecten",
	"zaakinformatieobject": "zaakinformatieobjecten", "klantcontact": "klantcontacten",
	"zaakcontactmoment": "zaakcontactmomenten", "zaakverzoek": "zaakverzoeken",
}

// auditOnderdelen are the readers of the sub-resources by the resource
// name in their event types; their wire forms render the representations.
var auditOnderdelen = map[string]onderdeel{
	"status": statusOnderdeel, "resultaat": resultaatOnderdeel, "rol": rolOnderdeel,
	"zaakobject": zaakobjectOnderdeel, "zaakeigenschap": zaakeigenschapOnderdeel,
	"zaakinformatieobject": zioOnderdeel, "klantcontact": klantcontactOnderdeel,
	"zaakbesluit": zaakbesluitOnderdeel, "zaakcontactmoment": zaakContactMomentOnderdeel,
	"zaakverzoek": zaakVerzoekOnderdeel,
}

// onderdeelWeergave is the full representation of sub-resource id of zaak
// with gegevens, for wijzigingen: its GET wire form rendered from the
// event's gegevens, which are what the read model's data column holds.
// What the read model derives from other resources is as the event knows
// it: a status lists no zaakinformatieobjecten.
func onderdeelWeergave(ctx context.Context, resource, zaak, id string, gegevens json.RawMessage) (any, error) {
	o, ok := auditOnderdelen[resource]
	if !ok {
		return nil, fmt.Errorf("audittrail: no representation of %s", resource)
	}
	return o.wire(ctx, onderdeelRow{uuid: id, zaak: zaak, data: gegevens})
}
