/**
 * The authority's own lists, read from a table (a CSV or .xlsx the officer already has): the per-school
 * delegated ALN allocations it published (a Section 52 budget statement) and its list of schools. Pure:
 * the backend reads the file into text cells; this decides what each row means.
 *
 * Rules (docs/authority-return.md, "The authority's lists"):
 * - columns are found by their headings, in English or Welsh; the official number is 7 digits;
 * - the list of schools may carry each school's Welsh name, in a column whose heading says it is the name
 *   in Welsh ("Welsh name", "Name in Welsh", "Enw Cymraeg", "Enw yn Gymraeg"); it is held to a school's
 *   own Welsh name's rule (shared/schemas.ts): at most NAME_MAX_CHARS characters on one line, and empty
 *   when the school's name is the same in both languages; a Welsh name breaking that rule is left out, not
 *   the school: the row is imported without it, and the result says so with the row and the reason;
 * - allocations are in pounds or thousands of pounds: a heading saying "£k", "£000", "£'000", "000s" or
 *   "thousands" (or "miloedd") means thousands; with no such heading, the median of the amounts decides
 *   (under 1,000 → thousands, since no school's delegated ALN allocation is under £1,000 while a figure in
 *   £k is almost always under 1,000); the import result says which was read and why;
 * - a bad row is rejected with its row number (as a spreadsheet shows it: the heading is row 1), a code and
 *   its specifics; every other row is imported.
 */
import { LANGUAGE_MEDIA, PHASES, type LanguageMedium, type Pence, type Phase } from '../domain';
import { CONTROL_CHARACTERS, NAME_MAX_CHARS } from '../schemas';

/** A table as read from the file: headings and data rows of text, each with its spreadsheet row number. */
export interface ListTable {
  header: string[];
  rows: Array<{ rowNumber: number; cells: string[] }>;
}

/** Why a row of one of the authority's lists was not imported (worded at the edge: `authority.listRow.<code>`). */
export type ListRowProblem =
  | 'official_number_invalid'
  | 'name_missing'
  | 'allocation_missing'
  | 'allocation_not_money'
  | 'allocation_negative'
  | 'allocation_too_precise'
  | 'phase_unknown'
  | 'medium_unknown'
  | 'duplicate_number';

export interface ListRowRejection {
  rowNumber: number;
  code: ListRowProblem;
  params: Record<string, string | number>;
}

/** Why a school's Welsh name on the list was left out, the school imported without it (worded at the edge: `authority.welshNameLeftOut.<code>`). */
export type WelshNameProblem = 'welsh_name_too_long' | 'welsh_name_control_character';

/** A row of the list of schools imported without its Welsh name: its row number, why, and the specifics. */
export interface WelshNameLeftOut {
  rowNumber: number;
  code: WelshNameProblem;
  params: Record<string, string | number>;
}

export type AllocationUnit = 'pounds' | 'thousands';
/** How the unit was decided: a heading said so, or the size of the amounts. */
export type AllocationUnitBasis = 'header' | 'magnitude';

export interface PublishedAllocation {
  officialNumber: string;
  name: string;
  amountPence: Pence;
}

export interface AllocationList {
  unit: AllocationUnit;
  unitFrom: AllocationUnitBasis;
  allocations: PublishedAllocation[];
  rejected: ListRowRejection[];
}

export interface ListedSchool {
  officialNumber: string;
  name: string;
  /** The school's name in Welsh as the list gives it; '' when the list has no Welsh column or leaves it empty. */
  nameCy: string;
  phase: Phase;
  languageMedium: LanguageMedium;
}

export interface SchoolList {
  schools: ListedSchool[];
  rejected: ListRowRejection[];
  /** Rows imported whose Welsh name was left out: not rejected rows, and not counted as such. */
  welshNamesLeftOut: WelshNameLeftOut[];
}

