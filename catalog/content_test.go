package catalog

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// These tests hold the built-in catalogue to the brief: every practice from
// the source articles, every need used, questions that can always be
// answered with enter, and words that are kind and gender-neutral.

func defaultsForTest(t *testing.T) *Catalog {
	t.Helper()
	c, err := Defaults()
	if err != nil {
		t.Fatalf("the built-in catalogue does not load:\n%v", err)
	}
	return c
}

func TestDefaultsCoverEveryPracticeInTheBrief(t *testing.T) {
	c := defaultsForTest(t)
	practices := map[string][]string{
		"cuddling, snuggling":                  {"cuddle"},
		"spooning":                             {"spoon"},
		"extended physical contact":            {"hold-close"},
		"showering or bathing together":        {"shower-together", "bath-together", "run-them-a-bath"},
		"washing, brushing, stroking hair":     {"wash-hair", "brush-hair", "stroke-hair"},
		"massage, back rubs":                   {"massage", "back-rub"},
		"lingering kisses":                     {"lingering-kisses"},
		"pillow talk":                          {"pillow-talk"},
		"talking about the experience":         {"talk-it-over"},
		"talking about anything else":          {"talk-about-your-day"},
		"reading aloud":                        {"read-aloud"},
		"watching what the partner chooses":    {"watch-their-pick"},
		"reassuring words, appreciation":       {"reassuring-words", "specific-appreciation"},
		"honest talk about feelings":           {"honest-feelings"},
		"comfort food, water, tea, snack":      {"comfort-food", "glass-of-water", "make-tea", "light-snack"},
		"singing":                              {"sing-softly"},
		"a walk":                               {"walk-together"},
		"meditation, deep breathing":           {"meditate", "breathe-together"},
		"tending bruises and sore spots":       {"tend-bruises"},
		"a quick body scan":                    {"body-scan"},
		"napping together":                     {"nap-together"},
		"a blanket, a weighted blanket":        {"blanket-wrap", "weighted-blanket"},
		"a calming playlist":                   {"calming-playlist"},
		"private nicknames and songs":          {"our-song", "pet-names"},
		"lying quietly together":               {"lie-quietly"},
		"eye contact":                          {"eye-contact"},
		"a moment before parting":              {"moment-before-parting"},
		"hygiene":                              {"freshen-up"},
		"solo: bath, journal, breathing, rest": {"solo-bath", "journal", "slow-breathing", "rest-alone", "decompress-alone"},
		"bridges for needs that pull apart":    {"hug-then-space", "sit-nearby", "message-later"},
	}
	for practice, ids := range practices {
		for _, id := range ids {
			if c.Activity(id) == nil {
				t.Errorf("%s: no activity %q", practice, id)
			}
		}
	}
	if len(c.Activities) < 60 {
		t.Errorf("%d activities, want at least 60", len(c.Activities))
	}
}

func TestDefaultsUseEveryNeedTagAndSituation(t *testing.T) {
	c := defaultsForTest(t)
	for _, id := range []string{"closeness", "touch", "space", "quiet", "talk", "reassurance", "appreciation", "comfort",
		"warmth", "rest", "hydration", "food", "cleanliness", "body-care", "calm", "lightness", "reflection"} {
		if c.Need(id) == nil {
			t.Errorf("need %q is missing", id)
		}
	}
	for _, id := range []string{"touch", "kissing", "water", "food", "talking", "music", "outside", "eye-contact"} {
		if c.Tag(id) == nil {
			t.Errorf("tag %q is missing", id)
		}
	}
	for _, id := range []string{"tender", "rough", "scene", "something-new", "new-partner", "casual", "power-exchange", "solo"} {
		if s := c.Situation(id); s == nil || len(s.Raises) == 0 {
			t.Errorf("situation %q is missing or raises no needs", id)
		}
	}
	needUse, tagUse, situationUse := map[string]int{}, map[string]int{}, map[string]int{}
	for _, a := range c.Activities {
		for _, w := range a.Needs {
			needUse[w.Need]++
		}
		for _, tag := range a.Tags {
			tagUse[tag]++
		}
		for _, s := range a.Situations {
			situationUse[s]++
		}
	}
	for _, n := range c.Needs {
		if needUse[n.ID] < 2 {
			t.Errorf("need %q is met by %d activities, want at least 2", n.ID, needUse[n.ID])
		}
	}
	for _, tag := range c.Tags {
		if tagUse[tag.ID] == 0 {
			t.Errorf("tag %q is on no activity, so a never-list of it means nothing", tag.ID)
		}
	}
	for _, s := range c.Situations {
		if situationUse[s.ID] < 3 {
			t.Errorf("situation %q suits %d activities, want at least 3", s.ID, situationUse[s.ID])
		}
	}
}

