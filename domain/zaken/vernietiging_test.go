package zaken

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
)

// opgeslagen turns decided events into the stored history of one stream,
// one minute apart from start.
func opgeslagen(t *testing.T, start time.Time, events ...domain.Event) []OpgeslagenEvent {
	t.Helper()
	var out []OpgeslagenEvent
	for i, e := range events {
		data, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, OpgeslagenEvent{ID: "e0000000-0000-4000-8000-00000000000" + string(rune('0'+i)),
			Type: e.EventType(), Revision: uint64(i), Data: data, Tijd: start.Add(time.Duration(i) * time.Minute)})
	}
	return out
}

// verwijderdeZaak is the history of a zaak with a rol, then deleted.
func verwijderdeZaak(t *testing.T) []OpgeslagenEvent {
	t.Helper()
	z := NewZaak(zaakUUID, clock())
	var events []domain.Event
	add := func(es []domain.Event, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		events = append(events, es...)
	}
	add(z.Create(ZaakGegevens{Identificatie: "ZAAK-1", Bronorganisatie: rsin, VerantwoordelijkeOrganisatie: rsin,
		Zaaktype: zaaktype, Startdatum: catalogi.MustDate("2025-01-01")}, feiten()))
	add(z.AddRol("b3000000-0000-4000-8000-000000000001", RolGegevens{BetrokkeneType: "natuurlijk_persoon", Roltype: roltype,
		Roltoelichting: "aanvrager", BetrokkeneIdentificatie: json.RawMessage(`{"inpBsn":"111222333"}`)}, feiten(), Bevoegdheden{}))
	add(z.Delete(Bevoegdheden{}))
	return opgeslagen(t, now, events...)
}

func TestVernietig(t *testing.T) {
	history := verwijderdeZaak(t)
	deleted := history[len(history)-1].Tijd
	term := 30 * 24 * time.Hour

	t.Run("Record", func(t *testing.T) {
		got, err := Vernietig(zaakUUID, history, deleted.Add(term), term)
		if err != nil {
			t.Fatal(err)
		}
		want := ZaakVernietigd{Zaak: zaakUUID, Identificatie: "ZAAK-1", Bronorganisatie: rsin, Zaaktype: zaaktype,
			VerwijderdOp: deleted, Bewaartermijn: "720h0m0s", AantalEvents: 3, LaatsteRevisie: 2, SHA256: HistorieHash(history)}
		if got != want {
			t.Fatalf("record\n%+v\nwant\n%+v", got, want)
		}
		if got.EventType() != "zaken.zaak.vernietigd" {
			t.Fatalf("type %q", got.EventType())
		}
		back, err := Decode(TypeZaakVernietigd, mustJSON(t, got))
		if err != nil || back != got {
			t.Fatalf("decoded %+v, %v", back, err)
		}
	})
	t.Run("ErrBewaartermijnLoopt", func(t *testing.T) {
		_, err := Vernietig(zaakUUID, history, deleted.Add(term-time.Second), term)
		if !errors.Is(err, ErrBewaartermijnLoopt) {
			t.Fatalf("one second early: %v", err)
		}
	})
	t.Run("ZeroTermAtOnce", func(t *testing.T) {
		if _, err := Vernietig(zaakUUID, history, deleted, 0); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ErrNietVerwijderd", func(t *testing.T) {
		live := history[:len(history)-1]
		_, err := Vernietig(zaakUUID, live, deleted.Add(term), term)
		if !errors.Is(err, ErrNietVerwijderd) {
			t.Fatalf("a live zaak: %v", err)
		}
		_, err = Vernietig("5a5a5a5a-0000-4000-8000-000000000099", history, deleted.Add(term), term)
		if !errors.Is(err, ErrNietVerwijderd) {
			t.Fatalf("another zaak's stream: %v", err)
		}
	})
	t.Run("GeschiedenisOnvolledig", func(t *testing.T) {
		for name, h := range map[string][]OpgeslagenEvent{"empty": nil, "gap": {history[0], history[2]}, "tail": history[1:]} {
			_, err := Vernietig(zaakUUID, h, deleted.Add(term), term)
			var de *domain.Error
			if !errors.As(err, &de) || de.Code != CodeGeschiedenisOnvolledig {
				t.Errorf("%s: %v", name, err)
			}
		}
	})
}

// TestHistorieHash pins the documented encoding, so that an auditor's
// recomputation (docs/retention.md) keeps matching.
func TestHistorieHash(t *testing.T) {
	events := []OpgeslagenEvent{
		{ID: "id-1", Type: "zaken.zaak.aangemaakt", Data: []byte(`{"a":1}`)},
		{ID: "id-2", Type: "zaken.zaak.verwijderd", Data: []byte(`{}`)},
	}
	var buf []byte
	for _, e := range events {
		for _, f := range [][]byte{[]byte(e.ID), []byte(e.Type), e.Data} {
			buf = append(buf, 0, 0, 0, 0, 0, 0, 0, byte(len(f)))
			buf = append(buf, f...)
		}
	}
	sum := sha256.Sum256(buf)
	if got, want := HistorieHash(events), hex.EncodeToString(sum[:]); got != want {
		t.Fatalf("hash %s, want %s", got, want)
	}
	// Moving bytes between fields changes the hash.
	shifted := []OpgeslagenEvent{{ID: "id-1z", Type: "aken.zaak.aangemaakt", Data: events[0].Data}, events[1]}
	if HistorieHash(shifted) == HistorieHash(events) {
		t.Fatal("the field boundaries are not part of the hash")
	}
	if HistorieHash(events[:1]) == HistorieHash(events) {
		t.Fatal("a missing event does not change the hash")
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
