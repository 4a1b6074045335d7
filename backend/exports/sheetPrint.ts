/**
 * The last pass over each sheet of the governors' workbook before it is written, so it prints
 * (docs/exports.md, "Printing the workbook"):
 * - figures: a column is never narrower than its widest figure as formatted (so £10m never shows "###");
 * - text: a cell whose text is wider than its column wraps, across the empty cells to its right when
 *   the rest of its row is empty (titles and notes), and its row grows to hold the lines; a column is
 *   widened to its longest word while the sheet has room, so words break between, not inside;
 * - paper: A4, one page wide (as many pages down as it takes), portrait when the sheet fits across it at
 *   9 pt or more, otherwise landscape; wide text columns are narrowed (their text wraps) until the sheet
 *   prints at 8 pt or more;
 * - pages: each ends at a manual break placed so no table the sheet asked to keep together
 *   (keepTogether: a table with its heading) is split across two.
 *
 * Widths are Excel's: a column of width w is w × 7 + 5 pixels at 96 dpi in the default 11 pt font.
 */
import type ExcelJS from 'exceljs';
import { formatPounds } from '../../shared/money';
import { MONEY_FORMAT, widthFor } from './sheetLayout';
import { type WrappedCell, wrappedRowNeeds } from './textLines';

const A4_POINTS = { portrait: 595.3, landscape: 841.9 } as const;
const BASE_FONT = 11;
/** The smallest size text may print at, and the size at which portrait is still chosen. */
const MIN_PRINT_PT = 8;
const PORTRAIT_PT = 9;
/** Text columns are never narrowed below this when a wide sheet is brought up to 8 pt. */
const NARROWEST_TEXT_COLUMN = 12;
/** Words up to this many characters are kept whole where the sheet has room (see widenForWords). */
const LONGEST_WORD_KEPT_WHOLE = 20;

const columnPoints = (width: number | undefined): number => ((width ?? 9) * 7 + 5) * 0.75;

