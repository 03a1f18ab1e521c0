package oas

import (
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
)

// files holds the byte-identical copies of the official specifications; see
// specs/NOTICE.md for their origin and licence.
//
//go:embed specs/*.yaml specs/NOTICE.md
var files embed.FS

// externalRefs maps the tail of every external $ref target found in the
// specs to the local file with the same content (shared/zgw/README.md). The
// upstream relative paths climb out of the flat specs folder, so after
// joining they keep only these tails.
var externalRefs = []struct{ suffix, name string }{
	// A moving upstream URL; it held Catalogi 1.3.1 when zaken-1.5.1 and
	// documenten-1.4.3/1.5.0 were published.
	{"/api-specificatie/ztc/current_version/openapi.yaml", "catalogi-1.3.1"},
	{"/catalogi/ztc/1.3.x/1.3.2/openapi.yaml", "catalogi-1.3.2"},
	{"/documenten/drc/1.6.x/1.6.0/openapi.yaml", "documenten-1.6.0"},
	{"/besluiten/brc/1.1.0/openapi.yaml", "besluiten-1.1.0"},
	{"/zaken/zrc/1.6.x/1.6.0/openapi.yaml", "zaken-1.6.0"},
}

// cache keeps every loaded Spec for the life of the process: the
// specifications are embedded and immutable, and loading the large ones
// takes a noticeable fraction of a second, too slow to repeat per test.
var cache = struct {
	sync.Mutex
	entries map[string]*cacheEntry
}{entries: map[string]*cacheEntry{}}

type cacheEntry struct {
	once sync.Once
	spec *Spec
	err  error
}

// Names lists the specifications that Load knows, sorted, without the
// ".yaml" extension.
func Names() []string {
	entries, err := fs.ReadDir(files, "specs")
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// Raw returns the embedded bytes of a specification exactly as published
// upstream. It fails for an unknown name.
func Raw(name string) ([]byte, error) {
	if strings.ContainsAny(name, "/\\") {
		return nil, fmt.Errorf("oas: unknown specification %q", name)
	}
	b, err := files.ReadFile("specs/" + name + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("oas: unknown specification %q", name)
	}
	return b, nil
}

// Notice returns specs/NOTICE.md: origin, commit, licence and checksums of
// the embedded specifications.
func Notice() ([]byte, error) { return files.ReadFile("specs/NOTICE.md") }

// Load returns the specification called name ("zaken-1.5.1",
// "autorisaties-1.0.0", ...) with every $ref resolved, external ones from the
// sibling files. The result is cached and shared: callers must not modify
// it. It fails for an unknown name or a document that does not resolve.
func Load(name string) (*Spec, error) {
	cache.Lock()
	e, ok := cache.entries[name]
	if !ok {
		e = &cacheEntry{}
		cache.entries[name] = e
	}
	cache.Unlock()
	e.once.Do(func() { e.spec, e.err = load(name) })
	return e.spec, e.err
}

func load(name string) (*Spec, error) {
	raw, err := Raw(name)
	if err != nil {
		return nil, err
	}
	loader := openapi3.NewLoader()
	loader.ReadFromURIFunc = readLocal
	doc, err := loader.LoadFromDataWithPath(raw, &url.URL{Path: "/specs/" + name + ".yaml"})
	if err != nil {
		return nil, fmt.Errorf("oas: load %s: %w", name, err)
	}
	s := &Spec{name: name, raw: raw, doc: doc}
	s.index()
	return s, nil
}

// readLocal serves external $refs from the embedded files only; nothing is
// ever read from the network or the file system.
func readLocal(_ *openapi3.Loader, location *url.URL) ([]byte, error) {
	target := location.Path
	if location.Host != "" {
		target = "/" + location.Host + location.Path
	}
	target = path.Clean(target)
	for _, m := range externalRefs {
		if strings.HasSuffix(target, m.suffix) {
			return Raw(m.name)
		}
	}
	if dir, file := path.Split(target); dir == "/specs/" {
		if n, ok := strings.CutSuffix(file, ".yaml"); ok {
			return Raw(n)
		}
	}
	return nil, fmt.Errorf("oas: no local copy of external $ref %q", location.String())
}
