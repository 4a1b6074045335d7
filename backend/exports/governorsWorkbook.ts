/**
 * The costed provision map as an Excel workbook for governors (issue 5): Summary, Provision map,
 * Staffing, Learners (optional; anonymised unless names are asked for), Checks, Impact (issue 8) and,
 * when the school has scenarios, Scenarios (issue 11).
 *
 * Every figure comes from the engine's CostedMap. Money is written as pounds (pence / 100) with a £
 * format; totals are live formulas over the cells above them, and each line's cost is a formula from its
 * inputs that computes exactly the engine's figure:
 *
 *     staff cost (£) = ROUND(ROUND(G*100,0) * L * (H+I) * ROUND(J*100,0) * K / 6000, 0) / 100
 *
 * i.e. team hourly pence × groups × (contact + planning minutes) × sessions in hundredths × weeks ÷ 6000,
 * rounded once to the penny, as shared/engine/lineCost.ts does. Every factor is an integer, so the product
 * is exact in a double (far below 2^53) and so is the one division when its true value is a half penny:
 * ROUND(…, 0) then rounds half away from zero in Excel and LibreOffice alike, like the engine. Pounds typed
 * in cells are turned back to whole pence with ROUND(x*100, 0) before they are multiplied, so no binary
 * fraction ever reaches a rounding step. No line needs a pasted value instead of a formula.
 *
 * Each formula also carries the engine's figure as its cached result, so a reader that does not
 * recalculate still shows the right numbers; the workbook asks Excel to recalculate fully on load.
 */
import ExcelJS from 'exceljs';
import type { YearView } from '../../shared/api/contract';
import type { IsoDate, SchoolYear } from '../../shared/domain';
import { hasIdp, ALN_STATUSES } from '../../shared/domain';
import type { Check, CostedMap } from '../../shared/engine';
import { OTHER_COSTS_KEY } from '../../shared/engine';
import { checkKeys, createI18n, type Lang, type TFunction } from '../../shared/i18n';
import { formatPounds } from '../../shared/money';
import { CHART_COLOURS, drawBarChart } from './budgetChart';
import { writeImpactSheet } from './impactSheet';
import { writeScenariosSheet } from './scenariosSheet';
import type { ScenarioComparison } from '../../shared/engine';
import {
  HOURS_FORMAT,
  HEADER_FILL,
  GROUP_FILL,
  TOTAL_FILL,
  THIN_TOP,
  colour,
  ref,
  money,
  moneyFormula,
  headerRow,
  titleRows,
  styleRow,
  printSetup,
  fitRowHeights,
  fitColumns,
  type CheckedFigure,
  type SheetFrame,
} from './sheetLayout';
import { authorityName } from '../../shared/localAuthorities';
import { areaLabel, breakdownLabel, dateText, hoursText, sortedTiers } from './exportLabels';

export type LearnersOption = 'none' | 'anonymised' | 'named';

export interface GovernorsWorkbookOptions {
  learners: LearnersOption;
  lang: Lang;
  generatedOn: IsoDate;
  /** The school's scenarios compared with the plan, when it has any: adds a Scenarios sheet. */
  scenarios?: ScenarioComparison | null;
}


export interface GovernorsWorkbook {
  workbook: ExcelJS.Workbook;
  /** Sheet names in order, in the export's language. */
  sheets: string[];
  /** Every total, subtotal and line cost written as a formula, with the engine's figure for it. */
  figures: CheckedFigure[];
}


