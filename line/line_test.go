package line

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/flow"
	"github.com/aftercare-tui/aftercare/profile"
)

var update = flag.Bool("update", false, "rewrite the transcripts in testdata")

// now is when every transcript runs: late on a Sunday evening.
var now = time.Date(2026, 11, 29, 23, 0, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	// Days and times are shown in local time; the transcripts are UTC.
	time.Local = time.UTC
	os.Exit(m.Run())
}

// transcript is a run through a pipe: what was typed, a line each, and
// all that was written.
type transcript struct {
	t     *testing.T
	store *profile.Store
	cat   *catalog.Catalog
	out   bytes.Buffer
	// interactive runs it as for a person at a terminal.
	interactive bool
}

func newTranscript(t *testing.T) *transcript {
	t.Helper()
	cat, err := catalog.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	return &transcript{t: t, cat: cat, store: profile.Open(filepath.Join(t.TempDir(), "data"), cat, true)}
}

// run runs aftercare in lines from start with these lines typed.
func (tr *transcript) run(start Start, typed ...string) error {
	tr.t.Helper()
	history, err := tr.store.Digest(now)
	if err != nil {
		tr.t.Fatal(err)
	}
	entries, err := tr.store.Profiles()
	if err != nil {
		tr.t.Fatal(err)
	}
	profiles, _ := profile.SplitProfiles(entries)
	in := strings.NewReader("")
	if len(typed) > 0 {
		in = strings.NewReader(strings.Join(typed, "\n") + "\n")
	}
	tr.out.Reset()
	return Run(context.Background(), Options{In: in, Out: &tr.out, Interactive: tr.interactive, Catalog: tr.cat, Store: tr.store,
		Config:   &profile.Config{Settings: profile.Settings{KeepHistory: true, Region: "GB", DefaultMinutes: 30}},
		Profiles: profiles, History: history, Now: func() time.Time { return now }, Start: start})
}

