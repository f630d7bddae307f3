package profile

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/plain"
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
	slices.SortFunc(x.Profiles, func(a, b Profile) int { return strings.Compare(nameKey(a.Name), nameKey(b.Name)) })
	slices.SortFunc(x.Sessions, func(a, b Session) int {
		return cmp.Or(a.Started.Compare(b.Started), strings.Compare(a.ID, b.ID))
	})
}

// Encode writes the export in one of ExportFormats; the catalogue names
// activities and situations in the formats written for people to read,
// and times there are local. Nothing written holds a raw control
// character: JSON escapes every one, YAML those it quotes, and markdown
// and CSV show them as plain.Text does.
func (x *Export) Encode(format string, cat *catalog.Catalog) ([]byte, error) {
	switch format {
	case "json":
		data, err := json.MarshalIndent(x, "", "  ")
		// JSON leaves DEL and C1 controls raw in strings; written as
		// \u escapes, they read back the same.
		return []byte(plain.Text(string(data)) + "\n"), err
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
		return x.markdown(cat, time.Local), nil
	case "csv":
		return x.csv()
	}
	return nil, fmt.Errorf("%q is not an export format: use %s", format, strings.Join(ExportFormats, ", "))
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
