package profile

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
)

// Digest is what a program that stays open keeps of the history instead
// of every check-in: the follow-ups still open, the plans a check-in could
// still start from, how the history spells each name, the ratings in a
// compact form, and the files that cannot be read. It grows with the
// ratings and the people, not with what each check-in holds. A nil Digest
// is a history not read yet, and gives nothing.
type Digest struct {
	// open are the sessions whose follow-up is not done.
	open []SessionEntry
	// plans are those made since, at most a PlanWindow before the digest
	// was made (see since), as little of each as a plan is found by.
	plans []SessionEntry
	// names are how the newest session with each name spells it, by
	// nameKey.
	names map[string]spelling
	// words are the people, activities and values of the ratings, once
	// each; a rating points into it.
	words   []string
	ratings []compactRating
	unread  []error
	// wordAt and keys are kept while the digest is made: where each word
	// is in words, and each name as spelt as it matches (nameKey), since
	// the same few come back in every session. rated is where in ratings
	// each person's (as spelt) ratings of each activity are: only the
	// newest catalog.RatingsKept are kept, all the engine weighs.
	wordAt map[string]uint32
	keys   map[string]string
	rated  map[[2]uint32][]int
	// since is the earliest a plan can have been made and still be the
	// latest of a check-in started from when the digest was made on.
	since time.Time
}

type spelling struct {
	name string
	from SessionEntry
}

// compactRating is a rating as the digest keeps it: a third of the size
// of a catalog.Rating, for a history of years of them.
type compactRating struct {
	sec                     int64
	nsec                    int32
	person, activity, value uint32
}

// Digest reads what a program keeps of the history (see Digest) from the
// index; as EachSummary, it reads only the records new or changed since.
// A check-in started from now on finds its plan in it.
func (s *Store) Digest(now time.Time) (*Digest, error) {
	d := newDigest(now)
	if err := s.EachSummary(d.add); err != nil {
		return nil, err
	}
	d.sort()
	return d, nil
}

func newDigest(now time.Time) *Digest {
	return &Digest{names: map[string]spelling{}, wordAt: map[string]uint32{}, keys: map[string]string{}, rated: map[[2]uint32][]int{},
		since: now.Add(-PlanWindow)}
}

// add keeps what the digest needs of one session, in any order.
func (d *Digest) add(e SessionEntry) {
	s := e.Session
	if s == nil {
		d.unread = append(d.unread, e.Err)
		return
	}
	// A follow-up is started from what the index keeps of its check-in;
	// of the rest, only what picks a plan or a spelling is kept.
	if openFollowUp(s) {
		d.open = append(d.open, e)
	}
	// The brief is made only when it is kept: most sessions change
	// neither, and a long history is read in the background of a screen.
	var brief *SessionEntry
	keep := func() SessionEntry {
		if brief == nil {
			brief = &SessionEntry{Path: e.Path, Session: &Session{ID: s.ID, Started: s.Started, Kind: s.Kind, People: s.People}}
		}
		return *brief
	}
	if s.Kind == Plan && !s.Started.Before(d.since) {
		d.plans = append(d.plans, keep())
	}
	for _, name := range s.People {
		key, ok := d.keys[name]
		if !ok {
			key = nameKey(name)
			d.keys[name] = key
		}
		if was, ok := d.names[key]; !ok || newestFirst(e, was.from) < 0 {
			d.names[key] = spelling{name, keep()}
		}
	}
	at := s.Started
	if s.FollowUp != nil && s.FollowUp.Done != nil {
		at = *s.FollowUp.Done
	}
	for _, r := range s.Ratings {
		d.rate(compactRating{sec: at.Unix(), nsec: int32(at.Nanosecond()),
			person: d.word(r.Person), activity: d.word(r.Activity), value: d.word(r.Rating)})
	}
}

