package zgw

import (
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/google/uuid"
)

// PathUUID returns the {uuid} path parameter in canonical lower-case form,
// or "" when it is not a UUID (which callers answer with 404: no resource
// has such an identity).
func PathUUID(r *http.Request) string {
	return CanonicalUUID(chi.URLParam(r, "uuid"))
}

// CanonicalUUID returns s as a lower-case hyphenated UUID, or "" when s is
// not one.
func CanonicalUUID(s string) string {
	if len(s) != 36 {
		return ""
	}
	u, err := uuid.Parse(s)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.String())
}
