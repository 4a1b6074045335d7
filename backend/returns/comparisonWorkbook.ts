/**
 * The authority comparison as an Excel workbook: schools side by side with their context, the
 * authority's medians, classification differences, outliers (as questions), and a sheet saying how each
 * figure is made. Frozen headers, filters and print set-up on every table. Money is shown in pounds; the
 * exact figures are integer pence in Mapio.
 */
import ExcelJS from 'exceljs';
import { describeCount } from '../../shared/authority/returnFormat';
import { MEASURE_INFO, OUTLIER_RULE, type AuthorityComparison, type Share } from '../../shared/authority/comparison';

const POUNDS = '£#,##0.00;-£#,##0.00';
const PERCENT = '0.00%';
const MEDIUM: Record<string, string> = { english: 'English', welsh: 'Welsh', bilingual: 'Bilingual', dual_stream: 'Dual stream' };

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

export async function writeComparisonWorkbook(comparison: AuthorityComparison, title = 'Authority comparison'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mapio';
  workbook.title = title;

  const schools = table(workbook, 'Schools', [
    { header: 'School', width: 34 },
    { header: 'Phase', width: 12 },
    { header: 'Language medium', width: 12 },
    { header: 'Number on roll', width: 10 },
    { header: 'eFSM, % of pupils on roll', width: 11, format: PERCENT },
    { header: 'Learners with ALN', width: 11 },
    { header: 'Learners with ALN, % of pupils on roll', width: 12, format: PERCENT },
    { header: 'IDPs', width: 9 },
    { header: 'IDPs, % of learners with ALN', width: 12, format: PERCENT },
    { header: 'IDPs maintained by the school', width: 11 },
    { header: 'IDPs maintained by the LA', width: 11 },
    { header: 'ALN budget (income)', width: 15, format: POUNDS },
    { header: 'Published allocation (Section 52)', width: 15, format: POUNDS },
    { header: 'Committed spend (charged to ALN budget)', width: 15, format: POUNDS },
    { header: 'All costs, whoever pays', width: 15, format: POUNDS },
    { header: 'Budget position (income − committed)', width: 15, format: POUNDS },
    { header: 'Committed spend per learner with ALN', width: 14, format: POUNDS },
    { header: 'Committed spend per pupil on roll', width: 14, format: POUNDS },
    { header: 'ALP, % of intervention line cost', width: 12, format: PERCENT },
    { header: 'Not ALP, % of intervention line cost', width: 12, format: PERCENT },
    { header: 'Welsh-medium ALP, % of ALP cost', width: 12, format: PERCENT },
    { header: 'ALP definition applied', width: 30 },
    { header: 'ALP definition dated', width: 12 },
    { header: 'Academic year', width: 9 },
    { header: 'Return file', width: 26 },
    { header: 'Notes', width: 50 },
  ]);
  for (const r of comparison.schools) {
    const c = r.context;
    schools.addRow([
      c.name,
      c.phase,
      MEDIUM[c.languageMedium] ?? c.languageMedium,
      c.numberOnRoll,
      c.efsmBasisPoints === null ? null : c.efsmBasisPoints / 10_000,
      c.learnersWithAln.value ?? describeCount(c.learnersWithAln),
      fraction(r.alnShareOfRoll),
      c.idps.value ?? describeCount(c.idps),
      fraction(r.idpShareOfAln),
      c.idpsSchoolMaintained.value ?? describeCount(c.idpsSchoolMaintained),
      c.idpsLaMaintained.value ?? describeCount(c.idpsLaMaintained),
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
      c.alpDefinitionSource || 'not stated',
      c.alpDefinitionDate ?? '',
      c.academicYear,
      r.fileName ?? '',
      r.notes.join(' '),
    ]);
  }
  // The authority median under the schools, for each measure that has one (outside the filter range's data rows).
  const med = (key: keyof typeof MEASURE_INFO) => comparison.measures.find((m) => m.measure.key === key)?.median ?? null;
  const bp = (v: number | null) => (v === null ? null : v / 10_000);
  const medianRow = schools.addRow([
    'Authority median',
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

  const diffs = table(workbook, 'Classification differences', [
    { header: 'Intervention', width: 30 },
    { header: 'Names used by schools', width: 40 },
    { header: 'Schools classing it ALP', width: 10 },
    { header: 'Learners on it as ALP', width: 12 },
    { header: 'Cost as ALP', width: 14, format: POUNDS },
    { header: 'Schools classing it not ALP', width: 10 },
    { header: 'Learners on it as not ALP', width: 12 },
    { header: 'Cost as not ALP', width: 14, format: POUNDS },
    { header: 'ALP at', width: 50 },
    { header: 'Not ALP at (tier)', width: 60 },
  ]);
  const learners = (t: { known: number; linesWithFewerThan5: number }) =>
    t.linesWithFewerThan5 === 0 ? t.known : `${t.known} + ${t.linesWithFewerThan5} line${t.linesWithFewerThan5 === 1 ? '' : 's'} with fewer than 5`;
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
      g.alp.schools.map((s) => s.schoolName).join('; '),
      g.notAlp.schools.map((s) => `${s.schoolName} (${s.tierNames.join(', ')})`).join('; '),
    ]);
  }

  const outliers = table(workbook, 'Outliers', [
    { header: 'School', width: 32 },
    { header: 'Figure', width: 34 },
    { header: 'School’s value', width: 14 },
    { header: 'Authority median', width: 14 },
    { header: 'Above or below', width: 10 },
    { header: 'Question to ask', width: 90 },
  ]);
  for (const o of comparison.outliers) {
    const row = outliers.addRow([o.schoolName, o.label, o.unit === 'pence' ? o.value / 100 : o.value / 10_000, o.unit === 'pence' ? o.median / 100 : o.median / 10_000, o.direction, o.question]);
    const format = o.unit === 'pence' ? POUNDS : PERCENT;
    row.getCell(3).numFmt = format;
    row.getCell(4).numFmt = format;
    row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
  }

  const about = workbook.addWorksheet('How figures are made', { pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  about.columns = [{ width: 42 }, { width: 100 }];
  about.addRow(['Context, not league tables']).font = { bold: true, size: 14 };
  about.addRow(['Schools are listed by name, not ranked. Read each figure with the school’s roll, eFSM share, language medium, ALN and IDP counts and the ALP definition it applied.']);
  about.addRow(['Outliers', OUTLIER_RULE]);
  about.addRow(['Small numbers', 'Counts of 1 to 4 learners are shown as “fewer than 5” (and a second count where the first could be worked out); money is never hidden.']);
  about.addRow([
    'Matching interventions',
    'Lines are matched by name ignoring case, accents, punctuation, bracketed qualifiers and words such as “group” or “sessions”, and by the officer’s own mapping.',
  ]);
  for (const m of Object.values(MEASURE_INFO)) about.addRow([m.label, m.denominator ? `Denominator: ${m.denominator}.` : 'An amount of money, in pounds.']);
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
