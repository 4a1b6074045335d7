/**
 * The authority return as an .xlsx file: a "Return" sheet and an "Intervention lines" sheet a person can
 * read (headings in English, money in pounds), and a very hidden sheet carrying the machine-readable part:
 * the canonical JSON of the AuthorityReturn in chunks (each well under Excel's 32,767-character cell
 * limit), its SHA-256, the format name and version.
 *
 * About the checksum: SHA-256 of the JSON lets Mapio notice that the figures were changed after Mapio
 * wrote them (by hand, by a macro, by a damaged copy). It is NOT a signature: anyone who changes the JSON
 * and recomputes the checksum can make a file that passes. It detects alteration; it does not prove who
 * wrote the file.
 */
import { createHash } from 'node:crypto';
import type ExcelJS from 'exceljs';
import { AUTHORITY_RETURN_FORMAT, AUTHORITY_RETURN_VERSION, canonicalJson, returnNameIn, type AuthorityReturn, type ReturnCount } from '../../shared/authority/returnFormat';
import { countInWords } from '../../shared/authority/countWords';
import { translatorFor, type Lang } from '../../shared/i18n';
import { A4, layOutForPrint, pageFooter, wrapTextInRows } from '../exports/sheetPrintLayout';
import { wrappedLineCount } from '../exports/textLines';
import { breakPagesBetweenTables, keepTogether } from '../exports/sheetPrint';
import { recordName } from '../../shared/i18n/recordNames';
import { authorityName } from '../../shared/localAuthorities';
import { dateText } from '../exports/exportLabels';
import { inLanguage } from '../../shared/i18n/schoolWords';
import { newWorkbook, xlsxBytes } from '../exports/excelLibrary';

export const RETURN_DATA_SHEET = 'MapioReturnData';
/** Characters per cell of JSON: below Excel's 32,767 limit with room to spare. */
export const JSON_CHUNK_CHARS = 30_000;

const POUNDS = '£#,##0.00;-£#,##0.00';
const HEADING = { bold: true, size: 12 } as const;
const TITLE = { bold: true, size: 14 } as const;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const pounds = (p: number) => p / 100; // for display cells only; the exact pence travel in the JSON

export interface ReturnEnvelope {
  format: string;
  version: number;
  writtenBy: string;
}

/**
 * The sheets a person reads, in `lang`, drawn from the return's data: the cells an unaltered return shows.
 * For comparing cells only, so without the print layout (column widths, row heights, page set-up), which
 * changes no cell and took a fifth of the time.
 */
export async function readableSheets(ret: AuthorityReturn, lang: Lang, version: number = AUTHORITY_RETURN_VERSION): Promise<ExcelJS.Workbook> {
  const workbook = await newWorkbook();
  addReadableSheets(workbook, ret, lang, { forPrint: false, version });
  return workbook;
}

/** Since version 7 an empty list (no income, no intervention lines) says so in a row of its own, in the return's language. */
const SAYS_WHEN_EMPTY_FROM = 7;
/**
 * Since version 6 a chosen authority reads under its Welsh name in a Welsh return, and the ALP definition's
 * date and a grant's end date read in words (1 Medi 2025); a return before it showed the authority as the
 * school's file holds it and those dates as ISO dates (2025-09-01), and is checked as it was drawn.
 */
const IN_WORDS_FROM = 6;
/**
 * Since version 8 the income table's year column is headed "Year" and says which year each line is for:
 * "Academic year 2026-27" (delegated funding, the school's contribution) or a financial year as the budget
 * table names it ("April 2026 – March 2027"), with a note on how academic-year income is shared between the
 * financial years. Before it the column was headed "Financial year" and read "academic year", which looked
 * like a wrong value; a return before version 8 is checked as it was drawn.
 */
const YEAR_SAID_FROM = 8;
/**
 * Since version 8 a title too long for one line (a school's name of a hundred characters and more) wraps
 * across the sheet's width, in the first row's cells merged, which show it too; before it the title ran
 * past the last column and the printed page shrank to fit it.
 */
const TITLE_WRAPS_FROM = 8;
/** A line of the title, in points. */
const TITLE_LINE_PT = 19;