// golden compares what was written with testdata/name.txt.
func (tr *transcript) golden(name string) {
	tr.t.Helper()
	path := filepath.Join("testdata", name+".txt")
	if *update {
		if err := os.WriteFile(path, tr.out.Bytes(), 0o600); err != nil {
			tr.t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tr.t.Fatal(err)
	}
	if !bytes.Equal(tr.out.Bytes(), want) {
		tr.t.Errorf("the transcript differs from %s (go test ./line -update to rewrite it, then read the difference):\n%s", path, tr.out.String())
	}
	if bytes.ContainsRune(tr.out.Bytes(), 0x1b) {
		tr.t.Error("the transcript holds an escape code")
	}
}

// saved are the records saved so far.
func (tr *transcript) saved() []*profile.Session {
	tr.t.Helper()
	var out []*profile.Session
	entries, err := tr.store.Sessions()
	if err != nil {
		tr.t.Fatal(err)
	}
	for _, e := range entries {
		if e.Err != nil {
			tr.t.Fatal(e.Err)
		}
		out = append(out, e.Session)
	}
	return out
}

func enters(n int) []string { return make([]string, n) }

func TestACheckinAloneWithEnterAlone(t *testing.T) {
	tr := newTranscript(t)
	if err := tr.run(Start{Names: []string{"Kai"}}, enters(40)...); err != nil {
		t.Fatal(err)
	}
	tr.golden("alone")
	saved := tr.saved()
	if len(saved) != 1 || saved[0].Mode != "solo" || saved[0].People[0] != "Kai" {
		t.Fatalf("saved %+v", saved)
	}
}

// sams are Sam's answers to a check-in together: "I'd rather not say" is
// 1, and the text question takes words that stay private.
const samsSecret = "the rope left my wrist numb"

func TestACheckinOfThreeKeepsEachTurnToItself(t *testing.T) {
	tr := newTranscript(t)
	typed := []string{
		"2",             // a gentle time
		"",              // Sam's hand-off
		"Yes, I'm okay", // by its words
		"2",             // safe
		"1,3",           // calm, tender
		"6",             // water
		"", "", "1", "", "", "",
		samsSecret,
		"1,2", // share only the first two
		"",    // Alex's hand-off
	}
	typed = append(typed, enters(40)...)
	if err := tr.run(Start{Names: []string{"Sam", "Alex", "Kim"}}, typed...); err != nil {
		t.Fatal(err)
	}
	tr.golden("three")
	out := tr.out.String()
	handoff := strings.Index(out, "Alex's turn")
	if handoff < 0 {
		t.Fatal("no hand-off to Alex")
	}
	if !strings.Contains(out[:handoff], samsSecret) {
		t.Error("Sam did not see their own words to choose whether to share them")
	}
	if strings.Contains(out[handoff:], samsSecret) {
		t.Error("Sam's private words were written after Sam's turn")
	}
	if strings.Contains(out, "your partner") {
		t.Error("three people were asked about \"your partner\"")
	}
	saved := tr.saved()
	if len(saved) != 1 || len(saved[0].People) != 3 {
		t.Fatalf("saved %+v", saved)
	}
	for _, shared := range saved[0].Shared {
		for _, s := range shared {
			if strings.Contains(s.Said, "rope") {
				t.Errorf("Sam's private words were saved: %q", s.Said)
			}
		}
	}
}

func TestNotSafeBringsSupportToThatPersonAlone(t *testing.T) {
	tr := newTranscript(t)
	typed := []string{
		"",                      // skip what kind of time
		"",                      // Sam's hand-off
		"",                      // are you okay
		"No, I don't feel safe", // by its words
		"",                      // carry on
		"",                      // no follow-up tomorrow
	}
	typed = append(typed, enters(60)...)
	if err := tr.run(Start{Names: []string{"Sam", "Alex"}}, typed...); err != nil {
		t.Fatal(err)
	}
	tr.golden("not-safe")
	out := tr.out.String()
	handoff := strings.Index(out, "Alex's turn")
	support := strings.Index(out, "Thank you for saying so.")
	if support < 0 || handoff < support {
		t.Fatalf("support came at %d, Alex's turn at %d", support, handoff)
	}
	if strings.Count(out, "Thank you for saying so.") != 1 {
		t.Error("support was shown more than once")
	}
	pick := out[strings.Index(out, "What will you do?"):]
	if !strings.Contains(pick, "enter for none") {
		t.Error("after a private not safe, something was chosen already")
	}
	saved := tr.saved()
	if len(saved) != 1 || len(saved[0].Chosen) != 0 {
		t.Fatalf("saved %+v", saved)
	}
}

func TestAPlanThenACheckinThatStartsFromIt(t *testing.T) {
	tr := newTranscript(t)
	if err := tr.run(Start{Names: []string{"Sam", "Alex"}, Plan: true}, enters(40)...); err != nil {
		t.Fatal(err)
	}
	tr.golden("plan")
	saved := tr.saved()
	if len(saved) != 1 || saved[0].Kind != profile.Plan {
		t.Fatalf("saved %+v", saved)
	}
}

func TestAFollowUpForOneOfTwo(t *testing.T) {
	tr := newTranscript(t)
	of := &profile.Session{ID: "20261128T220000-abc123", Started: now.Add(-25 * time.Hour), Mode: string(catalog.Together),
		People: []string{"Sam", "Alex"}, Chosen: []string{"reassuring-words"}, Shared: map[string][]profile.Shared{},
		FollowUp: &profile.FollowUp{For: []string{"Sam"}}}
	if err := tr.store.SaveSession(of); err != nil {
		t.Fatal(err)
	}
	// Enter past the hand-off, "2" on how Sam is now, then past the support
	// that a low answer brings and the three other questions, to the rating.
	typed := append([]string{"", "2", "", "", "", "", "It helped"}, enters(20)...)
	if err := tr.run(Start{FollowUp: of}, typed...); err != nil {
		t.Fatal(err)
	}
	tr.golden("follow-up")
	got, err := tr.store.Session(of.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.FollowUp.Done == nil {
		t.Error("the follow-up was not recorded as done")
	}
	if len(got.Ratings) != 1 || got.Ratings[0].Rating != catalog.Helped {
		t.Errorf("the rating, kept by enter, came out as %v", got.Ratings)
	}
}

func TestInputThatEndsEarlySavesNothingAndSaysWhose(t *testing.T) {
	tr := newTranscript(t)
	err := tr.run(Start{Names: []string{"Sam", "Alex"}}, "", "", "", "")
	var stopped *Stopped
	if !errors.As(err, &stopped) || stopped.Interrupted || stopped.Left != "Sam's answers were not saved" {
		t.Fatalf("err = %v", err)
	}
	if saved := tr.saved(); len(saved) != 0 {
		t.Errorf("saved %d records", len(saved))
	}
	err = tr.run(Start{Names: []string{"Kai"}})
	if !errors.As(err, &stopped) || stopped.Lost || stopped.Left != "the check-in was not saved" {
		t.Fatalf("with no input at all: %v", err)
	}
}

func TestAStopWaitsForNoOneAndSaysWhatWasLost(t *testing.T) {
	tr := newTranscript(t)
	ctx, cancel := context.WithCancel(context.Background())
	in, typing := newPipe()
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{In: in, Out: &bytes.Buffer{}, Catalog: tr.cat, Store: tr.store, Now: func() time.Time { return now },
			Start: Start{Names: []string{"Kai"}}})
	}()
	typing <- "\n\n"
	cancel()
	err := <-done
	var stopped *Stopped
	if !errors.As(err, &stopped) || !stopped.Interrupted {
		t.Fatalf("err = %v", err)
	}
	close(typing)
}

