package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

type outcome struct {
	code           int
	stdout, stderr string
}

// emptyHome gives the test a new user with nothing saved and no settings.
func emptyHome(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, ".local", "share"))
	for _, key := range []string{"DATA_DIR", "CATALOG_DIR", "THEME", "REGION", "KEEP_HISTORY", "DEFAULT_MINUTES"} {
		t.Setenv("AFTERCARE_"+key, "")
	}
	// The region starts from the locale; with none it is anywhere.
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		t.Setenv(name, "")
	}
	return home
}

func aftercare(t *testing.T, stdin string, args ...string) outcome {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(stdin), &stdout, &stderr)
	return outcome{code, stdout.String(), stderr.String()}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

// useEditor makes a shell script the person's editor.
func useEditor(t *testing.T, script string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "editor")
	writeFile(t, path, "#!/bin/sh\n"+script+"\n")
	if err := os.Chmod(path, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", path)
}

type suggestionJSON struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Minutes [2]int   `json:"minutes"`
	Score   float64  `json:"score"`
	Reasons []string `json:"reasons"`
}

type resultJSON struct {
	Suggestions []suggestionJSON `json:"suggestions"`
	Compromise  *struct {
		Why     string                      `json:"why"`
		Bridges []suggestionJSON            `json:"bridges"`
		Each    map[string][]suggestionJSON `json:"each"`
	} `json:"compromise"`
}

// offered is everything a result puts forward: the suggestions, the
// bridges and each person's own.
func (r resultJSON) offered() []suggestionJSON {
	out := append([]suggestionJSON{}, r.Suggestions...)
	if r.Compromise != nil {
		out = append(out, r.Compromise.Bridges...)
		for _, list := range r.Compromise.Each {
			out = append(out, list...)
		}
	}
	return out
}

func suggestJSON(t *testing.T, args ...string) resultJSON {
	t.Helper()
	out := aftercare(t, "", append([]string{"suggest", "--json"}, args...)...)
	if out.code != 0 {
		t.Fatalf("exit %d: %s", out.code, out.stderr)
	}
	var r resultJSON
	if err := json.Unmarshal([]byte(out.stdout), &r); err != nil {
		t.Fatalf("%v in %s", err, out.stdout)
	}
	return r
}

