package flow

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/plain"
	"github.com/aftercare-tui/aftercare/profile"
)

// AnswerLimit is how many characters a written answer holds.
const AnswerLimit = 1000

// LockedLine opens a check-in or plan in a run that carried on without the
// passphrase.
const LockedLine = "Locked: saved people and history stay closed this time. What you save now is still kept, encrypted."

// DueLockedLine says that n follow-ups wait on data this run did not
// open: how many is known without the key, whose is not.
func DueLockedLine(n int) string {
	if n == 1 {
		return "A follow-up is waiting, locked."
	}
	return fmt.Sprintf("%d follow-ups are waiting, locked.", n)
}

// Start is the round's first step: a check-in asks what kind of time it
// was; a plan or follow-up begins with the first turn.
func (r *Round) Start() Step {
	if r.Kind == CheckIn {
		return r.situation()
	}
	return r.First()
}

// situation asks what kind of time it was; skipping is the default.
func (r *Round) situation() Step {
	opts := []Option{{"Skip this", ""}}
	for _, sit := range r.env.Catalog().SituationsFor(r.Mode) {
		opts = append(opts, Option{sit.Label, sit.ID})
	}
	f := &Form{Kind: SituationForm, Header: "before you start",
		Fields: []Field{{Kind: One, Title: "What kind of time was it?", Help: "It helps choose what to suggest. You can skip it.",
			Options: opts, Value: []string{r.Situation}}},
		back: r.leave,
	}
	if r.env.Locked() {
		f.Intro = []Line{Say(Muted, LockedLine)}
	}
	f.Intro = append(f.Intro, r.unreadLines()...)
	f.take = func(values [][]string) Step {
		r.Situation = first(values[0])
		return r.First()
	}
	return f
}

// First is the step that opens the next turn: a hand-off when several
// people share the laptop, or for a follow-up, which may be opened by
// anyone and so says whose it is first; the first question when one person
// is checking in alone.
func (r *Round) First() Step {
	if r.Together() || r.Kind == FollowUp {
		return r.handoff()
	}
	return r.ask(r.newTurn(), 0)
}

// handoff stands between two people's turns. It says whose turn it is and
// shows nothing of anyone's answers. Whoever's turn is next has not begun
// it, even when they come back here from their first question. Only before
// anyone has had a turn can people go back: a finished turn is gone.
func (r *Round) handoff() *Message {
	r.Begun = len(r.Turns)
	if r.private() {
		return r.privateHandoff()
	}
	name := r.People[len(r.Turns)].Name
	firstTurn := len(r.Turns) == 0
	title := name + "'s turn"
	if r.Kind == FollowUp {
		title = "This follow-up is for " + catalog.JoinAnd(r.Names())
	}
	pass := []Line{
		Say(Plain, "Please pass the laptop to "+name+"."),
		Say(Muted, "Your answers stay private unless you choose to share them. Start when you are ready."),
	}
	if r.kindOfTime().Apart {
		// Someone at the other end of a call cannot take the laptop.
		// Their own device keeps their answers theirs; read out, every
		// answer is heard, so they are told first that not saying is a
		// whole answer.
		pass = []Line{
			Say(Plain, "Pass the laptop to "+name+". If "+name+" is far away, they can check in alone on their own device instead."),
			Say(Muted, "If you read the questions out, whoever reads hears every answer, so \"I'd rather not say\" is always a fine answer. Start when you are ready."),
		}
	}
	lines := append([]Line{Say(Title, title)}, pass...)
	day := func(s *profile.Session) string { return profile.Dated(s.Started, r.env.Now(), "Monday 2 January") }
	switch {
	case r.Kind == Plan:
		lines = append(lines, Say(Plain, "This is a plan for afterwards: what you will want, what to avoid, what helps."))
		if r.env.Locked() && firstTurn {
			lines = append(lines, Say(Muted, LockedLine))
		}
	case r.Kind == FollowUp && r.Together():
		lines = append(lines, Say(Plain, fmt.Sprintf("It is %s's turn now. It follows up the check-in of %s: how you are now, and how it went.", name, day(r.Of))))
	case r.Kind == FollowUp:
		lines = append(lines, Say(Plain, "It follows up "+day(r.Of)+": how you are now, and how it went."))
	case r.Plan != nil:
		lines = append(lines, Say(Warm, "Starting from the plan you made at "+r.Plan.Started.Local().Format("15:04")+": your answers from it are chosen already. Change any you like."))
	}
	if n := len(r.Turns); n > 0 {
		lines = append(lines, Say(Muted, fmt.Sprintf("%d of %d turns done.", n, len(r.People))))
	}
	m := &Message{Header: fmt.Sprintf("%s · %s's turn", r.Kind, name), Lines: paragraphs(lines...), Go: "start my turn", Loses: !firstTurn, Name: name,
		next: func() Step { return r.ask(r.newTurn(), 0) }}
	switch {
	case !firstTurn:
	case r.Kind == CheckIn:
		m.back = r.situation
	default:
		m.back = r.leave
	}
	return m
}