// rate keeps a rating if it is among the newest catalog.RatingsKept of
// its person and activity, in place of the oldest when there are as many.
func (d *Digest) rate(r compactRating) {
	slot := [2]uint32{r.person, r.activity}
	kept := d.rated[slot]
	if len(kept) < catalog.RatingsKept {
		d.rated[slot] = append(kept, len(d.ratings))
		d.ratings = append(d.ratings, r)
		return
	}
	oldest := kept[0]
	for _, i := range kept[1:] {
		if d.newer(d.ratings[oldest], d.ratings[i]) {
			oldest = i
		}
	}
	if d.newer(r, d.ratings[oldest]) {
		d.ratings[oldest] = r
	}
}

// newer says whether a counts as newer than b, of one person and
// activity, as the engine takes them from the ratings in order (see sort):
// the later, and of two given at once, the one whose value sorts first.
func (d *Digest) newer(a, b compactRating) bool {
	return cmp.Or(cmp.Compare(a.sec, b.sec), cmp.Compare(a.nsec, b.nsec), strings.Compare(d.words[b.value], d.words[a.value])) > 0
}

func (d *Digest) word(w string) uint32 {
	i, ok := d.wordAt[w]
	if !ok {
		i = uint32(len(d.words))
		d.words = append(d.words, w)
		d.wordAt[w] = i
	}
	return i
}

// sort puts what was added in any order in one order, so that the same
// history gives the same answers every run: follow-ups newest first, and
// ratings oldest first, those given at the same moment by their words.
func (d *Digest) sort() {
	NewestFirst(d.open)
	slices.SortFunc(d.ratings, func(a, b compactRating) int {
		return cmp.Or(cmp.Compare(a.sec, b.sec), cmp.Compare(a.nsec, b.nsec), strings.Compare(d.words[a.person], d.words[b.person]),
			strings.Compare(d.words[a.activity], d.words[b.activity]), strings.Compare(d.words[a.value], d.words[b.value]))
	})
	d.wordAt, d.keys, d.rated = nil, nil, nil
}

// Due returns the check-ins whose follow-up is due at now and not yet
// done, the longest waiting first.
func (d *Digest) Due(now time.Time) []*Session {
	if d == nil {
		return nil
	}
	return Due(d.open, now)
}

// Empty says whether the history keeps nothing at all, not even a file
// that cannot be read. Every session names its people.
func (d *Digest) Empty() bool {
	return d == nil || len(d.names) == 0 && len(d.unread) == 0
}

// Unread are the errors of the files that could not be read.
func (d *Digest) Unread() []error {
	if d == nil {
		return nil
	}
	return d.unread
}

// LatestPlan returns the newest plan made by exactly these people in the
// PlanWindow before at, or nil. The plan is without what was shared in
// it: Store.Session reads it whole.
func LatestPlan(d *Digest, people []string, at time.Time) *Session {
	if d == nil {
		return nil
	}
	var best *Session
	for _, e := range d.plans {
		s := e.Session
		if s.Started.After(at) || at.Sub(s.Started) > PlanWindow || !samePeople(s.People, people) {
			continue
		}
		if best == nil || s.Started.After(best.Started) {
			best = s
		}
	}
	return best
}

// NameInHistory returns how the history spells the name of someone who has
// taken part in a check-in, profile or not: as the newest session with
// them does.
func NameInHistory(d *Digest, name string) (string, bool) {
	if d == nil {
		return "", false
	}
	known, ok := d.names[nameKey(name)]
	return known.name, ok
}

// Ratings are the ratings in the history of the people named, oldest
// first, as the suggestion engine takes them: each under the name asked
// for, whatever its case in the history, so that the engine finds them;
// each counts from when it was given, the follow-up, or else the check-in
// itself. Only theirs are made, so that a command
// about two people holds nothing of anyone else's years of ratings.
func Ratings(d *Digest, names []string) []catalog.Rating {
	if d == nil {
		return nil
	}
	// Which name each person's word is, found once for each word; they
	// are counted first, so that a year of them is made in one go.
	asked := map[uint32]int{}
	n := 0
	for _, r := range d.ratings {
		i, ok := asked[r.person]
		if !ok {
			i = slices.IndexFunc(names, func(n string) bool { return SameName(n, d.words[r.person]) })
			asked[r.person] = i
		}
		if i >= 0 {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]catalog.Rating, 0, n)
	for _, r := range d.ratings {
		if i := asked[r.person]; i >= 0 {
			out = append(out, catalog.Rating{Person: names[i], Activity: d.words[r.activity], Value: d.words[r.value], At: time.Unix(r.sec, int64(r.nsec))})
		}
	}
	return out
}

