package profile

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
)

// Stats are the figures of how check-ins have gone, for each person.
type Stats struct {
	People []PersonStats `json:"people"`
}

// PersonStats is how check-ins have gone for one person.
type PersonStats struct {
	Name     string `json:"name"`
	Checkins int    `json:"checkins"`
	// Felt is how they said they felt, oldest first: every time, or, for
	// figures made to be read (Counting), the latest feltShown.
	Felt []Felt `json:"felt"`
	// said is how many times they said how they felt, Felt or not.
	said int
	// Closeness and Space count the check-ins where they shared that they
	// needed it, clearly (weight 2 or more).
	Closeness int `json:"closeness"`
	Space     int `json:"space"`
	// Helped is what helped them most, best first.
	Helped []HelpedActivity `json:"helped"`
}

// Felt is how someone said they felt at a moment, from 1 (low) to 5 (good).
type Felt struct {
	At   time.Time `json:"at"`
	Mood float64   `json:"mood"`
}

// HelpedActivity is how often an activity helped someone, of the times
// they rated it.
type HelpedActivity struct {
	Activity string `json:"activity"`
	Title    string `json:"title"`
	Helped   int    `json:"helped"`
	Rated    int    `json:"rated"`
}

// Of keeps only one person's figures, whatever the case of the name.
func (st Stats) Of(name string) Stats {
	out := Stats{People: []PersonStats{}}
	for _, p := range st.People {
		if SameName(p.Name, name) {
			out.People = append(out.People, p)
		}
	}
	return out
}

// mostHelped keeps the list of what helped short enough to read.
const mostHelped = 5

// neededWeight is how strongly a shared answer must point to closeness or
// space to count as needing it, rather than a passing hint.
const neededWeight = 2

// statsMaker works out the figures one session at a time, in any order,
// so that a history of years is never held at once to count it. Only
// what people chose to share counts, as it is all that was kept.
type statsMaker struct {
	cat    *catalog.Catalog
	people map[string]*PersonStats
	// keep is how many of the latest moods each person keeps, 0 for
	// all: a screen draws the last few, and years of them would make the
	// memory grow with the history.
	keep int
	// spelt is when each name was spelt as it is kept: the figures use
	// the oldest spelling.
	spelt   map[string]time.Time
	ratings map[string]map[string]*HelpedActivity
	// keys are the names as they match (nameKey), by name as spelt: the
	// same few names come back on every check-in.
	keys map[string]string
}

// newStatsMaker starts the figures of an empty history.
func newStatsMaker(cat *catalog.Catalog, keep int) *statsMaker {
	return &statsMaker{cat: cat, keep: keep, people: map[string]*PersonStats{}, spelt: map[string]time.Time{},
		ratings: map[string]map[string]*HelpedActivity{}, keys: map[string]string{}}
}

func (m *statsMaker) key(name string) string {
	key, ok := m.keys[name]
	if !ok {
		key = nameKey(name)
		m.keys[name] = key
	}
	return key
}

func (m *statsMaker) person(name string, at time.Time) *PersonStats {
	key := m.key(name)
	ps := m.people[key]
	if ps == nil {
		ps = &PersonStats{Name: name, Felt: []Felt{}, Helped: []HelpedActivity{}}
		m.people[key], m.spelt[key] = ps, at
	}
	if at.Before(m.spelt[key]) {
		ps.Name, m.spelt[key] = name, at
	}
	return ps
}

// figures are what one person's part of a check-in adds to the figures,
// worked out from what they shared: how they felt then and at the
// follow-up (0 when they did not say), and whether they clearly needed
// closeness or space. The index keeps them, so that counting needs no
// record read whole.
type figures struct {
	mood, later      float64
	closeness, space bool
}

// figuresOf are the figures of each person in a check-in, in the order of
// its people; none for a plan or a private follow-up, which are not
// counted.
func figuresOf(cat *catalog.Catalog, s *Session) []figures {
	if s.Kind != "" {
		return nil
	}
	out := make([]figures, len(s.People))
	for i, name := range s.People {
		needs, mood := readShared(cat, s.Shared[name])
		out[i] = figures{mood: mood, closeness: needs.Of("closeness") >= neededWeight, space: needs.Of("space") >= neededWeight}
		if f := s.FollowUp; f != nil && f.Done != nil {
			_, out[i].later = readShared(cat, f.Shared[name])
		}
	}
	return out
}

// add counts one check-in, given each person's figures; plans and private
// follow-ups are not counted.
func (m *statsMaker) add(s *Session, each []figures) {
	if s.Kind != "" || len(each) != len(s.People) {
		return
	}
	for i, name := range s.People {
		ps := m.person(name, s.Started)
		ps.Checkins++
		f := each[i]
		if f.mood > 0 {
			m.felt(ps, Felt{At: s.Started, Mood: f.mood})
		}
		if f.closeness {
			ps.Closeness++
		}
		if f.space {
			ps.Space++
		}
		if f.later > 0 && s.FollowUp != nil && s.FollowUp.Done != nil {
			m.felt(ps, Felt{At: *s.FollowUp.Done, Mood: f.later})
		}
	}
	for _, r := range s.Ratings {
		key := m.key(r.Person)
		m.person(r.Person, s.Started)
		if m.ratings[key] == nil {
			m.ratings[key] = map[string]*HelpedActivity{}
		}
		h := m.ratings[key][r.Activity]
		if h == nil {
			h = &HelpedActivity{Activity: r.Activity, Title: r.Activity}
			if a := m.cat.Activity(r.Activity); a != nil {
				h.Title = a.Title
			}
			m.ratings[key][r.Activity] = h
		}
		h.Rated++
		if r.Rating == catalog.Helped {
			h.Helped++
		}
	}
}

