package tui

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/plain"
	"github.com/aftercare-tui/aftercare/profile"
)

// pick asks what you will do, from the suggestions, for a note, and who
// would like a check-in tomorrow; guests may be remembered as people.
// Finishing it saves the check-in.
type pick struct {
	chosen   []string
	note     string
	remember []string
	// followUp are those who would like a check-in tomorrow; alone names
	// the one person when they said yes.
	followUp []string
	alone    string
}

// noteLimit is how many characters a note holds, about tonight or in a
// profile.
const noteLimit = 2000

func newPick(c *ctx, ck *checkin, result catalog.Result, from screen) screen {
	p := &pick{}
	var opts []huh.Option[string]
	seen := map[string]bool{}
	add := func(list []catalog.Suggestion) {
		for _, s := range list {
			if !seen[s.ID] {
				seen[s.ID] = true
				opts = append(opts, huh.NewOption(s.Title, s.ID))
			}
		}
	}
	add(result.Suggestions)
	if result.Compromise != nil {
		add(result.Compromise.Bridges)
		for _, own := range result.Compromise.Each {
			add(own.Suggestions)
		}
	}
	// Nothing is chosen in advance when the check-in turned quiet: one
	// enter must not sign anyone up for anything.
	tick := "Tick any with space. The first idea is ticked already."
	if len(result.Suggestions) > 0 && !result.Guarded {
		p.chosen = []string{result.Suggestions[0].ID}
	} else {
		tick = "Tick any with space, or none."
	}
	noteTitle := "Anything to remember about tonight?"
	if !ck.together() {
		noteTitle = "A note for your journal?"
	}
	var fields []step
	if len(opts) > 0 {
		fields = append(fields, anyOf(huh.NewMultiSelect[string]().Title("What will you do?").
			Description(tick), &p.chosen, opts...))
	}
	fields = append(fields, limitedText(huh.NewText().Title(noteTitle).Description("Optional. It is saved with this check-in.").
		Placeholder("A few words, or nothing at all").Lines(3).Value(&p.note), noteLimit))
	// Remembering someone reads the saved people first, which a locked
	// run cannot.
	if guests := guestNames(ck); len(guests) > 0 && !c.locked {
		var gopts []huh.Option[string]
		for _, g := range guests {
			gopts = append(gopts, huh.NewOption(g, g))
		}
		fields = append(fields, anyOf(huh.NewMultiSelect[string]().Title("Remember anyone as a person?").
			Description("Only if they want it. A profile keeps their likes and never-list for next time."),
			&p.remember, gopts...))
	}
	if ck.together() {
		var people []huh.Option[string]
		for _, person := range ck.people {
			people = append(people, huh.NewOption(person.name, person.name))
			if ck.plan != nil {
				if _, wants := ck.plan.PlanStart(c.cat, person.name); wants {
					p.followUp = append(p.followUp, person.name)
				}
			}
		}
		fields = append(fields, anyOf(huh.NewMultiSelect[string]().Title("Would anyone like a check-in tomorrow?").
			Description("A low feeling can come a day later. aftercare will offer it when you next open it."),
			&p.followUp, people...))
	} else if !ck.asked[ck.people[0].name] {
		fields = append(fields, oneOf(huh.NewSelect[string]().Title("Would you like a check-in tomorrow?").
			Description("A low feeling can come a day later. aftercare will offer it when you next open it."),
			&p.alone, huh.NewOption("No, thank you", ""), huh.NewOption("Yes, please", ck.people[0].name)))
	}
	return steps("what you will do", true, fields,
		func(*ctx) screen { return from },
		func(c *ctx) (screen, tea.Cmd) {
			if p.alone != "" {
				p.followUp = []string{p.alone}
			}
			return newSaving(ck, "check-in", p.save(ck)), nil
		})
}

// save is how the check-in is saved: the session, with who would like a
// follow-up, and anyone to remember as a person.
func (p *pick) save(ck *checkin) func(*profile.Store) error {
	session := profile.NewCheckinSession(ck.started, ck.mode, ck.situation, ck.turns, p.chosen, plain.Strip(p.note, true))
	if len(p.followUp) > 0 {
		session.FollowUp = &profile.FollowUp{For: p.followUp}
	}
	remember := p.remember
	return func(s *profile.Store) error {
		err := s.SaveSession(session)
		off := errors.Is(err, profile.ErrHistoryOff)
		if err != nil && !off {
			return err
		}
		var names []string
		var failed []error
		for _, name := range remember {
			if err := s.CreateProfile(&profile.Profile{Name: name}); err != nil {
				names, failed = append(names, name), append(failed, err)
			}
		}
		if len(failed) > 0 {
			return &notRemembered{names: names, err: errors.Join(failed...), historyOff: off}
		}
		return err
	}
}

// guestNames are the people without a profile who gave a name of their
// own; "You" and "Person 2" are not names to remember.
func guestNames(ck *checkin) []string {
	var out []string
	for i, p := range ck.people {
		if p.profile == nil && p.name != soloGuest && p.name != fmt.Sprintf("Person %d", i+1) {
			out = append(out, p.name)
		}
	}
	return out
}
