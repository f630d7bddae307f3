package profile

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
)

var testCatalog = sync.OnceValue(func() *catalog.Catalog {
	c, err := catalog.Defaults()
	if err != nil {
		panic(err)
	}
	return c
})

func newStore(t testing.TB) *Store {
	t.Helper()
	return Open(filepath.Join(t.TempDir(), "data"), testCatalog(), true)
}

var testStart = time.Date(2026, 11, 20, 22, 10, 0, 0, time.UTC)

func sam() *Profile {
	return &Profile{Name: "Sam", Pronouns: "they/them", Likes: []string{"cuddle", "music"}, Never: []string{"kissing"},
		Leaning: "closeness", Talk: "quiet", Needs: catalog.Weights{{Need: "closeness", Weight: 3}},
		Helps: map[string][]string{"scene": {"blanket-wrap"}}, Notes: "Likes the lights low."}
}

func session(id string, started time.Time, people ...string) *Session {
	mode := "together"
	if len(people) == 1 {
		mode = "solo"
	}
	s := &Session{ID: id, Started: started, Mode: mode, People: people, Situation: "scene",
		Shared: map[string][]Shared{}, Chosen: []string{"make-tea"}}
	for _, p := range people {
		s.Shared[p] = []Shared{{Question: "okay", Prompt: "Are you okay?", Choices: []string{"okay"}, Said: "Yes, I'm okay"}}
		s.Ratings = append(s.Ratings, Rating{Person: p, Activity: "make-tea", Rating: catalog.Helped})
	}
	return s
}

func TestProfilesAreSavedReadAndMatchedByName(t *testing.T) {
	s := newStore(t)
	if err := s.CreateProfile(sam()); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Sam", "sam", "SAM", " Sam "[1:4]} {
		p, err := s.Profile(name)
		if err != nil || p.Name != "Sam" || p.Notes != "Likes the lights low." {
			t.Errorf("Profile(%q) = %+v, %v", name, p, err)
		}
	}
	if _, err := s.Profile("Alex"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Profile(Alex) error = %v, want ErrNotFound", err)
	}
	if err := s.CreateProfile(&Profile{Name: "sam"}); err == nil || !strings.Contains(err.Error(), `already a profile named "Sam"`) {
		t.Errorf("a second Sam: %v", err)
	}
}

func TestProfileRulesAreCheckedBeforeSaving(t *testing.T) {
	tests := []struct {
		name    string
		profile Profile
		want    string
	}{
		{"unknown like", Profile{Name: "Kai", Likes: []string{"skydiving"}}, `likes: unknown tag or activity "skydiving"`},
		{"unknown never", Profile{Name: "Kai", Never: []string{"kisses"}}, `never: unknown tag or activity "kisses" (did you mean "kissing"?)`},
		{"unknown need", Profile{Name: "Kai", Needs: catalog.Weights{{Need: "snacks", Weight: 2}}}, `needs: unknown need "snacks"`},
		{"unknown situation", Profile{Name: "Kai", Helps: map[string][]string{"picnic": {"make-tea"}}}, `helps: unknown situation "picnic"`},
		{"bad leaning", Profile{Name: "Kai", Leaning: "both"}, `leaning: "both" is not one of`},
		{"empty name", Profile{Name: ""}, "a name is needed"},
		{"name with a colon", Profile{Name: "Kai:2"}, "may not contain a comma, colon"},
		{"name of symbols", Profile{Name: "!!!"}, "needs at least one letter or digit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			err := s.CreateProfile(&tt.profile)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
			if entries, _ := s.Profiles(); len(entries) != 0 {
				t.Errorf("%d profiles saved despite the error", len(entries))
			}
		})
	}
}

func TestSetChangesOneFieldFromText(t *testing.T) {
	tests := []struct {
		key, value string
		check      func(p *Profile) bool
		wantErr    string
	}{
		{key: "pronouns", value: "she/her", check: func(p *Profile) bool { return p.Pronouns == "she/her" }},
		{key: "likes", value: "music, make-tea", check: func(p *Profile) bool { return slices.Equal(p.Likes, []string{"music", "make-tea"}) }},
		{key: "likes", value: "", check: func(p *Profile) bool { return p.Likes == nil }},
		{key: "needs", value: "quiet=3,hydration", check: func(p *Profile) bool {
			return p.Needs.Of("quiet") == 3 && p.Needs.Of("hydration") == catalog.DefaultWeight && p.Needs.Of("closeness") == 0
		}},
		{key: "helps", value: "scene:tend-bruises,rough:make-tea", check: func(p *Profile) bool {
			return slices.Equal(p.Helps["scene"], []string{"tend-bruises"}) && len(p.Helps) == 2
		}},
		{key: "leaning", value: "space", check: func(p *Profile) bool { return p.Leaning == "space" }},
		{key: "name", value: "Sammy", check: func(p *Profile) bool { return p.Name == "Sammy" }},
		{key: "leaning", value: "sideways", wantErr: `"sideways" is not one of: closeness, space, depends`},
		{key: "talk", value: "quite", wantErr: `"quite" is not one of: talk, quiet, depends (did you mean "quiet"?)`},
		{key: "needs", value: "quiet=5", wantErr: "the weight after = is 1"},
		{key: "helps", value: "scene", wantErr: "write SITUATION:ACTIVITY"},
		{key: "likes", value: "music,nope", wantErr: `unknown tag or activity "nope"`},
		{key: "colour", value: "blue", wantErr: `"colour" is not a profile field`},
	}
	for _, tt := range tests {
		t.Run(tt.key+"="+tt.value, func(t *testing.T) {
			p := sam()
			err := Set(testCatalog(), p, tt.key, tt.value)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || !tt.check(p) {
				t.Errorf("err %v, profile %+v", err, p)
			}
		})
	}
}

