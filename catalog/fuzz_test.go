package catalog

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/aftercare-tui/aftercare/plain"
)

// FuzzLoad feeds arbitrary bytes to the loader as a person's own file. It
// must never panic, must report every problem inside that file at a real
// line and column in words that cannot act on a terminal, and what it
// accepts must be safe to show and to suggest from.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(activity))
	f.Add([]byte(fixture))
	f.Add([]byte("activities:\n  - id: cuddle\n    disabled: true\n"))
	f.Add([]byte("needs: [{id: a, label: A, opposes: [a]}]\n"))
	f.Add([]byte("questions:\n  - {id: q, phase: after, audience: solo, kind: scale, prompt: P, scale: [1, 5], default: 3}\n"))
	f.Add([]byte(strings.Replace(activity, "Put on warm socks", `"Socks\e]0;owned\a\x9b2J"`, 1)))
	f.Add([]byte(strings.Replace(activity, "Cold feet come fast afterwards.", `"Cold feet.\n\tWarm socks \u202eskcos."`, 1)))
	f.Add([]byte(strings.Replace(resource, "https://example.org", `"\e]8;;https://evil.example\e\\help\e]8;;\e\\"`, 1)))
	f.Add([]byte("needs:\n  - {id: \"n\\e\", label: \"\\u2066N\"}\n\"\\e[2J\": []\n"))
	defaults, err := defaults()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const path = "mine.yaml"
		c, err := layer(append(defaults[:len(defaults):len(defaults)], file{path: path, data: data, user: true}))
		if err != nil {
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("error %v is not catalogue Errors", err)
			}
			for _, e := range errs {
				if e.Path != path || e.Line < 1 || e.Col < 1 || e.Msg == "" {
					t.Errorf("badly placed error: %#v", e)
				}
				if p := plain.Problem(e.Msg, false); p != "" {
					t.Errorf("the message %s: %q", p, e.Msg)
				}
			}
			return
		}
		for _, s := range sections {
			checkText(t, s.key, reflect.ValueOf(s.list(c)), false)
		}
		c.Suggest(Request{Mode: Together, Minutes: 10, People: []Person{
			{Name: "Sam", Needs: needs("closeness")}, {Name: "Alex", Needs: needs("space")},
		}})
	})
}

// FuzzParseRequest feeds arbitrary bytes to the request reader, which
// must never panic and must place every error, in words that cannot act
// on a terminal.
func FuzzParseRequest(f *testing.F) {
	f.Add([]byte("mode: together\nsituation: scene\nminutes: 20\npeople:\n  - {name: Sam, needs: [closeness], avoid: [kissing]}\n  - {name: Alex, needs: {space: 3}}\n"))
	f.Add([]byte(`{"mode": "solo", "people": [{"name": "Kai", "needs": ["quiet"], "likes": ["tea"]}]}`))
	f.Add([]byte(`{"people": [{"name": "Kai\u001b]0;owned\u0007", "needs": {"qu\u202eiet": 2}, "likes": ["t\u009bea"]}]}`))
	c := fixtureCatalog(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		req, err := c.ParseRequest("request.yaml", data)
		if err != nil {
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("error %v is not catalogue Errors", err)
			}
			for _, e := range errs {
				if e.Line < 1 || e.Col < 1 {
					t.Errorf("badly placed error: %#v", e)
				}
				if p := plain.Problem(e.Msg, false); p != "" {
					t.Errorf("the message %s: %q", p, e.Msg)
				}
			}
			return
		}
		c.Suggest(req)
	})
}
