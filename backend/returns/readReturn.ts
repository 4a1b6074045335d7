/**
 * Reading a return .xlsx back: find the machine-readable part, check its format and version, check the
 * JSON against its SHA-256 (alteration detection, not a signature: see returnWorkbook.ts), then against
 * the schema, then (version 4 on) that the visible sheets show exactly the figures in the data. Every refusal is a `ReturnRejected` whose reason says what is wrong in words an officer
 * can pass back to the school.
 */
import { englishIssueWording } from '../../shared/i18n/apiErrors';
import type { CellDifference, ReturnRejection } from '../../shared/api/authority';
import type { ReturnChanges } from '../../shared/authority/returnHeadline';
import { issuesFrom } from '../../shared/schemas';
import { AUTHORITY_RETURN_FORMAT, READABLE_RETURN_VERSIONS, authorityReturnSchema, returnInNewestShape, type AuthorityReturn } from '../../shared/authority/returnFormat';
import { unpackSpreadsheet, SpreadsheetTooLarge, type SpreadsheetLimits } from '../spreadsheetLimits';
import { workbookCells, type CellValue, type SheetCells } from '../workbookCells';
import { RETURN_DATA_SHEET, sha256Hex } from './returnWorkbook';
import { visibleCellDifferences } from './visibleCells';
import { describeJsonSyntaxProblem, jsonSyntaxProblem } from '../../shared/jsonSyntaxProblem';

/**
 * What a return may hold before exceljs reads it: Mapio's returns are tens of kilobytes and a dozen parts
 * (a large secondary's unpacks to under 2 MB). One past these is refused without being built in memory,
 * so a zip bomb among the returns is rejected with its reason and the others import.
 */
export const RETURN_SPREADSHEET_LIMITS: SpreadsheetLimits = {
  entries: 200,
  entryBytes: 30 * 1024 * 1024,
  totalBytes: 40 * 1024 * 1024,
  rows: 200_000,
};

/** A return refused: a code and its specifics for the reader's language, and the reason in English (the CLI and logs). */
export class ReturnRejected extends Error {
  constructor(
    readonly code: ReturnRejection,
    readonly reason: string,
    readonly params: Record<string, string | number> = {},
    readonly details: { cells?: CellDifference[]; changes?: ReturnChanges } = {},
  ) {
    super(reason);
    this.name = 'ReturnRejected';
  }
}

