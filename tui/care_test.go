package tui

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// These walk the moments aftercare exists for: someone not safe, asking
// for space, a line crossed, enter pressed through everything, a low
// follow-up, three people, and support wherever they live.

// notSafe is how many ↓ from the start reach "No, I don't feel safe".
const notSafe = 4

// gentle fails when a result offers anything the quiet guard leaves out.
func gentle(t *testing.T, res catalog.Result) {
	t.Helper()
	if !res.Guarded {
		t.Error("the suggestions are not guarded")
	}
	for _, a := range offered(testCatalog(), res) {
		if a.Contact == "full" || slices.Contains(a.Tags, "kissing") || slices.Contains(a.Tags, "celebrating") {
			t.Errorf("%s is offered while the check-in is quiet", a.ID)
		}
	}
}

func TestNotSafeThenCarryingOnKeepsEverythingGentleAndChosenByNoOne(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.opts.Config.Region = "US"
	p := runProgram(t, withNames(w.opts, "Sam", "Alex"), 100, 30)
	p.enter(3)
	p.waitFor("Do you feel safe right now?")
	for range notSafe {
		p.press("down")
	}
	p.press("enter")
	p.waitFor("RAINN")
	p.enter(2) // carry on; no follow-up tomorrow
	p.enter(questions(catalog.Together) - 2)
	p.waitFor("nothing celebratory")
	p.press("enter")
	p.waitFor("Alex's turn")
	handedOver := p.mark()
	p.enter(1 + questions(catalog.Together) + 1)
	p.waitFor("What might help now")
	for _, screen := range p.screensSince(handedOver) {
		if strings.Contains(screen, "Because of what you said") {
			t.Errorf("Alex was shown the line meant for Sam:\n%s", screen)
		}
	}
	p.enter(1)
	p.waitFor("Tick any with space, or none.")
	p.enterUntilSaved()
	m := p.quit()
	if !isDone(m.current) {
		t.Fatalf("the program is on %T, want the end of the check-in", m.current)
	}
	if strings.Contains(m.View().Content, "each other") {
		t.Errorf("the closing words speak of how they are with each other:\n%s", m.View().Content)
	}
	s := w.sessions(t)[0]
	if len(s.Chosen) != 0 {
		t.Errorf("pressing enter chose %v for everyone", s.Chosen)
	}
	for name, shared := range s.Shared {
		for _, a := range shared {
			if a.Question == "safe" {
				t.Errorf("%s's answer about safety was kept", name)
			}
		}
	}
}

// enterUntilSaved presses enter until the check-in is being saved, then
// waits for it to be.
func (p *program) enterUntilSaved() {
	p.t.Helper()
	for steps := 0; !strings.Contains(p.screen(), "Saving...") && !strings.Contains(p.screen(), "Saved to your history."); steps++ {
		if steps > 10 {
			p.t.Fatalf("ten presses of enter did not save the check-in; the screen shows:\n%s", p.screen())
		}
		p.press("enter")
	}
	p.waitFor("Saved to your history.")
}

