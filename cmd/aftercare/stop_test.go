//go:build linux

package main

import (
	"bytes"
	"errors"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/adrg/xdg"
)

// A stop signal while a long job runs (a lock of years of check-ins) ends
// the command at once, with the signal's exit code and a line that says
// what was left, without waiting for the job: each of its steps is whole.
func TestUntilStoppedEndsAtAStopSignal(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		release := make(chan struct{})
		err := untilStopped("the rest is as it was", func() error {
			_ = syscall.Kill(os.Getpid(), sig)
			<-release
			return nil
		})
		close(release)
		var stopped *stoppedError
		if !errors.As(err, &stopped) || stopped.ExitCode() != 128+int(sig) || !strings.HasSuffix(err.Error(), "; the rest is as it was") {
			t.Errorf("%v: %v", sig, err)
		}
	}
	want := errors.New("done")
	if err := untilStopped("", func() error { return want }); err != want {
		t.Errorf("a job that ends: %v", err)
	}
}

// signalOnWrite sends a signal to this process at the first write, as
// someone pressing ctrl+c while an export pours out would, and goes on
// once the signal has come, as it does at once to every listener.
type signalOnWrite struct {
	sig  syscall.Signal
	sent bool
	out  strings.Builder
}

func (w *signalOnWrite) Write(p []byte) (int, error) {
	if !w.sent {
		w.sent = true
		heard := make(chan os.Signal, 1)
		signal.Notify(heard, w.sig)
		_ = syscall.Kill(os.Getpid(), w.sig)
		<-heard
		signal.Stop(heard)
	}
	return w.out.Write(p)
}

// An export stopped by a signal ends at the next record, with the
// signal's exit code, rather than pour out the rest of the history.
func TestAStoppedExportEndsAtTheNextRecord(t *testing.T) {
	home := homeWithCheckins(t, 2000)
	emptyHome(t)
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, ".local", "share"))
	xdg.Reload()
	w := &signalOnWrite{sig: syscall.SIGTERM}
	var errOut bytes.Buffer
	root := newRootCommand(&app{stdin: strings.NewReader(""), stdout: w, stderr: &errOut, term: w})
	root.SetArgs([]string{"export", "--format", "csv"})
	root.SetOut(w)
	root.SetErr(&errOut)
	_, err := root.ExecuteC()
	var stopped *stoppedError
	if !errors.As(err, &stopped) || stopped.ExitCode() != 143 || !strings.HasSuffix(err.Error(), "the export was cut short") {
		t.Fatalf("error %v", err)
	}
	if lines := strings.Count(w.out.String(), "\n"); lines > 1000 {
		t.Errorf("the stopped export went on for %d lines of 2,000 check-ins", lines)
	}
}
