package tui

import (
	tea "charm.land/bubbletea/v2"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// withHistory gives the program the saved sessions and a clock at.
func withHistory(t *testing.T, w *world, at time.Time) Options {
	t.Helper()
	history, err := w.store.Digest(at)
	if err != nil {
		t.Fatal(err)
	}
	o := w.opts
	o.History = history
	o.Now = func() time.Time { return at }
	return o
}

// offered is every activity a result puts forward.
func offered(cat *catalog.Catalog, res catalog.Result) []*catalog.Activity {
	list := slices.Clone(res.Suggestions)
	if res.Compromise != nil {
		list = append(list, res.Compromise.Bridges...)
		for _, own := range res.Compromise.Each {
			list = append(list, own.Suggestions...)
		}
	}
	var out []*catalog.Activity
	for _, s := range list {
		out = append(out, cat.Activity(s.ID))
	}
	return out
}

func tagged(acts []*catalog.Activity, tag string) []string {
	var out []string
	for _, a := range acts {
		if slices.Contains(a.Tags, tag) {
			out = append(out, a.ID)
		}
	}
	return out
}

// planSamAndAlex saves a plan in which Sam wants space, asks that touch
// be avoided, and would like a check-in tomorrow; Alex takes the defaults.
func planSamAndAlex(t *testing.T, w *world) {
	t.Helper()
	o := withNames(w.opts, "Sam", "Alex")
	o.Start.Plan = true
	r := start(t, o, 100, 30)
	r.sees("Sam's turn", "This is a plan for afterwards")
	r.enter(1).sees("What sort of aftercare helps you feel cared for?")
	r.enter(1).sees("closeness or space?")
	r.keys("up", "up", "up").sees("» Some space")
	r.enter(1).sees("anything your partner should avoid")
	r.keys("space").enter(1).sees("Is there anything to know first:", "a safeword or a signal?")
	r.enter(1).sees("How is your body today?")
	r.enter(1).sees("What usually helps you come back down?")
	r.typeText("a glass of water").enter(1).sees("Would you like a check-in tomorrow?")
	r.keys("up").enter(1).sees("What may the others see?")
	r.enter(1).sees("Alex's turn", "1 of 2 turns done")
	r.doesNotSee("Some space")
	r.enterUntil("What you shared")
	r.sees("plan · what you shared", "Sam", "Some space", "a glass of water", "Alex", "enter save")
	r.enter(1).sees("Your plan is saved.", "in the next 12 hours")
}

func TestAPlanIsSavedWithOnlyWhatWasShared(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	planSamAndAlex(t, w)
	sessions := w.sessions(t)
	if len(sessions) != 1 {
		t.Fatalf("%d sessions saved", len(sessions))
	}
	plan := sessions[0]
	if plan.Kind != profile.Plan || !slices.Equal(plan.People, []string{"Sam", "Alex"}) || len(plan.Chosen) != 0 {
		t.Fatalf("plan %+v", plan)
	}
	if avoid := plan.PlanAvoid(testCatalog()); !slices.Equal(avoid, []string{"touch"}) {
		t.Errorf("the plan avoids %v, want touch", avoid)
	}
}

func TestACheckinWithinHoursOfAPlanStartsFromIt(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	planSamAndAlex(t, w)

	r := start(t, withNames(withHistory(t, w, testStart.Add(3*time.Hour)), "alex", "sam"), 100, 30)
	// The guests' names are spelt as the plan spelt them.
	r.enter(1).sees("Alex's turn", "Starting from the plan you made at")
	r.enterUntil("stay close, or would some space feel better?")
	r.keys("up", "up", "up").sees("» Stay close")
	r.enterUntil("Sam's turn")
	r.enterUntil("anything to avoid right now?")
	r.sees("[x] Touch, for now")
	// Sam unticks touch now; the plan's avoid-list still holds.
	r.keys("space").sees("[ ] Touch, for now")
	r.enterUntil("stay close, or would some space feel better?")
	r.sees("» Some space")
	r.enterUntil("What might help now")
	res, ok := r.m.current.(*results)
	if !ok {
		t.Fatalf("not on the results screen: %T", r.m.current)
	}
	if touching := tagged(offered(testCatalog(), res.res.Result), "touch"); len(touching) > 0 {
		t.Errorf("the plan avoided touch, yet %v were suggested", touching)
	}
	r.enterUntil("Would anyone like a check-in tomorrow?")
	r.sees("[ ] Alex", "[x] Sam")
	r.enter(1).sees("Thank you for checking in.", "Saved to your history.")
	r.doesNotSee("each other")
	checkin := w.sessions(t)[0]
	if checkin.Kind != "" || checkin.FollowUp == nil || !slices.Equal(checkin.FollowUp.For, []string{"Sam"}) {
		t.Errorf("check-in %+v, follow-up %+v: Sam asked for a follow-up in the plan", checkin, checkin.FollowUp)
	}
}

func TestAPlanIsForgottenAfterTwelveHoursOrByOtherPeople(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	planSamAndAlex(t, w)
	for _, tc := range []struct {
		name  string
		names []string
		after time.Duration
	}{
		{"too late", []string{"Sam", "Alex"}, 13 * time.Hour},
		{"someone else too", []string{"Sam", "Alex", "Kai"}, time.Hour},
		{"only one of them", []string{"Sam", "Kai"}, time.Hour},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := start(t, withNames(withHistory(t, w, testStart.Add(tc.after)), tc.names...), 100, 30)
			r.enter(1).sees("Sam's turn")
			r.doesNotSee("Starting from the plan")
			r.enterUntil("stay close, or would some space feel better?")
			r.sees("» I'm not sure")
		})
	}
}

