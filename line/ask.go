package line

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/flow"
	"github.com/aftercare-tui/aftercare/plain"
)

// errBack is someone typing "back" to go back a step.
var errBack = errors.New("back")

// fill asks a form's fields in turn, after its intro, and gives their
// values; errBack when someone asked to go back from the first field.
func (s *session) fill(f *flow.Form) ([][]string, error) {
	s.say(spoken(f.Header))
	for _, l := range f.Intro {
		s.say(l.Words())
	}
	start := f.Start()
	values := make([][]string, 0, len(f.Fields))
	for i := 0; i < len(f.Fields); {
		v, err := s.ask(f.Fields[i], start[i], values)
		switch {
		case errors.Is(err, errBack) && i == 0:
			return nil, errBack
		case errors.Is(err, errBack):
			i--
			values = values[:i]
			continue
		case err != nil:
			return nil, err
		}
		values = append(values, v)
		i++
	}
	return values, nil
}

// ask asks one field: its title with what enter takes, its help, its
// options numbered, then reads an answer until one is good. before are the
// form's values so far, for the field's check.
func (s *session) ask(f flow.Field, start []string, before [][]string) ([]string, error) {
	if f.Kind == flow.Note {
		s.say(f.Title + ".")
		if f.Help != "" {
			s.say(f.Help)
		}
		return nil, nil
	}
	s.say(plain.Line(f.Title) + " " + defaultHint(f, start))
	if f.Help != "" {
		s.say(plain.Line(f.Help))
	}
	s.listOrCount(f)
	for {
		typed, err := s.read()
		if err != nil {
			return nil, err
		}
		typed = strings.TrimSpace(typed)
		switch strings.ToLower(typed) {
		case "?", "help":
			s.say(howToAnswer(f, start))
			s.options(f)
			continue
		case "back":
			return nil, errBack
		}
		value, problem := parse(f, start, typed)
		if problem == "" && f.Check != nil {
			if err := f.Check(append(before, value)); err != nil {
				problem = catalog.Sentence(plain.Line(err.Error())) + "."
			}
		}
		if problem != "" {
			s.say(problem + " " + again(f))
			continue
		}
		if f.Kind == flow.Words || f.Kind == flow.OneLine {
			if plain.Problem(value[0], f.Kind == flow.Words) != "" {
				s.say("Some characters cannot be kept, such as control characters or broken text, so they were left out.")
			}
			if f.Limit > 0 && utf8.RuneCountInString(value[0]) > f.Limit {
				value[0] = string([]rune(value[0])[:f.Limit])
				s.say("Cut short to " + catalog.Thousands(f.Limit) + " characters, the most this holds.")
			}
		}
		s.say(chosenLine(f, value))
		return value, nil
	}
}

// longList is the most options said one by one when a question is
// asked: a list of hundreds is a minute of listening before anyone can
// answer, so a longer one is found by its words instead.
const longList = 30

// listOrCount says a field's options, or how many there are and how to
// find them when they are more than longList.
func (s *session) listOrCount(f flow.Field) {
	if len(f.Options) <= longList {
		s.options(f)
		return
	}
	s.say(fmt.Sprintf("There are %d options, too many to read out. Type the words of one, like %s; a few first letters say the options that start that way; ? says them all.", len(f.Options), plain.Line(f.Options[0].Label)))
}

// options says a field's options, one a line, numbered from 1.
func (s *session) options(f flow.Field) {
	for i, o := range f.Options {
		s.say(fmt.Sprintf("%d) %s", i+1, plain.Line(o.Label)))
	}
}

