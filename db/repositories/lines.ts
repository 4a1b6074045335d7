import type { InterventionLine } from '../../shared/domain';
import type { SqliteDatabase } from '../connection';
import { bindRecord, copySql, insertSql, LINES } from '../tables';
import { createReferenceCheck } from './references';
import { assertNoDuplicates, notFound, updateColumns } from './tableRecord';

export type LineFields = Omit<InterventionLine, 'id'>;

export interface LinesRepository {
  create(fields: LineFields): number;
  /** Scalar fields are set; arrays (areaIds, staff, nonStaffCosts, undeliveredWeeks) are replaced whole when given. */
  update(id: number, changes: Partial<LineFields>): void;
  /** A copy named "<name> (copy)" with the same delivery, staff and costs, and nobody enrolled. Returns its id. */
  duplicate(id: number): number;
  /** Removes the line with its enrolments. */
  delete(id: number): void;
  /** Insert keeping the given id (file creation, imports). */
  insertWithId(line: InterventionLine): void;
}

export function createLinesRepository(db: SqliteDatabase): LinesRepository {
  const insert = db.prepare(insertSql(LINES));
  const lineExists = db.prepare('SELECT 1 FROM lines WHERE id = ?').pluck();
  const references = createReferenceCheck(db);
  const insertArea = db.prepare('INSERT INTO line_areas (line_id, area_id, position) VALUES (?, ?, ?)');
  const insertStaff = db.prepare('INSERT INTO line_staff (line_id, staff_id, position, count) VALUES (?, ?, ?, ?)');
  const insertCost = db.prepare('INSERT INTO line_non_staff_costs (line_id, position, label, pence) VALUES (?, ?, ?, ?)');
  const insertWeek = db.prepare('INSERT INTO line_undelivered_weeks (line_id, week, position) VALUES (?, ?, ?)');
  const clearAreas = db.prepare('DELETE FROM line_areas WHERE line_id = ?');
  const clearStaff = db.prepare('DELETE FROM line_staff WHERE line_id = ?');
  const clearCosts = db.prepare('DELETE FROM line_non_staff_costs WHERE line_id = ?');
  const clearWeeks = db.prepare('DELETE FROM line_undelivered_weeks WHERE line_id = ?');
  const remove = db.prepare('DELETE FROM lines WHERE id = ?');
  const copyLine = db.prepare(copySql(LINES, { name: "name || ' (copy)'" }));
  const copyAreas = db.prepare('INSERT INTO line_areas (line_id, area_id, position) SELECT ?, area_id, position FROM line_areas WHERE line_id = ?');
  const copyStaff = db.prepare('INSERT INTO line_staff (line_id, staff_id, position, count) SELECT ?, staff_id, position, count FROM line_staff WHERE line_id = ?');
  const copyCosts = db.prepare('INSERT INTO line_non_staff_costs (line_id, position, label, pence) SELECT ?, position, label, pence FROM line_non_staff_costs WHERE line_id = ?');
  const copyWeeks = db.prepare('INSERT INTO line_undelivered_weeks (line_id, week, position) SELECT ?, week, position FROM line_undelivered_weeks WHERE line_id = ?');

  function checkReferences(f: Partial<LineFields>): void {
    references.exists('tier', f.tierId, 'tierId');
    references.eachExists('area', f.areaIds, 'areaIds');
    f.staff?.forEach((s, i) => references.exists('staff', s.staffId, `staff.${i}.staffId`));
    if (f.areaIds) assertNoDuplicates('areaIds', f.areaIds);
    if (f.staff)
      assertNoDuplicates(
        'staff',
        f.staff.map((s) => s.staffId),
        'staffListedTwice',
      );
    if (f.undeliveredWeeks) assertNoDuplicates('undeliveredWeeks', f.undeliveredWeeks);
  }

  function writeArrays(lineId: number, f: Partial<LineFields>): void {
    if (f.areaIds) {
      clearAreas.run(lineId);
      f.areaIds.forEach((areaId, i) => insertArea.run(lineId, areaId, i));
    }
    if (f.staff) {
      clearStaff.run(lineId);
      f.staff.forEach((s, i) => insertStaff.run(lineId, s.staffId, i, s.count));
    }
    if (f.nonStaffCosts) {
      clearCosts.run(lineId);
      f.nonStaffCosts.forEach((c, i) => insertCost.run(lineId, i, c.label, c.pence));
    }
    if (f.undeliveredWeeks) {
      clearWeeks.run(lineId);
      f.undeliveredWeeks.forEach((w, i) => insertWeek.run(lineId, w, i));
    }
  }

  function insertLine(id: number | null, f: LineFields): number {
    checkReferences(f);
    const result = insert.run(bindRecord(LINES, id, f));
    const lineId = Number(result.lastInsertRowid);
    writeArrays(lineId, f);
    return lineId;
  }

  return {
    create(fields) {
      return insertLine(null, fields);
    },
    insertWithId(line) {
      const { id, ...fields } = line;
      insertLine(id, fields);
    },
    update(id, changes) {
      if (!lineExists.get(id)) throw notFound('noLine', id);
      checkReferences(changes);
      updateColumns<LineFields>(db, LINES, id, changes);
      writeArrays(id, changes);
    },
    duplicate(id) {
      if (!lineExists.get(id)) throw notFound('noLine', id);
      const copyId = Number(copyLine.run(id).lastInsertRowid);
      for (const copy of [copyAreas, copyStaff, copyCosts, copyWeeks]) copy.run(copyId, id);
      return copyId;
    },
    delete(id) {
      if (remove.run(id).changes === 0) throw notFound('noLine', id);
    },
  };
}