// checkedInYesterday saves a check-in of Sam and Alex where they made tea
// and cuddled, and Sam asked for a follow-up.
func checkedInYesterday(t *testing.T, w *world) *profile.Session {
	t.Helper()
	s := profile.NewCheckinSession(testStart.Add(-24*time.Hour), catalog.Together, "scene",
		[]profile.Turn{{Name: "Sam"}, {Name: "Alex"}}, []string{"make-tea", "cuddle"}, "")
	s.FollowUp = &profile.FollowUp{For: []string{"Sam"}}
	if err := w.store.SaveSession(s); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestADueFollowUpIsOfferedFirstAndItsRatingsAreSaved(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	of := checkedInYesterday(t, w)

	early := start(t, withHistory(t, w, of.Started.Add(4*time.Hour)), 100, 30)
	early.sees("Check in together")
	early.doesNotSee("Follow up")

	r := start(t, withHistory(t, w, testStart), 100, 30)
	r.sees("Sam asked to be checked on", "» Follow up", "Check in together")
	r.enter(1).sees("This follow-up is for Sam", "pass the laptop to Sam")
	r.doesNotSee("How am I doing now?")
	r.enter(1).sees("follow-up · 1 of 4", "How am I doing now?")
	r.keys("up").sees("» 5 · Really good")
	r.enterUntil("How did “Make a warm drink” go?")
	r.sees("» We didn't get to it")
	r.keys("down").enter(1).sees("How did “Cuddle up” go?")
	r.keys("down", "down", "down").enter(1).sees("What should your history keep?")
	r.enter(1).sees("Thank you for checking in again.", "How things went will shape what is suggested next time.")

	saved := w.sessions(t)[0]
	if saved.FollowUp == nil || saved.FollowUp.Done == nil || !saved.FollowUp.Done.Equal(testStart) {
		t.Fatalf("the follow-up was not marked done: %+v", saved.FollowUp)
	}
	want := []profile.Rating{
		{Person: "Sam", Activity: "make-tea", Rating: catalog.Helped},
		{Person: "Sam", Activity: "cuddle", Rating: catalog.DidntHelp},
	}
	if !slices.Equal(saved.Ratings, want) {
		t.Errorf("ratings %+v, want %+v", saved.Ratings, want)
	}
	if len(saved.FollowUp.Shared["Sam"]) == 0 {
		t.Errorf("Sam's follow-up answers were not kept: %+v", saved.FollowUp)
	}

	r.enter(1).sees("Check in together")
	r.doesNotSee("Follow up")
}

func TestADueFollowUpLeavesTheWholeMenuOnASmallScreen(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	checkedInYesterday(t, w)
	r := start(t, withHistory(t, w, testStart), 40, 12)
	r.sees("A follow-up is waiting.", "» Follow up", "Support", "Quit")
	r.keys(slices.Repeat([]string{"down"}, 8)...).sees("» Quit")
}

func TestAFollowUpTogetherShowsWhatEachPersonShared(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	of := checkedInYesterday(t, w)
	of.FollowUp.For = []string{"Sam", "Alex"}
	if err := w.store.SaveSession(of); err != nil {
		t.Fatal(err)
	}
	r := start(t, withHistory(t, w, testStart), 100, 30)
	r.sees("Sam and Alex asked to be checked on")
	r.enter(1).sees("follow-up · Sam's turn", "This follow-up is for Sam and Alex", "It is Sam's turn now")
	r.enter(1).sees("follow-up · Sam · 1 of 4", "How are you now?", "» I'd rather not say")
	r.keys("up").sees("» 5 · Really good")
	r.enterUntil("Alex's turn")
	r.enter(1).sees("follow-up · Alex · 1 of 4", "How are you now?")
	r.keys("up").sees("» 5 · Really good")
	r.enterUntil("What you shared")
	r.sees("follow-up · what you shared", "Sam", "How are you now?", "Alex", "enter save")
	r.enter(1).sees("Thank you for checking in again.")
	if saved := w.sessions(t)[0]; len(saved.FollowUp.Shared) != 2 {
		t.Errorf("follow-up answers kept %+v", saved.FollowUp.Shared)
	}
}

func TestPressingEnterThroughAFollowUpRatesNothing(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	checkedInYesterday(t, w)
	o := withHistory(t, w, testStart)
	o.Start.FollowUp = w.sessions(t)[0]
	r := start(t, o, 100, 30)
	r.enterUntil("Thank you for checking in again.")
	// With nothing rated, nothing said will change what is suggested.
	r.sees("Saved to your history.")
	r.doesNotSee("shape what is suggested")
	if saved := w.sessions(t)[0]; len(saved.Ratings) != 0 || saved.FollowUp.Done == nil {
		t.Errorf("ratings %+v, follow-up %+v", saved.Ratings, saved.FollowUp)
	}
}

func TestRatingsChangeWhatIsSuggestedNextTime(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	s := profile.NewCheckinSession(testStart.Add(-24*time.Hour), catalog.Solo, "",
		[]profile.Turn{{Name: "Kai"}}, []string{"make-tea"}, "")
	s.Ratings = []profile.Rating{{Person: "Kai", Activity: "make-tea", Rating: catalog.Helped}}
	if err := w.store.SaveSession(s); err != nil {
		t.Fatal(err)
	}
	r := start(t, withNames(withHistory(t, w, testStart), "Kai"), 100, 30)
	r.enterUntil("Ideas for looking after yourself")
	r.sees("Make a warm drink", "helped you")
}

func TestHistoryShowsHowEachPersonHasBeen(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	of := checkedInYesterday(t, w)
	if err := w.store.CompleteFollowUp(of.ID, testStart, nil, []profile.Rating{{Person: "Sam", Activity: "make-tea", Rating: catalog.Helped}}); err != nil {
		t.Fatal(err)
	}
	r := start(t, w.opts, 100, 30)
	r.keys("h").sees("Sam", "helped: Make a warm drink")
	r.keys("s").sees("Sam", "Alex", "Make a warm drink")
	r.keys("esc").sees("1 check-in")
}

// said is one person's turn with every answer shared: question id to
// option id.
func said(name string, choices map[string]string) profile.Turn {
	turn := profile.Turn{Name: name}
	for _, id := range slices.Sorted(maps.Keys(choices)) {
		q := testCatalog().Question(id)
		turn.Answers = append(turn.Answers, profile.Answered{Question: q, Answer: catalog.Answer{Choices: []string{choices[id]}}, Shared: true})
	}
	return turn
}

// aWeekOfCheckins saves a check-in of Sam and Alex on each of the last
// five evenings, most of them rated, and the last with a follow-up for Sam
// that is due now.
func aWeekOfCheckins(t *testing.T, w *world) Options {
	t.Helper()
	samFelt := []string{"wobbly", "okay", "not-sure", "okay", "good"}
	samWanted := []string{"space", "close", "space", "space", "close"}
	for day := range 5 {
		s := profile.NewCheckinSession(testStart.AddDate(0, 0, day-5), catalog.Together, "tender", []profile.Turn{
			said("Sam", map[string]string{"okay": samFelt[day], "close-or-space": samWanted[day]}),
			said("Alex", map[string]string{"okay": "good", "close-or-space": "close"}),
		}, []string{"make-tea", "cuddle"}, "")
		if day < 4 {
			s.Ratings = []profile.Rating{
				{Person: "Sam", Activity: "make-tea", Rating: catalog.Helped},
				{Person: "Alex", Activity: "cuddle", Rating: catalog.Helped},
				{Person: "Sam", Activity: "cuddle", Rating: []string{catalog.DidntHelp, catalog.Neutral}[day%2]},
			}
		} else {
			s.FollowUp = &profile.FollowUp{For: []string{"Sam"}}
		}
		if err := w.store.SaveSession(s); err != nil {
			t.Fatal(err)
		}
	}
	return withHistory(t, w, testStart)
}

func TestWithHistoryOffNothingIsSavedAndTheScreenSaysSo(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.opts.Store = profile.Open(w.store.Dir(), testCatalog(), false)
	o := withNames(w.opts, "Sam", "Alex")
	o.Start.Plan = true
	r := start(t, o, 100, 30)
	r.enterUntil("Thank you for planning together.")
	r.sees("Nothing was saved: history is switched off")
	r.doesNotSee("Your plan is saved")

	r = start(t, withNames(w.opts, "Sam", "Alex"), 100, 30)
	r.enterUntil("Take good care of each other.")
	r.sees("Nothing was saved: history is switched off")
	if got := w.sessions(t); len(got) != 0 {
		t.Errorf("%d sessions saved with history off", len(got))
	}
}

// The home screen opens before the history is read; once it is, a due
// follow-up comes first, and a choice already moved to stays chosen.
func TestAFollowUpFoundAfterHomeOpensComesFirstWithoutMovingTheCursor(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	checkedInYesterday(t, w)
	opened := func() *run {
		o := w.opts
		o.History = nil
		o.Now = func() time.Time { return testStart }
		r := &run{t: t, m: New(o)}
		r.send(tea.WindowSizeMsg{Width: 100, Height: 30})
		r.sees("» Check in together")
		r.doesNotSee("Follow up")
		return r
	}
	untouched := opened()
	untouched.do(untouched.m.Init())
	untouched.sees("» Follow up", "Check in together")

	moved := opened()
	moved.keys("down", "down").sees("» Plan ahead")
	moved.do(moved.m.Init())
	moved.sees("Follow up", "» Plan ahead")
	if errs, read := moved.m.Unread(); !read || len(errs) > 0 {
		t.Errorf("the history read in the background: read %v, unread %v", read, errs)
	}
}
