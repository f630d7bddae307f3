package tui

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// kind is what a round of turns is for.
type kind int

const (
	// checkIn is right afterwards: questions, then suggestions.
	checkIn kind = iota
	// planAhead is before sex: what each person will want afterwards.
	planAhead
	// followUp is later: how each person is now, and how it went.
	followUp
)

func (k kind) String() string {
	return [...]string{"together", "plan", "follow-up"}[k]
}

// phase is the catalogue's name for the questions of a kind.
func (k kind) phase() string {
	return [...]string{"after", "before", "followup"}[k]
}

// checkin is one round of turns in progress (a check-in, a plan or a
// follow-up): who is here, what kind of time it was, and the turns that are
// over. A turn's answers live only in that turn's screens; when the turn
// ends, only what the person chose to share is kept here (alone, everything
// they answered, since it is theirs).
type checkin struct {
	kind      kind
	mode      catalog.Mode
	started   time.Time
	situation string
	people    []participant
	turns     []profile.Turn
	// plan is the plan this check-in starts from, if the same people made
	// one in the last hours.
	plan *profile.Session
	// of is the check-in a follow-up follows.
	of *profile.Session
	// rated holds, in a follow-up, the ratings each person chose to share
	// (alone: to keep); a rating kept private ends with its turn.
	rated map[string][]profile.Rating
	// asked are those who asked, privately, to be checked on tomorrow.
	asked map[string]bool
	// quiet is set once the suggestions turned quiet: the closing words
	// then say nothing about how anyone is with anyone.
	quiet bool
	// begun is how many people have begun their turn: those whose
	// answers a stop would lose.
	begun int
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
	// answers holds one answer per question, starting at the defaults, or
	// at the person's plan.
	answers []catalog.Answer
	// supported is the support this turn has shown already, so that a
	// second low answer does not bring the same screen up again.
	supported string
	// rated is how the person says what they did went, in a follow-up:
	// answers like the others, shared only if they choose.
	rated []profile.Rating
}

// offerSupport says whether an answer's call for support should bring up
// the support screen: once a turn, unless what was said is graver.
func (t *turn) offerSupport(said string) bool {
	graver := said == catalog.SupportUnsafe && t.supported != catalog.SupportUnsafe || said == catalog.SupportLow && t.supported == ""
	if graver {
		t.supported = said
	}
	return graver
}

func newCheckin(c *ctx, k kind, mode catalog.Mode, names []string) *checkin {
	ck := &checkin{kind: k, mode: mode, started: c.now(), rated: map[string][]profile.Rating{}, asked: map[string]bool{}}
	c.work = ck
	for i, name := range names {
		name = strings.TrimSpace(name)
		if name == "" {
			name = fmt.Sprintf("Person %d", i+1)
		}
		// A name is spelt as its profile spells it, or as the history
		// does for a guest, so that "sam" tonight is the Sam of last week.
		p := findProfile(c, name)
		if p != nil {
			name = p.Name
		} else if known, ok := profile.NameInHistory(c.history, name); ok {
			name = known
		}
		ck.people = append(ck.people, participant{name: name, profile: p})
	}
	if k == checkIn && mode == catalog.Together {
		// The history lists a plan without what was shared in it.
		if plan := profile.LatestPlan(c.history, ck.names(), ck.started); plan != nil {
			ck.plan, _ = c.store.Session(plan.ID)
		}
	}
	return ck
}

