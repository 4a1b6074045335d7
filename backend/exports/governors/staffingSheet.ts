/** The governors' workbook's Staffing sheet: each person's hourly cost, hours and the cost of their time. */
import type ExcelJS from 'exceljs';
import { duration, HOURS_FORMAT, TOTAL_FILL, THIN_TOP, money, moneyFormula, ref, headerRow, titleRows, styleRow, printSetup, fitRowHeights, fitColumns } from '../sheetLayout';
import type { SchoolYear } from '../../../shared/domain';
import type { SheetContext } from './sheetContext';
import { markInput, markMapioValue, typedText, writeCellKey } from './cellRoles';
import { L, M, type MapCells } from './provisionMapSheet';
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
    hours(5, a?.peakAllocatedMinutesPerWeek ?? 0);
    row.getCell(6).value = a?.peakWeek ?? null;
    for (const col of [4, 5, 6, 7]) markMapioValue(row.getCell(col));
    row.getCell(7).value = a?.overAllocated ? t('export.staffing.overAllocated') : t('export.staffing.withinHours');
    // The peak week is a week number under its heading, the allocation words set in from it: "15" and
    // "Within hours" each read on their own, never as "15 Within hours".
    row.getCell(6).alignment = { horizontal: 'center' };
    row.getCell(7).alignment = { horizontal: 'left', indent: 1 };
    // Over hours in bold red, still in italics: the words are Mapio's, from the hours beside them.
    if (a?.overAllocated) row.getCell(7).font = { bold: true, italic: true, color: { argb: 'FFC00000' } };
    typedText(row.getCell(8), (a?.lineIds ?? []).map((id) => lineName.get(id) ?? String(id)).join('; '));
    row.getCell(8).alignment = { wrapText: true, vertical: 'top' };
    const terms = (mapCells.staffRows.get(s.id) ?? []).map(({ row: mapRow, count }) => `${count === 1 ? '' : `${count}*`}${ref(ctx.names.map, `${L(M.staffMinutes)}${mapRow}`)}`);
    const formula = terms.length > 0 ? `ROUND(ROUND(C${r}*100,0)*ROUND((${terms.join('+')})*100,0)/6000,0)/100` : '0';
    moneyFormula(ws, ctx, `I${r}`, formula, a?.costPence ?? 0, `staffing: cost of ${s.name}’s time`);
    r++;
  }
  const last = r - 1;
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
  keepTogether(ws, r - 1, writeCellKey(ws, ctx, r + 2) - 1);
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: Math.max(4, last), column: cols.length } };
  printSetup(ws, ctx, 3);
  // The hours columns are wider than their figures, so each heading's wrapped lines have room either side.
  fitColumns(ws, 4, cols.length, 8, 48, { 3: 12, 4: 14, 5: 14, 6: 9 });
  ws.getColumn(7).width = (ws.getColumn(7).width ?? 8) + 2; // and room for the allocation's indent
  fitRowHeights(ws, 3);
}

// ── Learners ─────────────────────────────────────────────────────────────────────────────────────
