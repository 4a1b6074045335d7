/** The governors' workbook's Provision map: every line by tier, each cost a live formula from its inputs. */
import ExcelJS from 'exceljs';
import { OTHER_COSTS_KEY } from '../../../shared/engine';
import { formatPounds } from '../../../shared/money';
import { GROUP_FILL, TOTAL_FILL, THIN_TOP, money, moneyFormula, headerRow, titleRows, styleRow, printSetup, fitRowHeights, fitColumns } from '../sheetLayout';
import { areaLabel, breakdownLabel, sortedTiers } from '../exportLabels';
import type { SheetContext } from './sheetContext';
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
} as const;
export const MAP_COLUMNS = 17;
export const L = (col: number): string => String.fromCharCode(64 + col);

export interface MapCells {
  /** Row of each tier's subtotal, by tier key (including 'other_costs'). */
  subtotalRow: Map<string, number>;
  grandTotalRow: number;
}

export function writeProvisionMap(ws: ExcelJS.Worksheet, ctx: SheetContext): MapCells {
  const { t, data, costed } = ctx;
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
      const areasText = line.areaIds
        .map((id) => {
          const a = areaById.get(id);
          return a ? areaLabel(a, ctx.lang) : id;
        })
        .join('; ');
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
      if (c.costPerLearnerPence !== null)
        moneyFormula(ws, ctx, `${L(M.perLearner)}${r}`, `IF(${Q}>0,ROUND(ROUND(${O}*100,0)/${Q},0)/100,"")`, c.costPerLearnerPence, `cost per learner of “${line.name}”`);
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
  styleRow(ws.getRow(grandRow), MAP_COLUMNS, {
    bold: true,
    fill: TOTAL_FILL,
    border: { top: { style: 'thin' }, bottom: { style: 'double' } },
  });

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
