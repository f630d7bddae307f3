package profile

import (
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
)

func at(day, hour, minute int) time.Time {
	return time.Date(2026, 11, day, hour, minute, 0, 0, time.UTC)
}

func TestAFollowUpIsDueTheNextMorning(t *testing.T) {
	tests := []struct{ started, due time.Time }{
		{at(20, 23, 0), at(21, 9, 0)},
		{at(21, 1, 0), at(21, 9, 0)},
		{at(21, 1, 30), at(22, 9, 0)},
		{at(20, 14, 0), at(21, 9, 0)},
		{at(20, 0, 30), at(20, 9, 0)},
	}
	for _, tt := range tests {
		if got := FollowUpDue(tt.started, time.UTC); !got.Equal(tt.due) {
			t.Errorf("FollowUpDue(%v) = %v, want %v", tt.started, got, tt.due)
		}
	}
	// Nine is nine where the person is, whatever zone the start was
	// written in: 23:00 in Paris is 22:00 UTC, both due at nine there.
	paris := time.FixedZone("CET", 3600)
	started := time.Date(2026, 11, 20, 23, 0, 0, 0, paris)
	for _, written := range []time.Time{started, started.UTC()} {
		if got, want := FollowUpDue(written, paris), time.Date(2026, 11, 21, 9, 0, 0, 0, paris); !got.Equal(want) || got.Location() != paris {
			t.Errorf("FollowUpDue(%v, CET) = %v, want %v", written, got, want)
		}
	}
}

func entriesOf(sessions ...*Session) []SessionEntry {
	out := make([]SessionEntry, len(sessions))
	for i, s := range sessions {
		out[i] = SessionEntry{Session: s}
	}
	return out
}

// digestOf is what a program keeps of these sessions, read at now.
func digestOf(entries []SessionEntry, now time.Time) *Digest {
	d := newDigest(now)
	for _, e := range entries {
		d.add(e)
	}
	d.sort()
	return d
}

func withFollowUp(s *Session, done *time.Time, who ...string) *Session {
	s.FollowUp = &FollowUp{For: who, Done: done}
	return s
}

func TestDueListsOnlyWaitingFollowUps(t *testing.T) {
	doneAt := at(21, 10, 0)
	entries := entriesOf(
		withFollowUp(session("late", at(20, 23, 0), "Sam", "Alex"), nil, "Sam"),
		withFollowUp(session("earlier", at(19, 22, 0), "Kai"), nil, "Kai"),
		withFollowUp(session("done", at(19, 21, 0), "Sam"), &doneAt, "Sam"),
		withFollowUp(session("not-yet", at(21, 8, 0), "Sam"), nil, "Sam"),
		session("no-followup", at(18, 22, 0), "Sam"),
	)
	var got []string
	for _, s := range Due(entries, at(21, 9, 30)) {
		got = append(got, s.ID)
	}
	if !slices.Equal(got, []string{"earlier", "late"}) {
		t.Errorf("due %v, want the waiting ones, longest waiting first", got)
	}
	if line := DueLine(Due(entries, at(21, 9, 30))[1], at(21, 9, 30)); !strings.Contains(line, "Follow-up due for Sam") || !strings.Contains(line, "aftercare followup late") {
		t.Errorf("due line %q", line)
	}
}

func planBy(t *testing.T, made time.Time, people ...string) *Session {
	var turns []Turn
	for _, name := range people {
		turns = append(turns, Turn{Name: name, Answers: []Answered{
			answered(t, "plan-close-or-space", choice("space"), true),
			answered(t, "plan-avoid", choice("kissing", "praise"), true),
			answered(t, "plan-followup", choice("yes"), true),
			answered(t, "plan-helps", catalog.Answer{Text: "a private wish"}, false),
		}})
	}
	return NewPlan(made, turns)
}

