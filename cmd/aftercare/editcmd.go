package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

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
		Args: exactArgs(1, "NAME"),
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
			return usagef("--set %q: write KEY=VALUE, like leaning=space", set)
		}
		changes = append(changes, [2]string{strings.TrimSpace(key), value})
	}
	p, err := store.UpdateProfile(name, func(p *profile.Profile) error {
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
	fmt.Fprintf(a.stdout, "Saved %s's profile.\n", p.Name)
	return nil
}

// editProfile opens the profile in the person's editor on a private copy,
// and saves it only once it reads as a valid profile.
func (a *app) editProfile(store *profile.Store, name string) error {
	path, original, err := store.ProfileFile(name)
	if err != nil {
		return err
	}
	draft, err := os.CreateTemp(filepath.Dir(path), ".edit-"+filepath.Base(path)+"-*.yaml")
	if err != nil {
		return err
	}
	draftPath := draft.Name()
	_, err = draft.Write(original)
	if closeErr := draft.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		_ = os.Remove(draftPath)
		return err
	}
	for {
		if err := a.runEditor(draftPath); err != nil {
			return fmt.Errorf("%w; your draft is kept in %s", err, draftPath)
		}
		edited, err := os.ReadFile(draftPath)
		if err != nil {
			return err
		}
		if bytes.Equal(edited, original) {
			_ = os.Remove(draftPath)
			fmt.Fprintln(a.stdout, "No changes.")
			return nil
		}
		p, err := store.CheckProfileFile(draftPath, edited)
		if err == nil {
			p, err = store.ReplaceProfile(path, original, edited)
		}
		if errors.Is(err, profile.ErrChangedMeanwhile) {
			return fmt.Errorf("%s changed while you were editing it, so your edit was not saved; it is kept in %s", path, draftPath)
		}
		if err == nil {
			_ = os.Remove(draftPath)
			fmt.Fprintf(a.stdout, "Saved %s's profile.\n", p.Name)
			return nil
		}
		fmt.Fprintln(a.stderr, err)
		if !a.ask("Edit again? Your saved profile is unchanged. [Y/n] ", true) {
			_ = os.Remove(draftPath)
			return errDeclined{}
		}
	}
}

// runEditor opens path in $VISUAL, $EDITOR or vi, on the terminal.
func (a *app) runEditor(path string) error {
	editor := strings.Fields(os.Getenv("VISUAL"))
	if len(editor) == 0 {
		editor = strings.Fields(os.Getenv("EDITOR"))
	}
	if len(editor) == 0 {
		editor = []string{"vi"}
	}
	cmd := exec.Command(editor[0], append(editor[1:], path)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("the editor %q did not finish cleanly: %w", strings.Join(editor, " "), err)
	}
	return nil
}
