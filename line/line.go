// Package line is aftercare in plain lines, for screen readers and for
// scripts: each question is one line, its options are numbered, what enter
// takes is said, and nothing is coloured, moved or drawn again. It drives
// the same flow.Round as the full screen, so what each person keeps
// private, the care rules and saving are the same.
package line

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/flow"
	"github.com/aftercare-tui/aftercare/plain"
	"github.com/aftercare-tui/aftercare/profile"
)

// Options are what a run is given.
type Options struct {
	In  io.Reader
	Out io.Writer
	// Screen, when set, is the terminal Out writes to, which is cleared,
	// its scrollback too, between people's turns. Out may print text as it
	// is never obeyed; Screen is written the codes that clear it.
	Screen io.Writer
	// Interactive is set when In is a person at a terminal, who can be
	// asked what to do after a save fails, or whether a name typed meant
	// a saved profile's; a script is not asked.
	Interactive bool

	Catalog  *catalog.Catalog
	Store    *profile.Store
	Config   *profile.Config
	Profiles []*profile.Profile
	// UnreadProfiles are the profiles that could not be read, each with
	// its error.
	UnreadProfiles []profile.ProfileEntry
	History        *profile.Digest
	// Locked is set when what is saved stays closed this run: a round
	// runs with guests, and saves without reading.
	Locked bool
	// DueLocked is how many follow-ups wait while it stays locked: known
	// without the key, never whose.
	DueLocked int
	// Unlock asks for the passphrase on the terminal and opens what is
	// saved, saying whether it did; the error is a stop while it asked.
	// nil where it cannot be asked: no terminal, or a key kept in a file.
	Unlock func() (bool, error)
	Now    func() time.Time
	Start  Start
}

// Start is where a run begins: home, unless it names people (a check-in,
// or a plan), or a check-in to follow up.
type Start struct {
	Names    []string
	Plan     bool
	FollowUp *profile.Session
}

// Stopped is a run that did not finish what it started: the input ended,
// or the process was told to stop (see Run). Left says what became of the
// work, as "Sam's answers were not saved".
type Stopped struct {
	Left string
	// Lost is set when some of the work was lost.
	Lost bool
	// Interrupted is set when the context ended the run, rather than the
	// end of the input.
	Interrupted bool
}

func (e *Stopped) Error() string {
	if e.Interrupted {
		return "stopped; " + e.Left
	}
	return "the input ended before it was finished; " + e.Left
}

// errEnded is the input ending.
var errEnded = errors.New("the input ended")

// Run runs aftercare in lines until what Start names is done, or, from
// home, until someone leaves or the input ends. A save under way always
// ends before Run looks at ctx again: cancelling ctx (a signal) stops it
// at the next question, with a *Stopped.
func Run(ctx context.Context, o Options) error {
	if o.Now == nil {
		o.Now = time.Now
	}
	s := &session{o: o, ctx: ctx}
	s.lines, s.want = readLines(o.In)
	var err error
	switch st := o.Start; {
	case st.FollowUp != nil:
		err = s.round(flow.FollowUpOf(s, st.FollowUp).Start())
	case len(st.Names) > 0:
		err = s.round(flow.StartNamed(s, st.Names, st.Plan))
	case st.Plan:
		err = s.round(flow.Who(s, catalog.Together, true))
	default:
		return s.home(false)
	}
	// Going back from the first step of what was asked for goes home, as
	// the full screen does: never out of the program without a word.
	if errors.Is(err, errLeft) {
		s.say("Nothing was saved.")
		return s.home(true)
	}
	return err
}

// session is one run: where it reads and writes, and what it has read.
type session struct {
	o     Options
	ctx   context.Context
	lines <-chan string
	// want asks for the next line; wanting is set while a line is asked
	// for and not yet read.
	want    chan<- struct{}
	wanting bool
	// current is the round under way, for saying what a stop loses.
	current *flow.Round
}

// The session is the rounds' flow.Env.
func (s *session) Catalog() *catalog.Catalog    { return s.o.Catalog }
func (s *session) Profiles() []*profile.Profile { return s.o.Profiles }
func (s *session) UnreadProfiles() []profile.ProfileEntry {
	return s.o.UnreadProfiles
}
func (s *session) History() *profile.Digest { return s.o.History }
func (s *session) Session(id string) (*profile.Session, error) {
	return s.o.Store.Session(id)
}
func (s *session) Config() *profile.Config { return s.o.Config }
func (s *session) Now() time.Time          { return s.o.Now() }
func (s *session) Locked() bool            { return s.o.Locked }
func (s *session) Scripted() bool          { return !s.o.Interactive }
func (s *session) Began(r *flow.Round)     { s.current = r }

