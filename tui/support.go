package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// support is shown to someone whose answer calls for it, on their own turn
// and to them alone: the lines that fit what they said (someone to listen
// when they feel low; emergency numbers and lines for sexual violence and
// abuse first when they are not safe), local to their region, then a few
// gentle words and a choice. In a check-in together they can carry on, ask
// for space (the others learn that and nothing more), or end it quietly
// (the others learn only that it ended); in a follow-up that went heavy,
// they can leave a few words for the others. Then, privately, they can ask
// to be checked on tomorrow.
type support struct {
	formScreen
	choice string
}

// The choices on the support screen.
const (
	carryOn      = "carry-on"
	askSpace     = "space"
	endNow       = "end"
	leaveMessage = "message"
)

func newSupport(c *ctx, ck *checkin, t *turn, next int, said string) screen {
	s := &support{choice: carryOn}
	s.header = ck.progress(t, next-1)
	s.loses = true
	s.formLines = 4
	others := ck.others(t)
	var help []string
	if ck.kind == followUp {
		help = selfCare(c, ck, t)
	}
	s.intro = supportWords(c, ck, said, help)
	opts := []huh.Option[string]{huh.NewOption("Carry on", carryOn)}
	switch {
	case ck.kind == followUp && len(others) > 0:
		opts = append(opts, huh.NewOption("Leave a few words for "+catalog.JoinAnd(others), leaveMessage),
			huh.NewOption("Stop here for now", endNow))
	case ck.together():
		opts = append(opts, huh.NewOption("Ask for some space", askSpace), huh.NewOption("End the check-in quietly", endNow))
	default:
		opts = append(opts, huh.NewOption("Stop here for now", endNow))
	}
	s.ask(oneOf(huh.NewSelect[string]().Title("What would you like to do?"), &s.choice, opts...))
	s.back = func(c *ctx) screen { return newQuestion(c, ck, t, next-1) }
	route := func(c *ctx) (screen, tea.Cmd) {
		switch s.choice {
		case askSpace:
			done := t.answered(make([]bool, len(t.questions)))
			done.AskedForSpace = true
			return newNotice(s.header, "Before you pass the laptop on", done.GuardNote(), "hand over",
				func(c *ctx) (screen, tea.Cmd) { return ck.finish(c, done) }), nil
		case endNow:
			return newEnded(ck), nil
		case leaveMessage:
			t.insert(next, catalog.MessageQuestion(others))
		}
		return ck.after(c, t, next), nil
	}
	s.done = route
	if ck.kind != followUp && (c.cfg == nil || c.cfg.KeepHistory) {
		s.done = func(c *ctx) (screen, tea.Cmd) { return askTomorrow(s, ck, t, route), nil }
	}
	return s
}

// askTomorrow offers, privately, a follow-up for this person alone: the
// others never see it asked for, and it is saved apart from the check-in,
// so that it stands even if the check-in ends here.
func askTomorrow(from *support, ck *checkin, t *turn, then func(c *ctx) (screen, tea.Cmd)) screen {
	var want string
	return steps(from.header, true, []step{oneOf(huh.NewSelect[string]().
		Title("Would you like aftercare to check on you tomorrow?").
		Description("Only you will know you asked. It is offered when aftercare next opens, from nine in the morning."),
		&want, huh.NewOption("No, thank you", ""), huh.NewOption("Yes, just for me", "yes"))},
		func(*ctx) screen { return from },
		func(c *ctx) (screen, tea.Cmd) {
			if want == "" {
				return then(c)
			}
			ck.asked[t.who.name] = true
			record := profile.NewPrivateFollowUp(c.now(), t.who.name)
			return newSaving(ck, "follow-up", func(s *profile.Store) error { return s.SaveSession(record) }).
				andThen(then, "Saved. aftercare will offer you a check-in tomorrow; only your name is on it, and the shared history does not show it."), nil
		})
}

