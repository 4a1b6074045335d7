/** The governors' workbook's Staffing sheet: each person's hourly cost, hours and the cost of their time. */
import type ExcelJS from 'exceljs';
import { duration, HOURS_FORMAT, TOTAL_FILL, THIN_TOP, money, moneyFormula, ref, headerRow, titleRows, styleRow, printSetup, fitRowHeights, fitColumns } from '../sheetLayout';
import type { SchoolYear } from '../../../shared/domain';
import type { StaffAllocation } from '../../../shared/engine';
import type { SheetContext } from './sheetContext';
import { markInput, markMapioValue, typedText, writeCellKey } from './cellRoles';
import { L, M, quoted, type MapCells } from './provisionMapSheet';
import { keepTogether } from '../sheetPrint';

/** The row of each member of staff on the Staffing sheet (their hourly cost is in column C there). */
export function staffingRows(data: SchoolYear): Map<number, number> {
  return new Map(data.staff.map((s, i) => [s.id, 4 + i]));
}

/**
 * The Staffing sheet: each person's hourly cost (an input the Provision map's rates link to), hours and the
 * cost of their time, a formula over the Provision map's minutes of their time on each row they work on:
 * round(rate × Σ count × minutes ÷ 60), rounded once, as the engine does.
 */
export function writeStaffing(ws: ExcelJS.Worksheet, ctx: SheetContext, mapCells: MapCells): void {
  const { t, data, costed } = ctx;
  titleRows(ws, t('export.staffing.title', { school: data.school.name, year: data.school.academicYear }), t('export.staffing.note'));
  const cols = [
    t('export.col.name'),
    t('export.col.role'),
    t('export.col.hourlyCost'),
    t('export.col.contractedHours'),
    t('export.col.allocatedHours'),
    t('export.col.peakWeek'),
    t('export.col.allocation'),
    t('export.col.linesDelivered'),
    t('export.col.staffTimeCost'),
  ];
  headerRow(ws, 3, cols);
  const allocation = new Map(costed.staff.map((s) => [s.staffId, s]));
  const lineName = new Map(data.lines.map((l) => [l.id, l.name]));
  let r = 4;
  for (const s of data.staff) {
    const a = allocation.get(s.id);
    const row = ws.getRow(r);
    typedText(row.getCell(1), s.isPlaceholder ? `${s.name} ${t('export.staffing.placeholder')}` : s.name);
    row.getCell(2).value = t(`enums.staffRole.${s.role}`);
    money(row.getCell(3), s.hourlyCostPence);
    markInput(row.getCell(3));
    const hours = (col: number, minutes: number) => {
      row.getCell(col).value = duration(minutes);
      row.getCell(col).numFmt = HOURS_FORMAT;
    };
    hours(4, s.contractedMinutesPerWeek);
    markInput(row.getCell(4));
    hours(5, a?.peakAllocatedMinutesPerWeek ?? 0);
    row.getCell(6).value = a?.peakWeek ?? null;
    const over = t('export.staffing.overAllocated');
    const within = t('export.staffing.withinHours');
    row.getCell(7).value = a?.overAllocated ? over : within;
    // The busiest week, from the map's rows this person works on, so a change to a line's minutes,
    // sessions, groups or weeks moves it (peakFormula); too long a formula keeps Mapio's figures, marked.
    const peak = peakFormula(ctx, mapCells, s.id, a);
    if (peak === null) for (const col of [5, 6, 7]) markMapioValue(row.getCell(col));
    else {
      const J = `J${r}`;
      row.getCell(10).value = peak;
      row.getCell(10).numFmt = '0';
      // Hundredths of a minute ÷ 100, rounded half away from zero, as the engine shows the peak.
      row.getCell(5).value = { formula: `ROUND(INT(${J}/1000)/100,0)/1440`, result: duration(a?.peakAllocatedMinutesPerWeek ?? 0) };
      row.getCell(6).value = { formula: `IF(INT(${J}/1000)>0,999-MOD(${J},1000),"")`, result: a?.peakWeek ?? '' };
      row.getCell(7).value = { formula: `IF(INT(${J}/1000)>ROUND(D${r}*1440,0)*100,${quoted(over)},${quoted(within)})`, result: a?.overAllocated ? over : within };
    }
    // The peak week is a week number under its heading, the allocation words set in from it: "15" and
    // "Within hours" each read on their own, never as "15 Within hours".
    row.getCell(6).alignment = { horizontal: 'center' };
    row.getCell(7).alignment = { horizontal: 'left', indent: 1 };
    typedText(row.getCell(8), (a?.lineIds ?? []).map((id) => lineName.get(id) ?? String(id)).join('; '));
    row.getCell(8).alignment = { wrapText: true, vertical: 'top' };
    const terms = (mapCells.staffRows.get(s.id) ?? []).map(({ row: mapRow, count }) => `${count === 1 ? '' : `${count}*`}${ref(ctx.names.map, `${L(M.staffMinutes)}${mapRow}`)}`);
    const formula = terms.length > 0 ? `ROUND(ROUND(C${r}*100,0)*ROUND((${terms.join('+')})*100,0)/6000,0)/100` : '0';
    moneyFormula(ws, ctx, `I${r}`, formula, a?.costPence ?? 0, `staffing: cost of ${s.name}’s time`);
    r++;
  }
  const last = r - 1;
  // "Over-allocated" in bold red, whenever the words say it (they follow the edits, or stay Mapio's).
  if (last >= 4) {
    ws.addConditionalFormatting({
      ref: `G4:G${last}`,
      rules: [{ type: 'expression', priority: 1, formulae: [`$G4=${quoted(t('export.staffing.overAllocated'))}`], style: { font: { bold: true, color: { argb: 'FFC00000' } } } }],
    });
  }
  // Each person's busiest week as one number (peakFormula): a working, hidden, outside the printed table.
  ws.getColumn(10).hidden = true;
  // A school with no staff yet says so, as the Staff screen does, rather than a total under bare headings.
  if (data.staff.length === 0) {
    ws.getRow(r).getCell(1).value = t('staff.noStaff');
    ws.getRow(r).getCell(1).font = { italic: true };
    r++;
  }
  const staffTotal = costed.staff.reduce((sum, s) => sum + s.costPence, 0);
  const row = ws.getRow(r);
  row.getCell(1).value = t('export.staffing.total');
  if (last >= 4) moneyFormula(ws, ctx, `I${r}`, `SUM(I4:I${last})`, staffTotal, 'staffing: total cost of staff time');
  else money(row.getCell(9), 0);
  styleRow(row, cols.length, { bold: true, fill: TOTAL_FILL, border: THIN_TOP });
  // The total with the row above it and the key below it: neither alone at the top of a page.
  const keyEnd = writeCellKey(ws, ctx, r + 2);
  keepTogether(ws, r - 1, keyEnd - 1);
  ws.pageSetup.printArea = `A1:${L(cols.length)}${keyEnd - 1}`;
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: Math.max(4, last), column: cols.length } };
  printSetup(ws, ctx, 3);
  // The hours columns are wider than their figures, so each heading's wrapped lines have room either side.
  fitColumns(ws, 4, cols.length, 8, 48, { 3: 12, 4: 14, 5: 14, 6: 9 });
  ws.getColumn(7).width = (ws.getColumn(7).width ?? 8) + 2; // and room for the allocation's indent
  fitRowHeights(ws, 3);
}

