/**
 * The authority comparison as an Excel workbook: schools side by side with their context, the
 * authority's medians, classification differences, outliers (as questions), and a sheet saying how each
 * figure is made, in English or Welsh. Frozen headers, filters and print set-up on every table. Money is
 * shown in pounds; the exact figures are integer pence in Mapio.
 */
import ExcelJS from 'exceljs';
import type { ReturnCount } from '../../shared/authority/returnFormat';
import { MEASURE_INFO, type AuthorityComparison, type Share } from '../../shared/authority/comparison';
import { comparisonWords } from '../../shared/authority/comparisonWords';
import { countInWords } from '../../shared/authority/countWords';
import { createI18n, type Lang } from '../../shared/i18n';

const POUNDS = '£#,##0.00;-£#,##0.00';
const PERCENT = '0.00%';

const pounds = (p: number | null) => (p === null ? null : p / 100);
/** A share as an Excel fraction (formatted as %), or blank when not shown. */
const fraction = (s: Share | null) => (s && s.denominator > 0 ? s.numerator / s.denominator : null);

function table(workbook: ExcelJS.Workbook, name: string, columns: Array<{ header: string; width: number; format?: string }>, landscape = true): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }],
    pageSetup: { orientation: landscape ? 'landscape' : 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.format ? { numFmt: c.format } : {} }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

