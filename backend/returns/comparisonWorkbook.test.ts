/**
 * The authority's comparison workbook as its reader sees it (docs/authority-return.md, "Printing"): an
 * empty table says so in the reader's language, dates read as words, and the notes on how each figure is
 * made wrap in rows tall enough that they never print over one another; a Welsh reader reads each school by
 * the Welsh name it gave; the model sheet, printed across pages, repeats each school's number and name.
 * Read from a real file with ExcelJS.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import nodePath from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildAuthorityReturn } from '../../shared/authority/buildReturn';
import { compareReturns } from '../../shared/authority/comparison';
import { costSchoolYear } from '../../shared/engine';
import { createI18n, type Lang } from '../../shared/i18n';
import { emptySchoolYear } from '../../shared/schoolDefaults';
import { testFolder } from '../../test/support/testFolder';
import { testSchoolYear } from '../../test/support/testSchoolYear';
import { enrolOn, interventionLine, learner, schoolYear, staffMember } from '../../test/support/schoolYearBuilder';
import { wrappedLineCount } from '../exports/textLines';
import { convertWithLibreOffice, findSoffice } from '../exports/libreOfficeRecalculation';
import { writeComparisonWorkbook } from './comparisonWorkbook';
import { writeReturnWorkbook } from './returnWorkbook';
import { readReturnWorkbook } from './readReturn';
import { schoolKeyFor } from '../../shared/authority/returnFormat';
import type { ListedSchool } from '../../shared/authority/authorityLists';

/** School a's official number. */
const SCHOOL_A = '6711234';

/**
 * A school (number 6711234) with lines and its ALP definition (in English and Welsh) dated 1 September 2025,
 * beside a blank school; no list of schools unless one is given.
 */
function twoSchools(listedSchools?: ListedSchool[], allocations: { a?: number; b?: number } = {}) {
  const year = testSchoolYear();
  year.school = {
    ...year.school,
    officialNumber: SCHOOL_A,
    alpDefinitionSource: 'Example County ILP guidance',
    alpDefinitionSourceCy: 'Canllawiau CDU Sir Enghraifft',
    alpDefinitionDate: '2025-09-01',
  };
  const blank = emptySchoolYear(2026, 'en');
  return compareReturns(
    [
      { schoolKey: 'a', ret: buildAuthorityReturn(year, costSchoolYear(year)), publishedAllocationPence: allocations.a ?? null },
      { schoolKey: 'b', ret: buildAuthorityReturn(blank, costSchoolYear(blank)), publishedAllocationPence: allocations.b ?? null },
    ],
    {},
    listedSchools ? { listedSchools } : {},
  );
}

/** The authority's list: school a, which returned, and optionally one that has not. */
const listOf = (withMissing: boolean): ListedSchool[] => [
  { officialNumber: SCHOOL_A, name: 'Test Primary', nameCy: '', phase: 'primary', languageMedium: 'english' },
  ...(withMissing ? [{ officialNumber: '6719999', name: 'Ysgol Heb Ffurflen', nameCy: '', phase: 'primary' as const, languageMedium: 'welsh' as const }] : []),
];

/** The schools sheet's row for the school named `name` (a Welsh reader's rows are in the order of the names shown). */
function rowNamed(schools: ExcelJS.Worksheet, name: string): ExcelJS.Row {
  const rows = schools.getRows(2, schools.rowCount - 1) ?? [];
  const row = rows.find((r) => r.getCell(1).text === name);
  if (!row) throw new Error(`no row for ${name} on ${schools.name}`);
  return row;
}

