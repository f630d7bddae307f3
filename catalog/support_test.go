package catalog

import (
	"slices"
	"strings"
	"testing"
)

// Adults of any gender are served: in GB, a line for women, one for men
// and one for LGBT+ people, each for abuse at home or from a partner.
func TestAbuseLinesInGBServeEveryone(t *testing.T) {
	c := defaultsForTest(t)
	tests := []struct {
		id, number, serves string
	}{
		{"national-domestic-abuse-helpline-gb", "0808 2000 247", "women"},
		{"mens-advice-line-gb", "0808 8010 327", "men"},
		{"galop-gb", "0800 999 5428", "trans"},
	}
	shown := c.SupportFor(SupportUnsafe, "GB")
	for _, tt := range tests {
		i := slices.IndexFunc(shown, func(r Resource) bool { return r.ID == tt.id })
		if i < 0 {
			t.Errorf("%s is not shown to someone in GB who is not safe", tt.id)
			continue
		}
		r := shown[i]
		if r.Kind != "abuse" || !slices.Equal(r.Regions, []string{"GB"}) || !strings.Contains(r.How, tt.number) || !strings.Contains(r.Summary, tt.serves) {
			t.Errorf("%s = %+v, want an abuse line in GB on %s, for %s", tt.id, r, tt.number, tt.serves)
		}
	}
}
