package catalog

import (
	"bufio"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// The catalogue is written in the project's own words: no run of eight
// words or more may match the articles it grew from. The articles live
// beside the repository (../shared/seeds), not in it, so the test keeps
// a fingerprint of them: a hash of every run of eight words, checked in,
// and refreshed with -update-seeds whenever the articles are there.

var updateSeeds = flag.Bool("update-seeds", false, "rewrite testdata/seed-runs from ../shared/seeds")

const (
	seedRun     = 8
	seedDir     = "../../shared/seeds"
	seedPrintAt = "testdata/seed-runs"
)

// words is text as a list of lower-case words, punctuation and case gone:
// "Don't  stop, please!" is [dont stop please].
func words(text string) []string {
	return strings.FieldsFunc(strings.Map(func(r rune) rune {
		switch {
		case r == '\'' || r == '’':
			return -1
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return unicode.ToLower(r)
		}
		return ' '
	}, text), unicode.IsSpace)
}

// runs are the hashes of every run of seedRun words in text.
func runs(text string) []uint64 {
	ws := words(text)
	var out []uint64
	for i := 0; i+seedRun <= len(ws); i++ {
		h := fnv.New64a()
		h.Write([]byte(strings.Join(ws[i:i+seedRun], " ")))
		out = append(out, h.Sum64())
	}
	return out
}

// seedRunsFromArticles hashes every article, or says there are none here.
func seedRunsFromArticles(t *testing.T) ([]uint64, bool) {
	files, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if err != nil || len(files) == 0 {
		return nil, false
	}
	var all []uint64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, runs(string(data))...)
	}
	slices.Sort(all)
	return slices.Compact(all), true
}

func readSeedRuns(t *testing.T) []uint64 {
	f, err := os.Open(seedPrintAt)
	if err != nil {
		t.Fatalf("no fingerprint of the articles: %v (run go test ./catalog -run Seed -update-seeds with ../shared beside the repository)", err)
	}
	defer f.Close()
	var out []uint64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var h uint64
		if _, err := fmt.Sscanf(sc.Text(), "%x", &h); err != nil {
			t.Fatalf("%s: %q: %v", seedPrintAt, sc.Text(), err)
		}
		out = append(out, h)
	}
	return out
}

func TestTheSeedFingerprintMatchesTheArticles(t *testing.T) {
	fromArticles, ok := seedRunsFromArticles(t)
	if !ok {
		t.Skipf("the articles are not at %s; the checked-in fingerprint is used as it is", seedDir)
	}
	if *updateSeeds {
		var b strings.Builder
		for _, h := range fromArticles {
			fmt.Fprintf(&b, "%016x\n", h)
		}
		if err := os.WriteFile(seedPrintAt, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !slices.Equal(readSeedRuns(t), fromArticles) {
		t.Errorf("%s is out of date with %s: run go test ./catalog -run Seed -update-seeds", seedPrintAt, seedDir)
	}
}

func TestWordsIgnoreCaseAndPunctuation(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Don't stop, please!", "dont stop please"},
		{"A warm—not hot—bath", "a warm not hot bath"},
		{"It’s OK.", "its ok"},
	}
	for _, tt := range tests {
		if got := strings.Join(words(tt.a), " "); got != tt.b {
			t.Errorf("words(%q) = %q, want %q", tt.a, got, tt.b)
		}
	}
	if len(runs("one two three four five six seven")) != 0 || len(runs("one two three four five six seven eight nine")) != 2 {
		t.Error("runs does not count runs of eight words")
	}
}

// catalogueTexts is every sentence of the catalogue someone can read.
func catalogueTexts(c *Catalog) []string {
	var texts []string
	for _, a := range c.Activities {
		texts = append(texts, activityTexts(a)...)
	}
	for _, q := range c.Questions {
		texts = append(texts, q.Prompt, q.GroupPrompt, q.SoloPrompt, q.Help, q.Placeholder, q.Low, q.High)
		for _, o := range q.Options {
			texts = append(texts, o.Label)
		}
	}
	for _, s := range c.Situations {
		texts = append(texts, s.Label, s.After, s.Summary)
	}
	for _, tag := range c.Tags {
		texts = append(texts, tag.Label, tag.Meaning)
	}
	for _, n := range c.Needs {
		texts = append(texts, n.Label, n.Meaning)
	}
	for _, th := range c.Things {
		texts = append(texts, th.Label)
	}
	for _, r := range c.Resources {
		texts = append(texts, r.Name, r.How, r.Summary)
	}
	return texts
}

func TestNoSentenceIsCopiedFromTheArticles(t *testing.T) {
	seeds := readSeedRuns(t)
	if len(seeds) < 1000 {
		t.Fatalf("the fingerprint holds %d runs; the articles have thousands", len(seeds))
	}
	for _, text := range catalogueTexts(defaultsForTest(t)) {
		for _, h := range runs(text) {
			if _, found := slices.BinarySearch(seeds, h); found {
				t.Errorf("%q has a run of %d words found in the articles; say it in the project's own words", text, seedRun)
				break
			}
		}
	}
}
