/**
 * Checks that a record's references exist in the open year, naming the field that is wrong.
 * The database's foreign keys are the last line of defence; these give the person a sentence.
 */
import { ApiError } from '../../shared/api/contract';
import type { InterventionLine, SchoolYear } from '../../shared/domain';
import { assertRunInYear, assertWeeksInYear } from '../session';

function invalid(path: string, message: string): never {
  throw new ApiError('invalid_input', `${path}: ${message}`, [{ path, message }]);
}

export function assertAreas(year: SchoolYear, areaIds: string[] | undefined, path = 'areaIds'): void {
  if (!areaIds) return;
  const known = new Set(year.areas.map((a) => a.id));
  areaIds.forEach((a, i) => {
    if (!known.has(a)) invalid(`${path}.${i}`, `“${a}” is not one of this school's areas of need`);
  });
  if (new Set(areaIds).size !== areaIds.length) invalid(path, 'lists an area twice');
}

export function assertStaffExists(year: SchoolYear, staffId: number | null | undefined, path: string): void {
  if (staffId === null || staffId === undefined) return;
  if (!year.staff.some((s) => s.id === staffId)) invalid(path, `no staff member with id ${staffId}`);
}

/** A whole line as it would be after the change: tier, areas, staff, weeks. */
export function assertLineValid(year: SchoolYear, line: Omit<InterventionLine, 'id'>): void {
  if (!year.tiers.some((t) => t.id === line.tierId)) invalid('tierId', `“${line.tierId}” is not one of this school's tiers`);
  assertAreas(year, line.areaIds);
  line.staff.forEach((s, i) => assertStaffExists(year, s.staffId, `staff.${i}.staffId`));
  if (new Set(line.staff.map((s) => s.staffId)).size !== line.staff.length) invalid('staff', 'lists a staff member twice; use the count instead');
  assertRunInYear(year, line.startWeek, line.weeks);
  const end = line.startWeek + line.weeks - 1;
  line.undeliveredWeeks.forEach((w, i) => {
    if (w < line.startWeek || w > end) invalid(`undeliveredWeeks.${i}`, `week ${w} is not in this line's run (weeks ${line.startWeek} to ${end})`);
  });
  if (new Set(line.undeliveredWeeks).size !== line.undeliveredWeeks.length) invalid('undeliveredWeeks', 'lists a week twice');
}

export function assertEnrolmentWeeks(year: SchoolYear, startWeek: number, endWeek: number): void {
  assertWeeksInYear(year, [
    { path: 'startWeek', week: startWeek },
    { path: 'endWeek', week: endWeek },
  ]);
  if (endWeek < startWeek) invalid('endWeek', `must not be before the start week (${startWeek})`);
}
