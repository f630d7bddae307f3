package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
)

// formScreen shows a huh form under an optional line of text: every
// question, choice and small form in the program is one. esc goes back,
// and finishing the form moves on.
type formScreen struct {
	header string
	intro  string
	form   *huh.Form
	// done gives the screen that follows the completed form, back the one
	// esc returns to.
	done func(c *ctx) (screen, tea.Cmd)
	back func(c *ctx) screen
	// loses is set when leaving would lose something not yet saved.
	loses bool
	// started is set once the form was started: coming back to the screen
	// must not start it over.
	started bool
	// formLines is the least height the form needs; the intro gives way to
	// it on a small screen, and r then shows the intro in full.
	formLines int
	// cut is set while the intro does not fit, so that r shows it all.
	cut bool
	// validates is set when a field can refuse an answer: the form then
	// leaves room below itself for the reason.
	validates bool
	// multis are the form's multiple-choice fields, each alone in its
	// group, which are given the whole height so that their options show.
	multis []*huh.MultiSelect[string]
}

// multi keeps a multiple-choice field to size it with the screen.
func (f *formScreen) multi(m *huh.MultiSelect[string]) *huh.MultiSelect[string] {
	f.multis = append(f.multis, m.Filterable(false))
	return m
}

// formKeys are the keys the help line shows for each kind of field.
func selectKeys() []key.Binding {
	up, down := upDownKeys()
	return []key.Binding{continueKey("choose"), up, down}
}

func multiKeys() []key.Binding {
	up, down := upDownKeys()
	return []key.Binding{continueKey("continue"), key.NewBinding(key.WithKeys("space", "x"), key.WithHelp("space", "tick")), up, down}
}

func textKeys() []key.Binding {
	return []key.Binding{continueKey("continue"), key.NewBinding(key.WithKeys("alt+enter"), key.WithHelp("alt+enter", "new line"))}
}

func (f *formScreen) init(c *ctx) tea.Cmd {
	if f.started {
		f.size(c)
		return nil
	}
	f.started = true
	keys := huh.NewDefaultKeyMap()
	keys.Quit = key.NewBinding(key.WithDisabled())
	f.form = f.form.WithTheme(c.st.formTheme()).WithShowHelp(false).WithShowErrors(true).WithKeyMap(keys)
	f.size(c)
	return f.form.Init()
}

// size fits the form below the intro.
func (f *formScreen) size(c *ctx) {
	introHeight := 0
	if f.intro != "" {
		introHeight = lipgloss.Height(f.introView(c)) + 1
	}
	f.cut = f.introCut(c)
	height := max(c.bodyHeight-introHeight, 3)
	if f.validates {
		height = max(height-2, 3)
	}
	for _, m := range f.multis {
		m.Height(height)
	}
	f.form = f.form.WithWidth(c.bodyWidth).WithHeight(height)
}

// introRoom is how many lines the intro may take, leaving the form its
// least height.
func (f *formScreen) introRoom(c *ctx) int {
	return max(c.bodyHeight-max(f.formLines, 3)-1, 1)
}

// introCut says whether the intro does not fit in full.
func (f *formScreen) introCut(c *ctx) bool {
	return f.intro != "" && lipgloss.Height(lipgloss.NewStyle().Width(c.bodyWidth).Render(f.intro)) > f.introRoom(c)
}

// introView is the intro as it fits, its last line saying how to read the
// rest when it was cut.
func (f *formScreen) introView(c *ctx) string {
	full := lipgloss.NewStyle().Width(c.bodyWidth).Render(f.intro)
	if !f.introCut(c) {
		return full
	}
	room := f.introRoom(c)
	lines := strings.Split(full, "\n")[:room-1]
	return strings.Join(lines, "\n") + "\n" + c.st.muted.Render("… r to read it all")
}

func readAllKey() key.Binding {
	return key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "read it all"))
}

func (f *formScreen) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		f.size(c)
	case tea.KeyPressMsg:
		if key.Matches(msg, backKey()) {
			if f.back != nil {
				return f.back(c), nil
			}
			return f, nil
		}
		if !f.typing() && f.cut && key.Matches(msg, readAllKey()) {
			return newReading(f.header, f.intro, f), nil
		}
	}
	model, cmd := f.form.Update(msg)
	f.form = model.(*huh.Form)
	if f.form.State == huh.StateCompleted {
		next, more := f.done(c)
		return next, tea.Batch(cmd, more)
	}
	return f, cmd
}

func (f *formScreen) view(c *ctx) (string, string) {
	body := f.form.View()
	if f.intro != "" {
		body = f.introView(c) + "\n\n" + body
	}
	return f.header, body
}

func (f *formScreen) keys() keyMap {
	var own []key.Binding
	switch f.form.GetFocusedField().(type) {
	case *huh.Select[string], *huh.Select[int]:
		own = selectKeys()
	case *huh.MultiSelect[string]:
		own = multiKeys()
	case *huh.Text:
		own = textKeys()
	default:
		own = []key.Binding{continueKey("continue")}
	}
	if f.back != nil {
		own = append(own, backKey())
	}
	if f.cut && !f.typing() {
		own = append(own, readAllKey())
	}
	return withCommon(own...)
}

func (f *formScreen) unsaved() bool { return f.loses }

// typing says whether the focused field takes text, where ? is a letter.
func (f *formScreen) typing() bool {
	switch f.form.GetFocusedField().(type) {
	case *huh.Input, *huh.Text:
		return true
	}
	return false
}
