package catalog

import (
	"fmt"
	"slices"
	"strings"
)

// PromptFor is the question's wording for a solo or together check-in.
func (q *Question) PromptFor(mode Mode) string {
	if mode == Solo && q.SoloPrompt != "" {
		return q.SoloPrompt
	}
	return q.Prompt
}

// Implied is what an answer points to.
type Implied struct {
	// Needs are the needs of the chosen options, the heaviest weight of
	// each need winning.
	Needs Weights
	// Avoid are the tags the answer asks everyone to avoid this time.
	Avoid []string
	// Safety is set when the answer says the person is not okay or not
	// safe.
	Safety bool
}

// Implied says what an answer points to: needs, things to avoid, and
// whether it calls for support.
func (q *Question) Implied(a Answer) Implied {
	var out Implied
	for _, id := range a.Choices {
		o := q.Option(id)
		if o == nil {
			continue
		}
		out.Needs = out.Needs.Merge(o.Needs)
		for _, tag := range o.Avoid {
			if !slices.Contains(out.Avoid, tag) {
				out.Avoid = append(out.Avoid, tag)
			}
		}
		out.Safety = out.Safety || o.Safety
	}
	return out
}

// PrivateByDefault says whether an answer starts out private when a person
// chooses what others may see: the question is private, or the answer is a
// safety answer.
func (q *Question) PrivateByDefault(a Answer) bool {
	return q.Private || q.Implied(a).Safety
}

// Said is an answer in words: the chosen labels, the point on the scale
// with the scale's words, or the text as written.
func (q *Question) Said(a Answer) string {
	switch q.Kind {
	case Single, Multi:
		labels := make([]string, 0, len(a.Choices))
		for _, id := range a.Choices {
			if o := q.Option(id); o != nil {
				labels = append(labels, o.Label)
			}
		}
		if len(labels) == 0 {
			return "nothing chosen"
		}
		return strings.Join(labels, "; ")
	case Scale:
		said := fmt.Sprintf("%d of %d", a.Scale, q.Scale.Max)
		switch a.Scale {
		case q.Scale.Min:
			if q.Low != "" {
				said += " (" + q.Low + ")"
			}
		case q.Scale.Max:
			if q.High != "" {
				said += " (" + q.High + ")"
			}
		}
		return said
	}
	return strings.TrimSpace(a.Text)
}

// Given says whether the answer says anything: an empty text or a multiple
// choice with nothing chosen is no answer at all.
func (q *Question) Given(a Answer) bool {
	switch q.Kind {
	case Multi:
		return len(a.Choices) > 0
	case Text:
		return strings.TrimSpace(a.Text) != ""
	}
	return true
}

// Merge returns the needs of both, the heavier weight winning where both
// name a need.
func (ws Weights) Merge(other Weights) Weights {
	out := ws
	for _, w := range other {
		out = out.With(w.Need, w.Weight)
	}
	return out
}
