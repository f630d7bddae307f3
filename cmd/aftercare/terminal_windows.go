//go:build windows

package main

import (
	"io"
	"os"
)

// openTerminal opens the console, whatever standard input and output are.
func openControllingTerminal() (in, out *os.File, err error) {
	in, err = os.OpenFile("CONIN$", os.O_RDWR, 0)
	if err != nil {
		return nil, nil, err
	}
	out, err = os.OpenFile("CONOUT$", os.O_WRONLY, 0)
	if err != nil {
		in.Close()
		return nil, nil, err
	}
	return in, out, nil
}

// watchHangup does nothing: a console that closes ends its programs.
func watchHangup(io.Reader) (release func()) { return func() {} }
