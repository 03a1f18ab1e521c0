package zgw

import (
	"context"
	"strings"

	"github.com/zaakregister/zaakregister/domain"
)

// RefURL renders ref, a reference as the log and the read models keep it
// (docs/decisions.md), as an answer shows it: a reference to a resource of
// this registry, its absolute-path reference ("/catalogi/api/v1/zaaktypen/…"),
// under the base URL of the request; any other (a URL of another registry,
// "") as it is.
func RefURL(ctx context.Context, ref string) string {
	if strings.HasPrefix(ref, "/") {
		return BaseURL(ctx) + ref
	}
	return ref
}

// RenderRefs returns a copy of v with every reference (the fields tagged
// ref, domain.MapRefs) rendered by RefURL; v is left as it was.
func RenderRefs[T any](ctx context.Context, v T) T {
	return domain.MapRefs(v, func(_, ref string) string { return RefURL(ctx, ref) })
}

// LocalizeRefs returns a copy of v with every reference to a resource of
// this registry, under the base URL of the request or one of the API's
// aliases, in the form the log keeps (domain.LocalizeRef); v is left as
// it was.
func LocalizeRefs[T any](ctx context.Context, v T) T {
	return domain.LocalizeRefs(baseURLs(ctx), v)
}
