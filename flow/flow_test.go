package flow

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// world is an Env without a terminal or a disk: what a round reads is
// whatever the test puts here.
type world struct {
	cat      *catalog.Catalog
	profiles []*profile.Profile
	unread   []profile.ProfileEntry
	history  *profile.Digest
	sessions map[string]*profile.Session
	cfg      *profile.Config
	locked   bool
	scripted bool
	began    []*Round
}

func newWorld(t *testing.T) *world {
	t.Helper()
	cat, err := catalog.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	return &world{cat: cat, sessions: map[string]*profile.Session{}}
}

func (w *world) Catalog() *catalog.Catalog    { return w.cat }
func (w *world) Profiles() []*profile.Profile { return w.profiles }
func (w *world) UnreadProfiles() []profile.ProfileEntry {
	return w.unread
}
func (w *world) History() *profile.Digest { return w.history }
func (w *world) Session(id string) (*profile.Session, error) {
	return w.sessions[id], nil
}
func (w *world) Config() *profile.Config { return w.cfg }
func (w *world) Now() time.Time          { return time.Date(2026, 11, 29, 23, 0, 0, 0, time.UTC) }
func (w *world) Locked() bool            { return w.locked }
func (w *world) Scripted() bool          { return w.scripted }
func (w *world) Began(r *Round)          { w.began = append(w.began, r) }

// answers says what a person answers a form with: nil goes on with what
// the form starts at, as someone who only presses enter would.
type answers func(f *Form) [][]string

// walk goes through a round from s, answering each form with answer,
// until at says stop or the round asks to save or ends.
func walk(t *testing.T, s Step, answer answers, at func(Step) bool) Step {
	t.Helper()
	for n := 0; s != nil && (at == nil || !at(s)); n++ {
		if n > 200 {
			t.Fatal("the round never ended")
		}
		switch step := s.(type) {
		case *Form:
			values := step.Start()
			if answer != nil {
				if given := answer(step); given != nil {
					values = given
				}
			}
			s = step.Take(values)
		case *Message:
			s = step.Next()
		case *Results:
			s = step.Next()
		default:
			return s
		}
	}
	return s
}

// choose answers the question whose prompt holds words with the option
// whose label holds choice.
func choose(words, choice string) answers {
	return func(f *Form) [][]string {
		if f.Kind != QuestionForm && f.Kind != SupportForm || !strings.Contains(f.Fields[0].Title, words) {
			return nil
		}
		for _, o := range f.Fields[0].Options {
			if strings.Contains(o.Label, choice) {
				return [][]string{{o.Value}}
			}
		}
		return nil
	}
}

// both answers with the first of two that gives an answer.
func both(a, b answers) answers {
	return func(f *Form) [][]string {
		if v := a(f); v != nil {
			return v
		}
		return b(f)
	}
}

func formKind(kind FormKind) func(Step) bool {
	return func(s Step) bool {
		f, ok := s.(*Form)
		return ok && f.Kind == kind
	}
}

func TestEnterThroughEveryStepSavesACheckinThatClaimsNothing(t *testing.T) {
	for _, tc := range []struct {
		name  string
		names []string
		mode  catalog.Mode
	}{
		{"alone", []string{SoloGuest}, catalog.Solo},
		{"two", []string{"Sam", "Alex"}, catalog.Together},
		{"three", []string{"Sam", "Alex", "Kim"}, catalog.Together},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t)
			r := New(w, CheckIn, tc.mode, tc.names)
			end := walk(t, r.Start(), nil, nil)
			save, ok := end.(*Save)
			if !ok {
				t.Fatalf("pressing enter throughout ended on %T, want a save", end)
			}
			if save.What != "check-in" || save.MidRound() {
				t.Errorf("save = %q, mid-round %v", save.What, save.MidRound())
			}
			if len(r.Turns) != len(tc.names) {
				t.Errorf("%d turns ended, want %d", len(r.Turns), len(tc.names))
			}
			for _, turn := range r.Turns {
				for _, a := range turn.Answers {
					if a.Question.Kind == catalog.Single && a.Shared && a.Question.Implied(a.Answer).Support != "" {
						t.Errorf("%s's default answer to %q calls for support", turn.Name, a.Question.ID)
					}
					if strings.Contains(strings.ToLower(a.Question.Said(a.Answer)), "feel safe") && a.Shared {
						t.Errorf("%s's history claims %q without their saying so", turn.Name, a.Question.Said(a.Answer))
					}
				}
			}
			if len(w.began) != 1 || w.began[0] != r {
				t.Errorf("the driver was told of %d rounds, want this one", len(w.began))
			}
		})
	}
}

func TestWhatEachStepAsksFirst(t *testing.T) {
	w := newWorld(t)
	for _, tc := range []struct {
		name  string
		round *Round
		want  string
	}{
		{"a check-in asks what kind of time it was", New(w, CheckIn, catalog.Together, []string{"Sam", "Alex"}), "What kind of time was it?"},
		{"alone too", New(w, CheckIn, catalog.Solo, []string{SoloGuest}), "What kind of time was it?"},
		{"a plan hands the laptop to the first person", New(w, Plan, catalog.Together, []string{"Sam", "Alex"}), "Sam's turn"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got string
			switch s := tc.round.Start().(type) {
			case *Form:
				got = s.Fields[0].Title
			case *Message:
				got = s.Lines[0].Words()
			}
			if got != tc.want {
				t.Errorf("first step says %q, want %q", got, tc.want)
			}
		})
	}
}

// People apart cannot pass a laptop: the hand-off offers a check-in on
// the far one's own device, and says that whoever reads the questions out
// hears every answer, so not saying is always a fine answer.
func TestAHandoffApartSaysHowToAskSomeoneFarAway(t *testing.T) {
	for _, tc := range []struct {
		name   string
		answer answers
		want   []string
	}{
		{"in the same room", nil, []string{"Please pass the laptop to Sam.", "Your answers stay private"}},
		{"apart", situation("Apart"), []string{"check in alone on their own device", "whoever reads hears every answer", "I'd rather not say"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := New(newWorld(t), CheckIn, catalog.Together, []string{"Sam", "Alex"})
			s := walk(t, r.Start(), tc.answer, func(s Step) bool { m, ok := s.(*Message); return ok && m.Name == "Sam" })
			var said []string
			for _, l := range s.(*Message).Lines {
				said = append(said, l.Words())
			}
			for _, w := range tc.want {
				if !strings.Contains(strings.Join(said, "\n"), w) {
					t.Errorf("Sam's hand-off says %q, not %q", said, w)
				}
			}
		})
	}
}

