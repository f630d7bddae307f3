package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/plain"
)

// cursorList is a cursor over rows: ↑ and ↓ move it, stopping at the
// first and last row (see upDownKeys), a long list's page keys move it
// further (see jump), and its view shows the rows around it that fit.
type cursorList struct {
	cursor int
	// shown is how many rows the view last showed: a page, for jump.
	shown int
}

// move moves the cursor for an arrow key and says whether it was one.
func (l *cursorList) move(msg tea.KeyPressMsg, rows int) bool {
	up, down := upDownKeys()
	switch {
	case key.Matches(msg, up):
		l.cursor = max(l.cursor-1, 0)
	case key.Matches(msg, down):
		l.cursor = max(min(l.cursor+1, rows-1), 0)
	default:
		return false
	}
	return true
}

// jump moves the cursor a page, or to the first or last row, for a key
// of pageKeys or endKeys, and says whether it was one: a history of years is not
// walked a row at a time.
func (l *cursorList) jump(msg tea.KeyPressMsg, rows int) bool {
	page := max(l.shown-1, 1)
	pageUp, pageDown := pageKeys()
	first, last := endKeys()
	switch {
	case key.Matches(msg, pageUp):
		l.cursor = max(l.cursor-page, 0)
	case key.Matches(msg, pageDown):
		l.cursor = max(min(l.cursor+page, rows-1), 0)
	case key.Matches(msg, first):
		l.cursor = 0
	case key.Matches(msg, last):
		l.cursor = max(rows-1, 0)
	default:
		return false
	}
	return true
}

// view draws as many of count rows as fit in height, the chosen one
// marked. Only the rows shown are made, so a history of years costs no
// more to draw than a short one.
func (l *cursorList) view(c *ctx, count int, row func(i int) string, height int) string {
	height = max(height, 1)
	l.shown = height
	start := max(0, min(l.cursor-height/2, count-height))
	var b strings.Builder
	for i := start; i < count && i < start+height; i++ {
		// Rows are names and history lines: each stays on its one line,
		// cut at the width it shows at, escapes written out.
		line := truncate(plain.Line(row(i)), c.bodyWidth-2)
		if i == l.cursor {
			b.WriteString(c.st.cursor.Render("» "+line) + "\n")
		} else {
			b.WriteString("  " + c.st.text.Render(line) + "\n")
		}
	}
	return b.String()
}
