package eventgolden

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/zaakregister/zaakregister/domain"
)

// Marker is the line of the event catalogue after which Catalogue.Render
// writes; what comes before it is written by hand and kept as it is.
const Marker = "<!-- Generated below this line by TestEventCatalogue (domain/eventgolden) from the Events of each context and their golden files. Do not edit below it: change the code, then run ZAAKREGISTER_UPDATE_EVENTS_DOC=1 go test -count=1 -run TestEventCatalogue ./domain/eventgolden -->"

// Catalogue is what the event catalogue (docs/events.md) is made of.
type Catalogue struct {
	// DomainDir is the domain/ folder, under which the golden files are.
	DomainDir string
	// Events are the event types of every context, as their Events list
	// them.
	Events []domain.EventInfo
	// Kanalen are the ZGW notification kanalen the events may map to.
	Kanalen []Kanaal
	// Formats names the JSON type of each Go type that has its own JSON
	// encoding ("date, or null when empty"); time.Time and
	// json.RawMessage are known.
	Formats map[reflect.Type]string
}

// Kanaal is a ZGW notification kanaal: its name, the resource whose URL
// is a notification's hoofdObject, and the kenmerken of its messages.
type Kanaal struct {
	Naam, Hoofdresource string
	Kenmerken           []string
}

// Render returns the catalogue: current up to and including the Marker
// line, then the part generated from the events, their Go types and their
// golden files. It fails when current has no Marker line, when an event
// names a kanaal not in c.Kanalen, when a Go type has a field whose JSON
// type it cannot tell, and when a golden file is missing or holds fields
// other than its type's.
func (c Catalogue) Render(current []byte) ([]byte, error) {
	head, _, found := bytes.Cut(current, []byte(Marker+"\n"))
	if !found {
		return nil, fmt.Errorf("the catalogue has no line %q: the generated part starts after it", Marker)
	}
	r := renderer{c: c, objects: map[reflect.Type]bool{}}
	var out bytes.Buffer
	out.Write(head)
	out.WriteString(Marker + "\n")
	if err := r.render(&out); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// renderer renders the generated part; objects collects the named struct
// types the fields refer to, each described once at the end.
type renderer struct {
	c       Catalogue
	objects map[reflect.Type]bool
	errs    []error
}

func (r *renderer) render(w *bytes.Buffer) error {
	events := slices.Clone(r.c.Events)
	slices.SortFunc(events, func(a, b domain.EventInfo) int {
		return cmp.Or(cmp.Compare(contextOf(a.Type), contextOf(b.Type)), cmp.Compare(a.Type, b.Type))
	})
	kanalen := map[string]bool{}
	fmt.Fprintf(w, "\n## Kanalen\n\nThe ZGW notification kanalen the events map to, with the kenmerken of their messages.\n\n")
	fmt.Fprintf(w, "| kanaal | main resource (hoofdObject) | kenmerken |\n|---|---|---|\n")
	for _, k := range r.c.Kanalen {
		kenmerken := "(none)"
		if len(k.Kenmerken) > 0 {
			kenmerken = "`" + strings.Join(k.Kenmerken, "`, `") + "`"
		}
		fmt.Fprintf(w, "| `%s` | `%s` | %s |\n", k.Naam, k.Hoofdresource, kenmerken)
		kanalen[k.Naam] = true
	}

	fmt.Fprintf(w, "\n## Event types\n\n| event type | version | stream | notification (kanaal, resource, actie) |\n|---|---|---|---|\n")
	for _, e := range events {
		if e.Kanaal != "" && !kanalen[e.Kanaal] {
			r.errs = append(r.errs, fmt.Errorf("%s: no kanaal %q", e.Type, e.Kanaal))
		}
		fmt.Fprintf(w, "| [`%s`](#%s) | %d | `%s` | %s |\n", e.Type, slug(e.Type), e.Version, e.Stream, cell(notification(e)))
	}

	context := ""
	for _, e := range events {
		if c := contextOf(e.Type); c != context {
			context = c
			fmt.Fprintf(w, "\n## %s\n", context)
		}
		r.event(w, e)
	}

	fmt.Fprintf(w, "\n## Objects\n\nThe objects the fields above refer to, each described once.\n")
	done := map[reflect.Type]bool{}
	for len(done) < len(r.objects) {
		// Describing an object may add the objects its fields refer to.
		todo := slices.SortedFunc(func(yield func(reflect.Type) bool) {
			for t := range r.objects {
				if !done[t] && !yield(t) {
					return
				}
			}
		}, func(a, b reflect.Type) int { return cmp.Compare(a.String(), b.String()) })
		for _, t := range todo {
			done[t] = true
			fmt.Fprintf(w, "\n### %s\n\n", t.String())
			r.fields(w, t)
		}
	}

	fmt.Fprintf(w, "\n## Metadata example\n\nFrom `domain/%s`.\n\n", filepath.ToSlash(MetadataFile))
	r.example(w, filepath.Join(r.c.DomainDir, filepath.FromSlash(MetadataFile)), nil)
	return errors.Join(r.errs...)
}

// event renders the section of one event type.
func (r *renderer) event(w *bytes.Buffer, e domain.EventInfo) {
	fmt.Fprintf(w, "\n### %s\n\n%s\n\n", e.Type, e.Meaning)
	fmt.Fprintf(w, "- schema version: %d\n- stream: `%s`\n- notification: %s\n\n", e.Version, e.Stream, notification(e))
	t := reflect.TypeOf(e.New())
	r.fields(w, t)
	rel := filepath.Join(contextOf(e.Type), filepath.FromSlash(Dir), FileName(e.Type, e.Version))
	fmt.Fprintf(w, "\nExample, from `domain/%s`:\n\n", filepath.ToSlash(rel))
	r.example(w, filepath.Join(r.c.DomainDir, rel), t)
}

// fields renders the table of the JSON fields of struct type t.
func (r *renderer) fields(w *bytes.Buffer, t reflect.Type) {
	fs := jsonFields(t)
	if len(fs) == 0 {
		fmt.Fprintf(w, "No fields.\n")
		return
	}
	fmt.Fprintf(w, "| field | type | notes |\n|---|---|---|\n")
	for _, f := range fs {
		typ, err := r.jsonType(f.typ)
		if err != nil {
			r.errs = append(r.errs, fmt.Errorf("%s.%s: %w", t, f.name, err))
		}
		fmt.Fprintf(w, "%s |\n", strings.TrimSpace(fmt.Sprintf("| `%s` | %s | %s", f.name, cell(typ), cell(f.notes()))))
	}
}

// jsonType names the JSON type of Go type t, and notes the named struct
// types it refers to.
func (r *renderer) jsonType(t reflect.Type) (string, error) {
	if f, ok := r.c.Formats[t]; ok {
		return f, nil
	}
	switch t {
	case reflect.TypeFor[time.Time]():
		return "date-time", nil
	case reflect.TypeFor[json.RawMessage]():
		return "raw JSON", nil
	}
	if t.Kind() != reflect.Pointer && ownEncoding(t) {
		return "", fmt.Errorf("%s has its own JSON encoding: name its JSON type in the catalogue's Formats", t)
	}
	switch t.Kind() {
	case reflect.String:
		return "text", nil
	case reflect.Bool:
		return "boolean", nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return "number", nil
	case reflect.Pointer:
		s, err := r.jsonType(t.Elem())
		return s + ", or null", err
	case reflect.Slice, reflect.Array:
		s, err := r.jsonType(t.Elem())
		return "list of " + s, err
	case reflect.Map:
		s, err := r.jsonType(t.Elem())
		return "object of " + s + " by key", err
	case reflect.Interface:
		return "any JSON", nil
	case reflect.Struct:
		if t.Name() == "" {
			return "", errors.New("an unnamed struct type: give it a name, so that the catalogue can describe it once")
		}
		r.objects[t] = true
		return fmt.Sprintf("object [%s](#%s)", t.String(), slug(t.String())), nil
	}
	return "", fmt.Errorf("no JSON type known for %s", t)
}

// example renders the golden file at path as pretty JSON, after checking
// that its fields are those of t (unless t is nil).
func (r *renderer) example(w *bytes.Buffer, path string, t reflect.Type) {
	data, err := os.ReadFile(path)
	if err != nil {
		r.errs = append(r.errs, err)
		return
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		r.errs = append(r.errs, fmt.Errorf("%s: %w", path, err))
		return
	}
	if t != nil {
		for _, d := range r.compare(t, v, "") {
			r.errs = append(r.errs, fmt.Errorf("%s: %s", path, d))
		}
	}
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, bytes.TrimSpace(data), "", "  "); err != nil {
		r.errs = append(r.errs, fmt.Errorf("%s: %w", path, err))
		return
	}
	fmt.Fprintf(w, "```json\n%s\n```\n", pretty.String())
}

