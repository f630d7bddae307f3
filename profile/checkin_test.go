package profile

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
)

func answered(t *testing.T, id string, a catalog.Answer, shared bool) Answered {
	t.Helper()
	q := testCatalog().Question(id)
	if q == nil {
		t.Fatalf("no question %q", id)
	}
	return Answered{Question: q, Answer: a, Shared: shared}
}

func choice(ids ...string) catalog.Answer { return catalog.Answer{Choices: ids} }

// secretTurns has Alex keep a need, a feeling and a note to themselves.
func secretTurns(t *testing.T) []Turn {
	return []Turn{
		{Name: "Sam", Profile: sam(), Answers: []Answered{
			answered(t, "okay", choice("okay"), true),
			answered(t, "close-or-space", choice("close"), true),
		}},
		{Name: "Alex", Answers: []Answered{
			answered(t, "okay", choice("wobbly"), true),
			answered(t, "close-or-space", choice("space"), false),
			answered(t, "avoid-now", choice("kissing"), false),
			answered(t, "next-time", catalog.Answer{Text: "a secret wish"}, false),
		}},
	}
}

func TestPrivateAnswersNeverReachTheRequestOrTheSession(t *testing.T) {
	turns := secretTurns(t)
	req := CheckinRequest(catalog.Together, "scene", 20, turns, nil)
	alex := req.People[1]
	if alex.Needs.Of("space") != 0 {
		t.Errorf("Alex's private need for space reached the engine: %v", alex.Needs)
	}
	if alex.Needs.Of("reassurance") == 0 {
		t.Errorf("Alex's shared wobbly answer did not: %v", alex.Needs)
	}
	if len(req.Avoid) != 1 || req.Avoid[0] != "kissing" || len(alex.Never) != 0 {
		t.Errorf("the private avoid should hold for everyone without naming Alex: avoid %v, Alex's never %v", req.Avoid, alex.Never)
	}
	result := testCatalog().Suggest(req)
	data, _ := json.Marshal(result)
	if strings.Contains(string(data), "Alex's need for space") || strings.Contains(string(data), "kiss") {
		t.Errorf("suggestions give a private answer away: %s", data)
	}

	sess := NewCheckinSession(testStart, catalog.Together, "scene", turns, []string{"make-tea"}, "")
	data, _ = encodeSession(sess)
	for _, secret := range []string{"a secret wish", "kissing", "next-time", "avoid-now"} {
		if strings.Contains(string(data), secret) {
			t.Errorf("the session holds the private %q:\n%s", secret, data)
		}
	}
	if len(sess.Shared["Alex"]) != 1 || sess.Shared["Alex"][0].Said != "A little wobbly" {
		t.Errorf("Alex's shared answers = %+v", sess.Shared["Alex"])
	}
}

func TestAHandedTurnKeepsNoPrivateAnswer(t *testing.T) {
	alex := secretTurns(t)[1].Handed()
	if len(alex.Answers) != 1 || alex.Answers[0].Question.ID != "okay" {
		t.Errorf("answers after the hand-off: %+v", alex.Answers)
	}
	if len(alex.Avoid) != 1 || alex.Avoid[0] != "kissing" {
		t.Errorf("the private avoid was lost at the hand-off: %v", alex.Avoid)
	}
	req := CheckinRequest(catalog.Together, "", 0, []Turn{alex}, nil)
	if len(req.Avoid) != 1 || req.Avoid[0] != "kissing" {
		t.Errorf("request avoid %v", req.Avoid)
	}
}

