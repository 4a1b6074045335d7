/**
 * Whether a line editor's section would show the same after an edit: the section is memoised on the
 * line's fields it shows (and its other props), so an edit to the minutes renders the schedule and the
 * figures again, not the name, staffing, costs and notes (docs/performance.md). Lists are compared by
 * identity: an edit's patch keeps every list it did not change (shared/api/yearPatch.ts).
 */
import type { InterventionLine } from '../../../../shared/domain';

export function sameShownFields(a: InterventionLine, b: InterventionLine, fields: ReadonlyArray<keyof InterventionLine>): boolean {
  return a === b || fields.every((field) => a[field] === b[field]);
}

/** Every prop but `line` the same, and the line the same in `fields`. */
export function sameSection<P extends { line: InterventionLine }>(fields: ReadonlyArray<keyof InterventionLine>): (a: P, b: P) => boolean {
  return (a, b) => sameShownFields(a.line, b.line, fields) && (Object.keys(a) as Array<keyof P>).every((prop) => prop === 'line' || a[prop] === b[prop]);
}
