package profile

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWithoutTakesAPersonOutOfEveryPartOfARecord(t *testing.T) {
	done := testStart.Add(12 * time.Hour)
	followedUp := func(s *Session, f *FollowUp) *Session {
		s.FollowUp = f
		return s
	}
	askedBy := func(shared bool, names ...string) *FollowUp {
		f := &FollowUp{For: names}
		if shared {
			f.Done = &done
			f.Shared = map[string][]Shared{}
			for _, n := range names {
				f.Shared[n] = []Shared{{Question: "followup-now", Prompt: "How are you now?", Said: "1 of 5 (Really low)"}}
			}
		}
		return f
	}
	tests := []struct {
		name    string
		session *Session
		want    string // the session without Sam, as JSON
	}{
		{"a check-in together", session("c", testStart, "Sam", "Alex"),
			`{"id":"c","started":"2026-11-20T22:10:00Z","mode":"together","people":["Alex"],"situation":"scene","shared":{"Alex":[{"question":"okay","prompt":"Are you okay?","choices":["okay"],"said":"Yes, I'm okay"}]},"chosen":["make-tea"],"ratings":[{"person":"Alex","activity":"make-tea","rating":"helped"}]}`},
		{"a follow-up done for both", followedUp(session("c", testStart, "SAM", "Alex"), askedBy(true, "SAM", "Alex")),
			`{"id":"c","started":"2026-11-20T22:10:00Z","mode":"together","people":["Alex"],"situation":"scene","shared":{"Alex":[{"question":"okay","prompt":"Are you okay?","choices":["okay"],"said":"Yes, I'm okay"}]},"chosen":["make-tea"],"ratings":[{"person":"Alex","activity":"make-tea","rating":"helped"}],"followup":{"for":["Alex"],"done":"2026-11-21T10:10:00Z","shared":{"Alex":[{"question":"followup-now","prompt":"How are you now?","said":"1 of 5 (Really low)"}]}}}`},
		{"a follow-up for Sam alone", followedUp(session("c", testStart, "sam", "Alex"), askedBy(true, "sam")),
			`{"id":"c","started":"2026-11-20T22:10:00Z","mode":"together","people":["Alex"],"situation":"scene","shared":{"Alex":[{"question":"okay","prompt":"Are you okay?","choices":["okay"],"said":"Yes, I'm okay"}]},"chosen":["make-tea"],"ratings":[{"person":"Alex","activity":"make-tea","rating":"helped"}]}`},
		{"a follow-up waiting for both", followedUp(session("c", testStart, "Sam", "Alex"), askedBy(false, "Sam", "Alex")),
			`{"id":"c","started":"2026-11-20T22:10:00Z","mode":"together","people":["Alex"],"situation":"scene","shared":{"Alex":[{"question":"okay","prompt":"Are you okay?","choices":["okay"],"said":"Yes, I'm okay"}]},"chosen":["make-tea"],"ratings":[{"person":"Alex","activity":"make-tea","rating":"helped"}],"followup":{"for":["Alex"]}}`},
		{"a private follow-up", NewPrivateFollowUp(testStart, "Sam"), ""},
		{"a check-in alone", session("c", testStart, "Sam"), ""},
		{"someone else's", session("c", testStart, "Samantha", "Alex"), "unchanged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := json.Marshal(tt.session)
			after := tt.session.without("Sam")
			got, _ := json.Marshal(after)
			switch {
			case tt.want == "" && len(after.People) != 0:
				t.Errorf("left %s, want nobody", got)
			case tt.want == "unchanged" && string(got) != string(before):
				t.Errorf("changed to %s", got)
			case tt.want != "" && tt.want != "unchanged" && string(got) != tt.want:
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if again, _ := json.Marshal(tt.session); string(again) != string(before) {
				t.Errorf("the record it was made from changed: %s", again)
			}
			if tt.want != "" && tt.want != "unchanged" && strings.Contains(strings.ToLower(string(got)), "sam") {
				t.Errorf("Sam is still in %s", got)
			}
		})
	}
}

// A damaged profile whose file name is the person's goes with them, and
// is not also named as left; any other damaged profile is named, since it
// may hold them.
func TestForgettingAPersonNamesOtherDamagedProfiles(t *testing.T) {
	s := newStore(t)
	for _, name := range []string{"Sam", "Robin"} {
		if err := s.CreateProfile(&Profile{Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	for _, file := range []string{"sam.yaml", "robin.yaml"} {
		path := filepath.Join(s.profilesDir(), file)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(data, "# \xff\n"...), fileMode); err != nil {
			t.Fatal(err)
		}
	}
	f, err := s.ForgetPerson("Sam")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Profiles) != 1 || filepath.Base(f.Profiles[0]) != "sam.yaml" {
		t.Errorf("removed %v, want sam.yaml", f.Profiles)
	}
	if len(f.Unchecked) != 1 || !strings.Contains(f.Unchecked[0].Error(), "robin.yaml") {
		t.Errorf("left unchecked %v, want robin.yaml alone", f.Unchecked)
	}
}
