package profile

import (
	"bufio"
	"errors"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The index is text: a first line naming its format, then one line a
// session, its fields split by tabs, the items of a list by \x1f and the
// parts of a rating by \x1e. None of these can be part of a saved record's
// names, ids or words, which hold no control character; a session that
// somehow has one is left out, and read from its file each time. Lines
// split by hand read many times faster than JSON, and one at a time, so
// that reading the index takes no more memory for a long history.

const (
	fieldSep  = "\t"
	itemSep   = "\x1f"
	ratingSep = "\x1e"
	// indexFields is how many fields a line has.
	indexFields = 16
)

func encodeIndexLine(e indexEntry) string {
	s := &e.sess
	ratings := make([]string, len(s.Ratings))
	for i, r := range s.Ratings {
		ratings[i] = r.Person + ratingSep + r.Activity + ratingSep + r.Rating
	}
	var asked, done string
	var whom []string
	if f := s.FollowUp; f != nil {
		asked, whom = "1", f.For
		if f.Done != nil {
			done = f.Done.Format(time.RFC3339Nano)
		}
	}
	figured := make([]string, len(e.figures))
	for i, f := range e.figures {
		figured[i] = strings.Join([]string{strconv.FormatFloat(f.mood, 'g', -1, 64), strconv.FormatFloat(f.later, 'g', -1, 64),
			strconv.FormatBool(f.closeness), strconv.FormatBool(f.space)}, ratingSep)
	}
	return strings.Join([]string{e.File, strconv.FormatInt(e.Size, 10), strconv.FormatInt(e.Mod, 10), strconv.FormatUint(e.Inode, 10),
		s.ID, s.Started.Format(time.RFC3339Nano), s.Mode, s.Kind, s.Situation,
		strings.Join(s.People, itemSep), strings.Join(s.Chosen, itemSep), asked, strings.Join(whom, itemSep), done,
		strings.Join(ratings, itemSep), strings.Join(figured, itemSep)}, fieldSep) + "\n"
}

// indexable says whether a session's words can be written on one line
// and read back.
func indexable(e indexEntry) bool {
	s := &e.sess
	words := slices.Concat([]string{e.File, s.ID, s.Mode, s.Kind, s.Situation}, s.People, s.Chosen)
	if s.FollowUp != nil {
		words = append(words, s.FollowUp.For...)
	}
	for _, r := range s.Ratings {
		words = append(words, r.Person, r.Activity, r.Rating)
	}
	for _, w := range words {
		if strings.ContainsAny(w, "\n\r"+fieldSep+itemSep+ratingSep) {
			return false
		}
	}
	return true
}

// eachIndexed reads an index from r and hands fn each entry in turn. It
// says whether the whole index was as encodeIndex writes it: anything
// else, a last line cut short included, stops the reading there, and the
// index is as good as missing from that point. Its lines are decoded a
// chunk at a time, side by side, while fn takes the entries of the chunks
// before, in order: decoding them is much of what a command that lists
// years of check-ins does. check, when given, is called on each entry in
// its chunk's goroutine, so that looking at each file is shared out too.
// Read behind a screen (background), it takes one chunk after another on
// the caller's goroutine instead, leaving the screen a core to draw on.
func eachIndexed(r io.Reader, want string, limit int64, background bool, check func(*indexEntry), fn func(indexEntry)) bool {
	in := bufio.NewReader(io.LimitReader(r, limit+1))
	// A first line longer than the reader's buffer is no header, and is
	// not read to its end, which could be the whole file.
	line, err := in.ReadSlice('\n')
	if err != nil || string(line) != want+"\n" {
		return false
	}
	read := int64(len(line))
	if background {
		for {
			lines, last, whole := readLines(in, &read, limit)
			c := decodeChunk(lines, last, whole, check)
			for _, e := range c.entries {
				fn(e)
			}
			if c.last {
				return c.whole
			}
		}
	}
	chunks := make(chan chan indexChunk, runtime.GOMAXPROCS(0))
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() { splitIndex(in, read, limit, check, chunks, stop) })
	defer wg.Wait()
	defer close(stop)
	var c indexChunk
	for next := range chunks {
		c = <-next
		for _, e := range c.entries {
			fn(e)
		}
		if c.last {
			break
		}
	}
	return c.whole
}

