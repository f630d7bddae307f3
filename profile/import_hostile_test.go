package profile

import (
	"fmt"
	"strings"
	"testing"
)

// jsonList is an export with one list holding item n times, just under
// MaxImportBytes unless n says otherwise (n < 0: as many as fit).
func jsonList(list, item string, n int, last string) []byte {
	if n < 0 {
		n = (MaxImportBytes - 200 - len(last)) / (len(item) + 1)
	}
	var b strings.Builder
	b.WriteString(`{"version": 1, "` + list + `": [`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(item)
	}
	if last != "" {
		b.WriteString("," + last)
	}
	b.WriteString("]}")
	return []byte(b.String())
}

// validSession is the smallest session history reads.
const validSession = `{"id": "s", "started": "2026-11-20T22:10:00Z", "mode": "solo", "people": ["Sam"]}`

// hostileImports are files made to cost as much as a file can: each is
// refused.
func hostileImports() []struct{ name, path, text, want string } {
	huge := func(n int) string { return strings.Repeat(`"",`, n) + `""` }
	return []struct{ name, path, text, want string }{
		{"64 MB", "x.json", strings.Repeat("{", 64<<20), "larger than 32 MiB"},
		{"a profile with a million likes", "x.json", string(jsonList("profiles", `{"name": "Kai", "likes": [`+strings.Repeat(`"a",`, 1<<20-100)+`"a"]}`, 1, "")), "a profile may be at most 64 KiB"},
		{"profiles full of unknown likes", "x.json", string(jsonList("profiles", `{"name": "Kai", "likes": [`+strings.Repeat(`"a",`, 15<<10)+`"a"]}`, 60, "")), "and perhaps more"},
		{"profiles of many values", "x.json", string(jsonList("profiles", `{"name": "Kai", "likes": [`+strings.Repeat(`1,`, 30<<10)+`1]}`, 60, "")), "and perhaps more"},
		{"small profiles", "x.json", string(jsonList("profiles", `{"name": "Kai", "pronouns": "they/them"}`, -1, "")), "more than 1,000 profiles"},
		{"profiles of more values than are read", "x.json", string(jsonList("profiles", `{"name": "Kai", "pronouns": [`+strings.Repeat(`1,`, 8000)+`1]}`, 20, "")), "more than 150000 values in the profiles"},
		{"empty sessions", "x.json", string(jsonList("sessions", `{}`, -1, "")), "and perhaps more"},
		{"valid sessions then one broken", "x.json", string(jsonList("sessions", validSession, -1, "{}")), "more than 10,000 check-ins"},
		{"sessions of a million choices", "x.json", string(jsonList("sessions", `{"id": "s", "started": "2026-11-20T22:10:00Z", "mode": "solo", "people": ["Sam"], "chosen": [`+huge(300<<10)+`]}`, 3, "{}")), `session #4: id: "" is not a session id`},
		{"sessions of more values than are read", "x.json", string(jsonList("sessions", `{"id": "s", "started": "2026-11-20T22:10:00Z", "mode": "solo", "people": ["Sam"], "chosen": [`+huge(240<<10)+`]}`, 9, "")), "more than 2,000,000 values in the check-ins"},
		{"sessions of long notes, then one broken", "x.json", string(jsonList("sessions", `{"id": "s", "started": "2026-11-20T22:10:00Z", "mode": "solo", "people": ["Sam"], "note": "`+strings.Repeat("a", 900<<10)+`"}`, 35, "{}")), `session #36: id: "" is not a session id`},
		{"a session too large", "x.json", string(jsonList("sessions", `{"note": "`+strings.Repeat("a", 3<<20)+`"}`, 1, "")), "a session may be at most 1 MiB"},
		{"half a character", "x.json", string(jsonList("sessions", `{"id": "s", "started": "2026-11-20T22:10:00Z", "mode": "solo", "people": ["Sam"], "note": "line \ud800 one"}`, 1, "")),
			`x.json:1:125: a \u escape here is half of a character`},
		{"nested lists", "x.json", `{"version": 1, "sessions": [` + strings.Repeat("[", 1<<20), "exceeded max depth"},
		{"YAML of tiny values", "x.yaml", "version: 1\nprofiles: [" + strings.Repeat("1,", 64<<10-20) + "1]\n", "expected fields"},
		{"YAML too large", "x.yaml", "version: 1\nprofiles: [" + strings.Repeat("1,", 1<<20) + "1]\n", "a YAML export larger than 128 KiB"},
	}
}

