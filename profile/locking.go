package profile

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"filippo.io/age"
	"filippo.io/age/armor"
	"github.com/aftercare-tui/aftercare/seal"
)

// A locked data folder holds a public key, key.pub, and every record is
// sealed to it with age: saving needs only that key, so a check-in can be
// saved by someone who cannot read the history. Reading needs the secret
// key, which key.age keeps sealed with the passphrase (or which a person
// keeps in an identity file of their own, and then there is no key.age).
// A record is sealed or plain by its first bytes, not by where it is, so
// that locking and unlocking can be cut short at any file and finished by
// running them again: every file is readable, old form or new.
const (
	keyFile       = "key.age"
	recipientFile = "key.pub"
)

// ErrLocked is a sealed record met while the store is not unlocked.
var ErrLocked = errors.New("it is locked: reading it needs the passphrase, or the key it was locked to")

// ErrWrongPassphrase is a passphrase or identity that does not open the
// store.
var ErrWrongPassphrase = errors.New("that passphrase does not open aftercare's data")

// ErrNotLocked is asking to unlock or change a store that is not locked.
var ErrNotLocked = errors.New("the data is not locked")

// keys is what a store knows of its lock in this run.
type keys struct {
	mu  sync.Mutex
	ids []age.Identity
	// own is the secret key unlocked from key.age, kept to seal it again
	// under a new passphrase.
	own *age.X25519Identity
}

// KeyPath is where the key the records open with is kept, sealed with
// the passphrase, when the lock has one.
func (s *Store) KeyPath() string { return filepath.Join(s.dir, keyFile) }

func (s *Store) recipientPath() string { return filepath.Join(s.dir, recipientFile) }

// Locked says whether records are sealed: the folder holds a public key.
func (s *Store) Locked() bool { return fileExists(s.recipientPath()) }

// WantsPassphrase says whether the store is opened with a passphrase,
// rather than with an identity file the person keeps.
func (s *Store) WantsPassphrase() bool { return fileExists(s.KeyPath()) }

// Unlocked says whether this run can read sealed records.
func (s *Store) Unlocked() bool {
	s.keys.mu.Lock()
	defer s.keys.mu.Unlock()
	return s.keys.ids != nil
}

// LockedMeanwhile says whether the store, open when this run began to read
// it, has been locked since by another run: it is locked now, this run
// cannot read it, and errs hold a record found sealed (when any are
// given). A sealed record in a store that is not locked is damaged.
func (s *Store) LockedMeanwhile(errs ...error) bool {
	if !s.Locked() || s.Unlocked() {
		return false
	}
	return errs == nil || slices.ContainsFunc(errs, func(err error) bool { return errors.Is(err, ErrLocked) })
}