func TestAHandoffShowsNothingOfTheTurnBefore(t *testing.T) {
	w := newWorld(t)
	r := New(w, CheckIn, catalog.Together, []string{"Sam", "Alex"})
	secret := func(f *Form) [][]string {
		if f.Kind == QuestionForm && f.Fields[0].Kind == Words {
			return [][]string{{"a private thing about my knee"}}
		}
		if f.Kind == ShareForm {
			return [][]string{{}}
		}
		return nil
	}
	s := walk(t, r.Start(), secret, func(s Step) bool { m, ok := s.(*Message); return ok && m.Name == "Alex" })
	m := s.(*Message)
	for _, l := range m.Lines {
		if strings.Contains(l.Words(), "knee") || strings.Contains(l.Words(), "Sam") {
			t.Errorf("Alex's hand-off says %q", l.Words())
		}
	}
	if m.CanGoBack() {
		t.Error("Alex could go back into Sam's finished turn")
	}
	for _, a := range r.Turns[0].Answers {
		if a.Answer.Text != "" {
			t.Errorf("Sam's private words outlived the turn: %q", a.Answer.Text)
		}
	}
}

func TestCareRulesInTheFlow(t *testing.T) {
	// Each case walks to the support Sam sees after a private not safe,
	// then answers it with choice ("" leaves it as it is), and checks what
	// follows.
	for _, tc := range []struct {
		name   string
		choice string
		check  func(t *testing.T, r *Round, next Step)
	}{
		{"not safe brings support first, with carrying on chosen", "", func(t *testing.T, r *Round, next Step) {
			f := next.(*Form)
			if f.Kind != SupportForm || f.Start()[0][0] != CarryOn {
				t.Fatalf("support form = %+v", f)
			}
			if !slices.ContainsFunc(f.Fields[0].Options, func(o Option) bool { return o.Value == AskSpace }) {
				t.Error("no way to ask for space together")
			}
		}},
		{"carrying on leaves nothing ticked to do", "Carry on", func(t *testing.T, r *Round, next Step) {
			pick := walk(t, next, nil, formKind(PickForm)).(*Form)
			if got := pick.Start()[0]; len(got) != 0 {
				t.Errorf("after a private not safe, %v was ticked already", got)
			}
			if !r.Quiet {
				t.Error("the check-in did not turn quiet")
			}
		}},
		{"ending quietly saves nothing", "End the check-in quietly", func(t *testing.T, r *Round, next Step) {
			got := walk(t, next, choose("tomorrow", "No"), func(s Step) bool { _, ok := s.(*Message); return ok })
			m := got.(*Message)
			if m.Lines[0].Words() != "The check-in has ended." {
				t.Errorf("ended with %q", m.Lines[0].Words())
			}
			if walk(t, m, nil, nil) != nil {
				t.Error("an ended check-in went on to save")
			}
		}},
		{"asking for space tells the person what the others will see", "Ask for some space", func(t *testing.T, r *Round, next Step) {
			got := walk(t, next, nil, func(s Step) bool { _, ok := s.(*Message); return ok })
			if m := got.(*Message); m.Lines[0].Words() != "Before you pass the laptop on" {
				t.Errorf("asking for space showed %q", m.Lines[0].Words())
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := New(newWorld(t), CheckIn, catalog.Together, []string{"Sam", "Alex"})
			next := walk(t, r.Start(), choose("safe", "No, I don't feel safe"), formKind(SupportForm))
			if tc.choice != "" {
				support := next.(*Form)
				next = support.Take(choose("What would you like", tc.choice)(support))
			}
			tc.check(t, r, next)
		})
	}
}

// After "It was hard, or it went wrong", nothing is ticked in advance on
// what to do, alone or together: enter alone must not choose an apology,
// or anything, for people after a hard time; a check-in tomorrow starts
// out chosen for everyone; and the closing words say nothing of how
// anyone is with anyone. Unsaid, the first idea is ticked, and tomorrow
// is not.
func TestAfterAHardTimeNothingIsTickedToDoAndTomorrowIsChosen(t *testing.T) {
	for _, tc := range []struct {
		mode      catalog.Mode
		names     []string
		situation string
		wentWrong bool
		closing   string
	}{
		{catalog.Together, []string{"Sam", "Alex"}, "It was hard", true, "Thank you for checking in."},
		{catalog.Solo, []string{"Sam"}, "It was hard", true, "Take good care of yourself."},
		{catalog.Together, []string{"Sam", "Alex"}, "", false, "Take good care of each other."},
		{catalog.Solo, []string{"Sam"}, "", false, "Take good care of yourself."},
	} {
		r := New(newWorld(t), CheckIn, tc.mode, tc.names)
		var said answers
		if tc.situation != "" {
			said = situation(tc.situation)
		}
		pick := walk(t, r.Start(), said, formKind(PickForm)).(*Form)
		start := pick.Start()
		if got := start[0]; (len(got) > 0) == tc.wentWrong {
			t.Errorf("%s, situation %q: ticked %v", tc.mode, tc.situation, got)
		}
		tomorrow := slices.DeleteFunc(slices.Clone(start[len(start)-1]), func(v string) bool { return v == "" })
		if !tc.wentWrong && len(tomorrow) > 0 || tc.wentWrong && !slices.Equal(tomorrow, tc.names) {
			t.Errorf("%s, situation %q: tomorrow starts as %q", tc.mode, tc.situation, tomorrow)
		}
		save, ok := pick.Take(start).(*Save)
		if !ok {
			t.Fatalf("%s, situation %q: the check-in did not save", tc.mode, tc.situation)
		}
		done, _ := r.Saved(save, nil)
		if m, ok := done.(*Message); !ok || m.Lines[0].Words() != tc.closing {
			t.Errorf("%s, situation %q: ends with %#v, want %q", tc.mode, tc.situation, done, tc.closing)
		}
	}
}

func TestSupportIsOfferedOnceATurnUnlessGraver(t *testing.T) {
	for _, tc := range []struct {
		said  []string
		offer []bool
	}{
		{[]string{catalog.SupportLow, catalog.SupportLow}, []bool{true, false}},
		{[]string{catalog.SupportLow, catalog.SupportUnsafe}, []bool{true, true}},
		{[]string{catalog.SupportUnsafe, catalog.SupportLow}, []bool{true, false}},
		{[]string{catalog.SupportUnsafe, catalog.SupportUnsafe}, []bool{true, false}},
		{[]string{"", catalog.SupportLow}, []bool{false, true}},
	} {
		var turn Turn
		for i, said := range tc.said {
			if got := turn.offerSupport(said); got != tc.offer[i] {
				t.Errorf("%v: answer %d offered support %v, want %v", tc.said, i, got, tc.offer[i])
			}
		}
	}
}

func TestPrivateTomorrowIsSavedApartAndGoesOn(t *testing.T) {
	w := newWorld(t)
	r := New(w, CheckIn, catalog.Together, []string{"Sam", "Alex"})
	tomorrow := walk(t, r.Start(), both(choose("safe", "No, I don't feel safe"), choose("What would you like", "Carry on")), formKind(TomorrowForm)).(*Form)
	save, ok := tomorrow.Take([][]string{{"yes"}}).(*Save)
	if !ok || !save.MidRound() || save.What != "follow-up" {
		t.Fatalf("asking for tomorrow gave %#v", save)
	}
	next, ok := r.Saved(save, nil)
	if !ok {
		t.Fatal("a mid-round save that worked did not go on")
	}
	if f, isForm := next.(*Form); !isForm || f.Kind != QuestionForm {
		t.Errorf("after the private follow-up came %T, want the next question", next)
	}
	pick := walk(t, next, nil, formKind(PickForm)).(*Form)
	for _, field := range pick.Fields {
		if strings.Contains(field.Title, "tomorrow") && slices.Contains(field.Value, "Sam") {
			t.Error("Sam's private follow-up showed on the shared screen")
		}
	}
}

func TestAFailedSaveDoesNotGoOnAndAGuestIsReportedApart(t *testing.T) {
	w := newWorld(t)
	r := New(w, CheckIn, catalog.Solo, []string{"Kai"})
	save := walk(t, r.Start(), nil, nil).(*Save)
	if _, ok := r.Saved(save, errFull); ok {
		t.Error("a failed save went on as if saved")
	}
	if save.Skip() != nil {
		t.Error("skipping a failed check-in did not go home")
	}
	done, ok := r.Saved(save, &NotRemembered{Names: []string{"Kai"}, Err: errFull})
	if !ok {
		t.Fatal("a saved check-in with a guest not remembered was offered as unsaved")
	}
	m := done.(*Message)
	if m.Left != "the check-in was saved" || !strings.Contains(m.Lines[len(m.Lines)-2].Words(), "Not remembered as a person: Kai") {
		t.Errorf("done says %q / %q", m.Left, m.Lines[len(m.Lines)-2].Words())
	}
}

// A guest cannot be remembered once another run has locked the data this
// run opened: the check-in is saved, sealed, and the guest is reported
// apart, in words that say why.
func TestAGuestNotRememberedBecauseAnotherRunLockedTheDataSaysWhy(t *testing.T) {
	w := newWorld(t)
	r := New(w, CheckIn, catalog.Solo, []string{"Kai"})
	rememberKai := func(f *Form) [][]string {
		values := f.Start()
		for i, field := range f.Fields {
			if strings.Contains(field.Title, "Remember anyone") {
				values[i] = []string{"Kai"}
				return values
			}
		}
		return nil
	}
	save := walk(t, r.Start(), rememberKai, nil).(*Save)
	store := profile.Open(t.TempDir(), w.cat, true)
	t.Cleanup(store.Close)
	// A saved profile, sealed, is what a new name can no longer be
	// checked against.
	if err := store.CreateProfile(&profile.Profile{Name: "Jo"}); err != nil {
		t.Fatal(err)
	}
	other := profile.Open(store.Dir(), w.cat, true)
	key, err := profile.NewKey()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Lock(key, ""); err != nil {
		t.Fatal(err)
	}
	other.Close()

	err = save.Write(store)
	var guests *NotRemembered
	if !errors.As(err, &guests) || !errors.Is(err, errLockedSince) {
		t.Fatalf("saving gave %v, want Kai not remembered as the data was locked meanwhile", err)
	}
	done, ok := r.Saved(save, err)
	if !ok {
		t.Fatal("the saved check-in was offered as unsaved")
	}
	m := done.(*Message)
	if said := m.Lines[len(m.Lines)-2].Words(); !strings.Contains(said, "Kai: aftercare's data was locked by another run while this one was open") {
		t.Errorf("done says %q", said)
	}
}

var errFull = &testError{"no space left on device"}

type testError struct{ s string }

func (e *testError) Error() string { return e.s }

func TestWhoNamesAndRefusals(t *testing.T) {
	for _, tc := range []struct {
		ticked []string
		typed  string
		want   []string
	}{
		{nil, "", []string{"Person 1", "Person 2"}},
		{nil, "Sam", []string{"Sam", "Person 2"}},
		{nil, " Sam , Alex,,Kim ", []string{"Sam", "Alex", "Kim"}},
		{[]string{"Sam"}, "", []string{"Sam", "Person 2"}},
		{[]string{"Sam"}, "Alex", []string{"Sam", "Alex"}},
	} {
		if got := TypedNames(tc.ticked, tc.typed); !slices.Equal(got, tc.want) {
			t.Errorf("TypedNames(%v, %q) = %v, want %v", tc.ticked, tc.typed, got, tc.want)
		}
	}
	w := newWorld(t)
	f := Who(w, catalog.Together, false).(*Form)
	if err := f.Fields[0].Check([][]string{{"Sam, sam"}}); err == nil {
		t.Error("the same name twice was taken")
	}
	if err := f.Fields[0].Check([][]string{{"!!!"}}); err == nil {
		t.Error("a name with no letter or digit was taken")
	}
	w.profiles = []*profile.Profile{{Name: "Sam"}}
	f = Who(w, catalog.Together, false).(*Form)
	if err := f.Fields[1].Check([][]string{{"Sam"}, {"SAM"}}); err == nil {
		t.Error("a typed name that is a ticked one was taken")
	}
}

// Going back from the first step of a round started from who is here
// goes back to who is here, as it was answered; a round started with its
// names goes home, as before.
func TestBackFromTheFirstStepReturnsToWhoIsHere(t *testing.T) {
	w := newWorld(t)
	for _, plan := range []bool{false, true} {
		who := Who(w, catalog.Together, plan).(*Form)
		first := who.Take([][]string{{"Kim, Jo"}})
		back := first.(interface{ Back() Step }).Back()
		if back != who {
			t.Fatalf("plan %v: back from %T went to %#v, want who is here", plan, first, back)
		}
		if got := who.Start(); !slices.Equal(got[0], []string{"Kim, Jo"}) {
			t.Errorf("plan %v: who is here came back as %v", plan, got)
		}
		named := named(w, []string{"Kim", "Jo"}, plan).Start()
		if back := named.(interface{ Back() Step }).Back(); back != nil {
			t.Errorf("plan %v: back from a round started with names went to %#v, want home", plan, back)
		}
	}
}

// A name typed one slip from a saved profile's is asked about before
// anything else: "Sma" as a guest would be offered what Sam never wants.
// Enter goes on with the name as typed; saying so makes it Sam.
func TestANameOneSlipFromASavedProfileIsAskedAbout(t *testing.T) {
	w := newWorld(t)
	w.profiles = []*profile.Profile{{Name: "Sam", Never: []string{"touch"}}, {Name: "Alex"}}
	who := Who(w, catalog.Together, false).(*Form)
	asked, ok := who.Take([][]string{{"Alex"}, {"Sma"}}).(*Form)
	if !ok || len(asked.Fields) != 1 || asked.Fields[0].Title != "Did you mean Sam?" {
		t.Fatalf("after typing Sma came %#v", asked)
	}
	if got := asked.Start(); !slices.Equal(got[0], []string{"Sma"}) {
		t.Errorf("the question starts on %v, not the name as typed", got)
	}
	if back := asked.Back(); back != who {
		t.Errorf("back from the question went to %#v, not who is here", back)
	}
	guest := asked.Take(asked.Start()).(*Form)
	if r := w.began[len(w.began)-1]; !slices.Equal(r.Names(), []string{"Alex", "Sma"}) || r.People[1].Profile != nil {
		t.Errorf("going on as typed began %v", r.People)
	}
	if back := guest.Back(); back != asked {
		t.Errorf("back from the first step went to %#v, not the question", back)
	}
	asked.Take([][]string{{"Sam"}})
	if r := w.began[len(w.began)-1]; !slices.Equal(r.Names(), []string{"Alex", "Sam"}) || r.People[1].Profile == nil {
		t.Errorf("saying Sma meant Sam began %v", r.People)
	}

	for _, tc := range []struct {
		about  string
		ticked []string
		typed  string
	}{
		{"Sam is here already", []string{"Sam"}, "Sma"},
		{"two slips away", nil, "Kim"},
		{"the name itself, in any case", nil, "sam, ALEX"},
	} {
		if f, ok := who.Take([][]string{tc.ticked, {tc.typed}}).(*Form); !ok || f.Kind != SituationForm {
			t.Errorf("%s: %q was asked about", tc.about, tc.typed)
		}
	}
	if f, ok := who.Take([][]string{nil, {"Sma, Smm"}}).(*Form); !ok || len(f.Fields) != 1 {
		t.Errorf("two slips for one saved name were both asked about: %#v", f)
	}

	named := StartNamed(w, []string{"Sma", "Alex"}, false).(*Form)
	if named.Fields[0].Title != "Did you mean Sam?" || named.Back() != nil {
		t.Errorf("a check-in started with the names Sma and Alex began with %#v", named)
	}

	// A script's names are what it means: it is not asked.
	w.scripted = true
	if f, ok := StartNamed(w, []string{"Sma", "Alex"}, false).(*Form); !ok || f.Kind != SituationForm {
		t.Errorf("a script that started a check-in with Sma was asked about the name: %#v", f)
	}
	if f, ok := who.Take([][]string{nil, {"Sma"}}).(*Form); !ok || f.Kind != SituationForm {
		t.Errorf("a script that typed Sma was asked about the name")
	}
	w.scripted = false

	// Someone who has checked in before under the name is someone else.
	store := profile.Open(t.TempDir(), w.cat, true)
	if err := store.SaveSession(profile.NewCheckinSession(w.Now(), catalog.Together, "", []profile.Turn{{Name: "Sma"}, {Name: "Alex"}}, nil, "")); err != nil {
		t.Fatal(err)
	}
	history, err := store.Digest(w.Now())
	if err != nil {
		t.Fatal(err)
	}
	w.history = history
	if f, ok := who.Take([][]string{nil, {"Sma"}}).(*Form); !ok || f.Kind != SituationForm {
		t.Errorf("Sma, who has checked in before, was asked about")
	}
}

func TestAFollowUpRatesWhatWasDoneAndKeepsPrivateRatingsOut(t *testing.T) {
	w := newWorld(t)
	of := &profile.Session{ID: "20261128T220000-abc123", Mode: string(catalog.Together),
		Started: w.Now().Add(-24 * time.Hour), People: []string{"Sam", "Alex"}, Chosen: []string{"water"},
		FollowUp: &profile.FollowUp{For: []string{"Sam"}}}
	r := FollowUpOf(w, of)
	if r.Mode != catalog.Solo || r.Names()[0] != "Sam" {
		t.Fatalf("a follow-up for Sam is %v with %v", r.Mode, r.Names())
	}
	first, ok := r.Start().(*Message)
	if !ok || first.Lines[0].Words() != "This follow-up is for Sam" {
		t.Fatalf("a follow-up opens with %#v", r.Start())
	}
	rate := walk(t, first, nil, formKind(RateForm)).(*Form)
	if rate.Start()[0][0] != "" {
		t.Error("a rating starts on something other than we didn't get to it")
	}
	share := rate.Take([][]string{{catalog.DidntHelp}}).(*Form)
	if share.Kind != ShareForm {
		t.Fatalf("after rating came %v", share.Kind)
	}
	save := share.Take([][]string{{}}).(*Save)
	if len(r.rated["Sam"]) != 0 {
		t.Errorf("a rating kept private was kept: %v", r.rated["Sam"])
	}
	if save.What != "follow-up" {
		t.Errorf("saved a %q", save.What)
	}
}

// Someone who checked in alone did what they chose alone: their rating
// says "I", and the question asks how it went, not how it went for them.
func TestARatingSpeaksForWhoeverDidIt(t *testing.T) {
	for _, tc := range []struct {
		mode   catalog.Mode
		people []string
		want   string
	}{
		{catalog.Solo, []string{"Sam"}, "I didn't get to it"},
		{catalog.Together, []string{"Sam", "Alex"}, "We didn't get to it"},
	} {
		w := newWorld(t)
		of := &profile.Session{ID: "20261128T220000-abc123", Mode: string(tc.mode),
			Started: w.Now().Add(-24 * time.Hour), People: tc.people, Chosen: []string{"water"},
			FollowUp: &profile.FollowUp{For: []string{"Sam"}}}
		rate := walk(t, FollowUpOf(w, of).Start(), nil, formKind(RateForm)).(*Form)
		field := rate.Fields[0]
		if got := field.Options[0].Label; got != tc.want {
			t.Errorf("%s: a rating starts on %q, want %q", tc.mode, got, tc.want)
		}
		if strings.Contains(field.Title, "for you") {
			t.Errorf("%s: the rating asks %q", tc.mode, field.Title)
		}
	}
}

func TestAPrivateFollowUpNamesNoOneUntilItIsStartedAndOffersNoWordsForOthers(t *testing.T) {
	w := newWorld(t)
	r := FollowUpOf(w, profile.NewPrivateFollowUp(w.Now().Add(-24*time.Hour), "Alex"))
	first, ok := r.Start().(*Message)
	if !ok {
		t.Fatalf("a private follow-up opens with %#v", r.Start())
	}
	shown := first.Header
	for _, l := range first.Lines {
		shown += "\n" + l.Words()
	}
	if strings.Contains(shown, "Alex") || strings.Contains(shown, "Saturday") || !strings.Contains(shown, "privately") {
		t.Errorf("the hand-off of a private follow-up shows:\n%s", shown)
	}
	if !first.CanGoBack() {
		t.Error("someone who opened another's private follow-up cannot go back")
	}
	support, ok := walk(t, first, choose("now?", "Really low"), formKind(SupportForm)).(*Form)
	if !ok {
		t.Fatal("a really low answer brought no support")
	}
	for _, o := range support.Fields[0].Options {
		if o.Value == LeaveMessage {
			t.Errorf("a follow-up for one person alone offers %q", o.Label)
		}
	}
	for _, l := range support.Intro {
		if strings.Contains(l.Words(), "leave them a few words") {
			t.Errorf("support promises words for others no one can leave: %q", l.Words())
		}
	}
}

func TestLostNamesWhoseAnswersAStopLoses(t *testing.T) {
	w := newWorld(t)
	for _, tc := range []struct {
		kind  Kind
		names []string
		begun int
		want  string
	}{
		{CheckIn, []string{"Sam", "Alex"}, 0, "the check-in was not saved"},
		{CheckIn, []string{"Sam", "Alex"}, 2, "Sam's and Alex's answers were not saved"},
		{CheckIn, []string{SoloGuest}, 1, "your answers were not saved"},
		{Plan, []string{"Sam", "Alex"}, 1, "Sam's answers to the plan were not saved"},
	} {
		mode := catalog.Together
		if len(tc.names) == 1 {
			mode = catalog.Solo
		}
		r := New(w, tc.kind, mode, tc.names)
		r.Begun = tc.begun
		if got := r.Lost(); got != tc.want {
			t.Errorf("Lost() = %q, want %q", got, tc.want)
		}
	}
}

func TestAHistoryLineSaysTheYearOnlyWhenItIsNotThisOne(t *testing.T) {
	cat := newWorld(t).cat
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.Local)
	for _, c := range []struct {
		started time.Time
		want    string
	}{
		{time.Date(2026, 3, 28, 7, 0, 0, 0, time.Local), "Sat 28 Mar, 07:00 · Sam and Alex · after tender sex"},
		{time.Date(2025, 3, 28, 7, 0, 0, 0, time.Local), "Fri 28 Mar 2025, 07:00 · Sam and Alex · after tender sex"},
		{time.Date(2027, 1, 2, 7, 0, 0, 0, time.Local), "Sat 2 Jan 2027, 07:00 · Sam and Alex · after tender sex"},
	} {
		e := profile.SessionEntry{Session: &profile.Session{Started: c.started, People: []string{"Sam", "Alex"}, Situation: "tender"}}
		if got := EntryLine(cat, e, now); got != c.want {
			t.Errorf("started %v: %q, want %q", c.started, got, c.want)
		}
	}
}

