package profile

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// The index (.index in the data folder) keeps, for each session file, what
// most commands need without reading the file: when it started, who was
// there, its kind and situation, what was chosen, who a follow-up is for
// and whether it is done, and the ratings. It is derived, never the only copy of anything:
// a file whose size, time or inode differs from what the index says, or
// that the index lacks, is read again; an index that is missing, damaged or
// of another version is rebuilt. Readers write it, atomically and under the
// folder's lock, only when it changed and only if the lock is free at once;
// writers of records leave it alone, and the next reader sees what they
// changed. Forget removes it, since it holds names.

const indexVersion = 1

// maxIndexBytes bounds what is read as an index: a larger one is rebuilt.
const maxIndexBytes = 256 << 20

type indexFile struct {
	Version  int          `json:"version"`
	Sessions []indexEntry `json:"sessions"`
}

// indexEntry is one session as the index keeps it, with the stamp of the
// file it was read from.
type indexEntry struct {
	File string `json:"file"`
	stamp
	ID        string     `json:"id"`
	Started   time.Time  `json:"started"`
	Mode      string     `json:"mode"`
	Kind      string     `json:"kind,omitempty"`
	Situation string     `json:"situation,omitempty"`
	People    []string   `json:"people"`
	Chosen    []string   `json:"chosen,omitempty"`
	For       []string   `json:"for,omitempty"`
	Done      *time.Time `json:"done,omitempty"`
	Asked     bool       `json:"asked,omitempty"`
	Ratings   []Rating   `json:"ratings,omitempty"`
}

// stamp is what tells that a file changed since it was read.
type stamp struct {
	Size  int64  `json:"size"`
	Mod   int64  `json:"mod"`
	Inode uint64 `json:"inode"`
}

func stampOf(info fs.FileInfo) stamp {
	return stamp{Size: info.Size(), Mod: info.ModTime().UnixNano(), Inode: inode(info)}
}

func (s *Store) indexPath() string { return filepath.Join(s.dir, ".index") }

// summary is what the index keeps of a session.
func summary(file string, st stamp, sess *Session) indexEntry {
	e := indexEntry{File: file, stamp: st, ID: sess.ID, Started: sess.Started, Mode: sess.Mode, Kind: sess.Kind,
		Situation: sess.Situation, People: sess.People, Chosen: sess.Chosen, Ratings: sess.Ratings}
	if f := sess.FollowUp; f != nil {
		e.Asked, e.For, e.Done = true, f.For, f.Done
	}
	return e
}

// session is the summary as a session without what was shared or noted:
// enough to list it, follow it up, and rank by its ratings.
func (e indexEntry) session() *Session {
	s := &Session{ID: e.ID, Started: e.Started, Mode: e.Mode, Kind: e.Kind,
		Situation: e.Situation, People: e.People, Chosen: e.Chosen, Ratings: e.Ratings}
	if e.Asked {
		s.FollowUp = &FollowUp{For: e.For, Done: e.Done}
	}
	return s
}

// Summaries lists every session as the index keeps it, newest first,
// then the files that cannot be read, each with its error, by name. A
// summary has no shared answers and no note: Session, or EachInOrder,
// reads the whole record. Only files that are new or changed since the
// index was written are read.
func (s *Store) Summaries() ([]SessionEntry, error) {
	if err := s.checkPlaces(); err != nil {
		return nil, err
	}
	listed, err := s.listSessions()
	if err != nil {
		return nil, err
	}
	old, indexRead := s.readIndex()
	known := make(map[string]*indexEntry, len(old))
	for i := range old {
		known[old[i].File] = &old[i]
	}
	dir := s.sessionsDir()
	fresh := make([]indexEntry, 0, len(listed))
	stamps := map[string]stamp{}
	var toRead []string
	for _, f := range listed {
		if e := known[f.name]; e != nil && f.regular && e.stamp == f.stamp {
			fresh = append(fresh, *e)
			continue
		}
		toRead = append(toRead, filepath.Join(dir, f.name))
		stamps[f.name] = f.stamp
	}
	// The index is rewritten when it lacks a file, holds one that has
	// gone or changed, or could not be read.
	changed := !indexRead && len(listed) > 0 || len(fresh) != len(old)
	var damaged []SessionEntry
	readEach(toRead, func(e SessionEntry) {
		if e.Err != nil {
			damaged = append(damaged, e)
			return
		}
		name := filepath.Base(e.Path)
		fresh = append(fresh, summary(name, stamps[name], e.Session))
		changed = true
	})
	out := make([]SessionEntry, 0, len(fresh)+len(damaged))
	for _, e := range fresh {
		out = append(out, SessionEntry{Path: filepath.Join(dir, e.File), Session: e.session()})
	}
	if changed {
		s.writeIndex(fresh)
	}
	out = append(out, damaged...)
	NewestFirst(out)
	return out, nil
}

// listedFile is a session file as the folder lists it.
type listedFile struct {
	name    string
	regular bool
	stamp
}

func (s *Store) listSessions() ([]listedFile, error) {
	entries, err := os.ReadDir(s.sessionsDir())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	out := make([]listedFile, 0, len(entries))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		info, err := e.Info()
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		f := listedFile{name: e.Name()}
		if err == nil {
			f.regular, f.stamp = info.Mode().IsRegular(), stampOf(info)
		}
		out = append(out, f)
	}
	return out, nil
}

// readIndex reads the index, or says it could not: missing, damaged, too
// large or of another version, it is as good as empty.
func (s *Store) readIndex() ([]indexEntry, bool) {
	data, err := readRecord(s.indexPath(), "index", maxIndexBytes, nil)
	if err != nil {
		return nil, false
	}
	var idx indexFile
	if json.Unmarshal(data, &idx) != nil || idx.Version != indexVersion {
		return nil, false
	}
	return idx.Sessions, true
}

// writeIndex saves the index if the folder's lock is free at once, and
// leaves it for another run otherwise, or when the folder may not be
// changed. Under the lock each file is looked at again, so that nothing a
// writer changed meanwhile (a forget above all) is kept as it was.
func (s *Store) writeIndex(entries []indexEntry) {
	s.indexing.Lock()
	defer s.indexing.Unlock()
	if s.closed {
		return
	}
	_ = s.tryLocked(func() error {
		kept := slices.DeleteFunc(slices.Clone(entries), func(e indexEntry) bool {
			info, err := os.Lstat(filepath.Join(s.sessionsDir(), e.File))
			return err != nil || stampOf(info) != e.stamp
		})
		data, err := json.Marshal(indexFile{Version: indexVersion, Sessions: kept})
		if err != nil {
			return err
		}
		return s.write(s.indexPath(), data)
	})
}

// dropIndex removes the index; the next reader rebuilds it from the
// records. It is called under the lock.
func (s *Store) dropIndex() error {
	if err := os.Remove(s.indexPath()); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
