package main

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

func TestDueAsJSONSaysWhichWhenAndForWhomButNeverWhoseWhenPrivate(t *testing.T) {
	home := emptyHome(t)
	// Times are said where the person is; here, an hour east of UTC.
	local := time.Local
	time.Local = time.FixedZone("CET", 3600)
	t.Cleanup(func() { time.Local = local })
	if got := mustRun(t, "", "due", "--json"); got != "[]\n" {
		t.Errorf("nothing due: %q, want []", got)
	}
	importHistory(t, home)
	type item struct {
		ID, Started, Due string
		For              []string
		Private, Locked  bool
		Command          string
	}
	read := func() []item {
		var got []item
		if err := json.Unmarshal([]byte(mustRun(t, "", "due", "--json")), &got); err != nil {
			t.Fatal(err)
		}
		return got
	}
	want := []item{
		{"20261105T230000-cccccc", "2026-11-05T23:00:00+01:00", "2026-11-06T09:00:00+01:00", []string{"Alex"}, false, false, "aftercare followup 20261105T230000-cccccc"},
		{"20261106T080000-dddddd", "2026-11-06T09:00:00+01:00", "2026-11-07T09:00:00+01:00", []string{}, true, false, "aftercare followup 20261106T080000-dddddd"},
	}
	if got := read(); !reflect.DeepEqual(got, want) {
		t.Errorf("due --json:\n%+v\nwant\n%+v", got, want)
	}

	keyPath, _ := keyFile(t)
	mustRun(t, "", "lock", "--identity", keyPath)
	got := read()
	if len(got) != 2 {
		t.Fatalf("locked, due --json lists %+v", got)
	}
	// The same times, though a locked home keeps them only in UTC.
	for i, d := range got {
		if d.ID != want[i].ID || !d.Locked || len(d.For) != 0 || d.Command != want[i].Command || d.Started != want[i].Started || d.Due != want[i].Due {
			t.Errorf("locked, item %d is %+v", i, d)
		}
	}
}
