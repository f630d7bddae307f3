package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// checkins is an export of Sam and Alex's plan and check-ins, started at
// the given times ago, each with its follow-up for Sam; ratings go in as
// they are.
func checkins(ago []time.Duration, ratings string) string {
	now := time.Now().UTC()
	var sessions []string
	for i, d := range ago {
		sessions = append(sessions, fmt.Sprintf(`{"id": "c%d", "started": %q, "mode": "together", "people": ["Sam", "Alex"],
		  "shared": {}, "chosen": ["make-tea", "cuddle"], "ratings": %s, "followup": {"for": ["Sam"]}}`,
			i, now.Add(-d).Format(time.RFC3339), ratings))
	}
	sessions = append(sessions, fmt.Sprintf(`{"id": "p0", "kind": "plan", "started": %q, "mode": "together",
	  "people": ["Sam", "Alex"], "shared": {}, "chosen": [], "ratings": []}`, now.Add(-ago[0]-time.Hour).Format(time.RFC3339)))
	return `{"version": 1, "profiles": [], "sessions": [` + strings.Join(sessions, ",\n") + `]}`
}

func TestDueAndFollowupWithoutATerminal(t *testing.T) {
	home := emptyHome(t)
	if out := mustRun(t, "", "due"); out != "" {
		t.Errorf("due with nothing saved printed %q", out)
	}
	if out := mustRun(t, "", "followup"); out != "Nothing is due. Take care.\n" {
		t.Errorf("followup with nothing due printed %q", out)
	}

	backup := filepath.Join(home, "backup.json")
	writeFile(t, backup, checkins([]time.Duration{48 * time.Hour, time.Hour}, "[]"))
	mustRun(t, "", "import", backup)
	due := mustRun(t, "", "due")
	if lines := strings.Split(strings.TrimSpace(due), "\n"); len(lines) != 1 ||
		!strings.HasPrefix(lines[0], "Follow-up due for Sam, after the check-in of") || !strings.HasSuffix(lines[0], "(aftercare followup c0)") {
		t.Errorf("due printed %q, want one line for the check-in two days ago", due)
	}

	for _, bad := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"plan", "Sam"}, exitUsage, "a plan is made together"},
		{[]string{"followup", "p0"}, exitUsage, "p0 is a plan"},
		{[]string{"followup", "c0", "c1"}, exitUsage, "one check-in id at most"},
		{[]string{"followup", "nosuch"}, exitFailure, "nosuch"},
		{[]string{"due", "now"}, exitUsage, "takes no arguments"},
	} {
		out := aftercare(t, "", bad.args...)
		if out.code != bad.code || !strings.Contains(out.stderr, bad.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", bad.args, out.code, out.stderr, bad.code, bad.want)
		}
	}

	damaged := filepath.Join(home, ".local", "share", "aftercare", "sessions", "broken.json")
	writeFile(t, damaged, "{")
	out := aftercare(t, "", "due")
	if out.code != exitFailure || !strings.Contains(out.stdout, "Follow-up due for Sam") || !strings.Contains(out.stderr, "broken.json") {
		t.Errorf("due beside a damaged file: %+v", out)
	}
}

// rank is where an activity comes in a suggestion, or -1.
func rank(r resultJSON, id string) int {
	return slices.IndexFunc(r.Suggestions, func(s suggestionJSON) bool { return s.ID == id })
}

func reasonsOf(r resultJSON, id string) string {
	if i := rank(r, id); i >= 0 {
		return strings.Join(r.Suggestions[i].Reasons, "; ")
	}
	return ""
}

func TestRatingsShapeSuggestionsForThatPerson(t *testing.T) {
	home := emptyHome(t)
	mustRun(t, "", "profile", "new", "Sam", "--need", "comfort=3", "--need", "closeness=2")
	args := []string{"--for", "Sam", "--together", "--limit", "80"}
	before := suggestJSON(t, args...)

	backup := filepath.Join(home, "rated.json")
	writeFile(t, backup, checkins([]time.Duration{72 * time.Hour, 48 * time.Hour, 24 * time.Hour},
		`[{"person": "Sam", "activity": "make-tea", "rating": "helped"}, {"person": "Sam", "activity": "cuddle", "rating": "didnt-help"},
		  {"person": "Alex", "activity": "cuddle", "rating": "helped"}]`))
	mustRun(t, "", "import", backup)
	after := suggestJSON(t, args...)

	if rank(after, "make-tea") >= rank(before, "make-tea") || !strings.Contains(reasonsOf(after, "make-tea"), "helped Sam 3 of the last 3 times") {
		t.Errorf("make-tea went from %d to %d with reasons %q", rank(before, "make-tea"), rank(after, "make-tea"), reasonsOf(after, "make-tea"))
	}
	if rank(after, "cuddle") <= rank(before, "cuddle") || !strings.Contains(reasonsOf(after, "cuddle"), "didn't help Sam 3 of the last 3 times") {
		t.Errorf("cuddle went from %d to %d with reasons %q", rank(before, "cuddle"), rank(after, "cuddle"), reasonsOf(after, "cuddle"))
	}
	if strings.Contains(reasonsOf(after, "cuddle"), "Alex") {
		t.Errorf("Alex's ratings shaped Sam's suggestions: %q", reasonsOf(after, "cuddle"))
	}

	// Alex has no profile, only check-ins; their ratings still count.
	alex := suggestJSON(t, "--for", "alex", "--together", "--limit", "80")
	if !strings.Contains(reasonsOf(alex, "cuddle"), "helped Alex 3 of the last 3 times") {
		t.Errorf("Alex's ratings were left out: %q", reasonsOf(alex, "cuddle"))
	}

	without := suggestJSON(t, append(args, "--no-history")...)
	if !slices.EqualFunc(without.Suggestions, before.Suggestions, func(a, b suggestionJSON) bool { return a.ID == b.ID && a.Score == b.Score }) {
		t.Error("--no-history still used the ratings")
	}
}

