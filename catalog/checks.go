package catalog

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// MaxMinutes is the longest an activity may take: aftercare is for the next
// few hours, not the next day.
const MaxMinutes = 240

func (rg *Range) decodeNode(d *decoder, n *yaml.Node, at string, _ rules) {
	switch {
	case n.Kind == yaml.ScalarNode:
		if v, ok := d.integer(n, at); ok {
			*rg = Range{v, v}
		}
	case n.Kind == yaml.SequenceNode && len(n.Content) == 2:
		lo, okLo := d.integer(n.Content[0], at)
		hi, okHi := d.integer(n.Content[1], at)
		if !okLo || !okHi {
			return
		}
		if lo > hi {
			d.errorf(n, at, "the first number (%d) must not be more than the second (%d)", lo, hi)
			return
		}
		*rg = Range{lo, hi}
	default:
		d.errorf(n, at, "expected [lowest, highest], like [5, 20], got %s", describe(n))
	}
}

func (ws *Weights) decodeNode(d *decoder, n *yaml.Node, at string, r rules) {
	var out Weights
	seen := map[string]bool{}
	add := func(key *yaml.Node, weight int) {
		need, ok := d.scalar(key, at, "a need", false)
		if !ok {
			return
		}
		if seen[need] {
			d.errorf(key, at, "%s is named twice", Quoted(need))
			return
		}
		seen[need] = true
		if d.allowed(key, at, r, need) {
			out = append(out, Weight{need, weight})
		}
	}
	switch {
	case isNull(n):
		return
	case n.Kind == yaml.SequenceNode:
		for _, key := range n.Content {
			add(key, DefaultWeight)
		}
	case n.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			w, ok := d.integer(val, at)
			if !ok {
				continue
			}
			if w < 1 || w > MaxWeight {
				d.errorf(val, at, "weight %d is out of range: use 1 (a little), 2 (some) or 3 (a lot)", w)
				continue
			}
			add(key, w)
		}
	default:
		d.errorf(n, at, "expected needs with weights, like {quiet: 3, hydration: 1}, or a list of needs, got %s", describe(n))
		return
	}
	*ws = sortWeights(out)
}

// decodeNode keeps a default as written; Question.check turns it into the
// answer its kind of question expects.
func (a *Answer) decodeNode(d *decoder, n *yaml.Node, at string, _ rules) {
	switch {
	case isNull(n):
	case n.Kind == yaml.ScalarNode:
		a.Text, _ = d.scalar(n, at, "text", false)
	case n.Kind == yaml.SequenceNode:
		a.Choices = []string{}
		for _, item := range n.Content {
			if s, ok := d.scalar(item, at, "an option id", false); ok {
				a.Choices = append(a.Choices, s)
			}
		}
	default:
		d.errorf(n, at, "expected an option id, a list of them, a number or text, got %s", describe(n))
	}
}

func (n *Need) Check(r *Reporter) {
	checkID(r, n.ID)
	r.Require("label", n.Label)
	if n.Baseline < 0 || n.Baseline > MaxWeight {
		r.Errorf("baseline", "%d is out of range: use 0 to %d", n.Baseline, MaxWeight)
	}
	if slices.Contains(n.Opposes, n.ID) {
		r.Errorf("opposes", "a need cannot oppose itself")
	}
}

func (t *Tag) Check(r *Reporter) {
	checkID(r, t.ID)
	r.Require("label", t.Label)
}

func (t *Thing) Check(r *Reporter) {
	checkID(r, t.ID)
	r.Require("label", t.Label)
}

func (s *Situation) Check(r *Reporter) {
	checkID(r, s.ID)
	r.Require("label", s.Label)
	r.Require("after", s.After)
}