/** Excel's longest formula, and most arguments to a function: a person whose busiest-week formula would pass either keeps Mapio's figures. */
const MAX_FORMULA_LENGTH = 8_000;
const MAX_ARGUMENTS = 255;

/**
 * A person's busiest week as one number, peak × 1000 + (999 − week): their hundredths of a minute in each
 * week a run of theirs starts (their time only rises at such a week), each the sum over the map's rows
 * they work on that have started by then and not ended (week < start + weeks, the weeks an input), and
 * the greatest of them, the earliest week winning a tie, as the engine's sweep finds it. 0 when they have
 * no time. The start weeks are Mapio's, written into the formula. Null when there is no such formula.
 */
function peakFormula(ctx: SheetContext, mapCells: MapCells, staffId: number, allocation: StaffAllocation | undefined): ExcelJS.CellFormulaValue | null {
  const rows = (mapCells.staffRows.get(staffId) ?? []).map((x) => ({ ...x, start: mapCells.startWeek.get(x.row) as number }));
  if (rows.some((x) => !Number.isSafeInteger(x.start) || x.start > 998)) return null;
  const weeks = [...new Set(rows.map((x) => Math.max(1, x.start)))].sort((a, b) => a - b);
  const onMap = (col: number, row: number): string => ref(ctx.names.map, `${L(col)}${row}`);
  const candidates = weeks.map((w) => {
    const terms = rows.filter((x) => Math.max(1, x.start) <= w).map((x) => `${x.count === 1 ? '' : `${x.count}*`}(${w}<${x.start}+${onMap(M.weeks, x.row)})*${onMap(M.weeklyMinutes, x.row)}`);
    return `(${terms.join('+')})*1000+${999 - w}`;
  });
  const formula = `MAX(0,${candidates.join(',')})`;
  if (formula.length > MAX_FORMULA_LENGTH || weeks.length + 1 > MAX_ARGUMENTS) return null;
  // The cached result, from the engine's figures (its peak to the minute, its week), so the cells that read it
  // (hours, week, words) show the engine's; a recalculation works the hundredths out from the map.
  const result = allocation && allocation.peakWeek !== null ? Math.round(allocation.peakAllocatedMinutesPerWeek * 100) * 1000 + 999 - allocation.peakWeek : 0;
  return { formula, result };
}

// ── Learners ─────────────────────────────────────────────────────────────────────────────────────