func TestHistoryStats(t *testing.T) {
	home := emptyHome(t)
	if out := mustRun(t, "", "history", "--stats"); out != "No check-ins saved yet.\n" {
		t.Errorf("stats of nothing: %q", out)
	}
	backup := filepath.Join(home, "backup.json")
	writeFile(t, backup, twoSessions)
	mustRun(t, "", "import", backup)

	for _, args := range [][]string{{"history", "--person", "Nobody"}, {"history", "--stats", "--person", "Nobody"}} {
		if out := mustRun(t, "", args...); out != "No check-ins with Nobody.\n" {
			t.Errorf("%v printed %q, as if nothing were saved", args, out)
		}
	}
	if out := mustRun(t, "", "history", "--person", "Sam", "--since", "1h"); out != "No check-ins with Sam since 1h.\n" {
		t.Errorf("a filter that keeps nothing printed %q", out)
	}
	for _, args := range [][]string{{"history", "--person", "Alx"}, {"history", "--stats", "--person", "alx"}} {
		if out := mustRun(t, "", args...); !strings.HasSuffix(out, ` (did you mean "Alex"?).`+"\n") {
			t.Errorf("%v, a name one letter from Alex's, printed %q", args, out)
		}
	}
	if out := aftercare(t, "", "forget", "--person", "Alx", "--yes"); out.code != exitFailure || !strings.Contains(out.stderr, `nothing is saved about "Alx": not found (did you mean "Alex"?)`) {
		t.Errorf("forgetting Alx: %+v", out)
	}

	text := mustRun(t, "", "history", "--stats")
	for _, want := range []string{"Sam: 1 check-in", "How they felt: ▅", "Alex: 1 check-in", "What helped most: 1. Make a warm drink (helped 1 of 1)", "Kai: 1 check-in"} {
		if !strings.Contains(text, want) {
			t.Errorf("history --stats lacks %q:\n%s", want, text)
		}
	}
	var stats struct {
		People []struct {
			Name     string `json:"name"`
			Checkins int    `json:"checkins"`
			Felt     []struct {
				At   time.Time `json:"at"`
				Mood float64   `json:"mood"`
			} `json:"felt"`
			Closeness int `json:"closeness"`
			Space     int `json:"space"`
			Helped    []struct {
				Activity string `json:"activity"`
				Title    string `json:"title"`
				Helped   int    `json:"helped"`
				Rated    int    `json:"rated"`
			} `json:"helped"`
		} `json:"people"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "", "history", "--stats", "--json", "--person", "alex")), &stats); err != nil {
		t.Fatal(err)
	}
	if len(stats.People) != 1 || stats.People[0].Name != "Alex" || len(stats.People[0].Helped) != 1 || stats.People[0].Helped[0].Activity != "make-tea" {
		t.Errorf("history --stats --json --person alex: %+v", stats)
	}
}

func TestAFollowUpDoneIsNotDoneAgain(t *testing.T) {
	home := emptyHome(t)
	importText(t, home, samEverywhere)
	data := filepath.Join(home, ".local", "share", "aftercare")
	before := filesIn(t, data)
	out := aftercare(t, strings.Repeat("\n", 40), "followup", "20261101T220000-aaaaaa")
	if out.code != exitUsage || !strings.Contains(out.stderr, "20261101T220000-aaaaaa was followed up already") {
		t.Errorf("a second follow-up: exit %d, stderr %q", out.code, out.stderr)
	}
	after := filesIn(t, data)
	for path, text := range before {
		if after[path] != text {
			t.Errorf("%s changed", path)
		}
	}
}
