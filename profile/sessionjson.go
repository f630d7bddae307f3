package profile

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// A history listing reads and writes thousands of sessions, and
// encoding/json costs most of it: its decoder scans each file twice and
// copies it once, and MarshalIndent works by reflection and then scans its
// own output again to indent it. So sessions are read and written here by
// hand, in one pass each, to the same effect byte for byte and value for
// value. The reader takes only the JSON a session is written in; anything
// else it leaves to json.Decoder, so that what is refused is refused in
// the same words as ever.

// readSessionJSON reads a session from data, valid UTF-8, as json.Decoder
// with DisallowUnknownFields would, and says whether it could. It cannot
// read a value of another type, null, a number that is not a plain
// integer, a field it does not know, a field given twice, or a field's
// name with an escape in it; json.Decoder reads those, and refuses them
// or not.
func readSessionJSON(data []byte) (*Session, bool) {
	r := jsonReader{data: data}
	var s Session
	r.session(&s)
	r.space()
	return &s, !r.bad && r.at == len(data)
}

// jsonReader reads JSON from data, from at on. Once bad is set, nothing
// it read is to be used.
type jsonReader struct {
	data []byte
	at   int
	bad  bool
}

func (r *jsonReader) session(s *Session) {
	r.fields(func(key []byte) {
		switch string(key) {
		case "id":
			s.ID = r.string()
		case "started":
			s.Started = r.time()
		case "mode":
			s.Mode = r.string()
		case "people":
			s.People = r.strings()
		case "situation":
			s.Situation = r.string()
		case "shared":
			s.Shared = r.answers()
		case "chosen":
			s.Chosen = r.strings()
		case "note":
			s.Note = r.string()
		case "ratings":
			s.Ratings = r.ratings()
		case "kind":
			s.Kind = r.string()
		case "followup":
			s.FollowUp = r.followUp()
		default:
			r.bad = true
		}
	})
}

func (r *jsonReader) followUp() *FollowUp {
	var f FollowUp
	r.fields(func(key []byte) {
		switch string(key) {
		case "for":
			f.For = r.strings()
		case "done":
			done := r.time()
			f.Done = &done
		case "shared":
			f.Shared = r.answers()
		default:
			r.bad = true
		}
	})
	return &f
}

// answers reads each person's shared answers.
func (r *jsonReader) answers() map[string][]Shared {
	out := map[string][]Shared{}
	r.object(func() {
		name := r.string()
		r.expect(':')
		// A name given twice keeps its last answers, as with json.
		list := []Shared{}
		r.array(func() { list = append(list, r.answer()) })
		out[name] = list
	})
	return out
}

func (r *jsonReader) answer() Shared {
	var a Shared
	r.fields(func(key []byte) {
		switch string(key) {
		case "question":
			a.Question = r.string()
		case "prompt":
			a.Prompt = r.string()
		case "choices":
			a.Choices = r.strings()
		case "scale":
			scale := r.integer()
			a.Scale = &scale
		case "text":
			a.Text = r.string()
		case "said":
			a.Said = r.string()
		default:
			r.bad = true
		}
	})
	return a
}

func (r *jsonReader) ratings() []Rating {
	list := []Rating{}
	r.array(func() {
		var rating Rating
		r.fields(func(key []byte) {
			switch string(key) {
			case "person":
				rating.Person = r.string()
			case "activity":
				rating.Activity = r.string()
			case "rating":
				rating.Rating = r.string()
			default:
				r.bad = true
			}
		})
		list = append(list, rating)
	})
	return list
}

// maxFields is more than any object read here has.
const maxFields = 16

// fields reads the object of a struct, handing field each key to read its
// value. A key must be plain, with no escape, and given once: json reads a
// field given twice into what it read the first time, merging the two.
func (r *jsonReader) fields(field func(key []byte)) {
	var seen [maxFields][]byte
	n := 0
	r.object(func() {
		key := r.literal()
		if r.bad || n == maxFields || bytes.IndexByte(key, '\\') >= 0 ||
			slices.ContainsFunc(seen[:n], func(k []byte) bool { return bytes.Equal(k, key) }) {
			r.bad = true
			return
		}
		seen[n] = key
		n++
		r.expect(':')
		field(key[1 : len(key)-1])
	})
}

// object reads an object, with member reading each key and value.
func (r *jsonReader) object(member func()) {
	r.expect('{')
	if r.skip('}') {
		return
	}
	for !r.bad {
		member()
		if !r.skip(',') {
			r.expect('}')
			return
		}
	}
}

