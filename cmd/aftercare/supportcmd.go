package main

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/spf13/cobra"
)

// supportWidth is where the support list wraps, as the other text output
// does: comfortable in any terminal.
const supportWidth = 76

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
			cat, err := a.catalog(cmd)
			if err != nil {
				return err
			}
			region := a.cfg.Region
			list := cat.SupportFor("", region)
			if asJSON {
				return writeJSON(a.stdout, supportJSON(region, list))
			}
			_, err = fmt.Fprint(a.stdout, formatSupport(region, list))
			return err
		},
	}
	// The flag is read with the settings (profile.Flags), so that it wins
	// over the setting and a bad value is named as the flag's.
	cmd.Flags().String("region", "", "a two-letter country code such as GB, or anywhere (default from settings: region)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of text")
	return cmd
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

// formatSupport writes the list under a heading for each kind, each
// resource as its name, how to reach it and its address. It says what to
// do in the words of the catalogue and never asks for a command.
func formatSupport(region string, list []catalog.Resource) string {
	var b strings.Builder
	if region == catalog.Anywhere {
		b.WriteString("Support, wherever you are:\n")
	} else {
		fmt.Fprintf(&b, "Support for %s:\n", region)
		local := slices.ContainsFunc(list, func(r catalog.Resource) bool { return slices.Contains(r.Regions, region) })
		if !local {
			b.WriteString(wrapText(fmt.Sprintf("The catalogue has no lines just for %s yet; these serve every country.", region), "", supportWidth) + "\n")
		}
	}
	for i, r := range list {
		if i == 0 || r.Kind != list[i-1].Kind {
			fmt.Fprintf(&b, "\n%s\n", catalog.KindLabel(r.Kind))
		}
		b.WriteString(wrapText(r.Name, "  ", supportWidth) + "\n")
		b.WriteString(wrapText(r.How, "    ", supportWidth) + "\n")
		if r.URL != "" {
			b.WriteString("    " + r.URL + "\n")
		}
	}
	return b.String()
}

// wrapText breaks text into lines of at most width characters, each
// starting with indent; a word longer than a line stays whole.
func wrapText(text, indent string, width int) string {
	var lines []string
	line := indent
	for _, word := range strings.Fields(text) {
		if len(line) > len(indent) && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width {
			lines = append(lines, line)
			line = indent
		}
		if len(line) > len(indent) {
			line += " "
		}
		line += word
	}
	return strings.Join(append(lines, line), "\n")
}
