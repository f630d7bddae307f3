package tui

import (
	"maps"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/flow"
	"github.com/aftercare-tui/aftercare/profile"
)

// The screens of a check-in, plan or follow-up draw the steps of a
// flow.Round: the round says what to ask next and takes the answers, and
// these screens only show it. ctx is the round's flow.Env.

func (c *ctx) Catalog() *catalog.Catalog                   { return c.cat }
func (c *ctx) Profiles() []*profile.Profile                { return c.profiles }
func (c *ctx) UnreadProfiles() []profile.ProfileEntry      { return c.unreadProfiles }
func (c *ctx) History() *profile.Digest                    { return c.history }
func (c *ctx) Session(id string) (*profile.Session, error) { return c.store.Session(id) }
func (c *ctx) Config() *profile.Config                     { return c.cfg }
func (c *ctx) Now() time.Time                              { return c.now() }
func (c *ctx) Locked() bool                                { return c.locked }

// Scripted is false: the full screen has a person at its keys.
func (c *ctx) Scripted() bool { return false }

// Began keeps the round that just began, for a stop to name what it
// would lose.
func (c *ctx) Began(r *flow.Round) { c.work = roundWork{r} }

// roundWork is a round as work a stop can lose.
type roundWork struct{ r *flow.Round }

func (w roundWork) lost() string { return w.r.Lost() }

// show is the screen for a step of a round; no step is home.
func show(c *ctx, s flow.Step) screen {
	switch s := s.(type) {
	case *flow.Form:
		return newRoundForm(c, s)
	case *flow.Message:
		return newMessage(s)
	case *flow.Results:
		return newResults(s)
	case *flow.Save:
		return newSaving(c.round(), s)
	}
	return newHome(c)
}

// round is the round under way.
func (c *ctx) round() *flow.Round {
	if w, ok := c.work.(roundWork); ok {
		return w.r
	}
	return nil
}

// newRoundForm asks a form's fields a screen at a time; the last takes
// them all to the round, which says what comes next.
func newRoundForm(c *ctx, f *flow.Form) screen {
	return newFlowForm(c, f, func(c *ctx, s flow.Step) (screen, tea.Cmd) { return show(c, s), nil })
}

// newFlowForm asks a form's fields a screen at a time; then shows the
// step that taking them, or going back, gives.
func newFlowForm(c *ctx, f *flow.Form, then func(c *ctx, s flow.Step) (screen, tea.Cmd)) screen {
	start := f.Start()
	fields := make([]step, len(f.Fields))
	read := make([]func() []string, len(f.Fields))
	values := func(n int) [][]string {
		out := make([][]string, n)
		for i := range out {
			out[i] = read[i]()
		}
		return out
	}
	for i, field := range f.Fields {
		fields[i], read[i] = fieldStep(c, field, start[i])
		if field.Check != nil {
			fields[i].check = func() error { return field.Check(values(i + 1)) }
		}
	}
	first := steps(f.Header, f.Loses, fields,
		func(c *ctx) screen {
			back, _ := then(c, f.Back())
			return back
		},
		func(c *ctx) (screen, tea.Cmd) { return then(c, f.Take(values(len(fields)))) }).(*formScreen)
	if len(f.Intro) > 0 {
		first.intro = lines(c.st, f.Intro)
		switch f.Kind {
		case flow.SupportForm:
			first.formLines = 4
		default:
			// Its title, two or three lines of help, two or three options
			// and the line saying there are more.
			first.formLines = 7
		}
	}
	return first
}

