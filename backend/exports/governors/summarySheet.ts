/** The governors' workbook's Summary: the headline figures and totals, linked to the Provision map. */
import { checkMessageForExport } from './checksSheet';
import { checkKeys } from '../../../shared/i18n';
import type ExcelJS from 'exceljs';
import { ALN_STATUSES } from '../../../shared/domain';
import { CHART_COLOURS, drawBarChart } from '../budgetChart';
import {
  MONEY_FORMAT,
  SIGNED_MONEY_FORMAT,
  HOURS_FORMAT,
  duration,
  hoursText,
  HEADER_FILL,
  TOTAL_FILL,
  THIN_TOP,
  colour,
  ref,
  money,
  moneyFormula,
  titleRows,
  styleRow,
  printSetup,
  fitRowHeights,
} from '../sheetLayout';
import { authorityName } from '../../../shared/localAuthorities';
import { formatPounds } from '../../../shared/money';
import { breakdownLabel, dateText } from '../exportLabels';
import type { SheetContext } from './sheetContext';
import { L, M, chargedSumFormula, exactly, quoted, type MapCells } from './provisionMapSheet';
import { OTHER_COSTS_KEY, incomeCountsIn } from '../../../shared/engine';
import type { SchoolYear } from '../../../shared/domain';
import { weekFinancialYearIndexes } from '../../../shared/calendar';
import { markInput, markMapioValue, typedText } from './cellRoles';
import { staffingRows } from './staffingSheet';
import { keepTogether } from '../sheetPrint';

/**
 * The calendar's teaching weeks in the first financial year and in both (an empty calendar: all in the first), as
 * the engine weighs income; `years`: the school year's two financial years, as the engine costed them.
 */
