package main

import (
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/tui"
	"github.com/spf13/cobra"
)

func newCheckinCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "checkin [NAME...]",
		Short: "Start a check-in: one name alone, two or more together",
		Long: `Start a check-in straight away. One name is a check-in alone; two or more
take turns on this screen. Names match saved profiles, whatever their case;
any other name is a guest, not saved unless you ask at the end. With no
names it asks who is here.`,
		Example: `  aftercare checkin Sam Alex
  aftercare checkin Kai`,
		RunE: func(cmd *cobra.Command, names []string) error {
			return a.runTUI(cmd, names)
		},
	}
}

// runTUI loads and checks everything on the normal terminal, where a
// broken file can be reported with its path and line, and only then opens
// the full screen.
func (a *app) runTUI(cmd *cobra.Command, names []string) error {
	store, err := a.data(cmd)
	if err != nil {
		return err
	}
	profiles, err := store.ReadableProfiles()
	if err != nil {
		return err
	}
	noColor := os.Getenv("NO_COLOR") != ""
	model := tui.New(tui.Options{Catalog: a.cat, Store: store, Config: a.cfg, Profiles: profiles, Names: names, NoColor: noColor})
	_, err = tea.NewProgram(model, tea.WithInput(a.stdin), tea.WithOutput(a.stdout)).Run()
	return err
}
