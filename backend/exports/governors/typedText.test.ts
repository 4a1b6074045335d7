/**
 * Text the school typed stays text in the governors' workbook: a line, staff member or income line named
 * like a formula is written as a string in a cell with the Text format (@), so opening the file, or editing
 * the cell (F2, Enter) in Excel or LibreOffice, can never turn "=HYPERLINK(…)" into a formula. Read from
 * the written file's own XML, not through exceljs's model.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { demoSchoolYear } from '../../../shared/demo/demoSchool';
import { buildGovernorsWorkbookWithFigures } from '../governorsWorkbook';
import { viewOf } from '../../../test/support/variedSchools';

const FORMULA_NAME = '=HYPERLINK("http://x","y")';

describe('the governors’ workbook keeps the school’s text as text', () => {
  it('writes names that look like formulas as strings in Text-format cells, never as formulas', async () => {
    const year = demoSchoolYear();
    year.lines[0] = { ...year.lines[0]!, name: FORMULA_NAME, fundingNote: '+44 7700 900000' };
    year.staff[0] = { ...year.staff[0]!, name: '-SUM(A1)' };
    year.income[0] = { ...year.income[0]!, name: '@cmd', source: '=1+1' };
    const { workbook } = await buildGovernorsWorkbookWithFigures(viewOf(year), { learners: 'pseudonymised', lang: 'en', generatedOn: '2026-11-24' });
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const file = async (path: string) => (await zip.file(path)?.async('string')) ?? '';

    const shared = [...(await file('xl/sharedStrings.xml')).matchAll(/<si>(.*?)<\/si>/gs)].map((m) =>
      (m[1] ?? '')
        .replace(/<[^>]+>/g, '')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    );
    const styles = await file('xl/styles.xml');
    const cellXfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)?.[1] ?? '';
    const xfs = [...cellXfs.matchAll(/<xf [^>]*?numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
    const TEXT_FORMAT_ID = 49; // the built-in "@"

    // Every cell whose text starts with = + - @ in these sheets: a shared string (t="s"), no <f>, Text format.
    const seen: string[] = [];
    for (const sheet of ['sheet1', 'sheet2', 'sheet3']) {
      const xml = await file(`xl/worksheets/${sheet}.xml`);
      for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
        const [, address, attrs = '', body = ''] = m;
        if (!/t="s"/.test(attrs)) continue;
        const text = shared[Number(/<v>(\d+)<\/v>/.exec(body)?.[1])] ?? '';
        if (!/^[=+\-@]/.test(text)) continue;
        seen.push(text.split('\n')[0] as string);
        expect(body, `${sheet}!${address}`).not.toContain('<f>');
        expect(xfs[Number(/s="(\d+)"/.exec(attrs)?.[1] ?? 0)], `${sheet}!${address} “${text}” has the Text format`).toBe(TEXT_FORMAT_ID);
      }
    }
    expect(seen).toEqual(expect.arrayContaining([FORMULA_NAME, '-SUM(A1)', '@cmd (Delegated ALN funding)', '=1+1']));
    // No formula anywhere calls HYPERLINK: the name never became one.
    for (const sheet of ['sheet1', 'sheet2', 'sheet3']) expect(await file(`xl/worksheets/${sheet}.xml`)).not.toMatch(/<f>[^<]*HYPERLINK/);
  });
});
