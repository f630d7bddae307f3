package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/spf13/cobra"
)

func newCatalogCommand(a *app) *cobra.Command {
	return groupCommand("catalog", "Look at and check the catalogue of activities and questions",
		newCatalogListCommand(a),
		newCatalogValidateCommand(a),
		newCatalogPathCommand(a),
	)
}

func newCatalogListCommand(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list [" + strings.Join(catalog.Sections(), "|") + "]",
		Short: "List what the catalogue holds, or one part of it",
		Long: `List what the catalogue holds, your own files layered over the built-in
ones: every list, or one of them. The ids are what flags such as --need,
--avoid and --situation take; --json prints them for scripts.`,
		Example: `  aftercare catalog list
  aftercare catalog list needs
  aftercare catalog list activities --json`,
		ValidArgs: catalog.Sections(),
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usagef("give one list at most, not %d", len(args))
			}
			if len(args) == 1 {
				if _, ok := (&catalog.Catalog{}).Section(args[0]); !ok {
					return usagef("there is no list %s%s; choose one of: %s", catalog.Quoted(args[0]), catalog.DidYouMean(args[0], catalog.Sections()), strings.Join(catalog.Sections(), ", "))
				}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			cat, err := a.catalog(cmd)
			if err != nil {
				return err
			}
			names := catalog.Sections()
			if len(args) == 1 {
				names = args
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				if len(args) == 1 {
					list, _ := cat.Section(args[0])
					return enc.Encode(list)
				}
				all := map[string]any{}
				for _, name := range names {
					all[name], _ = cat.Section(name)
				}
				return enc.Encode(all)
			}
			for i, name := range names {
				if len(names) > 1 {
					if i > 0 {
						fmt.Fprintln(a.stdout)
					}
					fmt.Fprintf(a.stdout, "%s:\n", name)
				}
				fmt.Fprint(a.stdout, cat.FormatSection(name))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of text")
	return cmd
}

func newCatalogValidateCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "Check catalogue files: your own folder, or the files and folders given",
		Long: `Check catalogue files on top of the built-in catalogue and report every
problem with its file, line and column. Without a path it checks your own
catalogue folder (see 'aftercare catalog path'). Nothing is ever changed.`,
		Example: `  aftercare catalog validate
  aftercare catalog validate ~/my-catalogue/mine.yaml`,
		RunE: func(cmd *cobra.Command, paths []string) error {
			var cat *catalog.Catalog
			var err error
			if len(paths) > 0 {
				cat, err = catalog.LoadPaths(paths...)
			} else {
				cat, err = a.catalog(cmd)
			}
			if err != nil {
				return err
			}
			if len(paths) == 0 && len(cat.UserFiles) == 0 {
				cfg, _ := a.config(cmd)
				fmt.Fprintf(a.stdout, "No catalogue files of your own in %s: the built-in catalogue is in use, and it is fine.\n", cfg.CatalogDir)
				return nil
			}
			fmt.Fprintf(a.stdout, "All good: %s checked on top of the built-in catalogue (%s, %s, %s).\n",
				catalog.Count(len(cat.UserFiles), "file"),
				catalog.Count(len(cat.Activities), "activity"), catalog.Count(len(cat.Questions), "question"), catalog.Count(len(cat.Resources), "resource"))
			return nil
		},
	}
}

func newCatalogPathCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "path",
		Short: "Print the folder where your own catalogue files go",
		Long: `Print the folder where your own catalogue files go: YAML files there add
activities, questions and support lines to the built-in catalogue.`,
		Example: `  aftercare catalog path
  mkdir -p "$(aftercare catalog path)"`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := a.config(cmd)
			if err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, cfg.CatalogDir)
			return nil
		},
	}
}