func TestAScaleOffersRatherNotSayLastAndStartsThereUnlessTold(t *testing.T) {
	followUp := newWorld(t).cat.Question("followup-now")
	fromNought := &catalog.Question{Kind: catalog.Scale, Scale: catalog.Range{Min: 0, Max: 10}}
	for _, tc := range []struct {
		name  string
		q     *catalog.Question
		start catalog.Answer
		value string
		first string // the first option's words: the lowest point
	}{
		{"the follow-up, left unsaid", followUp, followUp.Default, "", "1 · Really low"},
		{"the follow-up, with a point said", followUp, catalog.Answer{Scale: 4}, "4", "1 · Really low"},
		{"from nought, left unsaid", fromNought, fromNought.NotSaid(), "", "0"},
		{"from nought, starting on nought", fromNought, catalog.Answer{Scale: 0}, "0", "0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := questionField(tc.q, tc.start, 1, "")
			points := f.Options[:len(f.Options)-1]
			if f.Value[0] != tc.value || f.Options[len(f.Options)-1] != (Option{catalog.RatherNotSay, ""}) || f.Options[0].Label != tc.first {
				t.Fatalf("starts on %q of %v", f.Value[0], f.Options)
			}
			if got := answerOf(tc.q, f.Value); got.Scale != tc.start.Scale || tc.q.Given(got) != (tc.value != "") {
				t.Errorf("going on answers %+v (given %v), want %+v", got, tc.q.Given(got), tc.start)
			}
			for i, o := range points {
				if a := answerOf(tc.q, []string{o.Value}); !tc.q.Given(a) || a.Scale != tc.q.Scale.Min+i {
					t.Errorf("%q answers %+v", o.Label, a)
				}
			}
		})
	}
}

