/**
 * The governors' workbook's Provision map: every line by tier, each cost a live formula from its inputs
 * (the staff rates linked to the Staffing sheet), split into the two financial years and across its areas
 * of need by formula, with the columns the Summary's SUMIFS read (ALP or not, funding source).
 */
import type ExcelJS from 'exceljs';
import { OTHER_COSTS_KEY, UNSPECIFIED_AREA_KEY, splitEqually } from '../../../shared/engine';
import { CHARGED_TO_ALN_BUDGET, FUNDING_SOURCES } from '../../../shared/domain';
import { academicFinancialYears, weekFinancialYearIndexes } from '../../../shared/calendar';
import { markInput, markMapioValue, typedText, writeCellKey } from './cellRoles';
import { staffingRows } from './staffingSheet';
import { formatPounds } from '../../../shared/money';
import { GROUP_FILL, TOTAL_FILL, THIN_TOP, MONEY_FORMAT, money, moneyFormula, ref, headerRow, titleRows, styleRow, printSetup, fitRowHeights, fitColumns } from '../sheetLayout';
import { areaLabel, breakdownLabel, sortedTiers } from '../exportLabels';
import type { SheetContext } from './sheetContext';
import { keepTogether } from '../sheetPrint';
export /** Columns of the Provision map (1-based) and their letters. */
const M = {
  line: 1,
  funding: 2,
  staff: 3,
  teamHourly: 4,
  contact: 5,
  planning: 6,
  sessions: 7,
  weeks: 8,
  groups: 9,
  staffCost: 10,
  nonStaff: 11,
  cost: 12,
  charged: 13,
  learners: 14,
  places: 15,
  perLearner: 16,
  perPlace: 17,
  alp: 18,
  fundingSource: 19,
  fyWeeks: 20,
  fy1: 21,
  fy2: 22,
  staffMinutes: 23,
  /** Hundredths of a minute of one member of staff's time in each week the row runs (the Staffing sheet's hours). */
  weeklyMinutes: 24,
  /** The first of one column per area of need: each line's share of its cost. */
  areas: 25,
} as const;
/** A column's letters: 1 → A, 27 → AA. */
export const L = (col: number): string => (col > 26 ? L(Math.floor((col - 1) / 26)) : '') + String.fromCharCode(65 + ((col - 1) % 26));

export interface MapCells {
  /** Row of each tier's subtotal, by tier key (including 'other_costs'). */
  subtotalRow: Map<string, number>;
  grandTotalRow: number;
  /** First and last rows of the lines, other costs and subtotals: the ranges the Summary's SUMIFS read. */
  firstRow: number;
  lastRow: number;
  /** The column of each area key's shares (every key of the engine's byArea but 'other_costs'). */
  areaColumn: Map<string, number>;
  /** For each member of staff, the rows they work on and their count there (for the Staffing sheet's cost). */
  staffRows: Map<number, Array<{ row: number; count: number }>>;
  /** The row of each staff-time other cost (minutes a week in the contact column, weeks in the weeks column). */
  staffTimeRow: Map<number, number>;
  /** The start week of each row with staff time on it (Mapio's: it is not on the sheet). */
  startWeek: Map<number, number>;
}

/** A text for a formula: in quotes, quotes doubled. */
export const quoted = (text: string): string => `"${text.replace(/"/g, '""')}"`;
/** A SUMIFS criterion matching exactly `text` (the wildcards * ? and ~ escaped). */
export const exactly = (text: string): string => quoted(text.replace(/[~*?]/g, (c) => `~${c}`));

/** The sum of `column` over `range` rows whose funding source is charged to the ALN budget. */
export function chargedSumFormula(sheet: (cell: string) => string, column: number, first: number, last: number, t: SheetContext['t']): string {
  const range = (col: number) => sheet(`${L(col)}${first}:${L(col)}${last}`);
  return FUNDING_SOURCES.filter((f) => CHARGED_TO_ALN_BUDGET.has(f))
    .map((f) => `SUMIFS(${range(column)},${range(M.fundingSource)},${exactly(t(`enums.fundingSource.${f}`))})`)
    .join('+');
}

