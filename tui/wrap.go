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
		if indent >= width-10 {
			indent = 0
		}
		wrapped := lipgloss.NewStyle().Width(width - indent).Render(body)
		pad := strings.Repeat(" ", indent)
		lines[i] = pad + strings.ReplaceAll(wrapped, "\n", "\n"+pad)
	}
	return strings.Join(lines, "\n")
}
