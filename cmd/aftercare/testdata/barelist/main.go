// Command barelist is the yardstick for aftercare's first frame: a bare
// Bubble Tea program that draws the home screen's choices as a list with
// a cursor, built and run by BenchmarkFirstFrame beside aftercare.
package main

import (
	"fmt"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

var choices = []string{"Check in together", "Check in alone", "Plan ahead", "People", "History", "Support", "About and help", "Quit"}

type model struct{ cursor int }

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "q":
			return m, tea.Quit
		case "down":
			m.cursor = min(m.cursor+1, len(choices)-1)
		case "up":
			m.cursor = max(m.cursor-1, 0)
		}
	}
	return m, nil
}

func (m model) View() tea.View {
	var b strings.Builder
	b.WriteString(lipgloss.NewStyle().Bold(true).Render("bare list") + "\n\n")
	for i, c := range choices {
		cursor := "  "
		if i == m.cursor {
			cursor = "› "
		}
		b.WriteString(cursor + c + "\n")
	}
	b.WriteString("\n↑ up • ↓ down • q quit")
	v := tea.NewView(b.String())
	v.AltScreen = true
	return v
}

func main() {
	if _, err := tea.NewProgram(model{}).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