function calendarWeeks(data: SchoolYear, years: readonly [number, number]): [number, number] {
  const weekFy = weekFinancialYearIndexes(data.calendar, years);
  const first = weekFy.filter((i) => i === 0).length;
  return weekFy.length === 0 ? [1, 1] : [first, weekFy.length];
}
export function writeSummary(workbook: ExcelJS.Workbook, ws: ExcelJS.Worksheet, ctx: SheetContext, mapCells: MapCells): void {
  const { t, data, costed, names, lang } = ctx;
  const { totals, budget, workload } = costed;
  titleRows(ws, `${t('export.title')}: ${data.school.name}`, t('export.generatedOn', { date: dateText(ctx.options.generatedOn, lang), week: costed.asAtWeek }));
  ws.getCell('A3').value = t('export.poundsNote');
  ws.getCell('A3').font = { italic: true, color: { argb: 'FF444444' } };
  // Which cells are inputs: wrapped across the figures' columns (A:D, left of the chart), not spilling past them.
  ws.mergeCells('A4:D4');
  const inputsNote = ws.getCell('A4');
  inputsNote.value = t('export.inputsNote');
  inputsNote.font = { italic: true, color: { argb: 'FF444444' } };
  inputsNote.alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(4).height = Math.ceil(inputsNote.text.length / 95) * 12.75 + 4;
  let r = 5;
  const label = (text: string, bold = false): ExcelJS.Row => {
    const row = ws.getRow(r);
    row.getCell(1).value = text;
    if (bold) row.getCell(1).font = { bold: true };
    return row;
  };
  /**
   * A table's shaded heading row, after a blank one; `textTo` is the last column of a table whose last
   * column is text spanning to it. Returns the heading's row, for keeping the table with it in print.
   */
  const heading = (text: string, columns: string[] = [], textTo?: number): number => {
    r++;
    const row = ws.getRow(r);
    row.getCell(1).value = text;
    columns.forEach((c, i) => (row.getCell(i + 2).value = c));
    const last = Math.max(2, columns.length + 1, textTo ?? 0);
    for (let c = 1; c <= last; c++) {
      const cell = row.getCell(c);
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.alignment = { wrapText: true, horizontal: c === 1 ? 'left' : 'right' };
    }
    if (textTo !== undefined && textTo > columns.length + 1) {
      ws.mergeCells(r, columns.length + 1, r, textTo);
      row.getCell(columns.length + 1).alignment = { wrapText: true, horizontal: 'left', indent: 1 };
    }
    r++;
    return r - 1;
  };
  /** The table headed at `headingRow` ends on the row before `r`: printed on one page with its heading. */
  const table = (headingRow: number): void => keepTogether(ws, headingRow, r - 1);
  // The headline a governor reads first: the ALN budget, the committed spend charged to it, the position in
  // each financial year (a shortfall in red with its minus sign) and the three open checks that come first,
  // in words. Its figures are formulas over the tables below, written once those are laid out.
  const headlineAt = heading(t('export.headline.heading'));
  const headline = { budget: r, charged: r + 1, firstFy: r + 2 };
  label(t('export.incomeTotal'), true);
  r++;
  label(t('export.charged'), true);
  r++;
  for (const fy of budget.financialYears) {
    label(t('export.headline.position', { year: t('export.fyLabel', { start: fy.year, end: fy.year + 1 }) }), true);
    r++;
  }
  label(t('export.headline.checks'), true);
  r++;
  // The budget comes first in what needs attention: no income entered, then each financial year over
  // budget, its amount a formula over that year's position below (written once that table is laid out),
  // so an edit that ends the overspend empties the row and one that changes it changes the amount.
  if (data.income.length === 0) {
    typedText(ws.getCell(`A${r}`), `• ${t('export.headline.noIncome')}`);
    ws.getCell(`A${r}`).alignment = { wrapText: true, vertical: 'top' };
    r++;
  }
  const overBudgetRows = new Map<number, number>();
  budget.financialYears.forEach((fy, i) => {
    if (fy.positionPence >= 0) return;
    overBudgetRows.set(i, r);
    r++;
  });
  const firstChecks = costed.checks.slice(0, 3);
  for (const check of firstChecks) {
    typedText(ws.getCell(`A${r}`), `• ${t(checkKeys(check.code).title)}: ${checkMessageForExport(check, ctx)}`);
    ws.getCell(`A${r}`).alignment = { wrapText: true, vertical: 'top' };
    r++;
  }
  if (firstChecks.length === 0) {
    ws.getCell(`A${r}`).value = t('export.checks.none');
    r++;
  }
  if (costed.checks.length > firstChecks.length) {
    ws.getCell(`A${r}`).value = t('export.headline.moreChecks', { count: costed.checks.length - firstChecks.length });
    ws.getCell(`A${r}`).font = { italic: true, color: { argb: 'FF444444' } };
    r++;
  }
  table(headlineAt);
  r++;

  const mapCell = (col: number, row: number): string => ref(names.map, `${L(col)}${row}`);
  // Whole columns of the Provision map's lines, other costs and subtotals, for SUMIFS and SUM.
  const onMap = (cells: string): string => ref(names.map, cells);
  const mapRange = (col: number): string => onMap(`${L(col)}${mapCells.firstRow}:${L(col)}${mapCells.lastRow}`);
  const sumIfs = (col: number, criteriaCol: number, text: string): string => `SUMIFS(${mapRange(col)},${mapRange(criteriaCol)},${exactly(text)})`;

  const identityAt = r;
  let rollRow = 0;
  for (const [k, v] of [
    [t('export.school'), data.school.name],
    [t('export.officialNumber'), data.school.officialNumber || t('export.notEntered')],
    [t('export.localAuthority'), authorityName(data.school, lang) || t('export.notEntered')],
    [t('export.numberOnRoll'), data.school.numberOnRoll],
    [t('export.academicYear'), data.school.academicYear],
    [t('export.dateGenerated'), dateText(ctx.options.generatedOn, lang)],
  ] as const) {
    const cell = label(k).getCell(2);
    if (typeof v === 'number') {
      // The roll, as 1,100: an input, which whole-school provision per pupil follows.
      cell.value = v;
      cell.numFmt = '#,##0';
      markInput(cell);
      rollRow = r;
    } else {
      // Across the printed columns (B–D) and wrapped there, however long: a school's or authority's name
      // with a place name of 58 letters and no space breaks inside it, in a row grown to show all of it.
      typedText(cell, v);
      ws.mergeCells(r, 2, r, 4);
      cell.alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
    }
    r++;
  }

  table(identityAt);

  // Budget against committed spend.
  const budgetAt = heading(t('export.budgetHeading'), [t('export.col.amount')]);
  const incomeRow = r;
  const chargedRow = r + 1;
  const positionRow = r + 2;
  const allCostsRow = r + 3;
  label(t('export.incomeTotal')); // its formula is written below, once the income list is laid out
  r++;
  label(t('export.charged'));
  moneyFormula(ws, ctx, `B${chargedRow}`, mapCell(M.charged, mapCells.grandTotalRow), budget.chargedPence, 'committed spend charged to the ALN budget');
  r++;
  label(t('export.position'), true);
  moneyFormula(ws, ctx, `B${positionRow}`, `B${incomeRow}-B${chargedRow}`, budget.positionPence, 'budget position');
  ws.getCell(`B${positionRow}`).font = { bold: true };
  ws.getCell(`B${positionRow}`).numFmt = SIGNED_MONEY_FORMAT;
  r++;
  label(t('export.allCosts'));
  moneyFormula(ws, ctx, `B${allCostsRow}`, mapCell(M.cost, mapCells.grandTotalRow), totals.costPence, 'all provision, whoever pays');
  r++;
  label(t('export.costToDate', { week: costed.asAtWeek }));
  money(ws.getCell(`B${r}`), totals.costToDatePence);
  markMapioValue(ws.getCell(`B${r}`));
  r++;
  label(t('export.unallocated'));
  money(ws.getCell(`B${r}`), totals.unallocatedPence);
  markMapioValue(ws.getCell(`B${r}`));
  r++;
  label(t('export.undelivered'));
  money(ws.getCell(`B${r}`), totals.undeliveredPence);
  markMapioValue(ws.getCell(`B${r}`));
  r++;
  label(t('export.perLearnerWithAln'));
  // Charged spend ÷ learners with ALN (their count is Mapio's, below), rounded to the penny as the engine does.
  const perLearnerRow = r;
  if (totals.chargedPerLearnerWithAlnPence === null) ws.getCell(`B${r}`).value = t('common.dash');
  r++;
  label(t('export.universalPerPupil'));
  // The whole-school tiers' subtotals on the map ÷ the roll above, rounded to the penny as the engine does.
  const wholeSchool = data.tiers.filter((tier) => tier.costing === 'whole_school' && mapCells.subtotalRow.has(tier.id)).map((tier) => mapCell(M.cost, mapCells.subtotalRow.get(tier.id) as number));
  const perPupil = `IF(B${rollRow}>0,ROUND(ROUND(${wholeSchool.length > 0 ? `(${wholeSchool.join('+')})` : '0'}*100,0)/B${rollRow},0)/100,"${t('common.dash')}")`;
  if (totals.wholeSchoolPerPupilPence !== null) moneyFormula(ws, ctx, `B${r}`, perPupil, totals.wholeSchoolPerPupilPence, 'whole-school provision per pupil on roll');
  else {
    ws.getCell(`B${r}`).value = { formula: perPupil, result: t('common.dash') };
    ws.getCell(`B${r}`).numFmt = MONEY_FORMAT;
  }
  r++;
  table(budgetAt);

  // Income lines (the budget income above is their sum). Where each came from is text, however long the school
  // wrote it: it spans the table's last two columns, under its shaded heading, and wraps there. A line for a
  // financial year this school year does not run across counts in neither year, so not in the income: it is
  // not listed (the Checks sheet names it), and the income is the sum of the two financial years' income.
  const sourceTo = 4;
  const incomeAt = heading(t('export.incomeHeading'), [t('export.col.amount'), t('export.col.source')], sourceTo);
  const incomeFirst = r;
  // The school year's two financial years, as the engine costed them.
  const fyYears = costed.totals.financialYears.years;
  const income = data.income.filter((line) => incomeCountsIn(line.financialYear, fyYears));
  moneyFormula(ws, ctx, `B${incomeRow}`, income.length > 0 ? `SUM(B${incomeFirst}:B${incomeFirst + income.length - 1})` : '0', budget.incomePence, 'budget income');
  const incomeRows: Array<{ row: number; financialYear: number | null }> = [];
  for (const line of income) {
    const row = ws.getRow(r);
    // The kind is said only when the school's name for the line does not already say it, and the end
    // date only when the source does not already give it: never "Delegated ALN funding (Delegated ALN funding)".
    const kind = t(`enums.incomeKind.${line.kind}`);
    typedText(row.getCell(1), line.name.toLowerCase().includes(kind.toLowerCase()) ? line.name : `${line.name} (${kind})`);
    money(row.getCell(2), line.amountPence);
    markInput(row.getCell(2));
    const ends = line.endsOn ? dateText(line.endsOn, lang) : '';
    typedText(row.getCell(3), [line.source, ends && !line.source.includes(ends) ? t('export.endsOn', { date: ends }) : ''].filter(Boolean).join('; '));
    // Set off from the amount beside it, which is right-aligned: "£25,000.00 yn dod i ben…", not "£25,000.00yn dod i ben…".
    ws.mergeCells(r, 3, r, sourceTo);
    row.getCell(3).alignment = { horizontal: 'left', indent: 1, wrapText: true, vertical: 'top' };
    row.getCell(1).alignment = { vertical: 'top' };
    row.getCell(2).alignment = { vertical: 'top' };
    incomeRows.push({ row: r, financialYear: line.financialYear });
    r++;
  }
  if (income.length === 0) {
    label(t('budget.noIncome')).getCell(1).font = { italic: true };
    r++;
  }
  table(incomeAt);

  // Spend by tier: the Provision map's subtotals.
  const tierAt = heading(t('export.byTierHeading'), [t('export.col.allCosts'), t('export.col.charged')]);
  const tierFirst = r;
  for (const b of totals.byTier) {
    const sub = mapCells.subtotalRow.get(b.key);
    label(breakdownLabel(b.key, data, 'tier', t, ctx.lang));
    if (sub !== undefined) {
      moneyFormula(ws, ctx, `B${r}`, mapCell(M.cost, sub), b.costPence);
      moneyFormula(ws, ctx, `C${r}`, mapCell(M.charged, sub), b.chargedPence);
    } else {
      money(ws.getCell(`B${r}`), b.costPence);
      money(ws.getCell(`C${r}`), b.chargedPence);
    }
    r++;
  }
  totalRow(ws, ctx, r, t('export.total'), tierFirst, r - 1, [
    ['B', totals.costPence, 'spend by tier: total'],
    ['C', totals.chargedPence, 'spend by tier: charged total'],
  ]);
  r++;
  table(tierAt);

  const alpAt = heading(t('export.byAlpHeading'), [t('export.col.allCosts'), t('export.col.charged')]);
  const alpFirst = r;
  for (const b of totals.byAlp) {
    const text = t(`enums.alp.${b.key}`);
    label(text);
    moneyFormula(ws, ctx, `B${r}`, sumIfs(M.cost, M.alp, text), b.costPence, `${b.key}: cost`);
    moneyFormula(ws, ctx, `C${r}`, sumIfs(M.charged, M.alp, text), b.chargedPence, `${b.key}: charged`);
    r++;
  }
  const linesCharged = totals.byAlp.reduce((s, b) => s + b.chargedPence, 0);
  totalRow(ws, ctx, r, t('export.total'), alpFirst, r - 1, [
    ['B', totals.linesCostPence, 'ALP or not: total'],
    ['C', linesCharged, 'ALP or not: charged total'],
  ]);
  r++;
  table(alpAt);

  const areaAt = heading(t('export.byAreaHeading'), [t('export.col.allCosts'), t('export.col.charged')]);
  const areaFirst = r;
  for (const b of totals.byArea) {
    label(breakdownLabel(b.key, data, 'area', t, ctx.lang));
    const col = mapCells.areaColumn.get(b.key);
    const other = mapCells.subtotalRow.get(OTHER_COSTS_KEY) as number;
    // An area's shares of the lines on the Provision map; other costs are the map's own subtotal.
    const [cost, charged] = col === undefined ? [mapCell(M.cost, other), mapCell(M.charged, other)] : [`SUM(${mapRange(col)})`, chargedSumFormula(onMap, col, mapCells.firstRow, mapCells.lastRow, t)];
    moneyFormula(ws, ctx, `B${r}`, cost, b.costPence, `area ${b.key}: cost`);
    moneyFormula(ws, ctx, `C${r}`, charged, b.chargedPence, `area ${b.key}: charged`);
    r++;
  }
  totalRow(ws, ctx, r, t('export.total'), areaFirst, r - 1, [
    ['B', totals.costPence, 'spend by area: total'],
    ['C', totals.chargedPence, 'spend by area: charged total'],
  ]);
  r++;
  label(t('export.byAreaNote')).getCell(1).font = { italic: true };
  r++;
  table(areaAt);

  const fundingAt = heading(t('export.byFundingHeading'), [t('export.col.allCosts'), t('export.col.charged')]);
  const fundFirst = r;
  for (const b of totals.byFundingSource) {
    const text = t(`enums.fundingSource.${b.key}`);
    label(text);
    moneyFormula(ws, ctx, `B${r}`, sumIfs(M.cost, M.fundingSource, text), b.costPence, `funding ${b.key}: cost`);
    moneyFormula(ws, ctx, `C${r}`, sumIfs(M.charged, M.fundingSource, text), b.chargedPence, `funding ${b.key}: charged`);
    r++;
  }
  totalRow(ws, ctx, r, t('export.total'), fundFirst, r - 1, [
    ['B', totals.costPence, 'spend by funding source: total'],
    ['C', totals.chargedPence, 'spend by funding source: charged total'],
  ]);
  r++;
  table(fundingAt);

  const fyAt = heading(t('export.byFyHeading'), [t('export.col.income'), t('export.col.charged'), t('export.col.position')]);
  // Income in each financial year: an income line naming the year counts in it; one for the academic year
  // as a whole is split by the calendar's teaching weeks in each (Mapio's count, written into the formula),
  // FY1 = round(amount × weeks in FY1 ÷ all weeks), FY2 = amount − FY1, as the engine's split for two parts.
  const [weeksFirst, weeksAll] = calendarWeeks(data, fyYears);
  const fyIncome = (i: 0 | 1, year: number): string => {
    const terms = incomeRows.flatMap(({ row, financialYear }) => {
      const pence = `ROUND(B${row}*100,0)`;
      if (financialYear === year) return [pence];
      if (financialYear !== null) return [];
      const first = `ROUND(${pence}*${weeksFirst}/${weeksAll},0)`;
      return [i === 0 ? first : `(${pence}-${first})`];
    });
    return terms.length > 0 ? `(${terms.join('+')})/100` : '0';
  };
  budget.financialYears.forEach((fy, i) => {
    label(t('export.fyLabel', { start: fy.year, end: fy.year + 1 }));
    moneyFormula(ws, ctx, `B${r}`, fyIncome(i as 0 | 1, fy.year), fy.incomePence, `financial year ${fy.year}: income`);
    moneyFormula(ws, ctx, `C${r}`, chargedSumFormula(onMap, i === 0 ? M.fy1 : M.fy2, mapCells.firstRow, mapCells.lastRow, t), fy.chargedPence, `financial year ${fy.year}: charged`);
    moneyFormula(ws, ctx, `D${r}`, `B${r}-C${r}`, fy.positionPence, `financial year ${fy.year}: position`);
    ws.getCell(`D${r}`).numFmt = SIGNED_MONEY_FORMAT;
    // The headline's position for this year is this row's.
    const top = `B${headline.firstFy + i}`;
    moneyFormula(ws, ctx, top, `D${r}`, fy.positionPence, `headline: financial year ${fy.year} position`);
    ws.getCell(top).numFmt = SIGNED_MONEY_FORMAT;
    ws.getCell(top).font = { bold: true };
    const overRow = overBudgetRows.get(i);
    if (overRow !== undefined) {
      const cell = ws.getCell(`A${overRow}`);
      cell.value = overBudgetFormula(t, t('export.fyLabel', { start: fy.year, end: fy.year + 1 }), `D${r}`, fy.positionPence);
      cell.alignment = { wrapText: true, vertical: 'top' };
    }
    r++;
  });
  table(fyAt);
  moneyFormula(ws, ctx, `B${headline.budget}`, `B${incomeRow}`, budget.incomePence, 'headline: ALN budget');
  moneyFormula(ws, ctx, `B${headline.charged}`, `B${chargedRow}`, budget.chargedPence, 'headline: committed spend charged to it');
  for (const row of [headline.budget, headline.charged]) ws.getCell(`B${row}`).font = { bold: true };

  const learnersAt = heading(t('export.learnersHeading'), [t('export.col.count')]);
  for (const status of ALN_STATUSES) {
    label(t(`enums.alnStatus.${status}`)).getCell(2).value = data.learners.filter((l) => l.alnStatus === status).length;
    markMapioValue(ws.getCell(`B${r}`));
    r++;
  }
  label(t('export.learnersWithAln'), true).getCell(2).value = totals.learnersWithAln;
  ws.getCell(`B${r}`).font = { bold: true };
  markMapioValue(ws.getCell(`B${r}`));
  if (totals.chargedPerLearnerWithAlnPence !== null) {
    moneyFormula(
      ws,
      ctx,
      `B${perLearnerRow}`,
      `IF(B${r}>0,ROUND(ROUND(B${chargedRow}*100,0)/B${r},0)/100,"${t('common.dash')}")`,
      totals.chargedPerLearnerWithAlnPence,
      'charged spend per learner with ALN',
    );
  }
  r++;
  label(t('export.decisionsAwaited')).getCell(2).value = costed.decisions.length;
  markMapioValue(ws.getCell(`B${r}`));
  r++;
  label(t('export.decisionsOverdue')).getCell(2).value = costed.decisions.filter((d) => d.state === 'overdue').length;
  markMapioValue(ws.getCell(`B${r}`));
  r++;

  table(learnersAt);

  const workloadAt = heading(t('export.workloadHeading'), [t('export.col.hours'), t('export.col.amount')]);
  // Release time is the map's staff-time rows of kind ALNCo release (minutes a week × weeks); the hours
  // needed come from the workload Mapio holds; both are costed at the ALNCo's rate on the Staffing sheet.
  const releaseTerms = data.otherCosts
    .filter((o) => o.kind === 'alnco_release')
    .map((o) => {
      const row = mapCells.staffTimeRow.get(o.id);
      return row === undefined ? String(o.minutesPerWeek * o.weeks) : `${mapCell(M.contact, row)}*${mapCell(M.weeks, row)}`;
    });
  const releaseMinutes = releaseTerms.length > 0 ? `(${releaseTerms.join('+')})` : '0';
  const alncoRow = workload.neededCostPence === null || data.workload.alncoStaffId === null ? undefined : staffingRows(data).get(data.workload.alncoStaffId);
  const alncoCost = (minutes: string): string => `ROUND(ROUND(${ref(names.staffing, `C${alncoRow as number}`)}*100,0)*${minutes}/60,0)/100`;
  const hoursFormula = (formula: string, minutes: number): void => {
    const cell = ws.getCell(`B${r}`);
    cell.value = { formula, result: duration(minutes) };
    cell.numFmt = HOURS_FORMAT;
  };
  const neededRow = r;
  label(t('export.workloadNeeded'));
  ws.getCell(`B${r}`).value = duration(workload.minutesNeeded);
  ws.getCell(`B${r}`).numFmt = HOURS_FORMAT;
  markMapioValue(ws.getCell(`B${r}`));
  if (alncoRow !== undefined) moneyFormula(ws, ctx, `C${r}`, alncoCost(String(workload.minutesNeeded)), workload.neededCostPence as number, 'ALNCo workload: cost of the hours needed');
  r++;
  const releaseRow = r;
  label(t('export.workloadRelease'));
  hoursFormula(`${releaseMinutes}/1440`, workload.releaseMinutes);
  if (alncoRow !== undefined) moneyFormula(ws, ctx, `C${r}`, alncoCost(releaseMinutes), workload.releaseCostPence as number, 'ALNCo workload: cost of release time');
  r++;
  label(t('export.workloadBalance'), true);
  // A shortfall is a negative duration, which no spreadsheet shows: the balance is written as text by a
  // formula, with its minus sign, still following the release time and the hours needed above.
  const balance = ws.getCell(`B${r}`);
  balance.value = { formula: `IF(B${releaseRow}<B${neededRow},"-","")&TEXT(ABS(B${releaseRow}-B${neededRow}),"[h]:mm")`, result: hoursText(workload.balanceMinutes) };
  balance.alignment = { horizontal: 'right' };
  balance.font = { bold: true, color: { argb: workload.balanceMinutes < 0 ? 'FFC00000' : 'FF000000' } };
  if (workload.neededCostPence === null) ws.getCell(`C${r}`).value = t('budget.workload.noCost');
  r++;
  table(workloadAt);

  // The chart, below the tables (beside them, the Summary would print too small to read), whole on a page: a heading, a
  // caption saying what the picture shows (exceljs cannot write a picture's alternative text), the
  // picture with its value axis, then each bar's figure, labelled in the bar's colour.
  const bars = [
    { pence: budget.incomePence, colour: CHART_COLOURS.income },
    { pence: budget.chargedPence, colour: CHART_COLOURS.charged },
    { pence: totals.costPence, colour: CHART_COLOURS.allCosts },
  ];
  r++;
  // The chart prints whole, with its heading and key, on one page (keepTogether): a page break through the
  // picture printed half of it on each page. Its rows are as tall as the picture.
  const chartAt = r;
  const chartHeading = ws.getCell(`A${r}`);
  chartHeading.value = t('export.chartHeading');
  chartHeading.font = { bold: true };
  chartHeading.fill = HEADER_FILL;
  r++;
  const caption = ws.getCell(`A${r}`);
  const top = Math.max(0, ...bars.map((b) => b.pence));
  caption.value = top > 0 ? t('export.chartNote', { top: formatPounds(top) }) : t('export.chartNoteEmpty');
  caption.font = { italic: true, color: { argb: 'FF444444' } };
  r++;
  const chart = { width: 480, height: 240 };
  const png = drawBarChart(bars, { ...chart, axis: true });
  const imageId = workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(imageId, { tl: { col: 0, row: r - 1 }, ext: chart, editAs: 'oneCell' });
  r += Math.ceil(chart.height / 20) + 1; // rows of the default 15 pt (20 px)
  const key: Array<[string, number, string, number]> = [
    [t('export.incomeTotal'), CHART_COLOURS.income, `B${incomeRow}`, budget.incomePence],
    [t('export.charged'), CHART_COLOURS.charged, `B${chargedRow}`, budget.chargedPence],
    [t('export.allCosts'), CHART_COLOURS.allCosts, `B${allCostsRow}`, totals.costPence],
  ];
  for (const [text, rgb, source, pence] of key) {
    const swatch = ws.getCell(`A${r}`);
    swatch.value = text;
    swatch.font = { color: { argb: 'FFFFFFFF' }, bold: true };
    swatch.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colour(rgb) } };
    moneyFormula(ws, ctx, `B${r}`, source, pence, `chart key: ${text}`);
    r++;
  }
  table(chartAt);

  printSetup(ws, ctx, 2);
  ws.getColumn(1).width = 50;
  ws.getColumn(2).width = 16;
  ws.getColumn(3).width = 16;
  ws.getColumn(4).width = 16;
  ws.pageSetup.orientation = 'portrait';
  ws.pageSetup.printArea = `A1:D${r}`;
  fitRowHeights(ws, 5);
}

