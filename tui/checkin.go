package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// checkin is one check-in in progress: who is here, what kind of time it
// was, and the turns that are over. A turn's answers live only in that
// turn's screens; when the turn ends, only what the person chose to share
// is kept here (alone, everything they answered, since it is theirs).
type checkin struct {
	mode      catalog.Mode
	started   time.Time
	situation string
	people    []participant
	turns     []profile.Turn
}

// participant is someone taking part: with a saved profile, or a guest.
type participant struct {
	name    string
	profile *profile.Profile
}

// turn is one person's turn while it lasts.
type turn struct {
	who       participant
	questions []catalog.Question
	// answers holds one answer per question, starting at the defaults.
	answers []catalog.Answer
}

func newCheckin(c *ctx, mode catalog.Mode, names []string, situation string) *checkin {
	ck := &checkin{mode: mode, started: c.now(), situation: situation}
	for i, name := range names {
		name = strings.TrimSpace(name)
		if name == "" {
			name = fmt.Sprintf("Person %d", i+1)
		}
		ck.people = append(ck.people, participant{name: name, profile: findProfile(c, name)})
	}
	return ck
}

// findProfile returns the saved profile for a name, or nil for a guest.
func findProfile(c *ctx, name string) *profile.Profile {
	for _, p := range c.profiles {
		if profile.SameName(p.Name, name) {
			return p
		}
	}
	return nil
}

// startNamed starts a check-in for names given on the command line: one
// name is a check-in alone, more are together. It begins by asking what
// kind of time it was.
func startNamed(c *ctx, names []string) screen {
	mode := catalog.Solo
	if len(names) > 1 {
		mode = catalog.Together
	}
	for i, name := range names {
		if p := findProfile(c, name); p != nil {
			names[i] = p.Name
		}
	}
	return newSituation(c, newCheckin(c, mode, names, ""))
}

// together says whether more than one person takes turns.
func (ck *checkin) together() bool { return ck.mode == catalog.Together }

// newTurn starts the next person's turn with the catalogue's questions.
func (ck *checkin) newTurn(c *ctx) *turn {
	t := &turn{who: ck.people[len(ck.turns)], questions: c.cat.QuestionsFor("after", ck.mode)}
	for i := range t.questions {
		t.answers = append(t.answers, t.questions[i].Default)
	}
	return t
}

// first is the screen that opens the next turn: a hand-off when several
// people share the laptop, the first question when one person is alone.
func (ck *checkin) first(c *ctx) screen {
	if ck.together() {
		return newHandoff(ck)
	}
	return newQuestion(c, ck, ck.newTurn(c), 0)
}

// answered are the turn's answers with whether each may be shared.
func (t *turn) answered(shared []bool) profile.Turn {
	out := profile.Turn{Name: t.who.name, Profile: t.who.profile}
	for i := range t.questions {
		out.Answers = append(out.Answers, profile.Answered{Question: &t.questions[i], Answer: t.answers[i], Shared: shared[i]})
	}
	return out
}

// finish ends a turn. Together, only what was shared outlives it; then the
// next person is handed the laptop, or everyone sees the results.
func (ck *checkin) finish(c *ctx, done profile.Turn) screen {
	if ck.together() {
		done = done.Handed()
	}
	ck.turns = append(ck.turns, done)
	if len(ck.turns) < len(ck.people) {
		return ck.first(c)
	}
	return newResults(c, ck)
}

// progress says where a turn is, for the header: "Sam · 2 of 7".
func (ck *checkin) progress(t *turn, step int) string {
	where := fmt.Sprintf("%d of %d", step+1, len(t.questions))
	if ck.together() {
		return t.who.name + " · " + where
	}
	return "alone · " + where
}
