package line

import (
	"errors"
	"fmt"
	"strings"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/flow"
	"github.com/aftercare-tui/aftercare/plain"
	"github.com/aftercare-tui/aftercare/profile"
)

// home asks what to do, again after each thing is done, until someone
// leaves or the input ends. What a round leaves unsaved at the end of the
// input is said, and makes the run fail. done says something was already
// under way before home.
func (s *session) home(done bool) error {
	s.say("aftercare. Answer each question with the number of an option, or press enter for the one it names. Type ? for help at any question.")
	if s.o.Locked {
		s.say(flow.LockedLine)
	}
	if s.o.Locked && s.o.DueLocked > 0 {
		s.say(flow.DueLockedLine(s.o.DueLocked))
	}
	// Once something is done, enter alone leaves: a script that answers
	// every question with enter checks in once, not for as long as it
	// runs.
	for {
		items := s.homeItems()
		field := flow.Field{Kind: flow.One, Title: "What would you like to do?"}
		for _, it := range items {
			field.Options = append(field.Options, flow.Option{Label: it.label, Value: it.label})
		}
		first := items[0].label
		if done {
			first = items[len(items)-1].label
		}
		v, err := s.ask(field, []string{first}, nil)
		switch {
		case errors.Is(err, errBack):
			continue
		case errors.Is(err, errEnded):
			return nil
		case err != nil:
			return s.stopped(err, flow.NothingLost)
		}
		for _, it := range items {
			if it.label != v[0] {
				continue
			}
			if it.open == nil {
				return nil
			}
			done = true
			if err := it.open(); err != nil && !errors.Is(err, errLeft) {
				// Input that ends where nothing is under way is
				// someone leaving; in a round begun, it leaves the
				// round unsaved, as it does a round begun by name.
				var stopped *Stopped
				if errors.As(err, &stopped) && stopped.Left == flow.NothingLost && !stopped.Interrupted {
					return nil
				}
				if stopped != nil {
					return err
				}
				s.say(plain.Line(flow.FirstLines(err.Error(), 1)))
			}
		}
	}
}

type homeItem struct {
	label string
	// open does what the item offers; nil leaves.
	open func() error
}

// homeItems are the choices at home, with a follow-up that is due first.
func (s *session) homeItems() []homeItem {
	var items []homeItem
	if due := s.o.History.Due(s.o.Now()); len(due) > 0 {
		of := due[0]
		items = append(items, homeItem{"Follow up: how you are now, and what helped", func() error {
			return s.round(flow.FollowUpOf(s, of).Start())
		}})
	}
	items = append(items,
		homeItem{"Check in together: two or more of you, taking turns", func() error { return s.round(flow.Who(s, catalog.Together, false)) }},
		homeItem{"Check in alone: for you, on your own", func() error { return s.round(flow.Who(s, catalog.Solo, false)) }},
		homeItem{"Plan ahead: what each of you will want afterwards", func() error { return s.round(flow.Who(s, catalog.Together, true)) }},
		homeItem{"People: what each of you likes and needs", s.people},
		homeItem{"History: past check-ins", s.history},
	)
	if s.o.Locked && s.o.Unlock != nil {
		items = append(items, homeItem{"Unlock: type the passphrase to open what is saved", func() error {
			_, err := s.unlock("What is saved is locked.")
			return err
		}})
	}
	return append(items,
		homeItem{"Support: people to talk to, any time", s.support},
		homeItem{"Leave", nil},
	)
}

// support says every support line for the region.
func (s *session) support() error {
	for _, l := range flow.SupportLines(s.o.Catalog, flow.Region(s.o.Config)) {
		s.say(l.Words())
	}
	return nil
}

// people lists who is saved, and adds, changes or deletes a profile.
func (s *session) people() error {
	if s.o.Locked {
		if opened, err := s.unlock("Saved people are still here, locked."); !opened {
			return err
		}
	}
	if len(s.o.Profiles) == 0 {
		s.say("No one saved yet. A profile remembers what someone likes, never wants and usually needs afterwards, so that suggestions fit them.")
	} else {
		var names []string
		for _, p := range s.o.Profiles {
			names = append(names, plain.Line(p.Name))
		}
		s.say("People: " + strings.Join(names, ", ") + ".")
	}
	field := flow.Field{Kind: flow.One, Title: "What would you like to do?", Options: []flow.Option{{Label: "Go back home", Value: "home"}, {Label: "Add someone", Value: "add"}}}
	if len(s.o.Profiles) > 0 {
		field.Options = append(field.Options, flow.Option{Label: "Change someone's profile", Value: "change"}, flow.Option{Label: "Delete someone's profile", Value: "delete"})
	}
	v, err := s.ask(field, []string{"home"}, nil)
	if err != nil {
		return s.noBack(err)
	}
	switch v[0] {
	case "add":
		return s.profileForm(nil)
	case "change":
		p, err := s.whose("Whose profile would you like to change?")
		if err != nil || p == nil {
			return s.noBack(err)
		}
		return s.profileForm(p)
	case "delete":
		p, err := s.whose("Whose profile would you like to delete?")
		if err != nil || p == nil {
			return s.noBack(err)
		}
		return s.deleteProfile(p)
	}
	return nil
}

// noBack takes "back" as going home: there is nothing before it here.
func (s *session) noBack(err error) error {
	if errors.Is(err, errBack) {
		return nil
	}
	if err != nil {
		return s.stopped(err, flow.NothingLost)
	}
	return nil
}

