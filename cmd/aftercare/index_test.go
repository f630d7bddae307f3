package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// aHistory has one of each kind of record: a check-in whose follow-up is
// due, one followed up with ratings, a plan, a private follow-up, and a
// check-in alone.
const aHistory = `{
  "version": 1,
  "profiles": [{"name": "Sam", "needs": {"closeness": 2}}],
  "sessions": [
    {"id": "20261101T220000-aaaaaa", "started": "2026-11-01T22:00:00Z", "mode": "together", "people": ["Sam", "Alex"],
     "situation": "scene", "shared": {"Sam": [{"question": "okay", "prompt": "Are you okay?", "choices": ["okay"], "said": "Yes, I'm okay"}]},
     "chosen": ["make-tea", "blanket-wrap"], "note": "Tea helped.",
     "ratings": [{"person": "Alex", "activity": "make-tea", "rating": "helped"}, {"person": "Sam", "activity": "blanket-wrap", "rating": "didnt-help"}],
     "followup": {"for": ["Sam", "Alex"], "done": "2026-11-02T10:00:00Z"}},
    {"id": "20261105T210000-bbbbbb", "started": "2026-11-05T21:00:00Z", "mode": "together", "people": ["Sam", "Alex"],
     "shared": {}, "chosen": [], "ratings": [], "kind": "plan"},
    {"id": "20261105T230000-cccccc", "started": "2026-11-05T23:00:00+01:00", "mode": "together", "people": ["Sam", "Alex"],
     "situation": "tender", "shared": {}, "chosen": ["make-tea"], "ratings": [], "followup": {"for": ["Alex"]}},
    {"id": "20261106T080000-dddddd", "started": "2026-11-06T08:00:00Z", "mode": "solo", "people": ["Kai"],
     "shared": {}, "chosen": [], "ratings": [], "kind": "private-followup", "followup": {"for": ["Kai"]}},
    {"id": "20261108T220000-eeeeee", "started": "2026-11-08T22:00:00Z", "mode": "solo", "people": ["Kai"],
     "shared": {}, "chosen": [], "ratings": []}
  ]
}
`

// TestEveryCommandAnswersTheSameWithAndWithoutTheIndex runs each command
// that reads the history with no index, with the index it wrote, with a
// damaged one, and after a record changed behind the index's back, as an
// older aftercare or a hand edit would change it.
func TestEveryCommandAnswersTheSameWithAndWithoutTheIndex(t *testing.T) {
	home := emptyHome(t)
	backup := filepath.Join(home, "backup.json")
	writeFile(t, backup, aHistory)
	mustRun(t, "", "import", backup)
	data := filepath.Join(home, ".local", "share", "aftercare")
	index := filepath.Join(data, ".index")
	writeFile(t, filepath.Join(data, "sessions", "20261109T220000-ffffff.json"), "{not a record")

	commands := [][]string{
		{"history"},
		{"history", "--json"},
		{"history", "--stats"},
		{"history", "--stats", "--json", "--person", "alex"},
		{"history", "--person", "Kai", "--since", "2026-11-07"},
		{"due"},
		{"suggest", "--for", "Sam,Alex", "--json"},
		{"export"},
		{"export", "--format", "markdown"},
		{"status", "--json"},
	}
	answers := func() []outcome {
		var out []outcome
		for _, args := range commands {
			out = append(out, aftercare(t, "", args...))
		}
		return out
	}
	same := func(state string, want, got []outcome) {
		t.Helper()
		for i := range commands {
			if got[i] != want[i] {
				t.Errorf("%s: aftercare %s answers\n%+v\nwithout the index it answers\n%+v", state, strings.Join(commands[i], " "), got[i], want[i])
			}
		}
	}
	without := func() []outcome {
		t.Helper()
		var out []outcome
		for _, args := range commands {
			if err := os.Remove(index); err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
			out = append(out, aftercare(t, "", args...))
		}
		return out
	}

	want := without()
	if want[0].code != exitFailure || !strings.Contains(want[0].stderr, "20261109T220000-ffffff.json") {
		t.Fatalf("the damaged record was not named: %+v", want[0])
	}
	if !strings.HasPrefix(want[5].stdout, "Follow-up due for Alex, after") || strings.Count(want[5].stdout, "\n") != 2 || !strings.Contains(want[5].stdout, "\nA follow-up someone asked for privately is due") {
		t.Fatalf("due is not what the records say: %+v", want[5])
	}
	same("with the index", want, answers())
	if info, err := os.Stat(index); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("the index was not written, readable by its owner alone: %v %v", info, err)
	}
	same("with the index again", want, answers())

	written, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	header, _, _ := strings.Cut(string(written), "\n")
	for name, damage := range map[string]string{
		"a truncated index":          "",
		"an index cut off":           header + "\n20261101T22",
		"an index of another kind":   `{"version":1,"sessions":[]}`,
		"an index of another format": "aftercare index 1\n",
		"an index that lies":         header + "\n20261108T220000-eeeeee.json\t1\t1\t1\t20261108T220000-eeeeee\t2026-11-08T22:00:00Z\tsolo\t\t\tMallory\t\t\t\t\t\t5\x1e0\x1etrue\x1efalse\n",
	} {
		writeFile(t, index, damage)
		same(name, want, answers())
	}

	// A follow-up done by hand, and a check-in taken away, behind the
	// index's back.
	followed := filepath.Join(data, "sessions", "20261105T230000-cccccc.json")
	record, err := os.ReadFile(followed)
	if err != nil {
		t.Fatal(err)
	}
	done := strings.Replace(string(record), `"for": [
      "Alex"
    ]`, `"for": [
      "Alex"
    ],
    "done": "2026-11-06T10:00:00Z"`, 1)
	if done == string(record) {
		t.Fatalf("the record is not as the test expects:\n%s", record)
	}
	answers()
	writeFile(t, followed, done)
	if err := os.Remove(filepath.Join(data, "sessions", "20261108T220000-eeeeee.json")); err != nil {
		t.Fatal(err)
	}
	got := answers()
	want = without()
	if strings.Contains(want[5].stdout, "Follow-up due") {
		t.Fatalf("the follow-up done by hand is still due: %+v", want[5])
	}
	same("after records changed", want, got)

	// With nothing damaged and the folder settled, a reader vouches for
	// the index, and the next read it alone.
	if err := os.Remove(filepath.Join(data, "sessions", "20261109T220000-ffffff.json")); err != nil {
		t.Fatal(err)
	}
	then := time.Now().Add(-time.Hour)
	if err := os.Chtimes(filepath.Join(data, "sessions"), then, then); err != nil {
		t.Fatal(err)
	}
	want = without()
	answers()
	answers()
	if _, err := os.Stat(filepath.Join(data, ".index-folder")); err != nil {
		t.Fatalf("no reader vouched for the index: %v", err)
	}
	same("with the index vouched for", want, answers())
}

