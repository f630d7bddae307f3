package profile

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"filippo.io/age"
	"github.com/aftercare-tui/aftercare/seal"
)

// lockUntilKilled turns the lock on (or off) with the key given, saying
// when it starts; the test kills it at some moment of the rewrite.
func lockUntilKilled(s *Store, role, secret string) int {
	key, err := age.ParseX25519Identity(secret)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("locking")
	if role == "locker" {
		// As 'aftercare lock' does, a lock begun before is finished.
		if s.Locked() {
			key = nil
		}
		_, err = s.Lock(key, "")
	} else if err = s.UnlockWithIdentities([]age.Identity{key}); err == nil {
		_, err = s.Unlock()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// everyRecordReads checks that each of the n check-ins and the profile read
// back whole with the key, sealed or not, and counts those still plain.
func everyRecordReads(t *testing.T, dir string, key *age.X25519Identity, n int) (plain int) {
	t.Helper()
	s := Open(dir, testCatalog(), true)
	if s.Locked() {
		if err := s.UnlockWithIdentities([]age.Identity{key}); err != nil {
			t.Fatal(err)
		}
	}
	profiles, err := s.Profiles()
	if err != nil || len(profiles) != 1 || profiles[0].Err != nil || profiles[0].Profile.Notes != samNotes {
		t.Fatalf("profiles: %+v, %v", profiles, err)
	}
	sessions, err := s.Sessions()
	if err != nil || len(sessions) != n {
		t.Fatalf("%d sessions, want %d: %v", len(sessions), n, err)
	}
	for _, e := range sessions {
		if e.Err != nil || e.Session.Note != marker {
			t.Fatalf("%s: %+v, %v", e.Path, e.Session, e.Err)
		}
	}
	for path, data := range plainFiles(t, dir) {
		if (strings.HasSuffix(path, ".json") || strings.HasSuffix(path, ".yaml")) && !seal.IsSealed(data) {
			plain++
		}
	}
	return plain
}

func TestKillingALockOrUnlockLeavesEveryRecordReadableAndTheNextRunFinishes(t *testing.T) {
	if testing.Short() {
		t.Skip("kills lock processes many times")
	}
	const n = 150
	s := newStore(t)
	if err := s.CreateProfile(sam()); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		sess := noted(fmt.Sprintf("20261120T2210%02d-%06x", i%60, i))
		sess.FollowUp = &FollowUp{For: sess.People}
		if err := s.SaveSession(sess); err != nil {
			t.Fatal(err)
		}
	}
	key, err := NewKey()
	if err != nil {
		t.Fatal(err)
	}
	for round := range 12 {
		role := "locker"
		if round%2 == 1 {
			role = "unlocker"
		}
		p := helper(t, role, s.Dir(), 0, targetVar+"="+key.String())
		out, err := p.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Start(); err != nil {
			t.Fatal(err)
		}
		if _, err := bufio.NewReader(out).ReadString('\n'); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rand.IntN(30000)) * time.Microsecond)
		_ = p.Process.Signal(syscall.SIGKILL)
		_ = p.Wait()
		everyRecordReads(t, s.Dir(), key, n)

		// Run to its end, the same command leaves nothing half done.
		again := helper(t, role, s.Dir(), 0, targetVar+"="+key.String())
		if msg, err := again.Output(); err != nil {
			t.Fatalf("round %d: %s again: %v\n%s", round, role, err, msg)
		}
		plain := everyRecordReads(t, s.Dir(), key, n)
		locked := Open(s.Dir(), testCatalog(), true).Locked()
		switch {
		case role == "locker" && (plain > 0 || !locked):
			t.Fatalf("round %d: locked again, %d records are still plain (locked: %v)", round, plain, locked)
		case role == "unlocker" && (plain != n+1 || locked):
			t.Fatalf("round %d: unlocked again, %d of %d records are plain (locked: %v)", round, plain, n+1, locked)
		}
		if role == "locker" {
			// What is due is still known without the key, whenever the
			// run before was cut short.
			if due := Open(s.Dir(), testCatalog(), true).DueWhileLocked(testStart.AddDate(1, 0, 0)); len(due) != n {
				t.Fatalf("round %d: locked, %d follow-ups are due, want %d", round, len(due), n)
			}
			if got := holding(t, s.Dir(), marker, samNotes, samFull); len(got) > 0 {
				t.Fatalf("round %d: locked, yet:\n%s", round, strings.Join(got, "\n"))
			}
			names, _ := filepath.Glob(filepath.Join(s.Dir(), "profiles", "sam*"))
			if len(names) > 0 {
				t.Fatalf("round %d: locked, a file name says whose it is: %v", round, names)
			}
		}
	}
}
