package tui

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// newRate asks the person whose follow-up turn it is how each thing they
// chose to do went, one at a time. "We didn't get to it" is the default, so
// pressing enter never claims something helped. What they say shapes what
// is suggested to them next time.
func newRate(c *ctx, ck *checkin, t *turn) screen {
	values := make([]string, len(ck.of.Chosen))
	var fields []step
	for i, id := range ck.of.Chosen {
		title := id
		if a := c.cat.Activity(id); a != nil {
			title = a.Title
		}
		fields = append(fields, oneOf(huh.NewSelect[string]().
			Title("How did “"+title+"” go for you?").
			Description("From the check-in of "+ck.of.Started.Local().Format("Monday 2 January")+"."),
			&values[i],
			huh.NewOption("We didn't get to it", ""),
			huh.NewOption("It helped", catalog.Helped),
			huh.NewOption("Neither here nor there", catalog.Neutral),
			huh.NewOption("It didn't help", catalog.DidntHelp)))
	}
	header := ck.header(t, "how it went")
	return steps(header, true, fields,
		func(c *ctx) screen { return newQuestion(c, ck, t, len(t.questions)-1) },
		func(c *ctx) (screen, tea.Cmd) {
			var ratings []profile.Rating
			for i, v := range values {
				if v != "" {
					ratings = append(ratings, profile.Rating{Person: t.who.name, Activity: ck.of.Chosen[i], Rating: v})
				}
			}
			ck.rated[t.who.name] = ratings
			return newShare(c, ck, t), nil
		})
}