func TestDefaultsHaveEnoughForOnePerson(t *testing.T) {
	c := defaultsForTest(t)
	alone := 0
	for _, a := range c.Activities {
		if a.Mode != Together {
			alone++
		}
	}
	if alone < 15 {
		t.Errorf("%d activities can be done alone, want at least 15", alone)
	}
}

func TestDefaultBridgesMeetBothSides(t *testing.T) {
	c := defaultsForTest(t)
	bridges := 0
	for _, a := range c.Activities {
		if !a.Bridge {
			continue
		}
		bridges++
		both := false
		for _, w := range a.Needs {
			for _, o := range c.Opposed(w.Need) {
				if a.Needs.Of(o) > 0 {
					both = true
				}
			}
		}
		if !both {
			t.Errorf("bridge %q meets no two needs that pull apart: %v", a.ID, a.Needs)
		}
		// A bridge may hold someone close for a moment (a hug), which the
		// guard leaves out with all full contact; it is never done alone.
		if a.Mode == Solo {
			t.Errorf("bridge %q is done alone; a bridge is a small shared gesture", a.ID)
		}
	}
	if bridges < 5 {
		t.Errorf("%d bridges, want at least 5", bridges)
	}
}

func TestDefaultQuestionsCanAlwaysBeAnsweredWithEnter(t *testing.T) {
	c := defaultsForTest(t)
	required := map[string]string{
		"okay": "after", "safe": "after", "feeling": "after", "need-now": "after", "avoid-now": "after",
		"close-or-space": "after", "talk-or-quiet": "after", "partner-can-do": "after", "boundary": "after",
		"reflect-good": "after", "reflect-not-good": "after", "reflect-differently": "after",
		"plan-feels-good": "before", "plan-close-or-space": "before", "plan-avoid": "before", "plan-helps": "before",
		"followup-now": "followup", "followup-low": "followup", "followup-need": "followup",
	}
	for id, phase := range required {
		if q := c.Question(id); q == nil || q.Phase != phase {
			t.Errorf("question %q is missing or not in phase %s", id, phase)
		}
	}
	for _, q := range c.Questions {
		if (q.Kind == Single || q.Kind == Multi) && q.Default.Choices == nil {
			t.Errorf("question %q has no default", q.ID)
		}
	}
	for id, support := range map[string]string{"okay": SupportLow, "safe": SupportUnsafe, "boundary": SupportUnsafe, "followup-low": SupportLow} {
		q := c.Question(id)
		if q == nil || !slices.ContainsFunc(q.Options, func(o Option) bool { return o.Support == support }) {
			t.Errorf("question %q has no answer that brings up %s support", id, support)
		}
		if q != nil && (!q.startsOnSkip() || q.Given(q.Default)) {
			t.Errorf("question %q does not start on an answer that says nothing", id)
		}
	}
	if q := c.Question("safe"); q == nil || !q.Private {
		t.Error("the safety question is not private by default")
	}
	space := c.Question("close-or-space")
	if space == nil || !slices.ContainsFunc(space.Options, func(o Option) bool { return o.Needs.Of("space") > 0 }) {
		t.Error("no answer to close-or-space implies the need for space")
	}
	avoid := c.Question("avoid-now")
	if avoid == nil || !slices.ContainsFunc(avoid.Options, func(o Option) bool { return slices.Contains(o.Avoid, "touch") }) {
		t.Error("no answer to avoid-now puts touch on the never-list")
	}
}

