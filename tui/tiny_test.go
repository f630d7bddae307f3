package tui

import (
	"fmt"
	"math/rand/v2"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// tinySeed is where the random keys of TestNoScreenPanicsAtAnySizeUnderAnyKey
// start; each screen adds its place in the list. A failure names its seed.
const tinySeed = 20261129

// everyScreen is a way to reach each screen from a fresh program: the
// world it needs, the keys that lead there, and a line it shows.
var everyScreen = []struct {
	name  string
	world func(t *testing.T, w *world) Options
	to    func(r *run)
	shows string
}{
	{"home", nil, func(*run) {}, "Check in together"},
	{"who", nil, func(r *run) { r.keys("t") }, "Who is here?"},
	{"situation", nil, func(r *run) { r.keys("t").enter(1) }, "What kind of time was it?"},
	{"handoff", nil, func(r *run) { r.keys("t").enter(2) }, "Person 1's turn"},
	{"question", nil, func(r *run) { r.keys("t").enter(3) }, "Are you okay?"},
	{"multi", nil, func(r *run) { r.keys("t").enter(6) }, "What do you need right now?"},
	{"support", nil, func(r *run) { r.keys("t").enter(4).keys(strings.Fields(strings.Repeat("down ", notSafe))...).enter(1) }, "What would you like to do?"},
	{"share", nil, func(r *run) { r.keys("t").enter(3 + questions(catalog.Together)) }, "What may the others see?"},
	{"results", nil, func(r *run) { r.keys("t").enter(2 + 2*(2+questions(catalog.Together))) }, "What might help now"},
	{"pick", nil, func(r *run) { r.keys("a").enter(3 + questions(catalog.Solo)) }, "What will you do?"},
	{"note", nil, func(r *run) { r.keys("a").enter(4 + questions(catalog.Solo)) }, "A note for your journal?"},
	{"alone text", nil, func(r *run) { r.keys("a").enterUntil("What felt good") }, "What felt good"},
	{"alone ideas", nil, func(r *run) { r.keys("a").enter(2 + questions(catalog.Solo)) }, "Ideas for looking after yourself"},
	{"plan", nil, func(r *run) { r.keys("l").enter(2) }, "What sort of aftercare"},
	{"follow-up", aWeekOfCheckins, func(r *run) { r.enter(2) }, "follow-up"},
	{"rate", aWeekOfCheckins, func(r *run) { r.enter(1).enterUntil("We didn't get to it") }, "We didn't get to it"},
	{"did you mean", withSam, func(r *run) { r.keys("t", "tab").typeText("Sma").enter(1) }, "Did you mean Sam?"},
	{"people", withSam, func(r *run) { r.keys("p") }, "Sam"},
	{"new person", nil, func(r *run) { r.keys("p", "n") }, "Name"},
	{"profile edit", withSam, func(r *run) { r.keys("p").enter(3) }, "closeness or space"},
	{"profile notes", withSam, func(r *run) { r.keys("p").enter(8) }, "Notes"},
	{"history", aWeekOfCheckins, func(r *run) { r.keys("h") }, "check-ins, newest first"},
	{"history reading", aWeekOfCheckins, func(r *run) { r.keys("h").enter(1) }, "Chose:"},
	{"support home", nil, func(r *run) { r.keys("s") }, "Support"},
	{"about", nil, func(r *run) { r.keys(strings.Fields(strings.Repeat("down ", 6))...).enter(1) }, "aftercare is a companion"},
	{"leave", nil, func(r *run) { r.keys("t").enter(3).keys("ctrl+c") }, "Leave aftercare now?"},
	{"passphrase", locked, func(*run) {}, "Passphrase"},
	{"locked to a file", lockedToAFile, func(*run) {}, "AFTERCARE_IDENTITY"},
	{"locked people", locked, func(r *run) { r.keys("esc", "p") }, "Saved people are still here, locked."},
	{"passphrase again", locked, func(r *run) { r.keys("esc", "h", "enter") }, "or press esc to go back"},
	{"damaged history", withDamagedHistory, func(r *run) { r.keys("h") }, "cannot be read"},
}

// withSam is a fresh world in which Sam has a profile.
func withSam(t *testing.T, w *world) Options {
	t.Helper()
	sam := &profile.Profile{Name: "Sam", Notes: "likes the lights low"}
	if err := w.store.CreateProfile(sam); err != nil {
		t.Fatal(err)
	}
	w.opts.Profiles = []*profile.Profile{sam}
	return w.opts
}

// randomMsg is a key anyone could press, a paste, or, when resizing, a
// new size around the least a screen needs.
func randomMsg(rng *rand.Rand, resizing bool) tea.Msg {
	switch n := rng.IntN(20); {
	case n < 6:
		names := []string{"enter", "esc", "up", "down", "space", "backspace", "?", "y", "n", "q", "r", "x", "j", "k"}
		return keyPress(names[rng.IntN(len(names))])
	case n < 8:
		codes := []rune{tea.KeyTab, tea.KeyLeft, tea.KeyRight, tea.KeyHome, tea.KeyEnd, tea.KeyPgUp, tea.KeyPgDown,
			tea.KeyDelete, tea.KeyInsert, tea.KeyF1, tea.KeyF10}
		mods := []tea.KeyMod{0, tea.ModShift, tea.ModAlt, tea.ModCtrl}
		return tea.KeyPressMsg{Code: codes[rng.IntN(len(codes))], Mod: mods[rng.IntN(len(mods))]}
	case n < 10:
		return tea.KeyPressMsg{Code: rune('a' + rng.IntN(26)), Mod: []tea.KeyMod{tea.ModCtrl, tea.ModAlt}[rng.IntN(2)]}
	case n < 11:
		paste := strings.Repeat("a line\tof 界 text\r\n", 1+rng.IntN(200))
		return tea.PasteMsg{Content: paste}
	case n < 13 && resizing:
		return tea.WindowSizeMsg{Width: 1 + rng.IntN(minWidth+10), Height: 1 + rng.IntN(minHeight+4)}
	}
	chars := []rune("abcXYZ019 ,.-'éß界😀")
	c := chars[rng.IntN(len(chars))]
	return tea.KeyPressMsg{Code: c, Text: string(c)}
}

// TestNoScreenPanicsAtAnySizeUnderAnyKey drives every screen at every size
// from 1x1 to 20x8, where only a line asking for a bigger window shows,
// and then at the least size a screen is drawn in and around it, with
// random keys, pastes and resizes. The random messages are seeded: a
// failure says its seed, size and messages.
func TestNoScreenPanicsAtAnySizeUnderAnyKey(t *testing.T) {
	t.Parallel()
	for i, s := range everyScreen {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			seed := uint64(tinySeed + i)
			rng := rand.New(rand.NewPCG(seed, seed))
			var r *run
			var sent []string
			open := func() {
				w := newWorld(t)
				o := w.opts
				if s.world != nil {
					o = s.world(t, w)
				}
				r = start(t, o, 100, 30)
				s.to(r)
				r.sees(s.shows)
				sent = sent[:0]
			}
			drive := func(width, height, messages int, resizing bool) {
				t.Helper()
				defer func() {
					if p := recover(); p != nil {
						t.Fatalf("seed %d, %s at %dx%d, after %s: panic: %v\n%s", seed, s.name, width, height, strings.Join(sent, ", "), p, debug.Stack())
					}
				}()
				r.send(tea.WindowSizeMsg{Width: width, Height: height})
				for range messages {
					if r.quit {
						return
					}
					msg := randomMsg(rng, resizing)
					sent = append(sent, describe(msg))
					r.send(msg)
					if size, ok := msg.(tea.WindowSizeMsg); ok {
						width, height = size.Width, size.Height
					}
					r.fits(width, height)
				}
			}
			open()
			for width := 1; width <= 20; width++ {
				for height := 1; height <= 8; height++ {
					if r.quit {
						open()
					}
					drive(width, height, 2, false)
				}
			}
			if r.quit {
				open()
			}
			drive(minWidth, minHeight, 30, true)
		})
	}
}

