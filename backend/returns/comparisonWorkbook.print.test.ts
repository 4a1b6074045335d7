/**
 * The comparison's Outliers sheet prints "Too few schools for fences" on one page with its sentences, as
 * the governors' workbook prints a table with its heading (backend/exports/sheetPrint.ts, keepTogether):
 * LibreOffice left it at the foot of a page with two of its thirty sentences, the rest overleaf.
 *
 * An authority of the demo school, a new school (one line, no income, no learners) and thirty more, ten of
 * them in phases with too few schools for fences (thirty sentences), with as many outliers as a larger
 * authority has (its own, repeated), in English and Welsh, is written to real files; the sheet's manual
 * breaks are read back from the file; then two of them are printed to PDF by LibreOffice and read back
 * with pdftotext. Set MAPIO_PRINT_PNG to a folder to keep a PNG of every page (pdftoppm -r 60).
 *
 * The PDF half needs LibreOffice and poppler-utils; it is skipped, with a message, only when they are
 * absent and CI is not set.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import nodePath from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { newcomerSchool } from '../../test/support/newcomerSchool';
import { skipPdfChecks } from '../../test/support/pdfChecks';
import { buildAuthorityReturn } from '../../shared/authority/buildReturn';
import { compareReturns, type AuthorityComparison } from '../../shared/authority/comparison';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { costSchoolYear } from '../../shared/engine';
import { createI18n, type Lang } from '../../shared/i18n';
import { zipEntries } from '../../test/support/returnFiles';
import { testFolder } from '../../test/support/testFolder';
import { variedSchoolYear } from '../../test/support/variedSchools';
import { convertWithLibreOffice } from '../exports/libreOfficeRecalculation';
import { pagePoints, rowPoints } from '../exports/sheetPrint';
import { writeComparisonWorkbook } from './comparisonWorkbook';

/** Two each of five phases (too few for fences), twenty primaries. */
const SMALL_PHASES = ['secondary', 'nursery', 'all_through', 'special', 'pru'] as const;

function authority(): AuthorityComparison {
  const years = [demoSchoolYear(), newcomerSchool({ officialNumber: '6710002' })];
  for (let i = 0; i < 30; i++) {
    const year = variedSchoolYear(100 + i);
    year.school = { ...year.school, name: `School ${i}`, officialNumber: `6710${100 + i}`, phase: i < 10 ? SMALL_PHASES[i % 5]! : 'primary' };
    years.push(year);
  }
  return compareReturns(
    years.map((year, i) => ({ schoolKey: `k${i}`, ret: buildAuthorityReturn(year, costSchoolYear(year)), publishedAllocationPence: null })),
    {},
    {},
  );
}

/**
 * The comparison with `count` outliers: its own, repeated, as an authority with more schools has; `wide`:
 * the first in pounds is £1,234,567.89, whose column then makes the sheet too wide to fit one page across
 * at 75%: it prints at 80% across pages.
 */
function withOutliers(comparison: AuthorityComparison, count: number, wide = false): AuthorityComparison {
  const outliers = Array.from({ length: count }, (_, i) => comparison.outliers[i % comparison.outliers.length]!);
  const first = outliers.findIndex((o) => o.unit === 'pence');
  if (wide) outliers[first] = { ...outliers[first]!, value: 123_456_789 };
  return { ...comparison, outliers };
}

async function writeComparison(comparison: AuthorityComparison, lang: Lang, path: string): Promise<string> {
  fs.writeFileSync(path, await writeComparisonWorkbook(comparison, undefined, lang));
  return path;
}

/**
 * The Outliers sheet as the file holds it: its pages from its manual breaks (which ExcelJS does not read
 * back) below its repeated heading row, and the rows of "Too few schools for fences" down to its last sentence.
 */
