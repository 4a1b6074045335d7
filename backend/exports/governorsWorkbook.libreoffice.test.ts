/**
 * Proof: each exported workbook, opened in LibreOffice headless with a profile that always
 * recalculates on load, computes every line cost, subtotal and total to exactly the engine's figure.
 *
 * Two of the files carry deliberately wrong cached results in every formula cell (£123,456.78), so the
 * figures read back can only be right if LibreOffice recalculated them: trusting the cache would fail.
 *
 * Needs LibreOffice (`apt-get install -y libreoffice-calc`). Skipped, with a message, only when soffice is
 * absent and CI is not set; in CI it must run.
 */
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { academicFinancialYears, weekFinancialYearIndexes } from '../../shared/calendar';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { incomeCountsIn } from '../../shared/engine';
import { inLanguage } from '../../shared/i18n/schoolWords';
import { writeWorkbook } from './exportFile';
import { buildGovernorsWorkbookWithFigures, type CheckedFigure, type GovernorsWorkbook } from './governorsWorkbook';
import { convertWithLibreOffice, findSoffice } from './libreOfficeRecalculation';
import { variedSchoolYear, viewOf } from '../../test/support/variedSchools';
import { createI18n } from '../../shared/i18n';
import { formatPounds } from '../../shared/money';
import { overBudgetText } from './governors/summarySheet';
import { L, M } from './governors/provisionMapSheet';
import type { InterventionLine as Line, SchoolYear } from '../../shared/domain';

const soffice = findSoffice();
const skip = soffice === null && !process.env.CI;
if (skip) console.warn('governorsWorkbook.libreoffice.test.ts skipped: LibreOffice (soffice) is not installed. Install libreoffice-calc to run the proof.');

const WRONG = 123456.78;

