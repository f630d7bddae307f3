package profile

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/plain"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/cases"
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
	Notes string              `yaml:"notes,omitempty" text:"free" json:"notes,omitempty"`
}

// The most characters (Unicode code points) each text of a profile holds,
// however it is written: a form, the command line, an edited file or an
// import. The forms that change a profile hold as much and cut nothing
// shorter, so that a profile is never cut short by being edited.
const (
	// MaxNameLength keeps names short enough for a hand-off screen.
	MaxNameLength = 40
	// MaxPronounsLength is a name's, since pronouns are shown beside it.
	MaxPronounsLength = 40
	// MaxNotesLength is about a page.
	MaxNotesLength = 2000
)

// Check holds a profile to the rules that span its fields.
func (p *Profile) Check(r *catalog.Reporter) {
	if err := CheckName(p.Name); err != nil {
		r.Errorf("name", "%v", err)
	}
	for _, text := range []struct{ field, value string }{{"pronouns", p.Pronouns}, {"notes", p.Notes}} {
		if problem := lengthProblem(text.field, text.value); problem != "" {
			r.Errorf(text.field, "%s", problem)
		}
	}
}

// lengthProblem says, in plain words, that a profile's pronouns or notes
// are longer than they may be; "" when they are not. Characters are
// counted as NFC keeps them, so that é is one however it was typed.
func lengthProblem(field, value string) string {
	most := MaxNotesLength
	if field == "pronouns" {
		most = MaxPronounsLength
	}
	if n := utf8.RuneCountInString(norm.NFC.String(value)); n > most {
		return fmt.Sprintf("%d characters long; a profile's %s hold at most %d characters", n, field, most)
	}
	return ""
}

// CheckName says what is wrong with a name, if anything.
func CheckName(name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return fmt.Errorf("a name is needed")
	case utf8.RuneCountInString(norm.NFC.String(name)) > MaxNameLength:
		return fmt.Errorf("%q is longer than %d characters", shortName(name), MaxNameLength)
	case plain.NameProblem(name) != "":
		return fmt.Errorf("%q %s", name, plain.NameProblem(name))
	case strings.TrimSpace(name) != name:
		return fmt.Errorf("%q has spaces at its start or end", name)
	case !strings.ContainsFunc(name, isLetterOrDigit):
		return fmt.Errorf("%q needs at least one letter or digit", name)
	case strings.ContainsAny(name, ",:"):
		return fmt.Errorf("%q may not contain a comma, colon or line break", name)
	}
	return nil
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// shortName keeps a name quoted in a message short enough to read.
func shortName(name string) string { return plain.Short(name, MaxNameLength) }

// SameName says whether two names belong to the same person: the same
// name, compared in one Unicode form (NFC) without regard to case. So
// "José" written either way is one name, and "jo anne" is "Jo Anne", but
// "jo anne!" is not, nor is "李小龍 🌸" "李小龍 🐉".
func SameName(a, b string) bool {
	if a == b {
		return true
	}
	if simpleName(a) && simpleName(b) {
		return strings.EqualFold(a, b)
	}
	return nameKey(a) == nameKey(b)
}

// nameKey is a name in the form names are compared in: NFC, case folded,
// and every run of what shows as a space (a no-break or ideographic space,
// the blank Braille pattern) one ordinary space, so that two names that
// look alike are one. Two names are one person's exactly when their keys
// are equal.
func nameKey(name string) string {
	if simpleName(name) {
		// Folding ASCII is lowering it; most names, read with every
		// record of a long history, need no more.
		return strings.ToLower(name)
	}
	key := norm.NFC.String(cases.Fold().String(norm.NFC.String(name)))
	if simpleName(key) {
		return key
	}
	return strings.Join(strings.FieldsFunc(key, looksLikeSpace), " ")
}

// simpleName says whether a name is compared as ASCII is, by case alone:
// most names, read with every record of a long history.
func simpleName(name string) bool {
	return plain.ASCII(name) && !strings.Contains(name, "  ") && strings.TrimSpace(name) == name
}

