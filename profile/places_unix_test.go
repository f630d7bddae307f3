//go:build unix

package profile

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
)

func TestFilesArePrivateWhateverTheUmask(t *testing.T) {
	// The folder the data folder is made in is the test's own: under a
	// umask of 0 it would be one anyone could change, which is refused.
	s := newStore(t)
	exported := filepath.Join(t.TempDir(), "export.json")
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	if err := s.CreateProfile(sam()); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSession(session("s1", time.Now(), "Sam")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateProfile("Sam", func(p *Profile) error { p.Notes = "changed"; return nil }); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteOutside(exported, []byte("{}")); err != nil {
		t.Fatal(err)
	}
	checked := 0
	err := filepath.Walk(s.Dir(), func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		want := fileMode
		if info.IsDir() {
			want = dirMode
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s has mode %o, want %o", path, got, want)
		}
		checked++
		return nil
	})
	if err != nil || checked < 5 {
		t.Fatalf("walked %d paths: %v", checked, err)
	}
	if info, err := os.Stat(exported); err != nil || info.Mode().Perm() != fileMode {
		t.Errorf("export file mode %v, %v", info.Mode(), err)
	}
}

func TestADataFolderOthersCanChangeIsRefusedAndLeftAsItIs(t *testing.T) {
	tests := []struct {
		name  string
		place func(s *Store) string
		mode  os.FileMode
	}{
		{"data folder writable by all", func(s *Store) string { return s.Dir() }, 0o777},
		{"data folder writable by its group", func(s *Store) string { return s.Dir() }, 0o770},
		{"profiles writable by all", (*Store).profilesDir, 0o777},
		{"sessions writable by its group", (*Store).sessionsDir, 0o730},
		{".tmp writable by all", (*Store).tmpDir, 0o703},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			if err := s.CreateProfile(&Profile{Name: "Alex"}); err != nil {
				t.Fatal(err)
			}
			place := tt.place(s)
			if err := os.MkdirAll(place, 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(place, tt.mode); err != nil {
				t.Fatal(err)
			}
			attempts := map[string]error{}
			attempts["create"] = s.CreateProfile(sam())
			attempts["save"] = s.SaveSession(session("s1", testStart, "Sam"))
			_, attempts["list profiles"] = s.Profiles()
			_, attempts["list sessions"] = s.Sessions()
			_, attempts["draft"] = s.NewDraft(filepath.Join(s.profilesDir(), "alex.yaml"), nil)
			attempts["sweep"] = s.Sweep()
			want := "chmod 700 " + catalog.ShellArg(place)
			for what, err := range attempts {
				if err == nil || !strings.Contains(err.Error(), place) || !strings.Contains(err.Error(), want) {
					t.Errorf("%s: %v, want the folder and %q", what, err, want)
				}
			}
			if info, err := os.Stat(place); err != nil || info.Mode().Perm() != tt.mode {
				t.Errorf("the folder's mode was changed: %v, %v", info.Mode(), err)
			}
			if fileExists(filepath.Join(s.profilesDir(), "sam.yaml")) || fileExists(s.sessionPath("s1")) {
				t.Error("something was written in a folder others can change")
			}
		})
	}
}

// A folder above the data folder that others may change lets them put
// another data folder in its place, or make it before aftercare does; a
// sticky one, like /tmp, does not.
func TestAFolderAboveTheDataFolderThatOthersCanChangeIsRefused(t *testing.T) {
	for _, tt := range []struct {
		name    string
		mode    os.FileMode
		made    bool
		refused bool
	}{
		{"writable by all, data folder not made yet", 0o777, false, true},
		{"writable by all, data folder made", 0o777, true, true},
		{"writable by its group", 0o770, true, true},
		{"sticky and writable by all, as /tmp is", os.ModeSticky | 0o777, true, false},
		{"sticky, data folder not made yet", os.ModeSticky | 0o777, false, false},
		{"the user's own", 0o755, true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			above := filepath.Join(t.TempDir(), "share")
			if err := os.Mkdir(above, 0o700); err != nil {
				t.Fatal(err)
			}
			s := Open(filepath.Join(above, "aftercare"), testCatalog(), true)
			t.Cleanup(s.Close)
			if tt.made {
				if err := s.CreateProfile(&Profile{Name: "Alex"}); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.Chmod(above, tt.mode); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = os.Chmod(above, 0o700) })
			err := s.CreateProfile(sam())
			if !tt.refused {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), above+" can be changed by others") || !strings.Contains(err.Error(), "chmod go-w "+catalog.ShellArg(above)) {
				t.Errorf("saved in a folder under one others can change: %v", err)
			}
			if _, err := s.Profiles(); err == nil {
				t.Error("the profiles were read from a folder under one others can change")
			}
			if fileExists(filepath.Join(s.profilesDir(), "sam.yaml")) {
				t.Error("Sam was saved")
			}
			if _, err := os.Lstat(s.Dir()); !tt.made && err == nil {
				t.Error("the data folder was made")
			}
		})
	}
}

