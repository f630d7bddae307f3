package catalog

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aftercare-tui/aftercare/plain"
	"go.yaml.in/yaml/v3"
)

// decoder reads YAML nodes into the catalogue's types strictly: every
// unknown field, wrong type, unknown reference and impossible value becomes
// an Error at its line and column, and decoding carries on so that one run
// reports all of them.
type decoder struct {
	path  string
	errs  *Errors
	known vocabulary
	// cat is the catalogue a document refers to, for checks that need
	// more than whether an id exists; nil while the catalogue itself loads.
	cat *Catalog
}

// Decode reads the one YAML document in data into v, a pointer to a struct,
// as strictly as the catalogue itself is read: fields are named by `yaml`
// tags, `oneof` tags limit a field to some words, and `ref` tags name the
// catalogue lists a value must come from (checked when c is not nil). No
// text may hold a control character (ESC, DEL, C0 and C1 controls) or a
// bidi control; a field tagged `text:"free"` may also hold line breaks and
// tabs. Every problem is reported as path:line:col in one Errors. An empty
// document leaves v as it was.
func (c *Catalog) Decode(path string, data []byte, v any) error {
	var errs Errors
	root, perr := parse(path, data)
	switch {
	case perr != nil:
		errs = append(errs, perr)
	case root != nil:
		d := &decoder{path: path, errs: &errs}
		if c != nil {
			d.known, d.cat = c.known, c
		}
		d.decode(root, reflect.ValueOf(v).Elem(), "", rules{})
	}
	return errs.sorted()
}

// Decode is Catalog.Decode for files that refer to no catalogue list.
func Decode(path string, data []byte, v any) error {
	return (*Catalog)(nil).Decode(path, data, v)
}

// rules are what a field's struct tags ask of its values.
type rules struct {
	ref    []string
	keyref []string // for maps: what the keys must be
	oneof  []string
	free   bool // text that may run over several lines
}

// nodeDecoder is implemented by types that read themselves from YAML.
type nodeDecoder interface {
	decodeNode(d *decoder, n *yaml.Node, at string, r rules)
}

// Checker is implemented by types with rules that span their fields; Check
// runs after the fields are decoded and reports through r.
type Checker interface {
	Check(r *Reporter)
}

func (d *decoder) errorf(n *yaml.Node, at, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if at != "" {
		msg = at + ": " + msg
	}
	*d.errs = append(*d.errs, &Error{Path: d.path, Line: n.Line, Col: n.Column, Msg: msg})
}

// decode reads n into v. at names the place for messages, such as
// `activity "bath": minutes`.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, at string, r rules) {
	if n.Kind == yaml.AliasNode {
		d.errorf(n, at, "anchors and aliases (*%s) are not supported in these files; write the value out", n.Value)
		return
	}
	if nd, ok := v.Addr().Interface().(nodeDecoder); ok {
		nd.decodeNode(d, n, at, r)
		return
	}
	if isNull(n) {
		return
	}
	if v.Type() == timeType {
		d.decodeTime(n, v, at)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		elem := reflect.New(v.Type().Elem())
		d.decode(n, elem.Elem(), at, r)
		v.Set(elem)
	case reflect.String:
		if kind := typedScalar(n); kind != "" {
			d.errorf(n, at, "must be text (in quotes), not %s", kind)
			return
		}
		if s, ok := d.scalar(n, at, "text", r.free); ok && d.allowed(n, at, r, s) {
			v.SetString(s)
		}
	case reflect.Int:
		if i, ok := d.integer(n, at); ok {
			v.SetInt(int64(i))
		}
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
			d.errorf(n, at, "expected true or false, got %s", describe(n))
			return
		}
		b, _ := strconv.ParseBool(strings.ToLower(n.Value))
		v.SetBool(b)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.errorf(n, at, "expected a list, got %s", describe(n))
			return
		}
		items := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			itemAt := at
			if items.Index(i).Kind() == reflect.Struct {
				itemAt = entryName(strings.ToLower(v.Type().Elem().Name()), item, i)
				if at != "" {
					itemAt = at + ": " + itemAt
				}
			}
			// A list has no gaps: an entry of nothing, kept as "" or as an
			// empty entry, would pass here and fail later, far from where
			// it was written (unknown tag "").
			switch {
			case isNull(item):
				d.errorf(item, itemAt, "expected %s, got %s", wanted(v.Type().Elem()), describe(item))
			case items.Index(i).Kind() == reflect.String && item.Kind == yaml.ScalarNode && strings.TrimSpace(item.Value) == "":
				d.errorf(item, itemAt, "an entry must not be empty")
			default:
				d.decode(item, items.Index(i), itemAt, r)
			}
		}
		v.Set(items)
	case reflect.Map:
		d.decodeMap(n, v, at, r)
	case reflect.Struct:
		d.decodeStruct(n, v, at, nil)
	default:
		panic(fmt.Sprintf("catalog: no decoding for %s", v.Type()))
	}
}

