package tui

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// These run the whole program, as a terminal would, through teatest.

// sgr matches an escape that sets colours or weights, with its numbers.
var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// colourIn returns the first escape in out that sets a colour, or "".
func colourIn(out []byte) string {
	for _, m := range sgr.FindAllSubmatch(out, -1) {
		for _, n := range strings.FieldsFunc(string(m[1]), func(r rune) bool { return r == ';' || r == ':' }) {
			switch code, _ := strconv.Atoi(n); {
			case code >= 30 && code <= 38, code >= 40 && code <= 48, code == 58, code >= 90 && code <= 97, code >= 100 && code <= 107:
				return string(m[0])
			}
		}
	}
	return ""
}

// waitLimit is how long a test waits for what it expects before it fails:
// long enough for a save on a busy machine under -race.
const waitLimit = 20 * time.Second

// program is the whole program running in teatest, watched from outside.
type program struct {
	t     *testing.T
	tm    *teatest.TestModel
	watch *watch
	sent  int // keys sent so far
}

// watch wraps the program's model and keeps, after every message the
// program handles, how many keys it has handled and each screen it drew,
// so that a test can wait for exactly what it expects: a key handled, a
// line on the screen.
type watch struct {
	m       *Model
	mu      sync.Mutex
	keys    int
	screens []string // every view in turn, with its escapes; no two alike in a row
}

func (w *watch) Init() tea.Cmd {
	cmd := w.m.Init()
	w.saw(w.m.View().Content)
	return cmd
}

func (w *watch) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := w.m.Update(msg)
	if _, key := msg.(tea.KeyPressMsg); key {
		w.mu.Lock()
		w.keys++
		w.mu.Unlock()
	}
	w.saw(w.m.View().Content)
	return w, cmd
}

// saw keeps a view, unless it is the one before it again.
func (w *watch) saw(view string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if n := len(w.screens); n == 0 || w.screens[n-1] != view {
		w.screens = append(w.screens, view)
	}
}

func (w *watch) View() tea.View { return w.m.View() }

func runProgram(t *testing.T, o Options, width, height int, env ...string) *program {
	t.Helper()
	w := &watch{m: New(o)}
	tm := teatest.NewTestModel(t, w, teatest.WithInitialTermSize(width, height),
		teatest.WithProgramOptions(tea.WithEnvironment(env)))
	p := &program{t: t, tm: tm, watch: w}
	p.until("the program to start", func(w *watch) bool { return len(w.screens) > 0 })
	return p
}

// until waits for ok, read under the watch's lock, and fails the test
// with what it waited for and the screen as it is, when it takes too long.
func (p *program) until(what string, ok func(w *watch) bool) {
	p.t.Helper()
	for deadline := time.Now().Add(waitLimit); ; time.Sleep(time.Millisecond) {
		p.watch.mu.Lock()
		done := ok(p.watch)
		p.watch.mu.Unlock()
		if done {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("waited %s for %s; the screen shows:\n%s", waitLimit, what, p.screen())
		}
	}
}

// screen is what the program shows now, without colour.
func (p *program) screen() string {
	p.watch.mu.Lock()
	defer p.watch.mu.Unlock()
	return escapes.ReplaceAllString(p.watch.screens[len(p.watch.screens)-1], "")
}

// screensSince are the screens drawn since the mark, without colour.
func (p *program) screensSince(mark int) []string {
	p.watch.mu.Lock()
	defer p.watch.mu.Unlock()
	var out []string
	for _, s := range p.watch.screens[mark:] {
		out = append(out, escapes.ReplaceAllString(s, ""))
	}
	return out
}

// mark is where the screens drawn from now on begin.
func (p *program) mark() int {
	p.watch.mu.Lock()
	defer p.watch.mu.Unlock()
	return len(p.watch.screens)
}

// waitFor waits until the screen shows text.
func (p *program) waitFor(text string) {
	p.t.Helper()
	p.until(fmt.Sprintf("the screen to show %q", text), func(w *watch) bool {
		return strings.Contains(escapes.ReplaceAllString(w.screens[len(w.screens)-1], ""), text)
	})
}

// press sends keys one at a time, each once the program has handled the
// last, as a person would.
func (p *program) press(names ...string) {
	p.t.Helper()
	for _, n := range names {
		p.tm.Send(keyPress(n))
		p.sent++
		sent := p.sent
		p.until(fmt.Sprintf("the program to handle key %d (%s)", sent, n), func(w *watch) bool { return w.keys >= sent })
	}
}

func (p *program) enter(n int) {
	p.t.Helper()
	for range n {
		p.press("enter")
	}
}

// final waits for the program to end and returns its model.
func (p *program) final() *Model {
	p.t.Helper()
	onTimeout := teatest.WithTimeoutFn(func(testing.TB) {
		p.t.Fatalf("the program did not end within %s; the screen shows:\n%s", waitLimit, p.screen())
	})
	return p.tm.FinalModel(p.t, teatest.WithFinalTimeout(waitLimit), onTimeout).(*watch).m
}

