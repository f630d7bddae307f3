package profile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"filippo.io/age"
	"filippo.io/age/armor"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/seal"
)

// encodeIndex writes the index's lines under header, its first line.
func encodeIndex(header string, entries []indexEntry) []byte {
	var b bytes.Buffer
	b.WriteString(header + "\n")
	for _, e := range entries {
		if indexable(e) {
			b.WriteString(encodeIndexLine(e))
		}
	}
	return b.Bytes()
}

// decodeIndex reads a whole index under header, or says it cannot.
func decodeIndex(header string, data []byte) ([]indexEntry, bool) {
	var out []indexEntry
	ok := eachIndexed(bytes.NewReader(data), header, int64(len(data)), false, nil, func(e indexEntry) { out = append(out, e) })
	return out, ok
}

// brief is what a listing of the history must say of a session: all of
// it but what was shared and noted.
func brief(s *Session) *Session {
	out := &Session{ID: s.ID, Started: s.Started, Mode: s.Mode, People: s.People, Situation: s.Situation,
		Chosen: s.Chosen, Ratings: s.Ratings, Kind: s.Kind}
	if s.FollowUp != nil {
		out.FollowUp = &FollowUp{For: s.FollowUp.For, Done: s.FollowUp.Done}
	}
	return out
}

// alike is a session as it compares: an empty list is as none, and a
// time is the same time whatever its zone.
func alike(s *Session) Session {
	c := *s
	c.Started = time.Time{}
	for _, list := range []*[]string{&c.People, &c.Chosen} {
		if len(*list) == 0 {
			*list = nil
		}
	}
	if len(c.Ratings) == 0 {
		c.Ratings = nil
	}
	if c.FollowUp != nil && c.FollowUp.Done != nil {
		f := *c.FollowUp
		done := f.Done.UTC()
		f.Done = &done
		c.FollowUp = &f
	}
	return c
}

// checkSummaries fails unless Summaries lists, in order, each session as
// it is on disk now, in brief, and the damaged files.
func checkSummaries(t *testing.T, s *Store, state string) {
	t.Helper()
	whole, err := s.Sessions()
	if err != nil {
		t.Fatal(err)
	}
	// Read whole in order, the sessions are the records, newest first;
	// this first, before a reader writes the index again.
	var inOrder, records []string
	must(t, s.EachWholeNewestFirst(func(e SessionEntry) bool { return e.Session != nil }, func(e SessionEntry) error {
		inOrder = append(inOrder, e.Path)
		return e.Err
	}))
	for _, e := range whole {
		if e.Err == nil {
			records = append(records, e.Path)
		}
	}
	if !slices.Equal(inOrder, records) {
		t.Errorf("%s: read whole in order, the sessions are\n%v\nnot\n%v", state, inOrder, records)
	}
	got, err := s.Summaries()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(whole) {
		t.Fatalf("%s: %d summaries of %d records", state, len(got), len(whole))
	}
	// The figures counted from the index are those of the records.
	m := newStatsMaker(s.cat, 0)
	for _, e := range whole {
		if e.Session != nil {
			m.add(e.Session, figuresOf(s.cat, e.Session))
		}
	}
	if stats, _ := s.StatsOf(got); !reflect.DeepEqual(stats, m.stats()) {
		t.Errorf("%s: the figures from the index are\n%+v\nnot\n%+v", state, stats, m.stats())
	}
	// The index is left as the records are: nothing gone is kept in it.
	data, err := os.ReadFile(filepath.Join(s.Dir(), ".index"))
	if err != nil {
		t.Fatal(err)
	}
	index, ok := decodeIndex(s.indexHeader(), data)
	if !ok {
		t.Fatalf("%s: the index written cannot be read:\n%q", state, data)
	}
	if !slices.IsSortedFunc(index, indexOrder) {
		t.Errorf("%s: the index written is not newest first", state)
	}
	var files, readable []string
	for _, e := range index {
		files = append(files, e.File)
	}
	for _, e := range whole {
		if e.Err == nil {
			readable = append(readable, filepath.Base(e.Path))
		}
	}
	slices.Sort(files)
	slices.Sort(readable)
	if !slices.Equal(files, readable) {
		t.Errorf("%s: the index holds %v, not the records that can be read, %v", state, files, readable)
	}
	for i, e := range whole {
		g := got[i]
		switch {
		case g.Path != e.Path || (g.Err == nil) != (e.Err == nil):
			t.Errorf("%s: summary %d is %s (%v), the record %s (%v)", state, i, g.Path, g.Err, e.Path, e.Err)
		case e.Session == nil:
		case !reflect.DeepEqual(alike(g.Session), alike(brief(e.Session))) || !g.Session.Started.Equal(e.Session.Started):
			t.Errorf("%s: summary of %s is\n%+v\nwant\n%+v", state, e.Path, g.Session, brief(e.Session))
		}
	}
}

