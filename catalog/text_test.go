package catalog

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

type nameAndNotes struct {
	Name  string `yaml:"name"`
	Notes string `yaml:"notes" text:"free"`
}

// Every YAML file aftercare reads goes through Decode or Load; the YAML
// library reports a byte that is not UTF-8, or a control character, at
// line 1 wherever it is, so these are found first and placed where they
// are.
func TestTextThatYAMLCannotReadIsReportedWhereItIs(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // line:col: message, or "" for no problem
	}{
		{"a stray byte on line 3", "name: Sam\nnotes: |\n  fine \xff here\n", "3:8: not valid UTF-8 text (byte 0xFF); save the file as UTF-8"},
		{"a cut sequence at the end", "name: Sam\nnotes: caf\xc3", "2:11: not valid UTF-8 text (byte 0xC3); save the file as UTF-8"},
		{"columns count characters, not bytes", "name: Sam\nnotes: café ☕ \xfe\n", "2:15: not valid UTF-8 text (byte 0xFE); save the file as UTF-8"},
		{"in a comment", "name: Sam\n\n# note \x80\n", "3:8: not valid UTF-8 text (byte 0x80); save the file as UTF-8"},
		{"an encoded surrogate", "name: Sam\nnotes: \xed\xa0\x80\n", "2:8: not valid UTF-8 text (byte 0xED); save the file as UTF-8"},
		{"a control character", "name: Sam\nnotes: a\x01b\n", `2:9: a control character (\u0001) is not allowed in these files`},
		{"a control character after Windows line ends", "name: Sam\r\nnotes: a\x1bb\r\n", `2:9: a control character (\u001b) is not allowed in these files`},
		{"after a byte-order mark", "\uFEFFname: S\xffam\n", "1:8: not valid UTF-8 text (byte 0xFF); save the file as UTF-8"},
		{"a byte-order mark alone is fine", "\uFEFFname: Sam\n", ""},
		{"a replacement character written as text is fine", "name: Sam\nnotes: \uFFFD\n", ""},
		{"every script is fine", "name: José\nnotes: 日本語 עברית 🙂\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v nameAndNotes
			got := problemLines(t, "sam.yaml", Decode("sam.yaml", []byte(tt.text), &v))
			if want := wantLines(tt.want); !slices.Equal(got, want) {
				t.Errorf("Decode: %q, want %q", got, want)
			}
			if tt.want != "" {
				if got := errorLines(t, tt.text); !slices.Equal(got, wantLines(tt.want)) {
					t.Errorf("a catalogue file: %q, want %q", got, tt.want)
				}
			}
		})
	}
}

func TestUTF16IsStillLeftToTheYAMLLibrary(t *testing.T) {
	var v nameAndNotes
	utf16 := []byte("\xff\xfen\x00a\x00m\x00e\x00:\x00 \x00S\x00a\x00m\x00\n\x00")
	if err := Decode("sam.yaml", utf16, &v); err != nil || v.Name != "Sam" {
		t.Errorf("a UTF-16 file: %+v, %v", v, err)
	}
}

func wantLines(want string) []string {
	if want == "" {
		return nil
	}
	return []string{want}
}

// problemLines is err as "line:col: message" lines, each checked to name
// path.
func problemLines(t *testing.T, path string, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("error %v is not catalogue Errors", err)
	}
	var lines []string
	for _, e := range errs {
		if e.Path != path {
			t.Errorf("error names %q, want %q", e.Path, path)
		}
		lines = append(lines, strings.TrimPrefix(e.Error(), path+":"))
	}
	return lines
}

func TestThousandsWritesCountsAsPeopleReadThem(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 2000: "2,000", 1234567: "1,234,567"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestSentenceBeginsWithACapital(t *testing.T) {
	for in, want := range map[string]string{"a name is needed": "A name is needed", `"👋" needs a letter`: `"👋" needs a letter`, "": "", "élan": "Élan"} {
		if got := Sentence(in); got != want {
			t.Errorf("Sentence(%q) = %q, want %q", in, got, want)
		}
	}
}
