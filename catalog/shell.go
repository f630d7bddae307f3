package catalog

import (
	"strings"
	"unicode"
)

// ShellArg quotes a name or path for a shell command line when it needs
// it, so that a command a message suggests can be pasted as it is.
func ShellArg(s string) string {
	plain := func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-_./+@%", r)
	}
	if s == "" || strings.ContainsFunc(s, func(r rune) bool { return !plain(r) }) {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	return s
}
