package main

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/muesli/mango"
	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
)

// manSections are the parts of the man page beside the commands.
var manSections = []struct{ title, text string }{
	{"Files", `$XDG_CONFIG_HOME/aftercare/config.yaml: the settings (optional; --config names another).

$XDG_CONFIG_HOME/aftercare/catalog/: your own catalogue files, on top of the built-in one.

$XDG_DATA_HOME/aftercare/: the data. profiles/ holds one YAML file a profile and sessions/ one JSON file a check-in, plan or follow-up; .index is derived from them and safe to delete, as is .index-folder, which says when .index can be read without listing sessions/; .lock and .tmp/ are aftercare's own. While locked (aftercare lock), key.pub is the public key records are sealed to, key.age the secret key sealed with the passphrase, and .due the ids of check-ins still waiting on a follow-up.

Folders are made 0700 and files 0600.`},
	{"Privacy", `aftercare never opens a network connection. An answer marked private is never shown to the others or saved. Until aftercare lock is run the records are plain text your account can read; once locked, every record is encrypted with age, saving needs no passphrase and reading asks for it. What it protects and what it cannot is set out in SECURITY.md.`},
}

// newManCommand prints the man page, made from the commands themselves;
// it is hidden, as glow's is, since packages install the page.
func newManCommand(a *app, root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "Print the man page (roff)",
		Long: `Print the man page, in roff, made from the commands and help topics of this
very binary. Packages install it; this is for reading it without one.`,
		Example: `  aftercare man | man -l -
  aftercare man > ~/.local/share/man/man1/aftercare.1`,
		Hidden: true,
		Args:   noArgs,
		RunE: func(*cobra.Command, []string) error {
			// The title's words head every page, so they are few.
			page := mango.NewManPage(1, root.Name(), "calm check-ins after sex").WithLongDescription(manText(root.Long))
			if err := mcobra.AddCommand(page, root); err != nil {
				return err
			}
			for _, t := range helpTopics {
				page = page.WithSection(manTitle(t.name), manText(t.text))
			}
			for _, s := range manSections {
				page = page.WithSection(s.title, manText(s.text))
			}
			_, err := fmt.Fprint(a.stdout, roffASCII(page.Build(roff.NewDocument())))
			return err
		},
	}
}

// manText turns text written for a terminal into what the roff writer
// takes: each line a paragraph, and each "  NAME  what" row of a table
// (with the lines that carry it on) an item of a list. Lines broken to fit
// a terminal are joined, since roff fills its own.
func manText(text string) string {
	var paragraphs []string
	for _, block := range strings.Split(strings.TrimSpace(text), "\n\n") {
		var rows []string
		var words []string
		for _, line := range strings.Split(block, "\n") {
			switch {
			case strings.HasPrefix(line, "    ") && len(rows) > 0:
				rows[len(rows)-1] += " " + strings.TrimSpace(line)
			case strings.HasPrefix(line, "  "):
				name, what, _ := strings.Cut(strings.TrimSpace(line), "  ")
				if what = strings.TrimSpace(what); what == "" {
					// A line of an example, not a row naming something.
					rows = append(rows, "*"+name)
				} else {
					rows = append(rows, "*"+name+": "+what)
				}
			default:
				words = append(words, strings.TrimSpace(line))
			}
		}
		if len(words) > 0 {
			paragraphs = append(paragraphs, strings.Join(words, " "))
		}
		paragraphs = append(paragraphs, rows...)
	}
	return strings.Join(paragraphs, "\n")
}

// roffNames are roff's own names for characters the help uses, which
// every output device can draw, in plain ASCII too; … has none there.
var roffNames = map[rune]string{'…': "...", '—': `\(em`, '–': `\(en`, '‘': `\(oq`, '’': `\(cq`, '“': `\(lq`, '”': `\(rq`, '→': `\(->`}

// roffASCII writes each character beyond ASCII as roff's name for it, or
// its escape (\[u00E9]), so that every roff reads the page whatever the
// encoding it expects.
func roffASCII(page string) string {
	var b strings.Builder
	for _, r := range page {
		switch name, ok := roffNames[r]; {
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		case ok:
			b.WriteString(name)
		default:
			fmt.Fprintf(&b, `\[u%04X]`, r)
		}
	}
	return b.String()
}

// manTitle is a topic's name as a section title: "exit-codes" is "Exit codes".
func manTitle(name string) string {
	name = strings.ReplaceAll(name, "-", " ")
	return strings.ToUpper(name[:1]) + name[1:]
}