func TestTheIndexFollowsTheRecords(t *testing.T) {
	followTheRecords(t, false)
}

// TestAVouchedIndexFollowsTheRecords makes the same changes each after
// the index has vouched for the folder, and some that only a vouched
// index could miss: an index damaged in place, its size and time kept,
// and a vouch that is damaged or names another index.
func TestAVouchedIndexFollowsTheRecords(t *testing.T) {
	followTheRecords(t, true)
}

// settle puts the sessions folder's time an hour back, as if it had last
// changed then.
func settle(t *testing.T, s *Store) {
	t.Helper()
	then := time.Now().Add(-time.Hour)
	must(t, os.Chtimes(filepath.Join(s.Dir(), "sessions"), then, then))
}

// vouchFor settles the folder, lets a reader vouch for it, and fails unless
// it did.
func vouchFor(t *testing.T, s *Store) {
	t.Helper()
	// The first reader may find the index to write again; the next finds
	// it right.
	settle(t, s)
	mustSummaries(t, s)
	mustSummaries(t, s)
	if _, _, ok := s.readVouch(); !ok {
		t.Fatal("a reader that found the index right for a settled folder did not vouch for it")
	}
	if v, ok := s.openVouched(); !ok {
		t.Fatal("the index is not vouched for just after a reader vouched for it")
	} else {
		v.Close()
	}
}

// changeInPlace rewrites path with change applied, keeping its inode and
// its time, as a hand edit could.
func changeInPlace(t *testing.T, path string, change func([]byte) []byte) {
	t.Helper()
	info, err := os.Stat(path)
	must(t, err)
	data, err := os.ReadFile(path)
	must(t, err)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	must(t, err)
	_, err = f.Write(change(data))
	must(t, errors.Join(err, f.Close()))
	must(t, os.Chtimes(path, info.ModTime(), info.ModTime()))
}