function addReadableSheets(workbook: ExcelJS.Workbook, ret: AuthorityReturn, lang: Lang, { forPrint, version }: { forPrint: boolean; version: number }): void {
  const saysWhenEmpty = version >= SAYS_WHEN_EMPTY_FROM;
  const yearSaid = version >= YEAR_SAID_FROM;
  const inWords = version >= IN_WORDS_FROM;
  const dateShown = (iso: string) => (inWords ? dateText(iso, lang) : iso);
  const t = translatorFor(lang);
  const s = ret.school;
  const count = (c: ReturnCount): string | number => countInWords(t, c);
  const fyLabel = (y: number) => t('export.fyLabel', { start: y, end: y + 1 });
  // The names the school typed, in Welsh where it gave Welsh (a return from before version 5 gave none).
  const names = ret.welshNames;
  const named = {
    tiers: (name: string) => returnNameIn(names.tiers, name, lang),
    areas: (name: string) => returnNameIn(names.areas, name, lang),
    lines: (name: string) => returnNameIn(names.lines, name, lang),
    income: (name: string) => returnNameIn(names.income, name, lang),
  };
  // Landscape, so the label column and the four figure columns print one page wide at full size.
  const sheet = workbook.addWorksheet(t('returnBook.sheet.main'), { pageSetup: { orientation: 'landscape', paperSize: A4, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  // The labels are long in Welsh ("Disgyblion sy’n gymwys i gael prydau ysgol am ddim (PYDd)…"): they wrap
  // in a first column wide enough for most of them, rather than shrink the whole sheet to fit the longest.
  // The fourth column wide enough for an income line's year on one line ("Blwyddyn academaidd 2026-27").
  sheet.columns = [{ width: 56 }, { width: 30 }, { width: 22 }, { width: 32 }, { width: 22 }];
  sheet.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
  const row = (...values: Array<string | number | null>) => sheet.addRow(values);
  // A label and its value (the school's details, the counts), read as a list: the value at the left of its column.
  const entryRows = new Set<number>();
  const entry = (label: string, value: string | number | null) => entryRows.add(Number(row(label, value).number));
  // Each section's heading row: in print, a section starts a page when it would not fit on what is left of one.
  const headingRows: number[] = [];
  const heading = (text: string) => {
    sheet.addRow([]);
    const r = sheet.addRow([text]);
    r.font = HEADING;
    headingRows.push(Number(r.number));
  };
  const money = (r: ExcelJS.Row, ...cols: number[]): ExcelJS.Row => {
    for (const c of cols) r.getCell(c).numFmt = POUNDS;
    return r;
  };
  const orNot = (text: string, missing: 'notEntered' | 'notStated') => text || t(`returnBook.${missing}`);

  const title = t('returnBook.title', { school: recordName(s, lang), year: s.academicYear });
  sheet.addRow([title]).font = TITLE;
  const across = sheet.columns.reduce((width, column) => width + (column.width ?? 9), 0);
  const titleLines = version >= TITLE_WRAPS_FROM ? wrappedLineCount(title, across, TITLE) : 1;
  if (titleLines > 1) sheet.mergeCells(1, 1, 1, sheet.columns.length);
  row(t('returnBook.note'));
  heading(t('returnBook.school.heading'));
  entry(t('returnBook.school.name'), s.name);
  if (s.nameCy) entry(t('returnBook.school.nameCy'), s.nameCy);
  entry(t('returnBook.school.officialNumber'), orNot(s.officialNumber, 'notEntered'));
  entry(t('returnBook.school.authority'), orNot(inWords ? authorityName(s, lang) : s.localAuthority, 'notEntered'));
  entry(t('returnBook.school.authorityCode'), orNot(s.localAuthorityCode, 'notEntered'));
  entry(t('returnBook.school.phase'), t(`authority.phase.${s.phase}`));
  entry(t('returnBook.school.roll'), s.numberOnRoll);
  entry(t('returnBook.school.efsm'), s.efsmBasisPoints === null ? t('returnBook.notGiven') : s.efsmBasisPoints / 100);
  entry(t('returnBook.school.medium'), t(`authority.medium.${s.languageMedium}`));
  entry(t('returnBook.school.year'), s.academicYear);
  // Whose definition of ALP the school applied, in Welsh where it gave Welsh (a return before version 6 gave none).
  entry(t('returnBook.school.alpDefinition'), orNot(inLanguage(s.alpDefinitionSource, s.alpDefinitionSourceCy, lang), 'notStated'));
  entry(t('returnBook.school.alpDefinitionDate'), s.alpDefinitionDate ? dateShown(s.alpDefinitionDate) : t('returnBook.notStated'));

  const c = ret.counts;
  heading(t('returnBook.counts.heading'));
  entry(t('returnBook.counts.learnersWithAln'), count(c.learnersWithAln));
  entry(t('returnBook.counts.idpsPreparing'), count(c.idpsPreparing));
  entry(t('returnBook.counts.idps'), count(c.idps));
  entry(t('returnBook.counts.idpsSchool'), count(c.idpsSchoolMaintained));
  entry(t('returnBook.counts.idpsLa'), count(c.idpsLaMaintained));
  entry(t('returnBook.counts.monitored'), count(c.monitored));
  entry(t('returnBook.counts.decisionsDue'), c.decisionsDue ? count(c.decisionsDue) : t('returnBook.notCounted'));
  entry(t('returnBook.counts.decisionsOverdue'), c.decisionsOverdue ? count(c.decisionsOverdue) : t('returnBook.notCounted'));

  heading(t('returnBook.income.heading'));
  const incomeHeadings = ['line', 'kind', 'amount', yearSaid ? 'year' : 'fy', 'endsOn'].map((k) => t(`returnBook.income.${k}`));
  sheet.addRow(incomeHeadings).font = { bold: true };
  // Income with no financial year is for the academic year as a whole (delegated funding, the school's own contribution).
  const incomeYear = (fy: number | null): string => {
    if (yearSaid) return fy === null ? t('returnBook.income.wholeAcademicYear', { year: s.academicYear }) : fyLabel(fy);
    return fy === null ? t('returnBook.income.academicYear') : `${fy}-${String((fy + 1) % 100).padStart(2, '0')}`;
  };
  for (const i of ret.income) {
    money(row(named.income(i.name), t(`enums.incomeKind.${i.kind}`), pounds(i.amountPence), incomeYear(i.financialYear), i.endsOn ? dateShown(i.endsOn) : ''), 3);
  }
  if (ret.income.length === 0 && saysWhenEmpty) row(t('returnBook.income.none')).font = { italic: true };
  money(row(t('returnBook.income.total'), '', pounds(ret.budget.incomePence)), 3).font = { bold: true };
  if (yearSaid && ret.income.some((i) => i.financialYear === null)) row(t('returnBook.income.academicYearShared')).font = { italic: true };

  heading(t('returnBook.budget.heading'));
  money(row(t('returnBook.budget.income'), pounds(ret.budget.incomePence)), 2);
  money(row(t('returnBook.budget.committed'), pounds(ret.budget.chargedPence)), 2);
  money(row(t('returnBook.budget.position'), pounds(ret.budget.positionPence)), 2);
  money(row(t('returnBook.budget.allCosts'), pounds(ret.totals.costPence)), 2);
  money(row(t('returnBook.budget.lines'), pounds(ret.totals.linesCostPence)), 2);
  money(row(t('returnBook.budget.others'), pounds(ret.totals.otherCostsPence)), 2);
  sheet.addRow([t('returnBook.budget.fy'), t('returnBook.income.heading'), t('returnBook.budget.committedCol'), t('returnBook.budget.positionCol')]).font = { bold: true };
  for (const f of ret.budget.financialYears) {
    money(row(fyLabel(f.year), pounds(f.incomePence), pounds(f.chargedPence), pounds(f.positionPence)), 2, 3, 4);
  }
  sheet.addRow([t('returnBook.budget.allCostsByFy'), t('returnBook.budget.cost')]).font = { bold: true };
  ret.totals.financialYears.years.forEach((y, i) => money(row(fyLabel(y), pounds(ret.totals.financialYears.pence[i] as number)), 2));

  const alpWord = (isAlp: boolean | null) => (isAlp === null ? '—' : isAlp ? t('returnBook.breakdown.alp') : t('returnBook.breakdown.notAlp'));
  const breakdownTable = (title: string, first: string, rows: Array<{ label: string; extra?: string; costPence: number; chargedPence: number }>, extraHeading?: string) => {
    heading(title);
    const all = t('returnBook.breakdown.allCosts');
    const charged = t('returnBook.breakdown.charged');
    sheet.addRow(extraHeading ? [first, extraHeading, all, charged] : [first, all, charged]).font = { bold: true };
    for (const r of rows) {
      if (extraHeading) money(row(r.label, r.extra ?? '', pounds(r.costPence), pounds(r.chargedPence)), 3, 4);
      else money(row(r.label, pounds(r.costPence), pounds(r.chargedPence)), 2, 3);
    }
  };
  breakdownTable(
    t('returnBook.breakdown.byTier'),
    t('returnBook.breakdown.tier'),
    ret.totals.byTier.map((b) => ({ label: named.tiers(b.name), extra: alpWord(b.isAlp), costPence: b.costPence, chargedPence: b.chargedPence })),
    t('returnBook.breakdown.alpQ'),
  );
  breakdownTable(
    t('returnBook.breakdown.byAlp'),
    t('returnBook.breakdown.classification'),
    ret.totals.byAlp.map((b) => ({ label: alpWord(b.key === 'alp'), costPence: b.costPence, chargedPence: b.chargedPence })),
  );
  breakdownTable(
    t('returnBook.breakdown.byArea'),
    t('returnBook.breakdown.area'),
    ret.totals.byArea.map((b) => ({ label: named.areas(b.name), costPence: b.costPence, chargedPence: b.chargedPence })),
  );
  breakdownTable(
    t('returnBook.breakdown.byFunding'),
    t('returnBook.breakdown.funding'),
    ret.totals.byFundingSource.map((b) => ({ label: t(`enums.fundingSource.${b.key}`), costPence: b.costPence, chargedPence: b.chargedPence })),
  );

  if (forPrint) layOutMainSheetForPrint(sheet, entryRows, titleLines, headingRows);

  const lines = workbook.addWorksheet(t('returnBook.sheet.lines'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const L = (k: string) => t(`returnBook.lines.${k}`);
  lines.columns = [
    { header: L('name'), width: 36 },
    { header: L('tier'), width: 16 },
    { header: L('alp'), width: 8 },
    { header: L('areas'), width: 40 },
    { header: L('language'), width: 14 },
    { header: L('welshMedium'), width: 12 },
    { header: L('funding'), width: 28 },
    // Its heading on two lines: "Oriau cyswllt yr wythnos (fesul dysgwr)" in five made the Welsh
    // heading row so tall that the last lines printed on pages of their own.
    { header: L('hours'), width: 27 },
    { header: L('weeks'), width: 8 },
    { header: L('cost'), width: 14 },
    { header: L('learners'), width: 14 },
  ];
  lines.getRow(1).font = { bold: true };
  for (const l of ret.lines) {
    const r = lines.addRow([
      named.lines(l.name),
      named.tiers(l.tierName),
      alpWord(l.isAlp),
      l.areas.map(named.areas).join('; '),
      t(`enums.deliveryLanguage.${l.deliveryLanguage}`),
      l.welshMedium ? L('yes') : L('no'),
      t(`enums.fundingSource.${l.fundingSource}`),
      Math.round((l.contactMinutesPerWeek / 60) * 100) / 100,
      l.weeks,
      pounds(l.costPence),
      count(l.learners),
    ]);
    r.getCell(10).numFmt = POUNDS;
  }
  // A blank school's return: a row that says there are no lines, not headings over nothing.
  if (ret.lines.length === 0 && saysWhenEmpty) lines.addRow([L('none')]).font = { italic: true };
  lines.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 11 } };
  // A4; wrapped headings given their height; wider than a page at 75%: across pages, the line's name repeated.
  if (forPrint) {
    layOutForPrint(lines, { orientation: 'landscape' });
    // Hours, weeks, cost and learners right-aligned; names, areas and funding (often longer in Welsh) wrapped.
    wrapTextInRows(lines, { rightAligned: [8, 9, 10, 11] });
    // Each page names the school and year, the sheet and the page: the lines sheet has no title row of its own.
    for (const ws of [sheet, lines]) pageFooter(ws, title, t('export.footerPage'));
  }
}

/** The first value below `rowNumber` in column `c`, looking no further than the row after next. */
function firstBelow(sheet: ExcelJS.Worksheet, rowNumber: number, c: number): ExcelJS.CellValue {
  return sheet.getRow(rowNumber + 1).getCell(c).value ?? sheet.getRow(rowNumber + 2).getCell(c).value;
}

/**
 * The main sheet in print: the title on one line across the empty cells beside it (wrapped in the labels'
 * column, its second line was cut off), or, a school's name too long for one line, wrapped across the
 * sheet's width (its cells merged) in a row tall enough for it; each row as tall as its longest wrapped
 * text (the same estimate as the lines sheet's, `wrapTextInRows`: a place name longer than its column
 * broken across lines, an indented value given less of its column), every cell at the top so a figure
 * sits beside its label's first line; a listed value (the school's details, the counts, whether a number
 * or words: "fewer than 5") at the left of its column, and text beside a column of figures set in from the
 * left, so "£62,000.00" and "Academic year 2026-27" never read as one; and each section (a heading at
 * `headingRows`, down to the blank row before the next) printed whole on one page, as the governors'
 * workbook's tables are (keepTogether): LibreOffice left "Sefyllfa’r gyllideb" with one row of its table at
 * the foot of page 1 and the rest on page 2.
 */
function layOutMainSheetForPrint(sheet: ExcelJS.Worksheet, entryRows: ReadonlySet<number>, titleLines: number, headingRows: readonly number[]): void {
  sheet.getCell('A1').alignment = { wrapText: titleLines > 1, vertical: 'top' };
  if (titleLines > 1) sheet.getRow(1).height = titleLines * TITLE_LINE_PT;
  sheet.eachRow((row) => {
    if (row.number <= 1) return;
    row.eachCell((cell, c) => {
      if (c === 1) return;
      if (entryRows.has(Number(row.number))) cell.alignment = { ...cell.alignment, horizontal: 'left', indent: 1 };
      // A table's heading over a column of figures stands over them, at the right (the first figure may
      // be a row further down, below one that says the table has no rows: "No income entered.").
      else if (row.font?.bold && typeof firstBelow(sheet, Number(row.number), c) === 'number') cell.alignment = { ...cell.alignment, horizontal: 'right' };
      else if (typeof cell.value === 'string') cell.alignment = { ...cell.alignment, horizontal: 'left', indent: 2 };
    });
  });
  // Heights last, once each cell's indent is known: an indented value has less of its column to wrap in.
  wrapTextInRows(sheet);
  // Page breaks last of all, from the rows' final heights.
  headingRows.forEach((first, i) => keepTogether(sheet, first, (headingRows[i + 1] ?? sheet.rowCount + 2) - 2));
  breakPagesBetweenTables(sheet);
}

function addDataSheet(workbook: ExcelJS.Workbook, json: string, envelope: ReturnEnvelope, checksum: string): void {
  const data = workbook.addWorksheet(RETURN_DATA_SHEET, { state: 'veryHidden' });
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += JSON_CHUNK_CHARS) chunks.push(json.slice(i, i + JSON_CHUNK_CHARS));
  data.addRow(['format', envelope.format]);
  data.addRow(['version', envelope.version]);
  data.addRow(['sha256', checksum]);
  data.addRow(['writtenBy', envelope.writtenBy]);
  data.addRow(['chunks', chunks.length]);
  for (const c of chunks) data.addRow(['json', c]);
}

/**
 * Low level (tests use it to make files with a chosen envelope or JSON): the workbook bytes for `json`,
 * its checksum computed over exactly that text unless `checksum` is given.
 */
export async function returnWorkbookBytes(ret: AuthorityReturn, json: string, envelope: ReturnEnvelope, checksum = sha256Hex(json), lang: Lang = 'en'): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = envelope.writtenBy;
  workbook.title = translatorFor(lang)('returnBook.title', { school: recordName(ret.school, lang), year: ret.school.academicYear });
  addReadableSheets(workbook, ret, lang, { forPrint: true, version: envelope.version });
  addDataSheet(workbook, json, envelope, checksum);
  return Buffer.from(await xlsxBytes(workbook));
}

/**
 * The .xlsx bytes of a return, with its canonical JSON, checksum, format and version. The sheets a person
 * reads are in `lang`; the data Mapio reads back is the same in either language. The return is stamped
 * with the time it is written (`writtenAt`): of two returns for a school and year, the later wins.
 */
export function writeReturnWorkbook(ret: AuthorityReturn, writtenBy: string, lang: Lang = 'en', writtenAt: Date = new Date()): Promise<Buffer> {
  const stamped: AuthorityReturn = { ...ret, writtenAt: writtenAt.toISOString() };
  const json = canonicalJson(stamped);
  return returnWorkbookBytes(stamped, json, { format: AUTHORITY_RETURN_FORMAT, version: AUTHORITY_RETURN_VERSION, writtenBy }, sha256Hex(json), lang);
}
