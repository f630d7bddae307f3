package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/plain"
)

// question asks one check-in question of the person whose turn it is, with
// the question's default already chosen so that enter always moves on. An
// answer that says someone is not okay or not safe opens the support screen
// there and then, on their own turn.
type question struct {
	formScreen
	ck *checkin
	t  *turn
	i  int

	single string
	ticked []string
	scale  int
	text   string
}

func newQuestion(c *ctx, ck *checkin, t *turn, i int) screen {
	q := &question{ck: ck, t: t, i: i}
	asked := &t.questions[i]
	a := t.answers[i]
	q.header = ck.progress(t, i)
	q.loses = true
	var ask step
	title := asked.PromptFor(len(ck.people))
	switch asked.Kind {
	case catalog.Single:
		q.single = firstChoice(a)
		ask = oneOf(huh.NewSelect[string]().Title(title).Description(asked.Help), &q.single, optionsOf(asked)...)
	case catalog.Multi:
		q.ticked = append([]string{}, a.Choices...)
		ask = anyOf(huh.NewMultiSelect[string]().Title(title).Description(asked.Help), &q.ticked, optionsOf(asked)...)
	case catalog.Scale:
		q.scale = a.Scale
		var opts []huh.Option[int]
		for v := asked.Scale.Min; v <= asked.Scale.Max; v++ {
			label := fmt.Sprint(v)
			switch v {
			case asked.Scale.Min:
				label = joinLabel(label, asked.Low)
			case asked.Scale.Max:
				label = joinLabel(label, asked.High)
			}
			opts = append(opts, huh.NewOption(label, v))
		}
		ask = oneOf(huh.NewSelect[int]().Title(title).Description(asked.Help), &q.scale, opts...)
	default:
		q.text = plain.Strip(a.Text, true)
		ask = limitedText(huh.NewText().Title(title).Description(asked.Help).Placeholder(placeholder(asked)).
			Lines(3).Value(&q.text), answerLimit)
	}
	q.ask(ask)
	q.done = q.answer
	q.back = q.previous
	return q
}

// answerLimit is how many characters a written answer holds.
const answerLimit = 1000

func firstChoice(a catalog.Answer) string {
	if len(a.Choices) > 0 {
		return a.Choices[0]
	}
	return ""
}

func optionsOf(q *catalog.Question) []huh.Option[string] {
	opts := make([]huh.Option[string], len(q.Options))
	for i, o := range q.Options {
		opts[i] = huh.NewOption(o.Label, o.ID)
	}
	return opts
}

func joinLabel(value, words string) string {
	if words == "" {
		return value
	}
	return value + " · " + words
}

// placeholder is the hint in an empty text field. The field draws it in a
// style that also draws its own frame, so no style can write out escapes
// in it: it is written out here.
func placeholder(q *catalog.Question) string {
	if q.Placeholder != "" {
		return plain.Line(q.Placeholder)
	}
	return "A few words, or nothing at all"
}

// answer keeps the answer and moves on: to support if it calls for it, to
// the next question, or to choosing what to share.
func (q *question) answer(c *ctx) (screen, tea.Cmd) {
	asked := &q.t.questions[q.i]
	switch asked.Kind {
	case catalog.Single:
		q.t.answers[q.i] = catalog.Answer{Choices: []string{q.single}}
	case catalog.Multi:
		q.t.answers[q.i] = catalog.Answer{Choices: append([]string{}, q.ticked...)}
	case catalog.Scale:
		q.t.answers[q.i] = catalog.Answer{Scale: q.scale}
	default:
		q.t.answers[q.i] = catalog.Answer{Text: plain.Strip(q.text, true)}
	}
	if said := asked.Implied(q.t.answers[q.i]).Support; q.t.offerSupport(said) {
		return newSupport(c, q.ck, q.t, q.i+1, said), nil
	}
	return q.ck.after(c, q.t, q.i+1), nil
}

// previous goes back one question, or to the start of the turn.
func (q *question) previous(c *ctx) screen {
	if q.i > 0 {
		return newQuestion(c, q.ck, q.t, q.i-1)
	}
	if q.ck.together() || q.ck.kind == followUp {
		return newHandoff(q.ck)
	}
	return newSituation(c, q.ck)
}
