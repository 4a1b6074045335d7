import { englishIn, englishPhrases } from '../../shared/i18n/englishLeftovers';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { AUTHORITY_RETURN_VERSION, canonicalJson, countsByStatus, type AuthorityReturn } from '../../shared/authority/returnFormat';
import { workbookCells } from '../workbookCells';
import { compareReturns } from '../../shared/authority/comparison';
import { createI18n } from '../../shared/i18n';
import { writeComparisonWorkbook } from './comparisonWorkbook';
import { buildAuthorityReturn } from '../../shared/authority/buildReturn';
import { costSchoolYear } from '../../shared/engine';
import { incomeLine, interventionLine, schoolYear, staffMember } from '../../test/support/schoolYearBuilder';
import { testSchoolYear } from '../../test/support/testSchoolYear';
import { readReturnWorkbook, ReturnRejected } from './readReturn';
import { JSON_CHUNK_CHARS, RETURN_DATA_SHEET, returnWorkbookBytes, writeReturnWorkbook } from './returnWorkbook';
import { emptySchoolYear } from '../../shared/schoolDefaults';
import { testFolder } from '../../test/support/testFolder';
import fs from 'node:fs';
import nodePath from 'node:path';
import { alterFirstCost, editReturnData, setVersion, zipEntries } from '../../test/support/returnFiles';

const PLANTED = { name: 'Zyxqvort Plimsoll', ref: 'ZQ-998877' };

/** When the tests' returns are written. */
const WRITTEN = new Date('2027-06-01T09:00:00Z');

function plantedReturn(): AuthorityReturn {
  const year = testSchoolYear();
  year.learners[0]!.name = PLANTED.name;
  year.learners[0]!.ref = PLANTED.ref;
  year.learners[1]!.name = 'Quillibert Vantasmoor';
  year.learners[1]!.ref = 'QV-446655';
  return buildAuthorityReturn(year, costSchoolYear(year));
}

async function rejection(bytes: Buffer): Promise<string> {
  try {
    await readReturnWorkbook(bytes);
  } catch (error) {
    if (error instanceof ReturnRejected) return error.reason;
    throw error;
  }
  throw new Error('the return was accepted');
}

/** The readable return sheet's (the first sheet's) first two columns, as text, row by row. */
async function readableSheet(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push([String(row.getCell(1).value ?? ''), String(row.getCell(2).value ?? '')]));
  return rows;
}

