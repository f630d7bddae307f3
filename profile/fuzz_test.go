package profile

import (
	"errors"
	"testing"

	"github.com/aftercare-tui/aftercare/catalog"
)

// placed checks that every problem found in a file names it with a line
// and column.
func placed(t *testing.T, path string, err error) {
	t.Helper()
	var errs catalog.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("error %v is not placed in the file", err)
	}
	for _, e := range errs {
		if e.Path != path || e.Line < 1 || e.Col < 1 || e.Msg == "" {
			t.Errorf("badly placed error: %#v", e)
		}
	}
}

func FuzzProfile(f *testing.F) {
	data, _ := encodeProfile(sam())
	f.Add(data)
	f.Add([]byte("name: Kai\nhelps: {scene: [tea], rough: [make-tea]}\nneeds: [quiet]\n"))
	f.Add([]byte("name: [Kai\n"))
	s := Open(f.TempDir(), testCatalog(), true)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := s.CheckProfileFile("p.yaml", data)
		if err != nil {
			placed(t, "p.yaml", err)
			return
		}
		if p.Name == "" {
			t.Error("a profile without a name was accepted")
		}
		p.Person("scene")
	})
}

func FuzzSession(f *testing.F) {
	data, _ := encodeSession(session("s1", testStart, "Sam", "Alex"))
	f.Add(data)
	f.Add([]byte(`{"id": "x", "started": "2026-11-20T22:00:00Z", "mode": "solo", "people": ["Sam"], "shared": {"Sam": [{"question": "q", "prompt": "p", "scale": 3, "said": "3"}]}}`))
	f.Add([]byte(`{"id": "x", "people": [`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sess, err := decodeSession("s.json", data)
		if err != nil {
			placed(t, "s.json", err)
			return
		}
		if _, err := encodeSession(sess); err != nil {
			t.Errorf("a session that was read cannot be written: %v", err)
		}
	})
}
