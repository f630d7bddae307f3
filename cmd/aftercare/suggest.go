package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/plain"
	"github.com/aftercare-tui/aftercare/profile"
	"github.com/spf13/cobra"
)

type suggestFlags struct {
	forNames       []string
	noHistory      bool
	solo, together bool
	guard          bool
	space          bool
	needs, avoid   []string
	likes, have    []string
	energy         []string
	situation      string
	minutes, limit int
	request        string
	json           bool
}

func newSuggestCommand(a *app) *cobra.Command {
	var f suggestFlags
	cmd := &cobra.Command{
		Use:   "suggest",
		Short: "Suggest what to do now, from the catalogue",
		Long: `Suggest what to do now, ranked by how well it meets everyone's needs, with
the reasons. Describe the people with flags, or give a request file.

A flag value may start with a name and a colon to say whose it is:
--need Sam:closeness --need Alex:space describes two people, and when their
needs pull apart the answer includes a compromise. --for starts from saved
profiles (their likes, never-lists and usual needs); other flags add to them.
--guard keeps everything gentle for everyone, as the check-in does when
someone is unsure whether they are safe, or says a line was crossed or may
have been. --space is what the check-in does when someone asked for space,
or said they do not feel safe, in a private answer: it is kept gentle as
with --guard, and nothing offered together asks anything of anyone, since
it is not said who asked. --energy low offers nothing that asks more than
a little energy of that person.`,
		Example: `  aftercare suggest --need quiet --need hydration --minutes 15
  aftercare suggest --together --situation scene --avoid kissing
  aftercare suggest --together --guard
  aftercare suggest --together --space --need Sam:closeness
  aftercare suggest --together --situation apart --energy low
  aftercare suggest --need Sam:closeness --need Alex:space --json
  aftercare suggest --for Sam,Alex --need Alex:space
  aftercare suggest --request tonight.yaml`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cat, err := a.catalog(cmd)
			if err != nil {
				return err
			}
			cfg, err := a.config(cmd)
			if err != nil {
				return err
			}
			var saved []catalog.Person
			var unsure []string
			var history *pastOf
			if len(f.forNames) > 0 {
				// Without how things went, the history is read only to
				// find someone who has no profile (see savedPeople).
				if !f.noHistory {
					if history, err = a.pastOf(cmd, f.forNames); err != nil {
						return err
					}
				}
				if saved, unsure, err = a.savedPeople(cmd, f.forNames, f.situation, history); err != nil {
					return err
				}
			}
			req, err := f.build(cmd, cat, a.stdin, saved)
			if err != nil {
				return err
			}
			if len(unsure) > 0 {
				req.Guard = true
				for i, name := range unsure {
					unsure[i] = plain.Line(name) + "'s"
				}
				fmt.Fprintf(a.stderr, "A profile that cannot be read may be %s, so what they never want is not known: these suggestions are kept gentle.\n", strings.Join(unsure, " or "))
			}
			if len(saved) > 0 && !f.noHistory {
				req.Ratings = history.ratings(req.People)
			}
			if !cmd.Flags().Changed("minutes") && req.Minutes == 0 {
				req.Minutes = cfg.DefaultMinutes
			}
			result := cat.Suggest(req)
			if f.json {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(result)
			}
			_, err = io.WriteString(a.stdout, cat.FormatResult(req, result))
			return err
		},
	}
	fl := cmd.Flags()
	fl.StringSliceVar(&f.forNames, "for", nil, "use these people's saved profiles and how activities went for them: NAME[,NAME...]")
	fl.BoolVar(&f.noHistory, "no-history", false, "with --for, leave out how activities went before")
	fl.BoolVar(&f.solo, "solo", false, "one person on their own")
	fl.BoolVar(&f.together, "together", false, "two or more people together")
	fl.BoolVar(&f.guard, "guard", false, "keep it gentle, as when someone is not safe, unsure, or says a line was crossed: nothing with more than light touch, no kissing, nothing celebratory")
	fl.BoolVar(&f.space, "space", false, "someone asked for space without saying who, as a check-in keeps a private answer: everything offered together asks nothing of anyone, and it is kept gentle as with --guard")
	fl.StringArrayVarP(&f.needs, "need", "n", nil, "a need right now, such as quiet or closeness, =3 for a lot of it or =1 for a little; repeatable, [NAME:]NEED[=WEIGHT]")
	fl.StringArrayVar(&f.avoid, "avoid", nil, "a tag or activity never to suggest, such as touch; repeatable, [NAME:]TAG")
	fl.StringArrayVar(&f.likes, "like", nil, "a tag or activity someone likes; repeatable, [NAME:]TAG")
	fl.StringArrayVar(&f.have, "have", nil, "something at hand, such as blanket or tea; repeatable")
	fl.StringArrayVar(&f.energy, "energy", nil, "how much energy someone has: low, medium or high; nothing asking more is offered to them; [NAME:]LEVEL")
	fl.StringVarP(&f.situation, "situation", "s", "", "what kind of time it was, such as tender or scene")
	fl.IntVarP(&f.minutes, "minutes", "m", 0, "minutes available; 0 means no limit (default from settings: default_minutes)")
	fl.IntVar(&f.limit, "limit", catalog.DefaultLimit, "how many suggestions to show")
	fl.StringVar(&f.request, "request", "", "read the request from a YAML or JSON file, - for standard input")
	fl.BoolVar(&f.json, "json", false, "print JSON instead of text")
	_ = cmd.RegisterFlagCompletionFunc("for", a.completeNameList)
	_ = cmd.RegisterFlagCompletionFunc("need", a.completeNamed(a.catalogIDs("need")))
	_ = cmd.RegisterFlagCompletionFunc("avoid", a.completeNamed(a.catalogIDs("tag", "activity")))
	_ = cmd.RegisterFlagCompletionFunc("like", a.completeNamed(a.catalogIDs("tag", "activity")))
	_ = cmd.RegisterFlagCompletionFunc("energy", a.completeNamed(func(*cobra.Command) []string { return catalog.EnergyLevels }))
	completeFrom(a, cmd, "have", "thing")
	completeFrom(a, cmd, "situation", "situation")
	return cmd
}

