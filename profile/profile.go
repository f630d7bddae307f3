package profile

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/aftercare-tui/aftercare/catalog"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

// Profile is what one person has saved about themselves: what they like,
// what they never want, and how they usually feel afterwards.
type Profile struct {
	Name     string `yaml:"name" json:"name"`
	Pronouns string `yaml:"pronouns,omitempty" json:"pronouns,omitempty"`
	// Likes are activity ids or tags this person enjoys.
	Likes []string `yaml:"likes,omitempty" ref:"tag activity" json:"likes,omitempty"`
	// Never are tags or activity ids that must never be suggested while
	// this person is present.
	Never []string `yaml:"never,omitempty" ref:"tag activity" json:"never,omitempty"`
	// Leaning is whether they usually want closeness or space afterwards.
	Leaning string `yaml:"leaning,omitempty" oneof:"closeness space depends" json:"leaning,omitempty"`
	// Talk is whether they usually want to talk or be quiet.
	Talk string `yaml:"talk,omitempty" oneof:"talk quiet depends" json:"talk,omitempty"`
	// Needs are what they usually need afterwards, with weights.
	Needs catalog.Weights `yaml:"needs,omitempty" ref:"need" json:"needs,omitempty"`
	// Helps lists, for a situation, the activities or tags that help.
	Helps map[string][]string `yaml:"helps,omitempty" keyref:"situation" ref:"tag activity" json:"helps,omitempty"`
	Notes string              `yaml:"notes,omitempty" json:"notes,omitempty"`
}

// MaxNameLength keeps names short enough for a hand-off screen.
const MaxNameLength = 40

// Check holds a profile to the rules that span its fields.
func (p *Profile) Check(r *catalog.Reporter) {
	if err := CheckName(p.Name); err != nil {
		r.Errorf("name", "%v", err)
	}
}

// CheckName says what is wrong with a name, if anything.
func CheckName(name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return fmt.Errorf("a name is needed")
	case strings.TrimSpace(name) != name:
		return fmt.Errorf("%q has spaces at its start or end", shortName(name))
	case len([]rune(name)) > MaxNameLength:
		return fmt.Errorf("%q is longer than %d characters", shortName(name), MaxNameLength)
	case strings.ContainsFunc(name, unicode.IsControl):
		return fmt.Errorf("%q may not contain control characters", name)
	case slug(name) == "":
		return fmt.Errorf("%q needs at least one letter or digit", name)
	case strings.ContainsAny(name, ",:\n\t"):
		return fmt.Errorf("%q may not contain a comma, colon or line break", name)
	}
	return nil
}

// shortName keeps a name quoted in a message short enough to read.
func shortName(name string) string {
	if r := []rune(name); len(r) > MaxNameLength {
		return string(r[:MaxNameLength]) + "…"
	}
	return name
}

// SameName says whether two names belong to the same person: names are
// compared in one Unicode form (NFC), without regard to case, spacing or
// punctuation.
func SameName(a, b string) bool { return slug(norm.NFC.String(a)) == slug(norm.NFC.String(b)) }

// CheckNames says, in plain words, what is wrong with the names of the
// people taking part, if anything: each must be a name (with a letter or
// digit), no one may be named twice, and no more may take turns than one
// screen holds. A check-in is held to the same rules when it is saved, so
// names that pass here can always be saved.
func CheckNames(names []string) error {
	if len(names) > catalog.MaxPeople {
		return fmt.Errorf("at most %d people can take turns on one screen, not %d", catalog.MaxPeople, len(names))
	}
	var problems []error
	for i, name := range names {
		if err := CheckName(name); err != nil {
			problems = append(problems, err)
			continue
		}
		if j := slices.IndexFunc(names[:i], func(n string) bool { return SameName(n, name) }); j >= 0 {
			if names[j] == name {
				problems = append(problems, fmt.Errorf("%q is named twice", name))
			} else {
				problems = append(problems, fmt.Errorf("%q and %q are the same name; give each person a different one", names[j], name))
			}
		}
	}
	return errors.Join(problems...)
}

// slug is a name as a file name: lowercase letters and digits joined by
// hyphens. Two names with the same slug are the same person.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// Person turns the profile into what the suggestion engine needs: their
// usual needs, likes (with what helps in this situation), and never-list.
func (p *Profile) Person(situation string) catalog.Person {
	likes := slices.Clone(p.Likes)
	for _, id := range p.Helps[situation] {
		if !slices.Contains(likes, id) {
			likes = append(likes, id)
		}
	}
	return catalog.Person{Name: p.Name, Usual: p.Needs, Likes: likes, Never: slices.Clone(p.Never)}
}

// profileHeader opens every profile file so that someone who finds it
// knows what it is and how to change it safely.
const profileHeader = "# An aftercare profile. Change it with `aftercare profile edit %s`,\n# which checks it before saving; the program never overwrites a file it cannot read.\n"

// encodeProfile writes a profile as YAML, fields in a fixed order.
func encodeProfile(p *Profile) ([]byte, error) {
	var b strings.Builder
	fmt.Fprintf(&b, profileHeader, quoteArg(p.Name))
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(p); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return []byte(b.String()), nil
}

// quoteArg quotes a name for a shell command line when it needs it.
func quoteArg(s string) string {
	if strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_' }) {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	return s
}