// compare lists where the JSON value v does not have the fields the
// catalogue says Go type t has: what the tables say is what the golden
// files hold.
func (r *renderer) compare(t reflect.Type, v any, path string) []string {
	if _, ok := r.c.Formats[t]; ok || t == reflect.TypeFor[json.RawMessage]() || t == reflect.TypeFor[time.Time]() {
		return nil
	}
	switch t.Kind() {
	case reflect.Pointer:
		if v == nil {
			return nil
		}
		return r.compare(t.Elem(), v, path)
	case reflect.Slice, reflect.Array:
		var out []string
		list, _ := v.([]any)
		for _, item := range list {
			out = append(out, r.compare(t.Elem(), item, path+"[]")...)
		}
		return out
	case reflect.Struct:
	default:
		return nil
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return []string{fmt.Sprintf("%s: an object in the catalogue, %s in the golden file", cmp.Or(path, "(the event)"), show(v))}
	}
	var out []string
	known := map[string]bool{}
	for _, f := range jsonFields(t) {
		known[f.name] = true
		x, present := obj[f.name]
		if !present {
			if !f.omitEmpty {
				out = append(out, fmt.Sprintf("%s: in the catalogue, not in the golden file", at(path, f.name)))
			}
			continue
		}
		out = append(out, r.compare(f.typ, x, at(path, f.name))...)
	}
	for _, k := range sortedKeys(obj) {
		if !known[k] {
			out = append(out, fmt.Sprintf("%s: in the golden file, not in the catalogue", at(path, k)))
		}
	}
	return out
}

// notification describes the ZGW notification of e.
func notification(e domain.EventInfo) string {
	if e.Kanaal == "" {
		return "none"
	}
	// "update / partial_update": the actie the event records.
	actie := "`" + strings.ReplaceAll(e.Actie, " / ", "` / `") + "`"
	return fmt.Sprintf("kanaal `%s`, resource `%s`, actie %s", e.Kanaal, e.Resource, actie)
}

// cell escapes s for a Markdown table cell.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// slug is the anchor GitHub gives a heading of text s.
func slug(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '_':
			b.WriteRune(c)
		case c == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}
