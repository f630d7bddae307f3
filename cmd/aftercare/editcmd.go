package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
	"github.com/spf13/cobra"
)

func newProfileEditCommand(a *app) *cobra.Command {
	var sets []string
	cmd := &cobra.Command{
		Use:   "edit NAME",
		Short: "Change a profile in your editor, or with --set",
		Long: `Open a profile in $VISUAL or $EDITOR. When you save and close the editor the
profile is checked; if something is wrong you can edit again, and the saved
profile stays as it was until your edit is valid.

For scripts, --set KEY=VALUE changes one field without an editor. Lists are
comma-separated; an empty value clears a field. Keys: ` + strings.Join(profile.Settable, ", ") + `.`,
		Example: `  aftercare profile edit Sam
  aftercare profile edit Sam --set leaning=space --set needs=quiet=3,hydration`,
		Args:              exactArgs(1, "NAME"),
		ValidArgsFunction: a.completeNames(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := a.data(cmd)
			if err != nil {
				return err
			}
			if len(sets) > 0 {
				return a.setProfile(store, args[0], sets)
			}
			return a.editProfile(store, args[0])
		},
	}
	cmd.Flags().StringArrayVar(&sets, "set", nil, "KEY=VALUE to change without an editor; repeatable")
	return cmd
}

