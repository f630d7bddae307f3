package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
	"github.com/aftercare-tui/aftercare/seal"
)

// In-process runs have no terminal to ask a passphrase on, whatever runs
// the tests: a test never waits on someone's real terminal.
func init() {
	openTerminal = func() (*os.File, *os.File, error) { return nil, nil, errNoTerminal }
}

// keyFile writes an age identity file, as age-keygen does, and returns
// its path and public key.
func keyFile(t *testing.T) (string, string) {
	t.Helper()
	key, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "key.txt")
	writeFile(t, path, "# public key: "+key.Recipient().String()+"\n"+key.String()+"\n")
	return path, key.Recipient().String()
}

func TestASealedExportOpensOnlyWithItsKey(t *testing.T) {
	home := emptyHome(t)
	backup := filepath.Join(home, "backup.json")
	writeFile(t, backup, aHistory)
	mustRun(t, "", "import", backup)
	plain := mustRun(t, "", "export")
	keyPath, public := keyFile(t)
	otherKey, _ := keyFile(t)

	sealed := mustRun(t, "", "export", "--recipient", public)
	if !strings.HasPrefix(sealed, "-----BEGIN AGE ENCRYPTED FILE-----\n") {
		t.Fatalf("not sealed:\n%.300s", sealed)
	}
	for _, secret := range []string{"Tea helped", `"Sam"`, `"Alex"`, "make-tea"} {
		if strings.Contains(sealed, secret) {
			t.Errorf("the sealed export shows %q", secret)
		}
	}
	file := filepath.Join(home, "backup.age")
	mustRun(t, "", "export", "--recipient", public, "-o", file)
	withPassphrase := filepath.Join(home, "passphrase.age")
	quick, err := age.NewScryptRecipient("correct horse battery staple")
	if err != nil {
		t.Fatal(err)
	}
	quick.SetWorkFactor(10)
	data, err := seal.Seal([]byte(plain), quick)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, withPassphrase, string(data))

	tests := []struct {
		name     string
		args     []string
		env      string
		stdin    string
		code     int
		said     string
		imported bool
	}{
		{"no key", []string{"import", file}, "", "", exitFailure, "the export is sealed to a key, not a passphrase: name the key's file with --identity FILE", false},
		{"another key", []string{"import", "--identity", otherKey, file}, "", "", exitFailure, "nothing was imported: it cannot be opened with that passphrase or key", false},
		{"not a key file", []string{"import", "--identity", backup, file}, "", "", exitFailure, "backup.json: not an age identity file", false},
		{"a passphrase and no terminal", []string{"import", withPassphrase}, "", "", exitFailure, "the export is sealed with a passphrase, and there is no terminal here to ask for a passphrase on; run the command in a terminal", false},
		{"its key", []string{"import", "--identity", keyPath, file}, "", "", 0, "", true},
		{"its key from the environment", []string{"import", file}, keyPath, "", 0, "", true},
		{"on standard input", []string{"import", "--identity", keyPath, "-"}, "", sealed, 0, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			emptyHome(t)
			t.Setenv("AFTERCARE_IDENTITY", tt.env)
			got := aftercare(t, tt.stdin, tt.args...)
			if got.code != tt.code || !strings.Contains(got.stderr, tt.said) {
				t.Fatalf("exit %d, want %d; stderr:\n%s", got.code, tt.code, got.stderr)
			}
			if again := aftercare(t, "", "export"); (again.stdout == plain) != tt.imported {
				t.Errorf("imported %v, want %v:\n%s", !tt.imported, tt.imported, again.stdout)
			}
		})
	}
}

func TestAnExportIsSealedOnlyAsAsked(t *testing.T) {
	emptyHome(t)
	_, public := keyFile(t)
	for _, tt := range []struct {
		args []string
		code int
		said string
	}{
		{[]string{"export", "--encrypt", "--recipient", public}, exitUsage, "give --encrypt or --recipient, not both"},
		{[]string{"export", "--recipient", "age1notakey"}, exitUsage, `--recipient: "age1notakey" is not an age public key`},
		{[]string{"export", "--encrypt"}, exitFailure, "there is no terminal here to ask for a passphrase on, so nothing was exported"},
	} {
		got := aftercare(t, "", tt.args...)
		if got.code != tt.code || !strings.Contains(got.stderr, tt.said) || got.stdout != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr:\n%s", tt.args, got.code, got.stdout, got.stderr)
		}
	}
}

func TestASealedExportTooLargeToImportSaysSo(t *testing.T) {
	const mib = 1 << 20
	for _, tt := range []struct {
		format      string
		plain, file int
		why         string
		warns       bool
		says        string
	}{
		{"json", 3 * mib, 3 * mib, "", false, ""},
		{"json", 31 * mib, 32*mib + 1, "", true, "(32 MiB), so it cannot be imported whole.\n"}, // sealed, the file outgrows what import reads
		{"yaml", 100 << 10, 140 << 10, "", false, ""},
		{"yaml", 200 << 10, 270 << 10, "", true, "(128 KiB), so it cannot be imported whole. A json export of the same data may fit.\n"},
		{"markdown", 3 * mib, 5 * mib, "", false, ""},
		{"json", mib, mib, "it holds 10,001 check-ins", true, "Note: it holds 10,001 check-ins, so this export cannot be imported whole.\n"},
		{"yaml", 20 * mib, 20 * mib, "", true, "(128 KiB), so it cannot be imported whole.\n"}, // plain and too large: the YAML limit, and no hint of json
		{"markdown", mib, mib, "it holds 10,001 check-ins", false, ""},                         // for reading only
	} {
		var stderr strings.Builder
		a := &app{stderr: &stderr}
		a.warnIfNotImportable(tt.format, tt.plain, tt.file, tt.why)
		if warned := strings.Contains(stderr.String(), "cannot be imported whole"); warned != tt.warns || !strings.HasSuffix(stderr.String(), tt.says) {
			t.Errorf("%s of %d bytes in a file of %d: %q", tt.format, tt.plain, tt.file, stderr.String())
		}
	}
}
