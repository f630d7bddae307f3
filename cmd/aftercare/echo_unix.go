//go:build unix

package main

import (
	"os"

	"github.com/charmbracelet/x/term"
	"golang.org/x/sys/unix"
)

// echoOff stops the terminal showing what is typed, keeping the rest of
// its modes, and gives back how to put it as it was.
func echoOff(f *os.File) (restore func(), err error) {
	was, err := term.GetState(f.Fd())
	if err != nil {
		return nil, err
	}
	quiet := *was
	quiet.Lflag &^= unix.ECHO
	if err := term.SetState(f.Fd(), &quiet); err != nil {
		return nil, err
	}
	return func() { _ = term.SetState(f.Fd(), was) }, nil
}