/** Build the workbook, with the list of formula cells and the engine figures they must compute to. */
export function buildGovernorsWorkbookWithFigures(view: YearView, options: GovernorsWorkbookOptions): GovernorsWorkbook {
  const t = createI18n(options.lang).t;
  const { data, costed } = view;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mapio';
  workbook.title = `${t('export.title')}: ${data.school.name}`;
  workbook.created = new Date(`${options.generatedOn}T00:00:00Z`);
  workbook.modified = workbook.created;
  workbook.calcProperties.fullCalcOnLoad = true;

  const names = {
    summary: t('export.sheet.summary'),
    map: t('export.sheet.map'),
    staffing: t('export.sheet.staffing'),
    learners: t('export.sheet.learners'),
    checks: t('export.sheet.checks'),
  };
  const figures: CheckedFigure[] = [];
  const ctx: SheetContext = { t, lang: options.lang, data, costed, figures, names, options };

  // The Summary refers to the Provision map's totals, so the map is laid out first (sheet order is by id).
  const summary = workbook.addWorksheet(names.summary);
  const map = workbook.addWorksheet(names.map);
  const mapCells = writeProvisionMap(map, ctx);
  writeSummary(workbook, summary, ctx, mapCells);
  writeStaffing(workbook.addWorksheet(names.staffing), ctx);
  if (options.learners !== 'none') writeLearners(workbook.addWorksheet(names.learners), ctx);
  writeChecks(workbook.addWorksheet(names.checks), ctx);
  writeImpactSheet(workbook.addWorksheet(t('export.sheet.impact')), ctx);
  if (options.scenarios && options.scenarios.scenarios.length > 0) {
    writeScenariosSheet(workbook.addWorksheet(t('export.sheet.scenarios')), ctx, options.scenarios, options.learners === 'named');
  }

  return { workbook, sheets: workbook.worksheets.map((w) => w.name), figures };
}

/** The governors' workbook for the open year (see buildGovernorsWorkbookWithFigures). */
export function buildGovernorsWorkbook(view: YearView, options: GovernorsWorkbookOptions): ExcelJS.Workbook {
  return buildGovernorsWorkbookWithFigures(view, options).workbook;
}

export type { CheckedFigure } from './sheetLayout';

interface SheetContext extends SheetFrame {
  t: TFunction;
  lang: Lang;
  data: SchoolYear;
  costed: CostedMap;
  figures: CheckedFigure[];
  names: { summary: string; map: string; staffing: string; learners: string; checks: string };
  options: GovernorsWorkbookOptions;
}

// ── Provision map ────────────────────────────────────────────────────────────────────────────────

/** Columns of the Provision map (1-based) and their letters. */
const M = {
  line: 1, funding: 2, staff: 3, teamHourly: 4, contact: 5, planning: 6, sessions: 7, weeks: 8, groups: 9,
  staffCost: 10, nonStaff: 11, cost: 12, charged: 13, learners: 14, places: 15, perLearner: 16, perPlace: 17,
} as const;
const MAP_COLUMNS = 17;
const L = (col: number): string => String.fromCharCode(64 + col);

interface MapCells {
  /** Row of each tier's subtotal, by tier key (including 'other_costs'). */
  subtotalRow: Map<string, number>;
  grandTotalRow: number;
}

