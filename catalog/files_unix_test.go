//go:build unix

package catalog

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
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
		{"a link to a folder named like a file is read as the folder", func(t *testing.T, dir string) string {
			symlink(t, filepath.Dir(userFile(t, t.TempDir(), "mine.yaml", activity)), filepath.Join(dir, "folder.yaml"))
			return dir
		}, ""},
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
		{"a file of someone else's, only they may write", func(t *testing.T, dir string) string {
			path := userFile(t, dir, "mine.yaml", activity)
			chmod(t, path, 0o644)
			giveAway(t, path)
			return dir
		}, "mine.yaml: belongs to another user (" + someoneElse() + "), who can change it whatever its mode, and your catalogue says what is suggested and which support lines are shown; make it yours with: sudo chown "},
		{"a link to an ordinary file, as dotfile managers make", func(t *testing.T, dir string) string {
			symlink(t, userFile(t, t.TempDir(), "kept.yaml", activity), filepath.Join(dir, "mine.yaml"))
			return dir
		}, ""},
		{"a catalogue folder that is a link, as dotfile managers make", func(t *testing.T, dir string) string {
			symlink(t, filepath.Dir(userFile(t, t.TempDir(), "mine.yaml", activity)), filepath.Join(dir, "catalog"))
			return filepath.Join(dir, "catalog")
		}, ""},
		{"a link to a catalogue folder given with a slash", func(t *testing.T, dir string) string {
			symlink(t, filepath.Dir(userFile(t, t.TempDir(), "mine.yaml", activity)), filepath.Join(dir, "catalog"))
			return filepath.Join(dir, "catalog") + "/"
		}, ""},
		{"a folder within it that is a link", func(t *testing.T, dir string) string {
			symlink(t, filepath.Dir(userFile(t, t.TempDir(), "mine.yaml", activity)), filepath.Join(dir, "work"))
			return dir
		}, ""},
		{"a link to a link to a folder", func(t *testing.T, dir string) string {
			other := t.TempDir()
			symlink(t, filepath.Dir(userFile(t, t.TempDir(), "mine.yaml", activity)), filepath.Join(other, "catalog"))
			symlink(t, filepath.Join(other, "catalog"), filepath.Join(dir, "catalog"))
			return filepath.Join(dir, "catalog")
		}, ""},
		{"a catalogue folder that is a link leading nowhere", func(t *testing.T, dir string) string {
			symlink(t, "gone", filepath.Join(dir, "catalog"))
			return filepath.Join(dir, "catalog")
		}, "catalog: is a link to gone, which is not there"},
		{"a link back to the folder that holds it", func(t *testing.T, dir string) string {
			userFile(t, dir, "mine.yaml", activity)
			symlink(t, ".", filepath.Join(dir, "again"))
			return dir
		}, "again: leads to "},
		{"a link up to the folder that holds the catalogue folder", func(t *testing.T, dir string) string {
			userFile(t, dir, "catalog/mine.yaml", activity)
			symlink(t, "..", filepath.Join(dir, "catalog", "up"))
			return filepath.Join(dir, "catalog")
		}, "catalog/up: leads to "},
		{"two links to one folder", func(t *testing.T, dir string) string {
			kept := filepath.Dir(userFile(t, t.TempDir(), "mine.yaml", activity))
			symlink(t, kept, filepath.Join(dir, "a"))
			symlink(t, kept, filepath.Join(dir, "b"))
			return dir
		}, "b: leads to "},
		{"a link to a folder within, read before the folder itself", func(t *testing.T, dir string) string {
			userFile(t, dir, "z/mine.yaml", activity)
			symlink(t, "z", filepath.Join(dir, "a"))
			return dir
		}, "z: is the folder read already as "},
		{"a linked folder anyone may write to", func(t *testing.T, dir string) string {
			kept := filepath.Dir(userFile(t, t.TempDir(), "mine.yaml", activity))
			chmod(t, kept, 0o777)
			symlink(t, kept, filepath.Join(dir, "work"))
			return dir
		}, "work: can be changed by others (mode 0777)"},
		{"a catalogue folder in a folder anyone may write to", func(t *testing.T, dir string) string {
			userFile(t, dir, "catalog/mine.yaml", activity)
			chmod(t, dir, 0o777)
			return filepath.Join(dir, "catalog")
		}, "can be changed by others (mode 0777), so someone else could put another catalogue in place of "},
		{"a catalogue file in a folder the group may write to", func(t *testing.T, dir string) string {
			chmod(t, dir, 0o770)
			return userFile(t, dir, "mine.yaml", activity)
		}, "can be changed by others (mode 0770), so someone else could put another catalogue in place of "},
		{"a catalogue folder of yours in a sticky folder anyone may write to, like /tmp", func(t *testing.T, dir string) string {
			userFile(t, dir, "catalog/mine.yaml", activity)
			chmod(t, dir, 0o777|os.ModeSticky)
			return filepath.Join(dir, "catalog")
		}, ""},
		{"a catalogue folder of someone else's in a sticky folder", func(t *testing.T, dir string) string {
			userFile(t, dir, "catalog/mine.yaml", activity)
			chmod(t, dir, 0o777|os.ModeSticky)
			giveAway(t, filepath.Join(dir, "catalog"))
			return filepath.Join(dir, "catalog")
		}, "catalog: belongs to another user (" + someoneElse() + "), who can change it whatever its mode"},
		{"a link of someone else's in a sticky folder", func(t *testing.T, dir string) string {
			kept := filepath.Dir(userFile(t, t.TempDir(), "mine.yaml", activity))
			symlink(t, kept, filepath.Join(dir, "catalog"))
			chmod(t, dir, 0o777|os.ModeSticky)
			giveAway(t, filepath.Join(dir, "catalog"))
			return filepath.Join(dir, "catalog")
		}, "catalog: belongs to another user (" + someoneElse() + "), who could put another catalogue in its place in "},
		{"a catalogue folder that links into a folder anyone may write to", func(t *testing.T, dir string) string {
			open := t.TempDir()
			userFile(t, open, "catalog/mine.yaml", activity)
			chmod(t, open, 0o777)
			symlink(t, filepath.Join(open, "catalog"), filepath.Join(dir, "catalog"))
			return filepath.Join(dir, "catalog")
		}, "can be changed by others (mode 0777), so someone else could put another catalogue in place of "},
		{"a link to a file in a folder anyone may write to", func(t *testing.T, dir string) string {
			open := t.TempDir()
			symlink(t, userFile(t, open, "kept.yaml", activity), filepath.Join(dir, "mine.yaml"))
			chmod(t, open, 0o777)
			return dir
		}, "can be changed by others (mode 0777), so someone else could put another catalogue in place of "},
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
				// Paths are named as the person wrote them, not as where a link leads.
				asWritten := func(p string) bool {
					return strings.HasPrefix(p, filepath.Clean(path)+"/") && strings.HasSuffix(p, "mine.yaml")
				}
				if cat.Activity("warm-socks") == nil || !slices.ContainsFunc(cat.UserFiles, asWritten) {
					t.Errorf("mine.yaml was not read as a file in %s: %q", path, cat.UserFiles)
				}
			case !errors.As(err, &errs) || len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.want):
				t.Errorf("err = %v, want one problem saying %q", err, tt.want)
			}
		})
	}
}

