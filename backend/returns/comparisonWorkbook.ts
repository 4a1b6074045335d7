/**
 * The authority comparison as an Excel workbook: schools side by side with their context and published
 * allocation; the authority as a whole in its own sheet (totals and medians, never a row among the
 * schools); the listed schools not yet returned; a flat sheet for the officer's own model; classification
 * differences; outliers within each phase (as questions, and where there were too few schools, why); and
 * a sheet saying how each figure is made, in English or Welsh. Frozen headers, filters and A4 print set-up
 * on every table (backend/exports/sheetPrintLayout.ts). Money is shown in pounds (the flat sheet: £, or £k
 * without the £ sign for amounts, per-head figures still in £);
 * the exact figures are integer pence in Mapio.
 */
import type ExcelJS from 'exceljs';
import type { ReturnCount } from '../../shared/authority/returnFormat';
import { MEASURE_INFO, type AuthorityComparison, type LearnerTally, type MeasureKey, type Share } from '../../shared/authority/comparison';
import { columnsOnFirstPage, layOutForPrint, pageFooter, wrapTextInRows } from '../exports/sheetPrintLayout';
import { LINE_POINTS, wrappedLineCount } from '../exports/textLines';
import { byShownSchoolName, comparisonWords, shownSchoolName } from '../../shared/authority/comparisonWords';
import { countInWords } from '../../shared/authority/countWords';
import { createI18n, type Lang } from '../../shared/i18n';
import { dateText } from '../exports/exportLabels';
import { inLanguage } from '../../shared/i18n/schoolWords';
import { newWorkbook, xlsxBytes } from '../exports/excelLibrary';
import { breakPagesBetweenTables, keepTogether } from '../exports/sheetPrint';

const POUNDS = '£#,##0.00;-£#,##0.00';
/** Counts of schools, pupils and learners: grouped in thousands, as the money is (1,680, not 1680). */
const COUNT = '#,##0';
const PERCENT = '0.00%';

const pounds = (p: number | null) => (p === null ? null : p / 100);
/** A share as an Excel fraction (formatted as %), or blank when not shown. */
const fraction = (s: Share | null) => (s && s.denominator > 0 ? s.numerator / s.denominator : null);

/**
 * Thousands of pounds, as a Section 52 statement and an officer's funding model give them: no £ sign (the
 * heading says £k; "£62.000" read as sixty-two pounds), to three places so a sum is exact to the pound.
 */
const THOUSANDS = '#,##0.000;-#,##0.000';

function table(workbook: ExcelJS.Workbook, name: string, columns: Array<{ header: string; width: number; format?: string }>): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.format ? { numFmt: c.format } : {} }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

export interface ComparisonWorkbookOptions {
  /** The flat sheet's money: pounds (default) or thousands of pounds. */
  flatUnit?: 'pounds' | 'thousands';
}

/** The schools sheet's counts of learners and IDPs (a number, or words when withheld): its columns 7, 9, 11 and 12. */
const SCHOOL_COUNT_COLUMNS = [7, 9, 11, 12];