func followTheRecords(t *testing.T, vouch bool) {
	s := newStore(t)
	index := filepath.Join(s.Dir(), ".index")
	asked := session("20261118T220000-aaaaaa", testStart.Add(-48*time.Hour), "Sam", "Alex")
	asked.FollowUp = &FollowUp{For: []string{"Sam"}}
	plan := session("20261119T200000-bbbbbb", testStart.Add(-26*time.Hour), "Sam", "Alex")
	plan.Kind, plan.Chosen, plan.Ratings = Plan, nil, nil
	for _, sess := range []*Session{asked, plan, session("20261120T221000-cccccc", testStart, "Kai")} {
		if err := s.SaveSession(sess); err != nil {
			t.Fatal(err)
		}
	}
	// A folder with a damaged record is never vouched for.
	if !vouch {
		must(t, os.WriteFile(filepath.Join(s.Dir(), "sessions", "20261121T000000-dddddd.json"), []byte(`{"id": 1}`), 0o600))
	}
	checkSummaries(t, s, "with no index")
	if _, err := os.Stat(index); err != nil {
		t.Fatalf("no index was written: %v", err)
	}
	checkSummaries(t, s, "with the index")

	changes := []struct {
		state  string
		change func()
	}{
		{"after the index was deleted", func() { must(t, os.Remove(index)) }},
		{"after the index was truncated", func() { must(t, os.Truncate(index, 40)) }},
		{"with an empty index", func() { must(t, os.WriteFile(index, nil, 0o600)) }},
		{"with an index of another version", func() { must(t, os.WriteFile(index, []byte("aftercare index 1\n"), 0o600)) }},
		{"with an index whose second line is longer than any entry", func() {
			data, err := os.ReadFile(index)
			must(t, err)
			header, rest, _ := bytes.Cut(data, []byte("\n"))
			long := bytes.Repeat([]byte("a"), maxIndexLine+1)
			must(t, os.WriteFile(index, slices.Concat(header, []byte("\n"), long, []byte("\n"), rest), 0o600))
		}},
		{"with an index whose first line is longer than any header", func() {
			must(t, os.WriteFile(index, bytes.Repeat([]byte("x"), maxIndexLine+1), 0o600))
		}},
		{"with an index whose last line is cut short", func() {
			data, err := os.ReadFile(index)
			must(t, err)
			must(t, os.WriteFile(index, data[:len(data)-1], 0o600))
		}},
		{"with a record saved since the index, as an older aftercare saves", func() {
			must(t, s.SaveSession(session("20261122T220000-eeeeee", testStart.Add(48*time.Hour), "Robin")))
		}},
		{"with a follow-up done since the index", func() {
			must(t, s.CompleteFollowUp(asked.ID, testStart.Add(time.Hour), nil, []Rating{{Person: "Sam", Activity: "make-tea", Rating: "neutral"}}))
		}},
		{"with the index's lines in another order, and a record saved since", func() {
			data, err := os.ReadFile(index)
			must(t, err)
			lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
			slices.Reverse(lines[1:])
			must(t, os.WriteFile(index, []byte(strings.Join(lines, "\n")+"\n"), 0o600))
			must(t, s.SaveSession(session("20261123T220000-ffffff", testStart.Add(72*time.Hour), "Jo")))
		}},
		{"with a record removed since the index", func() { must(t, os.Remove(filepath.Join(s.Dir(), "sessions", plan.ID+".json"))) }},
		{"with a damaged record mended", func() {
			if err := os.Remove(filepath.Join(s.Dir(), "sessions", "20261121T000000-dddddd.json")); !vouch {
				must(t, err)
			}
			must(t, s.SaveSession(session("20261121T000000-dddddd", testStart.Add(2*time.Hour), "Sam")))
		}},
		{"with a record rewritten to the same size", func() {
			path := filepath.Join(s.Dir(), "sessions", "20261120T221000-cccccc.json")
			data, err := os.ReadFile(path)
			must(t, err)
			must(t, os.WriteFile(path, []byte(strings.Replace(string(data), `"Kai"`, `"Kim"`, -1)), 0o600))
		}},
	}
	if vouch {
		changes = append(changes, []struct {
			state  string
			change func()
		}{
			{"with the index damaged in place, its size and time kept", func() {
				changeInPlace(t, index, func(data []byte) []byte {
					second := bytes.IndexByte(data, '\n') + 1
					return slices.Concat(data[:second+3], []byte("\r"), data[second+4:])
				})
			}},
			{"with a record changed in place, its time kept", func() {
				changeInPlace(t, filepath.Join(s.Dir(), "sessions", "20261120T221000-cccccc.json"), func(data []byte) []byte {
					// Now the newest, it belongs first.
					changed := strings.Replace(strings.Replace(string(data), `"scene"`, `"tender"`, 1), `"2026-11-20T`, `"2027-11-20T`, 1)
					if changed == string(data) {
						t.Fatalf("the record is not as the test expects:\n%s", data)
					}
					return []byte(changed)
				})
			}},
			{"with two lines of the index swapped in place", func() {
				changeInPlace(t, index, func(data []byte) []byte {
					lines := bytes.SplitAfter(data, []byte("\n"))
					lines[1], lines[2] = lines[2], lines[1]
					return bytes.Join(lines, nil)
				})
			}},
			{"with a damaged vouch", func() { must(t, os.WriteFile(s.vouchPath(), []byte("aftercare index-folder 1 1 2\n"), 0o600)) }},
			{"with a vouch for another index", func() {
				folder, index, ok := s.readVouch()
				if !ok {
					t.Fatal("no vouch to change")
				}
				index.Inode++
				must(t, os.WriteFile(s.vouchPath(), fmt.Appendf(nil, vouchFormat, folder.Size, folder.Mod, folder.Inode, index.Size, index.Mod, index.Inode), 0o600))
			}},
		}...)
	}
	for _, c := range changes {
		checkSummaries(t, s, "before a change")
		if vouch {
			vouchFor(t, s)
			checkSummaries(t, s, "vouched for, before a change")
		}
		c.change()
		checkSummaries(t, s, c.state)
	}
}

