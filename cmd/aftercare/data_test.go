package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aftercare-tui/aftercare/plain"
	"github.com/aftercare-tui/aftercare/profile"
)

// twoSessions is an export with two check-ins a week apart.
const twoSessions = `{
  "version": 1,
  "profiles": [],
  "sessions": [
    {"id": "20261101T220000-aaaaaa", "started": "2026-11-01T22:00:00Z", "mode": "together", "people": ["Sam", "Alex"],
     "situation": "scene", "shared": {"Sam": [{"question": "okay", "prompt": "Are you okay?", "choices": ["okay"], "said": "Yes, I'm okay"}]},
     "chosen": ["make-tea"], "note": "Tea helped.", "ratings": [{"person": "Alex", "activity": "make-tea", "rating": "helped"}]},
    {"id": "20261108T220000-bbbbbb", "started": "2026-11-08T22:00:00Z", "mode": "solo", "people": ["Kai"],
     "shared": {}, "chosen": [], "ratings": []}
  ]
}
`

func mustRun(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	out := aftercare(t, stdin, args...)
	if out.code != 0 {
		t.Fatalf("%v: exit %d\n%s", args, out.code, out.stderr)
	}
	return out.stdout
}

func TestProfilesFromTheCommandLine(t *testing.T) {
	home := emptyHome(t)
	mustRun(t, "", "profile", "new", "Sam", "--pronouns", "they/them", "--like", "cuddle", "--never", "kissing", "--leaning", "closeness", "--need", "closeness=3", "--helps", "scene:blanket-wrap")
	mustRun(t, "", "profile", "new", "Alex", "--leaning", "space", "--talk", "quiet", "--need", "space")

	list := mustRun(t, "", "profile", "list")
	if !strings.HasPrefix(list, "Alex") || !strings.Contains(list, "Sam   they/them; usually wants closeness") {
		t.Errorf("profile list:\n%s", list)
	}
	var listed []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "", "profile", "list", "--json")), &listed); err != nil || len(listed) != 2 || listed[1]["name"] != "Sam" {
		t.Errorf("profile list --json: %v %v", listed, err)
	}
	var shown map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "", "profile", "show", "sam", "--json")), &shown); err != nil || shown["leaning"] != "closeness" {
		t.Errorf("profile show --json: %v %v", shown, err)
	}
	if show := mustRun(t, "", "profile", "show", "Sam"); !strings.Contains(show, "helps after scene  blanket-wrap") {
		t.Errorf("profile show:\n%s", show)
	}

	if out := mustRun(t, "", "profile", "edit", "sam", "--set", "leaning=space", "--set", "likes=music,make-tea"); out != "Saved Sam's profile.\n" {
		t.Errorf("an edit says %q", out)
	}
	if out := mustRun(t, "", "profile", "edit", "sam", "--set", "name=Samuel"); !strings.Contains(out, "Saved Samuel's profile.\nAny check-ins saved as Sam keep that name") {
		t.Errorf("a new name says %q", out)
	}
	mustRun(t, "", "profile", "edit", "Samuel", "--set", "name=Sam")
	if show := mustRun(t, "", "profile", "show", "Sam", "--json"); !strings.Contains(show, `"leaning": "space"`) || !strings.Contains(show, "\"likes\": [\n    \"music\",\n    \"make-tea\"\n  ]") {
		t.Errorf("after --set:\n%s", show)
	}

	for _, bad := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"profile", "new", "Kai", "--like", "skydiving"}, exitUsage, `--like: unknown tag or activity "skydiving"`},
		{[]string{"profile", "new", "Kai", "--leaning", "sideways"}, exitUsage, `--leaning: "sideways" is not one of`},
		{[]string{"profile", "new", "Kai", "--talk", "quite"}, exitUsage, `--talk: "quite" is not one of: talk, quiet, depends (did you mean "quiet"?)`},
		{[]string{"profile", "new", "sam"}, exitFailure, `there is already a profile named "Sam"`},
		{[]string{"profile", "show", "Robin"}, exitFailure, `no profile named "Robin": not found` + "\n"},
		{[]string{"profile", "show", "SMA"}, exitFailure, `no profile named "SMA": not found (did you mean "Sam"?)`},
		{[]string{"profile", "edit", "Sam", "--set", "colour=blue"}, exitUsage, `"colour" is not a profile field`},
		{[]string{"profile", "new"}, exitUsage, `needs NAME`},
	} {
		out := aftercare(t, "", bad.args...)
		if out.code != bad.code || !strings.Contains(out.stderr, bad.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", bad.args, out.code, out.stderr, bad.code, bad.want)
		}
	}

	// Piped, the answer is not echoed: the line is ended for it.
	if out := aftercare(t, "n\n", "profile", "delete", "Sam"); out.code != exitFailure || !strings.Contains(out.stderr, "[y/N] \naftercare: nothing was changed") {
		t.Errorf("declined delete: %+v", out)
	}
	if _, err := os.Stat(filepath.Join(home, ".local", "share", "aftercare", "profiles", "sam.yaml")); err != nil {
		t.Errorf("Sam was deleted after answering no: %v", err)
	}
	mustRun(t, "", "profile", "delete", "Sam", "--yes")
	if out := aftercare(t, "", "profile", "show", "Sam"); out.code != exitFailure {
		t.Errorf("Sam still shows after delete")
	}
}

