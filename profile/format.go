package profile

import (
	"fmt"
	"strings"

	"github.com/aftercare-tui/aftercare/catalog"
)

// FormatSession writes a session in a few lines for a history listing:
// when and who, what each person shared, what was chosen and noted.
func FormatSession(cat *catalog.Catalog, s *Session) string {
	var b strings.Builder
	head := []string{s.Started.Local().Format("Mon 2 Jan 2006, 15:04"), s.Mode, catalog.JoinAnd(s.People)}
	if sit := cat.Situation(s.Situation); sit != nil {
		head = append(head, sit.After)
	} else if s.Situation != "" {
		head = append(head, s.Situation)
	}
	b.WriteString(strings.Join(head, " · ") + "\n")
	for _, name := range s.People {
		answers := s.Shared[name]
		if len(answers) == 0 {
			fmt.Fprintf(&b, "  %s shared nothing.\n", name)
			continue
		}
		fmt.Fprintf(&b, "  %s shared:\n", name)
		for _, a := range answers {
			fmt.Fprintf(&b, "    %s\n", strings.TrimSpace(a.Prompt+" "+a.Said))
		}
	}
	if len(s.Chosen) > 0 {
		fmt.Fprintf(&b, "  Chose: %s\n", strings.Join(activityTitles(cat, s.Chosen), "; "))
	}
	for _, r := range s.Ratings {
		fmt.Fprintf(&b, "  %s found %s: %s\n", r.Person, activityTitles(cat, []string{r.Activity})[0], ratingWords[r.Rating])
	}
	if s.Note != "" {
		fmt.Fprintf(&b, "  Note: %s\n", strings.ReplaceAll(strings.TrimSpace(s.Note), "\n", " "))
	}
	fmt.Fprintf(&b, "  (%s)\n", s.ID)
	return b.String()
}

var ratingWords = map[string]string{Helped: "it helped", Neutral: "neither here nor there", DidntHelp: "it didn't help"}

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