func TestAFollowUpLeftOnRatherNotSayRecordsNothingOfHowSomeoneIs(t *testing.T) {
	for _, tc := range []struct {
		name   string
		answer answers
		want   string // what history keeps of how Sam is now; "" for nothing
	}{
		{"pressing enter", nil, ""},
		{"choosing rather not say", choose("now?", catalog.RatherNotSay), ""},
		{"choosing a point", choose("now?", "4"), "4 of 5"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t)
			of := &profile.Session{ID: "20261128T220000-abc123", Mode: string(catalog.Together),
				Started: w.Now().Add(-24 * time.Hour), People: []string{"Sam", "Alex"},
				FollowUp: &profile.FollowUp{For: []string{"Sam", "Alex"}}}
			r := FollowUpOf(w, of)
			var offered []string
			watch := func(f *Form) [][]string {
				if f.Kind == ShareForm {
					for _, o := range f.Fields[0].Options {
						offered = append(offered, o.Label)
					}
				}
				if tc.answer != nil {
					return tc.answer(f)
				}
				return nil
			}
			if _, ok := walk(t, r.Start(), watch, nil).(*Save); !ok {
				t.Fatal("the follow-up did not end on a save")
			}
			for _, turn := range r.Turns {
				var kept []string
				for _, s := range turn.SharedRecords(len(r.People)) {
					if s.Question == "followup-now" {
						kept = append(kept, s.Said)
					}
				}
				if want := []string{tc.want}; tc.want == "" && len(kept) > 0 || tc.want != "" && !slices.Equal(kept, want) {
					t.Errorf("%s's follow-up keeps %q of how they are now, want %q", turn.Name, kept, tc.want)
				}
			}
			if tc.want == "" && slices.ContainsFunc(offered, func(l string) bool { return strings.Contains(l, "of 5") }) {
				t.Errorf("the share screen offers %q", offered)
			}
		})
	}
}

