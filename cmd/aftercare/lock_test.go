package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aftercare-tui/aftercare/seal"
)

// filesIn maps each record under dir (profiles and sessions) to its bytes.
func filesIn(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, sub := range []string{"profiles", "sessions"} {
		entries, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join(dir, sub, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			out[filepath.Join(sub, e.Name())] = string(data)
		}
	}
	return out
}

// showing lists the files under dir that hold any of words.
func showing(t *testing.T, dir string, words ...string) []string {
	t.Helper()
	var found []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if seal.IsSealed(data) {
			// Armour is base64, where a short word such as Kai turns up
			// by chance in about one sealed file in fifty: only the
			// file's name can show it.
			data = nil
		}
		for _, w := range words {
			if bytes.Contains(data, []byte(w)) || strings.Contains(strings.ToLower(d.Name()), strings.ToLower(w)) {
				found = append(found, path+": "+w)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// lockedHistory imports aHistory into a new empty home and locks it to a
// new key file; it gives the data folder and the key file's path.
func lockedHistory(t *testing.T) (data, keyPath string) {
	t.Helper()
	home := emptyHome(t)
	importHistory(t, home)
	keyPath, _ = keyFile(t)
	mustRun(t, "", "lock", "--identity", keyPath)
	return filepath.Join(home, ".local", "share", "aftercare"), keyPath
}

// importHistory imports aHistory into the home's data.
func importHistory(t *testing.T, home string) { importText(t, home, aHistory) }

// importText imports an export, given as its text, into the home's data.
func importText(t *testing.T, home, export string) {
	t.Helper()
	backup := filepath.Join(home, "backup.json")
	writeFile(t, backup, export)
	mustRun(t, "", "import", backup)
}

func TestALockedHomeSavesNothingPlainAndReadsOnlyWithItsKey(t *testing.T) {
	home := emptyHome(t)
	data := filepath.Join(home, ".local", "share", "aftercare")
	importHistory(t, home)
	before := filesIn(t, data)
	history := mustRun(t, "", "history")
	export := mustRun(t, "", "export")
	due := mustRun(t, "", "due")
	keyPath, public := keyFile(t)

	if got := mustRun(t, "", "lock", "--identity", keyPath); !strings.Contains(got, "Locked: 6 records were encrypted") {
		t.Fatalf("lock said:\n%s", got)
	}
	if got := showing(t, data, "Tea helped", "Yes, I'm okay", "make-tea", "sam.yaml"); len(got) > 0 {
		t.Fatalf("locked, the data folder still shows:\n%s", strings.Join(got, "\n"))
	}
	if pub, err := os.ReadFile(filepath.Join(data, "key.pub")); err != nil || strings.TrimSpace(string(pub)) != public {
		t.Errorf("key.pub holds %q, %v; want %s", pub, err, public)
	}
	if _, err := os.Stat(filepath.Join(data, "key.age")); !os.IsNotExist(err) {
		t.Errorf("locked to a key in a file, there is a key.age: %v", err)
	}

	// Without the key: what only counts says so, what reads refuses.
	var st status
	if err := json.Unmarshal([]byte(mustRun(t, "", "status", "--json")), &st); err != nil {
		t.Fatal(err)
	}
	if !st.Encrypted || st.Profiles != 1 || st.Records != 5 || st.Checkins != nil || st.Plans != nil || st.Due != 2 {
		t.Errorf("status --json while locked: %+v", st)
	}
	// There is no passphrase to ask for: status says what opens it.
	if got := mustRun(t, "", "status"); !strings.Contains(got, "reading one asks for the key it was locked to (--identity FILE or AFTERCARE_IDENTITY)") {
		t.Errorf("status while locked to a key:\n%s", got)
	}
	if got := mustRun(t, "", "due"); got != "2 follow-ups are due (aftercare is locked: open it with 'aftercare' to see whose)\n" {
		t.Errorf("due while locked: %q", got)
	}
	for _, args := range [][]string{{"history"}, {"profile", "list"}, {"suggest", "--for", "Sam"}, {"history", "--stats"}, {"export", "--decrypt"}, {"forget", "--person", "Sam", "--yes"}} {
		got := aftercare(t, "", args...)
		if got.code != exitFailure || !strings.Contains(got.stderr, "the data is locked to a key kept in a file of your own: name that file with AFTERCARE_IDENTITY") {
			t.Errorf("%v while locked: exit %d, %q", args, got.code, got.stderr)
		}
	}
	if got := aftercare(t, "", "export"); got.code != exitUsage || !strings.Contains(got.stderr, "exported in plain text only with --decrypt") {
		t.Errorf("export while locked: exit %d, %q", got.code, got.stderr)
	}
	if got := filesIn(t, data); len(got) != len(before) {
		t.Errorf("refused reads changed the records: %d files, had %d", len(got), len(before))
	}

	// With the key, every command answers as before.
	t.Setenv("AFTERCARE_IDENTITY", keyPath)
	for _, c := range []struct {
		args []string
		want string
	}{{[]string{"history"}, history}, {[]string{"export", "--decrypt"}, export}, {[]string{"due"}, due}} {
		if got := mustRun(t, "", c.args...); got != c.want {
			t.Errorf("%v with the key:\n%s\nwant:\n%s", c.args, got, c.want)
		}
	}
	if got := showing(t, data, "Tea helped", "make-tea"); len(got) > 0 {
		t.Fatalf("reading while locked left:\n%s", strings.Join(got, "\n"))
	}
	other, _ := keyFile(t)
	t.Setenv("AFTERCARE_IDENTITY", other)
	if got := aftercare(t, "", "history"); got.code != exitFailure || !strings.Contains(got.stderr, "which does not hold the key") {
		t.Errorf("another key: exit %d, %q", got.code, got.stderr)
	}
	t.Setenv("AFTERCARE_IDENTITY", "")

	if got := mustRun(t, "", "lock"); got != "aftercare is already locked.\n" {
		t.Errorf("locking again: %q", got)
	}
	if got := mustRun(t, "", "lock", "--identity", keyPath); got != "aftercare is already locked.\n" {
		t.Errorf("locking again to the same key: %q", got)
	}
	if got := aftercare(t, "", "lock", "--identity", other); got.code != exitFailure || !strings.Contains(got.stderr, "aftercare is already locked, to another key than the one in "+other+", so nothing was changed") {
		t.Errorf("locking again to another key: exit %d, %q", got.code, got.stderr)
	}
	if got := mustRun(t, "", "lock", "--off", "--identity", keyPath); !strings.Contains(got, "Unlocked: 6 records were turned back into plain text") {
		t.Fatalf("lock --off said:\n%s", got)
	}
	after := filesIn(t, data)
	for path, text := range before {
		if after[path] != text {
			t.Errorf("%s after the lock was turned off:\n%s\nwant:\n%s", path, after[path], text)
		}
	}
	if len(after) != len(before) {
		t.Errorf("%d records after, %d before", len(after), len(before))
	}
	if got := mustRun(t, "", "history"); got != history {
		t.Errorf("history once unlocked:\n%s", got)
	}
}

func TestLockMistakesAreRefused(t *testing.T) {
	emptyHome(t)
	for _, c := range []struct {
		args []string
		code int
		said string
	}{
		{[]string{"lock", "--off", "--change"}, exitUsage, "give --off or --change, not both"},
		{[]string{"lock", "--change"}, exitFailure, "the data is not locked, so it has no passphrase to change"},
		{[]string{"lock"}, exitFailure, "there is no terminal here to ask for a passphrase on, so nothing was locked; --identity FILE locks to a key without asking"},
		{[]string{"lock", "--identity", "/nonexistent/key.txt"}, exitFailure, "no such file"},
	} {
		got := aftercare(t, "", c.args...)
		if got.code != c.code || !strings.Contains(got.stderr, c.said) {
			t.Errorf("%v: exit %d, %q; want %d, %q", c.args, got.code, got.stderr, c.code, c.said)
		}
	}
	if got := mustRun(t, "", "lock", "--off"); got != "aftercare is not locked: its files are plain text already.\n" {
		t.Errorf("lock --off unlocked: %q", got)
	}
}

func TestAnImportWhileLockedIsSealedAndCountedAsDue(t *testing.T) {
	home := emptyHome(t)
	data := filepath.Join(home, ".local", "share", "aftercare")
	keyPath, _ := keyFile(t)
	mustRun(t, "", "lock", "--identity", keyPath)
	backup := filepath.Join(home, "backup.json")
	writeFile(t, backup, aHistory)
	t.Setenv("AFTERCARE_IDENTITY", keyPath)
	mustRun(t, "", "import", backup)
	t.Setenv("AFTERCARE_IDENTITY", "")
	if got := showing(t, data, "Tea helped", "make-tea", "sam.yaml"); len(got) > 0 {
		t.Fatalf("imported while locked, the data folder shows:\n%s", strings.Join(got, "\n"))
	}
	if got := mustRun(t, "", "due"); got != "2 follow-ups are due (aftercare is locked: open it with 'aftercare' to see whose)\n" {
		t.Errorf("due straight after the import: %q", got)
	}
}

func TestWhileLockedAnEditAndAnExportLeaveNothingPlainBehind(t *testing.T) {
	home := emptyHome(t)
	data := filepath.Join(home, ".local", "share", "aftercare")
	temp := filepath.Join(home, "tmp")
	if err := os.Mkdir(temp, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", temp)
	t.Setenv("XDG_RUNTIME_DIR", "")
	backup := filepath.Join(home, "backup.json")
	writeFile(t, backup, aHistory)
	mustRun(t, "", "import", backup)
	plain := mustRun(t, "", "export")
	keyPath, public := keyFile(t)
	mustRun(t, "", "lock", "--identity", keyPath)
	t.Setenv("AFTERCARE_IDENTITY", keyPath)

	// The editor sees the profile decrypted, in a folder of its own
	// under the temporary folder, which is gone once the edit is saved.
	seen := filepath.Join(home, "seen")
	useEditor(t, `dirname "$1" > `+seen+`; sed -i 's/closeness: 2/closeness: 3/' "$1"`)
	got := aftercare(t, "", "profile", "edit", "Sam")
	if got.code != 0 || !strings.Contains(got.stderr, "opened decrypted in a private folder") {
		t.Fatalf("profile edit while locked: exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
	where, err := os.ReadFile(seen)
	if err != nil || !strings.HasPrefix(string(where), filepath.Join(temp, "aftercare-edit-")) {
		t.Errorf("the draft was in %q (%v), not a private folder in %s", where, err, temp)
	}
	if left, _ := os.ReadDir(temp); len(left) > 0 {
		t.Errorf("the edit left %v in the temporary folder", left)
	}
	if got := showing(t, data, "closeness: 3", "Tea helped"); len(got) > 0 {
		t.Fatalf("the edit left plain text:\n%s", strings.Join(got, "\n"))
	}

	// A sealed export of locked data opens in a new home, plain as before
	// but for the edit.
	sealed := filepath.Join(home, "backup.age")
	mustRun(t, "", "export", "--recipient", public, "-o", sealed)
	if text, _ := os.ReadFile(sealed); !strings.HasPrefix(string(text), "-----BEGIN AGE ENCRYPTED FILE-----") {
		t.Fatalf("the export is not sealed:\n%.200s", text)
	}
	emptyHome(t)
	t.Setenv("AFTERCARE_IDENTITY", keyPath)
	mustRun(t, "", "import", sealed)
	if got, want := mustRun(t, "", "export"), strings.Replace(plain, `"closeness": 2`, `"closeness": 3`, 1); got != want {
		t.Errorf("the export of locked data, imported:\n%s\nwant:\n%s", got, want)
	}
}

func TestADamagedPublicKeyIsNamedAndNothingIsSavedPlain(t *testing.T) {
	home := emptyHome(t)
	data := filepath.Join(home, ".local", "share", "aftercare")
	importHistory(t, home)
	writeFile(t, filepath.Join(data, "key.pub"), "age1\x1b[31mnot-a-key\n")
	for _, args := range [][]string{{"history"}, {"profile", "new", "Kim"}} {
		got := aftercare(t, "", args...)
		if got.code != exitFailure || !strings.Contains(got.stderr, "key.pub: not an age public key, so nothing can be saved while it is locked") || strings.Contains(got.stderr, "\x1b") {
			t.Errorf("%v with a damaged key.pub: exit %d, %q", args, got.code, got.stderr)
		}
	}
	if got := showing(t, data, "Kim"); len(got) > 0 {
		t.Errorf("saved with a damaged key:\n%s", strings.Join(got, "\n"))
	}
}

func TestStatusSaysWhatALockStoppedPartWayLeftPlain(t *testing.T) {
	home := emptyHome(t)
	data := filepath.Join(home, ".local", "share", "aftercare")
	importHistory(t, home)
	plain := filesIn(t, data)
	keyPath, _ := keyFile(t)
	mustRun(t, "", "lock", "--identity", keyPath)
	// As if the lock had been killed before these two were sealed.
	for _, name := range []string{"20261101T220000-aaaaaa.json", "20261108T220000-eeeeee.json"} {
		writeFile(t, filepath.Join(data, "sessions", name), plain[filepath.Join("sessions", name)])
	}
	stillPlain := func() int {
		var st status
		if err := json.Unmarshal([]byte(mustRun(t, "", "status", "--json")), &st); err != nil {
			t.Fatal(err)
		}
		if !st.Encrypted || st.Records != 5 {
			t.Errorf("status --json: %+v", st)
		}
		return st.StillPlain
	}

	if got := mustRun(t, "", "status"); !strings.Contains(got, "It is locked, but 2 records are still in plain text") || !strings.Contains(got, "Running 'aftercare lock' again finishes encrypting") || strings.Contains(got, "every file is encrypted") {
		t.Errorf("status with two records plain:\n%s", got)
	}
	if n := stillPlain(); n != 2 {
		t.Errorf("status --json: still_plain %d, want 2", n)
	}
	if got := mustRun(t, "", "lock"); !strings.Contains(got, "2 records still in plain text were sealed now") {
		t.Errorf("locking again: %q", got)
	}
	if got := mustRun(t, "", "status"); !strings.Contains(got, "every file is encrypted") {
		t.Errorf("status once the lock is finished:\n%s", got)
	}
	if n := stillPlain(); n != 0 {
		t.Errorf("status --json once the lock is finished: still_plain %d", n)
	}
}

// A record that will not open keeps the lock on, and the words say that
// everything else is plain text again: someone who locked to keep the
// records from view must not believe they still are.
func TestTurningTheLockOffPartlySaysWhatIsPlainAgain(t *testing.T) {
	data, keyPath := lockedHistory(t)
	// A check-in sealed to another key, as if copied from another home.
	_, otherPublic := keyFile(t)
	recipient, err := seal.ParseRecipient(otherPublic)
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := seal.Seal([]byte("{}"), recipient)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(data, "sessions", "20261101-220000-stranger.json"), string(sealed))
	got := aftercare(t, "", "lock", "--off", "--identity", keyPath)
	if got.code != exitFailure || !strings.Contains(got.stdout, "Not fully unlocked: every record is plain text again but 1 record, which could not be decrypted.") {
		t.Errorf("lock --off with a record it cannot open: exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
	if got := showing(t, data, "Tea helped"); len(got) == 0 {
		t.Error("the records that opened are not plain text again")
	}
}
