/**
 * The governors' workbook prints (docs/exports.md, "Printing the workbook"): every sheet A4, one page wide,
 * its header rows on every page, text at 8 pt or more, no money shown as "###", no text clipped and no
 * table split from its heading.
 *
 * The sheet model is checked for every sheet; then the workbooks of the demo school (English and Welsh),
 * a new school (English and Welsh), a blank Welsh school and a school with millions of pounds of provision
 * and an overspent budget are printed to PDF by LibreOffice and read back with pdftotext: no "###"
 * anywhere, no word set smaller than 8 pt, and each sheet's pages where its breaks put them.
 * Set MAPIO_PRINT_PNG to a folder to keep a PNG of every page (pdftoppm -r 60) to look at.
 *
 * The PDF half needs LibreOffice and poppler-utils; it is skipped, with a message, only when they are
 * absent and CI is not set.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { newcomerSchool } from '../../test/support/newcomerSchool';
import { skipPdfChecks } from '../../test/support/pdfChecks';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import type { SchoolYear } from '../../shared/domain';
import { createI18n } from '../../shared/i18n';
import { variedSchoolYear, viewOf } from '../../test/support/variedSchools';
import { writeWorkbook } from './exportFile';
import { buildGovernorsWorkbook } from './governorsWorkbook';
import { convertWithLibreOffice } from './libreOfficeRecalculation';
import { longestWordUnits, pagePoints, printedColumns, printScale, rowPoints, shownText, textFits, wordsFit } from './sheetPrint';
import { emptySchoolYear } from '../../shared/schoolDefaults';

/** A school with well over £1m of provision (one resource line of £10m) and far less income: overspent. */
function bigOverspentSchool(): SchoolYear {
  const year = variedSchoolYear(14, { lines: 60, learners: 120 });
  const first = year.lines[0] as SchoolYear['lines'][number];
  year.lines[0] = { ...first, nonStaffCosts: [...first.nonStaffCosts, { label: 'Specialist equipment', pence: 1_000_000_000 }] };
  return year;
}

const SCHOOLS = [
  { name: 'demo-en', year: demoSchoolYear(), lang: 'en' as const },
  { name: 'demo-cy', year: demoSchoolYear(), lang: 'cy' as const },
  { name: 'big-overspent', year: bigOverspentSchool(), lang: 'en' as const },
  { name: 'newcomer-en', year: newcomerSchool(), lang: 'en' as const },
  { name: 'newcomer-cy', year: newcomerSchool(), lang: 'cy' as const },
  { name: 'blank-cy', year: emptySchoolYear(2026, 'cy'), lang: 'cy' as const },
];

/** The rows each page of a sheet prints, from its manual page breaks (below its repeated title rows). */
function pagesOf(ws: ExcelJS.Worksheet): Array<[number, number]> {
  const titles = Number(/^\d+:(\d+)$/.exec(ws.pageSetup.printTitlesRow ?? '')?.[1] ?? 0);
  const last = Number(/(\d+)$/.exec(String(ws.pageSetup.printArea ?? ''))?.[1] ?? ws.rowCount);
  const breaks = (ws as unknown as { rowBreaks: Array<{ id: number }> }).rowBreaks.map((b) => b.id).filter((id) => id > titles && id < last);
  const starts = [titles + 1, ...breaks.map((id) => id + 1)];
  return starts.map((start, i) => [start, i + 1 < starts.length ? (starts[i + 1] as number) - 1 : last]);
}

/**
 * The Summary's tables (a heading shaded blue in column A, down to the row before the next blank one) and
 * the Provision map's tiers (a grey heading down to its yellow total), each from heading to last row.
 */
