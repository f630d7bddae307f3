package profile

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/gofrs/flock"
)

// Writers take turns through the data folder's lock, .lock. Waiting is
// fair: writers in one process queue on a channel (Go wakes them in the
// order they came), and each then waits for the file lock blocked in the
// kernel, which hands it on as soon as it is let go, rather than trying
// again every few milliseconds and missing the moments it is free. A
// writer holds the lock only for its own read-modify-write.

// lockTimeout is how long a command waits for other aftercare processes
// that are writing. A write takes milliseconds, so even fifty writers at
// once on a busy machine are through within it; a longer wait means one
// is stuck.
const lockTimeout = 60 * time.Second

// newLock is the lock file at path, which is made if need be and never
// opened through a symbolic link.
func newLock(path string) *flock.Flock {
	return flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDWR|noFollow), flock.SetPermissions(fileMode))
}

// queues holds, for each data folder, the turn of the writers in this
// process: a channel with room for one, filled by the writer whose turn
// it is.
var queues sync.Map

func queueFor(dir string) chan struct{} {
	q, _ := queues.LoadOrStore(filepath.Clean(dir), make(chan struct{}, 1))
	return q.(chan struct{})
}

// errBusy is the lock not coming free in time.
var errBusy = errors.New("busy")

// locked runs fn while holding the data folder's lock, so that two
// aftercare processes never interleave a read-modify-write and no update is
// lost. Before fn, it finishes or takes back an import that was cut short
// and sweeps up what writers and editors that were killed left behind.
func (s *Store) locked(fn func() error) error {
	if err := s.makeDir(); err != nil {
		return err
	}
	if !fileExists(s.lockPath()) {
		if err := mayChange(s.dir); err != nil {
			return err
		}
	}
	deadline := time.NewTimer(lockTimeout)
	defer deadline.Stop()
	queue := queueFor(s.dir)
	select {
	case queue <- struct{}{}:
	case <-deadline.C:
		return s.busy()
	}
	defer func() { <-queue }()
	lock, err := lockFile(s.lockPath(), deadline.C)
	switch {
	case errors.Is(err, errBusy):
		return s.busy()
	case err != nil:
		return fmt.Errorf("locking %s: %w", s.dir, err)
	}
	defer lock.Close()
	if err := s.sweep(nil); err != nil {
		return err
	}
	return fn()
}

// tryLocked runs fn holding the lock if it is free at once, and returns
// errBusy otherwise; it makes nothing, so a folder that may not be
// changed is left as it is. It is for work that can wait for another run.
func (s *Store) tryLocked(fn func() error) error {
	if err := mayChange(s.dir); err != nil {
		return err
	}
	queue := queueFor(s.dir)
	select {
	case queue <- struct{}{}:
	default:
		return errBusy
	}
	defer func() { <-queue }()
	lock := newLock(s.lockPath())
	if ok, err := lock.TryLock(); !ok || err != nil {
		return cmp.Or(err, errBusy)
	}
	defer lock.Close()
	return fn()
}

func (s *Store) busy() error {
	return fmt.Errorf("another aftercare is still writing in %s; try again in a moment", s.dir)
}

// lockFile takes the lock at path, waiting for it in the kernel until
// deadline fires. A wait given up on goes on in the background and lets
// the lock go as soon as it has it.
func lockFile(path string, deadline <-chan time.Time) (*flock.Flock, error) {
	lock := newLock(path)
	if ok, err := lock.TryLock(); ok || err != nil {
		return lock, err
	}
	got := make(chan error, 1)
	go func() { got <- lock.Lock() }()
	select {
	case err := <-got:
		return lock, err
	case <-deadline:
		go func() {
			if <-got == nil {
				_ = lock.Close()
			}
		}()
		return nil, errBusy
	}
}
