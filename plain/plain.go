// Package plain keeps text that came from a file or a person from acting on
// a terminal: it says what in a string would (so that readers can refuse it)
// and writes such strings with those characters shown, not obeyed.
package plain

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Problem says, in a few words, what in s could move a cursor, change
// colours, retitle a window, write to the clipboard or reorder what is
// shown; "" when nothing. Free text may hold line breaks and tabs; names
// and other one-line fields may not.
func Problem(s string, freeText bool) string {
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !validAt(s, i):
			return "is not valid UTF-8 text"
		case freeText && (r == '\n' || r == '\t'):
		case isControl(r):
			return fmt.Sprintf("may not contain the control character %s", escape(r))
		case isBidi(r):
			return fmt.Sprintf("may not contain %s, which changes the direction text is shown in", escape(r))
		}
	}
	return ""
}

// NewLineProblem is Problem for a one-line field being written: it is
// also refused Unicode's line and paragraph separators, which break the
// line it is shown on. Files written before this rule still read.
func NewLineProblem(s string) string {
	if p := Problem(s, false); p != "" {
		return p
	}
	if i := strings.IndexAny(s, "\u2028\u2029"); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return fmt.Sprintf("may not contain %s, which breaks the line", escape(r))
	}
	return ""
}

// NameProblem is Problem for a name, which is also refused characters that
// show nothing: two names that look the same must be the same name. The
// joiners and selectors that scripts and emoji need are kept only where
// they can change what is shown.
func NameProblem(s string) string {
	if p := Problem(s, false); p != "" {
		return p
	}
	if ASCII(s) {
		// Most names, read with every record of a long history.
		return ""
	}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		if rs[i] == blackFlag {
			// The tags of a subdivision flag (U+1F3F4, tags, U+E007F) show as the flag; anywhere
			// else they are format characters, which isInvisible refuses.
			i += flagTags(rs[i+1:])
			continue
		}
		if unseen(rs, i) {
			return fmt.Sprintf("may not contain %s, which cannot be seen", escape(rs[i]))
		}
	}
	return ""
}

// Text returns s with every character that could act on a terminal written
// out as a visible escape (ESC becomes \u001b); line breaks and tabs stay.
// Bytes that are not UTF-8 become U+FFFD.
func Text(s string) string {
	if !needsWork(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !validAt(s, i):
			b.WriteRune(utf8.RuneError)
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case isControl(r) || isBidi(r):
			b.WriteString(escape(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Strip drops from typed or pasted text whatever Problem would refuse, so
// that what a person typed can always be saved.
func Strip(s string, freeText bool) string {
	var b strings.Builder
	for i, r := range s {
		if r == utf8.RuneError && !validAt(s, i) {
			continue
		}
		if freeText && (r == '\n' || r == '\t') || !isControl(r) && !isBidi(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Line is Text on one line: line breaks and tabs become spaces.
func Line(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, Text(s))
}

// Short is s cut to its first n characters with "…" after them when it is
// longer: what someone wrote, said back to them in a message, should be
// enough to recognise, not the whole of a file.
func Short(s string, n int) string {
	if utf8.RuneCountInString(s) > n {
		return string([]rune(s)[:n]) + "…"
	}
	return s
}

// Writer passes everything through Text, so that nothing a command prints
// can act on the terminal it is printed to. JSON stays valid JSON: the
// escapes it writes are JSON's own, and an encoder never leaves a raw
// control character in a string. A character cut in two between writes,
// as a buffer fills, is held back until the rest of it comes, so that it
// is never taken for a broken one; Flush writes what is still held.
type Writer struct {
	mu   sync.Mutex
	w    io.Writer
	held []byte
	// failed is the first write that failed, kept for Err: a printer
	// that ignores it still leaves it to be told.
	failed error
}

// NewWriter returns a Writer printing to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	data := p
	if len(w.held) > 0 {
		data = append(w.held, p...)
	}
	whole := len(data) - cutShort(data)
	w.held = append([]byte(nil), data[whole:]...)
	if err := w.write(data[:whole]); err != nil {
		w.held = nil
		return 0, err
	}
	return len(p), nil
}

// Flush writes what is held back of a character cut short, shown as the
// broken character it is.
func (w *Writer) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	held := w.held
	w.held = nil
	return w.write(held)
}

// Err is the first error a write met, or nil when every write went
// through.
func (w *Writer) Err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.failed
}

func (w *Writer) write(p []byte) error {
	if len(p) == 0 {
		return nil
	}
	var err error
	if needsWork(p) {
		_, err = io.WriteString(w.w, Text(string(p)))
	} else {
		_, err = w.w.Write(p)
	}
	if w.failed == nil {
		w.failed = err
	}
	return err
}

// cutShort is how many bytes at the end of p begin a character that the
// bytes after them would finish: 0 when p ends on a whole one, or on bytes
// no more could make whole.
func cutShort(p []byte) int {
	for n := 1; n < utf8.UTFMax && n <= len(p); n++ {
		c := p[len(p)-n]
		if c < utf8.RuneSelf {
			return 0
		}
		if utf8.RuneStart(c) {
			if utf8.FullRune(p[len(p)-n:]) {
				return 0
			}
			return n
		}
	}
	return 0
}

// needsWork says whether s holds anything Text changes. It takes the bytes
// a Writer is given as they are, so that what needs no work, as most of
// what is printed does, is never copied to be looked at.
func needsWork[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			rest := string(s[i:])
			return strings.ContainsFunc(rest, func(r rune) bool { return r == utf8.RuneError || isControl(r) || isBidi(r) }) || !utf8.ValidString(rest)
		}
		if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
			return true
		}
	}
	return false
}

