/**
 * The authority's own lists beside the returns: 33 schools on its list, 30 of which have returned. The
 * officer imports the list and the published allocations (once in £k from an .xlsx whose heading says so,
 * once in £ from a CSV whose heading does not), bad rows rejected with their row numbers; the comparison
 * shows each school's allocation against the delegated income it reported and names the 3 not returned;
 * a primary spending 5× its phase's median per learner with ALN is flagged, a Welsh-medium school's
 * Welsh-medium share is not; the workbook has the authority's figures in their own sheet, a flat sheet for
 * the officer's model, and prints on A4 with whole headings (checked through LibreOffice when installed).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuthorityReturn } from '../../shared/authority/buildReturn';
import type { LanguageMedium, Phase, SchoolYear } from '../../shared/domain';
import { costSchoolYear } from '../../shared/engine';
import { createI18n } from '../../shared/i18n';
import { enrolOn, incomeLine, interventionLine, learner, schoolYear, staffMember } from '../../test/support/schoolYearBuilder';
import { createBackend, type TypedBackend } from '../backend';
import { runCli } from '../cli/main';
import { convertWithLibreOffice, findSoffice } from '../exports/libreOfficeRecalculation';
import { writeReturnWorkbook } from './returnWorkbook';

const LISTED = 33;
const RETURNED = 30;
const OUTLIER = 4; // a primary with five times the weeks of the others: 5× the spend per learner with ALN
const WELSH = 7; // a Welsh-medium primary whose ALP is all delivered in Welsh

const numberOf = (i: number) => `66020${String(i + 1).padStart(2, '0')}`;
const phaseOf = (i: number): Phase => (i < 22 ? 'primary' : i < 32 ? 'secondary' : 'special');
const mediumOf = (i: number): LanguageMedium => (i === WELSH ? 'welsh' : 'english');
const nameOf = (i: number) => `Ysgol Rhestr ${String(i + 1).padStart(2, '0')}`;
/** The allocation published for school i, in pence (a whole number of pounds, and of tens of pounds for £k). */
const allocationOf = (i: number) => (20_000 + i * 1_010) * 100;

function listedSchoolYear(i: number): SchoolYear {
  const weeks = i === OUTLIER ? 33 : 6 + (i % 2);
  const line = interventionLine({ id: 1, name: 'Literacy support', tierId: 'alp', weeks, deliveryLanguage: i === WELSH ? 'welsh' : 'english' });
  const learners = Array.from({ length: 12 }, (_, k) => learner({ id: k + 1, alnStatus: k < 10 ? 'idp_school' : 'none' }));
  return schoolYear({
    school: {
      ...schoolYear().school,
      name: nameOf(i),
      localAuthority: 'Sir Prawf',
      localAuthorityCode: '660',
      officialNumber: numberOf(i),
      phase: phaseOf(i),
      languageMedium: mediumOf(i),
      numberOnRoll: 200,
      academicYear: '2026-27',
    },
    staff: [staffMember({ id: 1, hourlyCostPence: 1800 })],
    lines: [line],
    learners,
    enrolments: Array.from({ length: 6 }, (_, k) => enrolOn(line, k + 1, k + 1)),
    income: [
      incomeLine({ id: 1, amountPence: allocationOf(i) + (i % 3) * 50_000, name: 'Delegated ALN' }),
      // Grant and the school's own contribution are not delegated funding: never set beside the allocation.
      incomeLine({ id: 2, kind: 'aln_grant', amountPence: 700_000, name: 'ALN grant' }),
      incomeLine({ id: 3, kind: 'school_contribution', amountPence: 300_000, name: 'From the core budget' }),
    ],
  });
}

const base64 = (bytes: Buffer | Uint8Array | string) => Buffer.from(bytes).toString('base64');

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Section 52');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

let dir: string;
let backend: TypedBackend;

beforeAll(async () => {
  dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'mapio-la-lists-'));
  backend = createBackend({ mode: 'cli', dataDir: nodePath.join(dir, 'data'), openOnStart: false });
  backend.invoke('authority.create', { path: nodePath.join(dir, 'Sir Prawf') });
  for (let i = 0; i < RETURNED; i++) {
    const year = listedSchoolYear(i);
    const bytes = await writeReturnWorkbook(buildAuthorityReturn(year, costSchoolYear(year)), 'Mapio test');
    const outcome = await backend.invoke('authority.importReturn', { fileName: `${numberOf(i)}.xlsx`, contentBase64: base64(bytes) });
    expect(outcome.rejected).toEqual([]);
  }
}, 120_000);

