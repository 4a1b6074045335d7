import type { OtherCostLine } from '../../shared/domain';
import type { SqliteDatabase } from '../connection';
import { bindRecord, insertSql, OTHER_COSTS } from '../tables';
import { createReferenceCheck } from './references';
import { notFound, updateColumns } from './tableRecord';

export type OtherCostFields = Omit<OtherCostLine, 'id'>;

export interface OtherCostsRepository {
  create(fields: OtherCostFields): number;
  update(id: number, changes: Partial<OtherCostFields>): void;
  delete(id: number): void;
  /** Insert keeping the given id (file creation, imports). */
  insertWithId(cost: OtherCostLine): void;
}

export function createOtherCostsRepository(db: SqliteDatabase): OtherCostsRepository {
  const insert = db.prepare(insertSql(OTHER_COSTS));
  const references = createReferenceCheck(db);
  const remove = db.prepare('DELETE FROM other_cost_lines WHERE id = ?');

  function checkFields(f: Partial<OtherCostFields>): void {
    references.exists('staff', f.staffId, 'staffId');
  }

  function insertCost(id: number | null, f: OtherCostFields): number {
    checkFields(f);
    const result = insert.run(bindRecord(OTHER_COSTS, id, f));
    return Number(result.lastInsertRowid);
  }

  return {
    create: (fields) => insertCost(null, fields),
    insertWithId(cost) {
      const { id, ...fields } = cost;
      insertCost(id, fields);
    },
    update(id, changes) {
      checkFields(changes);
      if (!updateColumns<OtherCostFields>(db, OTHER_COSTS, id, changes)) throw notFound('noOtherCost', id);
    },
    delete(id) {
      if (remove.run(id).changes === 0) throw notFound('noOtherCost', id);
    },
  };
}