func TestACheckinStartsFromTheLatestPlanOfTheSamePeople(t *testing.T) {
	right := planBy(t, at(20, 21, 0), "Sam", "Alex")
	entries := entriesOf(
		planBy(t, at(20, 18, 0), "Sam", "Alex"),
		right,
		planBy(t, at(20, 21, 30), "Sam", "Kai"),
		planBy(t, at(20, 9, 0), "Alex", "Sam"),
		planBy(t, at(21, 0, 0), "Sam", "Alex"),
		session("checkin", at(20, 21, 10), "Sam", "Alex"),
	)
	history := digestOf(entries, at(20, 23, 0))
	if got := LatestPlan(history, []string{"alex", "SAM"}, at(20, 23, 0)); got == nil || got.ID != right.ID {
		t.Errorf("plan %+v, want the one of 21:00", got)
	}
	if got := LatestPlan(history, []string{"Sam", "Alex"}, at(21, 10, 0)); got == nil || !got.Started.Equal(at(21, 0, 0)) {
		t.Errorf("plan %+v", got)
	}
	if got := LatestPlan(history, []string{"Sam", "Alex"}, at(22, 10, 0)); got != nil {
		t.Errorf("a plan older than twelve hours carried over: %+v", got)
	}
	answers, followUp := right.PlanStart(testCatalog(), "Sam")
	if got := answers["close-or-space"]; !slices.Equal(got.Choices, []string{"space"}) {
		t.Errorf("close-or-space starts from %v", got)
	}
	if got := answers["avoid-now"]; !slices.Equal(got.Choices, []string{"kissing", "praise"}) {
		t.Errorf("avoid-now starts from %v", got)
	}
	if !followUp {
		t.Error("the plan's wish for a check-in tomorrow was lost")
	}
	if got := right.PlanAvoid(testCatalog()); !slices.Equal(got, []string{"kissing", "nicknames", "praise"}) {
		t.Errorf("plan avoid %v", got)
	}
	data, _ := encodeSession(right)
	if strings.Contains(string(data), "private wish") || right.Kind != Plan {
		t.Errorf("plan record:\n%s", data)
	}
}

