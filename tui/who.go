package tui

import (
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/flow"
)

// newWho asks who is here before a check-in or plan, then begins it.
func newWho(c *ctx, mode catalog.Mode, plan bool) screen { return show(c, flow.Who(c, mode, plan)) }