// TestAVouchedIndexSavesListingTheFolder shows that a reader trusts a
// vouched index for which files there are: a record put in by hand with
// the folder's time set back is missed until the folder changes. Every
// aftercare write, and every ordinary way of adding or removing a file,
// changes the folder's time.
func TestAVouchedIndexSavesListingTheFolder(t *testing.T) {
	s := newStore(t)
	must(t, s.SaveSession(session("20261118T220000-aaaaaa", testStart, "Sam", "Alex")))
	vouchFor(t, s)
	folder := filepath.Join(s.Dir(), "sessions")
	info, err := os.Stat(folder)
	must(t, err)
	must(t, os.WriteFile(filepath.Join(folder, "20261119T220000-bbbbbb.json"), mustEncode(t, session("20261119T220000-bbbbbb", testStart, "Kai")), 0o600))
	must(t, os.Chtimes(folder, info.ModTime(), info.ModTime()))
	if got := mustSummaries(t, s); len(got) != 1 {
		t.Fatalf("the folder was listed although the index vouched for it: %d sessions", len(got))
	}
	settle(t, s)
	if got := mustSummaries(t, s); len(got) != 2 {
		t.Fatalf("a folder changed since the vouch was not listed: %d sessions", len(got))
	}
}

func mustEncode(t *testing.T, sess *Session) []byte {
	t.Helper()
	data, err := encodeSession(sess)
	must(t, err)
	return data
}

// TestNothingIsVouchedForTooSoon: a folder changed in the last moments,
// or holding a record that cannot be read, is listed each time.
func TestNothingIsVouchedForTooSoon(t *testing.T) {
	s := newStore(t)
	must(t, s.SaveSession(session("20261118T220000-aaaaaa", testStart, "Sam", "Alex")))
	now := time.Now()
	must(t, os.Chtimes(filepath.Join(s.Dir(), "sessions"), now, now))
	mustSummaries(t, s)
	mustSummaries(t, s)
	if _, err := os.Stat(s.vouchPath()); !os.IsNotExist(err) {
		t.Fatalf("a folder changed a moment ago was vouched for: %v", err)
	}
	must(t, os.WriteFile(filepath.Join(s.Dir(), "sessions", "20261119T220000-bbbbbb.json"), []byte("{not a record"), 0o600))
	settle(t, s)
	mustSummaries(t, s)
	mustSummaries(t, s)
	if _, err := os.Stat(s.vouchPath()); !os.IsNotExist(err) {
		t.Fatalf("a folder with a damaged record was vouched for: %v", err)
	}
}