// array reads an array, with item reading each value.
func (r *jsonReader) array(item func()) {
	r.expect('[')
	if r.skip(']') {
		return
	}
	for !r.bad {
		item()
		if !r.skip(',') {
			r.expect(']')
			return
		}
	}
}

// strings reads a list of strings; [] is an empty list, as json makes it.
func (r *jsonReader) strings() []string {
	list := []string{}
	r.array(func() { list = append(list, r.string()) })
	return list
}

// string reads a string. One with an escape is left to json to read, rare
// as it is, so that every escape means what json makes of it.
func (r *jsonReader) string() string {
	lit := r.literal()
	if r.bad {
		return ""
	}
	body := lit[1 : len(lit)-1]
	if bytes.IndexByte(body, '\\') < 0 {
		return string(body)
	}
	var s string
	if json.Unmarshal(lit, &s) != nil {
		r.bad = true
	}
	return s
}

// time reads a time as json does, by the time's own UnmarshalJSON.
func (r *jsonReader) time() time.Time {
	var t time.Time
	lit := r.literal()
	if !r.bad && t.UnmarshalJSON(lit) != nil {
		r.bad = true
	}
	return t
}

// literal reads a string as it is written, quotes and escapes and all.
// A control character cannot be in it; an escape is looked at only by
// what reads the string.
func (r *jsonReader) literal() []byte {
	if !r.skip('"') {
		r.bad = true
		return nil
	}
	data, start := r.data, r.at-1
	for i := r.at; i < len(data); i++ {
		switch c := data[i]; {
		case c == '"':
			r.at = i + 1
			return data[start:r.at]
		case c == '\\':
			i++
		case c < 0x20:
			r.bad = true
			return nil
		}
	}
	r.bad = true
	return nil
}

// integer reads a number written as a plain integer: no fraction, no
// exponent, no leading zero.
func (r *jsonReader) integer() int {
	r.space()
	start := r.at
	if r.at < len(r.data) && r.data[r.at] == '-' {
		r.at++
	}
	digits := r.at
	for r.at < len(r.data) && r.data[r.at] >= '0' && r.data[r.at] <= '9' {
		r.at++
	}
	n, err := strconv.Atoi(string(r.data[start:r.at]))
	if err != nil || r.at == digits || r.data[digits] == '0' && r.at > digits+1 {
		r.bad = true
	}
	return n
}

// skip reads c if it comes next, after any space.
func (r *jsonReader) skip(c byte) bool {
	r.space()
	if r.bad || r.at == len(r.data) || r.data[r.at] != c {
		return false
	}
	r.at++
	return true
}

// expect reads c, which must come next.
func (r *jsonReader) expect(c byte) {
	if !r.skip(c) {
		r.bad = true
	}
}

func (r *jsonReader) space() {
	data, i := r.data, r.at
	for i < len(data) && (data[i] == ' ' || data[i] == '\n' || data[i] == '\t' || data[i] == '\r') {
		i++
	}
	r.at = i
}

// AppendJSON appends the session to b as json.MarshalIndent(s, prefix,
// "  ") writes it, byte for byte, and fails where it fails.
func (s *Session) AppendJSON(b []byte, prefix string) ([]byte, error) {
	w := jsonWriter{b: b, prefix: prefix}
	w.session(s)
	if w.err != nil {
		return nil, w.err
	}
	return w.b, nil
}

// jsonWriter writes indented JSON to b: each line starts with prefix and
// two spaces for each level of depth. first says that nothing is yet in
// the object or array last begun.
type jsonWriter struct {
	b      []byte
	prefix string
	depth  int
	first  bool
	err    error
}

func (w *jsonWriter) session(s *Session) {
	w.begin('{')
	w.field("id")
	w.string(s.ID)
	w.field("started")
	w.time(s.Started, reflect.TypeFor[time.Time]())
	w.field("mode")
	w.string(s.Mode)
	w.field("people")
	w.strings(s.People)
	w.optional("situation", s.Situation)
	w.field("shared")
	w.answers(s.Shared)
	w.field("chosen")
	w.strings(s.Chosen)
	w.optional("note", s.Note)
	w.field("ratings")
	w.ratings(s.Ratings)
	w.optional("kind", s.Kind)
	if f := s.FollowUp; f != nil {
		w.field("followup")
		w.followUp(f)
	}
	w.end('}')
}

func (w *jsonWriter) followUp(f *FollowUp) {
	w.begin('{')
	w.field("for")
	w.strings(f.For)
	if f.Done != nil {
		w.field("done")
		w.time(*f.Done, reflect.TypeFor[*time.Time]())
	}
	if len(f.Shared) > 0 {
		w.field("shared")
		w.answers(f.Shared)
	}
	w.end('}')
}

