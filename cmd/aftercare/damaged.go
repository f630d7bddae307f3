package main

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
	"github.com/spf13/cobra"
)

// A command that reads many records (history, due, export, forget,
// profile list, suggest --for, and the full screen) follows one rule: it
// uses every record it can read, names each one it cannot on standard
// error, by path and line, and leaves it as it is; then the run exits 1,
// or 0 with --ignore-damaged. A damaged file is never a reason to stop
// what could be done with the rest, and never passes unsaid.

// damaged names each record that cannot be read, by the first line of its
// error (path:line:col: what is wrong), and keeps it for the end of the
// run; nil errors are passed over, and a file is named once however often
// it is read.
func (a *app) damaged(errs ...error) {
	for _, err := range errs {
		if err == nil {
			continue
		}
		line := firstLine(err)
		if slices.Contains(a.unread, line) {
			continue
		}
		a.unread = append(a.unread, line)
		fmt.Fprintf(a.stderr, "Left as it is, because it cannot be read: %s\n", line)
	}
}

// errLockedMeanwhile is data that another run locked while this one read
// it: the records found sealed are not damaged, only closed to this run.
var errLockedMeanwhile = errors.New("aftercare's data was locked by another run while this one was reading it, so this one stopped; run it again")

// history reads what the full screen keeps of the history
// (profile.Store.Digest), and names each file that cannot be read.
func (a *app) history(cmd *cobra.Command) (*profile.Digest, error) {
	store, err := a.data(cmd)
	if err != nil {
		return nil, err
	}
	history, err := store.Digest(time.Now())
	if err != nil {
		return nil, err
	}
	if unread := history.Unread(); len(unread) > 0 && store.LockedMeanwhile(unread...) {
		return nil, errLockedMeanwhile
	}
	a.damaged(history.Unread()...)
	return history, nil
}

// eachCheckin hands keep every check-in, plan and follow-up as the index
// keeps them, in no set order, and names those that cannot be read: a
// command that needs a few of them holds no more than that.
func (a *app) eachCheckin(cmd *cobra.Command, keep func(profile.SessionEntry)) error {
	store, err := a.data(cmd)
	if err != nil {
		return err
	}
	return store.EachSummary(func(e profile.SessionEntry) {
		a.damaged(e.Err)
		keep(e)
	})
}

// eachWhole reads the whole record of each session in the lineup, in
// order, and hands it to fn (see whole).
func (a *app) eachWhole(lineup *profile.Lineup, fn func(*profile.Session) error) error {
	return a.store.EachInOrder(lineup, a.whole(fn))
}

// whole hands fn each record read whole; one that cannot be read (now, or
// since it was listed) is named instead.
func (a *app) whole(fn func(*profile.Session) error) func(profile.SessionEntry) error {
	return func(e profile.SessionEntry) error {
		if e.Err != nil {
			a.damaged(e.Err)
			return nil
		}
		return fn(e.Session)
	}
}

// readableProfiles are the profiles that can be read, sorted by name; the
// others are named, and kept in a.unreadProfiles.
func (a *app) readableProfiles(cmd *cobra.Command) ([]*profile.Profile, error) {
	entries, err := a.profileEntries(cmd)
	if err != nil {
		return nil, err
	}
	out, unread := profile.SplitProfiles(entries)
	a.unreadProfiles = unread
	return out, nil
}

// profileEntries reads every profile, and names each one that cannot be
// read.
func (a *app) profileEntries(cmd *cobra.Command) ([]profile.ProfileEntry, error) {
	store, err := a.data(cmd)
	if err != nil {
		return nil, err
	}
	entries, err := store.Profiles()
	if err != nil {
		return nil, err
	}
	var errs []error
	for _, e := range entries {
		if e.Err != nil {
			errs = append(errs, e.Err)
		}
	}
	if len(errs) > 0 && store.LockedMeanwhile(errs...) {
		return nil, errLockedMeanwhile
	}
	a.damaged(errs...)
	return entries, nil
}

// leftUnread is how a run that named damaged files ends: with exit 1, or
// with nothing to add under --ignore-damaged. It runs after every command
// that succeeded.
func (a *app) leftUnread(*cobra.Command, []string) error {
	if len(a.unread) == 0 || a.ignoreDamaged {
		return nil
	}
	return &unreadError{files: len(a.unread)}
}

// unreadError ends a run that used what it could read and named the rest.
type unreadError struct{ files int }

func (e *unreadError) Error() string {
	left := "is left as it is"
	if e.files > 1 {
		left = "are left as they are"
	}
	return fmt.Sprintf("%s could not be read and %s (named above); everything else was used. --ignore-damaged exits 0 all the same.",
		catalog.Count(e.files, "file"), left)
}