function writeProvisionMap(ws: ExcelJS.Worksheet, ctx: SheetContext): MapCells {
  const { t, data, costed } = ctx;
  titleRows(ws, t('export.map.title', { school: data.school.name, year: data.school.academicYear }), t('export.map.note'));
  headerRow(ws, 3, [
    t('export.col.lineDetail'), t('export.col.funding'), t('export.col.staff'), t('export.col.teamHourly'), t('export.col.contactMinutes'), t('export.col.planningMinutes'),
    t('export.col.sessions'), t('export.col.weeks'), t('export.col.groups'), t('export.col.staffCost'),
    t('export.col.nonStaffCost'), t('export.col.cost'), t('export.col.charged'), t('export.col.learners'),
    t('export.col.places'), t('export.col.costPerLearner'), t('export.col.costPerPlace'),
  ]);

  const staffById = new Map(data.staff.map((s) => [s.id, s]));
  const areaById = new Map(data.areas.map((a) => [a.id, a]));
  const costedById = new Map(costed.lines.map((c) => [c.lineId, c]));
  const tierBreakdown = new Map(costed.totals.byTier.map((b) => [b.key, b]));
  const subtotalRow = new Map<string, number>();
  let r = 4;

  const writeCostCells = (row: number, staffPence: number, nonStaffPence: number, costPence: number, charged: boolean, name: string, withStaffFormula: boolean): void => {
    if (withStaffFormula) {
      const [G, H, I, J, K, Lc] = [M.teamHourly, M.contact, M.planning, M.sessions, M.weeks, M.groups].map((c) => `${L(c)}${row}`);
      moneyFormula(ws, ctx, `${L(M.staffCost)}${row}`, `ROUND(ROUND(${G}*100,0)*${Lc}*(${H}+${I})*ROUND(${J}*100,0)*${K}/6000,0)/100`, staffPence, `staff cost of “${name}”`);
    }
    money(ws.getCell(`${L(M.nonStaff)}${row}`), nonStaffPence);
    moneyFormula(ws, ctx, `${L(M.cost)}${row}`, `ROUND(${L(M.staffCost)}${row}+${L(M.nonStaff)}${row},2)`, costPence, `cost of “${name}”`);
    if (charged) moneyFormula(ws, ctx, `${L(M.charged)}${row}`, `${L(M.cost)}${row}`, costPence);
    else money(ws.getCell(`${L(M.charged)}${row}`), 0);
  };

  const groupHeading = (label: string, tierText: string): void => {
    void tierText;
    const row = ws.getRow(r);
    row.getCell(M.line).value = label;
    styleRow(row, MAP_COLUMNS, { bold: true, fill: GROUP_FILL });
    r++;
  };

  const subtotal = (key: string, label: string, tierText: string, first: number, last: number): void => {
    void tierText;
    const row = ws.getRow(r);
    row.getCell(M.line).value = label;
    const b = tierBreakdown.get(key) ?? { key, costPence: 0, chargedPence: 0 };
    for (const [col, pence, what] of [
      [M.cost, b.costPence, `${label}: cost`],
      [M.charged, b.chargedPence, `${label}: charged to the ALN budget`],
    ] as const) {
      const address = `${L(col)}${r}`;
      if (last >= first) moneyFormula(ws, ctx, address, `SUM(${L(col)}${first}:${L(col)}${last})`, pence, what);
      else money(ws.getCell(address), 0);
    }
    styleRow(row, MAP_COLUMNS, { bold: true, fill: TOTAL_FILL, border: THIN_TOP });
    subtotalRow.set(key, r);
    r += 2;
  };

  // Tiers in their order, then any tier a line uses that is not configured (the engine lists those too).
  const tierKeys = costed.totals.byTier.map((b) => b.key).filter((k) => k !== OTHER_COSTS_KEY);
  const tiers = sortedTiers(data);
  for (const key of tierKeys) {
    const tier = tiers.find((x) => x.id === key);
    const tierName = breakdownLabel(key, data, 'tier', t, ctx.lang);
    const alpText = tier?.isAlp ? t('enums.alp.alp') : t('enums.alp.not_alp');
    groupHeading(t('export.map.tierHeading', { tier: tierName, alp: alpText }), tierName);
    const first = r;
    const lines = data.lines.filter((l) => l.tierId === key);
    if (lines.length === 0) {
      ws.getRow(r).getCell(M.line).value = t('export.map.noLines');
      ws.getRow(r).getCell(M.line).font = { italic: true };
      r++;
    }
    for (const line of lines) {
      const c = costedById.get(line.id);
      if (!c) continue;
      const row = ws.getRow(r);
      // The line's name, then its areas of need and delivery language on a second line of the same cell.
      const areasText = line.areaIds.map((id) => { const a = areaById.get(id); return a ? areaLabel(a, ctx.lang) : id; }).join('; ');
      row.getCell(M.line).value = `${line.name}\n${[areasText, t(`enums.deliveryLanguage.${line.deliveryLanguage}`)].filter(Boolean).join(' · ')}`;
      row.getCell(M.funding).value = t(`enums.fundingSource.${line.fundingSource}`) + (line.fundingNote ? ` (${line.fundingNote})` : '');
      row.getCell(M.staff).value = line.staff.length === 0 ? t('map.noStaff') : line.staff.map((a) => `${staffById.get(a.staffId)?.name ?? t('common.unknownName')} × ${a.count}`).join('; ');
      // The staff team's cost an hour: Σ hourly × count (an unknown staff id costs nothing, as in the engine).
      const teamHourly = line.staff.reduce((sum, a) => sum + (staffById.get(a.staffId)?.hourlyCostPence ?? 0) * a.count, 0);
      money(row.getCell(M.teamHourly), teamHourly);
      row.getCell(M.contact).value = line.minutesPerSession;
      row.getCell(M.planning).value = line.planningMinutesPerSession;
      row.getCell(M.sessions).value = line.sessionsPerWeekHundredths / 100;
      row.getCell(M.weeks).value = line.weeks;
      row.getCell(M.groups).value = line.groups;
      writeCostCells(r, c.staffCostPence, c.nonStaffCostPence, c.costPence, c.chargedToAlnBudget, line.name, true);
      row.getCell(M.learners).value = c.enrolledLearners;
      row.getCell(M.places).value = c.places;
      const Q = `${L(M.learners)}${r}`;
      const R = `${L(M.places)}${r}`;
      const O = `${L(M.cost)}${r}`;
      if (c.costPerLearnerPence !== null) moneyFormula(ws, ctx, `${L(M.perLearner)}${r}`, `IF(${Q}>0,ROUND(ROUND(${O}*100,0)/${Q},0)/100,"")`, c.costPerLearnerPence, `cost per learner of “${line.name}”`);
      if (c.costPerPlacePence !== null) moneyFormula(ws, ctx, `${L(M.perPlace)}${r}`, `IF(${R}>0,ROUND(ROUND(${O}*100,0)/${R},0)/100,"")`, c.costPerPlacePence, `cost per place of “${line.name}”`);
      r++;
    }
    subtotal(key, t('export.map.tierTotal', { tier: tierName }), tierName, first, r - 1);
  }
  const lastFilterRow = r - 2;

  // Other costs: staff time uses the same columns and formula (one "session" a week of N minutes);
  // quantity × price is a non-staff cost.
  const otherLabel = t('export.otherCosts');
  groupHeading(otherLabel, otherLabel);
  const firstOther = r;
  const costedOther = new Map(costed.otherCosts.map((c) => [c.otherCostId, c]));
  for (const other of data.otherCosts) {
    const c = costedOther.get(other.id);
    if (!c) continue;
    const row = ws.getRow(r);
    row.getCell(M.line).value = `${other.name} (${t(`enums.otherCostKind.${other.kind}`)})`;
    row.getCell(M.funding).value = t(`enums.fundingSource.${other.fundingSource}`);
    const member = other.staffId !== null ? staffById.get(other.staffId) : undefined;
    if (other.staffId !== null) {
      row.getCell(M.staff).value = t('export.map.staffTime', { name: member?.name ?? t('common.unknownName') });
      if (member) money(row.getCell(M.teamHourly), member.hourlyCostPence);
      row.getCell(M.contact).value = other.minutesPerWeek;
      row.getCell(M.planning).value = 0;
      row.getCell(M.sessions).value = 1;
      row.getCell(M.weeks).value = other.weeks;
      row.getCell(M.groups).value = 1;
      writeCostCells(r, c.costPence, 0, c.costPence, c.chargedToAlnBudget, other.name, true);
    } else {
      row.getCell(M.staff).value = t('export.map.quantity', { quantity: other.quantity, unit: formatPounds(other.unitPence) });
      row.getCell(M.weeks).value = other.weeks;
      writeCostCells(r, 0, c.costPence, c.costPence, c.chargedToAlnBudget, other.name, false);
    }
    r++;
  }
  subtotal(OTHER_COSTS_KEY, t('export.map.otherTotal'), otherLabel, firstOther, r - 1);

  // Grand totals: the tier subtotals, then with other costs.
  const tierRows = tierKeys.map((k) => subtotalRow.get(k) as number);
  const linesRow = r;
  const chargedLines = costed.lines.reduce((s, c) => s + (c.chargedToAlnBudget ? c.costPence : 0), 0);
  ws.getRow(linesRow).getCell(M.line).value = t('export.map.linesTotal');
  for (const [col, pence, what] of [
    [M.cost, costed.totals.linesCostPence, 'all intervention lines: cost'],
    [M.charged, chargedLines, 'all intervention lines: charged'],
  ] as const) {
    const formula = tierRows.length > 0 ? `SUM(${tierRows.map((x) => `${L(col)}${x}`).join(',')})` : '0';
    moneyFormula(ws, ctx, `${L(col)}${linesRow}`, formula, pence, what);
  }
  styleRow(ws.getRow(linesRow), MAP_COLUMNS, { bold: true, fill: TOTAL_FILL, border: THIN_TOP });
  const grandRow = linesRow + 1;
  const otherRow = subtotalRow.get(OTHER_COSTS_KEY) as number;
  ws.getRow(grandRow).getCell(M.line).value = t('export.map.grandTotal');
  moneyFormula(ws, ctx, `${L(M.cost)}${grandRow}`, `${L(M.cost)}${linesRow}+${L(M.cost)}${otherRow}`, costed.totals.costPence, 'grand total: all provision');
  moneyFormula(ws, ctx, `${L(M.charged)}${grandRow}`, `${L(M.charged)}${linesRow}+${L(M.charged)}${otherRow}`, costed.totals.chargedPence, 'grand total: charged to the ALN budget');
  styleRow(ws.getRow(grandRow), MAP_COLUMNS, { bold: true, fill: TOTAL_FILL, border: { top: { style: 'thin' }, bottom: { style: 'double' } } });

  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: Math.max(4, lastFilterRow), column: MAP_COLUMNS } };
  printSetup(ws, ctx, 3);
  fitColumns(ws, 3, MAP_COLUMNS, 6, 13, { [M.line]: 36, [M.funding]: 18, [M.staff]: 22 });
  for (let rr = 4; rr <= ws.rowCount; rr++) {
    for (const c of [M.line, M.staff, M.funding]) {
      const cell = ws.getRow(rr).getCell(c);
      cell.alignment = { ...(cell.alignment ?? {}), wrapText: true, vertical: 'top' };
    }
  }
  fitRowHeights(ws, 3);
  return { subtotalRow, grandTotalRow: grandRow };
}

