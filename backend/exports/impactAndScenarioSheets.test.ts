import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { costSchoolYear } from '../../shared/engine';
import { compareScenarios } from '../../shared/engine';
import { createI18n } from '../../shared/i18n';
import { buildGovernorsWorkbookWithFigures, type GovernorsWorkbookOptions } from './governorsWorkbook';
import { viewOf } from '../../test/support/variedSchools';

const options = (o: Partial<GovernorsWorkbookOptions> = {}): GovernorsWorkbookOptions => ({ learners: 'pseudonymised', lang: 'en', generatedOn: '2026-11-24', ...o });

function rowOf(ws: ExcelJS.Worksheet, firstCell: string): ExcelJS.Row {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === firstCell) return ws.getRow(r);
  throw new Error(`no row “${firstCell}” on ${ws.name}`);
}

describe('the Impact sheet', () => {
  it('shows the phonics group’s progress from the engine: 5 measured, 6.4 months on average', async () => {
    const { workbook } = await buildGovernorsWorkbookWithFigures(viewOf(demoSchoolYear()), options());
    const ws = workbook.getWorksheet('Impact') as ExcelJS.Worksheet;
    const row = rowOf(ws, 'Catch-up phonics (Year 2)');
    expect(row.getCell(2).value).toBe('Reading age (months)');
    expect(row.getCell(3).value).toBe(5);
    // (70−62) + (66−60) + (74−65) + (69−63) + (61−58) = 32 months over 5 learners
    expect(row.getCell(5).value).toBeCloseTo(6.4, 10);
    // £322.20 ÷ 32 months = 1,006.875p → £10.07 per month of reading age
    expect(row.getCell(9).value).toBe(10.07);
    expect(ws.pageSetup.orientation).toBe('landscape');
  });

  it('in Welsh names the line and the measure in Welsh where the school gave Welsh, with the same figures', async () => {
    const { workbook } = await buildGovernorsWorkbookWithFigures(viewOf(demoSchoolYear()), options({ lang: 'cy' }));
    const ws = workbook.getWorksheet('Effaith') as ExcelJS.Worksheet;
    const row = rowOf(ws, 'Ffoneg dal i fyny (Blwyddyn 2)');
    expect(row.getCell(2).value).toBe('Oedran darllen (mis)');
    expect(row.getCell(3).value).toBe(5);
    expect(row.getCell(5).value).toBeCloseTo(6.4, 10);
  });

  it('in Welsh heads its first column with the word every other sheet uses for a line, “Ymyrraeth”', async () => {
    const { t } = createI18n('cy');
    const { workbook } = await buildGovernorsWorkbookWithFigures(viewOf(demoSchoolYear()), options({ lang: 'cy' }));
    const headings = rowOf(workbook.getWorksheet('Effaith') as ExcelJS.Worksheet, t('export.col.line'));
    expect(headings.getCell(2).value).toBe(t('export.impact.measure'));
  });

  it('in Welsh shows the English unit the school typed where it gave no Welsh unit', async () => {
    const year = demoSchoolYear();
    year.enrolments = year.enrolments.map((e) => ({ ...e, measureUnitCy: e.measureUnit === 'months' ? '' : e.measureUnitCy }));
    const { workbook } = await buildGovernorsWorkbookWithFigures(viewOf(year), options({ lang: 'cy' }));
    const ws = workbook.getWorksheet('Effaith') as ExcelJS.Worksheet;
    expect(rowOf(ws, 'Ffoneg dal i fyny (Blwyddyn 2)').getCell(2).value).toBe('Oedran darllen (months)');
    const boxall: unknown[] = [];
    ws.eachRow((row) => {
      const measure = row.getCell(2).value;
      if (typeof measure === 'string' && measure.startsWith('Proffil Boxall')) boxall.push(measure);
    });
    expect(boxall.length).toBeGreaterThan(0);
    expect(new Set(boxall)).toEqual(new Set(['Proffil Boxall (pwynt)']));
  });

  it('lists each measure separately and never averages them together', async () => {
    const year = demoSchoolYear();
    const line = year.lines.find((l) => l.name.startsWith('Catch-up phonics'));
    const first = year.enrolments.find((e) => e.lineId === line?.id);
    if (!first) throw new Error('demo enrolment missing');
    first.measureName = 'Phonics screening';
    first.measureUnit = 'marks';
    const { workbook } = await buildGovernorsWorkbookWithFigures(viewOf(year), options());
    const ws = workbook.getWorksheet('Impact') as ExcelJS.Worksheet;
    const measures: unknown[] = [];
    ws.eachRow((row) => {
      if (row.getCell(1).value === 'Catch-up phonics (Year 2)') measures.push(row.getCell(2).value);
    });
    expect(measures.sort()).toEqual(['Phonics screening (marks)', 'Reading age (months)']);
  });
});

