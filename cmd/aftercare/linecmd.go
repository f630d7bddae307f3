package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/aftercare-tui/aftercare/line"
	"github.com/aftercare-tui/aftercare/profile"
	"github.com/aftercare-tui/aftercare/tui"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
)

// inLines says whether the check-in runs in plain lines: when the
// accessible setting asks for it (--accessible, AFTERCARE_ACCESSIBLE,
// ACCESSIBLE as huh reads it, or the settings file), or when standard
// input or output is not a terminal, where a full screen could neither
// read keys nor be seen; then a line on standard error says why.
func (a *app) inLines(cmd *cobra.Command) bool {
	if a.cfg != nil && a.cfg.Accessible {
		return true
	}
	for _, end := range []struct {
		stream any
		name   string
	}{{a.stdin, "standard input"}, {a.term, "standard output"}} {
		if !isTerminal(end.stream) {
			if _, isFile := end.stream.(*os.File); isFile {
				fmt.Fprintf(a.stderr, "aftercare: %s is not a terminal, so it asks one question a line at a time (as --accessible does)\n", end.name)
				return true
			}
		}
	}
	return false
}

func isTerminal(stream any) bool {
	f, ok := stream.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// runLines runs the check-in in plain lines (package line). Locked data is
// opened with the passphrase when a person is at the terminal, and else
// carried on without, saving but reading nothing. A stop (a signal) waits
// for a save under way, then says what was not saved, as the full screen
// does; input that ends before a round is saved is a failure.
func (a *app) runLines(cmd *cobra.Command, start tui.Start, o tui.Options) error {
	interactive := isTerminal(a.stdin)
	out, screen := a.lineOutput(interactive)
	if tty, opened := out.(*os.File); opened && tty != os.Stdout && tty != os.Stderr {
		defer tty.Close()
	}
	if o.Locked && interactive && a.store.WantsPassphrase() {
		opened, err := a.unlockOrCarryOn(out)
		if err != nil {
			return err
		}
		o.Locked = !opened
	}
	var err error
	if !o.Locked && o.History == nil {
		o.History, err = a.history(cmd)
	}
	if err == nil && !o.Locked && o.Profiles == nil {
		o.Profiles, err = a.readableProfiles(cmd)
	}
	if err != nil {
		if !a.store.LockedMeanwhile() {
			return err
		}
		// Another run locked the data while this one read it: the
		// check-in carries on as on locked data, saving without reading.
		o = tui.Options{Locked: true}
	}
	lo := line.Options{In: a.stdin, Out: out, Screen: screen, Interactive: interactive,
		Catalog: a.cat, Store: a.store, Config: a.cfg, Profiles: o.Profiles, UnreadProfiles: a.unreadProfiles, History: o.History, Locked: o.Locked,
		Start: line.Start{Names: start.Names, Plan: start.Plan, FollowUp: start.FollowUp}}
	if o.Locked {
		lo.DueLocked = len(a.store.DueWhileLocked(time.Now()))
		if interactive && a.store.WantsPassphrase() {
			lo.Unlock = func() (bool, error) { return a.askToUnlock(out) }
		}
	}
	ctx, stoppedBy, release := stopContext()
	defer release()
	err = line.Run(ctx, lo)
	var stopped *line.Stopped
	if errors.As(err, &stopped) {
		if sig := stoppedBy(); sig != nil {
			return &stoppedError{sig: sig, left: stopped.Left}
		}
	}
	return err
}

// lineOutput is where the lines go: standard output, unless a person is
// typing at a terminal while standard output goes to a file, when they
// would see nothing; then standard error, if it is their terminal, or
// else the terminal itself, as a passphrase prompt is. screen is the
// terminal, to clear between turns, or nil when the lines do not go to
// one.
func (a *app) lineOutput(interactive bool) (out, screen io.Writer) {
	if isTerminal(a.term) {
		if os.Getenv("TERM") == "dumb" {
			return a.stdout, nil
		}
		return a.stdout, a.term
	}
	if interactive && isTerminal(os.Stderr) {
		return a.stderr, os.Stderr
	}
	if interactive {
		// Someone typing who would otherwise see only their own keys,
		// never cleared between turns.
		if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
			if os.Getenv("TERM") == "dumb" {
				return tty, nil
			}
			return tty, tty
		}
	}
	return a.stdout, nil
}

// unlockOrCarryOn asks for the passphrase on the terminal, where enter
// alone carries on without it, as the full screen's first screen does. It
// says whether the data was opened; the error is a stop while it asked.
func (a *app) unlockOrCarryOn(out io.Writer) (bool, error) {
	fmt.Fprintln(out, "aftercare is locked. Type the passphrase to open saved people and history, or press enter alone to carry on without it; what you save is still kept, encrypted.")
	return a.askToUnlock(out)
}

// askToUnlock asks for the passphrase on the terminal, a few times after a
// wrong one, and opens what is saved with it; enter alone gives up.
func (a *app) askToUnlock(out io.Writer) (bool, error) {
	for try := 1; try <= unlockTries; try++ {
		passphrase, err := readSecret("Passphrase: ")
		if stop := (*stoppedError)(nil); errors.As(err, &stop) {
			return false, stop
		}
		if err != nil || strings.TrimSpace(passphrase) == "" {
			return false, nil
		}
		err = quietWhile(func() error { return a.store.UnlockWithPassphrase(passphrase) })
		if err == nil {
			return true, nil
		}
		if stop := (*stoppedError)(nil); errors.As(err, &stop) {
			return false, stop
		}
		if !errors.Is(err, profile.ErrWrongPassphrase) {
			fmt.Fprintln(out, "It could not be opened: "+firstLine(err))
			return false, nil
		}
		fmt.Fprintln(out, "That passphrase does not open it.")
	}
	return false, nil
}

// stopContext is cancelled at the first of stopSignals; stoppedBy names
// that signal, or nil. A second signal, or stopGrace after the first, ends
// the process at once: a save in progress takes milliseconds.
func stopContext() (ctx context.Context, stoppedBy func() os.Signal, release func()) {
	ctx, cancel := context.WithCancel(context.Background())
	var by func() (os.Signal, time.Time)
	by, stopWatching := watchStops(func(sig os.Signal, again bool) {
		cancel()
		if again {
			os.Exit(128 + signalNumber(sig))
		}
	}, func() {
		sig, _ := by()
		os.Exit(128 + signalNumber(sig))
	})
	stoppedBy = func() os.Signal {
		sig, _ := by()
		return sig
	}
	release = func() {
		stopWatching()
		cancel()
	}
	return ctx, stoppedBy, release
}
