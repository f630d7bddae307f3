package tui

import (
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/flow"
	"github.com/aftercare-tui/aftercare/plain"
	"github.com/aftercare-tui/aftercare/profile"
)

// prefs is the form for one person's profile, a field at a time: name,
// pronouns, leaning, talk or quiet, usual needs, likes, never-list and
// notes. Saving goes through the profile store, atomically.
type prefs struct {
	was                 *profile.Profile
	name, pronouns      string
	leaning, talk       string
	needs, likes, never []string
	notes               string
}

func newPrefs(c *ctx, was *profile.Profile) screen {
	p := &prefs{was: was, leaning: "depends", talk: "depends"}
	c.work = p
	header := "new person"
	if was != nil {
		header = "people · " + was.Name
		p.name, p.pronouns, p.leaning, p.talk, p.notes = plain.Strip(was.Name, false), plain.Strip(was.Pronouns, false), was.Leaning, was.Talk, plain.Strip(was.Notes, true)
		p.likes, p.never = slices.Clone(was.Likes), slices.Clone(was.Never)
		for _, w := range was.Needs {
			p.needs = append(p.needs, w.Need)
		}
	}
	var needOpts, tagOpts, likeOpts []huh.Option[string]
	for _, n := range c.cat.Needs {
		needOpts = append(needOpts, huh.NewOption(n.Label, n.ID))
	}
	for _, t := range c.cat.Tags {
		tagOpts = append(tagOpts, huh.NewOption(t.Label, t.ID))
		likeOpts = append(likeOpts, huh.NewOption(t.Label, t.ID))
	}
	for _, a := range c.cat.Activities {
		likeOpts = append(likeOpts, huh.NewOption(a.Title, a.ID))
	}
	either := func(a, b, bValue string) []huh.Option[string] {
		return []huh.Option[string]{huh.NewOption("It depends", "depends"), huh.NewOption(a, strings.ToLower(a)),
			huh.NewOption(b, bValue), huh.NewOption("Rather not say", "")}
	}
	return steps(header, true, []step{
		{field: huh.NewInput().Title("Name").Value(&p.name), check: func() error { return p.checkName(c, p.name) }},
		{field: huh.NewInput().Title("Pronouns").Description("Optional, such as they/them.").Value(&p.pronouns)},
		oneOf(huh.NewSelect[string]().Title("Afterwards, do you usually want closeness or space?"), &p.leaning, either("Closeness", "Space", "space")...),
		oneOf(huh.NewSelect[string]().Title("Talking or quiet?"), &p.talk, either("Talk", "Quiet", "quiet")...),
		anyOf(huh.NewMultiSelect[string]().Title("What do you usually need afterwards?"), &p.needs, needOpts...),
		anyOf(huh.NewMultiSelect[string]().Title("What do you enjoy?"), &p.likes, likeOpts...),
		anyOf(huh.NewMultiSelect[string]().Title("Never suggest anything with…").
			Description("These are never offered while you are there."), &p.never, tagOpts...),
		limitedText(huh.NewText().Title("Notes").Description("Anything else worth remembering. Optional.").
			Lines(3).Value(&p.notes), flow.NoteLimit),
	}, func(c *ctx) screen { return newPeople(c) }, p.save)
}

// checkName refuses an empty or taken name while the form is open.
func (p *prefs) checkName(c *ctx, name string) error {
	name = strings.TrimSpace(plain.Strip(name, false))
	if err := profile.CheckName(name); err != nil {
		return err
	}
	for _, other := range c.profiles {
		if profile.SameName(other.Name, name) && (p.was == nil || !profile.SameName(p.was.Name, other.Name)) {
			return fmt.Errorf("there is already someone called %s", other.Name)
		}
	}
	return nil
}

// lost says what a stop leaves unsaved of the form.
func (p *prefs) lost() string {
	if p.was != nil {
		return "the changes to " + p.was.Name + "'s profile were not saved"
	}
	return "the new profile was not saved"
}

// save writes the profile in the background and goes back to the list,
// which hears how it went.
func (p *prefs) save(c *ctx) (screen, tea.Cmd) {
	saved := profile.Profile{Name: strings.TrimSpace(plain.Strip(p.name, false)), Pronouns: strings.TrimSpace(plain.Strip(p.pronouns, false)),
		Leaning: p.leaning, Talk: p.talk, Likes: p.likes, Never: p.never, Notes: strings.TrimSpace(plain.Strip(p.notes, true))}
	for _, n := range p.needs {
		weight := catalog.DefaultWeight
		if p.was != nil && p.was.Needs.Of(n) > 0 {
			weight = p.was.Needs.Of(n)
		}
		saved.Needs = saved.Needs.Set(n, weight)
	}
	store, was := c.store, p.was
	list := newPeople(c)
	return list, list.writeChange(change{saved.Name + "'s profile", "saved"}, func() error {
		if was == nil {
			return store.CreateProfile(&saved)
		}
		_, err := store.UpdateProfile(was.Name, func(q *profile.Profile) error {
			saved.Helps = q.Helps
			*q = saved
			return nil
		})
		return err
	})
}
