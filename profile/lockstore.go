package profile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"filippo.io/age"
	"github.com/aftercare-tui/aftercare/seal"
)

// ErrLockedMeanwhile is a lock asked for with a new key on a store that
// another run locked first: the new key is not used.
var ErrLockedMeanwhile = errors.New("another aftercare locked the data while this one was asking, with its own passphrase or key; this one was not used")

// ErrUnlockedMeanwhile is a lock asked to finish on a store that another
// run unlocked first: there is no key to finish it with.
var ErrUnlockedMeanwhile = errors.New("another aftercare turned the lock off while this one was finishing it, so nothing was locked; run 'aftercare lock' again to lock it")

// NewKey makes the secret key a store is locked with.
func NewKey() (*age.X25519Identity, error) { return age.GenerateX25519Identity() }

// Locking is what turning the lock on or off did.
type Locking struct {
	// Changed is how many records were sealed, or opened.
	Changed int
	// Left are the records that could not be changed, each with why; they
	// are as they were.
	Left []error
}

// Lock seals the store to key. With a passphrase, key is kept in key.age
// sealed with it; without one, the person keeps key in an identity file
// and only its public key is kept here. Then every record still in plain
// text is sealed, profiles first given file names that say nothing of
// whose they are. On a store already locked, key must be nil: the records
// still plain are sealed, which is how a lock that was cut short is
// finished.
func (s *Store) Lock(key *age.X25519Identity, passphrase string) (Locking, error) {
	var done Locking
	err := s.locked(func() error {
		// Another run may have locked it, or turned the lock off, since
		// this one looked. Locked to the same key, it is finished here.
		switch {
		case key != nil && s.Locked():
			if same, err := s.LockedTo(key); err != nil || !same {
				return errors.Join(err, ErrLockedMeanwhile)
			}
		case key == nil && !s.Locked():
			return ErrUnlockedMeanwhile
		}
		if err := s.mayTurn(true); err != nil {
			return err
		}
		if !s.Locked() {
			if err := s.keepKey(key, passphrase); err != nil {
				return err
			}
		}
		if _, err := s.recipient(); err != nil {
			return err
		}
		if err := s.dropIndex(); err != nil {
			return err
		}
		var err error
		done, err = s.sealAll()
		return err
	})
	return done, err
}

// keepKey writes key.age (when there is a passphrase) and then key.pub,
// which is what makes the store locked: a lock cut short before it is no
// lock at all, and one cut short after it is finished by running it again.
func (s *Store) keepKey(key *age.X25519Identity, passphrase string) error {
	if key == nil {
		return errors.New("no key to lock with")
	}
	if passphrase == "" {
		if err := os.Remove(s.KeyPath()); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	} else if err := s.sealKey(key, passphrase); err != nil {
		return err
	}
	return s.writePlain(s.recipientPath(), []byte(key.Recipient().String()+"\n"))
}

// sealKey keeps key in key.age, sealed with the passphrase.
func (s *Store) sealKey(key *age.X25519Identity, passphrase string) error {
	to, err := seal.ToPassphrase(passphrase)
	if err != nil {
		return err
	}
	sealed, err := seal.Seal([]byte(key.String()+"\n"), to)
	if err != nil {
		return err
	}
	return s.writePlain(s.KeyPath(), sealed)
}

// sealAll seals each record still plain, in place. A profile is first
// moved to a file name that says nothing: a rename, so that a run cut
// short leaves it once, under one name or the other.
func (s *Store) sealAll() (Locking, error) {
	if err := s.listDueOfPlain(); err != nil {
		return Locking{}, err
	}
	var done Locking
	err := s.eachRecord(&done, func(path string, data []byte) error {
		isProfile := !strings.HasSuffix(path, ".json")
		if isProfile && !nameless(path) {
			to := s.randomProfilePath()
			if err := os.Rename(path, to); err != nil {
				return err
			}
			if err := syncDir(s.profilesDir()); err != nil {
				return err
			}
			path = to
		}
		if seal.IsSealed(data) {
			return nil
		}
		if err := s.write(path, data); err != nil {
			done.Left = append(done.Left, fmt.Errorf("%s: %w", path, err))
			return nil
		}
		done.Changed++
		return nil
	})
	return done, err
}