describe('writing a return', () => {
  it('round-trips: what Mapio reads back is exactly the return it wrote', async () => {
    const ret = plantedReturn();
    const bytes = await writeReturnWorkbook(ret, 'Mapio test', 'en', WRITTEN);
    const read = await readReturnWorkbook(bytes);
    expect(read.ret).toEqual({ ...ret, writtenAt: WRITTEN.toISOString() });
    expect(read.json).toBe(canonicalJson({ ...ret, writtenAt: WRITTEN.toISOString() }));
    expect(read.version).toBe(AUTHORITY_RETURN_VERSION);
    expect(read.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('in Welsh: the sheets a person reads are in Welsh with no English label left, and Mapio reads back the same return', async () => {
    const ret = plantedReturn();
    const bytes = await writeReturnWorkbook(ret, 'Mapio test', 'cy', WRITTEN);
    expect((await readReturnWorkbook(bytes)).ret).toEqual({ ...ret, writtenAt: WRITTEN.toISOString() });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    expect(workbook.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['Ffurflen', 'Llinellau ymyrraeth']);
    const text: string[] = [];
    for (const ws of workbook.worksheets) if (ws.state === 'visible') ws.eachRow((row) => row.eachCell((cell) => text.push(cell.text)));
    const all = text.join('\n');
    expect(all).toContain('Dysgwyr ag ADY (CDU, neu benderfyniad a’r CDU wrthi’n cael ei baratoi)');
    expect(all).toContain('Sefyllfa’r gyllideb');
    // The school's own words are as it typed them (in Welsh where it gave Welsh: below); every label is Welsh
    const ownWords = [
      ret.school.name,
      ret.school.localAuthority,
      ret.school.alpDefinitionSource,
      ...ret.lines.flatMap((l) => [l.name, l.tierName, ...l.areas]),
      ...ret.income.map((x) => x.name),
      ...ret.totals.byTier.map((b) => b.name),
      ...ret.totals.byArea.map((b) => b.name),
    ];
    let labels = all;
    for (const w of ownWords.filter(Boolean).sort((a, b) => b.length - a.length)) labels = labels.replaceAll(w, ' ');
    expect(englishIn(labels, englishPhrases())).toEqual([]);
  });

  it('in Welsh, the names the school typed are the Welsh it gave: tiers, areas, lines and income, and Mapio’s own groups; in English, the English', async () => {
    const year = testSchoolYear();
    year.lines[0]!.nameCy = 'Cymorth yn y dosbarth';
    year.income[0]!.nameCy = 'Cyllid ADY dirprwyedig';
    const ret = buildAuthorityReturn(year, costSchoolYear(year));
    const tier = year.tiers.find((x) => x.id === year.lines[0]!.tierId)!;
    const area = year.areas.find((x) => x.id === year.lines[0]!.areaIds[0])!;
    expect(ret.welshNames.lines).toEqual({ [year.lines[0]!.name]: 'Cymorth yn y dosbarth' });
    expect(ret.welshNames.tiers[tier.name]).toBe(tier.nameCy);
    const visibleText = async (bytes: Buffer) => {
      const cells: string[] = [];
      for (const sheet of workbookCells(zipEntries(bytes)).filter((x) => !x.hidden))
        for (let r = 1; r <= sheet.rowCount; r++) for (let c = 1; c <= sheet.columnCount; c++) cells.push(String(sheet.cell(r, c)?.value ?? ''));
      return cells;
    };
    const cy = await writeReturnWorkbook(ret, 'Mapio test', 'cy', WRITTEN);
    // The sheets say what the data says: Mapio reads it back and draws the same cells.
    expect((await readReturnWorkbook(cy)).ret.welshNames).toEqual(ret.welshNames);
    const welsh = await visibleText(cy);
    for (const words of ['Cymorth yn y dosbarth', 'Cyllid ADY dirprwyedig', tier.nameCy, area.nameCy]) expect(welsh.some((cell) => cell.includes(words))).toBe(true);
    expect(welsh).not.toContain(year.lines[0]!.name);
    // Mapio's own group of other costs, in the catalogue's Welsh words, never a key or the English.
    const otherCosts = createI18n('cy').t('budget.groupKey.other_costs');
    expect(otherCosts).not.toMatch(/groupKey/);
    expect(welsh).toContain(otherCosts);
    expect(welsh.filter((cell) => /groupKey|Other costs/.test(cell))).toEqual([]);
    expect(welsh.some((cell) => cell.split('; ').includes(area.name))).toBe(false);
    const english = await visibleText(await writeReturnWorkbook(ret, 'Mapio test', 'en', WRITTEN));
    expect(english).toContain(year.lines[0]!.name);
    expect(english).not.toContain('Cymorth yn y dosbarth');
  });

  it('prints the lines sheet with figures right-aligned and long text wrapped in rows tall enough for it', async () => {
    const year = testSchoolYear();
    year.lines[0]!.nameCy = 'Cymorth yn y dosbarth i ddysgwyr y Derbyn a Blwyddyn 1, gyda chynorthwyydd addysgu';
    const bytes = await writeReturnWorkbook(buildAuthorityReturn(year, costSchoolYear(year)), 'Mapio test', 'cy', WRITTEN);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    const lines = book.getWorksheet('Llinellau ymyrraeth')!;
    let wrappedRows = 0;
    for (let r = 2; r <= lines.rowCount; r++) {
      const row = lines.getRow(r);
      for (const c of [8, 9, 10, 11]) expect(row.getCell(c).alignment?.horizontal, `row ${r} column ${c}`).toBe('right');
      for (const c of [1, 2, 3, 4, 5, 6, 7]) {
        const cell = row.getCell(c);
        const perLine = Math.floor((lines.getColumn(c).width ?? 10) * 0.95);
        if (cell.text.length <= perLine) continue;
        wrappedRows++;
        expect(cell.alignment?.wrapText, `${cell.address} wraps`).toBe(true);
        expect(row.height, `row ${r} is tall enough for ${cell.address}`).toBeGreaterThanOrEqual(Math.ceil(cell.text.length / perLine) * 13);
      }
    }
    expect(wrappedRows).toBeGreaterThan(0);
  });

  it('prints the main sheet with its title on one line, values beside their labels’ first lines, headings over their figures and text set apart from the figure before it', async () => {
    const year = testSchoolYear();
    year.school = { ...year.school, nameCy: 'Ysgol Gynradd Bryn Derw (Castell-nedd Port Talbot)' };
    const { t } = createI18n('cy');
    const bytes = await writeReturnWorkbook(buildAuthorityReturn(year, costSchoolYear(year)), 'Mapio test', 'cy', WRITTEN);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    const main = book.getWorksheet(t('returnBook.sheet.main'))!;
    // The title is not wrapped in the labels' column (its second line was cut off): it runs across the empty cells beside it.
    expect(main.getCell('A1').text).toContain('Ysgol Gynradd Bryn Derw (Castell-nedd Port Talbot)');
    expect(main.getCell('A1').alignment?.wrapText ?? false).toBe(false);
    for (const c of ['B1', 'C1', 'D1', 'E1']) expect(main.getCell(c).value, c).toBeNull();
    const rowOf = (label: string) => {
      let found: ExcelJS.Row | undefined;
      main.eachRow((row) => (found ??= row.getCell(1).text === label ? row : undefined));
      if (!found) throw new Error(`no row "${label}"`);
      return found;
    };
    for (let r = 2; r <= main.rowCount; r++) {
      const row = main.getRow(r);
      row.eachCell((cell) => expect(cell.alignment?.vertical, `${cell.address} at the top of its row`).toBe('top'));
      const label = row.getCell(1);
      // Printed, a plain character is about 0.86 of a column unit: a label 1.2 times its column's width surely wraps.
      if (label.text.length > 1.2 * (main.getColumn(1).width ?? 9)) expect(row.height, `row ${r} holds "${label.text}" on two lines`).toBeGreaterThanOrEqual(2 * 13);
    }
    // A listed value reads from the left of its column, a number as a name does.
    expect(rowOf(t('returnBook.school.roll')).getCell(2).alignment?.horizontal).toBe('left');
    expect(rowOf(t('returnBook.school.nameCy')).getCell(2).alignment?.horizontal).toBe('left');
    // The financial years' headings stand over their figures, at the right.
    const fyHeading = rowOf(t('returnBook.budget.fy'));
    for (const c of [2, 3, 4]) expect(fyHeading.getCell(c).alignment?.horizontal, `column ${c}`).toBe('right');
    // The income's financial year, after its amount, is set in from the left: "£62,000.00" and "2026-27" never read as one.
    const incomeHeading = rowOf(t('returnBook.income.line'));
    const firstIncome = main.getRow(Number(incomeHeading.number) + 1);
    expect(typeof firstIncome.getCell(3).value).toBe('number');
    expect(firstIncome.getCell(4).alignment).toMatchObject({ horizontal: 'left', indent: 2 });
  });

  it('prints a school name longer than its column whole: a place name broken across lines in a row tall enough for all of them, in English and Welsh', async () => {
    const year = testSchoolYear();
    // As the audit printed it: "Llanfairpwllgwyngyllgogerychwyrndrobwll," alone is longer than the value's column.
    year.school = {
      ...year.school,
      name: 'Ysgol Gymraeg Bro Ŵyn a Thŷ’r Fâl, Llanfairpwllgwyngyllgogerychwyrndrobwll',
      nameCy: 'Ysgol Gymraeg Bro Ŵyn a Thŷ’r Fâl, Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch',
      alpDefinitionSource: 'Canllawiau Cyngor Bwrdeistref Sirol Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch',
    };
    year.lines[0]!.name = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch reading group';
    year.income = [{ ...year.income[0]!, name: 'Grant Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch' }];
    const ret = buildAuthorityReturn(year, costSchoolYear(year));
    for (const lang of ['en', 'cy'] as const) {
      const { t } = createI18n(lang);
      const bytes = await writeReturnWorkbook(ret, 'Mapio test', lang, WRITTEN);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as never);
      const main = book.getWorksheet(t('returnBook.sheet.main'))!;
      // The row whose value is the name ("School" is also the heading above it).
      const heightOf = (value: string) => {
        let height = 0;
        main.eachRow((row) => (height ||= row.getCell(2).text === value ? (row.height ?? 15) : 0));
        return height;
      };
      // Printed, the English name takes 4 lines ("…Thŷ’r" / "Fâl," / "Llanfairpwllgwyngyllgogerychwyrn" / "drobwll"), the Welsh at least as many.
      expect(heightOf(ret.school.name), lang).toBeGreaterThanOrEqual(4 * 13);
      expect(heightOf(ret.school.nameCy), lang).toBeGreaterThanOrEqual(4 * 13);
      // Every cell of the school's own text, on both sheets: at least as many lines as its characters fill, counting
      // a character as 0.86 of a column unit (as LibreOffice prints) and an indent level as 3 spaces taken from the column.
      const lines = book.getWorksheet(t('returnBook.sheet.lines'))!;
      const typed = [ret.school.name, ret.school.nameCy, ret.school.alpDefinitionSource, year.lines[0]!.name, ret.income[0]!.name];
      for (const sheet of [main, lines]) {
        sheet.eachRow((row) => {
          if (row.number === 1) return;
          row.eachCell((cell, c) => {
            if (!typed.includes(cell.text)) return;
            const perLine = Math.floor(((sheet.getColumn(c).width ?? 9) - (cell.alignment?.indent ?? 0) * 1.5) / 0.86);
            expect(cell.alignment?.wrapText, `${lang} ${sheet.name} ${cell.address}`).toBe(true);
            expect(row.height ?? 15, `${lang} ${sheet.name} ${cell.address} "${cell.text}"`).toBeGreaterThanOrEqual(Math.ceil(cell.text.length / perLine) * 13);
          });
        });
      }
      expect((await readReturnWorkbook(bytes)).ret.school.name, lang).toBe(ret.school.name);
    }
  });

  it('wraps a title too long for one line across the sheet, in a row tall enough for it, rather than run it past the page; Mapio reads the return back', async () => {
    const year = testSchoolYear();
    const name = 'Ysgol Gynradd Gymraeg Bro Ŵyn a Thŷ’r Fâl a Chwm Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch, Ffederasiwn Ysgolion Dyffryn Conwy Uchaf a Glannau Afon Lledr';
    year.school = { ...year.school, name, nameCy: name };
    for (const lang of ['en', 'cy'] as const) {
      const bytes = await writeReturnWorkbook(buildAuthorityReturn(year, costSchoolYear(year)), 'Mapio test', lang, WRITTEN);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as never);
      const main = book.worksheets[0]!;
      expect(main.getCell('A1').text, lang).toContain(name);
      expect(main.getCell('A1').alignment?.wrapText, lang).toBe(true);
      expect(zipEntries(bytes).get('xl/worksheets/sheet1.xml')!.toString(), lang).toContain('<mergeCell ref="A1:E1"/>');
      expect(main.getRow(1).height, lang).toBeGreaterThanOrEqual(2 * 17);
      // The merged cells beside the title hold nothing: the return still shows exactly what its data draws.
      expect((await readReturnWorkbook(bytes)).ret.school.name, lang).toBe(name);
    }
  });

  it('prints the lines sheet’s headings in two lines, in Welsh too, so its rows are not pushed onto a page of their own', async () => {
    for (const lang of ['en', 'cy'] as const) {
      const { t } = createI18n(lang);
      const year = testSchoolYear();
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await writeReturnWorkbook(buildAuthorityReturn(year, costSchoolYear(year)), 'Mapio test', lang, WRITTEN)) as never);
      const lines = book.getWorksheet(t('returnBook.sheet.lines'))!;
      // "Oriau cyswllt yr wythnos (fesul dysgwr)" took five lines in its narrow column, and the row five lines' height.
      expect(lines.getRow(1).height, lang).toBeLessThanOrEqual(2 * 15 + 3);
    }
  });

  it('says which year each income line is for, under “Year”: the academic year for delegated funding, the financial year a grant names, and how the academic year’s income is shared', async () => {
    const year = testSchoolYear();
    year.income = [
      { ...year.income[0]!, id: 1, name: 'Delegated ALN funding', kind: 'delegated_aln', financialYear: null },
      { ...year.income[0]!, id: 2, name: 'ALN grant', kind: 'aln_grant', financialYear: 2026 },
    ];
    const ret = buildAuthorityReturn(year, costSchoolYear(year));
    const incomeTable = async (lang: 'en' | 'cy') => {
      const { t } = createI18n(lang);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await writeReturnWorkbook(ret, 'Mapio test', lang, WRITTEN)) as never);
      const rows: string[][] = [];
      book.worksheets[0]!.eachRow((row) => rows.push([1, 2, 3, 4, 5].map((c) => row.getCell(c).text)));
      const first = rows.findIndex((r) => r[0] === t('returnBook.income.line'));
      return rows.slice(first, first + 5);
    };
    const [enHeading, enDelegated, enGrant, enTotal, enNote] = await incomeTable('en');
    expect(enHeading![3]).toBe('Year');
    expect(enDelegated![3]).toBe('Academic year 2026-27');
    expect(enGrant![3]).toBe('April 2026 – March 2027');
    expect(enTotal![0]).toBe('Total income');
    expect(enNote![0]).toBe('Income for the academic year is shared between the two financial years by teaching weeks.');
    const [cyHeading, cyDelegated, cyGrant, , cyNote] = await incomeTable('cy');
    expect(cyHeading![3]).toBe('Blwyddyn');
    expect(cyDelegated![3]).toBe('Blwyddyn academaidd 2026-27');
    expect(cyGrant![3]).toBe('Ebrill 2026 – Mawrth 2027');
    expect(cyNote![0]).toBe('Rhennir incwm y flwyddyn academaidd rhwng y ddwy flwyddyn ariannol yn ôl yr wythnosau addysgu.');
    // No academic-year income, no note.
    const grantsOnly = buildAuthorityReturn({ ...year, income: [year.income[1]!] }, costSchoolYear({ ...year, income: [year.income[1]!] }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeReturnWorkbook(grantsOnly, 'Mapio test', 'en', WRITTEN)) as never);
    const texts: string[] = [];
    book.worksheets[0]!.eachRow((row) => texts.push(row.getCell(1).text));
    expect(texts).not.toContain('Income for the academic year is shared between the two financial years by teaching weeks.');
  });

  it('still reads a version-7 return, whose income table read “academic year” under “Financial year”', async () => {
    const year = testSchoolYear();
    year.income = [{ ...year.income[0]!, financialYear: null }];
    const current = { ...buildAuthorityReturn(year, costSchoolYear(year)), writtenAt: WRITTEN.toISOString() };
    const bytes = await returnWorkbookBytes(current, canonicalJson(current), { format: 'mapio-authority-return', version: 7, writtenBy: 'Mapio 0.1' }, undefined, 'en');
    const sheet = await readableSheet(bytes);
    expect(sheet).toContainEqual(['Income line', 'Kind']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => cells.push(row.getCell(4).text));
    expect(cells).toContain('Financial year');
    expect(cells).toContain('academic year');
    expect((await readReturnWorkbook(bytes)).version).toBe(7);
  });

  it('still reads a version-4 return, which carried no Welsh names and whose Welsh sheets showed the English ones', async () => {
    const year = testSchoolYear();
    year.lines[0]!.nameCy = 'Cymorth yn y dosbarth';
    const current = { ...buildAuthorityReturn(year, costSchoolYear(year)), writtenAt: WRITTEN.toISOString() };
    const { welshNames: _names, ...v4 } = current;
    const drawnAsThen = { ...current, welshNames: { tiers: {}, areas: {}, lines: {}, income: {} } };
    const bytes = await returnWorkbookBytes(drawnAsThen, canonicalJson(v4), { format: 'mapio-authority-return', version: 4, writtenBy: 'Mapio 0.1' }, undefined, 'cy');
    const read = await readReturnWorkbook(bytes);
    expect(read.version).toBe(4);
    expect(read.ret.welshNames).toEqual({ tiers: {}, areas: {}, lines: {}, income: {} });
    expect(read.ret.lines[0]!.name).toBe(year.lines[0]!.name);
  });

  it('names whose definition of ALP the school applied in Welsh where it gave Welsh, the English where it did not; in English, the English', async () => {
    const year = testSchoolYear();
    year.school = { ...year.school, alpDefinitionSource: 'Neath Port Talbot ILP guidance', alpDefinitionSourceCy: 'Canllawiau CDU Castell-nedd Port Talbot' };
    const ret = buildAuthorityReturn(year, costSchoolYear(year));
    expect(ret.school.alpDefinitionSourceCy).toBe('Canllawiau CDU Castell-nedd Port Talbot');
    const cy = await writeReturnWorkbook(ret, 'Mapio test', 'cy', WRITTEN);
    expect((await readReturnWorkbook(cy)).ret.school.alpDefinitionSourceCy).toBe('Canllawiau CDU Castell-nedd Port Talbot');
    expect(await readableSheet(cy)).toContainEqual(['Diffiniad DDY a ddefnyddiwyd', 'Canllawiau CDU Castell-nedd Port Talbot']);
    expect(await readableSheet(await writeReturnWorkbook(ret, 'Mapio test', 'en', WRITTEN))).toContainEqual(['ALP definition applied', 'Neath Port Talbot ILP guidance']);
    const noWelsh = buildAuthorityReturn({ ...year, school: { ...year.school, alpDefinitionSourceCy: '' } }, costSchoolYear(year));
    expect(await readableSheet(await writeReturnWorkbook(noWelsh, 'Mapio test', 'cy', WRITTEN))).toContainEqual(['Diffiniad DDY a ddefnyddiwyd', 'Neath Port Talbot ILP guidance']);
  });

  it('names an authority the school typed by the Welsh name it gave in a Welsh return, by the English in an English one; Mapio reads the Welsh name back', async () => {
    const year = testSchoolYear();
    year.school = { ...year.school, localAuthority: 'Example County Borough Council', localAuthorityCy: 'Cyngor Bwrdeistref Sirol Enghraifft', localAuthorityCode: '', officialNumber: '' };
    const ret = buildAuthorityReturn(year, costSchoolYear(year));
    expect(ret.school).toMatchObject({ localAuthority: 'Example County Borough Council', localAuthorityCy: 'Cyngor Bwrdeistref Sirol Enghraifft', localAuthorityCode: '' });
    const cy = await writeReturnWorkbook(ret, 'Mapio test', 'cy', WRITTEN);
    expect(await readableSheet(cy)).toContainEqual(['Awdurdod lleol', 'Cyngor Bwrdeistref Sirol Enghraifft']);
    expect((await readReturnWorkbook(cy)).ret.school.localAuthorityCy).toBe('Cyngor Bwrdeistref Sirol Enghraifft');
    expect(await readableSheet(await writeReturnWorkbook(ret, 'Mapio test', 'en', WRITTEN))).toContainEqual(['Local authority', 'Example County Borough Council']);
    // A chosen authority keeps Mapio's Welsh name, and no typed Welsh name travels with it.
    const chosen = buildAuthorityReturn({ ...year, school: { ...year.school, localAuthority: 'Neath Port Talbot', localAuthorityCode: '671' } }, costSchoolYear(year));
    expect(chosen.school.localAuthorityCy).toBe('');
    expect(await readableSheet(await writeReturnWorkbook(chosen, 'Mapio test', 'cy', WRITTEN))).toContainEqual(['Awdurdod lleol', 'Castell-nedd Port Talbot']);
  });

  it('still reads a version-8 return, which carried no Welsh name for an authority the school typed and whose Welsh sheets showed the English', async () => {
    const year = testSchoolYear();
    year.school = { ...year.school, localAuthority: 'Example County Borough Council', localAuthorityCode: '', officialNumber: '' };
    const current = { ...buildAuthorityReturn(year, costSchoolYear(year)), writtenAt: WRITTEN.toISOString() };
    const v8 = { ...current, school: (({ localAuthorityCy: _a, ...school }) => school)(current.school) };
    const bytes = await returnWorkbookBytes(current, canonicalJson(v8), { format: 'mapio-authority-return', version: 8, writtenBy: 'Mapio 0.1' }, undefined, 'cy');
    const read = await readReturnWorkbook(bytes);
    expect(read.version).toBe(8);
    expect(read.ret.school).toMatchObject({ localAuthority: 'Example County Borough Council', localAuthorityCy: '' });
    expect(await readableSheet(bytes)).toContainEqual(['Awdurdod lleol', 'Example County Borough Council']);
  });

  it('still reads a version-5 return, which carried no Welsh for the ALP definition’s source and whose Welsh sheets showed the English', async () => {
    const year = testSchoolYear();
    const current = { ...buildAuthorityReturn(year, costSchoolYear(year)), writtenAt: WRITTEN.toISOString() };
    const v5 = { ...current, school: (({ alpDefinitionSourceCy: _a, ...school }) => school)(current.school) };
    const bytes = await returnWorkbookBytes(current, canonicalJson(v5), { format: 'mapio-authority-return', version: 5, writtenBy: 'Mapio 0.1' }, undefined, 'cy');
    const read = await readReturnWorkbook(bytes);
    expect(read.version).toBe(5);
    expect(read.ret.school.alpDefinitionSourceCy).toBe('');
    expect(read.ret.school.alpDefinitionSource).toBe(year.school.alpDefinitionSource);
  });

  it('from a blank school, says in the reader’s language that there are no intervention lines and no income, not headings over nothing; Mapio reads it back', async () => {
    const folder = testFolder();
    for (const [lang, noLines, noIncome, sheetName] of [
      ['en', 'No intervention lines in this return.', 'No income entered.', 'Intervention lines'],
      ['cy', 'Dim llinellau ymyrraeth yn y ffurflen hon.', 'Dim incwm wedi’i nodi.', 'Llinellau ymyrraeth'],
    ] as const) {
      const year = emptySchoolYear(2026, lang);
      const ret = buildAuthorityReturn(year, costSchoolYear(year));
      const bytes = await writeReturnWorkbook(ret, 'Mapio test', lang, WRITTEN);
      const file = nodePath.join(folder, `blank-${lang}.xlsx`);
      fs.writeFileSync(file, bytes);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const lines = workbook.getWorksheet(sheetName)!;
      expect(lines.getCell('A2').text, lang).toBe(noLines);
      expect(lines.rowCount, lang).toBe(2);
      // The income table: its headings, the row that says there is none, then the total.
      const main: string[] = [];
      workbook.worksheets[0]!.eachRow((row) => main.push(row.getCell(1).text));
      const total = main.indexOf(lang === 'en' ? 'Total income' : 'Cyfanswm yr incwm');
      expect(main[total - 1], lang).toBe(noIncome);
      // …and the amount's heading still stands at the right, over the total's figure, not at the left of its column.
      let none = 0;
      workbook.worksheets[0]!.eachRow((row) => (none ||= row.getCell(1).text === noIncome ? Number(row.number) : 0));
      expect(workbook.worksheets[0]!.getRow(none - 1).getCell(3).alignment?.horizontal, lang).toBe('right');
      expect((await readReturnWorkbook(fs.readFileSync(file))).ret.lines, lang).toEqual([]);
    }
  });

  it('still reads a version-6 return from a blank school, whose sheets had no row saying there were no lines or income', async () => {
    const year = emptySchoolYear(2026, 'cy');
    const current = { ...buildAuthorityReturn(year, costSchoolYear(year)), writtenAt: WRITTEN.toISOString() };
    const bytes = await returnWorkbookBytes(current, canonicalJson(current), { format: 'mapio-authority-return', version: 6, writtenBy: 'Mapio 0.1' }, undefined, 'cy');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    expect(workbook.getWorksheet('Llinellau ymyrraeth')!.rowCount).toBe(1);
    expect((await readReturnWorkbook(bytes)).version).toBe(6);
  });

  it('carries the school’s official number and authority code, and still reads a version-1 return without them', async () => {
    const year = testSchoolYear();
    year.school = { ...year.school, officialNumber: '6712345' };
    const ret = buildAuthorityReturn(year, costSchoolYear(year));
    expect(ret.school).toMatchObject({ name: 'Ysgol Gynradd Bryn Derw', localAuthority: 'Neath Port Talbot', localAuthorityCode: '671', officialNumber: '6712345', numberOnRoll: 312 });
    const sheet = await readableSheet(await writeReturnWorkbook(ret, 'Mapio test'));
    expect(sheet).toContainEqual(['Official school number', '6712345']);
    expect(sheet).toContainEqual(['Local authority code', '671']);

    const { localAuthorityCode: _c, officialNumber: _n, ...v1School } = ret.school;
    const v1 = { ...ret, school: v1School };
    const read = await readReturnWorkbook(await returnWorkbookBytes(ret, canonicalJson(v1), { format: 'mapio-authority-return', version: 1, writtenBy: 'Mapio 0.1' }));
    expect(read.version).toBe(1);
    expect(read.ret.school).toMatchObject({ officialNumber: '', localAuthorityCode: '' });
  });

  it('names a chosen authority and writes dates in the reader’s language: Castell-nedd Port Talbot and 1 Medi 2025 in Welsh', async () => {
    const year = testSchoolYear();
    year.school = { ...year.school, alpDefinitionSource: 'Neath Port Talbot ALP guidance', alpDefinitionDate: '2025-09-01' };
    year.income = [{ ...year.income[0]!, endsOn: '2027-03-31' }];
    const ret = buildAuthorityReturn(year, costSchoolYear(year));
    expect(ret.school).toMatchObject({ localAuthority: 'Neath Port Talbot', localAuthorityCode: '671' });
    const welsh = await readableSheet(await writeReturnWorkbook(ret, 'Mapio test', 'cy', WRITTEN));
    expect(welsh).toContainEqual(['Awdurdod lleol', 'Castell-nedd Port Talbot']);
    expect(welsh).toContainEqual(['Dyddiad y diffiniad DDY', '1 Medi 2025']);
    const english = await readableSheet(await writeReturnWorkbook(ret, 'Mapio test', 'en', WRITTEN));
    expect(english).toContainEqual(['Local authority', 'Neath Port Talbot']);
    expect(english).toContainEqual(['ALP definition dated', '1 September 2025']);
    // The income line's end date, in the same words, on both.
    const incomeRow = async (lang: 'en' | 'cy') => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await writeReturnWorkbook(ret, 'Mapio test', lang, WRITTEN)) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
      let ends = '';
      workbook.worksheets[0]!.eachRow((row) => {
        if (ends === '' && row.getCell(1).value === ret.income[0]!.name) ends = String(row.getCell(5).value ?? '');
      });
      return ends;
    };
    expect(await incomeRow('en')).toBe('31 March 2027');
    expect(await incomeRow('cy')).toBe('31 Mawrth 2027');
    // Mapio reads back what it wrote, in either language.
    expect((await readReturnWorkbook(await writeReturnWorkbook(ret, 'Mapio test', 'cy', WRITTEN))).ret.school.alpDefinitionDate).toBe('2025-09-01');
  });

  it('has a readable Return sheet with money in pounds and a very hidden data sheet', async () => {
    const ret = plantedReturn();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeReturnWorkbook(ret, 'Mapio test')) as never);
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Return', 'visible'],
      ['Intervention lines', 'visible'],
      [RETURN_DATA_SHEET, 'veryHidden'],
    ]);
    const sheet = workbook.getWorksheet('Return')!;
    const rows: string[] = [];
    sheet.eachRow((row) =>
      rows.push(
        (row.values as unknown[])
          .slice(1)
          .map((v) => String(v ?? ''))
          .join(' | '),
      ),
    );
    expect(rows[0]).toBe('Authority return: Ysgol Gynradd Bryn Derw, 2026-27');
    const committed = rows.find((r) => r.startsWith('Committed spend'));
    expect(committed).toBe(`Committed spend (charged to the ALN budget) | ${ret.budget.chargedPence / 100}`);
    let poundsFormat = '';
    sheet.eachRow((row) => {
      if (String(row.getCell(1).value).startsWith('Committed spend')) poundsFormat = row.getCell(2).numFmt;
    });
    expect(poundsFormat).toMatch(/£#,##0\.00/);
  });

  it('carries no learner name or reference in any part of the .xlsx, the hidden sheet included', async () => {
    const bytes = await writeReturnWorkbook(plantedReturn(), 'Mapio test');
    const parts = zipEntries(bytes);
    expect([...parts.keys()].some((p) => p.startsWith('xl/worksheets/sheet3'))).toBe(true);
    const all = [...parts.values()].map((b) => b.toString('utf8')).join('\n');
    expect(all).toContain('Ysgol Gynradd Bryn Derw'); // the check can see text: the school's name is there
    expect(all).toContain('mapio-authority-return');
    for (const secret of [PLANTED.name, PLANTED.ref, 'Zyxqvort', 'Quillibert', 'QV-446655', 'Sian Evans']) expect(all).not.toContain(secret);
  });

  it('splits long JSON across cells under Excel’s limit and reads it back', async () => {
    const year = schoolYear({
      staff: [staffMember({ id: 1 })],
      lines: Array.from({ length: 400 }, (_, i) => interventionLine({ id: i + 1, name: `Intervention number ${i} with a fairly long descriptive name`, weeks: 6 })),
      income: [incomeLine({ id: 1, amountPence: 10_000_000 })],
    });
    const ret = buildAuthorityReturn(year, costSchoolYear(year));
    const json = canonicalJson({ ...ret, writtenAt: WRITTEN.toISOString() });
    expect(json.length).toBeGreaterThan(2 * JSON_CHUNK_CHARS);
    const read = await readReturnWorkbook(await writeReturnWorkbook(ret, 'Mapio test', 'en', WRITTEN));
    expect(read.ret.lines).toHaveLength(400);
    expect(read.json).toBe(json);
  });
});