/** What a cell shows, as text: a formula by its result, money as it is formatted. */
export function shownText(cell: ExcelJS.Cell): string {
  let v: unknown = cell.value;
  if (v !== null && typeof v === 'object' && 'formula' in v) v = (v as ExcelJS.CellFormulaValue).result;
  if (v !== null && typeof v === 'object' && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((p) => p.text).join('');
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (cell.numFmt === MONEY_FORMAT) return formatPounds(Math.round(v * 100));
    if (cell.numFmt === '#,##0') return Math.round(v).toLocaleString('en-GB');
    return String(Math.round(v * 100) / 100);
  }
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/**
 * How many column-width units a cell's text needs on one line (bold and larger type are wider). A unit
 * is the width of a digit; in a figure, the separators (, and .) are about half of one.
 */
function unitsNeeded(cell: ExcelJS.Cell, text: string): number {
  const size = (cell.font?.size ?? BASE_FONT) / BASE_FONT;
  const characters = isFigure(cell) ? text.replace(/[,.]/g, '').length + (text.length - text.replace(/[,.]/g, '').length) / 2 : text.length;
  return characters * size * (cell.font?.bold ? 1.1 : 1) + 1;
}

const isFigure = (cell: ExcelJS.Cell): boolean => {
  let v: unknown = cell.value;
  if (v !== null && typeof v === 'object' && 'formula' in v) v = (v as ExcelJS.CellFormulaValue).result;
  return typeof v === 'number';
};

/**
 * The width the longest word of a cell's wrapped text needs (0 for figures, unwrapped and empty cells).
 * A word longer than LONGEST_WORD_KEPT_WHOLE characters (a web address, a name without spaces) may break.
 */
export function longestWordUnits(cell: ExcelJS.Cell): number {
  if (isFigure(cell) || !cell.alignment?.wrapText) return 0;
  const words = shownText(cell)
    .split(/\s+/)
    .filter((word) => word !== '' && word.length <= LONGEST_WORD_KEPT_WHOLE);
  return words.length === 0 ? 0 : Math.max(...words.map((word) => unitsNeeded(cell, word)));
}

/** True when a cell's wrapped text breaks only between words ("disgwyliedig" is never split "disgwyliedi" / "g"). */
export function wordsFit(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): boolean {
  if (cell.isMerged && cell.master !== cell) return true;
  return longestWordUnits(cell) <= widthFor(ws, cell);
}

/** True when a cell's text is seen whole: it fits its width, or (text, not figures) it wraps. */
export function textFits(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): boolean {
  if (cell.isMerged && cell.master !== cell) return true;
  const text = shownText(cell);
  if (text === '') return true;
  if (!isFigure(cell) && cell.alignment?.wrapText) return true;
  return unitsNeeded(cell, text) <= widthFor(ws, cell);
}

/**
 * The last column and row of the sheet's print area, if it has one: "A1:Q49", or written absolute as Excel
 * and ExcelJS write it ("A$1:E$12", "$A$1:$E$12").
 */
function printAreaEnd(ws: ExcelJS.Worksheet): { column: number; row: number } | null {
  const area = ws.pageSetup.printArea;
  const match = typeof area === 'string' ? /^\$?[A-Z]+\$?\d+:\$?([A-Z]+)\$?(\d+)$/.exec(area) : null;
  if (!match) return null;
  return { column: [...(match[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0), row: Number(match[2]) };
}

/** The columns that print: the print area's, or every column used. */
export function printedColumns(ws: ExcelJS.Worksheet): number {
  return printAreaEnd(ws)?.column ?? ws.columnCount;
}

/** How much a sheet is scaled to fit one page wide on its paper and orientation (1 = full size). */
export function printScale(ws: ExcelJS.Worksheet, orientation = ws.pageSetup.orientation ?? 'portrait'): number {
  const margins = ws.pageSetup.margins ?? { left: 0.7, right: 0.7 };
  const printable = A4_POINTS[orientation] - (margins.left + margins.right) * 72;
  let sheet = 0;
  for (let c = 1; c <= printedColumns(ws); c++) sheet += columnPoints(ws.getColumn(c).width);
  return Math.min(1, printable / sheet);
}

/**
 * Rows tall enough for their wrapped text, counted from Calibri's widths (textLines.ts), merged ranges
 * at their full width; never lower than set.
 */
function growRowsForWrappedText(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row) => {
    const wrapped: WrappedCell[] = [];
    row.eachCell((cell) => {
      if (!cell.alignment?.wrapText || (cell.isMerged && cell.master !== cell) || isFigure(cell)) return;
      const text = shownText(cell);
      if (text === '') return;
      wrapped.push({ text, width: widthFor(ws, cell), font: { bold: cell.font?.bold, size: cell.font?.size } });
    });
    const { lines, points: needed } = wrappedRowNeeds(wrapped);
    if (lines > 1 && (row.height === undefined || row.height < needed)) row.height = needed;
    // Figures beside wrapped text sit on its first line, not its last.
    if (lines > 1 && Number(row.number) > headerRows(ws)) row.eachCell((cell) => (cell.alignment = { ...(cell.alignment ?? {}), vertical: 'top' }));
  });
}

/** Make every text cell fit: wrap it, across the empty cells to its right when there are any. */
function wrapWideText(ws: ExcelJS.Worksheet, lastColumn: number): void {
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      const col = Number(cell.col);
      if (textFits(ws, cell) || isFigure(cell) || col > lastColumn) return;
      let restEmpty = col < lastColumn;
      for (let c = col + 1; c <= lastColumn; c++) if (row.getCell(c).value !== null || row.getCell(c).isMerged) restEmpty = false;
      if (restEmpty) ws.mergeCells(Number(row.number), col, Number(row.number), lastColumn);
      cell.alignment = { ...(cell.alignment ?? {}), wrapText: true, vertical: 'top' };
    });
  });
}

/** Columns at least as wide as their widest figure (a figure cannot wrap: too narrow, it prints "###"). */
function widenForFigures(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (!isFigure(cell) || (cell.isMerged && cell.master !== cell)) return;
      const needed = unitsNeeded(cell, shownText(cell)) + 1;
      const column = ws.getColumn(cell.col);
      if ((column.width ?? 9) < needed) column.width = Math.ceil(needed);
    }),
  );
}

/** The last of the header rows repeated on every page (0 when none). */
function headerRows(ws: ExcelJS.Worksheet): number {
  const match = /^\d+:(\d+)$/.exec(ws.pageSetup.printTitlesRow ?? '');
  return match ? Number(match[1]) : 0;
}

/**
 * Bring a wide sheet up to 8 pt: first columns of figures down to their widest figure (and their
 * heading's longest word), then the widest wrapped-text columns, a character at a time.
 */
