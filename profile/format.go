package profile

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/plain"
)

// FormatSession writes a session in a few lines for a history listing:
// when and who, what each person shared (alone, what they kept), what
// was chosen and noted.
func FormatSession(cat *catalog.Catalog, s *Session) string {
	var b strings.Builder
	// Alone, nothing is shared with anyone: answers are kept.
	said := told{"shared:", "shared nothing."}
	if s.Mode == string(catalog.Solo) {
		said = told{"kept:", "kept no answers."}
	}
	mode := s.Mode
	if s.Kind == Plan {
		mode = "plan"
	}
	head := []string{s.Started.Local().Format("Mon 2 Jan 2006, 15:04"), mode, catalog.JoinAnd(s.People)}
	if sit := cat.Situation(s.Situation); sit != nil {
		head = append(head, sit.After)
	} else if s.Situation != "" {
		head = append(head, s.Situation)
	}
	b.WriteString(strings.Join(head, " · ") + "\n")
	writeShared(&b, s.People, s.Shared, nil, "", said)
	if len(s.Chosen) > 0 {
		fmt.Fprintf(&b, "  Chose: %s\n", strings.Join(activityTitles(cat, s.Chosen), "; "))
	}
	// Ratings are given in the follow-up: said there, after what each
	// person shared then, so that no one is said to have shared nothing
	// beside a rating of theirs.
	rated, unplaced := map[string][]string{}, s.Ratings
	if f := s.FollowUp; f != nil && f.Done != nil {
		unplaced = nil
		for _, r := range s.Ratings {
			if i := slices.IndexFunc(f.For, func(name string) bool { return SameName(name, r.Person) }); i >= 0 {
				rated[f.For[i]] = append(rated[f.For[i]], ratingLine(cat, r))
			} else {
				unplaced = append(unplaced, r)
			}
		}
	}
	for _, r := range unplaced {
		fmt.Fprintf(&b, "  %s\n", ratingLine(cat, r))
	}
	if s.Note != "" {
		fmt.Fprintf(&b, "  Note: %s\n", plain.Line(strings.TrimSpace(s.Note)))
	}
	if f := s.FollowUp; f != nil {
		if f.Done == nil {
			fmt.Fprintf(&b, "  %s asked for a follow-up, due %s.\n", catalog.JoinAnd(f.For), Dated(FollowUpDue(s.Started, time.Local), s.Started, "Mon 2 Jan, 15:04"))
		} else {
			fmt.Fprintf(&b, "  Followed up %s:\n", Dated(*f.Done, s.Started, "Mon 2 Jan, 15:04"))
			writeShared(&b, f.For, f.Shared, rated, "  ", said)
		}
	}
	fmt.Fprintf(&b, "  (%s)\n", s.ID)
	return b.String()
}

// ratingLine is a rating as history says it: "Sam found Make a warm
// drink: it helped".
func ratingLine(cat *catalog.Catalog, r Rating) string {
	return fmt.Sprintf("%s found %s: %s", r.Person, activityTitles(cat, []string{r.Activity})[0], RatingWords(r.Rating))
}

// told is what follows a person's name before their answers, and in
// place of them when there are none.
type told struct{ some, none string }

// writeShared writes what each person shared, an answer a line however
// many lines it was typed on, then their lines in rated.
func writeShared(b *strings.Builder, people []string, shared map[string][]Shared, rated map[string][]string, indent string, said told) {
	for _, name := range people {
		answers := shared[name]
		switch {
		case len(answers) > 0:
			fmt.Fprintf(b, "%s  %s %s\n", indent, name, said.some)
		case len(rated[name]) == 0:
			fmt.Fprintf(b, "%s  %s %s\n", indent, name, said.none)
		}
		for _, a := range answers {
			fmt.Fprintf(b, "%s    %s\n", indent, plain.Line(strings.TrimSpace(promptAndSaid(a))))
		}
		for _, line := range rated[name] {
			fmt.Fprintf(b, "%s  %s\n", indent, plain.Line(line))
		}
	}
}

// promptAndSaid is an answer after what was asked: "Are you okay? Yes",
// and, after a prompt that asks no question, "A few words for Alex: a
// rough day".
func promptAndSaid(a Shared) string {
	prompt := a.Prompt
	if last := strings.TrimSpace(prompt); last != "" && !strings.ContainsAny(last[len(last)-1:], "?!.:") {
		prompt = last + ":"
	}
	return prompt + " " + a.Said
}

var ratingWords = map[string]string{catalog.Helped: "it helped", catalog.Neutral: "neither here nor there", catalog.DidntHelp: "it didn't help"}

// RatingWords is a rating as history says it ("it didn't help"), or as it
// is stored when it is not one this aftercare knows.
func RatingWords(rating string) string { return cmp.Or(ratingWords[rating], rating) }

// activityTitles names activities by title, or by id when the catalogue no
// longer has them.
func activityTitles(cat *catalog.Catalog, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		if a := cat.Activity(id); a != nil {
			out[i] = a.Title
		}
	}
	return out
}

// Dated is t where the person is, in layout, with the year after the
// month when it is not now's year: a history of years would otherwise
// read the same each spring, and a date from 2022 pass for this week's.
func Dated(t, now time.Time, layout string) string {
	t = t.Local()
	if t.Year() != now.Local().Year() {
		month := "Jan"
		if strings.Contains(layout, "January") {
			month = "January"
		}
		layout = strings.Replace(layout, month, month+" 2006", 1)
	}
	return t.Format(layout)
}