func TestADamagedProfileIsShownAsDamagedAndLeftAlone(t *testing.T) {
	home := emptyHome(t)
	mustRun(t, "", "profile", "new", "Alex")
	path := filepath.Join(home, ".local", "share", "aftercare", "profiles", "sam.yaml")
	text := "name: Sam\nlikes: [cuddle\n"
	writeFile(t, path, text)

	list := aftercare(t, "", "profile", "list")
	if list.code != exitFailure || !strings.Contains(list.stdout, "sam   cannot be read, left as it is") || !strings.Contains(list.stdout, "Alex") ||
		!strings.Contains(list.stderr, path+":2:1: YAML syntax") {
		t.Errorf("profile list: %+v", list)
	}
	for _, args := range [][]string{{"profile", "show", "Sam"}, {"suggest", "--for", "Sam"}, {"export"}, {"profile", "edit", "Sam", "--set", "notes=x"}} {
		out := aftercare(t, "", args...)
		if out.code != exitFailure || !strings.Contains(out.stderr, path+":2:1:") {
			t.Errorf("%v: exit %d, stderr %q", args, out.code, out.stderr)
		}
	}
	if got, _ := os.ReadFile(path); string(got) != text {
		t.Errorf("the damaged file changed: %q", got)
	}
}

func TestEditingAProfileInAnEditor(t *testing.T) {
	home := emptyHome(t)
	mustRun(t, "", "profile", "new", "Sam", "--leaning", "closeness")
	path := filepath.Join(home, ".local", "share", "aftercare", "profiles", "sam.yaml")

	useEditor(t, `sed -i 's/leaning: closeness/leaning: space/' "$1"`)
	if out := mustRun(t, "", "profile", "edit", "Sam"); !strings.Contains(out, "Saved Sam's profile.") {
		t.Errorf("edit: %q", out)
	}
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), "leaning: space") || !strings.HasPrefix(string(data), "# An aftercare profile.") {
		t.Errorf("the edit was not kept as written:\n%s", data)
	}

	before, _ := os.ReadFile(path)
	useEditor(t, `sed -i 's/leaning: space/leaning: sideways/' "$1"`)
	out := aftercare(t, "n\n", "profile", "edit", "Sam")
	if out.code != exitFailure || !strings.Contains(out.stderr, `leaning: "sideways" is not one of`) || !strings.Contains(out.stderr, "Edit again?") {
		t.Errorf("invalid edit: %+v", out)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Errorf("an invalid edit changed the profile:\n%s", after)
	}
	if drafts, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "..", ".tmp", "*edit-*")); len(drafts) != 0 {
		t.Errorf("drafts left behind: %v", drafts)
	}

	useEditor(t, `sed -i 's/name: Sam/name: Robin/' "$1"`)
	mustRun(t, "", "profile", "edit", "Sam")
	if _, err := os.Stat(filepath.Join(filepath.Dir(path), "robin.yaml")); err != nil {
		t.Errorf("renaming in the editor did not move the file: %v", err)
	}
}

