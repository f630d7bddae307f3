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