async function outliersSheetOf(path: string, lang: Lang) {
  const { t } = createI18n(lang);
  const bytes = fs.readFileSync(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  const ws = workbook.getWorksheet(t('compareBook.sheet.outliers')) as ExcelJS.Worksheet;
  const xml =
    zipEntries(bytes)
      .get(`xl/worksheets/sheet${workbook.worksheets.indexOf(ws) + 1}.xml`)
      ?.toString('utf8') ?? '';
  const breaks = [...(/<rowBreaks[^>]*>(.*?)<\/rowBreaks>/.exec(xml)?.[1] ?? '').matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
  const starts = [2, ...breaks.map((id) => id + 1)];
  const pages = starts.map((start, i): [number, number] => [start, i + 1 < starts.length ? (starts[i + 1] as number) - 1 : ws.rowCount]);
  let title = 0;
  ws.eachRow((row, r) => {
    if (row.getCell(1).text === t('compareBook.outliers.tooFewTitle')) title = r;
  });
  return { ws, pages, title, last: ws.rowCount, lastSentence: ws.getRow(ws.rowCount).getCell(1).text };
}

const COUNTS = [7, 10, 13, 16, 19, 22, 25, 29, 34, 40];

describe('the comparison’s Outliers sheet in print', () => {
  const folder = testFolder();
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
  const comparison = authority();

  it('says on the foot of every page of each sheet whose comparison it is, the sheet and the page, in English and in Welsh', async () => {
    for (const lang of ['en', 'cy'] as const) {
      const { t } = createI18n(lang);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await writeComparisonWorkbook(comparison, 'Cardiff & Vale 2026-27', lang)) as never);
      const visible = workbook.worksheets.filter((ws) => ws.state === 'visible');
      expect(visible.length).toBeGreaterThanOrEqual(6);
      // The title as given, "&" doubled (a code in a footer); the sheet's name and the page at the right.
      for (const ws of visible) expect(ws.headerFooter.oddFooter, `${lang}: ${ws.name}`).toBe(`&LCardiff && Vale 2026-27&R${ws.name} · ${t('export.footerPage')}`);
    }
  });

  it('is the authority the test claims: outliers, and thirty sentences on phases with too few schools', () => {
    expect(comparison.outliers.length).toBeGreaterThan(0);
    expect(comparison.phaseMeasures.filter((m) => m.lowerFence === null).length).toBe(30);
  });

  for (const lang of ['en', 'cy'] as const) {
    it(`${lang}: with ${COUNTS.join(', ')} outliers, each page ends at a break of its own and holds no more than a page, and “Too few schools for fences” is on one page with its sentences`, async () => {
      for (const [count, wide] of [...COUNTS.map((c) => [c, false] as const), [19, true] as const]) {
        const path = await writeComparison(withOutliers(comparison, count, wide), lang, nodePath.join(folder, `outliers-${count}${wide ? '-wide' : ''}-${lang}.xlsx`));
        const { ws, pages, title, last } = await outliersSheetOf(path, lang);
        expect(ws.pageSetup.fitToPage, `${count} outliers: fitted one page across`).toBe(!wide);
        expect(title, `${count} outliers: the title`).toBeGreaterThan(count);
        const page = pagePoints(ws);
        for (const [first, end] of pages) {
          let height = 0;
          for (let r = first; r <= end; r++) height += rowPoints(ws, r);
          expect(height, `${count} outliers: rows ${first}–${end}`).toBeLessThanOrEqual(page);
        }
        const pageOf = (r: number) => pages.findIndex(([first, end]) => r >= first && r <= end);
        let height = 0;
        for (let r = title; r <= last; r++) height += rowPoints(ws, r);
        // Whole on one page when it fits on one; longer (at 80% each sentence wraps in the first page's columns), the title with its first sentence.
        if (height <= page) expect(pageOf(last), `${count} outliers: the title (row ${title}) and its last sentence (row ${last})`).toBe(pageOf(title));
        else {
          expect(wide, `${count} outliers: longer than a page`).toBe(true);
          expect(pageOf(title + 1), `${count} outliers: the title (row ${title}) and its first sentence`).toBe(pageOf(title));
          expect(pageOf(last - 1), `${count} outliers: the last two sentences`).toBe(pageOf(last));
        }
      }
    });
  }
});

