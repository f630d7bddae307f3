package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// who asks who is here before a check-in: saved people to tick and other
// names to type, all optional. Pressing enter with nothing chosen starts a
// check-in for two unnamed people (together) or for you (alone).
type who struct {
	formScreen
	mode   catalog.Mode
	saved  []string
	others string
	alone  string
}

// soloGuest is the name of someone alone without a profile.
const soloGuest = "You"

func newWho(c *ctx, mode catalog.Mode) screen {
	w := &who{mode: mode}
	w.header = "who is here"
	w.back = func(c *ctx) screen { return newHome(c) }
	var names []huh.Option[string]
	for _, p := range c.profiles {
		names = append(names, huh.NewOption(p.Name, p.Name))
	}
	switch {
	case mode == catalog.Solo && len(names) == 0:
		return newSituation(c, newCheckin(c, mode, []string{soloGuest}, ""))
	case mode == catalog.Solo:
		w.alone = soloGuest
		names = append(names, huh.NewOption("Just me, without a profile", soloGuest))
		w.form = huh.NewForm(huh.NewGroup(huh.NewSelect[string]().
			Title("Who is checking in?").Options(names...).Value(&w.alone)))
	case len(names) == 0:
		w.form = huh.NewForm(huh.NewGroup(huh.NewInput().
			Title("Who is here?").
			Description("Names are optional. Separate them with commas, or just press enter for two of you.").
			Placeholder("Sam, Alex").Value(&w.others)))
	default:
		w.form = huh.NewForm(
			huh.NewGroup(w.multi(huh.NewMultiSelect[string]().Title("Who is here?").
				Description("Tick with space, then press enter.").Options(names...).Value(&w.saved))),
			huh.NewGroup(huh.NewInput().Title("Anyone else?").Description("Names, separated by commas. Optional.").Value(&w.others)),
		)
	}
	w.done = w.start
	return w
}

// start begins the check-in with the chosen names.
func (w *who) start(c *ctx) (screen, tea.Cmd) {
	if w.mode == catalog.Solo {
		return newSituation(c, newCheckin(c, w.mode, []string{w.alone}, "")), nil
	}
	names := append([]string{}, w.saved...)
	for _, n := range strings.Split(w.others, ",") {
		n = strings.TrimSpace(n)
		if n != "" && !containsName(names, n) {
			names = append(names, n)
		}
	}
	for len(names) < 2 {
		names = append(names, "")
	}
	return newSituation(c, newCheckin(c, w.mode, names, "")), nil
}

func containsName(names []string, name string) bool {
	for _, n := range names {
		if profile.SameName(n, name) {
			return true
		}
	}
	return false
}

// situation asks what kind of time it was; skipping is the default.
type situation struct {
	formScreen
	choice string
}

func newSituation(c *ctx, ck *checkin) screen {
	s := &situation{}
	s.header = "before you start"
	opts := []huh.Option[string]{huh.NewOption("Skip this", "")}
	for _, sit := range c.cat.SituationsFor(ck.mode) {
		opts = append(opts, huh.NewOption(sit.Label, sit.ID))
	}
	s.form = huh.NewForm(huh.NewGroup(huh.NewSelect[string]().
		Title("What kind of time was it?").
		Description("It helps choose what to suggest. You can skip it.").
		Options(opts...).Value(&s.choice)))
	s.back = func(c *ctx) screen { return newHome(c) }
	s.done = func(c *ctx) (screen, tea.Cmd) {
		ck.situation = s.choice
		return ck.first(c), nil
	}
	return s
}
