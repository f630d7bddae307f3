package profile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

func TestSameNameIsTheExactNameInAnyCaseOrUnicodeForm(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"Jo Anne", "jo anne", true},
		{"Jo Anne", "JO ANNE", true},
		{"Jo Anne", "jo anne!", false},
		{"Jo Anne", "Jo-Anne", false},
		{"Jo Anne", "JoAnne", false},
		{"李小龍 🌸", "李小龍 🌸", true},
		{"李小龍 🌸", "李小龍 🐉", false},
		{"Jos\u00e9", "Jose\u0301", true},
		{"JOS\u00c9", "jose\u0301", true},
		{"Straße", "STRASSE", true},
		{"Sam", "Sam2", false},
		// What shows as a space is a space: two names that look alike
		// are one.
		{"Sam X", "Sam\u00a0X", true},
		{"Sam X", "sam\u3000x", true},
		{"Ab c", "Ab\u2000c", true},
		{"Ab c", "Ab\u202fc", true},
		{"Sam", "Sam\u2800", true},
		{"Sam X", "Sam  X", true},
		{"Sam X", "SamX", false},
	}
	for _, tt := range tests {
		if got := SameName(tt.a, tt.b); got != tt.same {
			t.Errorf("SameName(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

func TestCheckNamesTellsPeopleApartByTheirExactNames(t *testing.T) {
	tests := []struct {
		names []string
		want  string // part of the problem, or "" for none
	}{
		{[]string{"Sam", "Alex"}, ""},
		{[]string{"李小龍", "Jo Anne"}, ""},
		{[]string{"👋"}, "needs at least one letter or digit"},
		{[]string{"Sam", "sam"}, `"Sam" and "sam" are the same name`},
		{[]string{"Sam", "Sam"}, `"Sam" is named twice`},
		{[]string{"Jos\u00e9", "Jose\u0301"}, "are the same name"},
		{[]string{" Sam"}, "spaces at its start or end"},
		{[]string{""}, "a name is needed"},
		{[]string{"Jo Anne", "jo anne!"}, ""},
		{[]string{"李小龍 🌸", "李小龍 🐉"}, ""},
		{[]string{"Jo Anne", "jo anne"}, `"Jo Anne" and "jo anne" are the same name`},
		{[]string{"Sam", "Sam\u200b"}, `"Sam\u200b" may not contain \u200b, which cannot be seen`},
		{[]string{"\u202eSam"}, `"\u202eSam" may not contain \u202e, which changes the direction`},
		{[]string{"Sam\u2066"}, "which changes the direction"},
		{[]string{"Sa\u00adm"}, "which cannot be seen"},
		{[]string{"Sam\x1b]0;x\a"}, `"Sam\x1b]0;x\a" may not contain the control character \u001b`},
		{[]string{"Sam\nAlex"}, "may not contain the control character \\u000a"},
		{[]string{"Sam\xff"}, "is not valid UTF-8 text"},
	}
	for _, tt := range tests {
		err := CheckNames(tt.names)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%q: %v", tt.names, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%q: %v, want %q", tt.names, err, tt.want)
		case err != nil && strings.ContainsFunc(err.Error(), func(r rune) bool { return r < 0x20 || r == 0x7f || r >= 0x200b && r <= 0x206f }):
			t.Errorf("%q: the message carries the character it refuses: %q", tt.names, err)
		}
	}
}

func TestFileBaseGivesEveryNameASaneFileName(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Sam", "sam"},
		{"Jo Anne!", "jo-anne"},
		{"李小龍 🌸", "李小龍"},
		{"Jos\u0065\u0301", "jos\u00e9"},
		{"Con", "p-"},
		{"LPT1", "p-"},
		{"🌸", "p-"},
	}
	for _, tt := range tests {
		if got := fileBase(tt.name); !strings.HasPrefix(got, tt.want) || tt.want == "p-" && len(got) != len("p-")+8 {
			t.Errorf("fileBase(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	if fileBase("🌸") == fileBase("🐉") {
		t.Error("two names without letters share a file name")
	}
}

func TestProfilesAreMatchedByExactNameNeverByFileName(t *testing.T) {
	s := newStore(t)
	for _, name := range []string{"Jo Anne", "jo anne!", "李小龍 🐉", "李小龍 🌸"} {
		if err := s.CreateProfile(&Profile{Name: name, Notes: "I am " + name}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(s.profilesDir(), "*.yaml"))
	if len(files) != 4 {
		t.Fatalf("four people in %d files: %v", len(files), files)
	}
	for _, name := range []string{"JO ANNE", "jo anne!", "李小龍 🐉", "李小龍 🌸"} {
		p, err := s.Profile(name)
		if err != nil || !SameName(p.Name, name) || p.Notes != "I am "+p.Name {
			t.Errorf("Profile(%q) = %+v, %v", name, p, err)
		}
	}
	for _, fileName := range []string{"jo-anne", "jo-anne-2", "李小龍"} {
		if _, err := s.Profile(fileName); !errors.Is(err, ErrNotFound) {
			t.Errorf("Profile(%q) found by its file name: %v", fileName, err)
		}
	}
	if _, err := s.DeleteProfile("jo anne!"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteProfile("李小龍 🌸"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Jo Anne", "李小龍 🐉"} {
		if p, err := s.Profile(name); err != nil || p.Name != name {
			t.Errorf("deleting a name that slugs alike took %q: %+v, %v", name, p, err)
		}
	}
	if _, err := s.UpdateProfile("jo anne", func(p *Profile) error { p.Name = "Jo Anne!"; return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateProfile("Jo Anne!", func(p *Profile) error { p.Name = "李小龍 🐉"; return nil }); err == nil {
		t.Error("a rename took a name that is taken")
	}
}

func TestADamagedProfileIsFoundOnlyByItsOwnFileName(t *testing.T) {
	s := newStore(t)
	if err := s.CreateProfile(&Profile{Name: "Alex"}); err != nil {
		t.Fatal(err)
	}
	damaged := filepath.Join(s.profilesDir(), "jo-anne.yaml")
	if err := os.WriteFile(damaged, []byte("name: Jo Anne\nlikes: [\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Profile("jo anne!"); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), damaged+" cannot be read and may hold it") {
		t.Errorf("a name that is not the file's: %v", err)
	}
	if err := s.CreateProfile(&Profile{Name: "Jo Anne"}); err == nil || !strings.Contains(err.Error(), "mend it first") {
		t.Errorf("a name the damaged file may hold was given again: %v", err)
	}
	if _, err := s.DeleteProfile("jo anne!"); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting another name took the damaged file: %v", err)
	}
	if path, err := s.DeleteProfile("jo-anne"); err != nil || path != damaged {
		t.Errorf("the damaged file by its own name: %s, %v", path, err)
	}
}

func TestNamesAreSavedInOneUnicodeForm(t *testing.T) {
	s := newStore(t)
	nfd, nfc := "Jose\u0301", "Jos\u00e9"
	if err := s.CreateProfile(&Profile{Name: nfd}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateProfile(&Profile{Name: nfc}); err == nil {
		t.Error("José in another Unicode form became a second profile")
	}
	if p, err := s.Profile(nfc); err != nil || p.Name != nfc {
		t.Errorf("Profile = %+v, %v; want the name in NFC", p, err)
	}
	if _, err := s.UpdateProfile(nfc, func(p *Profile) error { p.Name = "Zoe\u0308"; return nil }); err != nil {
		t.Fatal(err)
	}
	sess := session("s1", testStart, "Zoe\u0308", nfd)
	sess.Shared = map[string][]Shared{"zoe\u0308": {{Question: "okay", Prompt: "Are you okay?", Said: "Yes"}}}
	if err := s.SaveSession(sess); err != nil {
		t.Fatal(err)
	}
	var saved []byte
	for _, dir := range []string{s.profilesDir(), s.sessionsDir()} {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			data, _ := os.ReadFile(f)
			saved = append(saved, data...)
		}
	}
	if !norm.NFC.IsNormal(saved) {
		t.Errorf("a name was saved in another form than NFC:\n%s", saved)
	}
	got, err := s.Session("s1")
	if err != nil {
		t.Fatal(err)
	}
	if answers := got.Shared["Zo\u00eb"]; len(answers) != 1 {
		t.Errorf("answers are not under the name as the people list spells it: %v", got.Shared)
	}
}

// The command a profile's header gives works as written, whatever the
// name: quoted for the shell, after -- where it would read as a flag.
func TestAProfileHeaderGivesACommandThatWorks(t *testing.T) {
	for name, want := range map[string]string{
		"Sam":     "`aftercare profile edit Sam`",
		"Jo Anne": "`aftercare profile edit 'Jo Anne'`",
		"-rf":     "`aftercare profile edit -- -rf`",
		"O'Brien": `aftercare profile edit 'O'\''Brien'`,
		"李小龍 🌸":   "`aftercare profile edit '李小龍 🌸'`",
	} {
		data, err := encodeProfile(&Profile{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%q gave the header:\n%s", name, data)
		}
	}
}

func TestAProfileHeaderNeverCarriesWhatANameCouldDo(t *testing.T) {
	for _, name := range []string{"Sam\n# name: Alex", "Sam\x1b]52;c;aGk=\a", "Sam\u2028likes: [x]", "Sam\u202e"} {
		data, err := encodeProfile(&Profile{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		header, _, _ := strings.Cut(string(data), "name:")
		if lines := strings.Split(strings.TrimSuffix(header, "\n"), "\n"); len(lines) != 2 || !strings.Contains(header, "profile edit NAME") {
			t.Errorf("%q gave the header %q", name, header)
		}
		s := newStore(t)
		err = s.CreateProfile(&Profile{Name: name})
		if err == nil || !strings.Contains(err.Error(), "may not contain") {
			t.Errorf("%q was not refused: %v", name, err)
		}
		if fileExists(s.Dir()) {
			t.Errorf("%q: the data folder was made for a refused name", name)
		}
	}
}

func TestANameThatLooksLikeAnotherCannotBeSavedBesideIt(t *testing.T) {
	s := newStore(t)
	if err := s.CreateProfile(&Profile{Name: "Eve"}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Ev\u200de", "Ev\u200ce", "Eve\ufe0f", "Eve\U000E0100", "Eve\U000E0001", "Eve\U000E0061", "Eve\U0001D173", "Eve\ufff9"} {
		if err := s.CreateProfile(&Profile{Name: name}); err == nil || !strings.Contains(err.Error(), "which cannot be seen") {
			t.Errorf("%q saved beside \"Eve\": %v", name, err)
		}
	}
	for _, name := range []string{"Sam 👩\u200d💻", "نیک\u200cنام", "क्\u200dष", "葛\U000E0100城", "Ailsa 🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"} {
		if err := s.CreateProfile(&Profile{Name: name}); err != nil {
			t.Errorf("%q: %v", name, err)
		}
	}
}

// Pronouns that break their line are refused when written, but a profile
// saved with them before that rule still reads.
func TestPronounsWithALineSeparatorReadButAreNotWritten(t *testing.T) {
	s := newStore(t)
	if err := s.CreateProfile(&Profile{Name: "Sam"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(s.profilesDir(), "sam.yaml")
	if err := os.WriteFile(path, []byte("name: Sam\npronouns: \"she\u2028her\"\n"), fileMode); err != nil {
		t.Fatal(err)
	}
	p, err := s.Profile("Sam")
	if err != nil || p.Pronouns != "she\u2028her" {
		t.Fatalf("a profile saved before the rule: %+v, %v", p, err)
	}
	if err := Set(testCatalog(), p, "pronouns", "they\u2029them"); err == nil || !strings.Contains(err.Error(), "breaks the line") {
		t.Errorf("setting pronouns with a separator: %v", err)
	}
	if err := s.CreateProfile(&Profile{Name: "Alex", Pronouns: "he\u2028him"}); err == nil {
		t.Error("a new profile was saved with a separator in its pronouns")
	}
}

func TestNearNameIsASavedNameOneSlipAway(t *testing.T) {
	saved := []string{"Sam", "Alex", "Jo", "Jo Anne", "Zoë"}
	tests := []struct {
		typed, want string
	}{
		{"Sma", "Sam"},        // two letters swapped
		{"Sm", ""},            // too short to call a slip
		{"Smm", "Sam"},        // one wrong
		{"Saam", "Sam"},       // one added
		{"alx", "Alex"},       // one missing, any case
		{"sam", ""},           // Sam himself, not a slip
		{"Kim", ""},           // two away: someone else
		{"Jay", ""},           // "Jo" is too short to be slipped from
		{"jo  anne", ""},      // Jo Anne, spaced as she is
		{"Jo Ane", "Jo Anne"}, // one missing, past a space
		{"Zoe", "Zoë"},        // an accent missed
		{"Zoe\u0308", ""},     // Zoë, in the other Unicode form
		{"", ""},
	}
	for _, tt := range tests {
		if got := NearName(tt.typed, saved); got != tt.want {
			t.Errorf("NearName(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
}

func TestPeopleSeenHintsOnlyAtSomeoneElse(t *testing.T) {
	seen := PeopleSeen{}
	seen.Add(&Session{People: []string{"Sam", "Alex"}})
	seen.Add(&Session{People: []string{"sam", "Jo Anne"}})
	for typed, want := range map[string]string{
		"Sma":      ` (did you mean "Sam"?)`,
		"SAM":      "",
		"jo  anne": "",
		"Jo Ane":   ` (did you mean "Jo Anne"?)`,
		"Zed":      "",
	} {
		if got := seen.Hint(typed); got != want {
			t.Errorf("Hint(%q) = %q, want %q", typed, got, want)
		}
	}
}

func TestAMissingSessionNamesTheOneLikelyMeant(t *testing.T) {
	s := Open(t.TempDir(), testCatalog(), true)
	for _, id := range []string{"20261120T221000-abc123", "20261121T221000-def456", "20261121T230000-0a0b0c"} {
		must(t, s.SaveSession(session(id, testStart, "Sam")))
	}
	for id, want := range map[string]string{
		"20261120":               ` (did you mean "20261120T221000-abc123"?)`, // cut short
		"20261121":               "",                                          // two begin so
		"20261120T221000-abc124": ` (did you mean "20261120T221000-abc123"?)`, // one wrong
		"20261120T221000-acb123": ` (did you mean "20261120T221000-abc123"?)`, // two swapped
		"20261120T221000-ffffff": "",                                          // someone else's
		"../20261120":            "",
	} {
		want = `no session "` + id + `": not found` + want
		for what, err := range map[string]error{"Session": func() error { _, err := s.Session(id); return err }(), "CheckSession": s.CheckSession(id)} {
			if err == nil || err.Error() != want || !errors.Is(err, ErrNotFound) {
				t.Errorf("%s(%q) = %v, want %s", what, id, err, want)
			}
		}
	}
}

// A plain ASCII name is keyed by lowering it, which is what folding its
// case in Unicode gives.
func TestAnASCIINameIsKeyedAsUnicodeFoldsIt(t *testing.T) {
	for _, name := range []string{"Sam", "ALEX", "jo anne", "Kai-Li O'Neil", "R2D2", "~Zed_"} {
		if got, want := nameKey(name), norm.NFC.String(cases.Fold().String(name)); got != want {
			t.Errorf("nameKey(%q) = %q, want %q", name, got, want)
		}
	}
}