function narrowColumns(ws: ExcelJS.Worksheet, lastColumn: number): void {
  const header = headerRows(ws);
  const wrapping: number[] = [];
  for (let c = 1; c <= lastColumn; c++) {
    let wraps = false;
    let text = false;
    let need = 4;
    ws.getColumn(c).eachCell((cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      const shown = shownText(cell);
      if (Number(cell.row) === header) need = Math.max(need, ...shown.split(/\s+/).map((word) => unitsNeeded(cell, word) + 1));
      else if (Number(cell.row) > header && isFigure(cell)) need = Math.max(need, unitsNeeded(cell, shown) + 1);
      else if (Number(cell.row) > header && shown !== '') {
        text = true;
        if (cell.alignment?.wrapText) wraps = true;
      }
    });
    if (wraps) wrapping.push(c);
    if (!text && (ws.getColumn(c).width ?? 9) > need) ws.getColumn(c).width = Math.ceil(need);
  }
  while (printScale(ws) * BASE_FONT < MIN_PRINT_PT) {
    const widest = wrapping.filter((c) => (ws.getColumn(c).width ?? 9) > NARROWEST_TEXT_COLUMN).sort((a, b) => (ws.getColumn(b).width ?? 9) - (ws.getColumn(a).width ?? 9))[0];
    if (widest === undefined) return;
    ws.getColumn(widest).width = (ws.getColumn(widest).width ?? 9) - 1;
  }
}

/** The smallest size a sheet may print at in its orientation: 9 pt across portrait, 8 pt across landscape. */
const smallestPrint = (ws: ExcelJS.Worksheet): number => (ws.pageSetup.orientation === 'portrait' ? PORTRAIT_PT : MIN_PRINT_PT);

/**
 * Columns widened to the longest word of their wrapped text (a heading's above all), so no word breaks
 * across lines, each only while the sheet still prints at its smallest size or larger: on a sheet already
 * at 8 pt, such as a wide provision map, a long word in a narrow column still breaks, as text at a readable
 * size comes first.
 */
function widenForWords(ws: ExcelJS.Worksheet, lastColumn: number): void {
  // How much wider each column must be; a cell merged across columns counts their widths together and widens its first.
  const short = new Map<number, number>();
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const col = Number(cell.col);
      if (col > lastColumn || (cell.isMerged && cell.master !== cell)) return;
      short.set(col, Math.max(short.get(col) ?? 0, longestWordUnits(cell) - widthFor(ws, cell)));
    }),
  );
  for (const [col, by] of short) {
    if (by <= 0) continue;
    const column = ws.getColumn(col);
    const was = column.width ?? 9;
    column.width = Math.ceil(was + by);
    if (printScale(ws) * BASE_FONT < smallestPrint(ws)) column.width = was;
  }
}

/** Rows to print on one page, by sheet: each a table with its heading (keepTogether). */
const keptTogether = new WeakMap<ExcelJS.Worksheet, Array<{ first: number; last: number }>>();

/**
 * Print rows `first`..`last` (a table with its heading, through its total) on one page: the print pass
 * starts a new page before them when they would not fit on what is left of the page. Rows longer than a
 * page (a tier of many lines) start where their first two fit, and never leave their last row alone.
 */
export function keepTogether(ws: ExcelJS.Worksheet, first: number, last: number): void {
  if (last > first) keptTogether.set(ws, [...(keptTogether.get(ws) ?? []), { first, last }]);
}

const A4_HEIGHT_POINTS = { portrait: 841.9, landscape: 595.3 } as const;
/** The height of a row with none set, in the 11 pt font: the file's default row height, in Excel and LibreOffice alike. */
const DEFAULT_ROW_POINTS = 15;
/** The part of a page's height the rows are given: the rest covers a scale or row a little larger than estimated. */
const PAGE_FILL = 0.95;

type ManualBreak = { id: number; max: number; min?: number; man: number };
const rowBreaks = (ws: ExcelJS.Worksheet): ManualBreak[] => (ws as unknown as { rowBreaks: ManualBreak[] }).rowBreaks;

/** How tall a row prints, in the sheet's points: its set height, or the height a spreadsheet gives its largest font. */
export function rowPoints(ws: ExcelJS.Worksheet, r: number): number {
  const row = ws.findRow(r);
  if (!row) return DEFAULT_ROW_POINTS;
  if (row.hidden) return 0;
  if (row.height) return row.height;
  let size = BASE_FONT;
  row.eachCell((cell) => (size = Math.max(size, cell.font?.size ?? BASE_FONT)));
  return Math.max(DEFAULT_ROW_POINTS, Math.ceil(size * 1.34));
}

/**
 * The height a page holds below the repeated title rows, in the sheet's points at its print scale: fitted
 * one page wide, or, a sheet set to print at a fixed scale across pages (a wide sheet of the authority
 * comparison), that scale.
 */