// recipient is the public key records are sealed to, or nil when the
// store is not locked. A key that cannot be read stops every write: a
// locked store is never written to in plain text.
func (s *Store) recipient() (age.Recipient, error) {
	data, err := readRecord(s.recipientPath(), "public key", 4096, nil)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, err
	}
	r, err := age.ParseX25519Recipient(strings.TrimSpace(string(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: not an age public key, so nothing can be saved while it is locked; %w", s.recipientPath(), err)
	}
	return r, nil
}

// LockedTo says whether the store is locked to key: whether what is saved
// is sealed to its public key.
func (s *Store) LockedTo(key *age.X25519Identity) (bool, error) {
	r, err := s.recipient()
	if err != nil || r == nil {
		return false, err
	}
	x, ok := r.(*age.X25519Recipient)
	return ok && x.String() == key.Recipient().String(), nil
}

// CheckLock says what is wrong with a locked store's public key, if
// anything is: nothing can be saved until it is mended.
func (s *Store) CheckLock() error {
	_, err := s.recipient()
	return err
}

// UnlockWithPassphrase opens key.age with the passphrase, so that this
// run can read sealed records. A store that is not locked, as when
// another run unlocked it while the passphrase was asked for, has
// nothing to open: everything in it reads as it is.
func (s *Store) UnlockWithPassphrase(passphrase string) error {
	data, err := readRecord(s.KeyPath(), "key", 64<<10, nil)
	if errors.Is(err, fs.ErrNotExist) {
		if s.Locked() {
			return fmt.Errorf("the data was locked to an identity file, not a passphrase: name it with --identity or AFTERCARE_IDENTITY")
		}
		return nil
	}
	if err != nil {
		return err
	}
	with, err := seal.WithPassphrase(passphrase)
	if err != nil {
		return ErrWrongPassphrase
	}
	plain, err := seal.Unseal(data, 64<<10, with)
	switch {
	case errors.Is(err, seal.ErrWrongKey):
		return ErrWrongPassphrase
	case err != nil:
		return fmt.Errorf("%s: %w", s.KeyPath(), err)
	}
	ids, err := age.ParseIdentities(bytes.NewReader(plain))
	if err != nil || len(ids) != 1 {
		return fmt.Errorf("%s: it opens, but does not hold one age secret key", s.KeyPath())
	}
	own, ok := ids[0].(*age.X25519Identity)
	if !ok {
		return fmt.Errorf("%s: it opens, but does not hold an age X25519 key", s.KeyPath())
	}
	if err := s.unlockWith(ids); err != nil {
		return err
	}
	s.keys.mu.Lock()
	s.keys.own = own
	s.keys.mu.Unlock()
	return nil
}

// UnlockWithIdentities opens the store with identities from a file the
// person keeps; one of them must be the key the store is sealed to.
func (s *Store) UnlockWithIdentities(ids []age.Identity) error {
	if !s.Locked() {
		return ErrNotLocked
	}
	return s.unlockWith(ids)
}

// unlockWith keeps ids for reading, once one of them is known to be the
// store's key: a wrong key is said at once, not at each record.
func (s *Store) unlockWith(ids []age.Identity) error {
	r, err := s.recipient()
	if err != nil {
		return err
	}
	if r == nil {
		return ErrNotLocked
	}
	want := r.(*age.X25519Recipient).String()
	for _, id := range ids {
		if x, ok := id.(*age.X25519Identity); ok && x.Recipient().String() == want {
			s.keys.mu.Lock()
			s.keys.ids = ids
			s.keys.mu.Unlock()
			return nil
		}
	}
	return ErrWrongPassphrase
}

func (s *Store) identities() []age.Identity {
	s.keys.mu.Lock()
	defer s.keys.mu.Unlock()
	return s.keys.ids
}

// sealedLimit is how large a sealed record of at most limit bytes may be:
// age adds its header (a few hundred bytes; 4 KiB is allowed) and 16 bytes
// to each 64 KiB, and its armor writes all that in base64, a third more,
// in lines of 64 characters between a first and a last line.
func sealedLimit(limit int) int {
	binary := limit + limit/4096 + 16 + 4096
	text := (binary + 2) / 3 * 4
	return text + text/64 + 1 + 2*len(armor.Header)
}

// readOpened reads a record, plain or sealed, and gives its plain bytes;
// limit is that of the plain record. buf is used as readRecord uses it.
func (s *Store) readOpened(path, kind string, limit int, buf []byte) ([]byte, error) {
	data, err := readSealable(nil, path, kind, limit, buf)
	if err != nil {
		return nil, err
	}
	return s.opened(path, data)
}

// opened is a record's plain bytes: data itself, or data unsealed. What a
// sealed record holds is never larger than the record, and whether it is
// too large is left to its reader, which says so as it does for a plain
// record, with the same limit.
func (s *Store) opened(path string, data []byte) ([]byte, error) {
	if !seal.IsSealed(data) {
		return data, nil
	}
	ids := s.identities()
	if ids == nil {
		return nil, fmt.Errorf("%s: %w", path, ErrLocked)
	}
	plain, err := seal.Unseal(data, len(data), ids...)
	if err != nil {
		return nil, fmt.Errorf("%s: sealed, and %w", path, err)
	}
	return plain, nil
}

// sealed is data as it is written: sealed to the store's key when the
// store is locked.
func (s *Store) sealed(data []byte) ([]byte, error) {
	r, err := s.recipient()
	if err != nil || r == nil {
		return data, err
	}
	return seal.Seal(data, r)
}

// openedIndex is the index as it reads: a sealed one is opened with the
// store's key, or is as good as missing without it. A plain one in a
// locked store is as good as missing too: aftercare never writes one
// there, and trusted, it would keep names in plain text for good.
func (s *Store) openedIndex(f io.Reader) (io.Reader, bool) {
	r := bufio.NewReader(f)
	start, _ := r.Peek(len(armor.Header))
	if !seal.IsSealed(start) {
		return r, !s.Locked()
	}
	ids := s.identities()
	if ids == nil {
		return nil, false
	}
	plain, err := age.Decrypt(armor.NewReader(r), ids...)
	if err != nil {
		return nil, false
	}
	return plain, true
}

// randomProfilePath is a file name for a profile that says nothing of
// whose it is, for a locked store.
func (s *Store) randomProfilePath() string {
	for {
		var b [8]byte
		_, _ = rand.Read(b[:])
		path := filepath.Join(s.profilesDir(), hex.EncodeToString(b[:])+".yaml")
		if !fileExists(path) {
			return path
		}
	}
}

// nameless says whether a profile's file name is one a locked store gives.
func nameless(path string) bool {
	base := strings.TrimSuffix(filepath.Base(path), ".yaml")
	if len(base) != 16 {
		return false
	}
	_, err := hex.DecodeString(base)
	return err == nil
}
