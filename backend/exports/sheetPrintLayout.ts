/**
 * How a table sheet prints on A4 (docs/authority-return.md, "Printing"): headings wrap within their
 * columns and their row is made tall enough for the wrapped lines (so they never run over the first row
 * of figures); every column is at least as wide as its heading's longest word and its widest number (so
 * no word is cut and no "###" is printed); a sheet that fits one page across at 75% or more is fitted to
 * one page wide, and a wider one prints at 80% across as many pages as it needs, the columns that name
 * the school (its first, or as many leading columns as the sheet says identify a row: a number and a name)
 * repeated on each, so a row on any page says whose it is and the text is never smaller than about 8 pt. Headings are shaded and ruled
 * apart, as the governors' workbook's are, so two narrow headings side by side never read as one.
 */
import type ExcelJS from 'exceljs';
import { FOOTER_LINE_POINTS, HEADER_FILL, footerLeft, footerText } from './sheetLayout';
import { LINE_POINTS, type WrappedCell, wrappedLineCount, wrappedRowNeeds } from './textLines';

/** A heading cell's rules: a line under the headings and a light one between columns. */
const HEADING_BORDER: Partial<ExcelJS.Borders> = { bottom: { style: 'thin' }, right: { style: 'thin', color: { argb: 'FFA6A6A6' } } };

/** A4 (ExcelJS paper size 9). */
export const A4 = 9;
/** Calibri 11 at 75% is 8.25 pt: the smallest a sheet is shrunk to fit one page across. */
const LEAST_FIT_SCALE = 0.75;
/** A wider sheet prints across pages at this scale (8.8 pt). */
const ACROSS_PAGES_SCALE = 80;
/** Printable width of landscape and portrait A4 with 0.7-inch side margins, in pixels at 96 dpi. */
const PRINTABLE_PX = { landscape: Math.floor((11.69 - 1.4) * 96), portrait: Math.floor((8.27 - 1.4) * 96) };
/** A bold heading character is about this many column-width units: a column is widened to its heading's longest word by it. */
const BOLD_CHAR = 1.15;
const columnPx = (width: number) => Math.floor(width * 7 + 5);

/** Width a cell's indent takes from its column, in column units: each level is three spaces (ECMA-376), taken generously. */
const INDENT_UNITS = 2;

/** How a number prints with the column's format: its length in characters. */
function printedLength(value: number, numFmt: string | undefined): number {
  const grouped = (n: number, places: number) => Math.abs(n).toLocaleString('en-GB', { minimumFractionDigits: places, maximumFractionDigits: places }).length + (n < 0 ? 1 : 0);
  if (numFmt?.includes('%')) return grouped(value * 100, 2) + 1;
  if (numFmt?.includes('£')) return grouped(value, numFmt.includes('.00') ? 2 : numFmt.includes('.0') ? 1 : 0) + 1;
  if (numFmt?.includes('.0')) return grouped(value, numFmt.includes('.00') ? 2 : 1);
  if (numFmt?.includes('#,##0')) return grouped(value, 0);
  return String(value).length;
}

/**
 * Widen columns for their heading words and numbers, set the heading row's height for its wrapped lines,
 * and choose how the sheet prints across A4 pages. `repeatColumns`: how many leading columns identify a row
 * and repeat on every page a wide sheet prints across (1 unless said).
 */
export function layOutForPrint(sheet: ExcelJS.Worksheet, options: { headingRow?: number; orientation: 'landscape' | 'portrait'; repeatColumns?: number }): void {
  const headingRow = options.headingRow ?? 1;
  const heading = sheet.getRow(headingRow);
  const count = sheet.columnCount;
  let lines = 1;
  for (let c = 1; c <= count; c += 1) {
    const column = sheet.getColumn(c);
    const text = String(heading.getCell(c).value ?? '');
    const longestWord = Math.max(0, ...text.split(/\s+/).map((w) => w.length));
    let width = Math.max(column.width ?? 9, Math.ceil(longestWord * BOLD_CHAR) + 2);
    column.eachCell({ includeEmpty: false }, (cell, rowNumber) => {
      if (rowNumber <= headingRow || typeof cell.value !== 'number') return;
      width = Math.max(width, Math.ceil(printedLength(cell.value, cell.numFmt) * 1.1) + 3);
    });
    column.width = width;
    lines = Math.max(lines, wrappedLineCount(text, width, { bold: true }));
    const cell = heading.getCell(c);
    cell.fill = HEADER_FILL;
    cell.border = HEADING_BORDER;
  }
  heading.alignment = { wrapText: true, vertical: 'top' };
  heading.height = lines * LINE_POINTS + 3;

  let total = 0;
  for (let c = 1; c <= count; c += 1) total += columnPx(sheet.getColumn(c).width ?? 9);
  const printable = PRINTABLE_PX[options.orientation];
  const setup: Partial<ExcelJS.PageSetup> = { paperSize: A4, orientation: options.orientation, printTitlesRow: `${headingRow}:${headingRow}`, fitToHeight: 0 };
  if (total <= printable / LEAST_FIT_SCALE) Object.assign(setup, { fitToPage: true, fitToWidth: 1 });
  else {
    Object.assign(setup, { fitToPage: false, scale: ACROSS_PAGES_SCALE });
    const repeated = options.repeatColumns ?? 1;
    if (repeated > 0) setup.printTitlesColumn = `A:${sheet.getColumn(repeated).letter}`;
  }
  Object.assign(sheet.pageSetup, setup);
}

