package main

import (
	"encoding/json"
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/aftercare-tui/aftercare/profile"
	"github.com/spf13/cobra"
)

func newConfigCommand(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Show the settings in effect and where each came from",
		Long: `Show the settings in effect and where each came from: the settings file,
an AFTERCARE_* environment variable, a flag, or the default. aftercare only
reads settings; edit the file yourself (see 'aftercare config path').`,
		Example: `  aftercare config
  aftercare config --json
  AFTERCARE_REGION=GB aftercare config`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := a.configSaid(cmd)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(cfg.Each)
			}
			w := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
			for _, s := range cfg.Each {
				fmt.Fprintf(w, "%s\t%v\t(%s)\n", s.Key, s.Value, s.Source)
			}
			return w.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of text")
	cmd.AddCommand(&cobra.Command{
		Use:   "path",
		Short: "Print where the settings file, your data and your catalogue live",
		Long: `Print where the settings file, the data folder and your own catalogue
folder are, as the settings, the environment and the flags of this run say,
whether or not they exist yet.`,
		Example: `  aftercare config path
  aftercare --data-dir /mnt/usb/aftercare config path`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := a.configSaid(cmd)
			if err != nil {
				return err
			}
			w := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintf(w, "config\t%s\n", cfg.File)
			fmt.Fprintf(w, "data\t%s\n", cfg.DataDir)
			fmt.Fprintf(w, "catalog\t%s\n", cfg.CatalogDir)
			return w.Flush()
		},
	})
	return cmd
}

// configSaid is the settings of a command that says where things are, and
// names on standard error each AFTERCARE_* variable that aftercare does
// not read, which would otherwise be ignored without a word.
func (a *app) configSaid(cmd *cobra.Command) (*profile.Config, error) {
	cfg, err := a.config(cmd)
	if err != nil {
		return nil, err
	}
	for _, unknown := range profile.UnknownEnv(os.Environ()) {
		fmt.Fprintf(a.stderr, "aftercare: %s; 'aftercare help environment' lists those it does.\n", unknown)
	}
	return cfg, nil
}
