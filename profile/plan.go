package profile

import (
	"fmt"
	"slices"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
)

// PlanWindow is how long after a plan a check-in by the same people starts
// from it.
const PlanWindow = 12 * time.Hour

// NewPlan is the record of a plan: who made it and only what each person
// chose to share.
func NewPlan(made time.Time, turns []Turn) *Session {
	s := NewCheckinSession(made, catalog.Together, "", turns, nil, "")
	s.Kind = Plan
	return s
}

func samePeople(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, name := range a {
		if !slices.ContainsFunc(b, func(n string) bool { return SameName(n, name) }) {
			return false
		}
	}
	return true
}

// planned is what a plan says of one person: how each shared answer
// reads as a catalogue answer, by question.
func (s *Session) planned(cat *catalog.Catalog, name string) map[*catalog.Question]catalog.Answer {
	out := map[*catalog.Question]catalog.Answer{}
	for person, shared := range s.Shared {
		if !SameName(person, name) {
			continue
		}
		for _, sh := range shared {
			if q := cat.Question(sh.Question); q != nil {
				out[q] = sh.answer()
			}
		}
	}
	return out
}

// PlanStart is what a plan gives one person's check-in: the answers to
// start from, by check-in question id, and whether they asked for a
// check-in the next day.
func (s *Session) PlanStart(cat *catalog.Catalog, name string) (answers map[string]catalog.Answer, followUp bool) {
	answers = map[string]catalog.Answer{}
	for q, a := range s.planned(cat, name) {
		followUp = followUp || q.Implied(a).Followup
		target := cat.Question(q.Prefills)
		if target == nil {
			continue
		}
		if carried, ok := target.Carry(q, a); ok {
			answers[target.ID] = carried
		}
	}
	return answers, followUp
}

// PlanAvoid is everything the plan's shared answers ask to avoid; it holds
// as a hard filter for the check-in that starts from the plan.
func (s *Session) PlanAvoid(cat *catalog.Catalog) []string {
	var out []string
	for _, name := range s.People {
		for q, a := range s.planned(cat, name) {
			for _, tag := range q.Implied(a).Avoid {
				if !slices.Contains(out, tag) {
					out = append(out, tag)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// FollowUpDue is when a check-in's follow-up falls due: the first nine in
// the morning at least eight hours after it, which is "tomorrow" as people
// mean it after a late night. Nine is nine where the person is, in loc,
// whatever zone the time was written in: a locked home keeps none.
func FollowUpDue(started time.Time, loc *time.Location) time.Time {
	earliest := started.Add(8 * time.Hour).In(loc)
	nine := time.Date(earliest.Year(), earliest.Month(), earliest.Day(), 9, 0, 0, 0, earliest.Location())
	if nine.Before(earliest) {
		nine = nine.AddDate(0, 0, 1)
	}
	return nine
}

// Due returns the check-ins whose follow-up is due at now and not yet
// done, the longest waiting first.
func Due(entries []SessionEntry, now time.Time) []*Session {
	var out []*Session
	for _, e := range entries {
		s := e.Session
		if s != nil && s.FollowUp != nil && s.FollowUp.Done == nil && !now.Before(FollowUpDue(s.Started, time.Local)) {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b *Session) int { return a.Started.Compare(b.Started) })
	return out
}

// DueLine says in one line what is due at now, for a shell prompt. A
// private follow-up does not say whose it is: anyone may read the prompt.
func DueLine(s *Session, now time.Time) string {
	if s.Kind == PrivateFollowUp {
		return fmt.Sprintf("A follow-up someone asked for privately is due (aftercare followup %s)", s.ID)
	}
	return fmt.Sprintf("Follow-up due for %s, after the check-in of %s (aftercare followup %s)",
		catalog.JoinAnd(s.FollowUp.For), Dated(s.Started, now, "Mon 2 Jan 15:04"), s.ID)
}

// CompleteFollowUp records a follow-up as done, with what each person
// chose to share and how they rated what they did. It reads the check-in
// fresh under the lock, so nothing else written to it is lost. done is
// when this follow-up started: saving it again after a failed save is the
// same follow-up, while one that another aftercare finished meanwhile is
// kept, and this one is refused rather than written over it.
func (s *Store) CompleteFollowUp(id string, done time.Time, shared map[string][]Shared, ratings []Rating) error {
	if !s.keepHistory {
		return ErrHistoryOff
	}
	return s.locked(func() error {
		sess, err := s.Session(id)
		if err != nil {
			return err
		}
		if was := sess.FollowUp; was != nil && was.Done != nil && !was.Done.Equal(done) {
			return fmt.Errorf("this check-in %w meanwhile, in another aftercare at %s; that follow-up is kept, and what was said here was not saved",
				ErrFollowedUp, was.Done.Local().Format("15:04"))
		}
		if sess.FollowUp == nil {
			sess.FollowUp = &FollowUp{For: slices.Clone(sess.People)}
		}
		sess.FollowUp.Done = &done
		sess.FollowUp.Shared = shared
		// Following up twice replaces what the same person said of the
		// same thing, so that nothing counts twice.
		sess.Ratings = slices.DeleteFunc(sess.Ratings, func(old Rating) bool {
			return slices.ContainsFunc(ratings, func(r Rating) bool { return SameName(r.Person, old.Person) && r.Activity == old.Activity })
		})
		sess.Ratings = append(sess.Ratings, ratings...)
		if problems := sess.problems(); len(problems) > 0 {
			return fmt.Errorf("follow-up not saved: %s: %s", problems[0].field, problems[0].msg)
		}
		data, err := encodeSession(sess)
		if err != nil {
			return err
		}
		if err := s.write(s.sessionPath(id), data); err != nil {
			return err
		}
		return s.noteDue(sess)
	})
}
