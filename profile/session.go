package profile

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/plain"
	"golang.org/x/text/unicode/norm"
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
	Note    string              `json:"note,omitempty" yaml:"note,omitempty" text:"free"`
	Ratings []Rating            `json:"ratings" yaml:"ratings"`
	// Kind is "" for a check-in, "plan" for a plan made beforehand, and
	// "private-followup" for a follow-up someone asked for on their own
	// support screen.
	Kind string `json:"kind,omitempty" yaml:"kind,omitempty"`
	// FollowUp is set when someone asked to be checked on later.
	FollowUp *FollowUp `json:"followup,omitempty" yaml:"followup,omitempty"`
}

// Tally counts records by what they are, so that a message about many of
// them does not call a plan a check-in.
type Tally struct{ Checkins, Plans, PrivateFollowUps int }

// Add counts one record.
func (t *Tally) Add(s *Session) {
	switch s.Kind {
	case Plan:
		t.Plans++
	case PrivateFollowUp:
		t.PrivateFollowUps++
	default:
		t.Checkins++
	}
}

// Total is how many records were counted.
func (t Tally) Total() int { return t.Checkins + t.Plans + t.PrivateFollowUps }

// With says how many of each there are after a number of profiles: "2
// profiles and 3 check-ins", naming plans and private follow-ups only
// when there are some.
func (t Tally) With(profiles int) string {
	parts := []string{catalog.Count(profiles, "profile"), catalog.Count(t.Checkins, "check-in")}
	if t.Plans > 0 {
		parts = append(parts, catalog.Count(t.Plans, "plan"))
	}
	if t.PrivateFollowUps > 0 {
		parts = append(parts, catalog.Count(t.PrivateFollowUps, "private follow-up"))
	}
	return catalog.JoinAnd(parts)
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
	Text     string   `json:"text,omitempty" yaml:"text,omitempty" text:"free"`
	// Said is the answer in words: the chosen labels, the number, the text.
	Said string `json:"said" yaml:"said" text:"free"`
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

// sessionIDTime is how a session id begins: the second it started, in UTC.
const sessionIDTime = "20060102T150405"

// NewSessionID makes an id that sorts by time and is unique in practice.
func NewSessionID(started time.Time) string {
	var b [3]byte
	_, _ = rand.Read(b[:])
	return started.UTC().Format(sessionIDTime) + "-" + hex.EncodeToString(b[:])
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

// problems are the rules a session must keep, with the field each is
// about; after maxProblems, the rest are counted.
func (s *Session) problems() (out []problem) {
	more := 0
	add := func(field, value, format string, args ...any) {
		if len(out) == maxProblems {
			more++
			return
		}
		out = append(out, problem{field, value, fmt.Sprintf(format, args...)})
	}
	defer func() {
		if more > 0 {
			out = append(out, problem{msg: fmt.Sprintf("and %d more problems", more)})
		}
	}()
	// text keeps anything that could act on a terminal out of what history
	// shows: free text may hold line breaks and tabs, the rest may not.
	text := func(field, who, part, value string, free bool) {
		switch p := plain.Problem(value, free); {
		case p == "":
		case who != "":
			add(field, value, "%q's %s %s", who, part, p)
		default:
			add(field, value, "%s", strings.TrimSpace(part+" "+p))
		}
	}
	answers := func(field string, shared map[string][]Shared) {
		for _, name := range slices.Sorted(maps.Keys(shared)) {
			if !s.has(name) {
				add(field, name, "%q shared answers but is not among the people", name)
				continue
			}
			for _, a := range shared[name] {
				text(field, name, "question", a.Question, false)
				text(field, name, "prompt", a.Prompt, false)
				for _, choice := range a.Choices {
					text(field, name, "choice", choice, false)
				}
				text(field, name, "text", a.Text, true)
				text(field, name, "answer", a.Said, true)
			}
		}
	}
	if !validSessionID(s.ID) {
		add("id", "", "%q is not a session id: letters, digits and hyphens only", s.ID)
	}
	if s.Started.IsZero() {
		add("started", "", "missing: when the session started, like 2026-11-23T22:10:00Z")
	}
	if s.Mode != string(catalog.Solo) && s.Mode != string(catalog.Together) {
		add("mode", "", "%q is not solo or together", s.Mode)
	}
	switch {
	case len(s.People) == 0:
		add("people", "", "missing: at least one name")
	case len(s.People) > catalog.MaxPeople:
		// Every other rule looks each name up among the people.
		add("people", "", "at most %d people, not %d", catalog.MaxPeople, len(s.People))
		return out
	case s.Mode == string(catalog.Solo) && len(s.People) > 1:
		add("people", "", "a solo session has one person, not %d", len(s.People))
	}
	for i, name := range s.People {
		if err := CheckName(name); err != nil {
			add("people", name, "%v", err)
		}
		if slices.ContainsFunc(s.People[:i], func(n string) bool { return SameName(n, name) }) {
			add("people", name, "%q is named twice", name)
		}
	}
	text("situation", "", "", s.Situation, false)
	answers("shared", s.Shared)
	for _, id := range s.Chosen {
		text("chosen", "", "", id, false)
	}
	text("note", "", "", s.Note, true)
	switch s.Kind {
	case "":
	case Plan:
		if len(s.Chosen)+len(s.Ratings) > 0 || s.FollowUp != nil {
			add("kind", "", "a plan has nothing chosen, rated or followed up")
		}
	case PrivateFollowUp:
		if len(s.Chosen)+len(s.Ratings)+len(s.Shared) > 0 || s.Note != "" || s.Situation != "" {
			add("kind", "", "a private follow-up holds nothing of a check-in: nothing shared, chosen, rated or noted")
		}
		if s.FollowUp == nil || len(s.People) != 1 || len(s.FollowUp.For) != 1 || !SameName(s.FollowUp.For[0], s.People[0]) {
			add("kind", "", "a private follow-up is for the one person who asked for it")
		}
	default:
		add("kind", "", "%q is not a kind of record: leave it out for a check-in, or use plan or private-followup", s.Kind)
	}
	if f := s.FollowUp; f != nil {
		for _, name := range f.For {
			if !s.has(name) {
				add("followup", name, "%q asked for a follow-up but is not among the people", name)
			}
		}
		answers("followup", f.Shared)
	}
	for _, r := range s.Ratings {
		if !s.has(r.Person) {
			add("ratings", r.Person, "%q rated %q but is not among the people", r.Person, r.Activity)
		}
		text("ratings", "", "an activity", r.Activity, false)
		if r.Rating != catalog.Helped && r.Rating != catalog.Neutral && r.Rating != catalog.DidntHelp {
			add("ratings", r.Rating, "%q is not a rating: use helped, neutral or didnt-help", r.Rating)
		}
	}
	return out
}

// problem is a broken rule: the field it is about, the value that breaks
// it when there is one (to find its line), and what is wrong.
type problem struct{ field, value, msg string }

func (p problem) String() string {
	if p.field == "" {
		return p.msg
	}
	return p.field + ": " + p.msg
}

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

// canonical is the session with every name in one Unicode form (NFC), and
// everyone's answers, ratings and follow-up under their name as People
// spells it, so that looking a person up by name finds everything they
// said. One person's answers given under two spellings are a problem:
// neither may be dropped.
func (s *Session) canonical() (*Session, []problem) {
	c := *s
	if len(s.People) > catalog.MaxPeople {
		return &c, nil
	}
	c.People = make([]string, len(s.People))
	for i, name := range s.People {
		c.People[i] = norm.NFC.String(name)
	}
	spell := func(name string) string {
		if i := slices.IndexFunc(c.People, func(n string) bool { return SameName(n, name) }); i >= 0 {
			return c.People[i]
		}
		return norm.NFC.String(name)
	}
	var problems []problem
	respell := func(field string, shared map[string][]Shared) map[string][]Shared {
		if shared == nil {
			return nil
		}
		out := make(map[string][]Shared, len(shared))
		for _, name := range slices.Sorted(maps.Keys(shared)) {
			if _, twice := out[spell(name)]; twice {
				problems = append(problems, problem{field, name, fmt.Sprintf("%q's answers are given twice", spell(name))})
				continue
			}
			out[spell(name)] = shared[name]
		}
		return out
	}
	c.Shared = respell("shared", s.Shared)
	if s.Ratings != nil {
		c.Ratings = make([]Rating, len(s.Ratings))
		for i, r := range s.Ratings {
			r.Person = spell(r.Person)
			c.Ratings[i] = r
		}
	}
	if s.FollowUp != nil {
		f := *s.FollowUp
		if f.For != nil {
			f.For = make([]string, len(s.FollowUp.For))
			for i, name := range s.FollowUp.For {
				f.For[i] = spell(name)
			}
		}
		f.Shared = respell("followup", f.Shared)
		c.FollowUp = &f
	}
	return &c, problems
}
