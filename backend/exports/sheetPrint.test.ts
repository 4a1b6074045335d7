/**
 * The print pass reads a sheet's print area however it is written: the governors' workbook writes "A1:Q49",
 * the comparison writes an empty table's sheet absolute ("A$1:E$12"), as ExcelJS and Excel write it.
 */
import { describe, expect, it } from 'vitest';
import { newWorkbook } from './excelLibrary';
import { printedColumns } from './sheetPrint';

describe('the printed columns', () => {
  it('are the print area’s, written plain or absolute, else every column used', async () => {
    const ws = (await newWorkbook()).addWorksheet('Sheet');
    ws.getCell('H20').value = 'beyond the print area';
    expect(printedColumns(ws)).toBe(8);
    for (const area of ['A1:E12', 'A$1:E$12', '$A$1:$E$12']) {
      ws.pageSetup.printArea = area;
      expect(printedColumns(ws), area).toBe(5);
    }
  });
});