/**
 * A tier's heading on the map: its name, then whether it is ALP ("Targeted (Not ALP)"), unless its name
 * already is that word in the document's language, any case ("ALP", "DDY"): never "ALP (ALP)". The class
 * comes from the tier's ALP flag and the comparison from its name, never from its id.
 */
export function tierHeading(tierName: string, alpText: string, lang: SheetContext['lang'], t: SheetContext['t']): string {
  const locale = lang === 'cy' ? 'cy-GB' : 'en-GB';
  if (tierName.trim().toLocaleLowerCase(locale) === alpText.toLocaleLowerCase(locale)) return tierName;
  return t('export.map.tierHeading', { tier: tierName, alp: alpText });
}

export function writeProvisionMap(ws: ExcelJS.Worksheet, ctx: SheetContext): MapCells {
  const { t, data, costed } = ctx;
  const years = academicFinancialYears(data.calendar, data.school.academicYear);
  const weekFy = weekFinancialYearIndexes(data.calendar, years);
  // Weeks of a run in the first financial year, as the engine counts them (a run of 0 weeks falls in its
  // start week; a week past the calendar's last counts in the last week's year).
  const weeksInFirstYear = (startWeek: number, weeks: number): number => {
    let n = 0;
    for (let w = startWeek; w < startWeek + Math.max(1, weeks); w++) if ((weekFy[w - 1] ?? weekFy[weekFy.length - 1] ?? 0) === 0) n++;
    return n;
  };
  // The same count as a formula over the run's weeks (the cell `weeks`), so a governor who changes a line's
  // weeks moves its financial-year parts as the engine would. The calendar's weeks fall in order, the first
  // financial year's first: a run from week s of n weeks has max(0, min(s − 1 + max(1, n), B) − (s − 1)) of
  // them in the first year, B being the calendar's weeks there; when the calendar's last week is in the
  // first year, weeks past it count there too, so the whole run does. The start week and B are Mapio's,
  // written into the formula. A calendar out of order (or a start week before week 1) keeps Mapio's count.
  const firstYearWeeks = weekFy.filter((i) => i === 0).length;
  const calendarInOrder = weekFy.every((i, k) => i === (k < firstYearWeeks ? 0 : 1));
  const lastWeekInFirstYear = (weekFy[weekFy.length - 1] ?? 0) === 0;
  const weeksInFirstYearFormula = (startWeek: number, weeks: string): string | null => {
    if (!calendarInOrder || !Number.isSafeInteger(startWeek) || startWeek < 1) return null;
    if (lastWeekInFirstYear) return `MAX(1,${weeks})`;
    return `MAX(0,MIN(${startWeek - 1}+MAX(1,${weeks}),${firstYearWeeks})-${startWeek - 1})`;
  };
  const areaKeys = costed.totals.byArea.map((b) => b.key).filter((k) => k !== OTHER_COSTS_KEY);
  const areaColumn = new Map(areaKeys.map((k, i) => [k, M.areas + i]));
  const MAP_COLUMNS = M.areas + areaKeys.length - 1;
  const staffRow = staffingRows(data);
  const staffRows = new Map<number, Array<{ row: number; count: number }>>();
  const staffTimeRow = new Map<number, number>();
  const startWeek = new Map<number, number>();
  const rate = (staffId: number): string => ref(ctx.names.staffing, `C${staffRow.get(staffId) as number}`);
  titleRows(ws, t('export.map.title', { school: data.school.name, year: data.school.academicYear }), t('export.map.note'));
  headerRow(ws, 3, [
    t('export.col.lineDetail'),
    t('export.col.funding'),
    t('export.col.staff'),
    t('export.col.teamHourly'),
    t('export.col.contactMinutes'),
    t('export.col.planningMinutes'),
    t('export.col.sessions'),
    t('export.col.weeks'),
    t('export.col.groups'),
    t('export.col.staffCost'),
    t('export.col.nonStaffCost'),
    t('export.col.cost'),
    t('export.col.charged'),
    t('export.col.learners'),
    t('export.col.places'),
    t('export.col.costPerLearner'),
    t('export.col.costPerPlace'),
    t('export.col.alpOrNot'),
    t('export.col.fundingSource'),
    t('export.col.fyWeeks', { start: years[0], end: years[0] + 1 }),
    t('export.col.fyCost', { start: years[0], end: years[0] + 1 }),
    t('export.col.fyCost', { start: years[1], end: years[1] + 1 }),
    t('export.col.staffMinutes'),
    t('export.col.weeklyMinutes'),
    ...areaKeys.map((k) => breakdownLabel(k, data, 'area', t, ctx.lang)),
  ]);

  const staffById = new Map(data.staff.map((s) => [s.id, s]));
  const areaById = new Map(data.areas.map((a) => [a.id, a]));
  const costedById = new Map(costed.lines.map((c) => [c.lineId, c]));
  const tierBreakdown = new Map(costed.totals.byTier.map((b) => [b.key, b]));
  const subtotalRow = new Map<string, number>();
  let r = 4;

  const writeCostCells = (
    row: number,
    c: { staffPence: number; nonStaffPence: number; costPence: number; charged: boolean; fy: [number, number] },
    item: { name: string; fundingSource: (typeof FUNDING_SOURCES)[number]; startWeek: number; weeks: number },
    withStaffFormula: boolean,
  ): void => {
    const { name } = item;
    const [G, H, I, J, K, Lc] = [M.teamHourly, M.contact, M.planning, M.sessions, M.weeks, M.groups].map((col) => `${L(col)}${row}`) as [string, string, string, string, string, string];
    if (withStaffFormula) {
      moneyFormula(ws, ctx, `${L(M.staffCost)}${row}`, `ROUND(ROUND(${G}*100,0)*${Lc}*(${H}+${I})*ROUND(${J}*100,0)*${K}/6000,0)/100`, c.staffPence, `staff cost of “${name}”`);
      // Minutes of one member of staff's time over the run: the Staffing sheet costs each person from these.
      const minutes = ws.getCell(`${L(M.staffMinutes)}${row}`);
      minutes.value = {
        formula: `${Lc}*(${H}+${I})*ROUND(${J}*100,0)*${K}/100`,
        result: Number(ws.getCell(Lc).value) * (Number(ws.getCell(H).value) + Number(ws.getCell(I).value)) * Number(ws.getCell(J).value) * Number(ws.getCell(K).value),
      };
      minutes.numFmt = '0.00';
      // …and a week of it, in hundredths of a minute (a whole number), as the engine tallies each week.
      const weekly = ws.getCell(`${L(M.weeklyMinutes)}${row}`);
      weekly.value = {
        formula: `${Lc}*(${H}+${I})*ROUND(${J}*100,0)`,
        result: Number(ws.getCell(Lc).value) * (Number(ws.getCell(H).value) + Number(ws.getCell(I).value)) * Math.round(Number(ws.getCell(J).value) * 100),
      };
      startWeek.set(row, item.startWeek);
    }
    const nonStaff = ws.getCell(`${L(M.nonStaff)}${row}`);
    money(nonStaff, c.nonStaffPence);
    const cost = `${L(M.cost)}${row}`;
    moneyFormula(ws, ctx, cost, `ROUND(${L(M.staffCost)}${row}+${L(M.nonStaff)}${row},2)`, c.costPence, `cost of “${name}”`);
    const funding = ws.getCell(`${L(M.fundingSource)}${row}`);
    funding.value = t(`enums.fundingSource.${item.fundingSource}`);
    const chargedLabels = FUNDING_SOURCES.filter((f) => CHARGED_TO_ALN_BUDGET.has(f)).map((f) => `${L(M.fundingSource)}${row}=${quoted(t(`enums.fundingSource.${f}`))}`);
    moneyFormula(ws, ctx, `${L(M.charged)}${row}`, `IF(OR(${chargedLabels.join(',')}),${cost},0)`, c.charged ? c.costPence : 0, `charged to the ALN budget: “${name}”`);
    // The two financial years: FY1 = round(cost × weeks in FY1 ÷ weeks), FY2 = cost − FY1 (the engine's
    // largest-remainder split for two parts; backend/exports/governors/financialYearSplit.test.ts proves it).
    const fyWeeks = ws.getCell(`${L(M.fyWeeks)}${row}`);
    const fyWeeksFormula = weeksInFirstYearFormula(item.startWeek, K);
    if (fyWeeksFormula === null) {
      fyWeeks.value = weeksInFirstYear(item.startWeek, item.weeks);
      markMapioValue(fyWeeks);
    } else fyWeeks.value = { formula: fyWeeksFormula, result: weeksInFirstYear(item.startWeek, item.weeks) };
    const fy1 = `${L(M.fy1)}${row}`;
    moneyFormula(ws, ctx, fy1, `ROUND(ROUND(${cost}*100,0)*${L(M.fyWeeks)}${row}/MAX(1,${K}),0)/100`, c.fy[0], `first financial year of “${name}”`);
    moneyFormula(ws, ctx, `${L(M.fy2)}${row}`, `ROUND(${cost}-${fy1},2)`, c.fy[1], `second financial year of “${name}”`);
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
    const headingRow = r;
    groupHeading(tierHeading(tierName, alpText, ctx.lang, t), tierName);
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
      const O = `${L(M.cost)}${r}`;
      // The line's name, then its areas of need and delivery language on a second line of the same cell.
      const areasText = line.areaIds
        .map((id) => {
          const a = areaById.get(id);
          return a ? areaLabel(a, ctx.lang) : id;
        })
        .join('; ');
      typedText(row.getCell(M.line), `${line.name}\n${[areasText, t(`enums.deliveryLanguage.${line.deliveryLanguage}`)].filter(Boolean).join(' · ')}`);
      typedText(row.getCell(M.funding), t(`enums.fundingSource.${line.fundingSource}`) + (line.fundingNote ? ` (${line.fundingNote})` : ''));
      typedText(row.getCell(M.staff), line.staff.length === 0 ? t('map.noStaff') : line.staff.map((a) => `${staffById.get(a.staffId)?.name ?? t('common.unknownName')} × ${a.count}`).join('; '));
      // The staff team's cost an hour: Σ rate (on the Staffing sheet) × count; an unknown staff id costs
      // nothing, as in the engine.
      const known = line.staff.filter((a) => staffRow.has(a.staffId));
      const teamHourly = known.reduce((sum, a) => sum + (staffById.get(a.staffId)?.hourlyCostPence ?? 0) * a.count, 0);
      moneyFormula(ws, ctx, `${L(M.teamHourly)}${r}`, known.length > 0 ? known.map((a) => `${rate(a.staffId)}*${a.count}`).join('+') : '0', teamHourly, `staff cost an hour of “${line.name}”`);
      for (const a of known) staffRows.set(a.staffId, [...(staffRows.get(a.staffId) ?? []), { row: r, count: a.count }]);
      row.getCell(M.contact).value = line.minutesPerSession;
      row.getCell(M.planning).value = line.planningMinutesPerSession;
      row.getCell(M.sessions).value = line.sessionsPerWeekHundredths / 100;
      row.getCell(M.weeks).value = line.weeks;
      row.getCell(M.groups).value = line.groups;
      for (const col of [M.contact, M.planning, M.sessions, M.weeks, M.groups, M.nonStaff]) markInput(row.getCell(col));
      writeCostCells(
        r,
        { staffPence: c.staffCostPence, nonStaffPence: c.nonStaffCostPence, costPence: c.costPence, charged: c.chargedToAlnBudget, fy: c.financialYears.pence },
        { name: line.name, fundingSource: line.fundingSource, startWeek: line.startWeek, weeks: line.weeks },
        true,
      );
      markInput(row.getCell(M.nonStaff));
      const alp = row.getCell(M.alp);
      alp.value = tier?.isAlp ? t('enums.alp.alp') : t('enums.alp.not_alp');
      // Each area of need's share of the line: equal parts, the odd pennies to the areas listed first
      // (the engine's largest remainder for equal weights), or the whole cost when no area is given.
      const lineAreas = [...new Set(line.areaIds)];
      const pence = `ROUND(${O}*100,0)`;
      const areaShares = lineAreas.length === 0 ? [] : splitEqually(c.costPence, lineAreas.length);
      if (lineAreas.length === 0) moneyFormula(ws, ctx, `${L(areaColumn.get(UNSPECIFIED_AREA_KEY) as number)}${r}`, O, c.costPence, `“${line.name}”: no area of need`);
      lineAreas.forEach((id, i) => {
        const col = areaColumn.get(id) as number;
        const k = lineAreas.length;
        moneyFormula(ws, ctx, `${L(col)}${r}`, `(INT(${pence}/${k})+IF(MOD(${pence},${k})>${i},1,0))/100`, areaShares[i] as number, `“${line.name}”: area ${id}`);
      });
      row.getCell(M.learners).value = c.enrolledLearners;
      markMapioValue(row.getCell(M.learners));
      // Places are groups × places per group (Mapio's, in the formula), so they follow the groups input.
      row.getCell(M.places).value = { formula: `${L(M.groups)}${r}*${line.groupCapacity}`, result: c.places };
      const Q = `${L(M.learners)}${r}`;
      const R = `${L(M.places)}${r}`;
      if (c.costPerLearnerPence !== null)
        moneyFormula(ws, ctx, `${L(M.perLearner)}${r}`, `IF(${Q}>0,ROUND(ROUND(${O}*100,0)/${Q},0)/100,"")`, c.costPerLearnerPence, `cost per learner of “${line.name}”`);
      const perPlace = `IF(${R}>0,ROUND(ROUND(${O}*100,0)/${R},0)/100,"")`;
      if (c.costPerPlacePence !== null) moneyFormula(ws, ctx, `${L(M.perPlace)}${r}`, perPlace, c.costPerPlacePence, `cost per place of “${line.name}”`);
      else {
        // No places as written (no groups): empty, until a governor gives the line a group.
        const cell = ws.getCell(`${L(M.perPlace)}${r}`);
        cell.value = { formula: perPlace, result: '' };
        cell.numFmt = MONEY_FORMAT;
      }
      r++;
    }
    subtotal(key, t('export.map.tierTotal', { tier: tierName }), tierName, first, r - 1);
    // In print, a tier starts on a new page rather than leave its heading at the foot of one.
    keepTogether(ws, headingRow, subtotalRow.get(key) as number);
  }
  const lastFilterRow = r - 2;

  // Other costs: staff time uses the same columns and formula (one "session" a week of N minutes);
  // quantity × price is a non-staff cost.
  const otherLabel = t('export.otherCosts');
  const otherHeadingRow = r;
  groupHeading(otherLabel, otherLabel);
  const firstOther = r;
  const costedOther = new Map(costed.otherCosts.map((c) => [c.otherCostId, c]));
  for (const other of data.otherCosts) {
    const c = costedOther.get(other.id);
    if (!c) continue;
    const row = ws.getRow(r);
    typedText(row.getCell(M.line), `${other.name} (${t(`enums.otherCostKind.${other.kind}`)})`);
    typedText(row.getCell(M.funding), t(`enums.fundingSource.${other.fundingSource}`));
    const member = other.staffId !== null ? staffById.get(other.staffId) : undefined;
    const cost = { staffPence: c.costPence, nonStaffPence: 0, costPence: c.costPence, charged: c.chargedToAlnBudget, fy: c.financialYears.pence };
    const item = { name: other.name, fundingSource: other.fundingSource, startWeek: other.startWeek, weeks: other.weeks };
    if (other.staffId !== null) {
      typedText(row.getCell(M.staff), t('export.map.staffTime', { name: member?.name ?? t('common.unknownName') }));
      const linked = staffRow.has(other.staffId);
      moneyFormula(ws, ctx, `${L(M.teamHourly)}${r}`, linked ? rate(other.staffId) : '0', member?.hourlyCostPence ?? 0, `staff cost an hour of “${other.name}”`);
      if (linked) staffRows.set(other.staffId, [...(staffRows.get(other.staffId) ?? []), { row: r, count: 1 }]);
      row.getCell(M.contact).value = other.minutesPerWeek;
      row.getCell(M.planning).value = 0;
      row.getCell(M.sessions).value = 1;
      row.getCell(M.weeks).value = other.weeks;
      row.getCell(M.groups).value = 1;
      for (const col of [M.contact, M.weeks]) markInput(row.getCell(col));
      staffTimeRow.set(other.id, r);
      writeCostCells(r, cost, item, true);
      // Staff time is one "session" a week of its minutes, one group, no planning and nothing but staff:
      // the rest of the line's formula, fixed (Mapio's) rather than inputs.
      for (const col of [M.planning, M.sessions, M.groups, M.nonStaff]) markMapioValue(row.getCell(col));
    } else {
      typedText(row.getCell(M.staff), t('export.map.quantity', { quantity: other.quantity, unit: formatPounds(other.unitPence) }));
      row.getCell(M.weeks).value = other.weeks;
      writeCostCells(r, { ...cost, staffPence: 0, nonStaffPence: c.costPence }, item, false);
      // Its cost, and the weeks it is spread over across the financial years.
      markInput(row.getCell(M.nonStaff));
      markInput(row.getCell(M.weeks));
    }
    r++;
  }
  // None yet: a row that says so, as an empty tier has (its total still sums the rows above it).
  if (data.otherCosts.length === 0) {
    ws.getRow(r).getCell(M.line).value = t('budget.noOtherCosts');
    ws.getRow(r).getCell(M.line).font = { italic: true };
    r++;
  }
  subtotal(OTHER_COSTS_KEY, t('export.map.otherTotal'), otherLabel, firstOther, r - 1);
  keepTogether(ws, otherHeadingRow, subtotalRow.get(OTHER_COSTS_KEY) as number);

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
  styleRow(ws.getRow(grandRow), MAP_COLUMNS, {
    bold: true,
    fill: TOTAL_FILL,
    border: { top: { style: 'thin' }, bottom: { style: 'double' } },
  });

  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: Math.max(4, lastFilterRow), column: MAP_COLUMNS } };
  printSetup(ws, ctx, 3);
  fitColumns(ws, 3, MAP_COLUMNS, 6, 13, { [M.line]: 36, [M.funding]: 18, [M.staff]: 22 });
  const keyEnd = writeCellKey(ws, ctx, grandRow + 2);
  // The grand totals and the key under them print together, never the key alone on a page.
  keepTogether(ws, linesRow, keyEnd - 1);
  // The page shows the lines up to cost per place; the workings to their right (ALP or not, funding
  // source, the financial-year parts, staff minutes and the area shares the Summary sums) stay on the
  // sheet, unprinted, so the map still prints one page wide at a readable size.
  ws.pageSetup.printArea = `A1:${L(M.perPlace)}${keyEnd - 1}`;
  // …grouped and folded (the + above the columns opens them), since not every reader honours a print area.
  for (let c = M.alp; c <= MAP_COLUMNS; c++) {
    ws.getColumn(c).outlineLevel = 1;
    ws.getColumn(c).hidden = true;
  }
  // The table's rows; the cell key below them wraps across the page instead (writeCellKey).
  for (let rr = 4; rr < grandRow + 2; rr++) {
    for (const c of [M.line, M.staff, M.funding, M.alp, M.fundingSource]) {
      const cell = ws.getRow(rr).getCell(c);
      cell.alignment = { ...(cell.alignment ?? {}), wrapText: true, vertical: 'top' };
    }
  }
  fitRowHeights(ws, 3);
  return { subtotalRow, grandTotalRow: grandRow, firstRow: 4, lastRow: grandRow - 2, areaColumn, staffRows, staffTimeRow, startWeek };
}

// ── Summary ──────────────────────────────────────────────────────────────────────────────────────
