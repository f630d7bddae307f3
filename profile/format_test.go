package profile

import "testing"

func TestAnAnswerReadsOnFromWhatWasAsked(t *testing.T) {
	tests := []struct {
		prompt, said, want string
	}{
		{"Are you okay?", "Yes, I'm okay", "Are you okay? Yes, I'm okay"},
		{"A few words for Alex", "feeling a bit low, not your fault", "A few words for Alex: feeling a bit low, not your fault"},
		{"Anything else:", "tea", "Anything else: tea"},
		{"", "tea", " tea"},
	}
	for _, tt := range tests {
		if got := promptAndSaid(Shared{Prompt: tt.prompt, Said: tt.said}); got != tt.want {
			t.Errorf("%q, %q: %q, want %q", tt.prompt, tt.said, got, tt.want)
		}
	}
}
