package profile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"filippo.io/age"
	"github.com/aftercare-tui/aftercare/seal"
)

// marker is a note no sealed byte can spell by chance.
const marker = "MARKER-7f3a-tea-and-a-blanket"

// plainFiles maps every file under dir to its bytes.
func plainFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		files[path] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// holding lists the files under dir whose bytes contain any of words.
func holding(t *testing.T, dir string, words ...string) []string {
	t.Helper()
	var found []string
	for path, data := range plainFiles(t, dir) {
		for _, w := range words {
			if bytes.Contains(data, []byte(w)) {
				found = append(found, path+" holds "+w)
			}
		}
	}
	slices.Sort(found)
	return found
}

// Names long enough that no sealed file spells them by chance.
const (
	samFull  = "Samantha Quillfeather"
	alexFull = "Alexandria Moonwhistle"
	samNotes = "Likes the lights low."
)

func noted(id string) *Session {
	s := session(id, testStart, samFull, alexFull)
	s.Note = marker
	return s
}

// lockedStore is a store with Sam's profile and one check-in, locked to a
// new key kept by the person (no passphrase, which is slow on purpose).
func lockedStore(t *testing.T) (*Store, *age.X25519Identity) {
	t.Helper()
	s := newStore(t)
	if err := s.CreateProfile(sam()); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSession(noted("20261120T221000-aaaaaa")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Summaries(); err != nil { // writes the index, which holds names
		t.Fatal(err)
	}
	key, err := NewKey()
	if err != nil {
		t.Fatal(err)
	}
	done, err := s.Lock(key, "")
	if err != nil || len(done.Left) > 0 || done.Changed != 2 {
		t.Fatalf("Lock = %+v, %v; want 2 records sealed", done, err)
	}
	return s, key
}

func TestALockedStoreSavesWithoutTheKeyAndReadsOnlyWithIt(t *testing.T) {
	s, key := lockedStore(t)
	if got := holding(t, s.Dir(), marker, samFull, alexFull, samNotes, "sam.yaml"); len(got) > 0 {
		t.Fatalf("locked, the data folder still says who or what:\n%s", strings.Join(got, "\n"))
	}
	for path := range plainFiles(t, s.Dir()) {
		if strings.Contains(strings.ToLower(path), "sam") {
			t.Errorf("locked, a file name says whose it is: %s", path)
		}
	}
	// Another run, which has not unlocked: it saves, and cannot read.
	other := Open(s.Dir(), testCatalog(), true)
	if err := other.SaveSession(noted("20261121T221000-bbbbbb")); err != nil {
		t.Fatalf("saving without the key: %v", err)
	}
	if err := other.CreateProfile(&Profile{Name: "Kim"}); err == nil {
		t.Error("a profile was created without reading whether its name is taken")
	}
	if _, err := other.Session("20261121T221000-bbbbbb"); !errors.Is(err, ErrLocked) {
		t.Errorf("reading without the key: %v, want ErrLocked", err)
	}
	if got := holding(t, s.Dir(), marker, samFull, alexFull, samNotes); len(got) > 0 {
		t.Fatalf("a check-in saved while locked left plain text:\n%s", strings.Join(got, "\n"))
	}
	wrong, _ := NewKey()
	if err := other.UnlockWithIdentities([]age.Identity{wrong}); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("a key it was not locked with: %v", err)
	}
	if err := other.UnlockWithIdentities([]age.Identity{key}); err != nil {
		t.Fatal(err)
	}
	history, err := other.Summaries()
	if err != nil || len(history) != 2 || history[0].Err != nil || history[1].Err != nil {
		t.Fatalf("history once unlocked: %+v, %v", history, err)
	}
	whole, err := other.Session("20261121T221000-bbbbbb")
	if err != nil || whole.Note != marker {
		t.Fatalf("the check-in saved while locked reads back as %+v, %v", whole, err)
	}
	if p, err := other.Profile("sam"); err != nil || p.Notes != sam().Notes {
		t.Fatalf("Sam once unlocked: %+v, %v", p, err)
	}
	// The index the reader wrote is sealed too.
	if got := holding(t, s.Dir(), marker, samFull, alexFull, samNotes); len(got) > 0 {
		t.Fatalf("reading while locked left plain text:\n%s", strings.Join(got, "\n"))
	}
}

