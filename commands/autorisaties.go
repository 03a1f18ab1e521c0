package commands

import (
	"context"
	"errors"
	"net/http"
	"slices"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/eventstore"
	"github.com/zaakregister/zaakregister/zgw"
)

// Autorisaties handles the writes of the Autorisaties API.
type Autorisaties struct {
	Base
	Render Renderer
	// Projections are those a write waits for before it answers: the read
	// model and the in-process rights cache.
	Projections []string
}

// applicatieStream and clientIDStream name the streams of this context.
func applicatieStream(uuid string) string { return "autorisaties.applicatie-" + uuid }
func clientIDStream(id string) string     { return "autorisaties.clientid-" + id }

// applicatieBody is the request body of POST, PUT and PATCH; pointers tell
// a missing field from an empty one.
type applicatieBody struct {
	ClientIDs             *[]string          `json:"clientIds"`
	Label                 *string            `json:"label"`
	HeeftAlleAutorisaties *bool              `json:"heeftAlleAutorisaties"`
	Autorisaties          *[]autorisatieBody `json:"autorisaties"`
}

type autorisatieBody struct {
	Component                      string   `json:"component"`
	Scopes                         []string `json:"scopes"`
	Zaaktype                       string   `json:"zaaktype" ref:"catalogi/zaaktypen"`
	Informatieobjecttype           string   `json:"informatieobjecttype" ref:"catalogi/informatieobjecttypen"`
	Besluittype                    string   `json:"besluittype" ref:"catalogi/besluittypen"`
	MaxVertrouwelijkheidaanduiding string   `json:"maxVertrouwelijkheidaanduiding"`
}

// readOnly are response fields a client may send back unchanged.
var applicatieReadOnly = []string{"url", "autorisaties.componentWeergave"}

// over applies the fields present in b on top of g.
func (b applicatieBody) over(g autorisaties.Gegevens) autorisaties.Gegevens {
	if b.ClientIDs != nil {
		g.ClientIDs = *b.ClientIDs
	}
	if b.Label != nil {
		g.Label = *b.Label
	}
	if b.HeeftAlleAutorisaties != nil {
		g.HeeftAlleAutorisaties = *b.HeeftAlleAutorisaties
	}
	if b.Autorisaties != nil {
		g.Autorisaties = make([]autorisaties.Autorisatie, len(*b.Autorisaties))
		for i, a := range *b.Autorisaties {
			g.Autorisaties[i] = autorisaties.Autorisatie{
				Component: autorisaties.Component(a.Component), Scopes: a.Scopes,
				Zaaktype: a.Zaaktype, Informatieobjecttype: a.Informatieobjecttype, Besluittype: a.Besluittype,
				MaxVertrouwelijkheidaanduiding: a.MaxVertrouwelijkheidaanduiding,
			}
		}
	}
	return g
}

// Create handles POST /applicaties.
func (h *Autorisaties) Create(w http.ResponseWriter, r *http.Request) {
	var body applicatieBody
	d, err := decodeBody(r, &body, applicatieReadOnly...)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	id, err := h.createApplicatie(r.Context(), Metadata(r), body.over(autorisaties.Gegevens{}), d.schema)
	created(w, r, err, h.Render, zgw.ResourceURL(r.Context(), "applicaties", id), id)
}

// CreateApplicatie creates an applicatie and returns its uuid.
func (h *Autorisaties) CreateApplicatie(ctx context.Context, meta eventstore.Metadata, g autorisaties.Gegevens) (string, error) {
	return h.createApplicatie(ctx, meta, g, nil)
}

// createApplicatie is CreateApplicatie for a request whose body has the
// faults schema against the OAS; they count where the domain finds none on
// the same field (combine).
func (h *Autorisaties) createApplicatie(ctx context.Context, meta eventstore.Metadata, g autorisaties.Gegevens, schema error) (string, error) {
	id := newUUID()
	a := autorisaties.NewApplicatie(id)
	events, err := a.Create(g)
	if err := combine(err, schema); err != nil {
		return "", err
	}
	return id, h.write(ctx, meta, id, eventstore.NoStream(), events, a.Gegevens().ClientIDs, nil)
}

// Update handles PUT (partial=false) and PATCH (partial=true) of
// /applicaties/{uuid}.
func (h *Autorisaties) Update(partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id := zgw.PathUUID(r)
		var body applicatieBody
		d, err := decodeBody(r, &body, applicatieReadOnly...)
		if err != nil {
			zgw.WriteError(w, r, err)
			return
		}
		a, expected, err := h.load(r.Context(), id)
		if err != nil {
			zgw.WriteError(w, r, err)
			return
		}
		old := a.Gegevens()
		base, actie := autorisaties.Gegevens{}, "update"
		if partial {
			base, actie = old, "partial_update"
		}
		events, err := a.Update(body.over(base), actie)
		err = combine(err, d.schema)
		if err == nil {
			now := a.Gegevens().ClientIDs
			err = h.write(r.Context(), Metadata(r), id, expected, events, without(now, old.ClientIDs), without(old.ClientIDs, now))
		}
		if err != nil {
			zgw.WriteError(w, r, err)
			return
		}
		h.Render.Render(w, r, http.StatusOK, id)
	}
}

