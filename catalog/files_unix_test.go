//go:build unix

package catalog

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

func TestOnlyOrdinaryFilesAreReadAsCatalogueFiles(t *testing.T) {
	symlink := func(t *testing.T, target, link string) {
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) (path string) // what to load
		want  string                                       // a fragment of the problem, or "" when it loads
	}{
		{"a link to an endless device", func(t *testing.T, dir string) string {
			symlink(t, "/dev/zero", filepath.Join(dir, "zero.yaml"))
			return dir
		}, "zero.yaml: is a device, not an ordinary file"},
		{"an endless device named directly", func(t *testing.T, dir string) string {
			return "/dev/zero"
		}, "/dev/zero: is a device, not an ordinary file"},
		{"a named pipe, which nothing writes to", func(t *testing.T, dir string) string {
			if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o600); err != nil {
				t.Fatal(err)
			}
			return dir
		}, "pipe.yaml: is a named pipe, not an ordinary file"},
		{"a link to a folder", func(t *testing.T, dir string) string {
			symlink(t, t.TempDir(), filepath.Join(dir, "folder.yaml"))
			return dir
		}, "folder.yaml: is a folder, not an ordinary file"},
		{"a folder anyone may write to", func(t *testing.T, dir string) string {
			userFile(t, dir, "mine.yaml", activity)
			chmod(t, dir, 0o777)
			return dir
		}, "can be changed by others (mode 0777)"},
		{"a folder within it the group may write to", func(t *testing.T, dir string) string {
			inner := filepath.Join(dir, "inner")
			if err := os.Mkdir(inner, 0o770); err != nil {
				t.Fatal(err)
			}
			userFile(t, inner, "mine.yaml", activity)
			chmod(t, inner, 0o770)
			return dir
		}, "inner: can be changed by others (mode 0770)"},
		{"a file anyone may write to", func(t *testing.T, dir string) string {
			chmod(t, userFile(t, dir, "mine.yaml", activity), 0o666)
			return dir
		}, "mine.yaml: can be changed by others (mode 0666), and your catalogue says what is suggested and which support lines are shown"},
		{"a link to an ordinary file, as dotfile managers make", func(t *testing.T, dir string) string {
			symlink(t, userFile(t, t.TempDir(), "kept.yaml", activity), filepath.Join(dir, "mine.yaml"))
			return dir
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.setup(t, t.TempDir())
			cat, err := LoadPaths(path)
			var errs Errors
			switch {
			case tt.want == "" && err != nil:
				t.Fatal(err)
			case tt.want == "":
				if cat.Activity("warm-socks") == nil || !slices.ContainsFunc(cat.UserFiles, func(p string) bool { return strings.HasSuffix(p, "mine.yaml") }) {
					t.Errorf("the linked file was not read: %q", cat.UserFiles)
				}
			case !errors.As(err, &errs) || len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.want):
				t.Errorf("err = %v, want one problem saying %q", err, tt.want)
			}
		})
	}
}

func chmod(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}