func TestUnlockingGivesBackThePlainFilesByteForByte(t *testing.T) {
	s := newStore(t)
	if err := s.CreateProfile(sam()); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSession(noted("20261120T221000-aaaaaa")); err != nil {
		t.Fatal(err)
	}
	before := plainFiles(t, filepath.Join(s.Dir(), "profiles"))
	for path, data := range plainFiles(t, filepath.Join(s.Dir(), "sessions")) {
		before[path] = data
	}
	key, _ := NewKey()
	if _, err := s.Lock(key, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Unlock(); !errors.Is(err, ErrLocked) {
		t.Fatalf("turning the lock off without the key: %v", err)
	}
	if err := s.UnlockWithIdentities([]age.Identity{key}); err != nil {
		t.Fatal(err)
	}
	done, err := s.Unlock()
	if err != nil || done.Changed != 2 || len(done.Left) > 0 {
		t.Fatalf("Unlock = %+v, %v", done, err)
	}
	after := plainFiles(t, filepath.Join(s.Dir(), "profiles"))
	for path, data := range plainFiles(t, filepath.Join(s.Dir(), "sessions")) {
		after[path] = data
	}
	for path, data := range before {
		if !bytes.Equal(after[path], data) {
			t.Errorf("%s after the lock was turned off:\n%s\nwant:\n%s", path, after[path], data)
		}
	}
	if len(after) != len(before) {
		t.Errorf("files after: %d, before: %d", len(after), len(before))
	}
	if s.Locked() || fileExists(filepath.Join(s.Dir(), keyFile)) {
		t.Error("the keys are still there")
	}
}

// quickPassphrases makes passphrases quick to try for the rest of the test.
func quickPassphrases(t testing.TB) {
	was := seal.PassphraseWork
	seal.PassphraseWork = 10
	t.Cleanup(func() { seal.PassphraseWork = was })
}

func TestAPassphraseOpensTheStoreAndCanBeChanged(t *testing.T) {
	quickPassphrases(t)
	s := newStore(t)
	if err := s.SaveSession(noted("20261120T221000-aaaaaa")); err != nil {
		t.Fatal(err)
	}
	key, _ := NewKey()
	if _, err := s.Lock(key, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	other := Open(s.Dir(), testCatalog(), true)
	if !other.WantsPassphrase() {
		t.Fatal("a store locked with a passphrase does not say it wants one")
	}
	if err := other.UnlockWithPassphrase("wrong horse"); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("a wrong passphrase: %v", err)
	}
	if err := other.UnlockWithPassphrase("correct horse battery"); err != nil {
		t.Fatal(err)
	}
	sealedBefore := plainFiles(t, filepath.Join(s.Dir(), "sessions"))
	if err := other.ChangePassphrase("a new one for winter"); err != nil {
		t.Fatal(err)
	}
	if got := plainFiles(t, filepath.Join(s.Dir(), "sessions")); len(got) != len(sealedBefore) {
		t.Fatal("changing the passphrase changed the records")
	} else {
		for path, data := range sealedBefore {
			if !bytes.Equal(got[path], data) {
				t.Errorf("%s was written again", path)
			}
		}
	}
	third := Open(s.Dir(), testCatalog(), true)
	if err := third.UnlockWithPassphrase("correct horse battery"); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("the old passphrase after the change: %v", err)
	}
	if err := third.UnlockWithPassphrase("a new one for winter"); err != nil {
		t.Fatal(err)
	}
	if sess, err := third.Session("20261120T221000-aaaaaa"); err != nil || sess.Note != marker {
		t.Fatalf("read with the new passphrase: %+v, %v", sess, err)
	}
}

