package catalog

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// comments returns n bytes of YAML comments: a valid, empty catalogue file.
func comments(n int) string {
	line := "# " + strings.Repeat("x", 61) + "\n"
	text := strings.Repeat(line, n/len(line)+1)[:n]
	return text[:len(text)-1] + "\n"
}

func TestUserCatalogueFilesHaveASizeLimit(t *testing.T) {
	tests := []struct {
		name  string
		sizes []int
		want  map[string]string // file name: a fragment of its problem
	}{
		{"a file at the limit", []int{MaxCatalogFileBytes}, nil},
		{"a file a byte over it", []int{MaxCatalogFileBytes + 1},
			map[string]string{"0.yaml": "is larger than 128 KiB, the most a catalogue file may hold"}},
		{"files at the limit together", []int{MaxCatalogFileBytes, MaxCatalogBytes - MaxCatalogFileBytes}, nil},
		{"files past the limit together", []int{MaxCatalogFileBytes, MaxCatalogFileBytes, 10, 10},
			map[string]string{"2.yaml": "takes your catalogue files past 256 KiB together"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for i, size := range tt.sizes {
				userFile(t, dir, string(rune('0'+i))+".yaml", comments(size))
			}
			_, err := LoadPaths(dir)
			var errs Errors
			if err != nil && !errors.As(err, &errs) {
				t.Fatalf("err = %v, want catalogue Errors", err)
			}
			if len(errs) != len(tt.want) {
				t.Fatalf("got %d problems, want %d: %v", len(errs), len(tt.want), err)
			}
			for _, e := range errs {
				want, ok := tt.want[filepath.Base(e.Path)]
				if !ok || e.Line != 0 || !strings.Contains(e.Msg, want) {
					t.Errorf("got %v, want %q about the file as a whole", e, want)
				}
			}
		})
	}
}

// A folder of very many files, however small, is read only so far: each
// costs system calls, and every command reads them.
func TestUserCatalogueFilesHaveACountLimit(t *testing.T) {
	dir := t.TempDir()
	for i := range MaxCatalogFiles + 2 {
		userFile(t, dir, fmt.Sprintf("f%04d.yaml", i), "")
	}
	_, err := LoadPaths(dir)
	var errs Errors
	if !errors.As(err, &errs) || len(errs) != 1 || filepath.Base(errs[0].Path) != fmt.Sprintf("f%04d.yaml", MaxCatalogFiles) || !strings.Contains(errs[0].Msg, "past the first 1,000 catalogue files") {
		t.Errorf("err = %v, want the file after the first 1,000 named once", err)
	}
}

// TestAHugeFileIsRefusedHavingReadNoMoreThanTheLimit uses a 64 MB file
// that takes no disk (it is all one hole): reading it whole, or parsing
// it, would cost far more memory than the limit allows.
func TestAHugeFileIsRefusedHavingReadNoMoreThanTheLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := errors.Join(f.Truncate(64<<20), f.Close()); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = LoadPaths(path)
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "is larger than") {
		t.Errorf("err = %v, want the file refused for its size", err)
	}
	// Far less than the file, with room for the race detector and the
	// built-in catalogue, which are not what this is about.
	if used := after.TotalAlloc - before.TotalAlloc; used > 8<<20 {
		t.Errorf("refusing a 64 MiB file allocated %d KiB, want well under 8 MiB", used>>10)
	}
}

func TestACountIsGroupedInThousands(t *testing.T) {
	for _, tt := range []struct {
		n          int
		noun, want string
	}{
		{0, "check-in", "0 check-ins"},
		{1, "plan", "1 plan"},
		{1500, "check-in", "1,500 check-ins"},
		{2, "activity", "2 activities"},
		{12345, "activity", "12,345 activities"},
	} {
		if got := Count(tt.n, tt.noun); got != tt.want {
			t.Errorf("Count(%d, %q) = %q, want %q", tt.n, tt.noun, got, tt.want)
		}
	}
}

// A path that cannot be reached says what is in the way, in words a
// person can act on, and still answers errors.Is for what went wrong.
func TestAPathErrorNamesWhatIsInTheWay(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "notes")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
		want string
	}{
		{"a file where a folder belongs", filepath.Join(file, "x.json"), filepath.Join(file, "x.json") + ": " + syscall.ENOTDIR.Error() + " (" + file + " is a file, not a folder)"},
		{"a file further up", filepath.Join(file, "a", "b", "x.json"), "(" + file + " is a file, not a folder)"},
		{"a folder that is not there", filepath.Join(dir, "no", "x.json"), " (there is no folder " + filepath.Join(dir, "no") + ")"},
		{"the first of several folders that are not there", filepath.Join(dir, "no", "such", "x.json"), " (there is no folder " + filepath.Join(dir, "no") + ")\x00"},
		{"only the file is missing, which says enough", filepath.Join(dir, "x.json"), filepath.Join(dir, "x.json") + ": " + fs.ErrNotExist.Error()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := os.Open(tt.path)
			if tt.name == "only the file is missing, which says enough" {
				// The system's own words differ between systems.
				err = &fs.PathError{Op: "open", Path: tt.path, Err: fs.ErrNotExist}
			}
			got := PathError(tt.path, err)
			if !errors.Is(got, err.(*fs.PathError).Err) {
				t.Errorf("errors.Is lost the cause: %v", got)
			}
			if msg := got.Error() + "\x00"; !strings.Contains(msg, tt.want) || strings.Contains(msg, "open ") {
				t.Errorf("PathError(%s) = %q, want it to hold %q", tt.path, got, tt.want)
			}
		})
	}
}
