// Package readapi serves the GET endpoints of the ZGW APIs from the
// PostgreSQL read models that the projections keep: filters, pagination,
// ETags and the rendering that the write endpoints reuse for their answers.
// It never loads aggregates.
package readapi

import (
	"context"
	"encoding/json"

	"github.com/zaakregister/zaakregister/zgw"
)

// pageSize is the number of results on one page of every paginated list.
const pageSize = 100

// decodeRendered decodes data, the JSON of a read model, into g and
// renders its references for the request (zgw.RenderRefs).
func decodeRendered[G any](ctx context.Context, data []byte, g *G) error {
	if err := json.Unmarshal(data, g); err != nil {
		return err
	}
	*g = zgw.RenderRefs(ctx, *g)
	return nil
}
