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
	// Followup is set when the answer asks for a check-in tomorrow.
	Followup bool
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
		out.Followup = out.Followup || o.Followup
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

// Mood is how an answer says someone feels, from 1 (low) to 5 (good): the
// average of the chosen options' moods, or the point on a scale; 0 when
// the answer does not say.
func (q *Question) Mood(a Answer) float64 {
	if q.Kind == Scale && q.Scale.Max > q.Scale.Min {
		return 1 + 4*float64(a.Scale-q.Scale.Min)/float64(q.Scale.Max-q.Scale.Min)
	}
	sum, n := 0, 0
	for _, id := range a.Choices {
		if o := q.Option(id); o != nil && o.Mood > 0 {
			sum += o.Mood
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(sum) / float64(n)
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

// Carry is the answer to q that an answer to another question (a plan's)
// starts it from: the choices q also offers, or the same words or number.
// ok is false when nothing carries over.
func (q *Question) Carry(from *Question, a Answer) (Answer, bool) {
	if from.Kind != q.Kind {
		return Answer{}, false
	}
	switch q.Kind {
	case Single, Multi:
		var kept []string
		for _, id := range a.Choices {
			if o := q.Option(id); o != nil && !o.Safety {
				kept = append(kept, id)
			}
		}
		if len(kept) == 0 || q.Kind == Single && len(kept) != 1 {
			return Answer{}, false
		}
		return Answer{Choices: kept}, true
	case Scale:
		return a, a.Scale >= q.Scale.Min && a.Scale <= q.Scale.Max
	}
	return a, strings.TrimSpace(a.Text) != ""
}