/** A list whose headings do not name a column it needs (worded at the edge: `authority.listColumnMissing`). */
export class ListColumnMissing extends Error {
  readonly column: 'official_number' | 'name' | 'allocation' | 'phase' | 'medium';
  constructor(column: ListColumnMissing['column']) {
    super(`the list has no ${column.replace('_', ' ')} column`);
    this.name = 'ListColumnMissing';
    this.column = column;
  }
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

function findColumn(header: readonly string[], tests: readonly RegExp[], except: readonly number[] = []): number {
  for (const test of tests) {
    const at = header.findIndex((h, i) => !except.includes(i) && test.test(fold(h)));
    if (at >= 0) return at;
  }
  return -1;
}

const NUMBER_HEADINGS = [/official|estab|dfes|lea ?no|school (no|number)|^number$|rhif|^urn$|^code$/];
const NAME_HEADINGS = [/name|enw/, /^school$|^ysgol$/];
/**
 * The name in Welsh: a heading naming both a name and Welsh ("Welsh name", "Enw yn Gymraeg"), looked for
 * before the English name's. One naming English too ("School name (English/Welsh)") is the school's name
 * as the list writes it, not its Welsh name.
 */
const WELSH_NAME_HEADINGS = [/^(?!.*(english|saesneg)).*((name|enw).*(welsh|[cg]ymraeg)|(welsh|[cg]ymraeg).*(name|enw))/];
const ALLOCATION_HEADINGS = [/alloc|dyrani/, /aln|ady|delegat|dirprwy/, /amount|swm|£|total|cyfanswm/];
const PHASE_HEADINGS = [/phase|cyfnod|sector/];
const MEDIUM_HEADINGS = [/medium|language|iaith|cyfrwng/];

const THOUSANDS_HEADING = /£\s*k\b|£\s*'?000|\b'?000s?\b|thousand|miloedd|\(k\)/;

const cell = (cells: readonly string[], at: number) => (at >= 0 ? (cells[at] ?? '').trim() : '');
const officialNumberOf = (text: string) => text.replace(/[\s-]/g, '');

/** A row's official number (spaces and dashes dropped), or why it cannot be used: not 7 digits, or already on an earlier row. */
function numberOrProblem(text: string, firstRowOf: ReadonlyMap<string, number>): string | { code: ListRowProblem; params: Record<string, string | number> } {
  const officialNumber = officialNumberOf(text);
  if (!/^\d{7}$/.test(officialNumber)) return { code: 'official_number_invalid', params: { value: text } };
  const first = firstRowOf.get(officialNumber);
  return first === undefined ? officialNumber : { code: 'duplicate_number', params: { number: officialNumber, firstRow: first } };
}

/**
 * An amount as written ("£12,345.67", "12.5", "(300)") in the smallest unit: pence for pounds, and
 * hundred-thousandths for thousands (£0.00001k = 1p). null when it is not an amount at all.
 */
function parseAmount(text: string, unit: AllocationUnit): { value: number; negative: boolean; tooPrecise: boolean } | null {
  let s = text.replace(/[£,\s]/g, '').replace(/k$/i, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  }
  const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return null;
  const places = unit === 'thousands' ? 5 : 2;
  const decimals = m[2] ?? '';
  const significant = decimals.replace(/0+$/, '');
  const tooPrecise = significant.length > places;
  const value = Number(m[1]) * 10 ** places + Number((significant.slice(0, places) || '0').padEnd(places, '0'));
  return { value, negative, tooPrecise };
}

/** The delegated ALN allocation of each school, from the authority's published statement. */
export function readAllocationList(table: ListTable): AllocationList {
  const numberAt = findColumn(table.header, NUMBER_HEADINGS);
  if (numberAt < 0) throw new ListColumnMissing('official_number');
  const amountAt = findColumn(table.header, ALLOCATION_HEADINGS, [numberAt]);
  if (amountAt < 0) throw new ListColumnMissing('allocation');
  const nameAt = findColumn(table.header, NAME_HEADINGS, [numberAt, amountAt]);

  const rows = table.rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const headingSaysThousands = THOUSANDS_HEADING.test(fold(table.header[amountAt] ?? ''));
  let unit: AllocationUnit;
  let unitFrom: AllocationUnitBasis;
  if (headingSaysThousands) {
    unit = 'thousands';
    unitFrom = 'header';
  } else {
    const amounts = rows
      .map((r) => parseAmount(cell(r.cells, amountAt), 'pounds'))
      .filter((a): a is NonNullable<typeof a> => a !== null && !a.negative && a.value > 0)
      .map((a) => a.value)
      .sort((a, b) => a - b);
    const median = amounts.length === 0 ? 0 : (amounts[Math.floor((amounts.length - 1) / 2)] as number);
    unit = amounts.length > 0 && median < 1000 * 100 ? 'thousands' : 'pounds';
    unitFrom = 'magnitude';
  }

  const allocations: PublishedAllocation[] = [];
  const rejected: ListRowRejection[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { rowNumber, cells } of rows) {
    const name = cell(cells, nameAt);
    const amountText = cell(cells, amountAt);
    const reject = (code: ListRowProblem, params: Record<string, string | number> = {}) => rejected.push({ rowNumber, code, params });
    const officialNumber = numberOrProblem(cell(cells, numberAt), firstRowOf);
    if (typeof officialNumber !== 'string') {
      reject(officialNumber.code, officialNumber.params);
      continue;
    }
    if (amountText === '') {
      reject('allocation_missing', { number: officialNumber });
      continue;
    }
    const amount = parseAmount(amountText, unit);
    if (!amount) {
      reject('allocation_not_money', { number: officialNumber, value: amountText });
      continue;
    }
    if (amount.negative) {
      reject('allocation_negative', { number: officialNumber, value: amountText });
      continue;
    }
    if (amount.tooPrecise) {
      reject('allocation_too_precise', { number: officialNumber, value: amountText });
      continue;
    }
    firstRowOf.set(officialNumber, rowNumber);
    // Read in pence either way: hundredths of a pound, or hundred-thousandths of £k (£1k = 100,000p).
    allocations.push({ officialNumber, name, amountPence: amount.value });
  }
  return { unit, unitFrom, allocations, rejected };
}

const PHASE_WORDS: Array<[RegExp, Phase]> = [
  [/all.?through|3.?16|3.?18|middle|pob oed|canol/, 'all_through'],
  [/nursery|meithrin/, 'nursery'],
  [/primary|cynradd|infant|junior|babanod|iau/, 'primary'],
  [/secondary|uwchradd/, 'secondary'],
  [/special|arbennig/, 'special'],
  [/pru|pupil referral|uned cyfeirio/, 'pru'],
];
const MEDIUM_WORDS: Array<[RegExp, LanguageMedium]> = [
  [/dual|ffrwd ddeuol|dwy ffrwd/, 'dual_stream'],
  [/bilingual|dwyieithog/, 'bilingual'],
  [/welsh|cymraeg/, 'welsh'],
  [/english|saesneg/, 'english'],
];

function wordAs<T extends string>(text: string, known: readonly T[], words: Array<[RegExp, T]>): T | null {
  const f = fold(text).replace(/[\s-]+/g, '_');
  if ((known as readonly string[]).includes(f)) return f as T;
  const spaced = fold(text);
  return words.find(([re]) => re.test(spaced))?.[1] ?? null;
}

/** Why a Welsh name cannot be a school's Welsh name (shared/schemas.ts's rule for a name), or null when it can. */
function welshNameProblem(nameCy: string): { code: WelshNameProblem; params: Record<string, string | number> } | null {
  if (nameCy.length > NAME_MAX_CHARS) return { code: 'welsh_name_too_long', params: { length: nameCy.length, max: NAME_MAX_CHARS } };
  if (CONTROL_CHARACTERS.test(nameCy)) return { code: 'welsh_name_control_character', params: {} };
  return null;
}

/** The authority's list of its schools: official number, name, phase and language medium, and the name in Welsh when the list gives it. */
export function readSchoolList(table: ListTable): SchoolList {
  const numberAt = findColumn(table.header, NUMBER_HEADINGS);
  if (numberAt < 0) throw new ListColumnMissing('official_number');
  // The Welsh name's heading is the most particular ("Name in Welsh language" would do for a medium or an
  // English name too), so its column is found first and never taken for another.
  const welshNameAt = findColumn(table.header, WELSH_NAME_HEADINGS, [numberAt]);
  const phaseAt = findColumn(table.header, PHASE_HEADINGS, [numberAt, welshNameAt]);
  if (phaseAt < 0) throw new ListColumnMissing('phase');
  const mediumAt = findColumn(table.header, MEDIUM_HEADINGS, [numberAt, welshNameAt, phaseAt]);
  if (mediumAt < 0) throw new ListColumnMissing('medium');
  const nameAt = findColumn(table.header, NAME_HEADINGS, [numberAt, welshNameAt, phaseAt, mediumAt]);
  if (nameAt < 0) throw new ListColumnMissing('name');

  const schools: ListedSchool[] = [];
  const rejected: ListRowRejection[] = [];
  const welshNamesLeftOut: WelshNameLeftOut[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { rowNumber, cells } of table.rows) {
    if (!cells.some((c) => c.trim() !== '')) continue;
    const reject = (code: ListRowProblem, params: Record<string, string | number> = {}) => rejected.push({ rowNumber, code, params });
    const officialNumber = numberOrProblem(cell(cells, numberAt), firstRowOf);
    if (typeof officialNumber !== 'string') {
      reject(officialNumber.code, officialNumber.params);
      continue;
    }
    const name = cell(cells, nameAt);
    if (name === '') {
      reject('name_missing', { number: officialNumber });
      continue;
    }
    const phase = wordAs(cell(cells, phaseAt), PHASES, PHASE_WORDS);
    if (!phase) {
      reject('phase_unknown', { number: officialNumber, value: cell(cells, phaseAt) });
      continue;
    }
    const languageMedium = wordAs(cell(cells, mediumAt), LANGUAGE_MEDIA, MEDIUM_WORDS);
    if (!languageMedium) {
      reject('medium_unknown', { number: officialNumber, value: cell(cells, mediumAt) });
      continue;
    }
    firstRowOf.set(officialNumber, rowNumber);
    // The Welsh name is an optional translation: one a name cannot be is left out, never the school, which
    // is then named by its English name as one the list gives no Welsh name for.
    const problem = welshNameProblem(cell(cells, welshNameAt));
    if (problem) welshNamesLeftOut.push({ rowNumber, code: problem.code, params: { number: officialNumber, ...problem.params } });
    schools.push({ officialNumber, name, nameCy: problem ? '' : cell(cells, welshNameAt), phase, languageMedium });
  }
  return { schools, rejected, welshNamesLeftOut };
}
