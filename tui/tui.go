// Package tui is the aftercare program people run: a home screen, a private
// check-in for one person or several sharing one laptop, suggestions that
// fit everyone, and the people and history screens. The root model only
// routes: each screen is its own type in its own file, and a screen moves on
// by returning the next one. Everything that decides anything is asked of
// the catalog and profile packages.
package tui

import (
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/flow"
	"github.com/aftercare-tui/aftercare/growstack"
	"github.com/aftercare-tui/aftercare/profile"
	"github.com/charmbracelet/x/ansi"
)

// Options are what the program needs, all loaded and checked before the
// screen opens.
type Options struct {
	Catalog  *catalog.Catalog
	Store    *profile.Store
	Config   *profile.Config
	Profiles []*profile.Profile
	// UnreadProfiles are the profiles that could not be read, each with
	// its error: a check-in with someone who may be in one stays quiet.
	UnreadProfiles []profile.ProfileEntry
	// History is what the program keeps of the saved check-ins and
	// plans, when read already (profile.Store.Digest); when nil, the
	// program reads it in the background.
	History *profile.Digest
	// Start says where to begin, when not at home.
	Start Start
	// Now is the clock; tests fix it.
	Now func() time.Time
	// NoColor draws without any colour, for NO_COLOR.
	NoColor bool
	// Locked starts at the passphrase screen: what is saved is locked, this
	// run has not opened it, and nothing saved was read (Profiles and
	// History are not used).
	Locked bool
}

// Start says where the program begins.
type Start struct {
	// Names starts a check-in straight away: one name alone, more
	// together; with Plan, a plan.
	Names []string
	Plan  bool
	// FollowUp starts the follow-up of this check-in.
	FollowUp *profile.Session
	// FollowUpID starts the follow-up of the check-in with this id, on
	// data still locked: it is read once the passphrase has opened it.
	FollowUpID string
}

// ctx is what every screen shares: the data, the size and the look.
type ctx struct {
	cat      *catalog.Catalog
	store    *profile.Store
	cfg      *profile.Config
	profiles []*profile.Profile
	// unreadProfiles are the saved profiles that could not be read.
	unreadProfiles []profile.ProfileEntry
	now            func() time.Time
	// history is what the program keeps of the saved check-ins and plans
	// (not each of them: the History screen reads those a page at a
	// time), read before the start or in the background, and again after
	// each save; nil until it has been read, or when historyErr says why
	// it could not be.
	history    *profile.Digest
	historyErr error
	// unreadOnOpening are the profiles, and the check-in to follow up,
	// that could not be read when the data was opened on the passphrase
	// screen, each with its error.
	unreadOnOpening []error
	// locked is set while what is saved is locked and this run has not
	// opened it: at the passphrase screen, and after carrying on without
	// it. Nothing saved is read then, and nothing that must read first,
	// such as making a profile, is offered.
	locked bool
	// keyFile is set when it is locked to a key kept in a file, which no
	// passphrase opens.
	keyFile bool
	// lockedSince is set when another run locked what is saved while this
	// one had it open.
	lockedSince bool
	// dueLocked is how many follow-ups are due while what is saved stays
	// locked: known without the key, never whose.
	dueLocked int

	// width and height are the room the screens lay themselves out in:
	// the terminal's size, but never less than the least a screen needs
	// (minWidth by minHeight), even while the terminal is smaller.
	width, height int
	// bodyWidth and bodyHeight are the room a screen has for its content.
	bodyWidth, bodyHeight int
	st                    *styles
	// work is what the latest check-in, plan, follow-up or profile form
	// holds that is not saved yet, for a stop to name while a screen of
	// it says leaving would lose something.
	work interface{ lost() string }
}

// screen is one thing a person sees. A screen moves on by returning the
// next screen from update; the root then shows it at once, so that a key
// pressed right after never lands on the screen that was left.
type screen interface {
	// init starts a screen each time it is shown.
	init(c *ctx) tea.Cmd
	update(c *ctx, msg tea.Msg) (screen, tea.Cmd)
	// view returns the line at the top and the content below it, which
	// must fit in c.bodyWidth by c.bodyHeight.
	view(c *ctx) (header, body string)
	keys(c *ctx) keyMap
	// unsaved says whether leaving now would lose something.
	unsaved() bool
	// typing says whether keys are text here, so ? is a character.
	typing() bool
}

