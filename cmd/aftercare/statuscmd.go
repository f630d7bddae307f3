package main

import (
	"fmt"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
	"github.com/spf13/cobra"
)

// status is what 'aftercare status' says: where the data is and how much of
// it there is, never whose it is.
type status struct {
	DataDir   string `json:"data_dir"`
	Encrypted bool   `json:"encrypted"`
	Profiles  int    `json:"profiles"`
	// Records counts every session file; check-ins and plans are told
	// apart only when they can be read, and are null while locked.
	Records  int  `json:"records"`
	Checkins *int `json:"checkins"`
	Plans    *int `json:"plans"`
	Due      int  `json:"due"`
	Unread   int  `json:"unreadable"`
	// StillPlain counts the records a lock cut short left in plain text,
	// which 'aftercare lock' seals; 0 when the data is not locked.
	StillPlain int `json:"still_plain"`
}

func newStatusCommand(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Say where your data is, how much is kept, and whether a follow-up is due",
		Long: `Say where your data is, how many profiles, check-ins and plans it holds,
whether it is encrypted, and how many follow-ups are due. It names no one,
so it is safe to run where others can see. A file that cannot be read is
counted and named on standard error, and the exit is 1 (0 with
--ignore-damaged).`,
		Example: `  aftercare status
  aftercare status --json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := a.configSaid(cmd); err != nil {
				return err
			}
			store, err := a.openWithoutAsking(cmd)
			if err != nil {
				return err
			}
			st := status{DataDir: store.Dir(), Encrypted: store.Locked()}
			if st.Profiles, err = store.ProfileCount(); err != nil {
				return err
			}
			if st.Records, err = store.RecordCount(); err != nil {
				return err
			}
			if st.Encrypted {
				if st.StillPlain, err = store.PlainRecords(); err != nil {
					return err
				}
			}
			if store.Locked() && !store.Unlocked() {
				st.Due = len(store.DueWhileLocked(time.Now()))
			} else if err := a.countReadable(cmd, &st); err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.stdout, st)
			}
			opens := "the passphrase"
			if st.Encrypted && !store.WantsPassphrase() {
				opens = "the key it was locked to (--identity FILE or AFTERCARE_IDENTITY)"
			}
			a.printStatus(st, opens)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of text")
	return cmd
}

// countReadable counts what can be told apart once the data can be read:
// the check-ins, plans and open follow-ups, and the profiles and records
// that cannot be read, each named.
func (a *app) countReadable(cmd *cobra.Command, st *status) error {
	if _, err := a.readableProfiles(cmd); err != nil {
		return err
	}
	st.Unread += len(a.unreadProfiles)
	return a.countCheckins(cmd, st)
}

// countCheckins tells the check-ins, plans, open follow-ups and damaged
// files apart, from the index.
func (a *app) countCheckins(cmd *cobra.Command, st *status) error {
	var checkins, plans int
	var open []profile.SessionEntry
	err := a.eachCheckin(cmd, func(e profile.SessionEntry) {
		s := e.Session
		switch {
		case s == nil:
			st.Unread++
			return
		case s.Kind == profile.Plan:
			plans++
		case s.Listed():
			checkins++
		}
		if s.FollowUp != nil && s.FollowUp.Done == nil {
			open = append(open, e)
		}
	})
	st.Checkins, st.Plans = &checkins, &plans
	st.Due = len(profile.Due(open, time.Now()))
	return err
}

// printStatus says st in words; opens is what reading locked data asks
// for.
func (a *app) printStatus(st status, opens string) {
	if st.Profiles+st.Records == 0 {
		if st.Encrypted {
			fmt.Fprintf(a.stdout, "Nothing is saved yet. What is will be kept in %s, encrypted: reading it will ask for %s.\n", st.DataDir, opens)
		} else {
			fmt.Fprintf(a.stdout, "Nothing is saved yet. What is will be kept in %s, as plain files only your account may read.\n", st.DataDir)
		}
		return
	}
	if st.Checkins == nil {
		fmt.Fprintf(a.stdout, "Your data is in %s: %s and %s (check-ins, plans and follow-ups).\n", st.DataDir,
			catalog.Count(st.Profiles, "profile"), catalog.Count(st.Records, "saved record"))
	} else {
		fmt.Fprintf(a.stdout, "Your data is in %s: %s, %s and %s.\n", st.DataDir,
			catalog.Count(st.Profiles, "profile"), catalog.Count(*st.Checkins, "check-in"), catalog.Count(*st.Plans, "plan"))
	}
	switch {
	case st.StillPlain > 0:
		// Either way the store is still locked; from the files alone it
		// cannot be told which way it was going.
		what := fmt.Sprintf("%d records are", st.StillPlain)
		if st.StillPlain == 1 {
			what = "1 record is"
		}
		fmt.Fprintf(a.stdout, "It is locked, but %s still in plain text: 'aftercare lock' or 'aftercare lock --off' was stopped part way. Running 'aftercare lock' again finishes encrypting what is left ('aftercare lock --off' decrypts the rest).\n", what)
	case st.Encrypted:
		fmt.Fprintf(a.stdout, "It is locked: every file is encrypted, and reading one asks for %s ('aftercare lock --off' decrypts them).\n", opens)
	default:
		fmt.Fprintln(a.stdout, "It is not encrypted: the files are plain text that only your account may read ('aftercare lock' encrypts them).")
	}
	switch st.Due {
	case 0:
		fmt.Fprintln(a.stdout, "No follow-up is due.")
	case 1:
		fmt.Fprintln(a.stdout, "1 follow-up is due: see 'aftercare due'.")
	default:
		fmt.Fprintf(a.stdout, "%d follow-ups are due: see 'aftercare due'.\n", st.Due)
	}
}
