package tui

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/rivo/uniseg"
)

// A field that takes text holds a limited number of characters. The
// screen says so where it matters: a count under the field once the text
// is near the limit, and a line when a paste had to be cut to fit, rather
// than losing the end of it without a word.

// limitedText is a free-text field that holds at most limit characters.
// The field's own limit counts columns, a wide character (as in Chinese or
// Japanese) two: it is given room for limit wide ones, and the characters
// are counted here (see overLimit), as everything else that keeps an
// answer counts them.
func limitedText(field *huh.Text, limit int) step {
	return step{field: field.CharLimit(2 * limit), limit: limit}
}

// limitedInput is a one-line field that holds at most limit characters.
func limitedInput(field *huh.Input, limit int, check func() error) step {
	return step{field: field.CharLimit(limit), limit: limit, check: check}
}

// nearLimit is how full a field is, in tenths, when its count shows.
const nearLimit = 9

// textLength is how many characters the field holds, a line break one.
func (f *formScreen) textLength() int {
	value, _ := f.field.GetValue().(string)
	return utf8.RuneCountInString(value)
}

// overLimit says whether a key would take a free-text field past its
// limit: text typed, or a line break, beyond the room left. (A one-line
// field counts characters itself.)
func (f *formScreen) overLimit(msg tea.KeyPressMsg) bool {
	if f.limit == 0 || f.oneLine() || !f.typing() {
		return false
	}
	adds := utf8.RuneCountInString(msg.Text)
	if key.Matches(msg, f.formKey.Text.NewLine) {
		adds = 1
	}
	return adds > 0 && f.textLength()+adds > f.limit
}

// paste lets a paste into a limited field through cut to the room left,
// and notes whether it was cut, so that the field never cuts it silently.
func (f *formScreen) paste(msg tea.PasteMsg) tea.Msg {
	fitted, cut := f.toRoom(msg.Content)
	f.pasteCut = cut
	if fitted == "" {
		return nil
	}
	return tea.PasteMsg{Content: fitted}
}

// toRoom is text as the field would take it, cut to the room left in
// it; cut says whether anything was left out.
func (f *formScreen) toRoom(text string) (fitted string, cut bool) {
	return fitText(cleanPaste(text, f.oneLine()), f.limit-f.textLength())
}

// cleanPaste does to pasted text what the field would do, so that what is
// measured is what lands: tabs and line breaks become spaces in a one-line
// field; in free text a tab is four spaces and a Windows line break one
// line break (the field would make it two); other control characters go.
// Unicode's line and paragraph separators are line breaks too: a one-line
// answer may not hold them, and a terminal shows them as no break at all.
func cleanPaste(s string, oneLine bool) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		lineBreak := r == '\r' || r == '\n' || r == 0x2028 || r == 0x2029
		switch {
		case r == utf8.RuneError:
		case (lineBreak || r == '\t') && oneLine:
			b.WriteByte(' ')
		case lineBreak:
			b.WriteByte('\n')
		case r == '\t':
			b.WriteString("    ")
		case !unicode.IsControl(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fitText keeps as much of text as fits in room characters, never
// splitting what shows as one (an accented letter, an emoji); cut says
// whether anything was left out.
func fitText(text string, room int) (fitted string, cut bool) {
	runes := 0
	g := uniseg.NewGraphemes(text)
	for g.Next() {
		count := utf8.RuneCountInString(g.Str())
		if runes+count > room {
			start, _ := g.Positions()
			return text[:start], true
		}
		runes += count
	}
	return text, false
}

// limitLine is the line under a limited field: that a paste was cut, or
// how full the field is once it is nearly full; or nothing.
func (f *formScreen) limitLine(c *ctx) string {
	if f.limit == 0 {
		return ""
	}
	if f.pasteCut {
		return c.st.warm.Render("Your paste was cut short: " + catalog.Thousands(f.limit) + " characters at most here.")
	}
	n := f.textLength()
	if n*10 < f.limit*nearLimit {
		return ""
	}
	return c.st.muted.Render(fmt.Sprintf("%s of %s characters", catalog.Thousands(n), catalog.Thousands(f.limit)))
}
