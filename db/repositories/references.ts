/**
 * The one check that the records a change names exist, made in the database itself and naming the field
 * that is wrong ("staff.0.staffId: no member of staff with id 42"). Every repository that stores a
 * reference checks it here, so an API request, a file being created and an import are refused in the
 * same words; the foreign keys stay as the last line of defence.
 */
import { fieldIssue, type IssueCode } from '../../shared/fieldIssues';
import { ApiError } from '../../shared/api/contract';
import type { SqliteDatabase } from '../connection';

const REFERENCED = {
  tier: { table: 'tiers', missing: 'noTier' },
  area: { table: 'areas', missing: 'noArea' },
  staff: { table: 'staff', missing: 'noStaff' },
  line: { table: 'lines', missing: 'noLine' },
  learner: { table: 'learners', missing: 'noLearner' },
} as const satisfies Record<string, { table: string; missing: IssueCode }>;

export type ReferencedRecord = keyof typeof REFERENCED;

/** A field naming a record that doesn't exist, e.g. "lineId: no intervention line with id 7". */
export function unknownReference(field: string, missing: IssueCode, id: number | string): ApiError {
  return new ApiError('not_found', null, {}, [fieldIssue(field, missing, { id })]);
}

export interface ReferenceCheck {
  /** Refuse `id` at `field` unless a record of that kind has it; null and undefined name nothing. */
  exists(kind: ReferencedRecord, id: number | string | null | undefined, field: string): void;
  /** The same for each of a list, the field named with its index ("areaIds.1"). */
  eachExists(kind: ReferencedRecord, ids: readonly (number | string)[] | undefined, field: string): void;
}

export function createReferenceCheck(db: SqliteDatabase): ReferenceCheck {
  const statements = new Map(Object.entries(REFERENCED).map(([kind, r]) => [kind, db.prepare(`SELECT 1 FROM ${r.table} WHERE id = ?`).pluck()]));
  const exists: ReferenceCheck['exists'] = (kind, id, field) => {
    if (id === null || id === undefined) return;
    if (!statements.get(kind)?.get(id)) throw unknownReference(field, REFERENCED[kind].missing, id);
  };
  return {
    exists,
    eachExists(kind, ids, field) {
      ids?.forEach((id, i) => exists(kind, id, `${field}.${i}`));
    },
  };
}
