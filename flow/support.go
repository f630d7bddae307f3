package flow

import (
	"strings"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// The choices offered with support.
const (
	CarryOn      = "carry-on"
	AskSpace     = "space"
	EndNow       = "end"
	LeaveMessage = "message"
)

// support is shown to someone whose answer calls for it, on their own turn
// and to them alone: the lines that fit what they said (someone to listen
// when they feel low; emergency numbers and lines for sexual violence and
// abuse first when they are not safe), local to their region, then a few
// gentle words and a choice. In a check-in together they can carry on, ask
// for space (the others learn that and nothing more), or end it quietly
// (the others learn only that it ended); in a follow-up that went heavy,
// they can leave a few words for the others. Then, privately, they can ask
// to be checked on tomorrow, once a check-in. Carrying on is where the
// choice starts.
func (r *Round) support(t *Turn, next int, said string) *Form {
	others := r.others(t)
	f := &Form{Kind: SupportForm, Header: r.Progress(t, next-1), Loses: true}
	var help []string
	if r.Kind == FollowUp {
		help = r.selfCare(t)
	}
	f.Intro = r.supportLines(said, help, len(others) > 0)
	opts := []Option{{"Carry on", CarryOn}}
	switch {
	case r.Kind == FollowUp && len(others) > 0:
		opts = append(opts, Option{"Leave a few words for " + catalog.JoinAnd(others), LeaveMessage}, Option{"Stop here for now", EndNow})
	case r.Together():
		opts = append(opts, Option{"Ask for some space", AskSpace}, Option{"End the check-in quietly", EndNow})
	default:
		opts = append(opts, Option{"Stop here for now", EndNow})
	}
	f.Fields = []Field{{Kind: One, Title: "What would you like to do?", Options: opts, Value: []string{CarryOn}}}
	f.back = func() Step { return r.ask(t, next-1) }
	route := func(choice string) Step {
		switch choice {
		case AskSpace:
			done := t.whole()
			done.AskedForSpace = true
			return &Message{Header: f.Header, Lines: paragraphs(Say(Title, "Before you pass the laptop on"), Say(Plain, done.GuardNote())),
				Go: "hand over", Loses: true, next: func() Step { return r.finish(done) }}
		case EndNow:
			return r.ended()
		case LeaveMessage:
			t.insert(next, catalog.MessageQuestion(others))
		}
		return r.after(t, next)
	}
	f.take = func(values [][]string) Step {
		choice := first(values[0])
		if r.Kind == FollowUp || !r.keepsHistory() || r.offered[t.Who.Name] {
			return route(choice)
		}
		return r.tomorrow(f, t, said, func() Step { return route(choice) })
	}
	return f
}

// tomorrow offers, privately, a follow-up for this person alone: the
// others never see it asked for, and it is saved apart from the check-in,
// so that it stands even if the check-in ends here. Someone alone who
// feels low finds it chosen already, as a check-in tomorrow is for anyone
// who says so (see feelsLow); together, a follow-up waiting would tell
// the others who asked, and after an unsafe answer it may be seen by the
// reason, so there it starts on no.
func (r *Round) tomorrow(from *Form, t *Turn, said string, then func() Step) *Form {
	start := ""
	if !r.Together() && said == catalog.SupportLow {
		start = "yes"
	}
	f := &Form{Kind: TomorrowForm, Header: from.Header, Loses: true,
		Fields: []Field{{Kind: One, Title: "Would you like aftercare to check on you tomorrow?",
			Help:    "It is offered when aftercare next opens, from nine in the morning, without your name: whoever opens it may see that a follow-up is waiting, never whose.",
			Options: []Option{{"No, thank you", ""}, {"Yes, just for me", "yes"}}, Value: []string{start}}},
		back: func() Step { return from },
	}
	f.take = func(values [][]string) Step {
		if first(values[0]) == "" {
			r.offered[t.Who.Name] = true
			return then()
		}
		record := profile.NewPrivateFollowUp(r.env.Now(), t.Who.Name)
		// A yes that could not be saved is asked again.
		return &Save{What: "follow-up", Write: func(s *profile.Store) error { return s.SaveSession(record) }, then: then,
			saved:     func() { r.asked[t.Who.Name], r.offered[t.Who.Name] = true, true },
			SavedText: "Saved. aftercare will offer a check-in tomorrow without showing your name, and the shared history does not show it."}
	}
	return f
}

// supportLines are the support lines that fit what was said, then a few
// gentle words; in a follow-up, a few things that may help now come first.
func (r *Round) supportLines(said string, help []string, othersToTell bool) []Line {
	title := "Thank you for saying so."
	if r.Kind == FollowUp {
		title = "Thank you for telling me."
	}
	lines := []Line{Say(Title, title)}
	if len(help) > 0 {
		lines = append(lines, Say(Plain, "A few things that may help now: "+strings.Join(help, "; ")+"."))
	}
	for _, res := range r.env.Catalog().SupportFor(said, r.region()) {
		lines = append(lines, ResourceLine(res))
	}
	return append(lines, nil, Say(Plain, r.gentleWords(said, othersToTell)))
}

// ResourceLine is a support line and how to reach it.
func ResourceLine(res catalog.Resource) Line {
	return Line{{Name, res.Name}, {Plain, ": " + res.How}}
}

// gentleWords say that nothing needs explaining, and what each choice
// does; a follow-up offers words for the others only when there are some.
func (r *Round) gentleWords(said string, othersToTell bool) string {
	first := "You don't have to explain anything, and no one else will see this."
	switch {
	case r.Kind == FollowUp:
		words := "A low or heavy feeling a day later is common, and you do not have to explain it. No one else will see this"
		if othersToTell {
			words += " unless you leave them a few words"
		}
		return words + "."
	case said == catalog.SupportLow:
		first = "It's all right not to be okay; feelings like this can follow sex, and they ease. No one else will see this."
	default:
		first += " If you are in danger, please reach out now."
	}
	if !r.Together() {
		return first + " You can carry on, or stop here for now."
	}
	return first + " You can carry on, ask for some space (the others learn only that), or end the check-in quietly (the others learn only that it ended)."
}

// selfCare names a few gentle things someone can do for themselves now,
// from what they have answered so far. A day later, the kind of time it
// was counts too, so that drop after a scene is named for what it is;
// right afterwards it does not, since care meant for one role would reach
// whoever is not okay, whatever their role.
func (r *Round) selfCare(t *Turn) []string {
	situation := ""
	if r.Kind == FollowUp {
		situation = r.Situation
	}
	result := r.env.Catalog().Suggest(profile.SelfCareRequest(t.whole(), situation, r.minutes(), 3))
	titles := make([]string, len(result.Suggestions))
	for i, s := range result.Suggestions {
		titles[i] = s.Title
	}
	return titles
}

// ended is what everyone sees after someone ended the check-in quietly:
// only that it ended, in words that say nothing about anyone. Nothing of
// it is saved; a private follow-up someone asked for stands apart (see
// tomorrow), so the words claim only what the history holds, and alone,
// where nobody else is there to learn of it, they say it was kept.
func (r *Round) ended() *Message {
	m := &Message{Header: "check-in ended", Go: "home", End: true, Everyone: r.Together(), next: func() Step { return nil },
		Lines: paragraphs(Say(Title, "The check-in has ended."), Say(Plain, "Nothing from it is in the history."))}
	if !r.Together() || r.Kind == FollowUp {
		saved := "Nothing was saved."
		if len(r.asked) > 0 {
			saved = "Only tomorrow's check-in on you was kept."
		}
		m.Lines = paragraphs(Say(Title, "Stopped for now."),
			Say(Plain, saved+" You can come back whenever you like; support is on the home screen at any time."))
	}
	return m
}