// whose asks for one of the saved people.
func (s *session) whose(title string) (*profile.Profile, error) {
	field := flow.Field{Kind: flow.One, Title: title, Options: []flow.Option{{Label: "No one: go back home", Value: ""}}}
	for _, p := range s.o.Profiles {
		field.Options = append(field.Options, flow.Option{Label: p.Name, Value: p.Name})
	}
	v, err := s.ask(field, []string{""}, nil)
	if err != nil {
		return nil, err
	}
	return flow.FindProfile(s.o.Profiles, v[0]), nil
}

// profileForm asks a profile's fields and saves it.
func (s *session) profileForm(was *profile.Profile) error {
	f := flow.ProfileForm(s, was)
	values, err := s.fill(f)
	if errors.Is(err, errBack) {
		return nil
	}
	if err != nil {
		left := "the new profile was not saved"
		if was != nil {
			left = "the changes to " + was.Name + "'s profile were not saved"
		}
		return s.stopped(err, left)
	}
	save, ok := f.Take(values).(*flow.Save)
	if !ok {
		return nil
	}
	if err := save.Write(s.o.Store); err != nil {
		return fmt.Errorf("%s could not be saved: %w", save.What, err)
	}
	s.say(plain.Line(save.What) + " is saved.")
	s.reread()
	return nil
}

// deleteProfile deletes a profile once the person says so; keeping it is
// what enter does.
func (s *session) deleteProfile(p *profile.Profile) error {
	v, err := s.ask(flow.Field{Kind: flow.One, Title: "Delete " + plain.Line(p.Name) + "'s profile for good?",
		Options: []flow.Option{{Label: "No, keep it", Value: ""}, {Label: "Yes, delete it", Value: "yes"}}}, []string{""}, nil)
	if err != nil || v[0] == "" {
		return s.noBack(err)
	}
	if _, err := s.o.Store.DeleteProfile(p.Name); err != nil {
		return fmt.Errorf("%s's profile could not be deleted: %w", p.Name, err)
	}
	s.say(plain.Line(p.Name) + "'s profile is deleted.")
	s.reread()
	return nil
}

// historyPage is how many check-ins are listed at a time: enough to
// choose from, few enough to hear.
const historyPage = 10

// history lists past check-ins, newest first, a page at a time, and reads
// one out whole on request.
func (s *session) history() error {
	if s.o.Locked {
		if opened, err := s.unlock("Your history is still here, locked."); !opened {
			return err
		}
	}
	page, stats, err := s.o.Store.FirstPage(historyPage)
	if err != nil {
		return err
	}
	if page.Total == 0 {
		s.say("No check-ins saved yet. They appear here after you save one.")
		return nil
	}
	if len(stats.People) > 0 {
		s.say("How it has gone:")
		for _, l := range strings.Split(strings.TrimRight(plain.Text(profile.SpokenStats(stats)), "\n"), "\n") {
			s.say(l)
		}
	}
	for {
		to := page.From + len(page.Entries)
		s.say(historyCount(page, to))
		field := flow.Field{Kind: flow.One, Title: "Which would you like to read?", Options: []flow.Option{{Label: "None: go back home", Value: "home"}}}
		for i, e := range page.Entries {
			field.Options = append(field.Options, flow.Option{Label: flow.EntryLine(s.o.Catalog, e, s.o.Now()), Value: fmt.Sprint(i)})
		}
		if to < page.Total {
			field.Options = append(field.Options, flow.Option{Label: "Older check-ins", Value: "more"})
		}
		v, err := s.ask(field, []string{"home"}, nil)
		if err != nil {
			return s.noBack(err)
		}
		switch v[0] {
		case "home":
			return nil
		case "more":
			if page, err = s.o.Store.ListedPage(to, historyPage, nil); err != nil {
				return err
			}
			continue
		}
		var i int
		fmt.Sscan(v[0], &i)
		s.readEntry(page.Entries[i])
	}
}

// historyCount says which part of the listing a page is, and how many of
// its entries are plans, and files that cannot be read, rather than
// check-ins.
func historyCount(page profile.Page, to int) string {
	words := fmt.Sprintf("Entries %s to %s of %s, newest first", catalog.Thousands(page.From+1), catalog.Thousands(to), catalog.Thousands(page.Total))
	switch {
	case page.Plans == 1:
		words += "; one of them is a plan"
	case page.Plans > 1:
		words += fmt.Sprintf("; %s of them are plans", catalog.Thousands(page.Plans))
	}
	switch {
	case page.Damaged == 1:
		words += "; one of them is a file that cannot be read"
	case page.Damaged > 1:
		words += fmt.Sprintf("; %s of them are files that cannot be read", catalog.Thousands(page.Damaged))
	}
	return words + "."
}

// readEntry reads one check-in out whole, as it is now on disk.
func (s *session) readEntry(e profile.SessionEntry) {
	if e = s.o.Store.Whole(e); e.Err != nil {
		s.say("This file cannot be read, so it is left as it is: " + plain.Line(e.Path) + ": " + plain.Line(flow.FirstLines(e.Err.Error(), 1)))
		return
	}
	for _, l := range strings.Split(strings.TrimRight(plain.Text(profile.FormatSession(s.o.Catalog, e.Session)), "\n"), "\n") {
		s.say(l)
	}
}
