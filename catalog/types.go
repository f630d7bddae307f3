package catalog

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The struct tags below are the file format: `yaml` names a field, `ref`
// says which vocabulary its values must come from, `oneof` lists the words
// it accepts, and `text:"free"` marks prose that may run over several lines
// (every other text is one line: a title, label or prompt with a line break
// in it would break the screen it is shown on). The strict decoder reads
// them; nothing else does.

// Need is one thing a person may need afterwards, such as quiet or water.
type Need struct {
	ID       string   `yaml:"id" json:"id"`
	Label    string   `yaml:"label" json:"label"`
	Meaning  string   `yaml:"meaning" json:"meaning"`
	Opposes  []string `yaml:"opposes" ref:"need" json:"opposes,omitempty"`
	Baseline int      `yaml:"baseline" json:"baseline,omitempty"`
}

// Tag names something an activity involves that a person may never want,
// such as touch or music.
type Tag struct {
	ID      string `yaml:"id" json:"id"`
	Label   string `yaml:"label" json:"label"`
	Meaning string `yaml:"meaning" json:"meaning"`
	// Guard leaves activities with this tag out for everyone when the
	// check-in turns quiet, as kissing and celebrating are.
	Guard bool `yaml:"guard" json:"guard,omitempty"`
}

// Thing is an object an activity uses, such as a blanket or tea.
type Thing struct {
	ID    string `yaml:"id" json:"id"`
	Label string `yaml:"label" json:"label"`
}

// Situation is the kind of time it was, which raises some needs more than
// others.
type Situation struct {
	ID      string  `yaml:"id" json:"id"`
	Label   string  `yaml:"label" json:"label"`
	After   string  `yaml:"after" json:"after"`
	Summary string  `yaml:"summary" text:"free" json:"summary"`
	Raises  Weights `yaml:"raises" ref:"need" json:"raises"`
	// Avoids are tags left out for everyone after this kind of time, as
	// praise and celebrating are after a hard one.
	Avoids []string `yaml:"avoids" ref:"tag" json:"avoids,omitempty"`
	// Apart says the people are not in the same place: what is offered to
	// them together is only what works over a call, a video or messages.
	Apart bool `yaml:"apart" json:"apart,omitempty"`
	// WashingCanWait says that someone may want a medical check after
	// this kind of time: whatever washes says, as it is offered, that
	// washing can wait.
	WashingCanWait bool `yaml:"washing_can_wait" json:"washing_can_wait,omitempty"`
	// SeldomAtHand are things seldom at hand after this kind of time, as
	// a bath is not at a play party: unless people say what they have,
	// what needs them ranks lower and says so.
	SeldomAtHand []string `yaml:"seldom_at_hand" ref:"thing" json:"seldom_at_hand,omitempty"`
	// WentWrong says that this kind of time is one that went wrong: at
	// the end nothing is ticked in advance on what to do (enter alone must
	// not choose an apology for anyone), the closing words say nothing of
	// how anyone is with anyone, and a check-in tomorrow starts out chosen
	// for everyone, since what went wrong can weigh more a day later.
	WentWrong bool `yaml:"went_wrong" json:"went_wrong,omitempty"`
	// Audience, when set, is the one kind of check-in the situation is
	// asked about in: time on one's own alone, care from someone who was
	// not there together.
	Audience string `yaml:"audience" oneof:"solo together" json:"audience,omitempty"`
}

// Mode says who an activity is for.
type Mode string

// The modes of an activity; a request is either solo or together.
const (
	Solo     Mode = "solo"
	Together Mode = "together"
	Either   Mode = "either"
)