// chunkLines is how many lines of an index are decoded together.
const chunkLines = 256

// indexChunk is the entries of a run of an index's lines. last says that
// nothing after them is to be read: the index ended, or a line could not
// be; whole, that the index ended there as encodeIndex writes it.
type indexChunk struct {
	entries     []indexEntry
	last, whole bool
}

// splitIndex reads the lines of an index from in, read bytes of it read
// so far, a chunk at a time, and decodes each in a goroutine of its own;
// chunks has each chunk's entries to come, in order. It stops after the
// chunk where the index ends or when stop is closed.
func splitIndex(in *bufio.Reader, read, limit int64, check func(*indexEntry), chunks chan<- chan indexChunk, stop <-chan struct{}) {
	defer close(chunks)
	for {
		lines, last, whole := readLines(in, &read, limit)
		next := make(chan indexChunk, 1)
		go func() { next <- decodeChunk(lines, last, whole, check) }()
		select {
		case chunks <- next:
		case <-stop:
			return
		}
		if last {
			return
		}
	}
}

// readLines reads up to chunkLines whole lines, without their line
// breaks, and counts their bytes in read; last and whole are as for
// indexChunk.
func readLines(in *bufio.Reader, read *int64, limit int64) (lines []string, last, whole bool) {
	for len(lines) < chunkLines {
		line, err := readIndexLine(in)
		*read += int64(len(line))
		switch {
		case err == io.EOF && line == "":
			return lines, true, *read <= limit
		case err != nil:
			return lines, true, false
		}
		lines = append(lines, line[:len(line)-1])
	}
	return lines, false, false
}

// maxIndexLine is the longest line an index holds: what it keeps of a
// session is less than the session's file, escapes and all. A longer line
// is no entry, and is not read to its end, which could be the whole file.
const maxIndexLine = 2 * MaxSessionBytes

var errIndexLineTooLong = errors.New("an index line longer than any entry")

// readIndexLine reads one line, with its line break, of at most
// maxIndexLine bytes.
func readIndexLine(in *bufio.Reader) (string, error) {
	part, err := in.ReadSlice('\n')
	if !errors.Is(err, bufio.ErrBufferFull) {
		// Most lines fit the reader's buffer.
		return string(part), err
	}
	line := slices.Clone(part)
	for {
		part, err := in.ReadSlice('\n')
		if len(line)+len(part) > maxIndexLine {
			return string(line), errIndexLineTooLong
		}
		line = append(line, part...)
		if !errors.Is(err, bufio.ErrBufferFull) {
			return string(line), err
		}
	}
}

// decodeChunk decodes lines up to the first that is not an entry, which
// is the index's last. Each chunk keeps its own words (see interner), so
// that chunks share nothing. check, when given, is called on each entry.
func decodeChunk(lines []string, last, whole bool, check func(*indexEntry)) indexChunk {
	c := indexChunk{entries: make([]indexEntry, 0, len(lines)), last: last, whole: whole}
	words := interner{}
	for _, line := range lines {
		e, ok := decodeIndexLine(line, words)
		if !ok {
			c.last, c.whole = true, false
			break
		}
		if check != nil {
			check(&e)
		}
		c.entries = append(c.entries, e)
	}
	return c
}

// interner keeps one copy of each word that recurs from line to line
// (names, ids of activities and situations), so that what is kept of a
// session does not hold on to the whole line it was read from.
type interner map[string]string

func (in interner) word(w string) string {
	if kept, ok := in[w]; ok {
		return kept
	}
	w = strings.Clone(w)
	in[w] = w
	return w
}

