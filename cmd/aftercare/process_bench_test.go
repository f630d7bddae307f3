package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkProcess measures whole commands as a person runs them, process
// start included, beside a Go program that prints one line: what is left
// over is aftercare's own.
func BenchmarkProcess(b *testing.B) {
	dir := b.TempDir()
	hello := filepath.Join(dir, "hello.go")
	if err := os.WriteFile(hello, []byte("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello\") }\n"), 0o600); err != nil {
		b.Fatal(err)
	}
	helloBin := buildForBench(b, hello)
	aftercare := buildForBench(b, ".")
	home := b.TempDir()
	run := func(b *testing.B, bin string, args ...string) {
		for b.Loop() {
			cmd := exec.Command(bin, args...)
			cmd.Env = []string{"HOME=" + home, "LANG=en_GB.UTF-8"}
			if msg, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("%s: %v\n%s", bin, err, msg)
			}
		}
	}
	b.Run("go-hello", func(b *testing.B) { run(b, helloBin) })
	b.Run("suggest", func(b *testing.B) { run(b, aftercare, "suggest", "--together", "--situation", "scene") })
	b.Run("catalog-validate", func(b *testing.B) { run(b, aftercare, "catalog", "validate") })
}

// buildForBench builds a program as a release would, with CGO_ENABLED=0,
// into a folder of its own.
func buildForBench(b *testing.B, pkg string) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "program")
	cmd := exec.Command("go", "build", "-o", bin, pkg)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build %s: %v\n%s", pkg, err, msg)
	}
	return bin
}
