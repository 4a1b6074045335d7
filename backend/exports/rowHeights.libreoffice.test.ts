/**
 * Rows are never shorter than a spreadsheet wraps their text (docs/exports.md, "Row heights"): every
 * wrapped cell of the governors' workbook (the demo in English and Welsh, a new school, a school with
 * sixty lines and long Welsh names), the return (English and Welsh) and the authority's comparison
 * (English and Welsh) is set again, its text, font and width as written, in a row of its own much taller
 * than it needs; LibreOffice prints those rows to PDF with Carlito (Calibri's widths), and pdftotext reads
 * back how many lines each text took. Each row Mapio wrote must hold that many lines at Excel's height
 * for a line, and Mapio's own count must be no fewer.
 *
 * LibreOffice is asked to print rather than to size the rows itself: it keeps a row's height from the
 * file when it opens an .xlsx (and without its Basic component, not installed here, no macro can ask it for
 * the optimal height), so the lines it prints are the measure.
 *
 * Set MAPIO_ROWS_SPARE to a number to list the cells counted at that many lines or more above what printed.
 *
 * Needs LibreOffice, poppler-utils and Carlito; skipped, with a message, only when they are absent and CI
 * is not set.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { newcomerSchool } from '../../test/support/newcomerSchool';
import { skipPdfChecks } from '../../test/support/pdfChecks';
import { variedSchoolYear, viewOf } from '../../test/support/variedSchools';
import { buildAuthorityReturn } from '../../shared/authority/buildReturn';
import { compareReturns } from '../../shared/authority/comparison';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { costSchoolYear } from '../../shared/engine';
import type { Lang } from '../../shared/i18n';
import { writeComparisonWorkbook } from '../returns/comparisonWorkbook';
import { writeReturnWorkbook } from '../returns/returnWorkbook';
import { buildGovernorsWorkbook } from './governorsWorkbook';
import { convertWithLibreOffice } from './libreOfficeRecalculation';
import { widthFor } from './sheetLayout';
import { shownText } from './sheetPrint';
import { linePoints, wrappedLineCount } from './textLines';

/** A wrapped cell as written: where it is, its text, font and width, its row's height and Mapio's count of its lines. */
interface Wrapped {
  where: string;
  text: string;
  width: number;
  bold: boolean;
  size: number;
  rowHeight: number;
  counted: number;
}

/** Width of a cell's indent in column units, as the layout takes it (sheetPrintLayout.ts). */
const INDENT_UNITS = 2;

function wrappedCells(workbook: ExcelJS.Workbook, document: string): Wrapped[] {
  const cells: Wrapped[] = [];
  for (const ws of workbook.worksheets) {
    if (ws.state !== 'visible') continue;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (!cell.alignment?.wrapText || (cell.isMerged && cell.master !== cell)) return;
        let value: unknown = cell.value;
        if (value !== null && typeof value === 'object' && 'formula' in value) value = (value as ExcelJS.CellFormulaValue).result;
        if (typeof value !== 'string' && !(value !== null && typeof value === 'object' && 'richText' in value)) return;
        const text = shownText(cell);
        if (text.trim() === '') return;
        const width = widthFor(ws, cell) - (cell.alignment.indent ?? 0) * INDENT_UNITS;
        const font = { bold: cell.font?.bold === true, size: cell.font?.size ?? 11 };
        cells.push({ where: `${document} ${ws.name}!${cell.address}`, text, width, ...font, rowHeight: row.height ?? 15, counted: wrappedLineCount(text, width, font) });
      }),
    );
  }
  return cells;
}

async function loaded(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  return workbook;
}

/** A school with sixty lines and Welsh names, among them one word too long for any column. */
function longNamedSchool() {
  const year = variedSchoolYear(21, { lines: 60, learners: 40 });
  year.school = { ...year.school, name: 'Ysgol Gynradd Gymraeg Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch a’r Cylch' };
  return year;
}

async function documents(): Promise<Wrapped[]> {
  const cells: Wrapped[] = [];
  const schools = [
    { name: 'demo', year: demoSchoolYear() },
    { name: 'newcomer', year: newcomerSchool() },
    { name: 'long-named', year: longNamedSchool() },
  ];
  for (const lang of ['en', 'cy'] as Lang[]) {
    for (const school of schools) {
      const workbook = await buildGovernorsWorkbook(viewOf(school.year), { learners: 'named', lang, generatedOn: '2026-11-24' });
      cells.push(...wrappedCells(workbook, `governors ${school.name} ${lang}`));
      const ret = await writeReturnWorkbook(buildAuthorityReturn(school.year, costSchoolYear(school.year)), 'Mapio test', lang, new Date('2027-06-01T09:00:00Z'));
      cells.push(...wrappedCells(await loaded(ret), `return ${school.name} ${lang}`));
    }
    const years = [demoSchoolYear(), newcomerSchool({ officialNumber: '6710002' }), longNamedSchool()];
    for (let i = 0; i < 6; i++) years.push({ ...variedSchoolYear(100 + i), school: { ...variedSchoolYear(100 + i).school, name: `School ${i}`, officialNumber: `6710${100 + i}` } });
    const comparison = compareReturns(
      years.map((year, i) => ({ schoolKey: `k${i}`, ret: buildAuthorityReturn(year, costSchoolYear(year)), publishedAllocationPence: null })),
      {},
      {},
    );
    cells.push(...wrappedCells(await loaded(await writeComparisonWorkbook(comparison, undefined, lang)), `comparison ${lang}`));
  }
  return cells;
}

/**
 * A workbook of the cells, one a row, each under a marker ("#12") in a narrow first column, in a column
 * as wide as its own, on A3 at full size where it fits; each row far taller than its text needs.
 */
