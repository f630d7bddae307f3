package main

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/aftercare-tui/aftercare/catalog"
)

func TestSupportShowsTheLinesOfTheRegion(t *testing.T) {
	tests := []struct {
		name  string
		env   map[string]string
		args  []string
		first string
		want  []string
		not   []string
	}{
		{"GB", nil, []string{"--region", "GB"}, "Support for GB:",
			[]string{"Samaritans", "Call 999.", "Find A Helpline", "https://findahelpline.com", catalog.KindLabel("emergency")},
			[]string{"911", "RAINN", "your local emergency number"}},
		{"US in small letters", nil, []string{"--region", "us"}, "Support for US:",
			[]string{"RAINN", "Call 911.", "Find A Helpline"},
			[]string{"999", "Samaritans"}},
		{"anywhere", nil, []string{"--region", "anywhere"}, "Support, wherever you are:",
			[]string{"Emergency services", "call your local emergency number", "Find A Helpline", "Someone you trust"},
			[]string{"911", "999"}},
		{"a region with no lines of its own", nil, []string{"--region", "JP"}, "Support for JP:",
			[]string{"no lines just for JP", "call your local emergency number", "Find A Helpline"},
			nil},
		{"from AFTERCARE_REGION", map[string]string{"AFTERCARE_REGION": "IE"}, nil, "Support for IE:",
			[]string{"Samaritans", "Call 112 or 999, free.", "1800 77 88 88"},
			[]string{"911"}},
		{"from the locale", map[string]string{"LANG": "en_NZ.UTF-8"}, nil, "Support for NZ:",
			[]string{"Call 111, free.", "Need to talk? 1737"},
			nil},
		{"the flag over the setting", map[string]string{"AFTERCARE_REGION": "IE"}, []string{"--region", "AU"}, "Support for AU:",
			[]string{"Call 000, free.", "Lifeline"},
			[]string{"Samaritans"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			emptyHome(t)
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			out := aftercare(t, "", append([]string{"support"}, tt.args...)...)
			if out.code != 0 || out.stderr != "" {
				t.Fatalf("exit %d, stderr %q", out.code, out.stderr)
			}
			if first, _, _ := strings.Cut(out.stdout, "\n"); first != tt.first {
				t.Errorf("first line %q, want %q", first, tt.first)
			}
			for _, want := range tt.want {
				if !strings.Contains(out.stdout, want) {
					t.Errorf("output lacks %q:\n%s", want, out.stdout)
				}
			}
			for _, not := range tt.not {
				if strings.Contains(out.stdout, not) {
					t.Errorf("output has %q:\n%s", not, out.stdout)
				}
			}
			checkSupportText(t, out.stdout)
		})
	}
}

// checkSupportText holds the text to the care rules: it never asks the
// reader to run anything, and it wraps like the rest of the output.
func checkSupportText(t *testing.T, text string) {
	t.Helper()
	lower := strings.ToLower(text)
	for _, command := range []string{"aftercare", " --", "run '", "run `"} {
		if strings.Contains(lower, command) {
			t.Errorf("the support text mentions %q, as if asking for a command:\n%s", command, text)
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(strings.TrimSpace(line), " ") && utf8.RuneCountInString(line) > 76 {
			t.Errorf("line longer than 76 characters: %q", line)
		}
	}
}

// supportJSONOf runs support --json for a region and decodes it loosely, so
// that the names of the fields are checked too.
func supportJSONOf(t *testing.T, region string) (string, []map[string]any) {
	t.Helper()
	out := aftercare(t, "", "support", "--json", "--region", region)
	if out.code != 0 {
		t.Fatalf("--region %s: exit %d: %s", region, out.code, out.stderr)
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out.stdout), &got); err != nil {
		t.Fatalf("%v in %s", err, out.stdout)
	}
	if len(got) != 2 {
		t.Errorf("top-level fields %v, want region and resources", slices.Sorted(maps.Keys(got)))
	}
	var at string
	var resources []map[string]any
	if err := json.Unmarshal(got["region"], &at); err != nil {
		t.Fatalf("region: %v", err)
	}
	if err := json.Unmarshal(got["resources"], &resources); err != nil {
		t.Fatalf("resources: %v", err)
	}
	return at, resources
}

