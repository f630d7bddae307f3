package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/catalog"
)

// resources is the support reachable from home at any time, for anyone:
// every line for the person's region, grouped by what it helps with, with
// emergency numbers first and a directory for everywhere else.
type resources struct{ *reading }

func newResources(c *ctx) *resources {
	return &resources{newReading("support", resourcesText(c), nil)}
}

func resourcesText(c *ctx) string {
	st := c.st
	var b strings.Builder
	b.WriteString(st.title.Render("Support, whenever anyone needs it") + "\n")
	b.WriteString(st.muted.Render("aftercare is not therapy. These are people who can help; nothing here is sent anywhere.") + "\n")
	kind := ""
	for _, r := range c.cat.SupportFor("", c.region()) {
		if r.Kind != kind {
			kind = r.Kind
			b.WriteString("\n" + st.title.Render(catalog.KindLabel(kind)) + "\n")
		}
		b.WriteString(resourceLine(st, r) + "\n")
		if r.Summary != "" {
			b.WriteString("  " + st.muted.Render(r.Summary) + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// resourceLine is a resource and how to reach it, in one line before wrapping.
func resourceLine(st *styles, r catalog.Resource) string {
	return st.name.Render(r.Name) + st.text.Render(": "+r.How)
}

func (r *resources) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, doneReadingKey()) {
		return newHome(c), nil
	}
	_, cmd := r.reading.update(c, msg)
	return r, cmd
}

func (r *resources) unsaved() bool { return false }
