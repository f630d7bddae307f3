//go:build unix

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/adrg/xdg"
)

// execute runs a command as run does, but gives back the error itself,
// so that a test can see the exit code it carries.
func execute(stdin io.Reader, args ...string) (stdout, stderr string, err error) {
	xdg.Reload()
	var out, errOut bytes.Buffer
	root := newRootCommand(&app{stdin: stdin, stdout: &out, stderr: &errOut, term: &out})
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(&out)
	root.SetErr(&errOut)
	_, err = root.ExecuteC()
	return out.String(), errOut.String(), err
}

// drafts lists every draft of a profile in the data folder, and what an
// editor keeps beside one.
func drafts(home string) []string {
	data := filepath.Join(home, ".local", "share", "aftercare")
	found, _ := filepath.Glob(filepath.Join(data, ".tmp", "*~edit-*"))
	old, _ := filepath.Glob(filepath.Join(data, "profiles", ".edit-*"))
	return append(found, old...)
}

func TestAnEditLeavesNoDraftHoweverItEnds(t *testing.T) {
	home := emptyHome(t)
	profile := filepath.Join(home, ".local", "share", "aftercare", "profiles", "sam.yaml")
	tests := []struct {
		name, script, stdin string
		want                string // in the error; "" when it succeeds
		changed             bool
	}{
		{"saved", `sed -i 's/leaning: closeness/leaning: space/' "$1"`, "", "", true},
		{"no changes", `true`, "", "", false},
		{"the editor fails", `echo 'name: Sam # half typed' > "$1"; exit 3`, "", "did not finish cleanly", false},
		{"an invalid edit given up", `sed -i 's/leaning: closeness/leaning: sideways/' "$1"`, "n\n", "nothing was changed", false},
		{"an invalid edit and no answer", `sed -i 's/leaning: closeness/leaning: sideways/' "$1"`, "", "nothing was changed", false},
		{"the profile changed meanwhile", fmt.Sprintf(`sed -i 's/leaning: closeness/leaning: space/' "$1" %q`, profile), "", "changed while you were editing", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustRun(t, "", "profile", "new", "Sam", "--leaning", "closeness")
			defer mustRun(t, "", "profile", "delete", "Sam", "--yes")
			useEditor(t, tt.script)
			_, _, err := execute(strings.NewReader(tt.stdin), "profile", "edit", "Sam")
			if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
			if left := drafts(home); len(left) > 0 {
				t.Errorf("drafts left behind: %v", left)
			}
			if data, _ := os.ReadFile(profile); strings.Contains(string(data), "leaning: space") != tt.changed {
				t.Errorf("the profile changed: %v, want %v:\n%s", !tt.changed, tt.changed, data)
			}
		})
	}
}

// An edit made while another aftercare saved the same profile is not lost:
// the person may open it again and save it in place of that change.
func TestAnEditOverAChangeMadeMeanwhileCanBeSavedOverIt(t *testing.T) {
	home := emptyHome(t)
	profile := filepath.Join(home, ".local", "share", "aftercare", "profiles", "sam.yaml")
	mustRun(t, "", "profile", "new", "Sam", "--leaning", "closeness")
	// The first time the editor opens, the person changes the leaning and
	// another aftercare adds a note; the second time they save as it is.
	once := filepath.Join(t.TempDir(), "opened")
	useEditor(t, fmt.Sprintf(`[ -e %q ] && exit 0; touch %q; sed -i 's/leaning: closeness/leaning: space/' "$1"; echo 'notes: "meanwhile"' >> %q`, once, once, profile))
	out, errOut, err := execute(strings.NewReader("y\n"), "profile", "edit", "Sam")
	if err != nil || !strings.Contains(out, "Saved Sam's profile.") || !strings.Contains(errOut, "changed while you were editing it") {
		t.Fatalf("edit: %q, %q, %v", out, errOut, err)
	}
	if data, _ := os.ReadFile(profile); !strings.Contains(string(data), "leaning: space") || strings.Contains(string(data), "meanwhile") {
		t.Errorf("the profile holds:\n%s", data)
	}
	if left := drafts(home); len(left) > 0 {
		t.Errorf("drafts left behind: %v", left)
	}
}

