package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/spf13/cobra"
)

// helpTopics are what 'aftercare help TOPIC' explains beside the commands,
// as gh's help topics do.
var helpTopics = []struct{ name, short, text string }{
	{"environment", "Environment variables aftercare reads", `Environment variables aftercare reads. Settings from the environment win
over the settings file; flags win over both ('aftercare config' shows which
won, and names any AFTERCARE_* variable that is not one of these).

  AFTERCARE_DATA_DIR         where profiles and history are kept
  AFTERCARE_CATALOG_DIR      the folder of your own catalogue files
  AFTERCARE_THEME            auto, light or dark
  AFTERCARE_REGION           whose support lines come first: GB, US, ... or anywhere
  AFTERCARE_KEEP_HISTORY     false saves no check-in at all
  AFTERCARE_DEFAULT_MINUTES  minutes suggestions fit in; 0 is no limit, at most 240
  AFTERCARE_ACCESSIBLE       true asks in plain lines, never the full screen
  AFTERCARE_IDENTITY         an age identity file that opens locked data (see
                             'aftercare lock') or an export sealed to its key,
                             instead of asking for a passphrase
  ACCESSIBLE                 any value but 0 or false asks in plain lines, for a
                             screen reader, as programs made with huh do;
                             AFTERCARE_ACCESSIBLE and --accessible win over it
  NO_COLOR                   any value draws the full screen without colour
  TERM                       dumb leaves the screen uncleared between turns in
                             plain lines
  VISUAL, EDITOR             the editor 'aftercare profile edit' opens (else vi)
  XDG_CONFIG_HOME            holds aftercare/config.yaml and aftercare/catalog/
                             (default ~/.config)
  XDG_DATA_HOME              holds aftercare/, the data (default ~/.local/share)
  XDG_RUNTIME_DIR, TMPDIR    where a locked profile is opened for editing
  LC_ALL, LC_MESSAGES, LANG  the country of the locale is the default region
  RUNEWIDTH_EASTASIAN        true counts ambiguous characters as two columns
`},
	{"settings", "The settings file and what each setting does", `The settings file is $XDG_CONFIG_HOME/aftercare/config.yaml (usually
~/.config/aftercare/config.yaml), or the file --config names. It is optional
where it is looked for; aftercare only reads it. Each setting can also come
from its AFTERCARE_* variable (see 'aftercare help environment'); the
environment wins over the file and flags win over both.

  data_dir         where profiles and history are kept (default
                   $XDG_DATA_HOME/aftercare); a full path or one from ~/;
                   also --data-dir
  catalog_dir      the folder of your own catalogue files (default
                   $XDG_CONFIG_HOME/aftercare/catalog, which need not
                   exist; one named here must); also --catalog-dir
  theme            auto, light or dark (default auto: the terminal is asked)
  region           whose support lines come first: a country code such as
                   GB or US, or anywhere (default: the country of the locale)
  keep_history     false saves no check-in at all (default true)
  default_minutes  minutes suggestions fit in; 0 is no limit, at most 240
                   (default 30)
  accessible       true asks in plain lines, never the full screen (default
                   false); also --accessible

For example:

  theme: dark
  region: GB
  default_minutes: 20

A bad value is reported with its file, line and key, and exits 1.
'aftercare config' shows each setting in effect and where it came from.
`},
	{"exit-codes", "What aftercare's exit codes mean", `What aftercare's exit codes mean, for scripts.

  0    all went well; with --ignore-damaged, also when some files could not
       be read (they are still named on standard error)
  1    a problem in a file or setting, reported as path:line:col, with no file
       changed; a record that could not be read was left out; a wrong
       passphrase, or locked data with no terminal to ask on; in plain
       lines, input that ended before the check-in was saved, or a save
       that failed
  2    a usage mistake: an unknown command, flag, value or help topic
  129  the full screen, plain lines or an editor was stopped by a hang-up
  130  ... by an interrupt (ctrl+c from outside the screen, or in plain lines)
  131  ... by a quit signal
  143  ... by TERM; the last line says what was saved and what was not
`},
}

// newHelpCommand is 'aftercare help': for a command, or a topic; anything
// else is a usage mistake, not the root's help again.
func newHelpCommand(root *cobra.Command) *cobra.Command {
	names := make([]string, len(helpTopics))
	for i, t := range helpTopics {
		names[i] = t.name
	}
	short := "Help about any command, or a topic: " + strings.Join(names, ", ")
	return &cobra.Command{
		Use:   "help [COMMAND | TOPIC]",
		Short: short,
		Long:  short + ".",
		Example: `  aftercare help due
  aftercare help settings
  aftercare help environment
  aftercare help exit-codes`,
		ValidArgsFunction: func(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, noFiles
			}
			var out []string
			for _, c := range availableCommands(root) {
				if strings.HasPrefix(c.Name(), toComplete) {
					out = append(out, c.Name()+"\t"+c.Short)
				}
			}
			for _, t := range helpTopics {
				if strings.HasPrefix(t.name, toComplete) {
					out = append(out, t.name+"\t"+t.short)
				}
			}
			return out, noFiles
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return root.Help()
			}
			if i := slices.IndexFunc(helpTopics, func(t struct{ name, short, text string }) bool { return t.name == args[0] }); i >= 0 && len(args) == 1 {
				_, err := fmt.Fprint(cmd.OutOrStdout(), helpTopics[i].text)
				return err
			}
			target, rest, err := root.Find(args)
			if err == nil && target != root && len(rest) > 0 && target.HasSubCommands() {
				return unknownCommand(target, rest[0])
			}
			if err != nil || target == root || len(rest) > 0 {
				hint := ""
				if len(args) == 1 {
					known := slices.Clone(names)
					for _, c := range availableCommands(root) {
						known = append(known, c.Name())
					}
					hint = catalog.DidYouMean(args[0], known)
				}
				return usagef("no command or help topic %s%s; the topics are %s", catalog.Quoted(strings.Join(args, " ")), hint, catalog.JoinAnd(names))
			}
			return target.Help()
		},
	}
}

// availableCommands are the commands help and its completion offer: not
// hidden ones such as man, nor deprecated ones.
func availableCommands(root *cobra.Command) []*cobra.Command {
	return slices.DeleteFunc(slices.Clone(root.Commands()), func(c *cobra.Command) bool { return !c.IsAvailableCommand() })
}
