package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/flow"
	"github.com/aftercare-tui/aftercare/profile"
)

// newPrefs is the form for one person's profile (see flow.ProfileForm);
// saving writes it in the background and goes back to the list, which
// hears how it went.
func newPrefs(c *ctx, was *profile.Profile) screen {
	c.work = prefsWork{was}
	return newFlowForm(c, flow.ProfileForm(c, was), func(c *ctx, s flow.Step) (screen, tea.Cmd) {
		list := newPeople()
		save, ok := s.(*flow.Save)
		if !ok {
			return list, nil
		}
		store := c.store
		return list, list.writeChange(change{save.What, "saved"}, func() error { return save.Write(store) })
	})
}

// prefsWork is a profile being made or changed, as work a stop can lose.
type prefsWork struct{ was *profile.Profile }

func (p prefsWork) lost() string {
	if p.was != nil {
		return "the changes to " + p.was.Name + "'s profile were not saved"
	}
	return "the new profile was not saved"
}
