package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// results is the shared screen at the end of a check-in: what each person
// chose to share, then what fits everyone, with the reasons, and the
// compromise when needs pull apart. Alone, it is self-care ideas. At the
// end of a plan or follow-up together, it shows what each person shared
// before saving it.
type results struct {
	ck     *checkin
	result catalog.Result
	vp     viewport.Model
}

// shownSuggestions keeps the list short enough to take in at a glance.
const shownSuggestions = 4

func newResults(c *ctx, ck *checkin) *results {
	if ck.kind != checkIn {
		return &results{ck: ck, vp: newScroller()}
	}
	minutes := 0
	if c.cfg != nil {
		minutes = c.cfg.DefaultMinutes
	}
	req := profile.CheckinRequest(ck.mode, ck.situation, minutes, ck.turns, profile.Ratings(c.history))
	req.Limit = shownSuggestions
	if ck.plan != nil {
		// The plan's avoid-list holds for this check-in too.
		req.Avoid = append(req.Avoid, ck.plan.PlanAvoid(c.cat)...)
	}
	result := c.cat.Suggest(req)
	ck.quiet = result.Guarded
	return &results{ck: ck, result: result, vp: newScroller()}
}

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
		switch {
		case !key.Matches(msg, continueKey("")):
		case r.ck.kind == checkIn:
			return newPick(c, r.ck, r.result, r), nil
		default:
			return r.ck.save(), nil
		}
	}
	var cmd tea.Cmd
	r.vp, cmd = r.vp.Update(msg)
	return r, cmd
}

// content is everything on the screen, wrapped to its width.
func (r *results) content(c *ctx) string {
	st := c.st
	var b strings.Builder
	if r.ck.together() {
		b.WriteString(st.title.Render("What you shared") + "\n")
		for _, t := range r.ck.turns {
			b.WriteString(sharedLines(c, r.ck, t) + "\n")
		}
		b.WriteString("\n")
	}
	switch r.ck.kind {
	case planAhead:
		b.WriteString(st.muted.Render("This is your plan. Saved, it is where a check-in together in the next 12 hours starts from."))
		return wrapIndented(b.String(), c.bodyWidth)
	case followUp:
		b.WriteString(st.muted.Render("Be gentle with what you read here. Saving it keeps how you are and what helped."))
		return wrapIndented(b.String(), c.bodyWidth)
	}
	title := "What might help now"
	if !r.ck.together() {
		title = "Ideas for looking after yourself"
	}
	b.WriteString(st.title.Render(title) + "\n")
	if len(r.result.Suggestions) == 0 {
		b.WriteString(st.muted.Render("Nothing in the catalogue fits all of that. A glass of water and a little quiet are always fine.") + "\n")
	}
	for i, s := range r.result.Suggestions {
		b.WriteString(fmt.Sprintf("%d. %s %s", i+1, st.warm.Render(s.Title), st.muted.Render("("+s.Minutes.String()+" min)")) + "\n")
		b.WriteString("   " + st.text.Render(s.Summary) + "\n")
		b.WriteString("   " + st.muted.Render("Why: "+strings.Join(s.Reasons, "; ")) + "\n")
	}
	if comp := r.result.Compromise; comp != nil {
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
func sharedLines(c *ctx, ck *checkin, t profile.Turn) string {
	st := c.st
	records := t.SharedRecords(len(ck.people))
	rated := ck.rated[t.Name]
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
		lines = append(lines, "  "+st.text.Render(ratingSaid(c, r)))
	}
	return strings.Join(lines, "\n")
}

func (r *results) view(*ctx) (string, string) {
	switch {
	case r.ck.kind != checkIn:
		return r.ck.kind.String() + " · what you shared", r.vp.View()
	case !r.ck.together():
		return "alone · ideas", r.vp.View()
	}
	return "together · what fits everyone", r.vp.View()
}

func (r *results) keys(*ctx) keyMap {
	next := "choose what to do"
	if r.ck.kind != checkIn {
		next = "save"
	}
	return scrollKeys(continueKey(next))
}

func (r *results) unsaved() bool { return true }
func (r *results) typing() bool  { return false }