// ── Summary ──────────────────────────────────────────────────────────────────────────────────────

function writeSummary(workbook: ExcelJS.Workbook, ws: ExcelJS.Worksheet, ctx: SheetContext, mapCells: MapCells): void {
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
  totalRow(ws, ctx, r, t('export.total'), tierFirst, r - 1, [['B', totals.costPence, 'spend by tier: total'], ['C', totals.chargedPence, 'spend by tier: charged total']]);
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
  totalRow(ws, ctx, r, t('export.total'), areaFirst, r - 1, [['B', totals.costPence, 'spend by area: total'], ['C', totals.chargedPence, 'spend by area: charged total']]);
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
  totalRow(ws, ctx, r, t('export.total'), fundFirst, r - 1, [['B', totals.costPence, 'spend by funding source: total'], ['C', totals.chargedPence, 'spend by funding source: charged total']]);
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

  // The chart, to the right of the budget figures, with its figures and colour key in cells below it.
  const chartTop = 5;
  const png = drawBarChart(
    [
      { pence: budget.incomePence, colour: CHART_COLOURS.income },
      { pence: budget.chargedPence, colour: CHART_COLOURS.charged },
      { pence: totals.costPence, colour: CHART_COLOURS.allCosts },
    ],
    { width: 420, height: 220 },
  );
  const imageId = workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.getCell(`F${chartTop}`).value = t('export.chartHeading');
  ws.getCell(`F${chartTop}`).font = { bold: true };
  ws.addImage(imageId, { tl: { col: 5, row: chartTop }, ext: { width: 420, height: 220 } });
  const keyTop = chartTop + 12;
  const key: Array<[string, number, string, number]> = [
    [t('export.incomeTotal'), CHART_COLOURS.income, `B${incomeRow}`, budget.incomePence],
    [t('export.charged'), CHART_COLOURS.charged, `B${chargedRow}`, budget.chargedPence],
    [t('export.allCosts'), CHART_COLOURS.allCosts, `B${allCostsRow}`, totals.costPence],
  ];
  key.forEach(([text, rgb, source, pence], i) => {
    const row = keyTop + i;
    const swatch = ws.getCell(`F${row}`);
    swatch.value = text;
    swatch.font = { color: { argb: 'FFFFFFFF' }, bold: true };
    swatch.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colour(rgb) } };
    moneyFormula(ws, ctx, `G${row}`, source, pence, `chart key: ${text}`);
  });
  const note = ws.getCell(`F${keyTop + 3}`);
  note.value = t('export.chartNote');
  note.font = { italic: true, color: { argb: 'FF444444' } };

  printSetup(ws, ctx, 2);
  ws.getColumn(1).width = 50;
  ws.getColumn(2).width = 18;
  ws.getColumn(3).width = 18;
  ws.getColumn(4).width = 16;
  ws.getColumn(5).width = 3;
  ws.getColumn(6).width = 46;
  ws.getColumn(7).width = 16;
  ws.pageSetup.orientation = 'portrait';
  ws.pageSetup.printArea = `A1:G${r}`;
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

