/**
 * The governors' workbook prints (docs/exports.md, "Printing the workbook"): every sheet A4, one page wide,
 * its header rows on every page, text at 8 pt or more, no money shown as "###" and no text clipped.
 *
 * The sheet model is checked for every sheet; then the workbooks of the demo school (English and Welsh)
 * and of a school with millions of pounds of provision and an overspent budget are printed to PDF by
 * LibreOffice and read back with pdftotext: no "###" anywhere and no word set smaller than 8 pt.
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
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import type { SchoolYear } from '../../shared/domain';
import { createI18n } from '../../shared/i18n';
import { variedSchoolYear, viewOf } from '../../test/support/variedSchools';
import { writeWorkbook } from './exportFile';
import { buildGovernorsWorkbook } from './governorsWorkbook';
import { convertWithLibreOffice, findSoffice } from './libreOfficeRecalculation';
import { longestWordUnits, printedColumns, printScale, shownText, textFits, wordsFit } from './sheetPrint';

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
];

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

const tools =
  findSoffice() !== null &&
  (() => {
    try {
      execFileSync('which', ['pdftotext', 'pdftoppm'], { stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  })();
const skip = !tools && !process.env.CI;
if (skip) console.warn('governorsWorkbook.print.test.ts: the PDF checks are skipped: LibreOffice or poppler-utils is not installed.');

describe.skipIf(skip)('the governors’ workbook printed to PDF by LibreOffice', () => {
  const folder = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'mapio-print-'));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('shows no "###" and sets no word below 8 pt, in English, in Welsh and for a school with £10m of provision', async () => {
    const inputs: string[] = [];
    for (const school of SCHOOLS) {
      const path = nodePath.join(folder, `${school.name}.xlsx`);
      await writeWorkbook(await build(school.year, school.lang), path);
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
    }
  }, 300_000);
});