// say writes one line.
func (s *session) say(text string) { fmt.Fprintln(s.o.Out, text) }

// readLines reads in the background, a line each time one is wanted, so
// that a stop need not wait for someone to press enter. Nothing is read
// before it is wanted: between questions the terminal is free for a
// passphrase, which must never be taken for an answer. A line longer than
// anything aftercare keeps is cut, so that no input can take all the
// memory.
func readLines(in io.Reader) (<-chan string, chan<- struct{}) {
	lines := make(chan string)
	want := make(chan struct{}, 1)
	go func() {
		defer close(lines)
		r := bufio.NewReaderSize(in, 4096)
		for range want {
			line, err := readLine(r)
			if err != nil && line == "" {
				return
			}
			lines <- line
			if err != nil {
				return
			}
		}
	}()
	return lines, want
}

// maxLine is the most of a line that is kept: more than any answer holds.
const maxLine = 64 << 10

func readLine(r *bufio.Reader) (string, error) {
	var b strings.Builder
	for {
		chunk, more, err := r.ReadLine()
		if b.Len() < maxLine {
			b.Write(chunk[:min(len(chunk), maxLine-b.Len())])
		}
		if err != nil {
			return b.String(), err
		}
		if !more {
			return strings.TrimSuffix(b.String(), "\r"), nil
		}
	}
}

// read is the next line typed, or why there is none.
func (s *session) read() (string, error) {
	if !s.wanting {
		// Once the input has ended nothing takes the request; the
		// closed lines say so.
		select {
		case s.want <- struct{}{}:
		default:
		}
		s.wanting = true
	}
	select {
	case <-s.ctx.Done():
		return "", s.ctx.Err()
	case line, ok := <-s.lines:
		s.wanting = false
		if !ok {
			return "", errEnded
		}
		return line, nil
	}
}

// waitFor asks for enter before going on; back says someone typed
// "back" where canBack lets them. ? says what can be typed.
func (s *session) waitFor(what string, canBack bool) (back bool, err error) {
	s.say("Press enter to " + what + ".")
	for {
		typed, err := s.read()
		if err != nil {
			return false, err
		}
		switch strings.ToLower(strings.TrimSpace(typed)) {
		case "?", "help":
			if canBack {
				s.say("Press enter to " + what + ", or type back to go back a step.")
			} else {
				s.say("Press enter to " + what + ". There is no step to go back to from here.")
			}
			continue
		case "back":
			if canBack {
				return true, nil
			}
			s.say("There is no step to go back to from here. Press enter to " + what + ".")
			continue
		}
		return false, nil
	}
}

// errLeft is a round left by going back from its first step: nothing of
// it was saved, and nothing was lost.
var errLeft = errors.New("left the round")

// stopped says what ending now leaves of the work, for err from reading.
func (s *session) stopped(err error, left string) error {
	return &Stopped{Left: left, Lost: left != flow.NothingLost, Interrupted: !errors.Is(err, errEnded)}
}

// stoppedInRound says what ending a round now leaves. Where nothing was
// answered yet nothing is lost, as the full screen says of a stop; input
// that ends there still leaves the round unsaved, which a script should
// hear.
func (s *session) stoppedInRound(err error, loses bool) error {
	stopped := &Stopped{Left: flow.NothingLost, Lost: loses && s.current != nil, Interrupted: !errors.Is(err, errEnded)}
	if s.current != nil && (loses || !stopped.Interrupted) {
		stopped.Left = s.current.Lost()
	}
	return stopped
}

// clear clears the terminal and its scrollback before what someone else
// may see, and says so; on anything but a terminal, there is nothing to
// clear.
func (s *session) clear(forWhom string) {
	if s.o.Screen == nil {
		if s.o.Interactive {
			// A person at a terminal that cannot be cleared (TERM=dumb)
			// is told, rather than trust it was.
			s.say("This terminal cannot be cleared, so what was answered before is still above this line.")
		}
		return
	}
	io.WriteString(s.o.Screen, "\x1b[H\x1b[2J\x1b[3J")
	s.say("Screen cleared for " + plain.Line(forWhom) + ".")
}

