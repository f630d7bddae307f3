// Package seal encrypts and decrypts whole files with age
// (https://age-encryption.org): to a passphrase, or to the public keys of
// the people who may read them. What it writes is age's armored text, so
// that a sealed export can be mailed or pasted like the plain one, and any
// age tool can open it.
package seal

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"filippo.io/age"
	"filippo.io/age/armor"
)

// maxWorkFactor caps the scrypt work a sealed file may ask for: age's own
// files ask for 2^18, and a file asking far more could keep a command busy
// for minutes.
const maxWorkFactor = 20

// GoodPassphrase says how long a passphrase should be, for the prompt.
const GoodPassphrase = "A good passphrase is four or more words, or 12 or more characters; aftercare cannot recover it."

// IsSealed says whether data is an age file, armored or not.
func IsSealed(data []byte) bool {
	data = bytes.TrimLeft(data, " \t\r\n")
	return bytes.HasPrefix(data, []byte(armor.Header)) || bytes.HasPrefix(data, []byte("age-encryption.org/"))
}

// WantsPassphrase says whether sealed data was sealed with a passphrase,
// rather than to keys.
func WantsPassphrase(data []byte) bool {
	header, err := age.ExtractHeader(reader(data))
	return err == nil && bytes.Contains(header, []byte("\n-> scrypt "))
}

func reader(data []byte) io.Reader {
	if bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte(armor.Header)) {
		return armor.NewReader(bytes.NewReader(data))
	}
	return bytes.NewReader(data)
}

// PassphraseWork is the scrypt work factor (a power of two) a passphrase
// is sealed with: age's own, about a second here. Tests lower it, since
// the race detector makes each second a minute.
var PassphraseWork = 18

// ToPassphrase is the recipient of a passphrase; an empty one is refused.
func ToPassphrase(passphrase string) (age.Recipient, error) {
	if strings.TrimSpace(passphrase) == "" {
		return nil, errors.New("the passphrase is empty")
	}
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return nil, err
	}
	r.SetWorkFactor(PassphraseWork)
	return r, nil
}

// WithPassphrase is the identity that opens what was sealed with a
// passphrase.
func WithPassphrase(passphrase string) (age.Identity, error) {
	id, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return nil, err
	}
	id.SetMaxWorkFactor(maxWorkFactor)
	return id, nil
}

// ParseRecipient reads a public key: an age one (age1…).
func ParseRecipient(key string) (age.Recipient, error) {
	r, err := age.ParseX25519Recipient(strings.TrimSpace(key))
	if err != nil {
		return nil, fmt.Errorf("%q is not an age public key: one is 62 letters and digits starting age1, as age-keygen prints it", clip(key))
	}
	return r, nil
}

// ReadIdentities reads an age identity file: one secret key a line
// (AGE-SECRET-KEY-1…), with # comments, as age-keygen writes it.
func ReadIdentities(path string) ([]age.Identity, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ids, err := age.ParseIdentities(bufio.NewReader(io.LimitReader(f, 1<<20)))
	if err != nil {
		return nil, fmt.Errorf("%s: not an age identity file: %w", path, err)
	}
	return ids, nil
}

// Seal encrypts data to the recipients, as armored text.
func Seal(data []byte, recipients ...age.Recipient) ([]byte, error) {
	var out bytes.Buffer
	w, err := NewWriter(&out, recipients...)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// NewWriter seals what is written to it to the recipients, as armored
// text on w, as it goes; Close writes the end. Nothing reaches w in plain
// text.
func NewWriter(w io.Writer, recipients ...age.Recipient) (io.WriteCloser, error) {
	armored := armor.NewWriter(w)
	sealed, err := age.Encrypt(armored, recipients...)
	if err != nil {
		return nil, err
	}
	return &sealer{WriteCloser: sealed, armored: armored}, nil
}

type sealer struct {
	io.WriteCloser
	armored io.WriteCloser
}

func (s *sealer) Close() error {
	if err := s.WriteCloser.Close(); err != nil {
		return err
	}
	return s.armored.Close()
}

// ErrWrongKey is sealed data that none of the identities given opens: a
// wrong passphrase, or a key it was not sealed to.
var ErrWrongKey = errors.New("it cannot be opened with that passphrase or key")

// Unseal decrypts data, armored or not, reading no more than limit bytes
// of what it holds.
func Unseal(data []byte, limit int, identities ...age.Identity) ([]byte, error) {
	r, err := age.Decrypt(reader(data), identities...)
	var noMatch *age.NoIdentityMatchError
	switch {
	case err != nil && strings.Contains(err.Error(), "work factor too large"):
		return nil, fmt.Errorf("its passphrase asks for more work than aftercare does (at most 2^%d), so it was not tried", maxWorkFactor)
	case errors.As(err, &noMatch):
		return nil, ErrWrongKey
	case err != nil:
		return nil, fmt.Errorf("it is not a whole age file: %w", err)
	}
	plain, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("it is damaged or cut short: %w", err)
	case len(plain) > limit:
		return nil, fmt.Errorf("what it holds is larger than %d bytes", limit)
	}
	return plain, nil
}

// clip keeps what a message quotes of a mistyped key short and whole.
func clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	s = s[:40]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s + "…"
}