async function writtenAndRead(lang: Lang, comparison = twoSchools()): Promise<ExcelJS.Workbook> {
  const file = nodePath.join(testFolder(), `comparison-${lang}.xlsx`);
  fs.writeFileSync(file, await writeComparisonWorkbook(comparison, undefined, lang));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

describe('the comparison workbook, as its reader sees it', () => {
  for (const [lang, notReturned, noDifferences, noOutliers, dated] of [
    [
      'en',
      'None: no school on the authority’s list is without a return.',
      'No intervention is classed as ALP at one school and not ALP at another.',
      'Outliers could not be looked for on any measure: too few schools have a figure. The fences need at least 4 schools of the same phase with a figure.',
      '1 September 2025',
    ],
    [
      'cy',
      'Dim: nid oes ysgol ar restr yr awdurdod heb ffurflen.',
      'Nid oes unrhyw ymyrraeth wedi’i dosbarthu’n DDY mewn un ysgol ac nid yn DDY mewn un arall.',
      'Ni ellid chwilio am werthoedd eithriadol ar unrhyw fesur: mae rhy ychydig o ysgolion gyda ffigur. Mae angen o leiaf 4 ysgol o’r un cyfnod gyda ffigur ar y ffensys.',
      '1 Medi 2025',
    ],
  ] as const) {
    it(`says so in ${lang === 'en' ? 'English' : 'Welsh'} where a table is empty, rather than print headings over nothing`, async () => {
      const { t } = createI18n(lang);
      const workbook = await writtenAndRead(lang, twoSchools(listOf(false)));
      expect(workbook.getWorksheet(t('compareBook.sheet.notReturned'))!.getCell('A2').text).toBe(notReturned);
      expect(workbook.getWorksheet(t('compareBook.sheet.differences'))!.getCell('A2').text).toBe(noDifferences);
      expect(workbook.getWorksheet(t('compareBook.sheet.outliers'))!.getCell('A2').text).toBe(noOutliers);
      // Each such sentence (and why outliers were not looked for) reads across the table, on one line
      // where it fits, not wrapped down the narrow first column; and never beyond the columns the first
      // page prints, where it was cut at the page's edge ("No intervention is classed as ALP at c"). An
      // empty table's sheet prints those columns only, on one page wide.
      const mergedAcross = (sheet: ExcelJS.Worksheet, row: number) => {
        let last = 1;
        for (let c = 2; c <= sheet.columnCount; c += 1) if (sheet.getRow(row).getCell(c).master.address === `A${row}`) last = c;
        return last;
      };
      for (const name of ['notReturned', 'differences', 'outliers']) {
        const sheet = workbook.getWorksheet(t(`compareBook.sheet.${name}`))!;
        const across = mergedAcross(sheet, 2);
        expect(across, name).toBeGreaterThan(1);
        expect(sheet.getRow(2).height, name).toBeLessThan(2 * 13);
        if (across < sheet.columnCount) {
          expect(sheet.pageSetup, name).toMatchObject({ printArea: `A1:${sheet.getColumn(across).letter}${sheet.rowCount}`, fitToPage: true, fitToWidth: 1 });
          expect(sheet.pageSetup.printTitlesColumn, name).toBeUndefined();
        } else expect(sheet.pageSetup.printArea, name).toBeUndefined();
      }
      // The differences sheet is wider than a page: its sentence and what it prints stop at the first page's edge.
      const differences = workbook.getWorksheet(t('compareBook.sheet.differences'))!;
      expect(mergedAcross(differences, 2)).toBeLessThan(differences.columnCount);
      const outliers = workbook.getWorksheet(t('compareBook.sheet.outliers'))!;
      const tooFew = outliers.getRow(outliers.rowCount);
      expect(tooFew.getCell(1).text).toMatch(lang === 'en' ? /^Outliers in “/ : /^Ni chwilir am werthoedd eithriadol yn “/);
      expect(mergedAcross(outliers, outliers.rowCount)).toBe(mergedAcross(outliers, 2));
    });

    it(`says in ${lang === 'en' ? 'English' : 'Welsh'} that no list of schools was imported, and how to import one, rather than count a list that is not there`, async () => {
      const { t } = createI18n(lang);
      const authorityRows = (workbook: ExcelJS.Workbook) => {
        const sheet = workbook.getWorksheet(t('compareBook.sheet.authority'))!;
        const rows = new Map<string, string>();
        sheet.eachRow((row) => rows.set(row.getCell(1).text, row.getCell(2).text));
        return rows;
      };
      const noList = lang === 'en' ? 'No list imported' : 'Dim rhestr wedi’i mewnforio';
      const without = await writtenAndRead(lang);
      expect(authorityRows(without).get(t('compareBook.block.listed'))).toBe(noList);
      expect(authorityRows(without).get(t('compareBook.block.notReturned'))).toBe(noList);
      const sentence = without.getWorksheet(t('compareBook.sheet.notReturned'))!.getCell('A2').text;
      expect(sentence).toMatch(
        lang === 'en'
          ? /^No list of schools was imported, so this sheet cannot show which schools have not returned\./
          : /^Ni fewnforiwyd rhestr o ysgolion, felly ni all y daflen hon ddangos pa ysgolion sydd heb ddychwelyd\./,
      );
      expect(sentence).toContain('--schools LIST.csv');
      expect(sentence).not.toBe(t('compareBook.notReturnedNone'));

      // With a list: its count and the listed schools not returned, as figures.
      const withList = await writtenAndRead(lang, twoSchools(listOf(true)));
      expect(authorityRows(withList).get(t('compareBook.block.listed'))).toBe('2');
      expect(authorityRows(withList).get(t('compareBook.block.notReturned'))).toBe('1');
      expect(withList.getWorksheet(t('compareBook.sheet.notReturned'))!.getCell('A2').text).toBe('Ysgol Heb Ffurflen');
    });

    it(`says in ${lang === 'en' ? 'English' : 'Welsh'} that no published allocation was imported rather than total them as £0.00, and whose a total of some schools' is`, async () => {
      const { t } = createI18n(lang);
      const publishedRow = (workbook: ExcelJS.Workbook) => workbook.getWorksheet(t('compareBook.sheet.authority'))!.getRow(6);
      const none = publishedRow(await writtenAndRead(lang));
      expect([none.getCell(1).text, none.getCell(2).value]).toEqual([t('compareBook.block.published'), lang === 'en' ? 'None imported or entered' : 'Dim wedi’u mewnforio na’u nodi']);

      const some = publishedRow(await writtenAndRead(lang, twoSchools(undefined, { a: 1_234_500 })));
      expect(some.getCell(1).text).toBe(lang === 'en' ? 'Published allocations (only the schools with one: 1 of 2)' : 'Dyraniadau a gyhoeddwyd (dim ond yr ysgolion sydd ag un: 1 o 2)');
      expect(some.getCell(2).value).toBe(12_345);
      expect(some.getCell(2).numFmt).toBe('£#,##0.00;-£#,##0.00');

      const all = publishedRow(await writtenAndRead(lang, twoSchools(undefined, { a: 1_234_500, b: 0 })));
      expect([all.getCell(1).text, all.getCell(2).value]).toEqual([t('compareBook.block.published'), 12_345]);
    });

    it(`gives the date of the ALP definition a school applied in ${lang === 'en' ? 'English' : 'Welsh'} words, not as an ISO date`, async () => {
      const { t } = createI18n(lang);
      const schools = (await writtenAndRead(lang)).getWorksheet(t('compareBook.sheet.schools'))!;
      const header = (schools.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
      expect(rowNamed(schools, testSchoolYear().school.name).getCell(header.indexOf(t('compareBook.col.definitionDate'))).text).toBe(dated);
    });

    it(`names whose ALP definition a school applied in ${lang === 'en' ? 'English' : 'the Welsh the school gave'}`, async () => {
      const { t } = createI18n(lang);
      const schools = (await writtenAndRead(lang)).getWorksheet(t('compareBook.sheet.schools'))!;
      const header = (schools.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
      expect(rowNamed(schools, testSchoolYear().school.name).getCell(header.indexOf(t('compareBook.col.definition'))).text).toBe(
        lang === 'en' ? 'Example County ILP guidance' : 'Canllawiau CDU Sir Enghraifft',
      );
    });

    it(`prints its notes on how each figure is made in ${lang === 'en' ? 'English' : 'Welsh'} in rows tall enough for their wrapped lines, so none prints over the next`, async () => {
      const { t } = createI18n(lang);
      const about = (await writtenAndRead(lang)).getWorksheet(t('compareBook.sheet.about'))!;
      const width = about.getColumn(2).width ?? 9;
      let wrapped = 0;
      for (let r = 3; r <= about.rowCount; r += 1) {
        const note = about.getRow(r).getCell(2);
        const lines = wrappedLineCount(note.text, width, {});
        if (lines > 1) wrapped += 1;
        expect(note.alignment?.wrapText, `row ${r}`).toBe(true);
        expect(about.getRow(r).height ?? 15, `row ${r}: “${note.text}”`).toBeGreaterThanOrEqual(lines * 13);
      }
      // The outliers rule and the small-numbers note are long: the check above is not only of one-line rows.
      expect(wrapped).toBeGreaterThanOrEqual(2);
      // Each share's denominator, standing alone after "Denominator:" / "Enwadur:" (not mutated as after "o").
      const notes = (about.getColumn(2).values as unknown[]).map((v) => String(v ?? ''));
      const denominators = notes.filter((n) => /^(Denominator|Enwadur):/.test(n));
      expect(new Set(denominators)).toEqual(
        new Set(
          lang === 'en'
            ? ['Denominator: pupils on roll.', 'Denominator: learners with ALN.', 'Denominator: the cost of intervention lines.', 'Denominator: the cost of ALP lines.']
            : ['Enwadur: disgyblion ar y gofrestr.', 'Enwadur: dysgwyr ag ADY.', 'Enwadur: cost llinellau ymyrraeth.', 'Enwadur: cost llinellau DDY.'],
        ),
      );
      expect(about.getCell('A2').isMerged).toBe(true);
    });
  }
});

/** Identical schools, `primary` of them primary and `secondary` secondary: no school lies outside any fence drawn. */
function ofPhases(primary: number, secondary: number) {
  const phases = [...Array.from({ length: primary }, () => 'primary' as const), ...Array.from({ length: secondary }, () => 'secondary' as const)];
  return compareReturns(
    phases.map((phase, i) => {
      const year = testSchoolYear();
      year.school = { ...year.school, name: `School ${i + 1}`, phase };
      return { schoolKey: `s${i}`, ret: buildAuthorityReturn(year, costSchoolYear(year)) };
    }),
  );
}

describe('the comparison workbook says which measures were looked at for outliers', () => {
  for (const lang of ['en', 'cy'] as const) {
    const { t } = createI18n(lang);
    const outliersSheet = async (comparison: ReturnType<typeof compareReturns>) => {
      const sheet = (await writtenAndRead(lang, comparison)).getWorksheet(t('compareBook.sheet.outliers'))!;
      return (sheet.getColumn(1).values as unknown[]).slice(2).map((v) => String(v ?? ''));
    };

    it(`in ${lang === 'en' ? 'English' : 'Welsh'}: where no measure had 4 schools with a figure, that none could be looked for and why, never that none lies outside`, async () => {
      const comparison = ofPhases(2, 1);
      expect(comparison.phaseMeasures.every((m) => m.lowerFence === null)).toBe(true);
      const lines = await outliersSheet(comparison);
      expect(lines[0]).toBe(
        lang === 'en'
          ? 'Outliers could not be looked for on any measure: too few schools have a figure. The fences need at least 4 schools of the same phase with a figure.'
          : 'Ni ellid chwilio am werthoedd eithriadol ar unrhyw fesur: mae rhy ychydig o ysgolion gyda ffigur. Mae angen o leiaf 4 ysgol o’r un cyfnod gyda ffigur ar y ffensys.',
      );
      expect(lines.join('\n')).not.toContain(t('authority.outliers.none'));
      // Each measure and phase not looked for is still listed below, with its own count.
      expect(lines).toContain(t('compareBook.outliers.tooFewTitle'));
      expect(lines.filter((l) => l.startsWith(lang === 'en' ? 'Outliers in “' : 'Ni chwilir am werthoedd eithriadol yn “'))).toHaveLength(comparison.phaseMeasures.length);
    });

    it(`in ${lang === 'en' ? 'English' : 'Welsh'}: where some measures were checked and some not, that none lies outside on the measures checked`, async () => {
      const comparison = ofPhases(4, 1);
      expect(comparison.outliers).toEqual([]);
      expect(comparison.phaseMeasures.some((m) => m.lowerFence !== null)).toBe(true);
      expect(comparison.phaseMeasures.some((m) => m.lowerFence === null)).toBe(true);
      const lines = await outliersSheet(comparison);
      expect(lines[0]).toBe(
        lang === 'en'
          ? 'No school lies outside the fences on the measures checked. The measures not checked, for too few schools with a figure, are listed below.'
          : 'Nid oes unrhyw ysgol y tu allan i’r ffensys ar y mesurau a wiriwyd. Rhestrir isod y mesurau na chawsant eu gwirio, am fod rhy ychydig o ysgolion gyda ffigur.',
      );
      const notLookedFor = lines.filter((l) => l.startsWith(lang === 'en' ? 'Outliers in “' : 'Ni chwilir am werthoedd eithriadol yn “'));
      expect(notLookedFor.length).toBeGreaterThan(0);
      expect(notLookedFor.every((l) => l.includes(t('authority.outliers.phaseSchools.secondary')))).toBe(true);
    });

    it(`in ${lang === 'en' ? 'English' : 'Welsh'}: where every measure was checked, that none lies outside on any measure`, async () => {
      const comparison = ofPhases(4, 0);
      expect(comparison.phaseMeasures.every((m) => m.lowerFence !== null)).toBe(true);
      const lines = await outliersSheet(comparison);
      expect(lines).toEqual([t('authority.outliers.none')]);
    });
  }
});

describe('the comparison workbook’s empty sheets, printed', () => {
  it.skipIf(!findSoffice())(
    'print each on one page in English and Welsh, with its sentence whole (through LibreOffice)',
    async () => {
      const folder = testFolder();
      const files: Array<{ file: string; sentence: string }> = [];
      for (const lang of ['en', 'cy'] as const) {
        const { t } = createI18n(lang);
        // No list of schools (the longest sentence), no classification differences, no outliers looked for.
        const bytes = await writeComparisonWorkbook(twoSchools(), undefined, lang);
        for (const [name, sentence] of [
          ['notReturned', t('compareBook.notReturnedNoList')],
          ['differences', t('authority.classification.none')],
          ['outliers', t('authority.outliers.noneLookedFor', { minimum: 4 })],
        ] as const) {
          // Each sheet alone in a workbook of its own, so its pages can be counted.
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(bytes as never);
          for (const other of workbook.worksheets.filter((w) => w.name !== t(`compareBook.sheet.${name}`))) workbook.removeWorksheet(other.id);
          const file = nodePath.join(folder, `${name}-${lang}.xlsx`);
          await workbook.xlsx.writeFile(file);
          files.push({ file, sentence });
        }
      }
      const pdfs = convertWithLibreOffice(
        files.map((f) => f.file),
        'pdf',
        nodePath.join(folder, 'pdf'),
      );
      for (const [i, { file, sentence }] of files.entries()) {
        const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfs[i]!], { encoding: 'utf8' }))?.[1]);
        expect(pages, nodePath.basename(file)).toBe(1);
        const text = execFileSync('pdftotext', [pdfs[i]!, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
        expect(text, nodePath.basename(file)).toContain(sentence);
      }
    },
    180_000,
  );
});

/**
 * Lego therapy at two schools of 1,680 pupils: ALP at Ysgol A on two lines of fewer than 5 learners; not ALP
 * at Ysgol B, on a line of 6 and one of 2.
 */
function legoTherapy() {
  const schoolWith = (name: string, tierId: string, lines: Array<{ name: string; learners: number }>) => {
    const built = lines.map((l, i) => interventionLine({ id: i + 1, name: l.name, tierId }));
    const enrolled = lines.flatMap((l, i) => Array.from({ length: l.learners }, (_, k) => ({ line: built[i]!, learnerId: i * 10 + k + 1 })));
    return schoolYear({
      school: { ...schoolYear().school, name, numberOnRoll: 1680 },
      staff: [staffMember({ id: 1, hourlyCostPence: 1800 })],
      lines: built,
      learners: enrolled.map((e) => learner({ id: e.learnerId, alnStatus: 'idp_school' })),
      enrolments: enrolled.map((e, id) => enrolOn(e.line, id + 1, e.learnerId)),
    });
  };
  const a = schoolWith('Ysgol A', 'alp', [
    { name: 'Lego therapy', learners: 3 },
    { name: 'Lego therapy (KS1)', learners: 2 },
  ]);
  const b = schoolWith('Ysgol B', 'targeted', [
    { name: 'Lego therapy', learners: 6 },
    { name: 'Lego therapy (KS2)', learners: 2 },
  ]);
  return compareReturns(
    [a, b].map((year) => ({ schoolKey: year.school.name, ret: buildAuthorityReturn(year, costSchoolYear(year)) })),
    {},
  );
}

describe('the comparison workbook’s counts, as its reader reads them', () => {
  for (const [lang, alp, notAlp] of [
    ['en', 'fewer than 5 on each (2\u00a0lines)', '6, plus fewer than 5 (1\u00a0other line)'],
    ['cy', 'llai na 5 ar bob un (2\u00a0linell)', '6, a llai na 5 (1\u00a0llinell arall)'],
  ] as const) {
    it(`say in ${lang === 'en' ? 'English' : 'Welsh'} how many learners are on lines with fewer than 5, in words that read beside the count of schools`, async () => {
      const { t } = createI18n(lang);
      const workbook = await writtenAndRead(lang, legoTherapy());
      const differences = workbook.getWorksheet(t('compareBook.sheet.differences'))!;
      const row = differences.getRow(2);
      expect([row.getCell(3).value, row.getCell(4).value, row.getCell(6).value, row.getCell(7).value]).toEqual([1, alp, 1, notAlp]);
      // One line alone: "fewer than 5 (1 line)", never "0 + 1 line with fewer than 5".
      expect(t('compareBook.diff.learnersSmallOnly', { count: 1 })).toBe(lang === 'en' ? 'fewer than 5 (1\u00a0line)' : 'llai na 5 (1\u00a0llinell)');
      // Right-aligned, as the count of schools beside it is, so "1" and the words never read as one.
      expect([row.getCell(4).alignment?.horizontal, row.getCell(7).alignment?.horizontal]).toEqual(['right', 'right']);
    });

    it(`group counts of pupils and learners in thousands in ${lang === 'en' ? 'English' : 'Welsh'}, as the money is`, async () => {
      const { t } = createI18n(lang);
      const workbook = await writtenAndRead(lang, legoTherapy());
      const authority = workbook.getWorksheet(t('compareBook.sheet.authority'))!;
      let roll: ExcelJS.Cell | undefined;
      authority.eachRow((r) => {
        if (r.getCell(1).text === t('compareBook.block.roll')) roll = r.getCell(2);
      });
      expect([roll?.value, roll?.numFmt]).toEqual([3360, '#,##0']);
      for (let r = 2; r <= 5; r += 1) expect(authority.getRow(r).getCell(2).numFmt, `Authority row ${r}`).toBe('#,##0');
      const schools = workbook.getWorksheet(t('compareBook.sheet.schools'))!;
      const model = workbook.getWorksheet(t('compareBook.sheet.model'))!;
      for (const [sheet, columns] of [
        [schools, [5, 7, 9, 11, 12]],
        [model, [6, 7, 8]],
      ] as const) {
        for (const c of columns) expect(sheet.getRow(2).getCell(c).numFmt, `${sheet.name} column ${c}`).toBe('#,##0');
      }
      expect(schools.getRow(2).getCell(5).value).toBe(1680);
    });
  }
});

/** Six primaries with no official numbers (known by name alone); all but Cwm gave a Welsh name. */
const SCHOOLS = [
  { name: 'Bryn Primary School', nameCy: 'Ysgol Gynradd Bryn' },
  { name: 'Glan Primary School', nameCy: 'Ysgol Gynradd Glan' },
  { name: 'Cwm Primary School', nameCy: '' },
  { name: 'Pen Primary School', nameCy: 'Ysgol Gynradd Pen' },
  { name: 'Tŷ Mawr Primary School', nameCy: 'Ysgol Gynradd Tŷ Mawr' },
  { name: 'Maes Primary School', nameCy: 'Ysgol Gynradd Maes' },
];

/**
 * The Welsh each school gave its precision teaching line: most gave the same, one another, Cwm none. A Welsh
 * reader reads the one most schools gave.
 */
const PRECISION_CY = ['Addysgu manwl (darllen)', 'Addysgu manwl (darllen)', '', 'Addysgu manwl gywir', 'Addysgu manwl (darllen)', 'Addysgu manwl (darllen)'];

/**
 * Their returns written and read back as files. Maes alone classes precision teaching as ALP, and with a
 * tenth of the others' roll spends far more per pupil: its school is the one outlier, and it gave its ALP
 * definition's Welsh.
 */
async function namedSchools() {
  const returns = [];
  for (const [i, names] of SCHOOLS.entries()) {
    const year = testSchoolYear();
    const maes = i === SCHOOLS.length - 1;
    year.school = { ...year.school, ...names, numberOnRoll: maes ? 31 : 312, ...(maes ? { alpDefinitionSourceCy: 'Canllawiau CDU Castell-nedd Port Talbot' } : {}) };
    if (maes) year.lines = year.lines.map((l) => (l.id === 1 ? { ...l, tierId: 'alp' } : l));
    year.lines = year.lines.map((l) => (l.id === 1 ? { ...l, nameCy: PRECISION_CY[i] as string } : l));
    const file = nodePath.join(testFolder(), `return-${i}.xlsx`);
    fs.writeFileSync(file, await writeReturnWorkbook(buildAuthorityReturn(year, costSchoolYear(year)), 'Mapio test'));
    const { ret } = await readReturnWorkbook(fs.readFileSync(file));
    returns.push({ schoolKey: schoolKeyFor(ret.school), ret });
  }
  return compareReturns(returns, {});
}

async function namedAndRead(lang: Lang): Promise<ExcelJS.Workbook> {
  const file = nodePath.join(testFolder(), `named-${lang}.xlsx`);
  fs.writeFileSync(file, await writeComparisonWorkbook(await namedSchools(), undefined, lang));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

const column = (sheet: ExcelJS.Worksheet, n: number) =>
  sheet
    .getColumn(n)
    .values.slice(2)
    .map((v) => String(v ?? ''));

describe('the comparison workbook names each school as its reader reads it', () => {
  for (const lang of ['en', 'cy'] as const) {
    const named = SCHOOLS.map((s) => (lang === 'cy' && s.nameCy ? s.nameCy : s.name));
    const other = SCHOOLS.map((s) => (lang === 'cy' ? s.name : s.nameCy)).filter((n) => n !== '' && !named.includes(n));

    // A Welsh reader's lists of schools in Welsh alphabetical order of the names shown; an English reader's as the comparison gives them.
    const listed = lang === 'cy' ? ['Cwm Primary School', 'Ysgol Gynradd Bryn', 'Ysgol Gynradd Glan', 'Ysgol Gynradd Maes', 'Ysgol Gynradd Pen', 'Ysgol Gynradd Tŷ Mawr'] : named;

    it(`in ${lang === 'en' ? 'English' : 'the Welsh each school gave (the English where it gave none)'} on every sheet that names a school`, async () => {
      const { t } = createI18n(lang);
      const workbook = await namedAndRead(lang);
      expect(column(workbook.getWorksheet(t('compareBook.sheet.schools'))!, 1)).toEqual(listed);
      expect(column(workbook.getWorksheet(t('compareBook.sheet.model'))!, 2)).toEqual(listed);

      const differences = workbook.getWorksheet(t('compareBook.sheet.differences'))!;
      const maes = named[named.length - 1]!;
      const precision = differences.getRow(2);
      expect(precision.getCell(9).text).toBe(maes);
      expect(
        precision
          .getCell(10)
          .text.split('; ')
          .map((x) => x.replace(/ \(.*\)$/, '')),
      ).toEqual(named.slice(0, -1));

      // The intervention, the names the schools wrote and each school's tiers in the reader's language: the
      // Welsh most schools gave the line, the Welsh each gave it (most used first; Cwm gave none, so its
      // English), and the Welsh each school's return gives its tier.
      expect(precision.getCell(1).text).toBe(lang === 'cy' ? 'Addysgu manwl (darllen)' : 'Precision teaching (reading)');
      expect(precision.getCell(2).text).toBe(lang === 'cy' ? 'Addysgu manwl (darllen); Addysgu manwl gywir; Precision teaching (reading)' : 'Precision teaching (reading)');
      const tiers = precision
        .getCell(10)
        .text.split('; ')
        .map((x) => x.replace(/^.* \((.*)\)$/, '$1'));
      expect(tiers).toEqual(named.slice(0, -1).map(() => (lang === 'cy' ? 'Wedi’i thargedu' : 'Targeted')));

      // Each outlier question names the school and whose ALP definition it applied, in the reader's language.
      const outliers = workbook.getWorksheet(t('compareBook.sheet.outliers'))!;
      const flagged = column(outliers, 1);
      expect(flagged.length).toBeGreaterThan(0);
      expect(new Set(flagged)).toEqual(new Set([maes]));
      for (let row = 2; row <= flagged.length + 1; row += 1) {
        expect(outliers.getRow(row).getCell(7).text).toContain(maes);
        expect(outliers.getRow(row).getCell(7).text).toContain(lang === 'cy' ? 'Canllawiau CDU Castell-nedd Port Talbot' : 'Neath Port Talbot ILP guidance');
      }

      // No sheet names a school in the other language.
      for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => other.forEach((n) => expect(cell.text, `${sheet.name} ${cell.address}`).not.toContain(n))));
    });

    it(`prints the ${lang === 'en' ? 'English' : 'Welsh'} model sheet across pages with each school's number and name on every page`, async () => {
      const { t } = createI18n(lang);
      const model = (await namedAndRead(lang)).getWorksheet(t('compareBook.sheet.model'))!;
      expect([model.getCell('A1').text, model.getCell('B1').text]).toEqual([t('compareBook.col.officialNumber'), t('compareBook.col.school')]);
      // Wider than a page: printed across pages at a readable size, not shrunk to one.
      expect(model.pageSetup.fitToPage).toBeFalsy();
      expect(model.pageSetup.printTitlesColumn).toBe('A:B');
      expect(model.pageSetup.printTitlesRow).toBe('1:1');
    });
  }
});
