//go:build unix

package main

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLockLeavesAReadOnlyFolderOrRecordAsItIs(t *testing.T) {
	for _, c := range []struct {
		name string
		path string // in the data folder
		mode os.FileMode
		off  bool
	}{
		{"the data folder", ".", 0o500, false},
		{"sessions/", "sessions", 0o500, false},
		{"a check-in", "sessions/20261105T210000-bbbbbb.json", 0o400, false},
		{"sessions/, turning it off", "sessions", 0o500, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			home := emptyHome(t)
			data := filepath.Join(home, ".local", "share", "aftercare")
			importHistory(t, home)
			mustRun(t, "", "history") // writes the index, which lock removes
			keyPath, _ := keyFile(t)
			if c.off {
				mustRun(t, "", "lock", "--identity", keyPath)
			}
			path := filepath.Join(data, c.path)
			if err := os.Chmod(path, c.mode); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = os.Chmod(path, 0o700) })
			before := dataFolder(t, home)

			args := []string{"lock", "--identity", keyPath}
			if c.off {
				args = append(args, "--off")
			}
			got := aftercare(t, "", args...)
			if want := fmt.Sprintf("%s (mode %04o) is read-only", filepath.Clean(path), c.mode); got.code != exitFailure || !strings.Contains(got.stderr, want) {
				t.Errorf("%v: exit %d, %q; want 1 and %q", args, got.code, got.stderr, want)
			}
			if strings.Contains(got.stderr, "cannot be read") || got.stdout != "" {
				t.Errorf("%v said:\n%s%s", args, got.stdout, got.stderr)
			}
			if after := dataFolder(t, home); !maps.Equal(before, after) {
				t.Errorf("%v changed the data folder:\nbefore %.2000q\nafter  %.2000q", args, before, after)
			}

			if err := os.Chmod(path, c.mode|0o200); err != nil {
				t.Fatal(err)
			}
			mustRun(t, "", args...)
		})
	}
}