func TestAnswersByNumberLabelAndHelp(t *testing.T) {
	tr := newTranscript(t)
	typed := []string{"?", "99", "rough", "", "", "", "warm", "Water or something to eat, To be held", "x,1", "1 2"}
	typed = append(typed, enters(40)...)
	if err := tr.run(Start{Names: []string{"Kai"}}, typed...); err != nil {
		t.Fatal(err)
	}
	tr.golden("answers")
	out := tr.out.String()
	for _, want := range []string{
		"Type the number of one option",
		"There is no option 99. Type a number from 1 to",
		"Chosen: Rough or hard sex.",
		"There is no option “x,1”.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the transcript does not say %q", want)
		}
	}
}

func TestHomeLeavesAtTheEndOfTheInput(t *testing.T) {
	tr := newTranscript(t)
	if err := tr.run(Start{}); err != nil {
		t.Fatalf("home with no input: %v", err)
	}
	if err := tr.run(Start{}, "Support", "People", "Add someone", "Jo", "", "", "", "", "", "", "", "History", "Leave"); err != nil {
		t.Fatal(err)
	}
	tr.golden("home")
	if _, err := tr.store.Profile("Jo"); err != nil {
		t.Errorf("Jo was not saved: %v", err)
	}
}

// A script that answers every question with enter, for as long as it
// runs, checks in once and leaves: once something is done, enter alone at
// home leaves.
func TestEnterForEverAtHomeChecksInOnce(t *testing.T) {
	tr := newTranscript(t)
	if err := tr.run(Start{}, enters(500)...); err != nil {
		t.Fatal(err)
	}
	saved := tr.saved()
	if len(saved) != 1 {
		t.Fatalf("saved %d check-ins, want 1", len(saved))
	}
	// The question said what enter would do, and it did.
	if !strings.Contains(tr.out.String(), "Who is here? (a line of words, or enter for two of you)") || len(saved[0].People) != 2 {
		t.Errorf("who is here: enter said one thing and did another (%d people)", len(saved[0].People))
	}
}

// Input that ends where nothing is under way, after a check-in was saved,
// loses nothing: the saved round is not said to be lost.
func TestInputEndingAfterASavedRoundLosesNothing(t *testing.T) {
	tr := newTranscript(t)
	typed := append([]string{"2"}, enters(14)...)
	err := tr.run(Start{}, append(typed, "1")...)
	if len(tr.saved()) != 1 {
		t.Fatalf("saved %d check-ins, want 1:\n%s", len(tr.saved()), tr.out.String())
	}
	if err != nil {
		t.Errorf("the input ending at who is here after a saved check-in: %v", err)
	}
}