// looksLikeSpace says whether r shows as a space.
func looksLikeSpace(r rune) bool { return unicode.IsSpace(r) || r == brailleBlank }

// brailleBlank is the Braille pattern with no dots, which shows nothing.
const brailleBlank = '⠀'

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

// fileBase is the start of a profile's file name: its slug, or where the
// name gives none, or one Windows keeps for a device, a short hash of the
// name. It only names the file; two names with one file base are still two
// people, and get two files.
func fileBase(name string) string {
	if base := slug(norm.NFC.String(name)); base != "" && !windowsDevice(base) {
		return base
	}
	sum := sha256.Sum256([]byte(nameKey(name)))
	return "p-" + hex.EncodeToString(sum[:4])
}

// slug is a name in lowercase letters and digits joined by hyphens: for
// file names and a stable order, never to tell people apart.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if isLetterOrDigit(r) {
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

// windowsDevice says whether Windows takes a file of this name, whatever
// its extension, for a device.
func windowsDevice(base string) bool {
	switch base {
	case "con", "prn", "aux", "nul":
		return true
	}
	return len(base) == 4 && (strings.HasPrefix(base, "com") || strings.HasPrefix(base, "lpt")) && base[3] >= '0' && base[3] <= '9'
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

// NameArg is a name, or a file's name, as the last argument of an
// aftercare command: quoted for the shell, and after -- where it would
// read as a flag.
func NameArg(name string) string {
	if strings.HasPrefix(name, "-") {
		return "-- " + catalog.ShellArg(name)
	}
	return catalog.ShellArg(name)
}

// profileHeader opens every profile file so that someone who finds it
// knows what it is and how to change it safely.
const profileHeader = "# An aftercare profile. Change it with `aftercare profile edit %s`,\n# which checks it before saving; the program never overwrites a file it cannot read.\n"

// encodeProfile writes a profile as YAML, fields in a fixed order. The
// name goes into the header comment only when nothing in it could end
// the comment or act on a terminal; the check that follows would refuse
// such a name anyway, but the bytes must never carry it.
func encodeProfile(p *Profile) ([]byte, error) {
	var b strings.Builder
	command := "NAME"
	if plain.NameProblem(p.Name) == "" {
		command = NameArg(p.Name)
	}
	fmt.Fprintf(&b, profileHeader, command)
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

// nearNameLength is the fewest characters a name has before one slip in it
// is taken for a typo: "Jo" and "Jay" are simply two people.
const nearNameLength = 3

// NearName is the name among saved that name is one slip from (a letter
// wrong, missing, added, or two swapped), compared as SameName compares,
// or "" when none is, or name is one of them. A name typed that way is
// most likely a typo, but may be someone else: it is for asking, never
// for matching.
func NearName(name string, saved []string) string {
	typed := []rune(nameKey(name))
	if len(typed) < nearNameLength {
		return ""
	}
	near := ""
	for _, s := range saved {
		key := []rune(nameKey(s))
		if len(key) < nearNameLength {
			continue
		}
		switch catalog.EditDistance(typed, key, true) {
		case 0:
			return ""
		case 1:
			if near == "" {
				near = s
			}
		}
	}
	return near
}

// oneSlip says whether a is one slip from b: a character wrong, missing,
// added, or two swapped. Two words whose lengths differ by more than one,
// or of one length that differ in more than two places, are not, and are
// told apart without counting.
func oneSlip(a, b string) bool {
	switch diff := len(a) - len(b); {
	case diff > 1 || diff < -1:
		return false
	case diff == 0:
		differ := 0
		for i := 0; i < len(a) && differ <= 2; i++ {
			if a[i] != b[i] {
				differ++
			}
		}
		if differ > 2 {
			return false
		}
	}
	return catalog.EditDistance([]rune(a), []rune(b), true) == 1
}