// quit ends the program from outside and returns its model.
func (p *program) quit() *Model {
	p.t.Helper()
	if err := p.tm.Quit(); err != nil {
		p.t.Fatal(err)
	}
	return p.final()
}

// output is everything the program wrote to the terminal, once it ended.
func (p *program) output() []byte {
	p.t.Helper()
	out, err := io.ReadAll(p.tm.FinalOutput(p.t, teatest.WithFinalTimeout(waitLimit)))
	if err != nil {
		p.t.Fatal(err)
	}
	return out
}

func TestProgramRunsACheckinAlone(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	p := runProgram(t, w.opts, 100, 30)
	p.press("a")
	p.enter(1 + questions(catalog.Solo) + 1 + 1 + 3)
	p.waitFor("Take good care of yourself.")
	p.press("enter")
	// Home, once it has read the history again, knows the person is back.
	p.waitFor("Welcome back.")
	p.press("ctrl+c")
	m := p.final()
	if _, home := m.current.(*home); !home {
		t.Errorf("the program ended on %T, want the home screen", m.current)
	}
	if len(w.sessions(t)) != 1 {
		t.Error("the check-in was not saved")
	}
	golden.RequireEqual(t, m.View().Content)
}

func TestProgramRunsATogetherCheckinWithoutColour(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.opts.NoColor = true
	p := runProgram(t, withNames(w.opts, "Sam", "Alex", "Kai"), 40, 12, "NO_COLOR=1", "TERM=xterm-256color")
	p.enter(1 + 3*(2+questions(catalog.Together)) + 1 + 4)
	p.waitFor("Saved to your history.")
	m := p.quit()
	if !isDone(m.current) {
		t.Errorf("the program is on %T, want the end of the check-in", m.current)
	}
	out := p.output()
	if len(out) < 1000 {
		t.Fatalf("only %d bytes of output", len(out))
	}
	if c := colourIn(out); c != "" {
		t.Errorf("NO_COLOR output holds a colour escape %q", c)
	}
	if s := w.sessions(t); len(s) != 1 || len(s[0].People) != 3 {
		t.Errorf("sessions %+v", s)
	}
	golden.RequireEqual(t, m.View().Content)
}

func TestProgramAsksBeforeLeavingUnsavedWork(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	p := runProgram(t, withNames(w.opts, "Sam", "Alex"), 100, 30)
	p.enter(3)
	p.press("ctrl+c")
	p.waitFor("Leave aftercare now?")
	p.press("y")
	m := p.final()
	if !m.leaving {
		t.Error("the program left without asking")
	}
	if len(w.sessions(t)) != 0 {
		t.Error("something was saved")
	}
}

func TestProgramKeepsUpWithKeysPressedAtOnce(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	p := runProgram(t, withNames(w.opts, "Sam", "Alex"), 100, 30)
	keys := 1 + 2*(2+questions(catalog.Together)) + 1 + 4
	for range keys {
		p.tm.Send(keyPress("enter"))
	}
	p.sent += keys
	p.until(fmt.Sprintf("the program to handle %d keys sent at once", keys), func(w *watch) bool { return w.keys == keys })
	p.waitFor("Take good care of each other.")
	m := p.quit()
	if !isDone(m.current) {
		t.Errorf("the program is on %T, want the end of the check-in", m.current)
	}
	s := w.sessions(t)
	if len(s) != 1 || len(s[0].Shared["Sam"]) == 0 || len(s[0].Shared["Alex"]) == 0 {
		t.Errorf("sessions %+v", s)
	}
}

func TestProgramPlansAhead(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	o := withNames(w.opts, "Sam", "Alex")
	o.Start.Plan = true
	p := runProgram(t, o, 100, 30)
	p.enter(2*(1+len(testCatalog().QuestionsFor("before", catalog.Together))+1) + 1)
	p.waitFor("Your plan is saved.")
	m := p.quit()
	if !isDone(m.current) {
		t.Errorf("the program is on %T, want the end of the plan", m.current)
	}
	if s := w.sessions(t); len(s) != 1 || s[0].Kind != "plan" || len(s[0].Shared) != 2 {
		t.Errorf("sessions %+v", s)
	}
	golden.RequireEqual(t, m.View().Content)
}

func TestProgramFollowsUpWhenOneIsDue(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	p := runProgram(t, aWeekOfCheckins(t, w), 40, 12)
	p.waitFor("Follow up")
	p.enter(2 + len(testCatalog().QuestionsFor("followup", catalog.Solo)))
	p.press("down", "enter", "enter", "enter")
	p.waitFor("Thank you for checking in again.")
	m := p.quit()
	if !isDone(m.current) {
		t.Errorf("the program is on %T, want the end of the follow-up", m.current)
	}
	s := w.sessions(t)[0]
	if s.FollowUp == nil || s.FollowUp.Done == nil || len(s.Ratings) != 1 || s.Ratings[0].Rating != catalog.Helped {
		t.Errorf("follow-up %+v, ratings %+v", s.FollowUp, s.Ratings)
	}
	golden.RequireEqual(t, m.View().Content)
}
