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
import ExcelJS from 'exceljs';
import { AUTHORITY_RETURN_FORMAT, AUTHORITY_RETURN_VERSION, canonicalJson, describeCount, type AuthorityReturn, type ReturnCount } from '../../shared/authority/returnFormat';

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
const countCell = (c: ReturnCount): string | number => (c.value === null ? describeCount(c) : c.value);

const FUNDING_NAMES: Record<string, string> = {
  aln_budget: 'Delegated ALN budget',
  aln_grant: 'ALN grant',
  core_budget: 'School core budget',
  la_idp: 'Local authority (LA-maintained IDP)',
  health_board: 'Health board',
};
const INCOME_NAMES: Record<string, string> = {
  delegated_aln: 'Delegated ALN funding',
  aln_grant: 'ALN grant',
  la_top_up: 'LA top-up',
  school_contribution: 'School contribution',
  other: 'Other',
};
const MEDIUM_NAMES: Record<string, string> = { english: 'English', welsh: 'Welsh', bilingual: 'Bilingual', dual_stream: 'Dual stream' };
const PHASE_NAMES: Record<string, string> = { nursery: 'Nursery', primary: 'Primary', secondary: 'Secondary', all_through: 'All-through', special: 'Special', pru: 'Pupil referral unit' };
const LANGUAGE_NAMES: Record<string, string> = { welsh: 'Welsh', english: 'English', bilingual: 'Bilingual' };

export interface ReturnEnvelope {
  format: string;
  version: number;
  writtenBy: string;
}

