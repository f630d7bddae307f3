package main

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
	"github.com/aftercare-tui/aftercare/seal"
	"github.com/spf13/cobra"
)

func newHistoryCommand(a *app) *cobra.Command {
	var (
		asJSON, stats bool
		person, since string
	)
	cmd := &cobra.Command{
		Use:   "history",
		Short: "Show past check-ins, newest first",
		Long: `Show past check-ins, plans and follow-ups, newest first, with what each
person chose to share: never a private answer. --person and --since narrow
it; --json prints every record whole, for scripts; --stats shows how
check-ins have gone for each person: how they felt then and at the
follow-up, what they needed, and what helped. A file that cannot be read is
named on standard error, and the exit is 1 (0 with --ignore-damaged).`,
		Example: `  aftercare history
  aftercare history --person Sam --since 30d
  aftercare history --json
  aftercare history --stats`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			filter := profile.Filter{Person: person}
			if since != "" {
				var err error
				if filter.Since, err = profile.ParseSince(since, time.Now()); err != nil {
					return usagef("--since: %v", err)
				}
			}
			if stats {
				return a.printStats(cmd, filter, asJSON, filterWords(person, since))
			}
			store, err := a.data(cmd)
			if err != nil {
				return err
			}
			seen := profile.PeopleSeen{}
			keep := func(e profile.SessionEntry) bool {
				a.damaged(e.Err)
				if e.Session != nil && person != "" {
					seen.Add(e.Session)
				}
				return e.Session != nil && filter.Keep(e.Session)
			}
			// Each check-in is read whole in its turn, and nothing of those
			// written out is held.
			each := func(fn func(*profile.Session) error) error {
				return store.EachWholeNewestFirst(keep, a.whole(fn))
			}
			if asJSON {
				list := newJSONList(a.stdout)
				if err := each(list.add); err != nil {
					return err
				}
				return list.close()
			}
			out := bufio.NewWriter(a.stdout)
			shown := 0
			err = each(func(s *profile.Session) error {
				if shown > 0 {
					out.WriteString("\n")
				}
				shown++
				_, err := out.WriteString(profile.FormatSession(a.cat, s))
				return err
			})
			switch {
			case err != nil:
				return err
			case shown == 0 && len(a.unread) > 0:
				fmt.Fprintln(out, "Nothing to show from the check-ins that could be read.")
			case shown == 0 && person != "":
				fmt.Fprintln(out, "No check-ins"+filterWords(person, since)+seen.Hint(person)+".")
			case shown == 0 && since != "":
				fmt.Fprintln(out, "No check-ins"+filterWords(person, since)+".")
			case shown == 0:
				fmt.Fprintln(out, "No check-ins saved yet.")
			}
			return out.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of text")
	cmd.Flags().BoolVar(&stats, "stats", false, "how check-ins have gone for each person: how they felt, what they needed, what helped")
	cmd.Flags().StringVar(&person, "person", "", "only check-ins with this person")
	cmd.Flags().StringVar(&since, "since", "", "only check-ins since then: 30d, 2w, 12h or a date like 2026-11-01")
	_ = cmd.RegisterFlagCompletionFunc("person", a.completePerson)
	return cmd
}

// filterWords say what --person and --since kept: " with Sam since 30d".
func filterWords(person, since string) string {
	words := ""
	if person != "" {
		words += " with " + strings.TrimSpace(person)
	}
	if since != "" {
		words += " since " + since
	}
	return words
}

// printStats counts the check-ins the filter keeps, as they are listed,
// and prints the figures, of one person when the filter names one;
// filtered says in words what the filter keeps, "" when it keeps all.
func (a *app) printStats(cmd *cobra.Command, filter profile.Filter, asJSON bool, filtered string) error {
	store, err := a.data(cmd)
	if err != nil {
		return err
	}
	counting := store.Counting()
	if asJSON {
		counting = store.CountingEveryMood()
	}
	seen := profile.PeopleSeen{}
	err = a.eachCheckin(cmd, func(e profile.SessionEntry) {
		s := e.Session
		if s != nil && filter.Person != "" {
			seen.Add(s)
		}
		if s != nil && filter.Keep(s) {
			counting.Add(e)
		}
	})
	if err != nil {
		return err
	}
	figures, unread := counting.Stats()
	a.damaged(unread...)
	if filter.Person != "" {
		figures = figures.Of(filter.Person)
	}
	if asJSON {
		return figures.WriteJSON(a.stdout)
	}
	if len(figures.People) == 0 && filtered != "" {
		_, err = fmt.Fprintln(a.stdout, "No check-ins"+filtered+seen.Hint(filter.Person)+".")
		return err
	}
	_, err = fmt.Fprint(a.stdout, profile.FormatStats(figures))
	return err
}

func newExportCommand(a *app) *cobra.Command {
	var (
		format, output   string
		encrypt, decrypt bool
		recipients       []string
	)
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write out everything saved: profiles and check-ins",
		Long: `Write out every profile and check-in. json and yaml can be read back with
'aftercare import'; markdown is for reading and csv for spreadsheets.
With -o the file is written readable by you alone, whole or not at all,
and replaces a file of that name, as a shell's > does. --encrypt seals it
with a passphrase, asked for on the terminal, and --recipient to an age
public key (age1…, as age-keygen makes them); either is age's armored
text, which 'aftercare import' and any age tool open. While aftercare is
locked (see 'aftercare lock'), an export is sealed like that, or written
in plain text only with --decrypt. A file that cannot
be read is named and left out, the export says it is missing, and the
command exits 1 (0 with --ignore-damaged).`,
		Example: `  aftercare export -o aftercare-backup.json
  aftercare export --encrypt -o aftercare-backup.age
  aftercare export --recipient age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p -o for-alex.age
  aftercare export --format markdown`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			store, err := a.openData(cmd)
			if err != nil {
				return err
			}
			// Locked data leaves in plain text only when that is asked for.
			if store.Locked() && !decrypt && !encrypt && len(recipients) == 0 {
				return usagef("the data is locked, so it is exported in plain text only with --decrypt; --encrypt or --recipient seal the export instead")
			}
			if decrypt && (encrypt || len(recipients) > 0) {
				return usagef("give --decrypt, or --encrypt or --recipient, not both")
			}
			if format, err = exportFormat(cmd, format, output); err != nil {
				return err
			}
			var target fs.FileInfo
			if output != "" && output != "-" {
				target, _ = os.Stat(output)
			}
			if target != nil && target.IsDir() {
				return usagef("-o %s is a folder; name a file in it, such as %s", output, filepath.Join(output, "aftercare-export."+format))
			}
			sealTo, err := exportRecipients(encrypt, recipients)
			if err != nil {
				return err
			}
			if err := profile.CheckExportFormat(format); err != nil {
				return usagef("--format: %v", err)
			}
			readable, err := a.readableProfiles(cmd)
			if err != nil {
				return err
			}
			profiles := profile.ExportOf(readable, nil).Profiles
			// Of each record, only what puts it in its place is kept, and
			// the zones of its times, which markdown names first; each is
			// read whole in its turn, so that years of them are never held.
			var order profile.Lineup
			order.OldestFirst()
			zones := profile.NewZones(time.Local)
			err = a.eachCheckin(cmd, func(e profile.SessionEntry) {
				if e.Session != nil {
					order.Add(e)
					zones.Add(e.Session)
				}
			})
			if err != nil {
				return err
			}
			// A stop signal ends the export at the next record, so that
			// the file it was writing is removed, not left to be swept.
			ctx, stoppedBy, release := stopContext()
			defer release()
			var written, sealedSize int
			var tally profile.Tally
			var notImportable string
			write := func(w io.Writer) (err error) {
				file := &counted{w: w}
				out := io.Writer(file)
				var sealer io.WriteCloser
				if len(sealTo) > 0 {
					if sealer, err = seal.NewWriter(file, sealTo...); err != nil {
						return err
					}
					out = sealer
				}
				plainOut := &counted{w: out}
				x, err := profile.NewExportWriter(plainOut, format, a.cat, profiles, zones)
				if err != nil {
					return err
				}
				err = a.eachWhole(&order, func(s *profile.Session) error {
					if err := ctx.Err(); err != nil {
						return err
					}
					return x.Add(s)
				})
				if err == nil {
					err = x.Close()
				}
				if err == nil && sealer != nil {
					err = sealer.Close()
				}
				written, sealedSize, tally, notImportable = plainOut.n, file.n, x.Tally(), x.NotImportable()
				return err
			}
			if output == "" || output == "-" {
				if err := write(a.stdout); err != nil {
					if sig := stoppedBy(); sig != nil {
						return &stoppedError{sig: sig, left: "the export was cut short"}
					}
					return err
				}
			} else {
				if err := a.store.WriteOutsideFrom(output, write); err != nil {
					if sig := stoppedBy(); sig != nil {
						return &stoppedError{sig: sig, left: output + " was left as it was"}
					}
					return err
				}
				// Said on standard error, like every note, where it cannot
				// end up in the export itself when the file is /dev/stdout.
				fmt.Fprintf(a.stderr, "Exported %s to %s.\n", tally.With(len(profiles)), output)
			}
			if a.warnIfNotImportable(format, written, sealedSize, notImportable) {
				// The records are files that read the same anywhere, and
				// the index is made again from them, so a copy of the
				// folder moves a history of any length.
				fmt.Fprintf(a.stderr, "To move a history this long, copy its folder, %s, whole, while aftercare is not running.\n", store.Dir())
			}
			// A backup that lacks something says so, even when the run is
			// told to exit 0.
			if len(a.unread) > 0 {
				fmt.Fprintf(a.stderr, "This export is missing %s that could not be read (named above).\n", catalog.Count(len(a.unread), "file"))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "json", "json, yaml, markdown or csv")
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to this file instead of standard output")
	cmd.Flags().BoolVar(&encrypt, "encrypt", false, "seal the export with a passphrase, asked for on the terminal")
	cmd.Flags().BoolVar(&decrypt, "decrypt", false, "while aftercare is locked, export in plain text all the same")
	cmd.Flags().StringArrayVar(&recipients, "recipient", nil, "seal the export to this age public key (age1…); may be given more than once")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(profile.ExportFormats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("recipient", cobra.NoFileCompletions)
	return cmd
}

// warnIfNotImportable says when an export meant to be read back is more
// than import reads, for why or for its size, so that no one keeps a
// backup that cannot be restored without knowing it; it says whether it
// warned.
func (a *app) warnIfNotImportable(format string, plain, file int, why string) bool {
	limit := map[string]int{"json": profile.MaxImportBytes, "yaml": profile.MaxImportYAMLBytes}[format]
	if limit == 0 {
		return false
	}
	if why != "" {
		fmt.Fprintf(a.stderr, "Note: %s, so this export cannot be imported whole.\n", why)
		return true
	}
	size := plain
	if file != plain && file > profile.MaxImportBytes {
		// Sealed, the file is larger than what it holds, and import
		// reads no larger a file.
		limit, size = profile.MaxImportBytes, file
	}
	if size <= limit {
		return false
	}
	hint := ""
	if format == "yaml" && limit == profile.MaxImportYAMLBytes && plain < profile.MaxImportBytes/2 {
		// JSON takes about half as much again as YAML.
		hint = " A json export of the same data may fit."
	}
	fmt.Fprintf(a.stderr, "Note: this export is %s, more than aftercare import reads back (%s), so it cannot be imported whole.%s\n",
		catalog.ByteSize(int64(size)), catalog.ByteSize(int64(limit)), hint)
	return true
}

func newImportCommand(a *app) *cobra.Command {
	var identityFile string
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Read back an export (json or yaml): all of it, or nothing",
		Long: fmt.Sprintf(`Read back what 'aftercare export' wrote, in json or yaml; - reads standard
input. Nothing is imported unless everything can be: a problem in the file,
or a profile name or check-in that already exists, stops the import before
anything is written. An export imported before, every record of it still
as it was imported, changes nothing when imported again, and says so, so
that an import stopped before it could say how it went can simply be run
again. A file may be at most %d MiB (a YAML one %d KiB) and
hold at most %s check-ins and %s profiles; a longer history moves by
copying its data folder. An export sealed with 'export --encrypt' asks for
its passphrase on the terminal; one sealed to a key is opened with the
key's file, named by --identity or the AFTERCARE_IDENTITY environment
variable.`, profile.MaxImportBytes>>20, profile.MaxImportYAMLBytes>>10,
			catalog.Thousands(profile.MaxImportCheckins), catalog.Thousands(profile.MaxImportProfiles)),
		Example: `  aftercare import aftercare-backup.json
  ssh old-laptop aftercare export | aftercare import -`,
		Args: exactArgs(1, "FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := a.data(cmd)
			if err != nil {
				return err
			}
			name, data, err := a.readImport(args[0])
			if err != nil {
				return err
			}
			if seal.IsSealed(data) {
				if data, err = unsealImport(name, data, cmp.Or(identityFile, os.Getenv(profile.IdentityEnv))); err != nil {
					return err
				}
			}
			if len(data) >= longImportBytes && isTerminal(a.errTerm) {
				fmt.Fprintln(a.stderr, "Importing a long history: everything is checked first, then written at once. This takes a few seconds.")
			}
			var x *profile.Imported
			err = untilStopped("an import lands whole or not at all: run the same import again to bring it in", func() (err error) {
				x, err = store.Import(name, data)
				return err
			})
			if err != nil {
				return err
			}
			var tally profile.Tally
			for i := range x.Sessions {
				tally.Add(&x.Sessions[i])
			}
			if x.AlreadyHere {
				fmt.Fprintf(a.stdout, "Nothing to do: everything in %s is here already (%s).\n", name, tally.With(len(x.Profiles)))
				return nil
			}
			fmt.Fprintf(a.stdout, "Imported %s.\n", tally.With(len(x.Profiles)))
			return nil
		},
	}
	cmd.Flags().StringVar(&identityFile, "identity", "", "an age identity file (as age-keygen writes) to open an export sealed to its key")
	return cmd
}

// longImportBytes is the size of an export (a few thousand check-ins) whose
// import takes long enough that a person at the terminal should be told
// it is under way.
const longImportBytes = 1 << 20

// formatOfExtension is the export format a file's extension names.
var formatOfExtension = map[string]string{".json": "json", ".yaml": "yaml", ".yml": "yaml", ".md": "markdown", ".markdown": "markdown", ".csv": "csv"}

// exportFormat is the format to write: --format when given, else the one
// the file's extension names, else json. A --format the extension
// contradicts is a mistake, not a file of one kind under another's name.
func exportFormat(cmd *cobra.Command, format, output string) (string, error) {
	ext := strings.ToLower(filepath.Ext(output))
	named, known := formatOfExtension[ext]
	switch {
	case !known:
		return format, nil
	case !cmd.Flags().Changed("format"):
		return named, nil
	case named != format:
		return "", usagef("--format %s, but %s names %s; give one or the other", format, filepath.Base(output), named)
	}
	return format, nil
}

// readImport reads the file to import, or standard input for "-", and
// the name to give it in messages. Only an ordinary file is read, so that a
// device or a named pipe can neither hang nor flood the import, and never
// more than a byte over MaxImportBytes, which is enough to refuse it.
func (a *app) readImport(path string) (string, []byte, error) {
	if path != "-" {
		if info, err := os.Stat(path); err == nil && info.Mode()&fs.ModeNamedPipe != 0 {
			return "", nil, fmt.Errorf("%s: is a named pipe, not an ordinary file, so it was not read; to import from a pipe, give - and pipe it to standard input", path)
		}
		data, err := catalog.ReadOrdinary(path, profile.MaxImportBytes, "an import")
		return path, data, err
	}
	data, err := io.ReadAll(io.LimitReader(a.stdin, profile.MaxImportBytes+1))
	return "standard input", data, err
}

func newForgetCommand(a *app) *cobra.Command {
	var (
		person, session string
		everything, yes bool
	)
	cmd := &cobra.Command{
		Use:   "forget",
		Short: "Remove saved data for good: one person, one check-in, or everything",
		Long: `Remove saved data for good. --person removes a profile, the check-ins,
plans and follow-ups that person had alone, and every part of theirs in the
others: their name, answers, ratings and follow-up. --session removes one
check-in. --everything removes every profile and check-in. It asks first;
--yes does not ask.`,
		Example: `  aftercare forget --person Sam
  aftercare forget --session 20261123T221000-a1b2c3
  aftercare forget --everything --yes`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			given := 0
			for _, set := range []bool{person != "", session != "", everything} {
				if set {
					given++
				}
			}
			if given != 1 {
				return usagef("give exactly one of --person, --session or --everything")
			}
			// Only forgetting a person reads what is saved.
			store, err := a.openData(cmd)
			if err == nil && person != "" {
				err = a.unlock(store)
			}
			if err != nil {
				return err
			}
			var question string
			var forget func() (*profile.Forgotten, error)
			switch {
			case person != "":
				question = fmt.Sprintf("Forget everything saved about %s?", person)
				forget = func() (*profile.Forgotten, error) { return store.ForgetPerson(person) }
			case session != "":
				if err := store.CheckSession(session); err != nil {
					return err
				}
				question = fmt.Sprintf("Forget the check-in %s?", session)
				forget = func() (*profile.Forgotten, error) { return store.ForgetSession(session) }
			default:
				question = "Forget every profile and every check-in?"
				forget = store.ForgetEverything
			}
			if ok, err := a.confirm(yes, question); !ok {
				return err
			}
			var f *profile.Forgotten
			err = untilStopped("what was forgotten stays forgotten, and running the same forget again finishes it", func() (err error) {
				f, err = forget()
				return err
			})
			if stopped := (*stoppedError)(nil); errors.As(err, &stopped) {
				return err
			}
			if err == nil {
				a.reportForgotten(f)
			}
			// What could not be read is worth knowing most when nothing was
			// found.
			a.damaged(f.Unchecked...)
			return err
		},
	}
	cmd.Flags().StringVar(&person, "person", "", "the person to forget")
	cmd.Flags().StringVar(&session, "session", "", "the id of the check-in to forget (see 'aftercare history')")
	cmd.Flags().BoolVar(&everything, "everything", false, "forget every profile and check-in")
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "do not ask")
	_ = cmd.RegisterFlagCompletionFunc("person", a.completePerson)
	_ = cmd.RegisterFlagCompletionFunc("session", a.completeSessions(false))
	return cmd
}

func (a *app) reportForgotten(f *profile.Forgotten) {
	if len(f.Profiles)+len(f.Sessions)+len(f.SessionsChanged) == 0 {
		fmt.Fprintln(a.stdout, "There was nothing saved to forget.")
	}
	for _, line := range []struct {
		what  string
		paths []string
	}{{"Removed", f.Profiles}, {"Removed", f.Sessions}, {"Took them out of", f.SessionsChanged}} {
		for _, p := range line.paths {
			fmt.Fprintf(a.stdout, "%s %s\n", line.what, p)
		}
	}
}