describe('small numbers labelled truthfully', () => {
  /** 20 with ALN = 12 being prepared + 8 IDPs (6 school, 2 LA): the 2 is small, the 6 is withheld only to protect it. */
  function protectedReturn(): AuthorityReturn {
    const ret = plantedReturn();
    return { ...ret, counts: countsByStatus({ monitored: 9, idpPreparing: 12, idpSchool: 6, idpLa: 2, decisionsDue: 0, decisionsOverdue: 0 }) };
  }

  it('says “fewer than 5” for a small count and “withheld to protect a small count” for one withheld to protect it, in English and Welsh; the totals add up', async () => {
    const ret = protectedReturn();
    const en = createI18n('en').t;
    const rows = await readableSheet(await writeReturnWorkbook(ret, 'Mapio test'));
    const shown = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect(shown(en('returnBook.counts.idpsLa'))).toBe('fewer than 5');
    expect(shown(en('returnBook.counts.idpsSchool'))).toBe('withheld to protect a small count');
    expect([shown(en('returnBook.counts.learnersWithAln')), shown(en('returnBook.counts.idpsPreparing')), shown(en('returnBook.counts.idps'))]).toEqual(['20', '12', '8']);

    const cy = createI18n('cy').t;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeReturnWorkbook(ret, 'Mapio test', 'cy')) as never);
    const sheet = workbook.getWorksheet(cy('returnBook.sheet.main'))!;
    const cyRows: string[][] = [];
    sheet.eachRow((row) => cyRows.push([String(row.getCell(1).value ?? ''), String(row.getCell(2).value ?? '')]));
    const cyShown = (label: string) => cyRows.find((r) => r[0] === label)?.[1];
    expect(cyShown(cy('returnBook.counts.idpsLa'))).toBe('llai na 5');
    expect(cyShown(cy('returnBook.counts.idpsSchool'))).toBe('wedi’i ddal yn ôl i ddiogelu nifer fach');
    // The note under the title says what both labels mean.
    expect(cyRows[1]?.[0]).toContain('wedi’i ddal yn ôl i ddiogelu nifer fach');
    expect(rows[1]?.[0]).toContain('withheld to protect a small count');
  });

  it('labels the same way in the comparison workbook, in English and Welsh', async () => {
    const comparison = compareReturns([{ schoolKey: 'school/6712345', ret: protectedReturn() }], {});
    for (const [lang, small, protecting] of [
      ['en', 'fewer than 5', 'withheld to protect a small count'],
      ['cy', 'llai na 5', 'wedi’i ddal yn ôl i ddiogelu nifer fach'],
    ] as const) {
      const { t } = createI18n(lang);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await writeComparisonWorkbook(comparison, undefined, lang)) as never);
      const sheet = workbook.getWorksheet(t('compareBook.sheet.schools'))!;
      const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
      const cell = (key: string) => sheet.getRow(2).getCell(header.indexOf(t(`compareBook.col.${key}`))).value;
      expect(cell('idpsLa')).toBe(small);
      expect(cell('idpsSchool')).toBe(protecting);
      expect(cell('idps')).toBe(8);
      expect(cell('aln')).toBe(20);
      // In print, the counts read right-aligned and a count in words wraps in a row tall enough, so
      // "withheld to protect a small count" never runs into the figure beside it.
      const at = (key: string) => sheet.getRow(2).getCell(header.indexOf(t(`compareBook.col.${key}`)));
      for (const key of ['aln', 'idps', 'idpsSchool', 'idpsLa']) expect(at(key).alignment?.horizontal, key).toBe('right');
      expect(at('idpsSchool').alignment?.wrapText).toBe(true);
      expect(sheet.getRow(2).height).toBeGreaterThanOrEqual(2 * 13);
    }
  });
});

