package main

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
	"github.com/spf13/cobra"
)

func newSupportCommand(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "support",
		Short: "Show places to turn to when someone is not okay or not safe",
		Long: `Show the places to turn to when someone is not okay or not safe: emergency
numbers, lines for sexual violence and abuse, someone to talk to, and a
directory of helplines everywhere. It prints the list and nothing else: it
asks no questions and opens no screen, so it can be read at once, printed,
or kept somewhere.

The lines are those of your region (the region setting, which starts from
your locale) and those that serve every country. --region shows another.`,
		Example: `  aftercare support
  aftercare support --region GB
  aftercare support --region anywhere --json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cat, problem := a.catalog(cmd)
			if setting, ok := errors.AsType[*profile.SettingError](problem); ok && setting.FromFlag() {
				return problem
			}
			region := ""
			if problem != nil {
				// Support is always there: a mistake in the settings or in
				// the person's own catalogue files leaves them out, not the
				// built-in lines of the region asked for, or the locale's.
				cat, _ = catalog.Defaults()
				region = catalog.RegionFromLocale(os.Getenv)
				if asked, err := catalog.ParseRegion(cmd.Flag("region").Value.String()); err == nil && asked != "" {
					region = asked
				}
			}
			if a.cfg != nil {
				region = a.cfg.Region
			}
			list := cat.SupportFor("", region)
			var err error
			if asJSON {
				err = writeJSON(a.stdout, supportJSON(region, list))
			} else {
				_, err = fmt.Fprint(a.stdout, catalog.FormatSupport(region, list))
			}
			if err != nil || problem == nil {
				return err
			}
			what := "your own catalogue files"
			if a.cfg == nil {
				what = "the settings"
			}
			fmt.Fprintf(a.stderr, "aftercare: these are the built-in support lines alone: %s could not be read.\n", what)
			return problem
		},
	}
	// The flag is read with the settings (profile.Flags), so that it wins
	// over the setting and a bad value is named as the flag's.
	cmd.Flags().String("region", "", "a two-letter country code such as GB, or anywhere (default from settings: region)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of text")
	_ = cmd.RegisterFlagCompletionFunc("region", a.completeRegion)
	return cmd
}

// completeRegion completes --region with the regions the catalogue has
// support lines for, and anywhere.
func (a *app) completeRegion(cmd *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	cat, err := a.catalog(cmd)
	if err != nil {
		return nil, noFiles
	}
	regions := []string{catalog.Anywhere}
	for _, r := range cat.Resources {
		regions = append(regions, r.Regions...)
	}
	slices.Sort(regions)
	regions = slices.Compact(regions)
	return slices.DeleteFunc(regions, func(r string) bool {
		return !strings.HasPrefix(strings.ToLower(r), strings.ToLower(toComplete))
	}), noFiles
}

// supportResource is one resource in `support --json`. The shape is the
// command's own, so that it stays the same if the catalogue's type grows.
type supportResource struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	Regions []string `json:"regions"`
	How     string   `json:"how"`
	Summary string   `json:"summary,omitempty"`
	URL     string   `json:"url,omitempty"`
	Checked string   `json:"checked,omitempty"`
	Source  string   `json:"source,omitempty"`
}

type supportList struct {
	Region    string            `json:"region"`
	Resources []supportResource `json:"resources"`
}

func supportJSON(region string, list []catalog.Resource) supportList {
	out := supportList{Region: region, Resources: make([]supportResource, 0, len(list))}
	for _, r := range list {
		out.Resources = append(out.Resources, supportResource{
			ID: r.ID, Name: r.Name, Kind: r.Kind, Regions: append([]string{}, r.Regions...), How: r.How,
			Summary: r.Summary, URL: r.URL, Checked: r.Checked, Source: r.Source,
		})
	}
	return out
}
