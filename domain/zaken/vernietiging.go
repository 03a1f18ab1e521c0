package zaken

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"time"

	"github.com/zaakregister/zaakregister/domain"
)

// VernietigingenStream is the one append-only stream of the records of
// destruction: one ZaakVernietigd per zaak whose event history was
// destroyed after the retention term (docs/retention.md). It is never
// deleted. One stream, not one per year, so that its last record is the
// only one whose destruction may still be unfinished: the purge finishes
// it before it appends the next, at the revision it read.
const VernietigingenStream = "zaken.vernietigingen"

// ZaakVernietigd records that the event history of a deleted zaak was
// destroyed: what zaak it was (no personal data), when it was deleted, and
// exactly what was destroyed. SHA256 is HistorieHash of the destroyed
// events, so an auditor can check a backup of the stream against it.
type ZaakVernietigd struct {
	Zaak            string    `json:"zaak"`
	Identificatie   string    `json:"identificatie"`
	Bronorganisatie string    `json:"bronorganisatie"`
	Zaaktype        string    `json:"zaaktype" ref:"catalogi/zaaktypen"`
	VerwijderdOp    time.Time `json:"verwijderdOp"`   // time of the ZaakVerwijderd
	Bewaartermijn   string    `json:"bewaartermijn"`  // the term in force, a Go duration ("720h0m0s")
	AantalEvents    int       `json:"aantalEvents"`   // events destroyed, ZaakVerwijderd included
	LaatsteRevisie  uint64    `json:"laatsteRevisie"` // revision of the ZaakVerwijderd
	SHA256          string    `json:"sha256"`         // lower-case hex
}

// EventType returns the stable name of the event.
func (ZaakVernietigd) EventType() string { return TypeZaakVernietigd }

// SchemaVersion returns the version of the event's JSON shape.
func (ZaakVernietigd) SchemaVersion() int { return localRefsVersion }

// OpgeslagenEvent is one event of a zaak stream as the event store gives it
// back: what the record of its destruction is made of. Tijd is the time in
// its metadata.
type OpgeslagenEvent struct {
	ID       string
	Type     string
	Revision uint64
	Data     []byte
	Tijd     time.Time
}

// Codes of the errors Vernietig returns.
const (
	CodeNietVerwijderd         = "zaak-niet-verwijderd"
	CodeBewaartermijnLoopt     = "bewaartermijn-loopt-nog"
	CodeGeschiedenisOnvolledig = "geschiedenis-onvolledig"
)

// Sentinels for errors.Is on the errors of Vernietig.
var (
	ErrNietVerwijderd     = &domain.Error{Kind: domain.KindConflict, Code: CodeNietVerwijderd}
	ErrBewaartermijnLoopt = &domain.Error{Kind: domain.KindConflict, Code: CodeBewaartermijnLoopt}
)

// Vernietig decides the destruction of the event history of zaak: the
// complete stream, from revision 0, whose last event is its ZaakVerwijderd,
// at least bewaartermijn before nu. It returns the record to append to
// VernietigingenStream before the stream is deleted at LaatsteRevisie.
// Errors: a conflict CodeNietVerwijderd when the last event is not a
// ZaakVerwijderd of zaak (a live zaak is never destroyed), a conflict
// CodeBewaartermijnLoopt when the term has not passed, an invalid
// CodeGeschiedenisOnvolledig when the history is empty or has gaps.
func Vernietig(zaak string, geschiedenis []OpgeslagenEvent, nu time.Time, bewaartermijn time.Duration) (ZaakVernietigd, error) {
	if len(geschiedenis) == 0 {
		return ZaakVernietigd{}, onvolledig("zaak %s has no events", zaak)
	}
	for i, e := range geschiedenis {
		if e.Revision != uint64(i) {
			return ZaakVernietigd{}, onvolledig("zaak %s: event %d has revision %d", zaak, i, e.Revision)
		}
	}
	last := geschiedenis[len(geschiedenis)-1]
	if last.Type != TypeZaakVerwijderd {
		return ZaakVernietigd{}, domain.Conflict(CodeNietVerwijderd,
			fmt.Sprintf("zaak %s: the last event is %s, not %s", zaak, last.Type, TypeZaakVerwijderd))
	}
	e, err := Decode(last.Type, last.Data)
	if err != nil {
		return ZaakVernietigd{}, err
	}
	verwijderd := e.(ZaakVerwijderd)
	if verwijderd.Zaak != zaak {
		return ZaakVernietigd{}, domain.Conflict(CodeNietVerwijderd,
			fmt.Sprintf("zaak %s: its stream ends with the deletion of zaak %s", zaak, verwijderd.Zaak))
	}
	if nu.Sub(last.Tijd) < bewaartermijn {
		return ZaakVernietigd{}, domain.Conflict(CodeBewaartermijnLoopt,
			fmt.Sprintf("zaak %s was deleted at %s; its term of %s has not passed", zaak, last.Tijd.Format(time.RFC3339), bewaartermijn))
	}
	return ZaakVernietigd{
		Zaak: zaak, Identificatie: verwijderd.Identificatie, Bronorganisatie: verwijderd.Kanaal.Bronorganisatie,
		Zaaktype: verwijderd.Kanaal.Zaaktype, VerwijderdOp: last.Tijd, Bewaartermijn: bewaartermijn.String(),
		AantalEvents: len(geschiedenis), LaatsteRevisie: last.Revision, SHA256: HistorieHash(geschiedenis),
	}, nil
}

// HistorieHash is the SHA-256, in lower-case hex, over the events in the
// order given: for each its ID, its Type and its Data, every one of the
// three written as its length in bytes (an unsigned 64-bit big-endian
// integer) followed by its bytes. The lengths make the encoding
// unambiguous; docs/retention.md shows how to recompute it from a backup.
func HistorieHash(events []OpgeslagenEvent) string {
	h := sha256.New()
	for _, e := range events {
		field(h, []byte(e.ID))
		field(h, []byte(e.Type))
		field(h, e.Data)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// field writes b with its length in front.
func field(h hash.Hash, b []byte) {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(b)))
	h.Write(n[:])
	h.Write(b)
}

func onvolledig(format string, args ...any) *domain.Error {
	return &domain.Error{Kind: domain.KindInvalid, Code: CodeGeschiedenisOnvolledig, Detail: fmt.Sprintf(format, args...)}
}