func TestAFollowUpIsSavedWithTheCheckinItFollows(t *testing.T) {
	s := newStore(t)
	sess := withFollowUp(session("s1", at(20, 23, 0), "Sam", "Alex"), nil, "Sam")
	sess.Note = "keep me"
	if err := s.SaveSession(sess); err != nil {
		t.Fatal(err)
	}
	scale := 2
	shared := map[string][]Shared{"Sam": {{Question: "followup-now", Prompt: "How are you now?", Scale: &scale, Said: "2 of 5"}}}
	if err := s.CompleteFollowUp("s1", at(21, 10, 0), shared, []Rating{{Person: "Sam", Activity: "make-tea", Rating: catalog.DidntHelp}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Session("s1")
	if err != nil {
		t.Fatal(err)
	}
	if got.FollowUp.Done == nil || !got.FollowUp.Done.Equal(at(21, 10, 0)) || got.Note != "keep me" || len(got.Ratings) != 2 {
		t.Errorf("session after follow-up: %+v", got)
	}
	history, err := s.Digest(at(22, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if len(history.Due(at(22, 0, 0))) != 0 {
		t.Error("a done follow-up is still due")
	}
	// Sam's new word on make-tea replaces the one given at the check-in.
	ratings := Ratings(history, []string{"sam", "Alex"})
	if len(ratings) != 2 || ratings[0].Person != "Alex" || ratings[1].Person != "sam" || !ratings[1].At.Equal(at(21, 10, 0)) || ratings[1].Value != catalog.DidntHelp {
		t.Errorf("ratings %+v", ratings)
	}
	// Only the ratings of the people asked about are made, under the
	// names they were asked by.
	if ratings := Ratings(history, []string{"SAM", "Robin"}); len(ratings) != 1 || ratings[0].Person != "SAM" {
		t.Errorf("Sam's and Robin's ratings are %+v", ratings)
	}
	if err := s.CompleteFollowUp("s1", at(21, 10, 0), map[string][]Shared{"Robin": nil}, nil); err == nil {
		t.Error("a follow-up by someone who was not there was saved")
	}
}

// Two copies of aftercare following up the same check-in: the one that
// saves first is kept, and the other is refused rather than written over
// it; saving the same follow-up again, after a failed save, still works.
func TestAFollowUpFinishedMeanwhileElsewhereIsNotWrittenOver(t *testing.T) {
	s := newStore(t)
	if err := s.SaveSession(withFollowUp(session("s1", at(20, 23, 0), "Sam", "Alex"), nil, "Sam")); err != nil {
		t.Fatal(err)
	}
	first := map[string][]Shared{"Sam": {{Question: "followup-now", Prompt: "How are you now?", Said: "first"}}}
	if err := s.CompleteFollowUp("s1", at(21, 10, 0), first, []Rating{{Person: "Sam", Activity: "make-tea", Rating: catalog.Helped}}); err != nil {
		t.Fatal(err)
	}
	if err := s.CompleteFollowUp("s1", at(21, 10, 0), first, []Rating{{Person: "Sam", Activity: "make-tea", Rating: catalog.Helped}}); err != nil {
		t.Fatalf("saving the same follow-up again: %v", err)
	}
	second := map[string][]Shared{"Sam": {{Question: "followup-now", Prompt: "How are you now?", Said: "second"}}}
	err := s.CompleteFollowUp("s1", at(21, 9, 0), second, []Rating{{Person: "Sam", Activity: "make-tea", Rating: catalog.DidntHelp}})
	if !errors.Is(err, ErrFollowedUp) || !strings.Contains(err.Error(), "was not saved") {
		t.Fatalf("a second follow-up finished meanwhile: %v", err)
	}
	got, err := s.Session("s1")
	if err != nil {
		t.Fatal(err)
	}
	sams := slices.DeleteFunc(slices.Clone(got.Ratings), func(r Rating) bool { return r.Person != "Sam" })
	if got.FollowUp.Shared["Sam"][0].Said != "first" || len(sams) != 1 || sams[0].Rating != catalog.Helped {
		t.Errorf("the first follow-up was written over: %+v, %+v", got.FollowUp, got.Ratings)
	}
}

func TestStatsSayHowCheckinsHaveGone(t *testing.T) {
	cat := testCatalog()
	first := NewCheckinSession(at(1, 22, 0), catalog.Together, "", []Turn{
		{Name: "Sam", Answers: []Answered{answered(t, "okay", choice("wobbly"), true), answered(t, "close-or-space", choice("close"), true)}},
		{Name: "Alex", AskedForSpace: true},
	}, []string{"make-tea"}, "")
	first.Ratings = []Rating{{Person: "Sam", Activity: "make-tea", Rating: catalog.Helped}, {Person: "Sam", Activity: "cuddle", Rating: catalog.DidntHelp}}
	done := at(2, 10, 0)
	scale := 5
	first.FollowUp = &FollowUp{For: []string{"Sam"}, Done: &done, Shared: map[string][]Shared{"Sam": {{Question: "followup-now", Scale: &scale}}}}
	second := NewCheckinSession(at(3, 22, 0), catalog.Together, "", []Turn{
		{Name: "sam", Answers: []Answered{answered(t, "okay", choice("good"), true), answered(t, "close-or-space", choice("space"), false)}},
		{Name: "Alex", Answers: []Answered{answered(t, "close-or-space", choice("space"), true)}},
	}, nil, "")
	second.Ratings = []Rating{{Person: "Sam", Activity: "make-tea", Rating: catalog.Helped}, {Person: "Sam", Activity: "hug-then-space", Rating: catalog.Helped}}
	m := newStatsMaker(cat, 0)
	for _, e := range entriesOf(second, planBy(t, at(1, 20, 0), "Sam", "Alex"), first) {
		m.add(e.Session, figuresOf(cat, e.Session))
	}
	st := m.stats()

	if len(st.People) != 2 || st.People[0].Name != "Alex" || st.People[1].Name != "Sam" {
		t.Fatalf("people %+v", st.People)
	}
	alex, sam := st.People[0], st.People[1]
	if alex.Checkins != 2 || alex.Space != 2 || alex.Closeness != 0 || len(alex.Felt) != 0 {
		t.Errorf("Alex %+v", alex)
	}
	if sam.Checkins != 2 || sam.Closeness != 1 || sam.Space != 0 {
		t.Errorf("Sam %+v: the private wish for space must not count", sam)
	}
	var moods []float64
	for _, f := range sam.Felt {
		moods = append(moods, f.Mood)
	}
	if !slices.Equal(moods, []float64{2, 5, 5}) {
		t.Errorf("Sam felt %v, want wobbly, then the follow-up's top of the scale, then really good", moods)
	}
	if len(sam.Helped) != 2 || sam.Helped[0].Activity != "make-tea" || sam.Helped[0].Helped != 2 || sam.Helped[0].Title != "Make a warm drink" {
		t.Errorf("what helped Sam %+v", sam.Helped)
	}
	text := FormatStats(st)
	for _, want := range []string{"Sam: 2 check-ins", "How they felt: ▂▇▇", "Needed closeness 1 time, space 0 times", "1. Make a warm drink (helped 2 of 2)"} {
		if !strings.Contains(text, want) {
			t.Errorf("stats text lacks %q:\n%s", want, text)
		}
	}
	if only := st.Of("sam"); len(only.People) != 1 || only.People[0].Name != "Sam" {
		t.Errorf("Sam's figures alone: %+v", only)
	}
	if nobody := st.Of("Robin"); nobody.People == nil || len(nobody.People) != 0 {
		t.Errorf("the figures of someone never there: %+v", nobody)
	}
}

// TestADigestKeepsOnlyTheRatingsTheEngineWeighs: of years of ratings,
// some given at a follow-up the next day, some at the same moment, some
// under another spelling of a name, the digest keeps no more than the
// newest catalog.RatingsKept of each person and activity, and they
// suggest exactly what all of them do.
func TestADigestKeepsOnlyTheRatingsTheEngineWeighs(t *testing.T) {
	cat := testCatalog()
	values := []string{catalog.Helped, catalog.DidntHelp, catalog.Neutral, catalog.Helped, catalog.DidntHelp, catalog.DidntHelp}
	var entries []SessionEntry
	type given struct {
		spelt string
		r     catalog.Rating
	}
	var all []given
	for d := range 400 {
		started := time.Date(2024, 1, 1, 22, 0, 0, 0, time.UTC).AddDate(0, 0, d/2)
		sam := "Sam"
		if d%7 == 0 {
			sam = "sam"
		}
		s := session(fmt.Sprintf("s%03d", d), started, sam, "Alex")
		s.Ratings = []Rating{{Person: sam, Activity: "make-tea", Rating: values[d%len(values)]}, {Person: "Alex", Activity: []string{"cuddle", "make-tea"}[d%2], Rating: values[(d/2)%len(values)]}}
		at := started
		if d%5 == 0 {
			done := started.Add(30 * time.Hour)
			s.FollowUp, at = &FollowUp{For: []string{sam}, Done: &done}, done
		}
		for _, r := range s.Ratings {
			asked := r.Person
			if SameName(asked, "Sam") {
				asked = "Sam"
			}
			all = append(all, given{r.Person, catalog.Rating{Person: asked, Activity: r.Activity, Value: r.Rating, At: at}})
		}
		entries = append(entries, SessionEntry{Session: s})
	}
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(entries), func(i, j int) { entries[i], entries[j] = entries[j], entries[i] })
	d := digestOf(entries, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	kept := Ratings(d, []string{"Sam", "Alex"})
	if len(d.ratings) > 4*catalog.RatingsKept || len(kept) != len(d.ratings) {
		t.Errorf("the digest keeps %d ratings of 4 people and activities, and %d of Sam's and Alex's", len(d.ratings), len(kept))
	}
	// Every rating, in the order a digest that kept them all gave them.
	slices.SortFunc(all, func(a, b given) int {
		return cmp.Or(a.r.At.Compare(b.r.At), strings.Compare(a.spelt, b.spelt), strings.Compare(a.r.Activity, b.r.Activity), strings.Compare(a.r.Value, b.r.Value))
	})
	every := make([]catalog.Rating, len(all))
	for i, g := range all {
		every[i] = g.r
	}
	people := []catalog.Person{{Name: "Sam", Needs: catalog.Weights{{Need: "comfort", Weight: 2}}}, {Name: "Alex", Needs: catalog.Weights{{Need: "closeness", Weight: 1}}}}
	want := cat.Suggest(catalog.Request{Mode: catalog.Together, People: people, Ratings: every})
	if got := cat.Suggest(catalog.Request{Mode: catalog.Together, People: people, Ratings: kept}); !reflect.DeepEqual(got, want) {
		t.Errorf("the digest's ratings suggest\n%+v\nall of them\n%+v", got, want)
	}

	// At the edge, of two given at the same moment the engine takes the
	// one whose value sorts first as the newer.
	var kai []SessionEntry
	for d := range catalog.RatingsKept + 1 {
		s := session(fmt.Sprintf("k%03d", d), time.Date(2024, 1, 1, 22, 0, 0, 0, time.UTC).AddDate(0, 0, max(d, 1)), "Kai")
		s.Ratings = []Rating{{Person: "Kai", Activity: "make-tea", Rating: []string{catalog.Helped, catalog.DidntHelp}[min(d, 1)]}}
		kai = append(kai, SessionEntry{Session: s})
	}
	slices.Reverse(kai)
	edge := Ratings(digestOf(kai, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)), []string{"Kai"})
	if len(edge) != catalog.RatingsKept || slices.ContainsFunc(edge, func(r catalog.Rating) bool { return r.Value == catalog.Helped }) {
		t.Errorf("of Kai's ratings the digest keeps %+v", edge)
	}
}
