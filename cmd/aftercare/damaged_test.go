package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// damagedData fills a data folder with Sam's and Alex's profiles, their
// check-in two days ago (with a follow-up due for Sam) and their plan,
// and beside them a damaged session and profile (not UTF-8 on line 3)
// and a folder where each kind of record belongs. It returns what each
// command that reads sessions or profiles must name on standard error,
// and the damaged files' bytes by path, which no command may change.
func damagedData(t *testing.T) (sessions, profiles []string, damaged map[string]string) {
	t.Helper()
	home := emptyHome(t)
	mustRun(t, "", "profile", "new", "Sam", "--like", "music")
	mustRun(t, "", "profile", "new", "Alex")
	backup := filepath.Join(home, "backup.json")
	writeFile(t, backup, checkins([]time.Duration{48 * time.Hour}, `[{"person": "Sam", "activity": "make-tea", "rating": "helped"}]`))
	mustRun(t, "", "import", backup)

	data := filepath.Join(home, ".local", "share", "aftercare")
	badSession := filepath.Join(data, "sessions", "20261102T220000-dddddd.json")
	badProfile := filepath.Join(data, "profiles", "robin.yaml")
	damaged = map[string]string{
		badSession: "{\n  \"id\": \"20261102T220000-dddddd\",\n  \"note\": \"\xff\"\n}\n",
		badProfile: "name: Robin\nnotes: fine\npronouns: \"th\xffey\"\n",
	}
	for path, text := range damaged {
		writeFile(t, path, text)
	}
	sessionFolder := filepath.Join(data, "sessions", "20261103T220000-eeeeee.json")
	profileFolder := filepath.Join(data, "profiles", "kai.yaml")
	for _, dir := range []string{sessionFolder, profileFolder} {
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	folder := ": is a folder where a file belongs"
	return []string{badSession + ":3:12: not valid UTF-8", sessionFolder + folder},
		[]string{badProfile + ":3:14: not valid UTF-8", profileFolder + folder}, damaged
}

// Every command that reads many records uses the ones it can read, names
// each damaged one on standard error with its path and line, and exits 1;
// --ignore-damaged makes it exit 0, naming them all the same.
func TestEveryCommandUsesWhatItCanReadAndNamesTheRest(t *testing.T) {
	const sessions, profiles, both = 1, 2, 3
	tests := []struct {
		args   []string
		stdin  string
		reads  int    // which damaged records the command must name
		stdout string // what it must still print from the readable ones
		stderr string // anything more it must say
		screen bool   // the full screen opens all the same
	}{
		{args: []string{"history"}, reads: sessions, stdout: "Sam and Alex"},
		{args: []string{"history", "--json"}, reads: sessions, stdout: `"id": "c0"`},
		{args: []string{"history", "--stats"}, reads: sessions, stdout: "Sam: 1 check-in"},
		{args: []string{"due"}, reads: sessions, stdout: "Follow-up due for Sam"},
		{args: []string{"export"}, reads: both, stdout: `"id": "c0"`, stderr: "This export is missing 4 files that could not be read"},
		{args: []string{"export", "-o", "OUT"}, reads: both, stderr: "Exported 2 profiles, 1 check-in and 1 plan to"},
		{args: []string{"export", "--format", "markdown"}, reads: both, stdout: "Sam", stderr: "This export is missing 4 files"},
		// Whose a damaged profile is cannot be known, so looking for
		// someone names every one.
		{args: []string{"suggest", "--for", "Sam"}, reads: both, stdout: "For Sam"},
		{args: []string{"profile", "list"}, reads: profiles, stdout: "Sam"},
		{args: []string{"profile", "list", "--json"}, reads: profiles, stdout: `"name": "Sam"`},
		{args: []string{"forget", "--person", "Alex", "--yes"}, reads: both, stdout: "Took them out of"},
		// The full screen opens all the same: no one is kept from a
		// check-in by a damaged file. It is named before the screen opens.
		{args: []string{"followup"}, stdin: "\x03", reads: both, screen: true},
		{args: []string{"checkin", "Sam"}, stdin: "\x03", reads: both, screen: true},
		{args: []string{"plan", "Sam", "Alex"}, stdin: "\x03", reads: both, screen: true},
		{args: []string{}, stdin: "\x03", reads: both, screen: true},
	}
	for _, tt := range tests {
		for _, ignore := range []bool{false, true} {
			args, code := tt.args, exitFailure
			if ignore {
				args, code = append([]string{"--ignore-damaged"}, tt.args...), 0
			}
			t.Run(strings.Join(append([]string{"aftercare"}, args...), " "), func(t *testing.T) {
				sessionsNamed, profilesNamed, damaged := damagedData(t)
				args := slices.Clone(args)
				if i := slices.Index(args, "OUT"); i >= 0 {
					args[i] = filepath.Join(t.TempDir(), "backup.json")
				}
				out := aftercare(t, tt.stdin, args...)
				if out.code != code {
					t.Errorf("exit %d, want %d\n%s", out.code, code, out.stderr)
				}
				var want []string
				if tt.reads&sessions != 0 {
					want = append(want, sessionsNamed...)
				}
				if tt.reads&profiles != 0 {
					want = append(want, profilesNamed...)
				}
				for _, named := range want {
					if strings.Count(out.stderr, "Left as it is, because it cannot be read: "+named) != 1 {
						t.Errorf("stderr does not name %s once:\n%s", named, out.stderr)
					}
				}
				if got := strings.Count(out.stderr, "Left as it is"); got != len(want) {
					t.Errorf("%d files named, want %d:\n%s", got, len(want), out.stderr)
				}
				for path, text := range damaged {
					if got, err := os.ReadFile(path); string(got) != text {
						t.Errorf("%s changed: %q, %v", path, got, err)
					}
				}
				// 1049 is the alternate screen.
				if opened := strings.Contains(out.stdout, "\x1b[?1049h"); opened != tt.screen {
					t.Errorf("the full screen opened: %v, want %v", opened, tt.screen)
				}
				if !strings.Contains(out.stdout, tt.stdout) || !strings.Contains(out.stderr, tt.stderr) {
					t.Errorf("stdout:\n%s\nstderr:\n%s\nwant %q and %q", out.stdout, out.stderr, tt.stdout, tt.stderr)
				}
			})
		}
	}
}

// Leaving out how things went, suggest reads no check-in, so none that is
// damaged stands in its way.
func TestSuggestWithoutHistoryReadsNoCheckin(t *testing.T) {
	sessions, _, _ := damagedData(t)
	out := aftercare(t, "", "--ignore-damaged", "suggest", "--for", "Sam", "--no-history")
	if out.code != 0 || !strings.HasPrefix(out.stdout, "For Sam") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", out.code, out.stdout, out.stderr)
	}
	for _, named := range sessions {
		if strings.Contains(out.stderr, named) {
			t.Errorf("a check-in was read:\n%s", out.stderr)
		}
	}
}

