/**
 * The cells of an unpacked .xlsx, as a reader sees them: each sheet's name, whether it is hidden, and
 * each cell's value (a shared or inline string, a number, a boolean, a formula's stored result) with its
 * number format. Nothing else: no styles beyond the number format, no column widths, no drawings.
 *
 * Why not exceljs, which Mapio writes every workbook with: building its whole workbook model took a
 * school's return 7–8 ms of CPU, most of a return's import, for the few hundred cells the import reads.
 * This reads the same parts (workbook, its relationships, shared strings, styles, worksheets) with saxes,
 * the XML parser exceljs itself uses, in well under a millisecond. Its results are checked against
 * exceljs's reading of the same files in `backend/workbookCells.test.ts`.
 *
 * The part names and elements are those of ECMA-376 (SpreadsheetML); a workbook that lacks them is
 * `WorkbookUnreadable`, and its reader says why in its own words.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export type CellValue = string | number | boolean | null;

export interface CellRead {
  value: CellValue;
  /** The cell's number format code ("£#,##0.00"), if it has one other than General. */
  numFmt?: string;
}

export interface SheetCells {
  name: string;
  /** Hidden or "very hidden": not a sheet a person reads. */
  hidden: boolean;
  /** The last row and column that hold a cell (1-based; 0 for an empty sheet). */
  rowCount: number;
  columnCount: number;
  /** The cell at a row and column (1-based), or undefined when the sheet has none there. */
  cell(row: number, column: number): CellRead | undefined;
}

/** The parts do not make a workbook (a part missing, XML that does not parse). */
export class WorkbookUnreadable extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'WorkbookUnreadable';
  }
}

const RELATIONSHIP_ID = 'r:id';

/** Parse `xml`, calling `open` and `close` for each element and `text` for text inside elements. */
function parseXml(xml: Buffer, name: string, handlers: { open?: (tag: SaxesTagPlain) => void; close?: (tag: SaxesTagPlain) => void; text?: (text: string) => void }): void {
  const parser = new SaxesParser();
  if (handlers.open) parser.on('opentag', handlers.open);
  if (handlers.close) parser.on('closetag', handlers.close);
  if (handlers.text) parser.on('text', handlers.text);
  try {
    parser.write(xml.toString('utf8')).close();
  } catch (error) {
    throw new WorkbookUnreadable(`${name}: ${(error as Error).message}`);
  }
}

const attribute = (tag: SaxesTagPlain, name: string): string | undefined => {
  const value = tag.attributes[name];
  return typeof value === 'string' ? value : undefined;
};

/** A relationship's target as a part name: "worksheets/sheet1.xml" from xl/ is "xl/worksheets/sheet1.xml". */
function partName(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/** "AB12" → row 12, column 28; null when it is not a cell address. */
function decodeAddress(address: string): { row: number; column: number } | null {
  let column = 0;
  let i = 0;
  for (; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else break;
  }
  const row = Number(address.slice(i));
  return column > 0 && i < address.length && Number.isInteger(row) && row > 0 ? { row, column } : null;
}

/** The built-in number formats a workbook names by id alone (ECMA-376 §18.8.30; the locale-neutral ones). */
const BUILT_IN_FORMATS = new Map<number, string>([
  [1, '0'],
  [2, '0.00'],
  [3, '#,##0'],
  [4, '#,##0.00'],
  [9, '0%'],
  [10, '0.00%'],
  [11, '0.00E+00'],
  [12, '# ?/?'],
  [13, '# ??/??'],
  [14, 'mm-dd-yy'],
  [15, 'd-mmm-yy'],
  [16, 'd-mmm'],
  [17, 'mmm-yy'],
  [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'],
  [20, 'h:mm'],
  [21, 'h:mm:ss'],
  [22, 'm/d/yy "h":mm'],
  [37, '#,##0 ;(#,##0)'],
  [38, '#,##0 ;[Red](#,##0)'],
  [39, '#,##0.00 ;(#,##0.00)'],
  [40, '#,##0.00 ;[Red](#,##0.00)'],
  [45, 'mm:ss'],
  [46, '[h]:mm:ss'],
  [47, 'mmss.0'],
  [48, '##0.0E+0'],
  [49, '@'],
]);

/** The built-in number formats that show a date or time (ECMA-376 §18.8.30). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a format code shows a date: d, m, y, h or s outside quoted text, escapes and [colours]. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

interface Styles {
  /** Each cell style's (`s`) number format code, and whether it shows a date. */
  formats: Array<{ code?: string; date: boolean }>;
}

function readStyles(xml: Buffer | undefined): Styles {
  const formats: Styles['formats'] = [];
  if (!xml) return { formats };
  const custom = new Map<number, string>();
  let inCellXfs = false;
  parseXml(xml, 'styles', {
    open: (tag) => {
      if (tag.name === 'numFmt') custom.set(Number(attribute(tag, 'numFmtId')), attribute(tag, 'formatCode') ?? '');
      else if (tag.name === 'cellXfs') inCellXfs = true;
      else if (tag.name === 'xf' && inCellXfs) {
        const id = Number(attribute(tag, 'numFmtId') ?? 0);
        const code = custom.get(id);
        formats.push({ code: code ?? BUILT_IN_FORMATS.get(id), date: code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id) });
      }
    },
    close: (tag) => {
      if (tag.name === 'cellXfs') inCellXfs = false;
    },
  });
  return { formats };
}

