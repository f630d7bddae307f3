//go:build linux

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkFirstFrame measures, on a pseudo-terminal of 100x30, the time
// from starting a program to its first frame: a bare Bubble Tea list as
// the yardstick, then aftercare's home screen with histories of 0, 1,000
// 10,000 and 100,000 check-ins. peak-MiB is the most memory the process
// has held (VmHWM) once its History screen shows the whole history and
// its figures, so that reading it is counted.
func BenchmarkFirstFrame(b *testing.B) {
	bare := buildForBench(b, "./testdata/barelist")
	aftercare := buildForBench(b, ".")
	b.Run("bare-list", func(b *testing.B) {
		firstFrames(b, bare, b.TempDir(), "Check in together", "", "", "q")
	})
	for _, n := range []int{0, 1000, 10000, 100000} {
		home := homeWithCheckins(b, n)
		shown := "How it has gone"
		if n == 0 {
			shown = "No check-ins saved yet"
		}
		b.Run(fmt.Sprintf("home-%d-checkins", n), func(b *testing.B) {
			firstFrames(b, aftercare, home, "Check in together", "h", shown, "\x03")
		})
	}
}

// firstFrames starts bin b.N times, timing each until want is on the
// screen; then, untimed, it presses more and waits for shown (when more
// is given), and leaves with quit.
func firstFrames(b *testing.B, bin, home, want, more, shown, quit string) {
	var peak int64
	for range b.N {
		ptm, tty := openPty(b)
		cmd := exec.Command(bin)
		cmd.Env = []string{"HOME=" + home, "TERM=xterm-256color", "LANG=en_GB.UTF-8"}
		cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
		cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
		screen := &bytes.Buffer{}
		b.StartTimer()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		waitOnPty(b, ptm, screen, want)
		b.StopTimer()
		if more != "" {
			ptm.WriteString(more)
			waitOnPty(b, ptm, screen, shown)
		}
		peak = max(peak, highWater(b, cmd.Process.Pid))
		ptm.WriteString(quit)
		// Whatever it draws on the way out is read, or it could wait on a
		// full terminal forever.
		_ = ptm.SetReadDeadline(time.Time{})
		go func() { _, _ = io.Copy(io.Discard, ptm) }()
		if err := cmd.Wait(); err != nil {
			b.Fatalf("%s: %v\n%s", bin, err, screen)
		}
		ptm.Close()
		tty.Close()
	}
	b.ReportMetric(float64(peak)/1024, "peak-MiB")
}

// waitOnPty reads what the program draws until want appears.
func waitOnPty(b *testing.B, ptm *os.File, screen *bytes.Buffer, want string) {
	b.Helper()
	buf := make([]byte, 64<<10)
	if err := ptm.SetReadDeadline(time.Now().Add(ptyWait)); err != nil {
		b.Fatal(err)
	}
	for !strings.Contains(screen.String(), want) {
		n, err := ptm.Read(buf)
		screen.Write(buf[:n])
		if err != nil {
			b.Fatalf("%q never appeared (%v):\n%q", want, err, screen)
		}
	}
}

// highWater is the most memory a running process has held, in KiB.
func highWater(b *testing.B, pid int) int64 {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if kib, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var n int64
			fmt.Sscan(strings.TrimSuffix(strings.TrimSpace(kib), " kB"), &n)
			return n
		}
	}
	b.Fatalf("no VmHWM in /proc/%d/status", pid)
	return 0
}