function tablesOf(ws: ExcelJS.Worksheet): Array<{ heading: string; first: number; last: number }> {
  const fill = (r: number) => (ws.getRow(r).getCell(1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? '';
  const tables: Array<{ heading: string; first: number; last: number }> = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    if (fill(r) === 'FFDCE6F0' && ws.getRow(r).getCell(1).text !== '' && r > 3) {
      let end = r;
      const blank = (row: number) => (ws.getRow(row).values as unknown[]).every((v) => v === undefined || v === null || v === '');
      while (end < ws.rowCount && !blank(end + 1)) end++;
      tables.push({ heading: ws.getRow(r).getCell(1).text, first: r, last: end });
    }
    if (fill(r) === 'FFF2F2F2' && ws.getRow(r).getCell(1).font?.bold) {
      let end = r + 1;
      while (end < ws.rowCount && fill(end) !== 'FFFFF4D6') end++;
      tables.push({ heading: ws.getRow(r).getCell(1).text, first: r, last: end });
    }
  }
  return tables;
}

const build = (year: SchoolYear, lang: 'en' | 'cy', learners: 'pseudonymised' | 'named' = 'pseudonymised') => buildGovernorsWorkbook(viewOf(year), { learners, lang, generatedOn: '2026-11-24' });

describe('the governors’ workbook’s print set-up', () => {
  it('the big school is what the print test claims: £1m+ of provision and overspent', () => {
    const { costed } = viewOf(bigOverspentSchool());
    expect(costed.totals.costPence).toBeGreaterThan(100_000_000);
    expect(costed.budget.positionPence).toBeLessThan(0);
  });

  for (const school of SCHOOLS) {
    it(`${school.name}: every sheet A4, fit to width only, header rows repeated, at 8 pt or more, no text clipped`, async () => {
      const workbook = await build(school.year, school.lang, 'named');
      for (const ws of workbook.worksheets) {
        const setup = ws.pageSetup;
        expect(setup.paperSize, ws.name).toBe(9);
        expect(setup.fitToPage, ws.name).toBe(true);
        expect(setup.fitToWidth, ws.name).toBe(1);
        expect(setup.fitToHeight, ws.name).toBe(0);
        expect(setup.printTitlesRow, ws.name).toMatch(/^1:\d+$/);
        expect(printScale(ws) * 11, `${ws.name} prints at ${(printScale(ws) * 11).toFixed(1)} pt`).toBeGreaterThanOrEqual(8);
        const clipped: string[] = [];
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (!textFits(ws, cell)) clipped.push(`${cell.address} "${shownText(cell)}" (width ${ws.getColumn(cell.col).width})`);
          }),
        );
        expect(clipped, `${ws.name}: text wider than its column without wrapping`).toEqual([]);
        // A word breaks across lines only where widening its column would print the sheet below its smallest size.
        const smallest = setup.orientation === 'portrait' ? 9 : 8;
        const brokenWithRoom: string[] = [];
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (Number(cell.col) > printedColumns(ws) || wordsFit(ws, cell)) return;
            const column = ws.getColumn(cell.col);
            const was = column.width;
            column.width = Math.ceil(longestWordUnits(cell));
            if (printScale(ws) * 11 >= smallest) brokenWithRoom.push(`${cell.address} "${shownText(cell)}" (width ${was})`);
            column.width = was;
          }),
        );
        expect(brokenWithRoom, `${ws.name}: a word split across lines in a column that has room to hold it`).toEqual([]);
        // The cell key under a table reads across the page, not five words a line down its first column.
        const { t } = createI18n(school.lang);
        const keyTexts = new Set([t('export.key.input'), t('export.key.mapio'), t('export.key.formula')]);
        ws.eachRow((row) => {
          const cell = row.getCell(1);
          if (!keyTexts.has(cell.text)) return;
          expect(cell.isMerged || cell.alignment?.wrapText !== true, `${ws.name} ${cell.address} "${cell.text}" wrapped in its first column`).toBe(true);
        });
      }
    });
  }

  for (const school of SCHOOLS) {
    it(`${school.name}: pages end at breaks of their own, each holding no more than a page, and no table is split from its heading`, async () => {
      const workbook = await build(school.year, school.lang);
      let tables = 0;
      for (const ws of workbook.worksheets) {
        const page = pagePoints(ws);
        const pages = pagesOf(ws);
        for (const [first, last] of pages) {
          let height = 0;
          for (let r = first; r <= last; r++) height += rowPoints(ws, r);
          // A page over-full by one row taller than a page on its own is the only exception.
          if (last > first) expect(height, `${ws.name}: rows ${first}–${last}`).toBeLessThanOrEqual(page);
        }
        const pageOf = (r: number) => pages.findIndex(([first, last]) => r >= first && r <= last);
        for (const table of tablesOf(ws)) {
          tables++;
          let height = 0;
          for (let r = table.first; r <= table.last; r++) height += rowPoints(ws, r);
          const where = `${ws.name}: “${table.heading}” (rows ${table.first}–${table.last})`;
          // Whole on one page when it fits on one; a longer one keeps its heading with its first row and its last two rows together.
          if (height <= page) expect(pageOf(table.last), where).toBe(pageOf(table.first));
          else {
            expect(pageOf(table.first + 1), where).toBe(pageOf(table.first));
            expect(pageOf(table.last - 1), where).toBe(pageOf(table.last));
          }
        }
      }
      expect(tables).toBeGreaterThan(10);
    });
  }

  it('the Summary’s chart sits below its tables, with a caption saying what it shows and its figures labelled in cells', async () => {
    const ws = (await build(demoSchoolYear(), 'en')).getWorksheet('Summary') as ExcelJS.Worksheet;
    const images = ws.getImages();
    expect(images).toHaveLength(1);
    const area = ws.pageSetup.printArea as string;
    const lastColumn = area.replace(/^A1:([A-Z]+)\d+$/, '$1');
    expect(lastColumn <= 'D').toBe(true);
    const imageTop = (images[0] as { range: { tl: { nativeRow: number } } }).range.tl.nativeRow;
    const texts: Array<[number, string]> = [];
    ws.eachRow((row, r) => texts.push([r, row.values.toString()]));
    const budgetHeading = texts.find(([, t]) => t.includes('Budget against committed spend'))?.[0] ?? 0;
    const workloadRow = texts.find(([, t]) => t.includes('Balance'))?.[0] ?? 0;
    expect(imageTop).toBeGreaterThan(Math.max(budgetHeading, workloadRow));
    const caption = texts.find(([, t]) => t.includes('Chart: bars'));
    expect(caption?.[1]).toMatch(/Chart: bars for budget income, committed spend charged to the ALN budget and all provision/);
  });
});