func TestUsageMistakesExitTwoWithAHint(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"suggest", "--bogus"}, "unknown flag: --bogus"},
		{"not a number", []string{"suggest", "--minutes", "soon"}, `--minutes takes a whole number, not "soon"`},
		{"not true or false", []string{"suggest", "--together=maybe"}, `--together takes true or false, not "maybe"`},
		{"unknown need", []string{"suggest", "--need", "quite"}, `--need: unknown need "quite" (did you mean "quiet"?)`},
		{"unknown tag", []string{"suggest", "--avoid", "wet"}, `--avoid: unknown tag or activity "wet"`},
		{"a huge unknown need, quoted short", []string{"suggest", "--need", strings.Repeat("q", 100_000)}, `--need: unknown need "` + strings.Repeat("q", 60) + `…"`},
		{"unknown situation", []string{"suggest", "--situation", "picnic"}, `situation: unknown situation "picnic"`},
		{"solo and together", []string{"suggest", "--solo", "--together"}, "--solo and --together cannot both be given"},
		{"solo with two people", []string{"suggest", "--solo", "--need", "Sam:quiet", "--need", "Alex:talk"}, "mode: solo is for one person, but 2 people are named"},
		{"time alone, together", []string{"suggest", "--together", "--situation", "solo"}, `situation: "solo" (On my own) is only for one person on their own, and this request is for people together`},
		{"time alone, for two", []string{"suggest", "--situation", "solo", "--need", "Sam:quiet", "--need", "Alex:talk"}, `"solo" (On my own) is only for one person on their own`},
		{"care from a partner, alone", []string{"suggest", "--situation", "not-there"}, `situation: "not-there" (Back from time with someone else) is only for people together, and this request is for one person on their own`},
		{"empty name", []string{"suggest", "--need", ":quiet"}, "the name before the colon is empty"},
		{"weight past three", []string{"suggest", "--need", "Sam:hydration=4"}, `--need: "hydration=4": the weight after = is 1 (a little), 2 (some) or 3 (a lot)`},
		{"request and needs", []string{"suggest", "--request", "x.yaml", "--need", "quiet"}, "--need cannot be combined with --request"},
		{"limit", []string{"suggest", "--limit", "0"}, "--limit must be at least 1"},
		{"minutes past the setting's cap", []string{"suggest", "--minutes", "1000"}, "--minutes 1000 is out of range: use 0 (no limit) to 240"},
		{"minutes below none", []string{"suggest", "--minutes", "-5"}, "--minutes -5 is out of range: use 0 (no limit) to 240"},
		{"named and unnamed needs", []string{"suggest", "--need", "quiet", "--need", "Sam:talk"}, "some --need, --like or --energy values have a name and some do not"},
		{"unknown energy", []string{"suggest", "--energy", "lots"}, `--energy "lots": write low, medium or high`},
		{"energy and a request", []string{"suggest", "--request", "x.yaml", "--energy", "low"}, "--energy cannot be combined with --request"},
		{"unknown command", []string{"sugest"}, `unknown command "sugest" for "aftercare" (did you mean "suggest"?)`},
		{"unknown subcommand", []string{"catalog", "lsit"}, `unknown command "lsit" for "aftercare catalog" (did you mean "list"?)`},
		{"the first letters of a command", []string{"sup"}, `unknown command "sup" for "aftercare" (did you mean "support"?)`},
		{"another tool's verb", []string{"profile", "create", "Sam"}, `unknown command "create" for "aftercare profile" (did you mean "new"?)`},
		{"a mistyped flag", []string{"history", "--jsn"}, `unknown flag: --jsn (did you mean "--json"?)`},
		{"a mistyped global flag", []string{"checkin", "--acessible", "Sam"}, `unknown flag: --acessible (did you mean "--accessible"?)`},
		{"nothing near", []string{"profile", "zzz"}, `unknown command "zzz" for "aftercare profile"` + "\n"},
		{"unknown list", []string{"catalog", "list", "snacks"}, `there is no list "snacks"; choose one of`},
		{"mistyped list", []string{"catalog", "list", "needz"}, `there is no list "needz" (did you mean "needs"?); choose one of`},
		{"help for a mistyped subcommand", []string{"help", "profile", "nwe"}, `unknown command "nwe" for "aftercare profile" (did you mean "new"?)`},
		{"mistyped help topic", []string{"help", "enviroment"}, `no command or help topic "enviroment" (did you mean "environment"?); the topics are`},
		{"stray argument", []string{"suggest", "quiet"}, `"aftercare suggest" takes no arguments`},
		{"unknown shell", []string{"completion", "nope"}, `unknown command "nope" for "aftercare completion"`},
		{"unknown help topic", []string{"help", "nope"}, `no command or help topic "nope"; the topics are environment, settings and exit-codes`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			emptyHome(t)
			out := aftercare(t, "", tt.args...)
			if out.code != exitUsage {
				t.Errorf("exit %d, want %d", out.code, exitUsage)
			}
			lines := strings.Split(strings.TrimSpace(out.stderr), "\n")
			// A want ending in a newline says the line ends there.
			if len(lines) != 2 || !strings.Contains(lines[0]+"\n", tt.want) || !strings.Contains(lines[1], "--help' for usage") {
				t.Errorf("stderr:\n%s\nwant one line containing %q and a usage hint", out.stderr, tt.want)
			}
			if out.stdout != "" {
				t.Errorf("stdout: %q, want nothing", out.stdout)
			}
		})
	}
}

func TestVersionAndHelp(t *testing.T) {
	emptyHome(t)
	if out := aftercare(t, "", "--version"); out.code != 0 || !strings.HasPrefix(out.stdout, "aftercare version ") {
		t.Errorf("--version: %+v", out)
	}
	for _, args := range [][]string{{"--help"}, {"suggest", "--help"}, {"catalog", "list", "--help"}, {"catalog", "validate", "--help"}, {"catalog", "path", "--help"}, {"config", "--help"}} {
		if out := aftercare(t, "", args...); out.code != 0 || !strings.Contains(out.stdout, "Usage:") {
			t.Errorf("%v: exit %d, %q", args, out.code, out.stdout)
		}
	}
	if out := aftercare(t, "", "completion", "bash"); out.code != 0 || !strings.Contains(out.stdout, "bash completion") {
		t.Errorf("completion bash: exit %d", out.code)
	}
	for topic, want := range map[string]string{"environment": "AFTERCARE_IDENTITY", "exit-codes": "143  ... by TERM", "due": "for a shell prompt"} {
		if out := aftercare(t, "", "help", topic); out.code != 0 || !strings.Contains(out.stdout, want) {
			t.Errorf("help %s: exit %d\n%s", topic, out.code, out.stdout)
		}
	}
	if out := aftercare(t, "", "--config", "/nonexistent/config.yaml", "status"); out.code != exitFailure || !strings.Contains(out.stderr, "--config: /nonexistent/config.yaml does not exist") {
		t.Errorf("a --config that is not there: exit %d, %q", out.code, out.stderr)
	}
}