func TestSupportJSON(t *testing.T) {
	emptyHome(t)
	cat, err := catalog.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	regions := []string{catalog.Anywhere}
	for _, r := range cat.Resources {
		for _, region := range r.Regions {
			if !slices.Contains(regions, region) {
				regions = append(regions, region)
			}
		}
	}
	fields := []string{"id", "name", "kind", "regions", "how", "summary", "url", "checked", "source"}
	for _, region := range regions {
		at, resources := supportJSONOf(t, strings.ToLower(region))
		if at != region {
			t.Errorf("region %q, want %q", at, region)
		}
		var ids, want []string
		for _, r := range cat.SupportFor("", region) {
			want = append(want, r.ID)
		}
		for _, r := range resources {
			id, _ := r["id"].(string)
			ids = append(ids, id)
			for field := range r {
				if !slices.Contains(fields, field) {
					t.Errorf("%s: unexpected field %q", id, field)
				}
			}
			for _, field := range []string{"id", "name", "kind", "how"} {
				if s, _ := r[field].(string); s == "" {
					t.Errorf("%s: %s is missing or empty", id, field)
				}
			}
			if list, ok := r["regions"].([]any); !ok || len(list) == 0 {
				t.Errorf("%s: regions %v, want a list", id, r["regions"])
			}
			for _, field := range []string{"summary", "url", "checked", "source"} {
				if v, ok := r[field]; ok && v == "" {
					t.Errorf("%s: %s is given but empty", id, field)
				}
			}
			how, _ := r["how"].(string)
			if r["kind"] != "personal" && strings.ContainsAny(how, "0123456789") && (r["checked"] == nil || r["source"] == nil) {
				t.Errorf("%s gives a number (%q) without checked and source", id, how)
			}
		}
		if !slices.Equal(ids, want) {
			t.Errorf("--region %s: ids %v, want %v in that order", region, ids, want)
		}
	}
}

func TestSupportRefusesABadRegion(t *testing.T) {
	for _, args := range [][]string{{"support", "--region", "xyz"}, {"support", "--region", ""}, {"support", "--json", "--region", "G B"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			emptyHome(t)
			out := aftercare(t, "", args...)
			if out.code != exitUsage {
				t.Errorf("exit %d, want %d", out.code, exitUsage)
			}
			if !strings.HasPrefix(out.stderr, "aftercare: --region: ") || !strings.Contains(out.stderr, "is not a region") || !strings.Contains(out.stderr, "'aftercare support --help'") {
				t.Errorf("stderr:\n%s", out.stderr)
			}
			if out.stdout != "" {
				t.Errorf("stdout %q, want nothing", out.stdout)
			}
		})
	}
}

func TestABadRegionSettingNamesWhereItCameFrom(t *testing.T) {
	home := emptyHome(t)
	t.Setenv("AFTERCARE_REGION", "Britain")
	out := aftercare(t, "", "support")
	if out.code != exitFailure || !strings.Contains(out.stderr, `AFTERCARE_REGION: "Britain" is not a region`) {
		t.Errorf("bad AFTERCARE_REGION: %+v", out)
	}
	t.Setenv("AFTERCARE_REGION", "")
	config := filepath.Join(home, ".config", "aftercare", "config.yaml")
	writeFile(t, config, "theme: dark\nregion: Britain\n")
	out = aftercare(t, "", "support")
	if out.code != exitFailure || !strings.Contains(out.stderr, config+`:2:9: region: "Britain" is not a region`) {
		t.Errorf("bad region in the file: %+v", out)
	}
	// Support is shown all the same: a broken setting never stands
	// between someone and the lines, of the region asked for or else
	// the locale's.
	if out := aftercare(t, "", "support", "--region", "GB"); out.code != exitFailure || !strings.HasPrefix(out.stdout, "Support for GB:") || !strings.Contains(out.stdout, "Call 999.") || !strings.Contains(out.stderr, "the settings could not be read") {
		t.Errorf("support --region GB with a bad region in the file: %+v", out)
	}
	t.Setenv("LANG", "en_IE.UTF-8")
	if out := aftercare(t, "", "support", "--json"); out.code != exitFailure || !strings.Contains(out.stdout, `"region": "IE"`) {
		t.Errorf("support --json with a bad region in the file: %+v", out)
	}
}

