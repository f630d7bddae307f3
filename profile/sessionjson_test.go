package profile

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// sameAsJSON checks what readSessionJSON makes of data against what
// json.Decoder makes of it: when the first reads it, the second must too,
// to the same session.
func sameAsJSON(t *testing.T, data []byte) bool {
	t.Helper()
	fast, ok := readSessionJSON(data)
	if !ok {
		return false
	}
	strict, err := decodeSessionStrictly("s.json", data)
	if err != nil {
		t.Errorf("read by hand, refused by json (%v):\n%s", err, data)
	} else if !reflect.DeepEqual(fast, strict) {
		t.Errorf("read by hand as\n%#v\nby json as\n%#v\nfrom\n%s", fast, strict, data)
	}
	return true
}

// trickySession has something of every kind a session holds, in words
// json escapes.
func trickySession() *Session {
	s := session("20261120T221000-a1b2c3", testStart.Add(123456789), "Sam", "Zoë")
	scale := 0
	done := time.Date(2026, 11, 21, 9, 30, 0, 5, time.FixedZone("", 5*3600+1800))
	s.Shared["Sam"] = append(s.Shared["Sam"], Shared{Question: "how", Prompt: "How are you?", Scale: &scale, Said: "0"},
		Shared{Question: "words", Prompt: `Say "anything" <3 & more`, Text: "tea\nthen \\ sleep\u2028\tà", Said: "tea\nthen \\ sleep\u2028\tà"})
	s.Note = "We <3 tea & quiet, \"mostly\".\nThen: 😴"
	s.FollowUp = &FollowUp{For: []string{"Zoë"}, Done: &done, Shared: map[string][]Shared{"Zoë": {{Question: "okay", Prompt: "Okay?", Choices: []string{"okay", "unsure"}, Said: "okay, unsure"}}}}
	return s
}

