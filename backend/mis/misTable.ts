/**
 * An MIS export (CSV or .xlsx) read into a plain table: the header row and the data rows as text, with
 * each cell marked when it held a formula. Nothing here knows about learners; columnMapping.ts and
 * misPreview.ts decide what the cells mean.
 *
 * Bounded: a CSV is read record by record and refused at the first row past MAX_MIS_ROWS, keeping only
 * the columns the caller asks for; an .xlsx is measured (entries, unpacked sizes, rows counted while
 * streaming: backend/spreadsheetLimits.ts) before exceljs builds anything, so a 1.4 MB zip bomb that
 * unpacks to ten million rows is refused at once in flat memory.
 */
import type ExcelJS from 'exceljs';
import { ApiError } from '../../shared/api/contract';
import { measureSpreadsheet, SpreadsheetTooLarge, type SpreadsheetLimits } from '../spreadsheetLimits';
import { csvRecords, decodeMisText, type MisTextEncoding } from './misText';
import { newWorkbook } from '../exports/excelLibrary';

export interface MisCell {
  text: string;
  /** An .xlsx cell holding a formula, or a CSV value that would run as one (= + - @ not a plain number). */
  formula: boolean;
}

export interface MisTable {
  format: 'csv' | 'xlsx';
  encoding: MisTextEncoding | null;
  header: string[];
  /**
   * Data rows in file order; `rowNumber` is the row as a spreadsheet shows it (the header is row 1).
   * `cells` holds the columns asked for (others are absent: read them as empty); `blank` says whether the
   * whole row, every column, was empty.
   */
  rows: Array<{ rowNumber: number; cells: MisCell[]; blank: boolean }>;
}

/** Which columns (0-based) to keep once the header is known; null keeps them all. */
export type ColumnChoice = (header: string[]) => readonly number[] | null;

/** The most rows one file may hold: far beyond any school roll, small enough to preview quickly. */
export const MAX_MIS_ROWS = 50_000;

/**
 * What an MIS .xlsx may hold before it is read: a real export is a few megabytes and a few dozen parts;
 * 50,000 rows of 30 columns unpack to about 60 MB.
 */
export const MIS_SPREADSHEET_LIMITS: SpreadsheetLimits = {
  entries: 1_000,
  entryBytes: 100 * 1024 * 1024,
  totalBytes: 120 * 1024 * 1024,
  rows: MAX_MIS_ROWS + 1_000,
};

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PLAIN_NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;

/** A CSV value that a spreadsheet would run as a formula ("formula injection"): never imported. */
export function looksLikeFormula(text: string): boolean {
  const t = text.trimStart();
  return /^[=+\-@]/.test(t) && !PLAIN_NUMBER.test(t.trim());
}

export async function readMisTable(fileName: string, bytes: Uint8Array, keep: ColumnChoice = () => null): Promise<MisTable> {
  const isZip = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xls') && !isZip) {
    throw new ApiError('invalid_input', 'misOldExcel', { name: fileName });
  }
  if (isZip) return readXlsx(fileName, bytes, keep);
  if (lower.endsWith('.xlsx')) throw new ApiError('invalid_input', 'misBrokenXlsx', { name: fileName });
  return readCsv(fileName, bytes, keep);
}

/** Only the chosen columns of a row (the others left out of the sparse array), and whether it was blank. */
function keptRow(rowNumber: number, all: MisCell[], columns: readonly number[] | null): MisTable['rows'][number] {
  const blank = !all.some((c) => c.text.trim() !== '');
  if (columns === null) return { rowNumber, cells: all, blank };
  const cells: MisCell[] = [];
  for (const c of columns) if (all[c] !== undefined) cells[c] = all[c];
  return { rowNumber, cells, blank };
}

function readCsv(fileName: string, bytes: Uint8Array, keep: ColumnChoice): MisTable {
  const { text, encoding } = decodeMisText(bytes);
  if (text.includes('\u0000')) {
    throw new ApiError('invalid_input', 'misNotText', { name: fileName });
  }
  const records = csvRecords(text);
  const first = records.next();
  const header = first.done ? undefined : first.value;
  if (!header || header.every((h) => h.trim() === '')) throw new ApiError('invalid_input', 'misNoHeader', { name: fileName });
  const trimmed = header.map((h) => h.trim());
  const columns = keep(trimmed);
  const rows: MisTable['rows'] = [];
  for (const record of records) {
    if (rows.length === MAX_MIS_ROWS) throw tooManyRows(fileName);
    rows.push(
      keptRow(
        rows.length + 2,
        record.map((t) => ({ text: t, formula: looksLikeFormula(t) })),
        columns,
      ),
    );
  }
  return { format: 'csv', encoding, header: trimmed, rows };
}

function tooManyRows(fileName: string, n?: number): ApiError {
  const most = MAX_MIS_ROWS.toLocaleString('en-GB');
  return n === undefined ? new ApiError('invalid_input', 'misRowsOver', { name: fileName, most }) : new ApiError('invalid_input', 'misRows', { name: fileName, rows: n.toLocaleString('en-GB'), most });
}

function cellOf(value: ExcelJS.CellValue): MisCell {
  if (value === null || value === undefined) return { text: '', formula: false };
  if (typeof value === 'string') return { text: value, formula: false };
  if (typeof value === 'number') return { text: String(value), formula: false };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', formula: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), formula: false };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return { text: result === undefined || result === null || typeof result === 'object' ? '' : String(result), formula: true };
  }
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join(''), formula: false };
  if ('text' in value) return { text: typeof value.text === 'string' ? value.text : '', formula: false };
  if ('error' in value) return { text: String(value.error), formula: false };
  return { text: '', formula: false };
}

async function readXlsx(fileName: string, bytes: Uint8Array, keep: ColumnChoice): Promise<MisTable> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const unreadable = () => new ApiError('invalid_input', 'misUnreadableXlsx', { name: fileName });
  try {
    await measureSpreadsheet(buffer, MIS_SPREADSHEET_LIMITS);
  } catch (error) {
    if (error instanceof SpreadsheetTooLarge) {
      throw new ApiError('invalid_input', 'misSpreadsheetTooLarge', { name: fileName, ...error.params, whatKey: `apiError.reason.spreadsheet.${error.kind}` });
    }
    throw unreadable();
  }
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new ApiError('invalid_input', 'misNoRows', { name: fileName });
  if (sheet.rowCount - 1 > MAX_MIS_ROWS) throw tooManyRows(fileName, sheet.rowCount - 1);
  const width = sheet.columnCount;
  // Only the cells a row really has (a stray value far to the right must not make every row that wide).
  const rowCells = (rowNumber: number): MisCell[] => {
    const row = sheet.getRow(rowNumber);
    const cells: MisCell[] = [];
    for (let c = 1; c <= Math.min(width, row.cellCount); c++) cells.push(cellOf(row.getCell(c).value));
    return cells;
  };
  const header = rowCells(1).map((c) => c.text.trim());
  if (header.every((h) => h === '')) throw new ApiError('invalid_input', 'misNoHeader', { name: fileName });
  while (header.length < width) header.push('');
  const columns = keep(header);
  const rows: MisTable['rows'] = [];
  for (let r = 2; r <= sheet.rowCount; r++) rows.push(keptRow(r, rowCells(r), columns));
  return { format: 'xlsx', encoding: null, header, rows };
}