func TestSuggestForSavedProfiles(t *testing.T) {
	emptyHome(t)
	mustRun(t, "", "profile", "new", "Sam", "--need", "closeness=3", "--never", "talking")
	mustRun(t, "", "profile", "new", "Alex", "--need", "space=3")
	r := suggestJSON(t, "--for", "sam,Alex", "--limit", "20")
	if r.Compromise == nil || len(r.Compromise.Each["Sam"]) == 0 || len(r.Compromise.Each["Alex"]) == 0 {
		t.Fatalf("compromise %+v", r.Compromise)
	}
	tags := catalogJSON(t)
	for _, s := range r.Suggestions {
		for _, tag := range tags[s.ID] {
			if tag == "talking" {
				t.Errorf("%s involves talking, which is on Sam's never-list", s.ID)
			}
		}
	}
	r = suggestJSON(t, "--for", "Alex", "--need", "hydration")
	if !strings.Contains(strings.Join(r.Suggestions[0].Reasons, ";"), "Alex's") {
		t.Errorf("an unnamed --need with one profile did not go to Alex: %v", r.Suggestions[0].Reasons)
	}
	if out := aftercare(t, "", "suggest", "--for", "Robin"); out.code != exitUsage || !strings.Contains(out.stderr, `no profile named "Robin"`) || strings.Contains(out.stderr, "did you mean") {
		t.Errorf("unknown profile: %+v", out)
	}
	if out := aftercare(t, "", "suggest", "--for", "Sma,Alex"); out.code != exitUsage || !strings.Contains(out.stderr, `no profile named "Sma", and no check-in with them either (did you mean "Sam"?)`) {
		t.Errorf("mistyped profile: %+v", out)
	}
}

func TestHistoryExportForgetAndImport(t *testing.T) {
	home := emptyHome(t)
	if out := mustRun(t, "", "history"); !strings.Contains(out, "No check-ins saved yet.") {
		t.Errorf("empty history: %q", out)
	}
	backup := filepath.Join(home, "backup.json")
	writeFile(t, backup, twoSessions)
	mustRun(t, "", "profile", "new", "Sam", "--like", "music")
	if out := mustRun(t, "", "import", backup); !strings.Contains(out, "Imported 0 profiles and 2 check-ins.") {
		t.Errorf("import: %q", out)
	}

	history := mustRun(t, "", "history")
	kai, sam := strings.Index(history, "Kai"), strings.Index(history, "Sam")
	if kai < 0 || sam < 0 || kai > sam || !strings.Contains(history, "Sam shared:\n    Are you okay? Yes, I'm okay") ||
		!strings.Contains(history, "Alex shared nothing.") || !strings.Contains(history, "Alex found Make a warm drink: it helped") {
		t.Errorf("history is not newest first with what was shared:\n%s", history)
	}
	var sessions []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "", "history", "--json", "--person", "alex")), &sessions); err != nil || len(sessions) != 1 {
		t.Errorf("history --person alex: %v %v", sessions, err)
	}
	if out := mustRun(t, "", "history", "--since", "2026-11-05"); strings.Contains(out, "Alex") || !strings.Contains(out, "Kai") {
		t.Errorf("history --since:\n%s", out)
	}
	if out := aftercare(t, "", "history", "--since", "soon"); out.code != exitUsage {
		t.Errorf("bad --since: %+v", out)
	}

	first := filepath.Join(home, "first.json")
	mustRun(t, "", "export", "-o", first)
	if info, err := os.Stat(first); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("export file: %v %v", info, err)
	}
	if out := mustRun(t, "", "import", first); !strings.HasPrefix(out, "Nothing to do: everything in "+first+" is here already (1 profile and 2 check-ins).") {
		t.Errorf("importing what is here already: %q", out)
	}
	if out := aftercare(t, "no\n", "forget", "--everything"); out.code != exitFailure {
		t.Errorf("declined forget: %+v", out)
	}
	if out := mustRun(t, "", "forget", "--everything", "--yes"); strings.Count(out, "Removed ") != 3 {
		t.Errorf("forget --everything:\n%s", out)
	}
	mustRun(t, "", "import", first)
	second := mustRun(t, "", "export")
	if data, _ := os.ReadFile(first); string(data) != second {
		t.Errorf("export, forget, import, export changed the data:\n%s\n---\n%s", data, second)
	}
	for _, format := range []string{"yaml", "markdown", "csv"} {
		mustRun(t, "", "export", "--format", format)
	}
	if out := aftercare(t, "", "export", "--format", "pdf"); out.code != exitUsage {
		t.Errorf("export --format pdf: %+v", out)
	}

	if out := mustRun(t, "", "forget", "--person", "Alex", "--yes"); !strings.Contains(out, "Took them out of") {
		t.Errorf("forget --person Alex:\n%s", out)
	}
	if out := mustRun(t, "", "history"); strings.Contains(out, "Alex") {
		t.Errorf("Alex is still in history:\n%s", out)
	}
	// A check-in that is not there is said to be so, before any question.
	if out := aftercare(t, "y\n", "forget", "--session", "20261101T220000-ffffff"); out.code != exitFailure || strings.Contains(out.stderr+out.stdout, "cannot be undone") || !strings.Contains(out.stderr, `no session "20261101T220000-ffffff": not found`) {
		t.Errorf("forget a check-in that is not there: %+v", out)
	}
	for _, args := range [][]string{{"forget"}, {"forget", "--person", "Sam", "--everything"}} {
		if out := aftercare(t, "", args...); out.code != exitUsage {
			t.Errorf("%v: %+v", args, out)
		}
	}
}