export interface ReadReturn {
  ret: AuthorityReturn;
  /** The JSON exactly as stored (what the checksum covers). */
  json: string;
  sha256: string;
  version: number;
  writtenBy: string;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const versionsText = () => `versions ${READABLE_RETURN_VERSIONS.slice(0, -1).join(', ')} and ${READABLE_RETURN_VERSIONS[READABLE_RETURN_VERSIONS.length - 1]}`;

function cellText(value: CellValue | undefined): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

/** Cells listed in a refusal; the rest are counted. */
const CELLS_LISTED = 20;

function cellsDiffer(all: CellDifference[]): ReturnRejected {
  const cells = all.slice(0, CELLS_LISTED);
  const where = (c: CellDifference) => (c.cell ? `${c.sheet}!${c.cell}` : c.sheet);
  const differs = (c: CellDifference) =>
    c.cell ? `${where(c)} shows “${c.shows}”, the data says “${c.data}”` : c.shows === '' ? `the sheet “${c.sheet}” is missing` : `the sheet “${c.sheet}” was added`;
  const listed = cells.map(differs).join('; ');
  const more = all.length > cells.length ? `; and ${all.length - cells.length} more` : '';
  return new ReturnRejected(
    'visible_cells_differ',
    `its sheets do not show the figures in its data, so it says two things: ${listed}${more}. Ask the school for a fresh return, and not to edit it`,
    { count: all.length, cells: cells.map(where).join(', ') },
    { cells },
  );
}

/** Read and check one return. Throws ReturnRejected with the reason. */
export async function readReturnWorkbook(bytes: Buffer): Promise<ReadReturn> {
  if (bytes.length < ZIP_MAGIC.length || !bytes.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) {
    throw new ReturnRejected('not_xlsx', 'not a Mapio return: it is not an Excel .xlsx file');
  }
  let sheets: SheetCells[];
  try {
    // Measured against the limits before anything is built, then read from the parts inflated on the way.
    sheets = workbookCells((await unpackSpreadsheet(bytes, RETURN_SPREADSHEET_LIMITS)).parts);
  } catch (error) {
    if (error instanceof SpreadsheetTooLarge) throw new ReturnRejected('too_big', `not a Mapio return: it ${error.reason}`);
    throw new ReturnRejected('unreadable_xlsx', 'not a Mapio return: it could not be read as an .xlsx file (it may be damaged or cut short in copying)');
  }
  const sheet = sheets.find((s) => s.name === RETURN_DATA_SHEET);
  if (!sheet) {
    throw new ReturnRejected('no_data', 'not a Mapio return: it holds no Mapio data (ask the school to create the return from Mapio with File > Create authority return)');
  }
  const fields = new Map<string, string[]>();
  for (let row = 1; row <= sheet.rowCount; row++) {
    const key = cellText(sheet.cell(row, 1)?.value);
    const value = cellText(sheet.cell(row, 2)?.value);
    if (key === null) continue;
    const list = fields.get(key) ?? [];
    list.push(value ?? '');
    fields.set(key, list);
  }
  const one = (key: string) => fields.get(key)?.[0] ?? null;

  const format = one('format');
  if (format !== AUTHORITY_RETURN_FORMAT) {
    throw new ReturnRejected('wrong_format', `not a Mapio return: its data says it is ${format ? `“${format.slice(0, 60)}”` : 'nothing'}, not “${AUTHORITY_RETURN_FORMAT}”`);
  }
  const versionText = one('version');
  const version = versionText !== null && /^\d+$/.test(versionText) ? Number(versionText) : NaN;
  if (!READABLE_RETURN_VERSIONS.includes(version)) {
    throw new ReturnRejected(
      'wrong_version',
      `is a version ${versionText ?? '(missing)'} Mapio return; this Mapio reads ${versionsText()} returns. ${Number.isFinite(version) && version > Math.max(...READABLE_RETURN_VERSIONS) ? 'Update Mapio to read it, or ask the school for a return from the same version of Mapio.' : 'Ask the school to create the return again.'}`,
      { version: versionText ?? '?', newer: Number.isFinite(version) && version > Math.max(...READABLE_RETURN_VERSIONS) ? 1 : 0 },
    );
  }
  const chunks = fields.get('json') ?? [];
  const declared = Number(one('chunks'));
  if (chunks.length === 0 || declared !== chunks.length) {
    throw new ReturnRejected('altered', `has been altered since Mapio wrote it: its data should be in ${one('chunks') ?? '?'} parts and ${chunks.length} were found`);
  }
  const json = chunks.join('');
  const checksum = one('sha256') ?? '';
  // A matching checksum shows the JSON is what Mapio wrote (or that someone recomputed it): it is not a signature.
  if (sha256Hex(json) !== checksum.toLowerCase()) {
    throw new ReturnRejected('altered', 'has been altered since Mapio wrote it (its figures no longer match the checksum Mapio stored with them); ask the school for a fresh return');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    // Where and why, never the parser's own message, which quotes the data.
    const problem = jsonSyntaxProblem(json);
    throw new ReturnRejected('bad_json', `not a Mapio return: its data is not valid JSON${problem ? ` (${describeJsonSyntaxProblem(problem)})` : ''}`);
  }
  const parsed = authorityReturnSchema.safeParse(returnInNewestShape(version, raw));
  if (!parsed.success) {
    const issues = issuesFrom(parsed.error);
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    throw new ReturnRejected('invalid_figures', `its figures are not valid: ${first ? englishIssueWording(first) : ''}${more}`, { field: first?.path ?? '' });
  }
  const ret = parsed.data as AuthorityReturn;
  // Since version 4 the sheets a person reads are drawn exactly from the data: a return whose sheets say
  // something else is refused, so the officer never reads one figure while Mapio imports another.
  if (version >= 4) {
    const cells = await visibleCellDifferences(sheets, ret, version);
    if (cells.length > 0) throw cellsDiffer(cells);
  }
  return { ret, json, sha256: checksum.toLowerCase(), version, writtenBy: one('writtenBy') ?? '' };
}