// build makes the request from the file or the flags; flags that set one
// value (mode, situation, minutes, limit, guard, space) also apply on top of a
// file.
func (f *suggestFlags) build(cmd *cobra.Command, cat *catalog.Catalog, stdin io.Reader, saved []catalog.Person) (catalog.Request, error) {
	req := catalog.Request{People: saved}
	changed := cmd.Flags().Changed
	if f.solo && f.together {
		return req, usagef("--solo and --together cannot both be given")
	}
	if f.request != "" {
		for _, name := range []string{"for", "need", "avoid", "like", "have", "energy"} {
			if changed(name) {
				return req, usagef("--%s cannot be combined with --request; put it in the request file", name)
			}
		}
		var err error
		if req, err = readRequest(cat, f.request, stdin); err != nil {
			return req, err
		}
	} else {
		if err := f.people(cat, &req); err != nil {
			return req, err
		}
		for _, t := range f.have {
			if err := cat.KnownRef(t, "thing"); err != nil {
				return req, usagef("--have: %v", err)
			}
		}
		req.Things = f.have
	}
	switch {
	case f.solo:
		req.Mode = catalog.Solo
	case f.together:
		req.Mode = catalog.Together
	}
	if changed("situation") {
		req.Situation = f.situation
	}
	// --guard and --space only ever turn a request quiet: a request file
	// that asks for gentleness keeps it.
	req.Guard = req.Guard || f.guard
	req.Space = req.Space || f.space
	if changed("minutes") {
		if f.minutes < 0 || f.minutes > catalog.MaxMinutes {
			return req, usagef("--minutes %d is out of range: use 0 (no limit) to %d", f.minutes, catalog.MaxMinutes)
		}
		req.Minutes = f.minutes
	}
	if changed("limit") || req.Limit == 0 {
		req.Limit = f.limit
	}
	if f.limit < 1 {
		return req, usagef("--limit must be at least 1")
	}
	if err := cat.CheckRequest(req); err != nil {
		return req, &usageError{err}
	}
	return req, nil
}