var firstPerson = regexp.MustCompile(`\b(I|I'm|I'd|me|my|myself)\b`)

func TestSoloWordingAddressesOneself(t *testing.T) {
	c := defaultsForTest(t)
	for _, q := range c.Questions {
		wording := q.SoloPrompt
		if q.Audience == "solo" {
			wording = q.Prompt
		}
		if wording != "" && !firstPerson.MatchString(wording) {
			t.Errorf("question %q: %q is not addressed to oneself", q.ID, wording)
		}
	}
}

var gendered = regexp.MustCompile(`(?i)\b(he|she|him|his|hers|girl|boy|man|woman|husband|wife|boyfriend|girlfriend)\b`)

func TestDefaultWordingIsGenderNeutral(t *testing.T) {
	c := defaultsForTest(t)
	var texts []string
	for _, a := range c.Activities {
		texts = append(texts, a.Title, a.Summary)
		texts = append(texts, a.Steps...)
	}
	for _, q := range c.Questions {
		texts = append(texts, q.Prompt, q.SoloPrompt, q.Help, q.Placeholder)
		for _, o := range q.Options {
			texts = append(texts, o.Label)
		}
	}
	for _, text := range texts {
		if m := gendered.FindString(text); m != "" {
			t.Errorf("%q says %q", text, m)
		}
	}
}

func TestDefaultResourcesIncludeHelpInDanger(t *testing.T) {
	c := defaultsForTest(t)
	rainn := c.Resource("rainn")
	if rainn == nil || !slices.Equal(rainn.Regions, []string{"US"}) || !strings.Contains(rainn.How, "800-656-4673") {
		t.Errorf("RAINN = %+v", rainn)
	}
	if e := c.Resource("emergency"); e == nil || !strings.Contains(strings.ToLower(e.How), "emergency number") {
		t.Errorf("emergency = %+v", e)
	}
}

// digits finds a phone number, or the digits of a short code, in words.
var digits = regexp.MustCompile(`\d{3}`)

func TestEveryRegionHasItsEmergencyNumberAndADirectory(t *testing.T) {
	c := defaultsForTest(t)
	for _, region := range []string{"US", "CA", "GB", "IE", "AU", "NZ", "DE", "FR", "NL", "IN"} {
		for _, said := range []string{SupportLow, SupportUnsafe} {
			kinds := map[string]bool{}
			for _, r := range c.SupportFor(said, region) {
				kinds[r.Kind] = true
				if r.Kind == "emergency" && !slices.Contains(r.Regions, region) {
					t.Errorf("%s: the general emergency entry shows beside the region's own", region)
				}
			}
			if !kinds["emergency"] || !kinds["directory"] {
				t.Errorf("%s, %s: no emergency number or no directory: %v", region, said, kinds)
			}
			if said == SupportUnsafe && !slices.ContainsFunc(c.SupportFor(said, region), func(r Resource) bool {
				return (r.Kind == "assault" || r.Kind == "abuse") && slices.Contains(r.Regions, region)
			}) {
				t.Errorf("%s: no line of the region's own for sexual violence or abuse", region)
			}
			if said == SupportLow && !slices.ContainsFunc(c.SupportFor(said, region), func(r Resource) bool {
				return r.Kind == "listening" && slices.Contains(r.Regions, region)
			}) {
				t.Errorf("%s: no listening line of the region's own", region)
			}
		}
	}
}

func TestEveryNumberSaysWhereAndWhenItWasChecked(t *testing.T) {
	for _, r := range defaultsForTest(t).Resources {
		if !digits.MatchString(r.How) && r.URL == "" {
			continue
		}
		if r.Checked == "" || !strings.HasPrefix(r.Source, "http") {
			t.Errorf("resource %q: a number or address with no date checked or no source page", r.ID)
		}
		if strings.Contains(r.How+r.Summary, "aftercare ") || strings.Contains(r.How+r.Summary, "`") {
			t.Errorf("resource %q asks someone to run a command", r.ID)
		}
	}
}

