package flow

import (
	"fmt"
	"slices"
	"strings"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/plain"
	"github.com/aftercare-tui/aftercare/profile"
)

// ProfileForm is the form for one person's profile, a field at a time:
// name, pronouns, leaning, talk or quiet, usual needs, likes, never-list
// and notes; was is the profile being changed, or nil for someone new.
// Taking it gives the Save that writes the profile, atomically; going back
// gives nil.
func ProfileForm(env Env, was *profile.Profile) *Form {
	name, pronouns, leaning, talk, notes := "", "", "depends", "depends", ""
	var needs, likes, never []string
	header := "new person"
	if was != nil {
		header = "people · " + was.Name
		name, pronouns, leaning, talk, notes = plain.Strip(was.Name, false), plain.Strip(was.Pronouns, false), was.Leaning, was.Talk, plain.Strip(was.Notes, true)
		likes, never = slices.Clone(was.Likes), slices.Clone(was.Never)
		for _, w := range was.Needs {
			needs = append(needs, w.Need)
		}
	}
	cat := env.Catalog()
	var needOpts, tagOpts, likeOpts []Option
	for _, n := range cat.Needs {
		needOpts = append(needOpts, Option{n.Label, n.ID})
	}
	for _, t := range cat.Tags {
		tagOpts = append(tagOpts, Option{t.Label, t.ID})
		likeOpts = append(likeOpts, Option{t.Label, t.ID})
	}
	for _, a := range cat.Activities {
		likeOpts = append(likeOpts, Option{a.Title, a.ID})
	}
	either := func(a, b, bValue string) []Option {
		return []Option{{"It depends", "depends"}, {a, strings.ToLower(a)}, {b, bValue}, {"Rather not say", ""}}
	}
	// What the form cannot show (hidden by the catalogue, or a never
	// entry that is an activity) is not offered to untick, and is kept as
	// it is: an edit of the pronouns must not drop a never-list entry.
	needs, keptNeeds := splitShown(needs, needOpts)
	likes, keptLikes := splitShown(likes, likeOpts)
	never, keptNever := splitShown(never, tagOpts)
	nameHelp := ""
	if was != nil {
		// Records keep the name they were saved with: they are what was
		// said then, and forgetting the person finds them by it.
		nameHelp = "Check-ins saved before keep the name they were saved with."
	}
	f := &Form{Kind: PersonForm, Header: header, Loses: true, back: func() Step { return nil }, Fields: []Field{
		{Kind: OneLine, Title: "Name", Help: nameHelp, Value: []string{name}, Limit: profile.MaxNameLength,
			Check: func(values [][]string) error { return checkName(env, was, first(values[0])) }},
		{Kind: OneLine, Title: "Pronouns", Help: "Optional, such as they/them.", Value: []string{pronouns}, Limit: profile.MaxPronounsLength},
		{Kind: One, Title: "Afterwards, do you usually want closeness or space?", Options: either("Closeness", "Space", "space"), Value: []string{leaning}},
		{Kind: One, Title: "Talking or quiet?", Options: either("Talk", "Quiet", "quiet"), Value: []string{talk}},
		{Kind: Many, Title: "What do you usually need afterwards?", Options: needOpts, Value: needs},
		{Kind: Many, Title: "What do you enjoy?", Options: likeOpts, Value: likes},
		{Kind: Many, Title: "Never suggest anything with…", Help: "These are never offered while you are there.", Options: tagOpts, Value: never},
		{Kind: Words, Title: "Notes", Help: "Anything else worth remembering. Optional.", Value: []string{notes}, Limit: profile.MaxNotesLength},
	}}
	f.take = func(values [][]string) Step {
		saved := profile.Profile{Name: strings.TrimSpace(plain.Strip(first(values[0]), false)), Pronouns: strings.TrimSpace(plain.Strip(first(values[1]), false)),
			Leaning: first(values[2]), Talk: first(values[3]), Likes: withKept(values[5], keptLikes), Never: withKept(values[6], keptNever),
			Notes: strings.TrimSpace(plain.Strip(first(values[7]), true))}
		for _, n := range withKept(values[4], keptNeeds) {
			weight := catalog.DefaultWeight
			if was != nil && was.Needs.Of(n) > 0 {
				weight = was.Needs.Of(n)
			}
			saved.Needs = saved.Needs.Set(n, weight)
		}
		return &Save{What: saved.Name + "'s profile", Write: func(store *profile.Store) error {
			if was == nil {
				return store.CreateProfile(&saved)
			}
			_, err := store.UpdateProfile(was.Name, func(q *profile.Profile) error {
				saved.Helps = q.Helps
				*q = saved
				return nil
			})
			return err
		}}
	}
	return f
}

// splitShown parts ids into those among opts, which a form can show, and
// the rest.
func splitShown(ids []string, opts []Option) (shown, unshown []string) {
	shown = []string{}
	for _, id := range ids {
		if slices.ContainsFunc(opts, func(o Option) bool { return o.Value == id }) {
			shown = append(shown, id)
		} else {
			unshown = append(unshown, id)
		}
	}
	return shown, unshown
}

// withKept adds to what was chosen the ids kept without being shown.
func withKept(chosen, kept []string) []string {
	for _, id := range kept {
		if !slices.Contains(chosen, id) {
			chosen = append(chosen, id)
		}
	}
	return chosen
}

// checkName refuses an empty or taken name while the form is open.
func checkName(env Env, was *profile.Profile, name string) error {
	name = strings.TrimSpace(plain.Strip(name, false))
	if err := profile.CheckName(name); err != nil {
		return err
	}
	for _, other := range env.Profiles() {
		if profile.SameName(other.Name, name) && (was == nil || !profile.SameName(was.Name, other.Name)) {
			return fmt.Errorf("there is already someone called %s", other.Name)
		}
	}
	return nil
}
