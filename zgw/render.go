package zgw

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// marshal renders v the way every response body is rendered: no HTML
// escaping (URLs keep their "&"), deterministic for a given value, so that
// rebuilt read models give byte-identical bodies and ETags.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("zgw: render response: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// WriteJSON writes v as an application/json response with status. A value
// that does not marshal becomes a 500 through WriteError. HEAD requests get
// the headers only.
func WriteJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	body, err := marshal(v)
	if err != nil {
		WriteError(w, r, err)
		return
	}
	writeBody(w, r, status, body)
}

func writeBody(w http.ResponseWriter, r *http.Request, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

// WriteJSONETag writes v like WriteJSON with a strong ETag computed over
// the JSON body (RULES 2.5). When If-None-Match lists that ETag (or "*") it
// answers 304 without a body; HEAD gets the same headers as GET, no body.
// The body holds the absolute URLs, so representations served under other
// base URLs get other ETags, as the standard asks.
func WriteJSONETag(w http.ResponseWriter, r *http.Request, status int, v any) {
	body, err := marshal(v)
	if err != nil {
		WriteError(w, r, err)
		return
	}
	etag := ETag(body)
	w.Header().Set("ETag", etag)
	if status == http.StatusOK && ifNoneMatch(r.Header.Values("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	writeBody(w, r, status, body)
}

// ETag returns the strong entity tag of a response body.
func ETag(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}

// ifNoneMatch reports whether any If-None-Match value lists etag, using the
// weak comparison RFC 9110 13.1.2 prescribes for this header.
func ifNoneMatch(values []string, etag string) bool {
	for _, v := range values {
		for _, tag := range strings.Split(v, ",") {
			tag = strings.TrimSpace(tag)
			if tag == "*" || strings.TrimPrefix(tag, "W/") == etag {
				return true
			}
		}
	}
	return false
}