// leave is where going back from the round's first step goes: to the
// step that started it, or, with none, out of the round.
func (r *Round) leave() Step { return r.before }

// privateHandoff opens a follow-up someone asked for privately. Whoever
// opened aftercare may not be that person, and may be the reason they
// asked: it names neither them nor the night, and only the one who asked
// knows it is theirs.
func (r *Round) privateHandoff() *Message {
	return &Message{Header: r.Kind.String(), Name: "the one who asked for it", Lines: paragraphs(
		Say(Title, "A follow-up someone asked for privately"),
		Say(Plain, "It is for the one who asked for it. If that is you, start when you are ready."),
		Say(Muted, "If it is not yours, go back and leave it for them: nothing of it has been shown."),
	), Go: "start my turn", next: func() Step { return r.ask(r.newTurn(), 0) }, back: func() Step { return nil }}
}

// ask asks question i of a turn, with its answer so far (the default, or
// the person's plan) already chosen, so that going on always moves on. An
// answer that says someone is not okay or not safe brings up support
// there and then, on their own turn.
func (r *Round) ask(t *Turn, i int) *Form {
	q := &t.Questions[i]
	field := questionField(q, t.Answers[i], len(r.People), r.Situation)
	f := &Form{Kind: QuestionForm, Header: r.Progress(t, i), Fields: []Field{field}, Loses: true}
	f.take = func(values [][]string) Step {
		t.Answers[i] = answerOf(q, values[0])
		if said := q.Implied(t.Answers[i]).Support; t.offerSupport(said) {
			return r.support(t, i+1, said)
		}
		return r.after(t, i+1)
	}
	f.back = func() Step {
		switch {
		case i > 0:
			return r.ask(t, i-1)
		case r.Together() || r.Kind == FollowUp:
			return r.handoff()
		}
		return r.situation()
	}
	return f
}

// questionField is a question as a field after situation, starting at
// answer a.
func questionField(q *catalog.Question, a catalog.Answer, people int, situation string) Field {
	f := Field{Title: q.PromptFor(people), Help: q.Help}
	switch q.Kind {
	case catalog.Single:
		f.Kind, f.Options, f.Value = One, optionsOf(q, situation, modeOf(people)), []string{first(a.Choices)}
	case catalog.Multi:
		// A choice from a plan that is not offered now is not made.
		f.Kind, f.Options = Many, optionsOf(q, situation, modeOf(people))
		f.Value = slices.DeleteFunc(slices.Clone(a.Choices), func(id string) bool {
			return !slices.ContainsFunc(f.Options, func(o Option) bool { return o.Value == id })
		})
	case catalog.Scale:
		// Saying nothing comes after the points, so that in plain lines,
		// where options are numbered, each point of a scale from 1 keeps
		// its own number: typing 1 for "really low" is never taken as
		// saying nothing.
		f.Kind, f.Value = One, []string{""}
		if q.Given(a) {
			f.Value[0] = strconv.Itoa(a.Scale)
		}
		for v := q.Scale.Min; v <= q.Scale.Max; v++ {
			label := strconv.Itoa(v)
			switch v {
			case q.Scale.Min:
				label = joinLabel(label, q.Low)
			case q.Scale.Max:
				label = joinLabel(label, q.High)
			}
			f.Options = append(f.Options, Option{label, strconv.Itoa(v)})
		}
		f.Options = append(f.Options, Option{catalog.RatherNotSay, ""})
	default:
		f.Kind, f.Value, f.Limit = Words, []string{plain.Strip(a.Text, true)}, AnswerLimit
		f.Placeholder = "A few words, or nothing at all"
		if q.Placeholder != "" {
			f.Placeholder = plain.Line(q.Placeholder)
		}
	}
	return f
}

