/**
 * No edit can make a file unopenable. Every value that multiplies into money has a bound a real school
 * never reaches, and the year an edit leaves is costed inside the edit's transaction: if any figure would
 * pass what Mapio can count exactly (2⁵³ − 1 pence), the edit is refused naming the request's fields, and
 * nothing is committed. The attack this closes: `staff.update {hourlyCostPence: 1e11}` and one large line
 * were each accepted, the second answered "not saved" although it was committed, and from then on the
 * file could not be opened, summarised or exported.
 */
import { issuesInEnglish } from '../test/support/refusalWords';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type MutationResult, type YearView } from '../shared/api/contract';
import type { InterventionLine } from '../shared/domain';
import { SchoolFile } from '../db/schoolFile';
import { testFolder } from '../test/support/testFolder';
import { testSchoolYear } from '../test/support/testSchoolYear';
import { runCli } from './cli/main';
import { createBackend, type TypedBackend } from './backend';
import { refusal } from '../test/unit/hardening/refusal';

let dir: string;
let filePath: string;
let backend: TypedBackend;

beforeEach(() => {
  dir = testFolder();
  filePath = path.join(dir, 'school.mapio');
  SchoolFile.create(filePath, testSchoolYear(), { appVersion: 'test' }).close();
  backend = createBackend({ mode: 'cli', dataDir: dir, openPath: filePath, today: () => '2026-11-24' });
});
afterEach(() => {
  backend.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

const view = () => backend.invoke('year.get', {}) as YearView;

/** A whole-school line, each value inside its bound: six-hour sessions, 5 a week, 38 weeks, 1 to a group. */
function bigLine(staffIds: number[], groups: number): Omit<InterventionLine, 'id'> {
  const { id: _id, ...line } = testSchoolYear().lines[0]!;
  return {
    ...line,
    name: `Whole school, ${groups} groups`,
    staff: staffIds.map((staffId) => ({ staffId, count: 200 })),
    minutesPerSession: 360,
    planningMinutesPerSession: 0,
    sessionsPerWeekHundredths: 500,
    startWeek: 1,
    weeks: 38,
    groups,
    groupCapacity: 1,
    nonStaffCosts: [],
  };
}

/** Twenty people at £1,000 an hour (the most the door accepts); the first at `firstRate`. */
async function twentyAtTheTopRate(firstRate = 100_000): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < 20; i++) {
    const { createdIds } = (await backend.call('staff.create', {
      name: `Consultant ${i + 1}`,
      role: 'specialist',
      isPlaceholder: false,
      hourlyCostPence: i === 0 ? firstRate : 100_000,
      hourlyCostBasis: null,
      contractedMinutesPerWeek: 1_500,
      worksInWelsh: false,
    })) as MutationResult;
    ids.push(createdIds![0]!);
  }
  return ids;
}

describe('values that multiply into money are bounded at the door, naming the range', () => {
  it('the attack itself: an hourly cost of £1bn is refused, nothing saved', async () => {
    const before = view();
    const error = await refusal(() => backend.call('staff.update', { id: 1, changes: { hourlyCostPence: 1e11 } }));
    expect(error.code).toBe('invalid_input');
    expect(issuesInEnglish(error.issues)).toEqual([{ path: 'changes.hourlyCostPence', message: 'must be between £0 and £1,000' }]);
    expect(view().data).toEqual(before.data);
  });

  it('staff per group and groups say their ranges', async () => {
    const groups = await refusal(() => backend.call('lines.update', { id: 1, changes: { groups: 3_001 } }));
    expect(issuesInEnglish(groups.issues)).toEqual([{ path: 'changes.groups', message: 'must be between 1 and 3,000' }]);
    const count = await refusal(() => backend.call('lines.update', { id: 1, changes: { staff: [{ staffId: 1, count: 201 }] } }));
    expect(issuesInEnglish(count.issues)).toEqual([{ path: 'changes.staff.0.count', message: 'must be between 1 and 200' }]);
    // The largest values are accepted: a whole-school line at the largest secondary.
    await backend.call('lines.update', { id: 1, changes: { groups: 3_000, staff: [{ staffId: 1, count: 200 }] } });
    expect(view().data.lines[0]).toMatchObject({ groups: 3_000, staff: [{ staffId: 1, count: 200 }] });
  });
});

