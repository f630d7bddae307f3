package profile

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
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

// ExportOf is an export of the records that could be read, profiles by
// name and sessions oldest first; what could not be read is left out, for
// the caller to name.
func ExportOf(profiles []*Profile, sessions []SessionEntry) *Export {
	out := &Export{Version: ExportVersion, Profiles: []Profile{}, Sessions: []Session{}}
	for _, p := range profiles {
		out.Profiles = append(out.Profiles, *p)
	}
	for _, e := range sessions {
		if e.Session != nil {
			out.Sessions = append(out.Sessions, *e.Session)
		}
	}
	out.sort()
	return out
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
	return x.encode(format, cat, time.Local)
}

// encode is Encode with times in loc, through an ExportWriter.
func (x *Export) encode(format string, cat *catalog.Catalog, loc *time.Location) ([]byte, error) {
	zones := NewZones(loc)
	for i := range x.Sessions {
		zones.Add(&x.Sessions[i])
	}
	var b bytes.Buffer
	w, err := NewExportWriter(&b, format, cat, x.Profiles, zones)
	if err != nil {
		return nil, err
	}
	for i := range x.Sessions {
		if err := w.Add(&x.Sessions[i]); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
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