func TestSessionsAreReadByHandAsJSONReadsThem(t *testing.T) {
	saved := func(s *Session) []byte {
		data, err := encodeSession(s)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	plan := session("p1", testStart, "Sam")
	plan.Kind, plan.Chosen, plan.Ratings = Plan, nil, nil
	for _, data := range [][]byte{saved(session("s1", testStart, "Sam", "Alex")), saved(trickySession()), saved(plan),
		saved(NewPrivateFollowUp(testStart, "Kai"))} {
		if !sameAsJSON(t, data) {
			t.Errorf("a session as it is saved is not read by hand:\n%s", data)
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, data); err != nil {
			t.Fatal(err)
		}
		if !sameAsJSON(t, compact.Bytes()) {
			t.Errorf("a session saved without spaces is not read by hand:\n%s", compact.Bytes())
		}
	}
	// Anything else is read by hand the same, or left to json.
	base := `{"id": "x", "started": "2026-11-20T22:00:00Z", "mode": "solo", "people": ["Sam"], "shared": {"Sam": [{"question": "q", "prompt": "p", "scale": SCALE, "said": "3"}]}, "chosen": [], "ratings": []}`
	for _, scale := range []string{"3", "-3", "0", "-0", "03", "3.0", "3e0", "-", "", "9223372036854775808", `"3"`, "null", "true"} {
		sameAsJSON(t, []byte(strings.Replace(base, "SCALE", scale, 1)))
	}
	sameAsJSON(t, []byte(strings.Replace(base, "SCALE", "3", 1)+" \r\n\t"))
	for _, odd := range []string{
		"", " ", "{}", "[]", "null", `{"id": "x"} {}`, `{"id": "x"}]`, "\ufeff{}", `{"id": "x",}`, `{"id" "x"}`, `{"id": "x" "mode": "solo"}`,
		`{"id": null}`, `{"ID": "x"}`, `{"Id": "x", "id": "y"}`, `{"id": "x", "id": "y"}`, `{"\u0069d": "x"}`, `{"other": 1}`,
		`{"id": "a\"b\\c\/d\u00e9\ud83d\ude34\ud800x"}`, `{"id": "a\qb"}`, `{"id": "a` + "\t" + `b"}`, `{"id": "x`, `{"id": 1}`,
		`{"started": "2026-11-20T22:00:00+01:00"}`, `{"started": "2026-11-20 22:00:00"}`, `{"started": "2026-11-20T22:00:0\u0030Z"}`, `{"started": null}`,
		`{"people": null}`, `{"people": ["a", null]}`, `{"people": ["a",]}`, `{"people": "a"}`, `{"shared": {"a": [], "a": []}}`,
		`{"shared": {"\u0061": [], "a": []}}`, `{"shared": {"a": null}}`, `{"shared": []}`, `{"ratings": [{"person": "a", "rating": "helped", "extra": 1}]}`,
		`{"followup": {"for": ["a"], "done": "2026-11-20T22:00:00Z", "shared": {}}}`, `{"followup": {}}`, `{"followup": null}`, `{"followup": {"for": ["a"], "for": []}}`,
		`{"shared": {"a": []}, "shared": {"b": []}}`, `{"followup": {"for": ["a"], "done": "2026-11-20T22:00:00Z"}, "followup": {"for": ["b"]}}`,
		`{"ratings": [{"person": "a"}], "ratings": [{"rating": "helped"}]}`, `{"shared": {"a": [{"said": "x"}], "a": [{"said": "y"}]}}`,
	} {
		sameAsJSON(t, []byte(odd))
	}
}

func TestSessionsAreWrittenByHandAsMarshalIndentWritesThem(t *testing.T) {
	empty := &Session{}
	nothing := &Session{Shared: map[string][]Shared{"Sam": nil, "Alex": {}}, Chosen: []string{}, Ratings: []Rating{},
		FollowUp: &FollowUp{Shared: map[string][]Shared{}}}
	odd := trickySession()
	odd.People = append(odd.People, "bad \xff byte", "\u2028", "\u2029", "<a href='x'>&amp;</a>", "é", "😴", "\xe2\x80")
	for c := range 256 {
		odd.People = append(odd.People, "a"+string(rune(c))+"b", "a"+string([]byte{byte(c)})+"b")
	}
	odd.Shared["Sam"][0].Choices = []string{}
	for _, s := range []*Session{session("s1", testStart, "Sam", "Alex"), trickySession(), NewPrivateFollowUp(testStart, "Kai"), empty, nothing, odd} {
		for _, prefix := range []string{"", "  ", "\t> "} {
			want, err := json.MarshalIndent(s, prefix, "  ")
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.AppendJSON([]byte("before"), prefix)
			if err != nil || !bytes.Equal(got, append([]byte("before"), want...)) {
				t.Errorf("written by hand as (%v)\n%s\nby json as\n%s", err, got, want)
			}
		}
	}
	late := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, s := range []*Session{{Started: late}, {FollowUp: &FollowUp{Done: &late}}} {
		_, want := json.MarshalIndent(s, "", "  ")
		if _, err := s.AppendJSON(nil, ""); err == nil || want == nil || err.Error() != want.Error() {
			t.Errorf("a time json cannot write fails by hand with %v, and with json with %v", err, want)
		}
	}
}

// TestTheHandReaderAndWriterKnowEverySessionField fails when a field is
// added to a session: readSessionJSON would leave each record with it to
// json, slowly, and AppendJSON would leave it out. Teach them the field,
// and add it to trickySession.
func TestTheHandReaderAndWriterKnowEverySessionField(t *testing.T) {
	known := map[reflect.Type][]string{
		reflect.TypeFor[Session]():  {"id", "started", "mode", "people", "situation,omitempty", "shared", "chosen", "note,omitempty", "ratings", "kind,omitempty", "followup,omitempty"},
		reflect.TypeFor[FollowUp](): {"for", "done,omitempty", "shared,omitempty"},
		reflect.TypeFor[Shared]():   {"question", "prompt", "choices,omitempty", "scale,omitempty", "text,omitempty", "said"},
		reflect.TypeFor[Rating]():   {"person", "activity", "rating"},
	}
	for typ, want := range known {
		var tags []string
		for f := range typ.Fields() {
			tags = append(tags, f.Tag.Get("json"))
		}
		if !slices.Equal(tags, want) {
			t.Errorf("%s has the JSON fields %q; readSessionJSON and AppendJSON know %q", typ, tags, want)
		}
	}
}

// checkSessionByHand checks, for the fuzzer, that data is read by hand as
// json reads it, and that a session read from it is written by hand as
// json writes it.
func checkSessionByHand(t *testing.T, data []byte, sess *Session) {
	if utf8.Valid(data) {
		sameAsJSON(t, data)
	}
	if sess == nil {
		return
	}
	want, err := json.MarshalIndent(sess, "  ", "  ")
	if got, gotErr := sess.AppendJSON(nil, "  "); !bytes.Equal(got, want) || (err == nil) != (gotErr == nil) {
		t.Errorf("written by hand as\n%s\nby json as\n%s", got, want)
	}
}
