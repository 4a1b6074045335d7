import { NOT_MEASURED, type Enrolment, type WeekNumber } from '../../shared/domain';
import type { SqliteDatabase } from '../connection';
import { bindRecord, ENROLMENTS, insertSql } from '../tables';
import { createReferenceCheck, unknownReference } from './references';
import { invalidField, notFound, updateColumns } from './tableRecord';

export type EnrolmentFields = Omit<Enrolment, 'id'>;

export interface EnrolmentsRepository {
  create(fields: EnrolmentFields): number;
  /**
   * Enrol several learners on one line; weeks default to the line's whole run
   * (startWeek .. startWeek + weeks - 1). Returns the new ids in the order of learnerIds.
   */
  createMany(lineId: number, learnerIds: number[], startWeek?: WeekNumber, endWeek?: WeekNumber): number[];
  update(id: number, changes: Partial<EnrolmentFields>): void;
  /** All or nothing: an unknown id refuses the whole delete. */
  delete(ids: number[]): void;
  /** Insert keeping the given id (file creation, imports). */
  insertWithId(enrolment: Enrolment): void;
}

export function createEnrolmentsRepository(db: SqliteDatabase): EnrolmentsRepository {
  const insert = db.prepare(insertSql(ENROLMENTS));
  const line = db.prepare('SELECT start_week AS startWeek, weeks FROM lines WHERE id = ?');
  const references = createReferenceCheck(db);
  const current = db.prepare('SELECT start_week AS startWeek, end_week AS endWeek FROM enrolments WHERE id = ?');
  const remove = db.prepare('DELETE FROM enrolments WHERE id = ?');

  function checkFields(f: Partial<EnrolmentFields>, existing?: { startWeek: number; endWeek: number }): void {
    if (f.lineId !== undefined && !line.get(f.lineId)) throw unknownReference('lineId', 'noLine', f.lineId);
    references.exists('learner', f.learnerId, 'learnerId');
    const start = f.startWeek ?? existing?.startWeek;
    const end = f.endWeek ?? existing?.endWeek;
    if (start !== undefined && end !== undefined && end < start) {
      throw invalidField('endWeek', 'beforeStartWeek', { start });
    }
  }

  function insertEnrolment(id: number | null, f: EnrolmentFields): number {
    checkFields(f);
    const result = insert.run(bindRecord(ENROLMENTS, id, f));
    return Number(result.lastInsertRowid);
  }

  return {
    create(fields) {
      return insertEnrolment(null, fields);
    },
    createMany(lineId, learnerIds, startWeek, endWeek) {
      const run = line.get(lineId) as { startWeek: number; weeks: number } | undefined;
      if (!run) throw unknownReference('lineId', 'noLine', lineId);
      const start = startWeek ?? run.startWeek;
      const end = endWeek ?? Math.max(start, run.startWeek + run.weeks - 1);
      return learnerIds.map((learnerId, i) => {
        references.exists('learner', learnerId, `learnerIds.${i}`);
        return insertEnrolment(null, {
          lineId,
          learnerId,
          startWeek: start,
          endWeek: end,
          ...NOT_MEASURED,
        });
      });
    },
    insertWithId(enrolment) {
      const { id, ...fields } = enrolment;
      insertEnrolment(id, fields);
    },
    update(id, changes) {
      const existing = current.get(id) as { startWeek: number; endWeek: number } | undefined;
      if (!existing) throw notFound('noEnrolment', id);
      checkFields(changes, existing);
      updateColumns<EnrolmentFields>(db, ENROLMENTS, id, changes);
    },
    delete(ids) {
      for (const id of ids) {
        if (remove.run(id).changes === 0) throw notFound('noEnrolment', id);
      }
    },
  };
}
