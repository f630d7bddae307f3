package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/catalog"
)

// handoff stands between two people's turns. It says whose turn it is and
// shows nothing of anyone's answers: the last person's screens are gone. A
// follow-up always opens with one, even for one person, since whoever opens
// the laptop may not be the person it is for.
type handoff struct {
	ck *checkin
}

func newHandoff(ck *checkin) *handoff { return &handoff{ck: ck} }

// init: whoever's turn is next has not begun it, even when they come back
// here from their first question.
func (h *handoff) init(*ctx) tea.Cmd {
	h.ck.begun = len(h.ck.turns)
	return nil
}

func (h *handoff) name() string { return h.ck.people[len(h.ck.turns)].name }

func (h *handoff) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
	case key.Matches(k, continueKey("")):
		return newQuestion(c, h.ck, h.ck.newTurn(c), 0), nil
	case key.Matches(k, backKey()) && h.first() && h.ck.kind == checkIn:
		return newSituation(c, h.ck), nil
	case key.Matches(k, backKey()) && h.first():
		return newHome(c), nil
	}
	return h, nil
}

// first says whether no one has had their turn yet. Only then can people
// go back: a finished turn's answers are gone.
func (h *handoff) first() bool { return len(h.ck.turns) == 0 }

func (h *handoff) view(c *ctx) (string, string) {
	st := c.st
	name := h.name()
	title := fmt.Sprintf("%s's turn", name)
	if h.ck.kind == followUp {
		title = "This follow-up is for " + catalog.JoinAnd(h.ck.names())
	}
	body := st.title.Render(title) + "\n\n" +
		st.text.Render(fmt.Sprintf("Please pass the laptop to %s.", name)) + "\n\n" +
		st.muted.Render("Your answers stay private unless you choose to share them. When you are ready, press enter.")
	switch {
	case h.ck.kind == planAhead:
		body += "\n\n" + st.text.Render("This is a plan for afterwards: what you will want, what to avoid, what helps.")
		if c.locked && h.first() {
			body += "\n\n" + st.muted.Render(lockedCheckin)
		}
	case h.ck.kind == followUp && h.ck.together():
		body += "\n\n" + st.text.Render(fmt.Sprintf("It is %s's turn now. It follows up the check-in of %s: how you are now, and how it went.", name, h.ck.of.Started.Local().Format("Monday 2 January")))
	case h.ck.kind == followUp:
		body += "\n\n" + st.text.Render("It follows up "+h.ck.of.Started.Local().Format("Monday 2 January")+": how you are now, and how it went.")
	case h.ck.plan != nil:
		body += "\n\n" + st.warm.Render("Starting from the plan you made at "+h.ck.plan.Started.Local().Format("15:04")+": your answers from it are chosen already. Change any you like.")
	}
	if n := len(h.ck.turns); n > 0 {
		body += "\n\n" + st.muted.Render(fmt.Sprintf("%d of %d turns done.", n, len(h.ck.people)))
	}
	return fmt.Sprintf("%s · %s's turn", h.ck.kind, name), body
}

func (h *handoff) keys(*ctx) keyMap {
	if h.first() {
		return withCommon(continueKey("start my turn"), backKey())
	}
	return withCommon(continueKey("start my turn"))
}

func (h *handoff) unsaved() bool { return !h.first() }
func (h *handoff) typing() bool  { return false }
