package catalog

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/aftercare-tui/aftercare/plain"
)

// vocabulary holds, for each kind of reference ("need", "tag", ...), the ids
// that exist, and the words people see for them.
type vocabulary struct {
	ids map[string]map[string]bool
	// shown maps, for each kind, a label or title in lower case to its id:
	// someone who read "Water" on a screen may well type --need water. It
	// is made the first time a hint needs it, since nothing else does.
	shown func() map[string]map[string]string
}

func newVocabulary() vocabulary { return vocabulary{ids: map[string]map[string]bool{}} }

// add makes id known as a kind.
func (v vocabulary) add(kind, id string) {
	if v.ids[kind] == nil {
		v.ids[kind] = map[string]bool{}
	}
	v.ids[kind][id] = true
}

// checkRef reports whether id is known in any of the kinds, and if not, a
// message that says what was expected, with, if hint, the id whose label
// it is or else the closest known id.
func (v vocabulary) checkRef(kinds []string, id string, hint bool) (string, bool) {
	for _, k := range kinds {
		if v.ids[k][id] {
			return "", true
		}
	}
	suggestion := ""
	if hint {
		suggestion = v.labelled(kinds, id)
		if suggestion == "" {
			suggestion = DidYouMean(id, v.words(kinds))
		}
	}
	return fmt.Sprintf("unknown %s %s%s", strings.Join(kinds, " or "), Quoted(id), suggestion), false
}

// labelled names the id of the kinds whose label word is, or "".
func (v vocabulary) labelled(kinds []string, word string) string {
	if v.shown == nil {
		return ""
	}
	shown := v.shown()
	for _, k := range kinds {
		if id, ok := shown[k][strings.ToLower(strings.TrimSpace(word))]; ok {
			return fmt.Sprintf(" (did you mean %s?)", Quoted(id))
		}
	}
	return ""
}

// shownWords maps the labels and titles of the catalogue's entries, in
// lower case, to their ids, by kind; of two entries with one label, the
// first is named.
func (c *Catalog) shownWords() map[string]map[string]string {
	shown := map[string]map[string]string{}
	add := func(kind, id, label string) {
		if shown[kind] == nil {
			shown[kind] = map[string]string{}
		}
		if _, taken := shown[kind][strings.ToLower(label)]; !taken {
			shown[kind][strings.ToLower(label)] = id
		}
	}
	for _, n := range c.Needs {
		add("need", n.ID, n.Label)
	}
	for _, t := range c.Tags {
		add("tag", t.ID, t.Label)
	}
	for _, t := range c.Things {
		add("thing", t.ID, t.Label)
	}
	for _, s := range c.Situations {
		add("situation", s.ID, s.Label)
	}
	for _, a := range c.Activities {
		add("activity", a.ID, a.Title)
	}
	return shown
}

// maxQuoted is the most of a value a message quotes: a real id or name
// is a word or two, and one of a hundred kilobytes would bury the rest.
const maxQuoted = 60

// Quoted is s in quotes, as a message names what someone wrote: cut to
// maxQuoted characters, so that a huge value is recognised, not repeated.
func Quoted(s string) string { return strconv.Quote(plain.Short(s, maxQuoted)) }

// words lists the ids of the kinds, or nothing when there are too many to
// search for a hint.
func (v vocabulary) words(kinds []string) []string {
	size := 0
	for _, k := range kinds {
		size += len(v.ids[k])
	}
	if size > maxHintWords {
		return nil
	}
	all := make([]string, 0, size)
	for _, k := range kinds {
		for id := range v.ids[k] {
			all = append(all, id)
		}
	}
	return all
}

// hinting says whether "did you mean" is still worth its search: only the
// first problems are shown, and a file with a million unknown words must
// not cost a million searches.
func (d *decoder) hinting() bool { return len(*d.errs) < shownErrors }

// didYouMean is the package's DidYouMean while hinting.
func (d *decoder) didYouMean(word string, known []string) string {
	if !d.hinting() {
		return ""
	}
	return DidYouMean(word, known)
}

// maxHintWords is the largest vocabulary DidYouMean searches: each search
// compares the word with every known one, and a file that names thousands
// of ids is not one a hint would help with.
const maxHintWords = 1000

// DidYouMean names the closest known word when a typo is likely, as
// " (did you mean "quiet"?)", so that "quite" leads to "quiet" without a
// trip to the documentation; "" when none is close.
func DidYouMean(word string, known []string) string { return MeanHint(Closest(word, known)) }

// DidYouMeanAfter is DidYouMean for words that all begin with prefix,
// given here without it: compared whole, what they share would make any
// two look alike. The hint names the word with its prefix.
func DidYouMeanAfter(prefix, word string, known []string) string {
	if near := Closest(word, known); near != "" {
		return MeanHint(prefix + near)
	}
	return ""
}

// MeanHint is " (did you mean "word"?)", or "" for no word.
func MeanHint(word string) string {
	if word == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %s?)", Quoted(word))
}

// Closest is the known word that word is most likely a typo of, or "".
func Closest(word string, known []string) string {
	if len(known) > maxHintWords {
		return ""
	}
	best, bestDist := "", len(word)/3+2
	for _, k := range known {
		// Words whose lengths differ by more than the best distance cannot
		// be closer, and a long word would cost its length times k's.
		if abs(len(word)-len(k)) > bestDist {
			continue
		}
		if d := EditDistance([]byte(word), []byte(k), false); d < bestDist || d == bestDist && best != "" && k < best {
			best, bestDist = k, d
		}
	}
	return best
}

func abs(n int) int { return max(n, -n) }

// EditDistance is how many elements must be changed, dropped or added
// to make a into b; with swaps, two neighbours swapped count as one (the
// optimal string alignment distance), as a slip of the fingers does.
func EditDistance[E comparable](a, b []E, swaps bool) int {
	// Three rows: the one before last for a swap, the last, this one.
	before, prev, cur := make([]int, len(b)+1), make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if swaps && i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], before[j-2]+1)
			}
		}
		before, prev, cur = prev, cur, before
	}
	return prev[len(b)]
}