describe('reading a return refuses, saying why', () => {
  it('a file that is not an .xlsx', async () => {
    expect(await rejection(Buffer.from('name,ref\nZyx,1\n'))).toBe('not a Mapio return: it is not an Excel .xlsx file');
  });

  it('a truncated .xlsx', async () => {
    const bytes = await writeReturnWorkbook(plantedReturn(), 'Mapio test');
    expect(await rejection(bytes.subarray(0, Math.floor(bytes.length / 2)))).toMatch(/^not a Mapio return: it could not be read as an \.xlsx file/);
  });

  it('a spreadsheet with no Mapio data', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Return').addRow(['Total', 123]);
    expect(await rejection(Buffer.from(await workbook.xlsx.writeBuffer()))).toMatch(/^not a Mapio return: it holds no Mapio data/);
  });

  it('another version, naming it and the versions read', async () => {
    const bytes = await editReturnData(await writeReturnWorkbook(plantedReturn(), 'Mapio test'), setVersion(99));
    expect(await rejection(bytes)).toMatch(/^is a version 99 Mapio return; this Mapio reads versions 1, 2, 3, 4, 5, 6, 7, 8 and 9 returns\. Update Mapio/);
  });

  it('a Welsh return whose intervention lines sheet was edited, naming the sheet and cell; no sheet may go missing', async () => {
    const bytes = await writeReturnWorkbook(plantedReturn(), 'Mapio test', 'cy');
    const edit = async (change: (book: ExcelJS.Workbook) => void) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as never);
      change(book);
      return Buffer.from(await book.xlsx.writeBuffer());
    };
    const cost = await edit((book) => (book.getWorksheet('Llinellau ymyrraeth')!.getCell('J2').value = 1.23));
    expect(await rejection(cost)).toMatch(/^its sheets do not show the figures in its data, so it says two things: Llinellau ymyrraeth!J2 shows “£1\.23”, the data says “£[\d,]+\.\d\d”/);
    const gone = await edit((book) => book.removeWorksheet(book.getWorksheet('Llinellau ymyrraeth')!.id));
    expect(await rejection(gone)).toMatch(/the sheet “Llinellau ymyrraeth” is missing/);
  });

  it('a figure altered after Mapio wrote it', async () => {
    const bytes = await editReturnData(await writeReturnWorkbook(plantedReturn(), 'Mapio test'), alterFirstCost);
    expect(await rejection(bytes)).toMatch(/^has been altered since Mapio wrote it/);
  });

  it('JSON that fails the schema (with a matching checksum), naming the field and reason', async () => {
    const ret = plantedReturn();
    const bad = JSON.parse(canonicalJson(ret));
    bad.income[0].amountPence = 1234.5;
    const bytes = await returnWorkbookBytes(ret, JSON.stringify(bad), { format: 'mapio-authority-return', version: 1, writtenBy: 'test' });
    expect(await rejection(bytes)).toMatch(/^its figures are not valid: income › amountPence: money must be whole pence/);
    const extra = JSON.parse(canonicalJson(ret));
    extra.learners = [{ name: PLANTED.name }];
    const withLearners = await returnWorkbookBytes(ret, JSON.stringify(extra), { format: 'mapio-authority-return', version: 1, writtenBy: 'test' });
    expect(await rejection(withLearners)).toMatch(/^its figures are not valid: it has fields Mapio does not know: learners/);
  });

  it('a different format name', async () => {
    const ret = plantedReturn();
    const bytes = await returnWorkbookBytes(ret, canonicalJson(ret), { format: 'mapio-school-year', version: 1, writtenBy: 'test' });
    expect(await rejection(bytes)).toBe('not a Mapio return: its data says it is “mapio-school-year”, not “mapio-authority-return”');
  });
});

// Keep the fixture honest: the planted learner is on a line, so a leak would have somewhere to come from.
it('the planted learner is enrolled in the fixture', () => {
  const year = testSchoolYear();
  expect(year.enrolments.some((e) => e.learnerId === year.learners[0]!.id)).toBe(true);
});