/** Shared strings in order; a rich-text string is its runs' text joined (phonetic runs left out). */
function readSharedStrings(xml: Buffer | undefined): string[] {
  const strings: string[] = [];
  if (!xml) return strings;
  let current: string | null = null;
  let inText = false;
  let inPhonetic = false;
  parseXml(xml, 'sharedStrings', {
    open: (tag) => {
      if (tag.name === 'si') current = '';
      else if (tag.name === 'rPh') inPhonetic = true;
      else if (tag.name === 't' && !inPhonetic) inText = true;
    },
    close: (tag) => {
      if (tag.name === 'si') {
        strings.push(current ?? '');
        current = null;
      } else if (tag.name === 'rPh') inPhonetic = false;
      else if (tag.name === 't') inText = false;
    },
    text: (text) => {
      if (inText && current !== null) current += text;
    },
  });
  return strings;
}

/** An Excel serial date as exceljs gives it (an ISO time), so a figure reformatted as a date reads as one. */
function serialDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - (date1904 ? -1462 : 0) - 25569) * 86_400_000);
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? date.toISOString() : String(serial);
}

function readSheet(xml: Buffer, name: string, hidden: boolean, strings: readonly string[], styles: Styles, date1904: boolean): SheetCells {
  const cells = new Map<number, Map<number, CellRead>>();
  let rowCount = 0;
  let columnCount = 0;
  let row = 0;
  let column = 0;
  const merges: string[] = [];
  let cell: { row: number; column: number; type: string; style: number; text: string; inValue: boolean; inInline: boolean; inInlineText: boolean; hasFormula: boolean; hasValue: boolean } | null =
    null;
  parseXml(xml, name, {
    open: (tag) => {
      switch (tag.name) {
        case 'row': {
          const r = Number(attribute(tag, 'r'));
          row = Number.isInteger(r) && r > 0 ? r : row + 1;
          column = 0;
          break;
        }
        case 'c': {
          const at = decodeAddress(attribute(tag, 'r') ?? '');
          if (at) {
            row = at.row;
            column = at.column;
          } else column += 1;
          cell = {
            row,
            column,
            type: attribute(tag, 't') ?? 'n',
            style: Number(attribute(tag, 's') ?? 0),
            text: '',
            inValue: false,
            inInline: false,
            inInlineText: false,
            hasFormula: false,
            hasValue: false,
          };
          break;
        }
        case 'v':
          if (cell) {
            cell.inValue = true;
            cell.hasValue = true;
          }
          break;
        case 'f':
          if (cell) cell.hasFormula = true;
          break;
        case 'is':
          if (cell) {
            cell.inInline = true;
            cell.hasValue = true;
          }
          break;
        case 't':
          if (cell?.inInline) cell.inInlineText = true;
          break;
        case 'rPh':
          if (cell?.inInline) cell.inInline = false;
          break;
        case 'mergeCell':
          merges.push(attribute(tag, 'ref') ?? '');
          break;
      }
    },
    close: (tag) => {
      if (!cell) return;
      if (tag.name === 'v') cell.inValue = false;
      else if (tag.name === 't') cell.inInlineText = false;
      else if (tag.name === 'c') {
        const format = styles.formats[cell.style];
        let value: CellValue = null;
        if (cell.hasValue) {
          switch (cell.type) {
            case 's':
              value = strings[Number(cell.text)] ?? null;
              break;
            case 'str':
            case 'inlineStr':
              value = cell.text;
              break;
            case 'b':
              value = cell.text.trim() === '1';
              break;
            case 'e':
              value = cell.text;
              break;
            default: {
              const n = Number(cell.text);
              value = cell.text.trim() === '' || !Number.isFinite(n) ? cell.text : format?.date ? serialDate(n, date1904) : n;
            }
          }
        }
        if (value === '') value = null;
        let byColumn = cells.get(cell.row);
        if (!byColumn) cells.set(cell.row, (byColumn = new Map()));
        byColumn.set(cell.column, format?.code ? { value, numFmt: format.code } : { value });
        rowCount = Math.max(rowCount, cell.row);
        columnCount = Math.max(columnCount, cell.column);
        cell = null;
      }
    },
    text: (text) => {
      if (cell && (cell.inValue || cell.inInlineText)) cell.text += text;
    },
  });
  // A merged range shows its first cell's value across it: every cell of the range reads as that one.
  for (const ref of merges) {
    const [from, to] = ref.split(':').map(decodeAddress);
    const first = from ? cells.get(from.row)?.get(from.column) : undefined;
    if (!from || !to || !first) continue;
    for (let r = from.row; r <= to.row; r++) {
      let byColumn = cells.get(r);
      if (!byColumn) cells.set(r, (byColumn = new Map()));
      for (let c = from.column; c <= to.column; c++) byColumn.set(c, first);
    }
    rowCount = Math.max(rowCount, to.row);
    columnCount = Math.max(columnCount, to.column);
  }
  return { name, hidden, rowCount, columnCount, cell: (r, c) => cells.get(r)?.get(c) };
}