// region is the country whose support lines come first.
func (c *ctx) region() string {
	if c.cfg == nil || c.cfg.Region == "" {
		return catalog.Anywhere
	}
	return c.cfg.Region
}

// savingScreen is a screen that is writing to disk: leaving waits for it.
type savingScreen interface {
	saving() bool
	// pending is the write under way, while saving.
	pending() *pendingWrite
	// stillSaving says, for a stop that could wait no longer, what was
	// still being written.
	stillSaving() string
}

// telling is a screen with something of its own to say when the program
// is stopped there, such as what was just saved.
type telling interface{ stopped() string }

// savedMsg reports the end of a write; err is nil on success.
type savedMsg struct{ err error }

// Model is the root of the program. It holds the current screen and what
// all screens share, forwards messages, and switches screens.
type Model struct {
	c       *ctx
	current screen
	help    help.Model
	full    bool // the full key help is showing
	// leaving is set while asking whether to leave with unsaved work.
	leaving bool
	// covered is set while the cover key hides the screen.
	covered bool
	// quitAfterSave is set when someone asked to leave during a save.
	quitAfterSave bool
	// stopping is set once a StopMsg came, while a save is waited for.
	stopping bool
	// termWidth and termHeight are the terminal's own size, which may be
	// smaller than what the screens lay themselves out in.
	termWidth, termHeight int
	// sized is set once the terminal's size is known.
	sized bool
	// typed is text held for the screen, a frame at most.
	typed heldText
	// frame is the view last drawn, until a message may change it.
	frame *tea.View
}

// New builds the program's model.
func New(o Options) *Model {
	if o.Now == nil {
		o.Now = time.Now
	}
	dark := true
	if o.Config != nil && o.Config.Theme == "light" {
		dark = false
	}
	c := &ctx{cat: o.Catalog, store: o.Store, cfg: o.Config, now: o.Now, st: newStyles(dark, o.NoColor)}
	m := &Model{c: c, help: help.New()}
	m.help.Styles = c.st.help
	// Latin-1 marks, like every mark the screens draw themselves: see
	// upDownKeys.
	m.help.ShortSeparator, m.help.Ellipsis = " · ", "..."
	if o.Locked {
		c.locked, c.keyFile = true, !o.Store.WantsPassphrase()
		m.current = newUnlock(c, o.Start)
	} else {
		c.profiles, c.unreadProfiles, c.history = o.Profiles, o.UnreadProfiles, o.History
		m.current = startAt(c, o.Start)
	}
	m.resize(80, 24)
	return m
}

// startAt is the screen a run begins on, once what is saved can be read,
// or the run carries on without it.
func startAt(c *ctx, s Start) screen {
	switch {
	case s.FollowUp != nil:
		return show(c, flow.FollowUpOf(c, s.FollowUp).Start())
	case s.Plan && len(s.Names) > 0:
		return show(c, flow.StartNamed(c, s.Names, true))
	case s.Plan:
		return newWho(c, catalog.Together, true)
	case len(s.Names) > 0:
		return show(c, flow.StartNamed(c, s.Names, false))
	}
	return newHome(c)
}

// dueLockedMsg brings how many follow-ups are due, on data still locked:
// all that can be read of the history without the key.
type dueLockedMsg int

// historyLoadedMsg brings the history read in the background.
type historyLoadedMsg struct {
	history *profile.Digest
	err     error
}

// loadHistory reads the history without holding up the screen; locked,
// it counts the follow-ups due, which is all it can read without the key.
func loadHistory(c *ctx) tea.Cmd {
	store, now := c.store, c.now()
	if c.locked {
		return func() tea.Msg { return dueLockedMsg(len(store.DueWhileLocked(now))) }
	}
	return inBackground(func() tea.Msg {
		history, err := store.Digest(now)
		return historyLoadedMsg{history, err}
	})
}

// sealedSince takes what is saved as locked from now on, as if this run
// had carried on without the passphrase, when errs show records found
// sealed because another run locked them while this one had them open:
// they are not damaged, and the screens of saved things say so and offer
// to open them.
func (c *ctx) sealedSince(errs []error) bool {
	if c.locked || len(errs) == 0 || c.store == nil || !c.store.LockedMeanwhile(errs...) {
		return false
	}
	c.locked, c.keyFile, c.lockedSince = true, !c.store.WantsPassphrase(), true
	return true
}