// people gathers the per-person flags on top of the people already in the
// request (from saved profiles). A NAME: prefix says whose a value is;
// needs and likes without one belong to the one person, or to one unnamed
// person, and an unnamed --avoid holds for everyone.
func (f *suggestFlags) people(cat *catalog.Catalog, req *catalog.Request) error {
	at := map[string]int{}
	for i, p := range req.People {
		at[strings.ToLower(p.Name)] = i
	}
	alone := len(req.People) == 1
	person := func(name string) *catalog.Person {
		if name == "" && alone {
			return &req.People[0]
		}
		key := strings.ToLower(name)
		if i, ok := at[key]; ok {
			return &req.People[i]
		}
		at[key] = len(req.People)
		req.People = append(req.People, catalog.Person{Name: name})
		return &req.People[len(req.People)-1]
	}
	// each reads a flag's values, [NAME:]VALUE, giving add whose each is
	// and what it says, once read checks it.
	each := func(flag string, values []string, read func(value string) error, add func(name, value string)) error {
		for _, v := range values {
			name, value, named := strings.Cut(v, ":")
			if !named {
				name, value = "", v
			}
			name, value = strings.TrimSpace(name), strings.TrimSpace(value)
			if named && name == "" {
				return usagef("--%s %s: the name before the colon is empty", flag, catalog.Quoted(v))
			}
			if err := read(value); err != nil {
				return usagef("--%s: %v", flag, err)
			}
			add(name, value)
		}
		return nil
	}
	known := func(kinds ...string) func(string) error {
		return func(id string) error { return cat.KnownRef(id, kinds...) }
	}
	var need string
	var weight int
	weighted := func(value string) (err error) {
		need, weight, err = cat.WeightedNeed(value)
		return err
	}
	var badEnergy error
	for _, v := range f.energy {
		name, level, named := strings.Cut(v, ":")
		if !named {
			name, level = "", v
		}
		name, level = strings.TrimSpace(name), strings.TrimSpace(level)
		if named && name == "" || !slices.Contains(catalog.EnergyLevels, level) {
			badEnergy = usagef("--energy %s: write low, medium or high, after NAME: to say whose", catalog.Quoted(v))
			break
		}
		p := person(name)
		p.Energy = catalog.LeastEnergy(p.Energy, level)
	}
	err := errors.Join(
		badEnergy,
		each("need", f.needs, weighted, func(name, _ string) {
			p := person(name)
			p.Needs = p.Needs.With(need, weight)
		}),
		each("like", f.likes, known("tag", "activity"), func(name, id string) {
			p := person(name)
			p.Likes = append(p.Likes, id)
		}),
		each("avoid", f.avoid, known("tag", "activity"), func(name, id string) {
			if name == "" {
				req.Avoid = append(req.Avoid, id)
				return
			}
			p := person(name)
			p.Never = append(p.Never, id)
		}),
	)
	if err != nil {
		return err
	}
	if _, unnamed := at[""]; unnamed && len(req.People) > 1 {
		return usagef("some --need, --like or --energy values have a name and some do not; write NAME:VALUE for each person")
	}
	return nil
}

// maxRequestBytes is the largest request read: twelve people with every
// need, tag and thing named fit in a tenth of it, and a larger file is
// refused before it costs time or memory.
const maxRequestBytes = 64 << 10

// readRequest reads and checks a request file, or standard input for "-":
// only an ordinary file, and never more than a byte over the limit.
func readRequest(cat *catalog.Catalog, path string, stdin io.Reader) (catalog.Request, error) {
	if path != "-" {
		data, err := catalog.ReadOrdinary(path, maxRequestBytes, "a request")
		if err != nil {
			return catalog.Request{}, err
		}
		return cat.ParseRequest(path, data)
	}
	const name = "<stdin>"
	data, err := catalog.ReadAtMost(stdin, name, maxRequestBytes, "a request")
	if err != nil {
		return catalog.Request{}, err
	}
	return cat.ParseRequest(name, data)
}

