import type { IncomeLine } from '../../shared/domain';
import type { SqliteDatabase } from '../connection';
import { bindRecord, INCOME, insertSql } from '../tables';
import { notFound, updateColumns } from './tableRecord';

export type IncomeFields = Omit<IncomeLine, 'id'>;

export interface IncomeRepository {
  create(fields: IncomeFields): number;
  update(id: number, changes: Partial<IncomeFields>): void;
  delete(id: number): void;
  /** Insert keeping the given id (file creation, imports). */
  insertWithId(income: IncomeLine): void;
}

export function createIncomeRepository(db: SqliteDatabase): IncomeRepository {
  const insert = db.prepare(insertSql(INCOME));
  const remove = db.prepare('DELETE FROM income_lines WHERE id = ?');

  function insertIncome(id: number | null, f: IncomeFields): number {
    const result = insert.run(bindRecord(INCOME, id, f));
    return Number(result.lastInsertRowid);
  }

  return {
    create: (fields) => insertIncome(null, fields),
    insertWithId(income) {
      const { id, ...fields } = income;
      insertIncome(id, fields);
    },
    update(id, changes) {
      if (!updateColumns<IncomeFields>(db, INCOME, id, changes)) throw notFound('noIncome', id);
    },
    delete(id) {
      if (remove.run(id).changes === 0) throw notFound('noIncome', id);
    },
  };
}
