package catalog

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/aftercare-tui/aftercare/plain"
)

// resource is a valid support resource to build broken ones from.
const resource = `resources:
  - id: helpline
    name: A helpline
    kind: listening
    regions: [anywhere]
    how: Call them.
    url: https://example.org
`

func TestLoadRefusesTextThatWouldActOnATerminal(t *testing.T) {
	title := func(yaml string) string { return strings.Replace(activity, "Put on warm socks", yaml, 1) }
	summary := func(yaml string) string {
		return strings.Replace(activity, "Cold feet come fast afterwards. Warm socks fix that.", yaml, 1)
	}
	tests := []struct {
		name string
		text string
		want []string // "line:col: message" fragments, one per error; none when it loads
	}{
		{"escape in a title", title(`"Put on\e[2J socks"`),
			[]string{`3:12: activity "warm-socks": title: may not contain the control character \u001b`}},
		{"bell in a title", title(`"Socks\a"`), []string{`title: may not contain the control character \u0007`}},
		{"C1 control in a title", title(`"Socks\x9b2J"`), []string{`title: may not contain the control character \u009b`}},
		{"delete in a title", title(`"Socks\x7f"`), []string{`title: may not contain the control character \u007f`}},
		{"bidi override in a title", title(`"Socks \u202eskcos"`),
			[]string{`title: may not contain \u202e, which changes the direction text is shown in`}},
		{"line break in a title", title(`"Put on\nwarm socks"`), []string{`title: may not contain the control character \u000a`}},
		{"tab in a title", title(`"Put on\twarm socks"`), []string{`title: may not contain the control character \u0009`}},
		{"line break in a summary", summary(`"Cold feet come fast.\nWarm socks fix that."`), nil},
		{"paragraphs in a summary", summary("|\n      Cold feet come fast.\n\n      \tWarm socks fix that."), nil},
		{"escape in a summary", summary(`"Cold feet\e]52;c;cm0gLXJmIH4=\a"`),
			[]string{`4:14: activity "warm-socks": summary: may not contain the control character \u001b`}},
		{"line break in a step", activity + "    steps: [\"Find\\nsocks\"]\n",
			[]string{`10:13: activity "warm-socks": steps: may not contain the control character \u000a`}},
		{"escape in a need", strings.Replace(activity, "{warmth: 2}", `{"warm\eth": 2}`, 1),
			[]string{`5:13: activity "warm-socks": needs: may not contain the control character \u001b`}},
		{"escape in a field name", activity + "    \"col\\eour\": red\n",
			[]string{`10:5: activity "warm-socks": unknown field "col\x1bour"`}},
		{"escape in an id", strings.Replace(activity, "id: warm-socks", `id: "socks\e[1m"`, 1),
			[]string{`2:9: activity "socks\x1b[1m": id: may not contain the control character \u001b`}},
		{"escape in a default", "questions:\n  - {id: q, phase: after, audience: solo, kind: text, prompt: P, default: \"\\e[2J\"}\n",
			[]string{`2:75: question "q": default: may not contain the control character \u001b`}},
		{"link in a resource's address", strings.Replace(resource, "https://example.org", `"\e]8;;https://evil.example\e\\help\e]8;;\e\\"`, 1),
			[]string{`7:10: resource "helpline": url: may not contain the control character \u001b`}},
		{"script as an address", strings.Replace(resource, "https://example.org", "javascript:alert(1)", 1),
			[]string{`7:10: resource "helpline": url: "javascript:alert(1)" is not a web address`}},
		{"address without its scheme", strings.Replace(resource, "https://example.org", "example.org", 1),
			[]string{`url: "example.org" is not a web address`}},
		{"address without a host", strings.Replace(resource, "https://example.org", "https:///etc/passwd", 1),
			[]string{`url: "https:///etc/passwd" is not a web address`}},
		{"address with a space", strings.Replace(resource, "https://example.org", `"https://example.org/get help"`, 1),
			[]string{`url: "https://example.org/get help" is not a web address`}},
		{"file as a source", resource + "    source: file:///etc/passwd\n",
			[]string{`8:13: resource "helpline": source: "file:///etc/passwd" is not a web address`}},
		{"web address", resource + "    source: http://example.org/numbers\n", nil},
		{"line break in how to reach it", strings.Replace(resource, "Call them.", `"Call them.\nOr text them."`, 1), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantErrors(t, tt.text, tt.want) })
	}
}

func TestOnlyProseMayRunOverSeveralLines(t *testing.T) {
	var free []string
	for _, s := range sections {
		for name, f := range fieldsOf(s.typ).byName {
			if f.rules.free {
				free = append(free, s.kind+"."+name)
			}
		}
	}
	slices.Sort(free)
	want := []string{"activity.summary", "question.help", "resource.how", "resource.summary", "situation.summary"}
	if !slices.Equal(free, want) {
		t.Errorf("free text fields are %q, want %q", free, want)
	}
}

