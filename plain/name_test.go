package plain

import (
	"fmt"
	"testing"
)

// Each refused name would show as a name without the character named.
func TestNameProblemRefusesJoinersAndSelectorsThatShowNothing(t *testing.T) {
	tests := []struct {
		name string
		in   string
		bad  rune
	}{
		{"ZWJ inside a Latin word", "Ev\u200de", 0x200d},
		{"ZWNJ inside a Latin word", "Ev\u200ce", 0x200c},
		{"VS16 after a Latin letter", "Eve\ufe0f", 0xfe0f},
		{"ideographic selector after a Latin letter", "Eve\U000E0100", 0xe0100},
		{"language tag", "Eve\U000E0001", 0xe0001},
		{"tag without a flag", "Eve\U000E0061", 0xe0061},
		{"musical format character", "Eve\U0001D173", 0x1d173},
		{"interlinear annotation", "Eve\ufff9", 0xfff9},
		{"interlinear annotation terminator", "Eve\ufffb", 0xfffb},
		{"deprecated format character", "Eve\u206a", 0x206a},
		{"ZWJ at the start", "\u200dEve", 0x200d},
		{"ZWJ at the end", "Eve\u200d", 0x200d},
		{"ZWJ at the end after an emoji", "Sam 👩\u200d", 0x200d},
		{"ZWJ before a space", "👩\u200d 👩", 0x200d},
		{"ZWNJ after a space", "Jo \u200cAnne", 0x200c},
		{"ZWJ after an accented Latin letter", "E\u0301\u200dve", 0x200d},
		{"ZWJ after Greek", "Εύ\u200dα", 0x200d},
		{"ZWJ after Cyrillic", "Ев\u200dа", 0x200d},
		{"ZWJ after Armenian", "Էվ\u200dա", 0x200d},
		{"ZWJ after Georgian", "ევ\u200dა", 0x200d},
		{"ZWJ after Han", "李\u200d小龍", 0x200d},
		{"ZWNJ after Hiragana", "ゆ\u200cき", 0x200c},
		{"ZWNJ after Katakana", "ユ\u200cキ", 0x200c},
		{"ZWJ after Hangul", "지\u200d민", 0x200d},
		{"ZWJ after a digit", "Eve 2\u200d3", 0x200d},
		{"ZWJ after punctuation", "O'\u200dNeil", 0x200d},
		{"ZWJ between an emoji and a letter", "👩\u200dSam", 0x200d},
		{"two joiners", "क्\u200d\u200dष", 0x200d},
		{"VS at the start", "\ufe0fEve", 0xfe0f},
		{"VS after a space", "Eve \ufe0f", 0xfe0f},
		{"VS after Cyrillic", "Ева\ufe0e", 0xfe0e},
		{"VS after Katakana", "ユキ\ufe00", 0xfe00},
		{"VS after Hangul", "지민\ufe0f", 0xfe0f},
		{"second VS16", "❤\ufe0f\ufe0f", 0xfe0f},
		{"ideographic selector after kana", "ゆき\U000E0100", 0xe0100},
		{"second ideographic selector", "葛\U000E0100\U000E0101城", 0xe0101},
		{"Mongolian selector after a Latin letter", "Eve\u180b", 0x180b},
		{"flag tags without the cancel tag", "🏴\U000E0067\U000E0062", 0xe0067},
		{"cancel tag alone after the flag", "🏴\U000E007F", 0xe007f},
		{"flag tags after another emoji", "🐉\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", 0xe0067},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := fmt.Sprintf(`may not contain %s, which cannot be seen`, escape(tt.bad))
			if got := NameProblem(tt.in); got != want {
				t.Errorf("NameProblem(%q) = %q, want %q", tt.in, got, want)
			}
		})
	}
}

func TestNameProblemKeepsWhatScriptsAndEmojiNeed(t *testing.T) {
	for _, name := range []string{
		"Eve",
		"李小龍 🐉",
		"Jo Anne",
		"José",
		"Jose\u0301",
		"Sam 👩\u200d💻",
		"👨\u200d👩\u200d👧",
		"👩🏽\u200d💻",
		"🏳\ufe0f\u200d🌈",
		"🙂\u200d↔\ufe0f",
		"❤\ufe0f",
		"ℹ\ufe0f",
		"🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F",
		"Ailsa 🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F",
		"1\ufe0f\u20e3",
		"#\ufe0f\u20e3",
		"‼\ufe0f",
		"مهرناز",
		"نیک\u200cنام",
		"क्\u200dष",
		"श्री\u200dमती",
		"ශ්\u200dරී",
		"ܐܠܝ\u200dܐ",
		"葛\U000E0100城",
		"神\ufe00",
		"ᠮ\u180bᠣᠩᠭᠣᠯ",
		"\u0600١٢",
	} {
		if p := NameProblem(name); p != "" {
			t.Errorf("NameProblem(%q) = %q, want it accepted", name, p)
		}
	}
}
