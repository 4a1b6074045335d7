/**
 * Layout every sheet of Mapio's workbooks shares: money cells in pounds, formulas that carry the
 * engine's figure as their cached result (and are recorded for the LibreOffice proof), header and
 * title rows, print set-up (A4, fit to width, repeated headers, footer with the school and page x of y),
 * frozen panes, and column widths and row heights that fit their text.
 */
import type ExcelJS from 'exceljs';
import type { SchoolYear } from '../../shared/domain';
import type { TFunction } from '../../shared/i18n';
import { formatPounds } from '../../shared/money';
import { textPoints, type WrappedCell, wrappedRowNeeds } from './textLines';

/** A formula cell and the engine's figure it must compute to (in pence): what the proof test checks. */
export interface CheckedFigure {
  sheet: string;
  /** A1 address, e.g. "O12". */
  cell: string;
  pence: number;
  /** What the figure is, for a failing test's message. */
  what: string;
}

/** What the shared layout needs from a sheet's context. */
export interface SheetFrame {
  t: TFunction;
  data: SchoolYear;
  figures: CheckedFigure[];
}

export const MONEY_FORMAT = '"£"#,##0.00;-"£"#,##0.00';
/** Money where a shortfall must stand out: negatives in red, with their minus sign (never red alone). */
export const SIGNED_MONEY_FORMAT = '"£"#,##0.00;[Red]-"£"#,##0.00';
/** Hours as hours and minutes ("32:30"): a spreadsheet holds a duration as a fraction of a day (`duration`). */
export const HOURS_FORMAT = '[h]:mm';
/** Minutes as the spreadsheet's duration value, shown with HOURS_FORMAT. */
export const duration = (minutes: number): number => minutes / 1440;
/** Minutes as HOURS_FORMAT shows them, with a minus sign for a shortfall ("-3:15"): a sheet cannot show a negative duration. */
export const hoursText = (minutes: number): string => `${minutes < 0 ? '-' : ''}${Math.floor(Math.abs(minutes) / 60)}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F0' } };
export const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
export const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4D6' } };
export const THIN_TOP: Partial<ExcelJS.Borders> = { top: { style: 'thin' } };

export const pounds = (pence: number): number => pence / 100;
export const colour = (rgb: number): string => `FF${rgb.toString(16).padStart(6, '0').toUpperCase()}`;
/** A sheet name inside a formula: always quoted, quotes doubled. */
export const ref = (sheet: string, cell: string): string => `'${sheet.replace(/'/g, "''")}'!${cell}`;
/** Footer text: "&" starts a code in Excel headers, so a literal one is doubled. */
export const footerText = (text: string): string => text.replace(/&/g, '&&');

/** A4's width less 0.7-inch side margins (the widest a sheet is given), in points: a footer's line on a page either way up. */
export const FOOTER_LINE_POINTS = { portrait: (8.27 - 1.4) * 72, landscape: (11.69 - 1.4) * 72 } as const;
/** Room kept between a footer's parts, in points (about four characters). */
const FOOTER_GAP_POINTS = 20;
/** A footer's page words as wide as they print: "&P" and "&N" as two digits each, "&&" as one "&". */
const footerShown = (codes: string): string => codes.replace(/&[PN]/g, '99').replace(/&&/g, '&');

/**
 * The school's or document's name for the left of a footer, cut at a word with "…" where it would run
 * into the footer's right part (`right`, with its codes) on a `line` points long, set in Calibri 11 as
 * footers are (a print scale that shrinks the page only leaves more room). A school's
 * name of two hundred characters ran under "Page 1 of 9" ("Dysgu Page 1 of 9" printed over each other).
 * Returned with "&" doubled, ready for the footer.
 */
export function footerLeft(text: string, line: number, right: string): string {
  const room = line - textPoints(footerShown(right)) - FOOTER_GAP_POINTS;
  if (textPoints(text) <= room) return footerText(text);
  const words = text.split(' ');
  let cut = '';
  for (const word of words) {
    const longer = cut ? `${cut} ${word}` : word;
    if (textPoints(`${longer}…`) > room) break;
    cut = longer;
  }
  // A first word wider than the room (a place name) is cut between its letters.
  if (!cut) for (const ch of text) if (textPoints(`${cut}${ch}…`) <= room) cut += ch;
  return footerText(`${cut.replace(/[\s,;:–-]+$/u, '')}…`);
}

export function money(cell: ExcelJS.Cell, pence: number | null): void {
  cell.value = pence === null ? null : pounds(pence);
  cell.numFmt = MONEY_FORMAT;
}

/** A money formula with the engine's figure as its cached result; recorded for the proof when `what` is given. */
export function moneyFormula(ws: ExcelJS.Worksheet, ctx: SheetFrame, address: string, formula: string, pence: number, what?: string): void {
  const cell = ws.getCell(address);
  cell.value = { formula, result: pounds(pence) };
  cell.numFmt = MONEY_FORMAT;
  if (what !== undefined) ctx.figures.push({ sheet: ws.name, cell: address, pence, what });
}

/** A column heading's rules: a line under the headings and a light one between columns. */
export const HEADING_BORDER: Partial<ExcelJS.Borders> = { bottom: { style: 'thin' }, right: { style: 'thin', color: { argb: 'FFA6A6A6' } } };

