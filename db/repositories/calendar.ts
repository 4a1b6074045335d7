import type { IsoDate } from '../../shared/domain';
import type { SqliteDatabase } from '../connection';
import { invalidField } from './tableRecord';

export interface CalendarRepository {
  /** Replace the teaching weeks: week n starts on weekStarts[n-1]. Dates must increase. */
  set(weekStarts: IsoDate[]): void;
}

export function createCalendarRepository(db: SqliteDatabase): CalendarRepository {
  const upsert = db.prepare(`
    INSERT INTO calendar_weeks (week, starts_on) VALUES (?, ?)
    ON CONFLICT (week) DO UPDATE SET starts_on = excluded.starts_on WHERE starts_on IS NOT excluded.starts_on`);
  const deleteAfter = db.prepare('DELETE FROM calendar_weeks WHERE week > ?');
  return {
    set(weekStarts) {
      if (weekStarts.length === 0) throw invalidField('weekStarts', 'a calendar needs at least one teaching week');
      weekStarts.forEach((date, i) => {
        const previous = weekStarts[i - 1];
        if (previous !== undefined && date <= previous) {
          throw invalidField(`weekStarts.${i}`, `week ${i + 1} (${date}) must start after week ${i} (${previous})`);
        }
      });
      // Only changed weeks are written, so undo holds just what changed.
      weekStarts.forEach((date, i) => upsert.run(i + 1, date));
      deleteAfter.run(weekStarts.length);
    },
  };
}