func (a *Activity) Check(r *Reporter) {
	checkID(r, a.ID)
	r.Require("title", a.Title)
	r.Require("summary", a.Summary)
	r.Require("mode", string(a.Mode))
	r.Require("contact", a.Contact)
	r.Require("energy", a.Energy)
	if !r.Has("needs") {
		r.Errorf("needs", "missing: say which needs this meets, like {calm: 2}")
	}
	switch {
	case !r.Has("minutes"):
		r.Errorf("minutes", "missing: give a typical range, like [5, 20]")
	case a.Minutes.Min < 1 || a.Minutes.Max > MaxMinutes:
		r.Errorf("minutes", "%s is impossible: times go from 1 to %d minutes", a.Minutes, MaxMinutes)
	}
	if a.Mode == Solo && a.Contact != "" && a.Contact != "none" {
		r.Errorf("contact", "a solo activity has no contact with anyone else: use none")
	}
	if (a.Contact == "light" || a.Contact == "full") && !slices.Contains(a.Tags, "touch") {
		r.Errorf("tags", "an activity with %s contact needs the touch tag, so that a never-list can leave it out", a.Contact)
	}
	if a.Apart && a.Contact != "none" {
		r.Errorf("apart", "an activity done apart cannot involve %s contact: use contact none, or leave apart out", a.Contact)
	}
	if a.Bridge && a.Mode == Solo {
		r.Errorf("bridge", "a bridge is done together: use mode together or either")
	}
	if a.ForThem && a.Mode == Solo {
		r.Errorf("for_them", "a solo activity is done for oneself: use mode together or either, or leave for_them out")
	}
	if a.AsksNothing {
		switch {
		case a.Contact != "none":
			r.Errorf("asks_nothing", "an activity with %s contact asks for touch: use contact none, or leave asks_nothing out", a.Contact)
		case a.Energy != "low":
			r.Errorf("asks_nothing", "an activity with %s energy asks effort: use energy low, or leave asks_nothing out", a.Energy)
		}
		for _, tag := range a.Tags {
			if slices.Contains(demandingTags, tag) {
				r.Errorf("asks_nothing", "the %s tag asks something of everyone there: leave asks_nothing out", tag)
			}
		}
	}
	if r.Has("only_in") && len(a.OnlyIn) == 0 {
		r.Errorf("only_in", "an empty list would hide this activity everywhere: name the situations it belongs to, or leave only_in out")
	}
}

// demandingTags are what an activity cannot involve and still ask nothing
// of someone who asked for space.
var demandingTags = []string{"touch", "kissing", "talking", "eye-contact"}

func (q *Question) Check(r *Reporter) {
	checkID(r, q.ID)
	r.Require("prompt", q.Prompt)
	r.Require("phase", q.Phase)
	r.Require("audience", q.Audience)
	r.Require("kind", q.Kind)
	if q.Audience == "both" && !r.Has("solo_prompt") {
		r.Errorf("solo_prompt", "missing: a question for both solo and together check-ins needs the wording for someone alone")
	}
	if q.Audience == "solo" && r.Has("group_prompt") {
		r.Errorf("group_prompt", "a question for someone alone is never asked of a group")
	}
	choice := q.Kind == Single || q.Kind == Multi
	switch {
	case choice && len(q.Options) < 2:
		r.Errorf("options", "a %s choice question needs at least two options", q.Kind)
	case !choice && r.Has("options"):
		r.Errorf("options", "only single and multi questions have options")
	}
	seen := map[string]bool{}
	for _, o := range q.Options {
		if seen[o.ID] {
			r.Errorf("options", "option %s is given twice", Quoted(o.ID))
		}
		seen[o.ID] = true
		if o.Audience != "" && q.Audience != "both" {
			r.Errorf("options", "option %s: audience %s: only a question for both solo and together check-ins has options for one of them", Quoted(o.ID), o.Audience)
		}
	}
	if q.Kind == Scale {
		switch {
		case !r.Has("scale"):
			r.Errorf("scale", "missing: give the lowest and highest point, like [1, 5]")
		case q.Scale.Min >= q.Scale.Max || q.Scale.Max-q.Scale.Min > 10:
			r.Errorf("scale", "%s is impossible: a scale needs 2 to 11 points, lowest first", q.Scale)
		}
	} else if r.Has("scale") {
		r.Errorf("scale", "only scale questions have a scale")
	}
	switch {
	case !r.Has("support_up_to"):
	case q.Kind != Scale:
		r.Errorf("support_up_to", "only a scale question brings up support at a point; give options support instead")
	case q.SupportUpTo < q.Scale.Min || q.SupportUpTo >= q.Scale.Max:
		r.Errorf("support_up_to", "%d is not a point below the top of the scale %s", q.SupportUpTo, q.Scale)
	case q.SupportUpTo < 1:
		// 0 is how a question without it reads, so it could never fire.
		r.Errorf("support_up_to", "%d would never bring up support: use a point of 1 or more, on a scale that reaches it", q.SupportUpTo)
	}
	q.checkDefault(r)
}

