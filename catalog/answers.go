package catalog

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// PromptFor is the question's wording for one person alone, two people,
// or a group of three or more.
func (q *Question) PromptFor(people int) string {
	switch {
	case people <= 1 && q.SoloPrompt != "":
		return q.SoloPrompt
	case people >= 3 && q.GroupPrompt != "":
		return q.GroupPrompt
	}
	return q.Prompt
}

// The kinds of support an answer can call for.
const (
	// SupportLow is for someone who is not okay: gentle words and someone
	// to listen.
	SupportLow = "low"
	// SupportUnsafe is for someone who is not safe or says a line was
	// crossed: emergency numbers and lines for sexual violence and abuse
	// first.
	SupportUnsafe = "unsafe"
)

// AsksForSpace says whether needs stated now ask for space, clearly
// (weight 2 or more) rather than as a passing hint.
func AsksForSpace(needs Weights) bool { return needs.Of(spaceNeed) >= DefaultWeight }

// spaceNeed is the need that, stated now, asks everyone else to ask
// nothing of that person.
const spaceNeed = "space"

// Implied is what an answer points to.
type Implied struct {
	// Needs are the needs of the chosen options, the heaviest weight of
	// each need winning.
	Needs Weights
	// Avoid are the tags the answer asks everyone to avoid this time.
	Avoid []string
	// Support is the support the answer calls for: SupportLow,
	// SupportUnsafe (which wins over low), or "" for none.
	Support string
	// Guard is set when the answer turns the check-in quiet: an unsafe
	// answer, or one unsure about safety or a boundary.
	Guard bool
	// Followup is set when the answer asks for a check-in tomorrow.
	Followup bool
	// Energy is the least energy the chosen options say someone has, or
	// "" when none says.
	Energy string
}

// Implied says what an answer points to: needs, things to avoid, and
// whether it calls for support.
func (q *Question) Implied(a Answer) Implied {
	var out Implied
	if q.Kind == Scale && q.SupportUpTo > 0 && q.onScale(a) && a.Scale <= q.SupportUpTo {
		out.Support = SupportLow
	}
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
		if o.Support == SupportUnsafe || out.Support == "" {
			out.Support = cmp.Or(o.Support, out.Support)
		}
		out.Guard = out.Guard || o.Guard || o.Support == SupportUnsafe
		out.Followup = out.Followup || o.Followup
		out.Energy = LeastEnergy(out.Energy, o.Energy)
	}
	return out
}

// LeastEnergy is the lower of two energy words, either of which may be ""
// for not said.
func LeastEnergy(a, b string) string {
	if a == "" || b != "" && energyLevel(b) < energyLevel(a) {
		return b
	}
	return a
}

// PrivateByDefault says whether an answer starts out private when a person
// chooses what others may see: the question is private, or the answer
// calls for support or turns the check-in quiet.
func (q *Question) PrivateByDefault(a Answer) bool {
	implied := q.Implied(a)
	return q.Private || implied.Support != "" || implied.Guard
}

// Said is an answer in words: the chosen labels, the point on the scale
// with the scale's words (RatherNotSay off the scale), or the text as
// written.
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
		if !q.onScale(a) {
			return RatherNotSay
		}
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
	if q.Kind == Scale {
		if !q.onScale(a) || q.Scale.Max == q.Scale.Min {
			return 0
		}
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

// Given says whether the answer says anything: an empty text, nothing
// chosen, only an answer that says nothing ("I'd rather not say"), or a
// point off the scale is no answer at all.
func (q *Question) Given(a Answer) bool {
	switch q.Kind {
	case Single, Multi:
		return slices.ContainsFunc(a.Choices, func(id string) bool {
			o := q.Option(id)
			return o != nil && !o.Skip
		})
	case Text:
		return strings.TrimSpace(a.Text) != ""
	case Scale:
		return q.onScale(a)
	}
	return true
}

// RatherNotSay is the answer every scale offers that says nothing; a scale
// starts on it unless its catalogue gives a default.
const RatherNotSay = "I'd rather not say"

// NotSaid is the scale answer that says nothing: the number just below
// the scale, off it whatever its lowest point. A number rather than a
// flag of its own leaves Answer, and the records made from it, as they
// are: only a point on the scale is ever kept.
func (q *Question) NotSaid() Answer { return Answer{Scale: q.Scale.Min - 1} }

// onScale says whether a scale answer is a point on the scale; any other
// number says nothing.
func (q *Question) onScale(a Answer) bool { return a.Scale >= q.Scale.Min && a.Scale <= q.Scale.Max }

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
			if o := q.Option(id); o != nil && o.Support == "" && !o.Guard && !o.Skip {
				kept = append(kept, id)
			}
		}
		if len(kept) == 0 || q.Kind == Single && len(kept) != 1 {
			return Answer{}, false
		}
		return Answer{Choices: kept}, true
	case Scale:
		return a, q.onScale(a)
	}
	return a, strings.TrimSpace(a.Text) != ""
}