func (a *app) setProfile(store *profile.Store, name string, sets []string) error {
	changes := make([][2]string, 0, len(sets))
	for _, set := range sets {
		key, value, ok := strings.Cut(set, "=")
		if !ok {
			return usagef("--set %s: write KEY=VALUE, like leaning=space", catalog.Quoted(set))
		}
		changes = append(changes, [2]string{strings.TrimSpace(key), value})
	}
	var was string
	p, err := store.UpdateProfile(name, func(p *profile.Profile) error {
		was = p.Name
		for _, c := range changes {
			if err := profile.Set(a.cat, p, c[0], c[1]); err != nil {
				return &usageError{fmt.Errorf("--set %s: %w", c[0], err)}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	a.sayRenamed(was, p.Name)
	return nil
}

// sayRenamed says a profile was saved and, when its name changed, that
// the records saved before keep the name they were saved with: they are
// what was said then, and forgetting that person finds them by it.
func (a *app) sayRenamed(was, name string) {
	fmt.Fprintf(a.stdout, "Saved %s's profile.\n", name)
	if !profile.SameName(was, name) {
		fmt.Fprintf(a.stdout, "Any check-ins saved as %s keep that name; forgetting %s removes them.\n", was, was)
	}
}

// editProfile opens the profile in the person's editor on a private draft,
// and saves it only once it reads as a valid profile. The draft is removed
// however the edit ends: saved, given up, failed or stopped by a signal.
func (a *app) editProfile(store *profile.Store, name string) error {
	// Signals are caught for the whole edit, so that the draft is removed
	// before the process ends; what each means depends on when it comes.
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(signals)
	path, original, err := store.ProfileFile(name)
	if err != nil {
		return err
	}
	was := name
	if p, err := store.CheckProfileFile(path, original); err == nil {
		was = p.Name
	}
	draft, err := store.NewDraft(path, original)
	if err != nil {
		return err
	}
	defer draft.Remove()
	if draft.Private != "" {
		fmt.Fprintf(a.stderr, "The data is locked, so the profile is opened decrypted in a private folder, %s, which is removed when you are done.\n", draft.Private)
	}
	for {
		if err := a.runEditor(draft.Path, signals); err != nil {
			return err
		}
		edited, err := os.ReadFile(draft.Path)
		if err != nil {
			return err
		}
		if bytes.Equal(edited, original) {
			fmt.Fprintln(a.stdout, "No changes.")
			return nil
		}
		p, err := store.CheckProfileFile(draft.Path, edited)
		if err == nil {
			p, err = store.ReplaceProfile(path, original, edited)
		}
		if errors.Is(err, profile.ErrChangedMeanwhile) {
			// The edit is still in the draft: offered again, it is not lost
			// to whoever saved first, and the other change is replaced
			// only when the person says so.
			fmt.Fprintf(a.stderr, "%s changed while you were editing it.\n", path)
			again, err := a.askUnlessStopped("Open your edit again, to save it in place of that change? [y/N] ", false, signals)
			if err != nil {
				return err
			}
			if !again {
				return fmt.Errorf("%s changed while you were editing it, so your edit was not saved; edit it again to start from what it holds now", path)
			}
			if path, original, err = store.ProfileFile(was); err != nil {
				return fmt.Errorf("%w; your edit was not saved", err)
			}
			continue
		}
		if err == nil {
			a.sayRenamed(was, p.Name)
			return nil
		}
		fmt.Fprintln(a.stderr, err)
		again, err := a.askUnlessStopped("Edit again? Your saved profile is unchanged. [Y/n] ", true, signals)
		if err != nil {
			return err
		}
		if !again {
			return errDeclined{}
		}
	}
}

// runEditor opens path in $VISUAL, $EDITOR or vi, on the terminal, and
// waits for it. TERM or HUP is passed on to the editor (a second one ends
// it), and the edit stops once it has closed. Ctrl+c reaches the editor
// too, which decides what it means (vi leaves insert mode), so as git
// does, an interrupt stops the edit only if the editor then fails.
func (a *app) runEditor(path string, signals <-chan os.Signal) error {
	select {
	case sig := <-signals:
		return stopped(sig)
	default:
	}
	editor := strings.Fields(os.Getenv("VISUAL"))
	if len(editor) == 0 {
		editor = strings.Fields(os.Getenv("EDITOR"))
	}
	if len(editor) == 0 {
		editor = []string{"vi"}
	}
	cmd := exec.Command(editor[0], append(editor[1:], path)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("the editor %q did not start: %w", strings.Join(editor, " "), err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var stop, interrupt os.Signal
	for {
		select {
		case sig := <-signals:
			switch {
			case sig == os.Interrupt:
				interrupt = sig
			case stop != nil:
				_ = cmd.Process.Kill()
			default:
				stop = sig
				if cmd.Process.Signal(sig) != nil {
					_ = cmd.Process.Kill()
				}
			}
		case err := <-done:
			var exit *exec.ExitError
			switch {
			case stop != nil:
				return stopped(stop)
			case err != nil && (interrupt != nil || errors.As(err, &exit) && diedOf(exit, os.Interrupt)):
				return stopped(os.Interrupt)
			case err != nil:
				// Said, not wrapped: the editor's own exit code is not
				// one of aftercare's.
				return fmt.Errorf("the editor %q did not finish cleanly: %v; your edit was not saved", strings.Join(editor, " "), err)
			}
			return nil
		}
	}
}

// diedOf says whether a program was ended by the signal.
func diedOf(exit *exec.ExitError, sig os.Signal) bool {
	status, ok := exit.Sys().(syscall.WaitStatus)
	return ok && status.Signaled() && status.Signal() == sig
}

// askUnlessStopped asks as ask does, but a signal while the person thinks
// stops the edit: the answer is no longer waited for.
func (a *app) askUnlessStopped(question string, byDefault bool, signals <-chan os.Signal) (bool, error) {
	type reply struct {
		line string
		err  error
	}
	fmt.Fprint(a.stderr, question)
	replies := make(chan reply, 1)
	go func() {
		line, err := a.readLine()
		replies <- reply{line, err}
	}()
	select {
	case r := <-replies:
		return a.answer(r.line, r.err, byDefault), nil
	case sig := <-signals:
		return false, stopped(sig)
	}
}

// stopped is an edit ended by a signal, once the draft is removed.
func stopped(sig os.Signal) error { return &stoppedError{sig: sig, left: "your edit was not saved"} }
