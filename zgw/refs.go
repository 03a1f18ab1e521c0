package zgw

import (
	"context"
	"net/url"
	"strings"

	"github.com/zaakregister/zaakregister/domain"
)

// ResourceRef is the reference the log keeps to resource id in collection
// of this registry's API at root ("/catalogi/api/v1"): its absolute-path
// reference, which RefURL renders under the current base URL.
func ResourceRef(root, collection, id string) string {
	return root + "/" + collection + "/" + id
}

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
	return domain.LocalizeRefs(BaseURLs(ctx), v)
}

// LocalizeURL is LocalizeRef for a URL whose kind no field names, such as
// the value of a query filter: a URL of a resource of any API of this
// registry ("{base}/{api}/api/v1/{collection}/…", under the base URL or an
// alias) becomes the reference the log and the read models keep, anything
// else stays as it is.
func LocalizeURL(ctx context.Context, raw string) string {
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() {
		return raw
	}
	for _, b := range BaseURLs(ctx) {
		base, err := url.Parse(b)
		if err != nil || !domain.SameOrigin(u, base) {
			continue
		}
		rest, ok := strings.CutPrefix(u.EscapedPath(), strings.TrimSuffix(base.EscapedPath(), "/"))
		parts := strings.SplitN(rest, "/", 5) // "", api, "api", "v1", collection/...
		if !ok || len(parts) < 5 || parts[2] != "api" || parts[3] != "v1" {
			continue
		}
		return domain.LocalizeRef([]string{b}, parts[1]+"/"+strings.SplitN(parts[4], "/", 2)[0], raw)
	}
	return raw
}
