package line

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// FuzzLines types anything at all into the line mode, from home: it ends
// when the input does, saying why, with no escape code in what it wrote,
// whatever was typed.
func FuzzLines(f *testing.F) {
	for _, typed := range []string{
		strings.Repeat("\n", 80),
		"1\n\n\n\n1\n2\n1,3\n6\n\n\n\n\n\n\n\n\n\n",
		"2\n?\nback\nhelp\n\n\n",
		"4\nn\nSam\n\n\n\n\n\n\n\nback\n7\n",
		"1\nSma, Alex\n2\n\n\n",
		"1\n\x1b]0;title\a\n\x1b[2J\n" + strings.Repeat("1,", 5000) + "\n",
		"3\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n",
		"5\n6\n\n7\n",
	} {
		f.Add(typed)
	}
	cat, err := catalog.Defaults()
	if err != nil {
		f.Fatal(err)
	}
	sam := &profile.Profile{Name: "Sam", Never: []string{"touch"}}
	f.Fuzz(func(t *testing.T, typed string) {
		store := profile.Open(filepath.Join(t.TempDir(), "data"), cat, true)
		if err := store.CreateProfile(sam); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		err := Run(context.Background(), Options{In: strings.NewReader(typed), Out: &out, Catalog: cat, Store: store,
			Config:   &profile.Config{Settings: profile.Settings{KeepHistory: true, Region: "GB", DefaultMinutes: 30}},
			Profiles: []*profile.Profile{sam}, Now: func() time.Time { return now }})
		var stopped *Stopped
		if err != nil && !errors.As(err, &stopped) {
			t.Errorf("typing %.200q ended with %v", typed, err)
		}
		if bytes.ContainsRune(out.Bytes(), 0x1b) {
			t.Errorf("typing %.200q wrote an escape code", typed)
		}
	})
}
