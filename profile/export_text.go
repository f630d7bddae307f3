package profile

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/plain"
)

// The exports written for people rather than for aftercare: markdown to
// read, CSV for spreadsheets. What people wrote is shown exactly as
// written, and never acts: not on a terminal, not as markdown, not as a
// spreadsheet formula.

// markdownTitle begins every markdown export.
const markdownTitle = "# aftercare"

// markdown writes the export for reading, times in loc: a section per
// profile and per record, each record saying whether it is a check-in or
// a plan.
func (x *Export) markdown(cat *catalog.Catalog, loc *time.Location) []byte {
	data, _ := x.encode("markdown", cat, loc)
	return data
}

// markdownStart writes the title, the time zones, the profiles and the
// heading of the records.
func (x *ExportWriter) markdownStart(profiles []Profile, zones *Zones) {
	var b strings.Builder
	b.WriteString(markdownTitle + "\n\n" + zones.line() + "\n\n## Profiles\n")
	if len(profiles) == 0 {
		b.WriteString("\nNone.\n")
	}
	for _, p := range profiles {
		fmt.Fprintf(&b, "\n### %s\n\n", md(p.Name))
		item := func(label, value string) {
			if value != "" {
				fmt.Fprintf(&b, "- %s: %s\n", label, mdText(value, "  "))
			}
		}
		item("Pronouns", p.Pronouns)
		item("Likes", strings.Join(refTitles(x.cat, p.Likes), ", "))
		item("Never", strings.Join(refTitles(x.cat, p.Never), ", "))
		item("Usually wants", p.Leaning)
		item("Talk or quiet", p.Talk)
		item("Usual needs", needsText(x.cat, p.Needs))
		for _, situation := range sortedKeys(p.Helps) {
			item("Helps "+md(situationAfter(x.cat, situation)), strings.Join(refTitles(x.cat, p.Helps[situation]), ", "))
		}
		item("Notes", strings.TrimSpace(p.Notes))
	}
	b.WriteString("\n## Check-ins and plans\n")
	x.write(b.String())
}

// markdownSession writes a record's section.
func (x *ExportWriter) markdownSession(s *Session) {
	var b strings.Builder
	when := func(t time.Time) string { return md(t.In(x.loc).Format("2006-01-02 15:04 ") + zoneName(t.In(x.loc))) }
	fmt.Fprintf(&b, "\n### %s, %s: %s\n\n", recordKind(s.Kind), when(s.Started), md(catalog.JoinAnd(s.People)))
	fmt.Fprintf(&b, "- Record: %s (%s)\n", md(s.ID), md(s.Mode))
	if s.Situation != "" {
		fmt.Fprintf(&b, "- When: %s\n", md(situationAfter(x.cat, s.Situation)))
	}
	writeSharedMarkdown(&b, s.People, s.Shared, "")
	if len(s.Chosen) > 0 {
		fmt.Fprintf(&b, "- Chosen: %s\n", md(strings.Join(activityTitles(x.cat, s.Chosen), "; ")))
	}
	for _, r := range s.Ratings {
		fmt.Fprintf(&b, "- %s found %s: %s\n", md(r.Person), md(activityTitles(x.cat, []string{r.Activity})[0]), md(RatingWords(r.Rating)))
	}
	if s.Note != "" {
		fmt.Fprintf(&b, "- Note: %s\n", mdText(strings.TrimSpace(s.Note), "  "))
	}
	if f := s.FollowUp; f != nil {
		if f.Done == nil {
			fmt.Fprintf(&b, "- Follow-up for %s, due %s\n", md(catalog.JoinAnd(f.For)), when(FollowUpDue(s.Started, x.loc)))
		} else {
			fmt.Fprintf(&b, "- Follow-up for %s, done %s\n", md(catalog.JoinAnd(f.For)), when(*f.Done))
			writeSharedMarkdown(&b, f.For, f.Shared, "  ")
		}
	}
	x.write(b.String())
}

// recordKind says what a record is, as a heading starts.
func recordKind(kind string) string {
	switch kind {
	case Plan:
		return "Plan"
	case PrivateFollowUp:
		return "Follow-up asked for privately"
	}
	return "Check-in"
}