// After a save that failed, "Go home without saving" goes home, as it
// says and as the full screen does, rather than out of the program; and
// there, as after anything, enter leaves.
func TestGoingHomeWithoutSavingGoesHome(t *testing.T) {
	tr := newTranscript(t)
	// A file where the check-ins' folder belongs: every save fails.
	if err := os.MkdirAll(tr.store.Dir(), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tr.store.Dir(), "sessions"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	var typed []string
	for range 60 {
		typed = append(typed, "")
	}
	in := strings.NewReader(strings.Join(append(typed, "Go home without saving", ""), "\n") + "\n")
	err := Run(context.Background(), Options{In: in, Out: &tr.out, Catalog: tr.cat, Store: tr.store, Interactive: true,
		Config: &profile.Config{Settings: profile.Settings{KeepHistory: true, Region: "GB", DefaultMinutes: 30}},
		Now:    func() time.Time { return now }, Start: Start{Names: []string{"Kai"}}})
	if err != nil {
		t.Fatal(err)
	}
	out := tr.out.String()
	failed := strings.Index(out, "could not be saved")
	if failed < 0 || !strings.Contains(out[failed:], "Nothing was saved.\n") || !strings.Contains(out[failed:], "What would you like to do?") {
		t.Errorf("after going without saving, no home:\n%s", out[max(failed, 0):])
	}
	if strings.Contains(out[max(failed, 0):], "Who is here?") {
		t.Errorf("enter at home after going without saving began another check-in:\n%s", out[max(failed, 0):])
	}
}

// A person at a terminal that cannot be cleared is told at each hand-off
// that the answers before are still there.
func TestAHandOffThatCannotClearSaysSo(t *testing.T) {
	tr := newTranscript(t)
	in := strings.NewReader(strings.Repeat("\n", 80))
	err := Run(context.Background(), Options{In: in, Out: &tr.out, Catalog: tr.cat, Store: tr.store, Interactive: true,
		Config: &profile.Config{Settings: profile.Settings{KeepHistory: true, Region: "GB", DefaultMinutes: 30}},
		Now:    func() time.Time { return now }, Start: Start{Names: []string{"Sam", "Alex"}}})
	if err != nil {
		t.Fatal(err)
	}
	out := tr.out.String()
	if got := strings.Count(out, "This terminal cannot be cleared, so what was answered before is still above this line."); got < 2 {
		t.Errorf("said %d times that the terminal cannot be cleared, want at each hand-off:\n%s", got, out)
	}
	if strings.Contains(out, "Screen cleared") {
		t.Error("a terminal that cannot be cleared was said to be cleared")
	}
}

func TestALongListIsCountedAndFoundByItsWords(t *testing.T) {
	tr := newTranscript(t)
	typed := []string{"People", "Add someone", "Jo", "", "", "", "", "ca", "Music, Cuddle up"}
	typed = append(typed, enters(3)...)
	if err := tr.run(Start{}, append(typed, "Leave")...); err != nil {
		t.Fatal(err)
	}
	out := tr.out.String()
	for _, want := range []string{
		"What do you enjoy? (any number, like 1,3; enter for none)\nThere are ",
		"More than one option starts with “ca”: ",
		"Chosen: Music; Cuddle up.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the transcript does not say %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\n40) ") {
		t.Error("the long list was read out whole")
	}
	jo, err := tr.store.Profile("Jo")
	if err != nil {
		t.Fatalf("Jo was not saved: %v", err)
	}
	if len(jo.Likes) != 2 {
		t.Errorf("Jo enjoys %q, want music and cuddling up", jo.Likes)
	}
}

// newPipe is an input someone types into slowly.
func newPipe() (*pipeReader, chan string) {
	typing := make(chan string)
	return &pipeReader{typing: typing}, typing
}

type pipeReader struct {
	typing chan string
	left   string
}

func (p *pipeReader) Read(b []byte) (int, error) {
	if p.left == "" {
		s, ok := <-p.typing
		if !ok {
			return 0, errors.New("closed")
		}
		p.left = s
	}
	n := copy(b, p.left)
	p.left = p.left[n:]
	return n, nil
}

func TestOptionsAreFoundByTheirWholeWords(t *testing.T) {
	feelings := flowField(flow.Many, "Calm, settled", "Tender", "Less light, noise and fuss")
	scale := flowField(flow.One, "1 · Really low", "2", "3", "4", "5 · Really good")
	for _, tc := range []struct {
		name  string
		typed string
		field flow.Field
		want  []string
	}{
		{"a label with a comma", "Calm, settled", feelings, []string{"0"}},
		{"two labels with commas", "less light, noise and fuss, calm, settled", feelings, []string{"2", "0"}},
		{"a label with a comma, typed tight", "calm,settled,tender", feelings, []string{"0", "1"}},
		{"a number and a label", "2, Calm, settled", feelings, []string{"1", "0"}},
		{"the start of a label", "less", feelings, []string{"2"}},
		{"a point's words", "really low", scale, []string{"0"}},
		{"the start of a point's words", "really g", scale, []string{"4"}},
		{"a point's number", "4", scale, []string{"3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, problem := parse(tc.field, nil, tc.typed)
			if problem != "" || strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("%q gives %q (%s), want %q", tc.typed, got, problem, tc.want)
			}
		})
	}
}