export function pagePoints(ws: ExcelJS.Worksheet): number {
  const margins = ws.pageSetup.margins ?? { top: 0.75, bottom: 0.75 };
  const body = (A4_HEIGHT_POINTS[ws.pageSetup.orientation ?? 'portrait'] - (margins.top + margins.bottom) * 72) * PAGE_FILL;
  let titles = 0;
  for (let r = 1; r <= headerRows(ws); r++) titles += rowPoints(ws, r);
  const scale = ws.pageSetup.fitToPage ? printScale(ws) : (ws.pageSetup.scale ?? 100) / 100;
  return body / scale - titles;
}

/** The last row that prints: the print area's, or the sheet's last. */
function printedRows(ws: ExcelJS.Worksheet): number {
  return printAreaEnd(ws)?.row ?? ws.rowCount;
}

/**
 * Manual page breaks, so no table is split from its heading (keepTogether): the pages are laid out row by
 * row at the sheet's print scale with each row's height (a spreadsheet that prints smaller only leaves
 * more room), and every page ends at a break of its own, so the spreadsheet's own breaks never fall
 * inside a table. A break the sheet already has (before the Summary's chart) starts a page too.
 *
 * The last step of fitSheetForPrint; a sheet laid out for print by other means (the authority return's,
 * backend/returns/returnWorkbook.ts) calls it on its own, once its columns, rows and page set-up are final.
 */
export function breakPagesBetweenTables(ws: ExcelJS.Worksheet): void {
  const blocks = [...(keptTogether.get(ws) ?? [])].sort((a, b) => a.first - b.first);
  const first = headerRows(ws) + 1;
  const last = printedRows(ws);
  const page = pagePoints(ws);
  const breaks = new Set(rowBreaks(ws).map((b) => b.id));
  const height = (from: number, to: number): number => {
    let sum = 0;
    for (let r = from; r <= to; r++) sum += rowPoints(ws, r);
    return sum;
  };
  let used = 0;
  /** A page ends after row `r`; the next starts with `carried` points of rows already on it. */
  const breakAfter = (r: number, carried = 0): void => {
    if (r >= first && !breaks.has(r)) {
      breaks.add(r);
      ws.getRow(r).addPageBreak();
    }
    used = carried;
  };
  let r = first;
  while (r <= last) {
    const block = blocks.find((b) => b.first === r);
    const end = Math.min(block?.last ?? r, last);
    const h = height(r, end);
    if (used + h <= page) used += h;
    else if (h <= page) breakAfter(r - 1, h);
    else {
      // Longer than a page: its heading and first row together, then row by row, its last row never alone.
      if (used > 0 && used + height(r, Math.min(r + 1, end)) > page) breakAfter(r - 1);
      for (let k = r; k <= end; k++) {
        const rowHeight = rowPoints(ws, k);
        if (used > 0 && used + rowHeight > page) {
          const at = k === end && k - 1 > r + 1 ? k - 1 : k;
          breakAfter(at - 1, height(at, k));
        } else used += rowHeight;
        if (breaks.has(k) && k < end) used = 0;
      }
    }
    if (breaks.has(end)) used = 0;
    r = end + 1;
  }
  rowBreaks(ws).sort((a, b) => a.id - b.id);
}

/** Prepare a finished sheet for print (see the file comment). Run once, after the sheet is written. */
export function fitSheetForPrint(ws: ExcelJS.Worksheet): void {
  const lastColumn = printedColumns(ws);
  widenForFigures(ws);
  ws.pageSetup.orientation = printScale(ws, 'portrait') * BASE_FONT >= PORTRAIT_PT ? 'portrait' : 'landscape';
  if (ws.pageSetup.orientation === 'landscape' && printScale(ws) * BASE_FONT < MIN_PRINT_PT) {
    // A wide sheet gains a little on the narrower side margins before any column is narrowed.
    ws.pageSetup.margins = { ...(ws.pageSetup.margins ?? { top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 }), left: 0.25, right: 0.25 };
    ws.pageSetup.horizontalCentered = false;
    narrowColumns(ws, lastColumn);
  }
  wrapWideText(ws, lastColumn);
  widenForWords(ws, lastColumn);
  growRowsForWrappedText(ws);
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = 1;
  ws.pageSetup.fitToHeight = 0;
  ws.pageSetup.paperSize = 9 as ExcelJS.PageSetup['paperSize'];
  breakPagesBetweenTables(ws);
}
