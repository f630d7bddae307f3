package main

import (
	"errors"
	"fmt"
	"os"

	"filippo.io/age"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
	"github.com/spf13/cobra"
)

// unlockTries is how many times a mistyped passphrase may be typed again,
// as sudo allows: a tired hand slips.
const unlockTries = 3

// unlock opens a locked store for reading, once a run: with the identity
// file AFTERCARE_IDENTITY names, or else the passphrase, asked for on the
// terminal. A store that is not locked, or already open, needs nothing.
func (a *app) unlock(store *profile.Store) error {
	if !store.Locked() || store.Unlocked() {
		return nil
	}
	if err := store.CheckLock(); err != nil {
		return err
	}
	if path := os.Getenv(profile.IdentityEnv); path != "" {
		return unlockWithFile(store, path, profile.IdentityEnv)
	}
	if !store.WantsPassphrase() {
		// A passphrase lock whose key.age went missing looks the same.
		return fmt.Errorf("the data is locked to a key kept in a file of your own: name that file with AFTERCARE_IDENTITY (if it was locked with a passphrase, %s, which holds the key, is missing: put it back from a backup)", store.KeyPath())
	}
	prompt := "Passphrase for aftercare: "
	for try := 1; ; try++ {
		passphrase, err := askPassphrase(prompt, false)
		if errors.Is(err, errNoTerminal) {
			return fmt.Errorf("the data is locked, and %w; run it in a terminal, or name an identity file with AFTERCARE_IDENTITY", err)
		}
		if err != nil {
			return err
		}
		err = quietWhile(func() error { return store.UnlockWithPassphrase(passphrase) })
		if !errors.Is(err, profile.ErrWrongPassphrase) || try == unlockTries {
			return err
		}
		// Said where the passphrase is typed, not on standard error.
		prompt = "That passphrase does not open it. Try again: "
	}
}

// openWithoutAsking opens the data folder, and a locked one with the key
// file AFTERCARE_IDENTITY names, if it names one; it never asks for a
// passphrase, so what is still locked after it stays closed.
func (a *app) openWithoutAsking(cmd *cobra.Command) (*profile.Store, error) {
	store, err := a.openData(cmd)
	if err != nil || !store.Locked() || store.Unlocked() {
		return store, err
	}
	if path := os.Getenv(profile.IdentityEnv); path != "" {
		return store, unlockWithFile(store, path, profile.IdentityEnv)
	}
	return store, nil
}

// unlockWithFile opens the store with the key in an age identity file.
func unlockWithFile(store *profile.Store, path, from string) error {
	ids, err := readIdentities(path)
	if err != nil {
		return fmt.Errorf("%s: %w", from, err)
	}
	err = store.UnlockWithIdentities(ids)
	if errors.Is(err, profile.ErrWrongPassphrase) {
		return fmt.Errorf("%s names %s, which does not hold the key aftercare's data is locked with", from, path)
	}
	return err
}

func newLockCommand(a *app) *cobra.Command {
	var off, change bool
	var identityFile string
	cmd := &cobra.Command{
		Use:   "lock",
		Short: "Encrypt everything saved, so that reading it needs a passphrase",
		Long: `Encrypt every profile and check-in with age (https://age-encryption.org), so
that the files can only be read with a passphrase. It asks for a new
passphrase twice, on the terminal; a good one is four or more words, and it
cannot be recovered if it is lost.

While locked, saving a check-in, plan or follow-up needs no passphrase: it
is sealed to a public key kept beside the data. Reading anything (history,
people, suggestions for saved people, export) asks for the passphrase once
a run, or opens with the identity file AFTERCARE_IDENTITY names.

--identity FILE locks to the key in an age identity file you keep yourself
(as age-keygen writes it) instead of a passphrase. --change changes the
passphrase without writing any record again. --off decrypts everything
back to plain files.

Stopped part way, every file is still readable, and running the same
command again finishes the job.`,
		Example: `  aftercare lock
  aftercare lock --change
  aftercare lock --identity ~/.config/age/key.txt
  aftercare lock --off`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if off && change {
				return usagef("give --off or --change, not both")
			}
			if change && identityFile != "" {
				return usagef("--change changes a passphrase; a key in a file has none")
			}
			store, err := a.openData(cmd)
			if err != nil {
				return err
			}
			switch {
			case off:
				return a.lockOff(store, identityFile)
			case change:
				return a.changePassphrase(store)
			}
			return a.lock(store, identityFile)
		},
	}
	cmd.Flags().BoolVar(&off, "off", false, "decrypt everything back to plain files, after the passphrase")
	cmd.Flags().BoolVar(&change, "change", false, "change the passphrase; no record is written again")
	cmd.Flags().StringVar(&identityFile, "identity", "", "an age identity file to lock to (or, with --off, to unlock with) instead of a passphrase")
	return cmd
}

