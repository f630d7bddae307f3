package flow

import (
	"strings"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// Step is what the round asks or says next: a *Form to fill in, a
// *Message to read, the *Results, or a *Save to carry out. A driver shows
// it, and hands what the person did back to it, which gives the step after.
// A nil step means the round is over and the person goes home.
type Step interface{ step() }

// FormKind says what a form is for, so that a driver can lay each out as
// it needs: a support form has words above it, a share form may have a
// private line.
type FormKind int

// The forms of a round.
const (
	SituationForm FormKind = iota
	QuestionForm
	SupportForm
	TomorrowForm
	RateForm
	ShareForm
	PickForm
	// WhoForm asks who is here, before a round.
	WhoForm
	// PersonForm is a person's profile.
	PersonForm
)

// Form asks one or more things, in order. Take, with a value for each
// field, moves the round on; Back goes a step back (nil: out of the round).
type Form struct {
	Kind   FormKind
	Header string
	// Intro is said above the fields: what the support lines are, or, to
	// the person sharing, what will be left out.
	Intro  []Line
	Fields []Field
	// Loses says whether leaving now loses answers.
	Loses bool
	take  func(values [][]string) Step
	back  func() Step
	// taken is what the form was last taken with, for coming back to it.
	taken [][]string
}

func (*Form) step() {}

// Take moves on with a value for each field, as Field.Value holds them.
func (f *Form) Take(values [][]string) Step {
	f.taken = values
	return f.take(values)
}

// Back is the step before, or nil when going back leaves the round.
func (f *Form) Back() Step { return f.back() }

// Start is each field's starting value, for a driver to fill in: what
// the form was last taken with, when someone comes back to it.
func (f *Form) Start() [][]string {
	out := make([][]string, len(f.Fields))
	for i, field := range f.Fields {
		out[i] = append([]string{}, field.Value...)
		if i < len(f.taken) {
			out[i] = append([]string{}, f.taken[i]...)
		}
	}
	return out
}

// FieldKind is how a field is answered.
type FieldKind int

const (
	// One is a choice of one option.
	One FieldKind = iota
	// Many is a choice of any number of options, none included.
	Many
	// Words is text, up to Limit characters, over several lines.
	Words
	// OneLine is text on one line, up to Limit characters.
	OneLine
	// Note has nothing to answer: it only says something.
	Note
)

// Field is one thing asked.
type Field struct {
	Kind        FieldKind
	Title, Help string
	// Keys says which keys answer it on the full screen, before Help;
	// other ways of asking say their own.
	Keys    string
	Options []Option
	// Value is where the field starts, and the answer when the person
	// just goes on: the chosen option's value for One, those ticked for
	// Many, the words for Words.
	Value       []string
	Placeholder string
	// Empty is what a Words field left empty stands for, when it is more
	// than nothing: "two of you".
	Empty string
	Limit int
	// Check, when set, refuses a value with a reason to show; it is
	// given the form's values so far, this field's last.
	Check func(values [][]string) error
}

// Option is one choice: the words shown and the value it stands for.
type Option struct{ Label, Value string }

// Label is the option's words for a value, or "" when none has it.
func (f *Field) Label(value string) string {
	for _, o := range f.Options {
		if o.Value == value {
			return o.Label
		}
	}
	return ""
}

// Tone is how words are meant to sound: a driver with colour shows each
// its own way, and one without shows only the words.
type Tone int

// The tones of words.
const (
	Plain Tone = iota
	Title
	Muted
	Warm
	Warning
	// Name is a person's or a support line's name.
	Name
	// Bare is words with no style of their own, such as an indent.
	Bare
)

// Part is words in one tone.
type Part struct {
	Tone Tone
	Text string
}

// Line is one line of words, in one tone or several ("Samaritans" as a
// name, then ": call 116 123"); an empty Line is a blank line.
type Line []Part

// Say is a line in one tone.
func Say(tone Tone, text string) Line { return Line{{tone, text}} }

// Words is the line as plain text.
func (l Line) Words() string {
	var b strings.Builder
	for _, p := range l {
		b.WriteString(p.Text)
	}
	return b.String()
}

// paragraphs puts a blank line between lines.
func paragraphs(lines ...Line) []Line {
	var out []Line
	for i, l := range lines {
		if i > 0 {
			out = append(out, nil)
		}
		out = append(out, l)
	}
	return out
}

// Message says something and waits: whose turn it is, the end of a round,
// a private line before the laptop is passed on. Next, when the person is
// ready, moves the round on.
type Message struct {
	Header string
	Lines  []Line
	// Go names what going on does: "start my turn", "home".
	Go string
	// End is set when the round is over and nothing follows.
	End bool
	// Loses says whether leaving now loses answers.
	Loses bool
	// Left says, when it is not "", what a stop here leaves of the work:
	// "the check-in was saved".
	Left string
	// Name is whose turn a hand-off begins, as it may be said: a name, or
	// who it is for where no name may be shown; "" for other messages.
	Name string
	// Everyone is set when the message is for everyone, straight after
	// one person's own screens.
	Everyone bool
	next     func() Step
	back     func() Step
}

func (*Message) step() {}

// Next is the step after, or nil when the round is over.
func (m *Message) Next() Step { return m.next() }

// CanGoBack says whether there is a step before this one to go back to.
func (m *Message) CanGoBack() bool { return m.back != nil }

// Back is the step before (nil: out of the round); see CanGoBack.
func (m *Message) Back() Step { return m.back() }

// Results is what everyone sees once every turn is over: what each person
// chose to share, and in a check-in, what fits everyone.
type Results struct {
	Header string
	Round  *Round
	// Result is what was suggested, in a check-in; empty otherwise.
	Result catalog.Result
	// Go names what going on does: "choose what to do", "save".
	Go   string
	next func() Step
}

func (*Results) step() {}

// Next is the step after: choosing what to do, or saving.
func (r *Results) Next() Step { return r.next() }

// Save is a record to write. A driver runs Write (off the screen's loop if
// it has one), then hands the outcome to Round.Saved, or, after a failure,
// lets the person try again or go on without it.
type Save struct {
	// What names what is saved: "check-in", "plan", "follow-up".
	What  string
	Write func(*profile.Store) error
	// then, when set, makes this a save in the middle of a round, which
	// goes on to then after saying SavedText.
	then      func() Step
	SavedText string
	// saved, when set, notes in the round that the save worked.
	saved func()
}

func (*Save) step() {}

// MidRound says whether the round goes on after this save.
func (s *Save) MidRound() bool { return s.then != nil }

// Skip goes on without the save: in the middle of a round, to the step
// after; otherwise out of the round.
func (s *Save) Skip() Step {
	if s.then != nil {
		return s.then()
	}
	return nil
}