func TestAHostileImportIsRefusedWithoutChangingAnything(t *testing.T) {
	s := newStore(t)
	for _, tt := range hostileImports() {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.text)
			_, err := s.Import(tt.path, data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %.500v, want %q", err, tt.want)
			}
			if lines := strings.Count(err.Error(), "\n"); lines > maxProblems+2 {
				t.Errorf("the error has %d lines", lines)
			}
		})
	}
	if _, err := s.Sessions(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := s.Sessions(); len(entries) != 0 {
		t.Errorf("a refused import left %d sessions", len(entries))
	}
}

// BenchmarkHostileImport refuses each hostile import: each should take
// well under a second and 100 MB (see BENCHMARKS.md).
func BenchmarkHostileImport(b *testing.B) {
	s := newStore(b)
	for _, tt := range hostileImports() {
		data := []byte(tt.text)
		b.Run(tt.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Import(tt.path, data); err == nil {
					b.Fatal("a hostile import was taken")
				}
			}
		})
	}
}

func TestImportsUpToTheLimitsAreRead(t *testing.T) {
	s := newStore(t)
	refused := func(path string, data []byte) string {
		r := &refusal{path: path}
		s.readExport(path, data, r)
		if err := r.err(); err != nil {
			return err.Error()
		}
		return ""
	}
	json := `{"version": 1}`
	yaml := "version: 1\n"
	for _, tt := range []struct {
		name, path string
		data       string
		want       string
	}{
		{"JSON at the limit", "x.json", json + strings.Repeat(" ", MaxImportBytes-len(json)), ""},
		{"JSON a byte over", "x.json", json + strings.Repeat(" ", MaxImportBytes-len(json)+1), "larger than 32 MiB"},
		{"YAML at the limit", "x.yaml", yaml + strings.Repeat("\n", MaxImportYAMLBytes-len(yaml)), ""},
		{"YAML a byte over", "x.yaml", yaml + strings.Repeat("\n", MaxImportYAMLBytes-len(yaml)+1), "a YAML export larger than 128 KiB"},
		{"the most check-ins", "x.json", string(jsonList("sessions", validSession, MaxImportCheckins, "")), ""},
		{"a check-in more", "x.json", string(jsonList("sessions", validSession, MaxImportCheckins+1, "")), "more than 10,000 check-ins"},
		{"the most check-ins, and their people", "x.json", strings.Replace(string(jsonList("sessions", validSession, MaxImportCheckins, "")), "{", `{"profiles": [{"name": "Sam"}, {"name": "Alex"}], `, 1), ""},
		{"a profile more than the most", "x.json", string(jsonList("profiles", `{"name": "Sam"}`, MaxImportProfiles+1, "")), "more than 1,000 profiles"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := refused(tt.path, []byte(tt.data))
			if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Errorf("refused with %.300q, want %q", got, tt.want)
			}
		})
	}
}

// BenchmarkImport imports a history of one check-in a night into an
// empty folder: each record is staged, synced and moved into place, so
// the time is mostly the disk's (see BENCHMARKS.md).
func BenchmarkImport(b *testing.B) {
	for _, n := range []int{1000, 5000} {
		x := &Export{Version: ExportVersion}
		for i := range n {
			started := testStart.AddDate(0, 0, i-n)
			sess := session(NewSessionID(started), started, "Sam", "Alex")
			// Kept short, so that the most check-ins fit the most bytes.
			sess.Shared = map[string][]Shared{}
			x.Sessions = append(x.Sessions, *sess)
		}
		data, err := x.Encode("json", testCatalog())
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%d-checkins", n), func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				s := newStore(b)
				b.StartTimer()
				if _, err := s.Import("history.json", data); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
		})
	}
}