// parse reads what was typed as a value for the field: a number or an
// option's words, several separated by commas for a choice of many, the
// words themselves for text; an empty line takes start. problem says
// what was wrong, if anything.
func parse(f flow.Field, start []string, typed string) (value []string, problem string) {
	if typed == "" {
		return append([]string{}, start...), ""
	}
	switch f.Kind {
	case flow.One:
		o, problem := option(f, typed)
		if parts := splitChoices(typed); problem != "" && len(parts) > 1 && allNumbers(parts) {
			return nil, "Only one answer here."
		}
		if problem != "" {
			return nil, problem
		}
		return []string{o.Value}, ""
	case flow.Many:
		if lower := strings.ToLower(typed); lower == "none" || lower == "0" {
			return []string{}, ""
		}
		var picked []string
		parts := splitChoices(typed)
		for i := 0; i < len(parts); {
			o, used, problem := longestOption(f, parts[i:])
			if problem != "" {
				return nil, problem
			}
			if !slices.Contains(picked, o.Value) {
				picked = append(picked, o.Value)
			}
			i += used
		}
		return picked, ""
	}
	if typed == "-" {
		return []string{""}, ""
	}
	return []string{typed}, ""
}

// splitChoices splits "1,3", "1 3" or "Water, Quiet" into its parts.
func splitChoices(typed string) []string {
	var parts []string
	for _, p := range strings.Split(typed, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		fields := strings.Fields(p)
		if allNumbers(fields) {
			parts = append(parts, fields...)
		} else {
			parts = append(parts, p)
		}
	}
	return parts
}

func allNumbers(fields []string) bool {
	for _, f := range fields {
		if _, err := strconv.Atoi(f); err != nil {
			return false
		}
	}
	return len(fields) > 0
}

// longestOption finds the option the first of parts names, or the first
// few joined again: a label such as "Calm, settled" holds a comma, and
// is typed whole among the others. It says how many parts it used. No
// label holds more parts than its commas make, so no more are joined: a
// pasted line of thousands of choices is read in one pass.
func longestOption(f flow.Field, parts []string) (flow.Option, int, string) {
	most := 1
	for _, o := range f.Options {
		most = max(most, strings.Count(o.Label, ",")+1)
	}
	for n := min(len(parts), most); n > 1; n-- {
		joined := strings.ToLower(strings.Join(parts[:n], ", "))
		for _, o := range f.Options {
			if namesWhole(strings.ToLower(plain.Line(o.Label)), joined) {
				return o, n, ""
			}
		}
	}
	o, problem := option(f, parts[0])
	return o, 1, problem
}

// option finds the option typed: by its number, by its words, or by the
// start of its words when only one option starts that way. The words of
// an option numbered in its label ("1 · Really low") may be typed
// without the number.
func option(f flow.Field, typed string) (flow.Option, string) {
	if n, err := strconv.Atoi(typed); err == nil {
		if n < 1 || n > len(f.Options) {
			return flow.Option{}, fmt.Sprintf("There is no option %d.", n)
		}
		return f.Options[n-1], ""
	}
	lower := strings.ToLower(typed)
	var starts []flow.Option
	for _, o := range f.Options {
		label := strings.ToLower(plain.Line(o.Label))
		if namesWhole(label, lower) {
			return o, ""
		}
		if words := afterNumber(label); strings.HasPrefix(label, lower) || words != "" && strings.HasPrefix(words, lower) {
			starts = append(starts, o)
		}
	}
	if len(starts) == 1 {
		return starts[0], ""
	}
	if len(starts) > 1 {
		return flow.Option{}, fmt.Sprintf("More than one option starts with “%s”: %s.", quoted(typed), numbered(f, starts))
	}
	return flow.Option{}, fmt.Sprintf("There is no option “%s”.", quoted(typed))
}

// namesWhole says whether lower, typed in lower case, is all of an
// option's label, given in lower case, with or without the number of a
// point on a scale.
func namesWhole(label, lower string) bool {
	return label == lower || afterNumber(label) == lower
}

// afterNumber is the words of a label that starts with its number, as a
// point on a scale does ("1 · Really low" gives "really low"); "" for
// any other label.
func afterNumber(label string) string {
	number, words, ok := strings.Cut(label, " · ")
	if _, err := strconv.Atoi(number); !ok || err != nil {
		return ""
	}
	return words
}

// quotedLimit is the most of what someone typed that is said back to
// them: enough to recognise, never a minute of listening.
const quotedLimit = 40

