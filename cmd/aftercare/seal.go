package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"strings"

	"filippo.io/age"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
	"github.com/aftercare-tui/aftercare/seal"
	"github.com/charmbracelet/x/term"
)

// A passphrase is only ever typed at the terminal, never given as an
// argument (which other users can see in the process list) or read from
// standard input (which may be the data itself). Without a terminal to
// ask on, a command that needs one stops and says how else to do it.

// errNoTerminal is a passphrase needed where there is no terminal to ask.
var errNoTerminal = errors.New("there is no terminal here to ask for a passphrase on")

// openTerminal opens the terminal a passphrase is asked on; the program's
// own tests, run in-process, put one of their own in its place.
var openTerminal = openControllingTerminal

// askPassphrase asks for a passphrase on the terminal without showing it;
// twice, to catch a slip, when a new one is chosen.
func askPassphrase(prompt string, choosing bool) (string, error) {
	if choosing {
		if err := sayOnTerminal(seal.GoodPassphrase); err != nil {
			return "", err
		}
	}
	first, err := readSecret(prompt)
	if err != nil {
		return "", err
	}
	if strings.TrimSpace(first) == "" {
		return "", errors.New("no passphrase was typed, so nothing was done")
	}
	if !choosing {
		return first, nil
	}
	again, err := readSecret("The same again: ")
	if err != nil {
		return "", err
	}
	if again != first {
		return "", errors.New("the two passphrases differ, so nothing was done")
	}
	return first, nil
}

// readSecret reads one line on the terminal without showing it. A stop
// signal while it waits puts the terminal back as it was, echo and all,
// and ends the command with a *stoppedError: no command has done anything
// yet when it asks.
func readSecret(prompt string) (string, error) {
	in, out, err := openTerminal()
	if err != nil {
		return "", errNoTerminal
	}
	defer in.Close()
	if out != in {
		defer out.Close()
	}
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, stopSignals...)
	defer signal.Stop(signals)
	fd := in.Fd()
	before, stateErr := term.GetState(fd)
	fmt.Fprint(out, prompt)
	type typed struct {
		secret []byte
		err    error
	}
	read := make(chan typed, 1)
	go func() {
		p, err := term.ReadPassword(fd)
		read <- typed{p, err}
	}()
	select {
	case r := <-read:
		fmt.Fprintln(out)
		if r.err != nil {
			return "", fmt.Errorf("reading the passphrase: %w", r.err)
		}
		return strings.TrimRight(string(r.secret), "\r\n"), nil
	case sig := <-signals:
		if stateErr == nil {
			term.Restore(fd, before)
		}
		fmt.Fprintln(out)
		return "", &stoppedError{sig: sig, left: "nothing was done"}
	}
}

// quietWhile runs check, such as trying a passphrase (a few seconds of
// scrypt), with the terminal's echo off, so that a passphrase typed again
// before the first is turned down is not shown. A stop signal meanwhile
// puts the terminal back and ends the command, as one while asking does:
// checking a passphrase writes nothing.
func quietWhile(check func() error) error {
	in, out, err := openTerminal()
	if err != nil {
		return check()
	}
	defer in.Close()
	if out != in {
		defer out.Close()
	}
	restore, err := echoOff(in)
	if err != nil {
		return check()
	}
	defer restore()
	return untilStopped("nothing was done", check)
}

// untilStopped runs fn, and ends the command at the first stop signal
// meanwhile, saying what was left: fn must leave nothing half done
// wherever it is cut short, as when the process is killed, since it is
// not waited for.
func untilStopped(left string, fn func() error) error {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, stopSignals...)
	defer signal.Stop(signals)
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		return err
	case sig := <-signals:
		return &stoppedError{sig: sig, left: left}
	}
}

// sayOnTerminal writes a line where the passphrase is asked.
func sayOnTerminal(line string) error {
	in, out, err := openTerminal()
	if err != nil {
		return errNoTerminal
	}
	defer in.Close()
	if out != in {
		defer out.Close()
	}
	_, err = fmt.Fprintln(out, line)
	return err
}

// readIdentities reads an age identity file, saying what stops it being
// read in the file's own name.
func readIdentities(path string) ([]age.Identity, error) {
	ids, err := seal.ReadIdentities(path)
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return nil, catalog.PathError(path, err)
	}
	return ids, err
}

// identities are what opens a sealed file: the age identity file named by
// --identity or AFTERCARE_IDENTITY, or else the passphrase it was sealed
// with, asked for on the terminal.
func identities(identityFile string, data []byte, what string) ([]age.Identity, error) {
	if identityFile != "" {
		return readIdentities(identityFile)
	}
	if !seal.WantsPassphrase(data) {
		return nil, fmt.Errorf("%s is sealed to a key, not a passphrase: name the key's file with --identity FILE or AFTERCARE_IDENTITY", what)
	}
	passphrase, err := askPassphrase("Passphrase for "+what+": ", false)
	if errors.Is(err, errNoTerminal) {
		return nil, fmt.Errorf("%s is sealed with a passphrase, and %w; run the command in a terminal, or seal exports to a key and open them with --identity FILE", what, err)
	}
	if err != nil {
		return nil, err
	}
	id, err := seal.WithPassphrase(passphrase)
	if err != nil {
		return nil, err
	}
	return []age.Identity{id}, nil
}

// exportRecipients are who an export is sealed to: a passphrase asked for
// now, before anything is read, or the public keys given; none for a
// plain export.
func exportRecipients(encrypt bool, keys []string) ([]age.Recipient, error) {
	switch {
	case encrypt && len(keys) > 0:
		return nil, usagef("give --encrypt or --recipient, not both: a passphrase seals a file on its own")
	case encrypt:
		passphrase, err := askPassphrase("Passphrase for the export: ", true)
		if errors.Is(err, errNoTerminal) {
			return nil, fmt.Errorf("%w, so nothing was exported; --recipient seals to a key without asking", err)
		}
		if err != nil {
			return nil, err
		}
		r, err := seal.ToPassphrase(passphrase)
		if err != nil {
			return nil, err
		}
		return []age.Recipient{r}, nil
	}
	var out []age.Recipient
	for _, key := range keys {
		r, err := seal.ParseRecipient(key)
		if err != nil {
			return nil, usagef("--recipient: %v", err)
		}
		out = append(out, r)
	}
	return out, nil
}

// unsealImport opens a sealed export, so that it is imported like a plain
// one; nothing is imported when it cannot be opened.
func unsealImport(name string, data []byte, identityFile string) ([]byte, error) {
	ids, err := identities(identityFile, data, "the export")
	if err != nil {
		return nil, fmt.Errorf("%s: nothing was imported: %w", name, err)
	}
	plain, err := seal.Unseal(data, profile.MaxImportBytes, ids...)
	if err != nil {
		return nil, fmt.Errorf("%s: nothing was imported: %w", name, err)
	}
	return plain, nil
}
