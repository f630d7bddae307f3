package profile

import (
	"slices"
	"strings"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
)

// Answered is one question answered in a person's turn, and whether they
// let the others see it (alone: whether history keeps it).
type Answered struct {
	Question *catalog.Question
	Answer   catalog.Answer
	Shared   bool
}

// Turn is what one person gave in a check-in.
type Turn struct {
	Name string
	// Profile is the person's saved profile, or nil for a guest.
	Profile *Profile
	Answers []Answered
	// AskedForSpace is set when the person chose "ask for space" on the
	// support screen: the others learn that, and nothing more.
	AskedForSpace bool
	// Avoid are tags the person asked to avoid, kept apart from their
	// answers once private answers are gone.
	Avoid []string
	// Guard and Space are kept apart in the same way: whether anything the
	// person said, shared or not, turns the check-in quiet, and whether
	// they asked for space.
	Guard, Space bool
	// Energy is kept apart too: how much energy they said they have,
	// shared or not. It narrows what is offered without being named.
	Energy string
}

// Handed is the turn as it may outlive the person's time at the keyboard:
// the answers they shared and what they asked to avoid. Every private
// answer is gone, so no later screen can show it.
func (t Turn) Handed() Turn {
	out := Turn{Name: t.Name, Profile: t.Profile, AskedForSpace: t.AskedForSpace, Avoid: t.avoid(),
		Guard: t.guarded(), Space: t.askedForSpace(), Energy: t.energy()}
	if t.AskedForSpace {
		return out
	}
	for _, a := range t.Answers {
		if a.Shared {
			out.Answers = append(out.Answers, a)
		}
	}
	return out
}

// avoid is everything the person asked to avoid, in their answers or
// already set aside.
func (t *Turn) avoid() []string {
	out := slices.Clone(t.Avoid)
	for _, a := range t.Answers {
		for _, tag := range a.Question.Implied(a.Answer).Avoid {
			if !slices.Contains(out, tag) {
				out = append(out, tag)
			}
		}
	}
	return out
}

// energy is the least energy the person said they have, in any answer.
func (t *Turn) energy() string {
	least := t.Energy
	for _, a := range t.Answers {
		least = catalog.LeastEnergy(least, a.Question.Implied(a.Answer).Energy)
	}
	return least
}

// guarded says whether anything the person said, shared or not, turns the
// check-in quiet.
func (t *Turn) guarded() bool {
	return t.Guard || t.askedForSpace() || slices.ContainsFunc(t.Answers, func(a Answered) bool {
		return a.Question.Implied(a.Answer).Guard
	})
}

// askedForSpace says whether the person asked for space, on the support
// screen or in any answer, shared or not.
func (t *Turn) askedForSpace() bool {
	var needs catalog.Weights
	for _, a := range t.Answers {
		needs = needs.Merge(a.Question.Implied(a.Answer).Needs)
	}
	return t.Space || t.AskedForSpace || catalog.AsksForSpace(needs)
}

// GuardNote is the private line that ends the turn of someone whose
// answers turned the check-in quiet: what will be left out, for everyone,
// and that nobody is told why. It is empty when nothing they said did.
func (t *Turn) GuardNote() string {
	if !t.guarded() {
		return ""
	}
	note := "Because of what you said, nothing with more than light touch, no kissing and nothing celebratory will be suggested to anyone, and no suggestion will be ticked in advance."
	if t.askedForSpace() {
		note += " Whatever is offered to you all together will ask nothing of you."
	}
	return note + " No one is told why."
}

// spaceNeeds is what asking for space tells the suggestion engine: space,
// and nothing more, since a reason may name every need it meets and the
// person said only that.
var spaceNeeds = catalog.Weights{{Need: "space", Weight: catalog.MaxWeight}}

// askedForSpace is how a request for space is kept in history.
const askedForSpace = "Asked for some space."