func TestStatusCountsWithoutNamingAnyone(t *testing.T) {
	home := emptyHome(t)
	data := filepath.Join(home, ".local", "share", "aftercare")
	out := mustRun(t, "", "status")
	if !strings.HasPrefix(out, "Nothing is saved yet. What is will be kept in "+data) {
		t.Errorf("status of a new user:\n%s", out)
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Errorf("status made the data folder: %v", err)
	}
	if out := mustRun(t, "", "forget", "--everything", "--yes"); out != "There was nothing saved to forget.\n" {
		t.Errorf("forget of nothing says %q", out)
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Errorf("forget of nothing made the data folder: %v", err)
	}

	backup := filepath.Join(home, "backup.json")
	writeFile(t, backup, aHistory)
	mustRun(t, "", "import", backup)
	out = mustRun(t, "", "status")
	for _, want := range []string{data + ": 1 profile, 3 check-ins and 1 plan.", "not encrypted", "2 follow-ups are due: see 'aftercare due'."} {
		if !strings.Contains(out, want) {
			t.Errorf("status lacks %q:\n%s", want, out)
		}
	}
	writeFile(t, filepath.Join(data, "sessions", "20261109T220000-ffffff.json"), "{not a record")
	got := aftercare(t, "", "status", "--json")
	var st status
	if err := json.Unmarshal([]byte(got.stdout), &st); err != nil {
		t.Fatal(err)
	}
	checkins, plans := 3, 1
	if want := (status{DataDir: data, Profiles: 1, Records: 6, Checkins: &checkins, Plans: &plans, Due: 2, Unread: 1}); !reflect.DeepEqual(st, want) || got.code != exitFailure {
		t.Errorf("status --json = %s, exit %d; want %+v, exit %d", got.stdout, got.code, want, exitFailure)
	}
	for _, name := range []string{"Sam", "Alex", "Kai"} {
		if strings.Contains(out+got.stdout+got.stderr, name) {
			t.Errorf("status names %s", name)
		}
	}

	// A profile that cannot be read is counted and named as a record is.
	writeFile(t, filepath.Join(data, "profiles", "bo.yaml"), "name: Bo\nlikes: [\n")
	got = aftercare(t, "", "status", "--json")
	st = status{}
	if err := json.Unmarshal([]byte(got.stdout), &st); err != nil || st.Unread != 2 || got.code != exitFailure || !strings.Contains(got.stderr, "bo.yaml:2:1") {
		t.Errorf("status --json beside a damaged profile = %s (%v), exit %d, stderr %q", got.stdout, err, got.code, got.stderr)
	}
}