describe.skipIf(skip)('the governors’ workbook recalculated by LibreOffice', () => {
  const folder = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'mapio-proof-'));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('computes every line, subtotal and total to the engine’s figure, to the penny', async () => {
    const schools = [
      { name: 'demo', year: demoSchoolYear(), lang: 'en' as const },
      { name: 'demo-cy', year: demoSchoolYear(), lang: 'cy' as const },
      ...[11, 12, 13, 14].map((seed) => ({ name: `varied-${seed}`, year: variedSchoolYear(seed, seed === 14 ? { lines: 120, learners: 300 } : {}), lang: 'en' as const })),
    ];
    const inputs: Array<{ path: string; figures: CheckedFigure[]; wrongCache: boolean; words: Array<{ sheet: string; cell: string; text: string }> }> = [];
    for (const school of schools) {
      for (const wrongCache of [false, true]) {
        if (wrongCache && !['demo', 'varied-11'].includes(school.name)) continue;
        const { workbook, figures } = await buildGovernorsWorkbookWithFigures(viewOf(school.year), { learners: 'pseudonymised', lang: school.lang, generatedOn: '2026-11-24' });
        // Formulas that write words (a year over budget, with its amount; the ALNCo's hours to spare), as Mapio wrote them.
        const words: Array<{ sheet: string; cell: string; text: string }> = [];
        workbook.eachSheet((ws) =>
          ws.eachRow((row) =>
            row.eachCell((cell) => {
              const v = cell.value;
              if (v !== null && typeof v === 'object' && 'formula' in v && typeof v.result === 'string') words.push({ sheet: ws.name, cell: cell.address, text: v.result });
            }),
          ),
        );
        if (wrongCache) {
          // Poison every cached formula result: only a real recalculation can bring the right figures back.
          workbook.eachSheet((ws) =>
            ws.eachRow((row) =>
              row.eachCell((cell) => {
                const v = cell.value;
                if (v !== null && typeof v === 'object' && 'formula' in v) cell.value = { formula: (v as ExcelJS.CellFormulaValue).formula, result: WRONG };
              }),
            ),
          );
          const first = figures[0] as CheckedFigure;
          expect((workbook.getWorksheet(first.sheet)?.getCell(first.cell).value as ExcelJS.CellFormulaValue).result).toBe(WRONG);
        }
        const path = nodePath.join(folder, `${school.name}${wrongCache ? '-wrong-cache' : ''}.xlsx`);
        await writeWorkbook(workbook, path);
        inputs.push({ path, figures, wrongCache, words });
      }
    }

    // One soffice run for every file (it is slow to start).
    const outputs = convertWithLibreOffice(
      inputs.map((i) => i.path),
      'xlsx',
      nodePath.join(folder, 'recalculated'),
    );

    let checked = 0;
    for (const [i, input] of inputs.entries()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(outputs[i] as string);
      expect(input.figures.length).toBeGreaterThan(10);
      for (const f of input.figures) {
        const cell = wb.getWorksheet(f.sheet)?.getCell(f.cell);
        const v = cell?.value;
        // exceljs drops a formula's result when it is 0, so a formula cell without one read 0.
        const value = v !== null && typeof v === 'object' && 'formula' in (v as object) ? ((v as ExcelJS.CellFormulaValue).result ?? 0) : v;
        const where = `${nodePath.basename(input.path)} ${f.sheet}!${f.cell} (${f.what})`;
        expect(typeof value, `${where}: ${JSON.stringify(v)}`).toBe('number');
        expect(Math.abs((value as number) * 100 - f.pence), where).toBeLessThan(1e-6);
        checked++;
      }
      // Words worked out by a formula read as Mapio wrote them: "£646.25 over budget", with "£", the
      // thousands comma and two decimals, from the recalculated position.
      for (const w of input.words) {
        const v = wb.getWorksheet(w.sheet)?.getCell(w.cell).value as ExcelJS.CellFormulaValue;
        expect(v.result, `${nodePath.basename(input.path)} ${w.sheet}!${w.cell}`).toBe(w.text);
      }
    }
    expect(checked).toBeGreaterThan(500);
    // The demo's second financial year is over budget, in words, in English and Welsh.
    expect(inputs.filter((i) => i.words.some((w) => /^• .+ (over budget|dros y gyllideb)\. /.test(w.text))).length).toBeGreaterThanOrEqual(3);
  }, 240_000);

  it('stays true when a governor edits it: a staff rate, a line’s sessions and income amounts move every figure to the engine’s figure for the edited year', async () => {
    const cases = [
      { name: 'demo', year: demoSchoolYear(), lang: 'en' as const },
      { name: 'demo-cy', year: demoSchoolYear(), lang: 'cy' as const },
      { name: 'varied-12', year: variedSchoolYear(12), lang: 'en' as const },
      { name: 'varied-13', year: variedSchoolYear(13), lang: 'en' as const },
      // An income line for a financial year the school year does not run across, from an older file: not
      // listed nor counted (docs/costing-rules.md, "Budget position"), so editing the others moves the income.
      { name: 'demo-old-grant', year: withOldGrant(demoSchoolYear()), lang: 'en' as const },
    ];
    const edited: EditedWorkbook[] = [];
    for (const c of cases) {
      const options = { learners: 'pseudonymised' as const, lang: c.lang, generatedOn: '2026-11-24' as const };
      const before = await buildGovernorsWorkbookWithFigures(viewOf(c.year), options);
      const written = nodePath.join(folder, `${c.name}-as-written.xlsx`);
      await writeWorkbook(before.workbook, written);

      // The same edits to the school's year, costed by the engine: what the edited workbook must show.
      const year = structuredClone(c.year);
      // A rate of someone who works on lines, and the ALNCo's (their workload is costed at it).
      const staffIndexes = [
        ...new Set([year.staff.findIndex((s) => year.lines.some((l) => l.staff.some((a) => a.staffId === s.id))), year.staff.findIndex((s) => s.id === year.workload.alncoStaffId)]),
      ].filter((i) => i >= 0);
      for (const i of staffIndexes) (year.staff[i] as (typeof year.staff)[number]).hourlyCostPence += 1_237;
      const line = year.lines.find((l) => l.staff.length > 0 && l.weeks > 0) as (typeof year.lines)[number];
      line.sessionsPerWeekHundredths = line.sessionsPerWeekHundredths === 250 ? 125 : 250;
      expect(year.income.length).toBeGreaterThan(0);
      for (const [i, income] of year.income.entries()) income.amountPence += 100_003 * (i + 1);
      const after = await buildGovernorsWorkbookWithFigures(viewOf(year), options);

      // The same edits typed into the written workbook, as a governor would: inputs only.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(written);
      const staffing = wb.getWorksheet(before.sheets[2] as string) as ExcelJS.Worksheet;
      for (const i of staffIndexes) {
        const rateCell = staffing.getCell(`C${4 + i}`);
        expect(rateCell.protection?.locked).toBe(false);
        rateCell.value = (year.staff[i] as (typeof year.staff)[number]).hourlyCostPence / 100;
      }
      const map = wb.getWorksheet(before.sheets[1] as string) as ExcelJS.Worksheet;
      const lineRow = (before.figures.find((f) => f.what === `staff cost of “${inLanguage(line.name, line.nameCy, c.lang)}”`) as CheckedFigure).cell.slice(1);
      map.getCell(`G${lineRow}`).value = line.sessionsPerWeekHundredths / 100;
      const summary = wb.getWorksheet(before.sheets[0] as string) as ExcelJS.Worksheet;
      const incomeAt = (before.figures.find((f) => f.what === 'budget income') as CheckedFigure).cell;
      const firstIncomeRow = Number(/^SUM\(B(\d+):/.exec((summary.getCell(incomeAt).value as ExcelJS.CellFormulaValue).formula)?.[1]);
      const financialYears = academicFinancialYears(year.calendar, year.school.academicYear);
      year.income
        .filter((income) => incomeCountsIn(income.financialYear, financialYears))
        .forEach((income, i) => {
          const cell = summary.getCell(`B${firstIncomeRow + i}`);
          expect(cell.protection?.locked).toBe(false);
          cell.value = income.amountPence / 100;
        });
      const overBudget = overBudgetRows(summary, c.year, year, c.lang);
      const path = nodePath.join(folder, `${c.name}-edited.xlsx`);
      await wb.xlsx.writeFile(path);
      // The edited workbook keeps the layout it was written with (a row saying a year is over budget stays
      // where it was, emptied or not, where Mapio would now write none), so each of the engine's figures for
      // the edited year is read from the cell that held the same figure as written.
      edited.push(editedWorkbook(path, c.name, before, after, overBudget));
    }

    const outputs = convertWithLibreOffice(
      edited.map((e) => e.path),
      'xlsx',
      nodePath.join(folder, 'edited-recalculated'),
    );
    for (const [i, e] of edited.entries()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(outputs[i] as string);
      expectEngineFigures(e, wb, ['budget position', 'budget income', 'grand total: all provision']);
    }
  }, 240_000);

  it('stays true when a governor edits a line’s minutes, weeks, groups and non-staff costs, other costs, contracted hours and the number on roll', async () => {
    const cases = [
      { name: 'demo', year: demoSchoolYear(), lang: 'en' as const },
      { name: 'demo-cy', year: demoSchoolYear(), lang: 'cy' as const },
      { name: 'varied-12', year: variedSchoolYear(12), lang: 'en' as const },
      { name: 'varied-13', year: variedSchoolYear(13), lang: 'en' as const },
    ];
    const edited: EditedWorkbook[] = [];
    const places: Array<{ name: string; sheet: string; cell: string; places: number }> = [];
    const hours: Array<Array<{ row: number; minutes: number; week: number | null; words: string }>> = [];
    const staffingSheets: string[] = [];
    for (const c of cases) {
      const options = { learners: 'pseudonymised' as const, lang: c.lang, generatedOn: '2026-11-24' as const };
      const before = await buildGovernorsWorkbookWithFigures(viewOf(c.year), options);
      const written = nodePath.join(folder, `${c.name}-as-written-2.xlsx`);
      await writeWorkbook(before.workbook, written);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(written);
      const map = wb.getWorksheet(before.sheets[1] as string) as ExcelJS.Worksheet;
      const summary = wb.getWorksheet(before.sheets[0] as string) as ExcelJS.Worksheet;
      // The map's row of a line or other cost, found by the figure Mapio wrote for its cost.
      const rowOf = (name: string, nameCy: string): number =>
        Number((before.figures.find((f) => f.what === `cost of “${inLanguage(name, nameCy, c.lang)}”`) as CheckedFigure).cell.slice(L(M.cost).length));
      // Type `value` into an input cell of the map, as a governor would (it must be one: unlocked).
      const type = (ws: ExcelJS.Worksheet, address: string, value: number): void => {
        const cell = ws.getCell(address);
        expect(cell.protection?.locked, `${c.name} ${ws.name}!${address}`).toBe(false);
        cell.value = value;
      };

      // The same edits to the school's year, costed by the engine: what the edited workbook must show.
      const year = structuredClone(c.year);
      const firstYearWeeks = weekFinancialYearIndexes(year.calendar, academicFinancialYears(year.calendar, year.school.academicYear)).filter((x) => x === 0).length;
      const staffed = year.lines.filter((l) => l.staff.length > 0 && l.weeks > 0);
      expect(staffed.length).toBeGreaterThanOrEqual(4);
      const [minutesLine, weeksLine, groupsLine, nonStaffLine] = staffed as [Line, Line, Line, Line];
      // Contact and planning minutes.
      minutesLine.minutesPerSession += 7;
      minutesLine.planningMinutesPerSession += 3;
      // Weeks, moving the end of the run across the financial years' boundary (the first financial year's
      // weeks of the line change, not just its length).
      const end = weeksLine.startWeek + weeksLine.weeks - 1;
      weeksLine.weeks = end > firstYearWeeks ? Math.max(1, firstYearWeeks - weeksLine.startWeek - 1) : firstYearWeeks + 3 - weeksLine.startWeek;
      // Groups: the line's places (groups × places per group) and its cost per place follow.
      groupsLine.groups += 1;
      // Non-staff costs: the map shows their sum, so a governor changes the sum.
      const nonStaff = nonStaffLine.nonStaffCosts.reduce((sum, x) => sum + x.pence, 0) + 12_345;
      nonStaffLine.nonStaffCosts = [{ label: 'Resources', pence: nonStaff }];
      // A staff-time other cost (the ALNCo's release, where there is one): minutes a week and weeks.
      const staffTime = year.otherCosts.find((o) => o.staffId !== null) as (typeof year.otherCosts)[number];
      staffTime.minutesPerWeek += 30;
      staffTime.weeks = firstYearWeeks - 5;
      // A bought-in cost: its cost (quantity × unit price) on the map.
      const bought = year.otherCosts.find((o) => o.staffId === null) as (typeof year.otherCosts)[number];
      bought.quantity = 1;
      bought.unitPence = bought.unitPence * 3 + 4_321;
      // …and the weeks it is spread over, which split it across the financial years.
      bought.weeks = firstYearWeeks - 3;
      // The number on roll (whole-school provision per pupil follows).
      year.school.numberOnRoll += 37;
      // A member of staff's contracted hours, to a minute under their busiest week after the edits (or an
      // hour over it when they are already over): whether they are within their hours turns over.
      const busiest = viewOf(year).costed.staff.reduce((a, b) => (b.peakAllocatedMinutesPerWeek > a.peakAllocatedMinutesPerWeek ? b : a));
      const contracted = year.staff.find((x) => x.id === busiest.staffId) as (typeof year.staff)[number];
      contracted.contractedMinutesPerWeek = busiest.overAllocated ? busiest.peakAllocatedMinutesPerWeek + 60 : busiest.peakAllocatedMinutesPerWeek - 1;
      const after = await buildGovernorsWorkbookWithFigures(viewOf(year), options);

      // The same edits typed into the written workbook.
      const row = (line: Line): number => rowOf(line.name, line.nameCy);
      type(map, `${L(M.contact)}${row(minutesLine)}`, minutesLine.minutesPerSession);
      type(map, `${L(M.planning)}${row(minutesLine)}`, minutesLine.planningMinutesPerSession);
      type(map, `${L(M.weeks)}${row(weeksLine)}`, weeksLine.weeks);
      type(map, `${L(M.groups)}${row(groupsLine)}`, groupsLine.groups);
      type(map, `${L(M.nonStaff)}${row(nonStaffLine)}`, nonStaff / 100);
      type(map, `${L(M.contact)}${rowOf(staffTime.name, staffTime.nameCy)}`, staffTime.minutesPerWeek);
      type(map, `${L(M.weeks)}${rowOf(staffTime.name, staffTime.nameCy)}`, staffTime.weeks);
      type(map, `${L(M.nonStaff)}${rowOf(bought.name, bought.nameCy)}`, bought.unitPence / 100);
      type(map, `${L(M.weeks)}${rowOf(bought.name, bought.nameCy)}`, bought.weeks);
      const { t } = createI18n(c.lang);
      let rollRow = 0;
      summary.eachRow((r, n) => {
        if (r.getCell(1).value === t('export.numberOnRoll')) rollRow = n;
      });
      type(summary, `B${rollRow}`, year.school.numberOnRoll);
      const staffing = wb.getWorksheet(before.sheets[2] as string) as ExcelJS.Worksheet;
      staffingSheets.push(staffing.name);
      type(staffing, `D${4 + year.staff.indexOf(contracted)}`, contracted.contractedMinutesPerWeek / 1440);
      // Each person's busiest week, its hours and whether they are within their contracted hours, as the engine's.
      const allocations = viewOf(year).costed.staff;
      expect(allocations.filter((a, k) => a.peakAllocatedMinutesPerWeek !== viewOf(c.year).costed.staff[k]?.peakAllocatedMinutesPerWeek).length, c.name).toBeGreaterThan(0);
      hours.push(
        year.staff.map((member, k) => {
          const a = allocations.find((x) => x.staffId === member.id) as (typeof allocations)[number];
          return { row: 4 + k, minutes: a.peakAllocatedMinutesPerWeek, week: a.peakWeek, words: t(a.overAllocated ? 'export.staffing.overAllocated' : 'export.staffing.withinHours') };
        }),
      );
      const overBudget = overBudgetRows(summary, c.year, year, c.lang);
      const path = nodePath.join(folder, `${c.name}-edited-2.xlsx`);
      await wb.xlsx.writeFile(path);

      const groupsPlaces = viewOf(year).costed.lines.find((l) => l.lineId === groupsLine.id)?.places;
      expect(groupsPlaces).toBe(groupsLine.groups * groupsLine.groupCapacity);
      places.push({ name: c.name, sheet: map.name, cell: `${L(M.places)}${row(groupsLine)}`, places: groupsPlaces as number });
      edited.push(editedWorkbook(path, c.name, before, after, overBudget));
    }

    const outputs = convertWithLibreOffice(
      edited.map((e) => e.path),
      'xlsx',
      nodePath.join(folder, 'edited-recalculated-2'),
    );
    for (const [i, e] of edited.entries()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(outputs[i] as string);
      expectEngineFigures(e, wb, ['grand total: all provision', 'whole-school provision per pupil on roll']);
      // The edited line's places are its groups × places per group, as the engine's.
      const p = places[i] as (typeof places)[number];
      const v = wb.getWorksheet(p.sheet)?.getCell(p.cell).value;
      expect(v !== null && typeof v === 'object' && 'formula' in v ? v.result : v, `${p.name} places`).toBe(p.places);
      const staffing = wb.getWorksheet(staffingSheets[i] as string) as ExcelJS.Worksheet;
      const result = (address: string): unknown => {
        const cell = staffing.getCell(address).value;
        return cell !== null && typeof cell === 'object' && 'formula' in cell ? cell.result : cell;
      };
      for (const h of hours[i] as Array<{ row: number; minutes: number; week: number | null; words: string }>) {
        // exceljs reads a duration the sheet recalculated as a date from 30 December 1899.
        const allocated = result(`E${h.row}`);
        const days = allocated instanceof Date ? (allocated.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : Number(allocated ?? 0);
        expect(Math.round(days * 1440), `${e.name} Staffing!E${h.row}`).toBe(h.minutes);
        expect(result(`F${h.row}`) === '' || result(`F${h.row}`) === undefined ? null : result(`F${h.row}`), `${e.name} Staffing!F${h.row}`).toBe(h.week);
        expect(result(`G${h.row}`), `${e.name} Staffing!G${h.row}`).toBe(h.words);
      }
    }
  }, 240_000);
});