// Delete handles DELETE /applicaties/{uuid}.
func (h *Autorisaties) Delete(w http.ResponseWriter, r *http.Request) {
	id := zgw.PathUUID(r)
	a, expected, err := h.load(r.Context(), id)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	clientIDs := a.Gegevens().ClientIDs
	events, err := a.Delete()
	if err == nil {
		err = h.write(r.Context(), Metadata(r), id, expected, events, nil, clientIDs)
	}
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *Autorisaties) load(ctx context.Context, id string) (*autorisaties.Applicatie, eventstore.ExpectedRevision, error) {
	if id == "" {
		return nil, eventstore.Any(), domain.NotFound("Niet gevonden.")
	}
	a := autorisaties.NewApplicatie(id)
	expected, err := h.Base.load(ctx, applicatieStream(id), autorisaties.Decode, a.Apply)
	if err != nil {
		return nil, expected, err
	}
	if !a.Exists() {
		return nil, expected, domain.NotFound("Niet gevonden.")
	}
	return a, expected, nil
}

// write claims the new client ids (ac-001), appends the applicatie's
// events, releases the client ids it gave up and waits for the read model.
// Claims come first so that a lost race leaves no applicatie with a client
// id it does not own; claims of a failed write are released again.
func (h *Autorisaties) write(ctx context.Context, meta eventstore.Metadata, id string, expected eventstore.ExpectedRevision, events []domain.Event, claim, release []string) error {
	var claimed []string
	var p domain.Problems
	for _, cid := range claim {
		err := h.claim(ctx, meta, id, cid, slices.Index(claim, cid))
		if err != nil && !p.Merge(err) {
			h.release(ctx, meta, id, claimed)
			return err
		}
		if err == nil {
			claimed = append(claimed, cid)
		}
	}
	if err := p.Err(); err != nil {
		h.release(ctx, meta, id, claimed)
		return err
	}
	res, err := h.append(ctx, meta, applicatieStream(id), expected, events)
	if err != nil {
		h.release(ctx, meta, id, claimed)
		return err
	}
	last := h.release(ctx, meta, id, release)
	if res.Position.Less(last) {
		res.Position = last
	}
	return h.await(ctx, res.Position, h.Projections...)
}

// claim takes client id cid for applicatie id, retrying when another claim
// raced it so that the loser learns ac-001 instead of a conflict.
func (h *Autorisaties) claim(ctx context.Context, meta eventstore.Metadata, id, cid string, index int) error {
	for attempt := 0; ; attempt++ {
		c := autorisaties.NewClientIDClaim(cid)
		expected, err := h.Base.load(ctx, clientIDStream(cid), autorisaties.Decode, c.Apply)
		if err != nil {
			return err
		}
		events, err := c.Claim(id, index)
		if err != nil || len(events) == 0 {
			return err
		}
		_, err = h.append(ctx, meta, clientIDStream(cid), expected, events)
		if !errors.Is(err, eventstore.ErrWrongExpectedRevision) || attempt == 3 {
			return err
		}
	}
}

// release gives up client ids; it returns the position of the last release
// so that the write waits for it too. A failed release is logged: the
// claim stays with a deleted applicatie until an operator frees it.
func (h *Autorisaties) release(ctx context.Context, meta eventstore.Metadata, id string, clientIDs []string) eventstore.Position {
	var last eventstore.Position
	for _, cid := range clientIDs {
		c := autorisaties.NewClientIDClaim(cid)
		expected, err := h.Base.load(ctx, clientIDStream(cid), autorisaties.Decode, c.Apply)
		if err == nil {
			var res eventstore.AppendResult
			if events := c.Release(id); len(events) > 0 {
				res, err = h.append(ctx, meta, clientIDStream(cid), expected, events)
				last = res.Position
			}
		}
		if err != nil {
			h.Log.Error("release client id", "client_id", cid, "applicatie", id, "error", err)
		}
	}
	return last
}

// ClientIDOwner returns the uuid of the applicatie that holds clientID, or "".
func (h *Autorisaties) ClientIDOwner(ctx context.Context, clientID string) (string, error) {
	c := autorisaties.NewClientIDClaim(clientID)
	_, err := h.Base.load(ctx, clientIDStream(clientID), autorisaties.Decode, c.Apply)
	return c.Owner(), err
}

// without returns the elements of a that are not in b.
func without(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}
