/**
 * exceljs, loaded the first time a spreadsheet is written or read (docs/performance.md, "Round 13: exceljs
 * on first use"). Loading it at start delayed the data process's first answer by 0.3–0.6 s under tsx and
 * its bundle's evaluation by 60–140 ms, though only the exports, an MIS spreadsheet and the authority's
 * returns use it. Every module that makes a workbook asks here; the rest import its types only
 * (`import type`), which leave nothing behind at run time.
 *
 * A dynamic import, so esbuild's bundle of the data process evaluates exceljs only when first asked, and
 * tsx and Node load it only then.
 */
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | null = null;

/** exceljs, loaded once; every later call answers at once with the same module. */
export function excelLibrary(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((module) => module.default);
  return loading;
}

/** A new, empty workbook. */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { Workbook } = await excelLibrary();
  return new Workbook();
}

/**
 * The font every cell is set in: the workbook's default, Calibri 11. A font exceljs is given as bold or
 * italic alone is written with no name, and a spreadsheet then chooses one itself: LibreOffice took its
 * default serif, wider than Calibri, so a bold total showed "###" and headings broke inside words
 * ("Contac t min a session"). docs/exports.md, "Printing the workbook".
 */
const WORKBOOK_FONT = { name: 'Calibri', family: 2 } as const;

/** Give every cell's font the workbook's font name where it has none (sizes, bold and colours kept). */
export function nameEveryFont(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const font = cell.font as Partial<ExcelJS.Font> | undefined;
        if (font && !font.name) cell.font = { ...font, ...WORKBOOK_FONT };
      }),
    );
  }
}

/** The workbook as the bytes of an .xlsx file, every font named (nameEveryFont). */
export async function xlsxBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  nameEveryFont(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
