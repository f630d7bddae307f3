package profile

import (
	"regexp"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Berlin wherever the tests run

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/plain"
)

// written are texts that markdown would make something of.
var written = []string{"*x*", "_x_", "[a](b)", "![i](http://x/i.png)", "# h", "h #", "<b>hi</b>", "<http://x>", "`code`",
	"~~gone~~", "a | b", "$x^2$", "&amp;", `back\slash`, "1. first", "2) second", "- item", "+ item", "> quote", "===", "---",
	"    code", "\tcode", "\x1b]0;title\a"}

// unescaped is markdown source as text, with each backslash escape undone.
var unescaped = regexp.MustCompile(`\\([[:punct:]])`)

func TestMarkdownShowsWhatPeopleWroteAsWritten(t *testing.T) {
	for _, text := range written {
		got := md(text)
		if want := strings.TrimLeft(plain.Line(text), " "); unescaped.ReplaceAllString(got, "$1") != want {
			t.Errorf("md(%q) = %q, which reads as %q", text, got, unescaped.ReplaceAllString(got, "$1"))
		}
		bare := unescaped.ReplaceAllString(got, "")
		if markdownSpecial.MatchString(bare) || markdownLineStart.MatchString(got) || strings.HasPrefix(got, " ") {
			t.Errorf("md(%q) = %q leaves markdown unescaped", text, got)
		}
	}
}

func TestAnAnswerOverSeveralLinesStaysInItsItem(t *testing.T) {
	x := &Export{Profiles: []Profile{{Name: "*Sam*", Notes: strings.Join(written, "\n")}}, Sessions: []Session{{
		ID: "s1", Started: testStart, Mode: "solo", People: []string{"[Sam](x)"}, Note: "one\n\n- two\n# three",
		Shared: map[string][]Shared{"[Sam](x)": {{Question: "more", Prompt: "Anything else?", Text: "a\n1. b", Said: "a\n1. b\n\n> c"}}},
	}}}
	markdown := string(x.markdown(testCatalog(), time.UTC))
	for _, want := range []string{"### \\*Sam\\*\n", "- Notes: \\*x\\*\n  \\_x\\_\n  \\[a\\](b)\n", "  \\- item\n  \\+ item\n  \\> quote\n  \\===\n  \\---\n  code\n  code\n  \\\\u001b\\]0;title\\\\u0007\n",
		"### Check-in, 2026-11-20 22:10 UTC: \\[Sam\\](x)\n", "- \\[Sam\\](x), asked \"Anything else?\": a\n  1\\. b\n\n  \\> c\n", "- Note: one\n\n  \\- two\n  \\# three\n"} {
		if !strings.Contains(markdown, want) {
			t.Errorf("markdown lacks %q:\n%s", want, markdown)
		}
	}
	// Every line is a heading, an item, the inside of an item or empty:
	// nothing written broke out of where it belongs.
	for _, line := range strings.Split(markdown, "\n") {
		if line != "" && !strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "- ") && !strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "Times are") && line != "None." {
			t.Errorf("a line outside any item: %q", line)
		}
	}
}

