package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/aftercare-tui/aftercare/profile"
	"github.com/spf13/cobra"
)

func newHistoryCommand(a *app) *cobra.Command {
	var (
		asJSON, stats bool
		person, since string
	)
	cmd := &cobra.Command{
		Use:   "history",
		Short: "Show past check-ins, newest first",
		Example: `  aftercare history
  aftercare history --person Sam --since 30d
  aftercare history --json
  aftercare history --stats`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			store, err := a.data(cmd)
			if err != nil {
				return err
			}
			filter := profile.Filter{Person: person}
			if since != "" {
				if filter.Since, err = profile.ParseSince(since, time.Now()); err != nil {
					return usagef("--since: %v", err)
				}
			}
			entries, err := store.Sessions()
			if err != nil {
				return err
			}
			sessions := []*profile.Session{}
			var kept []profile.SessionEntry
			for _, e := range entries {
				if e.Err != nil {
					fmt.Fprintf(a.stderr, "Left as it is, because it cannot be read: %s\n", firstLine(e.Err))
					continue
				}
				if filter.Keep(e.Session) {
					sessions = append(sessions, e.Session)
					kept = append(kept, e)
				}
			}
			if stats {
				figures := profile.MakeStats(a.cat, kept)
				if person != "" {
					figures = figures.Of(person)
				}
				if asJSON {
					return writeJSON(a.stdout, figures)
				}
				_, err := fmt.Fprint(a.stdout, profile.FormatStats(figures))
				return err
			}
			if asJSON {
				return writeJSON(a.stdout, sessions)
			}
			if len(sessions) == 0 {
				fmt.Fprintln(a.stdout, "No check-ins saved yet.")
				return nil
			}
			for i, s := range sessions {
				if i > 0 {
					fmt.Fprintln(a.stdout)
				}
				fmt.Fprint(a.stdout, profile.FormatSession(a.cat, s))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of text")
	cmd.Flags().BoolVar(&stats, "stats", false, "how check-ins have gone for each person: how they felt, what they needed, what helped")
	cmd.Flags().StringVar(&person, "person", "", "only check-ins with this person")
	cmd.Flags().StringVar(&since, "since", "", "only check-ins since then: 30d, 2w, 12h or a date like 2026-11-01")
	return cmd
}

func newExportCommand(a *app) *cobra.Command {
	var format, output string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write out everything saved: profiles and check-ins",
		Long: `Write out every profile and check-in. json and yaml can be read back with
'aftercare import'; markdown is for reading and csv for spreadsheets.
With -o the file is written readable by you alone.`,
		Example: `  aftercare export -o aftercare-backup.json
  aftercare export --format markdown`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			store, err := a.data(cmd)
			if err != nil {
				return err
			}
			x, err := store.Export()
			if err != nil {
				return err
			}
			data, err := x.Encode(format)
			if err != nil {
				return usagef("--format: %v", err)
			}
			if output == "" || output == "-" {
				_, err = a.stdout.Write(data)
				return err
			}
			if err := profile.WriteFile(output, data); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Exported %s and %s to %s.\n", count(len(x.Profiles), "profile"), count(len(x.Sessions), "check-in"), output)
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "json", "json, yaml, markdown or csv")
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to this file instead of standard output")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(profile.ExportFormats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func newImportCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE",
		Short: "Read back an export (json or yaml): all of it, or nothing",
		Long: `Read back what 'aftercare export' wrote, in json or yaml. Nothing is imported
unless everything can be: a problem in the file, or a profile name or check-in
that already exists, stops the import before anything is written.`,
		Args: exactArgs(1, "FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := a.data(cmd)
			if err != nil {
				return err
			}
			data, err := os.ReadFile(args[0])
			if err != nil {
				return err
			}
			x, err := store.Import(args[0], data)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Imported %s and %s.\n", count(len(x.Profiles), "profile"), count(len(x.Sessions), "check-in"))
			return nil
		},
	}
}

func newForgetCommand(a *app) *cobra.Command {
	var (
		person, session string
		everything, yes bool
	)
	cmd := &cobra.Command{
		Use:   "forget",
		Short: "Remove saved data for good: one person, one check-in, or everything",
		Long: `Remove saved data for good. --person removes a profile, the check-ins that
person had alone, and their part of shared check-ins. --session removes one
check-in. --everything removes every profile and check-in. It asks first;
--yes does not ask.`,
		Example: `  aftercare forget --person Sam
  aftercare forget --session 20261123T221000-a1b2c3
  aftercare forget --everything --yes`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			given := 0
			for _, set := range []bool{person != "", session != "", everything} {
				if set {
					given++
				}
			}
			if given != 1 {
				return usagef("give exactly one of --person, --session or --everything")
			}
			store, err := a.data(cmd)
			if err != nil {
				return err
			}
			var question string
			var forget func() (*profile.Forgotten, error)
			switch {
			case person != "":
				question = fmt.Sprintf("Forget everything saved about %s?", person)
				forget = func() (*profile.Forgotten, error) { return store.ForgetPerson(person) }
			case session != "":
				question = fmt.Sprintf("Forget the check-in %s?", session)
				forget = func() (*profile.Forgotten, error) { return store.ForgetSession(session) }
			default:
				question = "Forget every profile and every check-in?"
				forget = store.ForgetEverything
			}
			if ok, err := a.confirm(yes, question); !ok {
				return err
			}
			f, err := forget()
			if err != nil {
				return err
			}
			a.reportForgotten(f)
			return nil
		},
	}
	cmd.Flags().StringVar(&person, "person", "", "the person to forget")
	cmd.Flags().StringVar(&session, "session", "", "the id of the check-in to forget (see 'aftercare history')")
	cmd.Flags().BoolVar(&everything, "everything", false, "forget every profile and check-in")
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "do not ask")
	return cmd
}

func (a *app) reportForgotten(f *profile.Forgotten) {
	if len(f.Profiles)+len(f.Sessions)+len(f.SessionsChanged) == 0 {
		fmt.Fprintln(a.stdout, "There was nothing saved to forget.")
	}
	for _, line := range []struct {
		what  string
		paths []string
	}{{"Removed", f.Profiles}, {"Removed", f.Sessions}, {"Took them out of", f.SessionsChanged}} {
		for _, p := range line.paths {
			fmt.Fprintf(a.stdout, "%s %s\n", line.what, p)
		}
	}
	for _, p := range f.Unchecked {
		fmt.Fprintf(a.stderr, "Could not check %s, because it cannot be read; it is left as it is.\n", filepath.Base(p))
	}
}