// SharedRecords are the answers the person chose to share, as history keeps
// them; a person who asked for space shares only that.
func (t *Turn) SharedRecords(people int) []Shared {
	if t.AskedForSpace {
		return []Shared{{Question: "support", Said: askedForSpace}}
	}
	var out []Shared
	for _, a := range t.Answers {
		if !a.Shared || !a.Question.Given(a.Answer) {
			continue
		}
		s := Shared{Question: a.Question.ID, Prompt: a.Question.PromptFor(people), Said: a.Question.Said(a.Answer)}
		switch a.Question.Kind {
		case catalog.Single, catalog.Multi:
			s.Choices = slices.Clone(a.Answer.Choices)
		case catalog.Scale:
			scale := a.Answer.Scale
			s.Scale = &scale
		case catalog.Text:
			s.Text = strings.TrimSpace(a.Answer.Text)
		}
		out = append(out, s)
	}
	return out
}

// person is what the suggestion engine may know of this person. Together,
// only the needs they shared count, so that no suggestion and no reason
// ever gives away a private answer; alone, all of them do. How much
// energy they have counts whether shared or not, like what they asked to
// avoid: it only narrows what is offered, and no reason names it. Their
// profile adds their usual needs, likes and never-list; the engine weighs
// what they said now above what they usually need.
func (t *Turn) person(mode catalog.Mode, situation string) catalog.Person {
	p := catalog.Person{Name: t.Name}
	if t.Profile != nil {
		p = t.Profile.Person(situation)
		p.Name = t.Name
	}
	if mode == catalog.Solo {
		// Alone, suggestions speak to the person: "meets your need".
		p.Name = ""
	}
	p.Energy = t.energy()
	if t.AskedForSpace {
		p.Needs = spaceNeeds
		return p
	}
	for _, a := range t.Answers {
		if a.Shared || mode == catalog.Solo {
			p.Needs = p.Needs.Merge(a.Question.Implied(a.Answer).Needs)
		}
	}
	return p
}

// CheckinRequest is the engine's request for a check-in. What anyone asked
// to avoid holds for everyone, private or not, without saying whose it was;
// so does anything that turns the check-in quiet.
// The ratings in history of the people present shape what is suggested
// to them.
func CheckinRequest(mode catalog.Mode, situation string, minutes int, turns []Turn, history *Digest) catalog.Request {
	req := catalog.Request{Mode: mode, Situation: situation, Minutes: minutes}
	names := make([]string, len(turns))
	for i := range turns {
		names[i] = turns[i].Name
	}
	req.Ratings = Ratings(history, names)
	if mode == catalog.Solo {
		// Alone, the person is unnamed to the engine.
		for i := range req.Ratings {
			req.Ratings[i].Person = ""
		}
	}
	for i := range turns {
		p := turns[i].person(mode, situation)
		req.People = append(req.People, p)
		req.Guard = req.Guard || turns[i].guarded()
		// Space is for an ask the others do not see; one in p.Needs is seen.
		req.Space = req.Space || turns[i].askedForSpace() && !catalog.AsksForSpace(p.Needs)
		for _, tag := range turns[i].avoid() {
			if !slices.Contains(req.Avoid, tag) {
				req.Avoid = append(req.Avoid, tag)
			}
		}
	}
	return req
}

// SelfCareRequest asks the engine for a few gentle things someone can do
// for themselves now, from everything they have answered so far, their
// profile and the kind of time it was ("" when that should not count):
// for someone who is not okay, or a follow-up that went heavy. It is
// guarded, so that nothing asks much of them.
func SelfCareRequest(t Turn, situation string, minutes, limit int) catalog.Request {
	req := CheckinRequest(catalog.Solo, situation, minutes, []Turn{t}, nil)
	req.Guard, req.Limit = true, limit
	return req
}

// NewCheckinSession is the history record of a check-in: who was there and
// only what each person chose to share.
func NewCheckinSession(started time.Time, mode catalog.Mode, situation string, turns []Turn, chosen []string, note string) *Session {
	s := &Session{
		ID:        NewSessionID(started),
		Started:   started,
		Mode:      string(mode),
		Situation: situation,
		Shared:    map[string][]Shared{},
		Chosen:    slices.Clone(chosen),
		Note:      strings.TrimSpace(note),
	}
	for i := range turns {
		s.People = append(s.People, turns[i].Name)
		if shared := turns[i].SharedRecords(len(turns)); len(shared) > 0 {
			s.Shared[turns[i].Name] = shared
		}
	}
	return s
}
