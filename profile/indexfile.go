package profile

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// The index is text: a first line naming its format, then one line a
// session, its fields split by tabs, the items of a list by \x1f and the
// parts of a rating by \x1e. None of these can be part of a saved record's
// names, ids or words, which hold no control character; a session that
// somehow has one is left out, and read from its file each time. Text
// split by hand reads ten times faster than JSON, and its fields share
// one buffer rather than each taking memory of its own.

const indexHeader = "aftercare index 1"

const (
	fieldSep  = "\t"
	itemSep   = "\x1f"
	ratingSep = "\x1e"
	// indexFields is how many fields a line has.
	indexFields = 15
)

func encodeIndex(entries []indexEntry) []byte {
	var b strings.Builder
	b.WriteString(indexHeader + "\n")
	for _, e := range entries {
		if !indexable(e) {
			continue
		}
		ratings := make([]string, len(e.Ratings))
		for i, r := range e.Ratings {
			ratings[i] = r.Person + ratingSep + r.Activity + ratingSep + r.Rating
		}
		done, asked := "", ""
		if e.Done != nil {
			done = e.Done.Format(time.RFC3339Nano)
		}
		if e.Asked {
			asked = "1"
		}
		fields := []string{e.File, strconv.FormatInt(e.Size, 10), strconv.FormatInt(e.Mod, 10), strconv.FormatUint(e.Inode, 10),
			e.ID, e.Started.Format(time.RFC3339Nano), e.Mode, e.Kind, e.Situation,
			strings.Join(e.People, itemSep), strings.Join(e.Chosen, itemSep), asked, strings.Join(e.For, itemSep), done,
			strings.Join(ratings, itemSep)}
		b.WriteString(strings.Join(fields, fieldSep) + "\n")
	}
	return []byte(b.String())
}

// indexable says whether a session's words can be written on one line
// and read back.
func indexable(e indexEntry) bool {
	words := slices.Concat([]string{e.File, e.ID, e.Mode, e.Kind, e.Situation}, e.People, e.Chosen, e.For)
	for _, r := range e.Ratings {
		words = append(words, r.Person, r.Activity, r.Rating)
	}
	for _, w := range words {
		if strings.ContainsAny(w, "\n\r"+fieldSep+itemSep+ratingSep) {
			return false
		}
	}
	return true
}

// decodeIndex reads an index, or says it cannot: anything not exactly as
// encodeIndex writes it, a last line cut short included, makes the whole
// index as good as missing.
func decodeIndex(data []byte) ([]indexEntry, bool) {
	header, rest, ok := strings.Cut(string(data), "\n")
	if !ok || header != indexHeader {
		return nil, false
	}
	out := make([]indexEntry, 0, strings.Count(rest, "\n"))
	for rest != "" {
		var line string
		if line, rest, ok = strings.Cut(rest, "\n"); !ok {
			return nil, false
		}
		e, ok := decodeIndexLine(line)
		if !ok {
			return nil, false
		}
		out = append(out, e)
	}
	return out, true
}

func decodeIndexLine(line string) (indexEntry, bool) {
	var f [indexFields]string
	for i := range f {
		var ok bool
		if f[i], line, ok = strings.Cut(line, fieldSep); !ok && i < indexFields-1 {
			return indexEntry{}, false
		}
	}
	// A word holding a separator of its own kind was split already;
	// one holding another kind would not be written back the same.
	if line != "" || f[0] == "" || strings.ContainsRune(f[14], '\r') {
		return indexEntry{}, false
	}
	for _, field := range f[:14] {
		if strings.ContainsAny(field, "\r"+ratingSep) {
			return indexEntry{}, false
		}
	}
	e := indexEntry{File: f[0], ID: f[4], Mode: f[6], Kind: f[7], Situation: f[8],
		People: items(f[9]), Chosen: items(f[10]), Asked: f[11] == "1", For: items(f[12])}
	var errs [4]error
	e.Size, errs[0] = strconv.ParseInt(f[1], 10, 64)
	e.Mod, errs[1] = strconv.ParseInt(f[2], 10, 64)
	e.Inode, errs[2] = strconv.ParseUint(f[3], 10, 64)
	e.Started, errs[3] = time.Parse(time.RFC3339Nano, f[5])
	for _, err := range errs {
		if err != nil {
			return indexEntry{}, false
		}
	}
	if f[13] != "" {
		done, err := time.Parse(time.RFC3339Nano, f[13])
		if err != nil {
			return indexEntry{}, false
		}
		e.Done = &done
	}
	for _, r := range items(f[14]) {
		parts := strings.Split(r, ratingSep)
		if len(parts) != 3 {
			return indexEntry{}, false
		}
		e.Ratings = append(e.Ratings, Rating{Person: parts[0], Activity: parts[1], Rating: parts[2]})
	}
	return e, true
}

// items splits a list; an empty field is an empty list.
func items(field string) []string {
	if field == "" {
		return nil
	}
	return strings.Split(field, itemSep)
}
