package readapi

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// zaakTables are the read-model tables of the sub-resources of a zaak that
// are addressed by their own uuid, by collection.
var zaakTables = map[string]string{
	"statussen":              "zrc.statussen",
	"resultaten":             "zrc.resultaten",
	"rollen":                 "zrc.rollen",
	"zaakobjecten":           "zrc.zaakobjecten",
	"zaakinformatieobjecten": "zrc.zaakinformatieobjecten",
	"zaakeigenschappen":      "zrc.zaakeigenschappen",
	"klantcontacten":         "zrc.klantcontacten",
	"zaakcontactmomenten":    "zrc.zaakcontactmomenten",
	"zaakverzoeken":          "zrc.zaakverzoeken",
}

// ZaakOf returns the uuid of the zaak of sub-resource id in collection, or
// "" when the read model has none: the commands' ZaakIndex.
func (s Zaken) ZaakOf(ctx context.Context, collection, id string) (string, error) {
	table, ok := zaakTables[collection]
	if !ok {
		return "", fmt.Errorf("readapi: no zaak sub-resource collection %q", collection)
	}
	var zaak string
	err := s.Pool.QueryRow(ctx, `SELECT zaak::text FROM `+table+` WHERE uuid = $1`, id).Scan(&zaak)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	return zaak, err
}

// Deelzaken returns the uuids of the deelzaken of zaak.
func (s Zaken) Deelzaken(ctx context.Context, zaak string) ([]string, error) {
	rows, err := s.Pool.Query(ctx, `SELECT uuid::text FROM zrc.zaken WHERE hoofdzaak_uuid = $1 ORDER BY uuid`, zaak)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}