func TestSupportFitsWhatWasSaid(t *testing.T) {
	c := defaultsForTest(t)
	kinds := func(rs []Resource) []string {
		var out []string
		for _, r := range rs {
			if len(out) == 0 || out[len(out)-1] != r.Kind {
				out = append(out, r.Kind)
			}
		}
		return out
	}
	tests := []struct {
		said, region string
		first        []string
		never        string
	}{
		{SupportUnsafe, "GB", []string{"emergency", "assault", "abuse"}, ""},
		{SupportUnsafe, "US", []string{"emergency", "assault", "abuse"}, ""},
		{SupportLow, "GB", []string{"listening"}, "assault"},
		{SupportLow, "US", []string{"listening"}, "assault"},
		{SupportLow, Anywhere, []string{"personal"}, "assault"},
	}
	for _, tt := range tests {
		got := kinds(c.SupportFor(tt.said, tt.region))
		if len(got) < len(tt.first) || !slices.Equal(got[:len(tt.first)], tt.first) {
			t.Errorf("%s in %s: kinds %v, want them to start %v", tt.said, tt.region, got, tt.first)
		}
		if tt.never != "" && slices.Contains(got, tt.never) {
			t.Errorf("%s in %s: shows %s lines", tt.said, tt.region, tt.never)
		}
	}
}

func TestTheDefaultsKnowWhatAsksNothingAndWhoGivesIt(t *testing.T) {
	c := defaultsForTest(t)
	for _, id := range []string{"sit-nearby", "tea-then-room", "glass-of-water", "blanket-wrap"} {
		if a := c.Activity(id); a == nil || !a.AsksNothing {
			t.Errorf("%s is not offered to someone who asked for space", id)
		}
	}
	tests := []struct {
		id      string
		forThem bool
	}{
		{"tea-then-room", true},
		{"run-them-a-bath", true},
		{"stay-without-asking", true},
		{"leave-a-note", true},
		{"message-later", true},
		{"sit-nearby", false},
		{"side-by-side", false},
		{"glass-of-water", false},
	}
	for _, tt := range tests {
		if a := c.Activity(tt.id); a == nil || a.ForThem != tt.forThem {
			t.Errorf("%s: for_them should be %v", tt.id, tt.forThem)
		}
	}
	for _, id := range []string{"kissing", "celebrating"} {
		if tag := c.Tag(id); tag == nil || !tag.Guard {
			t.Errorf("tag %s is not left out when the check-in turns quiet", id)
		}
	}
}

func TestPromptsForGroupsNeverSayYourPartner(t *testing.T) {
	for _, q := range defaultsForTest(t).Questions {
		if q.Audience != "solo" && strings.Contains(q.PromptFor(3)+q.Help, "partner") {
			t.Errorf("question %q says %q to a group of three", q.ID, q.PromptFor(3))
		}
	}
}

// activityTexts are the words of an activity that someone reads: its
// title, summary and steps, one string each.
func activityTexts(a Activity) []string {
	return append([]string{a.Title, a.Summary}, a.Steps...)
}

// alcohol finds words that name alcohol, or a bare "a drink", which reads
// as alcohol (and, before someone drives home, as something worse).
var alcohol = regexp.MustCompile(`(?i)\b(wine|beer|alcohol\w*|booze|boozy|cocktails?|champagne|prosecco|spirits|liquor|whisk(e)?y|vodka|gin|rum|tipsy|nightcap|a drink|drinks)\b`)

// softDrink is what a drink may be, said in the same sentence.
var softDrink = regexp.MustCompile(`(?i)\b(water|tea|warm|hot chocolate|cocoa|juice|non-alcoholic)\b`)

// suggestsAlcohol is the words of text that could read as alcohol, or "".
func suggestsAlcohol(text string) string {
	if m := alcohol.FindString(text); m != "" {
		return m
	}
	if regexp.MustCompile(`(?i)\bdrink\b`).MatchString(text) && !softDrink.MatchString(text) {
		return "drink"
	}
	return ""
}

