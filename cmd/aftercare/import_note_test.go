//go:build linux

package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestALongImportSaysItIsUnderWayOnlyToSomeoneWatching(t *testing.T) {
	home := emptyHome(t)
	body := notedExport(900)
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
	var seen []byte
	for !bytes.Contains(seen, []byte("This takes a few seconds.")) {
		buf := make([]byte, 4096)
		n, err := ptm.Read(buf)
		seen = append(seen, buf[:n]...)
		if err != nil {
			t.Errorf("a terminal watching a long import saw %q (%v); want a note that it is under way", seen, err)
			break
		}
	}
	if !strings.Contains(stdout.String(), "900 check-ins") {
		t.Errorf("import said %q", stdout.String())
	}

	emptyHome(t)
	if got := aftercare(t, "", "import", backup); got.code != 0 || got.stderr != "" {
		t.Errorf("a long import with nobody watching: exit %d, stderr %q; want nothing said", got.code, got.stderr)
	}
}
