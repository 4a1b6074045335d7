/**
 * An income line names one of the two financial years its school year runs across, or none
 * (docs/costing-rules.md, "Budget position"): another year is refused at the door beside the field,
 * naming the years it may be, in English and Welsh, and nothing is saved. A file that holds such a line
 * all the same counts it nowhere, names it in a check, and says the same in the governors' workbook and
 * the authority return.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type YearView } from '../../shared/api/contract';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { createI18n } from '../../shared/i18n';
import { issueWords } from '../../shared/i18n/apiErrors';
import { checkMessageText, checkSubjectName } from '../../shared/i18n/checkWords';
import type { IncomeLine } from '../../shared/domain';
import type { TypedBackend } from '../backend';
import { readReturnWorkbook } from '../returns/readReturn';
import { createTestBackend, type TestBackend } from '../../test/support/testBackend';

let school: TestBackend;
let backend: TypedBackend;
beforeEach(() => {
  // The demo school's year is 2026-27: its teaching weeks run from September 2026 to July 2027.
  school = createTestBackend({ mode: 'browser', today: '2026-11-24' });
  backend = school.backend;
});
afterEach(() => school.close());

const welsh = createI18n('cy').t;
const english = createI18n('en').t;

const grant: Omit<IncomeLine, 'id'> = {
  kind: 'aln_grant',
  name: 'Old grant',
  nameCy: '',
  amountPence: 100_000,
  financialYear: 2019,
  endsOn: '2035-03-31',
  source: '',
  sourceCy: '',
};

const yearNow = () => backend.invoke('year.get', {}).data;

async function refusal(name: string, input: unknown): Promise<{ path: string; message: string; welsh: string; unchanged: boolean }> {
  const before = JSON.stringify(yearNow());
  const error = await backend.call(name, input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `${name} was accepted`).toBeInstanceOf(ApiError);
  const issue = (error as ApiError).issues?.[0];
  expect(issue).toBeDefined();
  return {
    path: issue?.path ?? '',
    message: issue ? issueWords(issue, english, 'en') : '',
    welsh: issue ? issueWords(issue, welsh, 'cy') : '',
    unchanged: JSON.stringify(yearNow()) === before,
  };
}

const REFUSED = {
  path: 'financialYear',
  message: 'must be 2026-27 or 2027-28, the financial years this school year runs across, or left empty for the whole school year',
  welsh: 'rhaid iddi fod yn 2026-27 neu’n 2027-28, y blynyddoedd ariannol y mae’r flwyddyn ysgol hon yn rhedeg ar eu traws, neu’n wag ar gyfer y flwyddyn ysgol gyfan',
  unchanged: true,
};

describe('an income line’s financial year at the door', () => {
  it('a new line for 2019-20 is refused, naming 2026-27 and 2027-28, and nothing is saved', async () => {
    expect(await refusal('income.create', grant)).toEqual(REFUSED);
    expect(await refusal('income.create', { ...grant, financialYear: 2028 })).toEqual(REFUSED);
    expect(await refusal('income.create', { ...grant, financialYear: 2025 })).toEqual(REFUSED);
  });

  it('changing a line to 2019-20 is refused the same way; the line keeps its year', async () => {
    const line = yearNow().income.find((i) => i.financialYear === 2026)!;
    expect(await refusal('income.update', { id: line.id, changes: { financialYear: 2019 } })).toEqual(REFUSED);
    expect(yearNow().income.find((i) => i.id === line.id)?.financialYear).toBe(2026);
  });

  it('2026-27, 2027-28 and the whole school year are accepted', async () => {
    for (const financialYear of [2026, 2027, null]) {
      await backend.call('income.create', { ...grant, name: `Grant ${String(financialYear)}`, financialYear });
      expect(yearNow().income.find((i) => i.name === `Grant ${String(financialYear)}`)?.financialYear).toBe(financialYear);
    }
    const line = yearNow().income.find((i) => i.financialYear === 2026)!;
    await backend.call('income.update', { id: line.id, changes: { financialYear: 2027 } });
    expect(yearNow().income.find((i) => i.id === line.id)?.financialYear).toBe(2027);
  });
});

describe('a file that already holds income for another financial year', () => {
  let old: TestBackend;
  const oldGrantId = 99;
  beforeEach(() => {
    const year = demoSchoolYear();
    year.income = [...year.income, { ...grant, id: oldGrantId }];
    old = createTestBackend({ mode: 'cli', today: '2026-11-24', school: { name: 'old.mapio', year } });
    old.backend.invoke('file.open', { path: old.schoolPath });
  });
  afterEach(() => old.close());

  /** The demo school's income, every line of which names 2026-27 or none: £80,400.00. */
  const COUNTED = 6_200_000 + 1_240_000 + 600_000;

  const checkWords = (view: YearView, lang: 'en' | 'cy'): string[] => {
    const { t } = createI18n(lang);
    const names = {
      learners: new Map(view.data.learners.map((l) => [l.id, l])),
      lines: new Map(view.data.lines.map((l) => [l.id, l])),
      staff: new Map(view.data.staff.map((s) => [s.id, s])),
      enrolments: new Map(view.data.enrolments.map((e) => [e.id, e])),
      income: new Map(view.data.income.map((i) => [i.id, i])),
    };
    return view.costed.checks
      .filter((c) => c.code === 'income_outside_year')
      .map((c) => checkMessageText(c, checkSubjectName(c.subject, names, t, lang), { t, date: (iso) => iso, lineName: () => '' }));
  };

  it('counts it in neither financial year nor in the year, and a check names it in English and Welsh', () => {
    const view = old.backend.invoke('year.get', {});
    const { budget } = view.costed;
    expect(budget.incomePence).toBe(COUNTED);
    expect(budget.financialYears.map((f) => f.year)).toEqual([2026, 2027]);
    expect(budget.financialYears[0]!.incomePence + budget.financialYears[1]!.incomePence).toBe(budget.incomePence);
    expect(budget.positionPence).toBe(budget.incomePence - budget.chargedPence);
    expect(checkWords(view, 'en')).toEqual([
      'The income line “Old grant” (£1,000.00) is for the financial year 2019-20, but this school year runs across 2026-27 and 2027-28: it is not counted in the income. Change its financial year to 2026-27 or 2027-28, or leave it empty for the whole school year.',
    ]);
    expect(checkWords(view, 'cy')).toEqual([
      'Mae’r llinell incwm “Old grant” (£1,000.00) ar gyfer blwyddyn ariannol 2019-20, ond mae’r flwyddyn ysgol hon yn rhedeg ar draws 2026-27 a 2027-28: nid yw’n cael ei chyfrif yn yr incwm. Newidiwch ei blwyddyn ariannol i 2026-27 neu 2027-28, neu gadewch hi’n wag ar gyfer y flwyddyn ysgol gyfan.',
    ]);
  });

  it('can still be renamed as it is; given a year this school year runs across, it counts and the check goes', async () => {
    await old.backend.call('income.update', { id: oldGrantId, changes: { name: 'Old grant, to check' } });
    expect(old.backend.invoke('year.get', {}).costed.checks.filter((c) => c.code === 'income_outside_year')).toHaveLength(1);
    await old.backend.call('income.update', { id: oldGrantId, changes: { financialYear: 2027 } });
    const view = old.backend.invoke('year.get', {});
    expect(view.costed.checks.filter((c) => c.code === 'income_outside_year')).toEqual([]);
    expect(view.costed.budget.incomePence).toBe(COUNTED + 100_000);
  });

  it('is neither listed nor summed in the governors’ workbook, whose budget income is the two years’ income', async () => {
    const out = path.join(old.dir, 'governors.xlsx');
    await old.backend.invoke('export.governorsWorkbook', { path: out });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const summary = wb.getWorksheet('Summary')!;
    const rows: Array<{ label: string; value: unknown }> = [];
    summary.eachRow((row) => rows.push({ label: String(row.getCell(1).value ?? ''), value: row.getCell(2).value }));
    expect(rows.some((r) => r.label.startsWith('Old grant'))).toBe(false);
    const income = rows.find((r) => r.label === 'Budget income' && typeof r.value === 'object' && r.value !== null && 'formula' in r.value);
    expect((income?.value as ExcelJS.CellFormulaValue).result).toBe(COUNTED / 100);
    const checks: string[] = [];
    wb.getWorksheet('Checks')!.eachRow((row) => checks.push(String(row.getCell(3).value ?? '')));
    expect(checks.some((c) => c.startsWith('The income line “Old grant” (£1,000.00) is for the financial year 2019-20'))).toBe(true);
  });

  it('is not sent in the authority return, whose income lines add up to the income it sends', async () => {
    const out = path.join(old.dir, 'return.xlsx');
    await old.backend.invoke('return.create', { path: out, lang: 'en', notLearners: false });
    const { ret } = await readReturnWorkbook(fs.readFileSync(out));
    expect(ret.income.map((i) => i.name)).not.toContain('Old grant');
    expect(ret.budget.incomePence).toBe(COUNTED);
    expect(ret.income.reduce((a, i) => a + i.amountPence, 0)).toBe(ret.budget.incomePence);
    expect(ret.budget.financialYears.reduce((a, f) => a + f.incomePence, 0)).toBe(ret.budget.incomePence);
  });

  it('rolled forward, each line’s financial year moves on with the school year, and the old line is still named', () => {
    const next = path.join(old.dir, 'next.mapio');
    const { view } = old.backend.invoke('file.rollForward', { path: next });
    expect(view.data.school.academicYear).toBe('2027-28');
    expect(view.data.income.find((i) => i.name === 'Old grant')?.financialYear).toBe(2020);
    const { budget } = view.costed;
    expect(budget.financialYears.map((f) => f.year)).toEqual([2027, 2028]);
    expect(budget.financialYears[0]!.incomePence + budget.financialYears[1]!.incomePence).toBe(budget.incomePence);
    expect(view.costed.checks.filter((c) => c.code === 'income_outside_year').map((c) => c.params.financialYear)).toEqual([2020]);
  });
});
