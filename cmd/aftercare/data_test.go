package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
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

	mustRun(t, "", "profile", "edit", "Sam", "--set", "leaning=space", "--set", "likes=music,make-tea")
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
		{[]string{"profile", "new", "sam"}, exitFailure, `there is already a profile named "Sam"`},
		{[]string{"profile", "show", "Robin"}, exitFailure, `no profile named "Robin"`},
		{[]string{"profile", "edit", "Sam", "--set", "colour=blue"}, exitUsage, `"colour" is not a profile field`},
		{[]string{"profile", "new"}, exitUsage, `needs NAME`},
	} {
		out := aftercare(t, "", bad.args...)
		if out.code != bad.code || !strings.Contains(out.stderr, bad.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", bad.args, out.code, out.stderr, bad.code, bad.want)
		}
	}

	if out := aftercare(t, "n\n", "profile", "delete", "Sam"); out.code != exitFailure || !strings.Contains(out.stderr, "[y/N]") {
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

	if list := mustRun(t, "", "profile", "list"); !strings.Contains(list, "sam   damaged, left as it is: "+path+":2:1: YAML syntax") || !strings.Contains(list, "Alex") {
		t.Errorf("profile list:\n%s", list)
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
	editor := func(script string) {
		editorPath := filepath.Join(t.TempDir(), "editor")
		writeFile(t, editorPath, "#!/bin/sh\n"+script+"\n")
		if err := os.Chmod(editorPath, 0o700); err != nil {
			t.Fatal(err)
		}
		t.Setenv("VISUAL", "")
		t.Setenv("EDITOR", editorPath)
	}

	editor(`sed -i 's/leaning: closeness/leaning: space/' "$1"`)
	if out := mustRun(t, "", "profile", "edit", "Sam"); !strings.Contains(out, "Saved Sam's profile.") {
		t.Errorf("edit: %q", out)
	}
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), "leaning: space") || !strings.HasPrefix(string(data), "# An aftercare profile.") {
		t.Errorf("the edit was not kept as written:\n%s", data)
	}

	before, _ := os.ReadFile(path)
	editor(`sed -i 's/leaning: space/leaning: sideways/' "$1"`)
	out := aftercare(t, "n\n", "profile", "edit", "Sam")
	if out.code != exitFailure || !strings.Contains(out.stderr, `leaning: "sideways" is not one of`) || !strings.Contains(out.stderr, "Edit again?") {
		t.Errorf("invalid edit: %+v", out)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Errorf("an invalid edit changed the profile:\n%s", after)
	}
	if drafts, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".edit-*")); len(drafts) != 0 {
		t.Errorf("drafts left behind: %v", drafts)
	}

	editor(`sed -i 's/name: Sam/name: Robin/' "$1"`)
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
	if out := aftercare(t, "", "suggest", "--for", "Robin"); out.code != exitUsage || !strings.Contains(out.stderr, `no profile named "Robin"`) {
		t.Errorf("unknown profile: %+v", out)
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
	if out := aftercare(t, "", "import", first); out.code != exitFailure || !strings.Contains(out.stderr, "nothing was imported") {
		t.Errorf("importing twice: %+v", out)
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
	for _, args := range [][]string{{"forget"}, {"forget", "--person", "Sam", "--everything"}} {
		if out := aftercare(t, "", args...); out.code != exitUsage {
			t.Errorf("%v: %+v", args, out)
		}
	}
}
