package tui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/flow"
)

// results is the shared screen at the end of a check-in: what each person
// chose to share, then what fits everyone, with the reasons, and the
// compromise when needs pull apart. Alone, it is self-care ideas. At the
// end of a plan or follow-up together, it shows what each person shared
// before saving it.
type results struct {
	res *flow.Results
	vp  viewport.Model
}

func newResults(res *flow.Results) *results { return &results{res: res, vp: newScroller()} }

func (r *results) init(c *ctx) tea.Cmd {
	r.size(c)
	return nil
}

func (r *results) size(c *ctx) { fill(&r.vp, c, r.content(c)) }

func (r *results) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		r.size(c)
	case tea.KeyPressMsg:
		if key.Matches(msg, continueKey("")) {
			return show(c, r.res.Next()), nil
		}
	}
	return r, scroll(&r.vp, msg)
}

// content is everything on the screen, wrapped to its width.
func (r *results) content(c *ctx) string {
	return wrapIndented(lines(c.st, r.res.Lines()), c.bodyWidth)
}

func (r *results) view(c *ctx) (string, string) { return r.res.Header, scrolled(c, r.vp) }

func (r *results) keys(*ctx) keyMap { return scrollKeys(continueKey(r.res.Go)) }

func (r *results) unsaved() bool { return true }
func (r *results) typing() bool  { return false }
