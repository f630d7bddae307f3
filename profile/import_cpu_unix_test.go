//go:build unix

package profile

import (
	"syscall"
	"time"
)

// cpuTime is the processor time this process has used, which unlike the
// time on the clock does not grow when the machine is busy with others.
func cpuTime() (time.Duration, bool) {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0, false
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano()), true
}
