package profile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/aftercare-tui/aftercare/catalog"
)

// A JSON export is read one record at a time, each by the reader the store
// uses for its own files (decodeProfile, decodeSession), so that the cost
// of a file is its records' and a problem is placed at its line in the
// export.

// errStop ends reading early: enough is wrong, or too much is there.
var errStop = errors.New("stopped")

func (s *Store) readJSONExport(path string, data []byte, x *Export, r *refusal) {
	in := jsonExport{path: path, data: data, dec: json.NewDecoder(bytes.NewReader(data)), lines: lines{data: data, line: 1}, r: r}
	if at := loneSurrogate(data); at >= 0 {
		in.problem(int64(at), loneSurrogateProblem)
		return
	}
	err := in.read(s, x)
	switch {
	case errors.Is(err, errStop):
		r.stopped = r.full()
	case err != nil:
		in.syntax(err)
	}
}

// jsonExport is a JSON export being read, and what has been read of it.
type jsonExport struct {
	path  string
	data  []byte
	dec   *json.Decoder
	lines lines
	r     *refusal
	// profileValues and sessionValues are how many values the profiles
	// and the check-ins read so far hold.
	profileValues, sessionValues int
}

func (in *jsonExport) read(s *Store, x *Export) error {
	if tok, err := in.dec.Token(); err != nil {
		return err
	} else if tok != json.Delim('{') {
		in.problem(0, `expected an export: {"version": 1, ...}`)
		return errStop
	}
	seen := map[string]bool{}
	for in.dec.More() {
		tok, err := in.dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		at := in.dec.InputOffset()
		if seen[key] {
			in.problem(at, fmt.Sprintf("%q is given twice", key))
		}
		seen[key] = true
		switch key {
		case "version":
			err = in.dec.Decode(&x.Version)
			if typ, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
				in.problem(at, "version: "+mustBe(typ))
				err = nil
			}
		case "profiles":
			err = in.each(MaxImportProfiles, "profiles", func(raw []byte, at int64) {
				if len(raw) <= MaxProfileBytes {
					// A larger one is refused unread.
					in.profileValues += JSONValues(raw)
				}
				if in.profileValues > MaxImportProfileValues {
					in.problem(at, fmt.Sprintf("profiles: more than %d values in the profiles, which take long to read; aftercare imports no more at once", MaxImportProfileValues))
					return
				}
				p, err := s.decodeProfile(in.path, joinSurrogates(raw))
				if err != nil {
					in.placed(at, fmt.Sprintf("profiles: profile %s: ", recordName(raw, "name", len(x.Profiles)+1)), err)
					return
				}
				x.Profiles = append(x.Profiles, *p)
			})
		case "sessions":
			err = in.each(MaxImportCheckins, "check-ins", func(raw []byte, at int64) {
				if len(raw) <= MaxSessionBytes {
					// A larger one is refused unread.
					in.sessionValues += JSONValues(raw)
				}
				if in.sessionValues > MaxImportSessionValues {
					in.problem(at, fmt.Sprintf("sessions: more than %s values in the check-ins, which take long to read; aftercare imports no more at once", catalog.Thousands(MaxImportSessionValues)))
					return
				}
				sess, err := decodeSession(in.path, raw)
				if err != nil {
					in.placed(at, fmt.Sprintf("sessions: session %s: ", recordName(raw, "id", len(x.Sessions)+1)), err)
					return
				}
				x.Sessions = append(x.Sessions, *sess)
			})
		default:
			in.problem(at, fmt.Sprintf("unknown field %q: an export holds version, profiles and sessions", key))
			err = in.dec.Decode(&json.RawMessage{})
		}
		if err != nil {
			return err
		}
	}
	if _, err := in.dec.Token(); err != nil {
		return err
	}
	if _, err := in.dec.Token(); err != io.EOF {
		in.problem(in.dec.InputOffset(), "more after the end of the export")
	}
	return nil
}

// each reads a list of records, handing each to read with the offset it
// starts at; null is an empty list. It stops once enough is wrong, and
// after most records, the most of them one import holds, named as kind.
func (in *jsonExport) each(most int, kind string, read func(raw []byte, at int64)) error {
	if tok, err := in.dec.Token(); err != nil || tok == nil {
		return err
	} else if tok != json.Delim('[') {
		in.problem(in.dec.InputOffset(), "expected a list [...]")
		return errStop
	}
	for count := 1; in.dec.More(); count++ {
		var raw json.RawMessage
		if err := in.dec.Decode(&raw); err != nil {
			return err
		}
		at := in.dec.InputOffset() - int64(len(raw))
		if count > most {
			in.problem(at, fmt.Sprintf("more than %s %s; aftercare imports no more at once", catalog.Thousands(most), kind))
			return errStop
		}
		if read(raw, at); in.r.full() || in.profileValues > MaxImportProfileValues || in.sessionValues > MaxImportSessionValues {
			return errStop
		}
	}
	_, err := in.dec.Token()
	return err
}