func TestSuggestForOnePerson(t *testing.T) {
	emptyHome(t)
	r := suggestJSON(t, "--solo", "--need", "quiet", "--need", "hydration", "--minutes", "10", "--limit", "3")
	if len(r.Suggestions) != 3 || r.Compromise != nil {
		t.Fatalf("got %+v", r)
	}
	for _, s := range r.Suggestions {
		if s.Minutes[1] > 10 || len(s.Reasons) == 0 || s.Score <= 0 {
			t.Errorf("suggestion %+v", s)
		}
	}
	if !strings.Contains(strings.Join(r.Suggestions[0].Reasons, ";"), "meets your need for") {
		t.Errorf("top reasons %q do not name the person's need", r.Suggestions[0].Reasons)
	}

	out := aftercare(t, "", "suggest", "--solo", "--need", "quiet", "--minutes", "10")
	if out.code != 0 || !strings.HasPrefix(out.stdout, "For you, with up to 10 minutes:") || !strings.Contains(out.stdout, "Why: meets your need for quiet") {
		t.Errorf("text output:\n%s", out.stdout)
	}
	if out := mustRun(t, "", "suggest", "--solo", "--minutes", "1"); !strings.HasPrefix(out, "For you, with up to 1 minute:") {
		t.Errorf("one minute:\n%s", out)
	}
}

func TestSuggestForACoupleWithClashingNeeds(t *testing.T) {
	emptyHome(t)
	r := suggestJSON(t, "--need", "Sam:closeness", "--need", "Sam:touch", "--need", "Alex:space", "--situation", "tender")
	if r.Compromise == nil {
		t.Fatal("no compromise")
	}
	if !strings.Contains(r.Compromise.Why, "Sam needs closeness and touch, while Alex needs space") {
		t.Errorf("why = %q", r.Compromise.Why)
	}
	if len(r.Compromise.Bridges) == 0 || len(r.Compromise.Each["Sam"]) == 0 || len(r.Compromise.Each["Alex"]) == 0 {
		t.Errorf("compromise %+v", r.Compromise)
	}
	out := aftercare(t, "", "suggest", "--need", "Sam:closeness", "--need", "Alex:space")
	for _, want := range []string{"For Sam and Alex,", "A little of both:", "Something for each of you:", "  Alex:"} {
		if !strings.Contains(out.stdout, want) {
			t.Errorf("text output lacks %q:\n%s", want, out.stdout)
		}
	}
}

func TestSuggestNeverOffersWhatIsOnANeverList(t *testing.T) {
	emptyHome(t)
	cat := catalogJSON(t)
	r := suggestJSON(t, "--together", "--avoid", "touch", "--avoid", "Alex:talking", "--need", "Sam:closeness", "--need", "Alex:quiet", "--limit", "50")
	offered := r.offered()
	if len(r.Suggestions) == 0 {
		t.Fatal("nothing suggested")
	}
	for _, s := range offered {
		tags := cat[s.ID]
		if slices.Contains(tags, "touch") || slices.Contains(tags, "talking") {
			t.Errorf("%s (tags %v) offered despite the never-list", s.ID, tags)
		}
	}
}

// catalogJSON returns each activity's tags, from `catalog list --json`.
func catalogJSON(t *testing.T) map[string][]string {
	t.Helper()
	out := aftercare(t, "", "catalog", "list", "activities", "--json")
	var list []struct {
		ID   string   `json:"id"`
		Tags []string `json:"tags"`
	}
	if err := json.Unmarshal([]byte(out.stdout), &list); err != nil {
		t.Fatalf("%v: %s", err, out.stdout)
	}
	tags := map[string][]string{}
	for _, a := range list {
		tags[a.ID] = a.Tags
	}
	return tags
}

