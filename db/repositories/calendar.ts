import type { Calendar } from '../../shared/domain';
import { termProblems } from '../../shared/schoolTerms';
import type { SqliteDatabase } from '../connection';
import { invalidField } from './tableRecord';

export interface CalendarRepository {
  /**
   * Replace the calendar: the teaching weeks (week n starts on weekStarts[n-1]; dates must increase) and
   * the terms (in order, each after the one before), and the closed days. Only what changed is written, so
   * undo holds just that.
   */
  set(calendar: Calendar): void;
}

export function createCalendarRepository(db: SqliteDatabase): CalendarRepository {
  const upsertWeek = db.prepare(`
    INSERT INTO calendar_weeks (week, starts_on) VALUES (?, ?)
    ON CONFLICT (week) DO UPDATE SET starts_on = excluded.starts_on WHERE starts_on IS NOT excluded.starts_on`);
  const deleteWeeksAfter = db.prepare('DELETE FROM calendar_weeks WHERE week > ?');
  const upsertTerm = db.prepare(`
    INSERT INTO calendar_terms (position, starts_on, ends_on, half_term_starts_on, half_term_ends_on)
    VALUES (@position, @startsOn, @endsOn, @halfTermStartsOn, @halfTermEndsOn)
    ON CONFLICT (position) DO UPDATE SET starts_on = excluded.starts_on, ends_on = excluded.ends_on,
      half_term_starts_on = excluded.half_term_starts_on, half_term_ends_on = excluded.half_term_ends_on
    WHERE (starts_on, ends_on, half_term_starts_on, half_term_ends_on)
      IS NOT (excluded.starts_on, excluded.ends_on, excluded.half_term_starts_on, excluded.half_term_ends_on)`);
  const deleteTermsAfter = db.prepare('DELETE FROM calendar_terms WHERE position > ?');
  const closedDays = db.prepare('SELECT day FROM calendar_closed_days').pluck();
  const insertClosedDay = db.prepare('INSERT INTO calendar_closed_days (day) VALUES (?)');
  const deleteClosedDay = db.prepare('DELETE FROM calendar_closed_days WHERE day = ?');
  return {
    set({ weekStarts, terms, closedDays: closed }) {
      if (weekStarts.length === 0) throw invalidField('weekStarts', 'atLeastOneWeek');
      weekStarts.forEach((date, i) => {
        const previous = weekStarts[i - 1];
        if (previous !== undefined && date <= previous) {
          throw invalidField(`weekStarts.${i}`, 'weekOrder', { week: i + 1, date, previousWeek: i, previous });
        }
      });
      const problem = termProblems(terms)[0];
      if (problem) throw invalidField(`terms.${problem.term}.${problem.field}`, problem.code, problem.params);
      weekStarts.forEach((date, i) => upsertWeek.run(i + 1, date));
      deleteWeeksAfter.run(weekStarts.length);
      terms.forEach((t, i) => upsertTerm.run({ position: i + 1, ...t }));
      deleteTermsAfter.run(terms.length);
      const wanted = new Set(closed);
      const stored = new Set(closedDays.all() as string[]);
      for (const day of stored) if (!wanted.has(day)) deleteClosedDay.run(day);
      for (const day of wanted) if (!stored.has(day)) insertClosedDay.run(day);
    },
  };
}
