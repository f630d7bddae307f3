//go:build unix

package main

import (
	"errors"
	"os"
	"strings"
	"syscall"
	"testing"
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
