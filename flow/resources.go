package flow

import (
	"strings"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// SupportLines are every support line for a region, grouped by what it
// helps with, emergency numbers first: the support anyone can reach from
// home at any time.
func SupportLines(cat *catalog.Catalog, region string) []Line {
	out := []Line{Say(Title, "Support, whenever anyone needs it"),
		Say(Muted, "aftercare is not therapy. These are people who can help; nothing here is sent anywhere.")}
	kind := ""
	for _, r := range cat.SupportFor("", region) {
		if r.Kind != kind {
			kind = r.Kind
			out = append(out, nil, Say(Title, catalog.KindLabel(kind)))
		}
		out = append(out, ResourceLine(r))
		if r.Summary != "" {
			out = append(out, Line{{Bare, "  "}, {Muted, r.Summary}})
		}
	}
	return out
}

// EntryLine sums up a check-in of the history in one line: when, who, and
// what kind of time it was. The year is said when it is not this one, as
// a history of years would read the same each spring.
func EntryLine(cat *catalog.Catalog, e profile.SessionEntry, now time.Time) string {
	if e.Session == nil {
		return "cannot be read: " + e.Path
	}
	s := e.Session
	when := "Mon 2 Jan, 15:04"
	if s.Started.Local().Year() != now.Local().Year() {
		when = "Mon 2 Jan 2006, 15:04"
	}
	parts := []string{s.Started.Local().Format(when), catalog.JoinAnd(s.People)}
	if s.Kind == profile.Plan {
		parts[1] = "plan: " + parts[1]
	}
	if sit := cat.Situation(s.Situation); sit != nil {
		parts = append(parts, sit.After)
	}
	return strings.Join(parts, " · ")
}