// listDueOfPlain adds the open follow-ups of the check-ins still in plain
// text to .due, before any is sealed: a lock cut short then leaves listed
// those it sealed, which nothing could count again without the key.
func (s *Store) listDueOfPlain() error {
	open := s.readDue()
	var skipped Locking
	err := s.eachRecord(&skipped, func(path string, data []byte) error {
		if strings.HasSuffix(path, ".json") && !seal.IsSealed(data) {
			if sess, err := decodeSession(path, data); err == nil && openFollowUp(sess) {
				open[sess.ID] = sess.Started
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return s.writeDue(open)
}

// recordFiles lists each profile and then each session file.
func (s *Store) recordFiles() ([]string, error) {
	profiles, err := dataFiles(s.profilesDir(), ".yaml")
	if err != nil {
		return nil, err
	}
	sessions, err := dataFiles(s.sessionsDir(), ".json")
	return append(profiles, sessions...), err
}

// eachRecord hands fn the path and bytes, as they are, of each profile
// and then each session; one that cannot be read is added to what was
// left, one gone since the folder was listed is passed over.
func (s *Store) eachRecord(done *Locking, fn func(path string, data []byte) error) error {
	paths, err := s.recordFiles()
	if err != nil {
		return err
	}
	for _, path := range paths {
		kind, limit := "profile", MaxProfileBytes
		if strings.HasSuffix(path, ".json") {
			kind, limit = "session", MaxSessionBytes
		}
		data, err := readSealable(nil, path, kind, limit, nil)
		switch {
		case errors.Is(err, os.ErrNotExist):
		case err != nil:
			done.Left = append(done.Left, err)
		default:
			if err := fn(path, data); err != nil {
				return err
			}
		}
	}
	return nil
}

// Unlock turns the lock off: every sealed record is opened and written
// back in plain text, each profile under a file name made from its name
// again; then the keys are removed. The store must be unlocked in this
// run. Cut short, the store stays locked, with some records plain, and
// running it again finishes the job.
func (s *Store) Unlock() (Locking, error) {
	var done Locking
	err := s.locked(func() error {
		// Asked under the lock, as another run may have unlocked it
		// while this one waited for its turn.
		switch {
		case !s.Locked():
			return ErrNotLocked
		case !s.Unlocked():
			return ErrLocked
		}
		if err := s.mayTurn(false); err != nil {
			return err
		}
		if err := s.dropIndex(); err != nil {
			return err
		}
		var err error
		if done, err = s.openAll(); err != nil {
			return err
		}
		if len(done.Left) > 0 {
			return nil
		}
		if err := s.dropDue(); err != nil {
			return err
		}
		if err := removeDurably(s.recipientPath()); err != nil {
			return err
		}
		if err := os.Remove(s.KeyPath()); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		return nil
	})
	return done, err
}

// openAll writes each sealed record back in plain text, in place, and
// moves each profile to a file name made from its name.
func (s *Store) openAll() (Locking, error) {
	var done Locking
	var named []string
	err := s.eachRecord(&done, func(path string, data []byte) error {
		if seal.IsSealed(data) {
			var err error
			if data, err = s.opened(path, data); err != nil {
				done.Left = append(done.Left, err)
				return nil
			}
			if err := s.writePlain(path, data); err != nil {
				done.Left = append(done.Left, fmt.Errorf("%s: %w", path, err))
				return nil
			}
			done.Changed++
		}
		if strings.HasSuffix(path, ".json") || !nameless(path) {
			return nil
		}
		// A profile that does not read keeps the name it has.
		p, err := s.decodeProfile(path, data)
		if err != nil {
			return nil
		}
		to := s.slugProfilePath(p.Name, named...)
		named = append(named, to)
		if err := os.Rename(path, to); err != nil {
			return err
		}
		return syncDir(s.profilesDir())
	})
	return done, err
}

// ChangePassphrase seals the store's key with a new passphrase; no record
// is written. The store must have been unlocked with its passphrase in
// this run.
func (s *Store) ChangePassphrase(passphrase string) error {
	s.keys.mu.Lock()
	own := s.keys.own
	s.keys.mu.Unlock()
	if own == nil {
		return ErrLocked
	}
	return s.locked(func() error { return s.sealKey(own, passphrase) })
}

// MayLock says which of what turning the lock on, or finishing it, would
// change a person made read-only, if any. Lock checks it again; asking
// first spares typing a passphrase for nothing.
func (s *Store) MayLock() error { return s.mayTurn(true) }

// MayUnlock is MayLock for turning the lock off.
func (s *Store) MayUnlock() error { return s.mayTurn(false) }

// MayChangePassphrase is MayLock for a new passphrase, which rewrites
// key.age alone.
func (s *Store) MayChangePassphrase() error { return s.mayWrite(s.KeyPath()) }

// mayTurn says why turning the lock on, or off, may not go ahead because
// a person made something it would write, rename or remove read-only. It
// is asked of everything before anything is changed: a lock stopped at
// the first read-only record would leave the store half sealed behind
// the person's back.
func (s *Store) mayTurn(on bool) error {
	paths := []string{s.indexPath(), s.vouchPath(), s.duePath()}
	if !on || !s.Locked() {
		paths = append(paths, s.recipientPath(), s.KeyPath())
	}
	records, err := s.recordFiles()
	if err != nil {
		return err
	}
	for _, path := range records {
		sealed, err := sealedFile(path)
		// A locked store's profile has a file name that says nothing, an
		// open one's a name made from whose it is.
		renamed := strings.HasSuffix(path, ".yaml") && nameless(path) != on
		if err != nil || sealed != on || renamed {
			paths = append(paths, path)
		}
	}
	return s.mayWrite(paths...)
}

// PlainRecords counts the profiles and sessions in plain text: in a
// locked store, those a lock cut short has not sealed yet. A record that
// cannot be opened is not counted.
func (s *Store) PlainRecords() (int, error) {
	if err := s.checkPlaces(); err != nil {
		return 0, err
	}
	paths, err := s.recordFiles()
	if err != nil {
		return 0, err
	}
	plain := 0
	for _, path := range paths {
		if sealed, err := sealedFile(path); err == nil && !sealed {
			plain++
		}
	}
	return plain, nil
}

// sealedHead is how much of a file tells whether it is sealed: age's
// first line, after any blank ones.
const sealedHead = 512

// sealedFile says whether the record at path is sealed by its first bytes
// alone, without decrypting it or reading it whole, so that every record
// can be asked cheaply.
func sealedFile(path string) (bool, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|noFollow|nonBlock, 0)
	if err != nil {
		return false, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return false, err
	}
	if !info.Mode().IsRegular() {
		// Reading a named pipe could wait for ever.
		return false, notRegular(path, info.Mode())
	}
	head := make([]byte, sealedHead)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return false, err
	}
	return seal.IsSealed(head[:n]), nil
}
