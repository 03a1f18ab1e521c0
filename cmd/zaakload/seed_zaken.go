package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
)

// zaakSeeder writes zaken in batches: per batch one append of the
// batch's numbers to the nummerreeks, then one transaction holding, per
// zaak, the reservation of its identificatie and one append of its whole
// history to its stream.
type zaakSeeder struct {
	w    *logWriter
	cat  []*seededZaaktype
	cfg  seedConfig
	jaar int
	now  time.Time
}

// writeZaken writes cfg.Zaken zaken spread over cat, cfg.Workers batches
// at a time, and prints progress every ten seconds.
func writeZaken(ctx context.Context, w *logWriter, cat []*seededZaaktype, cfg seedConfig, out io.Writer) error {
	now := time.Now().UTC()
	s := &zaakSeeder{w: w, cat: cat, cfg: cfg, jaar: now.Year(), now: now}
	var written atomic.Int64
	stop, stopped := make(chan struct{}), make(chan struct{})
	defer func() { close(stop); <-stopped }()
	go func() {
		defer close(stopped)
		start := time.Now()
		tick := time.NewTicker(10 * time.Second)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				n := written.Load()
				fmt.Fprintf(out, "  %d/%d zaken (%.0f zaken/s)\n", n, cfg.Zaken, float64(n)/time.Since(start).Seconds())
			case <-stop:
				return
			}
		}
	}()
	batches := (cfg.Zaken + cfg.Batch - 1) / cfg.Batch
	return parallel(ctx, cfg.Workers, batches, func(ctx context.Context, b int) error {
		from := b * cfg.Batch
		n := min(cfg.Batch, cfg.Zaken-from)
		if err := s.writeBatch(ctx, from, n); err != nil {
			return fmt.Errorf("zaken %d..%d: %w", from, from+n-1, err)
		}
		written.Add(int64(n))
		return nil
	})
}

// writeBatch writes zaken from..from+n-1 in one transaction.
func (s *zaakSeeder) writeBatch(ctx context.Context, from, n int) error {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = uuid.NewString()
	}
	nummers, err := s.numbers(ctx, ids)
	if err != nil {
		return err
	}
	tx, err := s.w.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx) //nolint:errcheck // after Commit a no-op
	// A crash loses at most the last batches, which a seed does not mind;
	// not waiting for the WAL flush roughly doubles the write rate.
	if _, err := tx.Exec(ctx, `SET LOCAL synchronous_commit TO off`); err != nil {
		return err
	}
	for i, id := range ids {
		rng := rand.New(rand.NewPCG(s.cfg.Seed, uint64(from+i)))
		zt := s.cat[rng.IntN(len(s.cat))]
		identificatie, err := s.reserve(ctx, tx, id, nummers[i])
		if err != nil {
			return err
		}
		events, err := s.decide(rng, id, identificatie, zt)
		if err != nil {
			return fmt.Errorf("zaak %s: %w", identificatie, err)
		}
		if _, err := s.w.appendTx(ctx, tx, zaken.ZaakStream(id), eventstore.NoStream(), events); err != nil {
			return err
		}
	}
	return tx.Commit(ctx)
}

// numbers hands out the next volgnummers of the nummerreeks of this year,
// one IdentificatieUitgegeven per zaak in one append, as
// commands.Identificaties does one at a time: the revision of each event is
// its volgnummer minus one, so no number is ever handed out twice, also
// not across seed runs or to the registry's own creates.
func (s *zaakSeeder) numbers(ctx context.Context, ids []string) ([]uint64, error) {
	events := make([]domain.Event, len(ids))
	for i, id := range ids {
		events[i] = zaken.IdentificatieUitgegeven{Bronorganisatie: s.cfg.RSIN, Jaar: s.jaar, Zaak: id}
	}
	res, err := s.w.append(ctx, zaken.NummerreeksStream(s.cfg.RSIN, s.jaar), eventstore.Any(), events)
	if err != nil {
		return nil, fmt.Errorf("number series: %w", err)
	}
	first := res.Revision + 2 - uint64(len(ids))
	out := make([]uint64, len(ids))
	for i := range out {
		out[i] = first + uint64(i)
	}
	return out, nil
}