function addReadableSheets(workbook: ExcelJS.Workbook, ret: AuthorityReturn): void {
  const s = ret.school;
  const sheet = workbook.addWorksheet('Return', { pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [{ width: 44 }, { width: 22 }, { width: 22 }, { width: 22 }, { width: 22 }];
  const row = (...values: Array<string | number | null>) => sheet.addRow(values);
  const heading = (text: string) => {
    sheet.addRow([]);
    sheet.addRow([text]).font = HEADING;
  };
  const money = (r: ExcelJS.Row, ...cols: number[]): ExcelJS.Row => {
    for (const c of cols) r.getCell(c).numFmt = POUNDS;
    return r;
  };

  sheet.addRow([`Authority return: ${s.name}, ${s.academicYear}`]).font = TITLE;
  row('Written by Mapio. No learner names, references or dates of birth; counts of 1 to 4 learners are shown as “fewer than 5”.');
  heading('School');
  row('School', s.name);
  row('Official school number', s.officialNumber || 'not entered');
  row('Local authority', s.localAuthority || 'not entered');
  row('Local authority code', s.localAuthorityCode || 'not entered');
  row('Phase', PHASE_NAMES[s.phase] ?? s.phase);
  row('Number on roll', s.numberOnRoll);
  row('Pupils eligible for free school meals (eFSM), % of pupils on roll', s.efsmBasisPoints === null ? 'not given' : s.efsmBasisPoints / 100);
  row('Language medium', MEDIUM_NAMES[s.languageMedium] ?? s.languageMedium);
  row('Academic year', s.academicYear);
  row('ALP definition applied', s.alpDefinitionSource || 'not stated');
  row('ALP definition dated', s.alpDefinitionDate ?? 'not stated');

  heading('Learners (counts only)');
  row('Learners with ALN (an IDP, or decided and the IDP being prepared)', countCell(ret.counts.learnersWithAln));
  row('Decided to have ALN, IDP being prepared', countCell(ret.counts.idpsPreparing));
  row('IDPs', countCell(ret.counts.idps));
  row('IDPs maintained by the school', countCell(ret.counts.idpsSchoolMaintained));
  row('IDPs maintained by the local authority', countCell(ret.counts.idpsLaMaintained));
  row('On the monitoring register (universal provision, not ALN)', countCell(ret.counts.monitored));
  row('ALN decisions awaited, not yet due', ret.counts.decisionsDue ? countCell(ret.counts.decisionsDue) : 'not counted');
  row('ALN decisions overdue', ret.counts.decisionsOverdue ? countCell(ret.counts.decisionsOverdue) : 'not counted');

  heading('Income');
  sheet.addRow(['Income line', 'Kind', 'Amount', 'Financial year', 'Ends on']).font = { bold: true };
  for (const i of ret.income) {
    money(
      row(
        i.name,
        INCOME_NAMES[i.kind] ?? i.kind,
        pounds(i.amountPence),
        i.financialYear === null ? 'academic year' : `${i.financialYear}-${String((i.financialYear + 1) % 100).padStart(2, '0')}`,
        i.endsOn ?? '',
      ),
      3,
    );
  }
  money(row('Total income', '', pounds(ret.budget.incomePence)), 3).font = { bold: true };

  heading('Budget position');
  money(row('ALN budget (income)', pounds(ret.budget.incomePence)), 2);
  money(row('Committed spend (charged to the ALN budget)', pounds(ret.budget.chargedPence)), 2);
  money(row('Budget position (income − committed; negative = overspent)', pounds(ret.budget.positionPence)), 2);
  money(row('All costs, whoever pays', pounds(ret.totals.costPence)), 2);
  money(row('  of which intervention lines', pounds(ret.totals.linesCostPence)), 2);
  money(row('  of which other costs (ALNCo time, services, equipment…)', pounds(ret.totals.otherCostsPence)), 2);
  sheet.addRow(['Financial year', 'Income', 'Committed', 'Position']).font = { bold: true };
  for (const f of ret.budget.financialYears) {
    money(row(`April ${f.year} – March ${f.year + 1}`, pounds(f.incomePence), pounds(f.chargedPence), pounds(f.positionPence)), 2, 3, 4);
  }
  sheet.addRow(['All costs by financial year', 'Cost']).font = { bold: true };
  ret.totals.financialYears.years.forEach((y, i) => money(row(`April ${y} – March ${y + 1}`, pounds(ret.totals.financialYears.pence[i] as number)), 2));

  const breakdownTable = (title: string, first: string, rows: Array<{ label: string; extra?: string; costPence: number; chargedPence: number }>, extraHeading?: string) => {
    heading(title);
    sheet.addRow(extraHeading ? [first, extraHeading, 'All costs', 'Charged to ALN budget'] : [first, 'All costs', 'Charged to ALN budget']).font = { bold: true };
    for (const r of rows) {
      if (extraHeading) money(row(r.label, r.extra ?? '', pounds(r.costPence), pounds(r.chargedPence)), 3, 4);
      else money(row(r.label, pounds(r.costPence), pounds(r.chargedPence)), 2, 3);
    }
  };
  breakdownTable(
    'Cost by tier',
    'Tier',
    ret.totals.byTier.map((b) => ({ label: b.name, extra: b.isAlp === null ? '—' : b.isAlp ? 'ALP' : 'not ALP', costPence: b.costPence, chargedPence: b.chargedPence })),
    'ALP?',
  );
  breakdownTable(
    'Intervention lines: ALP / not ALP',
    'Classification',
    ret.totals.byAlp.map((b) => ({ label: b.key === 'alp' ? 'ALP' : 'Not ALP', costPence: b.costPence, chargedPence: b.chargedPence })),
  );
  breakdownTable(
    'Cost by area of need (a line in several areas is split equally)',
    'Area of need',
    ret.totals.byArea.map((b) => ({ label: b.name, costPence: b.costPence, chargedPence: b.chargedPence })),
  );
  breakdownTable(
    'Cost by funding source',
    'Funding source',
    ret.totals.byFundingSource.map((b) => ({ label: FUNDING_NAMES[b.key] ?? b.key, costPence: b.costPence, chargedPence: b.chargedPence })),
  );

  const lines = workbook.addWorksheet('Intervention lines', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  lines.columns = [
    { header: 'Intervention', width: 36 },
    { header: 'Tier', width: 16 },
    { header: 'ALP?', width: 8 },
    { header: 'Areas of need', width: 40 },
    { header: 'Delivery language', width: 14 },
    { header: 'Welsh-medium', width: 12 },
    { header: 'Funding source', width: 28 },
    { header: 'Contact hours a week (per learner)', width: 14 },
    { header: 'Weeks', width: 8 },
    { header: 'Cost', width: 14 },
    { header: 'Learners', width: 14 },
  ];
  lines.getRow(1).font = { bold: true };
  for (const l of ret.lines) {
    const r = lines.addRow([
      l.name,
      l.tierName,
      l.isAlp ? 'ALP' : 'not ALP',
      l.areas.join('; '),
      LANGUAGE_NAMES[l.deliveryLanguage] ?? l.deliveryLanguage,
      l.welshMedium ? 'yes' : 'no',
      FUNDING_NAMES[l.fundingSource] ?? l.fundingSource,
      Math.round((l.contactMinutesPerWeek / 60) * 100) / 100,
      l.weeks,
      pounds(l.costPence),
      countCell(l.learners),
    ]);
    r.getCell(10).numFmt = POUNDS;
  }
  lines.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 11 } };
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
export async function returnWorkbookBytes(ret: AuthorityReturn, json: string, envelope: ReturnEnvelope, checksum = sha256Hex(json)): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = envelope.writtenBy;
  workbook.title = `Authority return: ${ret.school.name}, ${ret.school.academicYear}`;
  addReadableSheets(workbook, ret);
  addDataSheet(workbook, json, envelope, checksum);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The .xlsx bytes of a return, with its canonical JSON, checksum, format and version. */
export function writeReturnWorkbook(ret: AuthorityReturn, writtenBy: string): Promise<Buffer> {
  return returnWorkbookBytes(ret, canonicalJson(ret), { format: AUTHORITY_RETURN_FORMAT, version: AUTHORITY_RETURN_VERSION, writtenBy });
}