// validAt says whether the U+FFFD decoded at s[i:] was written as such,
// rather than standing in for a byte that is not UTF-8.
func validAt(s string, i int) bool { return strings.HasPrefix(s[i:], "\uFFFD") }

// isControl is C0, DEL and C1: the characters terminals obey.
func isControl(r rune) bool { return r < 0x20 || (r >= 0x7f && r < 0xa0) }

// isBidi is the explicit direction marks, embeddings, overrides and
// isolates, which can make text show in an order other than it is stored.
func isBidi(r rune) bool {
	return r == 0x061c || r == 0x200e || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

const (
	zwnj      = 0x200c
	zwj       = 0x200d
	blackFlag = 0x1f3f4
	cancelTag = 0xe007f
)

// unseen says whether rs[i] shows nothing in the name: a character that
// never does, or a joiner or selector with nothing to join or select.
func unseen(rs []rune, i int) bool {
	r := rs[i]
	switch {
	case r == zwj || r == zwnj:
		return !joins(rs, i)
	case r >= 0xfe00 && r <= 0xfe0f:
		return !selects(rs, i)
	case r >= 0xe0100 && r <= 0xe01ef:
		// Ideographic variation sequences are the only use of these.
		return i == 0 || !unicode.Is(unicode.Unified_Ideograph, rs[i-1])
	case r >= 0x180b && r <= 0x180f && r != 0x180e:
		// Mongolian free variation selectors choose a Mongolian letter's form.
		return i == 0 || !unicode.IsLetter(rs[i-1]) || !unicode.Is(unicode.Mongolian, rs[i-1])
	}
	return isInvisible(r)
}

// joins says whether the joiner or non-joiner at rs[i] can change how the
// characters beside it are drawn: between two emoji (👩 U+200D 💻), or after a
// letter whose shape depends on its neighbours, as in Arabic, Persian,
// Syriac, Mongolian and the Indic scripts (after a virama). Nothing is
// joined at either end of a name, beside a space, by a second joiner, or
// after a digit, punctuation or a letter that keepsShape.
func joins(rs []rune, i int) bool {
	if i == 0 || i == len(rs)-1 || unicode.IsSpace(rs[i-1]) || unicode.IsSpace(rs[i+1]) || rs[i-1] == zwj || rs[i-1] == zwnj {
		return false
	}
	// Marks (a virama, an emoji's VS16) belong to the letter or emoji before them.
	j := i - 1
	for j > 0 && unicode.Is(unicode.M, rs[j]) {
		j--
	}
	switch b := rs[j]; {
	case unicode.IsSymbol(b):
		return unicode.IsSymbol(rs[i+1])
	case unicode.Is(unicode.M, b), keepsShape(b), unicode.IsNumber(b), unicode.IsPunct(b):
		return false
	}
	return true
}

// selects says whether the variation selector at rs[i] can choose a look
// for the character right before it: an emoji's, a keycap's digit or sign
// (1, # in 1 U+FE0F U+20E3), an ideograph's standardized variant, or a
// letter of a script with standardized variants (Myanmar, Phags-pa). It
// chooses none at the start, after a space, a mark, a format character or
// another selector, or after a letter that keepsShape other than an
// ideograph.
func selects(rs []rune, i int) bool {
	if i == 0 {
		return false
	}
	switch p := rs[i-1]; {
	case unicode.IsSpace(p), unicode.In(p, unicode.M, unicode.Cf):
		return false
	case unicode.Is(unicode.Han, p), p == 0x2139: // ℹ is a letter and an emoji
		return true
	default:
		return !keepsShape(p)
	}
}

// keepsShape says whether r is a letter of a script whose letters look the
// same whatever stands beside them, so that no joiner or selector after one
// changes anything.
func keepsShape(r rune) bool {
	return unicode.IsLetter(r) && unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic, unicode.Armenian,
		unicode.Georgian, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// flagTags is how many of rs are the tags that make the black flag before
// them a subdivision's flag: one or more tags, then the cancel tag. It is 0
// when they do not.
func flagTags(rs []rune) int {
	n := 0
	for n < len(rs) && rs[n] >= 0xe0020 && rs[n] < cancelTag {
		n++
	}
	if n == 0 || n == len(rs) || rs[n] != cancelTag {
		return 0
	}
	return n + 1
}

// isInvisible is the characters that show nothing wherever they stand:
// format characters (zero-width spaces, invisible operators, tags,
// interlinear annotation, musical formatting and the like) but for the
// Arabic and other number signs, which print a sign; the fillers and the
// other characters Unicode says to ignore in display; and the line and
// paragraph separators, which break no line in a name.
func isInvisible(r rune) bool {
	if unicode.Is(unicode.Cf, r) {
		return !unicode.Is(unicode.Prepended_Concatenation_Mark, r)
	}
	return r == 0x2028 || r == 0x2029 || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r)
}

func escape(r rune) string { return fmt.Sprintf(`\u%04x`, r) }

// ASCII says whether s is all ASCII, which needs none of Unicode's rules.
func ASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