// felt adds how someone felt at a moment. Sessions come in any order, so
// the latest are known only once all are in: kept to a few, the moods are
// let grow to twice as many before the oldest go.
func (m *statsMaker) felt(ps *PersonStats, f Felt) {
	ps.said++
	ps.Felt = append(ps.Felt, f)
	if m.keep > 0 && len(ps.Felt) >= 2*m.keep {
		ps.Felt = latest(ps.Felt, m.keep)
	}
}

// latest are the n latest moods of felt, oldest first.
func latest(felt []Felt, n int) []Felt {
	slices.SortFunc(felt, func(a, b Felt) int { return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.Mood, b.Mood)) })
	if n <= 0 || len(felt) <= n {
		return felt
	}
	return append(felt[:0], felt[len(felt)-n:]...)
}

// stats are the figures of what was added.
func (m *statsMaker) stats() Stats {
	out := Stats{People: []PersonStats{}}
	for key, ps := range m.people {
		p := *ps
		p.Helped = []HelpedActivity{}
		for _, h := range m.ratings[key] {
			if h.Helped > 0 {
				p.Helped = append(p.Helped, *h)
			}
		}
		slices.SortFunc(p.Helped, func(a, b HelpedActivity) int {
			return cmp.Or(cmp.Compare(b.Helped, a.Helped), cmp.Compare(a.Rated, b.Rated), strings.Compare(a.Title, b.Title))
		})
		p.Helped = p.Helped[:min(len(p.Helped), mostHelped)]
		p.Felt = latest(slices.Clone(p.Felt), m.keep)
		out.People = append(out.People, p)
	}
	slices.SortFunc(out.People, func(a, b PersonStats) int { return strings.Compare(nameKey(a.Name), nameKey(b.Name)) })
	return out
}

// StatsOf works out the figures of the listed sessions, every mood kept
// (see Counting).
func (s *Store) StatsOf(entries []SessionEntry) (Stats, []error) {
	c := s.CountingEveryMood()
	for _, e := range entries {
		c.Add(e)
	}
	return c.Stats()
}

// Counting works out figures one session at a time, as a listing hands
// them on: from what the index keeps of each, and for a session it has
// nothing of, by reading it whole at the end, side by side and in no set
// order, since the figures do not depend on it. It holds only the figures,
// whatever the length of the history.
type Counting struct {
	store  *Store
	m      *statsMaker
	unread []error
	toRead []string
}

// Counting starts the figures of no sessions, made to be read: each
// person keeps the latest moods a screen draws, so that memory does not
// grow with the history.
func (s *Store) Counting() *Counting {
	return &Counting{store: s, m: newStatsMaker(s.cat, feltShown)}
}

// CountingEveryMood starts figures that keep every mood, for a program
// reading them whole.
func (s *Store) CountingEveryMood() *Counting {
	return &Counting{store: s, m: newStatsMaker(s.cat, 0)}
}

// Add counts one session, or keeps its error.
func (c *Counting) Add(e SessionEntry) {
	switch {
	case e.Err != nil:
		c.unread = append(c.unread, e.Err)
	case e.Session.Kind != "":
	case e.figures != nil:
		c.m.add(e.Session, e.figures)
	default:
		c.toRead = append(c.toRead, e.Path)
	}
}

// Stats are the figures of what was added, and the errors of the
// sessions that could not be read.
func (c *Counting) Stats() (Stats, []error) {
	c.store.readEach(c.toRead, func(e SessionEntry) {
		if e.Err != nil {
			c.unread = append(c.unread, e.Err)
		} else {
			c.m.add(e.Session, figuresOf(c.store.cat, e.Session))
		}
	})
	c.toRead = nil
	return c.m.stats(), c.unread
}

// WriteJSON writes the figures as an encoder indenting by two spaces
// would, byte for byte, a mood at a time: years of moods are never held
// as one piece of text on their way out.
func (st Stats) WriteJSON(w io.Writer) error {
	out := bufio.NewWriter(w)
	if len(st.People) == 0 {
		out.WriteString("{\n  \"people\": []\n}\n")
		return out.Flush()
	}
	out.WriteString("{\n  \"people\": [")
	for i, p := range st.People {
		if i > 0 {
			out.WriteString(",")
		}
		out.WriteString("\n    ")
		if err := p.writeJSON(out); err != nil {
			return err
		}
	}
	out.WriteString("\n  ]\n}\n")
	return out.Flush()
}