func TestUpdateCanRenameAProfile(t *testing.T) {
	s := newStore(t)
	if err := s.CreateProfile(sam()); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateProfile(&Profile{Name: "Alex"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateProfile("sam", func(p *Profile) error { p.Name = "Alex"; return nil }); err == nil {
		t.Error("renaming Sam to Alex worked, but Alex exists")
	}
	if _, err := s.UpdateProfile("sam", func(p *Profile) error { p.Name = "Robin"; return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Profile("Sam"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Sam still there: %v", err)
	}
	if p, err := s.Profile("Robin"); err != nil || p.Likes[0] != "cuddle" {
		t.Errorf("Robin = %+v, %v", p, err)
	}
	if _, err := os.Stat(filepath.Join(s.profilesDir(), "robin.yaml")); err != nil {
		t.Errorf("the file was not renamed: %v", err)
	}
}

func TestADamagedProfileIsReportedAndNeverTouched(t *testing.T) {
	s := newStore(t)
	if err := s.CreateProfile(&Profile{Name: "Alex"}); err != nil {
		t.Fatal(err)
	}
	damaged := filepath.Join(s.profilesDir(), "sam.yaml")
	text := "name: Sam\nlikes: [cuddle\nnever: kissing\n"
	if err := os.WriteFile(damaged, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}

	entries, err := s.Profiles()
	if err != nil || len(entries) != 2 {
		t.Fatalf("entries %v, %v", entries, err)
	}
	if entries[0].Profile == nil || entries[0].Profile.Name != "Alex" {
		t.Errorf("Alex is not readable next to the damaged file: %+v", entries[0])
	}
	if entries[1].Err == nil || !strings.HasPrefix(entries[1].Err.Error(), damaged+":2:1: YAML syntax") {
		t.Errorf("damaged entry %+v, want its path and line", entries[1])
	}
	attempts := map[string]error{}
	_, attempts["read"] = s.Profile("Sam")
	attempts["create"] = s.CreateProfile(&Profile{Name: "Sam"})
	_, attempts["update"] = s.UpdateProfile("Sam", func(p *Profile) error { p.Notes = "x"; return nil })
	for what, err := range attempts {
		if err == nil {
			t.Errorf("%s of the damaged profile worked", what)
		}
	}
	got, _ := os.ReadFile(damaged)
	if string(got) != text {
		t.Errorf("the damaged file changed:\n%s", got)
	}
}

func TestHistoryIsNewestFirstAndFiltered(t *testing.T) {
	s := newStore(t)
	day := time.Date(2026, 11, 20, 22, 0, 0, 0, time.UTC)
	for i, people := range [][]string{{"Sam", "Alex"}, {"Sam"}, {"Alex"}, {"Kai", "Sam"}} {
		if err := s.SaveSession(session(string(rune('a'+i)), day.AddDate(0, 0, i), people...)); err != nil {
			t.Fatal(err)
		}
	}
	entries, err := s.Sessions()
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, e := range entries {
		order = append(order, e.Session.ID)
	}
	if !slices.Equal(order, []string{"d", "c", "b", "a"}) {
		t.Errorf("order %v, want newest first", order)
	}
	tests := []struct {
		filter Filter
		want   []string
	}{
		{Filter{}, []string{"d", "c", "b", "a"}},
		{Filter{Person: "sam"}, []string{"d", "b", "a"}},
		{Filter{Since: day.AddDate(0, 0, 2)}, []string{"d", "c"}},
		{Filter{Person: "Alex", Since: day.AddDate(0, 0, 1)}, []string{"c"}},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range entries {
			if tt.filter.Keep(e.Session) {
				got = append(got, e.Session.ID)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%+v kept %v, want %v", tt.filter, got, tt.want)
		}
	}
}

func TestParseSince(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		want time.Time
		ok   bool
	}{
		{"30d", now.AddDate(0, 0, -30), true},
		{"2w", now.AddDate(0, 0, -14), true},
		{"12h", now.Add(-12 * time.Hour), true},
		{"2026-11-01", time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), true},
		{"soon", time.Time{}, false},
		{"-3d", time.Time{}, false},
		{"3y", time.Time{}, false},
	}
	for _, tt := range tests {
		got, err := ParseSince(tt.text, now)
		if (err == nil) != tt.ok || !got.Equal(tt.want) {
			t.Errorf("ParseSince(%q) = %v, %v", tt.text, got, err)
		}
	}
}

func TestSavingIsRefusedWhenHistoryIsOff(t *testing.T) {
	s := Open(filepath.Join(t.TempDir(), "data"), testCatalog(), false)
	if err := s.SaveSession(session("s1", time.Now(), "Sam")); !errors.Is(err, ErrHistoryOff) {
		t.Errorf("error %v, want ErrHistoryOff", err)
	}
	if _, err := os.Stat(s.Dir()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the data folder was created: %v", err)
	}
}

func TestADamagedSessionIsReportedWithItsLine(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"syntax", "{\n  \"id\": \"x\",\n  \"mode\": \n}", ":4:1: JSON syntax"},
		{"unknown field", "{\n  \"id\": \"x\",\n  \"colour\": 1\n}", `:3:3: unknown field "colour"`},
		{"text for a list", "{\n  \"id\": \"x\",\n  \"people\": \"Sam\"\n}", ":3:3: people: must be a list [...], not text"},
		{"a number for text", "{\n  \"id\": \"x\",\n  \"note\": 42\n}", ":3:3: note: must be text (in quotes), not a number"},
		{"true for text", "{\n  \"id\": \"x\",\n  \"note\": true\n}", ":3:3: note: must be text (in quotes), not true or false"},
		{"a number for a name", "{\n  \"id\": \"x\",\n  \"people\": [3]\n}", ":3:3: people: must be text (in quotes), not a number"},
		{"text for a number", `{"id": "x", "shared": {"Sam": [{"scale": "5"}]}}`, ":1:33: shared.scale: must be a whole number, not text"},
		{"a fraction for a number", `{"id": "x", "shared": {"Sam": [{"scale": 1.5}]}}`, ":1:33: shared.scale: must be a whole number, not 1.5"},
		{"a list for a session", `["x"]`, ":1:1: a session must be fields {...}, not a list"},
		{"broken rule", `{"id": "x", "started": "2026-11-20T22:00:00Z", "mode": "solo", "people": ["Sam", "Alex"]}`, `:1:64: people: a solo session has one person, not 2`},
		{"not a time", "{\n  \"id\": \"x\",\n  \"started\": 5\n}", `:3:3: started: expected a time like "2026-11-20T22:10:00Z", got 5`},
		{"follow-up not a time", "{\n  \"id\": \"x\",\n  \"started\": \"2026-11-20T22:00:00Z\",\n  \"followup\": {\"for\": [\"Sam\"], \"done\": \"tomorrow\"}\n}", `:4:32: done: expected a time like "2026-11-20T22:10:00Z", got "tomorrow"`},
		{"empty", "", ":1:1: the file is empty"},
		{"cut short", `{"id": "x", "people": [`, ":1:24: the file ends in the middle"},
		{"two values", `{"id": "x", "started": "2026-11-20T22:00:00Z", "mode": "solo", "people": ["Sam"]} {}`, ":1:84: more after the end"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeSession("s.json", []byte(tt.text))
			if err == nil || !strings.Contains(err.Error(), "s.json"+tt.want) {
				t.Errorf("error %v, want s.json%s", err, tt.want)
			}
		})
	}
}