func TestWhatTurnsACheckinQuietTurnsItQuietForEveryone(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		// answer moves from the first question of Sam's turn to an answer
		// and says what Sam sees then.
		answer func(t *testing.T, r *run)
	}{
		{"asking for space on the support screen", func(t *testing.T, r *run) {
			r.enter(1).keys(slices.Repeat([]string{"down"}, notSafe)...).enter(1).sees("Ask for some space")
			r.keys("down").enter(2).sees("Before you pass the laptop on", "ask nothing of")
		}},
		{"asking for some space", func(t *testing.T, r *run) {
			r.enterUntil("stay close, or would some space")
			r.keys("up", "up").sees("» Some space")
			r.enter(1)
			r.enterUntil("What may the others see?")
			r.sees("ask nothing of")
		}},
		{"a line crossed", func(t *testing.T, r *run) {
			r.enterUntil("Was any boundary crossed?")
			r.keys(slices.Repeat([]string{"down"}, 3)...).enter(1).sees("Thank you for saying so.", "Call 999", "Rape", "Domestic Abuse")
			r.enter(2).enterUntil("What may the others see?")
			r.sees("nothing celebratory")
		}},
		{"unsure about a boundary", func(t *testing.T, r *run) {
			r.enterUntil("Was any boundary crossed?")
			r.keys("down", "down").enter(1)
			r.enterUntil("What may the others see?")
			r.sees("nothing celebratory")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			w := newWorld(t, &profile.Profile{Name: "Sam", Needs: catalog.Weights{{Need: "closeness", Weight: 3}, {Need: "touch", Weight: 3}}})
			w.opts.Config.Region = "GB"
			r := start(t, withNames(w.opts, "Sam", "Alex"), 100, 30)
			r.keys("down", "down", "down").enter(2) // a BDSM scene
			tt.answer(t, r)
			r.enterUntil("Alex's turn")
			r.enter(1)
			r.enterUntil("What might help now", "Because of what you said")
			res := r.m.current.(*results).res.Result
			gentle(t, res)
			for _, s := range res.Suggestions {
				for _, reason := range s.Reasons {
					if strings.Contains(reason, "Sam's need for closeness") || strings.Contains(reason, "Sam's needs for closeness") {
						t.Errorf("%s: %q credits Sam with closeness", s.ID, reason)
					}
				}
			}
			r.doesNotSee("Look after the one who led")
			r.enter(1).sees("Tick any with space, or none.")
			r.doesNotSee("[x]")
		})
	}
}

func TestPressingEnterThroughEverythingClaimsNoSafety(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	p := runProgram(t, withNames(w.opts, "Sam", "Alex"), 100, 30)
	p.enter(1 + 2*(2+questions(catalog.Together)))
	p.waitFor("What might help now")
	p.enterUntilSaved()
	p.quit()
	data := w.onlyRecord(t)
	for _, claim := range []string{`"safe"`, `"boundary"`, "I feel safe", "it all felt okay", "I'm okay", "rather not say"} {
		if bytes.Contains(data, []byte(claim)) {
			t.Errorf("the saved check-in says %s:\n%s", claim, data)
		}
	}
	var s profile.Session
	if err := json.Unmarshal(data, &s); err != nil || len(s.Chosen) != 1 {
		t.Errorf("the first idea was not chosen as usual: %v, %+v", err, s.Chosen)
	}
}

func TestOneKeyTooManyNeverWrapsRoundToACrisisAnswer(t *testing.T) {
	t.Parallel()
	r := start(t, withNames(newWorld(t).opts, "Sam", "Alex"), 100, 30)
	r.enter(3).sees("» I'd rather not say", "Do you feel safe right now?")
	r.keys("up").sees("» I'd rather not say")
	r.enter(1).sees("How are you feeling?")
	r.doesNotSee("Thank you for saying so.")
	r.keys("esc").keys(slices.Repeat([]string{"down"}, 10)...).sees("» No, I don't feel safe")
	r.keys("esc").sees("Are you okay?")
	r.keys("up", "up").sees("» I'd rather not say")

	h := start(t, newWorld(t).opts, 100, 30)
	h.keys("up").sees("» Check in together")
	h.keys(slices.Repeat([]string{"down"}, 20)...).sees("» Quit")
}

func TestALowFollowUpRespondsAndCanLeaveWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		answer func(r *run)
	}{
		{"a heavy feeling since", func(r *run) {
			r.enter(1).sees("Have I had a low or heavy feeling since?")
			r.keys(slices.Repeat([]string{"down"}, 4)...).sees("» Yes, quite a bit")
			r.enter(1)
		}},
		{"really low now", func(r *run) {
			r.keys(slices.Repeat([]string{"up"}, 5)...).sees("» 1 · Really low")
			r.enter(1)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			w := newWorld(t)
			w.opts.Config.Region = "GB"
			checkedInYesterday(t, w)
			r := start(t, withHistory(t, w, testStart), 100, 30)
			r.enter(1).sees("This follow-up is for Sam", "Please pass the laptop to Sam")
			r.enter(1).sees("How am I doing now?")
			tt.answer(r)
			r.sees("Thank you for telling me.", "A few things that may help now", "Samaritans", "116 123",
				"Leave a few words for Alex")
			r.doesNotSee("Rape")
			r.keys("down").enter(1).sees("A few words for Alex")
			r.typeText("a rough day; a hug later would help").enter(1)
			r.enterUntil("What should your history keep?", "Thank you for telling me.")
			r.sees("a rough day")
			r.enterUntil("Thank you for checking in again.")
			saved := w.sessions(t)[0]
			words := saved.FollowUp.Shared["Sam"]
			if !slices.ContainsFunc(words, func(s profile.Shared) bool { return s.Text == "a rough day; a hug later would help" }) {
				t.Errorf("Sam's words for Alex were not kept: %+v", words)
			}
		})
	}
}