// The longest line kept, pasted as choices, is read as the choices it
// names: joining parts again to find a label with a comma in it stops at
// the most parts any label holds, where it once tried every run of parts
// and never finished.
func TestTheLongestLineOfChoicesIsRead(t *testing.T) {
	feelings := flowField(flow.Many, "Calm, settled", "Tender", "Less light, noise and fuss")
	for _, typed := range []string{
		strings.Repeat("1,", maxLine/2),
		strings.Repeat("calm, settled, ", maxLine/15),
		strings.Repeat("tender,", maxLine/7-1) + "less light, noise and fuss",
	} {
		got, problem := parse(feelings, nil, typed)
		want := map[byte][]string{'1': {"0"}, 'c': {"0"}, 't': {"1", "2"}}[typed[0]]
		if problem != "" || strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%.20q... gives %q (%s), want %q", typed, got, problem, want)
		}
	}
}

func TestAWrongAnswerIsSaidBackShort(t *testing.T) {
	_, problem := parse(flowField(flow.One, "Yes", "No"), nil, strings.Repeat("a", 70000))
	if problem == "" || len(problem) > 120 || !strings.Contains(problem, "…") {
		t.Errorf("a long wrong answer is said back as %d bytes: %.120q", len(problem), problem)
	}
}

func TestBackFromTheFirstStepGoesHomeSayingNothingWasSaved(t *testing.T) {
	tr := newTranscript(t)
	if err := tr.run(Start{Names: []string{"Sam", "Alex"}}, "back", "Leave"); err != nil {
		t.Fatalf("back, then leave: %v", err)
	}
	out := tr.out.String()
	if !strings.Contains(out, "Nothing was saved.\naftercare. Answer each question") {
		t.Errorf("going back from the first question did not go home:\n%s", out)
	}
	if len(tr.saved()) != 0 {
		t.Error("going back saved something")
	}
}

func TestAHandoffSaysWhatCanBeTypedAndGoesBackWhereItCan(t *testing.T) {
	tr := newTranscript(t)
	err := tr.run(Start{Names: []string{"Sam", "Alex"}}, "", "?", "back")
	var stopped *Stopped
	if !errors.As(err, &stopped) {
		t.Fatalf("the input ended with %v", err)
	}
	out := tr.out.String()
	if !strings.Contains(out, "Press enter to start my turn, or type back to go back a step.") {
		t.Errorf("? at a hand-off does not say what can be typed:\n%s", out)
	}
	if strings.Count(out, "What kind of time was it?") != 2 || strings.Contains(out, "Are you okay?") {
		t.Errorf("back at the first hand-off did not go back to the first question:\n%s", out)
	}
}

