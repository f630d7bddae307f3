package catalog

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// Anywhere is the region of a resource that serves every country, and the
// region of someone whose country is not known.
const Anywhere = "anywhere"

// The kinds of support resource, in the order they are shown when someone
// opens support from the home screen.
var resourceKinds = []string{"emergency", "listening", "assault", "abuse", "directory", "personal"}

// supportOrder is which kinds of resource come first for what was said:
// someone who is not safe needs emergency numbers and lines for sexual
// violence and abuse first; someone who feels low needs someone to listen.
var supportOrder = map[string][]string{
	SupportUnsafe: {"emergency", "assault", "abuse", "listening", "directory", "personal"},
	SupportLow:    {"listening", "personal", "directory", "emergency"},
	"":            resourceKinds,
}

// ParseRegion reads a region as a person writes it: a two-letter country
// code in any case, such as gb, or anywhere.
func ParseRegion(text string) (string, error) {
	text = strings.TrimSpace(text)
	if strings.EqualFold(text, Anywhere) {
		return Anywhere, nil
	}
	if len(text) == 2 && isLetter(text[0]) && isLetter(text[1]) {
		// A code no country has (XX, ZZ) would match no support line and
		// say nothing of it; an old one (UK) is the code lines are kept by.
		if r, err := language.ParseRegion(text); err == nil && r.IsCountry() {
			return r.Canonicalize().String(), nil
		}
	}
	return "", fmt.Errorf("%s is not a region: use a two-letter country code, such as GB or US, or anywhere", Quoted(text))
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// RegionFromLocale is the country of the first locale setting that names
// one (LC_ALL, LC_MESSAGES, then LANG: en_GB.UTF-8 is GB), or Anywhere.
func RegionFromLocale(getenv func(string) string) string {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		locale := getenv(name)
		locale, _, _ = strings.Cut(locale, ".")
		locale, _, _ = strings.Cut(locale, "@")
		_, territory, ok := strings.Cut(strings.ReplaceAll(locale, "-", "_"), "_")
		if !ok {
			continue
		}
		if region, err := ParseRegion(territory); err == nil && region != Anywhere {
			return region
		}
	}
	return Anywhere
}

// SupportFor is the support to show for what was said (SupportLow,
// SupportUnsafe, or "" for everything) in a region, in the order it is
// best read: the kinds that fit first, within each kind the lines of the
// region before those that serve anywhere. A region's own emergency
// number stands in for the general one.
func (c *Catalog) SupportFor(said, region string) []Resource {
	var out []Resource
	for _, kind := range supportOrder[said] {
		var local, everywhere []Resource
		for _, r := range c.Resources {
			switch {
			case r.Kind != kind:
			case region != Anywhere && slices.Contains(r.Regions, region):
				local = append(local, r)
			case slices.Contains(r.Regions, Anywhere):
				everywhere = append(everywhere, r)
			}
		}
		if kind == "emergency" && len(local) > 0 {
			everywhere = nil
		}
		out = append(append(out, local...), everywhere...)
	}
	return out
}

// MessageQuestion asks someone whose follow-up went heavy for a few words
// to leave for the others who were there; leaving it empty, or keeping it
// private on the next screen, deletes it.
func MessageQuestion(to []string) Question {
	return Question{ID: "followup-message", Phase: "followup", Audience: "both", Kind: Text,
		Prompt:      "A few words for " + JoinAnd(to),
		Help:        "They can read them in the history. Leave this empty, or untick it on the next screen, and nothing is left.",
		Placeholder: "Such as: a rough day, a hug later would help"}
}

// KindLabel is a heading for a kind of resource.
func KindLabel(kind string) string {
	switch kind {
	case "emergency":
		return "If anyone is in danger now"
	case "assault":
		return "After sexual violence, now or long ago"
	case "abuse":
		return "Abuse at home or in a relationship"
	case "listening":
		return "Someone to talk to"
	case "directory":
		return "Helplines in every country"
	}
	return "People you know"
}