func TestALockCutShortIsFinishedByTheNext(t *testing.T) {
	s := newStore(t)
	if err := s.CreateProfile(sam()); err != nil {
		t.Fatal(err)
	}
	key, _ := NewKey()
	if _, err := s.Lock(key, ""); err != nil {
		t.Fatal(err)
	}
	// As if the lock had been killed before the check-in was sealed: a
	// plain record in a locked store still reads.
	plain, err := encodeSession(noted("20261120T221000-aaaaaa"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(s.Dir(), "sessions"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(filepath.Join(s.Dir(), "sessions"), s.sessionPath("20261120T221000-aaaaaa"), plain); err != nil {
		t.Fatal(err)
	}
	if err := s.UnlockWithIdentities([]age.Identity{key}); err != nil {
		t.Fatal(err)
	}
	if sess, err := s.Session("20261120T221000-aaaaaa"); err != nil || sess.Note != marker {
		t.Fatalf("a plain record in a locked store: %+v, %v", sess, err)
	}
	again := Open(s.Dir(), testCatalog(), true)
	done, err := again.Lock(nil, "")
	if err != nil || done.Changed != 1 {
		t.Fatalf("locking again = %+v, %v; want the one plain record sealed", done, err)
	}
	if got := holding(t, s.Dir(), marker); len(got) > 0 {
		t.Fatalf("after locking again:\n%s", strings.Join(got, "\n"))
	}
}

func TestALockedDraftIsKeptOutsideTheDataFolderAndSweptAway(t *testing.T) {
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	s, key := lockedStore(t)
	if err := s.UnlockWithIdentities([]age.Identity{key}); err != nil {
		t.Fatal(err)
	}
	path, data, err := s.ProfileFile("Sam")
	if err != nil || !bytes.Contains(data, []byte("Likes the lights low.")) {
		t.Fatalf("ProfileFile = %q, %v", data, err)
	}
	d, err := s.NewDraft(path, data)
	if err != nil {
		t.Fatal(err)
	}
	if d.Private == "" || !strings.HasPrefix(d.Path, os.Getenv("XDG_RUNTIME_DIR")) {
		t.Fatalf("the draft is at %s, not in a private folder outside the data folder", d.Path)
	}
	if got := holding(t, s.Dir(), samNotes); len(got) > 0 {
		t.Fatalf("the data folder holds the draft:\n%s", strings.Join(got, "\n"))
	}
	// As if aftercare were killed with the draft open: the next sweep,
	// once the editor has let go, removes its folder.
	_ = d.lock.Close()
	if err := Open(s.Dir(), testCatalog(), true).Sweep(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(d.Private); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the private folder outlived the sweep: %v", err)
	}
}

func TestForgettingWhileLockedLeavesNoIdBehind(t *testing.T) {
	s, key := lockedStore(t)
	waiting := noted("20261121T221000-bbbbbb")
	waiting.FollowUp = &FollowUp{For: []string{samFull}}
	if err := s.SaveSession(waiting); err != nil {
		t.Fatal(err)
	}
	if n := len(s.DueWhileLocked(testStart.Add(30 * 24 * time.Hour))); n != 1 {
		t.Fatalf("%d follow-ups due while locked, want 1", n)
	}
	if _, err := s.ForgetSession(waiting.ID); err != nil {
		t.Fatal(err)
	}
	if got := holding(t, s.Dir(), waiting.ID); len(got) > 0 {
		t.Errorf("forgotten, its id is still kept:\n%s", strings.Join(got, "\n"))
	}
	if err := s.SaveSession(waiting); err != nil {
		t.Fatal(err)
	}
	if err := s.UnlockWithIdentities([]age.Identity{key}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ForgetEverything(); err != nil {
		t.Fatal(err)
	}
	if got := holding(t, s.Dir(), waiting.ID); len(got) > 0 {
		t.Errorf("everything forgotten, its id is still kept:\n%s", strings.Join(got, "\n"))
	}
}

func TestASecondLockWithItsOwnKeyIsRefused(t *testing.T) {
	s, _ := lockedStore(t)
	other, _ := NewKey()
	if _, err := Open(s.Dir(), testCatalog(), true).Lock(other, ""); !errors.Is(err, ErrLockedMeanwhile) {
		t.Fatalf("locking a locked store with another key: %v", err)
	}
	if err := Open(s.Dir(), testCatalog(), true).UnlockWithIdentities([]age.Identity{other}); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("the second key opens the store: %v", err)
	}
}

// Two runs that lock the data at once take turns: the second, with the
// same key, finds it locked to that key and has nothing left to do; one
// that came to finish a lock the other turned off meanwhile locks nothing.
func TestLocksThatMeetFinishOrStopCleanly(t *testing.T) {
	s, key := lockedStore(t)
	if done, err := Open(s.Dir(), testCatalog(), true).Lock(key, ""); err != nil || done.Changed != 0 {
		t.Errorf("a second lock to the same key: %+v, %v", done, err)
	}
	if err := s.UnlockWithIdentities([]age.Identity{key}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Unlock(); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(s.Dir(), testCatalog(), true).Lock(nil, ""); !errors.Is(err, ErrUnlockedMeanwhile) {
		t.Errorf("finishing a lock turned off meanwhile: %v", err)
	}
	if s.Locked() {
		t.Error("the data is locked after all")
	}
}

// Two runs that both opened the data to unlock it take turns: the second
// finds it unlocked already, and says so, rather than fail on a key the
// first removed.
func TestASecondUnlockFindsItUnlockedMeanwhile(t *testing.T) {
	s, key := lockedStore(t)
	second := Open(s.Dir(), testCatalog(), true)
	for _, run := range []*Store{s, second} {
		if err := run.UnlockWithIdentities([]age.Identity{key}); err != nil {
			t.Fatal(err)
		}
	}
	if done, err := s.Unlock(); err != nil || done.Changed != 2 {
		t.Fatalf("the first unlock: %+v, %v", done, err)
	}
	if done, err := second.Unlock(); !errors.Is(err, ErrNotLocked) || done.Changed != 0 {
		t.Errorf("the second unlock: %+v, %v; want it to find the data not locked", done, err)
	}
}

// TestPlainRecordsCountsWhatALockCutShortLeft counts the records a lock
// killed part way left plain, by their first bytes, without the key.
func TestPlainRecordsCountsWhatALockCutShortLeft(t *testing.T) {
	s, _ := lockedStore(t)
	other := Open(s.Dir(), testCatalog(), true)
	if n, err := other.PlainRecords(); err != nil || n != 0 {
		t.Fatalf("PlainRecords of a store wholly locked = %d, %v", n, err)
	}
	for _, id := range []string{"20261121T221000-bbbbbb", "20261122T221000-cccccc"} {
		plain, err := encodeSession(noted(id))
		must(t, err)
		must(t, writeAtomic(s.sessionsDir(), s.sessionPath(id), plain))
	}
	if n, err := other.PlainRecords(); err != nil || n != 2 {
		t.Fatalf("PlainRecords with two records left plain = %d, %v; want 2", n, err)
	}
	if other.Unlocked() {
		t.Error("counting unlocked the store")
	}
	if done, err := other.Lock(nil, ""); err != nil || done.Changed != 2 {
		t.Fatalf("finishing the lock = %+v, %v", done, err)
	}
	if n, err := other.PlainRecords(); err != nil || n != 0 {
		t.Errorf("PlainRecords once the lock is finished = %d, %v", n, err)
	}
}