func TestADamagedFileIsNamedByItsNameAndLine(t *testing.T) {
	cat := newWorld(t).cat
	path := "/home/sam/.local/share/aftercare/sessions/20261101T100000-abcdef.json"
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"with a line", catalog.Errors{{Path: path, Line: 4, Col: 2, Msg: "YAML syntax"}}, "cannot be read: 20261101T100000-abcdef.json, line 4"},
		{"one problem with a line", &catalog.Error{Path: path, Line: 2, Msg: "bad"}, "cannot be read: 20261101T100000-abcdef.json, line 2"},
		{"without one", errors.New("permission denied"), "cannot be read: 20261101T100000-abcdef.json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := EntryLine(cat, profile.SessionEntry{Path: path, Err: tc.err}, time.Now()); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSomeoneWhoseProfileCannotBeReadGetsOnlyQuietSuggestions(t *testing.T) {
	w := newWorld(t)
	w.unread = []profile.ProfileEntry{{Path: "/data/profiles/sam.yaml", Err: errors.New("notes: 2001 characters long")}}
	r := named(w, []string{"Sam", "Alex"}, false)
	first := r.Start().(*Form)
	said := ""
	for _, l := range first.Intro {
		said += l.Words()
	}
	if !strings.Contains(said, "Sam's saved profile (sam.yaml) cannot be read, so what Sam never wants is not known") {
		t.Errorf("the first screen says %q", said)
	}
	results, ok := walk(t, first, nil, func(s Step) bool { _, ok := s.(*Results); return ok }).(*Results)
	if !ok || !results.Result.Guarded {
		t.Fatalf("with Sam's never-list unknown, the suggestions are not quiet: %+v", results)
	}
	if others := named(w, []string{"Kai", "Alex"}, false).Start().(*Form); len(others.Intro) != 0 {
		t.Errorf("a check-in without Sam speaks of a profile: %v", others.Intro)
	}
}