// round drives a round from step until it is saved, ended or left. It
// returns a *Stopped when the input ended or the run was stopped with work
// unsaved, and an error when a save failed and was given up.
func (s *session) round(step flow.Step) error {
	// Once this round is over, a stop loses nothing of it.
	defer func() { s.current = nil }()
	for step != nil {
		switch st := step.(type) {
		case *flow.Form:
			values, err := s.fill(st)
			switch {
			case errors.Is(err, errBack):
				if step = st.Back(); step == nil {
					return errLeft
				}
				continue
			case err != nil:
				return s.stoppedInRound(err, st.Loses)
			}
			step = st.Take(values)
		case *flow.Message:
			if st.Name != "" {
				s.clear(st.Name)
			} else if st.Everyone {
				s.clear("everyone")
			}
			for _, l := range st.Lines {
				s.say(l.Words())
			}
			if st.End {
				return nil
			}
			back, err := s.waitFor(st.Go, st.CanGoBack())
			switch {
			case err != nil:
				return s.stoppedInRound(err, st.Loses)
			case back:
				if step = st.Back(); step == nil {
					return errLeft
				}
			default:
				step = st.Next()
			}
		case *flow.Results:
			if st.Round.Together() {
				s.clear("everyone")
			}
			s.say(spoken(st.Header))
			for _, l := range st.Lines() {
				s.say(l.Words())
			}
			if _, err := s.waitFor(st.Go, false); err != nil {
				return s.stoppedInRound(err, true)
			}
			step = st.Next()
		case *flow.Save:
			next, err := s.save(st)
			if err != nil {
				return err
			}
			step = next
		}
	}
	return nil
}

// save writes a round's record, and says how it went. After a failure a
// person at a terminal may try again or go on without it; a script stops
// there, with the error.
func (s *session) save(st *flow.Save) (flow.Step, error) {
	for {
		err := st.Write(s.o.Store)
		if next, ok := s.current.Saved(st, err); ok {
			if st.MidRound() {
				s.say(st.SavedText)
			}
			s.reread()
			return next, nil
		}
		s.say("This " + st.What + " could not be saved: " + plain.Line(flow.FirstLines(err.Error(), 1)))
		if !s.o.Interactive {
			return nil, fmt.Errorf("the %s was not saved: %w", st.What, err)
		}
		giveUp := "Go home without saving"
		if st.MidRound() {
			giveUp = "Go on without it"
		}
		v, askErr := s.ask(flow.Field{Kind: flow.One, Title: "What would you like to do?",
			Options: []flow.Option{{Label: "Try again", Value: "again"}, {Label: giveUp, Value: "skip"}}}, []string{"again"}, nil)
		if askErr != nil {
			return nil, s.stoppedInRound(askErr, true)
		}
		if v[0] == "skip" {
			if next := st.Skip(); next != nil {
				return next, nil
			}
			// Home, as it says, and as the full screen goes.
			return nil, errLeft
		}
	}
}

// reread reads the saved people and history again after a save, so that
// home and the next round know of it; locked, there is nothing to read.
func (s *session) reread() {
	if s.o.Locked {
		return
	}
	if entries, err := s.o.Store.Profiles(); err == nil {
		s.o.Profiles, s.o.UnreadProfiles = profile.SplitProfiles(entries)
	}
	if history, err := s.o.Store.Digest(s.o.Now()); err == nil {
		s.o.History = history
	}
}

// unlock asks for the passphrase again, where what is saved stays locked
// and it can be asked: enter alone keeps it locked. It says whether what
// is saved is open now. The passphrase is asked straight away, never
// after a question of its own, where someone could type it in the open.
func (s *session) unlock(what string) (bool, error) {
	if s.o.Unlock == nil {
		s.say(what + " Open aftercare with the passphrase to read it.")
		return false, nil
	}
	s.say(what + " Type the passphrase to open it, or press enter alone to leave it locked.")
	opened, err := s.o.Unlock()
	if err != nil {
		return false, err
	}
	if !opened {
		s.say("It stays locked.")
		return false, nil
	}
	s.o.Locked, s.o.DueLocked = false, 0
	s.reread()
	s.say("Opened.")
	return true, nil
}
