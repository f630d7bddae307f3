//go:build !windows

package main

import "os"

// openTerminal opens the controlling terminal, whatever standard input and
// output are.
func openControllingTerminal() (in, out *os.File, err error) {
	f, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	return f, f, err
}
