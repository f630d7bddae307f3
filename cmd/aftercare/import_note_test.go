//go:build linux

package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestALongImportSaysItIsUnderWayOnlyToSomeoneWatching(t *testing.T) {
	home := emptyHome(t)
	note := strings.Repeat("a long evening, written down ", 40)
	var sessions []string
	for i := range 900 {
		sessions = append(sessions, fmt.Sprintf(`{"id": "s%04d", "started": "2026-11-01T22:00:00Z", "mode": "solo", "people": ["Kai"], "note": %q}`, i, note))
	}
	body := `{"version": 1, "sessions": [` + strings.Join(sessions, ",") + `]}`
	if len(body) < longImportBytes {
		t.Fatalf("the export is %d bytes, short of a long import", len(body))
	}
	backup := filepath.Join(home, "backup.json")
	writeFile(t, backup, body)

	ptm, tty := openPty(t)
	var stdout bytes.Buffer
	if code := run([]string{"import", backup}, strings.NewReader(""), &stdout, tty); code != 0 {
		t.Fatalf("import: exit %d", code)
	}
	if err := ptm.SetReadDeadline(time.Now().Add(ptyWait)); err != nil {
		t.Fatal(err)
	}
	seen := make([]byte, 4096)
	n, err := ptm.Read(seen)
	if err != nil || !strings.Contains(string(seen[:n]), "This takes a few seconds.") {
		t.Errorf("a terminal watching a long import saw %q (%v); want a note that it is under way", seen[:n], err)
	}
	if !strings.Contains(stdout.String(), "900 check-ins") {
		t.Errorf("import said %q", stdout.String())
	}

	emptyHome(t)
	if got := aftercare(t, "", "import", backup); got.code != 0 || got.stderr != "" {
		t.Errorf("a long import with nobody watching: exit %d, stderr %q; want nothing said", got.code, got.stderr)
	}
}
