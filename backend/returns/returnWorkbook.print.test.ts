/**
 * The return's first sheet prints each section (a heading: the school, the counts, income, the budget
 * position, each cost table) whole on one page, with its heading, as the governors' workbook prints its
 * tables (backend/exports/sheetPrint.ts, keepTogether): LibreOffice printed the Welsh demo's
 * "Sefyllfa’r gyllideb" with one row of its table at the foot of page 1 and the rest on page 2.
 *
 * The returns of the demo school and a new school (one line, no income, no learners), in English and
 * Welsh, and a school with sixty lines are written to real files; the sheet's manual breaks are read back
 * from the file; then the files are printed to PDF by LibreOffice and read back with pdftotext: the sheet
 * prints on as many pages as its breaks make, and each section's rows read on its heading's page.
 * Set MAPIO_PRINT_PNG to a folder to keep a PNG of every page (pdftoppm -r 60) to look at.
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
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { costSchoolYear } from '../../shared/engine';
import { translatorFor } from '../../shared/i18n';
import { zipEntries } from '../../test/support/returnFiles';
import { testFolder } from '../../test/support/testFolder';
import { variedSchoolYear } from '../../test/support/variedSchools';
import { convertWithLibreOffice } from '../exports/libreOfficeRecalculation';
import { pagePoints, rowPoints } from '../exports/sheetPrint';
import { writeReturnWorkbook } from './returnWorkbook';

const SCHOOLS = [
  { name: 'demo-en', year: demoSchoolYear(), lang: 'en' as const },
  { name: 'demo-cy', year: demoSchoolYear(), lang: 'cy' as const },
  { name: 'newcomer-en', year: newcomerSchool(), lang: 'en' as const },
  { name: 'newcomer-cy', year: newcomerSchool(), lang: 'cy' as const },
  { name: 'sixty-lines-cy', year: variedSchoolYear(14, { lines: 60, learners: 120 }), lang: 'cy' as const },
];

const WRITTEN = new Date('2027-06-01T09:00:00Z');

/** The return's file, written for `school` into `folder`. */
async function writeReturn(school: (typeof SCHOOLS)[number], folder: string): Promise<string> {
  const path = nodePath.join(folder, `${school.name}.xlsx`);
  fs.writeFileSync(path, await writeReturnWorkbook(buildAuthorityReturn(school.year, costSchoolYear(school.year)), 'Mapio test', school.lang, WRITTEN));
  return path;
}

/**
 * The first sheet as the file holds it, with its manual page breaks (the rows each page ends after, which
 * ExcelJS does not read back) and its sections: a heading (bold, 12 pt) down to the row before the next blank one.
 */