export async function writeComparisonWorkbook(comparison: AuthorityComparison, title?: string, lang: Lang = 'en', options: ComparisonWorkbookOptions = {}): Promise<Buffer> {
  const { t } = createI18n(lang);
  const words = comparisonWords(t, lang);
  // The school's name as the reader reads it: the Welsh it gave, in a Welsh workbook (the English where it gave none).
  const schoolName = (english: string, welsh: string) => inLanguage(english, welsh, lang);
  // The schools and model sheets list the schools in the order of the names shown: a Welsh reader's in Welsh
  // alphabetical order; an English reader's as the comparison gives them (by English name).
  const byName = byShownSchoolName(lang);
  const schoolRows = lang === 'cy' ? [...comparison.schools].sort((a, b) => byName(a.context, b.context)) : comparison.schools;
  const H = (k: string) => t(`compareBook.col.${k}`);
  const count = (c: ReturnCount) => countInWords(t, c);
  const workbook = await newWorkbook();
  workbook.creator = 'Mapio';
  workbook.title = title ?? t('compareBook.title');
  // `repeatColumns`: the leading columns that say whose a row is, repeated on every page a wide sheet prints across.
  // `rightAligned`: the columns of figures that may be words ("fewer than 5", "No list imported"), read at the right as the figures are.
  const sheets: Array<{ sheet: ExcelJS.Worksheet; orientation: 'landscape' | 'portrait'; repeatColumns?: number; rightAligned?: number[] }> = [];

  const schools = table(workbook, t('compareBook.sheet.schools'), [
    { header: H('school'), width: 30 },
    { header: H('officialNumber'), width: 10 },
    { header: H('phase'), width: 12 },
    { header: H('medium'), width: 12 },
    { header: H('roll'), width: 10, format: COUNT },
    { header: H('efsm'), width: 11, format: PERCENT },
    { header: H('aln'), width: 11, format: COUNT },
    { header: words.measure('alnShareOfRoll'), width: 12, format: PERCENT },
    { header: H('idps'), width: 9, format: COUNT },
    { header: words.measure('idpShareOfAln'), width: 12, format: PERCENT },
    { header: H('idpsSchool'), width: 11, format: COUNT },
    { header: H('idpsLa'), width: 11, format: COUNT },
    { header: H('published'), width: 15, format: POUNDS },
    { header: H('delegatedIncome'), width: 15, format: POUNDS },
    { header: H('allocationDifference'), width: 15, format: POUNDS },
    { header: words.measure('alnBudgetPence'), width: 15, format: POUNDS },
    { header: words.measure('committedPence'), width: 15, format: POUNDS },
    { header: H('committedOfAllocation'), width: 13, format: PERCENT },
    { header: H('allCosts'), width: 15, format: POUNDS },
    { header: words.measure('budgetPositionPence'), width: 15, format: POUNDS },
    { header: words.measure('spendPerLearnerWithAlnPence'), width: 14, format: POUNDS },
    { header: words.measure('spendPerPupilPence'), width: 14, format: POUNDS },
    { header: words.measure('alpShareOfLineCost'), width: 12, format: PERCENT },
    { header: H('notAlpShare'), width: 12, format: PERCENT },
    { header: words.measure('welshMediumShareOfAlpCost'), width: 12, format: PERCENT },
    { header: H('definition'), width: 30 },
    { header: H('definitionDate'), width: 12 },
    { header: H('year'), width: 9 },
    { header: H('file'), width: 26 },
    { header: H('officerNote'), width: 40 },
    { header: H('notes'), width: 50 },
    { header: H('replacedFiles'), width: 30 },
  ]);
  for (const r of schoolRows) {
    const c = r.context;
    schools.addRow([
      shownSchoolName(c, lang),
      r.officialNumber,
      t(`authority.phase.${c.phase}`),
      t(`authority.medium.${c.languageMedium}`),
      c.numberOnRoll,
      c.efsmBasisPoints === null ? null : c.efsmBasisPoints / 10_000,
      count(c.learnersWithAln),
      fraction(r.alnShareOfRoll),
      count(c.idps),
      fraction(r.idpShareOfAln),
      count(c.idpsSchoolMaintained),
      count(c.idpsLaMaintained),
      pounds(r.publishedAllocationPence),
      pounds(r.delegatedIncomePence),
      pounds(r.allocationDifferencePence),
      pounds(r.alnBudgetPence),
      pounds(r.committedPence),
      fraction(r.committedShareOfAllocation),
      pounds(r.totalCostPence),
      pounds(r.budgetPositionPence),
      pounds(r.spendPerLearnerWithAlnPence),
      pounds(r.spendPerPupilPence),
      fraction(r.alpShareOfLineCost),
      fraction(r.notAlpShareOfLineCost),
      fraction(r.welshMediumShareOfAlpCost),
      // In a Welsh workbook, the Welsh the school gave for whose definition it applied (as its return shows it).
      words.definition(c),
      c.alpDefinitionDate ? dateText(c.alpDefinitionDate, lang) : '',
      c.academicYear,
      r.fileName ?? '',
      r.note ?? '',
      r.notes.map((n) => words.note(n)).join(' '),
      r.replacedFiles.join('; '),
    ]);
  }
  sheets.push({ sheet: schools, orientation: 'landscape', rightAligned: SCHOOL_COUNT_COLUMNS });

  // The authority as a whole: its own sheet, never a row among the schools (a filter or sort would carry it off).
  const B = (k: string) => t(`compareBook.block.${k}`);
  const block = table(workbook, t('compareBook.sheet.authority'), [
    { header: B('figure'), width: 40 },
    { header: B('total'), width: 18 },
    { header: B('median'), width: 16 },
  ]);
  const med = (key: MeasureKey) => comparison.measures.find((m) => m.measure.key === key)?.median ?? null;
  const totals = comparison.totals;
  const moneyRow = (label: string, total: number | null, median: number | null) => {
    const row = block.addRow([label, pounds(total), pounds(median)]);
    row.getCell(2).numFmt = POUNDS;
    row.getCell(3).numFmt = POUNDS;
  };
  const countRow = (label: string, total: number | string) => {
    block.addRow([label, total, null]).getCell(2).numFmt = COUNT;
  };
  countRow(B('schools'), totals.schools);
  // Without the authority's list there is no count of it, and no school can be known not to have returned: said in words.
  countRow(B('listed'), comparison.listedSchools ?? B('noList'));
  countRow(B('notReturned'), comparison.listedSchools === null ? B('noList') : comparison.notReturned.length);
  countRow(B('roll'), totals.numberOnRoll);
  // No allocation imported or entered reads as that, never £0.00; a total of some schools' allocations says whose.
  if (totals.publishedAllocationPence === null) block.addRow([B('published'), B('publishedNone'), null]);
  else moneyRow(words.publishedLabel(totals), totals.publishedAllocationPence, null);
  moneyRow(B('delegated'), totals.delegatedIncomePence, null);
  moneyRow(words.measure('alnBudgetPence'), null, med('alnBudgetPence'));
  moneyRow(B('committed'), totals.committedPence, med('committedPence'));
  moneyRow(B('allCosts'), totals.totalCostPence, null);
  moneyRow(words.measure('budgetPositionPence'), null, med('budgetPositionPence'));
  moneyRow(words.measure('spendPerLearnerWithAlnPence'), null, med('spendPerLearnerWithAlnPence'));
  moneyRow(words.measure('spendPerPupilPence'), null, med('spendPerPupilPence'));
  for (const key of ['alnShareOfRoll', 'idpShareOfAln', 'alpShareOfLineCost', 'welshMediumShareOfAlpCost'] as const) {
    const m = med(key);
    block.addRow([words.measure(key), null, m === null ? null : m / 10_000]).getCell(3).numFmt = PERCENT;
  }
  sheets.push({ sheet: block, orientation: 'portrait', rightAligned: [2, 3] });

  const notReturned = table(workbook, t('compareBook.sheet.notReturned'), [
    { header: H('school'), width: 34 },
    { header: H('officialNumber'), width: 10 },
    { header: H('phase'), width: 12 },
    { header: H('medium'), width: 12 },
  ]);
  const notReturnedRows = lang === 'cy' ? [...comparison.notReturned].sort(byName) : comparison.notReturned;
  for (const l of notReturnedRows) notReturned.addRow([shownSchoolName(l, lang), l.officialNumber, t(`authority.phase.${l.phase}`), t(`authority.medium.${l.languageMedium}`)]);
  // An empty table says so, as the screen does, rather than print headings over nothing.
  // A sentence under a table (that it is empty, why outliers were not looked for) reads across the table's
  // width, not wrapped down its first column.
  const sentences: ExcelJS.Row[] = [];
  const sentence = (sheet: ExcelJS.Worksheet, words: string): ExcelJS.Row => {
    const row = sheet.addRow([words]);
    sentences.push(row);
    return row;
  };
  // A sheet whose table is empty prints on one page: its headings as far as the first page reaches, and the sentence.
  const emptySheets = new Set<ExcelJS.Worksheet>();
  const none = (sheet: ExcelJS.Worksheet, words: string) => {
    emptySheets.add(sheet);
    sentence(sheet, words).font = { italic: true };
  };
  if (comparison.listedSchools === null) none(notReturned, t('compareBook.notReturnedNoList'));
  else if (comparison.notReturned.length === 0) none(notReturned, t('compareBook.notReturnedNone'));
  sheets.push({ sheet: notReturned, orientation: 'portrait' });

  // For the officer's own model: one row per school, official number first, fixed columns, numbers only.
  const inThousands = options.flatUnit === 'thousands';
  const unit = t(`compareBook.model.${inThousands ? 'thousands' : 'pounds'}`);
  const M = (figure: string) => t('compareBook.model.money', { figure, unit });
  const money = (p: number | null) => (p === null ? null : inThousands ? p / 100_000 : p / 100);
  const MONEY = inThousands ? THOUSANDS : POUNDS;
  // Spend per pupil and per learner are a few pounds or thousands: always in pounds, and headed so.
  const perHead = (figure: string) => t('compareBook.model.money', { figure, unit: t('compareBook.model.pounds') });
  // Its official number and name say whose a row is (a school without a number is known by its name alone):
  // both stay in view on screen and print on every page across.
  const model = workbook.addWorksheet(t('compareBook.sheet.model'), { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  model.columns = [
    { header: H('officialNumber'), width: 10 },
    { header: H('school'), width: 30 },
    { header: H('phase'), width: 12 },
    { header: H('medium'), width: 12 },
    { header: H('year'), width: 9 },
    { header: H('roll'), width: 10, style: { numFmt: COUNT } },
    { header: H('aln'), width: 11, style: { numFmt: COUNT } },
    { header: H('idps'), width: 9, style: { numFmt: COUNT } },
    { header: M(H('published')), width: 15, style: { numFmt: MONEY } },
    { header: M(H('delegatedIncome')), width: 15, style: { numFmt: MONEY } },
    { header: M(words.measure('alnBudgetPence')), width: 15, style: { numFmt: MONEY } },
    { header: M(words.measure('committedPence')), width: 15, style: { numFmt: MONEY } },
    { header: M(H('allCosts')), width: 15, style: { numFmt: MONEY } },
    { header: perHead(words.measure('spendPerPupilPence')), width: 14, style: { numFmt: POUNDS } },
    { header: perHead(words.measure('spendPerLearnerWithAlnPence')), width: 14, style: { numFmt: POUNDS } },
  ];
  model.getRow(1).font = { bold: true };
  for (const r of schoolRows) {
    const c = r.context;
    model.addRow([
      r.officialNumber,
      shownSchoolName(c, lang),
      t(`authority.phase.${c.phase}`),
      t(`authority.medium.${c.languageMedium}`),
      c.academicYear,
      c.numberOnRoll,
      c.learnersWithAln.value,
      c.idps.value,
      money(r.publishedAllocationPence),
      money(r.delegatedIncomePence),
      money(r.alnBudgetPence),
      money(r.committedPence),
      money(r.totalCostPence),
      pounds(r.spendPerPupilPence),
      pounds(r.spendPerLearnerWithAlnPence),
    ]);
  }
  model.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 15 } };
  sheets.push({ sheet: model, orientation: 'landscape', repeatColumns: 2 });

  const D = (k: string) => t(`compareBook.diff.${k}`);
  const diffs = table(workbook, t('compareBook.sheet.differences'), [
    { header: D('intervention'), width: 30 },
    { header: D('names'), width: 40 },
    { header: D('schoolsAlp'), width: 10, format: COUNT },
    { header: D('learnersAlp'), width: 12, format: COUNT },
    { header: D('costAlp'), width: 14, format: POUNDS },
    { header: D('schoolsNotAlp'), width: 10, format: COUNT },
    { header: D('learnersNotAlp'), width: 12, format: COUNT },
    { header: D('costNotAlp'), width: 14, format: POUNDS },
    { header: D('alpAt'), width: 50 },
    { header: D('notAlpAt'), width: 60 },
  ]);
  // Learners on the lines: a figure; or, where some lines' counts are withheld, in words that read beside the
  // schools' count: "fewer than 5 (1 line)", "12, plus fewer than 5 on each (2 other lines)".
  const learners = (x: LearnerTally) =>
    x.linesWithFewerThan5 === 0
      ? x.known
      : x.known === 0
        ? t('compareBook.diff.learnersSmallOnly', { count: x.linesWithFewerThan5 })
        : t('compareBook.diff.learnersWithSmall', { known: x.known, count: x.linesWithFewerThan5 });
  for (const g of comparison.classificationDifferences) {
    diffs.addRow([
      words.intervention(g),
      // As the schools wrote them, in the reader's language: the Welsh each school gave, in a Welsh workbook.
      words.variants(g).join('; '),
      g.alp.schoolCount,
      learners(g.alp.learners),
      pounds(g.alp.costPence),
      g.notAlp.schoolCount,
      learners(g.notAlp.learners),
      pounds(g.notAlp.costPence),
      g.alp.schools.map((x) => schoolName(x.schoolName, x.schoolNameCy)).join('; '),
      g.notAlp.schools.map((x) => `${schoolName(x.schoolName, x.schoolNameCy)} (${words.tiers(x)})`).join('; '),
    ]);
  }
  if (comparison.classificationDifferences.length === 0) none(diffs, t('authority.classification.none'));
  sheets.push({ sheet: diffs, orientation: 'landscape', rightAligned: [4, 7] });

  const O = (k: string) => t(`compareBook.outliers.${k}`);
  const outliers = table(workbook, t('compareBook.sheet.outliers'), [
    { header: O('school'), width: 30 },
    { header: O('phase'), width: 12 },
    { header: O('figure'), width: 30 },
    { header: O('value'), width: 14 },
    { header: O('median'), width: 14 },
    { header: O('direction'), width: 10 },
    { header: O('question'), width: 70 },
  ]);
  const rowByKey = new Map(comparison.schools.map((r) => [r.schoolKey, r]));
  for (const o of comparison.outliers) {
    const row = outliers.addRow([
      schoolName(o.schoolName, o.schoolNameCy),
      t(`authority.phase.${o.phase}`),
      words.measure(o.measure),
      o.unit === 'pence' ? o.value / 100 : o.value / 10_000,
      o.unit === 'pence' ? o.median / 100 : o.median / 10_000,
      O(o.direction),
      words.question(o, rowByKey.get(o.schoolKey)),
    ]);
    const format = o.unit === 'pence' ? POUNDS : PERCENT;
    row.getCell(4).numFmt = format;
    row.getCell(5).numFmt = format;
    row.getCell(7).alignment = { wrapText: true, vertical: 'top' };
  }
  if (comparison.outliers.length === 0) none(outliers, words.noOutliers(comparison.phaseMeasures));
  // Where a phase had too few schools for fences, say so and why, below the questions.
  const tooFew = comparison.phaseMeasures.filter((m) => m.lowerFence === null);
  if (tooFew.length > 0) {
    outliers.addRow([]);
    const title = sentence(outliers, O('tooFewTitle'));
    title.font = { bold: true };
    for (const m of tooFew) sentence(outliers, words.tooFew(m));
    // Printed with its sentences: it was left at the foot of a page with two of its thirty, the rest overleaf.
    keepTogether(outliers, Number(title.number), outliers.rowCount);
  }
  sheets.push({ sheet: outliers, orientation: 'landscape' });

  const A = (k: string) => t(`compareBook.about.${k}`);
  const about = workbook.addWorksheet(t('compareBook.sheet.about'), { pageSetup: { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  about.columns = [{ width: 42 }, { width: 100 }];
  about.addRow([A('title')]).font = { bold: true, size: 14 };
  about.addRow([A('context')]);
  about.addRow([A('outliers'), words.rule()]);
  about.addRow([A('smallNumbers'), A('smallNumbersText')]);
  about.addRow([A('matching'), A('matchingText')]);
  about.addRow([t('compareBook.sheet.model'), t('compareBook.model.note')]);
  for (const m of Object.values(MEASURE_INFO)) about.addRow([words.measure(m.key), words.measureMade(m.key, m.denominator)]);
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  // The context sentence reads across both columns; each note below it wraps in a row tall enough for its
  // lines (without the height, a long note printed over the ones below it).
  about.mergeCells('A2:B2');
  about.getCell('A2').alignment = { wrapText: true, vertical: 'top' };
  about.getRow(2).height = wrappedLineCount(A('context'), 142, {}) * LINE_POINTS;
  wrapTextInRows(about, { headingRow: 2 });

  for (const { sheet, orientation, repeatColumns } of sheets) layOutForPrint(sheet, { orientation, repeatColumns });
  // Long text wraps in rows tall enough; the figures that may be words are right-aligned.
  for (const { sheet, rightAligned } of sheets) wrapTextInRows(sheet, { rightAligned: rightAligned ?? [] });
  // A sentence reads across the columns the first page prints, wrapped within them: merged across a wide
  // sheet's every column, it was cut at each page's edge ("No intervention is classed as ALP at c").
  for (const row of sentences) {
    const sheet = row.worksheet;
    const across = columnsOnFirstPage(sheet);
    let width = 0;
    for (let c = 1; c <= across; c += 1) width += sheet.getColumn(c).width ?? 9;
    if (across > 1) sheet.mergeCells(Number(row.number), 1, Number(row.number), across);
    const cell = row.getCell(1);
    cell.alignment = { wrapText: true, vertical: 'top' };
    row.height = wrappedLineCount(cell.text, width, { bold: cell.font?.bold, size: cell.font?.size }) * LINE_POINTS;
  }
  // An empty table's sheet prints those columns only, on one page wide: no pages of headings over nothing.
  for (const sheet of emptySheets) {
    const across = columnsOnFirstPage(sheet);
    if (across === sheet.columnCount) continue;
    // Absolute, as Excel writes it: ExcelJS puts a "$" before each end's column only.
    sheet.pageSetup.printArea = `A$1:${sheet.getColumn(across).letter}$${sheet.rowCount}`;
    Object.assign(sheet.pageSetup, { printTitlesColumn: undefined, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  }
  // Pages end at manual breaks, laid out once each row's height and the sheet's scale are final, so the
  // outliers' "Too few schools for fences" prints on one page with its sentences, as the governors' workbook's tables do.
  breakPagesBetweenTables(outliers);
  // Each printed page names the comparison, its sheet and the page: most sheets start with their table's headings.
  for (const sheet of workbook.worksheets) if (sheet.state === 'visible') pageFooter(sheet, workbook.title, t('export.footerPage'));
  return Buffer.from(await xlsxBytes(workbook));
}