func TestAnUnnamedAvoidHoldsForEveryoneWithoutAddingAPerson(t *testing.T) {
	emptyHome(t)
	r := suggestJSON(t, "--need", "Sam:talk", "--need", "Alex:quiet", "--avoid", "touch")
	if r.Compromise == nil || len(r.Compromise.Each) != 2 {
		t.Fatalf("compromise %+v, want one for exactly Sam and Alex", r.Compromise)
	}
	tags := catalogJSON(t)
	for _, s := range r.Suggestions {
		if slices.Contains(tags[s.ID], "touch") {
			t.Errorf("%s involves touch", s.ID)
		}
	}
}

// A need given a weight on the command line counts as it does in a request
// file, and as the check-in's answers weigh it: water wanted a lot comes
// before food wanted some.
func TestSuggestFlagsWeighNeedsAsARequestDoes(t *testing.T) {
	emptyHome(t)
	request := `people:
  - name: Sam
    needs: {hydration: 3, food: 2}
  - name: Alex
    needs: {hydration: 3, food: 2}
`
	var fromFile resultJSON
	out := aftercare(t, request, "suggest", "--json", "--request", "-")
	if err := json.Unmarshal([]byte(out.stdout), &fromFile); err != nil || out.code != 0 {
		t.Fatalf("exit %d, %v, %s", out.code, err, out.stderr)
	}
	fromFlags := suggestJSON(t, "--need", "Sam:hydration=3", "--need", "Sam:food", "--need", "Alex:hydration=3", "--need", "Alex:food=2")
	ids := func(r resultJSON) []string {
		var out []string
		for _, s := range r.Suggestions {
			out = append(out, s.ID)
		}
		return out
	}
	if !slices.Equal(ids(fromFlags), ids(fromFile)) {
		t.Errorf("the flags suggest %v, the request file %v", ids(fromFlags), ids(fromFile))
	}
	if unweighted := suggestJSON(t, "--need", "Sam:hydration", "--need", "Sam:food", "--need", "Alex:hydration", "--need", "Alex:food"); slices.Equal(ids(unweighted), ids(fromFile)) {
		t.Errorf("the weights changed nothing: %v", ids(unweighted))
	}
}

func TestSuggestReadsARequestFile(t *testing.T) {
	home := emptyHome(t)
	request := `mode: together
situation: scene
minutes: 20
people:
  - name: Sam
    needs: {closeness: 3, reassurance: 2}
  - name: Alex
    needs: [space]
    avoid: [kissing]
`
	path := filepath.Join(home, "tonight.yaml")
	writeFile(t, path, request)
	for _, args := range [][]string{{"--request", path}, {"--request", "-"}} {
		out := aftercare(t, request, append([]string{"suggest", "--json"}, args...)...)
		var r resultJSON
		if err := json.Unmarshal([]byte(out.stdout), &r); err != nil || out.code != 0 {
			t.Fatalf("%v: exit %d, %v, %s", args, out.code, err, out.stderr)
		}
		if r.Compromise == nil || len(r.Compromise.Each) != 2 {
			t.Errorf("%v: compromise %+v", args, r.Compromise)
		}
		for _, s := range r.Suggestions {
			if s.Minutes[1] > 20 {
				t.Errorf("%s takes %v with 20 minutes", s.ID, s.Minutes)
			}
		}
	}
}

func TestABrokenRequestFileNamesItsLine(t *testing.T) {
	home := emptyHome(t)
	path := filepath.Join(home, "tonight.yaml")
	writeFile(t, path, "mode: solo\npeople:\n  - name: Sam\n    needs: [quite]\n  - name: Alex\nsituation: not-there\n")
	out := aftercare(t, "", "suggest", "--request", path)
	if out.code != exitFailure {
		t.Errorf("exit %d, want %d", out.code, exitFailure)
	}
	for _, want := range []string{
		path + `:1:7: mode: solo is for one person, but 2 people are named`,
		path + `:4:13: people: person "Sam": needs: unknown need "quite" (did you mean "quiet"?)`,
		path + `:6:12: situation: "not-there" (Back from time with someone else) is only for people together, and this request is for one person on their own`,
	} {
		if !strings.Contains(out.stderr, want) {
			t.Errorf("stderr lacks %s:\n%s", want, out.stderr)
		}
	}
}

