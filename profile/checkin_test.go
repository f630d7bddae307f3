package profile

import (
	"encoding/json"
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
	if req.People[0].Needs.Of("space") != catalog.MaxWeight || req.People[0].Needs.Of("closeness") != 0 {
		t.Errorf("Sam's needs = %v, want space and nothing they shared before", req.People[0].Needs)
	}
	if c := testCatalog().Suggest(req).Compromise; c == nil {
		t.Error("space against closeness gave no compromise")
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
	if got.Needs.Of("hydration") != 3 || got.Needs.Of("closeness") != 1 {
		t.Errorf("needs %v, want what was said now at full weight and the usual closeness as a hint", got.Needs)
	}
	if !strings.Contains(strings.Join(got.Likes, ","), "blanket-wrap") || got.Never[0] != "kissing" {
		t.Errorf("the profile's likes for a scene and never-list are missing: %+v", got)
	}
	silent := Turn{Name: "Sam", Profile: p}
	if got := silent.person(catalog.Together, ""); got.Needs.Of("closeness") != 3 {
		t.Errorf("with nothing said now, the usual needs count in full: %v", got.Needs)
	}
}
