package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
	"github.com/aftercare-tui/aftercare/tui"
	"github.com/spf13/cobra"
)

// version, commit and date are set by a release build:
// -ldflags "-X main.version=0.1.0 -X main.commit=abc1234 -X main.date=2026-11-30T12:00:00Z".
var version, commit, date string

// versionString says which aftercare this is, for --version: the
// release's own words where it set them, else what the Go toolchain
// recorded when it built the program.
func versionString() string {
	info, _ := debug.ReadBuildInfo()
	return formatVersion(version, commit, date, info)
}

// formatVersion writes "v0.1.0 (commit abc1234, built 2026-11-30)". The
// version falls back to the module's (set by go install …@v0.1.0), the
// commit and date to the revision and time of the checkout go build was
// run in, and the version to "dev" when nothing says; what is not known
// is left out.
func formatVersion(version, commit, date string, info *debug.BuildInfo) string {
	if info != nil {
		if version == "" && info.Main.Version != "(devel)" {
			version = info.Main.Version
		}
		for _, s := range info.Settings {
			switch {
			case s.Key == "vcs.revision" && commit == "":
				commit = s.Value
			case s.Key == "vcs.time" && date == "":
				date = s.Value
			}
		}
	}
	if version == "" {
		version = "dev"
	} else if version[0] >= '0' && version[0] <= '9' {
		// A release names its version without the v a tag and Go give it.
		version = "v" + version
	}
	var about []string
	if commit != "" {
		about = append(about, "commit "+commit[:min(len(commit), 7)])
	}
	if date != "" {
		if t, err := time.Parse(time.RFC3339, date); err == nil {
			date = t.UTC().Format(time.DateOnly)
		}
		about = append(about, "built "+date)
	}
	if len(about) == 0 {
		return version
	}
	return version + " (" + strings.Join(about, ", ") + ")"
}

// app is what every command shares: where to talk, and the settings and
// catalogue, loaded once on first use.
type app struct {
	stdin          io.Reader
	in             *bufio.Reader // stdin, read a line at a time by ask
	stdout, stderr io.Writer
	term           io.Writer // stdout as it is, for the full screen alone
	errTerm        io.Writer // stderr as it is, to tell whether someone watches it
	configFile     string
	ignoreDamaged  bool     // --ignore-damaged
	unread         []string // the records named as damaged, as named
	// unreadProfiles are the profiles readableProfiles found damaged.
	unreadProfiles []profile.ProfileEntry

	cfg   *profile.Config
	cat   *catalog.Catalog
	store *profile.Store
}

func (a *app) config(cmd *cobra.Command) (*profile.Config, error) {
	if a.cfg == nil {
		// The settings file is optional where it is looked for, but one
		// named on purpose must be there.
		if f := cmd.Flag("config"); f != nil && f.Changed {
			if a.configFile == "" {
				return nil, usagef("--config needs the path of a settings file")
			}
			if _, err := os.Stat(a.configFile); catalog.Absent(err) {
				return nil, fmt.Errorf("--config: %s does not exist", a.configFile)
			}
		}
		if a.configFile == "" {
			a.configFile = profile.ConfigFile()
		}
		cfg, err := profile.LoadConfig(a.configFile, cmd.Flags())
		if err != nil {
			return nil, err
		}
		a.cfg = cfg
	}
	return a.cfg, nil
}

// catalog loads the built-in catalogue with the person's own files on top.
func (a *app) catalog(cmd *cobra.Command) (*catalog.Catalog, error) {
	if a.cat == nil {
		cfg, err := a.config(cmd)
		if err != nil {
			return nil, err
		}
		if err := cfg.CheckCatalogDir(); err != nil {
			return nil, err
		}
		cat, err := catalog.Load(cfg.CatalogDir)
		if err != nil {
			return nil, err
		}
		a.cat = cat
	}
	return a.cat, nil
}

// data opens the data folder to read from: a locked one is unlocked first
// (see unlock). Nothing is created there until something is saved.
func (a *app) data(cmd *cobra.Command) (*profile.Store, error) {
	store, err := a.openData(cmd)
	if err != nil {
		return nil, err
	}
	return store, a.unlock(store)
}

// openData opens the data folder without unlocking it, for what only
// saves or counts.
func (a *app) openData(cmd *cobra.Command) (*profile.Store, error) {
	if a.store == nil {
		cat, err := a.catalog(cmd)
		if err != nil {
			return nil, err
		}
		store := profile.Open(a.cfg.DataDir, cat, a.cfg.KeepHistory)
		if err := store.Sweep(); err != nil {
			return nil, err
		}
		a.store = store
	}
	return a.store, nil
}