func TestARequestThatIsNotAFileOrIsTooLargeIsRefusedUnread(t *testing.T) {
	home := emptyHome(t)
	large := filepath.Join(home, "large.yaml")
	writeFile(t, large, "people:\n  - name: Sam\n    needs: ["+strings.Repeat("calm, ", 20000)+"calm]\n")
	for _, tc := range []struct {
		name, stdin string
		args        []string
		want        string
	}{
		{"a device", "", []string{"--request", "/dev/zero"}, "/dev/zero: is a device, not an ordinary file, so it was not read as a request"},
		{"a folder", "", []string{"--request", home}, "is a folder"},
		{"a large file", "", []string{"--request", large}, large + ": is larger than 64 KiB, the most a request may hold"},
		{"large on standard input", strings.Repeat("#", 70<<10), []string{"--request", "-"}, "<stdin>: is larger than 64 KiB, the most a request may hold"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := aftercare(t, tc.stdin, append([]string{"suggest"}, tc.args...)...)
			if out.code != exitFailure || !strings.Contains(out.stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", out.code, out.stderr, exitFailure, tc.want)
			}
		})
	}
}

func TestABrokenUserCatalogueStopsEveryCommandThatLoadsIt(t *testing.T) {
	home := emptyHome(t)
	path := filepath.Join(home, ".config", "aftercare", "catalog", "mine.yaml")
	text := "activities:\n  - id: warm-socks\n    title: Warm socks\n    colour: red\n"
	writeFile(t, path, text)
	for _, args := range [][]string{{"suggest"}, {"catalog", "list"}, {"catalog", "validate"}, {"catalog", "validate", path}} {
		out := aftercare(t, "", args...)
		if out.code != exitFailure {
			t.Errorf("%v: exit %d, want %d", args, out.code, exitFailure)
		}
		if !strings.Contains(out.stderr, path+`:4:5: activity "warm-socks": unknown field "colour"`) ||
			!strings.Contains(out.stderr, path+`:2:5: activity "warm-socks": summary: missing`) ||
			!strings.Contains(out.stderr, "nothing was changed") {
			t.Errorf("%v: stderr:\n%s", args, out.stderr)
		}
	}
	if got, _ := os.ReadFile(path); string(got) != text {
		t.Error("the broken file was changed")
	}
}

func TestCatalogCommands(t *testing.T) {
	home := emptyHome(t)
	if out := aftercare(t, "", "catalog", "path"); strings.TrimSpace(out.stdout) != filepath.Join(home, ".config", "aftercare", "catalog") {
		t.Errorf("catalog path = %q", out.stdout)
	}
	t.Setenv("AFTERCARE_CATALOG_DIR", filepath.Join(home, "mine"))
	if out := aftercare(t, "", "catalog", "path"); strings.TrimSpace(out.stdout) != filepath.Join(home, "mine") {
		t.Errorf("catalog path with AFTERCARE_CATALOG_DIR = %q", out.stdout)
	}
	if out := aftercare(t, "", "catalog", "path", "--catalog-dir", "/elsewhere"); strings.TrimSpace(out.stdout) != "/elsewhere" {
		t.Errorf("catalog path with --catalog-dir = %q", out.stdout)
	}
	// A folder named but not there is most likely a typo: said, not taken
	// for a folder with no files in it. catalog path still says where
	// to make it.
	if out := aftercare(t, "", "catalog", "validate"); out.code != exitFailure ||
		!strings.Contains(out.stderr, "AFTERCARE_CATALOG_DIR: there is no folder "+filepath.Join(home, "mine")) {
		t.Errorf("validate with a folder that is not there: %+v", out)
	}
	if out := aftercare(t, "", "suggest", "--catalog-dir", "/no/such/folder"); out.code != exitUsage ||
		!strings.Contains(out.stderr, "--catalog-dir: there is no folder /no/such/folder") || out.stdout != "" {
		t.Errorf("suggest with a --catalog-dir that is not there: %+v", out)
	}
	if err := os.Mkdir(filepath.Join(home, "mine"), 0o700); err != nil {
		t.Fatal(err)
	}
	if out := aftercare(t, "", "catalog", "validate"); out.code != 0 || !strings.Contains(out.stdout, "built-in catalogue is in use") {
		t.Errorf("validate without files: %+v", out)
	}
	writeFile(t, filepath.Join(home, "mine", "socks.yaml"), "activities:\n  - id: warm-socks\n    title: Put on warm socks\n    summary: Feet get cold.\n    needs: {warmth: 2}\n    mode: either\n    contact: none\n    minutes: [1, 3]\n    energy: low\n")
	if out := aftercare(t, "", "catalog", "validate"); out.code != 0 || !strings.HasPrefix(out.stdout, "All good: 1 file checked") {
		t.Errorf("validate: %+v", out)
	}
	if _, ok := catalogJSON(t)["warm-socks"]; !ok {
		t.Error("the user's activity is not listed")
	}
	out := aftercare(t, "", "catalog", "list", "needs")
	if out.code != 0 || !strings.Contains(out.stdout, "closeness") {
		t.Errorf("list needs: %+v", out)
	}
	out = aftercare(t, "", "catalog", "list", "--json")
	var all map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out.stdout), &all); err != nil || len(all) != 7 {
		t.Errorf("list --json: %v, %d lists", err, len(all))
	}
}

