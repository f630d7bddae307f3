package profile

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/plain"
	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "rewrite the exports in testdata/export")

// awkward are words that each format must take care with: long lines,
// several lines, what YAML or markdown would read as syntax, quotes,
// controls, line separators, emoji and right-to-left text.
var awkward = []string{
	"Tea, then a long quiet while on the sofa with the blanket and the lamp down low, and nobody needing to say anything at all for a good while.",
	"one\ntwo\n\n  three, indented",
	"key: value # not a comment",
	"- not an item",
	`"quoted" and 'quoted' and \backslash`,
	"=SUM(A1:A9)",
	"bell\a escape\x1b[31m del\x7f c1\u0085",
	"line\u2028separator",
	"❤️ 👩‍❤️‍👨 مرحبا",
	" leading and trailing ",
	"yes",
	"",
}

// richExport has a record of each kind, with every field filled and the
// awkward words spread through them, and two profiles.
func richExport() *Export {
	at := time.Date(2026, 3, 29, 1, 30, 0, 0, time.FixedZone("", 3600))
	done := at.Add(14 * time.Hour)
	scale := 3
	x := &Export{Version: ExportVersion, Profiles: []Profile{
		{Name: "Sam", Pronouns: "they/them", Likes: []string{"make-tea", "soft"}, Never: []string{"kissing"}, Leaning: "closeness", Talk: "quiet",
			Needs: catalog.Weights{{Need: "closeness", Weight: 2}, {Need: "rest", Weight: 1}}, Helps: map[string][]string{"scene": {"blanket-wrap"}, "tender": {"make-tea"}},
			Notes: strings.Join(awkward, "\n")},
		{Name: "李小龍 🌸"},
	}}
	for i, word := range awkward {
		started := at.Add(time.Duration(i) * 36 * time.Hour)
		s := Session{ID: started.UTC().Format("20060102T150405") + fmt.Sprintf("-%06x", i), Started: started, Mode: "together", People: []string{"Sam", "Alex"}, Situation: "scene",
			Shared: map[string][]Shared{
				"Sam":  {{Question: "okay", Prompt: "Are you okay?", Choices: []string{"okay"}, Said: word}},
				"Alex": {{Question: "more", Prompt: "Anything else?", Text: word, Said: word}, {Question: "followup-now", Prompt: "How are you now?", Scale: &scale, Said: "3 of 5"}},
			},
			Chosen: []string{"make-tea", "blanket-wrap"}, Note: word,
			Ratings: []Rating{{Person: "Sam", Activity: "make-tea", Rating: catalog.Helped}, {Person: "Alex", Activity: "blanket-wrap", Rating: catalog.DidntHelp}}}
		switch i % 4 {
		case 1:
			s.FollowUp = &FollowUp{For: []string{"Sam"}}
		case 2:
			s.FollowUp = &FollowUp{For: []string{"Sam", "Alex"}, Done: &done, Shared: map[string][]Shared{"Alex": {{Question: "followup-now", Prompt: "How are you now?", Scale: &scale, Said: word}}}}
		case 3:
			s.Kind, s.Chosen, s.Ratings, s.Note, s.Situation = Plan, []string{}, []Rating{}, "", ""
			s.Shared = map[string][]Shared{}
		}
		x.Sessions = append(x.Sessions, s)
	}
	private := NewPrivateFollowUp(at.Add(-time.Hour), "Alex")
	private.ID = "20260328T233000-abcdef"
	x.Sessions = append(x.Sessions, *private)
	x.sort()
	return x
}

// TestExportsAreWrittenAsBefore holds every format to what it wrote of a
// rich export and of an empty one, byte for byte: an export is a backup,
// and one that reads back differently, or differs from the last for
// nothing, is worth less.
func TestExportsAreWrittenAsBefore(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	for name, x := range map[string]*Export{"rich": richExport(), "empty": {Version: ExportVersion, Profiles: []Profile{}, Sessions: []Session{}}} {
		for _, format := range ExportFormats {
			var got []byte
			var err error
			if format == "markdown" {
				got = x.markdown(testCatalog(), cet)
				if name == "empty" {
					// Without a time, the zone is now's, in cet.
					got = []byte(strings.Replace(string(got), "Times are local (CET, UTC+01:00).", "Times are local (now).", 1))
				}
			} else if got, err = x.Encode(format, testCatalog()); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "export", name+"."+format)
			if *update {
				must(t, os.WriteFile(path, got, 0o600))
				continue
			}
			want, err := os.ReadFile(path)
			must(t, err)
			if string(got) != string(want) {
				gotLines, wantLines := strings.SplitAfter(string(got), "\n"), strings.SplitAfter(string(want), "\n")
				i := 0
				for i < min(len(gotLines), len(wantLines)) && gotLines[i] == wantLines[i] {
					i++
				}
				t.Errorf("the %s %s export changed at line %d:\n%q\nwas\n%q", name, format, i+1,
					strings.Join(gotLines[i:min(i+3, len(gotLines))], ""), strings.Join(wantLines[i:min(i+3, len(wantLines))], ""))
			}
		}
	}
}

// TestExportWriterWritesWhatWholeEncodersWrite compares the JSON and YAML
// written a record at a time with those encoders' own output for the
// whole export, over records of words picked at random from pieces that
// change how each format writes a string.
func TestExportWriterWritesWhatWholeEncodersWrite(t *testing.T) {
	pieces := []string{"a", "tea", " ", "  ", "\n", "\n\n", "\t", ":", ": ", "#", " #", "-", "- ", "'", `"`, `\`, "|", ">", "&", "*", "!", "%", "@", "`",
		"yes", "no", "null", "~", "1", "0x1F", "1e3", "2026-11-20", "é", "❤️", "李", "\u2028", "\x7f", "\u0085", "\x1b", "{", "}", "[", "]", ",", "?"}
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	for i := range 300 {
		x := &Export{Version: ExportVersion, Profiles: []Profile{{Name: "Sam", Notes: word()}}, Sessions: []Session{}}
		for j := range rng.IntN(4) {
			at := testStart.Add(time.Duration(j) * time.Hour)
			s := Session{ID: fmt.Sprintf("s%d", j), Started: at, Mode: "together", People: []string{"Sam", word()}, Note: word(),
				Shared: map[string][]Shared{"Sam": {{Question: "more", Prompt: word(), Text: word(), Said: word()}}}, Chosen: []string{word()}}
			if rng.IntN(2) == 0 {
				s.FollowUp = &FollowUp{For: []string{"Sam"}, Done: &at, Shared: map[string][]Shared{"Sam": {{Question: "q", Prompt: word(), Said: word()}}}}
			}
			x.Sessions = append(x.Sessions, s)
		}
		whole, err := json.MarshalIndent(x, "", "  ")
		must(t, err)
		wantJSON := plain.Text(string(whole)) + "\n"
		var b bytes.Buffer
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		must(t, enc.Encode(x))
		must(t, enc.Close())
		for format, want := range map[string]string{"json": wantJSON, "yaml": b.String()} {
			got, err := x.Encode(format, testCatalog())
			must(t, err)
			if string(got) != want {
				t.Fatalf("export %d in %s, written a record at a time:\n%s\nwhole:\n%s", i, format, got, want)
			}
		}
	}
}