func TestSuggestsAlcoholCatchesWhatReadsAsAlcohol(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Let them get dressed, have a drink and go when they are ready.", true},
		{"Bring a towel and a drink.", true},
		{"Pour a glass of wine.", true},
		{"Share a beer on the sofa.", true},
		{"Pour yourself something to drink.", true},
		{"Make a warm drink", false},
		{"Let them get dressed, have some water or tea, and go.", false},
		{"Drink some water first.", false},
		{"Make yourself tea or another warm drink.", false},
	}
	for _, tt := range tests {
		if got := suggestsAlcohol(tt.text) != ""; got != tt.want {
			t.Errorf("suggestsAlcohol(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestNoActivitySuggestsAlcohol(t *testing.T) {
	for _, a := range defaultsForTest(t).Activities {
		for _, text := range activityTexts(a) {
			if m := suggestsAlcohol(text); m != "" {
				t.Errorf("activity %q: %q says %q; offer water, tea or something warm", a.ID, text, m)
			}
		}
	}
}

// The safety line every bath and shower carries: someone light-headed or
// spacey after intense play can faint in hot water or on standing up.
var waterSafety = []string{"water first", "warm, not hot", "broken skin", "slowly"}

// bathOrShower says whether an activity puts someone in a bath or a shower.
func bathOrShower(a Activity) bool {
	return slices.Contains(a.Things, "bath") || slices.Contains(a.Things, "shower") ||
		regexp.MustCompile(`(?i)\b(bath|baths|shower|showers)\b`).MatchString(a.Title+" "+a.Summary)
}

func TestBathAndShowerActivitiesCarryTheirSafetyLine(t *testing.T) {
	c := defaultsForTest(t)
	for _, id := range []string{"shower-together", "bath-together", "run-them-a-bath", "solo-bath", "solo-shower", "wash-hair"} {
		if a := c.Activity(id); a == nil || !bathOrShower(*a) {
			t.Errorf("%s is not found as a bath or shower, so its safety line goes unchecked", id)
		}
	}
	for _, a := range c.Activities {
		if !bathOrShower(a) {
			continue
		}
		text := strings.Join(activityTexts(a), " ")
		for _, phrase := range waterSafety {
			if !strings.Contains(text, phrase) {
				t.Errorf("bath or shower %q does not say %q", a.ID, phrase)
			}
		}
	}
	// Someone left to soak on their own is not left out of earshot.
	if a := c.Activity("run-them-a-bath"); a == nil || !strings.Contains(strings.Join(activityTexts(*a), " "), "earshot") {
		t.Error("run-them-a-bath does not say to stay within earshot")
	}
}

func TestTendingMarksSaysWhenToGetHelp(t *testing.T) {
	a := defaultsForTest(t).Activity("tend-bruises")
	if a == nil {
		t.Fatal("no tend-bruises")
	}
	text := strings.ToLower(strings.Join(activityTexts(*a), " "))
	for _, phrase := range []string{"numbness or tingling", "rope", "bleeding", "pain that grows", "medical help"} {
		if !strings.Contains(text, phrase) {
			t.Errorf("tend-bruises does not say %q", phrase)
		}
	}
}

func TestUnsafeSupportSaysWashingCanWait(t *testing.T) {
	c := defaultsForTest(t)
	says := func(rs []Resource) bool {
		return slices.ContainsFunc(rs, func(r Resource) bool { return strings.Contains(r.How, "before washing") })
	}
	for _, region := range []string{Anywhere, "US", "GB", "DE", "IN"} {
		if !says(c.SupportFor(SupportUnsafe, region)) {
			t.Errorf("%s: after a crossed line or an unsafe feeling, nothing says washing can wait", region)
		}
		if says(c.SupportFor(SupportLow, region)) {
			t.Errorf("%s: someone who only feels low is told about washing", region)
		}
	}
}

func TestTogetherQuestionsNeverSayYourPartnerToAGroup(t *testing.T) {
	for _, q := range defaultsForTest(t).Questions {
		if q.Audience == "solo" {
			continue
		}
		texts := []string{q.PromptFor(3), q.Help, q.Placeholder}
		for _, o := range q.Options {
			texts = append(texts, o.Label)
		}
		for _, text := range texts {
			if regexp.MustCompile(`(?i)\byour partner`).MatchString(text) {
				t.Errorf("question %q: %q says \"your partner\" where three or more can see it", q.ID, text)
			}
		}
	}
}

func TestNoActivitySaysYourPartner(t *testing.T) {
	for _, a := range defaultsForTest(t).Activities {
		for _, text := range activityTexts(a) {
			if regexp.MustCompile(`(?i)\byour partner`).MatchString(text) {
				t.Errorf("activity %q: %q says \"your partner\", which is wrong for three people, or someone who is not a partner", a.ID, text)
			}
		}
	}
}

// leavesPeopleOut are words that assume one kind of couple, one kind of
// dynamic, one kind of hair, or that put care on the one being cared for.
var leavesPeopleOut = []string{
	"nicknames nobody else",
	"belongs to you together",
	"not going anywhere",
	"feel equal",
	"game is over",
	"groomed",
	"rinse the evening",
	"at any age",
	"loosen it whenever they ask",
	"tell me it was good",
	"warmer than you think",
	"leave them to it",
	"as warm as feels good",
}

func TestNoWordsThatLeavePeopleOut(t *testing.T) {
	texts := catalogueTexts(defaultsForTest(t))
	for _, text := range texts {
		for _, phrase := range leavesPeopleOut {
			if strings.Contains(strings.ToLower(text), phrase) {
				t.Errorf("%q says %q", text, phrase)
			}
		}
	}
}

func TestHairCareMakesRoomForEveryKindOfHair(t *testing.T) {
	c := defaultsForTest(t)
	for _, a := range c.Activities {
		if !slices.Contains(a.Tags, "hair") {
			continue
		}
		text := strings.ToLower(strings.Join(activityTexts(a), " "))
		if !regexp.MustCompile(`\b(braids|locs|protective|wig)`).MatchString(text) {
			t.Errorf("hair activity %q assumes loose hair: it names no braids, locs, protective styles or wigs", a.ID)
		}
		if !strings.Contains(text, "ask") {
			t.Errorf("hair activity %q does not ask how their hair likes to be touched", a.ID)
		}
	}
}

// TestDefaultsCoverEveryoneTheCatalogueServes maps each kind of person and
// moment the catalogue was found to leave out to what now serves them, so
// that a reader sees where each one went.
func TestDefaultsCoverEveryoneTheCatalogueServes(t *testing.T) {
	c := defaultsForTest(t)
	gaps := map[string][]string{
		"drop, hours or days later":                   {"drop-care", "name-the-drop", "drop-kit"},
		"drop in the one who led":                     {"top-drop", "care-for-the-top"},
		"guilt in the one who led":                    {"after-leading"},
		"reassuring the one who led":                  {"reassure-the-one-who-led"},
		"repair and apology":                          {"say-sorry", "repair-later"},
		"grounding someone who is far away":           {"ground-together", "ground-yourself"},
		"when someone is crying":                      {"when-they-cry"},
		"reading what is not said":                    {"notice-quiet-signs"},
		"chronic pain and disability":                 {"easy-position", "heat-pack", "within-reach", "lying-down-care"},
		"trans bodies":                                {"back-in-your-own-things", "ask-about-words-and-touch", "cover-up"},
		"sensory and neurodivergent needs":            {"headphones-on", "quiet-corner", "eye-mask-rest", "fidget-and-settle", "scent-free", "dim-the-lights"},
		"care from someone who was not there":         {"welcome-them-home", "care-without-details", "cosy-not-sexual"},
		"play parties and groups":                     {"check-on-each-player", "party-water-and-seat", "journey-home"},
		"casual partners parting kindly":              {"part-kindly", "see-them-off", "moment-before-parting"},
		"raising aftercare with someone new":          {"ask-what-helps"},
		"keeping it brief if you get attached":        {"brief-and-kind"},
		"apart: by phone, video or message":           {"stay-on-the-line", "video-wind-down", "voice-note", "breathe-by-call", "read-by-call", "watch-together-apart", "good-morning-message"},
		"after sexting or phone sex":                  {"after-sexting", "after-the-call"},
		"after someone has gone home":                 {"home-safe-message"},
		"low energy":                                  {"lying-down-care", "easy-position"},
		"little energy, lots of care, alone":          {"rest-alone", "doze-off"},
		"a shower or bath that cannot make you faint": {"run-them-a-bath", "solo-bath"},
	}
	for gap, ids := range gaps {
		for _, id := range ids {
			if c.Activity(id) == nil {
				t.Errorf("%s: no activity %q", gap, id)
			}
		}
	}
	questions := map[string][]string{
		"feelings: anxious, irritable, ashamed, energised, drained, floaty, numb": {"feeling:anxious", "feeling:irritable", "feeling:ashamed", "feeling:energised", "feeling:drained", "feeling:floaty", "feeling:numb"},
		"energy, asked and optional":                               {"energy:rather-not-say", "energy:low", "energy:some", "energy:plenty"},
		"sensory needs, nudity and anything sexual, avoidable now": {"avoid-now:light", "avoid-now:noise", "avoid-now:scent", "avoid-now:praise", "avoid-now:nudity", "avoid-now:sexual"},
		"drop, named gently the next day":                          {"followup-drop:flat", "followup-drop:guilty"},
		"before: limits, triggers, a safeword or signal":           {"plan-limits"},
		"before: energy, pain and mobility":                        {"plan-body:low-energy", "plan-body:pain", "plan-body:within-reach"},
		"before: brief is fine":                                    {"plan-close-or-space:brief"},
	}
	for gap, refs := range questions {
		for _, ref := range refs {
			qid, oid, _ := strings.Cut(ref, ":")
			q := c.Question(qid)
			if q == nil || oid != "" && q.Option(oid) == nil {
				t.Errorf("%s: no question or option %q", gap, ref)
			}
		}
	}
	for _, id := range []string{"hard", "apart", "party", "not-there"} {
		if c.Situation(id) == nil {
			t.Errorf("no situation %q", id)
		}
	}
	if n := len(c.Activities); n < 160 {
		t.Errorf("%d activities, want at least 160", n)
	}
}

// wentWrongWords find an activity that takes for granted that something
// went wrong. It belongs only where someone said so openly: a check-in
// that turned quiet on a private answer would otherwise say why.
var wentWrongWords = regexp.MustCompile(`(?i)\b(went wrong|gone wrong|goes wrong|hurt (them|you|someone)|sorry|apologi[sz]\w*|at fault|forgiv\w*|mishap|happen again)\b`)

func TestWhatTakesForGrantedThatSomethingWentWrongIsGated(t *testing.T) {
	c := defaultsForTest(t)
	found := 0
	for _, a := range c.Activities {
		m := wentWrongWords.FindString(strings.Join(activityTexts(a), " "))
		if m == "" {
			continue
		}
		found++
		if len(a.OnlyIn) == 0 || slices.ContainsFunc(a.OnlyIn, func(s string) bool { return s != "hard" }) {
			t.Errorf("%s says %q but is offered where nobody said it went wrong (only_in %v): give it only_in: [hard], or other words", a.ID, m, a.OnlyIn)
		}
	}
	if found == 0 {
		t.Error("no activity is about something that went wrong; the test finds too little to mean anything")
	}
}

// A check-in turns quiet on a private answer, so nothing it then offers
// may hint at why, whatever kind of time was said and whoever asked for
// space.
func TestAQuietCheckinNeverSaysWhy(t *testing.T) {
	c := defaultsForTest(t)
	space := needsOf(t, c, "close-or-space", "space")
	close := needsOf(t, c, "need-now", "held", "talk")
	for _, s := range append([]Situation{{}}, c.SituationsFor(Together)...) {
		if s.ID == "hard" {
			continue
		}
		for _, people := range [][]Person{
			{{Name: "Sam"}, {Name: "Alex"}},
			{{Name: "Sam", Needs: space}, {Name: "Alex"}},
			{{Name: "Sam", Needs: space}, {Name: "Alex", Needs: close}},
		} {
			for _, privateSpace := range []bool{false, true} {
				req := Request{Mode: Together, Situation: s.ID, People: people, Guard: true, Space: privateSpace, Limit: len(c.Activities)}
				for _, sg := range everyOffer(c.Suggest(req)) {
					text := strings.Join(append([]string{sg.Title, sg.Summary}, sg.Reasons...), " ")
					if m := wentWrongWords.FindString(text); m != "" {
						t.Errorf("situation %q, space %v: %s says %q", s.ID, privateSpace, sg.ID, m)
					}
				}
			}
		}
	}
}

// kinkWords find an activity about scenes, roles or leading, which belongs
// only where such play happened.
var kinkWords = regexp.MustCompile(`(?i)\b(scenes?|subs?|doms?|dominant|submissive|kinky?|topped|bottomed|sub drop|top drop|drop is|tops drop|(one|whoever) who led|whoever (led|followed|gave|received)|(you|they) led|leading|intense play|after play|drop after|did well|proud of (them|you)|marks)\b`)

// Questions are asked whatever kind of time it was, so none of them
// speaks of scenes, roles or leading.
func TestNoQuestionAssumesKink(t *testing.T) {
	c := defaultsForTest(t)
	for _, q := range c.Questions {
		texts := []string{q.Prompt, q.SoloPrompt, q.GroupPrompt, q.Help, q.Low, q.High, q.Placeholder}
		for _, o := range q.Options {
			texts = append(texts, o.Label)
		}
		if m := kinkWords.FindString(strings.Join(texts, " ")); m != "" {
			t.Errorf("question %s says %q, though it is asked after any kind of time", q.ID, m)
		}
	}
}

func TestEveryKinkActivityIsGated(t *testing.T) {
	c := defaultsForTest(t)
	found := 0
	for _, a := range c.Activities {
		text := strings.Join(activityTexts(a), " ")
		if m := kinkWords.FindString(text); m != "" {
			found++
			if len(a.OnlyIn) == 0 {
				t.Errorf("%s says %q but is offered whatever kind of time it was: give it only_in", a.ID, m)
			}
		}
	}
	if found < 5 {
		t.Errorf("only %d activities are about scenes or roles; the test finds too little to mean anything", found)
	}
}

func TestThereIsEnoughToDoTogetherApart(t *testing.T) {
	apart := 0
	for _, a := range defaultsForTest(t).Activities {
		if a.Apart && a.Mode != Solo {
			apart++
		}
	}
	if apart < 8 {
		t.Errorf("%d things to do together apart, want at least 8", apart)
	}
}

func TestAnAnswerThatBringsUpUnsafeSupportPutsNoWaterInFrontOfThem(t *testing.T) {
	for _, q := range defaultsForTest(t).Questions {
		for _, o := range q.Options {
			if o.Support == SupportUnsafe && !slices.Contains(o.Avoid, "water") {
				t.Errorf("%s: %q brings up the note that washing can wait, yet a shower may be suggested", q.ID, o.Label)
			}
		}
	}
}

func TestEverySensoryTagCanBeAvoidedInTheCheckin(t *testing.T) {
	q := defaultsForTest(t).Question("avoid-now")
	var avoidable []string
	for _, o := range q.Options {
		avoidable = append(avoidable, o.Avoid...)
	}
	for _, tag := range []string{"light", "noise", "scent", "praise", "nicknames", "nudity", "sexual", "touch"} {
		if !slices.Contains(avoidable, tag) {
			t.Errorf("%q cannot be avoided from the check-in", tag)
		}
	}
}

// A multiple choice cuts an answer short rather than wrap it: at 40
// columns, about 32 characters fit beside the tick box.
func TestMultipleChoiceAnswersFitASmallScreen(t *testing.T) {
	for _, q := range defaultsForTest(t).Questions {
		if q.Kind != Multi {
			continue
		}
		for _, o := range q.Options {
			if n := len([]rune(o.Label)); n > 32 {
				t.Errorf("%s: %q is %d characters, and is cut short on a small screen", q.ID, o.Label, n)
			}
		}
	}
}
