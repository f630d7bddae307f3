package profile

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"fmt"
	"regexp"
	"slices"
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
	var b strings.Builder
	when := func(t time.Time) string { return md(t.In(loc).Format("2006-01-02 15:04 ") + zoneName(t.In(loc))) }
	b.WriteString(markdownTitle + "\n\n" + x.zonesLine(loc) + "\n\n## Profiles\n")
	if len(x.Profiles) == 0 {
		b.WriteString("\nNone.\n")
	}
	for _, p := range x.Profiles {
		fmt.Fprintf(&b, "\n### %s\n\n", md(p.Name))
		item := func(label, value string) {
			if value != "" {
				fmt.Fprintf(&b, "- %s: %s\n", label, mdText(value, "  "))
			}
		}
		item("Pronouns", p.Pronouns)
		item("Likes", strings.Join(refTitles(cat, p.Likes), ", "))
		item("Never", strings.Join(refTitles(cat, p.Never), ", "))
		item("Usually wants", p.Leaning)
		item("Talk or quiet", p.Talk)
		item("Usual needs", needsText(cat, p.Needs))
		for _, situation := range sortedKeys(p.Helps) {
			item("Helps "+md(situationAfter(cat, situation)), strings.Join(refTitles(cat, p.Helps[situation]), ", "))
		}
		item("Notes", strings.TrimSpace(p.Notes))
	}
	b.WriteString("\n## Check-ins and plans\n")
	if len(x.Sessions) == 0 {
		b.WriteString("\nNone.\n")
	}
	for _, s := range x.Sessions {
		fmt.Fprintf(&b, "\n### %s, %s: %s\n\n", recordKind(s.Kind), when(s.Started), md(catalog.JoinAnd(s.People)))
		fmt.Fprintf(&b, "- Record: %s (%s)\n", md(s.ID), md(s.Mode))
		if s.Situation != "" {
			fmt.Fprintf(&b, "- When: %s\n", md(situationAfter(cat, s.Situation)))
		}
		writeSharedMarkdown(&b, s.People, s.Shared, "")
		if len(s.Chosen) > 0 {
			fmt.Fprintf(&b, "- Chosen: %s\n", md(strings.Join(activityTitles(cat, s.Chosen), "; ")))
		}
		for _, r := range s.Ratings {
			fmt.Fprintf(&b, "- %s found %s: %s\n", md(r.Person), md(activityTitles(cat, []string{r.Activity})[0]), md(RatingWords(r.Rating)))
		}
		if s.Note != "" {
			fmt.Fprintf(&b, "- Note: %s\n", mdText(strings.TrimSpace(s.Note), "  "))
		}
		if f := s.FollowUp; f != nil {
			if f.Done == nil {
				fmt.Fprintf(&b, "- Follow-up for %s, due %s\n", md(catalog.JoinAnd(f.For)), when(FollowUpDue(s.Started)))
			} else {
				fmt.Fprintf(&b, "- Follow-up for %s, done %s\n", md(catalog.JoinAnd(f.For)), when(*f.Done))
				writeSharedMarkdown(&b, f.For, f.Shared, "  ")
			}
		}
	}
	return []byte(b.String())
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

// zonesLine says which time zone the times are in: the zones the export's
// times fall in, in loc, as summer time may make more than one.
func (x *Export) zonesLine(loc *time.Location) string {
	var zones []string
	add := func(t time.Time) {
		t = t.In(loc)
		zone := zoneName(t)
		if !strings.HasPrefix(zone, "UTC") {
			zone += ", UTC" + t.Format("-07:00")
		}
		if !slices.Contains(zones, zone) {
			zones = append(zones, zone)
		}
	}
	for _, s := range x.Sessions {
		add(s.Started)
		if s.FollowUp != nil {
			add(FollowUpDue(s.Started))
			if s.FollowUp.Done != nil {
				add(*s.FollowUp.Done)
			}
		}
	}
	if len(zones) == 0 {
		add(time.Now())
	}
	return md(fmt.Sprintf("Times are local (%s).", strings.Join(zones, "; ")))
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

func (x *Export) csv() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(utf8BOM)
	w := csv.NewWriter(&b)
	rows := [][]string{csvColumns}
	for _, p := range x.Profiles {
		var helps []string
		for _, situation := range sortedKeys(p.Helps) {
			helps = append(helps, situation+": "+strings.Join(p.Helps[situation], ", "))
		}
		rows = append(rows, []string{"profile", p.Name, p.Pronouns, strings.Join(p.Likes, "; "), strings.Join(p.Never, "; "),
			p.Leaning, p.Talk, weightsText(p), strings.Join(helps, "; "), p.Notes,
			"", "", "", "", "", "", "", "", "", ""})
	}
	for _, s := range x.Sessions {
		var ratings []string
		for _, r := range s.Ratings {
			ratings = append(ratings, fmt.Sprintf("%s: %s %s", r.Person, r.Activity, r.Rating))
		}
		rows = append(rows, []string{cmp.Or(s.Kind, "check-in"), "", "", "", "", "", "", "", "", "",
			s.ID, s.Started.Format(time.RFC3339), s.Mode, strings.Join(s.People, "; "), s.Situation,
			sharedText(s.People, s.Shared), strings.Join(s.Chosen, "; "), strings.Join(ratings, "; "), s.Note, followUpText(s.FollowUp)})
	}
	for _, row := range rows {
		for i, cell := range row {
			row[i] = csvCell(cell)
		}
	}
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func sharedText(people []string, shared map[string][]Shared) string {
	var out []string
	for _, name := range people {
		for _, a := range shared[name] {
			out = append(out, fmt.Sprintf("%s: %s %s", name, a.Prompt, a.Said))
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