// Someone shown support twice in one check-in is asked about tomorrow
// once, whatever they answered: a second yes would save a second private
// follow-up, and a no should not be asked for again.
func TestTomorrowIsOfferedOnceAPerson(t *testing.T) {
	for _, wants := range []string{"yes", ""} {
		w := newWorld(t)
		r := New(w, CheckIn, catalog.Solo, []string{"Kai"})
		answer := both(choose("okay", "No, not really"), both(choose("safe", "No, I don't feel safe"), choose("What would you like", "Carry on")))
		offered := 0
		s := r.Start()
		for n := 0; n < 200; n++ {
			s = walk(t, s, answer, formKind(TomorrowForm))
			tomorrow, ok := s.(*Form)
			if !ok {
				break
			}
			offered++
			s = tomorrow.Take([][]string{{wants}})
			if save, isSave := s.(*Save); isSave {
				if s, ok = r.Saved(save, nil); !ok {
					t.Fatal("a mid-round save that worked did not go on")
				}
			}
		}
		if offered != 1 {
			t.Errorf("answering %q, tomorrow was offered %d times to someone not okay and not safe, want once", wants, offered)
		}
	}
}

// A private follow-up is kept apart, so its closing words never claim the
// shared history holds it.
func TestAPrivateFollowUpSaysItStaysOutOfTheSharedHistory(t *testing.T) {
	w := newWorld(t)
	r := FollowUpOf(w, profile.NewPrivateFollowUp(w.Now().Add(-24*time.Hour), "Alex"))
	save, ok := walk(t, r.Start(), nil, nil).(*Save)
	if !ok {
		t.Fatal("a private follow-up never asked to save")
	}
	done, ok := r.Saved(save, nil)
	if !ok {
		t.Fatal("a saved follow-up was offered as unsaved")
	}
	var said []string
	for _, l := range done.(*Message).Lines {
		said = append(said, l.Words())
	}
	if words := strings.Join(said, "\n"); strings.Contains(words, "Saved to your history") || !strings.Contains(words, "out of the shared history") {
		t.Errorf("a private follow-up ends with:\n%s", words)
	}
}

// Together, enter alone never agrees to being touched: the first idea is
// ticked in advance only when it touches no one and is not intimate.
// situation answers what kind of time it was with the one whose label
// holds label.
func situation(label string) answers {
	return func(f *Form) [][]string {
		if f.Kind != SituationForm {
			return nil
		}
		for _, o := range f.Fields[0].Options {
			if strings.Contains(o.Label, label) {
				return [][]string{{o.Value}}
			}
		}
		return nil
	}
}