func TestLoadOfACatalogueLinkLeadingNowhereSaysSo(t *testing.T) {
	link := filepath.Join(t.TempDir(), "catalog")
	if err := os.Symlink("/no/such/dotfiles/catalog", link); err != nil {
		t.Fatal(err)
	}
	_, err := Load(link)
	if want := "catalog: is a link to /no/such/dotfiles/catalog, which is not there"; err == nil || !strings.HasSuffix(err.Error(), want) {
		t.Errorf("err = %v, want it to end %q rather than the built-in catalogue used", err, want)
	}
}

// giveAway makes path, or the link at path, someoneElse's; only root can,
// so the test is skipped for anyone else.
func giveAway(t *testing.T, path string) {
	t.Helper()
	if err := os.Lchown(path, os.Getuid()+12345, -1); err != nil {
		t.Skip("only root can give a file away:", err)
	}
}

// someoneElse names the user giveAway gives files to.
func someoneElse() string { return userName(strconv.Itoa(os.Getuid() + 12345)) }

func chmod(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

// statInfo is what os.Stat would say of a file with this mode and owner,
// for owners a test cannot make files for.
type statInfo struct {
	mode os.FileMode
	uid  int
}

func (s statInfo) Name() string       { return "x" }
func (s statInfo) Size() int64        { return 0 }
func (s statInfo) Mode() os.FileMode  { return s.mode }
func (s statInfo) ModTime() time.Time { return time.Time{} }
func (s statInfo) IsDir() bool        { return s.mode.IsDir() }
func (s statInfo) Sys() any           { return &syscall.Stat_t{Uid: uint32(s.uid)} }

func TestWritableByOthersSaysHowToMakeAFileYoursAlone(t *testing.T) {
	you, someone := os.Getuid(), os.Getuid()+12345
	chown := "sudo chown " + ShellArg(yourName()) + " '/a b'"
	tests := []struct {
		name         string
		info         statInfo
		problem, fix string
	}{
		{"yours alone", statInfo{0o644, you}, "", ""},
		{"root's", statInfo{0o644, 0}, "", ""},
		{"yours, anyone may write", statInfo{0o666, you}, "can be changed by others (mode 0666)", "make it yours alone with: chmod go-w '/a b'"},
		{"root's, the group may write", statInfo{os.ModeDir | 0o775, 0}, "can be changed by others (mode 0775)", "make it yours alone with: chmod go-w '/a b'"},
		{"someone else's, only they may write", statInfo{0o644, someone},
			"belongs to another user (" + someoneElse() + "), who can change it whatever its mode", "make it yours with: " + chown},
		{"someone else's, anyone may write", statInfo{0o666, someone},
			"belongs to another user (" + someoneElse() + ") and can be changed by others (mode 0666)", "make it yours alone with: " + chown + " && chmod go-w '/a b'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problem, fix := WritableByOthers("/a b", tt.info)
			if problem != tt.problem || fix != tt.fix {
				t.Errorf("got %q, %q\nwant %q, %q", problem, fix, tt.problem, tt.fix)
			}
			if OthersCanWrite(tt.info) != (tt.problem != "") {
				t.Errorf("OthersCanWrite = %v, but the problem is %q", OthersCanWrite(tt.info), problem)
			}
		})
	}
}