const skip = skipPdfChecks('governorsWorkbook.print.test.ts');

describe.skipIf(skip)('the governors’ workbook printed to PDF by LibreOffice', () => {
  const folder = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'mapio-print-'));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('shows no "###", sets no word below 8 pt and splits no table from its heading, in English, in Welsh, for a new school and for one with £10m of provision', async () => {
    const inputs: string[] = [];
    /** Each sheet's title (repeated at the top of each of its pages) and how many pages its breaks make. */
    const sheetPages: Array<Array<{ title: string; pages: number }>> = [];
    for (const school of SCHOOLS) {
      const path = nodePath.join(folder, `${school.name}.xlsx`);
      const workbook = await build(school.year, school.lang);
      sheetPages.push(workbook.worksheets.map((ws) => ({ title: ws.getCell('A1').text.slice(0, 24), pages: pagesOf(ws).length })));
      await writeWorkbook(workbook, path);
      inputs.push(path);
    }
    const pdfs = convertWithLibreOffice(inputs, 'pdf', nodePath.join(folder, 'pdf'));
    for (const pdf of pdfs) {
      const keep = process.env.MAPIO_PRINT_PNG;
      if (keep) {
        fs.mkdirSync(keep, { recursive: true });
        execFileSync('pdftoppm', ['-r', '60', '-png', pdf, nodePath.join(keep, nodePath.basename(pdf, '.pdf'))]);
      }
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text.length, pdf).toBeGreaterThan(500);
      expect(text, `${nodePath.basename(pdf)} shows ###`).not.toContain('###');
      // Word boxes: in the fonts LibreOffice uses here a word's box is about as tall as its size in points
      // (11 pt text measures 11.2), so no box under 8 means no text under 8 pt.
      const boxes = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const heights = [...boxes.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)].map((m) => Number(m[2]) - Number(m[1]));
      expect(heights.length).toBeGreaterThan(50);
      expect(Math.min(...heights), `${nodePath.basename(pdf)}: smallest word`).toBeGreaterThanOrEqual(8);
      // The chart is whole on one page: its heading, the picture below it and its key below that.
      const { t } = createI18n(SCHOOLS[pdfs.indexOf(pdf)]!.lang);
      const heading = t('export.chartHeading');
      const page = text.split('\f').find((p) => p.includes(heading));
      expect(page, `${nodePath.basename(pdf)}: the chart's heading`).toBeDefined();
      expect(page!.slice(page!.indexOf(heading)), `${nodePath.basename(pdf)}: the chart's key on the chart's page`).toContain(t('export.allCosts'));

      // LibreOffice breaks each sheet's pages where the workbook does and nowhere else: as many pages,
      // each starting with the sheet's title, as the sheet's breaks make, so no automatic break fell inside a table.
      const school = SCHOOLS[pdfs.indexOf(pdf)]!;
      const printed = text
        .split('\f')
        .filter((p) => p.trim() !== '')
        .map((p) => p.trimStart());
      const expected = sheetPages[pdfs.indexOf(pdf)]!;
      expect(
        expected.map((sheet) => printed.filter((p) => p.startsWith(sheet.title)).length),
        `${school.name}: pages per sheet`,
      ).toEqual(expected.map((sheet) => sheet.pages));
      // And on the Summary each table reads whole on one page, its heading with its last row.
      const fys = viewOf(school.year).costed.budget.financialYears;
      const lastFy = fys[fys.length - 1]!;
      for (const [opening, closing] of [
        [t('export.budgetHeading'), t('export.universalPerPupil')],
        [t('export.byTierHeading'), t('export.total')],
        [t('export.byAlpHeading'), t('export.total')],
        [t('export.byAreaHeading'), t('export.total')],
        [t('export.byFundingHeading'), t('export.total')],
        [t('export.byFyHeading'), t('export.fyLabel', { start: lastFy.year, end: lastFy.year + 1 })],
        [t('export.learnersHeading'), t('export.decisionsOverdue')],
        [t('export.workloadHeading'), t('export.workloadBalance')],
      ] as const) {
        // Their first words: a long Welsh heading wraps in its cell.
        const [from, to] = [opening, closing].map((words) => words.split(' ').slice(0, 3).join(' ')) as [string, string];
        const at = text.indexOf(from);
        expect(at, `${school.name}: “${from}”`).toBeGreaterThanOrEqual(0);
        const end = text.indexOf(to, at + from.length);
        expect(end, `${school.name}: “${to}” after “${from}”`).toBeGreaterThan(at);
        expect(text.slice(at, end), `${school.name}: “${from}” on the page of “${to}”`).not.toContain('\f');
      }
    }
  }, 300_000);
});