func TestTheFirstIdeaIsTickedOnlyWhenItTouchesNoOne(t *testing.T) {
	for _, tc := range []struct {
		name   string
		answer answers
		ticked bool
	}{
		{"nothing said", nil, true},
		{"after tender sex", situation("Tender"), false},
		{"after rough sex", situation("Rough"), false},
		{"both want water", choose("need right now", "Water or something to eat"), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t)
			r := New(w, CheckIn, catalog.Together, []string{"Sam", "Alex"})
			pick := walk(t, r.Start(), tc.answer, formKind(PickForm)).(*Form)
			choose := pick.Fields[0]
			for _, id := range choose.Value {
				if r.asksConsent(id) {
					t.Errorf("%q is ticked in advance", id)
				}
			}
			if got := len(choose.Value) > 0; got != tc.ticked {
				t.Errorf("something ticked in advance: %v, want %v (first idea %q)", got, tc.ticked, choose.Options[0].Value)
			}
		})
	}
}

// Changing a profile keeps what its form cannot show, such as a never
// entry that is an activity rather than a tag: an edit of the pronouns
// must not drop it from the never-list.
func TestEditingAProfileKeepsWhatTheFormCannotShow(t *testing.T) {
	w := newWorld(t)
	store := profile.Open(t.TempDir(), w.cat, true)
	sam := &profile.Profile{Name: "Sam", Never: []string{"kissing", "cuddle"}, Likes: []string{"music"},
		Needs: catalog.Weights{{Need: "warmth", Weight: 3}}}
	if err := store.CreateProfile(sam); err != nil {
		t.Fatal(err)
	}
	form := ProfileForm(w, sam)
	values := form.Start()
	values[1] = []string{"they/them"}
	// A screen can give back only what it offers, as huh's lists do.
	for i, field := range form.Fields {
		if field.Kind == Many {
			values[i] = slices.DeleteFunc(values[i], func(v string) bool {
				return !slices.ContainsFunc(field.Options, func(o Option) bool { return o.Value == v })
			})
		}
	}
	save, ok := form.Take(values).(*Save)
	if !ok {
		t.Fatalf("taking the form gave %T", form.Take(values))
	}
	if err := save.Write(store); err != nil {
		t.Fatal(err)
	}
	got, err := store.Profile("Sam")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(got.Never, "cuddle") || !slices.Contains(got.Never, "kissing") || got.Pronouns != "they/them" || got.Needs.Of("warmth") != 3 {
		t.Errorf("after changing the pronouns: %+v", got)
	}
}

// Alone, whoever was asked about tomorrow on their support screen is not
// asked again at the end; whoever asked for it but whose follow-up could
// not be saved is.
func TestTomorrowAtTheEndAlone(t *testing.T) {
	for _, tc := range []struct {
		name    string
		wants   string
		saveErr error
		askedAt bool // asked again at the end
	}{
		{"said no", "", nil, false},
		{"said yes, saved", "yes", nil, false},
		{"said yes, not saved", "yes", errFull, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t)
			r := New(w, CheckIn, catalog.Solo, []string{"Kai"})
			answer := both(choose("okay", "No, not really"), choose("What would you like", "Carry on"))
			tomorrow := walk(t, r.Start(), answer, formKind(TomorrowForm)).(*Form)
			next := tomorrow.Take([][]string{{tc.wants}})
			if save, ok := next.(*Save); ok {
				if tc.saveErr == nil {
					next, _ = r.Saved(save, nil)
				} else if _, ok := r.Saved(save, tc.saveErr); !ok {
					next = save.Skip()
				}
			}
			pick := walk(t, next, nil, formKind(PickForm)).(*Form)
			asked := slices.ContainsFunc(pick.Fields, func(f Field) bool { return strings.Contains(f.Title, "tomorrow") })
			if asked != tc.askedAt {
				t.Errorf("asked about tomorrow at the end: %v, want %v", asked, tc.askedAt)
			}
		})
	}
}

func TestWhatAsksConsent(t *testing.T) {
	w := newWorld(t)
	together := New(w, CheckIn, catalog.Together, []string{"Sam", "Alex"})
	alone := New(w, CheckIn, catalog.Solo, []string{"Kai"})
	for _, tc := range []struct {
		round *Round
		id    string
		want  bool
	}{
		{together, "glass-of-water", false},
		{together, "cuddle", true},
		{together, "forehead-kisses", true},
		{together, "no-such-idea", true},
		{alone, "cuddle", false},
	} {
		if got := tc.round.asksConsent(tc.id); got != tc.want {
			t.Errorf("%s (%s): asksConsent = %v, want %v", tc.id, tc.round.Mode, got, tc.want)
		}
	}
	for _, a := range w.cat.Activities {
		for _, tag := range a.Tags {
			if tg := w.cat.Tag(tag); tg != nil && tg.Guard && a.Contact == "none" && a.Mode != catalog.Solo && !together.asksConsent(a.ID) {
				t.Errorf("%s, tagged %s, can be ticked in advance together", a.ID, tag)
			}
		}
	}
}

// Someone who was not there, or after it went wrong, is never asked to
// say what they liked, and nobody at the other end of a call is asked to
// hold anyone: each option
// is left out after the kind of time it does not fit, and offered after
// others.
func TestAnOptionIsLeftOutAfterASituationItDoesNotFit(t *testing.T) {
	for _, tc := range []struct {
		name    string
		answer  answers
		option  string
		offered bool
	}{
		{"nothing said", nil, "tell-me", true},
		{"back from someone else", situation("Back from time with someone else"), "tell-me", false},
		{"after it went wrong", situation("It was hard, or it went wrong"), "tell-me", false},
		{"nothing said", nil, "hold-me", true},
		{"apart", situation("Apart, on a call or by message"), "hold-me", false},
		{"apart", situation("Apart, on a call or by message"), "bring-water", false},
		{"apart", situation("Apart, on a call or by message"), "stay-quiet", true},
	} {
		t.Run(tc.name+", "+tc.option, func(t *testing.T) {
			r := New(newWorld(t), CheckIn, catalog.Together, []string{"Sam", "Alex"})
			asks := func(s Step) bool {
				f, ok := s.(*Form)
				return ok && f.Kind == QuestionForm && strings.HasPrefix(f.Fields[0].Title, "Is there anything your partner could do")
			}
			f, ok := walk(t, r.Start(), tc.answer, asks).(*Form)
			if !ok {
				t.Fatal("nobody was asked what the others could do")
			}
			if got := slices.ContainsFunc(f.Fields[0].Options, func(o Option) bool { return o.Value == tc.option }); got != tc.offered {
				t.Errorf("%s offered: %v, want %v", tc.option, got, tc.offered)
			}
		})
	}
}

