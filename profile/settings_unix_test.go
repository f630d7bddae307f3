//go:build unix

package profile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestASettingsFileOthersCouldChangeOrThatIsNotAFileIsRefused(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T) string
		want string
	}{
		{"a file everyone may write", func(t *testing.T) string {
			path := writeConfig(t, "theme: dark\n")
			mustChmod(t, path, 0o666)
			return path
		}, "can be changed by others (mode 0666)"},
		{"a folder everyone may write", func(t *testing.T) string {
			path := writeConfig(t, "theme: dark\n")
			mustChmod(t, filepath.Dir(path), 0o777)
			return path
		}, "can be changed by others (mode 0777)"},
		{"a link to a device", func(t *testing.T) string {
			path := filepath.Join(t.TempDir(), "config.yaml")
			if err := os.Symlink("/dev/zero", path); err != nil {
				t.Fatal(err)
			}
			return path
		}, "is a device, not an ordinary file"},
		{"a file far larger than settings", func(t *testing.T) string {
			return writeConfig(t, "theme: dark\n"+strings.Repeat("# padding\n", MaxSettingsBytes/10+1))
		}, "is larger than 64 KiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isolate(t)
			_, err := LoadConfig(tt.make(t), flagSet(t))
			if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Count(err.Error(), "settings: ") != 1 {
				t.Errorf("LoadConfig = %v; want an error saying %q, once called settings", err, tt.want)
			}
		})
	}
}

func mustChmod(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}
