package readapi

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/zaakregister/zaakregister/domain/catalogi"
)

// subtypeTables maps a sub-type's collection to its read-model table.
var subtypeTables = map[string]string{
	"statustypen": "statustypen", "roltypen": "roltypen", "resultaattypen": "resultaattypen",
	"eigenschappen": "eigenschappen", "zaakobjecttypen": "zaakobjecttypen",
	"zaaktype-informatieobjecttypen": "zaaktypeinformatieobjecttypen",
}

// ZaaktypeOf returns the uuid of the zaaktype that the sub-type id in
// collection belongs to, or "" when the read model has none. The write side
// uses it only as a pointer to the zaaktype's stream, whose aggregate then
// decides.
func (c *Catalogi) ZaaktypeOf(ctx context.Context, collection, id string) (string, error) {
	table, ok := subtypeTables[collection]
	if !ok {
		return "", fmt.Errorf("no sub-type collection %q", collection)
	}
	var zt string
	err := c.Pool.QueryRow(ctx, "SELECT zaaktype::text FROM ztc."+table+" WHERE uuid = $1", id).Scan(&zt)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	return zt, err
}

// VersionsOf returns the uuids of every version, concept or published, of
// soort with key (identificatie of a zaaktype, omschrijving otherwise) in
// catalogus.
func (c *Catalogi) VersionsOf(ctx context.Context, soort catalogi.Soort, catalogus, key string) ([]string, error) {
	q := "SELECT uuid::text FROM ztc.besluittypen WHERE catalogus = $1 AND omschrijving = $2"
	switch soort {
	case catalogi.SoortZaaktype:
		q = "SELECT uuid::text FROM ztc.zaaktypen WHERE catalogus = $1 AND identificatie = $2"
	case catalogi.SoortInformatieobjecttype:
		q = "SELECT uuid::text FROM ztc.informatieobjecttypen WHERE catalogus = $1 AND omschrijving = $2"
	}
	rows, err := c.Pool.Query(ctx, q, catalogus, key)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}