func TestAFailedEditorEndsWithAftercaresOwnExitCode(t *testing.T) {
	emptyHome(t)
	mustRun(t, "", "profile", "new", "Sam")
	useEditor(t, `exit 3`)
	if out := aftercare(t, "", "profile", "edit", "Sam"); out.code != exitFailure || !strings.Contains(out.stderr, "did not finish cleanly") {
		t.Errorf("exit %d, stderr %q; want %d", out.code, out.stderr, exitFailure)
	}
}

func TestASignalDuringAnEditRemovesTheDraftAndEndsAsTheSignalSays(t *testing.T) {
	tests := []struct {
		name, script string
		code         int
	}{
		{"terminated", `sed -i 's/leaning: closeness/leaning: space/' "$1"; kill -TERM $PPID; exec sleep 30`, 143},
		{"hung up", `sed -i 's/leaning: closeness/leaning: space/' "$1"; kill -HUP $PPID; exec sleep 30`, 129},
		{"interrupted, and the editor ends of it", `sed -i 's/leaning: closeness/leaning: space/' "$1"; kill -INT $PPID; kill -INT $$`, 130},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := emptyHome(t)
			mustRun(t, "", "profile", "new", "Sam", "--leaning", "closeness")
			useEditor(t, tt.script)
			_, _, err := execute(strings.NewReader(""), "profile", "edit", "Sam")
			var coded interface{ ExitCode() int }
			if !errors.As(err, &coded) || coded.ExitCode() != tt.code || !strings.Contains(err.Error(), "your edit was not saved") {
				t.Errorf("error %v, want one that exits %d", err, tt.code)
			}
			if left := drafts(home); len(left) > 0 {
				t.Errorf("drafts left behind: %v", left)
			}
			if show := mustRun(t, "", "profile", "show", "Sam"); strings.Contains(show, "space") {
				t.Errorf("a stopped edit was saved:\n%s", show)
			}
		})
	}
}

func TestCtrlCThatTheEditorTakesForItselfDoesNotStopTheEdit(t *testing.T) {
	home := emptyHome(t)
	mustRun(t, "", "profile", "new", "Sam", "--leaning", "closeness")
	// As vi does with ctrl+c: it reaches the editor too, which carries on.
	useEditor(t, `kill -INT $PPID; sed -i 's/leaning: closeness/leaning: space/' "$1"`)
	if out, _, err := execute(strings.NewReader(""), "profile", "edit", "Sam"); err != nil || !strings.Contains(out, "Saved Sam's profile.") {
		t.Errorf("edit: %q, %v", out, err)
	}
	if left := drafts(home); len(left) > 0 {
		t.Errorf("drafts left behind: %v", left)
	}
}

// signalOnRead sends a signal to this process when asked for input, as
// someone pressing a key would, and then waits for the test to end.
type signalOnRead struct {
	sig  syscall.Signal
	done chan struct{}
}

func (r signalOnRead) Read([]byte) (int, error) {
	_ = syscall.Kill(os.Getpid(), r.sig)
	<-r.done
	return 0, io.EOF
}

func TestASignalWhileAskedToEditAgainRemovesTheDraft(t *testing.T) {
	home := emptyHome(t)
	mustRun(t, "", "profile", "new", "Sam", "--leaning", "closeness")
	useEditor(t, `sed -i 's/leaning: closeness/leaning: sideways/' "$1"`)
	stdin := signalOnRead{syscall.SIGTERM, make(chan struct{})}
	defer close(stdin.done)
	_, stderr, err := execute(stdin, "profile", "edit", "Sam")
	var coded interface{ ExitCode() int }
	if !errors.As(err, &coded) || coded.ExitCode() != 143 || !strings.Contains(stderr, "Edit again?") {
		t.Errorf("error %v after %q, want one that exits 143", err, stderr)
	}
	if left := drafts(home); len(left) > 0 {
		t.Errorf("drafts left behind: %v", left)
	}
}