describe('an edit whose costs would pass what Mapio can count exactly is refused and rolled back', () => {
  /**
   * Twenty people at £1,000 an hour, 200 of each with every one of 3,000 groups: one line costs about
   * £13.7 trillion, inside the range; six of them fit (£82.1 trillion); a seventh would pass £90 trillion.
   */
  async function sixLargestLines(firstRate?: number): Promise<number[]> {
    const staff = await twentyAtTheTopRate(firstRate);
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push(((await backend.call('lines.create', bigLine(staff, 3_000))) as MutationResult).createdIds![0]!);
    return staff;
  }

  it('a new line: refused naming its fields, nothing committed, and the file still opens, summarises and exports', async () => {
    const staff = await sixLargestLines();
    const before = view();
    const error = await refusal(() => backend.call('lines.create', bigLine(staff, 3_000)));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^That would make the costs too large for Mapio to count exactly \(the cost of the whole year would pass £90,071,992,547,409\.91\), so nothing was changed/);
    expect(error.issues?.[0]).toEqual({ path: 'staff.0.count', code: 'tooLargeToCount' });
    expect(error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['groups', 'minutesPerSession', 'sessionsPerWeekHundredths', 'weeks']));
    const after = view();
    expect(after.data).toEqual(before.data);
    expect(after.history).toEqual(before.history);

    // Everything that failed after the attack works: reopening, the summary, the JSON export.
    backend.dispose();
    const out: string[] = [];
    expect(await runCli(['summary', filePath], { out: (t) => out.push(t), err: (t) => out.push(t) })).toBe(0);
    expect(await runCli(['export-json', filePath, path.join(dir, 'year.json')], { out: () => undefined, err: (t) => out.push(t) })).toBe(0);
    backend = createBackend({ mode: 'cli', dataDir: dir, openPath: filePath, today: () => '2026-11-24' });
    expect(view().data.lines).toHaveLength(before.data.lines.length);
  });

  it('an hourly cost, a line and a duplicate that would pass the range are refused naming the field; undo still works', async () => {
    // The first consultant at £1 an hour, and a seventh line of 2,000 groups: the year just fits.
    const staff = await sixLargestLines(100);
    const small = ((await backend.call('lines.create', bigLine(staff, 2_000))) as MutationResult).createdIds![0]!;
    const before = view();

    const rate = await refusal(() => backend.call('staff.update', { id: staff[0]!, changes: { hourlyCostPence: 100_000 } }));
    expect(issuesInEnglish(rate.issues)).toEqual([{ path: 'changes.hourlyCostPence', message: 'it would make the costs too large for Mapio to count exactly' }]);
    expect(rate.message).toMatch(/^That would make the costs too large .* \(the cost of the whole year would pass/);
    const update = await refusal(() => backend.call('lines.update', { id: small, changes: { groups: 3_000 } }));
    expect(issuesInEnglish(update.issues)).toEqual([{ path: 'changes.groups', message: 'it would make the costs too large for Mapio to count exactly' }]);
    const duplicate = await refusal(() => backend.call('lines.duplicate', { id: small - 1 }));
    expect(duplicate.message).toMatch(/^That would make the costs too large .*the cost of the whole year/);

    expect(view().data).toEqual(before.data);
    expect(view().history).toEqual(before.history);
    await backend.call('history.undo', {});
    expect(view().data.lines.find((l) => l.id === small)).toBeUndefined();
    // A smaller rise fits, and is saved.
    await backend.call('staff.update', { id: staff[0]!, changes: { hourlyCostPence: 5_000 } });
    expect(view().data.staff.find((s) => s.id === staff[0])?.hourlyCostPence).toBe(5_000);
  });
});
