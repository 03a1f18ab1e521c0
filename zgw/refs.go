package zgw

import (
	"context"
	"net/url"
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

// LocalizeRef returns the form the log keeps of raw, the value of a field
// tagged ref:"<api>/<collection>" (target): when raw is the URL of a
// resource of that collection of this registry, under one of bases (the
// base URL and its aliases), its absolute-path reference
// ("/catalogi/api/v1/zaaktypen/<uuid>"); anything else (a URL of another
// registry, of another collection, with a query or fragment, a target of
// "url") as it is.
func LocalizeRef(bases []string, target, raw string) string {
	api, collection, ok := strings.Cut(target, "/")
	if !ok || !strings.HasPrefix(raw, "http") {
		return raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return raw
	}
	prefix := "/" + api + "/api/v1/" + collection + "/"
	for _, b := range bases {
		base, err := url.Parse(b)
		if err != nil || !sameOrigin(u, base) {
			continue
		}
		if rest, ok := strings.CutPrefix(u.EscapedPath(), strings.TrimSuffix(base.EscapedPath(), "/")); ok && strings.HasPrefix(rest, prefix) {
			return rest
		}
	}
	return raw
}

// LocalizeRefs returns a copy of v with every reference in the form the
// log keeps (LocalizeRef); v is left as it was.
func LocalizeRefs[T any](bases []string, v T) T {
	return domain.MapRefs(v, func(target, raw string) string { return LocalizeRef(bases, target, raw) })
}
