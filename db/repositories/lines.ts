import type { InterventionLine } from '../../shared/domain';
import type { SqliteDatabase } from '../connection';
import { assertNoDuplicates, notFound, unknownReference, updateColumns, type ColumnMap } from './tableRecord';

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

const LINE_COLUMNS: ColumnMap<LineFields> = {
  name: 'name',
  description: 'description',
  rationale: 'rationale',
  tierId: 'tier_id',
  deliveryLanguage: 'delivery_language',
  fundingSource: 'funding_source',
  fundingNote: 'funding_note',
  minutesPerSession: 'minutes_per_session',
  planningMinutesPerSession: 'planning_minutes_per_session',
  sessionsPerWeekHundredths: 'sessions_per_week_hundredths',
  startWeek: 'start_week',
  weeks: 'weeks',
  groups: 'groups',
  groupCapacity: 'group_capacity',
  expectedProgress: 'expected_progress',
};
const LINE_ARRAYS = ['areaIds', 'staff', 'nonStaffCosts', 'undeliveredWeeks'] as const;

export function createLinesRepository(db: SqliteDatabase): LinesRepository {
  const insert = db.prepare(`
    INSERT INTO lines (id, name, description, rationale, tier_id, delivery_language, funding_source, funding_note,
      minutes_per_session, planning_minutes_per_session, sessions_per_week_hundredths, start_week, weeks, groups,
      group_capacity, expected_progress)
    VALUES (@id, @name, @description, @rationale, @tierId, @deliveryLanguage, @fundingSource, @fundingNote,
      @minutesPerSession, @planningMinutesPerSession, @sessionsPerWeekHundredths, @startWeek, @weeks, @groups,
      @groupCapacity, @expectedProgress)`);
  const lineExists = db.prepare('SELECT 1 FROM lines WHERE id = ?').pluck();
  const tierExists = db.prepare('SELECT 1 FROM tiers WHERE id = ?').pluck();
  const areaExists = db.prepare('SELECT 1 FROM areas WHERE id = ?').pluck();
  const staffExists = db.prepare('SELECT 1 FROM staff WHERE id = ?').pluck();
  const insertArea = db.prepare('INSERT INTO line_areas (line_id, area_id, position) VALUES (?, ?, ?)');
  const insertStaff = db.prepare('INSERT INTO line_staff (line_id, staff_id, position, count) VALUES (?, ?, ?, ?)');
  const insertCost = db.prepare('INSERT INTO line_non_staff_costs (line_id, position, label, pence) VALUES (?, ?, ?, ?)');
  const insertWeek = db.prepare('INSERT INTO line_undelivered_weeks (line_id, week, position) VALUES (?, ?, ?)');
  const clearAreas = db.prepare('DELETE FROM line_areas WHERE line_id = ?');
  const clearStaff = db.prepare('DELETE FROM line_staff WHERE line_id = ?');
  const clearCosts = db.prepare('DELETE FROM line_non_staff_costs WHERE line_id = ?');
  const clearWeeks = db.prepare('DELETE FROM line_undelivered_weeks WHERE line_id = ?');
  const remove = db.prepare('DELETE FROM lines WHERE id = ?');
  const copyLine = db.prepare(`
    INSERT INTO lines (name, description, rationale, tier_id, delivery_language, funding_source, funding_note,
      minutes_per_session, planning_minutes_per_session, sessions_per_week_hundredths, start_week, weeks, groups,
      group_capacity, expected_progress)
    SELECT name || ' (copy)', description, rationale, tier_id, delivery_language, funding_source, funding_note,
      minutes_per_session, planning_minutes_per_session, sessions_per_week_hundredths, start_week, weeks, groups,
      group_capacity, expected_progress
    FROM lines WHERE id = ?`);
  const copyAreas = db.prepare('INSERT INTO line_areas (line_id, area_id, position) SELECT ?, area_id, position FROM line_areas WHERE line_id = ?');
  const copyStaff = db.prepare('INSERT INTO line_staff (line_id, staff_id, position, count) SELECT ?, staff_id, position, count FROM line_staff WHERE line_id = ?');
  const copyCosts = db.prepare('INSERT INTO line_non_staff_costs (line_id, position, label, pence) SELECT ?, position, label, pence FROM line_non_staff_costs WHERE line_id = ?');
  const copyWeeks = db.prepare('INSERT INTO line_undelivered_weeks (line_id, week, position) SELECT ?, week, position FROM line_undelivered_weeks WHERE line_id = ?');

  function checkReferences(f: Partial<LineFields>): void {
    if (f.tierId !== undefined && !tierExists.get(f.tierId)) throw unknownReference('tierId', 'tier', f.tierId);
    f.areaIds?.forEach((a, i) => {
      if (!areaExists.get(a)) throw unknownReference(`areaIds.${i}`, 'area of need', a);
    });
    f.staff?.forEach((s, i) => {
      if (!staffExists.get(s.staffId)) throw unknownReference(`staff.${i}.staffId`, 'member of staff', s.staffId);
    });
    if (f.areaIds) assertNoDuplicates('areaIds', f.areaIds, (a) => `area '${a}'`);
    if (f.staff) assertNoDuplicates('staff', f.staff.map((s) => s.staffId), (s) => `staff member ${s} (use count for more than one)`);
    if (f.undeliveredWeeks) assertNoDuplicates('undeliveredWeeks', f.undeliveredWeeks, (w) => `week ${w}`);
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
    const result = insert.run({
      id,
      name: f.name,
      description: f.description,
      rationale: f.rationale,
      tierId: f.tierId,
      deliveryLanguage: f.deliveryLanguage,
      fundingSource: f.fundingSource,
      fundingNote: f.fundingNote,
      minutesPerSession: f.minutesPerSession,
      planningMinutesPerSession: f.planningMinutesPerSession,
      sessionsPerWeekHundredths: f.sessionsPerWeekHundredths,
      startWeek: f.startWeek,
      weeks: f.weeks,
      groups: f.groups,
      groupCapacity: f.groupCapacity,
      expectedProgress: f.expectedProgress ?? null,
    });
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
      if (!lineExists.get(id)) throw notFound('intervention line', id);
      checkReferences(changes);
      updateColumns<LineFields>(db, 'lines', id, changes, LINE_COLUMNS, LINE_ARRAYS);
      writeArrays(id, changes);
    },
    duplicate(id) {
      if (!lineExists.get(id)) throw notFound('intervention line', id);
      const copyId = Number(copyLine.run(id).lastInsertRowid);
      for (const copy of [copyAreas, copyStaff, copyCosts, copyWeeks]) copy.run(copyId, id);
      return copyId;
    },
    delete(id) {
      if (remove.run(id).changes === 0) throw notFound('intervention line', id);
    },
  };
}
