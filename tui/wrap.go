package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// wrapIndented wraps each line of text to width, continuing a line with the
// same indent it started with, so that lists stay lists when they wrap.
func wrapIndented(text string, width int) string {
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		body := strings.TrimLeft(line, " ")
		indent := len(line) - len(body)
		// A numbered line hangs after its number, as a list does.
		first, hang := strings.Repeat(" ", indent), indent
		if indent == 0 {
			hang = numberWidth(body)
		}
		if hang >= width-10 {
			first, hang = "", 0
		}
		wrapped := lipgloss.NewStyle().Width(width - hang).Render(body)
		lines[i] = first + strings.ReplaceAll(wrapped, "\n", "\n"+strings.Repeat(" ", hang))
	}
	return strings.Join(lines, "\n")
}

// numberWidth is how wide the number that starts a line of a numbered
// list is, "12. " included, or 0 for a line that starts with none.
func numberWidth(line string) int {
	digits := len(line) - len(strings.TrimLeft(line, "0123456789"))
	if digits == 0 || !strings.HasPrefix(line[digits:], ". ") {
		return 0
	}
	return digits + len(". ")
}
