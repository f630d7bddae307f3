package main

import (
	"slices"
	"strings"
	"testing"
)

// completions asks for what a shell would offer after args, as cobra's
// completion scripts ask: the offers, and the directive's number.
func completions(t *testing.T, args ...string) ([]string, string) {
	t.Helper()
	got := aftercare(t, "", append([]string{"__complete"}, args...)...)
	if got.code != 0 {
		t.Fatalf("__complete %v: exit %d\n%s", args, got.code, got.stderr)
	}
	lines := strings.Split(strings.TrimSpace(got.stdout), "\n")
	return lines[:len(lines)-1], lines[len(lines)-1]
}

func TestCompletionKnowsThePeopleAndTheCheckins(t *testing.T) {
	home := emptyHome(t)
	importHistory(t, home)
	mustRun(t, "", "profile", "new", "Alexandra")
	const noFiles, noSpace = ":4", ":6"
	open := "20261105T230000-cccccc\t"
	tests := []struct {
		args      []string
		want      []string
		directive string
	}{
		{[]string{"checkin", ""}, []string{"Alexandra", "Sam"}, noFiles},
		{[]string{"checkin", "s"}, []string{"Sam"}, noFiles},
		{[]string{"checkin", "Sam", ""}, []string{"Alexandra"}, noFiles},
		{[]string{"plan", "A"}, []string{"Alexandra"}, noFiles},
		{[]string{"profile", "show", ""}, []string{"Alexandra", "Sam"}, noFiles},
		{[]string{"profile", "edit", "Sam", ""}, nil, noFiles},
		{[]string{"profile", "delete", "al"}, []string{"Alexandra"}, noFiles},
		{[]string{"profile", "new", ""}, nil, noFiles},
		{[]string{"profile", "new", "Kim", "--leaning", ""}, []string{"closeness", "space", "depends"}, noFiles},
		{[]string{"profile", "new", "Kim", "--talk", "q"}, []string{"quiet"}, noFiles},
		{[]string{"suggest", "--for", "Sam,"}, []string{"Sam,Alexandra"}, noFiles},
		{[]string{"suggest", "--need", "Sam:cl"}, []string{"Sam:cleanliness", "Sam:closeness"}, noFiles},
		{[]string{"suggest", "--need", "Al"}, []string{"Alexandra:"}, noSpace},
		{[]string{"history", "--person", ""}, []string{"Alexandra", "Sam"}, noFiles},
		{[]string{"forget", "--person", "S"}, []string{"Sam"}, noFiles},
		{[]string{"history", ""}, nil, noFiles},
		{[]string{"due", ""}, nil, noFiles},
		{[]string{"support", "--region", "g"}, []string{"GB"}, noFiles},
		{[]string{"support", "--region", "any"}, []string{"anywhere"}, noFiles},
		{[]string{"suggest", "--avoid", "Sam:eye-c"}, []string{"Sam:eye-contact"}, noFiles},
		// Numbers, dates and words are never files.
		{[]string{"history", "--since", ""}, nil, noFiles},
		{[]string{"suggest", "--minutes", ""}, nil, noFiles},
		{[]string{"suggest", "--limit", ""}, nil, noFiles},
		{[]string{"profile", "new", "Kim", "--pronouns", ""}, nil, noFiles},
		{[]string{"profile", "new", "Kim", "--notes", ""}, nil, noFiles},
		{[]string{"profile", "edit", "Sam", "--set", ""}, nil, noFiles},
	}
	for _, tt := range tests {
		got, directive := completions(t, tt.args...)
		if !slices.Equal(got, tt.want) || directive != tt.directive {
			t.Errorf("%v: %q %s, want %q %s", tt.args, got, directive, tt.want, tt.directive)
		}
	}

	// Check-in ids come with when and who; a follow-up is offered only
	// for the check-ins still waiting on one.
	ids, _ := completions(t, "forget", "--session", "")
	if len(ids) != 5 || !strings.HasPrefix(ids[0], "20261108T220000-eeeeee\t") || !strings.Contains(ids[0], "Kai") {
		t.Errorf("forget --session offers %q", ids)
	}
	waiting, _ := completions(t, "followup", "")
	if len(waiting) != 2 || !slices.ContainsFunc(waiting, func(s string) bool { return strings.HasPrefix(s, open) }) {
		t.Errorf("followup offers %q", waiting)
	}
	// Where a file is asked for, the shell offers files.
	for _, args := range [][]string{{"import", ""}, {"export", "-o", ""}, {"suggest", "--request", ""}, {"lock", "--identity", ""}, {"--config", ""}} {
		if got, directive := completions(t, args...); len(got) != 0 || directive != ":0" {
			t.Errorf("%v offers %q %s, want files", args, got, directive)
		}
	}
	// Where a folder is asked for, only folders (16 is FilterDirs).
	for _, args := range [][]string{{"--catalog-dir", ""}, {"history", "--data-dir", ""}} {
		if got, directive := completions(t, args...); len(got) != 0 || directive != ":16" {
			t.Errorf("%v offers %q %s, want folders", args, got, directive)
		}
	}
}

func TestCompletionNeverAsksForThePassphrase(t *testing.T) {
	_, keyPath := lockedHistory(t)
	if got, _ := completions(t, "checkin", ""); len(got) != 0 {
		t.Errorf("locked, checkin offers %q", got)
	}
	t.Setenv("AFTERCARE_IDENTITY", keyPath)
	if got, _ := completions(t, "checkin", ""); !slices.Equal(got, []string{"Sam"}) {
		t.Errorf("opened with its key, checkin offers %q", got)
	}
}

func TestCompletionDoesNotSayWhoseAPrivateFollowUpIs(t *testing.T) {
	home := emptyHome(t)
	importText(t, home, samEverywhere)
	for _, args := range [][]string{{"followup", ""}, {"forget", "--session", "20261104"}} {
		got, _ := completions(t, args...)
		i := slices.IndexFunc(got, func(s string) bool { return strings.HasPrefix(s, "20261104T200000-dddddd\t") })
		if i < 0 || strings.Contains(got[i], "Sam") || !strings.Contains(got[i], "asked for privately") {
			t.Errorf("%v offers %q", args, got)
		}
	}
}
