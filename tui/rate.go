package tui

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// newRate asks the person whose follow-up turn it is how each thing they
// chose to do went, one at a time. "We didn't get to it" is the default, so
// pressing enter never claims something helped. What they say is theirs
// until they choose, with their other answers, whether to share it; only
// then does it shape what is suggested next time.
func newRate(c *ctx, ck *checkin, t *turn) screen {
	values := make([]string, len(ck.of.Chosen))
	var fields []step
	for i, id := range ck.of.Chosen {
		opts := []huh.Option[string]{huh.NewOption("We didn't get to it", "")}
		for _, r := range ratingChoices {
			opts = append(opts, huh.NewOption(r.choice, r.value))
		}
		fields = append(fields, oneOf(huh.NewSelect[string]().
			Title("How did “"+activityTitle(c, id)+"” go for you?").
			Description("From the check-in of "+ck.of.Started.Local().Format("Monday 2 January")+"."),
			&values[i], opts...))
	}
	header := ck.header(t, "how it went")
	return steps(header, true, fields,
		func(c *ctx) screen { return newQuestion(c, ck, t, len(t.questions)-1) },
		func(c *ctx) (screen, tea.Cmd) {
			t.rated = nil
			for i, v := range values {
				if v != "" {
					t.rated = append(t.rated, profile.Rating{Person: t.who.name, Activity: ck.of.Chosen[i], Rating: v})
				}
			}
			return newShare(c, ck, t), nil
		})
}

// ratingChoices are the ratings as offered.
var ratingChoices = []struct{ choice, value string }{
	{"It helped", catalog.Helped},
	{"Neither here nor there", catalog.Neutral},
	{"It didn't help", catalog.DidntHelp},
}

// ratingSaid is a rating in words, as history says it: "Cuddle up: it
// didn't help".
func ratingSaid(c *ctx, r profile.Rating) string {
	return activityTitle(c, r.Activity) + ": " + profile.RatingWords(r.Rating)
}

// activityTitle names an activity by its title, or by its id when the
// catalogue no longer has it.
func activityTitle(c *ctx, id string) string {
	if a := c.cat.Activity(id); a != nil {
		return a.Title
	}
	return id
}