func TestAskingForSpaceSharesThatAndNothingMore(t *testing.T) {
	turns := secretTurns(t)
	turns[0].AskedForSpace = true
	turns[1].Answers[1] = answered(t, "close-or-space", choice("close"), true)
	sess := NewCheckinSession(testStart, catalog.Together, "", turns, nil, "")
	if got := sess.Shared["Sam"]; len(got) != 1 || got[0].Said != askedForSpace {
		t.Errorf("Sam's shared answers = %+v", got)
	}
	req := CheckinRequest(catalog.Together, "", 0, turns, nil)
	if len(req.People[0].Needs) != 1 || req.People[0].Needs.Of("space") != catalog.MaxWeight {
		t.Errorf("Sam's needs = %v, want space and nothing more: nothing they shared before, and nothing they did not say", req.People[0].Needs)
	}
	result := testCatalog().Suggest(req)
	if result.Compromise == nil {
		t.Error("space against closeness gave no compromise")
	}
	for _, s := range result.Suggestions {
		for _, why := range s.Reasons {
			if strings.Contains(why, "Sam") && strings.Contains(why, "quiet") {
				t.Errorf("%s: %q credits Sam with quiet, which they never asked for", s.Title, why)
			}
		}
	}
}

func TestAloneEveryAnswerCountsButHistoryKeepsOnlyWhatWasKept(t *testing.T) {
	turn := Turn{Name: "Kai", Answers: []Answered{
		answered(t, "need-now", choice("warm-rest"), false),
		answered(t, "reflect-good", catalog.Answer{Text: "the quiet"}, true),
		answered(t, "reflect-not-good", catalog.Answer{Text: "rushing"}, false),
		answered(t, "feeling", choice(), true),
	}}
	req := CheckinRequest(catalog.Solo, "solo", 0, []Turn{turn}, nil)
	if req.People[0].Needs.Of("warmth") == 0 {
		t.Errorf("alone, a need kept out of history still guides suggestions: %v", req.People[0].Needs)
	}
	sess := NewCheckinSession(time.Now(), catalog.Solo, "solo", []Turn{turn}, nil, " a note ")
	if got := sess.Shared["Kai"]; len(got) != 1 || got[0].Text != "the quiet" || got[0].Prompt != testCatalog().Question("reflect-good").Prompt {
		t.Errorf("kept %+v, want only the reflection Kai kept, in the solo wording", got)
	}
	if sess.Note != "a note" || sess.Mode != "solo" || len(sess.problems()) != 0 {
		t.Errorf("session %+v, problems %v", sess, sess.problems())
	}
}

func TestUsualNeedsAreAHintBesideWhatIsSaidNow(t *testing.T) {
	p := sam()
	turn := Turn{Name: "Sam", Profile: p, Answers: []Answered{answered(t, "need-now", choice("refuel"), true)}}
	got := turn.person(catalog.Together, "scene")
	if now, _ := testCatalog().NeedsNow(got); now.Of("hydration") != 3 || now.Of("closeness") != 1 {
		t.Errorf("needs %v, want what was said now at full weight and the usual closeness as a hint", now)
	}
	if !strings.Contains(strings.Join(got.Likes, ","), "blanket-wrap") || got.Never[0] != "kissing" {
		t.Errorf("the profile's likes for a scene and never-list are missing: %+v", got)
	}
	silent := Turn{Name: "Sam", Profile: p}
	if now, _ := testCatalog().NeedsNow(silent.person(catalog.Together, "")); now.Of("closeness") != 3 {
		t.Errorf("with nothing said now, the usual needs count in full: %v", now)
	}
	spaced := Turn{Name: "Sam", Profile: p, Answers: []Answered{answered(t, "close-or-space", choice("space"), true)}}
	if now, _ := testCatalog().NeedsNow(spaced.person(catalog.Together, "")); now.Of("closeness") != 0 || now.Of("space") != 3 {
		t.Errorf("asking for space now still counts the usual closeness: %v", now)
	}
}

