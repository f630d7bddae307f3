package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/flow"
	"github.com/aftercare-tui/aftercare/profile"
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
	var cmd tea.Cmd
	r.vp, cmd = r.vp.Update(msg)
	return r, cmd
}

// content is everything on the screen, wrapped to its width.
func (r *results) content(c *ctx) string {
	st := c.st
	round, result := r.res.Round, r.res.Result
	var b strings.Builder
	if round.Together() {
		b.WriteString(st.title.Render("What you shared") + "\n")
		for _, t := range round.Turns {
			b.WriteString(sharedLines(c, round, t) + "\n")
		}
		b.WriteString("\n")
	}
	switch round.Kind {
	case flow.Plan:
		b.WriteString(st.muted.Render("This is your plan. Saved, it is where a check-in together in the next 12 hours starts from."))
		return wrapIndented(b.String(), c.bodyWidth)
	case flow.FollowUp:
		b.WriteString(st.muted.Render("Be gentle with what you read here. Saving it keeps how you are and what helped."))
		return wrapIndented(b.String(), c.bodyWidth)
	}
	title := "What might help now"
	if !round.Together() {
		title = "Ideas for looking after yourself"
	}
	b.WriteString(st.title.Render(title) + "\n")
	if len(result.Suggestions) == 0 {
		b.WriteString(st.muted.Render("Nothing in the catalogue fits all of that. A glass of water and a little quiet are always fine.") + "\n")
	}
	for i, s := range result.Suggestions {
		b.WriteString(fmt.Sprintf("%d. %s %s", i+1, st.warm.Render(s.Title), st.muted.Render("("+s.Minutes.String()+" min)")) + "\n")
		b.WriteString("   " + st.text.Render(s.Summary) + "\n")
		b.WriteString("   " + st.muted.Render("Why: "+strings.Join(s.Reasons, "; ")) + "\n")
	}
	if comp := result.Compromise; comp != nil {
		b.WriteString("\n" + st.title.Render("When needs pull apart") + "\n")
		b.WriteString(st.text.Render(comp.Why) + "\n")
		for _, s := range comp.Bridges {
			b.WriteString("• " + st.warm.Render(s.Title) + st.muted.Render(" ("+s.Minutes.String()+" min)") + "\n")
		}
		for _, own := range comp.Each {
			var alone []string
			for _, s := range own.Suggestions {
				if len(s.With) > 0 {
					b.WriteString(st.name.Render(own.Person) + st.text.Render(" with "+catalog.JoinAnd(s.With)+": "+s.Title) + "\n")
					continue
				}
				alone = append(alone, s.Title)
			}
			if len(alone) > 0 {
				b.WriteString(st.name.Render(own.Person) + st.text.Render(" on their own: "+strings.Join(alone, "; ")) + "\n")
			}
		}
	}
	return wrapIndented(strings.TrimRight(b.String(), "\n"), c.bodyWidth)
}

// sharedLines say what one person shared, an answer a line, then how
// what they did went, in a follow-up.
func sharedLines(c *ctx, round *flow.Round, t profile.Turn) string {
	st := c.st
	records := t.SharedRecords(len(round.People))
	rated := round.Rated(t.Name)
	name := st.name.Render(t.Name)
	if len(records) == 0 && len(rated) == 0 {
		return name + st.muted.Render(" kept their answers to themselves.")
	}
	lines := []string{name}
	for _, s := range records {
		if s.Prompt == "" {
			lines = append(lines, "  "+st.text.Render(s.Said))
			continue
		}
		lines = append(lines, "  "+st.muted.Render(s.Prompt)+" "+st.text.Render(s.Said))
	}
	for _, r := range rated {
		lines = append(lines, "  "+st.text.Render(flow.RatingSaid(c.cat, r)))
	}
	return strings.Join(lines, "\n")
}

func (r *results) view(*ctx) (string, string) { return r.res.Header, r.vp.View() }

func (r *results) keys(*ctx) keyMap { return scrollKeys(continueKey(r.res.Go)) }

func (r *results) unsaved() bool { return true }
func (r *results) typing() bool  { return false }
