package tui

import (
	"regexp"
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
			hang = len(numbered.FindString(body))
		}
		if hang >= width-10 {
			first, hang = "", 0
		}
		wrapped := lipgloss.NewStyle().Width(width - hang).Render(body)
		lines[i] = first + strings.ReplaceAll(wrapped, "\n", "\n"+strings.Repeat(" ", hang))
	}
	return strings.Join(lines, "\n")
}

// numbered is the number that starts a line of a numbered list: "12. ".
var numbered = regexp.MustCompile(`^[0-9]+\. `)