func TestAFollowUpSaysWhoseItIsAndStopsWithoutSaving(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	checkedInYesterday(t, w)
	r := start(t, withHistory(t, w, testStart), 40, 12)
	r.enter(1).sees("This follow-up is", "Sam")
	r.enter(2).keys(slices.Repeat([]string{"down"}, 5)...).enter(1).sees("Stop here for now")
	r.keys("down", "down").enter(1).sees("Stopped for now.")
	if s := w.sessions(t)[0]; s.FollowUp.Done != nil {
		t.Error("a follow-up stopped on the support screen was marked done")
	}
}

func TestThreePeopleAreNeverCalledSomeonesPartner(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	r := start(t, withNames(w.opts, "Sam", "Jo", "Alex"), 100, 30)
	r.enter(1)
	r.enterUntil("What might help now", "your partner", "Your partner")
}

func TestSupportFitsTheRegionAndIsOnHome(t *testing.T) {
	t.Parallel()
	tests := []struct {
		region string
		sees   []string
		not    string
	}{
		{"GB", []string{"Call 999", "Samaritans", "Refuge"}, "RAINN"},
		{"US", []string{"Call 911", "RAINN", "988"}, "Samaritans"},
		{catalog.Anywhere, []string{"local emergency", "findahelpline.com"}, "RAINN"},
	}
	for _, tt := range tests {
		t.Run(tt.region, func(t *testing.T) {
			t.Parallel()
			w := newWorld(t)
			w.opts.Config.Region = tt.region
			r := start(t, w.opts, 100, 30)
			r.keys("s").sees("If anyone is in danger now", tt.sees[0])
			read := r.screen()
			for range 30 {
				read += r.keys("down").screen()
			}
			for _, want := range append(tt.sees, "findahelpline.com", "Someone you trust") {
				if !strings.Contains(read, want) {
					t.Errorf("the support lines never show %q", want)
				}
			}
			for _, never := range []string{tt.not, "aftercare catalog"} {
				if strings.Contains(read, never) {
					t.Errorf("the support lines show %q", never)
				}
			}
			r.keys("esc").sees("Check in together")
		})
	}
}

// On a small terminal the support lines go on below the screen: a line
// under them says where the rest is, as under a list, and end and home
// reach either end at once.
func TestSupportOnASmallTerminalSaysWhereTheRestIs(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.opts.Config.Region = "GB"
	r := start(t, w.opts, 40, 12)
	r.keys("s").sees("↓ more below", "If anyone is in danger now")
	r.keys("down").sees("↑↓ more above and below")
	r.keys("end").sees("Someone you trust", "↑ more above")
	r.doesNotSee("below")
	r.keys("home").sees("↓ more below", "If anyone is in danger now")
}

func TestSupportShowsItsLinesFirstOnASmallTerminal(t *testing.T) {
	t.Parallel()
	for _, size := range [][2]int{{40, 12}, {100, 30}} {
		w := newWorld(t)
		w.opts.Config.Region = "US"
		r := start(t, withNames(w.opts, "Sam", "Alex"), size[0], size[1])
		r.enter(3).keys(slices.Repeat([]string{"down"}, notSafe)...).enter(1)
		r.sees("Call 911", "What would you like to do?", "Carry on")
		r.fits(size[0], size[1])
		r.doesNotSee("aftercare catalog")
	}
}

