package profile

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// While the store is locked, .due lists the check-ins whose follow-up is
// still open, each by its id and when it started, so that 'status' and
// 'due' can say how many follow-ups are due without the key. It holds
// nothing else: the ids are the records' file names already, and say when
// they were saved. Savers add to it (they know what they save), readers
// that hold the key write it again whole with the index, and anything it
// names that is gone is passed over.
const dueFile = ".due"

func (s *Store) duePath() string { return filepath.Join(s.dir, dueFile) }

// openFollowUp says whether a session waits on a follow-up.
func openFollowUp(sess *Session) bool { return sess.FollowUp != nil && sess.FollowUp.Done == nil }

// readDue is what .due lists: each id with when its check-in started.
func (s *Store) readDue() map[string]time.Time {
	out := map[string]time.Time{}
	data, err := readRecord(s.duePath(), "list of follow-ups", 4<<20, nil)
	if err != nil {
		return out
	}
	lines := bufio.NewScanner(bytes.NewReader(data))
	for lines.Scan() {
		id, at, ok := strings.Cut(lines.Text(), " ")
		sec, err := strconv.ParseInt(at, 10, 64)
		if ok && err == nil && validSessionID(id) {
			out[id] = time.Unix(sec, 0)
		}
	}
	return out
}

// writeDue replaces .due with the open follow-ups, when the store is
// locked; it is called under the lock.
func (s *Store) writeDue(open map[string]time.Time) error {
	if !s.Locked() {
		return nil
	}
	ids := make([]string, 0, len(open))
	for id := range open {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var b strings.Builder
	for _, id := range ids {
		fmt.Fprintf(&b, "%s %d\n", id, open[id].Unix())
	}
	return s.writePlain(s.duePath(), []byte(b.String()))
}

// noteDue adds a session just saved to .due, or takes it out, when the
// store is locked; it is called under the lock.
func (s *Store) noteDue(sess *Session) error {
	if !s.Locked() {
		return nil
	}
	open := s.readDue()
	_, listed := open[sess.ID]
	if openFollowUp(sess) == listed {
		return nil
	}
	if listed {
		delete(open, sess.ID)
	} else {
		open[sess.ID] = sess.Started
	}
	return s.writeDue(open)
}

// dropDue removes .due; it is called under the lock.
func (s *Store) dropDue() error {
	if err := removeDurably(s.duePath()); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// WaitingCheckin is a check-in waiting on its follow-up, as a locked
// store knows it without the key: when, never who.
type WaitingCheckin struct {
	ID      string
	Started time.Time
}

// DueWhileLocked lists the check-ins whose follow-up is due by now in a
// locked store, without the key, the longest waiting first.
func (s *Store) DueWhileLocked(now time.Time) []WaitingCheckin {
	var out []WaitingCheckin
	for id, started := range s.readDue() {
		if fileExists(s.sessionPath(id)) && !now.Before(FollowUpDue(started, time.Local)) {
			out = append(out, WaitingCheckin{ID: id, Started: started})
		}
	}
	slices.SortFunc(out, func(a, b WaitingCheckin) int {
		return cmp.Or(a.Started.Compare(b.Started), strings.Compare(a.ID, b.ID))
	})
	return out
}

// ErrPlanFollowedUp is the error for a follow-up asked of a plan: what is
// followed up is the check-in that came after it.
var ErrPlanFollowedUp = errors.New("is a plan; follow up the check-in that came after it")

// CheckinToFollowUp reads the check-in with id for its follow-up.
func (s *Store) CheckinToFollowUp(id string) (*Session, error) {
	sess, err := s.Session(id)
	if err != nil {
		return nil, err
	}
	if sess.Kind == Plan {
		return nil, fmt.Errorf("%s %w", id, ErrPlanFollowedUp)
	}
	// A second follow-up would take the place of the first, and what was
	// said then would be lost.
	if sess.FollowUp != nil && sess.FollowUp.Done != nil {
		return nil, fmt.Errorf("%s %w, on %s, and what was said then is kept; start a check-in instead", id, ErrFollowedUp, Dated(*sess.FollowUp.Done, time.Now(), "Monday 2 January"))
	}
	return sess, nil
}

// ErrFollowedUp is the error for a follow-up asked of a check-in that was
// followed up already.
var ErrFollowedUp = errors.New("was followed up already")

// waitingWhileLocked are the sessions still waiting on a follow-up, by id
// with when each started, when the store is locked: what .due must add
// once they are saved, since no reader without the key can tell. nil when
// the store is not locked, or none is waiting.
func (s *Store) waitingWhileLocked(sessions []Session) map[string]time.Time {
	if !s.Locked() {
		return nil
	}
	var waiting map[string]time.Time
	for _, sess := range sessions {
		if openFollowUp(&sess) {
			if waiting == nil {
				waiting = map[string]time.Time{}
			}
			waiting[sess.ID] = sess.Started
		}
	}
	return waiting
}

// noteWaiting adds waiting check-ins (see waitingWhileLocked) to .due; it
// is called under the lock.
func (s *Store) noteWaiting(waiting map[string]time.Time) error {
	if len(waiting) == 0 {
		return nil
	}
	open := s.readDue()
	maps.Copy(open, waiting)
	return s.writeDue(open)
}