func profileErr(e profile.ProfileEntry) error { return e.Err }

// entryErrs are the errors of the entries that could not be read.
func entryErrs[E any](entries []E, errOf func(E) error) []error {
	var errs []error
	for _, e := range entries {
		if err := errOf(e); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// inBackground reads, away from the screen, on a stack grown in one step:
// reading records goes deep, and each step of growth on the way down
// costs memory (see growstack).
func inBackground(read func() tea.Msg) tea.Cmd {
	return func() tea.Msg {
		growstack.Grow()
		return read()
	}
}

// Unread is what could not be read of what the program read itself: each
// profile, and the check-in to follow up, that could not be read once the
// data was opened on the passphrase screen, then each damaged file of the history read in the
// background, or why the history could not be read at all. read is false
// when the program ended before the history was read.
func (m *Model) Unread() (errs []error, read bool) {
	errs = append(errs, m.c.unreadOnOpening...)
	if m.c.historyErr != nil {
		return append(errs, m.c.historyErr), true
	}
	return append(errs, m.c.history.Unread()...), m.c.history != nil
}

// Init reads the history and asks the terminal for its background, unless
// a theme is set.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.current.init(m.c)}
	if m.c.history == nil {
		cmds = append(cmds, loadHistory(m.c))
	}
	if m.c.cfg == nil || m.c.cfg.Theme == "auto" || m.c.cfg.Theme == "" {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	return tea.Batch(cmds...)
}

// Update routes a message to the current screen, after the few that
// belong to the whole program. Text typed faster than a frame is held
// for the screen (see hold); anything else comes after it.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if held, cmd := m.hold(msg); held {
		return m, cmd
	}
	m.frame = nil
	if _, paused := msg.(typingPausedMsg); paused {
		m.typed.waiting = false
		return m, m.release()
	}
	released := m.release()
	return m, tea.Batch(released, m.update(msg))
}

// update is Update for every message but held text.
func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case StopMsg:
		return m.stop()
	case stopWaitedMsg:
		if m.stopping {
			return tea.Quit
		}
		return nil
	case tea.WindowSizeMsg:
		was := [2]int{m.c.width, m.c.height}
		m.sized = true
		m.resize(msg.Width, msg.Height)
		// The screens hear the size they lay themselves out in, never
		// one too small for them (see tooSmall); while the terminal is too
		// small, only when that changed.
		if m.tooSmall() && was == [2]int{m.c.width, m.c.height} {
			return nil
		}
		return m.route(tea.WindowSizeMsg{Width: m.c.width, Height: m.c.height})
	case tea.PasteMsg:
		if m.stopping || m.leaving || m.tooSmall() || m.covered {
			return nil
		}
	case historyLoadedMsg:
		if msg.history != nil && m.c.sealedSince(msg.history.Unread()) {
			// What was read is what was left open: the follow-ups due
			// are counted as on data locked from the start.
			m.c.history = &profile.Digest{}
			return tea.Batch(m.route(msg), loadHistory(m.c))
		}
		m.c.history, m.c.historyErr = msg.history, msg.err
	case dueLockedMsg:
		m.c.dueLocked = int(msg)
	case profilesLoadedMsg:
		m.c.sealedSince(entryErrs(msg.unread, profileErr))
		m.c.profiles, m.c.unreadProfiles = msg.profiles, msg.unread
	case tea.BackgroundColorMsg:
		if m.c.cfg == nil || m.c.cfg.Theme == "auto" || m.c.cfg.Theme == "" {
			m.c.st = newStyles(msg.IsDark(), m.c.st.noColor)
			m.help.Styles = m.c.st.help
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, coverKey()):
			m.covered = !m.covered
			return nil
		case m.covered:
			// Nothing is answered blind, and nothing shows through.
			return nil
		case m.stopping:
			return nil
		case m.leaving:
			return m.answerLeaving(msg)
		case key.Matches(msg, quitKey()):
			return m.leave()
		case m.tooSmall():
			// Nothing is answered blind: the screen cannot be seen.
			return nil
		case key.Matches(msg, helpKey(m.current.typing())):
			m.full = !m.full
			m.resize(m.termWidth, m.termHeight)
			return nil
		}
	case savedMsg:
		cmd := m.route(msg)
		if m.stopping {
			return tea.Quit
		}
		if m.quitAfterSave {
			m.quitAfterSave = false
			if msg.err == nil {
				return tea.Quit
			}
		}
		return cmd
	}
	return m.route(msg)
}