// savedPeople reads the people --for names: their saved profiles, or for
// someone who has checked in without one, just their name, so that how
// things went for them still counts. The store is open once the history
// has been read. A named person's profile that cannot be read stops the
// command, since what they never want may be in it. Someone without a
// profile while some profile cannot be read may be its owner: unsure
// names them, and the suggestions are kept quiet, as the full screen
// keeps them.
func (a *app) savedPeople(cmd *cobra.Command, names []string, situation string, history *pastOf) (people []catalog.Person, unsure []string, err error) {
	// Each person is looked for among every profile, so every damaged
	// one is named: whose it is cannot be known.
	entries, err := a.profileEntries(cmd)
	if err != nil {
		return nil, nil, err
	}
	_, unread := profile.SplitProfiles(entries)
	for _, name := range names {
		name = strings.TrimSpace(name)
		p, err := profile.ProfileIn(entries, name)
		var damaged catalog.Errors
		switch {
		case err == nil:
			people = append(people, p.Person(situation))
			continue
		case errors.As(err, &damaged):
			// Named above already, with its line.
			return nil, nil, fmt.Errorf("%s's profile cannot be read (named above), so what they never want is not known and nothing is suggested; mend it with: aftercare profile edit %s", name, profile.NameArg(name))
		case !errors.Is(err, profile.ErrNotFound):
			return nil, nil, err
		case history == nil:
			// Someone without a profile is found in the history, read
			// only now.
			if history, err = a.pastOf(cmd, names); err != nil {
				return nil, nil, err
			}
		}
		guest, ok := history.spelt[name]
		if !ok {
			return nil, nil, usagef("--for: no profile named %s, and no check-in with them either%s; see 'aftercare profile list'", catalog.Quoted(name), catalog.MeanHint(profile.NearestName(entries, name)))
		}
		people = append(people, catalog.Person{Name: guest})
		if len(unread) > 0 {
			unsure = append(unsure, guest)
		}
	}
	return people, unsure, nil
}

// pastOf is what --for needs of the history: how it spells each name
// asked about (as the newest check-in with them does), and their ratings.
type pastOf struct {
	spelt   map[string]string
	history *profile.Digest
}

// pastOf reads the history as --for needs it: what the full screen keeps
// of it (profile.Store.Digest), which holds the ratings in a compact form
// and no check-in whole, so that a long history takes little memory.
func (a *app) pastOf(cmd *cobra.Command, names []string) (*pastOf, error) {
	history, err := a.history(cmd)
	if err != nil {
		return nil, err
	}
	p := &pastOf{spelt: map[string]string{}, history: history}
	for i, name := range names {
		name = strings.TrimSpace(name)
		names[i] = name
		if known, ok := profile.NameInHistory(history, name); ok {
			p.spelt[name] = known
		}
	}
	return p, nil
}

// ratings are the ratings in the history of the people asked about, from
// the check-ins that could be read (the others are named).
func (p *pastOf) ratings(people []catalog.Person) []catalog.Rating {
	names := make([]string, len(people))
	for i, person := range people {
		names[i] = person.Name
	}
	return profile.Ratings(p.history, names)
}

// completeFrom offers the catalogue's ids of the given kinds when a shell
// completes the flag.
func completeFrom(a *app, cmd *cobra.Command, flag string, kinds ...string) {
	ids := a.catalogIDs(kinds...)
	_ = cmd.RegisterFlagCompletionFunc(flag, func(cmd *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
		return ids(cmd), noFiles
	})
}

// catalogIDs lists the catalogue's ids of the given kinds, once it is
// loaded; none when it cannot be.
func (a *app) catalogIDs(kinds ...string) func(*cobra.Command) []string {
	return func(cmd *cobra.Command) []string {
		cat, err := a.catalog(cmd)
		if err != nil {
			return nil
		}
		return cat.IDs(kinds...)
	}
}