func TestTypedCharactersThatCannotBeKeptAreSaidToBeLeftOut(t *testing.T) {
	tr := newTranscript(t)
	typed := append([]string{"People", "Add someone", "Jo\x1b[31m", "\xff"}, enters(7)...)
	if err := tr.run(Start{}, append(typed, "Leave")...); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(tr.out.String(), "so they were left out."); got != 2 {
		t.Errorf("said %d times that characters were left out, want 2 (a name and pronouns):\n%s", got, tr.out.String())
	}
}

func TestAnAnswerTooLongIsSaidToBeCutWithItsLimitAsPeopleReadIt(t *testing.T) {
	tr := newTranscript(t)
	typed := slices.Concat(enters(7), []string{strings.Repeat("warm ", 300)}, enters(40))
	if err := tr.run(Start{Names: []string{"Kai"}}, typed...); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(tr.out.String(), "Cut short to 1,000 characters, the most this holds.") {
		t.Errorf("nothing said a 1,500-character answer was cut:\n%s", tr.out.String())
	}
}

// flowField is a field of kind with options labelled as given, valued by
// their place: "0", "1", …
func flowField(kind flow.FieldKind, labels ...string) flow.Field {
	f := flow.Field{Kind: kind}
	for i, l := range labels {
		f.Options = append(f.Options, flow.Option{Label: l, Value: strconv.Itoa(i)})
	}
	return f
}

func TestLockedHomeSaysWhatWaitsAndOffersThePassphraseAgain(t *testing.T) {
	for _, tc := range []struct {
		name   string
		unlock func() (bool, error)
		typed  []string
		want   []string
		absent string
	}{
		{"where it can be asked", func() (bool, error) { return true, nil }, []string{"History", "Leave"},
			[]string{"2 follow-ups are waiting, locked.", "Unlock: type the passphrase to open what is saved",
				"Your history is still here, locked. Type the passphrase to open it, or press enter alone to leave it locked.", "Opened.", "No check-ins saved yet."},
			"Type the passphrase now?"},
		{"asked for", func() (bool, error) { return true, nil }, []string{"Unlock", "Leave"},
			[]string{"What is saved is locked. Type the passphrase", "Opened."}, "Type the passphrase now?"},
		{"kept locked", func() (bool, error) { return false, nil }, []string{"People", "Leave"},
			[]string{"Saved people are still here, locked.", "It stays locked."}, "Opened."},
		{"where it cannot be asked", nil, []string{"History", "Leave"},
			[]string{"2 follow-ups are waiting, locked.", "Your history is still here, locked. Open aftercare with the passphrase to read it."}, "Unlock:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := newTranscript(t)
			err := Run(context.Background(), Options{In: strings.NewReader(strings.Join(tc.typed, "\n") + "\n"), Out: &tr.out, Catalog: tr.cat, Store: tr.store,
				Locked: true, DueLocked: 2, Unlock: tc.unlock, Now: func() time.Time { return now }})
			if err != nil {
				t.Fatal(err)
			}
			out := tr.out.String()
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("the transcript does not say %q:\n%s", w, out)
				}
			}
			if tc.absent != "" && strings.Contains(out, tc.absent) {
				t.Errorf("the transcript says %q:\n%s", tc.absent, out)
			}
		})
	}
}