func newRootCommand(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "aftercare",
		Short: "A calm check-in for after sex, and ideas for what to do next",
		Long: `aftercare helps partners, or one person alone, check in with each other after
sex and find something kind to do next. Everything stays on this machine.`,
		Example: `  aftercare
  aftercare checkin Sam Alex
  aftercare --accessible
  aftercare help environment`,
		Version:       versionString(),
		Args:          noArgs,
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runTUI(cmd, tui.Start{})
		},
		// Every command that succeeded, but left a damaged file unread,
		// ends here with exit 1.
		PersistentPostRunE: a.leftUnread,
	}
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return &usageError{plainFlagError(cmd, err)} })
	flags := root.PersistentFlags()
	// The default is said, not shown: help and the man page name no
	// one's home folder.
	flags.StringVar(&a.configFile, "config", "", "settings file to read (default $XDG_CONFIG_HOME/aftercare/config.yaml)")
	flags.String("catalog-dir", "", "folder of your own catalogue files (default $XDG_CONFIG_HOME/aftercare/catalog)")
	flags.String("data-dir", "", "folder where profiles and history are kept (default $XDG_DATA_HOME/aftercare)")
	flags.Bool("accessible", false, "ask one question a line at a time, in plain lines a screen reader says once, instead of the full screen")
	flags.BoolVar(&a.ignoreDamaged, "ignore-damaged", false, "exit 0 when a file cannot be read; it is still named, and everything else is used")
	root.AddCommand(
		newCheckinCommand(a),
		newPlanCommand(a),
		newFollowupCommand(a),
		newDueCommand(a),
		newStatusCommand(a),
		newLockCommand(a),
		newSuggestCommand(a),
		newSupportCommand(a),
		newProfileCommand(a),
		newHistoryCommand(a),
		newExportCommand(a),
		newImportCommand(a),
		newForgetCommand(a),
		newCatalogCommand(a),
		newConfigCommand(a),
	)
	root.AddCommand(newManCommand(a, root))
	root.SetHelpCommand(newHelpCommand(root))
	return root
}

// addCompletion adds cobra's completion command, once root writes where
// it should (its scripts go where root's output went when it was made),
// and makes a shell it does not know a usage mistake rather than help.
func addCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Args = noArgs
		c.RunE = func(cmd *cobra.Command, _ []string) error { return cmd.Help() }
		for _, shell := range c.Commands() {
			shell.Example = completionExamples[shell.Name()]
		}
		c.Example = firstExamples(c.Commands())
	}
}

// completionExamples load each shell's completion now, and for every new
// shell.
var completionExamples = map[string]string{
	"bash": `  source <(aftercare completion bash)
  aftercare completion bash > ~/.local/share/bash-completion/completions/aftercare`,
	"zsh": `  source <(aftercare completion zsh)
  aftercare completion zsh > "${fpath[1]}/_aftercare"`,
	"fish": `  aftercare completion fish | source
  aftercare completion fish > ~/.config/fish/completions/aftercare.fish`,
	"powershell": `  aftercare completion powershell | Out-String | Invoke-Expression`,
}

// noArgs rejects arguments, naming the likely mistyped command.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if cmd.HasSubCommands() {
		return unknownCommand(cmd, args[0])
	}
	return usagef("%q takes no arguments, but got %s", cmd.CommandPath(), catalog.Quoted(args[0]))
}

// unknownCommand says that cmd has no subcommand typed, and which it was
// likely meant to be.
func unknownCommand(cmd *cobra.Command, typed string) error {
	// Cobra sets this default only on the path it no longer takes.
	if cmd.SuggestionsMinimumDistance <= 0 {
		cmd.SuggestionsMinimumDistance = 2
	}
	hint := ""
	if near := nearest(cmd.SuggestionsFor(typed), typed); len(near) > 0 {
		for i, n := range near {
			near[i] = catalog.Quoted(n)
		}
		hint = " (did you mean " + catalog.JoinOr(near) + "?)"
	}
	return usagef("unknown command %s for %q%s", catalog.Quoted(typed), cmd.CommandPath(), hint)
}

// nearest keeps, of cobra's suggestions, the names that start with what
// was typed when there are any: "sup" is more likely support than due.
func nearest(names []string, typed string) []string {
	var starts []string
	for _, n := range names {
		if strings.HasPrefix(n, strings.ToLower(typed)) {
			starts = append(starts, n)
		}
	}
	if len(starts) > 0 {
		return starts
	}
	return names
}

// groupCommand is a command that only holds others: alone it shows its
// help, with a mistyped subcommand it says so.
func groupCommand(use, short string, subs ...*cobra.Command) *cobra.Command {
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Long:  short + ".",
		Args:  noArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(subs...)
	cmd.Example = firstExamples(subs)
	return cmd
}

// firstExamples are the first example of each command, so that a group's
// help shows one way to use each of its commands.
func firstExamples(cmds []*cobra.Command) string {
	var lines []string
	for _, c := range cmds {
		if first, _, _ := strings.Cut(c.Example, "\n"); first != "" {
			lines = append(lines, first)
		}
	}
	return strings.Join(lines, "\n")
}
