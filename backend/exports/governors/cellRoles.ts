/**
 * What each cell of the governors' workbook is, shown on the sheet: an input the governor may change
 * (shaded, unlocked), a figure Mapio calculated that no formula here can repeat (grey italics), or text
 * the school typed (held as text, so editing it can never turn it into a formula). Every other figure is
 * a live formula. The sheets are protected without a password, so only the inputs take a typed value.
 */
import type ExcelJS from 'exceljs';
import type { TFunction } from '../../../shared/i18n';

export const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
export const MAPIO_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF595959' } };
/** Excel's Text number format: what is typed into the cell stays text, even "=…". */
export const TEXT_FORMAT = '@';

/** A cell the governor may change: shaded and unlocked on the protected sheet. */
export function markInput(cell: ExcelJS.Cell): void {
  cell.fill = INPUT_FILL;
  cell.protection = { locked: false };
}

/** A figure Mapio calculated (not a formula here): grey italics, as the sheet's key says. */
export function markMapioValue(cell: ExcelJS.Cell): void {
  cell.font = { ...(cell.font ?? {}), ...MAPIO_FONT };
}

/** Text the school typed, written so that a spreadsheet keeps it as text (never a formula) even when edited. */
export function typedText(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  cell.numFmt = TEXT_FORMAT;
}

/** The key to a sheet's cells, two rows from `row` down: inputs, then Mapio's figures. Returns the next free row. */
export function writeCellKey(ws: ExcelJS.Worksheet, ctx: { t: TFunction }, row: number): number {
  const input = ws.getCell(row, 1);
  input.value = ctx.t('export.key.input');
  input.fill = INPUT_FILL;
  const mapio = ws.getCell(row + 1, 1);
  mapio.value = ctx.t('export.key.mapio');
  markMapioValue(mapio);
  const formula = ws.getCell(row + 2, 1);
  formula.value = ctx.t('export.key.formula');
  // Not wrapped in the first column (narrow on a wide sheet, where the key read five words a line): the
  // print pass (sheetPrint.ts) wraps each across the empty cells beside it.
  for (const cell of [input, mapio, formula]) cell.alignment = { ...cell.alignment, wrapText: false };
  return row + 3;
}

/** Protect every sheet with no password: formulas and Mapio's figures locked, the inputs (unlocked) editable. */
export function protectSheets(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((ws) => {
    // exceljs sets the protection at once; the promise only matters for a password's hash.
    void ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: true });
  });
}