var timeType = reflect.TypeFor[time.Time]()

// decodeTime reads a moment written as RFC 3339, like 2026-11-23T22:10:00Z.
func (d *decoder) decodeTime(n *yaml.Node, v reflect.Value, at string) {
	if s, ok := d.scalar(n, at, "a time", false); ok {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			d.errorf(n, at, "%s is not a time like 2026-11-23T22:10:00Z", Quoted(s))
			return
		}
		v.Set(reflect.ValueOf(t))
	}
}

// decodeMap reads a mapping with word keys, checked against keyref, into a
// map whose values follow the field's other rules.
func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value, at string, r rules) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, at, "expected fields (name: value), got %s", describe(n))
		return
	}
	out := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		k, ok := d.scalar(key, at, "a name", false)
		if !ok || !d.allowed(key, at, rules{ref: r.keyref}, k) {
			continue
		}
		if out.MapIndex(reflect.ValueOf(k)).IsValid() {
			d.errorf(key, at, "%s is given twice", Quoted(k))
			continue
		}
		elem := reflect.New(v.Type().Elem()).Elem()
		d.decode(val, elem, at+": "+k, rules{ref: r.ref, oneof: r.oneof, free: r.free})
		out.SetMapIndex(reflect.ValueOf(k), elem)
	}
	v.Set(out)
}

// scalar reads text that a terminal will show: one line of it, or several
// if free.
func (d *decoder) scalar(n *yaml.Node, at, want string, free bool) (string, bool) {
	if n.Kind != yaml.ScalarNode || isNull(n) {
		d.errorf(n, at, "expected %s, got %s", want, describe(n))
		return "", false
	}
	if p := plain.Problem(n.Value, free); p != "" {
		d.errorf(n, at, "%s", p)
		return "", false
	}
	return n.Value, true
}

// typedScalar names what YAML (and JSON, which YAML reads) takes a value
// written without quotes to be when it is not text: a number, or true or
// false. A text field given one is refused rather than read as the digits
// or the word, so that a mistake such as "name": 3 is said, not kept.
func typedScalar(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		return ""
	}
	switch n.ShortTag() {
	case "!!int", "!!float":
		return "a number"
	case "!!bool":
		return "true or false"
	}
	return ""
}

func (d *decoder) integer(n *yaml.Node, at string) (int, bool) {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!int" {
		if i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 32); err == nil {
			return int(i), true
		}
	}
	d.errorf(n, at, "expected a whole number, got %s", describe(n))
	return 0, false
}

// allowed checks a word against the field's oneof and ref rules.
func (d *decoder) allowed(n *yaml.Node, at string, r rules, s string) bool {
	if r.oneof != nil && !slices.Contains(r.oneof, s) {
		d.errorf(n, at, "%s is not one of: %s%s", Quoted(s), strings.Join(r.oneof, ", "), d.didYouMean(s, r.oneof))
		return false
	}
	if r.ref != nil && d.known.ids != nil {
		if msg, ok := d.known.checkRef(r.ref, s, d.hinting()); !ok {
			d.errorf(n, at, "%s", msg)
			return false
		}
	}
	return true
}

// decodeStruct reads a mapping into a struct; extra names fields that the
// caller handles itself.
func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, at string, extra []string) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, at, "expected fields (name: value), got %s", describe(n))
		return
	}
	fields := fieldsOf(v.Type())
	given, meant := d.fieldNodes(n, at, fields, extra)
	// A field whose name was mistyped is reported once, as mistyped, not
	// again as missing.
	failed := meant
	// In file order, so that the problems found first, which get hints,
	// are the ones written first.
	for i := 0; i+1 < len(n.Content); i += 2 {
		name := n.Content[i].Value
		val, ok := given[name]
		if !ok || val != n.Content[i+1] {
			continue
		}
		f := fields.byName[name]
		fieldAt := name
		if at != "" {
			fieldAt = at + ": " + name
		}
		before := len(*d.errs)
		d.decode(val, v.Field(f.index), fieldAt, f.rules)
		failed[name] = len(*d.errs) > before
	}
	if c, ok := v.Addr().Interface().(Checker); ok {
		c.Check(&Reporter{d: d, entry: n, fields: given, failed: failed, at: at})
	}
}

