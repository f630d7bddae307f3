package seal

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
)

// quick is a passphrase recipient that takes little work, so that tests
// do not wait on scrypt; the files it seals open like any other.
func quick(t testing.TB, passphrase string) age.Recipient {
	t.Helper()
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		t.Fatal(err)
	}
	r.SetWorkFactor(10)
	return r
}

func TestSealedDataOpensOnlyWithItsKey(t *testing.T) {
	plain := []byte("{\"note\": \"the secret we told\"}\n")
	key, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	other, _ := age.GenerateX25519Identity()
	right, _ := WithPassphrase("correct horse battery staple")
	wrong, _ := WithPassphrase("correct horse battery")
	tests := []struct {
		name       string
		to         age.Recipient
		with       []age.Identity
		passphrase bool
		err        error
	}{
		{"a key", key.Recipient(), []age.Identity{key}, false, nil},
		{"one of several keys", key.Recipient(), []age.Identity{other, key}, false, nil},
		{"another key", key.Recipient(), []age.Identity{other}, false, ErrWrongKey},
		{"a passphrase", quick(t, "correct horse battery staple"), []age.Identity{right}, true, nil},
		{"a wrong passphrase", quick(t, "correct horse battery staple"), []age.Identity{wrong}, true, ErrWrongKey},
		{"a key for a passphrase", quick(t, "correct horse battery staple"), []age.Identity{key}, true, ErrWrongKey},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sealed, err := Seal(plain, tt.to)
			if err != nil {
				t.Fatal(err)
			}
			if !IsSealed(sealed) || bytes.Contains(sealed, []byte("secret")) || !strings.HasPrefix(string(sealed), "-----BEGIN AGE ENCRYPTED FILE-----\n") {
				t.Fatalf("not sealed as armored age:\n%s", sealed)
			}
			if WantsPassphrase(sealed) != tt.passphrase {
				t.Errorf("WantsPassphrase = %v", !tt.passphrase)
			}
			got, err := Unseal(sealed, 1<<20, tt.with...)
			switch {
			case !errors.Is(err, tt.err):
				t.Fatalf("Unseal: %v, want %v", err, tt.err)
			case err == nil && !bytes.Equal(got, plain):
				t.Errorf("opened as %q", got)
			}
		})
	}
}

func TestUnsealRefusesWhatIsNotWhole(t *testing.T) {
	key, _ := age.GenerateX25519Identity()
	sealed, err := Seal(bytes.Repeat([]byte("tea "), 100_000), key.Recipient())
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"cut short":          sealed[:len(sealed)/2],
		"plain text":         []byte(`{"version": 1}`),
		"a header alone":     []byte("age-encryption.org/v1\n"),
		"larger than wanted": sealed,
	} {
		if _, err := Unseal(data, 1000, key); err == nil {
			t.Errorf("%s: opened", name)
		}
	}
	if IsSealed([]byte(`{"version": 1}`)) || !IsSealed(append([]byte("\n  "), sealed...)) {
		t.Error("IsSealed is wrong")
	}
}

func TestKeysAreReadAsAgeWritesThem(t *testing.T) {
	key, _ := age.GenerateX25519Identity()
	path := filepath.Join(t.TempDir(), "key.txt")
	if err := os.WriteFile(path, []byte("# created: today\n# public key: "+key.Recipient().String()+"\n"+key.String()+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ids, err := ReadIdentities(path)
	if err != nil || len(ids) != 1 {
		t.Fatalf("ReadIdentities = %v, %v", ids, err)
	}
	if _, err := ParseRecipient(" " + key.Recipient().String() + "\n"); err != nil {
		t.Error(err)
	}
	for _, bad := range []string{"", "age1", "ssh-ed25519 AAAA", strings.Repeat("é", 100)} {
		if _, err := ParseRecipient(bad); err == nil {
			t.Errorf("%q was taken as a key", bad)
		}
	}
	if _, err := ToPassphrase("  "); err == nil {
		t.Error("an empty passphrase was taken")
	}
	if err := os.WriteFile(path, []byte("not a key\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadIdentities(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("a file of no keys: %v", err)
	}
}

func FuzzUnseal(f *testing.F) {
	key, _ := age.GenerateX25519Identity()
	sealed, _ := Seal([]byte("tea"), key.Recipient())
	f.Add(sealed)
	f.Add(sealed[:60])
	f.Add([]byte("age-encryption.org/v1\n-> X25519 abc\n--- def\n"))
	f.Add([]byte("-----BEGIN AGE ENCRYPTED FILE-----\n!!!!\n-----END AGE ENCRYPTED FILE-----\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		plain, err := Unseal(data, 1<<16, key)
		if err == nil && len(plain) > 1<<16 {
			t.Errorf("opened %d bytes past the limit", len(plain))
		}
		WantsPassphrase(data)
	})
}

func TestAPassphraseAskingTooMuchWorkIsNotTried(t *testing.T) {
	// Sealed with little work, then made to ask for more than is allowed:
	// sealing with that much work would itself take minutes.
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, quick(t, "tea"))
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("tea"))
	w.Close()
	header, rest, _ := strings.Cut(buf.String(), "\n---")
	asking := strings.Replace(header, " 10\n", " 21\n", 1)
	if asking == header {
		t.Fatalf("no work factor in the header:\n%s", header)
	}
	id, _ := WithPassphrase("tea")
	if _, err := Unseal([]byte(asking+"\n---"+rest), 100, id); err == nil || !strings.Contains(err.Error(), "asks for more work than aftercare does") {
		t.Errorf("Unseal: %v", err)
	}
}
