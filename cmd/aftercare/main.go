// Command aftercare is a calm companion for the minutes after sex: a short,
// private check-in for each person, then suggestions of what to do next.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/adrg/xdg"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/growstack"
	"github.com/aftercare-tui/aftercare/plain"
	"github.com/aftercare-tui/aftercare/profile"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Exit codes: 1 for a problem with a file or setting, 2 for a mistake in
// how the command was called.
const (
	exitFailure = 1
	exitUsage   = 2
)

func main() {
	// Every command goes deep (cobra, then the screen or the records): it
	// costs less memory to grow the stack here than on the way down.
	growstack.Grow()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole program but for the process exit, so that tests can
// drive it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	xdg.Reload()
	// Everything but the full screen prints through plain, so that no
	// stored text can act on the terminal; the full screen draws itself.
	term, errTerm := stdout, stderr
	out, errOut := plain.NewWriter(stdout), plain.NewWriter(stderr)
	// Only output cut off in the middle of a character leaves anything
	// to flush, and then nothing is left to tell if it fails.
	defer func() {
		_ = out.Flush()
		_ = errOut.Flush()
	}()
	stdout, stderr = out, errOut
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, term: term, errTerm: errTerm}
	root := newRootCommand(a)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	addCompletion(root)
	if len(args) > 0 && (args[0] == cobra.ShellCompRequestCmd || args[0] == cobra.ShellCompNoDescRequestCmd) {
		// Only a shell asking for completions needs to be told where no
		// file names go: every other run is spared the walk.
		noFileArgs(root)
	}
	cmd, err := root.ExecuteC()
	if err == nil {
		// A command that printed without looking at what the write said
		// still did not do its job if the output went nowhere.
		_ = out.Flush()
		if err = out.Err(); err == nil {
			return 0
		}
	}
	if errors.Is(err, profile.ErrLocked) && a.store != nil && a.store.LockedMeanwhile() {
		// A record sealed since this run found the data open: not
		// damaged, and read in full by running the command again.
		err = errLockedMeanwhile
	}
	var usage *usageError
	var setting *profile.SettingError
	var problems catalog.Errors
	var coded interface{ ExitCode() int }
	switch {
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "aftercare: %s\n", usage.Error())
		fmt.Fprintf(stderr, "Run '%s --help' for usage.\n", cmd.CommandPath())
		return exitUsage
	case errors.As(err, &setting) && setting.FromFlag():
		fmt.Fprintf(stderr, "aftercare: %s\n", setting.Error())
		fmt.Fprintf(stderr, "Run '%s --help' for usage.\n", cmd.CommandPath())
		return exitUsage
	case errors.As(err, &problems):
		fmt.Fprintln(stderr, problems.Error())
		fmt.Fprintf(stderr, "aftercare: %s found; nothing was changed.\n", catalog.Count(len(problems), "problem"))
		return exitFailure
	case errors.As(err, &coded):
		fmt.Fprintf(stderr, "aftercare: %s\n", err)
		return coded.ExitCode()
	default:
		fmt.Fprintf(stderr, "aftercare: %s\n", err)
		return exitFailure
	}
}

// usageError is a mistake in how a command was called: a bad flag, a
// value the catalogue does not know, too many arguments.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// valueKinds say in words what a flag of each type takes.
var valueKinds = map[string]string{
	"bool": "true or false",
	"int":  "a whole number",
}

// plainFlagError says what a flag takes instead of how the value failed
// to parse: "--minutes takes a whole number, not "abc"", and names the
// flag a mistyped one was likely meant to be.
func plainFlagError(cmd *cobra.Command, err error) error {
	var missing *pflag.NotExistError
	if errors.As(err, &missing) && missing.GetSpecifiedShortnames() == "" {
		var known []string
		cmd.Flags().VisitAll(func(f *pflag.Flag) {
			if !f.Hidden {
				known = append(known, f.Name)
			}
		})
		return fmt.Errorf("%w%s", err, catalog.DidYouMeanAfter("--", missing.GetSpecifiedName(), known))
	}
	var invalid *pflag.InvalidValueError
	if !errors.As(err, &invalid) {
		return err
	}
	kind, ok := valueKinds[invalid.GetFlag().Value.Type()]
	if !ok {
		return err
	}
	return fmt.Errorf("--%s takes %s, not %s", invalid.GetFlag().Name, kind, catalog.Quoted(invalid.GetValue()))
}

func usagef(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}
