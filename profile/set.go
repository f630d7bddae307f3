package profile

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/plain"
)

// Settable are the profile fields that Set can change.
var Settable = []string{"name", "pronouns", "likes", "never", "leaning", "talk", "needs", "helps", "notes"}

// Leanings and Talks are the words a profile's leaning and talk may be.
var (
	Leanings = []string{"closeness", "space", "depends"}
	Talks    = []string{"talk", "quiet", "depends"}
)

// Set replaces one field of p from text as typed on a command line: lists
// are comma-separated, needs are NEED or NEED=WEIGHT, helps are
// SITUATION:ID. An empty value clears the field.
func Set(cat *catalog.Catalog, p *Profile, key, value string) error {
	value = strings.TrimSpace(value)
	switch key {
	case "name":
		if err := CheckName(value); err != nil {
			return err
		}
		p.Name = value
	case "pronouns":
		return setText(&p.Pronouns, key, value)
	case "notes":
		return setText(&p.Notes, key, value)
	case "leaning":
		return setWord(&p.Leaning, value, Leanings...)
	case "talk":
		return setWord(&p.Talk, value, Talks...)
	case "likes", "never", "needs", "helps":
		switch key {
		case "likes":
			p.Likes = nil
		case "never":
			p.Never = nil
		case "needs":
			p.Needs = nil
		case "helps":
			p.Helps = nil
		}
		for _, item := range strings.Split(value, ",") {
			if item = strings.TrimSpace(item); item != "" {
				if err := Add(cat, p, key, item); err != nil {
					return err
				}
			}
		}
	default:
		return fmt.Errorf("%s is not a profile field: use one of %s", catalog.Quoted(key), strings.Join(Settable, ", "))
	}
	return nil
}

// setText sets a profile's pronouns or notes, unless value is longer than
// they may be or holds what could act on a terminal.
func setText(field *string, key, value string) error {
	if problem := lengthProblem(key, value); problem != "" {
		return errors.New(problem)
	}
	if problem := textProblem(key, value); problem != "" {
		return errors.New(problem)
	}
	*field = value
	return nil
}

// textProblem says what in a profile's pronouns or notes, about to be
// written, could act on a terminal or break the pronouns' line.
func textProblem(field, value string) string {
	if field == "notes" {
		return plain.Problem(value, true)
	}
	return plain.NewLineProblem(value)
}

func setWord(field *string, value string, words ...string) error {
	if value != "" && !slices.Contains(words, value) {
		return fmt.Errorf("%s is not one of: %s%s", catalog.Quoted(value), strings.Join(words, ", "), catalog.DidYouMean(value, words))
	}
	*field = value
	return nil
}

// Add adds one value to a list field of p: "likes" and "never" take a tag
// or activity id, "needs" takes NEED or NEED=WEIGHT, "helps" takes
// SITUATION:ID. Unknown ids are errors, never kept.
func Add(cat *catalog.Catalog, p *Profile, field, value string) error {
	value = strings.TrimSpace(value)
	switch field {
	case "likes", "never":
		if err := cat.KnownRef(value, "tag", "activity"); err != nil {
			return err
		}
		list := &p.Likes
		if field == "never" {
			list = &p.Never
		}
		if !slices.Contains(*list, value) {
			*list = append(*list, value)
		}
	case "needs":
		need, weight, err := cat.WeightedNeed(value)
		if err != nil {
			return err
		}
		p.Needs = p.Needs.Set(need, weight)
	case "helps":
		situation, id, ok := strings.Cut(value, ":")
		if !ok {
			return fmt.Errorf("%s: write SITUATION:ACTIVITY, like scene:blanket-wrap", catalog.Quoted(value))
		}
		if err := cat.KnownRef(situation, "situation"); err != nil {
			return err
		}
		if err := cat.KnownRef(id, "tag", "activity"); err != nil {
			return err
		}
		if p.Helps == nil {
			p.Helps = map[string][]string{}
		}
		if !slices.Contains(p.Helps[situation], id) {
			p.Helps[situation] = append(p.Helps[situation], id)
		}
	default:
		return fmt.Errorf("%s is not a list in a profile", catalog.Quoted(field))
	}
	return nil
}
