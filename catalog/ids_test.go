package catalog

import (
	"fmt"
	"strings"
	"testing"
)

func TestIDTableFindsEachIDAndNothingElse(t *testing.T) {
	ids := []string{"", "a", "hug", "cuddle", "breathe", "make-tea", "sit-nearby",
		"count-to-10-slowly", "count-to-20-slowly", // differ only in the middle
		"twenty-four-bytes-long-x", "twenty-five-bytes-long-xy",
		"a-rather-long-id-that-runs-past-forty-bytes"}
	for i := range 1000 {
		ids = append(ids, fmt.Sprintf("activity-%d", i))
	}
	table := newIDTable(ids)
	for n, id := range ids {
		// A copy, so that nothing depends on the table holding the same
		// string.
		if got, ok := table.lookup(strings.Clone(id)); !ok || got != n {
			t.Errorf("lookup(%q) = %d, %v; want %d", id, got, ok, n)
		}
	}
	for _, id := range []string{"b", "hugs", "make-te", "make-teas", "count-to-30-slowly", "activity-1000", "activity--1",
		"twenty-four-bytes-long-y", "a-rather-long-id-that-runs-past-forty-bytez"} {
		if got, ok := table.lookup(id); ok {
			t.Errorf("lookup(%q) = %d, want none", id, got)
		}
	}
}

func TestIDTableKeepsTheLastOfEqualIDs(t *testing.T) {
	if got, ok := newIDTable([]string{"tea", "bath", "tea"}).lookup("tea"); !ok || got != 2 {
		t.Errorf("lookup = %d, %v; want 2, as a map built in order gives", got, ok)
	}
}

func TestEveryActivityIsFoundByItsID(t *testing.T) {
	c := defaultsForTest(t)
	for i, a := range c.Activities {
		if got, ok := c.activityIDs.lookup(a.ID); !ok || got != i {
			t.Errorf("lookup(%q) = %d, %v; want %d", a.ID, got, ok, i)
		}
	}
}
