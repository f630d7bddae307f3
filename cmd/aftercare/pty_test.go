//go:build linux

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/sys/unix"
)

// The size of the terminal aftercare runs on in these tests.
const ptyWidth, ptyHeight = 100, 30

// ptyWait is how long a test waits for what it expects from the program:
// long, since the built program tries a passphrase with age's own work, a
// second on an idle machine and several on a busy one, and a run may try
// three in turn. Only a test that fails waits it out.
const ptyWait = time.Minute

// openPty opens a pseudo-terminal: tty is the side a program runs on, ptm
// the side a terminal emulator would read and type into.
func openPty(t testing.TB) (ptm, tty *os.File) {
	t.Helper()
	ptm, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	t.Cleanup(func() { ptm.Close() })
	// Not ptm.Fd(), which would make it blocking: a read under way could
	// then keep it open past Close, and the terminal would never hang up.
	conn, err := ptm.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	var n uint32
	err = conn.Control(func(fd uintptr) {
		if err = unix.IoctlSetPointerInt(int(fd), unix.TIOCSPTLCK, 0); err == nil {
			n, err = unix.IoctlGetUint32(int(fd), unix.TIOCGPTN)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	tty, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tty.Close() })
	if err := unix.IoctlSetWinsize(int(tty.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: ptyHeight, Col: ptyWidth}); err != nil {
		t.Fatal(err)
	}
	return ptm, tty
}

// modes are the terminal's settings, all that stty -g shows.
func modes(t *testing.T, tty *os.File) unix.Termios {
	t.Helper()
	termios, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	return *termios
}

// buildAftercare builds the program for a test to run. Call it before the
// test moves HOME, where the build cache is.
func buildAftercare(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build aftercare with")
	}
	bin := filepath.Join(t.TempDir(), "aftercare")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// onPty is aftercare running on a pseudo-terminal.
type onPty struct {
	t      *testing.T
	cmd    *exec.Cmd
	ptm    *os.File
	tty    *os.File
	stderr bytes.Buffer
	exited chan struct{}
	// before are the terminal's settings before the program started: read
	// any later, they could already be the program's own.
	before unix.Termios

	mu     sync.Mutex
	output []byte        // everything written to the terminal so far
	read   chan struct{} // closed once all of it is read
}

// startOnPty runs the aftercare program bin with args on a new
// pseudo-terminal, as its controlling terminal.
func startOnPty(t *testing.T, bin string, args ...string) *onPty {
	t.Helper()
	ptm, tty := openPty(t)
	p := &onPty{t: t, ptm: ptm, tty: tty, exited: make(chan struct{}), read: make(chan struct{}), before: modes(t, tty)}
	p.cmd = exec.Command(bin, args...)
	p.cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	p.cmd.Stdin, p.cmd.Stdout, p.cmd.Stderr = tty, tty, &p.stderr
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(p.read)
		buf := make([]byte, 32<<10)
		for {
			n, err := ptm.Read(buf)
			p.mu.Lock()
			p.output = append(p.output, buf[:n]...)
			p.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	go func() {
		_ = p.cmd.Wait()
		close(p.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-p.exited:
		default:
			_ = p.cmd.Process.Kill()
			<-p.exited
		}
	})
	return p
}

// waitFor waits until the terminal shows text on one of its lines.
func (p *onPty) waitFor(text string) {
	p.t.Helper()
	for deadline := time.Now().Add(ptyWait); ; time.Sleep(5 * time.Millisecond) {
		p.mu.Lock()
		screen := screenOf(p.output)
		p.mu.Unlock()
		for _, line := range screen {
			if strings.Contains(strings.Join(strings.Fields(line), " "), text) {
				return
			}
		}
		select {
		case <-p.exited:
			p.t.Fatalf("aftercare ended before showing %q; stderr: %s", text, p.stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("waited %s for %q; the terminal shows:\n%s", ptyWait, text, strings.Join(screen, "\n"))
		}
	}
}

// press types keys on the terminal and waits for text to show.
func (p *onPty) press(keys, then string) {
	p.t.Helper()
	if _, err := p.ptm.WriteString(keys); err != nil {
		p.t.Fatal(err)
	}
	p.waitFor(then)
}

// end waits for the program to exit and returns its exit code, the
// terminal's settings as it left them and all it wrote to the terminal.
func (p *onPty) end() (code int, left unix.Termios, output []byte) {
	p.t.Helper()
	select {
	case <-p.exited:
	case <-time.After(ptyWait):
		p.t.Fatalf("aftercare did not end within %s; stderr: %s", ptyWait, p.stderr.String())
	}
	left = modes(p.t, p.tty)
	// With the program gone and this side closed, reading ends once all
	// it wrote is read.
	p.tty.Close()
	select {
	case <-p.read:
	case <-time.After(ptyWait):
		p.t.Fatal("the terminal's output never ended")
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cmd.ProcessState.ExitCode(), left, p.output
}

// privateModes are the terminal modes (DEC private modes) the program
// left each one in: set (h) or reset (l), by number.
func privateModes(out []byte) map[string]string {
	last := map[string]string{}
	for _, m := range regexp.MustCompile(`\x1b\[\?([0-9;]+)([hl])`).FindAllSubmatch(out, -1) {
		for n := range strings.SplitSeq(string(m[1]), ";") {
			last[n] = string(m[2])
		}
	}
	return last
}

// checkRestored fails unless the terminal is as it was before the program
// ran: the same settings (cooked, echoing), and of the modes the program
// changed, the cursor shown, the main screen back and every other mode off.
func checkRestored(t *testing.T, before, after unix.Termios, output []byte) {
	t.Helper()
	if !reflect.DeepEqual(before, after) {
		t.Errorf("the terminal's settings changed:\nbefore %+v\nafter  %+v", before, after)
	}
	modes := privateModes(output)
	if _, ok := modes["1049"]; !ok {
		t.Error("the program never opened the alternate screen")
	}
	for mode, state := range modes {
		want := "l"
		if mode == "25" {
			want = "h" // the cursor shown
		}
		if state != want {
			t.Errorf("private mode %s was left %q, want %q", mode, state, want)
		}
	}
}

// screenOf plays what a program wrote to the terminal and returns the
// screen it drew, a line a row, as a terminal would show it. The renderer
// writes only what changed between frames, so the output itself cannot be
// searched for text. It follows the sequences the renderer uses to place
// text; colours and modes make no difference to the text and are passed
// over.
func screenOf(out []byte) []string {
	var s terminal
	s.clear(0, ptyWidth*ptyHeight)
	s.bottom = ptyHeight - 1
	parser := ansi.NewParser()
	var state byte
	for len(out) > 0 {
		seq, width, n, next := ansi.DecodeSequence(out, state, parser)
		state, out = next, out[n:]
		switch {
		case width > 0:
			s.print(string(seq), width)
		case len(seq) == 1:
			s.control(seq[0])
		case ansi.HasCsiPrefix(seq):
			s.csi(ansi.Cmd(parser.Command()), parser.Params())
		case ansi.HasEscPrefix(seq) && len(seq) == 2:
			s.esc(seq[1])
		}
	}
	lines := make([]string, ptyHeight)
	for row := range lines {
		lines[row] = strings.Join(s.cells[row*ptyWidth:(row+1)*ptyWidth], "")
	}
	return lines
}

// terminal is the little of a terminal screenOf needs: its cells, the
// cursor, the scrolling region and the last character printed.
type terminal struct {
	cells       [ptyWidth * ptyHeight]string
	row, col    int
	top, bottom int
	savedRow    int
	savedCol    int
	last        string
}

func (s *terminal) clear(from, to int) {
	for i := max(from, 0); i < min(to, len(s.cells)); i++ {
		s.cells[i] = " "
	}
}

func (s *terminal) at() int { return s.row*ptyWidth + s.col }

func (s *terminal) print(cluster string, width int) {
	if s.col+width > ptyWidth {
		s.col = 0
		s.lineFeed()
	}
	s.cells[s.at()] = cluster
	for i := 1; i < width; i++ {
		s.cells[s.at()+i] = ""
	}
	s.col += width
	s.last = cluster
}

// lineFeed moves down a row, scrolling the region at its bottom.
func (s *terminal) lineFeed() {
	if s.row == s.bottom {
		s.scroll(s.top, 1)
		return
	}
	s.row = min(s.row+1, ptyHeight-1)
}

// scroll moves the rows from row to the region's bottom up by n (down
// when n is negative), blanking the rows left behind.
func (s *terminal) scroll(row, n int) {
	lines := make([][]string, 0, s.bottom-row+1)
	for r := row; r <= s.bottom; r++ {
		lines = append(lines, append([]string(nil), s.cells[r*ptyWidth:(r+1)*ptyWidth]...))
	}
	s.clear(row*ptyWidth, (s.bottom+1)*ptyWidth)
	for i, line := range lines {
		if to := row + i - n; to >= row && to <= s.bottom {
			copy(s.cells[to*ptyWidth:], line)
		}
	}
}

func (s *terminal) control(b byte) {
	switch b {
	case '\r':
		s.col = 0
	case '\n', '\v', '\f':
		s.lineFeed()
	case '\b':
		s.col = max(s.col-1, 0)
	case '\t':
		s.col = min((s.col/8+1)*8, ptyWidth-1)
	}
}

func (s *terminal) esc(final byte) {
	switch final {
	case '7':
		s.savedRow, s.savedCol = s.row, s.col
	case '8':
		s.row, s.col = s.savedRow, s.savedCol
	case 'D':
		s.lineFeed()
	case 'E':
		s.col = 0
		s.lineFeed()
	case 'M':
		if s.row == s.top {
			s.scroll(s.top, -1)
		} else {
			s.row = max(s.row-1, 0)
		}
	}
}

func (s *terminal) csi(cmd ansi.Cmd, params ansi.Params) {
	arg := func(i, def int) int {
		v, _, _ := params.Param(i, def)
		return v
	}
	n := max(arg(0, 1), 1)
	switch cmd.Final() {
	case 'H', 'f':
		s.row, s.col = arg(0, 1)-1, arg(1, 1)-1
	case 'A':
		s.row -= n
	case 'B':
		s.row += n
	case 'C':
		s.col += n
	case 'D':
		s.col -= n
	case 'E':
		s.row, s.col = s.row+n, 0
	case 'F':
		s.row, s.col = s.row-n, 0
	case 'G', '`':
		s.col = n - 1
	case 'd':
		s.row = n - 1
	case 'J':
		switch arg(0, 0) {
		case 0:
			s.clear(s.at(), len(s.cells))
		case 1:
			s.clear(0, s.at()+1)
		default:
			s.clear(0, len(s.cells))
		}
	case 'K':
		start := s.row * ptyWidth
		switch arg(0, 0) {
		case 0:
			s.clear(s.at(), start+ptyWidth)
		case 1:
			s.clear(start, s.at()+1)
		default:
			s.clear(start, start+ptyWidth)
		}
	case 'X':
		s.clear(s.at(), min(s.at()+n, (s.row+1)*ptyWidth))
	case 'P':
		line := s.cells[s.row*ptyWidth : (s.row+1)*ptyWidth]
		copy(line[s.col:], line[min(s.col+n, ptyWidth):])
		s.clear(max(s.row*ptyWidth+ptyWidth-n, s.at()), (s.row+1)*ptyWidth)
	case '@':
		line := s.cells[s.row*ptyWidth : (s.row+1)*ptyWidth]
		copy(line[min(s.col+n, ptyWidth):], line[s.col:])
		s.clear(s.at(), min(s.at()+n, (s.row+1)*ptyWidth))
	case 'L':
		s.scroll(s.row, -n)
	case 'M':
		s.scroll(s.row, n)
	case 'S':
		s.scroll(s.top, n)
	case 'T':
		s.scroll(s.top, -n)
	case 'r':
		if cmd.Prefix() == 0 {
			s.top, s.bottom = arg(0, 1)-1, arg(1, ptyHeight)-1
			s.row, s.col = 0, 0
		}
	case 'b':
		for range n {
			s.print(s.last, max(ansi.StringWidth(s.last), 1))
		}
	case 'h':
		if cmd.Prefix() == '?' && arg(0, 0) == 1049 {
			s.clear(0, len(s.cells)) // a fresh alternate screen
		}
	}
	s.row = min(max(s.row, 0), ptyHeight-1)
	s.col = min(max(s.col, 0), ptyWidth-1)
}