func (in interner) items(field string) []string {
	list := items(field)
	for i, w := range list {
		list[i] = in.word(w)
	}
	return list
}

func decodeIndexLine(line string, words interner) (indexEntry, bool) {
	// A word holding a separator of its own kind is split; one holding
	// another kind would not be written back the same.
	if strings.Contains(line, "\r") {
		return indexEntry{}, false
	}
	var f [indexFields]string
	for i := range f {
		var ok bool
		if f[i], line, ok = strings.Cut(line, fieldSep); !ok && i < indexFields-1 {
			return indexEntry{}, false
		}
	}
	if line != "" || f[0] == "" {
		return indexEntry{}, false
	}
	for i, field := range f[:14] {
		// A list's items are split at itemSep; a single word holding one
		// would be written as a list.
		if strings.Contains(field, ratingSep) || i < 9 && strings.Contains(field, itemSep) {
			return indexEntry{}, false
		}
	}
	e := indexEntry{File: strings.Clone(f[0])}
	e.sess = Session{ID: strings.Clone(f[4]), Mode: words.word(f[6]), Kind: words.word(f[7]), Situation: words.word(f[8]),
		People: words.items(f[9]), Chosen: words.items(f[10])}
	var errs [4]error
	e.Size, errs[0] = strconv.ParseInt(f[1], 10, 64)
	e.Mod, errs[1] = strconv.ParseInt(f[2], 10, 64)
	e.Inode, errs[2] = strconv.ParseUint(f[3], 10, 64)
	e.sess.Started, errs[3] = time.Parse(time.RFC3339Nano, f[5])
	for _, err := range errs {
		if err != nil {
			return indexEntry{}, false
		}
	}
	switch {
	case f[11] == "1":
		e.sess.FollowUp = &FollowUp{For: words.items(f[12])}
		if f[13] != "" {
			done, err := time.Parse(time.RFC3339Nano, f[13])
			if err != nil {
				return indexEntry{}, false
			}
			e.sess.FollowUp.Done = &done
		}
	case f[11] != "" || f[12] != "" || f[13] != "":
		return indexEntry{}, false
	}
	for _, r := range items(f[14]) {
		var parts [3]string
		if !cutInto(r, parts[:]) {
			return indexEntry{}, false
		}
		e.sess.Ratings = append(e.sess.Ratings, Rating{Person: words.word(parts[0]), Activity: words.word(parts[1]), Rating: words.word(parts[2])})
	}
	for _, f := range items(f[15]) {
		var parts [4]string
		if !cutInto(f, parts[:]) {
			return indexEntry{}, false
		}
		var fig figures
		var errs [4]error
		fig.mood, errs[0] = strconv.ParseFloat(parts[0], 64)
		fig.later, errs[1] = strconv.ParseFloat(parts[1], 64)
		fig.closeness, errs[2] = strconv.ParseBool(parts[2])
		fig.space, errs[3] = strconv.ParseBool(parts[3])
		if errors.Join(errs[:]...) != nil || !(fig.mood >= 0 && fig.mood <= 5 && fig.later >= 0 && fig.later <= 5) {
			return indexEntry{}, false
		}
		e.figures = append(e.figures, fig)
	}
	// A check-in has figures for each of its people; nothing else has any.
	counted := 0
	if e.sess.Kind == "" {
		counted = len(e.sess.People)
	}
	if len(e.figures) != counted {
		return indexEntry{}, false
	}
	return e, true
}

// cutInto splits an item into exactly len(parts) parts, into parts, so
// that no list is made for each of the tens of thousands an index holds.
func cutInto(item string, parts []string) bool {
	var ok bool
	for i := range parts {
		if parts[i], item, ok = strings.Cut(item, ratingSep); !ok && i < len(parts)-1 {
			return false
		}
	}
	return !ok
}

// items splits a list; an empty field is an empty list.
func items(field string) []string {
	if field == "" {
		return nil
	}
	return strings.Split(field, itemSep)
}
