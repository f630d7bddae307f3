package flow

import (
	"errors"
	"fmt"
	"path/filepath"
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
		return DamagedWords(e)[0]
	}
	s := e.Session
	parts := []string{profile.Dated(s.Started, now, "Mon 2 Jan, 15:04"), catalog.JoinAnd(s.People)}
	if s.Kind == profile.Plan {
		parts[1] = "plan: " + parts[1]
	}
	if sit := cat.Situation(s.Situation); sit != nil {
		parts = append(parts, sit.After)
	}
	return strings.Join(parts, " · ")
}

// DamagedWords name a file of the history that cannot be read by its name
// and the line where it goes wrong, longest first, for a row to take the
// longest that fits: its whole path would push both out of sight, and
// opening the row says it.
func DamagedWords(e profile.SessionEntry) []string {
	name := filepath.Base(e.Path)
	if line := errorLine(e.Err); line > 0 {
		return []string{fmt.Sprintf("cannot be read: %s, line %d", name, line), fmt.Sprintf("damaged: %s:%d", name, line), fmt.Sprintf("%s:%d", name, line)}
	}
	return []string{"cannot be read: " + name, "damaged: " + name, name}
}

// errorLine is the line of a file where reading it first went wrong, or
// 0 when the error does not say.
func errorLine(err error) int {
	var problems catalog.Errors
	if errors.As(err, &problems) && len(problems) > 0 {
		return problems[0].Line
	}
	var problem *catalog.Error
	if errors.As(err, &problem) {
		return problem.Line
	}
	return 0
}
