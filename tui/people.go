package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// people lists the saved profiles: n makes a new one, enter changes one,
// d deletes one after asking.
type people struct {
	list     cursorList
	deleting bool
	err      error
	// writing is the change being written, while it is, and write the
	// write itself; wrote says how the last one went, for a stop.
	writing *change
	write   *pendingWrite
	wrote   string
}

// change is a write to the saved people, in words for a stop: what is
// changed ("Sam's profile") and how ("saved", "deleted").
type change struct{ what, how string }

func newPeople() *people { return &people{} }

// writeChange writes a change in the background: the list hears how it
// went.
func (p *people) writeChange(c change, save func() error) tea.Cmd {
	var cmd tea.Cmd
	p.writing = &c
	p.write, cmd = startWrite(save)
	return cmd
}

func (p *people) saving() bool { return p.writing != nil }

func (p *people) pending() *pendingWrite { return p.write }

func (p *people) stillSaving() string {
	return p.writing.what + " was still being " + p.writing.how + " when aftercare stopped, and may not have been"
}

func (p *people) stopped() string { return p.wrote }

func (p *people) init(*ctx) tea.Cmd { return nil }

func newKey() key.Binding    { return key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new")) }
func deleteKey() key.Binding { return key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete")) }

func (p *people) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case savedMsg:
		p.err = msg.err
		if w := p.writing; w != nil {
			p.wrote, p.writing = w.what+" was "+w.how, nil
			if msg.err != nil {
				p.wrote = w.what + " was not " + w.how
			}
		}
		return p, loadProfiles(c)
	case profilesLoadedMsg:
		p.list.cursor = min(p.list.cursor, max(len(c.profiles)-1, 0))
	case tea.KeyPressMsg:
		if p.deleting {
			return p, p.answerDelete(c, msg)
		}
		switch {
		case key.Matches(msg, backKey()):
			return newHome(c), nil
		case c.locked && key.Matches(msg, unlockKey(c)):
			return askAgain(c, p, func(*ctx) screen { return newPeople() }), nil
		case c.locked:
			// Making, changing or deleting someone reads the others first.
		case key.Matches(msg, newKey()):
			return newPrefs(c, nil), nil
		case p.list.cursor >= len(c.profiles):
			// No one to move to, change or delete.
		case p.list.move(msg, len(c.profiles)):
		case key.Matches(msg, continueKey("")):
			return newPrefs(c, c.profiles[p.list.cursor]), nil
		case key.Matches(msg, deleteKey()):
			p.deleting = true
		}
	}
	return p, nil
}

// answerDelete deletes the profile under the cursor on y, and keeps it on
// n or any key that says no.
func (p *people) answerDelete(c *ctx, msg tea.KeyPressMsg) tea.Cmd {
	yes, no := yesNoKeys("delete", "keep")
	switch {
	case key.Matches(msg, yes) && p.list.cursor < len(c.profiles):
		p.deleting = false
		store, name := c.store, c.profiles[p.list.cursor].Name
		return p.writeChange(change{name + "'s profile", "deleted"}, func() error {
			_, err := store.DeleteProfile(name)
			return err
		})
	case key.Matches(msg, no):
		p.deleting = false
	}
	return nil
}

func (p *people) view(c *ctx) (string, string) {
	st := c.st
	// While locked, the screen says so, and offers no change.
	if c.locked {
		view := lockedView(c, "Saved people are still here, locked.")
		if p.err != nil {
			// A change made before another run locked them.
			view = st.warm.Render(p.wrote+".") + "\n\n" + view
		}
		return "people", view
	}
	var b strings.Builder
	if p.err != nil {
		b.WriteString(st.warning.Render("That did not work: ") + st.text.Render(p.err.Error()) + "\n\n")
	}
	if len(c.profiles) == 0 {
		b.WriteString(st.title.Render("No one saved yet.") + "\n\n")
		b.WriteString(st.text.Render("A profile remembers what someone likes, never wants and usually needs afterwards, so that suggestions fit them. Press n to add one."))
		return "people", b.String()
	}
	b.WriteString(st.title.Render("People") + "\n\n")
	row := func(i int) string {
		pr := c.profiles[i]
		if pr.Pronouns != "" {
			return pr.Name + " (" + pr.Pronouns + ")"
		}
		return pr.Name
	}
	b.WriteString(p.list.view(c, len(c.profiles), row, c.bodyHeight-lipgloss.Height(b.String())-2))
	if p.deleting {
		b.WriteString("\n" + st.warning.Render(fmt.Sprintf("Delete %s's profile for good? y / n", c.profiles[p.list.cursor].Name)))
	}
	return "people", b.String()
}

func (p *people) keys(c *ctx) keyMap {
	switch {
	case c.locked && !c.keyFile:
		return withCommon(unlockKey(c), backKey())
	case c.locked:
		return withCommon(backKey())
	case p.deleting:
		yes, no := yesNoKeys("delete", "keep")
		return withCommon(yes, no)
	case len(c.profiles) == 0:
		return withCommon(newKey(), backKey())
	}
	up, down := upDownKeys()
	return withCommon(continueKey("change"), newKey(), deleteKey(), up, down, backKey())
}

func (p *people) unsaved() bool { return false }
func (p *people) typing() bool  { return false }
