package profile

import (
	"runtime/debug"
	"sync"
)

// passGCPercent is how far the heap may grow over what is live while the
// history is read in one pass. Such a pass makes garbage at every line and
// keeps little, so the collector's usual doubling would grow a program's
// memory with the length of the history for nothing; a pass costs a few
// more collections instead.
const passGCPercent = 25

// tightAbove is how many records a pass reads before it pays to collect
// tightly: what a shorter one throws away fits under the collector's
// first target, and tightening would only start a collection.
const tightAbove = 500

var tightGC struct {
	sync.Mutex
	passes int
	was    int
}

// ReadsInBackground says that the store's passes over the history run
// behind a screen that stays open, where memory matters more than the
// time they take: each keeps the heap near what is live while it runs. A
// command that reads the history and exits is quicker without.
func (s *Store) ReadsInBackground() { s.background = true }

// collectTightly keeps the heap near what is live until the returned
// function is called. Passes may overlap: the first sets it and the last
// puts back what was there.
func collectTightly() (done func()) {
	tightGC.Lock()
	defer tightGC.Unlock()
	if tightGC.passes == 0 {
		tightGC.was = debug.SetGCPercent(passGCPercent)
	}
	tightGC.passes++
	return func() {
		tightGC.Lock()
		defer tightGC.Unlock()
		if tightGC.passes--; tightGC.passes == 0 {
			debug.SetGCPercent(tightGC.was)
		}
	}
}
