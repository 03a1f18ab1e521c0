// Package eventgolden freezes the JSON of the events in the log. The log is
// kept for decades (DESIGN.md, rule 1), so every event type of a bounded
// context has, per schema version, a golden file holding one event exactly
// as the registry stored it:
//
//	domain/<context>/testdata/events/<event type>.v<schema version>.json
//
// Check is the body of each context's TestEvents_Golden: it proves that the
// code still reads every golden file to the same event, and that every
// event type the context declares has a golden file of its current schema
// version. cmd/zaakregister's TestEventGolden_Capture writes the files from
// a running registry, through FileName, Dir and Types. Only tests import
// this package; like all of domain it uses the standard library only.
package eventgolden

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Dir is the folder of a context's golden files, relative to its package.
const Dir = "testdata/events"

// FileName is the name of the golden file of eventType at schema version.
func FileName(eventType string, version int) string {
	return fmt.Sprintf("%s.v%d.json", eventType, version)
}

// parseFileName reads a name written by FileName.
func parseFileName(name string) (eventType string, version int, ok bool) {
	base, found := strings.CutSuffix(name, ".json")
	i := strings.LastIndex(base, ".v")
	if !found || i <= 0 {
		return "", 0, false
	}
	v, err := strconv.Atoi(base[i+2:])
	if err != nil || v < 1 || strconv.Itoa(v) != base[i+2:] {
		return "", 0, false
	}
	return base[:i], v, true
}

// Types returns the event type names the Go package in dir declares, by
// constant name. Event types have no registry: by convention each is a
// string constant whose name starts with "Type", and that convention is
// what makes a new one known to Check and to the capture.
func Types(dir string) (map[string]string, error) {
	files, err := parsePackage(dir)
	if err != nil {
		return nil, err
	}
	return typeConstants(files), nil
}

// parsePackage parses the non-test Go files of dir.
func parsePackage(dir string) ([]*ast.File, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no Go files in %s", dir)
	}
	return files, nil
}

// typeConstants returns the string constants named Type... of files.
func typeConstants(files []*ast.File) map[string]string {
	out := map[string]string{}
	for _, f := range files {
		for _, decl := range f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if !strings.HasPrefix(name.Name, "Type") || i >= len(vs.Values) {
						continue
					}
					if s, ok := stringLit(vs.Values[i]); ok {
						out[name.Name] = s
					}
				}
			}
		}
	}
	return out
}

// decodeTypes returns the event types the package's Decode function names:
// the values of its switch cases, or the keys of its map of decoders,
// whether constants or literals.
func decodeTypes(files []*ast.File, consts map[string]string) ([]string, error) {
	var body *ast.BlockStmt
	for _, f := range files {
		for _, decl := range f.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == "Decode" {
				body = fn.Body
			}
		}
	}
	if body == nil {
		return nil, errors.New("the package has no func Decode")
	}
	var (
		named []string
		err   error
	)
	add := func(x ast.Expr) {
		switch x := x.(type) {
		case *ast.Ident:
			if v, ok := consts[x.Name]; ok {
				named = append(named, v)
				return
			}
		case *ast.BasicLit:
			if s, ok := stringLit(x); ok {
				named = append(named, s)
				return
			}
		}
		err = errors.Join(err, fmt.Errorf("Decode names an event type by a %T, neither a Type constant nor a string", x))
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CaseClause:
			for _, x := range n.List {
				add(x)
			}
		case *ast.CompositeLit:
			if _, isMap := n.Type.(*ast.MapType); isMap {
				for _, elt := range n.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						add(kv.Key)
					}
				}
			}
		}
		return true
	})
	if err == nil && len(named) == 0 {
		err = errors.New("Decode names no event types (no switch cases, no map keys)")
	}
	return named, err
}

func stringLit(x ast.Expr) (string, bool) {
	lit, ok := x.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
