package catalog

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Request is what the suggestion engine is asked: who is here, what kind of
// time it was, how long there is, and what each person needs.
type Request struct {
	// Mode is solo or together; empty means solo for one person and
	// together for more.
	Mode      Mode   `yaml:"mode" oneof:"solo together"`
	Situation string `yaml:"situation" ref:"situation"`
	// Minutes is the time available; 0 means no limit.
	Minutes int `yaml:"minutes"`
	// Things are what is at hand; none listed means unknown, not nothing.
	Things []string `yaml:"things" ref:"thing"`
	// Avoid are tags and activities to leave out for everyone this time,
	// on top of each person's own never-list.
	Avoid  []string `yaml:"avoid" ref:"tag activity"`
	People []Person `yaml:"people"`
	// Limit is how many suggestions to give; 0 means DefaultLimit.
	Limit int `yaml:"limit"`
	// Guard turns the suggestions quiet for everyone: nothing with more
	// than light touch, no kissing, nothing celebratory. It is set when
	// anyone, privately or not, is not safe or unsure, or says a line was
	// crossed; asking for space sets it too. It never says who.
	Guard bool `yaml:"guard"`
	// Space is set when someone asked for space in an answer the others
	// do not see, and not for a need for space in People: everything
	// offered together then asks nothing of anyone, and, since it may be
	// anyone who did not ask openly, one of them counts as having asked
	// when the engine looks for someone to do what is done for another.
	// It turns the request quiet, as Guard does.
	Space bool `yaml:"space"`
	// Ratings are what the people thought of activities before: what
	// helped a person rises for them, what did not sinks.
	Ratings []Rating `yaml:"-"`
}

// Person is one person present, with what they need now and what they have
// said about themselves.
type Person struct {
	Name string `yaml:"name"`
	// Needs are what the person says they need now.
	Needs Weights `yaml:"needs" ref:"need"`
	// Usual are what the person usually needs, from their profile. They
	// count for less than anything said now, and a need said now cancels
	// its opposites among them: space now leaves out usual closeness.
	Usual Weights  `yaml:"usual" ref:"need"`
	Likes []string `yaml:"likes" ref:"tag activity"`
	// Never are tags and activity ids this person must never be offered.
	Never []string `yaml:"avoid" ref:"tag activity"`
	// Energy is how much energy the person has now (low, medium or high);
	// nothing asking more is offered to them. Empty means they did not say.
	Energy string `yaml:"energy" oneof:"low medium high"`
}

// DefaultLimit is how many suggestions a request gets unless it asks.
const DefaultLimit = 5

// MaxPeople is the most people one request can name; beyond it a check-in
// on one laptop stops making sense.
const MaxPeople = 12

// ParseRequest reads a request from YAML or JSON, strictly: unknown fields,
// unknown needs, tags, things and situations, and impossible values are
// reported with the file name, line and column.
func (c *Catalog) ParseRequest(path string, data []byte) (Request, error) {
	var req Request
	if len(bytes.TrimSpace(data)) == 0 {
		return req, Errors{{Path: path, Line: 1, Col: 1, Msg: "the request is empty; give at least `people:` or `mode:`"}}
	}
	return req, c.Decode(path, data, &req)
}

// CheckRequest checks a request that was built in code, such as from
// command-line flags, and says what is wrong in plain words.
func (c *Catalog) CheckRequest(req Request) error {
	known := c.vocabulary()
	var problems []string
	refs := func(at string, kinds []string, ids ...string) {
		for _, id := range ids {
			if msg, ok := known.checkRef(kinds, id, len(problems) < shownErrors); !ok {
				problems = append(problems, at+": "+msg)
			}
		}
	}
	refs("situation", []string{"situation"}, nonEmpty(req.Situation)...)
	refs("things", []string{"thing"}, req.Things...)
	refs("avoid", []string{"tag", "activity"}, req.Avoid...)
	for i, p := range req.People {
		at := personName(p, i)
		for _, w := range append(slices.Clone(p.Needs), p.Usual...) {
			refs(at+": needs", []string{"need"}, w.Need)
		}
		refs(at+": likes", []string{"tag", "activity"}, p.Likes...)
		refs(at+": avoid", []string{"tag", "activity"}, p.Never...)
	}
	for _, p := range req.problems(c) {
		problems = append(problems, p.field+": "+p.msg)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s", strings.Join(problems, "\n"))
	}
	return nil
}