// maxSkips bounds how many generated identificaties in a row may already
// be taken (by clients that chose them themselves).
const maxSkips = 1000

// reserve appends, in tx, the reservation of the generated identificatie
// of volgnummer for zaak (zrc-002), expecting no stream as the registry
// does; when a client holds that identificatie, the next number is taken.
func (s *zaakSeeder) reserve(ctx context.Context, tx pgx.Tx, zaak string, volgnummer uint64) (string, error) {
	for range maxSkips {
		id := zaken.GegenereerdeIdentificatie(s.jaar, volgnummer)
		events, err := zaken.NewIdentificatieReservering(s.cfg.RSIN, id).Reserveer(zaak)
		if err != nil {
			return "", err
		}
		_, err = s.w.appendTx(ctx, tx, zaken.IdentificatieStream(s.cfg.RSIN, id), eventstore.NoStream(), events)
		if !errors.Is(err, eventstore.ErrWrongExpectedRevision) {
			return id, err
		}
		next, err := s.numbers(ctx, []string{zaak})
		if err != nil {
			return "", err
		}
		volgnummer = next[0]
	}
	return "", fmt.Errorf("identificatie: %d generated numbers in a row were taken", maxSkips)
}

// decide lets the Zaak aggregate decide the whole history of one zaak of
// zaaktype zt: created some time in the last three years, two rollen, two
// zaakeigenschappen, one to three statussen, and about half of them closed
// with a resultaat and the eindstatus.
func (s *zaakSeeder) decide(rng *rand.Rand, id, identificatie string, zt *seededZaaktype) ([]domain.Event, error) {
	start := catalogi.DateOf(s.now).AddDays(-30 - rng.IntN(3*365))
	t := start.Time().Add(time.Duration(8*60+rng.IntN(9*60)) * time.Minute)
	z := zaken.NewZaak(id, domain.FixedClock{T: t})
	f, geen := zt.feiten, zaken.Bevoegdheden{}
	var out []domain.Event
	var err error
	add := func(events []domain.Event, e error) {
		out = append(out, events...)
		err = errors.Join(err, e)
	}
	add(z.Create(zaken.ZaakGegevens{
		Identificatie: identificatie, Bronorganisatie: s.cfg.RSIN, VerantwoordelijkeOrganisatie: s.cfg.RSIN,
		Zaaktype: zt.url, Omschrijving: zt.omschrijving, Startdatum: start, Registratiedatum: start,
		EinddatumGepland: start.AddDays(zt.dagen), UiterlijkeEinddatumAfdoening: start.AddDays(zt.dagen + 42),
	}, f))
	add(z.AddRol(uuid.NewString(), aanvrager(rng, zt.roltypen[0]), f, geen))
	add(z.AddRol(uuid.NewString(), behandelaar(rng, zt.roltypen[1]), f, geen))
	add(z.AddZaakEigenschap(uuid.NewString(), zaken.ZaakEigenschapGegevens{Eigenschap: zt.eigenschappen["kenmerk_aanvrager"],
		Waarde: fmt.Sprintf("KNM-%08d", rng.IntN(100_000_000))}, f, geen))
	add(z.AddZaakEigenschap(uuid.NewString(), zaken.ZaakEigenschapGegevens{Eigenschap: zt.eigenschappen["einddatum"],
		Waarde: start.AddDays(365 * (1 + rng.IntN(5))).String()}, f, geen))
	closed := rng.IntN(2) == 0
	statussen := 1 + rng.IntN(3)
	if closed {
		statussen = max(1, statussen-1) // the eindstatus follows
	}
	statussen = min(statussen, len(zt.statustypen)-1)
	for k := range statussen {
		t = t.Add(time.Duration(1+rng.IntN(96)) * time.Hour)
		add(z.AddStatus(uuid.NewString(), zaken.StatusGegevens{Statustype: zt.statustypen[k], DatumStatusGezet: t,
			Statustoelichting: statustypen[k]}, f, geen))
	}
	if closed {
		add(z.AddResultaat(uuid.NewString(), zaken.ResultaatGegevens{
			Resultaattype: zt.resultaattypen[rng.IntN(len(zt.resultaattypen))]}, f, geen))
		t = t.Add(time.Duration(1+rng.IntN(96)) * time.Hour)
		add(z.AddStatus(uuid.NewString(), zaken.StatusGegevens{Statustype: zt.statustypen[len(zt.statustypen)-1],
			DatumStatusGezet: t, Statustoelichting: "Afgehandeld"}, f, geen))
	}
	return out, err
}

