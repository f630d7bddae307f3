package profile

import (
	"bytes"
	"cmp"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/aftercare-tui/aftercare/catalog"
)

// encodeSession writes a session as indented JSON, readable in any editor,
// with empty lists written as [] rather than null and names as canonical
// gives them. The bytes are read back as history reads them, and refused
// with what is wrong if they would not read back.
func encodeSession(s *Session) ([]byte, error) {
	c, problems := s.canonical()
	if problems = append(problems, c.problems()...); len(problems) > 0 {
		msgs := make([]string, len(problems))
		for i, p := range problems {
			msgs[i] = p.String()
		}
		return nil, errors.New(strings.Join(msgs, "\n"))
	}
	if c.Shared == nil {
		c.Shared = map[string][]Shared{}
	}
	if c.Chosen == nil {
		c.Chosen = []string{}
	}
	if c.Ratings == nil {
		c.Ratings = []Rating{}
	}
	data, err := c.AppendJSON(nil, "")
	if err != nil {
		return nil, err
	}
	data = append(data, '\n')
	if _, err := decodeSession("", data); err != nil {
		return nil, unplaced(err)
	}
	return data, nil
}

// decodeSession reads a session strictly: a file over its size or not
// UTF-8, unknown fields, wrong types and broken rules are errors at their
// line and column. Names come back as canonical gives them.
func decodeSession(path string, data []byte) (*Session, error) {
	if len(data) > MaxSessionBytes {
		return nil, errorAt(path, data, 0, tooLarge("session", int64(len(data)), MaxSessionBytes))
	}
	if !utf8.Valid(data) {
		return nil, errorAt(path, data, int64(invalidUTF8At(data)), "not valid UTF-8 text; history holds only text")
	}
	if at := loneSurrogate(data); at >= 0 {
		return nil, errorAt(path, data, int64(at), loneSurrogateProblem)
	}
	s, ok := readSessionJSON(data)
	if !ok {
		var err error
		if s, err = decodeSessionStrictly(path, data); err != nil {
			return nil, err
		}
	}
	c, problems := s.canonical()
	problems = append(problems, c.problems()...)
	if len(problems) == 0 {
		return c, nil
	}
	errs := make(catalog.Errors, len(problems))
	for i, p := range problems {
		line, col := problemPosition(data, p)
		errs[i] = &catalog.Error{Path: path, Line: line, Col: col, Msg: p.String()}
	}
	return nil, errs
}

// misnamedError is a session file that is not named after the session it
// holds. Every session aftercare writes is kept in the file named after
// its id, so one under another name is a copy, or a file renamed; it is
// not used, since a copy would count the session twice.
type misnamedError struct {
	err error
	// session is what the file holds, so that forgetting a person can
	// take them out of it too.
	session *Session
}

func (e *misnamedError) Error() string { return e.err.Error() }
func (e *misnamedError) Unwrap() error { return e.err }

// misnamed says where the session in the file at path belongs: in the
// file named after its id, which holds it already or which this one
// could be renamed to.
func misnamed(path string, data []byte, sess *Session) error {
	own := filepath.Join(filepath.Dir(path), sess.ID+".json")
	msg := fmt.Sprintf("id: holds session %s, which is kept in %s, so this copy is not used; delete it if you no longer need it", sess.ID, own)
	if !fileExists(own) {
		msg = fmt.Sprintf("id: holds session %s, which belongs in the file named after it; rename this file to %s to use it", sess.ID, own)
	}
	line, col := keyPosition(data, "id")
	return &misnamedError{err: catalog.Errors{{Path: path, Line: line, Col: col, Msg: msg}}, session: sess}
}

// decodeSessionStrictly reads what readSessionJSON cannot: json.Decoder
// takes it or says where and why not.
func decodeSessionStrictly(path string, data []byte) (*Session, error) {
	var s Session
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return nil, jsonError(path, data, err, dec.InputOffset())
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errorAt(path, data, dec.InputOffset(), "more after the end of the session")
	}
	return &s, nil
}

// loneSurrogateProblem is what loneSurrogate finds, in plain words.
const loneSurrogateProblem = `a \u escape here is half of a character (a lone UTF-16 surrogate), which is not text`

// loneSurrogate is the offset of the first \u escape in JSON data that is
// half of a UTF-16 pair without its other half, or -1 when there is none.
// encoding/json reads one as U+FFFD, which a rewrite would keep for good.
func loneSurrogate(data []byte) int {
	for i := 0; i < len(data); i++ {
		next := bytes.IndexByte(data[i:], '\\')
		if next < 0 || i+next+1 >= len(data) {
			return -1
		}
		i += next
		if data[i+1] != 'u' {
			i++ // an escape of one character, such as \" or \\
			continue
		}
		r, ok := hex4(data[i+2:])
		switch {
		case !ok:
			// Not an escape at all: the decoder says so, and where.
		case r >= 0xd800 && r < 0xdc00:
			if lo, ok := hex4(data[min(i+8, len(data)):]); ok && bytes.HasPrefix(data[i+6:], []byte(`\u`)) && lo >= 0xdc00 && lo < 0xe000 {
				i += 6
				break
			}
			return i
		case r >= 0xdc00 && r < 0xe000:
			return i
		}
		i += 5
	}
	return -1
}

