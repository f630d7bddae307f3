package flow

import (
	"fmt"
	"slices"
	"strings"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/plain"
	"github.com/aftercare-tui/aftercare/profile"
)

// NamesLimit is room for every name a check-in can hold, and no more.
const NamesLimit = catalog.MaxPeople * (profile.MaxNameLength + 2)

// Who asks who is here before a check-in or plan: saved people to tick and
// other names to type, all optional. Going on with nothing chosen starts
// with two unnamed people (together) or with you (alone). Alone with no
// one saved, there is nothing to ask, and the round starts at once.
func Who(env Env, mode catalog.Mode, plan bool) Step {
	kind := CheckIn
	if plan {
		kind = Plan
	}
	var saved []Option
	for _, p := range env.Profiles() {
		saved = append(saved, Option{p.Name, p.Name})
	}
	f := &Form{Kind: WhoForm, Header: "who is here", back: func() Step { return nil }}
	// The names typed are checked with those ticked before them.
	typed := Field{Kind: OneLine, Limit: NamesLimit, Value: []string{""}, Check: func(values [][]string) error {
		return profile.CheckNames(whoNames(values))
	}}
	switch {
	case mode == catalog.Solo && len(saved) == 0:
		return New(env, kind, mode, []string{SoloGuest}).Start()
	case mode == catalog.Solo:
		f.Fields = []Field{{Kind: One, Title: "Who is checking in?", Value: []string{SoloGuest},
			Options: append(saved, Option{"Just me, without a profile", SoloGuest})}}
		f.take = func(values [][]string) Step { return startFrom(f, New(env, kind, mode, []string{first(values[0])})) }
		return f
	case len(saved) == 0:
		typed.Title, typed.Help, typed.Placeholder = "Who is here?", "Names are optional. Separate them with commas, or just press enter for two of you.", "For example: Sam, Alex"
		typed.Empty = "two of you"
		f.Fields = []Field{typed}
		f.take = func(values [][]string) Step { return startTyped(env, kind, mode, whoNames(values), f) }
		return f
	}
	typed.Title, typed.Help = "Anyone else?", "Names, separated by commas. Optional."
	f.Fields = []Field{{Kind: Many, Title: "Who is here?", Keys: "Tick with space, then press enter.", Options: saved, Value: []string{}}, typed}
	f.take = func(values [][]string) Step { return startTyped(env, kind, mode, whoNames(values), f) }
	return f
}

// startTyped starts a round for names someone typed, after asking about
// any that is one slip from a saved profile's; going back from its first
// step goes to before, or, with none, out of the round.
func startTyped(env Env, kind Kind, mode catalog.Mode, names []string, before Step) Step {
	f, asked := meantNames(env, names)
	if f == nil {
		return startFrom(before, New(env, kind, mode, names))
	}
	f.back = func() Step { return before }
	f.take = func(values [][]string) Step {
		meant := append([]string{}, names...)
		for i, v := range values {
			meant[asked[i]] = first(v)
		}
		return startFrom(f, New(env, kind, mode, meant))
	}
	return f
}

// meantNames asks, of each name typed that is one slip from a saved
// profile's ("Sma" with Sam saved), whether it meant that person: someone
// without a profile is offered what that profile never wants. Going on
// as typed is the default, since a name is matched only as it is written
// unless someone says otherwise. asked holds the place among names of
// the name each field asks about; the form is nil when nothing needs
// asking. A name seen in the history is someone who has been here
// before, and a saved name already here is not meant twice. A script's
// names are what it means, and a question it did not expect would take
// the answer meant for the next one.
func meantNames(env Env, names []string) (f *Form, asked []int) {
	if env.Scripted() {
		return nil, nil
	}
	var saved []string
	for _, p := range env.Profiles() {
		if !slices.ContainsFunc(names, func(n string) bool { return profile.SameName(n, p.Name) }) {
			saved = append(saved, p.Name)
		}
	}
	f = &Form{Kind: WhoForm, Header: "who is here"}
	for i, name := range names {
		if _, known := profile.NameInHistory(env.History(), name); known {
			continue
		}
		near := profile.NearName(name, saved)
		if near == "" {
			continue
		}
		saved = slices.DeleteFunc(saved, func(s string) bool { return s == near })
		asked = append(asked, i)
		f.Fields = append(f.Fields, Field{Kind: One, Title: fmt.Sprintf("Did you mean %s?", near),
			Help:    fmt.Sprintf("No saved profile is called %s. %s's profile keeps what they like and never want.", name, near),
			Options: []Option{{fmt.Sprintf("No, %s is someone else", name), name}, {fmt.Sprintf("Yes, I meant %s", near), near}},
			Value:   []string{name}})
	}
	if len(f.Fields) == 0 {
		return nil, nil
	}
	return f, asked
}

// startFrom starts a round that going back from its first step leaves
// for before: the who form, as it was answered.
func startFrom(before Step, r *Round) Step {
	r.before = before
	return r.Start()
}

// whoNames are the names a who form gives: those ticked, if it asks, and
// those typed, last.
func whoNames(values [][]string) []string {
	var ticked []string
	if len(values) > 1 {
		ticked = values[0]
	}
	return TypedNames(ticked, first(values[len(values)-1]))
}

// TypedNames are the people ticked and typed (separated by commas), at
// least two: someone left unnamed is Person 2, and so on.
func TypedNames(ticked []string, typed string) []string {
	names := append([]string{}, ticked...)
	for _, n := range strings.Split(plain.Strip(typed, false), ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	for len(names) < 2 {
		names = append(names, "")
	}
	for i, n := range names {
		if n == "" {
			names[i] = fmt.Sprintf("Person %d", i+1)
		}
	}
	return names
}