// Names for the betrokkenen.
var (
	voornamen  = []string{"Jan", "Fatima", "Pieter", "Sanne", "Mohamed", "Anouk", "Kees", "Lotte", "Daan", "Emma"}
	achternaam = []string{"Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Yilmaz"}
	teams      = []string{"Vergunningen", "Handhaving", "Sociaal Domein", "Burgerzaken", "Belastingen"}
)

// aanvrager is the initiator of a zaak: mostly a natuurlijk persoon with a
// BSN, sometimes a niet-natuurlijk persoon or a vestiging.
func aanvrager(rng *rand.Rand, roltype string) zaken.RolGegevens {
	g := zaken.RolGegevens{Roltype: roltype, Roltoelichting: "Aanvrager van de zaak"}
	switch n := rng.IntN(10); {
	case n < 7:
		g.BetrokkeneType = "natuurlijk_persoon"
		g.BetrokkeneIdentificatie = rawJSON(map[string]any{"inpBsn": elfproef(rng),
			"geslachtsnaam": achternaam[rng.IntN(len(achternaam))], "voornamen": voornamen[rng.IntN(len(voornamen))],
			"geslachtsaanduiding": []string{"m", "v", "o"}[rng.IntN(3)],
			"geboortedatum":       catalogi.NewDate(1940+rng.IntN(65), time.Month(1+rng.IntN(12)), 1+rng.IntN(28)).String()})
	case n < 9:
		g.BetrokkeneType = "niet_natuurlijk_persoon"
		g.BetrokkeneIdentificatie = rawJSON(map[string]any{"innNnpId": elfproef(rng),
			"statutaireNaam": achternaam[rng.IntN(len(achternaam))] + " B.V."})
	default:
		g.BetrokkeneType = "vestiging"
		g.BetrokkeneIdentificatie = rawJSON(map[string]any{"vestigingsNummer": fmt.Sprintf("%012d", rng.Int64N(1_000_000_000_000)),
			"handelsnaam": []string{achternaam[rng.IntN(len(achternaam))] + " en Zonen"}})
	}
	return g
}

// behandelaar is who handles the zaak: mostly a medewerker, sometimes a
// team (organisatorische eenheid).
func behandelaar(rng *rand.Rand, roltype string) zaken.RolGegevens {
	g := zaken.RolGegevens{Roltype: roltype, Roltoelichting: "Behandelaar van de zaak"}
	if rng.IntN(5) > 0 {
		g.BetrokkeneType = "medewerker"
		g.BetrokkeneIdentificatie = rawJSON(map[string]any{"identificatie": fmt.Sprintf("mw%05d", rng.IntN(500)),
			"achternaam": achternaam[rng.IntN(len(achternaam))], "voorletters": voornamen[rng.IntN(len(voornamen))][:1] + "."})
		return g
	}
	team := teams[rng.IntN(len(teams))]
	g.BetrokkeneType = "organisatorische_eenheid"
	g.BetrokkeneIdentificatie = rawJSON(map[string]any{"identificatie": fmt.Sprintf("OE-%02d", rng.IntN(len(teams))),
		"naam": "Team " + team, "isGehuisvestIn": ""})
	return g
}

// elfproef returns nine random digits that pass the 11-proef of BSN and
// RSIN.
func elfproef(rng *rand.Rand) string {
	for {
		var d [9]int
		sum := 0
		for i := range 8 {
			d[i] = rng.IntN(10)
			sum += d[i] * (9 - i)
		}
		if d[0] == 0 || sum%11 == 10 {
			continue
		}
		d[8] = sum % 11
		return fmt.Sprintf("%d%d%d%d%d%d%d%d%d", d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8])
	}
}

// rawJSON marshals v, which holds only strings and lists of them.
func rawJSON(v map[string]any) json.RawMessage {
	b, _ := json.Marshal(v) // cannot fail for these values
	return b
}
