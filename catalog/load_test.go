package catalog

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aftercare-tui/aftercare/plain"
)

// userFile writes a catalogue file of the person's own and returns its path.
func userFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// errorLines loads the text as a user file and returns its errors as
// "line:col: message" without the path. No message may hold anything that
// would act on a terminal.
func errorLines(t *testing.T, text string) []string {
	t.Helper()
	path := userFile(t, t.TempDir(), "mine.yaml", text)
	_, err := LoadPaths(path)
	var errs Errors
	if !errors.As(err, &errs) {
		if err != nil {
			t.Fatalf("error %v is not catalogue Errors", err)
		}
		return nil
	}
	var lines []string
	for _, e := range errs {
		if e.Path != path {
			t.Errorf("error names %q, want the user's file %q: %v", e.Path, path, e)
		}
		if p := plain.Problem(e.Msg, false); p != "" {
			t.Errorf("the message itself %s: %q", p, e.Msg)
		}
		lines = append(lines, strings.TrimPrefix(e.Error(), path+":"))
	}
	return lines
}

// wantErrors loads the text as a user file and checks that it gives one
// error for each fragment of want, in order; none when want is empty.
func wantErrors(t *testing.T, text string, want []string) {
	t.Helper()
	got := errorLines(t, text)
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range got {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("error %d:\n got %s\nwant it to contain %s", i, got[i], want[i])
		}
	}
}

// activity is a valid activity to build broken ones from.
const activity = `activities:
  - id: warm-socks
    title: Put on warm socks
    summary: Cold feet come fast afterwards. Warm socks fix that.
    needs: {warmth: 2}
    mode: either
    contact: none
    minutes: [1, 3]
    energy: low
`