const skip = skipPdfChecks('comparisonWorkbook.print.test.ts');

describe.skipIf(skip)('the comparison printed to PDF by LibreOffice', () => {
  const folder = testFolder();
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('prints “Too few schools for fences” with its sentences, and the Outliers sheet (fitted one page across or at 80%) on the pages its breaks make, in English and in Welsh', async () => {
    const comparison = authority();
    // 19 and 29: where LibreOffice left the title at a page's foot with two sentences.
    // And one whose sheet prints at 80% across pages: its pages hold what 80% holds.
    const files = (['en', 'cy'] as const).flatMap((lang) => [
      ...[19, 29].map((count) => ({ lang, count, wide: false, path: nodePath.join(folder, `outliers-${count}-${lang}.xlsx`) })),
      { lang, count: 40, wide: true, path: nodePath.join(folder, `outliers-40-wide-${lang}.xlsx`) },
    ]);
    for (const file of files) await writeComparison(withOutliers(comparison, file.count, file.wide), file.lang, file.path);
    const pdfs = convertWithLibreOffice(
      files.map((f) => f.path),
      'pdf',
      nodePath.join(folder, 'pdf'),
    );
    for (const [i, pdf] of pdfs.entries()) {
      const file = files[i] as (typeof files)[number];
      const { t } = createI18n(file.lang);
      const where = `${file.lang}, ${file.count} outliers${file.wide ? ', at 80%' : ''}`;
      const keep = process.env.MAPIO_PRINT_PNG;
      if (keep) {
        fs.mkdirSync(keep, { recursive: true });
        execFileSync('pdftoppm', ['-r', '60', '-png', pdf, nodePath.join(keep, nodePath.basename(pdf, '.pdf'))]);
      }
      const { ws, pages, title: titleRow, lastSentence } = await outliersSheetOf(file.path, file.lang);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      const title = t('compareBook.outliers.tooFewTitle');
      const at = text.indexOf(title);
      expect(at, `${where}: the title`).toBeGreaterThanOrEqual(0);
      // Its last sentence, or, at 80% (longer than a page), its first; by their first words (a long Welsh sentence wraps).
      const sentence = file.wide ? ws.getRow(titleRow + 1).getCell(1).text : lastSentence;
      const end = text.indexOf(sentence.split(' ').slice(0, 8).join(' '), at);
      expect(end, `${where}: the sentence after the title`).toBeGreaterThan(at);
      expect(text.slice(at, end), `${where}: the title on the page of “${sentence.slice(0, 40)}…”`).not.toContain('\f');
      // The sheet's pages: those whose heading row reads "School  Phase  Figure…", as many as its breaks make.
      const sheetPages = text.split('\f').filter((p) => {
        const firstLine = p.trimStart().split('\n')[0] as string;
        return firstLine.startsWith(t('compareBook.outliers.school')) && firstLine.includes(t('compareBook.outliers.figure'));
      });
      expect(sheetPages.length, `${where}: pages of the Outliers sheet`).toBe(pages.length);
      // Every page of every sheet ends with the comparison's title, its sheet's name and its page.
      const printed = text.split('\f').filter((p) => p.trim() !== '');
      for (const [n, page] of printed.entries()) {
        const foot = page.trimEnd().split('\n').at(-1) as string;
        expect(foot, `${where}: page ${n + 1}`).toMatch(
          new RegExp(
            `^\\s*${t('compareBook.title')}\\s.*${t('export.footerPage')
              .replace('&P', String(n + 1))
              .replace('&N', String(printed.length))}$`,
          ),
        );
      }
    }
  }, 300_000);
});
