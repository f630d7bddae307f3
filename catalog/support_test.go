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

func TestARegionIsACountryOrAnywhere(t *testing.T) {
	tests := []struct {
		text, want string // want "" for refused
	}{
		{"gb", "GB"},
		{" US ", "US"},
		{"UK", "GB"},
		{"anywhere", Anywhere},
		{"Anywhere", Anywhere},
		{"XX", ""},
		{"ZZ", ""},
		{"EU", ""},
		{"GBR", ""},
		{"826", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, err := ParseRegion(tt.text)
		if got != tt.want || (err != nil) != (tt.want == "") {
			t.Errorf("ParseRegion(%q) = %q, %v; want %q", tt.text, got, err, tt.want)
		}
	}
	for locale, want := range map[string]string{"en_GB.UTF-8": "GB", "de_DE@euro": "DE", "en_XX.UTF-8": Anywhere, "C": Anywhere} {
		env := map[string]string{"LANG": locale}
		if got := RegionFromLocale(func(name string) string { return env[name] }); got != want {
			t.Errorf("locale %s: region %q, want %q", locale, got, want)
		}
	}
}
