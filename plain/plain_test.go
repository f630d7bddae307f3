package plain

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"
)

func TestProblem(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		freeText bool
		want     string
	}{
		{"plain words", "Sam Alex", false, ""},
		{"emoji and accents", "José 🌸 李小龍", false, ""},
		{"escape", "Sam\x1b]0;owned\a", false, `may not contain the control character \u001b`},
		{"C1 introducer", "Sam\u009b2J", false, `may not contain the control character \u009b`},
		{"line break in a name", "Sam\nAlex", false, `may not contain the control character \u000a`},
		{"line break in free text", "first\nsecond\tthird", true, ""},
		{"carriage return in free text", "first\rsecond", true, `may not contain the control character \u000d`},
		{"delete", "a\x7fb", true, `may not contain the control character \u007f`},
		{"bidi override", "Sam\u202eevil", true, `may not contain \u202e, which changes the direction text is shown in`},
		{"not UTF-8", "Sam\xff", false, "is not valid UTF-8 text"},
		{"a real replacement character", "Sam\uFFFD", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Problem(tt.in, tt.freeText); got != tt.want {
				t.Errorf("Problem(%q, %v) = %q, want %q", tt.in, tt.freeText, got, tt.want)
			}
		})
	}
}

// A one-line field being written may not break its line; one written
// before that rule still reads.
func TestNewLineProblemRefusesLineSeparators(t *testing.T) {
	for in, want := range map[string]string{
		"she/her":      "",
		"she\u2028her": `may not contain \u2028, which breaks the line`,
		"she\u2029":    `may not contain \u2029, which breaks the line`,
		"she\x1b[2J":   `may not contain the control character \u001b`,
	} {
		if got := NewLineProblem(in); got != want {
			t.Errorf("NewLineProblem(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Problem("she\u2028her", false); got != "" {
		t.Errorf("a separator saved before is refused on reading: %q", got)
	}
}

func TestNameProblemRefusesWhatCannotBeSeen(t *testing.T) {
	for _, name := range []string{"Jo\u200bsé", "\ufeffSam", "Sam\u2060", "Al\u00adex"} {
		if NameProblem(name) == "" {
			t.Errorf("NameProblem(%q) accepted a name with an invisible character", name)
		}
	}
	for _, name := range []string{"👨\u200d👩\u200d👧", "Sam", "Ngozi ❤\ufe0f"} {
		if p := NameProblem(name); p != "" {
			t.Errorf("NameProblem(%q) = %q, want it accepted", name, p)
		}
	}
}

func TestTextShowsControlsInsteadOfObeyingThem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"calm words", "calm words"},
		{"title\x1b]0;owned\a", `title\u001b]0;owned\u0007`},
		{"two\nlines\tand a tab", "two\nlines\tand a tab"},
		{"over\rwrite", `over\u000dwrite`},
		{"\u009b31m", `\u009b31m`},
		{"abc\u202edef", `abc\u202edef`},
		{"bad \xff byte", "bad \uFFFD byte"},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Line("a\nb\tc\x1b"); got != `a b c\u001b` {
		t.Errorf("Line = %q", got)
	}
}

func TestStripLeavesOnlyWhatCanBeSaved(t *testing.T) {
	tests := []struct {
		in       string
		freeText bool
		want     string
	}{
		{"Sam", false, "Sam"},
		{"pasted\x1b[31m red\u009b", false, "pasted[31m red"},
		{"two\nlines\tand\r more", true, "two\nlines\tand more"},
		{"two\nlines", false, "twolines"},
		{"a\u202eb\xffc", true, "abc"},
	}
	for _, tt := range tests {
		got := Strip(tt.in, tt.freeText)
		if got != tt.want || Problem(got, tt.freeText) != "" {
			t.Errorf("Strip(%q, %v) = %q, want %q", tt.in, tt.freeText, got, tt.want)
		}
	}
}

func TestWriterKeepsJSONValid(t *testing.T) {
	var out bytes.Buffer
	w := NewWriter(&out)
	data, err := json.Marshal(map[string]string{"note": "x\u009by\u202ez\x1b"})
	if err != nil {
		t.Fatal(err)
	}
	n, err := w.Write(data)
	if err != nil || n != len(data) {
		t.Fatalf("Write = %d, %v; want %d, nil", n, err, len(data))
	}
	if strings.ContainsAny(out.String(), "\x1b\u009b\u202e") {
		t.Fatalf("a control character got through: %q", out.String())
	}
	var back map[string]string
	if err := json.Unmarshal(out.Bytes(), &back); err != nil {
		t.Fatalf("output is no longer JSON: %v\n%s", err, out.String())
	}
	if back["note"] != "x\u009by\u202ez\x1b" {
		t.Errorf("JSON says %q, want the original text back", back["note"])
	}
}

func TestWriterKeepsACharacterCutBetweenWritesWhole(t *testing.T) {
	const text = "Zoë Ünïcödé 🌸 \u009b李"
	want := Text(text)
	for cut := range len(text) + 1 {
		var out bytes.Buffer
		w := NewWriter(&out)
		for _, part := range []string{text[:cut], text[cut:]} {
			if n, err := w.Write([]byte(part)); err != nil || n != len(part) {
				t.Fatalf("cut at %d: Write = %d, %v", cut, n, err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if out.String() != want {
			t.Errorf("cut at byte %d: wrote %q, want %q", cut, out.String(), want)
		}
	}
}

func TestWriterFlushesACharacterLeftCutShort(t *testing.T) {
	var out bytes.Buffer
	w := NewWriter(&out)
	if _, err := w.Write([]byte("Zo\xc3")); err != nil {
		t.Fatal(err)
	}
	if out.String() != "Zo" {
		t.Errorf("before the rest could come, wrote %q, want %q", out.String(), "Zo")
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if want := Text("Zo\xc3"); out.String() != want {
		t.Errorf("flushed, wrote %q, want %q", out.String(), want)
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"", "Sam", "\x1b[2J", "\u009b", "a\nb", "\xff\xfe", "\u202e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Text(s)
		if Problem(out, true) != "" {
			t.Fatalf("Text(%q) = %q, which still has %s", s, out, Problem(out, true))
		}
	})
}

func TestShortCutsWhatIsSaidBack(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"Sam", 5, "Sam"},
		{"Samantha", 5, "Saman…"},
		{"李小龍李小龍", 3, "李小龍…"},
		{"", 3, ""},
	} {
		if got := Short(tt.in, tt.n); got != tt.want {
			t.Errorf("Short(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// BenchmarkWriter prints what history --json prints: pages of plain JSON,
// with now and then a word that is not ASCII.
func BenchmarkWriter(b *testing.B) {
	page := []byte(strings.Repeat(`    {"question": "okay", "prompt": "Are you okay?", "said": "Yes, I'm okay"},`+"\n", 50))
	accented := append(append([]byte(nil), page...), "Zoë\n"...)
	w := NewWriter(io.Discard)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if i%10 == 0 {
			_, _ = w.Write(accented)
			continue
		}
		_, _ = w.Write(page)
	}
}
