package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/charmbracelet/x/ansi"
)

// formScreen asks one thing with one huh field, under an optional intro:
// every question, choice and step of a form in the program is one. The
// field keeps its value up to date as the person moves and ticks; enter
// (or tab) takes it at once and moves on, so that a quick second enter can
// only reach the next screen. esc (or shift+tab) goes back.
type formScreen struct {
	header string
	intro  string
	field  huh.Field
	form   *huh.Form
	// check refuses an answer with a reason, shown under the field.
	check func() error
	err   error
	// ends says whether a single choice is at its first or last option,
	// where ↑ or ↓ stop instead of wrapping round.
	ends    func() (first, last bool)
	formKey huh.KeyMap
	// done gives the screen that follows, back the one esc returns to.
	done func(c *ctx) (screen, tea.Cmd)
	back func(c *ctx) screen
	// loses is set when leaving would lose something not yet saved.
	loses bool
	// started is set once the form was started: coming back to the screen
	// must not start it over.
	started bool
	// formLines is the least height the field needs (its title, its
	// options and a line under them); the intro gives way to it on a
	// small screen, and r then shows the intro in full.
	formLines int
	// cut is set while the intro does not fit.
	cut bool
	// limit is how many characters a text field holds, if it says so;
	// pasteCut is set from a paste that had to be cut to fit until the
	// text is shorter than the paste left it (cutAt).
	limit    int
	pasteCut bool
	cutAt    int
	// labels are a choice's options, first to last; scrolls is set when
	// they do not all fit, and a line then says there are more.
	labels  []string
	scrolls bool
	// words, when set, wrap the title and help to the width again.
	words func(width int)
	// whole holds, by value, each option of a multiple choice as written:
	// the one under the cursor, if it is cut short to fit the line, is
	// shown whole below the list, so that nobody ticks, or shares, what
	// they cannot read.
	whole map[string]wholeLabel
}

// wholeLabel is an option's label as written, and whether it is cut
// short to fit the line at the screen's width.
type wholeLabel struct {
	label string
	cut   bool
}

// ask puts a step's field on the screen; multiple choices never filter,
// since typing a letter should not make options vanish.
func (f *formScreen) ask(s step) {
	if m, ok := s.field.(*huh.MultiSelect[string]); ok {
		m.Filterable(false)
	}
	if sel, ok := s.field.(*huh.Select[string]); ok {
		sel.Filtering(false)
	}
	f.field, f.check, f.ends, f.limit, f.labels, f.words, f.whole = s.field, s.check, s.ends, s.limit, s.labels, s.words, s.whole
}

// oneOf is a single choice whose first and last options are walls: a key
// too many never wraps round to the far end of the list, where a crisis
// answer may be.
func oneOf[T comparable](sel *huh.Select[T], value *T, opts ...huh.Option[T]) step {
	sel.Options(opts...).Value(value)
	return step{field: sel, labels: labelsOf(opts), ends: func() (bool, bool) {
		if len(opts) == 0 {
			return true, true
		}
		return *value == opts[0].Value, *value == opts[len(opts)-1].Value
	}}
}

// anyOf is a multiple choice; whole holds its options as written.
func anyOf(m *huh.MultiSelect[string], value *[]string, whole map[string]wholeLabel, opts ...huh.Option[string]) step {
	return step{field: m.Options(opts...).Value(value), labels: labelsOf(opts), whole: whole}
}

func labelsOf[T comparable](opts []huh.Option[T]) []string {
	labels := make([]string, len(opts))
	for i, o := range opts {
		labels[i] = o.Key
	}
	return labels
}

// atWall says whether a key would carry a single choice past its first or
// last option.
func (f *formScreen) atWall(msg tea.KeyPressMsg) bool {
	if f.ends == nil {
		return false
	}
	first, last := f.ends()
	return first && key.Matches(msg, f.formKey.Select.Up) || last && key.Matches(msg, f.formKey.Select.Down)
}

func (f *formScreen) init(c *ctx) tea.Cmd {
	if f.started {
		f.size(c)
		return nil
	}
	f.started = true
	f.formKey = formKeyMap()
	// The field is dressed before its group measures it: undressed, huh
	// builds its own theme afresh each time it draws.
	theme := c.st.formTheme()
	f.field.WithTheme(theme)
	f.form = huh.NewForm(huh.NewGroup(f.field)).WithTheme(theme).WithShowHelp(false).WithShowErrors(false).WithKeyMap(&f.formKey)
	f.size(c)
	cmd := f.form.Init()
	// Started, the form draws its options, so whether they fit can be seen.
	f.size(c)
	return cmd
}

