package flow

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// Lines are what the results say, a line each: what each person chose to
// share (together), then in a check-in what might help, with the reasons,
// and the compromise when needs pull apart.
func (r *Results) Lines() []Line {
	round, result := r.Round, r.Result
	var out []Line
	if round.Together() {
		out = append(out, Say(Title, "What you shared"))
		for _, t := range round.Turns {
			out = append(out, round.sharedLines(t)...)
		}
		out = append(out, nil)
	}
	switch round.Kind {
	case Plan:
		return append(out, Say(Muted, "This is your plan. Saved, it is where a check-in together in the next 12 hours starts from."))
	case FollowUp:
		return append(out, Say(Muted, "Be gentle with what you read here. Saving it keeps how you are and what helped."))
	}
	title := "What might help now"
	if !round.Together() {
		title = "Ideas for looking after yourself"
	}
	out = append(out, Say(Title, title))
	if len(result.Suggestions) == 0 {
		out = append(out, Say(Muted, "Nothing in the catalogue fits all of that. A glass of water and a little quiet are always fine."))
	}
	for i, s := range result.Suggestions {
		out = append(out,
			Line{{Bare, fmt.Sprintf("%d. ", i+1)}, {Warm, s.Title}, {Bare, " "}, {Muted, "(" + s.Minutes.String() + " min)"}},
			Line{{Bare, "   "}, {Plain, s.Summary}})
		if s.Note != "" {
			out = append(out, Line{{Bare, "   "}, {Warm, s.Note}})
		}
		out = append(out, Line{{Bare, "   "}, {Muted, "Why: " + strings.Join(s.Reasons, "; ")}})
	}
	comp := result.Compromise
	if comp == nil {
		return out
	}
	out = append(out, nil, Say(Title, "When needs pull apart"), Say(Plain, comp.Why))
	var note string
	for _, s := range comp.Bridges {
		out = append(out, Line{{Bare, "• "}, {Warm, s.Title}, {Muted, " (" + s.Minutes.String() + " min)"}})
		note = cmp.Or(note, s.Note)
	}
	for _, own := range comp.Each {
		var alone []string
		for _, s := range own.Suggestions {
			note = cmp.Or(note, s.Note)
			if len(s.With) > 0 {
				out = append(out, Line{{Name, own.Person}, {Plain, " with " + catalog.JoinAnd(s.With) + ": " + s.Title}})
				continue
			}
			alone = append(alone, s.Title)
		}
		if len(alone) > 0 {
			out = append(out, Line{{Name, own.Person}, {Plain, " on their own: " + strings.Join(alone, "; ")}})
		}
	}
	// A word of care that goes with one of these is said after them all:
	// each is a line of titles.
	if note != "" {
		out = append(out, Say(Warm, note))
	}
	return out
}

// sharedLines say what one person shared, an answer a line, then how what
// they did went, in a follow-up.
func (r *Round) sharedLines(t profile.Turn) []Line {
	records := t.SharedRecords(len(r.People))
	rated := r.rated[t.Name]
	if len(records) == 0 && len(rated) == 0 {
		return []Line{{{Name, t.Name}, {Muted, " kept their answers to themselves."}}}
	}
	out := []Line{Say(Name, t.Name)}
	for _, s := range records {
		if s.Prompt == "" {
			out = append(out, Line{{Bare, "  "}, {Plain, s.Said}})
			continue
		}
		out = append(out, Line{{Bare, "  "}, {Muted, s.Prompt}, {Bare, " "}, {Plain, s.Said}})
	}
	for _, rating := range rated {
		out = append(out, Line{{Bare, "  "}, {Plain, RatingSaid(r.env.Catalog(), rating)}})
	}
	return out
}