func TestNamesAreCheckedBeforeAnythingOpens(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"checkin", "Sam", "sam"}, `"Sam" and "sam" are the same name`},
		{[]string{"checkin", "👋"}, `"👋" needs at least one letter or digit`},
		{[]string{"checkin", "Sam", "Sam"}, `"Sam" is named twice`},
		{[]string{"plan", "Sam", "SAM"}, `"Sam" and "SAM" are the same name`},
		{[]string{"plan", "Sam", "Alex:Kai"}, `"Alex:Kai" may not contain a comma, colon or line break`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			home := emptyHome(t)
			// A broken catalogue would stop a command that read it: the
			// names must be refused before it is read.
			writeFile(t, filepath.Join(home, ".config", "aftercare", "catalog", "broken.yaml"), "activities: [\n")
			out := aftercare(t, "", tt.args...)
			if out.code != exitUsage {
				t.Errorf("exit %d, want %d", out.code, exitUsage)
			}
			if !strings.HasPrefix(out.stderr, "aftercare: ") || !strings.Contains(out.stderr, tt.want) || !strings.Contains(out.stderr, "--help' for usage") {
				t.Errorf("stderr:\n%s\nwant it to contain %s", out.stderr, tt.want)
			}
			if out.stdout != "" {
				t.Errorf("stdout %q, want nothing: the screen must not open", out.stdout)
			}
			if _, err := os.Stat(filepath.Join(home, ".local", "share")); !os.IsNotExist(err) {
				t.Errorf("the data folder exists (%v); nothing should be created", err)
			}
		})
	}
}

func TestSuggestGuardOffersNothingCloseOrCelebratory(t *testing.T) {
	emptyHome(t)
	cat, err := catalog.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	r := suggestJSON(t, "--together", "--guard", "--limit", "20")
	offered := r.offered()
	if len(r.Suggestions) == 0 {
		t.Fatal("nothing suggested")
	}
	for _, s := range offered {
		a := cat.Activity(s.ID)
		if a == nil {
			t.Errorf("%s is not in the built-in catalogue", s.ID)
			continue
		}
		if a.Contact == "full" || slices.Contains(a.Tags, "kissing") || slices.Contains(a.Tags, "celebrating") {
			t.Errorf("%s (contact %s, tags %v) offered with --guard", s.ID, a.Contact, a.Tags)
		}
	}
	without := suggestJSON(t, "--together", "--limit", "20")
	if slices.EqualFunc(without.Suggestions, r.Suggestions, func(a, b suggestionJSON) bool { return a.ID == b.ID }) {
		t.Error("--guard changed nothing; the test no longer shows what it guards against")
	}
}

// --space is a check-in's private ask for space: nothing offered together
// asks anything of anyone, since the others are not told who asked.
func TestSuggestSpaceOffersTogetherOnlyWhatAsksNothing(t *testing.T) {
	home := emptyHome(t)
	cat, err := catalog.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"--together", "--need", "Sam:closeness", "--need", "Alex:closeness", "--limit", "20"}
	r := suggestJSON(t, append(args, "--space")...)
	if len(r.Suggestions) == 0 {
		t.Fatal("nothing suggested")
	}
	for _, s := range r.Suggestions {
		if a := cat.Activity(s.ID); a == nil || !a.AsksNothing || a.Contact == "full" {
			t.Errorf("%s offered to everyone while someone asked for space", s.ID)
		}
	}
	without := suggestJSON(t, args...)
	if slices.EqualFunc(without.Suggestions, r.Suggestions, func(a, b suggestionJSON) bool { return a.ID == b.ID }) {
		t.Error("--space changed nothing; the test no longer shows what it keeps out")
	}
	path := filepath.Join(home, "tonight.yaml")
	writeFile(t, path, "mode: together\nspace: true\nlimit: 20\npeople:\n  - {name: Sam, needs: [closeness]}\n  - {name: Alex, needs: [closeness]}\n")
	if fromFile := suggestJSON(t, "--request", path); !slices.EqualFunc(fromFile.Suggestions, r.Suggestions, func(a, b suggestionJSON) bool { return a.ID == b.ID }) {
		t.Errorf("space: true in a request file gives %v, --space %v", fromFile.Suggestions, r.Suggestions)
	}
}