async function mainSheetOf(path: string) {
  const bytes = fs.readFileSync(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  const ws = workbook.worksheets[0] as ExcelJS.Worksheet;
  const xml = zipEntries(bytes).get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? '';
  const breaks = [...(/<rowBreaks[^>]*>(.*?)<\/rowBreaks>/.exec(xml)?.[1] ?? '').matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
  const starts = [1, ...breaks.map((id) => id + 1)];
  const pages = starts.map((start, i): [number, number] => [start, i + 1 < starts.length ? (starts[i + 1] as number) - 1 : ws.rowCount]);
  const blank = (r: number) => ws.getRow(r).getCell(1).text === '' && ws.getRow(r).getCell(2).text === '';
  const sections: Array<{ first: number; last: number; labels: string[] }> = [];
  for (let r = 3; r <= ws.rowCount; r++) {
    if (ws.getRow(r).getCell(1).font?.size !== 12) continue;
    let last = r;
    while (last < ws.rowCount && !blank(last + 1)) last++;
    const labels: string[] = [];
    for (let k = r; k <= last; k++) if (ws.getRow(k).getCell(1).text.trim() !== '') labels.push(ws.getRow(k).getCell(1).text);
    sections.push({ first: r, last, labels });
  }
  return { ws, pages, sections, note: ws.getRow(2).getCell(1).text };
}

describe('the return’s first sheet in print', () => {
  const folder = testFolder();
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  for (const school of SCHOOLS) {
    it(`${school.name}: each page ends at a break of its own and holds no more than a page, and no section is split from its heading`, async () => {
      const { ws, pages, sections } = await mainSheetOf(await writeReturn(school, folder));
      const page = pagePoints(ws);
      const height = (first: number, last: number) => {
        let sum = 0;
        for (let r = first; r <= last; r++) sum += rowPoints(ws, r);
        return sum;
      };
      for (const [first, last] of pages) expect(height(first, last), `rows ${first}–${last}`).toBeLessThanOrEqual(page);
      const pageOf = (r: number) => pages.findIndex(([first, last]) => r >= first && r <= last);
      expect(sections.length).toBeGreaterThanOrEqual(8);
      for (const section of sections) expect(pageOf(section.last), `“${section.labels[0]}” (rows ${section.first}–${section.last})`).toBe(pageOf(section.first));
    });
  }

  it('says on the foot of every page of each sheet a person reads whose return it is, the sheet and the page', async () => {
    for (const school of SCHOOLS) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(fs.readFileSync(await writeReturn(school, folder)) as never);
      const t = translatorFor(school.lang);
      const visible = workbook.worksheets.filter((ws) => ws.state === 'visible');
      expect(visible.map((ws) => ws.name)).toEqual([t('returnBook.sheet.main'), t('returnBook.sheet.lines')]);
      // The title as the first sheet shows it, "&" doubled (a code in a footer); the sheet's name and the page at the right.
      const title = visible[0]?.getCell('A1').text.replace(/&/g, '&&');
      for (const ws of visible) expect(ws.headerFooter.oddFooter, `${school.name}: ${ws.name}`).toBe(`&L${title}&R${ws.name} · ${t('export.footerPage')}`);
    }
  });
});

const skip = skipPdfChecks('returnWorkbook.print.test.ts');

describe.skipIf(skip)('the return printed to PDF by LibreOffice', () => {
  const folder = testFolder();
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('prints each section of the first sheet on one page with its heading, on the pages its breaks make, in English and in Welsh', async () => {
    const inputs = await Promise.all(SCHOOLS.map((school) => writeReturn(school, folder)));
    const sheets = await Promise.all(inputs.map(mainSheetOf));
    const pdfs = convertWithLibreOffice(inputs, 'pdf', nodePath.join(folder, 'pdf'));
    for (const [i, pdf] of pdfs.entries()) {
      const school = SCHOOLS[i] as (typeof SCHOOLS)[number];
      const { pages, sections, note } = sheets[i] as Awaited<ReturnType<typeof mainSheetOf>>;
      const keep = process.env.MAPIO_PRINT_PNG;
      if (keep) {
        fs.mkdirSync(keep, { recursive: true });
        execFileSync('pdftoppm', ['-r', '60', '-png', pdf, nodePath.join(keep, `return-${school.name}`)]);
      }
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      // The first sheet's pages: those before the intervention lines sheet's, which start with its heading row.
      const printed = text.split('\f').filter((p) => p.trim() !== '');
      const t = translatorFor(school.lang);
      // Every page, the intervention lines' (no title row of their own) among them, ends with whose return it is and its page.
      for (const [n, page] of printed.entries()) {
        const foot = page.trimEnd().split('\n').at(-1) as string;
        expect(foot, `${school.name}: page ${n + 1}`).toMatch(
          new RegExp(
            `${t('export.footerPage')
              .replace('&P', String(n + 1))
              .replace('&N', String(printed.length))}$`,
          ),
        );
        expect(foot, `${school.name}: page ${n + 1}`).toContain(school.name.startsWith('newcomer') ? 'Ysgol Newydd' : '2026-27');
      }
      const firstSheetPages = printed.findIndex((p) => {
        const firstLine = p.trimStart().split('\n')[0] as string;
        return firstLine.startsWith(t('returnBook.lines.name')) && firstLine.includes(t('returnBook.lines.tier'));
      });
      expect(firstSheetPages, `${school.name}: pages of the first sheet`).toBe(pages.length);
      // Each section reads on one page: its labels in order (their first words: a long Welsh label wraps), no page's end among them.
      const firstWords = (label: string) => label.trim().split(/\s+/).slice(0, 3).join(' ');
      // From the note under the title on: the title names the school ("Ysgol…"), as the first section's heading may.
      let from = text.indexOf(firstWords(note));
      for (const section of sections) {
        const at = text.indexOf(firstWords(section.labels[0] as string), from);
        expect(at, `${school.name}: “${section.labels[0]}”`).toBeGreaterThanOrEqual(0);
        let end = at;
        for (const label of section.labels.slice(1)) {
          const next = text.indexOf(firstWords(label), end + 1);
          expect(next, `${school.name}: “${label}” after “${section.labels[0]}”`).toBeGreaterThan(end);
          end = next;
        }
        expect(text.slice(at, end), `${school.name}: “${section.labels[0]}” on one page with its last row, “${section.labels.at(-1)}”`).not.toContain('\f');
        from = end;
      }
    }
  }, 300_000);
});