func (ck *checkin) names() []string {
	out := make([]string, len(ck.people))
	for i, p := range ck.people {
		out[i] = p.name
	}
	return out
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

// startNamed starts a check-in or a plan for names given on the command
// line: one name is a check-in alone, more are together. A check-in begins
// by asking what kind of time it was.
func startNamed(c *ctx, names []string, plan bool) screen {
	if plan {
		return newCheckin(c, planAhead, catalog.Together, names).first(c)
	}
	mode := catalog.Solo
	if len(names) > 1 {
		mode = catalog.Together
	}
	return newSituation(c, newCheckin(c, checkIn, mode, names))
}

// startFollowUp starts the follow-up of a check-in, for those who asked.
func startFollowUp(c *ctx, of *profile.Session) screen {
	names := of.People
	if of.FollowUp != nil && len(of.FollowUp.For) > 0 {
		names = of.FollowUp.For
	}
	mode := catalog.Mode(of.Mode)
	if len(names) == 1 {
		mode = catalog.Solo
	}
	ck := newCheckin(c, followUp, mode, names)
	ck.of, ck.situation = of, of.Situation
	return ck.first(c)
}

// together says whether more than one person takes turns.
func (ck *checkin) together() bool { return ck.mode == catalog.Together }

// newTurn starts the next person's turn with the catalogue's questions,
// each answer starting from the person's plan where there is one.
func (ck *checkin) newTurn(c *ctx) *turn {
	t := &turn{who: ck.people[len(ck.turns)], questions: c.cat.QuestionsFor(ck.kind.phase(), ck.mode)}
	ck.begun = len(ck.turns) + 1
	var planned map[string]catalog.Answer
	if ck.plan != nil {
		planned, _ = ck.plan.PlanStart(c.cat, t.who.name)
	}
	for i := range t.questions {
		a, ok := planned[t.questions[i].ID]
		if !ok {
			a = t.questions[i].Default
		}
		t.answers = append(t.answers, a)
	}
	return t
}

// first is the screen that opens the next turn: a hand-off when several
// people share the laptop, or for a follow-up, which may be opened by
// anyone and so says whose it is first; the first question when one person
// is checking in alone.
func (ck *checkin) first(c *ctx) screen {
	if ck.together() || ck.kind == followUp {
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

// after is the screen that follows question next-1 of a turn: the next
// question; in a follow-up, rating what was done; then choosing what to
// share.
func (ck *checkin) after(c *ctx, t *turn, next int) screen {
	if next < len(t.questions) {
		return newQuestion(c, ck, t, next)
	}
	if ck.kind == followUp && len(ck.of.Chosen) > 0 {
		return newRate(c, ck, t)
	}
	return newShare(c, ck, t)
}

// finish ends a turn. Together, only what was shared outlives it; then the
// next person is handed the laptop, or the round closes: together, everyone
// sees what was shared (and in a check-in, what fits everyone); alone, a
// plan or follow-up is saved at once.
func (ck *checkin) finish(c *ctx, done profile.Turn) (screen, tea.Cmd) {
	if ck.together() {
		done = done.Handed()
	}
	ck.turns = append(ck.turns, done)
	switch {
	case len(ck.turns) < len(ck.people):
		return ck.first(c), nil
	case ck.kind == checkIn || ck.together():
		return newResults(c, ck), nil
	}
	return ck.save(), nil
}

// save saves a plan or a follow-up once everyone has had their turn; a
// check-in is saved once people have chosen what to do.
func (ck *checkin) save() screen {
	if ck.kind == planAhead {
		plan := profile.NewPlan(ck.started, ck.turns)
		return newSaving(ck, "plan", func(s *profile.Store) error { return s.SaveSession(plan) })
	}
	return newSaving(ck, "follow-up", ck.saveFollowUp)
}

// saveFollowUp records what each person shared and how it went.
func (ck *checkin) saveFollowUp(s *profile.Store) error {
	shared := map[string][]profile.Shared{}
	var ratings []profile.Rating
	for _, t := range ck.turns {
		if records := t.SharedRecords(len(ck.people)); len(records) > 0 {
			shared[t.Name] = records
		}
		ratings = append(ratings, ck.rated[t.Name]...)
	}
	return s.CompleteFollowUp(ck.of.ID, ck.started, shared, ratings)
}

// progress says where a turn is, for the header: "Sam · 2 of 7", "alone ·
// 2 of 7", "plan · Sam · 2 of 5", "follow-up · 1 of 3".
func (ck *checkin) progress(t *turn, step int) string {
	return ck.header(t, fmt.Sprintf("%d of %d", step+1, len(t.questions)))
}

// header names the round and, together, whose turn it is, before where.
func (ck *checkin) header(t *turn, where string) string {
	if ck.together() {
		where = t.who.name + " · " + where
	}
	switch {
	case ck.kind != checkIn:
		return ck.kind.String() + " · " + where
	case ck.together():
		return where
	}
	return "alone · " + where
}