// size fits the field below the intro, with a line left for a refusal.
func (f *formScreen) size(c *ctx) {
	if f.words != nil {
		f.words(c.bodyWidth)
	}
	introHeight := 0
	if f.intro != "" {
		introHeight = lipgloss.Height(f.introView(c)) + 1
	}
	f.cut = f.introCut(c)
	height := max(c.bodyHeight-introHeight, 3)
	if f.check != nil {
		height = max(height-2, 3)
	}
	if f.limit > 0 {
		height = max(height-2, 3)
	}
	f.fit(c, height)
	// A list that does not fit gives a line to saying so: someone who
	// sees only the first few answers should know there are more.
	if len(f.labels) > 0 {
		// The field, not the form: the form draws at the height it last
		// laid out until its next update, so a window made smaller would
		// be measured at the size it was.
		drawn := ansi.Strip(f.field.View())
		f.scrolls = strings.TrimSpace(drawn) != "" && !(f.shows(drawn, 0) && f.shows(drawn, len(f.labels)-1))
		if f.scrolls {
			f.fit(c, max(height-1, 3))
		}
	}
	f.showCursor()
}

// showCursor scrolls a multiple choice to its cursor. huh does so as the
// cursor moves, not as the list's height changes, so a window made larger
// and then smaller again could leave the cursor out of sight; a step away
// and back, whichever way there is room for, brings it into view.
func (f *formScreen) showCursor() {
	m, ok := f.field.(*huh.MultiSelect[string])
	if !ok {
		return
	}
	down, up := tea.KeyPressMsg{Code: tea.KeyDown}, tea.KeyPressMsg{Code: tea.KeyUp}
	before, _ := m.Hovered()
	m.Update(down)
	if after, _ := m.Hovered(); after != before {
		m.Update(up)
		return
	}
	m.Update(up)
	m.Update(down)
}

func (f *formScreen) fit(c *ctx, height int) {
	// huh leaves a multiple choice too short unless told its height, and
	// passes a new height on to a field only to shrink it: a choice that
	// was squeezed once would stay squeezed after the window grew.
	switch field := f.field.(type) {
	case *huh.MultiSelect[string]:
		field.Height(height)
	case *huh.Select[string]:
		field.Height(height)
	case *huh.Select[int]:
		field.Height(height)
	}
	f.form = f.form.WithWidth(c.bodyWidth).WithHeight(height)
}

// shows says whether the field, drawn as drawn, shows the option at i.
func (f *formScreen) shows(drawn string, i int) bool {
	label := []rune(f.labels[i])
	// A label too long for the line is cut short; its start is enough.
	return strings.Contains(drawn, string(label[:min(len(label), 12)]))
}

// moreLine says where the options that do not fit are, in the field as
// drawn.
func (f *formScreen) moreLine(drawn string) string {
	return moreWords(!f.shows(drawn, 0), !f.shows(drawn, len(f.labels)-1))
}

// moreWords say where the rest of a list or a text is, when not all of it
// fits.
func moreWords(above, below bool) string {
	switch {
	case above && below:
		return "↑↓ more above and below"
	case above:
		return "↑ more above"
	case below:
		return "↓ more below"
	}
	return ""
}

// hoveredWhole is the whole of the option under the cursor when it is
// cut short to fit the line, or "".
func (f *formScreen) hoveredWhole() string {
	m, ok := f.field.(*huh.MultiSelect[string])
	if !ok {
		return ""
	}
	value, _ := m.Hovered()
	if w, ok := f.whole[value]; ok && w.cut {
		return w.label
	}
	return ""
}

// optionRoom is how wide an option's label may be in a body of width: the
// cursor and the box come before it. Before the screen knows its size
// (width 0) there is no width to cut to, and it is 0.
func optionRoom(width int) int {
	if width <= 0 {
		return 0
	}
	return max(width-lipgloss.Width("» [ ] "), 1)
}

// introRoom is how many lines the intro may take, leaving the field its
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

