import type { Learner } from '../../shared/domain';
import { ApiError } from '../../shared/api/contract';
import type { SqliteDatabase } from '../connection';
import { sqliteCode } from '../connection';
import { assertNoDuplicates, notFound, toSql, unknownReference, updateColumns, type ColumnMap } from './tableRecord';

export type LearnerFields = Omit<Learner, 'id'>;

export interface LearnersRepository {
  create(fields: LearnerFields): number;
  /** areaIds is replaced whole when given. */
  update(id: number, changes: Partial<LearnerFields>): void;
  /** Removes the learner with their enrolments. */
  delete(id: number): void;
  /** Insert keeping the given id (file creation, imports). */
  insertWithId(learner: Learner): void;
}

const LEARNER_COLUMNS: ColumnMap<LearnerFields> = {
  ref: 'ref',
  name: 'name',
  yearGroup: 'year_group',
  alnStatus: 'aln_status',
  welshAlp: 'welsh_alp',
  idpAlpMinutesPerWeek: 'idp_alp_minutes_per_week',
  idpLastReviewed: 'idp_last_reviewed',
  idpReviewDue: 'idp_review_due',
  efsm: 'efsm',
  lookedAfter: 'looked_after',
};

export function createLearnersRepository(db: SqliteDatabase): LearnersRepository {
  const insert = db.prepare(`
    INSERT INTO learners (id, ref, name, year_group, aln_status, welsh_alp, idp_alp_minutes_per_week,
      idp_last_reviewed, idp_review_due, efsm, looked_after)
    VALUES (@id, @ref, @name, @yearGroup, @alnStatus, @welshAlp, @idpAlpMinutesPerWeek,
      @idpLastReviewed, @idpReviewDue, @efsm, @lookedAfter)`);
  const exists = db.prepare('SELECT 1 FROM learners WHERE id = ?').pluck();
  const refOwner = db.prepare('SELECT id FROM learners WHERE ref = ?').pluck();
  const areaExists = db.prepare('SELECT 1 FROM areas WHERE id = ?').pluck();
  const clearAreas = db.prepare('DELETE FROM learner_areas WHERE learner_id = ?');
  const insertArea = db.prepare('INSERT INTO learner_areas (learner_id, area_id, position) VALUES (?, ?, ?)');
  const remove = db.prepare('DELETE FROM learners WHERE id = ?');

  function checkFields(id: number | null, f: Partial<LearnerFields>): void {
    if (f.ref !== undefined) {
      const owner = refOwner.get(f.ref) as number | undefined;
      if (owner !== undefined && owner !== id) {
        throw new ApiError('conflict', `Another learner already has the reference “${f.ref}”. Each learner needs their own reference.`, [
          { path: 'ref', message: 'is already used by another learner' },
        ]);
      }
    }
    f.areaIds?.forEach((a, i) => {
      if (!areaExists.get(a)) throw unknownReference(`areaIds.${i}`, 'area of need', a);
    });
    if (f.areaIds) assertNoDuplicates('areaIds', f.areaIds, (a) => `area '${a}'`);
  }

  function writeAreas(learnerId: number, areaIds: string[] | undefined): void {
    if (!areaIds) return;
    clearAreas.run(learnerId);
    areaIds.forEach((a, i) => insertArea.run(learnerId, a, i));
  }

  function insertLearner(id: number | null, f: LearnerFields): number {
    checkFields(id, f);
    const result = insert.run({
      id,
      ref: f.ref,
      name: f.name,
      yearGroup: f.yearGroup,
      alnStatus: f.alnStatus,
      welshAlp: toSql(f.welshAlp),
      idpAlpMinutesPerWeek: toSql(f.idpAlpMinutesPerWeek),
      idpLastReviewed: toSql(f.idpLastReviewed),
      idpReviewDue: toSql(f.idpReviewDue),
      efsm: toSql(f.efsm),
      lookedAfter: toSql(f.lookedAfter),
    });
    const learnerId = Number(result.lastInsertRowid);
    writeAreas(learnerId, f.areaIds);
    return learnerId;
  }

  return {
    create(fields) {
      return insertLearner(null, fields);
    },
    insertWithId(learner) {
      const { id, ...fields } = learner;
      try {
        insertLearner(id, fields);
      } catch (error) {
        if (sqliteCode(error) === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new ApiError('invalid_input', `Two learners have the id ${id}.`);
        throw error;
      }
    },
    update(id, changes) {
      if (!exists.get(id)) throw notFound('learner', id);
      checkFields(id, changes);
      updateColumns<LearnerFields>(db, 'learners', id, changes, LEARNER_COLUMNS, ['areaIds']);
      writeAreas(id, changes.areaIds);
    },
    delete(id) {
      if (remove.run(id).changes === 0) throw notFound('learner', id);
    },
  };
}