// answerOf is the answer a field's value gives a question.
func answerOf(q *catalog.Question, value []string) catalog.Answer {
	switch q.Kind {
	case catalog.Single:
		return catalog.Answer{Choices: []string{first(value)}}
	case catalog.Multi:
		return catalog.Answer{Choices: append([]string{}, value...)}
	case catalog.Scale:
		n, err := strconv.Atoi(first(value))
		if err != nil {
			return q.NotSaid()
		}
		return catalog.Answer{Scale: n}
	}
	return catalog.Answer{Text: plain.Strip(first(value), true)}
}

// optionsOf are the options of a question offered after situation in a
// check-in of mode.
func optionsOf(q *catalog.Question, situation string, mode catalog.Mode) []Option {
	opts := make([]Option, 0, len(q.Options))
	for _, o := range q.Options {
		if o.Offered(situation, mode) {
			opts = append(opts, Option{o.Label, o.ID})
		}
	}
	return opts
}

func joinLabel(value, words string) string {
	if words == "" {
		return value
	}
	return value + " · " + words
}

func first(values []string) string {
	if len(values) > 0 {
		return values[0]
	}
	return ""
}

// after is the step that follows question next-1 of a turn: the next
// question; in a follow-up, rating what was done; then choosing what to
// share.
func (r *Round) after(t *Turn, next int) Step {
	if next < len(t.Questions) {
		return r.ask(t, next)
	}
	if r.Kind == FollowUp && len(r.Of.Chosen) > 0 {
		return r.rate(t)
	}
	return r.share(t)
}

// ratingChoices are the ratings as offered, after not having got to it,
// which is where each starts, so that going on never claims something
// helped. Someone who checked in alone did it alone.
func ratingChoices(alone bool) []Option {
	notDone := "We didn't get to it"
	if alone {
		notDone = "I didn't get to it"
	}
	return []Option{
		{notDone, ""},
		{"It helped", catalog.Helped},
		{"Neither here nor there", catalog.Neutral},
		{"It didn't help", catalog.DidntHelp},
	}
}

// rate asks the person whose follow-up turn it is how each thing they
// chose to do went. What they say is theirs until they choose, with their
// other answers, whether to share it; only then does it shape what is
// suggested next time.
func (r *Round) rate(t *Turn) *Form {
	f := &Form{Kind: RateForm, Header: r.Header(t, "how it went"), Loses: true}
	choices := ratingChoices(r.Of.Mode == string(catalog.Solo))
	for _, id := range r.Of.Chosen {
		f.Fields = append(f.Fields, Field{Kind: One, Title: "How did “" + ActivityTitle(r.env.Catalog(), id) + "” go?",
			Help:    "From the check-in of " + profile.Dated(r.Of.Started, r.env.Now(), "Monday 2 January") + ".",
			Options: choices, Value: []string{""}})
	}
	f.take = func(values [][]string) Step {
		t.Rated = nil
		for i, v := range values {
			if v := first(v); v != "" {
				t.Rated = append(t.Rated, profile.Rating{Person: t.Who.Name, Activity: r.Of.Chosen[i], Rating: v})
			}
		}
		return r.share(t)
	}
	f.back = func() Step { return r.ask(t, len(t.Questions)-1) }
	return f
}