// describe names a message in a failure.
func describe(msg tea.Msg) string {
	switch m := msg.(type) {
	case tea.KeyPressMsg:
		return fmt.Sprintf("%q", m.String())
	case tea.PasteMsg:
		return fmt.Sprintf("paste of %d bytes", len(m.Content))
	case tea.WindowSizeMsg:
		return fmt.Sprintf("resize to %dx%d", m.Width, m.Height)
	}
	return fmt.Sprintf("%T", msg)
}

func TestATerminalTooSmallShowsOneLineAndTakesNoAnswer(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	r := start(t, withNames(w.opts, "Sam", "Alex"), 100, 30)
	r.enter(2).sees("Are you okay?")
	for _, size := range [][2]int{{1, 1}, {12, 3}, {minWidth - 1, 30}, {100, minHeight - 1}} {
		r.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		r.fits(size[0], size[1])
		if lines := strings.Count(r.screen(), "\n") + 1; lines != 1 {
			t.Errorf("%d lines at %dx%d:\n%s", lines, size[0], size[1], r.screen())
		}
	}
	r.sees("Make the window a little bigger.")
	r.send(tea.WindowSizeMsg{Width: 12, Height: 3}).sees("Too small.")
	// Keys pressed blind answer nothing.
	r.keys("down", "down", "enter", "enter")
	r.send(tea.WindowSizeMsg{Width: minWidth, Height: minHeight}).sees("Are you okay?", "» I'd rather not say")
	// ctrl+c still leaves, asking first in words that fit.
	r.send(tea.WindowSizeMsg{Width: 28, Height: 3})
	r.keys("ctrl+c").sees("Leave without saving? y / n")
	r.keys("n").sees("Make the window bigger.")
	r.keys("ctrl+c", "y")
	if !r.quit {
		t.Error("ctrl+c and y did not leave")
	}
}

func TestAListSaysWhenAnswersRunPastTheScreenAndRegrowsWithTheWindow(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	r := start(t, withNames(w.opts, "Sam", "Alex"), 40, 12)
	r.sees("What kind of time was it?", "A new partner", "↓ more below")
	r.doesNotSee("Back from time with someone else")
	// Squeezed and grown again, the list fills the room it has.
	r.send(tea.WindowSizeMsg{Width: minWidth, Height: minHeight})
	r.send(tea.WindowSizeMsg{Width: 40, Height: 12}).sees("A new partner", "↓ more below")
	r.send(tea.WindowSizeMsg{Width: 100, Height: 30}).sees("Back from time with someone else")
	r.doesNotSee("more below")
	r.send(tea.WindowSizeMsg{Width: 40, Height: 12})
	r.keys(slices.Repeat([]string{"down"}, 6)...).sees("↑↓ more above and below")
	r.keys(slices.Repeat([]string{"down"}, 6)...).sees("» Back from time with someone else", "↑ more above")
}
