package profile

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The durability tests run this test binary again as a separate writer
// process, chosen by these variables, so that it can be killed mid-write
// or race other processes for the lock.
const (
	roleVar   = "AFTERCARE_TEST_ROLE"
	dirVar    = "AFTERCARE_TEST_DIR"
	countVar  = "AFTERCARE_TEST_COUNT"
	targetVar = "AFTERCARE_TEST_TARGET"
)

func TestMain(m *testing.M) {
	switch os.Getenv(roleVar) {
	case "writer":
		keepWriting(Open(os.Getenv(dirVar), testCatalog(), true))
	case "exporter":
		keepExporting(Open(os.Getenv(dirVar), testCatalog(), true), os.Getenv(targetVar))
	case "importer":
		os.Exit(importUntilKilled(Open(os.Getenv(dirVar), testCatalog(), true), os.Getenv(targetVar), os.Getenv(countVar), false))
	case "finisher":
		// A sweep reads no record, so it needs no catalogue, which takes a
		// race-built process long to load.
		os.Exit(importUntilKilled(Open(os.Getenv(dirVar), nil, true), os.Getenv(targetVar), os.Getenv(countVar), true))
	case "locker", "unlocker":
		os.Exit(lockUntilKilled(Open(os.Getenv(dirVar), testCatalog(), true), os.Getenv(roleVar), os.Getenv(targetVar)))
	case "appender":
		n, _ := strconv.Atoi(os.Getenv(countVar))
		if err := appendNotes(Open(os.Getenv(dirVar), testCatalog(), true), n); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// keepWriting rewrites one profile and one session as fast as it can, with
// contents large enough that a kill often lands in the middle of a write,
// yet within what a profile may hold: likes fill the profile, since its
// notes hold only a page.
func keepWriting(s *Store) {
	big := strings.Repeat("a long note about what helps ", (MaxProfileBytes-1024)/29)
	likes := slices.Repeat([]string{"cuddle"}, (MaxProfileBytes-MaxNotesLength-4096)/len("  - cuddle\n"))
	for i := 0; ; i++ {
		if i == 1 {
			fmt.Println("writing")
		}
		_, err := s.UpdateProfile("Sam", func(p *Profile) error {
			p.Notes = fmt.Sprintf("%d %s", i, big[:rand.IntN(MaxNotesLength-16)])
			p.Likes = likes[:rand.IntN(len(likes))]
			return nil
		})
		if err != nil {
			panic(err)
		}
		sess := session("same-session", time.Now(), "Sam")
		sess.Note = big[:rand.IntN(len(big))]
		if err := s.SaveSession(sess); err != nil {
			panic(err)
		}
	}
}

// keepExporting writes an export outside the data folder over and over.
func keepExporting(s *Store, target string) {
	export := []byte(strings.Repeat("everything private ", 50000))
	for i := 0; ; i++ {
		if i == 1 {
			fmt.Println("writing")
		}
		if err := s.WriteOutside(target, export); err != nil {
			panic(err)
		}
	}
}

func appendNotes(s *Store, n int) error {
	for i := range n {
		_, err := s.UpdateProfile("Sam", func(p *Profile) error {
			p.Notes += fmt.Sprintf("%d-%d\n", os.Getpid(), i)
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func helper(t *testing.T, role, dir string, count int, env ...string) *exec.Cmd {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(self, "-test.run=^$")
	// A race-built process otherwise waits a second before it exits, for
	// reports from other goroutines; these have none that outlive it.
	race := "GORACE=" + strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0")
	cmd.Env = append(os.Environ(), roleVar+"="+role, dirVar+"="+dir, countVar+"="+strconv.Itoa(count), race)
	cmd.Env = append(cmd.Env, env...)
	cmd.Stderr = os.Stderr
	return cmd
}

func TestKillingAWriterNeverLeavesATornFile(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a writer process many times")
	}
	s := newStore(t)
	if err := s.CreateProfile(sam()); err != nil {
		t.Fatal(err)
	}
	for round := range 25 {
		writer := helper(t, "writer", s.Dir(), 0)
		out, err := writer.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := writer.Start(); err != nil {
			t.Fatal(err)
		}
		// Wait until it is writing, then kill it at a random moment.
		if _, err := bufio.NewReader(out).ReadString('\n'); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rand.IntN(20000)) * time.Microsecond)
		_ = writer.Process.Signal(syscall.SIGKILL)
		_ = writer.Wait()

		profiles, err := s.Profiles()
		if err != nil || len(profiles) != 1 || profiles[0].Err != nil {
			t.Fatalf("round %d: profiles %+v, %v", round, profiles, err)
		}
		sessions, err := s.Sessions()
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range sessions {
			if e.Err != nil {
				t.Fatalf("round %d: %v", round, e.Err)
			}
		}
	}
	// The next writer sweeps away what killed writers left half-written.
	if _, err := s.UpdateProfile("Sam", func(p *Profile) error { p.Notes = "calm again"; return nil }); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSession(session("after", time.Now(), "Sam")); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{s.profilesDir(), s.sessionsDir(), s.tmpDir()} {
		leftovers, _ := filepath.Glob(filepath.Join(dir, "*"+tempMarker+"*"))
		if len(leftovers) > 0 {
			t.Errorf("half-written files left in %s: %v", dir, leftovers)
		}
	}
}

func TestKillingAnExportLeavesNothingBesideItOnceSwept(t *testing.T) {
	if testing.Short() {
		t.Skip("kills an exporting process many times")
	}
	s := newStore(t)
	outside := t.TempDir()
	target := filepath.Join(outside, "backup.json")
	for round := range 15 {
		exporter := helper(t, "exporter", s.Dir(), 0, targetVar+"="+target)
		out, err := exporter.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := exporter.Start(); err != nil {
			t.Fatal(err)
		}
		if _, err := bufio.NewReader(out).ReadString('\n'); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rand.IntN(5000)) * time.Microsecond)
		_ = exporter.Process.Signal(syscall.SIGKILL)
		_ = exporter.Wait()
		if err := s.Sweep(); err != nil {
			t.Fatal(err)
		}
		if beside, _ := filepath.Glob(filepath.Join(outside, ".*")); len(beside) > 0 {
			t.Fatalf("round %d: left beside the export: %v", round, beside)
		}
	}
}

// Fifty writers at once, each with a store of its own and some in
// processes of their own, all get their turn in time, and none loses
// another's update.
func TestFiftyWritersAtOnceAllSucceedAndLoseNoUpdate(t *testing.T) {
	s := newStore(t)
	if err := s.CreateProfile(&Profile{Name: "Sam"}); err != nil {
		t.Fatal(err)
	}
	const writers, perWriter = 50, 3
	processes := 0
	if !testing.Short() {
		processes = 5
	}
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for range writers - processes {
		wg.Go(func() { errs <- appendNotes(Open(s.Dir(), testCatalog(), true), perWriter) })
	}
	for range processes {
		cmd := helper(t, "appender", s.Dir(), perWriter)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wg.Go(func() { errs <- cmd.Wait() })
	}
	wg.Wait()
	close(errs)
	t.Logf("%d writers, %d updates each, took %v", writers, perWriter, time.Since(start))
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	p, err := s.Profile("Sam")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(p.Notes), "\n")
	if want := writers * perWriter; len(lines) != want {
		t.Errorf("%d notes survived, want %d", len(lines), want)
	}
}
