//go:build !windows

package main

import (
	"errors"
	"io"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// openTerminal opens the controlling terminal, whatever standard input and
// output are.
func openControllingTerminal() (in, out *os.File, err error) {
	f, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	return f, f, err
}

// hangupEvery is how often the terminal is looked at for a hang-up.
const hangupEvery = 500 * time.Millisecond

// watchHangup sends the process a HUP when the terminal in hangs up
// without one: a shell that ignores HUP (nohup, or trap "" HUP) passes none
// on when the window closes, and the program would wait for keys that can
// no longer come. release stops watching.
func watchHangup(in io.Reader) (release func()) {
	f, ok := in.(*os.File)
	if !ok {
		return func() {}
	}
	// Fd would make the file blocking, under the reader of the screen.
	conn, err := f.SyscallConn()
	if err != nil {
		return func() {}
	}
	var fd int32
	if err := conn.Control(func(d uintptr) { fd = int32(d) }); err != nil {
		return func() {}
	}
	done := make(chan struct{})
	go func() {
		fds := []unix.PollFd{{Fd: fd}}
		for {
			select {
			case <-done:
				return
			default:
			}
			n, err := unix.Poll(fds, int(hangupEvery/time.Millisecond))
			switch {
			case errors.Is(err, unix.EINTR), err == nil && n == 0:
				continue
			case err != nil, fds[0].Revents&unix.POLLNVAL != 0:
				// Nothing that can be watched.
				return
			}
			// Asked about nothing, poll says only that the terminal hung
			// up or failed.
			select {
			case <-done:
				// The screen has closed: the HUP it listened for would
				// now end the process.
			default:
				_ = unix.Kill(os.Getpid(), unix.SIGHUP)
			}
			return
		}
	}()
	return func() { close(done) }
}
