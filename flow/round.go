// Package flow is a check-in, a plan or a follow-up as a series of steps,
// apart from how they are drawn: it says what to ask next and takes the
// answer. The full screen and the line mode both drive it, so that what
// each person keeps private, the care rules and saving live here once.
package flow

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// Kind is what a round of turns is for.
type Kind int

const (
	// CheckIn is right afterwards: questions, then suggestions.
	CheckIn Kind = iota
	// Plan is before sex: what each person will want afterwards.
	Plan
	// FollowUp is later: how each person is now, and how it went.
	FollowUp
)

// String names the round in headers: "together", "plan", "follow-up".
func (k Kind) String() string {
	return [...]string{"together", "plan", "follow-up"}[k]
}

// Noun names what a round makes, for messages.
func (k Kind) Noun() string {
	return [...]string{"check-in", "plan", "follow-up"}[k]
}

// phase is the catalogue's name for the questions of a kind.
func (k Kind) phase() string {
	return [...]string{"after", "before", "followup"}[k]
}

// Env is what a round reads as it goes, as it is at that moment: the saved
// people and history may be read again while a round is under way.
type Env interface {
	Catalog() *catalog.Catalog
	Profiles() []*profile.Profile
	// UnreadProfiles are the saved profiles that could not be read, each
	// with its error: what someone never wants may be in one.
	UnreadProfiles() []profile.ProfileEntry
	// History is every saved check-in and plan as the index keeps it;
	// nil while it has not been read.
	History() *profile.Digest
	// Session reads one saved record whole.
	Session(id string) (*profile.Session, error)
	// Config is the settings; nil means the defaults.
	Config() *profile.Config
	Now() time.Time
	// Locked says that what is saved cannot be read this run: nothing
	// that must read first is offered.
	Locked() bool
	// Scripted says that the answers come from a script, not a person:
	// nothing is asked that the script could not have expected.
	Scripted() bool
	// Began is told of each round as it begins, so that a driver knows
	// what a stop would lose.
	Began(r *Round)
}

// SoloGuest is the name of someone alone without a profile.
const SoloGuest = "You"

// Round is one round of turns in progress (a check-in, a plan or a
// follow-up): who is here, what kind of time it was, and the turns that are
// over. A turn's answers live only in its Turn; when it ends, only what the
// person chose to share is kept here (alone, everything they answered,
// since it is theirs).
type Round struct {
	env       Env
	Kind      Kind
	Mode      catalog.Mode
	Started   time.Time
	Situation string
	People    []Person
	Turns     []profile.Turn
	// Plan is the plan this check-in starts from, if the same people made
	// one in the last hours.
	Plan *profile.Session
	// Of is the check-in a follow-up follows.
	Of *profile.Session
	// rated holds, in a follow-up, the ratings each person chose to share
	// (alone: to keep); a rating kept private ends with its turn.
	rated map[string][]profile.Rating
	// asked are those who asked, privately, to be checked on tomorrow, and
	// whose follow-up was saved; offered, those who said no to it or whose
	// yes was saved: it is asked once a check-in.
	asked, offered map[string]bool
	// Quiet is set once the suggestions turned quiet: the closing words
	// then say nothing about how anyone is with anyone.
	Quiet bool
	// Begun is how many people have begun their turn: those whose answers
	// a stop would lose.
	Begun int
	// before is the step that started the round, where going back from
	// its first step goes: who is here, as it was answered. Without one,
	// going back leaves the round.
	before Step
	// unread are the people here whose saved profile could not be read:
	// what they never want is not known, so suggestions stay quiet.
	unread []unreadProfile
}

// private says whether the round is a follow-up someone asked for
// privately: it names them nowhere the others could see.
func (r *Round) private() bool { return r.Of != nil && r.Of.Kind == profile.PrivateFollowUp }

// unreadProfile is someone whose saved profile could not be read, and
// the name of its file.
type unreadProfile struct{ name, file string }

// unreadLines say, before anything is asked, whose profile could not be
// read and what that means for the suggestions; none when all could.
func (r *Round) unreadLines() []Line {
	var out []Line
	for _, u := range r.unread {
		out = append(out, Say(Warm, fmt.Sprintf("%s's saved profile (%s) cannot be read, so what %s never wants is not known this time: nothing with more than light touch, no kissing and nothing celebratory will be suggested. The file is left as it is, to be put right later.", u.name, u.file, u.name)))
	}
	return out
}

