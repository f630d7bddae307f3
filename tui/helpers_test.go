package tui

import (
	"image/color"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

var testCatalog = sync.OnceValue(func() *catalog.Catalog {
	c, err := catalog.Defaults()
	if err != nil {
		panic(err)
	}
	return c
})

// testStart is when every test check-in happens.
var testStart = time.Date(2026, 11, 20, 22, 10, 0, 0, time.UTC)

// world is a fresh program's surroundings: an empty data folder, the
// built-in catalogue and a fixed clock.
type world struct {
	opts  Options
	store *profile.Store
}

func newWorld(t testing.TB, profiles ...*profile.Profile) *world {
	t.Helper()
	store := profile.Open(filepath.Join(t.TempDir(), "data"), testCatalog(), true)
	// The program may still be reading the history in the background
	// when a test ends; it must not write the index into a folder being
	// removed.
	t.Cleanup(store.Close)
	for _, p := range profiles {
		if err := store.CreateProfile(p); err != nil {
			t.Fatal(err)
		}
	}
	cfg := &profile.Config{Settings: profile.Settings{Theme: "auto", KeepHistory: true, DefaultMinutes: 30}}
	return &world{store: store, opts: Options{Catalog: testCatalog(), Store: store, Config: cfg, Profiles: profiles,
		Now: func() time.Time { return testStart }}}
}

// onlyRecord is the bytes of the one record saved, as they are on disk
// (sealed, when the data is locked); it fails unless there is exactly one.
func (w *world) onlyRecord(t testing.TB) []byte {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(w.store.Dir(), "sessions", "*.json"))
	if err != nil || len(files) != 1 {
		t.Fatalf("saved %v, %v; want one record", files, err)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// sessions returns the saved check-ins.
func (w *world) sessions(t testing.TB) []*profile.Session {
	t.Helper()
	entries, err := w.store.Sessions()
	if err != nil {
		t.Fatal(err)
	}
	var out []*profile.Session
	for _, e := range entries {
		if e.Err != nil {
			t.Fatal(e.Err)
		}
		out = append(out, e.Session)
	}
	return out
}

// run drives a model directly: each message goes through Update, and the
// commands that come back are run and their messages fed in too, as the
// program would, until nothing is left. A cursor's blink, which only waits
// to blink, is not run; any other command that gives no message in time
// fails the test.
type run struct {
	t    *testing.T
	m    *Model
	quit bool // the program asked to quit
}

func start(t *testing.T, o Options, width, height int) *run {
	t.Helper()
	r := &run{t: t, m: New(o)}
	r.do(r.m.Init())
	r.send(tea.WindowSizeMsg{Width: width, Height: height})
	return r
}

func (r *run) send(msgs ...tea.Msg) *run {
	r.t.Helper()
	for _, msg := range msgs {
		_, cmd := r.m.Update(msg)
		r.do(cmd)
	}
	return r
}

func (r *run) do(cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10_000 {
			r.t.Fatal("commands never settle")
		}
		next := queue[0]
		queue = queue[1:]
		if next == nil || blinks(next) {
			continue
		}
		msg := r.within(next, waitLimit)
		if msg == nil {
			continue
		}
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
			for i := range v.Len() {
				queue = append(queue, v.Index(i).Interface().(tea.Cmd))
			}
			continue
		}
		if _, quit := msg.(tea.QuitMsg); quit {
			r.quit = true
			continue
		}
		_, more := r.m.Update(msg)
		queue = append(queue, more)
	}
}

// blinks says whether a command only waits to blink a cursor; running it
// would just pass the time.
func blinks(cmd tea.Cmd) bool {
	return strings.HasPrefix(funcName(cmd), "charm.land/bubbles/v2/cursor.")
}

func funcName(cmd tea.Cmd) string { return runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name() }

// within runs a command and returns its message, failing the test if it
// gives none within d: a save that hangs must not pass for one that did
// nothing.
func (r *run) within(cmd tea.Cmd, d time.Duration) tea.Msg {
	r.t.Helper()
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		return msg
	case <-time.After(d):
		r.t.Fatalf("the command %s gave no message within %s", funcName(cmd), d)
		return nil
	}
}