// checkDefault turns the default as written into the answer the question's
// kind expects. Every question has a default, so that pressing enter always
// moves on; a scale given none starts on its answer that says nothing. A
// question that can bring up support or turn the check-in quiet starts on
// an answer that says nothing, so that pressing enter never says someone
// is unsafe, nor that they are safe.
func (q *Question) checkDefault(r *Reporter) {
	written := q.Default
	switch q.Kind {
	case Single:
		id := written.Text
		if written.Choices != nil || id == "" {
			r.Errorf("default", "a single choice question needs one option id as its default")
			return
		}
		q.Default = Answer{Choices: []string{id}}
	case Multi:
		q.Default = Answer{Choices: written.Choices}
		if written.Text != "" {
			q.Default.Choices = []string{written.Text}
		}
		if q.Default.Choices == nil {
			q.Default.Choices = []string{}
		}
	case Scale:
		if q.Scale.Min >= q.Scale.Max {
			return
		}
		if !r.Has("default") {
			q.Default = q.NotSaid()
			return
		}
		v, err := strconv.Atoi(written.Text)
		if err != nil || v < q.Scale.Min || v > q.Scale.Max {
			r.Errorf("default", "a scale question's default is a number from %d to %d, or none to start on %q", q.Scale.Min, q.Scale.Max, RatherNotSay)
			return
		}
		q.Default = Answer{Scale: v}
		if q.SupportUpTo > 0 && v <= q.SupportUpTo {
			r.Errorf("default", "%d brings up support; pressing enter must never give it", v)
		}
		return
	case Text:
		if written.Choices != nil {
			r.Errorf("default", "a text question's default is text, not a list")
		}
		return
	default:
		return
	}
	options := make(map[string]*Option, len(q.Options))
	for i := range q.Options {
		options[q.Options[i].ID] = &q.Options[i]
	}
	for _, id := range q.Default.Choices {
		o := options[id]
		switch {
		case o == nil:
			r.Errorf("default", "%s is not one of the options", Quoted(id))
		case o.Support != "" || o.Guard:
			r.Errorf("default", "%s brings up support or turns the check-in quiet; pressing enter must never give it", Quoted(id))
		}
	}
	sensitive := slices.ContainsFunc(q.Options, func(o Option) bool { return o.Support != "" || o.Guard })
	if sensitive && q.Kind == Single && !q.startsOnSkip() {
		r.Errorf("default", "this question can bring up support, so it must start on an answer that says nothing, such as \"I'd rather not say\" with skip: true, listed first")
	}
}

// startsOnSkip says whether the default is the first option and says
// nothing: one press of ↑ can then never reach another answer.
func (q *Question) startsOnSkip() bool {
	if len(q.Options) == 0 || len(q.Default.Choices) != 1 || q.Default.Choices[0] != q.Options[0].ID {
		return false
	}
	return q.Options[0].Skip
}

// Check requires an id and a label, keeps a mood on its scale, and keeps
// an answer that says nothing from saying anything.
func (o *Option) Check(r *Reporter) {
	checkID(r, o.ID)
	r.Require("label", o.Label)
	if o.Mood < 0 || o.Mood > 5 {
		r.Errorf("mood", "%d is out of range: use 1 (low) to 5 (good), or leave it out", o.Mood)
	}
	if o.Skip {
		for _, field := range []string{"needs", "avoid", "support", "guard", "followup", "mood"} {
			if r.Has(field) {
				r.Errorf(field, "an answer with skip: true says nothing, so it has no %s", field)
			}
		}
	}
}

func (res *Resource) Check(r *Reporter) {
	checkID(r, res.ID)
	r.Require("name", res.Name)
	r.Require("kind", res.Kind)
	r.Require("how", res.How)
	if !r.Has("regions") || len(res.Regions) == 0 {
		r.Errorf("regions", "missing: the countries it serves, such as [GB, IE], or [anywhere]")
	}
	for _, region := range res.Regions {
		if _, err := ParseRegion(region); err != nil || region != strings.ToUpper(region) && region != Anywhere {
			r.Errorf("regions", "%s is not a region: use a two-letter country code in capitals, such as GB, or anywhere", Quoted(region))
		}
	}
	for _, address := range []struct{ field, value string }{{"url", res.URL}, {"source", res.Source}} {
		if address.value != "" && !isWebAddress(address.value) {
			r.Errorf(address.field, "%s is not a web address: write it in full, like https://rainn.org", Quoted(address.value))
		}
	}
	if res.Checked != "" {
		if _, err := time.Parse(time.DateOnly, res.Checked); err != nil {
			r.Errorf("checked", "%s is not a date: write the day the number was checked, like 2026-11-29", Quoted(res.Checked))
		}
		if res.Source == "" {
			r.Errorf("source", "missing: the page the number was checked against")
		}
	}
}

// isWebAddress says whether s is an http or https address with a host and
// nothing in it that a terminal or a person could mistake: a resource's
// address is shown, and may be opened, at someone's worst moment. It is
// read by hand because this program imports nothing from net.
func isWebAddress(s string) bool {
	rest, ok := strings.CutPrefix(s, "https://")
	if !ok {
		rest, ok = strings.CutPrefix(s, "http://")
	}
	host := rest
	if end := strings.IndexAny(rest, "/?#"); end >= 0 {
		host = rest[:end]
	}
	return ok && host != "" && !strings.ContainsFunc(s, unicode.IsSpace)
}

// Option returns the question's option with id, or nil.
func (q *Question) Option(id string) *Option {
	for i := range q.Options {
		if q.Options[i].ID == id {
			return &q.Options[i]
		}
	}
	return nil
}
