package main

import (
	"fmt"
	"time"

	"github.com/aftercare-tui/aftercare/profile"
	"github.com/spf13/cobra"
)

// status is what 'aftercare status' says: where the data is and how much of
// it there is, never whose it is.
type status struct {
	DataDir   string `json:"data_dir"`
	Encrypted bool   `json:"encrypted"`
	Profiles  int    `json:"profiles"`
	Checkins  int    `json:"checkins"`
	Plans     int    `json:"plans"`
	Due       int    `json:"due"`
	Unread    int    `json:"unreadable"`
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
			store, err := a.data(cmd)
			if err != nil {
				return err
			}
			st := status{DataDir: store.Dir()}
			if st.Profiles, err = store.ProfileCount(); err != nil {
				return err
			}
			var open []profile.SessionEntry
			err = a.eachCheckin(cmd, func(e profile.SessionEntry) {
				s := e.Session
				switch {
				case s == nil:
					st.Unread++
					return
				case s.Kind == profile.Plan:
					st.Plans++
				case s.Listed():
					st.Checkins++
				}
				if s.FollowUp != nil && s.FollowUp.Done == nil {
					open = append(open, e)
				}
			})
			if err != nil {
				return err
			}
			st.Due = len(profile.Due(open, time.Now()))
			if asJSON {
				return writeJSON(a.stdout, st)
			}
			if st.Profiles+st.Checkins+st.Plans+st.Unread == 0 {
				fmt.Fprintf(a.stdout, "Nothing is saved yet. What is will be kept in %s, as plain files only your account may read.\n", st.DataDir)
				return nil
			}
			fmt.Fprintf(a.stdout, "Your data is in %s: %s, %s and %s.\n", st.DataDir,
				count(st.Profiles, "profile"), count(st.Checkins, "check-in"), count(st.Plans, "plan"))
			fmt.Fprintln(a.stdout, "It is not encrypted: the files are plain text that only your account may read.")
			switch st.Due {
			case 0:
				fmt.Fprintln(a.stdout, "No follow-up is due.")
			case 1:
				fmt.Fprintln(a.stdout, "1 follow-up is due: see 'aftercare due'.")
			default:
				fmt.Fprintf(a.stdout, "%d follow-ups are due: see 'aftercare due'.\n", st.Due)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of text")
	return cmd
}
