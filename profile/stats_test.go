package profile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/aftercare-tui/aftercare/catalog"
)

func TestTheFiguresDrawOnlyTheLatestTimes(t *testing.T) {
	for _, tt := range []struct {
		times int
		label string
		drawn int
	}{
		{1, "How they felt: ", 1},
		{feltShown, "How they felt: ", feltShown},
		{feltShown + 1, "How they felt, the last 30 times: ", feltShown},
		{10_000, "How they felt, the last 30 times: ", feltShown},
	} {
		p := PersonStats{Name: "Sam", Checkins: tt.times}
		for i := range tt.times {
			p.Felt = append(p.Felt, Felt{At: testStart.Add(time.Duration(i) * time.Hour), Mood: float64(1 + i%5)})
		}
		text := FormatStats(Stats{People: []PersonStats{p}})
		_, chart, ok := strings.Cut(text, tt.label)
		if !ok {
			t.Fatalf("%d times: no %q in\n%s", tt.times, tt.label, text)
		}
		chart, _, _ = strings.Cut(chart, " ")
		if n := utf8.RuneCountInString(chart); n != tt.drawn {
			t.Errorf("%d times: the chart draws %d, want %d", tt.times, n, tt.drawn)
		}
		if head := "Sam: " + catalog.Thousands(tt.times) + " check-in"; !strings.HasPrefix(text, head) || tt.times == 10_000 && !strings.HasPrefix(text, "Sam: 10,000 check-ins") {
			t.Errorf("%d times: the figures start %q", tt.times, text[:min(len(text), 30)])
		}
		if lately := fmt.Sprintf("lately %.1f)", float64(1+(tt.times-1)%5)); !strings.Contains(text, lately) {
			t.Errorf("%d times: lately is not the last time:\n%s", tt.times, text)
		}
	}
}

// Someone of whom nothing was kept is said to be so, not given a row of
// noughts; anyone else has their counts, noughts and all.
func TestTheFiguresSayWhenNothingWasKept(t *testing.T) {
	for _, tt := range []struct {
		name      string
		p         PersonStats
		want, not string
	}{
		{"nothing kept", PersonStats{Name: "Jo", Checkins: 2},
			"Jo: 2 check-ins\n  Nothing kept yet about how it went\n", "Needed"},
		{"only space", PersonStats{Name: "Jo", Checkins: 2, Space: 1},
			"  Needed closeness 0 times, space 1 time\n", "Nothing kept"},
		{"only a mood", PersonStats{Name: "Jo", Checkins: 1, Felt: []Felt{{At: testStart, Mood: 3}}},
			"  Needed closeness 0 times, space 0 times\n", "Nothing kept"},
		{"only what helped", PersonStats{Name: "Jo", Checkins: 1, Helped: []HelpedActivity{{Title: "Make a warm drink", Helped: 1, Rated: 1}}},
			"  Needed closeness 0 times, space 0 times\n", "Nothing kept"},
	} {
		text := FormatStats(Stats{People: []PersonStats{tt.p}})
		if !strings.Contains(text, tt.want) || strings.Contains(text, tt.not) {
			t.Errorf("%s: the figures do not say %q, or say %q:\n%s", tt.name, tt.want, tt.not, text)
		}
	}
}

// Figures made to be read keep only the latest moods, however many there
// are and in whatever order the sessions come, so that counting years of
// them takes no more memory than counting a month; the times before
// still show in what the figures say.
func TestFiguresToReadKeepTheLatestMoodsInAnyOrder(t *testing.T) {
	for _, times := range []int{1, feltShown, 2*feltShown - 1, 2 * feltShown, 1000} {
		for _, order := range []string{"oldest first", "newest first", "shuffled"} {
			sessions := make([]*Session, times)
			for i := range sessions {
				sessions[i] = &Session{Started: testStart.Add(time.Duration(i) * time.Hour), People: []string{"Sam"}}
			}
			switch order {
			case "newest first":
				slices.Reverse(sessions)
			case "shuffled":
				rand.New(rand.NewPCG(1, uint64(times))).Shuffle(len(sessions), func(i, j int) { sessions[i], sessions[j] = sessions[j], sessions[i] })
			}
			read, every := newStatsMaker(nil, feltShown), newStatsMaker(nil, 0)
			for _, s := range sessions {
				mood := float64(1 + s.Started.Sub(testStart)/time.Hour%5)
				read.add(s, []figures{{mood: mood}})
				every.add(s, []figures{{mood: mood}})
				if n := len(read.people[nameKey("Sam")].Felt); n >= 2*feltShown {
					t.Fatalf("%d times, %s: %d moods held at once", times, order, n)
				}
			}
			all := every.stats().People[0].Felt
			kept := read.stats().People[0]
			if want := all[max(0, len(all)-feltShown):]; !slices.Equal(kept.Felt, want) {
				t.Errorf("%d times, %s: kept %v, want the latest %v", times, order, kept.Felt, want)
			}
			if len(all) != times {
				t.Errorf("%d times, %s: every mood kept %d", times, order, len(all))
			}
			wantLabel := "How they felt: "
			if times > feltShown {
				wantLabel = "How they felt, the last 30 times: "
			}
			if text := FormatStats(Stats{People: []PersonStats{kept}}); !strings.Contains(text, wantLabel) {
				t.Errorf("%d times, %s: the figures say\n%s", times, order, text)
			}
		}
	}
}

// The figures written a mood at a time are those an encoder writes whole.
func TestFiguresWrittenAsTheyGoAreTheEncodersByteForByte(t *testing.T) {
	felt := func(n int) []Felt {
		out := make([]Felt, n)
		for i := range out {
			out[i] = Felt{At: testStart.Add(time.Duration(i) * 90 * time.Minute), Mood: 1 + float64(i%9)/2}
		}
		return out
	}
	for name, st := range map[string]Stats{
		"nobody":           {},
		"nobody, listed":   {People: []PersonStats{}},
		"no moods":         {People: []PersonStats{{Name: "Alex", Checkins: 2, Felt: []Felt{}, Helped: []HelpedActivity{}}}},
		"moods and helped": {People: []PersonStats{{Name: "Sam", Checkins: 3, Felt: felt(3), Closeness: 1, Space: 2, Helped: []HelpedActivity{{Activity: "make-tea", Title: "Make tea", Helped: 2, Rated: 3}}}}},
		"names to escape": {People: []PersonStats{
			{Name: `Jo "felt": [], <&>`, Checkins: 1, Felt: felt(1), Helped: []HelpedActivity{}},
			{Name: "李小龍 🌸", Checkins: 40, Felt: felt(40), Helped: []HelpedActivity{{Activity: "x", Title: "a \"title\" <b>", Helped: 1, Rated: 1}}},
		}},
	} {
		var streamed, whole bytes.Buffer
		if err := st.WriteJSON(&streamed); err != nil {
			t.Fatal(err)
		}
		enc := json.NewEncoder(&whole)
		enc.SetIndent("", "  ")
		want := st
		if want.People == nil {
			want.People = []PersonStats{}
		}
		if err := enc.Encode(want); err != nil {
			t.Fatal(err)
		}
		if streamed.String() != whole.String() {
			t.Errorf("%s: written as they go\n%s\nwhole\n%s", name, streamed.String(), whole.String())
		}
	}
}