export async function writeComparisonWorkbook(comparison: AuthorityComparison, title?: string, lang: Lang = 'en'): Promise<Buffer> {
  const { t } = createI18n(lang);
  const words = comparisonWords(t);
  const H = (k: string) => t(`compareBook.col.${k}`);
  const count = (c: ReturnCount) => countInWords(t, c);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mapio';
  workbook.title = title ?? t('compareBook.title');

  const schools = table(workbook, t('compareBook.sheet.schools'), [
    { header: H('school'), width: 34 },
    { header: H('phase'), width: 12 },
    { header: H('medium'), width: 12 },
    { header: H('roll'), width: 10 },
    { header: H('efsm'), width: 11, format: PERCENT },
    { header: H('aln'), width: 11 },
    { header: words.measure('alnShareOfRoll'), width: 12, format: PERCENT },
    { header: H('idps'), width: 9 },
    { header: words.measure('idpShareOfAln'), width: 12, format: PERCENT },
    { header: H('idpsSchool'), width: 11 },
    { header: H('idpsLa'), width: 11 },
    { header: words.measure('alnBudgetPence'), width: 15, format: POUNDS },
    { header: H('published'), width: 15, format: POUNDS },
    { header: words.measure('committedPence'), width: 15, format: POUNDS },
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
    { header: H('notes'), width: 50 },
    { header: H('officialNumber'), width: 12 },
    { header: H('replacedFiles'), width: 30 },
  ]);
  for (const r of comparison.schools) {
    const c = r.context;
    schools.addRow([
      c.name,
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
      pounds(r.alnBudgetPence),
      pounds(r.publishedAllocationPence),
      pounds(r.committedPence),
      pounds(r.totalCostPence),
      pounds(r.budgetPositionPence),
      pounds(r.spendPerLearnerWithAlnPence),
      pounds(r.spendPerPupilPence),
      fraction(r.alpShareOfLineCost),
      fraction(r.notAlpShareOfLineCost),
      fraction(r.welshMediumShareOfAlpCost),
      c.alpDefinitionSource || t('authority.outliers.notStated'),
      c.alpDefinitionDate ?? '',
      c.academicYear,
      r.fileName ?? '',
      r.notes.map((n) => words.note(n)).join(' '),
      c.officialNumber,
      r.replacedFiles.join('; '),
    ]);
  }
  // The authority median under the schools, for each measure that has one (outside the filter range's data rows).
  const med = (key: keyof typeof MEASURE_INFO) => comparison.measures.find((m) => m.measure.key === key)?.median ?? null;
  const bp = (v: number | null) => (v === null ? null : v / 10_000);
  const medianRow = schools.addRow([
    t('compareBook.median'),
    null,
    null,
    null,
    null,
    null,
    bp(med('alnShareOfRoll')),
    null,
    bp(med('idpShareOfAln')),
    null,
    null,
    pounds(med('alnBudgetPence')),
    null,
    pounds(med('committedPence')),
    null,
    pounds(med('budgetPositionPence')),
    pounds(med('spendPerLearnerWithAlnPence')),
    pounds(med('spendPerPupilPence')),
    bp(med('alpShareOfLineCost')),
    null,
    bp(med('welshMediumShareOfAlpCost')),
  ]);
  medianRow.font = { bold: true, italic: true };

  const D = (k: string) => t(`compareBook.diff.${k}`);
  const diffs = table(workbook, t('compareBook.sheet.differences'), [
    { header: D('intervention'), width: 30 },
    { header: D('names'), width: 40 },
    { header: D('schoolsAlp'), width: 10 },
    { header: D('learnersAlp'), width: 12 },
    { header: D('costAlp'), width: 14, format: POUNDS },
    { header: D('schoolsNotAlp'), width: 10 },
    { header: D('learnersNotAlp'), width: 12 },
    { header: D('costNotAlp'), width: 14, format: POUNDS },
    { header: D('alpAt'), width: 50 },
    { header: D('notAlpAt'), width: 60 },
  ]);
  const learners = (x: { known: number; linesWithFewerThan5: number }) => (x.linesWithFewerThan5 === 0 ? x.known : D2('learnersWithSmall', x));
  const D2 = (k: string, x: { known: number; linesWithFewerThan5: number }) => t(`compareBook.diff.${k}`, { known: x.known, count: x.linesWithFewerThan5 });
  for (const g of comparison.classificationDifferences) {
    diffs.addRow([
      g.displayName,
      g.variants.join('; '),
      g.alp.schoolCount,
      learners(g.alp.learners),
      pounds(g.alp.costPence),
      g.notAlp.schoolCount,
      learners(g.notAlp.learners),
      pounds(g.notAlp.costPence),
      g.alp.schools.map((x) => x.schoolName).join('; '),
      g.notAlp.schools.map((x) => `${x.schoolName} (${x.tierNames.join(', ')})`).join('; '),
    ]);
  }

  const O = (k: string) => t(`compareBook.outliers.${k}`);
  const outliers = table(workbook, t('compareBook.sheet.outliers'), [
    { header: O('school'), width: 32 },
    { header: O('figure'), width: 34 },
    { header: O('value'), width: 14 },
    { header: O('median'), width: 14 },
    { header: O('direction'), width: 10 },
    { header: O('question'), width: 90 },
  ]);
  const rowByKey = new Map(comparison.schools.map((r) => [r.schoolKey, r]));
  for (const o of comparison.outliers) {
    const row = outliers.addRow([
      o.schoolName,
      words.measure(o.measure),
      o.unit === 'pence' ? o.value / 100 : o.value / 10_000,
      o.unit === 'pence' ? o.median / 100 : o.median / 10_000,
      O(o.direction),
      words.question(o, rowByKey.get(o.schoolKey)),
    ]);
    const format = o.unit === 'pence' ? POUNDS : PERCENT;
    row.getCell(3).numFmt = format;
    row.getCell(4).numFmt = format;
    row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
  }

  const A = (k: string) => t(`compareBook.about.${k}`);
  const about = workbook.addWorksheet(t('compareBook.sheet.about'), { pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  about.columns = [{ width: 42 }, { width: 100 }];
  about.addRow([A('title')]).font = { bold: true, size: 14 };
  about.addRow([A('context')]);
  about.addRow([A('outliers'), words.rule()]);
  about.addRow([A('smallNumbers'), A('smallNumbersText')]);
  about.addRow([A('matching'), A('matchingText')]);
  for (const m of Object.values(MEASURE_INFO)) about.addRow([words.measure(m.key), words.measureMade(m.key, m.denominator)]);
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