// supportWords are the support lines that fit what was said, then a few
// gentle words; in a follow-up, a few things that may help now come first.
func supportWords(c *ctx, ck *checkin, said string, help []string) string {
	st := c.st
	var b strings.Builder
	title := "Thank you for saying so."
	if ck.kind == followUp {
		title = "Thank you for telling me."
	}
	b.WriteString(st.title.Render(title) + "\n")
	if len(help) > 0 {
		b.WriteString(st.text.Render("A few things that may help now: "+strings.Join(help, "; ")+".") + "\n")
	}
	for _, r := range c.cat.SupportFor(said, c.region()) {
		b.WriteString(resourceLine(st, r) + "\n")
	}
	b.WriteString("\n" + st.text.Render(gentleWords(ck, said)))
	return b.String()
}

// gentleWords say that nothing needs explaining, and what each choice does.
func gentleWords(ck *checkin, said string) string {
	first := "You don't have to explain anything, and no one else will see this."
	switch {
	case ck.kind == followUp:
		return "A low or heavy feeling a day later is common, and it does not mean anything went wrong. No one else will see this unless you leave them a few words."
	case said == catalog.SupportLow:
		first = "It's all right not to be okay; feelings like this can follow sex, and they ease. No one else will see this."
	default:
		first += " If you are in danger, please reach out now."
	}
	if !ck.together() {
		return first + " You can carry on, or stop here for now."
	}
	return first + " You can carry on, ask for some space (the others learn only that), or end the check-in quietly (the others learn only that it ended)."
}

// selfCare names a few gentle things someone can do for themselves now,
// from what they have answered so far. A day later, the kind of time it
// was counts too, so that drop after a scene is named for what it is;
// right afterwards it does not, since care meant for one role would reach
// whoever is not okay, whatever their role.
func selfCare(c *ctx, ck *checkin, t *turn) []string {
	minutes := 0
	if c.cfg != nil {
		minutes = c.cfg.DefaultMinutes
	}
	situation := ""
	if ck.kind == followUp {
		situation = ck.situation
	}
	result := c.cat.Suggest(profile.SelfCareRequest(t.answered(make([]bool, len(t.questions))), situation, minutes, 3))
	titles := make([]string, len(result.Suggestions))
	for i, s := range result.Suggestions {
		titles[i] = s.Title
	}
	return titles
}

// others are the people a follow-up's words could be left for: everyone
// else who was at the check-in.
func (ck *checkin) others(t *turn) []string {
	if ck.of == nil {
		return nil
	}
	return slices.DeleteFunc(slices.Clone(ck.of.People), func(n string) bool { return profile.SameName(n, t.who.name) })
}

// insert adds a question to the turn at i, unanswered.
func (t *turn) insert(i int, q catalog.Question) {
	t.questions = slices.Insert(t.questions, i, q)
	t.answers = slices.Insert(t.answers, i, catalog.Answer{})
}

// ended is what everyone sees after someone ended the check-in quietly:
// only that it ended, in words that say nothing about anyone. Nothing of
// it is saved.
type ended struct{ ck *checkin }

func newEnded(ck *checkin) *ended { return &ended{ck: ck} }

func (e *ended) init(*ctx) tea.Cmd { return nil }

func (e *ended) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, continueKey("")) {
		return newHome(c), nil
	}
	return e, nil
}

func (e *ended) view(c *ctx) (string, string) {
	st := c.st
	body := st.title.Render("The check-in has ended.") + "\n\n" + st.text.Render("Nothing from it was saved.")
	if !e.ck.together() || e.ck.kind == followUp {
		body = st.title.Render("Stopped for now.") + "\n\n" +
			st.text.Render("Nothing was saved. You can come back whenever you like; support is on the home screen at any time.")
	}
	return "check-in ended", body
}

func (e *ended) keys(*ctx) keyMap { return withCommon(continueKey("home")) }
func (e *ended) unsaved() bool    { return false }
func (e *ended) typing() bool     { return false }
