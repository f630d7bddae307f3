package main

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"sync"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/flow"
	"github.com/aftercare-tui/aftercare/profile"
	"github.com/aftercare-tui/aftercare/tui"
	"github.com/spf13/cobra"
)

func newCheckinCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "checkin [NAME...]",
		Short: "Start a check-in: one name alone, two or more together",
		Long: `Start a check-in straight away. One name is a check-in alone; two or more
take turns on this screen. Names match saved profiles, whatever their case;
any other name is a guest, not saved unless you ask at the end, and one a
letter away from a saved name is asked about first (a script answering
from a pipe is not asked). With no names it opens home, to choose alone
or together. A plan the same people made in the last 12 hours is where
it starts from.`,
		Example: `  aftercare checkin Sam Alex
  aftercare checkin Kai`,
		Args:              checkNames,
		ValidArgsFunction: a.completeNames(0),
		RunE: func(cmd *cobra.Command, names []string) error {
			return a.runTUI(cmd, tui.Start{Names: names})
		},
	}
}

func newPlanCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "plan [NAME...]",
		Short: "Plan ahead together: what each of you will want afterwards",
		Long: `Before sex, each person says privately and in turn what they will want
afterwards: closeness or space, anything to avoid, what helps, and whether
they would like a check-in the next day. What they choose to share is saved
as a plan, and a check-in by the same people in the next 12 hours starts
from it.`,
		Example:           `  aftercare plan Sam Alex`,
		Args:              checkNames,
		ValidArgsFunction: a.completeNames(0),
		RunE: func(cmd *cobra.Command, names []string) error {
			if len(names) == 1 {
				return usagef("a plan is made together: name two or more people, or none to be asked")
			}
			return a.runTUI(cmd, tui.Start{Names: names, Plan: true})
		},
	}
}

// checkNames refuses names that cannot be told apart or saved, such as
// Sam and sam, or one with no letter or digit, before anything is read or
// the screen opens: the check-in is saved under these names, and a
// problem is better heard now than after everyone has answered.
func checkNames(_ *cobra.Command, args []string) error {
	if err := profile.CheckNames(args); err != nil {
		return &usageError{err}
	}
	return nil
}

func newFollowupCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "followup [ID]",
		Short: "Follow up on a check-in: how you are now, and what helped",
		Long: `Run the follow-up that is due (the one waiting longest), or the one for the
check-in with this id: how you are now, any low feeling since, any dip of
the kind called drop, anything you need, and how what you did went. Nothing
runs in the background; see 'aftercare due'. While the data is locked, the
passphrase is asked on the screen, and only once there is something to
follow up.`,
		Example: `  aftercare followup
  aftercare followup 20261123T221000-a1b2c3`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usagef("give one check-in id at most, not %d", len(args))
			}
			return nil
		},
		ValidArgsFunction: a.completeSessions(true),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := a.openWithoutAsking(cmd)
			if err != nil {
				return err
			}
			if store.Locked() && !store.Unlocked() {
				id, err := a.lockedFollowUp(args)
				switch {
				case err != nil || id == "":
					return err
				case !a.inLines(cmd):
					return a.showTUI(cmd, tui.Start{FollowUpID: id}, tui.Options{Locked: true})
				}
			}
			history, err := a.history(cmd)
			if err != nil {
				return err
			}
			var due *profile.Session
			if len(args) == 1 {
				if due, err = a.store.CheckinToFollowUp(args[0]); err != nil {
					if errors.Is(err, profile.ErrPlanFollowedUp) || errors.Is(err, profile.ErrFollowedUp) {
						return &usageError{err}
					}
					return err
				}
			} else {
				waiting := history.Due(time.Now())
				if len(waiting) == 0 {
					fmt.Fprintln(a.stdout, "Nothing is due. Take care.")
					return nil
				}
				if due, err = a.store.Session(waiting[0].ID); err != nil {
					return err
				}
			}
			return a.openTUI(cmd, tui.Start{FollowUp: due}, history)
		},
	}
}

