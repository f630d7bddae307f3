package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/flow"
)

// resources is the support reachable from home at any time, for anyone:
// every line for the person's region, grouped by what it helps with, with
// emergency numbers first and a directory for everywhere else.
type resources struct{ *reading }

func newResources(c *ctx) *resources {
	return &resources{newReading("support", resourcesText(c), nil)}
}

func resourcesText(c *ctx) string { return lines(c.st, flow.SupportLines(c.cat, c.region())) }

func (r *resources) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, doneReadingKey()) {
		return newHome(c), nil
	}
	_, cmd := r.reading.update(c, msg)
	return r, cmd
}

func (r *resources) unsaved() bool { return false }
