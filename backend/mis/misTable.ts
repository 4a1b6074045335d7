/**
 * An MIS export (CSV or .xlsx) read into a plain table: the header row and the data rows as text, with
 * each cell marked when it held a formula. Nothing here knows about learners; columnMapping.ts and
 * misPreview.ts decide what the cells mean.
 */
import ExcelJS from 'exceljs';
import { ApiError } from '../../shared/api/contract';
import { decodeMisText, parseCsv, type MisTextEncoding } from './misText';

export interface MisCell {
  text: string;
  /** An .xlsx cell holding a formula, or a CSV value that would run as one (= + - @ not a plain number). */
  formula: boolean;
}

export interface MisTable {
  format: 'csv' | 'xlsx';
  encoding: MisTextEncoding | null;
  header: string[];
  /** Data rows in file order; `rowNumber` is the row as a spreadsheet shows it (the header is row 1). */
  rows: Array<{ rowNumber: number; cells: MisCell[] }>;
}

/** The most rows one file may hold: far beyond any school roll, small enough to preview quickly. */
export const MAX_MIS_ROWS = 50_000;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PLAIN_NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;

/** A CSV value that a spreadsheet would run as a formula ("formula injection"): never imported. */
export function looksLikeFormula(text: string): boolean {
  const t = text.trimStart();
  return /^[=+\-@]/.test(t) && !PLAIN_NUMBER.test(t.trim());
}

export async function readMisTable(fileName: string, bytes: Uint8Array): Promise<MisTable> {
  const isZip = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xls') && !isZip) {
    throw new ApiError('invalid_input', `“${fileName}” is an old Excel 97–2003 file (.xls). Save it as .xlsx or CSV from Excel, or export CSV from your MIS, and try again.`);
  }
  if (isZip) return readXlsx(fileName, bytes);
  if (lower.endsWith('.xlsx')) throw new ApiError('invalid_input', `“${fileName}” is not a working .xlsx file (it may be damaged). Open it in Excel and save it again, or export CSV.`);
  return readCsv(fileName, bytes);
}

function readCsv(fileName: string, bytes: Uint8Array): MisTable {
  const { text, encoding } = decodeMisText(bytes);
  if (text.includes('\u0000')) {
    throw new ApiError('invalid_input', `“${fileName}” is not a text (CSV) file. Export the learners from your MIS as CSV or .xlsx.`);
  }
  const records = parseCsv(text);
  const [header, ...data] = records;
  if (!header || header.every((h) => h.trim() === '')) throw new ApiError('invalid_input', `“${fileName}” is empty: there is no header row naming the columns.`);
  if (data.length > MAX_MIS_ROWS) throw tooManyRows(fileName, data.length);
  return {
    format: 'csv',
    encoding,
    header: header.map((h) => h.trim()),
    rows: data.map((cells, i) => ({ rowNumber: i + 2, cells: cells.map((text) => ({ text, formula: looksLikeFormula(text) })) })),
  };
}

function tooManyRows(fileName: string, n: number): ApiError {
  return new ApiError('invalid_input', `“${fileName}” has ${n.toLocaleString('en-GB')} rows; Mapio imports at most ${MAX_MIS_ROWS.toLocaleString('en-GB')} at a time.`);
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

async function readXlsx(fileName: string, bytes: Uint8Array): Promise<MisTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new ApiError('invalid_input', `Mapio could not read “${fileName}” as an Excel workbook (.xlsx). Open it in Excel and save it again, or export CSV from your MIS.`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new ApiError('invalid_input', `“${fileName}” has no rows on its first sheet.`);
  if (sheet.rowCount - 1 > MAX_MIS_ROWS) throw tooManyRows(fileName, sheet.rowCount - 1);
  const width = sheet.columnCount;
  const rowCells = (rowNumber: number): MisCell[] => {
    const row = sheet.getRow(rowNumber);
    const cells: MisCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellOf(row.getCell(c).value));
    return cells;
  };
  const header = rowCells(1).map((c) => c.text.trim());
  if (header.every((h) => h === '')) throw new ApiError('invalid_input', `“${fileName}” is empty: its first row does not name the columns.`);
  const rows: MisTable['rows'] = [];
  for (let r = 2; r <= sheet.rowCount; r++) rows.push({ rowNumber: r, cells: rowCells(r) });
  return { format: 'xlsx', encoding: null, header, rows };
}