// Person is someone taking part: with a saved profile, or a guest.
type Person struct {
	Name    string
	Profile *profile.Profile
}

// Turn is one person's turn while it lasts.
type Turn struct {
	Who       Person
	Questions []catalog.Question
	// Answers holds one answer per question, starting at the defaults, or
	// at the person's plan.
	Answers []catalog.Answer
	// supported is the support this turn has shown already, so that a
	// second low answer does not bring it up again.
	supported string
	// Rated is how the person says what they did went, in a follow-up:
	// answers like the others, shared only if they choose.
	Rated []profile.Rating
}

// New starts a round for these names, each spelt as its profile spells it,
// or as the history does for a guest, so that "sam" tonight is the Sam of
// last week. An empty name is "Person 2" and so on.
func New(env Env, k Kind, mode catalog.Mode, names []string) *Round {
	r := &Round{env: env, Kind: k, Mode: mode, Started: env.Now(), rated: map[string][]profile.Rating{}, asked: map[string]bool{}, offered: map[string]bool{}}
	unread := env.UnreadProfiles()
	for i, name := range names {
		name = strings.TrimSpace(name)
		if name == "" {
			name = fmt.Sprintf("Person %d", i+1)
		}
		p := FindProfile(env.Profiles(), name)
		if p != nil {
			name = p.Name
		} else if known, ok := profile.NameInHistory(env.History(), name); ok {
			name = known
		}
		r.People = append(r.People, Person{Name: name, Profile: p})
		if p != nil {
			continue
		}
		if i := slices.IndexFunc(unread, func(e profile.ProfileEntry) bool { return e.MayHold(name) }); i >= 0 {
			r.unread = append(r.unread, unreadProfile{name, filepath.Base(unread[i].Path)})
		}
	}
	if k == CheckIn && mode == catalog.Together {
		// The history lists a plan without what was shared in it.
		if plan := profile.LatestPlan(env.History(), r.Names(), r.Started); plan != nil {
			r.Plan, _ = env.Session(plan.ID)
		}
	}
	env.Began(r)
	return r
}

// StartNamed is the first step of a check-in or a plan for names given at
// the start, after asking about any that looks like a slip for a saved
// profile's name: one name is a check-in alone, more are together.
func StartNamed(env Env, names []string, plan bool) Step {
	kind, mode := namedKind(len(names), plan)
	return startTyped(env, kind, mode, names, nil)
}

// namedKind is the kind and mode of a round for so many names given at
// the start: a plan is made together.
func namedKind(people int, plan bool) (Kind, catalog.Mode) {
	if plan {
		return Plan, catalog.Together
	}
	return CheckIn, modeOf(people)
}

// modeOf is the kind of check-in of so many people.
func modeOf(people int) catalog.Mode {
	if people > 1 {
		return catalog.Together
	}
	return catalog.Solo
}

// FollowUpOf starts the follow-up of a check-in, for those who asked.
func FollowUpOf(env Env, of *profile.Session) *Round {
	names := of.People
	if of.FollowUp != nil && len(of.FollowUp.For) > 0 {
		names = of.FollowUp.For
	}
	mode := catalog.Mode(of.Mode)
	if len(names) == 1 {
		mode = catalog.Solo
	}
	r := New(env, FollowUp, mode, names)
	r.Of, r.Situation = of, of.Situation
	return r
}

// FindProfile returns the saved profile for a name, or nil for a guest.
func FindProfile(profiles []*profile.Profile, name string) *profile.Profile {
	for _, p := range profiles {
		if profile.SameName(p.Name, name) {
			return p
		}
	}
	return nil
}

// Names are the names of everyone taking part.
func (r *Round) Names() []string {
	out := make([]string, len(r.People))
	for i, p := range r.People {
		out[i] = p.Name
	}
	return out
}

// Together says whether more than one person takes turns.
func (r *Round) Together() bool { return r.Mode == catalog.Together }

// minutes is how long people said they usually have, from the settings.
func (r *Round) minutes() int {
	if cfg := r.env.Config(); cfg != nil {
		return cfg.DefaultMinutes
	}
	return 0
}

// keepsHistory says whether the settings let anything be saved.
func (r *Round) keepsHistory() bool {
	cfg := r.env.Config()
	return cfg == nil || cfg.KeepHistory
}

// region is the country whose support lines come first.
func (r *Round) region() string { return Region(r.env.Config()) }

