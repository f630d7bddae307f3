package profile

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
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
		if lately := fmt.Sprintf("lately %.1f)", float64(1+(tt.times-1)%5)); !strings.Contains(text, lately) {
			t.Errorf("%d times: lately is not the last time:\n%s", tt.times, text)
		}
	}
}