func TestSuggestEnergyAndApartNarrowWhatIsOffered(t *testing.T) {
	emptyHome(t)
	cat, err := catalog.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		ok   func(a *catalog.Activity) bool
		want string
	}{
		{[]string{"--energy", "low"}, func(a *catalog.Activity) bool { return a.Energy == "low" }, "low energy"},
		{[]string{"--energy", "Sam:high", "--energy", "Alex:low", "--need", "Sam:lightness"}, func(a *catalog.Activity) bool { return a.Energy == "low" }, "low energy"},
		{[]string{"--together", "--situation", "apart"}, func(a *catalog.Activity) bool { return a.Apart }, "something that works apart"},
		{[]string{"--together", "--situation", "hard"}, func(a *catalog.Activity) bool { return !slices.Contains(a.Tags, "praise") }, "no praise"},
	}
	for _, tt := range tests {
		r := suggestJSON(t, append(tt.args, "--limit", "30")...)
		if len(r.Suggestions) == 0 {
			t.Errorf("%v: nothing suggested", tt.args)
		}
		for _, s := range r.offered() {
			if a := cat.Activity(s.ID); a == nil || !tt.ok(a) {
				t.Errorf("%v: %s offered, want only %s", tt.args, s.ID, tt.want)
			}
		}
	}
}

func TestSuggestGuardAddsToARequestFile(t *testing.T) {
	home := emptyHome(t)
	path := filepath.Join(home, "tonight.yaml")
	writeFile(t, path, "mode: together\nlimit: 20\n")
	cat, err := catalog.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	r := suggestJSON(t, "--request", path, "--guard")
	if len(r.Suggestions) == 0 {
		t.Fatal("nothing suggested")
	}
	for _, s := range r.Suggestions {
		if a := cat.Activity(s.ID); a == nil || a.Contact == "full" || slices.Contains(a.Tags, "kissing") {
			t.Errorf("%s offered with --guard on top of a request file", s.ID)
		}
	}
}

// Support is always reachable: a broken file of one's own leaves that
// file out, named, and the built-in lines are still shown.
func TestSupportShowsTheBuiltInLinesWhenOnesOwnCatalogueIsBroken(t *testing.T) {
	home := emptyHome(t)
	t.Setenv("AFTERCARE_REGION", "GB")
	broken := filepath.Join(home, ".config", "aftercare", "catalog", "mine.yaml")
	writeFile(t, broken, "resources:\n  - id: Jo\n")
	out := aftercare(t, "", "support")
	if out.code != exitFailure || !strings.Contains(out.stdout, "Call 999.") || !strings.Contains(out.stderr, broken+":2:") ||
		!strings.Contains(out.stderr, "built-in support lines alone") {
		t.Errorf("support with a broken catalogue file: %+v", out)
	}
	if out := aftercare(t, "", "support", "--json"); out.code != exitFailure || !strings.Contains(out.stdout, `"emergency-gb"`) {
		t.Errorf("support --json with a broken catalogue file: %+v", out)
	}
}

func TestSupportIncludesThePersonsOwnCatalogue(t *testing.T) {
	home := emptyHome(t)
	writeFile(t, filepath.Join(home, ".config", "aftercare", "catalog", "mine.yaml"),
		"resources:\n  - id: jo\n    name: Jo, my sister\n    kind: personal\n    regions: [anywhere]\n    how: Call or message Jo, any time.\n")
	out := aftercare(t, "", "support", "--region", "GB")
	if out.code != 0 || !strings.Contains(out.stdout, "  Jo, my sister\n    Call or message Jo, any time.\n") {
		t.Errorf("exit %d, output:\n%s%s", out.code, out.stdout, out.stderr)
	}
}