/** What the headline says of a financial year over budget, by how much (as formatPounds writes it: "£646.25"). */
export function overBudgetText(t: SheetContext['t'], year: string, amount: string): string {
  return `• ${t('export.headline.overBudget', { year, amount })}`;
}

/**
 * The headline's row for a financial year over budget: its words, with the amount over written by a formula
 * from the year's position (`position`, a cell of pounds), "£" and two decimals as formatPounds writes them;
 * empty once the position is no longer below zero (to the penny). Its cached result is the engine's.
 */
function overBudgetFormula(t: SheetContext['t'], year: string, position: string, positionPence: number): ExcelJS.CellFormulaValue {
  const marker = '\u0000';
  const [before, after] = overBudgetText(t, year, marker).split(marker) as [string, string];
  return {
    formula: `IF(ROUND(${position},2)<0,${quoted(before)}&"£"&FIXED(-${position},2)&${quoted(after)},"")`,
    result: overBudgetText(t, year, formatPounds(-positionPence)),
  };
}

function totalRow(ws: ExcelJS.Worksheet, ctx: SheetContext, r: number, text: string, first: number, last: number, cols: Array<[string, number, string]>): void {
  const row = ws.getRow(r);
  row.getCell(1).value = text;
  for (const [col, pence, what] of cols) {
    if (last >= first) moneyFormula(ws, ctx, `${col}${r}`, `SUM(${col}${first}:${col}${last})`, pence, what);
    else money(ws.getCell(`${col}${r}`), 0);
  }
  styleRow(row, 1 + cols.length, { bold: true, fill: TOTAL_FILL, border: THIN_TOP });
}

// ── Staffing ─────────────────────────────────────────────────────────────────────────────────────
