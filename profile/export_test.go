package profile

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// exportAll gathers every profile and session whole, as the streamed
// export writes them; a file that cannot be read stops it.
func (s *Store) exportAll() (*Export, error) {
	profiles, err := s.Profiles()
	if err != nil {
		return nil, err
	}
	sessions, err := s.Sessions()
	if err != nil {
		return nil, err
	}
	var damaged []error
	var readable []*Profile
	for _, e := range profiles {
		damaged = append(damaged, e.Err)
		if e.Profile != nil {
			readable = append(readable, e.Profile)
		}
	}
	for _, e := range sessions {
		damaged = append(damaged, e.Err)
	}
	if err := errors.Join(damaged...); err != nil {
		return nil, err
	}
	return ExportOf(readable, sessions), nil
}

// filled is a store with two profiles and three sessions, one shared.
func filled(t testing.TB) *Store {
	t.Helper()
	s := newStore(t)
	if err := s.CreateProfile(sam()); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateProfile(&Profile{Name: "Alex", Leaning: "space", Never: []string{"music"}}); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 11, 20, 22, 10, 0, 0, time.FixedZone("", 3600))
	for i, people := range [][]string{{"Sam", "Alex"}, {"Sam"}, {"Alex"}} {
		sess := session(NewSessionID(start.Add(time.Duration(i)*time.Hour)), start.Add(time.Duration(i)*time.Hour), people...)
		scale := 4
		sess.Shared[people[0]] = append(sess.Shared[people[0]], Shared{Question: "followup-now", Prompt: "How are you now?", Scale: &scale, Said: "4 of 5"})
		sess.Note = "We had tea."
		if err := s.SaveSession(sess); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestExportImportExportGivesTheSameBytes(t *testing.T) {
	for _, format := range []string{"json", "yaml"} {
		t.Run(format, func(t *testing.T) {
			x, err := filled(t).exportAll()
			if err != nil {
				t.Fatal(err)
			}
			first, err := x.Encode(format, testCatalog())
			if err != nil {
				t.Fatal(err)
			}
			empty := newStore(t)
			if _, err := empty.Import("export."+format, first); err != nil {
				t.Fatal(err)
			}
			again, err := empty.exportAll()
			if err != nil {
				t.Fatal(err)
			}
			second, _ := again.Encode(format, testCatalog())
			if !bytes.Equal(first, second) {
				t.Errorf("the second export differs:\n%s\n---\n%s", first, second)
			}
			if len(again.Profiles) != 2 || len(again.Sessions) != 3 {
				t.Errorf("imported %d profiles and %d sessions", len(again.Profiles), len(again.Sessions))
			}
		})
	}
}

// Seventy people with long notes, written by aftercare itself, are well
// within what import reads back.
func TestAJSONExportOfManyLongProfilesImportsWhole(t *testing.T) {
	s := newStore(t)
	for i := range 70 {
		p := sam()
		p.Name, p.Notes = fmt.Sprintf("Sam %d", i), strings.Repeat("gentle, ", 249)
		if err := s.CreateProfile(p); err != nil {
			t.Fatal(err)
		}
	}
	x, err := s.exportAll()
	if err != nil {
		t.Fatal(err)
	}
	data, err := x.Encode("json", testCatalog())
	if err != nil {
		t.Fatal(err)
	}
	if len(data) <= MaxImportYAMLBytes {
		t.Fatalf("the export is only %d bytes: the test shows nothing", len(data))
	}
	again := newStore(t)
	if _, err := again.Import("export.json", data); err != nil {
		t.Fatal(err)
	}
	if got, _ := again.Profiles(); len(got) != 70 {
		t.Errorf("imported %d profiles, want 70", len(got))
	}
}

func TestJSONValuesCountsWhatImportReads(t *testing.T) {
	tests := []struct {
		json string
		want int
	}{
		{`"a, b: [c]"`, 0},
		{`[1,2,3]`, 3},
		{`{"name": "Sam", "likes": ["a", "b"]}`, 6},
		{`{"notes": "say \"hi, there\" {twice}"}`, 2},
	}
	for _, tt := range tests {
		if got := JSONValues([]byte(tt.json)); got != tt.want {
			t.Errorf("JSONValues(%s) = %d, want %d", tt.json, got, tt.want)
		}
	}
}

// An export says when its profiles hold more than import reads back.
func TestAnExportKnowsWhenItsProfilesCannotBeImportedWhole(t *testing.T) {
	for _, tt := range []struct {
		people int
		whole  bool
	}{{10, true}, {MaxImportProfileValues / 40, false}, {MaxImportProfiles + 1, false}} {
		profiles := make([]Profile, tt.people)
		for i := range profiles {
			profiles[i] = Profile{Name: fmt.Sprint("P", i), Likes: slices.Repeat([]string{"cuddle"}, 40)}
		}
		x, err := NewExportWriter(io.Discard, "json", testCatalog(), profiles, NewZones(time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		if err := x.Close(); err != nil {
			t.Fatal(err)
		}
		if why := x.NotImportable(); (why == "") != tt.whole {
			t.Errorf("%d people: %q, want imported whole: %v", tt.people, why, tt.whole)
		}
	}
}

// An export says when its check-ins hold more values than import reads
// back, and that an export of as many check-ins as it reads, each with a
// few answers, is well within it.
func TestAnExportKnowsWhenItsCheckinsCannotBeImportedWhole(t *testing.T) {
	answered := []Shared{{Question: "okay", Prompt: "Are you okay?", Choices: []string{"okay"}, Said: "Yes, I'm okay"},
		{Question: "feeling", Prompt: "How are you feeling?", Choices: []string{"calm", "tired"}, Said: "Calm, settled; Tired"}}
	for _, tt := range []struct {
		name     string
		sessions int
		chosen   int
		whole    bool
	}{
		{"ten thousand check-ins", MaxImportCheckins, 2, true},
		{"check-ins of many choices", 40, MaxImportSessionValues / 40, false},
	} {
		x, err := NewExportWriter(io.Discard, "json", testCatalog(), nil, NewZones(time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		for i := range tt.sessions {
			s := &Session{ID: fmt.Sprintf("20261101T220000-%06x", i), Started: time.Date(2026, 11, 1, 22, 0, 0, 0, time.UTC), Mode: "together",
				People: []string{"Sam", "Alex"}, Shared: map[string][]Shared{"Sam": answered, "Alex": answered},
				Chosen: slices.Repeat([]string{"make-tea"}, tt.chosen)}
			if err := x.Add(s); err != nil {
				t.Fatal(err)
			}
		}
		if err := x.Close(); err != nil {
			t.Fatal(err)
		}
		if why := x.NotImportable(); (why == "") != tt.whole {
			t.Errorf("%s: %q, want imported whole: %v", tt.name, why, tt.whole)
		}
	}
}

func TestExportFormats(t *testing.T) {
	x, err := filled(t).exportAll()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		format string
		want   []string
	}{
		{"json", []string{`"version": 1`, `"name": "Sam"`, `"people": [`, `"said": "Yes, I'm okay"`}},
		{"yaml", []string{"version: 1", "- name: Alex", "leaning: space", "started: 2026-11-20T22:10:00+01:00"}},
	}
	for _, tt := range tests {
		data, err := x.Encode(tt.format, testCatalog())
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range tt.want {
			if !strings.Contains(string(data), want) {
				t.Errorf("%s export lacks %q:\n%s", tt.format, want, data)
			}
		}
	}
	markdown := string(x.markdown(testCatalog(), time.FixedZone("CET", 3600)))
	for _, want := range []string{"# aftercare\n\nTimes are local (CET, UTC+01:00).\n", "### Sam", "- Never: Kissing", "- Helps after a scene: Wrap up in a blanket",
		"### Check-in, 2026-11-20 22:10 CET: Sam and Alex", `- Sam, asked "Are you okay?": Yes, I'm okay`, "- Chosen: Make a warm drink",
		"- Sam found Make a warm drink: it helped", "- Note: We had tea."} {
		if !strings.Contains(markdown, want) {
			t.Errorf("markdown export lacks %q:\n%s", want, markdown)
		}
	}
	rows := csvRows(t, x)
	if len(rows) != 1+2+3 || rows[0][0] != "kind" || rows[1][0] != "profile" || rows[3][0] != "check-in" || rows[3][11] != "2026-11-20T22:10:00+01:00" {
		t.Errorf("csv rows %q", rows)
	}
	for _, row := range rows {
		if len(row) != len(csvColumns) {
			t.Errorf("row %q has %d cells, want %d", row, len(row), len(csvColumns))
		}
	}
	if _, err := x.Encode("pdf", testCatalog()); err == nil {
		t.Error("an unknown format was accepted")
	}
}

// csvRows is the CSV export as a spreadsheet reads it: after the mark that
// says it is UTF-8.
func csvRows(t *testing.T, x *Export) [][]string {
	t.Helper()
	data, err := x.Encode("csv", testCatalog())
	if err != nil {
		t.Fatal(err)
	}
	text, ok := strings.CutPrefix(string(data), utf8BOM)
	if !ok {
		t.Errorf("the CSV export does not start with the UTF-8 byte order mark: %q", data[:min(len(data), 10)])
	}
	rows, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestImportIsAllOrNothing(t *testing.T) {
	x, err := filled(t).exportAll()
	if err != nil {
		t.Fatal(err)
	}
	data, _ := x.Encode("json", testCatalog())

	s := newStore(t)
	if err := s.CreateProfile(&Profile{Name: "alex"}); err != nil {
		t.Fatal(err)
	}
	_, err = s.Import("export.json", data)
	if err == nil || !strings.Contains(err.Error(), `there is already a profile named "alex"`) || !strings.Contains(err.Error(), "nothing was imported") {
		t.Errorf("clash: %v", err)
	}
	profiles, _ := s.Profiles()
	sessions, _ := s.Sessions()
	if len(profiles) != 1 || len(sessions) != 0 {
		t.Errorf("after a refused import: %d profiles, %d sessions", len(profiles), len(sessions))
	}

	tests := []struct{ name, text, want string }{
		{"bad version", "version: 7\n", "version 7 is not one this aftercare reads"},
		{"unknown like", "version: 1\nprofiles:\n  - name: Kai\n    likes: [paragliding]\n", `bad.yaml:4:13: profiles: profile "Kai": likes: unknown tag or activity "paragliding"`},
		{"broken session", "version: 1\nsessions:\n  - id: x\n    started: 2026-11-20T22:10:00Z\n    mode: alone\n    people: [Sam]\n", `bad.yaml:5:11: sessions: session "x": mode: "alone" is not solo or together`},
		{"two sessions alike", "version: 1\nsessions:\n" + strings.Repeat("  - {id: x, started: 2026-11-20T22:10:00Z, mode: solo, people: [Sam]}\n", 2), "the file holds session x twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			_, err := s.Import("bad.yaml", []byte(tt.text))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
			if _, statErr := os.Stat(filepath.Join(s.Dir(), "profiles")); statErr == nil {
				t.Error("something was written")
			}
		})
	}
}

// TestAJSONImportNamesAValueOfTheWrongKindInPlainWords: a number where
// text belongs, or text where a number does, is refused at its line with
// its field, in words and not in Go's.
func TestAJSONImportNamesAValueOfTheWrongKindInPlainWords(t *testing.T) {
	session := func(note string) string {
		return `{"version": 1, "profiles": [], "sessions": [` + "\n" + `{"id": "s1", "started": "2026-11-20T22:10:00Z", "mode": "solo", "people": ["Sam"], "note": ` + note + `}]}`
	}
	tests := []struct{ name, text, want string }{
		{"a version in quotes", `{"version": "1", "profiles": [], "sessions": []}`, `x.json:1:11: version: must be a whole number, not text`},
		{"a version true", `{"version": true, "profiles": [], "sessions": []}`, `x.json:1:11: version: must be a whole number, not true or false`},
		{"a version with a fraction", `{"version": 1.5, "profiles": [], "sessions": []}`, `x.json:1:11: version: must be a whole number, not 1.5`},
		{"a note that is a number", session("42"), `x.json:2:84: sessions: session "s1": note: must be text (in quotes), not a number`},
		{"a note that is true", session("true"), `x.json:2:84: sessions: session "s1": note: must be text (in quotes), not true or false`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			_, err := s.Import("x.json", []byte(tt.text))
			if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "expected") {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestForget(t *testing.T) {
	s := filled(t)
	f, err := s.ForgetPerson("sam")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Profiles) != 1 || len(f.Sessions) != 1 || len(f.SessionsChanged) != 1 {
		t.Errorf("forgot %+v, want Sam's profile, one session alone and one shared", f)
	}
	x, err := s.exportAll()
	if err != nil {
		t.Fatal(err)
	}
	data, _ := x.Encode("json", testCatalog())
	if strings.Contains(string(data), "Sam") {
		t.Errorf("Sam is still in the data:\n%s", data)
	}
	if len(x.Sessions) != 2 {
		t.Errorf("%d sessions left, want the shared one without Sam and Alex's own", len(x.Sessions))
	}
	if _, err := s.ForgetPerson("Sam"); err == nil {
		t.Error("forgetting Sam twice found something")
	}
	if _, err := s.ForgetSession(x.Sessions[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ForgetSession("no-such-session"); err == nil {
		t.Error("forgetting a session that does not exist worked")
	}
	f, err = s.ForgetEverything()
	if err != nil || len(f.Profiles) != 1 || len(f.Sessions) != 1 {
		t.Errorf("forget everything: %+v, %v", f, err)
	}
	if x, _ := s.exportAll(); len(x.Profiles)+len(x.Sessions) != 0 {
		t.Errorf("left after forgetting everything: %+v", x)
	}
}

// JSON writers such as Python's write every character beyond the first
// 65,536 as two escapes; an export written so imports as it reads.
func TestAnImportTakesCharactersWrittenAsTwoEscapes(t *testing.T) {
	s := newStore(t)
	data := `{"version": 1, "profiles": [{"name": "Li \ud83d\udc09", "notes": "kept as typed: \\ud83d\\udc09"}], "sessions": []}`
	if _, err := s.Import("export.json", []byte(data)); err != nil {
		t.Fatal(err)
	}
	p, err := s.Profile("Li 🐉")
	if err != nil {
		t.Fatal(err)
	}
	if p.Notes != `kept as typed: \ud83d\udc09` {
		t.Errorf("notes %q", p.Notes)
	}
	for raw, want := range map[string]string{
		`"\ud83d"`:           `"\ud83d"`,
		`"\udc09\ud83d"`:     `"\udc09\ud83d"`,
		`"\\ud83d\\udc09"`:   `"\\ud83d\\udc09"`,
		`"\\\ud83d\udc09 x"`: `"\\🐉 x"`,
	} {
		if got := string(joinSurrogates([]byte(raw))); got != want {
			t.Errorf("%s became %s, want %s", raw, got, want)
		}
	}
}