// fieldStep is a field as a huh field starting at value, and how to read
// its value as it is now.
func fieldStep(c *ctx, field flow.Field, value []string) (step, func() []string) {
	text := ""
	if len(value) > 0 {
		text = value[0]
	}
	if field.Keys != "" {
		field.Help = strings.TrimSpace(field.Keys + " " + field.Help)
	}
	// A choice draws its options as soon as it is given them: dressed
	// first, it draws them once in the screen's own styles, rather than in
	// a theme huh builds anew for every option.
	var (
		s    step
		read func() []string
	)
	switch field.Kind {
	case flow.One:
		chosen := &text
		sel := huh.NewSelect[string]()
		sel.WithTheme(c.st.formTheme())
		opts, _ := options(field, 0)
		s, read = oneOf(sel, chosen, opts...), func() []string { return []string{*chosen} }
		s.words = wordsOf(sel, field.Title, field.Help)
	case flow.Many:
		ticked := &value
		many := huh.NewMultiSelect[string]()
		many.WithTheme(c.st.formTheme())
		opts, whole := options(field, optionRoom(c.bodyWidth))
		s, read = anyOf(many, ticked, whole, opts...), func() []string { return *ticked }
		words, labels, cutTo := wordsOf(many, field.Title, field.Help), s.labels, c.bodyWidth
		s.words = func(width int) {
			words(width)
			if width == cutTo {
				return
			}
			// Cut again to the new width, in place: the screen holds
			// the labels and whole labels it was given.
			cutTo = width
			opts, cut := options(field, optionRoom(width))
			maps.Copy(whole, cut)
			for i, o := range opts {
				labels[i] = o.Key
			}
			// Given options, huh ticks those in the value and moves the
			// cursor to the first ticked: given them with no value, the
			// cursor stays where the person left it.
			var none []string
			many.Value(&none).Options(opts...)
			many.Value(ticked)
		}
	case flow.Words:
		area := huh.NewText().Placeholder(field.Placeholder).Lines(3).Value(&text)
		s, read = limitedText(area, field.Limit), func() []string { return []string{text} }
		s.words = wordsOf(area, field.Title, field.Help)
	case flow.OneLine:
		input := huh.NewInput().Placeholder(field.Placeholder).Value(&text)
		s, read = step{field: input}, func() []string { return []string{text} }
		if field.Limit > 0 {
			s = limitedInput(input, field.Limit, nil)
		}
		s.words = wordsOf(input, field.Title, field.Help)
	default:
		note := huh.NewNote()
		s, read = step{field: note}, func() []string { return nil }
		s.words = wordsOf(note, field.Title, field.Help)
	}
	s.words(c.bodyWidth)
	return s, read
}

// wordsOf sets a field's title and help wrapped to a width, for a screen
// to call again whenever its width changes. huh wraps them too, but lets
// a line that ends in a comma run a column past the width and then wraps
// that line again, leaving a word such as "close," alone on a line.
func wordsOf[F interface {
	Title(string) F
	Description(string) F
}](f F, title, help string) func(width int) {
	return func(width int) {
		if width <= 0 {
			f.Title(title).Description(help)
			return
		}
		f.Title(lipgloss.Wrap(title, width, "")).Description(lipgloss.Wrap(help, width, ""))
	}
}

// options are a field's options for huh. huh wraps a long option of a
// single choice, but cuts one of a multiple choice bare, mid-word, at the
// edge: those are cut here instead, between words with an ellipsis, to
// room, the width a label has (none to cut to when 0), so that nobody
// takes half an answer for the whole of it; whole holds, by value, each
// label of a multiple choice as written, and whether it was cut.
func options(field flow.Field, room int) (opts []huh.Option[string], whole map[string]wholeLabel) {
	opts = make([]huh.Option[string], len(field.Options))
	if field.Kind == flow.Many {
		whole = make(map[string]wholeLabel, len(field.Options))
	}
	for i, o := range field.Options {
		label := o.Label
		if field.Kind == flow.Many {
			if room > 0 {
				label = truncate(label, room)
			}
			whole[o.Value] = wholeLabel{o.Label, label != o.Label}
		}
		opts[i] = huh.NewOption(label, o.Value)
	}
	return opts, whole
}

// lines are a flow's lines in the screen's styles.
func lines(st *styles, ls []flow.Line) string {
	out := make([]string, len(ls))
	for i, l := range ls {
		var b strings.Builder
		for _, p := range l {
			if p.Tone == flow.Bare {
				b.WriteString(p.Text)
				continue
			}
			b.WriteString(st.tone(p.Tone).Render(p.Text))
		}
		out[i] = b.String()
	}
	return strings.Join(out, "\n")
}
