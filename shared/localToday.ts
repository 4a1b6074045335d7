/**
 * Today's date where Mapio runs, as YYYY-MM-DD: the person's own calendar day. Not UTC's, which in a British
 * summer is still yesterday until 1 am, so an IDP reviewed "today" just after midnight would be refused as a
 * date in the future, and a document would be dated the day before. Runs anywhere.
 */
import type { IsoDate } from './domain';

export function localToday(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
