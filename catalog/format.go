package catalog

import (
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/aftercare-tui/aftercare/plain"
)

// textWidth is where plain-text output wraps: comfortable in any terminal.
const textWidth = 76

// FormatResult writes a result for reading in a terminal: each suggestion
// with its time, summary and reasons, then the compromise if there is one.
func (c *Catalog) FormatResult(req Request, r Result) string {
	var b strings.Builder
	b.WriteString(c.heading(req) + "\n\n")
	if len(r.Suggestions) == 0 {
		b.WriteString(wrap("Nothing in the catalogue fits all of that. More time, or fewer things to avoid, would leave more to choose from.", "", textWidth))
		b.WriteString("\n")
	}
	writeSuggestions(&b, r.Suggestions)
	if comp := r.Compromise; comp != nil {
		b.WriteString(wrap(comp.Why, "", textWidth) + "\n\n")
		if len(comp.Bridges) > 0 {
			b.WriteString("A little of both:\n")
			for _, s := range comp.Bridges {
				writeLine(&b, "  - ", "    ", s)
			}
			b.WriteString("\n")
		}
		b.WriteString("Something for each of you:\n")
		for _, own := range comp.Each {
			fmt.Fprintf(&b, "  %s:\n", own.Person)
			if len(own.Suggestions) == 0 {
				b.WriteString("    nothing fits right now\n")
			}
			for _, s := range own.Suggestions {
				if len(s.With) > 0 {
					s.Title = "With " + JoinAnd(s.With) + ": " + s.Title
				} else {
					s.Title = "On your own: " + s.Title
				}
				writeLine(&b, "    - ", "      ", s)
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// writeLine writes a suggestion in one short paragraph: title, time and
// why, for lists where the summaries were already shown or are not needed.
func writeLine(b *strings.Builder, first, rest string, s Suggestion) {
	text := wrap(fmt.Sprintf("%s (%s min): %s", s.Title, s.Minutes, strings.Join(s.Reasons, "; ")), rest, textWidth)
	b.WriteString(first + strings.TrimPrefix(text, rest) + "\n")
	if s.Note != "" {
		b.WriteString(wrap(s.Note, rest, textWidth) + "\n")
	}
}

// heading says who the suggestions are for: "For Sam and Alex, after a
// scene, with up to 30 minutes:". One name together is not one person
// alone, so the heading does not say it is.
func (c *Catalog) heading(req Request) string {
	var names []string
	for _, p := range req.People {
		if p.Name != "" {
			names = append(names, p.Name)
		}
	}
	together := req.mode() == Together
	parts := []string{"For you"}
	switch {
	case len(names) == 1 && together:
		parts[0] = "For " + names[0] + " and whoever is with them"
	case len(names) > 0:
		parts[0] = "For " + JoinAnd(names)
	case together:
		parts[0] = "For you together"
	}
	if s := c.Situation(req.Situation); s != nil {
		parts = append(parts, s.After)
	}
	if req.Minutes > 0 {
		parts = append(parts, fmt.Sprintf("with up to %d %s", req.Minutes, plural("minute", req.Minutes)))
	}
	return strings.Join(parts, ", ") + ":"
}

func writeSuggestions(b *strings.Builder, list []Suggestion) {
	for i, s := range list {
		fmt.Fprintf(b, "%2d. %s (%s min)\n", i+1, s.Title, s.Minutes)
		b.WriteString(wrap(s.Summary, "    ", textWidth) + "\n")
		if s.Note != "" {
			b.WriteString(wrap(s.Note, "    ", textWidth) + "\n")
		}
		b.WriteString(wrap("Why: "+strings.Join(s.Reasons, "; "), "    ", textWidth) + "\n\n")
	}
}

// FormatSupport writes support resources for reading in a terminal, under
// a heading for each kind: each as its name, how to reach it and its
// address. It says what to do in the catalogue's words and never asks for
// a command.
func FormatSupport(region string, list []Resource) string {
	var b strings.Builder
	if region == Anywhere {
		b.WriteString("Support, wherever you are:\n")
	} else {
		fmt.Fprintf(&b, "Support for %s:\n", region)
		local := slices.ContainsFunc(list, func(r Resource) bool { return slices.Contains(r.Regions, region) })
		if !local {
			b.WriteString(wrap(fmt.Sprintf("The catalogue has no lines just for %s yet; these serve every country.", region), "", textWidth) + "\n")
		}
	}
	for i, r := range list {
		if i == 0 || r.Kind != list[i-1].Kind {
			fmt.Fprintf(&b, "\n%s\n", KindLabel(r.Kind))
		}
		b.WriteString(wrap(r.Name, "  ", textWidth) + "\n")
		b.WriteString(wrap(r.How, "    ", textWidth) + "\n")
		if r.URL != "" {
			b.WriteString("    " + r.URL + "\n")
		}
	}
	return b.String()
}

// wrap breaks text into lines of at most width characters, each starting
// with indent; a word longer than a line stays whole.
func wrap(text, indent string, width int) string {
	var lines []string
	line := indent
	for _, word := range strings.Fields(text) {
		if len(line) > len(indent) && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width {
			lines = append(lines, line)
			line = indent
		}
		if len(line) > len(indent) {
			line += " "
		}
		line += word
	}
	return strings.Join(append(lines, line), "\n")
}

// IDs returns the ids of the shown entries of the given kinds ("need",
// "tag", "thing", "situation", "activity", "question", "resource"), sorted,
// each once: a tag and an activity may share one, as eye-contact does.
func (c *Catalog) IDs(kinds ...string) []string {
	var ids []string
	for _, s := range sections {
		if slices.Contains(kinds, s.kind) {
			for id := range c.index[s.key] {
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Section returns one list of the catalogue by name ("needs",
// "activities", ...), for printing as JSON.
func (c *Catalog) Section(name string) (any, bool) {
	s, ok := sectionNamed(name)
	if !ok {
		return nil, false
	}
	return s.list(c), true
}

// FormatSection writes one list of the catalogue as an aligned table.
func (c *Catalog) FormatSection(name string) string {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	row := func(cells ...string) {
		// A free text's line breaks and tabs would break the table.
		for i, cell := range cells {
			cells[i] = plain.Line(cell)
		}
		fmt.Fprintln(w, strings.Join(cells, "\t"))
	}
	switch name {
	case "needs":
		for _, n := range c.Needs {
			row(n.ID, n.Label, n.Meaning)
		}
	case "tags":
		for _, t := range c.Tags {
			meaning := t.Meaning
			if t.Guard {
				meaning += " Left out when the check-in turns quiet."
			}
			row(t.ID, t.Label, meaning)
		}
	case "things":
		for _, t := range c.Things {
			row(t.ID, t.Label)
		}
	case "situations":
		for _, s := range c.Situations {
			what := "raises " + c.needList(s.Raises)
			if len(s.Avoids) > 0 {
				what += "; leaves out " + c.tagList(s.Avoids)
			}
			if s.Apart {
				what += "; together, only what works at a distance"
			}
			if s.WashingCanWait {
				what += "; says washing can wait"
			}
			if s.WentWrong {
				what += "; went wrong: ticks nothing to do, offers everyone a check-in tomorrow"
			}
			if len(s.SeldomAtHand) > 0 {
				what += "; seldom at hand: " + JoinAnd(c.thingLabels(s.SeldomAtHand))
			}
			switch s.Audience {
			case string(Solo):
				what += "; asked about only alone"
			case string(Together):
				what += "; asked about only together"
			}
			row(s.ID, s.Label, what)
		}
	case "activities":
		for _, a := range c.Activities {
			who := string(a.Mode)
			if a.Apart {
				who += ", apart"
			}
			row(a.ID, a.Title, who, a.Minutes.String()+" min", c.needList(a.Needs))
		}
	case "questions":
		for _, q := range c.Questions {
			row(q.ID, q.Phase, q.Audience, q.Kind, q.Prompt)
		}
	case "resources":
		for _, r := range c.Resources {
			row(r.ID, r.Name, r.Kind, strings.Join(r.Regions, " "), r.How)
		}
	}
	w.Flush()
	return b.String()
}

// tagList names tags by their labels: "praise, anything sexual".
func (c *Catalog) tagList(ids []string) string {
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		label := id
		if t := c.Tag(id); t != nil {
			label = t.Label
		}
		names = append(names, strings.ToLower(label))
	}
	return strings.Join(names, ", ")
}

// needList names weighted needs, heaviest first: "quiet, calm, rest".
func (c *Catalog) needList(ws Weights) string {
	names := make([]string, 0, len(ws))
	for _, w := range strongest(ws, len(ws)) {
		names = append(names, strings.ToLower(c.Label(w.Need)))
	}
	return strings.Join(names, ", ")
}