func TestConfigShowsWhereEachSettingCameFrom(t *testing.T) {
	home := emptyHome(t)
	writeFile(t, filepath.Join(home, ".config", "aftercare", "config.yaml"), "theme: dark\n")
	t.Setenv("AFTERCARE_DEFAULT_MINUTES", "12")
	t.Setenv("LANG", "en_NZ.UTF-8")
	out := aftercare(t, "", "config", "--data-dir", "/d")
	for _, want := range []string{"theme", "dark", "config.yaml)", "default_minutes  12", "(AFTERCARE_DEFAULT_MINUTES)", "(--data-dir)", "(default)"} {
		if !strings.Contains(out.stdout, want) {
			t.Errorf("config output lacks %q:\n%s", want, out.stdout)
		}
	}
	if !regexp.MustCompile(`(?m)^region +NZ +\(default\)$`).MatchString(out.stdout) {
		t.Errorf("config output does not give the region from the locale:\n%s", out.stdout)
	}
	t.Setenv("AFTERCARE_THEME", "purple")
	out = aftercare(t, "", "suggest")
	if out.code != exitFailure || !strings.Contains(out.stderr, `AFTERCARE_THEME: "purple" is not a theme`) {
		t.Errorf("bad theme: %+v", out)
	}
}

// A mistyped AFTERCARE_* variable is ignored by every command, so the
// commands that say where things are name it, with the one it was
// likely meant to be; those it reads are named by none.
func TestAVariableAftercareDoesNotReadIsNamedWhereSettingsAreShown(t *testing.T) {
	emptyHome(t)
	t.Setenv("AFTERCARE_DATADIR", "/elsewhere")
	t.Setenv("AFTERCARE_REGION", "GB")
	t.Setenv("AFTERCARE_IDENTITY", "/no/such/key")
	for _, args := range [][]string{{"config"}, {"config", "--json"}, {"config", "path"}, {"status"}, {"status", "--json"}} {
		out := aftercare(t, "", args...)
		want := `aftercare: "AFTERCARE_DATADIR" is not a variable aftercare reads (did you mean "AFTERCARE_DATA_DIR"?); 'aftercare help environment' lists those it does.` + "\n"
		if out.code != 0 || out.stderr != want || strings.Contains(out.stdout, "DATADIR") {
			t.Errorf("%v: exit %d, stderr %q, stdout:\n%s", args, out.code, out.stderr, out.stdout)
		}
	}
}

func TestAHomeThatIsUnsetOrRelativeIsRefusedAndNothingIsWritten(t *testing.T) {
	for _, home := range []string{"", "relative/home"} {
		t.Run(fmt.Sprintf("HOME=%q", home), func(t *testing.T) {
			emptyHome(t)
			cwd := t.TempDir()
			t.Chdir(cwd)
			t.Setenv("HOME", home)
			t.Setenv("XDG_CONFIG_HOME", "")
			t.Setenv("XDG_DATA_HOME", "")
			got := aftercare(t, "", "profile", "new", "Sam")
			if got.code != exitFailure || !strings.Contains(got.stderr, "HOME") || !strings.Contains(got.stderr, "--data-dir") {
				t.Fatalf("exit %d, stderr %q; want exit 1 saying HOME is the problem and how to choose a folder", got.code, got.stderr)
			}
			if entries, _ := os.ReadDir(cwd); len(entries) > 0 {
				t.Errorf("files were written in the current folder: %v", entries)
			}
			if _, err := os.Stat("/.local/share/aftercare"); err == nil {
				t.Errorf("files were written under /.local/share/aftercare")
			}
		})
	}
}