func TestForgetTakesTheIndexWithIt(t *testing.T) {
	s := newStore(t)
	index := filepath.Join(s.Dir(), ".index")
	for _, forget := range []func() error{
		func() error { _, err := s.ForgetPerson("alex"); return err },
		func() error { _, err := s.ForgetSession("20261118T220000-aaaaaa"); return err },
		func() error { _, err := s.ForgetEverything(); return err },
	} {
		for _, sess := range []*Session{session("20261118T220000-aaaaaa", testStart, "Sam", "Alex"), session("20261119T220000-bbbbbb", testStart, "Alex")} {
			must(t, s.SaveSession(sess))
		}
		if _, err := s.Summaries(); err != nil {
			t.Fatal(err)
		}
		if data, err := os.ReadFile(index); err != nil || !strings.Contains(string(data), "Sam") {
			t.Fatalf("the index was not written: %v", err)
		}
		vouchFor(t, s)
		must(t, forget())
		if _, err := os.Stat(index); !os.IsNotExist(err) {
			t.Errorf("forget left the index: %v", err)
		}
		if _, err := os.Stat(s.vouchPath()); !os.IsNotExist(err) {
			t.Errorf("forget left what vouched for the index: %v", err)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestTheIndexIsMadeAgainUnderAnotherCatalogue(t *testing.T) {
	s := newStore(t)
	must(t, s.SaveSession(session("20261118T220000-aaaaaa", testStart, "Sam", "Alex")))
	checkSummaries(t, s, "under the built-in catalogue")
	before, _ := s.StatsOf(mustSummaries(t, s))

	cat, err := catalog.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	// The built-in lists are shared: these are copies.
	cat.Questions = slices.Clone(cat.Questions)
	changed := false
	for i := range cat.Questions {
		if q := &cat.Questions[i]; q.ID == "okay" {
			q.Options = slices.Clone(q.Options)
			for j := range q.Options {
				q.Options[j].Mood = 5 - q.Options[j].Mood
				changed = true
			}
		}
	}
	if !changed {
		t.Fatal("no question okay to change")
	}
	other := Open(s.Dir(), cat, true)
	if other.indexHeader() == s.indexHeader() {
		t.Fatal("two catalogues give the index one header")
	}
	checkSummaries(t, other, "under another catalogue")
	if after, _ := other.StatsOf(mustSummaries(t, other)); reflect.DeepEqual(before, after) {
		t.Errorf("the figures did not follow the catalogue: %+v", after)
	}
}

func mustSummaries(t *testing.T, s *Store) []SessionEntry {
	t.Helper()
	entries, err := s.Summaries()
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

// A listing read a page at a time is the listing read whole: in order
// when the index holds every record, and when it lacks some and cannot
// be written again.
func TestPagesAreTheListingReadWhole(t *testing.T) {
	s := newStore(t)
	for i := range 7 {
		id := fmt.Sprintf("20261110T2200%02d-aaaaaa", i)
		// Some start at the same moment: their ids put them in order.
		sess := session(id, testStart.Add(time.Duration(i%3)*time.Hour), "Sam")
		if i == 4 {
			sess = NewPrivateFollowUp(testStart, "Sam")
			sess.ID = id
		}
		must(t, s.SaveSession(sess))
	}
	must(t, os.WriteFile(filepath.Join(s.Dir(), "sessions", "20261121T000000-dddddd.json"), []byte(`{"id": 1}`), 0o600))
	check := func(state string) {
		t.Helper()
		whole, err := s.Sessions()
		must(t, err)
		var want []string
		for _, e := range Listed(whole) {
			want = append(want, e.Path)
		}
		for _, n := range []int{1, 2, 3, 100} {
			var got []string
			for from := 0; from < len(want); from += n {
				page, err := s.ListedPage(from, n, nil)
				must(t, err)
				if page.Total != len(want) || page.From != from {
					t.Fatalf("%s: page from %d says %d of %d, want %d of %d", state, from, page.From, page.Total, from, len(want))
				}
				for _, e := range page.Entries {
					got = append(got, e.Path)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: pages of %d list\n%v\nnot\n%v", state, n, got, want)
			}
		}
	}
	check("with no index")
	check("with the index")
	must(t, s.SaveSession(session("20261122T220000-eeeeee", testStart.Add(5*time.Hour), "Robin")))
	s.Close()
	check("with a record the index lacks, and no index written")
}

// TestALongIndexIsReadInOrderUpToWhereItGoesWrong reads an index of
// several chunks whole, then spoilt in one line of a later chunk, then
// longer than it may be: each gives every entry before, in order, and
// only the first is read whole.
func TestALongIndexIsReadInOrderUpToWhereItGoesWrong(t *testing.T) {
	const header = "aftercare index 2 test"
	var entries []indexEntry
	for i := range 3*chunkLines + 7 {
		id := fmt.Sprintf("s%04d", i)
		entries = append(entries, summary(testCatalog(), id+".json", stamp{Size: int64(i)}, session(id, testStart, "Sam", "Alex")))
	}
	index := encodeIndex(header, entries)
	lines := strings.SplitAfter(string(index), "\n")
	spoilt := strings.Join(slices.Concat(lines[:chunkLines+11], []string{"spoilt\n"}, lines[chunkLines+11:]), "")
	for _, tc := range []struct {
		name  string
		data  string
		limit int64
		want  int
		ok    bool
	}{
		{"whole", string(index), int64(len(index)), len(entries), true},
		{"spoilt", spoilt, int64(len(spoilt)), chunkLines + 10, false},
		{"a byte too long", string(index), int64(len(index)) - 1, len(entries), false},
		{"cut short", string(index), int64(len(index)) - 10, len(entries) - 1, false},
	} {
		// Side by side, and one chunk after another as behind a screen.
		for _, background := range []bool{false, true} {
			var files []string
			ok := eachIndexed(strings.NewReader(tc.data), header, tc.limit, background, nil, func(e indexEntry) { files = append(files, e.File) })
			if ok != tc.ok || len(files) != tc.want {
				t.Errorf("%s, background %v: %d entries (%v), want %d (%v)", tc.name, background, len(files), ok, tc.want, tc.ok)
			}
			for i, f := range files {
				if f != entries[i].File {
					t.Fatalf("%s, background %v: entry %d is %s, want %s", tc.name, background, i, f, entries[i].File)
				}
			}
		}
	}
}

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// A file that starts with a line longer than any header is no index, and
// is not read to its end to find that out: a hostile one of 64 MB cost
// seconds.
func TestAnIndexWithoutAHeaderIsNotReadOn(t *testing.T) {
	huge := &countingReader{r: bytes.NewReader(bytes.Repeat([]byte("x"), 64<<20))}
	if eachIndexed(huge, "aftercare index 2 test", 64<<20, false, nil, func(indexEntry) { t.Error("an entry from no index") }) {
		t.Error("a file of x's was read as a whole index")
	}
	if huge.n > 64<<10 {
		t.Errorf("%d bytes were read to find no header", huge.n)
	}
}

// TestALineupReadsInTheOrderOfAListing: a lineup gives the records whole
// in the order a listing shows them, whatever order they were added in;
// those that started together go by id.
func TestALineupReadsInTheOrderOfAListing(t *testing.T) {
	s := newStore(t)
	for _, sess := range []*Session{
		session("20261118T220000-aaaaaa", testStart, "Sam"),
		session("20261118T220000-bbbbbb", testStart, "Alex"),
		session("20261119T220000-cccccc", testStart.Add(time.Hour), "Kai"),
		session("20261117T220000-dddddd", testStart.Add(-time.Nanosecond), "Robin"),
	} {
		must(t, s.SaveSession(sess))
	}

	listed := mustSummaries(t, s)
	var lineup Lineup
	for i := len(listed) - 1; i >= 0; i-- {
		lineup.Add(listed[i])
	}
	var got, want []string
	for _, e := range listed {
		want = append(want, filepath.Base(e.Path)+" "+e.Session.ID)
	}
	must(t, s.EachInOrder(&lineup, func(e SessionEntry) error {
		if e.Err != nil {
			return e.Err
		}
		got = append(got, filepath.Base(e.Path)+" "+e.Session.ID)
		return nil
	}))
	if !slices.Equal(got, want) {
		t.Errorf("a lineup reads\n%v\nwhere the listing shows\n%v", got, want)
	}
	// Turned round, it reads oldest first, as an export keeps them.
	lineup.OldestFirst()
	got = nil
	must(t, s.EachInOrder(&lineup, func(e SessionEntry) error {
		got = append(got, filepath.Base(e.Path)+" "+e.Session.ID)
		return nil
	}))
	slices.Reverse(want)
	if !slices.Equal(got, want) {
		t.Errorf("a lineup turned round reads\n%v\nnot\n%v", got, want)
	}
}

// TestALockedIndexIsVouchedForLikeAPlainOne: sealed, the index is read
// alone from a vouch just the same, and what vouches holds no names.
func TestALockedIndexIsVouchedForLikeAPlainOne(t *testing.T) {
	s := newStore(t)
	for _, sess := range []*Session{session("20261118T220000-aaaaaa", testStart, "Sam", "Alex"), session("20261119T220000-bbbbbb", testStart.Add(time.Hour), "Kai")} {
		must(t, s.SaveSession(sess))
	}
	key, err := NewKey()
	must(t, err)
	_, err = s.Lock(key, "")
	must(t, err)
	must(t, s.UnlockWithIdentities([]age.Identity{key}))
	vouchFor(t, s)
	data, err := os.ReadFile(s.vouchPath())
	must(t, err)
	if !regexp.MustCompile(`^aftercare index-folder 1( [0-9]+){6}\n$`).Match(data) {
		t.Errorf("the vouch holds more than sizes, times and inodes: %q", data)
	}
	if index, err := os.ReadFile(filepath.Join(s.Dir(), ".index")); err != nil || !seal.IsSealed(index) {
		t.Fatalf("the index is not sealed: %v", err)
	}
	got := mustSummaries(t, s)
	var read []string
	must(t, s.EachWholeNewestFirst(func(e SessionEntry) bool { return e.Err == nil }, func(e SessionEntry) error {
		read = append(read, e.Session.ID+" "+e.Session.Shared[e.Session.People[0]][0].Said)
		return e.Err
	}))
	if len(got) != 2 || got[0].Session.ID != "20261119T220000-bbbbbb" || !slices.Equal(read, []string{"20261119T220000-bbbbbb Yes, I'm okay", "20261118T220000-aaaaaa Yes, I'm okay"}) {
		t.Errorf("locked and vouched for, the history reads %v, and whole %v", got, read)
	}
}

// A plain index in a locked store is never trusted, even one whose every
// line matches the records: aftercare writes none there, and kept, it
// would hold the names in plain text for good. It is made again, sealed.
func TestAPlainIndexInALockedStoreIsMadeAgainSealed(t *testing.T) {
	s := newStore(t)
	must(t, s.SaveSession(session("20261118T220000-aaaaaa", testStart, "Sam", "Alex")))
	key, err := NewKey()
	must(t, err)
	_, err = s.Lock(key, "")
	must(t, err)
	must(t, s.UnlockWithIdentities([]age.Identity{key}))
	mustSummaries(t, s)
	path := filepath.Join(s.Dir(), ".index")
	sealed, err := os.Open(path)
	must(t, err)
	opened, err := age.Decrypt(armor.NewReader(sealed), key)
	must(t, err)
	plain, err := io.ReadAll(opened)
	must(t, err)
	must(t, sealed.Close())
	if !bytes.Contains(plain, []byte("Alex")) {
		t.Fatalf("the index opened holds no names to leak: %q", plain)
	}
	plant(t, path, string(plain))
	got := mustSummaries(t, s)
	if len(got) != 1 || !slices.Equal(got[0].Session.People, []string{"Sam", "Alex"}) {
		t.Errorf("the history reads %v", got)
	}
	if data, err := os.ReadFile(path); err != nil || !seal.IsSealed(data) || bytes.Contains(data, []byte("Alex")) {
		t.Errorf("the plain index was kept: %v\n%q", err, data)
	}
}

// An index made again from nothing is written as the records are read,
// newest first by name; records whose names do not follow when they
// started, as imported ones may not, or that started in the same second,
// are merged in after. It comes out the same either way.
func TestAnIndexMadeAgainAsTheRecordsAreReadIsNewestFirst(t *testing.T) {
	s := newStore(t)
	for i := range 120 {
		started := testStart.Add(-time.Duration(i) * time.Hour)
		id := NewSessionID(started)
		switch i % 10 {
		case 3:
			id = fmt.Sprintf("imported-%d", i)
		case 7:
			// Started a second later than its name says.
			started = started.Add(time.Second)
		case 8, 9:
			// Two in the same second, whose names sort the other way
			// round from when they started.
			second := testStart.Add(-time.Duration(i/10) * time.Hour * 10).Add(30 * time.Minute)
			started = second.Add(time.Duration(i-8) * 500 * time.Millisecond)
			id = second.UTC().Format(sessionIDTime) + []string{"-ffffff", "-000000"}[i%10-8]
		}
		must(t, s.SaveSession(session(id, started, "Sam", "Alex")))
	}
	for _, state := range []string{"made from nothing", "made again"} {
		if got := len(mustSummaries(t, s)); got != 120 {
			t.Fatalf("%s: %d sessions listed, want 120", state, got)
		}
		data, err := os.ReadFile(filepath.Join(s.Dir(), ".index"))
		must(t, err)
		index, ok := decodeIndex(s.indexHeader(), data)
		if !ok || len(index) != 120 || !slices.IsSortedFunc(index, indexOrder) {
			t.Fatalf("%s by the first reader: an index of %d entries (read whole: %v), newest first: %v", state, len(index), ok, slices.IsSortedFunc(index, indexOrder))
		}
		checkSummaries(t, s, state)
		must(t, os.Remove(filepath.Join(s.Dir(), ".index")))
	}
}

// With the folder's lock taken, an index cannot be made as the records
// are read: they are all handed out all the same, and none is written.
func TestAnIndexIsNotMadeWhileAnotherHoldsTheLock(t *testing.T) {
	s := newStore(t)
	for i := range 20 {
		started := testStart.Add(-time.Duration(i) * time.Hour)
		must(t, s.SaveSession(session(NewSessionID(started), started, "Sam")))
	}
	other := Open(s.Dir(), s.cat, true)
	must(t, other.locked(func() error {
		if got := len(mustSummaries(t, s)); got != 20 {
			t.Errorf("%d sessions listed, want 20", got)
		}
		return nil
	}))
	if _, err := os.Stat(filepath.Join(s.Dir(), ".index")); !os.IsNotExist(err) {
		t.Errorf("an index was written while another held the lock: %v", err)
	}
	checkSummaries(t, s, "once the lock is free")
}

// A history too slow to read while writers wait is made into an index as
// far as it was read under the lock; the rest is read without it and
// merged in, as any records the index lacks.
func TestAnIndexMadeAgainOnASlowDiskLetsTheLockGo(t *testing.T) {
	s := newStore(t)
	for i := range 60 {
		started := testStart.Add(-time.Duration(i) * time.Hour)
		must(t, s.SaveSession(session(NewSessionID(started), started, "Sam")))
	}
	holds, chunk := rebuildHoldsLock, rebuildChunk
	rebuildHoldsLock, rebuildChunk = 0, 10
	defer func() { rebuildHoldsLock, rebuildChunk = holds, chunk }()
	if got := len(mustSummaries(t, s)); got != 60 {
		t.Fatalf("%d sessions listed, want 60", got)
	}
	data, err := os.ReadFile(filepath.Join(s.Dir(), ".index"))
	must(t, err)
	if index, ok := decodeIndex(s.indexHeader(), data); !ok || len(index) != 60 || !slices.IsSortedFunc(index, indexOrder) {
		t.Fatalf("an index of %d entries (read whole: %v), newest first: %v", len(index), ok, slices.IsSortedFunc(index, indexOrder))
	}
	checkSummaries(t, s, "once made")
}

// An index that lacks many records, as after an import or records copied
// in, is written again as they are read, the old one merged in as it is
// read: records named for their start or not, and old entries that no
// longer hold, come out newest first, each once.
func TestAnIndexLackingManyRecordsIsMergedAsTheyAreRead(t *testing.T) {
	s := newStore(t)
	sessions := filepath.Join(s.Dir(), "sessions")
	var changed, gone string
	for i := range 40 {
		started := testStart.Add(-time.Duration(i)*time.Hour*48 - 30*time.Minute)
		sess := session(NewSessionID(started), started, "Sam", "Alex")
		must(t, s.SaveSession(sess))
		switch i {
		case 5:
			changed = sess.ID
		case 6:
			gone = sess.ID
		}
	}
	if got := len(mustSummaries(t, s)); got != 40 {
		t.Fatalf("%d sessions listed, want 40", got)
	}
	// More than are held to be written come in at once, between and
	// around the old ones, one named for its start and one not.
	for i := range heldAtMost + 50 {
		started := testStart.Add(-time.Duration(i) * time.Hour)
		id := NewSessionID(started)
		if i%100 == 7 {
			id = fmt.Sprintf("imported-%d", i)
		}
		must(t, os.WriteFile(filepath.Join(sessions, id+".json"), mustEncode(t, session(id, started, "Kai")), 0o600))
	}
	changeInPlace(t, filepath.Join(sessions, changed+".json"), func(b []byte) []byte {
		return bytes.Replace(b, []byte(`"scene"`), []byte(`"tender"`), 1)
	})
	must(t, os.Remove(filepath.Join(sessions, gone+".json")))
	want := 40 - 1 + heldAtMost + 50
	if got := len(mustSummaries(t, s)); got != want {
		t.Fatalf("%d sessions listed, want %d", got, want)
	}
	data, err := os.ReadFile(filepath.Join(s.Dir(), ".index"))
	must(t, err)
	index, ok := decodeIndex(s.indexHeader(), data)
	if !ok || len(index) != want || !slices.IsSortedFunc(index, indexOrder) {
		t.Fatalf("the first reader wrote an index of %d entries of %d (read whole: %v), newest first: %v", len(index), want, ok, slices.IsSortedFunc(index, indexOrder))
	}
	checkSummaries(t, s, "merged")
}

// An old index found out of order as it is merged with a record saved
// since is not trusted for what follows: the first reader writes the
// index again whole, every record in it, newest first.
func TestAnIndexOutOfOrderIsWrittenAgainWhole(t *testing.T) {
	s := newStore(t)
	index := filepath.Join(s.Dir(), ".index")
	for i := range 6 {
		started := testStart.Add(-time.Duration(i) * 24 * time.Hour)
		must(t, s.SaveSession(session(NewSessionID(started), started, "Sam")))
	}
	mustSummaries(t, s)
	data, err := os.ReadFile(index)
	must(t, err)
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	slices.Reverse(lines[1:])
	must(t, os.WriteFile(index, []byte(strings.Join(lines, "\n")+"\n"), 0o600))
	started := testStart.Add(time.Hour)
	must(t, s.SaveSession(session(NewSessionID(started), started, "Jo")))
	if got := len(mustSummaries(t, s)); got != 7 {
		t.Fatalf("%d sessions listed, want 7", got)
	}
	data, err = os.ReadFile(index)
	must(t, err)
	if entries, ok := decodeIndex(s.indexHeader(), data); !ok || len(entries) != 7 || !slices.IsSortedFunc(entries, indexOrder) {
		t.Errorf("the index written holds %d entries of 7 (read whole: %v), newest first: %v", len(entries), ok, slices.IsSortedFunc(entries, indexOrder))
	}
}