func TestAnythingSaidPrivatelyCanTurnTheCheckinQuietWithoutSayingWho(t *testing.T) {
	tests := []struct {
		name         string
		answer       Answered
		guard, space bool
	}{
		{"nothing to worry about", answered(t, "okay", choice("okay"), true), false, false},
		{"rather not say", answered(t, "safe", choice("rather-not-say"), false), false, false},
		{"not safe, kept private", answered(t, "safe", choice("not-safe"), false), true, true},
		{"unsure about safety", answered(t, "safe", choice("mostly"), false), true, false},
		{"unsure about a boundary", answered(t, "boundary", choice("not-sure"), false), true, false},
		{"a line was crossed", answered(t, "boundary", choice("yes"), false), true, false},
		{"space, shared", answered(t, "close-or-space", choice("space"), true), true, false},
		{"room, kept private", answered(t, "partner-can-do", choice("give-room"), false), true, true},
		{"a bit of both", answered(t, "close-or-space", choice("both"), true), false, false},
		{"low, not unsafe", answered(t, "okay", choice("not-okay"), false), false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			turn := Turn{Name: "Sam", Answers: []Answered{tt.answer}}
			handed := turn.Handed()
			req := CheckinRequest(catalog.Together, "", 0, []Turn{handed, {Name: "Alex"}}, nil)
			if req.Guard != tt.guard || req.Space != tt.space {
				t.Errorf("guard %v space %v, want %v and %v", req.Guard, req.Space, tt.guard, tt.space)
			}
			if note := turn.GuardNote(); (note != "") != tt.guard {
				t.Errorf("the private line is %q", note)
			}
			if got := testCatalog().Suggest(req); got.Guarded != tt.guard {
				t.Errorf("suggestions guarded %v, want %v", got.Guarded, tt.guard)
			}
			for _, p := range req.People {
				if !tt.answer.Shared && len(p.Needs) > 0 {
					t.Errorf("a private answer reached the engine as %s's needs: %v", p.Name, p.Needs)
				}
			}
		})
	}
}

func TestAPrivateFollowUpNamesOnlyWhoAskedAndIsNeverListed(t *testing.T) {
	at := time.Date(2026, 11, 20, 22, 10, 0, 0, time.UTC)
	s := NewPrivateFollowUp(at, "Sam")
	if problems := s.problems(); len(problems) != 0 {
		t.Fatalf("problems %v", problems)
	}
	if s.Listed() || (Filter{}).Keep(s) || (Filter{Person: "Sam"}).Keep(s) {
		t.Error("a private follow-up is listed in history")
	}
	if due := Due([]SessionEntry{{Session: s}}, FollowUpDue(at, time.Local)); len(due) != 1 {
		t.Error("a private follow-up never falls due")
	}
	if line := DueLine(s, s.Started); strings.Contains(line, "Sam") {
		t.Errorf("the due line names Sam: %q", line)
	}
	s.Chosen = []string{"cuddle"}
	if len(s.problems()) == 0 {
		t.Error("a private follow-up may hold what was chosen in the check-in")
	}
}

func TestTheCheckinAndSuggestAgreeForTheSameNeeds(t *testing.T) {
	cat := testCatalog()
	tests := []struct {
		name      string
		sam, alex []Answered
		file      string // the same needs, as a request file for aftercare suggest
	}{
		{"Alex asks for space and quiet", nil, []Answered{
			answered(t, "close-or-space", choice("space"), true),
			answered(t, "talk-or-quiet", choice("quiet"), true),
			answered(t, "partner-can-do", choice("give-room"), true),
		}, "situation: scene\nminutes: 30\npeople:\n  - {name: Sam, usual: {closeness: 3}}\n  - {name: Alex, needs: {quiet: 3, space: 3}}\n"},
		{"both want water or something to eat", []Answered{
			answered(t, "need-now", choice("refuel"), true),
		}, []Answered{
			answered(t, "need-now", choice("refuel"), true),
		}, "situation: scene\nminutes: 30\npeople:\n  - {name: Sam, usual: {closeness: 3}, needs: {food: 2, hydration: 3}}\n  - {name: Alex, needs: {food: 2, hydration: 3}}\n"},
		// A private answer asks for space without saying whose it was:
		// space: true, as --space says it.
		{"Sam privately does not feel safe", []Answered{
			answered(t, "safe", choice("not-safe"), false),
		}, []Answered{
			answered(t, "close-or-space", choice("close"), true),
		}, "situation: scene\nminutes: 30\nspace: true\navoid: [water]\npeople:\n  - {name: Sam, usual: {closeness: 3}}\n  - {name: Alex, needs: {closeness: 3, touch: 2}}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			turns := []Turn{
				(&Turn{Name: "Sam", Profile: &Profile{Name: "Sam", Needs: catalog.Weights{{Need: "closeness", Weight: 3}}}, Answers: tt.sam}).Handed(),
				(&Turn{Name: "Alex", Answers: tt.alex}).Handed(),
			}
			fromCheckin := cat.Suggest(CheckinRequest(catalog.Together, "scene", 30, turns, nil))
			req, err := cat.ParseRequest("tonight.yaml", []byte(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			fromCommand := cat.Suggest(req)
			if !reflect.DeepEqual(fromCheckin, fromCommand) {
				t.Errorf("the check-in suggests\n%+v\nand suggest\n%+v", fromCheckin.Suggestions, fromCommand.Suggestions)
			}
		})
	}
}

