package commands

import (
	"context"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/eventstore"
)

// The versioned types (zaaktype, informatieobjecttype, besluittype) share
// how their writes meet the Versies stream of their key, which holds the
// validity periods of the published versions (ztc-016). The Versies stream
// is always appended first: it is the lock that keeps two concurrent
// publications from overlapping. Every step is safe to repeat, so a write
// that failed halfway is finished by the client's retry.

// writeVersie loads version id of s, lets decide change it and appends
// the events. When the version is published and its period changed (a
// PATCH of eindeGeldigheid, a correctie) Versies.Wijzig is decided and
// appended first; when decide deleted a published version,
// Versies.Verwijder follows the delete.
func (h *Catalogi) writeVersie(ctx context.Context, meta eventstore.Metadata, s soortInfo, id string, decide func(v versie) ([]domain.Event, error)) error {
	var pos eventstore.Position
	var verwijderd *versieSleutel
	err := retry(func() error {
		v := s.new(id)
		expected, err := h.Base.load(ctx, s.stream(id), catalogi.Decode, v.Apply)
		if err != nil {
			return err
		}
		if !v.Exists() {
			return notFound()
		}
		published, catalogus, key := !v.IsConcept(), v.Catalogus(), s.key(v)
		events, err := decide(v)
		if err != nil || len(events) == 0 {
			return err
		}
		if published && v.Exists() {
			if pos, err = h.wijzig(ctx, meta, s, versieSleutel{catalogus, key}, id, v.Periode(), pos); err != nil {
				return err
			}
		}
		if pos, err = h.appendSome(ctx, meta, s.stream(id), expected, events, pos); err != nil {
			return err
		}
		if published && !v.Exists() {
			verwijderd = &versieSleutel{catalogus, key}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if verwijderd != nil {
		last, err := h.forget(ctx, meta, s, *verwijderd, id)
		if err != nil {
			return err
		}
		pos = later(pos, last)
	}
	return h.await(ctx, pos, h.Projections...)
}

// wijzig records the new period p of the published version id on the
// Versies stream of k, before the version's own stream learns it; a
// period that overlaps another version fails there (ztc-016).
func (h *Catalogi) wijzig(ctx context.Context, meta eventstore.Metadata, s soortInfo, k versieSleutel, id string, p catalogi.Periode, pos eventstore.Position) (eventstore.Position, error) {
	vs, expected, err := h.versies(ctx, s, k.catalogus, k.key)
	if err != nil {
		return pos, err
	}
	if _, ok := vs.Versie(id); !ok {
		return pos, nil
	}
	changed, err := vs.Wijzig(id, p)
	if err != nil {
		return pos, err
	}
	return h.appendSome(ctx, meta, vs.Stream(), expected, changed, pos)
}

// versieSleutel names a Versies stream: catalogus and key.
type versieSleutel struct{ catalogus, key string }

// forget removes the deleted version id from the Versies stream of k, so
// that its period no longer blocks others.
func (h *Catalogi) forget(ctx context.Context, meta eventstore.Metadata, s soortInfo, k versieSleutel, id string) (eventstore.Position, error) {
	var pos eventstore.Position
	err := retry(func() error {
		fresh, expected, err := h.versies(ctx, s, k.catalogus, k.key)
		if err != nil {
			return err
		}
		pos, err = h.appendSome(ctx, meta, fresh.Stream(), expected, fresh.Verwijder(id), pos)
		return err
	})
	return pos, err
}

// publish publishes version id of s: decide is the type's own Publish.
// Then Versies.Publiceer records the period (or Wijzig corrects it, on a
// retry after the period changed), the Versies stream is appended, then
// the type's stream, and last the predecessor that the new version
// succeeds gets its eindeGeldigheid (Beeindig). Publishing a published
// version only finishes what an earlier attempt left undone.
func (h *Catalogi) publish(ctx context.Context, meta eventstore.Metadata, s soortInfo, id string, decide func(v versie) ([]domain.Event, error)) error {
	var pos eventstore.Position
	var einden []catalogi.Beeindiging
	err := retry(func() error {
		v := s.new(id)
		expected, err := h.Base.load(ctx, s.stream(id), catalogi.Decode, v.Apply)
		if err != nil {
			return err
		}
		if !v.Exists() {
			return notFound()
		}
		events, err := decide(v)
		if err != nil {
			return err
		}
		vs, vexp, err := h.versies(ctx, s, v.Catalogus(), s.key(v))
		if err != nil {
			return err
		}
		var recorded []domain.Event
		if p, ok := vs.Versie(id); ok && p != v.Periode() {
			recorded, err = vs.Wijzig(id, v.Periode())
		} else if !ok {
			var pub catalogi.Publicatie
			pub, err = vs.Publiceer(id, v.Periode())
			recorded = pub.Events
		}
		if err != nil {
			return err
		}
		if pos, err = h.appendSome(ctx, meta, vs.Stream(), vexp, recorded, pos); err != nil {
			return err
		}
		if pos, err = h.appendSome(ctx, meta, s.stream(id), expected, events, pos); err != nil {
			return err
		}
		einden = voorgangers(vs, id, v.Periode().Begin)
		return nil
	})
	if err != nil {
		return err
	}
	for _, b := range einden {
		last, err := h.beeindig(ctx, meta, s, b)
		if err != nil {
			return err
		}
		pos = later(pos, last)
	}
	return h.await(ctx, pos, h.Projections...)
}

// voorgangers are the published versions in vs, other than id, that end
// the day before begin: those the publication of id ended. Their own
// streams learn it through Beeindig, which changes nothing when they
// already know, so a retry repeats it safely.
func voorgangers(vs *catalogi.Versies, id string, begin catalogi.Date) []catalogi.Beeindiging {
	var out []catalogi.Beeindiging
	einde := begin.AddDays(-1)
	for _, other := range vs.Gepubliceerd() {
		if p, _ := vs.Versie(other); other != id && p.Einde == einde {
			out = append(out, catalogi.Beeindiging{UUID: other, EindeGeldigheid: einde})
		}
	}
	return out
}

// beeindig decides and appends Beeindig on the predecessor b names. A
// predecessor deleted meanwhile needs nothing.
func (h *Catalogi) beeindig(ctx context.Context, meta eventstore.Metadata, s soortInfo, b catalogi.Beeindiging) (eventstore.Position, error) {
	var pos eventstore.Position
	err := retry(func() error {
		v := s.new(b.UUID)
		expected, err := h.Base.load(ctx, s.stream(b.UUID), catalogi.Decode, v.Apply)
		if err != nil || !v.Exists() {
			return err
		}
		events, err := v.Beeindig(b.EindeGeldigheid)
		if err != nil {
			return err
		}
		pos, err = h.appendSome(ctx, meta, s.stream(b.UUID), expected, events, pos)
		return err
	})
	return pos, err
}

// versies loads the Versies aggregate of soort with key in catalogus and
// the revision to append at.
func (h *Catalogi) versies(ctx context.Context, s soortInfo, catalogus, key string) (*catalogi.Versies, eventstore.ExpectedRevision, error) {
	vs := catalogi.NewVersies(s.soort, catalogus, key)
	expected, err := h.Base.load(ctx, vs.Stream(), catalogi.Decode, vs.Apply)
	return vs, expected, err
}

// appendSome appends events, if any, and returns the later of pos and
// where they landed.
func (h *Catalogi) appendSome(ctx context.Context, meta eventstore.Metadata, stream string, expected eventstore.ExpectedRevision, events []domain.Event, pos eventstore.Position) (eventstore.Position, error) {
	if len(events) == 0 {
		return pos, nil
	}
	res, err := h.append(ctx, meta, stream, expected, events)
	if err != nil {
		return pos, err
	}
	return later(pos, res.Position), nil
}
