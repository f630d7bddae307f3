package profile

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
)

// Session is one check-in as it is kept in history. It holds only what
// each person chose to share: private answers are never part of it.
type Session struct {
	ID        string    `json:"id" yaml:"id"`
	Started   time.Time `json:"started" yaml:"started"`
	Mode      string    `json:"mode" yaml:"mode"`
	People    []string  `json:"people" yaml:"people"`
	Situation string    `json:"situation,omitempty" yaml:"situation,omitempty"`
	// Shared holds, for each person, the answers they chose to share.
	Shared  map[string][]Shared `json:"shared" yaml:"shared"`
	Chosen  []string            `json:"chosen" yaml:"chosen"`
	Note    string              `json:"note,omitempty" yaml:"note,omitempty"`
	Ratings []Rating            `json:"ratings" yaml:"ratings"`
	// Kind is "" for a check-in, "plan" for a plan made beforehand, and
	// "private-followup" for a follow-up someone asked for on their own
	// support screen.
	Kind string `json:"kind,omitempty" yaml:"kind,omitempty"`
	// FollowUp is set when someone asked to be checked on later.
	FollowUp *FollowUp `json:"followup,omitempty" yaml:"followup,omitempty"`
}

// Plan is the Kind of a plan made before sex.
const Plan = "plan"

// PrivateFollowUp is the Kind of a follow-up asked for privately, on a
// support screen: it names only the person who asked, holds nothing of the
// check-in, and is never listed in the history the others can read.
const PrivateFollowUp = "private-followup"

// NewPrivateFollowUp is the record of a follow-up asked for privately.
func NewPrivateFollowUp(asked time.Time, name string) *Session {
	return &Session{ID: NewSessionID(asked), Started: asked, Mode: string(catalog.Solo), People: []string{name},
		Shared: map[string][]Shared{}, Kind: PrivateFollowUp, FollowUp: &FollowUp{For: []string{name}}}
}

// Listed says whether a session belongs in a history listing: everything
// but a follow-up someone asked for privately.
func (s *Session) Listed() bool { return s.Kind != PrivateFollowUp }

// Listed keeps the entries a history listing shows: every session but a
// private follow-up, and every file that cannot be read.
func Listed(entries []SessionEntry) []SessionEntry {
	out := make([]SessionEntry, 0, len(entries))
	for _, e := range entries {
		if e.Session == nil || e.Session.Listed() {
			out = append(out, e)
		}
	}
	return out
}

// FollowUp is a check-in's follow-up: who asked for it, and once it is
// done, when, and what they chose to share then.
type FollowUp struct {
	For    []string            `json:"for" yaml:"for"`
	Done   *time.Time          `json:"done,omitempty" yaml:"done,omitempty"`
	Shared map[string][]Shared `json:"shared,omitempty" yaml:"shared,omitempty"`
}

// Shared is one answer a person chose to share, kept with its question and
// in words, so that history reads the same if the catalogue changes.
type Shared struct {
	Question string   `json:"question" yaml:"question"`
	Prompt   string   `json:"prompt" yaml:"prompt"`
	Choices  []string `json:"choices,omitempty" yaml:"choices,omitempty"`
	Scale    *int     `json:"scale,omitempty" yaml:"scale,omitempty"`
	Text     string   `json:"text,omitempty" yaml:"text,omitempty"`
	// Said is the answer in words: the chosen labels, the number, the text.
	Said string `json:"said" yaml:"said"`
}

// answer is a shared answer as the catalogue reads answers.
func (sh Shared) answer() catalog.Answer {
	a := catalog.Answer{Choices: sh.Choices, Text: sh.Text}
	if sh.Scale != nil {
		a.Scale = *sh.Scale
	}
	return a
}

// Rating is what someone thought of an activity they did.
type Rating struct {
	Person   string `json:"person" yaml:"person"`
	Activity string `json:"activity" yaml:"activity"`
	Rating   string `json:"rating" yaml:"rating"`
}

// NewSessionID makes an id that sorts by time and is unique in practice.
func NewSessionID(started time.Time) string {
	var b [3]byte
	_, _ = rand.Read(b[:])
	return started.UTC().Format("20060102T150405") + "-" + hex.EncodeToString(b[:])
}

