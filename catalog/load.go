package catalog

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"os"
	"path"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/aftercare-tui/aftercare/plain"
	"go.yaml.in/yaml/v3"
)

//go:embed defaults/*.yaml
var defaultFiles embed.FS

// DefaultsDir is how the embedded files are named in messages.
const DefaultsDir = "catalog/defaults"

// file is one catalogue file's bytes; user files layer on top of defaults.
type file struct {
	path string
	data []byte
	user bool
}

// section is one top-level list of a catalogue file, such as activities.
type section struct {
	key    string // the list's name in a file: "activities"
	kind   string // one entry in messages: "activity"
	typ    reflect.Type
	append func(c *Catalog, entry reflect.Value)
	list   func(c *Catalog) any
}

func sectionOf[T any](key, kind string, list func(*Catalog) *[]T) section {
	return section{
		key:  key,
		kind: kind,
		typ:  reflect.TypeFor[T](),
		append: func(c *Catalog, entry reflect.Value) {
			l := list(c)
			*l = append(*l, entry.Interface().(T))
		},
		list: func(c *Catalog) any { return *list(c) },
	}
}

// sections are in the order `catalog list` shows them.
var sections = []section{
	sectionOf("needs", "need", func(c *Catalog) *[]Need { return &c.Needs }),
	sectionOf("tags", "tag", func(c *Catalog) *[]Tag { return &c.Tags }),
	sectionOf("things", "thing", func(c *Catalog) *[]Thing { return &c.Things }),
	sectionOf("situations", "situation", func(c *Catalog) *[]Situation { return &c.Situations }),
	sectionOf("activities", "activity", func(c *Catalog) *[]Activity { return &c.Activities }),
	sectionOf("questions", "question", func(c *Catalog) *[]Question { return &c.Questions }),
	sectionOf("resources", "resource", func(c *Catalog) *[]Resource { return &c.Resources }),
}

// Sections returns the names of the catalogue's lists, in order.
func Sections() []string {
	names := make([]string, len(sections))
	for i, s := range sections {
		names[i] = s.key
	}
	return names
}

//go:generate go test -run ^TestTheGeneratedCatalogueIsTheYAMLOne$ -update-generated

// Defaults returns the built-in catalogue alone. It was decoded from the
// embedded YAML when the program was built (defaults_generated.go), so
// that starting takes no parsing; the YAML is read only to layer a
// person's own files on top. Its lists are shared by every caller and
// are never to be changed: to change one, copy it first.
func Defaults() (*Catalog, error) {
	return builtIn(), nil
}

// Load returns the embedded catalogue with the person's own files from dir
// layered on top. A dir that does not exist, or cannot since a file is
// where a folder on the way to it belongs, means there are none; a link
// there that leads nowhere is refused, since it was meant to lead to some.
func Load(dir string) (*Catalog, error) {
	if _, err := os.Lstat(dir); dir == "" || Absent(err) {
		return Defaults()
	}
	return LoadPaths(dir)
}

// LoadPaths returns the embedded catalogue with the given files, and the
// catalogue files in the given directories, layered on top. Each path must
// exist.
func LoadPaths(paths ...string) (*Catalog, error) {
	files, err := defaults()
	if err != nil {
		return nil, err
	}
	var r userReader
	for _, p := range paths {
		if err := r.add(p); err != nil {
			return nil, err
		}
	}
	if err := r.refused.sorted(); err != nil {
		return nil, err
	}
	if len(r.files) == 0 {
		return Defaults()
	}
	return layer(append(files, r.files...))
}

func defaults() ([]file, error) {
	entries, err := defaultFiles.ReadDir("defaults")
	if err != nil {
		return nil, err
	}
	files := make([]file, 0, len(entries))
	for _, e := range entries {
		data, err := defaultFiles.ReadFile("defaults/" + e.Name())
		if err != nil {
			return nil, err
		}
		files = append(files, file{path: path.Join(DefaultsDir, e.Name()), data: data})
	}
	return files, nil
}

// declaration is where an id is defined: the entry that wins for it after
// layering.
type declaration struct {
	path     string
	node     *yaml.Node
	disabled bool
}