func (r *run) enter(n int) *run {
	r.t.Helper()
	for range n {
		r.send(tea.KeyPressMsg{Code: tea.KeyEnter})
	}
	return r
}

// enterUntil presses enter until the screen shows want, failing if any
// screen on the way shows one of never.
func (r *run) enterUntil(want string, never ...string) *run {
	r.t.Helper()
	for steps := 0; ; steps++ {
		screen := r.screen()
		if strings.Contains(screen, want) {
			return r
		}
		if steps > 100 {
			r.t.Fatalf("never reached a screen showing %q", want)
		}
		for _, secret := range never {
			if strings.Contains(screen, secret) {
				r.t.Fatalf("the screen shows %q:\n%s", secret, screen)
			}
		}
		r.enter(1)
	}
}

func (r *run) keys(names ...string) *run {
	r.t.Helper()
	for _, name := range names {
		r.send(keyPress(name))
	}
	return r
}

// typeText types s as a script would, each key on the heels of the last:
// what the program holds for a field (see hold) waits for the keys to
// pause, and any other key is answered at once.
func (r *run) typeText(s string) *run {
	r.t.Helper()
	var waits []tea.Cmd
	for _, c := range s {
		_, cmd := r.m.Update(tea.KeyPressMsg{Code: c, Text: string(c)})
		if r.m.typed.keys > 0 {
			waits = append(waits, cmd)
			continue
		}
		r.do(cmd)
	}
	r.do(tea.Batch(waits...))
	return r
}

// keyPress is a key by the name msg.String() gives it: "enter", "y",
// "ctrl+/", "shift+tab", "f1". A letter or sign alone is typed text.
func keyPress(name string) tea.KeyPressMsg {
	var mod tea.KeyMod
	base := name
	for _, m := range []struct {
		prefix string
		mod    tea.KeyMod
	}{{"ctrl+", tea.ModCtrl}, {"alt+", tea.ModAlt}, {"shift+", tea.ModShift}} {
		if rest, ok := strings.CutPrefix(base, m.prefix); ok && rest != "" {
			base, mod = rest, mod|m.mod
		}
	}
	if code, ok := namedKeys[base]; ok {
		msg := tea.KeyPressMsg{Code: code, Mod: mod}
		if code == tea.KeySpace && mod == 0 {
			msg.Text = " "
		}
		return msg
	}
	r := []rune(base)
	if mod != 0 {
		return tea.KeyPressMsg{Code: r[0], Mod: mod}
	}
	return tea.KeyPressMsg{Code: r[0], Text: base}
}

var namedKeys = map[string]rune{
	"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "space": tea.KeySpace,
	"backspace": tea.KeyBackspace, "delete": tea.KeyDelete, "insert": tea.KeyInsert,
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"home": tea.KeyHome, "end": tea.KeyEnd, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
	"f1": tea.KeyF1, "f2": tea.KeyF2, "f10": tea.KeyF10,
}

var escapes = regexp.MustCompile(`\x1b\[[0-9;:]*[a-zA-Z]`)

// screen is what the person sees now, without colour.
func (r *run) screen() string { return escapes.ReplaceAllString(r.m.View().Content, "") }

// raw is the view with its escape sequences, for golden files.
func (r *run) raw() string { return r.m.View().Content }

func (r *run) sees(want ...string) {
	r.t.Helper()
	s := r.screen()
	for _, w := range want {
		if !strings.Contains(s, w) {
			r.t.Fatalf("the screen does not show %q:\n%s", w, s)
		}
	}
}

func (r *run) doesNotSee(secret string) {
	r.t.Helper()
	if s := r.screen(); strings.Contains(s, secret) {
		r.t.Fatalf("the screen shows %q:\n%s", secret, s)
	}
}

// background tells the program what colour the terminal is.
func background(dark bool) tea.BackgroundColorMsg {
	if dark {
		return tea.BackgroundColorMsg{Color: color.Black}
	}
	return tea.BackgroundColorMsg{Color: color.White}
}

// isDone says whether s is the screen that closes a round that was saved.
func isDone(s screen) bool {
	m, ok := s.(*message)
	return ok && m.m.Header == "done"
}
