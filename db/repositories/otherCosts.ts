import type { OtherCostLine } from '../../shared/domain';
import type { SqliteDatabase } from '../connection';
import { notFound, toSql, unknownReference, updateColumns, type ColumnMap } from './tableRecord';

export type OtherCostFields = Omit<OtherCostLine, 'id'>;

export interface OtherCostsRepository {
  create(fields: OtherCostFields): number;
  update(id: number, changes: Partial<OtherCostFields>): void;
  delete(id: number): void;
  /** Insert keeping the given id (file creation, imports). */
  insertWithId(cost: OtherCostLine): void;
}

const OTHER_COST_COLUMNS: ColumnMap<OtherCostFields> = {
  kind: 'kind',
  name: 'name',
  fundingSource: 'funding_source',
  staffId: 'staff_id',
  minutesPerWeek: 'minutes_per_week',
  quantity: 'quantity',
  unitPence: 'unit_pence',
  startWeek: 'start_week',
  weeks: 'weeks',
};

export function createOtherCostsRepository(db: SqliteDatabase): OtherCostsRepository {
  const insert = db.prepare(`
    INSERT INTO other_cost_lines (id, kind, name, funding_source, staff_id, minutes_per_week, quantity, unit_pence, start_week, weeks)
    VALUES (@id, @kind, @name, @fundingSource, @staffId, @minutesPerWeek, @quantity, @unitPence, @startWeek, @weeks)`);
  const staffExists = db.prepare('SELECT 1 FROM staff WHERE id = ?').pluck();
  const remove = db.prepare('DELETE FROM other_cost_lines WHERE id = ?');

  function checkFields(f: Partial<OtherCostFields>): void {
    if (f.staffId !== undefined && f.staffId !== null && !staffExists.get(f.staffId)) {
      throw unknownReference('staffId', 'member of staff', f.staffId);
    }
  }

  function insertCost(id: number | null, f: OtherCostFields): number {
    checkFields(f);
    const result = insert.run({
      id,
      kind: f.kind,
      name: f.name,
      fundingSource: f.fundingSource,
      staffId: toSql(f.staffId),
      minutesPerWeek: f.minutesPerWeek,
      quantity: f.quantity,
      unitPence: f.unitPence,
      startWeek: f.startWeek,
      weeks: f.weeks,
    });
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
      if (!updateColumns<OtherCostFields>(db, 'other_cost_lines', id, changes, OTHER_COST_COLUMNS)) throw notFound('other cost line', id);
    },
    delete(id) {
      if (remove.run(id).changes === 0) throw notFound('other cost line', id);
    },
  };
}