async function probeWorkbook(cells: Wrapped[], path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const byWidth = new Map<number, number[]>();
  cells.forEach((cell, i) => byWidth.set(cell.width, [...(byWidth.get(cell.width) ?? []), i]));
  let n = 0;
  for (const [width, indices] of byWidth) {
    const ws = workbook.addWorksheet(`W${(n += 1)}`);
    ws.getColumn(1).width = 8;
    ws.getColumn(2).width = width;
    // A3 landscape holds a column of width 150 at full size; a wider one (text merged across a wide sheet) is
    // fitted to the page's width, which shrinks the print but not the lines the text wraps to.
    const fit = width > 150 ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false, scale: 100 };
    ws.pageSetup = { paperSize: 8 as ExcelJS.PageSetup['paperSize'], orientation: 'landscape', ...fit, margins: { left: 0.3, right: 0.3, top: 0.3, bottom: 0.3, header: 0, footer: 0 } };
    indices.forEach((i, k) => {
      const cell = cells[i] as Wrapped;
      const row = ws.getRow(k + 1);
      const marker = row.getCell(1);
      marker.value = `#${i}`;
      marker.font = { name: 'Calibri', size: 8 };
      marker.alignment = { vertical: 'top' };
      const text = row.getCell(2);
      text.value = cell.text;
      text.font = { name: 'Calibri', size: cell.size, bold: cell.bold };
      text.alignment = { wrapText: true, vertical: 'top' };
      row.height = Math.min(409, (cell.counted + 4) * linePoints(cell.size));
    });
  }
  await workbook.xlsx.writeFile(path);
}

/** The lines each cell's text printed on, read back from the PDF: the distinct heights its words sit at below its marker. */
function printedLines(pdf: string, count: number): number[] {
  const html = `${pdf}.html`;
  execFileSync('pdftotext', ['-bbox', pdf, html]);
  const baselines = Array.from({ length: count }, () => [] as number[]);
  for (const page of fs.readFileSync(html, 'utf8').split('<page ').slice(1)) {
    const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      x: Number(m[1]),
      top: Number(m[2]),
      bottom: Number(m[3]),
      text: m[4] as string,
    }));
    // The markers sit in the first column: 0.3" of margin and a column of width 8 end at about 63 pt.
    const markers = words.filter((w) => w.x < 50 && /^#\d+$/.test(w.text)).sort((a, b) => a.top - b.top);
    for (const word of words) {
      if (word.x < 50) continue;
      const owner = markers.filter((m) => m.top <= word.top + 3).at(-1);
      if (owner) baselines[Number(owner.text.slice(1))]?.push(word.bottom);
    }
  }
  return baselines.map((ys) => {
    let lines = 0;
    let last = -Infinity;
    for (const y of [...ys].sort((a, b) => a - b)) {
      if (y - last > 3) lines += 1;
      last = y;
    }
    return lines;
  });
}

const skip = skipPdfChecks('rowHeights.libreoffice.test.ts');

describe.skipIf(skip)('row heights against the lines LibreOffice prints', () => {
  const folder = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'mapio-rows-'));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('every wrapped cell of the governors’ workbook, the return and the comparison, in English and Welsh, sits in a row tall enough for the lines LibreOffice prints it on', async () => {
    const cells = await documents();
    const path = nodePath.join(folder, 'probe.xlsx');
    await probeWorkbook(cells, path);
    const [pdf] = convertWithLibreOffice([path], 'pdf', folder);
    const printed = printedLines(pdf as string, cells.length);

    const unread = cells.filter((_, i) => printed[i] === 0).map((c) => c.where);
    expect(unread, 'cells whose text was not found in the PDF').toEqual([]);
    const shortCounts: string[] = [];
    const shortRows: string[] = [];
    const spare = new Map<number, number>();
    cells.forEach((cell, i) => {
      const lines = printed[i] as number;
      const what = `${cell.where} (width ${cell.width}${cell.bold ? ', bold' : ''}${cell.size !== 11 ? `, ${cell.size} pt` : ''}): “${cell.text.slice(0, 80)}”`;
      if (cell.counted < lines) shortCounts.push(`${what}: counted ${cell.counted}, printed ${lines}`);
      // A row of one line is as tall as a spreadsheet makes it for its font; only wrapped lines need a height set.
      if (lines > 1 && cell.rowHeight < lines * linePoints(cell.size) - 0.01) shortRows.push(`${what}: row ${cell.rowHeight} pt, printed ${lines} lines`);
      spare.set(cell.counted - lines, (spare.get(cell.counted - lines) ?? 0) + 1);
    });
    if (process.env.MAPIO_ROWS_SPARE)
      cells.forEach(
        (cell, i) =>
          cell.counted - (printed[i] as number) >= Number(process.env.MAPIO_ROWS_SPARE) && console.info(`${cell.counted} vs ${printed[i]}: ${cell.where} w${cell.width} ${cell.text.slice(0, 100)}`),
      );
    const multi = printed.filter((lines) => lines > 1).length;
    console.info(
      `${cells.length} wrapped cells (${multi} printed on more than one line); Mapio's count less LibreOffice's: ${[...spare]
        .sort((a, b) => a[0] - b[0])
        .map(([d, n]) => `${d}: ${n}`)
        .join(', ')}`,
    );
    expect(shortCounts, 'cells counted at fewer lines than LibreOffice prints').toEqual([]);
    expect(shortRows, 'rows shorter than the lines LibreOffice prints').toEqual([]);
    // The check is not only of one-line cells.
    expect(multi).toBeGreaterThan(50);
  }, 300_000);
});