// hex4 reads the four hex digits at the start of b.
func hex4(b []byte) (rune, bool) {
	var two [2]byte
	if len(b) < 4 {
		return 0, false
	}
	if _, err := hex.Decode(two[:], b[:4]); err != nil {
		return 0, false
	}
	return rune(two[0])<<8 | rune(two[1]), true
}

// invalidUTF8At is the offset of the first byte in data that is not UTF-8.
func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// problemPosition finds where a problem is in the file: at the value
// that breaks the rule when it is written as this program writes it,
// else at its field's key.
func problemPosition(data []byte, p problem) (int, int) {
	if p.field == "" {
		return 1, 1
	}
	if p.value != "" {
		if quoted, err := json.Marshal(p.value); err == nil {
			if i := bytes.Index(data, quoted); i >= 0 {
				return position(data, int64(i))
			}
		}
	}
	return keyPosition(data, p.field)
}

// jsonError places a decoding error at its line and column.
func jsonError(path string, data []byte, err error, offset int64) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return errorAt(path, data, 0, "the file is empty")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errorAt(path, data, int64(len(data)), "the file ends in the middle of the session")
	case errors.As(err, &syntax):
		// The offset is just past the character that is wrong.
		return errorAt(path, data, syntax.Offset-1, "JSON syntax: "+syntax.Error())
	case errors.As(err, &typ):
		fields := strings.Split(typ.Field, ".")
		line, col := keyPosition(data, fields[len(fields)-1])
		what := "a session "
		if typ.Field != "" {
			what = typ.Field + ": "
		}
		msg := what + mustBe(typ)
		return catalog.Errors{{Path: path, Line: line, Col: col, Msg: msg}}
	}
	if field, got, ok := badTime(data); ok {
		line, col := keyPosition(data, field)
		return catalog.Errors{{Path: path, Line: line, Col: col, Msg: fmt.Sprintf("%s: expected a time like \"2026-11-20T22:10:00Z\", got %s", field, got)}}
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if field, ok := strings.CutPrefix(msg, "unknown field "); ok {
		line, col := keyPosition(data, strings.Trim(field, `"`))
		return catalog.Errors{{Path: path, Line: line, Col: col, Msg: "unknown field " + field}}
	}
	return errorAt(path, data, offset, msg)
}

// mustBe says in plain words what a JSON value should have been, and what
// it was: "must be text (in quotes), not a number".
func mustBe(typ *json.UnmarshalTypeError) string {
	want := typ.Type
	for want.Kind() == reflect.Pointer {
		want = want.Elem()
	}
	var should string
	switch want.Kind() {
	case reflect.String:
		should = "text (in quotes)"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		should = "a whole number"
	case reflect.Bool:
		should = "true or false"
	case reflect.Slice, reflect.Array:
		should = "a list [...]"
	default:
		should = "fields {...}"
	}
	was, number := strings.CutPrefix(typ.Value, "number ")
	if !number {
		was = map[string]string{"number": "a number", "string": "text", "bool": "true or false", "array": "a list", "object": "fields"}[typ.Value]
	}
	return fmt.Sprintf("must be %s, not %s", should, cmp.Or(was, typ.Value))
}

// badTime finds a session time that does not read as one, with what was
// written instead: the time's own error does not say which field it was.
func badTime(data []byte) (field, got string, ok bool) {
	var raw struct {
		Started  json.RawMessage `json:"started"`
		FollowUp *struct {
			Done json.RawMessage `json:"done"`
		} `json:"followup"`
	}
	if json.Unmarshal(data, &raw) != nil {
		return "", "", false
	}
	times := [][2]string{{"started", string(raw.Started)}}
	if raw.FollowUp != nil {
		times = append(times, [2]string{"done", string(raw.FollowUp.Done)})
	}
	for _, t := range times {
		var at time.Time
		if t[1] != "" && t[1] != "null" && at.UnmarshalJSON([]byte(t[1])) != nil {
			return t[0], t[1], true
		}
	}
	return "", "", false
}

func errorAt(path string, data []byte, offset int64, msg string) error {
	line, col := position(data, offset)
	return catalog.Errors{{Path: path, Line: line, Col: col, Msg: msg}}
}

// position turns a byte offset into a line and column, both from 1.
func position(data []byte, offset int64) (int, int) {
	offset = min(max(offset, 0), int64(len(data)))
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(offset) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// keyPosition finds where a field's key is written, or the start of the
// file when it is not there.
func keyPosition(data []byte, field string) (int, int) {
	i := bytes.Index(data, []byte(`"`+field+`"`))
	if i < 0 {
		return 1, 1
	}
	return position(data, int64(i))
}
