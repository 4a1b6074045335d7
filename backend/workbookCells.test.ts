/**
 * The cell reader against exceljs: on every workbook Mapio writes that is read back (returns in English
 * and Welsh, the governors' workbook with its formulas) and on one written the ways other programs write
 * (rich text, booleans, dates, formulas with and without a stored result, inline strings, cells without
 * an address), every sheet's name, visibility and every cell's value and number format are the same.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildAuthorityReturn } from '../shared/authority/buildReturn';
import { costSchoolYear } from '../shared/engine';
import { testSchoolYear } from '../test/support/testSchoolYear';
import { zipEntries } from '../test/support/returnFiles';
import { variedSchoolYear } from '../test/support/variedSchools';
import { governorsWorkbookBytes } from './exports/governorsWorkbook';
import { writeReturnWorkbook } from './returns/returnWorkbook';
import { workbookCells, WorkbookUnreadable, type CellValue } from './workbookCells';

/**
 * A cell's value as exceljs gives it, in the reader's terms: rich text joined, a formula's stored result, a
 * date as ISO time. Undefined for a formula exceljs gives no result for: it drops a stored result of 0
 * (`<f>…</f><v>0</v>`), which the reader keeps, as Excel shows it.
 */
function excelValue(cell: ExcelJS.Cell): CellValue | undefined {
  const v = cell.value;
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'formula' in v) {
    const result = v.result;
    if (result === undefined) return undefined;
    if (result === null || result === '') return null;
    return result instanceof Date ? result.toISOString() : typeof result === 'object' ? String((result as { error: string }).error) : result;
  }
  if (typeof v === 'object' && 'error' in v) return String(v.error);
  return String(v as unknown);
}

async function expectSameAsExceljs(bytes: Buffer): Promise<number> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  const sheets = workbookCells(zipEntries(bytes));
  expect(sheets.map((s) => [s.name, s.hidden])).toEqual(book.worksheets.map((w) => [w.name, w.state === 'hidden' || w.state === 'veryHidden']));
  let compared = 0;
  for (const want of book.worksheets) {
    const got = sheets.find((s) => s.name === want.name)!;
    const rows = Math.max(want.rowCount, got.rowCount);
    const columns = Math.max(want.columnCount, got.columnCount);
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= columns; c++) {
        const cell = want.getCell(r, c);
        const read = got.cell(r, c);
        const value = excelValue(cell);
        if (value === undefined) continue;
        expect({ at: `${want.name}!${cell.address}`, value: read?.value ?? null }).toEqual({ at: `${want.name}!${cell.address}`, value });
        const format = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined;
        if (read?.value !== null && read?.value !== undefined) expect({ at: `${want.name}!${cell.address}`, format: read.numFmt }).toEqual({ at: `${want.name}!${cell.address}`, format });
        if (read?.value !== null && read?.value !== undefined) compared++;
      }
    }
  }
  return compared;
}

