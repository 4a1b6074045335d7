import type { IncomeLine } from '../../shared/domain';
import type { SqliteDatabase } from '../connection';
import { notFound, toSql, updateColumns, type ColumnMap } from './tableRecord';

export type IncomeFields = Omit<IncomeLine, 'id'>;

export interface IncomeRepository {
  create(fields: IncomeFields): number;
  update(id: number, changes: Partial<IncomeFields>): void;
  delete(id: number): void;
  /** Insert keeping the given id (file creation, imports). */
  insertWithId(income: IncomeLine): void;
}

const INCOME_COLUMNS: ColumnMap<IncomeFields> = {
  kind: 'kind',
  name: 'name',
  amountPence: 'amount_pence',
  financialYear: 'financial_year',
  endsOn: 'ends_on',
  source: 'source',
};

export function createIncomeRepository(db: SqliteDatabase): IncomeRepository {
  const insert = db.prepare(`
    INSERT INTO income_lines (id, kind, name, amount_pence, financial_year, ends_on, source)
    VALUES (@id, @kind, @name, @amountPence, @financialYear, @endsOn, @source)`);
  const remove = db.prepare('DELETE FROM income_lines WHERE id = ?');

  function insertIncome(id: number | null, f: IncomeFields): number {
    const result = insert.run({
      id,
      kind: f.kind,
      name: f.name,
      amountPence: f.amountPence,
      financialYear: toSql(f.financialYear),
      endsOn: toSql(f.endsOn),
      source: f.source,
    });
    return Number(result.lastInsertRowid);
  }

  return {
    create: (fields) => insertIncome(null, fields),
    insertWithId(income) {
      const { id, ...fields } = income;
      insertIncome(id, fields);
    },
    update(id, changes) {
      if (!updateColumns<IncomeFields>(db, 'income_lines', id, changes, INCOME_COLUMNS)) throw notFound('income line', id);
    },
    delete(id) {
      if (remove.run(id).changes === 0) throw notFound('income line', id);
    },
  };
}
