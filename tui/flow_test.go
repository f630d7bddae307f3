package tui

import (
	"bytes"
	"io"
	"regexp"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// These run the whole program, as a terminal would, through teatest.

// colour matches any escape that sets a colour.
var colour = regexp.MustCompile(`\x1b\[[0-9;:]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])[;:m]`)

type program struct {
	t   *testing.T
	tm  *teatest.TestModel
	out bytes.Buffer // everything the program wrote, as read so far
}

func runProgram(t *testing.T, o Options, width, height int, env ...string) *program {
	t.Helper()
	tm := teatest.NewTestModel(t, New(o), teatest.WithInitialTermSize(width, height),
		teatest.WithProgramOptions(tea.WithEnvironment(env)))
	p := &program{t: t, tm: tm}
	p.settle()
	return p
}

// settle waits until the program has answered: nothing new drawn for a
// while. A key sent before then could reach a screen that is on its way out,
// which no person is quick enough to do.
func (p *program) settle() {
	p.t.Helper()
	const quiet = 60 * time.Millisecond
	last, deadline := time.Now(), time.Now().Add(10*time.Second)
	buf := make([]byte, 4096)
	for time.Since(last) < quiet {
		if time.Now().After(deadline) {
			p.t.Fatal("the program never settled")
		}
		n, _ := p.tm.Output().Read(buf)
		if n > 0 {
			p.out.Write(buf[:n])
			last = time.Now()
			continue
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// waitFor waits until the output shows text.
func (p *program) waitFor(text string) {
	p.t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !bytes.Contains(p.out.Bytes(), []byte(text)); {
		if time.Now().After(deadline) {
			p.t.Fatalf("the program never showed %q", text)
		}
		p.settle()
	}
}

// press sends keys one at a time, each once the last has been answered.
func (p *program) press(names ...string) {
	for _, n := range names {
		p.tm.Send(keyPress(n))
		p.settle()
	}
}

func (p *program) enter(n int) {
	for range n {
		p.press("enter")
	}
}

func (p *program) final() *Model {
	p.t.Helper()
	return p.tm.FinalModel(p.t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
}

func TestProgramRunsACheckinAlone(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	p := runProgram(t, w.opts, 100, 30)
	p.press("a")
	p.enter(1 + questions(catalog.Solo) + 1 + 1 + 3 + 1)
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
	m := p.final0()
	if _, done := m.current.(*done); !done {
		t.Errorf("the program is on %T, want the end of the check-in", m.current)
	}
	rest, err := io.ReadAll(p.tm.FinalOutput(t, teatest.WithFinalTimeout(10*time.Second)))
	if err != nil {
		t.Fatal(err)
	}
	out := append(p.out.Bytes(), rest...)
	if len(out) < 1000 {
		t.Fatalf("only %d bytes of output", len(out))
	}
	if m := colour.Find(out); m != nil {
		t.Errorf("NO_COLOR output holds a colour escape %q", m)
	}
	if s := w.sessions(t); len(s) != 1 || len(s[0].People) != 3 {
		t.Errorf("sessions %+v", s)
	}
	golden.RequireEqual(t, m.View().Content)
}

// final0 quits the program and returns its model.
func (p *program) final0() *Model {
	p.t.Helper()
	if err := p.tm.Quit(); err != nil {
		p.t.Fatal(err)
	}
	return p.final()
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
	for range 1 + 2*(2+questions(catalog.Together)) + 1 + 3 {
		p.tm.Send(keyPress("enter"))
	}
	p.settle()
	p.press("enter")
	m := p.final0()
	if _, ok := m.current.(*done); !ok {
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
	m := p.final0()
	if _, ok := m.current.(*done); !ok {
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
	m := p.final0()
	if _, ok := m.current.(*done); !ok {
		t.Errorf("the program is on %T, want the end of the follow-up", m.current)
	}
	s := w.sessions(t)[0]
	if s.FollowUp == nil || s.FollowUp.Done == nil || len(s.Ratings) != 1 || s.Ratings[0].Rating != catalog.Helped {
		t.Errorf("follow-up %+v, ratings %+v", s.FollowUp, s.Ratings)
	}
	golden.RequireEqual(t, m.View().Content)
}