describe('workbookCells reads what exceljs reads', () => {
  it('a school’s return, in English and in Welsh', async () => {
    for (const [year, lang] of [
      [testSchoolYear(), 'en'],
      [variedSchoolYear(3), 'cy'],
    ] as const) {
      const bytes = await writeReturnWorkbook(buildAuthorityReturn(year, costSchoolYear(year)), 'test', lang, new Date('2027-06-01T09:00:00Z'));
      expect(await expectSameAsExceljs(bytes)).toBeGreaterThan(100);
    }
  });

  it('the governors’ workbook, formulas and all', async () => {
    const data = testSchoolYear();
    const { bytes } = await governorsWorkbookBytes({ data, costed: costSchoolYear(data) }, { lang: 'en', generatedOn: '2026-11-24', learners: 'pseudonymised' });
    expect(await expectSameAsExceljs(Buffer.from(bytes))).toBeGreaterThan(100);
  });

  it('a workbook written as other programs write them: rich text, booleans, dates, formulas, errors', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Return');
    sheet.getCell('A1').value = { richText: [{ text: 'Roll ' }, { font: { bold: true }, text: 'edited' }] };
    sheet.getCell('B1').value = true;
    sheet.getCell('C1').value = false;
    sheet.getCell('A2').value = new Date('2027-03-31T00:00:00Z');
    sheet.getCell('A2').numFmt = 'dd/mm/yyyy';
    sheet.getCell('B2').value = 1234.5;
    sheet.getCell('B2').numFmt = '£#,##0.00;-£#,##0.00';
    sheet.getCell('C2').value = { formula: 'B2*2', result: 2469 };
    sheet.getCell('D2').value = { formula: 'B2*3' } as ExcelJS.CellFormulaValue;
    sheet.getCell('G2').value = { formula: 'B2-B2', result: 0 };
    sheet.getCell('E2').value = { formula: 'A1&"!"', result: 'Roll edited!' };
    sheet.getCell('F2').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    sheet.getCell('A3').value = 'Text & <markup> “quoted”';
    sheet.getCell('Z40').value = -0.25;
    book.addWorksheet('Hidden', { state: 'hidden' }).getCell('A1').value = 'x';
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    expect(await expectSameAsExceljs(bytes)).toBeGreaterThan(8);
    // A stored result of 0 is 0 (exceljs drops it); a formula with no stored result shows nothing yet.
    const [read] = workbookCells(zipEntries(bytes));
    expect([read!.cell(2, 7)?.value, read!.cell(2, 4)?.value]).toEqual([0, null]);
  });

  it('inline strings and cells without an address take their place after the one before', () => {
    const parts = zipEntriesOfMinimalWorkbook(
      '<sheetData><row r="2"><c t="inlineStr"><is><r><t>Bryn </t></r><r><t>Derw</t></r></is></c><c><v>7</v></c><c r="E2" t="b"><v>1</v></c></row><row><c t="str"><f>1+1</f><v>2</v></c></row></sheetData>',
    );
    const [sheet] = workbookCells(parts);
    expect([sheet!.cell(2, 1)?.value, sheet!.cell(2, 2)?.value, sheet!.cell(2, 5)?.value, sheet!.cell(3, 1)?.value]).toEqual(['Bryn Derw', 7, true, '2']);
    expect([sheet!.rowCount, sheet!.columnCount]).toEqual([3, 5]);
  });

  it('parts that do not make a workbook are unreadable, with what is wrong', () => {
    expect(() => workbookCells(new Map())).toThrow(WorkbookUnreadable);
    const broken = zipEntriesOfMinimalWorkbook('<sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>');
    expect(() => workbookCells(broken)).toThrow(/Sheet1/);
    const missing = zipEntriesOfMinimalWorkbook('<sheetData/>');
    missing.delete('xl/worksheets/sheet1.xml');
    expect(() => workbookCells(missing)).toThrow(/part of sheet Sheet1 is missing/);
  });

  it('never expands entities a file declares for itself (a "billion laughs"): such a part is unreadable at once', () => {
    const laughs = zipEntriesOfMinimalWorkbook('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>');
    laughs.set(
      'xl/sharedStrings.xml',
      Buffer.from(
        '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>' +
          '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&c;</t></si></sst>',
      ),
    );
    expect(() => workbookCells(laughs)).toThrow(/sharedStrings: .*undefined entity/);
  });
});

/** The fewest parts of a workbook with one sheet whose body is `sheetData`. */
function zipEntriesOfMinimalWorkbook(sheetData: string): Map<string, Buffer> {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return new Map([
    ['xl/workbook.xml', Buffer.from(`<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`)],
    [
      'xl/_rels/workbook.xml.rels',
      Buffer.from(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    ],
    ['xl/worksheets/sheet1.xml', Buffer.from(`<worksheet xmlns="${main}">${sheetData}</worksheet>`)],
  ]);
}
