package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// support is shown to someone who said they are not okay or not safe, on
// their own turn and to them alone: a few gentle words, the catalogue's
// support resources, and a choice. They can carry on, ask for space (the
// others learn that and nothing more), or end the check-in quietly (the
// others learn only that it ended).
type support struct {
	formScreen
	choice string
}

// The choices on the support screen.
const (
	carryOn  = "carry-on"
	askSpace = "space"
	endNow   = "end"
)

func newSupport(c *ctx, ck *checkin, t *turn, next int) screen {
	s := &support{choice: carryOn}
	s.header = ck.progress(t, next-1)
	s.loses = true
	s.formLines = 4
	s.intro = supportWords(c, ck)
	opts := []huh.Option[string]{huh.NewOption("Carry on with my check-in", carryOn)}
	if ck.together() {
		opts = append(opts,
			huh.NewOption("Ask for some space", askSpace),
			huh.NewOption("End the check-in quietly", endNow))
	} else {
		opts = append(opts, huh.NewOption("Stop here for now", endNow))
	}
	s.ask(huh.NewSelect[string]().Title("What would you like to do?").Options(opts...).Value(&s.choice))
	s.back = func(c *ctx) screen { return newQuestion(c, ck, t, next-1) }
	s.done = func(c *ctx) (screen, tea.Cmd) {
		switch s.choice {
		case askSpace:
			done := t.answered(make([]bool, len(t.questions)))
			done.AskedForSpace = true
			return ck.finish(c, done)
		case endNow:
			return newEnded(ck), nil
		}
		return ck.after(c, t, next), nil
	}
	return s
}

// supportWords are the gentle words and the support resources.
func supportWords(c *ctx, ck *checkin) string {
	st := c.st
	var b strings.Builder
	b.WriteString(st.title.Render("Thank you for saying so.") + "\n")
	words := "You don't have to explain anything, and no one else will see this. You can carry on, ask for some space (the others learn only that), or end the check-in quietly (the others learn only that it ended). If you are in danger, please reach out now."
	if !ck.together() {
		words = "You don't have to explain anything. You can carry on, or stop here for now. If you are in danger, please reach out now."
	}
	b.WriteString(st.text.Render(words) + "\n")
	for _, r := range c.cat.Resources {
		line := st.name.Render(r.Name)
		b.WriteString("\n" + line + "\n" + st.text.Render(r.How) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// ended is what everyone sees after someone ended the check-in quietly:
// only that it ended. Nothing of it is saved.
type ended struct{ ck *checkin }

func newEnded(ck *checkin) *ended { return &ended{ck: ck} }

func (e *ended) init(*ctx) tea.Cmd { return nil }

func (e *ended) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "enter" {
		return newHome(c), nil
	}
	return e, nil
}

func (e *ended) view(c *ctx) (string, string) {
	st := c.st
	body := st.title.Render("The check-in has ended.") + "\n\n" +
		st.text.Render("Nothing from it was saved. Be gentle with each other and with yourselves.")
	if !e.ck.together() {
		body = st.title.Render("Stopped for now.") + "\n\n" +
			st.text.Render("Nothing was saved. Be gentle with yourself; you can come back whenever you like.")
	}
	return "check-in ended", body
}

func (e *ended) keys() keyMap  { return withCommon(continueKey("home")) }
func (e *ended) unsaved() bool { return false }
func (e *ended) typing() bool  { return false }