// Someone without a profile, while a profile cannot be read, may be its
// owner: the suggestions for them are kept gentle, and say why. Someone
// whose own profile is damaged gets none, and the file is named once.
func TestSuggestForSomeoneWhoseProfileMayBeDamaged(t *testing.T) {
	damagedData(t)
	mustRun(t, "", "profile", "delete", "Alex", "--yes")
	gentle := mustRun(t, "", "--ignore-damaged", "suggest", "--for", "Sam,Alex", "--json", "--limit", "20")
	if strings.Contains(gentle, `kisses"`) || strings.Contains(gentle, `"cuddle"`) || strings.Contains(gentle, `"hold-close"`) {
		t.Errorf("suggestions for someone whose never-list is not known were not kept gentle:\n%s", gentle)
	}
	out := aftercare(t, "", "--ignore-damaged", "suggest", "--for", "Alex")
	if !strings.Contains(out.stderr, "A profile that cannot be read may be Alex's") {
		t.Errorf("no word on why the suggestions are gentle:\n%s", out.stderr)
	}
	out = aftercare(t, "", "suggest", "--for", "Robin")
	if out.code != exitFailure || strings.Count(out.stderr, "robin.yaml") != 1 || !strings.Contains(out.stderr, "Robin's profile cannot be read (named above)") {
		t.Errorf("suggest for someone whose profile is damaged: exit %d\n%s", out.code, out.stderr)
	}
}
