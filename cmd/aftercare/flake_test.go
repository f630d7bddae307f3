package main

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"hash"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
)

// TestTheFlakeNamesTheHashOfTheModulesItBuildsWith checks flake.nix's
// vendorHash against the folder 'go mod vendor' makes, hashed as Nix hashes
// a store path, so that a change of module does not leave 'nix build'
// failing on a hash nobody could check without Nix.
func TestTheFlakeNamesTheHashOfTheModulesItBuildsWith(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to vendor the modules with")
	}
	root := filepath.Join("..", "..")
	flake, err := os.ReadFile(filepath.Join(root, "flake.nix"))
	if err != nil {
		t.Fatal(err)
	}
	named := regexp.MustCompile(`vendorHash = "(sha256-[A-Za-z0-9+/=]+)";`).FindSubmatch(flake)
	if named == nil {
		t.Fatal("flake.nix names no vendorHash")
	}
	vendor := filepath.Join(t.TempDir(), "vendor")
	cmd := exec.Command(goTool, "mod", "vendor", "-o", vendor)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod vendor: %v\n%s", err, out)
	}
	h := sha256.New()
	if err := narHash(h, vendor); err != nil {
		t.Fatal(err)
	}
	if got := "sha256-" + base64.StdEncoding.EncodeToString(h.Sum(nil)); got != string(named[1]) {
		t.Errorf("flake.nix has vendorHash %s, but the modules hash to %s: set it to that", named[1], got)
	}
}

// narHash writes path to h as a Nix archive (NAR), the form Nix hashes a
// store path in: each string as its length and its bytes padded to eight,
// a folder's entries in byte order, and of a file's mode only whether it
// can be run.
func narHash(h hash.Hash, path string) error {
	str := func(s string) {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		io.WriteString(h, s)
		h.Write(make([]byte, (8-len(s)%8)%8))
	}
	var node func(path string) error
	node = func(path string) error {
		info, err := os.Lstat(path)
		if err != nil {
			return err
		}
		str("(")
		switch {
		case info.Mode()&os.ModeSymlink != 0:
			target, err := os.Readlink(path)
			if err != nil {
				return err
			}
			str("type")
			str("symlink")
			str("target")
			str(target)
		case info.IsDir():
			str("type")
			str("directory")
			entries, err := os.ReadDir(path)
			if err != nil {
				return err
			}
			names := make([]string, len(entries))
			for i, e := range entries {
				names[i] = e.Name()
			}
			slices.Sort(names)
			for _, name := range names {
				str("entry")
				str("(")
				str("name")
				str(name)
				str("node")
				if err := node(filepath.Join(path, name)); err != nil {
					return err
				}
				str(")")
			}
		default:
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			str("type")
			str("regular")
			if info.Mode()&0o111 != 0 {
				str("executable")
				str("")
			}
			str("contents")
			str(string(data))
		}
		str(")")
		return nil
	}
	str("nix-archive-1")
	return node(path)
}
