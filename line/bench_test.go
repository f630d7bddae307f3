package line

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/flow"
	"github.com/aftercare-tui/aftercare/profile"
)

// BenchmarkCheckinInLines runs a whole check-in of two through a pipe of
// empty lines, as a script's `aftercare checkin Sam Alex` does once the
// program has started: every question asked and answered with enter, the
// results, the save.
func BenchmarkCheckinInLines(b *testing.B) {
	cat, err := catalog.Defaults()
	if err != nil {
		b.Fatal(err)
	}
	store := profile.Open(filepath.Join(b.TempDir(), "data"), cat, true)
	input := strings.Repeat("\n", 80)
	cfg := &profile.Config{Settings: profile.Settings{KeepHistory: true, DefaultMinutes: 30}}
	b.ReportAllocs()
	for b.Loop() {
		err := Run(context.Background(), Options{In: strings.NewReader(input), Out: io.Discard, Catalog: cat, Store: store,
			Config: cfg, Now: time.Now, Start: Start{Names: []string{"Sam", "Alex"}}})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkALineOfChoices reads the longest line kept, pasted into a
// choice of many: thousands of parts, each looked for among the options.
func BenchmarkALineOfChoices(b *testing.B) {
	feelings := flowField(flow.Many, "Calm, settled", "Tender", "Less light, noise and fuss")
	typed := strings.Repeat("calm, settled, ", maxLine/15)
	b.ReportAllocs()
	for b.Loop() {
		if _, problem := parse(feelings, nil, typed); problem != "" {
			b.Fatal(problem)
		}
	}
}
