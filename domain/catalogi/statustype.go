package catalogi

import (
	"fmt"
	"maps"
	"slices"

	"github.com/zaakregister/zaakregister/domain"
)

// CheckListItem is a point to check before a status of a statustype is set.
type CheckListItem struct {
	Itemnaam      string `json:"itemnaam"`
	Toelichting   string `json:"toelichting"`
	Vraagstelling string `json:"vraagstelling"`
	Verplicht     bool   `json:"verplicht"`
}

// StatustypeGegevens are the writable fields of a statustype. Eigenschappen
// are uuids of eigenschappen of the same zaaktype. isEindstatus is derived:
// see Zaaktype.IsEindstatus.
type StatustypeGegevens struct {
	Omschrijving            string          `json:"omschrijving"`
	OmschrijvingGeneriek    string          `json:"omschrijvingGeneriek"`
	Statustekst             string          `json:"statustekst"`
	Volgnummer              int             `json:"volgnummer"`
	Informeren              bool            `json:"informeren"`
	Doorlooptijd            string          `json:"doorlooptijd"`
	Toelichting             string          `json:"toelichting"`
	ChecklistitemStatustype []CheckListItem `json:"checklistitemStatustype"`
	Eigenschappen           []string        `json:"eigenschappen"`
	BeginGeldigheid         Date            `json:"beginGeldigheid"`
	EindeGeldigheid         Date            `json:"eindeGeldigheid"`
}

func (g StatustypeGegevens) normalised() StatustypeGegevens {
	g.ChecklistitemStatustype = cloneList(g.ChecklistitemStatustype)
	g.Eigenschappen = cloneList(g.Eigenschappen)
	return g
}

// validate checks the fields and their fit in zaaktype z: volgnummer unique
// among the other statustypen, eigenschappen of this zaaktype.
func (g StatustypeGegevens) validate(z *Zaaktype, self string) error {
	var p domain.Problems
	c := check{p: &p}
	c.requiredText("omschrijving", g.Omschrijving, 80)
	c.text("omschrijvingGeneriek", g.OmschrijvingGeneriek, 80)
	c.text("statustekst", g.Statustekst, 1000)
	if g.Volgnummer < 1 || g.Volgnummer > 9999 {
		c.add("volgnummer", "invalid", "volgnummer ligt tussen 1 en 9999.")
	}
	c.duur("doorlooptijd", g.Doorlooptijd)
	c.text("toelichting", g.Toelichting, 1000)
	for i, item := range g.ChecklistitemStatustype {
		ic := c.at(fmt.Sprintf("checklistitemStatustype.%d", i))
		ic.requiredText("itemnaam", item.Itemnaam, 30)
		ic.text("toelichting", item.Toelichting, 1000)
		ic.requiredText("vraagstelling", item.Vraagstelling, 255)
	}
	for i, e := range g.Eigenschappen {
		if _, ok := z.eigenschappen[e]; !ok {
			c.add(fmt.Sprintf("eigenschappen.%d", i), CodeZaaktypeMismatch, "De eigenschap hoort niet bij dit zaaktype.")
		}
	}
	for id, other := range z.statustypen {
		if id != self && other.Volgnummer == g.Volgnummer {
			c.add(nonField, "unique", "De velden zaaktype en volgnummer moeten een unieke set zijn.")
			break
		}
	}
	c.geldigheid(g.BeginGeldigheid, g.EindeGeldigheid)
	return p.Err()
}

// eindstatusNa returns the eindstatus after statustype uuid gets volgnummer
// (or is removed, for volgnummer 0).
func (z *Zaaktype) eindstatusNa(uuid string, volgnummer int) string {
	best, hoogste := "", 0
	if volgnummer > 0 {
		best, hoogste = uuid, volgnummer
	}
	for id, g := range z.statustypen {
		if id != uuid && g.Volgnummer > hoogste {
			best, hoogste = id, g.Volgnummer
		}
	}
	return best
}

// AddStatustype decides a new statustype (ztc-010 on a published zaaktype).
func (z *Zaaktype) AddStatustype(uuid string, g StatustypeGegevens, geforceerd bool) ([]domain.Event, error) {
	correctie, err := mayAdd(z, z.statustypen, "statustype", uuid, geforceerd)
	if err != nil {
		return nil, err
	}
	g.BeginGeldigheid = z.defaultGeldigheid(g.BeginGeldigheid)
	if err := g.validate(z, uuid); err != nil {
		return nil, err
	}
	return z.emit(StatustypeAangemaakt{Subtype: z.subtype(uuid, correctie), StatustypeGegevens: g.normalised(),
		Eindstatus: z.eindstatusNa(uuid, g.Volgnummer)}), nil
}

// UpdateStatustype decides a PUT or PATCH of a statustype with its complete
// new fields.
func (z *Zaaktype) UpdateStatustype(uuid string, g StatustypeGegevens, actie string, geforceerd bool) ([]domain.Event, error) {
	correctie, err := mayChange(z, z.statustypen, "statustype", uuid, geforceerd)
	if err != nil {
		return nil, err
	}
	g.BeginGeldigheid = z.defaultGeldigheid(g.BeginGeldigheid)
	if err := g.validate(z, uuid); err != nil {
		return nil, err
	}
	return z.emit(StatustypeGewijzigd{Subtype: z.subtype(uuid, correctie), Actie: actie,
		StatustypeGegevens: g.normalised(), Eindstatus: z.eindstatusNa(uuid, g.Volgnummer)}), nil
}

// DeleteStatustype decides the deletion of a statustype. Eigenschappen and
// zaaktype-informatieobjecttypen that pointed at it lose that reference,
// each with its own Gewijzigd event (actie partial_update), so that every
// event still carries a full state.
func (z *Zaaktype) DeleteStatustype(uuid string, geforceerd bool) ([]domain.Event, error) {
	correctie, err := mayChange(z, z.statustypen, "statustype", uuid, geforceerd)
	if err != nil {
		return nil, err
	}
	events := []domain.Event{StatustypeVerwijderd{Subtype: z.subtype(uuid, correctie), Eindstatus: z.eindstatusNa(uuid, 0)}}
	for _, id := range slices.Sorted(maps.Keys(z.eigenschappen)) {
		if e := z.eigenschappen[id]; e.Statustype == uuid {
			e = e.normalised()
			e.Statustype = ""
			events = append(events, EigenschapGewijzigd{Subtype: z.subtype(id, correctie), Actie: ActiePartialUpdate, EigenschapGegevens: e})
		}
	}
	for _, id := range slices.Sorted(maps.Keys(z.ziots)) {
		if r := z.ziots[id]; r.Statustype == uuid {
			r.Statustype = ""
			events = append(events, ZaaktypeInformatieobjecttypeGewijzigd{Subtype: z.subtype(id, correctie),
				Actie: ActiePartialUpdate, ZaaktypeInformatieobjecttypeGegevens: r})
		}
	}
	return z.emit(events...), nil
}
