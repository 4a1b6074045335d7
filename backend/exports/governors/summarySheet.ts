/** The governors' workbook's Summary: the headline figures and totals, linked to the Provision map. */
import ExcelJS from 'exceljs';
import { ALN_STATUSES } from '../../../shared/domain';
import { CHART_COLOURS, drawBarChart } from '../budgetChart';
import { HOURS_FORMAT, HEADER_FILL, TOTAL_FILL, THIN_TOP, colour, ref, money, moneyFormula, titleRows, styleRow, printSetup, fitRowHeights } from '../sheetLayout';
import { authorityName } from '../../../shared/localAuthorities';
import { formatPounds } from '../../../shared/money';
import { breakdownLabel, dateText } from '../exportLabels';
import type { SheetContext } from './sheetContext';
import { L, M, type MapCells } from './provisionMapSheet';
export function writeSummary(workbook: ExcelJS.Workbook, ws: ExcelJS.Worksheet, ctx: SheetContext, mapCells: MapCells): void {
  const { t, data, costed, names, lang } = ctx;
  const { totals, budget, workload } = costed;
  titleRows(ws, `${t('export.title')}: ${data.school.name}`, t('export.generatedOn', { date: dateText(ctx.options.generatedOn, lang), week: costed.asAtWeek }));
  ws.getCell('A3').value = t('export.poundsNote');
  ws.getCell('A3').font = { italic: true, color: { argb: 'FF444444' } };
  let r = 5;
  const label = (text: string, bold = false): ExcelJS.Row => {
    const row = ws.getRow(r);
    row.getCell(1).value = text;
    if (bold) row.getCell(1).font = { bold: true };
    return row;
  };
  const heading = (text: string, columns: string[] = []): void => {
    r++;
    const row = ws.getRow(r);
    row.getCell(1).value = text;
    columns.forEach((c, i) => (row.getCell(i + 2).value = c));
    for (let c = 1; c <= Math.max(2, columns.length + 1); c++) {
      const cell = row.getCell(c);
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.alignment = { wrapText: true, horizontal: c === 1 ? 'left' : 'right' };
    }
    r++;
  };
  const mapCell = (col: number, row: number): string => ref(names.map, `${L(col)}${row}`);

  for (const [k, v] of [
    [t('export.school'), data.school.name],
    [t('export.officialNumber'), data.school.officialNumber || t('export.notEntered')],
    [t('export.localAuthority'), authorityName(data.school, lang) || t('export.notEntered')],
    [t('export.numberOnRoll'), data.school.numberOnRoll],
    [t('export.academicYear'), data.school.academicYear],
    [t('export.dateGenerated'), dateText(ctx.options.generatedOn, lang)],
  ] as const) {
    const cell = label(k).getCell(2);
    cell.value = v;
    if (typeof v === 'number') cell.numFmt = '#,##0'; // the roll, as 1,100
    r++;
  }

  // Budget against committed spend.
  heading(t('export.budgetHeading'), [t('export.col.amount')]);
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
  ws.getCell(`B${positionRow}`).font = { bold: true, color: { argb: budget.positionPence < 0 ? 'FFC00000' : 'FF000000' } };
  r++;
  label(t('export.allCosts'));
  moneyFormula(ws, ctx, `B${allCostsRow}`, mapCell(M.cost, mapCells.grandTotalRow), totals.costPence, 'all provision, whoever pays');
  r++;
  label(t('export.costToDate', { week: costed.asAtWeek }));
  money(ws.getCell(`B${r}`), totals.costToDatePence);
  r++;
  label(t('export.unallocated'));
  money(ws.getCell(`B${r}`), totals.unallocatedPence);
  r++;
  label(t('export.undelivered'));
  money(ws.getCell(`B${r}`), totals.undeliveredPence);
  r++;
  label(t('export.perLearnerWithAln'));
  if (totals.chargedPerLearnerWithAlnPence !== null) money(ws.getCell(`B${r}`), totals.chargedPerLearnerWithAlnPence);
  else ws.getCell(`B${r}`).value = t('common.dash');
  r++;
  label(t('export.universalPerPupil'));
  if (totals.wholeSchoolPerPupilPence !== null) money(ws.getCell(`B${r}`), totals.wholeSchoolPerPupilPence);
  else ws.getCell(`B${r}`).value = t('common.dash');
  r++;

  // Income lines (the budget income above is their sum).
  heading(t('export.incomeHeading'), [t('export.col.amount'), t('export.col.source')]);
  const incomeFirst = r;
  moneyFormula(ws, ctx, `B${incomeRow}`, data.income.length > 0 ? `SUM(B${incomeFirst}:B${incomeFirst + data.income.length - 1})` : '0', budget.incomePence, 'budget income');
  for (const line of data.income) {
    const row = label(`${line.name} (${t(`enums.incomeKind.${line.kind}`)})`);
    money(row.getCell(2), line.amountPence);
    row.getCell(3).value = [line.source, line.endsOn ? `→ ${dateText(line.endsOn, lang)}` : ''].filter(Boolean).join(' ');
    r++;
  }
  if (data.income.length === 0) {
    label(t('budget.noIncome')).getCell(1).font = { italic: true };
    r++;
  }

  // Spend by tier: the Provision map's subtotals.
  heading(t('export.byTierHeading'), [t('export.col.allCosts'), t('export.col.charged')]);
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

  heading(t('export.byAlpHeading'), [t('export.col.allCosts'), t('export.col.charged')]);
  const alpFirst = r;
  for (const b of totals.byAlp) {
    label(t(`enums.alp.${b.key}`));
    money(ws.getCell(`B${r}`), b.costPence);
    money(ws.getCell(`C${r}`), b.chargedPence);
    r++;
  }
  totalRow(ws, ctx, r, t('export.total'), alpFirst, r - 1, [['B', totals.linesCostPence, 'ALP or not: total']]);
  r++;

  heading(t('export.byAreaHeading'), [t('export.col.allCosts'), t('export.col.charged')]);
  const areaFirst = r;
  for (const b of totals.byArea) {
    label(breakdownLabel(b.key, data, 'area', t, ctx.lang));
    money(ws.getCell(`B${r}`), b.costPence);
    money(ws.getCell(`C${r}`), b.chargedPence);
    r++;
  }
  totalRow(ws, ctx, r, t('export.total'), areaFirst, r - 1, [
    ['B', totals.costPence, 'spend by area: total'],
    ['C', totals.chargedPence, 'spend by area: charged total'],
  ]);
  r++;
  label(t('export.byAreaNote')).getCell(1).font = { italic: true };
  r++;

  heading(t('export.byFundingHeading'), [t('export.col.allCosts'), t('export.col.charged')]);
  const fundFirst = r;
  for (const b of totals.byFundingSource) {
    label(t(`enums.fundingSource.${b.key}`));
    money(ws.getCell(`B${r}`), b.costPence);
    money(ws.getCell(`C${r}`), b.chargedPence);
    r++;
  }
  totalRow(ws, ctx, r, t('export.total'), fundFirst, r - 1, [
    ['B', totals.costPence, 'spend by funding source: total'],
    ['C', totals.chargedPence, 'spend by funding source: charged total'],
  ]);
  r++;

  heading(t('export.byFyHeading'), [t('export.col.income'), t('export.col.charged'), t('export.col.position')]);
  for (const fy of budget.financialYears) {
    label(t('export.fyLabel', { start: fy.year, end: fy.year + 1 }));
    money(ws.getCell(`B${r}`), fy.incomePence);
    money(ws.getCell(`C${r}`), fy.chargedPence);
    moneyFormula(ws, ctx, `D${r}`, `B${r}-C${r}`, fy.positionPence, `financial year ${fy.year}: position`);
    r++;
  }

  heading(t('export.learnersHeading'), [t('export.col.count')]);
  for (const status of ALN_STATUSES) {
    label(t(`enums.alnStatus.${status}`)).getCell(2).value = data.learners.filter((l) => l.alnStatus === status).length;
    r++;
  }
  label(t('export.learnersWithAln'), true).getCell(2).value = totals.learnersWithAln;
  ws.getCell(`B${r}`).font = { bold: true };
  r++;
  label(t('export.decisionsAwaited')).getCell(2).value = costed.decisions.length;
  r++;
  label(t('export.decisionsOverdue')).getCell(2).value = costed.decisions.filter((d) => d.state === 'overdue').length;
  r++;

  heading(t('export.workloadHeading'), [t('export.col.hours'), t('export.col.amount')]);
  const hoursCell = (minutes: number): void => {
    const cell = ws.getCell(`B${r}`);
    cell.value = minutes / 60;
    cell.numFmt = HOURS_FORMAT;
  };
  label(t('export.workloadNeeded'));
  hoursCell(workload.minutesNeeded);
  if (workload.neededCostPence !== null) money(ws.getCell(`C${r}`), workload.neededCostPence);
  r++;
  label(t('export.workloadRelease'));
  hoursCell(workload.releaseMinutes);
  if (workload.releaseCostPence !== null) money(ws.getCell(`C${r}`), workload.releaseCostPence);
  r++;
  label(t('export.workloadBalance'), true);
  hoursCell(workload.balanceMinutes);
  ws.getCell(`B${r}`).font = { bold: true, color: { argb: workload.balanceMinutes < 0 ? 'FFC00000' : 'FF000000' } };
  if (workload.neededCostPence === null) ws.getCell(`C${r}`).value = t('budget.workload.noCost');
  r++;

  // The chart, below the tables (beside them, the Summary would print too small to read): a heading, a
  // caption saying what the picture shows (exceljs cannot write a picture's alternative text), the
  // picture with its value axis, then each bar's figure, labelled in the bar's colour.
  const bars = [
    { pence: budget.incomePence, colour: CHART_COLOURS.income },
    { pence: budget.chargedPence, colour: CHART_COLOURS.charged },
    { pence: totals.costPence, colour: CHART_COLOURS.allCosts },
  ];
  r++;
  const chartHeading = ws.getCell(`A${r}`);
  chartHeading.value = t('export.chartHeading');
  chartHeading.font = { bold: true };
  chartHeading.fill = HEADER_FILL;
  r++;
  const caption = ws.getCell(`A${r}`);
  caption.value = t('export.chartNote', { top: formatPounds(Math.max(0, ...bars.map((b) => b.pence))) });
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

  printSetup(ws, ctx, 2);
  ws.getColumn(1).width = 50;
  ws.getColumn(2).width = 16;
  ws.getColumn(3).width = 16;
  ws.getColumn(4).width = 16;
  ws.pageSetup.orientation = 'portrait';
  ws.pageSetup.printArea = `A1:D${r}`;
  fitRowHeights(ws, 5);
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
