package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// requestTemplate is a valid write that sendMutated damages.
type requestTemplate struct {
	method, path string
	body         map[string]any
}

// sendMutated sends ZAAKREGISTER_MUTATIONS (default 400) requests through
// send, random seed ZAAKREGISTER_MUTATIONS_SEED (default 1): three in four
// a write of writes with one kind of damage (mutate), the others a list
// of lists with odd values for its query parameters; ref is a URL of the
// API that odd values may use.
// Every answer must be a success or a 4xx problem+json; the oastest
// middleware of the registry fails the test on an undeclared status. It
// returns the number of 201 answers per POST path.
func sendMutated(t *testing.T, send func(method, path string, body any) response, writes []requestTemplate,
	lists map[string][]string, ref string) map[string]int {
	t.Helper()
	n, seed := envInt(t, "ZAAKREGISTER_MUTATIONS", 400), envInt(t, "ZAAKREGISTER_MUTATIONS_SEED", 1)
	listPaths := slices.Sorted(maps.Keys(lists))
	rng := rand.New(rand.NewPCG(uint64(seed), 0))
	created, failures := map[string]int{}, 0
	for i := range n {
		var method, path, what string
		var body any
		if rng.IntN(4) == 0 {
			method, path = "GET", listPaths[rng.IntN(len(listPaths))]
			q := url.Values{}
			names := append(slices.Clip(lists[path]), "onbekend", "page", "expand")
			for range 1 + rng.IntN(3) {
				q.Add(names[rng.IntN(len(names))], oddValue(rng, ref))
			}
			path += "?" + q.Encode()
			what = path
		} else {
			w := writes[rng.IntN(len(writes))]
			method, path = w.method, w.path
			body, what = mutate(rng, w.body, ref)
		}
		r := send(method, path, body)
		if r.Status >= 500 || (r.Status >= 400 && !strings.HasPrefix(r.Header.Get("Content-Type"), "application/problem+json")) {
			failures++
			t.Errorf("request %d (seed %d): %s %s with %s: %d %s: %.300s", i, seed, method, path, what, r.Status, r.Header.Get("Content-Type"), r.Body)
			if failures == 10 {
				t.FailNow()
			}
		}
		if method == "POST" && r.Status == 201 {
			created[path]++
		}
	}
	t.Logf("%d requests (seed %d), created: %v", n, seed, created)
	return created
}

// envInt is the integer in environment variable name, or def.
func envInt(t *testing.T, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return n
}

// mutate returns body with one random kind of damage, as JSON text, and
// what was done.
func mutate(rng *rand.Rand, body map[string]any, zaak string) (string, string) {
	var v any
	data, _ := json.Marshal(body)
	_ = json.Unmarshal(data, &v) // a deep copy
	switch rng.IntN(10) {
	case 0: // cut short
		cut := rng.IntN(len(data))
		return string(data[:cut]), fmt.Sprintf("the JSON cut at byte %d", cut)
	case 1: // one byte changed
		b := slices.Clone(data)
		at := rng.IntN(len(b))
		b[at] = byte(rng.IntN(256))
		return string(b), fmt.Sprintf("byte %d set to %#x", at, b[at])
	case 2: // a whole other document
		docs := []string{`null`, `[]`, `"zaak"`, `12`, `{}`, `{"":{}}`, strings.Repeat(`[`, 10000) + strings.Repeat(`]`, 10000)}
		d := docs[rng.IntN(len(docs))]
		return d, "the document " + fmt.Sprintf("%.40s", d)
	}
	obj, key, where := pick(rng, v)
	if obj == nil {
		return string(data), "nothing"
	}
	switch rng.IntN(4) {
	case 0:
		delete(obj, key)
		return marshal(v), "without " + where
	case 1:
		obj["onbekend"+strconv.Itoa(rng.IntN(3))] = oddValue(rng, zaak)
		return marshal(v), "an unknown field beside " + where
	default:
		odd := oddJSON(rng, zaak)
		obj[key] = odd
		return marshal(v), fmt.Sprintf("%s = %.80v", where, odd)
	}
}

// pick chooses a random field at any depth of v: the object holding it,
// its key and its path.
func pick(rng *rand.Rand, v any) (map[string]any, string, string) {
	var obj map[string]any
	var key, where string
	seen := 0
	var walk func(v any, path string)
	walk = func(v any, path string) {
		switch x := v.(type) {
		case map[string]any:
			for _, k := range slices.Sorted(maps.Keys(x)) {
				seen++
				if rng.IntN(seen) == 0 { // reservoir sampling: every field alike
					obj, key, where = x, k, path+k
				}
				walk(x[k], path+k+".")
			}
		case []any:
			for i, item := range x {
				walk(item, fmt.Sprintf("%s%d.", path, i))
			}
		}
	}
	walk(v, "")
	return obj, key, where
}

// oddJSON is a JSON value of any type that a field may be sent by
// mistake.
func oddJSON(rng *rand.Rand, zaak string) any {
	values := []any{nil, 0, -1, 1.5, 1e308, -1e308, 9007199254740993, true, false, "", " ", []any{}, map[string]any{},
		[]any{nil}, map[string]any{"type": "Point"}, []any{map[string]any{"url": 1}}, map[string]any{"a": map[string]any{"b": []any{1}}}}
	if rng.IntN(2) == 0 {
		return oddValue(rng, zaak)
	}
	return values[rng.IntN(len(values))]
}

// oddValue is a text that a field or query parameter may carry by
// mistake or malice.
func oddValue(rng *rand.Rand, zaak string) string {
	values := []string{"", " ", "0", "-1", "99999999999999999999", "1e400", "NaN", "true", "null", "2026-02-30", "2026-13-01",
		"2026-11-01T25:00:00Z", "0000-00-00", "9999-12-31", "P-1D", "PT", "niet-een-uuid", "00000000-0000-0000-0000-000000000000",
		zaak, zaak + "/x", "https://", "http://[::1", "ftp://elders.example/x", "%zz", "a,b,,c", "-", "--", "status.status.status.status",
		"' OR 1=1 --", "\x00", "\xff\xfe", "é\u202e", "😀", strings.Repeat("x", 10000), strings.Repeat("a,", 5000),
		"zaaktype,-identificatie,onbekend", "geheim", "zeer_geheim", "openbaar ", "natuurlijk_persoon", "adres"}
	return values[rng.IntN(len(values))]
}

// marshal is v as JSON text.
func marshal(v any) string {
	data, _ := json.Marshal(v)
	return string(data)
}