// Page is part of the history as a listing shows it (see Listed), newest
// first.
type Page struct {
	// Entries are the listing's entries from the From-th on.
	Entries []SessionEntry
	From    int
	// Total is how many entries the listing has in all, Damaged how many
	// of them are files that cannot be read, and Plans how many are plans:
	// neither is a check-in.
	Total, Damaged, Plans int
}

// Holds says whether the page holds the listing's i-th entry.
func (p Page) Holds(i int) bool { return i >= p.From && i < p.From+len(p.Entries) }

// ListedPage reads n entries of the listing from the from-th on, and hands
// every session, listed or not, and every file that cannot be read, to
// each, when it is not nil (as Counting.Add takes them). It holds no more
// than the page: the index keeps the sessions newest first, and when it
// holds every one, the listing is read in its order. Otherwise (records
// new since it was written, when it could not be written again) the
// whole listing is read and sorted, and only the page kept.
func (s *Store) ListedPage(from, n int, each func(SessionEntry)) (Page, error) {
	page, inOrder, err := s.listedPage(from, n, each)
	if err != nil || inOrder {
		return page, err
	}
	// Reading it wrote the index again, when it could: the next reading
	// is most often in order.
	if page, inOrder, err = s.listedPage(from, n, nil); err != nil || inOrder {
		return page, err
	}
	listing, damaged, plans := []SessionEntry{}, 0, 0
	if err := s.EachSummary(func(e SessionEntry) {
		if e.Session == nil {
			damaged++
		} else if e.Session.Kind == Plan {
			plans++
		}
		if e.Session == nil || e.Session.Listed() {
			listing = append(listing, e)
		}
	}); err != nil {
		return Page{}, err
	}
	NewestFirst(listing)
	from = min(from, len(listing))
	return Page{Entries: slices.Clone(listing[from:min(from+n, len(listing))]), From: from, Total: len(listing), Damaged: damaged, Plans: plans}, nil
}

// FirstPage is the listing's first n entries, and the figures of every
// session, counted from what the index keeps as they are listed: what a
// history opens on.
func (s *Store) FirstPage(n int) (Page, Stats, error) {
	counting := s.Counting()
	page, err := s.ListedPage(0, n, counting.Add)
	stats, _ := counting.Stats()
	return page, stats, err
}

// Whole is a listed entry read whole, as it is now on disk: a listing
// holds only what the index keeps of it.
func (s *Store) Whole(e SessionEntry) SessionEntry {
	if e.Session != nil {
		e.Session, e.Err = s.Session(e.Session.ID)
	}
	return e
}

// listedPage reads the page in the order EachSummary gives the entries,
// and says whether that was the listing's.
func (s *Store) listedPage(from, n int, each func(SessionEntry)) (Page, bool, error) {
	page := Page{From: from}
	inOrder := true
	var last SessionEntry
	err := s.EachSummary(func(e SessionEntry) {
		if each != nil {
			each(e)
		}
		if e.Session != nil && !e.Session.Listed() {
			return
		}
		if page.Total > 0 && newestFirst(last, e) > 0 {
			inOrder = false
		}
		if page.Total >= from && page.Total < from+n {
			page.Entries = append(page.Entries, e)
		}
		if e.Session == nil {
			page.Damaged++
		} else if e.Session.Kind == Plan {
			page.Plans++
		}
		last = e
		page.Total++
	})
	if page.From > page.Total {
		page.From = page.Total
	}
	return page, inOrder, err
}