func TestEachSessionHandsOverEveryRecordOnceAndSessionsSortsThem(t *testing.T) {
	s := newStore(t)
	var saved []string
	for day := range 30 {
		sess := NewCheckinSession(testStart.AddDate(0, 0, -day), catalog.Solo, "", []Turn{{Name: "Sam"}}, nil, "")
		if err := s.SaveSession(sess); err != nil {
			t.Fatal(err)
		}
		saved = append(saved, sess.ID)
	}
	damaged := filepath.Join(s.sessionsDir(), "20000101T000000-000000.json")
	if err := os.WriteFile(damaged, []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	var broken []string
	if err := s.EachSession(func(e SessionEntry) {
		if e.Err != nil {
			broken = append(broken, e.Path)
			return
		}
		seen[e.Session.ID]++
	}); err != nil {
		t.Fatal(err)
	}
	for _, id := range saved {
		if seen[id] != 1 {
			t.Errorf("%s handed over %d times", id, seen[id])
		}
	}
	if len(seen) != len(saved) || !slices.Equal(broken, []string{damaged}) {
		t.Errorf("%d sessions and damaged %v; want %d and %s", len(seen), broken, len(saved), damaged)
	}
	all, err := s.Sessions()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(saved)+1 || all[0].Session.ID != saved[0] || all[len(saved)-1].Session.ID != saved[len(saved)-1] || all[len(saved)].Path != damaged {
		t.Error("Sessions is not newest first with the damaged file last")
	}
}