func (f *formScreen) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	switch typed := msg.(type) {
	case tea.WindowSizeMsg:
		f.size(c)
	case typedMsg:
		// Typed, not pasted: what does not fit is left out as keys past
		// the limit are, and the count under the field says why.
		text := typed.text
		if f.limit > 0 {
			text, _ = f.toRoom(text)
		}
		if text == "" || !f.typing() {
			return f, nil
		}
		f.err = nil
		msg = tea.PasteMsg{Content: text}
	case tea.PasteMsg:
		if f.limit > 0 && f.typing() {
			if msg = f.paste(typed); msg == nil {
				f.cutAt = f.textLength()
				return f, nil
			}
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(typed, backKey()):
			if f.back != nil {
				return f.back(c), nil
			}
			return f, nil
		case key.Matches(typed, continueKey("")):
			if f.check != nil {
				if f.err = f.check(); f.err != nil {
					return f, nil
				}
			}
			return f.done(c)
		case !f.typing() && f.cut && key.Matches(typed, readAllKey()):
			return newReading(f.header, f.intro, f), nil
		case f.atWall(typed), f.overLimit(typed):
			return f, nil
		case f.oneLine() && key.Matches(typed, deleteWordForward()):
			return f, nil
		}
		f.err = nil
	}
	model, cmd := f.form.Update(msg)
	f.form = model.(*huh.Form)
	if f.limit > 0 {
		if _, pasted := msg.(tea.PasteMsg); pasted {
			f.cutAt = f.textLength()
		} else if f.pasteCut && f.textLength() < f.cutAt {
			f.pasteCut = false
		}
	}
	return f, cmd
}

func (f *formScreen) view(c *ctx) (string, string) {
	field := f.form.View()
	if f.err != nil || f.limitLine(c) != "" {
		// huh fills the height it is given: the line about the field
		// goes under what it shows, not at the foot of the screen, where
		// nobody looking at the field would see it.
		field = withoutBlankEnd(field)
	}
	body := field
	if f.intro != "" {
		body = f.introView(c) + "\n\n" + body
	}
	if f.scrolls {
		body += "\n" + c.st.muted.Render(f.moreLine(ansi.Strip(field)))
	}
	if line := f.limitLine(c); line != "" {
		body += "\n" + line
	}
	if f.err != nil {
		body += "\n" + c.st.warning.Render(catalog.Sentence(f.err.Error()))
	}
	// The whole of a cut option goes in the room the list leaves, never
	// in the list's own: where there is none, the cut line is what fits.
	if whole := f.hoveredWhole(); whole != "" {
		shown := withoutBlankEnd(body)
		text := c.st.muted.Width(c.bodyWidth).Render(whole)
		if lipgloss.Height(shown)+1+lipgloss.Height(text) <= c.bodyHeight {
			body = shown + "\n\n" + text
		}
	}
	return f.header, body
}

// withoutBlankEnd is s without the blank lines at its end.
func withoutBlankEnd(s string) string {
	lines := strings.Split(s, "\n")
	for len(lines) > 1 && strings.TrimSpace(ansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

func (f *formScreen) keys(*ctx) keyMap {
	var own []key.Binding
	switch f.field.(type) {
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
	if f.typing() {
		return whileTyping(own...)
	}
	return withCommon(own...)
}

func (f *formScreen) unsaved() bool { return f.loses }

// oneLine says whether the field is a one-line text field.
func (f *formScreen) oneLine() bool {
	_, ok := f.field.(*huh.Input)
	return ok
}

// typing says whether the field takes text, where ? is a letter.
func (f *formScreen) typing() bool {
	switch f.field.(type) {
	case *huh.Input, *huh.Text:
		return true
	}
	return false
}

// step is one field of a form that is asked a screen at a time.
type step struct {
	field huh.Field
	check func() error
	ends  func() (first, last bool)
	// limit is how many characters a text field holds: see limitedText.
	limit int
	// labels are a choice's options, for saying when some do not fit.
	labels []string
	// words set the field's title and help wrapped to a width.
	words func(width int)
	// whole holds the options of a multiple choice as written.
	whole map[string]wholeLabel
}

// steps builds the screens of a form asked one field at a time. esc on the
// first goes to back; enter on the last moves on to done; in between, each
// goes to its neighbour, which keeps what was entered there.
func steps(header string, loses bool, fields []step, back func(c *ctx) screen, done func(c *ctx) (screen, tea.Cmd)) screen {
	screens := make([]*formScreen, len(fields))
	for i, s := range fields {
		f := &formScreen{header: header, loses: loses}
		f.ask(s)
		screens[i] = f
	}
	for i, f := range screens {
		f.back = back
		if i > 0 {
			prev := screens[i-1]
			f.back = func(*ctx) screen { return prev }
		}
		f.done = done
		if i < len(screens)-1 {
			next := screens[i+1]
			f.done = func(*ctx) (screen, tea.Cmd) { return next, nil }
		}
	}
	return screens[0]
}