// feltMark is where a person's moods go in their figures as JSON, written
// with none.
const feltMark = `"felt": [],`

// writeJSON writes one person's figures at the depth WriteJSON puts them.
func (p PersonStats) writeJSON(out *bufio.Writer) error {
	felt := p.Felt
	p.Felt = []Felt{}
	if p.Helped == nil {
		p.Helped = []HelpedActivity{}
	}
	data, err := json.MarshalIndent(p, "    ", "  ")
	if err != nil {
		return err
	}
	before, after, ok := bytes.Cut(data, []byte(feltMark))
	if !ok || len(felt) == 0 {
		_, err := out.Write(data)
		return err
	}
	out.Write(before)
	out.WriteString(`"felt": [`)
	for i, f := range felt {
		if i > 0 {
			out.WriteString(",")
		}
		out.WriteString("\n        ")
		one, err := json.MarshalIndent(f, "        ", "  ")
		if err != nil {
			return err
		}
		out.Write(one)
	}
	out.WriteString("\n      ],")
	_, err = out.Write(after)
	return err
}

// readShared sums up shared answers: the needs they point to, and how they
// say the person felt (0 when they do not say).
func readShared(cat *catalog.Catalog, shared []Shared) (catalog.Weights, float64) {
	var needs catalog.Weights
	moodSum, moods := 0.0, 0
	for _, sh := range shared {
		if sh.Question == "support" {
			needs = needs.Merge(spaceNeeds)
			continue
		}
		q := cat.Question(sh.Question)
		if q == nil {
			continue
		}
		a := sh.answer()
		needs = needs.Merge(q.Implied(a).Needs)
		if m := q.Mood(a); m > 0 {
			moodSum += m
			moods++
		}
	}
	if moods == 0 {
		return needs, 0
	}
	return needs, math.Round(moodSum/float64(moods)*10) / 10
}

// sparkBlocks draw a mood from 1 to 5 as a rising block.
var sparkBlocks = []rune("▁▂▃▅▇")

// Sparkline draws moods as a line of blocks, one a check-in, low to high.
func Sparkline(felt []Felt) string {
	var b strings.Builder
	for _, f := range felt {
		i := int(math.Round(f.Mood)) - 1
		b.WriteRune(sparkBlocks[max(0, min(i, len(sparkBlocks)-1))])
	}
	return b.String()
}

// feltShown is how many of the times someone said how they felt the
// figures draw: years of them would fill the screen with one chart.
const feltShown = 30

// FormatStats writes the figures for reading in a terminal, how people
// felt as a sparkline.
func FormatStats(st Stats) string { return formatStats(st, Sparkline) }

// Needed says how often someone needed closeness and space, or, for
// someone Bare, that nothing was kept: a row of noughts would say nothing.
func (p PersonStats) Needed() string {
	if p.Bare() {
		return "nothing kept yet about how it went"
	}
	return "needed closeness " + catalog.Count(p.Closeness, "time") + ", space " + catalog.Count(p.Space, "time")
}

// Bare is someone none of whose check-ins kept how they felt, what they
// needed or what helped.
func (p PersonStats) Bare() bool {
	return len(p.Felt) == 0 && p.Closeness == 0 && p.Space == 0 && len(p.Helped) == 0
}

// SpokenStats writes the figures to be heard, as the line mode says them:
// how people felt as numbers, which a screen reader says, where it would
// name each bar of a sparkline.
func SpokenStats(st Stats) string { return formatStats(st, moods) }

// moods is how someone felt each time, as numbers: "2, 3, 4".
func moods(felt []Felt) string {
	said := make([]string, len(felt))
	for i, f := range felt {
		said[i] = strconv.FormatFloat(f.Mood, 'f', -1, 64)
	}
	return strings.Join(said, ", ")
}

func formatStats(st Stats, felt func([]Felt) string) string {
	if len(st.People) == 0 {
		return "No check-ins saved yet.\n"
	}
	var b strings.Builder
	for i, p := range st.People {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s: %s\n", p.Name, catalog.Count(p.Checkins, "check-in"))
		if len(p.Felt) > 0 {
			shown := p.Felt[max(0, len(p.Felt)-feltShown):]
			label := "How they felt"
			if len(shown) < max(p.said, len(p.Felt)) {
				label = fmt.Sprintf("How they felt, the last %d times", len(shown))
			}
			fmt.Fprintf(&b, "  %s: %s  (1 low to 5 good; lately %.1f)\n", label, felt(shown), shown[len(shown)-1].Mood)
		}
		needed := p.Needed()
		fmt.Fprintf(&b, "  %s%s\n", strings.ToUpper(needed[:1]), needed[1:])
		if len(p.Helped) > 0 {
			helped := make([]string, len(p.Helped))
			for j, h := range p.Helped {
				helped[j] = fmt.Sprintf("%d. %s (helped %d of %d)", j+1, h.Title, h.Helped, h.Rated)
			}
			fmt.Fprintf(&b, "  What helped most: %s\n", strings.Join(helped, "; "))
		}
	}
	return b.String()
}