/**
 * Each financial year over budget as written is a row of words under "What needs attention first", the
 * Summary's only formulas in column A: after the edits (`was` → `now`) they say the edited year's amount,
 * or nothing once that year is no longer over budget.
 */
function overBudgetRows(summary: ExcelJS.Worksheet, was: SchoolYear, now: SchoolYear, lang: 'en' | 'cy'): Array<{ cell: string; text: string }> {
  const { t } = createI18n(lang);
  const [before, after] = [viewOf(was).costed.budget.financialYears, viewOf(now).costed.budget.financialYears];
  const expected = before.flatMap((fy, i) => {
    if (fy.positionPence >= 0) return [];
    const position = (after[i] as (typeof after)[number]).positionPence;
    return [position < 0 ? overBudgetText(t, t('export.fyLabel', { start: fy.year, end: fy.year + 1 }), formatPounds(-position)) : ''];
  });
  const cells: string[] = [];
  summary.eachRow((row) => {
    const v = row.getCell(1).value;
    if (v !== null && typeof v === 'object' && 'formula' in v) cells.push(row.getCell(1).address);
  });
  expect(cells).toHaveLength(expected.length);
  return cells.map((cell, i) => ({ cell, text: expected[i] as string }));
}

/**
 * An edited workbook as its recalculated copy is checked: each of the engine's figures for the edited year
 * (`after`) read from the cell that held the same figure as written (`before`). The edited workbook keeps
 * the layout it was written with, so the two must list the same figures in the same order.
 */
