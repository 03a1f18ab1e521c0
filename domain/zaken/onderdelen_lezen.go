package zaken

// The current fields of one sub-resource, for the handler of a PATCH to lay
// the fields sent over; ok is false when the zaak has no such one.

// StatusVan returns status uuid.
func (z *Zaak) StatusVan(uuid string) (g StatusGegevens, ok bool) { g, ok = z.statussen[uuid]; return }

// ResultaatVan returns resultaat uuid.
func (z *Zaak) ResultaatVan(uuid string) (g ResultaatGegevens, ok bool) {
	g, ok = z.resultaat[uuid]
	return
}

// RolVan returns rol uuid.
func (z *Zaak) RolVan(uuid string) (g RolGegevens, ok bool) { g, ok = z.rollen[uuid]; return }

// ZaakObjectVan returns zaakobject uuid.
func (z *Zaak) ZaakObjectVan(uuid string) (g ZaakObjectGegevens, ok bool) {
	g, ok = z.objecten[uuid]
	return
}

// ZaakEigenschapVan returns zaakeigenschap uuid.
func (z *Zaak) ZaakEigenschapVan(uuid string) (g ZaakEigenschapGegevens, ok bool) {
	g, ok = z.eigensch[uuid]
	return
}

// ZaakInformatieObjectVan returns zaakinformatieobject uuid.
func (z *Zaak) ZaakInformatieObjectVan(uuid string) (g ZaakInformatieObjectGegevens, ok bool) {
	g, ok = z.zios[uuid]
	return
}