// fieldNodes maps each field name in a mapping to its value node, reporting
// repeated and unknown names; extra names are accepted without a field.
// meant holds the fields that unknown names were likely typos of, each
// named in the report.
func (d *decoder) fieldNodes(n *yaml.Node, at string, fields *structInfo, extra []string) (given map[string]*yaml.Node, meant map[string]bool) {
	given, meant = make(map[string]*yaml.Node, len(n.Content)/2), map[string]bool{}
	firstAt := make(map[string]int, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		if key.Kind != yaml.ScalarNode {
			d.errorf(key, at, "expected a field name, got %s", describe(key))
			continue
		}
		name := key.Value
		if line, seen := firstAt[name]; seen {
			d.errorf(key, at, "field %s is given twice (first on line %d)", Quoted(name), line)
			continue
		}
		firstAt[name] = key.Line
		if slices.Contains(extra, name) {
			continue
		}
		if _, ok := fields.byName[name]; !ok {
			if was := fields.retired[name]; was != "" {
				d.errorf(key, at, "unknown field %s (%s)", Quoted(name), was)
				continue
			}
			field := ""
			if d.hinting() {
				field = Closest(name, fields.names)
			}
			if field != "" {
				meant[field] = true
			}
			d.errorf(key, at, "unknown field %s%s", Quoted(name), MeanHint(field))
			continue
		}
		given[name] = val
	}
	return given, meant
}

// Reporter lets a Checker report problems at the field they concern, or at
// the entry when the field is missing.
type Reporter struct {
	d      *decoder
	entry  *yaml.Node
	fields map[string]*yaml.Node
	failed map[string]bool // fields already reported while decoding
	at     string
}

// Errorf reports a problem with field, unless the field's value was already
// reported as unreadable: one clear message a field is enough.
func (r *Reporter) Errorf(field, format string, args ...any) {
	if r.failed[field] {
		return
	}
	n, ok := r.fields[field]
	if !ok {
		n = r.entry
	}
	at := field
	if r.at != "" {
		at = r.at + ": " + field
	}
	r.d.errorf(n, at, format, args...)
}

// Require reports a field that is missing or empty.
func (r *Reporter) Require(field, value string) {
	switch {
	case r.fields[field] == nil:
		r.Errorf(field, "missing")
	case strings.TrimSpace(value) == "":
		r.Errorf(field, "must not be empty")
	}
}

// Has says whether the field was given.
func (r *Reporter) Has(field string) bool { return r.fields[field] != nil }

type structInfo struct {
	byName  map[string]fieldInfo
	names   []string
	retired map[string]string // field names no longer read, and what replaced them
}

type fieldInfo struct {
	index int
	rules rules
}

var structCache sync.Map

// fieldsOf reads the yaml, ref, keyref, oneof and text tags of a struct
// type once.
func fieldsOf(t reflect.Type) *structInfo {
	if info, ok := structCache.Load(t); ok {
		return info.(*structInfo)
	}
	info := &structInfo{byName: map[string]fieldInfo{}, retired: retiredFields[t]}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		var r rules
		if ref := f.Tag.Get("ref"); ref != "" {
			r.ref = strings.Fields(ref)
		}
		if keyref := f.Tag.Get("keyref"); keyref != "" {
			r.keyref = strings.Fields(keyref)
		}
		if oneof := f.Tag.Get("oneof"); oneof != "" {
			r.oneof = strings.Fields(oneof)
		}
		switch text := f.Tag.Get("text"); text {
		case "":
		case "free":
			r.free = true
		default:
			panic(fmt.Sprintf("catalog: %s.%s: text tag %q, want \"free\"", t.Name(), f.Name, text))
		}
		info.byName[name] = fieldInfo{index: i, rules: r}
		info.names = append(info.names, name)
	}
	structCache.Store(t, info)
	return info
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// checkID reports an id that is not lowercase words joined by hyphens.
func checkID(r *Reporter, id string) {
	r.Require("id", id)
	if id != "" && !idPattern.MatchString(id) {
		r.Errorf("id", "%s should be lowercase letters and digits joined by hyphens, like \"warm-towel\"", Quoted(id))
	}
}

// entryName names a list entry by its id or name for messages: `option
// "yes"`, or by its place when it has neither.
func entryName(kind string, n *yaml.Node, i int) string {
	for _, key := range []string{"id", "name"} {
		if v := mappingValue(n, key); v != nil && v.Kind == yaml.ScalarNode && v.Value != "" {
			return fmt.Sprintf("%s %s", kind, Quoted(v.Value))
		}
	}
	return fmt.Sprintf("%s #%d", kind, i+1)
}

func mappingValue(n *yaml.Node, key string) *yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Kind == yaml.ScalarNode && n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// describe names what a node holds, for "expected X, got Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "fields (name: value)"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if isNull(n) {
		return "nothing (~ or null)"
	}
	return Quoted(n.Value)
}

// wanted names what a value of type t is written as, for "expected X, got
// Y" messages.
func wanted(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Int:
		return "a whole number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "a list"
	}
	return "fields (name: value)"
}