describe('the Scenarios sheet', () => {
  it('appears only when there are scenarios, with the plan, each scenario and the difference from the engine', async () => {
    const plan = demoSchoolYear();
    expect((await buildGovernorsWorkbookWithFigures(viewOf(plan), options())).sheets).not.toContain('Scenarios');

    const grantEnds = demoSchoolYear();
    grantEnds.income = grantEnds.income.filter((i) => i.kind !== 'aln_grant');
    const costedPlan = costSchoolYear(plan);
    const costedGrantEnds = costSchoolYear(grantEnds);
    const comparison = compareScenarios({ id: null, name: 'Plan', year: plan, costed: costedPlan }, [{ id: 1, name: 'Grant ends', year: grantEnds, costed: costedGrantEnds }]);
    const { workbook, sheets } = await buildGovernorsWorkbookWithFigures(viewOf(plan), options({ scenarios: comparison }));
    expect(sheets.at(-1)).toBe('Scenarios');
    const ws = workbook.getWorksheet('Scenarios') as ExcelJS.Worksheet;
    expect(ws.getRow(3).values).toEqual([undefined, 'Figure', 'Baseline: Plan', 'Grant ends', 'Difference: Grant ends']);
    const income = rowOf(ws, 'Income');
    expect(income.getCell(2).value).toBe(costedPlan.budget.incomePence / 100);
    expect(income.getCell(3).value).toBe(costedGrantEnds.budget.incomePence / 100);
    expect(income.getCell(4).value).toBe(-12_400);
  });

  it('in Welsh names every tier, area and ALP row in Welsh, as the school named them in Welsh', async () => {
    const plan = demoSchoolYear();
    const grantEnds = demoSchoolYear();
    grantEnds.income = grantEnds.income.filter((i) => i.kind !== 'aln_grant');
    const comparison = compareScenarios({ id: null, name: 'Cynllun', year: plan, costed: costSchoolYear(plan) }, [
      { id: 1, name: 'Grant yn dod i ben', year: grantEnds, costed: costSchoolYear(grantEnds) },
    ]);
    const { workbook } = await buildGovernorsWorkbookWithFigures(viewOf(plan), options({ lang: 'cy', scenarios: comparison }));
    // As a reader opens it: written out and read back.
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(await workbook.xlsx.writeBuffer());
    const ws = reread.getWorksheet('Senarios') as ExcelJS.Worksheet;
    const labels: unknown[] = [];
    for (let r = rowOf(ws, 'Gwariant fesul haen (pob cost)').number; r < rowOf(ws, 'Darpariaeth mewn perygl').number; r++) labels.push(ws.getRow(r).getCell(1).value);
    expect(labels).toEqual([
      'Gwariant fesul haen (pob cost)',
      'Cyffredinol',
      'Wedi’i thargedu',
      'DDY',
      'Costau eraill (dim haen na maes)',
      'Gwariant: DDY neu nid DDY (pob cost)',
      'DDY',
      'Nid DDY',
      'Gwariant fesul maes angen (pob cost)',
      'Gwybyddiaeth a dysgu',
      'Cyfathrebu a rhyngweithio',
      'Datblygiad ymddygiadol, emosiynol a chymdeithasol',
      'Synhwyraidd a/neu gorfforol',
      'Costau eraill (dim haen na maes)',
    ]);
  });
});