function editedWorkbook(path: string, name: string, before: GovernorsWorkbook, after: GovernorsWorkbook, overBudget: EditedWorkbook['overBudget']): EditedWorkbook {
  expect(after.figures.map((f) => `${f.sheet} ${f.what}`)).toEqual(before.figures.map((f) => `${f.sheet} ${f.what}`));
  return {
    path,
    figures: after.figures.map((f, k) => ({ ...f, cell: (before.figures[k] as CheckedFigure).cell })),
    before: before.figures,
    name,
    learnersSheet: before.sheets[3] as string,
    summarySheet: before.sheets[0] as string,
    overBudget,
  };
}

interface EditedWorkbook {
  path: string;
  figures: CheckedFigure[];
  before: CheckedFigure[];
  name: string;
  learnersSheet: string;
  summarySheet: string;
  overBudget: Array<{ cell: string; text: string }>;
}

/**
 * The recalculated edited workbook `wb` shows the engine's figure for the edited year in every formula cell
 * (the Learners sheet's shares, Mapio's figures marked as fixed, aside), its tables agree with each other,
 * and the headline's words follow the edited budget. `mustMove` are figures the edits must have changed.
 */
function expectEngineFigures(e: EditedWorkbook, wb: ExcelJS.Workbook, mustMove: string[]): void {
  const read = (f: CheckedFigure): number => {
    const v = wb.getWorksheet(f.sheet)?.getCell(f.cell).value;
    const value = v !== null && typeof v === 'object' && 'formula' in (v as object) ? ((v as ExcelJS.CellFormulaValue).result ?? 0) : v;
    expect(typeof value, `${e.name} ${f.sheet}!${f.cell} (${f.what}): ${JSON.stringify(v)}`).toBe('number');
    return Math.round((value as number) * 100);
  };
  // The edits moved figures on every sheet that shows them (so a stale cache could not pass)…
  const moved = e.figures.filter((f, k) => f.pence !== e.before[k]?.pence);
  expect(new Set(moved.map((f) => f.sheet)).size, e.name).toBeGreaterThanOrEqual(3);
  expect(moved.map((f) => f.what)).toEqual(expect.arrayContaining(mustMove));
  // …and every figure, on every sheet, is the engine's figure for the edited year. (The Learners
  // sheet's shares are Mapio's figures, marked as such; its total sums them, so it is not a formula
  // back to the inputs and is left out.)
  for (const f of e.figures.filter((x) => x.sheet !== e.learnersSheet)) expect(read(f), `${e.name} ${f.sheet}!${f.cell} (${f.what})`).toBe(f.pence);

  // No two tables disagree: by tier = by area = by funding = by financial year = the map's total;
  // ALP + not ALP = all intervention lines; and the same for what is charged to the ALN budget.
  const at = (what: string): number => read(e.figures.find((f) => f.what === what) as CheckedFigure);
  const total = at('grand total: all provision');
  for (const what of ['spend by tier: total', 'spend by area: total', 'spend by funding source: total']) expect(at(what), `${e.name} ${what}`).toBe(total);
  const fyParts = e.figures.filter((f) => /^(first|second) financial year of /.test(f.what)).map(read);
  expect(fyParts.reduce((a, b) => a + b, 0)).toBe(total);
  expect(at('ALP or not: total')).toBe(at('all intervention lines: cost'));
  const charged = at('grand total: charged to the ALN budget');
  for (const what of ['spend by tier: charged total', 'spend by area: charged total', 'spend by funding source: charged total', 'committed spend charged to the ALN budget'])
    expect(at(what), `${e.name} ${what}`).toBe(charged);
  expect(at('ALP or not: charged total')).toBe(at('all intervention lines: charged'));
  const fyCharged = e.figures.filter((f) => /^financial year \d+: charged$/.test(f.what)).map(read);
  expect(fyCharged).toHaveLength(2);
  expect((fyCharged[0] as number) + (fyCharged[1] as number)).toBe(charged);
  // The whole year's income is its two financial years' income, as the engine's (docs/costing-rules.md).
  const fyIncome = e.figures.filter((f) => /^financial year \d+: income$/.test(f.what)).map(read);
  expect(fyIncome).toHaveLength(2);
  expect(
    fyIncome.reduce((a, b) => a + b, 0),
    `${e.name} income by financial year`,
  ).toBe(at('budget income'));

  // What needs attention first follows the edited budget.
  const summary = wb.getWorksheet(e.summarySheet) as ExcelJS.Worksheet;
  for (const { cell, text } of e.overBudget) expect(String((summary.getCell(cell).value as ExcelJS.CellFormulaValue).result ?? ''), `${e.name} ${cell}`).toBe(text);
}

/** The year with a grant for 2019-20 among its income, as a file from before the door refused it holds. */
function withOldGrant(year: ReturnType<typeof demoSchoolYear>): ReturnType<typeof demoSchoolYear> {
  const [first, ...rest] = year.income;
  const old = { ...(first as (typeof year.income)[number]), id: 99, name: 'Old grant', nameCy: '', kind: 'aln_grant' as const, amountPence: 100_000, financialYear: 2019 };
  return { ...year, income: [first as (typeof year.income)[number], old, ...rest] };
}