func TestErrorsWriteOutWhatWouldActOnATerminal(t *testing.T) {
	tests := []struct {
		name string
		err  *Error
		want string
	}{
		{"at a line", &Error{Path: "mine.yaml", Line: 3, Col: 5, Msg: "title: missing"}, "mine.yaml:3:5: title: missing"},
		{"the whole file", &Error{Path: "mine.yaml", Msg: "is too large"}, "mine.yaml: is too large"},
		{"a hostile file name", &Error{Path: "\x1b]0;owned\a.yaml", Msg: "is too large"}, `\u001b]0;owned\u0007.yaml: is too large`},
		{"a hostile message", &Error{Path: "p", Line: 1, Col: 1, Msg: "a\u202eb\nc"}, `p:1:1: a\u202eb c`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestErrorsShowTheFirstFiftyThenHowManyMore(t *testing.T) {
	tests := []struct {
		problems int
		lines    int
		last     string
	}{
		{1, 1, "p:1:1: problem 1"},
		{50, 50, "p:50:1: problem 50"},
		{51, 51, "and 1 more"},
		{1000, 51, "and 950 more"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.problems), func(t *testing.T) {
			errs := make(Errors, tt.problems)
			for i := range errs {
				errs[i] = &Error{Path: "p", Line: i + 1, Col: 1, Msg: fmt.Sprintf("problem %d", i+1)}
			}
			lines := strings.Split(errs.Error(), "\n")
			if len(lines) != tt.lines || lines[len(lines)-1] != tt.last {
				t.Errorf("%d lines ending %q, want %d ending %q", len(lines), lines[len(lines)-1], tt.lines, tt.last)
			}
		})
	}
}

func TestAnOldSafetyFieldSaysWhatReplacedIt(t *testing.T) {
	text := `questions:
  - id: okay
    phase: after
    audience: solo
    kind: single
    prompt: Are you okay?
    default: "yes"
    options:
      - {id: "yes", label: "Yes"}
      - {id: not-okay, label: Not really, safety: true}
`
	wantErrors(t, text, []string{`10:43: question "okay": options: option "not-okay": unknown field "safety" (safety is no longer used: write support: low or support: unsafe to bring up support, or guard: true to turn the check-in quiet)`})
}

// likesOnly is the part of a profile that once took minutes to refuse.
type likesOnly struct {
	Likes []string `yaml:"likes" ref:"tag activity"`
}

// TestUnknownLikesAreSearchedForAHintOnlyWhileShown decodes the hostile
// profile of issue 11, every entry a near miss so that each search for a
// hint would show in its message: only the problems that are shown are
// searched for, and all of them are counted. (How the cost grows with a
// million entries is BenchmarkDecodeHostile's to say.)
func TestUnknownLikesAreSearchedForAHintOnlyWhileShown(t *testing.T) {
	const entries = 20_000
	c, err := Defaults()
	if err != nil {
		t.Fatal(err)
	}
	var v likesOnly
	err = c.Decode("sam.yaml", hostileLikes(entries), &v)
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("err = %v, want catalogue Errors", err)
	}
	if len(errs) != entries {
		t.Errorf("%d problems, want one for each of the %d entries", len(errs), entries)
	}
	hinted := 0
	for _, e := range errs {
		if strings.Contains(e.Msg, "did you mean") {
			hinted++
		}
	}
	if hinted != shownErrors {
		t.Errorf("%d problems have a hint, want the %d shown", hinted, shownErrors)
	}
	lines := strings.Split(errs.Error(), "\n")
	if want := fmt.Sprintf("and %d more", entries-shownErrors); len(lines) != shownErrors+1 || lines[shownErrors] != want {
		t.Errorf("the message has %d lines ending %q, want %d ending %q", len(lines), lines[len(lines)-1], shownErrors+1, want)
	}
}

// hostileLikes is a profile's likes list of n near misses of "touch",
// written as densely as YAML allows.
func hostileLikes(n int) []byte {
	return []byte("likes: [" + strings.Repeat("touc,", n-1) + "touc]\n")
}

// checkText fails t for any text in v that would act on a terminal, by the
// rules the decoder reads from the fields' tags.
func checkText(t *testing.T, at string, v reflect.Value, free bool) {
	t.Helper()
	switch v.Kind() {
	case reflect.String:
		if p := plain.Problem(v.String(), free); p != "" {
			t.Errorf("%s %s: %q", at, p, v.String())
		}
	case reflect.Slice:
		for i := range v.Len() {
			checkText(t, at, v.Index(i), free)
		}
	case reflect.Struct:
		for name, f := range fieldsOf(v.Type()).byName {
			checkText(t, at+": "+name, v.Field(f.index), f.rules.free)
		}
	}
}

// A value of a hundred kilobytes, where a word belongs, is quoted in a
// message only as far as it takes to recognise it, however many messages
// name it. (YAML itself refuses a key past 1,024 characters.)
func TestErrorsQuoteAHugeValueShort(t *testing.T) {
	huge, key := strings.Repeat("X", 100_000), strings.Repeat("X", 1000)
	tests := []struct {
		name, text string
	}{
		{"id", strings.Replace(activity, "id: warm-socks", "id: "+huge, 1)},
		{"field name", activity + "    " + key + ": red\n"},
		{"one of a few", strings.Replace(activity, "mode: either", "mode: "+huge, 1)},
		{"list name", key + ": []\n"},
		{"whole file", huge + "\n"},
		{"region", strings.Replace(resource, "[anywhere]", "["+huge+"]", 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := errorLines(t, tt.text)
			if len(lines) == 0 {
				t.Fatal("no error")
			}
			for _, line := range lines {
				if len(line) > 400 || !strings.Contains(line, strings.Repeat("X", maxQuoted)+"…") {
					t.Errorf("a message of %d bytes: %.200q…", len(line), line)
				}
			}
		})
	}
}