func TestAFolderOthersMayWriteToKeepsSafeOnlyWhatItsStickyBitGuards(t *testing.T) {
	you, someone := os.Getuid(), os.Getuid()+12345
	sticky := os.ModeDir | os.ModeSticky | 0o777
	tests := []struct {
		name       string
		dir, entry statInfo
		want       bool
	}{
		{"a folder of yours", statInfo{os.ModeDir | 0o755, you}, statInfo{os.ModeDir | 0o700, you}, true},
		{"a folder anyone may write to", statInfo{os.ModeDir | 0o777, you}, statInfo{os.ModeDir | 0o700, you}, false},
		{"a folder someone else owns", statInfo{os.ModeDir | 0o755, someone}, statInfo{os.ModeDir | 0o700, you}, false},
		{"/tmp, with a folder of yours", statInfo{sticky, 0}, statInfo{os.ModeDir | 0o700, you}, true},
		{"/tmp, with a folder of root's", statInfo{sticky, 0}, statInfo{os.ModeDir | 0o755, 0}, true},
		{"/tmp, with a folder of someone else's", statInfo{sticky, 0}, statInfo{os.ModeDir | 0o700, someone}, false},
		{"a sticky folder someone else owns", statInfo{sticky, someone}, statInfo{os.ModeDir | 0o700, you}, false},
		{"/nix/store, root's and its group's, with root's", statInfo{os.ModeDir | os.ModeSticky | 0o775, 0}, statInfo{os.ModeDir | 0o555, 0}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := keepsSafe(tt.dir, tt.entry); got != tt.want {
				t.Errorf("keepsSafe = %v, want %v", got, tt.want)
			}
		})
	}
}
