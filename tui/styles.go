package tui

import (
	"github.com/aftercare-tui/aftercare/flow"
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/aftercare-tui/aftercare/plain"
)

// palette is the one set of colours every style is built from, chosen once
// for a light or a dark background. Nothing else in the package names a
// colour; without colour (NO_COLOR) every style still reads through bold,
// reverse and words.
type palette struct {
	text, muted, accent, warm, warning, border color.Color
}

func newPalette(dark, noColor bool) palette {
	if noColor {
		none := lipgloss.NoColor{}
		return palette{none, none, none, none, none, none}
	}
	pick := lipgloss.LightDark(dark)
	return palette{
		text:    pick(lipgloss.Color("#2E2A27"), lipgloss.Color("#E6E1DC")),
		muted:   pick(lipgloss.Color("#6E6862"), lipgloss.Color("#9A948E")),
		accent:  pick(lipgloss.Color("#3F6A99"), lipgloss.Color("#9DB8D9")),
		warm:    pick(lipgloss.Color("#9A5B1E"), lipgloss.Color("#E2B07A")),
		warning: pick(lipgloss.Color("#A23B2B"), lipgloss.Color("#E58A7A")),
		border:  pick(lipgloss.Color("#C8C2BC"), lipgloss.Color("#5A5652")),
	}
}

// styles are every style the screens use. Each one that draws words shows
// them rather than obeys them (plain.Text): names, answers, notes, history
// and the catalogue all reach the screen through these styles, and any of
// them may hold a terminal escape from a hand-edited or imported file.
type styles struct {
	dark    bool
	noColor bool
	p       palette

	header  lipgloss.Style // the line at the top: where you are
	title   lipgloss.Style // a screen's main words
	text    lipgloss.Style
	muted   lipgloss.Style // hints and quieter words
	name    lipgloss.Style // a person's name
	warm    lipgloss.Style // gentle emphasis
	warning lipgloss.Style // something went wrong
	cursor  lipgloss.Style // the chosen line of a menu
	help    help.Styles
	form    *huh.Styles
}

func newStyles(dark, noColor bool) *styles {
	p := newPalette(dark, noColor)
	s := &styles{dark: dark, p: p}
	s.text = words().Foreground(p.text)
	s.header = words().Foreground(p.muted)
	s.title = words().Foreground(p.accent).Bold(true)
	s.muted = words().Foreground(p.muted)
	s.name = words().Foreground(p.warm).Bold(true)
	s.warm = words().Foreground(p.warm)
	s.warning = words().Foreground(p.warning).Bold(true)
	s.cursor = words().Foreground(p.accent).Bold(true)
	s.noColor = noColor
	s.help = help.Styles{
		ShortKey:       lipgloss.NewStyle().Foreground(p.accent),
		ShortDesc:      lipgloss.NewStyle().Foreground(p.muted),
		ShortSeparator: lipgloss.NewStyle().Foreground(p.border),
		Ellipsis:       lipgloss.NewStyle().Foreground(p.border),
		FullKey:        lipgloss.NewStyle().Foreground(p.accent),
		FullDesc:       lipgloss.NewStyle().Foreground(p.muted),
		FullSeparator:  lipgloss.NewStyle().Foreground(p.border),
	}
	return s
}

// words is a style for text that may have come from a file or a person:
// it is given only words, never text another style has drawn, so that
// escapes in it can only be shown.
func words() lipgloss.Style { return lipgloss.NewStyle().Transform(plain.Text) }

// formTheme dresses huh's fields in the same palette. Chosen and unchosen
// options differ in their markers, not only in colour. The styles are built
// once: huh asks for them at every frame.
func (s *styles) formTheme() huh.Theme {
	if s.form == nil {
		s.form = s.buildFormStyles()
	}
	return huh.ThemeFunc(func(bool) *huh.Styles { return s.form })
}

// inputStyles dress a text field of bubbles' own as formTheme dresses
// huh's, for the one field that is not part of a form: the passphrase.
func (s *styles) inputStyles() textinput.Styles {
	field := textinput.StyleState{
		Placeholder: lipgloss.NewStyle().Foreground(s.p.muted),
		Suggestion:  lipgloss.NewStyle().Foreground(s.p.muted),
		Prompt:      lipgloss.NewStyle().Foreground(s.p.accent),
		Text:        lipgloss.NewStyle().Foreground(s.p.text),
	}
	return textinput.Styles{Focused: field, Blurred: field, Cursor: textinput.CursorStyle{Color: s.p.accent, Shape: tea.CursorBlock, Blink: true}}
}

func (s *styles) buildFormStyles() *huh.Styles {
	p := s.p
	t := huh.ThemeBase(s.dark)
	t.Form.Base = lipgloss.NewStyle()
	t.Group.Base = lipgloss.NewStyle()
	t.FieldSeparator = lipgloss.NewStyle().SetString("\n\n")
	f := &t.Focused
	f.Base = lipgloss.NewStyle()
	f.Card = f.Base
	// huh draws titles, descriptions and options with these alone, so
	// they are where questions, answers and names enter a form. Text
	// fields drop control characters from what they are given, and draw
	// it with their cursor inside one style, which must stay as it is.
	f.Title = words().Foreground(p.accent).Bold(true)
	f.Description = words().Foreground(p.muted)
	f.NoteTitle = words()
	f.ErrorIndicator = lipgloss.NewStyle().Foreground(p.warning).SetString(" *")
	f.ErrorMessage = lipgloss.NewStyle().Foreground(p.warning).SetString(" ")
	f.SelectSelector = lipgloss.NewStyle().Foreground(p.accent).Bold(true).SetString("» ")
	f.Option = words().Foreground(p.text)
	f.MultiSelectSelector = lipgloss.NewStyle().Foreground(p.accent).Bold(true).SetString("» ")
	f.SelectedOption = words().Foreground(p.warm)
	f.SelectedPrefix = lipgloss.NewStyle().Foreground(p.warm).SetString("[x] ")
	f.UnselectedOption = words().Foreground(p.text)
	f.UnselectedPrefix = lipgloss.NewStyle().Foreground(p.muted).SetString("[ ] ")
	f.NextIndicator = lipgloss.NewStyle().Foreground(p.muted).MarginLeft(1).SetString("→")
	f.PrevIndicator = lipgloss.NewStyle().Foreground(p.muted).MarginRight(1).SetString("←")
	f.TextInput.Cursor = lipgloss.NewStyle().Foreground(p.accent)
	f.TextInput.Placeholder = lipgloss.NewStyle().Foreground(p.muted).Faint(s.noColor)
	f.TextInput.Prompt = lipgloss.NewStyle().Foreground(p.accent)
	f.TextInput.Text = lipgloss.NewStyle().Foreground(p.text)
	f.FocusedButton = lipgloss.NewStyle().Padding(0, 2).Reverse(true).Bold(true)
	f.BlurredButton = lipgloss.NewStyle().Padding(0, 2).Foreground(p.muted)
	t.Blurred = *f
	t.Blurred.MultiSelectSelector = lipgloss.NewStyle().SetString("  ")
	t.Blurred.SelectSelector = lipgloss.NewStyle().SetString("  ")
	t.Blurred.Title = words().Foreground(p.muted)
	t.Help = s.help
	return t
}

// tone is the style for words of a tone.
func (s *styles) tone(t flow.Tone) lipgloss.Style {
	switch t {
	case flow.Title:
		return s.title
	case flow.Muted:
		return s.muted
	case flow.Warm:
		return s.warm
	case flow.Warning:
		return s.warning
	case flow.Name:
		return s.name
	}
	return s.text
}