// validSessionID says whether id is letters, digits and hyphens, starting
// with a letter or digit: safe as a file name.
func validSessionID(id string) bool {
	if id == "" || len(id) > 64 || id[0] == '-' {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// problems are the rules a session must keep, with the field each is about.
func (s *Session) problems() []problem {
	var out []problem
	add := func(field, format string, args ...any) {
		out = append(out, problem{field, fmt.Sprintf(format, args...)})
	}
	if !validSessionID(s.ID) {
		add("id", "%q is not a session id: letters, digits and hyphens only", s.ID)
	}
	if s.Started.IsZero() {
		add("started", "missing: when the session started, like 2026-11-23T22:10:00Z")
	}
	if s.Mode != string(catalog.Solo) && s.Mode != string(catalog.Together) {
		add("mode", "%q is not solo or together", s.Mode)
	}
	if len(s.People) == 0 {
		add("people", "missing: at least one name")
	}
	if s.Mode == string(catalog.Solo) && len(s.People) > 1 {
		add("people", "a solo session has one person, not %d", len(s.People))
	}
	for i, name := range s.People {
		if err := CheckName(name); err != nil {
			add("people", "%v", err)
		}
		if slices.ContainsFunc(s.People[:i], func(n string) bool { return SameName(n, name) }) {
			add("people", "%q is named twice", name)
		}
	}
	for name := range s.Shared {
		if !s.has(name) {
			add("shared", "%q shared answers but is not among the people", name)
		}
	}
	switch s.Kind {
	case "":
	case Plan:
		if len(s.Chosen)+len(s.Ratings) > 0 || s.FollowUp != nil {
			add("kind", "a plan has nothing chosen, rated or followed up")
		}
	case PrivateFollowUp:
		if len(s.Chosen)+len(s.Ratings)+len(s.Shared) > 0 || s.Note != "" || s.Situation != "" {
			add("kind", "a private follow-up holds nothing of a check-in: nothing shared, chosen, rated or noted")
		}
		if s.FollowUp == nil || len(s.People) != 1 || len(s.FollowUp.For) != 1 || !SameName(s.FollowUp.For[0], s.People[0]) {
			add("kind", "a private follow-up is for the one person who asked for it")
		}
	default:
		add("kind", "%q is not a kind of record: leave it out for a check-in, or use plan or private-followup", s.Kind)
	}
	if f := s.FollowUp; f != nil {
		for _, name := range f.For {
			if !s.has(name) {
				add("followup", "%q asked for a follow-up but is not among the people", name)
			}
		}
		for name := range f.Shared {
			if !s.has(name) {
				add("followup", "%q shared answers but is not among the people", name)
			}
		}
	}
	for _, r := range s.Ratings {
		if !s.has(r.Person) {
			add("ratings", "%q rated %q but is not among the people", r.Person, r.Activity)
		}
		if r.Rating != catalog.Helped && r.Rating != catalog.Neutral && r.Rating != catalog.DidntHelp {
			add("ratings", "%q is not a rating: use helped, neutral or didnt-help", r.Rating)
		}
	}
	return out
}

type problem struct{ field, msg string }

// Check reports a session's broken rules at the fields they concern, when a
// session is read as part of an import.
func (s *Session) Check(r *catalog.Reporter) {
	for _, p := range s.problems() {
		r.Errorf(p.field, "%s", p.msg)
	}
}

func (s *Session) has(name string) bool {
	return slices.ContainsFunc(s.People, func(n string) bool { return SameName(n, name) })
}

// encodeSession writes a session as indented JSON, readable in any editor,
// with empty lists written as [] rather than null.
func encodeSession(s *Session) ([]byte, error) {
	c := *s
	if c.Shared == nil {
		c.Shared = map[string][]Shared{}
	}
	if c.Chosen == nil {
		c.Chosen = []string{}
	}
	if c.Ratings == nil {
		c.Ratings = []Rating{}
	}
	data, err := json.MarshalIndent(&c, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// decodeSession reads a session strictly: unknown fields, wrong types and
// broken rules are errors at their line and column.
func decodeSession(path string, data []byte) (*Session, error) {
	var s Session
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return nil, jsonError(path, data, err, dec.InputOffset())
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errorAt(path, data, dec.InputOffset(), "more after the end of the session")
	}
	var errs catalog.Errors
	for _, p := range s.problems() {
		line, col := keyPosition(data, p.field)
		errs = append(errs, &catalog.Error{Path: path, Line: line, Col: col, Msg: p.field + ": " + p.msg})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return &s, nil
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
		return catalog.Errors{{Path: path, Line: line, Col: col, Msg: fmt.Sprintf("%s: expected %s, got %s", typ.Field, typ.Type, typ.Value)}}
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