/**
 * A column prints up to this much wider than `columnPx` says: LibreOffice without Calibri (or a metric
 * twin) measures column widths in its stand-in font's wider digits, about 1.3 times Calibri's.
 */
const WIDER_FONT = 1.3;

/**
 * How many leading columns surely print on a sheet's first page across, as `layOutForPrint` set it to
 * print: all of them when it is fitted to one page wide, else as many as fit at its scale even in a wider
 * font. A sentence merged across no more than these is never cut at a page's edge.
 */
export function columnsOnFirstPage(sheet: ExcelJS.Worksheet): number {
  const count = sheet.columnCount;
  if (sheet.pageSetup.fitToPage) return count;
  const printable = PRINTABLE_PX[sheet.pageSetup.orientation === 'landscape' ? 'landscape' : 'portrait'];
  const scale = ((sheet.pageSetup.scale ?? 100) / 100) * WIDER_FONT;
  let used = 0;
  for (let c = 1; c <= count; c += 1) {
    used += columnPx(sheet.getColumn(c).width ?? 9) * scale;
    if (used > printable) return Math.max(1, c - 1);
  }
  return count;
}

/**
 * Text below the heading wraps within its column, in a row made tall enough for its wrapped lines (the
 * same estimate as the heading's, which never falls short, less the width a cell's indent takes), so a
 * long name is never cut off by the column beside it or the row below. The `rightAligned` columns (figures, and counts that may be words: "fewer than 5") read
 * right-aligned, so a count in words never runs into the figure beside it; headings stay as the sheet's
 * others are.
 */
export function wrapTextInRows(sheet: ExcelJS.Worksheet, options: { headingRow?: number; rightAligned?: readonly number[] } = {}): void {
  const headingRow = options.headingRow ?? 1;
  const right = new Set(options.rightAligned ?? []);
  sheet.eachRow((row) => {
    if (row.number <= headingRow) return;
    const wrapped: WrappedCell[] = [];
    row.eachCell((cell, c) => {
      // Every cell of the row at its top, figures too, so a tall row still reads across as one line.
      const isText = typeof cell.value === 'string';
      cell.alignment = { ...cell.alignment, vertical: 'top', ...(isText ? { wrapText: true } : {}), ...(right.has(c) ? { horizontal: 'right' } : {}) };
      const width = (sheet.getColumn(c).width ?? 9) - (cell.alignment?.indent ?? 0) * INDENT_UNITS;
      if (isText) wrapped.push({ text: cell.text, width, font: { bold: cell.font?.bold, size: cell.font?.size } });
    });
    const { lines, points } = wrappedRowNeeds(wrapped);
    if (lines > 1) row.height = Math.max(row.height ?? 0, points);
  });
}

/**
 * Every printed page says whose document it is, which sheet and which page: `title` at the left (the
 * return's or the comparison's title, cut with "…" where it would reach the right's words), the sheet's
 * name and "Page 2 of 5" (`pageWords`, with Excel's &P and &N) at the right. A sheet whose first row is its table's headings (the return's lines, the
 * comparison's schools) printed pages that named neither the school nor the document.
 */
export function pageFooter(sheet: ExcelJS.Worksheet, title: string, pageWords: string): void {
  // The sheet's name with the page at the right; the title cut to the rest of the line, so a long school name never runs under them.
  const right = `${footerText(sheet.name)} · ${pageWords}`;
  const footer = `&L${footerLeft(title, FOOTER_LINE_POINTS[sheet.pageSetup.orientation ?? 'portrait'], right)}&R${right}`;
  sheet.headerFooter = { ...sheet.headerFooter, oddFooter: footer, evenFooter: footer };
}