func TestLoadReportsEachKindOfMistakeAtItsLine(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // "line:col: message" fragments, one per error, in order
	}{
		{"unknown field", activity + "    colour: red\n",
			[]string{`10:5: activity "warm-socks": unknown field "colour"`}},
		{"misspelt field suggests the right one", activity + "    sumary: typo\n",
			[]string{`10:5: activity "warm-socks": unknown field "sumary" (did you mean "summary"?)`}},
		{"unknown need", strings.Replace(activity, "{warmth: 2}", "{warmth: 2, wetness: 1}", 1),
			[]string{`5:24: activity "warm-socks": needs: unknown need "wetness"`}},
		{"misspelt need", strings.Replace(activity, "{warmth: 2}", "{quite: 2}", 1),
			[]string{`5:13: activity "warm-socks": needs: unknown need "quite" (did you mean "quiet"?)`}},
		{"unknown tag", activity + "    tags: [touch, wet]\n",
			[]string{`10:19: activity "warm-socks": tags: unknown tag "wet"`}},
		{"unknown situation", activity + "    situations: [scene, picnic]\n",
			[]string{`10:25: activity "warm-socks": situations: unknown situation "picnic"`}},
		{"unknown thing", activity + "    things: [socks]\n",
			[]string{`10:14: activity "warm-socks": things: unknown thing "socks"`}},
		{"duplicate id", activity + strings.TrimPrefix(activity, "activities:\n"),
			[]string{`10:9: activity "warm-socks": defined twice; first at`}},
		{"empty title", strings.Replace(activity, "Put on warm socks", `""`, 1),
			[]string{`3:12: activity "warm-socks": title: must not be empty`}},
		{"missing title", strings.Replace(activity, "    title: Put on warm socks\n", "", 1),
			[]string{`2:5: activity "warm-socks": title: missing`}},
		{"misspelt title, said once and not as missing", strings.Replace(activity, "    title:", "    titel:", 1),
			[]string{`3:5: activity "warm-socks": unknown field "titel" (did you mean "title"?)`}},
		{"range backwards", strings.Replace(activity, "[1, 3]", "[30, 10]", 1),
			[]string{`8:14: activity "warm-socks": minutes: the first number (30) must not be more than the second (10)`}},
		{"range of zero minutes", strings.Replace(activity, "[1, 3]", "[0, 3]", 1),
			[]string{`8:14: activity "warm-socks": minutes: 0–3 is impossible`}},
		{"range too long", strings.Replace(activity, "[1, 3]", "600", 1),
			[]string{`8:14: activity "warm-socks": minutes: 600 is impossible`}},
		{"not a number", strings.Replace(activity, "[1, 3]", "[1, ten]", 1),
			[]string{`8:18: activity "warm-socks": minutes: expected a whole number, got "ten"`}},
		{"word not allowed", strings.Replace(activity, "mode: either", "mode: duo", 1),
			[]string{`6:11: activity "warm-socks": mode: "duo" is not one of: solo, together, either`}},
		{"weight out of range", strings.Replace(activity, "{warmth: 2}", "{warmth: 5}", 1),
			[]string{`5:21: activity "warm-socks": needs: weight 5 is out of range`}},
		{"contact without the touch tag", strings.Replace(activity, "contact: none", "contact: full", 1),
			[]string{`2:5: activity "warm-socks": tags: an activity with full contact needs the touch tag`}},
		{"field given twice", activity + "    energy: high\n",
			[]string{`10:5: activity "warm-socks": field "energy" is given twice (first on line 9)`}},
		{"entry without id", "activities:\n  - title: Nameless\n",
			[]string{`2:5: activity #1: id: missing`}},
		{"id with spaces", strings.Replace(activity, "id: warm-socks", "id: Warm Socks", 1),
			[]string{`2:9: activity "Warm Socks": id: "Warm Socks" should be lowercase`}},
		{"unknown list", "activites:\n  - id: x\n",
			[]string{`1:1: unknown list "activites" (did you mean "activities"?)`}},
		{"list that is not a list", "activities: nap\n",
			[]string{`1:13: activities: expected a list of activities`}},
		{"disable what does not exist", "activities:\n  - id: no-such-thing\n    disabled: true\n",
			[]string{`3:15: activity "no-such-thing": there is no built-in activity with this id to disable`}},
		{"disabled is not a yes or no", "activities:\n  - id: cuddle\n    disabled: maybe\n",
			[]string{`3:15: activity "cuddle": disabled: expected true or false, got "maybe"`}},
		{"syntax error", "activities:\n  - id: x\n    title: [unclosed\n    summary: y\n",
			[]string{`3:5: YAML syntax: did not find expected ',' or ']'`}},
		{"syntax error at the end", "activities:\n  - id: x\n    title: \"unclosed\n\n\n",
			[]string{`3:5: YAML syntax: found unexpected end of stream`}},
		{"alias", "needs:\n  - &n {id: extra, label: Extra}\n  - *n\n",
			[]string{`3:5: needs: anchors and aliases (*n) are not supported`}},
		{"second document", "needs: []\n---\nneeds: []\n",
			[]string{`a second YAML document`}},
		{"question default is not an option", `questions:
  - id: tea-or-not
    phase: after
    audience: solo
    kind: single
    prompt: Tea?
    options:
      - {id: tea, label: Yes please}
      - {id: none, label: No thanks}
    default: coffee
`, []string{`10:14: question "tea-or-not": default: "coffee" is not one of the options`}},
		{"question default brings up support", `questions:
  - id: fine
    phase: after
    audience: solo
    kind: single
    prompt: Am I fine?
    options:
      - {id: yes, label: Yes}
      - {id: no, label: No, support: low}
    default: no
`, []string{`10:14: question "fine": default: "no" brings up support`, `question "fine": default: this question can bring up support, so it must start on an answer that says nothing`}},
		{"question that can bring up support starts on yes", `questions:
  - id: safe-enough
    phase: after
    audience: solo
    kind: single
    prompt: Am I safe?
    options:
      - {id: quiet, label: I'd rather not say, skip: true}
      - {id: yes, label: Yes}
      - {id: no, label: No, support: unsafe}
    default: yes
`, []string{`question "safe-enough": default: this question can bring up support`}},
		{"an answer that says nothing says something", `questions:
  - id: unsure
    phase: after
    audience: solo
    kind: single
    prompt: Sure?
    options:
      - {id: skip, label: Skip, skip: true, needs: {calm: 1}}
      - {id: yes, label: Yes}
    default: skip
`, []string{`8:52: question "unsure": options: option "skip": needs: an answer with skip: true says nothing`}},
		{"support of an unknown kind", `questions:
  - id: low
    phase: after
    audience: solo
    kind: single
    prompt: Low?
    options:
      - {id: skip, label: Skip, skip: true}
      - {id: yes, label: Yes, support: sad}
    default: skip
`, []string{`support: "sad" is not one of`}},
		{"only_in names an unknown situation", `activities:
  - {id: debrief, title: Debrief, summary: Talk., needs: [calm], mode: together, contact: none, minutes: 5, energy: low, only_in: [dungeon]}
`, []string{`activity "debrief": only_in: unknown situation "dungeon"`}},
		{"asks nothing but asks for touch", `tags:
  - {id: touch, label: Touch}
activities:
  - {id: hold, title: Hold, summary: Hold., needs: [calm], mode: together, contact: light, minutes: 5, energy: low, tags: [touch], asks_nothing: true}
`, []string{`activity "hold": asks_nothing: an activity with light contact asks for touch`, `asks_nothing: the touch tag asks something of everyone there`}},
		{"done for someone else, alone", `activities:
  - {id: tea, title: Tea, summary: Tea., needs: [calm], mode: solo, contact: none, minutes: 5, energy: low, for_them: true}
`, []string{`activity "tea": for_them: a solo activity is done for oneself`}},
		{"resource with a bad region and date", `resources:
  - {id: line, name: A line, kind: listening, regions: [Britain], how: Call 1., checked: 29 Nov}
`, []string{`source: missing`, `regions: "Britain" is not a region`, `checked: "29 Nov" is not a date`}},
		{"resource without regions or kind", `resources:
  - {id: line, name: A line, how: Call 1.}
`, []string{`kind: missing`, `regions: missing`}},
		{"question for both without solo wording", `questions:
  - id: snack
    phase: after
    audience: both
    kind: text
    prompt: Snack?
`, []string{`2:5: question "snack": solo_prompt: missing`}},
		{"scale backwards", `questions:
  - id: energy
    phase: after
    audience: solo
    kind: scale
    prompt: How much energy do I have?
    scale: [5, 1]
    default: 3
`, []string{`7:12: question "energy": scale: the first number (5) must not be more than the second (1)`}},
		{"scale default off the scale", `questions:
  - id: energy
    phase: after
    audience: solo
    kind: scale
    prompt: How much energy do I have?
    scale: [1, 5]
    default: 0
`, []string{`8:14: question "energy": default: a scale question's default is a number from 1 to 5, or none to start on "I'd rather not say"`}},
		{"support at a point that never brings it up", `questions:
  - id: mood
    phase: after
    audience: solo
    kind: scale
    prompt: How am I?
    scale: [0, 10]
    support_up_to: 0
`, []string{`question "mood": support_up_to: 0 would never bring up support`}},
		{"option without label", `questions:
  - id: snack
    phase: after
    audience: solo
    kind: multi
    prompt: Snack?
    options:
      - {id: fruit}
      - {id: toast, label: Toast}
`, []string{`8:9: question "snack": options: option "fruit": label: missing`}},
		{"prefills a question of another kind", `questions:
  - id: plan-talk
    phase: before
    audience: together
    kind: text
    prompt: What will you want to talk about?
    prefills: close-or-space
`, []string{`7:15: question "plan-talk": prefills: question "close-or-space" is a single question and this one is text`}},
		{"prefills from a check-in question", `questions:
  - id: talk-now
    phase: after
    audience: together
    kind: single
    prompt: Talk now?
    prefills: close-or-space
    options:
      - {id: close, label: Yes}
      - {id: space, label: No}
    default: close
`, []string{`7:15: question "talk-now": prefills: only a before question can fill in a check-in's answer; this one is asked after`}},
		{"prefills a question that is not asked in a check-in", `questions:
  - id: plan-later
    phase: before
    audience: together
    kind: single
    prompt: Check on you later?
    prefills: plan-followup
    options:
      - {id: "yes", label: Yes}
      - {id: "no", label: No}
    default: "no"
`, []string{`7:15: question "plan-later": prefills: question "plan-followup" is not a check-in question`}},
		{"prefills an unknown question", `questions:
  - id: plan-later
    phase: before
    audience: together
    kind: text
    prompt: Anything else?
    prefills: close-or-spaec
`, []string{`7:15: question "plan-later": prefills: unknown question "close-or-spaec" (did you mean "close-or-space"?)`}},
		{"mood out of range", `questions:
  - id: how
    phase: after
    audience: solo
    kind: single
    prompt: How am I?
    options:
      - {id: fine, label: Fine, mood: 7}
      - {id: low, label: Low, mood: 1}
    default: fine
`, []string{`8:39: question "how": options: option "fine": mood: 7 is out of range`}},
		{"an option for a group of a question for one", `questions:
  - id: how
    phase: after
    audience: solo
    kind: single
    prompt: How am I?
    options:
      - {id: fine, label: Fine}
      - {id: kissed, label: Kissed, audience: together}
    default: fine
`, []string{`8:7: question "how": options: option "kissed": audience together: only a question for both solo and together check-ins has options for one of them`}},
		{"an option for nobody", `questions:
  - id: how
    phase: after
    audience: both
    kind: single
    prompt: How are you?
    solo_prompt: How am I?
    options:
      - {id: fine, label: Fine}
      - {id: low, label: Low, audience: everyone}
    default: fine
`, []string{`10:41: question "how": options: option "low": audience: "everyone" is not one of: solo, together`}},
		{"every mistake at once", strings.NewReplacer("{warmth: 2}", "{wetness: 2}", "mode: either", "mode: duo", "[1, 3]", "[3, 1]").Replace(activity),
			[]string{`5:13: activity "warm-socks": needs: unknown need "wetness"`,
				`6:11: activity "warm-socks": mode: "duo" is not one of`,
				`8:14: activity "warm-socks": minutes: the first number (3)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantErrors(t, tt.text, tt.want) })
	}
}

func TestUserFilesLayerOnTopOfTheDefaults(t *testing.T) {
	dir := t.TempDir()
	userFile(t, dir, "a-replace.yaml", `activities:
  - id: cuddle
    title: Hold each other
    summary: Our own way of doing it.
    needs: {closeness: 3}
    mode: together
    contact: full
    minutes: [5, 10]
    energy: low
    tags: [touch]
`)
	userFile(t, dir, "b-hide.yaml", "activities:\n  - id: walk-together\n    disabled: true\n")
	userFile(t, dir, "sub/c-add.yml", activity+`needs:
  - id: laughter
    label: Laughter
    meaning: Something to giggle about.
`)
	userFile(t, dir, ".hidden.yaml", "this: is not read\n")
	userFile(t, dir, "notes.txt", "neither is this\n")

	defaults, err := Defaults()
	if err != nil {
		t.Fatal(err)
	}
	cat, err := LoadPaths(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := cat.Activity("cuddle"); got == nil || got.Title != "Hold each other" {
		t.Errorf("cuddle = %+v, want the user's version", got)
	}
	replaced := slices.IndexFunc(cat.Activities, func(a Activity) bool { return a.ID == "cuddle" })
	original := slices.IndexFunc(defaults.Activities, func(a Activity) bool { return a.ID == "cuddle" })
	if replaced != original {
		t.Errorf("the replaced activity moved from place %d to %d", original, replaced)
	}
	if cat.Activity("walk-together") != nil {
		t.Error("walk-together is still listed after being disabled")
	}
	if cat.Activity("warm-socks") == nil || cat.Need("laughter") == nil {
		t.Error("the user's new activity and need are missing")
	}
	if got, want := len(cat.Activities), len(defaults.Activities); got != want {
		t.Errorf("%d activities, want %d (one replaced, one hidden, one added)", got, want)
	}
	wantFiles := []string{filepath.Join(dir, "a-replace.yaml"), filepath.Join(dir, "b-hide.yaml"), filepath.Join(dir, "sub/c-add.yml")}
	if !slices.Equal(cat.UserFiles, wantFiles) {
		t.Errorf("read %q, want %q", cat.UserFiles, wantFiles)
	}
}

func TestAUsersNewNeedCanBeUsedFromAnotherFile(t *testing.T) {
	dir := t.TempDir()
	userFile(t, dir, "a.yaml", strings.Replace(activity, "{warmth: 2}", "{laughter: 2}", 1))
	userFile(t, dir, "b.yaml", "needs:\n  - {id: laughter, label: Laughter}\n")
	if _, err := LoadPaths(dir); err != nil {
		t.Fatal(err)
	}
}

func TestADisabledSituationCanStillBeNamedByActivities(t *testing.T) {
	path := userFile(t, t.TempDir(), "mine.yaml", "situations:\n  - id: casual\n    disabled: true\n")
	cat, err := LoadPaths(path)
	if err != nil {
		t.Fatal(err)
	}
	if cat.Situation("casual") != nil {
		t.Error("the disabled situation is still listed")
	}
}

// What is hidden still exists: a saved profile or request that names it
// reads as before, and is offered nothing of it.
func TestWhatIsHiddenCanStillBeNamed(t *testing.T) {
	path := userFile(t, t.TempDir(), "mine.yaml", "activities:\n  - id: cuddle\n    disabled: true\ntags:\n  - id: kissing\n    disabled: true\n")
	cat, err := LoadPaths(path)
	if err != nil {
		t.Fatal(err)
	}
	var p struct {
		Likes []string `yaml:"likes" ref:"tag activity"`
		Never []string `yaml:"never" ref:"tag activity"`
	}
	if err := cat.Decode("sam.yaml", []byte("likes: [cuddle]\nnever: [kissing]\n"), &p); err != nil {
		t.Errorf("a profile naming what is hidden: %v", err)
	}
	if err := cat.Decode("sam.yaml", []byte("likes: [cudle]\n"), &p); err == nil {
		t.Error("a misspelt id was taken")
	}
	r := cat.Suggest(Request{Limit: 100, People: []Person{{Name: "Sam", Likes: []string{"cuddle"}}}})
	for _, s := range r.Suggestions {
		if s.ID == "cuddle" {
			t.Error("the hidden activity was suggested")
		}
	}
}

func TestLoadOfAMissingFolderUsesTheDefaults(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{filepath.Join(t.TempDir(), "nothing-here"), filepath.Join(file, "catalog")} {
		cat, err := Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(cat.UserFiles) != 0 || len(cat.Activities) == 0 {
			t.Errorf("%s: got %d user files and %d activities, want only the defaults", dir, len(cat.UserFiles), len(cat.Activities))
		}
	}
}

func TestLoadPathsOfAMissingPathFails(t *testing.T) {
	_, err := LoadPaths(filepath.Join(t.TempDir(), "nothing-here.yaml"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v, want it to say the file does not exist", err)
	}
}

func TestLoadNeverChangesTheUsersFiles(t *testing.T) {
	text := activity + "    colour: red\n"
	path := userFile(t, t.TempDir(), "mine.yaml", text)
	if _, err := LoadPaths(path); err == nil {
		t.Fatal("a broken file loaded without error")
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != text {
		t.Error("loading changed the file")
	}
}

func TestAnEmptyFileIsFine(t *testing.T) {
	for _, text := range []string{"", "# only a comment\n", "activities:\n"} {
		if got := errorLines(t, text); got != nil {
			t.Errorf("%q gave errors: %q", text, got)
		}
	}
}
