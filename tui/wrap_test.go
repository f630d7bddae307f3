package tui

import (
	"strings"
	"testing"
)

func TestWrappedLinesKeepTheirIndentAndANumberHangs(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		width      int
		want       string
	}{
		{"a short line is as it was", "1. Tea (5 min)", 30, "1. Tea (5 min)"},
		{"an indented line keeps its indent", "   Make a warm drink for them and one for you", 24,
			"   Make a warm drink for\n   them and one for you"},
		{"a numbered line hangs after its number", "1. Stay on the line (10–30 min)", 24,
			"1. Stay on the line\n   (10–30 min)"},
		{"a line with no number or indent starts over", "What might help now and later", 16,
			"What might help\nnow and later"},
	} {
		got := wrapIndented(tt.text, tt.width)
		var trimmed []string
		for _, l := range strings.Split(got, "\n") {
			trimmed = append(trimmed, strings.TrimRight(l, " "))
		}
		if strings.Join(trimmed, "\n") != tt.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.name, strings.Join(trimmed, "\n"), tt.want)
		}
	}
}