// route gives a message to the current screen and shows the screen it
// moves on to, if any.
func (m *Model) route(msg tea.Msg) tea.Cmd {
	next, cmd := m.current.update(m.c, msg)
	if next != m.current {
		m.current, m.full = next, false
		cmd = tea.Batch(cmd, next.init(m.c))
	}
	return cmd
}

// leave quits at once when nothing would be lost, waits for a save under
// way, and otherwise asks first.
func (m *Model) leave() tea.Cmd {
	if s, ok := m.current.(savingScreen); ok && s.saving() {
		m.quitAfterSave = true
		return nil
	}
	if m.current.unsaved() {
		m.leaving = true
		return nil
	}
	return tea.Quit
}

func (m *Model) answerLeaving(msg tea.KeyPressMsg) tea.Cmd {
	leave, stay := leavingKeys()
	switch {
	case key.Matches(msg, leave):
		return tea.Quit
	case key.Matches(msg, stay):
		m.leaving = false
	}
	return nil
}

// keys are the keys the screen answers now, for the help line.
func (m *Model) keys() keyMap {
	if m.leaving {
		// The cover key works here too, and says so.
		leave, stay := leavingKeys()
		return keyMap{short: []key.Binding{leave, stay, coverKey()}}
	}
	return m.current.keys(m.c)
}

// The frame around every screen: a line saying where you are, the screen's
// content, and the keys to press at the bottom, with a blank line between
// them unless the terminal is short.
const (
	maxContentWidth = 80
	roomyHeight     = 15
)

// The least room a screen is drawn in: a header, a question with the
// start of its answers, and the keys. On a smaller terminal the program
// shows one line asking for a bigger window instead, takes no key but
// ctrl+c (nothing is answered blind), and the screens go on laying
// themselves out for this size. Squeezed smaller, huh's fields misbehave:
// see formKeyMap.
const (
	minWidth  = 30
	minHeight = 10
)

// tooSmall says whether the terminal is smaller than a screen needs.
func (m *Model) tooSmall() bool { return m.termWidth < minWidth || m.termHeight < minHeight }

// tooSmallView is the one line shown on a terminal too small for a
// screen, in the longest words that fit its width.
func (m *Model) tooSmallView() tea.View {
	words := []string{"Make the window a little bigger.", "Make the window bigger.", "Too small.", "Small"}
	if s, ok := m.current.(savingScreen); ok && (m.quitAfterSave || m.stopping) && s.saving() {
		words = []string{"Saving, then closing.", "Saving..."}
	} else if m.leaving {
		words = []string{"Leave without saving? y / n", "Leave? y / n", "y / n"}
	}
	line := words[len(words)-1]
	for _, w := range words {
		if lipgloss.Width(w) <= m.termWidth {
			line = w
			break
		}
	}
	v := tea.NewView(m.c.st.muted.Render(truncate(line, m.termWidth)))
	v.AltScreen = true
	v.WindowTitle = "aftercare"
	return v
}

// spacing is the blank line around the content, or none on a short
// terminal, where every line is needed.
func (m *Model) spacing() int {
	if m.c.height < roomyHeight {
		return 0
	}
	return 1
}

func (m *Model) resize(width, height int) {
	m.termWidth, m.termHeight = max(width, 1), max(height, 1)
	width, height = max(width, minWidth), max(height, minHeight)
	m.c.width, m.c.height = width, height
	margin := 2
	if width < 60 {
		margin = 1
	}
	m.c.bodyWidth = max(min(width-2*margin, maxContentWidth), 10)
	m.help.SetWidth(m.c.bodyWidth)
	helpLines := 1
	if m.full {
		helpLines = lipgloss.Height(m.help.FullHelpView(m.keys().drawnFull()))
	}
	m.c.bodyHeight = max(m.c.height-1-2*m.spacing()-helpLines, 3)
}