func TestADataDirGivenInFullWorksWithoutHome(t *testing.T) {
	emptyHome(t)
	dir := filepath.Join(t.TempDir(), "data")
	t.Setenv("HOME", "")
	if got := aftercare(t, "", "--data-dir", dir, "profile", "new", "Sam"); got.code != 0 {
		t.Fatalf("exit %d: %s", got.code, got.stderr)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Errorf("the data folder given was not used: %v", err)
	}
}

// XDG folders that run into a file, as a mistyped variable makes them:
// settings and catalogue files cannot be there, so there are none, and
// the data folder cannot be, so the file is named and nothing is written.
func TestXDGFoldersInsideAFile(t *testing.T) {
	home := emptyHome(t)
	file := filepath.Join(home, "notes.txt")
	writeFile(t, file, "mine")
	t.Setenv("XDG_CONFIG_HOME", file)
	if out := aftercare(t, "", "suggest", "--minutes", "5"); out.code != 0 || !strings.HasPrefix(out.stdout, "For you, with up to 5 minutes:") {
		t.Errorf("suggest with the settings' folder inside a file: exit %d, %q", out.code, out.stderr)
	}
	if out := aftercare(t, "", "--config", filepath.Join(file, "config.yaml"), "status"); out.code != exitFailure || !strings.Contains(out.stderr, "--config: "+file+"/config.yaml does not exist") {
		t.Errorf("--config inside a file: exit %d, %q", out.code, out.stderr)
	}
	t.Setenv("XDG_DATA_HOME", file)
	want := file + " is a file, not a folder, so aftercare cannot keep its data in " + filepath.Join(file, "aftercare")
	for _, args := range [][]string{{"status"}, {"profile", "new", "Sam"}} {
		if out := aftercare(t, "", args...); out.code != exitFailure || !strings.Contains(out.stderr, want) {
			t.Errorf("%v with the data's folder inside a file: exit %d, %q", args, out.code, out.stderr)
		}
	}
	if data, _ := os.ReadFile(file); string(data) != "mine" {
		t.Errorf("the file in the way now holds %q", data)
	}
}

// A value of a hundred kilobytes, where a name, an id or a word belongs,
// is quoted in the message only as far as it takes to recognise it.
func TestAHugeArgumentIsQuotedShort(t *testing.T) {
	emptyHome(t)
	huge := strings.Repeat("x", 100_000)
	for _, args := range [][]string{
		{"profile", "show", huge},
		{"suggest", "--for", huge},
		{"suggest", "--limit", huge},
		{"suggest", "--energy", huge},
		{"followup", huge},
		{"forget", "--person", huge, "--yes"},
		{"history", "--since", huge},
		{"profile", "edit", "Sam", "--set", huge},
		{"export", "--format", huge},
		{"catalog", "list", huge},
		{"help", huge},
		{"status", huge},
	} {
		out := aftercare(t, "", args...)
		if out.code == 0 || len(out.stderr) > 500 || !strings.Contains(out.stderr, strings.Repeat("x", 60)+"…") {
			t.Errorf("%s …: exit %d, %d bytes on stderr: %.200q", strings.Join(args[:len(args)-1], " "), out.code, len(out.stderr), out.stderr)
		}
	}
}

// fullDisk refuses every write, as /dev/full does.
type fullDisk struct{}

func (fullDisk) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// Output that could not be written is a failure, whichever command printed
// it: a script that redirects it must not be told all went well.
func TestOutputThatCannotBeWrittenFails(t *testing.T) {
	emptyHome(t)
	for _, args := range [][]string{{"status"}, {"profile", "list"}, {"catalog", "list"}, {"support"}, {"history"}, {"--version"}, {"help"}} {
		var stderr bytes.Buffer
		code := run(args, strings.NewReader(""), fullDisk{}, &stderr)
		if code != exitFailure || !strings.Contains(stderr.String(), "no space left on device") {
			t.Errorf("%v to a full disk: exit %d, %q", args, code, stderr.String())
		}
	}
}