// dataFolder is everything in the data folder: each file's path, mode and
// bytes, so that two can be compared byte for byte.
func dataFolder(t *testing.T, home string) map[string]string {
	t.Helper()
	root := filepath.Join(home, ".local", "share", "aftercare")
	out := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		content := ""
		if info.Mode().IsRegular() {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			content = string(data)
		}
		out[path] = info.Mode().String() + " " + content
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// hostileExport is an export whose names, notes and answers would retitle
// the terminal (OSC 0), write to the clipboard (OSC 52) and clear the
// screen, each on a line of its own.
const hostileExport = `{
  "version": 1,
  "profiles": [
    {"name": "Kai\u001b]0;owned\u0007", "notes": "fine"}
  ],
  "sessions": [
    {"id": "20261101T220000-aaaaaa", "started": "2026-11-01T22:00:00Z", "mode": "solo", "people": ["Robin"],
     "note": "\u001b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u0007",
     "shared": {"Robin": [{"question": "okay", "prompt": "Are you okay?", "said": "\u001b[2J\u001b[Hall good"}]}}
  ]
}
`

func TestAHostileImportIsRefusedAndChangesNothing(t *testing.T) {
	home := emptyHome(t)
	backup := filepath.Join(home, "backup.json")
	writeFile(t, backup, twoSessions)
	mustRun(t, "", "profile", "new", "Sam")
	mustRun(t, "", "import", backup)
	csv := mustRun(t, "", "export", "--format", "csv")
	markdown := mustRun(t, "", "export", "--format", "markdown")
	before := dataFolder(t, home)

	write := func(name, text string) string {
		path := filepath.Join(home, name)
		writeFile(t, path, text)
		return path
	}
	oneLine := strings.NewReplacer("\n", "")
	choices := `{"id": "s", "started": "2026-11-20T22:10:00Z", "mode": "solo", "people": ["Sam"], "chosen": [` + strings.Repeat(`"",`, 300<<10) + `""]}`
	costly := `{"version": 1, "sessions": [` + strings.Repeat(choices+",", 3) + `{}]}`
	tests := []struct {
		name  string
		args  []string
		stdin string
		want  []string
	}{
		{"64 MB", []string{"import", write("big.json", strings.Repeat("{", 64<<20))}, "", []string{"larger than 32 MiB"}},
		{"64 MB on standard input", []string{"import", "-"}, strings.Repeat("{", 64<<20), []string{"standard input: nothing was imported", "larger than 32 MiB"}},
		{"a device", []string{"import", os.DevNull}, "", []string{"not an ordinary file"}},
		{"escapes", []string{"import", write("hostile.json", hostileExport)}, "", []string{
			`hostile.json:4:14: profiles: profile "Kai\x1b]0;owned\a": name: may not contain the control character \u001b`,
			`hostile.json:8:14: sessions: session "20261101T220000-aaaaaa": note: may not contain the control character \u001b`,
			`hostile.json:9:83: sessions: session "20261101T220000-aaaaaa": shared: "Robin"'s answer may not contain the control character \u001b`}},
		{"escapes on one line", []string{"import", "-"}, oneLine.Replace(hostileExport), []string{"standard input:1:"}},
		{"costly sessions", []string{"import", write("costly.json", costly)}, "", []string{`session #4: id: "" is not a session id`}},
		{"nothing on standard input", []string{"import", "-"}, "", []string{"standard input: nothing was imported", "it is empty"}},
		{"a file of spaces", []string{"import", write("spaces.json", " \n\n")}, "", []string{"spaces.json: nothing was imported", "it is empty"}},
		{"a CSV export", []string{"import", write("export.csv", csv)}, "", []string{"a CSV export is for reading; only JSON and YAML exports can be imported"}},
		{"a CSV export on standard input", []string{"import", "-"}, csv, []string{"a CSV export is for reading"}},
		{"a markdown export", []string{"import", write("export.md", "")}, "", []string{"a markdown export is for reading"}},
		{"a markdown export by what it holds", []string{"import", write("export.txt", markdown)}, "", []string{"a markdown export is for reading"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := aftercare(t, tt.stdin, tt.args...)
			if out.code != exitFailure {
				t.Errorf("exit %d, want %d", out.code, exitFailure)
			}
			for _, want := range tt.want {
				if !strings.Contains(out.stderr, want) {
					t.Errorf("stderr lacks %q:\n%.3000s", want, out.stderr)
				}
			}
			if problem := plain.Problem(out.stdout+out.stderr, true); problem != "" {
				t.Errorf("the output %s", problem)
			}
		})
	}
	if after := dataFolder(t, home); !maps.Equal(before, after) {
		t.Errorf("a refused import changed the data folder:\nbefore %v\nafter  %v", slices.Sorted(maps.Keys(before)), slices.Sorted(maps.Keys(after)))
	}
}

func TestImportReadsStandardInput(t *testing.T) {
	emptyHome(t)
	if out := mustRun(t, twoSessions, "import", "-"); !strings.Contains(out, "Imported 0 profiles and 2 check-ins.") {
		t.Errorf("import -: %q", out)
	}
	if out := mustRun(t, twoSessions, "import", "-"); out != "Nothing to do: everything in standard input is here already (0 profiles and 2 check-ins).\n" {
		t.Errorf("importing the same again: %q", out)
	}
	changed := strings.Replace(twoSessions, "Tea helped.", "Tea helped a lot.", 1)
	if out := aftercare(t, changed, "import", "-"); out.code != exitFailure || !strings.Contains(out.stderr, "standard input: nothing was imported") ||
		!strings.Contains(out.stderr, "there is already a session 20261101T220000-aaaaaa") {
		t.Errorf("importing what is not quite the same again: %+v", out)
	}
}

// samEverywhere is an export in which Sam is in every kind of record and
// every part of one: a check-in together with answers, ratings and a
// follow-up done, another with a follow-up still to do, a plan, a
// follow-up asked for privately, a check-in alone and a profile.
const samEverywhere = `{"version": 1,
  "profiles": [{"name": "Sam", "notes": "Likes the lights low."}, {"name": "Alex"}],
  "sessions": [
    {"id": "20261101T220000-aaaaaa", "started": "2026-11-01T22:00:00Z", "mode": "together", "people": ["Sam", "Alex"],
     "shared": {"Sam": [{"question": "okay", "prompt": "Are you okay?", "choices": ["okay"], "said": "Yes, I'm okay"}],
                "Alex": [{"question": "okay", "prompt": "Are you okay?", "choices": ["okay"], "said": "Yes, I'm okay"}]},
     "chosen": ["make-tea"], "ratings": [{"person": "Sam", "activity": "make-tea", "rating": "didnt-help"}, {"person": "Alex", "activity": "make-tea", "rating": "helped"}],
     "followup": {"for": ["Sam"], "done": "2026-11-02T10:00:00Z", "shared": {"Sam": [{"question": "followup-now", "prompt": "How are you now?", "scale": 1, "said": "1 of 5 (Really low)"}]}}},
    {"id": "20261102T220000-bbbbbb", "started": "2026-11-02T22:00:00Z", "mode": "together", "people": ["Alex", "sam"],
     "shared": {}, "chosen": [], "ratings": [], "followup": {"for": ["sam", "Alex"]}},
    {"id": "20261103T200000-cccccc", "kind": "plan", "started": "2026-11-03T20:00:00Z", "mode": "together", "people": ["Sam", "Alex"],
     "shared": {"Sam": [{"question": "okay", "prompt": "Are you okay?", "choices": ["okay"], "said": "Yes, I'm okay"}]}, "chosen": [], "ratings": []},
    {"id": "20261104T200000-dddddd", "kind": "private-followup", "started": "2026-11-04T20:00:00Z", "mode": "solo", "people": ["Sam"],
     "shared": {}, "chosen": [], "ratings": [], "followup": {"for": ["Sam"]}},
    {"id": "20261105T200000-eeeeee", "started": "2026-11-05T20:00:00Z", "mode": "solo", "people": ["Sam"], "shared": {}, "chosen": [], "ratings": []}
  ]}`

func TestForgettingAPersonLeavesNoByteOfThemInTheDataFolder(t *testing.T) {
	home := emptyHome(t)
	mustRun(t, samEverywhere, "import", "-")
	out := mustRun(t, "", "forget", "--person", "SAM", "--yes")
	if strings.Count(out, "Removed ") != 3 || strings.Count(out, "Took them out of ") != 3 {
		t.Errorf("forget --person SAM:\n%s", out)
	}
	for path, content := range dataFolder(t, home) {
		if strings.Contains(strings.ToLower(path+content), "sam") {
			t.Errorf("Sam is still in %s:\n%s", path, content)
		}
	}

	history := mustRun(t, "", "history")
	for _, want := range []string{"plan · Alex", "Alex found Make a warm drink: it helped", "Alex asked for a follow-up"} {
		if !strings.Contains(history, want) {
			t.Errorf("history lacks %q:\n%s", want, history)
		}
	}
	mustRun(t, "", "export")
	if again := aftercare(t, "", "forget", "--person", "Sam", "--yes"); again.code != exitFailure || !strings.Contains(again.stderr, `nothing is saved about "Sam"`) {
		t.Errorf("forgetting Sam again: %+v", again)
	}
}

func TestAnImportWithManyClashesListsTheFirstFifty(t *testing.T) {
	home := emptyHome(t)
	var sessions []string
	for i := range 60 {
		sessions = append(sessions, fmt.Sprintf(`{"id": "s%02d", "started": "2026-11-01T22:00:00Z", "mode": "solo", "people": ["Kai"]}`, i))
	}
	backup := filepath.Join(home, "backup.json")
	writeFile(t, backup, `{"version": 1, "sessions": [`+strings.Join(sessions, ",")+`]}`)
	mustRun(t, "", "import", backup)
	// The same check-ins, each now with Jo instead: every id is taken by
	// another check-in.
	other := filepath.Join(home, "other.json")
	writeFile(t, other, strings.ReplaceAll(`{"version": 1, "sessions": [`+strings.Join(sessions, ",")+`]}`, "Kai", "Jo"))
	out := aftercare(t, "", "import", other)
	lines := strings.Split(strings.TrimSpace(out.stderr), "\n")
	if out.code != exitFailure || len(lines) != 1+50+1 || !strings.Contains(lines[1], "there is already a session s00") || lines[51] != "  and 10 more" {
		t.Errorf("exit %d, %d lines:\n%s", out.code, len(lines), out.stderr)
	}
}

// notedExport is an export of n check-ins by Kai, each with a note of
// about 1,200 bytes.
func notedExport(n int) string {
	note := strings.Repeat("a long evening, written down ", 40)
	sessions := make([]string, n)
	for i := range sessions {
		sessions[i] = fmt.Sprintf(`{"id": "s%04d", "started": "2026-11-01T22:00:00Z", "mode": "solo", "people": ["Kai"], "note": %q}`, i, note)
	}
	return `{"version": 1, "sessions": [` + strings.Join(sessions, ",") + `]}`
}

func TestAnExportTooLargeToImportBackSaysSo(t *testing.T) {
	home := emptyHome(t)
	backup := filepath.Join(home, "backup.json")
	writeFile(t, backup, notedExport(150))
	mustRun(t, "", "import", backup)

	yaml := aftercare(t, "", "export", "--format", "yaml", "-o", filepath.Join(home, "backup.yaml"))
	if yaml.code != 0 || !strings.Contains(yaml.stderr, "cannot be imported whole") || !strings.Contains(yaml.stderr, "json") {
		t.Errorf("a yaml export over the import limit: exit %d, stderr %q; want a note that it cannot be read back, pointing to json", yaml.code, yaml.stderr)
	}
	// Copied whole, the folder the note names moves the history.
	folder := filepath.Join(home, ".local", "share", "aftercare")
	if !strings.Contains(yaml.stderr, "copy its folder, "+folder+", whole") {
		t.Errorf("the note does not say to copy %s: %q", folder, yaml.stderr)
	}
	elsewhere := t.TempDir()
	copyTree(t, folder, filepath.Join(elsewhere, ".local", "share", "aftercare"))
	if got, want := aftercare(t, "", "--data-dir", filepath.Join(elsewhere, ".local", "share", "aftercare"), "history", "--json"), aftercare(t, "", "history", "--json"); got.code != 0 || got.stdout != want.stdout {
		t.Errorf("the folder copied reads back as %d, %d bytes, not the history's %d bytes:\n%s", got.code, len(got.stdout), len(want.stdout), got.stderr)
	}
	if json := aftercare(t, "", "export", "-o", filepath.Join(home, "again.json")); json.code != 0 || strings.Contains(json.stderr, "Note") {
		t.Errorf("a json export within the limit: exit %d, stderr %q; want no note", json.code, json.stderr)
	}
}

func TestDeleteMatchesTheExactNameAndSaysWhoWillGo(t *testing.T) {
	emptyHome(t)
	mustRun(t, "", "profile", "new", "Jo Anne")
	mustRun(t, "", "profile", "new", "李小龍 🐉")
	mustRun(t, "", "profile", "new", "李小龍 🌸")
	if got := aftercare(t, "", "profile", "delete", "jo anne!", "--yes"); got.code != exitFailure || !strings.Contains(got.stderr, `no profile named "jo anne!": not found (did you mean "Jo Anne"?)`) {
		t.Errorf("deleting 'jo anne!': exit %d, %q; want no such profile", got.code, got.stderr)
	}
	if got := aftercare(t, "n\n", "profile", "delete", "jo anne"); !strings.Contains(got.stderr, "Delete Jo Anne's profile (") {
		t.Errorf("the question does not name the profile found: %q", got.stderr)
	}
	mustRun(t, "", "profile", "delete", "李小龍 🌸", "--yes")
	list := mustRun(t, "", "profile", "list")
	if !strings.Contains(list, "Jo Anne") || !strings.Contains(list, "李小龍 🐉") || strings.Contains(list, "🌸") {
		t.Errorf("after deleting 李小龍 🌸 alone, the list is:\n%s", list)
	}
}

func TestAListWrittenAnEntryAtATimeIsWhatWritingItWholeGives(t *testing.T) {
	started := time.Date(2026, 11, 20, 22, 10, 0, 0, time.FixedZone("", 3600))
	scale := 4
	odd := &profile.Session{ID: "s2", Started: started, Mode: "together", People: []string{"Sam <&>", "Zoë"}, Kind: profile.Plan}
	odd.Shared = map[string][]profile.Shared{"Zoë": {{Question: "how", Prompt: "How?", Scale: &scale, Said: "4"}}, "Sam <&>": {}}
	// Longer than the writer's buffer.
	odd.Note = strings.Repeat("a long \"note\"\n", 500)
	odd.FollowUp = &profile.FollowUp{For: []string{"Zoë"}, Done: &started}
	lists := [][]*profile.Session{
		nil,
		{},
		{{ID: "s1", Started: started, Mode: "solo", People: []string{"Sam"}, Shared: map[string][]profile.Shared{}, Chosen: []string{}, Ratings: []profile.Rating{}}},
		{odd, {ID: "s3"}},
	}
	for _, list := range lists {
		var whole, each strings.Builder
		if err := writeJSON(&whole, list); err != nil {
			t.Fatal(err)
		}
		l := newJSONList(&each)
		for _, s := range list {
			if err := l.add(s); err != nil {
				t.Fatal(err)
			}
		}
		if err := l.close(); err != nil {
			t.Fatal(err)
		}
		if whole.String() != each.String() && !(list == nil && each.String() == "[]\n") {
			t.Errorf("one at a time:\n%s\nwhole:\n%s", each.String(), whole.String())
		}
	}
}

func TestAnExportToAFileTakesItsFormatFromTheName(t *testing.T) {
	home := emptyHome(t)
	importHistory(t, home)
	for name, start := range map[string]string{"out.yaml": "version: 1\n", "out.yml": "version: 1\n", "out.json": "{\n", "out.md": "# aftercare", "out.csv": "\ufeff", "out.txt": "{\n"} {
		path := filepath.Join(home, name)
		mustRun(t, "", "export", "-o", path)
		if data, err := os.ReadFile(path); err != nil || !strings.HasPrefix(string(data), start) {
			t.Errorf("%s starts %.20q, want %q (%v)", name, data, start, err)
		}
	}
	if got := aftercare(t, "", "export", "--format", "csv", "-o", filepath.Join(home, "x.json")); got.code != exitUsage || !strings.Contains(got.stderr, "--format csv, but x.json names json") {
		t.Errorf("a format the name contradicts: exit %d, %q", got.code, got.stderr)
	}
	missing := filepath.Join(home, "no", "such", "folder", "x.json")
	if got := aftercare(t, "", "export", "-o", missing); got.code != exitFailure || !strings.Contains(got.stderr, missing+": no such file or directory (there is no folder "+filepath.Join(home, "no")+")") || strings.Contains(got.stderr, ".tmp-") {
		t.Errorf("a folder that is not there: exit %d, %q", got.code, got.stderr)
	}
	if got := aftercare(t, "", "export", "-o", home); got.code != exitUsage || !strings.Contains(got.stderr, "-o "+home+" is a folder; name a file in it") || strings.Contains(got.stderr, ".tmp-") {
		t.Errorf("a folder for a file: exit %d, %q", got.code, got.stderr)
	}
	// Written into a device, such as /dev/stdout, the export is all that
	// goes there: what was done is said on standard error.
	if got := aftercare(t, "", "export", "-o", os.DevNull); got.code != 0 || got.stdout != "" || !strings.Contains(got.stderr, "Exported 1 profile, 3 check-ins, 1 plan and 1 private follow-up to "+os.DevNull) {
		t.Errorf("export -o %s: exit %d, stdout %q, stderr %q", os.DevNull, got.code, got.stdout, got.stderr)
	}
}

// TestNamesOfManyCharactersComeOutWholeHoweverLongTheOutput prints a
// history long enough to fill the output's buffer many times over, with
// names whose characters take more than one byte: a character cut in two
// as the buffer fills comes out whole, never as a broken one, in what is
// shown and in an export that is read back.
func TestNamesOfManyCharactersComeOutWholeHoweverLongTheOutput(t *testing.T) {
	home := emptyHome(t)
	var b strings.Builder
	b.WriteString(`{"version": 1, "profiles": [], "sessions": [`)
	const sessions = 400
	for i := range sessions {
		if i > 0 {
			b.WriteString(",")
		}
		started := time.Date(2026, 1, 1, 22, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)
		fmt.Fprintf(&b, `{"id": "%s-%06x", "started": "%s", "mode": "together", "people": ["Zoë Ünïcödé", "李小龍 🌸"], "shared": {}, "chosen": [], "ratings": []}`,
			started.Format("20060102T150405"), i, started.Format(time.RFC3339))
	}
	b.WriteString("]}")
	backup := filepath.Join(home, "backup.json")
	writeFile(t, backup, b.String())
	mustRun(t, "", "import", backup)
	for _, args := range [][]string{{"history", "--json"}, {"history"}, {"export"}} {
		out := mustRun(t, "", args...)
		if strings.ContainsRune(out, '\uFFFD') {
			t.Errorf("%s: a character came out broken", strings.Join(args, " "))
		}
		if got := strings.Count(out, "Zoë Ünïcödé"); got < sessions {
			t.Errorf("%s: Zoë Ünïcödé is named %d times, want %d at least", strings.Join(args, " "), got, sessions)
		}
	}
}

// copyTree copies the folder from to to, files 0600 and folders 0700, as
// someone moving to a new laptop would.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o700)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A plan is not a check-in: import and export count each as what it is.
func TestImportAndExportCountPlansApart(t *testing.T) {
	emptyHome(t)
	withPlan := strings.Replace(twoSessions, `"mode": "solo", "people": ["Kai"],`, `"mode": "solo", "people": ["Kai"], "kind": "plan",`, 1)
	if out := mustRun(t, withPlan, "import", "-"); !strings.Contains(out, "Imported 0 profiles, 1 check-in and 1 plan.") {
		t.Errorf("import: %q", out)
	}
	if got := aftercare(t, "", "export", "-o", os.DevNull); got.code != 0 || !strings.Contains(got.stderr, "Exported 0 profiles, 1 check-in and 1 plan to "+os.DevNull) {
		t.Errorf("export: %+v", got)
	}
}
