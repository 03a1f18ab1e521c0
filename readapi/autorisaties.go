package readapi

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/autorisaties"
	"github.com/zaakregister/zaakregister/zgw"
)

// Autorisaties serves the reads of the Autorisaties API from schema ac.
type Autorisaties struct {
	Pool *pgxpool.Pool
}

// applicatieRow is one row of ac.applicaties.
type applicatieRow struct {
	UUID                  string
	ClientIDs             []string
	Label                 string
	HeeftAlleAutorisaties bool
	Autorisaties          []autorisaties.Autorisatie
}

const applicatieColumns = `uuid::text, client_ids, label, heeft_alle_autorisaties, autorisaties`

func scanApplicatie(row pgx.Row) (applicatieRow, error) {
	var a applicatieRow
	var auth []byte
	if err := row.Scan(&a.UUID, &a.ClientIDs, &a.Label, &a.HeeftAlleAutorisaties, &auth); err != nil {
		return a, err
	}
	return a, json.Unmarshal(auth, &a.Autorisaties)
}

// applicatie is the wire form of an Applicatie (autorisaties-1.0.0).
type applicatie struct {
	URL                   string        `json:"url"`
	ClientIDs             []string      `json:"clientIds"`
	Label                 string        `json:"label"`
	HeeftAlleAutorisaties bool          `json:"heeftAlleAutorisaties"`
	Autorisaties          []autorisatie `json:"autorisaties"`
}

type autorisatie struct {
	Component                      string   `json:"component"`
	ComponentWeergave              string   `json:"componentWeergave"`
	Scopes                         []string `json:"scopes"`
	Zaaktype                       *string  `json:"zaaktype,omitempty"`
	Informatieobjecttype           *string  `json:"informatieobjecttype,omitempty"`
	Besluittype                    *string  `json:"besluittype,omitempty"`
	MaxVertrouwelijkheidaanduiding *string  `json:"maxVertrouwelijkheidaanduiding,omitempty"`
}

var componentWeergave = map[autorisaties.Component]string{
	autorisaties.AC: "Autorisaties API", autorisaties.NRC: "Notificaties API", autorisaties.ZRC: "Zaken API",
	autorisaties.ZTC: "Catalogi API", autorisaties.DRC: "Documenten API", autorisaties.BRC: "Besluiten API",
}

// wire renders a row; a component shows the type fields that belong to it.
func (a applicatieRow) wire(ctx context.Context) applicatie {
	out := applicatie{
		URL: zgw.ResourceURL(ctx, "applicaties", a.UUID), ClientIDs: a.ClientIDs, Label: a.Label,
		HeeftAlleAutorisaties: a.HeeftAlleAutorisaties, Autorisaties: make([]autorisatie, 0, len(a.Autorisaties)),
	}
	for _, au := range zgw.RenderRefs(ctx, a.Autorisaties) {
		w := autorisatie{Component: string(au.Component), ComponentWeergave: componentWeergave[au.Component], Scopes: au.Scopes}
		if w.Scopes == nil {
			w.Scopes = []string{}
		}
		max := au.MaxVertrouwelijkheidaanduiding
		switch au.Component {
		case autorisaties.ZRC:
			w.Zaaktype, w.MaxVertrouwelijkheidaanduiding = &au.Zaaktype, &max
		case autorisaties.DRC:
			w.Informatieobjecttype, w.MaxVertrouwelijkheidaanduiding = &au.Informatieobjecttype, &max
		case autorisaties.BRC:
			w.Besluittype = &au.Besluittype
		}
		out.Autorisaties = append(out.Autorisaties, w)
	}
	return out
}

func (s *Autorisaties) get(ctx context.Context, uuid string) (applicatieRow, error) {
	if uuid == "" {
		return applicatieRow{}, domain.NotFound("Niet gevonden.")
	}
	a, err := scanApplicatie(s.Pool.QueryRow(ctx, `SELECT `+applicatieColumns+` FROM ac.applicaties WHERE uuid = $1`, uuid))
	if errors.Is(err, pgx.ErrNoRows) {
		return a, domain.NotFound("Niet gevonden.")
	}
	return a, err
}

// Render writes applicatie uuid with status; the write endpoints use it to
// answer with exactly what a GET returns.
func (s *Autorisaties) Render(w http.ResponseWriter, r *http.Request, status int, uuid string) {
	a, err := s.get(r.Context(), uuid)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	zgw.WriteJSON(w, r, status, a.wire(r.Context()))
}

