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
}

// Handed is the turn as it may outlive the person's time at the keyboard:
// the answers they shared and what they asked to avoid. Every private
// answer is gone, so no later screen can show it.
func (t Turn) Handed() Turn {
	out := Turn{Name: t.Name, Profile: t.Profile, AskedForSpace: t.AskedForSpace, Avoid: t.avoid()}
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

// spaceNeeds is what asking for space tells the suggestion engine.
var spaceNeeds = catalog.Weights{{Need: "quiet", Weight: 2}, {Need: "space", Weight: catalog.MaxWeight}}

// askedForSpace is how a request for space is kept in history.
const askedForSpace = "Asked for some space."

// SharedRecords are the answers the person chose to share, as history keeps
// them; a person who asked for space shares only that.
func (t *Turn) SharedRecords(mode catalog.Mode) []Shared {
	if t.AskedForSpace {
		return []Shared{{Question: "support", Said: askedForSpace}}
	}
	var out []Shared
	for _, a := range t.Answers {
		if !a.Shared || !a.Question.Given(a.Answer) {
			continue
		}
		s := Shared{Question: a.Question.ID, Prompt: a.Question.PromptFor(mode), Said: a.Question.Said(a.Answer)}
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
// only what they shared counts, so that no suggestion and no reason ever
// gives away a private answer; alone, all of it does. Their profile adds
// their usual needs, likes and never-list.
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
	if t.AskedForSpace {
		p.Needs = spaceNeeds
		return p
	}
	var now catalog.Weights
	for _, a := range t.Answers {
		if a.Shared || mode == catalog.Solo {
			now = now.Merge(a.Question.Implied(a.Answer).Needs)
		}
	}
	if len(now) > 0 {
		p.Needs = now.Merge(usualAsHint(p.Needs))
	}
	return p
}

// usualAsHint weighs usual needs as a little: what someone needs now, said
// now, matters more than what they usually need.
func usualAsHint(usual catalog.Weights) catalog.Weights {
	out := make(catalog.Weights, len(usual))
	for i, w := range usual {
		out[i] = catalog.Weight{Need: w.Need, Weight: 1}
	}
	return out
}

// CheckinRequest is the engine's request for a check-in. What anyone asked
// to avoid holds for everyone, private or not, without saying whose it was.
// The ratings of the people present shape what is suggested to them.
func CheckinRequest(mode catalog.Mode, situation string, minutes int, turns []Turn, ratings []catalog.Rating) catalog.Request {
	req := catalog.Request{Mode: mode, Situation: situation, Minutes: minutes}
	names := make([]string, len(turns))
	for i := range turns {
		names[i] = turns[i].Name
	}
	req.Ratings = RatingsFor(ratings, names)
	if mode == catalog.Solo {
		// Alone, the person is unnamed to the engine.
		for i := range req.Ratings {
			req.Ratings[i].Person = ""
		}
	}
	for i := range turns {
		req.People = append(req.People, turns[i].person(mode, situation))
		for _, tag := range turns[i].avoid() {
			if !slices.Contains(req.Avoid, tag) {
				req.Avoid = append(req.Avoid, tag)
			}
		}
	}
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
		if shared := turns[i].SharedRecords(mode); len(shared) > 0 {
			s.Shared[turns[i].Name] = shared
		}
	}
	return s
}
