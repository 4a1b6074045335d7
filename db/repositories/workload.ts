import type { AlncoWorkload } from '../../shared/domain';
import type { SqliteDatabase } from '../connection';
import { toSql } from '../tables';
import { createReferenceCheck } from './references';
import { updateColumns, type ColumnMap } from './tableRecord';

export interface WorkloadRepository {
  update(changes: Partial<AlncoWorkload>): void;
  /** Write the single workload row (file creation). */
  insert(workload: AlncoWorkload): void;
}

const WORKLOAD_COLUMNS: ColumnMap<AlncoWorkload> = {
  alncoStaffId: 'alnco_staff_id',
  idpsToPrepare: 'idps_to_prepare',
  minutesPerIdp: 'minutes_per_idp',
  idpReviews: 'idp_reviews',
  minutesPerReview: 'minutes_per_review',
};

export function createWorkloadRepository(db: SqliteDatabase): WorkloadRepository {
  const insert = db.prepare(`
    INSERT INTO alnco_workload (id, alnco_staff_id, idps_to_prepare, minutes_per_idp, idp_reviews, minutes_per_review)
    VALUES (1, @alncoStaffId, @idpsToPrepare, @minutesPerIdp, @idpReviews, @minutesPerReview)`);
  const references = createReferenceCheck(db);

  function checkFields(f: Partial<AlncoWorkload>): void {
    references.exists('staff', f.alncoStaffId, 'alncoStaffId');
  }

  return {
    update(changes) {
      checkFields(changes);
      updateColumns<AlncoWorkload>(db, 'alnco_workload', 1, changes, WORKLOAD_COLUMNS);
    },
    insert(w) {
      checkFields(w);
      insert.run({
        alncoStaffId: toSql(w.alncoStaffId),
        idpsToPrepare: w.idpsToPrepare,
        minutesPerIdp: w.minutesPerIdp,
        idpReviews: w.idpReviews,
        minutesPerReview: w.minutesPerReview,
      });
    },
  };
}