// writeSharedMarkdown writes what each person shared, an answer an item.
func writeSharedMarkdown(b *strings.Builder, people []string, shared map[string][]Shared, indent string) {
	for _, name := range people {
		for _, a := range shared[name] {
			if a.Prompt == "" {
				fmt.Fprintf(b, "%s- %s: %s\n", indent, md(name), mdText(a.Said, indent+"  "))
				continue
			}
			fmt.Fprintf(b, "%s- %s, asked \"%s\": %s\n", indent, md(name), md(a.Prompt), mdText(a.Said, indent+"  "))
		}
	}
}

// zoneName is a time's zone by its abbreviation, or by its offset where
// the zone has none.
func zoneName(t time.Time) string {
	name, _ := t.Zone()
	if name == "" || strings.ContainsAny(name[:1], "+-0123456789") {
		return "UTC" + t.Format("-07:00")
	}
	return name
}

func situationAfter(cat *catalog.Catalog, id string) string {
	if sit := cat.Situation(id); sit != nil {
		return sit.After
	}
	return "after " + id
}

// refTitles names what a profile lists, activities or tags, as the
// catalogue does.
func refTitles(cat *catalog.Catalog, ids []string) []string {
	out := activityTitles(cat, ids)
	for i, id := range ids {
		if tag := cat.Tag(id); tag != nil && out[i] == id {
			out[i] = tag.Label
		}
	}
	return out
}

func needsText(cat *catalog.Catalog, needs catalog.Weights) string {
	parts := make([]string, len(needs))
	for i, w := range needs {
		parts[i] = fmt.Sprintf("%s %d", cat.Label(w.Need), w.Weight)
	}
	return strings.Join(parts, ", ")
}

// markdownSpecial are the characters that can make markdown of text
// wherever they stand: emphasis, code, links, images, HTML, headings,
// tables, strikethrough, entities and maths.
var markdownSpecial = regexp.MustCompile("[\\\\`*_\\[\\]<>#|~&$]")

// markdownLineStart is what makes a list, a quote, a heading underline or
// a thematic break at the start of a line.
var markdownLineStart = regexp.MustCompile(`^([-+=]|\d+[.)])`)

// md is one line of text as markdown that shows it as it is.
func md(s string) string { return mdText(plain.Line(s), "") }

// mdText is text as markdown that shows it as it is, its lines after the
// first indented by indent, so that an answer over several lines stays
// inside its list item.
func mdText(s, indent string) string {
	lines := strings.Split(plain.Text(s), "\n")
	for i, line := range lines {
		// Leading spaces would make code of a line; they show nothing.
		line = markdownSpecial.ReplaceAllString(strings.TrimLeft(line, " \t"), `\$0`)
		if m := markdownLineStart.FindString(line); m != "" {
			line = m[:len(m)-1] + `\` + line[len(m)-1:]
		}
		if i > 0 && line != "" {
			line = indent + line
		}
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}

// utf8BOM opens the CSV export, so that spreadsheets read it as UTF-8
// rather than guessing a local code page.
const utf8BOM = "\uFEFF"

// csvColumns are one table for both kinds of record, for spreadsheets: the
// first column says which kind a row is.
var csvColumns = []string{"kind", "name", "pronouns", "likes", "never", "leaning", "talk", "needs", "helps", "notes",
	"id", "started", "mode", "people", "situation", "shared", "chosen", "ratings", "note", "followup"}

func sharedText(people []string, shared map[string][]Shared) string {
	var out []string
	for _, name := range people {
		for _, a := range shared[name] {
			out = append(out, name+": "+promptAndSaid(a))
		}
	}
	return strings.Join(out, "; ")
}

func followUpText(f *FollowUp) string {
	if f == nil {
		return ""
	}
	text := "for " + strings.Join(f.For, ", ")
	if f.Done != nil {
		text += ", done " + f.Done.Format(time.RFC3339)
	}
	if shared := sharedText(f.For, f.Shared); shared != "" {
		text += ": " + shared
	}
	return text
}

// csvCell is text as a spreadsheet shows it rather than runs it: a cell
// that starts as a formula does (= + - @ or a tab) is opened with a quote
// mark, as OWASP advises. OWASP names the carriage return too, which
// plain.Text has already written out as \u000d.
func csvCell(s string) string {
	s = plain.Text(s)
	if s != "" && strings.ContainsRune("=+-@\t", rune(s[0])) {
		return "'" + s
	}
	return s
}
