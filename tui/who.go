package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/plain"
	"github.com/aftercare-tui/aftercare/profile"
)

// who asks who is here before a check-in: saved people to tick and other
// names to type, all optional. Pressing enter with nothing chosen starts a
// check-in for two unnamed people (together) or for you (alone).
type who struct {
	mode   catalog.Mode
	plan   bool
	saved  []string
	others string
	alone  string
}

// namesLimit is room for every name a check-in can hold, and no more.
const namesLimit = catalog.MaxPeople * (profile.MaxNameLength + 2)

// soloGuest is the name of someone alone without a profile.
const soloGuest = "You"

func newWho(c *ctx, mode catalog.Mode, plan bool) screen {
	w := &who{mode: mode, plan: plan, alone: soloGuest}
	home := func(c *ctx) screen { return newHome(c) }
	var names []huh.Option[string]
	for _, p := range c.profiles {
		names = append(names, huh.NewOption(p.Name, p.Name))
	}
	switch {
	case mode == catalog.Solo && len(names) == 0:
		return newSituation(c, newCheckin(c, checkIn, mode, []string{soloGuest}))
	case mode == catalog.Solo:
		names = append(names, huh.NewOption("Just me, without a profile", soloGuest))
		return steps("who is here", false, []step{oneOf(huh.NewSelect[string]().Title("Who is checking in?"), &w.alone, names...)},
			home, w.start)
	case len(names) == 0:
		return steps("who is here", false, []step{limitedInput(huh.NewInput().
			Title("Who is here?").
			Description("Names are optional. Separate them with commas, or just press enter for two of you.").
			Placeholder("Sam, Alex").Value(&w.others), namesLimit, w.check)}, home, w.start)
	}
	return steps("who is here", false, []step{
		anyOf(huh.NewMultiSelect[string]().Title("Who is here?").
			Description("Tick with space, then press enter."), &w.saved, names...),
		limitedInput(huh.NewInput().Title("Anyone else?").Description("Names, separated by commas. Optional.").Value(&w.others), namesLimit, w.check),
	}, home, w.start)
}

// start begins the check-in with the chosen names.
func (w *who) start(c *ctx) (screen, tea.Cmd) {
	if w.mode == catalog.Solo {
		return newSituation(c, newCheckin(c, checkIn, w.mode, []string{w.alone})), nil
	}
	if w.plan {
		return newCheckin(c, planAhead, w.mode, w.names()).first(c), nil
	}
	return newSituation(c, newCheckin(c, checkIn, w.mode, w.names())), nil
}

// names are the people ticked and typed, at least two: someone left
// unnamed is Person 2, and so on.
func (w *who) names() []string {
	names := append([]string{}, w.saved...)
	for _, n := range strings.Split(plain.Strip(w.others, false), ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	for len(names) < 2 {
		names = append(names, "")
	}
	for i, n := range names {
		if n == "" {
			names[i] = fmt.Sprintf("Person %d", i+1)
		}
	}
	return names
}

// check refuses, in plain words, names that could not be saved: one with
// no letter or digit, one given twice, or too many people.
func (w *who) check() error { return profile.CheckNames(w.names()) }

// newSituation asks what kind of time it was; skipping is the default.
func newSituation(c *ctx, ck *checkin) screen {
	choice := ck.situation
	opts := []huh.Option[string]{huh.NewOption("Skip this", "")}
	for _, sit := range c.cat.SituationsFor(ck.mode) {
		opts = append(opts, huh.NewOption(sit.Label, sit.ID))
	}
	first := steps("before you start", false, []step{oneOf(huh.NewSelect[string]().
		Title("What kind of time was it?").
		Description("It helps choose what to suggest. You can skip it."), &choice, opts...)},
		func(c *ctx) screen { return newHome(c) },
		func(c *ctx) (screen, tea.Cmd) {
			ck.situation = choice
			return ck.first(c), nil
		})
	if c.locked {
		// Home says so too, but a check-in started by name never passed
		// it.
		first.(*formScreen).intro = c.st.muted.Render(lockedCheckin)
	}
	return first
}

// lockedCheckin is the line that opens a check-in or plan in a run that
// carried on without the passphrase.
const lockedCheckin = "Locked: saved people and history stay closed this time. What you save now is still kept, encrypted."