// layer reads the files in order and decodes what wins. Within the defaults, and
// within the person's files, an id may appear once; a person's entry with a
// default's id replaces it, and `disabled: true` hides it.
func layer(files []file) (*Catalog, error) {
	var errs Errors
	winners := map[string]map[string]*declaration{}
	order := map[string][]string{}
	layers := [2]map[string]map[string]*declaration{{}, {}}
	for _, s := range sections {
		winners[s.key] = map[string]*declaration{}
		layers[0][s.key] = map[string]*declaration{}
		layers[1][s.key] = map[string]*declaration{}
	}
	c := &Catalog{}

	parsed := parseAll(files)
	for i, f := range files {
		if f.user {
			c.UserFiles = append(c.UserFiles, f.path)
		}
		d := &decoder{path: f.path, errs: &errs}
		root, err := parsed[i].root, parsed[i].err
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if root == nil {
			continue
		}
		if root.Kind != yaml.MappingNode {
			d.errorf(root, "", "expected lists such as `activities:` at the top of the file, got %s", describe(root))
			continue
		}
		for i := 0; i+1 < len(root.Content); i += 2 {
			key, list := root.Content[i], root.Content[i+1]
			s, ok := sectionNamed(key.Value)
			if !ok {
				d.errorf(key, "", "unknown list %s%s; a catalogue file has: %s", Quoted(key.Value), d.didYouMean(key.Value, Sections()), strings.Join(Sections(), ", "))
				continue
			}
			if isNull(list) {
				continue
			}
			if list.Kind != yaml.SequenceNode {
				d.errorf(list, key.Value, "expected a list of %s (each starting with `- id:`), got %s", key.Value, describe(list))
				continue
			}
			for j, entry := range list.Content {
				decl, id := declare(d, s, entry, j)
				if decl == nil {
					continue
				}
				layer := layers[boolIndex(f.user)][s.key]
				if prev, dup := layer[id]; dup {
					d.errorf(mappingValue(entry, "id"), fmt.Sprintf("%s %s", s.kind, Quoted(id)), "defined twice; first at %s:%d:%d", prev.path, prev.node.Line, prev.node.Column)
					continue
				}
				layer[id] = decl
				replacing := winners[s.key][id] != nil
				if decl.disabled && !replacing {
					d.errorf(mappingValue(entry, "disabled"), fmt.Sprintf("%s %s", s.kind, Quoted(id)), "there is no built-in %s with this id to disable%s", s.kind, d.didYouMean(id, order[s.key]))
					continue
				}
				if !replacing {
					order[s.key] = append(order[s.key], id)
				}
				winners[s.key][id] = decl
			}
		}
	}

	known := newVocabulary()
	for _, s := range sections {
		for id := range winners[s.key] {
			known.add(s.kind, id)
		}
	}
	var hidden [][2]string // kind and id
	for _, s := range sections {
		for _, id := range order[s.key] {
			decl := winners[s.key][id]
			d := &decoder{path: decl.path, errs: &errs, known: known}
			at := fmt.Sprintf("%s %s", s.kind, Quoted(id))
			if decl.disabled {
				d.fieldNodes(decl.node, at, fieldsOf(s.typ), []string{"disabled"})
				hidden = append(hidden, [2]string{s.kind, id})
				continue
			}
			entry := reflect.New(s.typ).Elem()
			d.decodeStruct(decl.node, entry, at, []string{"disabled"})
			s.append(c, entry)
		}
	}
	c.build()
	// A hidden entry is still known: a profile or request that names it
	// reads as before. A hidden activity or situation is never offered.
	for _, h := range hidden {
		c.known.add(h[0], h[1])
	}
	c.checkPrefills(winners["questions"], &errs)
	if err := errs.sorted(); err != nil {
		return nil, err
	}
	return c, nil
}

// checkPrefills makes sure a plan's answer can become a check-in's: only a
// before question prefills, only an after question is prefilled, and both
// are of the same kind.
func (c *Catalog) checkPrefills(decls map[string]*declaration, errs *Errors) {
	for _, q := range c.Questions {
		target := c.Question(q.Prefills)
		if target == nil {
			continue
		}
		decl := decls[q.ID]
		d := &decoder{path: decl.path, errs: errs}
		at := fmt.Sprintf("question %s: prefills", Quoted(q.ID))
		node := mappingValue(decl.node, "prefills")
		switch {
		case q.Phase != "before":
			d.errorf(node, at, "only a before question can fill in a check-in's answer; this one is asked %s", q.Phase)
		case target.Phase != "after":
			d.errorf(node, at, "question %s is not a check-in question (its phase is %s, not after)", Quoted(target.ID), target.Phase)
		case target.Kind != q.Kind:
			d.errorf(node, at, "question %s is a %s question and this one is %s: an answer carries over only between questions of the same kind", Quoted(target.ID), target.Kind, q.Kind)
		}
	}
}