// share ends a turn by asking what the others may see: each answer, and in
// a follow-up each rating of what was done, can be shared or kept private,
// and answers about safety start out private. Alone, it asks what history
// may keep. Once this is done, the turn's private answers and ratings are
// gone. When something the person said turned the check-in quiet, a line
// above says, to them alone, what will be left out.
func (r *Round) share(t *Turn) *Form {
	where := "what the others may see"
	if r.private() || !r.Together() {
		where = "what is kept"
	}
	f := &Form{Kind: ShareForm, Header: r.Header(t, where), Loses: true}
	if r.Together() && r.Kind == CheckIn {
		whole := t.whole()
		if note := whole.GuardNote(); note != "" {
			f.Intro = []Line{Say(Warm, note)}
		}
	}
	field := Field{Kind: Many, Title: "What may the others see?", Help: "Ticked answers are shared on the next screens; the rest stay with you and are never saved."}
	switch {
	case r.private():
		// The shared history never lists a follow-up asked for privately.
		field.Title, field.Help = "What should aftercare keep?", "Ticked answers are kept with this follow-up, apart from the shared history, which never shows it; what helped shapes what is suggested to you. The rest are forgotten when you finish."
	case !r.Together():
		field.Title, field.Help = "What should your history keep?", "Ticked answers are saved with this check-in; the rest are forgotten when you finish."
	}
	field.Value = []string{}
	for i := range t.Questions {
		q := &t.Questions[i]
		if !q.Given(t.Answers[i]) {
			continue
		}
		id := strconv.Itoa(i)
		field.Options = append(field.Options, Option{q.Said(t.Answers[i]) + " · " + q.PromptFor(len(r.People)), id})
		if !q.PrivateByDefault(t.Answers[i]) {
			field.Value = append(field.Value, id)
		}
	}
	// A rating says how an activity went, not how someone is: like an
	// answer that calls for nothing, it starts out shared.
	for j, rating := range t.Rated {
		id := strconv.Itoa(len(t.Questions) + j)
		field.Options = append(field.Options, Option{RatingSaid(r.env.Catalog(), rating), id})
		field.Value = append(field.Value, id)
	}
	if len(field.Options) == 0 {
		field = Field{Kind: Note, Title: "Nothing to share", Help: "You left every question open, which is fine."}
	}
	f.Fields = []Field{field}
	f.take = func(values [][]string) Step {
		shared := make([]bool, len(t.Questions)+len(t.Rated))
		for _, id := range values[0] {
			if i, err := strconv.Atoi(id); err == nil && i >= 0 && i < len(shared) {
				shared[i] = true
			}
		}
		var rated []profile.Rating
		for j, rating := range t.Rated {
			if shared[len(t.Questions)+j] {
				rated = append(rated, rating)
			}
		}
		r.rated[t.Who.Name] = rated
		return r.finish(t.Answered(shared[:len(t.Questions)]))
	}
	f.back = func() Step { return r.ask(t, len(t.Questions)-1) }
	return f
}

// finish ends a turn. Together, only what was shared outlives it; then the
// next person is handed the laptop, or the round closes: together, everyone
// sees what was shared (and in a check-in, what fits everyone); alone, a
// plan or follow-up is saved at once.
func (r *Round) finish(done profile.Turn) Step {
	if r.Together() {
		done = done.Handed()
	}
	r.Turns = append(r.Turns, done)
	switch {
	case len(r.Turns) < len(r.People):
		return r.First()
	case r.Kind == CheckIn || r.Together():
		return r.results()
	}
	return r.save()
}

// ShownSuggestions keeps the list short enough to take in at a glance.
const ShownSuggestions = 4

// results is the shared step at the end of a round: in a check-in, what
// fits everyone, asked of the catalogue with what was shared and the
// ratings people shared before.
func (r *Round) results() *Results {
	res := &Results{Round: r}
	switch {
	case r.Kind != CheckIn:
		res.Header, res.Go = r.Kind.String()+" · what you shared", "save"
		res.next = func() Step { return r.save() }
		return res
	case r.Together():
		res.Header = "together · what fits everyone"
	default:
		res.Header = "alone · ideas"
	}
	req := profile.CheckinRequest(r.Mode, r.Situation, r.minutes(), r.Turns, r.env.History())
	req.Limit = ShownSuggestions
	req.Guard = req.Guard || len(r.unread) > 0
	if r.Plan != nil {
		// The plan's avoid-list holds for this check-in too.
		req.Avoid = append(req.Avoid, r.Plan.PlanAvoid(r.env.Catalog())...)
	}
	res.Result = r.env.Catalog().Suggest(req)
	r.Quiet = res.Result.Guarded
	res.Go = "choose what to do"
	res.next = func() Step { return r.pick(res) }
	return res
}

// save saves a plan or a follow-up once everyone has had their turn; a
// check-in is saved once people have chosen what to do.
func (r *Round) save() *Save {
	if r.Kind == Plan {
		plan := profile.NewPlan(r.Started, r.Turns)
		return &Save{What: "plan", Write: func(s *profile.Store) error { return s.SaveSession(plan) }}
	}
	return &Save{What: "follow-up", Write: r.saveFollowUp}
}

// saveFollowUp records what each person shared and how it went.
func (r *Round) saveFollowUp(s *profile.Store) error {
	shared := map[string][]profile.Shared{}
	var ratings []profile.Rating
	for _, t := range r.Turns {
		if records := t.SharedRecords(len(r.People)); len(records) > 0 {
			shared[t.Name] = records
		}
		ratings = append(ratings, r.rated[t.Name]...)
	}
	return s.CompleteFollowUp(r.Of.ID, r.Started, shared, ratings)
}
