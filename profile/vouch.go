package profile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// Listing the sessions folder, to see which files the index lacks, is the
// one part of reading the history that grows with it whatever a command
// keeps. So when a reader finds the index right for every file, and the
// folder unchanged while it looked, it writes .index-folder: the stamps of
// the folder and of the index, which vouch that the index names every
// file. A later reader that finds both as they were reads the index alone,
// still looking at each file by its name, so that a record changed in
// place is read again; anything else lists the folder as before. Adding,
// removing or replacing a file (every write of a record replaces it)
// changes the folder's time, so a vouch lasts until the next write. It
// holds no names, only sizes, times and inodes.

// settleTime is how long ago the folder must have last changed for a
// reader to vouch for it. A change in the same tick of the file system's
// clock as the one before (as coarse as two seconds on some) would leave
// the folder's time as it was; one made after the reader looked cannot
// fall in the tick of a change this old.
const settleTime = 5 * time.Second

// shortestIndexLine is about the fewest bytes a line of the index takes:
// an index this many times larger than a count of records holds at least
// that many.
const shortestIndexLine = 100

func (s *Store) vouchPath() string { return filepath.Join(s.dir, ".index-folder") }

// vouchFormat is the one line of .index-folder: the folder's stamp, then
// the index's.
const vouchFormat = "aftercare index-folder 1 %d %d %d %d %d %d\n"

// folderStamp is the sessions folder's stamp.
func (s *Store) folderStamp() (stamp, error) {
	info, err := os.Lstat(s.sessionsDir())
	if err != nil {
		return stamp{}, err
	}
	return stampOf(info), nil
}

// vouched is an index that vouches for the folder, open, and the folder,
// open to look at its files in.
type vouched struct {
	index *os.File
	size  int64
	dir   *os.File
}

// openVouched opens the index when .index-folder vouches for it and for
// the folder as they are now, and the folder.
func (s *Store) openVouched() (*vouched, bool) {
	folder, index, ok := s.readVouch()
	if !ok {
		return nil, false
	}
	if now, err := s.folderStamp(); err != nil || now != folder {
		return nil, false
	}
	f, err := os.OpenFile(s.indexPath(), os.O_RDONLY|noFollow|nonBlock, 0)
	if err != nil {
		return nil, false
	}
	// The open file is the one vouched for, whatever replaces the index
	// while it is read.
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || stampOf(info) != index {
		f.Close()
		return nil, false
	}
	dir, err := os.Open(s.sessionsDir())
	if err != nil {
		f.Close()
		return nil, false
	}
	return &vouched{index: f, size: info.Size(), dir: dir}, true
}

func (v *vouched) Close() {
	v.index.Close()
	v.dir.Close()
}

// look sets whether an entry's file is as the entry says.
func (v *vouched) look(e *indexEntry) {
	st, regular, err := statIn(v.dir, e.File)
	e.unchanged = err == nil && regular && st == e.stamp
}

// entry is the session of an entry, at its file's path.
func (v *vouched) entry(e *indexEntry) SessionEntry {
	return SessionEntry{Path: filepath.Join(v.dir.Name(), e.File), Session: &e.sess, figures: e.figures}
}

// readVouch reads .index-folder, or says it cannot.
func (s *Store) readVouch() (folder, index stamp, ok bool) {
	f, err := os.OpenFile(s.vouchPath(), os.O_RDONLY|noFollow|nonBlock, 0)
	if err != nil {
		return stamp{}, stamp{}, false
	}
	defer f.Close()
	line, err := io.ReadAll(io.LimitReader(f, 256))
	if err != nil {
		return stamp{}, stamp{}, false
	}
	n, err := fmt.Sscanf(string(line), vouchFormat, &folder.Size, &folder.Mod, &folder.Inode, &index.Size, &index.Mod, &index.Inode)
	if err != nil || n != 6 || fmt.Sprintf(vouchFormat, folder.Size, folder.Mod, folder.Inode, index.Size, index.Mod, index.Inode) != string(line) {
		return stamp{}, stamp{}, false
	}
	return folder, index, true
}

// vouch writes .index-folder for the index with stamp index and the
// folder with stamp folder, as looked at from lookedAt on, when the
// folder had settled by then and both are still as they were; under the
// folder's lock, and only if it is free at once, as for the index.
func (s *Store) vouch(folder stamp, lookedAt time.Time, index stamp) {
	if folder.Mod > lookedAt.Add(-settleTime).UnixNano() {
		return
	}
	s.indexing.Lock()
	defer s.indexing.Unlock()
	if s.closed {
		return
	}
	_ = s.tryLocked(func() error {
		if now, err := s.folderStamp(); err != nil || now != folder {
			return nil
		}
		if info, err := os.Lstat(s.indexPath()); err != nil || stampOf(info) != index {
			return nil
		}
		line := fmt.Sprintf(vouchFormat, folder.Size, folder.Mod, folder.Inode, index.Size, index.Mod, index.Inode)
		return s.writePlain(s.vouchPath(), []byte(line))
	})
}
