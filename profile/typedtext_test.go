package profile

import (
	"strings"
	"testing"
)

// TestAProfileTextGivenANumberIsRefused: a name, pronouns or notes written
// as a number or true or false, in JSON or in YAML, are refused at their
// line with their field, not kept as the digits or the word.
func TestAProfileTextGivenANumberIsRefused(t *testing.T) {
	tests := []struct{ name, path, text, want string }{
		{"a JSON name that is a number", "x.json", `{"version": 1, "profiles": [{"name": 3, "pronouns": 5}], "sessions": []}`,
			`x.json:1:38: profiles: profile #1: name: must be text (in quotes), not a number`},
		{"a JSON name that is true", "x.json", `{"version": 1, "profiles": [{"name": true}], "sessions": []}`,
			`profiles: profile #1: name: must be text (in quotes), not true or false`},
		{"a YAML name that is a number", "x.yaml", "version: 1\nprofiles:\n  - name: 3\n", `x.yaml:3:11: profiles: profile "3": name: must be text (in quotes), not a number`},
		{"YAML pronouns that are a number", "x.yaml", "version: 1\nprofiles:\n  - name: Kai\n    pronouns: 5\n", `x.yaml:4:15: profiles: profile "Kai": pronouns: must be text (in quotes), not a number`},
		{"YAML notes that are true", "x.yaml", "version: 1\nprofiles:\n  - name: Kai\n    notes: true\n", `x.yaml:4:12: profiles: profile "Kai": notes: must be text (in quotes), not true or false`},
		{"YAML notes of a word that is text", "x.yaml", "version: 1\nprofiles:\n  - name: Kai\n    notes: yes\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			_, err := s.Import(tt.path, []byte(tt.text))
			if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}
