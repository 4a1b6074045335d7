import type { StaffMember } from '../../shared/domain';
import { ApiError } from '../../shared/api/contract';
import type { SqliteDatabase } from '../connection';
import { toSql } from '../tables';
import { isForeignKeyFailure, namesParam, notFound, updateColumns, type ColumnMap } from './tableRecord';

export type StaffFields = Omit<StaffMember, 'id'>;

export interface StaffRepository {
  create(fields: StaffFields): number;
  update(id: number, changes: Partial<StaffFields>): void;
  /** Refused with 'conflict' while the person delivers lines, is costed in other costs or is the ALNCo. */
  delete(id: number): void;
  /** Insert keeping the given id (file creation, imports). */
  insertWithId(member: StaffMember): void;
}

const STAFF_COLUMNS: ColumnMap<StaffFields> = {
  name: 'name',
  role: 'role',
  isPlaceholder: 'is_placeholder',
  hourlyCostPence: 'hourly_cost_pence',
  contractedMinutesPerWeek: 'contracted_minutes_per_week',
  worksInWelsh: 'works_in_welsh',
};

function basisParams(basis: StaffMember['hourlyCostBasis']) {
  return {
    basisAnnualSalaryPence: basis?.annualSalaryPence ?? null,
    basisOnCostBasisPoints: basis?.onCostBasisPoints ?? null,
    basisPaidWeeksHundredths: basis?.paidWeeksHundredths ?? null,
    basisPaidMinutesPerWeek: basis?.paidMinutesPerWeek ?? null,
  };
}

export function createStaffRepository(db: SqliteDatabase): StaffRepository {
  const insert = db.prepare(`
    INSERT INTO staff (id, name, role, is_placeholder, hourly_cost_pence, basis_annual_salary_pence,
      basis_on_cost_basis_points, basis_paid_weeks_hundredths, basis_paid_minutes_per_week,
      contracted_minutes_per_week, works_in_welsh)
    VALUES (@id, @name, @role, @isPlaceholder, @hourlyCostPence, @basisAnnualSalaryPence,
      @basisOnCostBasisPoints, @basisPaidWeeksHundredths, @basisPaidMinutesPerWeek,
      @contractedMinutesPerWeek, @worksInWelsh)`);
  const updateBasis = db.prepare(`
    UPDATE staff SET basis_annual_salary_pence = @basisAnnualSalaryPence,
      basis_on_cost_basis_points = @basisOnCostBasisPoints, basis_paid_weeks_hundredths = @basisPaidWeeksHundredths,
      basis_paid_minutes_per_week = @basisPaidMinutesPerWeek
    WHERE id = @id`);
  const nameOf = db.prepare('SELECT name FROM staff WHERE id = ?').pluck();
  const remove = db.prepare('DELETE FROM staff WHERE id = ?');
  const linesDelivered = db.prepare('SELECT l.name FROM line_staff ls JOIN lines l ON l.id = ls.line_id WHERE ls.staff_id = ? ORDER BY l.id').pluck();
  const otherCostsNaming = db.prepare('SELECT name FROM other_cost_lines WHERE staff_id = ? ORDER BY id').pluck();
  const isAlnco = db.prepare('SELECT 1 FROM alnco_workload WHERE alnco_staff_id = ?').pluck();

  function insertRow(id: number | null, f: StaffFields): number {
    const result = insert.run({
      id,
      name: f.name,
      role: f.role,
      isPlaceholder: toSql(f.isPlaceholder),
      hourlyCostPence: f.hourlyCostPence,
      ...basisParams(f.hourlyCostBasis),
      contractedMinutesPerWeek: f.contractedMinutesPerWeek,
      worksInWelsh: toSql(f.worksInWelsh),
    });
    return Number(result.lastInsertRowid);
  }

  /** Why this person cannot be removed. */
  function stillNeeded(id: number, name: string): ApiError {
    const lines = linesDelivered.all(id) as string[];
    if (lines.length > 0) return new ApiError('conflict', 'staffDeliversLines', { staff: name, count: lines.length, names: namesParam(lines) });
    const costs = otherCostsNaming.all(id) as string[];
    if (costs.length > 0) return new ApiError('conflict', 'staffInOtherCosts', { staff: name, count: costs.length, names: namesParam(costs) });
    if (isAlnco.get(id)) return new ApiError('conflict', 'staffIsAlnco', { staff: name });
    return new ApiError('conflict', 'staffInUse', { staff: name });
  }

  return {
    create(fields) {
      return insertRow(null, fields);
    },
    insertWithId(member) {
      const { id, ...fields } = member;
      insertRow(id, fields);
    },
    update(id, changes) {
      if (!updateColumns<StaffFields>(db, 'staff', id, changes, STAFF_COLUMNS, ['hourlyCostBasis'])) {
        throw notFound('noStaff', id);
      }
      if (changes.hourlyCostBasis !== undefined) updateBasis.run({ id, ...basisParams(changes.hourlyCostBasis) });
    },
    delete(id) {
      const name = nameOf.get(id) as string | undefined;
      if (name === undefined) throw notFound('noStaff', id);
      try {
        remove.run(id);
      } catch (error) {
        if (!isForeignKeyFailure(error)) throw error;
        throw stillNeeded(id, name);
      }
    },
  };
}