// answers writes each person's shared answers, by name in byte order, as
// json sorts a map's keys.
func (w *jsonWriter) answers(shared map[string][]Shared) {
	if shared == nil {
		w.null()
		return
	}
	w.begin('{')
	var few [4]string // most sessions have one or two people
	names := few[:0]
	for name := range shared {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		w.key(name)
		list := shared[name]
		if list == nil {
			w.null()
			continue
		}
		w.begin('[')
		for _, a := range list {
			w.item()
			w.answer(a)
		}
		w.end(']')
	}
	w.end('}')
}

func (w *jsonWriter) answer(a Shared) {
	w.begin('{')
	w.field("question")
	w.string(a.Question)
	w.field("prompt")
	w.string(a.Prompt)
	if len(a.Choices) > 0 {
		w.field("choices")
		w.strings(a.Choices)
	}
	if a.Scale != nil {
		w.field("scale")
		w.b = strconv.AppendInt(w.b, int64(*a.Scale), 10)
	}
	w.optional("text", a.Text)
	w.field("said")
	w.string(a.Said)
	w.end('}')
}

func (w *jsonWriter) ratings(list []Rating) {
	if list == nil {
		w.null()
		return
	}
	w.begin('[')
	for _, r := range list {
		w.item()
		w.begin('{')
		w.field("person")
		w.string(r.Person)
		w.field("activity")
		w.string(r.Activity)
		w.field("rating")
		w.string(r.Rating)
		w.end('}')
	}
	w.end(']')
}

func (w *jsonWriter) strings(list []string) {
	if list == nil {
		w.null()
		return
	}
	w.begin('[')
	for _, s := range list {
		w.item()
		w.string(s)
	}
	w.end(']')
}

// time writes a time by its own MarshalJSON, as json does, and fails as
// json fails for a value of type typ.
func (w *jsonWriter) time(t time.Time, typ reflect.Type) {
	text, err := t.MarshalJSON()
	if err != nil && w.err == nil {
		w.err = &json.MarshalerError{Type: typ, Err: err}
	}
	w.b = append(w.b, text...)
}

// optional writes a field that json leaves out when it is empty.
func (w *jsonWriter) optional(name, value string) {
	if value != "" {
		w.field(name)
		w.string(value)
	}
}

func (w *jsonWriter) null() { w.b = append(w.b, "null"...) }

// begin starts an object or an array; end closes it, on a line of its own
// unless it is empty.
func (w *jsonWriter) begin(c byte) {
	w.b = append(w.b, c)
	w.depth++
	w.first = true
}

func (w *jsonWriter) end(c byte) {
	w.depth--
	if !w.first {
		w.newline()
	}
	w.b = append(w.b, c)
	w.first = false
}

// item starts the next value of an array on a line of its own.
func (w *jsonWriter) item() {
	if !w.first {
		w.b = append(w.b, ',')
	}
	w.first = false
	w.newline()
}

// field starts the next field of a struct; its name needs no quoting.
func (w *jsonWriter) field(name string) {
	w.item()
	w.b = append(w.b, '"')
	w.b = append(w.b, name...)
	w.b = append(w.b, `": `...)
}

// key starts the next entry of a map.
func (w *jsonWriter) key(name string) {
	w.item()
	w.string(name)
	w.b = append(w.b, ": "...)
}

func (w *jsonWriter) newline() {
	w.b = append(w.b, '\n')
	w.b = append(w.b, w.prefix...)
	for range w.depth {
		w.b = append(w.b, "  "...)
	}
}

// string writes s quoted as json quotes it. A string with anything json
// escapes in it (a quote, a backslash, a control character, <, > or &, a
// line or paragraph separator, a byte that is not UTF-8) is quoted by json
// itself, rare as it is.
func (w *jsonWriter) string(s string) {
	if !plainJSON(s) {
		quoted, _ := json.Marshal(s) // a string always marshals
		w.b = append(w.b, quoted...)
		return
	}
	w.b = append(w.b, '"')
	w.b = append(w.b, s...)
	w.b = append(w.b, '"')
}

// plainJSON says whether json writes s as it is, between quotes.
func plainJSON(s string) bool {
	multibyte := false
	for i := range len(s) {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			multibyte = true
		case c < 0x20, c == '"', c == '\\', c == '<', c == '>', c == '&':
			return false
		}
	}
	return !multibyte || utf8.ValidString(s) && !strings.ContainsAny(s, "\u2028\u2029")
}