func TestANameMessageStaysShortAndPlain(t *testing.T) {
	long := strings.Repeat("a", 10<<20)
	if err := CheckName(long); err == nil || len(err.Error()) > 200 {
		t.Errorf("a 10 MB name gave %d bytes of message", len(fmt.Sprint(err)))
	}
	if err := CheckName("Sam\x1b[31m"); err == nil || !strings.Contains(err.Error(), `\x1b`) {
		t.Errorf("a name with an escape sequence: %v", err)
	}
}

func TestNoMoreNamesThanOneScreenHolds(t *testing.T) {
	names := make([]string, catalog.MaxPeople+1)
	for i := range names {
		names[i] = fmt.Sprintf("Person %d", i+1)
	}
	if err := CheckNames(names[:catalog.MaxPeople]); err != nil {
		t.Errorf("%d people: %v", catalog.MaxPeople, err)
	}
	if err := CheckNames(names); err == nil || !strings.Contains(err.Error(), "at most 12 people") {
		t.Errorf("%d people: %v", len(names), err)
	}
}

func TestEnergySaidPrivatelyNarrowsWhatIsOfferedWithoutBeingKept(t *testing.T) {
	turns := []Turn{
		{Name: "Sam", Answers: []Answered{answered(t, "energy", choice("plenty"), true)}},
		{Name: "Alex", Answers: []Answered{
			answered(t, "feeling", choice("energised"), true),
			answered(t, "energy", choice("low"), false),
		}},
	}
	for i := range turns {
		turns[i] = turns[i].Handed()
	}
	req := CheckinRequest(catalog.Together, "", 0, turns, nil)
	if req.People[0].Energy != "high" || req.People[1].Energy != "low" {
		t.Errorf("energy = %q and %q, want high and low", req.People[0].Energy, req.People[1].Energy)
	}
	req.Limit = 40
	for _, s := range testCatalog().Suggest(req).Suggestions {
		if a := testCatalog().Activity(s.ID); a.Energy != "low" {
			t.Errorf("%s asks %s energy of someone who said they have very little", s.ID, a.Energy)
		}
	}
	data, _ := encodeSession(NewCheckinSession(testStart, catalog.Together, "", turns, nil, ""))
	if strings.Contains(string(data), "Very little") {
		t.Errorf("the session keeps Alex's private answer about energy:\n%s", data)
	}
}

func TestDropADayAfterASceneIsNamedForWhatItIs(t *testing.T) {
	heavy := Turn{Name: "Sam", Answers: []Answered{
		answered(t, "followup-now", catalog.Answer{Scale: 2}, false),
		answered(t, "followup-drop", choice("flat"), false),
	}}
	drop := []string{"name-the-drop", "drop-kit"}
	offered := func(situation string) bool {
		for _, s := range testCatalog().Suggest(SelfCareRequest(heavy, situation, 0, 3)).Suggestions {
			if slices.Contains(drop, s.ID) {
				return true
			}
		}
		return false
	}
	if !offered("scene") {
		t.Error("a day after a scene, feeling flat brings no care for drop")
	}
	if offered("tender") {
		t.Error("care for drop after play is offered after tender sex")
	}
}
