package main

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
	"github.com/spf13/cobra"
)

func newProfileCommand(a *app) *cobra.Command {
	return groupCommand("profile", "Keep what each person likes, never wants and usually needs",
		newProfileNewCommand(a),
		newProfileListCommand(a),
		newProfileShowCommand(a),
		newProfileEditCommand(a),
		newProfileDeleteCommand(a),
	)
}

// profileFlags are the fields of a profile as flags, shared by `new` and
// checked against the catalogue before anything is saved.
type profileFlags struct {
	pronouns, leaning, talk, notes string
	likes, never, needs, helps     []string
}

func (f *profileFlags) add(a *app, cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.pronouns, "pronouns", "", "pronouns, such as they/them")
	fl.StringArrayVar(&f.likes, "like", nil, "an activity or tag they like; repeatable")
	fl.StringArrayVar(&f.never, "never", nil, "a tag or activity never to suggest; repeatable")
	fl.StringVar(&f.leaning, "leaning", "", "usually wants closeness, space, or it depends")
	fl.StringVar(&f.talk, "talk", "", "usually wants to talk, be quiet, or it depends")
	fl.StringArrayVar(&f.needs, "need", nil, "a usual need afterwards, NEED or NEED=WEIGHT (1-3); repeatable")
	fl.StringArrayVar(&f.helps, "helps", nil, "what helps in a situation, SITUATION:ACTIVITY; repeatable")
	fl.StringVar(&f.notes, "notes", "", "free notes")
	completeFrom(a, cmd, "like", "tag", "activity")
	completeFrom(a, cmd, "never", "tag", "activity")
	completeFrom(a, cmd, "need", "need")
	_ = cmd.RegisterFlagCompletionFunc("leaning", words(profile.Leanings))
	_ = cmd.RegisterFlagCompletionFunc("talk", words(profile.Talks))
}

// profile builds the profile, reporting the first bad value as a usage
// mistake that names its flag.
func (f *profileFlags) profile(cat *catalog.Catalog, name string) (*profile.Profile, error) {
	p := &profile.Profile{Name: name, Pronouns: f.pronouns, Leaning: f.leaning, Talk: f.talk, Notes: f.notes}
	if err := profile.CheckName(name); err != nil {
		return nil, usagef("%v", err)
	}
	for _, set := range []struct{ key, value string }{{"pronouns", f.pronouns}, {"notes", f.notes}, {"leaning", f.leaning}, {"talk", f.talk}} {
		if err := profile.Set(cat, p, set.key, set.value); err != nil {
			return nil, usagef("--%s: %v", set.key, err)
		}
	}
	for _, group := range []struct {
		flag, field string
		values      []string
	}{{"like", "likes", f.likes}, {"never", "never", f.never}, {"need", "needs", f.needs}, {"helps", "helps", f.helps}} {
		for _, v := range group.values {
			if err := profile.Add(cat, p, group.field, v); err != nil {
				return nil, usagef("--%s: %v", group.flag, err)
			}
		}
	}
	return p, nil
}

func newProfileNewCommand(a *app) *cobra.Command {
	var f profileFlags
	cmd := &cobra.Command{
		Use:   "new NAME",
		Short: "Create a profile",
		// The verbs people reach for first.
		SuggestFor: []string{"create", "add"},
		Long: `Create a profile: what a person likes, never wants, usually leans towards
(closeness or space, talk or quiet) and usually needs afterwards, so that a
check-in with them starts from it. Every value is checked against the
catalogue before anything is saved; 'aftercare catalog list' shows them.`,
		Example: `  aftercare profile new Sam --pronouns they/them --like cuddle --never kissing --leaning closeness --need warmth=3
  aftercare profile new Kai --talk quiet --helps scene:blanket-wrap`,
		Args: exactArgs(1, "NAME"),
		// A new name is the person's own to type.
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := a.data(cmd)
			if err != nil {
				return err
			}
			p, err := f.profile(a.cat, args[0])
			if err != nil {
				return err
			}
			if err := store.CreateProfile(p); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Saved %s's profile.\n", p.Name)
			return nil
		},
	}
	f.add(a, cmd)
	return cmd
}

