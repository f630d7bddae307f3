package catalog

import (
	"strings"
	"testing"
)

// A word people read on a screen, typed where an id belongs, leads to the
// id: "Water" is what the check-in shows for hydration.
func TestAnUnknownRefNamesTheIDOfItsLabelOrTheClosestID(t *testing.T) {
	c := defaultsForTest(t)
	for _, tt := range []struct {
		word  string
		kinds []string
		want  string
	}{
		{"water", []string{"need"}, `unknown need "water" (did you mean "hydration"?)`},
		{" Feeling clean ", []string{"need"}, `(did you mean "cleanliness"?)`},
		{"Kissing", []string{"tag", "activity"}, `(did you mean "kissing"?)`},
		{"Make a warm drink", []string{"tag", "activity"}, `(did you mean "make-tea"?)`},
		{"a bdsm scene", []string{"situation"}, `(did you mean "scene"?)`},
		{"quite", []string{"need"}, `(did you mean "quiet"?)`},
		{"picnic", []string{"situation"}, `unknown situation "picnic"`},
	} {
		err := c.KnownRef(tt.word, tt.kinds...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q as %v: %v, want %s", tt.word, tt.kinds, err, tt.want)
		}
	}
	if err := c.KnownRef("picnic", "situation"); strings.Contains(err.Error(), "did you mean") {
		t.Errorf("a word near nothing is given a hint: %v", err)
	}
	// A label names its id in a request file too.
	_, err := c.ParseRequest("tonight.yaml", []byte("people:\n  - needs: [water]\n"))
	if err == nil || !strings.Contains(err.Error(), `tonight.yaml:2:13: people: person #1: needs: unknown need "water" (did you mean "hydration"?)`) {
		t.Errorf("request file: %v", err)
	}
}

func TestEditDistanceCountsSwapsOnlyWhenAsked(t *testing.T) {
	for _, tc := range []struct {
		a, b         string
		plain, swaps int
	}{
		{"", "", 0, 0},
		{"sam", "", 3, 3},
		{"sam", "sam", 0, 0},
		{"sam", "sma", 2, 1},
		{"sam", "saam", 1, 1},
		{"alex", "alx", 1, 1},
		{"kim", "sam", 2, 2},
		{"abcd", "badc", 3, 2},
		{"quite", "quiet", 2, 1},
	} {
		if got := EditDistance([]rune(tc.a), []rune(tc.b), false); got != tc.plain {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.plain)
		}
		if got := EditDistance([]rune(tc.a), []rune(tc.b), true); got != tc.swaps {
			t.Errorf("EditDistance(%q, %q) with swaps = %d, want %d", tc.a, tc.b, got, tc.swaps)
		}
	}
	// Counted by the byte, a letter of two bytes is two changes.
	if got := EditDistance([]byte("Zoe"), []byte("Zoë"), false); got != 2 {
		t.Errorf("Zoe to Zoë is %d bytes apart, want 2", got)
	}
}
