// Package plain keeps text that came from a file or a person from acting on
// a terminal: it says what in a string would (so that readers can refuse it)
// and writes such strings with those characters shown, not obeyed.
package plain

import (
	"fmt"
	"io"
	"strings"
	"sync"
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

// NameProblem is Problem for a name, which is also refused characters that
// show nothing: two names that look the same must be the same name.
func NameProblem(s string) string {
	if p := Problem(s, false); p != "" {
		return p
	}
	for _, r := range s {
		if isInvisible(r) {
			return fmt.Sprintf("may not contain %s, which cannot be seen", escape(r))
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

func (w *Writer) write(p []byte) error {
	if len(p) == 0 {
		return nil
	}
	s := string(p)
	if !needsWork(s) {
		_, err := w.w.Write(p)
		return err
	}
	_, err := io.WriteString(w.w, Text(s))
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

func needsWork(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ContainsFunc(s[i:], func(r rune) bool { return r == utf8.RuneError || isControl(r) || isBidi(r) }) || !utf8.ValidString(s[i:])
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

// isInvisible is the characters that take no space and show nothing;
// the zero-width joiner and non-joiner, variation selectors and tag
// characters are kept, since scripts and emoji need them.
func isInvisible(r rune) bool {
	switch r {
	case 0x00ad, 0x034f, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180e, 0x200b, 0x2028, 0x2029, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x3164, 0xfeff, 0xffa0:
		return true
	}
	return r >= 0xfff0 && r <= 0xfff8
}

func escape(r rune) string { return fmt.Sprintf(`\u%04x`, r) }
