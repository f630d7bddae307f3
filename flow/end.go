package flow

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/plain"
	"github.com/aftercare-tui/aftercare/profile"
)

// NoteLimit is how many characters a note holds, about this time or in a
// profile.
const NoteLimit = 2000

// laterHelp says why a check-in tomorrow is offered.
const laterHelp = "A low feeling can come a day later. aftercare will offer it when you next open it."

// pick asks what people will do, from the suggestions, for a note, and who
// would like a check-in tomorrow; guests may be remembered as people.
// Nothing is chosen in advance when the check-in turned quiet, nor, when
// together, when the first idea touches or is intimate: going on must not
// sign anyone up for anything, least of all being touched. Taking it saves
// the check-in.
func (r *Round) pick(from *Results) *Form {
	f := &Form{Kind: PickForm, Header: "what you will do", Loses: true, back: func() Step { return from }}
	var opts []Option
	seen := map[string]bool{}
	add := func(list []catalog.Suggestion) {
		for _, s := range list {
			if !seen[s.ID] {
				seen[s.ID] = true
				opts = append(opts, Option{s.Title, s.ID})
			}
		}
	}
	result := from.Result
	add(result.Suggestions)
	if result.Compromise != nil {
		add(result.Compromise.Bridges)
		for _, own := range result.Compromise.Each {
			add(own.Suggestions)
		}
	}
	const (
		chosen = iota
		note
		remember
		later
	)
	var asked []int
	wentWrong := r.kindOfTime().WentWrong
	if len(opts) > 0 {
		choose := Field{Kind: Many, Title: "What will you do?", Keys: "Tick any with space, or none.", Options: opts, Value: []string{}}
		if len(result.Suggestions) > 0 && !result.Guarded && !wentWrong && !r.asksConsent(result.Suggestions[0].ID) {
			choose.Keys, choose.Help, choose.Value = "Tick any with space.", "The first idea is ticked already.", []string{result.Suggestions[0].ID}
		}
		f.Fields, asked = append(f.Fields, choose), append(asked, chosen)
	}
	noteTitle := "Anything to remember about this time?"
	if !r.Together() {
		noteTitle = "A note for your journal?"
	}
	f.Fields = append(f.Fields, Field{Kind: Words, Title: noteTitle, Help: "Optional. It is saved with this check-in.",
		Placeholder: "A few words, or nothing at all", Limit: NoteLimit, Value: []string{""}})
	asked = append(asked, note)
	// Remembering someone reads the saved people first, which a locked
	// run cannot.
	if guests := r.guests(); len(guests) > 0 && !r.env.Locked() {
		field := Field{Kind: Many, Title: "Remember anyone as a person?", Value: []string{},
			Help: "Only if they want it. A profile keeps their likes and never-list for next time."}
		for _, g := range guests {
			field.Options = append(field.Options, Option{g, g})
		}
		f.Fields, asked = append(f.Fields, field), append(asked, remember)
	}
	if r.Together() {
		field := Field{Kind: Many, Title: "Would anyone like a check-in tomorrow?", Help: laterHelp, Value: []string{}}
		for _, person := range r.People {
			field.Options = append(field.Options, Option{person.Name, person.Name})
			wants := r.feelsLow(person.Name) || wentWrong
			if r.Plan != nil && !wants {
				_, wants = r.Plan.PlanStart(r.env.Catalog(), person.Name)
			}
			if wants {
				field.Value = append(field.Value, person.Name)
			}
		}
		f.Fields, asked = append(f.Fields, field), append(asked, later)
	} else if name := r.People[0].Name; !r.offered[name] {
		field := Field{Kind: One, Title: "Would you like a check-in tomorrow?", Help: laterHelp,
			Options: []Option{{"No, thank you", ""}, {"Yes, please", name}}, Value: []string{""}}
		if r.feelsLow(name) || wentWrong {
			field.Value = []string{name}
		}
		f.Fields, asked = append(f.Fields, field), append(asked, later)
	}
	f.take = func(values [][]string) Step {
		var picked, guests, followUp []string
		var words string
		for i, what := range asked {
			switch what {
			case chosen:
				picked = values[i]
			case note:
				words = first(values[i])
			case remember:
				guests = values[i]
			case later:
				for _, v := range values[i] {
					if v != "" {
						followUp = append(followUp, v)
					}
				}
			}
		}
		return r.saveCheckin(picked, plain.Strip(words, true), guests, followUp)
	}
	return f
}

// feelsLow says whether someone shared, or alone kept, an answer that says
// they feel low. A drop can come a day later: for them a check-in tomorrow
// starts out chosen, so that going on does not turn it down. Only what
// the others could see already counts, so the choice gives nothing away.
func (r *Round) feelsLow(name string) bool {
	for _, t := range r.Turns {
		if !profile.SameName(t.Name, name) {
			continue
		}
		for _, a := range t.Answers {
			if m := a.Question.Mood(a.Answer); a.Shared && m > 0 && m <= lowMood {
				return true
			}
		}
	}
	return false
}

// lowMood is the highest mood that counts as feeling low: "A little
// wobbly", "Sad or teary", 2 of 5.
const lowMood = 2

