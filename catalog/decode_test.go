package catalog

import (
	"errors"
	"strings"
	"testing"
)

// A null (~, null, or nothing after a dash) where text is expected would
// be kept as "", pass, and fail far from where it was written; a field
// left empty is told apart from one left out, as "" is.
func TestNothingIsRefusedWhereTextIsExpected(t *testing.T) {
	title := func(yaml string) string { return strings.Replace(activity, " Put on warm socks", yaml, 1) }
	tests := []struct {
		name string
		text string
		want []string // "line:col: message" fragments, one per error; none when it loads
	}{
		{"~ as a tag", activity + "    tags: [~]\n",
			[]string{`10:12: activity "warm-socks": tags: expected text, got nothing (~ or null)`}},
		{"null as a tag", activity + "    tags: [null]\n",
			[]string{`10:12: activity "warm-socks": tags: expected text, got nothing (~ or null)`}},
		{"~ as a thing", activity + "    things: [~]\n",
			[]string{`10:14: activity "warm-socks": things: expected text, got nothing (~ or null)`}},
		{"null and empty steps", activity + "    steps: [null, \"\"]\n",
			[]string{`10:13: activity "warm-socks": steps: expected text, got nothing (~ or null)`, `10:19: activity "warm-socks": steps: an entry must not be empty`}},
		{"a dash with nothing after it", activity + "    steps:\n      - Find them.\n      -\n",
			[]string{`12:8: activity "warm-socks": steps: expected text, got nothing (~ or null)`}},
		{"a step of spaces", activity + "    steps: [\"  \"]\n",
			[]string{`10:13: activity "warm-socks": steps: an entry must not be empty`}},
		{"an empty tag", activity + "    tags: [\"\"]\n",
			[]string{`10:12: activity "warm-socks": tags: an entry must not be empty`}},
		{"~ as a region", strings.Replace(resource, "[anywhere]", "[~]", 1),
			[]string{`5:15: resource "helpline": regions: expected text, got nothing (~ or null)`}},
		{"~ in a list of needs", strings.Replace(activity, "{warmth: 2}", "[warmth, ~]", 1),
			[]string{`5:21: activity "warm-socks": needs: expected a need, got nothing (~ or null)`}},
		{"~ as a need with a weight", strings.Replace(activity, "{warmth: 2}", "{~: 2}", 1),
			[]string{`5:13: activity "warm-socks": needs: expected a need, got nothing (~ or null)`}},
		{"~ as an option", "questions:\n  - {id: q, phase: after, audience: solo, kind: single, prompt: P, options: [{id: a, label: A}, ~], default: a}\n",
			[]string{`2:97: question "q": options: option #2: expected fields (name: value), got nothing (~ or null)`}},
		{"~ as a default option", "questions:\n  - {id: q, phase: after, audience: solo, kind: multi, prompt: P, options: [{id: a, label: A}, {id: b, label: B}], default: [~]}\n",
			[]string{`2:126: question "q": default: expected an option id, got nothing (~ or null)`}},
		{"~ as a number", strings.Replace(activity, "[1, 3]", "[1, ~]", 1),
			[]string{`8:18: activity "warm-socks": minutes: expected a whole number, got nothing (~ or null)`}},
		{"~ as a title", title(" ~"), []string{`3:12: activity "warm-socks": title: must not be empty`}},
		{"null as a title", title(" null"), []string{`3:12: activity "warm-socks": title: must not be empty`}},
		{"nothing as a title", title(""), []string{`3:11: activity "warm-socks": title: must not be empty`}},
		{"empty text as a title", title(` ""`), []string{`3:12: activity "warm-socks": title: must not be empty`}},
		{"no title", strings.Replace(activity, "    title: Put on warm socks\n", "", 1),
			[]string{`2:5: activity "warm-socks": title: missing`}},
		{"~ for no steps, as if left out", activity + "    steps: ~\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantErrors(t, tt.text, tt.want) })
	}
}

// A profile is read by the same decoder, and its likes and never-list
// name tags and activities.
func TestAProfileLikesNothingOnlyByLeavingItOut(t *testing.T) {
	c, err := Defaults()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       string // the problem, or "" when it reads
	}{
		{"~ as a like", "likes: [~]\n", `sam.yaml:1:9: likes: expected text, got nothing (~ or null)`},
		{"null after a like", "likes: [cuddle, null]\n", `sam.yaml:1:17: likes: expected text, got nothing (~ or null)`},
		{"an empty like", "likes: [\"\"]\n", `sam.yaml:1:9: likes: an entry must not be empty`},
		{"no likes, said with ~", "likes: ~\n", ""},
		{"no likes, said with an empty list", "likes: []\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v likesOnly
			err := c.Decode("sam.yaml", []byte(tt.text), &v)
			var errs Errors
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("err = %v, want none", err)
			case tt.want != "" && (!errors.As(err, &errs) || len(errs) != 1 || errs[0].Error() != tt.want):
				t.Errorf("err = %v, want only %s", err, tt.want)
			}
		})
	}
}
