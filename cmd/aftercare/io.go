package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/aftercare-tui/aftercare/profile"
	"github.com/spf13/cobra"
)

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// jsonList writes a list of sessions as writeJSON would, byte for byte,
// one at a time: a history of years is never held in memory as one piece
// of text.
type jsonList struct {
	out *bufio.Writer
	n   int
}

func newJSONList(w io.Writer) *jsonList { return &jsonList{out: bufio.NewWriter(w)} }

func (l *jsonList) add(s *profile.Session) error {
	if l.n == 0 {
		l.out.WriteString("[\n  ")
	} else {
		l.out.WriteString(",\n  ")
	}
	l.n++
	// Written straight into the writer's free space, a session is not
	// copied on its way out.
	data, err := s.AppendJSON(l.out.AvailableBuffer(), "  ")
	if err != nil {
		return err
	}
	_, err = l.out.Write(data)
	return err
}

func (l *jsonList) close() error {
	if l.n == 0 {
		l.out.WriteString("[]\n")
	} else {
		l.out.WriteString("\n]\n")
	}
	return l.out.Flush()
}

// counted counts the bytes written through it.
type counted struct {
	w io.Writer
	n int
}

func (c *counted) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += n
	return n, err
}

// firstLine is the first line of an error, for one-line listings.
func firstLine(err error) string {
	line, _, _ := strings.Cut(err.Error(), "\n")
	return line
}

// errDeclined is returned when a person answers no to a question; the
// command stops without changing anything.
type errDeclined struct{}

func (errDeclined) Error() string { return "nothing was changed" }

// confirm asks before something that cannot be undone; anything but yes,
// including no answer at all, stops the command.
func (a *app) confirm(yes bool, question string) (bool, error) {
	if yes || a.ask(question+" This cannot be undone. [y/N] ", false) {
		return true, nil
	}
	return false, errDeclined{}
}

// ask puts a yes-or-no question on standard error and reads the answer
// from standard input; an empty answer gives the default.
func (a *app) ask(question string, byDefault bool) bool {
	fmt.Fprint(a.stderr, question)
	line, err := a.readLine()
	return a.answer(line, err, byDefault)
}

// readLine reads one line of standard input, writing nothing, so that it
// can wait in a goroutine of its own.
func (a *app) readLine() (string, error) {
	if a.in == nil {
		a.in = bufio.NewReader(a.stdin)
	}
	return a.in.ReadString('\n')
}

// answer reads a yes or a no in a line; anything else, including no line
// at all, is no, and an empty line gives the default.
func (a *app) answer(line string, err error, byDefault bool) bool {
	if err != nil && line == "" {
		fmt.Fprintln(a.stderr)
		return false
	}
	if !isTerminal(a.stdin) {
		// Nothing echoed the answer, so the line is ended here: what
		// follows starts a line of its own.
		fmt.Fprintln(a.stderr)
	}
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes":
		return true
	case "":
		return byDefault
	}
	return false
}

// exactArgs wants exactly n arguments, named in the message.
func exactArgs(n int, names string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("%q needs %s, got %d argument(s)", cmd.CommandPath(), names, len(args))
		}
		return nil
	}
}