// Activity is something to do now, with what it is good for and what it
// involves.
type Activity struct {
	ID         string   `yaml:"id" json:"id"`
	Title      string   `yaml:"title" json:"title"`
	Summary    string   `yaml:"summary" text:"free" json:"summary"`
	Steps      []string `yaml:"steps" json:"steps,omitempty"`
	Needs      Weights  `yaml:"needs" ref:"need" json:"needs"`
	Mode       Mode     `yaml:"mode" oneof:"solo together either" json:"mode"`
	Contact    string   `yaml:"contact" oneof:"none light full" json:"contact"`
	Minutes    Range    `yaml:"minutes" json:"minutes"`
	Energy     string   `yaml:"energy" oneof:"low medium high" json:"energy"`
	Things     []string `yaml:"things" ref:"thing" json:"things,omitempty"`
	Tags       []string `yaml:"tags" ref:"tag" json:"tags,omitempty"`
	Situations []string `yaml:"situations" ref:"situation" json:"situations,omitempty"`
	// OnlyIn keeps an activity about scenes, roles or leading to the
	// situations it belongs to: it is never offered anywhere else, nor
	// when no situation was said.
	OnlyIn []string `yaml:"only_in" ref:"situation" json:"only_in,omitempty"`
	// OnlyIfSaid keeps care that answers one particular state, such as
	// tears or feeling far away, for when someone has said they need now,
	// as much, what it is made for (its weightiest need): offered to
	// everyone by default, or for another state, it would alarm more than
	// help.
	OnlyIfSaid bool `yaml:"only_if_said" json:"only_if_said,omitempty"`
	Bridge     bool `yaml:"bridge" json:"bridge,omitempty"`
	// Apart marks what works at a distance, over a call, a video or
	// messages: together, it is all that is offered to people apart.
	Apart bool `yaml:"apart" json:"apart,omitempty"`
	// AsksNothing marks what someone who asked for space can be offered:
	// no touch, no talk, no attention; they can take it or leave it.
	AsksNothing bool `yaml:"asks_nothing" json:"asks_nothing,omitempty"`
	// ForThem marks what one person does for another, such as running
	// them a bath: it asks nothing of the one it is for, but someone has
	// to do it, and that is never someone who asked for space.
	ForThem bool `yaml:"for_them" json:"for_them,omitempty"`
}

// The kinds of question.
const (
	Single = "single"
	Multi  = "multi"
	Scale  = "scale"
	Text   = "text"
)

// Question is one check-in question with its possible answers.
type Question struct {
	ID         string `yaml:"id" json:"id"`
	Phase      string `yaml:"phase" oneof:"after before followup" json:"phase"`
	Audience   string `yaml:"audience" oneof:"solo together both" json:"audience"`
	Kind       string `yaml:"kind" oneof:"single multi scale text" json:"kind"`
	Prompt     string `yaml:"prompt" json:"prompt"`
	SoloPrompt string `yaml:"solo_prompt" json:"solo_prompt,omitempty"`
	// GroupPrompt is the wording for three people or more, where "your
	// partner" would be wrong.
	GroupPrompt string   `yaml:"group_prompt" json:"group_prompt,omitempty"`
	Help        string   `yaml:"help" text:"free" json:"help,omitempty"`
	Private     bool     `yaml:"private" json:"private"`
	Options     []Option `yaml:"options" json:"options,omitempty"`
	Default     Answer   `yaml:"default" json:"-"`
	Scale       Range    `yaml:"scale" json:"scale,omitzero"`
	Low         string   `yaml:"low" json:"low,omitempty"`
	High        string   `yaml:"high" json:"high,omitempty"`
	Placeholder string   `yaml:"placeholder" json:"placeholder,omitempty"`
	// SupportUpTo, on a scale, is the highest point that brings up
	// support for someone who feels low.
	SupportUpTo int `yaml:"support_up_to" json:"support_up_to,omitempty"`
	// Prefills names the check-in question that a plan's answer to this
	// one starts from, when their options share ids.
	Prefills string `yaml:"prefills" ref:"question" json:"prefills,omitempty"`
	// NotIn are the situations the question is not asked after, as what
	// should be different next time is not after care from someone who
	// was not there.
	NotIn []string `yaml:"not_in" ref:"situation" json:"not_in,omitempty"`
}