// The History count says how many of the entries it lists are files that
// cannot be read, which are listed by name among the check-ins.
func TestHistorySaysHowManyEntriesAreFilesThatCannotBeRead(t *testing.T) {
	tr := newTranscript(t)
	s := profile.NewCheckinSession(now.Add(-time.Hour), catalog.Together, "tender", []profile.Turn{{Name: "Sam"}, {Name: "Alex"}}, []string{"make-tea"}, "")
	if err := tr.store.SaveSession(s); err != nil {
		t.Fatal(err)
	}
	damaged := filepath.Join(tr.store.Dir(), "sessions", "20261129-200000-abcd.json")
	if err := os.WriteFile(damaged, []byte("{\n  \"id\": \n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := tr.run(Start{}, "History", "1", "Leave"); err != nil {
		t.Fatal(err)
	}
	out := tr.out.String()
	for _, want := range []string{"Entries 1 to 2 of 2, newest first; one of them is a file that cannot be read.", "cannot be read: 20261129-200000-abcd.json", "Sam and Alex"} {
		if !strings.Contains(out, want) {
			t.Errorf("%q is not said:\n%s", want, out)
		}
	}
}

func TestSeveralNumbersForOneAnswerAskForOne(t *testing.T) {
	for _, typed := range []string{"1,3", "1 2", "2, 2"} {
		_, problem := parse(flowField(flow.One, "Yes", "No", "Not sure"), nil, typed)
		if problem != "Only one answer here." {
			t.Errorf("%q for one answer says %q", typed, problem)
		}
	}
}

// A name given one slip from a saved profile's is asked about first, in
// lines as on the full screen: enter keeps it as typed, 2 makes it Sam. A
// script is not asked, so its next answer goes where it was meant to.
func TestANameOneSlipFromASavedProfileIsAskedAboutInLines(t *testing.T) {
	for _, tc := range []struct {
		answer string
		want   []string
	}{
		{"", []string{"Sma", "Alex"}},
		{"2", []string{"Sam", "Alex"}},
	} {
		tr := newTranscript(t)
		tr.interactive = true
		if err := tr.store.CreateProfile(&profile.Profile{Name: "Sam", Never: []string{"touch"}}); err != nil {
			t.Fatal(err)
		}
		if err := tr.run(Start{Names: []string{"Sma", "Alex"}}, append([]string{tc.answer}, enters(60)...)...); err != nil {
			t.Fatal(err)
		}
		out := tr.out.String()
		if !strings.HasPrefix(out, "Who is here.\nDid you mean Sam? (enter for 1)\n") {
			t.Errorf("answering %q, the run began:\n%s", tc.answer, out[:min(len(out), 300)])
		}
		if saved := tr.saved(); len(saved) != 1 || !slices.Equal(saved[0].People, tc.want) {
			t.Errorf("answering %q saved %+v, want %v", tc.answer, saved, tc.want)
		}
	}
}

func TestAScriptIsNotAskedWhetherANameMeantASavedProfile(t *testing.T) {
	tr := newTranscript(t)
	if err := tr.store.CreateProfile(&profile.Profile{Name: "Sam"}); err != nil {
		t.Fatal(err)
	}
	// Enter skips the kind of time, enter starts Sma's turn, and 3 is
	// meant for "Are you okay?".
	if err := tr.run(Start{Names: []string{"Sma", "Alex"}}, append([]string{"", "", "3"}, enters(60)...)...); err != nil {
		t.Fatal(err)
	}
	if out := tr.out.String(); strings.Contains(out, "Did you mean") {
		t.Errorf("a script was asked about a name:\n%s", out[:min(len(out), 300)])
	}
	saved := tr.saved()
	if len(saved) != 1 || !slices.Equal(saved[0].People, []string{"Sma", "Alex"}) {
		t.Fatalf("saved %+v, want one check-in of Sma and Alex", saved)
	}
	if shared := saved[0].Shared["Sma"]; len(shared) == 0 || shared[0].Said != "I'm really good" {
		t.Errorf("Sma's shared answers %+v, want the 3 typed for the first question", shared)
	}

	// Nor when it types the names on the who screen, from home.
	if err := tr.run(Start{}, append([]string{"1", "", "Sal, Alex"}, enters(60)...)...); err != nil {
		t.Fatal(err)
	}
	if out := tr.out.String(); strings.Contains(out, "Did you mean") || !strings.Contains(out, "Anyone else?") {
		t.Errorf("a script typing names on the who screen was asked about one, or not asked for names:\n%s", out[:min(len(out), 1500)])
	}
	if saved := tr.saved(); len(saved) != 2 || !slices.ContainsFunc(saved, func(s *profile.Session) bool { return slices.Equal(s.People, []string{"Sal", "Alex"}) }) {
		t.Errorf("saved %+v, want a check-in of Sal and Alex too", saved)
	}
}