/**
 * A table's column headings: bold, shaded, wrapped, ruled apart, so two narrow headings side by side,
 * each wrapped to the full width of its column, never read as one ("Contracted hours a week hours a week").
 */
export function headerRow(ws: ExcelJS.Worksheet, rowNumber: number, labels: string[]): void {
  const row = ws.getRow(rowNumber);
  labels.forEach((label, i) => {
    const cell = row.getCell(i + 1);
    cell.value = label;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'bottom', horizontal: i === 0 ? 'left' : 'center' };
    cell.border = HEADING_BORDER;
  });
}

export function titleRows(ws: ExcelJS.Worksheet, title: string, note: string): void {
  const a1 = ws.getCell('A1');
  a1.value = title;
  a1.font = { bold: true, size: 14 };
  const a2 = ws.getCell('A2');
  a2.value = note;
  a2.font = { italic: true, color: { argb: 'FF444444' } };
}

export function styleRow(row: ExcelJS.Row, columns: number, style: { bold?: boolean; fill?: ExcelJS.Fill; border?: Partial<ExcelJS.Borders> }): void {
  for (let c = 1; c <= columns; c++) {
    const cell = row.getCell(c);
    if (style.bold) cell.font = { ...(cell.font ?? {}), bold: true };
    if (style.fill) cell.fill = style.fill;
    if (style.border) cell.border = style.border;
  }
}

/** Print set-up every sheet shares: A4 landscape, fit to one page wide, repeated header rows, footer. */
export function printSetup(ws: ExcelJS.Worksheet, ctx: SheetFrame, titleRowsTo: number): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9 as ExcelJS.PageSetup['paperSize'], // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `1:${titleRowsTo}`,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  // The school's name on one line beside the page words, on a page either way up (the print pass chooses later).
  const footer = `&L${footerLeft(ctx.data.school.name, FOOTER_LINE_POINTS.portrait, ctx.t('export.footerPage'))}&R${ctx.t('export.footerPage')}`;
  ws.headerFooter = { oddFooter: footer, evenFooter: footer };
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: titleRowsTo, topLeftCell: `A${titleRowsTo + 1}`, activeCell: `A${titleRowsTo + 1}` }];
}

/** How wide a cell's text reads, in characters (money as it is formatted, wrapped headers by their longest word). */
export function textWidth(cell: ExcelJS.Cell): number {
  const v = cell.value;
  let shown: unknown = v;
  if (v !== null && typeof v === 'object' && 'formula' in v) shown = (v as ExcelJS.CellFormulaValue).result;
  if (shown === null || shown === undefined) return 0;
  if (typeof shown === 'number') {
    if (cell.numFmt === MONEY_FORMAT) return formatPounds(Math.round(shown * 100)).length + 1;
    return String(Math.round(shown * 100) / 100).length;
  }
  const text = String(shown);
  if (cell.alignment?.wrapText) return Math.max(...text.split(/\s+/).map((w) => w.length), Math.ceil(text.length / 3));
  return text.length;
}

/** The width a cell's text has: its column's, or its merged range's. */
export function widthFor(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): number {
  const row = ws.getRow(Number(cell.row));
  const col = Number(cell.col); // a number at run time, whatever exceljs's types say
  let width = ws.getColumn(col).width ?? 9;
  for (let c = col + 1; c <= ws.columnCount && row.getCell(c).isMerged && row.getCell(c).master === cell; c++) width += ws.getColumn(c).width ?? 9;
  return width;
}

/**
 * Rows tall enough for their wrapped text (LibreOffice and Excel do not grow rows written with text in them),
 * counted from Calibri's widths (textLines.ts); text merged across columns wraps at their width together.
 */
export function fitRowHeights(ws: ExcelJS.Worksheet, fromRow: number): void {
  for (let r = fromRow; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const wrapped: WrappedCell[] = [];
    row.eachCell((cell) => {
      if (!cell.alignment?.wrapText || (cell.isMerged && cell.master !== cell)) return;
      const v = cell.value;
      if (typeof v !== 'string') return;
      wrapped.push({ text: v, width: widthFor(ws, cell), font: { bold: cell.font?.bold, size: cell.font?.size } });
    });
    const { lines, points } = wrappedRowNeeds(wrapped);
    if (lines > 1) {
      row.height = points;
      // Figures beside wrapped text sit on its first line, not its last.
      if (r > fromRow) row.eachCell((cell) => (cell.alignment = { ...(cell.alignment ?? {}), vertical: 'top' }));
    }
  }
}

/** Columns as wide as their contents from `fromRow` down, within [min, max]. */
export function fitColumns(ws: ExcelJS.Worksheet, fromRow: number, columns: number, min = 6, max = 48, fixed: Record<number, number> = {}): void {
  for (let c = 1; c <= columns; c++) {
    if (fixed[c] !== undefined) {
      ws.getColumn(c).width = fixed[c];
      continue;
    }
    let width = min;
    for (let r = fromRow; r <= ws.rowCount; r++) width = Math.max(width, textWidth(ws.getRow(r).getCell(c)) + 2);
    ws.getColumn(c).width = Math.min(max, width);
  }
}
