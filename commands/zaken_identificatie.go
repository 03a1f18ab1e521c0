package commands

import (
	"context"
	"errors"
	"fmt"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/zaken"
	"github.com/zaakregister/zaakregister/eventstore"
)

// Identificaties gives zaken their identificatie (zrc-002): unique within
// the bronorganisatie under any concurrency, enforced by the event store
// itself (a reservation stream per identificatie, first appended expecting
// no stream), and, when the registry generates it, never handed out twice
// (a number series per bronorganisatie and year, only ever appended to).
type Identificaties struct {
	Base
}

// maxSkips bounds how many generated numbers may already be taken by
// clients that chose them themselves before Reserve gives up.
const maxSkips = 1000

// Reserve takes identificatie for zaak within bronorganisatie and returns
// it; an empty identificatie is generated ("ZAAK-<year>-<number>"). A
// client's identificatie that another zaak holds is a validation error on
// field identificatie with code identificatie-niet-uniek.
func (g *Identificaties) Reserve(ctx context.Context, meta eventstore.Metadata, bronorganisatie, identificatie, zaak string) (string, error) {
	if identificatie != "" {
		return identificatie, g.reserve(ctx, meta, bronorganisatie, identificatie, zaak)
	}
	jaar := g.Clock.Now().Year()
	for skipped := 0; skipped < maxSkips; skipped++ {
		res, err := g.append(ctx, meta, zaken.NummerreeksStream(bronorganisatie, jaar), eventstore.Any(),
			[]domain.Event{zaken.IdentificatieUitgegeven{Bronorganisatie: bronorganisatie, Jaar: jaar, Zaak: zaak}})
		if err != nil {
			return "", fmt.Errorf("identificatie: number series: %w", err)
		}
		id := zaken.GegenereerdeIdentificatie(jaar, res.Revision+1)
		err = g.reserve(ctx, meta, bronorganisatie, id, zaak)
		if !isNietUniek(err) {
			return id, err
		}
		// A client chose this number for a zaak of its own: take the next.
	}
	return "", fmt.Errorf("identificatie: %d generated numbers in a row were taken", maxSkips)
}

// reserve appends the reservation of identificatie; a lost race is reported
// as the identificatie being taken, which it then is.
func (g *Identificaties) reserve(ctx context.Context, meta eventstore.Metadata, bronorganisatie, identificatie, zaak string) error {
	r := zaken.NewIdentificatieReservering(bronorganisatie, identificatie)
	stream := zaken.IdentificatieStream(bronorganisatie, identificatie)
	expected, err := g.load(ctx, stream, zaken.Decode, r.Apply)
	if err != nil {
		return err
	}
	events, err := r.Reserveer(zaak)
	if err != nil || len(events) == 0 {
		return err
	}
	_, err = g.append(ctx, meta, stream, expected, events)
	if errors.Is(err, eventstore.ErrWrongExpectedRevision) {
		return domain.Invalid("identificatie", zaken.CodeIdentificatieNietUniek,
			"Deze identificatie bestaat al binnen de bronorganisatie.")
	}
	return err
}

func isNietUniek(err error) bool {
	var e *domain.Error
	return errors.As(err, &e) && e.Kind == domain.KindInvalid && len(e.Params) == 1 &&
		e.Params[0].Code == zaken.CodeIdentificatieNietUniek
}