function writeStaffing(ws: ExcelJS.Worksheet, ctx: SheetContext): void {
  const { t, data, costed } = ctx;
  titleRows(ws, t('export.staffing.title', { school: data.school.name, year: data.school.academicYear }), t('export.staffing.note'));
  const cols = [
    t('export.col.name'), t('export.col.role'), t('export.col.hourlyCost'), t('export.col.contractedHours'),
    t('export.col.allocatedHours'), t('export.col.peakWeek'), t('export.col.allocation'), t('export.col.linesDelivered'),
    t('export.col.staffTimeCost'),
  ];
  headerRow(ws, 3, cols);
  const allocation = new Map(costed.staff.map((s) => [s.staffId, s]));
  const lineName = new Map(data.lines.map((l) => [l.id, l.name]));
  let r = 4;
  for (const s of data.staff) {
    const a = allocation.get(s.id);
    const row = ws.getRow(r);
    row.getCell(1).value = s.isPlaceholder ? `${s.name} ${t('export.staffing.placeholder')}` : s.name;
    row.getCell(2).value = t(`enums.staffRole.${s.role}`);
    money(row.getCell(3), s.hourlyCostPence);
    const hours = (col: number, minutes: number) => {
      row.getCell(col).value = minutes / 60;
      row.getCell(col).numFmt = HOURS_FORMAT;
    };
    hours(4, s.contractedMinutesPerWeek);
    hours(5, a?.peakAllocatedMinutesPerWeek ?? 0);
    row.getCell(6).value = a?.peakWeek ?? null;
    row.getCell(7).value = a?.overAllocated ? t('export.staffing.overAllocated') : t('export.staffing.withinHours');
    if (a?.overAllocated) row.getCell(7).font = { bold: true, color: { argb: 'FFC00000' } };
    row.getCell(8).value = (a?.lineIds ?? []).map((id) => lineName.get(id) ?? String(id)).join('; ');
    row.getCell(8).alignment = { wrapText: true, vertical: 'top' };
    money(row.getCell(9), a?.costPence ?? 0);
    r++;
  }
  const last = r - 1;
  const staffTotal = costed.staff.reduce((sum, s) => sum + s.costPence, 0);
  const row = ws.getRow(r);
  row.getCell(1).value = t('export.staffing.total');
  if (last >= 4) moneyFormula(ws, ctx, `I${r}`, `SUM(I4:I${last})`, staffTotal, 'staffing: total cost of staff time');
  else money(row.getCell(9), 0);
  styleRow(row, cols.length, { bold: true, fill: TOTAL_FILL, border: THIN_TOP });
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: Math.max(4, last), column: cols.length } };
  printSetup(ws, ctx, 3);
  fitColumns(ws, 4, cols.length, 8, 48, { 3: 12, 4: 12, 5: 12, 6: 8 });
  fitRowHeights(ws, 3);
}