// AskedAfter says whether the question is asked after situation.
func (q *Question) AskedAfter(situation string) bool { return !slices.Contains(q.NotIn, situation) }

// MarshalJSON writes the question with its default as it is written in a
// file: an option id, a list of them, a number or words.
func (q Question) MarshalJSON() ([]byte, error) {
	type plain Question
	var def any
	switch q.Kind {
	case Single:
		if len(q.Default.Choices) > 0 {
			def = q.Default.Choices[0]
		}
	case Multi:
		def = q.Default.Choices
	case Scale:
		if q.Given(q.Default) {
			def = q.Default.Scale
		}
	default:
		def = q.Default.Text
	}
	return json.Marshal(struct {
		plain
		Default any `json:"default"`
	}{plain(q), def})
}

// Option is one possible answer to a single or multiple choice question.
type Option struct {
	ID    string   `yaml:"id" json:"id"`
	Label string   `yaml:"label" json:"label"`
	Needs Weights  `yaml:"needs" ref:"need" json:"needs,omitempty"`
	Avoid []string `yaml:"avoid" ref:"tag" json:"avoid,omitempty"`
	// Support brings up support there and then, on the person's own turn:
	// "low" for someone who is not okay, "unsafe" for someone who is not
	// safe or says a line was crossed.
	Support string `yaml:"support" oneof:"low unsafe" json:"support,omitempty"`
	// Guard turns the check-in quiet for everyone, without saying why:
	// someone is unsure whether they are safe, or whether a line was
	// crossed. An unsafe answer always does.
	Guard bool `yaml:"guard" json:"guard,omitempty"`
	// Skip is the answer that says nothing, such as "I'd rather not say":
	// it is recorded as no answer at all.
	Skip bool `yaml:"skip" json:"skip,omitempty"`
	// Followup marks an answer that asks to be checked on tomorrow.
	Followup bool `yaml:"followup" json:"followup,omitempty"`
	// Mood says how the answer tells someone feels, from 1 (low) to 5
	// (good), for the history's charts; 0 says nothing.
	Mood int `yaml:"mood" json:"mood,omitempty"`
	// Energy says how much energy the answer tells someone has; nothing
	// is suggested that asks more of them than that.
	Energy string `yaml:"energy" oneof:"low medium high" json:"energy,omitempty"`
	// NotIn are the situations the option is not offered after, such as
	// asking to hear what was liked from someone who was not there.
	NotIn []string `yaml:"not_in" ref:"situation" json:"not_in,omitempty"`
	// Audience, when set, is who alone the option is offered to, as
	// kissing is asked about only together: solo or together.
	Audience string `yaml:"audience" oneof:"solo together" json:"audience,omitempty"`
}

// Offered says whether the option is offered after situation in a
// check-in of mode.
func (o Option) Offered(situation string, mode Mode) bool {
	return askedIn(o.Audience, mode) && !slices.Contains(o.NotIn, situation)
}

// askedIn says whether what names audience (solo or together, or "" for
// both) is asked about in a check-in of mode.
func askedIn(audience string, mode Mode) bool { return audience == "" || audience == string(mode) }

// retiredFields are fields an older catalogue file may still have, with
// what replaced them, so that such a file says what to write instead.
var retiredFields = map[reflect.Type]map[string]string{
	reflect.TypeFor[Option](): {
		"safety": "safety is no longer used: write support: low or support: unsafe to bring up support, or guard: true to turn the check-in quiet",
	},
}

// Answer is what a person said to one question: the chosen option ids for
// single and multiple choice, a number for a scale (one off the scale, as
// NotSaid is, says nothing), words for free text.
type Answer struct {
	Choices []string
	Scale   int
	Text    string
}

