import type { Learner } from '../../shared/domain';
import { fieldIssue } from '../../shared/fieldIssues';
import { ApiError } from '../../shared/api/contract';
import type { SqliteDatabase } from '../connection';
import { sqliteCode } from '../connection';
import { bindRecord, insertSql, LEARNERS } from '../tables';
import { createReferenceCheck } from './references';
import { assertNoDuplicates, notFound, updateColumns } from './tableRecord';

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

export function createLearnersRepository(db: SqliteDatabase): LearnersRepository {
  const insert = db.prepare(insertSql(LEARNERS));
  const exists = db.prepare('SELECT 1 FROM learners WHERE id = ?').pluck();
  const refOwner = db.prepare('SELECT id FROM learners WHERE ref = ?').pluck();
  const references = createReferenceCheck(db);
  const clearAreas = db.prepare('DELETE FROM learner_areas WHERE learner_id = ?');
  const insertArea = db.prepare('INSERT INTO learner_areas (learner_id, area_id, position) VALUES (?, ?, ?)');
  const remove = db.prepare('DELETE FROM learners WHERE id = ?');

  function checkFields(id: number | null, f: Partial<LearnerFields>): void {
    if (f.ref !== undefined) {
      const owner = refOwner.get(f.ref) as number | undefined;
      if (owner !== undefined && owner !== id) {
        throw new ApiError('conflict', 'refUsed', { ref: f.ref }, [fieldIssue('ref', 'refUsed')]);
      }
    }
    references.eachExists('area', f.areaIds, 'areaIds');
    if (f.areaIds) assertNoDuplicates('areaIds', f.areaIds);
  }

  function writeAreas(learnerId: number, areaIds: string[] | undefined): void {
    if (!areaIds) return;
    clearAreas.run(learnerId);
    areaIds.forEach((a, i) => insertArea.run(learnerId, a, i));
  }

  function insertLearner(id: number | null, f: LearnerFields): number {
    checkFields(id, f);
    const result = insert.run(bindRecord(LEARNERS, id, f));
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
        if (sqliteCode(error) === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new ApiError('invalid_input', 'learnerIdTwice', { id });
        throw error;
      }
    },
    update(id, changes) {
      if (!exists.get(id)) throw notFound('noLearner', id);
      checkFields(id, changes);
      updateColumns<LearnerFields>(db, LEARNERS, id, changes);
      writeAreas(id, changes.areaIds);
    },
    delete(id) {
      if (remove.run(id).changes === 0) throw notFound('noLearner', id);
    },
  };
}
