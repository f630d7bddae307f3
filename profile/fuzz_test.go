package profile

import (
	"errors"
	"reflect"
	"testing"
	"time"

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
		checkSessionByHand(t, data, sess)
		if err != nil {
			placed(t, "s.json", err)
			return
		}
		if _, err := encodeSession(sess); err != nil {
			t.Errorf("a session that was read cannot be written: %v", err)
		}
	})
}

func FuzzIndex(f *testing.F) {
	asked := session("s1", testStart, "Sam", "Alex")
	done := testStart.Add(time.Hour)
	asked.FollowUp = &FollowUp{For: []string{"Sam"}, Done: &done}
	const header = "aftercare index 2 test"
	index := encodeIndex(header, []indexEntry{summary(testCatalog(), "s1.json", stamp{Size: 812, Mod: 1, Inode: 2}, asked),
		summary(testCatalog(), "s2.json", stamp{}, session("s2", testStart, "Kai"))})
	f.Add(index)
	f.Add(index[:len(index)-3])
	f.Add([]byte(header + "\n\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n"))
	f.Add([]byte(header + "\nx.json\t1\t2\t3\tx\t2026-11-20T22:10:00Z\tsolo\t\t\tSa\rm\t\t\t\t\t\t4\x1e0\x1etrue\x1efalse\n"))
	f.Add([]byte(header + "\nx.json\t1\t2\t3\tx\t2026-11-20T22:10:00Z\tsolo\t\t\tSam\t\t\t\t\tSam\x1emake-tea\x1ehelped\t4.5\x1e0\x1etrue\x1efalse\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, ok := decodeIndex(header, data)
		if !ok {
			return
		}
		again, ok := decodeIndex(header, encodeIndex(header, entries))
		if !ok || len(again) != len(entries) {
			t.Fatalf("an index that was read does not read back the same: %d entries, then %d", len(entries), len(again))
		}
		for i := range entries {
			if !reflect.DeepEqual(alike(&entries[i].sess), alike(&again[i].sess)) || entries[i].stamp != again[i].stamp || entries[i].File != again[i].File ||
				!reflect.DeepEqual(entries[i].figures, again[i].figures) {
				t.Errorf("entry %d read back as\n%+v\nnot\n%+v", i, again[i], entries[i])
			}
		}
	})
}
