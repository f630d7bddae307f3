//go:build linux

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// BenchmarkProcess measures whole commands as a person runs them, process
// start included, beside a Go program that prints one line: what is left
// over is aftercare's own. peak-MiB is the most memory each held, as
// testdata/peak reports it (its floor is that of the Go hello).
func BenchmarkProcess(b *testing.B) {
	dir := b.TempDir()
	hello := filepath.Join(dir, "hello.go")
	if err := os.WriteFile(hello, []byte("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello\") }\n"), 0o600); err != nil {
		b.Fatal(err)
	}
	helloBin := buildForBench(b, hello)
	aftercare := buildForBench(b, ".")
	peakOf := buildForBench(b, "./testdata/peak")
	empty := b.TempDir()
	// fresh is run before each timed run, untimed, when not nil.
	var fresh func()
	run := func(b *testing.B, home, bin string, args ...string) {
		var peak int64
		for b.Loop() {
			if fresh != nil {
				b.StopTimer()
				fresh()
				b.StartTimer()
			}
			cmd := exec.Command(peakOf, append([]string{bin}, args...)...)
			cmd.Env = []string{"HOME=" + home, "LANG=en_GB.UTF-8"}
			cmd.Stdout = io.Discard
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				b.Fatalf("%s: %v\n%s", bin, err, stderr.String())
			}
			var kib int64
			if _, err := fmt.Sscanf(stderr.String()[strings.LastIndex(stderr.String(), "peak-kib"):], "peak-kib %d", &kib); err != nil {
				b.Fatalf("%s: no peak in %q", bin, stderr.String())
			}
			peak = max(peak, kib)
		}
		b.ReportMetric(float64(peak)/1024, "peak-MiB")
	}
	b.Run("go-hello", func(b *testing.B) { run(b, empty, helloBin) })
	b.Run("suggest", func(b *testing.B) { run(b, empty, aftercare, "suggest", "--together", "--situation", "scene") })
	b.Run("catalog-validate", func(b *testing.B) { run(b, empty, aftercare, "catalog", "validate") })
	for _, n := range []int{0, 1000, 10000, 100000} {
		home := homeWithCheckins(b, n)
		index := filepath.Join(home, ".local", "share", "aftercare", ".index")
		for _, args := range [][]string{{"due"}, {"history", "--json"}, {"history", "--stats"}, {"history", "--stats", "--json"}, {"suggest", "--for", "Sam,Alex"}, {"export"}} {
			if n == 0 && args[0] == "suggest" {
				continue // nobody is known yet
			}
			b.Run(fmt.Sprintf("%s-%d-checkins", strings.Join(args, " "), n), func(b *testing.B) { run(b, home, aftercare, args...) })
		}
		if n == 0 {
			continue // no index to take away
		}
		// The first command after the index went, or after records were
		// copied in by hand, reads every record and writes the index.
		fresh = func() {
			if err := os.Remove(index); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(fmt.Sprintf("due-%d-checkins-no-index", n), func(b *testing.B) { run(b, home, aftercare, "due") })
		fresh = nil
	}
}

// buildForBench builds a program as a release would, with CGO_ENABLED=0,
// into a folder of its own.
func buildForBench(b *testing.B, pkg string) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "program")
	cmd := exec.Command("go", "build", "-o", bin, pkg)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build %s: %v\n%s", pkg, err, msg)
	}
	return bin
}

// homeWithCheckins is a home folder whose history holds n check-ins of
// two people, one a night, each saying how they are. One is saved as the program saves it; the rest
// are copies of its file, each with its own id and start and named for
// them as the program names them, which is much quicker. The
// history's index is written and vouched for, as the first commands to
// read it would.
func homeWithCheckins(b testing.TB, n int) string {
	b.Helper()
	home := b.TempDir()
	if n == 0 {
		return home
	}
	cat, err := catalog.Defaults()
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(home, ".local", "share", "aftercare")
	store := profile.Open(dir, cat, true)
	start := time.Date(2000, 1, 1, 22, 0, 0, 0, time.UTC)
	first := profile.NewCheckinSession(start, catalog.Together, "tender",
		[]profile.Turn{{Name: "Sam"}, {Name: "Alex"}}, []string{"make-tea"}, "")
	first.Ratings = []profile.Rating{{Person: "Sam", Activity: "make-tea", Rating: catalog.Helped}}
	// Each shares how they are, as most do, so that the figures have a
	// mood to keep for every check-in.
	okay := profile.Shared{Question: "okay", Prompt: "Are you okay?", Choices: []string{"okay"}, Said: "Yes, I'm okay"}
	first.Shared = map[string][]profile.Shared{"Sam": {okay}, "Alex": {okay}}
	if err := store.SaveSession(first); err != nil {
		b.Fatal(err)
	}
	sessions := filepath.Join(dir, "sessions")
	data, err := os.ReadFile(filepath.Join(sessions, first.ID+".json"))
	if err != nil {
		b.Fatal(err)
	}
	firstStarted := []byte(start.Format(time.RFC3339))
	if !bytes.Contains(data, []byte(first.ID)) || !bytes.Contains(data, firstStarted) {
		b.Fatalf("the saved check-in does not hold its id and start as written:\n%s", data)
	}
	for i := 1; i < n; i++ {
		started := start.AddDate(0, 0, i)
		id := started.Format("20060102T150405") + fmt.Sprintf("-%06x", i)
		copied := bytes.Replace(data, []byte(first.ID), []byte(id), 1)
		copied = bytes.Replace(copied, firstStarted, []byte(started.Format(time.RFC3339)), 1)
		if err := os.WriteFile(filepath.Join(sessions, id+".json"), copied, 0o600); err != nil {
			b.Fatal(err)
		}
	}
	// The folder last changed a day ago, as a history kept for years
	// mostly has: the first reading writes the index, and the next
	// vouches for it.
	then := time.Now().Add(-24 * time.Hour)
	if err := os.Chtimes(sessions, then, then); err != nil {
		b.Fatal(err)
	}
	for range 2 {
		if _, err := store.Summaries(); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, ".index-folder")); err != nil {
		b.Fatalf("the index was not vouched for: %v", err)
	}
	return home
}