// problem adds a problem at a place in the file.
func (in *jsonExport) problem(offset int64, msg string) {
	line, col := in.lines.at(offset)
	in.r.add((&catalog.Error{Path: in.path, Line: line, Col: col, Msg: msg}).Error())
}

// placed adds the problems a record's reader found, moved from the
// record's own lines to the export's.
func (in *jsonExport) placed(start int64, about string, err error) {
	var errs catalog.Errors
	if !errors.As(err, &errs) {
		in.problem(start, about+err.Error())
		return
	}
	line, col := in.lines.at(start)
	for _, e := range errs {
		moved := catalog.Error{Path: in.path, Line: line + e.Line - 1, Col: e.Col, Msg: about + e.Msg}
		if e.Line <= 1 {
			moved.Line, moved.Col = line, col+max(e.Col, 1)-1
		}
		in.r.add(moved.Error())
	}
}

// syntax reports what stopped the file from reading as JSON at all.
func (in *jsonExport) syntax(err error) {
	var syntax *json.SyntaxError
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		in.problem(int64(len(in.data)), "the file ends before the export does")
	case errors.As(err, &syntax):
		// The offset is just past the character that is wrong.
		in.problem(syntax.Offset-1, "JSON syntax: "+syntax.Error())
	default:
		in.problem(in.dec.InputOffset(), err.Error())
	}
}

// recordName names a record for messages by a field of it, quoted, or by
// its place in the list.
func recordName(raw []byte, field string, place int) string {
	var named map[string]json.RawMessage
	var name string
	if json.Unmarshal(raw, &named) == nil && json.Unmarshal(named[field], &name) == nil && name != "" {
		return fmt.Sprintf("%q", name)
	}
	return fmt.Sprintf("#%d", place)
}

// lines turns offsets into lines and columns, moving forward through the
// file so that placing every record costs one pass over it.
type lines struct {
	data      []byte
	offset    int64 // where the count has reached
	line      int   // the line at offset
	lineStart int64 // where that line starts
}

func (l *lines) at(offset int64) (line, col int) {
	offset = min(max(offset, 0), int64(len(l.data)))
	if offset < l.offset {
		return position(l.data, offset)
	}
	passed := l.data[l.offset:offset]
	if n := bytes.Count(passed, []byte("\n")); n > 0 {
		l.line += n
		l.lineStart = l.offset + int64(bytes.LastIndexByte(passed, '\n')) + 1
	}
	l.offset = offset
	return l.line, int(offset-l.lineStart) + 1
}

// joinSurrogates writes each character that JSON escaped as two halves
// (\ud83d\udc09, as Python's json module writes every emoji) as the
// character itself: a profile is read as YAML, which takes the halves for
// two broken characters. Only line breaks place a problem, and none is
// added or taken away.
func joinSurrogates(raw []byte) []byte {
	if !bytes.Contains(raw, []byte(`\u`)) {
		return raw
	}
	var out []byte
	last := 0
	for i := 0; i+12 <= len(raw); i++ {
		if raw[i] != '\\' {
			continue
		}
		// An escaped backslash is not the start of an escape.
		if raw[i+1] == '\\' {
			i++
			continue
		}
		hi, okHi := hexEscape(raw[i:])
		lo, okLo := hexEscape(raw[i+6:])
		if !okHi || !okLo || !utf16.IsSurrogate(rune(hi)) {
			continue
		}
		r := utf16.DecodeRune(rune(hi), rune(lo))
		if r == utf8.RuneError {
			continue
		}
		out = utf8.AppendRune(append(out, raw[last:i]...), r)
		last = i + 12
		i += 11
	}
	if out == nil {
		return raw
	}
	return append(out, raw[last:]...)
}

// hexEscape reads a \uXXXX escape at the start of b.
func hexEscape(b []byte) (uint16, bool) {
	if len(b) < 6 || b[0] != '\\' || b[1] != 'u' {
		return 0, false
	}
	n, err := strconv.ParseUint(string(b[2:6]), 16, 16)
	return uint16(n), err == nil
}

// JSONValues counts the values in a piece of JSON: each key and each item
// of a list or an object comes after one of [ { , :, outside a string.
func JSONValues(raw []byte) int {
	n, quoted, escaped := 0, false, false
	for _, b := range raw {
		switch {
		case escaped:
			escaped = false
		case quoted && b == '\\':
			escaped = true
		case b == '"':
			quoted = !quoted
		case !quoted && (b == '[' || b == '{' || b == ',' || b == ':'):
			n++
		}
	}
	return n
}