// saveCheckin is how the check-in is saved: the session, with who would
// like a follow-up, and anyone to remember as a person.
func (r *Round) saveCheckin(chosen []string, note string, remember, followUp []string) *Save {
	session := profile.NewCheckinSession(r.Started, r.Mode, r.Situation, r.Turns, chosen, note)
	if len(followUp) > 0 {
		session.FollowUp = &profile.FollowUp{For: followUp}
	}
	return &Save{What: "check-in", Write: func(s *profile.Store) error {
		err := s.SaveSession(session)
		off := errors.Is(err, profile.ErrHistoryOff)
		if err != nil && !off {
			return err
		}
		var names []string
		var failed []error
		for _, name := range remember {
			if err := s.CreateProfile(&profile.Profile{Name: name}); err != nil {
				if s.LockedMeanwhile(err) {
					err = errLockedSince
				}
				names, failed = append(names, name), append(failed, err)
			}
		}
		if len(failed) > 0 {
			return &NotRemembered{Names: names, Err: errors.Join(failed...), HistoryOff: off}
		}
		return err
	}}
}

// errLockedSince is why a guest could not be remembered when another run
// locked the data after this one opened it: a new profile's name is
// checked against the saved ones, which cannot be read now.
var errLockedSince = errors.New("aftercare's data was locked by another run while this one was open")

// guests are the people without a profile who gave a name of their own;
// "You" and "Person 2" are not names to remember.
func (r *Round) guests() []string {
	var out []string
	for i, p := range r.People {
		if p.Profile == nil && p.Name != SoloGuest && p.Name != fmt.Sprintf("Person %d", i+1) {
			out = append(out, p.Name)
		}
	}
	return out
}

// NotRemembered reports guests who could not be remembered as people,
// after the check-in itself was saved.
type NotRemembered struct {
	Names []string
	Err   error
	// HistoryOff is set when the check-in was not kept, as the settings
	// ask.
	HistoryOff bool
}

func (n *NotRemembered) Error() string { return catalog.JoinAnd(n.Names) + ": " + n.Err.Error() }
func (n *NotRemembered) Unwrap() error { return n.Err }

// Saved takes how a save went, and says whether the round may go on:
// after a save that worked (or that the settings told not to keep), to
// the step after it; after a failure, the driver asks to try again or to
// go on without it (Save.Skip). A check-in that was saved is never offered
// as unsaved: a guest who could not be remembered is said apart.
func (r *Round) Saved(s *Save, err error) (Step, bool) {
	var guests *NotRemembered
	remembered := !errors.As(err, &guests)
	off := errors.Is(err, profile.ErrHistoryOff) || !remembered && guests.HistoryOff
	if err == nil && s.saved != nil {
		s.saved()
	}
	switch {
	case s.then != nil && (err == nil || errors.Is(err, profile.ErrHistoryOff)):
		return s.then(), true
	case s.then == nil && (err == nil || off || !remembered):
		return r.done(off, guests), true
	}
	return nil, false
}

// done closes a round that was saved, with a few words that fit it.
func (r *Round) done(historyOff bool, guests *NotRemembered) *Message {
	var words, saved string
	switch {
	case r.Kind == Plan && r.env.Locked():
		// Only a run that opens what is saved can read the plan back.
		words, saved = "Thank you for planning together.", "Your plan is saved, locked. A check-in together in the next 12 hours starts from it once the passphrase opens aftercare."
	case r.Kind == Plan:
		words, saved = "Thank you for planning together.", "Your plan is saved. When you check in together in the next 12 hours, it starts from this plan."
	case r.Kind == FollowUp && r.keptRatings():
		words, saved = "Thank you for checking in again.", "How things went will shape what is suggested next time."
	case r.private():
		words, saved = "Thank you for checking in again.", "This follow-up stays out of the shared history."
	case r.Kind == FollowUp:
		words, saved = "Thank you for checking in again.", "Saved to your history."
	case r.Together() && (r.Quiet || r.kindOfTime().WentWrong):
		words, saved = "Thank you for checking in.", "Saved to your history."
	case r.Together():
		words, saved = "Take good care of each other.", "Saved to your history."
	default:
		words, saved = "Take good care of yourself.", "Saved to your history."
	}
	left := "the " + r.Kind.Noun() + " was saved"
	if historyOff {
		saved = "Nothing was saved: history is switched off in your settings."
		left = "nothing was kept: history is switched off in your settings"
	}
	m := &Message{Header: "done", Lines: paragraphs(Say(Title, words), Say(Plain, saved)), Go: "home", End: true, Left: left, next: func() Step { return nil }}
	if guests != nil {
		m.Lines = append(m.Lines, nil, Line{{Warning, "Not remembered as a person: "}, {Plain, FirstLines(guests.Error(), 3)}},
			Say(Muted, "You can add them under People at any time."))
	}
	return m
}

// keptRatings says whether anyone kept how something went, which alone
// changes what is suggested later.
func (r *Round) keptRatings() bool {
	for _, rated := range r.rated {
		if len(rated) > 0 {
			return true
		}
	}
	return false
}

// FirstLines is at most the first n lines of text: as much of an error as
// a screen or a line has room for.
func FirstLines(text string, n int) string {
	lines := strings.Split(text, "\n")
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// kindOfTime is the situation chosen, or the zero one when none was.
func (r *Round) kindOfTime() catalog.Situation {
	if sit := r.env.Catalog().Situation(r.Situation); sit != nil {
		return *sit
	}
	return catalog.Situation{}
}

// asksConsent says whether an activity done together touches anyone, or
// is what the quiet guard leaves out (kissing, nudity, sex, celebrating):
// ticked in advance, enter alone would agree to it for someone who may be
// frozen. One the catalogue does not know is taken to.
func (r *Round) asksConsent(id string) bool {
	if !r.Together() {
		return false
	}
	cat := r.env.Catalog()
	a := cat.Activity(id)
	if a == nil || a.Contact != "none" {
		return true
	}
	return slices.ContainsFunc(a.Tags, func(tag string) bool {
		t := cat.Tag(tag)
		return t != nil && t.Guard
	})
}