// fitHelp is the line of keys at the bottom, fitted to the width. What the
// first key does stays, then ? help, then how to leave: the screen's other
// keys go first, so that a narrow window never cuts off the way to help.
// The arrows go before the rest, since a list's cursor shows them, and
// then the others, the last of them first.
func (m *Model) fitHelp(keys []key.Binding) string {
	whole := m.help
	whole.SetWidth(0)
	for len(keys) > 1 {
		if line := whole.ShortHelpView(keys); lipgloss.Width(line) <= m.c.bodyWidth {
			return line
		}
		if i := slices.IndexFunc(keys, moves); i > 0 {
			keys = slices.Delete(slices.Clone(keys), i, i+1)
		} else if len(keys) > 3 {
			keys = slices.Delete(slices.Clone(keys), len(keys)-3, len(keys)-2)
		} else {
			keys = keys[:len(keys)-1]
		}
	}
	return m.help.ShortHelpView(keys)
}

// View draws the frame and the current screen in the alternate screen. A
// frame is drawn once: while keys are held, Bubble Tea asks again for what
// has not changed.
func (m *Model) View() tea.View {
	if m.frame == nil {
		v := m.draw()
		m.frame = &v
	}
	return *m.frame
}

func (m *Model) draw() tea.View {
	if m.covered {
		return coveredView()
	}
	if !m.sized {
		// Bubble Tea asks for a view before it says how big the terminal
		// is: a screen laid out for a guess would be drawn for nothing,
		// or seen for a moment at the wrong size.
		return notSizedView()
	}
	if m.tooSmall() {
		return m.tooSmallView()
	}
	header, body := m.current.view(m.c)
	if m.leaving {
		header, body = "Leave?", m.leavingView()
	}
	if s, ok := m.current.(savingScreen); ok && (m.quitAfterSave || m.stopping) && s.saving() {
		body = m.c.st.muted.Render("Saving... aftercare will close as soon as it is safe.")
	}
	help := m.fitHelp(m.keys().drawnShort())
	if m.full && !m.leaving {
		help = m.help.FullHelpView(m.keys().drawnFull())
	}
	st := m.c.st
	top := st.header.Render(truncate("aftercare · "+header, m.c.bodyWidth))
	content := lipgloss.NewStyle().Width(m.c.bodyWidth).MaxHeight(m.c.bodyHeight).Render(body)
	gap := max(m.c.height-m.spacing()-lipgloss.Height(content)-lipgloss.Height(help), 1)
	page := top + strings.Repeat("\n", 1+m.spacing()) + content + strings.Repeat("\n", gap) + help
	margin := 2
	if m.c.width < 60 {
		margin = 1
	}
	page = lipgloss.NewStyle().PaddingLeft(margin).MaxHeight(m.c.height).MaxWidth(m.c.width).Render(page)
	v := tea.NewView(page)
	v.AltScreen = true
	v.WindowTitle = "aftercare"
	return v
}

// notSizedView is the alternate screen, empty, as the first frame is
// drawn on.
func notSizedView() tea.View {
	v := tea.NewView("")
	v.AltScreen = true
	v.WindowTitle = "aftercare"
	return v
}

// coveredView is the screen behind the cover key: empty, with a title that
// names nothing, so that a glance at it says nothing of aftercare or of
// anyone. Whatever was on screen is kept as it was, to come back.
func coveredView() tea.View {
	v := tea.NewView("")
	v.AltScreen = true
	v.WindowTitle = "Terminal"
	return v
}

func (m *Model) leavingView() string {
	st := m.c.st
	return st.title.Render("Leave aftercare now?") + "\n\n" +
		st.text.Render("What has not been saved yet will be lost. Nothing else changes.")
}

// truncate cuts a line to width with an ellipsis, at a word boundary,
// unless that would keep less than half of the width: then, as for one
// long word such as a link, it cuts within the word, so that what was
// written can still be recognised.
func truncate(s string, width int) string {
	if lipgloss.Width(s) <= width {
		return s
	}
	if width < 1 {
		return ""
	}
	words := strings.Fields(s)
	out := ""
	for _, w := range words {
		next := strings.TrimSpace(out + " " + w)
		if lipgloss.Width(next)+1 > width {
			break
		}
		out = next
	}
	// A header cut after one of its separators ends on the word before.
	out = strings.TrimSuffix(out, " ·")
	if 2*lipgloss.Width(out) < width {
		out = strings.TrimRight(ansi.Truncate(strings.Join(words, " "), width-1, ""), " ")
	}
	return out + "…"
}