// Someone who says they feel low, where the others can see it or, alone,
// in what they keep, finds a check-in tomorrow chosen already: a drop can
// come a day later, and enter should not turn it down for them. What they
// keep private changes nothing, so the choice gives nothing away.
func TestACheckinTomorrowStartsChosenForSomeoneWhoSaysTheyFeelLow(t *testing.T) {
	keepNothing := func(f *Form) [][]string {
		if f.Kind == ShareForm {
			return [][]string{{}}
		}
		return nil
	}
	sad := func(f *Form) [][]string {
		if f.Kind == QuestionForm && strings.Contains(f.Fields[0].Title, "feeling?") {
			return [][]string{{"sad"}}
		}
		return nil
	}
	for _, tc := range []struct {
		name   string
		names  []string
		answer answers
		want   []string
	}{
		{"alone, saying nothing", []string{"Sam"}, nil, []string{""}},
		{"alone, wobbly and kept", []string{"Sam"}, choose("okay", "wobbly"), []string{"Sam"}},
		{"alone, sad and kept", []string{"Sam"}, sad, []string{"Sam"}},
		{"alone, wobbly and not kept", []string{"Sam"}, both(keepNothing, choose("okay", "wobbly")), []string{""}},
		{"alone, fine", []string{"Sam"}, choose("okay", "really good"), []string{""}},
		{"together, sad and shared", []string{"Sam", "Alex"}, sad, []string{"Sam", "Alex"}},
		{"together, sad and kept private", []string{"Sam", "Alex"}, both(keepNothing, sad), []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := named(newWorld(t), tc.names, false)
			pick, ok := walk(t, r.Start(), tc.answer, formKind(PickForm)).(*Form)
			if !ok {
				t.Fatal("nobody was asked what they will do")
			}
			later := slices.IndexFunc(pick.Fields, func(f Field) bool { return strings.Contains(f.Title, "check-in tomorrow") })
			if later < 0 {
				t.Fatal("nobody was offered a check-in tomorrow")
			}
			if got := pick.Start()[later]; !slices.Equal(got, tc.want) {
				t.Errorf("a check-in tomorrow starts on %q, want %q", got, tc.want)
			}
		})
	}
}

// Alone, someone who feels low finds the private check-in tomorrow chosen
// already, as anyone alone who says they feel low does; together, or
// after an unsafe answer, it starts on no, since a follow-up waiting can
// be seen by the others, or by the reason.
func TestTheCheckOnYouTomorrowStartsOnYesOnlyAloneAndLow(t *testing.T) {
	for _, tc := range []struct {
		name   string
		names  []string
		answer answers
		want   string
	}{
		{"alone, not okay", []string{"Sam"}, choose("okay", "No, not really"), "yes"},
		{"alone, not safe", []string{"Sam"}, choose("safe", "No, I don't feel safe"), ""},
		{"together, not okay", []string{"Sam", "Alex"}, choose("okay", "No, not really"), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := named(newWorld(t), tc.names, false)
			carryOn := func(f *Form) [][]string {
				if f.Kind == SupportForm {
					return [][]string{{CarryOn}}
				}
				return tc.answer(f)
			}
			f, ok := walk(t, r.Start(), carryOn, formKind(TomorrowForm)).(*Form)
			if !ok {
				t.Fatal("nobody was offered a check-in tomorrow privately")
			}
			if got := f.Start()[0]; !slices.Equal(got, []string{tc.want}) {
				t.Errorf("it starts on %q, want %q", got, tc.want)
			}
		})
	}
}

// Alone, nobody is asked whether to avoid kissing or eye contact: nothing
// offered to someone alone has either. Together, both are asked.
func TestAnOptionForPeopleTogetherIsNotOfferedAlone(t *testing.T) {
	for _, tc := range []struct {
		names   []string
		offered bool
	}{{[]string{"Sam"}, false}, {[]string{"Sam", "Alex"}, true}} {
		r := named(newWorld(t), tc.names, false)
		asks := func(s Step) bool {
			f, ok := s.(*Form)
			return ok && f.Kind == QuestionForm && strings.Contains(f.Fields[0].Title, "to avoid right now?")
		}
		f, ok := walk(t, r.Start(), nil, asks).(*Form)
		if !ok {
			t.Fatalf("%v: nobody was asked what to avoid", tc.names)
		}
		for _, id := range []string{"kissing", "eye-contact"} {
			if got := slices.ContainsFunc(f.Fields[0].Options, func(o Option) bool { return o.Value == id }); got != tc.offered {
				t.Errorf("%v: %s offered: %v, want %v", tc.names, id, got, tc.offered)
			}
		}
		if !slices.ContainsFunc(f.Fields[0].Options, func(o Option) bool { return o.Value == "touch" }) {
			t.Errorf("%v: touch is not offered", tc.names)
		}
	}
}

// Care from someone who was not there does not go over that time: nobody
// is asked what should be different next time; after any other time they
// are. Whether a line was crossed is asked either way.
func TestAQuestionIsLeftOutAfterASituationItDoesNotFit(t *testing.T) {
	for _, tc := range []struct {
		name  string
		label string
		asked bool
	}{{"back from someone else", "Back from time with someone else", false}, {"tender", "Tender, gentle sex", true}} {
		t.Run(tc.name, func(t *testing.T) {
			r := New(newWorld(t), CheckIn, catalog.Together, []string{"Sam", "Alex"})
			var titles []string
			watch := func(f *Form) [][]string {
				if f.Kind == QuestionForm {
					titles = append(titles, f.Fields[0].Title)
				}
				return situation(tc.label)(f)
			}
			walk(t, r.Start(), watch, func(s Step) bool { _, ok := s.(*Results); return ok })
			if got := slices.ContainsFunc(titles, func(s string) bool { return strings.Contains(s, "different next time") }); got != tc.asked {
				t.Errorf("asked what should be different next time: %v, want %v", got, tc.asked)
			}
			if !slices.ContainsFunc(titles, func(s string) bool { return strings.Contains(s, "boundary crossed") }) {
				t.Error("nobody was asked whether a boundary was crossed")
			}
		})
	}
}

// named is the round StartNamed starts when nothing needs asking first,
// for a test to look inside.
func named(env Env, names []string, plan bool) *Round {
	kind, mode := namedKind(len(names), plan)
	return New(env, kind, mode, names)
}