func TestMarkdownSaysTheTimeZoneAndWhatEachRecordIs(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	winter := time.Date(2026, 11, 20, 21, 10, 0, 0, time.UTC)
	summer := time.Date(2026, 7, 1, 20, 0, 0, 0, time.UTC)
	done := winter.Add(12 * time.Hour)
	plan := NewPlan(summer, nil)
	plan.People = []string{"Sam", "Alex"}
	checkin := session("c1", winter, "Sam", "Alex")
	checkin.FollowUp = &FollowUp{For: []string{"Sam"}, Done: &done, Shared: map[string][]Shared{"Sam": {{Question: "followup-now", Prompt: "How are you now?", Said: "4 of 5"}}}}
	waiting := session("c2", winter.Add(time.Hour), "Alex")
	waiting.FollowUp = &FollowUp{For: []string{"Alex"}}
	x := &Export{Sessions: []Session{*plan, *checkin, *waiting, *NewPrivateFollowUp(winter, "Kai")}}

	markdown := string(x.markdown(testCatalog(), berlin))
	for _, want := range []string{
		"Times are local (CEST, UTC+02:00; CET, UTC+01:00).",
		"### Plan, 2026-07-01 22:00 CEST: Sam and Alex",
		"### Check-in, 2026-11-20 22:10 CET: Sam and Alex",
		"- Chosen: Make a warm drink\n",
		"- Follow-up for Sam, done 2026-11-21 10:10 CET\n  - Sam, asked \"How are you now?\": 4 of 5\n",
		"- Follow-up for Alex, due 2026-11-21 09:00 CET\n",
		"### Follow-up asked for privately, 2026-11-20 22:10 CET: Kai",
	} {
		if !strings.Contains(markdown, want) {
			t.Errorf("markdown lacks %q:\n%s", want, markdown)
		}
	}
	if strings.Contains(markdown, "make-tea") {
		t.Errorf("markdown names an activity by its id:\n%s", markdown)
	}
	india := string((&Export{Sessions: []Session{*waiting}}).markdown(testCatalog(), time.FixedZone("", 5*3600+1800)))
	if !strings.Contains(india, "Times are local (UTC+05:30).") || !strings.Contains(india, "2026-11-21 03:40 UTC+05:30") {
		t.Errorf("a zone without a name:\n%s", india)
	}
}

func TestCSVCellsNeverRunAsFormulas(t *testing.T) {
	formulas := []string{"=cmd|' /C calc'!A0", `=HYPERLINK("http://x","y")`, "+1", "-2", "@SUM(A1)", "\tx", "\r=1"}
	x := &Export{}
	for _, f := range formulas {
		x.Profiles = append(x.Profiles, Profile{Name: f, Pronouns: f, Notes: f})
	}
	x.Sessions = []Session{{ID: "s1", Started: testStart, Mode: "solo", People: []string{"=1+1"}, Note: "=1+1", Chosen: []string{"-x"}}}
	for _, row := range csvRows(t, x)[1:] {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q starts as a formula does", cell)
			}
		}
	}
	if rows := csvRows(t, x); rows[1][1] != "'=cmd|' /C calc'!A0" || rows[3][2] != "'+1" || rows[7][9] != `\u000d=1` {
		t.Errorf("rows %q", rows)
	}
}

func TestNoExportWritesARawControlCharacter(t *testing.T) {
	const hostile = "\x1b]0;title\a \x1b]52;c;Y2FsYw==\a \x1b[2J \x7f \u009b31m \r"
	sh := []Shared{{Question: hostile, Prompt: hostile, Choices: []string{hostile}, Text: hostile, Said: hostile}}
	x := &Export{Version: ExportVersion,
		Profiles: []Profile{{Name: hostile, Pronouns: hostile, Likes: []string{hostile}, Never: []string{hostile}, Leaning: hostile, Talk: hostile,
			Needs: catalog.Weights{{Need: hostile, Weight: 1}}, Helps: map[string][]string{hostile: {hostile}}, Notes: hostile}},
		Sessions: []Session{{ID: hostile, Started: testStart, Mode: hostile, People: []string{hostile}, Situation: hostile,
			Shared: map[string][]Shared{hostile: sh}, Chosen: []string{hostile}, Note: hostile, Ratings: []Rating{{Person: hostile, Activity: hostile, Rating: hostile}},
			Kind: hostile, FollowUp: &FollowUp{For: []string{hostile}, Done: &testStart, Shared: map[string][]Shared{hostile: sh}}}},
	}
	for _, format := range ExportFormats {
		data, err := x.Encode(format, testCatalog())
		if err != nil {
			t.Fatal(err)
		}
		if problem := plain.Problem(string(data), true); problem != "" {
			t.Errorf("the %s export %s", format, problem)
		}
	}
}
