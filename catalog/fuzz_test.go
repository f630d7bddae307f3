package catalog

import (
	"errors"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to the loader as a person's own file. It
// must never panic, must report every problem inside that file at a real
// line and column, and what it accepts must be safe to suggest from.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(activity))
	f.Add([]byte(fixture))
	f.Add([]byte("activities:\n  - id: cuddle\n    disabled: true\n"))
	f.Add([]byte("needs: [{id: a, label: A, opposes: [a]}]\n"))
	f.Add([]byte("questions:\n  - {id: q, phase: after, audience: solo, kind: scale, prompt: P, scale: [1, 5], default: 3}\n"))
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
			}
			return
		}
		c.Suggest(Request{Mode: Together, Minutes: 10, People: []Person{
			{Name: "Sam", Needs: needs("closeness")}, {Name: "Alex", Needs: needs("space")},
		}})
	})
}

// FuzzParseRequest feeds arbitrary bytes to the request reader, which
// must never panic and must place every error.
func FuzzParseRequest(f *testing.F) {
	f.Add([]byte("mode: together\nsituation: scene\nminutes: 20\npeople:\n  - {name: Sam, needs: [closeness], avoid: [kissing]}\n  - {name: Alex, needs: {space: 3}}\n"))
	f.Add([]byte(`{"mode": "solo", "people": [{"name": "Kai", "needs": ["quiet"], "likes": ["tea"]}]}`))
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
			}
			return
		}
		c.Suggest(req)
	})
}
