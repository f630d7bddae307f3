package profile

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/plain"
	"go.yaml.in/yaml/v3"
)

// ExportWriter writes an export as it goes, in one of ExportFormats: the
// profiles first, then each session it is given, in the order given
// (oldest first, as Export keeps them), so that an export of years of
// check-ins holds one at a time. It writes what Export.Encode writes of
// the same records, byte for byte; Encode is made of it.
type ExportWriter struct {
	out      *bufio.Writer
	format   string
	cat      *catalog.Catalog
	loc      *time.Location
	csv      *csv.Writer
	buf      []byte
	tally    Tally
	profiles int
	err      error
	// profileValues and sessionValues are how many values the profiles
	// and the check-ins of a JSON export hold, as import counts them.
	profileValues, sessionValues int
}

// NewExportWriter starts an export in format on w with the profiles, in
// the order given (by name, as Export keeps them). zones are the time
// zones of every time the sessions to come hold, which a markdown export
// names before them; the other formats need none.
func NewExportWriter(w io.Writer, format string, cat *catalog.Catalog, profiles []Profile, zones *Zones) (*ExportWriter, error) {
	if err := CheckExportFormat(format); err != nil {
		return nil, err
	}
	if profiles == nil {
		profiles = []Profile{}
	}
	if zones == nil {
		zones = NewZones(time.Local)
	}
	x := &ExportWriter{out: bufio.NewWriterSize(w, 64<<10), format: format, cat: cat, loc: zones.loc, profiles: len(profiles)}
	switch format {
	case "json":
		x.jsonStart(profiles)
	case "yaml":
		x.yamlStart(profiles)
	case "markdown":
		x.markdownStart(profiles, zones)
	case "csv":
		x.csvStart(profiles)
	}
	return x, x.err
}

// CheckExportFormat says whether format is one of ExportFormats.
func CheckExportFormat(format string) error {
	if !slices.Contains(ExportFormats, format) {
		return fmt.Errorf("%s is not an export format: use %s", catalog.Quoted(format), strings.Join(ExportFormats, ", "))
	}
	return nil
}

// Add writes a session.
func (x *ExportWriter) Add(s *Session) error {
	if x.err != nil {
		return x.err
	}
	switch x.format {
	case "json":
		x.jsonSession(s)
	case "yaml":
		x.yamlSession(s)
	case "markdown":
		x.markdownSession(s)
	case "csv":
		x.csvSession(s)
	}
	x.tally.Add(s)
	return x.err
}

// Tally counts the sessions written, by what they are.
func (x *ExportWriter) Tally() Tally { return x.tally }

// NotImportable says why import cannot read back whole what was written,
// its size apart, or "" when it can: too many check-ins or profiles, or,
// in JSON, profiles or check-ins holding too many values.
func (x *ExportWriter) NotImportable() string {
	switch {
	case x.tally.Total() > MaxImportCheckins:
		return fmt.Sprintf("it holds %s check-ins, more than the %s aftercare import reads at once", catalog.Thousands(x.tally.Total()), catalog.Thousands(MaxImportCheckins))
	case x.profiles > MaxImportProfiles:
		return fmt.Sprintf("it holds %s profiles, more than the %s aftercare import reads at once", catalog.Thousands(x.profiles), catalog.Thousands(MaxImportProfiles))
	case x.profileValues > MaxImportProfileValues:
		return fmt.Sprintf("its profiles hold more than %s values (names, likes, needs...), more than aftercare import reads back", catalog.Thousands(MaxImportProfileValues))
	case x.sessionValues > MaxImportSessionValues:
		return fmt.Sprintf("its check-ins hold more than %s values (answers, choices, ratings...), more than aftercare import reads back", catalog.Thousands(MaxImportSessionValues))
	}
	return ""
}

// Close writes the export's end and flushes it.
func (x *ExportWriter) Close() error {
	if x.err != nil {
		return x.err
	}
	switch x.format {
	case "json":
		if x.tally.Total() == 0 {
			x.write("[]")
		} else {
			x.write("\n  ]")
		}
		x.write("\n}\n")
	case "yaml":
		if x.tally.Total() == 0 {
			x.write("sessions: []\n")
		}
	case "markdown":
		if x.tally.Total() == 0 {
			x.write("\nNone.\n")
		}
	case "csv":
		x.csv.Flush()
		x.fail(x.csv.Error())
	}
	if x.err == nil {
		x.fail(x.out.Flush())
	}
	return x.err
}

func (x *ExportWriter) write(s string) {
	if x.err == nil {
		_, x.err = x.out.WriteString(s)
	}
}

func (x *ExportWriter) fail(err error) {
	if x.err == nil {
		x.err = err
	}
}

