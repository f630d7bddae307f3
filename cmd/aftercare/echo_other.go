//go:build !unix

package main

import (
	"errors"
	"os"
)

// echoOff is left to the console elsewhere: Windows shows nothing typed
// ahead until a program reads it.
func echoOff(*os.File) (func(), error) {
	return nil, errors.New("echo is left to the console here")
}