func newProfileListCommand(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the profiles, and any file that cannot be read",
		Long: `List the saved profiles by name, each with its pronouns, leaning and usual
needs on one line; --json prints them whole. A file that cannot be read is
named on standard error, and the exit is 1 (0 with --ignore-damaged).`,
		Example: `  aftercare profile list
  aftercare profile list --json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			store, err := a.data(cmd)
			if err != nil {
				return err
			}
			entries, err := store.Profiles()
			if err != nil {
				return err
			}
			for _, e := range entries {
				a.damaged(e.Err)
			}
			if asJSON {
				list := make([]any, 0, len(entries))
				for _, e := range entries {
					list = append(list, profileJSON(e))
				}
				return writeJSON(a.stdout, list)
			}
			if len(entries) == 0 {
				fmt.Fprintln(a.stdout, "No profiles yet. Create one with: aftercare profile new NAME")
				return nil
			}
			w := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
			for _, e := range entries {
				if e.Err != nil {
					fmt.Fprintf(w, "%s\tcannot be read, left as it is\n", e.Name())
					continue
				}
				p := e.Profile
				fmt.Fprintf(w, "%s\t%s\n", p.Name, profileSummary(p))
			}
			return w.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of text")
	return cmd
}

// profileJSON is a profile's fields with the file it lives in, or for a
// damaged file its name, path and error.
func profileJSON(e profile.ProfileEntry) map[string]any {
	out := map[string]any{"name": e.Name(), "path": e.Path}
	if e.Err != nil {
		out["error"] = e.Err.Error()
		return out
	}
	data, _ := json.Marshal(e.Profile)
	_ = json.Unmarshal(data, &out)
	return out
}

// profileSummary is a profile on one line: pronouns, leaning, usual needs.
func profileSummary(p *profile.Profile) string {
	var parts []string
	if p.Pronouns != "" {
		parts = append(parts, p.Pronouns)
	}
	switch p.Leaning {
	case "closeness", "space":
		parts = append(parts, "usually wants "+p.Leaning)
	}
	switch p.Talk {
	case "talk":
		parts = append(parts, "likes to talk")
	case "quiet":
		parts = append(parts, "likes quiet")
	}
	if len(p.Needs) > 0 {
		var needs []string
		for _, w := range p.Needs {
			needs = append(needs, w.Need)
		}
		parts = append(parts, "needs "+strings.Join(needs, ", "))
	}
	if len(p.Never) > 0 {
		parts = append(parts, "never "+strings.Join(p.Never, ", "))
	}
	return strings.Join(parts, "; ")
}

func newProfileShowCommand(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show NAME",
		Short: "Show one profile",
		Long: `Show everything saved in one profile. The name matches whatever its case;
--json prints it as a script would want it.`,
		Example: `  aftercare profile show Sam
  aftercare profile show sam --json`,
		Args:              exactArgs(1, "NAME"),
		ValidArgsFunction: a.completeNames(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := a.data(cmd)
			if err != nil {
				return err
			}
			p, err := store.Profile(args[0])
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.stdout, p)
			}
			w := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
			row := func(label, value string) {
				if value != "" {
					fmt.Fprintf(w, "%s\t%s\n", label, value)
				}
			}
			row("name", p.Name)
			row("pronouns", p.Pronouns)
			row("likes", strings.Join(p.Likes, ", "))
			row("never", strings.Join(p.Never, ", "))
			row("leaning", p.Leaning)
			row("talk", p.Talk)
			row("needs", weightsText(p.Needs))
			for _, situation := range a.cat.IDs("situation") {
				row("helps after "+situation, strings.Join(p.Helps[situation], ", "))
			}
			row("notes", strings.ReplaceAll(strings.TrimSpace(p.Notes), "\n", " "))
			return w.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of text")
	return cmd
}

func weightsText(ws catalog.Weights) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.Need + "=" + strconv.Itoa(w.Weight)
	}
	return strings.Join(parts, ", ")
}

func newProfileDeleteCommand(a *app) *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:        "delete NAME",
		Short:      "Delete a profile for good (asks first)",
		SuggestFor: []string{"remove", "rm"},
		Long: `Delete a profile for good, after saying whose it is and asking (--yes does
not ask). The check-ins the person took part in stay; 'aftercare forget
--person' removes them too.`,
		Example: `  aftercare profile delete Sam
  aftercare profile delete Sam --yes`,
		Args:              exactArgs(1, "NAME"),
		ValidArgsFunction: a.completeNames(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := a.data(cmd)
			if err != nil {
				return err
			}
			// The question names the profile found, not the name typed, so
			// that no one deletes a different person by a near spelling.
			path, _, err := store.ProfileFile(args[0])
			if err != nil {
				return err
			}
			name := args[0]
			if p, err := store.Profile(args[0]); err == nil {
				name = p.Name
			}
			ok, err := a.confirm(yes, fmt.Sprintf("Delete %s's profile (%s) for good?", name, path))
			if err != nil || !ok {
				return err
			}
			if path, err = store.DeleteProfile(args[0]); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Deleted %s's profile (%s).\n", name, path)
			return nil
		},
	}
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "do not ask")
	return cmd
}