func TestNamesAreRefusedWhereTheyAreTyped(t *testing.T) {
	t.Parallel()
	tests := []struct{ typed, refusal string }{
		{"👋", "needs at least one letter or digit"},
		{"Sam, sam", "are the same name"},
		{"Sam, 👋", "needs at least one letter or digit"},
	}
	for _, tt := range tests {
		r := start(t, newWorld(t).opts, 100, 30)
		r.keys("t").sees("Who is here?")
		r.typeText(tt.typed).enter(1).sees(tt.refusal, "Who is here?")
		// Said under the name, where the eyes are, not at the foot of
		// the screen.
		lines := strings.Split(r.screen(), "\n")
		if at := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "> "+tt.typed) }); at < 0 || at+1 == len(lines) || !strings.Contains(lines[at+1], tt.refusal) {
			t.Errorf("the refusal is not on the line under the name:\n%s", r.screen())
		}
		r.keys(slices.Repeat([]string{"backspace"}, 10)...).typeText("Sam, Alex").enter(1).sees("What kind of time was it?")
	}
	w := newWorld(t, &profile.Profile{Name: "Sam"})
	r := start(t, w.opts, 100, 30)
	r.keys("t", "space").enter(1).typeText("SAM").enter(1).sees("are the same name")
}

func TestASavedCheckinIsNeverOfferedAsUnsavedWhenAGuestCannotBeRemembered(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	if err := os.MkdirAll(w.store.Dir(), 0o700); err != nil {
		t.Fatal(err)
	}
	// A file where the profiles folder should be: no profile can be made.
	if err := os.WriteFile(filepath.Join(w.store.Dir(), "profiles"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	r := start(t, withNames(w.opts, "Kai"), 100, 30)
	r.enterUntil("Remember anyone as a person?")
	r.keys("space").enter(1)
	r.enterUntil("Take good care of yourself.")
	r.sees("Saved to your history.", "Not remembered as a person", "Kai")
	r.doesNotSee("could not be saved")
	if r.m.current.unsaved() {
		t.Error("a saved check-in counts as unsaved")
	}
	if len(w.sessions(t)) != 1 {
		t.Error("the check-in was not saved")
	}
}

func TestAPrivateFollowUpIsSavedApartAndNamesNoOneOnHome(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	r := start(t, withNames(w.opts, "Sam", "Alex"), 100, 30)
	r.enter(3).keys(slices.Repeat([]string{"down"}, notSafe)...).enter(1)
	r.keys("down", "down").enter(1).sees("check on you tomorrow?")
	r.keys("down").enter(1).sees("Saved.", "without showing your name")
	r.enter(1).sees("The check-in has ended.")
	sessions := w.sessions(t)
	if len(sessions) != 1 || sessions[0].Kind != profile.PrivateFollowUp || !slices.Equal(sessions[0].People, []string{"Sam"}) {
		t.Fatalf("sessions %+v", sessions)
	}
	later := start(t, withHistory(t, w, testStart.Add(12*time.Hour)), 100, 30)
	later.sees("A follow-up someone asked for is waiting", "Follow up")
	later.doesNotSee("Sam")
	later.enter(1).sees("A follow-up someone asked for privately", "If that is you")
	later.doesNotSee("Sam")
	later.doesNotSee(testStart.Local().Format("Monday"))
	later.keys("esc").keys("h").sees("No check-ins saved yet.")
}

func TestACheckinWithSomeoneWhoseProfileCannotBeReadSaysSoAndStillShowsTheQuestion(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	o := withNames(w.opts, "Sam", "Alex")
	o.UnreadProfiles = []profile.ProfileEntry{{Path: "/data/profiles/sam.yaml", Err: errors.New("notes: 2001 characters long")}}
	r := start(t, o, 40, 12)
	r.sees("Sam's saved profile", "… r to read it all", "» Skip this", "↓ more below")
	r.keys("r").sees("never wants is", "nothing celebratory will be suggested")
}