func TestSymbolicLinksInTheDataFolderAreNeverFollowed(t *testing.T) {
	for _, name := range []string{"", ".lock", "profiles", "sessions", ".tmp"} {
		t.Run("link at data/"+name, func(t *testing.T) {
			root := t.TempDir()
			elsewhere := filepath.Join(root, "elsewhere")
			if err := os.Mkdir(elsewhere, 0o755); err != nil {
				t.Fatal(err)
			}
			target := elsewhere
			if name == ".lock" {
				target = filepath.Join(elsewhere, "victim")
				if err := os.WriteFile(target, nil, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			s := Open(filepath.Join(root, "data"), testCatalog(), true)
			link := filepath.Join(s.Dir(), name)
			if err := os.MkdirAll(filepath.Dir(link), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(target, link); err != nil {
				t.Fatal(err)
			}
			attempts := map[string]error{}
			attempts["create"] = s.CreateProfile(sam())
			attempts["save"] = s.SaveSession(session("s1", testStart, "Sam"))
			attempts["export"] = s.WriteOutside(filepath.Join(root, "export.json"), []byte("{}"))
			_, attempts["list profiles"] = s.Profiles()
			_, attempts["list sessions"] = s.Sessions()
			for what, err := range attempts {
				if err == nil || !strings.Contains(err.Error(), link) || !strings.Contains(err.Error(), "symbolic link") {
					t.Errorf("%s: %v, want the link named", what, err)
				}
			}
			entries, _ := os.ReadDir(elsewhere)
			planted := 0
			if name == ".lock" {
				planted = 1
			}
			if info, _ := os.Stat(elsewhere); len(entries) != planted || info.Mode().Perm() != 0o755 {
				t.Errorf("the folder a link points to was changed: %v, mode %v", entries, info.Mode())
			}
		})
	}
}

func TestOnlyAFolderAftercareMadeHasItsModeSet(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	s := newStore(t)
	if err := os.Mkdir(s.Dir(), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(s.Dir(), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateProfile(sam()); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(s.Dir()); info.Mode().Perm() != 0o750 {
		t.Errorf("the data folder the person made is now %v", info.Mode())
	}
	syscall.Umask(0o777)
	if err := s.SaveSession(session("s1", testStart, "Sam")); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(s.sessionsDir()); info.Mode().Perm() != dirMode {
		t.Errorf("a folder aftercare made under umask 777 is %v", info.Mode())
	}
}

func TestOnlyRegularFilesAreReadAsRecords(t *testing.T) {
	s := newStore(t)
	if err := s.CreateProfile(&Profile{Name: "Alex"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSession(session("s1", testStart, "Alex")); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "sam.yaml")
	data, _ := encodeProfile(sam())
	if err := os.WriteFile(outside, data, 0o600); err != nil {
		t.Fatal(err)
	}
	planted := map[string]string{
		filepath.Join(s.profilesDir(), "sam.yaml"):    "symbolic link",
		filepath.Join(s.profilesDir(), "folder.yaml"): "is a folder",
		filepath.Join(s.sessionsDir(), "pipe.json"):   "named pipe",
		filepath.Join(s.sessionsDir(), "zero.json"):   "symbolic link",
		filepath.Join(s.sessionsDir(), "folder.json"): "is a folder",
		filepath.Join(s.profilesDir(), "socket.yaml"): "socket",
	}
	mustPlant(t, os.Symlink(outside, filepath.Join(s.profilesDir(), "sam.yaml")))
	mustPlant(t, os.Mkdir(filepath.Join(s.profilesDir(), "folder.yaml"), 0o700))
	mustPlant(t, syscall.Mkfifo(filepath.Join(s.sessionsDir(), "pipe.json"), 0o600))
	mustPlant(t, os.Symlink("/dev/zero", filepath.Join(s.sessionsDir(), "zero.json")))
	mustPlant(t, os.Mkdir(filepath.Join(s.sessionsDir(), "folder.json"), 0o700))
	socket := filepath.Join(s.profilesDir(), "socket.yaml")
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	mustPlant(t, err)
	defer syscall.Close(fd)
	mustPlant(t, syscall.Bind(fd, &syscall.SockaddrUnix{Name: socket}))

	profiles, err := s.Profiles()
	if err != nil {
		t.Fatal(err)
	}
	sessions, err := s.Sessions()
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, e := range profiles {
		found[e.Path] = true
		checkPlanted(t, e.Path, e.Err, planted)
	}
	for _, e := range sessions {
		found[e.Path] = true
		checkPlanted(t, e.Path, e.Err, planted)
	}
	for path := range planted {
		if !found[path] {
			t.Errorf("%s was not reported", path)
		}
	}
}

func mustPlant(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func checkPlanted(t *testing.T, path string, err error, planted map[string]string) {
	t.Helper()
	want, ok := planted[path]
	switch {
	case !ok && err != nil:
		t.Errorf("%s: %v", path, err)
	case ok && (err == nil || !strings.HasPrefix(err.Error(), path+": ") || !strings.Contains(err.Error(), want)):
		t.Errorf("%s: %v, want it reported as %q", path, err, want)
	}
}

func TestAHostileFileIsRefusedBeforeItIsRead(t *testing.T) {
	s := newStore(t)
	if err := s.CreateProfile(sam()); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSession(session("s1", testStart, "Sam")); err != nil {
		t.Fatal(err)
	}
	const size = 64 << 20
	for _, path := range []string{filepath.Join(s.profilesDir(), "huge.yaml"), filepath.Join(s.sessionsDir(), "huge.json")} {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
		_ = f.Close()
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	profiles, perr := s.Profiles()
	sessions, serr := s.Sessions()
	runtime.ReadMemStats(&after)
	if perr != nil || serr != nil {
		t.Fatal(perr, serr)
	}
	if allocated := after.TotalAlloc - before.TotalAlloc; allocated > 4<<20 {
		t.Errorf("reading beside two 64 MB files allocated %d bytes", allocated)
	}
	for _, e := range append(profileErrs(profiles), sessionErrs(sessions)...) {
		if e != nil && !strings.Contains(e.Error(), "too large (64 MiB)") {
			t.Errorf("%v, want it too large", e)
		}
	}
}

func TestAFileThatGrowsAsItIsReadIsCutOffAtItsLimit(t *testing.T) {
	// Files in /proc say they hold nothing, whatever they hold.
	const path = "/proc/self/maps"
	if _, err := os.Stat(path); err != nil {
		t.Skip("no /proc here")
	}
	if _, err := readRecord(path, "session", 16, nil); err == nil || !strings.Contains(err.Error(), "too large (17 bytes); a session may be at most 16 bytes") {
		t.Errorf("error %v, want it cut off after 17 bytes", err)
	}
}

func TestAnExportToAPipeIsWrittenIntoItAndLeavesItAPipe(t *testing.T) {
	s := newStore(t)
	pipe := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Fatal(err)
	}
	read := make(chan []byte)
	go func() {
		data, _ := os.ReadFile(pipe)
		read <- data
	}()
	if err := s.WriteOutside(pipe, []byte(`{"version": 1}`)); err != nil {
		t.Fatal(err)
	}
	// Replaced, the pipe would never be written to: its reader waits on.
	if info, err := os.Lstat(pipe); err != nil || info.Mode().Type() != fs.ModeNamedPipe {
		t.Fatalf("after the export the pipe is %v, %v; want it still a pipe", info.Mode(), err)
	}
	if got := <-read; string(got) != `{"version": 1}` {
		t.Errorf("the pipe gave %q", got)
	}
}

// A file where the profiles' or check-ins' folder belongs is named as one,
// with what to do, rather than in the words of a failed system call.
func TestAFileWhereAFolderBelongsIsNamedAsOne(t *testing.T) {
	for _, folder := range []string{"profiles", "sessions"} {
		t.Run(folder, func(t *testing.T) {
			s := newStore(t)
			if err := os.MkdirAll(s.Dir(), dirMode); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(s.Dir(), folder)
			if err := os.WriteFile(path, []byte("mine"), fileMode); err != nil {
				t.Fatal(err)
			}
			var err error
			if folder == "profiles" {
				_, err = s.Profiles()
			} else {
				_, err = s.Sessions()
			}
			if err == nil || !strings.Contains(err.Error(), path+": not a folder (move it aside") {
				t.Errorf("reading with %s a file: %v", folder, err)
			}
			if data, _ := os.ReadFile(path); string(data) != "mine" {
				t.Errorf("the file in the way was changed: %q", data)
			}
		})
	}
}

// A file where the data folder, or a folder above it, belongs is named, and
// so is what to do: the data folder can be moved aside, but a file above it
// is not aftercare's, so another place is asked for. Saving and reading
// both say it, and the file is left as it was.
func TestAFileOnTheWayToTheDataFolderIsNamed(t *testing.T) {
	for _, tc := range []struct {
		name, file, dir, want string
	}{
		{"the data folder", "data", "data", ": not a folder (move it aside"},
		{"above it", "above", "above/data", " is a file, not a folder, so aftercare cannot keep its data in "},
		{"two above it", "above", "above/more/data", " is a file, not a folder, so aftercare cannot keep its data in "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			file := filepath.Join(root, tc.file)
			if err := os.WriteFile(file, []byte("mine"), fileMode); err != nil {
				t.Fatal(err)
			}
			s := Open(filepath.Join(root, tc.dir), testCatalog(), true)
			_, readErr := s.Profiles()
			saveErr := s.CreateProfile(sam())
			for what, err := range map[string]error{"reading": readErr, "saving": saveErr} {
				if err == nil || !strings.HasPrefix(err.Error(), file+tc.want) {
					t.Errorf("%s: %v; want it to begin %q", what, err, file+tc.want)
				}
			}
			if data, _ := os.ReadFile(file); string(data) != "mine" {
				t.Errorf("the file in the way was changed: %q", data)
			}
		})
	}
}
