package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/aftercare-tui/aftercare/profile"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// A shell completes what a person would type: saved names, check-in ids
// with when and who, and the words a flag takes; never file names where a
// name is asked for, and file names only where a file is. Completing never
// asks for a passphrase: locked data offers names and ids only when
// AFTERCARE_IDENTITY opens it.

const noFiles = cobra.ShellCompDirectiveNoFileComp

// completionStore is the data folder for completing, or nil when it cannot
// be read without asking for anything.
func (a *app) completionStore(cmd *cobra.Command) *profile.Store {
	store, err := a.openWithoutAsking(cmd)
	if err != nil || store.Locked() && !store.Unlocked() {
		return nil
	}
	return store
}

// savedNames are the names of the saved profiles that start with prefix
// (in any case), leaving out those in taken.
func (a *app) savedNames(cmd *cobra.Command, prefix string, taken []string) []string {
	store := a.completionStore(cmd)
	if store == nil {
		return nil
	}
	entries, err := store.Profiles()
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if e.Profile == nil || !hasPrefixFold(name, prefix) || slices.ContainsFunc(taken, func(t string) bool { return profile.SameName(t, name) }) {
			continue
		}
		out = append(out, name)
	}
	return out
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// completeNames completes arguments that are names, each offered once.
func (a *app) completeNames(most int) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if most > 0 && len(args) >= most {
			return nil, noFiles
		}
		return a.savedNames(cmd, toComplete, args), noFiles
	}
}

// completePerson completes a flag that names one person.
func (a *app) completePerson(cmd *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	return a.savedNames(cmd, toComplete, nil), noFiles
}

// completeNameList completes a comma-separated list of names (--for):
// the names so far stay, and the last is completed.
func (a *app) completeNameList(cmd *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	done, last := "", toComplete
	if i := strings.LastIndex(toComplete, ","); i >= 0 {
		done, last = toComplete[:i+1], toComplete[i+1:]
	}
	names := a.savedNames(cmd, last, strings.Split(done, ","))
	for i, name := range names {
		names[i] = done + name
	}
	return names, noFiles
}

// completeNamed completes NAME:VALUE flags (--need Sam:cl): before the
// colon, the saved names with a colon after; after it, the values.
func (a *app) completeNamed(values func(cmd *cobra.Command) []string) cobra.CompletionFunc {
	return func(cmd *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if name, value, ok := strings.Cut(toComplete, ":"); ok {
			var out []string
			for _, v := range values(cmd) {
				if strings.HasPrefix(v, value) {
					out = append(out, name+":"+v)
				}
			}
			return out, noFiles
		}
		out := slices.DeleteFunc(values(cmd), func(v string) bool { return !strings.HasPrefix(v, toComplete) })
		for _, name := range a.savedNames(cmd, toComplete, nil) {
			out = append(out, name+":")
		}
		return out, noFiles | cobra.ShellCompDirectiveNoSpace
	}
}

// completeSessions completes check-in ids, each described by when it was
// and who was there, newest first; followUps keeps those still waiting on
// a follow-up.
func (a *app) completeSessions(followUps bool) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		store := a.completionStore(cmd)
		if store == nil || len(args) > 0 {
			return nil, noFiles
		}
		history, err := store.Summaries()
		if err != nil {
			return nil, noFiles
		}
		var out []string
		for _, e := range history {
			s := e.Session
			switch {
			case s == nil, !strings.HasPrefix(s.ID, toComplete):
			case followUps && (s.Kind == profile.Plan || s.FollowUp == nil || s.FollowUp.Done != nil):
			default:
				// Whose a private follow-up is stays unsaid here too, as
				// in due and on home: a shell may be shared.
				who := strings.Join(s.People, ", ")
				if s.Kind == profile.PrivateFollowUp {
					who = "a follow-up asked for privately"
				}
				out = append(out, fmt.Sprintf("%s\t%s, %s", s.ID, s.Started.Local().Format("Mon 2 Jan 2006 15:04"), who))
			}
		}
		return out, noFiles
	}
}

// fileFlags are the flags whose values are files, and folderFlags those
// whose values are folders.
var (
	fileFlags   = []string{"config", "request", "output", "identity"}
	folderFlags = []string{"catalog-dir", "data-dir"}
)

// takesFiles are the commands whose arguments are files.
var takesFiles = []string{"aftercare import", "aftercare catalog validate"}

// noFileArgs keeps a shell from offering file names as the arguments of
// every command under cmd that takes none, or takes words it completes
// itself.
func noFileArgs(cmd *cobra.Command) {
	if cmd.ValidArgsFunction == nil && len(cmd.ValidArgs) == 0 && !slices.Contains(takesFiles, cmd.CommandPath()) {
		cmd.ValidArgsFunction = cobra.NoFileCompletions
	}
	// A flag's value is a file only where it says so: numbers, dates and
	// words are never completed with the names of files.
	cmd.LocalFlags().VisitAll(func(f *pflag.Flag) {
		if _, ok := cmd.GetFlagCompletionFunc(f.Name); ok || f.Value.Type() == "bool" || slices.Contains(fileFlags, f.Name) {
			return
		}
		if slices.Contains(folderFlags, f.Name) {
			_ = cmd.RegisterFlagCompletionFunc(f.Name, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
				return nil, cobra.ShellCompDirectiveFilterDirs
			})
			return
		}
		_ = cmd.RegisterFlagCompletionFunc(f.Name, cobra.NoFileCompletions)
	})
	for _, sub := range cmd.Commands() {
		noFileArgs(sub)
	}
}

// words completes a flag from a fixed list of words.
func words(list []string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		return slices.DeleteFunc(slices.Clone(list), func(w string) bool { return !strings.HasPrefix(w, toComplete) }), noFiles
	}
}