// ── Learners ─────────────────────────────────────────────────────────────────────────────────────

function writeLearners(ws: ExcelJS.Worksheet, ctx: SheetContext): void {
  const { t, data, costed, options } = ctx;
  const named = options.learners === 'named';
  titleRows(ws, t('export.learners.title', { school: data.school.name, year: data.school.academicYear }), named ? t('export.learners.named') : t('export.learners.anonymised'));
  ws.getCell('A2').font = { bold: true, color: { argb: named ? 'FFC00000' : 'FF1F4E79' } };
  const cols = [
    t('export.col.ref'), ...(named ? [t('export.col.learnerName')] : []), t('export.col.yearGroup'), t('export.col.alnStatus'),
    t('export.col.areas'), t('export.col.welshAlp'), t('export.col.idpHours'), t('export.col.alpHours'), t('export.col.lineCount'),
    t('export.col.learnerCost'),
  ];
  headerRow(ws, 3, cols);
  const costByLearner = new Map(costed.learners.map((l) => [l.learnerId, l]));
  const areaById = new Map(data.areas.map((a) => [a.id, a]));
  const yearGroup = (n: number) => (n === -1 ? t('enums.yearGroup.nursery') : n === 0 ? t('enums.yearGroup.reception') : t('enums.yearGroup.year', { n }));
  const costCol = cols.length;
  let r = 4;
  for (const learner of [...data.learners].sort((a, b) => a.ref.localeCompare(b.ref))) {
    const c = costByLearner.get(learner.id);
    const values: ExcelJS.CellValue[] = [
      learner.ref,
      ...(named ? [learner.name] : []),
      yearGroup(learner.yearGroup),
      t(`enums.alnStatus.${learner.alnStatus}`),
      learner.areaIds.map((id) => { const a = areaById.get(id); return a ? areaLabel(a, ctx.lang) : id; }).join('; '),
      hasIdp(learner.alnStatus) ? (learner.welshAlp ? t('export.learners.yes') : t('export.learners.no')) : null,
      learner.idpAlpMinutesPerWeek === null ? null : learner.idpAlpMinutesPerWeek / 60,
      (c?.alpMinutesPerWeek ?? 0) / 60,
      c?.lineIds.length ?? 0,
    ];
    const row = ws.getRow(r);
    values.forEach((v, i) => (row.getCell(i + 1).value = v));
    row.getCell(costCol - 3).numFmt = HOURS_FORMAT;
    row.getCell(costCol - 2).numFmt = HOURS_FORMAT;
    money(row.getCell(costCol), c?.costPence ?? 0);
    r++;
  }
  const last = r - 1;
  const total = costed.learners.reduce((s, l) => s + l.costPence, 0);
  const row = ws.getRow(r);
  row.getCell(1).value = t('export.learners.total');
  const col = L(costCol);
  if (last >= 4) moneyFormula(ws, ctx, `${col}${r}`, `SUM(${col}4:${col}${last})`, total, 'learners: total shared to learners');
  else money(row.getCell(costCol), 0);
  styleRow(row, cols.length, { bold: true, fill: TOTAL_FILL, border: THIN_TOP });
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: Math.max(4, last), column: cols.length } };
  printSetup(ws, ctx, 3);
  fitColumns(ws, 4, cols.length, 10, 40);
  fitRowHeights(ws, 3);
}