// jsonStart writes what comes before the sessions. JSON leaves DEL and C1
// controls raw in strings; written as \u escapes (plain.Text), they read
// back the same.
func (x *ExportWriter) jsonStart(profiles []Profile) {
	data, err := json.MarshalIndent(profiles, "  ", "  ")
	x.fail(err)
	x.profileValues = JSONValues(data)
	x.write("{\n  \"version\": " + fmt.Sprint(ExportVersion) + ",\n  \"profiles\": " + plain.Text(string(data)) + ",\n  \"sessions\": ")
}

func (x *ExportWriter) jsonSession(s *Session) {
	if x.tally.Total() == 0 {
		x.write("[\n    ")
	} else {
		x.write(",\n    ")
	}
	data, err := s.AppendJSON(x.buf[:0], "    ")
	x.fail(err)
	x.buf = data
	x.sessionValues += JSONValues(data)
	x.write(plain.Text(string(data)))
}

func (x *ExportWriter) yamlStart(profiles []Profile) {
	x.write(string(x.yaml(struct {
		Version  int       `yaml:"version"`
		Profiles []Profile `yaml:"profiles"`
	}{ExportVersion, profiles})))
}

// yamlSession writes the session as an item of the sessions' list: made
// as the only item of a list under the same key, so that the encoder
// indents it itself, and written without the key's line.
func (x *ExportWriter) yamlSession(s *Session) {
	item := x.yaml(struct {
		Sessions []*Session `yaml:"sessions"`
	}{[]*Session{s}})
	if x.tally.Total() > 0 {
		item = item[bytes.IndexByte(item, '\n')+1:]
	}
	x.write(string(item))
}

func (x *ExportWriter) yaml(v any) []byte {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	x.fail(enc.Encode(v))
	x.fail(enc.Close())
	return b.Bytes()
}

func (x *ExportWriter) csvStart(profiles []Profile) {
	x.write(utf8BOM)
	x.csv = csv.NewWriter(x.out)
	x.csvRow(csvColumns)
	for _, p := range profiles {
		var helps []string
		for _, situation := range sortedKeys(p.Helps) {
			helps = append(helps, situation+": "+strings.Join(p.Helps[situation], ", "))
		}
		x.csvRow([]string{"profile", p.Name, p.Pronouns, strings.Join(p.Likes, "; "), strings.Join(p.Never, "; "),
			p.Leaning, p.Talk, weightsText(p), strings.Join(helps, "; "), p.Notes,
			"", "", "", "", "", "", "", "", "", ""})
	}
}

func (x *ExportWriter) csvSession(s *Session) {
	var ratings []string
	for _, r := range s.Ratings {
		ratings = append(ratings, fmt.Sprintf("%s: %s %s", r.Person, r.Activity, r.Rating))
	}
	x.csvRow([]string{cmp.Or(s.Kind, "check-in"), "", "", "", "", "", "", "", "", "",
		s.ID, s.Started.Format(time.RFC3339), s.Mode, strings.Join(s.People, "; "), s.Situation,
		sharedText(s.People, s.Shared), strings.Join(s.Chosen, "; "), strings.Join(ratings, "; "), s.Note, followUpText(s.FollowUp)})
}

func (x *ExportWriter) csvRow(row []string) {
	cells := make([]string, len(row))
	for i, cell := range row {
		cells[i] = csvCell(cell)
	}
	x.fail(x.csv.Write(cells))
}

// Zones gathers the time zones that an export's times fall in, in a
// place's local time, for the first lines of a markdown export, which
// come before its sessions.
type Zones struct {
	loc   *time.Location
	names []string
}

// NewZones gathers zones in loc.
func NewZones(loc *time.Location) *Zones { return &Zones{loc: loc} }

// Add counts the times of a session: its start, and its follow-up's due
// and done times.
func (z *Zones) Add(s *Session) {
	z.add(s.Started)
	if s.FollowUp != nil {
		z.add(FollowUpDue(s.Started, z.loc))
		if s.FollowUp.Done != nil {
			z.add(*s.FollowUp.Done)
		}
	}
}

func (z *Zones) add(t time.Time) {
	t = t.In(z.loc)
	zone := zoneName(t)
	if !strings.HasPrefix(zone, "UTC") {
		zone += ", UTC" + t.Format("-07:00")
	}
	if !slices.Contains(z.names, zone) {
		z.names = append(z.names, zone)
	}
}

// line says which time zones the times are in, as summer time may make
// more than one; with no times, the zone it is in now.
func (z *Zones) line() string {
	names := z.names
	if len(names) == 0 {
		now := &Zones{loc: z.loc}
		now.add(time.Now())
		names = now.names
	}
	return md(fmt.Sprintf("Times are local (%s).", strings.Join(names, "; ")))
}