// Region is the country whose support lines come first, from settings.
func Region(cfg *profile.Config) string {
	if cfg == nil || cfg.Region == "" {
		return catalog.Anywhere
	}
	return cfg.Region
}

// newTurn starts the next person's turn with the catalogue's questions,
// each answer starting from the person's plan where there is one.
func (r *Round) newTurn() *Turn {
	asked := slices.DeleteFunc(r.env.Catalog().QuestionsFor(r.Kind.phase(), r.Mode), func(q catalog.Question) bool { return !q.AskedAfter(r.Situation) })
	t := &Turn{Who: r.People[len(r.Turns)], Questions: asked}
	r.Begun = len(r.Turns) + 1
	var planned map[string]catalog.Answer
	if r.Plan != nil {
		planned, _ = r.Plan.PlanStart(r.env.Catalog(), t.Who.Name)
	}
	for i := range t.Questions {
		a, ok := planned[t.Questions[i].ID]
		if !ok {
			a = t.Questions[i].Default
		}
		t.Answers = append(t.Answers, a)
	}
	return t
}

// offerSupport says whether an answer's call for support should bring up
// support: once a turn, unless what was said is graver.
func (t *Turn) offerSupport(said string) bool {
	graver := said == catalog.SupportUnsafe && t.supported != catalog.SupportUnsafe || said == catalog.SupportLow && t.supported == ""
	if graver {
		t.supported = said
	}
	return graver
}

// Answered are the turn's answers with whether each may be shared.
func (t *Turn) Answered(shared []bool) profile.Turn {
	out := profile.Turn{Name: t.Who.Name, Profile: t.Who.Profile}
	for i := range t.Questions {
		out.Answers = append(out.Answers, profile.Answered{Question: &t.Questions[i], Answer: t.Answers[i], Shared: shared[i]})
	}
	return out
}

// whole is the turn's answers, none of them shared yet.
func (t *Turn) whole() profile.Turn { return t.Answered(make([]bool, len(t.Questions))) }

// insert adds a question to the turn at i, unanswered.
func (t *Turn) insert(i int, q catalog.Question) {
	t.Questions = slices.Insert(t.Questions, i, q)
	t.Answers = slices.Insert(t.Answers, i, catalog.Answer{})
}

// others are the people a follow-up's words could be left for: everyone
// else who was at the check-in.
func (r *Round) others(t *Turn) []string {
	if r.Of == nil {
		return nil
	}
	return slices.DeleteFunc(slices.Clone(r.Of.People), func(n string) bool { return profile.SameName(n, t.Who.Name) })
}

// Progress says where a turn is, for a header: "Sam · 2 of 7", "alone ·
// 2 of 7", "plan · Sam · 2 of 5", "follow-up · 1 of 3".
func (r *Round) Progress(t *Turn, step int) string {
	return r.Header(t, fmt.Sprintf("%d of %d", step+1, len(t.Questions)))
}

// Header names the round and, together, whose turn it is, before where.
func (r *Round) Header(t *Turn, where string) string {
	if r.Together() {
		where = t.Who.Name + " · " + where
	}
	switch {
	case r.Kind != CheckIn:
		return r.Kind.String() + " · " + where
	case r.Together():
		return where
	}
	return "alone · " + where
}

// NothingLost is what stopping leaves where nothing was under way.
const NothingLost = "nothing was lost"

// Lost says whose answers a round that was not saved holds: everyone who
// has begun a turn. "Sam's and Alex's answers were not saved".
func (r *Round) Lost() string {
	var whose []string
	for _, p := range r.People[:min(r.Begun, len(r.People))] {
		if p.Name == SoloGuest {
			whose = append(whose, "your")
		} else {
			whose = append(whose, p.Name+"'s")
		}
	}
	if len(whose) == 0 {
		return "the " + r.Kind.Noun() + " was not saved"
	}
	answers := catalog.JoinAnd(whose) + " answers"
	if r.Kind != CheckIn {
		answers += " to the " + r.Kind.Noun()
	}
	return answers + " were not saved"
}

// ActivityTitle names an activity by its title, or by its id when the
// catalogue no longer has it.
func ActivityTitle(cat *catalog.Catalog, id string) string {
	if a := cat.Activity(id); a != nil {
		return a.Title
	}
	return id
}

// RatingSaid is a rating in words, as history says it: "Cuddle up: it
// didn't help".
func RatingSaid(cat *catalog.Catalog, r profile.Rating) string {
	return ActivityTitle(cat, r.Activity) + ": " + profile.RatingWords(r.Rating)
}