// lock turns the lock on, or finishes turning it on.
func (a *app) lock(store *profile.Store, identityFile string) error {
	if store.Locked() {
		if identityFile != "" {
			// Run again to finish, it names the same key; another one
			// would be believed locked to, and is not.
			key, err := lockKeyIn(identityFile)
			if err != nil {
				return err
			}
			if same, err := store.LockedTo(key); err != nil || !same {
				return errors.Join(err, fmt.Errorf("aftercare is already locked, to another key than the one in %s, so nothing was changed: to lock it to that key, turn the lock off ('aftercare lock --off') and lock it again", identityFile))
			}
		}
		done, err := lockUntilStopped(store, nil, "")
		if err != nil {
			return err
		}
		a.damaged(done.Left...)
		if done.Changed > 0 {
			fmt.Fprintf(a.stdout, "aftercare was already locked; %s still in plain text %s sealed now.\n", catalog.Count(done.Changed, "record"), were(done.Changed))
		} else {
			fmt.Fprintln(a.stdout, "aftercare is already locked.")
		}
		return nil
	}
	if err := store.MayLock(); err != nil {
		return err
	}
	var key *age.X25519Identity
	passphrase := ""
	if identityFile != "" {
		var err error
		if key, err = lockKeyIn(identityFile); err != nil {
			return err
		}
	} else {
		var err error
		if passphrase, err = askPassphrase("New passphrase for aftercare: ", true); err != nil {
			if errors.Is(err, errNoTerminal) {
				return fmt.Errorf("%w, so nothing was locked; --identity FILE locks to a key without asking", err)
			}
			return err
		}
		if key, err = profile.NewKey(); err != nil {
			return err
		}
	}
	done, err := lockUntilStopped(store, key, passphrase)
	if err != nil {
		return err
	}
	a.damaged(done.Left...)
	fmt.Fprintf(a.stdout, "Locked: %s %s encrypted in %s.\n", catalog.Count(done.Changed, "record"), were(done.Changed), store.Dir())
	fmt.Fprintln(a.stdout, "Saving a check-in needs no passphrase; reading history, people or an export asks for it.")
	if identityFile != "" {
		fmt.Fprintf(a.stdout, "Keep %s safe: without it, nothing saved can be read.\n", identityFile)
	} else {
		fmt.Fprintln(a.stdout, "Keep the passphrase safe: without it, nothing saved can be read.")
	}
	return nil
}

// lockUntilStopped locks the store, or finishes locking it, and ends the
// command at a stop signal: each record is replaced whole, so what was
// sealed stays sealed and the rest is still readable as it was.
func lockUntilStopped(store *profile.Store, key *age.X25519Identity, passphrase string) (done profile.Locking, err error) {
	err = untilStopped("what was encrypted stays encrypted and the rest is still plain text; 'aftercare lock' again finishes the job", func() (err error) {
		done, err = store.Lock(key, passphrase)
		return err
	})
	return done, err
}

// lockKeyIn is the age secret key in an identity file, to lock to.
func lockKeyIn(identityFile string) (*age.X25519Identity, error) {
	ids, err := readIdentities(identityFile)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if x, ok := id.(*age.X25519Identity); ok {
			return x, nil
		}
	}
	return nil, fmt.Errorf("%s holds no age secret key (AGE-SECRET-KEY-1…) to lock to", identityFile)
}

// lockOff decrypts everything back, after the passphrase or the key.
func (a *app) lockOff(store *profile.Store, identityFile string) error {
	if !store.Locked() {
		fmt.Fprintln(a.stdout, "aftercare is not locked: its files are plain text already.")
		return nil
	}
	if err := store.MayUnlock(); err != nil {
		return err
	}
	var err error
	if identityFile != "" {
		err = unlockWithFile(store, identityFile, "--identity")
	} else {
		err = a.unlock(store)
	}
	if err != nil {
		return err
	}
	var done profile.Locking
	err = untilStopped("what was decrypted stays plain text and the rest is still encrypted; 'aftercare lock --off' again finishes the job", func() (err error) {
		done, err = store.Unlock()
		return err
	})
	if errors.Is(err, profile.ErrNotLocked) {
		fmt.Fprintln(a.stdout, "aftercare was unlocked meanwhile, by another run: its files are plain text already.")
		return nil
	}
	if err != nil {
		return err
	}
	a.damaged(done.Left...)
	if len(done.Left) > 0 {
		// Everything else is plain already: saying only "still locked"
		// would hide that from someone who locked to keep it from view.
		fmt.Fprintf(a.stdout, "Not fully unlocked: every record is plain text again but %s, which could not be decrypted. The lock stays on until all of them open: once mended, run 'aftercare lock --off' again.\n",
			catalog.Count(len(done.Left), "record"))
		return nil
	}
	fmt.Fprintf(a.stdout, "Unlocked: %s %s turned back into plain text, in %s.\n", catalog.Count(done.Changed, "record"), were(done.Changed), store.Dir())
	return nil
}

// changePassphrase seals the key with a new passphrase.
func (a *app) changePassphrase(store *profile.Store) error {
	switch {
	case !store.Locked():
		return errors.New("the data is not locked, so it has no passphrase to change; 'aftercare lock' sets one")
	case !store.WantsPassphrase():
		return errors.New("the data is locked to a key kept in a file, so it has no passphrase to change")
	}
	if os.Getenv(profile.IdentityEnv) != "" {
		// The key in that file is not the one the passphrase keeps.
		return errors.New("--change asks for the current passphrase; unset AFTERCARE_IDENTITY first")
	}
	if err := store.MayChangePassphrase(); err != nil {
		return err
	}
	if err := a.unlock(store); err != nil {
		return err
	}
	passphrase, err := askPassphrase("New passphrase for aftercare: ", true)
	if err != nil {
		return err
	}
	if err := store.ChangePassphrase(passphrase); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, "The passphrase is changed. No record was written again.")
	return nil
}

func were(n int) string {
	if n == 1 {
		return "was"
	}
	return "were"
}