// mode is the request's mode, or the one its people imply when it has none.
func (req *Request) mode() Mode {
	switch {
	case req.Mode != "":
		return req.Mode
	case len(req.People) > 1:
		return Together
	}
	return Solo
}

// modeWords say who a check-in of each mode is for.
var modeWords = map[Mode]string{Solo: "one person on their own", Together: "people together"}

func (req *Request) Check(r *Reporter) {
	for _, p := range req.problems(r.d.cat) {
		r.Errorf(p.field, "%s", p.msg)
	}
}

type problem struct{ field, msg string }

// problems are the rules that span a request's fields, and, when c is not
// nil, those between the request and the catalogue it refers to.
func (req *Request) problems(c *Catalog) []problem {
	var out []problem
	if req.Mode == Solo && len(req.People) > 1 {
		out = append(out, problem{"mode", fmt.Sprintf("solo is for one person, but %d people are named", len(req.People))})
	}
	if req.Minutes < 0 || req.Minutes > MaxMinutes {
		// The same bounds as the default_minutes setting.
		out = append(out, problem{"minutes", fmt.Sprintf("%d is out of range: use 0 (no limit) to %d", req.Minutes, MaxMinutes)})
	}
	if req.Limit < 0 {
		out = append(out, problem{"limit", "must be 0 (the default) or more"})
	}
	if len(req.People) > MaxPeople {
		out = append(out, problem{"people", fmt.Sprintf("at most %d people, not %d", MaxPeople, len(req.People))})
	}
	seen := map[string]bool{}
	for _, p := range req.People {
		key := strings.ToLower(strings.TrimSpace(p.Name))
		if key != "" && seen[key] {
			out = append(out, problem{"people", fmt.Sprintf("%s is named twice; names must differ", Quoted(p.Name))})
		}
		seen[key] = true
	}
	if c == nil {
		return out
	}
	if s := c.Situation(req.Situation); s != nil && !askedIn(s.Audience, req.mode()) {
		out = append(out, problem{"situation", fmt.Sprintf("%s (%s) is only for %s, and this request is for %s", Quoted(s.ID), s.Label, modeWords[Mode(s.Audience)], modeWords[req.mode()])})
	}
	return out
}

// KnownRef says whether id exists in any of the kinds ("need", "tag",
// "thing", "situation", "activity"), with a message naming the closest
// known id when it does not.
func (c *Catalog) KnownRef(id string, kinds ...string) error {
	if msg, ok := c.vocabulary().checkRef(kinds, id, true); !ok {
		return fmt.Errorf("%s", msg)
	}
	return nil
}

// WeightedNeed reads a need as a flag gives it, NEED or NEED=WEIGHT:
// "warmth=3" is a lot of warmth, and a need without a weight has the
// weight of one said in a check-in.
func (c *Catalog) WeightedNeed(s string) (need string, weight int, err error) {
	need, weightText, weighted := strings.Cut(strings.TrimSpace(s), "=")
	need, weight = strings.TrimSpace(need), DefaultWeight
	if weighted {
		w, err := strconv.Atoi(strings.TrimSpace(weightText))
		if err != nil || w < 1 || w > MaxWeight {
			return "", 0, fmt.Errorf("%s: the weight after = is 1 (a little), 2 (some) or 3 (a lot)", Quoted(s))
		}
		weight = w
	}
	if err := c.KnownRef(need, "need"); err != nil {
		return "", 0, err
	}
	return need, weight, nil
}

// vocabulary is what a request may refer to: the entries that are shown.
func (c *Catalog) vocabulary() vocabulary { return c.known }

func personName(p Person, i int) string {
	if p.Name != "" {
		return fmt.Sprintf("person %s", Quoted(p.Name))
	}
	return fmt.Sprintf("person #%d", i+1)
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}