/** Every sheet of the workbook whose parts are `parts`, in the workbook's order. */
export function workbookCells(parts: ReadonlyMap<string, Buffer>): SheetCells[] {
  const workbook = parts.get('xl/workbook.xml');
  const relationships = parts.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !relationships) throw new WorkbookUnreadable('no workbook part');
  const targets = new Map<string, { target: string; type: string }>();
  parseXml(relationships, 'workbook relationships', {
    open: (tag) => {
      if (tag.name === 'Relationship') targets.set(attribute(tag, 'Id') ?? '', { target: partName(attribute(tag, 'Target') ?? ''), type: attribute(tag, 'Type') ?? '' });
    },
  });
  const sheets: Array<{ name: string; hidden: boolean; part: string }> = [];
  let date1904 = false;
  parseXml(workbook, 'workbook', {
    open: (tag) => {
      if (tag.name === 'workbookPr') date1904 = ['1', 'true'].includes(attribute(tag, 'date1904') ?? '');
      if (tag.name !== 'sheet') return;
      const state = attribute(tag, 'state');
      const target = targets.get(attribute(tag, RELATIONSHIP_ID) ?? '');
      if (!target) throw new WorkbookUnreadable(`sheet ${attribute(tag, 'name') ?? '?'} has no part`);
      sheets.push({ name: attribute(tag, 'name') ?? '', hidden: state === 'hidden' || state === 'veryHidden', part: target.target });
    },
  });
  const partOfType = (suffix: string) => [...targets.values()].find((t) => t.type.endsWith(suffix))?.target;
  const strings = readSharedStrings(parts.get(partOfType('/sharedStrings') ?? 'xl/sharedStrings.xml'));
  const styles = readStyles(parts.get(partOfType('/styles') ?? 'xl/styles.xml'));
  return sheets.map((s) => {
    const xml = parts.get(s.part);
    if (!xml) throw new WorkbookUnreadable(`the part of sheet ${s.name} is missing`);
    return readSheet(xml, s.name, s.hidden, strings, styles, date1904);
  });
}
