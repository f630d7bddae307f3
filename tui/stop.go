package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/flow"
)

// StopMsg asks the program to close because the process was told to stop
// (a hang-up, a TERM, an interrupt). It closes at once, or, when a save is
// under way, as soon as that save has ended, stopWait at most; quitting
// restores the terminal. Stopped then says what became of the work that
// was on the screen.
type StopMsg struct{}

// stopWait is how long a stop waits for a save under way: a save takes
// milliseconds, and whoever sent the signal will not wait long.
const stopWait = 3 * time.Second

// stopWaitedMsg ends the wait for a save, however it went.
type stopWaitedMsg struct{}

// stop closes the program now, or once the save under way has ended. A
// second stop does not wait any longer.
func (m *Model) stop() tea.Cmd {
	if s, ok := m.current.(savingScreen); ok && s.saving() && !m.stopping {
		m.stopping = true
		return tea.Tick(stopWait, func(time.Time) tea.Msg { return stopWaitedMsg{} })
	}
	m.stopping = true
	return tea.Quit
}

// pendingWrite is a save running in the background: done is closed once
// it has ended, and err is then how it went.
type pendingWrite struct {
	done chan struct{}
	err  error
}

// startWrite runs save in a command that reports its end with a savedMsg,
// and returns the write, for waiting on it where the program's loop no
// longer runs.
func startWrite(save func() error) (*pendingWrite, tea.Cmd) {
	w := &pendingWrite{done: make(chan struct{})}
	return w, func() tea.Msg {
		w.err = save()
		close(w.done)
		return savedMsg{err: w.err}
	}
}

// Finish lets a save that was still under way when the program ended end,
// waiting for it at most wait, and takes in how it went, so that Stopped
// can say. A hang-up can end the program (its terminal gone) before the
// screen has heard of the signal, let alone waited. Call it only once the
// program has ended.
func (m *Model) Finish(wait time.Duration) {
	s, ok := m.current.(savingScreen)
	if !ok || !s.saving() || s.pending() == nil {
		return
	}
	w := s.pending()
	select {
	case <-w.done:
		m.Update(savedMsg{err: w.err})
	case <-time.After(wait):
	}
}

// Stopped says, in words for whoever stopped the program, what stopping
// now leaves of the work on the screen: "Sam's and Alex's answers were not
// saved", "the check-in was saved", "nothing was lost". It never
// says anything someone kept private, such as a follow-up asked for
// privately.
func (m *Model) Stopped() string {
	if s, ok := m.current.(savingScreen); ok && s.saving() {
		return s.stillSaving()
	}
	if t, ok := m.current.(telling); ok {
		if words := t.stopped(); words != "" {
			return words
		}
	}
	if !m.current.unsaved() {
		return flow.NothingLost
	}
	if m.c.work != nil {
		return m.c.work.lost()
	}
	return "what was on the screen was not saved"
}
