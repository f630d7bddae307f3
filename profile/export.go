package profile

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ExportVersion is the version of the export format this program writes
// and reads.
const ExportVersion = 1

// Export is everything in the data folder, in a stable order: profiles by
// name, sessions oldest first.
type Export struct {
	Version  int       `json:"version" yaml:"version"`
	Profiles []Profile `json:"profiles" yaml:"profiles"`
	Sessions []Session `json:"sessions" yaml:"sessions"`
}

// ExportFormats are the formats Encode writes.
var ExportFormats = []string{"json", "yaml", "markdown", "csv"}

// Export gathers everything. A damaged file stops the export with its path
// and line: an export that silently lacked something would not be one.
func (s *Store) Export() (*Export, error) {
	profiles, err := s.Profiles()
	if err != nil {
		return nil, err
	}
	sessions, err := s.Sessions()
	if err != nil {
		return nil, err
	}
	out := &Export{Version: ExportVersion, Profiles: []Profile{}, Sessions: []Session{}}
	var damaged []error
	for _, e := range profiles {
		if e.Err != nil {
			damaged = append(damaged, e.Err)
			continue
		}
		out.Profiles = append(out.Profiles, *e.Profile)
	}
	for _, e := range sessions {
		if e.Err != nil {
			damaged = append(damaged, e.Err)
			continue
		}
		out.Sessions = append(out.Sessions, *e.Session)
	}
	if len(damaged) > 0 {
		return nil, errors.Join(damaged...)
	}
	out.sort()
	return out, nil
}

func (x *Export) sort() {
	slices.SortFunc(x.Profiles, func(a, b Profile) int { return strings.Compare(slug(a.Name), slug(b.Name)) })
	slices.SortFunc(x.Sessions, func(a, b Session) int {
		return cmp.Or(a.Started.Compare(b.Started), strings.Compare(a.ID, b.ID))
	})
}

// Encode writes the export in one of ExportFormats.
func (x *Export) Encode(format string) ([]byte, error) {
	switch format {
	case "json":
		data, err := json.MarshalIndent(x, "", "  ")
		return append(data, '\n'), err
	case "yaml":
		var b bytes.Buffer
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode(x); err != nil {
			return nil, err
		}
		err := enc.Close()
		return b.Bytes(), err
	case "markdown":
		return x.markdown(), nil
	case "csv":
		return x.csv()
	}
	return nil, fmt.Errorf("%q is not an export format: use %s", format, strings.Join(ExportFormats, ", "))
}

// markdown writes the export for reading: a section per profile and per
// session.
func (x *Export) markdown() []byte {
	var b strings.Builder
	b.WriteString("# aftercare\n\n## Profiles\n")
	if len(x.Profiles) == 0 {
		b.WriteString("\nNone.\n")
	}
	for _, p := range x.Profiles {
		fmt.Fprintf(&b, "\n### %s\n\n", p.Name)
		item := func(label, value string) {
			if value != "" {
				fmt.Fprintf(&b, "- %s: %s\n", label, value)
			}
		}
		item("Pronouns", p.Pronouns)
		item("Likes", strings.Join(p.Likes, ", "))
		item("Never", strings.Join(p.Never, ", "))
		item("Usually wants", p.Leaning)
		item("Talk or quiet", p.Talk)
		item("Usual needs", weightsText(p))
		for _, situation := range sortedKeys(p.Helps) {
			item("Helps after "+situation, strings.Join(p.Helps[situation], ", "))
		}
		item("Notes", strings.ReplaceAll(strings.TrimSpace(p.Notes), "\n", " "))
	}
	b.WriteString("\n## Sessions\n")
	if len(x.Sessions) == 0 {
		b.WriteString("\nNone.\n")
	}
	for _, s := range x.Sessions {
		fmt.Fprintf(&b, "\n### %s: %s\n\n", s.Started.Format("2006-01-02 15:04"), strings.Join(s.People, ", "))
		fmt.Fprintf(&b, "- Session: %s (%s)\n", s.ID, s.Mode)
		if s.Situation != "" {
			fmt.Fprintf(&b, "- Situation: %s\n", s.Situation)
		}
		for _, name := range s.People {
			for _, a := range s.Shared[name] {
				if a.Prompt == "" {
					fmt.Fprintf(&b, "- %s: %s\n", name, a.Said)
					continue
				}
				fmt.Fprintf(&b, "- %s, asked \"%s\": %s\n", name, a.Prompt, a.Said)
			}
		}
		if len(s.Chosen) > 0 {
			fmt.Fprintf(&b, "- Chosen: %s\n", strings.Join(s.Chosen, ", "))
		}
		for _, r := range s.Ratings {
			fmt.Fprintf(&b, "- %s found %s: %s\n", r.Person, r.Activity, r.Rating)
		}
		if s.Note != "" {
			fmt.Fprintf(&b, "- Note: %s\n", strings.ReplaceAll(strings.TrimSpace(s.Note), "\n", " "))
		}
	}
	return []byte(b.String())
}

// csvColumns are one table for both kinds of record, for spreadsheets: the
// first column says which kind a row is.
var csvColumns = []string{"kind", "name", "pronouns", "likes", "never", "leaning", "talk", "needs", "helps", "notes",
	"id", "started", "mode", "people", "situation", "shared", "chosen", "ratings", "note"}

func (x *Export) csv() ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	rows := [][]string{csvColumns}
	for _, p := range x.Profiles {
		var helps []string
		for _, situation := range sortedKeys(p.Helps) {
			helps = append(helps, situation+": "+strings.Join(p.Helps[situation], ", "))
		}
		rows = append(rows, []string{"profile", p.Name, p.Pronouns, strings.Join(p.Likes, "; "), strings.Join(p.Never, "; "),
			p.Leaning, p.Talk, weightsText(p), strings.Join(helps, "; "), p.Notes,
			"", "", "", "", "", "", "", "", ""})
	}
	for _, s := range x.Sessions {
		var shared, ratings []string
		for _, name := range s.People {
			for _, a := range s.Shared[name] {
				shared = append(shared, fmt.Sprintf("%s: %s %s", name, a.Prompt, a.Said))
			}
		}
		for _, r := range s.Ratings {
			ratings = append(ratings, fmt.Sprintf("%s: %s %s", r.Person, r.Activity, r.Rating))
		}
		rows = append(rows, []string{"session", "", "", "", "", "", "", "", "", "",
			s.ID, s.Started.Format("2006-01-02T15:04:05Z07:00"), s.Mode, strings.Join(s.People, "; "), s.Situation,
			strings.Join(shared, "; "), strings.Join(s.Chosen, "; "), strings.Join(ratings, "; "), s.Note})
	}
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func weightsText(p Profile) string {
	parts := make([]string, len(p.Needs))
	for i, w := range p.Needs {
		parts[i] = w.Need + " " + strconv.Itoa(w.Weight)
	}
	return strings.Join(parts, ", ")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