// Resource is a place to turn to when someone is not okay or not safe.
type Resource struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
	// Kind is what it helps with: emergency, assault (sexual violence),
	// abuse (domestic abuse), listening (feeling low, crisis), directory
	// (helplines everywhere) or personal (someone you know).
	Kind string `yaml:"kind" oneof:"emergency assault abuse listening directory personal" json:"kind"`
	// Regions are the countries it serves, as ISO 3166 codes such as GB,
	// or "anywhere".
	Regions []string `yaml:"regions" json:"regions"`
	How     string   `yaml:"how" text:"free" json:"how"`
	Summary string   `yaml:"summary" text:"free" json:"summary,omitempty"`
	// URL and Source are web addresses, http or https only: a terminal
	// may make them links.
	URL string `yaml:"url" json:"url,omitempty"`
	// Checked is the day the number was checked against Source, the
	// organisation's own page, written 2026-11-29.
	Checked string `yaml:"checked" json:"checked,omitempty"`
	Source  string `yaml:"source" json:"source,omitempty"`
}

// Range is a span of whole minutes, written [5, 20] or, for one value, 5.
type Range struct {
	Min, Max int
}

// MarshalJSON writes a range as [min, max].
func (r Range) MarshalJSON() ([]byte, error) {
	return json.Marshal([2]int{r.Min, r.Max})
}

func (r Range) String() string {
	if r.Min == r.Max {
		return strconv.Itoa(r.Min)
	}
	return fmt.Sprintf("%d–%d", r.Min, r.Max)
}

// Weight says how much of one need something meets or someone has: 1 a
// little, 2 some, 3 a lot.
type Weight struct {
	Need   string
	Weight int
}

// Weights is a set of needs with their weights, kept sorted by need so that
// every sum over it runs in the same order and gives the same result.
type Weights []Weight

// DefaultWeight is the weight of a need named without one.
const DefaultWeight = 2

// MaxWeight is the most a need can weigh.
const MaxWeight = 3

// Of returns the weight of need, or 0.
func (ws Weights) Of(need string) int {
	// slices.BinarySearchFunc's search, written out: the engine asks this
	// often enough that calling a comparison for each step shows.
	i, j := 0, len(ws)
	for i < j {
		h := int(uint(i+j) >> 1)
		if ws[h].Need < need {
			i = h + 1
		} else {
			j = h
		}
	}
	if i < len(ws) && ws[i].Need == need {
		return ws[i].Weight
	}
	return 0
}

// With returns the weights with need set to at least weight.
func (ws Weights) With(need string, weight int) Weights {
	i, ok := slices.BinarySearchFunc(ws, need, func(w Weight, n string) int { return strings.Compare(w.Need, n) })
	if ok {
		out := slices.Clone(ws)
		out[i].Weight = max(out[i].Weight, weight)
		return out
	}
	return slices.Insert(slices.Clone(ws), i, Weight{need, weight})
}

// Set returns the weights with need set to exactly weight.
func (ws Weights) Set(need string, weight int) Weights {
	i, ok := slices.BinarySearchFunc(ws, need, func(w Weight, n string) int { return strings.Compare(w.Need, n) })
	out := slices.Clone(ws)
	if ok {
		out[i].Weight = weight
		return out
	}
	return slices.Insert(out, i, Weight{need, weight})
}

// Total is the sum of the weights.
func (ws Weights) Total() int {
	total := 0
	for _, w := range ws {
		total += w.Weight
	}
	return total
}

// MarshalJSON writes weights as an object from need to weight, in need order.
func (ws Weights) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(',')
		}
		key, _ := json.Marshal(w.Need)
		b.Write(key)
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(w.Weight))
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

// MarshalYAML writes weights as they are read: {need: weight}, on one line.
func (ws Weights) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	for _, w := range ws {
		n.Content = append(n.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Value: w.Need},
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(w.Weight)})
	}
	return n, nil
}

func sortWeights(ws Weights) Weights {
	slices.SortFunc(ws, func(a, b Weight) int { return strings.Compare(a.Need, b.Need) })
	return ws
}
