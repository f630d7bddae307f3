package profile

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// importUntilKilled imports the export at path, or with sweepOnly just
// sweeps, and kills itself (kill -9) at the stop'th step an import takes
// towards landing, after saying each step on standard output.
func importUntilKilled(s *Store, path, stop string, sweepOnly bool) int {
	n, _ := strconv.Atoi(stop)
	steps := 0
	reached = func(step string) {
		fmt.Println(step)
		if steps++; steps == n {
			self, _ := os.FindProcess(os.Getpid())
			_ = self.Kill()
			// A process that kills itself is gone before the call returns.
			time.Sleep(time.Hour)
		}
	}
	var err error
	if sweepOnly {
		err = s.Sweep()
	} else {
		var data []byte
		if data, err = os.ReadFile(path); err == nil {
			_, err = s.Import(path, data)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// importFixture is an export of one profile and three check-ins, in a file.
func importFixture(t *testing.T) (string, []byte, *Export) {
	t.Helper()
	x := &Export{Version: ExportVersion, Profiles: []Profile{*sam()}}
	for i := range 3 {
		x.Sessions = append(x.Sessions, *session(fmt.Sprintf("imported-%d", i), testStart.Add(time.Duration(i)*time.Hour), "Sam"))
	}
	data, err := x.Encode("json", testCatalog())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "backup.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path, data, x
}

// landed counts the records of the import fixture that readers see, and
// checks that they see only records, each readable.
func landed(t *testing.T, s *Store) int {
	t.Helper()
	profiles, err := s.Profiles()
	if err != nil {
		t.Fatal(err)
	}
	sessions, err := s.Sessions()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range profiles {
		if e.Err != nil || filepath.Dir(e.Path) != s.profilesDir() {
			t.Fatalf("a reader saw %s: %v", e.Path, e.Err)
		}
		if e.Profile.Name == "Sam" {
			n++
		}
	}
	for _, e := range sessions {
		if e.Err != nil || filepath.Dir(e.Path) != s.sessionsDir() {
			t.Fatalf("a reader saw %s: %v", e.Path, e.Err)
		}
		if strings.HasPrefix(e.Session.ID, "imported-") {
			n++
		}
	}
	return n
}

// runKilled runs the test binary in a role until it kills itself at its
// stop'th step, and returns the steps it reached; done says it finished
// without reaching that step.
func runKilled(t *testing.T, role, dir string, stop int, env ...string) (steps []string, done bool) {
	t.Helper()
	out, err := helper(t, role, dir, stop, env...).Output()
	steps = strings.Fields(string(out))
	var exit *exec.ExitError
	switch {
	case err == nil:
		return steps, true
	case !errors.As(err, &exit) || exit.ExitCode() != -1 || len(steps) != stop:
		t.Fatalf("%s stopping at step %d: %v after %v", role, stop, err, steps)
	}
	return steps, false
}

func TestAnImportKilledAtAnyStepLandsWholeOrNotAtAllAndRunningItAgainFinishesIt(t *testing.T) {
	if testing.Short() {
		t.Skip("kills an importing process at every step")
	}
	path, data, x := importFixture(t)
	all := len(x.Profiles) + len(x.Sessions)
	again := func(s *Store) error { _, err := s.Import(path, data); return err }
	nextRuns := []struct {
		name string
		run  func(s *Store) error
	}{
		{"a sweep at start", (*Store).Sweep},
		{"another write", func(s *Store) error { return s.SaveSession(session("unrelated", testStart, "Alex")) }},
		{"a sweep killed as it finishes the import, then a sweep", func(s *Store) error {
			runKilled(t, "finisher", s.Dir(), 1)
			return s.Sweep()
		}},
		{"the same import again", again},
	}
	// Each step is followed by one kind of next run in turn, so that each
	// kind follows steps before the journal and after it.
	for stop := 1; ; stop++ {
		next := nextRuns[stop%len(nextRuns)]
		s := newStore(t)
		if err := s.CreateProfile(&Profile{Name: "Alex"}); err != nil {
			t.Fatal(err)
		}
		steps, done := runKilled(t, "importer", s.Dir(), stop, targetVar+"="+path)
		if done {
			if stop < 2*all {
				t.Fatalf("the import finished after %v", steps)
			}
			return
		}
		step := steps[len(steps)-1]
		if n := landed(t, s); n > all {
			t.Fatalf("%d records of an import of %d", n, all)
		}
		if err := next.run(s); err != nil {
			t.Fatalf("killed after step %d (%s), then %s: %v", stop, step, next.name, err)
		}
		want := all
		if (step == "staging" || step == "staged") && next.name != "the same import again" {
			want = 0
		}
		if n := landed(t, s); n != want {
			t.Errorf("killed after step %d (%s), then %s: %d of %d records landed, want %d", stop, step, next.name, n, all, want)
		}
		if err := again(s); err != nil && next.name != "the same import again" {
			t.Errorf("killed after step %d (%s), then %s: running the import again: %v", stop, step, next.name, err)
		}
		if n := landed(t, s); n != all {
			t.Errorf("killed after step %d (%s), then %s, then run again: %d of %d records landed", stop, step, next.name, n, all)
		}
		if got := leftovers(t, s); len(got) > 0 {
			t.Errorf("killed after step %d (%s), then %s, then run again: left %v", stop, step, next.name, got)
		}
		if imported, err := s.Import(path, data); err != nil || !imported.AlreadyHere {
			t.Errorf("killed after step %d (%s), then %s: an import finished and run once more: %v, not said to be here already", stop, step, next.name, err)
		}
	}
}