// quoted is what someone typed, as said back to them: on one line, and
// cut short with "…" past quotedLimit characters.
func quoted(typed string) string { return plain.Line(plain.Short(typed, quotedLimit)) }

// numbered are some of a field's options with their numbers: "3) Music,
// 12) Massage".
func numbered(f flow.Field, some []flow.Option) string {
	parts := make([]string, len(some))
	for i, o := range some {
		n := slices.IndexFunc(f.Options, func(x flow.Option) bool { return x.Value == o.Value }) + 1
		parts[i] = fmt.Sprintf("%d) %s", n, plain.Line(o.Label))
	}
	return strings.Join(parts, ", ")
}

// defaultHint says, in brackets after a question, what enter takes.
func defaultHint(f flow.Field, start []string) string {
	switch f.Kind {
	case flow.One:
		return "(enter for " + numbers(f, start) + ")"
	case flow.Many:
		if len(start) == 0 {
			return "(any number, like 1,3; enter for none)"
		}
		return "(any number, like 1,3; enter for " + numbers(f, start) + ")"
	}
	switch {
	case len(start) > 0 && start[0] != "":
		return "(a line of words; enter keeps what is there: " + plain.Line(start[0]) + ")"
	case f.Check != nil && f.Check([][]string{{""}}) != nil:
		return "(a line of words)"
	}
	if f.Empty != "" {
		return "(a line of words, or enter for " + f.Empty + ")"
	}
	return "(a line of words, or enter for none)"
}

// numbers are the numbers of the options whose values are given: "1,3";
// or, in a list too long to be read out, their words, since nobody has
// heard which numbers they have.
func numbers(f flow.Field, values []string) string {
	var out []string
	for i, o := range f.Options {
		if !slices.Contains(values, o.Value) {
			continue
		}
		if len(f.Options) > longList {
			out = append(out, plain.Line(o.Label))
		} else {
			out = append(out, strconv.Itoa(i+1))
		}
	}
	switch {
	case len(out) == 0:
		return "none"
	case len(f.Options) > longList:
		return catalog.JoinAnd(out)
	}
	return strings.Join(out, ",")
}

// howToAnswer is what ? says: what can be typed here.
func howToAnswer(f flow.Field, start []string) string {
	back := " Type back to go back a step."
	switch f.Kind {
	case flow.One:
		return fmt.Sprintf("Type the number of one option, from 1 to %d, or its first words. Enter alone takes %s.", len(f.Options), numbers(f, start)) + back
	case flow.Many:
		return fmt.Sprintf("Type the numbers of any options, from 1 to %d, separated by commas, like 1,3; or their words; or none. Enter alone takes %s.", len(f.Options), numbers(f, start)) + back
	}
	limit := ""
	if f.Limit > 0 {
		limit = fmt.Sprintf(" It holds %d characters at most.", f.Limit)
	}
	return "Type a line of words and press enter." + limit + " Enter alone keeps what is there; a single - leaves it empty." + back
}

// again is what to do after an answer that could not be taken.
func again(f flow.Field) string {
	switch f.Kind {
	case flow.One, flow.Many:
		return fmt.Sprintf("Type a number from 1 to %d, or ? for help.", len(f.Options))
	}
	return "Try again, or type ? for help."
}

// chosenLine confirms what was taken, in the person's own turn.
func chosenLine(f flow.Field, value []string) string {
	switch f.Kind {
	case flow.One, flow.Many:
		var labels []string
		for _, v := range value {
			labels = append(labels, plain.Line(f.Label(v)))
		}
		if len(labels) == 0 {
			return "Chosen: none."
		}
		return "Chosen: " + strings.Join(labels, "; ") + "."
	}
	if value[0] == "" {
		return "Left empty."
	}
	return "Noted."
}

// spoken is a header as words to be read out: "Sam · 2 of 7" becomes
// "Sam, 2 of 7".
func spoken(header string) string {
	words := strings.ReplaceAll(plain.Line(header), " · ", ", ")
	if first, size := utf8.DecodeRuneInString(words); size > 0 {
		words = string(unicode.ToUpper(first)) + words[size:]
	}
	return words + "."
}
