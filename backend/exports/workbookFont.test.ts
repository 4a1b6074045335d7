/**
 * Every workbook that leaves Mapio names the font of every cell (docs/exports.md, "Printing the workbook"):
 * a bold heading or total written with no font name was set by LibreOffice in its default serif, wider
 * than Calibri, and printed "###" and "Contac t min a session". Each workbook is written to bytes as it is
 * saved, read back with ExcelJS, and every cell that carries a font is asked its name.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildAuthorityReturn } from '../../shared/authority/buildReturn';
import { compareReturns } from '../../shared/authority/comparison';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { costSchoolYear } from '../../shared/engine';
import type { Lang } from '../../shared/i18n';
import { viewOf } from '../../test/support/variedSchools';
import { writeComparisonWorkbook } from '../returns/comparisonWorkbook';
import { writeReturnWorkbook } from '../returns/returnWorkbook';
import { governorsWorkbookBytes } from './governorsWorkbook';

/** Each cell with a font, by sheet and address, and the font's name ('' when it has none). */
async function fontNames(bytes: Uint8Array): Promise<Array<{ at: string; name: string }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const found: Array<{ at: string; name: string }> = [];
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const font = cell.font as Partial<ExcelJS.Font> | undefined;
        if (font && Object.keys(font).length > 0) found.push({ at: `${ws.name}!${cell.address}`, name: font.name ?? '' });
      }),
    );
  }
  return found;
}

const year = demoSchoolYear();
const ret = buildAuthorityReturn(year, costSchoolYear(year));

describe.each<Lang>(['en', 'cy'])('every cell names its font (%s)', (lang) => {
  it.each([
    ['the governors’ workbook', async () => (await governorsWorkbookBytes(viewOf(year), { learners: 'pseudonymised', lang, generatedOn: '2026-11-24' })).bytes],
    ['the authority return', () => writeReturnWorkbook(ret, 'Rhian Morgan', lang, new Date('2026-11-24T10:00:00Z'))],
    ['the authority comparison', () => writeComparisonWorkbook(compareReturns([{ schoolKey: 'a', ret, publishedAllocationPence: null }], {}, {}), undefined, lang)],
  ])('%s', async (_what, write) => {
    const fonts = await fontNames(await write());
    // Bold headings and totals are among them: the test reads the fonts that lost their name.
    expect(fonts.length).toBeGreaterThan(10);
    expect(fonts.filter((f) => f.name !== 'Calibri')).toEqual([]);
  });
});
