package tui

import (
	"fmt"
	"strconv"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/aftercare-tui/aftercare/profile"
)

// share ends a turn by asking what the others may see: each answer, and
// in a follow-up each rating of what was done, can be shared or kept
// private, and answers about safety start out private. Alone, it asks what
// history may keep. Once this is done, the turn's private answers and
// ratings are gone. When something the person said turned the
// check-in quiet, a line above says, to them alone, what will be left out.
type share struct {
	formScreen
	chosen []string
}

func newShare(c *ctx, ck *checkin, t *turn) screen {
	s := &share{}
	s.header = ck.progress(t, len(t.questions)-1)
	s.loses = true
	if ck.together() && ck.kind == checkIn {
		whole := t.answered(make([]bool, len(t.questions)))
		if note := whole.GuardNote(); note != "" {
			// The field keeps room for its title, three lines of help, an
			// answer and the line saying there are more.
			s.intro, s.formLines = c.st.warm.Render(note), 7
		}
	}
	var opts []huh.Option[string]
	for i := range t.questions {
		q := &t.questions[i]
		if !q.Given(t.answers[i]) {
			continue
		}
		label := truncate(fmt.Sprintf("%s · %s", q.Said(t.answers[i]), q.PromptFor(len(ck.people))), c.bodyWidth-6)
		opt := huh.NewOption(label, strconv.Itoa(i))
		if !q.PrivateByDefault(t.answers[i]) {
			s.chosen = append(s.chosen, strconv.Itoa(i))
		}
		opts = append(opts, opt)
	}
	// A rating says how an activity went, not how someone is: like an
	// answer that calls for nothing, it starts out shared.
	for j, r := range t.rated {
		id := strconv.Itoa(len(t.questions) + j)
		opts = append(opts, huh.NewOption(truncate(ratingSaid(c, r), c.bodyWidth-6), id))
		s.chosen = append(s.chosen, id)
	}
	title, help := "What may the others see?", "Ticked answers are shared on the next screens; the rest stay with you and are never saved."
	if !ck.together() {
		title, help = "What should your history keep?", "Ticked answers are saved with this check-in; the rest are forgotten when you finish."
	}
	finish := func(c *ctx) (screen, tea.Cmd) {
		shared := make([]bool, len(t.questions)+len(t.rated))
		for _, id := range s.chosen {
			i, _ := strconv.Atoi(id)
			shared[i] = true
		}
		var rated []profile.Rating
		for j, r := range t.rated {
			if shared[len(t.questions)+j] {
				rated = append(rated, r)
			}
		}
		ck.rated[t.who.name] = rated
		return ck.finish(c, t.answered(shared[:len(t.questions)]))
	}
	s.back = func(c *ctx) screen { return newQuestion(c, ck, t, len(t.questions)-1) }
	if len(opts) == 0 {
		s.ask(step{field: huh.NewNote().Title("Nothing to share").Description("You left every question open, which is fine.")})
	} else {
		s.ask(anyOf(huh.NewMultiSelect[string]().Title(title).Description(help), &s.chosen, opts...))
	}
	s.done = finish
	return s
}