// lockedFollowUp is the id of the check-in to follow up on locked data:
// the one named, or the one waiting longest. Both are known without the
// passphrase, so that it is never asked for in vain: "" when nothing is
// due, which it says. The full screen then asks for the passphrase on its
// own calm screen, as the program does, not on the terminal first.
func (a *app) lockedFollowUp(args []string) (string, error) {
	if len(args) == 1 {
		if err := a.store.CheckSession(args[0]); err != nil {
			return "", err
		}
		return args[0], nil
	}
	waiting := a.store.DueWhileLocked(time.Now())
	if len(waiting) == 0 {
		fmt.Fprintln(a.stdout, "Nothing is due. Take care.")
		return "", nil
	}
	return waiting[0].ID, nil
}

func newDueCommand(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "due",
		Short: "Print the follow-ups that are due, one a line (nothing when none are)",
		Long: `Print the follow-ups that are due, one a line, and nothing at all when none
are: for a shell prompt or a scheduler. --json prints a list, [] when none
are due: each with its id, when the check-in started, when the follow-up
fell due, whom it is for (empty when it was asked for privately, or while
locked), and the command that runs it. It exits 0 unless a file cannot be
read: that file is named on standard error and the exit is 1 (0 with
--ignore-damaged). While the data is locked it says how many are due, never
whose, and asks for nothing.`,
		Example: `  aftercare due
  aftercare due --json
  # above a bash prompt: the first line, and nothing when none is due
  PROMPT_COMMAND='aftercare due 2>/dev/null | head -n 1'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			due, lines, err := a.dueNow(cmd)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.stdout, due)
			}
			for _, line := range lines {
				fmt.Fprintln(a.stdout, line)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of text")
	return cmd
}

// dueJSON is one follow-up that is due, as 'due --json' prints it.
type dueJSON struct {
	ID      string    `json:"id"`
	Started time.Time `json:"started"`
	Due     time.Time `json:"due"`
	// For is whom it is for; empty when it was asked for privately, or
	// while locked, since neither says whose it is.
	For     []string `json:"for"`
	Private bool     `json:"private"`
	Locked  bool     `json:"locked"`
	Command string   `json:"command"`
}

// newDueJSON is the follow-up of the check-in id, started then. Times are
// whole seconds in the local zone: a locked home knows no finer, and the
// two read alike.
func newDueJSON(id string, started time.Time) dueJSON {
	started = started.Truncate(time.Second).Local()
	return dueJSON{ID: id, Started: started, Due: profile.FollowUpDue(started, time.Local), For: []string{}, Command: "aftercare followup " + id}
}

// dueNow lists the follow-ups due now, the longest waiting first, and the
// lines that say so. Locked data that AFTERCARE_IDENTITY does not open is
// counted without asking for the passphrase, which a shell prompt cannot
// give, and never says whose they are.
func (a *app) dueNow(cmd *cobra.Command) ([]dueJSON, []string, error) {
	due := []dueJSON{}
	now := time.Now()
	store, err := a.openWithoutAsking(cmd)
	if err != nil {
		return nil, nil, err
	}
	if store.Locked() && !store.Unlocked() {
		waiting := store.DueWhileLocked(now)
		for _, w := range waiting {
			d := newDueJSON(w.ID, w.Started)
			d.Locked = true
			due = append(due, d)
		}
		var lines []string
		switch len(waiting) {
		case 0:
		case 1:
			lines = []string{"A follow-up is due (aftercare is locked: open it with 'aftercare' to see whose)"}
		default:
			lines = []string{fmt.Sprintf("%d follow-ups are due (aftercare is locked: open it with 'aftercare' to see whose)", len(waiting))}
		}
		return due, lines, nil
	}
	// Only open follow-ups are kept, whatever the history's length.
	var open []profile.SessionEntry
	err = a.eachCheckin(cmd, func(e profile.SessionEntry) {
		if s := e.Session; s != nil && s.FollowUp != nil && s.FollowUp.Done == nil {
			open = append(open, e)
		}
	})
	if err != nil {
		return nil, nil, err
	}
	// Read in no set order; sorted, equal times come out the same way
	// every run.
	profile.NewestFirst(open)
	var lines []string
	for _, s := range profile.Due(open, now) {
		d := newDueJSON(s.ID, s.Started)
		d.Private = s.Kind == profile.PrivateFollowUp
		if !d.Private {
			d.For = append(d.For, s.FollowUp.For...)
		}
		due = append(due, d)
		lines = append(lines, profile.DueLine(s, now))
	}
	return due, lines, nil
}

// runTUI loads and checks everything on the normal terminal, where a
// broken file can be reported with its path and line, and only then opens
// the full screen. For a check-in or plan by name the history is read
// now, so that a plan to start from is known from the first screen. Home
// needs nothing from it to open: the program reads it in the background,
// and a long history never holds up the first screen; a file in it that
// cannot be read is named once the screen closes. Locked data that
// AFTERCARE_IDENTITY does not open is read nowhere but on the screen,
// which asks for the passphrase itself (or carries on without it).
func (a *app) runTUI(cmd *cobra.Command, start tui.Start) error {
	store, err := a.openWithoutAsking(cmd)
	if err != nil {
		return err
	}
	if store.Locked() && !store.Unlocked() {
		return a.showTUI(cmd, start, tui.Options{Locked: true})
	}
	if len(start.Names) == 0 && start.FollowUp == nil {
		return a.openTUI(cmd, start, nil)
	}
	history, err := a.history(cmd)
	if err != nil {
		return a.orLocked(cmd, start, err)
	}
	return a.openTUI(cmd, start, history)
}

// orLocked is err, unless another run locked the data while this one read
// it: the check-in then opens as on locked data, which it saves, sealed,
// without reading any.
func (a *app) orLocked(cmd *cobra.Command, start tui.Start, err error) error {
	if a.store.LockedMeanwhile() {
		return a.showTUI(cmd, start, tui.Options{Locked: true})
	}
	return err
}

// openTUI opens the full screen with the history already read, and so
// the catalogue and the store open. A damaged file keeps no one from a
// check-in: it is named before the screen opens, and the run exits 1 once
// it closes.
func (a *app) openTUI(cmd *cobra.Command, start tui.Start, history *profile.Digest) error {
	profiles, err := a.readableProfiles(cmd)
	if err != nil {
		return a.orLocked(cmd, start, err)
	}
	return a.showTUI(cmd, start, tui.Options{Profiles: profiles, UnreadProfiles: a.unreadProfiles, History: history})
}

// showTUI runs the full screen with what o holds, and the catalogue,
// settings and store; or the line mode, when asked for or when there is no
// terminal to draw on.
func (a *app) showTUI(cmd *cobra.Command, start tui.Start, o tui.Options) error {
	if a.inLines(cmd) {
		return a.runLines(cmd, start, o)
	}
	o.Catalog, o.Store, o.Config, o.Start = a.cat, a.store, a.cfg, start
	o.NoColor = os.Getenv("NO_COLOR") != ""
	a.store.ReadsInBackground()
	model := tui.New(o)
	// Signals are ours, not Bubble Tea's, which would quit on TERM without
	// a word and leave HUP to end the process in raw mode.
	program := tea.NewProgram(model, tea.WithInput(a.stdin), tea.WithOutput(a.term), tea.WithoutSignalHandler())
	stoppedBy, release := stopOnSignal(program)
	unwatch := watchHangup(a.stdin)
	final, err := program.Run()
	unwatch()
	release()
	sig, deadline := stoppedBy()
	// A terminal that hung up can end the program with a failed read
	// before the HUP that watchHangup sends has come: it is the same
	// hang-up, and is said as one.
	if sig == nil && errors.Is(err, syscall.EIO) {
		sig, err = syscall.SIGHUP, nil
	}
	m, _ := final.(*tui.Model)
	if m != nil {
		// The program can end with a save still under way: a hang-up
		// takes the terminal away before the screen hears of it.
		m.Finish(time.Until(deadline))
		// Stopped by a signal, the program leaves at once.
		if o.History == nil && sig == nil && err == nil {
			if err := a.nameUnread(cmd, m); err != nil {
				return err
			}
		}
	}
	if sig != nil {
		left := flow.NothingLost
		if m != nil {
			left = m.Stopped()
		}
		return &stoppedError{sig: sig, left: left}
	}
	return err
}

// nameUnread names the files the program could not read itself, reading
// the history now if the screen closed before it had; unless the data is
// locked still: the screen then read nothing, and nothing can be read now
// without asking for the passphrase again.
func (a *app) nameUnread(cmd *cobra.Command, m *tui.Model) error {
	errs, read := m.Unread()
	if len(errs) > 0 && a.store.LockedMeanwhile(errs...) {
		// What was found sealed is not damaged: another run locked it.
		fmt.Fprintln(a.stderr, "aftercare's data was locked by another run while this one was open, so what was locked then could not be read here; it is not damaged.")
		errs = slices.DeleteFunc(errs, func(err error) bool { return errors.Is(err, profile.ErrLocked) })
	}
	a.damaged(errs...)
	if read || a.store.Locked() && !a.store.Unlocked() {
		return nil
	}
	_, err := a.history(cmd)
	return err
}

// stopSignals are those that end a program: a hang-up (the terminal
// closed), TERM (kill, a shutdown), an interrupt that did not come as
// ctrl+c from the keyboard, and QUIT.
var stopSignals = []os.Signal{syscall.SIGHUP, syscall.SIGTERM, os.Interrupt, syscall.SIGQUIT}

// stopGrace is how long the screen has to close after a signal: it waits
// up to three seconds for a save under way. Past it, or at a second
// signal, the program is ended at once, the terminal restored all the
// same.
const stopGrace = 5 * time.Second

// stopOnSignal asks the program to stop, through the screen, at the first
// of stopSignals, so that a save under way can end and the terminal is
// restored. stoppedBy names the signal that stopped it, or nil, and until
// when a save may still be waited for; release stops listening.
func stopOnSignal(program *tea.Program) (stoppedBy func() (os.Signal, time.Time), release func()) {
	// Send waits for the program to take it, or to end.
	return watchStops(func(os.Signal, bool) { go program.Send(tui.StopMsg{}) }, program.Kill)
}

// watchStops calls stop at each of stopSignals (again is set from the
// second on), and kill when stopGrace has passed since the first.
// stoppedBy names the first signal, or nil, and until when a save may
// still be waited for; release stops listening.
func watchStops(stop func(sig os.Signal, again bool), kill func()) (stoppedBy func() (os.Signal, time.Time), release func()) {
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, stopSignals...)
	done := make(chan struct{})
	var mu sync.Mutex
	var first os.Signal
	var deadline time.Time
	go func() {
		var late <-chan time.Time
		for {
			select {
			case sig := <-signals:
				mu.Lock()
				again := first != nil
				if !again {
					first, deadline, late = sig, time.Now().Add(stopGrace), time.After(stopGrace)
				}
				mu.Unlock()
				stop(sig, again)
			case <-late:
				kill()
			case <-done:
				return
			}
		}
	}()
	stoppedBy = func() (os.Signal, time.Time) {
		mu.Lock()
		defer mu.Unlock()
		if first == nil {
			return nil, time.Now().Add(stopGrace)
		}
		return first, deadline
	}
	release = func() {
		signal.Stop(signals)
		close(done)
	}
	return stoppedBy, release
}

// stoppedError is work ended by a signal: the full screen, or an edit.
// The process exits 128 plus the signal's number, as a shell reports a
// program the signal ended (129 for HUP, 130 for an interrupt, 131 for
// QUIT, 143 for TERM), and says what became of the work.
type stoppedError struct {
	sig  os.Signal
	left string
}

func (e *stoppedError) Error() string { return fmt.Sprintf("stopped (%s); %s", e.sig, e.left) }

// ExitCode is the status the process ends with.
func (e *stoppedError) ExitCode() int { return 128 + signalNumber(e.sig) }

// signalNumber is a signal's number, as a shell adds it to 128.
func signalNumber(sig os.Signal) int {
	number, _ := sig.(syscall.Signal)
	return int(number)
}
