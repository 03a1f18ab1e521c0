package referentielijsten

import (
	"context"
	"fmt"
	"strings"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/domain/catalogi"
	"github.com/zaakregister/zaakregister/refs"
)

// Source answers the Selectielijst and Referentielijsten references of the
// Catalogi API (ztc-001, ztc-002): from the built-in data when Root is the
// built-in API's root, or through Resolver from an external Referentielijsten
// API at Root. A reference must lie under Root: a catalogue points at one
// Referentielijsten API, the configured one.
type Source struct {
	Lijsten *Lijsten
	// Root is the root of the Referentielijsten API in force, without a
	// trailing slash: that of an external API
	// ("https://selectielijst.example/api/v1"), or the built-in API's
	// Root ("/referentielijsten/api/v1"), whose references the log keeps
	// without the base URL (docs/decisions.md).
	Root string
	// Builtin tells that Root is served by this registry from Lijsten.
	Builtin bool
	// Resolver fetches from an external API; unused when Builtin.
	Resolver *refs.Resolver
}

// id returns the uuid in url under Root's collection, or a bad-url error.
func (s *Source) id(field, url, collection string) (string, error) {
	if !s.Builtin || !strings.HasPrefix(url, "/") {
		if _, err := refs.Parse(field, url); err != nil {
			return "", err
		}
	}
	if id, ok := strings.CutPrefix(url, s.Root+"/"+collection+"/"); ok {
		return strings.TrimSuffix(id, "/"), nil
	}
	return "", domain.Invalid(field, refs.CodeBadURL,
		fmt.Sprintf("De URL hoort niet bij de ingestelde Referentielijsten API (%s).", s.Root))
}

func notFound(field string) error {
	return domain.Invalid(field, refs.CodeBadURL, "De URL kon niet worden opgehaald.")
}

// Procestype checks that url names a Selectielijst procestype.
func (s *Source) Procestype(ctx context.Context, field, url string) error {
	id, err := s.id(field, url, procestypenPath)
	if err != nil {
		return err
	}
	if s.Builtin {
		if _, ok := s.Lijsten.Procestype(id); !ok {
			return notFound(field)
		}
		return nil
	}
	var p procestypeBody
	if err := s.Resolver.Resolve(ctx, field, url, &p); err != nil {
		return err
	}
	if p.URL == "" || p.Naam == "" {
		return domain.Invalid(field, refs.CodeInvalidResource, "De URL wijst niet naar een procestype.")
	}
	return nil
}

// Resultaat returns the facts of the Selectielijst resultaat url names,
// with its procestype's URL under Root (as zaaktypen write their
// selectielijstProcestype).
func (s *Source) Resultaat(ctx context.Context, field, url string) (catalogi.SelectielijstResultaat, error) {
	id, err := s.id(field, url, resultatenPath)
	if err != nil {
		return catalogi.SelectielijstResultaat{}, err
	}
	if s.Builtin {
		r, ok := s.Lijsten.Resultaat(id)
		if !ok {
			return catalogi.SelectielijstResultaat{}, notFound(field)
		}
		return catalogi.SelectielijstResultaat{
			URL: url, ProcestypeURL: s.Root + "/" + procestypenPath + "/" + r.ProcestypeUUID,
			Waardering: string(r.Waardering), Procestermijn: string(r.Procestermijn), Bewaartermijn: r.Bewaartermijn,
		}, nil
	}
	var r resultaatBody
	if err := s.Resolver.Resolve(ctx, field, url, &r); err != nil {
		return catalogi.SelectielijstResultaat{}, err
	}
	if r.URL == "" || r.ProcesType == "" {
		return catalogi.SelectielijstResultaat{}, domain.Invalid(field, refs.CodeInvalidResource, "De URL wijst niet naar een resultaat.")
	}
	out := catalogi.SelectielijstResultaat{URL: url, ProcestypeURL: r.ProcesType, Waardering: r.Waardering, Procestermijn: r.Procestermijn}
	if r.Bewaartermijn != nil {
		out.Bewaartermijn = *r.Bewaartermijn
	}
	return out, nil
}

// ResultaatTypeOmschrijving returns the omschrijving of the
// resultaattypeomschrijving url names.
func (s *Source) ResultaatTypeOmschrijving(ctx context.Context, field, url string) (string, error) {
	id, err := s.id(field, url, omschrijvingenPath)
	if err != nil {
		return "", err
	}
	if s.Builtin {
		o, ok := s.Lijsten.ResultaatTypeOmschrijving(id)
		if !ok {
			return "", notFound(field)
		}
		return o.Omschrijving, nil
	}
	var o omschrijvingBody
	if err := s.Resolver.Resolve(ctx, field, url, &o); err != nil {
		return "", err
	}
	if o.URL == "" || o.Omschrijving == "" {
		return "", domain.Invalid(field, refs.CodeInvalidResource, "De URL wijst niet naar een resultaattypeomschrijving.")
	}
	return o.Omschrijving, nil
}

// Communicatiekanaal checks that url names a communicatiekanaal (zrc-010):
// one of the built-in list when it lies under the built-in Root, otherwise
// any URL that resolves through Resolver to an object with url, naam and
// omschrijving.
func (s *Source) Communicatiekanaal(ctx context.Context, field, url string) error {
	if s.Builtin && strings.HasPrefix(url, s.Root+"/"+kanalenPath+"/") {
		id, err := s.id(field, url, kanalenPath)
		if err != nil {
			return err
		}
		if _, ok := s.Lijsten.Communicatiekanaal(id); !ok {
			return notFound(field)
		}
		return nil
	}
	if s.Resolver == nil {
		return domain.Invalid(field, refs.CodeBadURL, "De URL hoort niet bij de ingebouwde Referentielijsten API.")
	}
	var k struct {
		URL          string  `json:"url"`
		Naam         string  `json:"naam"`
		Omschrijving *string `json:"omschrijving"`
	}
	if err := s.Resolver.Resolve(ctx, field, url, &k); err != nil {
		return err
	}
	if k.URL == "" || k.Naam == "" || k.Omschrijving == nil {
		return domain.Invalid(field, refs.CodeInvalidResource, "De URL wijst niet naar een communicatiekanaal.")
	}
	return nil
}

// Selectielijstklasse checks that url names a Selectielijst resultaat, the
// selectielijstklasse of a zaak.
func (s *Source) Selectielijstklasse(ctx context.Context, field, url string) error {
	_, err := s.Resultaat(ctx, field, url)
	return err
}