// Read handles GET /applicaties/{uuid}.
func (s *Autorisaties) Read(w http.ResponseWriter, r *http.Request) {
	s.Render(w, r, http.StatusOK, zgw.PathUUID(r))
}

// Consumer handles GET /applicaties/consumer?clientId=. It answers with one
// Applicatie, as the reference implementation does (the OAS says array; see
// docs/conformance.md).
func (s *Autorisaties) Consumer(w http.ResponseWriter, r *http.Request) {
	clientID := r.URL.Query().Get("clientId")
	if clientID == "" {
		zgw.WriteError(w, r, domain.Invalid("clientId", "required", "Dit veld is vereist."))
		return
	}
	a, err := scanApplicatie(s.Pool.QueryRow(r.Context(),
		`SELECT `+applicatieColumns+` FROM ac.applicaties WHERE client_ids @> ARRAY[$1::text]`, clientID))
	if errors.Is(err, pgx.ErrNoRows) {
		err = domain.NotFound("Geen applicatie met deze clientId.")
	}
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	zgw.WriteJSON(w, r, http.StatusOK, a.wire(r.Context()))
}

// List handles GET /applicaties (filter clientIds, paginated).
func (s *Autorisaties) List(w http.ResponseWriter, r *http.Request) {
	page, err := zgw.PageParam(r)
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	var ids []string
	if v := r.URL.Query().Get("clientIds"); v != "" {
		ids = strings.Split(v, ",")
	}
	rows, err := s.Pool.Query(r.Context(), `SELECT `+applicatieColumns+`, count(*) OVER ()
		FROM ac.applicaties WHERE ($1::text[] IS NULL OR client_ids && $1)
		ORDER BY created_commit, created_prepare LIMIT $2 OFFSET $3`, ids, pageSize, zgw.Offset(page, pageSize))
	if err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	defer rows.Close()
	results := []applicatie{}
	count := 0
	for rows.Next() {
		var a applicatieRow
		var auth []byte
		if err := rows.Scan(&a.UUID, &a.ClientIDs, &a.Label, &a.HeeftAlleAutorisaties, &auth, &count); err != nil {
			zgw.WriteError(w, r, err)
			return
		}
		if err := json.Unmarshal(auth, &a.Autorisaties); err != nil {
			zgw.WriteError(w, r, err)
			return
		}
		results = append(results, a.wire(r.Context()))
	}
	if err := rows.Err(); err != nil {
		zgw.WriteError(w, r, err)
		return
	}
	zgw.WritePage(w, r, page, pageSize, count, results)
}

// RightsSource reads the rights of a client from the read model.
func (s *Autorisaties) Rights(ctx context.Context, clientID string) (*autorisaties.Rights, error) {
	a, err := scanApplicatie(s.Pool.QueryRow(ctx,
		`SELECT `+applicatieColumns+` FROM ac.applicaties WHERE client_ids @> ARRAY[$1::text]`, clientID))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &autorisaties.Rights{ApplicatieUUID: a.UUID, Label: a.Label, HeeftAlleAutorisaties: a.HeeftAlleAutorisaties, Autorisaties: a.Autorisaties}, nil
}

// RightsCache keeps the rights of recently seen clients in memory. Flush
// empties it; the runtime calls it, in every process, once the autorisaties
// projection has applied a change, so a PATCH takes effect at once.
type RightsCache struct {
	Source interface {
		Rights(ctx context.Context, clientID string) (*autorisaties.Rights, error)
	}

	mu         sync.RWMutex
	entries    map[string]*autorisaties.Rights
	generation uint64
}

// Rights returns the cached rights of clientID, loading them when needed.
func (c *RightsCache) Rights(ctx context.Context, clientID string) (*autorisaties.Rights, error) {
	c.mu.RLock()
	r, ok := c.entries[clientID]
	gen := c.generation
	c.mu.RUnlock()
	if ok {
		return r, nil
	}
	r, err := c.Source.Rights(ctx, clientID)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	// A flush while loading means r may predate it: use it, don't keep it.
	if c.generation == gen {
		if c.entries == nil {
			c.entries = map[string]*autorisaties.Rights{}
		}
		c.entries[clientID] = r
	}
	c.mu.Unlock()
	return r, nil
}

// Flush forgets every cached entry.
func (c *RightsCache) Flush() {
	c.mu.Lock()
	c.entries = nil
	c.generation++
	c.mu.Unlock()
}