// declare reads an entry's id and whether it is disabled, before anything
// else, so that every id is known when references are checked.
func declare(d *decoder, s section, entry *yaml.Node, i int) (*declaration, string) {
	if entry.Kind == yaml.AliasNode {
		d.errorf(entry, s.key, "anchors and aliases (*%s) are not supported in these files; write the entry out", entry.Value)
		return nil, ""
	}
	if entry.Kind != yaml.MappingNode {
		d.errorf(entry, s.key, "expected an entry starting with `- id:`, got %s", describe(entry))
		return nil, ""
	}
	idNode := mappingValue(entry, "id")
	if idNode == nil || idNode.Kind != yaml.ScalarNode || strings.TrimSpace(idNode.Value) == "" {
		d.errorf(entry, entryName(s.kind, entry, i), "id: missing; every entry needs one")
		return nil, ""
	}
	decl := &declaration{path: d.path, node: entry}
	if n := mappingValue(entry, "disabled"); n != nil {
		before := len(*d.errs)
		d.decode(n, reflect.ValueOf(&decl.disabled).Elem(), fmt.Sprintf("%s %s: disabled", s.kind, Quoted(idNode.Value)), rules{})
		if len(*d.errs) > before {
			// Whether the entry counts is unclear until this is mended.
			return nil, ""
		}
	}
	return decl, idNode.Value
}

func sectionNamed(key string) (section, bool) {
	for _, s := range sections {
		if s.key == key {
			return s, true
		}
	}
	return section{}, false
}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

type parsed struct {
	root *yaml.Node
	err  *Error
}

// parseAll parses the files side by side: parsing YAML is most of the time
// a load takes, and the files do not depend on each other until layering.
func parseAll(files []file) []parsed {
	out := make([]parsed, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Go(func() {
			out[i].root, out[i].err = parse(f.path, f.data)
		})
	}
	wg.Wait()
	return out
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parse reads a file's single YAML document. A file with nothing in it is
// fine and gives nil.
func parse(path string, data []byte) (root *yaml.Node, err *Error) {
	defer func() {
		// The YAML library is not ours; a panic in it must not take the
		// program down on a person's file.
		if r := recover(); r != nil {
			root, err = nil, &Error{Path: path, Line: 1, Col: 1, Msg: plain.Line(fmt.Sprintf("this file could not be read as YAML (%v)", r))}
		}
	}()
	if e := notText(path, data); e != nil {
		return nil, e
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if e := dec.Decode(&doc); e != nil {
		if e == io.EOF {
			return nil, nil
		}
		return nil, syntaxError(path, data, e)
	}
	var next yaml.Node
	switch e := dec.Decode(&next); {
	case e == io.EOF:
	case e != nil:
		return nil, syntaxError(path, data, e)
	default:
		return nil, &Error{Path: path, Line: next.Line, Col: next.Column, Msg: "a second YAML document (after ---); a catalogue file holds one"}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// parserProblems are the YAML library's parser errors, as opposed to its
// scanner errors: for these it reports the line counted from 0, either where
// the unclosed list or mapping starts or where the problem is.
var parserProblems = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"found undefined tag handle":             true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
}

// syntaxError places a YAML syntax error at its line; the library does not
// give a column, so it points at where that line's text starts.
func syntaxError(path string, data []byte, e error) *Error {
	line, msg := 1, strings.TrimPrefix(e.Error(), "yaml: ")
	if m := yamlLine.FindStringSubmatch(e.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		if parserProblems[msg] {
			line++
		}
	}
	// A problem found at the end of the file belongs to its last line of
	// text, where the person will look for it.
	lines := bytes.Split(data, []byte("\n"))
	for line > 1 && (line > len(lines) || len(bytes.TrimSpace(lines[line-1])) == 0) {
		line--
	}
	col := 1
	if line <= len(lines) {
		text := lines[line-1]
		col = len(text) - len(bytes.TrimLeft(text, " \t")) + 1
	}
	return &Error{Path: path, Line: line, Col: col, Msg: "YAML syntax: " + plain.Line(msg)}
}
