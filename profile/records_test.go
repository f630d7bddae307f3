package profile

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/aftercare-tui/aftercare/catalog"
)

func TestSessionTextThatCouldActOnATerminalIsNeverWrittenNorRead(t *testing.T) {
	tests := []struct {
		name   string
		change func(s *Session)
		want   string // "" when the session is fine
	}{
		{"a note over lines", func(s *Session) { s.Note = "slept well\n\tthen tea" }, ""},
		{"an answer over lines", func(s *Session) { s.Shared["Sam"][0].Said = "okay\nmostly" }, ""},
		{"an escape in the note", func(s *Session) { s.Note = "\x1b[2J" }, `note: may not contain the control character \u001b`},
		{"a title change in an answer", func(s *Session) { s.Shared["Sam"][0].Said = "\x1b]0;pwned\a" }, `shared: "Sam"'s answer may not contain the control character \u001b`},
		{"a line break in a prompt", func(s *Session) { s.Shared["Sam"][0].Prompt = "Are you\nokay?" }, `shared: "Sam"'s prompt may not contain the control character \u000a`},
		{"a C1 control in a choice", func(s *Session) { s.Shared["Sam"][0].Choices = []string{"ok\u009b"} }, `shared: "Sam"'s choice may not contain the control character \u009b`},
		{"bidi in typed text", func(s *Session) { s.Shared["Sam"][0].Text = "\u202eko" }, `"Sam"'s text may not contain \u202e`},
		{"an escape in what was chosen", func(s *Session) { s.Chosen = []string{"tea\x1b[31m"} }, `chosen: may not contain the control character \u001b`},
		{"an escape in the situation", func(s *Session) { s.Situation = "\x1bP" }, `situation: may not contain`},
		{"an escape in a rated activity", func(s *Session) { s.Ratings[0].Activity = "tea\x07" }, `ratings: an activity may not contain the control character \u0007`},
		{"an invisible name", func(s *Session) { s.People[1] = "Alex\u200b" }, `people: "Alex\u200b" may not contain \u200b`},
		{"an escape in a follow-up's answer", func(s *Session) {
			s.FollowUp = &FollowUp{For: []string{"Sam"}, Shared: map[string][]Shared{"Sam": {{Question: "q", Prompt: "p", Said: "\x1b[5m"}}}}
		}, `followup: "Sam"'s answer may not contain`},
		{"one person's answers under two spellings", func(s *Session) { s.Shared["sam"] = s.Shared["Sam"] }, `shared: "Sam"'s answers are given twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sess := session("s1", testStart, "Sam", "Alex")
			tt.change(sess)
			s := newStore(t)
			err := s.SaveSession(sess)
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), "session not saved: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("saving: %v, want %q", err, tt.want)
			}
			if fileExists(s.sessionPath("s1")) {
				t.Error("the session was written")
			}
			// Written by hand, the reader refuses it at its line.
			data := mustEncodeWithout(t, sess)
			_, err = decodeSession("s.json", data)
			var errs catalog.Errors
			if !errors.As(err, &errs) || !strings.Contains(err.Error(), tt.want) || errs[0].Line < 2 {
				t.Errorf("reading: %v, want %q at its line", err, tt.want)
			}
		})
	}
}

// mustEncodeWithout writes a session as encodeSession would, but without
// its checks, as a hand-edited or planted file would be.
func mustEncodeWithout(t *testing.T, s *Session) []byte {
	t.Helper()
	data, err := jsonIndent(s)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestASessionThatWouldNotReadBackIsRefused(t *testing.T) {
	tests := []struct {
		name   string
		change func(s *Session)
		want   string
	}{
		{"not UTF-8", func(s *Session) { s.Note = "tea \xff" }, "note: is not valid UTF-8 text"},
		{"over the size limit", func(s *Session) { s.Note = strings.Repeat("a long night ", MaxSessionBytes/10) }, "a session may be at most 1 MiB"},
		{"too many people", func(s *Session) {
			for i := range catalog.MaxPeople {
				s.People = append(s.People, fmt.Sprintf("Person %d", i))
			}
		}, "people: at most 12 people, not 14"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sess := session("s1", testStart, "Sam", "Alex")
			tt.change(sess)
			if _, err := encodeSession(sess); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestInvalidUTF8InASessionIsReportedAtItsLine(t *testing.T) {
	data := []byte("{\n  \"id\": \"x\",\n  \"note\": \"tea \xff\"\n}\n")
	if _, err := decodeSession("s.json", data); err == nil || !strings.Contains(err.Error(), "s.json:3:16: not valid UTF-8") {
		t.Errorf("error %v, want it at 3:16", err)
	}
}

func TestOneFileReportsAtMostFiftyProblems(t *testing.T) {
	sess := session("s1", testStart, "Sam")
	for i := range 500 {
		sess.Ratings = append(sess.Ratings, Rating{Person: "Sam", Activity: "make-tea", Rating: fmt.Sprint("meh", i)})
	}
	_, err := decodeSession("s.json", mustEncodeWithout(t, sess))
	var errs catalog.Errors
	if !errors.As(err, &errs) || len(errs) != maxProblems+1 || errs[maxProblems].Msg != "and 450 more problems" {
		t.Fatalf("%d problems reported, the last %v", len(errs), errs[len(errs)-1])
	}
}

func TestARecordOverItsLimitIsNeverWritten(t *testing.T) {
	s := newStore(t)
	p := sam()
	p.Notes = strings.Repeat("notes ", MaxProfileBytes/6+1)
	if err := s.CreateProfile(p); err == nil || !strings.Contains(err.Error(), "a profile may be at most 64 KiB") {
		t.Errorf("a profile over its limit: %v", err)
	}
	if _, err := s.CheckProfileFile("p.yaml", []byte("name: Sam\nnotes: "+p.Notes+"\n")); err == nil || !strings.Contains(err.Error(), "p.yaml:1:1: too large") {
		t.Errorf("an edited profile over its limit: %v", err)
	}
	if fileExists(s.Dir()) {
		t.Error("something was written")
	}
}

func TestAFileRemovedWhileHistoryIsReadIsSimplyGone(t *testing.T) {
	s := newStore(t)
	if err := s.CreateProfile(sam()); err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		if err := s.SaveSession(session(fmt.Sprint("keep", i), testStart, "Sam")); err != nil {
			t.Fatal(err)
		}
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			id := fmt.Sprint("gone", i%50)
			if err := s.SaveSession(session(id, testStart, "Alex")); err != nil {
				panic(err)
			}
			if err := s.CreateProfile(&Profile{Name: "Alex"}); err != nil {
				panic(err)
			}
			if _, err := s.ForgetPerson("Alex"); err != nil {
				panic(err)
			}
		}
	})
	defer wg.Wait()
	defer close(stop)
	for range 200 {
		sessions, err := s.Sessions()
		if err != nil {
			t.Fatal(err)
		}
		profiles, err := s.Profiles()
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range append(sessionErrs(sessions), profileErrs(profiles)...) {
			if e != nil {
				t.Fatalf("a file forgotten while it was read is called damaged: %v", e)
			}
		}
	}
}

func TestAVanishedRecordIsNotDamaged(t *testing.T) {
	dir := t.TempDir()
	_, err := readRecord(filepath.Join(dir, "gone.json"), "session", MaxSessionBytes, nil)
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a file that is not there: %v, want ErrNotExist", err)
	}
}

func TestARecordIsReadInItsOwnFolderOnly(t *testing.T) {
	here, there := t.TempDir(), t.TempDir()
	for dir, text := range map[string]string{here: "here", there: "there"} {
		if err := os.WriteFile(filepath.Join(dir, "s.json"), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	dir, err := os.Open(here)
	if err != nil {
		t.Fatal(err)
	}
	defer dir.Close()
	for path, want := range map[string]string{filepath.Join(here, "s.json"): "here", filepath.Join(there, "s.json"): "there"} {
		for _, in := range []*os.File{dir, nil} {
			if data, err := readRecordIn(in, path, "session", MaxSessionBytes, nil); string(data) != want || err != nil {
				t.Errorf("%s read in %v: %q, %v; want %q", path, in, data, err, want)
			}
		}
	}
	if _, err := readRecordIn(dir, filepath.Join(here, "gone.json"), "session", MaxSessionBytes, nil); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a file that is not there: %v, want ErrNotExist", err)
	}
}

func jsonIndent(s *Session) ([]byte, error) {
	data, err := json.MarshalIndent(s, "", "  ")
	return append(data, '\n'), err
}

func profileErrs(entries []ProfileEntry) []error {
	var out []error
	for _, e := range entries {
		out = append(out, e.Err)
	}
	return out
}

func sessionErrs(entries []SessionEntry) []error {
	var out []error
	for _, e := range entries {
		out = append(out, e.Err)
	}
	return out
}

func TestAHistoryListingGivesEachAnswerAndNoteOneLine(t *testing.T) {
	sess := session("s1", testStart, "Sam")
	sess.Shared["Sam"][0].Said = "okay,\nmostly"
	sess.Note = "tea\n\nthen sleep"
	text := FormatSession(testCatalog(), sess)
	for _, want := range []string{"    Are you okay? okay, mostly\n", "  Note: tea  then sleep\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("listing lacks %q:\n%s", want, text)
		}
	}
}

func TestLoneSurrogateFindsHalfACharacter(t *testing.T) {
	for _, tc := range []struct {
		name, json string
		want       int
	}{
		{"plain text", `{"note": "tea"}`, -1},
		{"a whole pair", `{"note": "\ud83c\udf38"}`, -1},
		{"a pair in capitals", `{"note": "\uD83C\uDF38"}`, -1},
		{"a high half alone", `{"note": "line \ud800 one"}`, 15},
		{"a low half alone", `{"note": "\udc00"}`, 10},
		{"two highs", `{"note": "\ud83c\ud83c"}`, 10},
		{"a high half at the end", `"\ud83c`, 1},
		{"an escaped backslash before u", `{"note": "\\ud800"}`, -1},
		{"other escapes", `{"note": "a\"b\\c\n\u00e9"}`, -1},
		{"not an escape", `{"note": "\uzz"}`, -1},
		{"a backslash at the end", `\`, -1},
		{"half an escape at the end", `"\u12`, -1},
		{"a high half and half an escape", `"\ud83c\u12`, 1},
	} {
		if got := loneSurrogate([]byte(tc.json)); got != tc.want {
			t.Errorf("%s: loneSurrogate(%s) = %d, want %d", tc.name, tc.json, got, tc.want)
		}
	}
}

// A session holding half a character is damaged where it is, never read
// as U+FFFD and written back that way.
func TestASessionWithHalfACharacterIsDamagedAtItsLine(t *testing.T) {
	data := []byte("{\n  \"id\": \"20261102T220000-dddddd\",\n  \"note\": \"line \\ud800 one\"\n}\n")
	_, err := decodeSession("s.json", data)
	if err == nil || !strings.Contains(err.Error(), "s.json:3:17: a \\u escape here is half of a character") {
		t.Errorf("decodeSession: %v", err)
	}
}