// ── Checks ───────────────────────────────────────────────────────────────────────────────────────

/** Who a check is about, as the export may show them: a learner by name only when names were asked for. */
function learnerShown(ctx: SheetContext, learnerId: number): string {
  const l = ctx.data.learners.find((x) => x.id === learnerId);
  if (!l) return ctx.t('common.unknownName');
  return ctx.options.learners === 'named' ? l.name : ctx.t('export.checks.learnerRef', { ref: l.ref });
}

export function checkMessageForExport(check: Check, ctx: Pick<SheetContext, 't' | 'lang' | 'data' | 'options'>): string {
  const { t, data } = ctx;
  const p = check.params;
  const num = (k: string) => (typeof p[k] === 'number' ? (p[k] as number) : Number(p[k] ?? 0));
  const lineName = (id: number) => data.lines.find((l) => l.id === id)?.name ?? t('common.unknownName');
  let name: string;
  switch (check.subject.kind) {
    case 'learner':
      name = learnerShown(ctx as SheetContext, check.subject.id);
      break;
    case 'line':
      name = lineName(check.subject.id);
      break;
    case 'staff': {
      const id = check.subject.id;
      name = data.staff.find((s) => s.id === id)?.name ?? t('common.unknownName');
      break;
    }
    case 'enrolment': {
      const id = check.subject.id;
      const e = data.enrolments.find((x) => x.id === id);
      name = e ? learnerShown(ctx as SheetContext, e.learnerId) : t('common.unknownName');
      break;
    }
  }
  const params: Record<string, string | number> = { ...p, name };
  switch (check.code) {
    case 'alp_without_idp':
    case 'enrolment_outside_line':
    case 'alp_undelivered':
      params.lineName = lineName(num('lineId'));
      break;
    case 'alp_hours_short':
      params.enrolled = hoursText(num('enrolledMinutes'), t);
      params.required = hoursText(num('requiredMinutes'), t);
      params.shortBy = hoursText(num('shortByMinutes'), t);
      break;
    case 'staff_over_allocated':
      params.peak = hoursText(num('peakMinutes'), t);
      params.contracted = hoursText(num('contractedMinutes'), t);
      params.overBy = hoursText(num('overByMinutes'), t);
      break;
    case 'idp_review_overdue':
      params.due = typeof p.dueDate === 'string' ? dateText(p.dueDate, ctx.lang) : t('common.dash');
      break;
    default:
      break;
  }
  return t(checkKeys(check.code).message, params);
}

function writeChecks(ws: ExcelJS.Worksheet, ctx: SheetContext): void {
  const { t, data, costed } = ctx;
  titleRows(ws, t('export.checks.title', { school: data.school.name, year: data.school.academicYear }), t('export.checks.note'));
  headerRow(ws, 3, [t('export.col.check'), t('export.col.about'), t('export.col.message')]);
  let r = 4;
  for (const check of costed.checks) {
    const row = ws.getRow(r);
    row.getCell(1).value = t(checkKeys(check.code).title);
    row.getCell(2).value = t(`checks.subject.${check.subject.kind}`);
    row.getCell(3).value = checkMessageForExport(check, ctx);
    for (let c = 1; c <= 3; c++) row.getCell(c).alignment = { wrapText: true, vertical: 'top' };
    r++;
  }
  if (costed.checks.length === 0) {
    ws.getCell('A4').value = t('export.checks.none');
    r++;
  }
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: Math.max(4, r - 1), column: 3 } };
  printSetup(ws, ctx, 3);
  ws.getColumn(1).width = 44;
  ws.getColumn(2).width = 14;
  ws.getColumn(3).width = 110;
  fitRowHeights(ws, 3);
}