afterAll(() => {
  backend.session.closeAuthorityFile();
  backend.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the authority’s list of schools and its published allocations', () => {
  it('imports the list, rejecting bad rows with their row numbers, and names the listed schools not yet returned', async () => {
    const phaseWords: Record<Phase, string> = { primary: 'Primary', secondary: 'Secondary', special: 'Special', nursery: 'Nursery', all_through: 'All-through', pru: 'PRU' };
    const lines = ['Official number,School name,Phase,Language medium'];
    for (let i = 0; i < LISTED; i++) lines.push(`${numberOf(i)},${nameOf(i)},${phaseWords[phaseOf(i)]},${mediumOf(i) === 'welsh' ? 'Welsh-medium' : 'English-medium'}`);
    lines.push('66099,Ysgol Fer,Primary,English', '6609901,Ysgol Newydd,Lower school,English', `${numberOf(2)},Ysgol Rhestr 03 again,Primary,English`);
    const { outcome, view } = await backend.invoke('authority.importSchoolList', { fileName: 'schools.csv', contentBase64: base64(lines.join('\r\n')) });
    expect(outcome.imported).toBe(LISTED);
    expect(outcome.rejected).toEqual([
      { rowNumber: 35, code: 'official_number_invalid', params: { value: '66099' } },
      { rowNumber: 36, code: 'phase_unknown', params: { number: '6609901', value: 'Lower school' } },
      { rowNumber: 37, code: 'duplicate_number', params: { number: numberOf(2), firstRow: 4 } },
    ]);
    expect(view.listedSchools).toBe(LISTED);
    expect(view.comparison.notReturned.map((s) => [s.officialNumber, s.phase])).toEqual([
      [numberOf(30), 'secondary'],
      [numberOf(31), 'secondary'],
      [numberOf(32), 'special'],
    ]);
    // Each rejection worded in both languages, with its row number
    const [first] = outcome.rejected;
    expect(createI18n('en').t(`authority.listRow.${first!.code}`, { row: first!.rowNumber, ...first!.params })).toMatch(/^Row 35: “66099” is not an official number/);
    expect(createI18n('cy').t(`authority.listRow.${first!.code}`, { row: first!.rowNumber, ...first!.params })).toMatch(/^Rhes 35: nid yw “66099” yn rhif swyddogol/);
  });

  it('reads allocations in £k from the heading, and in £ from the size of the amounts, to the same pence', async () => {
    const inThousands = await xlsx([
      ['LA Estab No', 'School', 'Delegated ALN allocation (£k)'],
      ...Array.from({ length: LISTED }, (_, i) => [numberOf(i), nameOf(i), allocationOf(i) / 100_000]),
      ['6609902', 'Ysgol Negatif', -12.5],
      ['6609903', 'Ysgol Testun', 'to follow'],
    ]);
    const k = await backend.invoke('authority.importAllocations', { fileName: 'section52.xlsx', contentBase64: base64(inThousands), academicYear: '2026-27' });
    expect(k.outcome).toMatchObject({ imported: LISTED, unit: 'thousands', unitFrom: 'header' });
    expect(k.outcome.rejected).toEqual([
      { rowNumber: 35, code: 'allocation_negative', params: { number: '6609902', value: '-12.5' } },
      { rowNumber: 36, code: 'allocation_not_money', params: { number: '6609903', value: 'to follow' } },
    ]);
    const fromThousands = k.view.comparison.schools.map((r) => r.publishedAllocationPence);

    const csv = ['Official number,Name,ALN allocation', ...Array.from({ length: LISTED }, (_, i) => `${numberOf(i)},"${nameOf(i)}","£${(allocationOf(i) / 100).toLocaleString('en-GB')}"`)].join('\n');
    const pounds = await backend.invoke('authority.importAllocations', { fileName: 'section52.csv', contentBase64: base64(csv), academicYear: '2026-27' });
    expect(pounds.outcome).toMatchObject({ imported: LISTED, rejected: [], unit: 'pounds', unitFrom: 'magnitude' });
    expect(pounds.view.comparison.schools.map((r) => r.publishedAllocationPence)).toEqual(fromThousands);
    expect(createI18n('en').t(`authority.allocationUnit.${pounds.outcome.unitFrom}`, { unit: createI18n('en').t('authority.allocationUnit.pounds') })).toMatch(/size of the amounts decided/);

    for (const row of pounds.view.comparison.schools) {
      const i = Number(row.officialNumber.slice(-2)) - 1;
      expect(row.publishedAllocationPence).toBe(allocationOf(i));
      // Only the delegated line: not the grant, not the school's own contribution
      expect(row.delegatedIncomePence).toBe(allocationOf(i) + (i % 3) * 50_000);
      expect(row.allocationDifferencePence).toBe((i % 3) * 50_000);
      expect(row.committedShareOfAllocation).toMatchObject({ numerator: row.committedPence, denominator: allocationOf(i), of: 'published_allocation' });
    }
    expect(pounds.view.comparison.totals.publishedAllocationPence).toBe(Array.from({ length: RETURNED }, (_, i) => allocationOf(i)).reduce((a, b) => a + b, 0));

    // A correction typed by hand is recorded by the school's official number: it is the one shown
    const five = pounds.view.comparison.schools.find((r) => r.officialNumber === numberOf(5))!;
    const corrected = backend.invoke('authority.setPublishedAllocation', { schoolKey: five.schoolKey, academicYear: '2026-27', amountPence: 123_456 });
    expect(corrected.comparison.schools.find((r) => r.schoolKey === five.schoolKey)?.publishedAllocationPence).toBe(123_456);
    const restored = backend.invoke('authority.setPublishedAllocation', { schoolKey: five.schoolKey, academicYear: '2026-27', amountPence: allocationOf(5) });
    expect(restored.comparison.schools.find((r) => r.schoolKey === five.schoolKey)?.publishedAllocationPence).toBe(allocationOf(5));
  });

  it('flags the primary at 5× its phase median per learner with ALN, and never the Welsh-medium school for its Welsh-medium share', () => {
    const { comparison } = backend.invoke('authority.comparison', {});
    const perLearner = comparison.phaseMeasures.find((m) => m.phase === 'primary' && m.measure.key === 'spendPerLearnerWithAlnPence')!;
    const outlierRow = comparison.schools.find((r) => r.officialNumber === numberOf(OUTLIER))!;
    expect(outlierRow.spendPerLearnerWithAlnPence! / perLearner.median!).toBeGreaterThan(4.5);
    expect(comparison.outliers.filter((o) => o.measure === 'spendPerLearnerWithAlnPence').map((o) => [o.schoolName, o.phase, o.direction])).toEqual([[nameOf(OUTLIER), 'primary', 'above']]);
    // Every other school's ALP is in English: the Welsh-medium school's 100% would lie far outside the fences.
    expect(comparison.schools.find((r) => r.officialNumber === numberOf(WELSH))?.welshMediumShareOfAlpCost?.basisPoints).toBe(10_000);
    expect(comparison.outliers.filter((o) => o.schoolName === nameOf(WELSH))).toEqual([]);
    // No absolute spend is ever flagged
    expect(comparison.outliers.some((o) => o.measure === 'committedPence' || o.measure === 'alnBudgetPence')).toBe(false);
  });

  it('keeps the officer’s notes, and writes them, the authority block and the flat sheet into the workbook', async () => {
    const key = backend.invoke('authority.comparison', {}).comparison.schools[0]!.schoolKey;
    const noted = backend.invoke('authority.setSchoolNote', { schoolKey: key, note: 'Asked about the literacy support on 3 March.' });
    expect(noted.comparison.schools[0]!.note).toBe('Asked about the literacy support on 3 March.');

    const out = nodePath.join(dir, 'comparison.xlsx');
    await backend.invoke('authority.exportComparison', { path: out });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(out) as never);
    const schools = workbook.getWorksheet('Schools')!;
    expect(schools.rowCount).toBe(RETURNED + 1);
    const texts = (ws: ExcelJS.Worksheet) => {
      const all: string[] = [];
      ws.eachRow((row) => row.eachCell((cell) => all.push(cell.text)));
      return all;
    };
    expect(texts(schools)).toContain('Asked about the literacy support on 3 March.');
    expect(texts(schools)).not.toContain('Authority median');
    expect(texts(workbook.getWorksheet('Authority')!)).toContain('Median across schools');
    // With the list imported: how many schools it holds, and how many of them have not returned, as figures.
    const authorityRow = (label: string) => {
      let found: ExcelJS.Row | undefined;
      workbook.getWorksheet('Authority')!.eachRow((row) => {
        if (row.getCell(1).text === label) found = row;
      });
      return found!;
    };
    expect(authorityRow('Schools on the authority’s list').getCell(2).value).toBe(LISTED);
    expect(authorityRow('Listed schools not yet returned').getCell(2).value).toBe(LISTED - RETURNED);
    expect(workbook.getWorksheet('Not yet returned')!.getColumn(2).values.slice(2)).toEqual([numberOf(30), numberOf(31), numberOf(32)]);

    const model = workbook.getWorksheet('For your model')!;
    expect(model.getRow(1).values).toEqual([
      undefined,
      'Official school number',
      'School',
      'Phase',
      'Language medium',
      'Academic year',
      'Number on roll',
      'Learners with ALN',
      'IDPs',
      'Published allocation (Section 52) (£)',
      'Delegated ALN income reported (£)',
      'ALN budget (income) (£)',
      'Committed spend (charged to ALN budget) (£)',
      'All costs, whoever pays (£)',
      'Committed spend per pupil on roll (£)',
      'Committed spend per learner with ALN (£)',
    ]);
    expect(model.rowCount).toBe(RETURNED + 1);
    expect(model.getRow(2).getCell(1).value).toBe(numberOf(0));
    expect(model.getRow(2).getCell(3).value).toBe('Primary');
    expect(model.getRow(2).getCell(9).value).toBe(allocationOf(0) / 100);

    // £k on request, and phase and medium in Welsh words in a Welsh workbook
    const outK = nodePath.join(dir, 'cymhariaeth.xlsx');
    await backend.invoke('authority.exportComparison', { path: outK, lang: 'cy', flatUnit: 'thousands' });
    const cy = new ExcelJS.Workbook();
    await cy.xlsx.load(fs.readFileSync(outK) as never);
    const modelCy = cy.getWorksheet('Ar gyfer eich model')!;
    expect(modelCy.getRow(1).getCell(9).value).toBe('Dyraniad cyhoeddedig (Adran 52) (£k)');
    expect(modelCy.getRow(2).getCell(9).value).toBe(allocationOf(0) / 100_000);
    // £k with no £ sign (the heading carries it; "£62.000" read as sixty-two pounds), to the pound
    for (let c = 9; c <= 13; c += 1) expect(modelCy.getRow(2).getCell(c).numFmt, `column ${c}`).toBe('#,##0.000;-#,##0.000');
    // Spend per pupil and per learner stay in pounds, and say so
    const first = noted.comparison.schools.find((r) => r.officialNumber === numberOf(0))!;
    const cyT = createI18n('cy').t;
    expect([modelCy.getRow(1).getCell(14).value, modelCy.getRow(1).getCell(15).value]).toEqual([
      `${cyT('authority.measure.spendPerPupilPence')} (£)`,
      `${cyT('authority.measure.spendPerLearnerWithAlnPence')} (£)`,
    ]);
    expect([modelCy.getRow(2).getCell(14).value, modelCy.getRow(2).getCell(15).value]).toEqual([first.spendPerPupilPence! / 100, first.spendPerLearnerWithAlnPence! / 100]);
    expect(modelCy.getRow(2).getCell(14).numFmt).toBe('£#,##0.00;-£#,##0.00');
    expect(modelCy.getRow(2).getCell(3).value).toBe('Cynradd');
    expect(modelCy.getRow(9).getCell(4).value).toBe('Cymraeg');

    // A4, headings tall enough for their wrapped lines, and the wide sheet across pages with the school repeated at 80%
    for (const ws of [schools, model, workbook.getWorksheet('Outliers')!]) expect(ws.pageSetup.paperSize).toBe(9);
    expect(schools.pageSetup).toMatchObject({ printTitlesColumn: 'A:A', scale: 80 });
    expect(schools.getRow(1).height).toBeGreaterThanOrEqual(45);
    // Every heading shaded and ruled from the next, so two narrow headings side by side never read as one
    for (const ws of [schools, model, workbook.getWorksheet('Outliers')!]) {
      for (let c = 1; c <= ws.columnCount; c += 1) {
        const cell = ws.getRow(1).getCell(c);
        expect(cell.fill, `${ws.name} column ${c}`).toMatchObject({ type: 'pattern', pattern: 'solid' });
        expect(cell.border?.right?.style, `${ws.name} column ${c}`).toBe('thin');
      }
    }
  });

  it('mapio compare takes the list of schools and the allocations, wording each bad row and the unit read', async () => {
    const year = listedSchoolYear(0);
    const returnFile = nodePath.join(dir, 'cli-return.xlsx');
    fs.writeFileSync(returnFile, await writeReturnWorkbook(buildAuthorityReturn(year, costSchoolYear(year)), 'Mapio test'));
    const list = nodePath.join(dir, 'ysgolion.csv');
    fs.writeFileSync(list, `Rhif swyddogol,Enw,Cyfnod,Cyfrwng iaith\n${numberOf(0)},${nameOf(0)},Cynradd,Saesneg\n${numberOf(1)},${nameOf(1)},Cynradd,Cymraeg\n12,Ysgol Fer,Cynradd,Saesneg\n`);
    const statement = nodePath.join(dir, 'dyraniadau.csv');
    fs.writeFileSync(statement, `Rhif swyddogol,Enw,Dyraniad ADY (£000)\n${numberOf(0)},${nameOf(0)},20\n`);
    const out: string[] = [];
    const err: string[] = [];
    const target = nodePath.join(dir, 'cli-cymhariaeth.xlsx');
    const code = await runCli(['compare', returnFile, '--schools', list, '--allocations', statement, '--thousands', '--out', target, '--lang', 'cy'], {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
    });
    expect(code).toBe(0);
    expect(err.join('\n')).toContain('Rhes 4: nid yw “12” yn rhif swyddogol');
    expect(err.join('\n')).toMatch(/Darllenwyd y symiau mewn miloedd o bunnoedd \(£k\): mae pennawd y golofn yn dweud hynny/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(target) as never);
    expect(workbook.getWorksheet('Heb ddychwelyd eto')!.getRow(2).getCell(2).value).toBe(numberOf(1));
    expect(workbook.getWorksheet('Ar gyfer eich model')!.getRow(2).getCell(9).value).toBe(20);
  });

  it('mapio compare refuses a list or allocations file it cannot read by its name, in the language asked for, before importing any return', async () => {
    const year = listedSchoolYear(0);
    const returnFile = nodePath.join(dir, 'cli-return-unread.xlsx');
    fs.writeFileSync(returnFile, await writeReturnWorkbook(buildAuthorityReturn(year, costSchoolYear(year)), 'Mapio test'));
    const authority = nodePath.join(dir, 'unread.mapio-la');
    const missing = nodePath.join(dir, 'not-there.csv');
    for (const [option, lang, refusal] of [
      ['--schools', 'cy', `mapio: Ni allai Mapio ddarllen ${missing}.`],
      ['--allocations', 'en', `mapio: Mapio could not read ${missing}.`],
    ] as const) {
      const err: string[] = [];
      const code = await runCli(['compare', returnFile, option, missing, '--la', authority, '--out', nodePath.join(dir, 'never.xlsx'), '--lang', lang], {
        out: () => undefined,
        err: (t) => err.push(t),
      });
      expect(code).toBe(1);
      expect(err).toEqual([refusal]);
      // Nothing was imported: the authority file was not even made.
      expect(fs.existsSync(authority)).toBe(false);
    }
  });

  it.skipIf(!findSoffice())(
    'prints the comparison workbook (in English and Welsh) and the return workbook to PDF with every heading word whole and no “###”',
    async () => {
      const out = nodePath.join(dir, 'print.xlsx');
      await backend.invoke('authority.exportComparison', { path: out });
      const year = listedSchoolYear(WELSH);
      const returnFile = nodePath.join(dir, 'return.xlsx');
      fs.writeFileSync(returnFile, await writeReturnWorkbook(buildAuthorityReturn(year, costSchoolYear(year)), 'Mapio test'));
      const outCy = nodePath.join(dir, 'print-cy.xlsx');
      await backend.invoke('authority.exportComparison', { path: outCy, lang: 'cy' });
      const files = [out, outCy, returnFile];
      const pdfs = convertWithLibreOffice(files, 'pdf', nodePath.join(dir, 'pdf'));
      for (const [i, file] of files.entries()) {
        const text = execFileSync('pdftotext', ['-layout', pdfs[i]!, '-'], { encoding: 'utf8' });
        expect(text).not.toContain('###');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(fs.readFileSync(file) as never);
        const words = new Set<string>();
        for (const ws of workbook.worksheets) {
          if (ws.state !== 'visible') continue;
          expect(ws.pageSetup.paperSize).toBe(9);
          ws.getRow(1).eachCell((cell) => {
            for (const w of cell.text.split(/\s+/)) if (/^[\p{L}]{4,}$/u.test(w)) words.add(w);
          });
        }
        // Every heading word printed whole ("Delivery language", never "Delivery langua")
        const printed = new Set(text.split(/[^\p{L}]+/u));
        expect([...words].filter((w) => !printed.has(w))).toEqual([]);
        if (file === returnFile) expect(['Delivery', 'language'].every((w) => printed.has(w))).toBe(true);
      }
    },
    180_000,
  );
});
